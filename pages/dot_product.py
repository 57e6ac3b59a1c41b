"""Dot product and angle: a · b term by term, cos θ = a · b / (‖a‖ ‖b‖), and the projection."""

import math

import numpy as np
import plotly.graph_objects as go
import streamlit as st

from app import theme, ui, url_state
from app.code_panel import literal, show_numpy_code
from app.presentation import Ideas
from app.quiz import predict_then_check
from core.text import format_array, format_number
from core.vectors import (
    LengthMismatch,
    angle_degrees,
    cos_angle,
    dot,
    dot_terms,
    from_polar,
    norm,
    parse_vector,
    projection,
    to_polar,
)

P = theme.PALETTE
PRESETS = [  # label, a, b
    ("cos θ = 1: same direction", "2, 1", "3, 1.5"),
    ("cos θ = 0: perpendicular", "2, 1", "-1, 2"),
    ("cos θ = −1: opposite", "2, 1", "-2, -1"),
    ("unit vectors 1° apart", "1, 0", "0.9998, 0.0175"),
    ("3-D", "1, 2, 2", "2, 0, 1"),
]
COMPONENT_RANGE = 5.0
LENGTH_RANGE = 5.0


def canonical(text: str) -> str:
    """Typed text -> the vector's text as the URL holds it (2 or 3 numbers)."""
    return format_array(parse_vector(text, min_len=2, max_len=3))


def vector_text(v: np.ndarray) -> str:
    return format_array(np.round(np.asarray(v, dtype=float), 4) + 0.0)


def set_vectors(a: str | None = None, b: str | None = None) -> None:
    """Callback of presets and fixes: write into the text boxes before they render."""
    for key, value in (("a", a), ("b", b)):
        if value is not None:
            st.session_state[key] = value


def slider_moved(name: str, part: str) -> None:
    """Callback of a slider: write the vector it sets back into the text box (the one source of truth)."""
    v = np.array(st.session_state[f"_vector_{name}"], dtype=float)
    moved = st.session_state[f"{name}_{part}"]
    if part == "len":
        v = from_polar(moved, to_polar(v)[1])
    elif part == "angle":
        v = from_polar(norm(v), moved)
    else:
        v[int(part)] = moved
    st.session_state[name] = vector_text(v)


def four(value: float) -> str:
    """A figure with 4 decimals, as the code panel prints it (``-0.0000`` shown as ``0.0000``)."""
    return f"{round(value, 4) + 0.0:.4f}"


ui.page_header(
    "Dot product and angle",
    "The dot product multiplies two vectors component by component and adds up: "
    "**a · b = a₁b₁ + a₂b₂ + … + aₙbₙ**. Divided by both lengths it is the **cosine of the angle** "
    "between them: 1 for the same direction, 0 at right angles, −1 for opposite directions.",
)
ideas = Ideas(
    [
        "The vectors and the angle",
        "Term by term",
        "What to notice",
        "Predict the sign",
        "Predict the angle",
        "The NumPy code",
    ]
)

with ideas.idea(0):
    figure_row = ui.figure_row()
    with st.container(horizontal=True, gap="small", vertical_alignment="center"):
        st.markdown("**Examples from the slides:**")
        for number, (label, pa, pb) in enumerate(PRESETS):
            st.button(label, key=f"preset_{number}", on_click=set_vectors, args=(pa, pb))
    controls, picture = st.columns([1, 1.8], gap="large")
with controls:
    a_text = url_state.text(
        "a", "a", "1, 0", canonical, str, help="2 or 3 numbers separated by commas or spaces, e.g. `1, 0` or `1 2 2`."
    )
    b_text = url_state.text("b", "b", "0.9998, 0.0175", canonical, str)
a, b = parse_vector(a_text, min_len=2, max_len=3), parse_vector(b_text, min_len=2, max_len=3)
st.session_state["_vector_a"], st.session_state["_vector_b"] = a.tolist(), b.tolist()

