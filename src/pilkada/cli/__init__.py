"""The ``pilkada`` command: read the options, make one call on the source, hand the result to
render.

The group and its error handling live here, with the one decorator that gives a reading command
its source and its filters (``reading_options``); the commands live in the modules of this
package, one for each kind: ``listings`` (list, show, search, quotes, officials), ``reports``
(summarise, plot, export), ``parsing`` (parse, clean, schema, eval) and ``indexing`` (index,
check, serve). Only click is imported at start-up; each command imports what it needs
(pydantic, rich, the parser, the index) when it runs, so ``pilkada --help`` stays fast.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable, Generator, Iterable, Iterator
from typing import TYPE_CHECKING, Any, TypeVar

import click

from pilkada import __version__
from pilkada.cli.options import (
    CORPUS_HELP,
    OUTPUT_FLAGS,
    TEXT,
    db_option,
    output_options,
    to_date,
)

if TYPE_CHECKING:
    from pilkada.sources import Source

__all__ = [
    "ALIASES",
    "OUTPUT_FLAGS",
    "PilkadaGroup",
    "chosen_source",
    "cli",
    "main",
    "output_options",
    "reading_options",
]

F = TypeVar("F", bound=Callable[..., Any])
T = TypeVar("T")

ALIASES = {"summarize": "summarise"}


class PilkadaGroup(click.Group):
    """A group whose usage errors are one line (``Error: …``) and whose commands have aliases."""

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        return super().get_command(ctx, ALIASES.get(cmd_name, cmd_name))

    def make_context(
        self,
        info_name: str | None,
        args: list[str],
        parent: click.Context | None = None,
        **extra: Any,
    ) -> click.Context:
        try:
            return super().make_context(info_name, args, parent, **extra)
        except click.UsageError as exc:
            raise _one_line(exc) from None

    def invoke(self, ctx: click.Context) -> Any:
        from pilkada.errors import explain

        try:
            result = super().invoke(ctx)
            sys.stdout.flush()  # a full device or a closed pipe is told here, not at exit
            return result
        except click.UsageError as exc:
            raise _one_line(exc) from None
        except click.exceptions.Exit:  # --help, or a command's own exit status: as it is
            raise
        except BrokenPipeError:  # `pilkada list | head -3`: the reader has all it wants
            from pilkada.errors import silence_stdout

            silence_stdout()
            raise click.exceptions.Exit(1) from None
        except Exception as exc:
            from pilkada.sources import SourceError, SourceUsageError

            if isinstance(exc, SourceUsageError):  # a corpus or an index that is not there
                raise _one_line(click.BadParameter(str(exc), param_hint=exc.option)) from None
            if isinstance(exc, SourceError):  # articles that cannot be read
                raise click.ClickException(str(exc)) from None
            # the index locked, damaged or out of disk, a file or the output that cannot be
            # written: one line (errors.explain); anything else is a bug and shows as one
            if (known := explain(exc, ctx.meta.get("pilkada.index"))) is None:
                raise
            raise click.ClickException(known) from None


def _one_line(exc: click.UsageError) -> click.UsageError:
    """The same error without the usage lines click prints above it."""
    if isinstance(exc, click.exceptions.NoArgsIsHelpError):
        return exc
    return click.UsageError(" ".join(exc.format_message().split()))  # click's choices: a line each


# --- the source and the filters of a reading command ---


def _filter_options() -> list[Callable[[F], F]]:
    return [
        click.option("--outlet", type=TEXT, help="Only articles whose outlet contains this text."),
        click.option(
            "--place",
            type=TEXT,
            help="Only articles from or about this place: the dateline, or a region the "
            "article names (abbreviations such as kukar or kaltara work).",
        ),
        click.option(
            "--since",
            metavar="YYYY-MM-DD",
            callback=to_date,
            help="Only articles published on or after this day.",
        ),
        click.option(
            "--until",
            metavar="YYYY-MM-DD",
            callback=to_date,
            help="Only articles published on or before this day.",
        ),
    ]


def _official_option() -> Callable[[F], F]:
    return click.option(
        "--official",
        metavar="NAME",
        type=TEXT,
        help="Only articles naming this person (each word the start of a word of the name).",
    )


def reading_options(*, filters: bool = True, official: bool = False) -> Callable[[F], F]:
    """--db and --corpus, which choose the source the command reads (given to it as
    ``source``); with ``filters``, --outlet, --place, --since and --until (with ``official``,
    --official before them all) as one ``sources.Filters`` (given as ``filters``)."""

    def decorate(f: F) -> F:
        @functools.wraps(f)
        def command(*args: Any, corpus: str | None, **kwargs: Any) -> Any:
            from dataclasses import fields

            from pilkada.sources import Filters

            given = {f.name: kwargs.pop(f.name) for f in fields(Filters) if f.name in kwargs}
            chosen = Filters(**given)
            if chosen.since and chosen.until and chosen.since > chosen.until:
                raise click.BadParameter(
                    f"{chosen.since} is after --until {chosen.until}", param_hint="'--since'"
                )
            if filters:
                kwargs["filters"] = chosen
            return f(*args, source=chosen_source(corpus), **kwargs)

        options = [
            *([_official_option()] if official else []),
            db_option,
            click.option("--corpus", metavar="PATH", help=CORPUS_HELP),
            *(_filter_options() if filters else []),
        ]
        for option in reversed(options):
            command = option(command)
        return command  # type: ignore[return-value]

    return decorate


def chosen_source(corpus: str | None) -> Source:
    """The articles the command reads, chosen once by ``sources.open_source``: the command's
    --corpus, else the group's (which also reads $PILKADA_CORPUS); else the index --db names,
    before or after the command name."""
    from pilkada.sources import open_source

    ctx = click.get_current_context()
    root = ctx.find_root()
    if not corpus:
        given = root.params.get("corpus")
        corpus = given if isinstance(given, str) and given else None
    source = open_source(corpus, root.meta.get("pilkada.db"), warn=_warn, watch=_article_stream)
    ctx.meta["pilkada.index"] = source.index  # named by an error the index gives later
    return source


def _warn(message: str) -> None:
    click.echo(f"Warning: {message}", err=True)


PROGRESS_EVERY = 1_000  # articles read between updates of the progress bar


def _article_stream(stream: Iterable[T], total: Callable[[], int]) -> Iterator[T]:
    """A pass over the index's articles (whole, or their listed rows), with a progress bar on
    stderr (in a terminal) once a thousand have been read: a pass over a large index takes a
    while. ``total`` counts the articles when the bar first shows."""
    reading = _with_progress(stream, total)
    if (ctx := click.get_current_context(silent=True)) is not None:
        # a command that fails midway takes its progress bar down before click shows the error
        ctx.call_on_close(reading.close)
    return reading


def _with_progress(stream: Iterable[T], total: Callable[[], int]) -> Generator[T, None, None]:
    from pilkada import render

    with render.progress_bar("reading", "articles") as progress:
        counted: int | None = None
        for k, item in enumerate(stream, 1):
            if progress is not None and k % PROGRESS_EVERY == 0:
                counted = total() if counted is None else counted
                progress(k, counted)
            yield item


# --- the group ---


@click.group(cls=PilkadaGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="pilkada")
@click.option(
    "--corpus", envvar="PILKADA_CORPUS", show_envvar=True, metavar="PATH", help=CORPUS_HELP
)
@db_option
def cli(corpus: str | None) -> None:
    """A clean, structured corpus from raw Indonesian regional-election (Pilkada) news.

    Every command reads the seed articles bundled with pilkada unless --corpus (before or after
    the command name) or $PILKADA_CORPUS points it at your own .txt files, or an index built by
    `pilkada index` is there (--db names another).

    \b
    Examples:
      pilkada list
      pilkada --corpus berita/ search "kampanye damai"
      pilkada quotes --by laura
      pilkada parse berita/*.txt > articles.jsonl
      pilkada index berita/ && pilkada search "pilih NOT kampanye"
    """


def main() -> None:
    """The console script's entry point. Output that fails outside a command (``--version``,
    the group's ``--help``, the last flush) is told as inside one (``PilkadaGroup.invoke``)."""
    try:
        try:
            cli(prog_name="pilkada")
        finally:
            sys.stdout.flush()
    except OSError as exc:
        from pilkada.errors import explain, output_failed

        if not output_failed(exc):
            raise
        said = explain(exc, None)
        if not isinstance(exc, BrokenPipeError):
            click.echo(f"Error: {said}", err=True)
        sys.exit(1)


# the commands, each module adding its own to the group
from pilkada.cli import indexing, listings, parsing, reports  # noqa: E402, F401
