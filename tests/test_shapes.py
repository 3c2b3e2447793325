"""Shapes of real articles that the seed articles do not show, each parsed end to end.

Every text here is invented; each test names the shape it covers.
"""

from __future__ import annotations

from pilkada.models import Article
from pilkada.pipeline import parse

TITLE = "Bawaslu Kota Sampang Awasi Distribusi Logistik Pemilihan Serentak"
LEDE = (
    "SAMPANG, Warta Madura – Ketua Bawaslu Kota Sampang Rahmat Hidayat memastikan distribusi "
    "logistik pemilihan kepala daerah berjalan sesuai jadwal di semua kecamatan, Senin (18/11/2024)."
)
MIDDLE = (
    "Menurut dia, petugas pengawas telah ditempatkan di setiap gudang logistik sejak pekan lalu "
    "untuk memastikan tidak ada surat suara yang rusak atau hilang."
)
QUOTE = "“Kami mengawasi setiap tahap distribusi sampai ke tempat pemungutan suara,” kata Rahmat."


def article(*lines: str) -> Article:
    return parse("\n\n".join(lines))


def removed(a: Article, line: str) -> str | None:
    return next((r.reason for r in a.removed if r.line == line), None)


def test_syndication_block_and_app_links_are_chrome() -> None:
    footer = [
        'Artikel ini telah tayang di Warta.com dengan judul "Bawaslu Awasi Logistik", Klik: x',
        "Download aplikasi Warta.com untuk akses berita lebih mudah dan cepat:",
        "Android: https://contoh.id/a",
    ]
    a = article(TITLE, LEDE, MIDDLE, QUOTE, *footer)
    assert a.paragraphs == [LEDE, MIDDLE, QUOTE]
    assert removed(a, footer[0]) == "syndication"


def test_advertisement_lines_between_paragraphs_are_chrome() -> None:
    a = article(TITLE, LEDE, "ADVERTISEMENT", "SCROLL TO CONTINUE WITH CONTENT", MIDDLE, QUOTE)
    assert a.paragraphs == [LEDE, MIDDLE, QUOTE]
    assert removed(a, "ADVERTISEMENT") == removed(a, "SCROLL TO CONTINUE WITH CONTENT")


def test_tag_lines_and_source_lines_are_chrome() -> None:
    a = article(TITLE, LEDE, MIDDLE, QUOTE, "Sumber: Humas Bawaslu", "Tags: Pilkada, Bawaslu")
    assert a.paragraphs == [LEDE, MIDDLE, QUOTE]
    assert removed(a, "Tags: Pilkada, Bawaslu") == "tag list"
    assert removed(a, "Sumber: Humas Bawaslu") == "syndication"


def test_a_menu_of_section_names_before_the_title() -> None:
    a = article("Beranda", "Politik", "Hukum", "Daerah", TITLE, LEDE, MIDDLE, QUOTE)
    assert a.title == TITLE
    assert [removed(a, m) for m in ("Beranda", "Politik", "Hukum")] == ["menu"] * 3


def test_a_crosshead_inside_the_body_stays_body() -> None:
    a = article(TITLE, LEDE, "Gudang Dijaga Bergantian", MIDDLE, QUOTE)
    assert a.paragraphs == [LEDE, "Gudang Dijaga Bergantian", MIDDLE, QUOTE]


def test_reporter_line_and_lower_case_initials_are_authors() -> None:
    a = article(TITLE, LEDE, MIDDLE, QUOTE + " (tet)", "Reporter : Siti Aminah")
    assert a.authors == ["Siti Aminah", "tet"]


def test_desk_tags_are_not_authors() -> None:
    for tag in ("(Rel)", "(*)", "(adv/humas)"):
        a = article(TITLE, LEDE, MIDDLE, f"{QUOTE} {tag}")
        assert a.authors == [], tag
    a = article(TITLE, LEDE, MIDDLE, QUOTE, "*Red")
    assert a.authors == [] and a.paragraphs == [LEDE, MIDDLE, QUOTE]


