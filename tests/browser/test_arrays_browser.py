"""The 3-D arrays picture as Chromium draws it: every number of ``np.arange(size).reshape(shape)`` is
on screen once, inside its own cell, and no text covers another, on the wall, a laptop and a phone.

The numbers are read from the SVG that plotly drew (its text elements and the filled cells' paths),
not from the figure data sent, so a number hidden under another grid or squeezed over its
neighbour fails here."""

import math

import pytest

from scripts.app_driver import goto, press_slider, wait_idle

pytestmark = pytest.mark.browser

VIEWS = {
    "projector 1280x720": ({"width": 1280, "height": 720}, "&projector=1"),
    "laptop 1440x900": ({"width": 1440, "height": 900}, ""),
    "phone 390": ({"width": 390, "height": 844}, ""),
}
SHAPES = [(4, 3, 2), (6, 6, 6), (2, 2, 2)]

# Every text plotly drew in the live element's picture and every filled cell, in page pixels.
# A grid's cells are one filled path (a subpath "M x,y L … Z" per cell), read from its `d`.
DRAWN_JS = """() => {
  const plot = document.querySelector('.st-key-shape_sliders .js-plotly-plot');
  const box = (e) => { const r = e.getBoundingClientRect();
                       return {text: e.textContent, left: r.left, top: r.top, right: r.right, bottom: r.bottom}; };
  const cells = [];
  for (const path of plot.querySelectorAll('.scatterlayer .trace path.js-fill')) {
    const m = path.getScreenCTM();
    for (const sub of (path.getAttribute('d') || '').split('M').filter(Boolean)) {
      const nums = sub.replace(/[LZ]/g, ' ').trim().split(/[\\s,]+/).map(Number);
      const xs = [], ys = [];
      for (let i = 0; i + 1 < nums.length; i += 2) {
        const p = new DOMPoint(nums[i], nums[i + 1]).matrixTransform(m);
        xs.push(p.x); ys.push(p.y);
      }
      cells.push({left: Math.min(...xs), right: Math.max(...xs), top: Math.min(...ys), bottom: Math.max(...ys)});
    }
  }
  return {
    numbers: [...plot.querySelectorAll('.scatterlayer .textpoint text')].map(box),
    labels: [...plot.querySelectorAll('.annotation-text')].map(box),
    cells,
    width: innerWidth,
  };
}"""


def overlap(a: dict, b: dict, tolerance: float = 0.5) -> bool:
    """Whether two boxes share more than a hairline (touching edges do not count)."""
    across = min(a["right"], b["right"]) - max(a["left"], b["left"])
    down = min(a["bottom"], b["bottom"]) - max(a["top"], b["top"])
    return across > tolerance and down > tolerance


def inside(text: dict, cell: dict, tolerance: float = 0.5) -> bool:
    return (
        cell["left"] - tolerance <= text["left"]
        and text["right"] <= cell["right"] + tolerance
        and cell["top"] - tolerance <= text["top"]
        and text["bottom"] <= cell["bottom"] + tolerance
    )


def check_drawn(drawn: dict, shape: tuple[int, ...]) -> None:
    size = math.prod(shape)
    numbers, labels, cells = drawn["numbers"], drawn["labels"], drawn["cells"]
    assert sorted(int(t["text"]) for t in numbers) == list(range(size)), "every value 0..size-1 drawn once"
    assert len(cells) == size
    assert {f"a[{i}]" for i in range(shape[0])} <= {t["text"] for t in labels}, "a[i] on each grid"
    assert {"axis 0 →", "axis 1 →", "axis 2 →"} <= {t["text"] for t in labels}, "the three axes named"
    texts = numbers + labels
    covered = [(a["text"], b["text"]) for i, a in enumerate(texts) for b in texts[i + 1 :] if overlap(a, b)]
    assert covered == [], "text over text"
    stacked = sum(overlap(a, b, 1) for i, a in enumerate(cells) for b in cells[i + 1 :])
    assert stacked == 0, "no cell lies over another"
    for number in numbers:
        assert sum(inside(number, cell) for cell in cells) == 1, f"{number['text']} is not inside one cell"
        assert number["left"] >= 0 and number["right"] <= drawn["width"], f"{number['text']} is off the screen"


@pytest.mark.parametrize("shape", SHAPES, ids=lambda s: ",".join(map(str, s)))
@pytest.mark.parametrize("view", VIEWS, ids=list(VIEWS))
def test_every_number_of_a_3d_array_is_drawn_in_its_own_cell(browser, app_url, view, shape):
    viewport, query = VIEWS[view]
    context = browser.new_context(viewport=viewport)
    tab = context.new_page()
    try:
        goto(tab, f"{app_url}/arrays?shape={','.join(map(str, shape))}{query}")
        check_drawn(tab.evaluate(DRAWN_JS), shape)
    finally:
        context.close()


def test_the_drawn_picture_follows_a_key_step_of_the_live_slider(page, app_url):
    page.set_viewport_size(VIEWS["phone 390"][0])
    goto(page, f"{app_url}/arrays?shape=4,3,2")
    press_slider(page, "axis_0", "ArrowRight")
    page.wait_for_function("() => document.querySelectorAll('.st-key-shape_sliders .textpoint text').length === 30")
    check_drawn(page.evaluate(DRAWN_JS), (5, 3, 2))
    wait_idle(page)
    press_slider(page, "axis_2", "End")
    page.wait_for_function("() => document.querySelectorAll('.st-key-shape_sliders .textpoint text').length === 90")
    check_drawn(page.evaluate(DRAWN_JS), (5, 3, 6))
