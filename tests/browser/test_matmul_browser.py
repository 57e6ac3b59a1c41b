"""The matrix-multiplication page in headless Chromium: the keyboard steps, Play goes through the live
element, and what the element draws and reads out is NumPy's C."""

from urllib.parse import parse_qs, urlparse

import numpy as np
import pytest

from core.matmul import matmul_steps, step_expressions
from core.text import format_number, parse_array
from tests.conftest import goto, press_slider, screen_state, shown_figures, slider_thumb, wait_idle, wait_screen_change

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
    page.wait_for_function("() => window.location.href.includes('step=6')", timeout=20_000)
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
