"""Indonesia's regions: provinces, kabupaten/kota, kecamatan, and their abbreviations. Pure.

The names come from lexicon/regions.txt and districts.txt (generated from Kemendagri's codes by
scripts/gen_regions.py) and the hand-made abbreviations of lexicon/region_aliases.txt.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from itertools import compress, count

from pilkada import lexicon
from pilkada.tokens import (
    IS_CAP,
    TEXT,
    Table,
    Token,
    fold,
    folded,
    longest_entry,
    may_open,
    phrases,
    token_keys,
    tokenize,
)

REGION_KINDS = {"kabupaten": "Kabupaten", "kota": "Kota", "provinsi": "Provinsi"}


@cache
def regions() -> dict[str, str]:
    """Every region name and abbreviation (folded) -> its name as pilkada writes it in a role."""
    out: dict[str, str] = {}
    for key in lexicon.mapping("regions"):
        kind, _, name = key.partition(" ")
        name = name.removeprefix("Administrasi ")
        out.setdefault(fold(name), name)
        if kind == "provinsi":
            short = name.removeprefix("Daerah Khusus Ibukota ").removeprefix("Daerah Istimewa ")
            out.setdefault(fold(short), short)
    for alias, name in lexicon.mapping("region_aliases").items():
        out[fold(alias)] = name
    return out


@cache
def region_table() -> Table:
    return Table((tuple(k.split()), v) for k, v in regions().items())


@cache
def district_table() -> Table:
    return phrases(lexicon.entries("districts"))


def districts() -> frozenset[str]:
    return folded("districts")


def match_region(tokens: Sequence[Token], i: int) -> tuple[int, str] | None:
    """A region name or abbreviation at token ``i``, as (tokens used, full name)."""
    t = tokens[i] if i < len(tokens) else None
    if t is not None and t[TEXT].startswith("("):
        inner = fold(t[TEXT][1:-1].strip())
        if inner in regions():
            return 1, regions()[inner]
        return None
    return longest_entry(tokens, i, region_table())


def find_places(texts: list[str]) -> list[str]:
    """The regions a text names (abbreviations written in full), most often named first."""
    counts: dict[str, int] = {}
    firsts = region_table().pieces  # a region is named in capitals
    for text in texts:
        if not may_open(text, firsts):
            continue
        for name in regions_in(text):
            counts[name] = counts.get(name, 0) + 1
    return sorted(counts, key=lambda name: -counts[name])


def regions_in(text: str) -> list[str]:
    """The regions named in a text, in order, each as pilkada writes it."""
    tokens = tokenize(text)
    out = []
    after = 0  # the first token past the last region found
    # a region opens with a capitalised word that opens some entry
    for i in compress(count(), map(region_table().firsts.__contains__, token_keys(text))):
        if i < after or not tokens[i][IS_CAP]:
            continue
        m = match_region(tokens, i)
        if m is not None:
            out.append(m[1])
            after = i + m[0]
    return out


def is_place_name(text: str) -> bool:
    """A region's or kecamatan's name, with or without "Kabupaten"/"Kota"/"Provinsi" before it."""
    key = fold(text.strip())
    for kind in ("kabupaten ", "kota ", "provinsi ", "kab. ", "kab "):
        key = key.removeprefix(kind)
    return key in regions() or key in districts()
