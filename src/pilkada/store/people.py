"""The people across the index: each article's mentions are stored as it is written, and the
``people`` table is resolved from all of them by the roster's rules (``pilkada.roster``), in
the order ``pilkada officials`` reads the articles (by date, undated last, then by id), so that
it holds the roster that command would build from every article.

Every write that changes the mentions marks the people stale (``meta``, in the same
transaction); ``resolve_people`` rebuilds them in one transaction and clears the mark, so an
ingest stopped between the two leaves a mark the next one acts on.
"""

from __future__ import annotations

import json
import sqlite3
from array import array
from collections.abc import Iterator
from datetime import date
from itertools import groupby
from operator import itemgetter
from typing import TYPE_CHECKING

from pilkada.models import Official
from pilkada.store.db import transaction

if TYPE_CHECKING:
    from pilkada.roster import Said

_STALE = ("people", "stale")

# the mentions in the order of their articles' dates, undated last, then ids, then n
_IN_ORDER = [
    "SELECT {columns} FROM articles a INDEXED BY articles_listing"
    " JOIN mentions m ON m.article = a.rowid"
    f" WHERE a.published {dated} ORDER BY {order}, m.n"
    for dated, order in (("IS NOT NULL", "a.published, a.id"), ("IS NULL", "a.id"))
]


def mark_stale(conn: sqlite3.Connection) -> None:
    """The people are to be resolved again (a write changed the mentions)."""
    conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", _STALE)


def people_stale(conn: sqlite3.Connection) -> bool:
    row = conn.execute("SELECT 1 FROM meta WHERE key = ? AND value = ?", _STALE).fetchone()
    return row is not None


def resolve_people(conn: sqlite3.Connection) -> int:
    """Rebuild ``people`` from every mention and point each mention at its person, in one
    transaction; returns how many people there are. Who is who is resolved first (from the
    names and roles alone), then what the mentions say of each person, one at a time."""
    with transaction(conn):
        names = _resolved(conn)
        conn.execute("DELETE FROM people")
        conn.executemany(  # one person at a time: never all of them held
            "INSERT INTO people (rowid, name, honorific, role, region, first_seen, last_seen,"
            " articles, quotes, roles, places, forms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (_row(k, o) for k, o in _people(conn, names)),
        )
        (count,) = conn.execute("SELECT count(*) FROM people").fetchone()
        conn.execute("DELETE FROM meta WHERE key = ?", _STALE[:1])
    return int(count)


def _resolved(conn: sqlite3.Connection) -> list[str]:
    """Point each mention at its person; the name of each person, by rowid less one."""
    from pilkada import roster

    joined = array("l")  # the person of each mention, by index in the roster
    articles, ns = array("q"), array("l")  # and its key (article, n): 16 bytes a mention
    names = roster.resolve_names(_named(conn, articles, ns), joined)
    conn.executemany(
        "UPDATE mentions SET person = ? WHERE article = ? AND n = ?",
        ((at + 1, article, n) for at, article, n in zip(joined, articles, ns, strict=True)),
    )
    return names


def _named(conn: sqlite3.Connection, articles: array[int], ns: array[int]) -> Iterator[Said]:
    """Each mention's name and role, in the order of ``_IN_ORDER``; its key is added to
    ``articles``, ``ns``."""
    from pilkada.roster import Said

    for sql in _IN_ORDER:
        for article, n, name, role in conn.execute(
            sql.format(columns="m.article, m.n, m.name, m.role")
        ):
            articles.append(article)
            ns.append(n)
            yield Said(name, role, None, ())


# every mention with its article's id and date, each person's together, in the order of
# ``_IN_ORDER`` (dated by date, undated last, then by id, then n)
_BY_PERSON = (
    "SELECT m.person, m.name, m.role, m.honorific, m.forms, m.quotes, a.id, a.published"
    " FROM mentions m JOIN articles a ON a.rowid = m.article"
    " ORDER BY m.person, a.published IS NULL, a.published, a.id, m.n"
)


def _people(conn: sqlite3.Connection, names: list[str]) -> Iterator[tuple[int, Official]]:
    """Each person (by rowid) as their mentions show them, under the name resolved."""
    from pilkada.roster import Said, Sighting, seen_as

    rows = conn.execute(_BY_PERSON)
    for person, mentions in groupby(rows, itemgetter(0)):
        seen = (
            Sighting(
                Said(name, role, honorific, json.loads(forms)),
                ident,
                date.fromisoformat(published) if published else None,
                quotes,
            )
            for _, name, role, honorific, forms, quotes, ident, published in mentions
        )
        yield person, seen_as(names[person - 1], seen)


def _row(rowid: int, o: Official) -> tuple[object, ...]:
    return (
        rowid,
        o.name,
        o.honorific,
        o.roles[0] if o.roles else None,
        o.places[0] if o.places else None,
        o.first_seen.isoformat() if o.first_seen else None,
        o.last_seen.isoformat() if o.last_seen else None,
        len(o.articles),
        o.quotes,
        json.dumps(o.roles, ensure_ascii=False),
        json.dumps(o.places, ensure_ascii=False),
        json.dumps(o.forms, ensure_ascii=False),
    )
