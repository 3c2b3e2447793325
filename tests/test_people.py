"""People in the text: titles of office, roles with regions in full, ranks, degrees, a registry."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pilkada import lexicon
from pilkada.people import DIGIT, NOMINAL, Mention, find_people, split_name
from pilkada.regions import regions
from pilkada.registry import Registry, add_mentions, build_registry
from pilkada.tokens import fold


def people(text: str) -> list[tuple[str | None, str | None]]:
    return [(m.name, m.role) for m in find_people(text)]


# --- roles with their regions written in full ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        (
            "Bupati Kabupaten Kutai Timur (Kutim) Rosmini Tahir meninjau gudang logistik.",
            "Rosmini Tahir",
            "Bupati Kutai Timur",
        ),
        (
            "Kapolres Tanbu AKBP Wirawan Santika memimpin apel pasukan.",
            "Wirawan Santika",
            "Kapolres Tanah Bumbu",
        ),
        (
            "Ketua KPU Kabupaten Hulu Sungai Utara (HSU) Ahmad Rizani membuka rapat pleno.",
            "Ahmad Rizani",
            "Ketua KPU Kabupaten Hulu Sungai Utara",
        ),
        (
            "Gubernur Kalteng Sukirman Hadi menerima rombongan penyelenggara pemilu.",
            "Sukirman Hadi",
            "Gubernur Kalimantan Tengah",
        ),
    ],
)
def test_role_has_its_region_abbreviation_expanded(text: str, name: str, role: str) -> None:
    assert people(text) == [(name, role)]


def test_the_abbreviations_used_above_are_real_lexicon_entries() -> None:
    aliases = lexicon.mapping("region_aliases")
    for short in ("Kutim", "Tanbu", "HSU", "Kalteng"):
        assert short in aliases


# --- acting forms -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "role"),
    [
        (
            "Pejabat Sementara (Pjs) Bupati Tanah Laut Fadlan Marzuki hadir.",
            "Pjs Bupati Tanah Laut",
        ),
        ("Plt. Bupati Batola Fadlan Marzuki hadir.", "Plt Bupati Barito Kuala"),
        ("Penjabat (Pj) Wali Kota Banjarbaru Fadlan Marzuki hadir.", "Pj Wali Kota Banjarbaru"),
        ("Pj Gubernur Kaltara Fadlan Marzuki hadir.", "Pj Gubernur Kalimantan Utara"),
    ],
)
def test_acting_forms_are_shortened_in_the_role(text: str, role: str) -> None:
    assert people(text) == [("Fadlan Marzuki", role)]


# --- ranks, honorifics and degrees --------------------------------------------------------------


def test_honorifics_and_ranks_are_kept_apart_from_the_name() -> None:
    assert split_name("Kombes Pol Dr. Ahmad Yani") == ("Kombes Pol Dr", "Ahmad Yani")
    assert split_name("Letkol Inf Bayu Saputra") == ("Letkol Inf", "Bayu Saputra")


def test_degrees_after_a_name_are_dropped() -> None:
    assert split_name("H. Tamrin Irawan, S.E., M.M.") == ("H", "Tamrin Irawan")
    assert people("Sekda Kukar Drs. Yuliarti Kusnadi, M.Si, menjelaskan jadwal rapat.") == [
        ("Yuliarti Kusnadi", "Sekda Kutai Kartanegara")
    ]


def test_a_rank_between_role_and_name_is_the_honorific() -> None:
    (m,) = find_people("Kapolda Kalsel Irjen Pol Parwoto Gunadi menegaskan kesiapan personel.")
    assert (m.name, m.role, m.honorific) == (
        "Parwoto Gunadi",
        "Kapolda Kalimantan Selatan",
        "Irjen Pol",
    )


# --- apposition and bare roles ------------------------------------------------------------------


def test_name_in_apposition_after_a_comma() -> None:
    assert people("Ketua KPU Kota Palopo, Nurjanah Darwis, mengatakan pleno berjalan lancar.") == [
        ("Nurjanah Darwis", "Ketua KPU Kota Palopo")
    ]


def test_a_name_word_opened_by_a_particle_stays_whole() -> None:
    assert people("Ketua KPU Kota Bogor Muhammad Al-Habsyi mengatakan logistik siap.") == [
        ("Muhammad Al-Habsyi", "Ketua KPU Kota Bogor")
    ]
    # two people written with a dash, as a ticket is, stay two names
    assert people("Bupati Bogor Rudy Susmanto-Jaro Ade hadir.")[0][0] == "Rudy Susmanto"


def test_a_bare_role_gives_a_mention_with_no_name() -> None:
    found = find_people("“Personel kami siagakan,” kata Kapolres HSU, Jumat (8/11/2024).")
    assert [(m.name, m.role) for m in found] == [(None, "Kapolres Hulu Sungai Utara")]


def test_two_officials_joined_by_dan_are_two_people() -> None:
    text = "Bupati Tanah Laut Marzuki Darmawan dan Ketua Bawaslu Tala Fadlan Hidayat hadir."
    assert people(text) == [
        ("Marzuki Darmawan", "Bupati Tanah Laut"),
        ("Fadlan Hidayat", "Ketua Bawaslu Tanah Laut"),
    ]


def test_dan_inside_the_name_of_an_office_stays_in_the_role() -> None:
    assert people("Kepala Dinas Pendidikan dan Kebudayaan Kalsel Irawati Sapardi hadir.") == [
        ("Irawati Sapardi", "Kepala Dinas Pendidikan dan Kebudayaan Kalimantan Selatan")
    ]


# --- one article's registry ---------------------------------------------------------------------

ARTICLE = [
    "Bupati Tanah Laut Marzuki Darmawan membuka rapat koordinasi pengamanan.",
    "Rapat juga dihadiri Ketua Bawaslu Tala Fadlan Darmawan.",
    "Marzuki meminta semua pihak menjaga netralitas.",
]


def registry() -> Registry:
    reg = build_registry(ARTICLE)
    add_mentions(reg, ARTICLE)
    return reg


def test_registry_holds_each_official_once_with_the_role() -> None:
    assert [(p.name, p.role) for p in registry().people] == [
        ("Marzuki Darmawan", "Bupati Tanah Laut"),
        ("Fadlan Darmawan", "Ketua Bawaslu Tanah Laut"),
    ]


def test_registry_finds_a_person_by_a_short_form() -> None:
    reg = registry()
    assert reg.find("Marzuki") == 0
    assert reg.find("Fadlan") == 1
    assert reg.find("Fadlan Darmawan") == 1


def test_registry_refuses_a_short_form_two_people_share() -> None:
    assert registry().find("Darmawan") is None


def test_registry_knows_nobody_it_was_not_told_of() -> None:
    assert registry().find("Sapardi") is None


def test_registry_by_role() -> None:
    reg = registry()
    assert reg.by_role("Bupati Tanah Laut") == 0
    assert reg.by_role("Ketua Bawaslu Tanah Laut") == 1
    assert reg.by_role("Kapolres Tanah Laut") is None


def test_registry_records_the_later_use_of_a_short_name() -> None:
    reg = registry()
    assert any(e.para == 2 and e.person == 0 for e in reg.events)


# --- properties ---------------------------------------------------------------------------------

# Invented name words: none is a title, a region, a district, an honorific or a word names avoid.
NAME_WORDS = [
    "Sutarmo",
    "Wirabuana",
    "Lestiani",
    "Parwoto",
    "Kusnadi",
    "Haryanti",
    "Marzuki",
    "Darmawan",
    "Yuliarti",
    "Sapardi",
    "Rosmini",
    "Fadlan",
    "Irawati",
    "Gunadi",
    "Tamrin",
]
TITLES = list(lexicon.entries("titles"))
REGION_ALIASES = list(lexicon.mapping("region_aliases"))
RANKS = list(lexicon.entries("honorifics"))

names = st.lists(st.sampled_from(NAME_WORDS), min_size=2, max_size=3, unique=True).map(" ".join)


def test_the_invented_name_words_are_no_lexicon_words() -> None:
    reserved = {fold(w) for w in (*TITLES, *RANKS, *lexicon.entries("not_names"))}
    reserved |= {fold(w.rstrip(".")) for w in RANKS}
    reserved |= set(regions()) | {fold(w) for w in lexicon.entries("districts")}
    assert [w for w in NAME_WORDS if fold(w) in reserved] == []


@settings(max_examples=300)
@given(title=st.sampled_from(TITLES), region=st.sampled_from(REGION_ALIASES), name=names)
def test_title_region_name_gives_the_name(title: str, region: str, name: str) -> None:
    found = find_people(f"{title} {region} {name} mengatakan")
    assert [m.name for m in found] == [name]


@given(rank=st.sampled_from(RANKS), name=names)
def test_split_name_takes_any_rank_off_the_name(rank: str, name: str) -> None:
    assert split_name(f"{rank} {name}")[1] == name


@given(st.text())
def test_find_people_never_raises(text: str) -> None:
    assert all(isinstance(m, Mention) for m in find_people(text))


pieces = st.sampled_from(
    [*TITLES, *RANKS, *REGION_ALIASES, *NAME_WORDS, ",", ".", "(", ")", "dan", "dari", "“", "kata"]
)


@given(st.lists(pieces, max_size=12).map(" ".join))
def test_find_people_never_raises_on_lexicon_words_in_any_order(text: str) -> None:
    for m in find_people(text):
        assert 0 <= m.start <= m.end <= len(text)


# --- regressions -------------------------------------------------------------------------------


def test_lexicon_tables_survive_a_cache_clear() -> None:
    from pilkada import tokens

    tokens.titles.cache_clear()
    tokens.honorifics.cache_clear()
    assert [(m.name, m.role) for m in find_people("Bupati Kukar Budi Santoso hadir.")] == [
        ("Budi Santoso", "Bupati Kutai Kartanegara")
    ]


def test_a_long_run_without_role_words_splits_into_role_and_name_without_overlap() -> None:
    (m,) = find_people("Ketua Alpha Beta Gamma Delta Muh. Said hadir.")
    assert m.role is not None and m.name is not None
    assert not set(m.role.split()[1:]) & set(m.name.split())


def test_a_kecamatan_name_that_is_also_a_given_name() -> None:
    assert [m.name for m in find_people("Ketua KPU Kota Sampang Bambang mengatakan itu.")] == [
        "Bambang"
    ]
    assert [m.name for m in find_people("Rapat di Pendopo Wakil Bupati Kukar Tenggarong.")] == [
        None
    ]


def test_a_long_chain_of_honorifics_is_read_in_linear_time() -> None:
    # a thousand "Prof. Dr. H." in a row hold no person and must not take quadratic time
    assert all(m.name is None for m in find_people("Prof. Dr. H. " * 1000))


# --- a new person's name ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "kept"),
    [
        ("Iwan Setiawan", "Iwan Setiawan"),
        ("Jenderal Iwan Setiawan", "Iwan Setiawan"),
        ("Mahfud MD", "Mahfud MD"),
        ("Jakarta Utara", None),
        ("BNPB", None),
        ("Staf", None),
        ("Sementara", None),
        ("Budi Santoso dan", None),
    ],
)
def test_a_new_person_s_name(name: str, kept: str | None) -> None:
    from pilkada.registry import person_name

    assert person_name(name) == kept


@given(st.text(max_size=60))
def test_a_new_person_s_name_is_the_end_of_what_was_given(name: str) -> None:
    from pilkada.registry import person_name

    kept = person_name(name)
    assert kept is None or name.split()[-len(kept.split()) :] == kept.split()


@given(st.text(alphabet="abcdefghijklmnoprstuwy", min_size=2, max_size=8), st.text(max_size=30))
def test_a_short_form_is_never_found_in_a_name_of_one_word(short: str, word: str) -> None:
    from pilkada.registry import is_short_form

    assert not is_short_form(short, "".join(word.split()))  # one word: no whitespace at all


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        (
            "Direktur Eksekutif Lingkar Institute Wayan Sudarsa menilai",
            "Wayan Sudarsa",
            "Direktur Eksekutif Lingkar Institute",
        ),
        (
            "Direktur Borneo Policy Center Rahmat Hidayat mengatakan",
            "Rahmat Hidayat",
            "Direktur Borneo Policy Center",
        ),
        (
            "Koordinator Pemilu Watch Dian Lestari menyebut",
            "Dian Lestari",
            "Koordinator Pemilu Watch",
        ),
    ],
)
def test_an_organisation_word_ends_the_role_before_the_name(
    text: str, name: str, role: str
) -> None:
    (m,) = [m for m in find_people(text) if m.name]
    assert (m.name, m.role) == (name, role)


def test_a_role_then_a_name_with_a_short_honorific_in_commas() -> None:
    (m,) = find_people("Calon bupati nomor urut 1, H. Haerul Warisin, menyoroti angka stunting.")
    assert (m.name, m.role, m.honorific) == ("Haerul Warisin", "Calon bupati nomor urut 1", "H")


@pytest.mark.parametrize(
    ("text", "name", "role", "rank"),
    [
        (
            "Kapolres Bima Kota Ajun Komisaris Besar Polisi Didik Kuncoro mengatakan",
            "Didik Kuncoro",
            "Kapolres Bima Kota",
            "Ajun Komisaris Besar Polisi",
        ),
        (
            "Kapolda Jambi Inspektur Jenderal Rusdi Hartono menegaskan",
            "Rusdi Hartono",
            "Kapolda Jambi",
            "Inspektur Jenderal",
        ),
        (
            "Dandim 1608 Bima Letnan Kolonel Inf Andi Setiawan menjelaskan",
            "Andi Setiawan",
            "Dandim 1608 Bima",
            "Letnan Kolonel Inf",
        ),
    ],
)
def test_a_rank_written_in_full_stands_between_the_role_and_the_name(
    text: str, name: str, role: str, rank: str
) -> None:
    (m,) = find_people(text)
    assert (m.name, m.role, m.honorific) == (name, role, rank)


def test_a_year_after_a_title_is_no_command_number() -> None:
    (m,) = find_people("Bupati Bima 2021 Indah Dhamayanti mengatakan")
    assert m.name is None and m.role == "Bupati Bima"


# --- names opened by a regional naming custom's particle -------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        # a run past three words after the title: the name opens at its opener
        (
            "Anggota DPRD Klungkung Anak Agung Ngurah Bayu Saputra hadir.",
            "Anak Agung Ngurah Bayu Saputra",
            "Anggota DPRD Klungkung",
        ),
        (
            "Ketua Panwascam Lasalimu Wa Ode Nurjanah hadir.",
            "Wa Ode Nurjanah",
            "Ketua Panwascam Lasalimu",
        ),
        # "I" opens a Balinese name, it is no numeral of the role
        ("Kelian Adat Pengosekan I Made Sutama hadir.", "I Made Sutama", "Kelian Adat Pengosekan"),
    ],
)
def test_a_name_opener_starts_the_name_after_a_title(text: str, name: str, role: str) -> None:
    assert [(m.name, m.role) for m in find_people(text)] == [(name, role)]


def test_an_opener_alone_before_a_full_stop_is_the_whole_name() -> None:
    assert split_name("Andi.") == (None, "Andi")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Dandim 1614 Dompu Letnan Kolonel Infanteri Sudirman Halim hadir.", "Sudirman Halim"),
        ("Kapolsek Woha Brigadir Polisi Yusuf Abdullah hadir.", "Yusuf Abdullah"),
        ("Bhabinkamtibmas Desa Kore Brigadir Dua Samsul Bahri hadir.", "Samsul Bahri"),
        ("Kepala Desa Wonokerto Raden Mas Haryo Pamungkas hadir.", "Haryo Pamungkas"),
    ],
)
def test_ranks_and_noble_titles_in_full_stand_apart_from_the_name(text: str, name: str) -> None:
    assert [m.name for m in find_people(text)] == [name]


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        # a unit's number and the place after it stay in the role
        (
            "Ketua KPPS TPS 07 Sipoholon, Marudut Sihombing, hadir.",
            "Marudut Sihombing",
            "Ketua KPPS TPS 07 Sipoholon",
        ),
        (
            "Kepala SMKN 1 Cangkringan Wahyuni Lestari hadir.",
            "Wahyuni Lestari",
            "Kepala SMKN 1 Cangkringan",
        ),
        # a region before a word that closes an organisation's name is that name's
        (
            "Direktur Sultra Democracy Watch Hasrul Nadir hadir.",
            "Hasrul Nadir",
            "Direktur Sultra Democracy Watch",
        ),
        # a role before the name in commas is written with its regions in full, as others are
        (
            "Kepala Satpol PP Kukar, Rahmad Yani, hadir.",
            "Rahmad Yani",
            "Kepala Satpol PP Kutai Kartanegara",
        ),
        # a corps in brackets after a rank is the rank's
        (
            "Dandim 1614 Dompu Letnan Kolonel (Inf) Sudirman Halim hadir.",
            "Sudirman Halim",
            "Dandim 1614 Dompu",
        ),
    ],
)
def test_the_role_keeps_its_units_and_organisations(text: str, name: str, role: str) -> None:
    assert [(m.name, m.role) for m in find_people(text)] == [(name, role)]


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        # a title that names a unit inside the role ("Sekretariat Presiden") is no name's start
        (
            "kata Kepala Sekretariat Presiden Wahyu Adi Nugroho.",
            "Wahyu Adi Nugroho",
            "Kepala Sekretariat Presiden",
        ),
        # a department joined by "dan" and its acronym, then the name
        (
            "kata Sekretaris Kementerian Koperasi dan UKM Damar Panuntun.",
            "Damar Panuntun",
            "Sekretaris Kementerian Koperasi dan UKM",
        ),
        # a source's note in brackets after the name
        ("kata Bupati Sikka Yosef Dua (Flores Pos, 3/5/2024).", "Yosef Dua", "Bupati Sikka"),
    ],
)
def test_the_name_after_a_role_that_holds_a_unit(text: str, name: str, role: str) -> None:
    assert [(m.name, m.role) for m in find_people(text)] == [(name, role)]


@pytest.mark.parametrize(
    "text", ["Kepala Organisasi Perangkat Daerah (OPD) hadir.", "kata Kordiv Data dan Informasi."]
)
def test_a_role_with_its_short_form_or_a_joined_department_names_no_one(text: str) -> None:
    assert [m.name for m in find_people(text)] == [None]


def test_a_kecamatan_of_two_words_after_a_role_is_the_role_s_place() -> None:
    found = find_people("Kepala KUA Tanah Abang yang menjabat sekarang berinisial M.")
    assert [m.name for m in found if m.name] == []
    (m,) = find_people("Ketua KPU Bambang mengatakan tahapan berjalan.")
    assert m.name == "Bambang"  # a one-word kecamatan's name can be a person's


def test_pusat_ends_an_organisation_in_a_role() -> None:
    (m,) = [
        m
        for m in find_people(
            "Ketua Bidang Advokasi Masyarakat Transportasi Indonesia Pusat Djoko Setijowarno menilai."
        )
        if m.name
    ]
    assert (m.name, m.role) == (
        "Djoko Setijowarno",
        "Ketua Bidang Advokasi Masyarakat Transportasi Indonesia Pusat",
    )


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        (
            "Kasat Reskrim Polres Lerengsari Iwan Setiadi membenarkan laporan itu.",
            "Iwan Setiadi",
            "Kasat Reskrim Polres Lerengsari",
        ),
        (
            "Kepala Seksi Pidana Umum Kejari Lerengsari Dewi Anggraini hadir.",
            "Dewi Anggraini",
            "Kepala Seksi Pidana Umum Kejari Lerengsari",
        ),
    ],
)
def test_the_word_after_a_territorial_unit_is_its_territory(
    text: str, name: str, role: str
) -> None:
    """An unknown place after "Polres" or "Kejari" stays in the role: no name opens with it."""
    assert people(text) == [(name, role)]


def test_a_territorial_unit_and_its_territory_alone_are_a_bare_role() -> None:
    assert people("Kasat Intelkam Polres Lerengsari membenarkan laporan itu.") == [
        (None, "Kasat Intelkam Polres Lerengsari")
    ]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Kabag Ops Polres Bantul Kompol Hari Susanto menambahkan hal itu.", "Hari Susanto"),
        ("Bupati Hari Santoso meninjau gudang logistik.", "Hari Santoso"),
    ],
)
def test_a_calendar_word_opens_a_name_right_after_a_title_or_rank(text: str, name: str) -> None:
    assert [m.name for m in find_people(text)] == [name]


def test_a_calendar_word_after_a_title_with_no_name_word_after_it_is_none() -> None:
    assert people("Bupati Sleman hadir pada Hari Senin.") == [(None, "Bupati Sleman")]
    assert people("Bupati Hari Senin hadir.") == [(None, "Bupati")]


def test_the_parts_of_a_role_listed_in_commas_are_no_person() -> None:
    """ "Divisi Perencanaan, Data dan Informasi, Sri …": "Data" is a part of the division."""
    text = (
        "Anggota KPU Sleman Divisi Perencanaan, Data dan Informasi, Sri Wahyuni, menambahkan "
        "bahwa pelipatan diawasi."
    )
    assert "Data" not in [m.name for m in find_people(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a noun of an office's field (pe-…-an, ke-…-an) is no name's word
        (
            "Juru Bicara Tim Pemenangan Dimas Wicaksono mengatakan hal itu.",
            [("Dimas Wicaksono", "Juru Bicara Tim Pemenangan")],
        ),
        (
            "Kepala Desa Penusupan Guntur Wibisono mengatakan hal itu.",
            [("Guntur Wibisono", "Kepala Desa Penusupan")],
        ),
        (
            "Direktur Utama Pusat Pengelolaan Dana Pembiayaan hadir.",
            [(None, "Direktur Utama Pusat Pengelolaan Dana Pembiayaan")],
        ),
        # an organisation's acronym inside the run ends the role
        (
            "Ketua Tim Peneliti GeNose UGM Kuwat Triyana menjelaskan cara kerjanya.",
            [("Kuwat Triyana", "Ketua Tim Peneliti GeNose UGM")],
        ),
        # an office's fields listed in commas hold no name
        (
            "Menteri Koordinator Bidang Politik, Hukum, dan Keamanan hadir di sana.",
            [(None, "Menteri Koordinator Bidang Politik")],
        ),
        (
            "Kepala Dinas Perindag, Koperasi, UKM Lerengsari hadir di sana.",
            [(None, "Kepala Dinas Perindag")],
        ),
        # the common misspelling of a title is the title
        (
            "Sekertaris Daerah Papua Barat Jacob Fonataba menegaskan hal itu.",
            [("Jacob Fonataba", "Sekertaris Daerah Papua Barat")],
        ),
        (
            "Jurubicara Jaringan 98 Ricky Tamba menanggapi pernyataan itu.",
            [("Ricky Tamba", "Jurubicara Jaringan 98")],
        ),
        # a pastor's honorific, with or without its dot, is no part of the name
        ("Pdt. Petrus Imoliana memimpin doa.", [("Petrus Imoliana", None)]),
    ],
)
def test_words_of_an_office_and_titles_as_regional_outlets_write_them(
    text: str, expected: list[tuple[str | None, str | None]]
) -> None:
    assert people(text) == expected


@given(st.text(alphabet="pengkyanm19٣é'-", max_size=14))
@settings(max_examples=500)
def test_name_words_are_ruled_out_by_what_their_patterns_need(word: str) -> None:
    # name_run tries NOMINAL only on a word ending in "an", DIGIT only on one not all letters
    if word[-2:] != "an":
        assert NOMINAL.fullmatch(word) is None
    if word.isalpha():
        assert DIGIT.search(word) is None
