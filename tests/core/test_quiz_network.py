"""core.quiz's network question: the count of weights and biases is the arrays' sizes."""

import re

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from core import network as nw
from core.quiz import QUESTIONS, network_params_question


@given(st.integers(0, 2**32 - 1))
def test_the_answer_is_the_number_of_weights_and_biases(seed):
    q = network_params_question(seed)
    n = int(re.search(r"n = (\d+) features", q.prompt).group(1))
    units = re.search(r"hidden layer of (\d+) units?", q.prompt)
    k = int(units.group(1)) if units else 0
    shapes = [(n, k), (k,), (k,), (1,)] if k else [(n,), (1,)]
    right = sum(np.zeros(s).size for s in shapes)
    assert right == nw.n_params(k, n)
    assert q.options[q.answer] == str(right) and str(right) in q.explanation
    assert len(set(q.options)) == len(q.options) == 4
    assert f"np.zeros({n})" in q.code or f"np.zeros(({n}, {k}))" in q.code


def test_questions_vary_and_sometimes_have_no_hidden_layer():
    questions = [network_params_question(s) for s in range(60)]
    assert len({q.prompt for q in questions}) > 15
    assert any("no hidden layer" in q.prompt for q in questions)
    assert {q.answer for q in questions} == {0, 1, 2, 3}
    assert QUESTIONS["network_params"] is network_params_question
