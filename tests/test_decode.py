"""Bytes from scraped files to text, and text to uniform characters."""

from __future__ import annotations

import sys
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pilkada.decode import DecodeError, decode, normalise

# --- decode -------------------------------------------------------------------------------------


def test_utf8_is_read_as_utf8() -> None:
    text = "“Pilkada merupakan momen,” kata Irjen Pol Winarto — Kapolda Kalsel. Café"
    assert decode(text.encode("utf-8")) == text


def test_a_utf8_byte_order_mark_is_dropped() -> None:
    assert decode(b"\xef\xbb\xbfSAMPIT/TABENGAN.CO.ID-Bupati") == "SAMPIT/TABENGAN.CO.ID-Bupati"


def test_cp1252_curly_quotes_and_dashes_are_read() -> None:
    data = b"\x93Netralitas mutlak bagi ASN,\x94 tegasnya \x96 Tenggarong \x97 caf\xe9"
    assert decode(data) == "“Netralitas mutlak bagi ASN,” tegasnya – Tenggarong — café"


def test_cp1252_is_chosen_for_the_whole_file_not_per_line() -> None:
    # One invalid UTF-8 sequence makes the whole file cp1252; the ASCII lines are unchanged.
    data = b"Bupati Kotim Halikinnor\r\n\x93Untuk itu,\x94 katanya.\r\n"
    assert decode(data) == "Bupati Kotim Halikinnor\r\n“Untuk itu,” katanya.\r\n"


def test_bytes_cp1252_leaves_undefined_become_replacement_characters() -> None:
    assert decode(b"Kukar \x81 Kaltara\x94") == "Kukar \ufffd Kaltara”"


def test_utf16_with_a_byte_order_mark_is_read() -> None:
    text = "Bupati Nunukan Asmin Laura Hafid"
    assert decode(text.encode("utf-16")) == text
    assert decode(b"\xfe\xff" + text.encode("utf-16-be")) == text


def test_decode_does_not_normalise() -> None:
    assert decode(b"a\r\nb\xc2\xa0c\n") == "a\r\nb\u00a0c\n"


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        b"Bupati\x00\x00Kotim",
        b"Bupati Kotim " * 100 + b"\x00\x00",
        b"\x00\x00",
    ],
)
def test_nul_bytes_mean_a_binary_file(data: bytes) -> None:
    with pytest.raises(DecodeError, match=r"^binary file \(contains NUL bytes\)$"):
        decode(data)


def test_a_stray_nul_byte_is_removed() -> None:
    """One NUL in a thousand bytes is a copy gone wrong, not a binary file (issue 19)."""
    assert decode(b"Bupati\x00 Kotim") == "Bupati Kotim"
    assert decode(b"Bupati Kotim " * 200 + b"\x00\x00") == "Bupati Kotim " * 200


def test_mostly_control_bytes_mean_a_binary_file() -> None:
    with pytest.raises(DecodeError, match=r"^binary file \(mostly control characters\)$"):
        decode(bytes(range(1, 32)) * 4 + b"abc")


def test_a_few_control_bytes_are_still_text() -> None:
    assert (
        decode(b"Bupati\x1b Kotim\x07 menghadiri rapat") == "Bupati\x1b Kotim\x07 menghadiri rapat"
    )


@pytest.mark.parametrize("data", [b"", b"   ", b"\r\n\n\t \n", b"\xef\xbb\xbf", b"\xef\xbb\xbf \n"])
def test_empty_or_blank_files_are_refused(data: bytes) -> None:
    with pytest.raises(DecodeError, match=r"^empty file$"):
        decode(data)


def test_a_file_of_unicode_spaces_is_empty() -> None:
    with pytest.raises(DecodeError, match="empty file"):
        decode("\u00a0\u3000\n".encode())


def test_decode_error_is_a_value_error() -> None:
    assert issubclass(DecodeError, ValueError)


text_without_nul = st.text(
    alphabet=st.characters(exclude_categories=("Cs", "Cc"), include_characters="\t\n\r")
).filter(lambda s: s.strip() and not s.startswith("\ufeff"))


@given(text_without_nul)
def test_utf8_round_trips(text: str) -> None:
    # Control characters are left out: text made mostly of them is refused as binary.
    assert decode(text.encode("utf-8")) == text


@given(st.binary())
def test_decode_either_returns_text_or_says_why(data: bytes) -> None:
    try:
        text = decode(data)
    except DecodeError as error:
        assert str(error) in {
            "empty file",
            "binary file (contains NUL bytes)",
            "binary file (mostly control characters)",
        } or str(error).startswith("not valid UTF-16 text")
    else:
        assert text.strip()


