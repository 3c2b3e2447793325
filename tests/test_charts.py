"""Terminal charts: bars to an eighth of a cell, and timelines with every day, week or month."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pilkada.charts import FULL, bar, bar_rows, bucket, timeline, unit_for

days = st.dates(min_value=date(2015, 1, 1), max_value=date(2030, 12, 31))


def _cells(drawn: str) -> float:
    """How many cells a bar covers, eighths counted."""
    return sum(1.0 if c == FULL else (" ▏▎▍▌▋▊▉".index(c) / 8) for c in drawn)


@given(st.integers(0, 500), st.integers(1, 500), st.integers(1, 60))
def test_a_bar_is_its_share_of_the_width_to_an_eighth(value: int, most: int, width: int) -> None:
    drawn = bar(value, most, width)
    share = min(value, most) / most * width
    if value == 0:
        assert drawn == ""
    else:
        assert abs(_cells(drawn) - share) <= 1 / 16 or _cells(drawn) == 1 / 8
    assert _cells(drawn) <= width


def test_bar_rows_line_up_and_scale_to_the_largest() -> None:
    rows = bar_rows([("ANTARA", 8), ("Kabar Tapin", 2), ("Bebaca.id", 0)], width=8)
    assert rows == ["ANTARA       8  ████████", "Kabar Tapin  2  ██", "Bebaca.id    0"]


@pytest.mark.parametrize(
    ("first", "last", "unit"),
    [
        (date(2024, 11, 1), date(2024, 11, 27), "day"),
        (date(2024, 9, 1), date(2024, 11, 27), "week"),
        (date(2024, 1, 1), date(2024, 11, 27), "month"),
    ],
)
def test_the_unit_follows_the_span(first: date, last: date, unit: str) -> None:
    assert unit_for(first, last) == unit


def test_buckets_are_iso_weeks_and_months() -> None:
    assert bucket(date(2024, 11, 27), "week") == "2024-W48"
    assert bucket(date(2024, 12, 30), "week") == "2025-W01"  # ISO: the week of 2 January
    assert bucket(date(2024, 11, 27), "month") == "2024-11"
    with pytest.raises(ValueError, match="unknown unit"):
        bucket(date(2024, 11, 27), "year")


def test_a_timeline_keeps_the_empty_days_between() -> None:
    unit, rows = timeline([date(2024, 11, 25), date(2024, 11, 27), date(2024, 11, 27)])
    assert unit == "day"
    assert rows == [("2024-11-25", 1), ("2024-11-26", 0), ("2024-11-27", 2)]


@given(st.lists(days, min_size=1, max_size=40), st.sampled_from(["day", "week", "month", None]))
def test_a_timeline_counts_every_date_once_in_consecutive_buckets(
    dated: list[date], unit: str | None
) -> None:
    if unit == "day" and (max(dated) - min(dated)).days > 4000:
        dated = [min(dated)]  # a day by day line of eleven years is no chart anyone draws
    used, rows = timeline(dated, unit)
    labels = [label for label, _ in rows]
    assert sum(n for _, n in rows) == len(dated)
    assert labels == sorted(set(labels))  # in order, each once
    assert labels[0] == bucket(min(dated), used) and labels[-1] == bucket(max(dated), used)
    # no bucket between the first and the last is missing
    every = {
        bucket(min(dated) + timedelta(days=k), used)
        for k in range((max(dated) - min(dated)).days + 1)
    }
    assert set(labels) == every


def test_no_dates_no_timeline() -> None:
    assert timeline([]) == ("month", [])
