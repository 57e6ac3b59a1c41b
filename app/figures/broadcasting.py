"""Broadcasting drawn as cells: a and b as typed, both stretched to the result's shape, and the result.

The followed cell is drawn by the picture's last two traces (:data:`FOLLOW`): a yellow cell over
the result, over a and b stretched, and over the cells of a and b it reads, with their values.
Following another cell replaces those two traces only, so the live element moves the cell from
:func:`follow_sweep` without a rerun, whatever the size of the result (up to 512 cells).
"""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from app.figure_base import SCREEN, Style
from app.figures.cells import DEPTH_SHIFT, add_array, grid_figure
from app.palette import PALETTE as P
from app.sweeps import Sweep, figure_json
from core.broadcasting import copied_cells, source_cells, source_index, stretch
from core.text import format_number, format_shape

FOLLOW = 2  # the last traces of the picture: the followed cells' outlines, and their values
INK = "#1F2430"


def index_text(name: str, idx: tuple[int, ...]) -> str:
    """``a[1, 0]``; a scalar's only cell is the array itself."""
    return f"{name}[{', '.join(map(str, idx))}]" if idx else name


def extent(shape: tuple[int, ...]) -> tuple[int, int, int]:
    """Columns, rows and extra depth (blocks behind) of an array's picture."""
    full = (1,) * (3 - len(shape)) + tuple(shape)
    return full[2], full[1], full[0] - 1


def places(shape_a: tuple, shape_b: tuple, shape: tuple | None) -> dict[str, tuple[float, float]]:
    """The top-left corner of each array's front block: a and b on top; below them, when the shapes
    broadcast, a and b stretched and the result, side by side."""
    ca, ra, da = extent(shape_a)
    rb = extent(shape_b)[1]
    out = {"a": (0.0, 0.0), "b": (ca + da + 2.0, 0.0)}
    if shape is not None:
        c, r, d = extent(shape)
        y1 = -max(ra, rb) - 2.2 - d
        step = c + d + 1.0
        out |= {"a stretched": (0.0, y1), "b stretched": (step, y1), "result": (2 * step, y1)}
    return out


def picture(a: np.ndarray, b: np.ndarray, symbol: str, result: np.ndarray | None, style: Style = SCREEN) -> go.Figure:
    """a and b as typed, with ``symbol`` between them (✗ when ``result`` is None: the shapes do not
    broadcast); below, both stretched (copies dotted and faded), then the result; then the
    :data:`FOLLOW` traces, on the first cell (see :func:`follow_traces`)."""
    shape = None if result is None else result.shape
    where = places(a.shape, b.shape, shape)
    s = style.sizes
    fig = grid_figure(style=style)
    for name, array, fill, line in (("a", a, P["a_fill"], P["a"]), ("b", b, P["b_fill"], P["b"])):
        hover = [index_text(name, i) for i in np.ndindex(*array.shape)]
        x0, y0 = where[name]
        add_array(
            fig,
            array,
            x0=x0,
            y0=y0,
            fill=fill,
            line=line,
            label=f"{name} {format_shape(array.shape)}",
            hover=hover,
            style=style,
        )
    ca, ra, da = extent(a.shape)
    rb = extent(b.shape)[1]
    operator = {"x": ca + da + 1, "y": -min(ra, rb) / 2, "showarrow": False}
    if result is None:
        fig.add_annotation(operator | {"text": "✗", "font": {"size": s["title"] * 1.6, "color": P["error"]}})
        return fig.update_layout(height=_height(a.shape, b.shape, None), yaxis_constraintoward="top")
    fig.add_annotation(operator | {"text": symbol, "font": {"size": s["title"] * 1.6, "color": P["neutral"]}})
    c, r, d = extent(shape)
    x1, y1 = where["result"]
    cells = list(np.ndindex(*shape))
    for name, array, fill, line in (("a", a, P["a_fill"], P["a"]), ("b", b, P["b_fill"], P["b"])):
        sources = source_cells(array.shape, shape)
        hover = [
            f"{index_text(name, i)}: "
            + ("a copy of " if copy else "")
            + index_text(name, np.unravel_index(f, array.shape))
            for i, f, copy in zip(cells, sources, copied_cells(array.shape, shape).ravel())
        ]
        x0, y0 = where[f"{name} stretched"]
        add_array(
            fig,
            stretch(array, shape),
            x0=x0,
            y0=y0,
            fill=fill,
            line=line,
            ghost=copied_cells(array.shape, shape),
            hover=hover,
            style=style,
        )
    hover = [follow_words(a, b, symbol, result, i) for i in cells]
    add_array(
        fig, result, x0=x1, y0=y1, fill=P["result_fill"], line=P["result"], label="result", hover=hover, style=style
    )
    big = {"showarrow": False, "font": {"size": s["title"] * 1.4, "color": P["neutral"]}}
    fig.add_annotation(big | {"x": where["b stretched"][0] - 0.5, "y": y1 - r / 2, "text": symbol})
    fig.add_annotation(big | {"x": x1 - 0.5, "y": y1 - r / 2, "text": "="})
    fig.add_annotation(
        x=-0.3,
        y=y1 + d + 1.2,
        text=f"stretched to {format_shape(shape)}:",
        showarrow=False,
        xanchor="left",
        font={"size": s["font"], "color": P["neutral"]},
    )
    fig.add_traces(follow_traces(a, b, result, 0, style))
    # On a narrow screen the width bounds the cells: the picture sits at the top, under the readout.
    return fig.update_layout(height=_height(a.shape, b.shape, shape), yaxis_constraintoward="top")


