"""The linear-regression page in headless Chromium: URL in, keyboard, CSV upload and Play, and the live
element drawing and reading out core's numbers."""

import numpy as np
import pytest

from core import regression as reg
from core.data import house_prices
from core.text import format_number
from scripts.app_driver import (
    goto,
    live_draws,
    next_frames,
    press_slider,
    screen_state,
    shown_figures,
    slider_thumb,
    wait_idle,
    wait_live,
    wait_screen_change,
)

pytestmark = pytest.mark.browser

POINTS = "0.5, 2; 1, 3.6; 1.5, 5.1; 2, 6.9; 2.5, 8.2"
X = np.array([0.5, 1, 1.5, 2, 2.5])
Y = np.array([2, 3.6, 5.1, 6.9, 8.2])

# What the live element draws: each figure's traces (name, x, y) and the readout.
DRAWN_JS = """() => ({
  figures: [...document.querySelectorAll('.explainer-live .js-plotly-plot')].map(
    (plot) => plot.data.map((t) => ({name: t.name, x: Array.from(t.x || []), y: Array.from(t.y || []),
                                     base: Array.from(t.base || [])}))),
  readout: document.querySelector('.explainer-live .live-readout').textContent,
})"""


def upload(page, name: str, content: bytes) -> None:
    page.locator('.st-key-upload input[type="file"]').set_input_files(
        files=[{"name": name, "mimeType": "text/csv", "buffer": content}]
    )


def drawn_trace(drawn: dict, figure: int, name: str) -> dict:
    return next(t for t in drawn["figures"][figure] if t["name"] == name)


def values(trace: dict, key: str) -> np.ndarray:
    return np.array([np.nan if v is None else v for v in trace[key]], dtype=float)


def test_url_points_and_the_keyboard_move_the_line(page, app_url):
    goto(page, f"{app_url}/linear-regression?data={POINTS}&w=2&b=1")
    shown = shown_figures(page, 5)
    assert shown["MSE"] == "2.0040" and shown["best MSE"] == "0.0086"
    before = screen_state(page)
    press_slider(page, "w", "ArrowRight")
    wait_screen_change(page, before)
    assert shown_figures(page, 5)["MSE"] != "2.0040"
    page.wait_for_function("() => window.location.search.includes('w=2.1')", timeout=10_000)
    assert page.locator('[data-testid="stException"]').count() == 0


@pytest.mark.parametrize("squares", ["0", "1"])
def test_what_the_live_element_draws_and_reads_out_is_cores(page, app_url, squares):
    goto(page, f"{app_url}/linear-regression?data={POINTS}&w=2&b=1&squares={squares}")
    b = 1.0
    for keys in (["ArrowRight"], ["PageUp"], ["ArrowLeft", "ArrowLeft", "ArrowLeft"], ["Home"]):
        before, draws = screen_state(page), live_draws(page)
        thumb = slider_thumb(page, "w")
        thumb.focus()
        for key in keys:
            page.keyboard.press(key)
        page.wait_for_function("(n) => window.__explainerLive.draws.length > n", arg=draws, timeout=2_000)
        wait_screen_change(page, before)  # released: Python reran, the page settled
        wait_live(page)
        w = float(thumb.get_attribute("aria-valuetext"))
        drawn = page.evaluate(DRAWN_JS)
        y_hat = reg.predict_line(X, w, b)
        mse = reg.mse(Y, y_hat)
        # The readout, the metric and core agree at the shown precision.
        assert drawn["readout"] == f"ŷ = {format_number(w)}·x + 1 · MSE {format_number(mse, 4)}"
        assert shown_figures(page, 5)["MSE"] == format_number(mse, 4)
        # The line and each residual end where core puts them (drawn to 1e-4 of the picture).
        line = drawn_trace(drawn, 0, "model ŷ")
        np.testing.assert_allclose(values(line, "y"), reg.predict_line(values(line, "x"), w, b), atol=1e-3)
        residuals = drawn_trace(drawn, 0, "residuals y − ŷ")  # bars from ŷ to y
        np.testing.assert_allclose(values(residuals, "base"), y_hat, atol=1e-3)
        np.testing.assert_allclose(values(residuals, "base") + values(residuals, "y"), Y, atol=1e-3)
        if squares == "1":
            sides = values(drawn_trace(drawn, 0, "squared residuals"), "y")
            np.testing.assert_allclose(np.abs(sides), np.abs(Y - y_hat), atol=1e-3)
        point = drawn_trace(drawn, 1, "your (w, b)")
        assert point["x"] == pytest.approx([w]) and point["y"] == pytest.approx([b])
    assert page.locator('[data-testid="stException"]').count() == 0


