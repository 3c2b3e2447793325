"""Searching a corpus: query parsing, matching, ranking and snippets. Pure: no printing.

A plain query is words and "quoted phrases". Every word must occur in an article, as the start of a
word ("pilkada" finds "Pilkada" and "pilkadanya"); a quoted phrase must occur as written, word for
word. Matching ignores case and accents (``fold``). Articles are ranked with BM25 over the articles
given, a title match counting double; ties go to the newer article.

With ``regex=True`` the query is a Python regular expression (run by the ``regex`` engine, which
can be stopped: a search stops after REGEX_SECONDS), matched case-insensitively against the
original text of the title and of each paragraph.
"""

from __future__ import annotations

import math
import re
import time
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Protocol

from pilkada.models import Article, Hit, QuoteHit
from pilkada.text import (
    ELLIPSIS,
    SNIPPET_WIDTH,
    QueryError,
    Span,
    best_passage,
    fold,
    snippet,
    words,
)
from pilkada.text import TOKEN as _TOKEN

if TYPE_CHECKING:
    import regex

__all__ = [  # fold, words, QueryError and the snippets live in pilkada.text, the bottom module
    "ELLIPSIS",
    "SNIPPET_WIDTH",
    "QueryError",
    "find_quotes",
    "fold",
    "search",
    "snippet",
    "words",
]


_TITLE_WEIGHT = 2
_K1 = 1.2
_B = 0.75

_NON_ASCII = re.compile(r"[^\x00-\x7f]+")
_QUERY_PART = re.compile(r'"([^"]*)(?:"|$)|([^\s"]+)')
_OPENING_CLOSING_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"'})


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    return fold(ch)


def _fold_with_map(text: str) -> tuple[str, list[int]]:
    """``fold(text)`` and, for each of its characters, the index of the character it came from."""
    if text.isascii():
        return text.lower(), list(range(len(text)))
    pieces: list[str] = []
    origin: list[int] = []
    done = 0
    for run in _NON_ASCII.finditer(text):
        start, end = run.span()
        pieces.append(text[done:start].lower())
        origin.extend(range(done, start))
        for i in range(start, end):
            piece = _fold_char(text[i])
            pieces.append(piece)
            origin.extend([i] * len(piece))
        done = end
    pieces.append(text[done:].lower())
    origin.extend(range(done, len(text)))
    return "".join(pieces), origin


# --- queries ---


@dataclass(frozen=True)
class _Term:
    """Words that must occur in a row; the last may be only the start of a word."""

    words: tuple[str, ...]
    prefix: bool

    def starts(self, tokens: Sequence[str]) -> list[int]:
        """Indexes in ``tokens`` where this term begins."""
        *exact, last = self.words
        n = len(self.words)
        found = []
        for i in range(len(tokens) - n + 1):
            final = tokens[i + n - 1]
            if not (final.startswith(last) if self.prefix else final == last):
                continue
            if all(tokens[i + k] == word for k, word in enumerate(exact)):
                found.append(i)
        return found


def _terms(query: str) -> list[_Term]:
    terms: list[_Term] = []
    for phrase, bare in _QUERY_PART.findall(query.translate(_OPENING_CLOSING_QUOTES)):
        found = tuple(words(phrase or bare))
        term = _Term(found, prefix=not phrase)
        if found and term not in terms:
            terms.append(term)
    return terms


class _Matcher(Protocol):
    size: int

    def counts(self, text: str) -> list[int]:
        """How often each term occurs in ``text``."""
        ...

    def spans(self, text: str) -> list[list[Span]]:
        """Where each term occurs in ``text``, as character spans of the original text."""
        ...


