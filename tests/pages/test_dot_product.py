"""The dot-product page under AppTest (through its URL parameters) and in Chromium."""

import json

import numpy as np
import pytest

from core.text import parse_array
from tests.conftest import goto, metrics, open_page, press_slider, screen_state, shown_figures, wait_screen_change

URL = "dot-product"


def four(value):
    return f"{round(float(value), 4) + 0.0:.4f}"


def expected(a, b):
    a, b = np.asarray(a, float), np.asarray(b, float)
    d = np.dot(a, b)
    na, nb = np.linalg.norm(a), np.linalg.norm(b)
    figures = {"Dot product": four(d), "‖a‖": four(na), "‖b‖": four(nb)}
    if na == 0 or nb == 0:
        return figures | {"Angle": "undefined", "cos θ": "undefined"}
    cos = np.clip(d / (na * nb), -1, 1)
    return figures | {"Angle": four(np.degrees(np.arccos(cos))) + "°", "cos θ": four(cos)}


def test_default_is_unit_vectors_one_degree_apart():
    at = open_page(URL)
    assert not at.exception and not at.error and not at.warning
    assert metrics(at) == expected([1, 0], [0.9998, 0.0175])
    assert metrics(at)["Angle"].startswith("1.00")
    assert any("unit vectors" in s.value for s in at.success)  # for unit vectors a·b = cos θ


@pytest.mark.parametrize(
    "a, b, cos",
    [
        ("2, 1", "3, 1.5", "1.0000"),
        ("2, 1", "-1, 2", "0.0000"),
        ("2, 1", "-2, -1", "-1.0000"),
        ("1, 2, 2", "2, 0, 1", None),
        ("-3 4", "0.5 1e-3", None),
    ],
)
def test_url_vectors_match_numpy(a, b, cos):
    at = open_page(URL, {"a": a, "b": b})
    assert not at.exception and not at.error and not at.warning
    assert metrics(at) == expected(parse_array(a), parse_array(b))
    if cos:
        assert metrics(at)["cos θ"] == cos
    latex = " ".join(part.value for part in at.latex)
    products = parse_array(a) * parse_array(b)
    assert f"= {four(np.dot(parse_array(a), parse_array(b)))}" in latex
    assert all(f"{p:g}" in latex for p in products)  # the sum is written out term by term


def test_three_d_is_a_rotatable_scene():
    at = open_page(URL, {"a": "1, 2, 2", "b": "2, 0, 1"})
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert {t["type"] for t in spec["data"]} >= {"scatter3d", "cone"}


@pytest.mark.parametrize("a, b", [("0, 0", "1, 2"), ("1, 2, 3", "0 0 0")])
def test_zero_vector_has_an_undefined_angle_said_clearly(a, b):
    at = open_page(URL, {"a": a, "b": b})
    assert not at.exception and not at.error
    assert metrics(at) == expected(parse_array(a), parse_array(b))
    assert any("zero vector" in i.value and "undefined" in i.value for i in at.info)


def test_different_lengths_show_numpys_error_and_a_fix():
    at = open_page(URL, {"a": "1, 2", "b": "1, 2, 3"})
    assert not at.exception and not at.warning
    with pytest.raises(ValueError) as numpy_error:
        np.dot([1.0, 2.0], [1.0, 2.0, 3.0])
    assert any(str(numpy_error.value) in e.value for e in at.error)
    at.button(key="fix_pad").click().run()
    assert not at.error
    assert metrics(at) == expected([1, 2, 0], [1, 2, 3])


def test_angle_slider_writes_b_into_the_url_and_keeps_its_length():
    at = open_page(URL, {"a": "1, 0", "b": "2, 0"})
    at.slider(key="b_angle").set_value(60.0).run()
    b = parse_array(at.query_params["b"])
    np.testing.assert_allclose(b, [2 * np.cos(np.pi / 3), 2 * np.sin(np.pi / 3)], atol=1e-4)
    assert metrics(at) == expected([1, 0], b)
    assert at.text_input(key="b").value == at.query_params["b"]
    at.slider(key="a_len").set_value(3.0).run()
    assert parse_array(at.query_params["a"]).tolist() == [3, 0]


def test_component_sliders_write_one_component():
    at = open_page(URL, {"a": "1, 2, 2", "b": "2, 0, 1"})
    at.slider(key="b_1").set_value(-1.5).run()
    assert parse_array(at.query_params["b"]).tolist() == [2, -1.5, 1]
    assert metrics(at) == expected([1, 2, 2], [2, -1.5, 1])


@pytest.mark.parametrize("typed", ["1", "1, 2, 3, 4", "1; 2", "x, y", "nan, 1", "", "1e7, 1"])
def test_bad_typed_vector_is_a_clear_error(typed):
    at = open_page(URL)
    before = metrics(at)
    at.text_input(key="b").input(typed).run()
    assert not at.exception
    assert any("could not read" in e.value for e in at.error)
    assert metrics(at) == before


@pytest.mark.parametrize("param, value", [("a", "1, 2, 3, 4"), ("b", "abc"), ("sliders", "both")])
def test_bad_url_parameter_warns_by_name(param, value):
    at = open_page(URL, {param: value})
    assert not at.exception
    assert any(f"`{param}`" in w.value for w in at.warning)
    assert metrics(at) == expected([1, 0], [0.9998, 0.0175])


@pytest.mark.browser
def test_browser_presets_and_angle_slider(page, app_url):
    goto(page, f"{app_url}/{URL}")
    before = screen_state(page)
    page.get_by_role("button", name="cos θ = 0: perpendicular").click()
    wait_screen_change(page, before)
    values = shown_figures(page)
    assert values["cos θ"] == "0.0000" and values["Angle"] == "90.0000°"
    before, url_before = screen_state(page), page.url
    press_slider(page, "b_angle", "ArrowRight")
    wait_screen_change(page, before)
    page.wait_for_function("(before) => window.location.href !== before", arg=url_before, timeout=10_000)
    values = shown_figures(page)
    from urllib.parse import parse_qs, urlparse

    b = parse_array(parse_qs(urlparse(page.url).query)["b"][0])
    # The slider snaps b to whole degrees: b now points at 118° (it was at 116.57°, shown as 117°).
    assert np.degrees(np.arctan2(b[1], b[0])) == pytest.approx(118, abs=0.01)
    assert values == expected([2, 1], b)
    assert page.locator('[data-testid="stException"]').count() == 0
