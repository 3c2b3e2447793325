"""The source of an index: what the index answers itself is asked of ``store``; a place and
the tolerant match of names are tested in Python, as the source of files tests them."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import TYPE_CHECKING, TypeVar

from pilkada.sources import (
    NO_FILTERS,
    Filters,
    People,
    Progress,
    Source,
    SourceError,
    Watch,
    sorted_people,
    unwatched,
)

if TYPE_CHECKING:
    import sqlite3
    from pathlib import Path

    from pilkada import store
    from pilkada.models import Article, CorpusSummary, Hit, IndexCheck, Listing, Official

T = TypeVar("T")


def _unfiltered(filters: Filters) -> bool:
    """Filters the index applies whole, with nothing left to test in Python."""
    return filters.place is None and filters.official is None


class IndexSource(Source):
    """The articles of an index (``pilkada index``), read as they are used. ``watch`` is given
    each pass over the whole index."""

    def __init__(self, path: Path, *, watch: Watch = unwatched) -> None:
        from pilkada import store

        try:
            self.conn: sqlite3.Connection = store.connect(path)
        except store.StoreError as exc:
            raise SourceError(str(exc)) from None
        self.index = self._path = path
        self._watch = watch

    def _stored(self, filters: Filters) -> store.Filters:
        """What of the filters the index applies: all but the place (and the index's match of
        an official's name is a net, tested again in Python)."""
        from pilkada import store

        return store.Filters(
            outlet=filters.outlet,
            since=filters.since,
            until=filters.until,
            official=filters.official,
        )

    def _pass(self, read: Callable[..., Iterable[T]], filters: Filters) -> Iterable[T]:
        from pilkada import store

        stored = self._stored(filters)
        return self._watch(read(self.conn, stored), lambda: store.count(self.conn, stored))

    def articles(self, filters: Filters = NO_FILTERS) -> Iterable[Article]:
        from pilkada import corpus, store

        read = self._pass(store.iter_articles, filters)
        if _unfiltered(filters):
            return read
        return corpus.filtered(read, place=filters.place, official=filters.official)

    def find_id(self, ident: str) -> Article:
        from pilkada import store

        return store.find(self.conn, ident)

    def listing(self, filters: Filters = NO_FILTERS) -> Iterable[Listing]:
        from pilkada import store

        if not _unfiltered(filters):
            return super().listing(filters)
        return self._pass(store.iter_listing, filters)  # the listed columns, no article whole

    def count(self, filters: Filters = NO_FILTERS) -> int:
        from pilkada import store

        if not _unfiltered(filters):
            return super().count(filters)
        return store.count(self.conn, self._stored(filters))

    def _search(
        self, query: str, filters: Filters, limit: int | None, notes: list[str] | None
    ) -> list[Hit]:
        """Full-text search ranked by bm25, stems and all (``store.search``)."""
        from pilkada import corpus, store

        place = filters.place
        keep = (lambda a: any(corpus.filtered([a], place=place))) if place is not None else None
        stored = self._stored(filters)
        return store.search(self.conn, query, limit=limit, filters=stored, keep=keep, notes=notes)

    def _quoting(
        self, filters: Filters, query: str | None, by: str | None, role: str | None
    ) -> tuple[Iterable[Article], str | None]:
        """The articles with quotes with the words (each keeping only those quotes), or
        quoting someone whose name (or role) has words starting so or close to them; never
        every article, which on a large index takes minutes. With none of them, every
        article."""
        from pilkada import roster, store

        stored = self._stored(filters)
        if query is not None:
            return store.quoting_articles(self.conn, query, filters=stored), None
        if by is not None:
            return store.speaking_articles(self.conn, by, filters=stored), None
        if role is not None:
            words = " ".join(roster.expanded(role))
            return store.role_articles(self.conn, words, filters=stored), None
        return super()._quoting(filters, query, by, role)

    def _exact(self, filters: Filters) -> store.Filters:
        """All the filters as the index applies them, with nothing left to test in Python: the
        regions a place names, and the articles that name the official, are found first."""
        from pilkada import store
        from pilkada.roster import place_matches
        from pilkada.text import names_someone

        stored = self._stored(filters)
        place = filters.place
        if place is not None:
            known = store.known_regions(self.conn)
            regions = tuple(r for r in known if place_matches(place, [r]))
            stored = replace(stored, place=place, regions=regions)
        if filters.official is not None:
            official = filters.official
            rowids = {
                rowid
                for rowid, name in store.mention_names(self.conn, stored)
                if names_someone([name], official)
            }
            stored = replace(stored, official=None, rowids=tuple(sorted(rowids)))
        return stored

    def _people(self, filters: Filters) -> store.Filters | None:
        """The filters the people are counted under (None: none, each person as the whole
        index has them); the place is the people's, not the articles'."""
        unplaced = replace(filters, place=None)
        return None if unplaced == NO_FILTERS else self._exact(unplaced)

    def officials(
        self, filters: Filters = NO_FILTERS, *, role: str | None = None, sort: str = "quotes"
    ) -> Iterable[Official]:
        """The rows of ``people`` (``store.officials``), read as they are used: with filters
        but the place, each person the articles passing them name, counted in those articles;
        who the person is (name, roles, places, forms) is what the whole index resolved, so a
        person two articles of the filtered ones name in ways the roster of those alone would
        keep apart (or join) is one row here (see README). The place and the role are tested
        on each person's roles and places."""
        from pilkada import store
        from pilkada.roster import fits

        if store.people_stale(self.conn):  # an ingest stopped before resolving them
            return super().officials(filters, role=role, sort=sort)
        place = filters.place

        def keep(roles: list[str], places: list[str]) -> bool:
            return fits(roles, places, role=role, place=place)

        asked = None if role is None and place is None else keep
        return store.officials(self.conn, self._people(filters), sort=sort, keep=asked)

    def people(
        self,
        name: str,
        filters: Filters = NO_FILTERS,
        *,
        role: str | None = None,
        sort: str | None = None,
    ) -> People:
        """The rows of ``people`` whose names could fit ``name`` (``store.candidates``) tested as
        the source of files tests them, then the articles of those it fits, decoded for their
        detail; counted as ``officials`` counts them."""
        from pilkada import store
        from pilkada.roster import find_officials

        if store.people_stale(self.conn):
            return super().people(name, filters, role=role, sort=sort)
        counted = self._people(filters)
        candidates = store.officials_at(self.conn, store.candidates(self.conn, name), counted)
        found = find_officials([o for _, o in candidates], name, role=role, place=filters.place)
        chosen = {id(o) for o in found}
        persons = [person for person, o in candidates if id(o) in chosen]
        rowids = store.naming_rowids(self.conn, persons, counted)
        articles = store.articles(self.conn, store.Filters(rowids=tuple(rowids)))
        return People(found if sort is None else sorted_people(found, sort), articles)

    def summary(
        self, filters: Filters = NO_FILTERS, *, top: int = 10, unit: str | None = None
    ) -> CorpusSummary:
        """The summary counted in SQL (``store.tally``): no article is decoded, the speakers
        and (of the whole index) the words are ranked by the index; with filters, the words
        are counted in one pass over the title and text columns."""
        from pilkada import store
        from pilkada.summary import (
            Counts,
            content_key,
            speakers_named,
            summarise_counts,
            words_named,
        )
        from pilkada.text import fold

        stored = self._exact(filters)
        conn = self.conn
        with store.snapshot(conn):
            articles, quotes, undated = store.totals(conn, stored)
            counts = Counts(
                articles=articles,
                quotes=quotes,
                undated=undated,
                days=store.by_day(conn, stored),
                outlets=store.by_value(conn, "outlet", stored),
                places=store.by_value(conn, "dateline", stored),
                regions=store.by_region(conn, stored),
                speakers=speakers_named(*store.ranked_speakers(conn, top, fold, stored)),
            )
            if stored == store.Filters():
                counts.words = words_named(*store.ranked_words(conn, top, content_key))
            else:
                counts.written = store.written(conn, stored)
            return summarise_counts(counts, top=top, unit=unit)

    def _speaking(self, filters: Filters, by: str) -> Iterable[Article]:
        from pilkada import store

        return store.speaking_articles(self.conn, by, filters=self._exact(filters))

    def check(self, progress: Progress | None = None) -> IndexCheck:
        from pilkada import store

        return store.check(self.conn, self._path, progress)
