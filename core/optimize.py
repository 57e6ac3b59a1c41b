"""Training as a loop: predict, compute the loss, adjust the parameters against the gradient.

One optimiser for every model of the app; a model brings its own ``loss_and_gradient``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

LossAndGradient = Callable[[np.ndarray], tuple[float, np.ndarray]]


@dataclass(frozen=True)
class DescentPath:
    """Every parameter vector visited and its loss: ``params[0]`` is the start.

    ``diverged`` is true when the loss became non-finite or grew past ``1e12`` times
    its start: the learning rate was too large. The path stops there.
    """

    params: np.ndarray  # shape (steps_done + 1, n_params)
    losses: np.ndarray  # shape (steps_done + 1,)
    diverged: bool


def gradient_descent(
    loss_and_gradient: LossAndGradient, start: np.ndarray, learning_rate: float, steps: int
) -> DescentPath:
    """Plain gradient descent, ``θ ← θ − η ∇L(θ)``, repeated ``steps`` times.

    Parameters
    ----------
    loss_and_gradient : callable
        ``θ -> (L(θ), ∇L(θ))``.
    start : array of shape (n_params,)
        The first θ.
    learning_rate : float
        η, the size of each step along the negative gradient.
    steps : int
        How many updates to make (fewer if the loss diverges).
    """
    theta = np.asarray(start, dtype=float).copy()
    loss, grad = loss_and_gradient(theta)
    params, losses = [theta.copy()], [loss]
    limit = max(abs(loss), 1.0) * 1e12
    diverged = False
    for _ in range(steps):
        with np.errstate(over="ignore", invalid="ignore"):
            theta = theta - learning_rate * grad
            loss, grad = loss_and_gradient(theta)
        if not (np.isfinite(loss) and np.all(np.isfinite(theta))) or abs(loss) > limit:
            diverged = True
            break
        params.append(theta.copy())
        losses.append(loss)
    return DescentPath(np.array(params), np.array(losses), diverged)


def numerical_gradient(loss: Callable[[np.ndarray], float], theta: np.ndarray, eps: float = 1e-6) -> np.ndarray:
    """Central finite differences, ``(L(θ + ε e_i) − L(θ − ε e_i)) / 2ε``: the check for every gradient."""
    theta = np.asarray(theta, dtype=float)
    grad = np.empty_like(theta)
    for i in range(theta.size):
        step = np.zeros_like(theta)
        step[i] = eps
        grad[i] = (loss(theta + step) - loss(theta - step)) / (2 * eps)
    return grad
