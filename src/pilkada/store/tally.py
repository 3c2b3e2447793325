"""What a summary of the index counts, counted in SQL: no Article is decoded. Each function
takes the filters the articles pass (``query.Filters``); with none, it reads the smaller tables
and indexes alone (the listing's index, ``quotes_speaker``, ``regions``, ``word_counts``).
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Callable, Iterable
from datetime import date

from pilkada.store.db import snapshot
from pilkada.store.query import Filters
from pilkada.store.records import day_of, keyed_reads
from pilkada.text import written_words

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


Key = Callable[[str], str | None]  # what a name or a word is counted by (None: not counted)


def _quoted(filters: Filters) -> tuple[str, str, list[object]]:
    """The quotes of the articles passing the filters: FROM, WHERE and its parameters."""
    if filters == _NONE:
        return "quotes q", "1", []
    where, args = filters.where()
    return "articles a JOIN quotes q ON q.article = a.rowid", where, args


def ranked_speakers(
    conn: sqlite3.Connection, top: int, key: Key, filters: Filters = _NONE
) -> tuple[list[tuple[str, int]], list[tuple[tuple[str, str | None], int]]]:
    """The ``top`` speakers most quoted in the articles passing the filters, each the ``key``
    of the names as written (how many quotes; ties by key), and the quotes of every name
    written with one of those keys, by name and role: ranked in SQL, so that a million
    speakers are never held in memory at once (``key`` is asked of each name once)."""
    conn.create_function("pilkada_speaker_key", 1, key, deterministic=True)
    scope, where, args = _quoted(filters)
    with keyed_reads():
        return _ranked_speakers(conn, top, scope, where, args)


def _ranked_speakers(
    conn: sqlite3.Connection, top: int, scope: str, where: str, args: list[object]
) -> tuple[list[tuple[str, int]], list[tuple[tuple[str, str | None], int]]]:
    ranked = conn.execute(
        "SELECT k, sum(n) AS total FROM (SELECT pilkada_speaker_key(speaker) AS k, n FROM"
        f" (SELECT q.speaker AS speaker, count(*) AS n FROM {scope}"
        f" WHERE q.speaker IS NOT NULL AND {where} GROUP BY q.speaker))"
        " WHERE k IS NOT NULL GROUP BY k ORDER BY total DESC, k LIMIT ?",
        [*args, top],
    ).fetchall()
    keys = json.dumps([k for k, _ in ranked])
    rows = conn.execute(
        f"SELECT q.speaker, q.role, count(*) FROM {scope} WHERE q.speaker IN (SELECT s FROM"
        " (SELECT DISTINCT speaker AS s FROM quotes WHERE speaker IS NOT NULL)"
        " WHERE pilkada_speaker_key(s) IN (SELECT value FROM json_each(?)))"
        f" AND {where} GROUP BY q.speaker, q.role",
        [keys, *args],
    )
    return [(k, int(n)) for k, n in ranked], [((s, r), int(n)) for s, r, n in rows.fetchall()]


def ranked_words(
    conn: sqlite3.Connection, top: int, key: Key
) -> tuple[list[tuple[str, int]], list[tuple[str, int]]]:
    """The ``top`` words most written in the whole index, each the ``key`` of the words as
    written (None: a word not counted), with how often (ties by key), and every word written
    with one of those keys and its count: from ``word_counts``, ranked in SQL."""
    conn.create_function("pilkada_word_key", 1, key, deterministic=True)
    with keyed_reads():
        return _ranked_words(conn, top)


def _ranked_words(
    conn: sqlite3.Connection, top: int
) -> tuple[list[tuple[str, int]], list[tuple[str, int]]]:
    ranked = conn.execute(
        "SELECT k, sum(count) AS total FROM (SELECT pilkada_word_key(word) AS k, count"
        " FROM word_counts) WHERE k IS NOT NULL GROUP BY k ORDER BY total DESC, k LIMIT ?",
        (top,),
    ).fetchall()
    forms = conn.execute(
        "SELECT word, count FROM word_counts"
        " WHERE pilkada_word_key(word) IN (SELECT value FROM json_each(?))",
        (json.dumps([k for k, _ in ranked]),),
    )
    return [(k, int(n)) for k, n in ranked], [(w, int(n)) for w, n in forms.fetchall()]


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
            found.update(written_words(title, [text]))
    return found.items
