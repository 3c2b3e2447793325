"""Command output: the views of the result models, and the renderings of single results.

A listing (articles, search hits, quotes, people) is a ``View`` here, its columns and how each
cell is written; ``pilkada.output`` writes it as JSON, JSON Lines, CSV, TSV, plain text or a rich
table. A single result (an article, a summary, a report) is drawn here: a rich panel in a
terminal, plain lines when piped, its model's JSON on request. Piped output has no colours and no
box drawing, and search matches are marked ``[like this]``. JSON always comes from the models
(``model_dump(mode="json")``).
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

import click
from pydantic import BaseModel

from pilkada import output
from pilkada.output import Column, View

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


def json_line(article: Article) -> None:
    """Print one article as a line of JSON Lines."""
    click.echo(json.dumps(article.model_dump(mode="json"), ensure_ascii=False))


def schema(value: dict[str, Any]) -> None:
    """Print a JSON Schema."""
    click.echo(json.dumps(value, ensure_ascii=False, indent=2))


# --- plain-text helpers ---


def _day(value: date | None) -> str:
    return value.isoformat() if value else ""


def _speaker(quote: Quote) -> str:
    if not quote.speaker:
        return "unattributed"
    return f"{quote.speaker}, {quote.role}" if quote.role else quote.speaker


# --- the views of listings (pilkada.output writes them in every form) ---


def _undated(value: date | None) -> Text:
    from rich.text import Text

    return Text(_day(value) or "undated", style="dim")


def _or_dash(value: str | None, style: str = "") -> Text:
    from rich.text import Text

    return Text(value or "—", style=style)


def _listing_columns(*, doubts: bool) -> tuple[Column[Listing], ...]:
    columns: tuple[Column[Listing], ...] = (
        Column("id", lambda a: a.id, no_wrap=True),
        Column("date", lambda a: _day(a.published), rich=lambda a: _undated(a.published)),
        Column("outlet", lambda a: a.outlet, rich=lambda a: _or_dash(a.outlet)),
        Column("place", lambda a: a.dateline, rich=lambda a: _or_dash(a.dateline, "dim")),
        Column("quotes", lambda a: a.quotes, right=True),
        Column("title", lambda a: a.title, style="bold"),
    )
    if doubts:
        doubt: Column[Listing] = Column(
            "doubts",
            lambda a: "; ".join(a.doubts),
            style="yellow",
            lines=lambda a: [f"• {d}" for d in a.doubts],
        )
        columns = (*columns, doubt)
    return columns


_LISTING_STACKS = (("article", ("id", "date")), ("outlet · place", ("outlet", "place")))
_LISTING_STACKS_DOUBTS = (*_LISTING_STACKS, ("title", ("title", "doubts")))

LISTING: View[Listing] = View(
    "articles", _listing_columns(doubts=False), _LISTING_STACKS, frozenset({"title"})
)
"""``pilkada list``: id, date, outlet, place, quotes, title."""

DOUBTFUL: View[Listing] = View(
    "doubtful articles",
    _listing_columns(doubts=True),
    _LISTING_STACKS_DOUBTS,
    frozenset({"title"}),
)
"""``pilkada list --doubtful``: the listing and what to check in each article."""


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


def _snippet(hit: Hit) -> Text:
    if _colourless():  # NO_COLOR: a match shown as [match], as in plain output
        from rich.text import Text

        return Text(_marked(hit))
    return _highlighted(hit.snippet, hit.highlights, MATCH_STYLE)


HITS: View[Hit] = View(
    "matches",
    (
        Column("id", lambda h: h.article_id, no_wrap=True, style="bold"),
        Column("date", lambda h: _day(h.published), rich=lambda h: _undated(h.published)),
        Column("outlet", lambda h: h.outlet),
        Column("score", lambda h: f"{h.score:.2f}", right=True),
        Column("title", lambda h: h.title, style="bold"),
        Column("snippet", _marked, rich=_snippet),
    ),
    (("article", ("id", "date", "outlet")), ("match", ("title", "snippet"))),
    frozenset({"match"}),
)
"""``pilkada search``: each hit's article, its score, and the snippet with the matches marked."""


def _speaker_text(q: QuoteHit) -> Text:
    from rich.text import Text

    return Text(q.quote.speaker or "unattributed", style="bold")


QUOTES: View[QuoteHit] = View(
    "quotes",
    (
        Column("id", lambda q: q.article_id, no_wrap=True),
        Column("date", lambda q: _day(q.published), rich=lambda q: _undated(q.published)),
        Column("speaker", lambda q: q.quote.speaker, rich=_speaker_text),
        Column("role", lambda q: q.quote.role),
        Column("quote", lambda q: q.quote.text, rich=lambda q: _said(q.quote.text)),
        Column("outlet", lambda q: q.outlet, brief=False),
        Column("dateline", lambda q: q.dateline, brief=False),
        Column("paragraph", lambda q: q.quote.paragraph, brief=False, right=True),
        Column("cue", lambda q: q.quote.cue, brief=False),
        Column("context", lambda q: q.context, brief=False),
    ),
    (
        ("article", ("id", "date")),
        ("speaker", ("speaker", "role")),
        ("quote", ("quote", "context")),
    ),
    frozenset({"quote"}),
)
"""``pilkada quotes``: each quote, its speaker and article; in csv and tsv (or when asked) also
the outlet, dateline, paragraph, cue and the paragraph's text (``context``)."""


def _said(text: str) -> Text:
    from rich.text import Text

    return Text(f"“{text}”", style=QUOTE_STYLE)


OFFICIALS: View[Official] = View(
    "people",
    (
        Column("name", lambda o: o.name),
        Column("roles", lambda o: "; ".join(o.roles), lines=lambda o: o.roles),
        Column("places", lambda o: "; ".join(o.places), lines=lambda o: o.places),
        Column("articles", lambda o: len(o.articles), right=True),
        Column("quotes", lambda o: o.quotes, right=True),
        Column("first", lambda o: _day(o.first_seen), no_wrap=True),
        Column("last", lambda o: _day(o.last_seen), no_wrap=True),
    ),
    (("seen", ("first", "last")),),
)
"""``pilkada officials``: name, roles, places, articles, quotes, first and last seen."""


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
    if not output.use_rich():
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
    if not output.use_rich():
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
    if not (bars or output.use_rich()):
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
    if not output.use_rich():
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
    if not output.use_rich():
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
    if not output.use_rich():
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
