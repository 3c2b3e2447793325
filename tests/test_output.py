"""The one output layer: every listing command in every form, parsed back and compared.

Each listing (list, list --doubtful, search, quotes, officials) is run on the bundled seeds with
--json, --nl, --csv, --tsv, --table and with none (plain, as a pipe gets); each output is parsed
back (json.loads, JSON Lines line by line, csv.DictReader, TSV split on tabs) and the rows and
columns of every form must agree with each other and with the --json form. Also: cells that
start as a formula are neutralised in every CSV and TSV the emitter writes, the flags are one at
a time, and the export --format choice is the registry's.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

import click
import pytest
from click.testing import Result
from hypothesis import given
from hypothesis import strategies as st
from pydantic import BaseModel

from pilkada import output, render
from pilkada.models import Article, Hit, Listing, Official, QuoteHit

Run = Callable[..., Result]


@dataclass(frozen=True)
class Case:
    """A listing command, the view its rows are written through, and how its JSON's records
    become that view's rows."""

    args: tuple[str, ...]
    view: output.View[Any]
    row: Callable[[dict[str, Any]], Any]  # a JSON record -> the item the view writes
    key: Callable[[dict[str, Any]], str]  # a record's identity, as the first column writes it
    extra: tuple[str, ...] = ()  # columns the plain form is asked for
    rows: int = 1  # at least this many on the seeds

    @property
    def id(self) -> str:
        return " ".join(self.args)


def _s(value: object) -> str:
    return "" if value is None else str(value)


# each column's cell read straight from a --json record, apart from the views: what the rows must
# agree with
FROM_JSON: dict[str, dict[str, Callable[[dict[str, Any]], str]]] = {
    "articles": {
        "id": lambda r: r["id"],
        "date": lambda r: _s(r["published"]),
        "outlet": lambda r: _s(r["outlet"]),
        "place": lambda r: _s(r["dateline"]),
        "quotes": lambda r: str(len(r["quotes"])),
        "title": lambda r: r["title"],  # none: the lead's first words (below)
    },
    "matches": {
        "id": lambda r: r["article_id"],
        "date": lambda r: _s(r["published"]),
        "outlet": lambda r: _s(r["outlet"]),
        "score": lambda r: f"{r['score']:.2f}",
        "title": lambda r: r["title"],
    },
    "quotes": {
        "id": lambda r: r["article_id"],
        "date": lambda r: _s(r["published"]),
        "speaker": lambda r: _s(r["quote"]["speaker"]),
        "role": lambda r: _s(r["quote"]["role"]),
        "quote": lambda r: r["quote"]["text"],
        "outlet": lambda r: _s(r["outlet"]),
        "dateline": lambda r: _s(r["dateline"]),
        "paragraph": lambda r: str(r["quote"]["paragraph"]),
        "cue": lambda r: _s(r["quote"]["cue"]),
        "context": lambda r: r["context"],
    },
    "people": {
        "name": lambda r: r["name"],
        "roles": lambda r: "; ".join(r["roles"]),
        "places": lambda r: "; ".join(r["places"]),
        "articles": lambda r: str(len(r["articles"])),
        "quotes": lambda r: str(r["quotes"]),
        "first": lambda r: _s(r["first_seen"]),
        "last": lambda r: _s(r["last_seen"]),
    },
}


def _listing(record: dict[str, Any]) -> Listing:
    return Listing.of(Article.model_validate(record))


CASES = [
    Case(("list",), render.LISTING, _listing, lambda r: r["id"], rows=5),
    Case(("list", "--place", "kukar"), render.LISTING, _listing, lambda r: r["id"], rows=2),
    Case(
        ("search", "netralitas"), render.HITS, Hit.model_validate, lambda r: r["article_id"], rows=2
    ),
    Case(
        ("search", "pilkada", "--limit", "0"),
        render.HITS,
        Hit.model_validate,
        lambda r: r["article_id"],
        rows=5,
    ),
    Case(("quotes",), render.QUOTES, QuoteHit.model_validate, lambda r: r["article_id"], rows=16),
    Case(
        ("quotes", "--by", "laura", "--context"),
        render.QUOTES,
        QuoteHit.model_validate,
        lambda r: r["article_id"],
        extra=("context",),
    ),
    Case(("officials",), render.OFFICIALS, Official.model_validate, lambda r: r["name"], rows=8),
    Case(
        ("officials", "bambang"),
        render.OFFICIALS,
        Official.model_validate,
        lambda r: r["name"],
        rows=2,
    ),
]
IDS = [c.id for c in CASES]


