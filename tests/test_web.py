"""`pilkada serve`: the index in datasette, driven through datasette's own test client."""

from __future__ import annotations

import asyncio
import json
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result

from pilkada import web

Run = Callable[..., Result]


@pytest.fixture
def index(run: Run, corpus_dir: Path, tmp_path: Path) -> Path:
    db = tmp_path / "pilkada.db"
    result = run("index", str(corpus_dir), "--db", str(db))
    assert result.exit_code == 0, result.output
    return db


def get(db: Path, path: str) -> Any:
    """The JSON datasette answers ``path`` with, over the index at ``db``."""
    ds = web.instance(db)

    async def fetch() -> Any:
        response = await ds.client.get(path)
        assert response.status_code == 200, (path, response.text[:500])
        return response.json()

    return asyncio.run(fetch())


def test_a_search_finds_an_article_with_its_text(index: Path) -> None:
    rows = get(index, "/pilkada/articles.json?_search=Nunukan&_shape=array")
    assert rows, "no article found for Nunukan"
    for row in rows:
        assert "Nunukan" in row["text"] or "Nunukan" in row["title"]
    titles = {row["title"] for row in rows}
    everything = get(index, "/pilkada/articles.json?_shape=array&_size=max")
    assert titles < {row["title"] for row in everything}  # the search chose some, not all


def test_a_speaker_facet_gives_their_quotes(index: Path) -> None:
    page = get(index, "/pilkada/quotes.json?_facet=speaker&_size=max")
    facet = page["facet_results"]["speaker"]["results"]
    top = facet[0]
    assert top["count"] >= 2
    chosen = get(index, f"/pilkada/quotes.json?speaker={top['value']}&_shape=array&_size=max")
    assert len(chosen) == top["count"]
    assert {row["speaker"] for row in chosen} == {top["value"]}
    for row in chosen:
        assert row["text"] and row["article"]


def test_a_quote_links_to_its_article(index: Path) -> None:
    page = get(index, "/pilkada/quotes.json?_labels=on&_shape=array&_size=1")
    article = page[0]["article"]
    assert isinstance(article, dict) and article["label"]  # the article's title, as a link
    titles = {row["listed_title"] for row in get(index, "/pilkada/articles.json?_shape=array")}
    assert article["label"] in titles


def test_people_are_there_with_their_roles(index: Path) -> None:
    people = get(index, "/pilkada/people.json?_shape=array&_size=max")
    assert people
    with_roles = [p for p in people if p["role"]]
    assert with_roles
    for person in people:
        assert person["name"] and person["articles"] >= 1


def test_the_facets_of_the_metadata_are_columns_of_the_index(index: Path) -> None:
    conn = sqlite3.connect(index)
    for table, spec in web.metadata("pilkada")["databases"]["pilkada"]["tables"].items():
        columns = {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}
        assert columns, f"{table}: not in the index"
        for facet in spec.get("facets", []):
            column = facet if isinstance(facet, str) else next(iter(facet.values()))
            assert column in columns, (table, facet)
        for key in ("label_column", "sort_desc"):
            if key in spec:
                assert spec[key] in columns, (table, spec[key])


def test_every_canned_query_runs(index: Path) -> None:
    queries = web.metadata("pilkada")["databases"]["pilkada"]["queries"]
    answers = {
        "quotes_by": "?name=bupati",
        "about_region": "?region=Nunukan",
        "coverage": "?outlet=&region=",
        "most_quoted": "",
    }
    assert set(answers) == set(queries)
    for name, params in answers.items():
        page = get(index, f"/pilkada/{name}.json{params}{'&' if params else '?'}_shape=array")
        assert page, name


def test_serve_without_an_index_is_one_line(run: Run, tmp_path: Path) -> None:
    result = run("serve", "--db", str(tmp_path / "missing.db"))
    assert result.exit_code == 2
    assert len(result.stderr.splitlines()) == 1, result.stderr


def test_serve_on_a_port_in_use_is_one_line(run: Run, index: Path) -> None:
    import socket

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = run("serve", "--db", str(index), "--port", str(port))
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"Error: cannot listen on 127.0.0.1:{port}: Address already in use"
    ]


def test_serve_without_datasette_says_how_to_install_it(
    run: Run, index: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "datasette.app", None)  # as if it were not installed
    result = run("serve", "--db", str(index), "--port", "0")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "Error: pilkada serve needs datasette: pip install 'pilkada[web]'"
    ]


def test_the_metadata_is_json(index: Path) -> None:
    assert json.loads(json.dumps(web.metadata("x")))["databases"]["x"]["tables"]


def test_serve_answers_over_http_until_stopped(index: Path) -> None:
    """The real server: started on a free port, it announces the address, answers a page of
    JSON there, and stops on SIGINT (Ctrl-C) with no traceback."""
    import re
    import signal
    import subprocess
    import sys
    import urllib.request

    server = subprocess.Popen(
        [sys.executable, "-m", "pilkada", "serve", "--db", str(index), "--port", "0"],
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert server.stderr is not None
        announced = server.stderr.readline()
        found = re.search(r"http://\S+/", announced)
        assert found, announced
        with urllib.request.urlopen(f"{found.group(0)}pilkada/people.json?_shape=array") as page:
            people = json.load(page)
        assert {p["name"] for p in people} >= {"Asmin Laura Hafid"}
    finally:
        server.send_signal(signal.SIGINT)
        _, rest = server.communicate(timeout=20)
    assert "Traceback" not in rest, rest
