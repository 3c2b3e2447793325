"""JSON Lines from a scraper: one object a line with ``text`` or ``html``, and what it knows."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import TYPE_CHECKING

from pilkada.inputs import Unit, noted, oversized, repaired_text

if TYPE_CHECKING:
    from pilkada.models import Article


def read(data: bytes, source: str, stem: str, first_line: int = 1) -> Iterator[Unit]:
    from pilkada.dates import parse_date
    from pilkada.html import iso_day
    from pilkada.inputs.hints import Hints, with_hints
    from pilkada.inputs.html import parse_page
    from pilkada.pipeline import parse

    for n, raw in enumerate(data.split(b"\n"), start=first_line):
        line = raw.strip()
        if not line:
            continue
        where = f"{source}:{n}"
        if (too_large := oversized(len(line))) is not None:
            yield Unit(n, reason=too_large)
            continue
        try:
            item = json.loads(line)
            if not isinstance(item, dict):
                raise ValueError("not a JSON object")
            body, is_html = item.get("text"), False
            if not isinstance(body, str) or not body.strip():
                body, is_html = item.get("html"), True
            if not isinstance(body, str) or not body.strip():
                raise ValueError('no "text" or "html" field with text in it')
            date_text = _text(item.get("date"))
            published = (iso_day(date_text) or parse_date(date_text)) if date_text else None
            body, repairs = repaired_text(body)
            hints = Hints(
                _text(item.get("title")),
                published,
                date_text if published else None,
                _text(item.get("outlet")),
                authoritative=True,
            )
            ident = f"{stem}.{n}"
            article = parse_page(body, where, ident) if is_html else parse(body, where, ident)
            article = noted(with_hints(article, hints), repairs)
            if item.get("date") not in (None, "") and published is None:
                article = _unread_date(article, item.get("date"))
        except (ValueError, RecursionError) as exc:  # json.JSONDecodeError is a ValueError
            yield Unit(n, reason=f"bad line: {exc}", raw=line)
            continue
        yield Unit(n, article, url=_text(item.get("url")), raw=line)


def _unread_date(article: Article, given: object) -> Article:
    """A record's date that is no date ("kemarin", "32/13/2024") is not dropped unsaid: it is
    noted among what was removed, and the article's date is doubtful (``list --doubtful``)."""
    from pilkada.models import Certainty, Confidence, Removed

    said = json.dumps(given, ensure_ascii=False)
    why = f"the record's date {said} is not a date"
    if article.published is not None:
        why += f"; the text's {article.published} is used"
    removed = Removed(line=f'"date": {said}', reason="a date that could not be read")
    return article.model_copy(
        update={
            "removed": [removed, *article.removed],
            "published_confidence": Certainty(level=Confidence.low, why=why),
        }
    )


def _text(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None
