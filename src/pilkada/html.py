"""A saved HTML page -> the lines a scraper's text dump would have, plus the page's own metadata.

selectolax (the Lexbor HTML5 engine) parses the page as a browser would, broken markup included.
Each block element (paragraph, heading, list item, table cell, ``div``…) becomes its own line and
``<br>`` breaks a line, so paragraph boundaries survive; scripts, styles and other non-text are
dropped. Everything else is kept for the cleaner to judge, as with a ``.txt`` file: menus, share
buttons and "Baca Juga" links are removed there, with their reasons. The page's ``<title>`` (or
``og:title``), its meta publication date and ``og:site_name`` are returned beside the lines. Pure.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import TYPE_CHECKING, Any

from pilkada import lexicon

if TYPE_CHECKING:
    from selectolax.lexbor import LexborHTMLParser, LexborNode

__all__ = ["Page", "page"]

BLOCKS = frozenset(
    "address article aside blockquote body caption dd details dialog div dl dt fieldset "
    "figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr li main nav ol p pre "
    "section summary table tbody td tfoot th thead tr ul".split()
)
SKIPPED = frozenset(
    "script style noscript template svg math iframe object embed select head canvas".split()
)
DATE_META = (
    'meta[property="article:published_time"]',
    'meta[name="pubdate"]',
    'meta[name="publishdate"]',
    'meta[name="publish-date"]',
    'meta[name="date"]',
    'meta[name="dc.date"]',
    'meta[name="DC.date.issued"]',
    'meta[itemprop="datePublished"]',
    'meta[name="content_PublishedDate"]',
)
ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
SITE_SUFFIX = re.compile(r"\s+[|–—-]\s+(?P<site>[^|–—]{2,40})$")
SPACE = re.compile(r"\s+")


@dataclass
class Page:
    """The lines of a page's visible text, and what its head says about it."""

    lines: list[str] = field(default_factory=list)
    title: str | None = None
    title_source: str = "the page's <title>"
    published: date | None = None
    published_text: str | None = None
    outlet: str | None = None
    authors: tuple[str, ...] = ()
    dropped: list[tuple[str, str]] = field(default_factory=list)  # (line, why) left out

    @property
    def text(self) -> str:
        """The lines as a plain-text dump: one paragraph a line, blank lines between."""
        return "\n\n".join(self.lines)


def page(html: str) -> Page:
    """Parse a page; never raises on bad markup (an empty page has no lines)."""
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(html)
    found = Page()
    linked = _linked_data(tree)
    outlet = _meta(tree, 'meta[property="og:site_name"]') or _publisher(linked)
    found.outlet = outlet
    found.authors = _authors(tree, linked)
    every: list[str] = []
    if tree.body is not None:
        layout = _Layout(tree.body)
        block = _article_block(tree.body, layout)
        stated = _meta(tree, 'meta[property="og:title"]') or _page_title(tree)
        headline = _headline(tree.body, block, stated)
        skip = _chrome_blocks(tree.body, layout, [n for n in (block, headline) if n is not None])
        found.lines = _lines(tree.body, set(skip), headline, block)
        every = _lines(tree.body, set())
        found.dropped = _dropped(tree.body, skip, every, found.lines)
        if headline is not None and (title := SPACE.sub(" ", headline.text()).strip()):
            found.title, found.title_source = title, "the page's <h1>"
        found.outlet = _site_of_a_body(tree.body, headline) or found.outlet
    found.title = found.title or _title(tree, outlet, linked)
    if found.outlet is None:
        found.outlet = _site_in_title(tree, found.title) or _copyright_holder(every)
    found.published, found.published_text = _published(tree, linked)
    return found


