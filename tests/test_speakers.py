"""Who is speaking: each speech frame, introduction and cue in invented prose of the kind
Indonesian reporting uses, and what must not move the speaker state."""

from __future__ import annotations

import pytest

from pilkada.models import Confidence, Quote
from pilkada.pipeline import parse
from pilkada.registry import add_mentions, build_registry, is_short_form
from pilkada.speakers import attribute, cue_kind, subject_of

SAID = "Kami sudah menyiapkan semua kebutuhan warga di posko pengungsian sejak kemarin sore"


def speakers(*paragraphs: str) -> list[str | None]:
    return [q.speaker for q in quotes(*paragraphs)]


def quotes(*paragraphs: str) -> list[Quote]:
    paras = list(paragraphs)
    reg = build_registry(paras)
    add_mentions(reg, paras)
    return attribute(paras, reg).quotes


# --- frames that set who speaks -------------------------------------------------------------------


def test_a_named_subject_with_its_description_and_a_reporting_verb() -> None:
    assert speakers(
        "Bupati Temanggung Rahmat Sudibyo meninjau posko pengungsian.",
        "Sutrisno Adi, peneliti Universitas Tidar, menambahkan, bantuan datang terlambat.",
        f"“{SAID},” katanya.",
    ) == ["Sutrisno Adi"]


def test_menurut_sets_the_speaker_although_others_are_named_after_it() -> None:
    assert speakers(
        "Menurut Dedi Kurnia, stok menipis sejak program Bupati Ahmad Yani berjalan.",
        f"“{SAID},” ujarnya.",
    ) == ["Dedi Kurnia"]


def test_an_inverted_cue_outside_quotes_sets_the_speaker() -> None:
    assert speakers(
        "Kepala Dinas Sosial Wonosobo Hartono Wibisono memimpin rapat.",
        "Bantuan akan dikirim bertahap ke empat kecamatan, kata Lestari Handayani, relawan posko.",
        f"“{SAID},” tuturnya.",
    ) == ["Lestari Handayani"]


def test_a_passive_frame_names_the_speaker_after_the_verb() -> None:
    assert speakers(
        "Bupati Magelang Zaenal Arifin meresmikan posko.",
        "Hal itu disampaikan Kepala Dinas Kesehatan Magelang dr Widya Kartika di kantornya.",
        f"“{SAID},” ujarnya.",
    ) == ["Widya Kartika"]


def test_a_role_then_a_name_in_commas_before_the_verb() -> None:
    assert speakers(
        "Sementara itu, Sekretaris Palang Merah Sleman, Yohanes Bara, menyatakan siap membantu.",
        f"“{SAID},” ungkapnya.",
    ) == ["Yohanes Bara"]


def test_the_subject_right_before_the_verb_after_a_long_role() -> None:
    assert speakers(
        "Direktur Eksekutif Institute for Regional Studies (IRS) Bayu Santoso berpendapat, "
        "anggaran darurat belum cukup.",
        f"“{SAID},” ujarnya.",
    ) == ["Bayu Santoso"]


def test_an_ordinary_person_introduced_with_age_and_occupation() -> None:
    paras = [
        "Sumiati Rahayu (52), pedagang sayur di Pasar Kranggan, mengaku sepi pembeli.",
        "“Tidak ada pembeli sejak pagi, padahal sayur sudah layu semua,” keluhnya.",
    ]
    assert speakers(*paras) == ["Sumiati Rahayu"]


def test_a_name_with_an_age_introduces_a_person_inside_a_sentence() -> None:
    assert speakers(
        "Kepala Desa Sumberejo Paimin Hadi menyambut rombongan.",
        "Salah satunya Wulan Sari (21), pengunjung asal Gedebage.",
        f"“{SAID},” ujarnya.",
    ) == ["Wulan Sari"]


def test_a_quote_after_a_colon_frame_with_no_cue() -> None:
    assert speakers(
        "Kepala BPBD Wonogiri Anwar Hadi mengatakan:",
        f"“{SAID}.”",
    ) == ["Anwar Hadi"]


# --- what does not move it --------------------------------------------------------------------------


def test_an_object_of_the_frame_does_not_take_the_speech() -> None:
    assert speakers(
        "Ketua KPU Klaten Puspita Dewi mengatakan, ia sudah menemui Bupati Klaten Sri Mulyani.",
        f"“{SAID},” katanya.",
    ) == ["Puspita Dewi"]


