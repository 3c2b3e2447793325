"""What the generated articles are made of: words, people, dates and outlets, all invented.

Regions, titles of office, month and day names and speech verbs come from pilkada's own lexicon;
names of people and outlets are invented from syllables and never equal a word the parser knows.
Every function takes the ``random.Random`` it draws from, so a seed fixes everything.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from functools import cache
from itertools import pairwise

import phrases as ph

from pilkada import lexicon

FIRST_DAY, DAYS_SPAN = dt.date(2023, 3, 1), 640


# --- lexicon-backed vocabulary ----------------------------------------------------------------


@dataclass(frozen=True)
class Region:
    kind: str  # kabupaten | kota
    name: str
    province: str
    alias: str | None
    province_alias: str | None


@cache
def regions() -> tuple[Region, ...]:
    alias_of: dict[str, str] = {}
    for short, full in lexicon.mapping("region_aliases").items():
        alias_of.setdefault(full, short)
    out = []
    for key, province in lexicon.mapping("regions").items():
        kind, _, name = key.partition(" ")
        if kind in ("kabupaten", "kota") and len(name) <= 24:
            out.append(Region(kind, name, province, alias_of.get(name), alias_of.get(province)))
    return tuple(out)


@cache
def districts() -> tuple[str, ...]:
    names = lexicon.entries("districts")
    return tuple(d for d in names if d.isascii() and d.replace(" ", "").isalpha())


@cache
def months() -> tuple[tuple[str, ...], ...]:
    """For each month: (full name, older spelling or the full name, short form)."""
    by_number: dict[int, list[str]] = {}
    for key, number in lexicon.mapping("months").items():
        by_number.setdefault(int(number), []).append(key)
    out = []
    for number in range(1, 13):
        keys = by_number[number]
        full = max(keys, key=len)
        older = next((k for k in keys if k != full and len(k) >= 5), full)
        short = min(keys, key=len)
        out.append((full.capitalize(), older.capitalize(), short.capitalize()))
    return tuple(out)


@cache
def days() -> tuple[tuple[str, ...], ...]:
    """For each weekday (0 = Senin): the ways it is written."""
    by_number: dict[int, list[str]] = {}
    for key, number in lexicon.mapping("days").items():
        if key != "ahad":
            by_number.setdefault(int(number), []).append(key.capitalize())
    return tuple(tuple(by_number[k]) for k in range(7))


@cache
def speech_verbs() -> tuple[str, ...]:
    """Speech verbs that read naturally as "kata X" and "katanya"."""
    odd = {"katakan", "ungkapkan", "jelaskan", "sampaikan", "nilai", "klaim", "aku", "akui"}
    return tuple(v for v in lexicon.entries("speech_verbs") if v not in odd)


@cache
def _taboo() -> frozenset[str]:
    """Lower-case words an invented name must not be: every word the parser knows a meaning of."""
    words: list[str] = []
    for name in (
        "stopwords", "not_names", "pronouns", "prepositions", "honorifics", "degrees",
        "institutions", "titles", "credit_labels", "districts", "speech_leads", "theme_cues",
    ):  # fmt: skip
        for entry in lexicon.entries(name):
            words.extend(entry.lower().replace(".", " ").split())
    for name in ("months", "days", "acting", "region_aliases", "regions"):
        for key in lexicon.mapping(name):
            words.extend(key.lower().split())
    words.extend(v + "nya" for v in lexicon.entries("speech_verbs"))
    words.extend(lexicon.entries("speech_verbs"))
    return frozenset(words)


def invented_word(rng: random.Random, syllables: tuple[int, int] = (2, 3)) -> str:
    """An invented, pronounceable word that is not an Indonesian word the parser knows."""
    taboo = _taboo()
    while True:
        n = rng.choices(range(syllables[0], syllables[1] + 1))[0] if syllables[0] else 1
        n = min(n, 2) if rng.random() < 0.7 else n
        word = ""
        for k in range(n):
            last = k == n - 1
            coda = rng.choice(ph.CODAS) if rng.random() < (0.6 if last else 0.25) else ""
            word += rng.choice(ph.ONSETS) + rng.choice(ph.VOWELS) + coda
        if rng.random() < 0.25:
            word += rng.choice(ph.NAME_ENDINGS)
        if 4 <= len(word) <= 10 and word not in taboo and not _clumsy(word):
            return word.capitalize()


def _clumsy(word: str) -> bool:
    consonants = 0
    for ch in word:
        consonants = 0 if ch in "aiueo" else consonants + 1
        if consonants > 2:
            return True
    return any(a == b and a not in "nlmrst" for a, b in pairwise(word))


# --- people -----------------------------------------------------------------------------------


@dataclass
class Person:
    name: str  # the fullest form: what a parse should give as the speaker
    short: str  # the form of later mentions
    honor: str  # before the name: "H. ", "AKBP "
    degree: str  # after the name: ", S.Sos"
    role: str  # as the article first writes it: "Ketua KPU Kabupaten Tapin"
    head: str  # as headlines and role-only cues write it: "Ketua KPU Tapin"

    def full(self) -> str:
        """First mention: "Ketua KPU Kabupaten Tapin H. Fakhrian Noor, S.Sos"."""
        return f"{self.role} {self.honor}{self.name}{self.degree}"


def person_name(rng: random.Random) -> str:
    words = rng.choices((1, 2, 3), weights=(1, 6, 3))[0]
    return " ".join(invented_word(rng) for _ in range(words))


def _roles(rng: random.Random, reg: Region, district: str) -> list[tuple[str, str, str]]:
    """Offices a person of ``reg`` may hold: (role as first written, role as a cue, honorific)."""
    head = "Bupati" if reg.kind == "kabupaten" else rng.choice(("Wali Kota", "Walikota"))
    full = f"{reg.kind.capitalize()} {reg.name}"
    alias = reg.alias or reg.name
    paren = f"{reg.name} ({reg.alias})" if reg.alias else reg.name
    province = reg.province_alias or reg.province
    acting = rng.choice(("", "", "", "Pj ", "Pjs ", "Plt "))
    inst = rng.choice(("KPU", "Bawaslu", "DPRD"))
    police = rng.choice(("AKBP ", "AKBP ", "Kombes Pol "))
    return [
        (f"{acting}{head} {rng.choice((reg.name, paren))}", f"{acting}{head} {alias}", ""),
        (f"Wakil {head} {reg.name}", f"Wakil {head} {alias}", ""),
        (f"Ketua {inst} {rng.choice((full, reg.name))}", f"Ketua {inst} {alias}", ""),
        (f"Komisioner KPU {full}", f"Komisioner KPU {alias}", ""),
        (f"Kapolres {paren}", f"Kapolres {alias}", police),
        (
            f"Kapolda {reg.province}",
            f"Kapolda {province}",
            rng.choice(("Irjen Pol ", "Brigjen Pol ")),
        ),
        (f"Sekda {full}", f"Sekda {alias}", ""),
        (f"Kepala Badan Kesbangpol {full}", f"Kepala Kesbangpol {alias}", ""),
        (f"Camat {district}", f"Camat {district}", ""),
        (f"{acting}Gubernur {reg.province}", f"{acting}Gubernur {province}", ""),
    ]


ROLE_WEIGHTS = (5, 1, 5, 2, 3, 1, 1, 1, 1, 1)


# Most people a corpus quotes hold an office and are quoted again and again: each office of a
# region (of a province: Kapolda, Gubernur; of a district: Camat) has CAST holders over the span
# of the corpus, the same in every generated corpus; one person in ONE_OFF is named only once.
CAST = 3
ONE_OFF = 0.2
_PROVINCE_OFFICES, _DISTRICT_OFFICES = (5, 9), (8,)


def _holder(rng: random.Random, region: Region, district: str, office: int) -> str:
    """The name of a holder of one office, or of someone named once."""
    if rng.random() < ONE_OFF:
        return person_name(rng)
    if office in _PROVINCE_OFFICES:
        where = region.province
    elif office in _DISTRICT_OFFICES:
        where = district
    else:
        where = f"{region.kind} {region.name}"
    return person_name(random.Random(f"{where}|{office}|{rng.randrange(CAST)}"))


def make_person(rng: random.Random, region: Region, district: str) -> Person:
    offices = _roles(rng, region, district)
    office = rng.choices(range(len(offices)), weights=ROLE_WEIGHTS)[0]
    role, head, honor = offices[office]
    name = _holder(rng, region, district, office)
    parts = name.split()
    short = parts[0] if len(parts) == 1 or rng.random() < 0.6 else parts[-1]
    if not honor and rng.random() < 0.12:
        honor = rng.choice(("H. ", "Hj. ", "Dr. ", "Drs. ", "Ir. "))
    degree = rng.choice(("", "", "", "", "", "", ", S.Sos", ", S.H., M.H.", ", M.Si", ", S.STP"))
    return Person(name, short, honor, degree, role, head)


# --- dates ------------------------------------------------------------------------------------


def _day(rng: random.Random, d: dt.date) -> str:
    forms = days()[d.weekday()]
    return forms[0] if rng.random() < 0.7 else rng.choice(forms)


TEXT_DATES = ("paren", "paren0", "comma-paren", "two-digit", "long", "older", "no-year", "day-only")
META_DATES = (
    "full-time",
    "full-seconds",
    "plain",
    "short-month",
    "older",
    "iso",
    "posted",
    "slashes",
)


def text_date(rng: random.Random, d: dt.date, style: str) -> tuple[str, bool]:
    """The date as a statement in the body writes it, and whether that states the year."""
    day, (full, older, _) = _day(rng, d), months()[d.month - 1]
    forms = {
        "paren": f"{day} ({d.day}/{d.month}/{d.year})",
        "paren0": f"{day} ({d.day:02d}/{d.month:02d}/{d.year})",
        "comma-paren": f"{day}, ({d.day:02d}/{d.month:02d}/{d.year})",
        "two-digit": f"{day} ({d.day}/{d.month}/{d.year % 100:02d})",
        "long": f"{day}, {d.day} {full} {d.year}",
        "older": f"{day}, {d.day} {older} {d.year}",
        "no-year": f"{day} ({d.day}/{d.month})",
        "day-only": day,
    }
    return forms[style], style not in ("no-year", "day-only")


def meta_date(rng: random.Random, d: dt.date, style: str) -> str:
    """The date as a page header writes it."""
    day, (full, older, short) = _day(rng, d), months()[d.month - 1]
    hm = f"{rng.randint(6, 22):02d}:{rng.randrange(60):02d}"
    zone = rng.choice(("WIB", "WIB", "WITA", "WIT"))
    forms = {
        "full-time": f"{day}, {d.day} {full} {d.year} - {hm} WIB",
        "full-seconds": f"{day}, {d.day} {full} {d.year} - {hm}:{rng.randrange(60):02d} {zone}",
        "plain": f"{d.day} {full} {d.year}",
        "short-month": f"{day}, {d.day} {short} {d.year} {hm} {zone}",
        "older": f"{day}, {d.day} {older} {d.year} | {hm} {zone}",
        "iso": d.isoformat(),
        "posted": f"Diposting pada {d.day} {full} {d.year}",
        "slashes": f"{day}, {d.day:02d}/{d.month:02d}/{d.year} {hm} {zone}",
        "byline": f"{d.day} {full} {d.year}",
    }
    return forms[style]


# --- outlets: one page layout each ------------------------------------------------------------

LEDE_STYLES = (
    "place-outlet", "place-agency", "outlet-place", "place/outlet", "place", "outlet", "none",
    "place, outlet",
)  # fmt: skip
HEADERS = ("menu", "breadcrumb", "follow", "byline", "admin", "portal", "bare", "none")
FOOTERS = ("share", "tags", "other", "copyright", "links", "syndication")
CREDITS = ("lines", "reporter", "pewarta", "inline", "initials", "desk", "none")
NAMED_CREDITS = ("lines", "reporter", "pewarta", "inline")


@dataclass
class Outlet:
    name: str
    lede: str  # how the lede opens: one of LEDE_STYLES
    header: str  # layout of the page header: one of HEADERS
    meta: str | None  # how the header writes the date, if it does
    footer: tuple[str, ...]
    credit: str  # one of CREDITS
    related: str  # "Baca Juga" lines between paragraphs: baca, baca-spaced, block, none
    blank: bool  # blank lines between lines
    straight: bool  # straight quote marks
    upper_place: bool  # "SAMPIT" rather than "Sampit"
    text_dates: tuple[str, ...]  # how the body writes dates


def _outlet(rng: random.Random) -> Outlet:
    stem, word, domain = (
        rng.choice(ph.OUTLET_STEMS),
        invented_word(rng, (1, 2)).lower(),
        rng.choice(ph.DOMAINS),
    )
    name = rng.choice(
        (
            f"{stem}{word}{domain}",
            f"{stem.capitalize()}{word.capitalize()}{domain}",
            f"{stem.upper()}{word.upper()}{domain.upper()}",
            f"{stem.upper()}{word.upper()}",
            f"{stem.capitalize()}{word}",
        )
    )
    header = rng.choice(HEADERS)
    meta = None
    if header in ("menu", "breadcrumb", "admin", "portal") or (
        header == "bare" and rng.random() < 0.5
    ):
        meta = rng.choice(META_DATES)
    elif header == "byline":
        meta = "byline"
    return Outlet(
        name=name,
        lede=rng.choice(LEDE_STYLES),
        header=header,
        meta=meta,
        footer=tuple(rng.sample(FOOTERS, rng.randint(0, 3))),
        credit=rng.choice(CREDITS),
        related=rng.choice(("baca", "baca", "baca-spaced", "block", "none")),
        blank=rng.random() < 0.5,
        straight=rng.random() < 0.35,
        upper_place=rng.random() < 0.7,
        text_dates=tuple(rng.sample(TEXT_DATES, 2)),
    )


@cache
def outlets(seed: int) -> tuple[Outlet, ...]:
    rng = random.Random(f"outlets:{seed}")
    return tuple(_outlet(rng) for _ in range(40))
