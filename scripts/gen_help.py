"""Write src/pilkada/_help.py: the group's ``--help`` as click renders it 78 columns wide.

    python scripts/gen_help.py

Run it after changing the group's options, docstring or the commands' short help; a test
(tests/test_cli.py) fails while the stored text differs from click's.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from pilkada.launch import HELP_WIDTH

TARGET = Path(__file__).resolve().parent.parent / "src" / "pilkada" / "_help.py"


def rendered() -> str:
    """What ``pilkada --help`` prints on a terminal of 80 columns or more."""
    import click

    from pilkada.cli import cli

    settings = {**cli.context_settings, "terminal_width": HELP_WIDTH}
    with click.Context(cli, info_name="pilkada", **settings) as ctx:
        return ctx.get_help() + "\n"


def _literal(line: str) -> str:
    """A line as a string literal quoted as ruff format quotes it."""
    if '"' in line and "'" not in line:
        return repr(line)
    return json.dumps(line, ensure_ascii=False)


def source(text: str) -> str:
    return (
        '"""The group help ``pilkada --help`` prints (written by scripts/gen_help.py)."""\n\n'
        "TEXT = (\n" + "".join(f"    {_literal(line)}\n" for line in text.splitlines(True)) + ")\n"
    )


if __name__ == "__main__":
    TARGET.write_text(source(rendered()), encoding="utf-8")
    sys.stdout.write(f"wrote {TARGET}\n")
