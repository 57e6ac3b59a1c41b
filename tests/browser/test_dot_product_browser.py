"""The dot-product page in headless Chromium: what the live element draws and reads out is core's numbers."""

from urllib.parse import parse_qs, urlparse

import numpy as np
import pytest

from app.figures import vectors as figures
from app.lessons import dot_product as text
from core.text import format_number, parse_array
from core.vectors import measures, vectors_with_parts
from scripts.app_driver import (
    goto,
    live_draws,
    next_frames,
    press_slider,
    screen_state,
    shown_figures,
    slider_thumb,
    wait_idle,
    wait_screen_change,
)

pytestmark = pytest.mark.browser
URL = "dot-product"

# What the live element draws: its figure's traces (x, y, text, visibility) and its readout.
DRAWN_JS = """() => ({
  data: [...document.querySelectorAll('.explainer-live .js-plotly-plot')][0].data.map(trace => ({
    x: Array.from(trace.x || []), y: Array.from(trace.y || []), text: trace.text || null,
    visible: trace.visible === undefined ? true : trace.visible})),
  readout: document.querySelector('.explainer-live .live-readout').textContent,
})"""


def vectors_in_url(page) -> tuple[np.ndarray, np.ndarray]:
    query = parse_qs(urlparse(page.url).query)
    return parse_array(query["a"][0]), parse_array(query["b"][0])


def expected(a, b) -> dict[str, str]:
    d = np.dot(a, b)
    na, nb = np.linalg.norm(a), np.linalg.norm(b)
    cos = np.clip(d / (na * nb), -1, 1)
    four = lambda v: f"{round(float(v), 4) + 0.0:.4f}"
    angle = four(np.degrees(np.arccos(cos)))
    return {"Dot product": four(d), "Angle": angle + "°", "cos θ": four(cos), "‖a‖": four(na), "‖b‖": four(nb)}


def settle(page, key: str, presses: list[str]) -> None:
    """Press keys on slider ``key`` and wait until Python's rerun has put its figures on screen."""
    before, url = screen_state(page), page.url
    thumb = slider_thumb(page, key)
    thumb.focus()
    for name in presses:
        page.keyboard.press(name)
    wait_screen_change(page, before)  # the live picture, at once
    page.wait_for_function("(before) => location.href !== before", arg=url, timeout=15_000)  # Python's answer
    wait_idle(page)  # the live element waits (data-waiting) until a rerun answers its last key


def test_released_positions_draw_and_read_out_cores_numbers(page, app_url):
    goto(page, f"{app_url}/{URL}?a=2,1&b=-1,2")
    steps = [("b_angle", ["ArrowRight"]), ("b_angle", ["PageDown", "ArrowLeft"]), ("b_len", ["ArrowRight"] * 3)]
    steps += [("a_angle", ["PageUp"])]
    for key, presses in steps:
        settle(page, key, presses)
        page.wait_for_function("() => new URLSearchParams(location.search).has('b')", timeout=10_000)
        a, b = vectors_in_url(page)
        shown = shown_figures(page, at_least=5)
        assert shown == expected(a, b), (key, presses)
        drawn = page.evaluate(DRAWN_JS)
        m = measures(a, b)
        assert drawn["readout"] == text.readout(m["dot"], m["angle"], m["cos"])
        assert drawn["readout"] == f"a · b = {shown['Dot product']} · θ = {shown['Angle']} · cos θ = {shown['cos θ']}"
        arrow_a, arrow_b = drawn["data"][figures.ARROW_A], drawn["data"][figures.ARROW_B]
        np.testing.assert_allclose([arrow_a["x"][1], arrow_a["y"][1]], a, atol=5e-5)
        np.testing.assert_allclose([arrow_b["x"][1], arrow_b["y"][1]], b, atol=5e-5)
        projection = drawn["data"][figures.PROJECTION]
        np.testing.assert_allclose([projection["x"][1], projection["y"][1]], m["projection"], atol=1e-4)
        assert drawn["data"][figures.THETA]["text"] == [f"θ = {format_number(m['angle'], 2)}°"]