def follow_words(a: np.ndarray, b: np.ndarray, symbol: str, result: np.ndarray, cell: tuple[int, ...]) -> str:
    """``result[1, 2] = a[1, 0] + b[0, 2] = 10 + 3 = 13``: one result cell and the cells it reads."""
    ia, ib = source_index(cell, a.shape), source_index(cell, b.shape)
    return (
        f"{index_text('result', cell)} = {index_text('a', ia)} {symbol} {index_text('b', ib)} = "
        f"{format_number(a[ia])} {symbol} {format_number(b[ib])} = {format_number(result[cell])}"
    )


def follow_traces(a: np.ndarray, b: np.ndarray, result: np.ndarray, flat: int, style: Style = SCREEN) -> list[dict]:
    """The :data:`FOLLOW` traces for result cell number ``flat`` (reading order): the cell in the
    result, in a and b stretched, and the cells of a and b it reads, yellow, with their values."""
    shape = result.shape
    where = places(a.shape, b.shape, shape)
    cell = np.unravel_index(flat, shape)
    cells = [  # (array, its shape, where it is drawn, the index of the followed cell in it)
        (a, a.shape, where["a"], np.unravel_index(source_cells(a.shape, shape)[flat], a.shape)),
        (b, b.shape, where["b"], np.unravel_index(source_cells(b.shape, shape)[flat], b.shape)),
        (stretch(a, shape), shape, where["a stretched"], cell),
        (stretch(b, shape), shape, where["b stretched"], cell),
        (result, shape, where["result"], cell),
    ]
    xs, ys, cx, cy, texts = [], [], [], [], []
    for array, array_shape, (x0, y0), index in cells:
        k, i, j = ((0,) * (3 - len(array_shape)) + tuple(int(n) for n in index))[-3:]
        left, top = x0 + k * DEPTH_SHIFT + j, y0 + k * DEPTH_SHIFT - i
        xs += [left, left + 1, left + 1, left, left, None]
        ys += [top, top, top - 1, top - 1, top, None]
        cx.append(left + 0.5)
        cy.append(top - 0.5)
        texts.append(format_number(array[tuple(int(n) for n in index)]))
    s = style.sizes
    return [
        {
            "type": "scatter",
            "x": xs,
            "y": ys,
            "fill": "toself",
            "fillcolor": P["highlight"],
            "mode": "lines",
            "line": {"color": INK, "width": s["line"] * 1.2},
            "hoverinfo": "skip",
            "showlegend": False,
        },
        {
            "type": "scatter",
            "x": cx,
            "y": cy,
            "text": texts,
            "mode": "text",
            "textfont": {"size": s["cell_text"], "color": INK},
            "hoverinfo": "skip",
            "showlegend": False,
        },
    ]


def picture_json(a: np.ndarray, b: np.ndarray, symbol: str, result: np.ndarray, style: Style = SCREEN) -> dict:
    """:func:`picture` as the live element takes it (plain JSON data), following the first cell."""
    return figure_json(picture(a, b, symbol, result, style))


def following(figure: dict, a: np.ndarray, b: np.ndarray, result: np.ndarray, flat: int, style: Style = SCREEN) -> dict:
    """``figure`` (from :func:`picture_json`) following result cell ``flat`` instead: its last traces replaced."""
    first = len(figure["data"]) - FOLLOW
    return figure | {"data": figure["data"][:first] + follow_traces(a, b, result, flat, style)}


def follow_sweep(
    a: np.ndarray, b: np.ndarray, result: np.ndarray, first: int, readouts: list[str], style: Style = SCREEN
) -> Sweep:
    """The picture's patch at every result cell: its :data:`FOLLOW` traces (from trace ``first`` on), replaced."""
    patches = [
        [{"traces": {str(first + n): t for n, t in enumerate(follow_traces(a, b, result, flat, style))}, "layout": {}}]
        for flat in range(result.size)
    ]
    return Sweep(patches, readouts)


def _height(shape_a: tuple, shape_b: tuple, shape: tuple | None) -> int:
    """The picture's height: ~42 px a row of cells, between 200 and 560 px; not taller on a projector,
    so that the default pair stays on the first screen of a 1280x720 wall."""
    ra, da = extent(shape_a)[1:]
    rb, db = extent(shape_b)[1:]
    units = max(ra + da, rb + db) + 1
    if shape is not None:
        r, d = extent(shape)[1:]
        units = max(ra, rb) + 2.2 + d + r + 1.5 + max(da, db)
    return int(min(max(42 * units + 40, 200), 560))
