"""Articles saved as Markdown, read as the text they mark up.

Reader-mode tools and scrapers that save a page "as Markdown" write its headline as ``# …``,
links as ``[text](url)``, pictures as ``![alt](url)``, emphasis as ``**…**`` and menus as lists
of links (``* [Beranda](/)``). pilkada reads lines of text, so the markup is taken away first:
a heading's marks, a link's address (its text stays), a picture (its address and alt text: a
caption, when there is one, is a line of its own), emphasis marks, a quotation's ``>``, rules,
backslash escapes, and the bullet of a list item that is only a link. A text is read as
Markdown only when at least ``MIN_MARKED`` of its lines are marked up so; any other text is
left as it is (a hashtag or one pair of brackets is no Markdown). Pure functions.
"""

from __future__ import annotations

import re
from functools import lru_cache

MIN_MARKED = 2  # lines with Markdown's marks a text needs to be read as Markdown

_HEADING = re.compile(r"^ {0,3}#{1,6}[ \t]+(?=\S)")
_HEADING_CLOSE = re.compile(r"[ \t]+#+[ \t]*$")
_LINK_ADDRESS = r"\((?:[^()\s]|\([^()\s]*\))*(?:[ \t]+\"[^\"]*\")?\)"  # (url "title")
_IMAGE = re.compile(r"!\[[^\]\n]*\]" + _LINK_ADDRESS)
_LINK = re.compile(r"\[([^\]\n]*)\]" + _LINK_ADDRESS)
_LINKED_IMAGE = re.compile(r"\[\s*!\[[^\]\n]*\]" + _LINK_ADDRESS + r"\s*\]" + _LINK_ADDRESS)
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EMPHASIS = re.compile(r"(?<![\w*])\*(?=[^\s*])([^*\n]+?)(?<=[^\s*])\*(?![\w*])")
_UNDERSCORED = re.compile(r"(?<![\w_])_(?=[^\s_])([^_\n]+?)(?<=[^\s_])_(?![\w_])")
_CODE = re.compile(r"`([^`\n]+)`")
_QUOTATION = re.compile(r"^ {0,3}>[ \t]?")
_RULE = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_BULLET = re.compile(r"^[ \t]*[-*+][ \t]+")
_ESCAPED = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>|])")
_MARKED = re.compile(
    r"^ {0,3}#{1,6}[ \t]+\S|!?\[[^\]\n]*\]\([^)\s]+|(\*\*|__)\S[^\n]*?\S\1|^ {0,3}>[ \t]"
)


def marked(lines: list[str]) -> bool:
    """Whether the lines are Markdown: ``MIN_MARKED`` of them with its headings, links,
    pictures, strong emphasis or quotations."""
    found = 0
    for line in lines:
        if ("#" in line or "](" in line or "**" in line or "__" in line or ">" in line) and (
            _MARKED.search(line)
        ):
            found += 1
            if found >= MIN_MARKED:
                return True
    return False


def unmarked_lines(text: str) -> list[str]:
    """The lines of ``text``, without Markdown's marks when it is Markdown (``unmarked``)."""
    lines = text.split("\n")
    return unmarked(lines) if _may_be_marked(text) else lines


def _may_be_marked(text: str) -> bool:
    """Whether a line of the text may hold Markdown's marks (``_MARKED``): "](", "**", "__",
    or a "#" or ">" anywhere. A look for one character runs at memchr's speed; one for two
    costs, in a text beyond Latin-1, a pass over it: asked only when the one is there."""
    if "]" in text and "](" in text:
        return True
    if "*" in text and "**" in text:
        return True
    if "_" in text and "__" in text:
        return True
    return "#" in text or ">" in text


def unmarked(lines: list[str]) -> list[str]:
    """The lines without Markdown's marks when they are Markdown (see the module), else the
    lines as they are."""
    if not marked(lines):
        return lines
    return [_plain(line) for line in lines]


@lru_cache(maxsize=4096)
def _plain(line: str) -> str:
    if _RULE.match(line):
        return ""
    text = _QUOTATION.sub("", line)
    text = _HEADING.sub("", text)
    if text != line and _HEADING.match(line):
        text = _HEADING_CLOSE.sub("", text)
    text = _LINKED_IMAGE.sub("", text)
    text = _IMAGE.sub("", text)
    linked = _LINK.sub(r"\1", text)
    if linked != text and not _BULLET.sub("", _LINK.sub("", text)).strip():
        linked = _BULLET.sub("", linked)  # an item of a list of links: a menu's, related stories'
    text = _STRONG.sub(r"\2", linked)
    text = _EMPHASIS.sub(r"\1", text)
    text = _UNDERSCORED.sub(r"\1", text)
    text = _CODE.sub(r"\1", text)
    text = _ESCAPED.sub(r"\1", text)
    return text.strip() if text != line else line
