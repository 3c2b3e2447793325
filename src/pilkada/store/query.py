"""Reading the index: the filters it applies (``Filters``), counts, articles in date order
(whole or as listed), one article by id, the check for damage, and the articles quoting or naming
someone, looked up by the first letters of a name's words and by close spellings.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from pilkada.errors import CorpusError
from pilkada.fts import any_of_each, name_match, tokens, translate
from pilkada.models import Article, Listing
from pilkada.names import CLOSE_WORD, FUZZY_LETTERS, name_words
from pilkada.store.db import Progress, snapshot
from pilkada.store.records import Damaged, decode, listed_sum
from pilkada.store.tables import LISTING_COLUMNS
from pilkada.text import fold

_PEOPLE_MATCH = "article_fts WHERE article_fts MATCH ?"


@dataclass(frozen=True)
class Filters:
    """The filters the index applies itself. ``official`` keeps articles naming a person each
    of whose words starts a word of that person's name (a MATCH: a net the tolerant test of
    names is run on again, in Python). ``place`` keeps the articles whose dateline holds it or
    that are about one of ``regions`` (the regions the place names, found in Python by the
    source); without ``place`` it is left to ``corpus.filtered``. ``rowids`` keeps those
    articles only (the articles found to pass a test made in Python)."""

    outlet: str | None = None
    since: date | None = None
    until: date | None = None
    official: str | None = None
    people_match: str | None = None  # a MATCH on the names, as it is (``naming_articles``)
    place: str | None = None
    regions: tuple[str, ...] = ()
    rowids: tuple[int, ...] | None = None

    def where(self, alias: str = "a") -> tuple[str, list[object]]:
        """A SQL condition on ``articles`` (aliased ``alias``) and its parameters."""
        sql: list[str] = []
        args: list[object] = []
        if self.outlet is not None:
            # an empty --outlet keeps every article, as on files (instr of NULL is NULL)
            sql.append(f"instr(coalesce({alias}.outlet_key, ''), ?) > 0")
            args.append(fold(self.outlet))
        if self.since is not None:
            sql.append(f"{alias}.published >= ?")
            args.append(self.since.isoformat())
        if self.until is not None:
            sql.append(f"{alias}.published <= ?")
            args.append(self.until.isoformat())
        for match in (self.people(), self.people_match):
            if match is not None:
                sql.append(f"{alias}.rowid IN (SELECT rowid FROM {_PEOPLE_MATCH})")
                args.append(match)
        if self.official is not None and self.people() is None:
            sql.append("0")  # a name with no words names no one
        if self.place is not None:
            # instr(x, '') is 1: an empty --place keeps every article, as on files
            held = f"instr(coalesce({alias}.place_key, ''), ?) > 0"
            args.append(fold(self.place))
            if self.regions:
                marks = ", ".join("?" * len(self.regions))
                held += (
                    f" OR {alias}.rowid IN (SELECT article FROM regions WHERE region IN ({marks}))"
                )
                args.extend(self.regions)
            sql.append(f"({held})")
        if self.rowids is not None:
            sql.append(f"{alias}.rowid IN (SELECT value FROM json_each(?))")
            args.append(json.dumps(self.rowids))
        return (" AND ".join(sql) or "1"), args

    def people(self) -> str | None:
        """The MATCH term for ``official``: each of its words starts a word of a name."""
        return name_match(self.official, "people") if self.official is not None else None


def count_rows(conn: sqlite3.Connection, table: str = "articles") -> int:
    return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def pages(
    conn: sqlite3.Connection, progress: Progress | None, table: str = "articles", columns: str = ""
) -> Iterator[list[tuple[int, Article, tuple[Any, ...]]]]:
    """Every article of ``table`` with its rowid and ``columns``, a thousand at a time: a
    million are never held at once (``progress`` is told of each thousand)."""
    total = count_rows(conn, table) if progress is not None else 0
    done = last = 0
    more = f", {columns}" if columns else ""
    while rows := conn.execute(
        f"SELECT rowid, data{more} FROM {table} WHERE rowid > ? ORDER BY rowid LIMIT 1000",
        (last,),
    ).fetchall():
        yield [(row[0], decode(row[1]), tuple(row[2:])) for row in rows]
        last = rows[-1][0]
        done += len(rows)
        if progress is not None:
            progress(done, total)


def count(conn: sqlite3.Connection, filters: Filters = Filters()) -> int:
    """The articles passing the filters."""
    where, args = filters.where()
    return int(conn.execute(f"SELECT count(*) FROM articles a WHERE {where}", args).fetchone()[0])


def articles(conn: sqlite3.Connection, filters: Filters = Filters()) -> list[Article]:
    """The articles passing the filters, oldest first, undated last, then by id."""
    return list(iter_articles(conn, filters))


def iter_articles(conn: sqlite3.Connection, filters: Filters = Filters()) -> Iterator[Article]:
    """The same, read as they are used: a million articles are never held at once, and the
    first ones come at once."""
    for (data,) in _in_order(conn, "data", filters):
        yield decode(data)


def iter_listing(conn: sqlite3.Connection, filters: Filters = Filters()) -> Iterator[Listing]:
    """What ``pilkada list`` shows of the articles passing the filters, in the order of
    ``iter_articles``, from the listing's index alone."""
    columns = f"{LISTING_COLUMNS}, outlet_key, listed_sum"
    rows = _in_order(conn, columns, filters, "INDEXED BY articles_listing")
    for ident, published, outlet, dateline, quotes, title, outlet_key, checksum in rows:
        try:
            given = listed_sum(ident, published, outlet_key, outlet, dateline, quotes, title)
        except (TypeError, UnicodeError):
            given = None  # a column of another type than written: damaged as well
        if given != checksum:
            raise Damaged(f"article {ident!r}'s listed columns do not match their checksum")
        try:
            day = date.fromisoformat(published) if published else None
        except (TypeError, ValueError):
            raise Damaged(f"article {ident}'s date {published!r} is not a date") from None
        yield Listing(ident, day, outlet, dateline, quotes, title)


