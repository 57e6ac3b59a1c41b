"""The iris page in headless Chromium: the slide's 0.9733, the C slider on a log scale, max_iter explained."""

import pytest

from tests.conftest import goto, press_slider, screen_state, shown_figures, wait_screen_change

pytestmark = pytest.mark.browser


def test_default_is_the_slide_and_the_c_slider_writes_c_to_the_url(page, app_url):
    goto(page, f"{app_url}/iris")
    assert shown_figures(page)["accuracy"] == "0.9733"
    before = screen_state(page)
    press_slider(page, "C_exponent", "ArrowRight")
    wait_screen_change(page, before)
    page.wait_for_function("() => window.location.href.includes('C=1.26')", timeout=10_000)
    assert page.locator('[data-testid="stException"]').count() == 0


def test_too_small_max_iter_is_explained_not_a_traceback(page, app_url):
    goto(page, f"{app_url}/iris?max_iter=4&features=petal_length,petal_width")
    info = page.locator('[data-testid="stAlert"]:has-text("ConvergenceWarning")')
    assert info.count() == 1 and "max_iter = 4" in info.inner_text()
    assert shown_figures(page)["iterations"] == "4"
    assert page.locator('[data-testid="stException"]').count() == 0
