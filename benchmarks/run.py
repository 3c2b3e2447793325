"""pilkada's speed figures, from one command on deterministic input.

    python benchmarks/run.py [--articles 3000] [--seed 0]

1. Parse rate in one process (one core): articles per second over the generated corpus, and over
   the five seed articles repeated; best of three runs each, after a warm-up.
2. Start-up: ``pilkada --help`` against ``python -c pass``, median of 15 runs each.
3. ``pilkada list`` on the seeds: wall time of the whole command, median of 5 runs.

Prints a table, then one JSON line with every figure. See benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from generate import generate

from pilkada import parse

PARSE_TARGET = 1000.0  # articles per second per core
STARTUP_TARGET = 1.5  # pilkada --help against python -c pass
SEED_REPEATS = 200  # the five seeds, parsed this many times each per run
WARM_UP = 200  # articles parsed before timing: imports, lexicons, caches
RUNS = 3
STARTUP_RUNS = 15
LIST_RUNS = 5


def _seeds() -> list[Path]:
    repo = Path(__file__).resolve().parent.parent / "seeds"
    if repo.is_dir():
        return sorted(repo.glob("*.txt"))
    from pilkada.corpus import bundled_seeds

    return sorted(bundled_seeds().glob("*.txt"))


def parse_rate(texts: Sequence[str]) -> dict[str, float]:
    """Best of RUNS passes of ``parse`` over ``texts``: articles/s by wall clock and by CPU."""
    for text in texts[:WARM_UP]:
        parse(text)
    best_wall = best_cpu = float("inf")
    for _ in range(RUNS):
        gc.collect()
        wall, cpu = time.perf_counter(), time.process_time()
        for k, text in enumerate(texts):
            parse(text, id=str(k))
        best_wall = min(best_wall, time.perf_counter() - wall)
        best_cpu = min(best_cpu, time.process_time() - cpu)
    size = sum(len(t.encode("utf-8")) for t in texts) / len(texts)
    return {
        "articles": len(texts),
        "mean_bytes": round(size),
        "seconds": round(best_wall, 3),
        "per_s": round(len(texts) / best_wall, 1),
        "per_cpu_s": round(len(texts) / best_cpu, 1),
    }


def _run(cmd: Sequence[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall time and CPU time (user + system) of one run of ``cmd``, in seconds."""
    start = time.perf_counter()
    child = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    assert child.stderr is not None
    err = child.stderr.read()  # until the child exits
    _, status, usage = os.wait4(child.pid, 0)
    took = time.perf_counter() - start
    child.returncode = code = os.waitstatus_to_exitcode(status)
    child.stderr.close()
    if code != 0:
        last = err.decode(errors="replace").strip().splitlines()[-1:]
        sys.exit(f"`{' '.join(cmd)}` failed ({code}): {' '.join(last)}")
    return took, usage.ru_utime + usage.ru_stime


def medians(
    commands: dict[str, list[str]], runs: int, env: dict[str, str]
) -> dict[str, tuple[float, float]]:
    """Median wall and CPU time of each command; runs interleaved, after one warm-up each."""
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    for cmd in commands.values():
        _run(cmd, env)
    for _ in range(runs):
        for name, cmd in commands.items():
            times[name].append(_run(cmd, env))
    return {
        name: (statistics.median(t[0] for t in ts), statistics.median(t[1] for t in ts))
        for name, ts in times.items()
    }


def _pilkada() -> str:
    """The console script of this interpreter's environment (not a shell shim in front of it)."""
    beside = Path(sys.executable).with_name("pilkada")
    found = str(beside) if beside.exists() else shutil.which("pilkada")
    if not found:
        sys.exit("no `pilkada` command found: install the project (pip install -e .)")
    return found


