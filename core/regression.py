"""Linear and polynomial regression: the model, the MSE loss, its gradient and surface, the metrics.

The model is ``ŷ = w·x + b`` (or a polynomial of degree d); the loss that training
lowers is the mean squared error; R², MAE and RMSE are the figures people read.
"""

from __future__ import annotations

import math
import warnings
from dataclasses import dataclass

import numpy as np
from numpy.polynomial import Polynomial
from sklearn.linear_model import LinearRegression

from core.optimize import DescentPath, gradient_descent

GRID_CHUNK = 2_000_000  # numbers held at once by the broadcast in mse_grid


def predict_line(x: np.ndarray, w: float, b: float) -> np.ndarray:
    """The linear model, ``ŷ = w·x + b``, for every x at once."""
    return w * np.asarray(x, dtype=float) + b


def predict_lines(x: np.ndarray, ws: np.ndarray, bs: np.ndarray) -> np.ndarray:
    """Many lines at once: ``ŷ[k, i] = ws[k]·x_i + bs[k]``, shape ``(len(ws), len(x))``.

    ``ws`` and ``bs`` broadcast against each other (one b for many w, or the reverse).

    >>> predict_lines(np.array([0.0, 1.0]), np.array([1.0, 2.0]), np.array(0.5))
    array([[0.5, 1.5],
           [0.5, 2.5]])
    """
    ws, bs = np.broadcast_arrays(np.asarray(ws, dtype=float), np.asarray(bs, dtype=float))
    return ws.reshape(-1, 1) * np.asarray(x, dtype=float) + bs.reshape(-1, 1)


def mse_of_lines(y: np.ndarray, y_hats: np.ndarray) -> np.ndarray:
    """The MSE of each row of ``y_hats`` (from :func:`predict_lines`) against ``y``, shape ``(len(y_hats),)``."""
    r = np.asarray(y, dtype=float) - y_hats
    return np.mean(r * r, axis=-1)


def residuals(y: np.ndarray, y_hat: np.ndarray) -> np.ndarray:
    """What the model misses, ``r_i = y_i − ŷ_i`` (positive: the point lies above the line)."""
    return np.asarray(y, dtype=float) - np.asarray(y_hat, dtype=float)


def mse(y: np.ndarray, y_hat: np.ndarray) -> float:
    """Mean squared error, ``MSE = (1/m) Σ (y_i − ŷ_i)²``: the mean area of the residual squares."""
    r = residuals(y, y_hat)
    return float(np.mean(r * r))


def rmse(y: np.ndarray, y_hat: np.ndarray) -> float:
    """Root mean squared error, ``RMSE = √MSE``, in the units of y."""
    return math.sqrt(mse(y, y_hat))


def mae(y: np.ndarray, y_hat: np.ndarray) -> float:
    """Mean absolute error, ``MAE = (1/m) Σ |y_i − ŷ_i|``, in the units of y."""
    return float(np.mean(np.abs(residuals(y, y_hat))))


def r2(y: np.ndarray, y_hat: np.ndarray) -> float:
    """Coefficient of determination, ``R² = 1 − Σ (y_i − ŷ_i)² / Σ (y_i − ȳ)²``.

    1 is a perfect fit, 0 is no better than predicting the mean ȳ, below 0 is worse.
    For constant y (the denominator is 0) it is 1 for a perfect fit and 0 otherwise,
    as scikit-learn's ``r2_score`` answers.
    """
    y = np.asarray(y, dtype=float)
    ss_res = float(np.sum(residuals(y, y_hat) ** 2))
    ss_tot = float(np.sum((y - y.mean()) ** 2))
    if ss_tot == 0:
        return 1.0 if ss_res == 0 else 0.0
    return 1.0 - ss_res / ss_tot


def scores(y: np.ndarray, y_hat: np.ndarray) -> dict[str, float]:
    """The figures people read, by name: MSE, RMSE, MAE and R²."""
    return {"MSE": mse(y, y_hat), "RMSE": rmse(y, y_hat), "MAE": mae(y, y_hat), "R²": r2(y, y_hat)}


def mse_gradient(x: np.ndarray, y: np.ndarray, w: float, b: float) -> np.ndarray:
    """Gradient of the MSE of the line, ``(∂L/∂w, ∂L/∂b) = ((2/m) Σ (ŷ_i − y_i) x_i, (2/m) Σ (ŷ_i − y_i))``."""
    x = np.asarray(x, dtype=float)
    error = predict_line(x, w, b) - y
    return np.array([2 * np.mean(error * x), 2 * np.mean(error)])


def line_loss_and_gradient(x: np.ndarray, y: np.ndarray):
    """``θ = (w, b) -> (MSE, ∇MSE)``, the function :func:`core.optimize.gradient_descent` needs."""
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)

    def loss_and_gradient(theta: np.ndarray) -> tuple[float, np.ndarray]:
        w, b = theta
        error = w * x + b - y
        return float(np.mean(error * error)), np.array([2 * np.mean(error * x), 2 * np.mean(error)])

    return loss_and_gradient


