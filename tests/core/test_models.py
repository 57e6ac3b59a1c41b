"""core.models against scikit-learn's counts and fits and NumPy's matmul."""

import warnings

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import LinearRegression, LogisticRegression
from sklearn.neural_network import MLPClassifier, MLPRegressor
from sklearn.preprocessing import PolynomialFeatures

from core import models
from core.logistic import loss_and_gradient, separable

N = range(models.FEATURES[0], models.FEATURES[1] + 1)
D = range(models.DEGREES[0], models.DEGREES[1] + 1)
H = range(models.HIDDEN[0], models.HIDDEN[1] + 1)


@pytest.mark.parametrize("n", N)
@pytest.mark.parametrize("d", D)
def test_polynomial_count_is_scikit_learns(n, d):
    features = PolynomialFeatures(d).fit(np.zeros((1, n)))
    assert models.polynomial_params(n, d) == features.n_output_features_
    # and the monomials are the ones scikit-learn makes, in its order
    assert models.monomials(n, d) == [tuple(int(p) for p in row) for row in features.powers_]


def counted(estimator) -> int:
    """The numbers a fitted scikit-learn model holds: every weight and every bias."""
    coefs = estimator.coefs_ if hasattr(estimator, "coefs_") else [estimator.coef_]
    intercepts = estimator.intercepts_ if hasattr(estimator, "intercepts_") else [estimator.intercept_]
    return sum(np.size(a) for a in coefs) + sum(np.size(a) for a in intercepts)


@pytest.mark.parametrize("n", [1, 2, 5, 10])
@pytest.mark.parametrize("h", H)
def test_network_count_is_a_fitted_one_hidden_layer_networks(n, h):
    rng = np.random.default_rng(n * 10 + h)
    X, y = rng.normal(size=(12, n)), rng.normal(size=12)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        regressor = MLPRegressor(hidden_layer_sizes=(h,), max_iter=5).fit(X, y)
        classifier = MLPClassifier(hidden_layer_sizes=(h,), max_iter=5).fit(X, (y > 0).astype(int))
    assert [w.shape for w in regressor.coefs_] == [(n, h), (h, 1)]
    assert models.network_params(n, h) == counted(regressor) == counted(classifier) == n * h + h + h + 1


@pytest.mark.parametrize("n", N)
def test_linear_and_logistic_counts_are_fitted_models(n):
    rng = np.random.default_rng(n)
    X, y = rng.normal(size=(12, n)), rng.normal(size=12)
    assert models.linear_params(n) == counted(LinearRegression().fit(X, y)) == n + 1
    assert models.logistic_params(n) == counted(LogisticRegression().fit(X, (y > 0).astype(int))) == n + 1


def test_parameter_counts_carry_the_contract_labels():
    assert models.parameter_counts(2, 3, 4) == {
        "linear parameters": 3,
        "polynomial parameters": 10,
        "logistic parameters": 3,
        "network parameters": 17,
    }
    assert all(type(v) is int for v in models.parameter_counts(10, 6, 8).values())


@given(
    arrays(np.float64, st.tuples(st.integers(1, 8), st.integers(1, 5)), elements=st.floats(-1e3, 1e3)),
    st.floats(-1e3, 1e3),
)
def test_predict_all_is_matmul_plus_b(X, b):
    w = np.linspace(-2, 2, X.shape[1])
    y_hat = models.predict_all(X, w, b)
    assert y_hat.shape == (X.shape[0],)
    np.testing.assert_allclose(y_hat, np.matmul(X, w) + b)
    # row i is h(x⁽ⁱ⁾) = wᵀx⁽ⁱ⁾ + b, the sum written out
    np.testing.assert_allclose(y_hat, [models.predict_one(x, w, b) for x in X], rtol=1e-12, atol=1e-9)


def test_predict_all_names_the_shapes_that_do_not_fit():
    with pytest.raises(ValueError, match=r"\(5, 2\) and \(3,\)"):
        models.predict_all(models.HOUSES_X, np.ones(3), 0.0)