def ok(result: Result) -> str:
    assert result.exit_code == 0, result.output
    assert "\x1b[" not in result.stdout
    return result.stdout


def _expected(case: Case, record: dict[str, Any], columns: tuple[str, ...]) -> dict[str, str]:
    """What a CSV row holds for a JSON record: the view's cells, as the CSV module writes them."""
    item = case.row(record)
    cells = {c.name: c.cell(item) for c in case.view.columns}
    return {name: "" if cells[name] is None else str(cells[name]) for name in columns}


def _one_line(text: str) -> str:
    """A cell as TSV writes it: each run of tabs and line breaks one space, other spaces kept."""
    breaks = "\t\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"
    return re.sub(f"[{breaks}]+", " ", text.strip(breaks))


@pytest.fixture(scope="module")
def forms() -> dict[str, dict[str, str]]:
    """Every case's output in every form, run once: {case id: {form: stdout}}."""
    from click.testing import CliRunner

    from pilkada.cli import cli

    flags = {"json": "--json", "jsonl": "--nl", "csv": "--csv", "tsv": "--tsv", "table": "--table"}
    mp = pytest.MonkeyPatch()
    mp.delenv("PILKADA_CORPUS", raising=False)
    mp.delenv("PILKADA_DB", raising=False)
    mp.setenv("XDG_DATA_HOME", "/nonexistent-pilkada-test")
    try:
        found: dict[str, dict[str, str]] = {}
        for case in CASES:
            found[case.id] = {
                form: ok(CliRunner().invoke(cli, [*case.args, *([flag] if flag else [])]))
                for form, flag in [*flags.items(), ("plain", None)]
            }
        return found
    finally:
        mp.undo()


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_json_is_an_array_of_the_models_in_the_schemas_key_order(
    case: Case, forms: dict[str, dict[str, str]]
) -> None:
    records = json.loads(forms[case.id]["json"])
    assert isinstance(records, list) and len(records) >= case.rows
    model = type(case.row(records[0]))
    if model is Listing:
        model = Article
    for record in records:
        assert isinstance(model, type) and issubclass(model, BaseModel)
        assert list(record) == list(model.model_fields)  # the schema's order, no key sorted


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_json_lines_are_the_json_arrays_records(
    case: Case, forms: dict[str, dict[str, str]]
) -> None:
    lines = forms[case.id]["jsonl"].splitlines()
    records = [json.loads(line) for line in lines]
    assert records == json.loads(forms[case.id]["json"])
    assert all(
        json.dumps(r, ensure_ascii=False) == line for r, line in zip(records, lines, strict=True)
    )


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_csv_has_every_column_and_a_row_per_json_record(
    case: Case, forms: dict[str, dict[str, str]]
) -> None:
    reader = csv.DictReader(io.StringIO(forms[case.id]["csv"]))
    rows = list(reader)
    assert tuple(reader.fieldnames or ()) == case.view.names
    records = json.loads(forms[case.id]["json"])
    assert len(rows) == len(records) >= case.rows
    first = case.view.names[0]
    assert [r[first] for r in rows] == [case.key(r) for r in records]
    fields = FROM_JSON[case.view.noun]
    for row, record in zip(rows, records, strict=True):
        assert row == _expected(case, record, case.view.names)
        for name, read in fields.items():
            if name == "title" and record.get("title", "") is None:
                assert row[name].removesuffix("…") in record["paragraphs"][0]
            else:
                assert row[name] == read(record), name


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_tsv_is_the_csv_with_tabs(case: Case, forms: dict[str, dict[str, str]]) -> None:
    header, *lines = forms[case.id]["tsv"].splitlines()
    assert tuple(header.split("\t")) == case.view.names
    tsv_rows = [dict(zip(case.view.names, line.split("\t"), strict=True)) for line in lines]
    csv_rows = list(csv.DictReader(io.StringIO(forms[case.id]["csv"])))
    assert tsv_rows == [{k: _one_line(v) for k, v in row.items()} for row in csv_rows]


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_plain_is_the_tsv_of_the_brief_columns(
    case: Case, forms: dict[str, dict[str, str]]
) -> None:
    header, *lines = forms[case.id]["plain"].splitlines()
    shown = tuple(c.name for c in case.view.shown("plain", case.extra))
    assert tuple(header.split("\t")) == shown
    assert set(case.extra) <= set(shown)
    plain = [dict(zip(shown, line.split("\t"), strict=True)) for line in lines]
    _, *tsv_lines = forms[case.id]["tsv"].splitlines()
    tsv = [dict(zip(case.view.names, line.split("\t"), strict=True)) for line in tsv_lines]
    assert plain == [{k: row[k] for k in shown} for row in tsv]


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_table_draws_every_row_in_order(case: Case, forms: dict[str, dict[str, str]]) -> None:
    table = forms[case.id]["table"]
    assert "─" in table  # drawn, not tab-separated, though piped
    assert "\t" not in table
    records = json.loads(forms[case.id]["json"])
    keys = [case.key(r) for r in records]
    if case.view is render.OFFICIALS:  # a name may wrap in its column: its first word
        keys = [k.split()[0] for k in keys]
    where, at = [], 0
    for key in keys:
        at = table.index(key, at)
        where.append(at)
    assert where == sorted(where)


