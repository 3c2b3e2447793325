"""What a page's head or a scraper's record states about an article, beside its text."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pilkada.models import Article, Certainty, Confidence


@dataclass(frozen=True)
class Hints:
    title: str | None = None
    published: Any = None  # a date
    published_text: str | None = None
    outlet: str | None = None
    authors: tuple[str, ...] = ()
    authoritative: bool = False  # given by a scraper (JSON Lines), not read from a page
    headline: bool = False  # the title is the page's marked-up headline: it wins over the text's
    why_title: str = "the page's <title>"
    why_date: str = "the page's meta date"


def with_hints(article: Article, hints: Hints) -> Article:
    """The article with what the page or the record states; a scraper's values always win."""
    update: dict[str, Any] = {}
    why_title = "given in the record" if hints.authoritative else hints.why_title
    weak_title = article.title is None or article.title_confidence.level is Confidence.low
    if hints.title and (hints.authoritative or hints.headline or weak_title):
        update["title"] = hints.title
        update["title_confidence"] = Certainty(level=Confidence.high, why=why_title)
    if hints.published is not None:
        why = "given in the record" if hints.authoritative else hints.why_date
        update["published"] = hints.published
        update["published_text"] = hints.published_text
        update["published_confidence"] = Certainty(level=Confidence.high, why=why)
    if hints.outlet and (hints.authoritative or not article.outlet):
        update["outlet"] = hints.outlet
    if hints.authors and not article.authors:
        update["authors"] = list(hints.authors)
    return article.model_copy(update=update) if update else article