def test_a_name_inside_a_quote_does_not_take_the_next_pronoun() -> None:
    assert speakers(
        "“Saya sudah bertemu Bupati Klaten Sri Mulyani pagi ini,” kata Ketua KPU Klaten Puspita Dewi.",
        f"“{SAID},” ujarnya.",
    ) == ["Puspita Dewi", "Puspita Dewi"]


def test_a_sentence_opening_word_is_no_person() -> None:
    assert speakers(
        "Kepala Dinas Sosial Wonosobo Hartono Wibisono mengatakan, bantuan sudah dikirim.",
        "Masalahnya, jalan menuju desa tertutup longsor.",
        "Apalagi, hujan turun sejak malam.",
        f"“{SAID},” ujarnya.",
    ) == ["Hartono Wibisono"]


# --- cues that take it -----------------------------------------------------------------------------


def test_a_role_only_cue_names_the_holder_named_before() -> None:
    assert speakers(
        "Presiden Joko Widodo meninjau posko di Sleman.",
        f"“{SAID},” ujar Presiden.",
    ) == ["Joko Widodo"]


def test_a_descriptive_cue_behaves_like_a_pronoun() -> None:
    assert speakers(
        "Warni Astuti, penjual nasi di samping pasar, menyatakan dagangannya laris.",
        f"“{SAID},” kata perempuan yang tinggal di samping pasar itu.",
    ) == ["Warni Astuti"]


def test_a_description_pointing_back_is_the_cue_and_stands_for_the_speaker() -> None:
    (q,) = quotes(
        "Rusmini (47), pedagang sayur di Pasar Kliwon, mengeluhkan harga cabai.",
        f"“{SAID},” keluh ibu tiga anak tersebut.",
    )
    assert (q.speaker, q.cue, q.confidence) == (
        "Rusmini",
        "keluh ibu tiga anak tersebut",
        Confidence.medium,
    )
    assert cue_kind(q.cue) == "descriptive"


def test_an_indefinite_description_is_a_speaker_the_article_does_not_name() -> None:
    named, unnamed, after = quotes(
        "Kepala Dinas Perdagangan Kudus Hendro Wibowo meninjau pasar.",
        f"“{SAID},” kata Hendro.",
        f"“{SAID},” ujar seorang pedagang beras yang enggan disebut namanya.",
        f"“{SAID},” katanya lagi.",
    )
    assert named.speaker == "Hendro Wibowo"
    assert (unnamed.speaker, unnamed.cue) == (None, "ujar seorang pedagang beras")
    assert "does not name" in unnamed.why
    assert after.speaker is None  # still the unnamed trader, not the official before him


def test_a_frame_after_an_unnamed_speaker_names_the_next_one() -> None:
    assert speakers(
        f"“{SAID},” kata salah satu warga.",
        "Camat Jati Agus Salim menjelaskan bantuan sudah dikirim.",
        f"“{SAID},” ujarnya.",
    ) == [None, "Agus Salim"]


def test_a_described_speaker_after_the_verb_in_commas() -> None:
    (q,) = quotes(
        f"“{SAID},” kata pemilik warung Kopi Lereng, Bagus Prasetyo (50), saat dihubungi."
    )
    assert (q.speaker, q.role) == ("Bagus Prasetyo", "pemilik warung Kopi Lereng")


@pytest.mark.parametrize(
    ("cue", "name", "role"),
    [
        (
            "kata pengamat politik Dimas Wicaksono kepada wartawan",
            "Dimas Wicaksono",
            "pengamat politik",
        ),
        ("ujar saksi Handoko menyebut pesan itu", "Handoko", "saksi"),
        ("tutur warga lain seperti Lestari Wulan", "Lestari Wulan", "warga"),
    ],
)
def test_a_description_then_the_name_with_no_comma_after_the_verb(
    cue: str, name: str, role: str
) -> None:
    (q,) = quotes(f"“{SAID},” {cue}.")
    assert (q.speaker, q.role) == (name, role)


def test_a_passive_verb_after_a_comma_ends_the_cue() -> None:
    (q,) = quotes(
        "Ketua KPU Temanggung Sastro Wiyono meninjau gudang logistik.",
        f"“{SAID},” ujar Sastro Wiyono, dikutip Rabu, 6 November 2024.",
    )
    assert (q.speaker, q.cue) == ("Sastro Wiyono", "ujar Sastro Wiyono")


