"""The class's fit by eye against the single-guess losses of core.regression and core.logistic."""

import numpy as np
import pytest

from core import class_fit, logistic, regression


def test_line_losses_are_each_guess_mse():
    rng = np.random.default_rng(0)
    x, y = rng.normal(size=30), rng.normal(size=30)
    ws, bs = rng.normal(size=7), rng.normal(size=7)
    got = class_fit.losses("line", x, y, ws, bs)
    want = [regression.mse(y, regression.predict_line(x, w, b)) for w, b in zip(ws, bs)]
    np.testing.assert_allclose(got, want, rtol=1e-12)


def test_logistic_losses_are_each_guess_mean_loss():
    x, y = logistic.bmi_disease()
    ws, bs = np.array([0.1, 0.3, -0.2, 5.0]), np.array([-5.0, -8.0, 3.0, -100.0])
    got = class_fit.losses("logistic", x, y, ws, bs)
    want = [logistic.mean_logistic_loss(x, y, w, b) for w, b in zip(ws, bs)]
    np.testing.assert_allclose(got, want, rtol=1e-10)


def test_score_median_and_best():
    x = np.array([0.0, 1.0, 2.0])
    y = 2 * x + 1
    fit = class_fit.score("line", x, y, [2.0, 0.0, 1.0], [1.0, 0.0, 1.0])
    assert fit.best == 0 and fit.losses[0] == 0
    assert fit.median == pytest.approx(np.median(fit.losses))
    empty = class_fit.score("line", x, y, [], [])
    assert (empty.median, empty.best) == (None, None)


def test_grid_matches_losses():
    x, y = np.array([0.0, 1.0, 3.0]), np.array([1.0, 2.0, 2.5])
    ws, bs, grid = class_fit.loss_grid("line", x, y, (-1, 2), (0, 3), size=5)
    assert grid.shape == (5, 5)
    assert grid[2, 3] == pytest.approx(regression.mse(y, regression.predict_line(x, ws[3], bs[2])))
    np.testing.assert_allclose(grid, regression.mse_grid(x, y, ws, bs).reshape(5, 5), rtol=1e-12)
