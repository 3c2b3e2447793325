"""Raw Indonesian regional-election news, invented deterministically: a corpus for benchmarks.

Each article looks like a scraper's plain-text dump of a news page, as the seeds do: header chrome
(menus, breadcrumbs, a date line, a byline, a view counter, a caption), the headline, a lede that
opens with a dateline ("SAMPIT, wartasampit.com –", "Tapin (SUARANUSA) -"), paragraphs with direct
quotes attributed by name, by pronoun or by role alone, "Baca Juga" lines between paragraphs, and
a footer of credits, share buttons, tags and other headlines. People, outlets and places of
interviews are invented from syllables; regions, titles of office and speech verbs come from
pilkada's own lexicon. Each outlet keeps one page layout, as real sites do.

The same ``(n, seed)`` always gives the same articles, and article ``i`` does not depend on ``n``.
``generate`` yields ``(name, text)``; ``generate_truth`` also yields what each article states
(title, date, quotes and their speakers), which ``check.py`` compares with the parser's output.

    python benchmarks/generate.py 3000 /tmp/corpus [--seed 0]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import phrases as ph
from invent import NAMED_CREDITS, Outlet, invented_word, meta_date, outlets, person_name
from story import Para, QuoteTruth, Writer

MIN_BYTES, MAX_BYTES = 1500, 4000  # the size of a page, as the seeds run

# --- what an article states, for checking a parse -------------------------------------------


@dataclass
class Truth:
    title: str | None
    outlet: str | None
    dateline: str | None
    published: dt.date | None
    paragraphs: list[str]
    authors: list[str]
    editors: list[str]
    quotes: list[QuoteTruth]
    shape: dict[str, str]  # field -> the layout that produced it, to group failures


@dataclass
class Generated:
    name: str
    text: str
    truth: Truth


# --- chrome -----------------------------------------------------------------------------------


def _other_headlines(rng: random.Random, outlet: Outlet, k: int) -> list[str]:
    """Headlines of ``k`` other stories of the same outlet, all different."""
    out: list[str] = []
    while len(out) < k:
        headline = Writer(rng, outlet).headline()
        if headline not in out:
            out.append(headline)
    return out


def _header(w: Writer, title: str | None, author: str, published: dt.date | None) -> list[str]:
    rng, outlet, who = w.rng, w.outlet, w.people[0]
    meta = meta_date(rng, published, outlet.meta) if published and outlet.meta else ""
    caption = f"Foto: {who.head} {who.short} saat menghadiri {w.event} di {w.venue}."
    layout = outlet.header
    lines: list[str] = []
    if layout == "menu":
        lines += [outlet.name] if rng.random() < 0.3 else []
        lines += rng.sample(ph.MENU, rng.randint(3, 8))
        lines += [title or "", meta, rng.choice(("admin", "Redaksi", ""))]
        lines += [rng.choice((f"Dibaca {rng.randint(2, 900)} kali", ""))]
    elif layout == "breadcrumb":
        section = rng.choice(ph.SECTIONS)
        crumbs = rng.choice(
            (f"Home / {section} / {w.region.name}", f"Beranda » {section} » Pilkada")
        )
        lines += [crumbs, meta, title or "", caption if rng.random() < 0.5 else ""]
    elif layout == "follow":
        lines += ["Follow:", "Baca Berita Terbaik di sini!", "Search", "Close this search box."]
        lines += [caption, title or ""]
    elif layout == "byline":
        sections = ", ".join(rng.sample(ph.SECTIONS, 3))
        lines += [
            title or "",
            f"by {author} - {meta}" if meta else f"by {author}",
            f"in {sections}",
        ]
        lines += ["Facebook", "Twitter", "Pin", "By", f"{rng.randint(0, 40)} Comment"]
    elif layout == "admin":
        lines += [title or "", "By Admin", meta, f"{rng.randint(2, 400)} Views"]
    elif layout == "portal":
        credit = (
            f"Penulis {author} | Editor {person_name(rng)}" if outlet.credit == "inline" else ""
        )
        lines += [rng.choice(ph.SECTIONS), title or "", credit, meta]
    elif layout == "bare":
        lines += [title or "", meta]
    elif rng.random() < 0.4:  # none: the page opens with a kicker caption, or with the lede
        kicker = rng.choice(ph.KICKERS)
        lines.append(
            f"{kicker}-{who.head} {who.short} saat menghadiri {w.event} ({invented_word(rng)})"
        )
    return [ln for ln in lines if ln]


def _footer(w: Writer, title: str | None, author: str, editor: str) -> list[str]:
    rng, outlet = w.rng, w.outlet
    pad = " " * rng.randint(1, 6)
    lines = {
        "lines": [f"Penulis : {author}", f"Editor : {editor}"],
        "reporter": [f"Reporter : {author}", f"Editor{pad}: {editor}"],
        "pewarta": [f"Pewarta: {author}", f"Editor: {editor}"],
        "inline": [] if outlet.header == "portal" else [f"Penulis: {author} | Editor: {editor}"],
    }.get(outlet.credit, [])
    for part in outlet.footer:
        if part == "share":
            lines += (["Share :"] if rng.random() < 0.5 else []) + list(
                ph.SHARE[: rng.randint(3, 5)]
            )
        elif part == "tags":
            lines.append(f"{rng.choice(('Tags', 'Tag'))}: {', '.join(rng.sample(ph.TAGS, 4))}")
        elif part == "other":
            lines.append(rng.choice(("Berita Terkait", "Baca Juga", "Berita Lainnya")))
            for headline in _other_headlines(rng, outlet, rng.randint(3, 5)):
                lines += [rng.choice(ph.SECTIONS), headline] if rng.random() < 0.3 else [headline]
        elif part == "copyright":
            lines.append(f"Copyright © {w.day.year} {outlet.name}. All rights reserved.")
        elif part == "links":
            lines += ["Tautan Lembaga", "Redaksi", "Pedoman Media Siber"]
        elif part == "syndication" and title:
            lines.append(f'Artikel ini telah tayang di {outlet.name} dengan judul "{title}".')
    return lines


def _related(w: Writer) -> list[list[str]]:
    """Lines to put between paragraphs: "Baca Juga: …" lines, or a "Related Posts" block."""
    rng, style = w.rng, w.outlet.related
    if style == "none":
        return []
    if style == "block":
        return [["Related Posts", *_other_headlines(rng, w.outlet, rng.randint(2, 4))]]
    labels = ("Baca Juga: ", "Baca juga: ", "BACA JUGA: ")
    label = "Baca Juga :  " if style == "baca-spaced" else rng.choice(labels)
    return [[label + h] for h in _other_headlines(rng, w.outlet, rng.randint(1, 2))]


def _between(rng: random.Random, paras: list[str], groups: list[list[str]]) -> list[str]:
    """The paragraphs with each group of lines after a paragraph other than the last."""
    if len(paras) < 3:
        return paras
    after: dict[int, list[str]] = {}
    for group in groups:
        after.setdefault(rng.randint(0, len(paras) - 2), []).extend(group)
    return [line for k, p in enumerate(paras) for line in (p, *after.get(k, []))]


# --- one article ------------------------------------------------------------------------------


def _fit(paras: list[Para], other_bytes: int, target: int, w: Writer) -> list[Para]:
    """Drop narrative paragraphs, then later speakers, until the page fits; pad it to ``target``.

    ``other_bytes`` is what the page holds besides the paragraphs.
    """
    sep = 2 if w.outlet.blank else 1

    def size() -> int:
        return other_bytes + sum(len(p.text.encode()) + sep for p in paras)

    while size() > MAX_BYTES:
        narrative = [k for k, p in enumerate(paras) if p.kind == "narrative" and k > 0]
        if narrative:
            del paras[narrative[-1]]
        elif paras[-1].block > 0:
            last = paras[-1].block
            paras = [p for p in paras if p.block != last]
        else:
            break
    while size() < target:
        paras.append(Para(w.narrative(None), "narrative", paras[-1].block))
    return paras


def _credits(w: Writer, author: str, editor: str) -> tuple[list[str], list[str], str]:
    """(authors, editors) as the page credits them, and the tag glued to the last paragraph."""
    credit = w.outlet.credit
    authors = [author] if credit in NAMED_CREDITS or w.outlet.header == "byline" else []
    editors = [editor] if credit in NAMED_CREDITS else []
    tag = ""
    if credit == "initials":
        initials = "".join(p[0] for p in author.split()).upper()
        if len(initials) >= 2:
            authors.append(initials)
            tag = f" ({initials})"
    elif credit == "desk":
        tag = w.rng.choice(ph.DESK_TAGS)
        tag = tag if tag.startswith("*") else " " + tag
    return authors, editors, tag


def _article(seed: int, i: int) -> Generated:
    rng = random.Random(f"article:{seed}:{i}")
    outlet = rng.choice(outlets(seed))
    w = Writer(rng, outlet)
    paras = w.body()
    if not w.dated and rng.random() < 0.8:
        paras.insert(1, Para(f"Kegiatan tersebut berlangsung {w.when('pada ')}.", "narrative", 0))
    if rng.random() < 0.12:
        election = "Pemungutan suara Pilkada serentak dijadwalkan pada Rabu, 27 November 2024."
        paras.insert(len(paras) - 1, Para(election, "narrative", 0))
        w.shape["other_date"] = "election day"
    author, editor = person_name(rng), person_name(rng)
    title = w.headline() if outlet.header != "none" else None
    published = w.day + dt.timedelta(days=rng.choice((0, 0, 1))) if outlet.meta else None
    header = _header(w, title, author, published)
    footer = _footer(w, title, author, editor)
    authors, editors, tag = _credits(w, author, editor)
    related = _related(w)
    sep = "\n\n" if outlet.blank else "\n"
    chrome_lines = header + footer + [line for group in related for line in group]
    chrome = sum(len(ln.encode()) + len(sep) for ln in chrome_lines)
    chrome += len(tag) + 1
    paras = _fit(paras, chrome, rng.randint(MIN_BYTES + 100, MAX_BYTES - 300), w)
    texts = [p.text for p in paras]
    texts[-1] += tag
    lines = header + _between(rng, texts, related) + footer
    text = sep.join(lines) + "\n"
    where = next((f for f in ("syndication", "copyright") if f in outlet.footer), "nowhere")
    where = "site line" if header[:1] == [outlet.name] else where
    where = "lede" if w.lede_outlet else where
    w.shape["outlet"] = where + (" (domain)" if "." in outlet.name else " (brand)")
    site = None if where == "nowhere" else outlet.name
    truth = Truth(
        title=title,
        outlet=w.lede_outlet or site,
        dateline=w.place,
        published=published or w.stated,
        paragraphs=texts,
        authors=authors,
        editors=editors,
        quotes=[q for p in paras for q in p.quotes],
        shape={
            **w.shape,
            "header": outlet.header,
            "meta": outlet.meta or "-",
            "credit": outlet.credit,
            "related": outlet.related,
        },
    )
    return Generated(f"g{seed}_{i:06d}", text, truth)


# --- the public API ---------------------------------------------------------------------------


def generate_truth(n: int, seed: int = 0) -> Iterator[Generated]:
    """``n`` articles, each with what it states."""
    for i in range(n):
        yield _article(seed, i)


def generate(n: int, seed: int = 0) -> Iterator[tuple[str, str]]:
    """``n`` raw articles as ``(name, text)``; the same ``(n, seed)`` gives the same articles."""
    for g in generate_truth(n, seed):
        yield g.name, g.text


def write_corpus(folder: str | Path, n: int, seed: int = 0) -> list[Path]:
    """Write ``n`` articles as ``NAME.txt`` into ``folder`` (created if missing); their paths."""
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, text in generate(n, seed):
        path = out / f"{name}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    ap = argparse.ArgumentParser(description="Write N generated raw articles into FOLDER.")
    ap.add_argument("n", type=int, metavar="N")
    ap.add_argument("folder", metavar="FOLDER")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    paths = write_corpus(args.folder, args.n, args.seed)
    size = sum(p.stat().st_size for p in paths) / max(len(paths), 1)
    print(f"wrote {len(paths)} articles ({size:,.0f} bytes each on average) to {args.folder}")


if __name__ == "__main__":
    main()
