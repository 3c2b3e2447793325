"""Indonesian lexicons as data: one plain-text file each, one entry a line, ``#`` comments.

A file may hold plain entries (``entries``) or ``key = value`` pairs (``mapping``). Each file is
read once per process and cached; the parsers ask for what they need by name.
"""

from __future__ import annotations

from functools import cache
from importlib import resources


def _lines(name: str) -> list[str]:
    text = resources.files(__name__).joinpath(f"{name}.txt").read_text(encoding="utf-8")
    out = []
    for raw in text.splitlines():
        line = (
            raw.split("#", 1)[0].strip() if not raw.lstrip().startswith("\\#") else raw.strip()[1:]
        )
        if line:
            out.append(line)
    return out


@cache
def entries(name: str) -> tuple[str, ...]:
    """The entries of lexicon ``name`` in file order."""
    return tuple(_lines(name))


@cache
def mapping(name: str) -> dict[str, str]:
    """The ``key = value`` pairs of lexicon ``name``; keys keep their case."""
    pairs: dict[str, str] = {}
    for line in _lines(name):
        key, sep, value = line.partition("=")
        if not sep:
            raise ValueError(f"lexicon {name}: line {line!r} has no '='")
        pairs[key.strip()] = value.strip()
    return pairs


# Files of "kind = regular expression" lines, where a kind may repeat (read with ``patterns``).
PATTERN_FILES = frozenset({"chrome", "photo_credits"})


@cache
def patterns(name: str) -> tuple[tuple[str, str], ...]:
    """The ``kind = regular expression`` lines of a pattern file, in order; kinds may repeat."""
    out = []
    for entry in entries(name):
        kind, sep, pattern = entry.partition(" = ")
        if not sep:
            raise ValueError(f"lexicon {name}: line {entry!r} has no ' = '")
        out.append((kind.strip(), pattern.strip()))
    return tuple(out)


def names() -> list[str]:
    """Every lexicon file's name (without ``.txt``)."""
    return sorted(
        p.name[:-4] for p in resources.files(__name__).iterdir() if p.name.endswith(".txt")
    )
