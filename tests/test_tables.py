"""The index's plain tables (schema 8): what other programs read, kept right through re-index,
removal and migration from schema 6."""

from __future__ import annotations

import json
import shutil
import sqlite3
from collections import Counter
from pathlib import Path

import pytest

from pilkada import ingest, roster, store
from pilkada.text import written_words
from test_store import SEEDS, as_schema_6, as_schema_7, interrupting, reopened


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "index.db"
    ingest.ingest(path, [str(SEEDS)], jobs=1)
    return path


def rows(conn: sqlite3.Connection, sql: str) -> list[tuple[object, ...]]:
    return conn.execute(sql).fetchall()


def test_the_plain_tables_hold_each_article_as_parsed(db: Path) -> None:
    conn = sqlite3.connect(db)  # as any program opens it: no pilkada code
    articles = store.articles(store.connect(db))
    by_id = {a.id: a for a in articles}
    found = rows(
        conn,
        "SELECT id, source, title, outlet, dateline, published, title_confidence, text, quotes"
        " FROM articles",
    )
    assert len(found) == 5
    for ident, source, title, outlet, dateline, published, confidence, text, quotes in found:
        a = by_id[str(ident)]
        assert (source, title, outlet, dateline) == (a.source, a.title, a.outlet, a.dateline)
        assert published == (a.published.isoformat() if a.published else None)
        assert confidence == a.title_confidence.level.value
        assert text == "\n\n".join(a.paragraphs) and quotes == len(a.quotes)
    quoted = rows(
        conn,
        "SELECT a.id, q.n, q.text, q.speaker, q.role, q.cue, q.confidence, q.paragraph"
        " FROM quotes q JOIN articles a ON a.rowid = q.article ORDER BY a.id, q.n",
    )
    assert quoted == [
        (a.id, n, q.text, q.speaker, q.role, q.cue, q.confidence.value, q.paragraph)
        for a in sorted(articles, key=lambda a: a.id)
        for n, q in enumerate(a.quotes)
    ]
    removed = rows(
        conn,
        "SELECT a.id, r.line, r.reason FROM removed r JOIN articles a"
        " ON a.rowid = r.article ORDER BY a.id, r.n",
    )
    assert removed == [
        (a.id, r.line, r.reason) for a in sorted(articles, key=lambda a: a.id) for r in a.removed
    ]
    assert removed  # the seeds have chrome taken out


def test_a_search_of_the_articles_table_returns_its_text(db: Path) -> None:
    conn = sqlite3.connect(db)
    found = rows(
        conn,
        "SELECT id, text FROM articles WHERE rowid IN"
        " (SELECT rowid FROM article_fts WHERE article_fts MATCH 'netralitas')",
    )
    assert found and all("netralitas" in str(text).lower() for _, text in found)
    said = rows(
        conn,
        "SELECT speaker, text FROM quote_fts WHERE quote_fts MATCH 'speaker : laura'",
    )
    assert said and all(speaker == "Asmin Laura Hafid" and text for speaker, text in said)
    keys = {
        (table, parent)
        for table in ("quotes", "removed", "mentions", "sources")
        for (_, _, parent, *_rest) in conn.execute(f"PRAGMA foreign_key_list({table})")
    }
    assert keys == {
        ("quotes", "articles"),
        ("removed", "articles"),
        ("mentions", "articles"),
        ("mentions", "people"),
        ("sources", "articles"),
    }
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []


