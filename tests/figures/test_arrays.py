"""The arrays picture (plain pytest): a 3-D array's grids a[i] side by side, none over another."""

import itertools

import numpy as np
import pytest

from app.figure_base import SCREEN, Style
from app.figures import arrays as figures
from app.figures.cells import NARROWEST, BlockLayout

SHAPES = [(4, 3, 2), (6, 6, 6), (2, 2, 2), (1, 1, 1), (6, 1, 6), (5, 6, 1)]
STYLES = [SCREEN, Style(projector=True)]


def grid_boxes(fig) -> list[tuple[float, float, float, float]]:
    """Each grid's frame as (left, right, bottom, top), from the frame traces (closed 5-point lines)."""
    frames = [t for t in fig.data if t.mode == "lines" and t.fill is None and len(t.x) == 5]
    return [(min(t.x), max(t.x), min(t.y), max(t.y)) for t in frames]


@pytest.mark.parametrize("style", STYLES, ids=["screen", "projector"])
@pytest.mark.parametrize("shape", SHAPES, ids=lambda s: ",".join(map(str, s)))
def test_every_value_is_written_once_and_no_grid_covers_another(shape, style):
    (fig,) = figures.arange_cells(shape, style)
    written = [int(v) for t in fig.data if t.mode == "text" for v in t.text]
    assert sorted(written) == list(range(int(np.prod(shape))))
    boxes = grid_boxes(fig)
    assert len(boxes) == shape[0]
    for (l1, r1, b1, t1), (l2, r2, b2, t2) in itertools.combinations(boxes, 2):
        assert min(r1, r2) <= max(l1, l2) or min(t1, t2) <= max(b1, b2), "two grids overlap"
    labels = {a.text for a in fig.layout.annotations}
    assert {f"a[{i}]" for i in range(shape[0])} | {"axis 0 →", "axis 1 →", "axis 2 →"} <= labels


@pytest.mark.parametrize("style", STYLES, ids=["screen", "projector"])
@pytest.mark.parametrize("shape", SHAPES, ids=lambda s: ",".join(map(str, s)))
def test_the_grids_fit_the_narrowest_picture_with_room_for_their_numbers(shape, style):
    layout = BlockLayout.of(shape, style)
    width, _ = layout.extent
    digits = len(str(int(np.prod(shape)) - 1))
    assert layout.cell_px >= 0.56 * layout.font * digits, "a number fits its cell"
    if layout.per_row > 1:
        assert width * layout.cell_px <= NARROWEST[style.projector], "the row of grids fits a phone"
    (fig,) = figures.arange_cells(shape, style)
    assert fig.layout.height == layout.height_px


def test_a_wider_shape_wraps_its_grids_onto_rows():
    assert BlockLayout.of((4, 3, 2), SCREEN).per_row == 4
    assert BlockLayout.of((6, 6, 6), SCREEN).per_row == 2
    assert BlockLayout.of((5, 2, 2), Style(projector=True)).per_row == 3  # 3 + 2, not 4 + 1
