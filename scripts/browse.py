"""Open `pilkada serve` in a real headless browser and save what it shows as PNG screenshots.

    python scripts/browse.py [--db INDEX] [--out DIR] [--browser /usr/bin/chromium]

Without --db, indexes the bundled seeds into a temporary folder first. Starts ``pilkada serve
--port 0`` (a free port), waits for the address it announces, then has Chromium (Debian's
``chromium`` package) render each page below headless and write one PNG per page into --out
(docs/ by default): the quotes table faceted by speaker, a full-text search of the articles, a
canned query. Exits 1 when the server or the browser fails, naming which.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PAGES = {
    "serve-quotes.png": "quotes",  # faceted by speaker, role and cue, as the metadata says
    "serve-search.png": "articles?_search=pilkada",
    "serve-query.png": "quotes_by?name=bupati",
}
# as Debian's Chromium runs in a machine with no network and no display
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
    "--window-size=1280,900",
]


def start(db: Path) -> tuple[subprocess.Popen[str], str]:
    server = subprocess.Popen(
        [sys.executable, "-m", "pilkada", "serve", "--db", str(db), "--port", "0"],
        stderr=subprocess.PIPE,
        text=True,
    )
    assert server.stderr is not None
    line = server.stderr.readline()
    found = re.search(r"http://\S+/", line)
    if not found:
        server.kill()
        sys.exit(f"pilkada serve did not start: {line.strip() or server.wait()}")
    return server, found.group(0)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path)
    parser.add_argument("--out", type=Path, default=ROOT / "docs")
    parser.add_argument("--browser", default="/usr/bin/chromium")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db
        if db is None:
            db = Path(tmp) / "pilkada.db"
            subprocess.run(
                [sys.executable, "-m", "pilkada", "index", str(ROOT / "seeds"), "--db", str(db)],
                check=True,
                capture_output=True,
            )
        server, url = start(db)
        try:
            for name, page in PAGES.items():
                out = args.out / name
                started = time.perf_counter()
                shot = subprocess.run(
                    [
                        args.browser,
                        *FLAGS,
                        f"--user-data-dir={tmp}/profile",
                        f"--screenshot={out}",
                        f"{url}{db.stem}/{page}",
                    ],
                    capture_output=True,
                    text=True,
                    timeout=120,
                )
                if shot.returncode != 0 or not out.exists():
                    print(f"{args.browser} failed on {page}: {shot.stderr[-300:]}", file=sys.stderr)
                    return 1
                took = time.perf_counter() - started
                print(f"{out}: {url}{db.stem}/{page} ({out.stat().st_size:,} bytes, {took:.1f} s)")
        finally:
            server.terminate()
            server.wait(timeout=10)
    return 0


if __name__ == "__main__":
    sys.exit(main())