def test_two_digit_year_and_a_date_without_a_year() -> None:
    two = article(TITLE, LEDE.replace("(18/11/2024)", "(18/11/24)"), MIDDLE)
    assert str(two.published) == "2024-11-18"
    none = article(TITLE, LEDE.replace("(18/11/2024)", "(18/11)"), MIDDLE)
    assert none.published is None
    assert none.published_confidence.why == "only dates without a year"


def test_a_quote_spanning_two_paragraphs_takes_the_closing_attribution() -> None:
    first = "“Semua gudang sudah kami periksa satu per satu bersama petugas kepolisian setempat."
    second = "“Hasilnya, tidak ada surat suara yang rusak,” ujar Rahmat."
    a = article(TITLE, LEDE, first, second)
    assert [q.speaker for q in a.quotes] == ["Rahmat Hidayat", "Rahmat Hidayat"]
    assert a.quotes[0].text == first[1:]


def test_a_quote_never_closed_is_still_a_quote() -> None:
    open_quote = (
        "Rahmat menambahkan, “pengawasan akan diteruskan sampai rekapitulasi selesai di kota"
    )
    a = article(TITLE, LEDE, open_quote)
    (q,) = a.quotes
    assert q.text.startswith("pengawasan akan") and q.speaker == "Rahmat Hidayat"


def test_attribution_after_a_full_stop() -> None:
    a = article(TITLE, LEDE, "“Kami tidak akan lengah sedikit pun.” Ucapnya.")
    (q,) = a.quotes
    assert (q.text, q.speaker, q.cue) == (
        "Kami tidak akan lengah sedikit pun.",
        "Rahmat Hidayat",
        "Ucapnya",
    )


def test_role_only_attribution_is_resolved_to_the_person_named_later() -> None:
    a = article(
        TITLE,
        "SAMPANG, Warta Madura – Pengawasan logistik pemilihan di Kota Sampang diperketat sejak pekan"
        " lalu oleh jajaran pengawas di semua kecamatan.",
        "“Tidak ada toleransi untuk pelanggaran,” tegas Ketua Bawaslu Kota Sampang.",
        "Ketua Bawaslu Kota Sampang Rahmat Hidayat juga meminta warga ikut mengawasi tahapan.",
    )
    (q,) = a.quotes
    assert (q.speaker, q.role) == ("Rahmat Hidayat", "Ketua Bawaslu Kota Sampang")


def test_reported_speech_without_quote_marks_is_not_a_quote() -> None:
    a = article(
        TITLE, LEDE, "Rahmat mengatakan pengawasan akan terus dilakukan hingga tahap akhir."
    )
    assert a.quotes == []


def test_channel_prompts_and_pagination_are_chrome() -> None:
    prompts = [
        "Simak berita dan artikel lainnya di Google News",
        "Ikuti update informasi terkini melalui channel WhatsApp kami",
        "Halaman 2 dari 3",
        "Halaman selanjutnya »",
        "Bagikan artikel ini",
    ]
    a = article(TITLE, LEDE, MIDDLE, prompts[0], QUOTE, *prompts[1:])
    assert a.paragraphs == [LEDE, MIDDLE, QUOTE]
    assert removed(a, "Halaman 2 dari 3") == "pagination"
    assert removed(a, prompts[0]) == "site prompt"


# --- shapes found by the generated corpus (benchmarks/check.py) ---------------------------------


def test_a_speaker_introduced_with_selaku_is_registered_with_the_role() -> None:
    a = article(
        TITLE,
        LEDE,
        "Sementara itu, Utari Ledang selaku Wakil Bupati Sumbawa menyampaikan dukungan penuh.",
        "“Kami siap membantu penyelenggara di semua kecamatan,” kata dia.",
    )
    assert (a.quotes[0].speaker, a.quotes[0].role) == ("Utari Ledang", "Wakil Bupati Sumbawa")


