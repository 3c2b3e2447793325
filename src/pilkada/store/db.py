"""The index's file: where it is, opening it, transactions and snapshots, and what an error
SQLite gives on it means to the user (``failure``). Holds no SQL of the schema.
"""

from __future__ import annotations

import os
import sqlite3
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

ENVVAR = "PILKADA_DB"


BUSY_TIMEOUT_MS = 10_000


Progress = Callable[[int, int], None]  # (articles done, articles in all)


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


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[None]:
    """All the changes inside, or none: BEGIN IMMEDIATE, then COMMIT, or ROLLBACK on any error.

    SQLite may have rolled back already (a full disk, an I/O error): then the error that made it
    do so is the one raised, not the ROLLBACK's "no transaction is active"."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
        for tally, finish in _DEFERRED.pop(id(conn), {}).values():
            finish(tally)
    except BaseException:
        _DEFERRED.pop(id(conn), None)
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


# what the writes of an open transaction add up, written once before it commits: by
# connection, then by name, the tally and what writes it
_DEFERRED: dict[int, dict[str, tuple[Counter[str], Callable[[Counter[str]], None]]]] = {}


def deferred(
    conn: sqlite3.Connection, name: str, finish: Callable[[Counter[str]], None]
) -> Counter[str]:
    """The tally ``name`` of the transaction open on ``conn`` (``transaction``): the writes in
    it add to it, and ``finish`` writes it once, just before the transaction commits (a batch
    of articles shares most of its words: each is written once, not once an article); a
    rollback drops it."""
    kept = _DEFERRED.setdefault(id(conn), {})
    if name not in kept:
        kept[name] = (Counter(), finish)
    return kept[name][0]


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
