"""The dot-product page under AppTest: its URL parameters, its live sliders, its words."""

import numpy as np
import pytest

from app.lessons import dot_product as text
from core.text import format_number, parse_array
from scripts.app_driver import live_elements, metrics, open_page, slider

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
    # (cos 1°, sin 1°) to 6 decimals, the contract's default: the slide's 1° and 0.9998.
    assert metrics(at) == expected([1, 0], [0.999848, 0.017452])
    assert metrics(at)["Angle"] == "1.0000°" and metrics(at)["Dot product"] == "0.9998"
    assert any("unit vectors" in s.value for s in at.success)  # for unit vectors a·b = cos θ
    assert any("rounds 0.9998 to 3 decimals: 1.000" in s.value for s in at.success)


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
    [live] = live_elements(at)
    [spec] = live["figures"]
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
    slider(at, "b_angle").set_value(60.0).run()
    b = parse_array(at.query_params["b"])
    np.testing.assert_allclose(b, [2 * np.cos(np.pi / 3), 2 * np.sin(np.pi / 3)], atol=1e-4)
    assert metrics(at) == expected([1, 0], b)
    assert at.text_input(key="b").value == at.query_params["b"]
    slider(at, "a_len").set_value(3.0).run()
    assert parse_array(at.query_params["a"]).tolist() == [3, 0]


def test_component_sliders_write_one_component():
    at = open_page(URL, {"a": "1, 2, 2", "b": "2, 0, 1"})
    slider(at, "b_1").set_value(-1.5).run()
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
    assert metrics(at) == expected([1, 0], [0.999848, 0.017452])


# ---------------------------------------------------------------- the live element
def readout_of(shown: dict[str, str]) -> str:
    return f"a · b = {shown['Dot product']} · θ = {shown['Angle']} · cos θ = {shown['cos θ']}"


def test_the_sliders_are_one_live_element_with_the_main_slider_first():
    at = open_page(URL)
    [live] = live_elements(at)
    assert [s["key"] for s in live["sliders"]] == ["b_angle", "b_len", "a_angle", "a_len"]
    assert live["readout"] == readout_of(metrics(at))
    angle = live["sliders"][0]
    # Keyboard: 5° a step, so 90° is 18 presses away; PageUp / PageDown turn by 45°.
    assert angle["values"][1] - angle["values"][0] == 5 and angle["big"] == 9
    assert "5°" in angle["help"] and "45°" in angle["help"]
    assert set(live["sweeps"]) == {"b_angle", "b_len", "a_angle", "a_len"}


@pytest.mark.parametrize("key, value", [("b_angle", 90), ("b_angle", -135), ("b_len", 2.5), ("a_angle", 45)])
def test_a_sweeps_readout_is_what_the_released_slider_shows(key, value):
    at = open_page(URL, {"a": "2, 1", "b": "-1, 2"})
    [live] = live_elements(at)
    spec = next(s for s in live["sliders"] if s["key"] == key)
    predicted = live["sweeps"][key]["readouts"][spec["values"].index(value)]
    slider(at, key).set_value(value).run()
    assert not at.exception
    assert predicted == readout_of(metrics(at))
    assert live_elements(at)[0]["readout"] == predicted


def test_a_slider_released_where_it_was_drawn_still_sets_the_vector():
    at = open_page(URL)  # b at 1°: its angle slider is drawn at 0°, the nearest position
    index = next(s for s in live_elements(at)[0]["sliders"] if s["key"] == "b_angle")["index"]
    at.session_state["dot_live"] = {"moved": {"key": "b_angle", "index": index, "n": 1}}
    at.session_state["b_angle"] = 0
    at.run()
    assert parse_array(at.query_params["b"]).tolist() == [1, 0]
    assert metrics(at)["Angle"] == "0.0000°"


def test_two_d_components_and_three_d_sliders():
    flat = open_page(URL, {"a": "1, 2", "b": "3, -1", "sliders": "components"})
    assert [s["key"] for s in live_elements(flat)[0]["sliders"]] == ["b_0", "b_1", "a_0", "a_1"]
    slider(flat, "a_1").set_value(-0.5).run()
    assert parse_array(flat.query_params["a"]).tolist() == [1, -0.5]
    assert metrics(flat) == expected([1, -0.5], [3, -1])
    deep = open_page(URL, {"a": "1, 2, 2", "b": "2, 0, 1"})
    assert [s["key"] for s in live_elements(deep)[0]["sliders"]] == ["b_0", "b_1", "b_2", "a_0", "a_1", "a_2"]


def test_lengths_that_differ_keep_the_sliders_and_say_why_there_is_no_picture():
    at = open_page(URL, {"a": "1, 2", "b": "1, 2, 3"})
    [live] = live_elements(at)
    assert live["figures"] == [] and live["readout"] == "a has 2 numbers and b has 3: no dot product"


def test_the_default_shows_a_zoom_on_the_heads_and_a_right_angle_does_not():
    def zoom_visible(at):
        figure = live_elements(at)[0]["figures"][0]
        return figure["layout"]["xaxis2"].get("visible", True)

    slide = open_page(URL)
    assert zoom_visible(slide)
    assert any("zoomed in" in c.value for c in slide.caption)
    right = open_page(URL, {"a": "2, 1", "b": "-1, 2"})
    assert not zoom_visible(right)
    assert not any("zoomed in" in c.value for c in right.caption)


