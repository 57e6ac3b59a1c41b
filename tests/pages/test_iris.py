"""The iris page through its URL contract (`C`, `features`, `max_iter`), checked against scikit-learn."""

import json

import numpy as np
import pytest
from sklearn.datasets import load_iris
from sklearn.linear_model import LogisticRegression

from scripts.app_driver import metrics, open_page, slider

PAGE = "iris"
X, Y = load_iris(return_X_y=True)


def reference_accuracy(C=1.0, features=(0, 1, 2, 3), max_iter=500):
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        clf = LogisticRegression(random_state=0, C=C, max_iter=max_iter).fit(X[:, list(features)], Y)
    return f"{clf.score(X[:, list(features)], Y):.4f}", clf


def chart(at, key):
    for element in at.get("plotly_chart"):
        if element.proto.id and key in element.proto.id:
            return json.loads(element.proto.spec)
    raise KeyError(key)


def test_defaults_reproduce_the_slide():
    at = open_page(PAGE)
    assert not at.exception and not at.warning and not at.info
    assert metrics(at)["accuracy"] == "0.9733"
    code = [c.value for c in at.code if "LogisticRegression(random_state=0, max_iter=500).fit(X, y)" in c.value]
    assert len(code) == 1


SLIDE_LINES = [
    "iris = load_iris()",
    "X, y = iris['data'], iris['target']",
    "print(iris['feature_names'])",
    "print(iris['target_names'])",
    "print(clf.predict(X[2:, :])[:5])",
    "print(clf.predict_proba(X[2:, :])[:5].round(4))",
]


def test_the_code_panel_is_the_slides_code_line_for_line():
    at = open_page(PAGE)
    (code,) = [c.value for c in at.code if "import numpy as np" in c.value]
    lines = [line.strip() for line in code.splitlines()]
    for line in SLIDE_LINES:
        assert line in lines, line
    assert "clf.score(X, y)" in code and "return_X_y" not in code
    order = [lines.index(line) for line in SLIDE_LINES]
    assert order == sorted(order), "the slide's lines in the slide's order"


def test_the_slide_result_is_said_only_in_the_slides_state():
    said = lambda at: " ".join(m.value for m in at.markdown)
    at = open_page(PAGE)
    assert "0.9733 is the slide's result" in said(at)
    for query in ({"C": "0.1"}, {"features": "petal_length,petal_width"}, {"max_iter": "5"}):
        at = open_page(PAGE, query)
        assert not at.exception
        assert "slide's result" not in said(at), query


@pytest.mark.parametrize("max_iter", [100, 500])
def test_what_the_slide_result_says_about_max_iter_is_true(max_iter):
    """The slide's fit (scikit-learn's default max_iter = 100) stops early and still scores 0.9733."""
    import warnings

    from sklearn.exceptions import ConvergenceWarning

    from app.lessons import iris as text

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        clf = LogisticRegression(random_state=0, max_iter=max_iter).fit(X, Y)
    assert f"{clf.score(X, Y):.4f}" == text.SLIDE_RESULT
    assert int(round(clf.score(X, Y) * 150)) == 146
    stopped = any(issubclass(w.category, ConvergenceWarning) for w in caught)
    assert stopped == (max_iter == 100)
    assert "ConvergenceWarning" in text.slide_result(max_iter)


@pytest.mark.parametrize(
    "query, C, features, max_iter",
    [
        ({"C": "0.01"}, 0.01, (0, 1, 2, 3), 500),
        ({"C": "100", "features": "petal_length,petal_width"}, 100.0, (2, 3), 500),
        ({"features": "0, 1"}, 1.0, (0, 1), 500),
        ({"features": "sepal width (cm), 2", "max_iter": "50"}, 1.0, (1, 2), 50),
        ({"C": "0.5", "features": "3"}, 0.5, (3,), 500),
    ],
)
def test_figures_match_scikit_learn(query, C, features, max_iter):
    at = open_page(PAGE, query)
    assert not at.exception and not at.warning
    expected, clf = reference_accuracy(C, features, max_iter)
    shown = metrics(at)
    assert shown["accuracy"] == expected
    assert shown["iterations"] == str(int(clf.n_iter_.max()))
    assert shown["misclassified"] == str(int(np.sum(clf.predict(X[:, list(features)]) != Y)))


