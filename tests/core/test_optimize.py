"""core.optimize: gradient descent on a bowl whose minimum is known."""

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from core.optimize import gradient_descent, numerical_gradient

CENTRE = np.array([3.0, -2.0])


def bowl(theta):
    """L(θ) = ‖θ − c‖², gradient 2(θ − c)."""
    diff = theta - CENTRE
    return float(diff @ diff), 2 * diff


def test_descent_reaches_the_minimum_and_the_loss_falls():
    path = gradient_descent(bowl, np.zeros(2), learning_rate=0.1, steps=100)
    np.testing.assert_allclose(path.params[-1], CENTRE, atol=1e-6)
    assert not path.diverged
    assert np.all(np.diff(path.losses) <= 0)
    assert path.params.shape == (101, 2) and path.losses.shape == (101,)


def test_too_large_a_learning_rate_diverges():
    path = gradient_descent(bowl, np.zeros(2), learning_rate=1.5, steps=500)
    assert path.diverged
    assert len(path.losses) < 501
    assert np.all(np.isfinite(path.losses))


@given(st.lists(st.floats(-5, 5), min_size=2, max_size=2))
def test_numerical_gradient_matches_the_formula(theta):
    theta = np.array(theta)
    np.testing.assert_allclose(numerical_gradient(lambda t: bowl(t)[0], theta), bowl(theta)[1], atol=1e-5)
