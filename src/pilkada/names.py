"""The words of a person's name as the tolerant match of names reads them, and how close a word
must be to a name's word to match it: shared by the roster (``pilkada.roster``) and the index,
which looks names up with the same rules (``pilkada.store``).
"""

from __future__ import annotations

from pilkada.tokens import fold

__all__ = ["CLOSE_WORD", "FUZZY_LETTERS", "name_words"]

CLOSE_WORD = 80  # ratio at or above which a query word matches a name word ("winarta", "winarto")
FUZZY_LETTERS = 5  # a query word this long or longer may match a name word close to it


def name_words(text: str | None) -> list[str]:
    """The words of a name as the tolerant match reads them: folded, cut at spaces, full stops
    and commas, not at apostrophes or hyphens ("Ma'ruf", "Al-Habsyi" are one word each)."""
    return [w for w in fold(text or "").replace(".", " ").replace(",", " ").split() if w]