def test_the_kecamatan_after_camat_belongs_to_the_role() -> None:
    a = article(
        TITLE,
        LEDE,
        "Camat Lebong Tengah Warsa Pinandita meninjau gudang logistik di kantor kecamatan.",
        "“Semua kotak suara sudah kami hitung ulang,” tukas Warsa.",
    )
    assert (a.quotes[0].speaker, a.quotes[0].role) == ("Warsa Pinandita", "Camat Lebong Tengah")


def test_a_degree_before_the_speech_verb_is_not_the_speaker() -> None:
    a = article(
        TITLE,
        LEDE,
        "Kepala Badan Kesbangpol Kota Sampang Dr. Maryono Lestaluhu, S.STP menegaskan, “Kami "
        "mengajak warga menjaga suasana tetap kondusif.”",
    )
    assert a.quotes[0].speaker == "Maryono Lestaluhu"


def test_a_pronoun_after_a_passive_agent_refers_to_the_agent() -> None:
    a = article(
        TITLE,
        "SAMPANG, Warta Madura – Apel siaga pengamanan pemilihan digelar di halaman markas pada "
        "Senin (18/11/2024) pagi dengan ratusan personel gabungan.",
        "Apel dipimpin langsung oleh Kapolres Sampang AKBP Hadrianus Tiyel.",
        "“Personel kami siaga penuh sampai rekapitulasi selesai,” jelasnya.",
    )
    assert a.quotes[0].speaker == "Hadrianus Tiyel"


def test_a_reduplicated_place_is_one_word_in_datelines_and_roles() -> None:
    lede = (
        "TOLI-TOLI, kabartoli.com – Bupati Toli-Toli Amran Lasapa meminta warga datang ke TPS "
        "pada hari pemungutan suara, Senin (18/11/2024)."
    )
    a = article(TITLE, lede, "“Gunakan hak pilih dengan bijak,” ujar Amran.")
    assert (a.dateline, a.outlet) == ("TOLI-TOLI", "kabartoli.com")
    assert a.quotes[0].speaker == "Amran Lasapa"


def test_a_day_name_with_a_curly_apostrophe_is_not_a_speaker() -> None:
    a = article(
        TITLE,
        LEDE,
        "“Kami siap,” ucap Pjs Bupati Sampang Rahman Mirad, Jum’at, (26/07/2024).",
    )
    assert a.quotes[0].speaker == "Rahman Mirad"


def test_a_scheduled_date_is_not_the_publication_date() -> None:
    a = article(
        TITLE,
        LEDE.replace("Senin (18/11/2024)", "Selasa (18/7)"),
        "Pemungutan suara dijadwalkan pada Rabu, 27 November 2024 di seluruh kecamatan.",
    )
    assert a.published is None


def test_the_outlet_from_a_copyright_footer_or_a_site_name_at_the_foot() -> None:
    lede = LEDE.replace("SAMPANG, Warta Madura –", "SAMPANG –")
    for footer, outlet in (
        ("Copyright © 2024 RADAR SAMPANG. All rights reserved.", "RADAR SAMPANG"),
        ("© 2023 Kabar Madura. Hak cipta dilindungi undang-undang", "Kabar Madura"),
        ("radarsampang.com", "radarsampang.com"),
    ):
        assert article(TITLE, lede, MIDDLE, footer).outlet == outlet, footer


# --- conventions of national and regional portals -------------------------------------------------


