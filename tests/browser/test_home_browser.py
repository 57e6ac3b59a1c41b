"""Home in Chromium, on a 1280x720 wall in projector mode (sidebar open) and on a 390 px phone:
the loop diagram on the first screen, no link cut short, no word broken across two lines."""

import pytest

from scripts.app_driver import goto

pytestmark = pytest.mark.browser

VIEWS = [({"width": 1280, "height": 720}, "?projector=1"), ({"width": 390, "height": 844}, "")]

# Words split over two lines in the page's own text (pictures and code aside). A hyphen or a
# slash is a fair place to break, so the pieces between them count as words.
BROKEN_WORDS_JS = """() => {
  const main = document.querySelector('[data-testid="stMain"]');
  const broken = [];
  const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    if (!node.parentElement || node.parentElement.closest('svg, .js-plotly-plot, pre, code, .katex')) continue;
    for (const m of node.textContent.matchAll(/[^\\s\\-–—\\/]+/g)) {
      const range = document.createRange();
      range.setStart(node, m.index);
      range.setEnd(node, m.index + m[0].length);
      const lines = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.bottom)));
      if (lines.size > 1) broken.push(m[0]);
    }
  }
  return broken;
}"""

# Links whose label is cut short (an ellipsis, or text wider than its box).
CUT_LINKS_JS = """() => [...document.querySelectorAll('[data-testid="stMain"] [data-testid="stPageLink"]')]
  .filter(link => [link, ...link.querySelectorAll('*')].some(e => e.scrollWidth > e.clientWidth + 1))
  .map(link => link.innerText)"""


@pytest.mark.parametrize("viewport, query", VIEWS, ids=["projector 1280x720", "phone 390"])
def test_home_fits_the_wall_and_the_phone(page, app_url, viewport, query):
    page.set_viewport_size(viewport)
    goto(page, f"{app_url}/{query}")
    if query:
        assert page.locator('[data-testid="stSidebar"]').is_visible(), "the sidebar stays open on the wall"
    loop = page.locator(".st-key-home_loop .js-plotly-plot").bounding_box()
    assert loop["y"] >= 0 and loop["y"] + loop["height"] <= viewport["height"], (
        "loop diagram off the first screen",
        loop,
    )
    assert loop["x"] >= 0 and loop["x"] + loop["width"] <= viewport["width"]
    links = page.locator('[data-testid="stMain"] [data-testid="stPageLink"]')
    assert links.count() >= 10
    assert page.evaluate(CUT_LINKS_JS) == []
    assert page.evaluate(BROKEN_WORDS_JS) == []
    assert page.locator('[data-testid="stException"]').count() == 0
