"""Who is speaking: the speaker state through an article. Pure functions.

Reporting prose names a speaker before it quotes them, and then quotes them with a pronoun:
"Tri Maharini, dokter emergensi …, memaparkan, …" then "“…,” ujarnya." The state is who speaks
now. It is set by a speech frame (a person as the subject of a reporting verb, "Menurut X, …",
"…, kata X." outside quotes), by a person introduced to the reader ("Gita (23), lulusan …, …") and
by a quote whose attribution names its speaker. A pronoun cue ("katanya", "kata dia"), a role-only
cue ("ujar Presiden") or a descriptive one ("kata perempuan itu") takes it. Objects, possessors,
names inside quotes and subjects of other verbs do not move it.

The walk is lazy: a quote whose cue names nobody reads the frames back from itself to the quote
before it, paragraph by paragraph, and stops at the first that names someone.

A subject is read from the comma-separated pieces of a clause by one small grammar:
``[connective] (person | role piece, [region piece,] name piece | name piece, description piece)``
where a person is a title-anchored phrase ("Kepala BPS Kalsel Mohammad Edy Mahmud"), an honorific
and a name, or a plain capitalised name with an age ("Rizky Aqilah (29)").
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from typing import overload

from pilkada import lexicon
from pilkada.models import Confidence, Quote
from pilkada.people import (
    LIST_WORDS,
    Mention,
    find_people,
    name_end,
    name_run,
    parse_person_at,
)
from pilkada.prefilter import char_positions, first_char_at
from pilkada.quotes import (
    Cue,
    Span,
    before_cue,
    find_spans,
    is_speech,
    person_cue,
    speech_verb,
)
from pilkada.regions import is_place_name
from pilkada.registry import Event, Registry
from pilkada.registry import Person as RegPerson
from pilkada.tokens import (
    END,
    IS_CAP,
    IS_WORD,
    START,
    TEXT,
    Token,
    acting_forms,
    fold,
    folded,
    honorifics,
    institutions,
    longest_entry,
    lower_honorifics,
    not_names,
    titles,
    tokenize,
)

PERSON = "person"
ROLE = "role"
PRONOUN = "pronoun"

AGE = re.compile(r"^\(\d{1,3}(?:\s*tahun)?\)")
# a name with an age in brackets introduces a person wherever it stands: "Salah satunya Minda
# (21), pengunjung asal Gedebage"
AGE_AT = re.compile(r" \(\d{1,3}(?:\s*tahun)?\)")
AGED = re.compile(r"(?:[A-Z][\w'’-]+ ){0,3}[A-Z][\w'’-]+$")  # the name before AGE_AT


@dataclass(frozen=True)
class Subject:
    """Who a clause names as its speaker: a person (name, maybe a role), a role alone, or a
    pronoun that stands for whoever speaks now."""

    kind: str
    name: str | None = None
    role: str | None = None
    honorific: str | None = None
    introduced: bool = False  # named with an age or a description: "Sumiati (52), pedagang …"


@dataclass(frozen=True)
class Frame:
    """A speech frame or an introduction at (paragraph, offset) and the subject it names."""

    para: int
    offset: int
    subject: Subject
    speech: bool  # a reporting verb, not only an introduction


@cache
def adjuncts() -> frozenset[str]:
    return folded("adjuncts") | folded("frame_adverbs")


# --- the grammar of one clause -------------------------------------------------------------------


def pieces(text: str) -> list[str]:
    """``text`` cut at its commas outside brackets."""
    if "(" not in text:
        return [p.strip() for p in text.split(",")]
    out: list[str] = []
    depth = 0
    start = 0
    for i, ch in enumerate(text):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif ch == "," and depth == 0:
            out.append(text[start:i].strip())
            start = i + 1
    out.append(text[start:].strip())
    return out


def _rest_is_loose(text: str) -> bool:
    """What follows a name in its piece may be an age, a bracketed note or an adjunct
    ("saat dihubungi", "di Jakarta"), never more of a sentence of its own."""
    rest = text.strip()
    if not rest:
        return True
    if AGE.match(rest) or rest.startswith("("):
        return True
    first = rest.split(None, 1)[0]
    return fold(first) in adjuncts()


LOWER_START = re.compile(r"\s+[a-z]")


def _verb_follows(text: str) -> bool:
    """What follows a person in its piece opens with a lower-case word: their verb."""
    return LOWER_START.match(text) is not None


def _plain_name(tokens: Sequence[Token], i: int) -> str | None:
    """A capitalised name from token ``i`` that is no place, organisation or acronym."""
    name = name_run(tokens, i, limit=5)
    if not name:
        return None
    words = name.split()
    plain, stopwords = not_names(), folded("stopwords")
    if any(fold(w) in plain or fold(w) in stopwords for w in words):
        return None  # "Menurut Haris", "Bagi Toto": a sentence's first word, not a name's
    if any(w.isupper() and len(w) > (1 if n == 0 else 3) for n, w in enumerate(words)):
        return None  # "PT Genecraft Labs", "BIY", "Data LPSE": an organisation or an acronym
    if any(any(c.isdigit() for c in w) or fold(w).endswith("nya") for w in words):
        return None  # "Covid-19", "Masalahnya": no name word
    if is_place_name(name) or longest_entry(tokens, i, institutions(), caps=False):
        return None
    return name


def _strip_connectives(tokens: Sequence[Token]) -> int:
    i = 0
    connectives = folded("connectives")
    while i < len(tokens) and tokens[i][IS_WORD] and fold(tokens[i][TEXT]) in connectives:
        i += 1
    return i


@dataclass(frozen=True)
class _Piece:
    kind: str  # PERSON, ROLE, PRONOUN, "name" (a plain name), "desc", "other"
    text: str
    mention: Mention | None = None
    name: str | None = None
    aged: bool = False
    tail: bool = False  # the person ends a longer run of capitals: it may be a description


@lru_cache(maxsize=4096)
def classify(text: str, *, ending: bool = True) -> _Piece:
    """What one comma-separated piece of a clause is. ``ending``: a titled person that ends
    a piece that is no person itself is its subject ("disampaikan Kepala Dinas … dr Widji");
    not in a sentence's opening, where it is an object ("diserahkan kepada Camat Alok Maria")."""
    tokens = tokenize(text)
    i = _strip_connectives(tokens)
    if i >= len(tokens):
        return _Piece("other", text)
    first = tokens[i]
    key = fold(first[TEXT])
    if first[IS_WORD] and key in folded("pronouns"):
        return _Piece(PRONOUN, text)
    stopwords = folded("stopwords")
    if all(fold(t[TEXT]) in stopwords for t in tokens[i:]):
        return _Piece("other", text)  # "Sementara itu", "Oleh karena itu"
    if key in lower_honorifics() and i + 1 < len(tokens) and tokens[i + 1][IS_CAP]:
        name = _plain_name(tokens, i + 1)  # "dokter Adam Prabata", "dr Ridwan"
        if name is not None and _rest_is_loose(text[name_end(tokens, i + 1, name, dot=True) :]):
            return _Piece(PERSON, text, mention=Mention(name, None, 0, len(text), first[TEXT]))
    if first[IS_CAP]:
        m = parse_person_at(tokens, i)
        if m is not None and not ending and m.name and m.role and _verb_follows(text[m.end :]):
            # a sentence's opening "Pj Bupati Manggarai Barat Fransiskus meninjau …": the
            # office-holder it is about
            return _Piece(PERSON, text, mention=m)
        if m is not None and _rest_is_loose(text[m.end :]):
            if m.name is None and text[m.end :].strip():
                # "Kepala BNPB yang juga Ketua Satgas Covid-19 Doni Monardo"
                whole = _ending_person(text)
                if whole is not None:
                    return _Piece(PERSON, text, mention=whole)
            return _Piece(PERSON if m.name else ROLE, text, mention=m)
        name = _plain_name(tokens, i)
        if name is not None:
            end = name_end(tokens, i, name, dot=True)
            rest = text[end:]
            if _rest_is_loose(rest):
                return _Piece("name", text, name=name, aged=bool(AGE.match(rest.strip())))
        last = _ending_person(text) if ending else None
        if last is not None and (name is not None or last.role is not None):
            # "General Manager Pertamina Marketing Operation Region IV PT Pertamina Sylvia
            # Grace Yuvenna": a run of capitals longer than a name ends with the name;
            # "Hal itu disampaikan Kepala Dinas Kesehatan Banyuwangi dr Widji Lestariono"
            return _Piece(PERSON, text, mention=last, tail=name is not None)
    opener = key in adjuncts() or key in folded("connectives")  # no set made for the question
    if first[IS_WORD] and not opener and _describes(key, first):
        return _Piece("desc", text[first[1] :])
    return _Piece("other", text)


