"""The iris page in headless Chromium: the slide's 0.9733, the live C slider drawing core's numbers, max_iter explained."""

import re

import numpy as np
import pytest

from core import iris
from core.text import format_number
from scripts.app_driver import (
    goto,
    live_draws,
    press_slider,
    screen_state,
    shown_figures,
    slider_thumb,
    wait_idle,
    wait_screen_change,
)

pytestmark = pytest.mark.browser
X, Y = iris.load()

# What the live element draws: each figure's traces (x and y as plain lists), and its readout.
DRAWN_JS = """() => ({
  figures: [...document.querySelectorAll('.explainer-live .js-plotly-plot')].map(plot => plot.data.map(
    trace => ({name: trace.name || '', x: Array.from(trace.x || []), y: Array.from(trace.y || [])}))),
  readout: document.querySelector('.explainer-live .live-readout').textContent,
})"""


def expected_at(index: int) -> dict:
    """core's numbers at position ``index`` of the C slider, with the default features and max_iter."""
    _, cs = iris.c_positions(1.0)
    path = iris.fit_path(X, Y, cs)
    pair_path = iris.fit_path(X[:, [2, 3]], Y, cs)
    X2 = X[:, [2, 3]]
    box = [(lo - 0.4, hi + 0.4) for lo, hi in zip(X2.min(axis=0), X2.max(axis=0))]
    polygons = iris.region_polygons(pair_path.coef[index], pair_path.intercept[index], *box)
    accuracy = iris.path_accuracy(X, Y, path)[index]
    return {
        "C": format_number(cs[index]),
        "accuracy": format_number(accuracy, 4),
        "wrong": str(int(round((1 - accuracy) * 150))),
        "pair": format_number(iris.path_accuracy(X2, Y, pair_path)[index], 4),
        "polygons": polygons,
        "marker": [accuracy, iris.path_accuracy(X2, Y, pair_path)[index]],
    }


def check_drawn(page, index: int) -> None:
    drawn = page.evaluate(DRAWN_JS)
    expected = expected_at(index)
    regions, curves = drawn["figures"]
    for polygon, trace in zip(expected["polygons"], regions[:3]):
        np.testing.assert_allclose(trace["x"], polygon[:, 0], atol=1e-4)
        np.testing.assert_allclose(trace["y"], polygon[:, 1], atol=1e-4)
    np.testing.assert_allclose(curves[-1]["y"], expected["marker"], atol=1e-12)
    numbers = re.fullmatch(
        r"C = (\S+) · training accuracy (\S+) \((\d+) of 150 wrong\) · regions' model (\S+)", drawn["readout"]
    )
    assert numbers, drawn["readout"]
    assert numbers.groups() == (expected["C"], expected["accuracy"], expected["wrong"], expected["pair"])
    assert slider_thumb(page, "C_exponent").get_attribute("aria-valuetext") == expected["C"]


def test_default_is_the_slide_and_the_c_slider_writes_c_to_the_url(page, app_url):
    goto(page, f"{app_url}/iris")
    assert shown_figures(page)["accuracy"] == "0.9733"
    before = screen_state(page)
    press_slider(page, "C_exponent", "ArrowRight")
    wait_screen_change(page, before)
    page.wait_for_function("() => window.location.href.includes('C=1.78')", timeout=10_000)
    assert page.locator('[data-testid="stException"]').count() == 0


def test_the_live_element_draws_and_reads_out_cores_numbers(page, app_url):
    goto(page, f"{app_url}/iris")
    check_drawn(page, 12)  # C = 1
    # Home, PageUp (a decade), ArrowRight, End: each position drawn at once, then settled by Python.
    for key, index, url_c in [
        ("Home", 0, "0.001"),
        ("PageUp", 4, "0.01"),
        ("ArrowRight", 5, "0.0178"),
        ("End", 24, "1000"),
    ]:
        draws = live_draws(page)
        press_slider(page, "C_exponent", key)
        page.wait_for_function("(n) => window.__explainerLive.draws.length > n", arg=draws, timeout=2_000)
        check_drawn(page, index)  # the sweep's picture, before Python answers
        page.wait_for_function(f"() => new URL(location.href).searchParams.get('C') === '{url_c}'", timeout=15_000)
        wait_idle(page)
        check_drawn(page, index)  # and after the rerun
        assert shown_figures(page)["accuracy"] == expected_at(index)["accuracy"]
    assert page.locator('[data-testid="stException"]').count() == 0


def test_every_feature_is_visible_in_the_feature_picker(page, app_url):
    page.set_viewport_size({"width": 1440, "height": 900})
    goto(page, f"{app_url}/iris")
    picker = page.locator(".st-key-features")
    picker.scroll_into_view_if_needed()
    for name in iris.FEATURES:
        option = picker.get_by_role("button", name=name, exact=True)
        assert option.is_visible(), name
        box, frame = option.bounding_box(), picker.bounding_box()
        assert box["x"] >= frame["x"] - 1 and box["x"] + box["width"] <= frame["x"] + frame["width"] + 1, name


def test_too_small_max_iter_is_explained_not_a_traceback(page, app_url):
    goto(page, f"{app_url}/iris?max_iter=4&features=petal_length,petal_width")
    info = page.locator('[data-testid="stAlert"]:has-text("ConvergenceWarning")')
    assert info.count() == 1 and "max_iter = 4" in info.inner_text()
    assert shown_figures(page)["iterations"] == "4"
    assert page.locator('[data-testid="stException"]').count() == 0
