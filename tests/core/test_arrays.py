"""core.arrays against NumPy."""

import numpy as np
from hypothesis import given
from hypothesis.extra import numpy as hnp

from core.arrays import arange_array, array_size, index_labels


@given(hnp.array_shapes(min_dims=0, max_dims=4, max_side=6))
def test_arange_array_matches_numpy(shape):
    expected = np.arange(np.prod(shape, dtype=int)).reshape(shape)
    got = arange_array(shape)
    assert got.shape == expected.shape
    np.testing.assert_array_equal(got, expected)
    assert array_size(shape) == expected.size


def test_index_labels_read_the_element():
    a = arange_array((2, 3, 2))
    labels = index_labels((2, 3, 2))
    assert labels[1, 2, 0] == "a[1, 2, 0]"
    assert a[1, 2, 0] == np.ravel_multi_index((1, 2, 0), (2, 3, 2))