def test_photo_captions_with_their_credit_are_chrome_before_the_lede() -> None:
    for caption in (
        "Petugas mencopot alat peraga kampanye di jalan protokol. Foto: Ratna Dewi/detikJatim",
        "Kapolda memimpin apel gelar pasukan pengamanan pilkada. (Liputan6.com/Fauzan Hakim)",
        "Ketua KPU saat rapat pleno penetapan DPT, Jumat (20/9/2024). ANTARA/Dedi Kurniawan",
        "Calon gubernur saat kampanye di lapangan kota. ©2024 Merdeka.com/Intan Lestari",
        "RUSAK: Petugas menyortir surat suara di gudang logistik. (AHMAD SYAIFUDIN/RADAR MADURA)",
        "Suasana rapat koordinasi pengamanan pilkada di aula kantor. /Dok. Humas Pemkot Sampang",
    ):
        a = article(TITLE, caption, LEDE, MIDDLE, QUOTE)
        assert a.paragraphs == [LEDE, MIDDLE, QUOTE], caption
        assert removed(a, caption) == "photo caption"
        assert (a.title, a.dateline) == (TITLE, "SAMPANG")


def test_an_end_tag_after_the_last_full_stop_keeps_its_paragraph() -> None:
    for tag in ("(PUT/Humas)", "(adv/diskominfo/sampang)", "(hil/iwd)"):
        a = article(TITLE, LEDE, MIDDLE, f"{QUOTE} {tag}")
        assert a.paragraphs[-1] == f"{QUOTE} {tag}"


def test_a_keyword_caption_right_above_a_lede_with_its_own_source() -> None:
    caption = (
        "PATROLI - Personel gabungan bersiap mengikuti patroli malam pilkada, Senin (25/11/2024)."
    )
    lede = LEDE.replace("SAMPANG, Warta Madura –", "WARTAMADURA.CO, SAMPANG -")
    a = article(TITLE, caption, lede, MIDDLE, QUOTE)
    assert a.paragraphs == [lede, MIDDLE, QUOTE]
    assert (a.dateline, a.outlet) == ("SAMPANG", "WARTAMADURA.CO")


def test_portal_prompts_between_and_after_paragraphs_are_chrome() -> None:
    between = [
        "Pilihan Editor: Survei Terbaru Pilgub Jatim Jelang Pencoblosan",
        "[Gambas:Video 20detik]",
        "Lanjutkan Membaca ↓",
        "Follow Berita Warta Madura di Google News",
        "Kamu Sudah Menonton Video Terbaru Berikut ini?",
        "[ray]",
    ]
    after = [
        "Dilarang keras mengambil konten, melakukan crawling atau pengindeksan otomatis.",
        "Simak breaking news dan berita pilihan kami langsung di ponselmu.",
        "Related",
        'In "Berita"',
        "Like this:",
        "Like Loading...",
    ]
    a = article(TITLE, LEDE, *between, MIDDLE, QUOTE, *after)
    assert a.paragraphs == [LEDE, MIDDLE, QUOTE]
    assert removed(a, "[Gambas:Video 20detik]") == "site prompt"
    assert removed(a, after[0]) == "copyright"


def test_a_browser_title_gives_way_to_the_bare_headline() -> None:
    a = article(f"{TITLE} - Warta Madura", "Warta Madura", TITLE, LEDE, MIDDLE)
    assert a.title == TITLE


def test_credit_forms_of_portals() -> None:
    cases = [
        (["Rep: Siti Aminah/ Red: Bayu Saputra"], ["Siti Aminah"], ["Bayu Saputra"]),
        (["Oleh Rio Pangestu"], ["Rio Pangestu"], []),
        (
            ["Reporter", "Jamal Nasrudin", "Editor", "Sunu Hartono"],
            ["Jamal Nasrudin"],
            ["Sunu Hartono"],
        ),
        (["Laporan Reporter Warta Madura, Hanif Pratama"], ["Hanif Pratama"], []),
    ]
    for lines, authors, editors in cases:
        a = article(TITLE, *lines, LEDE, MIDDLE)
        assert (a.authors, a.editors, a.paragraphs) == (authors, editors, [LEDE, MIDDLE]), lines


def test_a_job_word_after_a_bylined_name_is_not_a_name() -> None:
    assert article(TITLE, "Dimas Ardiansyah, Jurnalis", LEDE, MIDDLE).authors == [
        "Dimas Ardiansyah"
    ]


