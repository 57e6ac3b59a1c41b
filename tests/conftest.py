"""Test fixtures: the app served for the whole session, and Debian's Chromium driven by Playwright.

The helpers that open pages and read them live in ``scripts/app_driver.py``, shared with
``scripts/benchmark.py``; the server starts through ``scripts/local_server.py``.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from app.registry import ROOT
from scripts.app_driver import (  # noqa: F401 (re-exported for the tests)
    CHROMIUM,
    CHROMIUM_ARGS,
    goto,
    metrics,
    open_page,
    press_slider,
    screen_state,
    shown_figures,
    slider_thumb,
    spec_for,
    wait_idle,
    wait_metrics,
    wait_screen_change,
)
from scripts.local_server import ENTRY, LocalServer, free_port  # noqa: F401 (re-exported for the tests)


@pytest.fixture(scope="session")
def app_url():
    """Serve the app on a free port for the whole session; stop it by its own process id."""
    log = ROOT / ".pytest_cache" / "streamlit-app.log" if (ROOT / ".pytest_cache").is_dir() else None
    server = LocalServer(log_path=log)
    try:
        server.start()
    except RuntimeError as err:
        pytest.fail(str(err))
    yield server.url
    server.stop()


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


# No test is timed: a loaded machine may run an example slowly without anything being wrong.
settings.register_profile("explainer", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("explainer")


def pytest_configure(config):
    # Plotly checks figure properties only when asked (app/figure_base.py): in tests, always.
    os.environ["EXPLAINER_VALIDATE_FIGURES"] = "1"
    # AppTest runs scripts outside a server; Streamlit says so on every call. Not news.
    import logging

    logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context").setLevel(logging.ERROR)
