"""Logistic regression with one feature: the sigmoid, the logistic loss and its gradient.

The model is ``p = σ(h(x))`` with the log-odds ``h(x) = w·x + b`` and the sigmoid
``σ(h) = 1 / (1 + e^{-h})``. Every loss here is computed from ``h`` with
``np.logaddexp`` (log-sum-exp), never as ``log(p)``, so no ``w, b`` gives ``inf`` or ``nan``:
``-ln σ(h) = ln(1 + e^{-h}) = logaddexp(0, -h)`` and ``-ln(1 - σ(h)) = logaddexp(0, h)``.
"""

from __future__ import annotations

import warnings

import numpy as np

from core.data import parse_points
from core.text import InputError, format_number

MAX_POINTS = 200
MAX_ABS_X = 1e6


def sigmoid(h):
    """The logistic function, ``σ(h) = 1 / (1 + e^{-h})``.

    Computed as ``1 / (1 + e^{-|h|})`` for ``h >= 0`` and ``e^{-|h|} / (1 + e^{-|h|})`` for
    ``h < 0`` (the same number): the exponent is never positive, so no overflow for any ``h``,
    and ``σ(h) < 0.5`` whenever ``h < 0`` is large enough to change ``e^{-|h|}``.
    """
    h = np.asarray(h, dtype=float)
    e = np.exp(-np.abs(h))
    return np.where(h >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def log_odds(x, w: float, b: float):
    """The log-odds (logit) line, ``h(x) = w·x + b``; ``p = σ(h)`` and ``h = ln(p / (1 - p))``."""
    return w * np.asarray(x, dtype=float) + b


def point_losses(x, y, w: float, b: float) -> np.ndarray:
    """Each point's logistic loss, ``-y ln p - (1 - y) ln(1 - p)`` with ``p = σ(w·x + b)``.

    That is ``-ln p`` for a point of class 1 and ``-ln(1 - p)`` for class 0, computed
    stably as ``y·logaddexp(0, -h) + (1 - y)·logaddexp(0, h)``.
    """
    return losses_of_log_odds(log_odds(x, w, b), y)


def losses_of_log_odds(h, y) -> np.ndarray:
    """Each point's logistic loss from its log-odds ``h``: ``y·ln(1 + e^{-h}) + (1 - y)·ln(1 + e^{h})``.

    The same ``-y ln σ(h) - (1 - y) ln(1 - σ(h))``, computed by ``np.logaddexp``: finite for
    every finite ``h``. Any model that ends in a sigmoid (a neural network too) uses it.
    ``np.logaddexp(0, h)`` is written out as NumPy computes it, ``max(h, 0) + ln(1 + e^{-|h|})``
    (the same numbers, with one exponential for both terms: several times faster on many points).

    >>> losses_of_log_odds(np.array([0.0, 1000.0, -1000.0]), np.array([1, 1, 1]))
    array([6.93147181e-01, 0.00000000e+00, 1.00000000e+03])
    """
    h = np.asarray(h, dtype=float)
    y = np.asarray(y, dtype=float)
    soft = np.log1p(np.exp(-np.abs(h)))  # ln(1 + e^{-|h|})
    return y * (np.maximum(-h, 0.0) + soft) + (1 - y) * (np.maximum(h, 0.0) + soft)


def mean_logistic_loss(x, y, w: float, b: float) -> float:
    """The mean logistic loss (binary cross-entropy), ``L = (1/m) Σ [-y ln p - (1 - y) ln(1 - p)]``."""
    return float(np.mean(point_losses(x, y, w, b)))


def probability(x, w: float, b: float) -> np.ndarray:
    """Each point's probability of class 1, ``p = σ(w·x + b)``.

    >>> probability([0.0, 2.0], 1.0, -2.0)
    array([0.11920292, 0.5       ])
    """
    return sigmoid(log_odds(x, w, b))


def predict(x, w: float, b: float, threshold: float = 0.5) -> np.ndarray:
    """The predicted class, ``1 if p >= threshold else 0`` with ``p = σ(w·x + b)`` (threshold 0.5 by default)."""
    return (probability(x, w, b) >= threshold).astype(int)


def accuracy(x, y, w: float, b: float, threshold: float = 0.5) -> float:
    """The share of points whose predicted class equals their class, ``(1/m) Σ [ŷ = y]``,
    with ``ŷ = 1`` where ``p >= threshold``.

    Precision, recall and F1 at a threshold are :func:`core.metrics.scores_at_threshold` of
    ``y`` and :func:`probability`.
    """
    return float(np.mean(predict(x, w, b, threshold) == np.asarray(y)))


def loss_and_gradient(theta, x, y) -> tuple[float, np.ndarray]:
    """``L(w, b)`` and its gradient for ``theta = (w, b)``.

    ``∂L/∂w = (1/m) Σ (p - y)·x`` and ``∂L/∂b = (1/m) Σ (p - y)``: the same shape as the
    gradient of half the squared error, with ``p`` in place of ``ŷ``.
    """
    w, b = float(theta[0]), float(theta[1])
    x = np.asarray(x, dtype=float)
    residual = sigmoid(log_odds(x, w, b)) - np.asarray(y, dtype=float)
    return mean_logistic_loss(x, y, w, b), np.array([np.mean(residual * x), np.mean(residual)])


def separable(x, y) -> bool:
    """Whether one threshold on ``x`` splits the classes perfectly (then no finite best fit exists:
    the loss keeps falling toward 0 as ``|w|`` grows)."""
    x, y = np.asarray(x, dtype=float), np.asarray(y)
    zeros, ones = x[y == 0], x[y == 1]
    if zeros.size == 0 or ones.size == 0:
        return True
    return bool(zeros.max() < ones.min() or ones.max() < zeros.min())


def best_fit(x, y) -> tuple[float, float] | None:
    """The ``(w, b)`` that minimise the mean logistic loss: scikit-learn's
    ``LogisticRegression(C=np.inf)`` (no penalty), or ``None`` when the classes are separable
    or only one class is present (the minimum is then not reached by any finite ``w``).
    """
    from sklearn.exceptions import ConvergenceWarning
    from sklearn.linear_model import LogisticRegression

    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=int)
    if separable(x, y):
        return None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        model = LogisticRegression(C=np.inf, max_iter=1000).fit(x.reshape(-1, 1), y)
    return float(model.coef_[0, 0]), float(model.intercept_[0])