def _published(
    tree: LexborHTMLParser, linked: list[dict[str, Any]]
) -> tuple[date | None, str | None]:
    """The publication date the page states for a machine: a meta tag, JSON-LD, <time>."""
    for selector in DATE_META:
        value = _meta(tree, selector)
        if value and (day := iso_day(value)):
            return day, value
    for item in linked:
        value = item.get("datePublished")
        if isinstance(value, str) and (day := iso_day(value)):
            return day, value
    stamp = tree.css_first("time[datetime]")
    value = stamp.attributes.get("datetime") if stamp is not None else None
    if value and (day := iso_day(value)):
        return day, value
    return None, None


# --- what the page states for machines: JSON-LD ------------------------------------------------


def _linked_data(tree: LexborHTMLParser) -> list[dict[str, Any]]:
    """Every object of the page's JSON-LD with a type, articles first; a script that is no
    JSON is passed over."""
    found: list[dict[str, Any]] = []
    for script in tree.css('script[type="application/ld+json"]'):
        try:
            data = json.loads(script.text() or "null")
        except (ValueError, RecursionError):
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(reversed(item))
            elif isinstance(item, dict):
                if "@graph" in item:
                    stack.append(item["@graph"])
                if "@type" in item:
                    found.append(item)
    return sorted(found, key=lambda item: not _is_article(item))


def _is_article(item: dict[str, Any]) -> bool:
    kinds = item.get("@type")
    kinds = kinds if isinstance(kinds, list) else [kinds]
    return any(isinstance(k, str) and (k.endswith("Article") or k == "BlogPosting") for k in kinds)


def _names(value: object) -> list[str]:
    """The names a JSON-LD author or publisher value holds: a string, an object, a list."""
    items = value if isinstance(value, list) else [value]
    out = []
    for item in items:
        name = item.get("name") if isinstance(item, dict) else item
        if isinstance(name, str) and (name := SPACE.sub(" ", name).strip()):
            out.append(name)
    return out


def _publisher(linked: list[dict[str, Any]]) -> str | None:
    for item in linked:
        if names := _names(item.get("publisher")):
            return names[0]
    return None


def _authors(tree: LexborHTMLParser, linked: list[dict[str, Any]]) -> tuple[str, ...]:
    """The writers the page names for machines (JSON-LD, else a meta author), without a desk's
    label ("Redaksi", "Admin") or a site's name."""
    from pilkada.meta import credit_names

    names = next((n for i in linked if _is_article(i) and (n := _names(i.get("author")))), [])
    if not names and (meta := _meta(tree, 'meta[name="author"]')):
        names = [meta]
    if not names:
        names = _microdata_authors(tree)
    return tuple(n for n in names if "." not in n and not n.isupper() and credit_names(n) == [n])


def _microdata_authors(tree: LexborHTMLParser) -> list[str]:
    """The writers schema.org microdata names: ``itemprop="author"``, by its ``name``
    (Blogger's "Diposting oleh <span itemprop='name'>Yosef Bala</span>")."""
    out = []
    for node in tree.css('[itemprop="author"]'):
        named = node.css_first('[itemprop="name"]')
        if named is None:
            continue
        name = named.attributes.get("content") or _text(named)
        if name and (name := SPACE.sub(" ", name).strip()) not in out:
            out.append(name)
    return out


def _site_in_title(tree: LexborHTMLParser, headline: str | None) -> str | None:
    """The site's name the page's <title> gives beside the headline: "Kabar Lembata: Headline",
    "Headline - Warta Kapuas Hulu"; the last part of several ("Headline | Berita | Site")."""
    whole = _page_title(tree)
    at = whole.lower().find(headline.lower()) if whole and headline else -1
    if whole is None or headline is None or at < 0:
        return None
    before, after = whole[:at].strip(), whole[at + len(headline) :].strip()
    if after and (mark := MARK_AFTER.match(after)):
        site = TITLE_PARTS.split(after[mark.end() :])[-1]
    elif before and not after and (mark := MARK_BEFORE.search(before)):
        site = TITLE_PARTS.split(before[: mark.start()])[0]
    else:
        return None
    site = site.strip()
    return site if 1 <= len(site.split()) <= 5 else None


