"""Reading the people of the index (``people``, resolved at ingest: ``store.people``) as
``Official`` rows, in SQL: no Article is decoded.

Without filters a person's row is theirs across the index. With filters, the mentions of the
articles passing them are added up by the person the whole index resolved them to: everything
but the name (honorific, forms, roles, places, articles, quotes, first and last seen) is what
those articles show, as the roster of them would have it; the name stays the fullest the
index knows, so that a row is the same person under any filter.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import Any

from pilkada.models import Official, trusted
from pilkada.store.db import snapshot
from pilkada.store.query import Filters, name_net
from pilkada.store.records import day_of, keyed_reads
from pilkada.text import fold

# the orders of ``people``; each row's output columns are named as people's are
_ORDERS = {
    "quotes": "quotes DESC, articles DESC, pilkada_casefold(name)",
    "articles": "articles DESC, quotes DESC, pilkada_casefold(name)",
    "name": "pilkada_casefold(name)",
    "first": "first_seen IS NULL, first_seen, pilkada_casefold(name)",
    "last": "last_seen IS NULL, last_seen DESC, pilkada_casefold(name)",
}
# ties as the roster orders people (``roster.by_quotes``), then in the order first seen
_TIES = "quotes DESC, articles DESC, pilkada_fold(name), person"
# roles, places and forms as one JSON array of the three: one decoding a person, not three
_COLUMNS = "name, honorific, '[' || roles || ',' || places || ',' || forms || ']' AS lists"
_BATCH = 500  # people whose article ids are asked for at once

# (roles, places) -> whether to keep a person
Keep = Callable[[list[str], list[str]], bool]


def _functions(conn: sqlite3.Connection) -> None:
    conn.create_function("pilkada_casefold", 1, str.casefold, deterministic=True)
    conn.create_function("pilkada_fold", 1, fold, deterministic=True)


def _people_sql(filters: Filters | None, persons: int | None) -> tuple[str, list[object]]:
    """The people (each row: person, name, honorific, lists (roles, places, forms), articles,
    quotes, first_seen, last_seen): every one, or with ``filters`` those the articles passing them
    name, counted there; ``persons`` > 0 keeps those whose rowids a JSON list (the next
    parameter) gives."""
    args: list[object] = []
    chosen = ""
    if persons:
        chosen = " AND {alias} IN (SELECT value FROM json_each(?))"
    if filters is None:
        where = chosen.format(alias="rowid")
        sql = (
            f"SELECT rowid AS person, {_COLUMNS}, articles, quotes, first_seen, last_seen"
            f" FROM people WHERE 1{where}"
        )
        return sql, args
    where, args = filters.where()
    sql = (
        "WITH seen AS (SELECT m.person AS person, count(DISTINCT m.article) AS articles,"
        " sum(m.quotes) AS quotes, min(a.published) AS first_seen,"
        " max(a.published) AS last_seen FROM articles a JOIN mentions m ON m.article = a.rowid"
        f" WHERE {where}{chosen.format(alias='m.person')} GROUP BY m.person)"
        f" SELECT s.person AS person, {_COLUMNS}, s.articles AS articles, s.quotes AS quotes,"
        " s.first_seen AS first_seen, s.last_seen AS last_seen"
        " FROM seen s JOIN people p ON p.rowid = s.person"
    )
    return sql, args


def officials(
    conn: sqlite3.Connection,
    filters: Filters | None = None,
    *,
    sort: str = "quotes",
    keep: Keep | None = None,
) -> Iterator[Official]:
    """The people as Officials in the order ``sort`` names (quotes, articles, name, first,
    last; ties as ``sources.sorted_people`` breaks them), read as they are used: with
    ``filters``, only those the articles passing them name, counted there (see the module);
    ``keep`` is asked of each person's roles and places. Each lists the ids of the articles
    naming them (those passing the filters), oldest first, undated last, then by id."""
    _functions(conn)
    sql, args = _people_sql(filters, None)
    with snapshot(conn), keyed_reads():
        rows = conn.execute(f"SELECT * FROM ({sql}) ORDER BY {_ORDERS[sort]}, {_TIES}", args)
        yield from _with_articles(conn, rows, filters, keep)


def officials_at(
    conn: sqlite3.Connection, persons: list[int], filters: Filters | None = None
) -> list[tuple[int, Official]]:
    """The people whose rowids are given, each with its rowid, in the roster's order
    (``roster.by_quotes``): with ``filters``, those the articles passing them name, counted
    there."""
    if not persons:
        return []
    _functions(conn)
    sql, args = _people_sql(filters, len(persons))
    args = [*args, json.dumps(persons)]
    with snapshot(conn), keyed_reads():
        rows = conn.execute(f"SELECT * FROM ({sql}) ORDER BY {_TIES}", args).fetchall()
        return list(
            zip(
                (int(r[0]) for r in rows),
                _with_articles(conn, iter(rows), filters, None),
                strict=True,
            )
        )


def candidates(conn: sqlite3.Connection, name: str) -> list[int]:
    """The people resolved from a mention in an article naming someone whose name words start
    as the name's do or are close to them (``query.name_net``): the candidates for a tolerant
    test of the name, in Python."""
    match = name_net(conn, name, "people")
    if match is None:
        return []
    rows = conn.execute(
        "SELECT DISTINCT m.person FROM mentions m WHERE m.person IS NOT NULL AND m.article IN"
        " (SELECT rowid FROM article_fts WHERE article_fts MATCH ?) ORDER BY m.person",
        (match,),
    )
    return [int(person) for (person,) in rows]


def naming_rowids(
    conn: sqlite3.Connection, persons: list[int], filters: Filters | None = None
) -> list[int]:
    """The rowids of the articles (passing the filters) that name any of the people."""
    where, args = (filters or Filters()).where()
    rows = conn.execute(
        "SELECT DISTINCT a.rowid FROM mentions m JOIN articles a ON a.rowid = m.article"
        f" WHERE m.person IN (SELECT value FROM json_each(?)) AND {where}",
        [json.dumps(persons), *args],
    )
    return [int(rowid) for (rowid,) in rows]


def mention_names(conn: sqlite3.Connection, filters: Filters) -> Iterator[tuple[int, str]]:
    """Each article passing the filters with the name of each person it names (rowid, name):
    what a tolerant test of a name is run on, in Python."""
    where, args = filters.where()
    return conn.execute(
        f"SELECT a.rowid, m.name FROM articles a JOIN mentions m ON m.article = a.rowid"
        f" WHERE {where}",
        args,
    )


def _with_articles(
    conn: sqlite3.Connection,
    rows: Iterator[tuple[Any, ...]],
    filters: Filters | None,
    keep: Keep | None,
) -> Iterator[Official]:
    """Officials of the rows, each with the ids of its articles, a batch of people at a time:
    as the row has them, or with filters as the mentions of the articles passing them show
    them (``roster.seen_as``)."""
    while batch := list(islice(rows, _BATCH)):
        if filters is None:
            found: Iterable[Official] = _whole(conn, batch)
        else:
            found = _seen(conn, batch, filters)
        for o in found:
            if keep is None or keep(o.roles, o.places):
                yield o


def _whole(conn: sqlite3.Connection, batch: list[tuple[Any, ...]]) -> Iterator[Official]:
    """The people of the rows as the index resolved them, with their articles' ids."""
    ids: dict[int, list[str]] = {}
    asked = json.dumps([row[0] for row in batch])
    for person, ident in conn.execute(_IDS, (asked,)):
        ids.setdefault(person, []).append(ident)
    for person, name, honorific, lists, _, quotes, first, last in batch:
        roles, places, forms = json.loads(lists)
        yield trusted(  # validated already, as the articles were
            Official,
            name=name,
            honorific=honorific,
            forms=forms,
            roles=roles,
            places=places,
            articles=ids.get(person, []),
            quotes=quotes,
            first_seen=day_of(first),
            last_seen=day_of(last),
        )


