"""Broadcasting: how NumPy combines arrays of different shapes, checked axis by axis and drawn."""

import numpy as np
import pandas as pd
import streamlit as st

from app import theme, ui, url_state
from app.code_panel import literal, show_numpy_code
from app.figures import cells as figures
from app.presentation import Ideas
from app.quiz import predict_then_check
from core.broadcasting import (
    SYMBOLS,
    BroadcastError,
    broadcast_shape,
    check_axes,
    combine,
    copied_cells,
    fixes,
    parse_operand,
    source_index,
    stretch,
)
from core.text import format_array, format_number, format_shape

PRESETS = [  # label, a, b, op
    ("[1 2 3] × 2 → [2 4 6]", "1, 2, 3", "2", "multiply"),
    ("(4, 3) + (3,)", "0, 0, 0; 10, 10, 10; 20, 20, 20; 30, 30, 30", "1, 2, 3", "add"),
    ("(4, 1) + (1, 3): a grid", "0; 10; 20; 30", "[[1, 2, 3]]", "add"),
    ("(4, 3) + (4,): fails", "0, 0, 0; 10, 10, 10; 20, 20, 20; 30, 30, 30", "1, 2, 3, 4", "add"),
    (
        "(4, 3, 2) + (3, 1)",
        "[[[1, 2], [3, 4], [5, 6]], [[7, 8], [9, 10], [11, 12]], [[13, 14], [15, 16], [17, 18]], "
        "[[19, 20], [21, 22], [23, 24]]]",
        "100; 200; 300",
        "add",
    ),
]
OPS = ["add", "subtract", "multiply", "divide"]
OP_WORDS = {"add": "+ add", "subtract": "− subtract", "multiply": "× multiply", "divide": "÷ divide"}
P = theme.PALETTE


def canonical(text: str) -> str:
    """Typed text -> the text of the array it means (so the URL holds one spelling)."""
    return format_array(parse_operand(text))


def set_operands(a: str | None = None, b: str | None = None, op: str | None = None) -> None:
    """Callback of the presets and the suggested fixes: write into the text boxes before they render."""
    for key, value in (("a", a), ("b", b), ("op", op)):
        if value is not None:
            st.session_state[key] = value
    st.session_state.pop("cell", None)


def extent(shape: tuple[int, ...]) -> tuple[int, int, int]:
    """Columns, rows and extra depth (blocks behind) of an array's picture."""
    full = (1,) * (3 - len(shape)) + tuple(shape)
    return full[2], full[1], full[0] - 1


def index_text(name: str, idx: tuple[int, ...]) -> str:
    return f"{name}[{', '.join(map(str, idx))}]" if idx else name


def picture_table(a: np.ndarray, b: np.ndarray, shape: tuple[int, ...], result) -> pd.DataFrame:
    """The picture in words: one row per result cell, with the cells of a and b it reads."""
    rows = []
    for i in np.ndindex(*shape):
        ia, ib = source_index(i, a.shape), source_index(i, b.shape)
        rows.append(
            {
                "result cell": index_text("result", i),
                "reads from a": f"{index_text('a', ia)} = {format_number(a[ia])}",
                "reads from b": f"{index_text('b', ib)} = {format_number(b[ib])}",
            }
            | ({"result": format_number(result[i])} if result is not None else {})
        )
    return pd.DataFrame(rows)


def times(n: int) -> str:
    return {1: "once", 2: "twice"}.get(n, f"{n} times")


def notice(shape_a, shape_b, shape, checks) -> str:
    """What the current pair shows, in two sentences with its own numbers."""
    if shape is None:
        bad = next(c for c in reversed(checks) if c.status == "mismatch")
        return (
            f"Here axis {bad.axis} clashes: a has length {bad.len_a} there and b has {bad.len_b}. "
            "Neither is 1, so NumPy refuses rather than guess which numbers pair up; shapes are "
            "lined up from the **right**, so a reshape that moves the matching length there, or a "
            "new axis of length 1 (`np.newaxis`), makes them fit."
        )
    stretches = [
        f"{c.status[-1]} is stretched along axis {c.axis} from 1 to {c.result}"
        if (c.len_a if c.status == "stretch a" else c.len_b) is not None
        else f"{c.status[-1]} has no axis {c.axis}, so it counts as 1 and is stretched to {c.result}"
        for c in checks
        if c.status.startswith("stretch")
    ]
    if not stretches:
        return (
            f"Here a and b both have shape {format_shape(shape)}: nothing is stretched, and each "
            "number meets the one in the same place."
        )
    size, size_a, size_b = int(np.prod(shape)), int(np.prod(shape_a)), int(np.prod(shape_b))
    return (
        f"Here {' and '.join(stretches)}, so the result {format_shape(shape)} holds {size} numbers "
        f"made from a's {size_a} and b's {size_b}. Each number of a is used {times(size // size_a)} and "
        f"each of b {times(size // size_b)}: NumPy copies nothing, it reads the same numbers again."
    )