def test_flower_probabilities_are_predict_proba():
    query = {"sepal_length": "5.1", "sepal_width": "3.5", "petal_length": "1.4", "petal_width": "0.2"}
    at = open_page(PAGE, query | {"features": "2,3"})
    _, clf = reference_accuracy(features=(2, 3))
    bars = chart(at, "iris_proba")["data"][0]
    np.testing.assert_allclose(
        bars["x"] if isinstance(bars["x"], list) else _decode(bars["x"]), clf.predict_proba([[1.4, 0.2]])[0], rtol=1e-9
    )


def test_confusion_matrix_is_scikit_learns():
    from sklearn.metrics import confusion_matrix

    at = open_page(PAGE)
    z = chart(at, "iris_confusion")["data"][0]["z"]
    z = z if isinstance(z, list) else _decode(z)
    _, clf = reference_accuracy()
    np.testing.assert_array_equal(np.array(z), confusion_matrix(Y, clf.predict(X)))


def test_too_few_iterations_are_explained_with_info_not_a_warning():
    at = open_page(PAGE, {"max_iter": "3"})
    assert not at.exception and not at.warning
    assert any("ConvergenceWarning" in i.value and "max_iter = 3" in i.value for i in at.info)
    assert metrics(at)["iterations"] == "3"
    assert metrics(at)["accuracy"] == reference_accuracy(max_iter=3)[0]


@pytest.mark.parametrize(
    "query, name",
    [
        ({"C": "-1"}, "C"),
        ({"C": "abc"}, "C"),
        ({"C": "1e9"}, "C"),
        ({"features": "petals"}, "features"),
        ({"features": "7"}, "features"),
        ({"max_iter": "0"}, "max_iter"),
    ],
)
def test_bad_url_values_warn_and_the_page_works(query, name):
    at = open_page(PAGE, query)
    assert not at.exception
    assert any(f"`{name}`" in w.value for w in at.warning)
    assert metrics(at)["accuracy"]


def test_c_slider_is_logarithmic_and_the_url_holds_c():
    at = open_page(PAGE)
    slider(at, "C_exponent").set_value(1.0).run()
    assert at.query_params["C"] == "10"
    assert metrics(at)["accuracy"] == reference_accuracy(C=10.0)[0]
    slider(at, "C_exponent").set_value(-0.5).run()
    assert at.query_params["C"] == "0.316"
    reopened = open_page(PAGE, dict(at.query_params))
    assert metrics(reopened) == metrics(at) and slider(reopened, "C_exponent").value == -0.5


def test_back_and_forward_bring_c_back_from_the_url():
    at = open_page(PAGE)
    slider(at, "C_exponent").set_value(1.0).run()
    assert at.query_params["C"] == "10"
    at.query_params["C"] = "0.5"  # the browser went back to a link with another C
    at.run()
    assert slider(at, "C_exponent").value == pytest.approx(np.log10(0.5))
    assert metrics(at)["accuracy"] == reference_accuracy(C=0.5)[0]


def test_exact_c_from_the_url_is_kept():
    at = open_page(PAGE, {"C": "0.5"})
    assert at.query_params["C"] == "0.5"
    assert metrics(at)["accuracy"] == reference_accuracy(C=0.5)[0]


def test_features_widget_writes_the_url_and_refuses_none():
    at = open_page(PAGE)
    at.button_group(key="features").set_value([2, 3]).run()  # petal length, petal width
    assert at.query_params["features"] == "petal_length,petal_width"
    assert metrics(at)["accuracy"] == reference_accuracy(features=(2, 3))[0]
    at.button_group(key="features").set_value([]).run()
    assert not at.exception and any("at least one" in e.value for e in at.error)
    assert metrics(at)["accuracy"] == "0.9733"


