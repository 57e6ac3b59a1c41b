"""core.quiz: every generated question is answered right by NumPy itself."""

import re
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from scipy.special import softmax
from sklearn.metrics import log_loss

from core.iris import SPECIES
from core.quiz import (
    BROADCAST_ERROR,
    MATMUL_ERROR,
    RESHAPE_ERROR,
    angle_question,
    broadcast_question,
    dot_sign_question,
    fit_by_eye_score,
    logistic_loss_question,
    matmul_question,
    mse_question,
    outer_question,
    reshape_question,
    softmax_question,
)
from core.text import format_shape

SEEDS = st.integers(0, 2**32 - 1)


def numbers_in(text: str) -> list[list[int]]:
    """The bracketed or parenthesised groups of integers in a prompt, in order."""
    import re

    return [[int(n) for n in re.findall(r"-?\d+", group)] for group in re.findall(r"[\[(]([^\])]*)[\])]", text)]


@given(SEEDS)
def test_broadcast_question_answer_is_numpys(seed):
    q = broadcast_question(seed)
    shape_a, shape_b = (tuple(g) for g in numbers_in(q.prompt)[:2])
    try:
        truth = format_shape(np.broadcast_shapes(shape_a, shape_b))
    except ValueError:
        truth = BROADCAST_ERROR
    assert q.options[q.answer] == truth
    assert len(set(q.options)) == len(q.options) >= 3
    assert q.is_right(truth) and not q.is_right(next(o for o in q.options if o != truth))


@given(SEEDS)
def test_reshape_question_answer_is_numpys(seed):
    q = reshape_question(seed)
    size, shape, asked = re.fullmatch(
        r"a = np\.arange\((\d+)\)\.reshape\(([\d, ]+)\)\. What is the shape of "
        r"a\.reshape\(([-\d, ]+)\)\?",
        q.prompt,
    ).groups()
    a = np.arange(int(size)).reshape([int(n) for n in shape.split(",")])
    try:
        truth = format_shape(a.reshape([int(n) for n in asked.split(",")]).shape)
    except ValueError:
        truth = RESHAPE_ERROR
    assert q.options[q.answer] == truth
    assert len(set(q.options)) == len(q.options) >= 3


@given(SEEDS)
def test_matmul_question_answer_is_numpys(seed):
    q = matmul_question(seed)
    shape_a, shape_b = (tuple(g) for g in numbers_in(q.prompt)[:2])
    try:
        truth = format_shape(np.matmul(np.ones(shape_a), np.ones(shape_b)).shape)
    except ValueError:
        truth = MATMUL_ERROR
    assert q.options[q.answer] == truth


@given(SEEDS)
def test_dot_sign_question_answer_is_numpys(seed):
    q = dot_sign_question(seed)
    a, b = (np.array(g) for g in numbers_in(q.prompt)[:2])
    dot = np.dot(a, b)
    assert q.options[q.answer] == ("positive" if dot > 0 else "zero" if dot == 0 else "negative")


@given(SEEDS)
def test_angle_question_answer_is_numpys(seed):
    q = angle_question(seed)
    a, b = (np.array(g, float) for g in numbers_in(q.prompt)[:2])
    angle = np.degrees(np.arccos(np.clip(a @ b / (np.linalg.norm(a) * np.linalg.norm(b)), -1, 1)))
    assert q.options[q.answer] == f"{round(angle)}°"
    assert abs(angle - round(angle)) < 1e-4  # arccos is ill-conditioned near 0° and 180°


@given(SEEDS)
def test_outer_question_answer_is_numpys(seed):
    q = outer_question(seed)
    w, x = (np.array(g) for g in numbers_in(q.prompt)[:2])
    m = np.outer(w, x)
    right = q.options[q.answer]
    assert len(set(q.options)) == len(q.options) >= 3
    if "shape" in q.prompt:
        assert right == format_shape(m.shape) and m.shape[0] != m.shape[1]
    elif "(Rows count from 0.)" in q.prompt:
        i = int(re.search(r"row (\d+) of", q.prompt).group(1))
        assert numbers_in(right) == [m[i].tolist()]
        assert all(numbers_in(o) != [m[i].tolist()] for o in q.options if o != right)
    else:
        r, s = (int(v) for v in re.search(r"Row (\d+) of .* row (\d+)\?", q.prompt).groups())
        ratios = m[r] / m[s]
        assert np.allclose(ratios, ratios[0]) and float(right) == ratios[0]
        assert all(float(Fraction(o)) != ratios[0] for o in q.options if o != right)
    assert f"np.outer({w.tolist()}, {x.tolist()})" in q.code  # the line that settles it uses the same vectors


