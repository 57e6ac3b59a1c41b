"""The neural-network page in headless Chromium: at released positions reached by keyboard, what the live
element draws (regions, edges, loss marker) and reads out is core.network's; Play and Reset move it."""

import numpy as np
import pytest

from app.figures.network import GRID, weight_scale
from core import network as nw
from core.text import format_number
from scripts.app_driver import goto, press_slider, screen_state, shown_figures, wait_idle, wait_screen_change

pytestmark = pytest.mark.browser
SETUP = ("moons", 0.2, 0, 3, "tanh", 1.0)
URL = "neural-network"

# plotly.js's own reading of the data (typed arrays decoded): the first figure's contour, the
# second's edges (layout shapes) and hover texts, the third's marker; and the readout.
DRAWN_JS = """() => {
  const [regions, network, loss] = [...document.querySelectorAll('.explainer-live .js-plotly-plot')];
  const z = regions._fullData[0].z;
  return {
    z: Array.from(z, row => Array.from(row)),
    widths: network.layout.shapes.map(s => s.line.width),
    dashes: network.layout.shapes.map(s => s.line.dash),
    hover: network.data[0].hovertext,
    marker: [loss.data[0].x[1], loss.data[0].y[1]],
    readout: document.querySelector('.explainer-live .live-readout').textContent,
  };
}"""


def wait_steps(page, step: int) -> None:
    """Wait until the rerun after a move has put ``step`` into the URL and drawn the page."""
    page.wait_for_function(
        "(n) => /[?&]steps=(\\d+)/.exec(location.search)?.[1] === String(n)", arg=step, timeout=15_000
    )
    wait_idle(page)


def check_drawn(page, step: int) -> None:
    X, y, run = nw.experiment(*SETUP)
    params = run.params_at(step)
    drawn = page.evaluate(DRAWN_JS)
    _, _, P = nw.decision_grid(params, "tanh", *nw.plot_range(X), size=GRID)
    np.testing.assert_array_equal(np.array(drawn["z"]), np.rint(100 * P))
    weights = np.concatenate([params.W1.ravel(), params.w2])
    assert drawn["dashes"] == ["solid" if w >= 0 else "dash" for w in weights]
    widest = 3 * 2.5
    np.testing.assert_allclose(drawn["widths"], 0.5 + widest * np.abs(weights) / weight_scale(run), atol=0.006)
    assert f"x₁ → a₁: weight {format_number(params.W1[0, 0], 2)} (W1[0, 0])" in drawn["hover"]
    assert drawn["marker"][0] == step and drawn["marker"][1] == pytest.approx(run.losses[step], abs=5e-5)
    accuracy = nw.accuracy(params, X, y, "tanh")
    loss_text, accuracy_text = format_number(run.losses[step], 4), format_number(accuracy, 4)
    assert drawn["readout"] == f"step {step} · mean logistic loss {loss_text} · accuracy {accuracy_text}"
    shown = shown_figures(page)
    assert shown["mean logistic loss"] == loss_text and shown["accuracy"] == accuracy_text


@pytest.mark.parametrize(
    "start, key, step",
    [(1000, "ArrowRight", 1200), (1000, "PageDown", 500), (0, "ArrowRight", 1), (10, "End", 2000), (20, "Home", 0)],
)
def test_what_the_live_element_draws_and_reads_out_is_core(page, app_url, start, key, step):
    goto(page, f"{app_url}/{URL}?steps={start}")
    before = screen_state(page)
    press_slider(page, "steps", key)
    wait_screen_change(page, before)
    wait_steps(page, step)
    check_drawn(page, step)
    assert page.locator('[data-testid="stException"]').count() == 0


def test_reset_and_play_replay_the_training(page, app_url):
    goto(page, f"{app_url}/{URL}?steps=1600")
    page.get_by_role("button", name="Reset to step 0").click()
    wait_steps(page, 0)
    check_drawn(page, 0)
    play = page.locator(".explainer-live .live-play")
    play.click()
    # Play steps through the sampled steps in the browser, and each step reaches Python.
    page.wait_for_function("() => +new URLSearchParams(location.search).get('steps') >= 3", timeout=20_000)
    play.click()  # pause; Python settles on the step the picture shows
    page.wait_for_function(
        """() => document.querySelector('.explainer-live .live-readout').textContent
                 .startsWith(`step ${new URLSearchParams(location.search).get('steps')} `)""",
        timeout=20_000,
    )
    wait_idle(page)
    step = int(page.evaluate("() => new URLSearchParams(location.search).get('steps')"))
    assert step in nw.STEP_GRID and step >= 3
    assert page.locator(".st-key-steps input").input_value() == str(nw.STEP_GRID.index(step))
    check_drawn(page, step)
