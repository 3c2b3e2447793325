"""Finding and reading articles: which files make a corpus, and the Articles parsed from them.

A corpus is named by a *spec*: a file, a folder (searched recursively for ``.txt``,
``.html``/``.htm`` and ``.jsonl`` files), a glob, or ``-`` (standard input).
With no spec, ``$PILKADA_CORPUS`` is used if set, else the seed articles bundled with pilkada.

    from pilkada import corpus

    loaded = list(corpus.load(corpus.resolve("berita/")))
    articles = [a for a in loaded if not isinstance(a, corpus.LoadFailure)]
    corpus.find(articles, "003").dateline  # an id or a unique prefix of one
"""

from __future__ import annotations

import glob
import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

from pilkada.errors import CorpusError as CorpusError  # its home before pilkada.errors
from pilkada.models import Article
from pilkada.text import fold, names_someone

ENVVAR = "PILKADA_CORPUS"


@dataclass(frozen=True)
class LoadFailure:
    """A file that could not be turned into an Article, and why (one line)."""

    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


def bundled_seeds() -> Path:
    """The folder of seed articles shipped with pilkada (inside the wheel, or the repo's seeds/)."""
    packaged = resources.files("pilkada") / "seeds"
    if packaged.is_dir():
        return Path(str(packaged))
    return Path(__file__).resolve().parents[2] / "seeds"


def resolve(spec: str | None) -> list[Path]:
    """The article files a spec names, sorted; raises CorpusError when it names none."""
    if spec is None:
        spec = os.environ.get(ENVVAR) or None
    if spec is None:
        return _article_files(bundled_seeds())
    if glob.has_magic(spec):
        matches = sorted(glob.glob(os.path.expanduser(spec), recursive=True))
        if not matches:
            raise CorpusError(f"no files match {spec}")
        paths = [p for m in matches for p in _expand(Path(m))]
        if not paths:
            raise CorpusError(f"no articles (.txt, .html, .htm or .jsonl files) match {spec}")
        return list(dict.fromkeys(paths))
    if spec == STDIN:
        return [Path(STDIN)]
    path = Path(spec).expanduser()
    if not path.exists():
        raise CorpusError(f"no such file or folder: {spec}")
    paths = _expand(path)
    if not paths:
        raise CorpusError(f"no articles (.txt, .html, .htm or .jsonl files) in {spec}")
    return paths


def _expand(path: Path) -> list[Path]:
    return _article_files(path) if path.is_dir() else [path]


def _article_files(folder: Path) -> list[Path]:
    """The files of a folder, in its sub-folders too, whose names say a format pilkada reads;
    and each sub-folder that cannot be read, which ``load`` reports (it is not skipped unsaid)."""
    from pilkada.inputs import SUFFIXES

    found: list[Path] = []
    refused: list[Path] = []
    for where, _, names in os.walk(folder, onerror=lambda exc: refused.append(Path(exc.filename))):
        found += (Path(where, n) for n in names if os.path.splitext(n)[1].lower() in SUFFIXES)
    return sorted([p for p in found if p.is_file()] + refused)


def read(path: str | os.PathLike[str]) -> str:
    """The decoded text of one file (the parser normalises it); raises OSError or DecodeError."""
    from pilkada.decode import decode

    return decode(Path(path).read_bytes())


STDIN = "-"  # the path that names standard input


def load(
    paths: Iterable[str | os.PathLike[str]], fmt: str | None = None
) -> Iterator[Article | LoadFailure]:
    """Parse each file in order, each by the reader of its format (``pilkada.inputs``): ``fmt``,
    else its name's, else text; ``-`` is standard input (its format told by ``fmt`` or its
    first bytes). A file that cannot be read or decoded, or a line of a .jsonl file that holds
    no article, yields a LoadFailure.

    An article's ``source`` is the path as given and its ``id`` the file's stem (``STEM.LINE``
    for a .jsonl line), made unique within this call by a numeric suffix (``name-2``, …).
    """
    from pilkada import inputs

    used: set[str] = set()
    from pilkada.errors import shown_path

    for path in paths:
        source = shown_path(path)  # a name that is not valid UTF-8 keeps its bytes as \xNN
        try:
            if source != STDIN and (refused := _refused_unread(path, fmt)) is not None:
                yield LoadFailure(source, refused)  # refused before it is read
                continue
            data = sys.stdin.buffer.read() if source == STDIN else Path(path).read_bytes()
        except OSError as exc:
            yield LoadFailure(source, _unreadable(path, exc))
            continue
        if source == STDIN:
            kind, stem = fmt or inputs.sniff(data), "stdin"
        else:
            kind, stem = fmt or inputs.format_of(source) or "txt", Path(source).stem
        for unit in inputs.read(data, source, stem, kind):
            if unit.article is None:
                where = f"{source}:{unit.line}" if unit.line else source
                yield LoadFailure(where, unit.reason or "no article")
                continue
            article = unit.article
            ident = _unique(article.id if unit.line else stem, used)
            yield article if ident == article.id else article.model_copy(update={"id": ident})


