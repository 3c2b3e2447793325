"""Names, titles of office, roles and regions in Indonesian news text. Pure functions.

A person is found where the text anchors one: a title of office ("Bupati Nunukan Asmin Laura
Hafid", "Ketua Bawaslu Kukar, Teguh Wibowo"), an honorific or rank ("Prof. Bambang Iswanto",
"Iptu Tri Nugroho") or a speech verb ("ujar Fakhrian"). Roles are written with regions in full
("Kukar" becomes "Kutai Kartanegara") and acting forms shortened ("Pejabat Sementara (Pjs)"
becomes "Pjs").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import NamedTuple

from pilkada import lexicon

TOKEN = re.compile(
    r"\([^()\n]{1,40}\)|[A-Za-z][A-Za-z0-9'’]*(?:-[a-z0-9][A-Za-z0-9'’]*)*|\d[\d.,/]*|[^\sA-Za-z0-9]"
)
MAX_HONORIFICS = 4  # "Kompol Drs. H. …": a longer chain is no name phrase
ROMAN = frozenset("I II III IV V VI VII VIII IX X XI XII XIII XIV XV XVI XVII XVIII XIX XX".split())
REGION_KINDS = {"kabupaten": "Kabupaten", "kota": "Kota", "provinsi": "Provinsi"}
CONNECTORS = frozenset({"dan", "&"})


class Token(NamedTuple):
    """A word, number, bracketed group or punctuation mark and where it stands."""

    text: str
    start: int
    end: int
    is_word: bool  # starts with a letter
    is_cap: bool  # starts with a capital letter


@dataclass(frozen=True)
class Mention:
    """A person anchored in a text: their name (without honorifics) and role, where given."""

    name: str | None
    role: str | None
    start: int
    end: int
    honorific: str | None = None


@lru_cache(maxsize=4096)
def tokenize(text: str) -> tuple[Token, ...]:
    """Words, numbers, bracketed groups and punctuation with their offsets.

    Cached: an article's paragraphs are read for people, places and quotes in turn.
    """
    out: list[Token] = []
    for m in TOKEN.finditer(text):
        word = m.group()
        first = word[0]
        if (
            len(out) >= 2
            and out[-1].text == "-"
            and out[-1].start == out[-2].end == m.start() - 1
            and word.casefold() == out[-2].text.casefold()
        ):
            # a reduplicated name is one word: "Toli-Toli", "Bau-Bau"
            left = out[-2]
            out[-2:] = [Token(text[left.start : m.end()], left.start, m.end(), True, left.is_cap)]
            continue
        out.append(Token(word, m.start(), m.end(), first.isalpha(), first.isupper()))
    return tuple(out)


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Lower-case, accents off: the key names and roles are compared by."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().replace("’", "'"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


# --- lexicons, as token sequences --------------------------------------------------------------


class Table(dict[tuple[str, ...], str]):
    """A lexicon as folded token sequences -> entry, with the set of first words, so that a word
    that opens no entry is refused at once."""

    def __init__(self, items: Iterable[tuple[tuple[str, ...], str]]) -> None:
        super().__init__(items)
        self.firsts = frozenset(k[0] for k in self if k)


def _phrases(words: tuple[str, ...]) -> Table:
    out: dict[tuple[str, ...], str] = {}
    for w in words:
        out[tuple(fold(t.text) for t in tokenize(w))] = w
    return Table(out.items())


@cache
def _titles() -> Table:
    return _phrases(lexicon.entries("titles"))


@cache
def _acting() -> Table:
    return Table(
        (tuple(fold(t.text) for t in tokenize(k)), v) for k, v in lexicon.mapping("acting").items()
    )


@cache
def _honorifics() -> Table:
    # "Prof." and "Prof" are one honorific: the dot is a separate token, skipped when matching.
    return _phrases(tuple(h.rstrip(".") for h in lexicon.entries("honorifics")))


@cache
def _institutions() -> Table:
    return _phrases(lexicon.entries("institutions"))


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
def _region_phrases() -> Table:
    return Table((tuple(k.split()), v) for k, v in regions().items())


@cache
def _not_names() -> frozenset[str]:
    return frozenset(fold(w) for w in lexicon.entries("not_names"))


@cache
def _district_phrases() -> Table:
    return _phrases(lexicon.entries("districts"))


@cache
def _district_titles() -> frozenset[str]:
    return frozenset(lexicon.entries("district_titles"))


@cache
def _role_links() -> frozenset[str]:
    return frozenset(lexicon.entries("role_links"))


@cache
def _address_words() -> frozenset[str]:
    return frozenset(fold(w) for w in lexicon.entries("address_words"))


@cache
def _districts() -> frozenset[str]:
    return frozenset(fold(w) for w in lexicon.entries("districts"))


@cache
def _degrees() -> frozenset[str]:
    return frozenset(fold(d) for d in lexicon.entries("degrees"))


def _match(
    tokens: Sequence[Token], i: int, table: Table, *, caps: bool = True
) -> tuple[int, str] | None:
    """The longest entry of ``table`` starting at token ``i``: (tokens used, value)."""
    if i >= len(tokens) or (caps and not tokens[i].is_cap):
        return None
    if fold(tokens[i].text) not in table.firsts:
        return None
    best: tuple[int, str] | None = None
    words: list[str] = []
    j = i
    while j < len(tokens) and len(words) < 6:
        t = tokens[j]
        if t.text == "." and words:  # "Pjs." "Prof." "Drs.Efendi"
            j += 1
            if tuple(words) in table and (best is None or best[0] < j - i):
                best = (j - i, table[tuple(words)])
            continue
        words.append(fold(t.text))
        j += 1
        if tuple(words) in table:
            best = (j - i, table[tuple(words)])
    return best


def match_region(tokens: Sequence[Token], i: int) -> tuple[int, str] | None:
    """A region name or abbreviation at token ``i``, as (tokens used, full name)."""
    t = tokens[i] if i < len(tokens) else None
    if t is not None and t.text.startswith("("):
        inner = fold(t.text[1:-1].strip())
        if inner in regions():
            return 1, regions()[inner]
        return None
    return _match(tokens, i, _region_phrases())


def is_degree(text: str) -> bool:
    return fold(re.sub(r"[.,\s]", "", text)) in _degrees()


# --- names ------------------------------------------------------------------------------------


def split_name(text: str) -> tuple[str | None, str]:
    """Honorifics and ranks apart from the name; degrees dropped.

    >>> split_name("Irjen Pol Winarto")
    ('Irjen Pol', 'Winarto')
    """
    tokens = tokenize(text)
    honors: list[str] = []
    i = 0
    while (m := _match(tokens, i, _honorifics())) is not None:
        honors.append(m[1])
        i += m[0]
    name = _name_run(tokens, i)
    return (" ".join(honors) or None), name


def _name_run(tokens: Sequence[Token], i: int, limit: int = 5) -> str:
    """Capitalised words from token ``i`` on (a single-letter initial may carry a dot)."""
    words: list[str] = []
    while i < len(tokens) and len(words) < limit:
        t = tokens[i]
        if (
            _degree_ahead(tokens, i)
            or _match(tokens, i, _titles()) is not None
            or _match(tokens, i, _acting()) is not None
            or (words and _match(tokens, i, _honorifics()) is not None)
        ):
            # a degree, a title of office ("Paslon Bupati dan …"), "Pj", or a rank after a name
            # ("… Budi Santoso Prof. …") is not part of the name
            break
        if t.is_word and t.is_cap and not is_degree(t.text) and fold(t.text) not in _not_names():
            words.append(t.text)
            i += 1
            if i < len(tokens) and tokens[i].text == "." and len(t.text) <= 3:
                i += 1  # "Muh. Said", "R. Gani"
            continue
        break
    return " ".join(words)


def _degree_ahead(tokens: Sequence[Token], i: int) -> bool:
    """A dotted degree starts at token ``i``: "S.H", "S.I.K", "S.STP", "M.Si"."""
    if not (tokens[i].is_word and len(tokens[i].text) == 1):
        return False
    letters = ""
    j = i
    while j < len(tokens) and j < i + 8 and (tokens[j].text == "." or tokens[j].is_word):
        if tokens[j].is_word:
            if len(tokens[j].text) > 3:
                break
            letters += tokens[j].text
            if is_degree(letters) and letters != tokens[i].text:
                return True
        j += 1
    return False


# --- roles ------------------------------------------------------------------------------------


def _role_tail(tokens: Sequence[Token], i: int) -> tuple[list[Token], int]:
    """The run of words after a title that may belong to the role or the name."""
    run: list[Token] = []
    while i < len(tokens):
        t = tokens[i]
        if fold(t.text) in _address_words():
            break
        if t.text.startswith("(") or (t.is_word and (t.is_cap or fold(t.text) in REGION_KINDS)):
            run.append(t)
        elif t.text == "." and run and len(run[-1].text) <= 4 and run[-1].is_cap:
            run.append(t)  # "Drs." "Muh." inside the run
        elif _command_number(tokens, i):
            run.append(t)  # "Pangdam XIV/Hasanuddin", "Dandim 0724/Boyolali"
        elif (
            t.is_word
            and fold(t.text) in {"dari", "dan"}
            and run
            and i + 1 < len(tokens)
            and tokens[i + 1].is_cap
            and _match(tokens, i + 1, _titles()) is None
            and _match(tokens, i + 1, _acting()) is None
        ):
            # "Wakil Ketua MPR RI dari Fraksi Partai Demokrat" runs on; "Bupati X dan Ketua Y"
            # is two people
            run.append(t)
        else:
            break
        i += 1
    while run and (run[-1].text == "." or fold(run[-1].text) in {"dari", "dan"}):
        run.pop()
    return run, i


def _command_number(tokens: Sequence[Token], i: int) -> bool:
    """A slash joining a military or police command's number to its name: "XIV/Hasanuddin"."""
    t = tokens[i]
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if t.text == "/":
        return (
            i > 0
            and (tokens[i - 1].text in ROMAN or tokens[i - 1].text[:1].isdigit())
            and bool(nxt and nxt.is_cap)
        )
    return t.text[:1].isdigit() and t.text.endswith("/") and bool(nxt and nxt.is_cap)