def test_the_slides_default_zooms_on_the_heads(page, app_url):
    goto(page, f"{app_url}/{URL}")
    assert shown_figures(page, at_least=5)["Angle"] == "1.0000°"
    drawn = page.evaluate(DRAWN_JS)
    assert drawn["readout"] == "a · b = 0.9998 · θ = 1.0000° · cos θ = 0.9998"
    zoom = drawn["data"][figures.ZOOM_TEXT]
    assert zoom["visible"] is True and zoom["text"][0] == "θ = 1.00°"
    # Turning b away by a key step hides the zoom at once, before Python answers.
    press_slider(page, "b_angle", "PageUp")
    page.wait_for_function(
        f"() => document.querySelector('.explainer-live .js-plotly-plot').data[{figures.ZOOM_TEXT}].visible === false",
        timeout=2_000,
    )


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
    _, b = vectors_in_url(page)
    # The slider snaps b to 5° steps: b now points at 120° (it was at 116.57°, drawn at 115°).
    assert np.degrees(np.arctan2(b[1], b[0])) == pytest.approx(120, abs=0.01)
    assert values == expected([2, 1], b)
    assert page.locator('[data-testid="stException"]').count() == 0


# Where a point of the live plane is on screen: a trace's head, and any point in data coordinates.
SCREEN_JS = """([trace, x, y]) => {
  const plot = document.querySelector('.explainer-live .js-plotly-plot');
  const xa = plot._fullLayout.xaxis, ya = plot._fullLayout.yaxis, box = plot.getBoundingClientRect();
  const at = (u, v) => [box.left + xa._offset + xa.l2p(u), box.top + ya._offset + ya.l2p(v)];
  return {head: at(plot.data[trace].x[1], plot.data[trace].y[1]), target: at(x, y)};
}"""


@pytest.mark.parametrize("name, target", [("b", (-0.7, 0.7)), ("a", (0.0, -1.5))])
def test_a_head_dragged_in_the_picture_moves_it_live_and_sets_the_vector(page, app_url, name, target):
    goto(page, f"{app_url}/{URL}")
    trace = figures.ARROW_B if name == "b" else figures.ARROW_A
    where = page.evaluate(SCREEN_JS, [trace, *target])
    page.mouse.move(*where["head"])
    page.mouse.down()
    draws = live_draws(page)
    for step in range(1, 11):
        x, y = (h + (t - h) * step / 10 for h, t in zip(where["head"], where["target"]))
        page.mouse.move(x, y)
        next_frames(page)
    assert live_draws(page) - draws >= 5, "the picture follows the hand before release"
    # Before release: the head is at the nearest length and angle on the sliders' grids.
    length, angle = np.hypot(*target), np.degrees(np.arctan2(target[1], target[0]))
    v = vectors_with_parts([1, 0], {"len": [round(length * 4) / 4], "angle": [round(angle / 5) * 5]})[0]
    a, b = (v, np.array([0.999848, 0.017452])) if name == "a" else (np.array([1.0, 0.0]), v)
    m = measures(a, b)
    drawn = page.evaluate(DRAWN_JS)
    np.testing.assert_allclose([drawn["data"][trace]["x"][1], drawn["data"][trace]["y"][1]], v, atol=1e-3)
    assert drawn["readout"] == text.readout(m["dot"], m["angle"], m["cos"])
    page.mouse.up()
    page.wait_for_function(f"() => new URLSearchParams(location.search).get('{name}') !== null", timeout=10_000)
    wait_idle(page)
    assert np.allclose(vectors_in_url(page)[0 if name == "a" else 1], v)
    assert shown_figures(page, at_least=5) == expected(a, b)
    assert page.evaluate(DRAWN_JS)["readout"] == drawn["readout"]
