"""People across a corpus: one record per real person, and matching people by name, role, place.

Within an article the parser already resolves short forms to the fullest name. Across articles,
two records are the same person when their names are comparable (two words of each pair off,
alike in spelling, or one name is a word of the other: "Bambang Arwanto" and "Bambang Iswanto"
are not), agree (rapidfuzz ``token_set_ratio`` of at least 90 on the names without ranks and
degrees) and their roles do not contradict each other. Pure functions.
"""

from __future__ import annotations

import gc
import sys
from collections import defaultdict
from collections.abc import Iterable, Iterator, MutableSequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from itertools import combinations, repeat

from rapidfuzz import fuzz, process

from pilkada.models import Article, Official, Person
from pilkada.names import CLOSE_WORD, FUZZY_LETTERS, name_words
from pilkada.regions import find_places, regions
from pilkada.tokens import fold

SAME_NAME = 90  # token_set_ratio at or above which two full names are one name
SPELLED_APART = 75  # the same office and names this alike: one person spelled two ways


# A corpus names the same people again and again: what is compared of a name or a role is
# worked out once per distinct spelling.
_CACHE = 1 << 17


@dataclass(frozen=True, slots=True)
class _Name:
    """What a name is compared by."""

    words: frozenset[str]  # its words, folded
    length: int  # how many words it is written with
    spelled: str  # its distinct words, sorted: what ``token_set_ratio`` compares
    pairs: frozenset[str]  # ``_pair_keys``
    initials: tuple[str, ...]  # its one-letter words: "m" of "M. Yusuf" (mostly none: () is shared)


@lru_cache(maxsize=_CACHE)
def _name(name: str) -> _Name:
    written = name_words(name)
    words = frozenset(written)
    initials = tuple(sorted(w for w in words if len(w) == 1))
    return _Name(words, len(written), " ".join(sorted(words)), _pair_keys(words), initials)


@lru_cache(maxsize=_CACHE)
def _role_key(role: str) -> str:
    return fold(role)


@lru_cache(maxsize=_CACHE)
def _role_places(role: str) -> tuple[str, ...]:
    return tuple(find_places([role]))


@lru_cache(maxsize=_CACHE)
def _role_regions(role: str) -> frozenset[str]:
    return frozenset(_role_places(role))


@dataclass(slots=True)
class _Record:
    name: str
    honorific: str | None = None
    forms: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    articles: list[str] = field(default_factory=list)
    quotes: int = 0
    first: date | None = None
    last: date | None = None
    # the roles folded, and the regions they name: frozen, so that a record with none or one
    # shares the empty set, or the one its role's cache holds, instead of a set of its own
    role_keys: frozenset[str] = frozenset()
    regions: frozenset[str] = frozenset()
    named: _Name = field(init=False)  # the name as compared

    def __post_init__(self) -> None:
        self.named = _name(self.name)

    def accepts(self, person: Person) -> bool:
        return self._accepts(person, _name(person.name))

    def _accepts(self, person: Person, named: _Name) -> bool:
        mine, theirs = self.named.words, named.words
        if not mine or not theirs:
            return False
        role = person.role
        if mine == theirs:
            return len(mine) > 1 or self._roles_agree(role)
        same_office = role is not None and _role_key(role) in self.role_keys
        if len(mine) > 1 and len(theirs) > 1:
            # below the cutoff the score is 0: neither test below can pass
            score = fuzz.token_set_ratio(
                self.named.spelled, named.spelled, score_cutoff=SPELLED_APART
            )
            # names alike only through an initial ("M. Yusuf" / "Muhammad Yusuf") are one
            # person only in one office
            if score >= SAME_NAME and not self.named.pairs.isdisjoint(named.pairs):
                return self._roles_agree(role)
            # one office, a name spelled two ways ("Petronella Marcia" / "Petronela")
            return same_office and score >= SPELLED_APART
        # a one-word name joins a fuller one only when their roles agree outright
        return (mine <= theirs or theirs <= mine) and same_office

    def _roles_agree(self, role: str | None) -> bool:
        if role is None or not self.roles:
            return True
        return _role_key(role) in self.role_keys or not self.regions.isdisjoint(_role_regions(role))

    def add(self, person: Person, article: str, published: date | None, quotes: int) -> None:
        named = _name(person.name)
        if named.length > self.named.length:
            self.name, self.named = person.name, named
        self.honorific = self.honorific or person.honorific
        for form in [person.name, *person.forms]:
            if form not in self.forms:
                self.forms.append(form)
        if person.role and _role_key(person.role) not in self.role_keys:
            self.roles.append(person.role)
            self.role_keys |= {_role_key(person.role)}
            named_there = _role_regions(person.role)
            self.regions = self.regions | named_there if self.regions else named_there
        if not self.articles or self.articles[-1] != article:  # an article's people come together
            self.articles.append(article)
        self.quotes += quotes
        if when := published:
            self.first = min(self.first or when, when)
            self.last = max(self.last or when, when)

    def official(self) -> Official:
        places: list[str] = []
        for role in self.roles:
            for place in _role_places(role):
                if place not in places:
                    places.append(place)
        return Official.model_construct(  # validated already, as the articles were
            name=self.name,
            honorific=self.honorific,
            forms=self.forms,
            roles=self.roles,
            places=places,
            articles=self.articles,
            quotes=self.quotes,
            first_seen=self.first,
            last_seen=self.last,
        )


