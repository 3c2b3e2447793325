"""Ranked search of the index: bm25 over the full-text table while that is quick, the matches
indexed last (titles first) when a term is in too many articles, and a snippet for each hit.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace

from pilkada.fts import Query, translate
from pilkada.models import Article, Hit
from pilkada.store.query import Filters
from pilkada.store.records import decode
from pilkada.text import best_passage, names_someone, snippet

# bm25 weights: a title counts double; columns title, text, title_stems, text_stems, people
WEIGHTS = "2.0, 1.0, 2.0, 1.0, 0.0"


# A search ranks every match by bm25 while that is quick: while each of its terms is in at most
# BROAD articles (FTS5's bm25 counts the articles of every term, each time, whatever else the
# query says). A broader search shows the matches indexed last, BROAD at a time, those with the
# words in the title first, and says so (``notes``).
BROAD = 2000


# a bare word or a prefix is read as the indexed words starting with it, up to this many
EXPANSIONS = 64


def expander(conn: sqlite3.Connection) -> Callable[[str], Sequence[str] | None]:
    """The indexed words starting with a prefix; None when more than EXPANSIONS do, or when
    one was folded from other letters (FTS5 may hold it in another form: leave it to FTS5)."""

    def expand(prefix: str) -> Sequence[str] | None:
        rows = conn.execute(
            "SELECT word, exact FROM words WHERE word >= ? AND word < ? ORDER BY word LIMIT ?",
            (prefix, prefix + "\U0010ffff", EXPANSIONS + 1),
        ).fetchall()
        if len(rows) > EXPANSIONS or not all(exact for _, exact in rows):
            return None
        return [w for w, _ in rows]

    return expand


def search(
    conn: sqlite3.Connection,
    query: str,
    *,
    limit: int | None = 20,
    filters: Filters = Filters(),
    keep: Callable[[Article], bool] | None = None,
    notes: list[str] | None = None,
) -> list[Hit]:
    """The articles matching a query, best first (bm25), each with a highlighted snippet.

    ``keep``, if given, is a further test each article must pass (applied in Python, in rank
    order, until ``limit`` hits). A search with a term in more than BROAD articles, unless
    ``limit`` is None or 0, shows the matches indexed last, BROAD at a time, those with the
    words in the title first (see ``_newest_first``), and adds a line saying so to ``notes``.
    Raises QueryError for a query with nothing to search for.
    """
    from pilkada.fts import match_spans

    # the words a bare word or a prefix starts, listed: FTS5 reads them as it goes, so that
    # counting and scanning the newest matches stops early; a prefix query reads all first
    listed = translate(query, expand=expander(conn))
    people = filters.people()
    if filters.official is not None and people is None:
        return []
    parts = [*listed.parts, *([people] if people else [])]
    broad = bool(limit) and _broad(conn, parts)
    # ranked by bm25, a prefix is one term: "aman" finding "amanah" must not weigh as a rare word
    q = listed if broad else translate(query)
    match = q.match
    if filters.official is not None:  # one more term for FTS5, not a check of every match
        match = f"({match}) AND ({people})"
        # the words may fit two people of one article: the article must name one with them all
        keep = _naming(filters.official, keep)
        filters = replace(filters, official=None)
    where, args = filters.where()
    # joined with articles only to filter: the join costs more than the ranking itself
    join = " JOIN articles a ON a.rowid = article_fts.rowid" if where != "1" else ""
    ranked: Iterable[tuple[int, float]]
    if broad:
        ranked = _newest_first(conn, q, match, join, where, args, people or match)
        if notes is not None:
            notes.append(
                f"a term of this search is in more than {BROAD:,} articles, too many to rank "
                "by relevance at once: showing the matches indexed last, those with the words "
                "in the title first; --limit 0 ranks every match (slower)"
            )
    else:
        sql = (
            f"SELECT article_fts.rowid, -bm25(article_fts, {WEIGHTS}) AS score"
            f" FROM article_fts{join} WHERE article_fts MATCH ? AND {where}"
            " ORDER BY score DESC, article_fts.rowid"
        )
        params: list[object] = [match, *args]
        if limit and keep is None:
            sql += " LIMIT ?"
            params.append(limit)
        ranked = conn.execute(sql, params).fetchall()
    hits: list[Hit] = []
    for rowid, score in ranked:
        if limit and len(hits) >= limit:
            break
        (data,) = conn.execute("SELECT data FROM articles WHERE rowid = ?", (rowid,)).fetchone()
        a = decode(data)
        if keep is not None and not keep(a):
            continue
        text, spans = best_passage(a, lambda t: match_spans(t, q.terms))
        cut, moved = snippet(text, spans)
        hits.append(
            Hit(
                article_id=a.id,
                title=a.display_title(),
                published=a.published,
                outlet=a.outlet,
                score=round(score, 4),
                snippet=cut,
                highlights=moved,
            )
        )
    return hits


def _broad(conn: sqlite3.Connection, parts: Sequence[str]) -> bool:
    """Whether any of a query's terms is in more than BROAD articles (counting stops there)."""
    return any(
        conn.execute(
            "SELECT count(*) FROM (SELECT rowid FROM article_fts WHERE article_fts MATCH ?"
            " LIMIT ?)",
            (part, BROAD + 1),
        ).fetchone()[0]
        > BROAD
        for part in parts
    )


def _newest_first(
    conn: sqlite3.Connection,
    q: Query,
    match: str,
    join: str,
    where: str,
    args: list[object],
    lead: str,
) -> Iterator[tuple[int, float]]:
    """The matching articles, BROAD at a time from the last indexed, each with a score: 1 with
    a word of the query in the title, else 0; in each BROAD, the titles first, then the last
    indexed first. Read as used: a test applied after (``keep``) reads on until it has enough.

    (Not by date: reading the dates of 2,000 articles takes longer than the rest of a search.)
    """
    expand = expander(conn)
    in_titles = " OR ".join(
        f"({t.expression(('title',), ('title_stems',), expand)})" for t in q.terms
    )
    # with a term every match has, so that a rare one leads the way ("kampanye" of an
    # official's articles: the name, not the half of the index that says "kampanye")
    positive = f"({lead}) AND ({in_titles})"
    before: int | None = None
    while True:
        below = "" if before is None else f" AND article_fts.rowid < {before}"
        rows = [
            r
            for (r,) in conn.execute(
                f"SELECT article_fts.rowid FROM article_fts{join} WHERE article_fts MATCH ?"
                f" AND {where}{below} ORDER BY article_fts.rowid DESC LIMIT ?",
                [match, *args, max(BROAD, 1)],
            )
        ]
        if not rows:
            return
        in_title = {
            r
            for (r,) in conn.execute(
                "SELECT rowid FROM article_fts WHERE article_fts MATCH ? AND rowid >= ?"
                " AND rowid <= ?",
                (positive, rows[-1], rows[0]),
            )
        }
        yield from ((r, 1.0) for r in rows if r in in_title)
        yield from ((r, 0.0) for r in rows if r not in in_title)
        before = rows[-1]


def _naming(official: str, keep: Callable[[Article], bool] | None) -> Callable[[Article], bool]:
    return lambda a: (
        names_someone((p.name for p in a.officials), official) and (keep is None or keep(a))
    )
