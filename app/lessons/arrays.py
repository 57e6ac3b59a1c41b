"""Arrays and shapes: the words of the page."""

from __future__ import annotations

import numpy as np

from core.text import format_shape

TITLE = "Arrays and shapes"
INTRO = (
    "A NumPy array is a grid of numbers with any number of **axes**. Its **shape** lists the "
    "length of each axis, **ndim** counts the axes, and **size** counts the numbers. "
    "Move the sliders and watch `np.arange(size).reshape(shape)` fill the cells in order."
)
IDEAS = ["Shape, ndim and size", "The values", "What to notice", "Predict, then check", "The NumPy code"]
SLIDER_HELP = "Arrow keys step by 1, Home and End go to the ends."
VALUES_TITLE = "The values, as NumPy prints them"
NOTICE_TITLE = "What to notice"
NOTICE = (
    "The size is the product of the shape. A colour image is a 3-D array (height, width, colour "
    "channel); a batch of images adds a fourth axis. Deep-learning code is mostly about keeping "
    "track of these shapes, which is what the next pages practise."
)


def caption(shape: tuple[int, ...]) -> str:
    """What the picture shows, for an array of ``shape``."""
    words = {
        1: "A 1-D array is a row of numbers: one axis.",
        2: "A 2-D array is a grid: axis 0 runs down the rows, axis 1 across the columns.",
        3: f"A 3-D array is a stack of {shape[0]} grids of shape {format_shape(shape[1:])}: axis 0 picks the "
        "grid (a[0] in front), axis 1 the row, axis 2 the column.",
    }[len(shape)]
    return words + " Point at a cell to see how to index it."


def readout(shape: tuple[int, ...]) -> str:
    """The live readout under the sliders."""
    return f"shape {format_shape(shape)} · ndim {len(shape)} · size {int(np.prod(shape))}"


def values_notes(array: np.ndarray) -> str:
    """Where the last element sits, and what reshape keeps."""
    last = tuple(n - 1 for n in array.shape)
    return (
        f"- The last element is `a[{', '.join(map(str, last))}] = {array[last]}`: "
        "indices start at 0, so the last index on each axis is its length minus 1.\n"
        f"- `reshape` never changes the numbers, only how they are grouped: any shape whose lengths "
        f"multiply to {array.size} works, e.g. `a.reshape({array.size})` or `a.reshape(-1, {array.shape[-1]})`.\n"
        "- The last axis changes fastest when counting along the cells (row-major, or C, order)."
    )


def size_formula(shape: tuple[int, ...]) -> str:
    """size = n_0 · n_1 · … in LaTeX, with the current lengths."""
    return (
        r"\text{size} = \prod_{k=0}^{\text{ndim}-1} n_k = "
        + r" \cdot ".join(map(str, shape))
        + f" = {int(np.prod(shape))}"
    )


def code(shape: tuple[int, ...]) -> str:
    """The NumPy code that prints the page's figures."""
    return f"""
        import numpy as np

        a = np.arange({int(np.prod(shape))}).reshape({shape})
        print("ndim =", a.ndim)
        print("size =", a.size)
        print("shape =", a.shape)
        print(a)
    """
