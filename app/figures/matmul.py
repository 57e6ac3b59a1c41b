"""Matrix multiplication drawn as cells: A, B and C side by side, one cell of C at a time.

The step picture keeps what never moves (grid borders, A's and B's values, the shapes and the
shape rule) in its layout, and draws what moves with the step as its first traces
(:data:`MOVING`): the row of A, the column of B, the cells of C done so far, the current cell,
C's values so far and the "row i" / "col j" labels. A step's patch replaces those traces only,
so the live element can follow the step slider from :func:`step_sweep` without a rerun.
"""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from app.figure_base import SCREEN, Style, new_figure
from app.figures.cells import CELL_AXIS, add_grid, grid_figure
from app.palette import PALETTE as P
from app.sweeps import Sweep, figure_json
from core.matmul import cell_of_step, outer_terms
from core.text import format_number

GAP = 1.4  # empty cells between two matrices in a picture
LABEL_X = -0.1  # where the "row i" label ends, left of A
INK = "#1F2430"
MOVING = 6  # the step picture's first traces, the ones a step changes


def _rect(x0: float, y0: float, rows: int = 1, cols: int = 1) -> tuple[list, list]:
    """The closed outline of a block of cells, top-left at (x0, y0), then a gap (``None``)."""
    if rows <= 0 or cols <= 0:
        return [], []
    return [x0, x0 + cols, x0 + cols, x0, x0, None], [y0, y0, y0 - rows, y0 - rows, y0, None]


def _poly(xy: tuple[list, list], fill: str, line: str, width: float) -> dict:
    return {
        "type": "scatter",
        "x": xy[0],
        "y": xy[1],
        "fill": "toself",
        "fillcolor": fill,
        "mode": "lines",
        "line": {"color": line, "width": width},
        "hoverinfo": "skip",
        "showlegend": False,
    }


def _text(x: list, y: list, text: list[str], size: float, **extra) -> dict:
    return {
        "type": "scatter",
        "x": x,
        "y": y,
        "text": text,
        "mode": "text",
        "showlegend": False,
        "hoverinfo": "skip",
        "textfont": {"size": size, "color": INK},
    } | extra


def geometry(m: int, k: int, p: int) -> dict:
    """Where A, B and C sit: B's and C's left edges, and the row of shapes under the matrices."""
    x_b = k + GAP
    rows = max(m, k)
    return {"x_b": x_b, "x_c": x_b + p + GAP, "rows": rows, "shape_y": -rows - 0.95}


def moving_traces(a: np.ndarray, b: np.ndarray, c: np.ndarray, step: int, style: Style = SCREEN) -> list[dict]:
    """What changes with the step: the :data:`MOVING` traces of the step picture at ``step``."""
    (m, k), p = a.shape, b.shape[1]
    geo = geometry(m, k, p)
    x_b, x_c = geo["x_b"], geo["x_c"]
    s = style.sizes
    cell = cell_of_step(step, p)
    i, j = cell if cell else (0, -1)
    above, row_so_far = _rect(x_c, 0, i, p), _rect(x_c, -i, 1, j + 1)
    done = np.flatnonzero(np.arange(m * p) < step)
    rows, cols = np.divmod(done, p)
    return [
        _poly(_rect(0, -i, 1, k) if cell else ([], []), P["a_fill"], P["a"], s["line"] * 1.6),
        _poly(_rect(x_b + j, 0, k, 1) if cell else ([], []), P["b_fill"], P["b"], s["line"] * 1.6),
        _poly((above[0] + row_so_far[0], above[1] + row_so_far[1]), P["result_fill"], P["result"], 0.1),
        _poly(_rect(x_c + j, -i) if cell else ([], []), P["result_fill"], P["result"], s["line"] * 1.8),
        _text(
            (x_c + cols + 0.5).tolist(),
            (-rows - 0.5).tolist(),
            [format_number(c[r, t]) for r, t in zip(rows, cols)],
            s["cell_text"],
        ),
        _text(
            [LABEL_X, x_b + j + 0.5] if cell else [],
            [-i - 0.5, -k - 0.05] if cell else [],
            [f"row {i}", f"col {j}"] if cell else [],
            s["font"],
            textposition=["middle left", "bottom center"] if cell else [],
        ),
    ]


def step_height(a: np.ndarray, b: np.ndarray, style: Style = SCREEN) -> int:
    """The step picture's height in pixels: ~40 px a row of cells, a little less on a projector,
    where a taller picture would leave the first screen of a 1280x720 wall."""
    rows = geometry(a.shape[0], a.shape[1], b.shape[1])["rows"]
    return int((36 if style.projector else 40) * (rows + 2.2)) + 20


