"""The corpus as Parquet for analysts: a table of articles and a table of quotes, typed columns,
zstd-compressed, written with pyarrow (the ``parquet`` extra: ``pip install 'pilkada[parquet]'``).

``write`` streams: the articles are read once and written ``BATCH`` rows at a time, so a million
articles are exported without being held at once.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pilkada.models import Article

BATCH = 10_000  # articles a row group holds
ARTICLES = "articles.parquet"
QUOTES = "quotes.parquet"


class ParquetMissing(Exception):
    """pyarrow is not installed."""


def _arrow() -> Any:
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError:
        raise ParquetMissing(
            "writing Parquet needs pyarrow: pip install 'pilkada[parquet]'"
        ) from None
    return pyarrow


def schemas() -> tuple[Any, Any]:
    """The articles' and the quotes' table schemas."""
    pa = _arrow()
    text, words = pa.string(), pa.list_(pa.string())
    articles = pa.schema(
        [
            ("id", text),
            ("source", text),
            ("title", text),
            ("outlet", text),
            ("dateline", text),
            ("published", pa.date32()),
            ("published_text", text),
            ("authors", words),
            ("editors", words),
            ("places", words),
            ("officials", words),
            ("paragraphs", pa.int32()),
            ("quotes", pa.int32()),
            ("text", text),
            ("title_confidence", text),
            ("published_confidence", text),
        ]
    )
    quotes = pa.schema(
        [
            ("article", text),
            ("n", pa.int32()),
            ("text", text),
            ("speaker", text),
            ("role", text),
            ("cue", text),
            ("confidence", text),
            ("paragraph", pa.int32()),
            ("published", pa.date32()),
        ]
    )
    return articles, quotes


def _article_row(a: Article) -> dict[str, object]:
    return {
        "id": a.id,
        "source": a.source,
        "title": a.title,
        "outlet": a.outlet,
        "dateline": a.dateline,
        "published": a.published,
        "published_text": a.published_text,
        "authors": a.authors,
        "editors": a.editors,
        "places": a.places,
        "officials": [p.name for p in a.officials],
        "paragraphs": len(a.paragraphs),
        "quotes": len(a.quotes),
        "text": "\n\n".join(a.paragraphs),
        "title_confidence": a.title_confidence.level.value,
        "published_confidence": a.published_confidence.level.value,
    }


def write(articles: Iterable[Article], folder: Path) -> int:
    """Write ``folder/articles.parquet`` and ``folder/quotes.parquet`` (the folder must exist);
    the number of articles written."""
    pa = _arrow()
    article_schema, quote_schema = schemas()
    options = {"compression": "zstd"}
    count = 0
    with (
        pa.parquet.ParquetWriter(folder / ARTICLES, article_schema, **options) as article_out,
        pa.parquet.ParquetWriter(folder / QUOTES, quote_schema, **options) as quote_out,
    ):
        rows: list[dict[str, object]] = []
        said: list[dict[str, object]] = []

        def flush() -> None:
            article_out.write_table(pa.Table.from_pylist(rows, schema=article_schema))
            quote_out.write_table(pa.Table.from_pylist(said, schema=quote_schema))
            rows.clear()
            said.clear()

        for a in articles:
            rows.append(_article_row(a))
            said += [
                {
                    "article": a.id,
                    "n": n,
                    "text": q.text,
                    "speaker": q.speaker,
                    "role": q.role,
                    "cue": q.cue,
                    "confidence": q.confidence.value,
                    "paragraph": q.paragraph,
                    "published": a.published,
                }
                for n, q in enumerate(a.quotes, start=1)
            ]
            count += 1
            if len(rows) >= BATCH:
                flush()
        flush()  # the last rows, or an empty table: a file with its schema either way
    return count
