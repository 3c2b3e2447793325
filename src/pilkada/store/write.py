"""Writing the index, always inside a transaction (``db.transaction``): articles inserted,
replaced (re-parsed, keeping their rowid and id) and deleted with their full-text rows and quote
rows; the files and lines each came from; the list of indexed words; which articles were stored
under another parser's stamp.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Iterable

from pilkada.store.db import deferred
from pilkada.store.people import mark_stale
from pilkada.store.records import Record
from pilkada.store.tables import ARTICLE_COLUMNS
from pilkada.text import written_words


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


def insert(
    conn: sqlite3.Connection,
    rec: Record,
    known: set[str] | None = None,
    *,
    rowid: int | None = None,
    stamp: str | None = None,
) -> int:
    """Store a new article (its id must be free) under the running parser's stamp; returns
    its rowid.

    ``known``: words already in the word list, which a writer of many articles keeps so that
    each word is added once; the words added here join it. A migration gives the ``rowid`` and
    the ``stamp`` an article had.
    """
    _add_words_of(conn, rec, known)
    marks = ", ".join("?" * (2 + len(_COLUMN_NAMES)))
    cur = conn.execute(
        f"INSERT INTO articles (rowid, id, {ARTICLE_COLUMNS}) VALUES ({marks})",
        (rowid, rec.id, *_columns(rec, stamp)),
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
    settings = ", ".join(f"{name} = ?" for name in _COLUMN_NAMES)
    conn.execute(f"UPDATE articles SET {settings} WHERE rowid = ?", (*_columns(rec, None), rowid))
    _index_text(conn, rowid, rec)


_COLUMN_NAMES = [name.strip() for name in ARTICLE_COLUMNS.split(",")]


def _columns(rec: Record, stamp: str | None) -> tuple[object, ...]:
    """An article's columns after its id, in the order of ``tables.ARTICLE_COLUMNS``."""
    if stamp is None:
        from pilkada import stamp as stamps

        stamp = stamps.current()
    listed_title, outlet, dateline, quotes = rec.listed
    source, title, title_confidence, published_confidence = rec.plain
    _, text, title_stems, text_stems, people = rec.fts
    return (
        rec.key,
        stamp,
        rec.published,
        rec.outlet_key,
        rec.place_key,
        listed_title,
        outlet,
        dateline,
        quotes,
        rec.listed_sum,
        source,
        title,
        title_confidence,
        published_confidence,
        text,
        people,
        title_stems,
        text_stems,
        rec.data,
    )


def _add_words_of(conn: sqlite3.Connection, rec: Record, known: set[str] | None) -> None:
    written = rec.words.split()
    if known is not None and not rec.inexact and known.issuperset(written):
        return  # most articles, once a writer has met a few thousand
    words = frozenset(written)
    if known is not None:
        words -= known
    if words or rec.inexact:
        add_words(conn, words, rec.inexact)
        if known is not None:
            if len(known) > WORDS_REMEMBERED:  # a bound on memory; adding a word again is cheap
                known.clear()
            known |= words


