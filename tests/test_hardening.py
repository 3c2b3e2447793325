"""Issue 19: hostile and careless input, and faults of the system, each end in one line.

Each test is one numbered case of the issue: what a user did, and the line (and exit status)
pilkada must answer with instead of a traceback, a hang or a silent wrong answer.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import Result
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import faults

Run = Callable[..., Result]


def one_line_error(result: Result, code: int, *words: str) -> str:
    assert result.exit_code == code, (result.stdout, result.stderr)
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.stderr
    for word in words:
        assert word in lines[0], lines[0]
    return lines[0]


def pilkada(*args: str, **kwargs: object) -> subprocess.CompletedProcess[str]:
    """The command in a process of its own, as a user runs it."""
    streams = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE, **kwargs}
    return subprocess.run(  # type: ignore[call-overload, no-any-return]
        [sys.executable, "-m", "pilkada", *args], text=True, **streams
    )


@pytest.fixture
def indexed(run: Run, corpus_dir: Path) -> Path:
    db = corpus_dir.parent / "index.db"
    assert run("index", str(corpus_dir), "--db", str(db)).exit_code == 0
    return db


@pytest.fixture(scope="module")
def seeds_index(tmp_path_factory: pytest.TempPathFactory) -> Iterator[sqlite3.Connection]:
    """An index of the seeds, read as the commands read it."""
    from pilkada import ingest, store

    db = tmp_path_factory.mktemp("seeds") / "index.db"
    ingest.ingest(db, [str(faults.SEEDS)], jobs=1)
    conn = store.connect(db)
    yield conn
    conn.close()


# --- 5. PILKADA_DB is read as --db is ---


@pytest.mark.parametrize("where", ["missing.db", "folder"])
def test_5_pilkada_db_naming_no_index_is_an_error_as_db_is(
    run: Run, tmp_path: Path, where: str
) -> None:
    (tmp_path / "folder").mkdir()
    named = str(tmp_path / where)
    by_option = one_line_error(run("list", "--db", named), 2, named)
    by_env = one_line_error(run("list", env={"PILKADA_DB": named}), 2, named, "PILKADA_DB")
    assert by_option.split(": ", 2)[2] == by_env.split(": ", 2)[2]


def test_5_index_into_a_folder_says_so(run: Run, tmp_path: Path, corpus_dir: Path) -> None:
    for env, args in (({"PILKADA_DB": str(tmp_path)}, []), ({}, ["--db", str(tmp_path)])):
        result = run("index", str(corpus_dir), *args, env=env)
        one_line_error(result, 1, str(tmp_path), "is a folder, not an index")


def test_5_pilkada_db_naming_an_index_is_read(run: Run, indexed: Path) -> None:
    result = run("search", "aman", env={"PILKADA_DB": str(indexed)})
    assert result.exit_code == 0 and "[keamanan]" in result.stdout  # stems: only the index


# --- 7. output to a full device ---


@pytest.mark.parametrize(
    "args",
    [
        ["list"],
        ["show", "003"],
        ["quotes", "--csv"],
        ["export", "--format", "jsonl", "--out", "-"],
        ["schema"],
        ["parse", "seeds/003_e3d696af9c73c6e7.txt"],
        ["--version"],
        ["search", "--help"],
    ],
)
def test_7_output_to_a_full_device_is_one_line(args: list[str]) -> None:
    root = Path(__file__).resolve().parents[1]
    with open("/dev/full", "w") as full:
        done = pilkada(*args, stdout=full, cwd=root)
    assert done.returncode == 1
    assert done.stderr.splitlines() == ["Error: cannot write the output: no space left on device"]


def test_7_the_console_scripts_help_to_a_full_device_is_one_line() -> None:
    script = "import sys; sys.argv[1:] = ['--help']; from pilkada.launch import main; main()"
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [sys.executable, "-c", script],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "COLUMNS": "80"},
        )
    assert (done.returncode, done.stderr) == (
        1,
        "Error: cannot write the output: no space left on device\n",
    )


def test_7_a_closed_pipe_ends_quietly() -> None:
    root = Path(__file__).resolve().parents[1]
    reader = subprocess.Popen(["head", "-c", "1"], stdin=subprocess.PIPE, stdout=subprocess.DEVNULL)
    assert reader.stdin is not None
    done = pilkada(
        "export",
        "--format",
        "jsonl",
        "--out",
        "-",
        stdout=reader.stdin,
        cwd=root,
    )
    reader.stdin.close()
    reader.wait()
    assert "Traceback" not in done.stderr and done.stderr == ""


# --- 2. a long query, deep brackets ---


def _paragraph_words(run: Run, ident: str, n: int) -> str:
    article = json.loads(run("show", ident, "--json").stdout)
    return " ".join(" ".join(article["paragraphs"]).split()[:n])


def test_2_a_pasted_paragraph_finds_its_source(run: Run, indexed: Path) -> None:
    query = _paragraph_words(run, "001", 250)  # the issue: 92 words overflowed FTS5's parser
    for where in (["--db", str(indexed)], []):
        result = run("search", query, *where)
        assert result.exit_code == 0, result.stderr
        assert result.stdout.splitlines()[1].startswith("001_dc520509730166cf"), where


@pytest.mark.parametrize(
    ("query", "words"),
    [
        (" ".join(f"kata{i}" for i in range(1000)), "more than 300 words"),
        ("(" * 400 + "pilkada" + ")" * 400, "more than 16 deep"),
        ("(" * 400 + "pilkada", "more than 16 deep"),
    ],
)
def test_2_past_the_limits_a_query_is_refused_in_one_line(
    run: Run, indexed: Path, query: str, words: str
) -> None:
    one_line_error(run("search", query, "--db", str(indexed)), 2, "QUERY", words)


def test_2_on_files_any_length_is_searched(run: Run) -> None:
    result = run("search", " ".join(f"kata{i}" for i in range(1000)))
    assert result.exit_code == 0 and result.stderr == "No matches found.\n"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(query=faults.queries())
def test_2_fuzz_any_query_runs_or_is_refused_with_a_message(
    query: str, seeds_index: sqlite3.Connection
) -> None:
    """Any text, any number of words (a pasted article), any nesting (``faults.queries``)."""
    faults.check_query(seeds_index, query)


# --- 6. --regex has a time limit ---


def test_6_a_regex_that_backtracks_without_end_is_stopped(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pilkada import search

    monkeypatch.setattr(search, "REGEX_SECONDS", 0.5)
    page = tmp_path / "panjang.txt"
    page.write_text("Judul berita\n\n" + "a" * 60 + "b\n", encoding="utf-8")
    started = time.monotonic()
    result = run("search", "--regex", "(a|aa)+$", "--corpus", str(page))
    assert time.monotonic() - started < 5
    one_line_error(result, 2, "QUERY", "took more than 0.5 s")


def test_6_the_issues_patterns_answer_at_once(run: Run) -> None:
    started = time.monotonic()
    result = run("search", "--regex", r"(\w+\s?)+!")
    assert result.exit_code == 0 and time.monotonic() - started < 5
    assert run("search", "--regex", "1[0-9] hari").stdout.count("\n") == 2  # as README shows


# --- 4. CSV cells are never formulas ---

EVIL = {
    "title": '=HYPERLINK("http://x.example","klik")',
    "outlet": "@SUM(1+1)",
    "date": "2024-11-02",
    "text": "NUNUKAN – Bupati Nunukan Asmin Laura Hafid meminta warga datang ke TPS.\n\n"
    "“=1+2 suara warga menentukan masa depan daerah,” kata Laura.\n\n"
    "-1 suara pun berharga bagi demokrasi di daerah perbatasan ini.",
}


def _cells(text: str) -> list[dict[str, str]]:
    import csv
    import io

    return list(csv.DictReader(io.StringIO(text)))


def test_4_every_csv_writer_neutralises_formulas(run: Run, tmp_path: Path) -> None:
    scraped = tmp_path / "evil.jsonl"
    scraped.write_text(json.dumps(EVIL) + "\n", encoding="utf-8")
    (row,) = _cells(run("export", "--format", "csv", "--out", "-", "--corpus", str(scraped)).stdout)
    assert row["title"] == "'" + EVIL["title"] and row["outlet"] == "'@SUM(1+1)"
    assert row["quotes"] == "1" and row["text"].startswith("NUNUKAN")
    out = tmp_path / "berita.csv"
    assert (
        run("export", "--format", "csv", "--out", str(out), "--corpus", str(scraped)).exit_code == 0
    )
    assert _cells(out.read_text(encoding="utf-8")) == [row]
    (quote,) = _cells(run("quotes", "--csv", "--corpus", str(scraped)).stdout)
    assert quote["quote"].startswith("'=1+2") and quote["outlet"] == "'@SUM(1+1)"
    assert quote["speaker"] == "Asmin Laura Hafid"


@pytest.mark.parametrize(
    ("cell", "safe"),
    [
        ("=1+1", "'=1+1"),
        ("+62", "'+62"),
        ("-5", "'-5"),
        ("@A1", "'@A1"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("Pilkada =1", "Pilkada =1"),
        ("", ""),
        (3, 3),
    ],
)
def test_4_the_owasp_rule(cell: object, safe: object) -> None:
    from pilkada.export import neutralised

    assert neutralised(cell) == safe


# --- 9. a full disk during `index` ---


def test_9_a_full_disk_during_index_says_so_and_keeps_the_index(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pilkada import ingest, store

    db = tmp_path / "index.db"
    assert run("index", str(faults.many(tmp_path / "a", 10)), "--db", str(db)).exit_code == 0
    connect = store.connect

    def small_disk(path: Path, **kwargs: object) -> sqlite3.Connection:
        conn = connect(path, **kwargs)  # type: ignore[arg-type]
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count = {pages + 30}")  # the disk fills up on the way
        return conn

    monkeypatch.setattr(ingest.store, "connect", small_disk)
    more = faults.many(tmp_path / "b", 200)
    for _ in range(2):  # and so does a re-run, with the same message
        result = run("index", str(more), "--db", str(db), "--batch", "20", "--jobs", "1")
        one_line_error(result, 1, "the disk is full", str(db), "run the same command again")
    monkeypatch.undo()
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] >= 10


# --- 8. byte damage inside an index ---

READERS = [
    ["list"],
    ["list", "--json"],
    ["summarise"],
    ["officials"],
    ["export", "--format", "jsonl", "--out", "-"],
    ["search", "pilkada"],
    ["quotes", "--by", "laura"],
    ["quotes", "netral"],
    ["show", "004"],
]


@pytest.mark.parametrize(
    "damage",
    [
        "UPDATE articles SET data = substr(data, 1, 20) || x'00ff' || substr(data, 23)",
        "UPDATE articles SET data = x'789c4b4c4a0600024d0127'",  # zlib of 'abc': no Article
        "UPDATE articles SET listed_title = CAST(x'42757061ff74' AS TEXT)",  # not UTF-8
        "UPDATE articles SET published = '2024-11m18' WHERE published IS NOT NULL",  # a bit off
        "UPDATE quotes SET n = n + 50",  # rows naming quotes the articles do not have
    ],
)
def test_8_a_damaged_article_is_one_line_with_the_rebuild(
    run: Run, indexed: Path, damage: str
) -> None:
    conn = sqlite3.connect(indexed)
    conn.execute(damage)
    conn.commit()
    conn.close()
    # the listing and the dates: read by the listing alone, which reads no data, and by the
    # summary, which counts the articles by day; the summary and the people of an index are
    # read from its tables, never from the data
    tables = (["list"], ["summarise"], ["officials"])
    for args in READERS:
        if "title" in damage and args != ["list"]:
            continue
        if "published" in damage and args not in (["list"], ["summarise"]):
            continue
        if "SET data" in damage and args in tables:
            continue
        if "quotes" in damage and args != ["quotes", "netral"]:
            continue  # the quote rows are read for a query of the quotes
        result = run(*args, "--db", str(indexed))
        one_line_error(result, 1, "is damaged", "--rebuild")


def test_8_random_byte_flips_never_give_a_traceback(run: Run, indexed: Path) -> None:
    import random
    import shutil

    rng = random.Random(19)
    damaged = indexed.with_name("damaged.db")
    for _ in range(6):
        shutil.copyfile(indexed, damaged)
        data = bytearray(damaged.read_bytes())
        for _ in range(40):
            at = rng.randrange(4096, len(data))  # past the header: damage, not another file
            data[at] ^= 1 << rng.randrange(8)
        damaged.write_bytes(bytes(data))
        for args in READERS:
            result = run(*args, "--db", str(damaged))  # the fixture raises any traceback
            if result.exit_code:
                assert result.stderr.count("\n") == 1 and result.stderr.startswith("Error: ")
        # whatever a reader made of it, the check of the whole index finds the damage
        one_line_error(run("check", "--db", str(damaged)), 1, "is damaged", "--rebuild")


def test_8_check_says_a_sound_index_is_sound(run: Run, indexed: Path) -> None:
    result = run("check", "--db", str(indexed))
    assert result.exit_code == 0, result.output
    articles = sqlite3.connect(indexed).execute("SELECT count(*) FROM articles").fetchone()[0]
    assert f"articles: {articles}\n" in result.stdout
    assert "sound: SQLite's pages, the full-text tables, every article" in result.stdout
    report = json.loads(run("check", "--db", str(indexed), "--json").stdout)
    assert report["articles"] == articles and report["full_text"] is True
    assert report["quotes"] == len(json.loads(run("quotes", "--json", "--db", str(indexed)).stdout))


@pytest.mark.parametrize(
    ("damage", "told"),
    [
        # a page of the full-text index gone: SQLite's pages are sound, FTS5's index is not
        (
            "DELETE FROM quote_fts_data WHERE rowid = (SELECT max(rowid) FROM quote_fts_data)",
            "full-text table quote_fts",
        ),
        ("UPDATE quotes SET article = 99999 WHERE rowid = 1", "quote rows name no article"),
        ("UPDATE quotes SET n = n + 50 WHERE rowid = 1", "a quote the index lists is not in"),
        (
            "UPDATE articles SET listed_title = 'x' || listed_title WHERE rowid = 2",
            "do not match their checksum",
        ),
        # the plain columns other programs read: what the stored Article says, to the letter
        ("UPDATE articles SET text = 'x' || text WHERE rowid = 2", "do not match the article"),
        (
            "UPDATE articles SET title = NULL"
            " WHERE rowid = (SELECT min(rowid) FROM articles WHERE title IS NOT NULL)",
            "do not match the article",
        ),
        ("UPDATE quotes SET speaker = 'x' WHERE rowid = 2", "do not match the article"),
        ("DELETE FROM removed WHERE n = 0 AND article = 1", "do not match the article"),
        ("UPDATE mentions SET name = 'x' WHERE n = 0 AND article = 3", "do not match the article"),
        ("UPDATE articles SET data = x'789c4b4c4a0600024d0127' WHERE rowid = 3", "cannot be read"),
    ],
)
def test_8_check_finds_damage_no_query_would_show(
    run: Run, indexed: Path, damage: str, told: str
) -> None:
    conn = sqlite3.connect(indexed)
    conn.execute(damage)
    conn.commit()
    conn.close()
    one_line_error(run("check", "--db", str(indexed)), 1, "is damaged", told, "--rebuild")


def test_8_check_of_an_index_it_may_not_write_skips_the_full_text_tables(
    run: Run, indexed: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pilkada import store

    monkeypatch.setattr(store.checking.os, "access", lambda path, mode: False)
    result = run("check", "--db", str(indexed))
    assert result.exit_code == 0, result.output
    assert "the full-text tables were not" in result.stdout


def test_8_check_without_an_index_says_so(run: Run, tmp_path: Path) -> None:
    one_line_error(run("check", "--db", str(tmp_path / "nope.db")), 2, "nope.db")


# --- 1. a file name that is not valid UTF-8 ---


def test_1_a_file_name_that_is_not_utf8_is_indexed_and_shown(
    run: Run, tmp_path: Path, seed_files: list[Path]
) -> None:
    folder = tmp_path / "zip"
    folder.mkdir()
    odd = os.fsdecode(bytes(folder) + b"/caf\xe9.txt")  # as a zip from another system gives it
    Path(odd).write_bytes(seed_files[0].read_bytes())
    (folder / "biasa.txt").write_bytes(seed_files[1].read_bytes())
    db = tmp_path / "index.db"
    first = run("index", str(folder), "--db", str(db), "--json")
    assert first.exit_code == 0, first.stderr
    assert json.loads(first.stdout)["added"] == 2
    again = json.loads(run("index", str(folder), "--db", str(db), "--json", "--prune").stdout)
    assert (again["unchanged"], again["pruned"]) == (2, 0)  # known, and not taken for gone
    listed = run("list", "--db", str(db), "--json")
    sources = sorted(a["source"] for a in json.loads(listed.stdout))
    assert sources == [str(folder / "biasa.txt"), str(folder) + "/caf\\xe9.txt"]
    parsed = run("parse", odd)
    assert parsed.exit_code == 0 and json.loads(parsed.stdout)["id"] == "caf\\xe9"
    assert "caf\\xe9" in run("list", "--corpus", str(folder)).stdout
    Path(odd).unlink()
    gone = json.loads(run("index", str(folder), "--db", str(db), "--json", "--prune").stdout)
    assert (gone["pruned"], gone["articles"]) == (1, 1)


# --- 10. an export killed leaves no temp behind ---

SLOW_EXPORT = """
import sys, time
from pathlib import Path
from pilkada import corpus, export