class _WordMatcher:
    def __init__(self, terms: list[_Term]) -> None:
        self.terms = terms
        self.size = len(terms)

    def counts(self, text: str) -> list[int]:
        tokens = _TOKEN.findall(fold(text))
        return [len(term.starts(tokens)) for term in self.terms]

    def spans(self, text: str) -> list[list[Span]]:
        folded, origin = _fold_with_map(text)
        matches = list(_TOKEN.finditer(folded))
        tokens = [m.group() for m in matches]
        found = []
        for term in self.terms:
            spans = []
            for i in term.starts(tokens):
                first, last = matches[i], matches[i + len(term.words) - 1]
                spans.append(_original_span(text, origin, first.start(), last.end()))
            found.append(spans)
        return found


def _original_span(text: str, origin: list[int], start: int, end: int) -> Span:
    """The span of ``text`` that folded characters [start, end) came from."""
    first, stop = origin[start], origin[end - 1] + 1
    while stop < len(text) and unicodedata.combining(text[stop]):
        stop += 1
    return first, stop


# the time a --regex search may take, over all the texts it reads: a pattern that backtracks
# without end ("(a|aa)+$" on a long line) is stopped, and the user told, instead of hanging
REGEX_SECONDS = 5.0


class _RegexMatcher:
    """A pattern of the ``regex`` engine, whose matching can be stopped: every search of a
    text gets what is left of REGEX_SECONDS, and running out is a QueryError."""

    size = 1

    def __init__(self, pattern: regex.Pattern[str], seconds: float | None = None) -> None:
        self.pattern = pattern
        self.seconds = REGEX_SECONDS if seconds is None else seconds
        self.deadline: float | None = None

    def spans(self, text: str) -> list[list[Span]]:
        now = time.monotonic()
        if self.deadline is None:
            self.deadline = now + self.seconds
        try:
            found = self.pattern.finditer(text, timeout=max(self.deadline - now, 0.001))
            return [[m.span() for m in found if m.end() > m.start()]]
        except TimeoutError:
            raise QueryError(
                f"the regular expression {self.pattern.pattern!r} took more than "
                f"{self.seconds:g} s; make it more specific (nested repeats such as (a+)+ "
                "try every way of matching)"
            ) from None

    def counts(self, text: str) -> list[int]:
        return [len(self.spans(text)[0])]


def _matcher(query: str, regex: bool) -> _Matcher:
    if not query.strip():
        raise QueryError("empty query: give words to search for")
    if regex:
        import regex as engine

        try:
            re.compile(query)  # Python's own syntax, and its clearer message for a mistake
            return _RegexMatcher(engine.compile(query, engine.IGNORECASE | engine.VERSION0))
        except (re.error, engine.error, OverflowError, RecursionError) as exc:
            raise QueryError(f"invalid regular expression {query!r}: {exc}") from None
    terms = _terms(query)
    if not terms:
        raise QueryError(f"query {query!r} has no words to search for")
    return _WordMatcher(terms)


# --- ranking ---


@dataclass
class _Scored:
    article: Article
    fields: list[str]
    tf: list[int]
    length: int
    score: float = 0.0


def _fields(article: Article) -> list[str]:
    return ([article.title] if article.title else []) + article.paragraphs


def _measure(article: Article, matcher: _Matcher) -> _Scored:
    fields = _fields(article)
    tf = [0] * matcher.size
    for k, field in enumerate(fields):
        weight = _TITLE_WEIGHT if k == 0 and article.title else 1
        for t, count in enumerate(matcher.counts(field)):
            tf[t] += weight * count
    length = sum(len(_TOKEN.findall(field)) for field in fields)
    return _Scored(article, fields, tf, length)


def _rank(docs: list[_Scored], size: int) -> list[_Scored]:
    """The documents holding every term, with their BM25 score, best first."""
    n = len(docs)
    avg = (sum(d.length for d in docs) / n) if n else 0.0
    df = [sum(1 for d in docs if d.tf[t]) for t in range(size)]
    idf = [math.log(1 + (n - f + 0.5) / (f + 0.5)) for f in df]
    found = []
    for d in docs:
        if not all(d.tf):
            continue
        norm = _K1 * (1 - _B + _B * d.length / avg) if avg else _K1
        d.score = round(sum(idf[t] * tf * (_K1 + 1) / (tf + norm) for t, tf in enumerate(d.tf)), 4)
        found.append(d)
    found.sort(key=_newest_first)
    return found


