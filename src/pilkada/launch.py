"""The ``pilkada`` console script's entry point.

``pilkada --help`` is the command people run most to find their way, so it answers without
importing click: the group's help, as click renders it for a terminal of 80 columns or more, is
kept in ``_help.py`` (written by ``scripts/gen_help.py``; a test checks it is what click prints).
A narrower terminal, and everything else, goes to the click command line in ``pilkada.cli``.
"""

import os
import sys

# what click's HelpFormatter wraps the help to on a terminal of 80 columns or more
HELP_WIDTH = 78


def help_width() -> int:
    """The width click wraps help to here: the terminal's columns as ``shutil.get_terminal_size``
    reads them ($COLUMNS, else the terminal, else 80), at most 80, less 2, at least 50."""
    try:
        columns = int(os.environ.get("COLUMNS", ""))
    except ValueError:
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
        columns = columns or 80
    return max(min(columns, 80) - 2, 50)


def main() -> None:
    """``pilkada``: the stored group help for ``--help`` (or ``-h``), else the click command
    line."""
    if sys.argv[1:] in (["--help"], ["-h"]) and help_width() == HELP_WIDTH:
        from pilkada._help import TEXT

        try:
            sys.stdout.write(TEXT)
            sys.stdout.flush()
        except OSError as exc:  # `pilkada --help | head -3`, or a full device
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            if not isinstance(exc, BrokenPipeError):
                said = (exc.strerror or str(exc)).lower()
                sys.stderr.write(f"Error: cannot write the output: {said}\n")
            sys.exit(1)
        return
    from pilkada.cli import main as command_line

    command_line()
