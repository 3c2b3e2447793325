"""Issue 19: hostile and careless input, and faults of the system, each end in one line.

Each test is one numbered case of the issue: what a user did, and the line (and exit status)
pilkada must answer with instead of a traceback, a hang or a silent wrong answer.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

Run = Callable[..., Result]


def one_line_error(result: Result, code: int, *words: str) -> str:
    assert result.exit_code == code, (result.stdout, result.stderr)
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.stderr
    for word in words:
        assert word in lines[0], lines[0]
    return lines[0]


def pilkada(*args: str, **kwargs: object) -> subprocess.CompletedProcess[str]:
    """The command in a process of its own, as a user runs it."""
    streams = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE, **kwargs}
    return subprocess.run(  # type: ignore[call-overload, no-any-return]
        [sys.executable, "-m", "pilkada", *args], text=True, **streams
    )


@pytest.fixture
def indexed(run: Run, corpus_dir: Path) -> Path:
    db = corpus_dir.parent / "index.db"
    assert run("index", str(corpus_dir), "--db", str(db)).exit_code == 0
    return db


# --- 5. PILKADA_DB is read as --db is ---


@pytest.mark.parametrize("where", ["missing.db", "folder"])
def test_5_pilkada_db_naming_no_index_is_an_error_as_db_is(
    run: Run, tmp_path: Path, where: str
) -> None:
    (tmp_path / "folder").mkdir()
    named = str(tmp_path / where)
    by_option = one_line_error(run("list", "--db", named), 2, named)
    by_env = one_line_error(run("list", env={"PILKADA_DB": named}), 2, named, "PILKADA_DB")
    assert by_option.split(": ", 2)[2] == by_env.split(": ", 2)[2]


def test_5_pilkada_db_naming_an_index_is_read(run: Run, indexed: Path) -> None:
    result = run("search", "aman", env={"PILKADA_DB": str(indexed)})
    assert result.exit_code == 0 and "[keamanan]" in result.stdout  # stems: only the index


# --- 7. output to a full device ---


@pytest.mark.parametrize(
    "args",
    [
        ["list"],
        ["show", "003"],
        ["quotes", "--csv"],
        ["export", "--format", "jsonl", "--out", "-"],
        ["schema"],
        ["parse", "seeds/003_e3d696af9c73c6e7.txt"],
    ],
)
def test_7_output_to_a_full_device_is_one_line(args: list[str]) -> None:
    root = Path(__file__).resolve().parents[1]
    with open("/dev/full", "w") as full:
        done = pilkada(*args, stdout=full, cwd=root)
    assert done.returncode == 1
    assert done.stderr.splitlines() == ["Error: cannot write the output: no space left on device"]


def test_7_a_closed_pipe_ends_quietly() -> None:
    root = Path(__file__).resolve().parents[1]
    reader = subprocess.Popen(["head", "-c", "1"], stdin=subprocess.PIPE, stdout=subprocess.DEVNULL)
    assert reader.stdin is not None
    done = pilkada(
        "export",
        "--format",
        "jsonl",
        "--out",
        "-",
        stdout=reader.stdin,
        cwd=root,
    )
    reader.stdin.close()
    reader.wait()
    assert "Traceback" not in done.stderr and done.stderr == ""
