"""Logistic regression with one feature: the sigmoid of a line, each point's loss, a threshold's decisions.

Pure builders: points and a ``Style`` in, plotly figures out, no streamlit. Each live figure is
its fixed parts with the moving parts laid over them (what w, b and the threshold change), and
a sweep's patch at a slider position is the moving parts at that position, so what is drawn
during a drag is exactly the figure the page draws once the slider is there. The numbers of
every position come from :func:`core.logistic_sweep.at_positions` in one pass.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import plotly.graph_objects as go

from app.figure_base import SCREEN, Style, new_figure
from app.palette import PALETTE, RESULT_SCALE, blend
from app.patch import apply as apply_patch
from app.sweeps import Sweep, figure_json
from core.logistic import log_odds, sigmoid
from core.logistic_sweep import at_positions, boundary
from core.text import format_number

H_RANGE = 8.0  # the right axis shows h in [-8, 8]: p = σ(±8) is 0.0003 from 0 or 1
CURVE_H = np.linspace(-6.0, 6.0, 21)  # the sigmoid is sampled where it bends, then runs flat to the ends
C0, C1, MODEL, NEUTRAL, INK = PALETTE["class0"], PALETTE["class1"], PALETTE["result"], PALETTE["neutral"], "#1F2430"
LABEL_BOX = "rgba(255,255,255,0.85)"
RIGHT_FILL, WRONG_FILL = PALETTE["a_fill"], blend(PALETTE["error"], "#FFFFFF", 0.75)
# The model figure is the page's main picture: on a 1280x720 wall it fits the first screen.
MODEL_HEIGHT = {False: 460, True: 330}
# Trace order of the model figure (the best fit is empty when there is none) and of the loss curves.
BEST, SCORE, SIGMOID, THRESHOLD, CLASS0, CLASS1, BARS0, BARS1, MEAN = range(9)
CURVE1, CURVE0, ON_CURVE0, ON_CURVE1 = range(4)
CELLS = (("TN", "true negatives"), ("FP", "false positives")), (("FN", "false negatives"), ("TP", "true positives"))
PREDICTED, TRUE = ["predicted 0", "predicted 1"], ["true 0", "true 1"]
# Below the plot: on a phone a legend on top wraps under Plotly's toolbar.
BOTTOM_LEGEND = {"orientation": "h", "yanchor": "top", "y": -0.25, "x": 0}


@dataclass(frozen=True)
class Points:
    """The labelled points (``y`` 0 or 1), the name of ``x``, and the best fit (``None`` if there is none)."""

    x: tuple[float, ...]
    y: tuple[int, ...]
    name: str = "x"
    best: tuple[float, float] | None = None

    @property
    def arrays(self) -> tuple[np.ndarray, np.ndarray]:
        return np.array(self.x, dtype=float), np.array(self.y, dtype=int)

    @property
    def x_range(self) -> tuple[float, float]:
        """The x range drawn: the points with a margin of 8% (of 1 or a tenth of x when all x are equal)."""
        lo, hi = min(self.x), max(self.x)
        pad = 0.08 * (hi - lo) if hi > lo else max(1.0, 0.1 * abs(lo))
        return lo - pad, hi + pad

    @property
    def decimals(self) -> int:
        """Decimals that place x to a thousandth of the range drawn (in what is sent)."""
        lo, hi = self.x_range
        return int(max(0, 3 - np.floor(np.log10(hi - lo))))


def sigmoid_curve(points: Points, w, b) -> tuple[np.ndarray, np.ndarray]:
    """The sigmoid of ``w·x + b``, sampled where it bends (``|h| <= 6``) and at both ends of the range.

    ``w`` and ``b`` are numbers or arrays of ``k`` positions; returns ``x`` and ``p`` of shape ``(k, 23)``.
    """
    lo, hi = points.x_range
    w, b = np.broadcast_arrays(*(np.atleast_1d(np.asarray(v, dtype=float)) for v in (w, b)))
    flat = w == 0
    xs = (CURVE_H[None, :] - b[:, None]) / np.where(flat, 1.0, w)[:, None]
    xs = np.where(flat[:, None], np.linspace(lo, hi, CURVE_H.size)[None, :], np.clip(xs, lo, hi))
    ends = np.ones((w.size, 1))
    xs = np.round(np.sort(np.concatenate([lo * ends, xs, hi * ends], axis=1), axis=1), points.decimals)
    return xs, sigmoid(log_odds(xs, w[:, None], b[:, None]))  # p at the x sent: the points lie on the curve


def live_figures(points: Points, w: float, b: float, threshold: float, style: Style = SCREEN) -> list[dict]:
    """The three live figures at ``(w, b, threshold)``: the model, the loss curves and the confusion matrix.

    Plain figure dicts in the shared look (:func:`plain_figure`), rebuilt on every move.
    """
    now = _Frame(points, style, [w], [b], [threshold])
    figures = [_model_figure(points, style, now, 0), _curves_figure(style, now, 0), _confusion_figure(style, now, 0)]
    return figures


def slider_sweep(
    points: Points,
    key: str,
    positions: tuple[float, ...],
    others: dict[str, float],
    style: Style = SCREEN,
    readout: Callable[[float, float, float], str] | None = None,
) -> Sweep:
    """The live figures' patches at every position of slider ``key`` (``"w"``, ``"b"`` or ``"threshold"``).

    ``others`` holds the two other sliders' values; ``readout(mean_loss, accuracy, threshold)``
    writes the live readout at each position.
    """
    state = others | {key: np.asarray(positions, dtype=float)}
    frame = _Frame(points, style, *np.broadcast_arrays(state["w"], state["b"], state["threshold"]))
    # The threshold moves no trace of the model or of the losses: only lines, labels and counts.
    patches = [frame.moving(i, model=key != "threshold") for i in range(len(positions))]
    texts = [readout(*frame.readout_numbers(i)) for i in range(len(positions))] if readout else []
    return Sweep(patches, texts)


@functools.lru_cache(maxsize=32)
def cached_sweep(points: Points, key: str, positions: tuple, others: tuple, style: Style, readout=None) -> Sweep:
    """:func:`slider_sweep` (``others`` as ``((key, value), ...)``), kept for the last 32 states in the process.

    Moving w leaves the w sweep as it was, so a move computes the other two. Python's hash of these
    small frozen arguments takes microseconds where ``st.cache_*`` takes about a millisecond, and
    ``st.cache_data`` would copy a few hundred kB per run; the sweeps are only read.
    """
    return slider_sweep(points, key, positions, dict(others), style, readout)


class _Frame:
    """Everything the live figures draw at ``k`` positions, computed for all of them at once."""

    def __init__(self, points: Points, style: Style, w, b, threshold):
        x, y = points.arrays
        self.name, self.sizes, self.projector, self.lo, self.hi = (
            points.name,
            style.sizes,
            style.projector,
            *points.x_range,
        )
        w, b, t = (np.atleast_1d(np.asarray(v, dtype=float)) for v in (w, b, threshold))
        at = self.at = at_positions(x, y, w, b, t)
        curve_x, curve_p = sigmoid_curve(points, w, b)
        self.curve_x, self.curve_p = curve_x, np.round(curve_p, 4)
        self.everywhere = np.all(curve_p >= t[:, None], axis=1).tolist()  # p ≥ t over the whole range
        p, losses = np.round(at.p, 4), np.round(at.losses, 4)
        classes = [np.flatnonzero(y == c) for c in (0, 1)]
        # Each class's p and losses, one row per position (rows of these arrays are sent as they are).
        self.p_of = [np.ascontiguousarray(p[:, c]) for c in classes]
        self.losses_of = [np.ascontiguousarray(losses[:, c]) for c in classes]
        top = np.maximum(3.0, np.ceil(1.1 * at.losses.max(axis=1, initial=0.0)))
        self.w, self.b, self.t, self.top = w.tolist(), b.tolist(), t.tolist(), top.tolist()
        # Lines and labels are placed to 4 decimals, as the figures are shown: shorter to send.
        self.mean, self.boundary = np.round(at.mean_loss, 4).tolist(), np.round(boundary(w, b, t), 4).tolist()
        self.score = np.round(np.column_stack([w * self.lo + b, w * self.hi + b]), 4).tolist()
        self.counts = at.confusion.tolist()
        self.scores = np.column_stack([at.precision, at.recall, at.f1]).tolist()

    def readout_numbers(self, i: int) -> tuple[float, float, float]:
        return self.mean[i], float(self.at.accuracy[i]), self.t[i]

    def moving(self, i: int, model: bool = True) -> list[dict]:
        """What moves in each figure at position ``i``: ``{"merge": {trace: {attribute: value}}, "layout": {...}}``.

        Only the attributes that move are sent (the browser merges them over the figure's traces);
        ``model=False`` leaves out those that only w and b move.
        """
        t, mean = self.t[i], self.mean[i]
        threshold = {"y": [t, t], "text": [f"threshold {format_number(t)}", ""]}
        counts = self.counts[i]
        patches = [
            {"merge": {str(THRESHOLD): threshold}, "layout": {"shapes": self._model_shapes(i), "annotations": self._model_notes(i)}},
            {"merge": {}, "layout": {"shapes": [_vertical(t, "y domain", {"color": MODEL, "dash": "dash", "width": 2})]}},
            {"merge": {"0": {"text": [[f"{short} {counts[r][c]}" for c, (short, _) in enumerate(row)] for r, row in enumerate(CELLS)]}},
             "layout": {"title": self._scores_title(i)}},
        ]  # fmt: skip
        if model:
            patches[0]["merge"] |= {
                str(SCORE): {"y": self.score[i]},
                str(SIGMOID): {"x": self.curve_x[i], "y": self.curve_p[i]},
                str(BARS0): {"y": self.losses_of[0][i]},
                str(BARS1): {"y": self.losses_of[1][i]},
                str(MEAN): {"y": [mean, mean], "text": ["", f"mean loss {format_number(mean, 4)}"]},
            }
            patches[0]["layout"]["yaxis3"] = _loss_axis(self.top[i], self.projector)
            on_curves = {str(ON_CURVE0 + c): {"x": self.p_of[c][i], "y": self.losses_of[c][i]} for c in (0, 1)}
            patches[1]["merge"] = on_curves
            patches[1]["layout"]["yaxis"] = {"title": {"text": "loss"}, "range": [0, max(5.0, 1.05 * self.top[i])]}
        return patches

    def _model_shapes(self, i: int) -> list[dict]:
        xb, lo, hi = self.boundary[i], self.lo, self.hi
        # The side called class 1, lightly shaded: right of the boundary when w > 0, left when w < 0.
        if math.isnan(xb):  # w = 0, or a threshold of 0 or 1: all of the range or none of it
            side = (lo, hi) if self.everywhere[i] else None
        else:
            cut = min(max(xb, lo), hi)
            side = (cut, hi) if self.w[i] > 0 else (lo, cut)
        shapes = []
        if side and side[1] > side[0]:
            shapes.append(
                {"type": "rect", "xref": "x", "x0": side[0], "x1": side[1], "yref": "y domain", "y0": 0, "y1": 1,
                 "fillcolor": C1, "opacity": 0.07, "line": {"width": 0}, "layer": "below"}
            )  # fmt: skip
        if lo <= xb <= hi:
            shapes.append(_vertical(xb, "paper", {"color": MODEL, "dash": "dot", "width": 1.5}))
        return shapes

    def _model_notes(self, i: int) -> list[dict]:
        xb = self.boundary[i]
        if not self.lo <= xb <= self.hi:
            return []
        left = xb < (self.lo + self.hi) / 2  # the label goes to the roomier side of the line
        place = {"xanchor": "left", "xshift": 4} if left else {"xanchor": "right", "xshift": -4}
        return [_note("x", xb, "y domain", 0.2, f"boundary {self.name} = {format_number(xb, 2)}", **place)]

    def _scores_title(self, i: int) -> dict:
        p, r, f1 = (format_number(v, 4) for v in self.scores[i])
        text = f"p ≥ {format_number(self.t[i])} is called class 1<br>precision {p} · recall {r} · F1 {f1}"
        return {"text": text, "font": {"size": self.sizes["font"]}, "x": 0.02, "xanchor": "left"}


def _merged(traces: list[dict], patch: dict) -> dict:
    """The traces with the patch's moving attributes merged in, and its layout: a figure at one position."""
    return apply_patch({"data": traces, "layout": {}}, patch)


def plain_figure(traces: list[dict], style: Style, *, height: int, **layout) -> dict:
    """A figure as plotly.js reads it, in the shared look of :func:`app.figure_base.new_figure`, without
    building plotly's objects: a live figure is rebuilt on every move, where those cost ~5 ms a figure.
    ``layout`` joins the shared layout at its top level, as in ``new_figure``; the tests check the
    result with plotly's validation (``tests/figures/test_logistic.py``)."""
    return {"data": traces, "layout": _shared_layout(style) | {"height": height} | layout}


@functools.cache
def _shared_layout(style: Style) -> dict:
    """The layout of an empty ``new_figure``: the shared look and template."""
    return figure_json(new_figure(style=style))["layout"]


def _across(yref: str, y: float, line: dict) -> dict:
    """A horizontal line at ``y`` of axis ``yref``, across the plot."""
    return {"type": "line", "xref": "x domain", "x0": 0, "x1": 1, "yref": yref, "y0": y, "y1": y, "line": line}


def _vertical(x: float, yref: str, line: dict) -> dict:
    """A vertical line at ``x``, across the whole plot (``"paper"``) or one y axis's domain (``"y domain"``)."""
    return {"type": "line", "xref": "x", "x0": x, "x1": x, "yref": yref, "y0": 0, "y1": 1, "line": line}


def _note(xref: str, x, yref: str, y, text: str, **place) -> dict:
    """A label in the model's purple on a pale box."""
    return {"xref": xref, "x": x, "yref": yref, "y": y, "text": text, "showarrow": False, "bgcolor": LABEL_BOX,
            "font": {"color": MODEL}} | place  # fmt: skip


def _loss_axis(top: float, projector: bool) -> dict:
    # Few ticks on the wall, where the loss panel is short and the type large.
    return {
        "title": {"text": "loss"},
        "domain": [0.0, 0.32],
        "anchor": "x",
        "range": [0, top],
        "nticks": 3 if projector else 5,
    }


def _line(name: str, yaxis: str, line: dict, textposition: str = "top right") -> dict:
    """A labelled line across the x range (its y and its label's text move)."""
    return {"type": "scatter", "name": name, "yaxis": yaxis, "mode": "lines+text", "textposition": textposition,
            "textfont": {"color": MODEL}, "line": line, "hoverinfo": "skip", "showlegend": False, "cliponaxis": False}  # fmt: skip


def _model_figure(points: Points, style: Style, frame: _Frame, i: int) -> dict:
    """The sigmoid over the points (top), each point's loss as a bar under it (bottom), on one x axis."""
    s, (x, y), ends = style.sizes, points.arrays, list(points.x_range)
    # Sampled as the model's curve is (every live figure is redrawn on each move: few points each).
    grid, best = (a[0] for a in sigmoid_curve(points, *points.best)) if points.best else (np.array([]), np.array([]))
    best = np.round(best, 4)
    traces = [
        {"type": "scatter", "x": grid, "y": best, "mode": "lines", "name": "best fit", "hoverinfo": "skip",
         "showlegend": bool(points.best), "line": {"color": NEUTRAL, "width": s["line"], "dash": "dot", "shape": "spline", "smoothing": 0.6}},
        {"type": "scatter", "x": ends, "yaxis": "y2", "mode": "lines", "name": "h = w·x + b", "showlegend": False,
         "hoverinfo": "skip", "line": {"color": PALETTE["a"], "width": s["line"] * 0.8, "dash": "dash"}},
        {"type": "scatter", "mode": "lines", "name": "p = σ(h)", "showlegend": False, "hoverinfo": "skip",
         "line": {"color": MODEL, "width": s["line"] * 1.3, "shape": "spline", "smoothing": 0.6}},
        _line("threshold", "y", {"color": MODEL, "dash": "dash", "width": 1.5}) | {"x": ends},
    ]  # fmt: skip
    for cls, colour, symbol in ((0, C0, "circle"), (1, C1, "diamond")):
        traces.append(
            {"type": "scatter", "x": x[y == cls], "y": y[y == cls], "mode": "markers", "name": f"class {cls}",
             "marker": {"color": colour, "size": s["marker"] + 2, "symbol": symbol, "line": {"color": "white", "width": 1}},
             "hovertemplate": f"{points.name} = %{{x}}<br>y = {cls}<extra></extra>"}
        )  # fmt: skip
    for cls in (0, 1):
        traces.append(
            {"type": "bar", "x": x[y == cls], "yaxis": "y3", "width": (ends[1] - ends[0]) / 110,
             "name": f"loss of class {cls}", "showlegend": False, "marker": {"color": C1 if cls else C0, "line": {"width": 0}},
             "hovertemplate": f"{points.name} = %{{x}}, y = {cls}<br>loss = %{{y:.4f}}<extra></extra>"}
        )  # fmt: skip
    traces.append(_line("mean loss", "y3", {"color": MODEL, "dash": "dash", "width": 2}, "top left") | {"x": ends})
    figure = _merged(traces, frame.moving(i)[0])
    return plain_figure(
        figure["data"],
        style,
        height=MODEL_HEIGHT[style.projector],
        xaxis={"title": {"text": points.name}, "anchor": "y3", "range": ends},
        # The curves are named by their axes, in their colours: the legend keeps to one short line.
        yaxis={"title": {"text": "p = σ(h)", "font": {"color": MODEL}}, "domain": [0.44, 1.0], "range": [-0.08, 1.08],
               "tickvals": [0, 0.5, 1]},
        # h = 0 sits level with p = 0.5: both axes span the same share around their centres.
        yaxis2={"title": {"text": "h = w·x + b", "font": {"color": PALETTE["a"]}}, "overlaying": "y", "side": "right",
                "showgrid": False, "zeroline": False, "range": [-H_RANGE * 1.16, H_RANGE * 1.16],
                "tickvals": [-8, -4, 0, 4, 8]},
        legend=_shared_layout(style)["legend"] | {"font": {"size": round(0.85 * s["font"]) if style.projector else s["font"]}},
        barmode="overlay",
        **figure["layout"],
    )  # fmt: skip


def _curves_figure(style: Style, frame: _Frame, i: int) -> dict:
    """The two loss curves, -ln p for class 1 and -ln(1 - p) for class 0, each point on its own."""
    s = style.sizes
    ps = np.round(sigmoid(np.linspace(-6.2, 6.2, 90)), 4)  # dense near 0 and 1, where the curves climb
    traces = [
        {"type": "scatter", "x": ps, "y": np.round(-np.log(ps), 4), "mode": "lines", "name": "y = 1: −ln p",
         "line": {"color": C1, "width": s["line"]}, "hoverinfo": "skip"},
        {"type": "scatter", "x": ps, "y": np.round(-np.log1p(-ps), 4), "mode": "lines", "name": "y = 0: −ln(1 − p)",
         "line": {"color": C0, "width": s["line"], "dash": "dash"}, "hoverinfo": "skip"},
    ]  # fmt: skip
    for cls in (0, 1):
        traces.append(
            {"type": "scatter", "mode": "markers", "showlegend": False,
             "marker": {"color": C1 if cls else C0, "size": s["marker"], "symbol": "diamond" if cls else "circle",
                        "line": {"color": "white", "width": 1}},
             "hovertemplate": f"y = {cls}<br>p = %{{x:.4f}}<br>loss = %{{y:.4f}}<extra></extra>"}
        )  # fmt: skip
    figure = _merged(traces, frame.moving(i)[1])
    xaxis = {"title": {"text": "p, the predicted probability of class 1"}, "range": [0, 1]}
    return plain_figure(figure["data"], style, height=style.scaled(300), xaxis=xaxis, **figure["layout"])


def _confusion_figure(style: Style, frame: _Frame, i: int) -> dict:
    """The confusion matrix at the threshold: rows the true class, columns the predicted one; right cells green."""
    cells = {
        "type": "heatmap",
        "z": [[1, 0], [0, 1]],  # right (the diagonal) or wrong, not the counts: the colours stay put
        "x": PREDICTED,
        "y": TRUE,
        "texttemplate": "%{text}",
        "textfont": {"size": style.sizes["font"] + 4, "color": INK},  # the counts, read from the back of the room
        "customdata": [[f"{long} ({short})" for short, long in row] for row in CELLS],
        "hovertemplate": "%{y}, %{x}: %{customdata}<extra></extra>",
        "colorscale": [[0, WRONG_FILL], [1, RIGHT_FILL]],
        "zmin": 0,
        "zmax": 1,
        "showscale": False,
        "xgap": 3,
        "ygap": 3,
    }
    figure = _merged([cells], frame.moving(i)[2])
    fixed = {"fixedrange": True, "showgrid": False, "zeroline": False}
    return plain_figure(
        figure["data"],
        style,
        height=style.scaled(300),
        xaxis=fixed,
        yaxis=fixed | {"autorange": "reversed"},
        margin={"l": 10, "r": 10, "t": 75, "b": 10},
        **figure["layout"],
    )


def points_table(points: Points, h, p, losses, threshold: float) -> dict[str, np.ndarray]:
    """The points as a table, sorted by x: x, y, h, p, the decision at the threshold and the loss."""
    x, y = points.arrays
    order = np.argsort(x, kind="stable")
    return {
        points.name: x[order],
        "y": y[order],
        "h = w·x + b": np.round(h[order], 4),
        "p = σ(h)": np.round(p[order], 4),
        "predicted": (p[order] >= threshold).astype(int),
        "loss": np.round(losses[order], 4),
    }


# ---------------------------------------------------------------- training (drawn on release, not live)
def descent_window(centre, start, path: np.ndarray, n: int = 61) -> tuple[np.ndarray, np.ndarray]:
    """A (w, b) grid around ``centre`` (the best fit, else the start) wide enough for the start and the path."""
    spans = []
    for axis, least in ((0, 0.5), (1, 5.0)):
        reach = abs(start[axis] - centre[axis]) * 1.2, float(np.ptp(path[:, axis])) * 1.2
        spans.append(max(least, 1.5 * abs(centre[axis]), *reach))
    return tuple(np.linspace(c - span, c + span, n) for c, span in zip(centre, spans))


def descent_surface(
    ws: np.ndarray,
    bs: np.ndarray,
    losses: np.ndarray,
    path: np.ndarray,
    start: tuple[float, float],
    best: tuple[float, float] | None,
    style: Style = SCREEN,
) -> go.Figure:
    """The loss over (w, b) (log scale, darker is lower), the descent path, its start and end, the best fit."""
    s = style.sizes
    traces = [
        {"type": "contour", "x": ws, "y": bs, "z": np.log10(losses), "colorscale": RESULT_SCALE, "reversescale": True,
         "ncontours": 25, "showscale": False, "contours": {"coloring": "heatmap"}, "line": {"width": 0.5},
         "hovertemplate": "w = %{x:.3f}<br>b = %{y:.2f}<extra></extra>"},
        {"type": "scatter", "x": path[:, 0], "y": path[:, 1], "mode": "lines", "name": "descent path",
         "line": {"color": PALETTE["b"], "width": s["line"]}},
        {"type": "scatter", "x": [start[0]], "y": [start[1]], "mode": "markers", "name": "start (the sliders)",
         "marker": {"color": PALETTE["highlight"], "size": s["marker"] + 4, "line": {"color": INK, "width": 1.5}}},
        {"type": "scatter", "x": [path[-1, 0]], "y": [path[-1, 1]], "mode": "markers", "name": "after the last step",
         "marker": {"color": PALETTE["b"], "size": s["marker"] + 2, "symbol": "x"}},
    ]  # fmt: skip
    if best:
        traces.append(
            {"type": "scatter", "x": [best[0]], "y": [best[1]], "mode": "markers", "name": "best fit",
             "marker": {"color": "white", "size": s["marker"] + 4, "symbol": "star", "line": {"color": INK, "width": 1.5}}}
        )  # fmt: skip
    return new_figure(
        *traces,
        style=style,
        height=420,
        xaxis={"title": {"text": "w"}, "range": [ws[0], ws[-1]]},
        yaxis={"title": {"text": "b"}, "range": [bs[0], bs[-1]]},
        legend=BOTTOM_LEGEND,
    )


def descent_losses(losses: np.ndarray, best_loss: float | None, style: Style = SCREEN) -> go.Figure:
    """The mean logistic loss after each step of gradient descent, with the best loss as a dotted line."""
    shapes, notes = [], []
    if best_loss is not None:
        shapes = [_across("y", best_loss, {"color": NEUTRAL, "dash": "dot"})]
        notes = [_note("x domain", 1, "y", best_loss, f"best {format_number(best_loss, 4)}", xanchor="right",
                       yanchor="bottom") | {"font": {"color": NEUTRAL}}]  # fmt: skip
    line = {"type": "scatter", "x": np.arange(len(losses)), "y": losses, "mode": "lines", "name": "loss",
            "line": {"color": PALETTE["b"], "width": style.sizes["line"]}, "showlegend": False}  # fmt: skip
    return new_figure(
        line,
        style=style,
        height=240,
        shapes=shapes,
        annotations=notes,
        xaxis={"title": {"text": "step"}},
        yaxis={"title": {"text": "mean logistic loss"}},
    )
