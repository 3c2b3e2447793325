"""One line on its own: the kind of chrome, credit or caption it is, and why; and the small tests
of a line (prose, a date line, a name line, an outlet's name) the page's classifier
(``pilkada.layout``) builds on. Pure functions, cached: a site's chrome comes back on every page.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from itertools import count, pairwise

from pilkada import lexicon
from pilkada.dates import find_dates
from pilkada.prefilter import (
    ANY,
    ASCII,
    UNCASED,
    Firsts,
    Opening,
    first_chars,
    first_pairs,
    literal_openings,
    may_open_literally,
    uncased,
)
from pilkada.tokens import fold, not_names

CAPTION_MAX_WORDS = 45  # a photo caption is a sentence or two, never a long paragraph
DATE_LINE_MAX = 80  # "Jumat, 31 Maret 2023 - 07:43:56 WIB" and the like are far shorter

BODY = "body"
TITLE = "title"
CHROME = "chrome"

WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
DOMAIN = re.compile(
    r"^[\w-]+(\.[\w-]+)*\.(com|id|net|org|co\.id|go\.id|or\.id|ac\.id|news|tv|info|co)$", re.I
)
SENTENCE_ENDS = frozenset('.!?…:;,"”)')  # what may end a sentence, spaces after it aside
BYLINE = re.compile(
    r"^(?:by|oleh)\s+(?P<who>[^-–|•]+?)\s*(?:[-–|•]|\s{2,}|\s(?:pada|on)\s)\s*(?P<rest>.*\d.*)$",
    re.IGNORECASE,
)
BYLINE_OPENINGS = frozenset({"by", "ol"})  # what BYLINE's words open with
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


def quoted(text: str) -> bool:
    """A quote mark ("“", "”" or '"') stands in ``text``; each is looked for in C."""
    return '"' in text or "“" in text or "”" in text


def ends_sentence(text: str) -> bool:
    """``text`` ends with what ends a sentence (``SENTENCE_ENDS``), maybe with spaces after it."""
    return text.rstrip()[-1:] in SENTENCE_ENDS


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
    """The chrome patterns a line opening with ``first`` (lower-cased ASCII, or a character
    beyond ASCII with no case such as the "“" of a quote; "" for any other) can match, as one
    alternation (one match per line); the reason of each group. The patterns keep their order,
    so the first that matches wins as it would among all of them."""
    patterns = _chrome_patterns()
    return _alternation(
        tuple(
            n
            for n, (_reason, _pattern, firsts) in enumerate(patterns)
            if not first
            or firsts is None
            or first in firsts
            or (first not in ASCII and UNCASED in firsts)
        )
    )


FEW_PATTERNS = 6  # a line's first two characters that leave this many are tried one by one


def _few_patterns(stripped: str) -> tuple[int, ...] | None:
    """The chrome patterns, by number and in order, that a stripped line's first two characters
    leave it to match, when they are few; None when they are many or a character cannot be
    looked up (see ``_key``)."""
    first = _key(stripped[:1]) if stripped else None
    if first is None:
        return None
    second = _key(stripped[1]) if len(stripped) > 1 else None
    if second is None and len(stripped) > 1:
        return None
    chosen = _chrome_by_pair(first, second)
    return chosen if len(chosen) <= FEW_PATTERNS else None


@cache
def _chrome_by_pair(first: str, second: str | None) -> tuple[int, ...]:
    """The chrome patterns, by number and in order, that a line opening with characters of
    these keys (``second`` None for a line of one character) can match: those with an opening
    that fits: one of the first key, or of the first and the second, or of keys that stand
    for them (``ANY``, ``UNCASED``)."""
    index = _chrome_openings()
    firsts = (first, ANY, UNCASED) if first not in ASCII else (first, ANY)
    keys: list[Opening] = [(), *((a,) for a in firsts)]
    if second is not None:
        seconds = (second, ANY, UNCASED) if second not in ASCII else (second, ANY)
        keys += [(a, b) for a in firsts for b in seconds]
    return tuple(sorted({n for key in keys for n in index.get(key, ())}))


@cache
def _chrome_openings() -> dict[Opening | None, list[int]]:
    """The chrome patterns by number under each of their openings (``first_pairs``); under (),
    which every line fits, those whose openings are not known."""
    index: dict[Opening | None, list[int]] = {}
    for n, (_reason, pattern, _firsts) in enumerate(_chrome_patterns()):
        openings = first_pairs(pattern, re.IGNORECASE)
        for opening in openings if openings is not None else [()]:
            index.setdefault(opening, []).append(n)
    return index


@cache
def _chrome_singles() -> list[re.Pattern[str]]:
    """Each chrome pattern on its own: matching the few that a line's opening leaves one by one
    is cheaper than matching their alternation. Made all at once, as the alternations by first
    character are made only after many lines."""
    return [re.compile(pattern, re.IGNORECASE) for _reason, pattern, _ in _chrome_patterns()]


def _key(char: str) -> str | None:
    """What a line's character is looked up by: lower-cased ASCII, or itself beyond ASCII when
    it has no case; None for any other (a cased letter beyond ASCII may match an ASCII one)."""
    if char in ASCII:
        return char.lower()
    return char if uncased(char) else None


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
def _credit_openings() -> frozenset[str] | None:
    return literal_openings(lexicon.mapping("credits"))


def _may_open_credit(text: str) -> bool:
    """False only when ``text`` cannot open with a credit label (see ``may_open_literally``):
    far cheaper than trying the labels' alternation."""
    return may_open_literally(text, _credit_openings())