def test_the_views_of_the_listings_agree_with_the_plain_forms_users_script() -> None:
    """The columns a pipe has always had: a script reading them keeps working."""
    assert render.LISTING.names == ("id", "date", "outlet", "place", "quotes", "title")
    assert [c.name for c in render.DOUBTFUL.shown("plain")][-1] == "doubts"
    assert [c.name for c in render.HITS.shown("plain")] == [
        "id",
        "date",
        "outlet",
        "score",
        "title",
        "snippet",
    ]
    assert [c.name for c in render.QUOTES.shown("plain")] == [
        "id",
        "date",
        "speaker",
        "role",
        "quote",
    ]
    assert render.QUOTES.names == (  # quotes --csv as before
        "id",
        "date",
        "speaker",
        "role",
        "quote",
        "outlet",
        "dateline",
        "paragraph",
        "cue",
        "context",
    )
    assert render.OFFICIALS.names == (
        "name",
        "roles",
        "places",
        "articles",
        "quotes",
        "first",
        "last",
    )


# --- empty results ---


@pytest.mark.parametrize(
    ("args", "noun"),
    [
        (["search", "xyzzy"], "matches"),
        (["quotes", "xyzzy"], "quotes"),
        (["officials", "--role", "xyzzy"], "people"),
        (["list", "--doubtful"], "doubtful articles"),
    ],
)
def test_nothing_found_in_each_form(run: Run, args: list[str], noun: str) -> None:
    assert json.loads(ok(run(*args, "--json"))) == []
    assert ok(run(*args, "--nl")) == ""
    for flag in ("--csv", "--tsv"):  # a header, for the program reading it
        assert ok(run(*args, flag)).count("\n") == 1
    for flags in ([], ["--table"]):
        result = run(*args, *flags)
        assert result.stdout == "" and result.stderr == f"No {noun} found.\n"


def test_one_person_is_an_object_in_json_and_a_row_in_the_other_forms(run: Run) -> None:
    detail = json.loads(ok(run("officials", "winarto", "--json")))
    assert detail["official"]["name"] == "Winarto" and len(detail["quotes"]) == 2
    (row,) = _csv(ok(run("officials", "winarto", "--csv")))
    assert row["name"] == "Winarto" and row["quotes"] == "2"
    (line,) = ok(run("officials", "winarto", "--nl")).splitlines()
    assert json.loads(line) == detail["official"]
    assert ok(run("officials", "winarto")).startswith("name: Winarto\n")  # as ever


# --- one form at a time ---


