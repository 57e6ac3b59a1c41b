"""core.regression against scikit-learn and NumPy, and its gradient against finite differences."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp
from sklearn.linear_model import LinearRegression
from sklearn.metrics import mean_absolute_error, mean_squared_error, r2_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import PolynomialFeatures

from core import regression as reg
from core.data import house_prices, split_mask
from core.optimize import gradient_descent, numerical_gradient

finite = st.floats(-100, 100, allow_nan=False)
vectors = st.integers(2, 40).flatmap(
    lambda n: st.tuples(hnp.arrays(float, n, elements=finite), hnp.arrays(float, n, elements=finite))
)


@given(vectors, finite, finite)
def test_metrics_match_scikit_learn(xy, w, b):
    x, y = xy
    y_hat = reg.predict_line(x, w, b)
    np.testing.assert_allclose(y_hat, w * x + b)
    assert reg.mse(y, y_hat) == pytest.approx(mean_squared_error(y, y_hat), rel=1e-9, abs=1e-9)
    assert reg.rmse(y, y_hat) == pytest.approx(np.sqrt(mean_squared_error(y, y_hat)), rel=1e-9, abs=1e-9)
    assert reg.mae(y, y_hat) == pytest.approx(mean_absolute_error(y, y_hat), rel=1e-9, abs=1e-9)
    assert reg.r2(y, y_hat) == pytest.approx(r2_score(y, y_hat), rel=1e-7, abs=1e-7)


@pytest.mark.parametrize("y, y_hat", [([2, 2, 2], [2, 2, 2]), ([2, 2, 2], [1, 2, 3]), ([1, 2, 3], [1, 2, 3])])
def test_r2_edge_cases_match_scikit_learn(y, y_hat):
    assert reg.r2(np.array(y, float), np.array(y_hat, float)) == r2_score(y, y_hat)


def test_mse_is_the_mean_area_of_the_residual_squares():
    y, y_hat = np.array([1.0, 4.0, 2.0]), np.array([2.0, 2.0, 2.0])
    sides = np.abs(reg.residuals(y, y_hat))
    assert reg.mse(y, y_hat) == pytest.approx(np.mean(sides * sides)) == pytest.approx(5 / 3)


@given(vectors, finite, finite)
def test_gradient_matches_finite_differences(xy, w, b):
    x, y = xy
    x, y = x / 10, y / 10  # keep the loss small enough for central differences to be accurate
    loss = lambda theta: reg.mse(y, reg.predict_line(x, *theta))
    numeric = numerical_gradient(loss, np.array([w, b]), eps=1e-5)
    np.testing.assert_allclose(reg.mse_gradient(x, y, w, b), numeric, rtol=1e-5, atol=1e-4)
    value, grad = reg.line_loss_and_gradient(x, y)(np.array([w, b]))
    assert value == pytest.approx(loss([w, b]))
    np.testing.assert_allclose(grad, reg.mse_gradient(x, y, w, b))


@given(vectors.filter(lambda xy: np.ptp(xy[0]) > 1e-3))
def test_least_squares_matches_the_closed_form_and_has_zero_gradient(xy):
    x, y = xy
    w, b = reg.least_squares(x, y)
    w_ref = np.sum((x - x.mean()) * (y - y.mean())) / np.sum((x - x.mean()) ** 2)
    assert w == pytest.approx(w_ref, rel=1e-6, abs=1e-6)
    assert b == pytest.approx(y.mean() - w_ref * x.mean(), rel=1e-6, abs=1e-5)
    scale = 1 + np.abs(y).max() * (1 + np.abs(x).max())
    np.testing.assert_allclose(reg.mse_gradient(x, y, w, b), 0, atol=1e-7 * scale)


@settings(deadline=None)
@given(vectors, st.integers(1, 12), st.integers(1, 12))
def test_mse_grid_matches_a_loop(xy, n_w, n_b):
    x, y = xy
    ws, bs = np.linspace(-3, 3, n_w), np.linspace(-2, 5, n_b)
    grid = reg.mse_grid(x, y, ws, bs)
    assert grid.shape == (n_b, n_w)
    loop = np.array([[mean_squared_error(y, w * x + b) for w in ws] for b in bs])
    np.testing.assert_allclose(grid, loop, rtol=1e-9, atol=1e-9)


def test_mse_grid_in_blocks_equals_one_broadcast(monkeypatch):
    x, y = house_prices(500, 0.5, 3)
    ws, bs = np.linspace(-2, 8, 41), np.linspace(-4, 5, 37)
    whole = ((ws[None, :, None] * x + bs[:, None, None] - y) ** 2).mean(axis=-1)
    monkeypatch.setattr(reg, "GRID_CHUNK", 41 * 500 * 5)  # five rows of b per block
    np.testing.assert_allclose(reg.mse_grid(x, y, ws, bs), whole, rtol=1e-12)
    # The minimum of the grid sits next to the least-squares optimum.
    i, j = np.unravel_index(np.argmin(whole), whole.shape)
    w_opt, b_opt = reg.least_squares(x, y)
    assert abs(ws[j] - w_opt) <= 0.5 and abs(bs[i] - b_opt) <= 0.5


def test_curvature_is_the_hessian_of_the_mse_and_sets_the_largest_stable_rate():
    x, y = house_prices(40, 0.5, 0)
    lam_max, lam_min = reg.curvature(x)
    theta = np.array([1.0, 0.0])
    grad = lambda t: reg.mse_gradient(x, y, *t)
    hessian = np.column_stack([numerical_gradient(lambda t, k=k: grad(t)[k], theta) for k in range(2)])
    np.testing.assert_allclose(sorted(np.linalg.eigvalsh(hessian)), [lam_min, lam_max], rtol=1e-5)
    limit = reg.max_stable_learning_rate(x)
    loss = reg.line_loss_and_gradient(x, y)
    below = gradient_descent(loss, theta, 0.95 * limit, 2000)
    above = gradient_descent(loss, theta, 1.05 * limit, 2000)
    assert not below.diverged and below.losses[-1] < below.losses[0]
    assert above.diverged


def test_gradient_descent_reaches_the_least_squares_line():
    x, y = house_prices(60, 0.3, 2)
    path = gradient_descent(reg.line_loss_and_gradient(x, y), np.zeros(2), 0.9 / reg.curvature(x)[0], 5000)
    np.testing.assert_allclose(path.params[-1], reg.least_squares(x, y), atol=1e-6)


@pytest.mark.parametrize("degree", range(1, 10))
def test_fit_polynomial_is_the_least_squares_polynomial(degree):
    x, y = house_prices(40, 0.5, degree)
    p = reg.fit_polynomial(x, y, degree)
    vander = np.vander(x, degree + 1)
    np.testing.assert_allclose(p(x), vander @ np.linalg.lstsq(vander, y, rcond=None)[0], atol=1e-6)
    model = make_pipeline(PolynomialFeatures(degree), LinearRegression()).fit(x.reshape(-1, 1), y)
    sk_mse = mean_squared_error(y, model.predict(x.reshape(-1, 1)))
    if degree <= 6:
        np.testing.assert_allclose(p(x), model.predict(x.reshape(-1, 1)), atol=1e-6)
    # On the raw powers x, ..., x^9 (condition number ~1e8) scikit-learn's solver loses digits;
    # the fit on x mapped to [-1, 1] is never worse.
    assert reg.mse(y, p(x)) <= sk_mse + 1e-12


def test_degree_curve_training_falls_and_test_is_measured_on_held_out_points():
    x, y = house_prices(20, 0.5, 0)
    test = split_mask(20, 0.3, 0)
    train_mse, test_mse = reg.degree_curve(x, y, test)
    assert train_mse.shape == test_mse.shape == (9,)
    assert np.all(np.diff(train_mse) <= 1e-9)  # nested models: more parameters never fit worse
    p3 = reg.fit_polynomial(x[~test], y[~test], 3)
    assert test_mse[2] == pytest.approx(mean_squared_error(y[test], p3(x[test])))
    assert test_mse[-1] > test_mse.min()  # overfitting: degree 9 does worse on new points
    all_train, no_test = reg.degree_curve(x, y, np.zeros(20, bool))
    assert np.isnan(no_test).all()
    assert all_train[0] == pytest.approx(
        mean_squared_error(y, LinearRegression().fit(x[:, None], y).predict(x[:, None]))
    )


@given(vectors.filter(lambda xy: np.ptp(xy[0]) > 1e-2))
def test_parameter_ranges_hold_zero_and_the_optimum(xy):
    x, y = xy
    (w_lo, w_hi), (b_lo, b_hi) = reg.parameter_ranges(x, y)
    w, b = reg.least_squares(x, y)
    assert w_lo <= min(0, w) and max(0, w) <= w_hi and w_lo < w_hi
    assert b_lo <= min(0, b) and max(0, b) <= b_hi and b_lo < b_hi


@pytest.mark.parametrize("span, step", [(10, 0.01), (9000, 10), (3, 0.005), (0.7, 0.001)])
def test_nice_step(span, step):
    assert reg.nice_step(span) == step


@given(vectors, st.lists(finite, min_size=1, max_size=5), finite)
def test_many_lines_at_once_match_one_at_a_time(xy, ws, b):
    x, y = xy
    y_hats = reg.predict_lines(x, np.array(ws), b)
    assert y_hats.shape == (len(ws), len(x))
    for w, row, loss in zip(ws, y_hats, reg.mse_of_lines(y, y_hats)):
        np.testing.assert_allclose(row, reg.predict_line(x, w, b))
        assert loss == pytest.approx(mean_squared_error(y, row), rel=1e-9, abs=1e-9)


def test_scores_are_the_four_figures_people_read():
    y, y_hat = np.array([1.0, 2.0, 4.0]), np.array([1.5, 2.0, 3.0])
    assert reg.scores(y, y_hat) == pytest.approx(
        {"MSE": reg.mse(y, y_hat), "RMSE": reg.rmse(y, y_hat), "MAE": reg.mae(y, y_hat), "R²": reg.r2(y, y_hat)}
    )


def test_line_fit_and_descend_agree_with_their_parts():
    x, y = house_prices(30, 0.4, 1)
    fit = reg.line_fit(x, y)
    assert (fit.w, fit.b) == reg.least_squares(x, y)
    assert (fit.lam_max, fit.lam_min) == reg.curvature(x)
    path = reg.descend(x, y, 1.0, 0.0, 0.1, 5)
    reference = gradient_descent(reg.line_loss_and_gradient(x, y), np.array([1.0, 0.0]), 0.1, 5)
    np.testing.assert_array_equal(path.params, reference.params)


@pytest.mark.parametrize("lam_max", [5.3, 2e-6, 2e200, 0.07])
def test_learning_rates_lie_on_both_sides_of_the_limit(lam_max):
    rates = np.array(reg.learning_rates(lam_max))
    limit = 2 / lam_max
    assert len(rates) == 24 and np.all(np.diff(rates) > 0)
    assert rates[0] < limit / 1e5 and limit < rates[-1] <= 50 * limit
    assert set(np.round(rates / 10 ** np.floor(np.log10(rates)), 6)) == {1, 2, 5}


@pytest.mark.parametrize(
    "eta_times_lambda, verdict",
    [(3.0, "diverges"), (2.0, "diverges"), (1.999, "zigzags"), (1.001, "zigzags"), (1.0, "falls"), (0.3, "falls")],
)
def test_convergence_puts_eta_against_2_over_lambda_max_first(eta_times_lambda, verdict):
    lam_max = 5.3
    assert reg.convergence(eta_times_lambda / lam_max, lam_max) == verdict
    assert reg.distance_factor(eta_times_lambda / lam_max, lam_max) == pytest.approx(abs(1 - eta_times_lambda))


@pytest.mark.parametrize("verdict", ["diverges", "zigzags", "falls"])
def test_the_verdict_is_what_gradient_descent_does(verdict):
    x, y = house_prices(20, 0.5, 0)
    lam_max = reg.curvature(x)[0]
    eta = {"diverges": 2.05, "zigzags": 1.6, "falls": 0.9}[verdict] / lam_max
    assert reg.convergence(eta, lam_max) == verdict
    losses = reg.descend(x, y, 1.0, 0.0, eta, 400).losses
    assert (losses[-1] > losses[0]) == (verdict == "diverges")


@pytest.mark.parametrize(
    "curve, result",
    [
        ([3.0, 1.0, 1.0 * reg.OVERFIT_RISE + 1e-9, 2.0], (2, "overfits")),
        ([3.0, 1.0, 1.0 * reg.OVERFIT_RISE, 1.05], (2, "flat")),
        ([3.0, 2.0, 1.5, 1.0], (4, "still falling")),
        ([1.0, 1.2, 1.05], (1, "overfits")),
    ],
)
def test_overfitting_is_read_from_the_test_curve(curve, result):
    assert reg.overfitting(np.array(curve)) == result