def _index_text(conn: sqlite3.Connection, rowid: int, rec: Record) -> None:
    """An article's quotes, removed lines and mentions as rows, and its text and its quotes'
    into the full-text tables: the values of the rows just written (their content), given as
    they are rather than read back (reading a row back into FTS5 took twice as long)."""
    if rec.quotes:
        # the rowids SQLite gives rows inserted without one: one past the largest, in turn
        first = conn.execute("SELECT coalesce(max(rowid), 0) + 1 FROM quotes").fetchone()[0]
        rows = [
            (first + n, rowid, n, text, speaker or None, role or None, *quoted, stems)
            for n, ((speaker, role, text, stems), quoted) in enumerate(
                zip(rec.quotes, rec.quoted, strict=True)
            )
        ]
        conn.executemany(
            "INSERT INTO quotes (rowid, article, n, text, speaker, role, cue, confidence,"
            " paragraph, stems) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
    conn.executemany(
        "INSERT INTO removed (article, n, line, reason) VALUES (?, ?, ?, ?)",
        ((rowid, n, line, reason) for n, (line, reason) in enumerate(rec.removed)),
    )
    if rec.mentions:
        conn.executemany(
            "INSERT INTO mentions (article, n, name, role, honorific, forms, quotes)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            ((rowid, n, *mention) for n, mention in enumerate(rec.mentions)),
        )
        deferred(conn, "people", lambda _: mark_stale(conn))  # marked once, as it commits
    conn.executemany(
        "INSERT INTO regions (article, n, region) VALUES (?, ?, ?)",
        ((rowid, n, region) for n, region in enumerate(rec.regions)),
    )
    count_words(conn, rec.written.split())
    _, text, title_stems, text_stems, people = rec.fts
    conn.execute(
        f"INSERT INTO article_fts (rowid, {_TEXT}) VALUES (?, ?, ?, ?, ?, ?)",
        (rowid, rec.plain[1], text, title_stems, text_stems, people),
    )
    if rec.quotes:
        conn.executemany(
            f"INSERT INTO quote_fts (rowid, {_QUOTED}) VALUES (?, ?, ?, ?, ?)",
            ((q, speaker, role, text, stems) for q, _, _, text, speaker, role, *_, stems in rows),
        )


# the columns of the full-text tables, as in their content tables
_TEXT = "title, text, title_stems, text_stems, people"
_QUOTED = "speaker, role, text, stems"


def count_words(conn: sqlite3.Connection, words: Iterable[str], sign: int = 1) -> None:
    """Count the words, each as often as it comes, into ``word_counts`` (``sign`` -1: take them
    away), in the transaction open on ``conn``: added up there, and written once before it
    commits (``db.deferred``)."""
    tally = deferred(conn, "word_counts", lambda t: write_counts(conn, t))
    if sign > 0:
        tally.update(words)  # counted in C
    else:
        tally.subtract(words)


def write_counts(conn: sqlite3.Connection, tally: Counter[str]) -> None:
    """The words' changes of counts into ``word_counts``; a word counted no more goes."""
    changed = [(word, n) for word, n in tally.items() if n]
    conn.executemany(
        "INSERT INTO word_counts (word, count) VALUES (?, ?)"
        " ON CONFLICT (word) DO UPDATE SET count = count + excluded.count",
        changed,
    )
    conn.executemany(
        "DELETE FROM word_counts WHERE word = ? AND count <= 0",
        ((word,) for word, n in changed if n < 0),
    )


def add_words(conn: sqlite3.Connection, words: Iterable[str], inexact: Iterable[str] = ()) -> None:
    """Add words to the list of indexed words; an inexact one stays so (see ``words_of``)."""
    conn.executemany("INSERT OR IGNORE INTO words VALUES (?, 1)", ((w,) for w in words))
    if inexact:
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
            delete_article(conn, article)
            ids[unit] = ident
    return ids


def sources_of(conn: sqlite3.Connection, path: str) -> dict[int, tuple[int, str, str]]:
    """The articles a file gave, by line (0 for a whole file): rowid, id and content hash."""
    rows = conn.execute(
        "SELECT s.unit, a.rowid, a.id, a.hash FROM sources s JOIN articles a"
        " ON a.rowid = s.article WHERE s.path = ?",
        (path,),
    )
    return {unit: (rowid, ident, key) for unit, rowid, ident, key in rows}


def unlist_file(conn: sqlite3.Connection, path: str) -> None:
    """Forget that a file was indexed and what it gave; its articles stay (``collect_garbage``)."""
    conn.execute("DELETE FROM sources WHERE path = ?", (path,))
    conn.execute("DELETE FROM files WHERE path = ?", (path,))


def is_orphan(conn: sqlite3.Connection, rowid: int) -> bool:
    """Whether the article at ``rowid`` is stored and no file gives it."""
    if not conn.execute("SELECT 1 FROM articles WHERE rowid = ?", (rowid,)).fetchone():
        return False
    return not conn.execute("SELECT 1 FROM sources WHERE article = ?", (rowid,)).fetchone()


def collect_garbage(conn: sqlite3.Connection) -> int:
    """Delete the articles no file gives any more; returns how many."""
    rows = conn.execute(
        "SELECT rowid FROM articles WHERE rowid NOT IN (SELECT article FROM sources)"
    ).fetchall()
    for (rowid,) in rows:
        delete_article(conn, rowid)
    return len(rows)


def delete_article(conn: sqlite3.Connection, rowid: int) -> None:
    _unindex_text(conn, rowid)
    conn.execute("DELETE FROM articles WHERE rowid = ?", (rowid,))


def _unindex_text(conn: sqlite3.Connection, rowid: int) -> None:
    """An article's text out of the full-text tables (the values indexed are its rows'), and
    its quote, removed and mention rows gone."""
    conn.execute(
        f"INSERT INTO article_fts (article_fts, rowid, {_TEXT})"
        f" SELECT 'delete', rowid, {_TEXT} FROM articles WHERE rowid = ?",
        (rowid,),
    )
    conn.execute(
        f"INSERT INTO quote_fts (quote_fts, rowid, {_QUOTED})"
        f" SELECT 'delete', rowid, {_QUOTED} FROM quotes WHERE article = ?",
        (rowid,),
    )
    row = conn.execute("SELECT title, text FROM articles WHERE rowid = ?", (rowid,)).fetchone()
    if row is not None:
        count_words(conn, written_words(row[0], [row[1]]), -1)
    for table in ("quotes", "removed", "regions"):
        conn.execute(f"DELETE FROM {table} WHERE article = ?", (rowid,))
    if conn.execute("DELETE FROM mentions WHERE article = ?", (rowid,)).rowcount:
        mark_stale(conn)


def indexed_files(conn: sqlite3.Connection) -> list[str]:
    return [row[0] for row in conn.execute("SELECT path FROM files ORDER BY path")]


WORDS_REMEMBERED = 200_000  # words a writer keeps as known to be listed (~16 MB)


_delete_article = delete_article  # the name it had before the store became a package
