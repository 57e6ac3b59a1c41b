"""Logistic regression at many slider positions at once: the numbers behind the live pictures.

A slider of the logistic page takes a few hundred positions; while it is dragged the browser
shows, at each position, the model of :mod:`core.logistic` and the scores of :mod:`core.metrics`.
Here they are computed for every position in one pass, as arrays whose first axis is the
position (``k`` positions of ``m`` points), with the same formulas:
``h = w·x + b``, ``p = σ(h)``, each point's loss ``-y ln p - (1 - y) ln(1 - p)``, and the
predicted class ``1 if p >= threshold``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from core.logistic import log_odds, loss_and_gradient, losses_of_log_odds, sigmoid
from core.optimize import DescentPath, gradient_descent


def _steps(*segments: tuple[float, float, float]) -> np.ndarray:
    """Positions from 0 outwards, each segment ``(start, stop, step)`` excluding ``start``."""
    parts = [np.arange(start + step, stop + step / 2, step) for start, stop, step in segments]
    return np.round(np.concatenate(parts), 6)


def symmetric(*segments: tuple[float, float, float]) -> tuple[float, ...]:
    """Slider positions symmetric about 0, finer near 0, coarser further out.

    >>> symmetric((0, 1, 0.5), (1, 3, 1))
    (-3.0, -2.0, -1.0, -0.5, 0.0, 0.5, 1.0, 2.0, 3.0)
    """
    side = _steps(*segments)
    return tuple(float(v) + 0.0 for v in np.concatenate([-side[::-1], [0.0], side]))


# w: 0.05 apart up to 1 (the generated BMI set's best w is 0.40), coarser out to the ends ±10.
W_POSITIONS = symmetric((0, 1, 0.05), (1, 2, 0.25), (2, 5, 0.5), (5, 10, 1))
# b: 0.5 apart up to 10, 1 apart up to 20 (the BMI set's best b is -11.07), then 5 to ±50.
B_POSITIONS = symmetric((0, 10, 0.5), (10, 20, 1), (20, 50, 5))
THRESHOLD_POSITIONS = tuple(float(v) for v in np.round(np.linspace(0, 1, 21), 2))


def positions_with(grid: tuple[float, ...], *values: float) -> tuple[float, ...]:
    """``grid`` with ``values`` inserted in order (an exact value from a link or from training).

    >>> positions_with((0.0, 0.5, 1.0), 0.37, 0.5)
    (0.0, 0.37, 0.5, 1.0)
    """
    return tuple(sorted(set(grid) | {float(v) for v in values}))


@dataclass(frozen=True)
class Positions:
    """The model and its scores at ``k`` positions of ``(w, b, threshold)``, on ``m`` points.

    Arrays of shape ``(k, m)``: ``h``, ``p``, ``losses``. Of shape ``(k,)``: ``mean_loss``,
    ``accuracy``, ``precision``, ``recall``, ``f1``. ``confusion`` has shape ``(k, 2, 2)``,
    each ``[[TN, FP], [FN, TP]]`` (rows: true class, columns: predicted class).
    """

    h: np.ndarray
    p: np.ndarray
    losses: np.ndarray
    mean_loss: np.ndarray
    confusion: np.ndarray
    accuracy: np.ndarray
    precision: np.ndarray
    recall: np.ndarray
    f1: np.ndarray

    @property
    def called(self) -> np.ndarray:
        """How many points are called class 1 (``p >= threshold``) at each position: ``TP + FP``."""
        return self.confusion[:, :, 1].sum(axis=1)


def at_positions(x, y, w, b, threshold) -> Positions:
    """The model ``p = σ(w·x + b)`` and its scores at every position at once.

    ``w``, ``b`` and ``threshold`` are numbers or arrays of one length ``k`` (broadcast together).
    A ratio whose denominator is 0 is 0, as in :func:`core.metrics.precision_recall_f1`
    (scikit-learn's ``zero_division=0``).

    >>> at = at_positions([1.0, 2.0, 3.0], [0, 1, 1], [1.0, -1.0], [-1.5, 2.5], 0.5)
    >>> at.confusion.tolist(), at.accuracy.tolist()
    ([[[1, 0], [0, 2]], [[0, 1], [1, 1]]], [1.0, 0.3333333333333333])
    """
    w, b, threshold = np.broadcast_arrays(*(np.atleast_1d(np.asarray(v, dtype=float)) for v in (w, b, threshold)))
    y = np.asarray(y, dtype=int)
    h = log_odds(x, w[:, None], b[:, None])
    p = sigmoid(h)
    losses = losses_of_log_odds(h, y)
    called = p >= threshold[:, None]
    positive = y == 1
    tp = np.sum(called & positive, axis=1)
    fp = np.sum(called & ~positive, axis=1)
    fn = np.sum(~called & positive, axis=1)
    tn = np.sum(~called & ~positive, axis=1)
    confusion = np.stack([np.stack([tn, fp], axis=1), np.stack([fn, tp], axis=1)], axis=1)
    precision = _ratio(tp, tp + fp)
    recall = _ratio(tp, tp + fn)
    f1 = _ratio(2 * tp, 2 * tp + fp + fn)  # = 2 P R / (P + R), and 0 where P + R = 0
    return Positions(h, p, losses, losses.mean(axis=1), confusion, (tp + tn) / y.size, precision, recall, f1)


def _ratio(top, bottom) -> np.ndarray:
    top, bottom = np.asarray(top, dtype=float), np.asarray(bottom, dtype=float)
    return np.divide(top, bottom, out=np.zeros_like(top), where=bottom > 0)


def boundary(w, b, threshold) -> np.ndarray:
    """Where the probability crosses the threshold: ``x = (ln(t / (1 - t)) - b) / w``.

    ``nan`` where there is no such x: ``w = 0`` (the same p everywhere), or a threshold of 0 or 1
    (every p, or none, reaches it).

    >>> boundary(np.array([0.4, 0.0]), -11.0, 0.5).tolist()
    [27.5, nan]
    """
    w, b, t = np.broadcast_arrays(*(np.asarray(v, dtype=float) for v in (w, b, threshold)))
    inside = (w != 0) & (t > 0) & (t < 1)
    with np.errstate(divide="ignore", invalid="ignore"):
        logit = np.log(t) - np.log1p(-t)
        return np.where(inside, (logit - b) / np.where(w == 0, 1.0, w), np.nan)


def loss_grid(x, y, ws, bs) -> np.ndarray:
    """The mean logistic loss at every ``(w, b)`` of a grid: ``L[j, i]`` at ``w = ws[i]``, ``b = bs[j]``.

    >>> loss_grid([0.0], [1], [1.0, 2.0], [0.0]).round(4).tolist()
    [[0.6931, 0.6931]]
    """
    ws, bs = np.asarray(ws, dtype=float), np.asarray(bs, dtype=float)
    h = log_odds(x, ws[None, :, None], bs[:, None, None])
    return losses_of_log_odds(h, np.asarray(y, dtype=float)).mean(axis=2)


def descend(x, y, start: tuple[float, float], learning_rate: float, steps: int) -> DescentPath:
    """Gradient descent on the mean logistic loss from ``start = (w, b)``: :func:`core.optimize.gradient_descent`."""
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    return gradient_descent(
        lambda theta: loss_and_gradient(theta, x, y), np.asarray(start, dtype=float), learning_rate, steps
    )
