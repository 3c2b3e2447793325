"""The index: articles in SQLite with FTS5 tables. Schema, transactions, migrations, queries.

One file holds everything (WAL mode, so readers query while an ingest writes):

- ``articles``: one row per distinct article: its ``id``, the hash of the text it was parsed from
  (``hash``: two identical files give one article), the ``Article`` JSON (zlib-compressed; the
  commands rebuild Articles from it), the filter columns ``published``, ``outlet_key`` and
  ``place_key`` (the outlet and dateline folded, for case- and accent-free filters), and what
  ``pilkada list`` shows of it (``title``, ``outlet``, ``dateline``, ``quotes``: a ``Listing``),
  which an index of its own covers, so that a listing never rebuilds an Article. ``listed_sum``
  is a checksum of those columns (``listed_sum``): a listing that reads a changed byte among
  them says the index is damaged instead of showing it (the ``data`` has zlib's own checksum).
- ``files`` (path, content hash, article count) and ``sources`` (path, line, article, url): which
  file and line each article came from, all of them when it came from several.
- ``article_fts`` (title, body, their stems, and the names of the people the article names) and
  ``quote_fts`` (speaker, role, text, stems): contentless FTS5 tables, unicode61 with diacritics
  removed, so case and accents never matter. Their rowids are those of ``articles`` and
  ``quotes``. A filter by official is one more term of the MATCH (``people : "laura" *``), which
  FTS5 intersects with the query's doclists instead of checking every match.
  Deleting from a contentless table takes the values indexed, so they are recomputed from the
  stored Article (``fts_values``): the stemmer in use is recorded, and a different one means a
  rebuild.

The schema version is ``PRAGMA user_version``; ``connect`` migrates an older index or says how to
rebuild it. Writers change the index only inside ``transaction``: a batch is all there or not.
"""

from __future__ import annotations

import os
import re
import sqlite3
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import date
from itertools import filterfalse
from pathlib import Path
from typing import Any

from pilkada.corpus import CorpusError
from pilkada.fts import (
    Query,
    any_of_each,
    name_match,
    stems_of,
    stems_of_words,
    tokens,
    translate,
)
from pilkada.models import Article, Hit, IndexCheck, Listing
from pilkada.search import best_passage, fold, snippet

__all__ = [
    "ENVVAR",
    "SCHEMA_VERSION",
    "Filters",
    "Record",
    "StoreError",
    "connect",
    "default_path",
    "record",
]

ENVVAR = "PILKADA_DB"
SCHEMA_VERSION = 6
STEMMER = "PySastrawi 1.2.1"
BUSY_TIMEOUT_MS = 10_000
TOKENIZE = "tokenize = 'unicode61 remove_diacritics 2'"
# FTS5 prefix indexes for prefixes of 2 and 3 letters: a short prefix ("pe*") reads one entry of
# the index instead of every word it starts (see benchmarks/README.md for the figures)
PREFIX = "prefix = '2 3'"
# bm25 weights: a title counts double; columns title, body, title_stems, body_stems, people
WEIGHTS = "2.0, 1.0, 2.0, 1.0, 0.0"

# What `pilkada list` shows of an article (``Listing``), beside the article: a listing, by date
# and by outlet, reads this index alone, never a whole article. ``title`` is the title as listed
# (``Article.display_title``) and ``quotes`` how many the article has.
LISTING_COLUMNS = "id, published, outlet, dateline, quotes, title"
LISTING_INDEX = (
    "CREATE INDEX articles_listing ON articles (published, id, outlet_key, outlet, dateline,"
    " quotes, title, listed_sum)"
)
# the listing's index as schema 4 made it, before the checksum (``_listing``)
LISTING_INDEX_4 = (
    "CREATE INDEX articles_listing ON articles (published, id, outlet_key, outlet, dateline,"
    " quotes, title)"
)

# the parser's stamp each article was parsed under (pilkada.stamp), indexed so that finding the
# articles of another stamp reads this index, never the rows (their ``data`` comes first)
STAMP_INDEX = "CREATE INDEX articles_stamp ON articles (stamp)"
ARTICLE_FTS = (
    "CREATE VIRTUAL TABLE article_fts USING fts5 (title, body, title_stems, body_stems, people,"
    f" content = '', {TOKENIZE}, {PREFIX})"
)
QUOTE_FTS = (
    "CREATE VIRTUAL TABLE quote_fts USING fts5 (speaker, role, text, stems, content = '',"
    f" {TOKENIZE}, {PREFIX})"
)

SCHEMA = f"""
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE articles (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    hash TEXT NOT NULL UNIQUE,
    published TEXT,
    outlet_key TEXT,
    place_key TEXT,
    title TEXT NOT NULL,
    outlet TEXT,
    dateline TEXT,
    quotes INTEGER NOT NULL,
    listed_sum INTEGER NOT NULL,
    data BLOB NOT NULL,
    stamp TEXT NOT NULL DEFAULT ''
);
{LISTING_INDEX};
{STAMP_INDEX};
CREATE TABLE files (
    path TEXT PRIMARY KEY,
    hash TEXT NOT NULL,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    units INTEGER NOT NULL
);
CREATE TABLE sources (
    path TEXT NOT NULL,
    unit INTEGER NOT NULL,
    article INTEGER NOT NULL REFERENCES articles (rowid),
    url TEXT,
    PRIMARY KEY (path, unit)
);
CREATE INDEX sources_article ON sources (article);
CREATE TABLE quotes (rowid INTEGER PRIMARY KEY, article INTEGER NOT NULL, n INTEGER NOT NULL);
CREATE INDEX quotes_article ON quotes (article);
{ARTICLE_FTS};
{QUOTE_FTS};
CREATE TABLE words (word TEXT PRIMARY KEY, exact INTEGER NOT NULL) WITHOUT ROWID;
"""


Progress = Callable[[int, int], None]  # (articles done, articles in all)


def _pages(
    conn: sqlite3.Connection, progress: Progress | None
) -> Iterator[list[tuple[int, Article]]]:
    """Every article with its rowid, a thousand at a time: a million are never held at once."""
    total = count(conn) if progress is not None else 0
    done = last = 0
    while rows := conn.execute(
        "SELECT rowid, data FROM articles WHERE rowid > ? ORDER BY rowid LIMIT 1000", (last,)
    ).fetchall():
        yield [(rowid, decode(data)) for rowid, data in rows]
        last = rows[-1][0]
        done += len(rows)
        if progress is not None:
            progress(done, total)


