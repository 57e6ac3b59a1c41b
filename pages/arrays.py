"""Arrays and shapes: what ndim, shape and size mean, drawn as cells."""

import streamlit as st

from app import live, state, ui
from app.code_panel import show_numpy_code
from app.figures import arrays as figures
from app.lessons import arrays as text
from app.presentation import Ideas
from app.projector import current_style
from app.quiz import predict_then_check
from app.registry import page
from core.arrays import arange_array, array_size

SPEC = page("arrays")  # its state: `shape`, shown by the ndim slider and one length slider per axis
NDIM = state.slider(SPEC, "ndim", "Number of axes (ndim)", big_step=1, help=text.SLIDER_HELP)
AXES = [state.slider(SPEC, f"axis_{i}", f"Length of axis {i}", big_step=1, help=text.SLIDER_HELP) for i in range(3)]

ui.page_header(text.TITLE, text.INTRO)
ideas = Ideas(text.IDEAS)
parts = [ideas.idea(i) for i in range(len(text.IDEAS))]


@live.fragment
def follow_shape() -> None:
    """Everything the sliders change: a step reruns only this."""
    shape = state.bind(SPEC)["shape"]
    array = arange_array(shape)
    with parts[0]:
        with ui.figure_row():
            ui.figure("ndim", len(shape))
            ui.figure("size", array_size(shape))
            ui.figure("shape", shape)
        sliders = [NDIM, *AXES[: len(shape)]]
        states = {s.key: [figures.shape_after(shape, s.key, int(v)) for v in s.values] for s in sliders}
        base, sweeps = live.sweeps(figures.arange_cells, shape, states, current_style(), text.readout)
        live.element(
            "shape_sliders",
            sliders,
            {"ndim": len(shape), **{axis.key: length for axis, length in zip(AXES, shape)}},
            base,
            sweeps,
            readout=text.readout(shape),
            descriptions=[text.caption(shape)],
            on_move=lambda key, value: state.moved(SPEC, key, value),
        )
        st.caption(text.caption(shape))
    with parts[1]:
        st.subheader(text.VALUES_TITLE)
        st.code(repr(array), language="python")
        st.markdown(text.values_notes(array))
    with parts[2]:
        st.subheader(text.NOTICE_TITLE)
        st.latex(text.size_formula(shape))
        st.markdown(text.NOTICE)
    with parts[4]:
        notes = [f"$${text.size_formula(shape)}$$", text.NOTICE, text.values_notes(array)]
        show_numpy_code(text.code(shape), expanded=ideas.presenting, notes=notes)


follow_shape()
with parts[3]:
    predict_then_check("reshape")
