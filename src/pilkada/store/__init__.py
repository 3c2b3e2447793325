"""The index: articles in SQLite with FTS5 tables, and the only place with SQL.

- ``db``: where the index is, opening it, transactions, what SQLite's errors mean to the user;
- ``schema``: the tables, their version, and the migrations from older versions (``connect``);
- ``records``: what is stored for one article (``Record``), built in a worker process;
- ``write``: inserts, replacements and deletions, inside a transaction;
- ``query``: filters, listings, one article by id, the check for damage, names and quotes;
- ``rank``: ranked search with snippets.

Every name is re-exported here: ``from pilkada import store; store.connect(...)``.

One file holds everything (WAL mode, so readers query while an ingest writes):

- ``articles``: one row per distinct article: its ``id``, the hash of the text it was parsed from
  (``hash``: two identical files give one article), the ``Article`` JSON (zlib-compressed; the
  commands rebuild Articles from it), the filter columns ``published``, ``outlet_key`` and
  ``place_key`` (the outlet and dateline folded, for case- and accent-free filters), and what
  ``pilkada list`` shows of it (``title``, ``outlet``, ``dateline``, ``quotes``: a ``Listing``),
  which an index of its own covers, so that a listing never rebuilds an Article. ``listed_sum``
  is a checksum of those columns (``listed_sum``): a listing that reads a changed byte among
  them says the index is damaged instead of showing it (the ``data`` has zlib's own checksum).
- ``files`` (path, content hash, article count) and ``sources`` (path, line, article, url): which
  file and line each article came from, all of them when it came from several.
- ``article_fts`` (title, body, their stems, and the names of the people the article names) and
  ``quote_fts`` (speaker, role, text, stems): contentless FTS5 tables, unicode61 with diacritics
  removed, so case and accents never matter. Their rowids are those of ``articles`` and
  ``quotes``. A filter by official is one more term of the MATCH (``people : "laura" *``), which
  FTS5 intersects with the query's doclists instead of checking every match.
  Deleting from a contentless table takes the values indexed, so they are recomputed from the
  stored Article (``fts_values``): the stemmer in use is recorded, and a different one means a
  rebuild.

The schema version is ``PRAGMA user_version``; ``connect`` migrates an older index or says how to
rebuild it. Writers change the index only inside ``transaction``: a batch is all there or not.
"""

from __future__ import annotations

from pilkada.store import db, query, rank, records, schema, write
from pilkada.store.db import (
    BUSY_TIMEOUT_MS,
    ENVVAR,
    Progress,
    StoreError,
    default_path,
    failure,
    locate,
    rebuild_hint,
    snapshot,
    transaction,
)
from pilkada.store.query import (
    NAME_START,
    Filters,
    articles,
    check,
    count,
    find,
    iter_articles,
    iter_listing,
    naming_articles,
    quoting_articles,
    role_articles,
    speaking_articles,
)
from pilkada.store.rank import (
    BROAD,
    EXPANSIONS,
    WEIGHTS,
    expander,
    search,
)
from pilkada.store.records import (
    Damaged,
    Record,
    _listed,
    decode,
    encode,
    fts_values,
    listed_sum,
    record,
    words_of,
)
from pilkada.store.schema import (
    ARTICLE_FTS,
    LISTING_COLUMNS,
    LISTING_INDEX,
    LISTING_INDEX_4,
    MIGRATIONS,
    PREFIX,
    QUOTE_FTS,
    SCHEMA,
    SCHEMA_VERSION,
    STAMP_INDEX,
    STEMMER,
    TOKENIZE,
    connect,
)
from pilkada.store.write import (
    _INSERT_QUOTE,
    _INSERT_TEXT,
    WORDS_REMEMBERED,
    _delete_article,
    add_source,
    add_words,
    any_stale,
    article_by_key,
    article_id,
    collect_garbage,
    delete_article,
    drop_file,
    file_state,
    free_id,
    indexed_files,
    insert,
    is_orphan,
    is_stale,
    replace_article,
    set_file,
    sources_of,
    stale_file,
    stale_files,
    unlist_file,
)

__all__ = [
    "ARTICLE_FTS",
    "BROAD",
    "BUSY_TIMEOUT_MS",
    "ENVVAR",
    "EXPANSIONS",
    "LISTING_COLUMNS",
    "LISTING_INDEX",
    "LISTING_INDEX_4",
    "MIGRATIONS",
    "NAME_START",
    "PREFIX",
    "QUOTE_FTS",
    "SCHEMA",
    "SCHEMA_VERSION",
    "STAMP_INDEX",
    "STEMMER",
    "TOKENIZE",
    "WEIGHTS",
    "WORDS_REMEMBERED",
    "_INSERT_QUOTE",
    "_INSERT_TEXT",
    "Damaged",
    "Filters",
    "Progress",
    "Record",
    "StoreError",
    "_delete_article",
    "_listed",
    "add_source",
    "add_words",
    "any_stale",
    "article_by_key",
    "article_id",
    "articles",
    "check",
    "collect_garbage",
    "connect",
    "count",
    "db",
    "decode",
    "default_path",
    "delete_article",
    "drop_file",
    "encode",
    "expander",
    "failure",
    "file_state",
    "find",
    "free_id",
    "fts_values",
    "indexed_files",
    "insert",
    "is_orphan",
    "is_stale",
    "iter_articles",
    "iter_listing",
    "listed_sum",
    "locate",
    "naming_articles",
    "query",
    "quoting_articles",
    "rank",
    "rebuild_hint",
    "record",
    "records",
    "replace_article",
    "role_articles",
    "schema",
    "search",
    "set_file",
    "snapshot",
    "sources_of",
    "speaking_articles",
    "stale_file",
    "stale_files",
    "transaction",
    "unlist_file",
    "words_of",
    "write",
]
