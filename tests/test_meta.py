"""Dateline and outlet, credited names, author initials and the choice of the publication date."""

from __future__ import annotations

import datetime as dt

import pytest

from pilkada.layout import classify
from pilkada.lines import BODY
from pilkada.meta import Meta, credit_names, extract, split_dateline

REST = "Ribuan pendukung memadati lapangan kecamatan untuk kampanye akbar pasangan calon bupati."


def meta_of(*lines: str) -> Meta:
    """What the extractor reads from the page made of ``lines``."""
    layout = classify(list(lines))
    return extract(layout, [ln.text for ln in layout.lines if ln.kind == BODY])


# --- dateline and outlet ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("opening", "place", "outlet"),
    [
        ("WAINGAPU, Suara Sumba – ", "WAINGAPU", "Suara Sumba"),
        ("Waikabubak, Sumba Barat (ANTARA) - ", "Waikabubak, Sumba Barat", "ANTARA"),
        ("Kabarsumba.id, WAINGAPU – ", "WAINGAPU", "Kabarsumba.id"),
        ("WAINGAPU/SUARASUMBA.CO.ID-", "WAINGAPU", "SUARASUMBA.CO.ID"),
        ("SUMBANEWS.com - ", None, "SUMBANEWS.com"),
        ("Waingapu-", "Waingapu", None),
    ],
)
def test_split_dateline_reads_place_and_outlet(
    opening: str, place: str | None, outlet: str | None
) -> None:
    assert split_dateline(opening + REST) == (place, outlet)


def test_split_dateline_outlet_before_a_known_place_without_a_domain() -> None:
    # "OUTLET, PLACE -": the second part is a region, so it is the place
    assert split_dateline("Suara Flobamora, Ende - " + REST) == ("Ende", "Suara Flobamora")


def test_split_dateline_on_a_lede_with_no_dateline() -> None:
    assert split_dateline(REST) == (None, None)


# --- names in credits ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "names"),
    [
        ("Agustinus Rihi, S.Sos", ["Agustinus Rihi"]),
        ("Agustinus Rihi, S.I.Kom., M.Si", ["Agustinus Rihi"]),
        ("Martha Lede (Bagian Prokopim Setda)", ["Martha Lede"]),
        ("Kontributor Waingapu, Umbu Djawa", ["Umbu Djawa"]),
        ("Umbu Djawa | Martha Lede", ["Umbu Djawa", "Martha Lede"]),
        ("Admin", []),
        ("Redaksi", []),
    ],
)
def test_credit_names(value: str, names: list[str]) -> None:
    assert credit_names(value) == names


def test_credit_line_names_reach_authors_and_editors() -> None:
    meta = meta_of(
        "Reporter  :  Umbu Djawa, S.Sos",
        "WAINGAPU, Suara Sumba - " + REST,
        "Kampanye berjalan tertib dan dijaga puluhan personel gabungan dari kepolisian setempat.",
        "Editor :  Martha Lede",
    )
    assert (meta.authors, meta.editors) == (["Umbu Djawa"], ["Martha Lede"])


# --- initials at the end of the article ---------------------------------------------------------

LAST = "Kampanye berjalan tertib dan dijaga puluhan personel gabungan dari kepolisian setempat."


def test_trailing_initials_are_the_author() -> None:
    meta = meta_of("WAINGAPU, Suara Sumba - " + REST, f"{LAST} (UD)")
    assert meta.authors == ["UD"]


@pytest.mark.parametrize("tag", ["(*)", "(Rel)", "(REL)", "(adv/kominfo/sumba)", "(ADV)"])
def test_desk_tags_at_the_end_are_not_authors(tag: str) -> None:
    meta = meta_of("WAINGAPU, Suara Sumba - " + REST, f"{LAST} {tag}")
    assert meta.authors == []


# --- the publication date -----------------------------------------------------------------------

HEADLINE = "Pasangan Calon Bupati Sumba Timur Gelar Kampanye Akbar di Lapangan Kecamatan"


def test_published_comes_from_the_header_date_line_first() -> None:
    meta = meta_of(
        HEADLINE,
        "Selasa, 12 November 2024 - 08:15 WITA",
        "WAINGAPU, Suara Sumba - Kampanye akbar yang dijadwalkan sejak 1 November 2024 digelar.",
        '"Kami minta pendukung tetap tertib," kata Umbu Djawa, Senin (11/11/2024).',
    )
    assert meta.published == dt.date(2024, 11, 12)
    assert meta.published_text == "Selasa, 12 November 2024 - 08:15 WITA"


