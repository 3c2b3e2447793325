"""A user's search query -> a safe SQLite FTS5 MATCH expression; stems and matches for snippets.

Raw FTS5 syntax rejects many ordinary queries ("kabupaten/kota", "pilkada-2024", "Rp1,5", "Jum'at",
"100%"), and quoting every word (sqlite-utils' ``quote_fts``) loses prefixes and operators. This
module reads a query the way a person means it and writes an expression in which every piece of
text is a double-quoted FTS5 string, so SQLite never sees a character it could misread:

- ``word``: the word, a word it starts ("pilkada" finds "pilkadanya"), or another form of it:
  Indonesian affixes are stemmed on both sides ("pilih" finds "pemilihan" and "memilih").
- ``"a phrase"``: these words in a row, as written (case and accents aside).
- ``pemil*``: any word starting with "pemil".
- ``a AND b`` (the default between terms), ``a OR b``, ``a NOT b``, and ``( … )``.
- ``kabupaten/kota``, ``pilkada-2024``, ``Rp1,5``: a word that punctuation splits is a phrase.

Unbalanced quotes close at the end, unmatched brackets and stray operators are dropped, and
punctuation alone is ignored; a query with nothing left to find, or only a NOT, raises
``QueryError`` with a message for the user. Pure: no database access.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from pilkada.text import QueryError, fold

__all__ = [
    "Query",
    "Term",
    "any_of_each",
    "match_spans",
    "name_match",
    "stem",
    "stems_of",
    "stems_of_words",
    "tokens",
    "translate",
]

# FTS5's unicode61 tokenizer keeps letters, numbers and private-use characters; so do we.
_TOKEN = re.compile(r"[^\W_]+")
_LEX = re.compile(r'"(?P<phrase>[^"]*)(?:"|$)|(?P<open>\()|(?P<close>\))|(?P<bare>[^\s"()]+)')
_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"'})
_OPERATORS = ("AND", "OR", "NOT")
_MIN_STEM_LENGTH = 4  # shorter words are left as they are


@lru_cache(maxsize=1)
def _stemmer() -> Callable[[str], str]:
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory  # type: ignore[import-untyped]

    stemmer = StemmerFactory().create_stemmer()
    return stemmer.stem  # type: ignore[no-any-return]


@lru_cache(maxsize=1)
def _roots() -> frozenset[str]:
    """The stemmer's dictionary of root words: a root is its own stem, as the stemmer says
    after the same look-up, but without building the stemmer (0.1 s: its rules compile
    regular expressions), which a one-word query in a fresh process need not pay for."""
    from importlib.resources import files

    words = files("Sastrawi.Stemmer").joinpath("data", "kata-dasar.txt").read_text("utf-8")
    return frozenset(words.split())


@lru_cache(maxsize=1 << 18)
def stem(word: str) -> str:
    """The stem of one folded word ("pemilihan" -> "pilih"); numbers and codes stay as they are."""
    if len(word) < _MIN_STEM_LENGTH or not (word.isascii() and word.isalpha()):
        return word
    if word in _roots():
        return word
    return _stemmer()(word) or word


def tokens(text: str) -> list[str]:
    """The folded words of ``text`` as FTS5's unicode61 tokenizer splits them."""
    return _TOKEN.findall(fold(text))


def stems_of(text: str) -> str:
    """The stem of every word of ``text``, space-separated: the content of a stem column.

    A word written with a capital is folded but not stemmed: mid-sentence it is a name
    ("Dikdasi", "Bandung"), which the stemmer can only spoil, and trying every affix on a word
    it does not know is what makes stemming slow (names are most of the distinct words). A word
    opening a sentence or a title is still found by its own start ("Pemilihan" by "pemil*", and
    a bare word is also a prefix).
    """
    return stems_of_words(_TOKEN.findall(text))


def stems_of_words(words: Iterable[str]) -> str:
    """``stems_of`` a text cut into words as FTS5's tokenizer cuts it (``[^\\W_]+``)."""
    return " ".join(map(_FORMS.__getitem__, words))


