"""The outer-product heatmap (app/figures/outer.py): its cells, labels and frame are core's numbers."""

import numpy as np
import pytest

from app.figure_base import Style
from app.figures import outer as figures
from app.palette import DIVERGING_SCALE, RESULT_SCALE
from app.sweeps import figure_json
from core.text import format_number
from core.vectors import outer


@pytest.mark.parametrize(
    "w, x, row",
    [([1, 2, 3], [1, 2], 0), ([2, -1, 6], [1, 2, 3, 4], 2), ([5], [1, 2, 3, 4, 5, 6, 7, 8], 0), ([0, 0], [1, 2], 1)],
)
def test_the_heatmap_draws_cores_outer_product(w, x, row):
    w, x = np.array(w, float), np.array(x, float)
    fig = figure_json(figures.heatmap(w, x, row))
    cells, frame, edge = fig["data"]
    m = outer(w, x)
    np.testing.assert_array_equal(cells["z"], m)
    assert cells["text"] == [[format_number(v) for v in line] for line in m]
    assert cells["customdata"][-1][-1] == (
        f"w_{w.size - 1} * x_{x.size - 1} = {format_number(w[-1])} * {format_number(x[-1])} = {format_number(m[-1, -1])}"
    )
    assert frame["y"] == [row - 0.5, row - 0.5, row + 0.5, row + 0.5, row - 0.5] == edge["y"]
    assert frame["x"][1] == x.size - 0.5
    labels = [a["text"] for a in fig["layout"]["annotations"]]
    assert labels[: w.size] == [f"<b>{format_number(v)}</b>" for v in w]
    assert labels[w.size : w.size + x.size] == [f"<b>{format_number(v)}</b>" for v in x]
    assert labels[-1] == f"◀ row {row}"
    assert fig["layout"]["height"] == figures.HEIGHT  # one height for every shape: no jump while a slider moves


def test_colours_follow_the_signs():
    assert figures.colours(np.array([[0.0, 2.0]]))[0] == RESULT_SCALE
    assert figures.colours(np.array([[-1.0, -2.0]]))[0] == figures.NEGATIVE_SCALE
    assert figures.colours(np.array([[-1.0, 3.0]])) == (DIVERGING_SCALE, -3.0, 3.0)


def test_the_state_builder_and_the_projector():
    [fig] = figures.heatmap_of(((1.0, 2.0), (3.0,), 1), Style(projector=True))
    assert fig.layout.height == Style(projector=True).scaled(figures.HEIGHT)
    assert fig.data[0].textfont.size == Style(projector=True).sizes["cell_text"]
