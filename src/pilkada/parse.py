"""The pipeline: raw text -> Article. Pure: no printing, no file access.

(Provisional: a minimal pipeline that the full cleaner replaces.)
"""

from __future__ import annotations

import hashlib

from pilkada.models import Article


def article_id(text: str) -> str:
    """A short, stable identifier for a text with no file name."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def parse(text: str, source: str | None = None, id: str | None = None) -> Article:
    """Parse one raw article text into an Article."""
    paragraphs = [line.strip() for line in text.splitlines() if line.strip()]
    return Article(id=id or article_id(text), source=source, paragraphs=paragraphs)
