"""README.md stays true: its examples are run on the seeds, and every command is documented.

An example is a ```console block whose first line is ``$ COMMAND`` and whose other lines are the
output. The command runs through ``bash -c`` (so pipes work) in a temporary folder laid out like
the repository's root, with copies of ``seeds/`` and ``tests/fixtures/devset/`` (so
``seeds/003_….txt`` works), with ``$PILKADA_CORPUS`` unset, ``$PILKADA_DB`` unset and
``$XDG_DATA_HOME`` naming an empty folder (so no index is read unless the example builds one) and the ``pilkada`` of this
environment first on ``PATH``. Its stdout is compared with the shown output, line by line, trailing
whitespace ignored; a command shows its errors by writing ``2>&1`` itself, as a reader would.

When the output changes on purpose (a parser or rendering change), rewrite the shown output from
real runs and review the diff:

    python tests/test_docs.py
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import click
import pytest

from pilkada.cli import ALIASES, cli

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
COPIED = (
    "seeds",
    "tests/fixtures/devset",
    "tests/fixtures/pages",
)  # what an example may read, relative to the root
CI_SCRIPT = ROOT / ".ci" / "run"

INSTALL_COMMAND = "pip install . && pilkada list"
TEST_COMMAND = "pip install -e '.[test]' && python -m pytest"

CONSOLE_BLOCK = re.compile(r"^```console\n(?P<body>.*?)^```[ \t]*$", re.M | re.S)


@dataclass(frozen=True)
class Example:
    command: str  # without the "$ "
    output: str
    start: int  # the block's body in README's text, for rewriting it
    end: int

    @property
    def id(self) -> str:
        return self.command if len(self.command) <= 70 else self.command[:69] + "…"


def examples(text: str) -> list[Example]:
    found = []
    for match in CONSOLE_BLOCK.finditer(text):
        first, _, output = match.group("body").partition("\n")
        found.append(Example(first.removeprefix("$ "), output, *match.span("body")))
    return found


def normalise(output: str) -> list[str]:
    """Lines without trailing whitespace, trailing blank lines dropped."""
    lines = [line.rstrip() for line in output.splitlines()]
    while lines and not lines[-1]:
        lines.pop()
    return lines


def pilkada_script() -> Path | None:
    """The pilkada console script of the running interpreter's environment."""
    beside = Path(sys.executable).parent / "pilkada"
    if beside.is_file():
        return beside
    found = shutil.which("pilkada")
    return Path(found) if found else None


def run_example(command: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    script = pilkada_script()
    if script is None:
        pytest.fail("the pilkada command is not installed here; run: pip install -e '.[test]'")
    env = {k: v for k, v in os.environ.items() if k not in ("PILKADA_CORPUS", "PILKADA_DB")}
    dirs = [str(script.parent), str(Path(sys.executable).parent), env.get("PATH", "")]
    env.update(PATH=os.pathsep.join(dict.fromkeys(dirs)), PYTHONIOENCODING="utf-8")
    # an index only where an example builds one (`pilkada index seeds --db idx.db`)
    env.update(XDG_DATA_HOME=str(cwd / ".no-index"))
    return subprocess.run(
        ["bash", "-c", command],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )


def workdir(parent: Path) -> Path:
    """A folder with copies of the repository's seeds and dev set, where they are in the repo."""
    for folder in COPIED:
        shutil.copytree(ROOT / folder, parent / folder)
    return parent


README_TEXT = README.read_text(encoding="utf-8")
EXAMPLES = examples(README_TEXT)


def test_readme_has_examples_and_each_block_holds_one_command() -> None:
    assert len(EXAMPLES) >= 10
    for example in EXAMPLES:
        body = README_TEXT[example.start : example.end]
        assert body.startswith("$ "), f"a console block must start with '$ COMMAND':\n{body}"
        assert "pilkada" in example.command, example.command
        extra = [line for line in example.output.splitlines() if line.startswith("$ ")]
        assert not extra, (
            f"one command per console block: {example.command!r} is followed by {extra}"
        )


@pytest.mark.parametrize("example", EXAMPLES, ids=[e.id for e in EXAMPLES])
def test_readme_example_output(example: Example, tmp_path: Path) -> None:
    result = run_example(example.command, workdir(tmp_path))
    assert result.returncode == 0, f"$ {example.command}\nexit {result.returncode}\n{result.stderr}"
    assert normalise(result.stdout) == normalise(example.output), (
        f"README's output for `{example.command}` is out of date; "
        f"rewrite it with `python tests/test_docs.py` and review the diff.\n{result.stderr}"
    )


COMMANDS = sorted(cli.commands)


@pytest.mark.parametrize("name", COMMANDS)
def test_command_has_help_with_an_example_and_a_readme_section(name: str) -> None:
    command = cli.commands[name]
    help_text = command.help or ""
    assert command.get_short_help_str().strip(), f"pilkada {name} has no help text"
    assert "Example" in help_text, f"pilkada {name} --help shows no example"
    heading = re.compile(rf"^#+ .*`pilkada {re.escape(name)}\b", re.M)
    assert heading.search(README_TEXT), f"README has no section headed `pilkada {name}`"


def test_pilkada_help_lists_the_commands() -> None:
    ctx = click.Context(cli, info_name="pilkada", **cli.context_settings)
    listed = cli.get_help(ctx)
    for name in COMMANDS:
        assert re.search(rf"^\s+{name}\s", listed, re.M), f"{name} missing from pilkada --help"
    for alias in ALIASES:
        assert f"pilkada {alias}" in README_TEXT, f"README does not mention the alias {alias}"


def test_json_form_table_lists_the_article_fields() -> None:
    from pilkada.models import Article

    section = README_TEXT.split("\n## The JSON form\n", 1)[1].split("\n## ", 1)[0]
    rows = re.findall(r"^\| (`.*?`) \|", section, re.M)
    documented = [name for row in rows for name in re.findall(r"`(\w+)`", row)]
    assert documented == list(Article.model_fields)


def test_setup_has_the_two_commands_and_ci_runs_the_test_command() -> None:
    setup = README_TEXT.split("\n## Set-up\n", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"^```sh\n(.*?)^```", setup, re.M | re.S)
    assert blocks == [INSTALL_COMMAND + "\n", TEST_COMMAND + "\n"]
    ci_lines = CI_SCRIPT.read_text(encoding="utf-8").splitlines()
    assert TEST_COMMAND in ci_lines, ".ci/run must run README's test command exactly"


def rewrite_readme() -> None:
    """Replace the output of every README example with the output of running it now."""
    import tempfile

    text, failed = README_TEXT, 0
    for example in reversed(EXAMPLES):
        with tempfile.TemporaryDirectory() as tmp:
            result = run_example(example.command, workdir(Path(tmp)))
        if result.returncode != 0:  # keep the old output and say so
            print(
                f"$ {example.command}\nexit {result.returncode}\n{result.stderr}", file=sys.stderr
            )
            failed += 1
            continue
        output = "\n".join(normalise(result.stdout))
        body = f"$ {example.command}\n" + (output + "\n" if output else "")
        text = text[: example.start] + body + text[example.end :]
    README.write_text(text, encoding="utf-8")
    sys.exit(f"{failed} example(s) failed and were left as they were" if failed else 0)


if __name__ == "__main__":
    rewrite_readme()