def step_figure(a: np.ndarray, b: np.ndarray, step: int, style: Style = SCREEN) -> go.Figure:
    """A, B and C = A @ B side by side at ``step``: A's row and B's column of the current cell, C so far.

    Borders are layout shapes and A's and B's values annotations, drawn above the traces.
    """
    (m, k), p = a.shape, b.shape[1]
    c = a @ b
    geo = geometry(m, k, p)
    x_b, x_c = geo["x_b"], geo["x_c"]
    s = style.sizes
    shapes = [
        {
            "type": "path",
            "path": _grid_path(x0, r, cols),
            "layer": "above",
            "line": {"color": colour, "width": s["line"]},
        }
        for x0, r, cols, colour in ((0, m, k, P["a"]), (x_b, k, p, P["b"]), (x_c, m, p, P["result"]))
    ]
    values = [
        {
            "x": x0 + t + 0.5,
            "y": -r - 0.5,
            "text": format_number(matrix[r, t]),
            "hovertext": f"{name}[{r}, {t}] = {format_number(matrix[r, t])}",
            "font": {"size": s["cell_text"], "color": INK},
        }
        for name, x0, matrix in (("A", 0, a), ("B", x_b, b))
        for r, t in np.ndindex(*matrix.shape)
    ]
    inner = f"<b><span style='color:{P['result']}'>{k}</span></b>"
    middle = -min(m, k) / 2
    notes = [  # the operators, the names, and the shape rule (m, k) · (k, p) -> (m, p) on the shapes
        {"x": k + GAP / 2, "y": middle, "text": "·", "font": {"size": s["title"] * 1.6, "color": INK}},
        {"x": x_b + p + GAP / 2, "y": middle, "text": "=", "font": {"size": s["title"] * 1.6, "color": INK}},
        {"x": k / 2, "y": geo["shape_y"], "text": f"({m}, {inner})", "font": {"color": P["a"]}},
        {"x": x_b + p / 2, "y": geo["shape_y"], "text": f"({inner}, {p})", "font": {"color": P["b"]}},
        {"x": x_c + p / 2, "y": geo["shape_y"], "text": f"({m}, {p})", "font": {"color": P["result"]}},
    ] + [
        {
            "x": x0 + cols / 2,
            "y": 0.1,
            "text": f"<b>{name}</b>",
            "yanchor": "bottom",
            "font": {"size": s["title"], "color": colour},
        }
        for name, x0, cols, colour in (("A", 0, k, P["a"]), ("B", x_b, p, P["b"]), ("C", x_c, p, P["result"]))
    ]
    return new_figure(
        *moving_traces(a, b, c, step, style),
        style=style,
        dragmode=False,
        xaxis=CELL_AXIS | {"range": [LABEL_X - 2.2, x_c + p + 0.3]},
        # On a narrow screen the width bounds the cells: the picture sits at the top, under the readout.
        yaxis=CELL_AXIS
        | {"scaleanchor": "x", "scaleratio": 1, "range": [geo["shape_y"] - 0.4, 0.85], "constraintoward": "top"},
        shapes=shapes,
        annotations=[note | {"showarrow": False} for note in values + notes],
    ).update_layout(height=step_height(a, b, style))


def step_json(a: np.ndarray, b: np.ndarray, step: int, style: Style = SCREEN) -> dict:
    """:func:`step_figure` as the live element takes it (plain JSON data)."""
    return figure_json(step_figure(a, b, step, style))


def at_step(figure: dict, a: np.ndarray, b: np.ndarray, step: int, style: Style = SCREEN) -> dict:
    """``figure`` (from :func:`step_json`) at ``step`` instead: its :data:`MOVING` traces replaced."""
    moving = moving_traces(a, b, a @ b, step, style)
    return figure | {"data": moving + figure["data"][MOVING:]}


def outer_json(a: np.ndarray, b: np.ndarray, shown: int, style: Style = SCREEN) -> dict:
    """:func:`outer_figure` of ``shown`` terms as plain JSON data (cheap to cache and copy)."""
    return figure_json(outer_figure(a, b, outer_terms(a, b), shown, style))


