"""Title, outlet, dateline, publication date and credits from classified lines. Pure functions."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import cache

from pilkada import lexicon
from pilkada.dates import DateMatch, find_dates
from pilkada.layout import Layout, Line
from pilkada.lines import (
    BODY,
    DOMAIN,
    day_names,
    generic_credits,
    holds_outlet_word,
    is_outlet_name,
    quoted,
    word_count,
)
from pilkada.models import Certainty, Confidence
from pilkada.regions import is_place_name
from pilkada.tokens import fold, folded, is_degree

# "SAMPIT/TABENGAN.CO.ID-Bupati", "Rantau, Tapin (ANTARA) - ", "Bebaca.id, TENGGARONG – ",
# "KOMPAS.com - Rabu", "Boyolali-Pimpinan", "Kilaspapua, Sentani- Rumah"
DATELINE = re.compile(
    # a reduplicated place is one word: "TOLI-TOLI", "Bau-Bau"
    r"^(?P<head>(?:(?P<w1>[A-Z][\w.'’]*)(?:-(?i:(?P=w1)))?|[a-z][\w-]*\.[\w.]+)"
    r"(?:[ ,/]+\(?(?:(?P<w2>[A-Z][\w.'’]*)(?:-(?i:(?P=w2)))?|[a-z][\w-]*\.[\w.]+)\)?)*?"
    r"(?:\s*\([^()]{2,30}\))?)"
    r"(?:\s*[–—]\s*|\s+-\s*|-\s+|-(?=[A-Z“\"]))"
)
# "Copyright © 2024 KabarSatu.id. All rights reserved.", "© Copyright 2024, Warta Tadulako –
# Media Online Sulawesi Tengah": the name runs to a stop, a dash or a bar
COPYRIGHT = re.compile(
    r"^(?:(?:copyright|hak cipta|©|\(c\))[\s,]*)+(?:\d{4}(?:\s*[-–]\s*\d{4})?[\s,]*)?"
    r"(?P<outlet>(?!all rights|hak cipta)[^\W\d][\w.-]*(?: (?!all rights|hak cipta)[\w.-]+){0,7}?)"
    r"(?=\.?\s*$|\.\s|\s*[|–—,·]|\s+-\s|\s+(?:all rights|hak cipta))",
    re.IGNORECASE,
)
SYNDICATION = re.compile(
    r"telah (?:tayang|terbit|dimuat) di (?P<outlet>[\w.-]+)"
    r"|^(?:sumber|source)\s*[:：]\s*(?P<source>[A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,4})",
    re.IGNORECASE,
)
# a writer's initials closing the last paragraph: "(MS)", "(tet)"; desk tags are in credit_labels
INITIALS = re.compile(r"\(\s*(?P<who>[A-Z]{2,4}|[a-z]{2,4})\s*\)\s*$")
CONTRIBUTOR = re.compile(
    r"^(kontributor|koresponden|wartawan|reporter|jurnalis)\s+[^,|]+,\s*", re.IGNORECASE
)
HIGH, MEDIUM, LOW = Confidence.high, Confidence.medium, Confidence.low
NAME_SPLIT = re.compile(r"\s*\|\s*|\s*,\s*(?=[A-Z][a-z])|\s+dan\s+|\s*&\s*")


@dataclass
class Meta:
    title: str | None = None
    title_confidence: Certainty = field(default_factory=lambda: Certainty(level=LOW, why=""))
    published_confidence: Certainty = field(default_factory=lambda: Certainty(level=LOW, why=""))
    outlet: str | None = None
    dateline: str | None = None
    published: date | None = None
    published_text: str | None = None
    authors: list[str] = field(default_factory=list)
    editors: list[str] = field(default_factory=list)
    photographers: list[str] = field(default_factory=list)


def _is_outlet_like(text: str) -> bool:
    """A site's name: a domain, a name in brackets, a known outlet, or a few words holding one
    of a news outlet's words that name no place ("PORTAL MAJALENGKA", "Radar Sampit")."""
    text = text.strip()
    if DOMAIN.match(text) or text.startswith("(") or is_outlet_name(text):
        return True
    named = text.split()
    return len(named) <= OUTLET_WORDS_MAX and holds_outlet_word(text) and not is_place_name(text)


OUTLET_WORDS_MAX = 4


CITY_AFTER = re.compile(r"(?P<city>[A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,2})\.\s+[A-Z“\"]")


