"""Names, titles of office, roles and regions in Indonesian news text. Pure functions.

A person is found where the text anchors one: a title of office ("Bupati Nunukan Asmin Laura
Hafid", "Ketua Bawaslu Kukar, Teguh Wibowo"), an honorific or rank ("Prof. Bambang Iswanto",
"Iptu Tri Nugroho") or a speech verb ("ujar Fakhrian"). Roles are written with regions in full
("Kukar" becomes "Kutai Kartanegara") and acting forms shortened ("Pejabat Sementara (Pjs)"
becomes "Pjs").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from itertools import compress, count

from pilkada import lexicon
from pilkada.regions import REGION_KINDS, district_table, districts, match_region, regions
from pilkada.tokens import (
    END,
    IS_CAP,
    IS_WORD,
    START,
    TEXT,
    Token,
    acting_forms,
    address_words,
    companies,
    district_titles,
    first_pieces,
    fold,
    folded,
    honorifics,
    institutions,
    is_degree,
    longest_entry,
    lower_honorifics,
    may_open,
    name_openers,
    not_names,
    role_links,
    titles,
    token_keys,
    tokenize,
)

MAX_HONORIFICS = 4  # "Kompol Drs. H. …": a longer chain is no name phrase
ROMAN = frozenset("I II III IV V VI VII VIII IX X XI XII XIII XIV XV XVI XVII XVIII XIX XX".split())


@dataclass(frozen=True)
class Mention:
    """A person anchored in a text: their name (without honorifics) and role, where given."""

    name: str | None
    role: str | None
    start: int
    end: int
    honorific: str | None = None


# --- names ------------------------------------------------------------------------------------


def split_name(text: str) -> tuple[str | None, str]:
    """Honorifics and ranks apart from the name; degrees dropped.

    >>> split_name("Irjen Pol Winarto")
    ('Irjen Pol', 'Winarto')
    """
    tokens = tokenize(text)
    honors: list[str] = []
    i = 0
    while (m := longest_entry(tokens, i, honorifics())) is not None:
        honors.append(m[1])
        i += m[0]
    name = name_run(tokens, i)
    return (" ".join(honors) or None), name


def name_run(tokens: Sequence[Token], i: int, limit: int = 5, *, titled: bool = False) -> str:
    """Capitalised words from token ``i`` on (a single-letter initial may carry a dot).
    ``titled``: a title or a rank stands right before, so a word of ``titled_names`` ("Hari")
    opens the name when a name word follows it ("Kompol Hari Susanto")."""
    words: list[str] = []
    if (
        i < len(tokens)
        and tokens[i][TEXT] in _opener_firsts()
        and (opener := longest_entry(tokens, i, name_openers()))
    ):
        # "Anak Agung", though "anak" is a word of no name elsewhere
        words = [t[TEXT] for t in tokens[i : i + opener[0]] if t[IS_WORD]]
        i += opener[0]
    elif (
        titled
        and i + 1 < len(tokens)
        and fold(tokens[i][TEXT]) in folded("titled_names")
        and tokens[i + 1][IS_WORD]
        and tokens[i + 1][IS_CAP]
        and fold(tokens[i + 1][TEXT]) not in not_names()
    ):
        words = [tokens[i][TEXT]]
        i += 1
    stops, plain = _name_stops(), not_names()
    while i < len(tokens) and len(words) < limit:
        t = tokens[i]
        key = fold(t[TEXT])
        if _degree_ahead(tokens, i) or (
            key in stops
            and (
                longest_entry(tokens, i, titles()) is not None
                or longest_entry(tokens, i, acting_forms()) is not None
                or (words and longest_entry(tokens, i, honorifics()) is not None)
            )
        ):
            # a degree, a title of office ("Paslon Bupati dan …"), "Pj", or a rank after a name
            # ("… Budi Santoso Prof. …") is not part of the name
            break
        if (
            t[IS_WORD]
            and t[IS_CAP]
            and not is_degree(t[TEXT])
            and key not in plain
            and not (key[-2:] == "an" and NOMINAL.fullmatch(key))  # NOMINAL's words end so
            and (key.isalpha() or DIGIT.search(key) is None)  # no letter is a digit
        ):
            words.append(t[TEXT])
            i += 1
            if i < len(tokens) and tokens[i][TEXT] == "." and len(t[TEXT]) <= 3:
                i += 1  # "Muh. Said", "R. Gani"
            continue
        break
    return " ".join(words)


# A noun made with the confix pe-…-an or ke-…-an, nine letters or more ("Pemenangan",
# "Pengawasan", "Perencanaan", "Kesehatan"): the name of an office's field, never a person's.
NOMINAL = re.compile(r"(?=[a-z]{9})(?:pe[mnr]?|peng|peny|ke)[a-z]{3,}an")
DIGIT = re.compile(r"\d")  # a name word holds none ("Covid-19")


def _degree_ahead(tokens: Sequence[Token], i: int) -> bool:
    """A dotted degree starts at token ``i``: "S.H", "S.I.K", "S.STP", "M.Si"."""
    if not (tokens[i][IS_WORD] and len(tokens[i][TEXT]) == 1):
        return False
    letters = ""
    j = i
    while j < len(tokens) and j < i + 8 and (tokens[j][TEXT] == "." or tokens[j][IS_WORD]):
        if tokens[j][IS_WORD]:
            if len(tokens[j][TEXT]) > 3:
                break
            letters += tokens[j][TEXT]
            if is_degree(letters) and letters != tokens[i][TEXT]:
                return True
        j += 1
    return False


# --- roles ------------------------------------------------------------------------------------


def _role_tail(tokens: Sequence[Token], i: int) -> tuple[list[Token], int]:
    """The run of words after a title that may belong to the role or the name."""
    run: list[Token] = []
    addresses = address_words()
    while i < len(tokens):
        t = tokens[i]
        if fold(t[TEXT]) in addresses:
            break
        if t[TEXT].startswith("(") or (t[IS_WORD] and (t[IS_CAP] or fold(t[TEXT]) in REGION_KINDS)):
            run.append(t)
        elif (
            t[TEXT] in lower_honorifics() and run and i + 1 < len(tokens) and tokens[i + 1][IS_CAP]
        ):
            run.append(t)  # "Kepala Dinas Kesehatan Banyuwangi dr Widji Lestariono"
        elif t[TEXT] == "." and run and len(run[-1][TEXT]) <= 4 and run[-1][IS_CAP]:
            run.append(t)  # "Drs." "Muh." inside the run
        elif (t[TEXT][:1].isdigit() or t[TEXT] == "/") and (
            _command_number(tokens, i)
            or (not run and _unit_number(tokens, i))
            or (run and _numbered_unit(tokens, i))
        ):
            # "Pangdam XIV/Hasanuddin", "Dandim 0724/Boyolali", "Dandim 1608 Bima", "Ketua KPPS
            # TPS 04 Hutatoruan", "Pasiter Kodim 0402 OKI"
            run.append(t)
        elif (
            t[IS_WORD]
            and fold(t[TEXT]) in {"dari", "dan"}
            and run
            and i + 1 < len(tokens)
            and tokens[i + 1][IS_CAP]
            and longest_entry(tokens, i + 1, titles()) is None
            and longest_entry(tokens, i + 1, acting_forms()) is None
        ):
            # "Wakil Ketua MPR RI dari Fraksi Partai Demokrat" runs on; "Bupati X dan Ketua Y"
            # is two people
            run.append(t)
        else:
            break
        i += 1
    while run and (
        run[-1][TEXT] == "."
        or fold(run[-1][TEXT]) in {"dari", "dan"}
        or (run[-1][TEXT][0] == "(" and _is_note(run[-1]))
    ):
        run.pop()
    return run, i


def _unit_number(tokens: Sequence[Token], i: int) -> bool:
    """A command's number of three or four digits before its name, right after the title:
    "Dandim 1608 Bima", "Danrem 162 Wira Bhakti"; never a year ("2024")."""
    t = tokens[i][TEXT]
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    return (
        t.isdigit() and len(t) in (3, 4) and t[:2] not in ("19", "20") and bool(nxt and nxt[IS_CAP])
    )


def _numbered_unit(tokens: Sequence[Token], i: int) -> bool:
    """A unit's number of one to four digits after its name, with more of the role after it:
    "TPS 04 Hutatoruan", "Kodim 0402 OKI", "SMA Negeri 1 Jantho"; never a year."""
    t = tokens[i][TEXT]
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    return (
        t.isdigit()
        and len(t) <= 4
        and not (len(t) == 4 and t[:2] in ("19", "20"))
        and tokens[i - 1][IS_CAP]
        and bool(nxt and nxt[IS_CAP])
    )


def _command_number(tokens: Sequence[Token], i: int) -> bool:
    """A slash joining a military or police command's number to its name: "XIV/Hasanuddin"."""
    t = tokens[i]
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if t[TEXT] == "/":
        return (
            i > 0
            and (tokens[i - 1][TEXT] in ROMAN or tokens[i - 1][TEXT][:1].isdigit())
            and bool(nxt and nxt[IS_CAP])
        )
    return t[TEXT][:1].isdigit() and t[TEXT].endswith("/") and bool(nxt and nxt[IS_CAP])


