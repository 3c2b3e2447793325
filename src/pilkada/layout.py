"""A page's lines -> each with its kind (title, body, chrome…) and the reason. Pure functions.

Each line is first judged on its own (``pilkada.lines``); this module reads them as a page. The
shape the classifier relies on: a news page is a header (a masthead over its tagline, menus,
breadcrumbs, boxes holding other stories, the headline, its deck, bylines, dates, captions),
then the article opening with its lede, with chrome interleaved (related links, photo widgets),
then a footer (credits, share buttons, lists of other stories, tags, comment forms). The lede
is the first line of prose; the headline is the fullest headline-like line before it; after the
last line of prose, or after a blog's comment area or post navigation, nothing is article.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from itertools import pairwise

from pilkada import lexicon
from pilkada.lines import (
    BODY,
    CAPTION_MAX_WORDS,
    CHROME,
    DOMAIN,
    NAME_DASH_OUTLET,
    SENTENCE_ENDS,
    TITLE,
    bare_credit_label,
    ends_sentence,
    is_name_line,
    is_outlet_name,
    is_prose,
    line_verdict,
    not_a_name,
    quoted,
    word_count,
)


@dataclass(slots=True)
class Line:
    """One non-blank raw line, what the classifier made of it and why."""

    index: int
    text: str
    kind: str = BODY
    reason: str = ""
    credits: Sequence[tuple[str, str]] = ()  # (kind, value) on credit lines


@dataclass
class Layout:
    """A page's lines classified: which is the title, where the lede is."""

    lines: list[Line]
    title: int | None = None
    title_candidates: int = 0
    lede: int | None = None
    header: list[Line] = field(default_factory=list)


BROWSER_SUFFIX = re.compile(r"\s+[-|–]\s+[^-|–]{2,40}$")
KEYWORD_CAPTION = re.compile(r"^[A-Z][A-Z0-9 ]{2,40}\s*[-–—]\s*\S")
LEDE_WITH_SOURCE = re.compile(
    r"^(?:[A-Z][\w.'’-]*[ ,/]*){1,6}(?:\([^()]{2,30}\))?\s*(?:[–—]|\s-|-(?=[A-Z\s]))"
)


def _is_keyword_caption(line: str, following: str) -> bool:
    """ "PATROLI - Personel Polresta … (25/11/2024)." right above "TRIBUNKALTIM.CO, SAMARINDA - …":
    a photo caption opens with a keyword in capitals, and the real lede with its own source."""
    head = LEDE_WITH_SOURCE.match(following)
    return (
        KEYWORD_CAPTION.match(line) is not None
        and head is not None
        and bool(re.search(r"[,(/]|\.(?:com|co|id)\b", head.group(), re.IGNORECASE))
    )


def _mark(line: Line, kind: str, reason: str) -> None:
    line.kind = kind
    line.reason = reason


