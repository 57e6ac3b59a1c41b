"""core.logistic_sweep: the model and its scores at many positions at once equal core.logistic,
core.metrics and scikit-learn at each position."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.metrics import confusion_matrix, f1_score, precision_score, recall_score

from core import logistic, logistic_sweep, metrics
from core.optimize import gradient_descent


@st.composite
def points_and_positions(draw):
    m = draw(st.integers(1, 25))
    x = np.array(draw(st.lists(st.floats(-50, 50), min_size=m, max_size=m)))
    y = np.array(draw(st.lists(st.integers(0, 1), min_size=m, max_size=m)))
    k = draw(st.integers(1, 6))
    w = np.array(draw(st.lists(st.sampled_from(logistic_sweep.W_POSITIONS), min_size=k, max_size=k)))
    b = np.array(draw(st.lists(st.sampled_from(logistic_sweep.B_POSITIONS), min_size=k, max_size=k)))
    t = np.array(draw(st.lists(st.sampled_from(logistic_sweep.THRESHOLD_POSITIONS), min_size=k, max_size=k)))
    return x, y, w, b, t


@settings(max_examples=60, deadline=None)
@given(points_and_positions())
def test_every_position_equals_the_one_point_functions_and_scikit_learn(case):
    x, y, w, b, t = case
    at = logistic_sweep.at_positions(x, y, w, b, t)
    for i in range(len(w)):
        np.testing.assert_array_equal(at.losses[i], logistic.point_losses(x, y, w[i], b[i]))
        assert at.mean_loss[i] == pytest.approx(logistic.mean_logistic_loss(x, y, w[i], b[i]), rel=1e-12, abs=1e-12)
        assert at.accuracy[i] == logistic.accuracy(x, y, w[i], b[i], t[i])
        p = logistic.probability(x, w[i], b[i])
        np.testing.assert_array_equal(at.p[i], p)
        np.testing.assert_array_equal(at.confusion[i], metrics.confusion_at_threshold(y, p, t[i]))
        called = (p >= t[i]).astype(int)
        np.testing.assert_array_equal(at.confusion[i], confusion_matrix(y, called, labels=[0, 1]))
        assert (at.precision[i], at.recall[i], at.f1[i]) == pytest.approx(metrics.scores_at_threshold(y, p, t[i]))
        assert at.f1[i] == pytest.approx(f1_score(y, called, labels=[0, 1], zero_division=0))
        assert at.precision[i] == pytest.approx(precision_score(y, called, labels=[0, 1], zero_division=0))
        assert at.recall[i] == pytest.approx(recall_score(y, called, labels=[0, 1], zero_division=0))
        assert at.called[i] == called.sum()


def test_numbers_broadcast_against_positions():
    x, y = logistic.bmi_disease()
    at = logistic_sweep.at_positions(x, y, [0.2, 0.4], [-5.0, -11.0], 0.5)  # the threshold for both
    assert at.losses.shape == (2, 30) and at.confusion.shape == (2, 2, 2)
    assert at.mean_loss[1] < at.mean_loss[0]


@pytest.mark.parametrize("w, b, t", [(0.4, -11.0, 0.5), (-2.0, 3.0, 0.2), (0.05, 1.0, 0.9)])
def test_the_boundary_is_where_p_reaches_the_threshold(w, b, t):
    xb = float(logistic_sweep.boundary(w, b, t))
    assert logistic.probability([xb], w, b)[0] == pytest.approx(t)


def test_no_boundary_without_a_slope_or_with_a_threshold_of_0_or_1():
    assert np.isnan(logistic_sweep.boundary(np.array([0.0, 1.0, 1.0]), 1.0, np.array([0.5, 0.0, 1.0]))).all()


def test_slider_positions_are_sorted_symmetric_and_finer_near_zero():
    for grid in (logistic_sweep.W_POSITIONS, logistic_sweep.B_POSITIONS):
        values = np.array(grid)
        assert np.all(np.diff(values) > 0) and 0.0 in grid
        np.testing.assert_array_equal(values, -values[::-1])
        steps = np.diff(values[values >= 0])
        assert np.all(np.diff(steps) >= -1e-9), "steps never shrink going outwards"
    assert logistic_sweep.THRESHOLD_POSITIONS[0] == 0 and logistic_sweep.THRESHOLD_POSITIONS[-1] == 1


def test_an_exact_value_is_inserted_in_order_once():
    grid = logistic_sweep.W_POSITIONS
    with_exact = logistic_sweep.positions_with(grid, 0.37, 0.37, 0.4)
    assert len(with_exact) == len(grid) + 1 and with_exact == tuple(sorted(with_exact))


def test_the_loss_grid_is_the_mean_loss_at_each_w_and_b():
    x, y = logistic.bmi_disease()
    ws, bs = np.array([0.1, 0.4]), np.array([-11.0, -5.0, 0.0])
    grid = logistic_sweep.loss_grid(x, y, ws, bs)
    assert grid.shape == (3, 2)
    for j, b in enumerate(bs):
        for i, w in enumerate(ws):
            assert grid[j, i] == pytest.approx(logistic.mean_logistic_loss(x, y, w, b))


def test_descend_is_gradient_descent_on_the_logistic_loss():
    x, y = logistic.bmi_disease()
    path = logistic_sweep.descend(x, y, (0.2, -5.0), 0.003, 200)
    same = gradient_descent(lambda th: logistic.loss_and_gradient(th, x, y), np.array([0.2, -5.0]), 0.003, 200)
    np.testing.assert_array_equal(path.params, same.params)
    assert path.losses[-1] < path.losses[0]