def test_a_sentence_opening_with_oleh_is_body() -> None:
    line = "Oleh karena itu, warga diminta datang ke TPS lebih pagi pada hari pemungutan suara."
    assert article(TITLE, LEDE, line, MIDDLE).paragraphs == [LEDE, line, MIDDLE]


def test_a_person_named_in_commas_after_a_described_role_is_the_referent() -> None:
    a = article(
        TITLE,
        LEDE,
        "“Kami sudah siap,” kata Rahmat.",
        "Pengamat politik Universitas Trunojoyo, Ratna Kusumawardani, menilai persiapan sudah matang.",
        "“Tinggal menjaga partisipasi warga,” ujarnya.",
    )
    assert [q.speaker for q in a.quotes] == ["Rahmat Hidayat", "Ratna Kusumawardani"]
    assert a.quotes[1].role == "Pengamat politik Universitas Trunojoyo"


def test_jenderal_alone_is_not_a_rank() -> None:
    a = article(
        TITLE,
        LEDE,
        "Laporan itu kini ditelaah Inspektorat Jenderal Kemendagri.",
        "“Kami tunggu hasilnya,” ujarnya.",
    )
    assert a.quotes[0].speaker == "Rahmat Hidayat"


def test_a_command_number_belongs_to_the_role() -> None:
    a = article(
        TITLE,
        LEDE,
        "“Prajurit siap membantu,” kata Pangdam XIV/Hasanuddin Mayjen TNI Andi Rahmat Syarif.",
    )
    assert (a.quotes[0].speaker, a.quotes[0].role) == (
        "Andi Rahmat Syarif",
        "Pangdam XIV/Hasanuddin",
    )


def test_a_name_dash_outlet_byline_gives_author_and_outlet() -> None:
    lede = LEDE.replace("SAMPANG, Warta Madura –", "Sampang -")
    a = article(TITLE, "Hermawan Susilo - detikMadura", lede, MIDDLE)
    assert (a.authors, a.outlet) == (["Hermawan Susilo"], "detikMadura")


def test_an_office_credited_as_writer_is_not_an_author() -> None:
    a = article(TITLE, "Oleh: Humas KPU Sampang", LEDE, MIDDLE)
    assert a.authors == [] and a.paragraphs == [LEDE, MIDDLE]


def test_a_known_outlet_in_the_header_or_at_the_head_of_the_lede() -> None:
    lede = LEDE.replace("SAMPANG, Warta Madura –", "Sampang -")
    assert article("Okezone", "Berita", TITLE, lede, MIDDLE).outlet == "Okezone"
    assert article("detikJatim", TITLE, lede, MIDDLE).outlet == "detikJatim"
    brand = LEDE.replace("SAMPANG, Warta Madura –", "PIKIRAN RAKYAT –")
    a = article(TITLE, brand, MIDDLE)
    assert (a.outlet, a.dateline) == ("PIKIRAN RAKYAT", None)


def test_a_quote_repeated_earlier_in_its_paragraph_keeps_its_own_speaker() -> None:
    said = "kami siap menjaga pilkada tahun ini dengan baik,"
    a = article(
        TITLE,
        LEDE,
        f"Rahmat Hidayat menyampaikan {said} lalu menegaskan, “{said}” kata Rahmat.",
        "“Semua petugas sudah siaga,” ujar Ketua KPU Kota Sampang Yusuf Bura.",
    )
    assert [q.speaker for q in a.quotes] == ["Rahmat Hidayat", "Yusuf Bura"]


def test_an_acronym_closing_a_paragraph_is_not_a_photo_credit() -> None:
    line = "Pengawasan tahapan kampanye dilakukan bersama dengan Komisi Pemilihan Umum (KPU)"
    assert article(TITLE, LEDE, line, MIDDLE).paragraphs == [LEDE, line, MIDDLE]


def test_a_lone_surrogate_does_not_break_the_parse() -> None:
    a = parse(f"{LEDE}\n\ud800")
    assert a.paragraphs == [LEDE]