def _is_boundary(run: Sequence[Token], k: int, local: bool = False) -> int:
    """How many tokens of ``run`` from ``k`` on belong certainly to a role (0: none).

    ``local``: the title is of an office below the kabupaten, so a kecamatan name right after it
    ("Camat Lebong Tengah") is part of the role."""
    t = run[k]
    if local and k == 0 and (d := longest_entry(run, k, district_table())) is not None:
        return d[0]
    if t[TEXT].startswith("("):
        return 1
    text = t[TEXT]
    if text in ROMAN:
        m = longest_entry(run, k, name_openers())
        return 0 if m is not None and k + m[0] < len(run) else 1  # "I" of "I Wayan Sudarta"
        # opens a Balinese name; it is no numeral
    if text == "/":
        return 2 if k + 1 < len(run) else 1  # "XIV/Hasanuddin": both role
    if text[:1].isdigit():
        d = longest_entry(run, k + 1, district_table())
        return 1 + d[0] if d else 1  # "Kepala SMKN 1 Cangkringan": the unit's place
    if fold(t[TEXT]) in REGION_KINDS:
        return 1
    region = match_region(run, k)
    if region is not None:
        return region[0]
    unit = longest_entry(run, k, institutions(), caps=False)
    if unit is None:
        return 0
    after = k + unit[0]
    if (
        fold(unit[1]) in folded("territorial_units")
        and after < len(run)
        and run[after][IS_WORD]
        and run[after][IS_CAP]
        and match_region(run, after) is None
        and longest_entry(run, after, honorifics()) is None
    ):
        return unit[0] + 1  # "Polres Tanjabar": the unit's territory, whatever its name
    return unit[0]


