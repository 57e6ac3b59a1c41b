"""Opening the app's pages from outside: under AppTest, or in headless Chromium through Playwright.

Shared by the tests and ``scripts/benchmark.py`` (scripts import nothing from ``tests/``).
"""

from __future__ import annotations

import concurrent.futures
import json
import os

from streamlit.testing.v1 import AppTest
from streamlit.util import calc_hash

from app.live import HELD_KEY
from app.registry import page as spec_for  # the registry lookup, written once there
from scripts.local_server import ENTRY

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

# The views a page is checked in by the browser tests that only read a drawn page (a clean load,
# axe-core, the widths, the wall's first screen): viewport, query and colour scheme. Each page is
# opened once per view and the loaded tab shared by those tests (tests/conftest.py, ``page_in_view``).
VIEWS = {
    "desktop": ({"width": 1440, "height": 900}, "", "light"),
    "dark": ({"width": 1440, "height": 900}, "", "dark"),
    "phone": ({"width": 390, "height": 844}, "", "light"),
    "projector": ({"width": 1280, "height": 720}, "projector=1", "light"),
    "present": ({"width": 1280, "height": 720}, "present=1", "light"),
}


def in_own_thread(function, *args, **kwargs):
    """Run ``function`` in a thread of its own and return its result.

    Playwright's sync API, once a browser test has started it, leaves an event loop running in the
    worker's main thread, where ``asyncio.run`` refuses to start another: every test that speaks
    asyncio (the protocol, the load tests) runs it through here.
    """
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(function, *args, **kwargs).result()


def open_page(url_path: str, query: dict[str, str] | None = None, timeout: float = 60) -> AppTest:
    """Run the app under AppTest on page ``url_path`` with the given query parameters."""
    at = AppTest.from_file(str(ENTRY), default_timeout=timeout)
    spec = spec_for(url_path)
    if spec.url_path:
        if spec.url_path != spec.path.stem:
            # Before a first run AppTest knows a page only by its file name, and st.navigation
            # serves logistic_regression.py as logistic-regression. A warm-up run would keep its
            # session state (the URL would not be read again), so select the page as st.Page keys
            # it, by the hash of its url_path.
            at._page_hash = calc_hash(spec.url_path)
        else:
            at.switch_page(os.path.relpath(spec.path, ENTRY.parent))
    for name, value in (query or {}).items():
        at.query_params[name] = value
    return at.run()


class LiveSlider:
    """A slider of the live element (``app/live.py``) under AppTest, used like ``at.slider(key=...)``.

    AppTest cannot run the element's JavaScript; a move is what the element's callback does,
    the value written into ``st.session_state[key]``.
    """

    def __init__(self, at: AppTest, data: dict):
        self.at, self.key, self.values = at, data["key"], data["values"]
        self.value, self.min, self.max = self.values[data["index"]], self.values[0], self.values[-1]

    def set_value(self, value) -> LiveSlider:
        self.at.session_state[self.key] = value
        return self

    def run(self) -> AppTest:
        return self.at.run()


def sent_elements(at: AppTest) -> list[dict]:
    """The live elements' data as Python sent it: sweeps and drags as ids, with their bodies or not."""
    return [json.loads(json.loads(element.proto.json)) for element in at.get("bidi_component")]


def live_elements(at: AppTest, *, asked: bool = False) -> list[dict]:
    """The data of every live element on the page, sweeps and drags in full (what the browser holds).

    Python sends a sweep's or a drag's body once and then only its id (``app.live.HELD_KEY``); like
    a browser that lacks a body, this forgets what was sent and reruns the page when it needs one.
    """
    elements = sent_elements(at)
    refs = [ref for data in elements for ref in [*data["sweeps"].values(), *data["drags"]]]
    bodies = {ref["id"]: ref["body"] for ref in refs if "body" in ref}
    if any(ref["id"] not in bodies for ref in refs):
        assert not asked, "a rerun after forgetting must send every body"
        at.session_state[HELD_KEY] = {}
        at.run()
        return live_elements(at, asked=True)
    for data in elements:
        data["sweeps"] = {key: bodies[ref["id"]] for key, ref in data["sweeps"].items()}
        data["drags"] = [bodies[ref["id"]] for ref in data["drags"]]
    return elements


def slider(at: AppTest, key: str):
    """The slider ``key``: a slider of the live element, else a Streamlit slider."""
    for data in live_elements(at):
        for spec in data["sliders"]:
            if spec["key"] == key:
                return LiveSlider(at, spec)
    return at.slider(key=key)


def metrics(at: AppTest) -> dict[str, str]:
    """The page's shown figures, label -> value text."""
    return {m.label: m.value for m in at.metric}


IDLE_JS = """() => !!document.querySelector(
  '[data-testid="stApp"][data-test-connection-state="CONNECTED"][data-test-script-state="notRunning"]'
) && !document.querySelector('[data-testid="stSkeleton"], .explainer-live[data-waiting]')"""


def wait_idle(tab, timeout: float = 30_000) -> None:
    """Wait until the app is connected, no script is running and every element is drawn.

    Streamlit loads each kind of element's code on first use and shows a skeleton until then
    (``stSkeleton``), so a finished run can still be on screen as grey boxes for a while. A live
    element that has sent a value is busy until a rerun's data answers it (``data-waiting``).
    """
    tab.wait_for_function(IDLE_JS, timeout=timeout)


