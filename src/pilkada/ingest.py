"""Building the index: walking paths, hashing, parsing on every core, and writing in batches.

``ingest(db, paths)`` finds the ``.txt``, ``.html``/``.htm`` and ``.jsonl`` files under the paths
(recursively), hashes each one and skips those whose content the index already holds. The others
are parsed in worker processes (the parser is pure), a JSON Lines file in chunks of lines, and
their articles written in batches, each batch one transaction: a process killed in the middle
leaves the index as it was after the last whole batch, and running the same command again
completes it, since a file is marked as indexed in the batch that holds its last articles.

An article is keyed by the hash of the bytes it was parsed from (a file, or a line of a JSON
Lines file): the same article in two files is stored once, with both sources. A changed file's
articles are replaced, keeping their ids; with ``prune``, the indexed files under the paths
given that are gone are forgotten. Articles no file gives any more are deleted at the end.

Each article is stored with the stamp of the parser that made it (``pilkada.stamp``). The files
that gave an article stored under another stamp are re-parsed though unchanged, in the same
batches: first those under the paths given, as they are met, then every other one, read again
from where it was indexed (one that has gone is reported, and its articles are kept as they were).
An article re-parsed keeps its rowid and id, and so every source naming it.

Only one ingest writes to an index at a time; a second is told the index is busy (``Busy``).
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import IO, TYPE_CHECKING

from pydantic import BaseModel, Field

from pilkada import store
from pilkada.errors import folder_reason, on_disk, reason, shown_path
from pilkada.formats import IngestFailure, Job, Parsed, chunks, digest, kind_of, parse_job

if TYPE_CHECKING:
    import multiprocessing.pool

__all__ = ["Busy", "IngestError", "IngestFailure", "IngestReport", "ingest", "walk"]

FILES_PER_TASK = 8  # jobs a worker takes at a time
WINDOW = 2000  # files planned, parsed and written at a time: memory does not grow with the corpus


class IngestError(Exception):
    """Paths that name nothing to index; the message is one line."""


class Busy(IngestError):
    """Another ingest is writing to the same index."""


class IngestReport(BaseModel):
    """What an ingest did, counted in articles (a .txt or .html file, or a .jsonl line, is one)."""

    db: str
    files: int = Field(0, description="Files found under the paths given.")
    added: int = 0
    updated: int = Field(0, description="Articles re-parsed because their file changed.")
    reparsed: int = Field(
        0, description="Articles re-parsed, though unchanged, as stored by another parser."
    )
    unchanged: int = 0
    duplicates: int = Field(0, description="Articles already indexed from another file.")
    failed: int = 0
    pruned: int = Field(0, description="Vanished files forgotten (--prune).")
    articles: int = Field(0, description="Articles in the index afterwards.")
    seconds: float = 0.0
    failures: list[IngestFailure] = Field(default_factory=list)


# --- finding files ---


def roots(paths: Iterable[str]) -> tuple[list[Path], list[IngestFailure]]:
    """The paths given, absolute, and those named files that cannot be indexed; raises
    IngestError for a path that does not exist."""
    found: list[Path] = []
    refused: list[IngestFailure] = []
    for spec in paths:
        path = Path(spec).expanduser()
        if not path.exists():
            raise IngestError(f"no such file or folder: {spec}")
        path = path.resolve()
        if path.is_dir() or kind_of(path):
            found.append(path)
        else:
            reason = "not a .txt, .html or .jsonl file"
            refused.append(IngestFailure(source=shown_path(path), reason=reason))
    return found, refused


def files_under(paths: list[Path], unreadable: list[IngestFailure] | None = None) -> Iterator[str]:
    """Every file to index under ``paths``, once, as absolute paths: folders are walked in
    sorted order, recursively. A generator: a million paths are never held at once. A folder
    that cannot be read is added to ``unreadable``, with why."""
    seen: set[str] | None = set() if len(paths) > 1 else None
    for root in paths:
        found = _walk(root, unreadable) if root.is_dir() else iter([str(root)])
        for path in found:
            if seen is not None:
                if path in seen:
                    continue
                seen.add(path)
            yield path


def _walk(root: Path, unreadable: list[IngestFailure] | None) -> Iterator[str]:
    def refused(exc: OSError) -> None:
        if unreadable is not None:
            where = shown_path(exc.filename or root)
            unreadable.append(IngestFailure(source=where, reason=folder_reason(exc)))

    for folder, subfolders, names in os.walk(root, onerror=refused):
        subfolders.sort()  # os.walk goes down them in this order
        for name in sorted(names):
            if kind_of(Path(name)):
                yield os.path.join(folder, name)


def walk(paths: Iterable[str]) -> tuple[list[str], list[IngestFailure]]:
    """The files to index under ``paths`` and the named files that cannot be indexed."""
    found, refused = roots(paths)
    return list(files_under(found)), refused


# --- writing ---


@dataclass
class _Pending:
    """A changed file between its first and last chunk: what its lines gave before."""

    digest: str
    size: int
    mtime_ns: int
    old: dict[int, tuple[int, str, str]]  # unit -> (article rowid, id, hash)
    started: bool = False


class _Writer:
    """Applies parsed jobs to the index, ``batch`` articles to a transaction."""

    def __init__(self, conn: sqlite3.Connection, report: IngestReport) -> None:
        self.conn = conn
        self.report = report
        self.pending: dict[str, _Pending] = {}
        self.waiting: list[Parsed] = []
        self.size = 0
        self.words: set[str] = set()  # words added to the index's word list in this run

    def add(self, parsed: Parsed, batch: int, tick: Callable[[], None]) -> None:
        self.waiting.append(parsed)
        self.size += max(len(parsed.records), 1)
        if self.size >= batch:
            self.flush(tick)

    def flush(self, tick: Callable[[], None]) -> None:
        """Write what is waiting in one transaction; each file done is a tick."""
        with store.transaction(self.conn):
            for parsed in self.waiting:
                self.apply(parsed)
        for parsed in self.waiting:
            if parsed.job.last:
                tick()
        self.waiting.clear()
        self.size = 0

    def apply(self, parsed: Parsed) -> None:
        conn, report, job = self.conn, self.report, parsed.job
        state = self.pending[job.path]
        if not state.started:
            state.started = True
            state.old = store.sources_of(conn, job.path)
            store.unlist_file(conn, job.path)
        report.failures += parsed.failures
        report.failed += len(parsed.failures)
        for unit, rec, url in parsed.records:
            self._add(job.path, unit, rec, url, state)
        if job.last:
            if not parsed.unreadable:
                store.set_file(conn, job.path, state.digest, state.size, state.mtime_ns)
            del self.pending[job.path]

    def _add(
        self, path: str, unit: int, rec: store.Record, url: str | None, state: _Pending
    ) -> None:
        conn, report = self.conn, self.report
        existing = store.article_by_key(conn, rec.key)
        if existing is not None and store.is_stale(conn, existing):
            ident = store.article_id(conn, existing)
            store.replace_article(
                conn, existing, rec if ident == rec.id else _renamed(rec, ident), self.words
            )
            store.add_source(conn, path, unit, existing, url)
            report.reparsed += 1
            return
        prev = state.old.get(unit)
        if prev and prev[2] == rec.key and existing is not None:
            store.add_source(conn, path, unit, existing, url)
            report.unchanged += 1
            return
        freed = None
        if prev and prev[2] != rec.key and store.is_orphan(conn, prev[0]):
            store.delete_article(conn, prev[0])
            freed = prev[1]
        if existing is not None:
            store.add_source(conn, path, unit, existing, url)
            report.duplicates += 1
            return
        ident = store.free_id(conn, freed or rec.id)
        if ident != rec.id:
            rec = _renamed(rec, ident)
        rowid = store.insert(conn, rec, self.words)
        store.add_source(conn, path, unit, rowid, url)
        if state.old:
            report.updated += 1
        else:
            report.added += 1


def _renamed(rec: store.Record, ident: str) -> store.Record:
    """The record with another id (its listed columns' checksum, which covers the id, too)."""
    article = store.decode(rec.data)
    return store.record(article.model_copy(update={"id": ident}), rec.key)


# --- the whole ingest ---


class _Lock:
    """An exclusive lock on ``DB.lock`` for the ingest's lifetime (none where fcntl is missing)."""

    def __init__(self, db: Path) -> None:
        self.path = db.with_name(db.name + ".lock")
        self.file: IO[str] | None = None

    def __enter__(self) -> _Lock:
        try:
            import fcntl
        except ImportError:  # pragma: no cover - not POSIX
            return self
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.file = open(self.path, "a+")  # held until __exit__
        except OSError as exc:
            db = self.path.with_suffix("")
            raise store.StoreError(f"cannot write the index {db}: {reason(exc)}") from None
        try:
            fcntl.flock(self.file, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            self.file.close()
            raise Busy(
                f"the index {self.path.with_suffix('')} is busy: another `pilkada index` is "
                "writing to it; run this again when it has finished"
            ) from None
        return self

    def __exit__(self, *exc: object) -> None:
        if self.file is not None:
            self.file.close()


Progress = Callable[[int, int], None]  # (files done, files in all)


def ingest(
    db: Path,
    paths: Iterable[str],
    *,
    prune: bool = False,
    rebuild: bool = False,
    jobs: int | None = None,
    batch: int = 1000,
    progress: Progress | None = None,
    upgrading: Callable[[], AbstractContextManager[store.Progress | None]] | None = None,
) -> IngestReport:
    """Index the files under ``paths`` into ``db``; see the module's docstring.

    ``jobs`` worker processes parse (default: one per core; 1 parses in this process), and
    ``batch`` articles are written per transaction. ``upgrading`` gives what is told of the
    articles an upgrade of an older index reads, for as long as the upgrade lasts. Raises
    IngestError, Busy or StoreError.
    """
    started = time.perf_counter()
    with _Lock(db):
        if rebuild:
            for suffix in ("", "-wal", "-shm"):
                Path(str(db) + suffix).unlink(missing_ok=True)
        given, refused = roots(paths)
        with upgrading() if upgrading is not None else nullcontext() as told:
            conn = store.connect(db, write=True, progress=told)
        try:
            report = IngestReport(db=shown_path(db), failures=refused)
            report.failed = len(refused)
            with _collector_eased():
                _run(conn, given, report, jobs, max(batch, 1), progress)
                if prune:  # first: a file forgotten is not one to read again
                    report.pruned = _prune(conn, given)
                if store.any_stale(conn):
                    _reparse_elsewhere(conn, report, jobs, max(batch, 1), progress)
            with store.transaction(conn):
                store.collect_garbage(conn)
            if store.people_stale(conn):  # one pass over the mentions, not the articles
                store.resolve_people(conn)
            report.articles = store.count(conn)
        except sqlite3.DatabaseError as exc:
            if "locked" in str(exc) or "busy" in str(exc):
                raise Busy(
                    f"the index {db} is locked by another program that writes to it; "
                    "run this again when it has finished"
                ) from None
            known = store.failure(exc, db)
            raise (known or store.StoreError(f"cannot write the index {db}: {exc}")) from None
        finally:
            conn.close()
    report.seconds = round(time.perf_counter() - started, 3)
    return report


def _reparse_elsewhere(
    conn: sqlite3.Connection,
    report: IngestReport,
    jobs: int | None,
    batch: int,
    progress: Progress | None,
) -> None:
    """Re-parse the files, not under the paths given, that gave an article stored under another
    parser's stamp, read again from where they were indexed; one that has gone or cannot be
    read is reported, and its articles are kept as they were."""
    files, failures = report.files, len(report.failures)
    told = {failure.source for failure in report.failures}  # failed under the paths given
    elsewhere = [Path(on_disk(path)) for path in store.stale_files(conn) if path not in told]
    _run(conn, elsewhere, report, jobs, batch, progress)
    report.files = files  # not found under the paths given
    for failure in report.failures[failures:]:
        failure.reason += "; its articles are kept as an older parser made them"


def _plan(
    conn: sqlite3.Connection,
    files: list[str],
    writer: _Writer,
    tick: Callable[[], None],
    stale: bool,
) -> list[Job]:
    """The jobs for new and changed files, and (when ``stale``) for unchanged files that gave
    an article stored under another parser's stamp; other unchanged ones are counted and
    skipped."""
    todo: list[Job] = []
    from pilkada.inputs import oversized

    for file in files:
        name = shown_path(file)  # as the index knows it: text, whatever bytes name it on disk
        kind = kind_of(Path(name)) or "txt"
        try:
            with open(file, "rb") as f:
                stat = os.fstat(f.fileno())
                too_large = oversized(stat.st_size, kind)
                data = f.read() if too_large is None else b""
        except OSError as exc:
            from pilkada.corpus import _os_reason

            writer.report.failures.append(IngestFailure(source=name, reason=_os_reason(exc)))
            writer.report.failed += 1
            tick()
            continue
        if too_large is not None:  # refused unread: memory stays bounded
            writer.report.failures.append(IngestFailure(source=name, reason=too_large))
            writer.report.failed += 1
            tick()
            continue
        key = digest(data)
        state = store.file_state(conn, name)
        if state is not None and state[0] == key and not (stale and store.stale_file(conn, name)):
            writer.report.unchanged += state[1]
            tick()
            continue
        writer.pending[name] = _Pending(key, stat.st_size, stat.st_mtime_ns, {})
        odd = file if file != name else ""
        todo += chunks(name, data, odd) if kind == "jsonl" else [Job(name, kind, file=odd)]
    return todo


def _run(
    conn: sqlite3.Connection,
    given: list[Path],
    report: IngestReport,
    jobs: int | None,
    batch: int,
    progress: Progress | None,
) -> None:
    """Plan, parse and write WINDOW files at a time, so memory does not grow with the corpus."""
    total = sum(1 for _ in files_under(given)) if progress is not None else 0
    done = 0

    def tick() -> None:
        nonlocal done
        done += 1
        if progress is not None:
            progress(done, total)

    writer = _Writer(conn, report)
    stale = store.any_stale(conn)  # else no file need be looked up for it
    workers = jobs or os.cpu_count() or 1
    unreadable: list[IngestFailure] = []
    files = files_under(given, unreadable)
    first = list(islice(files, WINDOW))
    if len(first) < 4 * FILES_PER_TASK:
        workers = 1  # not worth starting processes
    # the workers are forked before anything else runs (no progress thread yet), and inherit
    # the parser's modules; forking is also what works when __main__ cannot be re-imported
    pool = _pool(workers) if workers > 1 else None
    try:
        # the next window is planned and handed to the workers before this one's results are
        # written, so that the workers never wait for the main process
        window = first
        current: Iterator[Parsed] = iter(())
        while window:
            report.files += len(window)
            following = _parsed(_plan(conn, window, writer, tick, stale), pool)
            for parsed in current:
                writer.add(parsed, batch, tick)
            window, current = list(islice(files, WINDOW)), following
        for parsed in current:
            writer.add(parsed, batch, tick)
        writer.flush(tick)
        report.failures += unreadable
        report.failed += len(unreadable)
    except BaseException:
        if pool is not None:
            _abandon(pool)
            pool = None
        raise
    finally:
        if pool is not None:
            pool.terminate()  # every result was read: the workers wait idle for tasks


def _abandon(pool: multiprocessing.pool.Pool) -> None:
    """Stop the workers of an index that is interrupted or failed, without waiting for the
    pool's result thread: a worker stopped while it wrote a result leaves half a message in the
    results pipe, on which ``Pool.terminate`` would wait for ever (its result thread joins after
    the workers are killed). The workers are killed here, the pool's own clean-up at exit is
    cancelled, and its threads, daemons, end with the process."""
    finalizer = getattr(pool, "_terminate", None)
    if finalizer is not None:
        finalizer.cancel()
    for worker in getattr(pool, "_pool", []):
        worker.kill()
    for worker in getattr(pool, "_pool", []):
        worker.join(timeout=5)


def _pool(workers: int) -> multiprocessing.pool.Pool:
    import multiprocessing

    context = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    return multiprocessing.get_context(context).Pool(workers, initializer=_worker_start)


@contextmanager
def _collector_eased() -> Iterator[None]:
    """The cycle collector runs less often while the index is written: each article comes with
    many short-lived objects and no cycles, and its passes over the writer's word list took 7%
    of the main process's time."""
    import gc

    was = gc.get_threshold()
    gc.set_threshold(50_000, 20, 20)
    try:
        yield
    finally:
        gc.set_threshold(*was)


def _worker_start() -> None:
    """Ctrl-C is for the main process, which rolls back its batch and stops the workers.

    The collector of reference cycles leaves alone what the worker inherited (modules,
    lexicons) and runs less often: the parser makes many short-lived objects and few cycles."""
    import gc
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _die_with_parent()
    gc.freeze()
    gc.set_threshold(50_000, 20, 20)


def _die_with_parent() -> None:
    """A worker ends when the process that started it does, however it ends (kill -9 too): on
    Linux the kernel sends it SIGKILL (PR_SET_PDEATHSIG); it holds nothing to save, and one
    left running would parse on for nothing and print BrokenPipe tracebacks."""
    import ctypes
    import signal

    parent = os.getppid()
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # pragma: no cover - not Linux: the pool's own clean-up
        return
    if os.getppid() != parent:  # the parent died before the request was made
        os._exit(1)


def _parsed(todo: list[Job], pool: multiprocessing.pool.Pool | None) -> Iterator[Parsed]:
    """Each job parsed, in order: lazily in this process, or handed to the pool at once."""
    if pool is None:
        return map(parse_job, todo)
    return pool.imap(parse_job, todo, chunksize=FILES_PER_TASK)


def _prune(conn: sqlite3.Connection, given: list[Path]) -> int:
    """Forget the indexed files under the paths given that are no longer there."""
    under = [shown_path(p) for p in given]
    gone = [
        path
        for path in store.indexed_files(conn)
        if any(path == r or path.startswith(r + os.sep) for r in under)
        and not os.path.isfile(on_disk(path))
    ]
    with store.transaction(conn):
        for path in gone:
            store.unlist_file(conn, path)
    return len(gone)
