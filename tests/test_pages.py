"""Whole saved pages, as HTML and as their text dump: the fixtures of tests/fixtures/pages (see
its README), each with gold in the dev-set format. Every page's headline, date and outlet are
right on both forms, no paragraph of the article is lost, little chrome is kept, and over the
set the body is as the gold says (F1 ≥ 0.98)."""

from __future__ import annotations

import json
import re
import unicodedata
from functools import cache
from pathlib import Path

import pytest

from pilkada import corpus
from pilkada.models import Article

PAGES = Path(__file__).parent / "fixtures" / "pages"
NAMES = sorted(p.name.removesuffix(".gold.json") for p in PAGES.glob("*.gold.json"))
FORMS = ("txt", "html")
TAG_AT_END = re.compile(r"\s*\(\s*[^()]{1,40}\s*\)\s*$")


def line_key(text: str) -> str:
    """A body line as the reference scorer compares it: NFC, whitespace folded, a short credit
    tag in brackets at its end set aside."""
    text = " ".join(unicodedata.normalize("NFC", text).split())
    stripped = TAG_AT_END.sub("", text)
    return stripped if len(stripped) > 20 else text


def outlet_key(text: str | None) -> str:
    key = (text or "").lower().strip().removeprefix("www.")
    key = re.sub(r"\.(?:co\.id|com|id|net|org|go\.id|or\.id|news)$", "", key)
    return re.sub(r"[^\w]", "", key)


@cache
def parsed(name: str, form: str) -> Article:
    (article,) = corpus.load([PAGES / f"{name}.{form}"])
    assert isinstance(article, Article), article
    return article


def gold(name: str) -> dict[str, object]:
    return json.loads((PAGES / f"{name}.gold.json").read_text(encoding="utf-8"))


def test_there_are_at_least_twenty_pages_in_both_forms() -> None:
    assert len(NAMES) >= 20
    assert all((PAGES / f"{n}.{form}").exists() for n in NAMES for form in FORMS)


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("name", NAMES)
def test_headline_date_and_outlet(name: str, form: str) -> None:
    article, want = parsed(name, form), gold(name)
    assert article.title == want["title"]
    assert (article.published.isoformat() if article.published else None) == want["published"]
    assert outlet_key(article.outlet) == outlet_key(want["outlet"])  # type: ignore[arg-type]


def matched(name: str, form: str) -> tuple[int, int, int]:
    """(body lines found, lines parsed, lines of the gold body)."""
    have = [line_key(p) for p in parsed(name, form).paragraphs]
    want = [line_key(str(b)) for b in gold(name)["body"]]  # type: ignore[attr-defined]
    pool, hits = list(want), 0
    for line in have:
        if line in pool:
            pool.remove(line)
            hits += 1
    return hits, len(have), len(want)


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("name", NAMES)
def test_no_paragraph_lost_and_little_chrome_kept(name: str, form: str) -> None:
    hits, have, want = matched(name, form)
    assert hits == want, f"{want - hits} of the article's paragraphs lost"
    assert hits / have >= 0.75, f"{have - hits} lines of chrome kept"


@pytest.mark.parametrize("form", FORMS)
def test_the_body_over_the_set(form: str) -> None:
    hits, have, want = map(sum, zip(*(matched(n, form) for n in NAMES), strict=True))
    precision, recall = hits / have, hits / want
    assert 2 * precision * recall / (precision + recall) >= 0.98
