"""The matrix-multiplication page in headless Chromium: the keyboard steps, play runs in the browser."""

import numpy as np
import pytest

from core.text import parse_array
from tests.conftest import goto, press_slider, screen_state, shown_figures, wait_idle, wait_screen_change

pytestmark = pytest.mark.browser


def test_keyboard_steps_through_the_cells_of_c(page, app_url):
    a = np.array([[1, 2, 0], [3, -1, 2]])
    b = np.array([[2, 1], [0, 1], [4, -2]])
    goto(page, f"{app_url}/matrix-multiplication?a=1,2,0;3,-1,2&b=2,1;0,1;4,-2&step=0")
    assert shown_figures(page)["current cell"] == "none yet"
    c = a @ b
    for step in range(1, c.size + 1):
        before = screen_state(page)
        press_slider(page, "step", "ArrowRight")
        wait_screen_change(page, before)
        i, j = divmod(step - 1, c.shape[1])
        shown = shown_figures(page)
        assert shown["step"] == str(step)
        assert shown["current cell"] == f"C[{i}, {j}]"
        assert shown["current value"] == str(c[i, j])
    page.wait_for_function("() => window.location.href.includes('step=4')", timeout=10_000)
    before = screen_state(page)
    press_slider(page, "step", "Home")
    wait_screen_change(page, before)
    assert shown_figures(page)["current cell"] == "none yet"
    assert page.locator('[data-testid="stException"]').count() == 0


def test_play_animates_in_the_browser_without_reruns(page, app_url):
    goto(page, f"{app_url}/matrix-multiplication?step=0&speed=fast")
    shown = shown_figures(page)
    chart = page.locator(".st-key-matmul_steps")
    chart.locator(".updatemenu-button").first.click()
    # The in-figure slider reaches the last step (6 for the default 2x5 times 5x3) ...
    page.wait_for_function(
        """() => [...document.querySelectorAll('.st-key-matmul_steps .slider-group text')]
                 .some(t => t.textContent.trim() === 'step 6')""",
        timeout=15_000,
    )
    wait_idle(page)
    # ... while the page itself did not rerun: its figures and URL are unchanged.
    assert shown_figures(page) == shown
    assert "step=0" in page.url


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
    from urllib.parse import parse_qs, urlparse

    query = parse_qs(urlparse(page.url).query)
    assert parse_array(query["a"][0]).shape == (2, 4) and parse_array(query["b"][0]).shape == (4, 3)
