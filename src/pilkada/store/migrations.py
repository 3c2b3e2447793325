"""The migrations of an older index, an ordered list: ``MIGRATIONS[k]`` brings schema ``k + 1``
to ``k + 2``, reading every article when it must, a thousand at a time, with progress. They run
in one transaction (``schema.connect``): an interrupted migration leaves the index as it was.

Each migration writes the tables as they were at the version it brings the index to (the
statements of older schemas are kept here, frozen), so that an index of any version goes
through every step.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Callable, Iterator

from pilkada.models import Article
from pilkada.store.db import Progress
from pilkada.store.query import count_rows, pages
from pilkada.store.records import _listed, fts_values, listed_sum, record, regions_of, words_of
from pilkada.store.tables import (
    ARTICLE_TABLES,
    PREFIX,
    QUOTES_SPEAKER_INDEX,
    REGION_TABLES,
    STAMP_INDEX,
    TOKENIZE,
    WORD_COUNTS,
    statements,
)
from pilkada.store.write import add_words, insert, write_counts
from pilkada.text import written_words

Migration = Callable[[sqlite3.Connection, Progress | None], None]

# the listing's index as schema 4 made it, before the checksum (``_listing``), and as schemas 5
# and 6 had it
LISTING_INDEX_4 = (
    "CREATE INDEX articles_listing ON articles (published, id, outlet_key, outlet, dateline,"
    " quotes, title)"
)
_LISTING_INDEX_5 = (
    "CREATE INDEX articles_listing ON articles (published, id, outlet_key, outlet, dateline,"
    " quotes, title, listed_sum)"
)
# the full-text tables of schema 6: contentless (they held no text)
_ARTICLE_FTS_6 = (
    "CREATE VIRTUAL TABLE article_fts USING fts5 (title, body, title_stems, body_stems, people,"
    f" content = '', {TOKENIZE}, {PREFIX})"
)
_QUOTE_FTS_6 = (
    "CREATE VIRTUAL TABLE quote_fts USING fts5 (speaker, role, text, stems, content = '',"
    f" {TOKENIZE}, {PREFIX})"
)
_INSERT_TEXT_6 = (
    "INSERT INTO article_fts (rowid, title, body, title_stems, body_stems, people)"
    " VALUES (?, ?, ?, ?, ?, ?)"
)
_INSERT_QUOTE_6 = "INSERT INTO quote_fts (rowid, speaker, role, text, stems) VALUES (?, ?, ?, ?, ?)"


def _pages(
    conn: sqlite3.Connection, progress: Progress | None
) -> Iterator[list[tuple[int, Article]]]:
    for page in pages(conn, progress):
        yield [(rowid, article) for rowid, article, _ in page]


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
            conn.execute(_INSERT_TEXT_6, (rowid, *fts_values(article)[0]))


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
    conn.execute(_LISTING_INDEX_5)
    if progress is not None:
        total = count_rows(conn)
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
    conn.execute(_ARTICLE_FTS_6)
    conn.execute(_QUOTE_FTS_6)
    for page in _pages(conn, progress):
        for rowid, article in page:
            text, quotes = fts_values(article)
            conn.execute(_INSERT_TEXT_6, (rowid, *text))
            qids = conn.execute("SELECT rowid FROM quotes WHERE article = ? ORDER BY n", (rowid,))
            conn.executemany(
                _INSERT_QUOTE_6, ((q, *v) for (q,), v in zip(qids, quotes, strict=True))
            )


def _plain_tables(conn: sqlite3.Connection, progress: Progress | None) -> None:
    """Schema 6 -> 7: the articles, their quotes, removed lines and people as plain tables, and
    full-text tables over them (``tables.ARTICLE_TABLES``), filled from each stored Article, a
    thousand at a time, as ``pilkada index`` writes a new one (so with what schema 8 added).
    Each article keeps its rowid (which ``sources`` names), id, hash and stamp: one an older
    parser made is re-parsed by the next ``pilkada index``, as before. The people are resolved
    by that ``pilkada index``.

    The old tables are renamed aside while the new ones fill, without rewriting what refers to
    them (``legacy_alter_table``: ``sources`` goes on naming ``articles``), then dropped."""
    for name in ("articles_listing", "articles_stamp", "quotes_article"):
        conn.execute(f"DROP INDEX {name}")
    conn.execute("DROP TABLE article_fts")
    conn.execute("DROP TABLE quote_fts")
    conn.execute("DROP TABLE quotes")
    conn.execute("PRAGMA legacy_alter_table = ON")
    try:
        conn.execute("ALTER TABLE articles RENAME TO articles_6")
    finally:
        conn.execute("PRAGMA legacy_alter_table = OFF")
    for statement in statements(ARTICLE_TABLES):
        conn.execute(statement)
    known: set[str] = set()
    for page in pages(conn, progress, "articles_6", "hash, stamp"):
        for rowid, article, (key, stamp) in page:
            insert(conn, record(article, key), known, rowid=rowid, stamp=stamp)
    conn.execute("DROP TABLE articles_6")


def _regions_and_word_counts(conn: sqlite3.Connection, progress: Progress | None) -> None:
    """Schema 7 -> 8: the regions each article is about (``regions``), the words of all of them
    counted (``word_counts``) and the quotes indexed by speaker, so that a summary of the index
    is SQL. Filled from each stored Article, a thousand at a time. An index migrated from schema
    6 has them already: that step writes its articles as ``pilkada index`` writes them today."""
    known = conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'regions'").fetchone()
    if known is not None:
        if progress is not None:
            total = count_rows(conn)
            progress(total, total)
        return
    for statement in (*statements(REGION_TABLES), WORD_COUNTS, QUOTES_SPEAKER_INDEX):
        conn.execute(statement)
    for page in _pages(conn, progress):
        written: Counter[str] = Counter()
        for rowid, article in page:
            conn.executemany(
                "INSERT INTO regions (article, n, region) VALUES (?, ?, ?)",
                ((rowid, n, r) for n, r in enumerate(regions_of(article))),
            )
            written.update(written_words(article.title, article.paragraphs))
        write_counts(conn, written)  # a page at a time: the words of a million are never held


MIGRATIONS: list[Migration] = [
    _people_in_article_fts,
    _word_list,
    _listing,
    _listing_checksum,
    _stamp_and_prefixes,
    _plain_tables,
    _regions_and_word_counts,
]