@cache
def _caption_cue() -> re.Pattern[str]:
    cues = "|".join(
        re.escape(c) for c in sorted(lexicon.entries("caption_cues"), key=len, reverse=True)
    )
    return re.compile(rf"^({cues})\b\s*[:.\-–(]?", re.IGNORECASE)


@cache
def _caption_cue_openings() -> frozenset[str] | None:
    return literal_openings(lexicon.entries("caption_cues"))


@cache
def generic_credits() -> frozenset[str]:
    return frozenset(w.lower() for w in lexicon.entries("credit_labels"))


# --- single-line tests ------------------------------------------------------------------------


@lru_cache(maxsize=4096)
def words(text: str) -> tuple[str, ...]:
    """The words of a line; cached, as several tests of one line count them."""
    return tuple(WORD.findall(text))


# WORD's words without cutting them out: each ASCII letter written as its case ("a" or "A"),
# every other byte a space, and the apostrophes and the hyphen that WORD takes inside a word
# dropped (with "’", the one character beyond ASCII it takes, and every other such character
# encoded as "?", a space): a word is then a run of letters, and opens after a space
_WORD_SHAPE = (
    bytes(
        ord("a") if chr(b).islower() else ord("A") if chr(b).isupper() else ord(" ")
        for b in range(128)
    )
    + b" " * 128
)
_INSIDE_WORDS = b"'-"


@lru_cache(maxsize=4096)
def word_counts(text: str) -> tuple[int, int]:
    """How many words ``words`` finds in ``text``, and how many of them open in lower case;
    counted in C, without a string for each word."""
    shape = text.replace("’", "").encode("ascii", "replace")
    shape = shape.translate(_WORD_SHAPE, _INSIDE_WORDS)
    lower = shape.count(b" a") + shape.startswith(b"a")
    return lower + shape.count(b" A") + shape.startswith(b"A"), lower


def word_count(text: str) -> int:
    """``len(words(text))``."""
    return word_counts(text)[0]


def lower_ratio(text: str) -> float:
    n, lower = word_counts(text)
    return lower / n if n else 0.0


@lru_cache(maxsize=4096)
def is_prose(text: str) -> bool:
    """A line of running text: enough words, mostly lower-case, as sentences are in Indonesian."""
    n, lower = word_counts(text)
    ratio = lower / n if n else 0.0
    if (n >= 8 and ratio >= 0.34) or n >= 25:
        return True
    ends = ends_sentence(text)
    return ends and ((n >= 5 and ratio >= 0.3) or n >= 15)


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
    if many and (chosen := _few_patterns(stripped)) is not None:
        patterns, singles = _chrome_patterns(), _chrome_singles()
        for n in chosen:
            if singles[n].match(stripped) is not None:
                return patterns[n][0]
        return _date_or_credit_tag(stripped)
    key = (first.lower() if first in ASCII else first if uncased(first) else "") if many else ""
    pattern, reasons = _chrome(key)
    m = pattern.match(stripped)
    if m is not None and m.lastgroup is not None:
        return reasons[int(m.lastgroup[1:])]
    return _date_or_credit_tag(stripped)


def _date_or_credit_tag(stripped: str) -> str | None:
    """The kind of chrome a stripped line that no chrome pattern matches may still be."""
    if is_date_line(stripped):
        return "date line"
    if stripped[:1] == "(" and CREDIT_TAG.match(stripped):  # it opens with its bracket
        return "credit tag"
    return None


def credit_of(text: str) -> list[tuple[str, str]]:
    """Credits on a credit line: [(kind, value)], kind being author, editor or photographer.

    "Penulis : Bayu", "Editor     : Yus Ismail", "Teks/Foto : Masdiana (Tim Publikasi …)",
    "Penulis Kontributor Baubau, Defriatno Neke | Editor Khairina".
    """
    stripped = text.strip()
    if not _may_open_credit(stripped):
        return []
    pattern, kinds = _credit_labels()
    if pattern.match(stripped) is None:  # the first segment must open with a label
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
        if bare and (len(value.split()) < 2 or not is_name_line(value) or not_a_name(value)):
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
    if quoted(text) and is_prose(text):
        return False
    if may_open_literally(text, _caption_cue_openings()) and _caption_cue().match(text):
        return True
    # a photographer's name in brackets; not an acronym such as "(KPU)" closing a sentence
    m = PHOTOGRAPHER_AT_END.search(text) if text.endswith(")") else None
    if m is not None and not ends_sentence(text[: m.start()]):
        return True
    if word_count(text) > CAPTION_MAX_WORDS:
        return False
    markers, credits, brackets = _photo_credits()
    if markers.search(text):
        return True
    if not text.rstrip().endswith(")"):
        return False  # "credit" and "bracket" endings are brackets that close the line
    if credits.search(text):
        return True
    for p in brackets:
        b = p.search(text)
        if b is not None and not ends_sentence(text[: b.start()]):
            return True
    return False


