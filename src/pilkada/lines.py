"""Text -> lines, each with its kind (title, body, chrome…) and the reason. Pure functions.

The shape the classifier relies on: a news page is a header (menus, breadcrumbs, the headline,
bylines, dates, captions), then the article opening with its lede, with chrome interleaved
(related links, photo widgets), then a footer (credits, share buttons, other headlines, tags).
The lede is the first line of prose; the headline is the fullest headline-like line before it;
after the last line of prose nothing is article any more.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from itertools import count, pairwise
from operator import itemgetter

from pilkada import lexicon
from pilkada.dates import find_dates
from pilkada.prefilter import ASCII, Firsts, first_chars
from pilkada.tokens import fold, not_names

_first = itemgetter(0)

CAPTION_MAX_WORDS = 45  # a photo caption is a sentence or two, never a long paragraph
DATE_LINE_MAX = 80  # "Jumat, 31 Maret 2023 - 07:43:56 WIB" and the like are far shorter

BODY = "body"
TITLE = "title"
CHROME = "chrome"

WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
DOMAIN = re.compile(
    r"^[\w-]+(\.[\w-]+)*\.(com|id|net|org|co\.id|go\.id|or\.id|ac\.id|news|tv|info|co)$", re.I
)
QUOTE_MARK = re.compile(r"[“”\"]")
SENTENCE_END = re.compile(r"[.!?…:;,\"”)]\s*$")
BYLINE = re.compile(
    r"^(?:by|oleh)\s+(?P<who>[^-–|•]+?)\s*(?:[-–|•]|\s{2,}|\s(?:pada|on)\s)\s*(?P<rest>.*\d.*)$",
    re.IGNORECASE,
)
POSTED_BY = re.compile(  # "Posted on November 26, 2024 by admin"
    r"^(?:posted|published|diposting|diterbitkan)\s+(?:on\s+|pada\s+)?(?P<rest>.*\d.*?)\s+"
    r"(?:by|oleh)\s+(?P<who>\S.{0,40})$",
    re.IGNORECASE,
)
POSTED_OPENINGS = frozenset({"po", "pu", "di"})  # what POSTED_BY's words open with
# "Diposting oleh Yosef Bala di 19.45": a blog's post footer, the writer then the time or date
POSTED_BY_AT = re.compile(
    r"^(?:diposting|posted|ditulis|written)\s+(?:oleh|by)\s+(?P<who>[^\d|]{2,40}?)\s+"
    r"(?:di|at|pada|on)\s+(?P<rest>\d.*)$",
    re.IGNORECASE,
)
# "Nurhayati Dunda | 25/11/2024 10:40 WITA", "Rizky Pratama, Jurnalis · Senin, 02 Desember 2024":
# a writer's name, maybe their trade, then the date, on one line under the headline
NAME_THEN_DATE = re.compile(
    r"^(?P<who>[A-Z][\w'.]+(?: [A-Z][\w'.]+){1,3})"
    r"(?:,\s*(?:wartawan|reporter|kontributor|jurnalis|penulis))?\s*[|·•]\s*(?P<rest>.*\d.*)$",
    re.IGNORECASE,
)
POSTED_AT_OPENINGS = frozenset({"po", "di", "wr"})  # what POSTED_BY_AT's words open with
TIME_ONLY = re.compile(r"\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:\s*(?:wib|wita|wit|am|pm))?", re.I)
NAME_DASH_OUTLET = re.compile(
    r"^(?P<who>[A-Z][\w'.]+(?: [A-Z][\w'.]+){1,3})\s+[-–|]\s+(?P<outlet>[\w.-]+)$"
)
TICKER = re.compile(r"^[^•]{8,140}(?:\s•\s[^•]{8,140})+$")
CREDIT_TAG = re.compile(r"^\(\s*[^()]{1,40}\)$")  # "(ant)", "( rls )"
NAME_WORD = re.compile(r"[A-Z][a-zA-Z'.-]*")
TIME_WORDS = re.compile(
    r"\b(wib|wita|wit|pukul|pkl|jam|\d{1,2}[:.]\d{2}([:.]\d{2})?)\b", re.IGNORECASE
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


# --- lexicons ---------------------------------------------------------------------------------


DISPATCH_AFTER = 1_000  # lines tested in one process before chrome_reason goes by first character
_lines_tested = count()


@cache
def _chrome_patterns() -> list[tuple[str, str, Firsts]]:
    """(reason, pattern, the characters a line it matches opens with) of each kind of chrome."""
    return [
        (reason, pattern, first_chars(pattern, re.IGNORECASE))
        for reason, pattern in lexicon.patterns("chrome")
    ]


@cache
def _chrome(first: str) -> tuple[re.Pattern[str], list[str]]:
    """The chrome patterns a line opening with ``first`` (lower-cased; "" for a line opening
    with a character other than ASCII) can match, as one alternation (one match per line); the
    reason of each group. The patterns keep their order, so the first that matches wins as it
    would among all of them."""
    patterns = _chrome_patterns()
    return _alternation(
        tuple(
            n
            for n, (_reason, _pattern, firsts) in enumerate(patterns)
            if not first or firsts is None or first in firsts
        )
    )


@cache
def _alternation(chosen: tuple[int, ...]) -> tuple[re.Pattern[str], list[str]]:
    """The chrome patterns numbered ``chosen`` as one alternation, and their reasons; made once
    for all the first characters that choose the same patterns (all digits, say)."""
    patterns = _chrome_patterns()
    parts = [f"(?P<c{k}>{patterns[n][1]})" for k, n in enumerate(chosen)]
    return re.compile("|".join(parts) or "(?!)", re.IGNORECASE), [patterns[n][0] for n in chosen]


@cache
def _credit_labels() -> tuple[re.Pattern[str], dict[str, str]]:
    labels = lexicon.mapping("credits")
    alternatives = "|".join(re.escape(k) for k in sorted(labels, key=len, reverse=True))
    return re.compile(
        rf"^(?P<label>{alternatives})\b\s*(?P<colon>[:：])?\s*(?P<value>.*)$", re.I
    ), {k.lower(): v for k, v in labels.items()}


@cache
def _caption_cue() -> re.Pattern[str]:
    cues = "|".join(
        re.escape(c) for c in sorted(lexicon.entries("caption_cues"), key=len, reverse=True)
    )
    return re.compile(rf"^({cues})\b\s*[:.\-–(]?", re.IGNORECASE)


@cache
def generic_credits() -> frozenset[str]:
    return frozenset(w.lower() for w in lexicon.entries("credit_labels"))


# --- single-line tests ------------------------------------------------------------------------


@lru_cache(maxsize=4096)
def words(text: str) -> tuple[str, ...]:
    """The words of a line; cached, as several tests of one line count them."""
    return tuple(WORD.findall(text))


def lower_ratio(text: str) -> float:
    return _lower_share(words(text))


def _lower_share(ws: tuple[str, ...]) -> float:
    if not ws:
        return 0.0
    return sum(map(str.islower, map(_first, ws))) / len(ws)


@lru_cache(maxsize=4096)
def is_prose(text: str) -> bool:
    """A line of running text: enough words, mostly lower-case, as sentences are in Indonesian."""
    ws = words(text)
    ratio = _lower_share(ws)
    if (len(ws) >= 8 and ratio >= 0.34) or len(ws) >= 25:
        return True
    ends = bool(SENTENCE_END.search(text))
    return ends and ((len(ws) >= 5 and ratio >= 0.3) or len(ws) >= 15)


def is_date_line(text: str) -> bool:
    """A line that holds a date and little else (weekday, time, zone), maybe after a label
    ("Diperbarui", "Posted on") or a source ("Warta Nusantara - 20/09/2024, 14:05 WIB")."""
    if len(text) > DATE_LINE_MAX:
        return False
    found = find_dates(text)
    if not found:
        return False
    between = [text[a.end : b.start] for a, b in pairwise(found)]
    head = text[: found[0].start].strip(" ,:|-–—·•")
    tail = TIME_WORDS.sub(" ", " ".join([*between, text[found[-1].end :]]))
    leftover = [w for w in words(tail) if w.lower() not in day_names()]
    if leftover:
        return False
    head_words = [w for w in words(TIME_WORDS.sub(" ", head)) if w.lower() not in day_names()]
    if not head_words:
        return True
    label = " ".join(head_words).lower()
    return label in _date_labels() or bool(DATE_SOURCE.match(head + " -"))


DATE_SOURCE = re.compile(r"^[A-Z][\w.]*(?: [A-Z][\w.]*){0,3}\s+[-–|]$")


@cache
def _date_labels() -> frozenset[str]:
    return frozenset(lexicon.entries("date_labels"))


@cache
def day_names() -> frozenset[str]:
    return frozenset(k.lower() for k in lexicon.mapping("days"))


def chrome_reason(text: str) -> str | None:
    """The kind of chrome a line is on its own, or None."""
    stripped = text.strip()
    first = stripped[:1]
    # the alternations by first character pay for their making only over many lines
    many = next(_lines_tested) >= DISPATCH_AFTER
    pattern, reasons = _chrome(first.lower() if many and first in ASCII else "")
    m = pattern.match(stripped)
    if m is not None and m.lastgroup is not None:
        return reasons[int(m.lastgroup[1:])]
    if is_date_line(stripped):
        return "date line"
    if CREDIT_TAG.match(stripped):
        return "credit tag"
    return None


def credit_of(text: str) -> list[tuple[str, str]]:
    """Credits on a credit line: [(kind, value)], kind being author, editor or photographer.

    "Penulis : Bayu", "Editor     : Yus Ismail", "Teks/Foto : Masdiana (Tim Publikasi …)",
    "Penulis Kontributor Baubau, Defriatno Neke | Editor Khairina".
    """
    pattern, kinds = _credit_labels()
    if pattern.match(text.strip()) is None:  # the first segment must open with a label
        return []
    out: list[tuple[str, str]] = []
    segments = [
        s.strip()
        for s in re.split(r"\s+\|\s+|\s{3,}(?=[A-Z][a-z]+\s*:)|\s*/\s+(?=[A-Z][a-z]+\s*:)", text)
    ]
    for seg in segments:
        m = pattern.match(seg)
        if not m:
            return []
        value = m.group("value").strip()
        if not value or (not m.group("colon") and not _names_like(value)):
            return []  # "Oleh karena itu, …" is a sentence, not a credit
        noun = m.group("label").lower() in _credit_nouns()
        bare = noun and not m.group("colon") and not CONTRIBUTOR_WORD.match(value)
        if bare and (len(value.split()) < 2 or not is_name_line(value) or _not_a_name(value)):
            return []  # "Laporan Keuangan", "Video", "Video Pilihan Hari Ini": a menu's entries
        for kind in kinds[m.group("label").lower()].split("+"):
            out.append((kind, value))
    return out


CONTRIBUTOR_WORD = re.compile(r"(?:wartawan|reporter|kontributor|jurnalis)\b", re.IGNORECASE)


@cache
def _credit_nouns() -> frozenset[str]:
    return frozenset(lexicon.entries("credit_nouns"))


def _names_like(value: str) -> bool:
    return is_name_line(value) or re.fullmatch(r"[A-Z][\w'.-]+", value) is not None


PHOTOGRAPHER_AT_END = re.compile(r"\s*\(([A-Z][a-z]+(?: [A-Z][a-z]+){0,2})\)$")


def is_caption(text: str) -> bool:
    """A photo caption: a caption cue first, or a line closed by a photographer's name in brackets
    with no full stop before it ("… baru-baru ini (Selviani)")."""
    if QUOTE_MARK.search(text) and is_prose(text):
        return False
    if _caption_cue().match(text):
        return True
    # a photographer's name in brackets; not an acronym such as "(KPU)" closing a sentence
    m = PHOTOGRAPHER_AT_END.search(text) if text.endswith(")") else None
    if m is not None and not SENTENCE_END.search(text[: m.start()]):
        return True
    if len(words(text)) > CAPTION_MAX_WORDS:
        return False
    markers, credits, brackets = _photo_credits()
    if any(p.search(text) for p in markers):
        return True
    if not text.rstrip().endswith(")"):
        return False  # "credit" and "bracket" endings are brackets that close the line
    if any(p.search(text) for p in credits):
        return True
    for p in brackets:
        b = p.search(text)
        if b is not None and not SENTENCE_END.search(text[: b.start()].rstrip()):
            return True
    return False


@cache
def _photo_credits() -> tuple[list[re.Pattern[str]], ...]:
    """The "marker", "credit" and "bracket" endings; a "bracket" needs a test of what stands
    before it. Each is searched on its own: in one alternation the search could not skip to the
    words the patterns open with."""
    kinds: dict[str, list[re.Pattern[str]]] = {"marker": [], "credit": [], "bracket": []}
    for kind, pattern in lexicon.patterns("photo_credits"):
        kinds[kind].append(re.compile(pattern))
    return kinds["marker"], kinds["credit"], kinds["bracket"]


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


@cache
def _outlets() -> tuple[frozenset[str], tuple[str, ...]]:
    names, prefixes = set(), []
    for entry in lexicon.entries("outlets"):
        if entry.endswith("*"):
            prefixes.append(entry[:-1].casefold())
        else:
            names.add(entry.casefold())
    return frozenset(names), tuple(prefixes)


def is_outlet_name(text: str) -> bool:
    """A known news outlet's name, or one of a known family ("detikJatim", "TribunKaltim")."""
    names, prefixes = _outlets()
    key = text.strip().casefold()
    if key in names:
        return True
    return any(
        key.startswith(p) and len(key) > len(p) and " " not in key[len(p) :].strip()
        for p in prefixes
    )


