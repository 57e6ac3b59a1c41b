"""Outer product: w xᵀ, every pair w_i x_j in an n × p matrix, drawn as a heatmap and a table."""

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from app import theme, ui, url_state
from app.code_panel import literal, show_numpy_code
from app.presentation import Ideas
from app.quiz import predict_then_check
from core.text import format_array, format_number
from core.vectors import dot, outer, parse_vector

P = theme.PALETTE
MAX_LEN = 8


def canonical(text: str) -> str:
    """Typed text -> the vector's text as the URL holds it (1 to 8 numbers)."""
    return format_array(parse_vector(text, min_len=1, max_len=MAX_LEN))


def length_moved(name: str) -> None:
    """Callback of the length sliders: cut the vector, or extend it with the next whole numbers."""
    v = list(st.session_state[f"_vector_{name}"])
    n = st.session_state[f"{name}_len"]
    v = v[:n] + [float(k + 1) for k in range(len(v), n)]
    st.session_state[name] = format_array(np.array(v))


def notice(w: np.ndarray, x: np.ndarray, row: int, rank: int) -> str:
    """What the current w and x show: how many numbers make the matrix, and how its rows compare."""
    n, p = w.size, x.size
    count = f"Here w has n = {n} numbers and x has p = {p}: w xᵀ holds {n * p} products made from only {n + p} numbers."
    if rank == 0:
        return count + " A vector of zeros makes every product 0: the matrix has rank 0."
    base = int(np.flatnonzero(w)[0])
    other = row if row != base else next((i for i in range(n) if i != base), None)
    if other is None:
        return count + f" With one row, the matrix is just x scaled by w_0 = {format_number(w[0])}."
    return count + (
        f" Row {other} is {format_number(w[other])} × x and row {base} is "
        f"{format_number(w[base])} × x, so row {other} = {format_number(w[other] / w[base])} × "
        f"row {base}: every row is a multiple of x, which is why the rank is {rank}."
    )


ui.page_header(
    "Outer product",
    "The outer product **w xᵀ** multiplies **every** w_i with **every** x_j: a vector of n numbers and "
    "one of p numbers give an **n × p matrix**. Row i is x scaled by w_i.",
)
ideas = Ideas(
    [
        "The matrix w xᵀ",
        "The same matrix as a table",
        "Outer product or dot product?",
        "What to notice",
        "Predict, then check",
        "The NumPy code",
    ]
)

with ideas.idea(0):
    figure_row = ui.figure_row()
    controls, picture = st.columns([1, 2], gap="large")
with controls:
    w_text = url_state.text(
        "w (a column, n numbers)",
        "w",
        "1, 2, 3",
        canonical,
        str,
        help="1 to 8 numbers separated by commas or spaces, e.g. `1, 2, 3`.",
    )
    x_text = url_state.text("x (a row, p numbers)", "x", "1, 2", canonical, str)
w = parse_vector(w_text, min_len=1, max_len=MAX_LEN)
x = parse_vector(x_text, min_len=1, max_len=MAX_LEN)
st.session_state["_vector_w"], st.session_state["_vector_x"] = w.tolist(), x.tolist()
n, p = w.size, x.size
m = outer(w, x)

with controls:
    st.session_state["w_len"], st.session_state["x_len"] = n, p
    st.slider("n = length of w (rows)", 1, MAX_LEN, key="w_len", on_change=length_moved, args=("w",))
    st.slider("p = length of x (columns)", 1, MAX_LEN, key="x_len", on_change=length_moved, args=("x",))
    if n > 1:
        row = int(url_state.slider("Highlight row i", "row", 0, n - 1, 0, step=1))
    else:
        row = 0
        st.caption("With one row, row 0 is highlighted.")

rank = int(np.any(w != 0) and np.any(x != 0))
ui.figure("result shape", m.shape, container=figure_row)
ui.figure(
    "rank",
    rank,
    container=figure_row,
    help="Every row is a multiple of x, so the rows span one line: rank 1 (0 if w or x is all zeros).",
)

# ---- the heatmap: w down the left, x across the top, w_i * x_j in each cell
s = theme.sizes()
low, high = float(m.min()), float(m.max())
if low >= 0:
    scale, zmin, zmax = theme.RESULT_SCALE, 0.0, max(high, 1e-12)
elif high <= 0:
    scale, zmin, zmax = [[0.0, P["result"]], [1.0, "#FFFFFF"]], min(low, -1e-12), 0.0
else:
    bound = max(-low, high)
    scale, zmin, zmax = theme.DIVERGING_SCALE, -bound, bound
