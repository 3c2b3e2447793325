"""Direct quotes: where they stand and what is no speech. Pure functions.

A quote is the text between quote marks (“…”, "…", or a mismatched pair); a theme, a title or a
short term in quotes is no speech. This module also reads the words around a quote that lead into
it ("Lanjutnya, “…", "Menurut dia, “…") and the person a speech verb's first words name ("tegas
Ketua Bawaslu Sikka"); who speaks is worked out in ``speakers``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from pilkada import lexicon
from pilkada.people import name_run, parse_person_at
from pilkada.prefilter import char_positions, max_width
from pilkada.tokens import IS_CAP, IS_WORD, fold, folded, is_degree, tokenize

OPEN = "“"
CLOSE = "”"
STRAIGHT = '"'
MARKS = OPEN + CLOSE + STRAIGHT
DOTTED_AT_END = re.compile(r"\b[A-Z][A-Za-z]{0,3}(?:\.[A-Za-z]{1,4})+$")
DEGREES_AT_END = re.compile(r"(?:[,\s]*\b[A-Z][A-Za-z]{0,3}(?:\.[A-Za-z]{1,4})+\.?)+[,\s]*$")


@dataclass
class Span:
    para: int
    start: int  # offset of the first character inside the marks
    end: int  # offset of the closing mark (or the paragraph's end when never closed)
    closed: bool


@cache
def speech_verb() -> re.Pattern[str]:
    verbs = "|".join(sorted(lexicon.entries("speech_verbs"), key=len, reverse=True))
    return re.compile(rf"^(?P<verb>{verbs})(?P<nya>nya)?\b", re.IGNORECASE)


@cache
def _leads() -> re.Pattern[str]:
    leads = "|".join(sorted(lexicon.entries("speech_leads"), key=len, reverse=True))
    verbs = "|".join(sorted(lexicon.entries("speech_verbs"), key=len, reverse=True))
    return re.compile(
        rf"(?:\b(?P<who>[^,.;“”\"]{{1,80}}?)\s+(?P<lead>{leads})\b[^“”\"]{{0,40}}"
        rf"|\b(?P<menurut>[Mm]enurut)\s+(?P<who2>[^,.“”\"]{{1,60}})[^“”\"]{{0,60}}"
        rf"|\b(?P<verbnya>(?:{verbs})nya)\b[^“”\"]{{0,20}})"
        rf"[,:]?\s*$",
        re.IGNORECASE,
    )


@cache
def _themes() -> tuple[re.Pattern[str], int | None]:
    """The pattern of a theme's cue ending a text ("… bertema"), and the most characters a cue
    takes (None: no bound known)."""
    cues = "|".join(lexicon.entries("theme_cues"))
    return re.compile(rf"\b(?:{cues})\s*[:,]?\s*$", re.IGNORECASE), max_width(
        f"(?:{cues})", re.IGNORECASE
    )


def _ends_with_theme_cue(before: str) -> bool:
    """``before`` ends with a theme's cue. The cue ends where the spaces and the one colon or
    comma after it begin, so the search starts a cue's length before them, not at every
    character of the text."""
    pattern, width = _themes()
    if width is None:
        return pattern.search(before) is not None
    end = len(before.rstrip().rstrip(":,").rstrip())
    return pattern.search(before, max(0, end - width)) is not None


def find_spans(paragraphs: list[str]) -> list[Span]:
    """Every quoted span, paragraph by paragraph; a quote never closed runs to the paragraph end."""
    spans: list[Span] = []
    for k, text in enumerate(paragraphs):
        open_at: int | None = None
        curly = False
        nested = False
        for i in char_positions(text, MARKS):
            ch = text[i]
            if nested:
                nested = ch != STRAIGHT  # a straight-quoted term inside “…” ends here
            elif ch == OPEN or (ch == STRAIGHT and open_at is None):
                if open_at is None:
                    open_at, curly = i + 1, ch == OPEN
            elif ch == CLOSE and open_at is None and _opens_backwards(text, i):
                # "… di Lamsel,”mulai sekarang, …,” katanya.", "” Hal ini penting …,” katanya"
                open_at, curly = len(text) - len(text[i + 1 :].lstrip()), True
            elif ch == STRAIGHT and curly and _opens_term(text, i):
                nested = True  # “Kami menolak "serangan fajar" …”
            elif ch in (CLOSE, STRAIGHT) and open_at is not None:
                spans.append(Span(k, open_at, i, True))
                open_at = None
        if open_at is not None and len(text) - open_at > 20:
            spans.append(Span(k, open_at, len(text), False))
    return spans


def _opens_backwards(text: str, i: int) -> bool:
    """A closing mark at ``i`` typed for an opening one: glued to the comma, colon or stop before
    it and to the first letter of the quote after it ("pemimpin terbaik,”bismillah …”"), or
    opening the paragraph before a capital, with a closing mark later and no opening one
    before it; never one before a speech verb, which closes a quote begun in an earlier
    paragraph ("…,”ujarnya")."""
    rest = text[i + 1 :]
    opening = i == 0 and rest.lstrip()[:1].isupper()  # ”Hal ini penting …,” katanya
    if not opening and not (
        0 < i < len(text) - 1 and text[i - 1] in ",:." and text[i + 1].isalpha()
    ):
        return False
    later = char_positions(rest, MARKS)
    return bool(later) and rest[later[0]] != OPEN and speech_verb().match(rest) is None


def _opens_term(text: str, i: int) -> bool:
    """A straight mark at ``i`` that opens a quoted term: a space before it, a letter after it, and
    another straight mark later in the text."""
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return before in " (" and after.isalnum() and STRAIGHT in text[i + 1 :]


def is_speech(text: str, before: str) -> bool:
    """A theme, title or term in quotes is not speech."""
    if _ends_with_theme_cue(before):
        return False
    words = text.split()
    if len(words) <= 4 and not re.search(r"[.,!?]", text):
        return False
    return bool(words)


@dataclass
class Cue:
    words: str
    name: str | None = None
    role: str | None = None
    pronoun: bool = False  # stands for whoever speaks now: "ujarnya", "kata perempuan itu"
    unnamed: bool = False  # a speaker the article does not name: "kata seorang pedagang"
    nickname: str | None = None  # what the cue calls the speaker: "ASR" of "ASR, sapaan akrabnya"


def person_cue(cue_text: str, tail: str) -> Cue | None:
    """The person a speech verb's tail names by its first words: "Ketua KPU Sleman", "Gani"."""
    tokens = tokenize(tail)
    if not tokens or not tokens[0][IS_CAP]:
        return None
    m = parse_person_at(tokens, 0)
    if m is None:
        name = name_run(tokens, 0, limit=4)
        return Cue(f"{cue_text} {name}".strip(), name=name or None) if name else None
    return Cue(f"{cue_text} {tail[: m.end].strip(' ,.')}", name=m.name, role=m.role)


