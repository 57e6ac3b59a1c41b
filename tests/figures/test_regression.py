"""app/figures/regression.py and app/lessons/regression.py with plain pytest: what is drawn is core's
numbers, the plain figures pass plotly's validation, and the sentences that depend on numbers say
the right thing on both sides of their thresholds."""

import math
import warnings
from functools import partial

import numpy as np
import plotly.graph_objects as go
import pytest

from app.figure_base import SCREEN, Style
from app.figures import regression as figures
from app.lessons import regression as text
from app.sweeps import Slider, grid
from core import regression as reg
from core.data import house_prices, split_mask
from core.text import format_number

X, Y = house_prices(20, 0.5, 0)
SLIDERS = [Slider("w", "w", grid(-2.0, 8.0, 0.1), 1.0), Slider("b", "b", grid(-4.0, 5.0, 0.1), 0.0)]
RANGES = [(-2.0, 8.0), (-4.0, 5.0)]


def names(figure: dict) -> list[str]:
    return [t.get("name") for t in figure["data"]]


def trace(figure: dict, name: str) -> dict:
    return next(t for t in figure["data"] if t.get("name") == name)


def scene(x=X, y=Y, test=None, degree=1, w=1.0, b=0.0, squares=False, reveal=True, style=SCREEN):
    test = np.zeros(len(x), dtype=bool) if test is None else test
    train = ~test
    best = reg.line_fit(x[train], y[train])
    model = partial(reg.predict_line, w=w, b=b) if degree == 1 else reg.fit_polynomial(x[train], y[train], degree)
    surface = figures.surface_traces(x[train], y[train], *RANGES, (best.w, best.b), style) if reveal else None
    model_mse = None if degree == 1 else reg.mse(y[train], model(x[train]))
    return figures.live_scene(
        x, y, test, model, (w, b), SLIDERS, degree=degree, best=(best.w, best.b) if reveal else None,
        surface=surface, squares=squares, user=False, readout=partial(text.readout, model_mse=model_mse), style=style,
    )  # fmt: skip


@pytest.mark.parametrize("squares", [False, True])
@pytest.mark.parametrize("style", [SCREEN, Style(projector=True)])
def test_the_live_figures_pass_plotlys_validation(squares, style):
    base, _ = scene(squares=squares, style=style, test=split_mask(20, 0.3, 0))
    for figure in base:
        go.Figure(figure)  # raises on a misspelt property
    for figure in training(reg.descend(X, Y, 1.0, 0.0, 0.2, 50), style=style)[0]:
        go.Figure(figure)


def test_the_data_picture_draws_the_line_and_residuals_of_core():
    base, _ = scene(w=2.0, b=1.0)
    picture = base[0]
    assert names(picture) == ["residuals y − ŷ", "least squares", "model ŷ", "points"]
    model = trace(picture, "model ŷ")
    np.testing.assert_allclose(model["y"], reg.predict_line(np.array(model["x"]), 2.0, 1.0))
    residuals = trace(picture, "residuals y − ŷ")  # a thin bar from ŷ up or down to y
    np.testing.assert_allclose(residuals["x"], X)
    np.testing.assert_allclose(residuals["base"], reg.predict_line(X, 2.0, 1.0))
    np.testing.assert_allclose(np.add(residuals["base"], residuals["y"]), Y)
    best = reg.least_squares(X, Y)
    dashed = trace(picture, "least squares")
    np.testing.assert_allclose(dashed["y"], reg.predict_line(np.array(dashed["x"]), *best))


