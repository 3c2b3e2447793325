"""Text dumps wrapped at a fixed width (``pilkada.wrap``): put back one paragraph a line."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pilkada import parse
from pilkada.wrap import WRAP_MAX, unwrapped, width

SEEDS = sorted((Path(__file__).parent.parent / "seeds").glob("*.txt"))

# words of running text, of the lengths Indonesian prose has
WORD = st.text(alphabet="abcdefghijklmnoprstuwy", min_size=1, max_size=12)
PARAGRAPH = st.lists(WORD, min_size=12, max_size=80).map(" ".join)


def wrapped(paragraphs: list[str], at: int, indent: str = "") -> list[str]:
    lines: list[str] = []
    for p in paragraphs:
        lines += textwrap.wrap(p, at, initial_indent=indent, subsequent_indent=indent)
        lines.append("")
    return lines


@given(st.lists(PARAGRAPH, min_size=3, max_size=8), st.integers(min_value=60, max_value=WRAP_MAX))
def test_paragraphs_wrapped_at_any_width_come_back_whole(paragraphs: list[str], at: int) -> None:
    lines = wrapped(paragraphs, at)
    if width(lines) is None:  # too few full lines to tell: left as they are
        assert unwrapped(lines) == lines
        return
    assert [ln for ln in unwrapped(lines) if ln] == paragraphs


@given(st.lists(PARAGRAPH, min_size=3, max_size=8))
def test_lines_of_a_paragraph_each_are_left_as_they_are(paragraphs: list[str]) -> None:
    """A text saved a paragraph a line has lines longer than any wrapping width."""
    lines = [p + " " + "x" * (WRAP_MAX + 1) for p in paragraphs]
    assert unwrapped(lines) == lines


def test_short_lines_and_list_items_are_never_joined() -> None:
    prose = (
        "Ketua KPU Kabupaten Nunukan menyampaikan bahwa seluruh tahapan pemilihan berjalan "
        "sesuai jadwal yang telah ditetapkan oleh penyelenggara di tingkat pusat dan daerah."
    )
    lines = [
        *textwrap.wrap(prose, 70),
        "Baca Juga",
        "- Bawaslu awasi kampanye di perbatasan",
        "- Debat kandidat digelar pekan depan",
        *textwrap.wrap(prose, 70),
        "1. Pemutakhiran data pemilih oleh petugas di setiap desa dan kelurahan",
        "2. Penetapan daftar pemilih tetap",
    ]
    out = unwrapped(lines)
    assert out[0] == prose
    assert out[1:4] == lines[len(textwrap.wrap(prose, 70)) : len(textwrap.wrap(prose, 70)) + 3]
    assert out[-2:] == lines[-2:]


def test_a_word_broken_at_its_hyphen_is_one_word_again() -> None:
    lines = [
        "Para calon kepala daerah diminta menjaga suasana kondusif selama masa kampanye-",
        "kampanye terbuka berlangsung di seluruh kecamatan, kata Ketua Bawaslu setempat.",
        "Ia menambahkan, pengawasan dilakukan bersama aparat keamanan dari kepolisian",
        "dan TNI hingga hari pemungutan suara pada akhir bulan depan di semua desa.",
        "Seluruh pengawas kecamatan juga sudah menerima pelatihan dari Bawaslu provinsi",
        "sejak awal pekan ini sehingga siap bertugas di lapangan kapan pun diperlukan.",
    ]
    out = unwrapped(lines)
    assert out[0].startswith("Para calon") and "masa kampanye-kampanye terbuka" in out[0]
    assert len(out) == 1


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem)
@pytest.mark.parametrize("at", [72, 79])
def test_a_seed_saved_as_a_wrapped_text_dump_parses_as_the_seed(seed: Path, at: int) -> None:
    """A seed as a text-mode browser would dump it (each line wrapped, paragraphs apart, three
    spaces in) parses to the seed's own title, date, paragraphs, quotes and speakers."""
    text = seed.read_text(encoding="utf-8")
    dump = "\n".join(wrapped(text.split("\n"), at, indent="   "))
    want, got = parse(text), parse(dump)
    assert got.title == want.title
    assert got.published == want.published
    assert [" ".join(p.split()) for p in got.paragraphs] == [
        " ".join(p.split()) for p in want.paragraphs
    ]
    assert [(q.text, q.speaker) for q in got.quotes] == [(q.text, q.speaker) for q in want.quotes]