def cell_text(length):
    return "·" if length is None else str(length)


def verdict(check):
    if check.status == "equal":
        return ":green[✓ equal]" if check.len_a is not None and check.len_b is not None else ":green[✓ fits]"
    if check.status == "mismatch":
        return f":red[**✗ {check.len_a} ≠ {check.len_b}**]"
    who = check.status[-1]
    was = check.len_a if who == "a" else check.len_b
    return f":orange[stretch {who}: {1 if was is None else was} → {check.result}]"


ui.page_header(
    "Broadcasting",
    "NumPy combines arrays of **different shapes** by stretching length-1 axes: the smaller "
    "array is copied (in thought; NumPy copies nothing) until the shapes match. Type two arrays "
    "or pick an example, then follow one result cell back to the numbers it came from.",
)

ideas = Ideas(
    ["Stretch, then combine", "The rule, axis by axis", "What to notice", "Predict, then check", "The NumPy code"]
)

with ideas.idea(0):
    figure_row = ui.figure_row()
    with st.container(horizontal=True, gap="small", vertical_alignment="center"):
        st.markdown("**Examples from the slides:**")
        for number, (label, pa, pb, pop) in enumerate(PRESETS):
            st.button(label, key=f"preset_{number}", on_click=set_operands, args=(pa, pb, pop))
    controls, picture = st.columns([1, 2.2], gap="large")
with controls:
    a_text = url_state.text(
        "a",
        "a",
        "1, 2, 3",
        canonical,
        str,
        help="Numbers separated by commas or spaces, rows by `;`, e.g. `1 2 3; 4 5 6`, "
        "or nested lists `[[1, 2, 3]]`. One number is a scalar, shape ().",
    )
    b_text = url_state.text("b", "b", "2", canonical, str)
    op = url_state.choice("Operation", "op", OPS, "multiply", format_func=OP_WORDS.get, horizontal=True)

a, b = parse_operand(a_text), parse_operand(b_text)
sym = SYMBOLS[op]  # as Python writes it, in the code
shown = {"add": "+", "subtract": "−", "multiply": "×", "divide": "÷"}[op]  # as the picture writes it
checks = check_axes(a.shape, b.shape)
try:
    shape = broadcast_shape(a.shape, b.shape)
    error = None
except BroadcastError as err:
    shape, error = None, err

ui.figure("shape of a", a.shape, container=figure_row)
ui.figure("shape of b", b.shape, container=figure_row)
ui.figure(
    "result shape",
    shape if shape is not None else "—",
    container=figure_row,
    help=None if shape is not None else "The shapes do not broadcast: there is no result.",
)

divide_by_zero = shape is not None and op == "divide" and not np.all(b != 0)
result = combine(a, b, op) if shape is not None and not divide_by_zero else None
cell: tuple[int, ...] = ()
with picture:
    if shape is not None and int(np.prod(shape)) > 1:
        flat = url_state.slider(
            "Follow one result cell (its position in reading order)", "cell", 0, int(np.prod(shape)) - 1, 0, step=1
        )
        cell = tuple(int(i) for i in np.unravel_index(flat, shape))
    elif shape is not None:
        cell = (0,) * len(shape)