def _people_in_article_fts(conn: sqlite3.Connection, progress: Progress | None) -> None:
    """Schema 1 -> 2: the people's names become a column of article_fts (people_fts goes)."""
    conn.execute("DROP TABLE people_fts")
    conn.execute("DROP TABLE people")
    conn.execute("DROP TABLE article_fts")
    conn.execute(
        "CREATE VIRTUAL TABLE article_fts USING fts5 (title, body, title_stems, body_stems,"
        f" people, content = '', {TOKENIZE})"
    )
    for page in _pages(conn, progress):
        for rowid, article in page:
            conn.execute(_INSERT_TEXT, (rowid, *fts_values(article)[0]))


def _word_list(conn: sqlite3.Connection, progress: Progress | None) -> None:
    """Schema 2 -> 3: the list of indexed words, which bare words and prefixes expand to."""
    conn.execute("CREATE TABLE words (word TEXT PRIMARY KEY, exact INTEGER NOT NULL) WITHOUT ROWID")
    for page in _pages(conn, progress):
        exact: set[str] = set()
        inexact: set[str] = set()
        for _, article in page:
            words, others = words_of(article)
            exact |= words
            inexact |= others
        add_words(conn, exact, inexact)


def _listing(conn: sqlite3.Connection, progress: Progress | None) -> None:
    """Schema 3 -> 4: what a listing shows of each article, beside it, in an index of its own.

    The columns come after ``data`` here, not before it as in a new index, with defaults (a
    column added to a table needs one); every statement names the columns it writes. Each row is
    rewritten, in one transaction: for the while the write-ahead log grows by about the size of
    the ``articles`` table."""
    for column in ("title TEXT NOT NULL DEFAULT ''", "outlet TEXT", "dateline TEXT"):
        conn.execute(f"ALTER TABLE articles ADD COLUMN {column}")
    conn.execute("ALTER TABLE articles ADD COLUMN quotes INTEGER NOT NULL DEFAULT 0")
    for page in _pages(conn, progress):
        conn.executemany(
            "UPDATE articles SET title = ?, outlet = ?, dateline = ?, quotes = ? WHERE rowid = ?",
            ((*_listed(article), rowid) for rowid, article in page),
        )
    conn.execute(
        "DROP INDEX IF EXISTS articles_published"
    )  # the listing's index starts with its columns
    conn.execute(LISTING_INDEX_4)


def _listing_checksum(conn: sqlite3.Connection, progress: Progress | None) -> None:
    """Schema 4 -> 5: a checksum of each article's listed columns, beside them in the listing's
    index. It is taken from the columns as they are: one statement, no article read."""
    conn.execute("ALTER TABLE articles ADD COLUMN listed_sum INTEGER NOT NULL DEFAULT 0")
    conn.create_function("pilkada_listed_sum", 7, listed_sum, deterministic=True)
    conn.execute(
        "UPDATE articles SET listed_sum = pilkada_listed_sum(id, published, outlet_key, outlet,"
        " dateline, quotes, title)"
    )
    conn.execute("DROP INDEX articles_listing")
    conn.execute(LISTING_INDEX)
    if progress is not None:
        total = count(conn)
        progress(total, total)


def _stamp_and_prefixes(conn: sqlite3.Connection, progress: Progress | None) -> None:
    """Schema 5 -> 6: each article's parser stamp, and the full-text tables rebuilt with prefix
    indexes (``PREFIX``). An article from an older index has no stamp (''): the next `pilkada
    index` re-parses it, since no parser knows what made it. The full-text tables hold no text
    (``content = ''``), so they are filled again from each article, a thousand at a time."""
    conn.execute("ALTER TABLE articles ADD COLUMN stamp TEXT NOT NULL DEFAULT ''")
    conn.execute(STAMP_INDEX)
    conn.execute("DROP TABLE article_fts")
    conn.execute("DROP TABLE quote_fts")
    conn.execute(ARTICLE_FTS)
    conn.execute(QUOTE_FTS)
    for page in _pages(conn, progress):
        for rowid, article in page:
            text, quotes = fts_values(article)
            conn.execute(_INSERT_TEXT, (rowid, *text))
            qids = conn.execute("SELECT rowid FROM quotes WHERE article = ? ORDER BY n", (rowid,))
            conn.executemany(_INSERT_QUOTE, ((q, *v) for (q,), v in zip(qids, quotes, strict=True)))


# schema version n -> the function that brings an index from n to n + 1, in a transaction
MIGRATIONS: dict[int, Callable[[sqlite3.Connection, Progress | None], None]] = {
    1: _people_in_article_fts,
    2: _word_list,
    3: _listing,
    4: _listing_checksum,
    5: _stamp_and_prefixes,
}
_INSERT_TEXT = (
    "INSERT INTO article_fts (rowid, title, body, title_stems, body_stems, people)"
    " VALUES (?, ?, ?, ?, ?, ?)"
)
_INSERT_QUOTE = "INSERT INTO quote_fts (rowid, speaker, role, text, stems) VALUES (?, ?, ?, ?, ?)"


class StoreError(Exception):
    """An index that cannot be used as it is; the message says what to do (one line)."""


def default_path() -> Path:
    """Where the index lives: $PILKADA_DB, else the per-user data folder."""
    if env := os.environ.get(ENVVAR):
        return Path(env).expanduser()
    data = os.environ.get("XDG_DATA_HOME") or os.path.join("~", ".local", "share")
    return Path(data).expanduser() / "pilkada" / "index.db"


def locate(explicit: str | None) -> Path | None:
    """The index a reading command should use: ``--db``, else $PILKADA_DB (either must name an
    index file), else the per-user index when there is one, else None (the commands then read
    files)."""
    named = explicit if explicit is not None else os.environ.get(ENVVAR) or None
    if named is not None:
        path = Path(named).expanduser()
        if path.is_dir():
            raise StoreError(f"{named} is a folder, not an index; name the index file in it")
        if not path.is_file():
            raise StoreError(
                f"no index at {named}; build one with: pilkada index PATH --db {named}"
            )
        return path
    path = default_path()
    return path if path.is_file() else None


def rebuild_hint(path: Path) -> str:
    return f"rebuild it with: pilkada index PATH... --db {path} --rebuild"


# --- connecting ---


