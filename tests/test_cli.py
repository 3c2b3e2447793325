"""The pilkada command line, driven through click's CliRunner on the seed articles.

Piped output (what CliRunner captures) is plain: tab-separated listings with a header row, no ANSI
codes, no box drawing. ``--json`` output is parsed and checked. Errors are one line on stderr.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result

from pilkada import output, render
from pilkada.cli import cli

Run = Callable[..., Result]

IDS = [
    "000_722f0501b75caf7e",
    "001_dc520509730166cf",
    "002_efa76e8ac3ecdc46",
    "003_e3d696af9c73c6e7",
    "004_98248c8704711b6f",
]
# Oldest first, the undated article (003) last.
BY_DATE = [IDS[0], IDS[2], IDS[4], IDS[1], IDS[3]]
COMMANDS = [
    "list",
    "show",
    "search",
    "quotes",
    "summarise",
    "export",
    "parse",
    "clean",
    "schema",
]
BOX_DRAWING = set("─│┌┐└┘├┤┬┴┼━┃┏┓┗┛╭╮╯╰═║")


def ok(result: Result) -> str:
    assert result.exit_code == 0, result.output
    assert "\x1b[" not in result.stdout
    assert not BOX_DRAWING & set(result.stdout)
    return result.stdout


def as_json(result: Result) -> Any:
    return json.loads(ok(result))


def tsv(result: Result) -> list[dict[str, str]]:
    header, *rows = ok(result).splitlines()
    names = header.split("\t")
    table = [dict(zip(names, row.split("\t"), strict=True)) for row in rows]
    return table


def one_line_error(result: Result, code: int, *words: str) -> str:
    """The command failed with ``code`` and said why in one line on stderr, with no traceback."""
    assert result.exit_code == code, result.output
    assert result.stdout == "" or code == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("Error: ")
    assert "Traceback" not in result.output
    for word in words:
        assert word in lines[0]
    return lines[0]


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


# --- help, version, start-up ---


def test_group_help_lists_every_command(run: Run) -> None:
    out = ok(run("--help"))
    for command in COMMANDS:
        assert command in out
    assert "PILKADA_CORPUS" in out


@pytest.mark.parametrize("command", [*COMMANDS, "summarize"])
def test_every_command_has_help_with_an_example(run: Run, command: str) -> None:
    out = ok(run(command, "--help"))
    assert "Example" in out
    assert f"pilkada {command.replace('summarize', 'summarise')}" in out.split("Example")[1]


def test_version(run: Run) -> None:
    from pilkada import __version__

    assert ok(run("--version")).strip() == f"pilkada, version {__version__}"


def test_no_arguments_shows_help(run: Run) -> None:
    result = run()
    assert "Commands:" in result.output


@pytest.mark.parametrize("args", [["--help"], ["list", "--help"], ["--version"]])
def test_help_imports_click_only(args: list[str]) -> None:
    code = (
        "import sys\n"
        "from pilkada.cli import main\n"
        f"sys.argv = ['pilkada', *{args!r}]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "heavy = {'pydantic', 'rich', 'dateutil', 'pilkada.models', 'pilkada.pipeline'}\n"
        "print(sorted(m for m in sys.modules if m in heavy or m.split('.')[0] in heavy))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip().splitlines()[-1] == "[]"


def test_stored_group_help_is_what_click_prints() -> None:
    import click

    from pilkada._help import TEXT
    from pilkada.cli import cli
    from pilkada.launch import HELP_WIDTH

    settings = {**cli.context_settings, "terminal_width": HELP_WIDTH}
    with click.Context(cli, info_name="pilkada", **settings) as ctx:
        wanted = ctx.get_help() + "\n"
    assert wanted == TEXT, "the group help changed: run python scripts/gen_help.py"


@pytest.mark.parametrize("columns", [None, "", "0", "-3", "x", "40", "52", "60", "79", "80", "200"])
def test_launcher_wraps_help_as_click_does(
    monkeypatch: pytest.MonkeyPatch, columns: str | None
) -> None:
    import click

    from pilkada.launch import help_width

    if columns is None:
        monkeypatch.delenv("COLUMNS", raising=False)
    else:
        monkeypatch.setenv("COLUMNS", columns)
    assert help_width() == click.formatting.HelpFormatter().width


def test_every_command_takes_h_for_help(run: Run) -> None:
    import click

    from pilkada.cli import cli

    for name in cli.list_commands(click.Context(cli, **cli.context_settings)):
        result = run(name, "-h")
        assert result.exit_code == 0, name
        usage = result.stdout.splitlines()[0]
        assert usage.startswith("Usage: ") and f" {name} [OPTIONS]" in usage


LAUNCH = (
    "import sys\n"
    "sys.argv = ['pilkada', *sys.argv[1:]]\n"
    "from pilkada.launch import main\n"
    "try:\n"
    "    main()\n"
    "finally:\n"
    "    sys.stderr.write(str(any(m.split('.')[0] == 'click' for m in sys.modules)))\n"
)


@pytest.mark.parametrize("flag", ["--help", "-h"])
@pytest.mark.parametrize(
    ("columns", "click_imported"), [("120", False), ("80", False), ("60", True)]
)
def test_console_script_help_without_click(columns: str, click_imported: bool, flag: str) -> None:
    import click

    from pilkada.cli import cli

    env = {**os.environ, "COLUMNS": columns}
    done = subprocess.run(
        [sys.executable, "-c", LAUNCH, flag],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    width = max(min(int(columns), 80) - 2, 50)
    settings = {**cli.context_settings, "terminal_width": width}
    with click.Context(cli, info_name="pilkada", **settings) as ctx:
        assert done.stdout == ctx.get_help() + "\n"
    assert done.stderr == str(click_imported)


def test_console_script_runs_commands() -> None:
    done = subprocess.run(
        [sys.executable, "-c", LAUNCH, "--version"], capture_output=True, text=True, check=True
    )
    assert done.stdout.startswith("pilkada, version ")


def test_python_dash_m(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "pilkada", "list"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=True,
    )
    assert len(done.stdout.splitlines()) == 1 + len(IDS)


def test_unknown_command_is_one_line(run: Run) -> None:
    one_line_error(run("lst"), 2, "lst")


def test_unknown_option_is_one_line(run: Run) -> None:
    one_line_error(run("list", "--colour"), 2, "--colour")


def test_a_missing_choice_lists_the_choices_on_one_line(run: Run) -> None:
    result = run("export")
    one_line_error(result, 2, "--format")
    assert "Choose from: txt, md, jsonl, csv" in result.stderr


# --- list ---


def test_list_plain_is_tab_separated_with_a_header(run: Run) -> None:
    rows = tsv(run("list"))
    assert sorted(r["id"] for r in rows) == IDS
    assert list(rows[0]) == ["id", "date", "outlet", "place", "quotes", "title"]


def test_list_is_sorted_by_date_undated_last(run: Run) -> None:
    assert [r["id"] for r in tsv(run("list"))] == BY_DATE


def test_list_shows_the_parsed_facts(run: Run) -> None:
    rows = {r["id"]: r for r in tsv(run("list"))}
    first = rows[IDS[1]]
    assert first["date"] == "2024-11-18"
    assert first["outlet"] == "eksposisi.com"
    assert first["place"] == "KUTAI KARTANEGARA"
    assert first["quotes"] == "4"
    assert first["title"].startswith("Pjs Bupati Kukar Menghadiri Rakor")
    assert rows[IDS[3]]["date"] == ""


def test_list_json_is_a_list_of_articles(run: Run) -> None:
    data = as_json(run("list", "--json"))
    assert isinstance(data, list)
    assert sorted(a["id"] for a in data) == IDS
    for article in data:
        assert {"id", "source", "title", "published", "paragraphs", "quotes"} <= set(article)
        assert article["paragraphs"]


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        (["--outlet", "antara"], [IDS[3]]),
        (["--outlet", "ÁNTARA"], [IDS[3]]),
        (["--place", "tenggarong"], [IDS[4]]),
        (["--place", "kutai"], [IDS[4], IDS[1]]),  # 004 is about Kutai Kartanegara too
        (["--since", "2024-11-01"], [IDS[4], IDS[1]]),
        (["--until", "2024-10-31"], [IDS[0], IDS[2]]),
        (["--since", "2024-10-31", "--until", "2024-11-09"], [IDS[2], IDS[4]]),
        (["--outlet", "no such outlet"], []),
    ],
)
def test_list_filters(run: Run, options: list[str], expected: list[str]) -> None:
    data = as_json(run("list", *options, "--json"))
    assert [a["id"] for a in data] == expected


def test_list_with_nothing_matching_says_so_on_stderr(run: Run) -> None:
    result = run("list", "--outlet", "no such outlet")
    assert ok(result) == ""
    assert "No articles found" in result.stderr


@pytest.mark.parametrize("value", ["2024-13-01", "yesterday", "8/6/2024"])
def test_list_bad_since_is_a_usage_error(run: Run, value: str) -> None:
    one_line_error(run("list", "--since", value), 2, "--since", value)


def test_list_since_after_until_is_a_usage_error(run: Run) -> None:
    one_line_error(run("list", "--since", "2024-12-01", "--until", "2024-11-01"), 2, "--since")


# --- --corpus and PILKADA_CORPUS ---


def test_corpus_on_the_group(run: Run, corpus_dir: Path) -> None:
    data = as_json(run("--corpus", str(corpus_dir), "list", "--json"))
    assert sorted(a["id"] for a in data) == IDS
    assert all(a["source"].startswith(str(corpus_dir)) for a in data)


def test_corpus_on_the_command(run: Run, corpus_dir: Path) -> None:
    data = as_json(run("list", "--corpus", str(corpus_dir), "--json"))
    assert all(a["source"].startswith(str(corpus_dir)) for a in data)


def test_corpus_from_the_environment(run: Run, corpus_dir: Path) -> None:
    (corpus_dir / IDS[0]).with_suffix(".txt").unlink()
    data = as_json(run("list", "--json", env={"PILKADA_CORPUS": str(corpus_dir)}))
    assert sorted(a["id"] for a in data) == IDS[1:]


def test_command_corpus_wins_over_group_and_environment(
    run: Run, corpus_dir: Path, tmp_path: Path
) -> None:
    other = tmp_path / "lain"
    other.mkdir()
    shutil.copyfile(corpus_dir / f"{IDS[2]}.txt", other / "satu.txt")
    env = {"PILKADA_CORPUS": str(corpus_dir)}
    assert [a["id"] for a in as_json(run("list", "--corpus", str(other), "--json", env=env))] == [
        "satu"
    ]
    data = as_json(run("--corpus", str(corpus_dir), "list", "--corpus", str(other), "--json"))
    assert [a["id"] for a in data] == ["satu"]


def test_corpus_single_file(run: Run, corpus_dir: Path) -> None:
    data = as_json(run("list", "--corpus", str(corpus_dir / f"{IDS[3]}.txt"), "--json"))
    assert [a["id"] for a in data] == [IDS[3]]


def test_corpus_glob(run: Run, corpus_dir: Path) -> None:
    data = as_json(run("list", "--corpus", str(corpus_dir / "00[12]_*.txt"), "--json"))
    assert sorted(a["id"] for a in data) == IDS[1:3]


def test_corpus_folder_is_searched_recursively_and_ids_stay_unique(
    run: Run, corpus_dir: Path
) -> None:
    nested = corpus_dir / "arsip" / "2024"
    nested.mkdir(parents=True)
    shutil.copyfile(corpus_dir / f"{IDS[0]}.txt", nested / f"{IDS[0]}.txt")
    (corpus_dir / "catatan.md").write_text("bukan artikel", encoding="utf-8")
    ids = [a["id"] for a in as_json(run("list", "--corpus", str(corpus_dir), "--json"))]
    assert len(ids) == 6
    assert len(set(ids)) == 6
    assert f"{IDS[0]}-2" in ids


# --- bad corpora and bad files ---


def test_missing_corpus_path(run: Run, tmp_path: Path) -> None:
    missing = tmp_path / "tidak-ada"
    one_line_error(run("list", "--corpus", str(missing)), 2, "--corpus", str(missing))


def test_missing_corpus_path_from_the_environment(run: Run, tmp_path: Path) -> None:
    missing = str(tmp_path / "tidak-ada")
    one_line_error(run("list", env={"PILKADA_CORPUS": missing}), 2, missing)


def test_glob_matching_nothing(run: Run, tmp_path: Path) -> None:
    one_line_error(run("list", "--corpus", str(tmp_path / "*.txt")), 2, "--corpus")


def test_folder_with_no_articles(run: Run, tmp_path: Path) -> None:
    (tmp_path / "catatan.md").write_text("bukan artikel", encoding="utf-8")
    one_line_error(run("list", "--corpus", str(tmp_path)), 2, "no articles", str(tmp_path))


def test_empty_file_as_the_corpus(run: Run, tmp_path: Path) -> None:
    empty = write(tmp_path / "kosong.txt", b"")
    one_line_error(run("list", "--corpus", str(empty)), 1, str(empty), "empty")


def test_binary_file_as_the_corpus(run: Run, tmp_path: Path) -> None:
    binary = write(tmp_path / "gambar.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x01")
    one_line_error(run("list", "--corpus", str(binary)), 1, str(binary), "binary")


def test_corpus_of_only_bad_files(run: Run, tmp_path: Path) -> None:
    write(tmp_path / "a.txt", b"")
    write(tmp_path / "b.txt", b"\x00\x01\x02")
    result = run("list", "--corpus", str(tmp_path))
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert [line.split(":")[0] for line in lines] == ["Warning", "Warning", "Error"]


def test_bad_files_in_a_corpus_are_warned_about_and_skipped(run: Run, corpus_dir: Path) -> None:
    write(corpus_dir / "kosong.txt", b"   \n")
    write(corpus_dir / "gambar.txt", b"\x00\x01binary\x00")
    result = run("list", "--corpus", str(corpus_dir), "--json")
    assert sorted(a["id"] for a in as_json(result)) == IDS
    warnings = result.stderr.splitlines()
    assert len(warnings) == 2
    assert all(w.startswith("Warning: ") and "skipped" in w for w in warnings)
    assert any("kosong.txt" in w and "empty" in w for w in warnings)
    assert any("gambar.txt" in w and "binary" in w for w in warnings)


# --- show ---


def test_show_plain(run: Run) -> None:
    out = ok(run("show", IDS[3]))
    assert f"id: {IDS[3]}" in out
    assert "Ketua KPU Tapin Fakhrian Noor mengatakan" in out
    assert "\x1b" not in out


def test_show_marks_quotes_with_their_speakers(run: Run) -> None:
    out = ok(run("show", IDS[3]))
    assert "place: Rantau, Tapin" in out
    marks = [line.strip() for line in out.splitlines() if line.startswith("    — quote by ")]
    assert len(marks) == 3
    assert all("Winarto, Kapolda Kalimantan Selatan" in m for m in marks[:2])
    assert marks[2] == "— quote by Fakhrian Noor, Ketua KPU Tapin"


def test_show_json_is_one_article(run: Run) -> None:
    data = as_json(run("show", IDS[1], "--json"))
    assert isinstance(data, dict)
    assert data["id"] == IDS[1]
    assert (
        data["title"]
        == "Pjs Bupati Kukar Menghadiri Rakor Kelancaran Penyelenggaraan Pilkada Serentak 2024"
    )
    assert data["published"] == "2024-11-18"
    assert len(data["quotes"]) == 4


def test_show_accepts_a_unique_prefix(run: Run) -> None:
    assert as_json(run("show", "003", "--json"))["id"] == IDS[3]


def test_show_through_corpus(run: Run, corpus_dir: Path) -> None:
    data = as_json(run("show", "002", "--corpus", str(corpus_dir), "--json"))
    assert data["source"] == str(corpus_dir / f"{IDS[2]}.txt")


@pytest.mark.parametrize("indexed", [False, True], ids=["files", "index"])
def test_show_finds_an_id_as_a_csv_listing_writes_it(
    run: Run, corpus_dir: Path, tmp_path: Path, indexed: bool
) -> None:
    """An id a spreadsheet would run as a formula is written with a leading ' in CSV and TSV;
    pasted back as written, it still names its article."""
    (corpus_dir / f"{IDS[2]}.txt").rename(corpus_dir / "=hasil-rekap.txt")
    where = ["--corpus", str(corpus_dir)]
    if indexed:
        db = tmp_path / "i.db"
        assert run("index", str(corpus_dir), "--db", str(db)).exit_code == 0
        where = ["--db", str(db)]
    listed = run("list", *where, "--csv").output
    assert "'=hasil-rekap," in listed
    data = as_json(run("show", "'=hasil-rekap", *where, "--json"))
    assert data["id"] == "=hasil-rekap"
    assert as_json(run("show", "'=hasil", *where, "--json"))["id"] == "=hasil-rekap"  # a prefix
    line = one_line_error(run("show", "'=zzz", *where), 2, "ID", "'=zzz")
    assert "ids are" in line


def test_show_unknown_id(run: Run) -> None:
    line = one_line_error(run("show", "zzz"), 2, "ID", "zzz")
    assert IDS[0] in line


def test_show_ambiguous_prefix(run: Run) -> None:
    one_line_error(run("show", "00"), 2, "ID", "several", IDS[0], IDS[4])


# --- search ---


def test_search_plain_marks_matches(run: Run) -> None:
    rows = tsv(run("search", "netralitas"))
    assert {r["id"] for r in rows} == {IDS[2], IDS[4]}
    assert list(rows[0]) == ["id", "date", "outlet", "score", "title", "snippet"]
    assert all("[netralitas]" in r["snippet"].lower() for r in rows)


def test_search_json(run: Run) -> None:
    hits = as_json(run("search", "netralitas", "--json"))
    assert isinstance(hits, list)
    assert {h["article_id"] for h in hits} == {IDS[2], IDS[4]}
    for hit in hits:
        start, end = hit["highlights"][0]
        assert hit["snippet"][start:end].lower() == "netralitas"
    assert hits[0]["score"] >= hits[1]["score"]


def test_search_ignores_case_and_accents(run: Run) -> None:
    hits = as_json(run("search", "NETRÁLITAS", "--json"))
    assert len(hits) == 2


def test_search_regex(run: Run) -> None:
    hits = as_json(run("search", "--regex", r"1[38] (hari|kabupaten)", "--json"))
    assert {h["article_id"] for h in hits} == {IDS[3], IDS[4]}


def test_search_limit(run: Run) -> None:
    assert len(as_json(run("search", "pilkada", "--limit", "2", "--json"))) == 2
    assert len(as_json(run("search", "pilkada", "--limit", "0", "--json"))) == 5


def test_search_filters(run: Run) -> None:
    hits = as_json(run("search", "netralitas", "--outlet", "bebaca", "--json"))
    assert [h["article_id"] for h in hits] == [IDS[4]]
    hits = as_json(run("search", "netralitas", "--until", "2024-11-01", "--json"))
    assert [h["article_id"] for h in hits] == [IDS[2]]


def test_search_through_environment(run: Run, corpus_dir: Path) -> None:
    (corpus_dir / f"{IDS[4]}.txt").unlink()
    hits = as_json(run("search", "netralitas", "--json", env={"PILKADA_CORPUS": str(corpus_dir)}))
    assert [h["article_id"] for h in hits] == [IDS[2]]


def test_search_without_matches(run: Run) -> None:
    result = run("search", "xyzzy")
    assert ok(result) == ""
    assert "No matches found" in result.stderr
    assert as_json(run("search", "xyzzy", "--json")) == []


def test_search_invalid_regex(run: Run) -> None:
    one_line_error(run("search", "--regex", "(kampanye"), 2, "QUERY", "(kampanye")


def test_search_empty_query(run: Run) -> None:
    one_line_error(run("search", "  "), 2, "QUERY")


def test_search_bad_limit(run: Run) -> None:
    one_line_error(run("search", "pilkada", "--limit", "-1"), 2, "--limit")


# --- quotes ---


def test_quotes_by_laura(run: Run) -> None:
    found = as_json(run("quotes", "--by", "laura", "--json"))
    assert len(found) == 1
    assert found[0]["quote"]["speaker"] == "Asmin Laura Hafid"
    assert found[0]["quote"]["role"] == "Bupati Nunukan"
    assert found[0]["article_id"] == IDS[2]
    assert found[0]["quote"]["text"].startswith("Saya yakin bahwa dengan komitmen")


def test_quotes_by_bambang_are_bambang_arwantos_four(run: Run) -> None:
    found = as_json(run("quotes", "--by", "bambang", "--json"))
    assert len(found) == 4
    assert {q["quote"]["speaker"] for q in found} == {"Bambang Arwanto"}
    assert {q["article_id"] for q in found} == {IDS[1]}


def test_quotes_by_winarto(run: Run) -> None:
    found = as_json(run("quotes", "--by", "winarto", "--json"))
    assert len(found) == 2
    assert all("Winarto" in q["quote"]["speaker"] for q in found)


def test_quotes_plain(run: Run) -> None:
    rows = tsv(run("quotes", "--by", "laura"))
    assert len(rows) == 1
    assert list(rows[0]) == ["id", "date", "speaker", "role", "quote"]
    assert rows[0]["speaker"] == "Asmin Laura Hafid"
    assert rows[0]["date"] == "2024-10-31"


def test_quotes_all_of_them(run: Run) -> None:
    found = as_json(run("quotes", "--json"))
    assert len(found) == 16
    assert found[0]["article_id"] == IDS[0]


def test_quotes_by_role(run: Run) -> None:
    found = as_json(run("quotes", "--role", "kapolda", "--json"))
    assert len(found) == 2
    assert {q["quote"]["role"] for q in found} == {"Kapolda Kalimantan Selatan"}


def test_quotes_query_and_filters(run: Run) -> None:
    found = as_json(run("quotes", "netralitas", "--json"))
    assert {q["article_id"] for q in found} == {IDS[2], IDS[4]}
    found = as_json(run("quotes", "netralitas", "--place", "nunukan", "--json"))
    assert [q["quote"]["speaker"] for q in found] == ["Togap Simangunsong"]


def test_quotes_through_corpus(run: Run, corpus_dir: Path) -> None:
    found = as_json(run("--corpus", str(corpus_dir), "quotes", "--by", "teguh", "--json"))
    assert len(found) == 3


def test_quotes_none_found(run: Run) -> None:
    result = run("quotes", "--by", "nobody")
    assert ok(result) == ""
    assert "No quotes found" in result.stderr


def test_quotes_empty_query(run: Run) -> None:
    one_line_error(run("quotes", ""), 2, "QUERY")


@pytest.mark.parametrize("option", ["--by", "--role", "--place"])
def test_quotes_option_with_no_words_names_the_option(run: Run, option: str) -> None:
    line = one_line_error(run("quotes", option, '"'), 2, f"'{option}'", "no words to match")
    assert "QUERY" not in line


# --- summarise ---


def test_summarise_corpus_plain(run: Run) -> None:
    out = ok(run("summarise"))
    assert out.startswith("articles: 5\n")
    assert "published: 2024-06-08 to 2024-11-18 (1 undated)" in out
    assert "most quoted:" in out
    assert "frequent words:" in out


def test_summarise_corpus_json(run: Run) -> None:
    data = as_json(run("summarise", "--json"))
    assert data["articles"] == 5
    assert data["quotes"] == 16
    assert data["first"] == "2024-06-08"
    assert data["last"] == "2024-11-18"
    assert data["undated"] == 1
    assert {c["name"] for c in data["by_outlet"]} >= {"ANTARA", "eksposisi.com"}
    assert data["speakers"][0] == {
        "name": "Bambang Arwanto",
        "count": 4,
        "role": "Pjs Bupati Kutai Kartanegara",
    }


def test_summarise_top(run: Run) -> None:
    data = as_json(run("summarise", "--top", "2", "--json"))
    assert len(data["words"]) == 2


def test_summarise_alias_and_filters(run: Run, corpus_dir: Path) -> None:
    data = as_json(run("summarize", "--corpus", str(corpus_dir), "--outlet", "antara", "--json"))
    assert data["articles"] == 1


def test_summarise_article(run: Run) -> None:
    out = ok(run("summarise", "003"))
    assert "key sentences:" in out
    assert "quotes:" in out
    data = as_json(run("summarise", "003", "--sentences", "2", "--json"))
    assert data["article_id"] == IDS[3]
    assert len(data["key_sentences"]) == 2
    assert data["lead"].startswith("Rantau, Tapin (ANTARA)") or data["lead"].startswith("Kapolda")


def test_summarise_unknown_id(run: Run) -> None:
    one_line_error(run("summarise", "999"), 2, "ID", "999")


# --- export ---


def test_export_jsonl_file(run: Run, tmp_path: Path) -> None:
    out = tmp_path / "artikel.jsonl"
    assert "Wrote 5 articles as jsonl" in ok(run("export", "--format", "jsonl", "--out", str(out)))
    lines = out.read_text(encoding="utf-8").splitlines()
    assert sorted(json.loads(line)["id"] for line in lines) == IDS


def test_export_csv_with_filters(run: Run, tmp_path: Path) -> None:
    import csv

    out = tmp_path / "artikel.csv"
    ok(run("export", "--format", "csv", "--out", str(out), "--since", "2024-11-01"))
    with out.open(encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert [r["id"] for r in rows] == [IDS[4], IDS[1]]


@pytest.mark.parametrize("fmt", ["txt", "md"])
def test_export_folder(run: Run, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / "artikel"
    result = as_json(run("export", "--format", fmt, "--out", str(out), "--json"))
    assert result["format"] == fmt
    assert result["articles"] == 5
    assert len(result["files"]) == 5
    assert sorted(p.suffix for p in out.iterdir()) == [f".{fmt}"] * 5


def test_export_parquet_writes_two_tables_read_back_by_pyarrow(run: Run, tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    out = tmp_path / "tabel"
    result = run("export", "--format", "parquet", "--out", str(out), "--outlet", "antara")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == ["articles.parquet", "quotes.parquet"]
    articles = pq.read_table(out / "articles.parquet").to_pylist()
    assert [a["outlet"] for a in articles] == ["ANTARA"]
    quotes = pq.read_table(out / "quotes.parquet").to_pylist()
    assert {q["article"] for q in quotes} == {articles[0]["id"]}
    assert {q["speaker"] for q in quotes} == {"Winarto", "Fakhrian Noor"}
    again = run("export", "--format", "parquet", "--out", str(out))
    assert again.exit_code == 1 and "use --force to replace it" in again.stderr
    forced = run("export", "--format", "parquet", "--out", str(out), "--force")
    assert forced.exit_code == 0 and len(pq.read_table(out / "articles.parquet")) == 5


def test_export_parquet_refuses_stdout_and_says_when_pyarrow_is_missing(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = run("export", "--format", "parquet", "--out", "-")
    assert result.exit_code == 2 and "parquet is written to a folder" in result.stderr
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    out = tmp_path / "tabel"
    result = run("export", "--format", "parquet", "--out", str(out))
    assert result.exit_code == 1
    assert "pip install 'pilkada[parquet]'" in result.stderr
    assert not out.exists()


def test_export_to_stdout(run: Run) -> None:
    lines = ok(run("export", "--format", "jsonl", "--out", "-")).splitlines()
    assert len(lines) == 5
    assert json.loads(lines[0])["id"] == BY_DATE[0]


def test_export_to_stdout_refuses_json(run: Run) -> None:
    one_line_error(run("export", "--format", "csv", "--out", "-", "--json"), 2, "--json")


def test_export_never_overwrites_without_force(run: Run, tmp_path: Path) -> None:
    out = write(tmp_path / "artikel.csv", b"milik pengguna\n")
    one_line_error(run("export", "--format", "csv", "--out", str(out)), 1, str(out), "--force")
    assert out.read_bytes() == b"milik pengguna\n"
    ok(run("export", "--format", "csv", "--out", str(out), "--force"))
    assert out.read_text(encoding="utf-8").startswith("id,")


def test_export_bad_format(run: Run, tmp_path: Path) -> None:
    one_line_error(run("export", "--format", "pdf", "--out", str(tmp_path / "x")), 2, "--format")


def test_export_through_environment(run: Run, corpus_dir: Path, tmp_path: Path) -> None:
    (corpus_dir / f"{IDS[0]}.txt").unlink()
    out = tmp_path / "x.jsonl"
    env = {"PILKADA_CORPUS": str(corpus_dir)}
    assert (
        as_json(run("export", "--format", "jsonl", "--out", str(out), "--json", env=env))[
            "articles"
        ]
        == 4
    )


# --- parse ---


def test_parse_prints_one_article_per_file_in_order(
    run: Run, corpus_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(corpus_dir.parent)
    given = [f"berita/{IDS[3]}.txt", f"./berita/{IDS[0]}.txt", f"berita/{IDS[1]}.txt"]
    lines = ok(run("parse", *given)).splitlines()
    articles = [json.loads(line) for line in lines]
    assert [a["source"] for a in articles] == given
    assert [a["id"] for a in articles] == [IDS[3], IDS[0], IDS[1]]


def test_parse_matches_the_models_json(run: Run, seed_files: list[Path]) -> None:
    from pilkada.models import Article

    for line in ok(run("parse", *map(str, seed_files))).splitlines():
        article = Article.model_validate_json(line)
        assert json.loads(line) == article.model_dump(mode="json")


def test_parse_gives_the_gold_facts(run: Run, seed_files: list[Path]) -> None:
    articles = [json.loads(line) for line in ok(run("parse", *map(str, seed_files))).splitlines()]
    assert [a["published"] for a in articles] == [
        "2024-06-08",
        "2024-11-18",
        "2024-10-31",
        None,
        "2024-11-09",
    ]
    assert articles[0]["title"] is None
    assert articles[2]["outlet"] == "SIMP4TIK"
    assert articles[3]["dateline"] == "Rantau, Tapin"


def test_parse_skips_bad_files_and_exits_1(run: Run, corpus_dir: Path, tmp_path: Path) -> None:
    empty = write(tmp_path / "kosong.txt", b"")
    binary = write(tmp_path / "gambar.txt", b"\x00\xff\x00\xfe")
    missing = tmp_path / "tidak-ada.txt"
    good = [str(corpus_dir / f"{i}.txt") for i in IDS[:2]]
    result = run("parse", good[0], str(empty), str(binary), str(missing), good[1])
    assert result.exit_code == 1
    assert [json.loads(line)["source"] for line in result.stdout.splitlines()] == good
    errors = result.stderr.splitlines()
    assert len(errors) == 3
    assert errors[0].startswith(f"Error: {empty}: ") and "empty" in errors[0]
    assert errors[1].startswith(f"Error: {binary}: ") and "binary" in errors[1]
    assert errors[2].startswith(f"Error: {missing}: ")


def test_parse_a_folder_is_a_bad_file(run: Run, corpus_dir: Path) -> None:
    one_line_error(run("parse", str(corpus_dir)), 1, str(corpus_dir), "folder")


def test_parse_one_empty_file(run: Run, tmp_path: Path) -> None:
    empty = write(tmp_path / "kosong.txt", b"\n\n")
    one_line_error(run("parse", str(empty)), 1, str(empty), "empty")


def test_parse_needs_a_file(run: Run) -> None:
    one_line_error(run("parse"), 2, "FILE")


def test_parse_cp1252_file(run: Run, tmp_path: Path) -> None:
    raw = "“Pilkada harus damai,” kata Ketua KPU Tapin Fakhrian Noor.\n"
    path = write(tmp_path / "windows.txt", raw.encode("cp1252"))
    article = json.loads(ok(run("parse", str(path))))
    assert "“Pilkada harus damai,”" in article["paragraphs"][0]


# --- clean ---


def test_clean_prints_the_cleaned_text(run: Run, seed_files: list[Path]) -> None:
    out = ok(run("clean", str(seed_files[1])))
    blocks = out.rstrip("\n").split("\n\n")
    assert (
        blocks[0]
        == "Pjs Bupati Kukar Menghadiri Rakor Kelancaran Penyelenggaraan Pilkada Serentak 2024"
    )
    assert blocks[1].startswith("KUTAI KARTANEGARA, eksposisi.com – Pejabat Sementara")
    assert "Baca Juga" not in out
    assert "Share :" not in out


def test_clean_explain_lists_removed_lines(run: Run, seed_files: list[Path]) -> None:
    out = ok(run("clean", str(seed_files[1]), "--explain"))
    text, explanation = out.split("\n# removed: ", 1)
    assert "Baca Juga" not in text
    removed = explanation.splitlines()[1:]
    assert len(removed) == int(explanation.split()[0])
    assert any(
        line.startswith("[") and "Home / Advertorial / Pemerintah" in line for line in removed
    )
    assert any("Baca Juga" in line and "Pemkab Kukar Prioritaskan" in line for line in removed)


def test_clean_text_without_a_title(run: Run, seed_files: list[Path]) -> None:
    out = ok(run("clean", str(seed_files[3])))
    assert out.startswith("Rantau, Tapin (ANTARA) - Kapolda Kalimantan Selatan")


def test_clean_cp1252_file_with_curly_quotes(run: Run, tmp_path: Path) -> None:
    raw = (
        "Nunukan, SIMP4TIK - Bupati Nunukan Asmin Laura Hafid membuka rapat koordinasi.\n\n"
        "“Pilkada harus berjalan jujur dan adil,” kata Laura, Kamis (31/10/2024).\n"
    )
    path = write(tmp_path / "windows-1252.txt", raw.encode("cp1252"))
    assert b"\x93" in path.read_bytes()
    out = ok(run("clean", str(path)))
    assert "“Pilkada harus berjalan jujur dan adil,”" in out
    assert "\ufffd" not in out


def test_clean_empty_file(run: Run, tmp_path: Path) -> None:
    empty = write(tmp_path / "kosong.txt", b"")
    one_line_error(run("clean", str(empty)), 1, str(empty), "empty")


def test_clean_binary_file(run: Run, tmp_path: Path) -> None:
    binary = write(tmp_path / "arsip.txt", b"PK\x03\x04\x14\x00\x00\x00\x08\x00")
    one_line_error(run("clean", str(binary)), 1, str(binary), "binary")


def test_clean_missing_file(run: Run, tmp_path: Path) -> None:
    missing = tmp_path / "tidak-ada.txt"
    one_line_error(run("clean", str(missing)), 2, "FILE", str(missing))


def test_clean_folder_is_not_a_file(run: Run, tmp_path: Path) -> None:
    one_line_error(run("clean", str(tmp_path)), 2, "FILE")


# --- schema ---


def test_schema(run: Run) -> None:
    from pilkada.models import Article

    data = as_json(run("schema"))
    assert data == Article.model_json_schema()
    assert {"id", "published", "quotes", "removed"} <= set(data["properties"])


# --- terminal output ---


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """Render as for a person at a terminal."""
    monkeypatch.setattr(output, "use_rich", lambda: True)


@pytest.mark.parametrize(
    ("args", "shown"),
    [
        (["list"], "003_e3d696af9c73c6e7"),
        (["show", "003"], "Fakhrian Noor"),
        (["search", "netralitas"], "Netralitas"),
        (["quotes", "--by", "laura"], "Asmin Laura Hafid"),
        (["summarise", "002"], "key sentences"),
    ],
)
def test_terminal_output_draws_tables(
    run: Run, terminal: None, args: list[str], shown: str
) -> None:
    result = run(*args)
    assert result.exit_code == 0, result.output
    assert shown in result.stdout
    assert BOX_DRAWING & set(result.stdout)


def test_terminal_summary_draws_bars_and_a_timeline(run: Run, terminal: None) -> None:
    result = run("summarise")
    assert result.exit_code == 0, result.output
    assert "5 articles" in result.stdout
    lines = result.stdout.splitlines()
    week = lines.index("articles by week")
    assert lines[week + 1].startswith("2024-W23  1  █")  # the first article's week
    assert lines[week + 2] == "2024-W24  0"  # weeks with none are drawn empty
    regions = lines.index("regions")
    top, second = lines[regions + 1], lines[regions + 2]
    assert top.startswith("Kutai Kartanegara   2  ") and second.startswith(
        "Kalimantan Selatan  1  "
    )
    assert top.count("█") == 2 * second.count("█")  # bars to scale
    monthly = run("summarise", "--by-month").stdout.splitlines()
    assert monthly[monthly.index("articles by month") + 1].startswith("2024-06  1  █")


def test_summarise_json_holds_the_timeline_by_the_step_asked_for(run: Run) -> None:
    daily = json.loads(run("summarise", "--json", "--by-day").stdout)
    assert daily["timeline_unit"] == "day"
    assert daily["timeline"][0] == {"name": "2024-06-08", "count": 1}
    assert sum(c["count"] for c in daily["timeline"]) == 4  # one of the five is undated


@pytest.mark.parametrize(
    ("args", "title"),
    [
        (["timeline"], "articles by week, 25 steps"),
        (["timeline", "--by-month"], "articles by month, 6 steps"),
        (["regions", "--top", "3"], "regions, 3 bars"),
        (["speakers"], "most quoted, 8 bars"),
        (["outlets", "--outlet", "antara"], "outlets, 1 bar"),
        (["quotes", "--by", "laura", "--by-day"], "quotes of Asmin Laura Hafid by day, 1 step"),
    ],
)
def test_plot_writes_each_chart(run: Run, tmp_path: Path, args: list[str], title: str) -> None:
    out = tmp_path / "chart.svg"
    result = run("plot", *args, "--out", str(out))
    assert result.exit_code == 0, result.output
    assert result.stderr.strip() == f"{out}: {title}"
    svg = out.read_text(encoding="utf-8")
    assert title.split(",")[0] in svg  # the title is drawn as text


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["quotes"], 2, "give --by NAME"),
        (["maps"], 2, "'maps' is not one of"),
        (["regions", "--out-of", "x"], 2, "No such option"),
        (["regions", "--since", "2030-01-01"], 1, "nothing to draw"),
    ],
)
def test_plot_errors_are_one_line(
    run: Run, tmp_path: Path, args: list[str], code: int, message: str
) -> None:
    result = run("plot", *args, "--out", str(tmp_path / "chart.png"))
    assert result.exit_code == code
    assert message in result.stderr and "Traceback" not in result.output
    assert not (tmp_path / "chart.png").exists()


def test_terminal_search_marks_matches_in_brackets_without_colour(run: Run, terminal: None) -> None:
    coloured = run("search", "netralitas")
    assert "[netralitas]" not in coloured.stdout  # a colour marks it
    plain = run("search", "netralitas", env={"NO_COLOR": "1"})
    assert plain.exit_code == 0 and "[netralitas]" in plain.stdout


def test_terminal_clean_explain(run: Run, terminal: None, seed_files: list[Path]) -> None:
    result = run("clean", str(seed_files[4]), "--explain")
    assert result.exit_code == 0, result.output
    assert "removed:" in result.stdout
    assert "Close this search box." in result.stdout


def test_terminal_json_is_still_json(run: Run, terminal: None) -> None:
    assert len(as_json(run("list", "--json"))) == 5


def test_cli_object_is_the_console_script() -> None:
    from pilkada import cli as module

    assert module.main.__module__ == "pilkada.cli"
    assert module.cli is cli


@pytest.mark.parametrize("count", [0, 1, 5])
def test_json_printed_model_by_model_is_the_json_of_the_whole_list(
    count: int, capsys: pytest.CaptureFixture[str]
) -> None:
    from pilkada import corpus
    from pilkada.models import Article

    loaded = corpus.load(corpus.resolve(str(corpus.bundled_seeds())))
    articles = [a for a in loaded if isinstance(a, Article)][:count]
    render.dump(articles)
    whole = capsys.readouterr().out
    output.records(iter(articles), "json")
    assert capsys.readouterr().out == whole
    assert json.loads(whole) == [a.model_dump(mode="json") for a in articles]


def test_a_name_that_fits_many_speakers_names_eight_and_counts_the_rest(
    run: Run, tmp_path: Path
) -> None:
    surnames = "Santoso Prasetyo Wijaya Hartono Gunawan Setiawan Kurniawan Nugroho Saputra Hidayat"
    for k, surname in enumerate(surnames.split()):
        (tmp_path / f"a{k}.txt").write_text(
            f"Persiapan Pilkada Kota Bogor Berjalan Lancar {k}\n\n"
            f"BOGOR - Ketua KPU Kota Bogor Budi {surname} mengatakan persiapan pilkada berjalan "
            "lancar di semua kecamatan.\n\n"
            f"“Kami siap melaksanakan pilkada dengan jujur dan adil,” kata Budi {surname}, "
            "Senin (4/11/2024).\n",
            encoding="utf-8",
        )
    result = run("--corpus", str(tmp_path), "quotes", "--by", "budi", "--json")
    assert len(json.loads(result.stdout)) == 10
    [note] = result.stderr.splitlines()
    assert note.startswith("Note: 'budi' fits 10 speakers (Budi Gunawan, Budi Hartono,")
    assert note.count("Budi ") == 8 and "and 2 more); showing all." in note
    shown = run("--corpus", str(tmp_path), "show", "budi")
    assert shown.exit_code == 2
    assert shown.stderr.count("Budi ") == 8 and "and 2 more); give more" in shown.stderr