def test_a_role_whose_parts_are_listed_in_commas_then_the_name() -> None:
    (q,) = quotes(
        "Anggota KPU Sleman Divisi Perencanaan, Data dan Informasi, Sri Wahyuni, menambahkan "
        "bahwa pelipatan diawasi.",
        f"“{SAID},” tuturnya.",
    )
    assert (q.speaker, q.role) == (
        "Sri Wahyuni",
        "Anggota KPU Sleman Divisi Perencanaan, Data dan Informasi",
    )


def test_a_clause_before_a_candidate_word_gives_no_speaker() -> None:
    """ "diungkapkan Pj Bupati lantaran beredar isu … salah satu Bacalon": the words after the
    passive verb are a clause, and "Bacalon" (a candidate-to-be) is no one's name."""
    found = quotes(
        "Penjabat Bupati Mimika Valentinus Sumito menegaskan kehadirannya bukan untuk mendukung "
        "salah satu pasangan calon.",
        "Hal ini diungkapkan Pj Bupati lantaran beredar isu di tengah masyarakat bahwa "
        "kehadirannya adalah titipan untuk memenangkan salah satu Bacalon.",
        f"“{SAID},” tegasnya.",
    )
    assert [q.speaker for q in found] == ["Valentinus Sumito"]


def test_a_role_only_cue_ends_before_the_full_stop() -> None:
    (q,) = quotes("Bupati Temanggung Rahmat Sudibyo meninjau posko.", f"“{SAID},” ujar Bupati.")
    assert (q.speaker, q.cue) == ("Rahmat Sudibyo", "ujar Bupati")


def test_the_day_after_the_speaker_is_no_part_of_the_cue() -> None:
    (q,) = quotes(f"“{SAID},” kata Dimas Wicaksono, Selasa (14/2/2017).")
    assert (q.speaker, q.cue) == ("Dimas Wicaksono", "kata Dimas Wicaksono")


def test_an_account_named_for_a_speaker_does_not_lengthen_the_name() -> None:
    (q,) = quotes(
        "Video itu diunggah ke akun Youtube Dimas Wicaksono Official pada Sabtu.",
        f"“{SAID},” kata Dimas Wicaksono.",
    )
    assert q.speaker == "Dimas Wicaksono"


def test_a_description_then_the_name_opens_a_frame() -> None:
    assert speakers(
        "Sementara itu, peneliti senior Ratih Kumalasari menilai antrean itu wajar.",
        f"“{SAID},” ujarnya.",
    ) == ["Ratih Kumalasari"]


@pytest.mark.parametrize(
    "cue",
    [
        "kata istri Dimas Wicaksono",  # kinship: the name is whose wife she is
        "kata siswa jurusan Teknik Mesin itu",  # a description pointing back, no name
    ],
)
def test_a_name_after_a_relation_or_before_an_anaphor_is_not_the_speaker(cue: str) -> None:
    assert speakers("Dimas Wicaksono meninjau posko.", f"“{SAID},” {cue}.") != ["Dimas Wicaksono"]
    (q,) = quotes(f"“{SAID},” {cue}.")
    assert q.speaker not in ("Dimas Wicaksono", "Teknik Mesin")


def test_a_speaker_named_by_a_description_is_no_official() -> None:
    a = parse(
        "Antrean Panjang di Posko Pengungsian Kranggan Sejak Pagi Hari Ini\n"
        "TEMANGGUNG, Kabar Kedu – Bupati Temanggung Rahmat Sudibyo meninjau posko pada "
        "Senin (11/11/2024) bersama jajaran dinas sosial kabupaten.\n"
        f"“{SAID},” kata peneliti kebijakan publik Dimas Wicaksono kepada wartawan.\n"
    )
    assert [q.speaker for q in a.quotes] == ["Dimas Wicaksono"]
    assert [p.name for p in a.officials] == ["Rahmat Sudibyo"]


@pytest.mark.parametrize(
    ("named", "short", "name"),
    [
        ("Gubernur Jawa Timur Budi Santoso", "BS", "Budi Santoso"),
        ("Ketua DPRD Jember Hasan Bisri", "Hasbi", "Hasan Bisri"),
        ("Wali Kota Surabaya Tri Rismaharini", "Risma", "Tri Rismaharini"),
    ],
)
def test_a_short_form_in_the_cue_is_the_person_named_in_full(
    named: str, short: str, name: str
) -> None:
    assert speakers(f"{named} meninjau posko pengungsian.", f"“{SAID},” kata {short}.") == [name]