def classify(raw_lines: list[str]) -> Layout:
    """Classify the non-blank lines of a normalised text."""
    lines = [Line(i, t.strip()) for i, t in enumerate(raw_lines) if t.strip()]
    counts: dict[str, int] = {}
    for ln in lines:
        counts[ln.text] = counts.get(ln.text, 0) + 1

    # 1. lines that are chrome on their own
    _label_above_name(lines)
    for ln in lines:
        if ln.kind == CHROME:
            continue
        reason, credits, certain = line_verdict(ln.text)
        if (
            not certain
            and counts[ln.text] > 1
            and (not is_prose(ln.text) or is_headline_like(ln.text))
        ):
            # a site's line again, or a headline written as a sentence that the page shows
            # twice ("Presiden Prabowo berterima kasih Pilkada berjalan baik dan aman")
            reason, credits = "repeated line", ()
        if reason:
            _mark(ln, CHROME, reason)
            ln.credits = list(credits)

    _captions_above_credits(lines)
    _doubled_lines(lines)
    _edition_teasers(lines)

    # 2. the lede: the first line of prose that is no other story's teaser nor the deck
    lede = _first_prose(lines, 0)
    layout = Layout(lines)
    while lede is not None and _boxed(lines, lede):
        _mark(lines[lede - 1], CHROME, "other headline")
        _mark(lines[lede], CHROME, "teaser")
        lede = _first_prose(lines, lede + 1)
    if lede is not None and (later := _after_deck(lines, lede)) is not None:
        _mark(lines[lede], CHROME, "deck")
        lede = later
    if lede is None:
        return layout
    nxt = next((k for k in range(lede + 1, len(lines)) if lines[k].kind == BODY), None)
    if nxt is not None and _is_keyword_caption(lines[lede].text, lines[nxt].text):
        _mark(lines[lede], CHROME, "photo caption")
        lede = nxt
    layout.lede = lede

    # 3. the header: the headline, bylines, menus
    _mark_boxes(lines[: lede + 1])
    _mark_masthead(lines[:lede])
    header = [ln for ln in lines[:lede] if ln.kind == BODY]
    # a headline the page repeats (in a list of the most read, say) is one when it is fuller
    # than every other line: "Terbit di Sibolga Sejak 1998" under the logo is none
    fullest = max((word_count(ln.text) for ln in header), default=3)
    header = [
        ln
        for ln in lines[:lede]
        if ln.kind == BODY or (ln.reason == "repeated line" and word_count(ln.text) > fullest)
    ]
    layout.header = lines[:lede]
    title, layout.title_candidates = _pick_title(header)
    for ln in header:
        if ln is title:
            _mark(ln, TITLE, "headline")
        elif ln.kind == CHROME:
            continue  # a repeated line that was no headline stays what it was
        elif (
            title is not None
            and ln.index > title.index
            and is_name_line(ln.text)
            and not not_a_name(ln.text.split()[0])  # "Dalam Negeri": the section, no writer
        ):
            _mark(ln, CHROME, "byline")
            ln.credits = [("author", ln.text)]
        elif (
            title is not None
            and ln.index > title.index
            and (m := NAME_DASH_OUTLET.match(ln.text))
            and (is_outlet_name(m.group("outlet")) or re.search(r"[a-z][A-Z.]", m.group("outlet")))
        ):
            _mark(ln, CHROME, "byline")  # "Hermawan Susilo - detikJatim"
            ln.credits = [("author", m.group("who")), ("outlet", m.group("outlet"))]
        elif DOMAIN.match(ln.text) or is_outlet_name(ln.text):
            _mark(ln, CHROME, "site name")
        else:
            _mark(ln, CHROME, "menu" if word_count(ln.text) <= 4 else "header")
    layout.title = title.index if title else None

    # 4. after the lede: related-link blocks, and the footer after the last line of prose
    body = lines[lede:]
    in_related = in_tags = False
    for ln in body:
        if ln.kind == CHROME:
            if in_related and ln.reason == "repeated line" and is_headline_like(ln.text):
                continue  # a related headline the page shows again, in another list
            in_related = ln.reason in ("related heading", "box label")
            in_tags = ln.reason == "tag list" or (
                in_tags and ln.reason in TAG_FURNITURE and _is_tag(ln.text)
            )
            continue
        if in_tags and _is_tag(ln.text):
            _mark(ln, CHROME, "tag list")  # "Tag", then "Pilkada Garut 2024", "DPT", …
        elif in_related and not is_prose(ln.text):
            _mark(ln, CHROME, "related headline")
            in_tags = False
        else:
            in_related = in_tags = False
    _mark_headline_lists(body[1:])
    _after_the_post(body)
    last = max(
        (
            k
            for k, ln in enumerate(body)
            if ln.kind == BODY and (is_prose(ln.text) or quoted(ln.text))
        ),
        default=0,
    )
    for ln in body[last + 1 :]:
        if ln.kind == BODY:
            _mark(ln, CHROME, "after the article")
    return layout


def _doubled_lines(lines: list[Line]) -> None:
    """A line of prose written twice in a row is one line: the second copy is a repeat. Twice
    above a lede that opens with its dateline, it is the photo's caption, written once for the
    image's alternative text and once under it ("Kapolres … (kiri) bersama Dandim … saat …")."""
    for k in range(len(lines) - 1):
        first, second = lines[k], lines[k + 1]
        if not (first.kind == BODY == second.kind and first.text == second.text):
            continue
        if not is_prose(first.text) or quoted(first.text):
            continue
        ahead = lines[k + 2 : k + 2 + DOUBLED_TO_LEDE]
        if any(ln.kind == BODY and LEDE_WITH_SOURCE.match(ln.text) for ln in ahead):
            _mark(first, CHROME, "photo caption")
            _mark(second, CHROME, "photo caption")
        else:
            _mark(second, CHROME, "repeated line")


DOUBLED_TO_LEDE = 3  # lines between a doubled caption and its lede: a credit, the date


