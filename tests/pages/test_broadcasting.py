"""The broadcasting page under AppTest (through its URL parameters) and in Chromium."""

import json
import re

import numpy as np
import pytest

from app.lessons import broadcasting as text
from core.broadcasting import check_axes
from core.quiz import QUESTIONS
from core.text import format_shape, parse_array
from scripts.app_driver import live_elements, metrics, open_page, slider

URL = "broadcasting"
GRID = "0, 0, 0; 10, 10, 10; 20, 20, 20; 30, 30, 30"
CUBE = "[[[1, 2], [3, 4], [5, 6]], [[7, 8], [9, 10], [11, 12]], [[13, 14], [15, 16], [17, 18]], [[19, 20], [21, 22], [23, 24]]]"
OPS = {"add": np.add, "subtract": np.subtract, "multiply": np.multiply, "divide": np.divide}


def picture(at) -> dict:
    """The picture as sent: the live element's figure, or the chart when the shapes do not broadcast."""
    live = live_elements(at)
    return live[0]["figures"][0] if live else json.loads(at.get("plotly_chart")[0].proto.spec)


def cell_texts(at):
    """Every number written in a cell of the picture."""
    return [t for trace in picture(at)["data"] if trace.get("mode") == "text" for t in trace["text"]]


def test_default_is_the_slides_times_two():
    at = open_page(URL)
    assert not at.exception and not at.error and not at.warning
    a, b = np.array([1, 2, 3]), 2
    assert metrics(at) == {
        "shape of a": format_shape(np.shape(a)),
        "shape of b": format_shape(np.shape(b)),
        "result shape": format_shape((a * b).shape),
    }
    texts = cell_texts(at)
    for value in a * b:  # the result's cells are drawn with their values
        assert str(value) in texts
    assert texts.count("2") >= 3  # b, and b stretched to three cells (two of them copies)


@pytest.mark.parametrize(
    "a, b, op",
    [
        ("1, 2, 3", "2", "multiply"),
        (GRID, "1, 2, 3", "add"),
        ("0; 10; 20; 30", "[[1, 2, 3]]", "add"),
        (CUBE, "100; 200; 300", "subtract"),
        ("1 2; 3 4", "[[2]]", "divide"),
        ("5", "7", "add"),
    ],
)
def test_url_operands_give_numpys_shapes_and_values(a, b, op):
    at = open_page(URL, {"a": a, "b": b, "op": op})
    assert not at.exception and not at.error and not at.warning
    x, y = parse_array(a), parse_array(b)
    expected = OPS[op](x, y)
    assert metrics(at) == {
        "shape of a": format_shape(x.shape),
        "shape of b": format_shape(y.shape),
        "result shape": format_shape(np.broadcast_shapes(x.shape, y.shape)),
    }
    texts = cell_texts(at)
    for value in np.unique(expected):
        assert f"{value:g}" in texts


def test_mismatch_shows_numpys_words_the_axis_and_a_fix_that_works():
    at = open_page(URL, {"a": GRID, "b": "1, 2, 3, 4", "op": "add"})
    assert not at.exception and not at.warning
    errors = " ".join(e.value for e in at.error)
    with pytest.raises(ValueError) as numpy_error:
        parse_array(GRID) + parse_array("1, 2, 3, 4")
    assert "operands could not be broadcast together with shapes" in errors
    assert str(numpy_error.value).strip() in errors
    assert "(4, 3)" in errors and "(4,)" in errors and "axis -1" in errors
    assert metrics(at)["result shape"] == "—"
    fix = at.button(key="fix_b_b[:, np.newaxis]")
    fix.click().run()
    assert not at.exception and not at.error
    assert metrics(at)["result shape"] == "(4, 3)"
    assert parse_array(at.query_params["b"]).shape == (4, 1)


def test_preset_button_writes_the_url():
    at = open_page(URL)
    at.button(key="preset_2").click().run()
    assert metrics(at) == {"shape of a": "(4, 1)", "shape of b": "(1, 3)", "result shape": "(4, 3)"}
    assert parse_array(at.query_params["a"]).shape == (4, 1) and at.query_params["op"] == "add"


def test_cell_slider_follows_one_result_cell():
    at = open_page(URL, {"a": "0; 10; 20; 30", "b": "[[1, 2, 3]]", "op": "add", "cell": "7"})
    i, j = np.unravel_index(7, (4, 3))
    text = " ".join(m.value for m in at.markdown)
    assert f"result[{i}, {j}] = a[{i}, 0] + b[0, {j}] = {10 * i} + {j + 1} = {10 * i + j + 1}" in text


@pytest.mark.parametrize("typed", ["1, 2; 3", "abc", "nan", "", "1e9", "[[1, 2], [3]]", "1 " * 70])
def test_bad_typed_array_is_a_clear_error_and_the_picture_stays(typed):
    at = open_page(URL)
    before = metrics(at)
    at.text_input(key="a").input(typed).run()
    assert not at.exception
    assert any("could not read" in e.value for e in at.error)
    assert metrics(at) == before


@pytest.mark.parametrize("param, value", [("a", "1;;2"), ("b", "[[[[1]]]]"), ("op", "power"), ("cell", "x")])
def test_bad_url_parameter_warns_by_name_and_uses_the_default(param, value):
    at = open_page(URL, {param: value})
    assert not at.exception
    assert any(f"`{param}`" in w.value for w in at.warning)
    assert metrics(at)["result shape"] == "(3,)"