# ---------------------------------------------------------------- sentences that depend on the numbers
@pytest.mark.parametrize(
    "dot, words",
    [
        (0.5, "positive, so the angle is under 90° (acute): they point roughly the same way"),
        (1e-13, "zero, so the angle is exactly 90°"),
        (-0.5, "negative, so the angle is over 90° (obtuse)"),
    ],
)
def test_the_sign_says_roughly_the_same_way_only_for_an_acute_angle(dot, words):
    assert text.side(dot).startswith(words)


def test_unit_vectors_are_named_only_at_length_one_and_the_slides_rounding_only_where_it_differs():
    assert "unit vectors" in text.unit_vectors(1.0, 1.0, 0.9998477)
    assert "The slide rounds 0.9998 to 3 decimals: 1.000." in text.unit_vectors(1.0, 1.0, 0.9998477)
    assert "The slide rounds" not in text.unit_vectors(1.0, 1.0, 0.5)
    assert text.unit_vectors(1.0, 1.001, 0.9998) == "" and text.unit_vectors(0.999, 1.0, 0.9998) == ""


def test_the_notice_says_the_dot_product_mixes_alignment_and_length():
    words = text.notice(2.0, 26.5651, 0.8944, 1.0, 2.2361, "")
    assert "only cos θ measures the alignment" in words
    assert "w · x + b" not in words  # b is the second vector on this page, not a bias


def test_a_dragged_head_sets_length_and_angle_at_once():
    at = open_page(URL)
    [live] = live_elements(at)
    drag_b, drag_a = live["drags"]
    assert (drag_b["keys"], drag_a["keys"]) == (["b_len", "b_angle"], ["a_len", "a_angle"]) and drag_b["polar"]
    values = {s["key"]: s["values"] for s in live["sliders"]}
    i, j = values["b_len"].index(1.5), values["b_angle"].index(90)
    cell = drag_b["rows"].index(i) * len(drag_b["cols"]) + drag_b["cols"].index(j)
    arrow = drag_b["columns"]["4"]
    assert (arrow["x"][cell], arrow["y"][cell]) == ([0, 0], [0, 1.5])
    # On release the element sends both positions; its callback puts both values in the session.
    at.session_state["dot_live"] = {
        "moved": {"key": "b_len", "index": i, "n": 7, "also": [{"key": "b_angle", "index": j}]}
    }
    at.session_state["b_len"], at.session_state["b_angle"] = 1.5, 90
    at.run()
    assert parse_array(at.query_params["b"]).tolist() == [0, 1.5]
    assert readout_of(metrics(at)) == drag_b["readouts"][cell] == "a · b = 0.0000 · θ = 90.0000° · cos θ = 0.0000"
    components = live_elements(open_page(URL, {"sliders": "components"}))[0]["drags"]
    assert [d["keys"] for d in components] == [["b_0", "b_1"], ["a_0", "a_1"]] and not components[0]["polar"]
    assert live_elements(open_page(URL, {"a": "1, 2, 2", "b": "2, 0, 1"}))[0]["drags"] == []


def test_the_slides_notation_is_tied_to_numpys():
    at = open_page(URL, {"a": "2, 1", "b": "-1, 2"})
    captions = " ".join(c.value for c in at.caption)
    assert "**wᵀx**: a row (1, n) times a column (n, 1)" in captions  # the slide's wᵀx is one number
    assert "NumPy counts from 0, so a₁ is `a[0]`" in captions
    assert "Drag the head of a or b in the picture" in captions


def test_tiny_vectors_at_45_degrees_are_not_called_perpendicular():
    """a · b of two vectors of length 1e-9 at 45° is 7.07e-19: 0.0000 at 4 decimals, but positive."""
    from core import vectors

    a, b = np.array([1e-9, 0.0]), np.array([1e-9, 1e-9]) / np.sqrt(2)
    dot, cos, angle = vectors.dot(a, b), vectors.cos_angle(a, b), vectors.angle_degrees(a, b)
    assert format_number(dot, 4) == "0.0000" and dot > 0 and format_number(angle, 4) == "45.0000"
    said = text.notice(dot, angle, cos, vectors.norm(a), vectors.norm(b), "")
    assert "exactly 90°" not in said and "perpendicular" not in said
    assert "not 0" in said and "positive, so the angle is under 90°" in said
    projection = vectors.projection(b, a)
    assert "perpendicular" not in text.projection_words(projection, dot, vectors.norm(a), vectors.norm(b))


def test_nearly_unit_vectors_never_write_a_dot_product_beside_a_different_cosine():
    """Lengths 1.0002: a · b = 1.0004 while cos θ = 1.0000; 'a · b = cos θ = 1.0004' would be false."""
    said = text.unit_vectors(1.0002, 1.0002, 1.0002**2)
    assert "cos θ = 1.0004" not in said and "a · b = 1.0004 is close to cos θ = 1.0000" in said
    assert "**a · b = cos θ = 0.9998**" in text.unit_vectors(1.0, 1.0, 0.9998477)


def test_two_zero_vectors_take_a_plural_verb():
    assert "Here a and b have length 0" in text.notice(0.0, None, None, 0.0, 0.0, "a and b")
    assert "Here a has length 0" in text.notice(0.0, None, None, 0.0, 1.0, "a")
    assert text.zero_info("a and b").startswith("**a and b are both the zero vector**")
    assert text.zero_info("b").startswith("**b is the zero vector**")
