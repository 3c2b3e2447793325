"""Text dumps whose lines a tool broke at a fixed width, put back one paragraph a line.

A page saved as text by a text-mode browser (``lynx -dump``, ``w3m -dump``), a mail client or
``fmt`` has its paragraphs broken into lines of at most some 70-80 columns; pilkada reads a
line as a paragraph, a title or a piece of chrome, so such a dump would come out as fragments.
A text is taken as wrapped when none of its lines is longer than ``WRAP_MAX`` and many come
close to the longest; then a line is joined to the one before it exactly when the tool would
have broken there: the line before is so full that the first word of this one did not fit on
it. A short line (a heading, a menu item, the end of a paragraph) is never joined to the next,
nor is a line that opens a list item. Any other text is returned as it is. Pure functions.
"""

from __future__ import annotations

import re

WRAP_MAX = 100  # a text with a longer line was not wrapped
MIN_LINES = 6  # lines with text a wrapped text has at least
FULL_SLACK = 15  # a line this close to the longest is a full one
FULL_SHARE = 0.3  # the share of full lines (of the lines with text) a wrapped text has

_FIRST_WORD = re.compile(r"\S+")
# a line that opens an item of its own: a bullet, a number, or a reference of a text-mode
# browser's link list ("[12]")
_ITEM = re.compile(r"\s*(?:[-*•·+]\s|\d{1,3}[.)]\s|\[\d+\])")
_BROKEN_WORD = re.compile(r"[^\W\d_]-$")  # "calon-" of "calon-\ncalon": broken at its hyphen


def width(lines: list[str]) -> int | None:
    """The width the lines were wrapped at (the longest line's length), or None when they were
    not wrapped."""
    for line in lines:  # most texts: a paragraph a line, one of the first longer than that
        if len(line) > WRAP_MAX:
            return None
    lengths = [len(line) for line in lines if line.strip()]
    if len(lengths) < MIN_LINES:
        return None
    widest = max(lengths)
    full = sum(1 for n in lengths if n >= widest - FULL_SLACK)
    return widest if full >= FULL_SHARE * len(lengths) else None


def unwrapped(lines: list[str]) -> list[str]:
    """The lines with each paragraph a wrapping tool broke put back on one line; the lines as
    they are when they were not wrapped (see the module)."""
    wrapped_at = width(lines)
    if wrapped_at is None:
        return lines
    out: list[str] = []
    before = ""  # the previous line as written: what its fullness is judged by
    for line in lines:
        text = line.strip()
        first = _FIRST_WORD.match(text) if text else None
        if (
            first is not None
            and before.strip()
            and len(before.rstrip()) + 1 + len(first.group()) > wrapped_at
            and not _ITEM.match(line)
        ):
            joined = out[-1].rstrip()
            glue = "" if _BROKEN_WORD.search(joined) and text[0].isalpha() else " "
            out[-1] = joined + glue + text
        else:
            out.append(line)
        before = line
    return out
