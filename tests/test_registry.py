"""The registry's lookups through its indexes give what a scan of every person gives."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pilkada import registry
from pilkada.registry import Event, Registry, is_short_form, nickname_after
from pilkada.tokens import fold

# a few name words sharing starts and letters, so that lookups meet many near misses
WORDS = ["Ahmad", "Ahmadi", "Yani", "Yanto", "Budi", "Budiman", "Santoso", "Joko", "Widodo",
         "Risma", "Hasan", "Bisri", "Ani", "Dedi", "Dede", "Kurnia"]  # fmt: skip
ROLES = ["Bupati Sleman", "Ketua KPU Sleman", "Ketua KPU Bantul", "Kapolres", "Camat Depok"]

names = st.lists(st.sampled_from(WORDS), min_size=1, max_size=3).map(" ".join)
people = st.lists(st.tuples(names, st.none() | st.sampled_from(ROLES)), max_size=12)
queries = st.one_of(
    names,
    st.sampled_from(
        ["jokowi", "hasbi", "bs", "ay", "budi", "risma", "ahma", "dedek", "budim", "santo", "kurni"]
    ),
)


def _scan_find(reg: Registry, name: str, short: bool = True) -> int | None:
    """``Registry.find`` as a reading of every person would give it."""
    keys = {fold(w) for w in name.split()} - {""}
    if not keys:
        return None
    hits = [i for i, p in enumerate(reg.people) if keys <= p.keys or p.keys <= keys]
    if len(hits) == 1:
        return hits[0]
    exact = [i for i in hits if reg.people[i].keys == keys]
    if len(exact) == 1:
        return exact[0]
    if hits or len(keys) != 1 or not short:
        return None
    (word,) = keys
    owners = [i for i, p in enumerate(reg.people) if is_short_form(word, p.name)]
    return owners[0] if len(owners) == 1 else None


def _scan_by_role(reg: Registry, role: str, prefer: int | None) -> int | None:
    key = fold(role)
    hits = [i for i, p in enumerate(reg.people) if p.role and fold(p.role) == key]
    if not hits:
        words = set(key.split())
        hits = [
            i for i, p in enumerate(reg.people) if p.role and words <= set(fold(p.role).split())
        ]
    if len(hits) == 1:
        return hits[0]
    return prefer if prefer in hits else None


@pytest.fixture(autouse=True, params=[0, registry.INDEX_AFTER], ids=["indexed", "scanned"])
def index_after(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> int:
    """Every test runs twice: with the indexes from the first person, and as an article of
    ordinary length (a few people) is read, by a scan."""
    monkeypatch.setattr(registry, "INDEX_AFTER", request.param)
    return int(request.param)


def _registry(entries: list[tuple[str, str | None]]) -> Registry:
    reg = Registry()
    for name, role in entries:
        reg.add(name, role)
    return reg


@settings(max_examples=200, deadline=None)
@given(people, queries, st.booleans())
def test_find_through_the_index_is_find_by_a_scan(
    entries: list[tuple[str, str | None]], query: str, short: bool
) -> None:
    reg = _registry(entries)
    assert reg.find(query, short=short) == _scan_find(reg, query, short)
    copied = reg.copy()
    assert copied.find(query, short=short) == _scan_find(copied, query, short)


@settings(max_examples=200, deadline=None)
@given(people, st.sampled_from([*ROLES, "Ketua KPU", "KPU", "Bupati"]), st.integers(0, 12))
def test_by_role_through_the_index_is_by_role_by_a_scan(
    entries: list[tuple[str, str | None]], role: str, prefer: int
) -> None:
    reg = _registry(entries)
    assert reg.by_role(role, prefer) == _scan_by_role(reg, role, prefer)


def test_a_role_given_later_is_found_by_it() -> None:
    reg = _registry([("Ahmad Yani", None), ("Budi Santoso", "Camat Depok")])
    assert reg.by_role("Bupati Sleman") is None
    reg.give_role(0, "Bupati Sleman")
    assert reg.by_role("Bupati Sleman") == 0
    assert reg.by_role("bupati") == 0


def test_a_name_that_grows_is_found_by_its_new_words() -> None:
    reg = _registry([("Yani", "Bupati Sleman")])
    assert reg.add("Ahmad Yani", None) == 0  # the fuller form of the same person
    assert reg.people[0].name == "Ahmad Yani"
    assert reg.find("Ahmad") == 0
    assert reg.find("ahma") == 0  # a short form of the new word


def test_named_before_is_the_first_event_of_the_person() -> None:
    reg = _registry([("Ahmad Yani", None), ("Budi Santoso", None)])
    reg.record(Event(3, 10, 0, True))
    reg.record(Event(1, 40, 0, False))
    assert reg.named_before(0, (1, 41))
    assert not reg.named_before(0, (1, 40))
    assert not reg.named_before(1, (9, 0))
    assert reg.copy().named_before(0, (2, 0))


def test_two_words_run_together_find_their_owner_among_many() -> None:
    reg = _registry([("Hasan Bisri", None), ("Hasanudin Yani", None), ("Joko Widodo", None)])
    assert reg.find("hasbi") == _scan_find(reg, "hasbi") == 0
    assert reg.find("jokowi") == 2
    assert reg.find("hasanu") == 1


def test_a_nickname_after_a_name_is_read_and_other_words_are_not() -> None:
    text = "Camat Balige Tigor Simanjuntak, atau Ucok sapaan akrabnya, hadir."
    assert nickname_after(text, text.index(",")) == "Ucok"
    text = "Bupati Toba Halomoan Sinaga yang biasa dipanggil Pak Haji hadir."
    assert nickname_after(text, text.index(" yang")) == "Pak Haji"
    text = "Camat Balige Tigor Simanjuntak, atau Ketua Panwascam, hadir."
    assert nickname_after(text, text.index(",")) is None


def test_a_copied_person_has_every_field_and_forms_of_their_own() -> None:
    person = registry.Person(
        "Asmin Laura Hafid", "Bupati Nunukan", "Hj", ["Laura"], False, ("Ara",)
    )
    assert person.keys  # the cached keys are copied too
    copy = person.copy()
    for f in dataclasses.fields(registry.Person):
        assert getattr(copy, f.name) == getattr(person, f.name), f.name
    copy.seen_as("Bupati Laura")
    assert person.forms == ["Laura"]
