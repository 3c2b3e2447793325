"""`pilkada index`, and every command reading the index instead of files."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import Result

Run = Callable[..., Result]
IDS = [
    "000_722f0501b75caf7e",
    "001_dc520509730166cf",
    "002_efa76e8ac3ecdc46",
    "003_e3d696af9c73c6e7",
    "004_98248c8704711b6f",
]


def ok(result: Result) -> str:
    assert result.exit_code == 0, result.output
    return result.stdout


def one_line_error(result: Result, code: int, *words: str) -> str:
    assert result.exit_code == code, result.output
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.stderr
    for word in words:
        assert word in lines[0]
    return lines[0]


@pytest.fixture
def index(run: Run, corpus_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The seeds indexed, and PILKADA_DB pointing at the index."""
    db = corpus_dir.parent / "index.db"
    ok(run("index", str(corpus_dir), "--db", str(db)))
    monkeypatch.setenv("PILKADA_DB", str(db))
    return db


def without_source(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if not line.startswith("source: "))


def test_index_prints_what_it_did(run: Run, corpus_dir: Path, tmp_path: Path) -> None:
    db = tmp_path / "i.db"
    out = ok(run("index", str(corpus_dir), "--db", str(db)))
    assert out.splitlines() == [
        f"index: {db}",
        "files: 5",
        "added: 5",
        "updated: 0",
        "unchanged: 0",
        "duplicates: 0",
        "failed: 0",
        "articles in the index: 5",
    ]
    report = json.loads(ok(run("index", str(corpus_dir), "--db", str(db), "--json")))
    assert (report["unchanged"], report["added"], report["articles"]) == (5, 0, 5)


