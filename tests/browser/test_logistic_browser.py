"""The logistic-regression page in headless Chromium: URL in, figures out, the keyboard and the text box,
and what the live element draws and reads out at released slider positions equal to core's numbers."""

import numpy as np
import pytest
from scipy.special import expit
from sklearn.metrics import accuracy_score, log_loss

from app.lessons import logistic as text
from core import logistic_sweep
from core.text import format_number
from scripts.app_driver import (
    goto,
    press_slider,
    screen_state,
    shown_figures,
    slider_thumb,
    wait_idle,
    wait_screen_change,
)

pytestmark = pytest.mark.browser

POINTS = "1, 0; 2, 0; 3, 1; 4, 0; 5, 1; 6, 1"
X, Y = np.arange(1.0, 7.0), np.array([0, 0, 1, 0, 1, 1])

# What the live element has drawn: each figure's traces and layout as plotly.js holds them, and the readout.
DRAWN_JS = """() => ({
  figures: [...document.querySelectorAll('.explainer-live .js-plotly-plot')].map(plot => ({
    data: plot.data.map(t => ({name: t.name, x: Array.from(t.x || []), y: Array.from(t.y || []),
                               text: [].concat(...(t.text || []).map(v => Array.isArray(v) ? v : [v]))})),
    annotations: (plot.layout.annotations || []).map(a => a.text),
    title: plot.layout.title && plot.layout.title.text,
  })),
  readout: document.querySelector('.explainer-live .live-readout').textContent,
})"""


def test_url_data_gives_scikit_learns_figures_and_the_slider_moves_them(page, app_url):
    goto(page, f"{app_url}/logistic-regression?w=1&b=-3.5&data={POINTS.replace(' ', '%20')}")
    p = expit(X - 3.5)
    shown = shown_figures(page)
    assert shown["mean logistic loss"] == f"{log_loss(Y, p):.4f}"
    assert shown["accuracy"] == f"{accuracy_score(Y, p >= 0.5):.4f}"
    before = screen_state(page)
    press_slider(page, "w", "ArrowRight")  # the next position after 1 is 1.25 (0.05 apart only up to 1)
    wait_screen_change(page, before)
    page.wait_for_function("() => window.location.href.includes('w=1.25')", timeout=10_000)
    wait_idle(page)
    assert shown_figures(page)["mean logistic loss"] == f"{log_loss(Y, expit(1.25 * X - 3.5)):.4f}"
    assert page.locator('[data-testid="stException"]').count() == 0


def test_typed_bad_points_show_an_error_and_the_figures_stay(page, app_url):
    goto(page, f"{app_url}/logistic-regression")
    before = shown_figures(page)
    box = page.locator(".st-key-data input")
    box.fill("1, 0; 2, 7")
    box.press("Enter")
    page.wait_for_selector('[data-testid="stAlert"]:has-text("0 or 1")', timeout=15_000)
    wait_idle(page)
    assert shown_figures(page) == before
    assert page.locator('[data-testid="stException"]').count() == 0


def check_drawn_equals_core(page, w: float, b: float, t: float) -> None:
    drawn = page.evaluate(DRAWN_JS)
    model, curves, confusion = drawn["figures"]
    at = logistic_sweep.at_positions(X, Y, w, b, t)
    losses, p = at.losses[0], at.p[0]
    bars = {trace["name"]: trace for trace in model["data"]}
    for cls in (0, 1):
        mine = np.equal(Y, cls)
        np.testing.assert_allclose(bars[f"loss of class {cls}"]["x"], X[mine])
        np.testing.assert_allclose(bars[f"loss of class {cls}"]["y"], losses[mine], atol=0.5e-4)  # shown to 4 decimals
    sigmoid = bars["p = σ(h)"]
    np.testing.assert_allclose(sigmoid["y"], expit(w * np.array(sigmoid["x"]) + b), atol=0.5e-4)
    on_curve = [trace for trace in curves["data"] if trace["name"] is None or not trace["name"].startswith("y =")]
    drawn_p = np.sort(np.concatenate([trace["x"] for trace in on_curve]))
    np.testing.assert_allclose(drawn_p, np.sort(p), atol=0.5e-4)
    assert f"mean loss {format_number(at.mean_loss[0], 4)}" in bars["mean loss"]["text"]
    assert bars["threshold"]["y"] == [t, t]
    (tn, fp), (fn, tp) = at.confusion[0].tolist()
    assert confusion["data"][0]["text"] == [f"TN {tn}", f"FP {fp}", f"FN {fn}", f"TP {tp}"]
    for score in (at.precision[0], at.recall[0], at.f1[0]):
        assert format_number(score, 4) in confusion["title"]
    assert drawn["readout"] == text.readout(float(at.mean_loss[0]), float(at.accuracy[0]), t)
    shown = shown_figures(page)
    assert shown["mean logistic loss"] == format_number(at.mean_loss[0], 4)
    assert shown["accuracy"] == format_number(at.accuracy[0], 4)


def test_what_the_live_element_draws_at_released_positions_is_cores(page, app_url):
    goto(page, f"{app_url}/logistic-regression?w=1&b=-3.5&data={POINTS.replace(' ', '%20')}")
    check_drawn_equals_core(page, 1.0, -3.5, 0.5)
    # Three moves by keyboard, one per slider; each released at once (a key step sends its value).
    for key, press, expected in (
        ("w", "ArrowLeft", {"w": 0.95, "b": -3.5, "threshold": 0.5}),
        ("b", "PageUp", {"w": 0.95, "b": -1.0, "threshold": 0.5}),
        ("threshold", "ArrowLeft", {"w": 0.95, "b": -1.0, "threshold": 0.45}),
    ):
        before = screen_state(page)
        slider_thumb(page, key).focus()
        page.keyboard.press(press)
        wait_screen_change(page, before)
        query = f"{key}={format_number(expected[key])}"
        page.wait_for_function("(q) => window.location.search.includes(q)", arg=query, timeout=10_000)
        wait_idle(page)
        check_drawn_equals_core(page, expected["w"], expected["b"], expected["threshold"])
    assert page.locator('[data-testid="stException"]').count() == 0