def test_the_squares_are_square_on_screen_and_leave_the_axes_free():
    base, _ = scene(squares=True, w=2.0, b=1.0)
    picture = base[0]
    assert "scaleanchor" not in picture["layout"]["yaxis"], "equal scales squeezed the plot to 140 px"
    squares = trace(picture, "squared residuals")
    height = np.abs(squares["y"])
    np.testing.assert_allclose(height, np.abs(Y - reg.predict_line(X, 2.0, 1.0)))
    np.testing.assert_allclose(squares["base"], reg.predict_line(X, 2.0, 1.0))
    xr, yr = picture["layout"]["xaxis"]["range"], picture["layout"]["yaxis"]["range"]
    width = np.array(squares["width"])
    np.testing.assert_allclose(width / (xr[1] - xr[0]) * figures.PLOT_ASPECT, height / (yr[1] - yr[0]))  # square
    np.testing.assert_allclose(np.abs(np.array(squares["x"]) - X), width / 2)  # beside its point
    assert picture["layout"]["barmode"] == "overlay"


def test_the_loss_surface_is_cores_mse_grid_with_the_optimum_and_the_sliders_point():
    base, _ = scene(w=2.0, b=1.0)
    surface = base[1]
    contour = trace(surface, "MSE")
    ws, bs = np.linspace(*RANGES[0], figures.GRID), np.linspace(*RANGES[1], figures.GRID)
    expected = reg.mse_grid(X, Y, ws, bs)
    np.testing.assert_allclose(contour["z"], np.log10(expected), atol=5e-5)  # sent to 4 decimals
    assert contour["text"][3][7] == format_number(expected[3, 7], 4)
    np.testing.assert_allclose([trace(surface, "optimum")[k][0] for k in "xy"], reg.least_squares(X, Y))
    assert [trace(surface, "your (w, b)")[k][0] for k in "xy"] == [2.0, 1.0]


def test_the_sweeps_hold_cores_numbers_at_every_position():
    base, sweeps = scene(w=2.0, b=1.0, squares=True)
    picture, surface = base
    model_index = str(names(picture).index("model ŷ"))
    residual_index = str(names(picture).index("residuals y − ŷ"))
    point_index = str(names(surface).index("your (w, b)"))
    for key, held in (("w", 1.0), ("b", 2.0)):
        slider = next(s for s in SLIDERS if s.key == key)
        assert len(sweeps[key].patches) == len(slider.values) == len(sweeps[key].readouts)
        for i in (0, 17, len(slider.values) - 1):
            w, b = (slider.values[i], held) if key == "w" else (held, slider.values[i])
            picture_patch, surface_patch = (p["merge"] for p in sweeps[key].patches[i])
            ends = np.array(trace(picture, "model ŷ")["x"])
            np.testing.assert_allclose(picture_patch[model_index]["y"], reg.predict_line(ends, w, b), atol=1e-4)
            residuals = picture_patch[residual_index]
            np.testing.assert_allclose(residuals["base"], reg.predict_line(X, w, b), atol=1e-4)
            np.testing.assert_allclose(residuals["y"], Y - reg.predict_line(X, w, b), atol=1e-4)
            assert surface_patch[point_index] == {"x": [w], "y": [b]}
            assert sweeps[key].readouts[i] == text.readout(w, b, reg.mse(Y, reg.predict_line(X, w, b)))


def test_with_the_split_the_readout_gives_the_training_and_test_mse():
    test = split_mask(20, 0.3, 0)
    _, sweeps = scene(test=test)
    w = SLIDERS[0].values[30]
    mse, test_mse = (reg.mse(Y[m], reg.predict_line(X[m], w, 0.0)) for m in (~test, test))
    assert sweeps["w"].readouts[30] == text.readout(w, 0.0, mse, test_mse)
    assert sweeps["w"].readouts[30].endswith(f"test MSE {format_number(test_mse, 4)}")


def test_above_degree_one_the_sliders_move_only_the_line_beside_the_model():
    base, sweeps = scene(degree=3, w=2.0, b=1.0)
    picture = base[0]
    assert "line w·x + b" in names(picture) and "least squares" not in names(picture)
    line_index = str(names(picture).index("line w·x + b"))
    patch = sweeps["w"].patches[5][0]["merge"]
    assert list(patch) == [line_index]
    ends = np.array(trace(picture, "line w·x + b")["x"])
    np.testing.assert_allclose(patch[line_index]["y"], reg.predict_line(ends, SLIDERS[0].values[5], 1.0), atol=1e-4)
    assert "the model: MSE" in sweeps["w"].readouts[5]