def _is_boundary(run: Sequence[Token], k: int, local: bool = False) -> int:
    """How many tokens of ``run`` from ``k`` on belong certainly to a role (0: none).

    ``local``: the title is of an office below the kabupaten, so a kecamatan name right after it
    ("Camat Lebong Tengah") is part of the role."""
    t = run[k]
    if local and k == 0 and (d := _match(run, k, _district_phrases())) is not None:
        return d[0]
    if t.text.startswith("("):
        return 1
    if t.text in ROMAN or t.text == "/" or t.text[:1].isdigit():
        return 2 if t.text == "/" and k + 1 < len(run) else 1  # "XIV/Hasanuddin": both role
    if fold(t.text) in REGION_KINDS:
        return 1
    m = match_region(run, k) or _match(run, k, _institutions(), caps=False)
    return m[0] if m else 0


def _role_text(acting: str | None, title: str, tail: list[Token]) -> str:
    words: list[str] = [acting] if acting else []
    words.append(title)
    k = 0
    while k < len(tail):
        t = tail[k]
        if t.text.startswith("("):
            k += 1  # "(Kukar)", "(Pjs)": the full form stands beside it
            continue
        if t.text == ".":
            k += 1
            continue
        low = fold(t.text)
        if low in REGION_KINDS:
            # "Bupati Kabupaten Kukar" -> "Bupati Kutai Kartanegara"; "KPU Kabupaten Bekasi" stays
            if not (k == 0 and title in {"Bupati", "Wakil Bupati", "Gubernur", "Wakil Gubernur"}):
                words.append(REGION_KINDS[low])
            k += 1
            continue
        m = match_region(tail, k)
        if m:
            words.append(m[1])
            k += m[0]
            continue
        words.append(t.text)
        k += 1
    return re.sub(r"\s*/\s*", "/", " ".join(words))  # "Pangdam XIV/Hasanuddin"


