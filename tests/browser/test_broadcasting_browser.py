"""The broadcasting page in headless Chromium: the followed cell that the live element draws and reads
out is NumPy's, at released positions reached by keyboard; a suggested fix repairs a failing pair."""

import numpy as np
import pytest

from app.figures.broadcasting import FOLLOW, follow_words
from core.text import format_number
from scripts.app_driver import goto, press_slider, screen_state, wait_idle, wait_metrics, wait_screen_change

pytestmark = pytest.mark.browser
URL = "broadcasting"
A = np.array([[0.0], [10], [20], [30]])
B = np.array([[1.0, 2, 3]])

DRAWN_JS = """() => {
  const plot = document.querySelector('.explainer-live .js-plotly-plot');
  const values = plot.data[plot.data.length - 1];
  return {values: [...values.text], readout: document.querySelector('.explainer-live .live-readout').textContent};
}"""


def wait_cell(page, cell: int) -> None:
    """Wait until the rerun after a move has put ``cell`` into the URL and drawn the page."""
    page.wait_for_function(
        "(n) => new URLSearchParams(location.search).get('cell') === String(n)", arg=cell, timeout=10_000
    )
    wait_idle(page)


@pytest.mark.parametrize(
    "start, key, cell", [(0, "End", 11), (0, "PageDown", 0), (4, "ArrowRight", 5), (2, "PageUp", 5)]
)
def test_what_the_live_element_draws_and_reads_out_is_numpys(page, app_url, start, key, cell):
    goto(page, f"{app_url}/{URL}?a=0;10;20;30&b=[[1,2,3]]&op=add&cell={start}")
    before = screen_state(page)
    press_slider(page, "cell", key)
    if cell != start:
        wait_screen_change(page, before)
    wait_cell(page, cell)
    drawn = page.evaluate(DRAWN_JS)
    result = A + B
    index = np.unravel_index(cell, result.shape)
    a, b = np.broadcast_to(A, result.shape)[index], np.broadcast_to(B, result.shape)[index]
    assert drawn["values"] == [format_number(v) for v in (a, b, a, b, result[index])]
    assert drawn["readout"] == follow_words(A, B, "+", result, tuple(int(i) for i in index))
    assert FOLLOW == 2


def test_divide_by_zero_draws_inf_and_nan(page, app_url):
    goto(page, f"{app_url}/{URL}?a=1,-2,0&b=0&op=divide&cell=0")
    alert = page.locator('[data-testid="stAlert"]').first.inner_text()
    assert "divide by zero encountered in divide" in alert
    for cell, shown in enumerate(["inf", "-inf", "nan"]):
        if cell:
            press_slider(page, "cell", "ArrowRight")
            wait_cell(page, cell)
        assert page.evaluate(DRAWN_JS)["values"][-1] == shown


def test_browser_fix_button_repairs_the_failing_example(page, app_url):
    goto(page, f"{app_url}/{URL}?a=0,0,0;10,10,10;20,20,20;30,30,30&b=1,2,3,4&op=add")
    alert = page.locator('[data-testid="stAlert"]').first
    assert "operands could not be broadcast together with shapes" in alert.inner_text()
    before = screen_state(page)
    page.locator(".st-key-fix_b_b-----np-newaxis- button, [class*='st-key-fix_b'] button").first.click()
    wait_metrics(page, ["(4, 3)", "(4, 1)", "(4, 3)"])
    assert page.locator('[data-testid="stException"]').count() == 0
    page.locator(".explainer-live").wait_for()
    before = screen_state(page)
    press_slider(page, "cell")
    wait_screen_change(page, before)
    wait_cell(page, 1)


@pytest.mark.parametrize("query", ["projector=1", "present=1"])
def test_the_picture_is_wholly_on_the_first_screen_of_the_wall(browser, app_url, query):
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    tab = context.new_page()
    try:
        goto(tab, f"{app_url}/{URL}?{query}")
        box = tab.evaluate(
            "() => { const r = document.querySelector('.explainer-live .js-plotly-plot').getBoundingClientRect(); return [r.top, r.bottom]; }"
        )
        assert box[0] >= 0 and box[1] <= 720, box
    finally:
        context.close()


def test_on_a_phone_the_picture_comes_before_the_text_boxes(browser, app_url):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    tab = context.new_page()
    try:
        goto(tab, f"{app_url}/{URL}")
        picture = tab.locator(".explainer-live .js-plotly-plot").bounding_box()
        box = tab.locator(".st-key-a input").bounding_box()
        assert picture["y"] + picture["height"] <= box["y"]
    finally:
        context.close()
