"""Writing articles out as txt, md, jsonl, csv or parquet: safe names, atomic writes, no silent
overwrite.

``WRITERS`` is the registry of formats, a name for each ``Writer``: what ``export`` accepts and
what the command line's ``export --format`` offers. txt and md write one file per article into a
folder, parquet a folder of two tables (pyarrow is imported only when one is written); jsonl and
csv write one file. Nothing the
user has is overwritten without ``force``, and nothing is ever left half-written: a file is written
beside its target and renamed into place, and a folder is built beside its target and renamed into
place, the old one removed only once the new one is complete.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import threading
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from pilkada.output import Column, SafeWriter, View, neutralised, write_csv

if TYPE_CHECKING:  # pydantic's models are imported when an export runs, not to name the formats
    from pilkada.models import Article, ExportResult

__all__ = [
    "ARTICLE_CSV",
    "CSV_COLUMNS",
    "FORMATS",
    "WRITERS",
    "ExportError",
    "ExportFormat",
    "SafeWriter",
    "Writer",
    "export",
    "file_names",
    "neutralised",
    "render_md",
    "render_txt",
    "slugify",
    "write_stream",
]

ExportFormat = str  # a name in WRITERS
NAME_LENGTH = 60  # a file name's stem: date, "_", title slug
LIST_SEPARATOR = "; "
_NOT_SLUG = re.compile(r"[^a-z0-9]+")
_MD_BLOCK_START = re.compile(r"(#|>|[-+*](\s|$)|\d+[.)](\s|$)|=+\s*$|-+\s*$)")
_MD_INLINE = re.compile(r"([\\`*_\[\]<])")


class ExportError(Exception):
    """An export that would overwrite something, or cannot be written."""


# --- names ---


def slugify(text: str, max_length: int = NAME_LENGTH) -> str:
    """A lower-case ASCII name for ``text``: letters and digits joined by "-", cut at a word.

    "Pjs Bupati Kukar Menghadiri Rakor" -> "pjs-bupati-kukar-menghadiri-rakor"; never empty.
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = _NOT_SLUG.sub("-", ascii_text.lower()).strip("-")
    if len(slug) > max_length:
        cut = slug[: max_length + 1]
        space = cut.rfind("-")
        slug = cut[:space] if space > 0 else slug[:max_length]
    return slug.strip("-") or "article"


def _stem(article: Article) -> str:
    day = article.published.isoformat() if article.published else "undated"
    title = article.display_title() or article.id
    return f"{day}_{slugify(title, NAME_LENGTH - len(day) - 1)}"


def file_names(articles: Iterable[Article], ext: str) -> list[str]:
    """A distinct file name for each article: date and title, "-2", "-3"… where two collide."""
    return [name for _, name in _named(articles, ext)]


def _named(articles: Iterable[Article], ext: str) -> Iterator[tuple[Article, str]]:
    """Each article with its ``file_names`` name, one at a time."""
    used: set[str] = set()
    for article in articles:
        stem = _stem(article)
        name, n = f"{stem}.{ext}", 2
        while name in used:
            name, n = f"{stem}-{n}.{ext}", n + 1
        used.add(name)
        yield article, name


# --- renderings ---


def _metadata(article: Article) -> list[tuple[str, str]]:
    fields = [
        ("id", article.id),
        ("outlet", article.outlet),
        ("dateline", article.dateline),
        ("published", article.published.isoformat() if article.published else None),
        ("authors", LIST_SEPARATOR.join(article.authors)),
        ("editors", LIST_SEPARATOR.join(article.editors)),
        ("source", article.source),
    ]
    return [(name, value) for name, value in fields if value]


def render_txt(article: Article) -> str:
    """The article as plain text: title, metadata lines, a blank line, the paragraphs."""
    head = [article.display_title(), *(f"{k}: {v}" for k, v in _metadata(article))]
    return "\n".join(head) + "\n\n" + "\n\n".join(article.paragraphs) + "\n"


