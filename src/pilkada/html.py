"""A saved HTML page -> the lines a scraper's text dump would have, plus the page's own metadata.

selectolax (the Lexbor HTML5 engine) parses the page as a browser would, broken markup included.
Each block element (paragraph, heading, list item, table cell, ``div``…) becomes its own line and
``<br>`` breaks a line, so paragraph boundaries survive; scripts, styles and other non-text are
dropped. Everything else is kept for the cleaner to judge, as with a ``.txt`` file: menus, share
buttons and "Baca Juga" links are removed there, with their reasons. The page's ``<title>`` (or
``og:title``), its meta publication date and ``og:site_name`` are returned beside the lines. Pure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

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
    published: date | None = None
    published_text: str | None = None
    outlet: str | None = None

    @property
    def text(self) -> str:
        """The lines as a plain-text dump: one paragraph a line, blank lines between."""
        return "\n\n".join(self.lines)


def page(html: str) -> Page:
    """Parse a page; never raises on bad markup (an empty page has no lines)."""
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(html)
    found = Page()
    if tree.body is not None:
        found.lines = _lines(tree.body)
    outlet = _meta(tree, 'meta[property="og:site_name"]')
    found.outlet = outlet
    found.title = _title(tree, outlet)
    for selector in DATE_META:
        value = _meta(tree, selector)
        if value and (day := iso_day(value)):
            found.published, found.published_text = day, value
            break
    else:
        stamp = tree.css_first("time[datetime]")
        value = stamp.attributes.get("datetime") if stamp is not None else None
        if value and (day := iso_day(value)):
            found.published, found.published_text = day, value
    return found


def _meta(tree: LexborHTMLParser, selector: str) -> str | None:
    node = tree.css_first(selector)
    if node is None:
        return None
    value = node.attributes.get("content")
    return SPACE.sub(" ", value).strip() or None if value else None


def _title(tree: LexborHTMLParser, outlet: str | None) -> str | None:
    title = _meta(tree, 'meta[property="og:title"]')
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


def _lines(body: LexborNode) -> list[str]:
    """The visible text in lines: a new line at every block's start and end and at each <br>."""
    lines: list[str] = []
    current: list[str] = []

    def flush() -> None:
        text = SPACE.sub(" ", "".join(current)).strip()
        current.clear()
        if text:
            lines.append(text)

    # an explicit stack, not recursion: a page may nest thousands of elements deep
    stack: list[tuple[LexborNode, bool]] = [(body, True)]
    while stack:
        node, entering = stack.pop()
        tag = node.tag
        if not entering:
            flush()
            continue
        if tag == "-text":
            current.append(node.text_content or "")
            continue
        if tag in SKIPPED or tag in ("-comment", "-doctype"):
            continue
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
