"""People across a corpus: one record per person, matching by name/role/place, and the commands."""

from __future__ import annotations

import csv
import io
import json
import shutil
from collections.abc import Callable
from pathlib import Path

from click.testing import Result
from hypothesis import given
from hypothesis import strategies as st

from pilkada.models import Article, Person
from pilkada.pipeline import parse
from pilkada.roster import build_roster, find_officials, name_matches, place_matches, role_matches

HERE = Path(__file__).parent
ROOT = HERE.parent
GOLD = HERE / "fixtures" / "gold"


def seed_articles() -> list[Article]:
    return [
        parse(p.read_text(encoding="utf-8"), id=p.stem)
        for p in sorted((ROOT / "seeds").glob("*.txt"))
    ]


def test_the_seed_roster_is_exactly_the_gold_people_with_their_roles() -> None:
    expected = set()
    for path in GOLD.glob("*.gold.json"):
        for person in json.loads(path.read_text(encoding="utf-8"))["officials"]:
            expected.add((person["name"], person["role"]))
    got = {(o.name, o.roles[0] if o.roles else None) for o in build_roster(seed_articles())}
    assert got == expected


def test_quote_counts_and_dates_per_person() -> None:
    roster = {o.name: o for o in build_roster(seed_articles())}
    assert roster["Bambang Arwanto"].quotes == 4
    assert roster["Bambang Iswanto"].quotes == 0
    assert str(roster["Asmin Laura Hafid"].first_seen) == "2024-10-31"
    assert roster["Winarto"].honorific == "Irjen Pol"
    assert set(roster["Asmin Laura Hafid"].forms) >= {"Bupati Laura", "Laura"}


def article(ident: str, *officials: Person) -> Article:
    return Article(id=ident, officials=list(officials))


def test_the_same_person_across_articles_is_one_record() -> None:
    roster = build_roster(
        [
            article("a", Person(name="Rahmat Hidayat", role="Ketua Bawaslu Kota Sampang")),
            article("b", Person(name="Rahmat Hidayat", role="Ketua Bawaslu Kota Sampang")),
            article("c", Person(name="Rahmat", role="Ketua Bawaslu Kota Sampang")),
        ]
    )
    assert [(o.name, o.articles) for o in roster] == [("Rahmat Hidayat", ["a", "b", "c"])]


def test_people_who_share_a_name_part_stay_apart() -> None:
    roster = build_roster(
        [
            article("a", Person(name="Yosef Bura", role="Pjs Bupati Sikka")),
            article("b", Person(name="Yosef Wuwur", honorific="Prof")),
            article("c", Person(name="Yosef", role="Camat Alok")),
        ]
    )
    assert sorted(o.name for o in roster) == ["Yosef", "Yosef Bura", "Yosef Wuwur"]


def test_one_name_spelled_two_ways_in_the_same_office_is_one_person() -> None:
    roster = build_roster(
        [
            article("a", Person(name="Petronella Marcia Risamasu", role="Direktur RSUD Sentosa")),
            article("b", Person(name="Petronela Risamasu", role="Direktur RSUD Sentosa")),
        ]
    )
    assert len(roster) == 1 and roster[0].name == "Petronella Marcia Risamasu"


def test_two_names_sharing_one_word_are_two_people_even_in_one_office() -> None:
    roster = build_roster(
        [
            article("a", Person(name="Bambang Arwanto", role="Ketua KPU Kutai Kartanegara")),
            article("b", Person(name="Bambang Iswanto", role="Ketua KPU Kutai Kartanegara")),
            article("c", Person(name="Achmad Syaifudin Noor", role="Camat Alok")),
            article("d", Person(name="Ahmad Saifudin", role="Camat Alok")),
        ]
    )
    assert sorted(o.name for o in roster) == [
        "Achmad Syaifudin Noor",  # the old and new spellings of two words: one person
        "Bambang Arwanto",
        "Bambang Iswanto",
    ]


def test_an_initial_stands_for_a_name_word_in_one_office() -> None:
    roster = build_roster(
        [
            article("a", Person(name="Muhammad Yusuf", role="Kepala Dinas Pendidikan Nunukan")),
            article("b", Person(name="M. Yusuf", role="Kepala Dinas Pendidikan Nunukan")),
            article("c", Person(name="M. Yusuf", role="Camat Alok")),  # another office
            article("d", Person(name="R. Yusuf", role="Kepala Dinas Pendidikan Nunukan")),
        ]
    )
    assert sorted((o.name, tuple(o.articles)) for o in roster) == [
        ("M. Yusuf", ("c",)),
        ("Muhammad Yusuf", ("a", "b")),
        ("R. Yusuf", ("d",)),  # the initial fits no word of the other
    ]


