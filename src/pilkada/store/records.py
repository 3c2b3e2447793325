"""What the index stores for one article (``Record``), built in a worker process: its plain
columns (title, text, dates, confidences), its quotes, removed lines and the people it names as
rows, the compressed Article, its filter and listing columns with their checksum, and the values
its full-text rows index. Pure: no SQL.
"""

from __future__ import annotations

import json
import re
import sqlite3
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from itertools import filterfalse

from pilkada.fts import stems_of, stems_of_words, tokens
from pilkada.models import Article, Listing
from pilkada.text import WRITTEN, fold

# the columns of ``articles`` no other value of a Record gives: source, title (None when the
# text has none), title_confidence, published_confidence
Plain = tuple[str | None, str | None, str, str]
Quoted = tuple[str | None, str, int]  # a quote's cue, confidence and paragraph
# a person the article names: name, role as written, honorific, forms (JSON), quotes said
Mention = tuple[str, str | None, str | None, str, int]


@dataclass
class Record:
    """Everything the index stores for one article; built in a worker process (``record``)."""

    key: str
    id: str
    data: bytes
    published: str | None
    outlet_key: str | None
    place_key: str | None
    listed: tuple[str, str | None, str | None, int]  # title, outlet, dateline, quotes (_listed)
    listed_sum: int
    fts: tuple[str, str, str, str, str]
    quotes: list[tuple[str, str, str, str]] = field(default_factory=list)
    # the distinct words of the title and body (ASCII), space-separated (one written in two
    # cases comes twice): one string is sent from a worker at a fraction of a set's cost
    words: str = ""
    inexact: frozenset[str] = frozenset()  # and those folded from other letters (see words_of)
    plain: Plain = (None, None, "low", "low")
    quoted: list[Quoted] = field(default_factory=list)  # each quote's cue, confidence, paragraph
    removed: list[tuple[str, str]] = field(default_factory=list)  # line, reason
    mentions: list[Mention] = field(default_factory=list)
    regions: list[str] = field(default_factory=list)  # the regions it is about (Article.places)
    # every word of the title and body as written, space-separated: what word_counts counts
    # (``text.written_words``; a word as written holds no white space)
    written: str = ""


def fts_values(
    article: Article,
) -> tuple[tuple[str, str, str, str, str], list[tuple[str, str, str, str]]]:
    """The values indexed for an article and for its quotes."""
    text, quotes, *_ = _indexed(article)
    return text, quotes


def words_of(article: Article) -> tuple[frozenset[str], frozenset[str]]:
    """The distinct words of an article's title and paragraphs as FTS5 indexes them: the
    ASCII ones lower-cased, exactly so; and the others folded ("Straße" -> "strasse", "km²"
    -> "km2"), which FTS5's tokenizer may write otherwise ("straße", "km²"), so inexact."""
    _, _, exact, inexact, _ = _indexed(article)
    return frozenset(exact.split()), inexact


def _indexed(
    article: Article,
) -> tuple[
    tuple[str, str, str, str, str], list[tuple[str, str, str, str]], str, frozenset[str], list[str]
]:
    """``fts_values``; the words of ``words_of``, the exact ones space-separated (one written
    in two cases comes twice); and the words as written (``text.written_words``); from one
    cut of the title and of each paragraph into words."""
    title = article.title or ""
    title_words = _WORD.findall(title)
    written = title_words[:] if _unjoined(title) else WRITTEN.findall(title)
    body_words: list[str] = []  # the body's: its paragraphs', as "\n\n" joins no words
    for paragraph in article.paragraphs:
        words = _WORD.findall(paragraph)
        body_words += words
        written += words if _unjoined(paragraph) else WRITTEN.findall(paragraph)
    people = "\n".join(p.name for p in article.officials)
    body = article.text
    text = (title, body, stems_of_words(title_words), stems_of_words(body_words), people)
    quotes = [(q.speaker or "", q.role or "", q.text, stems_of(q.text)) for q in article.quotes]
    distinct = set(title_words)
    distinct.update(body_words)
    exact = " ".join(filter(str.isascii, distinct)).lower()
    inexact: set[str] = set()
    for raw in filterfalse(str.isascii, distinct):
        inexact.update(tokens(raw))
    return text, quotes, exact, frozenset(inexact), written


def _unjoined(text: str) -> bool:
    """Whether no word of ``text`` is joined by a hyphen or an apostrophe, nor holds "_": then
    its words as written (``text.WRITTEN``) are its words as FTS5 cuts them (``_WORD``)."""
    return "-" not in text and "'" not in text and "’" not in text and "_" not in text


