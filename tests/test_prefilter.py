"""The first characters of a pattern's matches: a superset of what the engine matches."""

from __future__ import annotations

import itertools
import re

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from pilkada import lexicon, lines
from pilkada.lines import chrome_reason
from pilkada.prefilter import ASCII, UNCASED, first_chars, first_pairs, uncased

SHAPES = [
    r"^(baca|lihat)\s+juga",
    r"^\d+\s*(komentar|views?)$",
    r"^(?:oleh|by)?\s*admin",  # may open with either word or a space
    r"^[A-Za-z_]\w*$",
    r"^[^/]+/",  # a negated set: any character
    r"^(?=\w)\S.*$",
    r"^(a|b|)c",  # an empty branch: "c" may come first
    r"^x{0,3}y",
    r"^\[[a-z]{2,5}\]$",
    r"^(?i:kelvin)",  # flags switched inside: any character
    r"^\u212a",  # the Kelvin sign matches "k" when case is ignored
    r"^[“”]\s*\w+",  # characters beyond ASCII with no case
    r"^\s*[•·]\s+\d+",
]
CHROME = [pattern for _reason, pattern in lexicon.patterns("chrome")]
LOOKAHEAD = re.compile(r"\(\?=[^()]*\)")


@pytest.mark.parametrize("pattern", SHAPES + CHROME)
@settings(
    max_examples=60, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much]
)
@given(data=st.data())
def test_every_match_opens_with_one_of_the_first_characters(
    pattern: str, data: st.DataObject
) -> None:
    firsts = first_chars(pattern, re.IGNORECASE)
    # lines are drawn from the pattern without its look-aheads, which the strategy cannot meet;
    # the look-aheads of these patterns only restate, cheaply, what the rest of them requires
    drawn = LOOKAHEAD.sub("", pattern)
    line = data.draw(st.from_regex(re.compile(drawn, re.IGNORECASE)))
    if re.match(pattern, line, re.IGNORECASE) and line[:1] in ASCII:
        assert firsts is None or line[0].lower() in firsts
    if re.match(pattern, line, re.IGNORECASE) and uncased(line[:1]):
        assert firsts is None or line[0] in firsts or UNCASED in firsts


def test_first_characters_of_common_shapes() -> None:
    assert first_chars(r"^(baca|lihat)\s+juga", re.IGNORECASE) == {"b", "l"}
    assert first_chars(r"^(a|b|)c") == {"a", "b", "c"}
    assert first_chars(r"^\d+ komentar") == {*"0123456789", UNCASED}  # and "٣", say
    assert first_chars(r"^(“|»)\s*x", re.IGNORECASE) == {"“", "»"}
    assert first_chars(r"^[–—-]+$", re.IGNORECASE) == {"–", "—", "-"}
    assert first_chars(r"^[^/]+/") is None
    assert first_chars(r"^(?:x)?") is None  # matches the empty string: no first character
    assert first_chars(r"^\u212a", re.IGNORECASE) == {"k"}
    assert first_chars(r"^\u212a") == frozenset()
    assert first_chars("(unbalanced") is None


CHROME_LINES = st.sampled_from(CHROME).flatmap(
    lambda p: st.from_regex(re.compile(LOOKAHEAD.sub("", p), re.IGNORECASE))
)


# A breadcrumb pattern whose spaces could be read two ways once took seconds on lines like these
BACKTRACKING = [
    "\u1680\x0b\u3000»\u3000zZ"
    + "\x85" * 11
    + "»"
    + "\x85" * 8
    + "000"
    + "\x85" * 3
    + "»"
    + "\x85" * 17
    + "\u2000\x85»\x850\x85\x85»\x85\r\x0b\x85\x85»\x850000000\x85»\x85",
    "home" + ("/" + " " * 16 + "a") * 6 + "/",
]


@given(st.one_of(st.text(max_size=40), CHROME_LINES, CHROME_LINES.map(str.swapcase)))
@example(BACKTRACKING[0])
@example(BACKTRACKING[1])
@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
def test_chrome_reason_is_the_same_as_trying_every_pattern(text: str) -> None:
    lines._lines_tested = itertools.count(lines.DISPATCH_AFTER)  # past the first lines
    stripped = text.strip()
    everything = [(r, re.compile(p, re.IGNORECASE)) for r, p in lexicon.patterns("chrome")]
    expected = next((r for r, p in everything if p.match(stripped)), None)
    reason = chrome_reason(text)
    # chrome_reason falls back on date lines and credit tags when no pattern matches
    assert reason == expected or (expected is None and reason in {"date line", "credit tag"})


def test_the_first_lines_of_a_process_try_every_pattern() -> None:
    lines._lines_tested = itertools.count()
    lines._chrome.cache_clear()
    assert chrome_reason("Baca juga: Bawaslu Kukar") == "related link"
    assert chrome_reason("Facebook") == "social network"
    assert lines._chrome.cache_info().currsize == 1  # the one alternation of every pattern
    lines._lines_tested = itertools.count(lines.DISPATCH_AFTER)
    lines._chrome_by_pair.cache_clear()
    assert chrome_reason("Baca juga: Bawaslu Kukar") == "related link"
    assert chrome_reason("Facebook") == "social network"
    # then by their first two characters: "ba" and "fa"
    assert lines._chrome_by_pair.cache_info().currsize == 2


def test_a_lines_first_two_characters_leave_few_patterns_tried_one_by_one() -> None:
    lines._lines_tested = itertools.count(lines.DISPATCH_AFTER)
    chosen = lines._chrome_by_pair("f", "a")
    assert 0 < len(chosen) <= lines.FEW_PATTERNS
    assert "social network" in [lines._chrome_patterns()[n][0] for n in chosen]
    assert chrome_reason("Facebook") == "social network"
    assert chrome_reason("Fakta baru soal pilkada") is None


def test_first_pairs_are_the_openings_of_a_match() -> None:
    assert first_pairs(r"^(baca|lihat)\s+juga", re.IGNORECASE) == {("b", "a"), ("l", "i")}
    assert first_pairs(r"^x\s*$", re.IGNORECASE) >= {("x",), ("x", " ")}
    assert () in first_pairs(r"^a*$")  # a match may be empty
    assert first_pairs(r"^(a)\1") is None  # a back-reference is not followed


def test_a_quote_opening_a_line_tries_only_the_patterns_that_may_open_with_it() -> None:
    lines._lines_tested = itertools.count(lines.DISPATCH_AFTER)
    assert chrome_reason("“Kami siap menggelar pilkada,” kata Ketua KPU.") is None
    _pattern, reasons = lines._chrome("“")
    assert 0 < len(reasons) < len(lines._chrome_patterns()) / 4
    assert lines._chrome("“")[0] is not lines._chrome("")[0]