def test_index_goes_to_pilkada_db_or_the_per_user_folder(
    run: Run, corpus_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PILKADA_DB", str(tmp_path / "env.db"))
    ok(run("index", str(corpus_dir)))
    assert (tmp_path / "env.db").is_file()
    monkeypatch.delenv("PILKADA_DB")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    ok(run("index", str(corpus_dir)))
    assert (tmp_path / "data" / "pilkada" / "index.db").is_file()
    assert "articles: 5" in ok(run("summarise"))  # read from the per-user index


def test_failures_are_warned_and_written_with_errors(
    run: Run, corpus_dir: Path, tmp_path: Path
) -> None:
    (corpus_dir / "empty.txt").write_bytes(b"")
    (corpus_dir / "bad.jsonl").write_text('{"text": "x"\n{"title": "no text"}\n')
    errors = tmp_path / "errors.tsv"
    result = run("index", str(corpus_dir), "--db", str(tmp_path / "i.db"), "--errors", str(errors))
    assert "failed: 3" in ok(result)
    assert result.stderr.count("Warning: ") == 3
    assert "empty.txt: empty file (skipped)" in result.stderr
    written = errors.read_text().splitlines()
    assert len(written) == 3
    assert any(line.startswith(f"{corpus_dir / 'bad.jsonl'}:2\t") for line in written)


def test_index_errors_are_one_line(run: Run, tmp_path: Path) -> None:
    one_line_error(run("index", "nope", "--db", str(tmp_path / "i.db")), 2, "no such file")
    (tmp_path / "junk.db").write_bytes(b"junk" * 1000)
    seeds = str(Path(__file__).resolve().parents[1] / "seeds")
    one_line_error(run("index", seeds, "--db", str(tmp_path / "junk.db")), 1, "--rebuild")
    assert "added: 5" in ok(run("index", seeds, "--db", str(tmp_path / "junk.db"), "--rebuild"))


def test_a_busy_index_is_said_so(run: Run, corpus_dir: Path, tmp_path: Path) -> None:
    from pilkada.ingest import _Lock

    db = tmp_path / "i.db"
    with _Lock(db):
        one_line_error(run("index", str(corpus_dir), "--db", str(db)), 1, "busy")


def test_list_reads_the_index(run: Run, index: Path, corpus_dir: Path) -> None:
    from_index = ok(run("list"))
    assert from_index == ok(run("list", "--corpus", str(corpus_dir)))
    filters = ["--since", "2024-11-01", "--place", "kukar", "--outlet", "."]
    assert ok(run("list", *filters)) == ok(run("list", *filters, "--corpus", str(corpus_dir)))
    (corpus_dir / IDS[0]).with_suffix(".txt").unlink()  # the index does not read files
    assert ok(run("list")) == from_index


def test_a_listing_of_the_index_reads_no_article_whole(
    run: Run, index: Path, corpus_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pilkada import store

    files = {
        options: ok(run("list", *options, "--corpus", str(corpus_dir)))
        for options in [
            (),
            ("--outlet", "ANTARA"),
            ("--since", "2024-11-01"),
            ("--until", "2024-11-01"),
        ]
    }
    assert all(len(out.splitlines()) >= 2 for out in files.values())

    def whole(data: bytes) -> None:
        raise AssertionError("an article was read whole")

    monkeypatch.setattr(store.query, "decode", whole)
    for options, out in files.items():
        assert ok(run("list", *options)) == out
    with pytest.raises(AssertionError, match="read whole"):  # doubts are not in the listing
        run("list", "--doubtful")


def test_show_and_its_errors_on_the_index(run: Run, index: Path, corpus_dir: Path) -> None:
    assert without_source(ok(run("show", "003"))) == without_source(
        ok(run("show", "003", "--corpus", str(corpus_dir)))
    )
    shown = json.loads(ok(run("show", "004", "--json")))
    assert shown["id"] == IDS[4] and shown["source"] == str(corpus_dir / f"{IDS[4]}.txt")
    assert "name: Asmin Laura Hafid" in ok(run("show", "laura"))  # a person, from the index
    one_line_error(run("show", "nope"), 2, "no article 'nope'")


def test_search_on_the_index(run: Run, index: Path) -> None:
    rows = ok(run("search", "pilih")).splitlines()
    assert rows[0] == "id\tdate\toutlet\tscore\ttitle\tsnippet"
    assert len(rows) == 6 and "[Pemilihan]" in "".join(rows)
    hits = json.loads(ok(run("search", "aman", "--json")))
    marked = {h["snippet"][s:e].lower() for h in hits for s, e in h["highlights"]}
    assert {"aman", "keamanan"} <= marked

    def ids(*options: str) -> list[str]:
        return [h["article_id"] for h in json.loads(ok(run("search", "aman", *options, "--json")))]

    assert ids("--official", "laura") == [IDS[2]]
    assert ids("--outlet", "antara") == [IDS[3]]
    in_kukar = [line.split("\t")[0] for line in ok(run("list", "--place", "kukar")).splitlines()]
    assert sorted(ids("--place", "kukar")) == sorted(in_kukar[1:])
    assert ids("--since", "2024-11-01", "--until", "2024-11-10") == [IDS[4]]
    one = json.loads(ok(run("search", "aman", "--limit", "1", "--json")))
    assert len(one) == 1
    regex = ok(run("search", "--regex", "1[0-9] hari"))
    assert regex.splitlines()[1].startswith(IDS[4])


def test_a_broad_search_says_how_it_ranked(
    run: Run, index: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pilkada import store

    result = run("search", "pilkada")
    assert result.exit_code == 0 and result.stderr == ""
    monkeypatch.setattr(store.rank, "BROAD", 2)
    result = run("search", "pilkada", "--limit", "2")
    assert result.exit_code == 0
    assert len(result.stdout.splitlines()) == 1 + 2  # the header and the 2 indexed last
    assert result.stderr.startswith("note: a term of this search is in more than 2 articles")
    assert len(ok(run("search", "pilkada")).splitlines()) == 1 + 5  # read on, 2 at a time
    every = run("search", "pilkada", "--limit", "0")
    assert len(every.stdout.splitlines()) == 1 + 5 and every.stderr == ""


@pytest.mark.parametrize(
    "query",
    [
        "kabupaten/kota",
        "pilkada-2024",
        "Rp1,5",
        "Jum'at",
        "dll.",
        "100%",
        '"unbalanced',
        "a AND",
        "((x",
        "OR",
    ],
)
def test_hostile_queries_on_the_index_never_give_a_traceback(
    run: Run, index: Path, query: str
) -> None:
    result = run("search", query)
    assert "Traceback" not in result.output
    if result.exit_code:
        one_line_error(result, 2, "QUERY")


@pytest.mark.parametrize(
    ("args", "where"),
    [
        (["show", "ma\udcffruf"], "'ID'"),
        (["list", "--outlet", "\udcff"], "'--outlet'"),
        (["list", "--place", "x\udcff"], "'--place'"),
        (["search", "pilkada\udcff"], "'QUERY'"),
        (["search", "pilkada", "--official", "\udcff"], "'--official'"),
        (["quotes", "\udcff"], "'[QUERY]'"),
        (["quotes", "--by", "laura\udcff"], "'--by'"),
        (["quotes", "--role", "\udcff"], "'--role'"),
        (["officials", "\udcff"], "'[NAME]'"),
        (["summarise", "\udcff"], "'[ID]'"),
    ],
)
def test_text_that_is_not_utf8_is_a_usage_error_on_the_index_and_on_files(
    run: Run, index: Path, corpus_dir: Path, args: list[str], where: str
) -> None:
    # a terminal in another encoding hands Python such text ("\xff" as "\udcff")
    for extra in ([], ["--corpus", str(corpus_dir)]):
        line = one_line_error(run(*args, *extra), 2, where, "not valid UTF-8 text")
        assert "\\xff" in line


def test_a_query_with_nothing_to_find_is_a_usage_error(run: Run, index: Path) -> None:
    one_line_error(run("search", "%%"), 2, "no words to search for")
    one_line_error(run("search", "NOT kampanye"), 2, "NOT needs something")


def test_quotes_on_the_index(run: Run, index: Path, corpus_dir: Path) -> None:
    assert ok(run("quotes", "--by", "laura")) == ok(
        run("quotes", "--by", "laura", "--corpus", str(corpus_dir))
    )
    found = json.loads(ok(run("quotes", "netral", "--json")))
    assert {h["article_id"] for h in found} == {IDS[2], IDS[3], IDS[4]}
    assert all("netral" in h["quote"]["text"].lower() for h in found)
    by_role = json.loads(ok(run("quotes", "netral", "--role", "kapolda", "--json")))
    assert [h["quote"]["speaker"] for h in by_role] == ["Winarto"]


def test_quotes_by_a_speaker_on_the_index_are_those_the_files_give(
    run: Run, index: Path, corpus_dir: Path
) -> None:
    files = ["--corpus", str(corpus_dir)]
    for options in (
        ["--by", "laura"],  # found through the index's speaker names
        ["--by", "Bambang Arwanto", "--json"],
        ["--by", "winarta"],  # misspelt: found by its first letters, as the files find it
        ["--by", "azmin"],  # misspelt in its first three letters: found by the words close to it
        ["--role", "kapolda"],
        ["--by", "laura", "--role", "kapolda"],  # nobody: said so, as with files
    ):
        on_index, on_files = run("quotes", *options), run("quotes", *options, *files)
        assert (on_index.exit_code, on_index.stdout) == (on_files.exit_code, on_files.stdout)
    assert "Winarto" in ok(run("quotes", "--by", "winarta"))
    assert "Asmin Laura Hafid" in ok(run("quotes", "--by", "azmin"))


MARKED_NAMES = """Pilkada Damai di Kota Bogor

BOGOR - Wakil Presiden Ma'ruf Amin meminta warga menjaga kedamaian selama Pilkada 2024.

"Kita harus menjaga persatuan," kata Ma'ruf Amin di Bogor, Senin (4/11/2024).

Ketua KPU Kota Bogor Muhammad Al-Habsyi mengatakan logistik sudah siap.

"Semua logistik sudah kami distribusikan," ujar Al-Habsyi.
"""

PLAIN_NAMES = """Pengawasan Pilkada di Kota Bogor

BOGOR - Ketua Bawaslu Kota Bogor Maruf Hidayat menyebut pengawasan berjalan.

"Kami awasi semua TPS," kata Maruf di Bogor, Selasa (5/11/2024).
"""


@pytest.mark.parametrize(
    "name", ["Maruf", "Ma'ruf", "ma’ruf amin", "Alhabsyi", "Al-Habsyi", "Habsyi"]
)
def test_names_the_index_cuts_at_a_mark_are_found_as_in_files(
    run: Run, tmp_path: Path, name: str
) -> None:
    folder = tmp_path / "marked"
    folder.mkdir()
    (folder / "marked.txt").write_text(MARKED_NAMES, encoding="utf-8")
    (folder / "plain.txt").write_text(PLAIN_NAMES, encoding="utf-8")  # each found by the other
    db = tmp_path / "marked.db"
    ok(run("index", str(folder), "--db", str(db)))
    on_files = ok(run("quotes", "--by", name, "--json", "--corpus", str(folder)))
    assert json.loads(on_files)  # the tolerant match finds someone
    assert ok(run("quotes", "--by", name, "--json", "--db", str(db))) == on_files


def test_names_and_roles_on_the_index_never_read_every_article(
    run: Run, index: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pilkada import cli

    def every_article(*args: object, **kwargs: object) -> None:
        raise AssertionError("every article of the index was read")

    monkeypatch.setattr(cli, "_article_stream", every_article)
    assert "Winarto" in ok(run("quotes", "--role", "kapolda"))
    nobody = run("quotes", "--by", "zzqx")
    assert nobody.exit_code == 0 and "Winarto" not in nobody.stdout
    assert run("show", "zzqx").exit_code == 2
    assert "nor a person's name" in run("show", "zzqx").stderr
    assert json.loads(ok(run("officials", "zzqx", "--json"))) == []
    assert "Laura" in ok(run("show", "laura"))
    person = json.loads(ok(run("officials", "azmin", "--json")))  # the one person it fits
    assert person["official"]["name"] == "Asmin Laura Hafid"


def test_a_pass_over_the_whole_index_shows_its_progress(
    run: Run, index: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from contextlib import contextmanager

    from pilkada import cli, render

    seen: list[tuple[int, int]] = []

    @contextmanager
    def bar(label: str, unit: str) -> Iterator[Callable[[int, int], None]]:
        assert (label, unit) == ("reading", "articles")
        yield lambda done, total: seen.append((done, total))

    monkeypatch.setattr(render, "progress_bar", bar)
    monkeypatch.setattr(cli, "PROGRESS_EVERY", 2)
    ok(run("search", "--regex", "pilkada", "--json"))
    assert seen == [(2, 5), (4, 5)]
    seen.clear()
    ok(run("search", "--regex", "pilkada", "--json", "--since", "2024-11-01"))
    assert seen and all(total < 5 for _, total in seen)  # the total counts what passes
    seen.clear()
    ok(run("officials", "--json"))  # the people and the summary read no article
    ok(run("summarise", "--json", "--since", "2024-11-01"))
    assert seen == []


@pytest.mark.parametrize(
    ("args", "renderer"), [(["list"], "rows"), (["list", "--json"], "records")]
)
def test_a_command_failing_midway_takes_its_progress_bar_down_before_the_error(
    run: Run, index: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], renderer: str
) -> None:
    from contextlib import contextmanager

    import click

    from pilkada import cli, output, render

    events: list[str] = []

    @contextmanager
    def bar(label: str, unit: str) -> Iterator[Callable[[int, int], None]]:
        try:
            yield lambda done, total: events.append("shown")
        finally:
            events.append("gone")

    def failing(items: Iterator[object], *args: object, **kwargs: object) -> None:
        for k, _ in enumerate(items):
            if k == 2:  # a disk that fills halfway through an export, say
                raise click.ClickException("no space left")

    show = click.ClickException.show

    def showing(self: click.ClickException, file: object = None) -> None:
        events.append("error")
        show(self)

    monkeypatch.setattr(render, "progress_bar", bar)
    monkeypatch.setattr(output, renderer, failing)
    monkeypatch.setattr(click.ClickException, "show", showing)
    monkeypatch.setattr(cli, "PROGRESS_EVERY", 1)
    result = run(*args)
    assert result.exit_code == 1 and "no space left" in result.stderr
    assert events[0] == "shown" and events[-2:] == ["gone", "error"]


def damaged(index: Path) -> None:
    """Zero the second half of the index's pages, as a disk or a copy cut short might."""
    data = bytearray(index.read_bytes())
    size = int.from_bytes(data[16:18], "big")  # the page size, in the file's header
    half = len(data) // size // 2 * size
    data[half:] = bytes(len(data) - half)
    index.write_bytes(bytes(data))


@pytest.mark.parametrize(
    "args",
    [
        ["list", "--json"],
        ["search", "aman"],
        ["show", "002"],
        ["quotes", "--by", "laura"],
        ["officials"],
        ["summarise"],
        ["export", "--format", "jsonl", "--out", "{tmp}/out.jsonl"],
    ],
)
def test_an_index_damaged_on_disk_is_a_one_line_error(
    run: Run, index: Path, args: list[str], tmp_path: Path
) -> None:
    damaged(index)
    result = run(*(a.format(tmp=tmp_path) for a in args))
    line = one_line_error(result, 1, "malformed", "--rebuild")
    assert not (tmp_path / "out.jsonl").exists()  # no export half-written
    assert line.startswith(f"Error: the index {index} is damaged")


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("SQLITE_BUSY", ["locked by another program", "run this again"]),
        ("SQLITE_IOERR_SHORT_READ", ["cannot use the index"]),
        ("SQLITE_FULL", ["cannot use the index"]),
    ],
)
def test_an_index_locked_or_out_of_disk_says_so_without_a_rebuild(
    run: Run, index: Path, monkeypatch: pytest.MonkeyPatch, name: str, words: list[str]
) -> None:
    import sqlite3

    from pilkada import store

    def failing(*args: object, **kwargs: object) -> None:
        exc = sqlite3.OperationalError("the error SQLite gave")
        exc.sqlite_errorname = name  # type: ignore[attr-defined]
        raise exc

    monkeypatch.setattr(store, "iter_listing", failing)
    line = one_line_error(run("list"), 1, str(index), *words)
    assert "--rebuild" not in line


def test_an_error_of_pilkada_itself_is_not_blamed_on_the_index(
    run: Run, index: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sqlite3

    from pilkada import store

    def failing(*args: object, **kwargs: object) -> None:
        raise sqlite3.ProgrammingError("Incorrect number of bindings supplied")

    monkeypatch.setattr(store, "iter_listing", failing)
    with pytest.raises(sqlite3.ProgrammingError):  # a bug: no advice to rebuild
        run("list")


def test_speaking_articles_are_found_by_the_speaker_column(index: Path) -> None:
    from pilkada import store

    conn = store.connect(index)
    found = list(store.speaking_articles(conn, "laura"))
    assert [a.id for a in found] == [IDS[2]]
    assert len(found[0].quotes) == 2  # all its quotes, not only Laura's
    assert [a.id for a in store.speaking_articles(conn, "lauri")] == [IDS[2]]  # a wide net
    assert [a.id for a in store.naming_articles(conn, "lauri hafit")] == [IDS[2]]
    assert store.naming_articles(conn, "...") == []
    assert list(store.speaking_articles(conn, "nobody here")) == []
    assert list(store.speaking_articles(conn, "...")) == []


def test_summarise_officials_and_export_read_the_index(
    run: Run, index: Path, corpus_dir: Path, tmp_path: Path
) -> None:
    files = ["--corpus", str(corpus_dir)]
    assert ok(run("summarise")) == ok(run("summarise", *files))
    assert ok(run("summarise", "004")) == ok(run("summarise", "004", *files))
    assert ok(run("summarise", "--json", "--outlet", "antara")) == ok(
        run("summarise", "--json", "--outlet", "antara", *files)
    )
    one_line_error(run("summarise", "nope"), 2, "no article 'nope'")
    for options in ([], ["--json"], ["--since", "2024-11-01"], ["--place", "kukar", "--json"]):
        assert ok(run("list", *options)) == ok(run("list", *options, *files))
    assert ok(run("officials")) == ok(run("officials", *files))
    for options in (["laura"], ["winarta", "--json"], ["--role", "bupati"], ["bambang"]):
        on_index, on_files = run("officials", *options), run("officials", *options, *files)
        assert (on_index.stdout, on_index.stderr) == (on_files.stdout, on_files.stderr)
    for who in ("laura", "winarta", "bambang", "nobody"):
        on_index, on_files = run("show", who), run("show", who, *files)
        assert (on_index.exit_code, on_index.stdout) == (on_files.exit_code, on_files.stdout)
    ok(run("export", "--format", "jsonl", "--out", str(tmp_path / "a.jsonl")))
    exported = [json.loads(line) for line in (tmp_path / "a.jsonl").read_text().splitlines()]
    assert sorted(a["id"] for a in exported) == IDS


def test_db_names_the_index_before_or_after_the_command(
    run: Run, corpus_dir: Path, tmp_path: Path
) -> None:
    db = tmp_path / "elsewhere.db"
    ok(run("index", str(corpus_dir / f"{IDS[3]}.txt"), "--db", str(db)))
    assert len(ok(run("list", "--db", str(db))).splitlines()) == 2
    assert len(ok(run("--db", str(db), "list")).splitlines()) == 2
    assert len(ok(run("list")).splitlines()) == 6  # no --db, no index: the seeds
    one_line_error(run("list", "--db", str(tmp_path / "nope.db")), 2, "no index at", "--db")


def test_corpus_always_reads_files(run: Run, index: Path) -> None:
    seed = Path(__file__).resolve().parents[1] / "seeds" / f"{IDS[3]}.txt"
    assert len(ok(run("list", "--corpus", str(seed))).splitlines()) == 2


def another_parser(monkeypatch: pytest.MonkeyPatch, stamp: str, mark: str) -> None:
    """The parser as a later pilkada's: another stamp, and titles that show it."""
    from pilkada import stamp as parser_stamp
    from pilkada import store

    made = store.record

    def record(article: object, key: str) -> object:
        title = f"{mark} {article.title or ''}"  # type: ignore[attr-defined]
        return made(article.model_copy(update={"title": title}), key)  # type: ignore[attr-defined]

    monkeypatch.setattr(parser_stamp, "current", lambda: stamp)
    monkeypatch.setattr(store, "record", record)


def stored(db: Path) -> list[tuple[str, str, str]]:
    from pilkada import store

    conn = store.connect(db)
    return [
        (a.id, a.title or "", s) for a, s in zip(store.articles(conn), stamps(conn), strict=True)
    ]


def stamps(conn: object) -> list[str]:
    sql = "SELECT stamp FROM articles ORDER BY published, id"
    return [s for (s,) in conn.execute(sql)]  # type: ignore[attr-defined]


def test_index_re_parses_what_another_parser_stored(
    run: Run, index: Path, corpus_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pilkada import stamp

    before = stored(index)
    assert {s for _, _, s in before} == {stamp.current()}
    another_parser(monkeypatch, "0123456789abcdef", "BARU")
    out = ok(run("index", str(corpus_dir)))
    assert "re-parsed: 5 (stored by another parser)" in out.splitlines()
    assert "unchanged: 0" in out.splitlines()
    after = stored(index)
    assert [i for i, _, _ in after] == [i for i, _, _ in before]  # the same ids
    assert [t for _, t, _ in after] == [f"BARU {t}" for _, t, _ in before]
    assert {s for _, _, s in after} == {"0123456789abcdef"}
    hits = json.loads(ok(run("search", "baru", "--json")))
    assert len(hits) == 5
    # the same stamp again: nothing is re-parsed
    out = ok(run("index", str(corpus_dir)))
    assert "re-parsed" not in out and "unchanged: 5" in out.splitlines()
    assert stored(index) == after
    ok(run("check"))


def test_an_unchanged_stamp_re_parses_nothing(
    run: Run, index: Path, corpus_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = stored(index)
    result = run("index", str(corpus_dir), "--json")
    report = json.loads(ok(result))
    assert (report["reparsed"], report["unchanged"], report["added"]) == (0, 5, 0)
    assert stored(index) == before


def test_files_elsewhere_are_re_parsed_and_a_gone_one_is_kept_with_a_warning(
    run: Run, corpus_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Articles from files not under the paths given (a .jsonl too) are re-parsed from where
    they were indexed; a file gone from there is a warning, and its article is kept."""
    other = tmp_path / "lain"
    other.mkdir()
    seeds = sorted(corpus_dir.glob("*.txt"))
    lines = [json.dumps({"text": seeds[0].read_text(encoding="utf-8") + "\nTambahan."})]
    (other / "scrape.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    seeds[1].rename(other / seeds[1].name)
    db = tmp_path / "i.db"
    ok(run("index", str(corpus_dir), str(other), "--db", str(db)))
    assert len(stored(db)) == 6
    another_parser(monkeypatch, "0123456789abcdef", "BARU")
    result = run("index", str(corpus_dir), "--db", str(db))
    assert "re-parsed: 6 (stored by another parser)" in ok(result).splitlines()
    assert all(t.startswith("BARU ") for _, t, _ in stored(db))
    (other / seeds[1].name).unlink()
    another_parser(monkeypatch, "fedcba9876543210", "LAGI")
    result = run("index", str(corpus_dir), "--db", str(db))
    assert "re-parsed: 5 (stored by another parser)" in ok(result).splitlines()
    gone = f"Warning: {other / seeds[1].name}: "
    (warning,) = [line for line in result.stderr.splitlines() if line.startswith(gone)]
    assert "kept as an older parser made them" in warning
    after = stored(db)
    assert len(after) == 6
    kept = [(t, s) for _, t, s in after if s != "fedcba9876543210"]
    assert len(kept) == 1 and kept[0][0].startswith("BARU ")
