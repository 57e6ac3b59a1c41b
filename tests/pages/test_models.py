"""The models page under AppTest: its counts, its live picture and sweeps, the houses, its words."""

import math
from urllib.parse import parse_qs

import numpy as np
import pytest

from app.figures import models as figures
from app.lessons import logistic as logistic_text
from app.lessons import models as text
from app.lessons import regression as regression_text
from app.notebook import typed_array
from core import models
from core.text import parse_array
from scripts.app_driver import live_elements, metrics, open_page, slider

URL = "models"


def values(array) -> np.ndarray:
    return typed_array(array) if isinstance(array, dict) else np.asarray(array, dtype=float)


@pytest.mark.parametrize("n, d, h", [(1, 3, 3), (2, 2, 3), (10, 6, 8), (4, 1, 1)])
def test_the_counts_follow_the_url(n, d, h):
    at = open_page(URL, {"features": str(n), "degree": str(d), "hidden": str(h)})
    assert not at.exception and not at.warning
    assert metrics(at) == {
        "linear parameters": str(n + 1),
        "polynomial parameters": str(math.comb(n + d, d)),
        "logistic parameters": str(n + 1),
        "network parameters": str(n * h + h + h + 1),
    }
    [live] = live_elements(at)
    assert live["readout"] == text.readout((n, d, h))
    cards = " ".join(m.value for m in at.markdown)
    assert f"C({n} + {d}, {d}) = **{math.comb(n + d, d)}**" in cards
    assert f"{n}·{h} + {h} + {h} + 1 = **{n * h + h + h + 1}**" in cards


def test_the_live_picture_and_its_sweeps_are_cores_predictions():
    at = open_page(URL, {"degree": "2", "hidden": "5"})
    [live] = live_elements(at)
    assert [s["key"] for s in live["sliders"]] == ["degree", "hidden"]
    data = models.shared_data()
    for index, fig in enumerate(live["figures"]):
        expected = models.predictions(models.fit_all(data, 2, 5), models.draw_x())[models.KINDS[index]]
        np.testing.assert_allclose(values(fig["data"][figures.CURVE]["y"]), expected, atol=5e-7)
    # the sweep of the degree slider: at degree d, the polynomial panel's ŷ is the degree-d fit
    sweep = live["sweeps"]["degree"]
    poly = models.KINDS.index("polynomial")
    for position, d in enumerate(range(1, 7)):
        patch = sweep["patches"][position][poly]
        expected = models.predictions(models.fit_all(data, d, 5), models.draw_x())["polynomial"]
        if d == 2:
            assert patch is None  # the figure as sent
            continue
        np.testing.assert_allclose(values(patch["traces"][str(figures.CURVE)]["y"]), expected, atol=5e-7)
        assert sweep["patches"][position][models.KINDS.index("linear")] is None  # the line does not depend on d
        assert sweep["readouts"][position] == text.readout((1, d, 5))


def test_moving_the_degree_and_features_changes_the_counts_and_the_url():
    at = open_page(URL)
    slider(at, "degree").set_value(5).run()
    at.slider(key="features").set_value(3).run()
    assert metrics(at)["polynomial parameters"] == str(math.comb(3 + 5, 5)) == "56"
    assert metrics(at)["network parameters"] == "16"
    assert {"degree": "5", "features": "3", "hidden": "3"}.items() <= dict(at.query_params).items()


@pytest.mark.parametrize("query, named", [({"features": "0"}, "features"), ({"degree": "two"}, "degree")])
def test_bad_parameters_are_named(query, named):
    at = open_page(URL, query)
    assert not at.exception
    assert [w.value for w in at.warning if f"`{named}`" in w.value]


def test_the_houses_are_x_at_w_plus_b_with_a_link_to_the_product():
    at = open_page(URL)
    [table] = at.table
    y_hat = models.predict_all(models.HOUSES_X, models.HOUSE_W, models.HOUSE_B)
    shown = table.value
    assert list(shown["ŷ⁽ⁱ⁾"]) == [str(int(v)) for v in y_hat]
    assert list(shown["wᵀx⁽ⁱ⁾ + b"])[0] == "3·50 + 10·2 + 20"
    latex = " ".join(el.value for el in at.latex)
    assert r"(5, 2) \mathbin{@} (2,) \to (5,)" in latex
    [link] = [el.proto for el in at.get("page_link") if el.proto.label == text.HOUSE_LINK]
    assert link.page == "matrix-multiplication"
    query = parse_qs(link.query_string)
    np.testing.assert_array_equal(parse_array(query["a"][0]), models.HOUSES_X)  # A = X, B = w as a column
    np.testing.assert_array_equal(parse_array(query["b"][0]), models.HOUSE_W.reshape(-1, 1))


def test_loss_metric_and_assumptions_are_said():
    at = open_page(URL)
    words = " ".join(m.value for m in at.markdown)
    for part in (
        "ŷ ≈ y",
        "Unlabeled data",
        "what training minimises",
        "differentiable",
        "easy to interpret",
        "often cannot be used for training",
        "accuracy",
    ):
        assert part in words, part
    assert "features and label are linearly related" in words
    assert "features and log odds are linearly related" in words
    x, y = models.curved_data()
    fit = models.curved_fit(x, y)
    captions = " ".join(c.value for c in at.caption)
    assert f"The line's MSE is {fit.line_mse:.4f}" in captions
    assert "above the line on the left, below it in the middle and above it on the right" in captions


@pytest.mark.parametrize("url, words", [("linear-regression", regression_text), ("logistic-regression", logistic_text)])
def test_the_regression_pages_state_their_assumption(url, words):
    at = open_page(url)
    assert words.ASSUMPTION in [m.value for m in at.markdown]
    assert any(link.proto.page == "models" for link in at.get("page_link"))