def _index_form(token: str) -> str:
    folded = " ".join(tokens(token))
    return folded if token[0].isupper() else stem(folded)


class _Forms(dict[str, str]):
    """The index form of each token met (``_index_form``): a token found here costs a look-up
    done in C, not a call through a cache (a text has hundreds of tokens, most met before);
    emptied when it grows past a bound."""

    def __missing__(self, token: str) -> str:
        if len(self) >= _FORMS_KEPT:
            self.clear()
        form = self[token] = _index_form(token)
        return form


_FORMS_KEPT = 1 << 18
_FORMS = _Forms()


# --- the query's parts ---


@dataclass(frozen=True)
class Term:
    """Something to find: a word (by its stem), a phrase, or a prefix."""

    kind: str  # "word", "phrase" or "prefix"
    words: tuple[str, ...]

    def expression(
        self,
        text_columns: Sequence[str],
        stem_columns: Sequence[str],
        expand: Expander | None = None,
    ) -> str:
        columns = _columns(text_columns)
        if self.kind == "word":
            word = self.words[0]
            root = stem(word)
            by_stem = f'{_columns(stem_columns)} : "{root}"'
            # a word that is its own stem is in the stem columns wherever it is written
            # (stems_of keeps a word it does not stem): the text columns add only longer words
            starting = _starting(word, expand, itself=root != word)
            return f"{by_stem} OR {columns} : {starting}" if starting else by_stem
        if self.kind == "prefix" and len(self.words) == 1:
            return f"{columns} : {_starting(self.words[0], expand) or _any_of(self.words)}"
        star = " *" if self.kind == "prefix" else ""
        return f'{columns} : "{" ".join(self.words)}"{star}'


# the indexed words that start with a prefix, or None when there are too many to list
Expander = Callable[[str], "Sequence[str] | None"]


def _starting(prefix: str, expand: Expander | None, *, itself: bool = True) -> str | None:
    """Words starting with ``prefix`` (``prefix`` itself only if ``itself``): the words when
    ``expand`` lists them (FTS5 reads a few exact words as fast as one), else an FTS5 prefix
    query (which merges the lists of every such word before it returns the first match: slow
    for a common word); None when the list leaves nothing."""
    found = expand(prefix) if expand is not None else None
    if found is None:
        return f'"{prefix}" *'
    words = [*([prefix] if itself else []), *(w for w in found if w != prefix)]
    return _any_of(words) if words else None


def _any_of(words: Sequence[str]) -> str:
    return "(" + " OR ".join(f'"{w}"' for w in words) + ")"


def _columns(names: Sequence[str]) -> str:
    return names[0] if len(names) == 1 else "{" + " ".join(names) + "}"


@dataclass
class Query:
    """A translated query: the MATCH expression, and the terms a snippet should mark."""

    text: str
    match: str
    terms: list[Term]
    # each term's own expression, negated ones too: what FTS5's bm25 counts the articles of
    parts: list[str] = field(default_factory=list)


# A query is read whole up to these bounds, and refused past them with a QueryError that says
# so: brackets nested deeper than MAX_DEPTH (FTS5's parser has a fixed stack, which nesting fills),
# more than MAX_TERMS terms (a pasted paragraph of that many words is still searched for).
MAX_DEPTH = 16
MAX_TERMS = 300


@dataclass
class _Node:
    """A term, or terms joined by one operator, left to right: ``a AND b AND c`` is one node,
    so that a long query is a flat list (FTS5 reads it without nesting), not a deep tree."""

    op: str  # "term", "AND", "OR", "NOT"
    term: Term | None = None
    parts: list[_Node] = field(default_factory=list)


