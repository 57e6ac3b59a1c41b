"""core.iris against scikit-learn: the slide's fit, the scores and the feature names."""

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from sklearn.datasets import load_iris
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, confusion_matrix, precision_recall_fscore_support

from core import iris
from core.text import InputError

X, Y = iris.load()


def test_data_is_scikit_learns_iris():
    reference = load_iris()
    np.testing.assert_array_equal(X, reference.data)
    np.testing.assert_array_equal(Y, reference.target)
    assert X.shape == (150, 4) and tuple(reference.target_names) == iris.SPECIES
    assert [n.replace(" (cm)", "") for n in reference.feature_names] == list(iris.FEATURES)


def test_the_slides_fit_scores_0_9733():
    fit = iris.fit(X, Y)
    assert fit.converged and fit.warning is None
    assert f"{fit.model.score(X, Y):.4f}" == "0.9733"
    reference = LogisticRegression(random_state=0, max_iter=500).fit(X, Y)
    np.testing.assert_allclose(fit.model.coef_, reference.coef_)
    assert fit.n_iter == int(reference.n_iter_.max()) <= 500


def test_too_few_iterations_is_caught_not_printed():
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error")  # any warning that escaped would fail the test
        fit = iris.fit(X, Y, max_iter=5)
    assert not fit.converged and fit.n_iter == 5
    assert "failed to converge" in fit.warning


@pytest.mark.parametrize("C", [0.001, 0.1, 10.0, 1000.0])
def test_fit_passes_C_and_max_iter_through(C):
    fit = iris.fit(X[:, [2, 3]], Y, C=C, max_iter=300)
    reference = LogisticRegression(random_state=0, C=C, max_iter=300).fit(X[:, [2, 3]], Y)
    np.testing.assert_allclose(fit.model.predict_proba(X[:, [2, 3]]), reference.predict_proba(X[:, [2, 3]]))


@given(st.lists(st.integers(0, 2), min_size=1, max_size=60), st.randoms())
def test_scores_match_scikit_learn(y_true, rnd):
    y_true = np.array(y_true)
    y_pred = np.array([rnd.choice([0, 1, 2]) for _ in y_true])
    matrix = iris.confusion_matrix(y_true, y_pred)
    np.testing.assert_array_equal(matrix, confusion_matrix(y_true, y_pred, labels=[0, 1, 2]))
    assert iris.accuracy(y_true, y_pred) == pytest.approx(accuracy_score(y_true, y_pred))
    expected = precision_recall_fscore_support(y_true, y_pred, labels=[0, 1, 2], zero_division=0)
    for mine, theirs in zip(iris.precision_recall_f1(matrix), expected[:3]):
        np.testing.assert_allclose(mine, theirs)


def test_scores_of_the_slides_fit():
    predicted = iris.fit(X, Y).model.predict(X)
    matrix = iris.confusion_matrix(Y, predicted)
    assert matrix.sum() == 150 and np.trace(matrix) == 146
    precision, recall, f1 = iris.precision_recall_f1(matrix)
    assert precision[0] == recall[0] == f1[0] == 1.0  # setosa is never confused


@pytest.mark.parametrize(
    "text, indices",
    [
        ("0, 1, 2, 3", (0, 1, 2, 3)),
        ("petal width, petal length", (2, 3)),
        ("petal_length,petal_width", (2, 3)),
        ("Sepal Length (cm), 3", (0, 3)),
        ("petal-width", (3,)),
        ("1", (1,)),
    ],
)
def test_features_by_name_or_index(text, indices):
    assert iris.parse_features(text) == indices


@pytest.mark.parametrize(
    "text, words",
    [
        ("", "no feature"),
        ("4", "0 to 3"),
        ("-1", "does not exist"),
        ("petals", "not an Iris feature"),
        ("2, petal length", "twice"),
        ("0,,1", "empty"),
    ],
)
def test_bad_features_are_refused_with_a_reason(text, words):
    with pytest.raises(InputError, match=words):
        iris.parse_features(text)


@given(st.sets(st.integers(0, 3), min_size=1))
def test_feature_text_round_trips(indices):
    chosen = tuple(sorted(indices))
    assert iris.parse_features(iris.format_features(chosen)) == chosen


def test_decision_grid_is_the_models_prediction_at_each_grid_point():
    model = iris.fit(X[:, [2, 3]], Y).model
    xs, ys, classes = iris.decision_grid(model, (1, 7), (0, 2.5), n=20)
    assert xs.shape == ys.shape == (20,) and classes.shape == (20, 20)
    i, j = 7, 13
    assert classes[i, j] == model.predict([[xs[j], ys[i]]])[0]
    assert classes[0, 0] == 0 and classes[-1, -1] == 2  # small petals setosa, large virginica