def slow():
    for article in corpus.load(corpus.resolve(None)):
        yield article
        time.sleep(60)  # killed here, with the first article written to the temp

export.export(slow(), sys.argv[1], Path(sys.argv[2]))
"""


def _started_export(fmt: str, out: Path) -> subprocess.Popen[bytes]:
    """An export that writes one article, then waits to be killed: its temp is there."""
    proc = subprocess.Popen([sys.executable, "-c", SLOW_EXPORT, fmt, str(out)])
    deadline = time.monotonic() + 30
    while not list(out.parent.glob(f".{out.name}.tmp-*")):
        assert time.monotonic() < deadline and proc.poll() is None
        time.sleep(0.05)
    time.sleep(0.3)  # well inside the sleep
    return proc


def _left(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


@pytest.mark.parametrize("fmt", ["jsonl", "md"])
def test_10_sigterm_removes_the_temp_at_once(tmp_path: Path, fmt: str) -> None:
    out = tmp_path / ("out.jsonl" if fmt == "jsonl" else "artikel")
    proc = _started_export(fmt, out)
    proc.terminate()
    assert proc.wait(timeout=30) == 128 + 15
    assert _left(tmp_path) == [] and not out.exists()


@pytest.mark.parametrize("fmt", ["jsonl", "md"])
def test_10_kill_9_leaves_a_temp_that_the_next_export_removes(
    run: Run, tmp_path: Path, fmt: str
) -> None:
    out = tmp_path / ("out.jsonl" if fmt == "jsonl" else "artikel")
    proc = _started_export(fmt, out)
    proc.kill()
    proc.wait(timeout=30)
    assert len(_left(tmp_path)) == 1 and not out.exists()
    result = run("export", "--format", fmt, "--out", str(out))
    assert result.exit_code == 0, result.stderr
    assert _left(tmp_path) == [] and out.exists()


def test_10_a_folder_being_replaced_when_killed_is_put_back(tmp_path: Path) -> None:
    from pilkada.export import sweep

    done = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True
    )
    dead = int(done.stdout)
    old = tmp_path / f".artikel.old-{dead}-0123abcd"  # moved aside, the new one not yet in place
    old.mkdir()
    (old / "a.md").write_text("# mine\n", encoding="utf-8")
    running = tmp_path / f".artikel.tmp-{os.getpid()}-0123abcd"  # an export still at work
    running.mkdir()
    assert sweep(tmp_path) == [old]
    assert (tmp_path / "artikel" / "a.md").read_text(encoding="utf-8") == "# mine\n"
    assert running.is_dir()


# --- 11. an index or a folder that may not be written ---


def _unprivileged() -> None:
    """In the child: root as an ordinary user is, bound by files' permissions (without the
    capabilities that override them: CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH)."""
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (1, 2):
        if libc.prctl(24, capability, 0, 0, 0) != 0:  # PR_CAPBSET_DROP
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


def limited(*args: str) -> subprocess.CompletedProcess[str]:
    """``pilkada`` run as a user whom a file's permissions bind (as root is not)."""
    return pilkada(*args, preexec_fn=_unprivileged if os.geteuid() == 0 else None)


