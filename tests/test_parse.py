"""The pipeline on invented raw pages: chrome around an article, and the Article that comes out."""

from __future__ import annotations

import datetime as dt

from pilkada.models import Article
from pilkada.pipeline import parse

# A site page: menu, breadcrumb, headline, byline, date, share buttons, related links, a crosshead,
# credits, tags and other headlines after the article; blank lines between paragraphs.
PAGE = "\n".join(
    [
        "Home / Berita / Pilkada",
        "Politik",
        "Daerah",
        "Olahraga",
        "KPU Sawahlunto Tetapkan Dua Pasangan Calon Wali Kota untuk Pilkada 2024",
        "Rendi Saputra",
        "Kamis, 14 November 2024 - 10:22 WIB",
        "Bagikan:",
        "Facebook",
        "WhatsApp",
        "",
        "SAWAHLUNTO, Warta Lembah – Komisi Pemilihan Umum (KPU) Kota Sawahlunto resmi menetapkan "
        "dua pasangan calon wali kota dalam rapat pleno terbuka, Rabu (13/11/2024).",
        "",
        "Baca Juga: Bawaslu Ingatkan Netralitas Aparatur Desa",
        "",
        "Ketua KPU Kota Sawahlunto, Mardiyanto Halim, mengatakan seluruh berkas kedua pasangan "
        "telah dinyatakan memenuhi syarat.",
        "",
        "“Kedua pasangan sudah lengkap berkasnya dan kami tetapkan hari ini sesuai jadwal "
        "tahapan,” kata Mardiyanto.",
        "",
        "Tahapan Berikutnya",
        "",
        "Ia menambahkan, pengundian nomor urut akan dilaksanakan sehari setelah penetapan di aula "
        "kantor KPU setempat.",
        "",
        "“Kami mengundang semua pihak untuk hadir dan menyaksikan pengundian secara langsung,” "
        "ujarnya.",
        "",
        "Penulis : Rendi Saputra",
        "Editor    :  Wulan Ayuningtyas",
        "Tag: pilkada, sawahlunto, kpu",
        "Berita Terkait",
        "Bawaslu Gelar Patroli Pengawasan Masa Tenang",
        "Debat Publik Kedua Digelar di Gedung Serbaguna",
    ]
)

# A wire story with no headline: a caption first, ad labels inside, initials and a syndication line.
WIRE = "\n".join(
    [
        "Warga antre di depan bilik suara saat simulasi pemungutan suara di Kelurahan Lewoleba "
        "(Yustinus)",
        "Lewoleba, Lembata (ANTARA) - Komisi Pemilihan Umum Kabupaten Lembata memastikan seluruh "
        "logistik pemilihan sudah tiba di gudang kecamatan sepekan sebelum hari pemungutan suara.",
        "ADVERTISEMENT",
        "SCROLL TO CONTINUE WITH CONTENT",
        "Ketua KPU Lembata, Gregorius Lamaha, mengatakan distribusi logistik ke desa-desa di "
        "pesisir dilakukan lebih awal karena cuaca buruk.",
        '"Kami tidak mau ada TPS yang terlambat menerima surat suara karena gelombang tinggi," '
        "kata Gregorius di Lewoleba, Selasa (19/11/2024).",
        "Lihat Foto",
        "Menurut dia, petugas keamanan akan mengawal setiap kapal yang membawa logistik ke "
        "pulau-pulau kecil di sekitar Lembata. (GL)",
        'Artikel ini telah tayang di Lembatapos.com dengan judul "Logistik Pilkada Tiba Lebih '
        'Awal"',
    ]
)

# An outlet-only lede, a byline with its date, a glued related link, tags and a counter.
PORTAL = "\n".join(
    [
        "Beranda » Daerah » Sumba",
        "Debat Kedua Calon Bupati Sumba Barat Daya Bahas Air Bersih dan Jalan Desa",
        "Oleh Martha Lede - Rabu, 6 November 2024 | 21:40 WITA",
        "SUMBANEWS.com - Dua pasangan calon bupati Sumba Barat Daya beradu gagasan soal air "
        "bersih dan jalan desa dalam debat kedua di aula hotel, Rabu malam.",
        "Baca Juga:Bawaslu Temukan Alat Peraga Kampanye di Pohon Peneduh",
        "Calon Bupati Umbu Rihi Djawa berjanji membangun embung di setiap kecamatan dalam dua "
        "tahun pertama.",
        "“Air bersih itu kebutuhan dasar, jadi embung akan kami bangun lebih dulu sebelum proyek "
        "lain,” ujar Umbu.",
        "Tag: debat, sumba barat daya, pilkada 2024",
        "12 Komentar",
    ]
)


def body_lines(raw: str, *kept: str) -> list[str]:
    """The lines of ``raw`` that begin with one of ``kept``, in order: the expected paragraphs."""
    return [ln for ln in raw.splitlines() if ln.startswith(kept)]


# --- end to end ---------------------------------------------------------------------------------


