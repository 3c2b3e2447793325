"""Corpus and article summaries: numbers and chosen sentences only; rendering is elsewhere.

Content words are words of three letters or more, without digits, that are not in the stopword
lexicon (``lexicon/stopwords.txt``). An article's key sentences are picked by a plain extractive
score: the mean corpus-of-one frequency of a sentence's content words, the lead left out.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from datetime import date
from functools import cache, lru_cache

from pilkada import lexicon
from pilkada.charts import timeline
from pilkada.models import Article, ArticleSummary, CorpusSummary, Count, SpeakerCount
from pilkada.search import fold

__all__ = ["content_words", "sentences", "stopwords", "summarise_article", "summarise_corpus"]

# A word: letters or digits, possibly joined by hyphens or apostrophes ("isu-isu", "Jum'at").
_WORD = re.compile(r"\w+(?:[-'’]\w+)*")
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
def _content_key(written: str) -> str | None:
    """The folded form of a written word if it is a content word, else None."""
    word = fold(written)
    if len(word) < _MIN_LETTERS or any(c.isdigit() for c in word) or word in stopwords():
        return None
    return word


def _content(text: str) -> Iterator[tuple[str, str]]:
    """Each content word of ``text`` as written and folded."""
    for written in _WORD.findall(text):
        word = _content_key(written)
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
    ranked = sorted(counter.items(), key=lambda item: (-item[1], item[0]))
    return [Count(name=name, count=count) for name, count in ranked[:top]]


class _Tally:
    """What a corpus summary counts, added up one article at a time (a million articles are
    summarised without being held at once)."""

    def __init__(self) -> None:
        self.articles = 0
        self.quotes = 0
        self.months: Counter[str] = Counter()
        self.days: Counter[date] = Counter()
        self.regions: Counter[str] = Counter()
        self.first: date | None = None
        self.last: date | None = None
        self.undated = 0
        self.outlets: Counter[str] = Counter()
        self.places: Counter[str] = Counter()
        self.speakers: Counter[str] = Counter()
        # (speaker, name as written) and (speaker, role): one counter each, not one per speaker
        # (a corpus of a million articles quotes hundreds of thousands of people)
        self.speaker_forms: Counter[tuple[str, str]] = Counter()
        self.speaker_roles: Counter[tuple[str, str]] = Counter()
        self.written: Counter[str] = Counter()  # every word as written; content words at the end

    def add(self, a: Article) -> None:
        self.articles += 1
        self.quotes += len(a.quotes)
        if a.published is None:
            self.undated += 1
        else:
            self.months[a.published.strftime("%Y-%m")] += 1
            self.days[a.published] += 1
            self.first = min(self.first or a.published, a.published)
            self.last = max(self.last or a.published, a.published)
        if a.outlet:
            self.outlets[a.outlet] += 1
        if a.dateline:
            self.places[a.dateline] += 1
        self.regions.update(set(a.places))
        for q in a.quotes:  # names that fold alike are one speaker
            if q.speaker is None:
                continue
            key = fold(q.speaker)
            self.speakers[key] += 1
            self.speaker_forms[key, q.speaker] += 1
            if q.role:
                self.speaker_roles[key, q.role] += 1
        self.written.update(_WORD.findall("\n".join([a.title or "", *a.paragraphs])))

    def speakers_top(self, top: int) -> list[SpeakerCount]:
        """The most-quoted speakers, each by the name and role most often given."""
        ranked = sorted(self.speakers.items(), key=lambda item: (-item[1], item[0]))[:top]
        chosen = {key for key, _ in ranked}
        name, role = (
            _most_given(self.speaker_forms, chosen),
            _most_given(self.speaker_roles, chosen),
        )
        return [
            SpeakerCount(name=name[key], count=count, role=role.get(key)) for key, count in ranked
        ]

    def words_top(self, top: int) -> list[Count]:
        """The most frequent content words, each in the form it is most often written."""
        words: Counter[str] = Counter()
        forms: dict[str, Counter[str]] = {}
        for written, n in self.written.items():  # in the order first seen
            word = _content_key(written)
            if word is not None:
                words[word] += n
                forms.setdefault(word, Counter())[written] += n
        ranked = sorted(words.items(), key=lambda item: (-item[1], item[0]))[:top]
        return [Count(name=forms[w].most_common(1)[0][0], count=n) for w, n in ranked]


def _most_given(counts: Counter[tuple[str, str]], keys: set[str]) -> dict[str, str]:
    """For each of ``keys``, the value counted most often with it; of equals, the one first
    counted (as ``Counter.most_common`` chooses)."""
    best: dict[str, tuple[int, str]] = {}
    for (key, value), n in counts.items():  # in the order first counted
        if key in keys and (key not in best or n > best[key][0]):
            best[key] = (n, value)
    return {key: value for key, (_, value) in best.items()}


def summarise_corpus(
    articles: Iterable[Article], top: int = 10, unit: str | None = None
) -> CorpusSummary:
    """Articles by outlet and by month, date range, places, regions, most-quoted speakers,
    frequent words, and a timeline by ``unit`` (day, week or month; by default the one the
    span of dates calls for, see ``charts.unit_for``).

    ``top`` bounds the outlets, places, regions, speakers and words; every month is listed,
    oldest first. The articles are read once, in one pass.
    """
    tally = _Tally()
    for a in articles:
        tally.add(a)
    steps, counted = timeline(tally.days.elements(), unit)
    return CorpusSummary(
        articles=tally.articles,
        first=tally.first,
        last=tally.last,
        undated=tally.undated,
        by_outlet=_top(tally.outlets, top),
        by_month=[Count(name=m, count=tally.months[m]) for m in sorted(tally.months)],
        places=_top(tally.places, top),
        timeline_unit=steps,
        timeline=[Count(name=label, count=n) for label, n in counted],
        regions=_top(tally.regions, top),
        speakers=tally.speakers_top(top),
        words=tally.words_top(top),
        quotes=tally.quotes,
    )


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
