"""Golden files: the parser's whole JSON for each seed, and the seeds scored against their gold.

`pytest --update-golden` rewrites tests/golden/*.json from the current parser; review the diff.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pilkada.evaluate import METRICS, score_set
from pilkada.pipeline import parse

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
GOLDEN = Path(__file__).parent / "golden"
GOLD = Path(__file__).parent / "fixtures" / "gold"


def _parsed(path: Path) -> dict[str, object]:
    article = parse(path.read_text(encoding="utf-8"), source=f"seeds/{path.name}", id=path.stem)
    return article.model_dump(mode="json")


def test_there_are_five_seeds() -> None:
    assert len(SEEDS) == 5


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.stem)
def test_seed_matches_golden_file(path: Path, request: pytest.FixtureRequest) -> None:
    got = json.dumps(_parsed(path), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    golden = GOLDEN / f"{path.stem}.json"
    if request.config.getoption("--update-golden", False):
        golden.write_text(got, encoding="utf-8")
    assert golden.read_text(encoding="utf-8") == got


def test_seeds_score_one_on_every_metric() -> None:
    pairs = []
    for path in SEEDS:
        gold = json.loads((GOLD / f"{path.stem}.gold.json").read_text(encoding="utf-8"))
        pairs.append((parse(path.read_text(encoding="utf-8")), gold))
    scores, _ = score_set(pairs)
    assert scores == dict.fromkeys(METRICS, 1.0)


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.stem)
def test_seed_officials_are_the_gold_people(path: Path) -> None:
    gold = json.loads((GOLD / f"{path.stem}.gold.json").read_text(encoding="utf-8"))
    article = parse(path.read_text(encoding="utf-8"))
    got = {(p.name, p.role) for p in article.officials}
    assert got == {(p["name"], p["role"]) for p in gold["officials"]}
