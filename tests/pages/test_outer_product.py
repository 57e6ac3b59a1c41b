"""The outer-product page under AppTest: its URL parameters, its live sliders, its words."""

import numpy as np
import pytest

from app.lessons import outer_product as text
from core.text import parse_array
from scripts.app_driver import live_elements, metrics, open_page, slider

URL = "outer-product"


def heatmap(at):
    [live] = live_elements(at)
    [spec] = live["figures"]
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
    slider(at, "row").set_value(2).run()
    text = " ".join(m.value for m in at.markdown)
    assert "**Row 2**" in text and "= [3, 6]" in text
    assert at.query_params["row"] == "2"


def test_length_sliders_cut_and_extend_the_vectors():
    at = open_page(URL)
    slider(at, "w_len").set_value(5).run()
    assert parse_array(at.query_params["w"]).tolist() == [1, 2, 3, 4, 5]
    slider(at, "x_len").set_value(1).run()
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


# ---------------------------------------------------------------- the live element
def test_the_length_and_row_sliders_are_one_live_element():
    at = open_page(URL)
    [live] = live_elements(at)
    assert [s["key"] for s in live["sliders"]] == ["w_len", "x_len", "row"]
    assert [s["values"] for s in live["sliders"]] == [list(range(1, 9)), list(range(1, 9)), [0, 1, 2]]
    assert all(s["big"] == 3 and "PageUp and PageDown three" in s["help"] for s in live["sliders"])
    assert live["readout"] == "w xᵀ has shape (3, 2) · rank 1 · row 0 = 1 × x = [1, 2]"


@pytest.mark.parametrize("key, value", [("w_len", 8), ("w_len", 1), ("x_len", 5), ("row", 2)])
def test_a_sweeps_picture_and_readout_are_what_the_released_slider_shows(key, value):
    at = open_page(URL, {"w": "2, -1, 6", "x": "1, 2, 3, 4", "row": "1"})
    [live] = live_elements(at)
    spec = next(s for s in live["sliders"] if s["key"] == key)
    position = spec["values"].index(value)
    predicted = live["sweeps"][key]["readouts"][position]
    patch = live["sweeps"][key]["patches"][position][0]
    slider(at, key).set_value(value).run()
    assert not at.exception
    [after] = live_elements(at)
    assert after["readout"] == predicted
    shown = after["figures"][0]
    if patch is not None and "data" not in patch:  # a patch on the figure as first sent
        before = live["figures"][0]
        data = [patch["traces"].get(str(i), t) for i, t in enumerate(before["data"])]
        patch = {"data": data, "layout": before["layout"] | patch["layout"]}
    assert (patch or live["figures"][0])["data"] == shown["data"]
    assert metrics(at)["result shape"] in predicted


def test_the_row_follows_a_shorter_w():
    at = open_page(URL, {"row": "2"})
    slider(at, "w_len").set_value(2).run()
    assert at.query_params["row"] == "1" and parse_array(at.query_params["w"]).tolist() == [1, 2]
    one = open_page(URL, {"w": "5"})
    assert [s["key"] for s in live_elements(one)[0]["sliders"]] == ["w_len", "x_len"]
    assert any(c.value == text.ONE_ROW for c in one.caption)


# ---------------------------------------------------------------- words the slides use
def test_transpose_rank_and_span_are_said_before_they_are_used():
    at = open_page(URL)
    said = " ".join(m.value for m in at.markdown)
    assert "ᵀ (*transpose*) lays the column x down as a row (1, p)" in said
    assert "neither a row nor a column" in said and "np.outer(w, x)" in said
    [rank] = [m for m in at.metric if m.label == "rank"]
    assert "independent rows" in rank.help and "span" in rank.help
    assert any("count from 0" in m.value for m in at.markdown)


def test_a_row_times_a_column_is_a_number_and_a_column_times_a_row_a_matrix():
    at = open_page(URL, {"w": "1, 2", "x": "3, 4"})
    latex = " ".join(part.value for part in at.latex)
    assert "w^{\\mathsf T} x" in latex and "(1, n)(n, 1) = (1, 1)" in latex and "(n, 1)(1, p) = (n, p)" in latex
    words = " ".join(m.value for m in at.markdown)
    assert "w · x = 11" in words and "A row times a column: one number." in words
    assert "A row times a column." in text.inner_side(2, 3, None) and "would fail" in text.inner_side(2, 3, None)


def test_a_numpy_vector_is_neither_a_row_nor_a_column_as_the_page_says():
    x = np.ones(3)
    assert x.T.shape == x.shape == (3,) and np.ones(3) @ np.ones(3).T == 3.0  # a dot product, not w xᵀ
    assert x[:, None].shape == (3, 1) and x[None, :].shape == (1, 3)
    assert "`x.T` has the same shape (n,) as `x`" in text.NUMPY_VECTORS
    assert "a row" not in text.X_LABEL and "a column" not in text.W_LABEL


def test_rank_zero_is_not_said_after_the_rows_span_one_line():
    zero = text.outer_side(3, 2, 0)
    assert "rank 0" in zero and "span one line" not in zero
    assert "span one line" in text.outer_side(3, 2, 1)


@pytest.mark.parametrize(
    "n, p, words",
    [(3, 4, "12 products, made from only 7 numbers"), (2, 2, "4 products, as many as the 4 numbers"),
     (1, 3, "3 products, fewer than the 4 numbers"), (1, 1, "1 product, fewer than the 2 numbers")],
)  # fmt: skip
def test_the_products_are_counted_against_the_numbers_truly(n, p, words):
    w, x = np.arange(1.0, n + 1), np.arange(1.0, p + 1)
    said = text.notice(w, x, 0, 1)
    assert words in said and "only 4 numbers" not in said


def test_the_tail_says_gradient_and_layer_in_plain_words_or_not_at_all():
    for jargon in ("gradient", "error signal", "layer"):
        assert jargon not in text.NOTICE_TAIL
