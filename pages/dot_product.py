"""Dot product and angle: a · b term by term, cos θ = a · b / (‖a‖ ‖b‖), and the projection."""

import numpy as np
import streamlit as st

import core.vectors as vectors
from app import live, state, ui, url_state
from app.code_panel import literal, show_numpy_code
from app.figures import vectors as figures
from app.lessons import dot_product as text
from app.presentation import Ideas
from app.projector import current_style
from app.quiz import predict_then_check
from app.registry import page
from core.text import format_array, format_number

SPEC = page("dot-product")
LIVE_KEY = "dot_live"
GRIDS = {"angle": live.grid(-180, 180, 5), "len": live.grid(0.0, 5.0, 0.25), "xyz": live.grid(-5.0, 5.0, 0.25)}


def sliders_for(a: np.ndarray, b: np.ndarray, polar: bool) -> list[live.Slider]:
    """Length and angle of each 2-D vector, or each component; b first, the vector turned most."""
    if polar:
        return [
            live.Slider(f"{n}_{part}", text.slider_label(n, part), GRIDS[part], 0, unit, decimals, big, help_)
            for n in "ba"
            for part, unit, decimals, big, help_ in (
                ("angle", "°", 0, 9, text.ANGLE_HELP),
                ("len", "", 2, 4, text.LENGTH_HELP),
            )
        ]
    return [
        live.Slider(f"{n}_{k}", text.slider_label(n, "xyz"[k]), GRIDS["xyz"], 0, "", 2, 4, text.COMPONENT_HELP)
        for n, v in (("b", b), ("a", a))
        for k in range(v.size)
    ]


@st.cache_resource(max_entries=64, show_spinner=False)
def pictures(a: tuple, b: tuple, keys: tuple[str, ...], style, height: int) -> tuple[list, dict, list]:
    """The figure of (a, b), each slider's sweep, and the heads' drags: shared between runs and sessions,
    not copied (hundreds of kB of cells; the live element only reads them)."""
    grids = [(k, GRIDS.get(k[2:], GRIDS["xyz"])) for k in keys]
    base, moves = figures.sweeps(np.array(a), np.array(b), grids, style, height)
    mismatch = [text.mismatch_readout(len(a), len(b))]
    sweeps = {k: live.Sweep(p, text.readouts(m) if m else mismatch * len(p)) for k, (p, m) in moves.items()}
    drags = figures.head_drags(np.array(a), np.array(b), "b_angle" in keys, GRIDS)
    return base, sweeps, [live.Drag(readouts=text.readouts(d.pop("measures")), **d) for d in drags]


def set_vectors(a: str | None = None, b: str | None = None) -> None:
    """Presets and fixes write into the text boxes before they are drawn."""
    for key, typed in (("a", a), ("b", b)):
        if typed is not None:
            state.set_widget(key, typed)


ui.page_header(text.TITLE, text.INTRO)
ideas = Ideas(text.IDEAS)
parts = [ideas.idea(i) for i in range(len(text.IDEAS))]


