"""Fail when the parser scores below its pinned floors on a folder of annotated articles.

    python scripts/eval_floor.py GOLD_DIR SECTION

SECTION names the floors in tests/eval_baseline.json: metric -> floor, and "by_cue" -> {kind:
floor} for attribution by the kind of cue. `.ci/run` checks ../shared/attribution this way (its
licence keeps it out of the repository). A floor is lowered only on purpose, with the reason in
the commit message.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from pilkada.corpus import CorpusError, load_gold
from pilkada.evaluate import report

BASELINE = Path(__file__).resolve().parents[1] / "tests" / "eval_baseline.json"


def main(gold_dir: str, section: str) -> int:
    baseline = json.loads(BASELINE.read_text(encoding="utf-8"))
    if section not in baseline:
        print(f"{BASELINE}: no floors named {section!r}", file=sys.stderr)
        return 2
    floors = baseline[section]
    try:
        pairs, failures = load_gold(gold_dir)
    except CorpusError as exc:
        print(f"{gold_dir}: {exc}", file=sys.stderr)
        return 2
    if failures or not pairs:
        print(f"{gold_dir}: {len(failures)} unreadable, {len(pairs)} read", file=sys.stderr)
        return 1
    got = report(gold_dir, pairs)
    scores = dict(got.metrics)
    scores.update({f"by_cue.{c.cue}": c.attribution_acc for c in got.by_cue})
    wanted = {k: v for k, v in floors.items() if k != "by_cue"}
    wanted.update({f"by_cue.{k}": v for k, v in floors.get("by_cue", {}).items()})
    below = {
        k: (scores.get(k, 0.0), floor) for k, floor in wanted.items() if scores.get(k, 0.0) < floor
    }
    for name, floor in wanted.items():
        mark = "BELOW" if name in below else "ok"
        print(f"{name}: {scores.get(name, 0.0)} (floor {floor}) {mark}")
    return 1 if below else 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1], sys.argv[2]))