def test_the_people_are_the_roster_of_every_article(db: Path) -> None:
    conn = sqlite3.connect(db)
    built = roster.build_roster(store.iter_articles(store.connect(db)))
    people = rows(
        conn,
        "SELECT rowid, name, honorific, roles, places, forms, articles, quotes, first_seen,"
        " last_seen FROM people",
    )
    assert sorted(
        (name, honorific, json.loads(roles), json.loads(places), json.loads(forms), n, q, f, last)
        for _, name, honorific, roles, places, forms, n, q, f, last in people
    ) == sorted(
        (
            o.name,
            o.honorific,
            o.roles,
            o.places,
            o.forms,
            len(o.articles),
            o.quotes,
            o.first_seen.isoformat() if o.first_seen else None,
            o.last_seen.isoformat() if o.last_seen else None,
        )
        for o in built
    )
    articles_of = {
        name: sorted(
            str(i)
            for (i,) in conn.execute(
                "SELECT DISTINCT a.id FROM mentions m JOIN articles a ON a.rowid = m.article"
                " JOIN people p ON p.rowid = m.person WHERE p.name = ?",
                (name,),
            )
        )
        for _, name, *_rest in people
    }
    assert articles_of == {o.name: sorted(o.articles) for o in built}
    assert rows(conn, "SELECT count(*) FROM mentions WHERE person IS NULL") == [(0,)]
    assert not store.people_stale(store.connect(db))


def counted(db: Path) -> Counter[str]:
    """Every word of the stored articles, as a summary counts them."""
    found: Counter[str] = Counter()
    for a in store.iter_articles(store.connect(db)):
        found.update(written_words(a.title, a.paragraphs))
    return found


def test_the_regions_and_word_counts_are_each_articles(db: Path) -> None:
    conn = sqlite3.connect(db)
    regions = rows(
        conn,
        "SELECT a.id, r.region FROM regions r JOIN articles a ON a.rowid = r.article"
        " ORDER BY a.id, r.n",
    )
    articles = sorted(store.articles(store.connect(db)), key=lambda a: a.id)
    assert regions == [(a.id, p) for a in articles for p in a.places] and regions
    assert dict(rows(conn, "SELECT word, count FROM word_counts")) == counted(db)


def test_a_reparsed_article_counts_its_words_once(db: Path) -> None:
    conn = store.connect(db, write=True)
    before = dict(rows(conn, "SELECT word, count FROM word_counts"))
    (rowid,) = conn.execute("SELECT rowid FROM articles WHERE id LIKE '004%'").fetchone()
    article = store.find(conn, "004")
    with store.transaction(conn):
        store.replace_article(conn, rowid, store.record(article, "other"))
    assert dict(rows(conn, "SELECT word, count FROM word_counts")) == before