_SPACED_SLASH = re.compile(r"\s*/\s*")


def _role_text(acting: str | None, title: str, tail: list[Token]) -> str:
    words: list[str] = [acting] if acting else []
    words.append(title)
    k = 0
    company = False  # in a company's name, a region stays as written: "PT Transportasi Jakarta"
    while k < len(tail):
        t = tail[k]
        low = fold(t[TEXT])
        company = (company or low in companies()) and low not in REGION_KINDS
        if t[TEXT].startswith("("):
            k += 1  # "(Kukar)", "(Pjs)": the full form stands beside it
            continue
        if t[TEXT] == ".":
            k += 1
            continue
        if low in REGION_KINDS:
            # "Bupati Kabupaten Kukar" -> "Bupati Kutai Kartanegara"; "KPU Kabupaten Bekasi" stays
            if not (k == 0 and title in {"Bupati", "Wakil Bupati", "Gubernur", "Wakil Gubernur"}):
                words.append(REGION_KINDS[low])
            k += 1
            continue
        m = None if company else match_region(tail, k)
        if m and not (k + m[0] < len(tail) and _names_an_organisation(tail, k + m[0])):
            words.append(m[1])
            k += m[0]
            continue
        words.append(t[TEXT])
        k += 1
    return _SPACED_SLASH.sub("/", " ".join(words))  # "Pangdam XIV/Hasanuddin"


