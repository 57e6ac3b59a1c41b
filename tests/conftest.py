"""Shared test helpers: open a page under AppTest, and serve the app to headless Chromium."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest
from streamlit.util import calc_hash

from app.registry import PAGES, ROOT, PageSpec

ENTRY = ROOT / "app" / "main.py"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def spec_for(url_path: str) -> PageSpec:
    """The registered page with this URL path ('' is Home)."""
    return next(spec for spec in PAGES if spec.url_path == url_path)


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


def metrics(at: AppTest) -> dict[str, str]:
    """The page's shown figures, label -> value text."""
    return {m.label: m.value for m in at.metric}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def app_url():
    """Serve the app on a free port for the whole session; stop it by its own process id."""
    port = free_port()
    log = open(ROOT / ".pytest_cache" / f"streamlit-{port}.log", "w") if (ROOT / ".pytest_cache").is_dir() \
        else subprocess.DEVNULL
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(ENTRY), "--server.headless", "true",
         "--server.port", str(port), "--server.address", "127.0.0.1",
         "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"],
        cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.read().strip() == b"ok":
                    break
        except OSError:
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            pytest.fail(f"the app did not start on port {port}")
        time.sleep(0.2)
    yield url
    os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright. A missing browser is a failure, never a skip."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run `bash scripts/test.sh`, which installs Debian's chromium")
    from playwright.sync_api import sync_playwright
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    yield tab
    context.close()


def wait_idle(tab, timeout: float = 30_000) -> None:
    """Wait until the app is connected, no script is running and every element is drawn.

    Streamlit loads each kind of element's code on first use and shows a skeleton until then
    (``stSkeleton``), so a finished run can still be on screen as grey boxes for a while.
    """
    tab.wait_for_selector('[data-testid="stApp"][data-test-connection-state="CONNECTED"]'
                          '[data-test-script-state="notRunning"]', timeout=timeout)
    tab.wait_for_function("() => !document.querySelector('[data-testid=\"stSkeleton\"]')", timeout=timeout)


def goto(tab, url: str) -> None:
    """Open ``url`` and wait until the first run is drawn, lazily loaded widgets and charts included."""
    tab.goto(url)
    tab.wait_for_selector('[data-testid="stMainBlockContainer"] h1', timeout=30_000)
    wait_idle(tab)
    tab.wait_for_function("""() => [...document.querySelectorAll('[data-testid="stPlotlyChart"]')]
                                   .every(chart => chart.querySelector('.js-plotly-plot .main-svg'))""",
                          timeout=30_000)
    wait_idle(tab)


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
    tab.wait_for_function("(n) => document.querySelectorAll('[data-testid=\"stMetricValue\"]').length >= n",
                          arg=at_least, timeout=15_000)
    labels = tab.locator('[data-testid="stMetricLabel"]').all_inner_texts()
    values = tab.locator('[data-testid="stMetricValue"]').all_inner_texts()
    return {label.strip(): value.strip() for label, value in zip(labels, values)}


def wait_screen_change(tab, before: str, timeout: float = 15_000) -> str:
    """Wait until the page's figures or charts differ from ``before``; return the new state."""
    tab.wait_for_function(f"(before) => ({SCREEN_STATE_JS})() !== before", arg=before, timeout=timeout)
    wait_idle(tab)
    return screen_state(tab)


def pytest_configure(config):
    # Plotly checks figure properties only when asked (app/theme.py): in tests, always.
    os.environ["EXPLAINER_VALIDATE_FIGURES"] = "1"
    # AppTest runs scripts outside a server; Streamlit says so on every call. Not news.
    import logging
    logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context").setLevel(logging.ERROR)
