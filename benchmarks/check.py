"""How the parser does on generated articles: shapes it was not written for, with known answers.

    python benchmarks/check.py [--articles 1000] [--seed 0] [--examples 1]

Prints, for the generated corpus, the share of articles that parse to paragraphs, a title, a date
and quotes with speakers, then how often each field equals what the generator wrote, and for each
field the page shapes it fails on most, with a short example of each. A low figure is a lead to
follow on real articles, not a score: the generator's shapes are plausible, not representative.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from generate import Generated, generate_truth

from pilkada import parse

if TYPE_CHECKING:
    from pilkada.models import Article


@dataclass
class Tally:
    """How often a field was right, and where it went wrong."""

    right: int = 0
    total: int = 0
    wrong_by_shape: Counter[str] = field(default_factory=Counter)
    all_by_shape: Counter[str] = field(default_factory=Counter)
    examples: dict[str, list[str]] = field(default_factory=dict)

    def add(self, ok: bool, shape: str, example: Callable[[], str], keep: int) -> None:
        self.total += 1
        self.all_by_shape[shape] += 1
        if ok:
            self.right += 1
            return
        self.wrong_by_shape[shape] += 1
        kept = self.examples.setdefault(shape, [])
        if len(kept) < keep:
            kept.append(example())

    @property
    def share(self) -> float:
        return self.right / self.total if self.total else 1.0


def _lines_with(text: str, *needles: str | None) -> str:
    """The raw lines that hold any of ``needles``, or the first lines of the page."""
    lines = [ln for ln in text.splitlines() if ln.strip()]
    hits = [ln for ln in lines if any(n and n in ln for n in needles)]
    shown = [(ln[:140] + "…") if len(ln) > 140 else ln for ln in (hits or lines)[:3]]
    return "\n      ".join(shown)


def check(n: int, seed: int, keep: int) -> dict[str, Tally]:
    fields = (
        "body",
        "title",
        "published",
        "outlet",
        "dateline",
        "authors",
        "quote found",
        "speaker",
    )
    tallies = {name: Tally() for name in fields}
    basics = Counter[str]()
    for g in generate_truth(n, seed):
        a = parse(g.text, id=g.name)
        basics["paragraphs"] += bool(a.paragraphs)
        basics["title"] += bool(a.title)
        basics["date"] += a.published is not None
        basics["quote with speaker"] += any(q.speaker for q in a.quotes)
        _compare(g, a, tallies, keep)
    tallies["_basics"] = Tally(right=0, total=n, all_by_shape=basics)
    return tallies


def _compare(g: Generated, a: Article, tallies: dict[str, Tally], keep: int) -> None:
    t, shape, text = g.truth, g.truth.shape, g.text

    def scalar(name: str, want: object, got: object, shape_key: str, *needles: str | None) -> None:
        def example() -> str:
            lines = _lines_with(text, *needles)
            return f"{g.name}: want {want!r}, got {got!r}\n      {lines}"

        tallies[name].add(want == got, shape.get(shape_key, "-"), example, keep)

    missing = [p for p in t.paragraphs if p not in a.paragraphs]
    extra = [p for p in a.paragraphs if p not in t.paragraphs]
    shape["body"] = f"{shape['header']} header, {shape['related']} related"
    scalar("body", [], missing + extra, "body", *(missing + extra))
    scalar("title", t.title, a.title, "header", t.title, a.title)
    when = f"{shape['meta']} / {shape.get('text_date', '-')}"
    shape["when"] = when + (" + election day" if "other_date" in shape else "")
    published = t.published.isoformat() if t.published else None
    got = a.published.isoformat() if a.published else None
    scalar("published", published, got, "when", a.published_text, "(", "WIB", "Views")
    scalar("outlet", t.outlet, a.outlet, "outlet", t.outlet, a.outlet)
    scalar("dateline", t.dateline, a.dateline, "dateline", t.dateline, a.dateline)
    scalar("authors", sorted(t.authors), sorted(a.authors), "credit", *t.authors, *a.authors)
    parsed = {" ".join(q.text.split()): q for q in a.quotes}
    for q in t.quotes:
        got_q = parsed.get(" ".join(q.text.split()))
        para = next((ln for ln in text.splitlines() if q.text in ln), "")
        tail = para[para.index(q.text) + len(q.text) :][:80] if para else ""

        def quote_example(q: object = q, tail: str = tail, para: str = para) -> str:
            return f"{g.name}: …{tail!r}  (paragraph: {para[:100]!r}…)"

        tallies["quote found"].add(got_q is not None, q.cue, quote_example, keep)
        if got_q is not None:
            ok = got_q.speaker == q.speaker

            def speaker_example(
                q: object = q, got: object = got_q.speaker, tail: str = tail
            ) -> str:
                want = getattr(q, "speaker", None)
                return f"{g.name}: want {want!r}, got {got!r}; after the quote: {tail!r}"

            tallies["speaker"].add(ok, q.cue, speaker_example, keep)


def report(tallies: dict[str, Tally], n: int) -> dict[str, float]:
    basics = tallies.pop("_basics").all_by_shape
    figures = {f"has {k}": v / n for k, v in basics.items()}
    print(f"{n} generated articles: share that parse to …")
    for name, share in figures.items():
        print(f"  {name[4:]:<20} {share:7.1%}")
    print("\nfield equal to what the generator wrote (by the shape that produced it):")
    for name, tally in tallies.items():
        figures[name] = tally.share
        print(f"  {name:<20} {tally.share:7.1%}  of {tally.total}")
        worst = sorted(
            tally.wrong_by_shape, key=lambda s: tally.wrong_by_shape[s] / tally.all_by_shape[s]
        )
        for shape in reversed(worst[-4:]):
            wrong, all_ = tally.wrong_by_shape[shape], tally.all_by_shape[shape]
            print(f"      {wrong:>5} of {all_:>5} wrong ({wrong / all_:.1%}) with {shape}")
            for example in tally.examples.get(shape, []):
                print(f"        e.g. {example}")
    return figures


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--examples", type=int, default=1, help="examples shown per failing shape")
    args = ap.parse_args()
    figures = report(check(args.articles, args.seed, args.examples), args.articles)
    print(json.dumps({k: round(v, 4) for k, v in figures.items()}))


if __name__ == "__main__":
    main()