def _md(text: str) -> str:
    """``text`` escaped so that Markdown shows it as written."""
    text = _MD_INLINE.sub(r"\\\1", text)
    return "\\" + text if _MD_BLOCK_START.match(text) else text


def render_md(article: Article) -> str:
    """The article as Markdown: a heading, a metadata list, the paragraphs, then its quotes."""
    parts = [f"# {_md(article.display_title())}"]
    parts.append("\n".join(f"- **{k}:** {_md(v)}" for k, v in _metadata(article)))
    parts.extend(_md(p) for p in article.paragraphs)
    if article.quotes:
        parts.append("## Quotes")
        for q in article.quotes:
            who = ", ".join(_md(x) for x in (q.speaker, q.role) if x) or "unattributed"
            parts.append(f"> {_md(q.text)}\n>\n> — {who}")
    return "\n\n".join(parts) + "\n"


ARTICLE_CSV: View[Article] = View(
    "articles",
    (
        Column("id", lambda a: a.id),
        Column("source", lambda a: a.source),
        Column("published", lambda a: a.published.isoformat() if a.published else None),
        Column("outlet", lambda a: a.outlet),
        Column("dateline", lambda a: a.dateline),
        Column("title", lambda a: a.title),
        Column("authors", lambda a: LIST_SEPARATOR.join(a.authors)),
        Column("editors", lambda a: LIST_SEPARATOR.join(a.editors)),
        Column("quotes", lambda a: len(a.quotes)),
        Column("text", lambda a: a.text),
    ),
)
"""An article as a row of ``export --format csv``: its metadata, its number of quotes, its text."""
CSV_COLUMNS = ARTICLE_CSV.names


# --- the writers ---

if TYPE_CHECKING:
    Stream = Callable[[Iterable[Article], TextIO], int]
    Folder = Callable[[Iterable[Article], Path], tuple[list[str], int]]


@dataclass(frozen=True)
class Writer:
    """One export format: one file, written to a stream (``stream``, which ``--out -`` uses
    too), or a folder, filled by ``folder`` (the files' names and the number of articles)."""

    suffixes: frozenset[str] = frozenset()  # a folder's files: --force replaces no other folder
    stream: Stream | None = None
    folder: Folder | None = None
    ready: Callable[[], None] | None = None  # raises ExportError when it cannot write (no pyarrow)


def _one_after_another(render: Callable[[Article], str], separator: str) -> Stream:
    """Articles rendered one after another on a stream, a separator line between two."""

    def write(articles: Iterable[Article], stream: TextIO) -> int:
        count = 0
        for article in articles:
            if count:
                stream.write(f"\n{separator}\n\n")
            stream.write(render(article))
            count += 1
        return count

    return write


def _one_a_file(render: Callable[[Article], str], ext: str) -> Folder:
    """Each article in a file of its own, named by ``file_names``; only the names are kept, so a
    million articles are not held at once."""

    def write(articles: Iterable[Article], folder: Path) -> tuple[list[str], int]:
        names: list[str] = []
        for article, name in _named(articles, ext):
            (folder / name).write_text(render(article), encoding="utf-8")
            names.append(name)
        return names, len(names)

    return write


def _jsonl(articles: Iterable[Article], stream: TextIO) -> int:
    count = 0
    for article in articles:
        stream.write(json.dumps(article.model_dump(mode="json"), ensure_ascii=False) + "\n")
        count += 1
    return count


def _csv(articles: Iterable[Article], stream: TextIO) -> int:
    return write_csv(articles, ARTICLE_CSV, stream)


def _parquet(articles: Iterable[Article], folder: Path) -> tuple[list[str], int]:
    from pilkada import parquet

    return [parquet.ARTICLES, parquet.QUOTES], parquet.write(articles, folder)


def _pyarrow_there() -> None:
    from pilkada.parquet import ParquetMissing, schemas

    try:
        schemas()
    except ParquetMissing as exc:
        raise ExportError(str(exc)) from None