with controls:
    if a.size == 2 and b.size == 2:
        mode = url_state.choice(
            "Sliders set",
            "sliders",
            ["polar", "components"],
            "polar",
            horizontal=True,
            format_func={"polar": "length and angle", "components": "components"}.get,
        )
    else:
        mode = "components"
        st.caption("In 3-D the sliders set the components x, y, z.")
    for name, v, colour in (("a", a, "green"), ("b", b, "orange")):
        st.markdown(f":{colour}[**{name}**]")
        if mode == "polar":
            length, angle = to_polar(v)
            st.session_state[f"{name}_len"] = float(min(round(length, 2), LENGTH_RANGE))
            st.session_state[f"{name}_angle"] = float(round(angle))
            st.slider(
                f"length ‖{name}‖",
                0.0,
                LENGTH_RANGE,
                step=0.05,
                key=f"{name}_len",
                on_change=slider_moved,
                args=(name, "len"),
            )
            st.slider(
                f"angle of {name} from the x axis (°)",
                -180.0,
                180.0,
                step=1.0,
                key=f"{name}_angle",
                on_change=slider_moved,
                args=(name, "angle"),
            )
        else:
            for k, axis in enumerate("xyz"[: v.size]):
                st.session_state[f"{name}_{k}"] = float(np.clip(round(v[k], 2), -COMPONENT_RANGE, COMPONENT_RANGE))
                st.slider(
                    f"{name} {axis}",
                    -COMPONENT_RANGE,
                    COMPONENT_RANGE,
                    step=0.1,
                    key=f"{name}_{k}",
                    on_change=slider_moved,
                    args=(name, str(k)),
                )

try:
    terms = dot_terms(a, b)
    mismatch = None
except LengthMismatch as err:
    terms, mismatch = None, err

norm_a, norm_b = norm(a), norm(b)
if terms is not None:
    d = dot(a, b)
    cos = cos_angle(a, b)
    angle = angle_degrees(a, b)
    ui.figure("Dot product", four(d), container=figure_row)
    ui.figure("Angle", "undefined" if angle is None else four(angle) + "°", container=figure_row)
    ui.figure("cos θ", "undefined" if cos is None else four(cos), container=figure_row)
else:
    d = cos = angle = None
    for label in ("Dot product", "Angle", "cos θ"):
        ui.figure(label, "undefined", container=figure_row)
ui.figure("‖a‖", four(norm_a), container=figure_row)
ui.figure("‖b‖", four(norm_b), container=figure_row)


def arc_points(u: np.ndarray, v: np.ndarray, radius: float, n: int = 40) -> np.ndarray:
    """Points on the circle arc of ``radius`` from direction ``u`` to direction ``v`` (the shorter way)."""
    u, v = u / np.linalg.norm(u), v / np.linalg.norm(v)
    theta = math.acos(float(np.clip(u @ v, -1, 1)))
    w = v - (u @ v) * u
    if np.linalg.norm(w) < 1e-12:  # opposite or equal directions: any perpendicular in the plane
        w = (
            np.array([-u[1], u[0]] + ([0.0] if u.size == 3 else []))
            if u.size == 2 or abs(u[2]) < 0.9
            else np.array([1.0, 0.0, 0.0])
        )
        w = w - (w @ u) * u
    w = w / np.linalg.norm(w)
    t = np.linspace(0, theta, n)[:, None]
    return radius * (np.cos(t) * u + np.sin(t) * w)