def before_cue(before: str) -> Cue | None:
    """A lead just before the opening mark: "Lanjutnya, “", "X mengatakan, “", "Menurut dia, “"."""
    m = _leads().search(before)
    if not m:
        return None
    if m.group("verbnya"):
        return Cue(m.group("verbnya"), pronoun=True)
    who = (m.group("who") or m.group("who2") or "").strip()
    dotted = DOTTED_AT_END.search(before[: m.end("who")]) if m.group("who") else None
    if dotted and is_degree(dotted.group()):
        # "… Dr. Mohiwan Yanyihina, S.STP menegaskan": the subject stands before the degrees
        who = DEGREES_AT_END.sub("", before[: dotted.start()])
    words = who.split()
    if not words:
        return None
    if fold(words[-1]) in folded("pronouns") or fold(words[0]) in folded("pronouns"):
        return Cue(m.group(0).strip(" ,"), pronoun=True)
    # the subject is the last capitalised run before the verb ("Selain itu, Teguh Wibowo"),
    # degrees after the name set aside ("Dr. Mohiwan Yanyihina, S.STP menegaskan")
    parts = [p.strip() for p in who.split(",") if p.strip()]
    while len(parts) > 1 and is_degree(parts[-1]):
        parts.pop()
    subject = parts[-1] if parts else ""
    tokens = tokenize(subject)
    start = next((i for i, t in enumerate(tokens) if t[IS_WORD] and t[IS_CAP]), None)
    if start is None:
        return None
    pm = parse_person_at(tokens, start)
    if pm is not None:
        return Cue(m.group(0).strip(" ,"), name=pm.name, role=pm.role)
    name = name_run(tokens, start, limit=4)
    return Cue(m.group(0).strip(" ,"), name=name) if name else None
