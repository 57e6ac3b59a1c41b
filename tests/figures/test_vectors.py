"""The dot-product pictures (app/figures/vectors.py): what they draw is core's numbers, and a sweep's
patch on the base figure draws what the figure built at that position draws."""

import numpy as np
import plotly.graph_objects as go
import pytest

from app.figure_base import SCREEN, Style
from app.figures import vectors as figures
from app.patch import apply as apply_patch
from app.sweeps import figure_json
from app.sweeps import grid as live_grid
from core.text import format_number
from core.vectors import measures, projection, slider_vectors, vectors_with_parts

PAIRS_2D = [
    ([1, 0], [0.999848, 0.017452]),  # the slide's unit vectors 1° apart
    ([2, 1], [-1, 2]),
    ([2, 1], [-2, -1]),
    ([0, 0], [1, 2]),
    ([3, -4], [0.5, 0.001]),
]
PAIRS_3D = [([1, 2, 2], [2, 0, 1]), ([1, 2, 3], [0, 0, 0]), ([1, 0, 0], [-1, 0, 0])]


def drawn(figure: dict) -> list[dict | None]:
    """Each trace as drawn: ``None`` when hidden (its data then does not matter)."""
    return [None if t.get("visible", True) is False else t for t in figure["data"]]


@pytest.mark.parametrize("a, b", PAIRS_2D)
def test_the_plane_draws_cores_numbers(a, b):
    a, b = np.array(a, float), np.array(b, float)
    fig = figure_json(figures.plane(a, b))
    data = fig["data"]
    assert data[figures.ARROW_A]["x"] == [0, a[0]] and data[figures.ARROW_A]["y"] == [0, a[1]]
    assert data[figures.ARROW_B]["x"] == [0, b[0]] and data[figures.ARROW_B]["y"] == [0, b[1]]
    assert data[figures.ARROW_A]["text"] == ["", "<b>a</b>"]
    m = measures(a, b)
    if np.isnan(m["angle"]):
        assert data[figures.PROJECTION]["visible"] is False and data[figures.THETA]["visible"] is False
        return
    p = projection(b, a)
    np.testing.assert_allclose(data[figures.PROJECTION]["x"][1], p[0], atol=1e-4)
    np.testing.assert_allclose(data[figures.PROJECTION]["y"][1], p[1], atol=1e-4)
    assert data[figures.DROP]["x"][0] == pytest.approx(b[0], abs=1e-4)
    assert data[figures.THETA]["text"] == [f"θ = {format_number(m['angle'], 2)}°"]
    # The arc runs from a's direction to b's, the short way round.
    arc = np.array([data[figures.ARC]["x"], data[figures.ARC]["y"]]).T
    turned = np.degrees(np.arctan2(arc[-1, 1], arc[-1, 0]) - np.arctan2(arc[0, 1], arc[0, 0]))
    assert abs((turned + 180) % 360 - 180) == pytest.approx(m["angle"], abs=0.05)


def test_the_heads_1_degree_apart_are_zoomed_and_perpendicular_arrows_are_not():
    slide = figure_json(figures.plane([1, 0], [0.999848, 0.017452]))
    assert slide["layout"]["xaxis2"].get("visible", True) is True
    assert slide["data"][figures.ZOOM_TEXT]["text"] == ["θ = 1.00°"]
    assert slide["layout"]["xaxis2"]["title"]["text"] == "zoom on the heads"
    # The window shows both heads, apart.
    x0, x1 = slide["layout"]["xaxis2"]["range"]
    y0, y1 = slide["layout"]["yaxis2"]["range"]
    for head in ([1, 0], [0.999848, 0.017452]):
        assert x0 < head[0] < x1 and y0 < head[1] < y1
    assert figures.heads_zoomed([1, 0], [0.999848, 0.017452])
    apart = figure_json(figures.plane([2, 1], [-1, 2]))
    assert apart["layout"]["xaxis2"]["visible"] is False
    assert all(apart["data"][i]["visible"] is False for i in (figures.ZOOM_A, figures.ZOOM_B, figures.ZOOM_TEXT))
    assert not figures.heads_zoomed([2, 1], [-1, 2]) and not figures.heads_zoomed([1, 0, 0], [1, 0, 0])


@pytest.mark.parametrize("a, b", PAIRS_2D)
@pytest.mark.parametrize("key", ["b_angle", "b_len", "a_angle", "a_len", "b_0", "a_1"])
def test_a_plane_patch_draws_the_figure_of_its_position(a, b, key):
    a, b = np.array(a, float), np.array(b, float)
    values = (-180, -90, -5, 0, 5, 30, 180) if key.endswith("angle") else (0, 0.25, 1, 2.5, 5)
    base, sweeps = figures.sweeps(a, b, [(key, values)], SCREEN)
    patches, m = sweeps[key]
    moved = slider_vectors(a if key[0] == "a" else b, key[2:], values)
    for (patch,), v, dot in zip(patches, moved, m["dot"]):
        pa, pb = (v, b) if key[0] == "a" else (a, v)
        built = figure_json(figures.plane(pa, pb))
        shown = apply_patch(base[0], patch)
        go.Figure(shown)  # plotly checks every attribute that the patch sets
        assert drawn(shown) == drawn(built)
        for axis in ("xaxis", "yaxis"):
            assert shown["layout"][axis] == built["layout"][axis]
        if built["layout"]["xaxis2"].get("visible", True):
            assert shown["layout"]["xaxis2"] == built["layout"]["xaxis2"]
        assert dot == pytest.approx(float(np.dot(pa, pb)))