def _describes(key: str, first: Token) -> bool:
    """A piece that opens with a lower-case word or a word of description or office can describe
    a person ("warga Cipayung", "Anggota pengurus Masjid At-Tin"); "RSUD Ulin" cannot."""
    return not first[IS_CAP] or key in folded("descriptions") or key in titles().firsts


def _role_of(piece: _Piece) -> str | None:
    if piece.kind == ROLE and piece.mention is not None:
        return piece.mention.role
    if piece.kind == "desc":
        return piece.text.strip(" ,.")
    return None


def subject_of(clause: str, *, lead_only: bool = False, opening: bool = False) -> Subject | None:
    """The speaker a clause names. Before a verb ("Namun, Harold Lontoh, anggota KPPS, …"), the
    first piece that names someone; after a verb (``lead_only``: "kata anggota KPU Sulut,
    Salman Saelangi, ketika …"), its first piece and the apposition that completes it.
    ``opening``: the clause is a sentence's opening, read for whom it introduces or is about."""
    texts = pieces(clause)
    if len(texts) > 1 and fold(texts[-1].split(" ", 1)[0]) in LIST_WORDS:
        # "Kepala Bidang … Permukiman, Cipta Karya, dan Tata Ruang Kota Surabaya Iman Krestian
        # menuturkan": the commas list a role's parts; the subject ends the last one
        m = _ending_person(texts[-1])
        if m is not None and m.name:
            return Subject(PERSON, m.name, m.role, m.honorific)
    parts = _Parts(texts, ending=not opening)
    for n in range(len(parts)):
        piece = parts[n]
        nxt = parts[n + 1] if n + 1 < len(parts) else None
        if piece.kind == PRONOUN:
            return Subject(PRONOUN)
        if piece.kind == PERSON and piece.mention is not None:
            m = piece.mention
            if (m.role or piece.tail) and nxt is not None and _names_alone(nxt):
                # "Direktur RSUD Yowari, Dr. Petronela Risamasu", "Head of Global Macro
                # Research Nomura, Rob Subbaraman": the role is the whole piece
                found = _apposed_name(parts, n, piece.text if piece.tail else f"{m.role} {m.name}")
                if found is not None:
                    return found
            described = _role_of(nxt) if nxt is not None else None
            return Subject(
                PERSON, m.name, m.role or described, m.honorific, introduced=described is not None
            )
        one_word = len((piece.name or "").split()) < 2
        alone = piece.kind == "name" and one_word and not piece.aged
        told = nxt is not None and nxt.kind in (ROLE, "desc")
        if alone and not lead_only and nxt is not None and not told:
            continue  # "Pekan lalu, Menteri …", "Ditemui di Banyuwangi, …": no speaker
        if piece.kind == "name":
            if nxt is not None and _names_alone(nxt) and not piece.aged:
                # "Sia-sia Pengajar di Fakultas Hukum …, Hamidah Abdurrachman, menilai": a
                # description, then the name
                found = _apposed_name(parts, n, piece.text)
                if found is not None:
                    return found
            role = _role_of(nxt) if nxt is not None else None
            if role is None and nxt is not None and nxt.kind == PERSON and nxt.mention is not None:
                # "Astariadi Kurniawan, Manager Strategi LSI Denny JA": after a name, a piece
                # that opens with a title is that name's role, whole
                role = nxt.text.strip(" ,.") if nxt.mention.role else None
            return Subject(PERSON, piece.name, role, introduced=piece.aged or role is not None)
        if piece.kind in (ROLE, "desc"):
            found = _apposed_name(parts, n)
            if found is None and piece.kind == "desc":
                found = _described_name(piece.text, lead_only=lead_only)
            if found is not None:
                return found
            if piece.kind == ROLE and piece.mention is not None:
                return Subject(ROLE, role=piece.mention.role)
        if lead_only and piece.kind != "other":
            return None  # after a verb the speaker comes first; a sentence may open "Di sini,"
    if parts and not lead_only:
        m = _ending_person(parts[-1].text)
        if m is not None and m.name is not None:
            return Subject(PERSON, m.name, m.role, m.honorific)
    return None