def _lex(query: str) -> Iterator[tuple[str, str]]:
    """(kind, value) pieces: phrase, open, close, op, word, prefix."""
    for m in _LEX.finditer(query.translate(_QUOTES)):
        if m.group("phrase") is not None:
            yield "phrase", m.group("phrase")
        elif m.group("open"):
            yield "open", "("
        elif m.group("close"):
            yield "close", ")"
        else:
            bare = m.group("bare")
            if bare in _OPERATORS:
                yield "op", bare
            elif bare.endswith("*") and _TOKEN.fullmatch(fold(bare.rstrip("*"))):
                yield "prefix", bare.rstrip("*")
            else:
                yield "word", bare


def _term(kind: str, value: str) -> Term | None:
    words = tuple(tokens(value))
    if not words:
        return None
    if kind == "prefix":
        return Term("prefix", words)
    if kind == "word" and len(words) == 1:
        return Term("word", words)
    return Term("phrase", words)


class _Parser:
    """Recursive descent over the lexed pieces; forgiving about everything a person may type."""

    def __init__(self, pieces: list[tuple[str, str]]) -> None:
        self.pieces = pieces
        self.i = 0
        self.depth = 0
        self.terms = 0

    def peek(self) -> tuple[str, str] | None:
        return self.pieces[self.i] if self.i < len(self.pieces) else None

    def parse(self) -> _Node | None:
        node = self.sequence()
        while self.peek() is not None:  # a stray ")" at top level: skip it and go on
            self.i += 1
            node = _join("AND", node, self.sequence())
        return node

    def sequence(self) -> _Node | None:
        """Terms joined by AND (written or implied), OR and NOT, left to right; OR binds tighter."""
        node = self.alternatives()
        while (piece := self.peek()) is not None and piece[0] != "close":
            if piece == ("op", "NOT"):
                self.i += 1
                right = self.alternatives()
                if node is None and right is not None:
                    raise QueryError(
                        "NOT needs something to search for before it, e.g. 'pilkada NOT kampanye'"
                    )
                node = _join("NOT", node, right)
            else:
                if piece == ("op", "AND"):
                    self.i += 1
                node = _join("AND", node, self.alternatives())
        return node

    def alternatives(self) -> _Node | None:
        node = self.atom()
        while self.peek() == ("op", "OR"):
            self.i += 1
            node = _join("OR", node, self.atom())
        return node

    def atom(self) -> _Node | None:
        piece = self.peek()
        if piece is None or piece[0] == "close" or piece == ("op", "NOT"):
            return None
        self.i += 1
        kind, value = piece
        if kind == "open":
            self.depth += 1
            if self.depth > MAX_DEPTH:
                raise QueryError(
                    f"the query nests brackets more than {MAX_DEPTH} deep; write it with fewer"
                )
            node = self.sequence()
            self.depth -= 1
            if self.peek() is not None:  # the matching ")"
                self.i += 1
            return node
        if kind == "op":  # AND or OR with nothing before it: ignore it
            return self.atom()
        term = _term(kind, value)
        if term is None:  # punctuation alone
            return self.atom()
        self.terms += 1
        if self.terms > MAX_TERMS:
            raise QueryError(
                f"the query has more than {MAX_TERMS} words and phrases; search for fewer "
                "(a sentence or two of a text finds it)"
            )
        return _Node("term", term)


def _join(op: str, left: _Node | None, right: _Node | None) -> _Node | None:
    """``left op right``; a run of one operator stays one node (AND and OR also take in a
    bracketed run of their own; NOT only goes on to the right, as FTS5 reads it)."""
    if left is None:
        return right
    if right is None:
        return left
    node = left if left.op == op else _Node(op, parts=[left])
    node.parts += right.parts if right.op == op and op != "NOT" else [right]
    return node


def _render(
    node: _Node, text_columns: Sequence[str], stem_columns: Sequence[str], expand: Expander | None
) -> str:
    if node.term is not None:
        return f"({node.term.expression(text_columns, stem_columns, expand)})"
    parts = (_render(p, text_columns, stem_columns, expand) for p in node.parts)
    return "(" + f" {node.op} ".join(parts) + ")"


def _every(node: _Node) -> list[Term]:
    if node.term is not None:
        return [node.term]
    return [t for p in node.parts for t in _every(p)]


