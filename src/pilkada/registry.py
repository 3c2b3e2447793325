"""One article's people: who is named where, and whom a short name, a role or a pronoun means.

The registry merges the forms an article uses for one person ("Bupati Nunukan Asmin Laura Hafid",
"Bupati Laura", "Laura") and records each mention's place, so that "katanya" can be resolved to the
person last named as a subject. Pure functions over one article's paragraphs.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from functools import cache
from itertools import compress, count, pairwise

from pilkada import lexicon
from pilkada.people import find_people, name_run
from pilkada.regions import regions
from pilkada.tokens import (
    IS_CAP,
    IS_WORD,
    START,
    TEXT,
    first_pieces,
    fold,
    folded,
    honorifics,
    may_open,
    not_names,
    titles,
    token_keys,
    tokenize,
)

# people past which a registry looks them up in indexes (``_Index``) instead of reading each:
# an article names a few dozen at most; a text of many articles joined, thousands
INDEX_AFTER = 32

# paragraphs past which ``Registry.fullest_form`` looks words up in an index instead of reading
# every paragraph: a text far longer than an article (a file of many joined) stays linear
WORD_INDEX_AFTER = 200


@cache
def prepositions() -> frozenset[str]:
    return frozenset(lexicon.entries("prepositions"))


@dataclass
class Person:
    """A person of one article: the fullest name form seen and the first role given."""

    name: str
    role: str | None = None
    honorific: str | None = None
    forms: list[str] = field(default_factory=list)
    official: bool = True  # named with a title, an honorific or in an attribution; False for
    # a person only introduced by a description ("Sumiati (52), pedagang sayur")
    nicknames: tuple[str, ...] = ()  # "Parulian Sitorus, atau Ucok sapaan akrabnya": "Ucok"
    _keys: frozenset[str] = field(default=frozenset(), repr=False, compare=False)
    _keyed: str = field(default="", repr=False, compare=False)

    def copy(self) -> Person:
        """A person of their own with the same fields and forms; faster than
        ``dataclasses.replace``, which reads the fields anew on every call (a registry is copied
        for every article)."""
        return Person(
            self.name,
            self.role,
            self.honorific,
            list(self.forms),
            self.official,
            self.nicknames,
            self._keys,
            self._keyed,
        )

    def seen_as(self, form: str) -> None:
        form = " ".join(form.split()).strip(" ,.;:")
        if form and form not in self.forms:
            self.forms.append(form)

    @property
    def keys(self) -> frozenset[str]:
        """The folded words of the name and of the nicknames the article gives it (worked out
        again only when the name changes)."""
        if self._keyed != self.name:
            words = self.name.split() + [w for n in self.nicknames for w in n.split()]
            self._keys = frozenset(fold(w) for w in words)
            self._keyed = self.name
        return self._keys


def person_name(name: str) -> str | None:
    """``name`` as a new person's name: ranks and titles before it left out ("Jenderal Iwan
    Setiawan" is Iwan Setiawan); None for what is no person's name at all: a region ("Jakarta
    Utara"), a lone acronym ("BNPB"), a title alone ("Staf"), a lone function or ordinary word
    ("Sementara", "Nanti"), or a name that ends in one."""
    words = name.split()
    while len(words) > 1 and _opens_office(words[0]):
        words = words[1:]
    keys = [fold(w.strip(".,")) for w in words]
    if not words or " ".join(keys) in regions():
        return None
    if len(words) == 1 and (
        is_initials(words[0]) or keys[0] in _plain_words() or _opens_office(words[0])
    ):
        return None
    if keys[-1] in _plain_words():
        return None
    return " ".join(words)


def is_initials(name: str) -> bool:
    """One word in capitals: an acronym ("BNPB") or a person's initials ("PT", "JK")."""
    return " " not in name and len(name) > 1 and name.isupper()


@cache
def _plain_words() -> frozenset[str]:
    """Words that end no name: function words and words never part of one."""
    return folded("stopwords") | not_names()


def _opens_office(word: str) -> bool:
    key = fold(word.strip(".,"))
    return word[:1].isupper() and (key in titles().firsts or key in honorifics().firsts)


def is_short_form(short: str, name: str) -> bool:
    """``short`` (folded) is how reporting prose shortens ``name``: the start of one of its
    words ("risma" of "Tri Rismaharini", "yuri" of "Achmad Yurianto"), its initials ("bs" of
    "Budi Santoso") or the starts of two of its words run together ("jokowi" of "Joko
    Widodo", "hasbi" of "Hasan Bisri")."""
    words = [fold(w) for w in name.split() if w[:1].isalpha()]
    if len(short) < 2 or len(words) < 2:
        return False
    if len(short) <= 3:
        return short == "".join(w[0] for w in words)  # all the initials, not some of them
    if any(w.startswith(short) and w != short for w in words):
        return True
    if len(short) < 5:
        return False  # "dede" is a name of its own, not "De(ni) De(rmawan)"
    for a, b in pairwise(words):
        for cut in range(2, len(a) + 1):
            head, tail = short[:cut], short[cut:]
            if a.startswith(head) and len(tail) >= 2 and b.startswith(tail):
                return True
    return False


