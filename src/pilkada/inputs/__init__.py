"""Every input format pilkada reads, in one registry: a file's bytes -> its articles.

Each format is a small module with ``read(data, source, stem) -> Iterator[Unit]``:

- ``txt`` (``.txt``, and any file of another name): decoded (``pilkada.decode``) and parsed as
  it is.
- ``html`` (``.html``, ``.htm``): the page read through its DOM (``pilkada.html``); what its
  head states (headline, date, site) stands beside what the text gives.
- ``jsonl`` (``.jsonl``): one JSON object a line with ``text`` or ``html``, and optionally
  ``url``, ``title``, ``date`` and ``outlet``, which a scraper knows better than a parser can
  guess: they win. Its articles are ``STEM.LINE``.

Every command reads files through here (``parse``, ``clean``, ``--corpus``, ``index``), so one
file gives one Article whichever reads it. Pure: the caller reads the bytes.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from importlib import import_module
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:  # the CLI reads FORMATS at start-up: no model is built for that
    from pilkada.models import Article, Removed

__all__ = [
    "FORMATS",
    "MAX_ARTICLE_BYTES",
    "SUFFIXES",
    "Text",
    "Unit",
    "decoded",
    "format_of",
    "noted",
    "oversized",
    "read",
    "repaired_text",
    "sniff",
]

FORMATS = ("txt", "html", "jsonl")
SUFFIXES = {".txt": "txt", ".html": "html", ".htm": "html", ".jsonl": "jsonl"}

# The most one article may be: a text or page file, or one line of a .jsonl file. The longest
# news article is a few hundred kB and a saved page a few MB; a text of 20 MB parses in about
# half a minute and 400 MB of memory (benchmarks/linear.py), so a file beyond it (a whole
# corpus saved as one file, a dump) is refused with a message instead of holding the machine.
MAX_ARTICLE_BYTES = 20_000_000


class Unit(NamedTuple):
    """One article a file gives (``article``), or why a part of it gives none (``reason``)."""

    line: int  # 0 for a whole file; the line's number in a .jsonl file
    article: Article | None = None
    reason: str | None = None
    url: str | None = None
    raw: bytes = b""  # what the article was read from: its hash names it in an index
    whole: bool = False  # the reason is the whole file's: nothing of it could be read


def format_of(path: str | os.PathLike[str]) -> str | None:
    """The format a file's name says, or None for a name of no known format."""
    return SUFFIXES.get(os.path.splitext(path)[1].lower())


def sniff(data: bytes) -> str:
    """The format of bytes with no name to tell it by (standard input): a page opens with a
    tag, JSON Lines with an object; anything else is text."""
    head = data[:64].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"<"):
        return "html"
    if head.startswith(b"{"):
        return "jsonl"
    return "txt"


def oversized(size: int, fmt: str = "txt") -> str | None:
    """Why ``size`` bytes of format ``fmt`` are too many for one article, or None. A .jsonl
    file holds many articles: its lines are measured one by one, not the file."""
    if fmt == "jsonl" or size <= MAX_ARTICLE_BYTES:
        return None
    return (
        f"too large for one article ({size / 1e6:.0f} MB; pilkada reads up to"
        f" {MAX_ARTICLE_BYTES / 1e6:.0f} MB an article)"
    )


class Text(NamedTuple):
    """A file's text, put right where it was damaged, with a note of each repair."""

    text: str
    repairs: list[Removed]


def decoded(data: bytes) -> Text | Unit:
    """A whole file's text (``Text``: stray NUL bytes removed, mojibake undone, each noted), or
    the Unit that says why it has none (empty, binary)."""
    from pilkada.decode import DecodeError, decode, stray_nuls

    try:
        text = decode(data)
    except DecodeError as exc:
        return Unit(0, reason=str(exc), raw=data, whole=True)
    repaired = repaired_text(text)
    if nuls := stray_nuls(data):
        from pilkada.models import Removed

        nul = Removed(line=f"{nuls} NUL byte{'s' * (nuls > 1)}", reason="stray NUL bytes removed")
        repaired.repairs.insert(0, nul)
    return repaired


def repaired_text(text: str) -> Text:
    """``text`` with its mojibake undone (``pilkada.repair``), each line repaired noted."""
    from pilkada.models import Removed
    from pilkada.repair import MOJIBAKE, mojibake

    text, before = mojibake(text)
    return Text(text, [Removed(line=line, reason=MOJIBAKE) for line in before])


def noted(article: Article, repairs: list[Removed]) -> Article:
    """The article with the repairs made to its text first among what was removed."""
    if not repairs:
        return article
    return article.model_copy(update={"removed": repairs + article.removed})


def read(data: bytes, source: str, stem: str, fmt: str, first_line: int = 1) -> Iterator[Unit]:
    """The articles of ``data`` read as format ``fmt``; a failure is a Unit with a reason, never
    an exception. ``first_line``: the number of ``data``'s first line, for a chunk of a .jsonl
    file."""
    if (too_large := oversized(len(data), fmt)) is not None:
        return iter([Unit(0, reason=too_large, whole=True)])
    reader: Callable[..., Iterator[Unit]] = import_module(f"pilkada.inputs.{fmt}").read
    if fmt == "jsonl":
        return reader(data, source, stem, first_line)
    return reader(data, source, stem)
