"""Broadcasting: how NumPy combines arrays of different shapes, checked axis by axis and drawn.

``a`` and ``b`` are typed (or set by an example or a suggested fix), ``op`` picks the operation,
and ``cell``, the live slider, follows one result cell back to the cells of a and b it reads.
"""

import numpy as np
import streamlit as st

from app import live, state, ui, url_state
from app.cached import follow_sweep, picture_json
from app.code_panel import show_numpy_code
from app.figures import broadcasting as figures
from app.lessons import broadcasting as text
from app.presentation import Ideas
from app.projector import current_style
from app.quiz import predict_then_check
from app.registry import page
from core import broadcasting as core
from core.text import format_array

SPEC = page("broadcasting")


def canonical(typed: str) -> str:
    """Typed text -> the text of the array it means (so the URL holds one spelling)."""
    return format_array(core.parse_operand(typed))


def set_operands(**values: str) -> None:
    """The examples and the suggested fixes write into the text boxes before they render."""
    for key, value in values.items():
        state.set_widget(key, value)
    state.put(SPEC, "cell", 0)


ui.page_header(text.TITLE, text.INTRO)
ideas = Ideas(text.IDEAS)
style = current_style()
with ideas.idea(0):
    figure_row, picture = ui.figure_row(), st.container()
    a_box, b_box, op_box = st.columns([1, 1, 1.2], gap="medium")  # the controls, in a strip under the picture
    with st.container(horizontal=True, gap="small"):
        st.markdown(text.EXAMPLES)
        for number, (label, pa, pb, pop) in enumerate(text.PRESETS):
            st.button(label, key=f"preset_{number}", on_click=set_operands, kwargs={"a": pa, "b": pb, "op": pop})
a_text = url_state.text("a", "a", SPEC.default("a"), canonical, str, help=text.ARRAY_HELP, container=a_box)
b_text = url_state.text("b", "b", SPEC.default("b"), canonical, str, help=text.ARRAY_HELP, container=b_box)
op = url_state.choice(
    text.OPERATION, "op", text.OPS, SPEC.default("op"), format_func=text.OP_WORDS.get, horizontal=True, container=op_box
)

a, b = core.parse_operand(a_text), core.parse_operand(b_text)
checks = core.check_axes(a.shape, b.shape)
try:
    shape, error = core.broadcast_shape(a.shape, b.shape), None
    result, said = core.combine_as_numpy(a, b, op)
except core.BroadcastError as err:
    shape, error, result, said = None, err, None, []

ui.figure("shape of a", a.shape, container=figure_row)
ui.figure("shape of b", b.shape, container=figure_row)
ui.figure(
    "result shape",
    shape if shape is not None else "—",
    container=figure_row,
    help=None if shape is not None else text.NO_RESULT,
)


@live.fragment
def follow_cell(a: np.ndarray, b: np.ndarray, op: str, result: np.ndarray | None, said: list) -> None:
    """The picture that follows the cell slider, and its words: a step reruns only this."""
    if result is None:
        ui.chart(figures.picture(a, b, "", None, style), key="broadcasting_cells")
    else:
        big, keys = text.cell_keys(result.shape)
        CELL = live.Slider("cell", text.CELL_LABEL, live.grid(0, result.size - 1, 1), 0, big_step=big, help=keys)
        flat = int(state.bind(SPEC, ("cell",), limits={"cell": (0, result.size - 1)})["cell"])
        cell = tuple(int(i) for i in np.unravel_index(flat, result.shape))
        shown = text.SHOWN[op]
        base = figures.following(picture_json(a, b, shown, result, style), a, b, result, flat, style)
        readouts = [figures.follow_words(a, b, shown, result, tuple(map(int, i))) for i in np.ndindex(*result.shape)]
        first = len(base["data"]) - figures.FOLLOW
        sweep = follow_sweep(a, b, result, first, readouts, style)
        live.element(
            "broadcasting_live", [CELL], {"cell": flat}, [base], {"cell": sweep},
            readout=readouts[flat], descriptions=[text.caption(a.shape, b.shape, result.shape)], controls="top",
        )  # fmt: skip
    if said:  # NumPy's RuntimeWarning, right under the inf and nan it explains
        st.warning(text.numpy_warns(said, b), icon=":material/warning:")
    st.caption(text.caption(a.shape, b.shape, None if result is None else result.shape))
    if result is not None:
        st.markdown(text.follow_sentence(figures.follow_words(a, b, core.SYMBOLS[op], result, cell)))


with picture:
    follow_cell(a, b, op, result, said)
    if result is not None:
        with st.expander(text.TABLE_TITLE):
            st.dataframe(text.picture_table(a, b, result), hide_index=True)
    if error is not None:
        failing = next(c for c in checks if c.axis == error.axis)
        st.error(text.mismatch_error(error, failing, a.shape, b.shape), icon=":material/error:")
        suggestions = core.fixes(a.shape, b.shape)
        st.markdown(text.FIX_INTRO if suggestions else text.NO_FIX)
        for name, expression, new in suggestions[:2]:
            operand, other = (b, a) if name == "b" else (a, b)
            fixed = operand.T if expression.endswith(".T") else operand.reshape(new)
            label = text.fix_label(expression, name, new, core.broadcast_shape(new, other.shape))
            st.button(label, key=f"fix_{name}_{expression}", on_click=set_operands, kwargs={name: format_array(fixed)})


with ideas.idea(1):
    st.subheader(text.RULE_TITLE)
    st.markdown(text.RULE)
    if checks:
        st.markdown(text.rule_table(checks, a.shape, b.shape))
        st.caption(text.RULE_CAPTION)
    else:
        st.markdown(text.SCALARS)

with ideas.idea(2):
    st.subheader(text.NOTICE_TITLE)
    notes = [f"$${text.NOTICE_FORMULA}$$", text.notice(a.shape, b.shape, shape, checks) + text.BIAS]
    st.latex(text.NOTICE_FORMULA)
    st.markdown(notes[1])

with ideas.idea(3):
    predict_then_check("broadcast")

with ideas.idea(4):
    show_numpy_code(text.code(a, b, core.SYMBOLS[op], shape is not None), expanded=ideas.presenting, notes=notes)
