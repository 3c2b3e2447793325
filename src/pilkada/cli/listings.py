"""The commands that list what the corpus holds: list, show, search, quotes, officials."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from pilkada.cli import cli, reading_options
from pilkada.cli.options import TEXT, Registered, json_option, output_options

NAMED = 8  # people a note or an error names of those a name fits; the rest are counted

if TYPE_CHECKING:
    from pilkada.output import Format
    from pilkada.sources import Filters, Source


@cli.command("list")
@click.option(
    "--doubtful",
    is_flag=True,
    help="Only articles whose title, date or a quote's speaker the parser is unsure of, "
    "most doubts first, with what to check.",
)
@reading_options()
@output_options
def list_(doubtful: bool, source: Source, filters: Filters, output: Format | None) -> None:
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

    if output == "json" or output == "jsonl":  # the JSON of a listing is the articles'
        out.records(source.doubtful(filters) if doubtful else source.articles(filters), output)
    elif doubtful:
        rows = (Listing.of(a, doubts=True) for a in source.doubtful(filters))
        out.rows(rows, render.DOUBTFUL, output)
    else:  # on an index, what a listing shows, without reading the articles whole
        out.rows(source.listing(filters), render.LISTING, output)


@cli.command()
@click.argument("ident", metavar="ID", type=TEXT)
@reading_options(filters=False)
@json_option
def show(ident: str, source: Source, as_json: bool) -> None:
    """Show one cleaned article, or one person and everything they said.

    ID is an article's id (its file name without .txt) or the start of one; otherwise it is
    read as a person's name ("laura", "winarto"), as in `pilkada officials NAME`.

    \b
    Examples:
      pilkada show 003
      pilkada show 001_dc520509730166cf --json
      pilkada show laura
    """
    from pilkada import render
    from pilkada.corpus import CorpusError

    try:
        article = source.find(ident)
    except CorpusError as exc:
        not_an_article = exc  # perhaps a person's name
    else:
        render.article(article, as_json=as_json)
        return
    people = source.people(ident)
    if len(people.found) == 1:
        render.person(people.detail(people.found[0]), as_json=as_json)
        return
    if len(people.found) > 1:
        names = "; ".join(p.name for p in people.found[:NAMED])
        if len(people.found) > NAMED:
            names += f" and {len(people.found) - NAMED:,} more"
        raise click.BadParameter(
            f"'{ident}' fits {len(people.found)} people ({names}); give more of the name",
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
@reading_options(official=True)
@output_options
def search(
    query: str,
    regex: bool,
    limit: int,
    source: Source,
    filters: Filters,
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
    from pilkada import output as out
    from pilkada import render
    from pilkada.search import QueryError

    notes: list[str] = []
    try:
        found = source.search(query, filters, regex=regex, limit=limit or None, notes=notes)
    except QueryError as exc:
        raise click.BadParameter(str(exc), param_hint="'QUERY'") from None
    for note in notes:
        click.echo(f"note: {note}", err=True)
    out.emit(found, render.HITS, output)


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
@reading_options()
@output_options
def quotes(
    query: str | None,
    speaker: str | None,
    role: str | None,
    context: bool,
    source: Source,
    filters: Filters,
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
    from pilkada.search import QueryError

    try:
        found = source.quotes(filters, query, by=speaker, role=role)
    except QueryError as exc:
        raise click.BadParameter(str(exc), param_hint=f"'{exc.option or 'QUERY'}'") from None
    if speaker is not None:
        speakers = sorted({h.quote.speaker for h in found if h.quote.speaker})
        if len(speakers) > 1 and len(speaker.split()) == 1:
            shown = ", ".join(speakers[:NAMED])
            if len(speakers) > NAMED:
                shown += f" and {len(speakers) - NAMED:,} more"
            click.echo(
                f"Note: '{speaker}' fits {len(speakers)} speakers ({shown}); "
                "showing all. Give more of the name to choose one.",
                err=True,
            )
    out.emit(found, render.QUOTES, output, extra=("context",) if context else ())


def _sorts() -> tuple[str, ...]:
    from pilkada.sources import SORTS

    return SORTS


@cli.command()
@click.argument("name", required=False, type=TEXT)
@click.option(
    "--role", type=TEXT, help="Only people with a role that has this, e.g. kapolda, ketua kpu."
)
@click.option(
    "--sort",
    "sort_by",
    type=Registered(_sorts),
    default="quotes",
    show_default=True,
    help="Order of the table.",
)
@reading_options()
@output_options
def officials(
    name: str | None,
    role: str | None,
    sort_by: str,
    source: Source,
    filters: Filters,
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
    from pilkada import render

    if name is None:  # every article once, one at a time
        out.emit(source.officials(filters, role=role, sort=sort_by), render.OFFICIALS, output)
        return
    people = source.people(name, filters, role=role, sort=sort_by)
    if len(people.found) == 1 and output in (None, "json"):
        render.person(people.detail(people.found[0]), as_json=output == "json")
        return
    if len(people.found) > 1 and output not in out.JSON_FORMATS:
        click.echo(
            f"Note: '{name}' fits {len(people.found)} people; give more of the name to choose one.",
            err=True,
        )
    out.emit(people.found, render.OFFICIALS, output)
