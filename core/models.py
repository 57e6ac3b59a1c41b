"""Models as functions: the slides' four kinds, their parameter counts, and ŷ = X w + b for all datapoints.

A model is a function ``h`` with parameters: the linear model ``h(x) = wᵀx + b``, a polynomial of
degree d, the logistic model ``ŷ = σ(wᵀx + b)`` and a neural network. How many parameters each
has for n features (and degree d, hidden units h) is counted here, and the four are fitted on one
shared data set of one feature, so that each ŷ can be drawn as a curve over x.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from core.logistic import best_fit, sigmoid
from core.network import n_params
from core.regression import fit_polynomial, least_squares, mse, predict_line

FEATURES = (1, 10)  # n
DEGREES = (1, 6)  # d
HIDDEN = (1, 8)  # h
KINDS = ("linear", "polynomial", "logistic", "network")


# ---------------------------------------------------------------- parameter counts
def linear_params(n: int) -> int:
    """``n + 1``: one weight per feature and the bias b.

    >>> linear_params(1), linear_params(2)
    (2, 3)
    """
    return int(n) + 1


def polynomial_params(n: int, d: int) -> int:
    """``C(n + d, d)``: one coefficient per monomial of degree at most d in n features, the constant included.

    >>> polynomial_params(1, 3), polynomial_params(2, 2)
    (4, 6)
    """
    return math.comb(int(n) + int(d), int(d))


def logistic_params(n: int) -> int:
    """``n + 1``: the same linear h(x) = wᵀx + b inside the sigmoid."""
    return int(n) + 1


def network_params(n: int, h: int) -> int:
    """``n·h + h + h + 1``: W₁ (n, h), b₁ (h,), w₂ (h,) and b₂, for one hidden layer of h units and one output.

    >>> network_params(1, 3), network_params(2, 3)
    (10, 13)
    """
    return n_params(int(h), int(n))


def parameter_counts(n: int, d: int, h: int) -> dict[str, int]:
    """The page's four figures, by their metric labels."""
    return {
        "linear parameters": linear_params(n),
        "polynomial parameters": polynomial_params(n, d),
        "logistic parameters": logistic_params(n),
        "network parameters": network_params(n, h),
    }


def monomials(n: int, d: int) -> list[tuple[int, ...]]:
    """Every monomial of degree at most d in n features, as exponent tuples (``(1, 0)`` is x₁), constant first.

    Its length is :func:`polynomial_params`; the order is scikit-learn's ``PolynomialFeatures``'.

    >>> monomials(2, 2)
    [(0, 0), (1, 0), (0, 1), (2, 0), (1, 1), (0, 2)]
    """
    out = []
    for degree in range(d + 1):
        out += _exponents(n, degree)
    return out


def _exponents(n: int, degree: int) -> list[tuple[int, ...]]:
    if n == 1:
        return [(degree,)]
    return [(first, *rest) for first in range(degree, -1, -1) for rest in _exponents(n - 1, degree - first)]


# ---------------------------------------------------------------- ŷ = X w + b for all datapoints
# The house example: area in m² and rooms; the price in thousands (made-up weights).
HOUSE_FEATURES = ("area (m²)", "rooms")
HOUSES_X = np.array([[50.0, 2.0], [80.0, 3.0], [120.0, 4.0], [65.0, 3.0], [150.0, 5.0]])
HOUSE_W = np.array([3.0, 10.0])  # thousands per m², thousands per room
HOUSE_B = 20.0  # thousands


def predict_all(X: np.ndarray, w: np.ndarray, b: float) -> np.ndarray:
    """``ŷ = X @ w + b``: every datapoint's prediction at once, shapes (m, n) @ (n,) -> (m,).

    Row i of the result is ``h(x⁽ⁱ⁾) = wᵀx⁽ⁱ⁾ + b``.

    >>> predict_all(np.array([[1.0, 2.0], [3.0, 4.0]]), np.array([1.0, 1.0]), 0.5)
    array([3.5, 7.5])
    """
    X, w = np.asarray(X, dtype=float), np.asarray(w, dtype=float)
    if X.ndim != 2 or w.shape != (X.shape[1],):
        raise ValueError(f"X of shape (m, n) and w of shape (n,) are needed, not {X.shape} and {w.shape}")
    return X @ w + b