def failure(exc: sqlite3.Error, path: Path) -> StoreError | None:
    """What an error SQLite gave on the index at ``path`` means to the user, as one line: the
    index is locked by another program, damaged, or out of disk; None for any other error
    (pilkada's own, which should not be dressed up as the index's)."""
    kind = "_".join(getattr(exc, "sqlite_errorname", "").split("_")[:2])  # SQLITE_IOERR_READ
    if str(exc).startswith("Could not decode to UTF-8 column"):  # a text column's bytes changed
        kind = "SQLITE_CORRUPT"
    if str(exc).startswith("invalid fts5 file format"):  # a full-text table's config changed
        kind = "SQLITE_CORRUPT"
    if kind in ("SQLITE_BUSY", "SQLITE_LOCKED"):
        return StoreError(
            f"the index {path} is locked by another program that writes to it; "
            "run this again when it has finished"
        )
    if kind == "SQLITE_CORRUPT":
        said = str(exc).splitlines()[0] if str(exc) else "damaged"
        said = said if len(said) <= 100 else said[:99] + "…"
        return StoreError(f"the index {path} is damaged ({said}); {rebuild_hint(path)}")
    if kind == "SQLITE_NOTADB":
        return StoreError(f"{path} is not a pilkada index ({exc}); {rebuild_hint(path)}")
    if kind == "SQLITE_FULL":
        return StoreError(
            f"the disk is full: cannot use the index {path} ({exc}); it keeps what was written "
            "before it filled up: free some space and run the same command again"
        )
    if kind in ("SQLITE_IOERR", "SQLITE_CANTOPEN", "SQLITE_READONLY", "SQLITE_PERM"):
        return StoreError(f"cannot use the index {path} ({exc})")
    return None


def connect(
    path: Path, *, write: bool = False, progress: Progress | None = None
) -> sqlite3.Connection:
    """An open index. With ``write``, the file and its schema are created when missing, and an
    older schema is migrated (``progress`` is told of each thousand articles a migration reads).

    Raises StoreError for a file that is not a pilkada index or whose schema cannot be migrated.
    """
    if path.is_dir():
        raise StoreError(f"{path} is a folder, not an index; name the index file in it")
    try:
        if write:
            path.parent.mkdir(parents=True, exist_ok=True)
        conn = _open(path, write)
    except sqlite3.Error as exc:
        raise StoreError(f"cannot open the index {path}: {exc}") from None
    except OSError as exc:
        from pilkada.errors import reason

        raise StoreError(f"cannot write the index {path}: {reason(exc)}") from None
    try:
        if not write:
            conn = _readable(conn, path)
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version == 0:
            _create(conn, path, write)
        elif version != SCHEMA_VERSION:
            _migrate(conn, path, version, write, progress)
        stemmer = conn.execute("SELECT value FROM meta WHERE key = 'stemmer'").fetchone()
        if write and stemmer and stemmer[0] != STEMMER:
            raise StoreError(f"the index {path} was stemmed by {stemmer[0]}; {rebuild_hint(path)}")
        if write:
            conn.execute("PRAGMA synchronous = NORMAL")
    except sqlite3.DatabaseError as exc:
        conn.close()
        known = failure(exc, path)
        raise (
            known or StoreError(f"{path} is not a pilkada index ({exc}); {rebuild_hint(path)}")
        ) from None
    except StoreError:
        conn.close()
        raise
    return conn


def _open(path: Path, write: bool, *, immutable: bool = False) -> sqlite3.Connection:
    """A connection to the index; a reader's is read-only (``mode=ro``): it never writes, so a
    file it may not write (a shared folder, a read-only disk) is still read."""
    if write:
        return sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    from urllib.parse import quote

    flags = "mode=ro&immutable=1" if immutable else "mode=ro"
    uri = f"file:{quote(str(path.absolute()))}?{flags}"
    return sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)


def _readable(conn: sqlite3.Connection, path: Path) -> sqlite3.Connection:
    """A reader's connection that reads. One that may not make the files beside the index that
    SQLite's write-ahead log needs (in a folder it cannot write) reads the index as a file no
    one changes: whoever could change it could write there."""
    try:
        conn.execute("PRAGMA user_version").fetchone()
        return conn
    except sqlite3.OperationalError as exc:
        kind = getattr(exc, "sqlite_errorname", "")
        if not kind.startswith(("SQLITE_CANTOPEN", "SQLITE_READONLY")):
            raise
        if os.access(path.parent, os.W_OK):
            raise
    conn.close()
    wal = Path(f"{path}-wal")
    if wal.exists() and wal.stat().st_size:  # read as immutable, its last batches would be missed
        raise StoreError(
            f"the index {path} may be read but not written here, and its last changes are still "
            f"in {wal.name}, which only a writer can apply: update it where it can be written "
            f"(pilkada index PATH... --db {path})"
        )
    return _open(path, False, immutable=True)


def _create(conn: sqlite3.Connection, path: Path, write: bool) -> None:
    tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    if tables:
        raise StoreError(f"{path} is a database but not a pilkada index")
    if not write:
        raise StoreError(f"{path} is empty; build the index with: pilkada index PATH --db {path}")
    conn.execute("PRAGMA journal_mode = WAL")
    with transaction(conn):
        _script(conn, SCHEMA)
        conn.execute("INSERT INTO meta VALUES ('stemmer', ?)", (STEMMER,))
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


def _script(conn: sqlite3.Connection, script: str) -> None:
    for statement in script.split(";"):
        if statement.strip():
            conn.execute(statement)


def _migrate(
    conn: sqlite3.Connection, path: Path, version: int, write: bool, progress: Progress | None
) -> None:
    """Bring an older index up to date, when writing; a reader is told how (a migration may
    rebuild a full-text table: minutes for a million articles, not a cost a query should pay)."""
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"the index {path} was made by a newer pilkada (schema {version}, this one reads "
            f"{SCHEMA_VERSION}); upgrade pilkada, or {rebuild_hint(path)}"
        )
    if any(v not in MIGRATIONS for v in range(version, SCHEMA_VERSION)):
        raise StoreError(
            f"the index {path} has schema {version}, which this pilkada cannot migrate; "
            + rebuild_hint(path)
        )
    if not write:
        raise StoreError(
            f"the index {path} was made by an older pilkada (schema {version}); update it with: "
            f"pilkada index PATH... --db {path} (it is migrated, then updated)"
        )
    with transaction(conn):
        now = conn.execute("PRAGMA user_version").fetchone()[0]  # another process may have done it
        steps = range(now, SCHEMA_VERSION)
        for k, v in enumerate(steps):
            MIGRATIONS[v](conn, _step(progress, k, len(steps)))
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


