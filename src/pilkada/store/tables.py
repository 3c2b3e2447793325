"""The index's tables as this pilkada makes them (schema 8): plain tables that datasette,
sqlite-utils, ``sqlite3`` and pandas read as they are, and the full-text tables over them.

- ``articles``: one row per distinct article. What a reader looks at: ``id``, ``source``,
  ``title`` (null when the text has none), ``outlet``, ``dateline``, ``published`` (an ISO
  date), ``title_confidence`` and ``published_confidence`` (high, medium, low), ``quotes`` (how
  many), ``text`` (the body's paragraphs, separated by blank lines) and ``people`` (the names of
  the people it names, one a line). What the index keeps for itself: ``hash`` (of the bytes it
  was parsed from: two identical files give one article), ``stamp`` (the parser that made it),
  the folded keys the filters compare (``outlet_key``, ``place_key``), the title as listed
  (``listed_title``, ``Article.display_title``) and the checksum of the listed columns
  (``listed_sum``), the stems the search reads (``title_stems``, ``text_stems``), and ``data``,
  the whole Article as zlib-compressed JSON, which ``show``, ``export`` and the commands that
  need every field of an Article rebuild it from.
- ``quotes`` (``article`` -> articles): each quote's ``n`` in its article, ``text``,
  ``speaker``, ``role``, ``cue``, ``confidence``, ``paragraph`` (0-based) and ``stems``.
- ``removed`` (``article`` -> articles): each line the cleaner took out, with its ``reason``.
- ``mentions`` (``article`` -> articles, ``person`` -> people): each person an article names,
  with the role as written, the honorific, the forms of the name (a JSON list) and how many of
  the article's quotes they said.
- ``regions`` (``article`` -> articles): the regions each article is about (``Article.places``),
  most mentioned first (``n``), indexed by region.
- ``people``: one row per person across the index, resolved by the roster's rules
  (``pilkada.roster``): the fullest ``name``, the first ``role`` and ``region``, every role,
  place and form (JSON lists), ``first_seen``, ``last_seen``, and how many ``articles`` and
  ``quotes``.
- ``article_fts`` and ``quote_fts``: FTS5 tables whose content is ``articles`` and ``quotes``
  (so a search returns their rows, text and all), unicode61 with diacritics removed, with prefix
  indexes. A filter by official is one more term of a MATCH (``people : "laura" *``).
- ``files`` (path, content hash, article count), ``sources`` (path, line, article, url),
  ``words`` (the indexed words, for prefixes), ``meta`` (the stemmer).
- ``word_counts``: every word of every article's title and body as written (``summary``'s cut
  into words, stopwords and all), with how often the articles hold it; kept as articles are
  written and deleted, so that a summary of the whole index reads this table, not the text.
- The view ``quote_list``: each quote beside its article's id, date, outlet and title.
"""

from __future__ import annotations

SCHEMA_VERSION = 8
STEMMER = "PySastrawi 1.2.1"
TOKENIZE = "tokenize = 'unicode61 remove_diacritics 2'"
# FTS5 prefix indexes for prefixes of 2 and 3 letters: a short prefix ("pe*") reads one entry of
# the index instead of every word it starts (see benchmarks/README.md for the figures)
PREFIX = "prefix = '2 3'"

# What `pilkada list` shows of an article (``Listing``), beside the article: a listing, by date
# and by outlet, reads this index alone, never a whole article. ``listed_title`` is the title
# as listed (``Article.display_title``) and ``quotes`` how many the article has.
LISTING_COLUMNS = "id, published, outlet, dateline, quotes, listed_title"
LISTING_INDEX = (
    "CREATE INDEX articles_listing ON articles (published, id, outlet_key, outlet, dateline,"
    " quotes, listed_title, listed_sum)"
)
# the parser's stamp each article was parsed under (pilkada.stamp), indexed so that finding the
# articles of another stamp reads this index, never the rows
STAMP_INDEX = "CREATE INDEX articles_stamp ON articles (stamp)"
# the quotes by speaker and role: a summary counts them from this index alone
QUOTES_SPEAKER_INDEX = "CREATE INDEX quotes_speaker ON quotes (speaker, role)"
# what schema 8 added: the regions of each article, and the word counts
REGION_TABLES = """CREATE TABLE regions (
    article INTEGER NOT NULL REFERENCES articles (rowid),
    n INTEGER NOT NULL,
    region TEXT NOT NULL,
    PRIMARY KEY (article, n)
) WITHOUT ROWID;
CREATE INDEX regions_region ON regions (region, article)"""
WORD_COUNTS = (
    "CREATE TABLE word_counts (word TEXT PRIMARY KEY, count INTEGER NOT NULL) WITHOUT ROWID"
)
# datasette finds the full-text table of a table by its content="table" (quoted so)
ARTICLE_FTS = (
    "CREATE VIRTUAL TABLE article_fts USING fts5 (title, text, title_stems, text_stems, people,"
    f' content="articles", content_rowid="rowid", {TOKENIZE}, {PREFIX})'
)
QUOTE_FTS = (
    "CREATE VIRTUAL TABLE quote_fts USING fts5 (speaker, role, text, stems,"
    f' content="quotes", content_rowid="rowid", {TOKENIZE}, {PREFIX})'
)

