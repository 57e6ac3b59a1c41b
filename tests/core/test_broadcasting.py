"""core.broadcasting against np.broadcast_shapes and np.broadcast_to."""

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from core.broadcasting import (
    OPERATIONS,
    BroadcastError,
    broadcast_shape,
    check_axes,
    combine,
    copied_cells,
    fixes,
    parse_operand,
    source_index,
    stretch,
)
from core.text import InputError

shapes = hnp.array_shapes(min_dims=0, max_dims=3, min_side=1, max_side=4)


def numpy_shape(sa, sb):
    try:
        return np.broadcast_shapes(sa, sb)
    except ValueError:
        return None


@given(shapes, shapes)
def test_broadcast_shape_matches_numpy(sa, sb):
    expected = numpy_shape(sa, sb)
    if expected is None:
        with pytest.raises(BroadcastError) as err:
            broadcast_shape(sa, sb)
        assert "operands could not be broadcast together with shapes" in str(err.value)
        failing = next(c for c in check_axes(sa, sb) if c.axis == err.value.axis)
        assert failing.status == "mismatch"
        # NumPy itself refuses the same arrays, with the same opening words.
        with pytest.raises(ValueError, match="operands could not be broadcast together"):
            np.zeros(sa) + np.zeros(sb)
    else:
        assert broadcast_shape(sa, sb) == expected


@given(hnp.mutually_broadcastable_shapes(num_shapes=2, min_dims=0, max_dims=3, max_side=4))
def test_compatible_shapes_and_stretch_match_numpy(shapes_pair):
    sa, sb = shapes_pair.input_shapes
    assert broadcast_shape(sa, sb) == shapes_pair.result_shape
    a = np.arange(int(np.prod(sa))).reshape(sa)
    out = shapes_pair.result_shape
    np.testing.assert_array_equal(stretch(a, out), np.broadcast_to(a, out))
    assert all(c.status != "mismatch" for c in check_axes(sa, sb))


@given(
    hnp.mutually_broadcastable_shapes(num_shapes=2, min_dims=0, max_dims=3, max_side=4),
    st.sampled_from(sorted(OPERATIONS)),
)
def test_combine_matches_numpy_operators(shapes_pair, op):
    sa, sb = shapes_pair.input_shapes
    a = np.arange(1, int(np.prod(sa)) + 1, dtype=float).reshape(sa)
    b = np.arange(2, int(np.prod(sb)) + 2, dtype=float).reshape(sb)
    expected = {"add": a + b, "subtract": a - b, "multiply": a * b, "divide": a / b}[op]
    np.testing.assert_allclose(combine(a, b, op), expected)


@given(hnp.mutually_broadcastable_shapes(num_shapes=2, min_dims=0, max_dims=3, max_side=4))
def test_copied_cells_and_source_index(shapes_pair):
    sa, _ = shapes_pair.input_shapes
    out = shapes_pair.result_shape
    a = np.arange(int(np.prod(sa))).reshape(sa)
    big = np.broadcast_to(a, out)
    mask = copied_cells(sa, out)
    # Exactly a.size cells are originals; every cell reads its value from source_index.
    assert (~mask).sum() == a.size
    for idx in np.ndindex(*out):
        assert big[idx] == a[source_index(idx, sa)]
        assert mask[idx] == (
            source_index(idx, sa) != idx[len(out) - len(sa) :] or any(i > 0 for i in idx[: len(out) - len(sa)])
        )


def test_rule_axis_by_axis_for_the_slide_examples():
    assert [c.status for c in check_axes((4, 3), (3,))] == ["stretch b", "equal"]
    assert [c.status for c in check_axes((4, 1), (1, 3))] == ["stretch b", "stretch a"]
    checks = check_axes((4, 3), (4,))
    assert [c.status for c in checks] == ["stretch b", "mismatch"]
    assert checks[-1].len_a == 3 and checks[-1].len_b == 4 and checks[0].len_b is None
    assert broadcast_shape((3,), ()) == (3,)


@given(shapes, shapes)
def test_every_suggested_fix_broadcasts(sa, sb):
    for name, expression, new in fixes(sa, sb):
        other = sa if name == "b" else sb
        assert np.broadcast_shapes(new, other)
        array = np.zeros(sb if name == "b" else sa)
        reshaped = eval(expression, {"np": np, name: array})  # our own fixed expression, not input
        assert reshaped.shape == new


def test_fix_for_the_failing_slide_example_is_newaxis():
    assert fixes((4, 3), (4,))[0] == ("b", "b[:, np.newaxis]", (4, 1))


@given(shapes, shapes)
def test_error_message_is_numpys_own(sa, sb):
    if numpy_shape(sa, sb) is None:
        with pytest.raises(ValueError) as numpy_error:
            np.zeros(sa) + np.zeros(sb)
        with pytest.raises(BroadcastError) as ours:
            broadcast_shape(sa, sb)
        assert str(ours.value) == str(numpy_error.value).strip()


@pytest.mark.parametrize("text", ["1e7", "1, 2, -3e6", "nan", "abc", ""])
def test_parse_operand_refuses_what_a_picture_cannot_show(text):
    with pytest.raises(InputError):
        parse_operand(text)


def test_parse_operand_reads_the_contract_syntax():
    assert parse_operand("2").shape == ()
    assert parse_operand("1 2 3; 4 5 6").shape == (2, 3)
    assert parse_operand("[[[1], [2]], [[3], [4]]]").shape == (2, 2, 1)
