"""Exporting articles: file names, the four formats, refusal to overwrite, atomic writes."""

from __future__ import annotations

import csv
import io
import json
import os
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pilkada.export import (
    CSV_COLUMNS,
    ExportError,
    export,
    file_names,
    render_md,
    render_txt,
    slugify,
    write_stream,
)
from pilkada.models import Article, Quote

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def article(id: str, *paragraphs: str, **fields: object) -> Article:
    return Article.model_validate({"id": id, "paragraphs": list(paragraphs), **fields})


@pytest.fixture
def articles() -> list[Article]:
    return [
        article(
            "001",
            "KUTAI KARTANEGARA, eksposisi.com – Pjs Bupati Kukar Bambang Arwanto hadir.",
            "“Semoga pilkada damai,” pungkasnya.",
            title="Pjs Bupati Kukar Menghadiri Rakor Kelancaran Penyelenggaraan Pilkada Serentak",
            outlet="eksposisi.com",
            dateline="KUTAI KARTANEGARA",
            published=date(2024, 11, 18),
            authors=["Bayu", "MS"],
            editors=["Hermi Mastura"],
            source="seeds/001.txt",
            quotes=[
                Quote(
                    text="Semoga pilkada damai,",
                    speaker="Bambang Arwanto",
                    role="Pjs Bupati Kutai Kartanegara",
                    paragraph=1,
                ),
                Quote(text="Tanpa pembicara,", paragraph=1),
            ],
        ),
        article(
            "003",
            'Rantau, Tapin (ANTARA) - Kapolda Kalsel Irjen Pol Winarto hadir, katanya; "tegas".',
            "# Bukan judul, dan *bukan* tebal.",
            outlet="ANTARA",
        ),
    ]


# --- names ---


def test_slugify() -> None:
    assert slugify("Pjs Bupati Kukar Menghadiri Rakor") == "pjs-bupati-kukar-menghadiri-rakor"
    assert slugify("Pemilihan di Bañyuwangi: “Damai”!") == "pemilihan-di-banyuwangi-damai"
    assert slugify("../../etc/passwd") == "etc-passwd"
    assert slugify("“…”") == slugify("") == "article"
    assert slugify("satu dua tiga empat", max_length=12) == "satu-dua"
    assert slugify("abcdefghijklmnop", max_length=5) == "abcde"


@given(st.text(), st.integers(min_value=1, max_value=80))
def test_slug_of_any_title_is_a_safe_name(title: str, length: int) -> None:
    slug = slugify(title, max_length=length)
    assert slug
    assert slug.isascii()
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", slug)
    assert "/" not in slug and "\\" not in slug and slug not in {".", ".."}
    assert len(slug) <= max(length, len("article")) <= 80


def test_file_names_from_date_and_title(articles: list[Article]) -> None:
    assert file_names(articles, "txt") == [
        "2024-11-18_pjs-bupati-kukar-menghadiri-rakor-kelancaran.txt",
        "undated_rantau-tapin-antara-kapolda-kalsel-irjen-pol-winarto.txt",
    ]


def test_file_names_of_the_same_title_are_numbered() -> None:
    same = [
        article(str(i), "Teks.", title="Rakor Pilkada", published=date(2024, 6, 8)) for i in "abc"
    ]
    other_day = article("d", "Teks.", title="Rakor Pilkada", published=date(2024, 6, 9))
    assert file_names([*same, other_day], "md") == [
        "2024-06-08_rakor-pilkada.md",
        "2024-06-08_rakor-pilkada-2.md",
        "2024-06-08_rakor-pilkada-3.md",
        "2024-06-09_rakor-pilkada.md",
    ]


def test_file_name_of_an_article_with_no_text_uses_its_id() -> None:
    assert file_names([article("003_e3d6")], "txt") == ["undated_003-e3d6.txt"]


@given(st.lists(st.text(max_size=100), max_size=8))
def test_file_names_are_distinct_and_short(titles: list[str]) -> None:
    names = file_names([article(str(i), "x", title=t or None) for i, t in enumerate(titles)], "txt")
    assert len(set(names)) == len(names)
    assert all(len(n) <= 80 and "/" not in n for n in names)


# --- renderings ---