def step_sweep(a: np.ndarray, b: np.ndarray, readouts: list[str], style: Style = SCREEN) -> Sweep:
    """The step picture's patch at every step 0 .. m·p: its moving traces, replaced."""
    c = a @ b
    patches = [
        [{"traces": {str(n): trace for n, trace in enumerate(moving_traces(a, b, c, step, style))}, "layout": {}}]
        for step in range(c.size + 1)
    ]
    return Sweep(patches, readouts)


def _grid_path(x0: float, rows: int, cols: int) -> str:
    """An SVG path of all cell borders of a ``rows`` x ``cols`` grid with its top-left at (x0, 0)."""
    across = " ".join(f"M{x0},{-i} L{x0 + cols},{-i}" for i in range(rows + 1))
    down = " ".join(f"M{x0 + j},0 L{x0 + j},{-rows}" for j in range(cols + 1))
    return f"{across} {down}"


def mismatch_figure(a: np.ndarray, b: np.ndarray, style: Style = SCREEN) -> go.Figure:
    """A and B side by side with their shapes; the inner sizes that differ written in red."""
    s = style.sizes
    (m, ka), (kb, p) = a.shape, b.shape
    x_b = ka + GAP
    fig = grid_figure(height=int(40 * (max(m, kb) + 2.5)) + 20, style=style)
    add_grid(fig, a, fill="#FFFFFF", line=P["a"], label="<b>A</b>", style=style)
    add_grid(fig, b, x0=x_b, fill="#FFFFFF", line=P["b"], label="<b>B</b>", style=style)
    shape_y = -max(m, kb) - 0.55
    bad = lambda n: f"<b><span style='color:{P['error']}'>{n}</span></b>"
    notes = [
        {"x": ka + GAP / 2, "y": -min(m, kb) / 2, "text": "·", "font": {"size": s["title"] * 1.6}},
        {"x": ka / 2, "y": shape_y, "text": f"({m}, {bad(ka)})", "font": {"color": P["a"]}},
        {"x": x_b + p / 2, "y": shape_y, "text": f"({bad(kb)}, {p})", "font": {"color": P["b"]}},
        {
            "x": (ka + x_b + p) / 2,
            "y": shape_y - 0.8,
            "font": {"color": P["error"]},
            "text": f"inner sizes differ: {ka} ≠ {kb}; no C",
        },
    ]
    for note in notes:
        fig.add_annotation(showarrow=False, **note)
    fig.update_yaxes(range=[shape_y - 1.3, 1.0])
    return fig


def outer_figure(a: np.ndarray, b: np.ndarray, terms: np.ndarray, shown: int, style: Style = SCREEN) -> go.Figure:
    """Column ``t`` of A times row ``t`` of B, their outer product (term ``t``), and the sum of ``shown`` terms.

    The labels are short and sit over their own blocks; the sum's, the longest, sits under its
    block, ending at the picture's right edge, so that none runs into another (at 1280 px and on a phone).
    """
    m, k = a.shape
    p = b.shape[1]
    t = max(shown - 1, 0)
    x_row = 1 + GAP
    x_term = x_row + p + GAP
    x_sum = x_term + p + GAP
    fig = grid_figure(height=int(44 * (m + 2)) + 20, style=style)
    faded = shown == 0
    blocks = (  # values, left edge, fill, line, label
        (a[:, [t]], 0, P["a_fill"], P["a"], f"A[:, {t}]"),
        (b[[t], :], x_row, P["b_fill"], P["b"], f"B[{t}, :]"),
        (terms[t], x_term, P["result_fill"], P["result"], f"term {t}"),
    )
    for values, x0, fill, line, label in blocks:
        add_grid(fig, values, x0=x0, fill=fill, line=line, label=label, ghost=np.full(values.shape, faded), style=style)
    add_grid(fig, terms[:shown].sum(axis=0), x0=x_sum, fill=P["result_fill"], line=P["result"], style=style)
    s = style.sizes
    fig.add_annotation(
        x=x_sum + p,
        y=-m - 0.08,
        xanchor="right",
        yanchor="top",
        text=f"sum of {shown} of {k} terms",
        showarrow=False,
        font={"size": s["font"], "color": P["result"]},
    )
    for x, text in ((1 + GAP / 2, "·"), (x_row + p + GAP / 2, "="), (x_term + p + GAP / 2, "→")):
        fig.add_annotation(
            x=x, y=-0.5 if text == "·" else -m / 2, text=text, showarrow=False, font={"size": s["title"] * 1.4}
        )
    fig.update_xaxes(range=[-0.5, x_sum + p + 0.2])
    fig.update_yaxes(range=[-m - 0.9, 1.0])
    return fig