def test_short_forms_by_shape() -> None:
    assert is_short_form("jokowi", "Joko Widodo")
    assert is_short_form("yuri", "Achmad Yurianto")
    assert not is_short_form("pranowo", "Prabowo Subianto")
    assert not is_short_form("budi", "Budi Santoso")  # a whole word is found as a word


# --- officials and speakers --------------------------------------------------------------------------


def test_an_ordinary_speaker_is_quoted_but_is_not_an_official() -> None:
    a = parse(
        "Pasar Sepi Menjelang Pemilihan Kepala Daerah di Temanggung Tahun Ini\n"
        "TEMANGGUNG, Kabar Kedu – Bupati Temanggung Rahmat Sudibyo meninjau Pasar Kranggan pada "
        "Senin (11/11/2024) bersama jajaran dinas perdagangan dan koperasi kabupaten.\n"
        "Sumiati Rahayu (52), pedagang sayur di Pasar Kranggan, mengaku sepi pembeli.\n"
        "“Tidak ada pembeli sejak pagi, padahal sayur sudah layu semua,” keluhnya.\n"
    )
    assert [q.speaker for q in a.quotes] == ["Sumiati Rahayu"]
    assert [p.name for p in a.officials] == ["Rahmat Sudibyo"]


@pytest.mark.parametrize(
    ("cue", "kind"),
    [
        ("kata Winarto", "named"),
        ("ujarnya", "pronoun"),
        ("kata dia", "pronoun"),
        ("tutur Presiden", "role-only"),
        ("kata perempuan itu", "descriptive"),
        (None, "none"),
    ],
)
def test_cue_kinds(cue: str | None, kind: str) -> None:
    assert cue_kind(cue) == kind


def test_subject_grammar_on_one_clause() -> None:
    s = subject_of("Namun, Harold Lontoh, anggota KPPS 7 di Kelurahan Lapangan, Manado, ")
    assert s is not None and (s.name, s.role) == (
        "Harold Lontoh",
        "anggota KPPS 7 di Kelurahan Lapangan",
    )


# --- found in review ---------------------------------------------------------------------------------


def test_a_passive_frame_without_oleh() -> None:
    assert speakers(
        "Ketua KPU Sleman Joko Santoso membuka rapat itu.",
        "Hal itu disampaikan Bupati Sleman Kustini Sri Purnomo di kantornya. Ia didampingi "
        "Sekda Sleman Harda Kiswaya.",
        f"“{SAID},” ujarnya.",
    ) == ["Kustini Sri Purnomo"]


def test_a_described_speaker_is_not_a_short_form_of_another() -> None:
    assert speakers(
        "Panglima TNI Jenderal Andika Perkasa meninjau lokasi.",
        f"“{SAID},” kata Andi, warga setempat.",
    ) == ["Andi"]


def test_a_noun_after_a_comma_opens_no_frame() -> None:
    assert speakers(
        "Ketua KPU Sleman Joko Santoso mengatakan, pemilu aman.",
        "Ia menerima banyak surat, pesan Whatsapp, dan telepon dari warga.",
        f"“{SAID},” ujarnya.",
    ) == ["Joko Santoso"]


def test_a_name_with_an_age_as_an_object_introduces_no_speaker() -> None:
    assert speakers(
        "Kapolsek Depok Kompol Suparman mengatakan, polisi menangkap Budi Santoso (35) di rumahnya.",
        "“Pelaku sudah kami amankan,” ujarnya.",
    ) == ["Suparman"]


def test_a_short_name_ends_a_sentence() -> None:
    from pilkada.speakers import breaks

    text = "Pemilu aman, kata Ani. Ketua KPU datang. Dijawab Dr. Budi dan M. Yusuf."
    assert [text[a] for a, _ in breaks(text)] == [".", ".", "."]


def test_thousands_of_frames_and_quotes_in_one_paragraph() -> None:
    """A scraped article with no paragraph breaks: thousands of frames and quotes in one line
    are read, each stretch once, and every speaker is right."""
    one = "Ketua KPU Sleman Joko Santoso mengatakan, pemilu aman. “Kami siap,” ujarnya. "
    paras = [one * 1500]
    found = quotes(*paras)
    assert len(found) == 1500 and {q.speaker for q in found} == {"Joko Santoso"}


