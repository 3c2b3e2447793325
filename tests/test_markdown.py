"""Articles saved as Markdown (``pilkada.markdown``): read as the text they mark up."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pilkada import parse
from pilkada.markdown import marked, unmarked, unmarked_lines
from pilkada.models import Article

SEEDS = sorted((Path(__file__).parent.parent / "seeds").glob("*.txt"))
MENU = ["* [Beranda](https://contoh.id/)", "* [Politik](https://contoh.id/politik)", ""]


@pytest.mark.parametrize(
    ("line", "plain"),
    [
        ("# Bawaslu Awasi Kampanye", "Bawaslu Awasi Kampanye"),
        ("### Bawaslu Awasi Kampanye ###", "Bawaslu Awasi Kampanye"),
        ("Kata [Ketua KPU](https://contoh.id/tag/kpu) Nunukan.", "Kata Ketua KPU Nunukan."),
        ('Lihat [hasil](/hasil "Hasil hitung") di sini.', "Lihat hasil di sini."),
        ("![Kotak suara](https://contoh.id/a.jpg)", ""),
        ("[![Logo](/logo.png)](https://contoh.id/)", ""),
        ("**NUNUKAN** - Bupati Nunukan meminta", "NUNUKAN - Bupati Nunukan meminta"),
        ("__Baca Juga:__ Debat digelar", "Baca Juga: Debat digelar"),
        ("memberi *full support* kepada", "memberi full support kepada"),
        ("memberi _full support_ kepada", "memberi full support kepada"),
        ("kode `TPS-01` di", "kode TPS-01 di"),
        ("> “Kami siap,” kata Budi.", "“Kami siap,” kata Budi."),
        ("* * *", ""),
        ("---", ""),
        (r"Rp 5 \* 2 \[revisi\]", "Rp 5 * 2 [revisi]"),
        ("* [Beranda](https://contoh.id/)", "Beranda"),
        ("- [Bawaslu Awasi Kampanye](/a/1)", "Bawaslu Awasi Kampanye"),
        ("- Pemutakhiran data pemilih", "- Pemutakhiran data pemilih"),  # not a link: kept
        ("nama_file dan 2*3*4 tetap", "nama_file dan 2*3*4 tetap"),  # inside words: no marks
    ],
)
def test_markdown_marks_are_taken_away(line: str, plain: str) -> None:
    assert unmarked(["# Judul", "[a](/a)", line])[2] == plain


@pytest.mark.parametrize(
    "lines",
    [
        ["#Pilkada2024 ramai dibicarakan", "Calon [sic] menjawab", "Bupati **menjawab"],
        ["Nilai 5*3 dan a_b_c", "Menurut Pasal 1 [ayat 2] UU Pilkada", "Berita terkini"],
        ["# Satu-satunya judul", "Paragraf biasa tanpa tanda apa pun."],
    ],
)
def test_a_text_with_one_mark_or_none_is_no_markdown(lines: list[str]) -> None:
    assert not marked(lines)
    assert unmarked(lines) is lines


PLAIN = st.text(
    alphabet=st.characters(blacklist_characters="#[]*_`>\\!()", blacklist_categories=["Cs"]),
    max_size=80,
)


@given(st.lists(PLAIN, max_size=30))
def test_text_without_markdown_marks_is_left_as_it_is(lines: list[str]) -> None:
    assert unmarked(lines) == lines


def as_markdown(text: str, article: Article) -> str:
    """The raw text as a reader-mode tool saves its page: a menu of links, the headline as a
    heading with a picture under it, the dateline in bold, a word of every third paragraph
    linked to its tag, a related story and share links at the end."""
    out = list(MENU)
    k = 0
    for line in text.split("\n"):
        s = line.strip()
        if not s:
            continue
        if s == article.title:
            out += [f"# {s}", "", "![Kotak suara](https://contoh.id/img/kotak.jpg)", ""]
            continue
        if article.dateline and s.startswith(article.dateline + " "):
            s = f"**{article.dateline}** {s[len(article.dateline) + 1 :]}"
        elif s in article.paragraphs:
            k += 1
            if k % 3 == 0:
                s = re.sub(r"\b(Pilkada|KPU|Bawaslu|Bupati)\b", r"[\1](/tag/\1)", s, count=1)
        out += [s, ""]
    out += [
        "**Baca Juga:** [Bawaslu Awasi Kampanye di Perbatasan](https://contoh.id/a/1)",
        "",
        "[Bagikan ke Facebook](https://facebook.com/sharer) [Twitter](https://x.com/intent)",
    ]
    return "\n".join(out)


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem)
def test_a_seed_saved_as_markdown_parses_as_the_seed(seed: Path) -> None:
    text = seed.read_text(encoding="utf-8")
    want = parse(text)
    got = parse(as_markdown(text, want))
    assert (got.title, got.dateline, got.published) == (want.title, want.dateline, want.published)
    assert got.paragraphs == want.paragraphs
    assert [(q.text, q.speaker) for q in got.quotes] == [(q.text, q.speaker) for q in want.quotes]


MARKISH = st.text(alphabet=" \n#>*_[]()!abc", max_size=60)


@given(MARKISH)
def test_a_text_looked_at_whole_is_read_as_its_lines_are(text: str) -> None:
    """The look for Markdown's signs in the whole text (in C) misses no text whose lines
    are marked up."""
    assert unmarked_lines(text) == unmarked(text.split("\n"))