_WORD = re.compile(r"[^\W_]+")  # a word as FTS5's unicode61 tokenizer cuts one


def encode(article: Article) -> bytes:
    return zlib.compress(article.model_dump_json().encode("utf-8"), 1)  # fast; 7% larger than 6


class Damaged(sqlite3.DatabaseError):
    """A stored article that cannot be read back: its bytes changed on disk (zlib's checksum
    of them fails, or they are no Article). Told as SQLite's own damage is (``failure``)."""

    sqlite_errorname = "SQLITE_CORRUPT"


@contextmanager
def keyed_reads() -> Iterator[None]:
    """Queries that hand stored text to a function of pilkada's (``create_function``: a fold,
    a word's key). Such a function takes any text; the one way the call fails is stored text
    whose bytes are no UTF-8 any more (SQLite cannot hand it over), which is damage."""
    try:
        yield
    except sqlite3.OperationalError as exc:
        if str(exc) != "user-defined function raised exception":
            raise
        raise Damaged("a stored name or word is not text any more") from None


def decode(data: bytes) -> Article:
    """The Article stored as ``data``; raises Damaged when the bytes are not what was written."""
    from pydantic import ValidationError

    try:
        return Article.model_validate_json(zlib.decompress(data))
    except (zlib.error, TypeError, ValidationError) as exc:
        reason = str(exc).splitlines()[0]
        raise Damaged(f"an article's stored data cannot be read: {reason}") from None


def day_of(value: str | None) -> date | None:
    """The date a ``published`` column holds; raises Damaged when it holds no date."""
    try:
        return date.fromisoformat(value) if value else None
    except (TypeError, ValueError):
        raise Damaged(f"a stored date {value!r} is not a date") from None


def _listed(article: Article) -> tuple[str, str | None, str | None, int]:
    """The values of the listing's columns title, outlet, dateline and quotes."""
    shown = Listing.of(article)
    return shown.title, shown.outlet, shown.dateline, shown.quotes


def listed_sum(
    ident: str,
    published: str | None,
    outlet_key: str | None,
    outlet: str | None,
    dateline: str | None,
    quotes: int,
    title: str,
) -> int:
    """The checksum of an article's listed columns (CRC-32; a missing value is not an empty
    one). SQLite keeps no checksum of its pages: this is what tells a listing that a byte of
    a title or a date changed on disk."""
    values = (ident, published, outlet_key, outlet, dateline, str(quotes), title)
    joined = "\x1f".join("\x00" if v is None else v for v in values)
    return zlib.crc32(joined.encode("utf-8", "surrogatepass"))


def record(article: Article, key: str) -> Record:
    text, quotes, exact, inexact, written = _indexed(article)
    published = article.published.isoformat() if article.published else None
    outlet_key = fold(article.outlet) if article.outlet else None
    listed = _listed(article)
    title, outlet, dateline, quoted = listed
    return Record(
        key=key,
        id=article.id,
        data=encode(article),
        published=published,
        outlet_key=outlet_key,
        place_key=fold(article.dateline) if article.dateline else None,
        listed=listed,
        listed_sum=listed_sum(article.id, published, outlet_key, outlet, dateline, quoted, title),
        fts=text,
        quotes=quotes,
        words=exact,
        inexact=inexact,
        plain=(
            article.source,
            article.title,
            article.title_confidence.level.value,
            article.published_confidence.level.value,
        ),
        quoted=[(q.cue, q.confidence.value, q.paragraph) for q in article.quotes],
        removed=[(r.line, r.reason) for r in article.removed],
        mentions=mentions_of(article),
        regions=regions_of(article),
        written=" ".join(written),
    )


def regions_of(article: Article) -> list[str]:
    """The regions an article is about, each once, most mentioned first: its ``regions`` rows."""
    return list(dict.fromkeys(article.places))


def mentions_of(article: Article) -> list[Mention]:
    """The people an article names, as ``mentions`` rows: each with how many of the article's
    quotes they said (by the name the quotes give, the fullest in the article)."""
    said: dict[str, int] = {}
    for q in article.quotes:
        if q.speaker:
            said[q.speaker] = said.get(q.speaker, 0) + 1
    return [
        (p.name, p.role, p.honorific, json.dumps(p.forms, ensure_ascii=False), said.get(p.name, 0))
        for p in article.officials
    ]
