"""The data page in headless Chromium: what the live element draws and reads out at released keyboard
positions of the row slider equals core's numbers at the shown precision."""

import numpy as np
import pytest

from app.lessons import data as text
from core import datasets
from scripts.app_driver import goto, live_draws, shown_figures, slider_thumb, wait_idle

pytestmark = pytest.mark.browser

DRAWN_JS = """() => ({
  figures: [...document.querySelectorAll('.explainer-live .js-plotly-plot')].map(p => p.data),
  layouts: [...document.querySelectorAll('.explainer-live .js-plotly-plot')].map(p => p.layout),
  readout: document.querySelector('.explainer-live .live-readout').textContent,
})"""


def press(tab, key: str) -> dict:
    """Press ``key`` on the focused row slider; return what the element drew at once, from its sweep."""
    before = live_draws(tab)
    tab.keyboard.press(key)
    tab.wait_for_function("(n) => window.__explainerLive.draws.length > n", arg=before, timeout=2_000)
    return tab.evaluate(DRAWN_JS)


def settle(tab, row: int) -> dict:
    """Wait for the rerun of the released position (the URL holds the row); return what is drawn then."""
    tab.wait_for_function("(r) => new URLSearchParams(location.search).get('row') === r", arg=str(row), timeout=15_000)
    wait_idle(tab)
    return tab.evaluate(DRAWN_JS)


def check_table(drawn: dict, data, row: int) -> None:
    """x, its label and the outlined row of X as core has them, at the decimals the cells show."""
    table, layout = drawn["figures"][1], drawn["layouts"][1]
    x = table[3]
    decimals = datasets.DECIMALS[data.name]
    if data.name == "house":
        assert x["text"] == [[f"{v:.0f}" for v in data.X[row]]]
    else:
        np.testing.assert_allclose(x["z"][0], data.X[row], atol=0.5 * 10**-decimals)
    assert layout["yaxis2"]["ticktext"] == [data.label_text(row)]
    low, high = sorted(layout["yaxis"]["range"])
    assert low < row < high and (layout["shapes"][0]["y0"], layout["shapes"][0]["y1"]) == (row - 0.5, row + 0.5)
    matrix = table[0]
    where = matrix["y"].index(row)
    if data.name != "house":
        np.testing.assert_allclose(matrix["z"][where], data.X[row], atol=0.5 * 10**-decimals)
    assert drawn["readout"] == text.readout(data, row)


def test_iris_rows_drawn_and_read_out_are_cores(page, app_url):
    data = datasets.load("iris")
    goto(page, f"{app_url}/data")
    slider_thumb(page, "row").focus()
    for key, row in (("ArrowRight", 1), ("PageUp", 11), ("End", 149), ("ArrowLeft", 148)):
        for drawn in (press(page, key), settle(page, row)):
            check_table(drawn, data, row)
            sepals = drawn["figures"][0][0]
            reach = max(np.hypot(x, y) for x, y in zip(sepals["x"], sepals["y"]) if x is not None)
            assert reach == pytest.approx(data.X[row, 0], abs=0.06)  # the sepals are as long as measured
        assert shown_figures(page, 4)["label"] == data.label_text(row)
        slider_thumb(page, "row").focus()
    assert page.locator('[data-testid="stException"]').count() == 0


def test_digits_pictures_drawn_are_cores_in_a_later_block(page, app_url):
    data = datasets.load("image")
    goto(page, f"{app_url}/data?example=image&row=1300")
    thumb = slider_thumb(page, "row")
    assert (thumb.get_attribute("aria-valuetext"), thumb.input_value()) == ("1300", "100")
    thumb.focus()
    for key, row in (("ArrowRight", 1301), ("PageDown", 1291), ("Home", 1200)):
        for drawn in (press(page, key), settle(page, row)):
            check_table(drawn, data, row)
            np.testing.assert_array_equal(drawn["figures"][0][0]["z"], data.raw(row))
        assert shown_figures(page, 4)["label"] == data.label_text(row)
        slider_thumb(page, "row").focus()


@pytest.mark.parametrize("example", ["sound", "text", "house"])
def test_other_examples_follow_the_keyboard(page, app_url, example):
    data = datasets.load(example)
    goto(page, f"{app_url}/data?example={example}")
    slider_thumb(page, "row").focus()
    for key, row in (("ArrowRight", 1), ("ArrowRight", 2), ("End", data.m - 1)):
        drawn = press(page, key)
        check_table(drawn, data, row)
        if example == "sound":
            np.testing.assert_allclose(drawn["figures"][0][2]["y"][:-1], data.X[row], atol=5e-4)
        elif example == "text":
            assert " ".join(drawn["figures"][0][0]["text"]) == f"“{data.raw(row)}”"
        else:
            rooms = int(data.X[row, 1])
            assert drawn["figures"][0][2]["text"] == [f"{data.X[row, 0]:.0f} m², {rooms} room{'s' * (rooms != 1)}"]
        settle(page, row)
        slider_thumb(page, "row").focus()
    assert page.locator('[data-testid="stException"]').count() == 0