def _captions_above_credits(lines: list[Line]) -> None:
    """The photo under the headline with its caption and then its credit on a line of its own
    ("Ketua KPU … di Mataram." then "Foto: Lintas Bangsa/Ahmad Zuhri"): a short sentence with
    no quotation, right above a credit line that credits only the photo, is the caption when it
    is the page's first line of prose or the lede with its dateline comes after the credit.
    Further down, a paragraph over a photo's credit may be the article's own (the photo had no
    caption), and stays."""
    first: int | None = -1  # the first line of prose, found when a caption may stand
    for k, (above, credit, after) in enumerate(zip(lines, lines[1:], lines[2:], strict=False)):
        if (
            credit.reason == "credit line"
            and above.kind == BODY
            and above.text[-1:] in ".)"
            and credit.credits
            and all(kind == "photographer" for kind, _ in credit.credits)
            and after.kind == BODY
            and is_prose(after.text)
            and (
                k == (first := _first_prose(lines, 0) if first == -1 else first)
                or LEDE_WITH_SOURCE.match(after.text)
            )
            and word_count(above.text) <= CAPTION_MAX_WORDS
            and not quoted(above.text)
        ):
            _mark(above, CHROME, "photo caption")
            first = _first_prose(lines, k + 1) if k == first else first


def _edition_teasers(lines: list[Line]) -> None:
    """A magazine's box after the article: its edition's headline ("Edisi 2 Desember 2024: …"),
    then a teaser of a sentence or two, which is no part of the article, and then the box's
    end (its paywall, the page's end): no more of the article's prose."""
    for k, (edition, teaser) in enumerate(pairwise(lines)):
        after = lines[k + 2] if k + 2 < len(lines) else None
        if (
            edition.reason == "magazine edition"
            and teaser.kind == BODY
            and len(teaser.text) <= TEASER_MAX
            and not quoted(teaser.text)
            and not (after is not None and after.kind == BODY and is_prose(after.text))
        ):
            _mark(teaser, CHROME, "teaser")


def _after_the_post(body: list[Line]) -> None:
    """A blog's comment area ("Tinggalkan Balasan", "Posting Komentar") and its post navigation
    ("Posting Lebih Baru Posting Lama Beranda") come after the post: nothing below them is the
    article (a sidebar's "Mengenai Saya" box, readers' comments). A form's one-word field
    ("Nama", "Email") ends nothing: share buttons say as much."""
    end = next(
        (
            k
            for k, ln in enumerate(body)
            if ln.reason == "post navigation"
            or (ln.reason == "comment form" and word_count(ln.text) >= 2)
        ),
        None,
    )
    if end is None:
        return
    for ln in body[end + 1 :]:
        if ln.kind == BODY:
            _mark(ln, CHROME, "after the article")


# chrome that stands between the items of a list of other stories: their dates, counters
LIST_FURNITURE = frozenset({"date line", "counter", "view counter", "comment counter", "byline"})


# the headings of a list of other stories
LIST_HEADINGS = frozenset({"related heading", "box label"})
# chrome lines a tag list may hold: a tag the page repeats, a counter
TAG_FURNITURE = frozenset({"repeated line", "counter", "menu"})
# labels of a box that holds another story: the line after such a label is that story's title
BOX_LABELS = frozenset({"box label"})
# what stands between a deck and the lede: the byline, the date, the photo and its buttons
DECK_TO_LEDE = frozenset(
    {
        "date line",
        "byline",
        "byline label",
        "credit line",
        "photo caption",
        "share label",
        "social network",
        "site prompt",
        "comment counter",
        "view counter",
        "counter",
        "syndication",
    }
)


# what a page prints right under its headline
SIGNED = frozenset({"date line", "byline", "credit line", "byline label"})


def _mark_boxes(lines: list[Line]) -> None:
    """In the header, the titles after a box's label ("Headline", "Breaking News", "Info
    Terkini") are other stories': each headline-like line after it, up to one with the page's
    byline or date right under it (the article's own headline)."""
    boxed = False
    for k, ln in enumerate(lines):
        if ln.kind == CHROME:
            boxed = ln.reason in BOX_LABELS
            continue
        nxt = lines[k + 1] if k + 1 < len(lines) else None
        signed = nxt is not None and nxt.kind == CHROME and nxt.reason in SIGNED
        if boxed and is_headline_like(ln.text) and not signed:
            _mark(ln, CHROME, "other headline")
        else:
            boxed = False


TAGLINE_WORDS = (4, 12)  # "Suara dari Serambi Madinah", "Berita Aceh Terkini dan Terpercaya"
MASTHEAD_WORDS = 3  # "Kabar Lembata", "NyiurTV"