def test_find_officials_by_name_role_and_place() -> None:
    roster = build_roster(seed_articles())
    assert [o.name for o in find_officials(roster, "laura hafid")] == ["Asmin Laura Hafid"]
    assert [o.name for o in find_officials(roster, "winarta")] == ["Winarto"]
    assert sorted(o.name for o in find_officials(roster, "bambang")) == [
        "Bambang Arwanto",
        "Bambang Iswanto",
    ]
    assert [o.name for o in find_officials(roster, role="bawaslu kukar")] == ["Teguh Wibowo"]
    assert [o.name for o in find_officials(roster, place="kaltara")] == ["Togap Simangunsong"]


NAME_WORD = st.text(alphabet="aeiou", min_size=1, max_size=2).flatmap(
    lambda vowels: st.sampled_from(["Bar", "Dim", "Kus", "Lor", "Mar", "Nur", "Sut", "Wir"]).map(
        lambda start: start + vowels + "no"
    )
)


@given(st.lists(NAME_WORD, min_size=2, max_size=3, unique=True))
def test_a_name_is_found_by_itself_by_any_of_its_words_and_case_blind(words: list[str]) -> None:
    name = " ".join(words)
    assert name_matches(name, name)
    assert name_matches(name.upper(), name)
    for word in words:
        assert name_matches(word.lower(), name)


@given(st.lists(NAME_WORD, min_size=2, max_size=3, unique=True), st.integers(0, 10))
def test_one_wrong_letter_in_a_long_word_still_finds_the_name(words: list[str], at: int) -> None:
    name = " ".join(words)
    word = max(words, key=len)
    if len(word) < 6:
        return
    i = 1 + at % (len(word) - 1)
    typo = word[:i] + ("x" if word[i] != "x" else "y") + word[i + 1 :]
    assert name_matches(typo, name)


@given(st.lists(NAME_WORD, min_size=2, max_size=3, unique=True))
def test_a_word_the_name_does_not_have_never_matches(words: list[str]) -> None:
    assert not name_matches("Zzyzzk", " ".join(words))
    assert not name_matches("", " ".join(words))
    assert not name_matches(words[0], None)


def test_role_and_place_matching_expand_region_abbreviations() -> None:
    assert role_matches("bawaslu kukar", "Ketua Bawaslu Kutai Kartanegara")
    assert role_matches("ketua kpu", "Ketua KPU Tapin")
    assert not role_matches("kapolres", "Kapolda Kalimantan Selatan")
    assert place_matches("kaltara", ["Kalimantan Utara"])
    assert not place_matches("kalsel", ["Kalimantan Utara"])


# --- the commands ---------------------------------------------------------------------------


def test_officials_lists_every_person(run: Callable[..., Result]) -> None:
    result = run("officials")
    rows = [line.split("\t") for line in result.stdout.splitlines()]
    assert rows[0] == ["name", "roles", "places", "articles", "quotes", "first", "last"]
    assert rows[1][:5] == [
        "Bambang Arwanto",
        "Pjs Bupati Kutai Kartanegara",
        "Kutai Kartanegara",
        "1",
        "4",
    ]
    assert len(rows) == 1 + 10


def test_officials_json_role_place_and_sort(run: Callable[..., Result]) -> None:
    data = json.loads(run("officials", "--role", "ketua", "--sort", "name", "--json").stdout)
    assert [o["name"] for o in data] == ["Fakhrian Noor", "Teguh Wibowo"]
    data = json.loads(run("officials", "--place", "kukar", "--json").stdout)
    assert {o["name"] for o in data} == {
        "Bambang Arwanto",
        "Teguh Wibowo",
        "Akhmad Taufik Hidayat",
        "Wiwin",
    }


def test_officials_name_shows_the_person_with_every_quote(run: Callable[..., Result]) -> None:
    result = run("officials", "teguh", "--json")
    detail = json.loads(result.stdout)
    assert detail["official"]["name"] == "Teguh Wibowo"
    assert len(detail["quotes"]) == 3


def test_a_one_word_name_that_fits_two_people_says_so(run: Callable[..., Result]) -> None:
    result = run("officials", "bambang")
    assert "fits 2 people" in result.stderr
    assert [r.split("\t")[0] for r in result.stdout.splitlines()[1:]] == [
        "Bambang Arwanto",
        "Bambang Iswanto",
    ]
    shown = run("show", "bambang")
    assert shown.exit_code == 2
    assert "fits 2 people" in shown.stderr and "Bambang Iswanto" in shown.stderr


def test_show_person(run: Callable[..., Result]) -> None:
    result = run("show", "laura")
    assert result.exit_code == 0
    assert result.stdout.startswith("name: Asmin Laura Hafid\n")
    assert "roles: Bupati Nunukan" in result.stdout
    assert result.stdout.count("“") == 1


