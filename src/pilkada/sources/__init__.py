"""One way to read articles: a ``Source`` over files or over the index, and one ``Filters``.

A reading command asks its source for what it shows (articles, listing rows, one article,
search hits, quotes, people, a summary, a chart) under the filters its options give, and never
asks where the articles come from. ``open_source`` chooses the source by the rules every
reading command follows: files when a corpus is named (``--corpus`` or $PILKADA_CORPUS), else
the index ``--db`` or $PILKADA_DB names (which must be there), else the per-user index when
there is one, else the seed articles bundled with pilkada.

    from pilkada import sources

    source = sources.open_source("berita/", None)
    [row.id for row in source.listing(sources.Filters(outlet="antara"))]

The interface and what both sides share are here; ``files.FileSource`` reads files,
``index.IndexSource`` asks ``store`` for what the index answers itself and leaves the rest (a
place, the tolerant match of names) to the same Python the files side runs, so that both give
the same results. Nothing heavy is imported until a source is used.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

if TYPE_CHECKING:
    from pathlib import Path

    from pilkada.models import (
        Article,
        CorpusSummary,
        Hit,
        IndexCheck,
        Listing,
        Official,
        OfficialDetail,
        QuoteHit,
    )

T = TypeVar("T")

Progress = Callable[[int, int], None]  # (articles done, articles in all)


@dataclass(frozen=True)
class Filters:
    """The articles a reading command reads: ``outlet`` a part of the outlet's name and
    ``place`` a part of the dateline or a region the article is about (both ignoring case and
    accents); ``since`` and ``until`` inclusive bounds on the publication day (an undated
    article passes only when neither is given); ``official`` a person the article names, each
    of whose words starts a word of the name ("laura" fits Asmin Laura Hafid).

    Quotes take ``place`` as the quote's (its article's places or the speaker's role), people
    as their roles' places."""

    outlet: str | None = None
    place: str | None = None
    since: date | None = None
    until: date | None = None
    official: str | None = None


NO_FILTERS: Filters = Filters()

# the orders of a table of people (``Source.officials``)
SORTS = ("quotes", "articles", "name", "first", "last")


class SourceError(Exception):
    """Articles that cannot be read: an index that cannot be opened, files of which none is an
    article. One line."""


class SourceUsageError(SourceError):
    """Articles asked for in a way that cannot be read (a corpus or an index that is not
    there); ``option`` names the option or variable that asked, if one did."""

    def __init__(self, message: str, option: str | None = None) -> None:
        super().__init__(message)
        self.option = option


class Watch(Protocol):
    """What a source hands a pass over the index through: the stream, and how to count what it
    will give (asked only when wanted: counting takes a while); a command line shows progress."""

    def __call__(self, stream: Iterable[T], total: Callable[[], int]) -> Iterable[T]: ...


def unwatched(stream: Iterable[T], total: Callable[[], int]) -> Iterable[T]:
    return stream


def open_source(
    spec: str | None,
    db: str | None,
    *,
    warn: Callable[[str], None] | None = None,
    watch: Watch = unwatched,
) -> Source:
    """The source a reading command reads: the files ``spec`` names; with no ``spec``, the index
    ``db`` names, else $PILKADA_DB's (either must be an index file), else the per-user index
    when there is one, else the bundled seeds. ``warn`` is told of each file skipped, ``watch``
    given each pass over the whole index. Raises SourceUsageError for an index named but not
    there, SourceError for one that cannot be opened."""
    if spec:
        return FileSource(spec, warn=warn)
    from pilkada import store

    try:
        path = store.locate(db)
    except store.StoreError as exc:
        hint = "'--db'" if db is not None else f"${store.ENVVAR}"
        raise SourceUsageError(str(exc), hint) from None
    if path is None:
        return FileSource(None, warn=warn)
    return IndexSource(path, watch=watch)


@dataclass(frozen=True)
class People:
    """The people a name fits, and the articles they were found in."""

    found: list[Official]
    articles: list[Article]

    def detail(self, person: Official) -> OfficialDetail:
        """One of them with all their quotes, by date."""
        from pilkada.models import OfficialDetail
        from pilkada.roster import name_matches
        from pilkada.search import find_quotes

        theirs = set(person.articles)
        said = [
            h
            for h in find_quotes(a for a in self.articles if a.id in theirs)
            if h.quote.speaker and name_matches(h.quote.speaker, person.name)
        ]
        return OfficialDetail(official=person, quotes=said)


def sorted_people(people: Iterable[Official], sort: str) -> list[Official]:
    """People in one of the orders ``SORTS`` names: most quotes, most articles, by name, first
    seen, last seen (the most recent first); ties by name."""
    far = date.max
    keys: dict[str, Callable[[Official], Any]] = {
        "quotes": lambda o: (-o.quotes, -len(o.articles), o.name.casefold()),
        "articles": lambda o: (-len(o.articles), -o.quotes, o.name.casefold()),
        "name": lambda o: o.name.casefold(),
        "first": lambda o: (o.first_seen or far, o.name.casefold()),
        "last": lambda o: (-(o.last_seen or date.min).toordinal(), o.name.casefold()),
    }
    return sorted(people, key=keys[sort])


