"""core.datasets: the blocks of rows a live slider covers, the window of rows on screen, spectra at once."""

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from core import datasets as ds


@given(st.integers(1, 5000), st.integers(1, 300), st.data())
def test_a_block_holds_the_row_and_tiles_the_table(m, size, data):
    row = data.draw(st.integers(0, m - 1))
    block = ds.row_block(m, row, size)
    assert row in block and block.start % size == 0 and 0 < len(block) <= size
    assert block.stop == min(block.start + size, m)
    assert ds.row_block(m, block.start, size) == ds.row_block(m, block.stop - 1, size) == block


def test_rows_outside_the_table_have_no_block():
    with pytest.raises(IndexError, match="0 to 149"):
        ds.row_block(150, 150, 150)


@given(st.integers(0, 2000), st.integers(1, 200), st.integers(1, 20), st.data())
def test_a_window_holds_the_row_as_near_the_middle_as_the_ends_allow(start, length, count, data):
    rows = range(start, start + length)
    row = data.draw(st.integers(rows.start, rows.stop - 1))
    shown = ds.window(rows, row, count)
    assert row in shown and shown.start >= rows.start and shown.stop <= rows.stop
    assert len(shown) == min(count, length)
    if shown.start > rows.start and shown.stop < rows.stop:  # not pushed by an end: centred
        assert shown.start == row - count // 2


def test_a_window_refuses_a_row_outside_its_rows():
    with pytest.raises(IndexError):
        ds.window(range(10, 20), 25, 5)


def test_spectra_are_each_signals_spectrum():
    signals = np.asarray(ds.load("sound").raws)
    f, amplitudes = ds.spectra(signals)
    assert amplitudes.shape == (ds.SOUND_COUNT, ds.SOUND_SAMPLES // 2 + 1)
    for i in (0, 17, 39):
        g, a = ds.spectrum(signals[i])
        np.testing.assert_array_equal(f, g)
        np.testing.assert_allclose(amplitudes[i], a, atol=1e-12)


def test_decimals_are_given_for_every_example():
    assert set(ds.DECIMALS) == set(ds.EXAMPLES)
    for example, decimals in ds.DECIMALS.items():
        X = ds.load(example).X
        if decimals == 0:
            assert np.array_equal(X, np.round(X)), example  # whole numbers, written without decimals
        if example == "iris":
            assert np.allclose(X, np.round(X, 1))