def parse_person_at(tokens: Sequence[Token], i: int) -> Mention | None:
    """A person phrase opening at token ``i``: [acting] title [role words] [, ] [honorific] name.

    Returns a mention with a role and no name for a bare role ("Kapolda Kalsel"), None when no title
    or honorific opens at ``i``.
    """
    start = tokens[i].start if i < len(tokens) else 0
    acting = None
    if (m := _match(tokens, i, _acting())) is not None:
        acting = m[1]
        i += m[0]
    title_m = _match(tokens, i, _titles())
    if title_m is None:
        if acting is not None:
            return None
        return _honorific_person(tokens, i, start)
    title = title_m[1]
    i += title_m[0]
    run, after = _role_tail(tokens, i)
    # an honorific or rank inside the run: role before it, name after it
    for k in range(len(run)):
        hon = _match(run, k, _honorifics())
        if hon is not None and k + hon[0] < len(run):
            honors = [hon[1]]
            at = k + hon[0]
            while (more := _match(run, at, _honorifics())) is not None:
                honors.append(more[1])
                at += more[0]
            name = _name_run(run, at)
            if name:
                role = _role_text(acting, title, run[:k])
                end = _end_of(run, at, name)
                return Mention(name, role, start, end, " ".join(honors))
    # "Ketua Bawaslu Kukar, Teguh Wibowo," — the name in apposition after a comma
    if after < len(tokens) and tokens[after].text == ",":
        appo = _honorific_person(tokens, after + 1, start) or _plain_name(tokens, after + 1, start)
        if appo is not None and appo.name and _apposition_closes(tokens, appo.end):
            return Mention(
                appo.name, _role_text(acting, title, run), start, appo.end, appo.honorific
            )
    # otherwise the role runs to its last certain word; the name is what follows
    last = 0
    k = 0
    local = title in _district_titles()
    while k < len(run):
        n = _is_boundary(run, k, local)
        if n:
            last = k + n
            k += n
        else:
            k += 1
    name_tokens = [t for t in run[last:] if t.text != "."]
    if len(name_tokens) > 4:  # a long run with no certain role word: the name is its end
        name_tokens = name_tokens[-3:]
        last = run.index(name_tokens[0])
    role = _role_text(acting, title, run[:last])
    if not name_tokens:
        end = run[-1].end if run else tokens[i - 1].end
        return Mention(None, role, start, end)
    name = _name_run(name_tokens, 0)
    if name and _is_place_here(name, tokens, after):
        name = ""  # "Pendopo Wakil Bupati Kukar Tenggarong": a place, not a person
    if name and (_joined_to_a_name(tokens, after) or any(t.text == "dan" for t in run[last:])):
        name = ""  # "Kordiv Data dan Informasi": a department, not a person
    return Mention(name or None, role, start, name_tokens[-1].end)


