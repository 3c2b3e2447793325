"""Command output: rich tables and panels in a terminal, plain text when piped, JSON on request.

Piped output has no colours and no box drawing: listings are tab-separated with a header row,
and search matches are marked ``[like this]``. JSON always comes from the models
(``model_dump(mode="json")``): a list for a listing, an object for one item.
"""

from __future__ import annotations

import itertools
import json
import os
import sys
from collections.abc import Iterable, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

import click
from pydantic import BaseModel

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

    from pilkada.ingest import IngestReport
    from pilkada.models import (
        Article,
        ArticleSummary,
        CorpusSummary,
        Count,
        EvalReport,
        ExportResult,
        Hit,
        IndexCheck,
        Listing,
        Official,
        OfficialDetail,
        Quote,
        QuoteHit,
        Removed,
    )

MATCH_STYLE = "bold black on yellow"
QUOTE_STYLE = "italic cyan"


def use_rich() -> bool:
    """Whether to draw for a person (stdout is a terminal) rather than for a pipe."""
    return sys.stdout.isatty()


def _console() -> Console:
    from rich.console import Console

    return Console(markup=False, emoji=False, highlight=False)


# --- JSON ---


def dump(data: BaseModel | Sequence[BaseModel]) -> None:
    """Print a model as a JSON object, or a sequence of models as a JSON list."""
    if isinstance(data, BaseModel):
        obj: Any = data.model_dump(mode="json")
    else:
        obj = [item.model_dump(mode="json") for item in data]
    click.echo(json.dumps(obj, ensure_ascii=False, indent=2))


def dump_each(items: Iterable[BaseModel]) -> None:
    """``dump`` of a sequence, printing each model as it comes: the same text."""
    it = iter(items)
    previous = next(it, None)
    if previous is None:
        click.echo("[]")
        return
    click.echo("[")
    for item in it:
        click.echo(_indented(previous) + ",")
        previous = item
    click.echo(_indented(previous))
    click.echo("]")


def _indented(item: BaseModel) -> str:
    text = json.dumps(item.model_dump(mode="json"), ensure_ascii=False, indent=2)
    return "\n".join("  " + line for line in text.split("\n"))


def json_line(article: Article) -> None:
    """Print one article as a line of JSON Lines."""
    click.echo(json.dumps(article.model_dump(mode="json"), ensure_ascii=False))


def schema(value: dict[str, Any]) -> None:
    """Print a JSON Schema."""
    click.echo(json.dumps(value, ensure_ascii=False, indent=2))


# --- plain-text helpers ---


def _day(value: date | None) -> str:
    return value.isoformat() if value else ""


def _cell(value: object) -> str:
    """One tab-separated field: no tabs or line breaks inside."""
    return " ".join(str(value if value is not None else "").split())