def _mark_masthead(header: list[Line]) -> None:
    """A site's name over its tagline at the top of the page ("Kabar Lembata", then "Berita,
    Informasi dan Cerita dari Tanah Lomblen"), the menu under them: the tagline is the first
    header line of four words or more; it reads as no sentence, holds no number, and the
    menu's short lines and then the headline follow it. A short name above it, before the
    menu's home link, is the site's. A category's name right over the headline is none."""
    low, high = TAGLINE_WORDS
    at = next((k for k, ln in enumerate(header) if word_count(ln.text) >= low), None)
    if at is None or at == 0:
        return
    name, tagline = header[at - 1], header[at]
    later = header[at + 1 :]
    if (
        (name.kind == BODY or name.reason == "repeated line")  # "ATJEHKINI.ID", again below
        and tagline.kind == BODY
        and 1 <= word_count(name.text) <= MASTHEAD_WORDS
        and word_count(tagline.text) <= high
        and not any(c.isdigit() for c in name.text + tagline.text)
        and name.text[-1:] not in SENTENCE_ENDS
        and tagline.text[-1:] not in SENTENCE_ENDS
        and not quoted(tagline.text)
        and sum(1 for ln in later if word_count(ln.text) < low) >= 2  # the menu
        and any(
            (ln.kind == BODY or ln.reason == "repeated line") and is_headline_like(ln.text)
            for ln in later
        )
        and not any(ln.text.lower() in _home_links() for ln in header[: at - 1])
    ):
        _mark(name, CHROME, "masthead")
        _mark(tagline, CHROME, "tagline")


@cache
def _home_links() -> frozenset[str]:
    return frozenset(w.lower() for w in lexicon.entries("home_links"))


def _first_prose(lines: list[Line], start: int) -> int | None:
    return next(
        (k for k in range(start, len(lines)) if lines[k].kind == BODY and is_prose(lines[k].text)),
        None,
    )


def _boxed(lines: list[Line], k: int) -> bool:
    """Line ``k`` is the teaser of a box holding another story: a label ("Headline"), the
    story's title, then this line."""
    return (
        k >= 2
        and lines[k - 1].kind == BODY
        and is_headline_like(lines[k - 1].text)
        and lines[k - 2].kind == CHROME
        and lines[k - 2].reason in BOX_LABELS
        and is_teaser(lines[k].text)
    )


def _after_deck(lines: list[Line], k: int) -> int | None:
    """The lede when line ``k`` is the deck under the headline: a sentence that opens with no
    dateline, then the byline, the date or the photo, then a line of prose opening with its
    dateline ("KOTA, Outlet - …")."""
    if not is_teaser(lines[k].text) or LEDE_WITH_SOURCE.match(lines[k].text):
        return None
    between = 0
    for j in range(k + 1, min(len(lines), k + 12)):
        ln = lines[j]
        if ln.kind == CHROME and ln.reason in DECK_TO_LEDE:
            between += 1
            continue
        if ln.kind == BODY and between and is_prose(ln.text) and LEDE_WITH_SOURCE.match(ln.text):
            return j
        return None
    return None


def _is_label(text: str) -> bool:
    """A section's label: one or two words, no sentence."""
    return 1 <= word_count(text) <= 2 and not ends_sentence(text)


def _is_tag(text: str) -> bool:
    """A tag of a tag list, or a tag cloud on one line: a few words, no sentence."""
    return word_count(text) <= 12 and not ends_sentence(text) and not quoted(text)


def is_headline_like(text: str) -> bool:
    """A line written as a headline: capitalised, 3–20 words, no sentence's end."""
    if not text[:1].isupper() or text[-1:] in SENTENCE_ENDS or len(text) > HEADLINE_MAX:
        return False  # the cheap tests first: most lines of an article end a sentence
    return 3 <= word_count(text) <= 20 and not quoted(text)


TEASER_MAX = 300  # characters: 35 words are far fewer
HEADLINE_MAX = 200
INNER_STOP = re.compile(r"[.!?]\s+[A-Z“\"]")


def is_teaser(text: str) -> bool:
    """One sentence under another story's headline: 5–35 words, one full stop, at its end."""
    if text[-1:] not in ".!?" or len(text) > TEASER_MAX:
        return False
    return 5 <= word_count(text) <= 35 and INNER_STOP.search(text) is None and not quoted(text)


