"""The text of one article: its lede, the speakers it brings in, their quotes, the narrative.

A ``Writer`` writes for one outlet, whose habits (quote marks, how dates and datelines are
written) it follows. Each quote records its exact text and speaker, for checking a parse.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass, field

import phrases as ph
from invent import (
    DAYS_SPAN,
    FIRST_DAY,
    Outlet,
    Person,
    districts,
    invented_word,
    make_person,
    regions,
    speech_verbs,
    text_date,
)


@dataclass
class QuoteTruth:
    text: str  # exactly between the marks
    speaker: str | None
    cue: str  # how it is attributed: name, pronoun, role, lead, fullstop


# --- the body of one article ------------------------------------------------------------------


@dataclass
class Para:
    text: str
    kind: str  # lede, intro, quote, narrative
    block: int  # which speaker's stretch of the article
    quotes: list[QuoteTruth] = field(default_factory=list)


DIA_VERBS = ("kata", "kata", "ujar", "tutur", "jelas", "ungkap", "tegas")  # "kata dia"
QUOTE_CUES = ("name", "name", "pronoun", "pronoun", "pronoun", "lead", "fullstop", "role")


class Writer:
    """Writes one article for one outlet; every choice comes from its own ``random.Random``."""

    def __init__(self, rng: random.Random, outlet: Outlet) -> None:
        self.rng = rng
        self.outlet = outlet
        self.region = rng.choice(regions())
        self.district = rng.choice(districts())
        self.event = rng.choice(ph.EVENTS)
        pem = "Pemkab" if self.region.kind == "kabupaten" else "Pemkot"
        self.inst = rng.choice(("KPU", "Bawaslu", "Polres", pem))
        self.venue = self.fill(rng.choice(ph.VENUES))
        self.people: list[Person] = []
        for _ in range(rng.choices((1, 2, 3), weights=(3, 4, 2))[0]):
            self.people.append(self.new_person())
        self.day = FIRST_DAY + dt.timedelta(days=rng.randrange(DAYS_SPAN))
        self.shape: dict[str, str] = {}
        self.used: set[str] = set()  # sentences already written
        self.dated = False  # whether the statement's date is written into the body yet
        self.stated: dt.date | None = None  # that date, when it states the year
        self.place: str | None = None  # the dateline
        self.lede_outlet: str | None = None  # the outlet as the lede names it

    def new_person(self) -> Person:
        taken = [p.head for p in self.people]
        while True:
            person = make_person(self.rng, self.region, self.district)
            if person.head not in taken:
                return person

    def r(self) -> str:
        """The region as a sentence mentions it."""
        reg = self.region
        forms = [f"{reg.kind.capitalize()} {reg.name}", reg.name] + (
            [reg.alias] if reg.alias else []
        )
        return self.rng.choice(forms)

    def org(self) -> str:
        """The body of the story with its region: "KPU Kabupaten Tapin", "Pemkab Tapin"."""
        reg = self.region
        if self.inst.startswith("Pem"):
            return f"{self.inst} {reg.alias or reg.name}"
        return f"{self.inst} {self.r()}"

    def fresh(self, pool: tuple[str, ...] | list[str], k: int) -> list[str]:
        """``k`` entries of ``pool``, none the article has used yet while there are enough."""
        unused = [s for s in pool if s not in self.used]
        chosen = self.rng.sample(unused if len(unused) >= k else list(pool), k)
        self.used.update(chosen)
        return chosen

    def fill(self, template: str, person: Person | None = None) -> str:
        rng = self.rng
        values: dict[str, Callable[[], str]] = {
            "R": self.r,
            "inst": lambda: self.inst,
            "org": self.org,
            "event": lambda: self.event,
            "venue": lambda: self.venue,
            "district": lambda: self.district,
            "place": lambda: invented_word(rng),
            "n": lambda: f"{rng.randint(120, 48000):,}".replace(",", "."),
            "k": lambda: str(rng.randint(3, 60)),
            "p": lambda: str(rng.randint(70, 85)),
            "x": lambda: f"{rng.randint(2, 90)},{rng.randint(1, 9)}",
            "short": lambda: person.short if person else "Ia",
            "head": lambda: person.head if person else self.inst,
            "who": lambda: person.short if person else self.r(),
        }
        out = template
        for key, value in values.items():
            slot = "{" + key + "}"
            while slot in out:
                out = out.replace(slot, value(), 1)
        return out

    def when(self, lead: str) -> str:
        """The statement's date, written once: in the lede, an attribution or a sentence."""
        style = self.rng.choice(self.outlet.text_dates)
        text, has_year = text_date(self.rng, self.day, style)
        self.dated = True
        self.stated = self.day if has_year else None
        self.shape["text_date"] = style
        return f"{lead}{text}"

    # -- quotes

    def marks(self, inner: str) -> str:
        return f'"{inner}"' if self.outlet.straight else f"“{inner}”"

    def quote(self, person: Person, first: bool, block: int) -> Para:
        """A paragraph with one quote of ``person``, the last person the article named."""
        rng = self.rng
        k = rng.choices((1, 2, 3), weights=(3, 4, 2))[0]
        words = ". ".join(self.fill(s) for s in self.fresh(ph.SPEECH, k))
        cue = "lead" if first else rng.choice(QUOTE_CUES)
        verb = rng.choice(speech_verbs())
        if cue == "lead":
            said = rng.choice(("mengatakan", "menegaskan", "menyampaikan"))
            if first:  # the quote brings the speaker in: name and role in full
                lead = f"{person.full()} {said}"
            else:
                leads = (f"{person.short} {said}", f"Menurut {person.short}", *ph.LEAD_INS)
                lead = rng.choice(leads)
            inside = rng.random() < 0.6  # the full stop inside the marks, or after them
            text = words + "." if inside else words
            para = f"{lead}, {self.marks(text)}{'' if inside else '.'}"
        elif cue == "fullstop":
            text = words + "."
            para = f"{self.marks(text)} {verb.capitalize()} {person.short}."
        else:
            attribution = {
                "name": rng.choice(
                    (
                        f"{verb} {person.short}",
                        f"{verb} {person.honor}{person.name}",
                        f"{verb} {person.role} {person.honor}{person.name}",
                    )
                ),
                "pronoun": rng.choice((f"{verb}nya", f"{verb}nya", f"{rng.choice(DIA_VERBS)} dia")),
                "role": f"{verb} {person.head}",
            }[cue]
            if not self.dated and rng.random() < 0.6:
                attribution += self.when(rng.choice((", ", ", ", f" di {self.venue}, ")))
            text = words + ("," if rng.random() < 0.9 else "")
            para = f"{self.marks(text)} {attribution}."
        return Para(para, "quote", block, [QuoteTruth(text, person.name, cue)])

    # -- paragraphs

    def lede(self, person: Person) -> str:
        rng = self.rng
        when = self.when(rng.choice((", ", " pada ", ", pada "))) if rng.random() < 0.6 else ""
        body = rng.choice(ph.LEDES).format(
            role=person.role,
            name=person.honor + person.name + person.degree,
            verb=rng.choice(ph.LEDE_VERBS),
            event=self.event,
            venue=self.venue,
            when=when,
            org=self.org(),
            R=self.r(),
            n=rng.randint(150, 900),
        )
        return self.dateline() + body

    def intro(self, person: Person) -> str:
        """The paragraph that brings in a new speaker, with what they said in reported speech."""
        rng = self.rng
        opening = rng.choice(
            (
                "",
                "",
                "Sementara itu, ",
                "Di tempat yang sama, ",
                "Senada, ",
                "Pada kesempatan itu, ",
            )
        )
        said = rng.choice(("mengatakan", "menyampaikan", "menegaskan", "menjelaskan"))
        who = rng.choice(
            (
                f"{person.role} {person.honor}{person.name}{person.degree}",
                f"{person.role}, {person.honor}{person.name}{person.degree},",
                f"{person.honor}{person.name} selaku {person.role}",
            )
        )
        return f"{opening}{who} {said} {self.fill(self.fresh(ph.REPORTED, 1)[0])}."

    def narrative(self, person: Person | None) -> str:
        pool = ph.NARRATIVE if person else [s for s in ph.NARRATIVE if "{short}" not in s]
        k = self.rng.choices((1, 2), weights=(2, 1))[0]
        return " ".join(self.fill(s, person) for s in self.fresh(pool, k))

    def body(self) -> list[Para]:
        rng = self.rng
        paras = [Para(self.lede(self.people[0]), "lede", 0)]
        if rng.random() < 0.5:
            paras.append(Para(self.narrative(self.people[0]), "narrative", 0))
        for b, person in enumerate(self.people):
            by_quote = b > 0 and rng.random() < 0.3  # brought in by "X mengatakan, “…”"
            if b > 0 and not by_quote:
                paras.append(Para(self.intro(person), "intro", b))
            for q in range(rng.randint(1, 3)):
                paras.append(self.quote(person, by_quote and q == 0, b))
                if rng.random() < 0.35:
                    paras.append(Para(self.narrative(person), "narrative", b))
        return paras

    def dateline(self) -> str:
        """The lede's opening: "SAMPIT, outlet.com – ", "Tapin (OUTLET) - ", or nothing."""
        rng, style, outlet = self.rng, self.outlet.lede, self.outlet.name
        place = rng.choice((self.region.name, self.district))
        place = place.upper() if self.outlet.upper_place else place
        agency = outlet.split(".")[0].upper()
        dash = rng.choice(("–", "–", "-", "—"))
        text, self.place, self.lede_outlet = {
            "place-outlet": (f"{place}, {outlet} {dash} ", place, outlet),
            "place-agency": (f"{place.title()} ({agency}) - ", place.title(), agency),
            "outlet-place": (f"{outlet}, {place} {dash} ", place, outlet),
            "place/outlet": (f"{place}/{outlet.upper()}-", place, outlet.upper()),
            "place": (f"{place} {dash} ", place, None),
            "outlet": (f"{outlet} {dash} ", None, outlet),
            "place, outlet": (f"{place.title()}, {outlet} - ", place.title(), outlet),
            "none": ("", None, None),
        }[style]
        self.shape["dateline"] = style
        return text

    def headline(self) -> str:
        return self.fill(self.rng.choice(ph.HEADLINES), self.people[0])