def test_a_drag_moves_the_line_and_the_point_on_the_loss_surface_before_release(page, app_url):
    goto(page, f"{app_url}/linear-regression?data={POINTS}&w=2&b=1")
    thumb = slider_thumb(page, "b")
    box = thumb.bounding_box()
    y = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + 2, y)
    page.mouse.down()
    seen = []
    for i in range(1, 8):
        page.mouse.move(box["x"] + 2 + (box["width"] - 4) * i / 8, y)
        next_frames(page)
        drawn = page.evaluate(DRAWN_JS)
        b = drawn_trace(drawn, 1, "your (w, b)")["y"][0]
        line = drawn_trace(drawn, 0, "model ŷ")
        np.testing.assert_allclose(values(line, "y"), reg.predict_line(values(line, "x"), 2.0, b), atol=1e-3)
        assert drawn["readout"].endswith(f"MSE {format_number(reg.mse(Y, reg.predict_line(X, 2.0, b)), 4)}")
        seen.append(b)
    page.mouse.up()
    assert len(set(seen)) >= 6, "the picture followed the hand"
    wait_idle(page)


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


def test_play_walks_step_t_along_the_descent(page, app_url):
    goto(page, f"{app_url}/linear-regression?steps=12&iteration=0&lr=0.2")
    element = page.locator(".st-key-training_slider")
    readout = element.locator(".live-readout")
    assert readout.inner_text().startswith("step t = 0 ·")
    element.get_by_role("button", name="Play").click()
    page.wait_for_function(
        "() => document.querySelector('.st-key-training_slider .live-readout').textContent.startsWith('step t = 12 ')",
        timeout=30_000,
    )
    wait_idle(page)
    page.wait_for_function("() => location.search.includes('iteration=12')", timeout=10_000)
    drawn = page.evaluate(
        """() => document.querySelector('.st-key-training_slider .js-plotly-plot').data
                  .filter((t) => t.name === 'step t').map((t) => [t.x[0], t.y[0]])[0]"""
    )
    xs, ys = house_prices(20, 0.5, 0)
    path = reg.descend(xs, ys, 1.0, 0.0, 0.2, 12)
    np.testing.assert_allclose(drawn, path.params[12], atol=1e-6)
    assert shown_figures(page, 6)["loss at step t"] == format_number(path.losses[12], 4)


def test_back_returns_to_the_previous_line_in_one_press(page, app_url):
    goto(page, f"{app_url}/linear-regression?data={POINTS}&w=2&b=1")
    first = shown_figures(page, 5)["MSE"]
    start = page.evaluate("history.length")
    for expected in ("w=2.1", "w=2.2"):
        before = screen_state(page)
        press_slider(page, "w", "ArrowRight")
        wait_screen_change(page, before)
        page.wait_for_function("(s) => location.search.includes(s)", arg=expected, timeout=10_000)
    assert page.evaluate("history.length") - start <= 2, "one history entry per key step"
    second = shown_figures(page, 5)["MSE"]
    page.go_back()
    page.wait_for_function("() => location.search.includes('w=2.1')", timeout=10_000)
    page.wait_for_function(
        "(m) => document.querySelector('[data-testid=\"stMetricValue\"]').innerText !== m", arg=second, timeout=10_000
    )
    wait_idle(page)
    assert shown_figures(page, 5)["MSE"] == format_number(reg.mse(Y, reg.predict_line(X, 2.1, 1.0)), 4) != first
    assert slider_thumb(page, "w").get_attribute("aria-valuetext") == "2.1"
