"""The ``pilkada`` command: read the options, call one library function, hand the result to render.

Only click is imported at start-up; each command imports what it needs (pydantic, rich, the parser)
when it runs, so ``pilkada --help`` stays fast.
"""

from __future__ import annotations

import datetime as dt
import functools
import sys
from collections.abc import Callable, Generator, Iterable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

import click

from pilkada import __version__
from pilkada.charts import CHART_KINDS

if TYPE_CHECKING:
    import sqlite3
    from pathlib import Path

    from pilkada.export import ExportFormat
    from pilkada.models import Article, Hit, Official, OfficialDetail
    from pilkada.output import Format
    from pilkada.store import Filters

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
        except BrokenPipeError:  # `pilkada list | head -3`: the reader has all it wants
            from pilkada.errors import silence_stdout

            silence_stdout()
            raise click.exceptions.Exit(1) from None
        except Exception as exc:
            # the index locked, damaged or out of disk, a file or the output that cannot be
            # written: one line (errors.explain); anything else is a bug and shows as one
            if (known := explain(exc, ctx.meta.get("pilkada.index"))) is None:
                raise
            raise click.ClickException(known) from None


def _one_line(exc: click.UsageError) -> click.UsageError:
    """The same error without the usage lines click prints above it."""
    if isinstance(exc, click.exceptions.NoArgsIsHelpError):
        return exc
    return click.UsageError(exc.format_message())


def _to_date(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    """A YYYY-MM-DD option value as a date."""
    if value is None:
        return None
    try:
        return dt.datetime.strptime(value, "%Y-%m-%d").date()
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date; write it as YYYY-MM-DD") from None


class _Text(click.types.StringParamType):
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


TEXT = _Text()


class _Registered(click.Choice[str]):
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


def _export_formats() -> tuple[str, ...]:
    from pilkada.export import WRITERS

    return tuple(WRITERS)


# --- shared options ---

CORPUS_HELP = (
    "Articles to read: a .txt file, a folder (searched recursively) or a glob. "
    "Default: $PILKADA_CORPUS, else the seed articles bundled with pilkada."
)


DB_HELP = (
    "The index to read (made by `pilkada index`). Default: $PILKADA_DB, else the per-user "
    "index, when there is one; --corpus reads files instead."
)


def _remember_db(ctx: click.Context, param: click.Parameter, value: str | None) -> None:
    """--db before or after the command name: kept on the root context for _index_path."""
    if value is not None:
        ctx.find_root().meta["pilkada.db"] = value


def db_option(f: F) -> F:
    return click.option(
        "--db", metavar="FILE", expose_value=False, callback=_remember_db, help=DB_HELP
    )(f)


def corpus_option(f: F) -> F:
    return db_option(click.option("--corpus", metavar="PATH", help=CORPUS_HELP)(f))


def filter_options(f: F) -> F:
    options = [
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
            callback=_to_date,
            help="Only articles published on or after this day.",
        ),
        click.option(
            "--until",
            metavar="YYYY-MM-DD",
            callback=_to_date,
            help="Only articles published on or before this day.",
        ),
    ]
    for option in reversed(options):
        f = option(f)
    return f


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


def _corpus_spec(spec: str | None) -> str | None:
    """The command's --corpus, else the group's (which also reads $PILKADA_CORPUS)."""
    if spec:
        return spec
    root = click.get_current_context().find_root()
    value = root.params.get("corpus")
    return value if isinstance(value, str) and value else None


def _index_path(spec: str | None) -> Path | None:
    """The index to read: none with --corpus; --db (which must exist); else the default one."""
    from pilkada import store

    if _corpus_spec(spec):
        return None
    db = click.get_current_context().find_root().meta.get("pilkada.db")
    try:
        return store.locate(db)
    except store.StoreError as exc:
        hint = "'--db'" if db is not None else f"${store.ENVVAR}"
        raise click.BadParameter(str(exc), param_hint=hint) from None


