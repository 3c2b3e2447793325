"""Text that was damaged before pilkada saw it, put right, with a note of each repair.

Mojibake: a scraper that read UTF-8 bytes as Windows-1252 saved "â€œPilkadaâ€" for
"“Pilkada”"; the parser then finds no quotes ("â€œ" opens none) and no outlet. A line that holds
what such a misreading leaves (an "Ã", "Â" or "â" before one of the characters it turns bytes
0x80–0xBF into) is given to ftfy's ``fix_encoding``, which undoes the misreading only where
doing so gives sensible text; ftfy is imported only then, so clean text costs one regular
expression. Each line repaired is noted as the line it was, so ``clean --explain`` shows it.
"""

from __future__ import annotations

import re

__all__ = ["MOJIBAKE", "mojibake"]

MOJIBAKE = "mojibake repaired (UTF-8 that was read as Windows-1252)"
# the lead byte of a two- or three-byte UTF-8 sequence as Windows-1252 reads it, then what it
# reads a continuation byte (0x80-0xBF) as
_LEADS = "ÃÂâÅÄÆÐÑ"
_SIGN = re.compile(
    f"[{_LEADS}][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013-\u203a\u20ac\u2122]"
)


def mojibake(text: str) -> tuple[str, list[str]]:
    """``text`` with its mojibake undone, and the lines as they were before, one per repair."""
    # most texts hold none of the lead letters: looking for each (at memchr speed) is quicker
    if not any(map(text.__contains__, _LEADS)) or not _SIGN.search(text):
        return text, []
    from ftfy import fix_encoding

    lines = text.split("\n")
    before: list[str] = []
    for k, line in enumerate(lines):
        if _SIGN.search(line) and (fixed := fix_encoding(line)) != line:
            before.append(line)
            lines[k] = fixed
    return "\n".join(lines), before