def predict_one(x: np.ndarray, w: np.ndarray, b: float) -> float:
    """``h(x) = wᵀx + b = w₁x₁ + … + wₙxₙ + b`` for one datapoint, written as the sum."""
    return float(sum(wi * xi for wi, xi in zip(np.asarray(w, float), np.asarray(x, float))) + b)


# ---------------------------------------------------------------- four models on one data set
M = 20  # datapoints of the shared data
X_RANGE = (-3.0, 3.0)  # where the data lie
DRAW_RANGE = (-6.0, 6.0)  # where ŷ is drawn: beyond the data, to show what each model does there
DRAW_POINTS = 121


@dataclass(frozen=True)
class SharedData:
    """m datapoints of one feature x: a number label y (for the three regressors) and a class label 0 or 1."""

    x: np.ndarray
    y: np.ndarray
    label: np.ndarray  # the logistic model's label: 1 more often the larger x


def shared_data(seed: int = 4) -> SharedData:
    """The same data for the four models: ``y = x + 0.6 sin(2x)`` plus noise, a curve with a trend.

    The class label is 1 where ``x + noise > 0``, so class 1 is more likely the larger x; the
    two classes overlap (no threshold on x splits them), so a best logistic fit exists (finite w).
    """
    rng = np.random.default_rng(seed)
    x = np.linspace(*X_RANGE, M)
    y = np.round(x + 0.6 * np.sin(2 * x) + rng.normal(0, 0.45, M), 2)
    label = (x + rng.normal(0, 1.0, M) > 0).astype(int)
    return SharedData(x, y, label)


def draw_x() -> np.ndarray:
    """The x at which the pictures draw ŷ."""
    return np.linspace(*DRAW_RANGE, DRAW_POINTS)


def network_knots(x: np.ndarray, h: int) -> np.ndarray:
    """Where the h hidden units' kinks sit: spread evenly over the data (the middles of h equal slices)."""
    low, high = float(np.min(x)), float(np.max(x))
    return low + (high - low) * (np.arange(h) + 0.5) / h


def hidden_weights(h: int) -> np.ndarray:
    """W₁ of the drawn network (one feature): -1 for the units of the left half, +1 for the right half.

    Each unit is 0 on the inner side of its kink and rises on the outer side, so that beyond the
    data ŷ goes on along a straight line on both sides (ReLU units, a linear output: not bounded).

    >>> hidden_weights(3)
    array([-1., -1.,  1.])
    """
    return np.where(np.arange(h) < h / 2, -1.0, 1.0)


def hidden_layer(x: np.ndarray, knots: np.ndarray) -> np.ndarray:
    """The hidden units' outputs ``relu(W₁ x + b₁)``, W₁ from :func:`hidden_weights`, b₁ = -W₁·knots; shape (len(x), h).

    Unit j is 0 on one side of its kink ``knots[j]`` and rises along a straight line on the other.
    """
    w1 = hidden_weights(knots.size).reshape(1, -1)
    return np.maximum(w1 * (np.asarray(x, float).reshape(-1, 1) - knots.reshape(1, -1)), 0.0)


@dataclass(frozen=True)
class Fits:
    """The four models fitted on the shared data: their parameters."""

    line: tuple[float, float]  # (w, b)
    polynomial: np.ndarray  # c₀ … c_d, in powers of x
    logistic: tuple[float, float]  # (w, b) of σ(w x + b)
    knots: np.ndarray  # the hidden units' kinks (-b₁), set by hand
    output: np.ndarray  # w₂ (h,) then b₂: fitted by least squares


def fit_fixed(data: SharedData) -> tuple[tuple[float, float], tuple[float, float]]:
    """The two fits that neither d nor h changes: the least-squares line ``(w, b)`` and the logistic
    model's ``(w, b)`` of lowest mean logistic loss (:func:`core.logistic.best_fit`)."""
    logistic = best_fit(data.x, data.label)
    if logistic is None:
        raise ValueError("the classes of the shared data are separable: no finite best logistic fit")
    return least_squares(data.x, data.y), logistic


