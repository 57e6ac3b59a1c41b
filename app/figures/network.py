"""The neural-network page's pictures, and what they become at every sampled step of training.

Three figures follow the steps slider: the **decision regions** with the points (a contour of
p = σ(h(x)) with the boundary p = 0.5), the **network** as nodes and edges (width by the size of
a weight, colour and dash by its sign), and the **loss** over the steps with the current step
marked. What moves with the step is kept apart: the regions' first trace, the network's first
trace (the weights on hover) and its edges (layout shapes), and the loss figure's marker (its
first trace). :func:`step_sweep` replaces only those, from ``core.network``'s vectorised results.
"""

from __future__ import annotations

import base64
from collections.abc import Callable, Sequence

import numpy as np
import plotly.graph_objects as go

from app.figure_base import SCREEN, Style, new_figure
from app.palette import PALETTE, blend
from app.sweeps import Sweep, figure_json
from core import network as nw
from core.text import format_number

GRID = 40  # the decision regions are sampled on GRID x GRID points: smooth enough, small to send
INK = "#1F2430"
SUB = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")
POSITIVE, NEGATIVE = PALETTE["class1"], PALETTE["class0"]
# Light class colours, so the points stay visible on the regions; white where p = 0.5.
REGION_SCALE = [
    [0.0, blend(PALETTE["class0"], "#FFFFFF", 0.55)],
    [0.5, "#FFFFFF"],
    [1.0, blend(PALETTE["class1"], "#FFFFFF", 0.55)],
]
FIXED = {"fixedrange": True}


def sub(k: int) -> str:
    """``k`` as subscript digits: ``sub(12) == '₁₂'``."""
    return str(k).translate(SUB)


def typed_array(values: np.ndarray) -> dict:
    """``values`` as plotly.js's typed array (base64 bytes): 1600 percentages in 2.1 kB, not 4 kB of text."""
    return {
        "dtype": values.dtype.str.lstrip("<|"),
        "bdata": base64.b64encode(np.ascontiguousarray(values).tobytes()).decode(),
        "shape": ", ".join(map(str, values.shape)),
    }


# ---------------------------------------------------------------- the decision regions
def regions_trace(xs: np.ndarray, ys: np.ndarray, P: np.ndarray, style: Style = SCREEN) -> dict:
    """p = σ(h(x)) on the grid, in percent (whole numbers), coloured by class, with the line p = 50 %."""
    return {
        "type": "contour",
        "x0": round(float(xs[0]), 4),  # an even grid: its start and step, not every coordinate
        "dx": round(float(xs[1] - xs[0]), 6),
        "y0": round(float(ys[0]), 4),
        "dy": round(float(ys[1] - ys[0]), 6),
        "z": typed_array(np.rint(100 * np.asarray(P)).astype(np.int8)),
        "zmin": 0,
        "zmax": 100,
        "autocontour": False,
        "contours": {"start": 50, "end": 50, "size": 1, "coloring": "heatmap", "showlines": True},
        "line": {"color": INK, "width": style.sizes["line"]},
        "colorscale": REGION_SCALE,
        "showscale": False,
        "name": "p(class 1)",
        "showlegend": False,
        "hovertemplate": "x₁ = %{x:.2f}, x₂ = %{y:.2f}<br>p(class 1) = %{z} %<extra></extra>",
    }


def regions_figure(
    X: np.ndarray, y: np.ndarray, xs: np.ndarray, ys: np.ndarray, P: np.ndarray, style: Style = SCREEN
) -> go.Figure:
    """The decision regions at one step, the points over them, class 0 as circles and class 1 as diamonds."""
    s = style.sizes
    points = [
        {
            "type": "scatter",
            "x": X[y == label, 0],
            "y": X[y == label, 1],
            "mode": "markers",
            "name": f"class {label}",
            "marker": {
                "symbol": symbol,
                "size": s["marker"] * (0.6 if style.projector else 0.8),  # the bends stay visible
                "color": PALETTE[f"class{label}"],
                "line": {"color": "#FFFFFF", "width": 1},
            },
            "hovertemplate": f"class {label}<br>x₁ = %{{x:.2f}}, x₂ = %{{y:.2f}}<extra></extra>",
        }
        for label, symbol in ((0, "circle"), (1, "diamond"))
    ]
    boundary = {
        "type": "scatter",
        "x": [None],
        "y": [None],
        "mode": "lines",
        "name": "p = 0.5",
        "line": {"color": INK, "width": s["line"]},
    }
    return new_figure(
        regions_trace(xs, ys, P, style),
        *points,
        boundary,
        style=style,
        height=300 if style.projector else 340,  # on the wall, under the first screen's edge
        xaxis=FIXED | {"title": {"text": "x₁"}, "range": [xs[0], xs[-1]]},
        yaxis=FIXED | {"title": {"text": "x₂"}, "range": [ys[0], ys[-1]]},  # filling the box, not to scale
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.02, "x": 0, "font": {"size": s["font"] * 0.85}},
    )


