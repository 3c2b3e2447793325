"""Which characters a line can open with for a pattern to match it at its start. Pure.

The classifier tries dozens of chrome patterns at the start of every line. Most lines of an
article open with a letter that none of them, or only a few, can open with; ``first_chars``
reads a pattern's syntax tree (the parser of Python's own ``re``) for the characters its match
can begin with, so that a line is only tried against the patterns its first character allows.

The answer is a superset, never a subset: where the tree is not understood, the answer is
"any character" (None). Beyond ASCII it names the characters that have no case, such as the
curly quote a paragraph of speech opens with ("“"), by themselves: they match only themselves,
case ignored or not; the classes (``\\d``, ``\\s``, ``\\w``) are known only by their ASCII
members, so a pattern that opens with one may open with any such character (``UNCASED``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from typing import Any

try:  # re's own parser: private, so a Python without it means "any character" for every pattern
    from re import _constants as sre  # type: ignore[attr-defined]
    from re import _parser as sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python 3.11 to 3.13 have both
    sre = sre_parse = None

# A line's first character is looked up lower-cased; only these are looked up at all (any other
# first character tries every pattern), so only they need answers.
ASCII = frozenset(chr(c) for c in range(128))
_MAX_RANGE = 256  # a wider character range is taken as "any character"

Firsts = frozenset[str] | None  # None: any character
# In a pattern's first characters: some character beyond ASCII that has no case may come first.
UNCASED = ""


def uncased(char: str) -> bool:
    """A character beyond ASCII with no case ("“", "–", "•"): what a pattern matches it by is the
    character itself, case ignored or not."""
    return char not in ASCII and char.lower() == char == char.upper()


def first_chars(pattern: str, flags: int = 0) -> Firsts:
    """The ASCII characters, lower-cased, that a match of ``pattern`` at the start of a line can
    begin with, and the uncased characters beyond ASCII (``uncased``; ``UNCASED`` for any of
    them); None when it may begin with any, or when it can match the empty string.

    >>> sorted(first_chars(r"^(baca|lihat)\\s+juga", re.IGNORECASE))
    ['b', 'l']
    """
    if sre_parse is None:
        return None
    try:
        tree = sre_parse.parse(pattern, flags)
        chars, nullable = _sequence(tree.data)
        ignore_case = bool(tree.state.flags & re.IGNORECASE)
    except (re.error, AttributeError, TypeError, ValueError):  # a tree of another shape
        return None
    if chars is None or nullable:
        return None
    return frozenset(k for c in chars for k in _keys(c, ignore_case))


def _keys(char: str, ignore_case: bool) -> set[str]:
    """The lower-cased ASCII characters a pattern's ``char`` matches, and ``char`` itself when it
    is beyond ASCII with no case (or ``UNCASED``)."""
    if char == UNCASED or uncased(char):
        return {char}
    if not ignore_case:
        return {char.lower()} if char in ASCII else set()
    if char in ASCII:
        return {char.lower()}
    # a non-ASCII letter may match an ASCII one when case is ignored (the Kelvin sign, "K");
    # the regular-expression engine itself says which
    one = re.compile(re.escape(char), re.IGNORECASE)
    return {c.lower() for c in ASCII if one.fullmatch(c)}


Result = tuple[set[str] | None, bool]  # (first characters or None for any; can match empty)


def _sequence(items: list[tuple[Any, Any]]) -> Result:
    """First characters of a sequence: of its items up to the first that cannot match empty."""
    out: set[str] = set()
    for op, av in items:
        chars, nullable = _item(op, av)
        if chars is None:
            return None, False
        out |= chars
        if not nullable:
            return out, False
    return out, True


def _item(op: Any, av: Any) -> Result:
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
        return set(), True  # zero-width: what follows decides
    if op is sre.LITERAL:
        return {chr(av)}, False
    if op is sre.IN:
        return _charset(av), False
    if op is sre.SUBPATTERN:
        _group, add_flags, del_flags, inner = av
        if add_flags or del_flags:
            return None, False  # flags switched inside: not followed
        return _sequence(inner.data)
    if op is sre.ATOMIC_GROUP:
        return _sequence(av.data)
    if op is sre.BRANCH:
        out: set[str] = set()
        nullable = False
        for branch in av[1]:
            chars, empty = _sequence(branch.data)
            if chars is None:
                return None, False
            out |= chars
            nullable = nullable or empty
        return out, nullable
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        low, _high, inner = av
        chars, empty = _sequence(inner.data)
        return chars, empty or low == 0
    return None, False  # any character, a back-reference, …: not ruled out


def _charset(items: list[tuple[Any, Any]]) -> set[str] | None:
    out: set[str] = set()
    for op, av in items:
        if op is sre.LITERAL:
            out.add(chr(av))
        elif op is sre.RANGE and av[1] - av[0] < _MAX_RANGE:
            out.update(chr(c) for c in range(av[0], av[1] + 1))
        elif op is sre.CATEGORY and av in _categories():
            out |= _ascii_in(_categories()[av]) | {UNCASED}
        else:
            return None  # negated sets, wide ranges
    return out


@cache
def _categories() -> dict[Any, str]:
    """\\d, \\s, \\w and their opposites: only their ASCII members matter (see ASCII)."""
    return {
        sre.CATEGORY_DIGIT: r"\d",
        sre.CATEGORY_NOT_DIGIT: r"\D",
        sre.CATEGORY_SPACE: r"\s",
        sre.CATEGORY_NOT_SPACE: r"\S",
        sre.CATEGORY_WORD: r"\w",
        sre.CATEGORY_NOT_WORD: r"\W",
    }


def _ascii_in(category: str) -> set[str]:
    one = re.compile(category)
    return {c for c in ASCII if one.fullmatch(c)}


def max_width(pattern: str, flags: int = 0) -> int | None:
    """The most characters a match of ``pattern`` can take; None when there is no bound or the
    tree is not understood."""
    if sre_parse is None:
        return None
    try:
        _low, high = sre_parse.parse(pattern, flags).getwidth()
    except (re.error, AttributeError, TypeError, ValueError):
        return None
    return high if isinstance(high, int) and high < sre.MAXREPEAT else None


def literal_openings(words: Iterable[str]) -> frozenset[str] | None:
    """The first two characters of each of ``words`` (written out, not patterns), lower-cased;
    None when some word is not plain ASCII or shorter (then none rules a line out)."""
    words = list(words)
    if not all(w.isascii() and len(w) >= 2 for w in words):
        return None
    return frozenset(w[:2].lower() for w in words)


def may_open_literally(text: str, openings: frozenset[str] | None) -> bool:
    """False only when ``text`` cannot open with any of the words of these ``openings`` (see
    ``literal_openings``), case ignored: ASCII matches ASCII, case ignored, only as its lower
    case does, and a character beyond ASCII with no case matches only itself, no ASCII one."""
    if openings is None:
        return True
    head = text[:2]
    if head.isascii():
        return head.lower() in openings
    return not uncased(head[0])


# --- the first two characters ---------------------------------------------------------------

# In ``first_pairs``: any character at all may stand at this place of a match's opening.
ANY = "any"
Opening = tuple[str, ...]  # the keys of a match's first characters, at most two (see _keys)
_PAIR = 2


def first_pairs(pattern: str, flags: int = 0) -> frozenset[Opening] | None:
    """The openings of a match of ``pattern`` at the start of a line: each the keys of its first
    two characters (as ``first_chars`` gives them: lower-cased ASCII, a character beyond ASCII
    with no case, ``UNCASED`` for any such, or ``ANY``), or of fewer for a match that short;
    None where the tree is not understood. A superset, as ``first_chars`` is.

    >>> sorted(first_pairs(r"^(baca|lihat)\\s+juga", re.IGNORECASE))
    [('b', 'a'), ('l', 'i')]
    """
    if sre_parse is None:
        return None
    try:
        tree = sre_parse.parse(pattern, flags)
        ignore_case = bool(tree.state.flags & re.IGNORECASE)
        out = _pairs(tree.data, ignore_case)
    except (re.error, AttributeError, TypeError, ValueError):  # a tree of another shape
        return None
    return None if out is None else frozenset(out)


Openings = set[Opening] | None  # None: not understood


def _then(first: set[Opening], then: set[Opening]) -> set[Opening]:
    """The openings of a match of one part followed by a match of another."""
    return {(a + b)[:_PAIR] if len(a) < _PAIR else a for a in first for b in then}


def _pairs(items: list[tuple[Any, Any]], ignore_case: bool) -> Openings:
    out: set[Opening] = {()}
    for op, av in items:
        if all(len(a) == _PAIR for a in out):
            return out  # what follows opens nothing
        part = _pair_item(op, av, ignore_case)
        if part is None:
            return None
        out = _then(out, part)
    return out


def _pair_item(op: Any, av: Any, ignore_case: bool) -> Openings:
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
        return {()}  # zero-width
    if op is sre.LITERAL:
        return {(k,) for k in _keys(chr(av), ignore_case)}
    if op is sre.IN:
        chars = _charset(av)
        if chars is None:
            return {(ANY,)}
        return {(k,) for c in chars for k in _keys(c, ignore_case)}
    if op in (sre.ANY, sre.NOT_LITERAL):
        return {(ANY,)}
    if op is sre.SUBPATTERN:
        _group, add_flags, del_flags, inner = av
        if add_flags or del_flags:
            return None
        return _pairs(inner.data, ignore_case)
    if op is sre.ATOMIC_GROUP:
        return _pairs(av.data, ignore_case)
    if op is sre.BRANCH:
        out: set[Opening] = set()
        for branch in av[1]:
            part = _pairs(branch.data, ignore_case)
            if part is None:
                return None
            out |= part
        return out
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        low, high, inner = av
        once = _pairs(inner.data, ignore_case)
        if once is None:
            return None
        copies: set[Opening] = {()}  # the openings of ``count`` copies
        out = copies if low == 0 else set()
        for count in range(1, min(high, low + 2 * _PAIR) + 1):
            copies = _then(copies, once)
            if count >= low:
                out = out | copies
        # past low + 2 * _PAIR copies no opening is new: each copy adds a character or none
        return out
    return None  # a back-reference, a conditional, …: not understood


# --- a few characters, found without the engine ----------------------------------------------


def char_positions(text: str, chars: str) -> list[int]:
    """Where each of ``chars`` (single characters) stands in ``text``, in order: the starts of
    what a search for the class ``[chars]`` finds one match after another. ``str.find`` skips to
    each in C, where a search tests the class at every character of the text."""
    out: list[int] = []
    for char in chars:
        i = text.find(char)
        while i >= 0:
            out.append(i)
            i = text.find(char, i + 1)
    out.sort()
    return out


def first_char_at(text: str, chars: str, start: int = 0) -> int:
    """Where the first of ``chars`` (single characters) from ``start`` on stands in ``text``, -1
    where none does: the start of what a search for the class ``[chars]`` finds, read no
    further than it."""
    first = -1
    for char in chars:
        i = text.find(char, start) if first < 0 else text.find(char, start, first)
        if i >= 0:
            first = i
    return first


__all__ = [
    "ANY",
    "ASCII",
    "UNCASED",
    "Firsts",
    "char_positions",
    "first_char_at",
    "first_chars",
    "first_pairs",
    "literal_openings",
    "max_width",
    "may_open_literally",
    "uncased",
]