@cache
def _photo_credits() -> tuple[re.Pattern[str], re.Pattern[str], list[re.Pattern[str]]]:
    """The "marker" and the "credit" endings, each kind as one alternation (a line is a caption
    when any of them ends it, and one search tells), and the "bracket" endings, each on its own,
    as each needs a test of what stands before it. The patterns open with fixed characters ("F"
    of "Foto", "/", "."), so that the search of an alternation still skips to them."""
    kinds: dict[str, list[str]] = {"marker": [], "credit": [], "bracket": []}
    for kind, pattern in lexicon.patterns("photo_credits"):
        kinds[kind].append(pattern)
    return (
        _any_of(kinds["marker"]),
        _any_of(kinds["credit"]),
        [re.compile(p) for p in kinds["bracket"]],
    )


def _any_of(patterns: list[str]) -> re.Pattern[str]:
    """One pattern that matches where any of ``patterns`` does."""
    return re.compile("|".join(f"(?:{p})" for p in patterns))


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
    return word_count(text) >= 2


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
        if credits[0][0] == "photographer" and word_count(credits[0][1]) > 4:
            return "photo caption", (), True
        return "credit line", tuple(credits), True
    opening = text[:2].lower()
    byline = (BYLINE.match(text) if opening in BYLINE_OPENINGS else None) or (
        POSTED_BY.match(text) if opening in POSTED_OPENINGS else None
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
    if text.count(",") >= TAG_CLOUD_ITEMS - 1 and is_tag_cloud(text):
        return "tag list", (), True
    if is_caption(text):
        return "photo caption", (), True
    return ("byline label" if label else ""), (), False  # "By Admin": a desk, no person


TAG_CLOUD_ITEMS = 6  # a list of fewer names may be a sentence's subject
TAG_ITEM_WORDS = 5


def is_tag_cloud(text: str) -> bool:
    """The page's tags written on one line, split by commas: six items or more, each a few
    capitalised words or acronyms and nothing else ("Polres Banjarnegara, Kapolres
    Banjarnegara, AKBP Erick Budi Santoso, Pemkab Banjarnegara, …"); no sentence ends it."""
    if text.rstrip()[-1:] in ".!?:;":
        return False
    items = [item.split() for item in text.split(",")]
    return len(items) >= TAG_CLOUD_ITEMS and all(
        1 <= len(item) <= TAG_ITEM_WORDS and all(w[:1].isupper() or w[:1].isdigit() for w in item)
        for item in items
    )


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
    if DOMAIN.match(who) or is_outlet_name(who) or not is_name_line(who) or not_a_name(who):
        return None
    if holds_outlet_word(who):
        return None  # "Warta Nusantara | 20/09/2024": a site's name before its date
    return _writer(who)


def holds_outlet_word(text: str) -> bool:
    """A word of ``text`` is one of a news outlet's name ("Warta", "Pos", "Portal")."""
    return not outlet_words().isdisjoint(fold(w) for w in text.split())


@cache
def outlet_words() -> frozenset[str]:
    return frozenset(fold(w) for w in lexicon.entries("outlet_words"))


def not_a_name(text: str) -> bool:
    """A word of ``text`` is one no person's name holds ("Hari", "Pilkada", "Kabupaten")."""
    return not not_names().isdisjoint(fold(w) for w in text.split())


def bare_credit_label(text: str) -> list[str]:
    """The kinds of credit a label alone on its line gives ("Penulis:", "Reporter"): the name
    stands on the next line; [] for any other line."""
    if len(text) > BARE_LABEL_MAX:
        return []  # a paragraph, not a label alone
    if not _may_open_credit(text):
        return []
    pattern, kinds = _credit_labels()
    m = pattern.match(text)
    if m is None or m.group("value"):
        return []
    return kinds[m.group("label").lower()].split("+")


# a credit label alone on its line is a few words and a colon ("Penanggung Jawab :"); a line
# longer than this is a paragraph, not read against the labels
BARE_LABEL_MAX = 48


def credits_someone(text: str) -> bool:
    """A line that credits a writer, an editor or a photographer by name: a credit line or a
    byline ("Penulis: …", "Diposting oleh Yosef Bala di 19.45")."""
    reason, credits, _certain = line_verdict(text)
    return reason in ("credit line", "byline") and bool(credits)
