"""The Iris figure builders: what they draw is core.iris's numbers, and the C sweep is the figures at each C."""

import numpy as np
import pytest

from app.figure_base import Style
from app.figures import iris as figures
from app.patch import apply as apply_patch
from app.sweeps import figure_json
from core import iris

X, Y = iris.load()
EXPONENTS, CS = iris.c_positions(1.0)
PATH = iris.fit_path(X, Y, CS)
PAIR = (2, 3)
REGIONS = figures.Regions.of(PAIR, X, Y, iris.fit_path(X[:, list(PAIR)], Y, CS))
ACCURACY = iris.path_accuracy(X, Y, PATH)
FLOWER = X[77]


def test_c_slider_shows_c_itself():
    slider = figures.CSlider("C_exponent", "C", EXPONENTS, 0.0)
    assert [slider.text(e) for e in (-3.0, -0.5, 0.0, 0.25, 3.0)] == ["0.001", "0.316", "1", "1.78", "1000"]
    assert slider.cs == CS
    exponents, cs = iris.c_positions(0.5)
    between = figures.CSlider("C_exponent", "C", exponents, 0.0)
    assert between.text(np.log10(0.5)) == "0.5" and between.cs == cs


def test_regions_are_cores_polygons_and_the_flowers():
    fig = figure_json(figures.regions_figure(REGIONS, Y, FLOWER[list(PAIR)], 12))
    polygons = iris.region_polygons(REGIONS.path.coef[12], REGIONS.path.intercept[12], *REGIONS.box)
    for trace, polygon in zip(fig["data"][:3], polygons):
        assert trace["fill"] == "toself"
        np.testing.assert_allclose(trace["x"], polygon[:, 0], atol=1e-4)
        np.testing.assert_allclose(trace["y"], polygon[:, 1], atol=1e-4)
    names = [t["name"] for t in fig["data"][3:]]
    assert names == ["setosa", "versicolor", "virginica", "your flower"]
    assert fig["data"][6]["x"] == [FLOWER[2]] and fig["data"][6]["y"] == [FLOWER[3]]
    assert fig["layout"]["xaxis"]["title"]["text"] == "petal length (cm)"
    assert fig["layout"]["xaxis"]["range"] == [X[:, 2].min() - 0.4, X[:, 2].max() + 0.4]


def test_regions_model_is_scikit_learns_two_feature_fit():
    from sklearn.linear_model import LogisticRegression

    clf = LogisticRegression(random_state=0, C=CS[8], max_iter=500).fit(X[:, list(PAIR)], Y)
    assert REGIONS.accuracy[8] == clf.score(X[:, list(PAIR)], Y)
    assert REGIONS.species_at(FLOWER, 8) == clf.predict([FLOWER[list(PAIR)]])[0]


def test_accuracy_curves_are_cores_on_a_log_axis_with_plain_ticks():
    fig = figure_json(figures.accuracy_path_figure(CS, ACCURACY, 4, REGIONS, 12))
    model, regions, marker = fig["data"]
    assert model["x"] == list(CS) and model["y"] == list(ACCURACY) and regions["y"] == list(REGIONS.accuracy)
    assert marker["x"] == [1.0, 1.0] and marker["y"] == [ACCURACY[12], REGIONS.accuracy[12]]
    axis = fig["layout"]["xaxis"]
    assert axis["type"] == "log"
    assert axis["ticktext"] == ["0.001", "0.01", "0.1", "1", "10", "100", "1000"]
    assert axis["tickvals"] == [0.001, 0.01, 0.1, 1.0, 10.0, 100.0, 1000.0]


@pytest.mark.parametrize("regions", [REGIONS, None], ids=["with regions", "without"])
def test_the_sweep_at_each_c_is_the_figures_built_at_that_c(regions):
    readouts = [f"r{i}" for i in range(len(CS))]
    sweep = figures.c_sweep(CS, ACCURACY, regions, readouts, Style())
    base = figures.live_figures(CS, ACCURACY, 4, regions, Y, FLOWER, 12)
    assert len(sweep.patches) == len(CS) and sweep.readouts == readouts
    for index in (0, 5, 12, 24):
        built = figures.live_figures(CS, ACCURACY, 4, regions, Y, FLOWER, index)
        drawn = [apply_patch(b, p) for b, p in zip(base, sweep.patches[index])]
        for fig_drawn, fig_built in zip(drawn, built):
            assert fig_drawn["layout"] == fig_built["layout"]
            assert [t.get("x") for t in fig_drawn["data"]] == [t.get("x") for t in fig_built["data"]]
            assert [t.get("y") for t in fig_drawn["data"]] == [t.get("y") for t in fig_built["data"]]


def test_probability_bars_and_confusion_matrix_show_their_numbers():
    p = iris.softmax(iris.class_scores(FLOWER, PATH.coef[12], PATH.intercept[12]))
    bars = figure_json(figures.probability_bars(p, Style(projector=True)))
    assert bars["data"][0]["text"] == [f"{v:.4f}" for v in p]
    assert bars["layout"]["height"] == 300, "a quarter taller on a projector"
    matrix = iris.confusion_matrix(Y, iris.predict(X, PATH.coef[12], PATH.intercept[12]))
    heat = figures.confusion_figure(matrix).data[0]
    np.testing.assert_array_equal(heat.z, matrix)
    assert list(heat.y) == list(heat.x) == ["setosa", "versicolor", "virginica"]
