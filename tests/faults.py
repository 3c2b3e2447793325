"""What the fault tests (test_hardening.py) and the fault benchmarks (benchmarks/kill9.py,
benchmarks/fuzz.py) share: a corpus of many articles, the processes a process started, and the
fuzz properties with their inputs, which the suite runs briefly and the benchmark at length."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from hypothesis import strategies as st

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def many(folder: Path, copies: int) -> Path:
    """``copies`` distinct articles made of the seeds (each with a line of its own)."""
    folder.mkdir(parents=True, exist_ok=True)
    seeds = sorted(SEEDS.glob("*.txt"))
    for k in range(copies):
        seed = seeds[k % len(seeds)]
        text = seed.read_text(encoding="utf-8") + f"\nSalinan nomor {k} dari {seed.stem}.\n"
        (folder / f"{seed.stem}_{k:05d}.txt").write_text(text, encoding="utf-8")
    return folder


def children(pid: int) -> set[int]:
    """The processes ``pid`` started that are still there (Linux's /proc)."""
    found: set[int] = set()
    try:
        for task in Path(f"/proc/{pid}/task").iterdir():
            found |= {int(c) for c in (task / "children").read_text().split()}
    except OSError:  # gone itself
        pass
    return found


def alive(pid: int) -> bool:
    """Whether a process runs (a zombie, dead and waiting to be collected, does not)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


# --- fuzz: search queries of any text, length and nesting ---

QUERY_PIECES = st.one_of(
    st.sampled_from(["(", ")", '"', "*", "AND", "OR", "NOT", "-", "/", "'", ":", "^", "NEAR"]),
    st.from_regex(r"[a-z]{1,8}\*?", fullmatch=True),
    st.sampled_from(["pilkada", "aman", "bupati", "laura", "kukar", "pemil*", "netral"]),
    st.text(max_size=6),
)


def queries(pieces: int = 200, words: int = 1500, depth: int = 150) -> st.SearchStrategy[str]:
    """Any text, any number of words (a pasted article), any nesting."""
    return st.builds(
        lambda p, sep, n, d: (
            "(" * d + sep.join(p) + " " + " ".join(f"w{i}" for i in range(n)) + ")" * d
        ),
        st.lists(QUERY_PIECES, max_size=pieces),
        st.sampled_from([" ", ""]),
        st.integers(0, words),
        st.integers(0, depth),
    )


def check_query(conn: sqlite3.Connection, query: str) -> None:
    """A query is searched for on the index, or refused with a one-line QueryError."""
    from pilkada import store
    from pilkada.search import QueryError

    try:
        store.search(conn, query, limit=5)
    except QueryError as exc:
        assert str(exc) and "\n" not in str(exc)


# --- fuzz: parse any bytes ---

SEED_TEXT = (SEEDS / "004_98248c8704711b6f.txt").read_bytes()


def any_bytes(size: int = 3000) -> st.SearchStrategy[bytes]:
    """Random bytes, any text, and a seed with a random cut replaced by random bytes."""
    return st.one_of(
        st.binary(max_size=size),
        st.text(max_size=size).map(lambda t: t.encode("utf-8", "surrogatepass")),
        st.tuples(
            st.integers(0, len(SEED_TEXT)),
            st.integers(0, len(SEED_TEXT)),
            st.binary(max_size=size // 50),
        ).map(lambda t: SEED_TEXT[: min(t[0], t[1])] + t[2] + SEED_TEXT[max(t[0], t[1]) :]),
    )


def check_bytes(data: bytes, fmt: str) -> None:
    """Every unit read from the bytes is an Article that prints as JSON, or a one-line reason."""
    from pilkada import inputs

    for unit in inputs.read(data, "x", "x", fmt):
        if unit.article is None:
            assert unit.reason and "\n" not in unit.reason
        else:
            json.dumps(unit.article.model_dump(mode="json"))  # as `pilkada parse` prints it
