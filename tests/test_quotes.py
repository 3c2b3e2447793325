"""Direct quotes: where they open and close, what is not speech, and who said them."""

from __future__ import annotations

import pytest

from pilkada.models import Confidence, Quote
from pilkada.quotes import find_spans
from pilkada.registry import add_mentions, build_registry
from pilkada.speakers import attribute

INTRO = "Ketua Bawaslu Kabupaten Sikka Yosef Bura memimpin apel siaga pengawasan di Maumere."
SAID = "Pengawasan kami perketat selama masa tenang"


def quotes(*paragraphs: str) -> list[Quote]:
    paras = list(paragraphs)
    reg = build_registry(paras)
    add_mentions(reg, paras)
    return attribute(paras, reg).quotes


def only(*paragraphs: str) -> Quote:
    found = quotes(*paragraphs)
    assert len(found) == 1, found
    return found[0]


# --- the marks ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "paragraph",
    [
        f"“{SAID},” kata Yosef.",
        f'"{SAID}," kata Yosef.',
        f'“{SAID}," kata Yosef.',
    ],
    ids=["curly", "straight", "mismatched"],
)
def test_quote_marks_of_each_kind_enclose_the_quote(paragraph: str) -> None:
    q = only(INTRO, paragraph)
    assert q.text == f"{SAID},"
    assert q.speaker == "Yosef Bura"


def test_two_straight_quoted_spans_in_one_paragraph() -> None:
    found = quotes(
        INTRO,
        f'"{SAID}," kata Yosef. "Patroli kami siagakan di setiap kecamatan," tambahnya.',
    )
    assert [q.text for q in found] == [f"{SAID},", "Patroli kami siagakan di setiap kecamatan,"]
    assert [q.speaker for q in found] == ["Yosef Bura", "Yosef Bura"]


def test_a_straight_quoted_term_inside_a_curly_quote_stays_inside_it() -> None:
    inner = 'Kami menolak "serangan fajar" di semua kecamatan sampai hari pemungutan,'
    q = only(INTRO, f"“{inner}” kata Yosef.")
    assert (q.text, q.speaker) == (inner, "Yosef Bura")


def test_a_quote_never_closed_runs_to_the_end_of_its_paragraph() -> None:
    paragraph = f"Yosef Bura menegaskan, “{SAID} dan seluruh jajaran siaga sampai hari pemungutan"
    (span,) = find_spans([paragraph])
    assert not span.closed
    assert (
        paragraph[span.start : span.end]
        == f"{SAID} dan seluruh jajaran siaga sampai hari pemungutan"
    )


def test_a_quote_opening_mid_sentence_after_a_speech_lead() -> None:
    q = only(INTRO, f"Yosef menuturkan, “{SAID}.”")
    assert (q.text, q.speaker) == (f"{SAID}.", "Yosef Bura")


# --- attribution --------------------------------------------------------------------------------


def test_attribution_after_a_full_stop_with_a_capitalised_verb() -> None:
    q = only(f"“{SAID}”. Ucap Yosef Bura di hadapan peserta apel.")
    assert q.speaker == "Yosef Bura"
    assert q.cue is not None and q.cue.startswith("Ucap")


def test_kata_dia_refers_to_the_person_last_named() -> None:
    q = only(INTRO, f"“{SAID},” kata dia.")
    assert (q.speaker, q.role, q.cue) == ("Yosef Bura", "Ketua Bawaslu Kabupaten Sikka", "kata dia")


def test_a_pronoun_cue_refers_to_the_last_named_subject_not_to_one_after_kepada() -> None:
    paras = [
        INTRO,
        "Piagam penghargaan diserahkan kepada Camat Alok Maria Goreti Lusi.",
        f"“{SAID},” ujarnya.",
    ]
    reg = build_registry(paras)
    assert reg.find("Maria Goreti Lusi") is not None  # she is known, but only as an object
    q = quotes(*paras)[0]
    assert (q.speaker, q.cue) == ("Yosef Bura", "ujarnya")


