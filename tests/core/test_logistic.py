"""core.logistic against scikit-learn (log_loss, accuracy_score, LogisticRegression) and SciPy's expit."""

import numpy as np
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from scipy.special import expit
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, log_loss

from core import logistic
from core.optimize import gradient_descent, numerical_gradient
from core.text import InputError

X, Y = logistic.bmi_disease()
finite = st.floats(-1e3, 1e3, allow_nan=False)


@st.composite
def labelled_points(draw):
    n = draw(st.integers(2, 40))
    x = np.array(draw(st.lists(st.floats(-50, 50), min_size=n, max_size=n)))
    y = np.array(draw(st.lists(st.integers(0, 1), min_size=n, max_size=n)))
    return x, y


@given(st.lists(st.floats(-700, 700), min_size=1, max_size=20))
def test_sigmoid_matches_scipy_expit(h):
    np.testing.assert_allclose(logistic.sigmoid(np.array(h)), expit(np.array(h)), rtol=1e-12, atol=1e-300)


def test_sigmoid_never_overflows_and_is_symmetric():
    h = np.array([-1e308, -800.0, -40.0, 0.0, 40.0, 800.0, 1e308])
    with np.errstate(over="raise", divide="raise", invalid="raise"):  # underflow to 0 is fine
        p = logistic.sigmoid(h)
    assert np.all(np.isfinite(p)) and p[3] == 0.5 and p[0] == 0.0 and p[-1] == 1.0
    np.testing.assert_allclose(logistic.sigmoid(-h), 1 - p, atol=1e-15)


@settings(max_examples=60)
@given(labelled_points(), st.floats(-3, 3), st.floats(-10, 10))
@example((np.array([0.0, 0.0]), np.array([0, 0])), 0.0, -2.220446049250313e-16)  # h a hair below 0
def test_mean_loss_and_accuracy_match_scikit_learn(points, w, b):
    x, y = points
    p = expit(w * x + b)
    if np.all((p > 1e-6) & (p < 1 - 1e-6)):  # where scikit-learn's clipping and its 1 - p are exact enough
        expected = log_loss(y, p, labels=[0, 1])
        assert logistic.mean_logistic_loss(x, y, w, b) == pytest.approx(expected, rel=1e-7)
    if np.all(np.abs(p - 0.5) > 1e-12):  # at h ≈ 0 scipy's and core's σ may round to either side of 0.5
        assert logistic.accuracy(x, y, w, b) == pytest.approx(accuracy_score(y, p >= 0.5))


def test_point_losses_are_minus_log_p_for_ones_and_minus_log_one_minus_p_for_zeros():
    p = expit(0.3 * X - 8)
    losses = logistic.point_losses(X, Y, 0.3, -8)
    np.testing.assert_allclose(losses[Y == 1], -np.log(p[Y == 1]))
    np.testing.assert_allclose(losses[Y == 0], -np.log(1 - p[Y == 0]))


@given(labelled_points(), finite, finite)
def test_extreme_parameters_give_finite_losses(points, w, b):
    x, y = points
    with np.errstate(over="raise", divide="raise", invalid="raise"):  # underflow to 0 is fine
        losses = logistic.point_losses(x, y, w * 1e3, b * 1e3)
    assert np.all(np.isfinite(losses)) and np.all(losses >= 0)


def test_extreme_loss_is_the_size_of_the_log_odds():
    """For a confident mistake, -ln σ(h) ≈ -h: the loss grows linearly, not to inf."""
    loss = logistic.point_losses(np.array([1.0]), np.array([1]), -1000.0, 0.0)[0]
    assert loss == pytest.approx(1000.0)


def test_accuracy_counts_p_of_one_half_as_class_one():
    x, y = np.array([0.0, 0.0]), np.array([1, 0])
    assert logistic.predict(x, 1.0, 0.0).tolist() == [1, 1]
    assert logistic.accuracy(x, y, 1.0, 0.0) == 0.5


