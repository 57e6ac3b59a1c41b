"""N-dimensional arrays: shape, number of axes, size, and where each element sits."""

from __future__ import annotations

import math

import numpy as np


def arange_array(shape: tuple[int, ...]) -> np.ndarray:
    """The numbers ``0 .. size - 1`` laid out in ``shape``: ``np.arange(size).reshape(shape)``.

    Row-major (C) order: the last axis changes fastest.
    """
    return np.arange(array_size(shape)).reshape(shape)


def array_size(shape: tuple[int, ...]) -> int:
    """Number of elements: the product of the axis lengths, ``size = n_0 · n_1 · … · n_{d-1}``.

    The empty product is 1, so a scalar (shape ``()``) holds one number.
    """
    return math.prod(shape)


def index_labels(shape: tuple[int, ...], name: str = "a") -> np.ndarray:
    """For each position, the expression that reads it, e.g. ``"a[1, 2]"``; an array of ``shape``."""
    labels = [f"{name}[{', '.join(map(str, idx))}]" for idx in np.ndindex(*shape)]
    return np.array(labels, dtype=object).reshape(shape)
