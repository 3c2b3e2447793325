"""Charts as images: PNG and SVG written whole, and one-line errors for what cannot be drawn."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from pilkada.plots import PlotError, write

REGIONS = [("Kutai Kartanegara", 4), ("Nunukan", 2), ("Tapin", 1)]
WEEKS = [(f"2024-W{w}", w % 5) for w in range(20, 48)]


def test_a_ranking_as_svg_keeps_its_labels_as_text(tmp_path: Path) -> None:
    out = tmp_path / "regions.svg"
    write(REGIONS, out, title="regions")
    svg = out.read_text(encoding="utf-8")
    assert svg.lstrip().startswith("<?xml") and "</svg>" in svg
    assert all(label in svg for label, _ in REGIONS) and "regions" in svg


def test_a_timeline_as_png(tmp_path: Path) -> None:
    out = tmp_path / "weeks.png"
    write(WEEKS, out, title="articles by week", timeline=True)
    data = out.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 5000
    assert out.stat().st_mode & 0o777 == 0o644
    assert [p.name for p in tmp_path.iterdir()] == ["weeks.png"]  # no temporary file left


@pytest.mark.parametrize(
    ("rows", "name", "message"),
    [
        (REGIONS, "regions.pdf", "an image is written as .png or .svg"),
        ([], "regions.png", "nothing to draw"),
    ],
)
def test_what_cannot_be_drawn_is_one_line(
    tmp_path: Path, rows: list[tuple[str, int]], name: str, message: str
) -> None:
    with pytest.raises(PlotError, match=message):
        write(rows, tmp_path / name, title="regions")
    assert not list(tmp_path.iterdir())


def test_without_matplotlib_the_error_says_how_to_install_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    with pytest.raises(PlotError, match=r"pip install 'pilkada\[plot\]'"):
        write(REGIONS, tmp_path / "regions.png", title="regions")


def test_an_image_that_cannot_be_written_is_one_line(tmp_path: Path) -> None:
    with pytest.raises(PlotError, match=r"missing/regions\.png: no such file or directory"):
        write(REGIONS, tmp_path / "missing" / "regions.png", title="regions")


def test_a_failed_drawing_leaves_the_old_image_and_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from matplotlib.figure import Figure

    def full_disk(self: Figure, *args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Figure, "savefig", full_disk)
    out = tmp_path / "regions.png"
    out.write_bytes(b"old")
    with pytest.raises(PlotError, match="no space left on device"):
        write(REGIONS, out, title="regions")
    assert out.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["regions.png"]