# the columns of articles as insert and replace write them, after rowid and id: small ones
# first, so that a filter reads them without going through the text's overflow pages
ARTICLE_COLUMNS = (
    "hash, stamp, published, outlet_key, place_key, listed_title, outlet, dateline, quotes,"
    " listed_sum, source, title, title_confidence, published_confidence, text, people,"
    " title_stems, text_stems, data"
)

# the tables of the articles and what they hold; the rest (BOOKKEEPING) are the files
ARTICLE_TABLES = f"""
CREATE TABLE articles (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    hash TEXT NOT NULL UNIQUE,
    stamp TEXT NOT NULL DEFAULT '',
    published TEXT,
    outlet_key TEXT,
    place_key TEXT,
    listed_title TEXT NOT NULL,
    outlet TEXT,
    dateline TEXT,
    quotes INTEGER NOT NULL,
    listed_sum INTEGER NOT NULL,
    source TEXT,
    title TEXT,
    title_confidence TEXT NOT NULL,
    published_confidence TEXT NOT NULL,
    text TEXT NOT NULL,
    people TEXT NOT NULL,
    title_stems TEXT NOT NULL,
    text_stems TEXT NOT NULL,
    data BLOB NOT NULL
);
{LISTING_INDEX};
{STAMP_INDEX};
CREATE TABLE quotes (
    rowid INTEGER PRIMARY KEY,
    article INTEGER NOT NULL REFERENCES articles (rowid),
    n INTEGER NOT NULL,
    text TEXT NOT NULL,
    speaker TEXT,
    role TEXT,
    cue TEXT,
    confidence TEXT NOT NULL,
    paragraph INTEGER NOT NULL,
    stems TEXT NOT NULL
);
CREATE INDEX quotes_article ON quotes (article);
{QUOTES_SPEAKER_INDEX};
CREATE TABLE removed (
    article INTEGER NOT NULL REFERENCES articles (rowid),
    n INTEGER NOT NULL,
    line TEXT NOT NULL,
    reason TEXT NOT NULL,
    PRIMARY KEY (article, n)
) WITHOUT ROWID;
CREATE TABLE people (
    rowid INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    honorific TEXT,
    role TEXT,
    region TEXT,
    first_seen TEXT,
    last_seen TEXT,
    articles INTEGER NOT NULL,
    quotes INTEGER NOT NULL,
    roles TEXT NOT NULL,
    places TEXT NOT NULL,
    forms TEXT NOT NULL
);
CREATE TABLE mentions (
    article INTEGER NOT NULL REFERENCES articles (rowid),
    n INTEGER NOT NULL,
    person INTEGER REFERENCES people (rowid),
    name TEXT NOT NULL,
    role TEXT,
    honorific TEXT,
    forms TEXT NOT NULL,
    quotes INTEGER NOT NULL,
    PRIMARY KEY (article, n)
) WITHOUT ROWID;
CREATE INDEX mentions_person ON mentions (person);
{REGION_TABLES};
{WORD_COUNTS};
{ARTICLE_FTS};
{QUOTE_FTS};
CREATE VIEW quote_list AS
    SELECT q.rowid AS rowid, a.id AS article_id, a.published, a.outlet, a.listed_title AS title,
        q.n, q.speaker, q.role, q.text, q.cue, q.confidence, q.paragraph
    FROM quotes q JOIN articles a ON a.rowid = q.article;
"""

BOOKKEEPING = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE files (
    path TEXT PRIMARY KEY,
    hash TEXT NOT NULL,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    units INTEGER NOT NULL
);
CREATE TABLE sources (
    path TEXT NOT NULL,
    unit INTEGER NOT NULL,
    article INTEGER NOT NULL REFERENCES articles (rowid),
    url TEXT,
    PRIMARY KEY (path, unit)
);
CREATE INDEX sources_article ON sources (article);
CREATE TABLE words (word TEXT PRIMARY KEY, exact INTEGER NOT NULL) WITHOUT ROWID;
"""

SCHEMA = BOOKKEEPING + ARTICLE_TABLES


def statements(script: str) -> list[str]:
    """The statements of a script (none of pilkada's holds a ';' inside a statement)."""
    return [s for s in script.split(";") if s.strip()]