def goto(tab, url: str, timeout: float = 60_000) -> None:
    """Open ``url`` and wait until the first run is drawn, lazily loaded widgets and charts included.

    ``timeout`` (ms) for each stage: a cold page on a busy two-core machine (a parallel test run,
    Chromium and the server sharing the cores) has taken over 30 s to draw; nothing here is timed.
    """
    tab.goto(url, timeout=timeout)
    tab.wait_for_selector('[data-testid="stMainBlockContainer"] h1', timeout=timeout)
    wait_idle(tab, timeout)
    tab.wait_for_function(
        """() => [...document.querySelectorAll('[data-testid="stPlotlyChart"]')]
                                   .every(chart => chart.querySelector('.js-plotly-plot .main-svg'))""",
        timeout=timeout,
    )
    wait_live(tab, timeout)
    wait_idle(tab, timeout)


def wait_live(tab, timeout: float = 30_000) -> None:
    """Wait until every live element on the page has drawn its figures."""
    tab.wait_for_function(
        "() => [...document.querySelectorAll('.explainer-live')].every(live => live.dataset.ready === '1')",
        timeout=timeout,
    )


def live_draws(tab) -> int:
    """How many times the live elements of the page have drawn their figures so far."""
    return tab.evaluate("() => (window.__explainerLive || {draws: []}).draws.length")


def next_frames(tab, frames: int = 2) -> None:
    """Wait until the browser has drawn ``frames`` animation frames.

    The live element draws a move in the next animation frame (``requestAnimationFrame``), so two
    frames after a pointer move its picture is drawn, however busy the machine: no guessed timeout.
    """
    tab.evaluate(
        "(n) => new Promise(done => { const next = k => k ? requestAnimationFrame(() => next(k - 1)) : done(); next(n); })",
        frames,
    )


def drag_slider(tab, key: str, moves: int = 30) -> list[int]:
    """Drag the thumb of slider ``key`` from its left end to its right end in ``moves`` steps.

    Returns the live draw count after each move (two animation frames after it), taken before the
    mouse is released.
    """
    thumb = tab.locator(f".st-key-{key}").get_by_role("slider").first
    box = thumb.bounding_box()
    y = box["y"] + box["height"] / 2
    tab.mouse.move(box["x"] + 1, y)
    tab.mouse.down()
    counts = []
    for i in range(1, moves + 1):
        tab.mouse.move(box["x"] + 1 + (box["width"] - 2) * i / moves, y)
        next_frames(tab)
        counts.append(live_draws(tab))
    tab.mouse.up()
    return counts


def slider_thumb(tab, key: str):
    """The keyboard-focusable thumb of the slider with widget ``key`` (a native range input here)."""
    return tab.locator(f".st-key-{key}").get_by_role("slider").first


def press_slider(tab, key: str, keys: str = "ArrowRight") -> None:
    """Focus the slider ``key`` and press ``keys`` (one key name, as Playwright spells it)."""
    thumb = slider_thumb(tab, key)
    thumb.focus()
    tab.keyboard.press(keys)


# The visible state of a page: every figure's text and every chart's data, as one string.
SCREEN_STATE_JS = """() => {
  const figures = [...document.querySelectorAll('[data-testid="stMetricValue"]')].map(e => e.innerText);
  const charts = [...document.querySelectorAll('.js-plotly-plot')].map(e => JSON.stringify(e.data || []));
  return JSON.stringify([figures, charts]);
}"""


def screen_state(tab) -> str:
    return tab.evaluate(SCREEN_STATE_JS)


def shown_figures(tab, at_least: int = 1) -> dict[str, str]:
    """The figures on screen, label -> value text, once at least ``at_least`` are drawn."""
    tab.wait_for_function(
        "(n) => document.querySelectorAll('[data-testid=\"stMetricValue\"]').length >= n", arg=at_least, timeout=15_000
    )
    labels = tab.locator('[data-testid="stMetricLabel"]').all_inner_texts()
    values = tab.locator('[data-testid="stMetricValue"]').all_inner_texts()
    return {label.strip(): value.strip() for label, value in zip(labels, values)}


METRIC_VALUES_JS = """() => [...document.querySelectorAll('[data-testid="stMetricValue"]')].map(e => e.innerText)"""


def wait_metrics(tab, expected: list[str], timeout: float = 15_000) -> None:
    """Wait until the metric values read ``expected``: they change when Python's rerun is drawn,
    after the live picture has already moved."""
    tab.wait_for_function(
        f"(expected) => JSON.stringify(({METRIC_VALUES_JS})()) === JSON.stringify(expected)",
        arg=expected,
        timeout=timeout,
    )


def wait_screen_change(tab, before: str, timeout: float = 15_000) -> str:
    """Wait until the page's figures or charts differ from ``before``; return the new state."""
    tab.wait_for_function(f"(before) => ({SCREEN_STATE_JS})() !== before", arg=before, timeout=timeout)
    wait_idle(tab)
    return screen_state(tab)