def _step(progress: Progress | None, k: int, steps: int) -> Progress | None:
    """``progress`` of step ``k`` of a migration through ``steps`` schemas, each a pass over the
    articles: told as one pass that goes on, not as passes starting over."""
    if progress is None or steps == 1:
        return progress
    told = progress
    return lambda done, total: told(k * total + done, steps * total)


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[None]:
    """All the changes inside, or none: BEGIN IMMEDIATE, then COMMIT, or ROLLBACK on any error.

    SQLite may have rolled back already (a full disk, an I/O error): then the error that made it
    do so is the one raised, not the ROLLBACK's "no transaction is active"."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


# --- what is stored for an article ---


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
    words: frozenset[str] = frozenset()  # the distinct words of the title and body (ASCII)
    inexact: frozenset[str] = frozenset()  # and those folded from other letters (see words_of)


def fts_values(
    article: Article,
) -> tuple[tuple[str, str, str, str, str], list[tuple[str, str, str, str]]]:
    """The values indexed for an article and for its quotes."""
    return _indexed(article)[:2]


def words_of(article: Article) -> tuple[frozenset[str], frozenset[str]]:
    """The distinct words of an article's title and paragraphs as FTS5 indexes them: the
    ASCII ones lower-cased, exactly so; and the others folded ("Straße" -> "strasse", "km²"
    -> "km2"), which FTS5's tokenizer may write otherwise ("straße", "km²"), so inexact."""
    return _indexed(article)[2:]


def _indexed(
    article: Article,
) -> tuple[
    tuple[str, str, str, str, str],
    list[tuple[str, str, str, str]],
    frozenset[str],
    frozenset[str],
]:
    """``fts_values`` and ``words_of`` from one cut of the title and the body into words."""
    title, body = article.title or "", "\n".join(article.paragraphs)
    title_words, body_words = _WORD.findall(title), _WORD.findall(body)
    people = "\n".join(p.name for p in article.officials)
    text = (title, body, stems_of_words(title_words), stems_of_words(body_words), people)
    quotes = [(q.speaker or "", q.role or "", q.text, stems_of(q.text)) for q in article.quotes]
    exact: set[str] = set()
    inexact: set[str] = set()
    for distinct in (set(title_words), set(body_words)):
        exact.update(map(str.lower, filter(str.isascii, distinct)))
        for raw in filterfalse(str.isascii, distinct):
            inexact.update(tokens(raw))
    return text, quotes, frozenset(exact), frozenset(inexact)


_WORD = re.compile(r"[^\W_]+")  # a word as FTS5's unicode61 tokenizer cuts one


def encode(article: Article) -> bytes:
    return zlib.compress(article.model_dump_json().encode("utf-8"), 1)  # fast; 7% larger than 6


class Damaged(sqlite3.DatabaseError):
    """A stored article that cannot be read back: its bytes changed on disk (zlib's checksum
    of them fails, or they are no Article). Told as SQLite's own damage is (``failure``)."""

    sqlite_errorname = "SQLITE_CORRUPT"


def decode(data: bytes) -> Article:
    """The Article stored as ``data``; raises Damaged when the bytes are not what was written."""
    from pydantic import ValidationError

    try:
        return Article.model_validate_json(zlib.decompress(data))
    except (zlib.error, TypeError, ValidationError) as exc:
        reason = str(exc).splitlines()[0]
        raise Damaged(f"an article's stored data cannot be read: {reason}") from None


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
    text, quotes, exact, inexact = _indexed(article)
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
    )


# --- writing (inside a transaction) ---


def file_state(conn: sqlite3.Connection, path: str) -> tuple[str, int] | None:
    """The content hash and article count recorded for a file, or None when it is not indexed."""
    row = conn.execute("SELECT hash, units FROM files WHERE path = ?", (path,)).fetchone()
    return (row[0], row[1]) if row else None


def article_by_key(conn: sqlite3.Connection, key: str) -> int | None:
    row = conn.execute("SELECT rowid FROM articles WHERE hash = ?", (key,)).fetchone()
    return int(row[0]) if row else None


def article_id(conn: sqlite3.Connection, rowid: int) -> str:
    return str(conn.execute("SELECT id FROM articles WHERE rowid = ?", (rowid,)).fetchone()[0])


# articles stored under another parser's stamp than the running one's: two ranges of the
# stamp's index (SQLite reads no index for "!=")
_STALE = "(a.stamp < ? OR a.stamp > ?)"


def _stale_args() -> tuple[str, str]:
    from pilkada import stamp

    return stamp.current(), stamp.current()


def any_stale(conn: sqlite3.Connection) -> bool:
    """Whether any article was stored under another parser's stamp (one probe of an index)."""
    sql = f"SELECT 1 FROM articles a WHERE {_STALE} LIMIT 1"
    return conn.execute(sql, _stale_args()).fetchone() is not None


def is_stale(conn: sqlite3.Connection, rowid: int) -> bool:
    """Whether the article at ``rowid`` was stored under another parser's stamp."""
    sql = f"SELECT 1 FROM articles a WHERE a.rowid = ? AND {_STALE}"
    return conn.execute(sql, (rowid, *_stale_args())).fetchone() is not None


def stale_file(conn: sqlite3.Connection, path: str) -> bool:
    """Whether an indexed file gave an article stored under another parser's stamp."""
    sql = (
        "SELECT 1 FROM sources s JOIN articles a ON a.rowid = s.article"
        f" WHERE s.path = ? AND {_STALE} LIMIT 1"
    )
    return conn.execute(sql, (path, *_stale_args())).fetchone() is not None


def stale_files(conn: sqlite3.Connection) -> list[str]:
    """The indexed files that gave an article stored under another parser's stamp."""
    sql = (
        # CROSS JOIN: the stale articles first, from the stamp's index, then their sources
        "SELECT DISTINCT s.path FROM articles a CROSS JOIN sources s ON s.article = a.rowid"
        f" WHERE {_STALE} ORDER BY s.path"
    )
    return [path for (path,) in conn.execute(sql, _stale_args())]


def free_id(conn: sqlite3.Connection, wanted: str) -> str:
    """``wanted``, or ``wanted-2``, ``wanted-3``… : the first id no article has."""
    ident, n = wanted, 1
    while conn.execute("SELECT 1 FROM articles WHERE id = ?", (ident,)).fetchone():
        n += 1
        ident = f"{wanted}-{n}"
    return ident


def insert(conn: sqlite3.Connection, rec: Record, known: set[str] | None = None) -> int:
    """Store a new article (its id must be free) under the running parser's stamp; returns
    its rowid.

    ``known``: words already in the word list, which a writer of many articles keeps so that
    each word is added once; the words added here join it.
    """
    _add_words_of(conn, rec, known)
    cur = conn.execute(
        "INSERT INTO articles (id, hash, published, outlet_key, place_key, title, outlet,"
        " dateline, quotes, listed_sum, data, stamp) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (rec.id, *_columns(rec)),
    )
    rowid = int(cur.lastrowid or 0)
    _index_text(conn, rowid, rec)
    return rowid