NOTE = re.compile(r"\([^()]*[,\d][^()]*\)")


def _is_note(t: Token) -> bool:
    """A bracket of a source or a date after a name ("Anies Baswedan (Kompas, 10/9/2020)"), not
    a short form of the role ("(OPD)", "(Persero)")."""
    return NOTE.fullmatch(t[TEXT]) is not None


def _name_start(run: Sequence[Token], last: int) -> int:
    """Where the name starts past a unit's title and a department joined by "dan"."""
    last = _past_joined_unit(run, last)
    while last and (n := _inner_title(run, last)):
        last += n
    return last


def _past_joined_unit(run: Sequence[Token], last: int) -> int:
    """Where the name starts when a department joined by "dan" ends the role: past "dan" and
    the acronym after it, where a name of two or three words follows ("Sekretaris Kementerian
    Koperasi dan UKM Rully Indrawan"); ``last`` otherwise ("Kordiv Data dan Informasi")."""
    joins = [k for k in range(last, len(run)) if run[k][TEXT] == "dan"]
    if not joins:
        return last
    k = joins[-1] + 1
    if k < len(run) and _is_acronym(run[k]) and 2 <= len(run) - k - 1 <= 3:
        return k + 1
    return last


def _inner_title(run: Sequence[Token], k: int) -> int:
    """How many tokens a title of office at ``run[k]`` takes when it names the unit before it
    and a name of two words or more follows (the "Presiden" of "Sekretariat Presiden"); 0
    otherwise."""
    m = longest_entry(run, k, titles())
    if m is None or len(run) - k - m[0] < 2:
        return 0
    return m[0]


def _names_an_organisation(tail: Sequence[Token], k: int) -> bool:
    """The capitalised words from ``tail[k]`` on end an organisation's name within three words
    ("… Democracy Watch"): the region before them is part of it."""
    for t in tail[k : k + 3]:
        if not (t[IS_WORD] and t[IS_CAP]):
            return False
        if fold(t[TEXT]) in folded("organisation_ends"):
            return True
    return False


def written_in_full(role: str) -> str:
    """A role that opens with its title, with the regions it shortens written in full
    ("Kepala Satpol PP Kukar" -> "Kepala Satpol PP Kutai Kartanegara"), as a title's role is;
    the rest stays as written."""
    tokens = tokenize(role)
    title = longest_entry(tokens, 0, titles(), caps=False)
    if title is None:
        return role
    out: list[str] = []
    at = 0  # how much of ``role`` is in ``out``
    k = title[0]
    while k < len(tokens):
        low = fold(tokens[k][TEXT])
        if low in companies():
            break  # "PT Transportasi Jakarta": a company's region stays as it writes it
        m = match_region(tokens, k) if tokens[k][IS_CAP] else None
        if m is None or _names_an_organisation(tokens, k + m[0]):
            k += 1
            continue
        out += [role[at : tokens[k][START]], m[1]]
        at = tokens[k + m[0] - 1][END]
        k += m[0]
    return "".join([*out, role[at:]])