def bmi_disease(n: int = 30, seed: int = 1) -> tuple[np.ndarray, np.ndarray]:
    """A made-up study: ``n`` people's BMI (one decimal) and whether they have the disease (0/1).

    The chance of the disease rises with BMI as ``σ(0.4·(BMI − 28))``; each person is a coin
    flip with that chance, so the classes overlap, as real data do.
    """
    rng = np.random.default_rng(seed)
    bmi = np.round(np.sort(rng.uniform(17.0, 40.0, n)), 1)
    disease = (rng.uniform(size=n) < sigmoid(0.4 * (bmi - 28.0))).astype(int)
    return bmi, disease


def parse_labelled_points(text: str, *, max_points: int = MAX_POINTS) -> tuple[np.ndarray, np.ndarray]:
    """Read points ``"x1, y1; x2, y2; ..."`` whose labels ``y`` are 0 or 1.

    The points are read by :func:`core.data.parse_points` (same syntax as the regression
    page); on top of it, every label must be 0 or 1, ``|x|`` at most ``1e6`` and there are at
    most ``max_points`` points. Refusals raise :class:`InputError` naming the point.

    Returns
    -------
    x : float array of shape (n,)
    y : int array of shape (n,), values in {0, 1}
    """
    x, y = parse_points(text, max_points=max_points)
    bad = np.flatnonzero((y != 0) & (y != 1))
    if bad.size:
        k = int(bad[0])
        raise InputError(
            f"point {k + 1} ({format_number(x[k])}, {format_number(y[k])}) has the label "
            f"y = {format_number(y[k])}; a label is 0 or 1 (1 = has the property, "
            "e.g. the disease)"
        )
    far = np.flatnonzero(np.abs(x) > MAX_ABS_X)
    if far.size:
        raise InputError(f"point {int(far[0]) + 1} has x = {format_number(x[far[0]])}; keep |x| at most 1e6")
    return x, y.astype(int)


def format_labelled_points(x, y) -> str:
    """Write points as ``"x1, y1; x2, y2"``, which :func:`parse_labelled_points` reads back."""
    return "; ".join(f"{format_number(a)}, {int(c)}" for a, c in zip(x, y))
