"""The one output layer of every listing: a view says what a row's columns are, one emitter writes
rows in any of the forms a listing takes.

A ``View`` is a result model's columns: each a name and how its cell is written. ``emit`` writes
rows of a view as

- ``json``: a JSON array of the models, in the schema's key order (``model_dump``), printed model
  by model so that a listing of a million rows is never one string;
- ``jsonl``: one model a line (JSON Lines);
- ``csv`` and ``tsv``: a header row of every column, then a row a model;
- ``plain``: what a pipe gets by default, tab-separated with a header row, of the view's brief
  columns (and those asked for), as pilkada always printed;
- ``table``: a rich table, what a terminal gets by default.

Every CSV and TSV cell, plain ones included, passes ``neutralised`` (OWASP's advice on CSV
injection): a scraped title or quote is never run as a formula by a spreadsheet that opens it.
Only the standard library is imported here; rich is imported when a table is drawn.
"""

from __future__ import annotations

import csv
import io
import itertools
import json
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import IO, TYPE_CHECKING, Any, Generic, Literal, TypeVar, get_args

if TYPE_CHECKING:
    from pydantic import BaseModel
    from rich.text import Text

T = TypeVar("T")

Format = Literal["json", "jsonl", "csv", "tsv", "plain", "table"]
FORMATS: tuple[Format, ...] = get_args(Format)
JSON_FORMATS = frozenset({"json", "jsonl"})
Cell = str | int | float | None

# A cell a spreadsheet would read as a formula ("=HYPERLINK(…)", "+62…", "-", "@SUM"), or that
# starts with a tab or a carriage return, gets a leading ' (OWASP's advice on CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralised(cell: object) -> object:
    """A CSV cell that no spreadsheet runs: text starting as a formula does gets a leading '."""
    if isinstance(cell, str) and cell.startswith(_FORMULA_START):
        return "'" + cell
    return cell


def unneutralised(cell: str) -> str:
    """The text a ``neutralised`` cell was made from: without the leading ' it was given."""
    if cell.startswith("'") and cell[1:].startswith(_FORMULA_START):
        return cell[1:]
    return cell


class SafeWriter:
    """``csv.writer`` whose every cell is ``neutralised``: the one CSV writer pilkada uses.

    A row ends with ``lineterminator`` (RFC 4180's CRLF unless told), and a cell holding a CR or
    an LF is quoted whatever the row's end is (``csv`` alone quotes only the end's characters)."""

    def __init__(self, stream: IO[str], *, lineterminator: str = "\r\n") -> None:
        self._stream = stream
        self._end = lineterminator
        self._row = io.StringIO()
        self._writer = csv.writer(self._row, lineterminator="\r\n")

    def writerow(self, row: Iterable[object]) -> None:
        self._row.seek(0)
        self._row.truncate()
        self._writer.writerow([neutralised(cell) for cell in row])
        self._stream.write(self._row.getvalue()[:-2] + self._end)


# what would end a tab-separated field or row inside a cell: tabs and line breaks of any kind
_BREAKS = "\t\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"
_FIELD_BREAKS = re.compile(f"[{_BREAKS}]+")


def tsv_cell(value: object) -> str:
    """One tab-separated field: each run of tabs and line breaks inside it is one space, at its
    ends none (the cell's own spaces are kept as they are); never read as a formula."""
    text = str(value) if value is not None else ""
    if text.isprintable() and not text.startswith(_FORMULA_START):
        return text  # no tab nor break (none is printable), nothing to neutralise: most cells
    return str(neutralised(_FIELD_BREAKS.sub(" ", text.strip(_BREAKS))))


@dataclass(frozen=True)
class Column(Generic[T]):
    """One column of a view: its name (the header) and how a row's cell is written."""

    name: str
    cell: Callable[[T], Cell]
    brief: bool = True  # shown by the human forms (plain, table) unless asked for
    right: bool = False  # a number: right-aligned in a table
    no_wrap: bool = False  # an id: never broken across lines in a table
    style: str | None = None  # its text's style in a table
    rich: Callable[[T], Text] | None = None  # its cell in a table, when not the text of ``cell``
    lines: Callable[[T], Sequence[str]] | None = None  # a list cell: one item a line in a table


@dataclass(frozen=True)
class View(Generic[T]):
    """A result model's columns, and how a table lays them out.

    ``stacked`` names table columns that hold several of the view's columns, one under another
    (the first as it is, the others dimmed): ``("article", ("id", "date"))``. A column in no stack
    is a table column of its own.
    """

    noun: str  # what the rows are: "No {noun} found."
    columns: tuple[Column[T], ...]
    stacked: tuple[tuple[str, tuple[str, ...]], ...] = ()
    wide: frozenset[str] = field(default_factory=frozenset)  # table columns that wrap, not crop

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)

    def shown(self, fmt: Format, extra: Iterable[str] = ()) -> tuple[Column[T], ...]:
        """The columns ``fmt`` writes: every one in csv and tsv; in plain and table, the brief
        ones and those in ``extra``."""
        if fmt in ("csv", "tsv"):
            return self.columns
        asked = set(extra)
        unknown = asked - set(self.names)
        if unknown:
            raise ValueError(f"no column {sorted(unknown)[0]!r} in a view of {self.noun}")
        return tuple(c for c in self.columns if c.brief or c.name in asked)

    def row(self, item: T, columns: Sequence[Column[T]] | None = None) -> list[Cell]:
        return [c.cell(item) for c in (self.columns if columns is None else columns)]