def _is_place_here(name: str, tokens: Sequence[Token], after: int) -> bool:
    """A region's name is never a person's. A kecamatan's name may be one ("Bambang", "Jaya"):
    it is a person when speech or an action follows ("Ketua KPU Bambang mengatakan"), a place
    when the sentence ends there ("di Pendopo Wakil Bupati Kukar Tenggarong.")."""
    key = fold(name)
    if key in regions():
        return True
    if key not in _districts():
        return False
    nxt = tokens[after] if after < len(tokens) else None
    return nxt is None or not (nxt.text == "," or (nxt.is_word and not nxt.is_cap))


def _joined_to_a_name(tokens: Sequence[Token], after: int) -> bool:
    """The run is followed by "dan" and another capitalised word that opens no title."""
    if after + 1 >= len(tokens) or fold(tokens[after].text) != "dan":
        return False
    nxt = tokens[after + 1]
    return nxt.is_word and nxt.is_cap and _match(tokens, after + 1, _titles()) is None


def _end_of(run: Sequence[Token], k: int, name: str) -> int:
    n = len(name.split())
    words = [t for t in run[k:] if t.is_word]
    return words[n - 1].end if len(words) >= n else run[-1].end


def _honorific_person(tokens: Sequence[Token], i: int, start: int) -> Mention | None:
    honors: list[str] = []
    while len(honors) < MAX_HONORIFICS and (m := _match(tokens, i, _honorifics())) is not None:
        honors.append(m[1])
        i += m[0]
    if not honors or _match(tokens, i, _honorifics()) is not None:
        return None  # none, or a chain too long to open a name
    name = _name_run(tokens, i)  # "Pak Bupati" gives no name: "Bupati" is a title, not a name
    if not name:
        return None
    end = _skip_dotted(tokens, i, name)
    return Mention(name, None, start, end, " ".join(honors))


def _skip_dotted(tokens: Sequence[Token], i: int, name: str) -> int:
    need = len(name.split())
    end = tokens[i].end
    while i < len(tokens) and need:
        if tokens[i].is_word:
            need -= 1
            end = tokens[i].end
        i += 1
    return end


def _plain_name(tokens: Sequence[Token], i: int, start: int) -> Mention | None:
    name = _name_run(tokens, i, limit=4)
    if not name or _match(tokens, i, _titles()) is not None:
        return None
    return Mention(name, None, start, _skip_dotted(tokens, i, name))


def _apposition_closes(tokens: Sequence[Token], end: int) -> bool:
    """After a name in apposition comes a comma, a full stop, a degree or a lower-case word."""
    nxt = next((t for t in tokens if t.start >= end), None)
    if nxt is None:
        return True
    return nxt.text in {",", ".", ")", "”", '"'} or (nxt.is_word and not nxt.is_cap)