def _mark_headline_lists(lines: list[Line]) -> None:
    """Lists of other stories after or inside the article: a run of headlines, each followed
    by its date or a one-sentence teaser (two such pairs at least), or of three headlines or
    more in a row, is no part of the article. A "Baca Juga" box of two headlines and the
    article's next one-sentence paragraph is none."""
    run: list[tuple[Line, str]] = []  # the lines of the list being read, with their reasons
    heads = followed = 0
    open_head = False  # the last headline has had no date or teaser after it yet
    teaser_may = False  # a teaser may come next: right after a headline or its date
    headed = False  # the run opened under a list's heading ("Pilihan Redaksi", "Cek Fakta")
    dated = False  # a headline of the run had its date under it

    def close(after: Line | None = None) -> None:
        nonlocal heads, followed, open_head, teaser_may, headed, dated
        # a list of one story under its heading needs that story's date, and no more of the
        # article after it: a "Baca Juga" box of one headline, dated or not, is followed by
        # the article's next paragraphs
        one = headed and dated and heads == 1 and not (after is not None and is_prose(after.text))
        if heads >= 3 or followed >= 2 or one:
            for ln, reason in run:
                if ln.kind == BODY:
                    _mark(ln, CHROME, reason)
        run.clear()
        heads = followed = 0
        open_head = teaser_may = headed = dated = False

    def head() -> None:
        nonlocal heads, open_head, teaser_may
        heads += 1
        open_head = teaser_may = True

    def follow() -> None:
        nonlocal followed, open_head
        followed += open_head
        open_head = False

    for ln in lines:
        if ln.kind == CHROME:
            listed = ln.reason in ("related headline", "repeated line")
            if listed and is_headline_like(ln.text):
                head()
            elif ln.reason in LIST_FURNITURE and heads:
                dated = dated or (open_head and ln.reason == "date line")
                follow()
            elif heads and listed and _is_label(ln.text):
                open_head = teaser_may = False  # a card's channel ("Jendela Kaltim") over it
            elif heads and ln.reason != "teaser":
                close()
                headed = ln.reason in LIST_HEADINGS
            else:
                headed = headed or ln.reason in LIST_HEADINGS
            continue
        if is_headline_like(ln.text):
            run.append((ln, "other headline"))
            head()
        elif teaser_may and followed >= heads - 1 and is_teaser(ln.text):
            # each headline so far had its date or teaser: a run of bare headlines ("Baca
            # juga" titles) has none, and the sentence after it is the article's
            run.append((ln, "teaser"))
            follow()
            teaser_may = False
        elif heads and _is_label(ln.text):
            run.append((ln, "list heading"))  # "Advertorial", "Terpopuler" between two lists
            open_head = teaser_may = False
        elif heads:
            close(ln)  # (nothing to close before a first headline)
        elif not _is_label(ln.text):
            headed = False  # the article's own text after a heading that headed nothing
    close()


def _label_above_name(lines: list[Line]) -> None:
    """A credit label alone on its line ("Reporter") gives the name on the next line; or the
    name on the line before, where the page writes each name above its label ("Deddy
    Setiawan", "Penulis", "Tasya Paramitha", "Editor") or no name follows the label."""
    for j, ln in enumerate(lines):
        kinds = bare_credit_label(ln.text)
        if not kinds:
            continue
        before = lines[j - 1] if j else None
        after = lines[j + 1] if j + 1 < len(lines) else None
        named_before = before is not None and before.kind != CHROME and is_name_line(before.text)
        named_after = after is not None and is_name_line(after.text)
        labelled_after = j + 2 < len(lines) and bool(bare_credit_label(lines[j + 2].text))
        named = before if named_before and (not named_after or labelled_after) else None
        named = named or (after if named_after else None)
        if named is None:
            continue
        _mark(ln, CHROME, "credit line")
        _mark(named, CHROME, "credit line")
        named.credits = [(kind, named.text) for kind in kinds]


def _pick_title(header: list[Line]) -> tuple[Line | None, int]:
    """The headline: the header line with the most words, if it reads like one; and how many
    header lines could have been it."""
    candidates = [
        ln
        for ln in header
        if word_count(ln.text) >= 3 and not DOMAIN.match(ln.text) and not ln.text.endswith(":")
    ]
    texts = {ln.text for ln in candidates}
    # a browser title "Headline - Suara.com" gives way to the bare "Headline" on the same page
    candidates = [
        ln for ln in candidates if BROWSER_SUFFIX.sub("", ln.text) not in texts - {ln.text}
    ]
    if not candidates:
        return None, 0
    best = max(candidates, key=lambda ln: (word_count(ln.text), -ln.index))
    return best, len(candidates)
