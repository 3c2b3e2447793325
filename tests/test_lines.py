"""The line classifier (pilkada.lines, one line on its own; pilkada.layout, the page): what is
chrome, credit, caption, title or body on a page, and why."""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from pilkada import lexicon
from pilkada.layout import Layout, classify
from pilkada.lines import (
    BODY,
    BYLINE,
    BYLINE_OPENINGS,
    CHROME,
    TITLE,
    Credits,
    _photo_credits,
    chrome_reason,
    credit_of,
    is_caption,
    line_verdict,
    word_counts,
    words,
)

# Two invented paragraphs of prose that any test can put chrome around.
LEDE = (
    "LARANTUKA, Warta Tanjung - Komisi Pemilihan Umum Kabupaten Flores Timur menggelar simulasi "
    "pemungutan suara di halaman kantor camat pada Sabtu pagi."
)
PROSE = (
    "Simulasi itu diikuti puluhan warga yang antre di depan bilik suara sambil membawa undangan "
    "dari petugas."
)
CLOSING = (
    "Petugas berharap warga yang sudah ikut simulasi menularkan pengalaman itu kepada tetangga "
    "mereka sebelum hari pemungutan suara."
)
HEADLINE = "KPU Flores Timur Gelar Simulasi Pemungutan Suara di Halaman Kantor Camat"


def layout_of(*lines: str) -> Layout:
    return classify(list(lines))


def verdicts(*lines: str) -> dict[str, tuple[str, str]]:
    """Each line's (kind, reason) after classifying the page made of ``lines``."""
    return {ln.text: (ln.kind, ln.reason) for ln in layout_of(*lines).lines}


# --- chrome, one line on its own ----------------------------------------------------------------

CHROME_LINES = [
    ("Baca Juga: Pasangan Calon Bupati Adu Program di Pasar Inpres", "related link"),
    ("Baca juga: Patroli Masa Tenang Digelar Hingga Dini Hari", "related link"),
    ("Baca Juga:Rekapitulasi Suara Tingkat Kecamatan Dimulai", "related link"),
    ("Bagikan:", "share label"),
    ("Share", "share label"),
    ("Ikuti kami di:", "share label"),
    ("Facebook", "social network"),
    ("WhatsApp", "social network"),
    ("Telegram", "social network"),
    ("Salin Link", "social network"),
    ("Cari", "search box"),
    ("Search for:", "search box"),
    ("Ketik kata kunci lalu tekan enter", "search box"),
    ("Home / Politik / Pilkada", "breadcrumb"),
    ("Beranda » Daerah » Flores Timur", "breadcrumb"),
    ("Download aplikasi Warta Tanjung untuk kabar terkini", "site prompt"),
    ("Android: https://play.google.com/store/apps/details?id=id.wartatanjung", "site prompt"),
    ("iOS: https://apps.apple.com/id/app/warta-tanjung/id100200", "site prompt"),
    ("Lihat Foto", "site prompt"),
    ("ADVERTISEMENT", "site prompt"),
    ("SCROLL TO CONTINUE WITH CONTENT", "site prompt"),
    (
        'Artikel ini telah tayang di Wartatanjung.com dengan judul "Simulasi Pemungutan Suara"',
        "syndication",
    ),
    ("Sumber: Bagian Protokol Setda Flores Timur", "syndication"),
    ("7 Komentar", "comment counter"),
    ("Belum ada komentar", "comment counter"),
    ("Dibaca: 3.418 kali", "view counter"),
    ("512 Views", "view counter"),
    ("By", "byline label"),
    ("Oleh: Redaksi", "byline label"),
    ("Admin", "byline label"),
    ("Tag: pilkada flotim, simulasi, kpu", "tag list"),
    ("Tags:", "tag list"),
    ("in Berita, Daerah, Pilkada", "category list"),
    ("Jumat, 22 November 2024 - 14:05 WITA", "date line"),
    ("Senin, 25 November 2024", "date line"),
    ("22/11/2024 09:40", "date line"),
    ("(ST/Humas)", "credit tag"),
    ("(adv/kominfo)", "credit tag"),
    # whole pages: comment forms, post navigation, tags and share rows written on one line
    ("Tinggalkan Balasan", "comment form"),
    ("Alamat email Anda tidak akan dipublikasikan. Ruas yang wajib ditandai *", "comment form"),
    ("Nama *", "comment form"),
    ("Komentar (3)", "comment form"),
    ("Navigasi pos", "post navigation"),
    ("« Panwaslu Kecamatan Gelar Apel Siaga", "post navigation"),
    ("Tagged pilkada sleman, kpu, logistik", "tag list"),
    ("#PilkadaDamai2024", "tag list"),
    ("TOPIK TERKAIT", "tag list"),
    ("Facebook Twitter WhatsApp Telegram", "social network"),
    ("Share this: Facebook X WhatsApp", "share label"),
    ("12", "counter"),
    ("Scan kode QR untuk unduh aplikasi", "site prompt"),
    ("Breaking News: Ratusan Warga Ikuti Simulasi Coblos", "ticker"),
    ("09:15 KPU Tetapkan Jadwal Debat Putaran Kedua", "ticker"),
    ("Jl. Merdeka No. 5, Wonosari 55812 | Telp. (0274) 391000", "address"),
    ("Headline", "box label"),
    ("Opini", "related heading"),
    # date lines with a label or a source; bylines with the date
    ("Diperbarui 29 Nov 2024, 17:10 WIB", "date line"),
    ("Posted on November 26, 2024", "date line"),
    ("Kabar Selatan - 20/09/2024, 14:05 WIB", "date line"),
    ("2 jam lalu", "date line"),
    ("Tidak ada komentar:", "comment form"),
    ("Posting Lebih Baru Posting Lama Beranda", "post navigation"),
    ("Postingan Populer", "related heading"),
]


