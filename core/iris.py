"""The Iris flowers and scikit-learn's LogisticRegression on them: the "hello world" of ML.

150 flowers, 4 measurements each (cm), 3 species. ``load_iris`` ships with
scikit-learn: nothing is downloaded. The scores (``accuracy``, ``confusion_matrix``,
``precision_recall_f1``) are those of :mod:`core.metrics`, written out in NumPy so that their
formulas can be read; here the confusion matrix has three classes by default.

For the page's C slider, :func:`fit_path` fits the model at every slider position once, and the
rest is NumPy on its weights, for all positions at once: the class scores ``z = X Wᵀ + b``, their
softmax, the predictions, and the decision regions of a two-feature model as exact polygons.
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass

import numpy as np

from core import metrics
from core.metrics import accuracy, precision_recall_f1  # noqa: F401 (the Iris scores)
from core.text import InputError

FEATURES = ("sepal length", "sepal width", "petal length", "petal width")  # in cm
SPECIES = ("setosa", "versicolor", "virginica")
C_LIMITS = (1e-3, 1e3)  # the ends of the C slider
# The C slider's positions: exponents of 10, four a decade, so 24 arrow presses span it.
C_EXPONENTS = tuple(float(e) for e in np.round(np.arange(-3, 3.0001, 0.25), 2))


def load() -> tuple[np.ndarray, np.ndarray]:
    """The Iris data: ``X`` of shape (150, 4) in cm, ``y`` of shape (150,) with classes 0, 1, 2."""
    from sklearn.datasets import load_iris

    return load_iris(return_X_y=True)


def parse_features(text: str) -> tuple[int, ...]:
    """Read the chosen features: names or 0-based indices separated by commas.

    Names may be written as scikit-learn does (``petal length (cm)``), plainly
    (``petal length``) or with underscores (``petal_length``). Returns the sorted indices,
    e.g. ``"petal_width, 2"`` -> ``(2, 3)``. Refuses unknown names, indices outside 0..3,
    repeats and empty input with :class:`InputError`.
    """
    tokens = [t.strip() for t in str(text).split(",")]
    if not any(tokens):
        raise InputError("no feature is chosen; name at least one, e.g. petal length, petal width or 2, 3")
    chosen: list[int] = []
    for token in tokens:
        if not token:
            raise InputError("there is an empty name between two commas")
        index = _feature_index(token)
        if index in chosen:
            raise InputError(f"{FEATURES[index]!r} is chosen twice")
        chosen.append(index)
    return tuple(sorted(chosen))


def format_features(indices) -> str:
    """The URL text for chosen features: their names with underscores, e.g. ``petal_length,petal_width``."""
    return ",".join(FEATURES[i].replace(" ", "_") for i in indices)


def _feature_index(token: str) -> int:
    if re.fullmatch(r"[+-]?\d+", token):
        index = int(token)
        if not 0 <= index < len(FEATURES):
            raise InputError(
                f"feature index {index} does not exist; use 0 to {len(FEATURES) - 1} "
                f"({', '.join(f'{i} = {n}' for i, n in enumerate(FEATURES))})"
            )
        return index
    name = re.sub(r"\s*\(cm\)\s*$", "", token.lower().replace("_", " ").replace("-", " "))
    name = re.sub(r"\s+", " ", name).strip()
    if name in FEATURES:
        return FEATURES.index(name)
    shown = token if len(token) <= 30 else token[:30] + "…"
    raise InputError(f"{shown!r} is not an Iris feature; use {', '.join(FEATURES)} (or 0 to 3)")


@dataclass(frozen=True)
class Fit:
    """A fitted ``LogisticRegression`` and how the fit went."""

    model: object  # sklearn.linear_model.LogisticRegression
    converged: bool  # False when lbfgs stopped at max_iter (a ConvergenceWarning)
    n_iter: int  # iterations lbfgs used
    warning: str | None  # scikit-learn's own words, when it warned


def fit(X: np.ndarray, y: np.ndarray, C: float = 1.0, max_iter: int = 500) -> Fit:
    """``LogisticRegression(random_state=0, C=C, max_iter=max_iter).fit(X, y)``, as on the slide.

    A ``ConvergenceWarning`` (lbfgs reached ``max_iter`` before the gradient was small) is
    caught and returned in :class:`Fit` instead of being printed.
    """
    from sklearn.exceptions import ConvergenceWarning
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(random_state=0, C=C, max_iter=max_iter)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ConvergenceWarning)
        model.fit(X, y)
    messages = [str(w.message) for w in caught if issubclass(w.category, ConvergenceWarning)]
    return Fit(model, not messages, int(np.max(model.n_iter_)), messages[0] if messages else None)


def confusion_matrix(y_true, y_pred, n_classes: int = len(SPECIES)) -> np.ndarray:
    """``M[i, j]`` = how many flowers of true class ``i`` were predicted as class ``j``: the
    three-species matrix of :func:`core.metrics.confusion_matrix`. The diagonal counts the
    correct predictions; ``M.sum() = n``."""
    return metrics.confusion_matrix(y_true, y_pred, n_classes)


def c_from_exponent(exponent: float) -> float:
    """The C at a slider position, ``10 ** exponent`` to 3 significant digits, as a person would type it.

    >>> c_from_exponent(0.25), c_from_exponent(-0.5), c_from_exponent(3.0)
    (1.78, 0.316, 1000.0)
    """
    return float(f"{10.0**exponent:.3g}")


def c_at(exponent: float) -> float:
    """The C at slider position ``exponent``: a grid position's C (:func:`c_from_exponent`), else
    ``10 ** exponent`` to 6 significant digits, as the URL writes it (a linked C between two positions).

    >>> c_at(-0.5), c_at(float(np.log10(0.5)))
    (0.316, 0.5)
    """
    if exponent in C_EXPONENTS:
        return c_from_exponent(exponent)
    return float(f"{10.0**exponent:.6g}")


def c_positions(c: float) -> tuple[tuple[float, ...], tuple[float, ...]]:
    """The C slider's positions (exponents) and the C of each: :data:`C_EXPONENTS`, plus ``c`` where it falls between.

    A C that a grid position already writes the same way (``0.316`` for 10^-0.5) takes that position.

    >>> c_positions(0.316)[1][8:11], c_positions(0.5)[1][10:13]
    ((0.1, 0.178, 0.316), (0.316, 0.5, 0.562))
    """
    cs = [c_from_exponent(e) for e in C_EXPONENTS]
    if c in cs:
        return C_EXPONENTS, tuple(cs)
    exponent = float(np.log10(c))
    at = int(np.searchsorted(C_EXPONENTS, exponent))
    return C_EXPONENTS[:at] + (exponent,) + C_EXPONENTS[at:], tuple(cs[:at] + [c] + cs[at:])


@dataclass(frozen=True)
class FitPath:
    """``LogisticRegression`` fitted at several C, one row per C (the positions of the C slider)."""

    C: np.ndarray  # (P,)
    coef: np.ndarray  # (P, 3, n): W, one row of weights per species
    intercept: np.ndarray  # (P, 3): b
    n_iter: np.ndarray  # (P,) lbfgs iterations used
    converged: np.ndarray  # (P,) False where lbfgs stopped at max_iter


def fit_path(X: np.ndarray, y: np.ndarray, Cs, max_iter: int = 500) -> FitPath:
    """:func:`fit` at each C of ``Cs``, each from scratch as the slide's one line does.

    On one BLAS thread: for 150 flowers a second thread only waits, and on a busy machine
    (a class on one server) its spinning made a path of 25 fits take 20 s instead of 0.3 s.
    """
    from threadpoolctl import threadpool_limits  # installed with scikit-learn

    with threadpool_limits(1, user_api="blas"):
        fits = [fit(X, y, float(C), max_iter) for C in Cs]
    return FitPath(
        np.asarray(Cs, dtype=float),
        np.stack([f.model.coef_ for f in fits]),
        np.stack([f.model.intercept_ for f in fits]),
        np.array([f.n_iter for f in fits]),
        np.array([f.converged for f in fits]),
    )


def class_scores(X: np.ndarray, coef: np.ndarray, intercept: np.ndarray) -> np.ndarray:
    """``z = X Wᵀ + b``: one linear score per species for each row of ``X``, shape (..., m, 3).

    ``coef`` (3, n) and ``intercept`` (3,) give one model, as ``clf.decision_function(X)``;
    with a leading axis, (P, 3, n) and (P, 3), every model of a :class:`FitPath` at once.
    One flower ``x`` of shape (n,) gets its three scores, shape (..., 3).
    """
    X = np.asarray(X, dtype=float)
    return X @ np.swapaxes(coef, -1, -2) + (intercept if X.ndim == 1 else intercept[..., None, :])


def softmax(z: np.ndarray) -> np.ndarray:
    """``p_k = e^(z_k) / Σ_j e^(z_j)`` along the last axis, the largest score subtracted first.

    >>> softmax(np.array([0.0, 0.0])).tolist(), softmax(np.array([1000.0, 0.0])).round(4).tolist()
    ([0.5, 0.5], [1.0, 0.0])
    """
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def predict(X: np.ndarray, coef: np.ndarray, intercept: np.ndarray) -> np.ndarray:
    """The species with the largest score, ``clf.predict(X)``; shape (..., m) as in :func:`class_scores`."""
    return np.argmax(class_scores(X, coef, intercept), axis=-1)


def path_accuracy(X: np.ndarray, y: np.ndarray, path: FitPath) -> np.ndarray:
    """``clf.score(X, y)`` of every model of ``path``: the share of flowers predicted right, shape (P,)."""
    return np.mean(predict(X, path.coef, path.intercept) == np.asarray(y), axis=-1)


def region_polygons(
    coef: np.ndarray, intercept: np.ndarray, x_range: tuple[float, float], y_range: tuple[float, float]
) -> list[np.ndarray]:
    """Where a two-feature model predicts each species, inside a box: one convex polygon per species.

    Species k wins where ``z_k - z_j = (w_k - w_j)·x + (b_k - b_j) >= 0`` for every other j: the
    box cut by two straight lines, so its region is a convex polygon. Returns an array of
    vertices, shape (v, 2), per species (v = 0 where it wins nowhere in the box).
    """
    (x0, x1), (y0, y1) = x_range, y_range
    box = np.array([[x0, y0], [x1, y0], [x1, y1], [x0, y1]], dtype=float)
    polygons = []
    for k in range(len(intercept)):
        polygon = box
        for j in range(len(intercept)):
            if j != k:
                polygon = _keep_side(polygon, coef[k] - coef[j], intercept[k] - intercept[j])
        polygons.append(polygon)
    return polygons


def _keep_side(polygon: np.ndarray, w: np.ndarray, b: float) -> np.ndarray:
    """The part of a convex ``polygon`` where ``w·x + b >= 0`` (one step of Sutherland-Hodgman clipping)."""
    if len(polygon) == 0:
        return polygon
    side = polygon @ w + b
    kept = []
    for i in range(len(polygon)):
        j = (i + 1) % len(polygon)
        if side[i] >= 0:
            kept.append(polygon[i])
        if (side[i] >= 0) != (side[j] >= 0):  # the edge crosses the line: keep the crossing
            kept.append(polygon[i] + (polygon[j] - polygon[i]) * side[i] / (side[i] - side[j]))
    return np.array(kept, dtype=float).reshape(-1, 2)
