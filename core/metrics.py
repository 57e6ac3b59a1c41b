"""Scores of a classifier: the confusion matrix, accuracy, precision, recall and F1.

One set of functions for every page: the Iris page (three classes, predicted by a model) and the
logistic page (two classes, predicted by a threshold on the probability ``p``). A ratio whose
denominator is 0 is 0, as in scikit-learn with ``zero_division=0``.
"""

from __future__ import annotations

import numpy as np


def accuracy(y_true, y_pred) -> float:
    """The share of correct predictions, ``(1/m) Σ [ŷ_i = y_i]`` (what ``clf.score`` returns).

    >>> accuracy([0, 1, 1, 0], [0, 1, 0, 0])
    0.75
    """
    return float(np.mean(np.asarray(y_true) == np.asarray(y_pred)))


def confusion_matrix(y_true, y_pred, n_classes: int = 2) -> np.ndarray:
    """``M[i, j]`` = how many points of true class ``i`` were predicted as class ``j``.

    The diagonal counts the correct predictions; ``M.sum() = n``. For two classes the rows are
    the true 0 and 1 and the columns the predicted 0 and 1: ``[[TN, FP], [FN, TP]]``.

    >>> confusion_matrix([0, 0, 1, 1, 1], [0, 1, 1, 1, 0])
    array([[1, 1],
           [1, 2]])
    """
    matrix = np.zeros((n_classes, n_classes), dtype=int)
    np.add.at(matrix, (np.asarray(y_true, dtype=int), np.asarray(y_pred, dtype=int)), 1)
    return matrix


def precision_recall_f1(matrix) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per class ``k``, from a confusion matrix ``M``:

    - precision = ``M[k, k] / Σ_i M[i, k]`` (of the points called ``k``, the share that are ``k``),
    - recall = ``M[k, k] / Σ_j M[k, j]`` (of the points that are ``k``, the share found),
    - F1 = ``2 · precision · recall / (precision + recall)``, their harmonic mean.

    A ratio whose denominator is 0 is 0, as in scikit-learn with ``zero_division=0``: no point
    called ``k`` gives precision 0, no point of class ``k`` gives recall 0, and both 0 give F1 0.
    For two classes, index 1 holds the scores of the positive class (see :func:`scores_at_threshold`).

    >>> precision, recall, f1 = precision_recall_f1([[1, 1], [1, 3]])
    >>> float(precision[1]), float(recall[1]), float(f1[1])
    (0.75, 0.75, 0.75)
    """
    matrix = np.asarray(matrix, dtype=float)
    hits = np.diag(matrix)
    predicted, actual = matrix.sum(axis=0), matrix.sum(axis=1)
    precision = np.divide(hits, predicted, out=np.zeros_like(hits), where=predicted > 0)
    recall = np.divide(hits, actual, out=np.zeros_like(hits), where=actual > 0)
    total = precision + recall
    f1 = np.divide(2 * precision * recall, total, out=np.zeros_like(hits), where=total > 0)
    return precision, recall, f1


def predict_at_threshold(p, threshold: float = 0.5) -> np.ndarray:
    """The predicted class, ``ŷ = 1 if p >= threshold else 0``.

    >>> predict_at_threshold([0.2, 0.5, 0.9], 0.5)
    array([0, 1, 1])
    """
    return (np.asarray(p, dtype=float) >= threshold).astype(int)


def confusion_at_threshold(y, p, threshold: float = 0.5) -> np.ndarray:
    """The 2 × 2 confusion matrix when ``p >= threshold`` counts as class 1.

    Rows are the true classes 0 and 1, columns the predicted classes 0 and 1:
    ``[[TN, FP], [FN, TP]]``.

    >>> confusion_at_threshold([0, 0, 1, 1], [0.1, 0.6, 0.4, 0.8], 0.5)
    array([[1, 1],
           [1, 1]])
    """
    return confusion_matrix(y, predict_at_threshold(p, threshold), n_classes=2)


def accuracy_at_threshold(y, p, threshold: float = 0.5) -> float:
    """The share of points whose class is predicted right, ``(TN + TP) / n``, with ``p >= threshold`` as class 1.

    >>> accuracy_at_threshold([0, 0, 1, 1], [0.1, 0.6, 0.4, 0.8], 0.3)
    0.75
    """
    return accuracy(y, predict_at_threshold(p, threshold))


def scores_at_threshold(y, p, threshold: float = 0.5) -> tuple[float, float, float]:
    """Precision, recall and F1 of class 1 when ``p >= threshold`` counts as class 1.

    precision = ``TP / (TP + FP)``, recall = ``TP / (TP + FN)``,
    F1 = ``2 · precision · recall / (precision + recall)`` (``= 2 TP / (2 TP + FP + FN)``);
    each is 0 where its denominator is 0 (scikit-learn's ``zero_division=0``): a threshold above
    every ``p`` calls no point positive, so precision, recall and F1 are all 0.

    >>> scores_at_threshold([0, 0, 1, 1], [0.1, 0.6, 0.4, 0.8], 0.3)
    (0.6666666666666666, 1.0, 0.8)
    >>> scores_at_threshold([0, 1], [0.2, 0.4], 0.9)
    (0.0, 0.0, 0.0)
    """
    precision, recall, f1 = precision_recall_f1(confusion_at_threshold(y, p, threshold))
    return float(precision[1]), float(recall[1]), float(f1[1])