@pytest.mark.parametrize(("line", "reason"), CHROME_LINES)
def test_a_chrome_line_is_recognised_with_its_reason(line: str, reason: str) -> None:
    assert chrome_reason(line) == reason


def ends_the_post(line: str, reason: str) -> bool:
    """A blog's comment area or post navigation: nothing after it is the article."""
    return reason == "post navigation" or (reason == "comment form" and len(words(line)) >= 2)


@pytest.mark.parametrize(
    ("line", "reason"), [(ln, r) for ln, r in CHROME_LINES if not ends_the_post(ln, r)]
)
def test_chrome_between_paragraphs_is_removed_with_its_reason(line: str, reason: str) -> None:
    found = verdicts(HEADLINE, LEDE, line, PROSE, CLOSING)
    assert found[line] == (CHROME, reason)
    assert found[PROSE] == (BODY, "")


@pytest.mark.parametrize(
    ("line", "reason"), [(ln, r) for ln, r in CHROME_LINES if ends_the_post(ln, r)]
)
def test_a_comment_area_or_post_navigation_ends_the_article(line: str, reason: str) -> None:
    about = "Jurnalis warga. Menulis tentang Flores Timur, laut, dan orang-orangnya."
    found = verdicts(HEADLINE, LEDE, PROSE, line, "Mengenai Saya", about, CLOSING)
    assert found[line] == (CHROME, reason)
    assert found[PROSE] == (BODY, "")
    assert found[about] == (CHROME, "after the article")
    assert found[CLOSING] == (CHROME, "after the article")


@pytest.mark.parametrize(
    "line",
    [
        "Pasangan calon itu rajin berkampanye lewat Facebook dan WhatsApp setiap malam.",
        "Sumber dana kampanye wajib dilaporkan kepada KPU paling lambat pekan depan.",
        "Bacaan doa bersama membuka rapat pleno terbuka yang digelar di aula kantor camat.",
        "Baca tulis Al-Quran menjadi salah satu syarat bagi calon kepala daerah di provinsi itu.",
    ],
)
def test_prose_that_mentions_a_chrome_word_stays_body(line: str) -> None:
    assert verdicts(HEADLINE, LEDE, line, CLOSING)[line] == (BODY, "")


# --- related headings and the headlines under them ----------------------------------------------


@pytest.mark.parametrize("heading", ["Baca Juga:", "Berita Terkait", "Lihat Juga"])
def test_related_heading_takes_the_headlines_under_it_up_to_the_next_prose(heading: str) -> None:
    first = "Calon Wakil Bupati Sapa Nelayan di Pelabuhan Lama"
    second = "Logistik Pemilu Tiba di Gudang KPU Larantuka"
    found = verdicts(HEADLINE, LEDE, heading, first, second, PROSE, CLOSING)
    assert found[heading][0] == CHROME
    assert found[first] == (CHROME, "related headline")
    assert found[second] == (CHROME, "related headline")
    assert found[PROSE] == (BODY, "")