# --- normalise ----------------------------------------------------------------------------------


def test_line_endings_become_line_feeds() -> None:
    assert normalise("satu\r\ndua\rtiga\nempat") == "satu\ndua\ntiga\nempat"


def test_unicode_spaces_and_tabs_become_plain_spaces() -> None:
    assert normalise("Pjs\u00a0Bupati\u202fKukar\u2007Bambang\tArwanto\u3000x") == (
        "Pjs Bupati Kukar Bambang Arwanto x"
    )


def test_zero_width_characters_are_removed() -> None:
    assert (
        normalise("Pil\u200bkada\u200c Ser\u200dentak\u2060 \ufeff2024") == "Pilkada Serentak 2024"
    )


def test_nfc_composes_accents() -> None:
    assert normalise("Cafe\u0301") == "Café"
    assert unicodedata.is_normalized("NFC", normalise("Cafe\u0301"))


def test_nfc_composes_across_a_removed_zero_width_character() -> None:
    assert normalise("e\u200b\u0301") == "é"


def test_trailing_whitespace_goes_but_inner_runs_and_blank_lines_stay() -> None:
    text = "Home / Advertorial  \t\n\n  Rakor   Pilkada\u00a0\n\n\n"
    assert normalise(text) == "Home / Advertorial\n\n  Rakor   Pilkada\n\n\n"


def test_line_and_paragraph_separators_end_lines() -> None:
    assert normalise("satu\u2028dua\u2029tiga") == "satu\ndua\ntiga"


def test_clean_text_is_unchanged() -> None:
    text = (
        "Rantau, Tapin (ANTARA) - Kapolda Kalimantan Selatan (Kalsel) Irjen Pol Winarto.\n"
        "\n"
        "“Pilkada merupakan momen,” kata Irjen Pol Winarto — Selasa.\n"
    )
    assert normalise(text) == text


def test_every_space_separator_is_covered() -> None:
    spaces = [chr(c) for c in range(sys.maxunicode + 1) if unicodedata.category(chr(c)) == "Zs"]
    assert normalise("".join(f"a{s}b\n" for s in spaces)) == "a b\n" * len(spaces)


@given(st.text())
def test_normalise_is_idempotent(text: str) -> None:
    once = normalise(text)
    assert normalise(once) == once


@given(st.text())
def test_normalise_leaves_no_listed_characters(text: str) -> None:
    out = normalise(text)
    assert "\r" not in out
    assert "\t" not in out
    assert not set(out) & set("\u00a0\u202f\u2007\u200b\u200c\u200d\u2060\ufeff")
    assert all(line == line.rstrip() for line in out.split("\n"))
    assert unicodedata.is_normalized("NFC", out)


@given(st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=50))
def test_normalise_keeps_the_number_of_lines(text: str) -> None:
    crlf_as_one = text.replace("\r\n", "\n")
    breaks = sum(crlf_as_one.count(c) for c in "\n\r\u2028\u2029")
    assert normalise(text).count("\n") == breaks


SPECIAL = (
    "\r\n\t \u00a0\u2009\u202f\u3000\u200b\u200c\u200d\u2060\ufeff\u2028\u2029e\u0301\x0b\x0c\x1c"
)


@given(st.text(alphabet=st.sampled_from(SPECIAL) | st.characters()))
def test_normalise_is_what_its_docstring_says(text: str) -> None:
    """Line breaks to LF, Unicode spaces to plain ones, zero-width characters out, NFC, and each
    line's trailing whitespace stripped: written out step by step."""
    step = text.replace("\r\n", "\n").replace("\r", "\n")
    step = "".join(" " if c in "\t\v\f" or unicodedata.category(c) == "Zs" else c for c in step)
    step = "".join(c for c in step if c not in "\u200b\u200c\u200d\u2060\ufeff")
    step = step.replace("\u2028", "\n").replace("\u2029", "\n")
    step = unicodedata.normalize("NFC", step)
    assert normalise(text) == "\n".join(line.rstrip() for line in step.split("\n"))


def test_a_long_run_of_spaces_inside_a_line_is_kept_and_trailing_ones_go() -> None:
    gap = " " * 50_000  # read once, not once for each of its spaces
    assert normalise(f"a{gap}b{gap}\nc{gap}") == f"a{gap}b\nc"
