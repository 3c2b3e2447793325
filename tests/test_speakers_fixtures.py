"""Who said what on invented regional articles (tests/fixtures/speakers, see its README): every
quote's speaker and every official's name and role against the gold, one case each.

Names are compared as their words without case, marks or honorifics (``Drs.``, ``AKBP`` and
the like, as pilkada keeps them apart); roles as their words without case. What pilkada still
gets wrong is listed in KNOWN with why, and fails there on purpose: a case that starts to pass
must leave the list.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from pilkada import lexicon
from pilkada.models import Article
from pilkada.pipeline import parse
from pilkada.tokens import fold

FIXTURES = Path(__file__).parent / "fixtures" / "speakers"
ARTICLES = sorted(FIXTURES.glob("*.txt"))

# (article, what, name) -> why pilkada still gets it wrong
KNOWN: dict[tuple[str, str, str], str] = {
    ("12", "official", "Andi Baso Ryadi"): "a role given only by 'sebagai bakal calon …'",
    ("12", "official", "Andi Ummu Kalsum"): "a role given only by 'sebagai bakal calon …'",
    ("12", "official", "Andi Tenri Pada"): "a capitalised function word ('Pada') ends the name",
    ("12", "extra", "officials"): "'Andi Tenri' (name cut at 'Pada')",
    ("22", "extra", "officials"): "'Bapak Name' inside a quote, with no office, is listed",
}


@cache
def _honorific_words() -> frozenset[str]:
    return frozenset(w for h in lexicon.entries("honorifics") for w in _words(h))


def _words(text: str | None) -> tuple[str, ...]:
    return tuple(re.findall(r"[a-z0-9]+", fold(text or "")))


def _name(text: str | None) -> tuple[str, ...]:
    return tuple(w for w in _words(text) if w not in _honorific_words())


@cache
def _parsed(stem: str) -> Article:
    path = FIXTURES / f"{stem}.txt"
    return parse(path.read_text(encoding="utf-8"), source=str(path), id=stem)


def _gold(stem: str) -> dict[str, Any]:
    gold: dict[str, Any] = json.loads((FIXTURES / f"{stem}.gold.json").read_text("utf-8"))
    return gold


def _case(stem: str, what: str, name: str, *values: object) -> Any:
    why = KNOWN.get((stem, what, name))
    marks = [pytest.mark.xfail(reason=why, strict=True)] if why else []
    return pytest.param(stem, *values, id=f"{stem}-{what}-{name}", marks=marks)


def _quote_cases() -> list[Any]:
    out = []
    for path in ARTICLES:
        for n, q in enumerate(_gold(path.stem)["quotes"]):
            out.append(_case(path.stem, f"q{n}", str(q["speaker"]), n, q["text"], q["speaker"]))
    return out


def _official_cases() -> list[Any]:
    out = []
    for path in ARTICLES:
        for o in _gold(path.stem)["officials"]:
            out.append(_case(path.stem, "official", o["name"], o["name"], o["role"]))
    return out


def test_there_are_enough_articles_each_with_its_note() -> None:
    assert len(ARTICLES) >= 25
    for path in ARTICLES:
        note = _gold(path.stem)["source"]["note"]
        assert note.startswith("Invented"), path.name


@pytest.mark.parametrize(("stem", "n", "text", "speaker"), _quote_cases())
def test_quote_has_its_speaker(stem: str, n: int, text: str, speaker: str | None) -> None:
    got = [q for q in _parsed(stem).quotes if q.text.strip(" ,.") == text.strip(" ,.")]
    assert got, f"quote {n} not found"
    assert _name(got[0].speaker) == _name(speaker)


@pytest.mark.parametrize(("stem", "name", "role"), _official_cases())
def test_official_has_its_name_and_role(stem: str, name: str, role: str | None) -> None:
    found = {_name(o.name): o.role for o in _parsed(stem).officials}
    assert _name(name) in found, f"{name} not among {sorted(found)}"
    assert _words(found[_name(name)]) == _words(role)


@pytest.mark.parametrize("stem", [_case(p.stem, "extra", "officials") for p in ARTICLES])
def test_no_official_beyond_the_gold(stem: str) -> None:
    gold = {_name(o["name"]) for o in _gold(stem)["officials"]}
    extra = [o.name for o in _parsed(stem).officials if _name(o.name) not in gold]
    assert extra == []