class Source(ABC):
    """Where articles come from. A subclass gives the articles passing filters and one article
    by id; what it can answer faster than by reading every article, it answers itself."""

    index: Path | None = None  # the index read, if one is

    @abstractmethod
    def articles(self, filters: Filters = NO_FILTERS) -> Iterable[Article]:
        """The articles passing the filters, oldest first, undated last, then by id."""

    def find(self, ident: str) -> Article:
        """The article with this id, or the only one whose id starts with it; else
        CorpusError, whose message lists some ids. An id copied from a CSV or TSV listing
        as written there (``'-berita``: a cell a spreadsheet would run as a formula gets a
        leading ', ``output.neutralised``) finds the article whose id it is."""
        from pilkada.corpus import CorpusError
        from pilkada.output import unneutralised

        try:
            return self.find_id(ident)
        except CorpusError:
            if (written := unneutralised(ident)) == ident:
                raise
            return self.find_id(written)

    @abstractmethod
    def find_id(self, ident: str) -> Article:
        """``find`` of the id as given."""

    def listing(self, filters: Filters = NO_FILTERS) -> Iterable[Listing]:
        """What ``pilkada list`` shows of each article passing the filters, in order."""
        from pilkada.models import Listing

        return (Listing.of(a) for a in self.articles(filters))

    def count(self, filters: Filters = NO_FILTERS) -> int:
        """How many articles pass the filters."""
        return sum(1 for _ in self.articles(filters))

    def doubtful(self, filters: Filters = NO_FILTERS) -> list[Article]:
        """The articles passing the filters that the parser is unsure of, most doubts first."""
        return sorted((a for a in self.articles(filters) if a.doubts), key=lambda a: -len(a.doubts))

    def search(
        self,
        query: str,
        filters: Filters = NO_FILTERS,
        *,
        regex: bool = False,
        limit: int | None = 20,
        notes: list[str] | None = None,
    ) -> list[Hit]:
        """The articles passing the filters that match ``query`` (a search query, or with
        ``regex`` a regular expression, tried on every article), best first, at most ``limit``
        (None: all); ``notes`` is told how they were ranked, if the reader should know. Raises
        QueryError."""
        from pilkada.search import search

        if regex:
            return search(self.articles(filters), query, regex=True, limit=limit)
        return self._search(query, filters, limit, notes)

    def _search(
        self, query: str, filters: Filters, limit: int | None, notes: list[str] | None
    ) -> list[Hit]:
        from pilkada.search import search

        return search(self.articles(filters), query, limit=limit)

    def quotes(
        self,
        filters: Filters = NO_FILTERS,
        query: str | None = None,
        *,
        by: str | None = None,
        role: str | None = None,
    ) -> list[QuoteHit]:
        """The quotes with the words of ``query``, by a speaker ``by`` names, in a ``role``,
        from ``filters.place`` (``search.find_quotes``), in the articles passing the other
        filters. Raises QueryError."""
        from pilkada.search import find_quotes

        candidates, left = self._quoting(replace(filters, place=None), query, by, role)
        return find_quotes(candidates, left, by=by, role=role, place=filters.place)

    def _quoting(
        self, filters: Filters, query: str | None, by: str | None, role: str | None
    ) -> tuple[Iterable[Article], str | None]:
        """The articles that may hold the quotes asked for, and the query they are still to be
        tested by."""
        return self.articles(filters), query

    def officials(
        self, filters: Filters = NO_FILTERS, *, role: str | None = None, sort: str = "quotes"
    ) -> Iterable[Official]:
        """One row per person the articles passing the filters name, with a role that has
        ``role``, in a role of ``filters.place``; in the order ``sort`` names (``SORTS``),
        read as they are used where the source can."""
        from pilkada.roster import build_roster, find_officials

        roster = build_roster(self.articles(replace(filters, place=None)))
        return sorted_people(find_officials(roster, None, role=role, place=filters.place), sort)

    def people(
        self,
        name: str,
        filters: Filters = NO_FILTERS,
        *,
        role: str | None = None,
        sort: str | None = None,
    ) -> People:
        """The people ``name`` fits (any form of their name), as ``officials`` filters them; in
        the roster's order unless ``sort`` names one."""
        from pilkada.roster import build_roster, find_officials

        articles = self._naming(name, replace(filters, place=None))
        found = find_officials(build_roster(articles), name, role=role, place=filters.place)
        return People(found if sort is None else sorted_people(found, sort), articles)

    def _naming(self, name: str, filters: Filters) -> list[Article]:
        """The articles passing the filters that may name the person ``name`` fits."""
        return list(self.articles(filters))

    def summary(
        self, filters: Filters = NO_FILTERS, *, top: int = 10, unit: str | None = None
    ) -> CorpusSummary:
        """The summary of the articles passing the filters (``summary.summarise_corpus``)."""
        from pilkada.summary import summarise_corpus

        return summarise_corpus(self.articles(filters), top=top, unit=unit)

    def chart(
        self,
        kind: str,
        filters: Filters = NO_FILTERS,
        *,
        top: int = 10,
        unit: str | None = None,
        by: str | None = None,
    ) -> tuple[str, list[tuple[str, int]], bool]:
        """What a chart of ``kind`` of the articles passing the filters draws
        (``summary.chart``): the quotes of ``by`` from the articles quoting them, the rest
        from the summary."""
        from pilkada.search import find_quotes
        from pilkada.summary import check_chart, quotes_chart, summary_chart

        if kind == "quotes":
            if not by:
                raise ValueError("a chart of quotes is of one person's: give --by NAME")
            return quotes_chart(find_quotes(self._speaking(filters, by), by=by), by, unit)
        check_chart(kind)
        return summary_chart(self.summary(filters, top=top, unit=unit), kind)

    def _speaking(self, filters: Filters, by: str) -> Iterable[Article]:
        """The articles passing the filters that may quote the person ``by`` names."""
        return self.articles(filters)

    def check(self, progress: Progress | None = None) -> IndexCheck:
        """The whole index read for damage; raises SourceUsageError for a source of files."""
        raise SourceUsageError("no index to check; build one with: pilkada index PATH...")


# the two sources, each in its module
from pilkada.sources.files import FileSource  # noqa: E402
from pilkada.sources.index import IndexSource  # noqa: E402
