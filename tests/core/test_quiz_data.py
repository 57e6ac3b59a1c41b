"""core.quiz.data_shape_question: the shapes of X, y and one row x, answered by NumPy itself."""

import re

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from core.quiz import QUESTIONS, data_shape_question

SEEDS = st.integers(0, 2**32 - 1)


def numpy_answer(code: str) -> str:
    """Run the question's NumPy line: its statements, then the value of its last expression."""
    *statements, expression = code.split("; ")
    namespace = {"np": np}
    exec("; ".join(statements), namespace)  # the question's own fixed code, not user input
    return str(eval(expression, namespace))


@given(SEEDS)
def test_the_answer_is_numpys(seed):
    q = data_shape_question(seed)
    assert q.options[q.answer] == numpy_answer(q.code)
    assert len(set(q.options)) == len(q.options) >= 3
    assert q.is_right(q.options[q.answer])


@given(SEEDS)
def test_the_prompt_gives_the_sizes_the_code_uses(seed):
    q = data_shape_question(seed)
    m, n = (int(v) for v in re.search(r"np\.zeros\(\((\d+), (\d+)\)\)", q.code).groups())
    assert f"{m} " in q.prompt
    sizes = re.search(r"(\d+) × (\d+) pixels", q.prompt)
    if sizes:  # a picture: n is its pixels, read row by row
        assert int(sizes[1]) * int(sizes[2]) == n
    else:
        assert f" {n} " in q.prompt
    assert f"({m}, {n})" in q.explanation and f"({m},)" in q.explanation and f"({n},)" in q.explanation


def test_every_kind_and_every_array_is_asked():
    questions = [data_shape_question(seed) for seed in range(200)]
    asked = {re.search(r"shape of (.*)\?$", q.prompt)[1] for q in questions}
    assert asked == {"X", "y", "x = X[0]"}
    kinds = {re.search(r"holds \d+ (\w+)", q.prompt)[1] for q in questions}
    assert kinds == {"pictures", "sentences", "houses", "sounds", "cells"}


def test_the_data_page_kind_is_registered():
    assert QUESTIONS["data_shape"] is data_shape_question
