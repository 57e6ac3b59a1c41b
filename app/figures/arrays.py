"""Arrays and shapes: ``np.arange(size).reshape(shape)`` drawn as cells."""

from __future__ import annotations

import plotly.graph_objects as go

from app.figure_base import SCREEN, Style
from app.figures.cells import array_cells
from core.arrays import arange_array, index_labels

DEFAULT_SHAPE = (4, 3, 2)  # lengths given to an axis that the ndim slider adds


def arange_cells(shape: tuple[int, ...], style: Style = SCREEN) -> list[go.Figure]:
    """The page's one figure: ``np.arange(size).reshape(shape)`` as cells, each with its index on hover.

    A fixed height for 1 and 2 axes, so the picture does not jump while a length slider moves; a
    3-D array's height follows its rows of grids (``cells.BlockLayout``), so every number can be read.
    """
    height = 220
    return [array_cells(arange_array(shape), hover=index_labels(shape), height=height, style=style)]


def shape_after(shape: tuple[int, ...], key: str, value: int) -> tuple[int, ...]:
    """The shape once slider ``key`` (``ndim`` or ``axis_k``) is moved to ``value``.

    >>> shape_after((4, 3, 2), "axis_1", 5), shape_after((4, 3, 2), "ndim", 2), shape_after((4,), "ndim", 3)
    ((4, 5, 2), (4, 3), (4, 3, 2))
    """
    if key == "ndim":
        return tuple(shape[:value]) + DEFAULT_SHAPE[len(shape) : value]
    axis = int(key.removeprefix("axis_"))
    return shape[:axis] + (value,) + shape[axis + 1 :]
