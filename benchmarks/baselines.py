"""pilkada's parse rate against jusText and trafilatura, on the same article-size HTML pages.

    python benchmarks/baselines.py [--articles 1000] [--seed 0]
    python benchmarks/baselines.py --pages tests/fixtures/pages   # quality, see pages.py

The generated articles are rendered as the pages a news site would serve (``render_page``), and
each tool reads every page in this one process (one core):

- pilkada on the page, as ``pilkada index`` reads an ``.html`` file: the bytes decoded, the page
  turned into lines, the lines parsed, the page's head applied (``pilkada.formats``);
- pilkada's ``parse`` on the article's plain text, as ``run.py`` times it;
- ``justext.justext`` on the page's bytes, with its Indonesian stop list;
- ``trafilatura.extract`` on the page's text, with its default settings.

Each tool reads WARM_UP pages first (imports, lexicons, caches), then makes RUNS passes over all
of them; the tools take turns pass by pass, so that a noisy spell of the machine does not fall on
one tool alone. The best pass counts, by wall clock and by CPU time. A tool that is not installed
is reported and skipped. Prints a table, then one JSON line with every figure.
See benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape
from importlib.metadata import version

import phrases as ph
from generate import Generated, generate_truth

from pilkada import parse
from pilkada.decode import decode
from pilkada.inputs.html import parse_page  # what every command runs on an .html file

PARSE_TARGET = 1000.0  # articles per second per core
CLAIMED = {"justext": 4.0, "trafilatura": 9.0}  # what the parse-rate target amounts to against each
WARM_UP = 50  # pages each tool reads before it is timed
RUNS = 3
NOT_INSTALLED = "not installed (pip install justext trafilatura)"


@dataclass(frozen=True)
class Page:
    """One generated article: its plain text, and the page that serves it as text and bytes."""

    name: str
    text: str
    html: str
    data: bytes


Tool = Callable[[Page], str]  # a page -> the article's body text as the tool finds it


def render_page(article: Generated) -> str:
    """The HTML page a news site would serve for a generated article; deterministic.

    The head has the title (the outlet's name after it when the article names its outlet), the
    publication date as ``article:published_time`` and the outlet as ``og:site_name``. In the
    body each line of the article is its own element, in the article's order: the header's runs
    of menu entries become a ``<nav>`` of links, runs of share buttons a ``<ul>`` of links, the
    headline the ``<h1>``, the article's paragraphs ``<p>``, and every other line ("Baca Juga",
    bylines, captions, credits, tags, other headlines) a ``<div>``. The lines before the first
    paragraph are the ``<header>``, those after the last the ``<footer>``.
    """
    truth = article.truth
    paragraphs = set(truth.paragraphs)
    lines = [line for line in article.text.split("\n") if line.strip()]
    body = [k for k, line in enumerate(lines) if line in paragraphs]
    first, last = (body[0], body[-1] + 1) if body else (len(lines), len(lines))
    title = " - ".join(t for t in (truth.title, truth.outlet) if t)
    head = ['<meta charset="utf-8">', f"<title>{escape(title)}</title>"]
    if truth.published:
        stamp = f"{truth.published.isoformat()}T08:00:00+07:00"
        head.append(f'<meta property="article:published_time" content="{stamp}">')
    if truth.outlet:
        head.append(f'<meta property="og:site_name" content="{escape(truth.outlet)}">')
    parts = [
        ("header", _elements(lines[:first], truth.title, paragraphs, menu=True)),
        ("article", _elements(lines[first:last], truth.title, paragraphs)),
        ("footer", _elements(lines[last:], truth.title, paragraphs)),
    ]
    return "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="id">',
            "<head>",
            *head,
            "</head>",
            "<body>",
            *(f"<{tag}>\n{inner}\n</{tag}>" for tag, inner in parts if inner),
            "</body>",
            "</html>",
            "",
        ]
    )


def _elements(lines: list[str], title: str | None, paragraphs: set[str], menu: bool = False) -> str:
    """Each line as its element; runs of share buttons, and of menu entries where ``menu`` (the
    header: a section's name in the footer is a label), as lists of links."""
    closing = {"nav": "</nav>", "share": "</ul>"}
    out: list[str] = []
    run: str | None = None  # the kind of link list open, if any
    for line in lines:
        text = escape(line)
        kind = "nav" if menu and line in ph.MENU else "share" if line in ph.SHARE else None
        if run and kind != run:
            out.append(closing[run])
        if kind == "nav":
            opens = "<nav>" if run != kind else ""
            out.append(f'{opens}<a href="/kanal/{text.lower()}">{text}</a>')
        elif kind == "share":
            opens = '<ul class="share">' if run != kind else ""
            out.append(f'{opens}<li><a href="#">{text}</a></li>')
        elif line == title:
            out.append(f"<h1>{text}</h1>")
        else:
            out.append(f"<p>{text}</p>" if line in paragraphs else f"<div>{text}</div>")
        run = kind
    if run:
        out.append(closing[run])
    return "\n".join(out)


def tools() -> tuple[dict[str, Tool], dict[str, str]]:
    """The tools to time, by name, and the version of each (or why it is missing)."""
    found: dict[str, Tool] = {
        "pilkada_html": lambda p: "\n".join(
            parse_page(decode(p.data), p.name + ".html", p.name).paragraphs
        ),
        "pilkada_text": lambda p: "\n".join(parse(p.text, id=p.name).paragraphs),
    }
    versions = {"pilkada_html": version("pilkada"), "pilkada_text": version("pilkada")}
    try:
        import justext
    except ImportError:
        versions["justext"] = NOT_INSTALLED
    else:
        stoplist = justext.get_stoplist("Indonesian")
        found["justext"] = lambda p: "\n".join(
            para.text for para in justext.justext(p.data, stoplist) if not para.is_boilerplate
        )
        versions["justext"] = version("justext")
    try:
        import trafilatura
    except ImportError:
        versions["trafilatura"] = NOT_INSTALLED
    else:
        found["trafilatura"] = lambda p: trafilatura.extract(p.html) or ""
        versions["trafilatura"] = version("trafilatura")
    return found, versions


def rates(timed: dict[str, Tool], pages: Sequence[Page]) -> dict[str, dict[str, float]]:
    """Best of RUNS passes of each tool over ``pages``, after a warm-up: articles/s by wall clock
    and by CPU time, and on how many of the warm-up pages the tool found any body text."""
    found = {
        name: sum(bool(tool(p).strip()) for p in pages[:WARM_UP]) for name, tool in timed.items()
    }
    wall = dict.fromkeys(timed, float("inf"))
    cpu = dict.fromkeys(timed, float("inf"))
    for _ in range(RUNS):
        for name, tool in timed.items():
            gc.collect()
            w, c = time.perf_counter(), time.process_time()
            for p in pages:
                tool(p)
            wall[name] = min(wall[name], time.perf_counter() - w)
            cpu[name] = min(cpu[name], time.process_time() - c)
    return {
        name: {
            "seconds": round(wall[name], 3),
            "per_s": round(len(pages) / wall[name], 1),
            "per_cpu_s": round(len(pages) / cpu[name], 1),
            "warm_up_pages_with_text": found[name],
        }
        for name in timed
    }


def _row(label: str, value: str, cpu: str = "", note: str = "") -> str:
    return f"{label:<32} {value:>16} {cpu:>16}  {note}"


def main() -> None:
    ap = argparse.ArgumentParser(description="Time pilkada against jusText and trafilatura.")
    ap.add_argument("--articles", type=int, default=1000, help="generated articles (pages)")
    ap.add_argument("--seed", type=int, default=0, help="seed of the generated articles")
    ap.add_argument(
        "--pages",
        metavar="DIR",
        help="instead: body, title, date and outlet on DIR's saved pages with gold "
        "(NAME.html beside NAME.gold.json), pilkada against trafilatura (benchmarks/pages.py)",
    )
    args = ap.parse_args()
    if args.pages:
        from pathlib import Path

        from pages import report

        report(Path(args.pages))
        return
    if args.articles < 1:
        ap.error("--articles must be at least 1")
    started = time.perf_counter()

    pages: list[Page] = []
    for g in generate_truth(args.articles, args.seed):
        html = render_page(g)
        pages.append(Page(g.name, g.text, html, html.encode("utf-8")))
    timed, versions = tools()
    figures = rates(timed, pages)

    page_kb = sum(len(p.data) for p in pages) / len(pages) / 1000
    text_kb = sum(len(p.text.encode("utf-8")) for p in pages) / len(pages) / 1000
    ratios: dict[str, float | None] = {}
    for base in CLAIMED:
        for by in ("per_s", "per_cpu_s"):
            fig = figures.get(base)
            value = figures["pilkada_html"][by] / fig[by] if fig else None
            ratios[f"{base}_{by}"] = round(value, 2) if value else None

    cores = os.cpu_count() or 1
    print(
        f"pilkada against jusText and trafilatura · Python {platform.python_version()} · "
        f"{cores} cores · {len(pages)} generated articles (seed {args.seed}): pages of "
        f"{page_kb:.1f} KB, plain text {text_kb:.1f} KB on average\n"
    )
    print(_row("tool (input)", "art/s per core", "art/s by CPU", "note"))
    print(_row("-" * 32, "-" * 16, "-" * 16, "-" * 24))
    labels = {
        "pilkada_html": "pilkada (HTML page)",
        "pilkada_text": "pilkada parse (plain text)",
        "justext": "jusText (HTML bytes)",
        "trafilatura": "trafilatura (HTML text)",
    }
    for name, label in labels.items():
        fig = figures.get(name)
        if fig is None:
            print(_row(label, "-", "-", versions[name]))
            continue
        seen = f"{fig['warm_up_pages_with_text']}/{min(WARM_UP, len(pages))}"
        note = f"{versions[name]}; text on {seen} pages"
        if name.startswith("pilkada"):
            note += "; target ≥ 1,000: " + ("ok" if fig["per_s"] >= PARSE_TARGET else "MISSED")
        print(_row(label, f"{fig['per_s']:,.0f}", f"{fig['per_cpu_s']:,.0f}", note))
    for base, claim in CLAIMED.items():
        wall, by_cpu = ratios[f"{base}_per_s"], ratios[f"{base}_per_cpu_s"]
        label = f"pilkada (HTML) / {labels[base].split()[0]}"
        if wall is None or by_cpu is None:
            print(_row(label, "-", "-", versions[base]))
        else:
            print(_row(label, f"{wall:.2f}×", f"{by_cpu:.2f}×", f"the target: about {claim:g}×"))
    print(f"\n(finished in {time.perf_counter() - started:.0f} s)")

    print(
        json.dumps(
            {
                "python": platform.python_version(),
                "cores": cores,
                "seed": args.seed,
                "articles": len(pages),
                "mean_page_bytes": round(page_kb * 1000),
                "mean_text_bytes": round(text_kb * 1000),
                "warm_up": WARM_UP,
                "runs": RUNS,
                "versions": versions,
                "rates": figures,
                "ratio": ratios,
                "parse_target_per_s": PARSE_TARGET,
            }
        )
    )


if __name__ == "__main__":
    main()
