"""The index opened by datasette as it is (no metadata, no plugin): an article found by a
full-text search shows its text, a speaker's quotes by a facet, a person in ``people``."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest
from datasette.app import Datasette

from pilkada import ingest

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
DEVSET = Path(__file__).resolve().parent / "fixtures" / "devset"


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("web") / "pilkada.db"
    report = ingest.ingest(path, [str(SEEDS), str(DEVSET)], jobs=1)
    assert report.articles > 5 and not report.failed
    return path


def get(index: Path, url: str) -> Any:
    """The JSON datasette answers ``url`` with, as its own test client asks."""

    async def ask() -> Any:
        ds = Datasette([str(index)])
        await ds.invoke_startup()
        response = await ds.client.get(url)
        assert response.status_code == 200, response.text
        return response.json()

    return asyncio.run(ask())


def test_a_search_of_the_articles_shows_their_text(index: Path) -> None:
    rows = get(index, "/pilkada/articles.json?_search=netralitas&_shape=array")
    assert {row["id"][:3] for row in rows} >= {"002", "004"}
    for row in rows:
        assert row["text"] and "netralitas" in row["text"].lower()
        assert row["title"] is None or isinstance(row["title"], str)
        assert row["published"] is None or len(row["published"]) == 10  # ISO dates


def test_a_speakers_quotes_by_a_facet(index: Path) -> None:
    found = get(index, "/pilkada/quotes.json?_facet=speaker&speaker=Teguh+Wibowo&_shape=objects")
    rows = found["rows"]
    assert len(rows) == 3 and all(row["speaker"] == "Teguh Wibowo" and row["text"] for row in rows)
    facet = {v["value"]: v["count"] for v in found["facet_results"]["speaker"]["results"]}
    assert facet == {"Teguh Wibowo": 3}
    every = get(index, "/pilkada/quotes.json?_facet=speaker&_shape=objects")
    counts = {v["value"]: v["count"] for v in every["facet_results"]["speaker"]["results"]}
    assert counts["Teguh Wibowo"] == 3 and counts["Asmin Laura Hafid"] >= 1
    # the quote's article is a link: datasette reads the foreign key
    linked = get(index, f"/pilkada/quotes/{rows[0]['rowid']}.json?_shape=objects")
    assert linked["rows"][0]["article"] == rows[0]["article"]
    keys = get(index, "/pilkada/quotes.json?_shape=objects&_labels=on&_size=1")["rows"][0]
    assert isinstance(keys["article"], dict) and keys["article"]["value"] == 1


def test_a_person_in_people(index: Path) -> None:
    rows = get(index, "/pilkada/people.json?name=Asmin+Laura+Hafid&_shape=array")
    assert len(rows) == 1
    (laura,) = rows
    assert laura["role"] == "Bupati Nunukan" and laura["region"] == "Nunukan"
    assert laura["articles"] >= 1 and laura["first_seen"] == "2024-10-31"
    mentions = get(index, f"/pilkada/mentions.json?person={laura['rowid']}&_shape=array")
    assert len(mentions) == laura["articles"] and all(m["name"] for m in mentions)
