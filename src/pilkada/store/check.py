"""The check of an index for damage (``pilkada check``): SQLite's own, FTS5's, and every
article read back and compared with what its rows say."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Any

from pilkada.models import Article, IndexCheck
from pilkada.store.db import BUSY_TIMEOUT_MS, Progress, _open, snapshot
from pilkada.store.query import iter_listing, pages
from pilkada.store.records import Damaged, mentions_of, regions_of


def check(conn: sqlite3.Connection, path: Path, progress: Progress | None = None) -> IndexCheck:
    """Read the whole index for damage; raises Damaged at the first found.

    SQLite's own check of its pages and indexes; FTS5's of the full-text tables (an "INSERT"
    command that changes nothing, so only where the file may be written); then every article:
    its data decodes, its listed columns match their checksum, its quote rows name quotes
    it has, and its plain columns and rows (text, quotes, removed lines, mentions, regions)
    are what the stored Article says. A damaged page can hide rows from a query without any error,
    which only this finds.
    """
    problem = conn.execute("PRAGMA integrity_check(1)").fetchone()[0]
    if problem != "ok":
        raise Damaged(problem.replace("*** in database main ***", "").strip().splitlines()[0])
    full_text = os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)
    if full_text:
        writer = _open(path, write=True)
        try:
            writer.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            for table in ("article_fts", "quote_fts"):
                try:
                    writer.execute(f"INSERT INTO {table} ({table}) VALUES ('integrity-check')")
                except sqlite3.DatabaseError as exc:
                    raise Damaged(f"the full-text table {table}: {exc}") from None
        finally:
            writer.close()
    quotes = 0
    with snapshot(conn):
        for _ in iter_listing(conn):
            pass
        for table, what in (
            ("quotes", "quote"),
            ("removed", "removed"),
            ("mentions", "mention"),
            ("regions", "region"),
        ):
            orphans = conn.execute(
                f"SELECT count(*) FROM {table} WHERE article NOT IN (SELECT rowid FROM articles)"
            ).fetchone()[0]
            if orphans:
                raise Damaged(f"{orphans} {what} rows name no article")
        counts = dict(conn.execute("SELECT article, max(n) + 1 FROM quotes GROUP BY article"))
        articles = 0
        for page in pages(conn, progress):
            for rowid, article, _ in page:
                if counts.pop(rowid, 0) > len(article.quotes):
                    raise Damaged(f"a quote the index lists is not in article {article.id}")
                quotes += len(article.quotes)
            _rows_match(conn, page)
            articles += len(page)
        if counts:
            raise Damaged(f"{len(counts)} quote rows name no article")
    return IndexCheck(db=str(path), articles=articles, quotes=quotes, full_text=full_text)


def _rows_match(conn: sqlite3.Connection, page: list[tuple[int, Article, tuple[Any, ...]]]) -> None:
    """The plain columns and rows of a page of articles hold what each stored Article says
    (all but the stems, which only the search reads, and which its full-text table checks)."""
    first, last = page[0][0], page[-1][0]
    span = (first, last)

    def rows(sql: str) -> dict[int, list[tuple[Any, ...]]]:
        found: dict[int, list[tuple[Any, ...]]] = {}
        for article, *values in conn.execute(
            sql + " WHERE article BETWEEN ? AND ? ORDER BY article, n", span
        ):
            found.setdefault(article, []).append(tuple(values))
        return found

    plain = {
        rowid: tuple(values)
        for rowid, *values in conn.execute(
            "SELECT rowid, source, title, title_confidence, published_confidence, text, people"
            " FROM articles WHERE rowid BETWEEN ? AND ?",
            span,
        )
    }
    quoted = rows("SELECT article, n, text, speaker, role, cue, confidence, paragraph FROM quotes")
    removed = rows("SELECT article, n, line, reason FROM removed")
    mentioned = rows("SELECT article, n, name, role, honorific, forms, quotes FROM mentions")
    about = rows("SELECT article, n, region FROM regions")
    for rowid, a, _ in page:
        expected = (
            (
                a.source,
                a.title,
                a.title_confidence.level.value,
                a.published_confidence.level.value,
                a.text,
                "\n".join(p.name for p in a.officials),
            ),
            [
                (n, q.text, q.speaker, q.role, q.cue, q.confidence.value, q.paragraph)
                for n, q in enumerate(a.quotes)
            ],
            [(n, r.line, r.reason) for n, r in enumerate(a.removed)],
            [(n, *m) for n, m in enumerate(mentions_of(a))],
            list(enumerate(regions_of(a))),
        )
        stored = (
            plain.get(rowid),
            quoted.get(rowid, []),
            removed.get(rowid, []),
            mentioned.get(rowid, []),
            about.get(rowid, []),
        )
        if stored != expected:
            raise Damaged(f"article {a.id}'s plain columns do not match the article stored")
    if set(plain) != {rowid for rowid, _, _ in page}:
        raise Damaged("an article's plain columns do not match the article stored")
