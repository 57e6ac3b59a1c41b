"""The neural-network page's figure builders: what they draw is core.network's numbers."""

import base64

import numpy as np
import orjson
import plotly.graph_objects as go
import pytest

from app.figure_base import SCREEN, Style
from app.figures import network as figures
from app.sweeps import figure_json
from core import network as nw


def values(array) -> np.ndarray:
    """An array as plotly.js reads it: plain lists, or plotly's typed-array form (base64 bytes)."""
    if isinstance(array, dict):
        flat = np.frombuffer(base64.b64decode(array["bdata"]), dtype=array["dtype"])
        return flat.reshape([int(n) for n in str(array.get("shape", len(flat))).split(",")])
    return np.asarray(array)


@pytest.fixture(scope="module", params=[(3, "tanh"), (0, "tanh"), (8, "relu")], ids=["3 tanh", "0", "8 relu"])
def trained(request):
    hidden, activation = request.param
    X, y, run = nw.experiment("moons", 0.2, 0, hidden, activation, 1.0, steps=nw.MAX_STEPS)
    return X, y, run, activation


def test_the_regions_are_core_probabilities_in_percent_on_core_grid(trained):
    X, y, run, activation = trained
    regions = figure_json(figures.step_figures(X, y, run, activation, 300, 0.3)[0])
    trace = go.Figure(regions).data[0]
    xs, ys, P = nw.decision_grid(run.params_at(300), activation, *nw.plot_range(X), size=figures.GRID)
    np.testing.assert_array_equal(values(trace.z), np.rint(100 * P))
    assert trace.x0 == pytest.approx(xs[0], abs=1e-4) and trace.dx == pytest.approx(xs[1] - xs[0], abs=1e-6)
    assert trace.y0 == pytest.approx(ys[0], abs=1e-4) and trace.dy == pytest.approx(ys[1] - ys[0], abs=1e-6)
    assert trace.contours.start == trace.contours.end == 50  # the boundary p = 0.5
    # The points of each class, as core made them.
    for label in (0, 1):
        points = next(t for t in regions["data"] if t.get("name") == f"class {label}")
        np.testing.assert_array_equal(values(points["x"]), X[y == label, 0])


def test_every_weight_is_an_edge_as_wide_as_it_is_large(trained):
    X, y, run, activation = trained
    params = run.params_at(run.steps)
    shapes = figures.edge_shapes(params, figures.weight_scale(run))
    weights = np.concatenate([params.W1.ravel(), params.w2]) if params.hidden else params.w2
    assert len(shapes) == len(weights) == nw.n_params(params.hidden) - params.hidden - 1
    for shape, w in zip(shapes, weights):  # W1 row by row, then w2
        assert shape["line"]["dash"] == ("solid" if w >= 0 else "dash")
        assert shape["line"]["color"] == (figures.POSITIVE if w >= 0 else figures.NEGATIVE)
    widths = np.array([s["line"]["width"] for s in shapes])
    order = np.argsort(np.abs(weights))
    assert np.all(np.diff(widths[order]) >= -0.011), "a larger weight is never drawn thinner"


def test_the_hover_names_each_weight_and_bias_with_its_value(trained):
    X, y, run, activation = trained
    params = run.params_at(50)
    trace = figures.weights_trace(params)
    text = " | ".join(trace["hovertext"])
    assert len(trace["hovertext"]) == nw.n_params(params.hidden)
    if params.hidden:
        assert f"x₁ → a₂: weight {params.W1[0, 1]:.2f} (W1[0, 1])" in text
        assert f"a₁: bias {params.b1[0]:.2f} (b1[0])" in text.replace("-0.00", "0.00")
        assert f"p: bias {params.b2:.2f} (b2)" in text.replace("-0.00", "0.00")
    else:
        assert f"x₂ → p: weight {params.w2[1]:.2f} (w[1])" in text


def test_the_loss_curve_is_core_losses_and_the_marker_sits_on_it(trained):
    X, y, run, activation = trained
    loss = figure_json(figures.loss_figure(run.losses, 120, 0.3))
    marker, curve = loss["data"][:2]
    np.testing.assert_allclose(values(curve["y"]), run.losses, atol=5e-6)
    assert list(marker["x"]) == [120, 120] and marker["y"][1] == pytest.approx(run.losses[120], abs=5e-5)