@dataclass(frozen=True)
class Event:
    """A person named, or speaking, at a place in the article (paragraph, offset)."""

    para: int
    offset: int
    person: int  # index into Registry.people
    subject: bool


class _Index:
    """Where to look for a person: everyone a folded name word, a name word's first letters, a
    name's initials, a role or a role's word points to. A name's entries may be stale (the name
    grew since), never missing: a lookup by name tests what it finds. A role is given once and
    kept, so its entries are exact. The work per lookup is the people who share a word, not
    everyone the article names."""

    def __init__(self) -> None:
        self.words: dict[str, set[int]] = {}
        self.heads: dict[str, set[int]] = {}  # a name word's first four letters
        self.pairs: dict[tuple[str, str], set[int]] = {}  # two words' first two letters each
        self.initials: dict[str, set[int]] = {}
        self.roles: dict[str, set[int]] = {}
        self.role_words: dict[str, set[int]] = {}
        self.unnamed: set[int] = set()  # a name with no word to index it by
        self.roled: set[int] = set()  # everyone with a role

    def name(self, i: int, name: str, keys: frozenset[str]) -> None:
        for key in keys:
            self.words.setdefault(key, set()).add(i)
        if not keys:
            self.unnamed.add(i)
        words = _short_form_words(name)
        for w in words:
            self.heads.setdefault(w[:4], set()).add(i)
        for a, b in pairwise(words):
            self.pairs.setdefault((a[:2], b[:2]), set()).add(i)
        self.initials.setdefault("".join(w[0] for w in words), set()).add(i)

    def role(self, i: int, role: str | None) -> None:
        if role:
            self.roled.add(i)
            key = fold(role)
            self.roles.setdefault(key, set()).add(i)
            for w in key.split():
                self.role_words.setdefault(w, set()).add(i)

    def sharing(self, keys: frozenset[str] | set[str]) -> list[int]:
        """Everyone with a name word among ``keys``, in the order they were first named."""
        out = set(self.unnamed)
        for key in keys:
            out |= self.words.get(key, set())
        return sorted(out)

    def shortened(self, short: str) -> list[int]:
        """Everyone whose name ``short`` may shorten (``is_short_form``): all of its initials; a
        word that opens with ``short``; two words, one after the other, that open with its
        start and with the rest."""
        if len(short) <= 3:
            return sorted(self.initials.get(short, ()))
        found = set(self.heads.get(short[:4], ()))
        for cut in range(2, len(short) - 1):
            found |= self.pairs.get((short[:2], short[cut : cut + 2]), set())
        return sorted(found)

    def holding(self, role_key: str) -> set[int]:
        """Everyone whose role folds to ``role_key``."""
        return self.roles.get(role_key, set())

    def with_role_words(self, words: set[str]) -> set[int]:
        """Everyone whose role holds every word of ``words``; for no word, everyone with a role."""
        postings = [self.role_words.get(w, set()) for w in words]
        return set.intersection(*postings) if postings else self.roled


def _short_form_words(name: str) -> list[str]:
    """The words ``is_short_form`` reads of a name."""
    return [fold(w) for w in name.split() if w[:1].isalpha()]