def _one_line(done: subprocess.CompletedProcess[str], code: int, *words: str) -> None:
    assert done.returncode == code, done.stderr
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), done.stderr
    assert all(w in lines[0] for w in words), lines[0]


def test_11_an_index_that_may_not_be_written_is_read_and_not_written(
    run: Run, indexed: Path, corpus_dir: Path
) -> None:
    (indexed.parent / "index.db.lock").unlink()
    for path in indexed.parent.glob("index.db*"):
        path.chmod(0o444)
    indexed.parent.chmod(0o555)
    try:
        found = limited("search", "aman", "--db", str(indexed))
        assert found.returncode == 0, found.stderr
        assert found.stdout == run("search", "aman", "--db", str(indexed)).stdout
        assert limited("quotes", "--by", "laura", "--db", str(indexed)).stdout.count("\n") == 2
        assert limited("list", "--db", str(indexed)).stdout.count("\n") == 6
        _one_line(limited("index", str(corpus_dir), "--db", str(indexed)), 1, "permission denied")
        _one_line(
            limited("index", str(corpus_dir), "--db", str(indexed.parent / "new" / "i.db")),
            1,
            "cannot write the index",
            "permission denied",
        )
    finally:
        indexed.parent.chmod(0o755)


def test_11_a_read_only_index_with_changes_in_its_wal_says_so(run: Run, indexed: Path) -> None:
    """Read as a file no one changes, it would miss its last batches: a silent wrong answer."""
    import shutil

    writer = sqlite3.connect(indexed)
    writer.execute("PRAGMA wal_autocheckpoint = 0")
    writer.execute("DELETE FROM articles WHERE id LIKE '000%'")  # a batch still in the WAL
    writer.commit()
    copy = indexed.parent / "salinan"
    copy.mkdir()
    for name in ("index.db", "index.db-wal"):
        shutil.copyfile(indexed.parent / name, copy / name)
    writer.close()
    copy.chmod(0o555)
    try:
        _one_line(limited("list", "--db", str(copy / "index.db")), 1, "index.db-wal", "--db")
    finally:
        copy.chmod(0o755)


