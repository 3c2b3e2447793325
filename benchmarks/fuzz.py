"""A long fuzz run of what the test suite fuzzes briefly (issue 19); prints the inputs tried.

    python benchmarks/fuzz.py [--examples 5000] [--seed 0]

1. ``search`` queries of any text, any length and any nesting, each translated and run as a MATCH
   on an index of the seeds (``store.search``): it must answer or raise QueryError (one line).
2. ``--regex`` searches of generated patterns on the seeds (``search.search``): an answer, or a
   QueryError (invalid, or past the time budget), never a hang or another exception.
3. Any bytes read as each input format (``inputs.read``): every unit an Article that prints as
   JSON, or a one-line reason.

Each property runs ``--examples`` inputs (hypothesis, derandomised by ``--seed``); a failure
stops the run with hypothesis's smallest example. Prints a line per property, then one JSON line.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

import faults  # noqa: E402  (the properties the test suite runs briefly)

PATTERNS = st.lists(
    st.sampled_from(["a", "\\w", "\\s", ".", "+", "*", "?", "(", ")", "|", "[a-z]", "{2,}", "$"]),
    max_size=20,
).map("".join)


def run_property(name: str, test: Callable[[], None], tried: list[int]) -> dict[str, object]:
    started = time.perf_counter()
    test()
    seconds = time.perf_counter() - started
    print(f"{name}: {tried[0]:,} inputs tried, no failure ({seconds:.1f} s)")
    return {"property": name, "inputs": tried[0], "seconds": round(seconds, 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--examples", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()

    from pilkada import corpus, ingest, store
    from pilkada.models import Article
    from pilkada.search import QueryError
    from pilkada.search import search as file_search

    budget = settings(
        max_examples=args.examples,
        deadline=None,
        suppress_health_check=list(HealthCheck),
        database=None,
    )
    folder = Path(tempfile.mkdtemp(prefix="pilkada-fuzz-"))
    db = folder / "index.db"
    ingest.ingest(db, [str(faults.SEEDS)], jobs=1)
    conn = store.connect(db)
    loaded = corpus.load(corpus.resolve(str(faults.SEEDS)))
    articles = [a for a in loaded if isinstance(a, Article)]
    results = []

    tried = [0]

    @seed(args.seed)
    @budget
    @given(faults.queries(pieces=300, words=2000, depth=200))
    def queries(query: str) -> None:
        tried[0] += 1
        faults.check_query(conn, query)

    results.append(run_property("search queries on the index", queries, tried))

    tried = [0]

    @seed(args.seed)
    @budget
    @given(PATTERNS)
    def patterns(pattern: str) -> None:
        tried[0] += 1
        try:
            file_search(articles, pattern or "a", regex=True, limit=5)
        except QueryError as exc:
            assert str(exc) and "\n" not in str(exc)

    results.append(run_property("--regex patterns on the seeds", patterns, tried))

    tried = [0]

    @seed(args.seed)
    @budget
    @given(faults.any_bytes(20_000), st.sampled_from(["txt", "html", "jsonl"]))
    def any_bytes(data: bytes, fmt: str) -> None:
        tried[0] += 1
        faults.check_bytes(data, fmt)

    results.append(run_property("parse of any bytes", any_bytes, tried))
    conn.close()
    total = sum(int(str(r["inputs"])) for r in results)
    print(json.dumps({"inputs": total, "failures": 0, "properties": results}))


if __name__ == "__main__":
    main()