def test_txt_holds_title_metadata_then_paragraphs(articles: list[Article]) -> None:
    text = render_txt(articles[0])
    head, body = text.split("\n\n", 1)
    assert head.splitlines() == [
        "Pjs Bupati Kukar Menghadiri Rakor Kelancaran Penyelenggaraan Pilkada Serentak",
        "id: 001",
        "outlet: eksposisi.com",
        "dateline: KUTAI KARTANEGARA",
        "published: 2024-11-18",
        "authors: Bayu; MS",
        "editors: Hermi Mastura",
        "source: seeds/001.txt",
    ]
    assert body == "\n\n".join(articles[0].paragraphs) + "\n"


def test_md_has_heading_metadata_paragraphs_and_quotes(articles: list[Article]) -> None:
    text = render_md(articles[0])
    assert text.startswith("# Pjs Bupati Kukar Menghadiri Rakor")
    assert "- **outlet:** eksposisi.com\n" in text
    assert "- **published:** 2024-11-18\n" in text
    assert "\n\n“Semoga pilkada damai,” pungkasnya.\n\n" in text
    quotes = text.split("## Quotes\n\n", 1)[1]
    assert "> Semoga pilkada damai,\n>\n> — Bambang Arwanto, Pjs Bupati Kutai Kartanegara" in quotes
    assert "> — unattributed" in quotes


def test_md_shows_text_that_looks_like_markdown_as_written(articles: list[Article]) -> None:
    text = render_md(articles[1])
    assert "\n\\# Bukan judul, dan \\*bukan\\* tebal.\n" in text
    assert "## Quotes" not in text


def test_write_stream_txt_and_md_separate_articles(articles: list[Article]) -> None:
    for fmt, line in [("txt", "=" * 72), ("md", "---")]:
        out = io.StringIO()
        assert write_stream(articles, fmt, out) == 2  # type: ignore[arg-type]
        first, second = out.getvalue().split(f"\n{line}\n\n")
        assert first == (render_txt if fmt == "txt" else render_md)(articles[0])
        assert second.startswith("Rantau, Tapin" if fmt == "txt" else "# Rantau, Tapin")


