"""The index's speed figures, from one command on deterministic input.

    python benchmarks/index_bench.py [--articles 100000] [--seed 0] [--workdir DIR] [--keep]
    python benchmarks/index_bench.py --articles 1000000 --workdir DIR --search-only  # after --keep

1. Writes N generated raw articles (generate.py) as .txt files, 1,000 to a folder; a second run
   with the same N and seed in the same --workdir reuses them.
2. Parse rate in one process (articles/s per core) on the first 1,000 of them.
3. ``pilkada index`` of the corpus into a new database, as a separate process on every core: wall
   time, peak memory (the resident memory of the process and its workers, summed, sampled every
   0.1 s) and database size.
4. ``pilkada index`` again on the unchanged corpus: wall time.
5. Search latency in process (store.search, 20 hits, snippets included), p50 and p95 over 50
   runs after a warm-up, for a word, a common word, a phrase and a filter by official.
6. Whole-process ``pilkada search WORD`` on the index against ``rg -l -i WORD`` over the raw
   files (median of 5 runs each, after one warm-up run each).
7. Start-up: ``pilkada --help`` against ``python -c pass``, median of 15 runs each.
8. The commands over the whole corpus, each a separate process (``--json``, its output read
   through a pipe): ``officials``, ``summarise``, ``quotes --by NAME`` (a frequent last name),
   and ``officials`` and ``summarise`` of the articles since the median date: wall time and
   peak memory of one run.

``--commands-only --db PATH`` gives only step 8, on an index already built (by this pilkada or,
with PYTHONPATH naming another one's source, by that one: a before-and-after in one sitting).

Prints each figure with its target (the issue's, for a 2-core machine), then one JSON line.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from generate import generate

from pilkada import parse, store

PER_FOLDER = 1000
PARSE_SAMPLE = 1000
SEARCH_RUNS = 50
PROCESS_RUNS = 5
STARTUP_RUNS = 15
# in the generated corpus's clean text: "debat" is in 5.5% of the articles, "kampanye" in 48%,
# "pilkada" in all of them, "politik uang" in 29%
WORD, COMMON, EVERY, PHRASE = "debat", "kampanye", "pilkada", '"politik uang"'
# a short prefix (a user's first letters: a great many words start with "pe") and an AND of two
# common words
PREFIX, BOTH = "pe*", "kampanye pilkada"
TARGETS = {
    "parse_per_core": 1000.0,  # articles/s
    "index_seconds_100k": 120.0,
    "index_peak_mb": 500.0,
    "reindex_seconds": 10.0,
    "search_p95_ms": 20.0,  # at 1,000,000 articles
    "rg_speedup": 10.0,  # at 1,000,000 articles
    "startup_ratio": 1.5,
    "command_seconds": 5.0,  # officials, summarise, quotes --by: at 1,000,000 articles
    "command_peak_mb": 300.0,
}


def write_corpus(folder: Path, n: int, seed: int) -> float:
    """N articles as .txt files, PER_FOLDER to a subfolder; seconds taken (0 when reused)."""
    marker = folder / "corpus.json"
    if marker.exists() and json.loads(marker.read_text()) == {"articles": n, "seed": seed}:
        return 0.0
    shutil.rmtree(folder, ignore_errors=True)
    started = time.perf_counter()
    for i, (name, text) in enumerate(generate(n, seed)):
        sub = folder / f"{i // PER_FOLDER:04d}"
        if i % PER_FOLDER == 0:
            sub.mkdir(parents=True)
        (sub / f"{name}.txt").write_text(text, encoding="utf-8")
    marker.write_text(json.dumps({"articles": n, "seed": seed}))
    return time.perf_counter() - started


def parse_rate(folder: Path) -> float:
    paths = sorted(folder.glob("0000/*.txt"))[:PARSE_SAMPLE]
    texts = [p.read_text(encoding="utf-8") for p in paths]
    for text in texts[:100]:  # warm-up: imports, lexicons
        parse(text)
    started = time.perf_counter()
    for text in texts:
        parse(text)
    return len(texts) / (time.perf_counter() - started)


def _tree_rss(root: int) -> int:
    """Resident bytes of a process and all its descendants."""
    parents: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
                parents[int(entry)] = int(stat.rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
    tree, frontier = {root}, [root]
    while frontier:
        pid = frontier.pop()
        for child, parent in parents.items():
            if parent == pid and child not in tree:
                tree.add(child)
                frontier.append(child)
    total = 0
    for pid in tree:
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1]) * 1024
        except OSError:
            continue
    return total


def run_measured(command: Sequence[str]) -> tuple[float, int, str]:
    """Wall seconds, peak resident bytes (process tree) and stdout of a command."""
    started = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    peak = 0
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not stop.is_set():
            peak = max(peak, _tree_rss(proc.pid))
            stop.wait(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, _ = proc.communicate()
    seconds = time.perf_counter() - started
    stop.set()
    sampler.join()
    if proc.returncode:
        sys.exit(f"{' '.join(command)} failed with status {proc.returncode}")
    return seconds, peak, out


def latency(fn: Callable[[], object]) -> tuple[float, float]:
    """p50 and p95 in milliseconds over SEARCH_RUNS calls, after three warm-up calls."""
    for _ in range(3):
        fn()
    times = []
    for _ in range(SEARCH_RUNS):
        started = time.perf_counter()
        fn()
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.95) - 1]


def wall(command: Sequence[str], runs: int) -> float:
    """Median wall seconds of a command (output discarded), after one warm-up run."""
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def matches(conn: object, query: str, filters: store.Filters) -> int:
    """How many articles a search finds (counted in SQL: no snippets)."""
    from pilkada.fts import translate

    where, args = filters.where()
    sql = (
        "SELECT count(*) FROM article_fts JOIN articles a ON a.rowid = article_fts.rowid"
        f" WHERE article_fts MATCH ? AND {where}"
    )
    return int(conn.execute(sql, [translate(query).match, *args]).fetchone()[0])  # type: ignore[attr-defined]


def an_official(conn: object) -> str:
    """A name to filter by, as a user types one: the most frequent last name of the people
    named in the first 2,000 articles (the generator invents a new person for each article)."""
    from collections import Counter

    names: Counter[str] = Counter()
    rows = conn.execute("SELECT data FROM articles LIMIT 2000")  # type: ignore[attr-defined]
    for (data,) in rows:
        article = store.decode(data)
        names.update({p.name.split()[-1] for p in article.officials if len(p.name.split()) >= 2})
    return names.most_common(1)[0][0]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--workdir", help="where the corpus and index go (kept for reuse)")
    ap.add_argument("--keep", action="store_true", help="keep the index afterwards")
    ap.add_argument(
        "--search-only",
        action="store_true",
        help="only the search and start-up figures, on the corpus and index --keep left",
    )
    ap.add_argument(
        "--commands-only",
        action="store_true",
        help="only the whole-corpus commands (officials, summarise, quotes --by), on --db",
    )
    ap.add_argument("--db", help="the index --commands-only reads")
    args = ap.parse_args()
    n = args.articles
    work = Path(args.workdir or Path(tempfile.gettempdir()) / f"pilkada-bench-{n}-{args.seed}")
    corpus, db = work / "corpus", work / "index.db"
    pilkada = [sys.executable, "-m", "pilkada"]
    figures: dict[str, object] = {"articles": n, "seed": args.seed, "cores": os.cpu_count()}
    if args.commands_only:
        if not args.db or not Path(args.db).is_file():
            sys.exit("--commands-only reads an index: name it with --db PATH")
        commands(Path(args.db), pilkada, figures)
        print(json.dumps(figures))
        return

    print(f"corpus: {n} articles in {corpus}")
    if args.search_only:
        if not db.is_file():
            sys.exit(f"no index at {db}: run without --search-only, with --keep, first")
    else:
        build(corpus, db, n, args.seed, pilkada, figures)
    search(corpus, db, pilkada, figures)
    commands(db, pilkada, figures)
    if not args.keep and not args.search_only:
        for suffix in ("", "-wal", "-shm", ".lock"):
            Path(str(db) + suffix).unlink(missing_ok=True)
    print(json.dumps(figures))


def build(
    corpus: Path, db: Path, n: int, seed: int, pilkada: list[str], figures: dict[str, object]
) -> None:
    """The corpus, the parse rate, the index build and the re-index."""
    figures["generate_seconds"] = round(write_corpus(corpus, n, seed), 1)
    raw = sum(p.stat().st_size for p in corpus.rglob("*.txt"))
    figures["raw_mb"] = round(raw / 1e6, 1)

    rate = parse_rate(corpus)
    figures["parse_per_core"] = round(rate)
    print(f"parse rate, one process: {rate:,.0f} articles/s (target ≥ 1,000 per core)")

    for suffix in ("", "-wal", "-shm", ".lock"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    seconds, peak, out = run_measured([*pilkada, "index", str(corpus), "--db", str(db), "--json"])
    report = json.loads(out)
    size = sum(Path(str(db) + s).stat().st_size for s in ("", "-wal") if Path(str(db) + s).exists())
    figures.update(
        index_seconds=round(seconds, 1),
        index_rate=round(n / seconds),
        index_peak_mb=round(peak / 1e6),
        db_mb=round(size / 1e6),
        indexed=report["articles"],
    )
    target = TARGETS["index_seconds_100k"] * n / 100_000
    print(
        f"index build: {seconds:.1f} s ({n / seconds:,.0f} articles/s; target ≤ {target:.0f} s "
        f"at this size), peak memory {peak / 1e6:,.0f} MB (target ≤ 500 MB), "
        f"database {size / 1e6:,.0f} MB for {raw / 1e6:,.0f} MB of raw text"
    )

    bare = bare_fts(corpus, db.with_name("bare-fts.db"))
    figures.update(bare_fts_seconds=round(bare, 1), index_to_bare_fts=round(seconds / bare, 1))
    print(
        f"a bare FTS5 insert of the same raw texts, one process: {bare:.1f} s; "
        f"pilkada index takes {seconds / bare:.1f}x that (it parses them too)"
    )

    seconds, _, out = run_measured([*pilkada, "index", str(corpus), "--db", str(db), "--json"])
    figures["reindex_seconds"] = round(seconds, 2)
    print(
        f"re-index, unchanged: {seconds:.2f} s (target ≤ 10 s), "
        f"{json.loads(out)['unchanged']} unchanged"
    )


def bare_fts(corpus: Path, path: Path) -> float:
    """Wall seconds to read the raw files and insert them, as they are, into one FTS5 table of
    one column (SQLite's own tokenizer, no prefix index), a thousand a transaction: the floor
    any full-text index of the same texts stands on."""
    import sqlite3

    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    started = time.perf_counter()
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("CREATE VIRTUAL TABLE bare USING fts5 (body)")
    files = sorted(corpus.rglob("*.txt"))
    for at in range(0, len(files), 1000):
        conn.execute("BEGIN")
        conn.executemany(
            "INSERT INTO bare (body) VALUES (?)",
            ((f.read_text(encoding="utf-8"),) for f in files[at : at + 1000]),
        )
        conn.execute("COMMIT")
    conn.close()
    seconds = time.perf_counter() - started
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    return seconds


def search(corpus: Path, db: Path, pilkada: list[str], figures: dict[str, object]) -> None:
    """Search latency in process, whole-process search against rg, and start-up."""
    conn = store.connect(db)
    official = an_official(conn)
    figures["official"] = official
    cases = {
        "rare_word": (official.lower(), store.Filters()),  # a name: a few hundred at 1M
        "word": (WORD, store.Filters()),
        "common_word": (COMMON, store.Filters()),
        "every_article_word": (EVERY, store.Filters()),
        "phrase": (PHRASE, store.Filters()),
        "short_prefix": (PREFIX, store.Filters()),
        "two_word_and": (BOTH, store.Filters()),
        "official": (COMMON, store.Filters(official=official)),
    }
    for name, (query, filters) in cases.items():
        hits = matches(conn, query, filters)
        notes: list[str] = []
        store.search(conn, query, limit=20, filters=filters, notes=notes)
        ranked = f"the {store.BROAD:,} indexed last" if notes else "bm25"
        p50, p95 = latency(lambda q=query, f=filters: store.search(conn, q, limit=20, filters=f))
        figures[f"search_{name}_p50_ms"] = round(p50, 2)
        figures[f"search_{name}_p95_ms"] = round(p95, 2)
        figures[f"search_{name}_hits"] = hits
        figures[f"search_{name}_ranked"] = ranked
        label = f"{query} --official {official!r}" if filters.official else query
        print(
            f"search {name} ({label}; {hits:,} hits, ranked: {ranked}): p50 {p50:.1f} ms, "
            f"p95 {p95:.1f} ms (target p95 ≤ 20 ms at 1M)"
        )

    ours = wall([*pilkada, "search", WORD, "--db", str(db)], PROCESS_RUNS)
    figures["process_search_seconds"] = round(ours, 3)
    rg = shutil.which("rg")
    if rg:
        theirs = wall([rg, "-l", "-i", WORD, str(corpus)], PROCESS_RUNS)
        figures["rg_seconds"] = round(theirs, 3)
        figures["rg_speedup"] = round(theirs / ours, 2)
        print(
            f"whole process: pilkada search {WORD} {ours:.3f} s, rg -l -i {WORD} {theirs:.3f} s: "
            f"{theirs / ours:.1f}x (target ≥ 10x at 1M)"
        )
    else:
        print(f"whole process: pilkada search {WORD} {ours:.3f} s; rg is not installed")

    listing = wall([*pilkada, "list", "--db", str(db)], 1)
    rows = store.count(conn)
    figures["list_seconds"] = round(listing, 2)
    print(
        f"whole process: pilkada list of all {rows:,} articles {listing:.2f} s"
        f" ({rows / listing:,.0f} rows/s)"
    )

    script = shutil.which("pilkada")
    help_s = wall([script, "--help"] if script else [*pilkada, "--help"], STARTUP_RUNS)
    bare = wall([sys.executable, "-c", "pass"], STARTUP_RUNS)
    figures.update(help_seconds=round(help_s, 3), python_seconds=round(bare, 3))
    figures["startup_ratio"] = round(help_s / bare, 2)
    print(
        f"start-up: pilkada --help {help_s * 1000:.0f} ms, python -c pass {bare * 1000:.0f} ms: "
        f"{help_s / bare:.2f}x (target ≤ 1.5x)"
    )

    conn.close()


def commands(db: Path, pilkada: list[str], figures: dict[str, object]) -> None:
    """The commands that read the whole corpus, each a process of its own: wall time and peak
    memory, against the targets at 1M."""
    conn = store.connect(db)
    rows = store.count(conn)
    official = an_official(conn)
    days = [d for (d,) in conn.execute("SELECT published FROM articles WHERE published NOT NULL")]
    middle = sorted(days)[len(days) // 2] if days else "2024-01-01"
    conn.close()
    figures["indexed"] = rows
    cases = {
        "officials": ["officials"],
        "summarise": ["summarise"],
        "quotes_by": ["quotes", "--by", official],
        "officials_since": ["officials", "--since", middle],
        "summarise_since": ["summarise", "--since", middle],
    }
    print(f"index: {db} ({rows:,} articles); --by {official!r}, --since {middle}")
    for name, args in cases.items():
        seconds, peak, out = run_measured([*pilkada, *args, "--db", str(db), "--json"])
        figures[f"{name}_seconds"] = round(seconds, 2)
        figures[f"{name}_peak_mb"] = round(peak / 1e6)
        print(
            f"whole process: pilkada {' '.join(args)} --json: {seconds:.2f} s, peak memory"
            f" {peak / 1e6:,.0f} MB, {len(out) / 1e6:,.1f} MB of output"
            f" (target ≤ {TARGETS['command_seconds']:.0f} s and"
            f" ≤ {TARGETS['command_peak_mb']:.0f} MB at 1M)"
        )


if __name__ == "__main__":
    main()