def figure_2d() -> go.Figure:
    s = theme.sizes()
    fig = theme.new_figure()
    reach = max(norm_a, norm_b, 1.0) * 1.15
    p = projection(b, a) if terms is not None else None
    if p is not None and angle is not None:
        fig.add_trace(
            go.Scatter(
                x=[b[0], p[0]],
                y=[b[1], p[1]],
                mode="lines",
                name="drop to a's line",
                line={"color": P["neutral"], "dash": "dot", "width": s["line"] * 0.8},
                hoverinfo="skip",
            )
        )
        fig.add_trace(
            go.Scatter(
                x=[0, p[0]],
                y=[0, p[1]],
                mode="lines",
                name="projection of b onto a",
                line={"color": P["result"], "width": s["line"] * 2.5},
                opacity=0.6,
                hovertext=f"projection = {vector_text(p)}",
                hoverinfo="text",
            )
        )
        pts = arc_points(a, b, 0.3 * min(norm_a, norm_b))
        fig.add_trace(
            go.Scatter(
                x=pts[:, 0],
                y=pts[:, 1],
                mode="lines",
                name=f"θ = {angle:.2f}°",
                line={"color": P["neutral"], "width": s["line"]},
                hoverinfo="name",
            )
        )
        mid = pts[len(pts) // 2]
        far = mid / np.linalg.norm(mid) * max(0.6 * min(norm_a, norm_b), 1.5 * np.linalg.norm(mid))
        fig.add_annotation(
            x=far[0],
            y=far[1],
            text=f"θ = {angle:.2f}°",
            showarrow=False,
            yshift=0 if angle > 20 else 16,
            bgcolor="rgba(255,255,255,0.8)",
            font={"color": P["neutral"], "size": s["font"]},
        )
    for name, v, colour in (("a", a, P["a"]), ("b", b, P["b"])):
        fig.add_trace(
            go.Scatter(
                x=[0, v[0]],
                y=[0, v[1]],
                mode="lines",
                name=name,
                line={"color": colour, "width": s["line"] * 1.4},
                hovertext=f"{name} = ({vector_text(v)})",
                hoverinfo="text",
            )
        )
        if norm(v) > 0:
            fig.add_annotation(
                x=v[0],
                y=v[1],
                ax=0,
                ay=0,
                xref="x",
                yref="y",
                axref="x",
                ayref="y",
                showarrow=True,
                arrowhead=2,
                arrowsize=1.0,
                arrowwidth=s["line"] * 1.4,
                arrowcolor=colour,
                text="",
            )
            # The name sits beyond the tip, pushed sideways away from the other vector.
            other = b if name == "a" else a
            side = np.array([-v[1], v[0]]) / norm(v)
            if side @ other > 0 or (abs(side @ other) < 1e-12 and name == "a"):
                side = -side
            tip = v / norm(v)
            fig.add_annotation(
                x=v[0],
                y=v[1],
                text=f"<b>{name}</b>",
                showarrow=False,
                xshift=float(14 * tip[0] + 14 * side[0]),
                yshift=float(14 * tip[1] + 14 * side[1]),
                font={"color": colour, "size": s["title"]},
            )
    fig.update_xaxes(range=[-reach, reach], zeroline=True, zerolinecolor="#B0B7C3")
    fig.update_yaxes(range=[-reach, reach], scaleanchor="x", scaleratio=1, zeroline=True, zerolinecolor="#B0B7C3")
    fig.layout.height = theme.scaled(460)
    return fig


def figure_3d() -> go.Figure:
    s = theme.sizes()
    fig = theme.new_figure()
    reach = max(norm_a, norm_b, 1.0) * 1.1
    for name, v, colour in (("a", a, P["a"]), ("b", b, P["b"])):
        fig.add_trace(
            go.Scatter3d(
                x=[0, v[0]],
                y=[0, v[1]],
                z=[0, v[2]],
                mode="lines+text",
                name=name,
                text=["", f"<b>{name}</b>"],
                textposition="top center",
                textfont={"color": colour, "size": s["title"]},
                line={"color": colour, "width": s["line"] * 3},
            )
        )
        if norm(v) > 0:
            fig.add_trace(
                go.Cone(
                    x=[v[0]],
                    y=[v[1]],
                    z=[v[2]],
                    u=[v[0]],
                    v=[v[1]],
                    w=[v[2]],
                    anchor="tip",
                    sizemode="absolute",
                    sizeref=0.15 * reach,
                    showscale=False,
                    colorscale=[[0, colour], [1, colour]],
                    hoverinfo="skip",
                    name=name,
                )
            )
    p = projection(b, a) if terms is not None else None
    if p is not None and angle is not None:
        fig.add_trace(
            go.Scatter3d(
                x=[0, p[0]],
                y=[0, p[1]],
                z=[0, p[2]],
                mode="lines",
                name="projection of b onto a",
                opacity=0.6,
                line={"color": P["result"], "width": s["line"] * 5},
            )
        )
        fig.add_trace(
            go.Scatter3d(
                x=[b[0], p[0]],
                y=[b[1], p[1]],
                z=[b[2], p[2]],
                mode="lines",
                name="drop to a's line",
                line={"color": P["neutral"], "dash": "dot", "width": s["line"] * 1.5},
            )
        )
        pts = arc_points(a, b, 0.3 * min(norm_a, norm_b))
        fig.add_trace(
            go.Scatter3d(
                x=pts[:, 0],
                y=pts[:, 1],
                z=pts[:, 2],
                mode="lines",
                name=f"θ = {angle:.2f}°",
                line={"color": P["neutral"], "width": s["line"] * 2},
            )
        )
    axis = {"range": [-reach, reach], "zerolinecolor": "#8A94A3"}
    fig.update_layout(
        scene={
            "xaxis": axis,
            "yaxis": axis,
            "zaxis": axis,
            "aspectmode": "cube",
            "camera": {"eye": {"x": 1.4, "y": 1.2, "z": 0.9}},
        }
    )
    fig.layout.height = theme.scaled(520)
    return fig


def picture_words() -> str:
    """What the picture shows, in words and numbers (its text alternative)."""
    words = f"Arrows from the origin, labelled a = ({vector_text(a)}) and b = ({vector_text(b)})"
    if angle is None:
        return words + "; the zero vector is only a point at the origin, so there is no angle to mark."
    return (
        words + f"; the arc between them marks θ = {four(angle)}°. The thick faint line along a is the "
        f"projection of b onto a, ({vector_text(projection(b, a))}), and the dotted line drops from the "
        "tip of b onto a's line."
    )


with picture:
    if a.size == 3 or b.size == 3:
        if terms is not None:
            ui.chart(figure_3d(), key="dot_product_3d")
            st.caption("Drag to rotate the scene, scroll to zoom. " + picture_words())
    else:
        ui.chart(figure_2d(), key="dot_product_2d")
        st.caption(picture_words())
    if mismatch is not None:
        st.error(
            f"**a has {a.size} numbers and b has {b.size}**: the dot product pairs each component of a "
            f"with the same component of b, so both need the same length. NumPy says: "
            f"`ValueError: {mismatch}`",
            icon=":material/error:",
        )
        short, long_ = ("a", "b") if a.size < b.size else ("b", "a")
        padded = vector_text(np.append(a if short == "a" else b, 0.0))
        cut = vector_text((b if short == "a" else a)[:2])
        st.button(
            f"Give {short} a third component 0: {short} = {padded}",
            key="fix_pad",
            on_click=set_vectors,
            kwargs={short: padded},
        )
        st.button(
            f"Drop {long_}'s third component: {long_} = {cut}", key="fix_cut", on_click=set_vectors, kwargs={long_: cut}
        )
    elif angle is None:
        zero = " and ".join(n for n, v in (("a", a), ("b", b)) if norm(v) == 0)
        st.info(
            f"**{zero} is the zero vector** (length 0): it has no direction, so the **angle is "
            "undefined** and so is cos θ (it would divide by ‖a‖‖b‖ = 0). The dot product is still "
            "defined: it is 0.",
            icon=":material/block:",
        )


def notice() -> str:
    """What the current vectors show, in a few sentences with their numbers."""
    if terms is None:
        return (
            f"Here a has {a.size} numbers and b has {b.size}: the dot product pairs the components one "
            "to one, so it needs equal lengths. The outer product on the next page pairs every "
            "component with every other and takes any lengths."
        )
    if angle is None:
        zero = " and ".join(n for n, v in (("a", a), ("b", b)) if norm(v) == 0)
        return (
            f"Here {zero} has length 0, so a · b = 0 although there is no angle: a dot product of 0 "
            "means perpendicular only between vectors that have a length, which is why "
            "cos θ = a · b / (‖a‖ ‖b‖) is undefined here."
        )
    side = (
        "positive, so the angle is under 90°: they point the same way"
        if d > 1e-12
        else "negative, so the angle is over 90°: they point apart"
        if d < -1e-12
        else "zero, so the angle is exactly 90°: they are perpendicular"
    )
    return (
        f"Here a · b = {four(d)} is {side}. Doubling a would double a · b to {four(2 * d)} but "
        f"leave θ = {four(angle)}° alone: cos θ = {four(cos)} divides out the lengths "
        f"‖a‖ = {four(norm_a)} and ‖b‖ = {four(norm_b)}. A neuron computes w · x + b: the dot product "
        "measures how well the input x lines up with the weights w."
    )


with ideas.idea(1):
    st.subheader("Term by term")
    if terms is None:
        st.markdown(f"No terms to add: a has {a.size} numbers and b has {b.size}.")
    else:
        n = a.size
        symbolic = " + ".join(f"a_{i + 1} b_{i + 1}" for i in range(n))
        numbers = " + ".join(f"({format_number(x)})({format_number(y)})" for x, y in zip(a, b))
        products = " + ".join(format_number(t) for t in terms).replace("+ -", "- ")
        # One equality per line, so the sum fits a phone's width.
        st.latex(
            rf"\begin{{aligned}} a \cdot b &= {symbolic} \\ &= {numbers} \\ &= {products} = {four(d)}"
            r"\end{aligned}"
        )
        st.caption("On the slides the same sum is written w₁x₁ + w₂x₂ + … + wₙxₙ: a weight times each input.")
        if cos is not None:
            st.latex(
                rf"\begin{{aligned}} \cos\theta &= \frac{{a \cdot b}}{{\|a\|\,\|b\|}} \\ "
                rf"&= \frac{{{four(d)}}}{{{four(norm_a)} \times {four(norm_b)}}} = {four(cos)} \\ "
                rf"\theta &= \arccos({four(cos)}) = {four(angle)}^\circ \end{{aligned}}"
            )
            if abs(norm_a - 1) < 5e-4 and abs(norm_b - 1) < 5e-4:
                st.success(
                    f"Both are **unit vectors** (length 1), so the division does nothing: "
                    f"**a · b = cos θ = {four(d)}**. For unit vectors the dot product *is* the cosine "
                    f"of the angle.",
                    icon=":material/straighten:",
                )
            p = projection(b, a)
            st.markdown(
                f"**Projection of b onto a** (purple, the thick faint line along a): "
                f"`(a·b / a·a) a = ({vector_text(p)})`, of signed length a·b / ‖a‖ = ‖b‖ cos θ = "
                f"{four(d / norm_a)}. "
                + (
                    "It points along a: the angle is under 90°."
                    if d > 1e-12
                    else "It points against a: the angle is over 90°."
                    if d < -1e-12
                    else "It is zero: b is perpendicular to a."
                )
            )

with ideas.idea(2):
    st.subheader("What to notice")
    st.latex(r"a \cdot b = \sum_i a_i\,b_i = \|a\|\,\|b\|\cos\theta")
    st.markdown(notice())

with ideas.idea(3):
    predict_then_check("dot_sign", title="Predict the sign, then check")

with ideas.idea(4):
    predict_then_check("angle", title="Predict the angle, then check")

code = f"""
    import numpy as np

    a = {literal(a)}
    b = {literal(b)}
    norm_a = np.linalg.norm(a)
    norm_b = np.linalg.norm(b)
"""
if terms is None:
    code += """
    try:
        np.dot(a, b)
    except ValueError as err:
        print(err)
    print("Dot product = undefined")
    print("Angle = undefined")
    print("cos θ = undefined")
"""
else:
    code += """
    dot = np.dot(a, b)  # the same as np.sum(a * b) and a @ b
    print(f"Dot product = {round(dot, 4) + 0.0:.4f}")
    if norm_a == 0 or norm_b == 0:
        print("Angle = undefined")  # the zero vector has no direction
        print("cos θ = undefined")
    else:
        cos = np.clip(dot / (norm_a * norm_b), -1, 1)
        angle = np.degrees(np.arccos(cos))
        print(f"Angle = {round(angle, 4) + 0.0:.4f}")
        print(f"cos θ = {round(cos, 4) + 0.0:.4f}")
"""
code += """
    print(f"‖a‖ = {norm_a:.4f}")
    print(f"‖b‖ = {norm_b:.4f}")
"""
with ideas.idea(5):
    show_numpy_code(code, expanded=ideas.presenting)
