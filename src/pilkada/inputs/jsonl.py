"""JSON Lines from a scraper: one object a line with ``text`` or ``html``, and what it knows."""

from __future__ import annotations

import json
from collections.abc import Iterator

from pilkada.inputs import Unit, oversized


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
            hints = Hints(
                _text(item.get("title")),
                published,
                date_text if published else None,
                _text(item.get("outlet")),
                authoritative=True,
            )
            ident = f"{stem}.{n}"
            article = parse_page(body, where, ident) if is_html else parse(body, where, ident)
            article = with_hints(article, hints)
        except (ValueError, RecursionError) as exc:  # json.JSONDecodeError is a ValueError
            yield Unit(n, reason=f"bad line: {exc}", raw=line)
            continue
        yield Unit(n, article, url=_text(item.get("url")), raw=line)


def _text(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None
