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
from typing import TYPE_CHECKING

from pilkada.models import Official
from pilkada.store.db import transaction

if TYPE_CHECKING:
    from pilkada.roster import Sighting

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
    transaction; returns how many people there are."""
    from pilkada import roster

    joined = array("l")  # the person of each mention, by index in the roster
    articles, ns = array("q"), array("l")  # and its key (article, n): 16 bytes a mention
    with transaction(conn):
        people = roster.resolve_counted(_sightings(conn, articles, ns), joined)
        conn.execute("DELETE FROM people")
        conn.executemany(  # one person at a time: never all of them held
            "INSERT INTO people (rowid, name, honorific, role, region, first_seen, last_seen,"
            " articles, quotes, roles, places, forms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (_row(k, o, named_in) for k, (o, named_in) in enumerate(people, 1)),
        )
        (count,) = conn.execute("SELECT count(*) FROM people").fetchone()
        conn.executemany(
            "UPDATE mentions SET person = ? WHERE article = ? AND n = ?",
            ((at + 1, article, n) for at, article, n in zip(joined, articles, ns, strict=True)),
        )
        conn.execute("DELETE FROM meta WHERE key = ?", _STALE[:1])
    return int(count)


def _sightings(
    conn: sqlite3.Connection, articles: array[int], ns: array[int]
) -> Iterator[Sighting]:
    """Each mention as the roster reads a person an article names, in the order of ``_IN_ORDER``
    (an article's id read once for all its mentions); its key is added to ``articles``, ``ns``."""
    from pilkada.roster import Said, Sighting

    columns = "m.article, m.n, m.name, m.role, m.honorific, m.forms, m.quotes, a.id, a.published"
    last, ident, day = -1, "", None
    for sql in _IN_ORDER:
        for article, n, name, role, honorific, forms, quotes, key, published in conn.execute(
            sql.format(columns=columns)
        ):
            articles.append(article)
            ns.append(n)
            if article != last:
                last, ident = article, key
                day = date.fromisoformat(published) if published else None
            yield Sighting(Said(name, role, honorific, json.loads(forms)), ident, day, quotes)


def _row(rowid: int, o: Official, articles: int) -> tuple[object, ...]:
    return (
        rowid,
        o.name,
        o.honorific,
        o.roles[0] if o.roles else None,
        o.places[0] if o.places else None,
        o.first_seen.isoformat() if o.first_seen else None,
        o.last_seen.isoformat() if o.last_seen else None,
        articles,
        o.quotes,
        json.dumps(o.roles, ensure_ascii=False),
        json.dumps(o.places, ensure_ascii=False),
        json.dumps(o.forms, ensure_ascii=False),
    )
