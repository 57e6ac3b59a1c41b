"""Every page's picture follows the hand: a drag of its main slider redraws before the mouse is released."""

import pytest

from app.registry import PAGES
from scripts.app_driver import (
    drag_slider,
    goto,
    live_draws,
    press_slider,
    screen_state,
    slider_thumb,
    wait_idle,
    wait_screen_change,
)

pytestmark = pytest.mark.browser
LIVE = [s for s in PAGES if s.slider_key]


@pytest.mark.parametrize("spec", LIVE, ids=[s.url_path for s in LIVE])
def test_a_drag_moves_the_picture_before_release(page, app_url, spec):
    goto(page, f"{app_url}/{spec.url_path}")
    assert page.locator(f".explainer-live .st-key-{spec.slider_key} input[type=range]").count() == 1, (
        "the main slider is a slider of the live element"
    )
    thumb = slider_thumb(page, spec.slider_key)
    positions = int(thumb.get_attribute("max")) + 1
    before_draws, before = live_draws(page), screen_state(page)
    counts = drag_slider(page, spec.slider_key)
    drawn = sum(b > a for a, b in zip([before_draws, *counts], counts))
    # A move that crosses a slider position must redraw: at least as many redraws as positions
    # crossed, short of 2 (the first and last moves may stay in one position), up to 28 of 30.
    assert drawn >= min(28, positions - 3), (drawn, positions)
    # Released: the value reaches Python, and the page settles on what the picture showed.
    wait_screen_change(page, before)
    assert page.locator('[data-testid="stException"]').count() == 0


@pytest.mark.parametrize("spec", LIVE, ids=[s.url_path for s in LIVE])
def test_a_key_step_redraws_at_once(page, app_url, spec):
    goto(page, f"{app_url}/{spec.url_path}")
    thumb = slider_thumb(page, spec.slider_key)
    key = "ArrowLeft" if thumb.input_value() == thumb.get_attribute("max") else "ArrowRight"
    before, url = live_draws(page), page.url
    page.evaluate(WATCH_WAITING_JS)
    thumb.focus()
    page.keyboard.press(key)
    page.wait_for_function("(n) => window.__explainerLive.draws.length > n", arg=before, timeout=2_000)
    assert thumb.get_attribute("aria-valuetext"), "the value is spoken with its unit"
    # The value went to Python: the element says so until a rerun answers it, and the URL follows.
    wait_idle(page)
    assert page.evaluate("() => window.__sawWaiting") is True
    assert page.locator(".explainer-live[data-waiting]").count() == 0
    page.wait_for_function("(before) => location.href !== before", arg=url, timeout=10_000)


WATCH_WAITING_JS = """() => {
  window.__sawWaiting = false;
  new MutationObserver(() => {
    if (document.querySelector('.explainer-live[data-waiting]')) window.__sawWaiting = true;
  }).observe(document.body, { attributes: true, subtree: true, attributeFilter: ['data-waiting'] });
}"""


def test_a_tab_that_lost_its_sweeps_asks_for_them_and_follows_the_drag_again(page, app_url):
    # Python sends each sweep's body once per tab, then its id. A tab without the body (a lost
    # message) asks for it, and the picture follows the hand as before. The step sweep of matrix
    # multiplication does not change with the step, so its rerun sends the id only.
    goto(page, f"{app_url}/matrix-multiplication")
    page.evaluate("() => window.__explainerLive.forgetHeld()")
    asked = page.evaluate("() => window.__explainerLive.asked")
    before = screen_state(page)
    press_slider(page, "step")
    wait_screen_change(page, before)
    wait_idle(page)
    assert page.evaluate("() => window.__explainerLive.asked") > asked
    draws, before = live_draws(page), screen_state(page)
    counts = drag_slider(page, "step")
    assert sum(b > a for a, b in zip([draws, *counts], counts)) >= 4  # 7 positions
    wait_screen_change(page, before)