def replace_article(
    conn: sqlite3.Connection, rowid: int, rec: Record, known: set[str] | None = None
) -> None:
    """Store ``rec`` in place of the article at ``rowid`` (re-parsed), keeping its rowid, so
    that every source naming it still does, and its id (``rec.id`` must be that id)."""
    _unindex_text(conn, rowid)
    _add_words_of(conn, rec, known)
    conn.execute(
        "UPDATE articles SET hash = ?, published = ?, outlet_key = ?, place_key = ?, title = ?,"
        " outlet = ?, dateline = ?, quotes = ?, listed_sum = ?, data = ?, stamp = ?"
        " WHERE rowid = ?",
        (*_columns(rec), rowid),
    )
    _index_text(conn, rowid, rec)


def _columns(rec: Record) -> tuple[object, ...]:
    """An article's columns after its id, as ``insert`` and ``replace`` write them."""
    from pilkada import stamp

    return (
        rec.key,
        rec.published,
        rec.outlet_key,
        rec.place_key,
        *rec.listed,
        rec.listed_sum,
        rec.data,
        stamp.current(),
    )


def _add_words_of(conn: sqlite3.Connection, rec: Record, known: set[str] | None) -> None:
    words = rec.words if known is None else rec.words - known
    if words or rec.inexact:
        add_words(conn, words, rec.inexact)
        if known is not None:
            if len(known) > WORDS_REMEMBERED:  # a bound on memory; adding a word again is cheap
                known.clear()
            known |= words


def _index_text(conn: sqlite3.Connection, rowid: int, rec: Record) -> None:
    conn.execute(_INSERT_TEXT, (rowid, *rec.fts))
    for n, values in enumerate(rec.quotes):
        qid = conn.execute("INSERT INTO quotes (article, n) VALUES (?, ?)", (rowid, n)).lastrowid
        conn.execute(_INSERT_QUOTE, (qid, *values))


def add_words(conn: sqlite3.Connection, words: Iterable[str], inexact: Iterable[str] = ()) -> None:
    """Add words to the list of indexed words; an inexact one stays so (see ``words_of``)."""
    conn.executemany("INSERT OR IGNORE INTO words VALUES (?, 1)", ((w,) for w in words))
    conn.executemany(
        "INSERT INTO words VALUES (?, 0) ON CONFLICT (word) DO UPDATE SET exact = 0",
        ((w,) for w in inexact),
    )


def add_source(
    conn: sqlite3.Connection, path: str, unit: int, article: int, url: str | None = None
) -> None:
    conn.execute(
        "INSERT OR REPLACE INTO sources (path, unit, article, url) VALUES (?, ?, ?, ?)",
        (path, unit, article, url),
    )


def set_file(conn: sqlite3.Connection, path: str, digest: str, size: int, mtime_ns: int) -> int:
    """Record a file as indexed with this content; returns how many articles it gave."""
    units = conn.execute("SELECT count(*) FROM sources WHERE path = ?", (path,)).fetchone()[0]
    conn.execute(
        "INSERT OR REPLACE INTO files (path, hash, size, mtime_ns, units) VALUES (?, ?, ?, ?, ?)",
        (path, digest, size, mtime_ns, units),
    )
    return int(units)


def drop_file(conn: sqlite3.Connection, path: str) -> dict[int, str]:
    """Forget a file: its sources, and each article no other file gives.

    Returns the ids its articles had, by line (0 for a whole file), for reuse by a new version.
    """
    rows = conn.execute(
        "SELECT s.unit, s.article, a.id FROM sources s JOIN articles a ON a.rowid = s.article"
        " WHERE s.path = ?",
        (path,),
    ).fetchall()
    conn.execute("DELETE FROM sources WHERE path = ?", (path,))
    conn.execute("DELETE FROM files WHERE path = ?", (path,))
    ids = {}
    for unit, article, ident in rows:
        if not conn.execute("SELECT 1 FROM sources WHERE article = ?", (article,)).fetchone():
            _delete_article(conn, article)
            ids[unit] = ident
    return ids


def _delete_article(conn: sqlite3.Connection, rowid: int) -> None:
    _unindex_text(conn, rowid)
    conn.execute("DELETE FROM articles WHERE rowid = ?", (rowid,))


def _unindex_text(conn: sqlite3.Connection, rowid: int) -> None:
    """An article's text out of the full-text tables, and its quote rows gone."""
    (data,) = conn.execute("SELECT data FROM articles WHERE rowid = ?", (rowid,)).fetchone()
    text, quotes = fts_values(decode(data))
    conn.execute(
        "INSERT INTO article_fts (article_fts, rowid, title, body, title_stems, body_stems, people)"
        " VALUES ('delete', ?, ?, ?, ?, ?, ?)",
        (rowid, *text),
    )
    qids = conn.execute("SELECT rowid FROM quotes WHERE article = ? ORDER BY n", (rowid,))
    for (qid,), values in zip(qids.fetchall(), quotes, strict=True):
        conn.execute(
            "INSERT INTO quote_fts (quote_fts, rowid, speaker, role, text, stems)"
            " VALUES ('delete', ?, ?, ?, ?, ?)",
            (qid, *values),
        )
    conn.execute("DELETE FROM quotes WHERE article = ?", (rowid,))


def indexed_files(conn: sqlite3.Connection) -> list[str]:
    return [row[0] for row in conn.execute("SELECT path FROM files ORDER BY path")]


# --- reading ---


_PEOPLE_MATCH = "article_fts WHERE article_fts MATCH ?"


