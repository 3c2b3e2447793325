"""The SQLite index: schema and versions, what is stored, filters, search, deletion."""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

import pytest
from click.testing import Result
from hypothesis import assume, given
from hypothesis import strategies as st

from pilkada import store
from pilkada.corpus import CorpusError
from pilkada.ingest import digest
from pilkada.models import Article
from pilkada.pipeline import parse
from pilkada.search import QueryError

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
T = TypeVar("T")


@pytest.fixture
def conn(tmp_path: Path) -> sqlite3.Connection:
    """An index holding the five seeds, one source each."""
    db = store.connect(tmp_path / "index.db", write=True)
    with store.transaction(db):
        for path in sorted(SEEDS.glob("*.txt")):
            data = path.read_bytes()
            article = parse(data.decode("utf-8"), source=str(path), id=path.stem)
            rowid = store.insert(db, store.record(article, digest(data)))
            store.add_source(db, str(path), 0, rowid)
    return db


def test_a_new_index_has_the_schema_version_and_wal(tmp_path: Path) -> None:
    db = store.connect(tmp_path / "sub" / "index.db", write=True)
    assert db.execute("PRAGMA user_version").fetchone()[0] == store.SCHEMA_VERSION
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.count(db) == 0


def test_reading_an_empty_or_foreign_file_says_what_it_is(tmp_path: Path) -> None:
    empty = tmp_path / "empty.db"
    empty.touch()
    with pytest.raises(store.StoreError, match="empty; build the index"):
        store.connect(empty)
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE t (x)")
    with pytest.raises(store.StoreError, match="not a pilkada index"):
        store.connect(other, write=True)
    garbage = tmp_path / "garbage.db"
    garbage.write_bytes(b"this is no database" * 100)
    with pytest.raises(store.StoreError, match=r"not a pilkada index.*--rebuild"):
        store.connect(garbage)


def test_a_newer_index_asks_for_a_newer_pilkada(tmp_path: Path) -> None:
    path = tmp_path / "index.db"
    store.connect(path, write=True).execute(f"PRAGMA user_version = {store.SCHEMA_VERSION + 1}")
    with pytest.raises(store.StoreError, match=r"newer pilkada.*--rebuild"):
        store.connect(path)


