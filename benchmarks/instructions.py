"""The parser's cost in machine instructions per article: a figure that does not move with the load
of a shared machine, for comparing two versions of the parser.

    python benchmarks/instructions.py                 # 200 generated articles; about 2 minutes
    python benchmarks/instructions.py --articles 50

Runs the parse of the generated articles under valgrind's callgrind twice, after the same warm-up
(imports, lexicons, caches, 100 other articles): once parsing none of them and once parsing all,
and prints the difference divided by their number. Needs valgrind (Debian's package).

Both children run with one fixed hash seed: with a random seed the order of sets and dicts of
strings moves between runs, and with it the count, by up to 1.5% on the same code.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from generate import generate

WARM_UP = 100

CHILD = """
import sys
from pathlib import Path
from pilkada import parse
texts = [p.read_text(encoding="utf-8") for p in sorted(Path(sys.argv[1]).glob("*.txt"))]
for text in texts[:{warm}]:
    parse(text)
for text in texts[{warm}:{warm} + int(sys.argv[2])]:
    parse(text)
"""


def instructions(folder: str, count: int) -> int:
    """Instructions callgrind counts for the child parsing ``count`` articles after warm-up."""
    result = subprocess.run(
        [
            "valgrind",
            "--tool=callgrind",
            "--callgrind-out-file=/dev/null",
            sys.executable,
            "-c",
            CHILD.format(warm=WARM_UP),
            folder,
            str(count),
        ],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONHASHSEED": "0"},
    )
    found = re.search(r"Collected : (\d+)", result.stderr)
    if found is None:
        raise SystemExit(f"callgrind printed no count:\n{result.stderr[-2000:]}")
    return int(found.group(1))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed (apt-get install valgrind)")
    with tempfile.TemporaryDirectory() as folder:
        for name, text in generate(WARM_UP + args.articles, args.seed):
            (Path(folder) / f"{name}.txt").write_text(text, encoding="utf-8")
        base = instructions(folder, 0)
        full = instructions(folder, args.articles)
    per = (full - base) / args.articles
    print(f"parse: {per / 1e6:.2f} M instructions per generated article ({args.articles} articles)")


if __name__ == "__main__":
    main()
