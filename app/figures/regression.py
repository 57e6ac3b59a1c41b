"""Linear regression: the points and the model, the loss surface, training, and the degree curve.

Pure builders: arrays and a :class:`Style` in, plotly figures out. The live element's sweeps
(:func:`line_sweeps`) are built from ``core.regression``'s vectorised predictions, one row per
slider position, not by building a figure per position.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence

import numpy as np
import plotly.graph_objects as go

from app.figure_base import SCREEN, Style, line_across, new_figure
from app.palette import PALETTE as P
from app.palette import RESULT_SCALE
from app.sweeps import Slider, Sweep, figure_json
from core import regression as reg
from core.text import format_number

GRID = 41  # contours interpolate between grid points; 41 x 41 keeps each rerun small
RESIDUAL_LIMIT = 2_000  # points whose residual segments and squares are drawn
LIVE_RESIDUAL_LIMIT = 100  # ... and follow a drag (each slider position carries them all)
PLOT_ASPECT = 1.3  # width / height of a plot area, what the residual squares are drawn square for
RESIDUAL_WIDTH = 0.002  # of the x range per unit of line width: a residual's bar is about as wide as a line
LIVE_HEIGHT = 360  # px of each live figure; on a projector 375 (not 450), so that it fits a 720 px wall
PLAY_FRAMES = 40  # at most: building frames cost more than the rest of the figure
# Names of the traces that the sliders move (the sweeps find them by name).
RESIDUALS, SQUARES, MODEL, LINE, CURRENT = (
    "residuals y − ŷ",
    "squared residuals",
    "model ŷ",
    "line w·x + b",
    "your (w, b)",
)


def log_axis(values: np.ndarray) -> dict:
    """A log axis for ``values`` whose every tick reads as a whole number (no bare "5 2" between
    decades): powers of ten over many decades, 1, 2 and 5 of each decade over a few, every digit
    within one, evenly spaced round numbers within half a decade."""
    values = np.asarray(values, dtype=float)
    values = values[np.isfinite(values) & (values > 0)]
    if not values.size:
        return {"type": "log"}
    low, high = np.floor(np.log10(values.min())), np.ceil(np.log10(values.max()))
    span = np.log10(values.max() / values.min())
    if span < 0.5:  # less than half a decade: evenly spaced round numbers
        step = reg.nice_step(float(np.ptp(values)) or values.max(), 4)
        ticks = [float(f"{v:.10g}") for v in np.arange(np.floor(values.min() / step), values.max() / step + 1) * step]
        return {"type": "log", "tickvals": [t for t in ticks if t > 0], "tickformat": "~g"}
    digits = (1,) if span > 4 else (1, 2, 5) if span > 1 else tuple(range(1, 10))
    every = max(1, int(np.ceil((high - low) / 7)))  # at most about eight powers of ten: a diverging loss spans many
    ticks = [float(f"{m}e{int(e)}") for e in np.arange(low, high + 1, every) for m in digits]
    shown = [t for t in ticks if values.min() / 1.5 <= t <= values.max() * 1.5]
    return {"type": "log", "tickvals": shown, "tickformat": "~g"}


def y_range(y: np.ndarray) -> list[float]:
    """The data picture's y range: the points with room for lines that miss them (fixed while w and b move)."""
    spread = float(np.ptp(y)) or 1.0
    return [float(y.min()) - 0.35 * spread, float(y.max()) + 0.35 * spread]


def x_range(x: np.ndarray) -> list[float]:
    pad = 0.04 * (float(np.ptp(x)) or 1.0)
    return [float(x.min()) - pad, float(x.max()) + pad]