def test_published_comes_next_from_a_quoted_statement_after_its_speech_verb() -> None:
    meta = meta_of(
        "WAINGAPU, Suara Sumba - Kampanye akbar yang dijadwalkan sejak 1 November 2024 akhirnya "
        "digelar di lapangan kecamatan.",
        '"Kami minta pendukung tetap tertib," kata Umbu Djawa, Senin (11/11/2024).',
    )
    assert meta.published == dt.date(2024, 11, 11)
    assert meta.published_text == "Senin (11/11/2024)"


def test_published_falls_back_to_the_first_full_date() -> None:
    meta = meta_of(
        "WAINGAPU, Suara Sumba - Kampanye akbar yang dijadwalkan sejak 1 November 2024 akhirnya "
        "digelar di lapangan kecamatan.",
        "Kampanye berikutnya direncanakan pada 9 November 2024 di lapangan yang sama.",
    )
    assert meta.published == dt.date(2024, 11, 1)


def test_a_date_without_a_year_gives_no_publication_date() -> None:
    meta = meta_of(
        "WAINGAPU, Suara Sumba - Kampanye akbar pasangan calon bupati digelar pada Senin (11/11) "
        "di lapangan kecamatan.",
    )
    assert (meta.published, meta.published_text) == (None, None)


def test_a_two_digit_year_is_read_as_this_century() -> None:
    meta = meta_of(
        "WAINGAPU, Suara Sumba - Kampanye akbar pasangan calon bupati digelar pada "
        "Senin (11/11/24) di lapangan kecamatan.",
    )
    assert meta.published == dt.date(2024, 11, 11)


# --- whole pages: where the outlet and the date come from --------------------------------------

PAGE_TITLE = "Ratusan Warga Lipat Surat Suara Pilbup Gunungkidul"
PAGE_BODY = (
    "Komisi Pemilihan Umum Kabupaten Gunungkidul mulai melipat surat suara pemilihan bupati di "
    "gudang logistik dengan melibatkan 200 warga sekitar."
)


@pytest.mark.parametrize(
    ("lede", "place", "outlet"),
    [
        ("Wonosari (Humas) - Komisi Pemilihan Umum mulai melipat", "Wonosari", None),
        ("WONOSARI (4/11) – Komisi Pemilihan Umum mulai melipat", "WONOSARI", None),
        (
            "Wonosari (Humas Polres Gunungkidul) - Komisi Pemilihan Umum",
            "Wonosari",
            "Humas Polres Gunungkidul",
        ),
        (
            "Kabar Selatan - Gunungkidul. Komisi Pemilihan Umum mulai melipat",
            "Gunungkidul",
            "Kabar Selatan",
        ),
    ],
)
def test_a_desk_or_a_day_in_brackets_is_no_outlet(
    lede: str, place: str, outlet: str | None
) -> None:
    assert split_dateline(lede) == (place, outlet)


@pytest.mark.parametrize(
    ("footer", "outlet"),
    [
        ("© Copyright 2024, Kabar Selatan – Media Online Yogyakarta", "Kabar Selatan"),
        ("Copyright © 2024 KabarSelatan.id. All rights reserved.", "KabarSelatan.id"),
        ("Sumber: Harian Gunung Sewu (edisi cetak, 5 Desember 2024)", "Harian Gunung Sewu"),
    ],
)
def test_the_outlet_named_only_in_the_footer(footer: str, outlet: str) -> None:
    meta = meta_of(PAGE_TITLE, "WONOSARI – " + PAGE_BODY, footer)
    assert meta.outlet == outlet


def test_a_copyright_without_a_name_names_no_outlet() -> None:
    assert (
        meta_of(PAGE_TITLE, "WONOSARI – " + PAGE_BODY, "© 2024 All Rights Reserved").outlet is None
    )


def test_a_public_bodys_banner_over_the_menu_is_its_outlet() -> None:
    meta = meta_of(
        "KPU Kabupaten Gunungkidul", "Beranda", "Profil", PAGE_TITLE, "Wonosari – " + PAGE_BODY
    )
    assert meta.outlet == "KPU Kabupaten Gunungkidul"


def test_a_date_cited_from_another_report_is_not_the_articles() -> None:
    cited = (
        "Kasus serupa pernah terjadi di daerah ini (Kabar Lama, 16/6/2015) dan menjadi "
        "perhatian banyak pihak pada waktu itu."
    )
    quoted = "“Dulu pada 3 Maret 2019 kami juga melipat sendiri,” kata Asih, Senin (4/11/2024)."
    meta = meta_of(PAGE_TITLE, "WONOSARI – " + PAGE_BODY, cited, quoted)
    assert meta.published == dt.date(2024, 11, 4)


