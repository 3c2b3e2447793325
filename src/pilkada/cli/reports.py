"""The commands that report on the corpus as a whole: summarise, plot, export."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import click

from pilkada.charts import CHART_KINDS
from pilkada.cli import cli, reading_options
from pilkada.cli.options import TEXT, Registered, json_option, step_options

if TYPE_CHECKING:
    from pilkada.export import ExportFormat
    from pilkada.sources import Filters, Source


@cli.command()
@click.argument("ident", metavar="[ID]", required=False, type=TEXT)
@click.option(
    "--top",
    type=click.IntRange(min=1),
    default=10,
    show_default=True,
    help="Entries in each ranking of the corpus summary.",
)
@click.option(
    "--sentences",
    type=click.IntRange(min=1),
    default=3,
    show_default=True,
    help="Key sentences in an article summary.",
)
@step_options
@click.option("--bars", is_flag=True, help="Draw the charts also when the output is piped.")
@reading_options()
@json_option
def summarise(
    ident: str | None,
    top: int,
    sentences: int,
    unit: str | None,
    bars: bool,
    source: Source,
    filters: Filters,
    as_json: bool,
) -> None:
    """Summarise the corpus, or one article when ID is given (alias: summarize).

    The corpus: articles by outlet and by month, date range, places, regions, most-quoted
    speakers and most frequent content words; in a terminal, each drawn as bars, with the
    articles over time by day, week or month. One article: metadata, lead, key sentences and
    quotes.

    \b
    Examples:
      pilkada summarise
      pilkada summarise --by-week --since 2024-09-01
      pilkada summarise --outlet antara --json
      pilkada summarise 004
    """
    from pilkada import render, summary
    from pilkada.corpus import CorpusError

    if ident is None:
        found_all = source.summary(filters, top=top, unit=unit)
        render.corpus_summary(found_all, as_json=as_json, bars=bars)
        return
    try:  # one article: looked up, not found among all of them
        article = source.find(ident)
    except CorpusError as exc:
        raise click.BadParameter(str(exc), param_hint="'ID'") from None
    found = summary.summarise_article(article, sentences=sentences)
    render.article_summary(found, as_json=as_json)


@cli.command()
@click.argument("kind", type=click.Choice(CHART_KINDS))
@click.option(
    "--out",
    metavar="FILE",
    required=True,
    type=click.Path(dir_okay=False),
    help="The image to write: FILE.png or FILE.svg.",
)
@click.option(
    "--by", "person", metavar="NAME", type=TEXT, help="For 'quotes': whose quotes to draw."
)
@click.option(
    "--top", type=click.IntRange(min=1), default=10, show_default=True, help="Bars of a ranking."
)
@step_options
@reading_options()
def plot(
    kind: str,
    out: str,
    person: str | None,
    top: int,
    unit: str | None,
    source: Source,
    filters: Filters,
) -> None:
    """Draw a chart of the corpus as an image: PNG or SVG, as --out's name says.

    KIND is one of: timeline (articles per day, week or month), outlets, regions, speakers
    (the most quoted), quotes (one person's quotes over time, with --by NAME). Needs
    matplotlib: pip install 'pilkada[plot]'.

    \b
    Examples:
      pilkada plot timeline --out liputan.png
      pilkada plot regions --since 2024-09-01 --out wilayah.svg
      pilkada plot quotes --by laura --by-week --out laura.png
    """
    from pathlib import Path

    from pilkada import plots

    if kind == "quotes" and not person:
        raise click.UsageError("a chart of quotes is of one person's: give --by NAME")
    title, rows, over_time = source.chart(kind, filters, top=top, unit=unit, by=person)
    try:
        plots.write(
            rows,
            Path(out),
            title=title,
            timeline=over_time,
            counted="quotes" if kind == "quotes" else "articles",
        )
    except plots.PlotError as exc:
        raise click.ClickException(str(exc)) from None
    drawn = "step" if over_time else "bar"
    click.echo(f"{out}: {title}, {len(rows)} {drawn}{'' if len(rows) == 1 else 's'}", err=True)


def _export_formats() -> tuple[str, ...]:
    from pilkada.export import WRITERS

    return tuple(WRITERS)


@cli.command()
@click.option(
    "--format", "fmt", type=Registered(_export_formats), required=True, help="What to write."
)
@click.option(
    "--out",
    metavar="PATH",
    required=True,
    help="A folder for txt and md (one file per article) and parquet (two tables), a file for "
    "jsonl and csv; - for stdout.",
)
@click.option("--force", is_flag=True, help="Overwrite files that already exist.")
@click.option("--parents", is_flag=True, help="Make the folder --out goes in if it is missing.")
@reading_options()
@json_option
def export(
    fmt: ExportFormat,
    out: str,
    force: bool,
    parents: bool,
    source: Source,
    filters: Filters,
    as_json: bool,
) -> None:
    """Export the cleaned articles and their metadata.

    txt and md write one file per article into a folder, named from date and title; jsonl and
    csv write one file; parquet writes a folder of two typed tables for analysts,
    articles.parquet and quotes.parquet (needs pyarrow: pip install 'pilkada[parquet]').
    Existing files are never overwritten without --force.

    \b
    Examples:
      pilkada export --format md --out artikel/
      pilkada export --format csv --out pilkada.csv --since 2024-11-01
      pilkada export --format jsonl --out - | jq .title
      pilkada export --format parquet --out tabel/
    """
    from pathlib import Path

    from pilkada import export as exporter
    from pilkada import render

    articles = source.articles(filters)
    if out == "-":
        if exporter.writer(fmt).stream is None:
            raise click.BadParameter(
                f"{fmt} is written to a folder, not to stdout", param_hint="'--out'"
            )
        if as_json:
            raise click.BadParameter("--json cannot be used with --out -", param_hint="'--json'")
        exporter.write_stream(articles, fmt, sys.stdout)
        return
    try:
        result = exporter.export(articles, fmt, Path(out), force=force, parents=parents)
    except exporter.ExportError as exc:
        raise click.ClickException(str(exc)) from None
    render.export_result(result, as_json=as_json)
