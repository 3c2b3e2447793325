"""sources: files and the index give the same answers through one interface."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

import pytest
from click.testing import Result

from pilkada import sources
from pilkada.corpus import CorpusError
from pilkada.sources import FileSource, Filters, IndexSource, Source

T = TypeVar("T")
Run = Callable[..., Result]

FILTERS = [
    Filters(),
    Filters(outlet="antara"),
    Filters(outlet="ANTARA"),
    Filters(outlet=""),
    Filters(place="kukar"),
    Filters(place="tenggarong"),
    Filters(since=dt.date(2024, 11, 1)),
    Filters(until=dt.date(2024, 11, 1)),
    Filters(since=dt.date(2024, 10, 1), until=dt.date(2024, 11, 10)),
    Filters(official="laura"),
    Filters(official="zzqx"),
    Filters(outlet="bebaca", place="kartanegara", since=dt.date(2024, 11, 1)),
]
NAMED = [f"{f}" for f in FILTERS]


@pytest.fixture
def index(run: Run, corpus_dir: Path) -> Path:
    """The seeds indexed by ``pilkada index``."""
    db = corpus_dir.parent / "index.db"
    result = run("index", str(corpus_dir), "--db", str(db))
    assert result.exit_code == 0, result.output
    return db


@pytest.fixture
def both(corpus_dir: Path, index: Path) -> tuple[Source, Source]:
    """The same articles from their files and from the index of them."""
    return FileSource(str(corpus_dir)), IndexSource(index)


def dumped(articles: Iterable[object]) -> list[object]:
    return [a.model_dump(mode="json") for a in articles]  # type: ignore[attr-defined]


@pytest.mark.parametrize("filters", FILTERS, ids=NAMED)
def test_articles_listing_and_count_are_the_same(
    both: tuple[Source, Source], filters: Filters
) -> None:
    files, index = both
    assert dumped(index.articles(filters)) == dumped(files.articles(filters))
    assert list(index.listing(filters)) == list(files.listing(filters))
    assert index.count(filters) == files.count(filters) == len(list(files.articles(filters)))
    assert dumped(index.doubtful(filters)) == dumped(files.doubtful(filters))


def test_the_filters_keep_what_they_say(both: tuple[Source, Source]) -> None:
    files, _ = both
    assert [r.id[:3] for r in files.listing()] == ["000", "002", "004", "001", "003"]
    assert [r.id[:3] for r in files.listing(Filters(outlet="antara"))] == ["003"]
    assert [r.id[:3] for r in files.listing(Filters(place="kukar"))] == ["004", "001"]
    assert [r.id[:3] for r in files.listing(Filters(official="laura"))] == ["002"]
    undated_out = Filters(until=dt.date(2030, 1, 1))
    assert "003" not in [r.id[:3] for r in files.listing(undated_out)]
    assert files.count(Filters(official="zzqx")) == 0


@pytest.mark.parametrize(
    ("query", "by", "role", "place"),
    [
        (None, None, None, None),
        (None, "laura", None, None),
        (None, "winarta", None, None),  # a misspelling the tolerant match forgives
        (None, "bambang", None, None),
        (None, None, "kapolda", None),
        (None, None, "bawaslu kukar", None),
        (None, None, None, "kaltara"),
        ("netralitas", None, None, None),
        ("netralitas", None, None, "kukar"),
        (None, "zzqx", None, None),
    ],
)
def test_quotes_are_the_same(
    both: tuple[Source, Source],
    query: str | None,
    by: str | None,
    role: str | None,
    place: str | None,
) -> None:
    files, index = both
    for filters in (Filters(place=place), Filters(place=place, since=dt.date(2024, 11, 1))):
        on_files = files.quotes(filters, query, by=by, role=role)
        assert dumped(index.quotes(filters, query, by=by, role=role)) == dumped(on_files)


def test_quotes_find_who_said_what(both: tuple[Source, Source]) -> None:
    files, _ = both
    laura = files.quotes(by="laura")
    assert {h.quote.speaker for h in laura} == {"Asmin Laura Hafid"}
    assert {h.quote.speaker for h in files.quotes(role="kapolda")} == {"Winarto"}
    assert not files.quotes(by="zzqx")


@pytest.mark.parametrize(
    ("filters", "role", "sort"),
    [
        (Filters(), None, "quotes"),
        (Filters(place="kukar"), None, "name"),
        (Filters(), "ketua", "first"),
        (Filters(since=dt.date(2024, 11, 1)), None, "last"),
        (Filters(outlet="antara"), None, "articles"),
    ],
)
def test_officials_are_the_same(
    both: tuple[Source, Source], filters: Filters, role: str | None, sort: str
) -> None:
    files, index = both
    on_files = files.officials(filters, role=role, sort=sort)
    assert on_files or role
    assert dumped(index.officials(filters, role=role, sort=sort)) == dumped(on_files)


@pytest.mark.parametrize("name", ["laura", "azmin", "bambang", "winarto", "zzqx"])
def test_people_and_their_quotes_are_the_same(both: tuple[Source, Source], name: str) -> None:
    files, index = both
    on_files, on_index = files.people(name), index.people(name)
    assert dumped(on_index.found) == dumped(on_files.found)
    for person in on_files.found:
        assert on_index.detail(person) == on_files.detail(person)


def test_a_person_detail_has_their_quotes_only(both: tuple[Source, Source]) -> None:
    files, _ = both
    (laura,) = files.people("laura").found
    detail = files.people("laura").detail(laura)
    assert detail.official.name == "Asmin Laura Hafid"
    assert detail.quotes and {h.quote.speaker for h in detail.quotes} == {"Asmin Laura Hafid"}
    assert len(files.people("bambang").found) == 2


@pytest.mark.parametrize("ident", ["003", "004_98248c8704711b6f"])
def test_find_is_the_same(both: tuple[Source, Source], ident: str) -> None:
    files, index = both
    assert index.find(ident) == files.find(ident)
    assert files.find(ident).id.startswith(ident)


@pytest.mark.parametrize("ident", ["nope", "00"])
def test_find_fails_alike(both: tuple[Source, Source], ident: str) -> None:
    files, index = both
    with pytest.raises(CorpusError) as on_files:
        files.find(ident)
    with pytest.raises(CorpusError) as on_index:
        index.find(ident)
    assert str(on_index.value) == str(on_files.value)


@pytest.mark.parametrize(
    "filters", [Filters(), Filters(place="kukar"), Filters(official="laura")], ids=str
)
def test_search_finds_the_same_articles(both: tuple[Source, Source], filters: Filters) -> None:
    files, index = both
    for query, regex in (("netralitas", False), ("1[0-9] hari", True), ("aman", False)):
        on_files = {h.article_id for h in files.search(query, filters, regex=regex)}
        on_index = {h.article_id for h in index.search(query, filters, regex=regex)}
        assert on_index == on_files, query
    assert len(files.search("pilkada", limit=2)) == len(index.search("pilkada", limit=2)) == 2


def test_a_regular_expression_on_the_index_reads_the_index(
    run: Run, tmp_path: Path, seed_files: list[Path]
) -> None:
    folder = tmp_path / "one"
    folder.mkdir()
    (folder / "a.txt").write_bytes(seed_files[4].read_bytes())
    db = tmp_path / "one.db"
    assert run("index", str(folder), "--db", str(db)).exit_code == 0
    hits = IndexSource(db).search("[0-9]+ hari", regex=True, limit=None)
    assert [h.article_id for h in hits] == ["a"]  # not the seeds


def test_summaries_and_charts_are_the_same(both: tuple[Source, Source]) -> None:
    files, index = both
    for filters in (Filters(), Filters(place="kukar"), Filters(outlet="antara")):
        assert index.summary(filters, top=3) == files.summary(filters, top=3)
        for kind in ("timeline", "outlets", "speakers"):
            assert index.chart(kind, filters) == files.chart(kind, filters)


def test_a_pass_over_the_index_goes_through_its_watch(index: Path) -> None:
    seen: list[int] = []

    def watch(stream: Iterable[T], total: Callable[[], int]) -> Iterable[T]:
        seen.append(total())
        return stream

    source = IndexSource(index, watch=watch)
    assert len(list(source.articles())) == 5
    assert len(list(source.listing(Filters(outlet="antara")))) == 1
    source.quotes(by="laura")  # candidates looked up: no pass over every article
    source.people("laura")
    assert seen == [5, 1]


def test_the_source_is_chosen_as_the_commands_choose_it(
    corpus_dir: Path, index: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert isinstance(sources.open_source(None, None), FileSource)  # no index: the seeds
    assert len(list(sources.open_source(None, None).articles())) == 5
    chosen = sources.open_source(None, str(index))
    assert isinstance(chosen, IndexSource) and chosen.index == index
    files = sources.open_source(str(corpus_dir), str(index))  # a corpus named reads files
    assert isinstance(files, FileSource) and files.index is None
    monkeypatch.setenv("PILKADA_DB", str(index))
    assert isinstance(sources.open_source(None, None), IndexSource)
    monkeypatch.setenv("PILKADA_DB", str(index.parent / "none.db"))
    with pytest.raises(sources.SourceUsageError) as named_by_env:
        sources.open_source(None, None)
    assert named_by_env.value.option == "$PILKADA_DB"
    with pytest.raises(sources.SourceUsageError) as named:
        sources.open_source(None, str(index.parent / "none.db"))
    assert named.value.option == "'--db'" and "no index at" in str(named.value)


def test_files_that_give_no_article(tmp_path: Path, corpus_dir: Path) -> None:
    (corpus_dir / "empty.txt").write_bytes(b"")
    warned: list[str] = []
    source = FileSource(str(corpus_dir), warn=warned.append)
    assert source.count() == 5
    assert warned == [f"{corpus_dir / 'empty.txt'}: empty file (skipped)"]
    assert [str(f) for f in source.failures] == [warned[0].removesuffix(" (skipped)")]
    lone = tmp_path / "lone"
    lone.mkdir()
    (lone / "empty.txt").write_bytes(b"")
    with pytest.raises(sources.SourceError, match="empty file"):
        FileSource(str(lone)).count()
    with pytest.raises(sources.SourceUsageError) as missing:
        FileSource(str(tmp_path / "nowhere")).count()
    assert missing.value.option == "'--corpus'"


def test_a_source_of_files_has_no_index_to_check(corpus_dir: Path, index: Path) -> None:
    with pytest.raises(sources.SourceUsageError, match="no index to check"):
        FileSource(str(corpus_dir)).check()
    assert IndexSource(index).check().articles == 5


def test_an_index_that_cannot_be_opened_is_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    with pytest.raises(sources.SourceError) as opened:
        IndexSource(bad)
    assert "\n" not in str(opened.value)


# --- the command line: one decorator gives every reading command its source and filters ---

READING = ["list", "search", "quotes", "officials", "summarise", "plot", "export"]


def test_every_reading_command_declares_the_same_source_and_filters() -> None:
    from pilkada.cli import cli

    def options(name: str) -> list[str]:
        return [opt for p in cli.commands[name].params for opt in p.opts if opt.startswith("--")]

    shared = ["--db", "--corpus", "--outlet", "--place", "--since", "--until"]
    for name in READING:
        mine = options(name)
        assert [o for o in mine if o in shared] == shared, name
        assert ("--official" in mine) == (name == "search"), name
    assert options("search").index("--official") == options("search").index("--db") - 1
    assert [o for o in options("show") if o in shared] == ["--db", "--corpus"]


@pytest.mark.parametrize("command", [["list"], ["quotes", "--by", "laura"], ["officials", "laura"]])
def test_since_after_until_is_refused_alike(
    run: Run, corpus_dir: Path, index: Path, command: list[str]
) -> None:
    dates = ["--since", "2024-11-01", "--until", "2024-10-01"]
    for where in (["--corpus", str(corpus_dir)], ["--db", str(index)]):
        result = run(*command, *where, *dates)
        assert result.exit_code == 2, result.output
        assert result.stderr == (
            "Error: Invalid value for '--since': 2024-11-01 is after --until 2024-10-01\n"
        )


@pytest.mark.parametrize(
    "command",
    [
        ["list", "--place", "kukar", "--json"],
        ["search", "--regex", "netral", "--official", "laura", "--json"],  # ranked alike
        ["search", "--regex", "1[0-9] hari", "--place", "tenggarong", "--json"],
        ["quotes", "--role", "kapolda", "--json"],
        ["officials", "--place", "kukar", "--json"],
        ["officials", "winarto", "--json"],
        ["show", "laura", "--json"],
        ["summarise", "--json", "--top", "3"],
        ["summarise", "004", "--json", "--outlet", "antara"],  # an ID whatever the filters
        ["export", "--format", "jsonl", "--out", "-", "--since", "2024-11-01"],
    ],
)
def test_commands_print_the_same_from_files_and_from_the_index(
    run: Run, corpus_dir: Path, index: Path, command: list[str]
) -> None:
    on_files = run(*command, "--corpus", str(corpus_dir))
    on_index = run(*command, "--db", str(index))
    assert on_files.exit_code == on_index.exit_code == 0, on_files.output + on_index.output
    assert on_index.stdout == on_files.stdout


# --- a larger corpus: the seeds, the dev set and the test fixtures -----------------------------

FIXTURES = Path(__file__).parent / "fixtures"
DEVSET = Path("/work/shared/devset")
WIDE = [
    Filters(),
    Filters(outlet="antara"),
    Filters(place="kukar"),
    Filters(place="jakarta"),
    Filters(since=dt.date(2024, 11, 1)),
    Filters(until=dt.date(2024, 10, 31)),
    Filters(official="laura"),
    Filters(official="bambang", since=dt.date(2024, 9, 1)),
]


@pytest.fixture(scope="module")
def wide(tmp_path_factory: pytest.TempPathFactory) -> tuple[Source, Source]:
    """The seeds, the dev set and every article of the test fixtures, from their files and
    from the index of them."""
    from pilkada import ingest

    folder = tmp_path_factory.mktemp("wide") / "berita"
    folder.mkdir()
    texts = sorted((FIXTURES.parents[1] / "seeds").glob("*.txt"))
    for where in (DEVSET, *sorted(p for p in FIXTURES.iterdir() if p.is_dir())):
        texts += sorted(where.glob("*.txt"))
    distinct = {path.read_bytes(): path for path in texts}  # the index keeps a text once
    for k, (text, path) in enumerate(distinct.items()):
        (folder / f"{k:03d}-{path.parent.name}-{path.name}").write_bytes(text)
    db = folder.parent / "index.db"
    ingest.ingest(db, [str(folder)], jobs=1)
    return FileSource(str(folder)), IndexSource(db)


@pytest.mark.parametrize("filters", WIDE, ids=str)
def test_a_summary_of_the_index_is_the_summary_of_its_articles(
    wide: tuple[Source, Source], filters: Filters
) -> None:
    files, index = wide
    assert files.summary(filters).articles > 0 or filters.place == "jakarta"
    for top in (3, 10, 50):
        assert index.summary(filters, top=top) == files.summary(filters, top=top)
    for unit in ("day", "week", "month"):
        assert index.summary(filters, unit=unit) == files.summary(filters, unit=unit)
    for kind in ("timeline", "outlets", "regions", "speakers"):
        assert index.chart(kind, filters) == files.chart(kind, filters)
    assert index.chart("quotes", filters, by="laura") == files.chart("quotes", filters, by="laura")


@pytest.mark.parametrize("sort", sources.SORTS)
def test_the_people_of_the_index_are_the_roster_of_its_articles(
    wide: tuple[Source, Source], sort: str
) -> None:
    files, index = wide
    for role, place in ((None, None), ("bupati", None), (None, "kukar"), ("ketua", "nunukan")):
        filters = Filters(place=place)  # the people's place, not the articles'
        on_files = dumped(files.officials(filters, role=role, sort=sort))
        assert on_files or role
        assert dumped(index.officials(filters, role=role, sort=sort)) == on_files
        for name in ("laura", "bambang", "winarto", "ahmad"):
            found = files.people(name, filters, role=role, sort=sort)
            there = index.people(name, filters, role=role, sort=sort)
            assert dumped(there.found) == dumped(found.found)
            for person in found.found:
                assert there.detail(person) == found.detail(person)


@pytest.mark.parametrize("filters", WIDE[1:], ids=str)
@pytest.mark.parametrize("sort", ["quotes", "name"])
def test_the_people_under_filters_are_those_the_filtered_articles_show(
    wide: tuple[Source, Source], filters: Filters, sort: str
) -> None:
    """The index counts the mentions of the filtered articles by the person the whole index
    resolved them to, the files side builds a roster of the filtered articles alone: the same
    here. They part only where the filtered articles alone would resolve people otherwise
    (``test_the_people_under_filters_keep_their_resolved_name``)."""
    files, index = wide
    on_files = dumped(files.officials(filters, sort=sort))
    assert on_files or filters.place == "jakarta"
    assert dumped(index.officials(filters, sort=sort)) == on_files


SHORT = (
    "Laura Minta ASN Netral\n\nAntara, NUNUKAN – Bupati Nunukan Laura meminta seluruh ASN"
    " menjaga netralitas menjelang Pilkada pada Jumat (1/11/2024).\n\n"
    '"ASN harus netral," kata Bupati Nunukan Laura.\n'
)
FULL = (
    "Asmin Laura Hafid Tinjau TPS\n\nAntara, NUNUKAN – Bupati Nunukan Asmin Laura Hafid"
    " meninjau kesiapan TPS menjelang Pilkada pada Selasa (5/11/2024).\n\n"
    '"Semua siap," kata Bupati Nunukan Asmin Laura Hafid.\n'
)


def test_the_people_under_filters_keep_their_resolved_name(tmp_path: Path) -> None:
    """Where the filtered articles alone would name a person otherwise, the index keeps the
    name the whole index resolved them by: the short form of the first article is Asmin Laura
    Hafid in the index, and "Laura" in a roster of that article alone. All else of the row
    (forms, roles, counts) is what the filtered articles show, on both sides."""
    from pilkada import ingest

    folder = tmp_path / "berita"
    folder.mkdir()
    (folder / "a.txt").write_text(SHORT)
    (folder / "b.txt").write_text(FULL)
    ingest.ingest(tmp_path / "index.db", [str(folder)], jobs=1)
    files, index = FileSource(str(folder)), IndexSource(tmp_path / "index.db")
    (whole,) = dumped(index.officials())
    assert dumped(files.officials()) == [whole] and whole["name"] == "Asmin Laura Hafid"
    early = Filters(until=dt.date(2024, 11, 2))
    (on_files,) = dumped(files.officials(early))
    (on_index,) = dumped(index.officials(early))
    assert on_files["name"] == "Laura" and on_index["name"] == "Asmin Laura Hafid"
    assert {**on_index, "name": "Laura"} == on_files
    assert on_index["articles"] == ["a"] and on_index["forms"] == ["Laura", "Bupati Nunukan Laura"]


def test_officials_and_summaries_of_the_index_decode_no_article(
    wide: tuple[Source, Source], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The people and the summary of an index are read from its tables; ``officials NAME``
    decodes only the articles of the person it fits."""
    from pilkada.store import query

    _, index = wide
    decoded: list[int] = []
    real = query.decode

    def counted(data: bytes) -> object:
        decoded.append(1)
        return real(data)

    monkeypatch.setattr(query, "decode", counted)
    for filters in WIDE:
        list(index.officials(filters, role="ketua"))
        index.summary(filters)
        index.chart("regions", filters)
    assert decoded == []
    (laura,) = index.people("laura").found
    assert len(decoded) == len(laura.articles) > 0