def test_removing_a_file_takes_its_rows_and_its_people_away(db: Path, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    path = tmp_path / "other.db"
    ingest.ingest(path, [str(corpus)], jobs=1)
    (corpus / "002_efa76e8ac3ecdc46.txt").unlink()
    ingest.ingest(path, [str(corpus)], prune=True, jobs=1)
    conn = sqlite3.connect(path)
    assert rows(conn, "SELECT count(*) FROM articles") == [(4,)]
    for table in ("quotes", "removed", "mentions", "regions"):
        orphans = f"SELECT count(*) FROM {table} WHERE article NOT IN (SELECT rowid FROM articles)"
        assert rows(conn, orphans) == [(0,)]
    assert dict(rows(conn, "SELECT word, count FROM word_counts")) == counted(path)
    names = {name for (name,) in conn.execute("SELECT name FROM people")}
    assert "Asmin Laura Hafid" not in names and "Teguh Wibowo" in names
    assert rows(conn, "SELECT count(*) FROM article_fts WHERE article_fts MATCH 'nunukan'") == [
        (0,)
    ]
    assert store.check(store.connect(path), path).articles == 4


def test_schema_6_is_migrated_to_plain_tables(db: Path) -> None:
    """A schema-6 index keeps only the compressed Article and the listing: schema 7 fills its
    plain tables from each, keeping every rowid, id, hash and stamp, and lists and searches
    as before; the next `pilkada index` resolves the people."""
    conn = store.connect(db, write=True)
    tables = ("articles", "quotes", "removed", "mentions", "regions", "word_counts")
    before = {t: rows(conn, f"SELECT * FROM {t} ORDER BY 1, 2") for t in tables}
    listing = list(store.iter_listing(conn))
    queries = ["pe*", "netral*", "kampanye pilkada", '"politik uang"']
    found = {q: [h.article_id for h in store.search(conn, q, limit=0)] for q in queries}
    as_schema_6(conn)
    told: list[tuple[int, int]] = []
    conn = store.connect(reopened(conn), write=True, progress=lambda d, t: told.append((d, t)))
    assert told == [(5, 10), (10, 10)]  # the plain tables; schema 8's were written with them
    assert conn.execute("PRAGMA user_version").fetchone()[0] == store.SCHEMA_VERSION == 8
    mentions = rows(conn, "SELECT * FROM mentions ORDER BY 1, 2")
    assert [m[:2] + m[3:] for m in mentions] == [m[:2] + m[3:] for m in before["mentions"]]
    for t in ("articles", "quotes", "removed", "regions", "word_counts"):
        assert rows(conn, f"SELECT * FROM {t} ORDER BY 1, 2") == before[t]
    assert list(store.iter_listing(conn)) == listing
    assert {q: [h.article_id for h in store.search(conn, q, limit=0)] for q in queries} == found
    assert not store.any_stale(conn) and store.people_stale(conn)
    report = ingest.ingest(db, [str(SEEDS)], jobs=1)
    assert report.unchanged == 5 and not store.people_stale(conn)
    assert rows(conn, "SELECT count(*) FROM mentions WHERE person IS NULL") == [(0,)]
    store.check(conn, db)


def interrupted(path: Path, step: str, monkeypatch: pytest.MonkeyPatch) -> sqlite3.Connection:
    """The index at ``path`` migrated until ``store.migrations.<step>`` is called the fourth
    time, then Ctrl-C; the file opened as it was left."""
    monkeypatch.setattr(store.migrations, step, interrupting(getattr(store.migrations, step)))
    with pytest.raises(KeyboardInterrupt):
        store.connect(path, write=True)
    return sqlite3.connect(path)


def test_schema_7_is_migrated_to_regions_and_word_counts(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Schema 8 adds the regions of each article, the words of all of them counted and an
    index of the quotes by speaker, filled from each stored Article; stopped halfway, the index
    stays at schema 7."""
    conn = store.connect(db, write=True)
    before = {t: rows(conn, f"SELECT * FROM {t} ORDER BY 1, 2") for t in ("regions", "word_counts")}
    assert before["regions"] and before["word_counts"]
    as_schema_7(conn)
    path = reopened(conn)
    old = interrupted(path, "written_words", monkeypatch)
    assert old.execute("PRAGMA user_version").fetchone()[0] == 7
    names = {name for (name,) in old.execute("SELECT name FROM sqlite_master")}
    assert not names & {"regions", "word_counts", "quotes_speaker"}
    old.close()
    monkeypatch.undo()
    told: list[tuple[int, int]] = []
    conn = store.connect(path, write=True, progress=lambda d, t: told.append((d, t)))
    assert told == [(5, 5)]
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 8
    for t, was in before.items():
        assert rows(conn, f"SELECT * FROM {t} ORDER BY 1, 2") == was
    plan = rows(conn, "EXPLAIN QUERY PLAN SELECT speaker, count(*) FROM quotes GROUP BY speaker")
    assert "quotes_speaker" in str(plan)


def test_an_interrupted_migration_to_plain_tables_leaves_schema_6(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    conn = store.connect(db, write=True)
    listing = list(store.iter_listing(conn))
    as_schema_6(conn)
    path = reopened(conn)
    old = interrupted(path, "record", monkeypatch)
    assert old.execute("PRAGMA user_version").fetchone()[0] == 6
    columns = {row[1] for row in old.execute("PRAGMA table_info(articles)")}
    assert "data" in columns and "text" not in columns
    names = {name for (name,) in old.execute("SELECT name FROM sqlite_master")}
    assert "articles_6" not in names and "removed" not in names
    assert old.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    old.close()
    monkeypatch.undo()
    assert list(store.iter_listing(store.connect(path, write=True))) == listing