def test_too_many_points_hide_their_residuals_during_a_drag():
    x = np.linspace(0, 3, figures.LIVE_RESIDUAL_LIMIT + 1)
    base, sweeps = scene(x=x, y=2 * x + np.sin(5 * x))
    residual_index = str(names(base[0]).index("residuals y − ŷ"))
    assert sweeps["w"].patches[0][0]["merge"][residual_index] == {"visible": False}
    _, few = scene()
    assert len(few["w"].patches[0][0]["merge"]["0"]["y"]) == 20


def test_during_the_challenge_no_figure_gives_the_optimum_away():
    base, _ = scene(reveal=False)
    assert len(base) == 1 and "least squares" not in names(base[0])


def training(path, style=SCREEN, steps=None):
    steps = len(path.losses) - 1 if steps is None else steps
    step = Slider("iteration", "t", grid(0, steps, 1), steps)
    surface = figures.surface_traces(X, Y, *RANGES, reg.least_squares(X, Y), style)
    best = reg.line_fit(X, Y).mse
    return figures.training_scene(
        surface, (1.0, 0.0), path.params, path.losses, RANGES, step, best, text.training_readout, style
    )


def test_training_figures_draw_cores_path_and_losses_and_the_step_slider_moves_step_t():
    path = reg.descend(X, Y, 1.0, 0.0, 0.2, 60)
    (surface, curve), sweeps = training(path)
    walk = trace(surface, "gradient descent path")
    np.testing.assert_allclose(walk["x"], path.params[:, 0])
    np.testing.assert_allclose(walk["y"], path.params[:, 1])
    assert [trace(surface, "your (w, b)")[k][0] for k in "xy"] == [1.0, 0.0]
    np.testing.assert_allclose(trace(curve, "MSE at each step")["y"], path.losses)
    assert curve["layout"]["yaxis"]["type"] == "log" and curve["layout"]["yaxis"]["tickformat"] == "~g"
    point, mark = str(names(surface).index("step t")), str(names(curve).index("MSE at step t"))
    sweep = sweeps["iteration"]
    assert len(sweep.patches) == 61
    for t in (0, 7, 60):
        at_surface, at_curve = (p["merge"] for p in sweep.patches[t])
        assert at_surface[point] == {"x": [path.params[t, 0]], "y": [path.params[t, 1]]}
        assert at_curve[mark] == {"x": [t], "y": [path.losses[t]]}
        assert sweep.readouts[t] == text.training_readout(t, *path.params[t], path.losses[t])
        shown = figures.at_step([surface, curve], path.params, path.losses, t)
        assert trace(shown[0], "step t")["x"] == [pytest.approx(path.params[t, 0])]
        assert trace(shown[1], "MSE at step t")["y"] == [pytest.approx(path.losses[t])]


def test_the_best_mse_label_of_the_loss_curve_is_on_its_line():
    # Plotly places annotations on a log axis by log10(value): the label must sit on the dashed line.
    (_, curve), _ = training(reg.descend(X, Y, 1.0, 0.0, 0.2, 60))
    layout = curve["layout"]
    line, label = layout["shapes"][0], layout["annotations"][0]
    assert label["text"] == "best MSE"
    assert line["y0"] == pytest.approx(reg.line_fit(X, Y).mse)
    assert layout["yaxis"]["type"] == "log"
    assert label["y"] == pytest.approx(math.log10(line["y0"]))


def test_past_a_diverged_path_the_step_slider_shows_its_last_step():
    path = reg.descend(X, Y, 1.0, 0.0, 1.0, 100)
    assert path.diverged and len(path.losses) < 101
    _, sweeps = training(path, steps=100)
    last = len(path.losses) - 1
    assert sweeps["iteration"].readouts[100] == sweeps["iteration"].readouts[last]
    assert "e+" in sweeps["iteration"].readouts[last], "a huge loss in scientific notation"


