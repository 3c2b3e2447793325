"""Corpus and article summaries, the stopword lexicon and the sentence splitter."""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pilkada import lexicon
from pilkada.models import Article, Quote
from pilkada.summary import (
    content_words,
    sentences,
    stopwords,
    summarise_article,
    summarise_corpus,
)

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def article(id: str, *paragraphs: str, **fields: object) -> Article:
    return Article.model_validate({"id": id, "paragraphs": list(paragraphs), **fields})


def quote(speaker: str | None, role: str | None = None, paragraph: int = 0) -> Quote:
    return Quote(text="Pilkada harus damai,", speaker=speaker, role=role, paragraph=paragraph)


@pytest.fixture
def corpus() -> list[Article]:
    return [
        article(
            "a",
            "Bawaslu Kukar mengawasi kampanye pilkada dan yang lain ujarnya.",
            outlet="Bebaca.id",
            dateline="TENGGARONG",
            published=date(2024, 11, 9),
            quotes=[
                quote("Teguh Wibowo", "Ketua Bawaslu Kutai Kartanegara"),
                quote("Teguh Wibowo", "Ketua Bawaslu Kukar"),
                quote("Teguh Wibowo", "Ketua Bawaslu Kutai Kartanegara"),
                quote(None),
            ],
        ),
        article(
            "b",
            "Bawaslu mengawasi pilkada di Tenggarong tahun 2024.",
            outlet="Bebaca.id",
            dateline="TENGGARONG",
            published=date(2024, 11, 20),
            quotes=[quote("Akhmad Taufik Hidayat", "Asisten I")],
        ),
        article(
            "c",
            "KPU Tapin menyiapkan pilkada.",
            outlet="ANTARA",
            dateline="Rantau, Tapin",
            published=date(2024, 6, 8),
            quotes=[quote("Winarto", "Kapolda Kalimantan Selatan"), quote("winarto")],
        ),
        article("d", "Pilkada tanpa tanggal dan tanpa media."),
    ]


# --- the corpus ---


def test_counts_and_date_range(corpus: list[Article]) -> None:
    s = summarise_corpus(corpus)
    assert s.articles == 4
    assert s.first == date(2024, 6, 8)
    assert s.last == date(2024, 11, 20)
    assert s.undated == 1
    assert s.quotes == 7


def test_articles_by_outlet_most_first(corpus: list[Article]) -> None:
    s = summarise_corpus(corpus)
    assert [(c.name, c.count) for c in s.by_outlet] == [("Bebaca.id", 2), ("ANTARA", 1)]


def test_articles_by_month_oldest_first(corpus: list[Article]) -> None:
    s = summarise_corpus(corpus)
    assert [(c.name, c.count) for c in s.by_month] == [("2024-06", 1), ("2024-11", 2)]


def test_a_timeline_by_the_span_or_the_unit_asked_for() -> None:
    dated = [
        article("a", "x", published=date(2024, 11, 25), places=["Nunukan", "Kalimantan Utara"]),
        article("b", "x", published=date(2024, 11, 27), places=["Nunukan"]),
        article("c", "x", published=date(2024, 11, 27)),
    ]
    s = summarise_corpus(dated)
    assert s.timeline_unit == "day"  # three days: drawn day by day
    assert [(c.name, c.count) for c in s.timeline] == [
        ("2024-11-25", 1),
        ("2024-11-26", 0),
        ("2024-11-27", 2),
    ]
    weekly = summarise_corpus(dated, unit="week")
    assert [(c.name, c.count) for c in weekly.timeline] == [("2024-W48", 3)]
    assert [(c.name, c.count) for c in s.regions] == [("Nunukan", 2), ("Kalimantan Utara", 1)]


def test_places_are_datelines(corpus: list[Article]) -> None:
    s = summarise_corpus(corpus)
    assert [(c.name, c.count) for c in s.places] == [("TENGGARONG", 2), ("Rantau, Tapin", 1)]


def test_speakers_most_quoted_with_their_usual_role(corpus: list[Article]) -> None:
    s = summarise_corpus(corpus)
    assert [(c.name, c.count, c.role) for c in s.speakers] == [
        ("Teguh Wibowo", 3, "Ketua Bawaslu Kutai Kartanegara"),
        ("Winarto", 2, "Kapolda Kalimantan Selatan"),  # "winarto" is the same speaker
        ("Akhmad Taufik Hidayat", 1, "Asisten I"),
    ]