def fit_all(data: SharedData, d: int, h: int, fixed: tuple | None = None) -> Fits:
    """The four models on ``data``: least squares for the line, the polynomial and the network's output
    layer (its hidden units' weights are set by hand, see :func:`network_knots`), the lowest mean
    logistic loss for the logistic model. ``fixed`` is :func:`fit_fixed` of ``data`` if known already."""
    line, logistic = fixed or fit_fixed(data)
    polynomial = fit_polynomial(data.x, data.y, d).convert().coef
    knots = network_knots(data.x, h)
    design = np.column_stack([hidden_layer(data.x, knots), np.ones_like(data.x)])
    output = np.linalg.lstsq(design, data.y, rcond=None)[0]
    return Fits(line, np.pad(polynomial, (0, d + 1 - polynomial.size)), logistic, knots, output)


def predictions(fits: Fits, x: np.ndarray) -> dict[str, np.ndarray]:
    """Each model's ŷ at ``x``, by kind."""
    x = np.asarray(x, dtype=float)
    w2, b2 = fits.output[:-1], fits.output[-1]
    return {
        "linear": predict_line(x, *fits.line),
        "polynomial": np.polynomial.polynomial.polyval(x, fits.polynomial),
        "logistic": sigmoid(predict_line(x, *fits.logistic)),
        "network": hidden_layer(x, fits.knots) @ w2 + b2,
    }


def fitted_mse(data: SharedData, fits: Fits) -> dict[str, float]:
    """The MSE of the three regressors on the data (the logistic model predicts a probability, not y)."""
    at_data = predictions(fits, data.x)
    return {kind: mse(data.y, at_data[kind]) for kind in ("linear", "polynomial", "network")}


# ---------------------------------------------------------------- when the assumptions do not hold
def curved_data(seed: int = 1) -> tuple[np.ndarray, np.ndarray]:
    """Data with a curved relation, ``y = 0.8 x² + noise``: what a straight line cannot follow."""
    rng = np.random.default_rng(seed)
    x = np.linspace(0.0, 4.0, 15)
    return x, np.round(0.8 * x**2 + rng.normal(0, 0.4, x.size), 2)


@dataclass(frozen=True)
class CurvedFit:
    """The best line on curved data, its residuals' signs by third of the x-range, and a parabola's MSE."""

    w: float
    b: float
    line_mse: float
    parabola_mse: float
    signs: tuple[int, int, int]  # the side most residuals y − ŷ take in the left, middle and right third


def curved_fit(x: np.ndarray, y: np.ndarray) -> CurvedFit:
    """What breaks when features and label are not linearly related: the best line's residuals have a pattern."""
    w, b = least_squares(x, y)
    residual = y - predict_line(x, w, b)
    thirds = np.array_split(np.argsort(x), 3)
    signs = tuple(int(np.sign(np.sign(residual[part]).sum())) for part in thirds)  # most points' side
    parabola = fit_polynomial(x, y, 2)
    return CurvedFit(w, b, mse(y, predict_line(x, w, b)), mse(y, parabola(x)), signs)


def middle_class_data() -> tuple[np.ndarray, np.ndarray]:
    """Class 1 in the middle of x, class 0 on both sides: log odds that rise, then fall."""
    x = np.linspace(-3.0, 3.0, 13)
    return x, (np.abs(x) < 1.2).astype(int)


def logistic_accuracy(x: np.ndarray, label: np.ndarray) -> tuple[float, float]:
    """The best logistic fit's accuracy (p >= 0.5 as class 1), and the share of the larger class."""
    fit = best_fit(x, label)
    if fit is None:
        return 1.0, float(max(label.mean(), 1 - label.mean()))
    predicted = (sigmoid(predict_line(x, *fit)) >= 0.5).astype(int)
    return float(np.mean(predicted == label)), float(max(label.mean(), 1 - label.mean()))