def test_write_stream_jsonl_and_csv(articles: list[Article]) -> None:
    out = io.StringIO()
    write_stream(articles, "jsonl", out)
    lines = out.getvalue().splitlines()
    assert [Article.model_validate_json(line) for line in lines] == articles
    out = io.StringIO()
    write_stream(articles, "csv", out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert [r["id"] for r in rows] == ["001", "003"]


def test_unknown_format(tmp_path: Path, articles: list[Article]) -> None:
    with pytest.raises(ValueError, match="unknown export format 'pdf'"):
        export(articles, "pdf", tmp_path / "x")  # type: ignore[arg-type]


# --- files ---


def test_export_txt_writes_a_folder_of_files(tmp_path: Path, articles: list[Article]) -> None:
    out = tmp_path / "korpus"
    result = export(articles, "txt", out)
    names = file_names(articles, "txt")
    assert result.format == "txt"
    assert result.out == str(out)
    assert result.articles == 2
    assert result.files == [str(out / n) for n in names]
    assert sorted(p.name for p in out.iterdir()) == sorted(names)
    assert (out / names[0]).read_text(encoding="utf-8") == render_txt(articles[0])


def test_a_folder_export_writes_each_article_before_reading_the_next(tmp_path: Path) -> None:
    written: list[int] = []

    def one_at_a_time() -> Iterator[Article]:
        for k in range(5):
            files = [f for d in tmp_path.iterdir() if d.is_dir() for f in d.iterdir()]
            written.append(len(files))  # the folder being built, beside the target
            yield article(f"a{k}", f"Paragraf {k}.", title=f"Judul {k}")

    result = export(one_at_a_time(), "txt", tmp_path / "korpus")
    assert written == [0, 1, 2, 3, 4]
    assert result.articles == 5 and len(result.files) == 5


def test_export_md(tmp_path: Path, articles: list[Article]) -> None:
    out = tmp_path / "md"
    export(articles, "md", out)
    assert (out / file_names(articles, "md")[1]).read_text(encoding="utf-8") == render_md(
        articles[1]
    )


def test_export_into_an_empty_folder_and_a_new_nested_one(
    tmp_path: Path, articles: list[Article]
) -> None:
    (tmp_path / "kosong").mkdir()
    export(articles, "txt", tmp_path / "kosong")
    assert len(list((tmp_path / "kosong").iterdir())) == 2
    with pytest.raises(ExportError, match="a/b does not exist; create it, or use --parents"):
        export(articles, "csv", tmp_path / "a" / "b" / "korpus.csv")
    assert not (tmp_path / "a").exists()  # a mistyped folder is not made
    export(articles, "csv", tmp_path / "a" / "b" / "korpus.csv", parents=True)
    assert (tmp_path / "a" / "b" / "korpus.csv").is_file()
    export(articles, "md", tmp_path / "c" / "artikel", parents=True)
    assert len(list((tmp_path / "c" / "artikel").iterdir())) == 2


def test_jsonl_round_trips(tmp_path: Path, articles: list[Article]) -> None:
    out = tmp_path / "korpus.jsonl"
    result = export(articles, "jsonl", out)
    assert result.files == [str(out)]
    lines = out.read_text(encoding="utf-8").splitlines()
    assert [Article.model_validate_json(line) for line in lines] == articles
    keys = list(json.loads(lines[0]))
    assert keys == list(Article.model_fields)  # the schema's order, as parse writes it
    assert "“Semoga" in lines[0]  # written as text, not \u escapes


def test_csv_is_readable(tmp_path: Path, articles: list[Article]) -> None:
    out = tmp_path / "korpus.csv"
    export(articles, "csv", out)
    with out.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        rows = list(reader)
    assert tuple(reader.fieldnames or ()) == CSV_COLUMNS
    first, second = rows
    assert first["published"] == "2024-11-18"
    assert first["authors"] == "Bayu; MS"
    assert first["editors"] == "Hermi Mastura"
    assert first["quotes"] == "2"
    assert first["text"] == articles[0].text
    assert second["title"] == "" and second["published"] == ""
    assert second["text"] == articles[1].text  # commas, quotes, newlines survive


def test_files_get_the_usual_permissions(tmp_path: Path, articles: list[Article]) -> None:
    old = os.umask(0o022)
    try:
        export(articles, "jsonl", tmp_path / "k.jsonl")
        export(articles, "md", tmp_path / "md")
    finally:
        os.umask(old)
    assert (tmp_path / "k.jsonl").stat().st_mode & 0o777 == 0o644
    assert (tmp_path / "md").stat().st_mode & 0o777 == 0o755


# --- never overwrite ---


def test_an_existing_file_is_refused_and_untouched(tmp_path: Path, articles: list[Article]) -> None:
    out = tmp_path / "korpus.jsonl"
    out.write_text("milik pengguna\n", encoding="utf-8")
    with pytest.raises(ExportError) as caught:
        export(articles, "jsonl", out)
    message = str(caught.value)
    assert str(out) in message and "--force" in message and "\n" not in message
    assert out.read_text(encoding="utf-8") == "milik pengguna\n"
    assert os.listdir(tmp_path) == ["korpus.jsonl"]


def test_an_existing_folder_is_refused_and_untouched(
    tmp_path: Path, articles: list[Article]
) -> None:
    out = tmp_path / "korpus"
    out.mkdir()
    (out / "catatan.txt").write_text("jangan hapus", encoding="utf-8")
    with pytest.raises(ExportError, match="--force") as caught:
        export(articles, "txt", out)
    assert str(out) in str(caught.value)
    assert os.listdir(out) == ["catatan.txt"]
    assert os.listdir(tmp_path) == ["korpus"]


def test_force_replaces_a_file(tmp_path: Path, articles: list[Article]) -> None:
    out = tmp_path / "korpus.csv"
    out.write_text("lama", encoding="utf-8")
    export(articles, "csv", out, force=True)
    assert out.read_text(encoding="utf-8").startswith("id,source,")
    assert os.listdir(tmp_path) == ["korpus.csv"]


def test_force_replaces_a_previous_export(tmp_path: Path, articles: list[Article]) -> None:
    out = tmp_path / "korpus"
    export(articles[:1], "txt", out)
    (out / "lama.md").write_text("ekspor lama", encoding="utf-8")
    export(articles, "md", out, force=True)
    assert sorted(os.listdir(out)) == sorted(file_names(articles, "md"))
    assert os.listdir(tmp_path) == ["korpus"]


def test_force_does_not_replace_a_folder_of_other_things(
    tmp_path: Path, articles: list[Article]
) -> None:
    out = tmp_path / "proyek"
    (out / "src").mkdir(parents=True)
    (out / "notes.txt").write_text("catatan", encoding="utf-8")
    with pytest.raises(ExportError, match=r"'src'.*even with --force"):
        export(articles, "txt", out, force=True)
    assert sorted(os.listdir(out)) == ["notes.txt", "src"]


def test_a_file_where_a_folder_goes_and_the_reverse(
    tmp_path: Path, articles: list[Article]
) -> None:
    (tmp_path / "berkas").write_text("x", encoding="utf-8")
    (tmp_path / "folder").mkdir()
    with pytest.raises(ExportError, match="is a file"):
        export(articles, "txt", tmp_path / "berkas", force=True)
    with pytest.raises(ExportError, match="is a folder"):
        export(articles, "jsonl", tmp_path / "folder", force=True)
    assert (tmp_path / "berkas").read_text(encoding="utf-8") == "x"
    assert os.listdir(tmp_path / "folder") == []


def test_an_unwritable_place_is_an_export_error(tmp_path: Path, articles: list[Article]) -> None:
    (tmp_path / "berkas").write_text("x", encoding="utf-8")
    with pytest.raises(ExportError, match="cannot write"):
        export(articles, "jsonl", tmp_path / "berkas" / "k.jsonl")


# --- atomic writes ---


class Interrupted(Exception):
    pass


def interrupted(articles: list[Article]) -> Iterator[Article]:
    """The articles, cut off by an interruption once the first has been written."""
    yield articles[0]
    raise Interrupted


def test_an_interrupted_file_export_leaves_nothing(
    tmp_path: Path, articles: list[Article], monkeypatch: pytest.MonkeyPatch
) -> None:
    with pytest.raises(Interrupted):
        export(interrupted(articles), "csv", tmp_path / "korpus.csv")
    assert os.listdir(tmp_path) == []


def test_an_interrupted_forced_file_export_keeps_the_old_file(
    tmp_path: Path, articles: list[Article], monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "korpus.csv"
    out.write_text("lama", encoding="utf-8")
    with pytest.raises(Interrupted):
        export(interrupted(articles), "csv", out, force=True)
    assert out.read_text(encoding="utf-8") == "lama"
    assert os.listdir(tmp_path) == ["korpus.csv"]


def test_an_interrupted_folder_export_leaves_nothing(
    tmp_path: Path, articles: list[Article], monkeypatch: pytest.MonkeyPatch
) -> None:
    with pytest.raises(Interrupted):
        export(interrupted(articles), "txt", tmp_path / "korpus")
    assert os.listdir(tmp_path) == []


def test_an_interrupted_forced_folder_export_keeps_the_old_folder(
    tmp_path: Path, articles: list[Article], monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "korpus"
    export(articles[:1], "md", out)
    before = {p.name: p.read_text(encoding="utf-8") for p in out.iterdir()}
    with pytest.raises(Interrupted):
        export(interrupted(articles), "md", out, force=True)
    assert {p.name: p.read_text(encoding="utf-8") for p in out.iterdir()} == before
    assert os.listdir(tmp_path) == ["korpus"]


# --- on the bundled seeds, whatever the parser finds ---


def test_export_of_the_seeds(tmp_path: Path) -> None:
    from pilkada.pipeline import parse

    files = sorted(SEEDS.glob("*.txt"))
    seeds = [parse(f.read_text(encoding="utf-8"), source=f.name, id=f.stem) for f in files]
    export(seeds, "jsonl", tmp_path / "seeds.jsonl")
    lines = (tmp_path / "seeds.jsonl").read_text(encoding="utf-8").splitlines()
    assert [Article.model_validate_json(line) for line in lines] == seeds
    result = export(seeds, "md", tmp_path / "md")
    assert len(result.files) == len(set(result.files)) == 5
    assert all(Path(f).read_text(encoding="utf-8").startswith("# ") for f in result.files)