def split_dateline(lede: str) -> tuple[str | None, str | None]:
    """(place, outlet) from the lede's opening, either may be None."""
    m = DATELINE.match(lede)
    if not m:
        return None, None
    head = m.group("head").strip()
    if word_count(head) > 6:
        return None, None
    paren = re.match(r"^(?P<place>.*?)\s*\((?P<outlet>[^()]+)\)$", head)
    if paren:
        outlet = paren.group("outlet").strip()
        if any(c.isdigit() for c in outlet) or outlet.lower() in _desks():
            outlet = ""  # "TANJUNG BIRU (20/11) –", "Sleman (Humas) -": a day, a desk
        return (paren.group("place").strip(" ,") or None), outlet or None
    parts = [p.strip() for p in re.split(r"\s*[,/]\s*", head) if p.strip()]
    city = CITY_AFTER.match(lede[m.end() :])
    if len(parts) == 1 and city and is_place_name(city.group("city")) and not is_place_name(head):
        return city.group("city"), head  # "Warta Nusantara - Garut. Komisi …"
    if len(parts) == 1:
        return (None, parts[0]) if _is_outlet_like(parts[0]) else (parts[0], None)
    if len(parts) > 2:
        return None, None
    a, b = parts
    if _is_outlet_like(a) and not _is_outlet_like(b):
        return b, a
    if _is_outlet_like(b):
        return a, b
    if not is_place_name(a) and is_place_name(b):
        return b, a
    return a, b


def clean_name(value: str) -> str:
    """A credited name without office notes in brackets, a contributor prefix or degrees."""
    value = re.sub(r"\([^()]*\)?", " ", value)
    value = re.sub(r"^(kontributor|koresponden|wartawan)\s+[^,]+,\s*", "", value, flags=re.I)
    parts = [p.strip() for p in value.split(",")]
    kept = [parts[0]] + [p for p in parts[1:] if p and not is_degree(p) and len(p) > 4]
    return " ".join(" ".join(kept).split()).strip(" .-")


def credit_names(value: str) -> list[str]:
    out = []
    value = CONTRIBUTOR.sub("", value.strip())
    for part in NAME_SPLIT.split(value):
        name = clean_name(part)
        first = name.split()[0].lower() if name else ""
        if (
            name
            and first not in generic_credits()
            and not any(c.isdigit() for c in name)
            and not name.islower()  # "humaspolresbantul": a login, not a name
        ):
            out.append(name)  # "Humas KPU Garut", "Tim Redaksi": an office, not a person
    if len(out) > 1 and all(len(n.split()) == 1 for n in out[1:]) and not NAME_SPLIT.search(value):
        return [clean_name(value)]
    return out


class _Names:
    """A credit list that takes a name once: not again, nor a part of one it holds ("Bayu" after
    "Bayu Aji"). Looked up by word, so a page of a thousand credit lines costs no more a line."""

    def __init__(self, names: list[str]) -> None:
        self.names = names
        self.folded: set[str] = set()
        self.by_word: dict[str, list[set[str]]] = {}

    def add(self, new: list[str]) -> None:
        for n in new:
            key = fold(n)
            words = set(key.split())
            if key in self.folded or any(words <= m for m in self._sharing(key)):
                continue
            self.names.append(n)
            self.folded.add(key)
            for w in words:
                self.by_word.setdefault(w, []).append(words)

    def _sharing(self, key: str) -> list[set[str]]:
        """The word sets of the names holding ``key``'s first word (all of them for no word)."""
        first = key.split(None, 1)[:1]
        if not first:
            return [set()] if self.names else []
        return self.by_word.get(first[0], [])


def extract(layout: Layout, paragraphs: list[str]) -> Meta:
    meta = Meta()
    meta.title_confidence = _title_confidence(layout)
    if layout.title is not None:
        meta.title = next(ln.text for ln in layout.lines if ln.index == layout.title)
    lede = paragraphs[0] if paragraphs else ""
    place, outlet = split_dateline(lede)
    meta.dateline = place
    if outlet:
        meta.outlet = outlet.strip("()").strip()
    # credits
    authors = _Names(meta.authors)
    credited = {"author": authors, "editor": _Names(meta.editors)}
    photographers = _Names(meta.photographers)
    for ln in layout.lines:
        for kind, value in ln.credits:
            if kind == "outlet":
                meta.outlet = meta.outlet or value
                continue
            credited.get(kind, photographers).add(credit_names(value))
    if paragraphs:
        tag = INITIALS.search(paragraphs[-1])
        who = tag.group("who") if tag else ""
        # "(rzk)" under Rizky Pratama's byline is his
        mine = any(abbreviates(who, name) for name in meta.authors)
        if who and who.lower() not in generic_credits() and not mine:
            authors.add([who])
    # outlet from the page when the lede does not name one
    if meta.outlet is None:
        meta.outlet = _outlet_from_page(layout)
    meta.published, meta.published_text, meta.published_confidence = pick_date(layout, paragraphs)
    return meta