def test_a_role_only_cue_goes_to_the_person_holding_the_role() -> None:
    q = only(INTRO, f"“{SAID},” tegas Ketua Bawaslu Sikka.")
    assert q.speaker == "Yosef Bura"
    assert q.cue == "tegas Ketua Bawaslu Sikka"


def test_a_role_only_cue_before_the_holder_is_named() -> None:
    found = quotes(
        f"“{SAID},” kata Ketua Bawaslu Sikka dalam apel siaga.",
        "Ketua Bawaslu Kabupaten Sikka Yosef Bura juga memeriksa kesiapan personel.",
    )
    assert [q.speaker for q in found] == ["Yosef Bura"]


# --- what is not speech -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "paragraph",
    [
        "Apel mengusung tema “Sikka Damai Tanpa Hoaks dan Politik Uang di Masa Tenang” tahun ini.",
        'Kegiatan bertema "Pilkada Riang Gembira, Tanpa Politik Uang dan Hoaks" digelar pagi.',
        "Panitia meluncurkan buku berjudul “Catatan Panjang Pengawas Pemilu dari Pelosok Flores.”",
    ],
)
def test_a_theme_or_a_title_in_quotes_is_not_a_quote(paragraph: str) -> None:
    assert quotes(INTRO, paragraph) == []


def test_a_short_quoted_term_is_not_a_quote() -> None:
    assert quotes(INTRO, "Warga menyebut apel itu sebagai “pesta pengawasan” yang meriah.") == []


# --- what a quote carries -----------------------------------------------------------------------


def test_paragraph_index_and_cue() -> None:
    q = only(INTRO, "Apel diikuti ratusan pengawas kelurahan dan desa.", f"“{SAID},” kata Yosef.")
    assert (q.paragraph, q.cue) == (2, "kata Yosef")


def test_confidence_is_high_for_a_named_cue_and_lower_for_a_pronoun() -> None:
    named, pronoun = quotes(
        INTRO,
        f"“{SAID},” kata Yosef Bura.",
        "“Patroli kami siagakan di setiap kecamatan,” pungkasnya.",
    )
    assert named.confidence == Confidence.high
    assert pronoun.speaker == "Yosef Bura"
    assert pronoun.confidence in (Confidence.medium, Confidence.low)
    assert named.why and pronoun.why


def test_a_short_name_in_the_attribution_becomes_the_fullest_form_the_article_writes() -> None:
    from pilkada.pipeline import parse

    a = parse(
        "Judul Berita Tentang Pemilihan Kepala Daerah Serentak Di Sumba\n"
        "WAINGAPU, Kabar Sumba – Umbu Rihi Djawa, calon bupati nomor urut satu, berkampanye di "
        "lapangan kecamatan pada Senin (11/11/2024).\n"
        "“Kami akan membangun jalan desa di seluruh kabupaten,” ujar Umbu.\n"
    )
    assert [q.speaker for q in a.quotes] == ["Umbu Rihi Djawa"]


def test_a_closing_mark_typed_for_the_opening_one_opens_the_quote() -> None:
    text = "Dimas Wicaksono menyebut hal itu,”mulai sekarang semua warga ikut membantu,” katanya."
    (span,) = find_spans([text])
    assert text[span.start : span.end] == "mulai sekarang semua warga ikut membantu,"
    assert only(text).speaker == "Dimas Wicaksono"


def test_a_closing_mark_before_a_speech_verb_closes_an_earlier_quote() -> None:
    """ "…,”ujarnya": the quote was opened in the paragraph before; nothing opens here."""
    assert find_spans(["dan semua warga ikut membantu,”ujarnya. Acara itu selesai sore."]) == []


def test_a_closing_mark_opening_a_paragraph_opens_its_quote() -> None:
    text = "” Hal ini penting agar warga dapat membandingkan para calon,” katanya."
    (span,) = find_spans([text])
    assert (
        text[span.start : span.end] == "Hal ini penting agar warga dapat membandingkan para calon,"
    )