# the marks that part a page's <title> into its headline and the site's name
MARK_AFTER = re.compile(r"^(?:[|–—·:»]|-(?=\s))\s*")
MARK_BEFORE = re.compile(r"\s*(?:[|–—·:»]|(?<=\s)-)$")
TITLE_PARTS = re.compile(r"\s+[|–—·»-]\s+")


# --- the article in the page -----------------------------------------------------------------


@cache
def _chrome_words() -> frozenset[str]:
    return frozenset(lexicon.entries("html_chrome"))


CLASS_WORD = re.compile(r"[a-z0-9]+")
CHROME_TAGS = frozenset({"nav", "aside", "footer", "form", "header", "dialog", "menu"})
LISTS = frozenset({"ul", "ol", "table", "div", "section", "dl"})
MIN_PARAGRAPH = 30  # characters of text outside links that make a <p> count for the article


def _named_chrome(node: LexborNode) -> bool:
    """An element that its tag or its class or id names as site chrome."""
    if node.tag in CHROME_TAGS:
        return True
    attrs = node.attributes
    names = f"{attrs.get('class') or ''} {attrs.get('id') or ''}".lower()
    return bool(names.strip()) and not _chrome_words().isdisjoint(CLASS_WORD.findall(names))


class _Layout:
    """Where a page's paragraph text stands: how much of it (outside links) each element
    holds, and which elements are chrome: named so (``_named_chrome``) and holding less than
    half of it (a theme may name the article's own block "entry-content no-share")."""

    def __init__(self, body: LexborNode) -> None:
        self.weights: list[tuple[LexborNode, int]] = []
        self.held: dict[int, int] = {}
        for para in body.css("p"):
            weight = len(_text(para)) - sum(len(_text(a)) for a in para.css("a"))
            if weight >= MIN_PARAGRAPH:
                self.weights.append((para, weight))
                for node in _ancestors(para):
                    self.held[node.mem_id] = self.held.get(node.mem_id, 0) + weight
        self.whole = max(self.held.values(), default=0)

    def chrome(self, node: LexborNode) -> bool:
        return _named_chrome(node) and self.held.get(node.mem_id, 0) < self.whole / 2


def _article_block(body: LexborNode, layout: _Layout) -> LexborNode | None:
    """The element that holds the article: the deepest that holds nearly all the page's
    paragraph text outside chrome; None for a page with no paragraphs."""
    scores: dict[int, int] = {}
    nodes: dict[int, LexborNode] = {}
    for para, weight in layout.weights:
        if any(layout.chrome(n) for n in _ancestors(para)):
            continue
        for node in _ancestors(para):
            scores[node.mem_id] = scores.get(node.mem_id, 0) + weight
            nodes[node.mem_id] = node
    if not scores:
        return None
    whole = max(scores.values())
    held = [nodes[k] for k, score in scores.items() if score >= 0.85 * whole]
    return max(held, key=lambda n: sum(1 for _ in _ancestors(n)))


def _ancestors(node: LexborNode) -> Iterator[LexborNode]:
    """The elements that hold ``node``, nearest first, up to the body."""
    parent = node.parent
    while parent is not None and parent.tag not in ("html", "-document", None):
        yield parent
        parent = parent.parent