def _seen(
    conn: sqlite3.Connection, batch: list[tuple[Any, ...]], filters: Filters
) -> Iterator[Official]:
    """The people of the rows as the mentions of the articles passing the filters show them."""
    from pilkada.roster import Said, Sighting, seen_as

    where, args = filters.where()
    seen: dict[int, list[Sighting]] = {}
    asked = json.dumps([row[0] for row in batch])
    for person, name, role, honorific, forms, quotes, ident, published in conn.execute(
        f"{_MENTIONS} AND {where} ORDER BY m.person, {_IN_ORDER}, m.n", [asked, *args]
    ):
        said = Said(name, role, honorific, json.loads(forms))  # as the people's pass reads one
        seen.setdefault(person, []).append(Sighting(said, ident, day_of(published), quotes))
    for row in batch:
        yield seen_as(row[1], seen.get(row[0], []))


# the articles of people (a JSON list of their rowids), distinct, in the order of the roster
_IN_ORDER = "a.published IS NULL, a.published, a.id"
_IDS = (
    "SELECT m.person, a.id FROM mentions m JOIN articles a ON a.rowid = m.article"
    " WHERE m.person IN (SELECT value FROM json_each(?))"
    f" GROUP BY m.person, a.rowid ORDER BY m.person, {_IN_ORDER}"
)
# and their mentions, each with its article's id and date
_MENTIONS = (
    "SELECT m.person, m.name, m.role, m.honorific, m.forms, m.quotes, a.id, a.published"
    " FROM mentions m JOIN articles a ON a.rowid = m.article"
    " WHERE m.person IN (SELECT value FROM json_each(?))"
)