# spellings of one sound in Indonesian names, old and new ("Achmad" / "Ahmad", "Syaiful" /
# "Saiful", "Djoko" / "Joko", "Soeharto" / "Suharto")
_SPELLINGS = (("ch", "h"), ("sy", "s"), ("dj", "j"), ("tj", "c"), ("kh", "k"), ("oe", "u"))


@lru_cache(maxsize=_CACHE)
def _word_keys(word: str) -> tuple[str, str]:
    """Keys two spellings of a name word share: its first three letters, and the first three of
    its consonant skeleton (first letter, then consonants but h, y and repeats: "achmad" and
    "ahmad" -> "amd", "syaifudin" and "saifudin" -> "sfd")."""
    spelled = word
    for old, new in _SPELLINGS:
        spelled = spelled.replace(old, new)
    skeleton = spelled[:1]
    for c in spelled[1:]:
        if c not in "aeiouhy" and c != skeleton[-1]:
            skeleton += c
    return "w:" + word[:3], "s:" + skeleton[:3]


def _pair_keys(words: frozenset[str]) -> frozenset[str]:
    """A key of each of two words of a name, for every two words and keys."""
    keys = [_word_keys(w) for w in sorted(words)]
    return frozenset(  # interned: a million names share a few thousand keys
        sys.intern("|".join(sorted((one, other))))
        for these, those in combinations(keys, 2)
        for one in these
        for other in those
    )


def comparable(name: str, other: str) -> bool:
    """Whether two names are worth comparing: when one is a single word, the other has it;
    else two words of one pair off with two of the other, each pair sharing a key
    (``_word_keys``), or an initial stands for a word ("M. Yusuf", "Muhammad Yusuf"). Names
    that share only one word ("Bambang Arwanto", "Bambang Iswanto") are two people."""
    return _comparable(_name(name), _name(other))


def _comparable(mine: _Name, theirs: _Name) -> bool:
    if len(mine.words) == 1 or len(theirs.words) == 1:
        return not mine.words.isdisjoint(theirs.words)
    if not mine.pairs.isdisjoint(theirs.pairs):
        return True
    return bool(mine.initials or theirs.initials) and _initials_fit(mine, theirs)


def _initials_fit(mine: _Name, theirs: _Name) -> bool:
    """The names share a word that is no initial, and each initial of one that the other lacks
    is the first letter of a word of the other: "M. Yusuf" and "Muhammad Yusuf"."""
    if not (mine.words & theirs.words).difference(mine.initials):
        return False
    return _stand_for(mine.initials, theirs.words) and _stand_for(theirs.initials, mine.words)


def _stand_for(initials: tuple[str, ...], words: frozenset[str]) -> bool:
    """Each initial is a word of ``words`` or the first letter of one."""
    firsts = {w[0] for w in words}
    return all(i in firsts for i in initials)