def test_a_step_past_divergence_marks_the_last_step_taken():
    losses = np.array([0.7, 0.6, 0.5])
    trace = figures.marker_trace(losses, 2000)
    assert trace["x"] == [2, 2] and trace["y"] == [0, 0.5]


def test_a_loss_that_blows_up_is_drawn_on_a_log_axis_and_near_ones_on_a_linear_one():
    assert figures.loss_axis(np.array([0.7, 0.3, 0.1]), 0.3) == (False, 0.0, pytest.approx(0.7 * 1.1))
    assert figures.loss_axis(np.array([0.7, 9.0]), 0.3)[0] is False
    log, bottom, top = figures.loss_axis(np.array([0.7, 0.3, 9.9e9]), 0.2)
    assert log and bottom == pytest.approx(0.1) and top > 9.9e9
    loss = figure_json(figures.loss_figure(np.array([0.7, 0.3, 9.9e9]), 1, 0.2))
    assert loss["layout"]["yaxis"]["type"] == "log"
    assert loss["data"][0]["y"] == [pytest.approx(0.1), 0.3]  # the marker's line starts at the axis bottom
    labels = {a["text"]: a["y"] for a in loss["layout"]["annotations"]}
    assert labels["best line 0.2000"] == pytest.approx(np.log10(0.2))  # annotations sit at log10 on a log axis


def test_the_two_reference_losses_are_labelled_at_opposite_ends():
    loss = figure_json(figures.loss_figure(np.array([0.69, 0.69]), 1, np.log(2)))
    sides = sorted(a["xanchor"] for a in loss["layout"]["annotations"])
    assert sides == ["left", "right"]


def test_the_network_has_a_node_per_unit_and_names_its_layers():
    params = nw.init_params(5, 0)
    fig = figure_json(figures.network_figure(params, "relu", 1.0))
    nodes = fig["data"][1]
    assert nodes["text"] == ["x₁", "x₂", "a₁", "a₂", "a₃", "a₄", "a₅", "p"]
    assert [a["text"] for a in fig["layout"]["annotations"]] == ["inputs", "relu units", "output σ"]
    one = figure_json(figures.network_figure(nw.init_params(0, 0), "tanh", 1.0))
    assert one["data"][1]["text"] == ["x₁", "x₂", "p"] and len(one["layout"]["shapes"]) == 2


@pytest.mark.parametrize("style", [SCREEN, Style(projector=True)], ids=["screen", "projector"])
def test_the_sweep_replaces_only_what_moves_and_matches_the_figures_at_each_step(trained, style):
    X, y, run, activation = trained
    positions = nw.step_positions()
    sweep = figures.step_sweep(X, y, run, activation, positions, 0.3, lambda *numbers: repr(numbers), style)
    assert len(sweep.patches) == len(positions)
    accuracy = nw.accuracy(run.params_at(positions[3]), X, y, activation)
    assert sweep.readouts[3] == repr((positions[3], float(run.losses[positions[3]]), accuracy, run.steps))
    for i in (0, 11, len(positions) - 1):
        step = positions[i]
        base = figures.step_figures(X, y, run, activation, step, 0.3, style)
        regions, network, loss = sweep.patches[i]
        assert set(regions["traces"]) == {"0"} and set(network["traces"]) == {"0"} and set(loss["traces"]) == {"0"}
        built = regions["traces"]["0"]
        np.testing.assert_array_equal(values(base[0]["data"][0]["z"]), values(built["z"]))
        assert {k: v for k, v in built.items() if k != "z"} == {k: v for k, v in base[0]["data"][0].items() if k != "z"}
        assert network["layout"]["shapes"] == base[1]["layout"]["shapes"]
        assert figure_json({"data": [network["traces"]["0"]], "layout": {}})["data"][0] == base[1]["data"][0]
        assert figure_json({"data": [loss["traces"]["0"]], "layout": {}})["data"][0] == base[2]["data"][0]


def test_the_data_sent_for_a_sweep_stays_small():
    X, y, run = nw.experiment("moons", 0.2, 0, 8, "tanh", 1.0)
    positions = nw.step_positions()
    sweep = figures.step_sweep(X, y, run, "tanh", positions, 0.3, lambda *numbers: "x")
    size = len(orjson.dumps(sweep.patches, option=orjson.OPT_SERIALIZE_NUMPY))
    assert size < 400_000, size