def parse_person_at(tokens: Sequence[Token], i: int) -> Mention | None:
    """A person phrase opening at token ``i``: [acting] title [role words] [, ] [honorific] name.

    Returns a mention with a role and no name for a bare role ("Kapolda Kalsel"), None when no title
    or honorific opens at ``i``.
    """
    start = tokens[i][START] if i < len(tokens) else 0
    acting = None
    if (m := longest_entry(tokens, i, acting_forms())) is not None:
        acting = m[1]
        i += m[0]
    title_m = longest_entry(tokens, i, titles())
    if title_m is None:
        if acting is not None:
            return None
        return _honorific_person(tokens, i, start)
    title = title_m[1]
    i += title_m[0]
    run, after = _role_tail(tokens, i)
    # an honorific or rank inside the run: role before it, name after it
    honorific_firsts = honorifics().firsts
    for k in range(len(run)):
        if fold(run[k][TEXT]) not in honorific_firsts:
            continue  # no honorific opens here: the look-up below would find none
        hon = longest_entry(run, k, honorifics(), caps=run[k][TEXT] not in lower_honorifics())
        if hon is not None and k + hon[0] < len(run):
            honors = [hon[1]]
            at = k + hon[0]
            while (more := longest_entry(run, at, honorifics())) is not None:
                honors.append(more[1])
                at += more[0]
            name = name_run(run, at, titled=True)
            if name:
                role = _role_text(acting, title, run[:k])
                end = _end_of(run, at, name)
                return Mention(name, role, start, end, " ".join(honors))
    # "Ketua Bawaslu Kukar, Teguh Wibowo," — the name in apposition after a comma
    if after < len(tokens) and tokens[after][TEXT] == ",":
        appo = _honorific_person(tokens, after + 1, start) or _plain_name(tokens, after + 1, start)
        if appo is not None and appo.name:
            closes = _apposition_closes(tokens, appo.end)
            if fold(appo.name.split()[0]) not in institutions().firsts and closes:
                return Mention(
                    appo.name, _role_text(acting, title, run), start, appo.end, appo.honorific
                )
            if len(appo.name.split()) == 1 and _lists_on(tokens, appo.end):
                # "Menko Bidang Politik, Hukum, dan Keamanan", "Kepala Dinas Perindag,
                # Koperasi, UKM": the office's fields go on after the comma; no name here
                end = run[-1][END] if run else tokens[i - 1][END]
                return Mention(None, _role_text(acting, title, run), start, end)
    # otherwise the role runs to its last certain word; the name is what follows
    last = 0
    k = 0
    local = title in district_titles()
    while k < len(run):
        n = _is_boundary(run, k, local)
        if n:
            last = k + n
            k += n
        else:
            k += 1
    while last < len(run) - 1 and _is_acronym(run[last]):
        last += 1  # "Deputi Komisioner OJK Anto Prabowo": a name never opens with an acronym
    inner = [
        k
        for k in range(last + 1, len(run) - 1)
        if _is_acronym(run[k]) and longest_entry(run, k - 1, honorifics()) is None
    ]  # "Laksda TNI Abdul Rasyid": an acronym after a rank is the rank's
    if inner and len(run) - inner[-1] - 1 <= 3:
        last = inner[-1] + 1  # "Koordinator Humas LSI Denny JA": the unit's name ends the role
    joins = "dan" in [t[TEXT] for t in run]
    if (joins and "dan" in [t[TEXT] for t in run[last:]]) or (
        last < len(run) and fold(run[last][TEXT]) in titles().firsts
    ):
        # "Sekretaris Kementerian Koperasi dan UKM Rully Indrawan": the joined department;
        # "Kepala Sekretariat Presiden Heru Budi Hartono": the unit's title
        last = _name_start(run, last)
    name_tokens = [t for t in run[last:] if t[TEXT] != "."]
    if len(name_tokens) > 2 and (k := _opener_within(name_tokens)) > 0:
        name_tokens = name_tokens[k:]  # "Kelian Banjar Teges I Wayan Sudarta": the name opens
        last = run.index(name_tokens[0])  # with its opener
    elif len(name_tokens) > 4:  # a long run with no certain role word: the name is its end,
        # from a name's opener on ("… Gianyar Anak Agung Gde Putra Wirawan"), else its last three
        name_tokens = name_tokens[_opener_at(name_tokens) :]
        last = run.index(name_tokens[0])
    while len(name_tokens) > 1 and NOMINAL.fullmatch(fold(name_tokens[0][TEXT])):
        name_tokens = name_tokens[1:]  # "Kepala Desa Penusupan Guntur …": the unit's place
        last = run.index(name_tokens[0])
    if any(NOMINAL.fullmatch(fold(t[TEXT])) for t in name_tokens[1:]):
        # "Pusat Pengelolaan Dana Pembiayaan": a field's noun after the name's start, so the
        # run names a unit, not a person
        name_tokens = []
        last = len(run)
    role = _role_text(acting, title, run[:last])
    if not name_tokens:
        end = run[-1][END] if run else tokens[i - 1][END]
        return Mention(None, role, start, end)
    name = name_run(name_tokens, 0, titled=last == 0)
    if name and _is_place_here(name, tokens, after):
        name = ""  # "Pendopo Wakil Bupati Kukar Tenggarong": a place, not a person
    if name and (
        _joined_to_a_name(tokens, after) or (joins and "dan" in [t[TEXT] for t in run[last:]])
    ):
        name = ""  # "Kordiv Data dan Informasi": a department, not a person
    return Mention(name or None, role, start, name_tokens[-1][END])