@dataclass(frozen=True)
class Filters:
    """The filters the index applies itself; ``--place`` is left to ``corpus.filtered``, since it
    also reads the regions an article is about. ``official`` keeps articles naming a person
    each of whose words starts a word of that person's name."""

    outlet: str | None = None
    since: date | None = None
    until: date | None = None
    official: str | None = None
    people_match: str | None = None  # a MATCH on the names, as it is (``naming_articles``)

    def where(self, alias: str = "a") -> tuple[str, list[object]]:
        """A SQL condition on ``articles`` (aliased ``alias``) and its parameters."""
        sql: list[str] = []
        args: list[object] = []
        if self.outlet is not None:
            # an empty --outlet keeps every article, as on files (instr of NULL is NULL)
            sql.append(f"instr(coalesce({alias}.outlet_key, ''), ?) > 0")
            args.append(fold(self.outlet))
        if self.since is not None:
            sql.append(f"{alias}.published >= ?")
            args.append(self.since.isoformat())
        if self.until is not None:
            sql.append(f"{alias}.published <= ?")
            args.append(self.until.isoformat())
        for match in (self.people(), self.people_match):
            if match is not None:
                sql.append(f"{alias}.rowid IN (SELECT rowid FROM {_PEOPLE_MATCH})")
                args.append(match)
        if self.official is not None and self.people() is None:
            sql.append("0")  # a name with no words names no one
        return (" AND ".join(sql) or "1"), args

    def people(self) -> str | None:
        """The MATCH term for ``official``: each of its words starts a word of a name."""
        return name_match(self.official, "people") if self.official is not None else None


def count(conn: sqlite3.Connection, filters: Filters = Filters()) -> int:
    """The articles passing the filters."""
    where, args = filters.where()
    return int(conn.execute(f"SELECT count(*) FROM articles a WHERE {where}", args).fetchone()[0])


def articles(conn: sqlite3.Connection, filters: Filters = Filters()) -> list[Article]:
    """The articles passing the filters, oldest first, undated last, then by id."""
    return list(iter_articles(conn, filters))


def iter_articles(conn: sqlite3.Connection, filters: Filters = Filters()) -> Iterator[Article]:
    """The same, read as they are used: a million articles are never held at once, and the
    first ones come at once."""
    for (data,) in _in_order(conn, "data", filters):
        yield decode(data)


def iter_listing(conn: sqlite3.Connection, filters: Filters = Filters()) -> Iterator[Listing]:
    """What ``pilkada list`` shows of the articles passing the filters, in the order of
    ``iter_articles``, from the listing's index alone."""
    columns = f"{LISTING_COLUMNS}, outlet_key, listed_sum"
    rows = _in_order(conn, columns, filters, "INDEXED BY articles_listing")
    for ident, published, outlet, dateline, quotes, title, outlet_key, checksum in rows:
        try:
            given = listed_sum(ident, published, outlet_key, outlet, dateline, quotes, title)
        except (TypeError, UnicodeError):
            given = None  # a column of another type than written: damaged as well
        if given != checksum:
            raise Damaged(f"article {ident!r}'s listed columns do not match their checksum")
        try:
            day = date.fromisoformat(published) if published else None
        except (TypeError, ValueError):
            raise Damaged(f"article {ident}'s date {published!r} is not a date") from None
        yield Listing(ident, day, outlet, dateline, quotes, title)


def _in_order(
    conn: sqlite3.Connection, columns: str, filters: Filters, index: str = ""
) -> Iterator[tuple[Any, ...]]:
    """``columns`` of the articles passing the filters, oldest first, undated last, then by id:
    the dated ones in the order of the listing's index, then the rest, from one state of the
    index."""
    where, args = filters.where()
    with snapshot(conn):
        for dated, order in (("IS NOT NULL", "a.published, a.id"), ("IS NULL", "a.id")):
            yield from conn.execute(
                f"SELECT {columns} FROM articles a {index} WHERE a.published {dated} AND {where}"
                f" ORDER BY {order}",
                args,
            )


@contextmanager
def snapshot(conn: sqlite3.Connection) -> Iterator[None]:
    """Reads from one state of the index, whatever an ingest writes meanwhile (a read
    transaction, unless one is open already)."""
    begun = not conn.in_transaction
    if begun:
        conn.execute("BEGIN")
    try:
        yield
    finally:
        if begun and conn.in_transaction:
            conn.execute("COMMIT")


def check(conn: sqlite3.Connection, path: Path, progress: Progress | None = None) -> IndexCheck:
    """Read the whole index for damage; raises Damaged at the first found.

    SQLite's own check of its pages and indexes; FTS5's of the full-text tables (an "INSERT"
    command that changes nothing, so only where the file may be written); then every article:
    its data decodes, its listed columns match their checksum, and its quote rows name quotes
    it has. A damaged page can hide rows from a query without any error, which only this finds.
    """
    problem = conn.execute("PRAGMA integrity_check(1)").fetchone()[0]
    if problem != "ok":
        raise Damaged(problem.replace("*** in database main ***", "").strip().splitlines()[0])
    full_text = os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)
    if full_text:
        writer = _open(path, write=True)
        try:
            writer.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            for table in ("article_fts", "quote_fts"):
                try:
                    writer.execute(f"INSERT INTO {table} ({table}) VALUES ('integrity-check')")
                except sqlite3.DatabaseError as exc:
                    raise Damaged(f"the full-text table {table}: {exc}") from None
        finally:
            writer.close()
    quotes = 0
    with snapshot(conn):
        for _ in iter_listing(conn):
            pass
        counts = dict(conn.execute("SELECT article, max(n) + 1 FROM quotes GROUP BY article"))
        articles = 0
        for page in _pages(conn, progress):
            for rowid, article in page:
                if counts.pop(rowid, 0) > len(article.quotes):
                    raise Damaged(f"a quote the index lists is not in article {article.id}")
                quotes += len(article.quotes)
            articles += len(page)
        if counts:
            raise Damaged(f"{len(counts)} quote rows name no article")
    return IndexCheck(db=str(path), articles=articles, quotes=quotes, full_text=full_text)


def find(conn: sqlite3.Connection, ident: str) -> Article:
    """The article with this id, or the only one whose id starts with it; else CorpusError."""
    row = conn.execute("SELECT data FROM articles WHERE id = ?", (ident,)).fetchone()
    if row:
        return decode(row[0])
    rows = conn.execute(
        "SELECT id, data FROM articles WHERE id >= ? AND id < ? ORDER BY id LIMIT 11",
        (ident, ident + "\U0010ffff"),
    ).fetchall()
    if len(rows) == 1:
        return decode(rows[0][1])
    if rows:
        listed = ", ".join(r[0] for r in rows[:10]) + (" …" if len(rows) > 10 else "")
        raise CorpusError(f"{ident!r} matches several articles: {listed}")
    total = count(conn)
    known = ", ".join(r[0] for r in conn.execute("SELECT id FROM articles ORDER BY id LIMIT 10"))
    more = "" if total <= 10 else f" (and {total - 10} more)"
    raise CorpusError(f"no article {ident!r}; ids are: {known}{more}")


