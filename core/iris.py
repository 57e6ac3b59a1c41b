"""The Iris flowers and scikit-learn's LogisticRegression on them: the "hello world" of ML.

150 flowers, 4 measurements each (cm), 3 species. ``load_iris`` ships with
scikit-learn: nothing is downloaded. The scores (confusion matrix, precision,
recall, F1) are written out in NumPy so that their formulas can be read.
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass

import numpy as np

from core.text import InputError

FEATURES = ("sepal length", "sepal width", "petal length", "petal width")  # in cm
SPECIES = ("setosa", "versicolor", "virginica")


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


def accuracy(y_true, y_pred) -> float:
    """The share of correct predictions, ``(1/n) Σ [ŷ_i = y_i]`` (what ``clf.score`` returns)."""
    return float(np.mean(np.asarray(y_true) == np.asarray(y_pred)))


def confusion_matrix(y_true, y_pred, n_classes: int = 3) -> np.ndarray:
    """``M[i, j]`` = how many flowers of true class ``i`` were predicted as class ``j``.

    The diagonal counts the correct predictions; ``M.sum() = n``.
    """
    matrix = np.zeros((n_classes, n_classes), dtype=int)
    np.add.at(matrix, (np.asarray(y_true), np.asarray(y_pred)), 1)
    return matrix


def precision_recall_f1(matrix: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per class ``k``, from a confusion matrix ``M``:

    - precision = ``M[k, k] / Σ_i M[i, k]`` (of the flowers called ``k``, the share that are ``k``),
    - recall = ``M[k, k] / Σ_j M[k, j]`` (of the flowers that are ``k``, the share found),
    - F1 = ``2 · precision · recall / (precision + recall)``, their harmonic mean.

    A ratio whose denominator is 0 is 0, as in scikit-learn with ``zero_division=0``.
    """
    matrix = np.asarray(matrix, dtype=float)
    hits = np.diag(matrix)
    predicted, actual = matrix.sum(axis=0), matrix.sum(axis=1)
    precision = np.divide(hits, predicted, out=np.zeros_like(hits), where=predicted > 0)
    recall = np.divide(hits, actual, out=np.zeros_like(hits), where=actual > 0)
    total = precision + recall
    f1 = np.divide(2 * precision * recall, total, out=np.zeros_like(hits), where=total > 0)
    return precision, recall, f1


def decision_grid(
    model, x_range: tuple[float, float], y_range: tuple[float, float], n: int = 150
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The predicted class of a two-feature ``model`` at every point of an ``n × n`` grid.

    Returns ``xs`` (n,), ``ys`` (n,) and the classes of shape (n, n), row ``i`` at ``ys[i]``.
    """
    xs, ys = np.linspace(*x_range, n), np.linspace(*y_range, n)
    gx, gy = np.meshgrid(xs, ys)
    classes = model.predict(np.column_stack([gx.ravel(), gy.ravel()])).reshape(n, n)
    return xs, ys, classes
