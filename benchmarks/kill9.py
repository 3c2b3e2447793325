"""kill -9 during `pilkada index` and `pilkada export`, at random moments (issue 19's Done-when).

    python benchmarks/kill9.py [--trials 10] [--files 2000] [--seed 0] [--workdir DIR]

Writes ``--files`` distinct articles (the seeds, each copy with a line of its own), then:

- index, ``--trials`` times: ``pilkada index`` (on every core, small batches) is killed with
  SIGKILL at a random moment of a full run's time, on a fresh index in every other trial, else
  on the one the last trial completed, with a third of the files changed (so that articles are
  replaced when it is killed). Just before the kill, a reader takes the articles the index holds
  (id and hash): those were committed. Afterwards: ``PRAGMA integrity_check`` is ok, each of
  them is still there (as it was, or as a later batch replaced it), no worker of the killed run
  is left, and the same command run again completes the index (every article) and leaves no
  file beside it but the index, its WAL files and its lock.
- export, ``--trials`` times, alternately jsonl and md: ``pilkada export --force`` over a target
  that a previous export wrote is killed at a random moment of its writing (after its temporary
  file or folder appears). Afterwards the target is whole (the
  old export or the new one, every article in it), and the next export leaves no temporary
  file or folder behind.

Prints one line per trial, the totals, then one JSON line. Exits 1 if any trial failed.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from faults import alive, children, many  # noqa: E402  (the fault tests' helpers)
from pilkada.formats import digest  # noqa: E402

INDEX_FILES = {"index.db", "index.db-wal", "index.db-shm", "index.db.lock"}


def pilkada(*args: str) -> list[str]:
    return [sys.executable, "-m", "pilkada", *args]


def ids(db: Path) -> dict[str, str]:
    """The index's articles: id -> the hash of the text each was parsed from."""
    if not db.exists():
        return {}
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=10)
        try:
            return dict(conn.execute("SELECT id, hash FROM articles").fetchall())
        finally:
            conn.close()
    except sqlite3.Error:  # not created yet
        return {}


def integrity(db: Path) -> str:
    conn = sqlite3.connect(db)
    try:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        conn.close()


