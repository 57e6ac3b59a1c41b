"""core.text: the array, shape and number readers, against NumPy, and every refusal."""

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from core.text import (
    InputError,
    format_array,
    format_figure,
    format_number,
    format_shape,
    parse_array,
    parse_number,
    parse_shape,
)


@pytest.mark.parametrize(
    "text, shape",
    [
        ("2", ()),
        ("1, 2, 3", (3,)),
        ("1 2 3", (3,)),
        ("1 2 3; 4 5 6", (2, 3)),
        ("1; 2; 3", (3, 1)),
        ("[[1, 2, 3]]", (1, 3)),
        ("[1, 2]", (2,)),
        ("[[[1, 2], [3, 4]], [[5, 6], [7, 8]]]", (2, 2, 2)),
        ("  -1.5e3 , +2 ", (2,)),
        ("1,2;3,4", (2, 2)),
        (".5", ()),
    ],
)
def test_parse_array_shapes(text, shape):
    assert parse_array(text).shape == shape


def test_parse_array_values_match_numpy():
    np.testing.assert_array_equal(parse_array("1 2 3; 4 5 6"), np.array([[1, 2, 3], [4, 5, 6]], float))
    np.testing.assert_array_equal(parse_array("[[1.5, -2], [3e2, 4]]"), np.array([[1.5, -2], [300, 4]]))


@pytest.mark.parametrize(
    "text, words",
    [
        ("", "empty"),
        ("   ", "empty"),
        ("nan", "finite"),
        ("1, inf", "finite"),
        ("-Infinity", "finite"),
        ("abc", "not a number"),
        ("1, two", "not a number"),
        ("1 2; 3", "different lengths"),
        ("[[1, 2], [3]]", "ragged"),
        ("[[1, 2], 3]", "ragged"),
        ("[1,, 2]", "missing"),
        ("[1, 2", "missing"),
        ("[[1]]]", "unexpected"),
        ("[]", "empty"),
        ("1;;2", "empty row"),
        ("[[[[1]]]]", "deeper"),
        ("1,2,3,4,5,6,7,8,9", "at most 8"),
        (";".join(["1 2 3 4 5 6 7 8"] * 8) + "; 1 2 3 4 5 6 7 8", "at most 8"),
        (
            "[[[1,2,3,4],[1,2,3,4],[1,2,3,4],[1,2,3,4]],[[1,2,3,4],[1,2,3,4],[1,2,3,4],[1,2,3,4]],"
            "[[1,2,3,4],[1,2,3,4],[1,2,3,4],[1,2,3,4]],[[1,2,3,4],[1,2,3,4],[1,2,3,4],[1,2,3,4]],"
            "[[1,2,3,4],[1,2,3,4],[1,2,3,4],[1,2,3,4]]]",
            "at most 64",
        ),
        ("1, 2 [3]", "brackets"),
        ("__import__('os')", "not a number"),
        ("1e999", "finite"),
        ("[1 2]", "expected ','"),
        ("x" * 5000, "too long"),
    ],
)
def test_parse_array_refusals_say_why(text, words):
    with pytest.raises(InputError, match=words):
        parse_array(text)


@given(
    hnp.arrays(
        np.float64,
        hnp.array_shapes(min_dims=0, max_dims=3, max_side=4),
        elements=st.floats(-1e6, 1e6, allow_nan=False).map(lambda v: float(format_number(v))),
    )
)
def test_format_then_parse_round_trips(array):
    back = parse_array(format_array(array))
    assert back.shape == array.shape
    np.testing.assert_array_equal(back, array)


@given(st.text(max_size=60))
def test_parse_array_reads_or_refuses_any_text(text):
    try:
        array = parse_array(text)
    except InputError as err:
        assert str(err)
    else:
        assert array.size <= 64 and np.isfinite(array).all()


def test_parse_number():
    assert parse_number("2.5") == 2.5
    assert parse_number("3", integer=True) == 3 and isinstance(parse_number("3", integer=True), int)
    with pytest.raises(InputError, match="whole"):
        parse_number("2.5", integer=True)
    with pytest.raises(InputError, match="not a number"):
        parse_number("0x10")


@pytest.mark.parametrize("text, shape", [("4, 3, 2", (4, 3, 2)), ("(4, 3)", (4, 3)), ("5", (5,)), ("2 2", (2, 2))])
def test_parse_shape(text, shape):
    assert parse_shape(text) == shape


@pytest.mark.parametrize("text", ["", "0, 3", "7", "1,2,3,4", "a, b", "2.5"])
def test_parse_shape_refusals(text):
    with pytest.raises(InputError):
        parse_shape(text)


def test_formats():
    assert format_figure(0.97333) == "0.9733"
    assert format_figure(90.0) == "90"
    assert format_figure(0.5) == "0.5000"
    assert format_shape((4, 3)) == str(np.zeros((4, 3)).shape)
    assert format_shape((3,)) == "(3,)" and format_shape(()) == "()"
    assert format_number(2.0) == "2" and format_number(0.25) == "0.25"