@cache
def _name_stops() -> frozenset[str]:
    """The first words of titles, acting forms and honorifics: where a name may stop."""
    return titles().firsts | acting_forms().firsts | honorifics().firsts


@cache
def _opener_firsts() -> frozenset[str]:
    """The first words of the name openers as written ("La", "Anak", "I")."""
    return frozenset(e.split()[0] for e in lexicon.entries("name_openers"))


def _opener_within(words: Sequence[Token]) -> int:
    """Where a name's opener ("I Wayan", "Wa Ode", "Andi") stands after the first of
    ``words`` with a name word after it; 0 when none does."""
    for k in range(1, len(words) - 1):
        m = longest_entry(words, k, name_openers())
        if m is not None and k + m[0] < len(words):
            return k
    return 0


def _opener_at(words: Sequence[Token]) -> int:
    """Where the name starts in the last five of ``words``: at the first word of a name's
    opener (``lexicon/name_openers.txt``: "Wa Ode", "Anak Agung", "Andi") that leaves a name word
    after it; else three words from the end."""
    for k in range(max(0, len(words) - 5), len(words) - 1):
        m = longest_entry(words, k, name_openers())
        if m is not None and k + m[0] < len(words):
            return k
    return len(words) - 3


def _is_acronym(t: Token) -> bool:
    """A word of three capitals or more ("OJK", "BNPB"): an organisation, never a name's first
    word (a name's initials have one or two: "M Arifin", "Mahfud MD")."""
    return t[IS_WORD] and len(t[TEXT]) >= 3 and t[TEXT].isupper()


def _is_place_here(name: str, tokens: Sequence[Token], after: int) -> bool:
    """A region's name is never a person's, nor a kecamatan's of two words or more ("Kepala KUA
    Tanah Abang yang menjabat"). A one-word kecamatan's name may be one ("Bambang", "Jaya"): it
    is a person when speech or an action follows ("Ketua KPU Bambang mengatakan"), a place when
    the sentence ends there ("di Pendopo Wakil Bupati Kukar Tenggarong.")."""
    key = fold(name)
    if key in regions():
        return True
    if key not in districts():
        return False
    if " " in key:
        return True
    nxt = tokens[after] if after < len(tokens) else None
    return nxt is None or not (nxt[TEXT] == "," or (nxt[IS_WORD] and not nxt[IS_CAP]))


def _joined_to_a_name(tokens: Sequence[Token], after: int) -> bool:
    """The run is followed by "dan" and another capitalised word that opens no title."""
    if after + 1 >= len(tokens) or fold(tokens[after][TEXT]) != "dan":
        return False
    nxt = tokens[after + 1]
    return nxt[IS_WORD] and nxt[IS_CAP] and longest_entry(tokens, after + 1, titles()) is None


