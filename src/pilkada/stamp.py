"""The parser's stamp: which parser made an article, as the index records it.

An index keeps the stamp of the parser that made each of its articles; `pilkada index` re-parses
those stored under another stamp, so that a fix to the parser reaches old indexes. The stamp is a
hash of the package's version, ``PARSER_REVISION`` and the bytes of every lexicon file (by name,
in sorted order): a changed lexicon changes it by itself.

``PARSER_REVISION`` is for the rules written in code: **bump it in any change that makes the
parser give a different ``Article`` for some text** (a rule, a pattern, a threshold), unless the
change also edits a lexicon file or the version.
"""

from __future__ import annotations

import hashlib
from functools import cache
from importlib import resources

from pilkada import __version__

__all__ = ["PARSER_REVISION", "current"]

PARSER_REVISION = 2  # 2: the rules of 2026-12-07 (names, roles, quotes, captions)


@cache
def current() -> str:
    """The running parser's stamp: 16 hex digits."""
    h = hashlib.sha256(f"pilkada {__version__} revision {PARSER_REVISION}\n".encode())
    folder = resources.files("pilkada.lexicon")
    for name in sorted(p.name for p in folder.iterdir() if p.name.endswith(".txt")):
        data = folder.joinpath(name).read_bytes()
        h.update(f"{name} {len(data)}\n".encode())
        h.update(data)
    return h.hexdigest()[:16]