@pytest.mark.parametrize(
    "values, ticks",
    [
        ([0.055, 0.112], [0.04, 0.06, 0.08, 0.1, 0.12]),
        ([0.03, 0.2], [0.02, 0.03, 0.04, 0.05, 0.06, 0.07, 0.08, 0.09, 0.1, 0.2, 0.3]),
        ([0.172, 0.249], [0.16, 0.18, 0.2, 0.22, 0.24, 0.26]),
        ([0.11, 9.8], [0.1, 0.2, 0.5, 1, 2, 5, 10]),
        ([0.11, 5e5], [0.1, 1, 10, 100, 1e3, 1e4, 1e5]),
        ([0.11, 5e9], [0.1, 10, 1e3, 1e5, 1e7, 1e9]),
    ],
)
def test_log_axes_tick_whole_numbers(values, ticks):
    axis = figures.log_axis(np.array(values))
    np.testing.assert_allclose(axis["tickvals"], ticks)
    assert axis["tickformat"] == "~g" and "dtick" not in axis


def test_the_degree_curve_is_cores():
    test = split_mask(20, 0.3, 0)
    train_mse, test_mse = reg.degree_curve(X, Y, test)
    fig = figures.degree_curve(train_mse, test_mse, 4)
    np.testing.assert_allclose(fig.data[0].y, train_mse)
    np.testing.assert_allclose(fig.data[1].y, test_mse)
    assert len(figures.degree_curve(train_mse, None, 1).data) == 1


# ---------------------------------------------------------------- the words that depend on numbers
LAM = reg.curvature(X)[0]


@pytest.mark.parametrize(
    "eta_lambda, first_words",
    [(2.0, "**Training diverges.**"), (2.0001, "**Training diverges.**"), (1.9999, "η = "), (1.0, "η = ")],
)
def test_the_convergence_words_put_eta_against_2_over_lambda_max_first(eta_lambda, first_words):
    lr = eta_lambda / LAM
    verdict = reg.convergence(lr, LAM)
    words = text.convergence(verdict, lr, LAM, steps_done=20, stopped=False, gap=0.1)
    assert words.startswith(first_words)
    assert ("converges" in words) == (eta_lambda < 2), words
    if verdict == "diverges":
        factor = abs(1 - eta_lambda)
        assert f"= {format_number(factor, 4)} ≥ 1" in words and f"its square, {format_number(factor**2, 4)}" in words


def test_the_verdict_on_a_calm_rate_says_it_falls_and_by_how_much():
    words = text.convergence("falls", 0.5 / LAM, LAM, steps_done=50, stopped=False, gap=0.0123)
    assert "falls at every step" in words and "0.0123 above the best MSE" in words
    assert "stopped after" in text.convergence("diverges", 3 / LAM, LAM, steps_done=7, stopped=True, gap=0)


@pytest.mark.parametrize(
    "curve, words",
    [
        ([3.0, 1.0, 1.2], "That is **overfitting**"),
        ([3.0, 1.0, 1.09], "no clear overfitting"),
        ([3.0, 2.0, 1.0], "no overfitting shows"),
    ],
)
def test_the_overfitting_words_follow_the_curve(curve, words):
    degree, verdict = reg.overfitting(np.array(curve))
    assert words in text.overfitting(verdict, degree, np.array(curve), 30)
    assert "noisy itself" not in text.overfitting(verdict, degree, np.array(curve), 30)
    assert "noisy itself" in text.overfitting(verdict, degree, np.array(curve), 29)