# --- 12. silent losses ---


def test_12_pool_workers_die_with_a_killed_index(tmp_path: Path) -> None:
    folder = faults.many(tmp_path / "berita", 600)
    errors = tmp_path / "stderr.txt"
    with open(errors, "w") as err:
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "pilkada",
                "index",
                str(folder),
                "--db",
                str(tmp_path / "i.db"),
                "--jobs",
                "2",
            ],
            stdout=subprocess.DEVNULL,
            stderr=err,
        )
    deadline = time.monotonic() + 60
    while len(workers := faults.children(proc.pid)) < 2:
        assert time.monotonic() < deadline and proc.poll() is None
        time.sleep(0.02)
    time.sleep(0.3)
    proc.kill()
    proc.wait()
    deadline = time.monotonic() + 10
    while any(map(faults.alive, workers)):
        assert time.monotonic() < deadline, "workers outlived the killed index"
        time.sleep(0.05)
    time.sleep(0.2)
    assert "Traceback" not in errors.read_text()


def test_12_an_unreadable_sub_folder_is_reported(tmp_path: Path, seed_files: list[Path]) -> None:
    folder = tmp_path / "berita"
    (folder / "tertutup").mkdir(parents=True)
    (folder / "tertutup" / "a.txt").write_bytes(seed_files[0].read_bytes())
    (folder / "b.txt").write_bytes(seed_files[1].read_bytes())
    (folder / "tertutup").chmod(0)
    try:
        indexed = limited("index", str(folder), "--db", str(tmp_path / "i.db"), "--json")
        told = limited("index", str(folder), "--db", str(tmp_path / "i.db"))
        listed = limited("list", "--corpus", str(folder))
    finally:
        (folder / "tertutup").chmod(0o755)
    report = json.loads(indexed.stdout)
    assert (report["added"], report["failed"]) == (1, 1), indexed.stderr
    unreadable = str(folder / "tertutup")
    assert report["failures"] == [
        {"source": unreadable, "reason": "cannot read the folder: permission denied"}
    ]
    assert f"{unreadable}: cannot read the folder: permission denied" in told.stderr
    assert listed.returncode == 0 and listed.stdout.count("\n") == 2
    assert listed.stderr == (
        f"Warning: {unreadable}: cannot read the folder: permission denied (skipped)\n"
    )