def is_name_line(text: str) -> bool:
    """A bare byline: one or more names of 1–4 capitalised words, split by '|', ',' or 'dan'."""
    parts = [p.strip() for p in re.split(r"\s*\|\s*|\s*,\s*|\s+dan\s+|\s*&\s*", text) if p.strip()]
    if not parts or len(parts) > 4:
        return False
    for p in parts:
        ws = p.split()
        if not 1 <= len(ws) <= 4 or not all(NAME_WORD.fullmatch(w) for w in ws):
            return False
    return len(words(text)) >= 2


# --- the page ---------------------------------------------------------------------------------


Credits = tuple[tuple[str, str], ...]


@lru_cache(maxsize=8192)
def line_verdict(text: str) -> tuple[str, Credits, bool]:
    """What the tests of a line on its own make of it: (reason, credits, certain); reason ""
    for none. A line that is only a desk's byline label ("Oleh: Redaksi") is not certain: a line
    seen twice on the page is a "repeated line" first.

    Cached: a site's chrome comes back on every page of it."""
    credits = credit_of(text)
    label = bool(credits) and all(v.lower() in generic_credits() for _, v in credits)
    if credits and not label:
        if credits[0][0] == "photographer" and len(words(credits[0][1])) > 4:
            return "photo caption", (), True
        return "credit line", tuple(credits), True
    byline = BYLINE.match(text) or (
        POSTED_BY.match(text) if text[:2].lower() in POSTED_OPENINGS else None
    )
    if byline and find_dates(byline.group("rest")):
        return "byline", _writer(byline.group("who")), True
    if (signed := _signed(text)) is not None:
        return "byline", signed, True
    if " • " in text and TICKER.match(text):
        return "ticker", (), True  # headlines joined by bullets on one line
    dashed = len(text) < 80 and ("|" in text or " -" in text or "–" in text)
    named = NAME_DASH_OUTLET.match(text) if dashed else None
    if named and DOMAIN.match(named.group("outlet")):
        # "Fajar Ramadhan | BeritaRaya.com": the writer and the site, under the headline
        return "byline", (("author", named.group("who")), ("outlet", named.group("outlet"))), True
    reason = chrome_reason(text)
    if reason:
        return reason, (), True
    if is_caption(text):
        return "photo caption", (), True
    return ("byline label" if label else ""), (), False  # "By Admin": a desk, no person