@cache
def _openers() -> frozenset[str]:
    """The words a person phrase can open with: a title's, an acting form's or an honorific's."""
    return _titles().firsts | _acting().firsts | _honorifics().firsts


def _linked_person(tokens: Sequence[Token], i: int) -> Mention | None:
    """ "Utubi Madas selaku Wakil Bupati Konawe": the name before the link, the role after it."""
    role = parse_person_at(tokens, i + 1)
    if role is None or role.name is not None or role.role is None:
        return None
    j = i
    while j > 0 and i - j < 4 and tokens[j - 1].is_word and tokens[j - 1].is_cap:
        j -= 1
    name = _name_run(tokens, j, limit=4)
    if not name or len(name.split()) != i - j:
        return None
    return Mention(name, role.role, tokens[j].start, role.end)


def find_people(text: str) -> list[Mention]:
    """Every person anchored by a title or an honorific in ``text``, in order."""
    tokens = tokenize(text)
    openers = _openers()
    out: list[Mention] = []
    i = 0
    while i < len(tokens):
        key = fold(tokens[i].text)
        m = None
        if key in _role_links() and i + 1 < len(tokens):
            m = _linked_person(tokens, i)
        elif tokens[i].is_cap and key in openers:
            m = parse_person_at(tokens, i)
        if m is None:
            i += 1
            continue
        out.append(m)
        while i < len(tokens) and tokens[i].start < m.end:
            i += 1
    for extra in _appositions(text):
        overlapping = [m for m in out if m.start < extra.end and extra.start < m.end]
        if all(m.name is None for m in overlapping):  # it names whom a bare role only described
            out = [m for m in out if m not in overlapping] + [extra]
    return sorted(out, key=lambda m: m.start)


APPOSITION = re.compile(
    r"(?:^|[.;:]\s+|,\s+)(?P<role>[A-Za-z][^,.;:“”\"()]{2,80}?),\s+"
    r"(?P<name>[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){1,3}),\s+(?=[a-z])"
)


def _appositions(text: str) -> list[Mention]:
    """A person named in commas after a description that holds a title: "Pengamat politik
    Universitas Diponegoro, Ratna Kusumawardani, menilai …", "calon bupati nomor urut 2, Retno
    Puspitasari, mengatakan …"."""
    out = []
    for m in APPOSITION.finditer(text):
        role_tokens = tokenize(m.group("role"))
        at = next(
            (k for k in range(len(role_tokens)) if _match(role_tokens, k, _titles(), caps=False)),
            None,
        )
        name = m.group("name")
        if at is None or any(fold(w) in _not_names() for w in name.split()):
            continue
        if fold(name) in regions() or fold(name) in _districts():
            continue
        role = m.group("role")[role_tokens[at].start :].strip()
        out.append(Mention(name, role[:1].upper() + role[1:], m.start("role"), m.end("name")))
    return out


# --- one article's people ---------------------------------------------------------------------


@cache
def _prepositions() -> frozenset[str]:
    return frozenset(lexicon.entries("prepositions"))


@dataclass
class Person:
    """A person of one article: the fullest name form seen and the first role given."""

    name: str
    role: str | None = None
    honorific: str | None = None
    forms: list[str] = field(default_factory=list)

    def seen_as(self, form: str) -> None:
        form = " ".join(form.split()).strip(" ,.;:")
        if form and form not in self.forms:
            self.forms.append(form)

    @property
    def keys(self) -> set[str]:
        return {fold(w) for w in self.name.split()}


@dataclass(frozen=True)
class Event:
    """A person named, or speaking, at a place in the article (paragraph, offset)."""

    para: int
    offset: int
    person: int  # index into Registry.people
    subject: bool


