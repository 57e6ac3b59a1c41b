"""Outer product: w xᵀ, every pair w_i x_j in an n × p matrix, drawn as a heatmap and a table."""

import pandas as pd
import streamlit as st

import core.vectors as vectors
from app import live, state, ui, url_state
from app.code_panel import literal, show_numpy_code
from app.figures import outer as figures
from app.lessons import outer_product as text
from app.presentation import Ideas
from app.projector import current_style
from app.quiz import predict_then_check
from app.registry import page
from core.text import format_array, format_number

SPEC = page("outer-product")
LIVE_KEY = "outer_live"
MAX_LEN = 8
LENGTHS = [
    live.Slider(key, label, live.grid(1, MAX_LEN, 1), 3, big_step=3, help=text.LENGTH_HELP)
    for key, label in (("w_len", text.W_LEN_LABEL), ("x_len", text.X_LEN_LABEL))
]


ui.page_header(text.TITLE, text.INTRO)
ideas = Ideas(text.IDEAS)
parts = [ideas.idea(i) for i in range(len(text.IDEAS))]


@live.fragment
def follow_vectors() -> None:
    """The vectors, their sliders and all that follows them: a step reruns only this (the length
    sliders rewrite the text boxes, which are drawn here too)."""
    for key, value in state.sliders_moved(LIVE_KEY).items():  # a length slider cuts or extends a vector
        if shown := state.last_read(name := key.removesuffix("_len")):
            state.set_widget(name, format_array(vectors.resized(vectors.parse_vector(shown), int(value))))
    with parts[0]:
        # The picture first, on a wall or a phone too; its readout holds the numbers, the figures follow.
        picture, figure_row = st.container(), st.container(horizontal=True)
        typed = st.columns(2)
    canonical = lambda t: format_array(vectors.parse_vector(t, min_len=1, max_len=MAX_LEN))
    w_text = url_state.text(
        text.W_LABEL, "w", SPEC.default("w"), canonical, str, help=text.VECTOR_HELP, container=typed[0]
    )
    x_text = url_state.text(
        text.X_LABEL, "x", SPEC.default("x"), canonical, str, help=text.VECTOR_HELP, container=typed[1]
    )
    w, x = vectors.parse_vector(w_text, max_len=MAX_LEN), vectors.parse_vector(x_text, max_len=MAX_LEN)
    n, p = w.size, x.size
    m, rank = vectors.outer(w, x), vectors.rank_of_outer(w, x)

    # The highlighted row is the URL's own parameter; its slider exists while w has more than one row.
    row_slider = live.Slider("row", text.ROW_LABEL, live.grid(0, max(n - 1, 1), 1), 0, big_step=3, help=text.ROW_HELP)
    row = int(state.bind(SPEC, ("row",), limits={"row": (0, n - 1)})["row"])
    sliders = [*LENGTHS, row_slider] if n > 1 else LENGTHS
    state.draw_sliders(LIVE_KEY, {"w_len": n, "x_len": p})
    ui.figure("result shape", m.shape, container=figure_row)
    ui.figure("rank", rank, container=figure_row, help=text.RANK_HELP)

    with picture:
        now = (tuple(w), tuple(x), row)
        states = {
            "w_len": [(tuple(vectors.resized(w, k)), tuple(x), min(row, k - 1)) for k in LENGTHS[0].values],
            "x_len": [(tuple(w), tuple(vectors.resized(x, k)), row) for k in LENGTHS[1].values],
            "row": [(tuple(w), tuple(x), i) for i in row_slider.values if i < n],
        }
        base, sweeps = live.sweeps(figures.heatmap_of, now, states, current_style(), text.readout_of)
        values = {"w_len": n, "x_len": p, "row": row}
        live.element(
            LIVE_KEY,
            sliders,
            values,
            base,
            sweeps,
            readout=text.readout_of(now),
            descriptions=[text.picture_words(w, x, row)],
        )
        if n == 1:
            st.caption(text.ONE_ROW)
        st.markdown(text.row_words(w, x, m, row))

    with parts[1]:
        st.subheader(text.TABLE_TITLE)
        rows, columns = (
            [f"w_{i} = {format_number(v)}" for i, v in enumerate(w)],
            [f"x_{j} = {format_number(v)}" for j, v in enumerate(x)],
        )
        st.dataframe(pd.DataFrame(m, index=rows, columns=columns), width="content")

    with parts[2]:
        st.subheader(text.VERSUS_TITLE)
        st.markdown(text.NUMPY_VECTORS)
        left, right = st.columns(2, gap="large")
        left.latex(text.OUTER_FORMULA)
        left.markdown(text.outer_side(n, p, rank))
        right.latex(text.INNER_FORMULA)
        right.markdown(text.inner_side(n, p, vectors.dot(w, x) if n == p else None))

    with parts[3]:
        st.subheader(text.NOTICE_TITLE)
        st.markdown(notice := text.notice(w, x, row, rank))

    with parts[5]:
        notes = [f"$${text.OUTER_FORMULA}$$", text.outer_side(n, p, rank), f"$${text.INNER_FORMULA}$$", notice]
        show_numpy_code(text.code(literal(w), literal(x)), expanded=ideas.presenting, notes=notes)


follow_vectors()
with parts[4]:
    predict_then_check("outer")