@dataclass
class Registry:
    """The people of one article, with where each is named.

    Change people and events through the methods (``add``, ``give_role``, ``record``): past
    ``INDEX_AFTER`` people they keep the indexes that make each lookup cost the people sharing
    a word, whatever the length of the text."""

    people: list[Person] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)
    _index: _Index | None = field(default=None, init=False, repr=False, compare=False)
    _first_seen: dict[int, tuple[int, int]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    _word_index: dict[str, list[int]] | None = field(
        default=None, init=False, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        if len(self.people) > INDEX_AFTER:
            self._build_index()
        for e in self.events:
            self._seen(e)

    def copy(self) -> Registry:
        """A registry of its own with the same people and events."""
        return Registry(
            people=[p.copy() for p in self.people],
            events=list(self.events),
            paragraphs=self.paragraphs,
        )

    def _build_index(self) -> None:
        self._index = _Index()
        for i, p in enumerate(self.people):
            self._index.name(i, p.name, p.keys)
            self._index.role(i, p.role)

    def record(self, event: Event) -> None:
        """Note that a person is named, or speaks, at the event's place."""
        self.events.append(event)
        self._seen(event)

    def _seen(self, e: Event) -> None:
        at = (e.para, e.offset)
        if e.person not in self._first_seen or at < self._first_seen[e.person]:
            self._first_seen[e.person] = at

    def give_nickname(self, idx: int, nickname: str) -> None:
        """Let person ``idx`` be found by ``nickname`` too."""
        p = self.people[idx]
        p.nicknames = (*p.nicknames, nickname)
        p._keyed = ""  # the keys take the nickname's words in
        if self._index is not None:
            self._index.name(idx, p.name, p.keys)
        p.seen_as(nickname)

    def give_role(self, idx: int, role: str) -> None:
        """Give person ``idx`` a role they had none of."""
        self.people[idx].role = role
        if self._index is not None:
            self._index.role(idx, role)

    def add(
        self,
        name: str | None,
        role: str | None,
        honorific: str | None = None,
        *,
        official: bool = True,
        short: bool = True,
    ) -> int | None:
        """Record a person (merging with one already known, by a short form of their name too
        with ``short``) and return their index."""
        if name:
            # "kata PT": a source known only by initials speaks, but holds no office
            official = official and not is_initials(name)
            idx = self.find(name, short=short)
            if idx is not None:
                p = self.people[idx]
                p.official = p.official or official
                if len(name.split()) > len(p.name.split()) and p.keys <= {
                    fold(w) for w in name.split()
                }:
                    p.name = name
                    if self._index is not None:
                        self._index.name(idx, name, p.keys)
                if role and not p.role:
                    self.give_role(idx, role)
                if honorific and not p.honorific:
                    p.honorific = honorific
                return idx
            cleaned = name if is_initials(name) else person_name(name)
            if cleaned is None:
                return None  # "Jakarta Utara", "Sementara": no person's name
            if cleaned != name:
                ranks = " ".join(name.split()[: len(name.split()) - len(cleaned.split())])
                honorific = " ".join(filter(None, (honorific, ranks)))
                return self.add(cleaned, role, honorific, official=official, short=short)
            person = Person(name, role, honorific, official=official)
            self.people.append(person)
            idx = len(self.people) - 1
            if self._index is not None:
                self._index.name(idx, name, person.keys)
                self._index.role(idx, role)
            elif len(self.people) > INDEX_AFTER:
                self._build_index()
            return idx
        if role:
            return self.by_role(role)
        return None

    def find(self, name: str, *, short: bool = True) -> int | None:
        """The person a name form stands for: its words are a subset of theirs (or the reverse),
        or, with ``short``, one word shortens their name (see ``is_short_form``)."""
        keys = {fold(w) for w in name.split()} - {""}
        if not keys:
            return None
        people = self.people
        hits = [
            i
            for i in (self._index.sharing(keys) if self._index else range(len(people)))
            if keys <= people[i].keys or people[i].keys <= keys
        ]
        if len(hits) == 1:
            return hits[0]
        exact = [i for i in hits if people[i].keys == keys]
        if len(exact) == 1:
            return exact[0]
        if hits or len(keys) != 1 or not short:
            return None
        (word,) = keys
        maybe = self._index.shortened(word) if self._index else range(len(people))
        owners = [i for i in maybe if is_short_form(word, people[i].name)]
        return owners[0] if len(owners) == 1 else None

    def by_role(self, role: str, prefer: int | None = None) -> int | None:
        """The person holding a role ("Kapolda Kalimantan Selatan"), when exactly one does, or
        ``prefer`` when several do and it is one of them ("ujar Ketua KPU" right after the Ketua
        KPU Sleman spoke, the Ketua KPU Bantul named too)."""
        key = fold(role)
        if self._index is not None:
            hits: Collection[int] = self._index.holding(key) or self._index.with_role_words(
                set(key.split())
            )
        else:
            hits = [i for i, p in enumerate(self.people) if p.role and fold(p.role) == key]
            if not hits:
                words = set(key.split())
                hits = [
                    i
                    for i, p in enumerate(self.people)
                    if p.role and words <= set(fold(p.role).split())
                ]
        if len(hits) == 1:
            return next(iter(hits))
        return prefer if prefer in hits else None

    def fullest_form(self, name: str) -> str:
        """The longest name the article writes that starts with ``name``'s words: "Umbu" becomes
        "Umbu Rihi Djawa" where the text once says "Umbu Rihi Djawa, calon bupati …"."""
        word = name.split()[0]
        first = fold(word)
        best = name
        for k in self._paragraphs_with(first):
            text = self.paragraphs[k]
            if word not in text:
                continue  # a longer form starts with the same word, written the same way
            tokens = tokenize(text)
            for i in compress(count(), map(first.__eq__, token_keys(text))):
                if tokens[i][IS_WORD]:
                    run = name_run(tokens, i, limit=4)
                    if len(run.split()) > len(best.split()) and run.startswith(name):
                        best = run
        return best

    def _paragraphs_with(self, key: str) -> Sequence[int]:
        """The paragraphs that may hold a token folding to ``key``: every one of an article of
        ordinary length; of a longer text, those its word index names (made on first use)."""
        if len(self.paragraphs) <= WORD_INDEX_AFTER:
            return range(len(self.paragraphs))
        if self._word_index is None:
            self._word_index = {}
            for k, text in enumerate(self.paragraphs):
                for w in set(token_keys(text)):
                    self._word_index.setdefault(w, []).append(k)
        return self._word_index.get(key, [])

    def named_before(self, person: int, at: tuple[int, int]) -> bool:
        """The article named or quoted ``person`` before ``at`` (paragraph, offset)."""
        first = self._first_seen.get(person)
        return first is not None and first < at

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
        nicknamed = any(w in text for w in _nickname_words())
        for m in find_people(text):
            idx = reg.add(m.name, m.role, m.honorific)
            if idx is not None:
                reg.record(Event(k, m.start, idx, _is_subject(text, m.start)))
                if m.name:
                    reg.people[idx].seen_as(text[m.start : m.end])
                    if nicknamed and (nick := nickname_after(text, m.end)) is not None:
                        reg.give_nickname(idx, nick)
    return reg


@cache
def _nickname_words() -> tuple[str, ...]:
    """The nickname words, longest first (a text without one gives no nickname)."""
    return tuple(sorted(lexicon.entries("nickname_words"), key=len, reverse=True))


@cache
def _nickname_pattern() -> re.Pattern[str]:
    words = "|".join(_nickname_words())
    name = r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?"
    return re.compile(
        # "…, yang akrab disapa Ucok", "… atau biasa dipanggil Ucok"
        rf"\s*,?\s*(?:atau\s+)?(?:yang\s+)?(?:(?:akrab|biasa|kerap)\s+)?(?:{words})\s+"
        rf"(?P<after>{name})"
        # "…, atau Ucok sapaan akrabnya"
        rf"|\s*,?\s*atau\s+(?P<before>{name})\s*,?\s+(?:{words})\b"
    )


def nickname_after(text: str, end: int) -> str | None:
    """The nickname that words right after a person's name at ``end`` give them: "Parulian
    Sitorus, atau Ucok sapaan akrabnya", "Yohanes Bata, yang akrab disapa Anis"; None if none."""
    m = _nickname_pattern().match(text, end)
    if m is None:
        return None
    nick = m.group("after") or m.group("before")
    return nick if person_name(nick) is not None else None


def add_mentions(reg: Registry, paragraphs: list[str]) -> None:
    """Record each use of a known person's name words (short forms such as "Laura")."""
    owners: dict[str, list[int]] = {}
    for i, p in enumerate(reg.people):
        for key in p.keys:
            owners.setdefault(key, []).append(i)
    if not owners:
        return
    firsts = first_pieces(frozenset(owners))
    named: dict[int, list[Event]] = {}  # each paragraph's events: a mention is looked up there
    for e in reg.events:
        named.setdefault(e.para, []).append(e)
    for k, text in enumerate(paragraphs):
        if not may_open(text, firsts):
            continue
        tokens, words = tokenize(text), token_keys(text)
        here = named.setdefault(k, [])
        for at in compress(count(), map(owners.__contains__, words)):
            t = tokens[at]
            if not (t[IS_WORD] and t[IS_CAP] and len(t[TEXT]) >= 3):
                continue
            holders = owners[words[at]]
            if len(holders) != 1:
                continue
            (owner,) = holders
            start = t[START]
            if any(e.offset <= start < e.offset + 60 and e.person == owner for e in here) or any(
                e.offset == start for e in here
            ):
                continue  # named right there already: "Bupati Laura" holds "Laura"
            event = Event(k, start, owner, _is_subject(text, start))
            reg.record(event)
            here.append(event)
            reg.people[owner].seen_as(t[TEXT])
    reg.events.sort(key=lambda e: (e.para, e.offset))


def _is_subject(text: str, start: int) -> bool:
    """The name at ``start`` is no preposition's object: the word before it is read in a window,
    not from the paragraph's start, so a long paragraph costs no more per name."""
    before = text[max(0, start - 40) : start].split()
    if start > 40 and len(before) <= 1:
        before = text[:start].split()  # a word as long as the window
    prev = before[-1].lower().strip(",.") if before else ""
    return prev not in prepositions()