def test_the_houses():
    y_hat = models.predict_all(models.HOUSES_X, models.HOUSE_W, models.HOUSE_B)
    assert models.HOUSES_X.shape == (5, 2) and y_hat.shape == (5,)
    np.testing.assert_array_equal(y_hat, [190, 290, 420, 245, 520])


def test_the_shared_data_has_a_finite_best_logistic_fit():
    data = models.shared_data()
    assert data.x.shape == data.y.shape == data.label.shape == (models.M,)
    assert set(data.label) == {0, 1} and not separable(data.x, data.label)
    _, (w, b) = models.fit_fixed(data)
    _, gradient = loss_and_gradient(np.array([w, b]), data.x, data.label)
    np.testing.assert_allclose(gradient, 0, atol=1e-4)  # the lowest mean logistic loss


@pytest.mark.parametrize("d", D)
@pytest.mark.parametrize("h", [1, 3, 8])
def test_the_fits_are_least_squares(d, h):
    data = models.shared_data()
    fits = models.fit_all(data, d, h)
    np.testing.assert_allclose(fits.line, np.polyfit(data.x, data.y, 1), atol=1e-10)
    np.testing.assert_allclose(fits.polynomial[::-1], np.polyfit(data.x, data.y, d), atol=1e-7)
    # the network's output layer: least squares on its hidden units, each relu(±(x − knot))
    hidden = np.maximum(models.hidden_weights(h) * (data.x[:, None] - fits.knots), 0)
    reference = LinearRegression().fit(hidden, data.y)
    at_data = models.predictions(fits, data.x)
    np.testing.assert_allclose(at_data["network"], reference.predict(hidden), atol=1e-8)
    assert fits.output.size == h + 1  # w₂ and b₂
    assert models.fitted_mse(data, fits)["polynomial"] <= models.fitted_mse(data, fits)["linear"] + 1e-12


@pytest.mark.parametrize("d", D)
@pytest.mark.parametrize("h", H)
def test_only_the_logistic_model_is_bounded_in_the_drawn_range(d, h):
    # What the pictures claim: in x from -6 to 6 the logistic ŷ stays within (0, 1); the other
    # three leave the regressors' frame of ŷ in [-4, 4].
    y_hats = models.predictions(models.fit_all(models.shared_data(), d, h), models.draw_x())
    assert np.all((y_hats["logistic"] > 0) & (y_hats["logistic"] < 1))
    for kind in ("linear", "polynomial", "network"):
        assert np.max(np.abs(y_hats[kind])) > 4, kind


def test_knots_lie_inside_the_data_and_units_open_outwards():
    knots = models.network_knots(models.shared_data().x, 4)
    assert np.all(np.diff(knots) > 0) and knots[0] > -3 and knots[-1] < 3
    np.testing.assert_array_equal(models.hidden_weights(4), [-1, -1, 1, 1])


def test_curved_data_under_a_line_leave_residuals_with_a_pattern():
    x, y = models.curved_data()
    fit = models.curved_fit(x, y)
    w, b = np.polyfit(x, y, 1)
    assert fit.w == pytest.approx(w) and fit.b == pytest.approx(b)
    assert fit.signs == (1, -1, 1)  # above, below, above: a curve, not noise
    assert fit.parabola_mse < fit.line_mse / 10
    assert fit.line_mse == pytest.approx(np.mean((y - (w * x + b)) ** 2))


def test_class_one_in_the_middle_defeats_the_logistic_model():
    x, label = models.middle_class_data()
    accuracy, majority = models.logistic_accuracy(x, label)
    reference = LogisticRegression(C=np.inf, max_iter=1000).fit(x.reshape(-1, 1), label)
    assert accuracy == pytest.approx(reference.score(x.reshape(-1, 1), label))
    assert accuracy == pytest.approx(majority) == pytest.approx(8 / 13)
