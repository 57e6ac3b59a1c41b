"""Plotly pictures shared by the pages: arrays drawn as coloured cells with their values.

One cell is one unit square; row ``i`` of a grid sits below row ``i - 1``, as NumPy prints.
Cells are filled scatter polygons rather than layout shapes, so that a grid drawn later
covers an earlier one, values included (needed for 3-D blocks stacked like cards).
"""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from app.figure_base import SCREEN, Style, new_figure
from app.palette import PALETTE, blend
from core.text import format_number

DEPTH_SHIFT = 1.0  # each 3-D block sits one cell up and right of the one before: its edge cells show


CELL_AXIS = {"visible": False, "fixedrange": True}


def grid_figure(height: int = 320, style: Style = SCREEN) -> go.Figure:
    """An empty figure for cell pictures: square cells, no axes, no zoom."""
    return new_figure(
        style=style,
        height=height,
        dragmode=False,
        xaxis=CELL_AXIS,
        yaxis=CELL_AXIS | {"scaleanchor": "x", "scaleratio": 1},
    )


def add_grid(
    fig: go.Figure,
    values: np.ndarray,
    *,
    x0: float = 0.0,
    y0: float = 0.0,
    fill: str | np.ndarray = PALETTE["a_fill"],
    line: str = PALETTE["a"],
    ghost: np.ndarray | None = None,
    label: str | None = None,
    hover: np.ndarray | None = None,
    style: Style = SCREEN,
) -> go.Figure:
    """Draw a 0-D, 1-D or 2-D array as cells with their values, top-left corner at ``(x0, y0)``.

    ``fill`` is one colour or an array of colours of the grid's shape; ``ghost`` marks cells
    drawn faded and dotted (copies made by broadcasting); ``label`` is written above the grid;
    ``hover`` holds one hover text per cell.
    """
    grid = np.atleast_2d(np.asarray(values, dtype=float))
    rows, cols = grid.shape
    fills = np.broadcast_to(np.asarray(fill, dtype=object), grid.shape)
    ghosts = np.zeros(grid.shape, bool) if ghost is None else np.broadcast_to(ghost, grid.shape)
    s = style.sizes
    groups: dict[tuple[str, bool], tuple[list, list]] = {}
    for i in range(rows):
        for j in range(cols):
            xs, ys = groups.setdefault((fills[i, j], bool(ghosts[i, j])), ([], []))
            left, top = x0 + j, y0 - i
            xs += [left, left + 1, left + 1, left, left, None]
            ys += [top, top, top - 1, top - 1, top, None]
    for (colour, faded), (xs, ys) in groups.items():
        fig.add_trace(
            {
                "type": "scatter",
                "x": xs,
                "y": ys,
                "fill": "toself",
                "fillcolor": colour,
                "mode": "lines",
                "opacity": 0.5 if faded else 1.0,
                "hoverinfo": "skip",
                "showlegend": False,
                "line": {
                    "color": line,
                    "width": s["line"] * (0.7 if faded else 1),
                    "dash": "dot" if faded else "solid",
                },
            }
        )
    centres_x = x0 + np.tile(np.arange(cols), rows) + 0.5
    centres_y = y0 - np.repeat(np.arange(rows), cols) - 0.5
    fig.add_trace(
        {
            "type": "scatter",
            "x": centres_x,
            "y": centres_y,
            "mode": "text",
            "showlegend": False,
            "text": [format_number(v) for v in grid.ravel()],
            "textfont": {"size": s["cell_text"], "color": "#1F2430"},
            "hovertext": None if hover is None else np.ravel(hover).tolist(),
            "hoverinfo": "text" if hover is not None else "skip",
        }
    )
    if label:
        fig.add_annotation(
            x=x0 + cols / 2,
            y=y0 + 0.08,
            text=label,
            showarrow=False,
            yanchor="bottom",
            font={"size": s["font"], "color": line},
        )
    return fig


