"""Opening the index with its schema: ``connect`` creates the tables of a new index
(``tables.SCHEMA``) and brings an older one up to date with the migrations
(``migrations.MIGRATIONS``), all of them in one transaction, with progress: an interrupted
migration leaves the older index as it was.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

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
from pilkada.store.migrations import MIGRATIONS
from pilkada.store.tables import (
    SCHEMA,
    SCHEMA_VERSION,
    STEMMER,
    statements,
)

# the page cache of a writer's connection: 32 MB (a negative cache_size counts KiB). A batch of
# a thousand articles (some 20 MB of pages) mostly fits, so fewer of its pages are spilled to
# the log before it commits and written again (a build's system time: -25%); a reader's cache
# stays SQLite's 2 MB
WRITER_CACHE = -32_000


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
            conn.execute(f"PRAGMA cache_size = {WRITER_CACHE}")
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
        for statement in statements(SCHEMA):
            conn.execute(statement)
        conn.execute("INSERT INTO meta VALUES ('stemmer', ?)", (STEMMER,))
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


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
    if version < 1 or len(MIGRATIONS) < SCHEMA_VERSION - 1:
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
            MIGRATIONS[v - 1](conn, _step(progress, k, len(steps)))
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


def _step(progress: Progress | None, k: int, steps: int) -> Progress | None:
    """``progress`` of step ``k`` of a migration through ``steps`` schemas, each a pass over the
    articles: told as one pass that goes on, not as passes starting over."""
    if progress is None or steps == 1:
        return progress
    told = progress
    return lambda done, total: told(k * total + done, steps * total)