def _env(pycache: str) -> dict[str, str]:
    """The environment for the timed commands: no PILKADA_* settings, so each command reads what
    it is given, and bytecode cached (in ``pycache``, not in the source tree) as an installed
    package has it."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PILKADA_")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = pycache
    return env


def commands_timed(seed_dir: str) -> dict[str, tuple[float, float]]:
    """Start-up and ``pilkada list`` times: {name: (median wall, median CPU)} in seconds."""
    exe = _pilkada()
    with tempfile.TemporaryDirectory(prefix="pilkada-bench-") as pycache:
        env = _env(pycache)
        startup = {"python": [sys.executable, "-c", "pass"], "help": [exe, "--help"]}
        times = medians(startup, STARTUP_RUNS, env)
        times |= medians({"list": [exe, "--corpus", seed_dir, "list"]}, LIST_RUNS, env)
    return times


def _row(label: str, value: str, target: str = "", verdict: str = "") -> str:
    return f"{label:<40} {value:>16}  {target:<22} {verdict}"


def _ok(met: bool) -> str:
    return "ok" if met else "MISSED"


def main() -> None:
    ap = argparse.ArgumentParser(description="Print pilkada's speed figures.")
    ap.add_argument("--articles", type=int, default=3000, help="generated articles to parse")
    ap.add_argument("--seed", type=int, default=0, help="seed of the generated corpus")
    args = ap.parse_args()
    started = time.perf_counter()

    seed_paths = _seeds()
    times = commands_timed(str(seed_paths[0].parent))  # first, while this process is small
    (py_wall, py_cpu), (help_wall, help_cpu) = times["python"], times["help"]
    ratio, cpu_ratio, listing = help_wall / py_wall, help_cpu / py_cpu, times["list"]

    texts = [text for _, text in generate(args.articles, args.seed)]
    seeds = [p.read_text(encoding="utf-8") for p in seed_paths]
    generated = parse_rate(texts)
    repeated = parse_rate(seeds * SEED_REPEATS)

    cores = os.cpu_count() or 1
    print(
        f"pilkada benchmarks · Python {platform.python_version()} · {cores} cores · "
        f"corpus: {args.articles} generated articles (seed {args.seed}) and {len(seeds)} seeds\n"
    )
    print(_row("figure", "value", "target"))
    print(_row("-" * 40, "-" * 16, "-" * 22, "-" * 6))
    for label, fig in (("generated", generated), (f"seeds ×{SEED_REPEATS}", repeated)):
        name = f"parse, {label} ({fig['articles']} × {fig['mean_bytes'] / 1000:.1f} KB)"
        ok = _ok(fig["per_s"] >= PARSE_TARGET)
        print(_row(name, f"{fig['per_s']:,.0f} art/s", "≥ 1,000 art/s per core", ok))
    print(_row("python -c pass", f"{py_wall * 1000:.0f} ms"))
    print(_row("pilkada --help", f"{help_wall * 1000:.0f} ms"))
    help_vs = "pilkada --help / python -c pass"
    print(_row(help_vs, f"{ratio:.2f}×", "≤ 1.5×", _ok(ratio <= STARTUP_TARGET)))
    print(_row("  the same in CPU time", f"{cpu_ratio:.2f}×"))
    print(_row("  what pilkada adds", f"+{(help_wall - py_wall) * 1000:.0f} ms"))
    print(_row(f"pilkada list ({len(seeds)} seeds)", f"{listing[0] * 1000:.0f} ms"))
    print(f"\n(finished in {time.perf_counter() - started:.0f} s)")

    figures = {
        "python": platform.python_version(),
        "cores": cores,
        "seed": args.seed,
        "parse_generated": generated,
        "parse_seeds": {**repeated, "repeats": SEED_REPEATS},
        "parse_target_per_s": PARSE_TARGET,
        "startup_python_ms": round(py_wall * 1000, 1),
        "startup_help_ms": round(help_wall * 1000, 1),
        "startup_ratio": round(ratio, 2),
        "startup_cpu_ratio": round(cpu_ratio, 2),
        "startup_added_ms": round((help_wall - py_wall) * 1000, 1),
        "startup_target_ratio": STARTUP_TARGET,
        "list_seeds_ms": round(listing[0] * 1000, 1),
        "list_seeds_cpu_ms": round(listing[1] * 1000, 1),
    }
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
