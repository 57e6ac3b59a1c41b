"""The four kinds of model drawn on the same data: each ŷ as a curve over x, inside a fixed frame.

Pure builders: numbers from ``core.models`` and a ``Style`` in, plotly figures out, no streamlit.
Every panel draws ŷ beyond the data (x from -6 to 6) in a frame of the same height, so that what
is not bounded leaves the frame, and the logistic curve stays between its lines ŷ = 0 and ŷ = 1.
"""

from __future__ import annotations

import functools

import numpy as np
import plotly.graph_objects as go

from app.figure_base import SCREEN, Style, line_across, new_figure
from app.palette import PALETTE
from core import models
from core.text import format_number

HEIGHT = 200  # each of the four panels: two rows of two fit on the first screen of a 1280x720 wall
Y_FRAME = (-4.0, 4.0)  # the regressors' frame: y of the data is within ±3.5
P_FRAME = (-0.35, 1.35)  # the logistic panel: room to see the curve stay between 0 and 1
DATA, MODEL, BOUND, INK = PALETTE["a"], PALETTE["result"], PALETTE["neutral"], "#1F2430"
CURVE, POINTS = 0, 1  # trace order in every panel: ŷ first (what moves), then the data
TITLES = {
    "linear": "Linear",
    "polynomial": "Polynomial",
    "logistic": "Logistic",
    "network": "Network",
}


def title(kind: str, d: int, h: int) -> str:
    """A panel's title, with the degree or the hidden units where they matter."""
    return TITLES[kind].format(d=d, h=h)


def panel(kind: str, x_draw: np.ndarray, y_hat: np.ndarray, data: models.SharedData, d: int, h: int, style: Style):
    """One model: its ŷ over ``x_draw`` and the data it was fitted on (the class labels for the logistic one)."""
    s = style.sizes
    logistic = kind == "logistic"
    y_data = data.label if logistic else data.y
    curve = {
        "type": "scatter",
        "x": x_draw,
        "y": np.round(y_hat, 6),
        "mode": "lines",
        "name": "ŷ",
        "line": {"color": MODEL, "width": s["line"]},
        "hovertemplate": "x = %{x:.2f}<br>ŷ = %{y:.4f}<extra></extra>",
        "showlegend": False,
    }
    points = {
        "type": "scatter",
        "x": data.x,
        "y": y_data,
        "mode": "markers",
        "name": "class label" if logistic else "y",
        "marker": {"color": DATA, "size": s["marker"] * 0.8, "symbol": "circle-open", "line": {"width": 2}},
        "hovertemplate": ("x = %{x:.2f}<br>label = %{y}" if logistic else "x = %{x:.2f}<br>y = %{y:.2f}")
        + "<extra></extra>",
        "showlegend": False,
    }
    shapes, annotations = [], []
    if logistic:
        for level in (0, 1):
            line, label = line_across(
                y=level,
                line={"color": BOUND, "dash": "dash", "width": 1.5},
                text=f"ŷ = {level}",
                position="top left" if level else "bottom right",
                font={"color": INK, "size": s["font"] * 0.85},
            )
            shapes += line
            annotations += label
    frame = P_FRAME if logistic else Y_FRAME
    return new_figure(
        curve,
        points,
        style=style,
        height=HEIGHT,
        title=title(kind, d, h),
        dragmode=False,
        shapes=shapes,
        annotations=annotations,
        margin={"l": 10, "r": 10, "t": s["title"] * 1.9, "b": 10},
        # No axis titles: four panels share them (ŷ up, x across, said in the caption); on a wall fewer ticks.
        xaxis={"range": list(models.DRAW_RANGE), "fixedrange": True, "dtick": 6 if style.projector else 3},
        yaxis={
            "range": list(frame),
            "fixedrange": True,
            "dtick": 1 if logistic else 4 if style.projector else 2,
            "tickformat": "d",
        },
    )


@functools.lru_cache(maxsize=1)
def shared() -> tuple[models.SharedData, tuple]:
    """The shared data and the fits that d and h do not change, computed once per process (read only)."""
    data = models.shared_data()
    return data, models.fit_fixed(data)


def fits(d: int, h: int) -> models.Fits:
    """The four models fitted on the shared data, for degree d and h hidden units."""
    data, fixed = shared()
    return models.fit_all(data, d, h, fixed)


def panels(state: tuple[int, int, int], style: Style = SCREEN) -> list[go.Figure]:
    """The four panels for ``state = (n, d, h)``: the picture has one feature, so only d and h change it."""
    _, d, h = state
    data = shared()[0]
    x_draw = models.draw_x()
    y_hats = models.predictions(fits(d, h), x_draw)
    return [panel(kind, x_draw, y_hats[kind], data, d, h, style) for kind in models.KINDS]


def curved_line(x: np.ndarray, y: np.ndarray, fit: models.CurvedFit, style: Style = SCREEN) -> go.Figure:
    """Curved data under the best straight line, each residual y − ŷ drawn as a segment."""
    s = style.sizes
    y_hat = fit.w * x + fit.b
    residuals = {
        "type": "scatter",
        "x": np.repeat(x, 3),
        "y": np.column_stack([y, y_hat, np.full_like(y, np.nan)]).ravel(),
        "mode": "lines",
        "name": "residual y − ŷ",
        "line": {"color": PALETTE["error"], "width": 1.5},
        "hoverinfo": "skip",
    }
    ends = np.array([x.min(), x.max()])
    line = {
        "type": "scatter",
        "x": ends,
        "y": fit.w * ends + fit.b,
        "mode": "lines",
        "name": f"best line ŷ = {format_number(fit.w, 2)} x {_signed(fit.b)}",
        "line": {"color": MODEL, "width": s["line"]},
    }
    points = {
        "type": "scatter",
        "x": x,
        "y": y,
        "mode": "markers",
        "name": "data y",
        "marker": {"color": DATA, "size": s["marker"]},
        "hovertemplate": "x = %{x:.2f}<br>y = %{y:.2f}<extra></extra>",
    }
    return new_figure(
        residuals,
        line,
        points,
        style=style,
        height=300,
        dragmode=False,
        legend={"orientation": "h", "yanchor": "top", "y": -0.22, "x": 0},
        xaxis={"title": {"text": "x"}, "fixedrange": True},
        yaxis={"title": {"text": "y"}, "fixedrange": True},
    )


def _signed(value: float) -> str:
    return f"+ {format_number(value, 2)}" if value >= 0 else f"− {format_number(-value, 2)}"
