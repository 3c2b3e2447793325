"""Building the index: each input format, incremental runs, interruption and concurrent access."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

import pytest

from pilkada import store
from pilkada.ingest import Busy, IngestError, _Lock, ingest, walk

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
SEED = SEEDS / "003_e3d696af9c73c6e7.txt"

PAGE = """<!doctype html><html><head>
<title>Pemilih Muda Tapin Diajak ke TPS - Kabar Tapin</title>
<meta property="og:site_name" content="Kabar Tapin">
<meta property="article:published_time" content="2024-11-20T08:15:00+08:00">
<script>var ads = "Baca Juga: iklan";</script><style>p { color: red }</style>
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/politik">Politik</a></li></ul></nav>
<article>
<p>Rantau, Kabar Tapin - Ketua KPU Tapin Ahmad Rizani mengajak pemilih muda datang ke TPS.<br>
Ajakan itu disampaikan di <b>Rantau</b>, Rabu.</p>
<p>“Suara anak muda menentukan arah daerah,” kata Ahmad Rizani.</p>
<div class="share">Bagikan: Facebook Twitter WhatsApp</div>
</article></body></html>"""


def seeds_copy(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for path in SEEDS.glob("*.txt"):
        shutil.copyfile(path, folder / path.name)
    return folder


def variants(folder: Path, n: int) -> Path:
    """``n`` distinct articles: the seeds, each with a numbered closing line."""
    folder.mkdir(parents=True, exist_ok=True)
    seeds = sorted(SEEDS.glob("*.txt"))
    for i in range(n):
        text = seeds[i % len(seeds)].read_text(encoding="utf-8")
        (folder / f"a{i:04d}.txt").write_text(f"{text}\n\nCatatan redaksi nomor {i}.\n")
    return folder


def consistent(db: Path) -> int:
    """Check the index holds together; returns its article count."""
    with closing(sqlite3.connect(db, isolation_level=None)) as conn:
        return _consistent(conn)


def _consistent(conn: sqlite3.Connection) -> int:
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.execute("INSERT INTO article_fts (article_fts) VALUES ('integrity-check')")
    orphans = conn.execute(
        "SELECT count(*) FROM articles WHERE rowid NOT IN (SELECT article FROM sources)"
    ).fetchone()[0]
    dangling = conn.execute(
        "SELECT count(*) FROM sources WHERE article NOT IN (SELECT rowid FROM articles)"
    ).fetchone()[0]
    assert (orphans, dangling) == (0, 0)
    for path, units in conn.execute("SELECT path, units FROM files"):
        have = conn.execute("SELECT count(*) FROM sources WHERE path = ?", (path,)).fetchone()[0]
        assert have == units, path
    return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])


def test_txt_files_in_folders_recursively(tmp_path: Path) -> None:
    seeds_copy(tmp_path / "berita" / "2024")
    (tmp_path / "berita" / "catatan.md").write_text("not an article")
    report = ingest(tmp_path / "i.db", [str(tmp_path / "berita")], jobs=1)
    assert (report.files, report.added, report.failed, report.articles) == (5, 5, 0, 5)
    conn = store.connect(tmp_path / "i.db")
    article = store.find(conn, "003")
    assert article.dateline == "Rantau, Tapin"
    assert article.source == str((tmp_path / "berita" / "2024" / SEED.name).resolve())


def test_the_collector_runs_less_often_while_writing_and_as_before_after(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import gc

    before = gc.get_threshold()
    seen: list[tuple[int, int, int]] = []
    insert = store.insert

    def watched(*args: object, **kwargs: object) -> int:
        seen.append(gc.get_threshold())
        return insert(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(store, "insert", watched)
    ingest(tmp_path / "i.db", [str(seeds_copy(tmp_path / "berita"))], jobs=1)
    assert seen and all(t[0] > before[0] for t in seen)
    assert gc.get_threshold() == before


def test_html_pages_become_lines_then_articles(tmp_path: Path) -> None:
    (tmp_path / "tps.html").write_text(PAGE, encoding="utf-8")
    report = ingest(tmp_path / "i.db", [str(tmp_path / "tps.html")], jobs=1)
    assert report.added == 1
    a = store.find(store.connect(tmp_path / "i.db"), "tps")
    assert a.published == dt.date(2024, 11, 20)
    assert a.published_confidence.why == "the page's meta date"
    assert a.paragraphs[0].startswith("Rantau, Kabar Tapin - Ketua KPU Tapin")
    assert a.paragraphs[1] == "Ajakan itu disampaikan di Rantau, Rabu."  # <br> kept the break
    assert not any("iklan" in p or "color" in p for p in a.paragraphs)
    assert a.quotes[0].speaker == "Ahmad Rizani"
    # the share buttons are a block the page's markup names as chrome: left out with the menu
    assert not any("Bagikan" in p or "Politik" in p for p in a.paragraphs)


def test_jsonl_lines_with_their_fields_and_bad_lines_reported(tmp_path: Path) -> None:
    text = SEED.read_text(encoding="utf-8")
    lines = [
        json.dumps({"text": text, "url": "https://contoh.id/a", "title": "Judul dari scraper"}),
        "",
        "{not json",
        json.dumps({"html": PAGE, "date": "2024-11-21", "outlet": "Kabar Tapin"}),
        json.dumps({"url": "https://contoh.id/c"}),
        json.dumps(["a list"]),
    ]
    (tmp_path / "scrape.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = ingest(tmp_path / "i.db", [str(tmp_path)], jobs=1)
    assert (report.added, report.failed) == (2, 3)
    where = {f.source.rsplit(":", 1)[1]: f.reason for f in report.failures}
    assert sorted(where) == ["3", "5", "6"]
    assert where["3"].startswith("bad line: ")
    assert 'no "text" or "html"' in where["5"]
    conn = store.connect(tmp_path / "i.db")
    first = store.find(conn, "scrape.1")
    assert first.title == "Judul dari scraper"
    assert first.dateline == "Rantau, Tapin"
    assert first.source == f"{(tmp_path / 'scrape.jsonl').resolve()}:1"
    page = store.find(conn, "scrape.4")
    assert (page.published, page.outlet) == (dt.date(2024, 11, 21), "Kabar Tapin")
    urls = [r[0] for r in conn.execute("SELECT url FROM sources ORDER BY unit")]
    assert urls == ["https://contoh.id/a", None]


def test_unchanged_changed_and_pruned_files(tmp_path: Path) -> None:
    folder = seeds_copy(tmp_path / "berita")
    db = tmp_path / "i.db"
    ingest(db, [str(folder)], jobs=1)
    again = ingest(db, [str(folder)], jobs=1)
    assert (again.added, again.updated, again.unchanged) == (0, 0, 5)

    changed = folder / SEED.name
    changed.write_text(SEED.read_text(encoding="utf-8").replace("Winarto", "Winarta"))
    (folder / "004_98248c8704711b6f.txt").unlink()
    report = ingest(db, [str(folder)], jobs=1)
    assert (report.updated, report.unchanged, report.pruned, report.articles) == (1, 3, 0, 5)
    conn = store.connect(db)
    assert store.find(conn, "003").quotes[0].speaker == "Winarta"  # same id, new text
    assert store.search(conn, "winarto") == []

    pruned = ingest(db, [str(folder)], jobs=1, prune=True)
    assert (pruned.pruned, pruned.articles) == (1, 4)
    assert consistent(db) == 4


def test_an_article_in_two_files_is_stored_once_with_both_sources(tmp_path: Path) -> None:
    seeds_copy(tmp_path / "a")
    seeds_copy(tmp_path / "b")
    db = tmp_path / "i.db"
    report = ingest(db, [str(tmp_path / "a"), str(tmp_path / "b")], jobs=1)
    assert (report.added, report.duplicates, report.articles) == (5, 5, 5)
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM sources").fetchone()[0] == 10
    shutil.rmtree(tmp_path / "a")
    report = ingest(db, [str(tmp_path)], jobs=1, prune=True)
    assert (report.pruned, report.articles) == (5, 5)  # still given by b/
    assert consistent(db) == 5


def test_a_changed_file_that_can_no_longer_be_read_is_dropped(tmp_path: Path) -> None:
    folder = seeds_copy(tmp_path / "berita")
    db = tmp_path / "i.db"
    ingest(db, [str(folder)], jobs=1)
    (folder / SEED.name).write_bytes(b"")
    report = ingest(db, [str(folder)], jobs=1)
    assert (report.failed, report.articles) == (1, 4)
    assert report.failures[0].reason == "empty file"
    assert consistent(db) == 4


def test_workers_give_the_same_index_as_one_process(tmp_path: Path) -> None:
    folder = variants(tmp_path / "berita", 60)
    one = ingest(tmp_path / "one.db", [str(folder)], jobs=1)
    two = ingest(tmp_path / "two.db", [str(folder)], jobs=2, batch=7)
    assert (one.added, two.added) == (60, 60)

    def dump(db: Path) -> list[tuple[str, str]]:
        conn = sqlite3.connect(db)
        return conn.execute("SELECT id, hash FROM articles ORDER BY id").fetchall()

    assert dump(tmp_path / "one.db") == dump(tmp_path / "two.db")
    assert consistent(tmp_path / "two.db") == 60


def test_paths_that_name_nothing(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match="no such file or folder: nope"):
        ingest(tmp_path / "i.db", ["nope"])
    (tmp_path / "notes.md").write_text("x")
    files, refused = walk([str(tmp_path / "notes.md")])
    assert files == [] and "not a .txt, .html or .jsonl file" in refused[0].reason


def test_a_second_ingest_is_told_the_index_is_busy(tmp_path: Path) -> None:
    folder = seeds_copy(tmp_path / "berita")
    db = tmp_path / "i.db"
    with _Lock(db), pytest.raises(Busy, match="busy: another `pilkada index`"):
        ingest(db, [str(folder)], jobs=1)
    assert ingest(db, [str(folder)], jobs=1).added == 5  # the lock is gone with its holder


def test_readers_query_while_a_batch_is_being_written(tmp_path: Path) -> None:
    folder = seeds_copy(tmp_path / "berita")
    db = tmp_path / "i.db"
    ingest(db, [str(folder)], jobs=1)
    writer = store.connect(db, write=True)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("DELETE FROM sources")
    reader = store.connect(db)
    assert store.count(reader) == 5
    assert [h.article_id[:3] for h in store.search(reader, "netralitas")] == ["002", "004"]
    writer.execute("ROLLBACK")


def test_a_killed_ingest_leaves_whole_batches_and_a_rerun_completes_it(tmp_path: Path) -> None:
    folder = variants(tmp_path / "berita", 400)
    db = tmp_path / "i.db"
    command = [sys.executable, "-m", "pilkada", "index", str(folder), "--db", str(db)]
    proc = subprocess.Popen(
        [*command, "--jobs", "1", "--batch", "10"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    seen = 0
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        if db.exists():
            try:  # a reader during the ingest
                with closing(sqlite3.connect(db)) as reader:
                    seen = reader.execute("SELECT count(*) FROM articles").fetchone()[0]
            except sqlite3.OperationalError:
                seen = 0  # the schema is not there yet
            if seen >= 50:
                break
        time.sleep(0.01)
    assert proc.poll() is None, "the ingest ended before it could be killed"
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    left = consistent(db)
    assert 50 <= left < 400
    assert left % 10 == 0  # whole batches only

    done = subprocess.run([*command, "--json"], capture_output=True, text=True, check=True)
    report = json.loads(done.stdout)
    assert report["unchanged"] == left
    assert report["added"] == 400 - left
    assert consistent(db) == 400


def test_ctrl_c_rolls_back_the_batch_and_says_how_to_complete(tmp_path: Path) -> None:
    folder = variants(tmp_path / "berita", 400)
    db = tmp_path / "i.db"
    command = [sys.executable, "-m", "pilkada", "index", str(folder), "--db", str(db)]
    proc = subprocess.Popen(
        [*command, "--jobs", "2", "--batch", "10"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            with closing(sqlite3.connect(db)) as reader:
                if reader.execute("SELECT count(*) FROM articles").fetchone()[0] >= 50:
                    break
        except sqlite3.OperationalError:
            pass
        time.sleep(0.01)
    os.killpg(proc.pid, signal.SIGINT)  # as a terminal sends it: to the workers too
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 130, stderr
    assert stderr.startswith("Interrupted: the index keeps every batch written so far")
    assert "Traceback" not in stderr
    left = consistent(db)
    assert 50 <= left < 400
    subprocess.run(command, capture_output=True, check=True)
    assert consistent(db) == 400


def test_a_re_parse_stopped_midway_keeps_whole_batches_and_is_finished_by_the_next_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pilkada import stamp

    folder = tmp_path / "berita"
    shutil.copytree(SEEDS, folder)
    db = tmp_path / "i.db"
    ingest(db, [str(folder)], jobs=1)
    monkeypatch.setattr(stamp, "current", lambda: "0123456789abcdef")
    replace, calls = store.replace_article, []

    def stopped(*args: object, **kwargs: object) -> None:
        calls.append(1)
        if len(calls) == 3:
            raise KeyboardInterrupt
        replace(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(store, "replace_article", stopped)
    with pytest.raises(KeyboardInterrupt):
        ingest(db, [str(folder)], jobs=1, batch=2)
    with closing(store.connect(db)) as conn:
        stamps = sorted(s for (s,) in conn.execute("SELECT stamp FROM articles"))
        assert stamps.count("0123456789abcdef") == 2  # the first batch of two, whole
        assert store.count(conn) == 5
    monkeypatch.setattr(store, "replace_article", replace)
    report = ingest(db, [str(folder)], jobs=1, batch=2)
    assert (report.reparsed, report.unchanged, report.added) == (3, 2, 0)
    with closing(store.connect(db)) as conn:
        assert not store.any_stale(conn) and store.count(conn) == 5