WRITERS: dict[str, Writer] = {
    "txt": Writer(
        frozenset({".txt"}),
        stream=_one_after_another(render_txt, "=" * 72),
        folder=_one_a_file(render_txt, "txt"),
    ),
    "md": Writer(
        frozenset({".md"}),
        stream=_one_after_another(render_md, "---"),
        folder=_one_a_file(render_md, "md"),
    ),
    "jsonl": Writer(stream=_jsonl),
    "csv": Writer(stream=_csv),
    "parquet": Writer(frozenset({".parquet"}), folder=_parquet, ready=_pyarrow_there),
}
"""The export formats by name: what ``export`` writes, and what ``pilkada export --format``
offers. A format with a ``folder`` writes a folder, else one file."""
FORMATS: tuple[str, ...] = tuple(WRITERS)


def writer(fmt: ExportFormat) -> Writer:
    """The writer of a format; ValueError for a name WRITERS does not hold."""
    try:
        return WRITERS[fmt]
    except KeyError:
        raise ValueError(
            f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}"
        ) from None


def write_stream(articles: Iterable[Article], fmt: ExportFormat, stream: TextIO) -> int:
    """Write the articles to an open text stream (stdout for ``--out -``); returns how many.

    Each article is written as it comes. txt and md articles follow one another with a
    separator line between them. A format that writes a folder (parquet) cannot."""
    write = writer(fmt).stream
    if write is None:
        raise ExportError(f"{fmt} is written to a folder, not to a stream")
    return write(articles, stream)


# --- safe writing ---


def _beside(target: Path, tag: str) -> Path:
    """A fresh hidden name in ``target``'s folder, for building ``target`` before it is in place;
    it names this process, so that a later export can tell it was left by one that died."""
    return target.parent / f".{target.name}.{tag}-{os.getpid()}-{os.urandom(4).hex()}"


# what _beside names: .TARGET.tmp-PID-HEX (being built) or .TARGET.old-PID-HEX (being replaced)
_LEFT = re.compile(r"\.(?P<target>.+)\.(?P<tag>tmp|old)-(?P<pid>\d+)-[0-9a-f]{8}")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    return True


def sweep(folder: Path) -> list[Path]:
    """Clear what an export killed in ``folder`` left (kill -9, a crash, the power): a file or
    folder it was building is removed, and a folder it was replacing is put back when the new
    one never took its place (else removed). Those of exports still running are left alone.
    Returns the paths removed or put back."""
    done: list[Path] = []
    try:
        entries = list(folder.iterdir())
    except OSError:
        return done
    for entry in sorted(entries):
        found = _LEFT.fullmatch(entry.name)
        if found is None or _alive(int(found["pid"])):
            continue
        target = folder / found["target"]
        if found["tag"] == "old" and not _exists(target):
            os.rename(entry, target)  # the user's folder, back where it was
        elif entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry, ignore_errors=True)
        else:
            entry.unlink(missing_ok=True)
        done.append(entry)
    return done


