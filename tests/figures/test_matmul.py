"""The matrix-multiplication figures (plain pytest): what they draw is NumPy's A, B and C."""

import numpy as np
import pytest

from app.figure_base import Style
from app.figures import matmul as figures
from core.matmul import matmul_steps, outer_terms, step_expressions
from core.text import format_number

A = np.array([[1.0, 2, 0], [3, -1, 2]])
B = np.array([[2.0, 1], [0, 1], [4, -2]])


def texts(trace) -> list[str]:
    return list(trace.get("text") or [])


@pytest.mark.parametrize("step", range(5))
def test_step_figure_draws_c_so_far_and_labels_the_current_row_and_column(step):
    fig = figures.step_json(A, B, step)
    values, labels = fig["data"][4], fig["data"][5]
    c = A @ B
    assert texts(values) == [format_number(v) for v in c.ravel()[:step]]
    if step:
        one = matmul_steps(A, B)[step - 1]
        assert texts(labels) == [f"row {one.i}", f"col {one.j}"]
        assert fig["data"][3]["x"][:4] == [figures.geometry(2, 3, 2)["x_c"] + one.j + d for d in (0, 1, 1, 0)]
    else:
        assert texts(labels) == [] and fig["data"][0]["x"] == []
    annotations = [a["text"] for a in fig["layout"]["annotations"]]
    for v in np.concatenate([A.ravel(), B.ravel()]):
        assert format_number(v) in annotations


def test_the_sweep_holds_every_step_as_the_figure_at_that_step():
    readouts = [f"step {s}" for s in range(5)]
    sweep = figures.step_sweep(A, B, readouts)
    assert sweep.readouts == readouts and len(sweep.patches) == 5
    for step, [patch] in enumerate(sweep.patches):
        fig = figures.step_json(A, B, step)
        assert [patch["traces"][str(n)] for n in range(figures.MOVING)] == fig["data"][: figures.MOVING]
        assert figures.at_step(figures.step_json(A, B, 0), A, B, step) == fig


def test_a_projector_draws_larger_type_in_a_picture_that_stays_on_the_first_screen():
    screen, wall = figures.step_json(A, B, 1), figures.step_json(A, B, 1, Style(projector=True))
    assert wall["layout"]["height"] <= screen["layout"]["height"] <= 320
    assert wall["data"][4]["textfont"]["size"] > screen["data"][4]["textfont"]["size"]


def test_expressions_are_cores_sums():
    expressions = step_expressions(A, B)
    assert expressions[0] == ""
    assert expressions[3] == "C[1, 0] = 3·2 + (-1)·0 + 2·4 = 14" and (A @ B)[1, 0] == 14


def test_mismatch_figure_marks_both_inner_sizes():
    fig = figures.mismatch_figure(A, np.ones((2, 2)))
    words = " ".join(a.text for a in fig.layout.annotations)
    assert "inner sizes differ: 3 ≠ 2; no C" in words
    assert "(2, <b>" in words and ", 2)" in words


@pytest.mark.parametrize("shown", range(4))
def test_outer_figure_draws_the_term_and_the_sum_so_far(shown):
    terms = outer_terms(A, B)
    fig = figures.outer_figure(A, B, terms, shown)
    drawn = [list(t.text) for t in fig.data if t.mode == "text"]
    t = max(shown - 1, 0)
    assert drawn[2] == [format_number(v) for v in terms[t].ravel()]
    assert drawn[3] == [format_number(v) for v in terms[:shown].sum(axis=0).ravel()]
    labels = [a.text for a in fig.layout.annotations]
    assert f"sum of {shown} of 3 terms" in labels and f"term {t}" in labels
    assert all(len(label) <= 20 for label in labels), "short labels, so that none runs into the next"
