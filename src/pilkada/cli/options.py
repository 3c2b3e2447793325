"""The options reading commands share, each declared once: the types of their values, the
form of a listing's output (``output_options``), the step of a timeline, an input's format.

Only click is imported here; a registry of names is read when a command needs it.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, TypeVar

import click

if TYPE_CHECKING:
    from pilkada.output import Format

F = TypeVar("F", bound=Callable[..., Any])


def to_date(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    """A YYYY-MM-DD option value as a date."""
    if value is None:
        return None
    try:
        return dt.datetime.strptime(value, "%Y-%m-%d").date()
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date; write it as YYYY-MM-DD") from None


class Text(click.types.StringParamType):
    """Text to look for: a command-line word that is not valid UTF-8 (a terminal set to another
    encoding) is a usage error, not a crash where it meets the index."""

    def convert(
        self, value: object, param: click.Parameter | None, ctx: click.Context | None
    ) -> str:
        text = super().convert(value, param, ctx)
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            shown = text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
            self.fail(f"'{shown}' is not valid UTF-8 text", param, ctx)
        return text


TEXT = Text()


class Registered(click.Choice[str]):
    """A choice of the names in a registry, read from it only when a command needs them (its
    --help, a value to check): the registry's module is not imported at start-up."""

    def __init__(self, names: Callable[[], Iterable[str]]) -> None:
        self._names = names
        super().__init__(())

    @property
    def choices(self) -> tuple[str, ...]:
        return tuple(self._names())

    @choices.setter
    def choices(self, value: object) -> None:  # click's __init__ sets it; the registry decides
        pass


CORPUS_HELP = (
    "Articles to read: a .txt file, a folder (searched recursively) or a glob. "
    "Default: $PILKADA_CORPUS, else the seed articles bundled with pilkada."
)


DB_HELP = (
    "The index to read (made by `pilkada index`). Default: $PILKADA_DB, else the per-user "
    "index, when there is one; --corpus reads files instead."
)


def _remember_db(ctx: click.Context, param: click.Parameter, value: str | None) -> None:
    """--db before or after the command name: kept on the root context, where the choice of
    source reads it."""
    if value is not None:
        ctx.find_root().meta["pilkada.db"] = value


def db_option(f: F) -> F:
    return click.option(
        "--db", metavar="FILE", expose_value=False, callback=_remember_db, help=DB_HELP
    )(f)


def json_option(f: F) -> F:
    return click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")(f)


# a listing's forms (pilkada.output.Format), each chosen by one flag; none: a table in a
# terminal, tab-separated text in a pipe
OUTPUT_FLAGS: dict[Format, tuple[str, str]] = {
    "json": ("--json", "Print a JSON array of the results."),
    "jsonl": ("--nl", "Print JSON Lines: one result a line."),
    "csv": ("--csv", "Print CSV of every column (for spreadsheets and analysis)."),
    "tsv": ("--tsv", "Print tab-separated values of every column."),
    "table": ("--table", "Draw a table, also when the output is piped."),
}
_OUTPUT = "pilkada.output"


def _choose_output(fmt: Format) -> Callable[[click.Context, click.Parameter, bool], None]:
    def choose(ctx: click.Context, param: click.Parameter, value: bool) -> None:
        if not value:
            return
        chosen = ctx.meta.get(_OUTPUT)
        if chosen is not None and chosen != fmt:
            flags = f"{OUTPUT_FLAGS[chosen][0]} and {OUTPUT_FLAGS[fmt][0]}"
            raise click.UsageError(f"choose one of {flags}")
        ctx.meta[_OUTPUT] = fmt

    return choose


def output_options(f: F) -> F:
    """--json, --nl, --csv, --tsv, --table: the form a listing is written in, one at most; the
    command is given it as ``output`` (None when no flag chose one)."""

    @functools.wraps(f)
    def command(*args: Any, **kwargs: Any) -> Any:
        return f(*args, output=click.get_current_context().meta.get(_OUTPUT), **kwargs)

    for fmt, (flag, text) in reversed(OUTPUT_FLAGS.items()):
        command = click.option(
            flag, is_flag=True, expose_value=False, callback=_choose_output(fmt), help=text
        )(command)
    return command  # type: ignore[return-value]


def step_options(f: F) -> F:
    """--by-day, --by-week, --by-month: the step of a timeline; by default the one the span
    of dates calls for (a month or less: day; half a year or less: week; longer: month)."""
    for unit in ("month", "week", "day"):
        f = click.option(
            f"--by-{unit}",
            "unit",
            flag_value=unit,
            help=f"Draw the timeline {unit} by {unit}.",
        )(f)
    return f


FORMAT_HELP = (
    "Read every FILE as this format. Default: told by the file's name (.txt, .html/.htm, "
    ".jsonl; any other is text), and for - (standard input) by its first bytes."
)


def format_option(f: Callable[..., Any]) -> Callable[..., Any]:
    from pilkada.inputs import FORMATS

    return click.option(
        "--format", "fmt", type=click.Choice(FORMATS), metavar="|".join(FORMATS), help=FORMAT_HELP
    )(f)