# --- credit lines -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "credits"),
    [
        ("Penulis : Gregorius Lamaha", [("author", "Gregorius Lamaha")]),
        ("Reporter:Siti Rahmawati", [("author", "Siti Rahmawati")]),
        ("Editor     :   Paulus Kelen", [("editor", "Paulus Kelen")]),
        (
            "Teks/Foto : Maria Ose (Tim Publikasi Setda)",
            [
                ("author", "Maria Ose (Tim Publikasi Setda)"),
                ("photographer", "Maria Ose (Tim Publikasi Setda)"),
            ],
        ),
        (
            "Penulis Gregorius Lamaha | Editor Paulus Kelen",
            [("author", "Gregorius Lamaha"), ("editor", "Paulus Kelen")],
        ),
    ],
)
def test_credit_line_gives_each_credit_with_its_kind(
    line: str, credits: list[tuple[str, str]]
) -> None:
    assert credit_of(line) == credits


def test_credit_line_is_removed_and_keeps_its_credit() -> None:
    line = "Reporter :  Siti Rahmawati"
    layout = layout_of(HEADLINE, LEDE, PROSE, line)
    ln = next(ln for ln in layout.lines if ln.text == line)
    assert (ln.kind, ln.reason, ln.credits) == (
        CHROME,
        "credit line",
        [("author", "Siti Rahmawati")],
    )


def test_a_sentence_that_opens_with_a_credit_word_is_not_a_credit() -> None:
    assert credit_of("Penulis buku sejarah daerah itu hadir dalam debat kandidat semalam.") == []


# --- photo captions -----------------------------------------------------------------------------


def test_caption_with_a_foto_cue_is_removed() -> None:
    caption = "Foto: Petugas KPPS membantu warga lanjut usia memasukkan surat suara ke kotak"
    found = verdicts(HEADLINE, LEDE, caption, PROSE, CLOSING)
    assert found[caption] == (CHROME, "photo caption")


def test_caption_closed_by_a_photographers_name_in_brackets() -> None:
    caption = "Warga antre di depan bilik suara saat simulasi di halaman kantor camat (Yustinus)"
    assert is_caption(caption)
    found = verdicts(HEADLINE, LEDE, caption, PROSE, CLOSING)
    assert found[caption] == (CHROME, "photo caption")


def test_a_sentence_ending_in_a_full_stop_before_a_bracketed_name_is_no_caption() -> None:
    assert not is_caption("Simulasi berlangsung tertib hingga siang hari. (Yustinus)")


@pytest.mark.parametrize(
    ("line", "caption"),
    [
        ("Warga antre di TPS 5. Foto: Humas Pemkab Kukar", True),
        ("Warga antre di TPS 5 (Foto/Ist: Humas Pemkab)", True),
        ("Warga antre di TPS 5. Dokumentasi KPU Kukar", True),
        ("Warga antre di TPS 5 (DOK KPU Kukar)", True),
        ("Warga antre di TPS 5. Photo: Humas Pemkab", True),
        # a credit word inside another word, or in a form no site writes, is no credit
        ("Warga antre di TPS 5 SwaFoto: Humas Pemkab", False),
        ("Warga antre di TPS 5 FOTO/Ist: Humas Pemkab", False),
        ("Warga antre di TPS 5. DOKumentasi KPU Kukar", False),
        ("Warga antre di TPS 5 KeDok KPU Kukar", False),
    ],
)
def test_photo_credit_words_end_a_caption_only_as_whole_words(line: str, caption: bool) -> None:
    assert is_caption(line) is caption


# --- repeated lines, menus and the title --------------------------------------------------------


def test_a_short_line_repeated_on_the_page_is_chrome() -> None:
    found = verdicts("Pilkada Flotim", HEADLINE, LEDE, PROSE, "Pilkada Flotim", CLOSING)
    assert found["Pilkada Flotim"] == (CHROME, "repeated line")
    assert found[PROSE] == (BODY, "")


def test_menu_lines_before_the_title_are_chrome() -> None:
    layout = layout_of("Politik", "Ekonomi", "Olahraga", HEADLINE, LEDE, PROSE)
    kinds = {ln.text: (ln.kind, ln.reason) for ln in layout.lines}
    assert kinds["Politik"] == (CHROME, "menu")
    assert kinds["Olahraga"] == (CHROME, "menu")
    assert kinds[HEADLINE] == (TITLE, "headline")


def test_title_is_the_fullest_headline_like_line_before_the_lede() -> None:
    layout = layout_of("Pilkada Serentak", HEADLINE, "Warta Daerah", LEDE, PROSE)
    assert layout.title is not None
    assert layout.lines[layout.title].text == HEADLINE
    assert layout.lines[layout.lede or 0].text == LEDE


def test_no_title_when_the_text_opens_with_its_lede() -> None:
    layout = layout_of(LEDE, PROSE, CLOSING)
    assert layout.title is None
    assert layout.lede == 0
    assert all(ln.kind == BODY for ln in layout.lines)


