"""The app in real headless Chromium: every page loads cleanly, and the keyboard moves the picture."""

import pytest

from app.registry import PAGES
from scripts.app_driver import goto, press_slider, screen_state, slider_thumb, wait_metrics, wait_screen_change

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("spec", PAGES, ids=[s.url_path or "home" for s in PAGES])
@pytest.mark.parametrize("view", ["desktop"])  # scripts.app_driver.VIEWS
def test_page_loads_without_exception(page_in_view, spec, view):
    page = page_in_view(spec, view)
    assert page.locator('[data-testid="stException"]').count() == 0
    assert page.locator("h1").first.is_visible()
    if spec.url_path:
        assert page.locator('[data-testid="stMetricValue"]').count() >= 1
        # A picture: a plotly chart, or one drawn by the live element.
        assert page.locator('[data-testid="stPlotlyChart"], .explainer-live .js-plotly-plot').count() >= 1


@pytest.mark.parametrize("spec", [s for s in PAGES if s.slider_key], ids=[s.url_path for s in PAGES if s.slider_key])
def test_keyboard_moves_the_main_slider_and_the_picture(page, app_url, spec):
    goto(page, f"{app_url}/{spec.url_path}")
    thumb = slider_thumb(page, spec.slider_key)
    at_max = thumb.input_value() == thumb.get_attribute("max")
    before = screen_state(page)
    url_before = page.url
    press_slider(page, spec.slider_key, "ArrowLeft" if at_max else "ArrowRight")
    wait_screen_change(page, before)
    assert page.locator('[data-testid="stException"]').count() == 0
    page.wait_for_function("(before) => window.location.href !== before", arg=url_before, timeout=10_000)


def test_arrays_url_sets_the_shape_and_the_slider_updates_it(page, app_url):
    goto(page, f"{app_url}/arrays?shape=2,5")
    values = page.locator('[data-testid="stMetricValue"]').all_inner_texts()
    assert values == ["2", "10", "(2, 5)"]
    before = screen_state(page)
    press_slider(page, "axis_0")
    wait_screen_change(page, before)  # the live picture, at once
    wait_metrics(page, ["2", "15", "(3, 5)"])  # Python's rerun
    assert "shape=3%2C+5" in page.url or "shape=3%2C%205" in page.url


def test_bad_url_value_warns_and_the_page_still_works(page, app_url):
    goto(page, f"{app_url}/arrays?shape=banana")
    alert = page.locator('[data-testid="stAlert"]').first
    assert "shape" in alert.inner_text() and "banana" in alert.inner_text()
    assert page.locator('[data-testid="stMetricValue"]').all_inner_texts() == ["3", "24", "(4, 3, 2)"]
