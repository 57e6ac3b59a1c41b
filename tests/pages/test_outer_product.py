"""The outer-product page under AppTest (through its URL parameters) and in Chromium."""

import json

import numpy as np
import pytest

from core.text import parse_array
from tests.conftest import goto, metrics, open_page, press_slider, screen_state, wait_screen_change

URL = "outer-product"


def heatmap(at):
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    return next(t for t in spec["data"] if t["type"] == "heatmap")


def z_values(trace):
    z = trace["z"]
    if isinstance(z, dict):  # plotly 6 sends numpy arrays as typed arrays
        import base64

        raw = np.frombuffer(base64.b64decode(z["bdata"]), dtype=z["dtype"])
        return raw.reshape(z["shape"] if isinstance(z["shape"], list) else [int(n) for n in str(z["shape"]).split(",")])
    return np.array(z, dtype=float)


@pytest.mark.parametrize(
    "w, x",
    [
        ("1, 2, 3", "1, 2"),
        ("1, -2, 3, 0", "4"),
        ("5", "1 2 3 4 5 6 7 8"),
        ("0.5, -1.5, 2, 2, 1, 0, 3, -4", "[-1, 0.25, 3]"),
    ],
)
def test_url_vectors_give_numpys_outer_product(w, x):
    at = open_page(URL, {"w": w, "x": x})
    assert not at.exception and not at.error and not at.warning
    wv, xv = np.atleast_1d(parse_array(w)), np.atleast_1d(parse_array(x))
    expected = np.outer(wv, xv)
    assert metrics(at)["result shape"] == str(expected.shape)
    assert metrics(at)["rank"] == str(np.linalg.matrix_rank(expected))
    trace = heatmap(at)
    np.testing.assert_allclose(z_values(trace), expected)
    i, j = len(wv) - 1, len(xv) - 1
    assert trace["customdata"][i][j] == f"w_{i} * x_{j} = {wv[i]:g} * {xv[j]:g} = {expected[i, j]:g}"
    table = at.dataframe[0].value
    np.testing.assert_allclose(table.to_numpy(), expected)


def test_default_and_row_highlight():
    at = open_page(URL)
    assert not at.exception and not at.error and not at.warning
    assert metrics(at) == {"result shape": "(3, 2)", "rank": "1"}
    at.slider(key="row").set_value(2).run()
    text = " ".join(m.value for m in at.markdown)
    assert "**Row 2**" in text and "= [3, 6]" in text
    assert at.query_params["row"] == "2"


def test_length_sliders_cut_and_extend_the_vectors():
    at = open_page(URL)
    at.slider(key="w_len").set_value(5).run()
    assert parse_array(at.query_params["w"]).tolist() == [1, 2, 3, 4, 5]
    at.slider(key="x_len").set_value(1).run()
    assert np.atleast_1d(parse_array(at.query_params["x"])).tolist() == [1]
    assert metrics(at)["result shape"] == "(5, 1)"


def test_zero_vector_gives_rank_zero_and_different_lengths_are_fine():
    at = open_page(URL, {"w": "0, 0, 0", "x": "1, 2"})
    assert metrics(at) == {"result shape": "(3, 2)", "rank": str(np.linalg.matrix_rank(np.zeros((3, 2))))}
    assert any("np.dot(w, x)" in m.value for m in at.markdown)  # the dot product would need equal lengths


@pytest.mark.parametrize("typed", ["1 2 3 4 5 6 7 8 9", "1; 2", "two", "inf", ""])
def test_bad_typed_vector_is_a_clear_error(typed):
    at = open_page(URL)
    at.text_input(key="w").input(typed).run()
    assert not at.exception
    assert any("could not read" in e.value for e in at.error)
    assert metrics(at)["result shape"] == "(3, 2)"


@pytest.mark.parametrize("param, value", [("w", "1,2,3,4,5,6,7,8,9"), ("x", "[[1, 2]]"), ("row", "-1")])
def test_bad_url_parameter_warns_by_name(param, value):
    at = open_page(URL, {param: value})
    assert not at.exception
    assert any(f"`{param}`" in w.value for w in at.warning)
    assert metrics(at)["result shape"] == "(3, 2)"


@pytest.mark.browser
def test_browser_length_slider_grows_the_matrix(page, app_url):
    goto(page, f"{app_url}/{URL}?w=1,2&x=3,4,5")
    assert page.locator('[data-testid="stMetricValue"]').first.inner_text() == "(2, 3)"
    before = screen_state(page)
    press_slider(page, "w_len")
    wait_screen_change(page, before)
    assert page.locator('[data-testid="stMetricValue"]').first.inner_text() == "(3, 3)"
    page.wait_for_function(
        "() => window.location.href.includes('w=1%2C+2%2C+3') || window.location.href.includes('w=1%2C%202%2C%203')",
        timeout=10_000,
    )
    assert page.locator('[data-testid="stDataFrame"]').count() == 1