# ---- the picture: a and b as typed; below, both stretched to the result's shape, and the result
fig = figures.grid_figure()
src_a = source_index(cell, a.shape) if shape is not None else None
src_b = source_index(cell, b.shape) if shape is not None else None
ca, ra, da = extent(a.shape)
cb, rb, db = extent(b.shape)
figures.add_array(
    fig,
    a,
    x0=0,
    y0=0,
    fill=P["a_fill"],
    line=P["a"],
    highlight=src_a,
    label=f"a {format_shape(a.shape)}",
    hover=[index_text("a", i) for i in np.ndindex(*a.shape)],
)
figures.add_array(
    fig,
    b,
    x0=ca + da + 2,
    y0=0,
    fill=P["b_fill"],
    line=P["b"],
    highlight=src_b,
    label=f"b {format_shape(b.shape)}",
    hover=[index_text("b", i) for i in np.ndindex(*b.shape)],
)
fig.add_annotation(
    x=ca + da + 1,
    y=-min(ra, rb) / 2,
    text="✗" if error else shown,
    showarrow=False,
    font={"size": theme.sizes()["title"] * 1.6, "color": P["error"] if error else P["neutral"]},
)
height_units = max(ra + da, rb + db) + 1
if shape is not None:
    c, r, d = extent(shape)
    y1 = -max(ra, rb) - 2.2 - d
    size = int(np.prod(shape))
    idx_all = list(np.ndindex(*shape))
    hover_a = [
        f"{index_text('a', i)}: " + ("a copy of " if m else "") + index_text("a", source_index(i, a.shape))
        for i, m in zip(idx_all, copied_cells(a.shape, shape).ravel())
    ]
    hover_b = [
        f"{index_text('b', i)}: " + ("a copy of " if m else "") + index_text("b", source_index(i, b.shape))
        for i, m in zip(idx_all, copied_cells(b.shape, shape).ravel())
    ]
    fig.add_annotation(
        x=-0.3,
        y=y1 + d + 1.2,
        text="stretched to " + format_shape(shape) + ":",
        showarrow=False,
        xanchor="left",
        font={"size": theme.sizes()["font"], "color": P["neutral"]},
    )
    x = 0.0
    figures.add_array(
        fig,
        stretch(a, shape),
        x0=x,
        y0=y1,
        fill=P["a_fill"],
        line=P["a"],
        ghost=copied_cells(a.shape, shape),
        highlight=cell,
        hover=hover_a,
    )
    x += c + d + 1
    fig.add_annotation(
        x=x - 0.5,
        y=y1 - r / 2,
        text=shown,
        showarrow=False,
        font={"size": theme.sizes()["title"] * 1.4, "color": P["neutral"]},
    )
    figures.add_array(
        fig,
        stretch(b, shape),
        x0=x,
        y0=y1,
        fill=P["b_fill"],
        line=P["b"],
        ghost=copied_cells(b.shape, shape),
        highlight=cell,
        hover=hover_b,
    )
    x += c + d + 1
    fig.add_annotation(
        x=x - 0.5,
        y=y1 - r / 2,
        text="=",
        showarrow=False,
        font={"size": theme.sizes()["title"] * 1.4, "color": P["neutral"]},
    )
    if result is not None:
        hover_r = [
            f"{index_text('result', i)} = {index_text('a', source_index(i, a.shape))} {shown} "
            f"{index_text('b', source_index(i, b.shape))} = {format_number(a[source_index(i, a.shape)])} "
            f"{shown} {format_number(b[source_index(i, b.shape)])} = {format_number(result[i])}"
            for i in idx_all
        ]
        figures.add_array(
            fig,
            result,
            x0=x,
            y0=y1,
            fill=P["result_fill"],
            line=P["result"],
            highlight=cell,
            label="result",
            hover=hover_r,
        )
    height_units = -y1 + r + 1.5
fig.update_layout(height=int(min(max(45 * height_units + 40, 200), 720)))