@pytest.mark.parametrize("a, b", PAIRS_3D)
def test_the_scene_draws_cores_numbers_and_its_patches_match(a, b):
    a, b = np.array(a, float), np.array(b, float)
    fig = figure_json(figures.scene(a, b, Style(projector=True)))
    data = fig["data"]
    assert [t["type"] for t in data] == ["scatter3d", "cone"] * 2 + ["scatter3d"] * 3
    assert data[figures.LINE_B]["z"] == [0, b[2]]
    assert data[figures.CONE_B]["visible"] is bool(np.any(b))
    values = (-5, -1, 0, 2.5)
    base, sweeps = figures.sweeps(a, b, [("b_2", values)], SCREEN)
    for (patch,), v in zip(sweeps["b_2"][0], slider_vectors(b, "2", values)):
        built = figure_json(figures.scene(a, v))
        shown = apply_patch(base[0], patch)
        go.Figure(shown)
        assert drawn(shown) == drawn(built)
        assert shown["layout"]["scene"] == built["layout"]["scene"]


def test_vectors_of_different_lengths_have_no_picture():
    base, sweeps = figures.sweeps(np.array([1.0, 2.0]), np.array([1.0, 2.0, 3.0]), [("b_0", (0, 1))], SCREEN)
    assert base == [] and sweeps["b_0"] == ([[], []], None)


def test_the_picture_rescales_in_steps_and_is_larger_on_a_projector():
    assert figures.reach(np.array([0.5, 1.08, 1.1, 3.0, 5.0])).tolist() == [1.25, 1.25, 2.5, 3.75, 6.0]
    wall = figure_json(figures.plane([1, 0], [0, 1], Style(projector=True)))
    screen = figure_json(figures.plane([1, 0], [0, 1]))
    assert wall["layout"]["height"] > screen["layout"]["height"]
    assert wall["data"][figures.ARROW_A]["line"]["width"] > screen["data"][figures.ARROW_A]["line"]["width"]


@pytest.mark.parametrize("a, b", [([1, 0], [0.999848, 0.017452]), ([2, 1], [-1, 2]), ([0, 0], [1, 2])])
@pytest.mark.parametrize("name", ["a", "b"])
@pytest.mark.parametrize("polar", [True, False])
def test_a_dragged_heads_cells_draw_what_the_plane_draws_there(a, b, name, polar):
    a, b = np.array(a, float), np.array(b, float)
    grids = {"len": (0, 0.25, 0.5, 1, 1.5), "angle": (-180, -90, 0, 45, 90, 180), "xyz": (-1, -0.25, 0, 0.5, 1)}
    parts = ("len", "angle") if polar else ("0", "1")
    first, second = (grids["len"], grids["angle"]) if polar else (grids["xyz"], grids["xyz"])
    columns, m = figures.drag_cells(a, b, name, parts, first, second)
    half = figures.reach(max(np.linalg.norm(a), np.linalg.norm(b)))
    for r, x in enumerate(first):
        for c, y in enumerate(second):
            cell = r * len(second) + c
            v = vectors_with_parts(a if name == "a" else b, {parts[0]: [x], parts[1]: [y]})[0]
            pa, pb = (v, b) if name == "a" else (a, v)
            built = figure_json(figures.plane(pa, pb))["data"]
            arrow = figures.ARROW_A if name == "a" else figures.ARROW_B
            assert columns[str(arrow)]["x"][cell] == pytest.approx(built[arrow]["x"], abs=1e-3)
            assert columns[str(arrow)]["y"][cell] == pytest.approx(built[arrow]["y"], abs=1e-3)
            assert m["dot"][cell] == pytest.approx(float(np.dot(pa, pb)))
            if built[figures.PROJECTION].get("visible", True) is False:
                assert columns[str(figures.PROJECTION)]["visible"][cell] is False
                continue
            for index in (figures.PROJECTION, figures.DROP):
                assert columns[str(index)]["x"][cell] == pytest.approx(built[index]["x"], abs=1e-3)
                assert columns[str(index)]["y"][cell] == pytest.approx(built[index]["y"], abs=1e-3)
            assert columns[str(figures.THETA)]["text"][cell] == built[figures.THETA]["text"]
            if figures.reach(max(np.linalg.norm(pa), np.linalg.norm(pb))) == half:  # the same axes: the same arc
                assert columns[str(figures.ARC)]["x"][cell] == pytest.approx(built[figures.ARC]["x"][::2], abs=1e-3)


def test_the_heads_are_dragged_in_the_plane_only_and_over_what_it_shows():
    grids = {"len": live_grid(0, 5, 0.25), "angle": live_grid(-180, 180, 5), "xyz": live_grid(-5, 5, 0.25)}
    drag_b, drag_a = figures.head_drags(np.array([1.0, 0.0]), np.array([0.999848, 0.017452]), True, grids)
    assert drag_b["keys"] == ("b_len", "b_angle") and drag_b["trace"] == figures.ARROW_B and drag_b["point"] == 1
    lengths = [grids["len"][i] for i in drag_b["rows"]]
    assert min(lengths) > 0 and max(lengths) <= 1.4 * 1.25 and len(drag_b["cols"]) == 73
    assert drag_b["during"] == figures.DRAG_DURING  # the zoom is hidden while a head moves
    flat = figures.head_drags(np.array([2.0, 1.0]), np.array([3.0, 1.5]), False, grids)
    assert all(len(d["rows"]) <= 21 and len(d["cols"]) <= 21 for d in flat)
    assert figures.head_drags(np.array([1.0, 2, 2]), np.array([2.0, 0, 1]), False, grids) == []
