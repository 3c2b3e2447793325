"""Writing articles out as txt, md, jsonl or csv: safe names, atomic writes, no silent overwrite.

txt and md write one file per article into a folder; jsonl and csv write one file. Nothing the
user has is overwritten without ``force``, and nothing is ever left half-written: a file is written
beside its target and renamed into place, and a folder is built beside its target and renamed into
place, the old one removed only once the new one is complete.
"""

from __future__ import annotations

import csv
import json
import os
import re
import secrets
import shutil
import signal
import threading
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Literal, TextIO, get_args

from pilkada.models import Article, ExportResult

__all__ = [
    "CSV_COLUMNS",
    "FORMATS",
    "ExportError",
    "ExportFormat",
    "SafeWriter",
    "export",
    "file_names",
    "neutralised",
    "render_md",
    "render_txt",
    "slugify",
    "write_stream",
]

ExportFormat = Literal["txt", "md", "jsonl", "csv", "parquet"]
FORMATS: tuple[str, ...] = get_args(ExportFormat)
FOLDER_FORMATS = frozenset({"txt", "md", "parquet"})
# what a folder of each folder format holds: --force replaces a folder of nothing else
_FOLDER_FILES = {"txt": {".txt"}, "md": {".md"}, "parquet": {".parquet"}}
CSV_COLUMNS = (
    "id",
    "source",
    "published",
    "outlet",
    "dateline",
    "title",
    "authors",
    "editors",
    "quotes",
    "text",
)
NAME_LENGTH = 60  # a file name's stem: date, "_", title slug
LIST_SEPARATOR = "; "
_STREAM_SEPARATOR = {"txt": "=" * 72, "md": "---"}
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


_RENDER: dict[str, Callable[[Article], str]] = {"txt": render_txt, "md": render_md}


def _csv_row(article: Article) -> dict[str, str | int]:
    return {
        "id": article.id,
        "source": article.source or "",
        "published": article.published.isoformat() if article.published else "",
        "outlet": article.outlet or "",
        "dateline": article.dateline or "",
        "title": article.title or "",
        "authors": LIST_SEPARATOR.join(article.authors),
        "editors": LIST_SEPARATOR.join(article.editors),
        "quotes": len(article.quotes),
        "text": article.text,
    }


# A cell a spreadsheet would read as a formula ("=HYPERLINK(…)", "+62…", "-", "@SUM"), or that
# starts with a tab or a carriage return, gets a leading ' (OWASP's advice on CSV injection):
# a scraped title or quote is never run as a formula when the file is opened.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralised(cell: object) -> object:
    """A CSV cell that no spreadsheet runs: text starting as a formula does gets a leading '."""
    if isinstance(cell, str) and cell.startswith(_FORMULA_START):
        return "'" + cell
    return cell


class SafeWriter:
    """``csv.writer`` whose every cell is ``neutralised``: the one CSV writer pilkada uses."""

    def __init__(self, stream: TextIO, **options: str) -> None:
        self._writer = csv.writer(stream, **options)  # type: ignore[arg-type]

    def writerow(self, row: Iterable[object]) -> None:
        self._writer.writerow([neutralised(cell) for cell in row])


def _check_format(fmt: str) -> None:
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")


def write_stream(articles: Iterable[Article], fmt: ExportFormat, stream: TextIO) -> int:
    """Write the articles to an open text stream (stdout for ``--out -``); returns how many.

    Each article is written as it comes. txt and md articles follow one another with a
    separator line between them.
    """
    _check_format(fmt)
    count = 0
    if fmt == "csv":
        writer = SafeWriter(stream)
        writer.writerow(CSV_COLUMNS)
    for article in articles:
        if fmt == "jsonl":
            data = article.model_dump(mode="json")
            stream.write(json.dumps(data, ensure_ascii=False) + "\n")
        elif fmt == "csv":
            row = _csv_row(article)
            writer.writerow(row[column] for column in CSV_COLUMNS)
        else:
            if count:
                stream.write(f"\n{_STREAM_SEPARATOR[fmt]}\n\n")
            stream.write(_RENDER[fmt](article))
        count += 1
    return count


# --- safe writing ---


def _beside(target: Path, tag: str) -> Path:
    """A fresh hidden name in ``target``'s folder, for building ``target`` before it is in place;
    it names this process, so that a later export can tell it was left by one that died."""
    return target.parent / f".{target.name}.{tag}-{os.getpid()}-{secrets.token_hex(4)}"


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


def _check_folder(out: Path, shown: Path, force: bool, fmt: str) -> None:
    if not _exists(out):
        return
    if not out.is_dir():
        raise ExportError(f"{shown} is a file; this format writes a folder, give a folder path")
    entries = sorted(out.iterdir())
    if not entries:
        return
    if not force:
        raise ExportError(f"{shown} already exists and is not empty; use --force to replace it")
    exported = {".txt", ".md"} | _FOLDER_FILES[fmt]
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


def _export_folder(articles: Iterable[Article], fmt: str, out: Path) -> tuple[list[str], int]:
    """Write the articles one at a time into a folder built beside ``out``, then put it in
    place; only their names are kept, so a million articles are not held at once. The files
    written and the number of articles."""
    built = _beside(out, "tmp")
    os.mkdir(built)
    names: list[str] = []
    try:
        if fmt == "parquet":
            from pilkada import parquet

            count = parquet.write(articles, built)
            names = [parquet.ARTICLES, parquet.QUOTES]
        else:
            for article, name in _named(articles, fmt):
                (built / name).write_text(_RENDER[fmt](article), encoding="utf-8")
                names.append(name)
            count = len(names)
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
    _check_format(fmt)
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
            files = _export(articles, fmt, target, shown, force, written)
    except OSError as exc:
        raise ExportError(f"cannot write {shown}: {exc.strerror or exc}") from exc
    return ExportResult(format=fmt, out=str(shown), files=files, articles=written[0])


def _export(
    articles: Iterable[Article],
    fmt: ExportFormat,
    target: Path,
    shown: Path,
    force: bool,
    written: list[int],
) -> list[str]:
    """``export`` once the folder is swept; how many articles it wrote goes to ``written``."""
    if fmt in FOLDER_FORMATS:
        if fmt == "parquet":
            from pilkada.parquet import ParquetMissing, schemas

            try:
                schemas()  # pyarrow is there, before any folder is made
            except ParquetMissing as exc:
                raise ExportError(str(exc)) from None
        _check_folder(target, shown, force, fmt)
        target.parent.mkdir(parents=True, exist_ok=True)
        names, count = _export_folder(articles, fmt, target)
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
