"""Tokens, and the cheap tests that let the finders skip a text without reading it token by token."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from pilkada.people import _anchored, _opener_pieces
from pilkada.regions import region_table, regions_in
from pilkada.tokens import (
    _tokenize_joining,
    capital_runs,
    first_pieces,
    fold,
    may_open,
    tokenize,
)

# pieces of Indonesian news text, with the characters the tokenizer treats specially
PIECES = st.sampled_from(
    [
        "Bupati", "Ketua", "KPU", "Kukar", "Toli", "toli", "Bau", "-", "–", "(", ")", "(Pjs)",
        "Jum'at", "’", "'", ".", ",", " ", "  ", "\n", "2024", "1,5", "Rp13", "selaku", "Sebagai",
        "H.", "Drs", "Asmin", "Laura", "Kutai", "Kartanegara", "Aceh", "é", "José", "ẞ", "ß",
        "kabupaten/kota", "Wakil", "Gubernur", "x", "Y", "0",
    ]
)  # fmt: skip
TEXTS = st.one_of(st.lists(PIECES, max_size=30).map("".join), st.text(max_size=60))


@given(TEXTS)
@settings(max_examples=400)
@example("Toli-Toli dan Bau-Bau")
@example("(Kab)-(kab) Toli-toli-Toli")
def test_tokenize_builds_what_the_loop_builds(text: str) -> None:
    assert tokenize(text) == _tokenize_joining(text)


def test_reduplicated_names_are_one_token() -> None:
    assert [t.text for t in tokenize("Kabupaten Toli-Toli, Kota Bau-bau")] == [
        "Kabupaten",
        "Toli-Toli",
        ",",
        "Kota",
        "Bau-bau",
    ]


@given(TEXTS)
@settings(max_examples=400)
def test_may_open_never_rules_out_a_capitalised_token(text: str) -> None:
    for t in tokenize(text):
        firsts = first_pieces([fold(t.text)])
        if t.is_cap and firsts is not None:
            assert may_open(text, firsts), (text, t)


def test_capital_runs() -> None:
    assert capital_runs("Kata Bupati KUKAR, sebagai O'Neil di 2024Aceh") == frozenset(
        {"kata", "bupati", "kukar", "o", "neil", "aceh"}
    )
    assert capital_runs("José") is None  # not plain ASCII: nothing is ruled out
    assert first_pieces(["bupati", "(pjs)"]) == frozenset({"bupati", "pjs"})
    assert first_pieces(["2024"]) is None


@given(TEXTS)
@settings(max_examples=400)
@example("Utubi Madas selaku Wakil Bupati Konawe")
def test_skipped_texts_hold_no_person_and_no_place(text: str) -> None:
    if not may_open(text, _opener_pieces()):
        assert _anchored(text) == []
    if not may_open(text, region_table().pieces):
        assert regions_in(tokenize(text)) == []