@live.fragment
def follow_vectors() -> None:
    """The vectors, their sliders and all that follows them: a step or a drag reruns only this (the
    sliders rewrite the text boxes, which are drawn here too)."""
    moved = state.sliders_moved(LIVE_KEY)  # sliders, or a head dragged, set parts of a vector
    for name in "ab":
        changed = {key[2:]: [value] for key, value in moved.items() if key[0] == name}
        if changed and (shown := state.last_read(name)):
            v = vectors.vectors_with_parts(vectors.parse_vector(shown), changed)[0]
            state.set_widget(name, text.vector_text(v))
    with parts[0]:
        # The picture first, on a wall or a phone too; its readout holds the numbers, the figures follow.
        picture, figure_row, messages = st.container(), st.container(horizontal=True), st.container()
        with st.container(horizontal=True, gap="small", vertical_alignment="center"):
            st.markdown(text.PRESETS_LABEL)
            for number, (label, pa, pb) in enumerate(text.PRESETS):
                st.button(label, key=f"preset_{number}", on_click=set_vectors, args=(pa, pb))
        typed = st.columns(3, vertical_alignment="bottom")
    canonical = lambda t: format_array(vectors.parse_vector(t, min_len=2, max_len=3))
    a_text = url_state.text("a", "a", SPEC.default("a"), canonical, str, help=text.VECTOR_HELP, container=typed[0])
    b_text = url_state.text("b", "b", SPEC.default("b"), canonical, str, help=text.VECTOR_HELP, container=typed[1])
    a, b = vectors.parse_vector(a_text, min_len=2, max_len=3), vectors.parse_vector(b_text, min_len=2, max_len=3)
    if a.size == 2 and b.size == 2:
        args = {"format_func": text.MODES.get, "horizontal": True, "container": typed[2]}
        mode = url_state.choice(text.MODE_LABEL, "sliders", list(text.MODES), SPEC.default("sliders"), **args)
    else:
        mode = "components"
        typed[2].caption(text.THREE_D)

    same_length = a.size == b.size
    m = vectors.measures(a, b) if same_length else None
    d, cos, angle = (vectors.dot(a, b), vectors.cos_angle(a, b), vectors.angle_degrees(a, b)) if m else (None,) * 3
    norm_a, norm_b = vectors.norm(a), vectors.norm(b)
    p = vectors.projection(b, a) if angle is not None else None
    zero = " and ".join(n for n, v in (("a", a), ("b", b)) if vectors.norm(v) == 0)
    ui.figure("Dot product", "undefined" if d is None else format_number(d, 4), container=figure_row)
    ui.figure("Angle", "undefined" if angle is None else format_number(angle, 4) + "°", container=figure_row)
    ui.figure("cos θ", "undefined" if cos is None else format_number(cos, 4), container=figure_row)
    ui.figure("‖a‖", format_number(norm_a, 4), container=figure_row)
    ui.figure("‖b‖", format_number(norm_b, 4), container=figure_row)

    sliders = sliders_for(a, b, mode == "polar")
    values = {s.key: s.values[s.index(vectors.slider_value(a if s.key[0] == "a" else b, s.key[2:]))] for s in sliders}
    state.draw_sliders(LIVE_KEY, values)
    wall = current_style().projector and not ideas.presenting  # the sidebar beside: sliders above a wide picture
    base, sweeps, drags = pictures(tuple(a), tuple(b), tuple(values), current_style(), 268 if wall else 400)
    words = text.picture_words(a, b, angle, p) + text.zoom_words(figures.heads_zoomed(a, b)) if same_length else ""
    readout = text.readout(m["dot"], m["angle"], m["cos"]) if m else text.mismatch_readout(a.size, b.size)
    with picture:
        layout = {"descriptions": [words], "min_figure_width": 300, "controls": "top" if wall else "side"}
        live.element(LIVE_KEY, sliders, values, base, sweeps, readout=readout, drags=drags, **layout)
        if words:
            st.caption((text.SCENE_HINT if a.size == 3 else text.DRAG_HINT) + words)
    with messages:
        if not same_length:
            st.error(text.mismatch_error(a.size, b.size, str(vectors.length_mismatch(a, b))), icon=":material/error:")
            (short, v), (long_, w) = sorted((("a", a), ("b", b)), key=lambda item: item[1].size)
            padded, cut = text.vector_text(np.append(v, 0.0)), text.vector_text(w[:2])
            st.button(text.pad_fix(short, padded), key="fix_pad", on_click=set_vectors, kwargs={short: padded})
            st.button(text.cut_fix(long_, cut), key="fix_cut", on_click=set_vectors, kwargs={long_: cut})
        elif angle is None:
            st.info(text.zero_info(zero), icon=":material/block:")

    with parts[1]:
        st.subheader(text.TERMS_TITLE)
        if not same_length:
            st.markdown(text.no_terms(a.size, b.size))
        else:
            st.latex(text.terms_latex(a, b, vectors.dot_terms(a, b), d))
            st.caption(text.SLIDES_NOTATION)
            if cos is not None:
                st.latex(text.cosine_latex(d, norm_a, norm_b, cos, angle))
                if unit := text.unit_vectors(norm_a, norm_b, d):
                    st.success(unit, icon=":material/straighten:")
                st.markdown(text.projection_words(p, d, norm_a, norm_b))

    with parts[2]:
        st.subheader(text.NOTICE_TITLE)
        notice = (
            text.notice(d, angle, cos, norm_a, norm_b, zero) if same_length else text.mismatch_notice(a.size, b.size)
        )
        st.latex(text.NOTICE_FORMULA)
        st.markdown(notice)

    with parts[5]:
        code, notes = text.code(literal(a), literal(b), same_length), [f"$${text.NOTICE_FORMULA}$$", notice]
        show_numpy_code(code, expanded=ideas.presenting, notes=notes)


follow_vectors()
with parts[3]:
    predict_then_check("dot_sign", title=text.SIGN_TITLE)

with parts[4]:
    predict_then_check("angle", title=text.ANGLE_TITLE)
