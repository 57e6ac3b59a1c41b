"""core.network's training sampled at many steps at once: equal to one step at a time."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core import network as nw


@pytest.fixture(scope="module", params=[(h, a) for h in (0, 1, 3, 8) for a in nw.ACTIVATIONS])
def trained(request):
    hidden, activation = request.param
    X, y, run = nw.experiment("moons", 0.2, 0, hidden, activation, 1.0, steps=300)
    return X, y, run, activation


def test_probabilities_at_many_steps_are_the_forward_pass_at_each(trained):
    X, _, run, activation = trained
    steps = [0, 1, 7, 150, 300]
    P = nw.probabilities_at(run, X, activation, steps)
    assert P.shape == (5, len(X))
    for row, step in zip(P, steps):
        np.testing.assert_allclose(row, nw.forward(run.params_at(step), X, activation)[1], rtol=1e-12, atol=1e-15)


def test_accuracies_at_many_steps_are_the_accuracy_at_each(trained):
    X, y, run, activation = trained
    steps = [0, 3, 40, 300]
    expected = [nw.accuracy(run.params_at(s), X, y, activation) for s in steps]
    np.testing.assert_array_equal(nw.accuracies_at(run, X, y, activation, steps), expected)


def test_decision_grids_are_decision_grid_at_each_step(trained):
    X, _, run, activation = trained
    x_range, y_range = nw.plot_range(X)
    xs, ys, P = nw.decision_grids(run, activation, x_range, y_range, [0, 20, 300], size=12)
    assert P.shape == (3, 12, 12)
    for grid, step in zip(P, [0, 20, 300]):
        xs1, ys1, one = nw.decision_grid(run.params_at(step), activation, x_range, y_range, size=12)
        np.testing.assert_array_equal(xs, xs1) and np.testing.assert_array_equal(ys, ys1)
        np.testing.assert_allclose(grid, one, rtol=1e-12, atol=1e-15)


def test_a_step_past_divergence_shows_the_last_weights():
    X, y, run = nw.experiment("moons", 0.2, 0, 8, "relu", 1e300, steps=100)
    assert run.diverged and run.steps < 100
    P = nw.probabilities_at(run, X, "relu", [run.steps, 100])
    np.testing.assert_array_equal(P[0], P[1])
    assert np.all(np.isfinite(P))


def test_the_experiment_is_the_data_and_the_training_of_the_page():
    X, y, run = nw.experiment("circles", 0.1, 4, 2, "relu", 0.3, steps=50)
    X1, y1 = nw.make_data("circles", nw.N_POINTS, 0.1, 4)
    np.testing.assert_array_equal(X, X1) and np.testing.assert_array_equal(y, y1)
    again = nw.train(nw.init_params(2, 4), X1, y1, 0.3, 50, "relu")
    np.testing.assert_array_equal(run.history, again.history)


@settings(max_examples=50, deadline=None)
@given(st.integers(0, nw.MAX_STEPS))
def test_step_positions_hold_the_grid_and_the_step_in_order(step):
    positions = nw.step_positions(step)
    assert step in positions and set(nw.STEP_GRID) <= set(positions)
    assert list(positions) == sorted(set(positions))
    assert positions[0] == 0 and positions[-1] == nw.MAX_STEPS
    assert len(positions) <= len(nw.STEP_GRID) + 1


def test_the_step_grid_reaches_any_step_in_few_presses():
    gaps = np.diff(nw.STEP_GRID)
    assert len(nw.STEP_GRID) <= 40 and np.all(gaps > 0)
    # Relative gaps stay small, so a drag never jumps far in what the picture shows.
    assert np.all(gaps[1:] / np.array(nw.STEP_GRID[1:-1]) <= 1.0)


def test_plot_range_holds_every_point():
    X, _ = nw.make_data("moons", 200, 0.3, 2)
    (x0, x1), (y0, y1) = nw.plot_range(X)
    assert x0 < X[:, 0].min() and X[:, 0].max() < x1 and y0 < X[:, 1].min() and X[:, 1].max() < y1


@pytest.mark.parametrize("dataset", nw.DATASETS)
def test_the_best_line_loss_is_where_one_neuron_ends(dataset):
    X, y, run = nw.experiment(dataset, 0.2, 0, 0, "tanh", 2.0, steps=2000)
    best = nw.best_line_loss(X, y)
    assert best <= run.losses[-1] + 1e-12 and run.losses[-1] < best + 1e-3
