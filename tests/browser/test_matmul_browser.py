"""The matrix-multiplication page in headless Chromium: the keyboard steps, Play goes through the live
element, and what the element draws and reads out is NumPy's C."""

from urllib.parse import parse_qs, urlparse

import numpy as np
import pytest

from core.matmul import matmul_steps, step_expressions
from core.text import format_number, parse_array
from scripts.app_driver import (
    goto,
    press_slider,
    screen_state,
    shown_figures,
    slider_thumb,
    wait_idle,
    wait_screen_change,
)

pytestmark = pytest.mark.browser
A = np.array([[1, 2, 0], [3, -1, 2]], dtype=float)
B = np.array([[2, 1], [0, 1], [4, -2]], dtype=float)
URL = "matrix-multiplication?a=1,2,0;3,-1,2&b=2,1;0,1;4,-2"

DRAWN_JS = """() => {
  const plot = document.querySelector('.explainer-live .js-plotly-plot');
  const texts = plot.data.filter(t => t.mode === 'text').map(t => [...(t.text || [])]);
  return {values: texts[0], labels: texts[1], readout: document.querySelector('.explainer-live .live-readout').textContent};
}"""


def wait_step(page, step: int) -> None:
    """Wait until the rerun after a move has put ``step`` into the URL and drawn the page."""
    page.wait_for_function(
        "(n) => /[?&]step=" + "(\\d+)/.exec(location.search)?.[1] === String(n)", arg=step, timeout=10_000
    )
    wait_idle(page)


def test_keyboard_steps_through_the_cells_of_c(page, app_url):
    goto(page, f"{app_url}/{URL}&step=0")
    assert shown_figures(page)["current cell"] == "none yet"
    c = A @ B
    for step in range(1, c.size + 1):
        before = screen_state(page)
        press_slider(page, "step", "ArrowRight")
        wait_screen_change(page, before)
        wait_step(page, step)
        i, j = divmod(step - 1, c.shape[1])
        shown = shown_figures(page)
        assert shown["step"] == str(step)
        assert shown["current cell"] == f"C[{i}, {j}]"
        assert shown["current value"] == format_number(c[i, j])
    before = screen_state(page)
    press_slider(page, "step", "Home")
    wait_screen_change(page, before)
    wait_step(page, 0)
    assert shown_figures(page)["current cell"] == "none yet"
    assert page.locator('[data-testid="stException"]').count() == 0


@pytest.mark.parametrize("key, step", [("End", 4), ("PageDown", 0), ("ArrowRight", 1), ("PageUp", 3)])
def test_what_the_live_element_draws_and_reads_out_is_numpys_c(page, app_url, key, step):
    # Released positions reached by keyboard: C's values so far, the row and column labels, the sum.
    goto(page, f"{app_url}/{URL}&step={ {'PageDown': 2, 'PageUp': 1}.get(key, 0) }")
    before = screen_state(page)
    press_slider(page, "step", key)
    wait_screen_change(page, before)
    wait_step(page, step)
    drawn = page.evaluate(DRAWN_JS)
    c = A @ B
    done = [format_number(v) for v in c.ravel()[:step]]
    assert drawn["values"] == done
    assert drawn["labels"] == ([] if step == 0 else [f"row {(step - 1) // 2}", f"col {(step - 1) % 2}"])
    expressions = step_expressions(A, B)
    assert drawn["readout"].endswith(expressions[step] if step else "no cell of C computed yet.")
    if step:
        assert drawn["readout"].endswith(f"= {format_number(matmul_steps(A, B)[step - 1].value)}")
        assert shown_figures(page)["current value"] == format_number(c.ravel()[step - 1])


def test_play_steps_the_slider_metrics_and_url_together(page, app_url):
    goto(page, f"{app_url}/matrix-multiplication?step=0&speed=fast")
    play = page.locator(".explainer-live .live-play")
    assert play.inner_text().strip() == "▶ Play"
    play.click()
    # The picture, the slider, the metrics and the URL all reach the last step (6 for 2x5 times 5x3).
    page.wait_for_function("() => window.location.href.includes('step=6')", timeout=40_000)
    wait_idle(page)
    page.wait_for_function(
        "() => document.querySelector('.explainer-live .live-play').textContent.includes('Play')", timeout=5_000
    )
    assert slider_thumb(page, "step").input_value() == "6"
    shown = shown_figures(page)
    assert shown["step"] == "6" and shown["current cell"] == "C[1, 2]"
    assert len(page.evaluate(DRAWN_JS)["values"]) == 6


