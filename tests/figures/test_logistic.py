"""app.figures.logistic: the live figures draw core's numbers, pass plotly's checks, and every sweep
patch is exactly the figure at its slider position."""

import copy
import json

import numpy as np
import orjson
import plotly.graph_objects as go
import pytest

from app.figure_base import Style
from app.figures import logistic as figures
from app.lessons import logistic as text
from app.patch import apply as apply_patch
from app.sweeps import NUMPY_JSON
from core import logistic, logistic_sweep
from core.text import format_number

X, Y = logistic.bmi_disease()
POINTS = figures.Points(tuple(X.tolist()), tuple(Y.tolist()), "BMI", logistic.best_fit(X, Y))
STATE = {"w": 0.2, "b": -5.0, "threshold": 0.5}
POSITIONS = {
    "w": logistic_sweep.W_POSITIONS,
    "b": logistic_sweep.B_POSITIONS,
    "threshold": logistic_sweep.THRESHOLD_POSITIONS,
}


def as_json(value):
    """What the browser receives: numpy arrays as lists (as app.live sends them)."""
    return orjson.loads(orjson.dumps(value, option=NUMPY_JSON))


def model_traces(figure: dict) -> dict[str, dict]:
    return {trace.get("name"): trace for trace in figure["data"]}


@pytest.mark.parametrize("style", [Style(), Style(projector=True)])
@pytest.mark.parametrize(
    "state", [STATE, {"w": -2.0, "b": 30.0, "threshold": 0.0}, {"w": 0.0, "b": 1.0, "threshold": 1.0}]
)
def test_the_live_figures_pass_plotlys_checks(style, state):
    for figure in figures.live_figures(POINTS, state["w"], state["b"], state["threshold"], style):
        go.Figure(copy.deepcopy(figure))  # validates every property; raises on a misspelt one


@pytest.mark.parametrize("w, b, t", [(0.2, -5.0, 0.5), (0.4, -11.0, 0.3), (-1.0, 25.0, 0.8)])
def test_the_model_figure_draws_cores_numbers(w, b, t):
    model, curves, confusion = as_json(figures.live_figures(POINTS, w, b, t))
    at = logistic_sweep.at_positions(X, Y, w, b, t)
    traces = model_traces(model)
    for cls in (0, 1):
        mine = np.equal(Y, cls)
        bars = traces[f"loss of class {cls}"]
        np.testing.assert_allclose(bars["x"], X[mine])
        np.testing.assert_allclose(bars["y"], np.round(at.losses[0][mine], 4), atol=1e-12)
        on_curve = curves["data"][figures.ON_CURVE1 if cls else figures.ON_CURVE0]
        np.testing.assert_allclose(on_curve["x"], np.round(at.p[0][mine], 4), atol=1e-12)
        np.testing.assert_allclose(on_curve["y"], np.round(at.losses[0][mine], 4), atol=1e-12)
    sigmoid = traces["p = σ(h)"]
    np.testing.assert_allclose(sigmoid["y"], logistic.probability(sigmoid["x"], w, b), atol=6e-5)
    score = traces["h = w·x + b"]
    np.testing.assert_allclose(score["y"], w * np.array(score["x"]) + b, atol=6e-5)
    mean = round(float(at.mean_loss[0]), 4)  # placed to 4 decimals, as shown
    assert (
        traces["mean loss"]["y"] == [mean, mean]
        and f"mean loss {format_number(mean, 4)}" in traces["mean loss"]["text"]
    )
    assert traces["threshold"]["y"] == [t, t]
    counts = {cell.split()[0]: int(cell.split()[1]) for row in confusion["data"][0]["text"] for cell in row}
    (tn, fp), (fn, tp) = at.confusion[0].tolist()
    assert counts == {"TN": tn, "FP": fp, "FN": fn, "TP": tp}
    title = confusion["layout"]["title"]["text"]
    for value in (at.precision[0], at.recall[0], at.f1[0]):
        assert format_number(value, 4) in title


def test_the_boundary_is_drawn_where_p_reaches_the_threshold():
    model = as_json(figures.live_figures(POINTS, 0.4, -11.0, 0.3))[0]
    line = next(s for s in model["layout"]["shapes"] if s["type"] == "line" and s["xref"] == "x")
    assert line["x0"] == round(float(logistic_sweep.boundary(0.4, -11.0, 0.3)), 4)  # placed to 4 decimals
    assert logistic.probability([line["x0"]], 0.4, -11.0)[0] == pytest.approx(0.3, abs=1e-4)
    label = next(a for a in model["layout"]["annotations"] if a["text"].startswith("boundary"))
    assert label["text"] == f"boundary BMI = {format_number(line['x0'], 2)}"
    band = next(s for s in model["layout"]["shapes"] if s["type"] == "rect")
    assert band["x0"] == pytest.approx(line["x0"]) and band["x1"] == pytest.approx(POINTS.x_range[1])


