"""The query translator: any text a person types becomes a MATCH expression SQLite accepts."""

from __future__ import annotations

import sqlite3

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pilkada.fts import Term, match_spans, stem, stems_of, tokens, translate
from pilkada.search import QueryError

HOSTILE = [
    "kabupaten/kota",
    "pilkada-2024",
    "Rp1,5",
    "Rp1.5 miliar",
    "Jum'at",
    "Jum’at",
    "dll.",
    "100%",
    '"unbalanced',
    'a "b',
    "((pilkada",
    "pilkada))",
    ")(",
    "a AND",
    "OR pilkada",
    "pilkada OR OR kpu",
    "pilkada NOT",
    "AND OR",
    "*",
    "pemil**",
    "*pemil",
    "NEAR(a b)",
    "title:pilkada",
    "^pilkada",
    "a + b",
    "{title}: x",
    "'single quotes'",
    "“curly phrase”",
    "x' OR 1=1; DROP TABLE articles; --",
    "\x00\x01",
    "e\u0301lection",
    "😀 pilkada",
    "a" * 500,
]


@pytest.fixture(scope="module")
def db() -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:")
    conn.execute(
        "CREATE VIRTUAL TABLE f USING fts5(title, text, title_stems, text_stems,"
        " tokenize = 'unicode61 remove_diacritics 2')"
    )
    rows = [
        (
            "Jadwal pemilihan di kabupaten/kota",
            "Biaya Rp1,5 miliar pada Jum'at untuk pilkada-2024, 100%",
        ),
        ("Rapat koordinasi", "KPU memilih petugas pemungutan suara; pemilu damai"),
        ("Kampanye", "Tim kampanye berkampanye di Tapin"),
    ]
    for i, (title, body) in enumerate(rows, 1):
        conn.execute(
            "INSERT INTO f (rowid, title, text, title_stems, text_stems) VALUES (?, ?, ?, ?, ?)",
            (i, title, body, stems_of(title), stems_of(body)),
        )
    return conn


def found(db: sqlite3.Connection, query: str) -> list[int]:
    match = translate(query).match
    return [
        r[0] for r in db.execute("SELECT rowid FROM f WHERE f MATCH ? ORDER BY rowid", (match,))
    ]


def test_stemming_folds_indonesian_affixes() -> None:
    assert stem("pemilihan") == stem("memilih") == stem("dipilih") == "pilih"
    assert stem("berkampanye") == "kampanye"
    assert stem("2024") == "2024" and stem("kpu") == "kpu"
    assert stems_of("warga memilih Bupati") == "warga pilih bupati"
    assert stems_of("Pemilihan di Menteng") == "pemilihan di menteng"  # capitals: names


def test_tokens_are_folded_like_fts5() -> None:
    assert tokens("Pemílihan kabupaten/kota, Rp1,5") == [
        "pemilihan",
        "kabupaten",
        "kota",
        "rp1",
        "5",
    ]


@pytest.mark.parametrize(
    ("query", "rows"),
    [
        ("kabupaten/kota", [1]),
        ("pilkada-2024", [1]),
        ("Rp1,5", [1]),
        ("Jum'at", [1]),
        ("100%", [1]),
        ("pilih", [1, 2]),  # Pemilihan, memilih
        ("PEMILIHAN", [1, 2]),  # accents and case never matter; the stem finds memilih
        ("pemil*", [1, 2]),  # pemilihan, pemilu
        ('"pemungutan suara"', [2]),
        ('"suara pemungutan"', []),
        ("kampanye AND tapin", [3]),
        ("kampanye OR rapat", [2, 3]),
        ("pilih NOT kpu", [1]),
        ("(kampanye OR pilih) NOT jum'at", [2, 3]),
        ("pilka", [1]),  # a word finds the words it starts, as the in-memory search does
        ('"pilkada', [1]),  # an unbalanced quote closes at the end
        ("kampanye AND", [3]),
    ],
)
def test_queries_find_what_a_person_means(
    db: sqlite3.Connection, query: str, rows: list[int]
) -> None:
    assert found(db, query) == rows


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_queries_never_break_sqlite(db: sqlite3.Connection, query: str) -> None:
    try:
        found(db, query)
    except QueryError as exc:
        assert str(exc)  # a message for the user, never a traceback


@pytest.mark.parametrize("query", ["", "   ", "*", "%%", '"', "AND", "( )"])
def test_a_query_with_nothing_to_find_is_a_clear_error(query: str) -> None:
    with pytest.raises(QueryError, match="query"):
        translate(query)


def test_a_lone_not_says_how_to_write_it() -> None:
    with pytest.raises(QueryError, match="NOT needs something"):
        translate("NOT kampanye")


def test_terms_to_mark_leave_out_what_is_negated() -> None:
    q = translate('pilih "rapat koordinasi" pemil* NOT kampanye')
    assert q.terms == [
        Term("word", ("pilih",)),
        Term("phrase", ("rapat", "koordinasi")),
        Term("prefix", ("pemil",)),
    ]


def test_match_spans_mark_stems_prefixes_and_phrases() -> None:
    text = "Pemilihan di Tapin: warga memilih, pemilu damai, rapat koordinasi."
    terms = translate('pilih pemil* "rapat koordinasi"').terms
    words, prefixes, phrases = match_spans(text, terms)
    assert [text[s:e] for s, e in words] == ["Pemilihan", "memilih"]
    assert [text[s:e] for s, e in prefixes] == ["Pemilihan", "pemilu"]
    assert [text[s:e] for s, e in phrases] == ["rapat koordinasi"]


QUERY_PIECES = st.sampled_from(
    ["AND", "OR", "NOT", "(", ")", '"', "*", "pemil*", "kabupaten/kota", "Rp1,5", "-", ":", "^"]
)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(), st.lists(st.one_of(QUERY_PIECES, st.text(max_size=5))).map(" ".join)))
def test_any_text_is_a_query_sqlite_accepts_or_a_query_error(query: str) -> None:
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE f USING fts5(title, text, title_stems, text_stems)")
    try:
        match = translate(query).match
    except QueryError:
        return
    conn.execute("SELECT rowid FROM f WHERE f MATCH ?", (match,)).fetchall()
    quotes = translate(query, ("text",), ("stems",)).match
    conn.execute("CREATE VIRTUAL TABLE q USING fts5(speaker, role, text, stems)")
    conn.execute("SELECT rowid FROM q WHERE q MATCH ?", (quotes,)).fetchall()