def _end_of(run: Sequence[Token], k: int, name: str) -> int:
    n = len(name.split())
    words = [t for t in run[k:] if t[IS_WORD]]
    return words[n - 1][END] if len(words) >= n else run[-1][END]


def _honorific_person(tokens: Sequence[Token], i: int, start: int) -> Mention | None:
    honors: list[str] = []
    while (
        len(honors) < MAX_HONORIFICS and (m := longest_entry(tokens, i, honorifics())) is not None
    ):
        honors.append(m[1])
        i += m[0]
    if not honors or longest_entry(tokens, i, honorifics()) is not None:
        return None  # none, or a chain too long to open a name
    # "Pak Bupati" gives no name: "Bupati" is a title, not a name
    name = name_run(tokens, i, titled=True)
    if not name:
        return None
    end = name_end(tokens, i, name)
    return Mention(name, None, start, end, " ".join(honors))


def name_end(tokens: Sequence[Token], i: int, name: str, *, dot: bool = False) -> int:
    """Where ``name``, read by ``name_run`` from token ``i``, ends in the text; ``dot``: with a
    full stop right after it ("… M. Yusuf." ends after the stop)."""
    need = len(name.split())
    end = tokens[i][END]
    while i < len(tokens) and need:
        if tokens[i][IS_WORD]:
            need -= 1
            end = tokens[i][END]
        i += 1
    if dot and i < len(tokens) and tokens[i][TEXT] == ".":
        end = tokens[i][END]
    return end


def _plain_name(tokens: Sequence[Token], i: int, start: int) -> Mention | None:
    name = name_run(tokens, i, limit=4)
    if not name or longest_entry(tokens, i, titles()) is not None:
        return None
    return Mention(name, None, start, name_end(tokens, i, name))


LIST_WORDS = frozenset({"dan", "serta"})  # the words that join a list's last item


def _next_at(tokens: Sequence[Token], end: int) -> int | None:
    """The index of the first token at or after offset ``end``; None when there is none."""
    return next((k for k, t in enumerate(tokens) if t[START] >= end), None)


def _lists_on(tokens: Sequence[Token], end: int) -> bool:
    """After the word ending at ``end`` comes a comma or "dan": a list of an office's fields."""
    at = _next_at(tokens, end)
    return at is not None and (tokens[at][TEXT] == "," or fold(tokens[at][TEXT]) in LIST_WORDS)


def _apposition_closes(tokens: Sequence[Token], end: int) -> bool:
    """After a name in apposition comes a comma, a full stop, a degree or a lower-case word;
    not "dan" and a capitalised word that opens no person: "Divisi Perencanaan, Data dan
    Informasi, Sri …" lists the parts of a role."""
    at = _next_at(tokens, end)
    if at is None:
        return True
    nxt = tokens[at]
    if nxt[TEXT] == "," and at + 1 < len(tokens) and fold(tokens[at + 1][TEXT]) in LIST_WORDS:
        at += 1  # "Politik, Hukum, dan Keamanan": the list goes on after its comma
        nxt = tokens[at]
    if fold(nxt[TEXT]) in LIST_WORDS and at + 1 < len(tokens) and tokens[at + 1][IS_CAP]:
        return fold(tokens[at + 1][TEXT]) in _openers()
    return nxt[TEXT] in {",", ".", ")", "”", '"'} or (nxt[IS_WORD] and not nxt[IS_CAP])


@cache
def _openers() -> frozenset[str]:
    """The words a person phrase can open with: a title's, an acting form's or an honorific's."""
    return titles().firsts | acting_forms().firsts | honorifics().firsts