def array_cells(
    array: np.ndarray,
    *,
    fill: str = PALETTE["a_fill"],
    line: str = PALETTE["a"],
    name: str = "a",
    hover: np.ndarray | None = None,
    height: int = 320,
    style: Style = SCREEN,
) -> go.Figure:
    """An array of 0 to 3 axes as cells: a row, a grid, or 2-D blocks stacked like cards.

    For 3-D, block ``a[k]`` is drawn behind ``a[k - 1]``, shifted up and to the right,
    so the first axis reads as depth, as on the slide; each block is labelled ``a[k]``.
    """
    array = np.asarray(array)
    fig = grid_figure(height, style)
    add_array(fig, array, fill=fill, line=line, hover=hover, style=style)
    if array.ndim == 3:
        for k in range(array.shape[0]):
            fig.add_annotation(
                x=k * DEPTH_SHIFT - 0.1,
                y=k * DEPTH_SHIFT - 0.5,
                text=f"{name}[{k}]",
                showarrow=False,
                xanchor="right",
                font={"size": style.sizes["font"], "color": line},
            )
    return fig


def add_array(
    fig: go.Figure,
    array: np.ndarray,
    *,
    x0: float = 0.0,
    y0: float = 0.0,
    fill: str = PALETTE["a_fill"],
    line: str = PALETTE["a"],
    ghost: np.ndarray | None = None,
    highlight: tuple[int, ...] | None = None,
    hover: np.ndarray | None = None,
    label: str | None = None,
    style: Style = SCREEN,
) -> tuple[float, float]:
    """Draw an array of 0 to 3 axes at ``(x0, y0)`` (top-left of its front block); return (width, height).

    Like :func:`add_grid` (``ghost`` marks broadcast copies, ``hover`` one text per cell), for
    3-D arrays too (blocks stacked like cards, ``a[0]`` in front), with one ``highlight``ed cell
    filled yellow. The extent counts the blocks behind, so pictures can be laid out side by side.
    """
    array = np.asarray(array, dtype=float)
    cube = array.reshape((1,) * (3 - max(array.ndim, 1)) + (array.shape or (1,)))
    ghosts = np.zeros(cube.shape, bool) if ghost is None else np.asarray(ghost).reshape(cube.shape)
    hovers = None if hover is None else np.asarray(hover, dtype=object).reshape(cube.shape)
    fills = np.full(cube.shape, fill, dtype=object)
    if highlight is not None:
        fills[((0,) * (3 - len(highlight)) + tuple(highlight))[-3:]] = PALETTE["highlight"]
    depth, rows, cols = cube.shape
    for k in reversed(range(depth)):
        left, top = x0 + k * DEPTH_SHIFT, y0 + k * DEPTH_SHIFT
        shade = np.where(fills[k] == fill, blend(fill, line, 0.5 * k / depth), fills[k])
        if depth > 1:  # an opaque card under the block, so faded copies do not show the block behind
            fig.add_trace(
                {
                    "type": "scatter",
                    "x": [left, left + cols, left + cols, left, left],
                    "y": [top, top, top - rows, top - rows, top],
                    "fill": "toself",
                    "fillcolor": "#FFFFFF",
                    "mode": "none",
                    "hoverinfo": "skip",
                    "showlegend": False,
                }
            )
        add_grid(
            fig,
            cube[k],
            x0=left,
            y0=top,
            fill=shade,
            line=line,
            ghost=ghosts[k],
            hover=None if hovers is None else hovers[k],
            style=style,
        )
        if depth > 1:  # a bold frame per block, so each reads as one card of the stack
            fig.add_trace(
                {
                    "type": "scatter",
                    "x": [left, left + cols, left + cols, left, left],
                    "y": [top, top, top - rows, top - rows, top],
                    "mode": "lines",
                    "line": {"color": line, "width": style.sizes["line"] * 2},
                    "hoverinfo": "skip",
                    "showlegend": False,
                }
            )
    if label:
        fig.add_annotation(
            x=x0 + cols / 2,
            y=y0 + (depth - 1) * DEPTH_SHIFT + 0.1,
            text=label,
            showarrow=False,
            yanchor="bottom",
            font={"size": style.sizes["font"], "color": line},
        )
    return cols + (depth - 1) * DEPTH_SHIFT, rows + (depth - 1) * DEPTH_SHIFT
