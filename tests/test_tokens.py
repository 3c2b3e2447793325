"""Tokens, and the cheap tests that let the finders skip a text without reading it token by token."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from pilkada.people import _anchored, _linked_person, _opener_pieces, _openers, parse_person_at
from pilkada.regions import match_region, region_table, regions_in
from pilkada.tokens import (
    _SPLIT,
    CAPITALISED,
    IS_CAP,
    IS_WORD,
    START,
    TEXT,
    TOKEN,
    Table,
    Token,
    _tokenize_joining,
    capital_runs,
    first_pieces,
    fold,
    honorifics,
    longest_entry,
    may_open,
    role_links,
    titles,
    token_keys,
    tokenize,
)

# pieces of Indonesian news text, with the characters the tokenizer treats specially
PIECES = st.sampled_from(
    [
        "Bupati", "Ketua", "KPU", "Kukar", "Toli", "toli", "Bau", "-", "–", "(", ")", "(Pjs)",
        "Jum'at", "’", "'", ".", ",", " ", "  ", "\n", "2024", "1,5", "Rp13", "selaku", "Sebagai",
        "H.", "Drs", "Asmin", "Laura", "Kutai", "Kartanegara", "Aceh", "é", "José", "ẞ", "ß",
        "kabupaten/kota", "Wakil", "Gubernur", "x", "Y", "0", "Al", "al", "AS", "As", "Habsyi",
        "“", "”", "‘", "—", "…", "Jum’At", "Ⓐ", "™",
    ]
)  # fmt: skip
TEXTS = st.one_of(st.lists(PIECES, max_size=30).map("".join), st.text(max_size=60))


@given(TEXTS)
@settings(max_examples=400)
@example("Toli-Toli dan Bau-Bau")
@example("(Kab)-(kab) Toli-toli-Toli")
@example("ß-SS 10-10 x- -x -")
@example("Al-Habsyi al-Jufri AS-Tiongkok Al-al Al-2024 Al- Habsyi Al-Émile")
def test_tokenize_builds_what_the_loop_builds(text: str) -> None:
    assert tokenize(text) == _tokenize_joining(text)


# TOKEN as it reads without possessive repeats: what they must not change
PLAIN_TOKEN = re.compile(
    r"\([^()\n]{1,40}\)|[A-Za-z][A-Za-z0-9'’]*(?:-[a-z0-9][A-Za-z0-9'’]*)*|\d[\d.,/]*|[^\sA-Za-z0-9]"
)


@given(st.one_of(TEXTS, st.lists(st.sampled_from("aZ9'’-./,( )\n"), max_size=40).map("".join)))
@settings(max_examples=400)
@example("masing-masing-2024 10.000,5/6 x-'y’-z--a")
def test_possessive_repeats_cut_the_same_tokens(text: str) -> None:
    assert [m.span() for m in TOKEN.finditer(text)] == [
        m.span() for m in PLAIN_TOKEN.finditer(text)
    ]


@given(st.one_of(TEXTS, st.lists(st.sampled_from("aZ9'’-./,( )\n٣É“"), max_size=40).map("".join)))
@settings(max_examples=400)
@example("(Kab) (x (ab)) ( ) 10-10 ٣٣ É-x a(b)")
def test_the_split_pattern_cuts_the_tokens_of_token(text: str) -> None:
    pieces = _SPLIT.split(text)
    assert pieces[1::2] == TOKEN.findall(text)
    assert all(not gap.strip() for gap in pieces[::2])


def test_a_name_word_opened_by_a_particle_is_one_token() -> None:
    text = "Muhammad Al-Habsyi, Salim al-Jufri, AS-Tiongkok, Al -Habsyi, Al-quran, Al-Émile"
    assert [t[TEXT] for t in tokenize(text) if t[IS_WORD]] == [
        "Muhammad",
        "Al-Habsyi",
        "Salim",
        "al-Jufri",
        "AS",  # capitals: Amerika Serikat, not a particle
        "Tiongkok",
        "Al",  # a space: two words
        "Habsyi",
        "Al-quran",  # a dash before a lower-case letter joins as ever
        "Al",  # "É" is a token of its own, as ever
        "É",
        "mile",
    ]


def test_reduplicated_names_are_one_token() -> None:
    assert [t[TEXT] for t in tokenize("Kabupaten Toli-Toli, Kota Bau-bau")] == [
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
        firsts = first_pieces([fold(t[TEXT])])
        if t[IS_CAP] and firsts is not None:
            assert may_open(text, firsts), (text, t)


def test_capital_runs() -> None:
    assert capital_runs("Kata Bupati KUKAR, sebagai O'Neil di 2024Aceh") == frozenset(
        {"kata", "bupati", "kukar", "o", "neil", "aceh"}
    )
    assert capital_runs("José") is None  # not plain: nothing is ruled out
    assert capital_runs("“Kita siap,” kata Jum’at – Bupati…") == frozenset(
        {"kita", "jum", "bupati"}
    )
    assert first_pieces(["bupati", "(pjs)"]) == frozenset({"bupati", "pjs"})
    assert first_pieces(["2024"]) is None


@given(TEXTS)
@settings(max_examples=400)
@example("Utubi Madas selaku Wakil Bupati Konawe")
def test_skipped_texts_hold_no_person_and_no_place(text: str) -> None:
    if not may_open(text, _opener_pieces()):
        assert _anchored(text) == []
    if not may_open(text, region_table().pieces):
        assert regions_in(text) == []


@given(TEXTS)
@settings(max_examples=400)
@example("Toli-Toli ẞ José Ärzte")
def test_token_keys_are_the_folded_tokens(text: str) -> None:
    assert token_keys(text) == tuple(fold(t[TEXT]) for t in tokenize(text))


# The finders visit only the tokens whose key can open what they look for; these walks visit
# every token, as the finders once did, and must find the same.


def _regions_visiting_every_token(text: str) -> list[str]:
    tokens = tokenize(text)
    out, i = [], 0
    while i < len(tokens):
        m = match_region(tokens, i) if tokens[i][IS_CAP] else None
        if m is None:
            i += 1
            continue
        out.append(m[1])
        i += m[0]
    return out


def _people_visiting_every_token(text: str) -> list[object]:
    tokens = tokenize(text)
    out: list[object] = []
    i, n = 0, len(tokens)
    while i < n:
        t, m = tokens[i], None
        if t[IS_WORD]:
            key = fold(t[TEXT])
            if key in role_links() and i + 1 < n:
                m = _linked_person(tokens, i)
            elif t[IS_CAP] and key in _openers():
                m = parse_person_at(tokens, i)
        if m is None:
            i += 1
            continue
        out.append(m)
        while i < n and tokens[i][START] < m.end:
            i += 1
    return out


@given(TEXTS)
@settings(max_examples=400)
@example("Kabupaten Kutai Kartanegara (Kukar) dan Kota Bau-Bau, Aceh")
@example("Utubi Madas selaku Wakil Bupati Konawe dan Ketua KPU Kukar, Asmin Laura, mengatakan")
def test_finders_find_what_a_walk_over_every_token_finds(text: str) -> None:
    assert regions_in(text) == _regions_visiting_every_token(text)
    assert _anchored(text) == _people_visiting_every_token(text)


def _longest_trying_every_length(tokens: list[Token], i: int, table: Table) -> object:
    if i >= len(tokens) or not tokens[i][IS_CAP] or fold(tokens[i][TEXT]) not in table.firsts:
        return None
    best, words, j = None, [], i
    while j < len(tokens) and len(words) < 6:
        if tokens[j][TEXT] == "." and words:
            j += 1
            if tuple(words) in table and (best is None or best[0] < j - i):
                best = (j - i, table[tuple(words)])
            continue
        words.append(fold(tokens[j][TEXT]))
        j += 1
        if tuple(words) in table:
            best = (j - i, table[tuple(words)])
    return best


ENTRY_WORDS = st.sampled_from(
    ["Ketua", "KPU", "Wakil", "Bupati", "Kutai", "Kartanegara", "Prof", ".", "Dr", "H", "Pj",
     "Kabupaten", "Kota", "Bawaslu", "Provinsi", "Jawa", "Barat", "Daerah", "Komisi", "Asmin"]
)  # fmt: skip


@given(st.lists(ENTRY_WORDS, max_size=10).map(" ".join))
@settings(max_examples=300)
@example("Wakil Ketua DPRD Kabupaten Kutai Kartanegara")
def test_longest_entry_stops_where_no_entry_goes_on(text: str) -> None:
    tokens = list(tokenize(text))
    for table in (titles(), honorifics(), region_table()):
        for i in range(len(tokens)):
            assert longest_entry(tokens, i, table) == _longest_trying_every_length(tokens, i, table)


@given(st.text(alphabet="aBzZK(9)- .,/'’\n“é\tÉ_", max_size=40))
@example("Bupati KPU-Kukar, dr.Widji ÉAnies")
def test_capitalised_runs_are_those_after_no_letter(text: str) -> None:
    # the look-behind written first, as the plain reading of "a capital after no letter"
    plain = re.compile(r"(?<![A-Za-z])[A-Z][A-Za-z]*")
    assert CAPITALISED.findall(text) == plain.findall(text)