def test_12_a_stray_nul_byte_is_removed_and_noted(
    run: Run, tmp_path: Path, seed_files: list[Path]
) -> None:
    data = seed_files[4].read_bytes()
    damaged = tmp_path / "nul.txt"
    damaged.write_bytes(data[:500] + b"\x00" + data[500:])
    article = json.loads(run("parse", str(damaged)).stdout)
    clean = json.loads(run("parse", str(seed_files[4])).stdout)
    assert article["removed"][0] == {"line": "1 NUL byte", "reason": "stray NUL bytes removed"}
    assert article["paragraphs"] == clean["paragraphs"] and article["quotes"] == clean["quotes"]


def test_12_mojibake_is_repaired_and_noted(
    run: Run, tmp_path: Path, seed_files: list[Path]
) -> None:
    import ftfy  # noqa: F401  (registers the codec a browser reads Windows-1252 with)

    text = seed_files[3].read_text(encoding="utf-8")
    garbled = text.encode("utf-8").decode("sloppy-windows-1252")
    assert "â€œ" in garbled
    (tmp_path / "moji.txt").write_text(garbled, encoding="utf-8")
    (tmp_path / "moji.jsonl").write_text(json.dumps({"text": garbled}) + "\n", encoding="utf-8")
    clean = json.loads(run("parse", str(seed_files[3])).stdout)
    for name in ("moji.txt", "moji.jsonl"):
        article = json.loads(run("parse", str(tmp_path / name)).stdout)
        assert (article["outlet"], article["quotes"]) == (clean["outlet"], clean["quotes"])
        notes = [r for r in article["removed"] if r["reason"].startswith("mojibake repaired")]
        assert len(notes) == 3 and all(n["line"].startswith("â€œ") for n in notes)


