"""The commands of the index: index (build or update it), check (read it for damage) and serve
(browse it in a web browser)."""

from __future__ import annotations

import click

from pilkada.cli import chosen_source, cli
from pilkada.cli.options import db_option, json_option


@cli.command()
@db_option
@json_option
def check(as_json: bool) -> None:
    """Read the whole index for damage (a disk's or a copy's): SQLite's own check, the
    full-text tables', and every stored article. Exit 1 when a part is damaged.

    SQLite keeps no checksum of its pages: a damaged page may hide articles or quotes from a
    query with no error, which only this finds. The other commands check what they read.

    \b
    Example:
      pilkada check --db proyek.db
    """
    from pilkada import render

    source = chosen_source(None)  # files have no index to check: a usage error
    with render.progress_bar("checking the index", "articles") as progress:
        report = source.check(progress)
    render.checked(report, as_json=as_json)


@cli.command()
@click.argument("paths", metavar="PATH...", nargs=-1, required=True)
@click.option(
    "--db",
    metavar="FILE",
    help="The index to build or update. Default: $PILKADA_DB, else "
    "$XDG_DATA_HOME/pilkada/index.db (~/.local/share/pilkada/index.db).",
)
@click.option("--prune", is_flag=True, help="Forget indexed files under PATH that are gone.")
@click.option("--rebuild", is_flag=True, help="Start the index afresh (after a schema change).")
@click.option(
    "--jobs",
    type=click.IntRange(min=1),
    help="Worker processes that parse. Default: one per core.",
)
@click.option(
    "--batch",
    type=click.IntRange(min=1),
    default=1000,
    show_default=True,
    help="Articles written per transaction.",
)
@click.option(
    "--errors",
    "errors_file",
    metavar="FILE",
    type=click.Path(dir_okay=False, writable=True),
    help="Write every file or line that failed, with the reason, to FILE.",
)
@json_option
@click.pass_context
def index(
    ctx: click.Context,
    paths: tuple[str, ...],
    db: str | None,
    prune: bool,
    rebuild: bool,
    jobs: int | None,
    batch: int,
    errors_file: str | None,
    as_json: bool,
) -> None:
    """Index articles for fast search: .txt, .html/.htm and .jsonl files, folders recursively.

    Unchanged files are skipped (by content hash), changed ones parsed again, and an article
    found in two files is stored once. A .jsonl file holds one article a line, as a JSON object
    with "text" or "html" and optionally "url", "title", "date" and "outlet". Every command
    then reads the index (see --db); --corpus still reads files.

    \b
    Examples:
      pilkada index berita/
      pilkada index scrape.jsonl halaman/ --db proyek.db
      pilkada index berita/ --prune --errors gagal.txt
    """
    from pathlib import Path

    from pilkada import ingest, render, store

    where = db or ctx.find_root().meta.get("pilkada.db")
    path = Path(where).expanduser() if where else store.default_path()
    ctx.meta["pilkada.index"] = path
    try:
        with render.ingest_progress() as progress:
            report = ingest.ingest(
                path,
                paths,
                prune=prune,
                rebuild=rebuild,
                jobs=jobs,
                batch=batch,
                progress=progress,
                upgrading=lambda: render.progress_bar("upgrading the index", "articles"),
            )
    except ingest.Busy as exc:
        raise click.ClickException(str(exc)) from None
    except ingest.IngestError as exc:
        raise click.BadParameter(str(exc), param_hint="'PATH'") from None
    except store.StoreError as exc:
        raise click.ClickException(str(exc)) from None
    except KeyboardInterrupt:
        click.echo(
            "Interrupted: the index keeps every batch written so far (an upgrade of an older "
            "index under way is undone); run the same command again to complete it.",
            err=True,
        )
        ctx.exit(130)
    if errors_file:
        lines = "".join(f"{f.source}\t{f.reason}\n" for f in report.failures)
        Path(errors_file).write_text(lines, encoding="utf-8")
    render.ingest_report(report, as_json=as_json)
    if report.failed and not report.articles:
        ctx.exit(1)


@cli.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="The address to listen on.")
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=8001,
    show_default=True,
    help="The port (0: any free one).",
)
@click.option(
    "--get",
    "page",
    metavar="PATH",
    help="Print the page at PATH (as /index/quotes.json?speaker=...) and exit, serving nothing.",
)
def serve(host: str, port: int, page: str | None) -> None:
    """Browse the index in a web browser: articles, quotes and people as tables to search,
    facet and sort, with canned queries (quotes by an official, articles about a region).
    Needs datasette: pip install 'pilkada[web]'. Stop it with Ctrl-C.

    \b
    Examples:
      pilkada serve                 # then open http://127.0.0.1:8001/
      pilkada serve --db proyek.db --port 8080
      pilkada serve --get '/index/quotes.json?_facet=speaker'
    """
    from pilkada import web

    source = chosen_source(None)  # files cannot be served: a usage error
    if source.index is None:
        raise click.BadParameter(
            "no index to serve; build one with: pilkada index PATH...", param_hint="'--db'"
        )
    try:
        if page is not None:
            status, body = web.get(source.index, page)
            click.echo(body)
            if status != 200:
                raise click.ClickException(f"{page}: the page answered {status}")
            return
        where = source.index

        def announce(url: str) -> None:
            click.echo(f"{where} at {url} (Ctrl-C stops)", err=True)

        web.serve(where, host, port, announce)
    except web.WebError as exc:
        raise click.ClickException(str(exc)) from None
