"""The cleaned article and its parts: one module for the data pilkada produces.

These pydantic models define pilkada's JSON form (``Article.model_dump(mode="json")``), which is
what ``pilkada parse`` writes, what the index stores and what every ``--json`` option prints.
"""

from __future__ import annotations

import re
from datetime import date
from enum import StrEnum
from typing import NamedTuple, TypeVar

from pydantic import BaseModel, ConfigDict, Field

M = TypeVar("M", bound=BaseModel)


def trusted(model: type[M], **values: object) -> M:
    """A model of values validated when they were stored (read back from the index, or made of
    models that were), every field given: what pydantic's ``model_construct`` makes, without
    its pass over the fields in Python (3 µs a model against 13: a listing of a million
    people reads a million of them)."""
    if len(values) != len(model.model_fields):
        missing = sorted(set(model.model_fields) - set(values))
        raise TypeError(f"{model.__name__} needs every field; missing {missing}")
    made = model.__new__(model)
    object.__setattr__(made, "__dict__", values)
    object.__setattr__(made, "__pydantic_fields_set__", set(values))
    object.__setattr__(made, "__pydantic_extra__", None)
    object.__setattr__(made, "__pydantic_private__", None)
    return made


class Confidence(StrEnum):
    """How sure the parser is of a value: a small ordinal a person can sort by."""

    high = "high"
    medium = "medium"
    low = "low"


class Certainty(BaseModel):
    """How sure the parser is of one value, and why."""

    level: Confidence
    why: str


class Person(BaseModel):
    """A named person as one article gives them: the fullest name form and their role, if any."""

    model_config = ConfigDict(frozen=True)

    name: str
    role: str | None = None
    honorific: str | None = Field(None, description="Ranks and honorifics: 'Irjen Pol', 'Prof.'.")
    forms: list[str] = Field(
        default_factory=list, description="How the article names them: 'Bupati Laura', 'Laura'."
    )


class Quote(BaseModel):
    """A direct quote: the words between the quote marks and who said them."""

    text: str = Field(description="The exact span between the quote marks, marks excluded.")
    speaker: str | None = Field(None, description="The speaker's fullest name in the article.")
    role: str | None = Field(None, description="The speaker's position, regions written in full.")
    paragraph: int = Field(description="Index into Article.paragraphs where the quote opens.")
    cue: str | None = Field(None, description="The words that attributed it, e.g. 'ujarnya'.")
    confidence: Confidence = Confidence.low
    why: str = Field("", description="Why the parser gave this speaker and confidence.")


class Removed(BaseModel):
    """A raw line the cleaner took out of the article, and why."""

    line: str
    reason: str


class Article(BaseModel):
    """One cleaned news article."""

    id: str = Field(description="Short identifier: the file's stem, unique within a corpus.")
    source: str | None = Field(None, description="Path of the raw file it was parsed from.")
    title: str | None = Field(None, description="The headline; null when the text has none.")
    outlet: str | None = None
    dateline: str | None = Field(None, description="The place the lede opens with.")
    published: date | None = None
    published_text: str | None = Field(None, description="The text the date was read from.")
    authors: list[str] = Field(default_factory=list)
    editors: list[str] = Field(default_factory=list)
    photographers: list[str] = Field(default_factory=list)
    captions: list[str] = Field(default_factory=list)
    paragraphs: list[str] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    officials: list[Person] = Field(default_factory=list)
    places: list[str] = Field(
        default_factory=list, description="Regions the article is about, most mentioned first."
    )
    removed: list[Removed] = Field(default_factory=list)
    title_confidence: Certainty = Field(
        default_factory=lambda: Certainty(level=Confidence.low, why="not assessed")
    )
    published_confidence: Certainty = Field(
        default_factory=lambda: Certainty(level=Confidence.low, why="not assessed")
    )

    @property
    def doubts(self) -> list[str]:
        """What a person should check first: every value the parser is least sure of."""
        out = []
        if self.title_confidence.level is Confidence.low:
            out.append(f"title: {self.title_confidence.why}")
        if self.published_confidence.level is Confidence.low:
            out.append(f"published: {self.published_confidence.why}")
        for q in self.quotes:
            if q.confidence is Confidence.low:
                out.append(f"quote in paragraph {q.paragraph + 1}: {q.why}")
        return out

    @property
    def lead(self) -> str:
        """The first paragraph, or an empty string."""
        return self.paragraphs[0] if self.paragraphs else ""

    def display_title(self, words: int = 10) -> str:
        """The title, or the lead's first words when the text has no headline.

        An index keeps it (``Listing``): a change here needs a new schema, which rewrites it."""
        if self.title:
            return self.title
        lead = self.lead
        opening = [x for x in (self.dateline, self.outlet) if x]
        if any(lead.startswith(x) for x in opening):
            # the lede's "PLACE, OUTLET –" opening says nothing a reader looks for in a title
            lead = re.sub(r"^[^–—-]{0,80}?(?:\s[–—-]\s*|[–—]\s*|-(?=\S))", "", lead, count=1)
        first = lead.split()
        text = " ".join(first[:words])
        return text + ("…" if len(first) > words else "")

    @property
    def text(self) -> str:
        """The cleaned body: paragraphs separated by blank lines."""
        return "\n\n".join(self.paragraphs)


