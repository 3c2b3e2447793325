"""People across a corpus: one record per real person, and matching people by name, role, place.

Within an article the parser already resolves short forms to the fullest name. Across articles,
two records are the same person when their names are comparable (two words of each pair off,
alike in spelling, or one name is a word of the other: "Bambang Arwanto" and "Bambang Iswanto"
are not), agree (rapidfuzz ``token_set_ratio`` of at least 90 on the names without ranks and
degrees) and their roles do not contradict each other. Pure functions.
"""

from __future__ import annotations

import gc
import re
import sys
from array import array
from collections.abc import Iterable, Iterator, MutableSequence, Sequence
from contextlib import contextmanager
from datetime import date
from functools import lru_cache
from itertools import combinations
from typing import NamedTuple, Protocol, TypeVar

from rapidfuzz import fuzz, process

from pilkada.models import Article, Official
from pilkada.names import CLOSE_WORD, FUZZY_LETTERS, name_words
from pilkada.regions import find_places, regions
from pilkada.tokens import fold

SAME_NAME = 90  # token_set_ratio at or above which two full names are one name
SPELLED_APART = 75  # the same office and names this alike: one person spelled two ways


# A corpus names the same people again and again: what is compared of a name or a role is
# worked out once per distinct spelling.
_CACHE = 1 << 17
# names and name words mostly come once (a record keeps what is compared of its own name): the
# caches of their parts only keep the recent, often named ones
_NAMES = 1 << 12
_WORDS = 1 << 13

_K = TypeVar("_K")
_R = TypeVar("_R", bound="_Match")


class _Name(NamedTuple):
    """What a name is compared by."""

    words: frozenset[str]  # its words, folded
    length: int  # how many words it is written with
    spelled: str  # its distinct words, sorted: what ``token_set_ratio`` compares
    pairs: frozenset[int]  # ``_pair_keys``
    initials: tuple[str, ...]  # its one-letter words: "m" of "M. Yusuf" (mostly none: () is shared)


@lru_cache(maxsize=_NAMES)
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


@lru_cache(maxsize=_CACHE)
def _one_role(role: str) -> tuple[tuple[str], frozenset[str]]:
    """The roles and role keys of a record of one role: shared by every record in it."""
    return (role,), frozenset([_role_key(role)])


class Named(Protocol):
    """A person as one article names them: a ``Person``, or what the index keeps of one."""

    @property
    def name(self) -> str: ...
    @property
    def role(self) -> str | None: ...
    @property
    def honorific(self) -> str | None: ...
    @property
    def forms(self) -> Sequence[str]: ...


class Said(NamedTuple):
    """A person as the index keeps a mention of them: ``Named`` without a model to make."""

    name: str
    role: str | None
    honorific: str | None
    forms: Sequence[str]


_NO_KEYS: frozenset[str] = frozenset()
_AN_INITIAL = re.compile(r"(?:^| )[^ ](?: |$)")  # a one-letter word of a name spelled


