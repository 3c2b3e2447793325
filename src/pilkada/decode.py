"""Raw bytes to clean text: decoding a scraped file, then normalising its characters.

``decode`` reads strict UTF-8 (a byte-order mark is dropped) and falls back to cp1252, the
encoding of text saved by Windows tools: its curly quotes (bytes 0x93/0x94) become “ ”. No charset
guesser is used; they label cp1252 Indonesian text as cp1250 and turn the quotes into other
letters. A binary file or an empty one is refused with a ``DecodeError`` that says which.

``normalise`` makes the characters uniform without touching the words: NFC, LF line ends, one
plain space for every kind of space, no zero-width characters, no trailing spaces. Runs of spaces
and blank lines are kept; the line structure is the parser's evidence.
"""

from __future__ import annotations

import codecs
import unicodedata

__all__ = ["DecodeError", "decode", "normalise", "stray_nuls"]

# A file where more than this share of bytes are control characters is not text.
_CONTROL_SHARE = 0.3
# A file with a NUL byte in more than one of this many bytes is binary; fewer are stray bytes
# (a copy gone wrong, a scraper's bug), removed: one NUL must not make an article unreadable.
STRAY_NUL_SHARE = 1000
# C0 controls and DEL, without tab, line feed, vertical tab, form feed and carriage return.
_CONTROL_BYTES = bytes([*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F])
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)

# Every space separator (Unicode category Zs) other than the plain space: no-break, narrow
# no-break, figure, en/em and the other typographic spaces, ideographic space. Tabs too.
_SPACES = (
    "\t\v\f\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u202f\u205f\u3000"
)
# Zero-width space, non-joiner, joiner, word joiner, and a stray byte-order mark.
_ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"
# Line and paragraph separators end a line just as a line feed does.
_LINE_BREAKS = "\u2028\u2029"

_TRANSLATE = str.maketrans(
    {
        **dict.fromkeys(_SPACES, " "),
        **dict.fromkeys(_ZERO_WIDTH),
        **dict.fromkeys(_LINE_BREAKS, "\n"),
    }
)


_SPECIAL = "".join(map(chr, _TRANSLATE))


class DecodeError(ValueError):
    """The bytes are not a text file; the message says why ("empty file", "binary file …")."""


def decode(data: bytes) -> str:
    """The text of a file's bytes: UTF-8 when valid, else cp1252. Not normalised.

    Raises DecodeError for a binary file (NUL bytes, beyond one in STRAY_NUL_SHARE bytes, which
    are removed; or mostly control characters) and for an empty or whitespace-only one.
    """
    if data.startswith(_UTF16_BOMS):  # Windows "Unicode" text; its NUL bytes are not binary
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as error:
            raise DecodeError(f"not valid UTF-16 text ({error.reason})") from None
    else:
        if (nuls := stray_nuls(data)) > max(1, len(data) // STRAY_NUL_SHARE):
            raise DecodeError("binary file (contains NUL bytes)")
        data = data.replace(b"\x00", b"") if nuls else data  # a stray one: text all the same
        controls = len(data) - len(data.translate(None, _CONTROL_BYTES))
        if data and controls / len(data) > _CONTROL_SHARE:
            raise DecodeError("binary file (mostly control characters)")
        data = data.removeprefix(codecs.BOM_UTF8)
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            # The five bytes cp1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) become U+FFFD.
            text = data.decode("cp1252", errors="replace")
    if not text.strip():
        raise DecodeError("empty file")
    return text


def stray_nuls(data: bytes) -> int:
    """The NUL bytes ``decode`` removes from text (none of UTF-16, where they are letters')."""
    return 0 if data.startswith(_UTF16_BOMS) else data.count(b"\x00")


def normalise(text: str) -> str:
    """``text`` with uniform characters; clean text comes back unchanged.

    NFC; CRLF and CR become LF; every Unicode space and tab becomes a plain space; zero-width
    characters are removed; trailing whitespace is stripped from each line. Spaces inside a
    line and blank lines are kept.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # rare; looking for each character (in C, at memchr speed) is faster than translate()
    if any(map(text.__contains__, _SPECIAL)):
        text = text.translate(_TRANSLATE)
    # NFC last: removing a zero-width character can bring a letter and its accent together.
    text = unicodedata.normalize("NFC", text)
    return "\n".join(map(str.rstrip, text.split("\n")))