def use_rich() -> bool:
    """Whether to draw for a person (stdout is a terminal) rather than for a pipe."""
    return sys.stdout.isatty()


def resolve(fmt: Format | None) -> Format:
    """The form asked for, else a table in a terminal and plain text in a pipe."""
    if fmt is not None:
        return fmt
    return "table" if use_rich() else "plain"


def _write(text: str) -> None:
    # straight to the stream (click.echo's checks and flush per call were a third of a long
    # listing's time); what is left is flushed, and a closed pipe told, by the command line
    sys.stdout.write(text)


_BATCH = 256  # models of a JSON array encoded at once


def records(items: Iterable[BaseModel], fmt: Literal["json", "jsonl"]) -> None:
    """The models as a JSON array (``json``) or one a line (``jsonl``), the schema's key order."""
    if fmt == "jsonl":
        for item in items:
            _write(json.dumps(item.model_dump(mode="json"), ensure_ascii=False) + "\n")
        return
    # pydantic's own encoder writes what json.dumps(..., ensure_ascii=False, indent=2) of each
    # model_dump(mode="json") writes, five times as fast (the standard library indents in
    # Python); a batch of models is one array of it, written without its brackets
    from pydantic_core import to_json

    it = iter(items)
    opened = False
    while batch := list(itertools.islice(it, _BATCH)):
        _write(",\n" if opened else "[\n")
        _write(to_json(batch, indent=2)[2:-2].decode("utf-8"))
        opened = True
    _write("\n]\n" if opened else "[]\n")


def rows(
    items: Iterable[T],
    view: View[T],
    fmt: Format | None = None,
    *,
    extra: Iterable[str] = (),
) -> None:
    """The rows of ``view`` in a tabular form (csv, tsv, plain, table; None: plain or table as
    the output is a pipe or a terminal), each written as it comes except in a table.

    csv and tsv always begin with their header; plain and table say on stderr that nothing was
    found instead (the models' JSON forms are ``records``)."""
    form = resolve(fmt)
    if form in JSON_FORMATS:
        raise ValueError(f"{form} is written by records(), from the models")
    columns = view.shown(form, extra)
    rest = iter(items)
    first = next(rest, None)
    if first is None and form in ("plain", "table"):
        import click

        click.echo(f"No {view.noun} found.", err=True)
        return
    found: Iterator[T] = itertools.chain([] if first is None else [first], rest)
    if form == "csv":
        _csv(found, view, columns, sys.stdout, lineterminator="\n")
    elif form == "table":
        _table(list(found), view, columns)
    else:
        _write("\t".join(c.name for c in columns) + "\n")
        for item in found:
            _write("\t".join(tsv_cell(cell) for cell in view.row(item, columns)) + "\n")


def emit(
    items: Iterable[Any],
    view: View[Any],
    fmt: Format | None = None,
    *,
    extra: Iterable[str] = (),
) -> None:
    """Models written in any form: ``records`` for json and jsonl, else ``rows`` of ``view``."""
    if fmt == "json" or fmt == "jsonl":
        records(items, fmt)
    else:
        rows(items, view, fmt, extra=extra)


def write_csv(
    items: Iterable[T], view: View[T], stream: IO[str], *, lineterminator: str = "\r\n"
) -> int:
    """Every column of ``view`` as CSV on ``stream`` (RFC 4180's line ends unless told);
    returns how many rows were written."""
    return _csv(items, view, view.columns, stream, lineterminator=lineterminator)


def _csv(
    items: Iterable[T],
    view: View[T],
    columns: Sequence[Column[T]],
    stream: IO[str],
    *,
    lineterminator: str,
) -> int:
    writer = SafeWriter(stream, lineterminator=lineterminator)
    writer.writerow(c.name for c in columns)
    count = 0
    for item in items:
        writer.writerow(view.row(item, columns))
        count += 1
    return count


def _table(items: Sequence[T], view: View[T], columns: Sequence[Column[T]]) -> None:
    from rich import box
    from rich.console import Console
    from rich.table import Column as TableColumn
    from rich.table import Table
    from rich.text import Text

    by_name = {c.name: c for c in columns}
    stacks: list[tuple[str, list[Column[T]]]] = []
    placed: set[str] = set()
    for c in columns:
        if c.name in placed:
            continue
        stack = next((s for s in view.stacked if s[1][0] == c.name), None)
        members = [by_name[n] for n in stack[1] if n in by_name] if stack else [c]
        placed.update(m.name for m in members)
        stacks.append((stack[0] if stack else c.name, members))

    def text(item: T, column: Column[T]) -> Text:
        if column.rich is not None:
            return column.rich(item)
        if column.lines is not None:
            return Text("\n".join(column.lines(item)), style=column.style or "")
        value = column.cell(item)
        return Text("" if value is None else str(value), style=column.style or "")

    headers = [
        TableColumn(
            header,
            justify="right" if members[0].right else "left",
            no_wrap=members[0].no_wrap,
            overflow="fold",
            min_width=24 if header in view.wide else None,
        )
        for header, members in stacks
    ]
    table = Table(*headers, box=box.SIMPLE_HEAD, leading=1)
    for item in items:
        cells = []
        for _, members in stacks:
            cell = text(item, members[0])
            for extra in members[1:]:
                more = text(item, extra)
                if more.plain:
                    if extra.rich is None:  # a rich cell styles itself
                        more.stylize("dim")
                    cell.append("\n")
                    cell.append_text(more)
            cells.append(cell)
        table.add_row(*cells)
    Console(markup=False, emoji=False, highlight=False).print(table)