def test_bare_names_after_the_title_are_a_byline() -> None:
    layout = layout_of(HEADLINE, "Yohanes Kia | Rosalia Tukan", LEDE, PROSE)
    byline = layout.lines[1]
    assert (byline.kind, byline.reason) == (CHROME, "byline")
    assert byline.credits == [("author", "Yohanes Kia | Rosalia Tukan")]


# --- the footer and the body between --------------------------------------------------------------


def test_headlines_after_the_last_prose_line_are_the_footer() -> None:
    others = [
        "Bawaslu Sisir Alat Peraga Kampanye di Jalan Protokol",
        "Debat Kedua Digelar Pekan Depan",
    ]
    found = verdicts(HEADLINE, LEDE, PROSE, CLOSING, *others)
    for line in others:
        assert found[line] == (CHROME, "after the article")
    assert found[CLOSING] == (BODY, "")


def test_a_crosshead_in_the_middle_of_the_body_stays_body() -> None:
    crosshead = "Warga Lanjut Usia Didampingi"
    found = verdicts(HEADLINE, LEDE, PROSE, crosshead, CLOSING)
    assert found[crosshead] == (BODY, "")


def test_the_lede_is_the_first_prose_line() -> None:
    layout = layout_of("Home / Berita", HEADLINE, "Bagikan:", LEDE, PROSE)
    assert layout.lede is not None
    assert layout.lines[layout.lede].text == LEDE


# --- the lexicons -------------------------------------------------------------------------------


@pytest.mark.parametrize("name", lexicon.names())
def test_lexicon_loads_with_no_empty_or_duplicate_entries(name: str) -> None:
    entries = lexicon.entries(name)
    assert entries, f"{name} is empty"
    assert all(e.strip() for e in entries)
    duplicates = sorted({e for e in entries if entries.count(e) > 1})
    assert duplicates == [], f"{name} repeats {duplicates}"
    if name not in lexicon.PATTERN_FILES and all("=" in e for e in entries):
        pairs = lexicon.mapping(name)
        assert len(pairs) == len(entries), f"{name} repeats a key"
        assert all(k and v for k, v in pairs.items())


@pytest.mark.parametrize("name", sorted(lexicon.PATTERN_FILES))
def test_every_pattern_has_a_kind_and_compiles(name: str) -> None:
    for kind, pattern in lexicon.patterns(name):
        assert kind and pattern
        re.compile(pattern, re.IGNORECASE)


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Harga Cabai Naik Jelang Natal • Jembatan Gantung Putus Diterjang Banjir", "ticker"),
        ("Oleh Rina Kartika pada 29 Nov 2024, 16:45 WIB", "byline"),
        ("Posted on December 2, 2024 by Budi Prasetyo", "byline"),
        ("Sekar Ayuningtyas | WartaSelatan.com", "byline"),
        (
            "Banjir merendam TPS di Desa Sukamaju (27/11/2024). WARTA SELATAN/Agus Salim",
            "photo caption",
        ),
        # a blog's post footer; a name and the date under the headline, not a site's name
        ("Diposting oleh Yohanes Kia di 19.45", "byline"),
        ("Posted by Yohanes Kia at 7:45 PM", "byline"),
        ("Rosalia Tukan | 25/11/2024 10:40 WITA", "byline"),
        ("Rosalia Tukan, Jurnalis · Senin, 02 Desember 2024 - 14:15 WIB", "byline"),
        ("Warta Tanjung | 25/11/2024 10:40 WITA", "date line"),
        ("Warta Tanjung · 25/11/2024", "date line"),
        # a video player's labels, a blog's archive and profile box, a magazine's paywall
        ("Video Player is loading.", "video player"),
        ("Play Video", "video player"),
        ("0:00 / 3:12", "video player"),
        ("Video Pilihan Hari Ini", "related heading"),
        ("► Oktober (9)", "archive"),
        ("▼ 2024 (46)", "archive"),
        ("Mengenai Saya", "profile"),
        ("Lihat profil lengkapku", "profile"),
        ("Edisi 2 Desember 2024: Di Balik Sunyi Bilik Suara", "magazine edition"),
        ("Berlangganan mulai Rp 35.000 per bulan", "paywall"),
        ("Sudah berlangganan? Masuk", "paywall"),
        ("Dapatkan notifikasi berita terkini langsung di ponsel Anda.", "site prompt"),
        ("Kirimkan Ini lewat EmailBlogThis!Berbagi ke XBerbagi ke Facebook", "share label"),
        ("Label: Bawaslu Flores Timur, Pilkada 2024", "tag list"),
        # a theme's skip link, a cookie banner, the press council's verification
        ("Skip to content", "skip link"),
        ("Langsung ke konten", "skip link"),
        (
            "Situs ini menggunakan cookie untuk memberi Anda pengalaman terbaik. Dengan "
            "melanjutkan, Anda menyetujui penggunaannya.",
            "cookie notice",
        ),
        ("We use cookies to improve your experience on our website.", "cookie notice"),
        (
            "Telah terverifikasi Dewan Pers dengan nomor sertifikat 1234/DP/K/XII/2022",
            "press council",
        ),
        ("Media ini telah terverifikasi oleh Dewan Pers.", "press council"),
    ],
)
def test_a_line_of_a_whole_page_is_judged_on_its_own(line: str, reason: str) -> None:
    assert line_verdict(line)[0] == reason