def test_words_leave_out_stopwords_numbers_and_short_words(corpus: list[Article]) -> None:
    s = summarise_corpus(corpus)
    names = [c.name for c in s.words]
    assert names[:3] == ["pilkada", "Bawaslu", "mengawasi"]
    assert s.words[0].count == 4
    for gone in ["yang", "dan", "ujarnya", "tahun", "2024", "di", "tanpa"]:
        assert gone not in [n.casefold() for n in names]


WRITTEN = st.sampled_from(
    "Pilkada pilkada PILKADA Pémilu pemilu Jum'at jum'at isu-isu yang KPU kpu 2024 di"
    " Bawaslu bawaslu Nunukan nunukan suara Suara".split()
)
TEXTS = st.lists(WRITTEN, max_size=12).map(" ".join)


@given(st.lists(st.tuples(TEXTS, st.lists(TEXTS, max_size=3)), max_size=6), st.integers(1, 8))
def test_words_are_counted_by_occurrence_and_shown_as_most_often_written(
    texts: list[tuple[str, list[str]]], top: int
) -> None:
    articles = [article(f"a{i}", *ps, title=t or None) for i, (t, ps) in enumerate(texts)]
    counts: Counter[str] = Counter()
    forms: dict[str, Counter[str]] = {}
    for a in articles:  # word by word, in reading order: the definition
        for text in [a.title or "", *a.paragraphs]:
            for written in text.split():
                if (word := (content_words(written) or [None])[0]) is not None:
                    counts[word] += 1
                    forms.setdefault(word, Counter())[written] += 1
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:top]
    # of forms written equally often, the first in code point order: not the first read, so that
    # the summary of an index (which counts words apart from any reading order) is the same
    expected = [(min(forms[w].items(), key=lambda f: (-f[1], f[0]))[0], n) for w, n in ranked]
    assert [(c.name, c.count) for c in summarise_corpus(articles, top=top).words] == expected


def test_top_bounds_the_lists(corpus: list[Article]) -> None:
    s = summarise_corpus(corpus, top=1)
    assert len(s.by_outlet) == len(s.places) == len(s.speakers) == len(s.words) == 1
    assert len(s.by_month) == 2  # every month is shown


def test_an_empty_corpus() -> None:
    s = summarise_corpus([])
    assert s.articles == s.undated == s.quotes == 0
    assert s.first is None and s.last is None
    assert s.by_outlet == s.by_month == s.words == s.speakers == []


def test_takes_any_iterable(corpus: list[Article]) -> None:
    assert summarise_corpus(iter(corpus)).articles == 4


# --- stopwords ---


def test_stopword_lexicon_is_clean() -> None:
    words = lexicon.entries("stopwords")
    assert len(words) > 150
    assert not [w for w, n in Counter(words).items() if n > 1]
    assert all(w == w.strip().lower() and " " not in w for w in words)
    for word in ["yang", "dan", "di", "ke", "dari", "untuk", "dengan", "ini", "itu", "dalam"]:
        assert word in stopwords()
    for word in ["pada", "akan", "juga", "tidak", "kata", "ujar", "ujarnya", "katanya", "tahun"]:
        assert word in stopwords()
    assert "pilkada" not in stopwords()


def test_content_words() -> None:
    text = "Yang TIDAK dijaga, kata Bawaslu, adalah netralitas ASN di 13 kabupaten/kota."
    assert content_words(text) == ["dijaga", "bawaslu", "netralitas", "asn", "kabupaten", "kota"]


