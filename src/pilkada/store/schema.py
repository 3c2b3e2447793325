"""The index's schema: its tables (``SCHEMA``), the version it is at (``PRAGMA user_version``),
and the migrations that bring an older index up to date, one function a version, run in order in
one transaction (an interrupted migration leaves the older index as it was), with progress.

``connect`` opens an index, creating its schema when missing and migrating an older one.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

from pilkada.models import Article
from pilkada.store.db import (
    BUSY_TIMEOUT_MS,
    Progress,
    StoreError,
    _open,
    _readable,
    failure,
    rebuild_hint,
    transaction,
)
from pilkada.store.records import _listed, decode, fts_values, listed_sum, words_of
from pilkada.store.write import _INSERT_QUOTE, _INSERT_TEXT, add_words

SCHEMA_VERSION = 6


STEMMER = "PySastrawi 1.2.1"


TOKENIZE = "tokenize = 'unicode61 remove_diacritics 2'"


# FTS5 prefix indexes for prefixes of 2 and 3 letters: a short prefix ("pe*") reads one entry of
# the index instead of every word it starts (see benchmarks/README.md for the figures)
PREFIX = "prefix = '2 3'"


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


def _articles(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])


def _pages(
    conn: sqlite3.Connection, progress: Progress | None
) -> Iterator[list[tuple[int, Article]]]:
    """Every article with its rowid, a thousand at a time: a million are never held at once."""
    total = _articles(conn) if progress is not None else 0
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
        total = _articles(conn)
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