def _ending_person(text: str) -> Mention | None:
    """The person that ends a clause's piece, right before its verb: the subject of a sentence
    that opens with something else ("Prosedur pendataan Ketua Gugus Tugas Doni Monardo
    mengatakan", "Tak henti-hentinya di sepanjang jalan Risma terus mengingatkan"), or the name
    after a long role ("Direktur Eksekutif Institute for … (Indef) Tauhid Ahmad berpendapat")."""
    words = text.split()
    while words and (fold(words[-1]) in adjuncts() or AGE.match(words[-1])):
        words.pop()  # "… Fenny (28)": the age after the name
    body = " ".join(words)
    found = [m for m in find_people(body) if m.name and m.end >= len(body)]
    tokens = tokenize(body)
    if found:
        m = found[-1]
        before = [j for j, t in enumerate(tokens) if t[END] <= m.start]
        if m.role is None and any(longest_entry(tokens, j, titles()) for j in before):
            # "Kepala Induk Patroli Jalan Raya (PJR) Tol Purbaleunyi Ajun Komisaris Stanlly
            # Soeselisa": a rank opens the name; the words before it are the role
            return replace(m, role=body[: m.start].strip(" ,"), start=0)
        return m
    k = len(tokens)
    while k > 0 and tokens[k - 1][IS_WORD] and tokens[k - 1][IS_CAP] and len(tokens) - k < 3:
        k -= 1
    while k < len(tokens):
        name = _plain_name(tokens, k)
        if name is not None and name_end(tokens, k, name, dot=True) >= len(body):
            role = body[: tokens[k][START]].strip(" ,")
            titled = any(longest_entry(tokens, j, titles()) for j in range(k))
            if titled and _runs_on(role):
                return None  # "Pj Bupati lantaran beredar isu … salah satu Bacalon": a clause
            return Mention(name, role if titled else None, 0, len(body))
        k += 1
    return None


ROLE_LOWER_WORDS = 3  # "Kepala Bidang … Cipta Karya, dan Tata Ruang": a role's few links


def _runs_on(role: str) -> bool:
    """Words before a name that are a clause, not a role: more lower-case words than a role's
    links ("dan", "dari", "untuk")."""
    return sum(w[:1].islower() for w in role.split()) > ROLE_LOWER_WORDS


def _names_alone(piece: _Piece) -> bool:
    """A piece that is a name and nothing else: a plain name, or an honorific and a name."""
    return piece.kind == "name" or (
        piece.kind == PERSON and piece.mention is not None and piece.mention.role is None
    )


class _Parts(Sequence[_Piece]):
    """A clause's pieces, each classified only when the grammar looks at it: a sentence opening
    is read no further than its speaker."""

    def __init__(self, texts: list[str], *, ending: bool) -> None:
        self.texts = texts
        self.ending = ending
        self.done: dict[int, _Piece] = {}

    def __len__(self) -> int:
        return len(self.texts)

    @overload
    def __getitem__(self, k: int) -> _Piece: ...
    @overload
    def __getitem__(self, k: slice) -> list[_Piece]: ...
    def __getitem__(self, k: int | slice) -> _Piece | list[_Piece]:
        if isinstance(k, slice):
            return [self[j] for j in range(*k.indices(len(self.texts)))]
        if k not in self.done:
            self.done[k] = classify(self.texts[k], ending=self.ending)
        return self.done[k]


def _apposed_name(parts: Sequence[_Piece], n: int, role: str | None = None) -> Subject | None:
    """A role or description piece, then maybe a region piece, then a name: "Kepala Puskesmas
    Cilincing, Jakarta Utara, Edison Sahputra"."""
    role = role or _role_of(parts[n])
    if role is None or (parts[n].kind == "desc" and len(role.split()) < 2):
        return None
    for k, later in enumerate(parts[n + 1 : n + 3], start=n + 1):
        if k + 1 < len(parts) and _continues_a_role(later.text):
            role = f"{role}, {later.text}"  # "Divisi Perencanaan, Data dan Informasi, Sri …"
            continue
        if _names_alone(later):
            m = later.mention
            name = m.name if m is not None else later.name
            return Subject(PERSON, name, role, m.honorific if m else None, introduced=True)
        if not is_place_name(later.text):
            return None
    return None


