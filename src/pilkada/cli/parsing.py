"""The commands that read files themselves, not the corpus: parse, clean, schema, eval."""

from __future__ import annotations

import click

from pilkada.cli import cli
from pilkada.cli.options import format_option, json_option


@cli.command("eval")
@click.argument("gold_dir", metavar="GOLD_DIR")
@click.option(
    "--worst", default=5, show_default=True, type=click.IntRange(min=0), help="Articles to list."
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(("txt", "html")),
    default="txt",
    show_default=True,
    help="Which form of each article to read: its text dump NAME.txt or its saved page NAME.html.",
)
@json_option
def eval_(gold_dir: str, worst: int, fmt: str, as_json: bool) -> None:
    """Measure the parser on articles you annotated: NAME.txt (or NAME.html) with
    NAME.gold.json beside it.

    Prints body precision/recall/F1, exact clean bodies, title, date, outlet and dateline
    accuracy, credits F1, quote precision/recall/F1 and attribution accuracy, then the
    articles with the most problems and what went wrong in each.

    \b
    Examples:
      pilkada eval annotated/
      pilkada eval annotated/ --worst 10 --json
      pilkada eval tests/fixtures/pages --format html
    """
    from pilkada import corpus, evaluate, render

    try:
        pairs, failures = corpus.load_gold(gold_dir, fmt)
    except corpus.CorpusError as exc:
        raise click.BadParameter(str(exc), param_hint="'GOLD_DIR'") from None
    for failure in failures:
        click.echo(f"Warning: {failure} (skipped)", err=True)
    if not pairs:
        raise click.ClickException(f"{gold_dir}: no annotated article could be read")
    render.eval_report(evaluate.report(gold_dir, pairs, worst=worst), as_json=as_json)


@cli.command()
@click.argument("files", metavar="FILE...", nargs=-1, required=True)
@format_option
@click.pass_context
def parse(ctx: click.Context, files: tuple[str, ...], fmt: str | None) -> None:
    """Parse raw article files into JSON Lines: one Article object per article, in order.

    A FILE is a text dump (.txt), a saved page (.html, .htm) or JSON Lines (.jsonl, an article
    a line); - reads standard input. Each object's "source" is the path as given. A file that
    cannot be read is reported on stderr and skipped; the exit status is then 1, after the
    others have been printed.

    \b
    Examples:
      pilkada parse berita.txt
      pilkada parse seeds/*.txt > articles.jsonl
      curl -s https://example.org/berita | pilkada parse - --format html
    """
    from pilkada import corpus, render

    failed = 0
    for item in corpus.load(files, fmt):
        if isinstance(item, corpus.LoadFailure):
            click.echo(f"Error: {item}", err=True)
            failed += 1
        else:
            render.json_line(item)
    if failed:
        ctx.exit(1)


@cli.command()
@click.argument(
    "file",
    type=click.Path(exists=True, dir_okay=False, readable=False, allow_dash=True),
    metavar="FILE",
)
@click.option("--explain", is_flag=True, help="Also list every removed line and why.")
@format_option
def clean(file: str, explain: bool, fmt: str | None) -> None:
    """Print the cleaned text of a raw article: title first, paragraphs apart.

    FILE is a text dump (.txt) or a saved page (.html, .htm); - reads standard input.

    \b
    Examples:
      pilkada clean berita.txt > bersih.txt
      pilkada clean halaman.html --explain
    """
    from pilkada import corpus, render

    item = next(corpus.load([file], fmt), None)
    if item is None:
        raise click.ClickException(f"{file}: no article in it")
    if isinstance(item, corpus.LoadFailure):
        raise click.ClickException(str(item))
    render.cleaned(item, explain=explain)


@cli.command()
def schema() -> None:
    """Print the JSON Schema of an article, the objects that parse and --json print.

    \b
    Example:
      pilkada schema > article.schema.json
    """
    from pilkada import render
    from pilkada.models import Article

    render.schema(Article.model_json_schema())
