"""What a summary of the index counts, counted in SQL: no Article is decoded. Each function
takes the filters the articles pass (``query.Filters``); with none, it reads the smaller tables
and indexes alone (the listing's index, ``quotes_speaker``, ``regions``, ``word_counts``).
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Callable, Iterable
from datetime import date

from pilkada.store.db import snapshot
from pilkada.store.query import Filters
from pilkada.store.records import day_of, written_counts

_NONE = Filters()
# the columns of articles counted by value (``by_value``)
_COUNTED = ("outlet", "dateline")


def totals(conn: sqlite3.Connection, filters: Filters = _NONE) -> tuple[int, int, int]:
    """How many articles pass the filters, how many quotes they hold, how many are undated."""
    where, args = filters.where()
    row = conn.execute(
        "SELECT count(*), coalesce(sum(quotes), 0), coalesce(sum(published IS NULL), 0)"
        f" FROM articles a WHERE {where}",
        args,
    ).fetchone()
    return int(row[0]), int(row[1]), int(row[2])


def by_day(conn: sqlite3.Connection, filters: Filters = _NONE) -> Counter[date]:
    """The dated articles passing the filters, by the day they were published."""
    where, args = filters.where()
    rows = conn.execute(
        "SELECT published, count(*) FROM articles a INDEXED BY articles_listing"
        f" WHERE published IS NOT NULL AND {where} GROUP BY published",
        args,
    )
    found: Counter[date] = Counter()
    for day, n in rows:
        if (when := day_of(day)) is not None:
            found[when] += n
    return found


def by_value(conn: sqlite3.Connection, column: str, filters: Filters = _NONE) -> Counter[str]:
    """The articles passing the filters by their outlet or dateline (those without one, or
    with an empty one, left out)."""
    if column not in _COUNTED:
        raise ValueError(f"no count of articles by {column!r}")
    where, args = filters.where()
    rows = conn.execute(
        f"SELECT {column}, count(*) FROM articles a INDEXED BY articles_listing"
        f" WHERE {column} != '' AND {where} GROUP BY {column}",
        args,
    )
    return Counter(dict(rows))


def known_regions(conn: sqlite3.Connection) -> list[str]:
    """Every region some article is about."""
    return [str(r) for (r,) in conn.execute("SELECT DISTINCT region FROM regions")]


def by_region(conn: sqlite3.Connection, filters: Filters = _NONE) -> Counter[str]:
    """The articles passing the filters about each region."""
    if filters == _NONE:
        rows = conn.execute("SELECT region, count(*) FROM regions GROUP BY region")
    else:
        where, args = filters.where()
        rows = conn.execute(
            "SELECT r.region, count(*) FROM articles a JOIN regions r ON r.article = a.rowid"
            f" WHERE {where} GROUP BY r.region",
            args,
        )
    return Counter(dict(rows))


def said(conn: sqlite3.Connection, filters: Filters = _NONE) -> Counter[tuple[str, str | None]]:
    """The attributed quotes of the articles passing the filters, by speaker as written and
    role as given (None when none is)."""
    if filters == _NONE:
        rows = conn.execute(
            "SELECT speaker, role, count(*) FROM quotes INDEXED BY quotes_speaker"
            " WHERE speaker IS NOT NULL GROUP BY speaker, role"
        )
    else:
        where, args = filters.where()
        rows = conn.execute(
            "SELECT q.speaker, q.role, count(*) FROM articles a"
            " JOIN quotes q ON q.article = a.rowid"
            f" WHERE q.speaker IS NOT NULL AND {where} GROUP BY q.speaker, q.role",
            args,
        )
    return Counter({(speaker, role): n for speaker, role, n in rows})


def written(
    conn: sqlite3.Connection, filters: Filters = _NONE
) -> Callable[[], Iterable[tuple[str, int]]]:
    """Every word the titles and bodies of the articles passing the filters hold, as written,
    with how often (``summary.Counts.written``): of the whole index, ``word_counts`` (read
    at each call); else counted in one pass over the title and text columns."""
    if filters == _NONE:
        return lambda: conn.execute("SELECT word, count FROM word_counts")
    where, args = filters.where()
    found: Counter[str] = Counter()
    with snapshot(conn):
        for title, text in conn.execute(f"SELECT title, text FROM articles a WHERE {where}", args):
            for word, n in written_counts(title, [text]):
                found[word] += n
    return found.items
