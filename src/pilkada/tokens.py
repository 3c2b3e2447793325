"""Tokens and lexicon tables: the words the person and region finders work on. Pure functions.

Text is cut into words, numbers, bracketed groups and punctuation with their offsets; lexicons are
read once into tables of folded token sequences, matched longest first.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from functools import cache, lru_cache
from itertools import accumulate
from operator import itemgetter
from typing import Final

from pilkada import lexicon

# Possessive repeats ("*+"): nothing after them could take back what they match, so they give the
# same tokens as plain ones, without the engine keeping the points it could back off to.
TOKEN = re.compile(
    r"\([^()\n]{1,40}\)|[A-Za-z][A-Za-z0-9'’]*+(?:-[a-z0-9][A-Za-z0-9'’]*+)*+|\d[\d.,/]*+"
    r"|[^\sA-Za-z0-9]"
)


# A word, number, bracketed group or punctuation mark and where it stands: (text, start, end,
# is_word, is_cap), read by the indexes below. A plain tuple, not a named one: a text's tokens
# are built in C in one step each, and Python's cycle collector lets go of a tuple of strings,
# ints and bools but never of a named tuple.
Token = tuple[str, int, int, bool, bool]
TEXT: Final = 0
START: Final = 1
END: Final = 2
IS_WORD: Final = 3  # starts with a letter
IS_CAP: Final = 4  # starts with a capital letter


# split() keeps what the group matched: [gap, token, gap, token, …, gap], all in C. The same
# tokens as TOKEN, written to open with the one character every token opens with (anything but a
# space) and to tell the kinds apart by looking back at it: a search then skips the spaces
# between tokens at once instead of trying every kind of token at each of them.
_SPLIT = re.compile(
    r"(\S(?:(?<=[A-Za-z])[A-Za-z0-9'’]*+(?:-[a-z0-9][A-Za-z0-9'’]*+)*+|(?<=\()[^()\n]{1,40}\)"
    r"|(?<=\d)[\d.,/]*+|))"
)
_first = itemgetter(0)


@lru_cache(maxsize=256)
def tokenize(text: str) -> tuple[Token, ...]:
    """Words, numbers, bracketed groups and punctuation with their offsets.

    Cached: an article's paragraphs are read for people, places and quotes in turn. The cache
    holds a few articles' texts, no more.
    """
    parts = _SPLIT.split(text)
    words = parts[1::2]
    if "-" in words and _joins(parts):
        return _tokenize_joining(text)
    # the same tokens as _tokenize_joining gives, built in C rather than by a loop: the pieces'
    # running lengths are where each token starts and ends, in turn, so one iterator read twice
    # for each token gives both (the text's length, last, is left unread)
    bounds = accumulate(map(len, parts))
    heads = list(map(_first, words))
    return tuple(
        zip(words, bounds, bounds, map(str.isalpha, heads), map(str.isupper, heads))  # noqa: B905
    )


def _joins(parts: list[str]) -> bool:
    """Some dash of ``_SPLIT.split`` pieces stands between two equal tokens with no space on
    either side ("Toli-Toli", and as well "10-10"), or after a name's particle ("Al-Habsyi"):
    where ``_tokenize_joining`` joins. A dash between words before a lower-case letter is no
    token: the word token takes "-masing" of "masing-masing" in."""
    k = 0
    while (k := _index(parts, "-", k + 1)) > 0:  # gaps are blank, so k is a token's index
        if (
            3 <= k <= len(parts) - 4
            and not parts[k - 1]
            and not parts[k + 1]
            and (
                parts[k - 2].casefold() == parts[k + 2].casefold()
                or _particle_joins(parts[k - 2], parts[k + 2])
            )
        ):
            return True
    return False


def _particle_joins(left: str, right: str) -> bool:
    """``left`` is a name's particle and ``right`` a word with an ASCII capital: "Al" and
    "Habsyi" (a capital of another alphabet is a token of its own: "É" of "Al-Émile")."""
    return left.casefold() in name_particles() and left[1:].islower() and "A" <= right[:1] <= "Z"


def _index(items: list[str], item: str, start: int) -> int:
    """Where ``item`` stands in ``items`` from ``start`` on; -1 where it does not."""
    try:
        return items.index(item, start)
    except ValueError:
        return -1


def _tokenize_joining(text: str) -> tuple[Token, ...]:
    """``tokenize`` for a text where a reduplicated name may need joining: "Toli-Toli"."""
    out: list[Token] = []
    append = out.append
    dash = -2  # where a "-" stands right after a token: "Toli-" of "Toli-Toli"
    for m in TOKEN.finditer(text):
        word = m.group()
        start, end = m.span()
        if start == dash + 1 and (
            word.casefold() == out[-2][TEXT].casefold() or _particle_joins(out[-2][TEXT], word)
        ):
            # a reduplicated name is one word: "Toli-Toli", "Bau-Bau"; so is a name word
            # opened by a particle: "Al-Habsyi"
            left = out[-2]
            out[-2:] = [(text[left[START] : end], left[START], end, True, left[IS_CAP])]
            dash = -2
            continue
        if word == "-" and out and out[-1][END] == start:
            dash = start
        first = word[0]
        append((word, start, end, first.isalpha(), first.isupper()))
    return tuple(out)


@lru_cache(maxsize=4096)
def token_keys(text: str) -> tuple[str, ...]:
    """``fold`` of each token of ``tokenize(text)``, in order: what the finders look words up by.

    Plain-ASCII text is only lower-cased (all ``fold`` does to it), in C. The finders pick the
    tokens worth a closer look with ``compress(count(), map(wanted.__contains__, keys))``, so
    that no Python loop visits every token."""
    texts = map(_first, tokenize(text))
    return tuple(map(str.lower if text.isascii() else fold, texts))


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Lower-case, accents off: the key names and roles are compared by."""
    if text.isascii():
        return text.lower()  # all the rest does to plain ASCII
    decomposed = unicodedata.normalize("NFKD", text.casefold().replace("’", "'"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


# --- a cheap test before tokenizing ----------------------------------------------------------

LETTERS = re.compile(r"[a-z]+")
# a capital with no letter before it, and the letters after it; the capital comes first so that
# a search skips to the next capital at once instead of testing the look-behind everywhere
CAPITALISED = re.compile(r"[A-Z](?<![A-Za-z][A-Z])[A-Za-z]*")


def first_pieces(words: Iterable[str]) -> frozenset[str] | None:
    """The first run of letters of each folded word, for ``may_open``; None when some word has
    none or is not plain ASCII (then nothing can be ruled out)."""
    out = set()
    for w in words:
        m = LETTERS.search(w)
        if m is None or not w.isascii():
            return None
        out.add(m.group())
    return frozenset(out)


# what a text may hold besides ASCII for ``capital_runs``: curly quotes, dashes and the ellipsis,
# none of them a letter, a digit or cased, so none is a capitalised token or part of one but
# the apostrophe "’" inside a word, which ``fold`` makes "'"
_PLAIN_MARKS = "“”‘’–—…"


@lru_cache(maxsize=4096)
def capital_runs(text: str) -> frozenset[str] | None:
    """The runs of letters of a plain text (ASCII, curly quotes, dashes) that start with a
    capital, lower-cased; None for other text.

    A capitalised token's folded form starts with one of them: a word token starts after a
    non-letter, and its first run of letters ends at a digit, an apostrophe, a hyphen or its end,
    all non-letters."""
    if not text.isascii() and not _without_marks(text).isascii():
        return None
    return frozenset(map(str.lower, CAPITALISED.findall(text)))


def _without_marks(text: str) -> str:
    """``text`` without the curly quotes, dashes and ellipsis ``capital_runs`` allows: each
    taken out in C, where a search would test a class at every character."""
    for mark in _PLAIN_MARKS:
        text = text.replace(mark, "")
    return text


def may_open(text: str, firsts: frozenset[str] | None) -> bool:
    """False only when no capitalised token of ``text`` folds to a word whose first run of
    letters is in ``firsts`` (see ``first_pieces``): one test in C instead of a loop over the
    tokens in Python."""
    if firsts is None:
        return True
    runs = capital_runs(text)
    return runs is None or not firsts.isdisjoint(runs)


# --- lexicons, as token sequences --------------------------------------------------------------


class Table(dict[tuple[str, ...], str]):
    """A lexicon as folded token sequences -> entry, with the set of first words, so that a word
    that opens no entry is refused at once, and their first letter runs for ``may_open``; and
    every sequence that begins some entry, so that a match stops at the first word that
    continues none."""

    def __init__(self, items: Iterable[tuple[tuple[str, ...], str]]) -> None:
        super().__init__(items)
        self.firsts = frozenset(k[0] for k in self if k)
        self.pieces = first_pieces(self.firsts)
        self.prefixes = frozenset(k[:n] for k in self for n in range(1, len(k) + 1))


def phrases(words: tuple[str, ...]) -> Table:
    out: dict[tuple[str, ...], str] = {}
    for w in words:
        out[tuple(fold(t[TEXT]) for t in tokenize(w))] = w
    return Table(out.items())


@cache
def titles() -> Table:
    return phrases(lexicon.entries("titles"))


@cache
def acting_forms() -> Table:
    return Table(
        (tuple(fold(t[TEXT]) for t in tokenize(k)), v) for k, v in lexicon.mapping("acting").items()
    )


@cache
def honorifics() -> Table:
    # "Prof." and "Prof" are one honorific: the dot is a separate token, skipped when matching.
    return phrases(tuple(h.rstrip(".") for h in lexicon.entries("honorifics")))


@cache
def name_openers() -> Table:
    return phrases(lexicon.entries("name_openers"))


@cache
def institutions() -> Table:
    return phrases(lexicon.entries("institutions"))


@cache
def folded(name: str) -> frozenset[str]:
    """A lexicon's entries folded: the set a folded word is looked up in."""
    return frozenset(fold(w) for w in lexicon.entries(name))


def name_particles() -> frozenset[str]:
    return folded("name_particles")


@cache
def not_names() -> frozenset[str]:
    """Words never part of a name: place and event words, and descriptions of people."""
    return folded("not_names") | folded("descriptions")


@cache
def district_titles() -> frozenset[str]:
    return frozenset(lexicon.entries("district_titles"))


@cache
def role_links() -> frozenset[str]:
    return frozenset(lexicon.entries("role_links"))


def companies() -> frozenset[str]:
    return folded("companies")


@cache
def lower_honorifics() -> frozenset[str]:
    return frozenset(lexicon.entries("lower_honorifics"))


def address_words() -> frozenset[str]:
    return folded("address_words")


def degrees() -> frozenset[str]:
    return folded("degrees")


def longest_entry(
    tokens: Sequence[Token], i: int, table: Table, *, caps: bool = True
) -> tuple[int, str] | None:
    """The longest entry of ``table`` starting at token ``i``: (tokens used, value)."""
    if i >= len(tokens) or (caps and not tokens[i][IS_CAP]):
        return None
    if fold(tokens[i][TEXT]) not in table.firsts:
        return None
    best: tuple[int, str] | None = None
    words: list[str] = []
    j = i
    while j < len(tokens) and len(words) < 6:
        t = tokens[j]
        if t[TEXT] == "." and words:  # "Pjs." "Prof." "Drs.Efendi"
            j += 1
            if tuple(words) in table and (best is None or best[0] < j - i):
                best = (j - i, table[tuple(words)])
            continue
        words.append(fold(t[TEXT]))
        j += 1
        key = tuple(words)
        if key not in table.prefixes:
            break  # no entry goes on this way
        if key in table:
            best = (j - i, table[key])
    return best


_DEGREE_MARKS = re.compile(r"[.,\s]")


@lru_cache(maxsize=4096)
def is_degree(text: str) -> bool:
    """An academic degree, written with or without its dots: "S.H", "SH", "M.Si"."""
    return fold(_DEGREE_MARKS.sub("", text)) in degrees()
