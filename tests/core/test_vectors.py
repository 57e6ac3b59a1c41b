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
    length_mismatch,
    measures,
    norm,
    outer,
    parse_vector,
    projection,
    rank_of_outer,
    resized,
    slider_value,
    slider_vectors,
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


@given(st.integers(2, 3).flatmap(lambda n: st.lists(st.tuples(vectors(n), vectors(n)), min_size=1, max_size=6)))
def test_measures_of_many_pairs_are_the_scalar_functions(pairs):
    a, b = np.array([p[0] for p in pairs]), np.array([p[1] for p in pairs])
    m = measures(a, b)
    for i, (x, y) in enumerate(pairs):
        assert m["dot"][i] == pytest.approx(dot(x, y), rel=1e-12, abs=1e-9)
        assert m["norm_a"][i] == pytest.approx(norm(x)) and m["norm_b"][i] == pytest.approx(norm(y))
        if cos_angle(x, y) is None:
            assert np.isnan(m["cos"][i]) and np.isnan(m["angle"][i])
        else:
            assert m["cos"][i] == pytest.approx(cos_angle(x, y), abs=1e-12)
            # arccos near cos = 1 turns rounding into ~1e-6 degrees; the page shows 4 decimals
            assert m["angle"][i] == pytest.approx(angle_degrees(x, y), abs=1e-5)
        if projection(y, x) is None:
            assert np.isnan(m["projection"][i]).all()
        else:
            np.testing.assert_allclose(m["projection"][i], projection(y, x), atol=1e-9)


def test_slider_vectors_keep_what_the_slider_does_not_set():
    b = np.array([0.999848, 0.017452])
    turned = slider_vectors(b, "angle", [0, 90, -135])
    np.testing.assert_allclose(np.hypot(*turned.T), norm(b), atol=1e-4)  # the length stays
    np.testing.assert_allclose(turned[1], [0, 1])
    stretched = slider_vectors(np.array([3.0, 4.0]), "len", [10])
    np.testing.assert_array_equal(stretched, [[6, 8]])  # the direction stays
    np.testing.assert_array_equal(slider_vectors([1, 2, 3], "2", [-5, 0]), [[1, 2, -5], [1, 2, 0]])
    assert np.all(slider_vectors(b, "angle", [33]) == np.round(slider_vectors(b, "angle", [33]), 4))
    assert (slider_value(b, "angle"), slider_value(b, "len")) == pytest.approx((1.0, 1.0), abs=1e-4)
    assert slider_value([1, 2, 3], "2") == 3


def test_length_mismatch_is_none_when_the_lengths_fit():
    assert length_mismatch([1, 2], [3, 4]) is None
    assert "not aligned" in str(length_mismatch([1, 2], [1, 2, 3]))


def test_resized_cuts_or_extends_with_the_next_whole_numbers():
    assert resized(np.array([4.0, -1.0]), 5).tolist() == [4, -1, 3, 4, 5]
    assert resized(np.array([4.0, -1.0, 7.0]), 1).tolist() == [4]
    assert rank_of_outer([0, 0], [1, 2]) == 0 and rank_of_outer([1, 0], [0, 2]) == 1