def _headline(body: LexborNode, block: LexborNode | None, stated: str | None) -> LexborNode | None:
    """The article's headline: the <h1> or <h2> that the page's <title> or og:title
    (``stated``) holds, nearest the article; else an <h1> inside the article, else the last
    before it. A site's name in an <h1> over the menu is none."""
    order = {n.mem_id: k for k, n in enumerate(body.traverse())}
    heads = [h for h in body.css("h1, h2") if _text(h) and not _in_named_chrome(h, block)]
    if block is not None:
        end = order[block.mem_id] + sum(1 for _ in block.traverse())
        heads = [h for h in heads if order[h.mem_id] < end]
    key = _fold_space(stated or "")
    named = [h for h in heads if len(_text(h).split()) >= 3 and _fold_space(_text(h)) in key]
    if named:
        return (
            named[-1]
            if block is None
            else min(named, key=lambda h: abs(order[h.mem_id] - order[block.mem_id]))
        )
    h1s = [h for h in heads if h.tag == "h1"]
    if block is None:
        return h1s[0] if len(h1s) == 1 else None
    inside = [h for h in h1s if any(a.mem_id == block.mem_id for a in _ancestors(h))]
    if inside:
        return inside[0]
    before = [h for h in h1s if order[h.mem_id] < order[block.mem_id]]
    return before[-1] if before else None


def _fold_space(text: str) -> str:
    return SPACE.sub(" ", text).strip().casefold()


def _in_named_chrome(node: LexborNode, block: LexborNode | None) -> bool:
    """``node`` stands in a block named as chrome that does not hold the article."""
    for a in _ancestors(node):
        if block is not None and a.mem_id == block.mem_id:
            return False
        if a.tag != "header" and _named_chrome(a):
            return True
    return False


def _chrome_blocks(body: LexborNode, layout: _Layout, keep: list[LexborNode]) -> dict[int, str]:
    """The elements to leave out, with why: those named as chrome and lists that are mostly
    links, none holding the article or its headline (``keep``)."""
    kept = {n.mem_id for k in keep for n in (k, *_ancestors(k))}
    out: dict[int, str] = {}
    for node in body.traverse():
        if node.mem_id in kept or not (node.tag in BLOCKS or node.tag in CHROME_TAGS):
            continue  # a word inside a paragraph is never chrome: "<a class="tag">Pilkada</a>"
        if node.tag in ("p", "h1"):
            continue
        if any(a.mem_id in out for a in _ancestors(node)):
            continue
        if layout.chrome(node):
            out[node.mem_id] = _why_chrome(node)
        elif node.tag in LISTS and _mostly_links(node) and not _credit(node):
            out[node.mem_id] = "page chrome: a list of links"
    return out


def _why_chrome(node: LexborNode) -> str:
    if node.tag in CHROME_TAGS:
        return f"page chrome: <{node.tag}>"
    attrs = node.attributes
    names = f"{attrs.get('class') or ''} {attrs.get('id') or ''}".lower()
    word = next((w for w in CLASS_WORD.findall(names) if w in _chrome_words()), "")
    return f"page chrome: a block named '{word}'"


def _dropped(
    body: LexborNode, skip: dict[int, str], every: list[str], kept: list[str]
) -> list[tuple[str, str]]:
    """Every visible line of the page (``every``) that the article's lines leave out, in page
    order, with why: the block it stands in, or its place outside the article."""
    why: dict[str, str] = {}
    for node in body.traverse():
        if node.mem_id in skip:
            for line in _lines(node, set()):
                why.setdefault(line, skip[node.mem_id])
    left = Counter(kept)
    out = []
    for line in every:
        if left[line] > 0:
            left[line] -= 1
            continue
        out.append((line, why.get(line, "page chrome: outside the article")))
    return out


def _credit(node: LexborNode) -> bool:
    """A credit line, however linked: "Penulis: <a>Muhammad Rizky Noor</a>"."""
    from pilkada.lines import credit_of

    return bool(credit_of(_text(node)))


def _mostly_links(node: LexborNode) -> bool:
    text = len(_text(node))
    if text < 15:
        return False
    return sum(len(_text(a)) for a in node.css("a")) >= 0.6 * text


def _text(node: LexborNode) -> str:
    return SPACE.sub(" ", node.text()).strip()


def _meta(tree: LexborHTMLParser, selector: str) -> str | None:
    node = tree.css_first(selector)
    if node is None:
        return None
    value = node.attributes.get("content")
    return SPACE.sub(" ", value).strip() or None if value else None


