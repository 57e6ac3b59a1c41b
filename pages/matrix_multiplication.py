"""Matrix multiplication step by step: each cell of C is a row of A times a column of B.

``a`` and ``b`` hold the matrices as text (the one source of truth: the shape sliders and the seed
only rewrite them); ``step`` counts the cells of C computed so far, row by row, on the live
element, whose Play steps it in the browser; ``speed`` is Play's pace, ``term`` the outer products
summed in the second view.
"""

import numpy as np
import plotly.graph_objects as go
import streamlit as st

from app import live, state, ui, url_state
from app.cached import matmul_outer_json
from app.cached import matmul_step_json as step_json
from app.cached import matmul_step_sweep as step_sweep
from app.code_panel import show_numpy_code
from app.figures import matmul as figures
from app.lessons import matmul as text
from app.presentation import Ideas
from app.projector import current_style
from app.quiz import predict_then_check
from app.registry import page
from core import matmul
from core.text import format_array

SPEC = page("matrix-multiplication")
SPEEDS = {"slow": 1200, "medium": 600, "fast": 250}  # milliseconds per step of Play
SHAPE_KEYS = {"m": "shape_m", "k": "shape_k", "p": "shape_p"}
SLIDER_MAX = 6  # shape sliders run 1..6; a typed matrix may be larger (up to 8 per axis)


def regenerate() -> None:
    """A shape slider or the seed moved: new random integers of the chosen shapes, written to a and b."""
    m, k, p = (int(state.widget_value(SHAPE_KEYS[n])) for n in "mkp")
    seed = int(state.widget_value("seed", SPEC.default("seed")))
    for key, value in zip("ab", matmul.random_small_matrices(m, k, p, seed)):
        state.set_widget(key, format_array(value))


@live.fragment
def follow_step(a: np.ndarray, b: np.ndarray, shape_c: tuple[int, int]) -> None:
    """Everything the step slider changes: a step (or Play) reruns only this."""
    (m, k), p = a.shape, b.shape[1]
    last = m * p
    STEP = live.Slider(
        "step", text.STEP_LABEL, live.grid(0, last, 1), SPEC.value("step"), big_step=p, help=text.step_help(p)
    )
    step = int(state.bind(SPEC, ("step",), limits={"step": (0, last)})["step"])
    cell = matmul.cell_of_step(step, p)
    expressions = matmul.step_expressions(a, b)
    c = a @ b
    for label, value, words in text.shown_figures(shape_c, step, last, cell, c[cell] if cell else None):
        ui.figure(label, value, container=figure_row, help=words)
    with picture:
        slot = st.container()  # the element above Play's speed, which it reads
        speed = url_state.choice(text.PLAY_SPEED, "speed", list(SPEEDS), SPEC.default("speed"), widget="segmented")
        readouts = [text.readout(s, last, e) for s, e in enumerate(expressions)]
        with slot:
            live.element(
                "matmul_live",
                [STEP],
                {"step": step},
                [figures.at_step(step_json(a, b, 0, style), a, b, step, style)],
                {"step": step_sweep(a, b, readouts, style)},
                readout=readouts[step],
                descriptions=[text.picture_words(m, k, p, cell)],
                controls="top",
                play={"key": "step", "interval_ms": SPEEDS[speed or "medium"]},
            )
        st.caption(text.rule_sentence(m, k, p))
        st.markdown(text.step_sentence(step, last, cell) if cell else text.STEP_ZERO)
        if cell:
            st.code(expressions[step].replace("·", "*"), language=None)
        st.latex(text.shape_formula(m, k, p))
        with st.expander(text.TABLE_TITLE):
            st.table(text.cell_table(expressions[1:], step))

    with parts[4]:
        notes = [f"$${text.shape_formula(m, k, p)}$$", text.notice(m, k, p)]
        show_numpy_code(text.code(a, b, step), expanded=ideas.presenting, notes=notes)


ui.page_header(text.TITLE, text.INTRO)
ideas = Ideas(text.IDEAS)
style = current_style()
parts = [ideas.idea(i) for i in range(len(text.IDEAS))]
with parts[0]:
    figure_row, picture = ui.figure_row(), st.container()
    st.markdown(f"**{text.MATRICES}**")
    typed, sizes = st.columns([1.4, 1], gap="large")
a, b = (
    matmul.parse_matrix(
        url_state.text(label, key, SPEC.default(key), matmul.matrix_text, str, container=typed, help=text.MATRIX_HELP)
    )
    for key, label in (("a", text.A_LABEL), ("b", text.B_LABEL))
)
(m, k), p = a.shape, b.shape[1]
with sizes:  # the shape sliders show the shapes of a and b (the URL's truth); moving one draws new integers
    for column, name, value in zip(st.columns(3), "mkp", (m, k, p)):
        state.set_widget(SHAPE_KEYS[name], value)
        words = f"{name}: {text.SHAPE_WORDS[name]}. Moving it draws new random integers."
        column.slider(name, 1, max(SLIDER_MAX, value), key=SHAPE_KEYS[name], on_change=regenerate, help=words)
    url_state.number(text.SEED_LABEL, "seed", 0, 9999, int(SPEC.default("seed")), step=1, on_change=regenerate)

try:
    shape_c = matmul.result_shape(a.shape, b.shape)
except matmul.ShapeMismatch as mismatch:
    shape_c, problem = None, str(mismatch)

if shape_c is None:  # inner sizes differ: the error that teaches, and NumPy's own words
    for label in SPEC.metrics:
        ui.figure(label, "undefined" if label == "result shape" else "none", container=figure_row)
    with picture:
        st.error(text.mismatch_error(problem), icon="🚫")
        ui.chart(figures.mismatch_figure(a, b, style), key="matmul_mismatch")
        st.caption(text.mismatch_caption(m, k, b.shape[0], p))
        st.markdown(text.numpy_says(matmul.numpy_error(a, b)))
    with parts[1]:
        st.subheader(text.OUTER_TITLE)
        st.markdown(text.NO_TERMS)
    with parts[2]:
        st.subheader(text.NOTICE_TITLE)
        notice = text.mismatch_notice(m, k, b.shape[0], p)
        st.markdown(notice)
    with parts[4]:
        show_numpy_code(text.mismatch_code(a, b), expanded=ideas.presenting, notes=[notice])
else:
    follow_step(a, b, shape_c)

    with parts[1]:
        st.subheader(text.OUTER_TITLE)
        terms = matmul.outer_terms(a, b)
        left, right = st.columns([1, 2.4], gap="large")
        shown = int(url_state.slider(text.TERM_LABEL, "term", 0, k, 1, step=1, container=left, help=text.TERM_HELP))
        t = max(shown - 1, 0)  # the term drawn: the last one added
        left.markdown(text.outer_words(m, k, p))
        left.latex(text.OUTER_FORMULA)
        link = {"w": format_array(a[:, t]), "x": format_array(b[t, :])}
        left.page_link(
            page("outer-product").path.as_posix(),
            label=text.outer_link(t),
            icon=":material/open_in_new:",
            query_params=link,
        )
        outer = go.Figure(matmul_outer_json(a, b, shown, style), _validate=False)  # built once
        ui.chart(outer, key="matmul_outer", container=right)
        right.caption(text.outer_caption(a, b, shown, bool(np.allclose(terms.sum(axis=0), a @ b))))
        with right.expander(text.outer_table_title(shown, k)):
            st.table(text.outer_table(terms[:shown].sum(axis=0)))

    with parts[2]:
        st.subheader(text.NOTICE_TITLE)
        st.markdown(text.notice(m, k, p))

with parts[3]:
    predict_then_check("matmul")