class _Match:
    """What a person's sightings so far make of them that a person is matched against: their
    name as compared, in parts (its words spelled, how many it is written with, its pair keys
    packed), not as a ``_Name`` (a corpus of a million articles makes a million records), and
    their roles folded, with the regions they name (records of one role share its keys and
    regions: ``_one_role``, ``_role_regions``)."""

    __slots__ = ("length", "name", "pairs", "regions", "role_keys", "spelled")

    def __init__(self, name: str) -> None:
        self._named(name, _name(name))
        self.role_keys = _NO_KEYS
        self.regions = _NO_KEYS

    def _named(self, name: str, named: _Name) -> None:
        self.name, self.spelled, self.length = name, named.spelled, named.length
        self.pairs = array("Q", named.pairs).tobytes()

    def _pairs(self) -> memoryview:
        return memoryview(self.pairs).cast("Q")

    def accepts(self, person: Named) -> bool:
        return self._accepts(person, _name(person.name))

    def _accepts(self, person: Named, named: _Name) -> bool:
        mine, theirs = self.spelled, named.spelled  # the same words when the same spelling
        if not mine or not theirs:
            return False
        role = person.role
        if mine == theirs:
            return " " in mine or self._roles_agree(role)
        same_office = role is not None and _role_key(role) in self.role_keys
        if " " in mine and len(named.words) > 1:
            # below the cutoff the score is 0: neither test below can pass
            score = fuzz.token_set_ratio(mine, theirs, score_cutoff=SPELLED_APART)
            # names alike only through an initial ("M. Yusuf" / "Muhammad Yusuf") are one
            # person only in one office
            if score >= SAME_NAME and not named.pairs.isdisjoint(self._pairs()):
                return self._roles_agree(role)
            # one office, a name spelled two ways ("Petronella Marcia" / "Petronela")
            return same_office and score >= SPELLED_APART
        # a one-word name joins a fuller one only when their roles agree outright
        words = frozenset(mine.split(" "))
        return (words <= named.words or named.words <= words) and same_office

    def comparable(self, named: _Name) -> bool:
        """``comparable`` of the record's name and the named, from the parts kept."""
        mine = self.spelled
        if " " not in mine or len(named.words) == 1:  # one word (or none) in one of them
            return bool(mine) and not named.words.isdisjoint(mine.split(" "))
        if not named.pairs.isdisjoint(self._pairs()):
            return True
        if named.initials or _AN_INITIAL.search(mine):
            return _comparable(_name(self.name), named)
        return False

    def _roles_agree(self, role: str | None) -> bool:
        if role is None or not self.role_keys:
            return True
        return _role_key(role) in self.role_keys or not self.regions.isdisjoint(_role_regions(role))

    def _take(self, sighting: Sighting, named: _Name) -> None:
        """The sighting joins the record: its name if fuller, its role if new."""
        if named.length > self.length:
            self._named(sighting.person.name, named)
        role = sighting.person.role
        if role and _role_key(role) not in self.role_keys:
            self.role_keys = (
                self.role_keys | {_role_key(role)} if self.role_keys else _one_role(role)[1]
            )
            named_there = _role_regions(role)
            self.regions = self.regions | named_there if self.regions else named_there


class _Tally:
    """What the sightings of one person say of them: how the articles name them, where, how
    often, when."""

    __slots__ = ("articles", "first", "forms", "honorific", "last", "quotes", "role_keys", "roles")

    def __init__(self) -> None:
        self.honorific: str | None = None
        self.forms: tuple[str, ...] = ()
        self.roles: tuple[str, ...] = ()
        self.role_keys = _NO_KEYS
        self.articles: list[str] = []
        self.quotes = 0
        self.first: date | None = None
        self.last: date | None = None

    def add(self, sighting: Sighting) -> None:
        person = sighting.person
        if not self.honorific:  # a few, on many records: one string each
            self.honorific = sys.intern(person.honorific) if person.honorific else person.honorific
        forms = self.forms
        for form in (person.name, *person.forms):
            if form not in forms:
                forms = (*forms, form)
        self.forms = forms
        role = person.role
        if role and _role_key(role) not in self.role_keys:
            if self.roles:
                self.roles = (*self.roles, role)
                self.role_keys = self.role_keys | {_role_key(role)}
            else:
                self.roles, self.role_keys = _one_role(role)
        article = sighting.article
        if not self.articles or self.articles[-1] != article:  # an article's people come together
            self.articles.append(article)
        self.quotes += sighting.quotes
        if when := sighting.published:
            self.first = min(self.first or when, when)
            self.last = max(self.last or when, when)

    def official(self, name: str) -> Official:
        places: list[str] = []
        for role in self.roles:
            for place in _role_places(role):
                if place not in places:
                    places.append(place)
        return Official.model_construct(  # validated already, as the articles were
            name=name,
            honorific=self.honorific,
            forms=list(self.forms),
            roles=list(self.roles),
            places=places,
            articles=self.articles,
            quotes=self.quotes,
            first_seen=self.first,
            last_seen=self.last,
        )