def _site_of_a_body(body: LexborNode, headline: LexborNode | None) -> str | None:
    """A public body's name over the page's menu ("PEMERINTAH KOTA BUKIT ASRI"): how its site
    names itself, which the text says before a meta tag's short form ("Pemkab Bukit Asri")."""
    from pilkada.meta import is_site_of_a_body

    above = _lines(body, set(), block=headline) if headline is not None else []
    return next((line for line in above if is_site_of_a_body(line)), None)


def _copyright_holder(every: list[str]) -> str | None:
    """The name the page's copyright line gives, for a page that states no site name."""
    from pilkada.meta import copyright_holder

    for line in reversed(every):
        if name := copyright_holder(line):
            return name
    return None


def _page_title(tree: LexborHTMLParser) -> str | None:
    node = tree.css_first("title")
    return SPACE.sub(" ", node.text()).strip() or None if node is not None else None


def _title(tree: LexborHTMLParser, outlet: str | None, linked: list[dict[str, Any]]) -> str | None:
    title = _meta(tree, 'meta[property="og:title"]')
    if title is None:
        title = next((h for i in linked if isinstance(h := i.get("headline"), str)), None)
    if title is None:
        node = tree.css_first("title")
        title = SPACE.sub(" ", node.text()).strip() if node is not None else None
    if not title:
        return None
    m = SITE_SUFFIX.search(title)
    if m and (outlet is None or m.group("site").strip().lower() == outlet.lower()):
        title = title[: m.start()].strip()
    return title or None


def iso_day(value: str) -> date | None:
    m = ISO_DAY.match(value.strip())
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def _lines(
    body: LexborNode,
    skip: set[int],
    start: LexborNode | None = None,
    block: LexborNode | None = None,
) -> list[str]:
    """The visible text in lines: a new line at every block's start and end and at each <br>;
    the elements in ``skip`` left out; from ``start`` (the headline) on, when it is given, to
    the end of ``block`` (the article) and the credit lines right under it, when it is given."""
    from pilkada.lines import bare_credit_label, credits_someone, is_name_line

    lines: list[str] = []
    current: list[str] = []
    keeping = start is None

    ended = False  # past the article's end: only its credit lines are read on

    def flush() -> None:
        nonlocal keeping
        text = SPACE.sub(" ", "".join(current)).strip()
        current.clear()
        if text and keeping:
            if ended and not _signs(text, lines[-1] if lines else ""):
                keeping = False  # "Pewarta: …", "Editor: …" under the article, then the site's
                return
            lines.append(text)

    def _signs(text: str, above: str) -> bool:
        """A line under the article that credits someone: "Editor: …", a blog's "Diposting
        oleh …", a label alone ("Penulis:") or the name under that label."""
        if credits_someone(text) or bare_credit_label(text):
            return True
        return bool(bare_credit_label(above)) and is_name_line(text)

    started = start.mem_id if start is not None else None
    ends = block.mem_id if block is not None else None
    # an explicit stack, not recursion: a page may nest thousands of elements deep
    stack: list[tuple[LexborNode, bool]] = [(body, True)]
    while stack:
        node, entering = stack.pop()
        tag = node.tag
        if not entering:
            flush()
            if node.mem_id == ends:
                ended = True  # the article ends here: what follows is the site's
            if ended and not keeping:
                break
            continue
        if tag == "-text":
            current.append(node.text_content or "")
            continue
        if tag in SKIPPED or tag in ("-comment", "-doctype") or node.mem_id in skip:
            continue
        if node.mem_id == started:
            flush()
            keeping = True
        if tag == "br":
            flush()
            continue
        if tag in BLOCKS:
            flush()
            stack.append((node, False))
        children = list(node.iter(include_text=True))
        stack.extend((child, True) for child in reversed(children))
    flush()
    return lines