def test_questions_vary_with_the_seed():
    assert len({broadcast_question(s).prompt for s in range(30)}) > 10
    assert {dot_sign_question(s).options[dot_sign_question(s).answer] for s in range(60)} == {
        "positive",
        "zero",
        "negative",
    }
    assert {matmul_question(s).options[matmul_question(s).answer] == MATMUL_ERROR for s in range(60)} == {True, False}
    assert {reshape_question(s).options[reshape_question(s).answer] == RESHAPE_ERROR for s in range(40)} == {
        True,
        False,
    }
    assert {("shape" in q.prompt, "count from 0" in q.prompt) for q in map(outer_question, range(30))} == {
        (True, False),
        (False, True),
        (False, False),
    }


@pytest.mark.parametrize(
    "mse, best, score", [(2.0, 2.0, 100.0), (4.0, 2.0, 50.0), (0.0, 0.0, 100.0), (1.0, 2.0, 100.0)]
)
def test_fit_by_eye_score(mse, best, score):
    assert fit_by_eye_score(mse, best) == score


# ---------------------------------------------------------------- classification questions
@given(SEEDS)
def test_logistic_loss_question_answer_is_scikit_learns(seed):
    q = logistic_loss_question(seed)
    w, b = (int(v) for v in re.search(r"w = (-?\d+) and b = (-?\d+)", q.prompt).groups())
    points = [tuple(int(v) for v in re.findall(r"-?\d+", option)) for option in q.options]
    losses = [log_loss([y], [1 / (1 + np.exp(-(w * x + b)))], labels=[0, 1]) for x, y in points]
    assert q.answer == int(np.argmax(losses))
    assert sorted(losses)[-1] - sorted(losses)[-2] > 0.07  # one clear answer
    assert len(set(q.options)) == 4


@given(SEEDS)
def test_softmax_question_answer_is_scipys(seed):
    q = softmax_question(seed)
    z = np.array(numbers_in(q.prompt)[0], dtype=float)
    p = softmax(z)
    top = int(np.argmax(p))
    assert q.options[q.answer] == f"{SPECIES[top]}, p = {p[top]:.2f}"
    assert len(set(q.options)) == len(q.options) >= 3
    for option in q.options:  # every wrong option is clearly wrong: another species or 0.05 away
        species, value = re.fullmatch(r"(\w+), p = ([\d.]+)", option).groups()
        assert option == q.options[q.answer] or species != SPECIES[top] or abs(float(value) - p[top]) >= 0.045


def test_classification_questions_vary_with_the_seed():
    assert len({logistic_loss_question(s).prompt for s in range(40)}) > 10
    assert {logistic_loss_question(s).answer for s in range(40)} == {0, 1, 2, 3}
    assert {softmax_question(s).options[softmax_question(s).answer].split(",")[0] for s in range(40)} == {
        "setosa",
        "versicolor",
        "virginica",
    }


@given(SEEDS)
def test_mse_question_answer_is_numpys(seed):
    q = mse_question(seed)
    x, y = (np.array(g) for g in numbers_in(q.prompt)[:2])
    lines = re.findall(r"ŷ = (-?\d*)x(?: ([+-]) (\d+))?", q.prompt)
    params = [(int({"": 1, "-": -1}.get(w, w or 1)), int(f"{sign}{b}") if b else 0) for w, sign, b in lines]
    mses = [float(np.mean((y - (w * x + b)) ** 2)) for w, b in params]
    if len(q.options) == 4:  # the MSE of one line
        assert float(q.options[q.answer]) == pytest.approx(mses[0])
        assert len(set(q.options)) == 4
    else:  # which of two lines
        right = "the same MSE" if mses[0] == mses[1] else q.options[int(np.argmin(mses))]
        assert q.options[q.answer] == right
    assert q.options[q.answer] in q.explanation or "lower" in q.prompt


def test_mse_questions_ask_both_kinds_and_both_lines_win():
    answers = {(len(q.options), q.answer) for q in map(mse_question, range(200))}
    assert {(4, i) for i in range(4)} <= answers and {(3, 0), (3, 1)} <= answers