# --- results of queries over a corpus ---


class Listing(NamedTuple):
    """An article as ``pilkada list`` shows it; an index keeps these apart from the articles, so
    that a listing of a million articles reads none of them whole."""

    id: str
    published: date | None
    outlet: str | None
    dateline: str | None
    quotes: int
    title: str  # ``Article.display_title``
    doubts: tuple[str, ...] = ()

    @classmethod
    def of(cls, article: Article, *, doubts: bool = False) -> Listing:
        return cls(
            article.id,
            article.published,
            article.outlet,
            article.dateline,
            len(article.quotes),
            article.display_title(),
            tuple(article.doubts) if doubts else (),
        )


class Hit(BaseModel):
    """One article that matches a search, with the passage that shows why."""

    article_id: str
    title: str = Field(description="The headline, or the lead's first words when there is none.")
    published: date | None = None
    outlet: str | None = None
    score: float = Field(description="Relevance within this search; higher ranks first.")
    snippet: str = Field(description="About 200 characters around the best match; '…' marks a cut.")
    highlights: list[tuple[int, int]] = Field(
        default_factory=list, description="[start, end) character spans of the matches in snippet."
    )


class QuoteHit(BaseModel):
    """A quote found in a corpus, with the article it came from and the paragraph around it."""

    article_id: str
    title: str
    published: date | None = None
    outlet: str | None = None
    dateline: str | None = None
    quote: Quote
    context: str = Field(description="The paragraph the quote stands in.")


class Count(BaseModel):
    """A name and how often it occurs."""

    name: str
    count: int


class SpeakerCount(Count):
    """A quoted person, how many quotes they have, and the role they are most often given."""

    role: str | None = None


class CorpusSummary(BaseModel):
    """A corpus at a glance: numbers only, rendering is the caller's business."""

    articles: int
    first: date | None = Field(None, description="The earliest publication date.")
    last: date | None = Field(None, description="The latest publication date.")
    undated: int = Field(description="Articles with no publication date.")
    by_outlet: list[Count] = Field(
        description="Most frequent outlets; articles with none left out."
    )
    by_month: list[Count] = Field(description="Articles per month (YYYY-MM), oldest first.")
    timeline_unit: str = Field(
        "month", description="What a step of the timeline is: 'day', 'week' or 'month'."
    )
    timeline: list[Count] = Field(
        default_factory=list,
        description="Articles per day (YYYY-MM-DD), ISO week (YYYY-Www) or month, oldest first, "
        "from the first date to the last, empty steps included.",
    )
    regions: list[Count] = Field(
        default_factory=list, description="Regions most written about: articles naming each."
    )
    places: list[Count] = Field(description="Most frequent datelines.")
    speakers: list[SpeakerCount] = Field(description="Most-quoted speakers.")
    words: list[Count] = Field(description="Most frequent content words, stopwords left out.")
    quotes: int = Field(description="All quotes, attributed or not.")


class ArticleSummary(BaseModel):
    """One article at a glance: its lead, its key sentences and its quotes."""

    article_id: str
    title: str
    outlet: str | None = None
    dateline: str | None = None
    published: date | None = None
    lead: str
    key_sentences: list[str] = Field(description="The highest-scoring sentences, in article order.")
    quotes: list[Quote]
    words: int = Field(description="Words in the paragraphs.")


class ExportResult(BaseModel):
    """What an export wrote."""

    format: str = Field(description="txt, md, jsonl or csv.")
    out: str = Field(description="The file or folder written.")
    files: list[str] = Field(description="Every file written, as paths.")
    articles: int


# --- evaluation against gold annotations ---


class IndexCheck(BaseModel):
    """What `pilkada check` read of a sound index."""

    db: str
    articles: int
    quotes: int
    full_text: bool = Field(
        description="The full-text tables were checked too (they need a file one may write)."
    )


class ArticleScore(BaseModel):
    """One annotated article: how many things went wrong, and what."""

    name: str
    errors: int
    problems: list[str] = Field(default_factory=list)


class CueScore(BaseModel):
    """Attribution accuracy over the quotes whose cue is of one kind."""

    cue: str = Field(description="named, pronoun, role-only, descriptive or none.")
    quotes: int
    attribution_acc: float


class EvalReport(BaseModel):
    """The reference metrics over a folder of annotated articles, and the worst articles."""

    gold_dir: str
    articles: int
    metrics: dict[str, float]
    by_cue: list[CueScore] = Field(
        default_factory=list, description="Attribution by the kind of cue of each quote."
    )
    worst: list[ArticleScore] = Field(default_factory=list)


# --- people across a corpus ---


class Official(BaseModel):
    """One real person across a corpus: every form of their name, roles, places and quotes."""

    name: str = Field(description="The fullest form of the name, without ranks or degrees.")
    honorific: str | None = None
    forms: list[str] = Field(default_factory=list)
    roles: list[str] = Field(default_factory=list)
    places: list[str] = Field(default_factory=list)
    articles: list[str] = Field(
        default_factory=list, description="Ids of the articles naming them."
    )
    quotes: int = 0
    first_seen: date | None = None
    last_seen: date | None = None


class OfficialDetail(BaseModel):
    """One person and all they said, by date."""

    official: Official
    quotes: list[QuoteHit] = Field(default_factory=list)