def test_site_page_metadata() -> None:
    a = parse(PAGE)
    assert a.title == "KPU Sawahlunto Tetapkan Dua Pasangan Calon Wali Kota untuk Pilkada 2024"
    assert (a.outlet, a.dateline) == ("Warta Lembah", "SAWAHLUNTO")
    assert a.published == dt.date(2024, 11, 14)
    assert a.published_text == "Kamis, 14 November 2024 - 10:22 WIB"
    assert (a.authors, a.editors) == (["Rendi Saputra"], ["Wulan Ayuningtyas"])


def test_site_page_body_keeps_the_crosshead_and_drops_the_chrome() -> None:
    a = parse(PAGE)
    assert a.paragraphs == body_lines(PAGE, "SAWAHLUNTO", "Ketua KPU", "“", "Tahapan", "Ia ")
    removed = {r.line: r.reason for r in a.removed}
    assert removed["Baca Juga: Bawaslu Ingatkan Netralitas Aparatur Desa"] == "related link"
    assert removed["Editor    :  Wulan Ayuningtyas"] == "credit line"
    assert removed["Tag: pilkada, sawahlunto, kpu"] == "tag list"
    assert "Debat Publik Kedua Digelar di Gedung Serbaguna" in removed


def test_site_page_quotes_and_officials() -> None:
    a = parse(PAGE)
    assert [(q.speaker, q.role, q.paragraph, q.cue) for q in a.quotes] == [
        ("Mardiyanto Halim", "Ketua KPU Kota Sawahlunto", 2, "kata Mardiyanto"),
        ("Mardiyanto Halim", "Ketua KPU Kota Sawahlunto", 5, "ujarnya"),
    ]
    assert a.quotes[1].text == (
        "Kami mengundang semua pihak untuk hadir dan menyaksikan pengundian secara langsung,"
    )
    assert [(p.name, p.role) for p in a.officials] == [
        ("Mardiyanto Halim", "Ketua KPU Kota Sawahlunto")
    ]


def test_wire_story() -> None:
    a = parse(WIRE)
    assert a.title is None
    assert (a.outlet, a.dateline) == ("ANTARA", "Lewoleba, Lembata")
    assert (a.published, a.published_text) == (dt.date(2024, 11, 19), "Selasa (19/11/2024)")
    assert a.authors == ["GL"]
    assert a.paragraphs == body_lines(WIRE, "Lewoleba", "Ketua KPU", '"', "Menurut")
    assert a.captions == [WIRE.splitlines()[0]]
    assert a.photographers == ["Yustinus"]
    assert [(q.speaker, q.cue) for q in a.quotes] == [("Gregorius Lamaha", "kata Gregorius")]
    reasons = {r.reason for r in a.removed}
    assert {"photo caption", "site prompt", "syndication"} <= reasons


def test_portal_story() -> None:
    a = parse(PORTAL)
    assert a.title == "Debat Kedua Calon Bupati Sumba Barat Daya Bahas Air Bersih dan Jalan Desa"
    assert (a.outlet, a.dateline) == ("SUMBANEWS.com", None)
    assert a.published == dt.date(2024, 11, 6)
    assert a.authors == ["Martha Lede"]
    assert a.paragraphs == body_lines(PORTAL, "SUMBANEWS", "Calon Bupati", "“")
    assert [(q.speaker, q.role) for q in a.quotes] == [("Umbu Rihi Djawa", "Calon Bupati")]


def test_inline_credit_line_gives_both_author_and_editor() -> None:
    page = PAGE.replace(
        "Penulis : Rendi Saputra\nEditor    :  Wulan Ayuningtyas",
        "Penulis Rendi Saputra | Editor Wulan Ayuningtyas",
    )
    a = parse(page)
    assert (a.authors, a.editors) == (["Rendi Saputra"], ["Wulan Ayuningtyas"])


def test_text_and_photo_credit_gives_author_and_photographer() -> None:
    a = parse(WIRE.replace("(GL)\n", "\nTeks/Foto : Yustinus Wuwur (Tim Publikasi KPU)\n"))
    assert "Yustinus Wuwur" in a.authors
    assert "Yustinus Wuwur" in a.photographers


# --- normalisation, purity, JSON ---------------------------------------------------------------


def test_crlf_nbsp_and_zero_width_characters_do_not_change_the_words() -> None:
    messy = (
        PAGE.replace("\n", "\r\n")
        .replace("Komisi Pemilihan", "Komisi\u00a0Pemilihan")
        .replace("pasangan calon", "pasangan\u200b calon")
        .replace("Mardiyanto Halim", "Mardi\u200byanto Halim")
    )
    clean, dirty = parse(PAGE), parse(messy)
    assert [p.split() for p in dirty.paragraphs] == [p.split() for p in clean.paragraphs]
    assert dirty.quotes[0].speaker == "Mardiyanto Halim"


def test_parse_is_pure() -> None:
    assert parse(WIRE) == parse(WIRE)
    assert parse(PAGE, source="a.txt", id="a") == parse(PAGE, source="a.txt", id="a")


def test_article_json_round_trips() -> None:
    for raw in (PAGE, WIRE, PORTAL):
        a = parse(raw, source="berita/contoh.txt")
        assert Article.model_validate_json(a.model_dump_json()) == a


def test_the_package_exports_the_parse_function() -> None:
    from pilkada import parse as exported

    assert callable(exported)
    assert exported(WIRE) == parse(WIRE)
