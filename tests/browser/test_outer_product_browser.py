"""The outer-product page in headless Chromium: what the live element draws and reads out is core's numbers."""

from urllib.parse import parse_qs, urlparse

import numpy as np
import pytest

from app.lessons import outer_product as text
from core.text import parse_array
from core.vectors import outer, rank_of_outer
from scripts.app_driver import (
    goto,
    press_slider,
    screen_state,
    slider_thumb,
    wait_idle,
    wait_metrics,
    wait_screen_change,
)

pytestmark = pytest.mark.browser
URL = "outer-product"

DRAWN_JS = """() => {
  const plot = document.querySelector('.explainer-live .js-plotly-plot');
  return {
    z: plot.data[0].z.map(row => Array.from(row)),
    frame: Array.from(plot.data[1].y),
    labels: (plot.layout.annotations || []).map(a => a.text),
    readout: document.querySelector('.explainer-live .live-readout').textContent,
  };
}"""


def state_in_url(page):
    query = parse_qs(urlparse(page.url).query)
    w, x = (np.atleast_1d(parse_array(query[name][0])) for name in ("w", "x"))
    return w, x, int(query.get("row", ["0"])[0])


def test_released_positions_draw_and_read_out_cores_numbers(page, app_url):
    goto(page, f"{app_url}/{URL}?w=2,-1,6&x=1,2,3,4")
    for key, presses in [("w_len", ["ArrowRight"]), ("row", ["End"]), ("x_len", ["ArrowLeft", "ArrowLeft"])]:
        before, url = screen_state(page), page.url
        slider_thumb(page, key).focus()
        for name in presses:
            page.keyboard.press(name)
        wait_screen_change(page, before)  # the live picture, at once
        page.wait_for_function("(before) => location.href !== before", arg=url, timeout=15_000)  # Python's answer
        wait_idle(page)
        w, x, row = state_in_url(page)
        drawn = page.evaluate(DRAWN_JS)
        np.testing.assert_allclose(drawn["z"], outer(w, x))
        assert drawn["frame"][:3] == [row - 0.5, row - 0.5, row + 0.5]
        assert drawn["labels"][-1] == f"◀ row {row}"
        assert drawn["readout"] == text.readout(w, x, row, rank_of_outer(w, x))
    assert (w.size, x.size, row) == (4, 2, 3)


def test_browser_length_slider_grows_the_matrix(page, app_url):
    goto(page, f"{app_url}/{URL}?w=1,2&x=3,4,5")
    assert page.locator('[data-testid="stMetricValue"]').first.inner_text() == "(2, 3)"
    before = screen_state(page)
    press_slider(page, "w_len")
    wait_screen_change(page, before)  # the picture changes at once; the metrics when Python has answered
    page.wait_for_function(
        "() => document.querySelector('[data-testid=\"stMetricValue\"]').innerText !== '(2, 3)'", timeout=10_000
    )
    assert page.locator('[data-testid="stMetricValue"]').first.inner_text() == "(3, 3)"
    page.wait_for_function(
        "() => window.location.href.includes('w=1%2C+2%2C+3') || window.location.href.includes('w=1%2C%202%2C%203')",
        timeout=10_000,
    )
    assert page.locator('[data-testid="stDataFrame"]').count() == 1
    # The rerun rebuilt the sliders (the row slider's range follows w): the keyboard stays on w's.
    wait_idle(page)
    assert page.evaluate("() => document.activeElement.closest('.st-key-w_len') !== null")
    page.keyboard.press("ArrowRight")
    wait_metrics(page, ["(4, 3)", "1"])
