"""The classroom wall (1280x720, projector mode and presentation view) and the browser's history."""

import pytest

from app.registry import PAGES
from scripts.app_driver import goto, slider_thumb, wait_idle

pytestmark = pytest.mark.browser
LESSON = [s for s in PAGES if s.slider_key]
WALL = {"width": 1280, "height": 720}
# How far the page is scrolled, whichever box scrolls it (app/components/presentation_keys.js).
SCROLLED_JS = """() => ['stMain', 'stAppViewContainer'].map(id => document.querySelector(`[data-testid="${id}"]`))
  .reduce((sum, box) => sum + (box ? box.scrollTop : 0), document.scrollingElement.scrollTop)"""

# The first picture of the page: a live element's figure, else a plotly chart.
FIRST_PICTURE_JS = """() => {
  const pictures = [...document.querySelectorAll('.explainer-live .live-figure, [data-testid="stPlotlyChart"]')]
    .filter(e => e.getBoundingClientRect().height > 0);
  const box = pictures[0].getBoundingClientRect();
  return {top: box.top, bottom: box.bottom, height: box.height, width: box.width};
}"""

# Text cut by its own box: a visible element on the first screen whose text is wider than the element.
CLIPPED_TEXT_JS = """() => [...document.querySelectorAll(
    '[data-testid="stMain"] :is(p, h1, h2, h3, h4, label, button, a, [data-testid="stMetricValue"] div)')]
  .filter(e => { const box = e.getBoundingClientRect();
                 return box.width > 0 && box.bottom <= innerHeight && e.scrollWidth > e.clientWidth + 1
                        && getComputedStyle(e).overflowX !== 'auto' && getComputedStyle(e).overflowX !== 'scroll'; })
  .map(e => (e.innerText || '').slice(0, 40))"""


@pytest.mark.parametrize("view", ["projector", "present"])  # at 1280x720 (scripts.app_driver.VIEWS)
@pytest.mark.parametrize("spec", LESSON, ids=[s.url_path for s in LESSON])
def test_the_picture_is_on_the_first_screen_of_the_wall(page_in_view, spec, view):
    tab = page_in_view(spec, view)
    assert tab.viewport_size == WALL
    box = tab.evaluate(FIRST_PICTURE_JS)
    assert box["bottom"] <= WALL["height"] + 1, box
    # A large part of the screen goes to the picture: a third of its height at least (the
    # matrix and broadcasting pictures are wide and short, ~280 px; the others take half or more).
    assert box["height"] >= WALL["height"] / 3, box
    assert tab.evaluate(CLIPPED_TEXT_JS) == []


def test_opening_a_page_and_three_key_steps_add_at_most_four_history_entries(page, app_url):
    goto(page, f"{app_url}/arrays")
    start = page.evaluate("history.length")
    thumb = slider_thumb(page, "axis_0")
    for length in (3, 2, 1):
        thumb.focus()
        page.keyboard.press("ArrowLeft")
        page.wait_for_function("(s) => location.search.includes(s)", arg=f"shape={length}%2C+3%2C+2", timeout=10_000)
        wait_idle(page)
    assert page.evaluate("history.length") - start <= 3
    page.go_back()
    wait_idle(page)
    page.wait_for_function("() => location.search.includes('shape=2%2C+3%2C+2')", timeout=10_000)
    assert page.locator('[data-testid="stMetricValue"]').all_inner_texts()[2] == "(2, 3, 2)"


def test_pagedown_on_a_focused_slider_moves_the_idea_not_the_slider(page, app_url):
    page.set_viewport_size(WALL)
    goto(page, f"{app_url}/arrays?present=1")
    thumb = slider_thumb(page, "axis_0")
    value = thumb.input_value()
    thumb.focus()
    for _ in range(3):  # an idea taller than the screen scrolls first, then the next idea comes
        scrolled = page.evaluate(SCROLLED_JS)
        page.keyboard.press("PageDown")
        page.wait_for_function(f"(y) => location.search.includes('idea=2') || ({SCROLLED_JS})() !== y", arg=scrolled)
        if "idea=2" in page.url:
            break
    page.wait_for_function("() => location.search.includes('idea=2')", timeout=10_000)
    wait_idle(page)
    assert page.locator(".st-key-axis_0 input[type=range]").input_value() == value  # hidden with its idea
    page.keyboard.press("Escape")
    page.wait_for_function("() => location.search.includes('present=0')", timeout=10_000)
    assert "idea=" not in page.url