def _in_order(
    conn: sqlite3.Connection, columns: str, filters: Filters, index: str = ""
) -> Iterator[tuple[Any, ...]]:
    """``columns`` of the articles passing the filters, oldest first, undated last, then by id:
    the dated ones in the order of the listing's index, then the rest, from one state of the
    index."""
    where, args = filters.where()
    with snapshot(conn):
        for dated, order in (("IS NOT NULL", "a.published, a.id"), ("IS NULL", "a.id")):
            yield from conn.execute(
                f"SELECT {columns} FROM articles a {index} WHERE a.published {dated} AND {where}"
                f" ORDER BY {order}",
                args,
            )


def find(conn: sqlite3.Connection, ident: str) -> Article:
    """The article with this id, or the only one whose id starts with it; else CorpusError."""
    row = conn.execute("SELECT data FROM articles WHERE id = ?", (ident,)).fetchone()
    if row:
        return decode(row[0])
    rows = conn.execute(
        "SELECT id, data FROM articles WHERE id >= ? AND id < ? ORDER BY id LIMIT 11",
        (ident, ident + "\U0010ffff"),
    ).fetchall()
    if len(rows) == 1:
        return decode(rows[0][1])
    if rows:
        listed = ", ".join(r[0] for r in rows[:10]) + (" …" if len(rows) > 10 else "")
        raise CorpusError(f"{ident!r} matches several articles: {listed}")
    total = count(conn)
    known = ", ".join(r[0] for r in conn.execute("SELECT id FROM articles ORDER BY id LIMIT 10"))
    more = "" if total <= 10 else f" (and {total - 10} more)"
    raise CorpusError(f"no article {ident!r}; ids are: {known}{more}")


# a name looked up in the index for a tolerant match: by the first letters of each word, and
# of the indexed words close to it
NAME_START = 3


_LONGEST_NAME_WORD = 40  # a longer query word is cut in two nowhere (one SQL variable a half)


def quoting_articles(
    conn: sqlite3.Connection, query: str, *, filters: Filters = Filters()
) -> Iterator[Article]:
    """The articles holding a quote whose words match ``query`` (read as a search query, stems
    and all), oldest first, each keeping only its matching quotes; read one at a time."""
    match = translate(query, ("text",), ("stems",)).match
    return _with_quotes(conn, match, filters, only_matching=True)


def naming_articles(
    conn: sqlite3.Connection, name: str, *, filters: Filters = Filters()
) -> list[Article]:
    """The articles naming someone whose name has a word starting as each word of ``name``
    does (``name_net``), oldest first: the candidates for a tolerant test of the name."""
    match = name_net(conn, name, "people")
    return articles(conn, replace(filters, people_match=match)) if match else []


def speaking_articles(
    conn: sqlite3.Connection, speaker: str, *, filters: Filters = Filters()
) -> Iterator[Article]:
    """The articles quoting someone whose name has a word starting as each word of ``speaker``
    does (``name_net``: "laura" and "lauri" fit Asmin Laura Hafid), oldest first, with all
    their quotes, read one at a time: the candidates for a tolerant test of the name."""
    match = name_net(conn, speaker, "speaker")
    return _with_quotes(conn, match, filters, only_matching=False) if match else iter(())