def abbreviates(initials: str, name: str) -> bool:
    """``initials`` are a short form of ``name``: its first letter, then others of it in order
    ("rzk", "Rizky Pratama"; "MS", "Muhammad Saleh")."""
    letters = [c for c in fold(name) if c.isalpha()]
    wanted = fold(initials)
    if not wanted or not letters or letters[0] != wanted[0]:
        return False
    rest = iter(letters[1:])
    return all(c in rest for c in wanted[1:])


def _title_confidence(layout: Layout) -> Certainty:
    if layout.title is None:
        if not layout.header:
            return Certainty(level=HIGH, why="the text opens with its lede: it has no headline")
        return Certainty(level=MEDIUM, why="no headline-like line before the lede")
    if layout.title_candidates == 1:
        return Certainty(level=HIGH, why="the only headline-like line before the lede")
    return Certainty(
        level=MEDIUM,
        why=f"the fullest of {layout.title_candidates} headline-like lines before the lede",
    )


# a public body's site names itself at its top: an office, then the kind and name of its region
SITE_OF_A_BODY = re.compile(
    r"^[A-Z][\w.-]*(?: [A-Z][\w.-]*){0,2} (?i:kabupaten|kota|provinsi|kab\.)"
    r"(?: [A-Z][\w.-]*){1,3}$"
)


def is_site_of_a_body(line: str) -> bool:
    """A public body's site's name, as its header writes it: "KPU Kabupaten Sleman"."""
    return SITE_OF_A_BODY.match(line) is not None and _is_institution(line)


def copyright_holder(line: str) -> str | None:
    """The name a copyright line gives: "© Copyright 2024, Warta Tadulako – …" -> "Warta
    Tadulako"."""
    m = COPYRIGHT.search(line)
    if m is None:
        return None
    name = re.split(r"\.(?:\s|$)|\s+(?:all|hak|semua)\b", m.group("outlet"), flags=re.I)[0]
    return name.strip(" .,") or None


@cache
def _desks() -> frozenset[str]:
    return frozenset(lexicon.entries("desk_labels"))


def _outlet_from_page(layout: Layout) -> str | None:
    # Layout.lede is a position in layout.lines; Line.index is the line's place in the raw text
    lede_index = layout.lines[layout.lede].index if layout.lede is not None else 0
    for ln in layout.header:
        if ln.reason == "site name" or (ln.reason == "repeated line" and _names_a_site(ln.text)):
            return ln.text  # "jendela.id" over the menu, and again in the footer
    for ln in layout.lines:
        m = SYNDICATION.search(ln.text) if ln.reason == "syndication" else None
        if m:
            name = (m.group("outlet") or m.group("source")).rstrip(".")
            if name.lower() not in _desks():  # "Sumber: Humas" names no outlet
                return name
    for ln in layout.header:
        if ln.reason == "byline" and ln.credits and _is_institution(ln.credits[0][1]):
            return ln.credits[0][1]
    for ln in layout.header:
        if ln.index != layout.title and is_site_of_a_body(ln.text):
            return ln.text  # "KPU Kabupaten Sleman", "PEMERINTAH KOTA BUKIT ASRI" over the menu
    for ln in layout.header:
        if ln.reason == "masthead":
            return ln.text  # "Kabar Lembata" over its tagline
    company = None  # "© 2024 PT Jendela Nusantara Digital": the company behind the site
    for ln in reversed(layout.lines):
        if ln.kind != BODY and (name := copyright_holder(ln.text)):
            if not is_company(name):
                return name
            company = company or name
        elif ln.kind != BODY and DOMAIN.match(ln.text) and ln.index > lede_index:
            return ln.text
    return company


def _names_a_site(text: str) -> bool:
    return bool(DOMAIN.match(text)) or is_outlet_name(text)


@cache
def _company_words() -> frozenset[str]:
    return frozenset(w.casefold() for w in lexicon.entries("companies"))


def is_company(name: str) -> bool:
    """A company's name, as a copyright line gives the publisher's: "PT Sepekan Media"."""
    ws = name.split()
    return len(ws) > 1 and not _company_words().isdisjoint((ws[0].casefold(), ws[-1].casefold()))