def test_the_person_a_passage_is_about_must_be_named_before_it() -> None:
    """Text after a quote does not change its speaker: a person named later in the article is
    not 'already named' where a sentence is about them."""
    assert (
        speakers(
            "Ketua KPU Sleman Joko Santoso mengatakan, pemilu aman.",
            "Kustini Sri Purnomo juga hadir dalam rapat itu.",
            f"“{SAID},” ujarnya.",
            "Bupati Sleman Kustini Sri Purnomo mengatakan hal serupa kemarin.",
        )[0]
        == "Joko Santoso"
    )


def test_a_role_only_cue_shared_by_two_holders_goes_to_the_one_speaking() -> None:
    assert speakers(
        "Ketua KPU Sleman Joko Santoso dan Ketua KPU Bantul Didik Joko Nugroho hadir.",
        f"“{SAID},” kata Joko Santoso.",
        "“Logistik sudah kami kirim ke semua kecamatan sejak kemarin,” ujar Ketua KPU.",
    ) == ["Joko Santoso", "Joko Santoso"]


def test_a_lead_with_an_apposition_is_the_quote_s_named_cue() -> None:
    (q,) = quotes(f"Harold Lontoh, anggota KPPS di Manado, mengatakan, “{SAID}.”")
    assert (q.speaker, q.role) == ("Harold Lontoh", "anggota KPPS di Manado")
    assert q.cue == "Harold Lontoh, anggota KPPS di Manado, mengatakan"
    assert q.confidence == Confidence.high


def test_a_nickname_in_the_cue_is_the_person_spoken_of() -> None:
    assert speakers(
        "Calon bupati nomor urut 1, Muhammad Rasyid Sofyan, meninjau pasar.",
        f"“{SAID},” tegas Acil, sapaan akrabnya.",
    ) == ["Muhammad Rasyid Sofyan"]


def test_a_nickname_with_the_name_it_stands_for() -> None:
    (q,) = quotes(
        "Pengamat hukum Universitas Mulawarman Herlambang Wijaya menilai aturan itu lemah.",
        f"“{SAID},” kata Bang Lambang, sapaan Herlambang, saat dihubungi.",
    )
    assert (q.speaker, q.cue) == ("Herlambang Wijaya", "kata Bang Lambang, sapaan Herlambang")


@pytest.mark.parametrize("verb", ["balas", "sahut", "bantah", "seloroh", "imbau"])
def test_verbs_of_reply_and_appeal_are_cues(verb: str) -> None:
    (q,) = quotes(f"“{SAID},” {verb} Sukiman Azmy.")
    assert (q.speaker, q.cue) == ("Sukiman Azmy", f"{verb} Sukiman Azmy")


def test_a_long_role_then_a_rank_in_full_then_the_name_in_the_cue() -> None:
    (q,) = quotes(
        f"“{SAID},” kata Kepala Satuan Patroli Jalan Raya Tol Cipali Ajun Komisaris Rudi Hartawan."
    )
    assert (q.speaker, q.role) == ("Rudi Hartawan", "Kepala Satuan Patroli Jalan Raya Tol Cipali")


def test_a_sentence_adverb_before_the_described_speaker_is_no_name() -> None:
    assert speakers(
        "Terpisah, juru bicara tim pemenangan paslon nomor urut 1, Yohanes Mandacan, membantah.",
        f"“{SAID},” katanya.",
    ) == ["Yohanes Mandacan"]


@pytest.mark.parametrize("opener", ["Senada", "Serupa", "Sejalan", "Selanjutnya", "Akhirnya"])
def test_a_sentence_connector_before_an_apposition_is_no_name(opener: str) -> None:
    """A connector as in "Senada, Role, Name, verb" (in the same vein) is nobody; the speaker
    and the person named is the one the apposition names."""
    assert speakers(
        "Ketua Bawaslu Karangasem Made Wirata meminta warga ikut mengawasi tahapan pilkada.",
        f"{opener}, Plt Bupati Karangasem, Syian Syial, menegaskan warga perlu dilibatkan.",
        f"“{SAID},” ujarnya.",
    ) == ["Syian Syial"]


# --- the person a passage is about ------------------------------------------------------------