def _writer(who: str) -> Credits:
    """The author credit of a byline's name; none for a desk's label ("admin")."""
    who = who.strip()
    return (("author", who),) if who.lower() not in generic_credits() else ()


def _signed(text: str) -> Credits | None:
    """The credit of a byline that gives a name and then the date or time: a blog's post footer
    ("Diposting oleh Yosef Bala di 19.45"), or a name and a date line under the headline
    ("Nurhayati Dunda | 25/11/2024 10:40 WITA"); None for any other line."""
    posted = POSTED_BY_AT.match(text) if text[:2].lower() in POSTED_AT_OPENINGS else None
    if posted is not None:
        rest = posted.group("rest")
        if TIME_ONLY.fullmatch(rest.strip()) or find_dates(rest):
            return _writer(posted.group("who"))
        return None
    if not ("|" in text or "·" in text or "•" in text) or len(text) > DATE_LINE_MAX + 40:
        return None
    named = NAME_THEN_DATE.match(text)
    if named is None or not is_date_line(named.group("rest")):
        return None
    who = named.group("who")
    if DOMAIN.match(who) or is_outlet_name(who) or not is_name_line(who) or _not_a_name(who):
        return None
    if not _outlet_words().isdisjoint(fold(w) for w in who.split()):
        return None  # "Warta Nusantara | 20/09/2024": a site's name before its date
    return _writer(who)