@cache
def _future() -> tuple[re.Pattern[str], re.Pattern[str]]:
    cues = "|".join(re.escape(c) for c in lexicon.entries("future_cues"))
    before = rf"\b(?:{cues})(?:\s+(?:pada|tanggal|hari|digelar|dilaksanakan|berlangsung))*\s*,?\s*$"
    after = rf"^\s*(?:{cues})\b"
    return re.compile(before, re.IGNORECASE), re.compile(after, re.IGNORECASE)


def _is_future(text: str, m: DateMatch) -> bool:
    """The date is one set for later: "dijadwalkan pada Rabu, 27 November 2024", "… mendatang"."""
    before, after = _future()
    return bool(before.search(text[max(0, m.start - 60) : m.start]) or after.match(text[m.end :]))


# "(Kompas, 16/6/2015)", "(Antara, 3/9/2019)": a reference to another outlet's report
CITATION = re.compile(r"\(\s*(?P<source>[A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,3}),\s*$")


def _is_cited(text: str, m: DateMatch) -> bool:
    """The date is another report's, not the article's: in brackets after a source's name
    ("(Kompas, 16/6/2015)"), or inside a quotation."""
    cited = CITATION.search(text[max(0, m.start - 50) : m.start])
    if (
        cited
        and cited.group("source").lower() not in day_names()
        and text[m.end :].lstrip()[:1] == ")"
    ):
        return True
    return text.count("“", 0, m.start) > text.count("”", 0, m.start)


def _is_institution(name: str) -> bool:
    inst = folded("institutions")
    return any(fold(w) in inst for w in name.split())


@cache
def _speech_cue() -> re.Pattern[str]:
    verbs = "|".join(re.escape(v) for v in lexicon.entries("speech_verbs"))
    return re.compile(rf"\b(?:{verbs})(?:nya)?\b|\bdikutip\b|\bketerangan", re.IGNORECASE)


def _speech_dates(paragraphs: list[str]) -> DateMatch | None:
    cue = _speech_cue()
    for p in paragraphs:
        if not quoted(p):
            continue
        for m in find_dates(p):
            if m.value is None or _is_cited(p, m):
                continue
            before = p[max(0, m.start - 160) : m.start]
            if cue.search(before):
                return m
    return None


NEAR_TITLE = 3  # lines between the headline and a date line above it that belongs to it


def _header_dates(layout: Layout) -> tuple[Iterator[tuple[Line, DateMatch]], ...]:
    """The header's dates, read lazily: those after the headline and those just above it,
    nearest first; apart from them, those far above it, over the site's menu ("Rabu, 18
    Desember 2024" in a top bar is the day the page was seen, not the article's)."""
    at = next((k for k, ln in enumerate(layout.header) if ln.index == layout.title), None)
    if at is None:  # no headline: the header's dates in order
        return _dated(layout.header), iter(())
    after = layout.header[at + 1 :]
    above = layout.header[:at][::-1]
    near, far = above[:NEAR_TITLE], above[NEAR_TITLE:]
    return _dated(after + near), _dated(far)


def _dated(lines: list[Line]) -> Iterator[tuple[Line, DateMatch]]:
    for ln in lines:
        for m in find_dates(ln.text):
            if m.value is not None:
                yield ln, m


def pick_date(layout: Layout, paragraphs: list[str]) -> tuple[date | None, str | None, Certainty]:
    """The publication date: the page's own date line or byline first, then the date a statement in
    the body is attributed to, then the first full date of the body."""
    near, far = _header_dates(layout)
    for ln, m in near:
        level = HIGH if ln.reason in {"date line", "byline"} else MEDIUM
        return m.value, m.text, Certainty(level=level, why=f"the page's {ln.reason}")
    spoken = _speech_dates(paragraphs)
    if spoken is not None:
        why = "the date a statement in the body is attributed to"
        return spoken.value, spoken.text, Certainty(level=MEDIUM, why=why)
    for ln, m in far:
        why = f"the page's {ln.reason} above its menu: maybe the day the page was saved"
        return m.value, m.text, Certainty(level=LOW, why=why)
    for k, p in enumerate(paragraphs):
        for m in find_dates(p):
            if m.value is not None and not _is_future(p, m) and not _is_cited(p, m):
                why = "the first full date in the body, not tied to a statement"
                return (
                    m.value,
                    m.text,
                    Certainty(level=MEDIUM if k == 0 else LOW, why=why),
                )
    undated = any(not m.has_year for p in paragraphs for m in find_dates(p))
    why = "only dates without a year" if undated else "no date in the text"
    return None, None, Certainty(level=MEDIUM if undated else LOW, why=why)