def _open_index(path: Path) -> sqlite3.Connection:
    from pilkada import store

    if (ctx := click.get_current_context(silent=True)) is not None:
        ctx.meta["pilkada.index"] = path  # named by an error the index gives later
    try:
        return store.connect(path)
    except store.StoreError as exc:
        raise click.ClickException(str(exc)) from None


def _article_stream(
    spec: str | None,
    *,
    outlet: str | None = None,
    place: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> Iterable[Article]:
    """The corpus's articles that pass the filters, oldest first; from an index, read one at a
    time as they are used; from files, all read first (bad files are warned about)."""
    from pilkada import corpus

    _check_dates(since, until)
    index = _index_path(spec)
    if index is None:
        return _files(spec, outlet=outlet, place=place, since=since, until=until)
    from pilkada import store

    read = _from_index(index, store.iter_articles, outlet=outlet, since=since, until=until)
    return corpus.filtered(read, place=place)


def _from_index(
    index: Path,
    read: Callable[[sqlite3.Connection, Filters], Iterable[T]],
    *,
    outlet: str | None,
    since: dt.date | None,
    until: dt.date | None,
) -> Generator[T, None, None]:
    """What ``read`` gives of the index's articles passing the filters (``_reading``)."""
    from pilkada import store

    filters = store.Filters(outlet=outlet, since=since, until=until)
    conn = _open_index(index)
    return _reading(read(conn, filters), conn, filters)


def _check_dates(since: dt.date | None, until: dt.date | None) -> None:
    if since and until and since > until:
        raise click.BadParameter(f"{since} is after --until {until}", param_hint="'--since'")


PROGRESS_EVERY = 1_000  # articles read between updates of the progress bar


def _reading(
    stream: Iterable[T], conn: sqlite3.Connection, filters: Filters
) -> Generator[T, None, None]:
    """``stream``, with a progress bar on stderr (in a terminal) once a thousand articles have
    been read: a pass over a large index takes a while."""
    reading = _with_progress(stream, conn, filters)
    if (ctx := click.get_current_context(silent=True)) is not None:
        # a command that fails midway takes its progress bar down before click shows the error
        ctx.call_on_close(reading.close)
    return reading


def _with_progress(
    stream: Iterable[T], conn: sqlite3.Connection, filters: Filters
) -> Generator[T, None, None]:
    from pilkada import render, store

    with render.progress_bar("reading", "articles") as progress:
        total: int | None = None
        for k, item in enumerate(stream, 1):
            if progress is not None and k % PROGRESS_EVERY == 0:
                total = store.count(conn, filters) if total is None else total
                progress(k, total)
            yield item


def _articles(
    spec: str | None,
    *,
    outlet: str | None = None,
    place: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> list[Article]:
    """``_article_stream``, all at once."""
    return list(_article_stream(spec, outlet=outlet, place=place, since=since, until=until))


def _files(
    spec: str | None,
    *,
    outlet: str | None,
    place: str | None,
    since: dt.date | None,
    until: dt.date | None,
) -> list[Article]:
    """The articles of the files ``spec`` names that pass the filters, oldest first."""
    from pilkada import corpus

    spec = _corpus_spec(spec)
    try:
        paths = corpus.resolve(spec)
    except corpus.CorpusError as exc:
        raise click.BadParameter(str(exc), param_hint="'--corpus'") from None
    found: list[Article] = []
    failures: list[corpus.LoadFailure] = []
    for item in corpus.load(paths):
        if isinstance(item, corpus.LoadFailure):
            failures.append(item)
        else:
            found.append(item)
    if not found and len(failures) == 1:
        raise click.ClickException(str(failures[0]))
    for failure in failures:
        click.echo(f"Warning: {failure} (skipped)", err=True)
    if not found:
        raise click.ClickException(f"{spec or paths[0].parent}: no article could be read")
    selected = corpus.filtered(found, outlet=outlet, place=place, since=since, until=until)
    return corpus.sort_by_date(selected)


def _find(articles: Sequence[Article], ident: str) -> Article:
    from pilkada import corpus

    try:
        return corpus.find(articles, ident)
    except corpus.CorpusError as exc:
        raise click.BadParameter(str(exc), param_hint="'ID'") from None


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


@cli.command("list")
@click.option(
    "--doubtful",
    is_flag=True,
    help="Only articles whose title, date or a quote's speaker the parser is unsure of, "
    "most doubts first, with what to check.",
)
@corpus_option
@filter_options
@output_options
def list_(
    doubtful: bool,
    corpus: str | None,
    outlet: str | None,
    place: str | None,
    since: dt.date | None,
    until: dt.date | None,
    output: Format | None,
) -> None:
    """List the articles: id, date, outlet, place, quotes and title, oldest first.

    Undated articles come last, and are left out when --since or --until is given.
    --doubtful lists the articles a person should check first.

    \b
    Examples:
      pilkada list
      pilkada list --outlet antara --since 2024-11-01
      pilkada list --json | jq '.[].title'
      pilkada list --csv > artikel.csv
      pilkada list --doubtful
    """
    from pilkada import output as out
    from pilkada import render
    from pilkada.models import Listing

    _check_dates(since, until)
    whole = output in out.JSON_FORMATS  # the JSON of a listing is the articles'
    index = None if doubtful or whole or place else _index_path(corpus)
    if index is not None:  # what a listing shows, without reading the articles whole
        from pilkada import store

        rows = _from_index(index, store.iter_listing, outlet=outlet, since=since, until=until)
        out.rows(rows, render.LISTING, output)
        return
    items = _article_stream(corpus, outlet=outlet, place=place, since=since, until=until)
    if doubtful:
        items = sorted((a for a in items if a.doubts), key=lambda a: -len(a.doubts))
    if output == "json" or output == "jsonl":
        out.records(items, output)
    else:
        view = render.DOUBTFUL if doubtful else render.LISTING
        out.rows((Listing.of(a, doubts=doubtful) for a in items), view, output)


@cli.command()
@click.argument("ident", metavar="ID", type=TEXT)
@corpus_option
@json_option
def show(ident: str, corpus: str | None, as_json: bool) -> None:
    """Show one cleaned article, or one person and everything they said.

    ID is an article's id (its file name without .txt) or the start of one; otherwise it is
    read as a person's name ("laura", "winarto"), as in `pilkada officials NAME`.

    \b
    Examples:
      pilkada show 003
      pilkada show 001_dc520509730166cf --json
      pilkada show laura
    """
    from pilkada import corpus as corpus_
    from pilkada import render, roster

    index = _index_path(corpus)
    if index is not None:
        from pilkada import store

        try:
            render.article(store.find(_open_index(index), ident), as_json=as_json)
            return
        except corpus_.CorpusError as exc:
            not_an_article = exc  # perhaps a person's name
        articles = _naming_articles(corpus, ident)
    else:
        articles = _articles(corpus)
        try:
            render.article(corpus_.find(articles, ident), as_json=as_json)
            return
        except corpus_.CorpusError as exc:
            not_an_article = exc
    people = roster.find_officials(roster.build_roster(articles), ident)
    if len(people) == 1:
        render.person(_person_detail(people[0], articles), as_json=as_json)
        return
    if len(people) > 1:
        names = "; ".join(p.name for p in people)
        raise click.BadParameter(
            f"'{ident}' fits {len(people)} people ({names}); give more of the name",
            param_hint="'ID'",
        )
    raise click.BadParameter(f"{not_an_article} (nor a person's name)", param_hint="'ID'")


@cli.command()
@click.argument("query", type=TEXT)
@click.option("--regex", is_flag=True, help="Read QUERY as a regular expression.")
@click.option(
    "--limit",
    type=click.IntRange(min=0),
    default=20,
    show_default=True,
    help="Show at most this many hits; 0 for all.",
)
@click.option(
    "--official",
    metavar="NAME",
    type=TEXT,
    help="Only articles naming this person (each word the start of a word of the name).",
)
@corpus_option
@filter_options
@output_options
def search(
    query: str,
    regex: bool,
    limit: int,
    official: str | None,
    corpus: str | None,
    outlet: str | None,
    place: str | None,
    since: dt.date | None,
    until: dt.date | None,
    output: Format | None,
) -> None:
    """Search the cleaned text (titles and paragraphs); best matches first.

    Every word of QUERY must occur, as a word or the start of one ("pilkada" finds
    "Pilkadanya"); a "quoted phrase" must occur as written. Case and accents are ignored.
    With --regex, QUERY is a Python regular expression, matched ignoring case.

    On an index (see `pilkada index`), a word also finds its other forms ("pilih" finds
    "pemilihan" and "memilih"), "pemil*" finds words that start so, and AND, OR, NOT and
    brackets combine terms; hits are ranked by bm25. A search with a term in more than
    2,000 articles shows the matches indexed last, those with the words in the title first,
    and says so on stderr; --limit 0 ranks every match.

    \b
    Examples:
      pilkada search netralitas
      pilkada search "rapat koordinasi" --outlet eksposisi
      pilkada search --regex "1[0-9] hari" --json
      pilkada search "pilih NOT kampanye" --official laura --db index.db
    """
    from pilkada import corpus as corpus_
    from pilkada import output as out
    from pilkada import render
    from pilkada.search import QueryError
    from pilkada.search import search as run_search

    index = None if regex else _index_path(corpus)
    try:
        if index is not None:
            found = _search_index(index, query, limit, outlet, place, since, until, official)
        else:
            articles = _articles(corpus, outlet=outlet, place=place, since=since, until=until)
            articles = list(corpus_.filtered(articles, official=official))
            found = run_search(articles, query, regex=regex, limit=limit or None)
    except QueryError as exc:
        raise click.BadParameter(str(exc), param_hint="'QUERY'") from None
    out.emit(found, render.HITS, output)


def _search_index(
    index: Path,
    query: str,
    limit: int,
    outlet: str | None,
    place: str | None,
    since: dt.date | None,
    until: dt.date | None,
    official: str | None,
) -> list[Hit]:
    from pilkada import corpus, store

    if since and until and since > until:
        raise click.BadParameter(f"{since} is after --until {until}", param_hint="'--since'")
    filters = store.Filters(outlet=outlet, since=since, until=until, official=official)
    keep = (lambda a: any(corpus.filtered([a], place=place))) if place is not None else None
    conn = _open_index(index)
    notes: list[str] = []
    found = store.search(conn, query, limit=limit or None, filters=filters, keep=keep, notes=notes)
    for note in notes:
        click.echo(f"note: {note}", err=True)
    return found


@cli.command()
@click.argument("query", required=False, type=TEXT)
@click.option(
    "--by", "speaker", metavar="NAME", type=TEXT, help="Only quotes whose speaker's name has this."
)
@click.option("--role", type=TEXT, help="Only quotes whose speaker's role has this, e.g. bupati.")
@click.option(
    "--context",
    is_flag=True,
    help="Show the paragraph each quote stands in (CSV and TSV always have it).",
)
@corpus_option
@filter_options
@output_options
def quotes(
    query: str | None,
    speaker: str | None,
    role: str | None,
    context: bool,
    corpus: str | None,
    outlet: str | None,
    place: str | None,
    since: dt.date | None,
    until: dt.date | None,
    output: Format | None,
) -> None:
    """List direct quotes with speaker, role, article and date.

    QUERY, if given, keeps the quotes whose words contain it (ignoring case and accents).

    \b
    Examples:
      pilkada quotes --by laura
      pilkada quotes --by "laura hafid" --context
      pilkada quotes --role kapolda
      pilkada quotes --role "bawaslu kukar" --csv > kutipan.csv
      pilkada quotes netral --place kaltara --since 2024-11-01 --json
    """
    from pilkada import output as out
    from pilkada import render
    from pilkada.search import QueryError, find_quotes

    index = _index_path(corpus)
    try:
        if index is not None and (query is not None or speaker is not None or role is not None):
            # the index finds the quotes with the words, or the articles quoting someone whose
            # name (or role) has words starting so or close to them; the rest as ever. It never
            # falls back to reading every article, which on a large index takes minutes.
            from pilkada import roster, store

            conn = _open_index(index)
            filters = store.Filters(outlet=outlet, since=since, until=until)
            if query is not None:
                articles = store.quoting_articles(conn, query, filters=filters)
            elif speaker is not None:
                articles = store.speaking_articles(conn, speaker, filters=filters)
            else:
                words = " ".join(roster.expanded(role or ""))
                articles = store.role_articles(conn, words, filters=filters)
            found = find_quotes(articles, None, by=speaker, role=role, place=place)
        else:  # every article, one at a time
            stream = _article_stream(corpus, outlet=outlet, since=since, until=until)
            found = find_quotes(stream, query, by=speaker, role=role, place=place)
    except QueryError as exc:
        raise click.BadParameter(str(exc), param_hint=f"'{exc.option or 'QUERY'}'") from None
    if speaker is not None:
        speakers = sorted({h.quote.speaker for h in found if h.quote.speaker})
        if len(speakers) > 1 and len(speaker.split()) == 1:
            click.echo(
                f"Note: '{speaker}' fits {len(speakers)} speakers ({', '.join(speakers)}); "
                "showing all. Give more of the name to choose one.",
                err=True,
            )
    out.emit(found, render.QUOTES, output, extra=("context",) if context else ())


SORTS = ("quotes", "articles", "name", "first", "last")


@cli.command()
@click.argument("name", required=False, type=TEXT)
@click.option(
    "--role", type=TEXT, help="Only people with a role that has this, e.g. kapolda, ketua kpu."
)
@click.option(
    "--sort",
    "sort_by",
    type=click.Choice(SORTS),
    default="quotes",
    show_default=True,
    help="Order of the table.",
)
@corpus_option
@filter_options
@output_options
def officials(
    name: str | None,
    role: str | None,
    sort_by: str,
    corpus: str | None,
    outlet: str | None,
    place: str | None,
    since: dt.date | None,
    until: dt.date | None,
    output: Format | None,
) -> None:
    """The people the articles name: roles, places, articles, quotes, first and last seen.

    One row per real person across the corpus: short forms ("Laura", "Bupati Laura") are one
    person with the full name, and people who only share a name part stay apart. With NAME,
    the one person it fits is shown with all their quotes by date (--json: as one object;
    --nl, --csv, --tsv and --table: as their row); a NAME that fits several people lists them.
    --place keeps people whose roles are in that region.

    \b
    Examples:
      pilkada officials
      pilkada officials --role bupati --sort name
      pilkada officials --place kukar --json
      pilkada officials --csv > tokoh.csv
      pilkada officials winarto
    """
    from pilkada import output as out
    from pilkada import render, roster

    if name is None:  # every article once, one at a time
        stream = _article_stream(corpus, outlet=outlet, since=since, until=until)
        people = roster.find_officials(roster.build_roster(stream), None, role=role, place=place)
        out.emit(_sorted_people(people, sort_by), render.OFFICIALS, output)
        return
    articles = _naming_articles(corpus, name, outlet=outlet, since=since, until=until)
    people = roster.find_officials(roster.build_roster(articles), name, role=role, place=place)
    if len(people) == 1 and output in (None, "json"):
        render.person(_person_detail(people[0], articles), as_json=output == "json")
        return
    if len(people) > 1 and output not in out.JSON_FORMATS:
        click.echo(
            f"Note: '{name}' fits {len(people)} people; give more of the name to choose one.",
            err=True,
        )
    out.emit(_sorted_people(people, sort_by), render.OFFICIALS, output)


def _naming_articles(
    spec: str | None,
    name: str,
    *,
    outlet: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> list[Article]:
    """The articles that may name a person: on an index, those naming someone whose name words
    start as the name's do or are close to them (``store.naming_articles``; never every
    article, which on a large index takes minutes); else every article."""
    index = _index_path(spec)
    if index is not None:
        from pilkada import store

        filters = store.Filters(outlet=outlet, since=since, until=until)
        return store.naming_articles(_open_index(index), name, filters=filters)
    return _articles(spec, outlet=outlet, since=since, until=until)


def _sorted_people(people: list[Official], sort_by: str) -> list[Official]:
    far = dt.date.max
    keys: dict[str, Callable[[Official], Any]] = {
        "quotes": lambda o: (-o.quotes, -len(o.articles), o.name.casefold()),
        "articles": lambda o: (-len(o.articles), -o.quotes, o.name.casefold()),
        "name": lambda o: o.name.casefold(),
        "first": lambda o: (o.first_seen or far, o.name.casefold()),
        "last": lambda o: (-(o.last_seen or dt.date.min).toordinal(), o.name.casefold()),
    }
    return sorted(people, key=keys[sort_by])


def _person_detail(person: Official, articles: Sequence[Article]) -> OfficialDetail:
    from pilkada.models import OfficialDetail
    from pilkada.roster import name_matches
    from pilkada.search import find_quotes

    mine = [a for a in articles if a.id in set(person.articles)]
    said = [
        h
        for h in find_quotes(mine)
        if h.quote.speaker and name_matches(h.quote.speaker, person.name)
    ]
    return OfficialDetail(official=person, quotes=said)


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
@corpus_option
@filter_options
@json_option
def summarise(
    ident: str | None,
    top: int,
    sentences: int,
    unit: str | None,
    bars: bool,
    corpus: str | None,
    outlet: str | None,
    place: str | None,
    since: dt.date | None,
    until: dt.date | None,
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

    if ident is None:
        stream = _article_stream(corpus, outlet=outlet, place=place, since=since, until=until)
        found_all = summary.summarise_corpus(stream, top=top, unit=unit)
        render.corpus_summary(found_all, as_json=as_json, bars=bars)
    else:
        index = _index_path(corpus)
        if index is not None:  # one article: looked up, not found among all of them
            from pilkada import corpus as corpus_
            from pilkada import store

            try:
                article = store.find(_open_index(index), ident)
            except corpus_.CorpusError as exc:
                raise click.BadParameter(str(exc), param_hint="'ID'") from None
        else:
            articles = _articles(corpus, outlet=outlet, place=place, since=since, until=until)
            article = _find(articles, ident)
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
@corpus_option
@filter_options
def plot(
    kind: str,
    out: str,
    person: str | None,
    top: int,
    unit: str | None,
    corpus: str | None,
    outlet: str | None,
    place: str | None,
    since: dt.date | None,
    until: dt.date | None,
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

    from pilkada import plots, summary

    if kind == "quotes" and not person:
        raise click.UsageError("a chart of quotes is of one person's: give --by NAME")
    stream = _article_stream(corpus, outlet=outlet, place=place, since=since, until=until)
    title, rows, over_time = summary.chart(stream, kind, top=top, unit=unit, by=person)
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


@cli.command()
@click.option(
    "--format", "fmt", type=_Registered(_export_formats), required=True, help="What to write."
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
@corpus_option
@filter_options
@json_option
def export(
    fmt: ExportFormat,
    out: str,
    force: bool,
    parents: bool,
    corpus: str | None,
    outlet: str | None,
    place: str | None,
    since: dt.date | None,
    until: dt.date | None,
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

    articles = _article_stream(corpus, outlet=outlet, place=place, since=since, until=until)
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


FORMAT_HELP = (
    "Read every FILE as this format. Default: told by the file's name (.txt, .html/.htm, "
    ".jsonl; any other is text), and for - (standard input) by its first bytes."
)


def format_option(f: Callable[..., Any]) -> Callable[..., Any]:
    from pilkada.inputs import FORMATS

    return click.option(
        "--format", "fmt", type=click.Choice(FORMATS), metavar="|".join(FORMATS), help=FORMAT_HELP
    )(f)


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
    from pilkada import render, store

    path = _index_path(None)
    if path is None:
        raise click.BadParameter("no index to check; build one with: pilkada index PATH...")
    conn = _open_index(path)
    with render.progress_bar("checking the index", "articles") as progress:
        report = store.check(conn, path, progress)
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