def test_show_unknown_is_neither_article_nor_person(run: Callable[..., Result]) -> None:
    result = run("show", "zzzz")
    assert result.exit_code == 2
    assert "nor a person's name" in result.stderr


def test_quotes_tolerates_short_forms_and_misspellings(run: Callable[..., Result]) -> None:
    for by in ("laura hafid", "LAURA", "winarta"):
        result = run("quotes", "--by", by, "--json")
        speakers = {h["quote"]["speaker"] for h in json.loads(result.stdout)}
        assert len(speakers) == 1, by


def test_quotes_role_place_context_and_csv(run: Callable[..., Result]) -> None:
    data = json.loads(run("quotes", "--role", "bawaslu kukar", "--json").stdout)
    assert {h["quote"]["speaker"] for h in data} == {"Teguh Wibowo"} and len(data) == 3
    data = json.loads(run("quotes", "--place", "kaltara", "--json").stdout)
    assert {h["quote"]["speaker"] for h in data} == {"Asmin Laura Hafid", "Togap Simangunsong"}
    plain = run("quotes", "--by", "laura", "--context").stdout.splitlines()
    assert plain[0].split("\t")[-1] == "context"
    assert "pungkasnya, Kamis (31/10/2024)" in plain[1]
    rows = list(csv.DictReader(io.StringIO(run("quotes", "--role", "kapolda", "--csv").stdout)))
    assert [r["speaker"] for r in rows] == ["Winarto", "Winarto"]
    assert rows[0]["cue"] == "kata Irjen Pol Winarto"


def test_quotes_json_and_csv_together_is_a_usage_error(run: Callable[..., Result]) -> None:
    result = run("quotes", "--json", "--csv")
    assert result.exit_code == 2


def test_people_commands_on_seeds_and_devset_together(
    run: Callable[..., Result], tmp_path: Path
) -> None:
    folder = tmp_path / "semua"
    folder.mkdir()
    for path in [*(ROOT / "seeds").glob("*.txt"), *(HERE / "fixtures" / "devset").glob("*.txt")]:
        shutil.copy(path, folder / path.name)
    people = json.loads(run("officials", "--corpus", str(folder), "--json").stdout)
    names = {o["name"] for o in people}
    assert {"Asmin Laura Hafid", "Gani Muhamad", "Merdisyam"} <= names
    gani = next(o for o in people if o["name"] == "Gani Muhamad")
    assert len(gani["articles"]) == 2  # named in two articles, one person
    said = json.loads(run("quotes", "--by", "gani", "--corpus", str(folder), "--json").stdout)
    assert len(said) == gani["quotes"] >= 3


def _every_record_asked(articles: list[Article]) -> list[tuple[str, tuple[str, ...], int]]:
    """The roster as made by asking every comparable record about every person (the
    definition)."""
    from pilkada.roster import _Record, comparable

    records: list[_Record] = []
    for a in articles:
        for person in a.officials:
            record = next(
                (r for r in records if comparable(r.name, person.name) and r.accepts(person)),
                None,
            )
            if record is None:
                record = _Record(person.name)
                records.append(record)
            record.add(person, a, 0)
    return sorted((r.name, tuple(r.articles), len(r.roles)) for r in records)


SPELLINGS = st.sampled_from(
    [
        *("Bambang Arwanto", "Bambang Iswanto", "Bambang Arwanta", "Arwanto", "Bambang"),
        *("Laura", "Asmin Laura Hafid", "Asmin Laura", "Laura Hafid"),
        *("Petronella Marcia", "Petronela Marsia", "Petronela", "Sri Wahyuni", "Sry Wahyuny"),
        *("Muhammad Yusuf", "Mohamad Yusup", "Yusuf", "Ahmad Syaifudin", "Achmad Saifudin"),
        *(
            "M. Yusuf",
            "M Yusuf Kalla",
            "Muhammad Yusuf Kalla",
            "H. M. Yusuf",
            "Abdurrahmanwijaya M",
        ),
        *("Abdurrahmanwijaya Muhammad", "Abdurrahmanwijaya Mukti"),
        *("Muhammad Syahrial", "Mohammad Sahrial", "Djoko Susilo", "Joko Susilo"),
        *("Soeharto Wijaya", "Suharto Wijaya"),
    ]
)
ROLES = st.sampled_from([None, "Bupati Nunukan", "Ketua KPU Kukar", "Kapolda Kalsel", "Camat"])


@given(st.lists(st.lists(st.builds(Person, name=SPELLINGS, role=ROLES), max_size=3), max_size=8))
def test_asking_the_records_found_through_name_keys_is_asking_every_comparable_one(
    people: list[list[Person]],
) -> None:
    articles = [article(f"a{i}", *persons) for i, persons in enumerate(people)]
    made = sorted((o.name, tuple(o.articles), len(o.roles)) for o in build_roster(articles))
    assert made == _every_record_asked(articles)