@contextmanager
def _terminable() -> Iterator[None]:
    """SIGTERM (a `kill`, a closing terminal's session, a job scheduler) ends an export as
    Ctrl-C does: by an exception, so that its temporary files are removed on the way out."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum: int, frame: object) -> None:
        raise SystemExit(128 + signum)

    before = signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, before)


def _exists(path: Path) -> bool:
    return path.exists() or path.is_symlink()


def _write_file(target: Path, write: Callable[[TextIO], object]) -> None:
    """Write ``target`` through a temporary file beside it, renamed into place when complete."""
    temp = _beside(target, "tmp")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with open(fd, "w", encoding="utf-8", newline="") as stream:
            write(stream)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temp, target)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def _check_folder(out: Path, shown: Path, force: bool, suffixes: frozenset[str]) -> None:
    if not _exists(out):
        return
    if not out.is_dir():
        raise ExportError(f"{shown} is a file; this format writes a folder, give a folder path")
    entries = sorted(out.iterdir())
    if not entries:
        return
    if not force:
        raise ExportError(f"{shown} already exists and is not empty; use --force to replace it")
    exported = {".txt", ".md"} | suffixes
    foreign = [e for e in entries if not (e.is_file() and e.suffix in exported)]
    if foreign:
        raise ExportError(
            f"{shown} holds {foreign[0].name!r}, not only exported articles; "
            "refusing to replace it even with --force"
        )


def _replace_folder(built: Path, out: Path) -> None:
    """Put the complete folder ``built`` at ``out``; an old ``out`` goes only after that worked."""
    if not _exists(out):
        os.rename(built, out)
        return
    old = _beside(out, "old")
    os.rename(out, old)
    try:
        os.rename(built, out)
    except BaseException:
        os.rename(old, out)
        raise
    shutil.rmtree(old, ignore_errors=True)


def _export_folder(articles: Iterable[Article], fill: Folder, out: Path) -> tuple[list[str], int]:
    """Write the articles into a folder built beside ``out`` (``fill``), then put it in place.
    The files written and the number of articles."""
    built = _beside(out, "tmp")
    os.mkdir(built)
    try:
        names, count = fill(articles, built)
        _replace_folder(built, out)
    except BaseException:
        shutil.rmtree(built, ignore_errors=True)
        raise
    return names, count


def export(
    articles: Iterable[Article],
    fmt: ExportFormat,
    out: Path | str,
    *,
    force: bool = False,
    parents: bool = False,
) -> ExportResult:
    """Export ``articles`` to ``out``: a folder of files for txt and md, a folder of two tables
    (articles.parquet, quotes.parquet) for parquet, one file for jsonl and csv.

    Raises ExportError, with a one-line message, when ``out`` exists (a file, or a folder that is
    not empty) and ``force`` is false, or when it cannot be written. With ``force`` a folder is
    replaced only if it holds nothing but .txt and .md files, so a mistyped path cannot wipe out
    a folder of other work. The folder ``out`` goes in must exist, unless ``parents`` says to
    make it (a mistyped folder name is an error, not a new folder).
    """
    chosen = writer(fmt)
    shown = Path(out)
    target = Path(os.path.abspath(shown))
    written: list[int] = []
    try:
        sweep(target.parent)
        with _terminable():
            if not parents and not _exists(target.parent):
                raise ExportError(
                    f"{shown.parent} does not exist; create it, or use --parents to have it made"
                )
            files = _export(articles, fmt, chosen, target, shown, force, written)
    except OSError as exc:
        raise ExportError(f"cannot write {shown}: {exc.strerror or exc}") from exc
    from pilkada.models import ExportResult

    return ExportResult(format=fmt, out=str(shown), files=files, articles=written[0])


def _export(
    articles: Iterable[Article],
    fmt: ExportFormat,
    chosen: Writer,
    target: Path,
    shown: Path,
    force: bool,
    written: list[int],
) -> list[str]:
    """``export`` once the folder is swept; how many articles it wrote goes to ``written``."""
    if chosen.ready is not None:
        chosen.ready()  # what it needs is there (pyarrow), before anything is made
    if chosen.folder is not None:
        _check_folder(target, shown, force, chosen.suffixes)
        target.parent.mkdir(parents=True, exist_ok=True)
        names, count = _export_folder(articles, chosen.folder, target)
        files = [str(shown / name) for name in names]
        written.append(count)
    else:
        if target.is_dir():
            raise ExportError(f"{shown} is a folder; {fmt} export writes one file")
        if _exists(target) and not force:
            raise ExportError(f"{shown} already exists; use --force to replace it")
        target.parent.mkdir(parents=True, exist_ok=True)
        _write_file(target, lambda stream: written.append(write_stream(articles, fmt, stream)))
        files = [str(shown)]
    return files
