"""Scoring parsed articles against gold annotations (the dev-set format). Pure functions.

The metrics are those of the reference scorer: body precision/recall/F1 over paragraphs, exact clean
bodies, title/date/outlet/dateline accuracy, credit F1, quote precision/recall/F1 and attribution
accuracy. Users annotate a few articles of their own outlets and measure pilkada on them.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Any

from pilkada.models import Article, ArticleScore, CueScore, EvalReport
from pilkada.speakers import CUE_KINDS, cue_kind

TRAILING_TAG = re.compile(r"\s*\((?:[^()]{0,40})\)\s*$")
HONOURS = frozenset(
    "prof dr drs ir h hj kh irjen pol brigjen kombes akbp ajun se sh mh msi mm spd skom sikom st "
    "mt ssos sip mpd ak".split()
)
METRICS = (
    "body_precision",
    "body_recall",
    "body_f1",
    "clean_exact",
    "title_acc",
    "published_acc",
    "outlet_acc",
    "dateline_acc",
    "credits_f1",
    "quote_precision",
    "quote_recall",
    "quote_f1",
    "attribution_acc",
)


def _norm(s: str | None) -> str:
    s = unicodedata.normalize("NFC", s or "").replace("\u00a0", " ")
    return re.sub(r"\s+", " ", s).strip()


def norm_body(s: str) -> str:
    s = _norm(s)
    prev = None
    while prev != s:
        prev, s = s, TRAILING_TAG.sub("", s).strip()
    return s


def norm_quote(s: str) -> str:
    s = _norm(s).strip("“”\"'‘’ ")
    return re.sub(r"[\s,.;:!?…]+$", "", s).lower()


def name_tokens(s: str | None) -> set[str]:
    return {t for t in re.findall(r"[a-z0-9]+", _norm(s).lower()) if t not in HONOURS}


def same_person(a: str | None, b: str | None) -> bool:
    ta, tb = name_tokens(a), name_tokens(b)
    return bool(ta) and bool(tb) and (ta <= tb or tb <= ta)


def outlet_key(s: str | None) -> str:
    s = _norm(s).lower()
    s = re.sub(r"^(https?://)?(www\.)?", "", s)
    s = re.sub(r"\.(co\.id|com|id|net|org|or\.id|go\.id)$", "", s)
    return re.sub(r"[^a-z0-9]", "", s)


@dataclass
class Counts:
    """Raw counts for one article; they add up over a set."""

    body_tp: int = 0
    body_fp: int = 0
    body_fn: int = 0
    exact: int = 0
    title: int = 0
    published: int = 0
    outlet: int = 0
    dateline: int = 0
    credit_tp: int = 0
    credit_fp: int = 0
    credit_fn: int = 0
    quote_tp: int = 0
    quote_fp: int = 0
    quote_fn: int = 0
    attr_ok: int = 0
    attr_n: int = 0
    problems: list[str] = field(default_factory=list)
    # attribution by what the cue says of the speaker: kind -> [right, all]
    by_cue: dict[str, list[int]] = field(default_factory=dict)

    def __iadd__(self, other: Counts) -> Counts:
        for name in self.__dataclass_fields__:
            if name == "by_cue":
                for kind, (ok, n) in other.by_cue.items():
                    mine = self.by_cue.setdefault(kind, [0, 0])
                    mine[0] += ok
                    mine[1] += n
            elif name != "problems":
                setattr(self, name, getattr(self, name) + getattr(other, name))
        return self


def score_article(article: Article, gold: dict[str, Any]) -> Counts:
    """Compare one parsed article with its gold annotation."""
    c = Counts()
    gold_body = [norm_body(x) for x in gold.get("body") or []]
    pred_body = [norm_body(x) for x in article.paragraphs]
    rest = list(gold_body)
    for x in pred_body:
        if x in rest:
            rest.remove(x)
            c.body_tp += 1
        else:
            c.body_fp += 1
            c.problems.append(f"extra paragraph: {x[:60]!r}")
    c.body_fn = len(rest)
    c.problems += [f"missing paragraph: {x[:60]!r}" for x in rest]
    c.exact = int(pred_body == gold_body)
    gold_title = gold.get("title")
    c.title = int(_norm(gold_title) == _norm(article.title)) if gold_title else 1
    if not c.title:
        c.problems.append(f"title {article.title!r}, gold {gold_title!r}")
    gold_date = (gold.get("published") or None) and str(gold["published"])[:10]
    pred_date = article.published.isoformat() if article.published else None
    c.published = int(gold_date == pred_date)
    if not c.published:
        c.problems.append(f"published {pred_date}, gold {gold_date}")
    c.outlet = int(outlet_key(gold.get("outlet")) == outlet_key(article.outlet))
    if not c.outlet:
        c.problems.append(f"outlet {article.outlet!r}, gold {gold.get('outlet')!r}")
    c.dateline = int(_norm(gold.get("dateline")).lower() == _norm(article.dateline).lower())
    if not c.dateline:
        c.problems.append(f"dateline {article.dateline!r}, gold {gold.get('dateline')!r}")
    _score_credits(c, article, gold)
    _score_quotes(c, article, gold)
    return c


def _score_credits(c: Counts, article: Article, gold: dict[str, Any]) -> None:
    left = list(article.authors) + list(article.editors)
    for name in list(gold.get("authors") or []) + list(gold.get("editors") or []):
        match = next((x for x in left if same_person(name, x)), None)
        if match is not None:
            left.remove(match)
            c.credit_tp += 1
        else:
            c.credit_fn += 1
            c.problems.append(f"credit missed: {name!r}")
    c.credit_fp = len(left)
    c.problems += [f"credit extra: {x!r}" for x in left]


def _score_quotes(c: Counts, article: Article, gold: dict[str, Any]) -> None:
    predicted = list(article.quotes)
    for q in gold.get("quotes") or []:
        gt = norm_quote(q["text"])
        best, best_score = None, 0.0
        for cand in predicted:
            ct = norm_quote(cand.text)
            s = SequenceMatcher(None, gt, ct, autojunk=False).ratio() if gt and ct else 0.0
            if s > best_score:
                best, best_score = cand, s
        if q.get("speaker"):
            c.attr_n += 1
        if best is not None and best_score >= 0.9:
            predicted.remove(best)
            c.quote_tp += 1
            if q.get("speaker"):
                kind = c.by_cue.setdefault(cue_kind(best.cue), [0, 0])
                kind[1] += 1
                if same_person(q["speaker"], best.speaker):
                    c.attr_ok += 1
                    kind[0] += 1
                else:
                    c.problems.append(
                        f"speaker {best.speaker!r}, gold {q['speaker']!r} (cue {best.cue!r})"
                    )
        else:
            c.quote_fn += 1
            c.problems.append(f"quote missed: {q['text'][:50]!r}")
    c.quote_fp = len(predicted)
    c.problems += [f"quote extra: {x.text[:50]!r}" for x in predicted]


def _f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 1.0


def _ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


def metrics(total: Counts, articles: int) -> dict[str, float]:
    """The metrics of a set, rounded as the reference scorer rounds them."""
    t = total
    values = {
        "body_precision": _ratio(t.body_tp, t.body_tp + t.body_fp),
        "body_recall": _ratio(t.body_tp, t.body_tp + t.body_fn),
        "body_f1": _f1(t.body_tp, t.body_fp, t.body_fn),
        "clean_exact": _ratio(t.exact, articles),
        "title_acc": _ratio(t.title, articles),
        "published_acc": _ratio(t.published, articles),
        "outlet_acc": _ratio(t.outlet, articles),
        "dateline_acc": _ratio(t.dateline, articles),
        "credits_f1": _f1(t.credit_tp, t.credit_fp, t.credit_fn),
        "quote_precision": _ratio(t.quote_tp, t.quote_tp + t.quote_fp),
        "quote_recall": _ratio(t.quote_tp, t.quote_tp + t.quote_fn),
        "quote_f1": _f1(t.quote_tp, t.quote_fp, t.quote_fn),
        "attribution_acc": _ratio(t.attr_ok, t.attr_n),
    }
    return {k: round(v, 4) for k, v in values.items()}


def score_set(pairs: list[tuple[Article, dict[str, Any]]]) -> tuple[dict[str, float], list[Counts]]:
    """Metrics over a set of (parsed article, gold) pairs, and each article's counts."""
    total, each = _totals(pairs)
    return metrics(total, len(pairs)), each


