"""Test fixtures: the app served for the whole session, and Debian's Chromium driven by Playwright.

``bash scripts/test.sh`` runs the tests in two processes (pytest-xdist, ``-n 2 --dist loadgroup``):
each process that runs a browser test starts its own server and browser, once. Markers come from
where a test is and what it uses (:func:`pytest_collection_modifyitems`), so a new test needs none:
``browser`` (it uses the served app or Chromium), ``balancer`` (tests/test_balancer.py), ``processes``
(tests/test_deployment.py and the notebook kernels: servers or kernels of its own), and ``quick``
for all the rest, the developer's loop: ``bash scripts/test.sh -m quick``.

The helpers that open pages and read them live in ``scripts/app_driver.py``, shared with
``scripts/benchmark.py``, and every test imports them from there (this file holds fixtures only);
the server starts through ``scripts/local_server.py``.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from app.registry import ROOT
from scripts.app_driver import CHROMIUM, CHROMIUM_ARGS, VIEWS, goto
from scripts.local_server import LocalServer


@pytest.fixture(scope="session")
def app_url():
    """Serve the app on a free port for the whole session; stop it by its own process id."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")  # one server per test process
    log = ROOT / ".pytest_cache" / f"streamlit-app-{worker}.log" if (ROOT / ".pytest_cache").is_dir() else None
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


@pytest.fixture(scope="session")
def page_in_view(browser, app_url):
    """``page_in_view(spec, view)``: page ``spec`` opened and drawn in ``view`` (one of ``VIEWS``), a tab
    shared by every test that only reads that page in that view.

    Those tests run one page and view after another (:func:`pytest_collection_modifyitems` sorts
    them and keeps a page's in one process), so the one tab kept is the next test's. A first load
    that outlasts its 30 s (a cold server on a busy machine) is tried once more: these tests are
    about what is drawn, not how fast.
    """
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    kept: dict[tuple[str, str], object] = {}

    def show(spec, view: str):
        key = (spec.url_path, view)
        if key not in kept:
            for tab in kept.values():
                tab.context.close()
            kept.clear()
            viewport, query, scheme = VIEWS[view]
            tab = browser.new_context(viewport=viewport, color_scheme=scheme).new_page()
            url = f"{app_url}/{spec.url_path}" + (f"?{query}" if query else "")
            try:
                goto(tab, url)
            except PlaywrightTimeout:
                goto(tab, url)
            kept[key] = tab
        return kept[key]

    yield show
    for tab in kept.values():
        tab.context.close()


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


BROWSER_FIXTURES = {"app_url", "browser", "page"}
# Tests sharing a costly module fixture run in one process, so that it starts once.
GROUPS = {"tests/test_balancer.py": "balancer"}


@pytest.hookimpl(tryfirst=True)  # before pytest-xdist reads the groups
def pytest_collection_modifyitems(config, items):
    """Mark every test by where it is and what it uses (see the module's docstring).

    The tests that read a shared page (``page_in_view``) run last, ordered by page and view, each page's in
    one process (an ``xdist_group``): one load per page and view serves them all.
    """
    items.sort(key=lambda item: _shown_key(item) or ("",))
    for item in items:
        if _shown_key(item):
            item.add_marker(pytest.mark.xdist_group(f"page-{_shown_key(item)[1] or 'home'}"))
        path = Path(item.path).resolve().relative_to(ROOT).as_posix()
        fixtures = set(getattr(item, "fixturenames", ()))
        if path.startswith("tests/browser/") or fixtures & BROWSER_FIXTURES:
            item.add_marker(pytest.mark.browser)
        if path == "tests/test_balancer.py":
            item.add_marker(pytest.mark.balancer)
        if path == "tests/test_deployment.py" or "kernel_name" in fixtures:
            item.add_marker(pytest.mark.processes)
        if not any(item.get_closest_marker(m) for m in ("browser", "balancer", "processes")):
            item.add_marker(pytest.mark.quick)
        if path in GROUPS:
            item.add_marker(pytest.mark.xdist_group(GROUPS[path]))


def _shown_key(item) -> tuple[str, str, str] | None:
    """(``"~"``, page, view) of a test that reads a shared page, sorting after every other test."""
    if "page_in_view" not in getattr(item, "fixturenames", ()):
        return None
    params = item.callspec.params
    return ("~", params["spec"].url_path, params["view"])