hover = np.array(
    [
        [f"w_{i} * x_{j} = {format_number(w[i])} * {format_number(x[j])} = {format_number(m[i, j])}" for j in range(p)]
        for i in range(n)
    ]
)
fig = theme.new_figure(
    go.Heatmap(
        z=m,
        x=np.arange(p),
        y=np.arange(n),
        colorscale=scale,
        zmin=zmin,
        zmax=zmax,
        showscale=False,
        text=np.vectorize(format_number)(m),
        texttemplate="%{text}",
        textfont={"size": s["cell_text"]},
        customdata=hover,
        hovertemplate="%{customdata}<extra></extra>",
        xgap=2,
        ygap=2,
    )
)
for i, value in enumerate(w):
    fig.add_annotation(
        x=-0.75,
        y=i,
        text=f"<b>{format_number(value)}</b>",
        showarrow=False,
        font={"color": P["a"], "size": s["cell_text"]},
        xanchor="right",
    )
for j, value in enumerate(x):
    fig.add_annotation(
        x=j,
        y=-0.75,
        text=f"<b>{format_number(value)}</b>",
        showarrow=False,
        font={"color": P["b"], "size": s["cell_text"]},
        yanchor="bottom",
    )
fig.add_annotation(
    x=-0.75,
    y=-0.75,
    text="<b>w</b> ╲ <b>x</b>",
    showarrow=False,
    xanchor="right",
    yanchor="bottom",
    font={"color": P["neutral"], "size": s["font"]},
)
fig.add_trace(
    go.Scatter(  # the highlighted row: a yellow frame (a trace, so it is part of the data)
        x=[-0.5, p - 0.5, p - 0.5, -0.5, -0.5],
        y=[row - 0.5, row - 0.5, row + 0.5, row + 0.5, row - 0.5],
        mode="lines",
        line={"color": P["highlight"], "width": s["line"] * 2.2},
        hoverinfo="skip",
        showlegend=False,
    )
)
fig.add_trace(
    go.Scatter(
        x=[-0.5, p - 0.5, p - 0.5, -0.5, -0.5],
        y=[row - 0.5] * 2 + [row + 0.5] * 2 + [row - 0.5],
        mode="lines",
        line={"color": "#1F2430", "width": 1},
        hoverinfo="skip",
        showlegend=False,
    )
)
fig.add_annotation(
    x=p - 0.35,
    y=row,
    text=f"◀ row {row}",
    showarrow=False,
    xanchor="left",
    font={"color": "#1F2430", "size": s["cell_text"]},
)
fig.update_xaxes(visible=False, range=[-1.6, p + 1.2], fixedrange=True)
fig.update_yaxes(visible=False, range=[n - 0.4, -1.4], scaleanchor="x", scaleratio=1, fixedrange=True)
fig.update_layout(dragmode=False)
fig.layout.height = theme.scaled(int(min(150 + 70 * n, 640)))

with picture:
    ui.chart(fig, key="outer_heatmap")
    st.markdown(
        f"**Row {row}** (yellow frame, marked ◀ row {row}) is w_{row} × x = "
        f"{format_number(w[row])} × [{', '.join(format_number(v) for v in x)}] = "
        f"[{', '.join(format_number(v) for v in m[row])}]. Hover a cell for its product; the "
        "next part lists every cell as a table."
    )

with ideas.idea(1):
    st.subheader("The same matrix as a table")
    table = pd.DataFrame(
        m,
        index=[f"w_{i} = {format_number(v)}" for i, v in enumerate(w)],
        columns=[f"x_{j} = {format_number(v)}" for j, v in enumerate(x)],
    )
    st.dataframe(table, width="content")

with ideas.idea(2):
    st.subheader("Outer product or dot product?")
    left, right = st.columns(2, gap="large")
    with left:
        st.latex(r"(w\,x^{\mathsf T})_{ij} = w_i\,x_j \qquad n \times p \text{ numbers}")
        st.markdown(
            f"- **Any lengths**: here n = {n} and p = {p}.\n"
            f"- Every row is a multiple of x (and every column a multiple of w): the matrix has "
            f"**rank {rank}**, however large it is."
        )
    with right:
        st.latex(r"w \cdot x = \sum_i w_i\,x_i \qquad \text{one number}")
        if n == p:
            st.markdown(
                f"- **Same length needed**: n = p = {n}, so here w · x = {format_number(dot(w, x))}: "
                "the sum of the **diagonal** of w xᵀ."
            )
        else:
            st.markdown(
                f"- **Same length needed**: n = {n} and p = {p} differ, so `np.dot(w, x)` would fail "
                "here, while the outer product works."
            )

with ideas.idea(3):
    st.subheader("What to notice")
    st.markdown(
        notice(w, x, row, rank)
        + " `np.outer(w, x)` is broadcasting in disguise, `w[:, np.newaxis] * x[np.newaxis, :]`: a "
        "column (n, 1) times a row (1, p). In a neural network, the gradient of a layer's weights for "
        "one example is an outer product: the error signal times the input."
    )

with ideas.idea(4):
    predict_then_check("outer")

with ideas.idea(5):
    show_numpy_code(
        f"""
        import numpy as np

        w = {literal(w)}
        x = {literal(x)}
        M = np.outer(w, x)  # the same as w[:, np.newaxis] * x[np.newaxis, :]
        print("result shape =", M.shape)
        print("rank =", np.linalg.matrix_rank(M))
        print(M)
    """,
        expanded=ideas.presenting,
    )