# ---------------------------------------------------------------- the network
def node_positions(hidden: int, n_features: int = 2) -> list[np.ndarray]:
    """Where each layer's nodes sit: inputs at x = 0, hidden units at x = 1, the output after them."""
    layers = [n_features, hidden, 1] if hidden else [n_features, 1]
    return [
        np.column_stack([np.full(n, float(i)), (n - 1) / 2 - np.arange(n, dtype=float)]) for i, n in enumerate(layers)
    ]


def node_names(hidden: int, n_features: int = 2) -> list[list[str]]:
    """The nodes' names, layer by layer: x₁, x₂; a₁ … a_h; p."""
    layers = [[f"x{sub(j + 1)}" for j in range(n_features)]]
    if hidden:
        layers.append([f"a{sub(k + 1)}" for k in range(hidden)])
    return layers + [["p"]]


def edges(params: nw.Params) -> list[tuple[int, int, int, float, str]]:
    """Every weight as an edge: (layer, from node, to node, weight, how the code writes it)."""
    if params.hidden == 0:
        return [(0, j, 0, float(w), f"w[{j}]") for j, w in enumerate(params.w2)]
    into_hidden = [(0, j, k, float(params.W1[j, k]), f"W1[{j}, {k}]") for j, k in np.ndindex(*params.W1.shape)]
    return into_hidden + [(1, k, 0, float(w), f"w2[{k}]") for k, w in enumerate(params.w2)]


def weight_scale(run: nw.Training) -> float:
    """The largest weight of the whole training (biases aside): the widest edge, the same at every step."""
    d, h = run.n_features, run.hidden
    k = d * h
    weights = np.concatenate([run.history[:, :k], run.history[:, k + h : -1]], axis=1)
    return float(max(np.abs(weights).max(), 1e-9))


def edge_shapes(params: nw.Params, scale: float, style: Style = SCREEN) -> list[dict]:
    """The edges as lines: solid and vermillion for a positive weight, dashed and blue for a negative
    one, as wide as the weight is large (relative to ``scale``)."""
    spots = node_positions(params.hidden, params.n_features)
    widest = 3 * style.sizes["line"]
    shapes = []
    for layer, a, b, w, _ in edges(params):
        (x0, y0), (x1, y1) = spots[layer][a], spots[layer + 1][b]
        line = {
            "color": POSITIVE if w >= 0 else NEGATIVE,
            "width": round(0.5 + widest * min(abs(w) / scale, 1.0), 2),
            "dash": "solid" if w >= 0 else "dash",
        }
        shapes.append({"type": "line", "layer": "below", "x0": x0, "y0": y0, "x1": x1, "y1": y1, "line": line})
    return shapes


def weights_trace(params: nw.Params) -> dict:
    """Invisible points along the edges and on the nodes that name each weight and bias on hover."""
    spots = node_positions(params.hidden, params.n_features)
    names = node_names(params.hidden, params.n_features)
    x, y, text = [], [], []
    for layer, a, b, w, code in edges(params):
        (x0, y0), (x1, y1) = spots[layer][a], spots[layer + 1][b]
        t = 0.3 if layer == 0 and params.hidden else 0.5  # apart from the other edges' points
        x.append(round(x0 + t * (x1 - x0), 3))
        y.append(round(y0 + t * (y1 - y0), 3))
        text.append(f"{names[layer][a]} → {names[layer + 1][b]}: weight {format_number(w, 2)} ({code})")
    last = len(spots) - 1
    biases = [(1, k, b, f"b1[{k}]") for k, b in enumerate(params.b1)]
    biases.append((last, 0, params.b2, "b2" if params.hidden else "b"))
    for layer, k, b, code in biases:
        x.append(float(spots[layer][k][0]))
        y.append(round(float(spots[layer][k][1]), 3))
        text.append(f"{names[layer][k]}: bias {format_number(b, 2)} ({code})")
    return {
        "type": "scatter",
        "x": x,
        "y": y,
        "mode": "markers",
        "marker": {"size": 18, "color": "rgba(0,0,0,0)"},
        "hovertext": text,
        "hoverinfo": "text",
        "showlegend": False,
    }


