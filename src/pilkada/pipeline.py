"""The pipeline: raw text -> Article. Pure: no printing, no file access, no global state."""

from __future__ import annotations

import hashlib
import re

from pilkada.decode import normalise
from pilkada.layout import classify
from pilkada.lines import BODY, CHROME
from pilkada.markdown import unmarked_lines
from pilkada.meta import extract
from pilkada.models import Article
from pilkada.regions import find_places
from pilkada.registry import add_mentions, build_registry
from pilkada.speakers import attribute
from pilkada.wrap import unwrapped

CAPTION_CREDIT = re.compile(r"\(([A-Z][a-z]+(?: [A-Z][a-z]+){0,2})\)\s*$")


LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def article_id(text: str) -> str:
    """A short, stable identifier for a text with no file name."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def _without_lone_surrogates(text: str) -> str:
    """A lone surrogate (from a careless caller) becomes U+FFFD instead of failing the JSON form.
    UTF-8 refuses exactly those, and finds that out faster than a search does."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return LONE_SURROGATE.sub("\ufffd", text)
    return text


def parse(text: str, source: str | None = None, id: str | None = None) -> Article:
    """Parse one raw article text into an Article."""
    text = normalise(_without_lone_surrogates(text))
    layout = classify(unwrapped(unmarked_lines(text)))
    paragraphs = [ln.text for ln in layout.lines if ln.kind == BODY]
    meta = extract(layout, paragraphs)
    registry = build_registry(paragraphs)
    add_mentions(registry, paragraphs)
    spoken = attribute(paragraphs, registry)
    # plain dicts: the Article's one validation builds the nested models, faster than a model
    # built for each line
    removed = [{"line": ln.text, "reason": ln.reason} for ln in layout.lines if ln.kind == CHROME]
    captions = [r["line"] for r in removed if r["reason"] == "photo caption"]
    photographers = list(meta.photographers)
    for caption in captions:
        m = CAPTION_CREDIT.search(caption)
        if m and m.group(1) not in photographers:
            photographers.append(m.group(1))
    return Article(
        id=id or article_id(text),
        source=source,
        title=meta.title,
        outlet=meta.outlet,
        dateline=meta.dateline,
        published=meta.published,
        published_text=meta.published_text,
        authors=meta.authors,
        editors=meta.editors,
        photographers=photographers,
        captions=captions,
        paragraphs=paragraphs,
        quotes=spoken.quotes,
        officials=[
            {"name": p.name, "role": p.role, "honorific": p.honorific, "forms": p.forms}
            for p in spoken.people
            if p.official
        ],
        places=find_places(([meta.dateline] if meta.dateline else []) + paragraphs),
        removed=removed,
        title_confidence=meta.title_confidence,
        published_confidence=meta.published_confidence,
    )