@pytest.mark.parametrize(
    ("line", "credits"),
    [
        ("Diposting oleh Yohanes Kia di 19.45", (("author", "Yohanes Kia"),)),
        ("Diposting oleh Admin di 19.45", ()),
        ("Rosalia Tukan | 25/11/2024 10:40 WITA", (("author", "Rosalia Tukan"),)),
        ("Written by Rosalia Tukan", (("author", "Rosalia Tukan"),)),
        (
            "Reporter: Rosalia Tukan | Kamerawan: Yohanes Kia",
            (("author", "Rosalia Tukan"), ("photographer", "Yohanes Kia")),
        ),
        (
            "Teks: Rosalia Tukan | Foto: Yohanes Kia",
            (("author", "Rosalia Tukan"), ("photographer", "Yohanes Kia")),
        ),
    ],
)
def test_the_credits_of_a_byline_or_credit_line(line: str, credits: Credits) -> None:
    assert line_verdict(line)[1] == credits


def test_a_section_named_after_a_credit_noun_credits_no_one() -> None:
    assert credit_of("Video Pilihan Hari Ini") == []


# --- the shapes of whole pages: captions, lists of other stories, blogs, magazines ----------------


def test_a_caption_over_its_photo_credit_is_no_lede() -> None:
    caption = "Ketua KPU Flores Timur memimpin simulasi pemungutan suara di Larantuka."
    credit = "Foto: Warta Tanjung/Yohanes Kia"
    layout = layout_of(HEADLINE, caption, credit, LEDE, PROSE)
    found = {ln.text: (ln.kind, ln.reason) for ln in layout.lines}
    assert found[caption] == (CHROME, "photo caption")
    assert layout.lede is not None and layout.lines[layout.lede].text == LEDE


def test_a_paragraph_over_a_photo_credit_in_the_body_stays_body() -> None:
    short = "Warga antre di depan bilik suara sejak pagi hari."
    found = verdicts(HEADLINE, LEDE, short, "Foto: Warta Tanjung/Yohanes Kia", PROSE, CLOSING)
    assert found[short] == (BODY, "")


def test_a_headline_over_a_photo_credit_stays_the_headline() -> None:
    layout = layout_of(HEADLINE, "Foto: Warta Tanjung/Yohanes Kia", LEDE, PROSE)
    assert layout.title is not None and layout.lines[layout.title].text == HEADLINE


def test_a_related_headline_the_page_repeats_keeps_the_box_open() -> None:
    again = "Calon Wakil Bupati Sapa Nelayan di Pelabuhan Lama"
    other = "Logistik Pemilu Tiba di Gudang KPU Larantuka"
    found = verdicts(HEADLINE, LEDE, "Baca Juga", again, other, PROSE, CLOSING, "Terkait", again)
    assert found[other] == (CHROME, "related headline")
    assert found[PROSE] == (BODY, "")


def test_cards_of_other_stories_under_their_channels_names_are_chrome() -> None:
    cards = [
        "Berita Terkait",
        "WartaNEWS",
        "Logistik Pemilu Tiba di Gudang KPU Larantuka",
        "Kotak suara untuk desa-desa di Pulau Solor diangkut dengan perahu motor.",
        "2 jam lalu",
        "Warta Flotim",
        "Calon Wakil Bupati Sapa Nelayan di Pelabuhan Lama",
        "Nelayan meminta harga solar di pelabuhan diturunkan sebelum musim barat.",
        "5 jam lalu",
        "Warta Flotim",
        "Harga Ikan Tongkol di Pasar Inpres Naik Jelang Libur",
        "Pedagang menyebut pasokan dari Pulau Adonara tersendat karena cuaca buruk.",
        "1 hari lalu",
    ]
    found = verdicts(HEADLINE, LEDE, PROSE, CLOSING, *cards)
    assert found[CLOSING] == (BODY, "")
    assert all(found[line][0] == CHROME for line in cards)