def residual_bars(y: np.ndarray, y_hats: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each residual as a thin bar from the model up or down to its point: (base, height) = (ŷ, y − ŷ).

    Bars rather than line segments: a move changes two numbers per point, sent for every slider
    position (segments need three, and gaps between them). ``y_hats`` has shape ``(m,)`` or
    ``(k, m)`` (one row per slider position), and so have the arrays returned.
    """
    y_hats = np.asarray(y_hats, dtype=float)
    return y_hats, y - y_hats


def square_bars(
    x: np.ndarray, y: np.ndarray, y_hats: np.ndarray, xr: list[float], yr: list[float]
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Each residual as a square beside its bar, pointing inward: (centre x, width, base, height) of a bar.

    A square must look square without forcing equal scales on the axes (which squeezed the plot:
    areas span 1.6 and prices 8), so its width in x units is its side scaled by the plot's units
    per pixel, for a plot area ``PLOT_ASPECT`` times wider than tall.
    """
    y_hats = np.asarray(y_hats, dtype=float)
    per_y = (xr[1] - xr[0]) / (yr[1] - yr[0]) / PLOT_ASPECT
    width = np.abs(y - y_hats) * per_y
    direction = np.where(x > np.median(x), -1.0, 1.0)
    return x + direction * width / 2, width, y_hats, y - y_hats


def data_picture(
    x: np.ndarray,
    y: np.ndarray,
    test: np.ndarray,
    y_hat: np.ndarray,
    curve: tuple[np.ndarray, np.ndarray],
    *,
    best: tuple[np.ndarray, np.ndarray] | None = None,
    line: tuple[np.ndarray, np.ndarray] | None = None,
    squares: bool = False,
    user: bool = False,
    style: Style = SCREEN,
) -> dict:
    """The points, the model's curve and what it misses at each point, as a figure dict.

    ``curve`` is the model drawn as (x, ŷ); ``best`` the least-squares line (dashed), if shown;
    ``line`` the line w·x + b when the model is a polynomial (what the sliders steer then).
    ``test`` marks the held-out points (hollow diamonds).
    """
    s = style.sizes
    xr, yr = x_range(x), y_range(y)
    traces = []
    if len(x) <= RESIDUAL_LIMIT:
        if squares:
            traces.append(_squares_trace(*square_bars(x, y, y_hat, xr, yr)))
        traces.append(_residuals_trace(x, *residual_bars(y, y_hat), RESIDUAL_WIDTH * (xr[1] - xr[0]) * s["line"]))
    if best is not None:
        traces.append(
            {"type": "scatter", "x": best[0], "y": best[1], "mode": "lines", "name": "least squares",
             "line": {"color": P["neutral"], "width": s["line"], "dash": "dash"}, "opacity": 0.7}
        )  # fmt: skip
    if line is not None:
        traces.append(_line_trace(*line, s))
    model = {"color": P["result"], "width": s["line"] * 1.4}
    traces.append({"type": "scatter", "x": curve[0], "y": curve[1], "mode": "lines", "name": MODEL, "line": model})
    split = bool(np.any(test))
    marker = {"color": P["a"], "size": s["marker"] if len(x) <= 500 else 4, "line": {"color": "#FFFFFF", "width": 1}}
    traces.append(
        {"type": "scatter", "x": x[~test], "y": y[~test], "mode": "markers", "marker": marker,
         "name": "training points" if split else "points", "showlegend": split,
         "hovertemplate": "x = %{x:.4g}<br>y = %{y:.4g}<extra></extra>"}
    )  # fmt: skip
    if split:
        hollow = {
            "color": "#FFFFFF",
            "size": s["marker"] + 2,
            "symbol": "diamond",
            "line": {"color": P["class0"], "width": 2},
        }
        traces.append(
            {"type": "scatter", "x": x[test], "y": y[test], "mode": "markers", "name": "test points", "marker": hollow,
             "hovertemplate": "test: x = %{x:.4g}<br>y = %{y:.4g}<extra></extra>"}
        )  # fmt: skip
    figure = plain_figure(
        traces,
        style,
        height=LIVE_HEIGHT,
        xaxis={"title": {"text": "x" if user else "area x (100 m²)"}, "range": xr},
        yaxis={"title": {"text": "y" if user else "price y (100 000 €)"}, "range": yr},
        barmode="overlay",  # each residual's bar and square stand at their own point, not side by side
    )
    # The key inside the plot, in its top left corner, which rising points leave empty: above the plot
    # it took up to five lines of a figure half a wall wide, and the plot shrank to a strip.
    figure["layout"]["legend"] |= {
        "orientation": "v",
        "x": 0.01,
        "y": 0.99,
        "yanchor": "top",
        "bgcolor": "rgba(255,255,255,0.8)",
    }
    return figure


def plain_figure(traces: list[dict], style: Style, *, height: int, **layout) -> dict:
    """A figure as plotly.js reads it, in the shared look of :func:`app.figure_base.new_figure`,
    without plotly's objects: the live figures are rebuilt on every move, where those cost several
    ms a figure. ``layout`` joins the shared layout at its top level, as in ``new_figure``;
    ``tests/figures/test_regression.py`` checks these figures with plotly's validation."""
    shared = _shared_layout(style)
    legend = shared["legend"] | {"font": {"size": max(12, round(style.sizes["font"] * 0.8))}}  # fewer lines
    height = 375 if style.projector and height == LIVE_HEIGHT else style.scaled(height)
    return {"data": traces, "layout": shared | {"height": height, "legend": legend} | layout}


@functools.cache
def _shared_layout(style: Style) -> dict:
    """The layout of an empty ``new_figure``: the shared look and its template."""
    return figure_json(new_figure(style=style))["layout"]


def _residuals_trace(x, base, height, width: float) -> dict:
    return {"type": "bar", "x": x, "base": base, "y": height, "width": width, "name": RESIDUALS,
            "marker": {"color": P["b"], "line": {"width": 0}}, "hoverinfo": "skip"}  # fmt: skip


def _squares_trace(centre, width, base, height) -> dict:
    return {"type": "bar", "x": centre, "width": width, "base": base, "y": height, "name": SQUARES, "opacity": 0.6,
            "marker": {"color": P["b_fill"], "line": {"color": P["b"], "width": 1}}, "hoverinfo": "skip"}  # fmt: skip


def _line_trace(lx, ly, s) -> dict:
    return {
        "type": "scatter",
        "x": lx,
        "y": ly,
        "mode": "lines",
        "name": LINE,
        "line": {"color": P["neutral"], "width": s["line"], "dash": "dashdot"},
    }


def surface_traces(
    x: np.ndarray, y: np.ndarray, w_range, b_range, optimum: tuple[float, float] | None, style: Style = SCREEN
) -> list[dict]:
    """The loss surface's traces that w and b do not move: the MSE of every line (w, b) of a
    GRID x GRID mesh as contours (``core.regression.mse_grid``), and the least-squares optimum (a star).

    Plain JSON data (cached by the page across reruns): the hover text is written once.
    """
    ws, bs, grid, text = loss_grid(x, y, w_range, b_range)
    contour = _contour(ws, bs, grid, text.tolist())
    # No colour bar: room for the plot beside the points. Colours to 1e-4 of a decade: a smaller message.
    traces = [contour | {"showscale": False, "z": np.round(contour["z"], 4)}]
    if optimum is not None:
        traces.append(_optimum(optimum, style.sizes))
    return figure_json({"data": traces, "layout": {}})["data"]


def loss_surface(traces: list[dict], w: float, b: float, ranges, style: Style = SCREEN) -> dict:
    """The live loss surface: ``traces`` (from :func:`surface_traces`) and the sliders' (w, b)."""
    return plain_figure(
        [traces[0], current_point(w, b, style.sizes), *traces[1:]],  # the star over the dot when they meet
        style,
        height=LIVE_HEIGHT,
        xaxis={"title": {"text": "w (slope)"}, "range": list(ranges[0])},
        yaxis={"title": {"text": "b (intercept)"}, "range": list(ranges[1])},
    )


def _contour(ws, bs, grid, text) -> dict:
    return {
        "type": "contour",
        "x": ws,
        "y": bs,
        "z": np.log10(np.maximum(grid, 1e-12)),
        "colorscale": RESULT_SCALE,
        "ncontours": 24,
        "contours": {"coloring": "fill", "showlines": True},  # bands: half the time of a heatmap to draw
        "line": {"color": "rgba(60,60,60,0.25)", "width": 0.6},
        "text": text,
        "hovertemplate": "w = %{x:.3f}<br>b = %{y:.3f}<br>MSE = %{text}<extra></extra>",
        "colorbar": {"title": {"text": "log₁₀ MSE", "side": "right"}, "thickness": 12},
        "name": "MSE",
    }


def _optimum(optimum: tuple[float, float], s: dict) -> dict:
    return {
        "type": "scatter",
        "x": [optimum[0]],
        "y": [optimum[1]],
        "mode": "markers",
        "name": "optimum",
        "marker": {
            "color": P["a"],
            "size": s["marker"] + 6,
            "symbol": "star",
            "line": {"color": "#1F2430", "width": 1},
        },
        "hovertemplate": "least squares: w = %{x:.4f}, b = %{y:.4f}<extra></extra>",
    }


def current_point(w: float, b: float, s: dict) -> dict:
    return {
        "type": "scatter",
        "x": [w],
        "y": [b],
        "mode": "markers",
        "name": CURRENT,
        "marker": {"color": P["highlight"], "size": s["marker"] + 5, "line": {"color": "#1F2430", "width": 2}},
        "hovertemplate": "sliders: w = %{x:.4g}, b = %{y:.4g}<extra></extra>",
    }


STEP_T, STEP_MARK = "step t", "MSE at step t"  # the traces the step slider moves


def training_scene(
    surface: list[dict],
    start: tuple[float, float],
    path: np.ndarray,
    losses: np.ndarray,
    ranges,
    step: Slider,
    best_mse: float,
    readout: Callable[[int, float, float, float], str],
    style: Style = SCREEN,
) -> tuple[list[dict], dict[str, Sweep]]:
    """Gradient descent on the loss surface and its loss curve, and their sweep over the step slider.

    ``surface`` is :func:`surface_traces`; ``path`` (steps done + 1, 2) and ``losses`` come from
    ``core.regression.descend`` started at ``start``, the sliders' (w, b). The path is drawn whole
    and the slider moves the point of step t along it and along the loss curve; a position past a
    diverged path's end shows its last step. ``readout(t, w_t, b_t, loss_t)`` is the live readout.
    """
    s = style.sizes
    done = len(losses) - 1
    steps = np.minimum(np.asarray(step.values, dtype=int), done)
    path = np.ascontiguousarray(path)  # its columns go to JSON as arrays
    walk = {
        "type": "scatter",
        "x": path[:, 0].copy(),
        "y": path[:, 1].copy(),
        "mode": "lines+markers",
        "name": "gradient descent path",
        "line": {"color": P["b"], "width": s["line"] * 0.6},
        "marker": {"size": 4},
        "hoverinfo": "skip",
    }
    mark = {"color": P["b"], "size": s["marker"] + 4, "line": {"color": "#1F2430", "width": 1.5}}
    point = {
        "type": "scatter",
        "x": [path[-1, 0]],
        "y": [path[-1, 1]],
        "mode": "markers",
        "name": STEP_T,
        "marker": mark,
        "hovertemplate": "step t: w = %{x:.4f}, b = %{y:.4f}<extra></extra>",
    }
    surface_figure = plain_figure(
        [surface[0], walk, current_point(*start, s), point, *surface[1:]],
        style,
        height=LIVE_HEIGHT,
        xaxis={"title": {"text": "w (slope)"}, "range": list(ranges[0])},
        yaxis={"title": {"text": "b (intercept)"}, "range": list(ranges[1])},
    )
    shapes, labels = (
        line_across(y=best_mse, line={"color": P["a"], "dash": "dash", "width": 1.5}, text="best MSE", log_y=True)
        if best_mse > 0
        else ([], [])
    )
    curve = {
        "type": "scatter",
        "x": np.arange(done + 1),
        "y": losses,
        "mode": "lines",
        "name": "MSE at each step",
        "line": {"color": P["b"], "width": s["line"]},
        "hovertemplate": "step %{x}: MSE = %{y:.4g}<extra></extra>",
    }
    marker = {"type": "scatter", "x": [done], "y": [losses[-1]], "mode": "markers", "name": STEP_MARK, "marker": mark}
    loss_figure = plain_figure(
        [curve, marker],
        style,
        height=LIVE_HEIGHT,
        xaxis={"title": {"text": "step"}},
        yaxis={"title": {"text": "MSE (log scale)"}, **log_axis(np.append(losses, best_mse))},
        shapes=shapes,
        annotations=labels,
    )
    figures = [figure_json(surface_figure), figure_json(loss_figure)]
    at_point, at_mark = str(trace_index(figures[0], STEP_T)), str(trace_index(figures[1], STEP_MARK))
    patches = [
        [{"merge": {at_point: {"x": [path[k, 0]], "y": [path[k, 1]]}}, "layout": {}},
         {"merge": {at_mark: {"x": [int(k)], "y": [losses[k]]}}, "layout": {}}]
        for k in steps
    ]  # fmt: skip
    readouts = [readout(int(k), path[k, 0], path[k, 1], losses[k]) for k in steps]
    return figures, {step.key: Sweep(patches, readouts)}


def at_step(figures: list[dict], path: np.ndarray, losses: np.ndarray, t: int) -> list[dict]:
    """The training figures with the point of step ``t`` where it is (as sent after a rerun)."""
    surface, curve = (dict(f, data=list(f["data"])) for f in figures)
    i, j = trace_index(surface, STEP_T), trace_index(curve, STEP_MARK)
    surface["data"][i] = surface["data"][i] | {"x": [float(path[t, 0])], "y": [float(path[t, 1])]}
    curve["data"][j] = curve["data"][j] | {"x": [t], "y": [float(losses[t])]}
    return [surface, curve]


def degree_curve(train_mse: np.ndarray, test_mse: np.ndarray | None, degree: int, style: Style = SCREEN) -> go.Figure:
    """Training MSE (and test MSE with the split) by polynomial degree, the current degree marked."""
    s = style.sizes
    degrees = np.arange(1, len(train_mse) + 1)
    traces = [
        go.Scatter(
            x=degrees,
            y=train_mse,
            mode="lines+markers",
            name="training MSE",
            line={"color": P["a"], "width": s["line"]},
            marker={"size": s["marker"]},
        )
    ]
    if test_mse is not None:
        traces.append(
            go.Scatter(
                x=degrees,
                y=test_mse,
                mode="lines+markers",
                name="test MSE",
                line={"color": P["class0"], "width": s["line"], "dash": "dash"},
                marker={"size": s["marker"], "symbol": "diamond"},
            )
        )
    shapes, labels = line_across(
        x=degree, line={"color": P["result"], "width": 2}, text=f"degree {degree}", position="bottom right"
    )  # below the curves, which start high at degree 1
    return new_figure(
        *traces,
        style=style,
        height=300,
        xaxis={"title": {"text": "polynomial degree"}, "dtick": 1},
        yaxis={
            "title": {"text": "MSE (log scale)"},
            **log_axis(np.append(train_mse, [] if test_mse is None else test_mse)),
        },
        shapes=shapes,
        annotations=labels,
    )


def loss_grid(x: np.ndarray, y: np.ndarray, w_range, b_range) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The MSE over a GRID x GRID mesh of (w, b) (``core.regression.mse_grid``), and its values as hover text."""
    ws, bs = np.linspace(*w_range, GRID), np.linspace(*b_range, GRID)
    grid = reg.mse_grid(x, y, ws, bs)
    return ws, bs, grid, np.vectorize(lambda v: format_number(v, 4))(grid)


def live_scene(
    x: np.ndarray,
    y: np.ndarray,
    test: np.ndarray,
    model: Callable[[np.ndarray], np.ndarray],
    line: tuple[float, float],
    sliders: Sequence[Slider],
    *,
    degree: int,
    best: tuple[float, float] | None,
    surface: tuple | None,
    squares: bool,
    user: bool,
    readout: Callable[..., str],
    style: Style = SCREEN,
) -> tuple[list[dict], dict[str, Sweep]]:
    """The live element's figures (the data picture, and the loss surface unless ``surface`` is None)
    and their sweeps over the w and b ``sliders``' positions.

    ``model`` predicts ŷ from x (the line ``line = (w, b)`` at degree 1, else a polynomial, beside
    which the line is drawn thin); ``best`` is the least-squares (w, b), drawn dashed at degree 1
    (None: hidden); ``surface`` is the traces of :func:`surface_traces`.
    """
    ends = np.array(x_range(x))
    curve_x = ends if degree == 1 else np.linspace(*ends, 200)
    thin = None if degree == 1 else (ends, reg.predict_line(ends, *line))
    dashed = (ends, reg.predict_line(ends, *best)) if best is not None and degree == 1 else None
    picture = data_picture(
        x, y, test, model(x), (curve_x, model(curve_x)), best=dashed, line=thin, squares=squares, user=user, style=style
    )
    ranges = [(s.lowest, s.highest) for s in sliders]
    figures = [picture] + ([loss_surface(surface, *line, ranges, style)] if surface is not None else [])
    figures = [figure_json(f) for f in figures]
    (w, b), (w_slider, b_slider) = line, sliders
    lines = {"w": (np.array(w_slider.values), b), "b": (w, np.array(b_slider.values))}
    return figures, line_sweeps(figures, x, y, ~test, lines, readout, steers_model=degree == 1)


def trace_index(figure: dict, name: str) -> int | None:
    """The index of the trace called ``name`` in a figure dict, or None."""
    return next((i for i, t in enumerate(figure["data"]) if t.get("name") == name), None)


def line_sweeps(
    figures: list[dict],
    x: np.ndarray,
    y: np.ndarray,
    train: np.ndarray,
    positions: dict[str, tuple[np.ndarray, np.ndarray]],
    readout: Callable[..., str],
    *,
    steers_model: bool,
) -> dict[str, Sweep]:
    """What the live figures become at every position of the w and b sliders.

    ``positions[key] = (ws, bs)``: the lines at each position of slider ``key`` (the other
    parameter held). ``figures`` are the data picture and, if shown, the loss surface, as sent
    (:func:`app.sweeps.figure_json`). ``steers_model``: the line is the model (degree 1), so its
    residuals and squares move too; otherwise only the line w·x + b does. ``readout(w, b, mse,
    test_mse)`` is the live readout, with the MSE on the ``train`` points and on the others (None
    without a split).
    """
    picture = figures[0]
    xr, yr = picture["layout"]["xaxis"]["range"], picture["layout"]["yaxis"]["range"]
    ends = np.array(xr)
    names = (RESIDUALS, SQUARES, MODEL) if steers_model else (LINE,)
    moving = {n: i for n in names if (i := trace_index(picture, n)) is not None}
    # Too many residuals to send for every position: hidden while the hand moves, back on release.
    hidden = {n: moving.pop(n) for n in (RESIDUALS, SQUARES) if n in moving and len(x) > LIVE_RESIDUAL_LIMIT}
    surface = trace_index(figures[1], CURRENT) if len(figures) > 1 else None
    y_decimals, x_decimals = _decimals(yr), _decimals(xr)  # drawn rounded, computed exact
    test = ~train
    sweeps = {}
    for key, (ws, bs) in positions.items():
        ws, bs = np.broadcast_arrays(np.asarray(ws, dtype=float), np.asarray(bs, dtype=float))
        y_hats = reg.predict_lines(x, ws, bs)
        train_mse = reg.mse_of_lines(y[train], y_hats[:, train])
        test_mse = reg.mse_of_lines(y[test], y_hats[:, test]) if test.any() else [None] * len(ws)
        columns = {MODEL: {"y": np.round(reg.predict_lines(ends, ws, bs), y_decimals)}}
        columns[LINE] = columns[MODEL]
        if RESIDUALS in moving:
            columns[RESIDUALS] = dict(zip(("base", "y"), np.round(residual_bars(y, y_hats), y_decimals)))
        if SQUARES in moving:
            centre, width, base, height = square_bars(x, y, y_hats, xr, yr)
            columns[SQUARES] = {"x": np.round(centre, x_decimals), "width": np.round(width, x_decimals)} | {
                "base": np.round(base, y_decimals),
                "y": np.round(height, y_decimals),
            }
        patches = []
        for i in range(len(ws)):
            merge = {str(j): {k: v[i] for k, v in columns[n].items()} for n, j in moving.items()}
            patch = [{"merge": merge | {str(j): {"visible": False} for j in hidden.values()}, "layout": {}}]
            if surface is not None:
                patch.append({"merge": {str(surface): {"x": [ws[i]], "y": [bs[i]]}}, "layout": {}})
            patches.append(patch)
        sweeps[key] = Sweep(patches, [readout(ws[i], bs[i], train_mse[i], test_mse[i]) for i in range(len(ws))])
    return sweeps


def _decimals(y_range: list[float]) -> int:
    """Decimals that draw a coordinate to 1e-4 of the picture's span, far below a pixel: smaller messages."""
    return int(max(0, 4 - np.floor(np.log10(y_range[1] - y_range[0]))))
