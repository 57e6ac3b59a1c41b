"""Arrays and shapes: what ndim, shape and size mean, drawn as cells."""

import streamlit as st

from app import live, ui, url_state
from app.code_panel import show_numpy_code
from app.figures import arrays as figures
from app.lessons import arrays as text
from app.presentation import Ideas
from app.projector import current_style
from app.quiz import predict_then_check
from app.registry import page
from core.arrays import arange_array, array_size
from core.text import parse_shape

SPEC = page("arrays")
AXIS_KEYS = ("axis_0", "axis_1", "axis_2")
NDIM = live.Slider("ndim", "Number of axes (ndim)", live.grid(1, 3, 1), 3, big_step=1, help=text.SLIDER_HELP)
AXES = [
    live.Slider(k, f"Length of axis {i}", live.grid(1, 6, 1), 1, big_step=1, help=text.SLIDER_HELP)
    for i, k in enumerate(AXIS_KEYS)
]

ui.page_header(text.TITLE, text.INTRO)
ideas = Ideas(text.IDEAS)

# The URL holds one parameter, `shape`, for all the sliders: read it once, write it every run.
if "ndim" not in st.session_state:
    from_url = url_state.read_param("shape", parse_shape(SPEC.default("shape")), parse_shape)
    st.session_state["ndim"] = len(from_url)
    st.session_state.update(zip(AXIS_KEYS, from_url))
    url_state.own("ndim", *AXIS_KEYS)
ndim = st.session_state["ndim"]
for key, length in zip(AXIS_KEYS[:ndim], figures.DEFAULT_SHAPE):
    st.session_state.setdefault(key, length)  # an axis added by the ndim slider
shape = tuple(st.session_state[k] for k in AXIS_KEYS[:ndim])
url_state.write_param("shape", ", ".join(map(str, shape)))
array = arange_array(shape)

with ideas.idea(0):
    with ui.figure_row():
        ui.figure("ndim", ndim)
        ui.figure("size", array_size(shape))
        ui.figure("shape", shape)
    sliders = [NDIM, *AXES[:ndim]]
    style = current_style()
    states = {s.key: [figures.shape_after(shape, s.key, int(v)) for v in s.values] for s in sliders}
    base, sweeps = live.sweeps(figures.arange_cells, shape, states, style, text.readout)
    live.element(
        "shape_sliders",
        sliders,
        {"ndim": ndim, **dict(zip(AXIS_KEYS, shape))},
        base,
        sweeps,
        readout=text.readout(shape),
        descriptions=[text.caption(shape)],
    )
    st.caption(text.caption(shape))

with ideas.idea(1):
    st.subheader(text.VALUES_TITLE)
    st.code(repr(array), language="python")
    st.markdown(text.values_notes(array))

with ideas.idea(2):
    st.subheader(text.NOTICE_TITLE)
    st.latex(text.size_formula(shape))
    st.markdown(text.NOTICE)

with ideas.idea(3):
    predict_then_check("reshape")

with ideas.idea(4):
    notes = [f"$${text.size_formula(shape)}$$", text.NOTICE, text.values_notes(array)]
    show_numpy_code(text.code(shape), expanded=ideas.presenting, notes=notes)
