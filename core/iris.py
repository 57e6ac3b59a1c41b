"""The Iris flowers and scikit-learn's LogisticRegression on them: the "hello world" of ML.

150 flowers, 4 measurements each (cm), 3 species. ``load_iris`` ships with
scikit-learn: nothing is downloaded. The scores (``accuracy``, ``confusion_matrix``,
``precision_recall_f1``) are those of :mod:`core.metrics`, written out in NumPy so that their
formulas can be read; here the confusion matrix has three classes by default.
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