def test_r2_is_a_share_explained_only_for_the_least_squares_fit():
    best = reg.line_fit(X, Y)
    at_best = reg.predict_line(X, best.w, best.b)
    said = text.notice(X, Y, at_best, reg.scores(Y, at_best), 1, best)
    assert "the least-squares fit explains" in said
    by_hand = reg.predict_line(X, 2.5, 1.0)
    said = text.notice(X, Y, by_hand, reg.scores(Y, by_hand), 1, best)
    assert "explains" not in said and "R² = 1 − SSE/SST" in said
    bad = reg.predict_line(X, -1.0, 0.0)
    assert "is negative" in text.notice(X, Y, bad, reg.scores(Y, bad), 1, best)
    assert "stays hidden" in text.notice(X, Y, by_hand, reg.scores(Y, by_hand), 1, None)


def test_the_model_note_counts_the_parameters_and_names_what_the_sliders_steer():
    assert "2 parameters (n + 1 for n = 1 feature)" in text.model_note(1, 2.0, 1.0, 20, None)
    note = text.model_note(4, 2.0, 1.0, 100, 70)
    assert "5 parameters" in note and "steer only the dash-dotted straight line" in note
    assert "70 training points" in note and "30 held-out points" in note


def test_the_code_writes_huge_figures_as_the_page_does():
    code = text.code(
        data="x = 1", split=None, degree=1, w=1, b=0, ranges=((0, 1), (0, 1)), grid=3,
        lr=0.1, t=3, shown={"MSE": 3e13, "loss at step t": 2.0},
    )  # fmt: skip
    assert 'print(f"MSE = {mse:.4e}")' in code and "np.mean(error * error):.4f}" in code
    assert f"{3e13:.4e}" == format_number(3e13, 4)


def test_r2_at_constant_y_is_said_undefined_not_a_share_of_the_spread():
    """SST = 0 when every y is equal: 1 − SSE/SST divides by 0; r2_score writes 1 (perfect) or 0."""
    from sklearn.metrics import r2_score

    x, y = np.array([1.0, 2.0, 3.0]), np.array([2.0, 2.0, 2.0])
    for y_hat, shown in ((np.array([2.0, 2.0, 2.0]), 1.0), (np.array([1.0, 2.0, 3.0]), 0.0)):
        assert reg.r2(y, y_hat) == r2_score(y, y_hat) == shown
        best = reg.line_fit(x, y)
        said = text.notice(x, y, y_hat, reg.scores(y, y_hat), 1, best)
        assert "SST = 0" in said and "undefined" in said
        assert "of the squared spread" not in said and "explains" not in said


def test_the_model_and_readout_write_a_negative_intercept_with_a_minus():
    assert "ŷ = 3·x − 0.5, 2 parameters" in text.model_note(1, 3.0, -0.5, 20, None)
    assert text.readout(3.0, -0.5, 1.0).startswith("ŷ = 3·x − 0.5 · MSE")
    assert "+ -" not in text.model_note(1, 3.0, -0.5, 20, None) + text.readout(3.0, -0.5, 1.0)


def test_the_metrics_text_keeps_the_mae_as_a_loss_and_accuracy_as_the_metric_with_no_gradient():
    said = text.metrics_text(0.3, False)
    assert "the MAE has a kink" not in said and "Many metrics could not train it" not in said
    assert "absolute_error" in said and "accuracy" in said and "gradient is 0" in said


def test_more_parameters_never_raise_the_training_mse_and_it_is_0_once_points_run_out():
    """Least squares of degree d + 1 contains degree d; with m ≤ d + 1 distinct x it interpolates."""
    from numpy.polynomial import Polynomial

    x, y = X[:6], Y[:6]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # numpy's RankWarning past 6 parameters: the fit is exact anyway
        train = [float(np.mean((Polynomial.fit(x, y, d)(x) - y) ** 2)) for d in range(1, 10)]
    assert all(b <= a + 1e-12 for a, b in zip(train, train[1:]))
    assert format_number(train[4], 4) == "0.0000"  # degree 5: 6 parameters for 6 points
    said = text.overfitting(None, 1, None, 0)
    assert "never raise" in said and "always lower" not in said and "no more points than parameters" in said
    assert "the same feature scaling" not in text.DEGREE_FIT_NOTE