def test_one_story_under_a_lists_heading_with_its_date_is_chrome() -> None:
    story = [
        "Pilihan Redaksi",
        "Menakar Netralitas Penjabat di Tahun Politik",
        "Minggu, 3 Nov 2024 18:00 WIB",
        "Ratusan penjabat kepala daerah memimpin wilayah yang menggelar pilkada tahun ini.",
        "Download aplikasi Warta Tanjung",
    ]
    found = verdicts(HEADLINE, LEDE, PROSE, CLOSING, *story)
    assert found[story[3]] == (CHROME, "teaser")
    assert found[CLOSING] == (BODY, "")


@pytest.mark.parametrize("dated", [(), ("Senin, 25 November 2024",)])
def test_one_headline_under_baca_juga_does_not_take_the_next_paragraph(
    dated: tuple[str, ...],
) -> None:
    short = "Ia menambahkan, petugas juga akan memeriksa ulang setiap kotak suara."
    box = ("Baca Juga", "Bawaslu Petakan TPS Rawan", *dated)
    found = verdicts(HEADLINE, LEDE, *box, short, CLOSING)
    assert found[short] == (BODY, "")


def test_a_magazines_edition_box_after_the_article_is_chrome() -> None:
    teaser = "Partisipasi pemilih di Larantuka anjlok. Siapa yang diuntungkan dari TPS yang sepi?"
    box = [
        "Majalah Tanjung",
        "Edisi 2 Desember 2024: Di Balik Sunyi Bilik Suara",
        teaser,
        "Berlangganan mulai Rp 35.000 per bulan",
        "Sudah berlangganan? Masuk",
    ]
    found = verdicts(HEADLINE, LEDE, PROSE, CLOSING, *box)
    assert found[teaser] == (CHROME, "teaser")
    assert found["Majalah Tanjung"] == (CHROME, "after the article")
    assert found[CLOSING] == (BODY, "")


def test_a_menu_entry_that_opens_with_a_credit_noun_credits_no_one() -> None:
    assert credit_of("Laporan Keuangan") == []
    assert credit_of("Video") == []
    assert credit_of("Laporan: Yohanes Ndapa") == [("author", "Yohanes Ndapa")]
    assert credit_of("Laporan Wartawan Sabana, Yohanes Ndapa") != []


def kinds(text: str) -> list[tuple[str, str, str]]:
    layout = classify(text.split("\n"))
    return [(ln.kind, ln.reason, ln.text) for ln in layout.lines]


PAGE_LEDE = (
    "KABAR SELATAN, WONOSARI -- Komisi Pemilihan Umum Kabupaten Gunungkidul mulai melipat surat "
    "suara pemilihan bupati di gudang logistik, Senin (4/11/2024), dengan melibatkan 200 warga."
)
PAGE_SECOND = (
    "Ketua KPU Gunungkidul Asih Widayati mengatakan pelipatan ditargetkan selesai dalam empat "
    "hari kerja agar distribusi ke kecamatan dapat dimulai pekan depan."
)


def test_a_list_of_other_stories_with_dates_and_teasers_is_chrome() -> None:
    listing = [
        "Berita Terkait",
        "Bawaslu Gunungkidul Awasi Pelipatan Surat Suara",
        "Minggu, 3 Nov 2024 10:15 WIB",
        "Pengawas memastikan tidak ada surat suara rusak yang ikut terlipat.",
        "Relawan Demokrasi Sosialisasi di Pasar Argosari",
        "Sabtu, 2 Nov 2024 08:40 WIB",
        "Warga diajak datang ke TPS dan tidak golput pada hari pemungutan suara.",
    ]
    found = kinds(
        "\n".join(["Judul Pelipatan Surat Suara di Gunungkidul", PAGE_LEDE, PAGE_SECOND, *listing])
    )
    reasons = {text: (kind, reason) for kind, reason, text in found}
    assert reasons[PAGE_SECOND] == ("body", "")
    assert reasons[listing[3]] == ("chrome", "teaser")
    assert reasons[listing[6]][0] == "chrome"


def test_a_baca_juga_box_does_not_take_the_next_short_paragraph() -> None:
    short = "Ia menambahkan, petugas juga akan memeriksa ulang setiap kotak suara."
    box = ["Baca Juga", "KPU Sleman Gelar Simulasi Pemungutan Suara", "Bawaslu Petakan TPS Rawan"]
    found = kinds("\n".join(["Judul Pelipatan Surat Suara di Gunungkidul", PAGE_LEDE, *box, short]))
    assert ("body", "", short) in found