@cache
def _outlet_words() -> frozenset[str]:
    return frozenset(fold(w) for w in lexicon.entries("outlet_words"))


def _not_a_name(text: str) -> bool:
    """A word of ``text`` is one no person's name holds ("Hari", "Pilkada", "Kabupaten")."""
    return not not_names().isdisjoint(fold(w) for w in text.split())


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
        if not certain and counts[ln.text] > 1 and not is_prose(ln.text):
            reason, credits = "repeated line", ()
        if reason:
            _mark(ln, CHROME, reason)
            ln.credits = list(credits)

    _captions_above_credits(lines)
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
    fullest = max((len(words(ln.text)) for ln in header), default=3)
    header = [
        ln
        for ln in lines[:lede]
        if ln.kind == BODY or (ln.reason == "repeated line" and len(words(ln.text)) > fullest)
    ]
    layout.header = lines[:lede]
    title, layout.title_candidates = _pick_title(header)
    for ln in header:
        if ln is title:
            _mark(ln, TITLE, "headline")
        elif ln.kind == CHROME:
            continue  # a repeated line that was no headline stays what it was
        elif title is not None and ln.index > title.index and is_name_line(ln.text):
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
            _mark(ln, CHROME, "menu" if len(words(ln.text)) <= 4 else "header")
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
            if ln.kind == BODY and (is_prose(ln.text) or QUOTE_MARK.search(ln.text))
        ),
        default=0,
    )
    for ln in body[last + 1 :]:
        if ln.kind == BODY:
            _mark(ln, CHROME, "after the article")
    return layout


