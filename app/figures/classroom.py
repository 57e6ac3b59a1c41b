"""The class's answers as pictures: bars for a question's options, lines and (w, b) dots for a fit by eye.

Pure builders: the counts or the guesses in, plotly figures out; ``app/classroom/wall.py`` draws them.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import plotly.graph_objects as go

from app.figure_base import SCREEN, Style, new_figure
from app.palette import PALETTE

BARS_HEIGHT = 260


def answer_bars(
    options: Sequence[str], counts: Sequence[int], right: int | None = None, style: Style = SCREEN
) -> go.Figure:
    """One horizontal bar per option, its length the number of students who chose it.

    After the reveal (``right`` given) the right option's bar is green and labelled "right";
    the others stay grey. Options read top to bottom in the order the students saw them.
    """
    counts = np.asarray(counts, dtype=int)
    colours = [PALETTE["a"] if i == right else PALETTE["neutral"] for i in range(len(options))]
    labels = [f"{o}  (right)" if i == right else str(o) for i, o in enumerate(options)]
    top = int(counts.max()) if counts.size and counts.max() > 0 else 1
    bars = go.Bar(
        x=counts.tolist(),  # a plain list: a dozen numbers, readable as sent
        y=labels,
        orientation="h",
        marker={"color": colours},
        text=[str(c) for c in counts],
        textposition="outside",
        cliponaxis=False,
        hovertemplate="%{y}: %{x}<extra></extra>",
        name="answers",
    )
    return new_figure(
        bars,
        style=style,
        height=max(BARS_HEIGHT, 60 * len(options)),
        xaxis={"title": {"text": "students"}, "range": [0, top * 1.2 + 0.5], "dtick": max(1, int(np.ceil(top / 6)))},
        yaxis={"autorange": "reversed", "automargin": True},
        showlegend=False,
    )


FIT_HEIGHT = 340
LOSS_NAMES = {"line": "MSE", "logistic": "mean logistic loss"}


def fit_lines(kind: str, x, y, ws, bs, best: int | None, optimum, style: Style = SCREEN) -> go.Figure:
    """The points and every student's model over them: a line (``kind="line"``) or a sigmoid.

    Each guess is a thin purple curve; the class's best guess is thick; the optimum (after the
    reveal, if given) is a dashed green curve.
    """
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    lo, hi = float(x.min()), float(x.max())
    pad = (hi - lo) * 0.05 or 1.0
    grid = np.linspace(lo - pad, hi + pad, 2 if kind == "line" else 60)
    s = style.sizes

    def curve(w, b):
        h = w * grid + b
        return h if kind == "line" else 1 / (1 + np.exp(-np.clip(h, -500, 500)))

    traces = [
        go.Scatter(x=x, y=y, mode="markers", name="points", marker={"color": PALETTE["a"], "size": s["marker"] * 0.8})
    ]
    for k, (w, b) in enumerate(zip(ws, bs)):
        traces.append(
            go.Scatter(
                x=grid,
                y=curve(w, b),
                mode="lines",
                name="the class's best guess" if k == best else "a student's guess",
                showlegend=k == best or k == 0,
                legendgroup="best" if k == best else "guesses",
                line={"color": PALETTE["result"], "width": s["line"] * (1.6 if k == best else 0.5)},
                opacity=1.0 if k == best else 0.45,
                hoverinfo="skip",
            )
        )
    if optimum is not None:
        traces.append(
            go.Scatter(
                x=grid,
                y=curve(*optimum),
                mode="lines",
                name="the best fit",
                line={"color": PALETTE["b"], "width": s["line"], "dash": "dash"},
            )
        )
    return new_figure(
        *traces,
        style=style,
        height=FIT_HEIGHT,
        xaxis={"title": {"text": "x"}},
        yaxis={"title": {"text": "y" if kind == "line" else "p = σ(w·x + b)"}},
    )


def fit_surface(
    kind: str, grid_ws, grid_bs, grid, ws, bs, best: int | None, optimum, style: Style = SCREEN
) -> go.Figure:
    """The loss over (w, b) as contours, every student's (w, b) as a dot, the best guess ringed, the optimum a star."""
    s = style.sizes
    name = LOSS_NAMES[kind]
    traces = [
        go.Contour(
            x=grid_ws,
            y=grid_bs,
            z=np.log10(np.maximum(grid, 1e-12)),
            colorscale=[[0.0, "#FFFFFF"], [1.0, PALETTE["result_fill"]]],
            ncontours=20,
            contours={"coloring": "fill", "showlines": True},
            line={"color": "rgba(60,60,60,0.25)", "width": 0.6},
            showscale=False,
            hovertemplate=f"w = %{{x:.3f}}<br>b = %{{y:.3f}}<extra>log₁₀ {name}</extra>",
            name=name,
        ),
        go.Scatter(
            x=np.asarray(ws, dtype=float),
            y=np.asarray(bs, dtype=float),
            mode="markers",
            name="a student's (w, b)",
            marker={"color": PALETTE["result"], "size": s["marker"] * 0.8, "line": {"color": "#FFFFFF", "width": 1}},
        ),
    ]
    if best is not None:
        traces.append(
            go.Scatter(
                x=[float(ws[best])],
                y=[float(bs[best])],
                mode="markers",
                name="the class's best guess",
                marker={
                    "color": "rgba(0,0,0,0)",
                    "size": s["marker"] * 1.8,
                    "line": {"color": PALETTE["result"], "width": 3},
                },
            )
        )
    if optimum is not None:
        traces.append(
            go.Scatter(
                x=[optimum[0]],
                y=[optimum[1]],
                mode="markers",
                name="the optimum",
                marker={"symbol": "star", "color": PALETTE["b"], "size": s["marker"] * 1.6},
            )
        )
    return new_figure(
        *traces,
        style=style,
        height=FIT_HEIGHT,
        xaxis={"title": {"text": "w"}, "range": [float(grid_ws[0]), float(grid_ws[-1])]},
        yaxis={"title": {"text": "b"}, "range": [float(grid_bs[0]), float(grid_bs[-1])]},
    )