# A search ranks every match by bm25 while that is quick: while each of its terms is in at most
# BROAD articles (FTS5's bm25 counts the articles of every term, each time, whatever else the
# query says). A broader search shows the matches indexed last, BROAD at a time, those with the
# words in the title first, and says so (``notes``).
BROAD = 2000
# a bare word or a prefix is read as the indexed words starting with it, up to this many
EXPANSIONS = 64
# a name looked up in the index for a tolerant match: by the first letters of each word, and
# of the indexed words close to it
NAME_START = 3
_LONGEST_NAME_WORD = 40  # a longer query word is cut in two nowhere (one SQL variable a half)
WORDS_REMEMBERED = 200_000  # words a writer keeps as known to be listed (~16 MB)


def expander(conn: sqlite3.Connection) -> Callable[[str], Sequence[str] | None]:
    """The indexed words starting with a prefix; None when more than EXPANSIONS do, or when
    one was folded from other letters (FTS5 may hold it in another form: leave it to FTS5)."""

    def expand(prefix: str) -> Sequence[str] | None:
        rows = conn.execute(
            "SELECT word, exact FROM words WHERE word >= ? AND word < ? ORDER BY word LIMIT ?",
            (prefix, prefix + "\U0010ffff", EXPANSIONS + 1),
        ).fetchall()
        if len(rows) > EXPANSIONS or not all(exact for _, exact in rows):
            return None
        return [w for w, _ in rows]

    return expand


def search(
    conn: sqlite3.Connection,
    query: str,
    *,
    limit: int | None = 20,
    filters: Filters = Filters(),
    keep: Callable[[Article], bool] | None = None,
    notes: list[str] | None = None,
) -> list[Hit]:
    """The articles matching a query, best first (bm25), each with a highlighted snippet.

    ``keep``, if given, is a further test each article must pass (applied in Python, in rank
    order, until ``limit`` hits). A search with a term in more than BROAD articles, unless
    ``limit`` is None or 0, shows the matches indexed last, BROAD at a time, those with the
    words in the title first (see ``_newest_first``), and adds a line saying so to ``notes``.
    Raises QueryError for a query with nothing to search for.
    """
    from pilkada.fts import match_spans

    # the words a bare word or a prefix starts, listed: FTS5 reads them as it goes, so that
    # counting and scanning the newest matches stops early; a prefix query reads all first
    listed = translate(query, expand=expander(conn))
    people = filters.people()
    if filters.official is not None and people is None:
        return []
    parts = [*listed.parts, *([people] if people else [])]
    broad = bool(limit) and _broad(conn, parts)
    # ranked by bm25, a prefix is one term: "aman" finding "amanah" must not weigh as a rare word
    q = listed if broad else translate(query)
    match = q.match
    if filters.official is not None:  # one more term for FTS5, not a check of every match
        match = f"({match}) AND ({people})"
        # the words may fit two people of one article: the article must name one with them all
        keep = _naming(filters.official, keep)
        filters = replace(filters, official=None)
    where, args = filters.where()
    # joined with articles only to filter: the join costs more than the ranking itself
    join = " JOIN articles a ON a.rowid = article_fts.rowid" if where != "1" else ""
    ranked: Iterable[tuple[int, float]]
    if broad:
        ranked = _newest_first(conn, q, match, join, where, args, people or match)
        if notes is not None:
            notes.append(
                f"a term of this search is in more than {BROAD:,} articles, too many to rank "
                "by relevance at once: showing the matches indexed last, those with the words "
                "in the title first; --limit 0 ranks every match (slower)"
            )
    else:
        sql = (
            f"SELECT article_fts.rowid, -bm25(article_fts, {WEIGHTS}) AS score"
            f" FROM article_fts{join} WHERE article_fts MATCH ? AND {where}"
            " ORDER BY score DESC, article_fts.rowid"
        )
        params: list[object] = [match, *args]
        if limit and keep is None:
            sql += " LIMIT ?"
            params.append(limit)
        ranked = conn.execute(sql, params).fetchall()
    hits: list[Hit] = []
    for rowid, score in ranked:
        if limit and len(hits) >= limit:
            break
        (data,) = conn.execute("SELECT data FROM articles WHERE rowid = ?", (rowid,)).fetchone()
        a = decode(data)
        if keep is not None and not keep(a):
            continue
        text, spans = best_passage(a, lambda t: match_spans(t, q.terms))
        cut, moved = snippet(text, spans)
        hits.append(
            Hit(
                article_id=a.id,
                title=a.display_title(),
                published=a.published,
                outlet=a.outlet,
                score=round(score, 4),
                snippet=cut,
                highlights=moved,
            )
        )
    return hits


def _broad(conn: sqlite3.Connection, parts: Sequence[str]) -> bool:
    """Whether any of a query's terms is in more than BROAD articles (counting stops there)."""
    return any(
        conn.execute(
            "SELECT count(*) FROM (SELECT rowid FROM article_fts WHERE article_fts MATCH ?"
            " LIMIT ?)",
            (part, BROAD + 1),
        ).fetchone()[0]
        > BROAD
        for part in parts
    )


def _newest_first(
    conn: sqlite3.Connection,
    q: Query,
    match: str,
    join: str,
    where: str,
    args: list[object],
    lead: str,
) -> Iterator[tuple[int, float]]:
    """The matching articles, BROAD at a time from the last indexed, each with a score: 1 with
    a word of the query in the title, else 0; in each BROAD, the titles first, then the last
    indexed first. Read as used: a test applied after (``keep``) reads on until it has enough.

    (Not by date: reading the dates of 2,000 articles takes longer than the rest of a search.)
    """
    expand = expander(conn)
    in_titles = " OR ".join(
        f"({t.expression(('title',), ('title_stems',), expand)})" for t in q.terms
    )
    # with a term every match has, so that a rare one leads the way ("kampanye" of an
    # official's articles: the name, not the half of the index that says "kampanye")
    positive = f"({lead}) AND ({in_titles})"
    before: int | None = None
    while True:
        below = "" if before is None else f" AND article_fts.rowid < {before}"
        rows = [
            r
            for (r,) in conn.execute(
                f"SELECT article_fts.rowid FROM article_fts{join} WHERE article_fts MATCH ?"
                f" AND {where}{below} ORDER BY article_fts.rowid DESC LIMIT ?",
                [match, *args, max(BROAD, 1)],
            )
        ]
        if not rows:
            return
        in_title = {
            r
            for (r,) in conn.execute(
                "SELECT rowid FROM article_fts WHERE article_fts MATCH ? AND rowid >= ?"
                " AND rowid <= ?",
                (positive, rows[-1], rows[0]),
            )
        }
        yield from ((r, 1.0) for r in rows if r in in_title)
        yield from ((r, 0.0) for r in rows if r not in in_title)
        before = rows[-1]