def test_a_top_bars_date_far_above_the_headline_gives_way_to_the_body() -> None:
    menu = ["Beranda", "Politik", "Ekonomi", "Olahraga", "Opini"]
    said = "“Pelipatan selesai empat hari,” kata Asih, Senin (4/11/2024)."
    meta = meta_of("Rabu, 18 Desember 2024", *menu, PAGE_TITLE, "WONOSARI – " + PAGE_BODY, said)
    assert meta.published == dt.date(2024, 11, 4)
    near = meta_of(*menu, "Senin, 4 November 2024", PAGE_TITLE, "WONOSARI – " + PAGE_BODY, said)
    assert near.published_confidence.why == "the page's date line"


# --- whole pages: a site's name in its header and footer, a writer's initials -----------------

MENU = ["Beranda", "Politik", "Ekonomi"]


def test_a_sites_domain_over_the_menu_names_it_though_the_footer_repeats_it() -> None:
    meta = meta_of(
        "kabarselatan.id",
        *MENU,
        PAGE_TITLE,
        "Wonosari – " + PAGE_BODY,
        "kabarselatan.id",
        "© 2024 PT Kabar Selatan Digital",
    )
    assert meta.outlet == "kabarselatan.id"


def test_a_company_in_the_copyright_gives_way_to_the_sites_name_in_the_footer() -> None:
    footer = ["kabarselatan.id", "Tentang Kami", "© 2024 PT Kabar Selatan Digital"]
    assert meta_of(PAGE_TITLE, "WONOSARI – " + PAGE_BODY, *footer).outlet == "kabarselatan.id"
    alone = meta_of(PAGE_TITLE, "WONOSARI – " + PAGE_BODY, "© 2024 PT Kabar Selatan Digital")
    assert alone.outlet == "PT Kabar Selatan Digital"


def test_a_copyright_line_parted_by_a_dot_gives_the_sites_name() -> None:
    footer = "© 2024 KABARSELATAN.ID · PT Kabar Selatan Digital"
    assert meta_of(PAGE_TITLE, "WONOSARI – " + PAGE_BODY, footer).outlet == "KABARSELATAN.ID"


def test_a_blogs_name_over_its_tagline_is_its_outlet() -> None:
    header = ["Kabar Gunung Sewu", "Berita, Informasi dan Cerita dari Tanah Gunungkidul", *MENU]
    assert meta_of(*header, PAGE_TITLE, "WONOSARI – " + PAGE_BODY).outlet == "Kabar Gunung Sewu"


def test_a_menu_over_a_long_menu_entry_is_no_site_name() -> None:
    header = ["Beranda", "Nasional", "Pilkada Serentak 2024 Daerah Istimewa Yogyakarta"]
    assert meta_of(*header, PAGE_TITLE, "WONOSARI – " + PAGE_BODY).outlet is None


def test_a_desk_spelt_prokompim_is_no_outlet() -> None:
    assert split_dateline("BA'A (Prokompim) – " + REST) == ("BA'A", None)


def test_initials_of_the_credited_writer_are_not_a_second_author() -> None:
    meta = meta_of(
        PAGE_TITLE, "Umbu Djawa | 25/11/2024 10:40 WITA", "WAINGAPU – " + REST, f"{LAST} (udj)"
    )
    assert meta.authors == ["Umbu Djawa"]
    other = meta_of(PAGE_TITLE, "Umbu Djawa | 25/11/2024", "WAINGAPU – " + REST, f"{LAST} (MS)")
    assert other.authors == ["Umbu Djawa", "MS"]


@pytest.mark.parametrize(
    ("lede", "place", "outlet"),
    [
        (
            "PORTAL LERENGSARI - Tahapan pemilihan kepala desa memasuki masa kampanye.",
            None,
            "PORTAL LERENGSARI",
        ),
        (
            "Radar Lerengsari - Tahapan pemilihan kepala desa memasuki masa kampanye.",
            None,
            "Radar Lerengsari",
        ),
        ("LERENGSARI - Tahapan pemilihan kepala desa memasuki masa kampanye.", "LERENGSARI", None),
    ],
)
def test_a_lede_opened_by_a_name_with_an_outlet_word_names_the_outlet(
    lede: str, place: str | None, outlet: str | None
) -> None:
    assert split_dateline(lede) == (place, outlet)