class _Near:
    """The records a person may join, found without asking every record (a corpus of a million
    articles names too many people for that) nor every record sharing a common name word.
    Records stay filed under the names and roles they had before; what is found is checked
    against the name they have now."""

    def __init__(self) -> None:
        self.by_pair: defaultdict[str, set[int]] = defaultdict(set)  # ``_pair_keys`` ->
        self.single: defaultdict[str, set[int]] = defaultdict(set)  # a one-word name ->
        self.by_office: defaultdict[tuple[str, str], set[int]] = defaultdict(set)  # word, role

    def file(self, at: int, record: _Record) -> None:
        words = record.named.words
        if len(words) == 1:
            self.single[next(iter(words))].add(at)
        for word in words:
            for role in record.role_keys:
                self.by_office[word, role].add(at)
        for key in record.named.pairs:
            self.by_pair[key].add(at)

    def of(self, person: Person, named: _Name) -> set[int]:
        """The records that may accept the person (see ``_Record.accepts``): for a one-word
        name, the records of that one word, and those in the person's office that have it;
        for a fuller name, the records with a comparable name, and those in the person's
        office with one of its words (a one-word record joins no one outside its office)."""
        words = named.words
        office = _role_key(person.role) if person.role is not None else None
        found: set[int] = set()
        if len(words) == 1:
            found.update(self.single.get(next(iter(words)), ()))
        else:
            found = found.union(*map(self.by_pair.get, named.pairs, repeat(())))
        if office is not None:
            for word in words:
                found.update(self.by_office.get((word, office), ()))
        return found


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cycle collector off for a while: the roster's records hold no cycles, and the
    collector's passes over a million of them took 40% of building it."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


@dataclass(frozen=True, slots=True)
class Sighting:
    """A person as one article names them, with how many of its quotes they said."""

    person: Person
    article: str  # its id
    published: date | None
    quotes: int


def sightings(articles: Iterable[Article]) -> Iterator[Sighting]:
    """The people each article names, in order: what a roster is built from."""
    for article in articles:
        said: dict[str, int] = {}
        for q in article.quotes:
            if q.speaker:
                said[q.speaker] = said.get(q.speaker, 0) + 1
        for person in article.officials:
            yield Sighting(person, article.id, article.published, said.get(person.name, 0))


def resolve(seen: Iterable[Sighting], joined: MutableSequence[int] | None = None) -> list[Official]:
    """One record per real person among the sightings, in the order first seen, as
    ``build_roster`` makes them; ``joined``, if given, is told the record each sighting joined
    (its index in the list returned), in order. Sightings of one article come together."""
    return list(resolve_each(seen, joined))


def resolve_each(
    seen: Iterable[Sighting], joined: MutableSequence[int] | None = None
) -> Iterator[Official]:
    """``resolve``'s people one at a time: every sighting is read (and ``joined`` complete)
    before the first is given, and each record is dropped as its person is made, so that
    the people and the records are never all held at once."""
    with _collector_paused():
        records = _records(seen, joined)
    forget_names()
    records.reverse()  # popped from the end: first seen first
    with _collector_paused():
        while records:
            yield records.pop().official()


def forget_names() -> None:
    """Empty the cache of names as compared: a corpus of a million names leaves hundreds of MB
    in it."""
    _name.cache_clear()


def seen_as(name: str, seen: Iterable[Sighting]) -> Official:
    """One person as the sightings show them (in order; all of theirs), under the name they
    were resolved by (the fullest, from more sightings than these): their forms, roles, places,
    articles, quotes, first and last seen are those of the sightings."""
    record = _Record(name)
    for s in seen:
        record.add(s.person, s.article, s.published, s.quotes)
    return record.official()  # (the names compared are cached: ``forget_names`` empties it)


def by_quotes(people: Iterable[Official]) -> list[Official]:
    """Most quoted first, then named in most articles, then by name."""
    return sorted(people, key=lambda o: (-o.quotes, -len(o.articles), fold(o.name)))


def build_roster(articles: Iterable[Article]) -> list[Official]:
    """One record per real person named in the articles, most quoted first.

    A person joins the first record (in the order they were made) that accepts them, of the
    records whose names are ``comparable`` with theirs. Of those, only the records whose
    names score at least ``SPELLED_APART`` against the person's (in one call over all of them)
    can accept: a name that is the same, or holds the other's words, scores 100.
    Each article comes once (ids are unique in a corpus and in an index): a record lists an
    article again if it comes again after another.
    """
    return by_quotes(resolve(sightings(articles)))