@pytest.mark.parametrize("command", [["list"], ["search", "aman"], ["quotes"], ["officials"]])
@pytest.mark.parametrize(
    ("first", "second"), [("--json", "--csv"), ("--nl", "--tsv"), ("--csv", "--table")]
)
def test_two_forms_at_once_is_a_usage_error(
    run: Run, command: list[str], first: str, second: str
) -> None:
    result = run(*command, first, second)
    assert result.exit_code == 2
    assert f"choose one of {first} and {second}" in result.stderr


def test_every_listing_command_has_the_same_output_options() -> None:
    from pilkada.cli import OUTPUT_FLAGS, cli

    flags = {flag for flag, _ in OUTPUT_FLAGS.values()}
    assert flags == {"--json", "--nl", "--csv", "--tsv", "--table"}
    assert set(OUTPUT_FLAGS) <= set(output.FORMATS)
    having = {
        name
        for name, command in cli.commands.items()
        if flags <= {opt for p in command.params for opt in p.opts}
    }
    assert having == {"list", "search", "quotes", "officials"}
    for name in having:
        helps = {
            p.opts[0]: p.help
            for p in cli.commands[name].params
            if p.opts[0] in flags and isinstance(p, click.Option)
        }
        assert helps == {flag: text for flag, text in OUTPUT_FLAGS.values()}


# --- CSV injection, through the emitter ---

EVIL_TITLE = '=HYPERLINK("http://x.example","klik")'
EVIL = {
    "title": EVIL_TITLE,
    "outlet": "@SUM(1+1)",
    "date": "2024-11-02",
    "text": "NUNUKAN – Bupati Nunukan Asmin Laura Hafid meminta warga datang ke TPS.\n\n"
    "“=1+2 suara warga menentukan masa depan daerah,” kata Asmin Laura Hafid.\n\n"
    "-1 suara pun berharga bagi demokrasi di daerah perbatasan ini.",
}


@pytest.fixture
def evil(tmp_path: Path) -> Path:
    scraped = tmp_path / "evil.jsonl"
    scraped.write_text(json.dumps(EVIL) + "\n", encoding="utf-8")
    return scraped


