"""Parse time and memory against the length of one text: is the parser linear in what it reads?

    python benchmarks/linear.py                  # 1, 4 and 16 MB; about a minute
    python benchmarks/linear.py --sizes 1 2 4 8

Each size is a text made of generated articles joined by blank lines (each article once, so
that no cache of one article's lines or paragraphs helps with the next), parsed as one text in
a fresh process. Prints seconds, peak memory, and each figure as a ratio to the smallest size's:
a linear parser gives time ratios close to the ratios of the sizes (1 : 4 : 16).

``--repeat`` joins copies of one article instead (the shape of a file a careless export wrote
many times over), and ``--budget`` shows what ``pilkada parse`` does with a text over its size
budget (``pilkada.inputs.MAX_ARTICLE_BYTES``).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from generate import generate

CHILD = """
import json, resource, sys, time
from pilkada import parse
text = open(sys.argv[1], encoding="utf-8").read()
started = time.perf_counter()
article = parse(text)
seconds = time.perf_counter() - started
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"seconds": seconds, "peak_mb": peak, "paragraphs": len(article.paragraphs),
                  "quotes": len(article.quotes)}))
"""


def joined(megabytes: float, *, repeat: bool) -> str:
    """Generated articles joined to ``megabytes`` of UTF-8."""
    texts: list[str] = []
    size = 0
    articles = generate(1 if repeat else int(megabytes * 1200) + 50, 0)
    pool = [text for _, text in articles]
    while size < megabytes * 1e6:
        text = pool[0] if repeat else pool[len(texts) % len(pool)]
        texts.append(text)
        size += len(text.encode("utf-8")) + 2
    return "\n\n".join(texts)


def measure(path: Path) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, "-c", CHILD, str(path)], capture_output=True, text=True, check=True
    )
    result: dict[str, float] = json.loads(out.stdout)
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", type=float, nargs="+", default=[1.0, 4.0, 16.0], metavar="MB")
    ap.add_argument("--repeat", action="store_true", help="copies of one article")
    ap.add_argument("--budget", action="store_true", help="try a text over the size budget")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        if args.budget:
            from pilkada.inputs import MAX_ARTICLE_BYTES

            path = Path(folder) / "huge.txt"
            path.write_text(joined(MAX_ARTICLE_BYTES / 1e6 + 1, repeat=True), encoding="utf-8")
            done = subprocess.run(
                [sys.executable, "-m", "pilkada", "parse", str(path)],
                capture_output=True,
                text=True,
            )
            size = path.stat().st_size / 1e6
            print(f"{size:.0f} MB file: exit {done.returncode}; {done.stderr.strip()}")
            return
        first: dict[str, float] | None = None
        print("   MB   seconds  peak MB  paragraphs  time ratio  size ratio")
        for mb in args.sizes:
            path = Path(folder) / f"{mb}.txt"
            path.write_text(joined(mb, repeat=args.repeat), encoding="utf-8")
            got = measure(path)
            first = first or got
            seconds, peak, paragraphs = got["seconds"], got["peak_mb"], got["paragraphs"]
            print(
                f"{mb:5.1f}  {seconds:8.2f}  {peak:7.0f}  {paragraphs:10.0f}"
                f"  {seconds / first['seconds']:10.1f}  {mb / args.sizes[0]:10.1f}"
            )


if __name__ == "__main__":
    main()