def timed(args: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def index_trial(
    k: int, rng: random.Random, corpus: Path, work: Path, full: float
) -> dict[str, object]:
    db = work / "idx" / "index.db"
    if k % 2 == 0 and db.parent.exists():
        shutil.rmtree(db.parent)
    db.parent.mkdir(exist_ok=True)
    if k % 2 == 1:  # on the index the last trial completed, a third of the files changed
        for path in sorted(corpus.iterdir())[k % 3 :: 3]:
            with open(path, "a", encoding="utf-8") as f:
                f.write(f"Diperbarui pada percobaan {k}.\n")
    command = pilkada("index", str(corpus), "--db", str(db), "--batch", "50")
    before = ids(db)
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    delay = rng.uniform(0.05, full)
    time.sleep(delay)
    workers = children(proc.pid)
    committed = ids(db)
    proc.send_signal(signal.SIGKILL)
    _, err = proc.communicate()
    time.sleep(0.5)
    after = ids(db)
    problems = []
    if db.exists() and (check := integrity(db)) != "ok":
        problems.append(f"integrity: {check}")
    now = {p.stem: digest(p.read_bytes()) for p in corpus.iterdir()}
    # each article committed is there, as it was or as a later batch replaced it
    lost = [i for i, h in committed.items() if after.get(i) not in (h, now.get(i))]
    if lost:
        problems.append(f"{len(lost)} committed articles lost")
    if left := [w for w in workers if alive(w)]:
        problems.append(f"{len(left)} workers left running")
    if b"Traceback" in err:
        problems.append("a traceback")
    again = subprocess.run(command, capture_output=True, text=True)
    if again.returncode != 0:
        problems.append(f"the next run failed: {again.stderr.strip()}")
    final = ids(db)
    expected = sum(1 for _ in corpus.iterdir())
    if len(final) != expected:
        problems.append(f"the next run left {len(final)} of {expected} articles")
    if stray := sorted(set(os.listdir(db.parent)) - INDEX_FILES):
        problems.append(f"left beside the index: {stray}")
    if integrity(db) != "ok":
        problems.append("integrity after the next run")
    return {
        "what": "index",
        "killed_after_s": round(delay, 2),
        "committed_before_kill": len(committed),
        "replaced_before_kill": sum(1 for i, h in committed.items() if before.get(i, h) != h),
        "after_kill": len(after),
        "problems": problems,
    }


def whole(target: Path, fmt: str, articles: int) -> bool:
    if fmt == "jsonl":
        if not target.is_file():
            return False
        lines = target.read_text(encoding="utf-8").splitlines()
        return len(lines) == articles and all(json.loads(line)["id"] for line in lines)
    return target.is_dir() and len(list(target.glob("*.md"))) == articles


def export_trial(
    k: int, rng: random.Random, db: Path, work: Path, full: dict[str, float]
) -> dict[str, object]:
    fmt = "jsonl" if k % 2 == 0 else "md"
    out = work / "out" / ("berita.jsonl" if fmt == "jsonl" else "artikel")
    command = pilkada("export", "--format", fmt, "--out", str(out), "--db", str(db), "--force")
    articles = len(ids(db))
    if not out.exists():  # something of the user's for the export to replace
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    started = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    while proc.poll() is None and not list(out.parent.glob(f".{out.name}.tmp-*")):
        time.sleep(0.01)  # a random moment of the writing, not of the start-up
    writing = time.perf_counter() - started
    time.sleep(rng.uniform(0, max(full[fmt] - writing, 0.05)))
    delay = time.perf_counter() - started
    proc.send_signal(signal.SIGKILL)
    _, err = proc.communicate()
    problems = []
    temps_after_kill = sorted(p.name for p in out.parent.iterdir() if p.name.startswith("."))
    if not whole(out, fmt, articles):
        problems.append("the target is not whole")
    if b"Traceback" in err:
        problems.append("a traceback")
    again = subprocess.run(command, capture_output=True, text=True)
    if again.returncode != 0:
        problems.append(f"the next export failed: {again.stderr.strip()}")
    if left := sorted(p.name for p in out.parent.iterdir() if p.name.startswith(".")):
        problems.append(f"temps left after the next export: {left}")
    if not whole(out, fmt, articles):
        problems.append("the next export is not whole")
    return {
        "what": f"export {fmt}",
        "killed_after_s": round(delay, 2),
        "temps_after_kill": len(temps_after_kill),
        "problems": problems,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--trials", type=int, default=10)
    parser.add_argument("--files", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--workdir", type=Path)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    work = args.workdir or Path(tempfile.mkdtemp(prefix="pilkada-kill9-"))
    corpus = work / "corpus"
    if not corpus.exists():
        many(corpus, args.files)
    env_db = work / "full" / "index.db"
    shutil.rmtree(env_db.parent, ignore_errors=True)
    env_db.parent.mkdir(parents=True)
    full_index = timed(pilkada("index", str(corpus), "--db", str(env_db), "--batch", "50"))
    (work / "out").mkdir(exist_ok=True)
    full_export = {
        fmt: timed(
            pilkada(
                "export",
                "--format",
                fmt,
                "--out",
                str(work / "out" / name),
                "--db",
                str(env_db),
                "--force",
            )
        )
        for fmt, name in (("jsonl", "berita.jsonl"), ("md", "artikel"))
    }
    print(
        f"{args.files} files; a full index takes {full_index:.1f} s, an export "
        f"{full_export['jsonl']:.1f} s (jsonl) and {full_export['md']:.1f} s (md)"
    )
    trials = [index_trial(k, rng, corpus, work, full_index) for k in range(args.trials)]
    trials += [export_trial(k, rng, env_db, work, full_export) for k in range(args.trials)]
    for t in trials:
        said = "; ".join(t["problems"]) or "ok"  # type: ignore[arg-type]
        details = {k: v for k, v in t.items() if k not in ("what", "problems")}
        print(f"{t['what']:<12} {json.dumps(details)}: {said}")
    failed = [t for t in trials if t["problems"]]
    index_ok = sum(1 for t in trials if t["what"] == "index" and not t["problems"])
    export_ok = sum(1 for t in trials if t["what"] != "index" and not t["problems"])
    print(f"index: {index_ok}/{args.trials} trials ok; export: {export_ok}/{args.trials} trials ok")
    print(
        json.dumps(
            {
                "files": args.files,
                "index_ok": index_ok,
                "export_ok": export_ok,
                "trials": args.trials,
                "failed": failed,
            }
        )
    )
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