def _linked_person(tokens: Sequence[Token], i: int) -> Mention | None:
    """ "Utubi Madas selaku Wakil Bupati Konawe": the name before the link, the role after it."""
    role = parse_person_at(tokens, i + 1)
    if role is None or role.name is not None or role.role is None:
        return None
    j = i
    while j > 0 and i - j < 4 and tokens[j - 1][IS_WORD] and tokens[j - 1][IS_CAP]:
        j -= 1
    name = name_run(tokens, j, limit=4)
    if not name or len(name.split()) != i - j:
        return None
    return Mention(name, role.role, tokens[j][START], role.end)


@cache
def _opener_pieces() -> frozenset[str] | None:
    """What ``may_open`` looks for before a text is read token by token for anchors."""
    return first_pieces(_openers())


def find_people(text: str) -> list[Mention]:
    """Every person anchored by a title or an honorific in ``text``, in order."""
    # a role link ("selaku") needs a capitalised title after it, so it needs an opener too
    out = _anchored(text) if may_open(text, _opener_pieces()) else []
    for extra in _appositions(text):
        overlapping = [m for m in out if m.start < extra.end and extra.start < m.end]
        # it names whom a bare role only described, or gives a role to the name found in it
        if all(m.name is None or m.name == extra.name for m in overlapping):
            out = [m for m in out if m not in overlapping] + [extra]
    return sorted(out, key=lambda m: m.start)


@cache
def _anchor_words() -> frozenset[str]:
    """The words ``_anchored`` stops at: openers and role links."""
    return _openers() | role_links()


def _anchored(text: str) -> list[Mention]:
    """The people a title, an honorific or a role link opens, in order."""
    tokens = tokenize(text)
    keys = token_keys(text)
    openers, links = _openers(), role_links()
    out: list[Mention] = []
    n = len(tokens)
    after = 0  # the first token past the last person found
    for i in compress(count(), map(_anchor_words().__contains__, keys)):
        t = tokens[i]
        if i < after or not t[IS_WORD]:  # titles, honorifics and role links are words
            continue
        if keys[i] in links and i + 1 < n:
            m = _linked_person(tokens, i)
        elif t[IS_CAP] and keys[i] in openers:
            m = parse_person_at(tokens, i)
        else:
            continue
        if m is None:
            continue
        out.append(m)
        after = i
        while after < n and tokens[after][START] < m.end:
            after += 1
    return out


# honorifics written short before a name in commas: "H. ", "Dr. ", "Hj. Ir. "
_DOTTED = r"(?:[A-Z][A-Za-z]{0,3}\.\s*)*"
APPOSITION = re.compile(
    r"(?:^|[.;:]\s+|,\s+)(?P<role>[A-Za-z][^,.;:“”\"()]{2,80}?),\s+"
    rf"(?P<name>{_DOTTED}[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){{1,3}}),\s+(?=[a-z])"
)
# the name part alone: it opens with a comma, which a search skips to at once
NAME_IN_COMMAS = re.compile(rf",\s+{_DOTTED}[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){{1,3}},\s+[a-z]")


def _appositions(text: str) -> list[Mention]:
    """A person named in commas after a description that holds a title: "Pengamat politik
    Universitas Diponegoro, Ratna Kusumawardani, menilai …", "calon bupati nomor urut 2, Retno
    Puspitasari, mengatakan …"."""
    out: list[Mention] = []
    if NAME_IN_COMMAS.search(text) is None:
        return out
    for m in APPOSITION.finditer(text):
        role_tokens = tokenize(m.group("role"))
        at = next(
            (
                k
                for k in range(len(role_tokens))
                if longest_entry(role_tokens, k, titles(), caps=False)
            ),
            None,
        )
        honorific, name = split_name(m.group("name"))
        if at is None or not name or any(fold(w) in not_names() for w in name.split()):
            continue
        if fold(name) in regions() or fold(name) in districts():
            continue
        role = m.group("role")[role_tokens[at][START] :].strip()
        role = written_in_full(role[:1].upper() + role[1:])
        out.append(Mention(name, role, m.start("role"), m.end("name"), honorific))
    return out
