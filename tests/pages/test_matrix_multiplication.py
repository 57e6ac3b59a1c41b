"""The matrix-multiplication page under AppTest, driven through its contract parameters."""

import subprocess
import sys

import numpy as np
import pytest

from core.matmul import random_small_matrices
from core.text import format_array, format_figure, parse_array
from scripts.app_driver import live_elements, metrics, open_page, slider

URL = "matrix-multiplication"


def shown_matrices(at):
    """A and B as the page holds them: its text boxes (the URL gets them from there)."""
    return parse_array(at.text_input(key="a").value), parse_array(at.text_input(key="b").value)


def live_of(at, key: str) -> dict:
    """The live element whose slider is ``key``."""
    return next(data for data in live_elements(at) if data["sliders"][0]["key"] == key)


def expected_figures(a, b, step):
    c = np.matmul(a, b)
    if step == 0:
        return {"result shape": str(c.shape), "step": "0", "current cell": "none yet", "current value": "none yet"}
    i, j = np.unravel_index(step - 1, c.shape)
    return {
        "result shape": str(c.shape),
        "step": str(step),
        "current cell": f"C[{i}, {j}]",
        "current value": format_figure(c[i, j]),
    }


def test_default_is_a_2x5_times_5x3_of_small_integers_at_step_1():
    at = open_page(URL)
    assert not at.exception and not at.error and not at.warning
    a, b = shown_matrices(at)
    assert a.shape == (2, 5) and b.shape == (5, 3)
    assert np.all(a == np.round(a)) and np.all(b == np.round(b))
    assert metrics(at) == expected_figures(a, b, 1)


@pytest.mark.parametrize("step", range(0, 7))
def test_url_step_reads_the_step_th_cell_of_np_matmul(step):
    at = open_page(URL, {"step": str(step)})
    assert not at.exception
    a, b = shown_matrices(at)
    assert metrics(at) == expected_figures(a, b, step)


def test_typed_matrices_in_the_url_are_used():
    a = np.array([[1.5, -2, 0], [3, 1, 4], [0, 0, 2], [1, 1, 1]])
    b = np.array([[2, 1], [0.5, -1], [3, 3]])
    at = open_page(URL, {"a": format_array(a), "b": format_array(b), "step": "5"})
    assert not at.exception and not at.warning
    assert metrics(at) == expected_figures(a, b, 5)
    assert metrics(at)["current value"] == format_figure((a @ b)[2, 0])


def test_inner_sizes_that_differ_give_an_error_naming_both_shapes_and_the_page_keeps_working():
    at = open_page(URL, {"b": "1, 2, 3; 4, 5, 6; 1, 1, 1; 2, 2, 2"})
    assert not at.exception
    errors = " ".join(e.value for e in at.error)
    assert "(2, 5)" in errors and "(4, 3)" in errors
    assert "columns of A (5)" in errors and "rows of B (4)" in errors
    assert metrics(at)["result shape"] == "undefined"
    assert at.get("plotly_chart"), "A and B are still drawn"
    # Moving the k slider draws matching matrices again.
    at.slider(key="shape_k").set_value(4).run()
    assert not at.exception and not at.error
    a, b = shown_matrices(at)
    assert a.shape == (2, 4) and b.shape == (4, 3)
    assert metrics(at)["result shape"] == "(2, 3)"


def test_shape_sliders_and_seed_rewrite_a_and_b_in_the_url():
    at = open_page(URL, {"seed": "7"})
    at.slider(key="shape_m").set_value(4).run()
    at.slider(key="shape_p").set_value(2).run()
    a, b = shown_matrices(at)
    expected_a, expected_b = random_small_matrices(4, 5, 2, 7)
    np.testing.assert_array_equal(a, expected_a)
    np.testing.assert_array_equal(b, expected_b)
    assert metrics(at)["result shape"] == "(4, 2)"
    at.number_input(key="seed").set_value(8).run()
    a2, b2 = shown_matrices(at)
    np.testing.assert_array_equal(a2, random_small_matrices(4, 5, 2, 8)[0])
    assert at.text_input(key="a").value == format_array(a2)
    # The URL alone reproduces the figures.
    reopened = open_page(URL, dict(at.query_params))
    assert metrics(reopened) == metrics(at)


