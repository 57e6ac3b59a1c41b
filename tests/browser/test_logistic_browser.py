"""The logistic-regression page in headless Chromium: URL in, figures out, the keyboard and the text box."""

import numpy as np
import pytest
from scipy.special import expit
from sklearn.metrics import accuracy_score, log_loss

from tests.conftest import goto, press_slider, screen_state, shown_figures, wait_idle, wait_screen_change

pytestmark = pytest.mark.browser

POINTS = "1, 0; 2, 0; 3, 1; 4, 0; 5, 1; 6, 1"
X, Y = np.arange(1.0, 7.0), np.array([0, 0, 1, 0, 1, 1])


def test_url_data_gives_scikit_learns_figures_and_the_slider_moves_them(page, app_url):
    goto(page, f"{app_url}/logistic-regression?w=1&b=-3.5&data={POINTS.replace(' ', '%20')}")
    p = expit(X - 3.5)
    shown = shown_figures(page)
    assert shown["mean logistic loss"] == f"{log_loss(Y, p):.4f}"
    assert shown["accuracy"] == f"{accuracy_score(Y, p >= 0.5):.4f}"
    before = screen_state(page)
    press_slider(page, "w", "ArrowRight")
    wait_screen_change(page, before)
    page.wait_for_function("() => window.location.href.includes('w=1.01')", timeout=10_000)
    assert shown_figures(page)["mean logistic loss"] == f"{log_loss(Y, expit(1.01 * X - 3.5)):.4f}"
    assert page.locator('[data-testid="stException"]').count() == 0


def test_typed_bad_points_show_an_error_and_the_figures_stay(page, app_url):
    goto(page, f"{app_url}/logistic-regression")
    before = shown_figures(page)
    box = page.locator(".st-key-data input")
    box.fill("1, 0; 2, 7")
    box.press("Enter")
    page.wait_for_selector('[data-testid="stAlert"]:has-text("0 or 1")', timeout=15_000)
    wait_idle(page)
    assert shown_figures(page) == before
    assert page.locator('[data-testid="stException"]').count() == 0
