"""core.data: the points readers (pasted text, CSV files), the generated houses and the split."""

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.data import MAX_POINTS, format_points, house_prices, parse_csv, parse_points, split_mask
from core.text import InputError


@pytest.mark.parametrize("text", ["1, 2; 3, 4; 5, 6", "1 2\n3 4\n5 6", "1,2;3,4;5,6;", " 1\t2 ;\n 3, 4 ; 5 6 "])
def test_parse_points_reads_each_separator(text):
    x, y = parse_points(text)
    np.testing.assert_array_equal(x, [1, 3, 5])
    np.testing.assert_array_equal(y, [2, 4, 6])


@pytest.mark.parametrize(
    "text, words",
    [
        ("", "empty"),
        ("   \n ", "empty"),
        ("1, 2; 3", "point 2"),
        ("1, 2, 3; 4, 5, 6", "3 values"),
        ("1, two; 3, 4", "not a number"),
        ("1, nan; 2, 3", "finite"),
        ("1, inf; 2, 3", "finite"),
        ("1, 2", "at least 2"),
        ("1, 2; 1, 3", "same x"),
        ("[[1, 2]]", "not a number"),
    ],
)
def test_parse_points_refuses_with_a_reason(text, words):
    with pytest.raises(InputError, match=words):
        parse_points(text)


def test_parse_points_caps_the_number_of_points():
    many = "; ".join(f"{i}, {i}" for i in range(MAX_POINTS + 1))
    with pytest.raises(InputError, match="10,000"):
        parse_points(many)
    x, _ = parse_points("; ".join(f"{i}, {i}" for i in range(MAX_POINTS)))
    assert x.shape == (MAX_POINTS,)  # 10,000 points are not limited to 64 like drawn arrays


@given(
    st.lists(st.tuples(st.floats(-1e6, 1e6), st.floats(-1e6, 1e6)), min_size=2, max_size=40).filter(
        lambda p: len({a for a, _ in p}) > 1
    )
)
def test_format_points_reads_back(points):
    x, y = np.array(points).T
    x2, y2 = parse_points(format_points(x, y))
    np.testing.assert_allclose(x2, x, rtol=1e-5, atol=1e-9)
    np.testing.assert_allclose(y2, y, rtol=1e-5, atol=1e-9)


@pytest.mark.parametrize(
    "content",
    [
        b"area,price\n1,2\n3,4\n",
        b"1,2\n3,4",
        b"1;2\n3;4\n",
        b"x\ty\n1\t2\n3\t4",
        b"1 2\n3 4\n",
        "\ufeffarea,price\r\n1,2\r\n3,4\r\n".encode(),
        b'"a","b"\n"1","2"\n"3","4"\n',
        b"1,2,\n3,4,\n\n",
    ],
)
def test_parse_csv_reads_common_files(content):
    x, y = parse_csv(content)
    np.testing.assert_array_equal(x, [1, 3])
    np.testing.assert_array_equal(y, [2, 4])


def test_parse_csv_matches_numpy_loadtxt(tmp_path):
    rng = np.random.default_rng(1)
    data = rng.normal(size=(50, 2))
    path = tmp_path / "points.csv"
    np.savetxt(path, data, delimiter=",", header="x,y", comments="")
    x, y = parse_csv(path.read_bytes())
    np.testing.assert_allclose(np.column_stack([x, y]), np.loadtxt(path, delimiter=",", skiprows=1))


@pytest.mark.parametrize(
    "content, words",
    [
        (b"", "empty"),
        (b"\n\n", "empty"),
        (b"area,price\n", "only a header"),
        (b"1,2\n3,x\n", "line 2"),
        (b"1\n2\n3\n", "1 value"),
        (b"1,2,3\n4,5,6\n", "3 values"),
        (b"\xff\xfe\x00\x01", "not text"),
        (b"1,2\x00\n3,4", "not text"),
        (b"1,2\n3,nan\n", "finite"),
        (b"a,b\n1,2\nc,d\n", "line 3"),
        (b"1,abc\n2,3\n4,5\n", "line 1"),
    ],
)
def test_parse_csv_refuses_with_a_reason(content, words):
    with pytest.raises(InputError, match=words):
        parse_csv(content)


def test_parse_csv_limits_rows_and_bytes():
    rows = "\n".join(f"{i},{i}" for i in range(MAX_POINTS + 1)).encode()
    with pytest.raises(InputError, match="rows"):
        parse_csv(rows)
    with pytest.raises(InputError, match="1 MB"):
        parse_csv(b"1,2\n" * 300_000)


def test_house_prices_are_reproducible_and_follow_the_documented_recipe():
    x, y = house_prices(30, 0.5, 7)
    rng = np.random.default_rng(7)
    x_ref = rng.uniform(0.4, 2.0, size=30)
    y_ref = 3.0 * x_ref + 0.5 + rng.normal(0.0, 0.5, size=30)
    np.testing.assert_array_equal(x, x_ref)
    np.testing.assert_array_equal(y, y_ref)
    assert x.min() >= 0.4 and x.max() <= 2.0
    x0, y0 = house_prices(30, -0.0, 7)  # "-0" in a URL reads as -0.0
    np.testing.assert_allclose(y0, 3.0 * x0 + 0.5)
    with pytest.raises(ValueError, match="negative"):
        house_prices(30, -0.1, 7)


@given(st.integers(3, 500), st.floats(0.05, 0.9), st.integers(0, 9999))
def test_split_mask_holds_out_the_stated_share(n, fraction, seed):
    mask = split_mask(n, fraction, seed)
    assert mask.shape == (n,) and mask.dtype == bool
    assert mask.sum() >= 1 and (~mask).sum() >= 2
    expected = np.zeros(n, bool)
    expected[np.random.default_rng(seed).permutation(n)[: mask.sum()]] = True
    np.testing.assert_array_equal(mask, expected)


@pytest.mark.parametrize("text", ["1e300, 1; 2, 3", "1, 2; 3, -1e101"])
def test_numbers_whose_squares_overflow_are_refused(text):
    with pytest.raises(InputError, match="too large"):
        parse_points(text)
    x, _ = parse_points("1e100, 1; 2, 3")
    assert np.isfinite(np.sum(x * x))


@given(
    st.lists(
        st.tuples(st.floats(-1e100, 1e100, allow_nan=False), st.floats(-1e100, 1e100, allow_nan=False)), min_size=2
    ).filter(lambda p: len({a for a, _ in p}) > 1)
)
def test_format_points_reads_back_exactly(points):
    x, y = np.array(points).T
    x2, y2 = parse_points(format_points(x, y))
    np.testing.assert_array_equal(x2, x + 0.0)
    np.testing.assert_array_equal(y2, y + 0.0)
