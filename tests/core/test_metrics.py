"""core.metrics against scikit-learn: the confusion matrix and the scores at a threshold."""

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from scipy.special import expit
from sklearn.metrics import accuracy_score, confusion_matrix, f1_score, precision_score, recall_score

from core import iris, logistic, metrics


@st.composite
def labels_and_probabilities(draw):
    n = draw(st.integers(1, 40))
    y = np.array(draw(st.lists(st.integers(0, 1), min_size=n, max_size=n)))
    p = np.array(draw(st.lists(st.floats(0, 1), min_size=n, max_size=n)))
    return y, p


@given(labels_and_probabilities(), st.floats(0, 1))
def test_scores_at_a_threshold_match_scikit_learn(data, threshold):
    y, p = data
    predicted = (p >= threshold).astype(int)
    matrix = metrics.confusion_at_threshold(y, p, threshold)
    np.testing.assert_array_equal(matrix, confusion_matrix(y, predicted, labels=[0, 1]))
    assert matrix.shape == (2, 2) and matrix.sum() == len(y)
    assert metrics.accuracy_at_threshold(y, p, threshold) == pytest.approx(accuracy_score(y, predicted))
    precision, recall, f1 = metrics.scores_at_threshold(y, p, threshold)
    assert precision == pytest.approx(precision_score(y, predicted, labels=[0, 1], zero_division=0))
    assert recall == pytest.approx(recall_score(y, predicted, labels=[0, 1], zero_division=0))
    assert f1 == pytest.approx(f1_score(y, predicted, labels=[0, 1], zero_division=0))


@pytest.mark.parametrize(
    "y, p, threshold, expected",
    [
        ([0, 1, 1], [0.1, 0.2, 0.3], 0.9, (0.0, 0.0, 0.0)),  # nothing called positive: precision 0/0
        ([0, 0, 0], [0.1, 0.6, 0.8], 0.5, (0.0, 0.0, 0.0)),  # no positive point: recall 0/0
        ([0, 0], [0.1, 0.2], 0.5, (0.0, 0.0, 0.0)),  # both 0/0: F1 0/0
        ([0, 1, 1], [0.1, 0.6, 0.8], 0.0, (2 / 3, 1.0, 0.8)),  # threshold 0: everything positive
        ([0, 1, 1], [0.1, 0.6, 0.8], 0.5, (1.0, 1.0, 1.0)),
    ],
)
def test_zero_division_cases_are_zero(y, p, threshold, expected):
    assert metrics.scores_at_threshold(y, p, threshold) == pytest.approx(expected)


def test_a_p_equal_to_the_threshold_is_class_one():
    assert metrics.predict_at_threshold([0.3, 0.5, 0.7], 0.5).tolist() == [0, 1, 1]
    assert metrics.confusion_at_threshold([1], [0.5]).tolist() == [[0, 0], [0, 1]]


def test_raising_the_threshold_trades_recall_for_precision():
    rng = np.random.default_rng(0)
    y = rng.integers(0, 2, 200)
    p = np.clip(0.5 * y + rng.uniform(0, 0.5, 200), 0, 1)
    recalls = [metrics.scores_at_threshold(y, p, t)[1] for t in np.linspace(0, 1, 11)]
    assert np.all(np.diff(recalls) <= 0) and recalls[0] == 1.0


def test_iris_uses_the_same_scores():
    assert iris.precision_recall_f1 is metrics.precision_recall_f1
    assert iris.accuracy is metrics.accuracy
    np.testing.assert_array_equal(iris.confusion_matrix([0, 2], [1, 2]), metrics.confusion_matrix([0, 2], [1, 2], 3))


@given(st.floats(-3, 3), st.floats(-10, 10), st.floats(0, 1))
def test_logistic_accuracy_at_a_threshold_is_the_metrics_one(w, b, threshold):
    x, y = logistic.bmi_disease()
    p = logistic.probability(x, w, b)
    np.testing.assert_allclose(p, expit(w * x + b), rtol=1e-12)
    assert logistic.accuracy(x, y, w, b, threshold) == metrics.accuracy_at_threshold(y, p, threshold)
    np.testing.assert_array_equal(logistic.predict(x, w, b, threshold), metrics.predict_at_threshold(p, threshold))
    assert logistic.accuracy(x, y, w, b) == logistic.accuracy(x, y, w, b, 0.5)