def descend(x: np.ndarray, y: np.ndarray, w: float, b: float, learning_rate: float, steps: int) -> DescentPath:
    """Gradient descent on the MSE of the line from ``(w, b)``: :func:`core.optimize.gradient_descent`'s path."""
    return gradient_descent(line_loss_and_gradient(x, y), np.array([w, b], dtype=float), learning_rate, steps)


def mse_grid(x: np.ndarray, y: np.ndarray, ws: np.ndarray, bs: np.ndarray) -> np.ndarray:
    """The MSE for every (w, b) of a grid, in one broadcast expression.

    ``L[i, j] = (1/m) Σ_k (ws[j]·x_k + bs[i] − y_k)²``, shape ``(len(bs), len(ws))``
    (rows follow b, columns follow w, as a contour plot wants them):

    ``((ws[None, :, None] * x + bs[:, None, None] - y) ** 2).mean(axis=-1)``

    The broadcast builds an array of shape ``(len(bs), len(ws), n)``; for many points
    it runs over blocks of rows so that at most about two million numbers exist at once.
    """
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    ws = np.asarray(ws, dtype=float)
    bs = np.asarray(bs, dtype=float)
    rows = max(1, GRID_CHUNK // max(1, ws.size * x.size))
    blocks = [
        ((ws[None, :, None] * x + bs[i : i + rows, None, None] - y) ** 2).mean(axis=-1) for i in range(0, bs.size, rows)
    ]
    return np.concatenate(blocks, axis=0)


def least_squares(x: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    """The (w, b) of lowest MSE, from scikit-learn's ``LinearRegression`` (the closed form
    ``w = Σ (x_i − x̄)(y_i − ȳ) / Σ (x_i − x̄)²``, ``b = ȳ − w x̄``)."""
    model = LinearRegression().fit(np.asarray(x, dtype=float).reshape(-1, 1), y)
    return float(model.coef_[0]), float(model.intercept_)


@dataclass(frozen=True)
class LineFit:
    """The least-squares line of some points, its MSE there, and the curvatures of their loss surface."""

    w: float
    b: float
    mse: float
    lam_max: float
    lam_min: float


def line_fit(x: np.ndarray, y: np.ndarray) -> LineFit:
    """:func:`least_squares`, its MSE and :func:`curvature` in one."""
    w, b = least_squares(x, y)
    return LineFit(w, b, mse(y, predict_line(x, w, b)), *curvature(x))


def curvature(x: np.ndarray) -> tuple[float, float]:
    """The eigenvalues (largest, smallest) of the MSE's Hessian in (w, b),
    ``H = 2 [[mean(x²), mean(x)], [mean(x), 1]]``.

    The MSE of a line is a bowl with this constant curvature. Gradient descent with
    learning rate η converges when ``η < 2 / λ_max``; the ratio ``λ_max / λ_min``
    (the condition number) says how stretched the bowl's ellipses are.
    """
    x = np.asarray(x, dtype=float)
    hessian = 2 * np.array([[np.mean(x * x), np.mean(x)], [np.mean(x), 1.0]])
    low, high = np.linalg.eigvalsh(hessian)
    return float(high), float(low)


def max_stable_learning_rate(x: np.ndarray) -> float:
    """``2 / λ_max``: above it, each step overshoots the valley further than it started, and the loss grows."""
    return 2.0 / curvature(x)[0]


def learning_rates(lam_max: float, decades: int = 8) -> tuple[float, ...]:
    """The learning rates offered for a loss of curvature ``λ_max``: 1, 2 and 5 times powers of ten.

    ``decades`` decades that end with the one just above ``2 / λ_max`` (where steps start to
    diverge), so that every data set, large numbers included, gets rates on both sides of it.

    >>> learning_rates(5.3, decades=2)
    (0.1, 0.2, 0.5, 1.0, 2.0, 5.0)
    """
    top = math.floor(math.log10(2.0 / lam_max)) + 1
    return tuple(float(f"{m}e{e}") for e in range(top - decades + 1, top + 1) for m in (1, 2, 5))


def convergence(learning_rate: float, lam_max: float) -> str:
    """What gradient descent on the MSE of a line does with learning rate η: ``"diverges"``,
    ``"zigzags"`` or ``"falls"``.

    Along the bowl's steepest direction each step multiplies the distance to the minimum by
    ``1 − η·λ_max``. From ``η ≥ 2 / λ_max`` on, that factor is at most −1: the steps never
    settle (at ``2 / λ_max`` exactly they bounce for ever, above it they grow). Between
    ``1 / λ_max`` and ``2 / λ_max`` the factor is negative but shorter than 1: each step jumps
    past the floor of the valley, less and less. At or below ``1 / λ_max`` the loss falls
    without overshooting.

    >>> convergence(0.5, 5.3), convergence(0.3, 5.3), convergence(0.1, 5.3)
    ('diverges', 'zigzags', 'falls')
    """
    if learning_rate * lam_max >= 2.0:
        return "diverges"
    if learning_rate * lam_max > 1.0:
        return "zigzags"
    return "falls"


def distance_factor(learning_rate: float, lam_max: float) -> float:
    """``|1 − η·λ_max|``: what each step multiplies the distance to the minimum by, along the
    steepest direction (the loss there is multiplied by its square)."""
    return abs(1.0 - learning_rate * lam_max)


def fit_polynomial(x: np.ndarray, y: np.ndarray, degree: int) -> Polynomial:
    """The least-squares polynomial ``ŷ = c_0 + c_1 x + … + c_d x^d``.

    ``numpy.polynomial.Polynomial.fit`` maps x onto [-1, 1] before fitting (feature
    scaling), so high degrees stay well conditioned; the result is called as ``p(x)``.
    With fewer than ``degree + 1`` points it returns the minimum-norm solution.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", np.exceptions.RankWarning)
        return Polynomial.fit(np.asarray(x, dtype=float), np.asarray(y, dtype=float), degree)


def degree_curve(
    x: np.ndarray, y: np.ndarray, test: np.ndarray, degrees: range = range(1, 10)
) -> tuple[np.ndarray, np.ndarray]:
    """For each degree, the training MSE and the test MSE of the polynomial fitted on the training points.

    ``test`` is a boolean mask of the held-out points (all false: every point trains, and the
    test MSE is nan). Returns two arrays of shape ``(len(degrees),)``.
    """
    train = ~np.asarray(test, dtype=bool)
    train_mse, test_mse = [], []
    for degree in degrees:
        p = fit_polynomial(x[train], y[train], degree)
        train_mse.append(mse(y[train], p(x[train])))
        test_mse.append(mse(y[~train], p(x[~train])) if (~train).any() else np.nan)
    return np.array(train_mse), np.array(test_mse)


OVERFIT_RISE = 1.1  # a test MSE 10% above its lowest, at a higher degree, is called overfitting


def overfitting(test_mse: np.ndarray, degrees: range = range(1, 10), rise: float = OVERFIT_RISE) -> tuple[int, str]:
    """The degree of lowest test MSE, and what the test curve does beyond it.

    ``"still falling"``: the lowest test MSE is at the largest degree, so no overfitting shows;
    ``"overfits"``: at some higher degree the test MSE is more than ``rise`` times its lowest;
    ``"flat"``: beyond the best degree the test MSE stays within that margin.

    >>> overfitting(np.array([3.0, 1.0, 1.5])), overfitting(np.array([3.0, 1.0, 1.05])), overfitting(np.array([3.0, 1.0]))
    ((2, 'overfits'), (2, 'flat'), (2, 'still falling'))
    """
    test_mse = np.asarray(test_mse, dtype=float)
    best = int(np.nanargmin(test_mse))
    degree = list(degrees)[best]
    if best == len(test_mse) - 1:
        return degree, "still falling"
    if np.nanmax(test_mse[best:]) > rise * test_mse[best]:
        return degree, "overfits"
    return degree, "flat"


def nice_step(span: float, positions: int = 1000) -> float:
    """A step of 1, 2 or 5 times a power of ten that cuts ``span`` into about ``positions`` steps."""
    raw = span / positions
    power = 10.0 ** math.floor(math.log10(raw))
    return float(f"{next(m * power for m in (1, 2, 5, 10) if m * power >= raw):.10g}")


def parameter_ranges(x: np.ndarray, y: np.ndarray) -> tuple[tuple[float, float], tuple[float, float]]:
    """Slider ranges for w and b that hold 0 and the least-squares optimum with room around it.

    Each range spans the optimum and 0, widened by half of ``max(|optimum|, the spread
    y/x or y)`` on each side, then rounded outward to a round number.
    """
    w_opt, b_opt = least_squares(x, y)
    y_spread = float(np.ptp(y)) or 1.0
    w_pad = max(abs(w_opt), y_spread / float(np.ptp(x))) * 0.75
    b_pad = max(abs(b_opt), y_spread) * 0.75
    return _nice_range(min(0.0, w_opt) - w_pad, max(0.0, w_opt) + w_pad), _nice_range(
        min(0.0, b_opt) - b_pad, max(0.0, b_opt) + b_pad
    )


def _nice_range(low: float, high: float) -> tuple[float, float]:
    unit = nice_step(high - low, 10)
    return float(f"{math.floor(low / unit) * unit:.10g}"), float(f"{math.ceil(high / unit) * unit:.10g}")