def _positive(node: _Node) -> list[Term]:
    if node.term is not None:
        return [node.term]
    kept = node.parts[:1] if node.op == "NOT" else node.parts
    return [t for p in kept for t in _positive(p)]


def translate(
    query: str,
    text_columns: Sequence[str] = ("title", "text"),
    stem_columns: Sequence[str] = ("title_stems", "text_stems"),
    expand: Expander | None = None,
) -> Query:
    """The FTS5 MATCH expression for a user's query; raises QueryError when nothing is left.

    ``expand`` lists the indexed words a prefix starts (see ``_starting``); without it a bare
    word and a ``prefix*`` are FTS5 prefix queries.
    """
    if not query.strip():
        raise QueryError("empty query: give words to search for")
    node = _Parser(list(_lex(query))).parse()
    if node is None:
        raise QueryError(f"query {query!r} has no words to search for")
    terms = list(dict.fromkeys(_positive(node)))
    parts = [t.expression(text_columns, stem_columns, expand) for t in dict.fromkeys(_every(node))]
    return Query(query, _render(node, text_columns, stem_columns, expand), terms, parts)


def name_match(value: str, column: str) -> str | None:
    """Every word of a name as the start of a word in ``column``: "laura" finds "Asmin Laura"."""
    return any_of_each([[f"{w}*"] for w in tokens(value)], column)


def any_of_each(groups: Sequence[Sequence[str]], column: str) -> str | None:
    """A word in ``column`` for each group, one of the group's: a token, or the start of a word
    when it ends in "*": [["ach*", "ahmad"], ["taf*"]] -> (ach* OR ahmad) AND taf*."""

    def term(word: str) -> str:
        return f'{column} : "{word[:-1]}" *' if word.endswith("*") else f'{column} : "{word}"'

    def one(group: Sequence[str]) -> str:
        terms = list(map(term, group))
        return terms[0] if len(terms) == 1 else f"({' OR '.join(terms)})"

    return " AND ".join(map(one, groups)) if groups and all(groups) else None


# --- where a query's terms occur in a text, for snippets ---


def match_spans(text: str, terms: Sequence[Term]) -> list[list[tuple[int, int]]]:
    """For each term, the character spans of ``text`` where it occurs."""
    folded_text = fold(text)
    if not any(n in folded_text for term in terms for n in _needles(term)):
        return [[] for _ in terms]  # most paragraphs of a hit: no words to split and fold
    found = list(_TOKEN.finditer(text))
    folded = [fold(m.group()) for m in found]
    out: list[list[tuple[int, int]]] = []
    for term in terms:
        matches = _matcher(term)
        n = len(term.words)
        out.append(
            [
                (found[i].start(), found[i + n - 1].end())
                for i in range(len(folded) - n + 1)
                if matches(folded, i)
            ]
        )
    return out


@lru_cache(maxsize=256)
def _needles(term: Term) -> tuple[str, ...]:
    """Strings of which a text holds one, folded, wherever ``term`` occurs in it (see
    ``_matcher``): a quick test that most paragraphs fail."""
    if term.kind == "word":
        root = stem(term.words[0])
        return (term.words[0], root[1:] or root)
    return (term.words[-1],)


def _matcher(term: Term) -> Callable[[list[str], int], bool]:
    """Whether ``term`` occurs at a position of a list of folded words."""
    words = term.words
    if term.kind == "word":
        word, root = words[0], stem(words[0])
        # a word with this stem holds the stem but perhaps its first letter ("memilih": pilih);
        # testing that first spares stemming every word of every snippet
        tail = root[1:] or root
        return lambda folded, i: (
            folded[i].startswith(word) or (tail in folded[i] and stem(folded[i]) == root)
        )
    if term.kind == "prefix":
        *exact, last = words
        return lambda folded, i: (
            folded[i + len(exact)].startswith(last)
            and all(folded[i + k] == w for k, w in enumerate(exact))
        )
    return lambda folded, i: all(folded[i + k] == w for k, w in enumerate(words))
