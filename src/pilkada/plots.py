"""Charts as images: the counts summarise draws in the terminal, written as PNG or SVG with
matplotlib (the ``plot`` extra: ``pip install 'pilkada[plot]'``).

Each chart is a list of (label, count): a timeline is drawn as columns in time order, a ranking
as horizontal bars, largest on top. The image is written whole or not at all: to a temporary
file beside the target, then moved over it.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

IMAGE_SUFFIXES = (".png", ".svg")


class PlotError(Exception):
    """A chart that cannot be drawn or written: said in one line."""


def write(
    rows: Sequence[tuple[str, int]],
    out: Path,
    *,
    title: str,
    timeline: bool = False,
    counted: str = "articles",
) -> None:
    """Draw ``rows`` and write the image to ``out`` (its suffix says PNG or SVG); ``counted``
    names what a timeline's columns count."""
    suffix = out.suffix.lower()
    if suffix not in IMAGE_SUFFIXES:
        raise PlotError(f"{out}: an image is written as {' or '.join(IMAGE_SUFFIXES)}")
    if not rows:
        raise PlotError("nothing to draw: no article matches")
    try:
        import matplotlib

        matplotlib.use("Agg")  # no display: an image file only
        matplotlib.rcParams["svg.fonttype"] = "none"  # an SVG's labels stay text, searchable
        from matplotlib import pyplot
        from matplotlib.ticker import MaxNLocator
    except ImportError:
        raise PlotError("drawing images needs matplotlib: pip install 'pilkada[plot]'") from None
    labels = [label for label, _ in rows]
    counts = [n for _, n in rows]
    if timeline:
        figure, axes = pyplot.subplots(figsize=(max(6.0, 0.28 * len(rows) + 2), 4))
        axes.bar(range(len(rows)), counts, color="#3b6ea8", width=0.85)
        step = -(-len(rows) // 16)  # at most sixteen labels under the columns
        axes.set_xticks(range(0, len(rows), step), labels[::step], rotation=45, ha="right")
        axes.set_ylabel(counted)
        axes.yaxis.set_major_locator(MaxNLocator(integer=True))  # counts, never halves
    else:
        figure, axes = pyplot.subplots(figsize=(7, max(2.5, 0.35 * len(rows) + 1)))
        axes.barh(range(len(rows)), counts, color="#3b6ea8")
        axes.set_yticks(range(len(rows)), labels)
        axes.invert_yaxis()  # the largest on top, as the terminal lists them
        axes.xaxis.set_major_locator(MaxNLocator(integer=True))
    axes.set_title(title, loc="left")
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    figure.tight_layout()
    temp = ""
    try:
        handle, temp = tempfile.mkstemp(prefix=f".{out.name}.", suffix=suffix, dir=out.parent)
        os.close(handle)
        figure.savefig(temp, format=suffix[1:], dpi=144)
        os.chmod(temp, 0o644)  # as any file the user writes, not the temporary file's 0600
        os.replace(temp, out)
    except OSError as exc:
        from pilkada.errors import reason

        raise PlotError(f"{out}: {reason(exc, named=False)}") from None
    finally:
        pyplot.close(figure)
        if temp and os.path.exists(temp):
            os.unlink(temp)