with picture:
    ui.chart(fig, key="broadcasting_cells")
    if shape is not None:
        st.caption(
            f"Top: a {format_shape(a.shape)} and b {format_shape(b.shape)} as typed. Below: both "
            f"stretched to {format_shape(shape)}, then combined cell by cell"
            + (" into the result." if result is not None else ".")
            + " Dotted, faded cells are **copies** made by stretching a length-1 (or missing) axis; "
            "solid cells hold the numbers you typed. Hover a cell to see where it comes from."
        )
    else:
        st.caption(
            f"a {format_shape(a.shape)} and b {format_shape(b.shape)} as typed, with ✗ between "
            "them: the shapes do not broadcast, so nothing is stretched and there is no result."
        )
    if result is not None:
        ia, ib = source_index(cell, a.shape), source_index(cell, b.shape)
        st.markdown(
            f"**Following one cell** (yellow in the picture): `{index_text('result', cell)} = "
            f"{index_text('a', ia)} {sym} {index_text('b', ib)} = {format_number(a[ia])} {sym} "
            f"{format_number(b[ib])} = {format_number(result[cell])}`"
        )
    if shape is not None:
        with st.expander("The picture as a table"):
            st.dataframe(picture_table(a, b, shape, result), hide_index=True)
    if error is not None:
        failing = next(c for c in checks if c.axis == error.axis)
        st.error(
            f"**NumPy says:** `ValueError: {error}`\n\n"
            f"a has shape {format_shape(a.shape)} and b has shape {format_shape(b.shape)}. Compared from the right, "
            f"**axis {error.axis}** fails: a has length {failing.len_a} there and b has {failing.len_b}. "
            "They are not equal and neither is 1, so NumPy cannot tell which numbers go together.",
            icon=":material/error:",
        )
        suggestions = fixes(a.shape, b.shape)
        if suggestions:
            st.markdown("**A fix to try** (one click writes the reshaped array into its box):")
            for name, expression, new in suggestions[:2]:
                reshaped = (
                    (b if name == "b" else a).reshape(new)
                    if not expression.endswith(".T")
                    else (b if name == "b" else a).T
                )
                kwargs = {name: format_array(reshaped)}
                st.button(
                    f"`{expression}` makes {name} {format_shape(new)}; result "
                    f"{format_shape(broadcast_shape(new, b.shape if name == 'a' else a.shape))}",
                    key=f"fix_{name}_{expression}",
                    on_click=set_operands,
                    kwargs=kwargs,
                )
        else:
            st.markdown("No single reshape fixes this pair: change one of the lengths.")
    if divide_by_zero:
        st.error(
            "**Division by zero:** b holds a 0. NumPy would answer `inf` or `nan` with "
            "`RuntimeWarning: divide by zero encountered in divide`. Change the 0 or pick another "
            "operation to see the result.",
            icon=":material/error:",
        )

with ideas.idea(1):
    st.subheader("The rule, axis by axis")
    st.markdown(
        "Write the shapes **right-aligned**, one above the other, and compare each axis from the "
        "right: the lengths must be **equal**, or one of them must be **1** (it is stretched). "
        "A missing axis counts as 1."
    )
    if checks:
        lines = [
            "| | " + " | ".join(f"axis {c.axis}" for c in checks) + " |",
            "|---|" + "---:|" * len(checks),
            f"| a {format_shape(a.shape)} | " + " | ".join(cell_text(c.len_a) for c in checks) + " |",
            f"| b {format_shape(b.shape)} | " + " | ".join(cell_text(c.len_b) for c in checks) + " |",
            "| check | " + " | ".join(verdict(c) for c in checks) + " |",
            "| result | " + " | ".join(":red[✗]" if c.result is None else str(c.result) for c in checks) + " |",
        ]
        st.markdown("\n".join(lines))
        st.caption("· = the array has no such axis: NumPy puts a 1 in front of its shape.")
    else:
        st.markdown("Both are scalars, shape `()`: there is no axis to check; the result is a scalar.")

with ideas.idea(2):
    st.subheader("What to notice")
    st.latex(
        r"\begin{gathered} n_{\text{result}} = \max(n_a, n_b) \quad\text{on each axis,} \\ "
        r"\text{allowed iff}\quad n_a = n_b \;\lor\; n_a = 1 \;\lor\; n_b = 1 \end{gathered}"
    )
    st.markdown(
        notice(a.shape, b.shape, shape, checks)
        + " The same rule adds a bias of shape `(units,)` to every row of a batch of shape "
        "`(batch, units)`: one bias, reused for every example."
    )

with ideas.idea(3):
    predict_then_check("broadcast")

with ideas.idea(4):
    code_a, code_b = literal(a), literal(b)
    if shape is None:
        tail = f"""
        try:
            c = a {sym} b
        except ValueError as err:
            print("result shape = —")
            print(err)
        """
    else:
        tail = f"""
        c = a {sym} b
        print("result shape =", np.shape(c))
        print(c)
        """
    show_numpy_code(
        f"""
        import numpy as np

        a = {code_a}
        b = {code_b}
        print("shape of a =", np.shape(a))
        print("shape of b =", np.shape(b))
    """
        + tail,
        expanded=ideas.presenting,
    )
