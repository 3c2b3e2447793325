"""The dev-set gate, `pilkada eval`, `list --doubtful`, and agreement with the reference scorer."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from pilkada.corpus import load_gold
from pilkada.evaluate import METRICS, report

HERE = Path(__file__).parent
DEVSET = HERE / "fixtures" / "devset"
BASELINE = json.loads((HERE / "eval_baseline.json").read_text(encoding="utf-8"))
REFERENCE = HERE.parents[1] / "shared" / "scoring" / "score.py"


def test_devset_holds_every_floor() -> None:
    pairs, failures = load_gold(DEVSET)
    assert not failures and len(pairs) == 18
    got = report(str(DEVSET), pairs).metrics
    below = {k: (got[k], floor) for k, floor in BASELINE["devset"].items() if got[k] < floor}
    assert not below, f"scores below their floors (score, floor): {below}"


def test_baseline_names_every_metric() -> None:
    assert set(BASELINE["devset"]) == set(METRICS)


@pytest.mark.parametrize("which", ["devset", "broken"])
def test_eval_agrees_with_the_reference_scorer(tmp_path: Path, which: str) -> None:
    """On the dev set (all 1.0) and on a copy annotated wrongly on purpose (below 1.0)."""
    assert REFERENCE.exists(), f"the reference scorer is expected at {REFERENCE}"
    folder = DEVSET if which == "devset" else _broken_copy(tmp_path)
    out = tmp_path / "pred.jsonl"
    pairs, _ = load_gold(folder)
    out.write_text(
        "".join(
            json.dumps(a.model_dump(mode="json") | {"source": f"{name}.txt"}) + "\n"
            for name, a, _ in pairs
        ),
        encoding="utf-8",
    )
    ran = subprocess.run(
        [sys.executable, str(REFERENCE), str(folder), str(out)],
        capture_output=True,
        text=True,
        check=True,
    )
    reference = json.loads(ran.stdout.strip().splitlines()[-1])
    ours = report(str(folder), pairs).metrics
    assert {k: reference[k] for k in METRICS} == ours
    assert (min(ours.values()) < 1.0) == (which == "broken")


def _broken_copy(tmp_path: Path) -> Path:
    """Two annotated articles, one of them annotated wrongly on purpose."""
    folder = tmp_path / "annotated"
    folder.mkdir()
    for name in ("03", "07"):
        shutil.copy(DEVSET / f"{name}.txt", folder)
        shutil.copy(DEVSET / f"{name}.gold.json", folder)
    gold = json.loads((folder / "07.gold.json").read_text(encoding="utf-8"))
    gold["title"] = "Judul yang lain sama sekali"
    gold["quotes"][0]["speaker"] = "Orang Lain"
    (folder / "07.gold.json").write_text(json.dumps(gold), encoding="utf-8")
    return folder


def test_eval_prints_metrics_and_the_worst_article(
    run: Callable[..., Result], tmp_path: Path
) -> None:
    result = run("eval", str(_broken_copy(tmp_path)))
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "articles: 2"
    assert "title_acc: 0.5" in lines
    assert "07: 2 problems" in result.stdout
    assert "03:" not in result.stdout  # a perfect article is not among the worst


def test_eval_json_is_the_report(run: Callable[..., Result], tmp_path: Path) -> None:
    result = run("eval", str(_broken_copy(tmp_path)), "--json", "--worst", "1")
    data = json.loads(result.stdout)
    assert data["articles"] == 2
    assert set(data["metrics"]) == set(METRICS)
    assert data["metrics"]["attribution_acc"] < 1.0
    assert [w["name"] for w in data["worst"]] == ["07"]


def test_eval_of_a_missing_folder_is_a_usage_error(run: Callable[..., Result]) -> None:
    result = run("eval", "/no/such/folder")
    assert result.exit_code == 2
    assert "no such folder" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_eval_of_a_folder_without_annotations(run: Callable[..., Result], tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Teks saja.", encoding="utf-8")
    result = run("eval", str(tmp_path))
    assert result.exit_code == 2
    assert "no annotations" in result.stderr


def test_eval_skips_an_unreadable_annotation(run: Callable[..., Result], tmp_path: Path) -> None:
    folder = _broken_copy(tmp_path)
    (folder / "99.gold.json").write_text("{not json", encoding="utf-8")
    result = run("eval", str(folder))
    assert result.exit_code == 0
    assert "99.gold.json" in result.stderr and "skipped" in result.stderr
    assert result.stdout.startswith("articles: 2")


def test_doubtful_lists_only_articles_with_doubts(
    run: Callable[..., Result], tmp_path: Path
) -> None:
    (tmp_path / "ragu.txt").write_text(
        "Menu\n\nWarga desa berkumpul di balai untuk membahas persiapan pemilihan kepala daerah"
        " serentak tahun depan bersama para tokoh masyarakat setempat.\n\n"
        "“Kami siap menjaga ketertiban selama tahapan berlangsung,” kata seseorang.\n",
        encoding="utf-8",
    )
    shutil.copy(DEVSET / "03.txt", tmp_path / "yakin.txt")
    result = run("list", "--doubtful", "--corpus", str(tmp_path))
    assert result.exit_code == 0
    rows = result.stdout.splitlines()
    assert rows[0].split("\t")[-1] == "doubts"
    assert [r.split("\t")[0] for r in rows[1:]] == ["ragu"]
    assert "published: no date in the text" in rows[1]


@pytest.mark.parametrize("flag", [[], ["--json"]])
def test_doubtful_on_the_seeds_finds_none(run: Callable[..., Result], flag: list[str]) -> None:
    result = run("list", "--doubtful", *flag)
    assert result.exit_code == 0
    if flag:
        assert json.loads(result.stdout) == []
    else:
        assert result.stdout == ""
        assert "No doubtful articles found." in result.stderr


def test_eval_reports_attribution_by_kind_of_cue(
    run: Callable[..., Result], tmp_path: Path
) -> None:
    """The wrongly annotated speaker of 07 counts against its cue's kind only, and the problem
    names the cue."""
    data = json.loads(run("eval", str(_broken_copy(tmp_path)), "--json").stdout)
    kinds = {c["cue"]: c for c in data["by_cue"]}
    assert set(kinds) <= {"named", "pronoun", "role-only", "descriptive", "none"}
    total = sum(c["quotes"] for c in kinds.values())
    right = sum(round(c["attribution_acc"] * c["quotes"]) for c in kinds.values())
    assert right / total == pytest.approx(data["metrics"]["attribution_acc"], abs=1e-3)
    assert [c for c in kinds.values() if c["attribution_acc"] < 1.0]
    (worst,) = [w for w in data["worst"] if w["name"] == "07"]
    assert any("gold 'Orang Lain' (cue " in p for p in worst["problems"])
    plain = run("eval", str(tmp_path / "annotated")).stdout
    assert any(line.startswith("attribution_acc[") for line in plain.splitlines())
