"""The broadcasting picture (plain pytest): the followed cells are NumPy's, in every array."""

import numpy as np
import pytest

from app.figures import broadcasting as figures
from core.broadcasting import combine_as_numpy
from core.text import format_number

CASES = [
    (np.array([1.0, 2, 3]), np.array(2.0), "×"),
    (np.array([[0.0], [10], [20], [30]]), np.array([[1.0, 2, 3]]), "+"),
    (np.arange(24.0).reshape(4, 3, 2) + 1, np.array([[100.0], [200], [300]]), "−"),
    (np.array(5.0), np.array(7.0), "+"),
]


@pytest.mark.parametrize("a, b, symbol", CASES)
def test_every_followed_cell_shows_numpys_numbers(a, b, symbol):
    result = a * b if symbol == "×" else a - b if symbol == "−" else a + b
    base = figures.picture_json(a, b, symbol, result)
    first = len(base["data"]) - figures.FOLLOW
    sweep = figures.follow_sweep(a, b, result, first, ["r"] * result.size)
    assert len(sweep.patches) == result.size
    stretched_a, stretched_b = np.broadcast_to(a, result.shape), np.broadcast_to(b, result.shape)
    for flat, [patch] in enumerate(sweep.patches):
        cell = np.unravel_index(flat, result.shape)
        values = patch["traces"][str(first + 1)]["text"]
        expected = [stretched_a[cell], stretched_b[cell], stretched_a[cell], stretched_b[cell], result[cell]]
        assert values == [format_number(v) for v in expected]
        outline = patch["traces"][str(first)]
        assert outline["fill"] == "toself" and outline["x"].count(None) == 5
    assert base["data"][first:] == [sweep.patches[0][0]["traces"][str(first + n)] for n in range(2)]
    last = figures.following(base, a, b, result, result.size - 1)
    assert last["data"][first:] == [sweep.patches[-1][0]["traces"][str(first + n)] for n in range(2)]
    assert last["data"][:first] == base["data"][:first] and last["layout"] == base["layout"]


def test_the_followed_cell_sits_on_its_cell_in_the_result():
    a, b = CASES[1][:2]
    result = a + b
    where = figures.places(a.shape, b.shape, result.shape)["result"]
    outline = figures.follow_traces(a, b, result, 5)[0]  # result[1, 2]
    assert outline["x"][-6:-1] == [where[0] + 2, where[0] + 3, where[0] + 3, where[0] + 2, where[0] + 2]
    assert outline["y"][-6:-1] == [where[1] - 1, where[1] - 1, where[1] - 2, where[1] - 2, where[1] - 1]


def test_follow_words_are_cores_numbers():
    a, b = CASES[1][:2]
    assert figures.follow_words(a, b, "+", a + b, (3, 1)) == "result[3, 1] = a[3, 0] + b[0, 1] = 30 + 2 = 32"


def test_divide_by_zero_draws_inf_and_nan_as_numpy_prints_them():
    a, b = np.array([1.0, -2, 0]), np.array(0.0)
    result, said = combine_as_numpy(a, b, "divide")
    drawn = [
        t
        for trace in figures.picture_json(a, b, "÷", result)["data"]
        if trace.get("mode") == "text"
        for t in trace["text"]
    ]
    assert {"inf", "-inf", "nan"} <= set(drawn)
    assert said == [
        "RuntimeWarning: divide by zero encountered in divide",
        "RuntimeWarning: invalid value encountered in divide",
    ]


def test_shapes_that_do_not_broadcast_are_drawn_with_a_cross_and_no_result():
    fig = figures.picture(np.ones((4, 3)), np.ones(4), "", None)
    assert "✗" in [a.text for a in fig.layout.annotations]
    assert not any(a.text == "result" for a in fig.layout.annotations)
