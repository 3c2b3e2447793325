"""The source of an index: what the index answers itself is asked of ``store``; a place and
the tolerant match of names are tested in Python, as the source of files tests them."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, TypeVar

from pilkada.sources import NO_FILTERS, Filters, Progress, Source, SourceError, Watch, unwatched

if TYPE_CHECKING:
    import sqlite3
    from pathlib import Path

    from pilkada import store
    from pilkada.models import Article, Hit, IndexCheck, Listing

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

    def find(self, ident: str) -> Article:
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

    def _naming(self, name: str, filters: Filters) -> list[Article]:
        """Those naming someone whose name words start as the name's do or are close to them
        (``store.naming_articles``), never every article."""
        from pilkada import store

        return store.naming_articles(self.conn, name, filters=self._stored(filters))

    def check(self, progress: Progress | None = None) -> IndexCheck:
        from pilkada import store

        return store.check(self.conn, self._path, progress)
