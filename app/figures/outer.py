"""The outer product w xᵀ drawn as a heatmap: w down the left, x across the top, w_i x_j in each cell."""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from app.figure_base import SCREEN, Style, new_figure
from app.palette import DIVERGING_SCALE, PALETTE, RESULT_SCALE
from core.text import format_number
from core.vectors import outer

HEIGHT = 380  # the same for every shape, so that the picture keeps its place while a length slider moves
NEGATIVE_SCALE = [[0.0, PALETTE["result"]], [1.0, "#FFFFFF"]]


def colours(m: np.ndarray) -> tuple[list, float, float]:
    """The colour scale and its ends: white to purple for one sign, blue-white-vermillion for both.

    >>> colours(np.array([[1.0, -2.0]]))[1:]
    (-2.0, 2.0)
    """
    low, high = float(m.min()), float(m.max())
    if low >= 0:
        return RESULT_SCALE, 0.0, max(high, 1e-12)
    if high <= 0:
        return NEGATIVE_SCALE, min(low, -1e-12), 0.0
    bound = max(-low, high)
    return DIVERGING_SCALE, -bound, bound


def heatmap(w: np.ndarray, x: np.ndarray, row: int, style: Style = SCREEN) -> go.Figure:
    """``w xᵀ`` as cells with their values, w's numbers down the left, x's across the top, row ``row`` framed.

    The frame is a trace and its label ``◀ row i`` a written label, so the row is marked by more than colour.
    """
    w, x = np.asarray(w, dtype=float), np.asarray(x, dtype=float)
    m = outer(w, x)
    n, p = m.shape
    s = style.sizes
    scale, zmin, zmax = colours(m)
    hover = [
        [f"w_{i} * x_{j} = {format_number(w[i])} * {format_number(x[j])} = {format_number(m[i, j])}" for j in range(p)]
        for i in range(n)
    ]
    cells = {
        "type": "heatmap",
        "z": m.tolist(),
        "x": list(range(p)),
        "y": list(range(n)),
        "colorscale": scale,
        "zmin": zmin,
        "zmax": zmax,
        "showscale": False,
        "text": [[format_number(v) for v in line] for line in m],
        "texttemplate": "%{text}",
        "textfont": {"size": s["cell_text"]},
        "customdata": hover,
        "hovertemplate": "%{customdata}<extra></extra>",
        "xgap": 2,
        "ygap": 2,
    }
    frame_x, frame_y = [-0.5, p - 0.5, p - 0.5, -0.5, -0.5], [row - 0.5, row - 0.5, row + 0.5, row + 0.5, row - 0.5]
    frame = {"type": "scatter", "x": frame_x, "y": frame_y, "mode": "lines", "hoverinfo": "skip", "showlegend": False}
    labels = [
        {"x": -0.75, "y": i, "text": f"<b>{format_number(v)}</b>", "xanchor": "right", "font": {"color": PALETTE["a"]}}
        for i, v in enumerate(w)
    ]
    labels += [
        {"x": j, "y": -0.75, "text": f"<b>{format_number(v)}</b>", "yanchor": "bottom", "font": {"color": PALETTE["b"]}}
        for j, v in enumerate(x)
    ]
    for label in labels:
        label["font"]["size"] = s["cell_text"]
    corner = {"x": -0.75, "y": -0.75, "text": "<b>w</b> ╲ <b>x</b>", "xanchor": "right", "yanchor": "bottom"}
    labels.append(corner | {"font": {"color": PALETTE["neutral"], "size": s["font"]}})
    marker = {"x": p - 0.35, "y": row, "text": f"◀ row {row}", "xanchor": "left"}
    labels.append(marker | {"font": {"color": "#1F2430", "size": s["cell_text"]}})
    return new_figure(
        cells,
        frame | {"line": {"color": PALETTE["highlight"], "width": s["line"] * 2.2}},  # yellow, with a dark edge
        frame | {"line": {"color": "#1F2430", "width": 1}},
        style=style,
        height=HEIGHT,
        dragmode=False,
        annotations=[label | {"showarrow": False} for label in labels],
        xaxis={"visible": False, "range": [-1.6, p + 1.2], "fixedrange": True},
        yaxis={"visible": False, "range": [n - 0.4, -1.4], "scaleanchor": "x", "scaleratio": 1, "fixedrange": True},
    )


def heatmap_of(state: tuple, style: Style = SCREEN) -> list[go.Figure]:
    """The page's figures for one state ``(w, x, row)`` (tuples, so that a sweep of states can be cached)."""
    w, x, row = state
    return [heatmap(np.array(w), np.array(x), row, style)]