def _naming(official: str, keep: Callable[[Article], bool] | None) -> Callable[[Article], bool]:
    from pilkada.corpus import filtered

    return lambda a: any(filtered([a], official=official)) and (keep is None or keep(a))


def quoting_articles(
    conn: sqlite3.Connection, query: str, *, filters: Filters = Filters()
) -> Iterator[Article]:
    """The articles holding a quote whose words match ``query`` (read as a search query, stems
    and all), oldest first, each keeping only its matching quotes; read one at a time."""
    match = translate(query, ("text",), ("stems",)).match
    return _with_quotes(conn, match, filters, only_matching=True)


def naming_articles(
    conn: sqlite3.Connection, name: str, *, filters: Filters = Filters()
) -> list[Article]:
    """The articles naming someone whose name has a word starting as each word of ``name``
    does (``_name_net``), oldest first: the candidates for a tolerant test of the name."""
    match = _name_net(conn, name, "people")
    return articles(conn, replace(filters, people_match=match)) if match else []


def speaking_articles(
    conn: sqlite3.Connection, speaker: str, *, filters: Filters = Filters()
) -> Iterator[Article]:
    """The articles quoting someone whose name has a word starting as each word of ``speaker``
    does (``_name_net``: "laura" and "lauri" fit Asmin Laura Hafid), oldest first, with all
    their quotes, read one at a time: the candidates for a tolerant test of the name."""
    match = _name_net(conn, speaker, "speaker")
    return _with_quotes(conn, match, filters, only_matching=False) if match else iter(())


def role_articles(
    conn: sqlite3.Connection, words: str, *, filters: Filters = Filters()
) -> Iterator[Article]:
    """The articles quoting someone whose role has a word starting with each of ``words``
    ("kapolda", "ketua kpu kutai kartanegara"), oldest first, with all their quotes, read one
    at a time."""
    match = name_match(words, "role")
    return _with_quotes(conn, match, filters, only_matching=False) if match else iter(())


def _name_net(conn: sqlite3.Connection, name: str, column: str) -> str | None:
    """A MATCH on ``column`` wider than the name, so that a misspelling gets in: each word of
    the name as the first letters of a word ("winarta hafid" -> win* AND haf*), or a word of
    someone's name as close to it as the tolerant match of names asks ("achmad" -> ach* OR
    ahmad, for "Ahmad"), looked for among the indexed words with the same first letter.

    The index cuts a name word at an apostrophe or a hyphen ("Ma'ruf": ma, ruf), the tolerant
    match does not: "Ma'ruf" is looked for as the phrase "ma ruf" and as the word "maruf", and
    "Maruf" also as the phrase "ma ruf" when someone's name has it."""
    from pilkada.roster import name_words

    groups: list[list[str]] = []
    for word in name_words(name):
        parts = tokens(word)
        if not parts:
            continue
        joined = "".join(parts)
        if len(parts) == 1:
            start = joined[:NAME_START]
            groups.append([f"{start}*", *_close_names(conn, joined, start), *_split(conn, joined)])
        else:
            groups.append([" ".join(parts) + "*", *_close_names(conn, joined, None)])
    return any_of_each(groups, column)


def _close_names(conn: sqlite3.Connection, word: str, start: str | None) -> list[str]:
    """The words of people's names that the tolerant match of names takes for ``word``, of those
    starting with its first letter, but those starting with ``start`` (looked for already)."""
    from rapidfuzz import fuzz, process

    from pilkada.roster import CLOSE_WORD, FUZZY_LETTERS

    if len(word) < FUZZY_LETTERS:
        return []
    listed = conn.execute(
        "SELECT word FROM words WHERE word >= ? AND word < ?", (word[0], chr(ord(word[0]) + 1))
    )
    close = process.extract(
        word,
        [w for (w,) in listed if start is None or not w.startswith(start)],
        scorer=fuzz.ratio,
        processor=None,
        score_cutoff=CLOSE_WORD,
        limit=None,
    )
    return [w for w, _, _ in close if _someone_has(conn, w)]


def _split(conn: sqlite3.Connection, word: str) -> list[str]:
    """``word`` cut in two where both halves are indexed words and someone's name has them one
    after the other ("maruf" -> "ma ruf", for "Ma'ruf"; "alhabsyi" -> "al habsyi")."""
    from pilkada.roster import FUZZY_LETTERS

    if not FUZZY_LETTERS <= len(word) <= _LONGEST_NAME_WORD:
        return []
    halves = [(word[:i], word[i:]) for i in range(1, len(word))]
    indexed = {
        w
        for (w,) in conn.execute(
            f"SELECT word FROM words WHERE word IN ({', '.join('?' * (2 * len(halves)))})",
            [h for pair in halves for h in pair],
        )
    }
    phrases = [f"{a} {b}" for a, b in halves if a in indexed and b in indexed]
    return [p for p in phrases if _someone_has(conn, p)]


def _someone_has(conn: sqlite3.Connection, words: str) -> bool:
    """Whether someone's name has the word (or the words, one after the other), not only the
    text around it."""
    found = conn.execute(f"SELECT 1 FROM {_PEOPLE_MATCH} LIMIT 1", (f'people : "{words}"',))
    return found.fetchone() is not None


def _with_quotes(
    conn: sqlite3.Connection, match: str, filters: Filters, *, only_matching: bool
) -> Iterator[Article]:
    where, args = filters.where()
    # the quotes and their articles from one state of the index: `pilkada index` may replace
    # or drop an article while these are read, which takes a while when a role is in most
    with snapshot(conn):
        rows = conn.execute(
            "SELECT q.article, q.n FROM quotes q JOIN articles a ON a.rowid = q.article"
            " WHERE q.rowid IN (SELECT rowid FROM quote_fts WHERE quote_fts MATCH ?)"
            f" AND {where} ORDER BY a.published IS NULL, a.published, a.id, q.n",
            [match, *args],
        ).fetchall()
        wanted: dict[int, list[int]] = {}
        for article, n in rows:
            wanted.setdefault(article, []).append(n)
        for rowid, ns in wanted.items():  # one article in memory at a time
            (data,) = conn.execute("SELECT data FROM articles WHERE rowid = ?", (rowid,)).fetchone()
            a = decode(data)
            if only_matching:
                if max(ns) >= len(a.quotes):  # the quote list's row names no quote of it
                    raise Damaged(f"a quote the index lists is not in article {a.id}")
                a = a.model_copy(update={"quotes": [a.quotes[n] for n in ns]})
            yield a
