"""Plotly pictures shared by the pages: arrays drawn as coloured cells with their values.

One cell is one unit square; row ``i`` of a grid sits below row ``i - 1``, as NumPy prints.
Cells are filled scatter polygons rather than layout shapes, so that a grid drawn later
covers an earlier one, values included (needed for 3-D blocks stacked like cards).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

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
    """An array of 0 to 3 axes as cells: a row, a grid, or its 2-D grids ``a[i]`` side by side.

    For 3-D see :func:`side_by_side`: no grid covers another, so every value can be read.
    """
    array = np.asarray(array)
    if array.ndim == 3:
        return side_by_side(array, fill=fill, line=line, name=name, hover=hover, style=style)
    fig = grid_figure(height, style)
    add_array(fig, array, fill=fill, line=line, hover=hover, style=style)
    return fig


# The 3-D picture, in cells: the bands around the grids a[i] that hold the axes' names and labels.
AXIS_BAND = 0.6  # left of a[0]: "axis 1"; above a[0]: "axis 2"
TOP_BAND = 0.9  # above the first row of grids: "axis 0"
LABEL_BAND = 0.9  # above each grid: a[i]
GAP = 0.4  # between two grids, across and down
NARROWEST = {False: 346, True: 300}  # px across the picture on a 390 px phone / beside the wall's sliders
TALLEST_CELL = {False: 32, True: 0}  # px a cell may take where the width allows (a wide screen)
PAD = 0.1  # cells around the 3-D picture, for the frames' width
AXIS_1 = "axis 1 →"  # written downwards beside a[0]
MARGIN = 4  # px around the 3-D picture (the other pictures' 10 would cost a phone a column of grids)
DIGIT_EM = 0.56  # a digit's width in the figures' font (Source Sans Pro 0.51, Arial 0.56)


@dataclass(frozen=True)
class BlockLayout:
    """Where the grids ``a[i]`` of a 3-D array go: ``per_row`` side by side, rows of them wrapping.

    ``cell_px`` is the size of a cell that holds its number with room to spare, at ``font`` px;
    ``per_row`` is chosen so that the picture is at most ``NARROWEST`` px wide at that size (a
    phone, or the picture beside the wall's sliders), so no number is smaller than the font.
    """

    depth: int
    rows: int
    cols: int
    per_row: int
    font: float
    cell_px: float
    tallest: float = 32
    label_font: float = 14

    @classmethod
    def of(cls, shape: tuple[int, int, int], style: Style = SCREEN) -> BlockLayout:
        depth, rows, cols = shape
        digits = len(str(max(depth * rows * cols - 1, 0)))
        font = style.sizes["cell_text"] * (0.8 if digits >= 3 else 1.0)
        cell_px = max(DIGIT_EM * font * digits + 0.3 * font, 1.6 * style.sizes["font"])
        fits = int((NARROWEST[style.projector] / cell_px - AXIS_BAND - 2 * PAD + GAP) // (cols + GAP))
        per_row = min(depth, max(1, fits))
        per_row = math.ceil(depth / math.ceil(depth / per_row))  # 5 grids: 3 + 2, not 4 + 1
        return cls(depth, rows, cols, per_row, font, cell_px, TALLEST_CELL[style.projector], style.sizes["font"])

    def corner(self, k: int) -> tuple[float, float]:
        """The top-left corner of grid ``a[k]``."""
        row, col = divmod(k, self.per_row)
        top = -TOP_BAND - LABEL_BAND - AXIS_BAND - row * (self.rows + GAP + LABEL_BAND)
        return AXIS_BAND + col * (self.cols + GAP), top

    @property
    def extent(self) -> tuple[float, float]:
        """The picture's width and height, in cells."""
        grid_rows = math.ceil(self.depth / self.per_row)
        width = AXIS_BAND + self.per_row * self.cols + (self.per_row - 1) * GAP
        height = TOP_BAND + AXIS_BAND + grid_rows * (LABEL_BAND + self.rows) + (grid_rows - 1) * GAP
        # "axis 1 →" runs down beside a[0] from its top: below a short grid, the picture makes room.
        return width, max(height, TOP_BAND + LABEL_BAND + AXIS_BAND + self.axis_1_length)

    @property
    def axis_1_length(self) -> float:
        """How far down the name "axis 1 →" reaches, in cells (its font's letters 0.55 em wide on average)."""
        return len(AXIS_1) * 0.55 * self.label_font / self.cell_px

    @property
    def height_px(self) -> int:
        """The figure's height: room for cells of ``TALLEST_CELL`` px (at least ``cell_px``), plus margins.

        On a projector cells take ``cell_px`` only, so that the default (4, 3, 2) stays on the first
        screen of a 1280x720 wall.

        Where the width is short (a phone) plotly draws the cells smaller, never below ``cell_px``.
        """
        return int(math.ceil((self.extent[1] + 2 * PAD) * max(self.cell_px, self.tallest))) + 2 * MARGIN


def side_by_side(
    array: np.ndarray,
    *,
    fill: str = PALETTE["a_fill"],
    line: str = PALETTE["a"],
    name: str = "a",
    hover: np.ndarray | None = None,
    style: Style = SCREEN,
) -> go.Figure:
    """A 3-D array as its grids ``a[0]``, ``a[1]``, … side by side, wrapping onto rows of grids.

    ``a[i, j, k]`` is the cell in row ``j``, column ``k`` of grid ``a[i]``: axis 0 picks the grid,
    axis 1 the row, axis 2 the column, each named on the picture. Grids never overlap, so every
    number shows; the deeper grids are shaded a little darker, as depth.
    """
    array = np.asarray(array, dtype=float)
    layout = BlockLayout.of(array.shape, style)
    width, height = layout.extent
    fig = new_figure(
        style=style,
        dragmode=False,
        margin={"l": MARGIN, "r": MARGIN, "t": MARGIN, "b": MARGIN},
        xaxis=CELL_AXIS | {"range": [-PAD, width + PAD]},  # room for the grids' bold frames
        yaxis=CELL_AXIS | {"range": [-height - PAD, PAD], "scaleanchor": "x", "scaleratio": 1},
    )
    fig.layout.height = layout.height_px  # in pixels as computed (not scaled again for a projector)
    hovers = None if hover is None else np.asarray(hover, dtype=object)
    small = style.sizes["font"]
    for k in range(layout.depth):
        left, top = layout.corner(k)
        shade = blend(fill, line, 0.5 * k / layout.depth)
        add_grid(
            fig,
            array[k],
            x0=left,
            y0=top,
            fill=shade,
            line=line,
            hover=None if hovers is None else hovers[k],
            style=style,
        )
        fig.data[-1]["textfont"]["size"] = layout.font
        fig.add_trace(
            {
                "type": "scatter",
                "x": [left, left + layout.cols, left + layout.cols, left, left],
                "y": [top, top, top - layout.rows, top - layout.rows, top],
                "mode": "lines",
                "line": {"color": line, "width": style.sizes["line"] * 1.6},
                "hoverinfo": "skip",
                "showlegend": False,
            }
        )
        label_y = top + (AXIS_BAND if k < layout.per_row else 0) + LABEL_BAND / 2
        fig.add_annotation(
            x=left + layout.cols / 2,
            y=label_y,
            text=f"{name}[{k}]",
            showarrow=False,
            font={"size": small, "color": line},
        )
    left, top = layout.corner(0)
    axis_font = {"size": small, "color": PALETTE["neutral"]}
    names = [
        {"x": left, "y": -TOP_BAND / 2, "text": "axis 0 →", "xanchor": "left"},
        {"x": left, "y": top + AXIS_BAND / 2, "text": "axis 2 →", "xanchor": "left"},
        {"x": AXIS_BAND / 2, "y": top, "text": AXIS_1, "textangle": 90, "yanchor": "top"},
    ]
    for spec in names:
        fig.add_annotation(**spec, showarrow=False, font=axis_font)
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