def _totals(pairs: list[tuple[Article, dict[str, Any]]]) -> tuple[Counts, list[Counts]]:
    total = Counts()
    each = []
    for article, gold in pairs:
        c = score_article(article, gold)
        each.append(c)
        total += c
    return total, each


def by_cue(total: Counts) -> list[CueScore]:
    """Attribution accuracy for each kind of cue, in a fixed order, kinds with quotes only."""
    out = []
    for kind in CUE_KINDS:
        ok, n = total.by_cue.get(kind, (0, 0))
        if n:
            out.append(CueScore(cue=kind, quotes=n, attribution_acc=round(ok / n, 4)))
    return out


def report(
    gold_dir: str, named: list[tuple[str, Article, dict[str, Any]]], worst: int = 5
) -> EvalReport:
    """The metrics of a set of (name, parsed article, gold) triples and its worst articles."""
    pairs = [(article, gold) for _, article, gold in named]
    total, each = _totals(pairs)
    scores = metrics(total, len(pairs))
    ranked = sorted(
        (
            ArticleScore(name=name, errors=len(c.problems), problems=c.problems)
            for (name, _, _), c in zip(named, each, strict=True)
        ),
        key=lambda s: (-s.errors, s.name),
    )
    return EvalReport(
        gold_dir=gold_dir,
        articles=len(named),
        metrics=scores,
        by_cue=by_cue(total),
        worst=[s for s in ranked if s.errors][:worst],
    )
