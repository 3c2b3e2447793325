"""The one place where a failure of the system under pilkada becomes a line for the user.

Every command runs inside ``PilkadaGroup.invoke``, which hands any exception it does not know to
``explain``: an error SQLite gave on the index the command opened (locked, damaged, full, read
only: ``store.failure``), or an error of the operating system (a file that cannot be written, a
full disk, standard output gone). Anything else is pilkada's own bug and is not dressed up.
"""

from __future__ import annotations

import errno
import os
import re
import sys
from pathlib import Path

__all__ = [
    "CorpusError",
    "explain",
    "folder_reason",
    "on_disk",
    "output_failed",
    "reason",
    "shown_path",
    "silence_stdout",
]


class CorpusError(ValueError):
    """A corpus spec or an article id that names nothing usable; the message is one line."""


# errors of writing standard output: a full device, a closed pipe, a file grown too large
_OUTPUT_ERRORS = frozenset(
    {errno.ENOSPC, errno.EPIPE, errno.EIO, errno.EFBIG, errno.EDQUOT, errno.EROFS}
)


def shown_path(path: str | os.PathLike[str]) -> str:
    """A path as text that can be printed and stored: a file name that is not valid UTF-8
    ("caf\\xe9.txt", from a zip made elsewhere) keeps its odd bytes as ``\\xNN``."""
    name = os.fspath(path)
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(name).decode("utf-8", "backslashreplace")
    return name


_ESCAPED = re.compile(r"\\x([89a-f][0-9a-f])")


def on_disk(shown: str) -> str:
    """The file a ``shown_path`` names: itself when it is there, else the name with its
    ``\\xNN`` turned back into the bytes they stand for."""
    if "\\x" not in shown or os.path.lexists(shown):
        return shown
    return _ESCAPED.sub(lambda m: chr(0xDC00 + int(m.group(1), 16)), shown)


def reason(exc: OSError, *, named: bool = True) -> str:
    """Why the system refused, in words ("permission denied"), with the file it named."""
    said = (exc.strerror or str(exc)).lower()
    return f"{said} ({shown_path(exc.filename)})" if named and exc.filename else said


def folder_reason(exc: OSError) -> str:
    """Why a folder's files could not be listed (a sub-folder one may not read)."""
    return f"cannot read the folder: {reason(exc, named=False)}"


def output_failed(exc: BaseException) -> bool:
    """Whether ``exc`` is standard output failing (``pilkada list > /dev/full``)."""
    return (
        isinstance(exc, OSError)
        and exc.errno in _OUTPUT_ERRORS
        and exc.filename is None
        and not isinstance(exc, FileNotFoundError)
    )


def explain(exc: BaseException, index: Path | None) -> str | None:
    """One line saying what went wrong, or None for an exception that is not the system's."""
    sqlite3 = sys.modules.get("sqlite3")  # imported only by commands that read an index
    if sqlite3 is not None and isinstance(exc, sqlite3.Error):
        if index is None:
            return None
        from pilkada import store

        known = store.failure(exc, index)
        return None if known is None else str(known)
    if not isinstance(exc, OSError):
        return None
    said = reason(exc, named=False)
    if output_failed(exc):
        silence_stdout()
        return f"cannot write the output: {said}"
    if exc.filename is not None:
        return f"{shown_path(exc.filename)}: {said}"
    return said


def silence_stdout() -> None:
    """Standard output failed: what is still buffered goes nowhere, so that Python's flush at
    exit does not fail again with a traceback."""
    try:
        fd = sys.stdout.fileno()
    except (AttributeError, ValueError, OSError):  # not a real file (a test's runner)
        return
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, fd)
        os.close(devnull)
    except OSError:
        pass