def test_12_a_bad_date_in_jsonl_is_noted_and_doubtful(run: Run, tmp_path: Path) -> None:
    lines = [
        {
            "text": "SAMPIT – Bupati Kotim Halikinnor meminta warga menjaga pilkada damai.",
            "date": "32/13/2024",
        },
        {
            "text": "SAMPIT – Bupati Kotim Halikinnor meminta warga menjaga pilkada aman.",
            "date": 20241102,
        },
        {
            "text": "SAMPIT – Bupati Kotim Halikinnor meminta warga datang ke TPS.",
            "date": "2024-11-02",
        },
    ]
    scraped = tmp_path / "scrape.jsonl"
    scraped.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    articles = [json.loads(line) for line in run("parse", str(scraped)).stdout.splitlines()]
    assert [a["published"] for a in articles] == [None, None, "2024-11-02"]
    assert articles[0]["removed"][0] == {
        "line": '"date": "32/13/2024"',
        "reason": "a date that could not be read",
    }
    doubtful = run("list", "--doubtful", "--corpus", str(scraped)).stdout
    assert 'the record\'s date "32/13/2024" is not a date' in doubtful
    assert "the record's date 20241102 is not a date" in doubtful
    assert "scrape.3" not in doubtful


# --- fuzz: parse any bytes ---


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=faults.any_bytes(), fmt=st.sampled_from(["txt", "html", "jsonl"]))
def test_fuzz_parse_any_bytes_gives_articles_or_reasons(data: bytes, fmt: str) -> None:
    faults.check_bytes(data, fmt)
