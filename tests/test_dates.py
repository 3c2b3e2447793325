"""Indonesian dates as they appear in news: found by a pattern, read by dateutil."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable
from importlib import resources

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pilkada import dates, lexicon
from pilkada.dates import DateMatch, find_dates, parse_date, parse_datetime

WIB = dt.timezone(dt.timedelta(hours=7))
WITA = dt.timezone(dt.timedelta(hours=8))
WIT = dt.timezone(dt.timedelta(hours=9))


def only_date(text: str) -> DateMatch:
    """The single date found in ``text``."""
    found = find_dates(text)
    assert len(found) == 1, found
    return found[0]


# --- forms seen in articles --------------------------------------------------------------------

# (the sentence, the date text inside it, the date, the kind)
DATED = [
    ("“…,” katanya, Sabtu (8/6/2024).", "Sabtu (8/6/2024)", dt.date(2024, 6, 8), "numeric"),
    ("pungkasnya, Kamis (31/10/2024).", "Kamis (31/10/2024)", dt.date(2024, 10, 31), "numeric"),
    ("ujarnya, Sabtu, (02/11/2024).", "Sabtu, (02/11/2024)", dt.date(2024, 11, 2), "numeric"),
    ("kata dia, Sabtu (13 /06/2020).", "Sabtu (13 /06/2020)", dt.date(2020, 6, 13), "numeric"),
    ("ucapnya Jum'at (21/6/24) lalu", "Jum'at (21/6/24)", dt.date(2024, 6, 21), "numeric"),
    ("ucapnya Jum’at (21/6/24) lalu", "Jum’at (21/6/24)", dt.date(2024, 6, 21), "numeric"),
    ("di Tenggarong (21/6/24).", "(21/6/24)", dt.date(2024, 6, 21), "numeric"),
    ("pada 8/6/2024 di Sampit", "8/6/2024", dt.date(2024, 6, 8), "numeric"),
    ("Kamis, 31-10-2024", "Kamis, 31-10-2024", dt.date(2024, 10, 31), "numeric"),
    (
        "Home\nSenin, 18 November 2024 - 19:15 WIB\nPjs Bupati",
        "Senin, 18 November 2024 - 19:15 WIB",
        dt.date(2024, 11, 18),
        "named",
    ),
    (
        "Jumat, 31 Maret 2023 - 07:43:56 WIB",
        "Jumat, 31 Maret 2023 - 07:43:56 WIB",
        dt.date(2023, 3, 31),
        "named",
    ),
    ("Hari Rabu tanggal 27 Nopember 2024.", "27 Nopember 2024", dt.date(2024, 11, 27), "named"),
    ("sejak 3 Agustus 2023 lalu", "3 Agustus 2023", dt.date(2023, 8, 3), "named"),
    ("pada 21 Juni 2024,", "21 Juni 2024", dt.date(2024, 6, 21), "named"),
    ("Rabu, 13 November 2024", "Rabu, 13 November 2024", dt.date(2024, 11, 13), "named"),
    ("diperbarui 12 Agt 2024", "12 Agt 2024", dt.date(2024, 8, 12), "named"),
    ("diperbarui 12 Agt. 2024", "12 Agt. 2024", dt.date(2024, 8, 12), "named"),
    ("18 NOVEMBER 2024", "18 NOVEMBER 2024", dt.date(2024, 11, 18), "named"),
    ("1 Pebruari 2021", "1 Pebruari 2021", dt.date(2021, 2, 1), "named"),
    ("terbit 2021-06-21 oleh", "2021-06-21", dt.date(2021, 6, 21), "iso"),
    ("2024-11-18T19:15:00+08:00", "2024-11-18T19:15:00+08:00", dt.date(2024, 11, 18), "iso"),
]


@pytest.mark.parametrize(("sentence", "text", "value", "kind"), DATED)
def test_finds_the_exact_date_text_and_reads_it(
    sentence: str, text: str, value: dt.date, kind: str
) -> None:
    found = only_date(sentence)
    assert found.text == text
    assert sentence[found.start : found.end] == text
    assert found.value == value
    assert found.has_year
    assert found.kind == kind
    assert parse_date(sentence) == value


def test_iso_dates_are_year_first_even_with_a_small_day() -> None:
    # dateutil with dayfirst=True would read this as 6 November.
    assert parse_date("2016-06-11") == dt.date(2016, 6, 11)


def test_every_month_name_and_short_form_is_read() -> None:
    for spelling, month in lexicon.mapping("months").items():
        assert parse_date(f"5 {spelling} 2024") == dt.date(2024, int(month), 5), spelling
        assert parse_date(f"5 {spelling.title()} 2024") == dt.date(2024, int(month), 5)


# --- times and zones ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Senin, 18 November 2024 - 19:15 WIB", dt.datetime(2024, 11, 18, 19, 15, tzinfo=WIB)),
        ("Jumat, 31 Maret 2023 - 07:43:56 WIB", dt.datetime(2023, 3, 31, 7, 43, 56, tzinfo=WIB)),
        ("Rabu (13/11/2024) pukul 09.30 WIB", dt.datetime(2024, 11, 13, 9, 30, tzinfo=WIB)),
        ("Rabu (13/11/2024) pukul 09.30 WITA", dt.datetime(2024, 11, 13, 9, 30, tzinfo=WITA)),
        ("13 November 2024 pukul 9.30 wit", dt.datetime(2024, 11, 13, 9, 30, tzinfo=WIT)),
        ("(18/11/2024 pkl. 10.00 WITA)", dt.datetime(2024, 11, 18, 10, 0, tzinfo=WITA)),
        ("Kamis, 31-10-2024 | 10:00", dt.datetime(2024, 10, 31, 10, 0)),
        ("2024-11-18 19:15 WITA", dt.datetime(2024, 11, 18, 19, 15, tzinfo=WITA)),
        ("Sabtu (8/6/2024)", dt.datetime(2024, 6, 8)),
    ],
)
def test_parse_datetime_keeps_the_time_and_zone(text: str, expected: dt.datetime) -> None:
    got = parse_datetime(text)
    assert got == expected
    assert got is not None
    assert got.utcoffset() == expected.utcoffset()


def test_the_time_belongs_to_the_date_text() -> None:
    found = only_date("Rapat dibuka Rabu (13/11/2024) pukul 09.30 WIB di aula.")
    assert found.text == "Rabu (13/11/2024) pukul 09.30 WIB"


def test_a_bare_decimal_after_a_date_is_not_a_time() -> None:
    found = only_date("Sabtu (8/6/2024), 10.30 persen warga hadir")
    assert found.text == "Sabtu (8/6/2024)"
    assert parse_datetime("Sabtu (8/6/2024), 10.30 persen") == dt.datetime(2024, 6, 8)


def test_a_time_without_a_date_is_not_a_date() -> None:
    assert find_dates("pukul 09.30 WIB") == []
    assert parse_datetime("pukul 09.30 WIB") is None


# --- dates without a year -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "text", "kind"),
    [
        ("katanya, Sabtu (23/1).", "Sabtu (23/1)", "numeric"),
        ("ujarnya, Jumat, (22/1).", "Jumat, (22/1)", "numeric"),
        ("ucapnya Jum'at (21/06)", "Jum'at (21/06)", "numeric"),
        ("di Rantau (21/6).", "(21/6)", "numeric"),
        ("pencoblosan pada 27 November mendatang", "27 November", "named"),
    ],
)
def test_a_date_without_a_year_is_found_but_has_no_value(
    sentence: str, text: str, kind: str
) -> None:
    found = only_date(sentence)
    assert found.text == text
    assert found.value is None
    assert not found.has_year
    assert found.kind == kind
    assert parse_date(sentence) is None
    assert parse_datetime(sentence) is None


# --- not dates ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "kata Irjen Pol Winarto usai deklarasi pilkada damai di Rantau, Tapin, Selasa.",
        "Selasa",
        "Pilkada 2024",
        "pilkada serentak tahun 2024",
        "situasi di 13 kabupaten/kota tetap kondusif",
        "alokasi dana sebesar Rp13 Miliar",
        "HUT ke-53",
        "PKPU Nomor 2/2024",
        "skor 12/3 untuk",
        "1 miliar 28 juta 290 ribu rupiah",
        "Lantai 5 Kantor Bupati",
        "9 (sembilan) hari lagi",
        "",
    ],
)
def test_numbers_that_are_not_dates_are_not_found(text: str) -> None:
    assert find_dates(text) == []
    assert parse_date(text) is None


def test_a_weekday_glued_to_another_word_is_not_taken() -> None:
    assert only_date("xSabtu (8/6/2024)").text == "(8/6/2024)"


# --- impossible dates and two-digit years -------------------------------------------------------


@pytest.mark.parametrize("text", ["31/2/2024", "Jumat (30/2/2024)", "31 April 2024", "29/2/2023"])
def test_an_impossible_date_is_found_with_no_value(text: str) -> None:
    found = only_date(text)
    assert found.text == text
    assert found.has_year
    assert found.value is None
    assert parse_date(text) is None


def test_a_leap_day_is_a_real_date() -> None:
    assert parse_date("29/2/2024") == dt.date(2024, 2, 29)


@pytest.mark.parametrize(
    ("text", "value"),
    [("(21/6/24)", dt.date(2024, 6, 21)), ("(1/1/00)", dt.date(2000, 1, 1))],
)
def test_two_digit_years_are_this_century(text: str, value: dt.date) -> None:
    assert parse_date(text) == value


# --- several dates ------------------------------------------------------------------------------


def test_dates_are_listed_in_order_with_their_offsets() -> None:
    text = "Senin, 18 November 2024 - 19:15 WIB\n…pada Hari Rabu tanggal 27 Nopember 2024."
    found = find_dates(text)
    assert [d.text for d in found] == ["Senin, 18 November 2024 - 19:15 WIB", "27 Nopember 2024"]
    assert [d.value for d in found] == [dt.date(2024, 11, 18), dt.date(2024, 11, 27)]
    assert all(text[d.start : d.end] == d.text for d in found)


def test_parse_date_reads_the_first_date_even_without_a_year() -> None:
    # The first date decides: a caller asking about "the date" must not get a later one.
    assert parse_date("Sabtu (23/1), lalu Minggu (24/1/2021)") is None
    assert [d.value for d in find_dates("Sabtu (23/1), lalu Minggu (24/1/2021)")] == [
        None,
        dt.date(2021, 1, 24),
    ]


def test_a_weekday_that_disagrees_with_the_date_does_not_move_it() -> None:
    # 8 June 2024 was a Saturday; the numbers win over a wrong day name.
    assert parse_date("Senin (8/6/2024)") == dt.date(2024, 6, 8)


def test_a_date_spanning_lines_is_not_joined() -> None:
    assert [d.text for d in find_dates("18\nNovember 2024")] == []
    assert only_date("Senin,\n18 November 2024").text == "18 November 2024"


# --- properties ---------------------------------------------------------------------------------

MONTH_SPELLINGS: dict[int, list[str]] = {}
for _spelling, _number in lexicon.mapping("months").items():
    MONTH_SPELLINGS.setdefault(int(_number), []).append(_spelling)
DAY_SPELLINGS: dict[int, list[str]] = {}
for _spelling, _number in lexicon.mapping("days").items():
    DAY_SPELLINGS.setdefault(int(_number), []).append(_spelling)

news_dates = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2040, 12, 31))
casings = st.sampled_from([str.lower, str.title, str.upper])


@given(news_dates, st.data(), casings)
def test_day_month_year_round_trips(
    d: dt.date, data: st.DataObject, case: Callable[[str], str]
) -> None:
    month = data.draw(st.sampled_from(MONTH_SPELLINGS[d.month]))
    text = f"{d.day} {case(month)} {d.year}"
    found = only_date(text)
    assert (found.value, found.text, found.kind) == (d, text, "named")


@given(news_dates, st.data(), st.booleans())
def test_weekday_and_numbers_round_trip(d: dt.date, data: st.DataObject, padded: bool) -> None:
    weekday = data.draw(st.sampled_from(DAY_SPELLINGS[d.weekday()])).title()
    numbers = f"{d.day:02}/{d.month:02}/{d.year}" if padded else f"{d.day}/{d.month}/{d.year}"
    text = f"{weekday} ({numbers})"
    found = only_date(f"katanya, {text}.")
    assert (found.value, found.text, found.kind) == (d, text, "numeric")


@given(st.text())
def test_find_dates_never_raises_and_offsets_hold(text: str) -> None:
    for found in find_dates(text):
        assert text[found.start : found.end] == found.text
        assert found.value is None or found.has_year


date_like = st.text(alphabet="0123456789/-.:() ,SabtuJmNovemberWIBpukul'\n", max_size=40)


@given(date_like)
def test_date_like_noise_never_raises(text: str) -> None:
    found = find_dates(text)
    assert [d.start for d in found] == sorted(d.start for d in found)
    for earlier, later in itertools.pairwise(found):
        assert earlier.end <= later.start
    for d in found:
        assert text[d.start : d.end] == d.text
    parse_date(text)
    parse_datetime(text)


# --- the lexicons -------------------------------------------------------------------------------


def raw_keys(name: str) -> list[str]:
    """The keys of a ``key = value`` lexicon as written, duplicates included."""
    text = resources.files(lexicon).joinpath(f"{name}.txt").read_text(encoding="utf-8")
    keys = []
    for line in text.splitlines():
        entry = line.split("#", 1)[0].strip()
        if entry:
            key, sep, _ = entry.partition("=")
            assert sep, f"{name}: {line!r} has no '='"
            keys.append(key.strip().lower())
    return keys


@pytest.mark.parametrize(("name", "numbers"), [("months", range(1, 13)), ("days", range(7))])
def test_lexicon_has_no_empty_or_duplicate_keys(name: str, numbers: range) -> None:
    keys = raw_keys(name)
    assert all(keys), f"{name}: an empty key"
    duplicates = sorted({k for k in keys if keys.count(k) > 1})
    assert not duplicates, f"{name}: duplicate keys {duplicates}"
    values = {int(v) for v in lexicon.mapping(name).values()}
    assert values == set(numbers), f"{name}: every number once or more, and no other"


def test_month_first_dates_of_english_interfaces() -> None:
    (m,) = find_dates("Diposting pada November 24, 2024 oleh admin")
    assert (m.text, m.value, m.has_year) == ("November 24, 2024", dt.date(2024, 11, 24), True)
    assert [f.value for f in find_dates("Sabtu (8/6/2024) dan December 31, 2023")] == [
        dt.date(2024, 6, 8),
        dt.date(2023, 12, 31),
    ]
    assert find_dates("Februari 30, 2024")[0].value is None  # no such day
    assert [f.text for f in find_dates("Senin, 26 November 2024")] == ["Senin, 26 November 2024"]


DATE_PIECES = st.sampled_from(
    ["November", "Nov.", "nopember", "Januari", " ", "\u00a0", "\t", ",", "26", "5", "05", "2024",
     "1999", "20245", "12:30", "\n", "x", "WIB"]
)  # fmt: skip


@given(st.one_of(st.lists(DATE_PIECES, max_size=12).map("".join), st.text(max_size=40)))
def test_the_day_and_year_test_passes_every_month_first_date(text: str) -> None:
    from pilkada.dates import _DAY_YEAR, _month_first_pattern

    if _month_first_pattern().search(text) is not None:
        assert _DAY_YEAR.search(text) is not None


NO_ASCII_DIGITS = ["٤", "२", "①", "²", "(", ")", "/", "-", "Senin", "pukul", ".", ":"]


@given(
    st.one_of(
        st.lists(st.sampled_from(NO_ASCII_DIGITS) | DATE_PIECES, max_size=12).map("".join),
        st.text(max_size=40),
    )
)
def test_a_text_with_no_ascii_digit_holds_no_date(text: str) -> None:
    from pilkada.dates import _month_first, _scan

    if not any(c in "0123456789" for c in text):
        assert list(_scan(text)) == [] and _month_first(text) == []


# --- the parts read directly, as dateutil reads them --------------------------------------------

MONTH_WORDS = sorted(lexicon.mapping("months"))


@st.composite
def date_parts(draw: st.DrawFn) -> tuple[str, str, str, str | None]:
    """(day, month, year, clock) as the date pattern hands them over: a day of 1–31 with or
    without its zero, a month as a number or any lexicon name in any case, a year of two or four
    digits, and maybe a time in each form the time pattern finds, with or without a zone."""
    day = draw(st.integers(1, 31))
    day_text = draw(st.sampled_from([str(day), f"{day:02d}"]))
    if draw(st.booleans()):
        month = draw(st.integers(1, 12))
        month_text = draw(st.sampled_from([str(month), f"{month:02d}"]))
    else:
        word = draw(st.sampled_from(MONTH_WORDS))
        month_text = draw(st.sampled_from([word, word.upper(), word.title()]))
    year = draw(
        st.one_of(st.integers(0, 99).map("{:02d}".format), st.integers(1900, 2099).map(str))
    )
    clock = None
    if draw(st.booleans()):
        hour, minute, second = (
            draw(st.integers(0, 23)),
            draw(st.integers(0, 59)),
            draw(st.integers(0, 59)),
        )
        sep = draw(st.sampled_from([":", "."]))
        time = f"{hour:0{draw(st.sampled_from([1, 2]))}d}{sep}{minute:02d}"
        if draw(st.booleans()):
            time += f"{sep}{second:02d}"
        lead = draw(st.sampled_from([" ", " - ", ", ", " | ", " pukul ", " - pkl. ", " jam "]))
        zone = draw(st.sampled_from(["", " WIB", " wita", " Wit"]))
        clock = f"{lead}{time}{zone}"
    return day_text, month_text, year, clock


@given(date_parts())
def test_a_date_read_from_its_parts_is_dateutils_reading(
    parts: tuple[str, str, str, str | None],
) -> None:
    fast, slow = dates._from_parts.__wrapped__(*parts), dates._read_by_dateutil(*parts)
    assert fast == slow
    if fast is not None and slow is not None:
        assert fast.utcoffset() == slow.utcoffset()
        assert (fast.tzinfo is None) == (slow.tzinfo is None)


def test_a_part_in_another_script_is_read_by_dateutil() -> None:
    # "1٨" ends in an Arabic-Indic eight: the pattern's \d finds it, dateutil decides what it means
    assert dates._from_parts("1٨", "6", "2024", None) == dates._read_by_dateutil(
        "1٨", "6", "2024", None
    )