def role_articles(
    conn: sqlite3.Connection, words: str, *, filters: Filters = Filters()
) -> Iterator[Article]:
    """The articles quoting someone whose role has a word starting with each of ``words``
    ("kapolda", "ketua kpu kutai kartanegara"), oldest first, with all their quotes, read one
    at a time."""
    match = name_match(words, "role")
    return _with_quotes(conn, match, filters, only_matching=False) if match else iter(())


def name_net(conn: sqlite3.Connection, name: str, column: str) -> str | None:
    """A MATCH on ``column`` wider than the name, so that a misspelling gets in: each word of
    the name as the first letters of a word ("winarta hafid" -> win* AND haf*), or a word of
    someone's name as close to it as the tolerant match of names asks ("achmad" -> ach* OR
    ahmad, for "Ahmad"), looked for among the indexed words with the same first letter.

    The index cuts a name word at an apostrophe or a hyphen ("Ma'ruf": ma, ruf), the tolerant
    match does not: "Ma'ruf" is looked for as the phrase "ma ruf" and as the word "maruf", and
    "Maruf" also as the phrase "ma ruf" when someone's name has it."""
    groups: list[list[str]] = []
    for word in name_words(name):
        parts = tokens(word)
        if not parts:
            continue
        joined = "".join(parts)
        if len(parts) == 1:
            start = joined[:NAME_START]
            groups.append([f"{start}*", *_close_names(conn, joined, start), *_split(conn, joined)])
        else:
            groups.append([" ".join(parts) + "*", *_close_names(conn, joined, None)])
    return any_of_each(groups, column)


def _close_names(conn: sqlite3.Connection, word: str, start: str | None) -> list[str]:
    """The words of people's names that the tolerant match of names takes for ``word``, of those
    starting with its first letter, but those starting with ``start`` (looked for already)."""
    from rapidfuzz import fuzz, process

    if len(word) < FUZZY_LETTERS:
        return []
    listed = conn.execute(
        "SELECT word FROM words WHERE word >= ? AND word < ?", (word[0], chr(ord(word[0]) + 1))
    )
    close = process.extract(
        word,
        [w for (w,) in listed if start is None or not w.startswith(start)],
        scorer=fuzz.ratio,
        processor=None,
        score_cutoff=CLOSE_WORD,
        limit=None,
    )
    return [w for w, _, _ in close if _someone_has(conn, w)]


def _split(conn: sqlite3.Connection, word: str) -> list[str]:
    """``word`` cut in two where both halves are indexed words and someone's name has them one
    after the other ("maruf" -> "ma ruf", for "Ma'ruf"; "alhabsyi" -> "al habsyi")."""
    if not FUZZY_LETTERS <= len(word) <= _LONGEST_NAME_WORD:
        return []
    halves = [(word[:i], word[i:]) for i in range(1, len(word))]
    indexed = {
        w
        for (w,) in conn.execute(
            f"SELECT word FROM words WHERE word IN ({', '.join('?' * (2 * len(halves)))})",
            [h for pair in halves for h in pair],
        )
    }
    phrases = [f"{a} {b}" for a, b in halves if a in indexed and b in indexed]
    return [p for p in phrases if _someone_has(conn, p)]


def _someone_has(conn: sqlite3.Connection, words: str) -> bool:
    """Whether someone's name has the word (or the words, one after the other), not only the
    text around it."""
    found = conn.execute(f"SELECT 1 FROM {_PEOPLE_MATCH} LIMIT 1", (f'people : "{words}"',))
    return found.fetchone() is not None


def _with_quotes(
    conn: sqlite3.Connection, match: str, filters: Filters, *, only_matching: bool
) -> Iterator[Article]:
    where, args = filters.where()
    # the quotes and their articles from one state of the index: `pilkada index` may replace
    # or drop an article while these are read, which takes a while when a role is in most
    with snapshot(conn):
        rows = conn.execute(
            "SELECT q.article, q.n FROM quotes q JOIN articles a ON a.rowid = q.article"
            " WHERE q.rowid IN (SELECT rowid FROM quote_fts WHERE quote_fts MATCH ?)"
            f" AND {where} ORDER BY a.published IS NULL, a.published, a.id, q.n",
            [match, *args],
        ).fetchall()
        wanted: dict[int, list[int]] = {}
        for article, n in rows:
            wanted.setdefault(article, []).append(n)
        for rowid, ns in wanted.items():  # one article in memory at a time
            (data,) = conn.execute("SELECT data FROM articles WHERE rowid = ?", (rowid,)).fetchone()
            a = decode(data)
            if only_matching:
                if max(ns) >= len(a.quotes):  # the quote list's row names no quote of it
                    raise Damaged(f"a quote the index lists is not in article {a.id}")
                a = a.model_copy(update={"quotes": [a.quotes[n] for n in ns]})
            yield a