def _unreadable(path: str | os.PathLike[str], exc: OSError) -> str:
    """Why a path gave no text: a folder that cannot be listed says so (``_article_files``)."""
    if os.path.isdir(path):
        from pilkada.errors import folder_reason

        try:
            os.scandir(path).close()
        except OSError as listing:
            return folder_reason(listing)
    return _os_reason(exc)


SQLITE_HEADER = b"SQLite format 3\x00"  # the first bytes of every SQLite database


def _refused_unread(path: str | os.PathLike[str], fmt: str | None) -> str | None:
    """Why the file at ``path`` is refused unread, or None: a database (an index given where
    articles are read), or too large to be one article (``inputs.oversized``); raises OSError."""
    from pilkada import inputs

    with open(path, "rb") as f:
        if f.read(len(SQLITE_HEADER)) == SQLITE_HEADER:
            return "is an SQLite database (a pilkada index?), not articles; give an index with --db"
    return inputs.oversized(os.stat(path).st_size, fmt or inputs.format_of(path) or "txt")


def _os_reason(exc: OSError) -> str:
    if isinstance(exc, IsADirectoryError):
        return "is a folder, not a file"
    return (exc.strerror or str(exc)).lower()


def _unique(stem: str, used: set[str]) -> str:
    ident, n = stem, 1
    while ident in used:
        n += 1
        ident = f"{stem}-{n}"
    used.add(ident)
    return ident


def filtered(
    articles: Iterable[Article],
    *,
    outlet: str | None = None,
    since: date | None = None,
    until: date | None = None,
    place: str | None = None,
    official: str | None = None,
) -> Iterator[Article]:
    """The articles that pass every filter given, one at a time.

    ``outlet`` and ``place`` match a case- and accent-insensitive substring of the outlet and
    dateline; ``since`` and ``until`` are inclusive bounds on ``published``, and exclude undated
    articles only when given. ``official`` keeps the articles naming a person each of whose
    words starts a word of that person's name ("laura" fits Asmin Laura Hafid).
    """
    for article in articles:
        if outlet is not None and fold(outlet) not in fold(article.outlet or ""):
            continue
        if place is not None and not _about(article, place):
            continue
        if since is not None and (article.published is None or article.published < since):
            continue
        if until is not None and (article.published is None or article.published > until):
            continue
        if official is not None and not _names(article, official):
            continue
        yield article


def _names(article: Article, official: str) -> bool:
    """One of the article's people has every word of ``official`` starting a word of the name."""
    return names_someone((p.name for p in article.officials), official)


def _about(article: Article, place: str) -> bool:
    """The article's dateline holds ``place``, or it is about that region ("kukar" fits an
    article about Kutai Kartanegara)."""
    from pilkada.roster import place_matches

    return fold(place) in fold(article.dateline or "") or place_matches(place, article.places)


def sort_by_date(articles: Iterable[Article]) -> list[Article]:
    """Oldest first; undated articles last; ties by id."""
    return sorted(articles, key=lambda a: (a.published is None, a.published or date.min, a.id))


def find(articles: Sequence[Article], ident: str) -> Article:
    """The article with this id, or the only one whose id starts with it; else CorpusError."""
    for article in articles:
        if article.id == ident:
            return article
    matches = [a.id for a in articles if a.id.startswith(ident)]
    if len(matches) == 1:
        return next(a for a in articles if a.id == matches[0])
    if matches:
        raise CorpusError(f"{ident!r} matches several articles: {', '.join(sorted(matches))}")
    known = ", ".join(sorted(a.id for a in articles)[:10])
    more = "" if len(articles) <= 10 else f" (and {len(articles) - 10} more)"
    raise CorpusError(f"no article {ident!r}; ids are: {known}{more}")


def load_gold(
    folder: str | os.PathLike[str], form: str = "txt"
) -> tuple[list[tuple[str, Article, dict[str, Any]]], list[LoadFailure]]:
    """The annotated articles of a folder: NAME.txt (or, with ``form`` "html", NAME.html)
    parsed, with NAME.gold.json beside it.

    Raises CorpusError when the folder is missing or holds no ``*.gold.json``; a pair that cannot
    be read is a LoadFailure and the others are still returned.
    """
    import json

    root = Path(folder)
    if not root.is_dir():
        raise CorpusError(f"no such folder: {folder}")
    golds = sorted(root.glob("*.gold.json"))
    if not golds:
        raise CorpusError(f"no annotations (*.gold.json files) in {folder}")
    pairs: list[tuple[str, Article, dict[str, Any]]] = []
    failures: list[LoadFailure] = []
    for gpath in golds:
        name = gpath.name[: -len(".gold.json")]
        try:
            gold = json.loads(gpath.read_text(encoding="utf-8"))
            if not isinstance(gold, dict):
                raise ValueError("not a JSON object")
        except (OSError, ValueError) as exc:
            failures.append(LoadFailure(str(gpath), f"unreadable annotation: {exc}"))
            continue
        item = next(load([root / f"{name}.{form}"]))
        if isinstance(item, LoadFailure):
            failures.append(item)
            continue
        pairs.append((name, item, gold))
    return pairs, failures
