"""Searching a corpus and finding quotes: matching, ranking, snippets, errors."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pilkada.models import Article, Hit, Quote, QuoteHit
from pilkada.search import (
    ELLIPSIS,
    SNIPPET_WIDTH,
    QueryError,
    _fold_with_map,
    find_quotes,
    fold,
    search,
    snippet,
)

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

LONG = (
    "Rapat koordinasi itu dihadiri camat, lurah, perwakilan organisasi perangkat daerah, partai "
    "politik, tokoh agama, tokoh pemuda dan para ahli dari berbagai perguruan tinggi di provinsi "
    "ini. Dalam kesempatan itu Ketua Bawaslu menegaskan bahwa pengawasan pilkada harus dilakukan "
    "bersama-sama oleh semua pihak agar pemungutan suara berjalan jujur, adil dan damai di setiap "
    "tempat pemungutan suara yang tersebar di kecamatan dan desa."
)


def article(id: str, *paragraphs: str, **fields: object) -> Article:
    return Article.model_validate({"id": id, "paragraphs": list(paragraphs), **fields})


@pytest.fixture
def corpus() -> list[Article]:
    return [
        article(
            "kotim",
            "SAMPIT - Bupati Halikinnor meminta semua pihak menjaga tahapan Pilkada 2024.",
            "Menurutnya pilkada serentak adalah sarana integritas bangsa.",
            title="Bupati Kotim Ajak Warga Sukseskan Pilkada",
            published=date(2024, 6, 8),
            outlet="Tabengan",
        ),
        article(
            "tapin",
            "Rantau (ANTARA) - Kapolda Kalimantan Sélatan Irjen Pol Winarto hadir di Tapin.",
            "Deklarasi pilkada damai digelar di Rantau.",
            published=date(2024, 11, 20),
            outlet="ANTARA",
        ),
        article(
            "kukar",
            "TENGGARONG - Bawaslu Kukar mencatat 11 kasus pelanggaran.",
            LONG,
            title="Bawaslu Kukar Catat Pelanggaran",
            published=date(2024, 11, 9),
            outlet="Bebaca.id",
        ),
        article("nunukan", "Bupati Nunukan mengatakan pilkadanya harus sukses."),
    ]


def ids(hits: Sequence[Hit]) -> list[str]:
    return [h.article_id for h in hits]


# --- matching ---


def test_every_word_of_the_query_must_occur(corpus: list[Article]) -> None:
    assert ids(search(corpus, "bupati pilkada")) == ["kotim", "nunukan"]
    assert search(corpus, "bupati winarto") == []


def test_words_match_the_start_of_words(corpus: list[Article]) -> None:
    assert "nunukan" in ids(search(corpus, "pilkada"))
    assert ids(search(corpus, "halik")) == ["kotim"]
    assert search(corpus, "ikinnor") == []


def test_quoted_phrase_matches_words_in_a_row_exactly(corpus: list[Article]) -> None:
    assert ids(search(corpus, '"pilkada damai"')) == ["tapin"]
    assert ids(search(corpus, "“pilkada serentak”")) == ["kotim"]
    assert search(corpus, '"damai pilkada"') == []
    assert "nunukan" not in ids(search(corpus, '"pilkada"'))


def test_case_and_accents_do_not_matter(corpus: list[Article]) -> None:
    expected = ids(search(corpus, "pilkada"))
    assert len(expected) == 4
    assert ids(search(corpus, "PILKADA")) == expected
    assert ids(search(corpus, "Pilkáda")) == expected
    hits = search(corpus, "selatan")
    assert ids(hits) == ["tapin"]
    (start, end) = hits[0].highlights[0]
    assert hits[0].snippet[start:end] == "Sélatan"


def test_fold() -> None:
    assert fold("PILKADA") == fold("pilkada") == fold("Pilkáda") == "pilkada"
    assert fold("Straße") == "strasse"
    assert fold("Jum’at") == "jum’at"


@given(st.text())
def test_fold_map_agrees_with_fold(text: str) -> None:
    folded, origin = _fold_with_map(text)
    assert folded == fold(text)
    assert len(origin) == len(folded)
    assert origin == sorted(origin)
    assert all(0 <= i < len(text) for i in origin)


@given(st.text(max_size=300), st.text(max_size=300))
def test_highlight_points_at_the_word_whatever_surrounds_it(before: str, after: str) -> None:
    hits = search([article("a", f"{before} Pilkáda {after}")], "pilkada")
    assert hits
    marked = [fold(hits[0].snippet[s:e]) for s, e in hits[0].highlights]
    assert any(m.startswith("pilkada") for m in marked)


# --- ranking ---


def test_more_matches_and_title_matches_rank_higher(corpus: list[Article]) -> None:
    hits = search(corpus, "bawaslu")
    assert ids(hits) == ["kukar"]
    hits = search(corpus, "pilkada")
    assert hits[0].article_id == "kotim"  # in the title and twice in the text
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


def test_a_rare_word_outweighs_a_common_one() -> None:
    common = article("common", "pilkada pilkada pilkada di sini, tanpa kata langka.")
    rare = article("rare", "pilkada dan netralitas")
    others = [article(f"x{i}", "pilkada biasa") for i in range(5)]
    hits = search([common, rare, *others], "pilkada netralitas")
    assert ids(hits) == ["rare"]
    assert ids(search([common, rare, *others], "pilkada"))[0] == "common"


def test_ties_go_to_the_newest_then_undated() -> None:
    text = "Deklarasi pilkada damai."
    corpus = [
        article("old", text, published=date(2024, 1, 1)),
        article("none", text),
        article("new", text, published=date(2024, 12, 1)),
    ]
    hits = search(corpus, "damai")
    assert ids(hits) == ["new", "old", "none"]
    assert len({h.score for h in hits}) == 1


def test_limit(corpus: list[Article]) -> None:
    assert len(search(corpus, "pilkada", limit=2)) == 2
    assert search(corpus, "pilkada", limit=0) == []


def test_hit_carries_the_article_metadata(corpus: list[Article]) -> None:
    (hit,) = search(corpus, "winarto")
    assert hit.article_id == "tapin"
    assert hit.title == corpus[1].display_title()  # no headline: the lead's first words
    assert hit.published == date(2024, 11, 20)
    assert hit.outlet == "ANTARA"


# --- regular expressions ---


def test_regex_is_case_insensitive(corpus: list[Article]) -> None:
    assert ids(search(corpus, r"KAPOLDA\s+kalimantan", regex=True)) == ["tapin"]
    assert ids(search(corpus, r"\b11 kasus", regex=True)) == ["kukar"]
    hits = search(corpus, "pilkada(nya)?", regex=True)
    assert set(ids(hits)) == {"kotim", "tapin", "kukar", "nunukan"}


def test_a_regex_matching_only_empty_strings_finds_nothing(corpus: list[Article]) -> None:
    assert search(corpus, "x*", regex=True) == []


def test_invalid_regex_is_a_one_line_query_error(corpus: list[Article]) -> None:
    with pytest.raises(QueryError) as caught:
        search(corpus, "pilk(ada", regex=True)
    message = str(caught.value)
    assert message == (
        "invalid regular expression 'pilk(ada': missing ), unterminated subpattern at position 4"
    )
    assert isinstance(caught.value, ValueError)
    with pytest.raises(QueryError, match="invalid regular expression"):
        search(corpus, "a{99999999999}", regex=True)
    with pytest.raises(QueryError) as caught:
        search(corpus, "(\n", regex=True)
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize("query", ["", "   ", "!!!", '""'])
def test_a_query_with_no_words_is_refused(corpus: list[Article], query: str) -> None:
    with pytest.raises(QueryError):
        search(corpus, query)


def test_an_empty_regex_is_refused(corpus: list[Article]) -> None:
    with pytest.raises(QueryError, match="empty query"):
        search(corpus, " ", regex=True)


# --- snippets ---


def test_snippet_of_a_short_paragraph_is_the_paragraph(corpus: list[Article]) -> None:
    (hit,) = search(corpus, "winarto")
    assert hit.snippet == corpus[1].paragraphs[0]
    assert [hit.snippet[s:e] for s, e in hit.highlights] == ["Winarto"]


def test_snippet_of_a_long_paragraph_is_cut_at_words_around_the_match(
    corpus: list[Article],
) -> None:
    (hit,) = search(corpus, "pengawasan")
    text = hit.snippet
    assert text.startswith(ELLIPSIS) and text.endswith(ELLIPSIS)
    assert len(text) <= SNIPPET_WIDTH + 2
    inner = text.strip(ELLIPSIS)
    assert inner in LONG
    start = LONG.index(inner)
    assert LONG[start - 1] == " " and LONG[start + len(inner)] == " "
    assert [text[s:e] for s, e in hit.highlights] == ["pengawasan"]


def test_snippet_prefers_the_paragraph_holding_most_of_the_query(corpus: list[Article]) -> None:
    (hit,) = search(corpus, "pilkada integritas")
    assert hit.snippet == corpus[0].paragraphs[1]
    assert [hit.snippet[s:e] for s, e in hit.highlights] == ["pilkada", "integritas"]


def test_snippet_comes_from_the_title_when_only_the_title_matches(corpus: list[Article]) -> None:
    (hit,) = search(corpus, "catat")
    assert hit.snippet == "Bawaslu Kukar Catat Pelanggaran"
    assert [hit.snippet[s:e] for s, e in hit.highlights] == ["Catat"]


def test_phrase_highlight_spans_the_whole_phrase(corpus: list[Article]) -> None:
    (hit,) = search(corpus, '"pilkada damai"')
    assert [hit.snippet[s:e] for s, e in hit.highlights] == ["pilkada damai"]


def test_regex_highlight(corpus: list[Article]) -> None:
    (hit,) = search(corpus, r"\d+ kasus", regex=True)
    assert [hit.snippet[s:e] for s, e in hit.highlights] == ["11 kasus"]


def test_snippet_near_the_end_keeps_the_match() -> None:
    text = " ".join(["kata"] * 100) + " akhir"
    shown, spans = snippet(text, [(len(text) - 5, len(text))])
    assert shown.startswith(ELLIPSIS) and shown.endswith("akhir")
    assert [shown[s:e] for s, e in spans] == ["akhir"]


def test_highlights_with_letters_that_fold_to_two() -> None:
    hits = search([article("a", "Die Straße und die Strasse in Jakarta.")], "strasse")
    assert [hits[0].snippet[s:e] for s, e in hits[0].highlights] == ["Straße", "Strasse"]


def test_highlight_covers_a_decomposed_accent() -> None:
    hits = search([article("a", "Kota Se\u0301latan hari ini.")], "selatan")
    assert [hits[0].snippet[s:e] for s, e in hits[0].highlights] == ["Se\u0301latan"]


# --- quotes ---


@pytest.fixture
def quoted() -> list[Article]:
    return [
        article(
            "kukar",
            "Pjs Bupati Kukar Bambang Arwanto hadir.",
            "“Pilkada harus aman dan damai,” katanya.",
            "Hadir pula Prof. Bambang Iswanto.",
            "“Saya berharap netralitas ASN dijaga,” ujarnya.",
            "“Kami siap,” kata seseorang.",
            published=date(2024, 11, 18),
            quotes=[
                Quote(
                    text="Saya berharap netralitas ASN dijaga,",
                    speaker="Bambang Arwanto",
                    role="Pjs Bupati Kutai Kartanegara",
                    paragraph=3,
                ),
                Quote(
                    text="Pilkada harus aman dan damai,",
                    speaker="Bambang Arwanto",
                    role="Pjs Bupati Kutai Kartanegara",
                    paragraph=1,
                ),
                Quote(text="Kami siap,", speaker=None, paragraph=4),
            ],
        ),
        article(
            "nunukan",
            "“Saya yakin pilkada sukses,” pungkasnya.",
            published=date(2024, 10, 31),
            quotes=[
                Quote(
                    text="Saya yakin pilkada sukses,",
                    speaker="Asmin Laura Hafid",
                    role="Bupati Nunukan",
                    paragraph=0,
                )
            ],
        ),
        article(
            "tapin",
            "“Pilkada momen memperkuat keharmonisan,” kata Irjen Pol Winarto.",
            "“Ikrar ini simbol harapan,” ujar Fakhrian.",
            quotes=[
                Quote(
                    text="Pilkada momen memperkuat keharmonisan,",
                    speaker="Winarto",
                    role="Kapolda Kalimantan Selatan",
                    paragraph=0,
                ),
                Quote(
                    text="Ikrar ini simbol harapan,",
                    speaker="Fakhrian Noor",
                    role="Ketua KPU Tapin",
                    paragraph=1,
                ),
                Quote(text="Tanpa paragraf,", speaker="Teguh Wibowo", role=None, paragraph=9),
            ],
        ),
    ]


def speakers(hits: Sequence[QuoteHit]) -> list[str | None]:
    return [h.quote.speaker for h in hits]


def test_all_quotes_sorted_by_date_article_paragraph(quoted: list[Article]) -> None:
    hits = find_quotes(quoted)
    assert [(h.article_id, h.quote.paragraph) for h in hits] == [
        ("nunukan", 0),
        ("kukar", 1),
        ("kukar", 3),
        ("kukar", 4),
        ("tapin", 0),
        ("tapin", 1),
        ("tapin", 9),
    ]


def test_by_matches_any_word_of_the_speaker(quoted: list[Article]) -> None:
    assert speakers(find_quotes(quoted, by="laura")) == ["Asmin Laura Hafid"]
    assert speakers(find_quotes(quoted, by="LAURA hafid")) == ["Asmin Laura Hafid"]
    assert speakers(find_quotes(quoted, by="winarto")) == ["Winarto"]
    assert speakers(find_quotes(quoted, by="wina")) == ["Winarto"]
    assert find_quotes(quoted, by="laura winarto") == []


def test_by_never_matches_a_quote_without_speaker(quoted: list[Article]) -> None:
    hits = find_quotes(quoted, by="bambang")
    assert speakers(hits) == ["Bambang Arwanto", "Bambang Arwanto"]
    assert find_quotes(quoted, by="iswanto") == []
    assert all(h.quote.speaker is not None for h in find_quotes(quoted, by="a"))


def test_role_matches_words_of_the_role(quoted: list[Article]) -> None:
    assert speakers(find_quotes(quoted, role="kapolda")) == ["Winarto"]
    assert speakers(find_quotes(quoted, role="ketua kpu")) == ["Fakhrian Noor"]
    assert speakers(find_quotes(quoted, role="bupati")) == [
        "Asmin Laura Hafid",
        "Bambang Arwanto",
        "Bambang Arwanto",
    ]
    assert "Teguh Wibowo" not in speakers(find_quotes(quoted, role="t"))


def test_query_matches_words_of_the_quote(quoted: list[Article]) -> None:
    hits = find_quotes(quoted, "pilkada")
    assert speakers(hits) == ["Asmin Laura Hafid", "Bambang Arwanto", "Winarto"]
    assert speakers(find_quotes(quoted, "PILKADA", by="bambang")) == ["Bambang Arwanto"]
    assert speakers(find_quotes(quoted, '"aman dan damai"')) == ["Bambang Arwanto"]
    assert find_quotes(quoted, "hadir") == []  # in the paragraph, not in the quote


def test_quote_hit_has_the_article_and_the_paragraph(quoted: list[Article]) -> None:
    (hit,) = find_quotes(quoted, by="laura")
    assert hit.article_id == "nunukan"
    assert hit.published == date(2024, 10, 31)
    assert hit.context == "“Saya yakin pilkada sukses,” pungkasnya."
    assert hit.quote.role == "Bupati Nunukan"
    (lost,) = find_quotes(quoted, by="teguh")
    assert lost.context == ""


@pytest.mark.parametrize("kwargs", [{"by": ""}, {"role": "  "}, {"query": "..."}])
def test_empty_filters_are_refused(quoted: list[Article], kwargs: dict[str, str]) -> None:
    with pytest.raises(QueryError):
        find_quotes(quoted, **kwargs)


# --- on the bundled seeds, whatever the parser finds ---


def seeds() -> list[Article]:
    from pilkada.pipeline import parse

    files = sorted(SEEDS.glob("*.txt"))
    assert len(files) == 5
    return [parse(f.read_text(encoding="utf-8"), source=str(f), id=f.stem) for f in files]


def test_search_on_the_seeds() -> None:
    articles = seeds()
    hits = search(articles, "pilkada")
    assert len(hits) == 5
    assert ids(search(articles, "HALIKINNOR")) == ["000_722f0501b75caf7e"]
    (hit,) = search(articles, "simangunsong")
    assert any(fold(hit.snippet[s:e]) == "simangunsong" for s, e in hit.highlights)
    assert ids(search(articles, r"Irjen\s+Pol", regex=True)) == ["003_e3d696af9c73c6e7"]


def test_find_quotes_on_the_seeds_never_invents_speakers() -> None:
    articles = seeds()
    assert all(h.quote.speaker for h in find_quotes(articles, by="laura"))
    for hit in find_quotes(articles):
        assert hit.article_id in {a.id for a in articles}
