"""core.matmul against NumPy: every step, the outer-product sum and the shape rule."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from core.matmul import (
    ShapeMismatch,
    cell_of_step,
    dot_expression,
    matmul_steps,
    outer_terms,
    parse_matrix,
    partial_product,
    random_small_matrices,
    result_shape,
)
from core.text import InputError

sizes = st.integers(1, 8)
entries = st.floats(-100, 100, allow_nan=False, allow_infinity=False)


@st.composite
def matching_pair(draw):
    m, k, p = draw(sizes), draw(sizes), draw(sizes)
    return draw(arrays(float, (m, k), elements=entries)), draw(arrays(float, (k, p), elements=entries))


@settings(max_examples=60, deadline=None)
@given(matching_pair())
def test_steps_rebuild_np_matmul_in_row_major_order(pair):
    a, b = pair
    expected = np.matmul(a, b)
    steps = matmul_steps(a, b)
    assert len(steps) == expected.size
    assert [(s.i, s.j) for s in steps] == list(np.ndindex(*expected.shape))
    for number, s in enumerate(steps, start=1):
        assert cell_of_step(number, expected.shape[1]) == (s.i, s.j)
        np.testing.assert_allclose(s.products, a[s.i, :] * b[:, s.j])
        assert s.value == pytest.approx(expected[s.i, s.j], rel=1e-9, abs=1e-9)


@settings(max_examples=60, deadline=None)
@given(matching_pair())
def test_outer_products_sum_to_np_matmul(pair):
    a, b = pair
    terms = outer_terms(a, b)
    assert terms.shape == (a.shape[1], a.shape[0], b.shape[1])
    for t in range(a.shape[1]):
        np.testing.assert_allclose(terms[t], np.outer(a[:, t], b[t, :]))
    np.testing.assert_allclose(terms.sum(axis=0), np.matmul(a, b), rtol=1e-9, atol=1e-9)


@settings(max_examples=40, deadline=None)
@given(matching_pair(), st.integers(0, 64))
def test_partial_product_marks_the_first_cells(pair, step):
    a, b = pair
    c, done = partial_product(a, b, step)
    np.testing.assert_allclose(c, np.matmul(a, b))
    assert done.sum() == min(step, c.size)
    assert done.ravel().tolist() == sorted(done.ravel().tolist(), reverse=True)  # row-major prefix


@given(sizes, sizes, sizes, sizes)
def test_shape_rule_agrees_with_numpy(m, k_a, k_b, p):
    a, b = np.ones((m, k_a)), np.ones((k_b, p))
    if k_a == k_b:
        assert result_shape(a.shape, b.shape) == np.matmul(a, b).shape
    else:
        with pytest.raises(ValueError):
            np.matmul(a, b)
        with pytest.raises(ShapeMismatch) as err:
            result_shape(a.shape, b.shape)
        assert f"({m}, {k_a})" in str(err.value) and f"({k_b}, {p})" in str(err.value)
        with pytest.raises(ShapeMismatch):
            matmul_steps(a, b)


def test_mismatch_message_names_both_shapes_and_the_sizes():
    with pytest.raises(ShapeMismatch, match=r"\(2, 5\).*\(4, 3\).*columns of A \(5\).*rows of B \(4\)"):
        result_shape((2, 5), (4, 3))


def test_step_zero_has_no_cell():
    assert cell_of_step(0, 3) is None
    assert cell_of_step(1, 3) == (0, 0)
    assert cell_of_step(4, 3) == (1, 0)


def test_dot_expression_writes_the_sum_with_numbers():
    a = np.array([[1.0, -2.0, 0.5]])
    b = np.array([[3.0], [4.0], [2.0]])
    step = matmul_steps(a, b)[0]
    assert dot_expression(step, a[0], b[:, 0]) == "C[0, 0] = 1*3 + (-2)*4 + 0.5*2 = -4"
    assert step.value == (a @ b)[0, 0]


@given(sizes, sizes, sizes, st.integers(0, 9999))
def test_random_small_matrices_are_reproducible_small_integers(m, k, p, seed):
    a, b = random_small_matrices(m, k, p, seed)
    assert a.shape == (m, k) and b.shape == (k, p)
    for x in (a, b):
        assert np.all(x == np.round(x)) and x.min() >= 0 and x.max() <= 5
    again = random_small_matrices(m, k, p, seed)
    np.testing.assert_array_equal(a, again[0])
    np.testing.assert_array_equal(b, again[1])


def test_parse_matrix_reads_matrices_and_refuses_other_arrays():
    np.testing.assert_array_equal(parse_matrix("1, 2; 3, 4"), [[1, 2], [3, 4]])
    assert parse_matrix("[[1, 2, 3]]").shape == (1, 3)
    assert parse_matrix("1; 2").shape == (2, 1)
    for text, words in (
        ("1, 2, 3", "vector of shape (3,)"),
        ("7", "single number"),
        ("[[[1]]]", "3 axes"),
        ("1, x", "not a number"),
    ):
        with pytest.raises(InputError, match=words.replace("(", r"\(").replace(")", r"\)")):
            parse_matrix(text)
