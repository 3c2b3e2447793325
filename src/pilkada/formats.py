"""Index jobs: a file, or a chunk of a JSON Lines file, -> the records the index stores. Runs
in workers.

``parse_job`` reads one job's bytes and hands them to the reader of their format
(``pilkada.inputs``), the same every command uses, and returns what the index stores for each
article (``store.Record``), keyed by the hash of the bytes the article was parsed from, with a
reason for each file or line that gave none. It never raises and touches no database, so that
it can run in a pool of worker processes.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, Field

from pilkada import store
from pilkada.inputs import SUFFIXES

__all__ = ["KINDS", "IngestFailure", "Job", "Parsed", "chunks", "digest", "kind_of", "parse_job"]

KINDS = SUFFIXES
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
    file: str = ""  # the name on disk, when it is not ``path`` (not valid UTF-8: errors.shown_path)

    @property
    def on_disk(self) -> str:
        return self.file or self.path


@dataclass
class Parsed:
    """A job's articles as index records, by unit (a line number, 0 for a whole file)."""

    job: Job
    records: list[tuple[int, store.Record, str | None]] = field(default_factory=list)
    failures: list[IngestFailure] = field(default_factory=list)
    unreadable: bool = False


def parse_job(job: Job) -> Parsed:
    """Parse one job; never raises (a failure is reported in the result)."""
    from pilkada import inputs
    from pilkada.corpus import _os_reason, _refused_unread

    out = Parsed(job)
    try:
        if (refused := _refused_unread(job.on_disk, job.kind)) is not None:
            out.failures.append(IngestFailure(source=job.path, reason=refused))
            out.unreadable = True
            return out
        with open(job.on_disk, "rb") as f:
            f.seek(job.start)
            data = f.read() if job.end < 0 else f.read(job.end - job.start)
    except OSError as exc:
        out.failures.append(IngestFailure(source=job.path, reason=_os_reason(exc)))
        out.unreadable = True
        return out
    stem = Path(job.path).stem
    for unit in inputs.read(data, job.path, stem, job.kind, job.first_line):
        if unit.article is not None:
            out.records.append((unit.line, store.record(unit.article, digest(unit.raw)), unit.url))
            continue
        where = f"{job.path}:{unit.line}" if unit.line else job.path
        out.failures.append(IngestFailure(source=where, reason=unit.reason or "no article"))
        out.unreadable = out.unreadable or unit.whole
    return out


def chunks(path: str, data: bytes, file: str = "") -> list[Job]:
    """A JSON Lines file as jobs of LINES_PER_JOB lines each (``file``: as in Job)."""
    jobs: list[Job] = []
    start, line = 0, 1
    while start < len(data) or not jobs:
        end, count = start, 0
        while count < LINES_PER_JOB and end < len(data):
            nl = data.find(b"\n", end)
            end = len(data) if nl < 0 else nl + 1
            count += 1
        jobs.append(Job(path, "jsonl", start, end, line, last=end >= len(data), file=file))
        start, line = end, line + count
    return jobs
