"""A saved HTML page: read through its DOM (``pilkada.html``), then parsed as its text."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from pilkada.inputs import Unit, decoded, noted

if TYPE_CHECKING:
    from pilkada.models import Article


def read(data: bytes, source: str, stem: str) -> Iterator[Unit]:
    text = decoded(data)
    if isinstance(text, Unit):
        yield text
        return
    try:
        article = parse_page(text.text, source, stem)
    except ValueError as exc:
        yield Unit(0, reason=str(exc), raw=data, whole=True)
        return
    yield Unit(0, noted(article, text.repairs), raw=data)


def parse_page(text: str, source: str | None = None, ident: str | None = None) -> Article:
    """The Article of a page's markup; raises ValueError for a page with no text."""
    from pilkada.html import page
    from pilkada.inputs.hints import Hints, with_hints
    from pilkada.models import Removed
    from pilkada.pipeline import parse

    found = page(text)
    if not found.lines:
        raise ValueError("no text in the page")
    article = parse(found.text, source=source, id=ident)
    hints = Hints(
        found.title,
        found.published,
        found.published_text,
        found.outlet,
        found.authors,
        headline=found.title_source != "the page's <title>",
        why_title=found.title_source,
    )
    article = with_hints(article, hints)
    if not found.dropped:
        return article
    left_out = [Removed(line=line, reason=why) for line, why in found.dropped]
    return article.model_copy(update={"removed": left_out + article.removed})