@dataclass
class Registry:
    """The people of one article, with where each is named."""

    people: list[Person] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)

    def add(self, name: str | None, role: str | None, honorific: str | None = None) -> int | None:
        """Record a person (merging with one already known) and return their index."""
        if name:
            idx = self.find(name)
            if idx is not None:
                p = self.people[idx]
                if len(name.split()) > len(p.name.split()) and p.keys <= {
                    fold(w) for w in name.split()
                }:
                    p.name = name
                if role and not p.role:
                    p.role = role
                if honorific and not p.honorific:
                    p.honorific = honorific
                return idx
            self.people.append(Person(name, role, honorific))
            return len(self.people) - 1
        if role:
            return self.by_role(role)
        return None

    def find(self, name: str) -> int | None:
        """The person a name form stands for: its words are a subset of theirs (or the reverse)."""
        keys = {fold(w) for w in name.split()} - {""}
        if not keys:
            return None
        hits = [i for i, p in enumerate(self.people) if keys <= p.keys or p.keys <= keys]
        if len(hits) == 1:
            return hits[0]
        exact = [i for i in hits if self.people[i].keys == keys]
        return exact[0] if len(exact) == 1 else None

    def by_role(self, role: str) -> int | None:
        """The person holding a role ("Kapolda Kalimantan Selatan"), when exactly one does."""
        key = fold(role)
        hits = [i for i, p in enumerate(self.people) if p.role and fold(p.role) == key]
        if not hits:
            words = set(key.split())
            hits = [
                i
                for i, p in enumerate(self.people)
                if p.role and words <= set(fold(p.role).split())
            ]
        return hits[0] if len(hits) == 1 else None

    def latest(self, para: int, offset: int) -> int | None:
        """Who was last named as a subject, or last spoke, before (para, offset)."""
        best: Event | None = None
        for e in self.events:
            before = (e.para, e.offset) < (para, offset)
            if (
                before
                and e.subject
                and (best is None or (e.para, e.offset) >= (best.para, best.offset))
            ):
                best = e
        if best is None:  # nobody named as a subject: whoever was named last at all
            earlier = [e for e in self.events if (e.para, e.offset) < (para, offset)]
            return earlier[-1].person if earlier else None
        return best.person


def build_registry(paragraphs: list[str]) -> Registry:
    """Everyone anchored by a title or honorific, and every later mention of them by name."""
    reg = Registry(paragraphs=list(paragraphs))
    for k, text in enumerate(paragraphs):
        for m in find_people(text):
            idx = reg.add(m.name, m.role, m.honorific)
            if idx is not None:
                reg.events.append(Event(k, m.start, idx, _is_subject(text, m.start)))
                if m.name:
                    reg.people[idx].seen_as(text[m.start : m.end])
    return reg


def add_mentions(reg: Registry, paragraphs: list[str]) -> None:
    """Record each use of a known person's name words (short forms such as "Laura")."""
    known = {i: p.keys for i, p in enumerate(reg.people)}
    seen = {(e.para, e.offset) for e in reg.events}
    for k, text in enumerate(paragraphs):
        for t in tokenize(text):
            if not (t.is_word and t.is_cap and len(t.text) >= 3):
                continue
            key = fold(t.text)
            owners = [i for i, keys in known.items() if key in keys]
            if len(owners) != 1 or (k, t.start) in seen:
                continue
            if any(
                e.para == k and e.offset <= t.start < e.offset + 60 and e.person == owners[0]
                for e in reg.events
            ):
                continue
            reg.events.append(Event(k, t.start, owners[0], _is_subject(text, t.start)))
            reg.people[owners[0]].seen_as(t.text)
    reg.events.sort(key=lambda e: (e.para, e.offset))


def _is_subject(text: str, start: int) -> bool:
    before = text[:start].rstrip()
    prev = before.split()[-1].lower().strip(",.") if before.split() else ""
    return prev not in _prepositions()


def fullest_form(name: str, paragraphs: list[str]) -> str:
    """The longest name the article writes that starts with ``name``'s words: "Umbu" becomes
    "Umbu Rihi Djawa" where the text once says "Umbu Rihi Djawa, calon bupati …"."""
    first = fold(name.split()[0])
    best = name
    for text in paragraphs:
        tokens = tokenize(text)
        for i, t in enumerate(tokens):
            if t.is_word and fold(t.text) == first:
                run = _name_run(tokens, i, limit=4)
                if len(run.split()) > len(best.split()) and run.startswith(name):
                    best = run
    return best


def find_places(texts: list[str]) -> list[str]:
    """The regions a text names (abbreviations written in full), most often named first."""
    counts: dict[str, int] = {}
    for text in texts:
        tokens = tokenize(text)
        i = 0
        while i < len(tokens):
            m = match_region(tokens, i) if tokens[i].is_cap else None
            if m is None:
                i += 1
                continue
            counts[m[1]] = counts.get(m[1], 0) + 1
            i += m[0]
    return sorted(counts, key=lambda name: -counts[name])
