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


def test_c_positions_are_the_grid_plus_an_exact_c_between():
    exponents, cs = iris.c_positions(1.0)
    assert exponents == iris.C_EXPONENTS and len(exponents) == 25
    assert cs[0] == 0.001 and cs[12] == 1.0 and cs[-1] == 1000.0
    assert iris.c_positions(0.316) == (exponents, cs), "a C the grid writes the same way takes its position"
    exponents, cs = iris.c_positions(0.5)
    assert len(cs) == 26 and cs[11] == 0.5 and exponents[11] == pytest.approx(np.log10(0.5))
    assert list(exponents) == sorted(exponents) and list(cs) == sorted(cs)


@pytest.mark.parametrize("c", [1.0, 0.316, 0.5, 0.123457, 0.001, 1000.0, 2.5])
def test_each_position_gives_back_its_c(c):
    exponents, cs = iris.c_positions(c)
    assert tuple(map(iris.c_at, exponents)) == cs


@pytest.mark.parametrize("features", [(0, 1, 2, 3), (2, 3), (1,)])
def test_path_is_scikit_learn_at_every_c(features):
    Cs = (0.01, 1.0, 100.0)
    path = iris.fit_path(X[:, list(features)], Y, Cs, max_iter=500)
    assert path.coef.shape == (3, 3, len(features)) and path.intercept.shape == (3, 3)
    for i, C in enumerate(Cs):
        clf = LogisticRegression(random_state=0, C=C, max_iter=500).fit(X[:, list(features)], Y)
        np.testing.assert_allclose(path.coef[i], clf.coef_)
        assert path.n_iter[i] == clf.n_iter_.max() and path.converged[i]
        seen = X[:, list(features)]
        z = iris.class_scores(seen, path.coef[i], path.intercept[i])
        np.testing.assert_allclose(z, clf.decision_function(seen), rtol=1e-12, atol=1e-12)
        np.testing.assert_allclose(iris.softmax(z), clf.predict_proba(seen), rtol=1e-9, atol=1e-15)
        np.testing.assert_array_equal(iris.predict(seen, path.coef[i], path.intercept[i]), clf.predict(seen))
        assert iris.path_accuracy(seen, Y, path)[i] == clf.score(seen, Y)
    # All positions at once give what each gives alone.
    np.testing.assert_allclose(
        iris.class_scores(X[:, list(features)], path.coef, path.intercept)[1],
        iris.class_scores(X[:, list(features)], path.coef[1], path.intercept[1]),
    )


def test_a_path_that_stops_early_says_so():
    path = iris.fit_path(X, Y, (1.0, 1000.0), max_iter=5)
    assert not path.converged.any() and list(path.n_iter) == [5, 5]


def inside(polygon, points):
    """Whether each point lies in the convex polygon (vertices counter-clockwise, edges included)."""
    edges = np.roll(polygon, -1, axis=0) - polygon
    to_points = points[:, None, :] - polygon[None, :, :]
    cross = edges[None, :, 0] * to_points[..., 1] - edges[None, :, 1] * to_points[..., 0]
    return np.all(cross >= -1e-9, axis=1)


@pytest.mark.parametrize("C", [0.001, 0.1, 1.0, 1000.0])
@pytest.mark.parametrize("pair", [(2, 3), (0, 1), (1, 3)])
def test_region_polygons_are_where_the_model_predicts_each_species(C, pair):
    model = iris.fit(X[:, list(pair)], Y, C).model
    box = ((0.0, 8.0), (-0.5, 5.0))
    polygons = iris.region_polygons(model.coef_, model.intercept_, *box)
    areas = [0.5 * abs(np.sum(p[:, 0] * np.roll(p[:, 1], -1) - np.roll(p[:, 0], -1) * p[:, 1])) for p in polygons]
    assert sum(areas) == pytest.approx(8.0 * 5.5), "the regions tile the box"
    points = np.random.default_rng(0).uniform((0.0, -0.5), (8.0, 5.0), size=(2000, 2))
    predicted = model.predict(points)
    for k, polygon in enumerate(polygons):
        if len(polygon):
            np.testing.assert_array_equal(inside(polygon, points), predicted == k)
        else:
            assert not np.any(predicted == k)
