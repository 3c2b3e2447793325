"""The Parquet export: typed tables of articles and quotes, read back with pyarrow."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from pilkada import corpus, parquet
from pilkada.models import Article

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


@pytest.fixture(scope="module")
def seeds() -> list[Article]:
    return [a for a in corpus.load(sorted(SEEDS.glob("*.txt"))) if isinstance(a, Article)]


def test_articles_and_quotes_are_typed_tables(seeds: list[Article], tmp_path: Path) -> None:
    assert parquet.write(seeds, tmp_path) == 5
    articles = pq.read_table(tmp_path / "articles.parquet")
    quotes = pq.read_table(tmp_path / "quotes.parquet")
    assert articles.num_rows == 5 and quotes.num_rows == sum(len(a.quotes) for a in seeds)
    assert articles.schema.field("published").type == pa.date32()
    assert articles.schema.field("authors").type == pa.list_(pa.string())
    assert quotes.schema.field("paragraph").type == pa.int32()
    rows = {r["id"]: r for r in articles.to_pylist()}
    first = seeds[0]
    assert rows[first.id]["published"] == first.published
    assert rows[first.id]["text"] == "\n\n".join(first.paragraphs)
    assert rows[first.id]["quotes"] == len(first.quotes)
    said = [q for q in quotes.to_pylist() if q["article"] == first.id]
    assert [(q["n"], q["text"], q["speaker"]) for q in said] == [
        (n, q.text, q.speaker) for n, q in enumerate(first.quotes, start=1)
    ]
    meta = pq.ParquetFile(tmp_path / "quotes.parquet").metadata
    assert meta.row_group(0).column(0).compression == "ZSTD"


def test_rows_are_written_in_batches(
    seeds: list[Article], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(parquet, "BATCH", 2)
    parquet.write(seeds, tmp_path)
    assert pq.ParquetFile(tmp_path / "articles.parquet").num_row_groups == 3  # 2 + 2 + 1
    ids = pq.read_table(tmp_path / "articles.parquet").column("id").to_pylist()
    assert ids == [a.id for a in seeds]


def test_no_articles_still_give_both_tables_with_their_columns(tmp_path: Path) -> None:
    assert parquet.write([], tmp_path) == 0
    empty = pq.read_table(tmp_path / "quotes.parquet")
    assert empty.num_rows == 0 and "speaker" in empty.column_names


def test_undated_article_has_a_null_date(tmp_path: Path) -> None:
    undated = Article(id="x", paragraphs=["Isi."])
    dated = Article(id="y", paragraphs=["Isi."], published=dt.date(2024, 11, 27))
    parquet.write([undated, dated], tmp_path)
    days = pq.read_table(tmp_path / "articles.parquet").column("published").to_pylist()
    assert days == [None, dt.date(2024, 11, 27)]


def test_without_pyarrow_the_error_says_how_to_install_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    with pytest.raises(parquet.ParquetMissing, match=r"pip install 'pilkada\[parquet\]'"):
        parquet.write([], tmp_path)