@settings(max_examples=40)
@given(labelled_points(), st.floats(-2, 2), st.floats(-5, 5))
def test_gradient_matches_finite_differences(points, w, b):
    x, y = points
    theta = np.array([w, b])
    _, grad = logistic.loss_and_gradient(theta, x, y)
    numeric = numerical_gradient(lambda t: logistic.loss_and_gradient(t, x, y)[0], theta)
    np.testing.assert_allclose(grad, numeric, atol=1e-5 * max(1.0, float(np.abs(x).max())))


def test_best_fit_matches_scikit_learn_without_penalty_and_is_a_minimum():
    w, b = logistic.best_fit(X, Y)
    reference = LogisticRegression(C=np.inf, solver="newton-cg", tol=1e-10, max_iter=1000)
    reference.fit(X.reshape(-1, 1), Y)
    assert w == pytest.approx(reference.coef_[0, 0], rel=1e-3)
    assert b == pytest.approx(reference.intercept_[0], rel=1e-3)
    _, grad = logistic.loss_and_gradient(np.array([w, b]), X, Y)
    np.testing.assert_allclose(grad, 0, atol=1e-4)
    best = logistic.mean_logistic_loss(X, Y, w, b)
    for dw, db in [(0.01, 0), (-0.01, 0), (0, 0.1), (0, -0.1)]:
        assert logistic.mean_logistic_loss(X, Y, w + dw, b + db) > best


def test_separable_classes_have_no_best_fit():
    x, y = np.array([1.0, 2.0, 3.0, 4.0]), np.array([0, 0, 1, 1])
    assert logistic.separable(x, y) and logistic.best_fit(x, y) is None
    assert logistic.separable(x, 1 - y)
    assert logistic.best_fit(x, np.ones(4, dtype=int)) is None
    assert not logistic.separable(x, np.array([0, 1, 0, 1]))


def test_gradient_descent_lowers_the_loss_toward_the_best_fit():
    start = np.array([0.2, -5.0])
    path = gradient_descent(lambda t: logistic.loss_and_gradient(t, X, Y), start, 0.003, 3000)
    assert not path.diverged
    assert np.all(np.diff(path.losses) <= 1e-12)
    best = logistic.mean_logistic_loss(X, Y, *logistic.best_fit(X, Y))
    assert best <= path.losses[-1] < path.losses[0]


def test_too_large_a_learning_rate_makes_the_loss_rise_or_diverge():
    path = gradient_descent(lambda t: logistic.loss_and_gradient(t, X, Y), np.array([0.2, -5.0]), 1.0, 50)
    assert path.diverged or path.losses.max() > path.losses[0]


def test_generated_set_is_reproducible_and_overlapping():
    x, y = logistic.bmi_disease()
    x2, y2 = logistic.bmi_disease()
    np.testing.assert_array_equal(x, x2) and np.testing.assert_array_equal(y, y2)
    assert x.shape == y.shape == (30,) and set(y.tolist()) == {0, 1}
    assert x.min() >= 15 and x.max() <= 42 and not logistic.separable(x, y)


def test_points_round_trip_through_text():
    text = logistic.format_labelled_points(X, Y)
    x, y = logistic.parse_labelled_points(text)
    np.testing.assert_array_equal(x, X)
    np.testing.assert_array_equal(y, Y)
    assert y.dtype.kind == "i"


@pytest.mark.parametrize(
    "text, words",
    [
        ("", "empty"),
        ("1, 0", "at least 2"),
        ("1, 0; 2, 2", "label"),
        ("1, 0; 2, 0.5", "0 or 1"),
        ("1, 0; 2, -1", "point 2"),
        ("1, 0; abc, 1", "point 2"),
        ("1, 0; nan, 1", "finite"),
        ("1, 0; 2, 1, 3", "two numbers"),
        ("1e7, 0; 2, 1", "1e6"),
        ("; ".join(f"{k}, {k % 2}" for k in range(201)), "at most 200"),
    ],
)
def test_bad_points_are_refused_with_a_reason(text, words):
    with pytest.raises(InputError, match=words):
        logistic.parse_labelled_points(text)