def _described_name(text: str, *, lead_only: bool) -> Subject | None:
    """A description of who someone is, in lower-case words, then their name, with no comma
    between: "kata saksi Tri Hartanto", "pengamat politik senior Budi Santoso menilai". The
    description opens with a word of ``name_describers`` and holds only lower-case words; after a
    verb (``lead_only``) the sentence may go on after the name ("ujar saksi Hartanto menyebut
    …")."""
    tokens = tokenize(text)
    if not tokens or fold(tokens[0][TEXT]) not in folded("name_describers"):
        return None
    k = 1
    while k < len(tokens) and tokens[k][IS_WORD] and not tokens[k][IS_CAP]:
        k += 1
    if k >= len(tokens) or k > DESCRIPTION_WORDS or not tokens[k][IS_CAP]:
        return None
    name = _plain_name(tokens, k)
    if name is None:
        return None
    rest = text[name_end(tokens, k, name, dot=True) :]
    if not (_rest_is_loose(rest) or (lead_only and _verb_follows(rest))):
        return None
    after = rest.split(None, 1)[0].strip(",.;:!?") if rest.strip() else ""
    if fold(after) in folded("anaphors"):
        return None  # "kata siswa jurusan Teknik Otomotif itu": a description pointing back
    while k > 1 and fold(tokens[k - 1][TEXT]) in folded("introducers"):
        k -= 1  # "warga lain seperti Rudianta": the description ends before "seperti"
    role = text[: tokens[k][START]].strip()
    return Subject(PERSON, name, role, introduced=True)


def _continues_a_role(text: str) -> bool:
    """A piece that goes on listing the parts of the role before it: capitalised words joined
    by "dan" or "serta" ("Data dan Informasi", "Hukum serta Pengawasan"), no person's title."""
    words = text.split()
    joins = [w for w in words if w in LIST_WORDS]
    return (
        len(joins) == 1
        and words[0] not in LIST_WORDS
        and words[-1] not in LIST_WORDS
        and all(w in LIST_WORDS or w[:1].isupper() for w in words)
        and fold(words[words.index(joins[0]) + 1]) not in titles().firsts
    )


# --- frames in a paragraph -----------------------------------------------------------------------


# ", kata X," or "lanjut X," outside quotes: a speech verb before its subject
INVERTED = re.compile(r"[,;]\s*(?P<w>[A-Za-z]+)\s+(?=[A-Za-z])")
LEADING = re.compile(r"\s*(?P<w>[A-Za-z]+)\s+(?=[A-Za-z])")
LOWER_WORD = re.compile(r"[a-z]+")


def _words_at(text: str, found: set[str]) -> list[int]:
    """Where each of the words ``found`` stands in ``text`` as a whole word, in order."""
    out = []
    for word in found:
        at = text.find(word)
        while at >= 0:
            end = at + len(word)
            if (at == 0 or not text[at - 1].isalnum()) and (
                end == len(text) or not text[end].isalnum()
            ):
                out.append(at)
            at = text.find(word, end)
    return sorted(out)


def _inverted_at(masked: str, words: set[str]) -> list[tuple[int, int]]:
    """(start, end) of each speech verb opening a clause, before the speaker it names."""
    verbs = folded("inverted_verbs")
    first = LEADING.match(masked)
    opens = first is not None and first.group("w").lower() in verbs  # "Ucap Gani, …"
    if not opens and verbs.isdisjoint(words):
        return []
    found = [m for m in INVERTED.finditer(masked) if m.group("w").lower() in verbs]
    if opens and first is not None:
        found.insert(0, first)
    return [m.span() for m in found]


@cache
def _leads() -> re.Pattern[str]:
    """ "Menurut X, …" and "Hal itu disampaikan X": the words that lead to a speaker after them."""
    passive = "|".join(sorted(_lead_words() - {"menurut"}))
    return re.compile(rf"(?:[Mm]enurut|(?:{passive})(?:\s+oleh)?)\s+")


@cache
def _lead_words() -> frozenset[str]:
    return folded("passive_leads") | {"menurut"}


# what may end a sentence or a quoted stretch (see ``breaks``); a break runs on over the spaces
# after it
BREAK_MARKS = '.!?“”"'


