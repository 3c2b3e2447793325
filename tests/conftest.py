"""Shared fixtures: the seed articles, a copy of them to point --corpus at, a CLI runner; and
hypothesis's settings for every property test."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from hypothesis import settings

SEEDS = Path(__file__).resolve().parents[1] / "seeds"

# Property tests check what the code does, not how fast: no deadline for an example (on a
# loaded machine hypothesis's 200 ms failed one at random; speed is for benchmarks/)
settings.register_profile("pilkada", deadline=None)
settings.load_profile("pilkada")


@pytest.fixture(autouse=True)
def _no_corpus_env(
    monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """Tests start from the bundled seeds, whatever the developer's shell exports: no corpus,
    and a per-user data folder where no index is (a developer's own index never leaks in)."""
    monkeypatch.delenv("PILKADA_CORPUS", raising=False)
    monkeypatch.delenv("PILKADA_DB", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path_factory.mktemp("no-index")))


@pytest.fixture
def seed_files() -> list[Path]:
    return sorted(SEEDS.glob("*.txt"))


@pytest.fixture
def corpus_dir(tmp_path: Path, seed_files: list[Path]) -> Path:
    """A writable copy of the seed articles in a temporary folder."""
    folder = tmp_path / "berita"
    folder.mkdir()
    for path in seed_files:
        shutil.copyfile(path, folder / path.name)
    return folder


@pytest.fixture
def run() -> Callable[..., Result]:
    """Run the pilkada command with arguments; never let an exception escape as a traceback."""
    from pilkada.cli import cli

    def invoke(*args: str, env: dict[str, str] | None = None, input: bytes | None = None) -> Result:
        result = CliRunner().invoke(cli, list(args), env=env, input=input)
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            raise result.exception
        return result

    return invoke


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite tests/golden/*.json from the current parser (review the diff)",
    )
