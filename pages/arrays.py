"""Arrays and shapes: what ndim, shape and size mean, drawn as cells."""

import streamlit as st

from app import figures, ui, url_state
from app.code_panel import show_numpy_code
from app.presentation import Ideas
from app.quiz import predict_then_check
from core.arrays import arange_array, array_size, index_labels
from core.text import parse_shape

DEFAULT_SHAPE = (4, 3, 2)
AXIS_KEYS = ("axis_0", "axis_1", "axis_2")

ui.page_header(
    "Arrays and shapes",
    "A NumPy array is a grid of numbers with any number of **axes**. Its **shape** lists the "
    "length of each axis, **ndim** counts the axes, and **size** counts the numbers. "
    "Move the sliders and watch `np.arange(size).reshape(shape)` fill the cells in order.",
)

ideas = Ideas(["Shape, ndim and size", "The values", "What to notice", "Predict, then check", "The NumPy code"])

# The URL holds one parameter, `shape`, for several sliders: read it once, write it every run.
if "ndim" not in st.session_state:
    shape_from_url = url_state.read_param("shape", DEFAULT_SHAPE, parse_shape)
    st.session_state["ndim"] = len(shape_from_url)
    for key, length in zip(AXIS_KEYS, shape_from_url):
        st.session_state[key] = length

with ideas.idea(0):
    figure_row = ui.figure_row()  # the figures go first on the page, once the sliders are read
    controls, picture = st.columns([1, 2.4], gap="large")
with controls:
    ndim = st.slider("Number of axes (ndim)", 1, 3, key="ndim")
    for key, length in zip(AXIS_KEYS[:ndim], DEFAULT_SHAPE):
        st.session_state.setdefault(key, length)  # an axis added by the ndim slider
    shape = tuple(st.slider(f"Length of axis {axis}", 1, 6, key=AXIS_KEYS[axis]) for axis in range(ndim))
url_state.write_param("shape", ", ".join(map(str, shape)))

array = arange_array(shape)
ui.figure("ndim", ndim, container=figure_row)
ui.figure("size", array_size(shape), container=figure_row)
ui.figure("shape", shape, container=figure_row)

with picture:
    fig = figures.array_cells(array, hover=index_labels(shape), height=360 if ndim == 3 else 260)
    ui.chart(fig, key="arrays_cells")
    st.caption(
        {
            1: "A 1-D array is a row of numbers: one axis.",
            2: "A 2-D array is a grid: axis 0 runs down the rows, axis 1 across the columns.",
            3: f"A 3-D array is a stack of {shape[0]} grids of shape {shape[1:]}: axis 0 picks the "
            "grid (a[0] in front), axis 1 the row, axis 2 the column.",
        }[ndim]
        + " Point at a cell to see how to index it."
    )

with ideas.idea(1):
    st.subheader("The values, as NumPy prints them")
    st.code(repr(array), language="python")
    last = tuple(n - 1 for n in shape)
    st.markdown(
        f"- The last element is `a[{', '.join(map(str, last))}] = {array[last]}`: "
        f"indices start at 0, so the last index on each axis is its length minus 1.\n"
        f"- `reshape` never changes the numbers, only how they are grouped: any shape whose lengths "
        f"multiply to {array.size} works, e.g. `a.reshape({array.size})` or `a.reshape(-1, {shape[-1]})`.\n"
        "- The last axis changes fastest when counting along the cells (row-major, or C, order)."
    )

with ideas.idea(2):
    st.subheader("What to notice")
    st.latex(
        r"\text{size} = \prod_{k=0}^{\text{ndim}-1} n_k = " + r" \cdot ".join(map(str, shape)) + f" = {array.size}"
    )
    st.markdown(
        "The size is the product of the shape. A colour image is a 3-D array (height, width, colour "
        "channel); a batch of images adds a fourth axis. Deep-learning code is mostly about keeping "
        "track of these shapes, which is what the next pages practise."
    )

with ideas.idea(3):
    predict_then_check("reshape")

with ideas.idea(4):
    show_numpy_code(
        f"""
        import numpy as np

        a = np.arange({array.size}).reshape({shape})
        print("ndim =", a.ndim)
        print("size =", a.size)
        print("shape =", a.shape)
        print(a)
    """,
        expanded=ideas.presenting,
    )
