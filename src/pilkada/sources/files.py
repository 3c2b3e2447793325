"""The source of files: the articles of the files a corpus spec names, parsed once."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from pilkada.sources import NO_FILTERS, Filters, Source, SourceError, SourceUsageError

if TYPE_CHECKING:
    from pilkada.corpus import LoadFailure
    from pilkada.models import Article


class FileSource(Source):
    """The articles of the files a corpus spec names (``corpus.resolve``; None: the seeds),
    read and parsed at the first question, once. A file that gives no article is skipped,
    ``warn`` is told of it and it is kept in ``failures``."""

    def __init__(self, spec: str | None, *, warn: Callable[[str], None] | None = None) -> None:
        self.spec = spec
        self.failures: list[LoadFailure] = []
        self._warn = warn
        self._read: list[Article] | None = None

    def _all(self) -> list[Article]:
        if self._read is None:
            self._read = self._load()
        return self._read

    def _load(self) -> list[Article]:
        from pilkada import corpus

        try:
            paths = corpus.resolve(self.spec)
        except corpus.CorpusError as exc:
            raise SourceUsageError(str(exc), "'--corpus'") from None
        found: list[Article] = []
        for item in corpus.load(paths):
            if isinstance(item, corpus.LoadFailure):
                self.failures.append(item)
            else:
                found.append(item)
        if not found and len(self.failures) == 1:
            raise SourceError(str(self.failures[0]))
        for failure in self.failures:
            if self._warn is not None:
                self._warn(f"{failure} (skipped)")
        if not found:
            raise SourceError(f"{self.spec or paths[0].parent}: no article could be read")
        return corpus.sort_by_date(found)

    def articles(self, filters: Filters = NO_FILTERS) -> Iterable[Article]:
        from pilkada import corpus

        every = self._all()  # read now: a file's warning comes before any output
        return corpus.filtered(
            every,
            outlet=filters.outlet,
            place=filters.place,
            since=filters.since,
            until=filters.until,
            official=filters.official,
        )

    def find_id(self, ident: str) -> Article:
        from pilkada import corpus

        return corpus.find(self._all(), ident)
