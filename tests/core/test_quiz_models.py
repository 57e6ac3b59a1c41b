"""core.quiz's model question: how many parameters, counted from the arrays and from scikit-learn."""

import re
import subprocess
import sys

import numpy as np
from hypothesis import given
from hypothesis import strategies as st
from sklearn.preprocessing import PolynomialFeatures

from core.quiz import QUESTIONS, model_params_question


def counted(prompt: str) -> int:
    """The count the prompt asks for, worked out here from the shapes of the parameters."""
    n = int(re.search(r"n = (\d+) features?\b", prompt).group(1))
    if degree := re.search(r"degree d = (\d+)", prompt):
        return PolynomialFeatures(int(degree.group(1))).fit(np.zeros((1, n))).n_output_features_
    if units := re.search(r"h = (\d+) units?\b", prompt):
        h = int(units.group(1))
        return sum(np.zeros(s).size for s in [(n, h), (h,), (h,), (1,)])
    return np.zeros(n).size + 1  # linear or logistic: w and b


@given(st.integers(0, 2**32 - 1))
def test_the_answer_is_the_count_of_parameters(seed):
    q = model_params_question(seed)
    right = counted(q.prompt)
    assert q.options[q.answer] == str(right)
    assert str(right) in q.explanation
    assert len(set(q.options)) == len(q.options) == 4
    assert all(int(option) > 0 for option in q.options)


def test_the_settling_code_gives_the_answer():
    # one question of each kind, its code run as a student would run it
    by_kind = {}
    for seed in range(60):
        q = model_params_question(seed)
        by_kind.setdefault(q.prompt.split(", and ")[1].split()[1], q)
    assert len(by_kind) == 4, by_kind.keys()
    for q in by_kind.values():
        *setup, last = q.code.split("; ")
        program = "import math\nimport numpy as np\n" + "\n".join(setup) + f"\nprint({last})"
        done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, timeout=120)
        assert done.stdout.strip() == q.options[q.answer], (q.code, done.stderr)


def test_questions_vary_over_the_four_kinds():
    questions = [model_params_question(s) for s in range(80)]
    assert len({q.prompt for q in questions}) > 20
    for word in ("linear model", "polynomial model", "logistic model", "network"):
        assert any(word in q.prompt for q in questions), word
    assert any("n = 1 feature," in q.prompt for q in questions)  # singular at 1
    assert {q.answer for q in questions} == {0, 1, 2, 3}
    assert QUESTIONS["model_params"] is model_params_question