class _Record(_Match):
    """A person as their sightings so far show them: who they are, and what they say of them."""

    __slots__ = ("tally",)

    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.tally = _Tally()

    @property
    def articles(self) -> list[str]:
        return self.tally.articles

    @property
    def roles(self) -> tuple[str, ...]:
        return self.tally.roles

    def add(self, person: Named, article: str, published: date | None, quotes: int) -> None:
        self._take(Sighting(person, article, published, quotes), _name(person.name))

    def _take(self, sighting: Sighting, named: _Name) -> None:
        super()._take(sighting, named)
        self.tally.add(sighting)

    def official(self) -> Official:
        return self.tally.official(self.name)


# spellings of one sound in Indonesian names, old and new ("Achmad" / "Ahmad", "Syaiful" /
# "Saiful", "Djoko" / "Joko", "Soeharto" / "Suharto")
_SPELLINGS = (("ch", "h"), ("sy", "s"), ("dj", "j"), ("tj", "c"), ("kh", "k"), ("oe", "u"))

# each key of a name word (``_word_keys``) as a number, in the order first made (a few thousand
# keys), and those numbers, one int each, by number: what ``_Near`` files pairs under
_KEY_NUMBERS: dict[str, int] = {}
_NUMBERS: list[int] = []
_LOW = (1 << 32) - 1  # a pair of numbers is one int: the higher above the lower's 32 bits


def _numbered(key: str) -> int:
    number = _KEY_NUMBERS.get(key)
    if number is None:
        number = _KEY_NUMBERS[key] = len(_NUMBERS)
        if number > _LOW:
            raise OverflowError("more keys of name words than a pair of them can hold")
        _NUMBERS.append(number)
    return number


@lru_cache(maxsize=_WORDS)
def _word_keys(word: str) -> tuple[int, int]:
    """Keys two spellings of a name word share (numbered): its first three letters, and the
    first three of its consonant skeleton (first letter, then consonants but h, y and repeats:
    "achmad" and "ahmad" -> "amd", "syaifudin" and "saifudin" -> "sfd")."""
    spelled = word
    for old, new in _SPELLINGS:
        spelled = spelled.replace(old, new)
    skeleton = spelled[:1]
    for c in spelled[1:]:
        if c not in "aeiouhy" and c != skeleton[-1]:
            skeleton += c
            if len(skeleton) == 3:
                break
    return _numbered("w:" + word[:3]), _numbered("s:" + skeleton[:3])


