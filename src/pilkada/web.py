"""The index in a browser: datasette (the ``web`` extra: ``pip install 'pilkada[web]'``) over the
index's plain tables, with pilkada's metadata: which columns to facet on, how to search, what a
row is called, and canned queries that answer the questions people bring to a corpus.

``metadata`` is pure (a dictionary in datasette's metadata format, for a database of the given
name); ``instance`` and ``serve`` build and run the server, importing datasette only then.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

INSTALL = "pip install 'pilkada[web]'"

# the columns of articles pilkada keeps for itself (filters, checksums, stems, the stored record)
OWN_COLUMNS = {
    "hash": "pilkada's own: the hash of the bytes the article was parsed from",
    "stamp": "pilkada's own: the parser that made the row",
    "outlet_key": "pilkada's own: the outlet folded, for --outlet",
    "place_key": "pilkada's own: the places folded, for --place",
    "listed_sum": "pilkada's own: a checksum of the listed columns",
    "title_stems": "pilkada's own: the title's word stems, for search",
    "text_stems": "pilkada's own: the text's word stems, for search",
    "data": "pilkada's own: the whole article, compressed",
}

# the tables a reader has no use for in a browser: bookkeeping of files and search words
HIDDEN = ("meta", "files", "sources", "words", "word_counts")

QUOTES_BY = """
select q.speaker, q.role, q.text, a.published, a.outlet, a.listed_title as title, q.article
from quotes q join articles a on a.rowid = q.article
where q.speaker like '%' || :name || '%' or q.role like '%' || :name || '%'
order by a.published desc, q.article, q.n
"""

ABOUT_REGION = """
select a.rowid as article, a.published, a.outlet, a.dateline, a.listed_title as title
from articles a
where a.dateline like '%' || :region || '%'
   or a.rowid in (select r.article from regions r where r.region like '%' || :region || '%')
order by a.published desc
"""

COVERAGE = """
select substr(a.published, 1, 7) as month, count(*) as articles, sum(a.quotes) as quotes
from articles a
where a.published is not null
  and (:outlet = '' or a.outlet like '%' || :outlet || '%')
  and (:region = '' or a.dateline like '%' || :region || '%'
       or a.rowid in (select r.article from regions r where r.region like '%' || :region || '%'))
group by month
order by month
"""

MOST_QUOTED = """
select name, role, region, quotes, articles, first_seen, last_seen
from people where quotes > 0
order by quotes desc, articles desc
limit 100
"""


def metadata(name: str) -> dict[str, Any]:
    """Datasette's metadata for pilkada's index served as database ``name``."""
    tables: dict[str, Any] = {
        "articles": {
            "label_column": "listed_title",  # the title as listed: never empty
            "fts_table": "article_fts",
            "fts_pk": "rowid",
            "sort_desc": "published",
            # a day's articles by the date facet; by month, the canned query coverage
            "facets": ["outlet", "dateline", {"date": "published"}],
            "description": "One row per article: its text as pilkada cleaned it.",
            "columns": OWN_COLUMNS,
        },
        "quotes": {
            "label_column": "text",
            "facets": ["speaker", "role", "cue"],
            "description": "Every direct quote, with who said it and the article it is in.",
        },
        "people": {
            "label_column": "name",
            "sort_desc": "quotes",
            "facets": ["role", "region"],
            "description": "One row per person across the corpus, as pilkada resolved them.",
        },
        "mentions": {
            "facets": ["role"],
            "description": "Each article a person is named in, with the role as written there.",
        },
        "regions": {
            "facets": ["region"],
            "description": "Each region an article is about, by pilkada's region lexicon.",
        },
        "removed": {
            "facets": ["reason"],
            "description": "The lines pilkada took out of each article, and why.",
        },
    }
    for hidden in HIDDEN:
        tables[hidden] = {"hidden": True}
    return {
        "title": "pilkada",
        "description": "Indonesian regional-election news, cleaned: articles, quotes, people.",
        "databases": {
            name: {
                "tables": tables,
                "queries": {
                    "quotes_by": {
                        "title": "Quotes by an official",
                        "description": "Every quote whose speaker's name or role holds :name.",
                        "sql": QUOTES_BY.strip(),
                    },
                    "about_region": {
                        "title": "Articles about a region",
                        "description": "Articles datelined in a region or about it.",
                        "sql": ABOUT_REGION.strip(),
                    },
                    "coverage": {
                        "title": "Coverage by month",
                        "description": "Articles and quotes per month, of an :outlet and a"
                        " :region if given (leave either empty for all).",
                        "sql": COVERAGE.strip(),
                    },
                    "most_quoted": {
                        "title": "The most quoted people",
                        "sql": MOST_QUOTED.strip(),
                    },
                },
            }
        },
    }


class WebError(Exception):
    """The browser view cannot start: said in one line."""


def instance(path: Path) -> Any:
    """A datasette instance over the index at ``path``, read-only, with pilkada's metadata."""
    try:
        from datasette.app import Datasette
    except ImportError:
        raise WebError(f"pilkada serve needs datasette: {INSTALL}") from None
    return Datasette(
        [str(path)],
        metadata=metadata(path.stem),
        settings={"default_facet_size": 15, "facet_time_limit_ms": 500},
    )


def get(path: Path, page: str) -> tuple[int, str]:
    """The status and body datasette answers ``page`` (a path such as ``/pilkada/quotes.json``)
    with, over the index at ``path``, without starting a server."""
    import asyncio

    ds = instance(path)

    async def fetch() -> tuple[int, str]:
        response = await ds.client.get(page if page.startswith("/") else "/" + page)
        return response.status_code, response.text

    return asyncio.run(fetch())


def serve(path: Path, host: str, port: int, announce: Callable[[str], None]) -> None:
    """Serve the index at ``path`` on ``host:port`` until interrupted; ``announce`` is told the
    address once the port is taken (port 0: a free one, which the address names)."""
    ds = instance(path)
    import socket

    import uvicorn

    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
        sock.listen(128)  # connections wait for the server from the moment it is announced
    except OSError as exc:
        sock.close()
        raise WebError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
    bound = sock.getsockname()[1]
    shown = f"[{host}]" if family == socket.AF_INET6 else host
    announce(f"http://{shown}:{bound}/")
    config = uvicorn.Config(ds.app(), log_level="warning", lifespan="on")
    try:
        uvicorn.Server(config).run(sockets=[sock])
    finally:
        sock.close()