def test_step_is_clamped_when_the_shapes_shrink():
    at = open_page(URL, {"step": "6"})
    at.slider(key="shape_m").set_value(1).run()
    assert not at.exception
    assert slider(at, "step").max == 3
    a, b = shown_matrices(at)
    assert metrics(at) == expected_figures(a, b, 3)


def test_one_step_control_moves_forward_back_and_to_the_end():
    # The live step slider is the one step control (arrow keys, End, Play all move it).
    at = open_page(URL, {"step": "0"})
    assert not [b for b in at.button if b.key in {"step_prev", "step_next", "step_all"}]
    slider(at, "step").set_value(1).run()
    slider(at, "step").set_value(2).run()
    assert metrics(at)["step"] == "2" and at.query_params["step"] == "2"
    slider(at, "step").set_value(1).run()
    assert metrics(at)["current cell"] == "C[0, 0]"
    step = slider(at, "step")
    step.set_value(step.max).run()
    a, b = shown_matrices(at)
    assert metrics(at) == expected_figures(a, b, 6)
    assert slider(at, "step").value == slider(at, "step").max == 6


def test_play_goes_through_the_step_slider_at_the_chosen_speed():
    at = open_page(URL, {"speed": "fast"})
    data = live_of(at, "step")
    assert data["play"] == {"key": "step", "intervalMs": 250}
    assert [s["key"] for s in data["sliders"]] == ["step"]


def test_bad_typed_matrix_is_an_error_and_the_last_good_one_stays():
    at = open_page(URL)
    before = metrics(at)
    at.text_input(key="a").input("1, 2; 3").run()
    assert not at.exception
    assert any("different lengths" in e.value for e in at.error)
    assert metrics(at) == before


def test_bad_url_values_warn_by_name():
    at = open_page(URL, {"a": "1, 2, 3", "step": "99"})
    assert not at.exception
    warned = " ".join(w.value for w in at.warning)
    assert "`a`" in warned and "vector" in warned and "`step`" in warned
    assert metrics(at)["step"] == "6"


def test_largest_matrices_allowed_by_the_contract():
    a = np.arange(64).reshape(8, 8) % 7
    at = open_page(URL, {"a": format_array(a), "b": format_array(a.T), "step": "64"})
    assert not at.exception and not at.warning
    assert metrics(at) == expected_figures(a, a.T, 64)
    assert at.slider(key="shape_m").value == 8
    assert slider(at, "step").max == 64


def test_outer_product_view_sums_to_c():
    at = open_page(URL, {"term": "5"})
    assert not at.exception
    charts = at.get("plotly_chart")
    assert len(charts) + len(live_elements(at)) == 2
    assert any("sum of 5 of 5 terms" in chart.proto.spec for chart in charts)


def test_live_step_sweep_has_one_patch_per_step():
    at = open_page(URL, {"step": "2"})
    data = live_of(at, "step")
    [spec] = data["sliders"]
    assert spec["key"] == "step" and spec["index"] == 2 and spec["values"] == list(range(7))
    assert len(data["sweeps"]["step"]["patches"]) == 7
    assert data["sweeps"]["step"]["readouts"][2] == data["readout"]


@pytest.mark.parametrize("number", ["1e300", "-2e6"])
def test_huge_numbers_are_refused_as_elsewhere(number):
    at = open_page(URL, {"a": f"1, {number}; 3, 4", "b": "1; 2"})
    assert not at.exception
    warned = " ".join(w.value for w in at.warning)
    assert "`a`" in warned and "at most 1e6" in warned
    assert "[[" not in warned and "2, 3, 4, 5, 0; 0, 4, 5, 1, 1" in warned, "the default in the contract's syntax"
    typed = open_page(URL)
    typed.text_input(key="a").input(f"1, {number}").run()
    assert any("at most 1e6" in e.value for e in typed.error)


@pytest.mark.parametrize("query", [{"step": "0"}, {"b": "1; 2"}])
def test_code_panel_prints_the_figures_in_other_states(query):
    at = open_page(URL, query)
    code = next(c.value for c in at.code if "import numpy as np" in c.value)
    printed = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    ).stdout.splitlines()
    for label, value in metrics(at).items():
        assert f"{label} = {value}" in printed
