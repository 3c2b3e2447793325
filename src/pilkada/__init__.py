"""pilkada: a clean, structured corpus from raw Indonesian regional-election news.

The library can be used without the command line::

    from pilkada import parse
    article = parse(raw_text, source="berita.txt")
    article.quotes[0].speaker
"""

from __future__ import annotations

# not imported from typing: `pilkada --help` (pilkada.launch) imports this package and nothing else
TYPE_CHECKING = False

__version__ = "0.1.0"
__all__ = ["Article", "Person", "Quote", "Removed", "__version__", "parse"]

if TYPE_CHECKING:
    from typing import Any

    from pilkada.models import Article, Person, Quote, Removed
    from pilkada.pipeline import parse


def __getattr__(name: str) -> Any:
    # Lazy, so that `pilkada --help` does not pay for pydantic and the parser.
    if name == "parse":
        from pilkada.pipeline import parse

        return parse
    if name in {"Article", "Person", "Quote", "Removed"}:
        from pilkada import models

        return getattr(models, name)
    raise AttributeError(name)