def test_pause_stops_play_where_it_is(page, app_url):
    goto(page, f"{app_url}/matrix-multiplication?step=0&speed=slow")
    play = page.locator(".explainer-live .live-play")
    play.click()
    page.wait_for_function("() => window.location.href.includes('step=1')", timeout=10_000)
    play.click()  # pause
    assert play.inner_text().strip() == "▶ Play"
    wait_idle(page)
    page.wait_for_timeout(1_500)  # longer than a step of slow Play
    at = slider_thumb(page, "step").input_value()
    assert at in {"1", "2"} and shown_figures(page)["step"] == at
    assert f"step={at}" in page.url


def test_shape_mismatch_in_the_url_shows_the_error_and_the_slider_repairs_it(page, app_url):
    goto(page, f"{app_url}/matrix-multiplication?b=1,2,3;4,5,6;1,1,1;2,2,2")
    alert = page.locator('[data-testid="stAlert"]').first.inner_text()
    assert "(2, 5)" in alert and "(4, 3)" in alert
    assert shown_figures(page)["result shape"] == "undefined"
    before = screen_state(page)
    press_slider(page, "shape_k", "ArrowLeft")  # k from 5 to 4: new matrices that match
    wait_screen_change(page, before)
    assert shown_figures(page, 4)["result shape"] == "(2, 3)"
    page.wait_for_function("() => !window.location.href.includes('4%2C+5%2C+6')", timeout=10_000)
    query = parse_qs(urlparse(page.url).query)
    assert parse_array(query["a"][0]).shape == (2, 4) and parse_array(query["b"][0]).shape == (4, 3)


# The wall and the phone: the picture on the first screen, nothing clipped, no label over another.
PICTURE_BOX_JS = """() => {
  const r = document.querySelector('.explainer-live .js-plotly-plot').getBoundingClientRect();
  return {top: r.top, bottom: r.bottom};
}"""
CLIPPED_METRICS_JS = """() => [...document.querySelectorAll('[data-testid="stMetricValue"] div, [data-testid="stMetricLabel"] p')]
  .filter(e => e.scrollWidth > e.clientWidth + 1).map(e => e.innerText)"""
OVERLAPS_JS = """(selector) => {
  const boxes = [...document.querySelectorAll(selector + ' .annotation-text')].map(e => [e.textContent, e.getBoundingClientRect()]);
  const hits = [];
  boxes.forEach(([a, p], i) => boxes.slice(i + 1).forEach(([b, q]) => {
    if (p.left < q.right - 1 && q.left < p.right - 1 && p.top < q.bottom - 1 && q.top < p.bottom - 1) hits.push([a, b]);
  }));
  return hits;
}"""


@pytest.fixture
def wall(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("query", ["projector=1", "present=1", "projector=1&step=6"])
def test_the_picture_is_wholly_on_the_first_screen_of_the_wall(wall, app_url, query):
    goto(wall, f"{app_url}/matrix-multiplication?{query}")
    box = wall.evaluate(PICTURE_BOX_JS)
    assert box["top"] >= 0 and box["bottom"] <= 720, box
    assert wall.evaluate(CLIPPED_METRICS_JS) == [], "no metric cut short (the C[0, … of the issue)"


@pytest.mark.parametrize(
    "width, query", [(1280, "term=1"), (1280, "term=5&projector=1"), (390, "term=1"), (390, "term=5")]
)
def test_no_label_of_the_outer_product_picture_runs_into_another(browser, app_url, width, query):
    context = browser.new_context(viewport={"width": width, "height": 844})
    tab = context.new_page()
    try:
        goto(tab, f"{app_url}/matrix-multiplication?{query}")
        tab.locator(".st-key-matmul_outer").scroll_into_view_if_needed()
        assert tab.evaluate(OVERLAPS_JS, ".st-key-matmul_outer") == []
    finally:
        context.close()