def test_the_office_holder_opening_the_lede_after_its_dateline_is_who_speaks_first() -> None:
    assert speakers(
        "RUTENG, Warta Flores – Bupati Manggarai Herybertus Nabit meninjau jembatan darurat.",
        "Di lokasi itu ia bertemu Kepala Dinas PUPR Manggarai Yoseph Jehalu.",
        f"“{SAID},” ujarnya.",
    ) == ["Herybertus Nabit"]


def test_an_office_holder_opening_a_sentence_with_another_verb_moves_the_state() -> None:
    assert speakers(
        "Ketua KPU Gianyar Komang Suardika menjelaskan, simulasi melatih petugas baru.",
        f"“{SAID},” katanya.",
        "Kelian Adat Pengosekan I Made Sutama menyambut simulasi itu dengan gembira.",
        f"“{SAID},” tuturnya.",
    ) == ["Komang Suardika", "I Made Sutama"]


def test_a_speech_verb_inside_what_menurut_reports_is_no_frame() -> None:
    assert speakers(
        "Menurut Cut Nurul Aini, guru di Lhoknga, aturan itu lahir setelah Bupati Aceh Besar"
        " Teuku Ramli meminta sekolah bebas atribut partai.",
        f"“{SAID},” sebut dia.",
    ) == ["Cut Nurul Aini"]


def test_menurut_with_its_own_reporting_verb_is_still_the_frame() -> None:
    assert speakers(
        "Bupati Pidie Sarjani Abdullah membuka rapat.",
        "Menurut Kepala Bagian Humas Pidie Rahmat Fadhil mengatakan, data itu sudah diperiksa.",
        f"“{SAID},” katanya.",
    ) == ["Rahmat Fadhil"]


@pytest.mark.parametrize(
    "introduced",
    [
        "Camat Siborongborong Tigor Simanjuntak, atau Ucok sapaan akrabnya, membuka rapat.",
        "Camat Siborongborong Tigor Simanjuntak, yang akrab disapa Ucok, membuka rapat.",
    ],
)
def test_a_nickname_given_beside_a_name_stands_for_that_person(introduced: str) -> None:
    assert speakers(introduced, f"“{SAID},” tegas Ucok.") == ["Tigor Simanjuntak"]


def officials(*paragraphs: str) -> list[tuple[str, str | None]]:
    article = parse("\n\n".join(["Judul Berita Pilkada di Daerah", *paragraphs]) + "\n")
    return [(o.name, o.role) for o in article.officials]


def test_a_name_then_an_office_in_commas_is_an_official() -> None:
    assert officials(
        "Rusli Daeng Sikki, anggota Bawaslu Gowa, menjelaskan pengawasan diperketat.",
        f"“{SAID},” katanya.",
    ) == [("Rusli Daeng Sikki", "anggota Bawaslu Gowa")]


def test_a_name_then_a_description_is_no_official_though_an_honorific_stands_before_it() -> None:
    assert (
        officials(
            "Ibu Rahmawati Lamusu, kader posyandu di Desa Bulango, bercerita soal gizi anak.",
            f"“{SAID},” katanya.",
        )
        == []
    )


def test_a_cue_whose_role_lists_its_fields_with_commas_names_the_person_at_its_end() -> None:
    assert speakers(
        "Rapat koordinasi digelar di Kupang.",
        f"“{SAID},” kata Menteri Koordinator Bidang Politik, Hukum, dan Keamanan Wiranto Darmo.",
        f"“{SAID},” kata Kepala Dinas Pekerjaan Umum, Perumahan, dan Kawasan Permukiman Yulius"
        " Kaju.",
    ) == ["Wiranto Darmo", "Yulius Kaju"]


def test_a_nickname_in_the_cue_is_kept_as_the_person_s_form() -> None:
    paras = [
        "Pengamat hukum Universitas Mulawarman Herlambang Wijaya menilai aturan itu lemah.",
        f"“{SAID},” kata Bang Lambang, sapaan Herlambang, saat dihubungi.",
        "Calon bupati nomor urut 1, Muhammad Rasyid Sofyan, meninjau pasar.",
        f"“{SAID},” tegas Acil, sapaan akrabnya.",
    ]
    reg = build_registry(paras)
    add_mentions(reg, paras)
    people = {p.name: p for p in attribute(paras, reg).people}
    assert "Bang Lambang" in people["Herlambang Wijaya"].forms
    assert "Acil" in people["Muhammad Rasyid Sofyan"].forms
    assert reg.find("Acil") is None  # the registry given is not changed; the walk's copy is
