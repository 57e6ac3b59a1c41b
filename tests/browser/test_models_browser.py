"""The models page in headless Chromium: the four panels the live element draws are core's ŷ."""

from urllib.parse import parse_qs, urlparse

import numpy as np
import pytest

from app.lessons import models as text
from core import models
from scripts.app_driver import goto, screen_state, slider_thumb, wait_idle, wait_screen_change

pytestmark = pytest.mark.browser
URL = "models"

# _fullData: the traces as plotly.js drew them (NumPy arrays arrive as base64 typed arrays, decoded there).
DRAWN_JS = """() => ({
  panels: [...document.querySelectorAll('.explainer-live .js-plotly-plot')].map(plot => ({
    title: plot.layout.title.text,
    x: Array.from(plot._fullData[0].x),
    y: Array.from(plot._fullData[0].y),
    points: Array.from(plot._fullData[1].y),
  })),
  readout: document.querySelector('.explainer-live .live-readout').textContent,
})"""


def drawn_equals_core(page, d: int, h: int) -> None:
    drawn = page.evaluate(DRAWN_JS)
    data = models.shared_data()
    y_hats = models.predictions(models.fit_all(data, d, h), models.draw_x())
    assert [p["title"] for p in drawn["panels"]] == ["Linear", "Polynomial", "Logistic", "Network"]
    for panel, kind in zip(drawn["panels"], models.KINDS):
        np.testing.assert_allclose(panel["x"], models.draw_x(), atol=1e-9)
        # the hover shows ŷ with 4 decimals: equal at that precision
        np.testing.assert_allclose(panel["y"], y_hats[kind], atol=5e-5, err_msg=kind)
        np.testing.assert_array_equal(panel["points"], data.label if kind == "logistic" else data.y)
    assert drawn["readout"] == text.readout((1, d, h))


def test_three_positions_draw_cores_predictions(page, app_url):
    # A server's first run of the page imports scikit-learn and builds the sweeps: on a loaded
    # machine that can take longer than goto's waits, so the first load gets its own long wait.
    page.goto(f"{app_url}/{URL}")
    page.wait_for_selector(".explainer-live[data-ready='1']", timeout=240_000)
    goto(page, f"{app_url}/{URL}")
    drawn_equals_core(page, 3, 3)
    for key, presses, (d, h) in [("degree", ["End"], (6, 3)), ("hidden", ["ArrowLeft", "ArrowLeft"], (6, 1))]:
        before, url = screen_state(page), page.url
        slider_thumb(page, key).focus()
        for name in presses:
            page.keyboard.press(name)
        wait_screen_change(page, before)  # the live picture, at once
        drawn_equals_core(page, d, h)  # drawn from the sweep, before Python has answered
        page.wait_for_function("(before) => location.href !== before", arg=url, timeout=15_000)
        wait_idle(page)
        query = parse_qs(urlparse(page.url).query)
        assert (int(query["degree"][0]), int(query["hidden"][0])) == (d, h)
        drawn_equals_core(page, d, h)  # and after the rerun
    figures = page.locator('[data-testid="stMetricValue"]').all_inner_texts()
    assert figures == ["2", "7", "2", "4"]  # n = 1, d = 6, h = 1