def test_a_deck_under_the_headline_is_no_lede() -> None:
    deck = "Pelipatan melibatkan warga sekitar gudang dan diawasi Bawaslu."
    text = "\n".join(
        [
            "Ratusan Warga Lipat Surat Suara Pilbup Gunungkidul",
            deck,
            "Sekar Ayuningtyas | KabarSelatan.com",
            PAGE_LEDE,
        ]
    )
    found = kinds(text)
    assert ("chrome", "deck", deck) in found
    assert ("body", "", PAGE_LEDE) in found


def test_the_titles_after_a_box_label_are_other_stories() -> None:
    title = "Ratusan Warga Lipat Surat Suara Pilbup Gunungkidul"
    text = "\n".join(
        [
            "Info Terkini",
            "Polres Gunungkidul Gelar Patroli Malam Masa Tenang",
            "Dinas Perhubungan Siapkan Armada Angkut Logistik",
            title,
            "Senin, 4 November 2024 | 10:15 WIB",
            PAGE_LEDE,
        ]
    )
    layout = classify(text.split("\n"))
    assert layout.title == 3


def test_a_run_of_bare_headlines_does_not_take_the_sentence_after_it() -> None:
    short = "Ia menjelaskan, jumlah pemilih tetap di kabupaten itu tercatat 310.000 orang."
    run = [
        "Bawaslu Gunungkidul Bentuk Kampung Pengawas",
        "Warga Playen Antusias Ikuti Kirab Maskot Pilkada",
        "KPU Gunungkidul Gelar Bimbingan Teknis KPPS",
    ]
    found = kinds("\n".join(["Judul Pelipatan Surat Suara di Gunungkidul", PAGE_LEDE, *run, short]))
    assert ("body", "", short) in found
    assert all(("chrome", "other headline", h) in found for h in run)


def test_a_cookie_banner_at_the_foot_of_the_page_keeps_nothing_above_it() -> None:
    footer = [
        "Tentang Kami",
        "Kabar Lain dari Pulau Solor",
        "Situs ini menggunakan cookie untuk memberi Anda pengalaman terbaik. Dengan melanjutkan, "
        "Anda menyetujui penggunaannya.",
    ]
    found = verdicts(HEADLINE, LEDE, PROSE, CLOSING, *footer)
    assert found[CLOSING] == (BODY, "")
    assert all(found[line][0] == CHROME for line in footer)


def test_an_edition_line_inside_the_article_does_not_take_the_next_paragraphs() -> None:
    line = "Edisi Khusus: Pilkada di Pulau-Pulau Flores Timur"
    found = verdicts(HEADLINE, LEDE, line, PROSE, CLOSING)
    assert found[PROSE] == (BODY, "")


def test_readers_comments_under_their_heading_are_no_part_of_the_article() -> None:
    heading = "2 tanggapan untuk “KPU Flores Timur Gelar Simulasi Pemungutan Suara”"
    comment = "Semoga pilkada di Flores Timur berjalan aman dan damai, warga harus datang ke TPS."
    found = verdicts(HEADLINE, LEDE, PROSE, CLOSING, heading, "Yohanes", comment)
    assert found[heading] == (CHROME, "comment form")
    assert found[comment] == (CHROME, "after the article")
    assert found[CLOSING] == (BODY, "")


CAPTION = (
    "Kapolres Lerengsari AKBP Dimas Wicaksono (kiri) bersama Dandim 0899 Lerengsari Letkol Inf "
    "Handoko Susilo (kanan) saat memimpin apel pergeseran pasukan pengamanan TPS."
)


def test_a_caption_written_twice_above_the_lede_is_the_caption() -> None:
    """The image's alternative text and its caption, one under the other, then the lede."""
    found = verdicts(HEADLINE, CAPTION, CAPTION, LEDE, PROSE)
    assert found[CAPTION] == (CHROME, "photo caption")
    assert found[LEDE] == (BODY, "")
    assert layout_of(HEADLINE, CAPTION, CAPTION, LEDE, PROSE).lede == 3


def test_a_paragraph_written_twice_in_the_body_is_kept_once() -> None:
    layout = layout_of(HEADLINE, LEDE, PROSE, PROSE)
    assert [(ln.kind, ln.reason) for ln in layout.lines[2:]] == [
        (BODY, ""),
        (CHROME, "repeated line"),
    ]


