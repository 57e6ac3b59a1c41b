"""The logistic-regression page through its URL contract (`w`, `b`, `data`), checked against scikit-learn."""

import numpy as np
import pytest
from scipy.special import expit, log_expit
from sklearn.metrics import accuracy_score, log_loss

from core.logistic import bmi_disease
from tests.conftest import metrics, open_page

PAGE = "logistic-regression"
POINTS = "1, 0; 2, 0; 3, 1; 4, 0; 5, 1; 6, 1"


def expected(x, y, w, b):
    p = expit(w * np.asarray(x) + b)
    return f"{log_loss(y, p, labels=[0, 1]):.4f}", f"{accuracy_score(y, p >= 0.5):.4f}"


def shown(at):
    m = metrics(at)
    return m["mean logistic loss"], m["accuracy"]


def test_defaults_match_scikit_learn_on_the_generated_set():
    at = open_page(PAGE)
    assert not at.exception and not at.warning and not at.error
    x, y = bmi_disease()
    assert shown(at) == expected(x, y, 0.2, -5.0)
    assert at.slider(key="w").value == 0.2 and at.slider(key="b").value == -5.0


@pytest.mark.parametrize("w, b", [("1", "-3.5"), ("-0.5", "2"), ("2.5", "-9")])
def test_given_data_and_parameters_match_scikit_learn(w, b):
    at = open_page(PAGE, {"data": POINTS, "w": w, "b": b})
    assert not at.exception and not at.warning
    x = [1, 2, 3, 4, 5, 6]
    y = [0, 0, 1, 0, 1, 1]
    assert shown(at) == expected(x, y, float(w), float(b))
    assert "best logistic loss" in metrics(at)


def test_best_loss_is_below_any_slider_setting_and_matches_the_ghost_fit():
    at = open_page(PAGE, {"data": POINTS, "w": "1", "b": "-3.5"})
    best = float(metrics(at)["best logistic loss"])
    assert best <= float(shown(at)[0])
    names = [trace.get("name") for trace in _chart(at, 0)["data"]]
    assert "best fit" in names


def test_extreme_parameters_show_finite_figures():
    at = open_page(PAGE, {"w": "10", "b": "-50"})
    assert not at.exception and not at.warning
    loss, acc = shown(at)
    assert np.isfinite(float(loss)) and float(loss) > 50  # confident mistakes cost about |h|
    x, y = bmi_disease()
    h = 10.0 * x - 50.0
    exact = -np.mean(y * log_expit(h) + (1 - y) * log_expit(-h))  # scikit-learn's log_loss clips p here
    assert (loss, acc) == (f"{exact:.4f}", expected(x, y, 10.0, -50.0)[1])


def test_bad_data_in_the_url_warns_and_uses_the_generated_set():
    at = open_page(PAGE, {"data": "1, 0; 2, 3"})
    assert not at.exception
    warning = " ".join(w.value for w in at.warning)
    assert "`data`" in warning and "0 or 1" in warning
    x, y = bmi_disease()
    assert shown(at) == expected(x, y, 0.2, -5.0)


def test_typed_bad_data_gives_an_error_and_keeps_the_last_points():
    at = open_page(PAGE, {"data": POINTS, "w": "1", "b": "-3.5"})
    before = shown(at)
    at.text_input(key="data").input("1, 0; 2, 1; 3, yes").run()
    assert not at.exception
    assert any("point 3" in e.value for e in at.error)
    assert shown(at) == before
    at.text_input(key="data").input("1, 0; 2, 1; 3, 1").run()
    assert not at.error and at.query_params["data"] == "1, 0; 2, 1; 3, 1"
    assert shown(at) == expected([1, 2, 3], [0, 1, 1], 1.0, -3.5)


def test_separable_points_explain_why_there_is_no_best_fit():
    at = open_page(PAGE, {"data": "1, 0; 2, 0; 3, 1; 4, 1"})
    assert not at.exception
    assert "best logistic loss" not in metrics(at)
    assert any("separates the two classes" in i.value for i in at.info)


def test_sliders_write_the_url_and_the_url_reproduces_the_figures():
    at = open_page(PAGE)
    at.slider(key="w").set_value(0.4).run()
    at.slider(key="b").set_value(-11.1).run()
    assert at.query_params["w"] == "0.4" and at.query_params["b"] == "-11.1"
    reopened = open_page(PAGE, dict(at.query_params))
    assert metrics(reopened) == metrics(at)


def test_gradient_descent_lowers_the_loss_and_the_button_moves_the_sliders():
    at = open_page(PAGE, {"train": "1", "lr": "0.003", "steps": "2000"})
    assert not at.exception and not at.warning
    start = float(shown(at)[0])
    losses = _chart(at, -1)["data"][0]["y"]
    at.button[0].click().run()
    assert not at.exception
    assert at.slider(key="w").value != 0.2
    moved = float(shown(at)[0])
    assert moved < start
    assert at.query_params["w"] == str(at.slider(key="w").value).rstrip("0").rstrip(".")
    assert losses  # the loss-per-step chart has data


def test_too_large_a_learning_rate_is_explained():
    at = open_page(PAGE, {"train": "1", "lr": "1", "steps": "500"})
    assert not at.exception
    assert any("learning rate is too large" in e.value for e in at.error)


def _chart(at, index):
    import json

    return json.loads(at.get("plotly_chart")[index].proto.spec)