def network_figure(params: nw.Params, activation: str, scale: float, style: Style = SCREEN) -> go.Figure:
    """The network as nodes and weighted edges, inputs on the left and the output p on the right."""
    s = style.sizes
    spots = node_positions(params.hidden, params.n_features)
    names = node_names(params.hidden, params.n_features)
    xy = np.concatenate(spots)
    fills = [PALETTE["a_fill"]] * params.n_features + [PALETTE["result_fill"]] * (params.hidden + 1)
    nodes = {
        "type": "scatter",
        "x": xy[:, 0],
        "y": xy[:, 1],
        "mode": "markers+text",
        "text": [name for layer in names for name in layer],
        "textfont": {"size": s["font"], "color": INK},
        "marker": {"size": s["marker"] * 3, "color": fills, "line": {"color": INK, "width": 1.5}},
        "hoverinfo": "skip",
        "showlegend": False,
    }
    legend = [
        {
            "type": "scatter",
            "x": [None],
            "y": [None],
            "mode": "lines",
            "name": name,
            "line": {"color": colour, "width": s["line"], "dash": dash},
        }
        for name, colour, dash in (("positive weight", POSITIVE, "solid"), ("negative weight", NEGATIVE, "dash"))
    ]
    tallest = max(len(layer) for layer in spots)
    last = len(spots) - 1
    layer_words = ["inputs", f"{activation} units", "output σ"] if params.hidden else ["inputs", "output σ"]
    labels = [
        {
            "x": float(i),
            "y": -(tallest - 1) / 2 - 0.75,
            "text": words,
            "showarrow": False,
            "yanchor": "top",
            "font": {"size": s["font"] * 0.85, "color": PALETTE["neutral"]},
        }
        for i, words in enumerate(layer_words)
    ]
    return new_figure(
        weights_trace(params),
        nodes,
        *legend,
        style=style,
        height=300 if style.projector else 340,
        dragmode=False,
        xaxis={"visible": False, "range": [-0.45, last + 0.45]} | FIXED,
        yaxis={"visible": False, "range": [-(tallest - 1) / 2 - 1.35, (tallest - 1) / 2 + 0.6]} | FIXED,
        shapes=edge_shapes(params, scale, style),
        annotations=labels,
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.02, "x": 0, "font": {"size": s["font"] * 0.85}},
    )


# ---------------------------------------------------------------- the loss over the steps
def loss_axis(losses: np.ndarray, best_line: float) -> tuple[bool, float, float]:
    """Whether the loss axis is logarithmic, and its bottom and top.

    Linear from 0 while the loss stays near ln 2 or below; logarithmic once too large a step
    has sent it far above (a diverging run reaches 10⁹ and more), so both ends stay readable.
    """
    top = max(float(np.max(losses)), np.log(2)) * 1.1
    if top < 10:
        return False, 0.0, top
    return True, 0.5 * min(float(np.min(losses)), best_line), top * 2


def marker_trace(losses: np.ndarray, step: int, bottom: float = 0.0, style: Style = SCREEN) -> dict:
    """The current step on the loss curve: a point, and a dotted line down to the axis at ``bottom``."""
    taken = min(step, len(losses) - 1)
    loss = round(float(losses[taken]), 4)
    return {
        "type": "scatter",
        "x": [taken, taken],
        "y": [bottom, loss],
        "mode": "lines+markers",
        "marker": {"size": [0, style.sizes["marker"] * 1.3], "color": PALETTE["result"]},
        "line": {"color": PALETTE["result"], "width": 1.5, "dash": "dot"},
        "name": "this step",
        "hovertemplate": "step %{x}: loss %{y:.4f}<extra></extra>",
    }