# --- sentences ---


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dia datang. Kami pulang.", ["Dia datang.", "Kami pulang."]),
        ("Hadir Dr. Ahmad di sana. Lalu pulang.", ["Hadir Dr. Ahmad di sana.", "Lalu pulang."]),
        ("Hadir H. Darmawan. Lalu pulang.", ["Hadir H. Darmawan.", "Lalu pulang."]),
        ("Pj. Bupati hadir.", ["Pj. Bupati hadir."]),
        ("Pjs. Gubernur Togap hadir.", ["Pjs. Gubernur Togap hadir."]),
        ("Kantor di Jl. Merdeka No. 5 Tenggarong.", ["Kantor di Jl. Merdeka No. 5 Tenggarong."]),
        ("Inflasi 2.5 persen. Naik 3,1 persen.", ["Inflasi 2.5 persen.", "Naik 3,1 persen."]),
        ("Kata A. B. Yusuf kemarin.", ["Kata A. B. Yusuf kemarin."]),
        ("Oleh Ahmad, S.H. Ia hadir.", ["Oleh Ahmad, S.H. Ia hadir."]),
        ("Para ahli seperti Prof. Bambang hadir.", ["Para ahli seperti Prof. Bambang hadir."]),
        ("Lapor ke KPU. Lalu pulang.", ["Lapor ke KPU.", "Lalu pulang."]),
        ("Rapat usai (8/6/2024). Semua pulang.", ["Rapat usai (8/6/2024).", "Semua pulang."]),
        ("“Kami siap.” Dia pergi.", ["“Kami siap.”", "Dia pergi."]),
        ("Siapa? Kami! Ya… Benar.", ["Siapa?", "Kami!", "Ya…", "Benar."]),
        ("Dll. dan seterusnya.", ["Dll. dan seterusnya."]),
        ("Dia datang. édisi baru. Éra baru.", ["Dia datang. édisi baru.", "Éra baru."]),
        (
            "Dia hadir. “Pilkada harus damai,” ujarnya.",
            ["Dia hadir.", "“Pilkada harus damai,” ujarnya."],
        ),
        ("", []),
        ("   ", []),
    ],
)
def test_sentences(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


# --- one article ---


@pytest.fixture
def report() -> Article:
    return article(
        "kukar",
        "TENGGARONG - Bawaslu Kukar menggelar rapat koordinasi pengawasan pilkada.",
        "Bawaslu Kukar mencatat pelanggaran pilkada di kecamatan. Cuaca cerah sekali.",
        "“Pengawasan pilkada butuh semua pihak,” ujar Teguh.",
        "Pengawasan pilkada oleh Bawaslu Kukar melibatkan pengawas kecamatan dan desa.",
        "Acara ditutup makan siang.",
        title="Bawaslu Kukar Awasi Pilkada",
        outlet="Bebaca.id",
        dateline="TENGGARONG",
        published=date(2024, 11, 9),
        quotes=[quote("Teguh Wibowo", "Ketua Bawaslu Kukar", paragraph=2)],
    )


def test_article_summary_metadata(report: Article) -> None:
    s = summarise_article(report)
    assert s.article_id == "kukar"
    assert s.title == "Bawaslu Kukar Awasi Pilkada"
    assert (s.outlet, s.dateline, s.published) == ("Bebaca.id", "TENGGARONG", date(2024, 11, 9))
    assert s.lead == report.paragraphs[0]
    assert s.quotes == report.quotes
    assert s.words == 8 + 10 + 7 + 10 + 4  # the dash after TENGGARONG is not a word


def test_key_sentences_are_the_most_topical_after_the_lead(report: Article) -> None:
    s = summarise_article(report, sentences=2)
    assert s.key_sentences == [
        "Bawaslu Kukar mencatat pelanggaran pilkada di kecamatan.",
        "Pengawasan pilkada oleh Bawaslu Kukar melibatkan pengawas kecamatan dan desa.",
    ]
    assert report.lead not in s.key_sentences
    assert summarise_article(report, sentences=2) == s  # deterministic


def test_key_sentences_leave_quotes_to_the_quotes(report: Article) -> None:
    s = summarise_article(report, sentences=10)
    assert not any("“" in k for k in s.key_sentences)
    assert len(s.key_sentences) == 4


def test_key_sentences_of_an_article_made_of_quotes() -> None:
    a = article("q", "Lead.", "“Pilkada damai untuk semua warga kita,” katanya.")
    assert summarise_article(a).key_sentences == [a.paragraphs[1]]


def test_summary_of_an_empty_article() -> None:
    s = summarise_article(article("empty"))
    assert s.lead == "" and s.key_sentences == [] and s.words == 0
    assert s.title == ""


# --- on the bundled seeds, whatever the parser finds ---


def test_summaries_of_the_seeds() -> None:
    from pilkada.pipeline import parse

    files = sorted(SEEDS.glob("*.txt"))
    articles = [parse(f.read_text(encoding="utf-8"), id=f.stem) for f in files]
    s = summarise_corpus(articles)
    assert s.articles == 5
    assert s.words and all(w.name.casefold() not in stopwords() for w in s.words)
    assert "pilkada" in [w.name.casefold() for w in s.words]
    for a in articles:
        one = summarise_article(a)
        assert len(one.key_sentences) <= 3
        assert all(k in a.text for k in one.key_sentences)
