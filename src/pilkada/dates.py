"""Indonesian dates and times in news text.

Two steps, so that nothing is invented from a stray number: a pattern built from the month and day
lexicons finds the date text ("Sabtu (8/6/2024)", "Senin, 18 November 2024 - 19:15 WIB",
"27 Nopember 2024", "2021-06-21"), then its day, month and year are read as python-dateutil with
an Indonesian ``parserinfo`` reads them (day first). Text such as "Pilkada 2024", "13
kabupaten/kota" or "HUT ke-53" never matches.

A date without a year ("Sabtu (23/1)", "27 November") is still found, with ``value`` None, so a
caller can tell "a date was given, but not which year" from "no date at all". A weekday alone
("Selasa") is not a date. An impossible date (31/2/2024) is found with ``value`` None.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache

from dateutil import parser as dateutil_parser
from dateutil import tz

from pilkada import lexicon

__all__ = ["DateMatch", "IndonesianParserInfo", "find_dates", "parse_date", "parse_datetime"]

# Indonesian time zones and their offsets from UTC in hours.
_TIMEZONES = {"WIB": 7, "WITA": 8, "WIT": 9}

# Pieces of the patterns. Four-digit years are 1900-2099: news dates, not "27 Mei 3000 peserta".
_SP = r"[^\S\r\n]"  # a space within one line
_DAY = r"(?:0?[1-9]|[12]\d|3[01])"
_MONTH = r"(?:0?[1-9]|1[0-2])"
_YEAR = r"(?:19|20)\d\d"
_BEFORE_NUMBER = r"(?<![\w/.:-])"  # not inside "Rp13", "1.300", "10:30" or "ke-5"
_DEFAULT = dt.datetime(2000, 1, 1)  # dateutil's fill-in for missing fields; never today
_CLOCK = re.compile(r"(\d{1,2})[.:](\d{2})(?:[.:](\d{2}))?")
_ZONE = re.compile("|".join(sorted(_TIMEZONES, key=len, reverse=True)), re.IGNORECASE)


@dataclass(frozen=True)
class DateMatch:
    """One date found in a text."""

    text: str  # the exact substring it was read from, e.g. "Sabtu (8/6/2024)"
    start: int  # offsets in the text: text == source[start:end]
    end: int
    value: dt.date | None  # None when no year is given or the date is impossible
    has_year: bool
    kind: str  # "numeric" (8/6/2024), "named" (18 November 2024) or "iso" (2021-06-21)


class IndonesianParserInfo(dateutil_parser.parserinfo):
    """dateutil's ``parserinfo`` for Indonesian: month and day names from the lexicons.

    Day first (8/6/2024 is 8 June), WIB/WITA/WIT as UTC+7/+8/+9. The lookups ``month`` and
    ``weekday`` read the lexicons directly (any number of spellings for each month or day) in
    place of dateutil's fixed English ``MONTHS`` and ``WEEKDAYS`` lists.
    """

    def __init__(self) -> None:
        super().__init__(dayfirst=True)
        self.TZOFFSET = {name: hours * 3600 for name, hours in _TIMEZONES.items()}
        self._id_months = _lexicon_numbers("months", range(1, 13))
        self._id_weekdays = _lexicon_numbers("days", range(7))

    def month(self, name: str) -> int | None:
        return self._id_months.get(name.lower())

    def weekday(self, name: str) -> int | None:
        return self._id_weekdays.get(name.lower())


def find_dates(text: str) -> list[DateMatch]:
    """Every date in ``text``, in order of appearance."""
    return list(_dates(text))


@lru_cache(maxsize=1024)
def _dates(text: str) -> tuple[DateMatch, ...]:
    """``find_dates``, cached: a page's lines are read for dates by the classifier and again for
    the publication date."""
    if _ASCII_DIGIT.search(text) is None:  # every form of date has its day or year in digits
        return ()
    found = [match for match, _ in _scan(text)]
    for extra in _month_first(text):
        if not any(f.start < extra.end and extra.start < f.end for f in found):
            found.append(extra)
    return tuple(sorted(found, key=lambda f: f.start))


@cache
def _month_first_pattern() -> re.Pattern[str]:
    months = _alternation(lexicon.mapping("months"))
    return re.compile(
        rf"(?<!\w)(?P<month>{months})\.?{_SP}+(?P<day>{_DAY}),?{_SP}+(?P<year>{_YEAR})(?!\d)",
        re.IGNORECASE,
    )


_ASCII_DIGIT = re.compile(r"[0-9]")

# what every month-first date holds: "26, 2024" (a search skips to digits at once)
_DAY_YEAR = re.compile(rf"\d\d?,?{_SP}+(?:19|20)\d\d(?!\d)")


@cache
def _month_numbers() -> dict[str, int]:
    return {k.casefold(): int(v) for k, v in lexicon.mapping("months").items()}


def _month_first(text: str) -> list[DateMatch]:
    """Dates written month first, as English interfaces do: "November 26, 2024"."""
    if _DAY_YEAR.search(text) is None:
        return []
    months = _month_numbers()
    out = []
    for m in _month_first_pattern().finditer(text):
        month = months.get(m.group("month").casefold())
        try:
            value = dt.date(int(m.group("year")), month, int(m.group("day"))) if month else None
        except ValueError:
            value = None
        out.append(DateMatch(m.group(), m.start(), m.end(), value, True, "named"))
    return out


def parse_date(text: str) -> dt.date | None:
    """The date given by the first date found in ``text``; None without one or without a year."""
    first = next(_scan(text), None)
    return first[0].value if first else None


def parse_datetime(text: str) -> dt.datetime | None:
    """Like ``parse_date``, keeping the time ("19:15", "pukul 09.30") and WIB/WITA/WIT.

    Midnight when no time is given; timezone-aware only when a zone is named.
    """
    first = next(_scan(text), None)
    return first[1] if first else None


# --- reading one match -------------------------------------------------------------------------


def _scan(text: str) -> Iterator[tuple[DateMatch, dt.datetime | None]]:
    """Each date in ``text`` with its datetime (None without a year or when impossible)."""
    pos = 0
    while (m := _pattern().search(text, pos)) is not None:
        found = _read_match(text, m, pos)
        if found is None:
            pos = m.end()
            continue
        yield found
        pos = found[0].end


def _read_match(
    text: str, m: re.Match[str], since: int
) -> tuple[DateMatch, dt.datetime | None] | None:
    """The date that ``m`` found, with a weekday before it and a time after it; None when a
    bare "12/3" turns out to lack the year or the context that would make it a date."""
    # The weekday is looked for backwards from the date: the pattern then starts only at a
    # digit or "(", which makes scanning a whole article several times faster.
    weekday = _weekday_pattern().search(text, max(since, m.start() - 40), m.start())
    start = weekday.start() if weekday else m.start()
    end = m.end()
    clock = m["inner_time"]
    if clock is None:
        trailing = _time_pattern().match(text, end)
        if trailing is not None:
            clock, end = trailing[0], trailing.end()

    if m["iso"] is not None:
        kind, has_year = "iso", True
        if clock is not None and m["iso_time"] is None:  # "2024-11-18 19:15 WIB"
            value = _from_parts(m["iso_day"], m["iso_month"], m["iso_year"], clock)
        else:
            value = _from_iso(m["iso"])
    elif m["nday"] is not None or m["dday"] is not None:
        kind = "numeric"
        day, month, year = (
            m["nday"] or m["dday"],
            m["nmonth"] or m["dmonth"],
            m["nyear"] or m["dyear"],
        )
        has_year = year is not None
        if not has_year and m["open"] is None and weekday is None:
            return None
        value = _from_parts(day, month, year, clock) if has_year else None
    else:
        kind = "named"
        has_year = m["year"] is not None
        value = _from_parts(m["day"], m["month"], m["year"], clock) if has_year else None

    match = DateMatch(
        text=text[start:end],
        start=start,
        end=end,
        value=value.date() if value is not None else None,
        has_year=has_year,
        kind=kind,
    )
    return match, value


@lru_cache(maxsize=8192)
def _from_parts(day: str, month: str, year: str, clock: str | None) -> dt.datetime | None:
    """The datetime of a date the pattern found (the month a number or a name), with its time
    when one was given; None for an impossible date such as 31/2/2024.

    The pattern has told day, month and year apart, so plain-ASCII parts are read as numbers
    here, as dateutil reads them (day first; a two-digit year by dateutil's own rule), at a
    fraction of its cost; ``tests/test_dates.py`` checks the two readings agree. dateutil reads
    anything else (a digit of another script, a month name only case-folding finds)."""
    if not (day + month + year).isascii() or (clock is not None and not clock.isascii()):
        return _read_by_dateutil(day, month, year, clock)
    number = int(month) if month.isdigit() else _parser().info.month(month)
    if number is None:
        return _read_by_dateutil(day, month, year, clock)
    y = int(year) if len(year) > 2 else _parser().info.convertyear(int(year))
    hour = minute = second = 0
    zone = None
    if clock is not None:
        hms = _CLOCK.search(clock)
        assert hms is not None  # the time pattern guarantees one
        hour, minute, second = int(hms[1]), int(hms[2]), int(hms[3] or 0)
        if (named := _ZONE.search(clock, hms.end())) is not None:
            zone = _zone(named[0].upper())
    try:
        return dt.datetime(y, number, int(day), hour, minute, second, tzinfo=zone)
    except ValueError:  # 31/2/2024
        return None


@cache
def _zone(name: str) -> dt.tzinfo:
    """WIB, WITA or WIT as a fixed offset, the zone dateutil gives a time with that name."""
    return tz.tzoffset(name, _TIMEZONES[name] * 3600)


def _read_by_dateutil(day: str, month: str, year: str, clock: str | None) -> dt.datetime | None:
    """dateutil's reading of a date's parts: "8/6/2024", "18 November 2024"."""
    sep = "/" if month.isdigit() else " "
    date_text = f"{day}{sep}{month}{sep}{year}"
    if clock is not None:
        date_text = f"{date_text} {_clock(clock)}"
    try:
        return _parser().parse(date_text, default=_DEFAULT, dayfirst=True)
    except (ValueError, OverflowError):  # impossible dates such as 31/2/2024
        return None


def _from_iso(iso: str) -> dt.datetime | None:
    # Not dateutil: with dayfirst it reads 2016-06-11 as 6 November.
    try:
        return dt.datetime.fromisoformat(iso)
    except ValueError:
        return None


def _clock(clock: str) -> str:
    """'- pukul 09.30 wib' -> '09:30:00 WIB': a form dateutil reads as a time."""
    hms = _CLOCK.search(clock)
    assert hms is not None  # the time pattern guarantees one
    hour, minute, second = hms[1], hms[2], hms[3] or "00"
    zone = _ZONE.search(clock, hms.end())
    return f"{hour}:{minute}:{second}" + (f" {zone[0].upper()}" if zone else "")


# --- the patterns, built from the lexicons at first use -----------------------------------------


def _time_regex() -> str:
    zone = "(?:" + _ZONE.pattern + r")(?!\w)"
    hour = r"(?:[01]?\d|2[0-3])"
    colon = rf"{hour}:[0-5]\d(?::[0-5]\d)?(?![\d:])"
    dot = rf"{hour}\.[0-5]\d(?:\.[0-5]\d)?(?!\.?\d)"
    # "pukul 09.30", "19:15", or "09.30 WIB": a bare "10.30" after a date may be a number.
    said = rf"(?:pukul|pkl\.?|jam){_SP}*(?:{colon}|{dot})(?:{_SP}*{zone})?"
    return rf"(?:{_SP}*[-–—,|]{_SP}*|{_SP}+)(?:{said}|{colon}(?:{_SP}*{zone})?|{dot}{_SP}*{zone})"


@cache
def _time_pattern() -> re.Pattern[str]:
    return re.compile(_time_regex(), re.IGNORECASE)


@cache
def _pattern() -> re.Pattern[str]:
    months = _alternation(lexicon.mapping("months"))
    iso = (
        rf"(?P<iso>(?P<iso_year>{_YEAR})-(?P<iso_month>0[1-9]|1[0-2])-(?P<iso_day>0[1-9]|[12]\d|3[01])"
        r"(?P<iso_time>T\d\d:\d\d(?::\d\d(?:\.\d{1,6})?)?(?:Z|[+-]\d\d:?\d\d)?)?)(?![\w-])"
    )
    slashed = (
        rf"(?P<nday>{_DAY}){_SP}*/{_SP}*(?P<nmonth>{_MONTH})"
        rf"(?:{_SP}*/{_SP}*(?P<nyear>{_YEAR}|\d\d))?(?![\w/])"
    )
    dashed = rf"(?P<dday>{_DAY})-(?P<dmonth>{_MONTH})-(?P<dyear>{_YEAR})(?![\w-])"
    named = (
        rf"(?P<day>{_DAY}){_SP}+(?P<month>{months})(?!\w)(?:\.(?={_SP}*\d))?"
        rf"(?:{_SP}*,?{_SP}*(?P<year>{_YEAR})(?!\d))?"
    )
    regex = (
        rf"(?=[(\d])(?P<open>\({_SP}*)?"
        rf"{_BEFORE_NUMBER}(?:{iso}|{slashed}|{dashed}|{named})"
        rf"(?(open)(?P<inner_time>{_time_regex()})?{_SP}*\))"
    )
    return re.compile(regex, re.IGNORECASE)


@cache
def _weekday_pattern() -> re.Pattern[str]:
    """A day name ending where the date begins: "Sabtu ", "Jumat, "."""
    days = _alternation(lexicon.mapping("days"))
    return re.compile(rf"(?<!\w){days}(?!\w){_SP}*,?{_SP}*\Z", re.IGNORECASE)


def _alternation(words: dict[str, str]) -> str:
    # Longest first, so that "Nopember" is not read as "Nop".
    return "(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + ")"


def _lexicon_numbers(name: str, allowed: range) -> dict[str, int]:
    numbers = {}
    for key, value in lexicon.mapping(name).items():
        number = int(value)
        if number not in allowed:
            raise ValueError(f"lexicon {name}: {key!r} = {value} is out of range")
        numbers[key.lower()] = number
    return numbers


@cache
def _parser() -> dateutil_parser.parser:
    return dateutil_parser.parser(IndonesianParserInfo())