def mask_quotes(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """``text`` with what stands inside quote marks blanked, offsets kept."""
    if not spans:
        return text
    out = list(text)
    for start, end in spans:
        out[start:end] = " " * (end - start)
    return "".join(out)


def breaks(text: str) -> list[tuple[int, int]]:
    """Where the sentences and quoted stretches of ``text`` end: (start, end) of each break.
    A full stop, question or exclamation mark ends a sentence after a lower-case letter, a
    digit or a bracket, an initial's or a short title's dot ("M. Yusuf", "Dr.") aside; a quote
    mark always breaks."""
    return [_break_at(text, at) for at in char_positions(text, BREAK_MARKS) if _is_break(text, at)]


def first_break(text: str, start: int = 0) -> tuple[int, int]:
    """The first break of ``text`` from ``start`` on (see ``breaks``), read no further; (len,
    len) when there is none."""
    while (at := first_char_at(text, BREAK_MARKS, start)) >= 0:
        if _is_break(text, at):
            return _break_at(text, at)
        start = at + 1
    return len(text), len(text)


def _break_at(text: str, at: int) -> tuple[int, int]:
    """The break whose mark stands at ``at``: the mark and the spaces after it."""
    end = at + 1
    while end < len(text) and text[end].isspace():
        end += 1
    return at, end


def _is_break(text: str, at: int) -> bool:
    if text[at] not in ".!?":
        return True
    before = text[at - 1] if at else " "
    if not (before.islower() or before.isdigit() or before == ")"):
        return False
    return not (text[at] == "." and _abbreviated(text, at))


def _abbreviated(text: str, dot: int) -> bool:
    """The word before the dot at ``dot`` is an initial ("M. Yusuf") or a title written short
    ("Dr.", "dr.", "Hj.", "Jl."), not a short name ending a sentence ("kata Ani.")."""
    k = dot
    while k > 0 and text[k - 1].isalpha() and dot - k < 5:
        k -= 1
    word = text[k:dot]
    if not word or (k > 0 and text[k - 1].isalpha()):
        return False
    if len(word) == 1:
        return True
    key = fold(word)
    return key in honorifics().firsts or key in lower_honorifics() or key in not_names()


def _clause_start(cuts: list[tuple[int, int]], at: int) -> int:
    """Where the sentence or clause holding offset ``at`` begins."""
    k = bisect_right(cuts, (at, at)) - 1
    while k >= 0 and cuts[k][1] > at:
        k -= 1
    return cuts[k][1] if k >= 0 else 0


def _sentence_end(cuts: list[tuple[int, int]], at: int, length: int) -> int:
    k = bisect_left(cuts, (at, 0))
    return cuts[k][0] if k < len(cuts) else length


MENURUT = re.compile(r"\s*[Mm]enurut\s")  # a sentence that says whose account it is


class Candidate:
    """A place in a paragraph where a frame may stand, read only when asked (``frame``): the
    walk reads a paragraph's candidates from its end and stops at the first that names someone."""

    __slots__ = ("_frame", "_read", "kind", "offset", "para", "text")

    def __init__(self, para: int, offset: int, kind: str, text: str) -> None:
        self.para, self.offset, self.kind, self.text = para, offset, kind, text
        self._read = False
        self._frame: Frame | None = None

    @property
    def frame(self) -> Frame | None:
        if not self._read:
            self._frame = self._parse()
            self._read = True
        return self._frame

    def _parse(self) -> Frame | None:
        if self.kind == "verb":  # the clause before a reporting verb
            if MENURUT.match(self.text) is not None and "," in self.text:
                # "Menurut X, … setelah Bupati Y meminta …": what X says, and Y's request in
                # it; "Menurut X mengatakan, …" is X's own frame
                return None
            subject = subject_of(self.text)
        elif self.kind == "lead":  # the words after "Menurut", ", kata", "disampaikan"
            subject = subject_of(self.text, lead_only=True)
        elif self.kind == "aged":  # "… Minda (21)"
            name = _plain_name(tokenize(self.text), 0)
            subject = Subject(PERSON, name, introduced=True) if name else None
        else:  # a sentence's opening: an introduction or the person a passage is about
            subject = subject_of(self.text, lead_only=True, opening=True)
            if subject is None or subject.kind != PERSON:
                return None
            if subject.introduced and not _introduces(subject, self.text):
                subject = replace(subject, introduced=False)
        if subject is None:
            return None
        return Frame(self.para, self.offset, subject, self.kind in ("verb", "lead"))


def _introduced_at(text: str, at: int) -> bool:
    """A name at ``at`` stands where a person is introduced: after a comma or a dash, or after
    one of the words that introduce someone ("Salah satunya …", "seperti …")."""
    before = text[max(0, at - 30) : at].rstrip()
    if not before or before[-1] in ",—–-(:":
        return True
    word = fold(before.split()[-1])
    # "dikeluhkan Kiki (23)", "dialami Riza (19)": the agent after a passive verb
    passive = word.startswith("di") and len(word) > 5 and word.endswith(("kan", "i"))
    return passive or word in folded("introducers")


def _introduces(subject: Subject, sentence: str) -> bool:
    """An opening introduces a person with two name words or more, an age, or one word and a
    description of who they are ("Ruli, salah satu peserta, …"); "Yogi, misalnya, …" only
    names someone already known."""
    if len((subject.name or "").split()) > 1 or AGE_AT.search(sentence, 0, 80):
        return True
    words = (subject.role or "").split()
    return bool(words) and (
        fold(words[0]) in folded("descriptions")
        or fold(words[0]) in titles().firsts
        or fold(" ".join(words[:2])) == "salah satu"
    )


def candidates(para: int, text: str, spans: Sequence[tuple[int, int]]) -> list[Candidate]:
    """Where frames may stand in one paragraph, in order; quoted text is not read."""
    masked = mask_quotes(text, spans)
    cuts = breaks(masked)
    words = set(LOWER_WORD.findall(masked))  # the lower-case words, looked up in C
    out = [
        Candidate(para, at, "verb", masked[_clause_start(cuts, at) : at])
        for at in _words_at(masked, words & folded("speech_leads"))
    ]
    leads = []
    if not _lead_words().isdisjoint(words) or "Menurut" in masked:
        leads = [
            m.span()
            for m in _leads().finditer(masked)
            if m.start() == 0 or not masked[m.start() - 1].isalpha()
        ]
    for start, end in leads + _inverted_at(masked, words):
        after = masked[end : _sentence_end(cuts, end, len(masked))]
        out.append(Candidate(para, start, "lead", after))
    for m in AGE_AT.finditer(masked):
        named = AGED.search(masked, max(0, m.start() - 80), m.start())
        # an opening is read with its description; elsewhere the name must follow words that
        # introduce someone, not a verb or a preposition whose object it is
        if named is not None and named.start() > 0 and _introduced_at(masked, named.start()):
            out.append(Candidate(para, named.start(), "aged", named.group()))
    for start in _sentence_starts(masked, cuts):
        sentence = masked[start : _sentence_end(cuts, start, len(masked))]
        if _may_introduce(sentence):
            out.append(Candidate(para, start, "opening", sentence))
    out.sort(key=lambda c: c.offset)
    return out


def _may_introduce(sentence: str) -> bool:
    """A sentence whose first word is a function word ("Mereka …", "Dalam rapat …") opens with
    no person, unless that word opens a piece of connectives only ("Namun, Harold …")."""
    first = sentence.split(None, 1)[0].strip(",.;:") if sentence.strip() else ""
    key = fold(first)
    if key not in folded("stopwords") and key not in not_names():
        return True
    piece = sentence.split(",", 1)[0].split()
    return len(piece) <= 3 and all(fold(w) in folded("stopwords") for w in piece)


# a lede's dateline and outlet before its dash: "LABUAN BAJO, Pos Kupang – Pj Bupati …"
DATELINE = re.compile(r"[^.!?“”\"\n]{2,60}?\s[–—-]\s+(?=[A-Z])")


def _sentence_starts(text: str, cuts: list[tuple[int, int]]) -> list[int]:
    starts = [len(text) - len(text.lstrip())]
    if ("–" in text[:64] or " - " in text[:64] or "—" in text[:64]) and (
        lede := DATELINE.match(text)
    ):
        starts.append(lede.end())  # the lede's sentence opens after the dateline
    starts += [end for _, end in cuts if end < len(text) and text[end].isupper()]
    return starts


# --- kinds of cue ---------------------------------------------------------------------------------

CUE_KINDS = ("named", "pronoun", "role-only", "descriptive", "none")


def cue_kind(cue: str | None) -> str:
    """What a quote's cue says of its speaker: names them ("kata Winarto"), stands for them
    ("ujarnya", "kata dia"), gives only a role ("tutur Presiden") or a description ("kata
    dokter di Puskesmas itu"), or there is none."""
    words = (cue or "").split()
    if not words:
        return "none"
    first = fold(words[0].strip(",.:"))
    if first.endswith("nya") or any(fold(w.strip(",.")) in folded("pronouns") for w in words[1:2]):
        return "pronoun"
    subject = subject_of(" ".join(words[1:]), lead_only=True) if len(words) > 1 else None
    if subject is None:
        return "descriptive" if len(words) > 1 and words[1][:1].islower() else "named"
    if subject.kind == ROLE:
        return "role-only"
    if subject.kind == PRONOUN:
        return "pronoun"
    return "named"


# --- the walk through the article ----------------------------------------------------------------


@dataclass(frozen=True)
class Attribution:
    """The quotes of an article with their speakers, and its people: those the registry was
    given and those the speech frames and attributions added."""

    quotes: list[Quote]
    people: list[RegPerson]


def attribute(paragraphs: list[str], given: Registry) -> Attribution:
    """Walk the article's quotes in order, keeping who speaks now.

    A quote whose cue names its speaker sets the state. A quote whose cue does not (a pronoun,
    a description, none) takes it from the last frame between the quote before it and itself,
    or else from that quote: frames are read back from the quote, paragraph by paragraph, and
    only as far as needed, so an article whose quotes all name their speakers reads none."""
    reg = given.copy()
    spans = find_spans(paragraphs)
    by_para: dict[int, list[tuple[int, int]]] = {}
    for sp in spans:
        by_para.setdefault(sp.para, []).append((sp.start, sp.end))
    read: dict[int, list[Candidate]] = {}

    def frames_in(k: int) -> list[Candidate]:
        if k not in read:
            read[k] = candidates(k, paragraphs[k], by_para.get(k, []))
        return read[k]

    current: int | None = None
    since = (-1, -1)  # where the last quote's sentence ends: frames before it were read
    out: list[Quote] = []
    kept: list[Span] = []
    for n, sp in enumerate(spans):
        before = spans[n - 1].end + 1 if n and spans[n - 1].para == sp.para else 0
        after = (
            spans[n + 1].start - 1 if n + 1 < len(spans) and spans[n + 1].para == sp.para else -1
        )
        found = _cue(paragraphs[sp.para], sp, before, after)
        if found is None:
            continue
        cue, quote_text = found
        if cue is None or cue.pronoun:
            framed = _last_framed(paragraphs, reg, frames_in, since, (sp.para, sp.start))
            current = framed if framed is not None else current
        speaker, why, conf = _resolve(cue, reg, sp, current)
        person = reg.people[speaker] if speaker is not None else None
        out.append(
            Quote(
                text=quote_text,
                speaker=person.name if person else None,
                role=person.role if person else None,
                paragraph=sp.para,
                cue=cue.words if cue else None,
                confidence=conf,
                why=why,
            )
        )
        kept.append(sp)
        since = (sp.para, _cue_end(paragraphs[sp.para], sp.end))
        if speaker is not None:
            current = speaker
            reg.record(Event(sp.para, sp.end, speaker, True))
        elif cue is not None and cue.unnamed:
            current = UNNAMED
    _carry_continued(out, kept, paragraphs)
    return Attribution(out, reg.people)


CAPITAL = re.compile("[A-Z]")


def _cue_end(text: str, close: int) -> int:
    """Where the sentence that a quote closing at ``close`` ends, with its cue ("…,” kata
    Yosef."): no frame after the quote begins before it."""
    return first_break(text, close + 1)[1]


def _last_framed(
    paragraphs: list[str],
    reg: Registry,
    frames_in: Callable[[int], list[Candidate]],
    since: tuple[int, int],
    until: tuple[int, int],
) -> int | None:
    """The person of the last frame between ``since`` and ``until`` that names one: a pronoun
    frame ("Ia menambahkan") keeps whoever spoke before it, a role held by nobody names none."""
    for k in range(until[0], max(since[0], 0) - 1, -1):
        lo = since[1] if k == since[0] else 0
        hi = until[1] if k == until[0] else len(paragraphs[k])
        if CAPITAL.search(paragraphs[k], lo, hi) is None:
            continue  # a frame that names someone names them with a capital: "…,” ujarnya."
        for c in reversed(frames_in(k)):
            if not (since < (c.para, c.offset) < until) or (f := c.frame) is None:
                continue
            if f.speech or f.subject.introduced:
                if f.subject.kind != PRONOUN:
                    idx = _subject_person(f.subject, reg)
                    if idx is not None:
                        reg.record(Event(f.para, f.offset, idx, True))
                        return idx
            elif (idx := reg.find(f.subject.name or "")) is not None and (
                f.subject.role is not None or reg.named_before(idx, (f.para, f.offset))
            ):
                # the subject of another verb moves the state only to someone named with their
                # office there or named before: the person a passage is about ("Wali Kota Bekasi
                # Rahmat Effendi sudah menerbitkan …", "Vicky juga melarang …")
                return idx
    return None


def _subject_person(subject: Subject, reg: Registry) -> int | None:
    """The person a frame's subject stands for, recorded in ``reg`` when new."""
    if subject.kind == ROLE:
        return reg.by_role(subject.role or "")
    if not subject.name:
        return None
    idx = reg.find(subject.name)
    if idx is None:
        idx = reg.add(
            subject.name, subject.role, subject.honorific, official=holds_office(subject.role)
        )
    elif subject.role and not reg.people[idx].role:
        reg.give_role(idx, subject.role)
        if _described(subject.role):
            reg.people[idx].official = False  # "Ibu Siti Aminah, kader posyandu": described
    return idx


def holds_office(role: str | None) -> bool:
    """A role that opens with a title of office, in capitals or not ("Koordinator Divisi …",
    "anggota KPU Garut"): its holder is an official. A description ("kader posyandu",
    "pedagang sayur") is none, though an honorific stands before the name ("Ibu Siti")."""
    if role is None:
        return False
    tokens = tokenize(role)
    acting = longest_entry(tokens, 0, acting_forms())  # "Plt Kepala Dinas …"
    return longest_entry(tokens, acting[0] if acting else 0, titles(), caps=False) is not None


def _described(role: str) -> bool:
    """A role that opens with a word of description ("kader posyandu", "warga Sila") and no title
    of office: what its holder does, no office."""
    words = role.split(None, 1)
    return bool(words) and fold(words[0]) in folded("descriptions") and not holds_office(role)


def _cue(text: str, sp: Span, prev_end: int, next_start: int) -> tuple[Cue | None, str] | None:
    """The cue of the quote ``sp`` of paragraph ``text`` and its text, the quotes beside it in
    the paragraph ending at ``prev_end`` and opening at ``next_start`` (-1: none); None when the
    span is no speech (a theme, a term)."""
    before = text[prev_end : sp.start - 1]
    quote_text = text[sp.start : sp.end]
    if not is_speech(quote_text, before):
        return None
    after = text[sp.end + 1 : next_start if next_start >= 0 else len(text)] if sp.closed else ""
    return after_cue(after) or lead_cue(before) or before_cue(before), quote_text


def lead_cue(before: str) -> Cue | None:
    """A reporting verb leading into the quote and the speaker the grammar reads before it:
    "Harold Lontoh, anggota KPPS, mengatakan, “…", "Kepala BPBD Anwar Hadi menjelaskan: “…"."""
    words = set(LOWER_WORD.findall(before[-60:]))
    at = _words_at(before, words & folded("speech_leads"))
    if not at:
        return None
    verb = at[-1]
    rest = before[verb:]
    if not LEAD_TAIL.fullmatch(rest):
        return None  # the verb leads into other words, not into the quote
    start = _clause_start(breaks(before), verb)
    subject = subject_of(before[start:verb])
    if subject is None or subject.kind != PERSON or not subject.name:
        return None
    return Cue(before[start:].strip(" ,:"), name=subject.name, role=subject.role)


# a reporting verb right before the opening mark: "mengatakan, “", "menjelaskan: “"
LEAD_TAIL = re.compile(r"[a-z]+\s*[,:]?\s*")


# where the speaker's phrase after a speech verb ends: at a time, place or manner, or at a
# passive verb after a comma ("ujar Sastriadi, dikutip Rabu …", "…, ditemui di kantornya")
CUE_ENDS = re.compile(
    r"\s(?:dalam|saat|ketika|seusai|usai|di|kepada|melalui|lewat|pada|sambil|seraya|yang)\s"
    r"|,\s+di[a-z]{3,}\b"
)


@cache
def _day_end() -> re.Pattern[str]:
    """A day's name after the speaker ends what names them: "kata Kapolres … AKBP Nanang,
    Selasa (14/2/2017)"."""
    days = sorted((d.capitalize() for d in lexicon.mapping("days")), key=len, reverse=True)
    return re.compile(rf"(?:{'|'.join(map(re.escape, days))})\b")


def after_cue(after: str) -> Cue | None:
    """A speech verb just after the closing mark and who it says spoke: a pronoun ("…,”
    ujarnya", "kata dia"), or a speaker read by the grammar of frames ("kata pemilik Kopi NYIA,
    Armanunsah (50), saat …", "ujar General Manager PLN Unit Induk Distribusi Jabar Agung
    Nugraha."), or else the person or role its first words name ("tegas Ketua Bawaslu Sikka")."""
    rest = after.lstrip(" \t\n,.;:")
    m = speech_verb().match(rest)
    if m is None:
        return None
    verb = m.group(0)
    if m.group("nya"):
        return Cue(verb, pronoun=True)
    tail = rest[m.end() :]
    first = tail.strip().split(" ", 1)[0].strip(",.") if tail.strip() else ""
    if fold(first) in folded("pronouns"):
        return Cue(f"{verb} {first}", pronoun=True)
    head = tail[:200]  # a speaker is named in the words right after the verb
    phrase = head[: first_break(head)[0]]
    cut = CUE_ENDS.search(phrase) or _day_end().search(phrase, 1)
    if cut is not None:
        phrase = phrase[: cut.start()]
    if (nicknamed := _nickname_of(phrase)) is not None:
        called, name = nicknamed
        words = f"{verb} {phrase.strip(' ,.')}"
        if name:
            return Cue(words, name=name, nickname=called)
        return Cue(words, pronoun=True, nickname=called)
    subject = subject_of(phrase, lead_only=True)
    if subject is None or subject.kind != PERSON or not subject.name:
        return person_cue(verb, head) or described_cue(verb, head[: first_break(head)[0]], phrase)
    said = phrase.split()
    while said and said[-1][:1].islower():
        said.pop()  # "ungkap Teguh dengan optimis": the cue ends with the name
    return Cue(" ".join([verb, *said]).strip(" ,."), name=subject.name, role=subject.role)


def _nickname_of(phrase: str) -> tuple[str, str] | None:
    """For a name, then words that say it is what people call someone: the nickname and whose
    it is, by the name they give ("Castro, sapaan Herdiansyah": "Castro", "Herdiansyah"), or ""
    where they give none ("ASR, sapaan akrabnya": the person the passage is about). None for
    other phrases."""
    name, _, rest = phrase.partition(",")
    words = rest.split()
    if not (words and name.strip()[:1].isupper() and fold(words[0]) in folded("nickname_words")):
        return None
    k = 1
    while k < len(words) and fold(words[k]) in ("akrab", "akrabnya", "dari", "bagi", "untuk"):
        k += 1
    return name.strip(), name_run(tokenize(" ".join(words[k:])), 0, limit=4)


def described_cue(verb: str, said: str, phrase: str) -> Cue | None:
    """A speech verb followed by a description of its speaker, not a name: one that points back
    to someone named ("ujar perempuan berusia 52 tahun itu") stands for whoever speaks now, as a
    pronoun does; one that opens with an indefinite word ("kata seorang pedagang beras yang …",
    "ujar salah satu warga") gives a speaker the article does not name. ``said``: the words
    after the verb to the sentence's end; ``phrase``: those before a time, place or manner."""
    words = said.split()
    if not words or len(words) > DESCRIPTION_WORDS or not words[0][:1].islower():
        return None
    first, last = fold(words[0].strip(",.")), fold(words[-1].strip(",."))
    if first in adjuncts() or first in folded("connectives") or first in folded("prepositions"):
        return None  # "kata saat ditemui itu" describes when, not who
    cue = " ".join([verb, *words]).strip(" ,.")
    if last in folded("anaphors"):
        return Cue(cue, pronoun=True)
    if first in folded("unnamed_leads"):
        return Cue(" ".join([verb, *phrase.split()]).strip(" ,."), unnamed=True)
    return None


DESCRIPTION_WORDS = 10  # a description of a speaker runs no longer than this
UNNAMED = -1  # the state while a speaker the article does not name is speaking


def _resolve(
    cue: Cue | None, reg: Registry, sp: Span, current: int | None
) -> tuple[int | None, str, Confidence]:
    if cue is not None and cue.unnamed:
        return None, f"a speaker the article does not name: '{cue.words}'", Confidence.medium
    if current == UNNAMED and (cue is None or cue.pronoun):
        how = f"pronoun '{cue.words}' refers to" if cue is not None else "no attribution;"
        return None, f"{how} the speaker before it, whom the article does not name", Confidence.low
    if cue is not None and (cue.name or cue.role) and not cue.pronoun:
        if cue.name:
            # a cue that says who the speaker is ("kata Andi, warga setempat") names someone of
            # their own, not a short form of another ("Andika Perkasa")
            short = not (cue.role and cue.role[:1].islower())  # a description, not an office
            idx = reg.find(cue.name, short=short)
            if idx is None:
                described = cue.role is not None and _described(cue.role)
                idx = reg.add(
                    reg.fullest_form(cue.name), cue.role, short=short, official=not described
                )
            elif cue.role and not reg.people[idx].role:
                reg.give_role(idx, cue.role)
            if idx is not None:
                reg.people[idx].seen_as(cue.name)
                if cue.nickname:  # "kata Castro, sapaan Herdiansyah": found by "Castro" too
                    reg.give_nickname(idx, cue.nickname)
            return idx, f"named in the attribution '{cue.words}'", Confidence.high
        idx = reg.by_role(cue.role or "", prefer=current)
        if idx is not None:
            return idx, f"role '{cue.role}' held by the person named earlier", Confidence.medium
        return None, f"role '{cue.role}' not matched to a named person", Confidence.low
    speaking = current if current is not None else reg.latest(sp.para, sp.start)
    how = "the person speaking before it" if current is not None else "the person last named"
    if cue is not None:
        if speaking is None:
            return None, f"pronoun '{cue.words}' with no person named before it", Confidence.low
        if cue.nickname:  # "tegas ASR, sapaan akrabnya": the speaker is found by "ASR" too
            reg.give_nickname(speaking, cue.nickname)
        return speaking, f"pronoun '{cue.words}' refers to {how}", Confidence.medium
    if speaking is None:
        return None, "no attribution found", Confidence.low
    return speaking, f"no attribution; {how}", Confidence.low


def _carry_continued(out: list[Quote], spans: list[Span], paragraphs: list[str]) -> None:
    """A quote left open at its paragraph's end and taken up by a quote opening the next paragraph
    is one speech: it has the speaker of the part that closes it. ``spans[n]`` is ``out[n]``'s."""
    for n in range(len(out) - 2, -1, -1):
        q, nxt = out[n], out[n + 1]
        continued = nxt.paragraph == q.paragraph + 1 and paragraphs[nxt.paragraph][:1] in '“"'
        if continued and not spans[n].closed and nxt.speaker:
            out[n] = q.model_copy(
                update={
                    "speaker": nxt.speaker,
                    "role": nxt.role,
                    "cue": nxt.cue,
                    "confidence": nxt.confidence,
                    "why": f"continues in the next paragraph, where {nxt.why}",
                }
            )
