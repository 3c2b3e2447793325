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
            record.add(person, a.id, a.published, 0)
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


# --- who is an official, over real prose -----------------------------------------------------------

ATTRIBUTION = ROOT.parent / "shared" / "attribution"
# words that end no name: connectors a name never starts or ends with
CONNECTORS = frozenset("dan serta atau yang dengan untuk dari di ke pada bagi oleh".split())


def _name_faults(name: str) -> list[str]:
    from pilkada.regions import regions
    from pilkada.tokens import fold, honorifics, not_names, titles

    words = name.split()
    keys = [fold(w.strip(".,")) for w in words]
    opens_office = titles().firsts | honorifics().firsts
    faults = []
    if keys[0] in opens_office or keys[-1] in opens_office:
        faults.append("a title or rank at an end")
    if keys[0] in CONNECTORS or keys[-1] in CONNECTORS:
        faults.append("a connector at an end")
    if len(words) == 1 and words[0].isupper() and len(words[0]) > 1:
        faults.append("a lone acronym")
    if any(k in not_names() for k in keys):
        faults.append("an ordinary word")
    if " ".join(keys) in regions():
        faults.append("a region")
    return faults


def test_officials_over_real_articles_have_names_of_people(
    run: Callable[..., Result], tmp_path: Path
) -> None:
    """Over the attribution set beside the project (read there: its licence keeps it out of the
    repository), the dev set and the seeds, no official's name holds a rank, a title, a
    connector, an ordinary word or a region, and none is a lone acronym."""
    assert ATTRIBUTION.is_dir(), f"the attribution set is expected at {ATTRIBUTION}"
    folder = tmp_path / "semua"
    folder.mkdir()
    sources = [ATTRIBUTION, ROOT / "seeds", HERE / "fixtures" / "devset"]
    for source in sources:
        for path in source.glob("*.txt"):
            (folder / f"{source.name}_{path.name}").symlink_to(path)
    people = json.loads(run("officials", "--corpus", str(folder), "--json").stdout)
    assert len(people) > 800
    faulty = {o["name"]: _name_faults(o["name"]) for o in people if _name_faults(o["name"])}
    assert not faulty


def test_a_company_named_after_a_region_keeps_its_name() -> None:
    a = parse(
        "Layanan Bus Kota Ditambah Menjelang Pemilihan Kepala Daerah Serentak Tahun Ini\n"
        "JAKARTA, Warta Kota – Direktur Operasional PT Transportasi Jakarta Budi Santoso "
        "mengatakan armada bus ditambah menjelang hari pemungutan suara pada Rabu (27/11/2024).\n"
        "Kepala Kantor Perwakilan Bank Indonesia Provinsi Kalsel Rahmat Dwisaputra hadir dalam "
        "rapat persiapan pemungutan suara di kantor gubernur.\n"
    )
    roles = {p.name: p.role for p in a.officials}
    assert roles["Budi Santoso"] == "Direktur Operasional PT Transportasi Jakarta"
    assert roles["Rahmat Dwisaputra"] == (
        "Kepala Kantor Perwakilan Bank Indonesia Provinsi Kalimantan Selatan"
    )


def test_a_minister_s_portfolio_is_the_role_not_the_name() -> None:
    a = parse(
        "Menteri Meninjau Kesiapan Logistik Pemilihan Kepala Daerah di Perbatasan Negara\n"
        "NUNUKAN, Kabar Kaltara – Menteri Pertahanan Bayu Prasetyo meninjau gudang logistik "
        "pemilihan di perbatasan pada Senin (11/11/2024) bersama jajaran kementerian.\n"
        "Rapat itu juga dihadiri Komisioner OJK Anto Wibisono yang membahas dana kampanye.\n"
    )
    people = {(p.name, p.role) for p in a.officials}
    assert ("Bayu Prasetyo", "Menteri Pertahanan") in people
    assert ("Anto Wibisono", "Komisioner OJK") in people


# --- --by: one person -----------------------------------------------------------------------------


def _two_people(tmp_path: Path) -> Path:
    folder = tmp_path / "dua"
    folder.mkdir()
    lede = "SEMARANG, Kabar Jateng – Rapat koordinasi pengamanan pemilihan digelar di Semarang."
    for name, text in {
        "a": "Gubernur Jawa Tengah Ganjar Pranowo membuka rapat.\n"
        "“Kami siap mengamankan seluruh tahapan pemilihan,” kata Ganjar Pranowo.",
        "b": "Menteri Pertahanan Prabowo Subianto hadir dalam rapat itu.\n"
        "“Pertahanan negara ikut menjaga pemilihan yang damai,” kata Prabowo.",
    }.items():
        (folder / f"{name}.txt").write_text(
            f"Rapat Pengamanan Pemilihan Kepala Daerah di Jawa Tengah Digelar Hari Ini\n{lede}\n"
            f"{text}\n",
            encoding="utf-8",
        )
    return folder


def test_by_gives_one_person_and_refuses_another_sharing_letters(
    run: Callable[..., Result], tmp_path: Path
) -> None:
    folder = str(_two_people(tmp_path))

    def speakers(by: str) -> set[str]:
        found = json.loads(run("quotes", "--by", by, "--corpus", folder, "--json").stdout)
        return {h["quote"]["speaker"] for h in found}

    assert speakers("pranowo") == {"Ganjar Pranowo"}  # not Prabowo, one letter apart
    assert speakers("prabowo") == {"Prabowo Subianto"}
    assert speakers("pranowa") == {"Ganjar Pranowo"}  # a typo of the one name it is close to
    assert speakers("ganjar pranowo") == {"Ganjar Pranowo"}


def test_officials_name_finds_the_one_spelt_so(run: Callable[..., Result], tmp_path: Path) -> None:
    """One person fits: their card, not a list with Prabowo Subianto, one letter apart."""
    shown = json.loads(
        run("officials", "--corpus", str(_two_people(tmp_path)), "--json", "pranowo").stdout
    )
    assert shown["official"]["name"] == "Ganjar Pranowo"