def _captions_above_credits(lines: list[Line]) -> None:
    """A photo's caption with its credit on the next line ("Ketua KPU … di Mataram." then
    "Foto: Lintas Bangsa/Ahmad Zuhri"): a short sentence with no quotation, right above a
    credit line that credits only the photo, with the article going on after it. A headline
    (no full stop) above the photo's credit stays what it is."""
    for above, credit, after in zip(lines, lines[1:], lines[2:], strict=False):
        if (
            above.kind == BODY
            and above.text[-1:] in ".)"
            and credit.reason == "credit line"
            and credit.credits
            and all(kind == "photographer" for kind, _ in credit.credits)
            and after.kind == BODY
            and is_prose(after.text)
            and len(words(above.text)) <= CAPTION_MAX_WORDS
            and not QUOTE_MARK.search(above.text)
        ):
            _mark(above, CHROME, "photo caption")


def _edition_teasers(lines: list[Line]) -> None:
    """A magazine's box after the article: its edition's headline ("Edisi 2 Desember 2024: …"),
    then a teaser of a sentence or two, which is no part of the article."""
    for edition, teaser in pairwise(lines):
        if (
            edition.reason == "magazine edition"
            and teaser.kind == BODY
            and len(teaser.text) <= TEASER_MAX
            and not QUOTE_MARK.search(teaser.text)
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
            or (ln.reason == "comment form" and len(words(ln.text)) >= 2)
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
    at = next((k for k, ln in enumerate(header) if len(words(ln.text)) >= low), None)
    if at is None or at == 0:
        return
    name, tagline = header[at - 1], header[at]
    later = header[at + 1 :]
    menu = sum(1 for ln in later if len(words(ln.text)) < low)
    headline = any(
        (ln.kind == BODY or ln.reason == "repeated line") and is_headline_like(ln.text)
        for ln in later
    )
    if (
        (name.kind == BODY or name.reason == "repeated line")  # "ATJEHKINI.ID", again below
        and tagline.kind == BODY
        and 1 <= len(words(name.text)) <= MASTHEAD_WORDS
        and len(words(tagline.text)) <= high
        and not any(c.isdigit() for c in name.text + tagline.text)
        and name.text[-1:] not in SENTENCE_ENDS
        and tagline.text[-1:] not in SENTENCE_ENDS
        and not QUOTE_MARK.search(tagline.text)
        and menu >= 2
        and headline
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
    return 1 <= len(words(text)) <= 2 and not SENTENCE_END.search(text)


def _is_tag(text: str) -> bool:
    """A tag of a tag list, or a tag cloud on one line: a few words, no sentence."""
    return len(words(text)) <= 12 and not SENTENCE_END.search(text) and not QUOTE_MARK.search(text)


def is_headline_like(text: str) -> bool:
    """A line written as a headline: capitalised, 3–20 words, no sentence's end."""
    if not text[:1].isupper() or text[-1:] in SENTENCE_ENDS or len(text) > HEADLINE_MAX:
        return False  # the cheap tests first: most lines of an article end a sentence
    return 3 <= len(words(text)) <= 20 and not QUOTE_MARK.search(text)


TEASER_MAX = 300  # characters: 35 words are far fewer
HEADLINE_MAX = 200
SENTENCE_ENDS = frozenset('.!?…:;,"”)')  # what SENTENCE_END finds at a stripped line's end
INNER_STOP = re.compile(r"[.!?]\s+[A-Z“\"]")


def is_teaser(text: str) -> bool:
    """One sentence under another story's headline: 5–35 words, one full stop, at its end."""
    if text[-1:] not in ".!?" or len(text) > TEASER_MAX:
        return False
    return (
        5 <= len(words(text)) <= 35
        and INNER_STOP.search(text) is None
        and not QUOTE_MARK.search(text)
    )


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

    def close() -> None:
        nonlocal heads, followed, open_head, teaser_may, headed, dated
        # a list of one story under its heading needs that story's date: a "Baca Juga" box
        # of one headline is followed by the article's next paragraph, never by a date
        if heads >= 3 or followed >= 2 or (headed and dated and heads == 1):
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
            close()  # (nothing to close before a first headline)
        elif not _is_label(ln.text):
            headed = False  # the article's own text after a heading that headed nothing
    close()


def bare_credit_label(text: str) -> list[str]:
    """The kinds of credit a label alone on its line gives ("Penulis:", "Reporter"): the name
    stands on the next line; [] for any other line."""
    pattern, kinds = _credit_labels()
    m = pattern.match(text)
    if m is None or m.group("value"):
        return []
    return kinds[m.group("label").lower()].split("+")


def credits_someone(text: str) -> bool:
    """A line that credits a writer, an editor or a photographer by name: a credit line or a
    byline ("Penulis: …", "Diposting oleh Yosef Bala di 19.45")."""
    reason, credits, _certain = line_verdict(text)
    return reason in ("credit line", "byline") and bool(credits)


def _label_above_name(lines: list[Line]) -> None:
    """A credit label alone on its line ("Reporter") gives the name on the next line."""
    for ln, nxt in pairwise(lines):
        if (kinds := bare_credit_label(ln.text)) and is_name_line(nxt.text):
            _mark(ln, CHROME, "credit line")
            _mark(nxt, CHROME, "credit line")
            nxt.credits = [(kind, nxt.text) for kind in kinds]


def _pick_title(header: list[Line]) -> tuple[Line | None, int]:
    """The headline: the header line with the most words, if it reads like one; and how many
    header lines could have been it."""
    candidates = [
        ln
        for ln in header
        if len(words(ln.text)) >= 3 and not DOMAIN.match(ln.text) and not ln.text.endswith(":")
    ]
    texts = {ln.text for ln in candidates}
    # a browser title "Headline - Suara.com" gives way to the bare "Headline" on the same page
    candidates = [
        ln for ln in candidates if BROWSER_SUFFIX.sub("", ln.text) not in texts - {ln.text}
    ]
    if not candidates:
        return None, 0
    best = max(candidates, key=lambda ln: (len(words(ln.text)), -ln.index))
    return best, len(candidates)
