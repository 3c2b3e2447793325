"""Body, title, date and outlet on saved pages with gold: pilkada's DOM pass against trafilatura.

    python benchmarks/baselines.py --pages tests/fixtures/pages

For each ``NAME.html`` beside a ``NAME.gold.json`` (the dev-set format), three readings of the
page, in one run:

- ``pilkada``: what every pilkada command makes of an .html file (``pilkada.inputs.html``);
- ``trafilatura+pilkada``: trafilatura's main-content step (``bare_extraction``: its text and
  its title, date and site name), the text then parsed by pilkada's line cleaner;
- ``trafilatura``: trafilatura alone, its paragraphs being the lines of its text.

Body lines are compared as the reference scorer compares them (Unicode NFC, whitespace folded, a
short credit tag in brackets at the end dropped); outlets after lower-casing, without ``www.``,
a domain ending or punctuation. Speed: pages per second, the best of RUNS passes.
"""

from __future__ import annotations

import json
import re
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

RUNS = 3
TAG_AT_END = re.compile(r"\s*\(\s*[^()]{1,40}\s*\)\s*$")
DOMAIN_END = re.compile(r"\.(?:co\.id|com|id|net|org|go\.id|or\.id|news)$")


@dataclass(frozen=True)
class Reading:
    """What a tool makes of a page."""

    title: str | None
    published: str | None  # YYYY-MM-DD
    outlet: str | None
    body: list[str]


Reader = Callable[[str], Reading]


def line_key(text: str) -> str:
    text = " ".join(unicodedata.normalize("NFC", text).split())
    stripped = TAG_AT_END.sub("", text)
    return stripped if len(stripped) > 20 else text


def outlet_key(text: str | None) -> str:
    if not text:
        return ""
    key = text.lower().strip().removeprefix("www.")
    key = DOMAIN_END.sub("", key)
    return re.sub(r"[^\w]", "", key)


def pilkada_reading(html: str) -> Reading:
    from pilkada.inputs.html import parse_page

    a = parse_page(html)
    day = a.published.isoformat() if a.published else None
    return Reading(a.title, day, a.outlet, list(a.paragraphs))


def trafilatura_reading(html: str) -> Reading:
    import trafilatura

    doc = trafilatura.bare_extraction(html, with_metadata=True)
    if doc is None:
        return Reading(None, None, None, [])
    lines = [ln for ln in (doc.text or "").split("\n") if ln.strip()]
    return Reading(doc.title, doc.date, doc.sitename, lines)


def trafilatura_cleaned(html: str) -> Reading:
    import trafilatura

    from pilkada import parse

    doc = trafilatura.bare_extraction(html, with_metadata=True)
    if doc is None:
        return Reading(None, None, None, [])
    a = parse("\n\n".join(ln for ln in (doc.text or "").split("\n") if ln.strip()))
    return Reading(doc.title, doc.date, a.outlet or doc.sitename, list(a.paragraphs))


def readers() -> dict[str, Reader | str]:
    """Each reading by name, or why it cannot be made (trafilatura not installed)."""
    found: dict[str, Reader | str] = {"pilkada": pilkada_reading}
    try:
        import trafilatura  # noqa: F401
    except ImportError:
        missing = "not installed (pip install trafilatura lxml_html_clean)"
        found["trafilatura+pilkada"] = found["trafilatura"] = missing
    else:
        found["trafilatura+pilkada"] = trafilatura_cleaned
        found["trafilatura"] = trafilatura_reading
    return found


def score(folder: Path) -> dict[str, dict[str, float] | str]:
    """Each reading's figures over the pages of ``folder``."""
    pages = []
    for gold_path in sorted(folder.glob("*.gold.json")):
        page = gold_path.with_name(gold_path.name.removesuffix(".gold.json") + ".html")
        if page.exists():
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            pages.append((page.read_text(encoding="utf-8"), gold))
    if not pages:
        raise SystemExit(f"{folder}: no NAME.html beside a NAME.gold.json")
    out: dict[str, dict[str, float] | str] = {}
    for name, reader in readers().items():
        if isinstance(reader, str):
            out[name] = reader
            continue
        hits = predicted = wanted = titles = dates = outlets = 0
        for html, gold in pages:
            got = reader(html)
            want = [line_key(b) for b in gold["body"]]
            have = [line_key(b) for b in got.body]
            pool = list(want)
            for line in have:
                if line in pool:
                    pool.remove(line)
                    hits += 1
            predicted += len(have)
            wanted += len(want)
            titles += gold["title"] is None or " ".join((got.title or "").split()) == gold["title"]
            dates += got.published == gold["published"]
            outlets += outlet_key(got.outlet) == outlet_key(gold["outlet"])
        best = float("inf")
        for _ in range(RUNS):
            started = time.perf_counter()
            for html, _gold in pages:
                reader(html)
            best = min(best, time.perf_counter() - started)
        precision = hits / predicted if predicted else 0.0
        recall = hits / wanted if wanted else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        n = len(pages)
        out[name] = {
            "pages": n,
            "body_precision": round(precision, 4),
            "body_recall": round(recall, 4),
            "body_f1": round(f1, 4),
            "title_acc": round(titles / n, 4),
            "published_acc": round(dates / n, 4),
            "outlet_acc": round(outlets / n, 4),
            "pages_per_s": round(n / best, 1),
        }
    return out


def report(folder: Path) -> None:
    figures = score(folder)
    cols = ("body_precision", "body_recall", "body_f1", "title_acc", "published_acc", "outlet_acc")
    print(f"saved pages with gold in {folder}\n")
    print(f"{'reading':<22}" + "".join(f"{c:>15}" for c in (*cols, "pages_per_s")))
    for name, fig in figures.items():
        if isinstance(fig, str):
            print(f"{name:<22} {fig}")
            continue
        print(f"{name:<22}" + "".join(f"{fig[c]:>15}" for c in (*cols, "pages_per_s")))
    print(json.dumps({"pages": str(folder), "readings": figures}))