def loss_figure(losses: np.ndarray, step: int, best_line: float, style: Style = SCREEN) -> go.Figure:
    """The mean logistic loss after each step, the current step marked, and two losses to compare
    with: ln 2 (p = 0.5 for every point) and the best straight boundary's, labelled at either end."""
    s = style.sizes
    log, bottom, top = loss_axis(losses, best_line)
    curve = {
        "type": "scatter",
        "x": np.arange(len(losses)),
        "y": np.round(losses, 5),
        "mode": "lines",
        "name": "loss",
        "line": {"color": PALETTE["result"], "width": s["line"]},
        "hovertemplate": "step %{x}: loss %{y:.4f}<extra></extra>",
    }
    references = [
        (np.log(2), "ln 2: p = 0.5 everywhere", PALETTE["neutral"], "left"),
        (best_line, "best line", INK, "right"),
    ]
    shapes = [
        {
            "type": "line",
            "xref": "x domain",
            "x0": 0,
            "x1": 1,
            "y0": value,
            "y1": value,
            "line": {"color": colour, "width": 1.2, "dash": "dash"},
        }
        for value, _, colour, _ in references
    ]
    notes = [  # one at each end, so that two close losses (circles: both ln 2) never overlap
        {
            "xref": "x domain",
            "x": 0 if side == "left" else 1,
            "xanchor": side,
            "y": float(np.log10(value)) if log else value,
            "yanchor": "bottom",
            "text": f"{words} {format_number(value, 4)}",
            "showarrow": False,
            "font": {"size": s["font"] * 0.8, "color": colour},
        }
        for value, words, colour, side in references
    ]
    y_range = [float(np.log10(bottom)), float(np.log10(top))] if log else [0, top]
    return new_figure(
        marker_trace(losses, step, bottom, style),
        curve,
        style=style,
        height=240,
        showlegend=False,
        xaxis=FIXED | {"title": {"text": "gradient-descent steps"}, "range": [0, nw.MAX_STEPS * 1.01]},
        yaxis=FIXED | {"title": {"text": "mean logistic loss"}, "range": y_range, "type": "log" if log else "linear"},
        shapes=shapes,
        annotations=notes,
    )


# ---------------------------------------------------------------- all three, and their sweep
def step_figures(X, y, run: nw.Training, activation: str, step: int, best_line: float, style: Style = SCREEN):
    """The three figures after ``step`` steps, as the live element takes them (plain JSON data)."""
    xs, ys, P = nw.decision_grids(run, activation, *nw.plot_range(X), [step], size=GRID)
    params = run.params_at(min(step, run.steps))
    return [
        figure_json(regions_figure(X, y, xs, ys, P[0], style)),
        figure_json(network_figure(params, activation, weight_scale(run), style)),
        figure_json(loss_figure(run.losses, step, best_line, style)),
    ]


def step_sweep(
    X,
    y,
    run: nw.Training,
    activation: str,
    positions: Sequence[int],
    best_line: float,
    _readout: Callable[[int, float, float, int], str],
    style: Style = SCREEN,
) -> Sweep:
    """What the three figures become at every position of the steps slider: the regions' contour,
    the network's edges and weights, the loss marker; nothing else is sent again. The readout at
    each position is ``_readout(step, loss, accuracy, steps taken)`` (a function: st.cache_data
    hashes no argument whose name starts with ``_``)."""
    xs, ys, P = nw.decision_grids(run, activation, *nw.plot_range(X), positions, size=GRID)
    accuracies = nw.accuracies_at(run, X, y, activation, positions)
    scale = weight_scale(run)
    bottom = loss_axis(run.losses, best_line)[1]
    patches, readouts = [], []
    for step, grid, accuracy in zip(positions, P, accuracies):
        taken = min(step, run.steps)
        params = run.params_at(taken)
        patches.append(
            [
                {"traces": {"0": regions_trace(xs, ys, grid, style)}, "layout": {}},
                {"traces": {"0": weights_trace(params)}, "layout": {"shapes": edge_shapes(params, scale, style)}},
                {"traces": {"0": marker_trace(run.losses, step, bottom, style)}, "layout": {}},
            ]
        )
        readouts.append(_readout(step, float(run.losses[taken]), float(accuracy), run.steps))
    return Sweep(patches, readouts)
