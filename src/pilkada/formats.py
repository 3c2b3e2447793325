"""Each input format -> Articles: plain text, saved HTML pages, JSON Lines. Runs in workers.

``parse_job`` reads one file, or one chunk of a JSON Lines file's lines, and returns what the index
stores for each article in it (``store.Record``), keyed by the hash of the bytes the article was
parsed from, with a reason for each file or line that gave none. It never raises and touches no
database, so that it can run in a pool of worker processes.

- ``.txt``: decoded (``pilkada.decode``) and parsed as it is.
- ``.html``/``.htm``: the page becomes lines (``pilkada.html``) and is parsed as a text dump
  would be; the page's <title> fills in a title the parser is unsure of, and its meta date is
  the publication date.
- ``.jsonl``: one JSON object a line with ``text`` or ``html``, and optionally ``url``,
  ``title``, ``date`` and ``outlet``, which a scraper knows better than a parser can guess: they
  win. Its articles are ``STEM.LINE``, and a line that is not such an object is reported with
  its number.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field

from pilkada import store
from pilkada.models import Article, Certainty, Confidence

__all__ = ["KINDS", "IngestFailure", "Job", "Parsed", "chunks", "digest", "kind_of", "parse_job"]

KINDS = {".txt": "txt", ".html": "html", ".htm": "html", ".jsonl": "jsonl"}
LINES_PER_JOB = 500  # a JSON Lines file is parsed in chunks of this many lines


class IngestFailure(BaseModel):
    """A file, or a line of a JSON Lines file, that gave no article, and why."""

    source: str = Field(description="The file's path, with ':LINE' for a line of a .jsonl file.")
    reason: str


def kind_of(path: Path) -> str | None:
    return KINDS.get(path.suffix.lower())


def digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


@dataclass(frozen=True)
class Job:
    """A file, or a chunk of a JSON Lines file's lines, to parse."""

    path: str
    kind: str
    start: int = 0  # byte offset of the chunk
    end: int = -1
    first_line: int = 1
    last: bool = True  # the file's last chunk


@dataclass
class Parsed:
    """A job's articles as index records, by unit (a line number, 0 for a whole file)."""

    job: Job
    records: list[tuple[int, store.Record, str | None]] = field(default_factory=list)
    failures: list[IngestFailure] = field(default_factory=list)
    unreadable: bool = False


@dataclass(frozen=True)
class Hints:
    """What a page's head or a JSON Lines record says about the article, beside its text."""

    title: str | None = None
    published: Any = None  # a date
    published_text: str | None = None
    outlet: str | None = None
    authoritative: bool = False  # given by a scraper (JSON Lines), not guessed from a page


def parse_job(job: Job) -> Parsed:
    """Parse one job; never raises (a failure is reported in the result)."""
    from pilkada.corpus import _os_reason
    from pilkada.decode import DecodeError, decode

    out = Parsed(job)
    try:
        with open(job.path, "rb") as f:
            f.seek(job.start)
            data = f.read() if job.end < 0 else f.read(job.end - job.start)
    except OSError as exc:
        out.failures.append(IngestFailure(source=job.path, reason=_os_reason(exc)))
        out.unreadable = True
        return out
    if job.kind == "jsonl":
        _parse_lines(data, job, out)
        return out
    try:
        text = decode(data)
        article = _parse(text, job.path, Path(job.path).stem, job.kind == "html")
    except (DecodeError, ValueError) as exc:
        out.failures.append(IngestFailure(source=job.path, reason=str(exc)))
        out.unreadable = True
        return out
    out.records.append((0, store.record(article, digest(data)), None))
    return out


def _parse(text: str, source: str, ident: str, html: bool, hints: Hints | None = None) -> Article:
    from pilkada.pipeline import parse

    if html:
        from pilkada.html import page

        found = page(text)
        if not found.lines:
            raise ValueError("no text in the page")
        text = found.text
        hints = Hints(found.title, found.published, found.published_text, found.outlet)
    article = parse(text, source=source, id=ident)
    return _apply(article, hints) if hints else article


def _apply(article: Article, hints: Hints) -> Article:
    """The article with what the page or the record states; a scraper's values always win."""
    update: dict[str, Any] = {}
    given = "given in the record" if hints.authoritative else "the page's <title>"
    weak_title = article.title is None or article.title_confidence.level is Confidence.low
    if hints.title and (hints.authoritative or weak_title):
        update["title"] = hints.title
        update["title_confidence"] = Certainty(level=Confidence.high, why=given)
    if hints.published is not None:
        why = "given in the record" if hints.authoritative else "the page's meta date"
        update["published"] = hints.published
        update["published_text"] = hints.published_text
        update["published_confidence"] = Certainty(level=Confidence.high, why=why)
    if hints.outlet and (hints.authoritative or not article.outlet):
        update["outlet"] = hints.outlet
    return article.model_copy(update=update) if update else article


def _parse_lines(data: bytes, job: Job, out: Parsed) -> None:
    from pilkada.dates import parse_date
    from pilkada.html import _iso_day

    stem = Path(job.path).stem
    for n, raw in enumerate(data.split(b"\n"), start=job.first_line):
        line = raw.strip()
        if not line:
            continue
        where = f"{job.path}:{n}"
        try:
            item = json.loads(line)
            if not isinstance(item, dict):
                raise ValueError("not a JSON object")
            body, is_html = item.get("text"), False
            if not isinstance(body, str) or not body.strip():
                body, is_html = item.get("html"), True
            if not isinstance(body, str) or not body.strip():
                raise ValueError('no "text" or "html" field with text in it')
            date_text = _text(item.get("date"))
            published = (_iso_day(date_text) or parse_date(date_text)) if date_text else None
            hints = Hints(
                _text(item.get("title")),
                published,
                date_text if published else None,
                _text(item.get("outlet")),
                authoritative=True,
            )
            article = _parse(body, where, f"{stem}.{n}", is_html)
            article = _apply(article, hints)
        except (ValueError, RecursionError) as exc:  # json.JSONDecodeError is a ValueError
            out.failures.append(IngestFailure(source=where, reason=f"bad line: {exc}"))
            continue
        out.records.append((n, store.record(article, digest(line)), _text(item.get("url"))))


def _text(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def chunks(path: str, data: bytes) -> list[Job]:
    """A JSON Lines file as jobs of LINES_PER_JOB lines each."""
    jobs: list[Job] = []
    start, line = 0, 1
    while start < len(data) or not jobs:
        end, count = start, 0
        while count < LINES_PER_JOB and end < len(data):
            nl = data.find(b"\n", end)
            end = len(data) if nl < 0 else nl + 1
            count += 1
        jobs.append(Job(path, "jsonl", start, end, line, last=end >= len(data)))
        start, line = end, line + count
    return jobs