def _records(seen: Iterable[Sighting], joined: MutableSequence[int] | None) -> list[_Record]:
    records: list[_Record] = []
    near = _Near()
    for sighting in seen:
        person = sighting.person
        named = _name(person.name)
        found = [i for i in near.of(person, named) if _comparable(records[i].named, named)]
        alike = process.extract(
            named.spelled,
            [records[i].named.spelled for i in found],
            scorer=fuzz.token_set_ratio,
            processor=None,
            score_cutoff=SPELLED_APART,
            limit=None,
        )
        asked = sorted(found[j] for _, _, j in alike)
        at = next((i for i in asked if records[i]._accepts(person, named)), None)
        if at is None:
            at = len(records)
            records.append(_Record(person.name))
        record = records[at]
        record.add(person, sighting.article, sighting.published, sighting.quotes)
        near.file(at, record)
        if joined is not None:
            joined.append(at)
    return records


# --- matching ---------------------------------------------------------------------------------


EXACT = 2  # how a query fits a name: every word as a word or the start of one
CLOSE = 1  # some word only close to one of the name's: a misspelling ("winarta", "Winarto")


def _word_match(query: str, word: str) -> int:
    if (word.startswith(query) and len(query) >= 3) or query == word:
        return EXACT
    return CLOSE if len(query) >= FUZZY_LETTERS and fuzz.ratio(query, word) >= CLOSE_WORD else 0


def name_match(query: str, name: str | None) -> int:
    """How the query fits the name: EXACT when every word of it is a word of the name or the
    start of one ("laura hafid" and "laura" fit "Asmin Laura Hafid"), CLOSE when some word is
    only close to one ("winarta" fits "Winarto"), 0 when it does not fit."""
    words = name_words(name)
    wanted = name_words(query)
    if not words or not wanted:
        return 0
    return min(max(_word_match(q, w) for w in words) for q in wanted)


def name_matches(query: str, name: str | None) -> bool:
    """The query fits the name, exactly or as a misspelling of it (see ``name_match``)."""
    return name_match(query, name) > 0


def expanded(query: str) -> list[str]:
    """The query's words, region abbreviations written in full ("kukar": kutai kartanegara)."""
    out: list[str] = []
    for word in name_words(query):
        out.extend(name_words(regions().get(word, word)))
    return out


def role_matches(query: str, role: str | None) -> bool:
    """Every word of the query (abbreviations expanded) starts a word of the role: "kapolda",
    "ketua kpu", "bawaslu kukar" fits "Ketua Bawaslu Kutai Kartanegara"."""
    words = name_words(role)
    wanted = expanded(query)
    return bool(words) and bool(wanted) and all(any(w.startswith(q) for w in words) for q in wanted)


def place_matches(query: str, places: Iterable[str | None]) -> bool:
    """The query names one of the places (abbreviations expanded): "kukar", "kalimantan"."""
    wanted = f" {' '.join(expanded(query))} "
    return bool(wanted.strip()) and any(
        wanted in f" {' '.join(name_words(p))} " for p in places if p
    )


def fits(
    roles: Iterable[str], places: Iterable[str], *, role: str | None, place: str | None
) -> bool:
    """A person with these roles and places has a role that has ``role`` and a place that is
    ``place`` (either not given, or empty: any)."""
    if role and not any(role_matches(role, r) for r in roles):
        return False
    return not place or place_matches(place, places)


def find_officials(
    roster: list[Official],
    name: str | None = None,
    *,
    role: str | None = None,
    place: str | None = None,
) -> list[Official]:
    """The people of a roster that fit a name (any form), a role and a place."""
    out: list[Official] = []
    close: list[Official] = []  # people whose name the query only comes close to
    for o in roster:
        fit = name_match(name, o.name) if name else EXACT
        if not fit:
            continue
        if not fits(o.roles, o.places, role=role, place=place):
            continue
        (out if fit == EXACT else close).append(o)
    # a name spelt as the query is the one meant; a close one only where none is
    return out or close
