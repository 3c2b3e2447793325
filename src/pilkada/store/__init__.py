"""The index: articles in SQLite, as plain tables with FTS5 tables over them, and the only
place with SQL. One file holds everything (WAL mode, so readers query while an ingest writes).

- ``db``: where the index is, opening it, transactions, what SQLite's errors mean to the user;
- ``tables``: the tables of this version (schema 7), described there;
- ``migrations``: the ordered list of steps that bring an older index up to date;
- ``schema``: ``connect``, which creates the tables or runs the migrations, in one transaction;
- ``records``: what is stored for one article (``Record``), built in a worker process;
- ``write``: inserts, replacements and deletions, inside a transaction;
- ``query``: filters, listings, one article by id, the check for damage, names and quotes;
- ``roster``: the resolved people read as ``Official`` rows, whole or counted under filters;
- ``tally``: what a summary counts, counted in SQL;
- ``rank``: ranked search with snippets.

Every name is re-exported here: ``from pilkada import store; store.connect(...)``. The schema
version is ``PRAGMA user_version``; ``connect`` migrates an older index or says how to rebuild
it. Writers change the index only inside ``transaction``: a batch is all there or not. The
stemmer in use is recorded: the stems are stored, and a different stemmer means a rebuild.
"""

from __future__ import annotations

from pilkada.store import check as checking
from pilkada.store import db, migrations, query, rank, records, roster, schema, tables, tally, write
from pilkada.store import people as resolved
from pilkada.store.check import check
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
from pilkada.store.migrations import _INSERT_QUOTE_6 as _INSERT_QUOTE
from pilkada.store.migrations import _INSERT_TEXT_6 as _INSERT_TEXT
from pilkada.store.migrations import LISTING_INDEX_4, MIGRATIONS
from pilkada.store.people import mark_stale, people_stale, resolve_people
from pilkada.store.query import (
    NAME_START,
    Filters,
    articles,
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
from pilkada.store.roster import (
    candidates,
    mention_names,
    naming_rowids,
    officials,
    officials_at,
)
from pilkada.store.schema import connect
from pilkada.store.tables import (
    ARTICLE_FTS,
    LISTING_COLUMNS,
    LISTING_INDEX,
    PREFIX,
    QUOTE_FTS,
    SCHEMA,
    SCHEMA_VERSION,
    STAMP_INDEX,
    STEMMER,
    TOKENIZE,
)
from pilkada.store.tally import (
    by_day,
    by_region,
    by_value,
    known_regions,
    ranked_speakers,
    ranked_words,
    totals,
    written,
)
from pilkada.store.write import (
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
    "by_day",
    "by_region",
    "by_value",
    "candidates",
    "check",
    "checking",
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
    "known_regions",
    "listed_sum",
    "locate",
    "mark_stale",
    "mention_names",
    "migrations",
    "naming_articles",
    "naming_rowids",
    "officials",
    "officials_at",
    "people_stale",
    "query",
    "quoting_articles",
    "rank",
    "ranked_speakers",
    "ranked_words",
    "rebuild_hint",
    "record",
    "records",
    "replace_article",
    "resolve_people",
    "resolved",
    "role_articles",
    "roster",
    "schema",
    "search",
    "set_file",
    "snapshot",
    "sources_of",
    "speaking_articles",
    "stale_file",
    "stale_files",
    "tables",
    "tally",
    "totals",
    "transaction",
    "unlist_file",
    "words_of",
    "write",
    "written",
]
