"""Plain text, as a scraper saved it: decoded and parsed."""

from __future__ import annotations

from collections.abc import Iterator

from pilkada.inputs import Unit, decoded, noted


def read(data: bytes, source: str, stem: str) -> Iterator[Unit]:
    from pilkada.pipeline import parse

    text = decoded(data)
    if isinstance(text, Unit):
        yield text
        return
    article = parse(text.text, source=source, id=stem)
    yield Unit(0, noted(article, text.repairs), raw=data)