def test_an_older_index_is_migrated_when_written_or_rebuilt(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "index.db"
    store.connect(path, write=True).close()
    monkeypatch.setattr(store.schema, "SCHEMA_VERSION", store.SCHEMA_VERSION + 1)
    with pytest.raises(store.StoreError, match="cannot migrate; rebuild it with: pilkada index"):
        store.connect(path, write=True)

    def add_column(db: sqlite3.Connection, progress: store.Progress | None) -> None:
        db.execute("ALTER TABLE articles ADD COLUMN note TEXT")

    monkeypatch.setattr(store.schema, "MIGRATIONS", [*store.MIGRATIONS, add_column])
    with pytest.raises(store.StoreError, match=r"older pilkada .*update it with: pilkada index"):
        store.connect(path)  # a reader does not migrate
    db = store.connect(path, write=True)
    assert db.execute("PRAGMA user_version").fetchone()[0] == store.schema.SCHEMA_VERSION
    assert "note" in [row[1] for row in db.execute("PRAGMA table_info(articles)")]


SCHEMA_6_ARTICLES = """CREATE TABLE articles (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    hash TEXT NOT NULL UNIQUE,
    published TEXT,
    outlet_key TEXT,
    place_key TEXT,
    title TEXT NOT NULL,
    outlet TEXT,
    dateline TEXT,
    quotes INTEGER NOT NULL,
    listed_sum INTEGER NOT NULL,
    data BLOB NOT NULL,
    stamp TEXT NOT NULL DEFAULT ''
)"""


def as_schema_7(db: sqlite3.Connection) -> None:
    """Take an index back to schema 7: no regions, word counts nor index of the speakers."""
    db.execute("DROP INDEX quotes_speaker")
    for table in ("regions", "word_counts"):
        db.execute(f"DROP TABLE {table}")
    db.execute("PRAGMA user_version = 7")


def as_schema_6(db: sqlite3.Connection) -> None:
    """Take an index back to schema 6: the Article only as compressed JSON beside the listed
    columns, quote rows that hold no quote, contentless full-text tables (filled again from
    each Article), no removed lines, mentions or people."""
    as_schema_7(db)
    articles = db.execute(
        "SELECT rowid, id, hash, published, outlet_key, place_key, listed_title, outlet,"
        " dateline, quotes, listed_sum, data, stamp FROM articles"
    ).fetchall()
    quotes = db.execute("SELECT rowid, article, n FROM quotes").fetchall()
    for table in ("quote_list",):
        db.execute(f"DROP VIEW {table}")
    for table in (
        "article_fts",
        "quote_fts",
        "removed",
        "mentions",
        "people",
        "quotes",
        "articles",
    ):
        db.execute(f"DROP TABLE {table}")
    db.execute(SCHEMA_6_ARTICLES)
    db.executemany(f"INSERT INTO articles VALUES ({', '.join('?' * 13)})", articles)
    db.execute(store.migrations._LISTING_INDEX_5)
    db.execute("CREATE INDEX articles_stamp ON articles (stamp)")
    db.execute(
        "CREATE TABLE quotes (rowid INTEGER PRIMARY KEY, article INTEGER NOT NULL, n INTEGER NOT NULL)"
    )
    db.executemany("INSERT INTO quotes VALUES (?, ?, ?)", quotes)
    db.execute("CREATE INDEX quotes_article ON quotes (article)")
    db.execute(store.migrations._ARTICLE_FTS_6)
    db.execute(store.migrations._QUOTE_FTS_6)
    fill_contentless(db)
    db.execute("PRAGMA user_version = 6")


def fill_contentless(db: sqlite3.Connection) -> None:
    """The full-text tables of schema 6 or older filled from each stored Article."""
    for rowid, data in db.execute("SELECT rowid, data FROM articles").fetchall():
        text, quotes = store.fts_values(store.decode(data))
        db.execute(store._INSERT_TEXT, (rowid, *text))
        qids = db.execute("SELECT rowid FROM quotes WHERE article = ? ORDER BY n", (rowid,))
        for (qid,), values in zip(qids.fetchall(), quotes, strict=True):
            db.execute(store._INSERT_QUOTE, (qid, *values))


def as_schema_5(db: sqlite3.Connection) -> None:
    """Take an index back to schema 5: no parser stamps, full-text tables without prefix
    indexes (filled again: they hold no text to copy)."""
    as_schema_6(db)
    db.execute("DROP INDEX articles_stamp")
    db.execute("ALTER TABLE articles DROP COLUMN stamp")
    db.execute("DROP TABLE article_fts")
    db.execute("DROP TABLE quote_fts")
    db.execute(
        "CREATE VIRTUAL TABLE article_fts USING fts5 (title, body, title_stems, body_stems,"
        f" people, content = '', {store.TOKENIZE})"
    )
    db.execute(
        "CREATE VIRTUAL TABLE quote_fts USING fts5 (speaker, role, text, stems, content = '',"
        f" {store.TOKENIZE})"
    )
    fill_contentless(db)
    db.execute("PRAGMA user_version = 5")


def as_schema_3(db: sqlite3.Connection) -> None:
    """Take an index back to schema 3: no listing beside the articles."""
    as_schema_5(db)
    db.execute("DROP INDEX articles_listing")
    for column in ("title", "outlet", "dateline", "quotes", "listed_sum"):
        db.execute(f"ALTER TABLE articles DROP COLUMN {column}")
    db.execute("CREATE INDEX articles_published ON articles (published, id)")
    db.execute("PRAGMA user_version = 3")


def reopened(db: sqlite3.Connection) -> Path:
    (path,) = [row[2] for row in db.execute("PRAGMA database_list") if row[1] == "main"]
    db.close()
    return Path(path)


def test_schema_1_is_migrated_to_people_in_the_article_table(conn: sqlite3.Connection) -> None:
    """Schema 1 kept people in tables of their own; schema 2 indexes names with the text."""
    as_schema_3(conn)
    conn.execute("DROP TABLE article_fts")
    conn.execute(
        "CREATE VIRTUAL TABLE article_fts USING fts5 (title, body, title_stems, body_stems,"
        f" content = '', {store.TOKENIZE})"
    )
    conn.execute("CREATE TABLE people (rowid INTEGER PRIMARY KEY, article, n)")
    conn.execute(f"CREATE VIRTUAL TABLE people_fts USING fts5 (name, role, {store.TOKENIZE})")
    conn.execute("DROP TABLE words")
    conn.execute("PRAGMA user_version = 1")
    db = store.connect(reopened(conn), write=True)
    assert db.execute("PRAGMA user_version").fetchone()[0] == store.SCHEMA_VERSION
    hits = store.search(db, "netralitas", filters=store.Filters(official="laura"))
    assert [h.article_id[:3] for h in hits] == ["002"]
    tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master")}
    assert "people_fts" not in tables


def test_schema_2_is_migrated_to_a_word_list(conn: sqlite3.Connection) -> None:
    """Schema 3 lists the indexed words, so that a bare word or a prefix reads as exact words."""
    expected = {w for (w,) in conn.execute("SELECT word FROM words")}
    assert {"netralitas", "pilkada", "nunukan"} <= expected
    before = [h.article_id for h in store.search(conn, "netral*")]
    assert len(before) >= 2
    as_schema_3(conn)
    conn.execute("DROP TABLE words")
    conn.execute("PRAGMA user_version = 2")
    path = reopened(conn)
    with pytest.raises(store.StoreError, match="older pilkada"):
        store.connect(path)
    told: list[tuple[int, int]] = []
    db = store.connect(path, write=True, progress=lambda done, total: told.append((done, total)))
    assert told == [(k, 30) for k in range(5, 35, 5)]  # six passes, told as one
    assert db.execute("PRAGMA user_version").fetchone()[0] == store.SCHEMA_VERSION
    assert {w for (w,) in db.execute("SELECT word FROM words")} == expected
    assert [h.article_id for h in store.search(db, "netral*")] == before


def assert_listing_covered(db: sqlite3.Connection, columns: str) -> None:
    """The listing reads `columns` from its own index alone, never from the table."""
    plan = " ".join(
        row[3]
        for row in db.execute(
            f"EXPLAIN QUERY PLAN SELECT {columns} FROM"
            " articles WHERE published IS NOT NULL ORDER BY published, id"
        )
    )
    assert "COVERING INDEX articles_listing" in plan


def test_schema_3_is_migrated_to_a_listing_beside_the_articles(conn: sqlite3.Connection) -> None:
    """Schema 4 keeps what a listing shows of each article in an index of its own."""
    expected = list(store.iter_listing(conn))
    assert [row.title for row in expected] == [a.display_title() for a in store.articles(conn)]
    assert sum(row.quotes for row in expected) > 0
    as_schema_3(conn)
    path = reopened(conn)
    with pytest.raises(store.StoreError, match="older pilkada"):
        store.connect(path)
    told: list[tuple[int, int]] = []
    db = store.connect(path, write=True, progress=lambda done, total: told.append((done, total)))
    # the listing, the checksums, the stamps, the plain tables (and what schema 8 added)
    assert told == [(5, 25), (10, 25), (15, 25), (20, 25), (25, 25)]
    assert db.execute("PRAGMA user_version").fetchone()[0] == store.SCHEMA_VERSION
    assert list(store.iter_listing(db)) == expected
    assert_listing_covered(db, store.LISTING_COLUMNS)


def as_schema_4(db: sqlite3.Connection) -> None:
    """Take an index back to schema 4: no checksum of the listed columns."""
    as_schema_5(db)
    db.execute("DROP INDEX articles_listing")
    db.execute("ALTER TABLE articles DROP COLUMN listed_sum")
    db.execute(store.LISTING_INDEX_4)
    db.execute("PRAGMA user_version = 4")


def test_schema_4_is_migrated_to_a_checksum_of_the_listing(conn: sqlite3.Connection) -> None:
    """Schema 5 keeps a checksum of each article's listed columns, in the listing's index."""
    expected = list(store.iter_listing(conn))
    sums = conn.execute("SELECT id, listed_sum FROM articles ORDER BY id").fetchall()
    as_schema_4(conn)
    path = reopened(conn)
    db = store.connect(path, write=True)
    assert db.execute("PRAGMA user_version").fetchone()[0] == store.SCHEMA_VERSION
    assert db.execute("SELECT id, listed_sum FROM articles ORDER BY id").fetchall() == sums
    assert list(store.iter_listing(db)) == expected
    assert_listing_covered(db, f"{store.LISTING_COLUMNS}, outlet_key, listed_sum")


def test_schema_5_is_migrated_to_parser_stamps_and_prefix_indexes(
    conn: sqlite3.Connection,
) -> None:
    """Schema 6 keeps each article's parser stamp, and FTS5 prefix indexes of 2 and 3 letters:
    a schema-5 index lists and searches as it did; its articles have no stamp (''), so that
    the next `pilkada index` re-parses them."""
    listing = list(store.iter_listing(conn))
    queries = ["pe*", "netral*", "kampanye pilkada", '"politik uang"', "ne*"]
    found = {q: [h.article_id for h in store.search(conn, q, limit=0)] for q in queries}
    quotes = conn.execute("SELECT rowid FROM quote_fts WHERE quote_fts MATCH 'ka*'").fetchall()
    assert found["pe*"] and found["netral*"] and quotes
    assert not store.any_stale(conn)
    as_schema_5(conn)
    told: list[tuple[int, int]] = []
    db = store.connect(reopened(conn), write=True, progress=lambda d, t: told.append((d, t)))
    assert told == [(5, 15), (10, 15), (15, 15)]  # the stamps, the plain tables, schema 8's
    assert db.execute("PRAGMA user_version").fetchone()[0] == store.SCHEMA_VERSION
    assert list(store.iter_listing(db)) == listing
    assert {q: [h.article_id for h in store.search(db, q, limit=0)] for q in queries} == found
    assert (
        db.execute("SELECT rowid FROM quote_fts WHERE quote_fts MATCH 'ka*'").fetchall() == quotes
    )
    sql = db.execute("SELECT sql FROM sqlite_master WHERE name = 'article_fts'").fetchone()[0]
    assert "prefix = '2 3'" in sql
    assert {s for (s,) in db.execute("SELECT DISTINCT stamp FROM articles")} == {""}
    assert store.any_stale(db)
    db.execute("INSERT INTO article_fts (article_fts) VALUES ('integrity-check')")


@pytest.mark.parametrize(
    "damage",
    [
        # one letter of one row changed, as a flipped bit changes it
        "UPDATE articles SET listed_title = 'X' || substr(listed_title, 2) WHERE rowid = 2",
        "UPDATE articles SET quotes = quotes + 1 WHERE rowid = 3",
        "UPDATE articles SET published = '2024-06-22' WHERE rowid = 1",
        "UPDATE articles SET outlet = 'x' WHERE rowid = 4",
        "UPDATE articles SET outlet_key = 'x' WHERE rowid = 4",
        "UPDATE articles SET dateline = NULL WHERE rowid = 5",
        "UPDATE articles SET id = id || '0' WHERE rowid = 5",
    ],
)
def test_a_changed_byte_in_a_listed_column_is_told_not_shown(
    conn: sqlite3.Connection, damage: str
) -> None:
    rows = "SELECT * FROM articles ORDER BY rowid"
    before = conn.execute(rows).fetchall()
    conn.execute(damage)
    assert conn.execute(rows).fetchall() != before  # the damage changed a value
    with pytest.raises(store.Damaged, match="do not match their checksum"):
        list(store.iter_listing(conn))


def interrupting(made: Callable[..., T]) -> Callable[..., T]:
    """``made``, but Ctrl-C on its fourth call (the fourth article of a migration)."""
    seen = iter(range(3))

    def interrupted(*args: object) -> T:
        if next(seen, None) is None:
            raise KeyboardInterrupt
        return made(*args)

    return interrupted


def test_an_interrupted_upgrade_leaves_the_older_index_as_it_was(
    conn: sqlite3.Connection, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = list(store.iter_listing(conn))
    as_schema_3(conn)
    path = reopened(conn)
    listed = store._listed
    monkeypatch.setattr(store.migrations, "_listed", interrupting(listed))
    with pytest.raises(KeyboardInterrupt):
        store.connect(path, write=True)
    old = sqlite3.connect(path)
    assert old.execute("PRAGMA user_version").fetchone()[0] == 3
    columns = {row[1] for row in old.execute("PRAGMA table_info(articles)")}
    assert "title" not in columns and "quotes" not in columns
    assert old.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    old.close()
    monkeypatch.setattr(store.migrations, "_listed", listed)
    assert list(store.iter_listing(store.connect(path, write=True))) == expected


def test_pilkada_index_shows_the_upgrade_of_an_older_index(
    conn: sqlite3.Connection, run: Callable[..., Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    from pilkada import render

    shown: list[tuple[str, int, int]] = []

    @contextmanager
    def bar(label: str, unit: str) -> Iterator[Callable[[int, int], None]]:
        yield lambda done, total: shown.append((label, done, total))

    as_schema_3(conn)
    path = reopened(conn)
    monkeypatch.setattr(render, "progress_bar", bar)
    result = run("index", str(SEEDS), "--db", str(path))
    assert result.exit_code == 0, result.output
    assert shown[0] == ("upgrading the index", 5, 25)  # schema 3 -> 4 -> 5 -> 6 -> 7 -> 8
    # an older schema kept no parser stamp: its articles are re-parsed, though unchanged
    assert "re-parsed: 5 (stored by another parser)" in result.stdout
    assert "unchanged: 0" in result.stdout
    db = store.connect(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == store.SCHEMA_VERSION
    assert not store.any_stale(db)


def test_a_word_reads_as_the_indexed_words_it_starts(conn: sqlite3.Connection) -> None:
    expand = store.expander(conn)
    assert expand("netralita") == ["netralitas"]
    assert expand("zzzzqqq") == []
    assert expand("") is None  # every word: too many to list, left to FTS5
    assert "pilkada" in (expand("pilkad") or [])


@pytest.mark.parametrize(
    "query",
    [
        "aman",
        "pilkada",
        "Nunukan",
        "netral*",
        "pemilihan",
        "memilih",
        '"pemungutan suara"',
        "pilih NOT kampanye",
        "bupati OR kapolda",
        "laura",
    ],
)
def test_a_broad_search_finds_what_bm25_finds(
    conn: sqlite3.Connection, monkeypatch: pytest.MonkeyPatch, query: str
) -> None:
    """Read as the listed words (and a word that is its own stem by its stem alone), a query
    finds the same articles as the FTS5 prefix query ranked by bm25."""
    ranked = {h.article_id for h in store.search(conn, query, limit=None)}
    monkeypatch.setattr(store.rank, "BROAD", 0)
    notes: list[str] = []
    assert {h.article_id for h in store.search(conn, query, limit=50, notes=notes)} == ranked
    assert notes


def test_a_word_folded_from_other_letters_is_left_to_fts5(
    conn: sqlite3.Connection, monkeypatch: pytest.MonkeyPatch
) -> None:
    """FTS5 keeps "straße" and "km²" as written; the word list folds them ("strasse", "km2"),
    so a prefix they fall under is not expanded from the list."""
    text = "Jalan sepanjang 3 km² di Straße baru.\n\nWarga menyambut jalan itu."
    article = parse(f"Judul\n\n{text}", source="x.txt", id="x")
    with store.transaction(conn):
        store.insert(conn, store.record(article, "x"))
    expand = store.expander(conn)
    assert expand("stras") is None and expand("km") is None
    assert expand("sepanjan") == ["sepanjang"]
    monkeypatch.setattr(store.rank, "BROAD", 0)  # every search broad: the listed words are used
    assert [h.article_id for h in store.search(conn, "km")] == ["x"]
    assert "x" in [h.article_id for h in store.search(conn, "stra*")]


def test_a_broad_search_shows_the_articles_indexed_last_and_says_so(
    conn: sqlite3.Connection, monkeypatch: pytest.MonkeyPatch
) -> None:
    everything = store.search(conn, "pilkada", limit=None)
    assert len(everything) == 5
    notes: list[str] = []
    assert len(store.search(conn, "pilkada", notes=notes)) == 5  # not broad: bm25, no note
    assert notes == []
    monkeypatch.setattr(store.rank, "BROAD", 3)
    found = store.search(conn, "pilkada", limit=3, notes=notes)
    rowid = {i: r for r, i in conn.execute("SELECT rowid, id FROM articles")}
    last = sorted(rowid.values(), reverse=True)
    assert {rowid[h.article_id] for h in found} == set(last[:3])  # the 3 indexed last
    titled = {h.article_id for h in found if "pilkada" in h.title.lower()}
    assert [h.score for h in found] == sorted((h.score for h in found), reverse=True)
    assert {h.article_id for h in found if h.score == 1.0} == titled
    for score in (1.0, 0.0):  # then the last indexed first
        group = [rowid[h.article_id] for h in found if h.score == score]
        assert group == sorted(group, reverse=True)
    assert len(notes) == 1 and "more than 3 articles" in notes[0]
    # read on, 3 at a time, until there are enough: all 5, the 3 last indexed first
    more = store.search(conn, "pilkada", limit=20)
    assert [rowid[h.article_id] in last[:3] for h in more] == [True] * 3 + [False] * 2
    # a test applied after the ranking reads on too
    oldest = {i for i, r in rowid.items() if r in last[3:]}
    kept = store.search(conn, "pilkada", limit=20, keep=lambda a: a.id in oldest)
    assert {h.article_id for h in kept} == oldest
    # broad because "pilkada" is: the other word does not change that
    notes.clear()
    assert store.search(conn, "pilkada nunukan", notes=notes) and notes
    assert len(store.search(conn, "pilkada", limit=None)) == 5  # --limit 0: every match, bm25
    assert len(store.search(conn, "pilkada", limit=0)) == 5


def test_locate_reads_an_explicit_index_or_the_default_one_if_present(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with pytest.raises(store.StoreError, match=r"no index at nope\.db"):
        store.locate("nope.db")
    monkeypatch.setenv("PILKADA_DB", str(tmp_path / "index.db"))
    with pytest.raises(store.StoreError, match="no index at"):  # named, as --db: it must be there
        store.locate(None)
    store.connect(tmp_path / "index.db", write=True).close()
    assert store.locate(None) == tmp_path / "index.db"
    monkeypatch.delenv("PILKADA_DB")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert store.locate(None) is None  # no per-user index: the commands read the seeds
    assert store.default_path() == tmp_path / "data" / "pilkada" / "index.db"


def test_articles_are_read_one_at_a_time(
    conn: sqlite3.Connection, monkeypatch: pytest.MonkeyPatch
) -> None:
    decoded: list[bytes] = []
    real = store.decode
    monkeypatch.setattr(store.query, "decode", lambda data: decoded.append(data) or real(data))
    stream = store.iter_articles(conn)
    first = next(stream)
    assert first.id.startswith("000") and len(decoded) == 1  # not the five
    assert [a.id[:3] for a in stream] == ["002", "004", "001", "003"]


def test_articles_come_back_whole_oldest_first(conn: sqlite3.Connection) -> None:
    found = store.articles(conn)
    assert [a.id[:3] for a in found] == ["000", "002", "004", "001", "003"]
    seed = SEEDS / "004_98248c8704711b6f.txt"
    assert found[2] == parse(seed.read_text(encoding="utf-8"), source=str(seed), id=seed.stem)


def test_filters_outlet_dates_and_official(conn: sqlite3.Connection) -> None:
    def ids(**kw: object) -> list[str]:
        return [a.id[:3] for a in store.articles(conn, store.Filters(**kw))]  # type: ignore[arg-type]

    assert ids(outlet="antara") == ["003"]
    assert ids(since=dt.date(2024, 11, 1)) == ["004", "001"]
    assert ids(until=dt.date(2024, 10, 31)) == ["000", "002"]
    assert ids(official="laura") == ["002"]
    assert ids(official="LAURA haf") == ["002"]
    assert ids(official="...") == []
    conn.create_function("listed_sum", 7, store.listed_sum)
    conn.execute(  # an article with no outlet
        "UPDATE articles SET outlet_key = NULL, outlet = NULL, listed_sum = listed_sum(id,"
        " published, NULL, NULL, dateline, quotes, listed_title) WHERE id LIKE '003%'"
    )
    assert len(ids(outlet="")) == 5  # as on files: an empty text is in every outlet
    assert len(list(store.iter_listing(conn, store.Filters(outlet="")))) == 5


def test_find_by_id_or_prefix(conn: sqlite3.Connection) -> None:
    assert store.find(conn, "003").id == "003_e3d696af9c73c6e7"
    assert store.find(conn, "001_dc520509730166cf").dateline == "KUTAI KARTANEGARA"
    with pytest.raises(CorpusError, match="matches several articles: 000_"):
        store.find(conn, "00")
    with pytest.raises(CorpusError, match="no article 'nope'; ids are: 000_"):
        store.find(conn, "nope")


def test_search_ranks_with_bm25_and_marks_the_matches(conn: sqlite3.Connection) -> None:
    hits = store.search(conn, "netralitas")
    assert [h.article_id[:3] for h in hits] == ["002", "004"]
    assert hits[0].score > hits[1].score > 0
    first = hits[0]
    assert [first.snippet[s:e].lower() for s, e in first.highlights] == ["netralitas"]


def test_search_finds_other_word_forms_phrases_and_filters(conn: sqlite3.Connection) -> None:
    hits = store.search(conn, "aman", limit=0)
    marked = {h.snippet[s:e].lower() for h in hits for s, e in h.highlights}
    assert {"aman", "keamanan"} <= marked
    assert [h.article_id[:3] for h in store.search(conn, '"pemungutan suara"')] == ["004"]
    only = store.search(conn, "aman", filters=store.Filters(outlet="antara"))
    assert [h.article_id[:3] for h in only] == ["003"]
    kept = store.search(conn, "aman", keep=lambda a: a.id.startswith("00"), limit=2)
    assert len(kept) == 2
    assert store.search(conn, "zzzzqqq") == []
    with pytest.raises(QueryError):
        store.search(conn, "  ")


def test_quotes_keep_only_the_matching_ones(conn: sqlite3.Connection) -> None:
    found = list(store.quoting_articles(conn, "netral"))
    assert [a.id[:3] for a in found] == ["002", "004", "003"]
    assert all("netral" in q.text.lower() for a in found for q in a.quotes)
    assert sum(len(a.quotes) for a in found) < sum(len(a.quotes) for a in store.articles(conn))
    assert [a.id[:3] for a in store.quoting_articles(conn, "sukses")] == ["000", "002", "001"]


def test_quoting_articles_are_read_from_one_state_of_the_index(
    conn: sqlite3.Connection, tmp_path: Path
) -> None:
    # `pilkada index` drops an article while a role's articles are being read, one at a time
    found = store.role_articles(conn, "bupati")
    first = next(found)
    writer = store.connect(tmp_path / "index.db", write=True)
    with store.transaction(writer):
        store.drop_file(writer, str(SEEDS / "001_dc520509730166cf.txt"))
    assert [first.id[:3], *(a.id[:3] for a in found)] == ["000", "002", "001"]
    assert not conn.in_transaction  # the snapshot ends with the reading
    assert [a.id[:3] for a in store.role_articles(conn, "bupati")] == ["000", "002"]


def test_deleting_an_article_takes_it_out_of_every_table(conn: sqlite3.Connection) -> None:
    (rowid,) = conn.execute("SELECT rowid FROM articles WHERE id LIKE '002%'").fetchone()
    with store.transaction(conn):
        store._delete_article(conn, rowid)
    assert [h.article_id[:3] for h in store.search(conn, "netralitas")] == ["004"]
    assert store.articles(conn, store.Filters(official="laura")) == []
    assert not conn.execute("SELECT 1 FROM quotes WHERE article = ?", (rowid,)).fetchone()
    conn.execute("INSERT INTO article_fts (article_fts) VALUES ('integrity-check')")


def test_a_failed_transaction_leaves_nothing(conn: sqlite3.Connection) -> None:
    before = store.count(conn)
    with pytest.raises(RuntimeError), store.transaction(conn):
        conn.execute("DELETE FROM articles")
        raise RuntimeError("killed")
    assert store.count(conn) == before


@given(st.lists(st.text(max_size=40), max_size=4), st.sampled_from(["", "“kata”", "Straße km²"]))
def test_words_of_reads_each_word_as_the_index_does(texts: list[str], extra: str) -> None:
    from pilkada.fts import stems_of, tokens

    paragraphs = [t + extra for t in texts]
    title = texts[0] if texts else None
    exact, inexact = set(), set()
    for raw in (w for t in [title or "", *paragraphs] for w in re.findall(r"[^\W_]+", t)):
        if raw.isascii():
            exact.add(raw.lower())
        else:
            inexact.update(tokens(raw))
    article = Article(id="x", title=title, paragraphs=paragraphs)
    assert store.words_of(article) == (exact, inexact)
    text = store.fts_values(article)[0]
    assert text[2:4] == (stems_of(title or ""), stems_of("\n".join(paragraphs)))


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> sqlite3.Connection:
    """The five seeds indexed once, for property tests."""
    db = store.connect(tmp_path_factory.mktemp("seeded") / "index.db", write=True)
    with store.transaction(db):
        for path in sorted(SEEDS.glob("*.txt")):
            data = path.read_bytes()
            article = parse(data.decode("utf-8"), id=path.stem)
            store.add_source(
                db, str(path), 0, store.insert(db, store.record(article, digest(data)))
            )
    return db


SEED_NAMES = sorted(
    {p.name for path in SEEDS.glob("*.txt") for p in parse(path.read_text("utf-8")).officials}
)


@given(st.sampled_from(SEED_NAMES), st.integers(0, 99), st.sampled_from("xqz"))
def test_a_name_misspelt_after_its_first_letter_still_finds_the_articles_naming_them(
    seeded: sqlite3.Connection, name: str, at: int, letter: str
) -> None:
    words = name.lower().split()
    longest = max(range(len(words)), key=lambda i: len(words[i]))
    word = words[longest]
    assume(len(word) >= 5 and word.isalpha())
    i = 1 + at % (len(word) - 1)  # the first letter is kept: the words are looked up by it
    words[longest] = word[:i] + (letter if word[i] != letter else "y") + word[i + 1 :]
    naming = {a.id for a in store.articles(seeded) if any(p.name == name for p in a.officials)}
    found = {a.id for a in store.naming_articles(seeded, " ".join(words))}
    assert naming <= found


@given(
    st.text(),
    st.none() | st.text(),
    st.lists(st.text(), max_size=3),
    st.integers(min_value=0, max_value=10**6),
    st.none() | st.dates(),
)
def test_a_trusted_model_is_the_validated_one(
    name: str, honorific: str | None, forms: list[str], quotes: int, seen: dt.date | None
) -> None:
    """What is read back from the index is made without validation (``models.trusted``): the
    same model, equal and written the same, as validating the same values makes."""
    from pilkada.models import Official, Person, trusted

    values = dict(
        name=name,
        honorific=honorific,
        forms=forms,
        roles=forms[:1],
        places=forms[1:],
        articles=forms[::-1],
        quotes=quotes,
        first_seen=seen,
        last_seen=seen,
    )
    made, validated = trusted(Official, **values), Official.model_validate(values)
    assert made == validated
    assert made.model_dump_json(indent=2) == validated.model_dump_json(indent=2)
    assert made.model_fields_set == validated.model_fields_set
    person = trusted(Person, name=name, role=None, honorific=honorific, forms=forms)
    assert person == Person(name=name, honorific=honorific, forms=forms)


def test_a_trusted_model_needs_every_field() -> None:
    from pilkada.models import Person, trusted

    with pytest.raises(TypeError, match=r"Person needs every field; missing \['forms'"):
        trusted(Person, name="Budi", role=None, honorific=None)