def _pair_keys(words: frozenset[str]) -> frozenset[int]:
    """A key of each of two words of a name, for every two words and keys: the two numbers as
    one int, either way round."""
    keys = [_word_keys(w) for w in words]
    return frozenset(
        one << 32 | other if one >= other else other << 32 | one
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


# what a key of ``_Near`` files: one record (most keys), or the records in the order filed
_Filed = int | list[int]


def _file(index: dict[_K, _Filed], key: _K, at: int) -> None:
    was = index.setdefault(key, at)
    if was is at:
        return
    if isinstance(was, int):
        if was != at:
            index[key] = [was, at]
    elif was[-1] != at:  # filed again only after another (of ``of``'s set, once)
        was.append(at)


def _take(found: set[int], filed: _Filed | None) -> None:
    if filed is None:
        return
    if isinstance(filed, int):
        found.add(filed)
    else:
        found.update(filed)


class _Near:
    """The records a person may join, found without asking every record (a corpus of a million
    articles names too many people for that) nor every record sharing a common name word.
    Records stay filed under the names and roles they had before; what is found is checked
    against the name they have now."""

    __slots__ = ("by_office", "by_pair", "single")

    def __init__(self) -> None:
        self.by_pair: dict[int, dict[int, _Filed]] = {}  # ``_pair_keys``: higher -> lower ->
        self.single: dict[str, _Filed] = {}  # a one-word name ->
        self.by_office: dict[str, dict[str, _Filed]] = {}  # role key -> word ->

    def file_name(self, at: int, named: _Name) -> None:
        """File a record under the name it now has."""
        if len(named.words) == 1:
            _file(self.single, next(iter(named.words)), at)
        for key in named.pairs:
            lower = self.by_pair.setdefault(key >> 32, {})
            _file(lower, _NUMBERS[key & _LOW], at)  # the number's one int, not one a key

    def file_offices(self, at: int, words: Iterable[str], roles: Iterable[str]) -> None:
        """File a record under each word of its name in each of the roles (keys)."""
        for role in roles:
            office = self.by_office.setdefault(role, {})
            for word in words:
                _file(office, word, at)

    def of(self, person: Named, named: _Name) -> tuple[set[int], set[int]]:
        """The records that may accept the person (see ``_Record.accepts``): for a one-word
        name, the records of that one word, and those in the person's office that have it;
        for a fuller name, the records with a comparable name, and those in the person's
        office with one of its words (a one-word record joins no one outside its office).
        Those filed under the name (comparable with it, if they still have the name they
        were filed by), then those filed under the office."""
        words = named.words
        by_name: set[int] = set()
        if len(words) == 1:
            _take(by_name, self.single.get(next(iter(words))))
        else:
            by_pair = self.by_pair
            for key in named.pairs:
                if lower := by_pair.get(key >> 32):
                    _take(by_name, lower.get(key & _LOW))
        by_office: set[int] = set()
        if person.role is not None and (office := self.by_office.get(_role_key(person.role))):
            for word in words:
                _take(by_office, office.get(word))
        return by_name, by_office


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


class Sighting(NamedTuple):
    """A person as one article names them, with how many of its quotes they said."""

    person: Named
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
        records = _records(seen, joined, _Record)
    forget_names()
    records.reverse()  # popped from the end: first seen first
    with _collector_paused():
        while records:
            yield records.pop().official()


def resolve_names(people: Iterable[Named], joined: MutableSequence[int]) -> list[str]:
    """The name of each real person among the people named, in the order first seen, as
    ``resolve`` makes them; ``joined`` is told the person each one named is (the index of
    their name), in order. Only who is who is worked out, not what the articles say of each
    (``seen_as`` does, one person at a time): the people of a million articles are not all
    held at once. The people one article names come together."""
    with _collector_paused():
        records = _records((Sighting(p, "", None, 0) for p in people), joined, _Match)
    forget_names()
    return [r.name for r in records]


def forget_names() -> None:
    """Empty the caches of names and name words as compared."""
    _name.cache_clear()
    _word_keys.cache_clear()


def seen_as(name: str, seen: Iterable[Sighting]) -> Official:
    """One person as the sightings show them (in order; all of theirs), under the name they
    were resolved by (the fullest, from more sightings than these; no name of the sightings is
    fuller): their forms, roles, places, articles, quotes, first and last seen are those of
    the sightings."""
    tally = _Tally()
    for s in seen:
        tally.add(s)
    return tally.official(name)


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


def _records(
    seen: Iterable[Sighting], joined: MutableSequence[int] | None, make: type[_R]
) -> list[_R]:
    records: list[_R] = []
    near = _Near()
    renamed: set[int] = set()  # the records whose words have changed since first filed
    for sighting in seen:
        person = sighting.person
        named = _name(person.name)
        at: int | None = None
        by_name, by_office = near.of(person, named)
        # a record filed under the words it still has is comparable with the name: asked
        # only of the others
        if renamed.isdisjoint(by_name):
            found = list(by_name)
        else:
            found = [i for i in by_name if i not in renamed or records[i].comparable(named)]
        if by_office:
            found += [i for i in by_office - by_name if records[i].comparable(named)]
        if found:
            alike = process.extract(
                named.spelled,
                [records[i].spelled for i in found],
                scorer=fuzz.token_set_ratio,
                processor=None,
                score_cutoff=SPELLED_APART,
                limit=None,
            )
            asked = sorted(found[j] for _, _, j in alike)
            at = next((i for i in asked if records[i]._accepts(person, named)), None)
        if at is None:
            at = len(records)
            record = make(person.name)
            records.append(record)
            record._take(sighting, named)
            near.file_name(at, named)
            near.file_offices(at, named.words, record.role_keys)
        else:
            record = records[at]
            spelled, keys = record.spelled, record.role_keys
            record._take(sighting, named)
            if record.spelled != spelled:  # named now as the person is: file the new name
                renamed.add(at)
                near.file_name(at, named)
                near.file_offices(at, named.words, record.role_keys)
            elif record.role_keys is not keys:  # in one more office
                words = record.spelled.split(" ") if record.spelled else ()
                near.file_offices(at, words, record.role_keys - keys)
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