def test_the_page_s_tags_on_one_line_split_by_commas_are_a_tag_list() -> None:
    tags = (
        "Polres Lerengsari, Kapolres Lerengsari, AKBP Dimas Wicaksono, Pemkab Lerengsari, "
        "Kabupaten Lerengsari, Polda Jateng, Kapolda Jateng"
    )
    assert line_verdict(tags)[0] == "tag list"
    # a sentence that lists as many places is no tag list
    listing = (
        "Hadir dalam rapat itu Polres Lerengsari, Kodim 0899, Pemkab Lerengsari, KPU, "
        "Bawaslu, Satpol PP dan Dinas Perhubungan."
    )
    assert line_verdict(listing)[0] == ""


def test_a_caption_closed_by_a_slash_and_its_credit_word_is_a_caption() -> None:
    assert is_caption("Warga menuntut netralitas ASN dalam pemungutan suara ulang/Istimewa")


def test_a_headline_written_as_a_sentence_and_shown_twice_is_the_headline() -> None:
    headline = "Bupati Lerengsari berterima kasih pemilihan berjalan baik dan aman"
    layout = layout_of(headline, "Editor: Sigit Kurniawan", headline, "Dalam Negeri", LEDE, PROSE)
    assert layout.title is not None and layout.lines[layout.title].text == headline
    found = verdicts(headline, "Editor: Sigit Kurniawan", headline, "Dalam Negeri", LEDE, PROSE)
    assert found[LEDE] == (BODY, "")
    assert found["Dalam Negeri"][0] == CHROME
    # the section's name under the headline is no writer
    assert all(("author", "Dalam Negeri") not in ln.credits for ln in layout.lines)


def test_a_headline_repeated_with_its_photo_credits_after_slashes_is_a_caption() -> None:
    assert is_caption(f"{HEADLINE} /Subadi/Portal Lerengsari")
    assert not is_caption("Rapat itu membahas pembagian tugas KPPS dan/atau PPS di desa.")


def test_names_written_above_their_credit_labels() -> None:
    """ "Name", "Penulis", "Name", "Editor": each label names the line above it."""
    layout = layout_of(
        HEADLINE, "Dimas Wicaksono", "Penulis", "Ratih Kumalasari", "Editor", "Bagikan", LEDE
    )
    credits = [c for ln in layout.lines for c in ln.credits]
    assert ("author", "Dimas Wicaksono") in credits
    assert ("editor", "Ratih Kumalasari") in credits
    assert ("author", "Ratih Kumalasari") not in credits


def test_a_label_above_its_name_still_names_the_line_below() -> None:
    layout = layout_of(HEADLINE, "Reporter", "Dimas Wicaksono", "Editor", "Ratih Kumalasari", LEDE)
    credits = [c for ln in layout.lines for c in ln.credits]
    assert ("author", "Dimas Wicaksono") in credits
    assert ("editor", "Ratih Kumalasari") in credits


@given(
    st.one_of(
        st.text(max_size=60),
        st.lists(st.sampled_from("aZqB '’‘-–—“”…é1.,?/\n\tÉ\ud800x"), max_size=40).map("".join),
    )
)
@settings(max_examples=500)
@example("Jum’at -x x- '’a a1b Rp13 É-a é’b ‘ab’ --")
def test_word_counts_count_the_words_of_words(text: str) -> None:
    found = words(text)
    assert word_counts(text) == (len(found), sum(w[0].islower() for w in found))


CREDIT_PIECES = st.sampled_from(
    ["Foto", "FOTO", "Photo", "Sumber foto", "Dok", "DOK", "umentasi", "©", "2024", "(", ")", "/",
     ":", ".", " ", "  ", "Ist", "Istimewa", "ilustrasi", "dok. pribadi", "Antara", "ANTARA",
     "Humas", "Liputan6.com", "b", "x"]
)  # fmt: skip


@given(st.lists(CREDIT_PIECES, max_size=14).map("".join))
@settings(max_examples=500)
@example("Warga antre. Foto: Hermawan Susilo/detikJateng")
@example("Petugas menghitung suara (Liputan6.com/Fajar Abrori)")
def test_each_kind_of_credit_ending_is_searched_as_one(text: str) -> None:
    markers, credits, _ = _photo_credits()
    kinds = lexicon.patterns("photo_credits")
    for joined, kind in ((markers, "marker"), (credits, "credit")):
        alone = [re.compile(p) for k, p in kinds if k == kind]
        assert bool(joined.search(text)) == any(p.search(text) for p in alone)


@pytest.mark.parametrize("line", ["Oleh Bayu - 26/11/2024", "BY Admin | 1 jam lalu", "by Ana on 5"])
def test_a_byline_opens_with_one_of_its_openings(line: str) -> None:
    assert BYLINE.match(line) is not None
    assert line[:2].lower() in BYLINE_OPENINGS
