"""The bottom of the graph: folding text for case- and accent-free comparison, its words, the
error of a query that cannot be run, and snippets of a text around the spans a query matched.

Every layer may import this module; it imports no other module of pilkada's (``Article`` is only
a type here).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pilkada.models import Article

__all__ = [
    "ELLIPSIS",
    "SNIPPET_WIDTH",
    "TOKEN",
    "WRITTEN",
    "QueryError",
    "Span",
    "best_passage",
    "fold",
    "names_someone",
    "snippet",
    "words",
    "written_words",
]

SNIPPET_WIDTH = 200


ELLIPSIS = "…"


TOKEN = re.compile(r"\w+")

# A word as a summary counts one: letters or digits, possibly joined by hyphens or apostrophes
# ("isu-isu", "Jum'at").
WRITTEN = re.compile(r"\w+(?:[-'’]\w+)*")


Span = tuple[int, int]


class QueryError(ValueError):
    """A query that cannot be run: empty, or an invalid regular expression. ``option`` is the
    command-line option the faulty value came from, when it is not the query itself."""

    def __init__(self, message: str, option: str | None = None) -> None:
        super().__init__(message)
        self.option = option


class _Marks(dict[int, int | None]):
    """A str.translate table that deletes combining marks, filled in as characters are met: a
    translation then runs in C (this is called on every paragraph of every search hit)."""

    def __missing__(self, code: int) -> int | None:
        value = None if unicodedata.combining(chr(code)) else code
        self[code] = value
        return value


_MARKS = _Marks()


def _strip_marks(text: str) -> str:
    return text.translate(_MARKS)


def fold(text: str) -> str:
    """The case- and accent-insensitive form of ``text``: "Pilkáda" and "PILKADA" fold alike."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text).casefold()
    return _strip_marks(unicodedata.normalize("NFKD", decomposed))


def words(text: str) -> list[str]:
    """The folded words of ``text``: runs of letters and digits."""
    return TOKEN.findall(fold(text))


def best_passage(
    article: Article, spans_of: Callable[[str], list[list[Span]]]
) -> tuple[str, list[Span]]:
    """The paragraph showing the most of the query (most of its terms, then most matches), with
    the query's spans in it; the title only when no paragraph matches. ``spans_of(text)`` gives,
    for each term of the query, its spans in ``text``. Shared by search on files and the index."""
    best: tuple[tuple[int, int], str, list[Span]] | None = None
    for paragraph in article.paragraphs:
        per_term = spans_of(paragraph)
        spans = sorted(s for term in per_term for s in term)
        if not spans:
            continue
        key = (sum(1 for term in per_term if term), len(spans))
        if best is None or key > best[0]:
            best = (key, paragraph, spans)
    if best is not None:
        return best[1], best[2]
    if article.title:
        return article.title, sorted(s for term in spans_of(article.title) for s in term)
    return (article.paragraphs[0] if article.paragraphs else ""), []


def snippet(text: str, spans: Sequence[Span], width: int = SNIPPET_WIDTH) -> tuple[str, list[Span]]:
    """About ``width`` characters of ``text`` around its first span, cut at word boundaries.

    Returns the snippet ("…" where text was cut) and the spans moved into it, clipped to it.
    """
    spans = sorted(spans)
    start, end = 0, len(text)
    if len(text) > width:
        first, first_end = spans[0] if spans else (0, 0)
        start = max(0, min(first - width // 4, len(text) - width))
        end = min(len(text), start + width)
        if start > 0 and not text[start - 1].isspace():
            space = _next_space(text, start, first)
            start = space + 1 if space >= 0 else _previous_space(text, start, 0) + 1
        if end < len(text) and not text[end].isspace():
            space = _previous_space(text, end, max(start, first_end))
            end = space if space >= 0 else end
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
    prefix = ELLIPSIS if start > 0 else ""
    suffix = ELLIPSIS if end < len(text) else ""
    moved = []
    for s, e in spans:
        s, e = max(s, start), min(e, end)
        if s < e:
            moved.append((s - start + len(prefix), e - start + len(prefix)))
    return prefix + text[start:end] + suffix, _merge(moved)


def _next_space(text: str, start: int, stop: int) -> int:
    for i in range(start, stop):
        if text[i].isspace():
            return i
    return -1


def _previous_space(text: str, start: int, floor: int) -> int:
    for i in range(start - 1, floor - 1, -1):
        if text[i].isspace():
            return i
    return -1


def _merge(spans: list[Span]) -> list[Span]:
    merged: list[Span] = []
    for s, e in sorted(spans):
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    return merged


def names_someone(names: Iterable[str], query: str) -> bool:
    """One of the names has every word of ``query`` starting a word of it ("laura" names Asmin
    Laura Hafid); the test of ``--official`` on files and on the index."""
    wanted = words(query)
    return any(all(any(w.startswith(x) for w in words(name)) for x in wanted) for name in names)


def written_words(title: str | None, paragraphs: Iterable[str]) -> list[str]:
    """The words of a title and its paragraphs as written (``WRITTEN``), in order: what a
    summary counts the words of a corpus from."""
    return WRITTEN.findall("\n".join([title or "", *paragraphs]))
