"""The linear-regression page in headless Chromium: URL in, keyboard, CSV upload and Play."""

import pytest

from tests.conftest import goto, press_slider, screen_state, shown_figures, wait_idle, wait_screen_change

pytestmark = pytest.mark.browser

POINTS = "0.5, 2; 1, 3.6; 1.5, 5.1; 2, 6.9; 2.5, 8.2"


def upload(page, name: str, content: bytes) -> None:
    page.locator('.st-key-upload input[type="file"]').set_input_files(
        files=[{"name": name, "mimeType": "text/csv", "buffer": content}]
    )


def test_url_points_and_the_keyboard_move_the_line(page, app_url):
    goto(page, f"{app_url}/linear-regression?data={POINTS}&w=2&b=1")
    shown = shown_figures(page, 5)
    assert shown["MSE"] == "2.0040" and shown["best MSE"] == "0.0086"
    before = screen_state(page)
    press_slider(page, "w", "ArrowRight")
    wait_screen_change(page, before)
    assert shown_figures(page, 5)["MSE"] != "2.0040"
    page.wait_for_function("() => window.location.search.includes('w=2.01')", timeout=10_000)
    assert page.locator('[data-testid="stException"]').count() == 0


def test_bad_csv_is_refused_and_a_good_one_replaces_the_points(page, app_url):
    goto(page, f"{app_url}/linear-regression?data={POINTS}&w=2&b=1")
    before = shown_figures(page, 5)
    upload(page, "bad.csv", b"area,price\n1,2\n3,lots\n")
    page.get_by_text("was not read").wait_for(timeout=15_000)
    wait_idle(page)
    assert "line 3" in page.locator('[data-testid="stAlert"]').first.inner_text()
    assert shown_figures(page, 5) == before
    state = screen_state(page)
    upload(page, "good.csv", b"area,price\n1,3\n2,5\n3,7\n")
    wait_screen_change(page, state)
    assert shown_figures(page, 5)["best MSE"] == "0.0000"
    page.wait_for_function(
        "() => new URLSearchParams(window.location.search).get('data') === '1, 3; 2, 5; 3, 7'", timeout=10_000
    )
    assert page.locator('[data-testid="stException"]').count() == 0


def test_play_animates_the_descent_in_the_browser(page, app_url):
    goto(page, f"{app_url}/linear-regression?steps=60&iteration=60&lr=0.2")
    chart = page.locator(".st-key-regression_surface .js-plotly-plot")
    path_length = "(el) => el._fullData[2].x.length"
    assert chart.evaluate(path_length) == 61
    chart.get_by_text("Play").click()
    page.wait_for_function(
        "() => document.querySelector('.st-key-regression_surface .js-plotly-plot')._fullData[2].x.length < 61",
        timeout=10_000,
    )
    page.wait_for_function(
        "() => document.querySelector('.st-key-regression_surface .js-plotly-plot')._fullData[2].x.length === 61",
        timeout=20_000,
    )