def test_without_a_boundary_the_band_covers_all_or_nothing():
    def band(w, b, t):
        model = as_json(figures.live_figures(POINTS, w, b, t))[0]
        return [s for s in model["layout"]["shapes"] if s["type"] == "rect"]

    assert band(0.0, 1.0, 0.5) and not band(0.0, -1.0, 0.5)  # w = 0: p = σ(b) everywhere
    assert band(0.4, -11.0, 0.0) and not band(0.4, -11.0, 1.0)


@pytest.mark.parametrize("key", ["w", "b", "threshold"])
def test_every_patch_is_the_figure_at_its_position(key):
    others = {k: v for k, v in STATE.items() if k != key}
    sweep = figures.slider_sweep(POINTS, key, POSITIONS[key], others, readout=text.readout)
    base = as_json(figures.live_figures(POINTS, STATE["w"], STATE["b"], STATE["threshold"]))
    positions = POSITIONS[key]
    assert len(sweep.patches) == len(sweep.readouts) == len(positions)
    for i in sorted({0, len(positions) // 3, len(positions) // 2, len(positions) - 1}):
        state = STATE | {key: positions[i]}
        expected = as_json(figures.live_figures(POINTS, state["w"], state["b"], state["threshold"]))
        drawn = [apply_patch(f, p) for f, p in zip(base, as_json(sweep.patches[i]))]
        assert drawn == expected, (key, positions[i])
        at = logistic_sweep.at_positions(X, Y, state["w"], state["b"], state["threshold"])
        assert sweep.readouts[i] == text.readout(float(at.mean_loss[0]), float(at.accuracy[0]), state["threshold"])


def test_the_threshold_moves_no_trace_of_the_model():
    sweep = figures.slider_sweep(POINTS, "threshold", POSITIONS["threshold"], {"w": 0.2, "b": -5.0})
    assert all(set(patch[0]["merge"]) == {str(figures.THRESHOLD)} and not patch[1]["merge"] for patch in sweep.patches)


def test_a_sweep_is_small_enough_to_send_on_every_move():
    sizes = {
        key: len(
            orjson.dumps(
                as_json(
                    figures.slider_sweep(
                        POINTS, key, POSITIONS[key], {k: v for k, v in STATE.items() if k != key}
                    ).patches
                )
            )
        )
        for key in POSITIONS
    }
    assert sum(sizes.values()) < 400_000, sizes


def test_the_sigmoid_is_sampled_across_the_whole_range_and_where_it_bends():
    xs, ps = figures.sigmoid_curve(POINTS, np.array([0.4, -0.4, 0.0]), np.array([-11.0, 11.0, 0.5]))
    lo, hi = (round(end, POINTS.decimals) for end in POINTS.x_range)  # x is sent to a thousandth of the range
    assert np.all(xs[:, 0] == lo) and np.all(xs[:, -1] == hi) and np.all(np.diff(xs, axis=1) >= 0)
    np.testing.assert_array_equal(
        ps, logistic.probability(xs, np.array([[0.4], [-0.4], [0.0]]), np.array([[-11.0], [11.0], [0.5]]))
    )
    np.testing.assert_allclose(ps[2], logistic.sigmoid(0.5))  # w = 0: flat
    assert np.sum((ps[0] > 0.01) & (ps[0] < 0.99)) >= 15  # most samples where the curve bends


def test_equal_x_still_has_a_range_to_draw():
    lo, hi = figures.Points((5.0, 5.0), (0, 1)).x_range
    assert lo < 5 < hi


def test_the_points_table_is_sorted_by_x_with_the_decisions():
    x, y = np.array([3.0, 1.0, 2.0]), np.array([1, 0, 1])
    points = figures.Points(tuple(x), tuple(y))
    h = logistic.log_odds(x, 1.0, -2.0)
    p = logistic.sigmoid(h)
    table = figures.points_table(points, h, p, logistic.losses_of_log_odds(h, y), 0.5)
    assert table["x"].tolist() == [1.0, 2.0, 3.0] and table["predicted"].tolist() == [0, 1, 1]


def test_the_training_figures_pass_plotlys_checks_and_keep_their_legend_below():
    path = logistic_sweep.descend(X, Y, (0.2, -5.0), 0.003, 50)
    ws, bs = figures.descent_window(POINTS.best, (0.2, -5.0), path.params)
    assert ws[0] < 0.2 < ws[-1] and bs[0] < -5.0 < bs[-1]
    surface = figures.descent_surface(
        ws, bs, logistic_sweep.loss_grid(X, Y, ws, bs), path.params, (0.2, -5.0), POINTS.best
    )
    assert surface.layout.legend.y < 0, "below the plot: Plotly's toolbar covers a top legend on a phone"
    losses = figures.descent_losses(path.losses, 0.3696)
    assert json.loads(losses.to_json())["layout"]["annotations"][0]["text"] == "best 0.3696"