def _csv(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def _tsv(text: str) -> list[dict[str, str]]:
    header, *lines = text.splitlines()
    return [dict(zip(header.split("\t"), line.split("\t"), strict=True)) for line in lines]


@pytest.mark.parametrize("flag", ["--csv", "--tsv", None])
def test_formula_cells_are_neutralised_in_every_listing(
    run: Run, evil: Path, flag: str | None
) -> None:
    read = _csv if flag == "--csv" else _tsv
    more = [flag] if flag else []
    (listed,) = read(ok(run("list", "--corpus", str(evil), *more)))
    assert listed["title"] == "'" + EVIL_TITLE and listed["outlet"] == "'@SUM(1+1)"
    (hit,) = read(ok(run("search", "suara", "--corpus", str(evil), *more)))
    assert hit["title"] == "'" + EVIL_TITLE and hit["outlet"] == "'@SUM(1+1)"
    (said,) = read(ok(run("quotes", "--corpus", str(evil), *more)))
    assert said["quote"].startswith("'=1+2")
    if flag:
        assert said["outlet"] == "'@SUM(1+1)"
    json_quote = json.loads(ok(run("quotes", "--corpus", str(evil), "--json")))[0]
    assert json_quote["quote"]["text"].startswith("=1+2")  # JSON is data: written as it is


def test_the_emitter_neutralises_every_cell_it_writes(capsys: pytest.CaptureFixture[str]) -> None:
    view: output.View[tuple[str, ...]] = output.View(
        "things", tuple(output.Column(str(i), _nth(i)) for i in range(6))
    )
    evil = ("=1+1", "+62 811", "-5", "@A1", "\tx", "\rx")
    plain = ("a", "b", "c", "d", "e", "f")
    for fmt in ("csv", "tsv", "plain"):
        output.rows([evil, plain], view, fmt)
        text = capsys.readouterr().out
        first, second = (_csv if fmt == "csv" else _tsv)(text)
        assert [first[str(i)] for i in range(4)] == ["'=1+1", "'+62 811", "'-5", "'@A1"], fmt
        # csv keeps a tab or CR and neutralises it; tsv has no tab or line break inside a cell
        assert [first["4"], first["5"]] == (["'\tx", "'\rx"] if fmt == "csv" else ["x", "x"])
        assert tuple(second.values()) == plain
    buffer = io.StringIO()
    output.write_csv([evil], view, buffer)
    assert all(v.startswith("'") for v in _csv(buffer.getvalue())[0].values())


def _nth(i: int) -> Callable[[tuple[str, ...]], str]:
    return lambda row: row[i]


# --- export's formats ---


def test_export_format_choice_is_the_registry() -> None:
    from pilkada import export
    from pilkada.cli import cli

    (fmt,) = [p for p in cli.commands["export"].params if p.name == "fmt"]
    assert isinstance(fmt.type, click.Choice)
    assert tuple(fmt.type.choices) == tuple(export.WRITERS) == export.FORMATS
    assert "parquet" in export.WRITERS and export.WRITERS["parquet"].stream is None


def test_a_format_added_to_the_registry_is_offered(
    run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pilkada import export

    def shout(articles: Any, stream: TextIO) -> int:
        n = 0
        for a in articles:
            stream.write(a.id.upper() + "\n")
            n += 1
        return n

    monkeypatch.setitem(export.WRITERS, "shout", export.Writer(stream=shout))
    assert "shout" in ok(run("export", "--help"))
    assert (
        ok(run("export", "--format", "shout", "--out", "-")).splitlines()[0]
        == "000_722F0501B75CAF7E"
    )


def test_the_command_line_imports_neither_the_writers_nor_pyarrow() -> None:
    import subprocess
    import sys

    code = (
        "import sys, pilkada.cli\n"
        "print(sorted(m for m in sys.modules if m in ('pilkada.export', 'pilkada.parquet', "
        "'pilkada.output', 'pyarrow', 'csv')))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


@given(st.text())
def test_a_tsv_cell_is_one_field_of_one_line(text: str) -> None:
    cell = output.tsv_cell(text)
    assert "\t" not in cell and len(cell.splitlines()) <= 1
    if not _one_line(text).startswith(("=", "+", "-", "@")):  # else it has a leading '
        assert "".join(cell.split()) == "".join(text.split())  # only white space is changed


def test_a_tsv_cell_keeps_its_own_spaces() -> None:
    assert output.tsv_cell("Rp  5.000\t\tper  suara\r\nlagi\n") == "Rp  5.000 per  suara lagi"


@given(
    st.text(),
    st.lists(st.text(), max_size=3),
    st.floats(allow_nan=False, allow_infinity=False),
    st.integers(min_value=-(2**53), max_value=2**53),
)
def test_a_json_record_is_what_the_standard_library_would_write(
    text: str, forms: list[str], score: float, count: int
) -> None:
    """The JSON array's records are written by pydantic's encoder: the same text as
    json.dumps(model_dump(mode="json"), ensure_ascii=False, indent=2) for any text and number,
    and the same values for any float (whose exponent pydantic writes without a sign or zero:
    1e-8 for 1e-08)."""
    from pilkada.models import Quote

    official = Official(name=text, forms=forms, roles=[text], quotes=count)
    quote = Quote(text=text, speaker=text or None, paragraph=count)
    hit = Hit(article_id=text, title=text, score=score, snippet=text, highlights=[(0, count)])
    for model in (official, quote, hit):
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            output.records([model, model], "json")
        written = out.getvalue()
        assert json.loads(written) == [model.model_dump(mode="json")] * 2
        assert list(json.loads(written)[1]) == list(type(model).model_fields)  # schema's order
        if model is not hit:
            standard = json.dumps([model.model_dump(mode="json")] * 2, ensure_ascii=False, indent=2)
            assert written == standard + "\n"


@pytest.mark.parametrize("count", [0, 1, 255, 256, 257, 600])
def test_a_json_array_of_many_batches_is_one_array(count: int) -> None:
    """Models are encoded a batch at a time; the array is one, whatever the count."""
    from pilkada.models import Quote

    quotes = [Quote(text=f"kutipan “{k}”\n", paragraph=k) for k in range(count)]
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        output.records(quotes, "json")
    standard = [q.model_dump(mode="json") for q in quotes]
    assert out.getvalue() == json.dumps(standard, ensure_ascii=False, indent=2) + "\n"
