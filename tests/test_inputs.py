"""One reader for every command: a file gives the same Article through parse, clean, --corpus
and index, in each format, and - reads standard input."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from pilkada import inputs

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
SEED = SEEDS / "003_e3d696af9c73c6e7.txt"

PAGE = """<!doctype html><html><head>
<title>Pemilih Muda Tapin Diajak ke TPS - Kabar Tapin</title>
<meta property="og:site_name" content="Kabar Tapin">
<meta property="article:published_time" content="2024-11-20T08:15:00+08:00">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/politik">Politik</a></li></ul></nav>
<article><h1>Pemilih Muda Tapin Diajak ke TPS</h1>
<p>Rantau, Kabar Tapin - Ketua KPU Tapin Ahmad Rizani mengajak pemilih muda datang ke TPS.</p>
<p>“Suara anak muda menentukan arah daerah kita lima tahun ke depan,” kata Ahmad Rizani.</p>
<div class="share">Bagikan: Facebook Twitter WhatsApp</div>
</article></body></html>"""


@pytest.fixture
def files(tmp_path: Path) -> Path:
    """One article in each format: a text dump, a saved page, and a JSON Lines record."""
    folder = tmp_path / "berita"
    folder.mkdir()
    (folder / "teks.txt").write_bytes(SEED.read_bytes())
    (folder / "halaman.html").write_text(PAGE, encoding="utf-8")
    record = {"text": SEED.read_text(encoding="utf-8"), "outlet": "Kabar Tapin"}
    (folder / "rekam.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    return folder


def parsed(result: Result) -> list[dict[str, object]]:
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


@pytest.mark.parametrize(
    ("name", "ident"),
    [("teks.txt", "teks"), ("halaman.html", "halaman"), ("rekam.jsonl", "rekam.1")],
)
def test_every_command_reads_a_file_the_same_way(
    run: Callable[..., Result], files: Path, tmp_path: Path, name: str, ident: str
) -> None:
    path = str(files / name)
    (by_parse,) = parsed(run("parse", path))
    assert by_parse["id"] == ident
    by_corpus = json.loads(run("show", ident, "--json", "--corpus", path).stdout)
    assert by_corpus == by_parse
    db = tmp_path / "idx.db"
    assert run("index", str(files), "--db", str(db)).exit_code == 0
    by_index = json.loads(run("show", ident, "--json", "--db", str(db)).stdout)
    assert {k: v for k, v in by_index.items() if k != "source"} == {
        k: v for k, v in by_parse.items() if k != "source"
    }
    cleaned = run("clean", path)
    assert cleaned.exit_code == 0
    title = [by_parse["title"]] if by_parse["title"] else []
    assert cleaned.stdout == "\n\n".join(title + by_parse["paragraphs"]) + "\n"  # type: ignore[operator]


def test_a_page_is_read_through_its_markup_by_parse(
    run: Callable[..., Result], files: Path
) -> None:
    (article,) = parsed(run("parse", str(files / "halaman.html")))
    assert article["title"] == "Pemilih Muda Tapin Diajak ke TPS"
    assert article["outlet"] == "Kabar Tapin"
    assert article["published"] == "2024-11-20"
    assert not any("<" in p for p in article["paragraphs"])  # type: ignore[union-attr]
    assert "Bagikan: Facebook Twitter WhatsApp" not in article["paragraphs"]  # type: ignore[operator]
    removed = {r["line"]: r["reason"] for r in article["removed"]}  # type: ignore[attr-defined]
    assert removed["Bagikan: Facebook Twitter WhatsApp"] == "page chrome: a block named 'share'"
    assert removed["Home"] == "page chrome: <nav>"


def test_a_folder_corpus_holds_every_format(run: Callable[..., Result], files: Path) -> None:
    listed = json.loads(run("list", "--json", "--corpus", str(files)).stdout)
    assert sorted(a["id"] for a in listed) == ["halaman", "rekam.1", "teks"]


@pytest.mark.parametrize("fmt", [None, "html"])
def test_standard_input_is_read_by_parse_and_clean(
    run: Callable[..., Result], fmt: str | None
) -> None:
    flag = ["--format", fmt] if fmt else []
    (article,) = parsed(run("parse", "-", *flag, input=PAGE.encode()))
    assert (article["id"], article["source"], article["outlet"]) == ("stdin", "-", "Kabar Tapin")
    cleaned = run("clean", "-", *flag, input=PAGE.encode())
    assert cleaned.exit_code == 0
    assert cleaned.stdout.startswith("Pemilih Muda Tapin Diajak ke TPS\n\nRantau, Kabar Tapin")


def test_format_wins_over_the_name(run: Callable[..., Result], tmp_path: Path) -> None:
    page = tmp_path / "halaman.txt"
    page.write_text(PAGE, encoding="utf-8")
    (as_text,) = parsed(run("parse", str(page)))
    (as_page,) = parsed(run("parse", str(page), "--format", "html"))
    assert any("<" in p for p in as_text["paragraphs"])  # type: ignore[union-attr]
    assert as_page["outlet"] == "Kabar Tapin"


def test_an_unknown_format_is_a_usage_error(run: Callable[..., Result]) -> None:
    result = run("parse", str(SEED), "--format", "pdf")
    assert result.exit_code == 2
    assert "'pdf' is not one of" in result.stderr


def test_a_bad_line_of_json_lines_is_reported_and_the_rest_read(
    run: Callable[..., Result], tmp_path: Path
) -> None:
    path = tmp_path / "rekam.jsonl"
    good = json.dumps({"text": SEED.read_text(encoding="utf-8")})
    path.write_text(f"{good}\n[1, 2]\n{good}\n", encoding="utf-8")
    result = run("parse", str(path))
    assert result.exit_code == 1
    assert [json.loads(x)["id"] for x in result.stdout.splitlines()] == ["rekam.1", "rekam.3"]
    assert f"{path}:2: bad line: not a JSON object" in result.stderr


@pytest.mark.parametrize(
    ("data", "fmt"),
    [
        (b"<!doctype html><p>x</p>", "html"),
        (b"\xef\xbb\xbf\n  <html>", "html"),
        (b'{"text": "x"}\n{"text": "y"}', "jsonl"),
        (b"JAKARTA - Ketua KPU ...", "txt"),
        (b"", "txt"),
    ],
)
def test_sniff_tells_a_format_by_its_first_bytes(data: bytes, fmt: str) -> None:
    assert inputs.sniff(data) == fmt


def test_format_of_a_name() -> None:
    assert [inputs.format_of(n) for n in ("a.TXT", "b.htm", "c.html", "d.jsonl", "e.md")] == [
        "txt",
        "html",
        "html",
        "jsonl",
        None,
    ]


def test_eval_reads_the_saved_pages_with_format_html(run: Callable[..., Result]) -> None:
    pages = str(Path(__file__).parent / "fixtures" / "pages")
    as_html = json.loads(run("eval", pages, "--format", "html", "--json").stdout)
    as_text = json.loads(run("eval", pages, "--json").stdout)
    assert as_html["articles"] == as_text["articles"] >= 20
    assert as_html["metrics"]["title_acc"] == 1.0


def test_a_file_over_the_size_budget_is_refused_unread_and_the_rest_read(
    run: Callable[..., Result], files: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    budget = SEED.stat().st_size * 2
    monkeypatch.setattr(inputs, "MAX_ARTICLE_BYTES", budget)
    huge = files / "gabungan.txt"
    huge.write_bytes(SEED.read_bytes() * 3)
    message = f"{huge}: too large for one article (0 MB; pilkada reads up to 0 MB an article)"
    result = run("parse", str(huge), str(files / "teks.txt"))
    assert result.exit_code == 1
    assert [json.loads(x)["id"] for x in result.stdout.splitlines()] == ["teks"]
    assert message in result.stderr
    db = tmp_path / "index.db"
    result = run("index", str(files), "--db", str(db))
    assert "failed: 1" in result.stdout and "articles in the index: 3" in result.stdout
    assert message in result.stderr
    # a .jsonl file holds many articles: its lines are measured, not the file
    lines = files / "banyak.jsonl"
    record = json.dumps({"text": SEED.read_text(encoding="utf-8")})
    lines.write_text(f"{record}\n{json.dumps({'text': 'x ' * budget})}\n{record}\n")
    result = run("parse", str(lines))
    assert [json.loads(x)["id"] for x in result.stdout.splitlines()] == ["banyak.1", "banyak.3"]
    assert f"{lines}:2: too large for one article" in result.stderr


def test_an_index_given_as_articles_is_named_for_what_it_is(
    run: Callable[..., Result], files: Path, tmp_path: Path
) -> None:
    db = tmp_path / "korpus.db"
    assert run("index", str(files), "--db", str(db)).exit_code == 0
    for args in (["parse", str(db)], ["list", "--corpus", str(db)]):
        result = run(*args)
        assert result.exit_code == 1
        assert (
            "is an SQLite database (a pilkada index?), not articles; give an index with --db"
            in (result.stderr)
        )