def test_division_by_zero_shows_what_numpy_shows_and_explains_it():
    at = open_page(URL, {"a": "1, -2, 0", "b": "0", "op": "divide"})
    assert not at.exception and not at.error
    with np.errstate(all="ignore"):
        expected = np.array([1, -2, 0]) / 0
    assert [str(v) for v in expected] == ["inf", "-inf", "nan"]
    assert {"inf", "-inf", "nan"} <= set(cell_texts(at)), "the result's cells read as NumPy prints them"
    warned = " ".join(w.value for w in at.warning)
    assert "Division by zero" in warned
    assert "RuntimeWarning: divide by zero encountered in divide" in warned
    assert "RuntimeWarning: invalid value encountered in divide" in warned and "not a number" in warned
    assert metrics(at)["result shape"] == "(3,)"


def test_division_without_zero_over_zero_says_nothing_of_nan():
    inf_only = open_page(URL, {"a": "1, 2, 3", "b": "0, 1, 2", "op": "divide"})
    warned = " ".join(w.value for w in inf_only.warning)
    assert "divide by zero encountered in divide" in warned and "Division by zero" in warned
    assert "invalid value" not in warned and "not a number" not in warned
    assert "inf" in cell_texts(inf_only)
    clean = open_page(URL, {"a": "1, 2, 3", "b": "4, 1, 2", "op": "divide"})
    assert not clean.warning and not clean.error


def test_live_cell_slider_reads_out_each_cell_as_the_sentence_says():
    at = open_page(URL, {"a": "0; 10; 20; 30", "b": "[[1, 2, 3]]", "op": "add"})
    [data] = live_elements(at)
    assert [s["key"] for s in data["sliders"]] == ["cell"]
    readouts = data["sweeps"]["cell"]["readouts"]
    assert len(readouts) == len(data["sweeps"]["cell"]["patches"]) == 12
    for flat, words in enumerate(readouts):
        i, j = np.unravel_index(flat, (4, 3))
        assert words == f"result[{i}, {j}] = a[{i}, 0] + b[0, {j}] = {10 * i} + {j + 1} = {10 * i + j + 1}"
    slider(at, "cell").set_value(5).run()
    assert at.query_params["cell"] == "5"
    assert "`result[1, 2] = a[1, 0] + b[0, 2] = 10 + 3 = 13`" in " ".join(m.value for m in at.markdown)
    assert live_elements(at)[0]["readout"] == readouts[5]


def test_cell_is_clamped_when_the_result_shrinks():
    at = open_page(URL, {"a": "0; 10; 20; 30", "b": "[[1, 2, 3]]", "op": "add", "cell": "11"})
    at.button(key="preset_0").click().run()
    assert not at.exception and not at.warning
    assert slider(at, "cell").max == 2 and slider(at, "cell").value == 0


# ---------------------------------------------------------------- the words (plain pytest on the lessons)
@pytest.mark.parametrize(
    "shape_a, shape_b, both",
    [((4, 1), (1, 3), True), ((4, 3), (3,), False), ((4, 1), (3,), True), ((3,), (), False)],
)
def test_notice_says_both_arrays_stretch_only_when_both_do(shape_a, shape_b, both):
    shape = np.broadcast_shapes(shape_a, shape_b)
    words = text.notice(shape_a, shape_b, shape, check_axes(shape_a, shape_b))
    assert ("Both arrays are stretched here" in words) is both
    assert "NumPy copies nothing" in words


def test_intro_says_either_or_both_are_stretched_and_missing_axes_come_first():
    assert "smaller array is copied" not in text.INTRO
    assert "in one array or in both" in text.INTRO and "adds it on the left" in text.RULE


@pytest.mark.parametrize("axis, place", [(-1, "the last axis"), (-2, "the axis before the last")])
def test_negative_axes_are_said_in_words(axis, place):
    shape_a, shape_b = ((2, 3), (2,)) if axis == -1 else ((4, 3), (2, 3))
    checks = check_axes(shape_a, shape_b)
    assert f"Here axis {axis} clashes" in text.notice(shape_a, shape_b, None, checks)
    assert f"Axis {axis} is {place}" in text.notice(shape_a, shape_b, None, checks)
    assert "axis −1 is axis 1 and axis −2 is axis 0" in text.RULE_CAPTION


def test_the_quiz_compares_the_shapes_from_the_last_axis():
    for seed in range(20):
        question = QUESTIONS["broadcast"](seed)
        shapes = [
            tuple(int(n) for n in s.strip("()").split(",") if n.strip())
            for s in re.findall(r"\([\d, ]*\)", question.prompt)
        ]
        shape_a, shape_b = shapes[:2]
        first = f"axis -1: {shape_a[-1]} and {shape_b[-1]},"
        assert "compare from the last axis: " + first in question.explanation
        axes = [int(n) for n in re.findall(r"axis (-\d+):", question.explanation)]
        assert axes == list(range(-1, -len(axes) - 1, -1))


def test_stretching_is_said_once_and_truly_no_copies():
    """np.broadcast_to gives a view whose stretched axis has stride 0: the same numbers, read again."""
    b = np.array([1.0, 2.0, 3.0])
    stretched = np.broadcast_to(b, (4, 3))
    assert stretched.strides[0] == 0 and np.shares_memory(stretched, b)
    caption = text.caption((4, 3), (3,), (4, 3))
    assert "**copies**" not in caption and "makes no copies" in caption
    X = np.arange(12.0).reshape(4, 3)
    assert np.allclose((X - X.mean(axis=0)).mean(axis=0), 0)  # the BIAS sentence's example
    for jargon in ("layer", "neuron", "bias", "batch"):
        assert jargon not in text.BIAS


def test_one_cell_and_one_zero_are_singular():
    assert "PageUp / PageDown: 1 cell (one row)" in text.cell_keys((1,))[1]
    assert "b holds 1 zero." in text.numpy_warns(["RuntimeWarning: divide by zero"], np.array([0.0, 1.0]))