def _newest_first(d: _Scored) -> tuple[float, bool, int, str]:
    published = d.article.published
    return (-d.score, published is None, -published.toordinal() if published else 0, d.article.id)


# --- snippets ---


# --- the two queries ---


def search(
    articles: Iterable[Article], query: str, *, regex: bool = False, limit: int | None = None
) -> list[Hit]:
    """The articles matching ``query``, best first, each with a highlighted snippet.

    Raises QueryError for an empty query or an invalid regular expression.
    """
    matcher = _matcher(query, regex)
    ranked = _rank([_measure(a, matcher) for a in articles], matcher.size)
    if limit is not None:
        ranked = ranked[: max(limit, 0)]
    hits = []
    for doc in ranked:
        text, spans = snippet(*best_passage(doc.article, matcher.spans))
        a = doc.article
        hits.append(
            Hit(
                article_id=a.id,
                title=a.display_title(),
                published=a.published,
                outlet=a.outlet,
                score=doc.score,
                snippet=text,
                highlights=spans,
            )
        )
    return hits


def _name_matcher(value: str | None, what: str, option: str) -> list[str] | None:
    if value is None:
        return None
    found = words(value)
    if not found:
        raise QueryError(f"{what} {value!r} has no words to match", option)
    return found


def find_quotes(
    articles: Iterable[Article],
    query: str | None = None,
    *,
    by: str | None = None,
    role: str | None = None,
    place: str | None = None,
) -> list[QuoteHit]:
    """The quotes matching all that is given: words of the quote, speaker's name, role and place.

    ``query`` is read like a search query (words and "phrases"). ``by`` tolerates case, accents,
    short forms and small misspellings ("laura hafid", "winarta"), the last only where no
    speaker's name fits the query as it is spelt; ``role`` matches the start of
    the role's words with region abbreviations written in full ("kapolda", "bawaslu kukar");
    ``place`` matches the article's places, its dateline or the speaker's role. A quote with no
    speaker (or no role) never matches ``by`` (or ``role``). Oldest first, undated last, then by
    article and paragraph.
    """
    from pilkada.roster import EXACT, name_match, place_matches, role_matches

    matcher = _matcher(query, regex=False) if query is not None else None
    _name_matcher(by, "speaker name", "--by")
    _name_matcher(role, "role", "--role")
    _name_matcher(place, "place", "--place")
    hits = []
    close = set()  # the hits whose speaker the query only comes close to
    for a in articles:
        for q in a.quotes:
            fit = name_match(by, q.speaker) if by is not None else EXACT
            if not fit:
                continue
            if role is not None and not role_matches(role, q.role):
                continue
            if place is not None and not place_matches(place, [a.dateline, *a.places, q.role]):
                continue
            if matcher is not None and not all(matcher.counts(q.text)):
                continue
            context = a.paragraphs[q.paragraph] if 0 <= q.paragraph < len(a.paragraphs) else ""
            hits.append(
                QuoteHit(
                    article_id=a.id,
                    title=a.display_title(),
                    published=a.published,
                    outlet=a.outlet,
                    dateline=a.dateline,
                    quote=q,
                    context=context,
                )
            )
            if fit != EXACT:
                close.add(len(hits) - 1)
    if close and len(close) < len(hits):
        # a name the query spells exactly is the one meant: "pranowo" is Ganjar Pranowo, not
        # a misspelt Prabowo; only where no name fits exactly is a close one a misspelling
        hits = [h for n, h in enumerate(hits) if n not in close]
    hits.sort(
        key=lambda h: (
            h.published is None,
            h.published.toordinal() if h.published else 0,
            h.article_id,
            h.quote.paragraph,
        )
    )
    return hits
