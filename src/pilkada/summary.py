"""Corpus and article summaries: numbers and chosen sentences only; rendering is elsewhere.

Content words are words of three letters or more, without digits, that are not in the stopword
lexicon (``lexicon/stopwords.txt``). An article's key sentences are picked by a plain extractive
score: the mean corpus-of-one frequency of a sentence's content words, the lead left out.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import cache, lru_cache

from pilkada import lexicon
from pilkada.charts import CHART_KINDS, timeline, timeline_of
from pilkada.models import (
    Article,
    ArticleSummary,
    CorpusSummary,
    Count,
    QuoteHit,
    SpeakerCount,
)
from pilkada.search import fold
from pilkada.text import WRITTEN, written_words

__all__ = [
    "Counts",
    "content_key",
    "content_words",
    "sentences",
    "stopwords",
    "summarise_article",
    "summarise_corpus",
    "summarise_counts",
    "tally",
]

_WORD = WRITTEN
_MIN_LETTERS = 3
# A sentence-ending mark, any closing quotes or brackets, then space.
_END = re.compile(r"([.!?…]+)[\"”’)\]]*\s+")
_OPENING = '"“‘(['
_QUOTE_MARKS = re.compile(r"[\"“”]")
# Abbreviations longer than the three letters the rule in `_abbreviation` covers.
_LONG_ABBREVIATIONS = frozenset({"prof", "kapt", "dipl", "tlp", "telp", "hlm"})
# Sentences with fewer content words than this are picked only when nothing longer is left.
_MIN_KEY_WORDS = 4


@cache
def stopwords() -> frozenset[str]:
    """The stopword lexicon, folded."""
    return frozenset(fold(word) for word in lexicon.entries("stopwords"))


@lru_cache(maxsize=1 << 16)
def content_key(written: str) -> str | None:
    """The folded form of a written word if it is a content word, else None: what the words of
    a summary are counted by."""
    word = fold(written)
    if len(word) < _MIN_LETTERS or word in stopwords():
        return None
    # a word of letters alone has no digit (the test of every character is for the others)
    return word if word.isalpha() or not any(c.isdigit() for c in word) else None


def _content(text: str) -> Iterator[tuple[str, str]]:
    """Each content word of ``text`` as written and folded."""
    for written in _WORD.findall(text):
        word = content_key(written)
        if word is not None:
            yield written, word


def content_words(text: str) -> list[str]:
    """The content words of ``text`` in order, folded: stopwords, numbers and short words out."""
    return [word for _, word in _content(text)]


def _abbreviation(word: str) -> bool:
    """Whether a word written before a full stop is an initial or abbreviation, not a sentence end.

    "H", "S.H" (initials), "Dr", "Pj", "Pjs", "No", "Kab" (a capital and at most two more letters)
    and a few longer titles such as "Prof". All-capital words ("KPU", "TNI") do end sentences.
    """
    last = word.rsplit(".", 1)[-1].lstrip('(["“‘')
    if not last.isalpha():
        return False
    if len(last) == 1 or fold(last) in _LONG_ABBREVIATIONS:
        return True
    return len(last) <= 3 and last[0].isupper() and last[1:].islower()


def sentences(text: str) -> list[str]:
    """Split a paragraph into sentences.

    A sentence ends at ".", "!", "?" or "…" (with any closing quotes) followed by space and a
    capital, a digit or an opening quote. Not after initials and abbreviations ("H.", "Dr.",
    "Pj.", "No.", "Prof."); decimal numbers ("2.5") have no space after the point.
    """
    found = []
    start = 0
    for end in _END.finditer(text):
        first = text[end.end() :].lstrip(_OPENING)[:1]
        if not (first.isupper() or first.isdigit()):
            continue
        if end.group(1) == ".":
            before = text[start : end.start()].split()
            if before and _abbreviation(before[-1]):
                continue
        found.append(text[start : end.end()].strip())
        start = end.end()
    rest = text[start:].strip()
    if rest:
        found.append(rest)
    return found


def _top(counter: Counter[str], top: int) -> list[Count]:
    return [Count(name=name, count=count) for name, count in _ranked(counter, top)]


@dataclass
class Counts:
    """What a corpus summary is made from: counts a pass over the articles adds up one article
    at a time (``tally``), and an index adds up in SQL (``store.counts``).

    ``said`` counts the attributed quotes by (speaker as written, role as given, or None);
    ``written`` gives every word of the titles and bodies as written (``text.WRITTEN``) with how
    often it occurs, each word once, and may be called twice."""

    articles: int = 0
    quotes: int = 0
    undated: int = 0
    days: Counter[date] = field(default_factory=Counter)
    outlets: Counter[str] = field(default_factory=Counter)
    places: Counter[str] = field(default_factory=Counter)  # datelines
    regions: Counter[str] = field(default_factory=Counter)  # articles about each
    said: Counter[tuple[str, str | None]] = field(default_factory=Counter)
    written: Callable[[], Iterable[tuple[str, int]]] = lambda: ()
    # the speakers and the words already ranked (an index ranks them itself), else made of
    # ``said`` and ``written``
    speakers: list[SpeakerCount] | None = None
    words: list[Count] | None = None


def tally(articles: Iterable[Article]) -> Counts:
    """The counts of the articles, read once, one at a time (a million articles are summarised
    without being held at once)."""
    counts = Counts()
    written: Counter[str] = Counter()
    for a in articles:
        counts.articles += 1
        counts.quotes += len(a.quotes)
        if a.published is None:
            counts.undated += 1
        else:
            counts.days[a.published] += 1
        if a.outlet:
            counts.outlets[a.outlet] += 1
        if a.dateline:
            counts.places[a.dateline] += 1
        counts.regions.update(set(a.places))
        counts.said.update((q.speaker, q.role or None) for q in a.quotes if q.speaker)
        written.update(written_words(a.title, a.paragraphs))
    counts.written = written.items
    return counts


def top_speakers(said: Counter[tuple[str, str | None]], top: int) -> list[SpeakerCount]:
    """The most-quoted speakers (names that fold alike are one), each by the name and the role
    most often given; of names (or roles) given equally often, the first in code point order."""
    speakers: Counter[str] = Counter()
    for (speaker, _), n in said.items():
        speakers[fold(speaker)] += n
    return speakers_named(_ranked(speakers, top), said.items())


def speakers_named(
    ranked: list[tuple[str, int]], said: Iterable[tuple[tuple[str, str | None], int]]
) -> list[SpeakerCount]:
    """The speakers ranked (each folded name and its count), each by the name and role most
    often given in ``said`` (quotes by speaker as written and role; others may be there)."""
    chosen = {key for key, _ in ranked}
    forms: Counter[tuple[str, str]] = Counter()
    roles: Counter[tuple[str, str]] = Counter()
    for (speaker, role), n in said:
        key = fold(speaker)
        if key in chosen:
            forms[key, speaker] += n
            if role:
                roles[key, role] += n
    names, given = _most_given(forms), _most_given(roles)
    return [
        SpeakerCount(name=names[key], count=count, role=given.get(key)) for key, count in ranked
    ]


def top_words(written: Callable[[], Iterable[tuple[str, int]]], top: int) -> list[Count]:
    """The most frequent content words (ties by the word folded), each in the form it is most
    often written (of forms written equally often, the first in code point order). Two passes
    over ``written``: the forms are kept only of the words chosen."""
    words: Counter[str] = Counter()
    for form, n in written():
        word = content_key(form)
        if word is not None:
            words[word] += n
    return words_named(_ranked(words, top), written())


def words_named(ranked: list[tuple[str, int]], written: Iterable[tuple[str, int]]) -> list[Count]:
    """The words ranked (each content word folded and its count), each in the form most often
    written in ``written`` (words as written with their counts; others may be there)."""
    chosen = {w for w, _ in ranked}
    forms: Counter[tuple[str, str]] = Counter()
    for form, n in written:
        word = content_key(form)
        if word in chosen:
            forms[word, form] += n
    most = _most_given(forms)
    return [Count(name=most[w], count=n) for w, n in ranked]


def _ranked(counter: Counter[str], top: int) -> list[tuple[str, int]]:
    """The ``top`` most counted, ties in code point order."""
    return sorted(counter.items(), key=lambda item: (-item[1], item[0]))[:top]


def _most_given(counts: Counter[tuple[str, str]]) -> dict[str, str]:
    """For each key, the value counted most often with it; of equals, the first in code point
    order (whatever order the values were counted in)."""
    best: dict[str, tuple[int, str]] = {}
    for (key, value), n in counts.items():
        if key not in best or (-n, value) < (-best[key][0], best[key][1]):
            best[key] = (n, value)
    return {key: value for key, (_, value) in best.items()}


def summarise_counts(counts: Counts, top: int = 10, unit: str | None = None) -> CorpusSummary:
    """The summary the counts make (see ``summarise_corpus``)."""
    months: Counter[str] = Counter()
    for day, n in counts.days.items():
        months[day.strftime("%Y-%m")] += n
    steps, counted = timeline_of(counts.days, unit)
    return CorpusSummary(
        articles=counts.articles,
        first=min(counts.days, default=None),
        last=max(counts.days, default=None),
        undated=counts.undated,
        by_outlet=_top(counts.outlets, top),
        by_month=[Count(name=m, count=months[m]) for m in sorted(months)],
        places=_top(counts.places, top),
        timeline_unit=steps,
        timeline=[Count(name=label, count=n) for label, n in counted],
        regions=_top(counts.regions, top),
        speakers=top_speakers(counts.said, top) if counts.speakers is None else counts.speakers,
        words=top_words(counts.written, top) if counts.words is None else counts.words,
        quotes=counts.quotes,
    )


def summarise_corpus(
    articles: Iterable[Article], top: int = 10, unit: str | None = None
) -> CorpusSummary:
    """Articles by outlet and by month, date range, places, regions, most-quoted speakers,
    frequent words, and a timeline by ``unit`` (day, week or month; by default the one the
    span of dates calls for, see ``charts.unit_for``).

    ``top`` bounds the outlets, places, regions, speakers and words (each ranked by its count,
    ties by name); every month is listed, oldest first. The articles are read once, in one
    pass; what is summarised depends only on which articles, not on their order.
    """
    return summarise_counts(tally(articles), top=top, unit=unit)


def key_sentences(article: Article, n: int = 3) -> list[str]:
    """The ``n`` sentences after the lead whose content words are most frequent in the article.

    Sentences holding a quote are left to the article's quotes unless nothing else is left; short
    sentences are picked only when longer ones run out. Returned in article order.
    """
    frequency = Counter(content_words(" ".join([article.title or "", *article.paragraphs])))
    candidates = [s for p in article.paragraphs[1:] for s in sentences(p)]
    unquoted = [s for s in candidates if not _QUOTE_MARKS.search(s)]
    pool = unquoted or candidates

    def score(position: int) -> tuple[bool, float, int]:
        found = content_words(pool[position])
        mean = sum(frequency[w] for w in found) / len(found) if found else 0.0
        return (len(found) < _MIN_KEY_WORDS, -mean, position)

    chosen = sorted(range(len(pool)), key=score)[: max(n, 0)]
    return [pool[i] for i in sorted(chosen)]


def summarise_article(article: Article, sentences: int = 3) -> ArticleSummary:
    """One article: metadata, lead, ``sentences`` key sentences, its quotes, its length in words."""
    return ArticleSummary(
        article_id=article.id,
        title=article.display_title(),
        outlet=article.outlet,
        dateline=article.dateline,
        published=article.published,
        lead=article.lead,
        key_sentences=key_sentences(article, sentences),
        quotes=list(article.quotes),
        words=sum(len(_WORD.findall(p)) for p in article.paragraphs),
    )


def chart(
    articles: Iterable[Article],
    kind: str,
    *,
    top: int = 10,
    unit: str | None = None,
    by: str | None = None,
) -> tuple[str, list[tuple[str, int]], bool]:
    """What a chart of ``kind`` draws: (its title, its rows, whether it is a timeline).

    ``timeline``: articles per day, week or month; ``outlets``, ``regions``, ``speakers``: the
    rankings of the corpus summary; ``quotes``: the quotes of one person (``by``, matched as
    ``quotes --by`` matches) per day, week or month."""
    from pilkada.search import find_quotes

    if kind == "quotes":
        if not by:
            raise ValueError("a chart of quotes is of one person's: give --by NAME")
        return quotes_chart(find_quotes(articles, by=by), by, unit)
    check_chart(kind)
    return summary_chart(summarise_corpus(articles, top=top, unit=unit), kind)


def check_chart(kind: str) -> None:
    """Raises ValueError for a kind of chart there is none of."""
    if kind not in CHART_KINDS:
        raise ValueError(f"unknown chart {kind!r}; charts are {', '.join(CHART_KINDS)}")


def quotes_chart(
    hits: Iterable[QuoteHit], by: str, unit: str | None = None
) -> tuple[str, list[tuple[str, int]], bool]:
    """The chart of the quotes of one person (``hits``, found for ``by``) per day, week or
    month."""
    found = list(hits)
    days = [h.published for h in found if h.published is not None]
    step, rows = timeline(days, unit)
    names = sorted({h.quote.speaker for h in found if h.quote.speaker})
    return f"quotes of {', '.join(names) or by} by {step}", rows, True


def summary_chart(s: CorpusSummary, kind: str) -> tuple[str, list[tuple[str, int]], bool]:
    """The chart of ``kind`` (timeline, outlets, regions, speakers) a corpus summary draws."""
    if kind == "timeline":
        return f"articles by {s.timeline_unit}", [(c.name, c.count) for c in s.timeline], True
    counts: dict[str, list[Count]] = {
        "outlets": s.by_outlet,
        "regions": s.regions,
        "speakers": list(s.speakers),
    }
    if kind not in counts:
        raise ValueError(f"unknown chart {kind!r}; charts are {', '.join(CHART_KINDS)}")
    title = {"speakers": "most quoted"}.get(kind, kind)
    return title, [(c.name, c.count) for c in counts[kind]], False
