"""The four model panels (app/figures/models.py): what they draw is core's ŷ on core's data."""

import numpy as np
import pytest

from app.figure_base import Style
from app.figures import models as figures
from app.notebook import typed_array
from app.sweeps import figure_json
from core import models


def values(array) -> np.ndarray:
    """An array as sent: a list, or plotly's typed array for NumPy input."""
    return typed_array(array) if isinstance(array, dict) else np.asarray(array, dtype=float)


@pytest.mark.parametrize("d, h", [(1, 1), (3, 3), (6, 8)])
@pytest.mark.parametrize("projector", [False, True])
def test_each_panel_draws_cores_prediction_and_data(d, h, projector):
    drawn = [figure_json(f) for f in figures.panels((4, d, h), Style(projector))]
    data = models.shared_data()
    y_hats = models.predictions(models.fit_all(data, d, h), models.draw_x())
    assert [f["layout"]["title"]["text"] for f in drawn] == ["Linear", "Polynomial", "Logistic", "Network"]
    for fig, kind in zip(drawn, models.KINDS):
        curve, points = fig["data"][figures.CURVE], fig["data"][figures.POINTS]
        np.testing.assert_allclose(values(curve["x"]), models.draw_x())
        np.testing.assert_allclose(values(curve["y"]), y_hats[kind], atol=5e-7)
        np.testing.assert_array_equal(values(points["x"]), data.x)
        np.testing.assert_array_equal(values(points["y"]), data.label if kind == "logistic" else data.y)
        assert fig["layout"]["xaxis"]["range"] == list(models.DRAW_RANGE)


def test_the_logistic_panel_has_its_bounds_drawn_and_the_others_a_common_frame():
    drawn = [figure_json(f) for f in figures.panels((1, 3, 3))]
    logistic = drawn[models.KINDS.index("logistic")]
    assert sorted(s["y0"] for s in logistic["layout"]["shapes"]) == [0, 1]
    assert sorted(a["text"] for a in logistic["layout"]["annotations"]) == ["ŷ = 0", "ŷ = 1"]
    lo, hi = logistic["layout"]["yaxis"]["range"]
    assert lo < 0 and hi > 1
    for fig in drawn:
        if fig is not logistic:
            assert fig["layout"]["yaxis"]["range"] == list(figures.Y_FRAME)
            assert "shapes" not in fig["layout"] or not fig["layout"]["shapes"]


def test_the_curved_picture_draws_each_residual():
    x, y = models.curved_data()
    fit = models.curved_fit(x, y)
    fig = figure_json(figures.curved_line(x, y, fit))
    residuals, line, points = fig["data"]
    segments = values(residuals["y"]).reshape(-1, 3)
    np.testing.assert_allclose(segments[:, 0], y)
    np.testing.assert_allclose(segments[:, 1], fit.w * x + fit.b)
    np.testing.assert_allclose(values(line["y"]), fit.w * np.array([x.min(), x.max()]) + fit.b)
    np.testing.assert_array_equal(values(points["y"]), y)
