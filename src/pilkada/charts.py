"""Charts for the terminal: counts drawn as bars of Unicode blocks, and dates gathered into days,
weeks or months by the span they cover. Pure functions, no dependency: the renderer prints what
these return.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, timedelta

# a cell split in eighths: a bar's end is drawn to an eighth of a cell
EIGHTHS = " ▏▎▍▌▋▊▉"
FULL = "█"

UNITS = ("day", "week", "month")
CHART_KINDS = ("timeline", "outlets", "regions", "speakers", "quotes")  # what plot draws
DAYS_BY_DAY = 31  # a span up to a month is drawn day by day
DAYS_BY_WEEK = 26 * 7  # up to half a year, week by week; longer, month by month


def bar(value: int, most: int, width: int) -> str:
    """``value`` out of ``most`` as a bar of at most ``width`` cells, to an eighth of a cell; a
    value above zero gets an eighth at least, so that it never looks like none."""
    if value <= 0 or most <= 0 or width <= 0:
        return ""
    eighths = max(1, round(8 * width * min(value, most) / most))
    full, part = divmod(eighths, 8)
    return FULL * full + (EIGHTHS[part] if part else "")


def bar_rows(counts: Sequence[tuple[str, int]], width: int = 40) -> list[str]:
    """One line a count: the label, the count and its bar, the bars scaled to the largest."""
    if not counts:
        return []
    most = max(n for _, n in counts)
    label_width = max(len(label) for label, _ in counts)
    number_width = len(str(most))
    return [
        f"{label:<{label_width}}  {n:>{number_width}}  {bar(n, most, width)}".rstrip()
        for label, n in counts
    ]


def unit_for(first: date, last: date) -> str:
    """The unit a timeline from ``first`` to ``last`` is drawn in: days for a month or less,
    weeks for half a year or less, months beyond."""
    span = (last - first).days
    if span <= DAYS_BY_DAY:
        return "day"
    return "week" if span <= DAYS_BY_WEEK else "month"


def bucket(day: date, unit: str) -> str:
    """The label of the day, week or month ``day`` falls in: "2024-11-27", "2024-W48" (ISO
    week), "2024-11"."""
    if unit == "day":
        return day.isoformat()
    if unit == "week":
        year, week, _ = day.isocalendar()
        return f"{year}-W{week:02d}"
    if unit == "month":
        return f"{day.year}-{day.month:02d}"
    raise ValueError(f"unknown unit {unit!r}; units are {', '.join(UNITS)}")


def timeline(days: Iterable[date], unit: str | None = None) -> tuple[str, list[tuple[str, int]]]:
    """Articles per day, week or month from the first date to the last, empty ones included
    (a gap in coverage is worth seeing), and the unit used: ``unit``, or the one the span
    calls for (``unit_for``)."""
    return timeline_of(Counter(days), unit)


def timeline_of(
    counts: Mapping[date, int], unit: str | None = None
) -> tuple[str, list[tuple[str, int]]]:
    """``timeline`` of the days counted: how many on each."""
    counts = {day: n for day, n in counts.items() if n}
    if not counts:
        return unit or "month", []
    first, last = min(counts), max(counts)
    unit = unit or unit_for(first, last)
    per: Counter[str] = Counter()
    for day, n in counts.items():
        per[bucket(day, unit)] += n
    labels: list[str] = []
    day = first
    while day <= last:  # every bucket between, in order, once
        label = bucket(day, unit)
        if not labels or labels[-1] != label:
            labels.append(label)
        day += timedelta(days=1 if unit == "day" else 7 if unit == "week" else 28)
    if labels[-1] != bucket(last, unit):
        labels.append(bucket(last, unit))
    return unit, [(label, per[label]) for label in labels]