def test_same_feature_on_both_axes_is_an_error():
    at = open_page(PAGE, {"plot_x": "sepal_width", "plot_y": "sepal_width"})
    assert not at.exception and any("two different features" in e.value for e in at.error)


def test_rerun_does_not_refit():
    """Fits are cached: a second run with the same C, features and max_iter costs no fit."""
    from unittest import mock

    from core import iris

    at = open_page(PAGE, {"C": "3.7"})
    with mock.patch.object(iris, "fit", side_effect=AssertionError("refitted")):
        at.slider(key="sepal_length").set_value(6.0).run()
    assert not at.exception, at.exception


def _decode(typed):
    """Plotly 6 sends NumPy arrays as typed arrays: {'dtype': ..., 'bdata': base64, 'shape': ...}."""
    import base64

    array = np.frombuffer(base64.b64decode(typed["bdata"]), dtype=np.dtype(typed["dtype"]))
    shape = typed.get("shape")
    if shape:
        array = array.reshape([int(n) for n in str(shape).split(",")])
    return array


# ---------------------------------------------------------------- the words that depend on numbers
def test_what_to_notice_names_where_the_mistakes_are():
    from app.lessons import iris as text

    perfect = np.diag([50, 50, 50])
    only_overlap = np.array([[50, 0, 0], [0, 47, 3], [0, 1, 49]])
    with_setosa = np.array([[45, 5, 0], [2, 40, 8], [0, 9, 41]])
    assert text.notice(perfect, 1.0, 2.0, 1.0, 0.96, 0.82).startswith("#### What to notice\n\nEvery training flower")
    said = text.notice(only_overlap, 1.0, 2.0, 0.9733, 0.96, 0.82)
    assert "Every mistake (4 flowers) is between versicolor and virginica" in said
    one = text.notice(np.array([[50, 0, 0], [0, 50, 0], [0, 1, 49]]), 1.0, 2.0, 0.9933, 0.96, 0.82)
    assert "Every mistake (1 flower) is between" in one
    single = text.notice(np.array([[49, 1, 0], [0, 50, 0], [0, 0, 50]]), 1.0, 2.0, 0.9933, 0.96, 0.82)
    assert "1 flower is misclassified; 1 mistake involves setosa" in single
    said = text.notice(with_setosa, 0.01, 0.5, 0.84, 0.9, 0.7)
    assert "24 flowers are misclassified; 7 mistakes involve setosa" in said
    assert "training accuracy" in said and "C = 0.01" in said


def test_the_readout_says_when_the_fit_stopped_early():
    from app.lessons import iris as text

    assert text.readout(1.78, 0.98, 3, 0.9667, True) == (
        "C = 1.78 · training accuracy 0.9800 (3 of 150 wrong) · regions' model 0.9667"
    )
    assert text.readout(1000.0, 0.98, 3, None, False).endswith("(3 of 150 wrong) · stopped at max_iter")


def test_the_page_teaches_the_defaults_and_the_penalty_the_right_way_round():
    at = open_page(PAGE)
    said = " ".join(m.value for m in at.markdown) + " ".join(c.value for c in at.caption)
    assert "sigmoid-like" not in said, "the scores are linear; the softmax makes the probabilities"
    assert "z_k = w_k · x + b_k is linear" in said
    assert "**summed** over the m flowers" in said and "inverse of its strength" in said
    assert "L2 penalty with C = 1" in said and "lbfgs" in said and "Softmax over the three classes" in said
    assert "`X` has shape (150, 4)" in said
    two = open_page(PAGE, {"features": "petal_length,petal_width"})
    assert "`X` has shape (150, 2)" in " ".join(m.value for m in two.markdown)
    assert "on the same flowers the model learned from" in accuracy_help(at)


def accuracy_help(at) -> str:
    return next(m.help for m in at.metric if m.label == "accuracy")


def test_flower_sliders_start_at_flower_77():
    from app.registry import page

    spec = page(PAGE)
    shown = [float(spec.default(name)) for name in ("sepal_length", "sepal_width", "petal_length", "petal_width")]
    np.testing.assert_array_equal(shown, X[77])