def _tsv(header: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
    click.echo("\t".join(header))
    for row in rows:
        click.echo("\t".join(_cell(v) for v in row))


def _none_found(what: str) -> None:
    click.echo(f"No {what} found.", err=True)


def _speaker(quote: Quote) -> str:
    if not quote.speaker:
        return "unattributed"
    return f"{quote.speaker}, {quote.role}" if quote.role else quote.speaker


# --- listings ---


def listing(items: Iterable[Listing], *, doubts: bool = False) -> None:
    """The article listing: id, date, outlet, place, quotes, title (and what to check).

    Printed as the articles come, except in a table (a terminal): a listing of a whole index
    starts at once and holds one article at a time.
    """
    rest = iter(items)
    first = next(rest, None)
    if first is None:
        return _none_found("doubtful articles" if doubts else "articles")
    items = itertools.chain([first], rest)
    if not use_rich():
        header = ("id", "date", "outlet", "place", "quotes", "title") + (("doubts",) * doubts)
        return _tsv(
            header,
            (
                (a.id, _day(a.published), a.outlet, a.dateline, a.quotes, a.title)
                + (("; ".join(a.doubts),) * doubts)
                for a in items
            ),
        )
    from rich import box
    from rich.table import Column, Table
    from rich.text import Text

    table = Table(
        Column("article", no_wrap=True),
        Column("outlet · place", max_width=24),
        Column("quotes", justify="right"),
        Column("title", min_width=24),
        box=box.SIMPLE_HEAD,
        leading=1,
    )
    for a in items:
        where = Text(a.id)
        where.append(f"\n{_day(a.published) or 'undated'}", style="dim")
        source = Text(a.outlet or "—")
        source.append(f"\n{a.dateline or '—'}", style="dim")
        title = Text(a.title, style="bold")
        if doubts:
            title.append("".join(f"\n• {d}" for d in a.doubts), style="yellow")
        table.add_row(where, source, str(a.quotes), title)
    _console().print(table)


def hits(items: Sequence[Hit], *, as_json: bool = False) -> None:
    """Search results, best first, with the matches marked in each snippet."""
    if as_json:
        return dump_each(items)
    if not items:
        return _none_found("matches")
    if not use_rich():
        header = ("id", "date", "outlet", "score", "title", "snippet")
        return _tsv(
            header,
            (
                (h.article_id, _day(h.published), h.outlet, f"{h.score:.2f}", h.title, _marked(h))
                for h in items
            ),
        )
    from rich.table import Column, Table
    from rich.text import Text

    table = Table(Column("article", no_wrap=True), "match", show_lines=True)
    for h in items:
        where = Text(h.article_id, style="bold")
        where.append(f"\n{_day(h.published) or 'undated'}\n{h.outlet or ''}", style="dim")
        body = Text(h.title + "\n", style="bold")
        if _colourless():  # NO_COLOR: a match shown as [match], as in plain output
            body.append(_marked(h))
        else:
            body.append_text(_highlighted(h.snippet, h.highlights, MATCH_STYLE))
        table.add_row(where, body)
    _console().print(table)


def _colourless() -> bool:
    """The user asked for no colour (https://no-color.org: $NO_COLOR set and not empty)."""
    return bool(os.environ.get("NO_COLOR"))


def _marked(hit: Hit) -> str:
    """The snippet with each match in square brackets."""
    out, last = [], 0
    for start, end in sorted(hit.highlights):
        out += [hit.snippet[last:start], "[", hit.snippet[start:end], "]"]
        last = end
    out.append(hit.snippet[last:])
    return "".join(out)


def _highlighted(text: str, spans: Iterable[tuple[int, int]], style: str) -> Text:
    from rich.text import Text

    rich_text = Text(text)
    for start, end in spans:
        rich_text.stylize(style, start, end)
    return rich_text


QUOTE_COLUMNS = ("id", "date", "speaker", "role", "quote")


def _quote_row(q: QuoteHit, context: bool) -> tuple[object, ...]:
    row = (q.article_id, _day(q.published), q.quote.speaker, q.quote.role, q.quote.text)
    return (*row, q.context) if context else row


def quotes(
    items: Sequence[QuoteHit],
    *,
    as_json: bool = False,
    as_csv: bool = False,
    context: bool = False,
) -> None:
    """Quotes with their speaker, role, article and date (and the paragraph around each)."""
    if as_json:
        return dump_each(items)
    if as_csv:
        import io

        from pilkada.export import SafeWriter

        buffer = io.StringIO()
        writer = SafeWriter(buffer, lineterminator="\n")
        writer.writerow([*QUOTE_COLUMNS, "outlet", "dateline", "paragraph", "cue", "context"])
        for q in items:
            writer.writerow(
                [
                    *_quote_row(q, False),
                    q.outlet,
                    q.dateline,
                    q.quote.paragraph,
                    q.quote.cue,
                    q.context,
                ]
            )
        click.echo(buffer.getvalue(), nl=False)
        return None
    if not items:
        return _none_found("quotes")
    if not use_rich():
        header = QUOTE_COLUMNS + (("context",) * context)
        return _tsv(header, (_quote_row(q, context) for q in items))
    from rich.table import Column, Table
    from rich.text import Text

    table = Table("quote", "speaker", Column("article", no_wrap=True), show_lines=True)
    for q in items:
        who = Text(q.quote.speaker or "unattributed", style="bold")
        if q.quote.role:
            who.append(f"\n{q.quote.role}")
        where = Text(q.article_id)
        where.append(f"\n{_day(q.published) or 'undated'}", style="dim")
        said = Text(f"“{q.quote.text}”", style=QUOTE_STYLE)
        if context:
            said.append(f"\n\n{q.context}", style="dim")
        table.add_row(said, who, where)
    _console().print(table)


# --- one article ---


def _metadata(article: Article) -> list[tuple[str, str]]:
    published = _day(article.published)
    if article.published_text:
        published = (
            f"{published} ({article.published_text})" if published else article.published_text
        )
    fields = [
        ("id", article.id),
        ("title", article.title or ""),
        ("outlet", article.outlet or ""),
        ("place", article.dateline or ""),
        ("published", published),
        ("authors", ", ".join(article.authors)),
        ("editors", ", ".join(article.editors)),
        ("photographers", ", ".join(article.photographers)),
        (
            "officials",
            "; ".join(f"{p.name} ({p.role})" if p.role else p.name for p in article.officials),
        ),
        ("source", article.source or ""),
    ]
    return [(name, value) for name, value in fields if value]


def _quotes_by_paragraph(article: Article) -> dict[int, list[Quote]]:
    found: dict[int, list[Quote]] = {}
    for quote in article.quotes:
        found.setdefault(quote.paragraph, []).append(quote)
    return found


def article(item: Article, *, as_json: bool = False) -> None:
    """The cleaned article: metadata, then each paragraph with its quotes' speakers under it."""
    if as_json:
        return dump(item)
    by_paragraph = _quotes_by_paragraph(item)
    if not use_rich():
        for name, value in _metadata(item):
            click.echo(f"{name}: {value}")
        for i, paragraph in enumerate(item.paragraphs):
            click.echo(f"\n{paragraph}")
            for quote in by_paragraph.get(i, []):
                click.echo(f"    — quote by {_speaker(quote)}")
        return
    from rich.console import Group
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    meta = Table.grid(padding=(0, 2))
    for name, value in _metadata(item):
        meta.add_row(Text(name, style="dim"), Text(value))
    parts: list[Any] = []
    for i, paragraph in enumerate(item.paragraphs):
        here = by_paragraph.get(i, [])
        spans = [(s, s + len(q.text)) for q in here if (s := paragraph.find(q.text)) >= 0]
        parts.append(_highlighted(paragraph, spans, QUOTE_STYLE))
        parts.extend(Text(f"    — quote by {_speaker(q)}", style="bold green") for q in here)
        parts.append(Text())
    console = _console()
    console.print(Panel(meta, title=item.display_title(), title_align="left"))
    console.print(Group(*parts))


def cleaned(item: Article, *, explain: bool = False) -> None:
    """The cleaned text (title first, paragraphs apart), then with ``explain`` each removed line."""
    blocks = ([item.title] if item.title else []) + item.paragraphs
    click.echo("\n\n".join(blocks))
    if explain:
        removed(item.removed)


def removed(items: Sequence[Removed]) -> None:
    """Each line the cleaner removed, with the reason."""
    if not use_rich():
        click.echo(f"\n# removed: {len(items)} lines")
        for r in items:
            click.echo(f"[{r.reason}] {r.line}")
        return
    from rich.table import Table

    table = Table("reason", "removed line", title=f"removed: {len(items)} lines")
    for r in items:
        table.add_row(r.reason, r.line)
    console = _console()
    console.print()
    console.print(table)


# --- summaries ---


def _role(count: Count) -> str | None:
    from pilkada.models import SpeakerCount

    return count.role if isinstance(count, SpeakerCount) else None


def _counts(title: str, counts: Sequence[Count]) -> list[str]:
    if not counts:
        return []
    lines = [f"\n{title}:"]
    for c in counts:
        role = _role(c)
        lines.append(f"  {c.count:>4}  {c.name}" + (f" ({role})" if role else ""))
    return lines


def _span(summary: CorpusSummary) -> str:
    dates = f"{_day(summary.first)} to {_day(summary.last)}" if summary.first else "no dates"
    return dates + (f" ({summary.undated} undated)" if summary.undated else "")


def corpus_summary(summary: CorpusSummary, *, as_json: bool = False, bars: bool = False) -> None:
    """The corpus at a glance: counts by outlet, month and place; top speakers and words. In a
    terminal, or with ``bars``, each ranking is drawn as bars, with the articles over time by
    day, week or month."""
    if as_json:
        return dump(summary)
    if not (bars or use_rich()):
        lines = [
            f"articles: {summary.articles}",
            f"published: {_span(summary)}",
            f"quotes: {summary.quotes}",
        ]
        sections: list[tuple[str, Sequence[Count]]] = [
            ("outlets", summary.by_outlet),
            ("months", summary.by_month),
            ("places", summary.places),
            ("most quoted", summary.speakers),
            ("frequent words", summary.words),
        ]
        for title, counts in sections:
            lines += _counts(title, counts)
        click.echo("\n".join(lines))
        return
    head = f"{summary.articles} articles, published {_span(summary)}, {summary.quotes} quotes"
    if not use_rich():
        click.echo("\n".join([head, *(row for _, row in _chart_lines(summary, 80))]))
        return
    console = _console()
    console.print(head, style="bold")
    for is_title, row in _chart_lines(summary, console.width):
        console.print(row, style="bold" if is_title else None, soft_wrap=True)


def _chart_lines(summary: CorpusSummary, columns: int) -> list[tuple[bool, str]]:
    """The summary's charts as lines to print, each marked whether it is a chart's title."""
    from pilkada.charts import bar_rows

    charts: list[tuple[str, Sequence[Count]]] = [
        (f"articles by {summary.timeline_unit}", summary.timeline),
        ("outlets", summary.by_outlet),
        ("regions", summary.regions),
        ("places", summary.places),
        ("most quoted", summary.speakers),
        ("frequent words", summary.words),
    ]
    out: list[tuple[bool, str]] = []
    for title, counts in charts:
        if not counts:
            continue
        labelled = [
            (c.name + (f" ({role})" if (role := _role(c)) else ""), c.count) for c in counts
        ]
        longest = max(len(label) for label, _ in labelled) + len(str(max(n for _, n in labelled)))
        width = max(10, min(50, columns - longest - 6))
        out += [(False, ""), (True, title)]
        out += [(False, row) for row in bar_rows(labelled, width=width)]
    return out


def article_summary(summary: ArticleSummary, *, as_json: bool = False) -> None:
    """One article at a glance: metadata, lead, key sentences and quotes."""
    if as_json:
        return dump(summary)
    facts = (summary.article_id, _day(summary.published), summary.outlet, summary.dateline)
    meta = " · ".join(v for v in facts if v) + f" · {summary.words} words"
    key = [f"  - {s}" for s in summary.key_sentences]
    said = [f"  “{q.text}” — {_speaker(q)}" for q in summary.quotes]
    if not use_rich():
        lines = [summary.title, meta, ""]
        lines += [summary.lead, "", "key sentences:", *key]
        if said:
            lines += ["", "quotes:", *said]
        click.echo("\n".join(lines))
        return
    from rich.panel import Panel
    from rich.text import Text

    body = Text(meta + "\n\n", style="dim")
    body.append(summary.lead + "\n\n")
    body.append("key sentences\n", style="bold")
    body.append("\n".join(key) + "\n")
    if said:
        body.append("\nquotes\n", style="bold")
        body.append("\n".join(said), style=QUOTE_STYLE)
    _console().print(Panel(body, title=summary.title, title_align="left"))


def export_result(result: ExportResult, *, as_json: bool = False) -> None:
    """What an export wrote."""
    if as_json:
        return dump(result)
    noun = "article" if result.articles == 1 else "articles"
    files = "1 file" if len(result.files) == 1 else f"{len(result.files)} files"
    click.echo(f"Wrote {result.articles} {noun} as {result.format} to {result.out} ({files}).")


def eval_report(report: EvalReport, *, as_json: bool = False) -> None:
    """The metrics, one a line, then the worst articles and what went wrong in each."""
    if as_json:
        return dump(report)
    if not use_rich():
        click.echo(f"articles: {report.articles}")
        for name, value in report.metrics.items():
            click.echo(f"{name}: {value}")
        for cue in report.by_cue:
            quotes = f"{cue.quotes} quote{'s' if cue.quotes != 1 else ''}"
            click.echo(f"attribution_acc[{cue.cue}]: {cue.attribution_acc} ({quotes})")
        for item in report.worst:
            click.echo(f"\n{item.name}: {item.errors} problem{'s' if item.errors != 1 else ''}")
            for problem in item.problems:
                click.echo(f"  - {problem}")
        return None
    from rich import box
    from rich.table import Table

    console = _console()
    metrics = Table("metric", "score", box=box.SIMPLE_HEAD, title=f"{report.articles} articles")
    for name, value in report.metrics.items():
        style = "green" if value >= 0.95 else "yellow" if value >= 0.8 else "red"
        metrics.add_row(name, f"[{style}]{value:.4f}[/{style}]")
    console.print(metrics, markup=True)
    if report.by_cue:
        cues = Table("cue", "quotes", "attribution", box=box.SIMPLE_HEAD, title="by cue")
        for cue in report.by_cue:
            cues.add_row(cue.cue, str(cue.quotes), f"{cue.attribution_acc:.4f}")
        console.print(cues)
    if report.worst:
        worst = Table("article", "problems", "what went wrong", box=box.SIMPLE_HEAD, title="worst")
        for item in report.worst:
            worst.add_row(item.name, str(item.errors), "\n".join(item.problems))
        console.print(worst)
    return None


# --- people ---


OFFICIAL_COLUMNS = ("name", "roles", "places", "articles", "quotes", "first", "last")


def officials(items: Sequence[Official], *, as_json: bool = False) -> None:
    """The people table: name, roles, places, articles, quotes, first and last seen."""
    if as_json:
        return dump_each(items)  # a roster of a million articles is never one string
    if not items:
        return _none_found("people")
    if not use_rich():
        return _tsv(
            OFFICIAL_COLUMNS,
            (
                (
                    o.name,
                    "; ".join(o.roles),
                    "; ".join(o.places),
                    len(o.articles),
                    o.quotes,
                    _day(o.first_seen),
                    _day(o.last_seen),
                )
                for o in items
            ),
        )
    from rich import box
    from rich.table import Column, Table

    table = Table(
        *(
            Column(c, justify="right") if c in {"articles", "quotes"} else c
            for c in OFFICIAL_COLUMNS
        ),
        box=box.SIMPLE_HEAD,
    )
    for o in items:
        table.add_row(
            o.name,
            "\n".join(o.roles),
            "\n".join(o.places),
            str(len(o.articles)),
            str(o.quotes),
            _day(o.first_seen),
            _day(o.last_seen),
        )
    _console().print(table)
    return None


def person(detail: OfficialDetail, *, as_json: bool = False) -> None:
    """One person: names, roles, places, articles, then every quote by date."""
    if as_json:
        return dump(detail)
    o = detail.official
    rows = [
        ("name", o.name),
        ("honorific", o.honorific or ""),
        ("also written", "; ".join(f for f in o.forms if f != o.name)),
        ("roles", "; ".join(o.roles)),
        ("places", "; ".join(o.places)),
        ("articles", ", ".join(o.articles)),
        ("seen", " to ".join(dict.fromkeys(_day(d) for d in (o.first_seen, o.last_seen) if d))),
        ("quotes", str(len(detail.quotes))),
    ]
    for label, value in rows:
        if value:
            click.echo(f"{label}: {value}")
    for q in detail.quotes:
        click.echo(f"\n{_day(q.published) or 'undated'} {q.article_id}")
        click.echo(f"“{q.quote.text}”")
    return None


# --- the index ---


def ingest_report(report: IngestReport, *, as_json: bool = False, shown: int = 10) -> None:
    """What `pilkada index` did; the first ``shown`` failures go to stderr as warnings."""
    if as_json:
        return dump(report)
    for failure in report.failures[:shown]:
        click.echo(f"Warning: {failure.source}: {failure.reason} (skipped)", err=True)
    if len(report.failures) > shown:
        more = len(report.failures) - shown
        click.echo(f"Warning: … and {more} more failures (--errors FILE lists them all)", err=True)
    counts = ["added", "updated", "unchanged", "duplicates", "failed"]
    lines = [f"index: {report.db}", f"files: {report.files}"]
    lines += [f"{name}: {getattr(report, name)}" for name in counts]
    if report.reparsed:
        lines.append(f"re-parsed: {report.reparsed} (stored by another parser)")
    if report.pruned:
        lines.append(f"pruned: {report.pruned} files")
    lines.append(f"articles in the index: {report.articles}")
    click.echo("\n".join(lines))
    return None


def checked(report: IndexCheck, *, as_json: bool = False) -> None:
    """What `pilkada check` found of a sound index."""
    if as_json:
        return dump(report)
    lines = [f"index: {report.db}", f"articles: {report.articles}", f"quotes: {report.quotes}"]
    if report.full_text:
        lines.append("sound: SQLite's pages, the full-text tables, every article")
    else:
        lines.append("sound: SQLite's pages, every article (the full-text tables were not")
        lines.append("checked: the index is read-only here, and FTS5 checks need to write)")
    click.echo("\n".join(lines))
    return None


def ingest_progress() -> Any:
    """A context manager giving a ``progress(done, total)`` callback: a bar on stderr in a
    terminal, nothing otherwise. The bar (and its thread) starts at the first call."""
    return progress_bar("indexing", "files")


def progress_bar(label: str, unit: str) -> Any:
    """``ingest_progress`` for any long pass: "indexing … files", "reading … articles"."""
    from contextlib import contextmanager, nullcontext

    if not sys.stderr.isatty():
        return nullcontext(None)

    @contextmanager
    def bar() -> Any:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

        columns = (label, BarColumn(), MofNCompleteColumn(), unit, TimeRemainingColumn())
        shown = Progress(*columns, console=Console(stderr=True), transient=True)
        task = shown.add_task(label, total=None)

        def update(done: int, total: int) -> None:
            if not shown.live.is_started:
                shown.start()
            shown.update(task, completed=done, total=total)

        try:
            yield update
        finally:
            shown.stop()

    return bar()
