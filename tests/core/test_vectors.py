"""core.vectors against np.dot, np.linalg.norm and np.outer."""

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from core.text import InputError
from core.vectors import (
    LengthMismatch,
    angle_degrees,
    cos_angle,
    dot,
    dot_terms,
    from_polar,
    norm,
    outer,
    parse_vector,
    projection,
    to_polar,
)

# Numbers as a person types them (3 decimals): no underflow games with 1e-300.
finite = st.floats(-1e3, 1e3, allow_nan=False, allow_infinity=False).map(lambda v: round(v, 3))


def vectors(n):
    return hnp.arrays(float, n, elements=finite)


@given(st.integers(1, 8).flatmap(lambda n: st.tuples(vectors(n), vectors(n))))
def test_dot_and_norm_match_numpy(pair):
    a, b = pair
    assert dot(a, b) == pytest.approx(np.dot(a, b), rel=1e-9, abs=1e-6)
    assert sum(dot_terms(a, b)) == pytest.approx(np.dot(a, b), rel=1e-9, abs=1e-6)
    assert norm(a) == pytest.approx(np.linalg.norm(a), rel=1e-12)


@given(st.integers(2, 3).flatmap(lambda n: st.tuples(vectors(n), vectors(n))))
def test_cosine_angle_and_projection(pair):
    a, b = pair
    na, nb = np.linalg.norm(a), np.linalg.norm(b)
    if na == 0 or nb == 0:
        assert cos_angle(a, b) is None and angle_degrees(a, b) is None
    else:
        cos = cos_angle(a, b)
        assert -1 <= cos <= 1
        assert cos == pytest.approx(np.clip(np.dot(a, b) / (na * nb), -1, 1), abs=1e-9)
        assert 0 <= angle_degrees(a, b) <= 180
        p = projection(b, a)
        np.testing.assert_allclose(p, np.dot(a, b) / np.dot(a, a) * a, rtol=1e-7, atol=1e-6)
        # What is left of b after the projection is perpendicular to a.
        assert np.dot(b - p, a) == pytest.approx(0, abs=1e-6 * (1 + na * nb))


def test_slide_examples():
    a, b = np.array([1.0, 0.0]), np.array([0.9998, 0.0175])
    assert f"{dot(a, b):.4f}" == "0.9998"
    assert angle_degrees(a, b) == pytest.approx(1.0, abs=0.01)
    assert cos_angle([1, 2], [2, 4]) == pytest.approx(1)
    assert cos_angle([1, 0], [0, 3]) == pytest.approx(0)
    assert angle_degrees([1, 1], [-2, -2]) == pytest.approx(180)
    assert angle_degrees([0, 0], [1, 2]) is None
    assert projection([1, 2], [0, 0]) is None


def test_length_mismatch_uses_numpys_words():
    with pytest.raises(LengthMismatch, match=r"shapes \(2,\) and \(3,\) not aligned"):
        dot([1, 2], [1, 2, 3])
    with pytest.raises(ValueError, match=r"shapes \(2,\) and \(3,\) not aligned"):
        np.dot([1, 2], [1, 2, 3])


@given(st.floats(0, 10), st.floats(-179, 179))
def test_polar_round_trip(length, degrees):
    v = from_polar(length, degrees)
    np.testing.assert_allclose(v, [length * math.cos(math.radians(degrees)), length * math.sin(math.radians(degrees))])
    r, phi = to_polar(v)
    assert r == pytest.approx(length, abs=1e-9)
    if length > 1e-6:
        assert phi == pytest.approx(degrees, abs=1e-6)


@given(st.integers(1, 8).flatmap(vectors), st.integers(1, 8).flatmap(vectors))
def test_outer_matches_numpy_and_has_rank_one(w, x):
    m = outer(w, x)
    np.testing.assert_array_equal(m, np.outer(w, x))
    assert m.shape == (w.size, x.size)
    if np.any(w) and np.any(x):
        assert np.linalg.matrix_rank(m, tol=1e-9 * np.abs(m).max()) == 1


@pytest.mark.parametrize(
    "text, reason",
    [("1; 2", "shape"), ("1, 2, 3, 4", "use 2 to 3"), ("5", "use 2 to 3"), ("1e7, 0", "1e6"), ("x", "not a number")],
)
def test_parse_vector_refuses_with_a_reason(text, reason):
    with pytest.raises(InputError, match=reason):
        parse_vector(text, min_len=2, max_len=3)


def test_parse_vector_reads_rows():
    np.testing.assert_array_equal(parse_vector("[1, 2, 3]"), [1, 2, 3])
    np.testing.assert_array_equal(parse_vector("0.9998 0.0175", min_len=2, max_len=3), [0.9998, 0.0175])
