"""Matrix multiplication step by step: each cell of C is a row of A times a column of B.

URL state (``shared/CONTRACT.md``): ``a`` and ``b`` hold the matrices as text (the one source of
truth: the shape sliders and the seed only rewrite them), ``step`` counts the cells of C
computed so far in row-major order. Step 0 computes nothing yet: the figures `current cell`
and `current value` read ``none yet``. Also ``seed`` (for new random integers), ``speed``
(of the in-figure animation) and ``term`` (outer products summed in the second view).
"""

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from app import theme, ui, url_state
from app.code_panel import literal, show_numpy_code
from app.figures.cells import add_grid, grid_figure
from app.presentation import Ideas
from app.quiz import predict_then_check
from app.registry import PAGES
from core.matmul import (
    ShapeMismatch,
    cell_of_step,
    dot_expression,
    matmul_steps,
    outer_terms,
    parse_matrix,
    random_small_matrices,
    result_shape,
)
from core.text import format_array, format_number

DEFAULT_SEED = 1
DEFAULT_A, DEFAULT_B = random_small_matrices(2, 5, 3, DEFAULT_SEED)
SHAPE_KEYS = {"m": "shape_m", "k": "shape_k", "p": "shape_p"}
SLIDER_MAX = 6  # shape sliders run 1..6; a typed matrix may be larger (up to 8 per axis)
SPEEDS = {"slow": 1200, "medium": 600, "fast": 250}  # milliseconds per frame of the animation
NONE_YET = "none yet"
OUTER_TITLE = "The same product as a sum of outer products"
P = theme.PALETTE
GAP = 1.4  # empty cells between two matrices in a picture
OFF = -1000.0  # where hidden highlight polygons wait, far outside the visible range
LABEL_X = -0.1  # where the "row i" label ends, left of A


# ---------------------------------------------------------------- state changes (callbacks)


def _regenerate() -> None:
    """A shape slider or the seed moved: new random integers of the chosen shapes, written to a and b."""
    m, k, p = (int(st.session_state[SHAPE_KEYS[n]]) for n in "mkp")
    a, b = random_small_matrices(m, k, p, int(st.session_state.get("seed", DEFAULT_SEED)))
    for key, value in (("a", a), ("b", b)):
        st.session_state[key] = format_array(value)
        st.session_state[f"_last_good_{key}"] = value


def _move_step(delta: int | None, last: int) -> None:
    """Previous / next (``delta`` = -1 / +1) or show all (``delta`` = None)."""
    now = int(st.session_state.get("step", 0))
    st.session_state["step"] = last if delta is None else min(max(now + delta, 0), last)


# ---------------------------------------------------------------- pictures


def _rect(x0: float, y0: float, rows: int = 1, cols: int = 1) -> list[list]:
    """Closed outline of a block of cells, top-left at (x0, y0), followed by a gap (``None``)."""
    if rows <= 0 or cols <= 0:
        return _hidden()
    return [[x0, x0 + cols, x0 + cols, x0, x0, None], [y0, y0, y0 - rows, y0 - rows, y0, None]]


def _hidden() -> list[list]:
    """A polygon of no size, waiting outside the picture until a frame moves it in."""
    return [[OFF] * 5 + [None], [OFF] * 5 + [None]]


def _grid_path(x0: float, rows: int, cols: int) -> str:
    """An SVG path of all cell borders of a ``rows`` x ``cols`` grid with its top-left at (x0, 0)."""
    across = " ".join(f"M{x0},{-i} L{x0 + cols},{-i}" for i in range(rows + 1))
    down = " ".join(f"M{x0 + j},0 L{x0 + j},{-rows}" for j in range(cols + 1))
    return f"{across} {down}"


def _centres(x0: float, shape: tuple[int, int]) -> tuple[np.ndarray, np.ndarray]:
    rows, cols = shape
    return x0 + np.tile(np.arange(cols), rows) + 0.5, -np.repeat(np.arange(rows), cols) - 0.5


def _poly(xy, fill: str, line: str, width: float) -> dict:
    return {
        "type": "scatter",
        "x": xy[0],
        "y": xy[1],
        "fill": "toself",
        "fillcolor": fill,
        "mode": "lines",
        "line": {"color": line, "width": width},
        "hoverinfo": "skip",
        "showlegend": False,
    }


def _moving(m: int, k: int, p: int, step: int, geo: dict) -> list[list[list]]:
    """Positions of what changes with the step, as (x, y) pairs of lists.

    The current row of A, the current column of B, the computed cells of C (the rows above
    and the current row up to the current cell), the current cell, C's values (those not
    computed yet wait outside the picture), the written-out sum of the step, and the labels
    "row i" beside A and "col j" under B (so the roles do not rest on colour alone). Text that
    changes is drawn unreliably by an animation without redraw, while points that move are
    not: so every text is always there, and frames only move it in or out.
    """
    x_b, x_c = geo["x_b"], geo["x_c"]
    cell = cell_of_step(step, p)
    i, j = cell if cell else (0, -1)
    done_rows = _rect(x_c, 0, i, p)
    done_row = _rect(x_c, -i, 1, j + 1)
    cx, cy = geo["c_centres"]
    done = np.arange(m * p) < step
    e_x = [OFF] * (m * p + 1)
    e_x[step] = 0.0
    label_x = [OFF] * (m + p)
    if cell:
        label_x[i], label_x[m + j] = LABEL_X, x_b + j + 0.5
    return [
        _rect(0, -i, 1, k) if cell else _hidden(),
        _rect(x_b + j, 0, k, 1) if cell else _hidden(),
        [done_rows[0] + done_row[0], done_rows[1] + done_row[1]],
        _rect(x_c + j, -i) if cell else _hidden(),
        [np.where(done, cx, OFF).tolist(), cy.tolist()],
        [e_x, [geo["expr_y"]] * (m * p + 1)],
        [label_x, [-r - 0.5 for r in range(m)] + [-k - 0.05] * p],
    ]


@st.cache_resource(max_entries=32, show_spinner=False)
def _animation(a: np.ndarray, b: np.ndarray, projector: bool) -> dict:
    """What the step picture shares across steps and sessions (read only): geometry, frames."""
    del projector  # part of the cache key only
    m, k = a.shape
    p = b.shape[1]
    x_b, x_c = k + GAP, k + GAP + p + GAP
    rows = max(m, k)
    # Below the matrices: the "col j" label, the shapes, the shape rule and the written-out sum.
    geo = {
        "x_b": x_b,
        "x_c": x_c,
        "rows": rows,
        "shape_y": -rows - 0.95,
        "rule_y": -rows - 1.75,
        "expr_y": -rows - 2.6,
        "c_centres": _centres(x_c, (m, p)),
        "c_text": [format_number(v) for v in (a @ b).ravel()],
        "expressions": ["Step 0: no cell of C computed yet. Press Next or ▶ Play."]
        + [dot_expression(one, a[one.i, :], b[:, one.j], times="·") for one in matmul_steps(a, b)],
    }
    frames = []
    for t in range(m * p + 1):
        polygons, texts = _moving(m, k, p, t, geo)[:4], _moving(m, k, p, t, geo)[4:]
        frames.append(
            {
                "name": str(t),
                "traces": list(range(7)),
                "data": [{"type": "scatter", "x": x, "y": y} for x, y in polygons]
                + [{"type": "scatter", "x": x} for x, _ in texts],
            }
        )  # texts move along x only
    return {"geo": geo, "frames": frames}


@st.cache_resource(max_entries=256, show_spinner=False)
def step_figure(a: np.ndarray, b: np.ndarray, step: int, speed_ms: int, projector: bool) -> go.Figure:
    """A, B and C side by side at ``step``, with one animation frame per step (played in the browser).

    Traces are only what moves (highlights, C's values, the written-out sum); borders are layout
    shapes and A's and B's values annotations, both drawn above the traces and never re-sent.
    """
    m, k = a.shape
    p = b.shape[1]
    anim = _animation(a, b, projector)
    geo = anim["geo"]
    x_b, x_c = geo["x_b"], geo["x_c"]
    s = theme.sizes()
    ink = "#1F2430"
    row, col, done, cur, c_xy, e_xy, label_xy = _moving(m, k, p, step, geo)
    fig = theme.PreparedFigure(layout=grid_figure(int(60 + 48 * (geo["rows"] + 3.4)) + 90).layout)
    fig.add_traces(
        [
            _poly(row, P["a_fill"], P["a"], s["line"] * 1.6),
            _poly(col, P["b_fill"], P["b"], s["line"] * 1.6),
            _poly(done, P["result_fill"], P["result"], 0.1),
            _poly(cur, P["result_fill"], P["result"], s["line"] * 2.4),
            {
                "type": "scatter",
                "x": c_xy[0],
                "y": c_xy[1],
                "text": geo["c_text"],
                "mode": "text",
                "showlegend": False,
                "hoverinfo": "skip",
                "textfont": {"size": s["cell_text"], "color": ink},
            },
            {
                "type": "scatter",
                "x": e_xy[0],
                "y": e_xy[1],
                "text": geo["expressions"],
                "mode": "text",
                "textposition": "middle right",
                "showlegend": False,
                "hoverinfo": "skip",
                "textfont": {"size": s["font"], "color": P["result"]},
            },
            {
                "type": "scatter",
                "x": label_xy[0],
                "y": label_xy[1],
                "mode": "text",
                "showlegend": False,
                "text": [f"row {r}" for r in range(m)] + [f"col {c}" for c in range(p)],
                "textposition": ["middle left"] * m + ["bottom center"] * p,
                "hoverinfo": "skip",
                "textfont": {"size": s["font"], "color": ink},
            },
        ]
    )
    shapes = [
        {"type": "path", "path": _grid_path(x0, r, c), "layer": "above", "line": {"color": colour, "width": s["line"]}}
        for x0, r, c, colour in ((0, m, k, P["a"]), (x_b, k, p, P["b"]), (x_c, m, p, P["result"]))
    ]
    values = [
        {
            "x": x0 + t + 0.5,
            "y": -r - 0.5,
            "text": format_number(matrix[r, t]),
            "hovertext": f"{name}[{r}, {t}] = {format_number(matrix[r, t])}",
            "font": {"size": s["cell_text"], "color": ink},
        }
        for name, x0, matrix in (("A", 0, a), ("B", x_b, b))
        for r, t in np.ndindex(*matrix.shape)
    ]
    inner = f"<b><span style='color:{P['result']}'>{k}</span></b>"
    notes = [  # the operators, the names, and the shape rule (m, k) · (k, p) -> (m, p) on the shapes
        {"x": k + GAP / 2, "y": -min(m, k) / 2, "text": "·", "font": {"size": s["title"] * 1.6, "color": ink}},
        {"x": x_b + p + GAP / 2, "y": -min(m, k) / 2, "text": "=", "font": {"size": s["title"] * 1.6, "color": ink}},
        {"x": k / 2, "y": geo["shape_y"], "text": f"({m}, {inner})", "font": {"color": P["a"]}},
        {"x": x_b + p / 2, "y": geo["shape_y"], "text": f"({inner}, {p})", "font": {"color": P["b"]}},
        {"x": x_c + p / 2, "y": geo["shape_y"], "text": f"({m}, {p})", "font": {"color": P["result"]}},
        {
            "x": (k + x_b + p) / 2,
            "y": geo["rule_y"],
            "font": {"color": ink},
            "text": f"inner sizes match ({k} = {k}), so C is ({m}, {p})",
        },  # short enough for a phone
    ] + [
        {
            "x": x0 + cols / 2,
            "y": 0.1,
            "text": f"<b>{name}</b>",
            "yanchor": "bottom",
            "font": {"size": s["title"], "color": colour},
        }
        for name, x0, cols, colour in (("A", 0, k, P["a"]), ("B", x_b, p, P["b"]), ("C", x_c, p, P["result"]))
    ]
    frame_args = {
        "mode": "immediate",
        "transition": {"duration": 0},
        "frame": {"duration": speed_ms, "redraw": False},
        "fromcurrent": True,
    }
    jump = {"mode": "immediate", "transition": {"duration": 0}, "frame": {"duration": 0, "redraw": False}}
    fig.update_layout(
        xaxis_range=[LABEL_X - 2.2, x_c + p + 0.5],
        yaxis_range=[geo["expr_y"] - 0.6, 1.0],
        margin={"l": 10, "r": 10, "t": 10, "b": 90},
    )
    return fig.prepared(
        frames_dicts=anim["frames"],
        layout_dicts={
            "shapes": shapes,
            "annotations": [dict(note, showarrow=False) for note in values + notes],
            "updatemenus": [
                {
                    "type": "buttons",
                    "direction": "left",
                    "x": 0,
                    "y": 0,
                    "xanchor": "left",
                    "yanchor": "top",
                    "pad": {"t": 8, "r": 8},
                    "showactive": False,
                    "buttons": [
                        {"label": "▶ Play", "method": "animate", "args": [None, frame_args]},
                        {"label": "❚❚ Pause", "method": "animate", "args": [[None], jump]},
                    ],
                }
            ],
            "sliders": [
                {
                    "active": step,
                    "x": 0.3,
                    "len": 0.7,
                    "y": 0,
                    "yanchor": "top",
                    "pad": {"t": 8},
                    "currentvalue": {"prefix": "step ", "xanchor": "right", "font": {"size": s["font"]}},
                    "steps": [
                        {"label": str(t), "method": "animate", "args": [[str(t)], jump]} for t in range(m * p + 1)
                    ],
                }
            ],
        },
    )
    return fig


@st.cache_resource(max_entries=64, show_spinner=False)
def mismatch_figure(a: np.ndarray, b: np.ndarray, projector: bool) -> go.Figure:
    """A and B side by side with their shapes; the inner sizes that differ marked in red."""
    s = theme.sizes()
    (m, ka), (kb, p) = a.shape, b.shape
    x_b = ka + GAP
    fig = grid_figure(height=int(60 + 48 * (max(m, kb) + 2)))
    add_grid(fig, a, fill="#FFFFFF", line=P["a"], label="<b>A</b>")
    add_grid(fig, b, x0=x_b, fill="#FFFFFF", line=P["b"], label="<b>B</b>")
    shape_y = -max(m, kb) - 0.55
    bad = lambda n: f"<b><span style='color:{P['error']}'>{n}</span></b>"
    fig.add_annotation(x=ka + GAP / 2, y=-min(m, kb) / 2, text="·", showarrow=False, font={"size": s["title"] * 1.6})
    fig.add_annotation(x=ka / 2, y=shape_y, text=f"({m}, {bad(ka)})", showarrow=False, font={"color": P["a"]})
    fig.add_annotation(x=x_b + p / 2, y=shape_y, text=f"({bad(kb)}, {p})", showarrow=False, font={"color": P["b"]})
    fig.add_annotation(
        x=(ka + x_b + p) / 2,
        y=shape_y - 0.8,
        showarrow=False,
        font={"color": P["error"]},
        text=f"inner sizes differ: {ka} ≠ {kb}; no C",
    )
    fig.update_yaxes(range=[shape_y - 1.3, 1.0])
    return fig


@st.cache_resource(max_entries=256, show_spinner=False)
def outer_figure(a: np.ndarray, b: np.ndarray, terms: np.ndarray, shown: int, projector: bool) -> go.Figure:
    """Column ``t`` of A times row ``t`` of B, the outer product, and the sum of the first ``shown`` terms."""
    m, k = a.shape
    p = b.shape[1]
    t = max(shown - 1, 0)
    x_row, x_term, x_sum = 1 + GAP, 1 + GAP + p + GAP, 1 + GAP + p + GAP + p + GAP
    fig = grid_figure(height=int(70 + 48 * (m + 1)))
    faded = shown == 0
    add_grid(fig, a[:, [t]], fill=P["a_fill"], line=P["a"], label=f"A[:, {t}]", ghost=np.full((m, 1), faded))
    add_grid(fig, b[[t], :], x0=x_row, fill=P["b_fill"], line=P["b"], label=f"B[{t}, :]", ghost=np.full((1, p), faded))
    add_grid(
        fig,
        terms[t],
        x0=x_term,
        fill=P["result_fill"],
        line=P["result"],
        label=f"term {t}: outer product",
        ghost=np.full((m, p), faded),
    )
    add_grid(
        fig,
        terms[:shown].sum(axis=0),
        x0=x_sum,
        fill=P["result_fill"],
        line=P["result"],
        label=f"sum of {shown} of {k} terms",
    )
    s = theme.sizes()
    for x, text in ((1 + GAP / 2, "·"), (x_row + p + GAP / 2, "="), (x_term + p + GAP / 2, "→")):
        fig.add_annotation(
            x=x,
            y=-min(m, 1) / 2 if text == "·" else -m / 2,
            text=text,
            showarrow=False,
            font={"size": s["title"] * 1.4},
        )
    fig.update_yaxes(range=[-m - 0.3, 1.0])
    return fig


def show_mismatch(a, b, problem) -> str:
    """Inner sizes differ: the error that teaches, A and B with their shapes, NumPy's own words.

    Returns the NumPy code of the page.
    """
    (m, ka), (kb, p) = a.shape, b.shape
    try:
        np.asarray(a) @ np.asarray(b)
    except ValueError as err:
        numpy_words = str(err)
    with picture:
        st.error(
            f"**A B is undefined.** {problem}. Move the k slider to draw matching matrices, "
            "or type a B with as many rows as A has columns.",
            icon="🚫",
        )
        ui.chart(mismatch_figure(a, b, theme.projector_on()), key="matmul_mismatch")
        st.caption(
            f"A ({m}, {ka}) and B ({kb}, {p}) side by side; their inner sizes {ka} and {kb}, marked "
            "in red, differ, so there is no C."
        )
        st.markdown(f"NumPy itself says: `{numpy_words}`")
    for col, (label, value) in zip(
        figure_row.columns(4),
        (("result shape", "undefined"), ("step", "none"), ("current cell", "none"), ("current value", "none")),
    ):
        ui.figure(label, value, container=col)
    with ideas.idea(1):
        st.subheader(OUTER_TITLE)
        st.markdown("There is no product to split into terms yet: make the inner sizes match first.")
    with ideas.idea(2):
        st.subheader("What to notice")
        st.markdown(
            f"Here A has {ka} columns but B has {kb} rows: a row of A ({ka} numbers) and a column of "
            f"B ({kb} numbers) cannot be paired into a dot product. B needs {ka} rows, or A needs "
            f"{kb} columns; the outer sizes {m} and {p} may be anything."
        )
    return f"""
        import numpy as np

        A = {literal(a)}
        B = {literal(b)}
        print("A:", A.shape, " B:", B.shape)
        try:
            C = A @ B
        except ValueError as err:
            print(err)
        print("result shape = undefined")
        print("step = none")
        print("current cell = none")
        print("current value = none")
    """


def show_product(a, b, shape_c) -> str:
    """The step-by-step view and the outer-product view, for matching shapes; returns the NumPy code."""
    m, k, p = a.shape[0], a.shape[1], b.shape[1]
    last = shape_c[0] * shape_c[1]
    with step_box:
        step = int(
            url_state.slider(
                "Step: cells of C computed",
                "step",
                0,
                last,
                1,
                help="0 computes nothing yet; each step fills the next cell of C, "
                "row by row. Keyboard: focus the slider, then ← →.",
            )
        )
        with st.container(horizontal=True, gap="small"):
            st.button("◀ Previous", key="step_prev", on_click=_move_step, args=(-1, last), disabled=step == 0)
            st.button("Next ▶", key="step_next", on_click=_move_step, args=(1, last), disabled=step == last)
            st.button("Show all", key="step_all", on_click=_move_step, args=(None, last), disabled=step == last)
        speed = url_state.choice(
            "Play speed (▶ Play under the picture)", "speed", list(SPEEDS), "medium", widget="segmented"
        )

    steps = matmul_steps(a, b)
    c = a @ b
    cell = cell_of_step(step, shape_c[1])
    current = steps[step - 1] if cell else None
    c1, c2, c3, c4 = figure_row.columns(4)
    ui.figure("result shape", shape_c, container=c1)
    ui.figure("step", step, container=c2, help=f"cells of C computed so far, out of {last}")
    ui.figure(
        "current cell",
        f"C[{cell[0]}, {cell[1]}]" if cell else NONE_YET,
        container=c3,
        help="0-based, as NumPy indexes; step 0 has no current cell",
    )
    ui.figure("current value", current.value if cell else NONE_YET, container=c4)

    with picture:
        ui.chart(step_figure(a, b, step, SPEEDS[speed or "medium"], theme.projector_on()), key="matmul_steps")
        if cell:
            i, j = cell
            # Streamlit's own colour names: no HTML on the page, and they follow the light or dark theme.
            st.markdown(
                f"Step {step} of {last}: row **{i}** of A :green[(green)] times column **{j}** of B "
                f":orange[(orange)] gives cell **C[{i}, {j}]** :violet[(purple)]:"
            )
            st.code(dot_expression(current, a[i, :], b[:, j]), language=None)
        else:
            st.markdown("Step 0: no cell of C is computed yet (white cells). Press **Next** or move the slider.")
        st.latex(
            r"C_{ij} = \sum_{t=0}^{k-1} A_{it}\,B_{tj}, \qquad "
            rf"\underbrace{{({m}, {k})}}_{{A}} \cdot \underbrace{{({k}, {p})}}_{{B}} "
            rf"\to \underbrace{{({m}, {p})}}_{{C}}"
        )

        with st.expander("C as a table, cell by cell (text alternative to the picture)"):
            st.table(
                {
                    "cell": [f"C[{s.i}, {s.j}]" for s in steps],
                    "row of A · column of B": [dot_expression(s, a[s.i, :], b[:, s.j]).split(" = ")[1] for s in steps],
                    "value": [format_number(s.value) if n < step else "not yet" for n, s in enumerate(steps)],
                }
            )

    with ideas.idea(1):
        st.subheader(OUTER_TITLE)
        terms = outer_terms(a, b)
        left, right = st.columns([1, 2.4], gap="large")
        with left:
            shown = int(
                url_state.slider(
                    "Outer-product terms added",
                    "term",
                    0,
                    k,
                    1,
                    help="Term t is column t of A times row t of B, a whole (m, p) matrix.",
                )
            )
            t = max(shown - 1, 0)  # the term drawn: the last one added
            st.markdown(
                f"Instead of one cell at a time, take **column t of A** (length {m}) and **row t of B** "
                f"(length {p}): their outer product is a whole ({m}, {p}) matrix. Adding the {k} terms "
                "gives C again."
            )
            st.latex(r"C = \sum_{t=0}^{k-1} A_{:,t}\, B_{t,:}")
            outer_spec = next((spec for spec in PAGES if spec.url_path == "outer-product"), None)
            if outer_spec is not None:
                st.page_link(
                    outer_spec.path.as_posix(),
                    label=f"Term {t} on the outer-product page",
                    icon=":material/open_in_new:",
                    query_params={"w": format_array(a[:, t]), "x": format_array(b[t, :])},
                )
        with right:
            ui.chart(outer_figure(a, b, terms, shown, theme.projector_on()), key="matmul_outer")
            done = np.allclose(terms.sum(axis=0), c)
            st.caption(
                (
                    f"Term {t} is column {t} of A, ({format_array(a[:, t])}), times row {t} of B, "
                    f"({format_array(b[t, :])}): a whole ({m}, {p}) matrix. "
                    if shown
                    else "No term added yet: the sum is all zeros, and term 0 is shown faded. "
                )
                + f"All {k} terms added: the sum equals A @ B ({'yes' if done else 'no'}). "
                "Each cell C[i, j] collects one product A[i, t] · B[t, j] from each term."
            )
            with st.expander(f"The sum of {shown} of {k} terms as a table"):
                st.table(
                    pd.DataFrame(
                        terms[:shown].sum(axis=0),
                        index=[f"row {r}" for r in range(m)],
                        columns=[f"col {c}" for c in range(p)],
                    )
                )

    if p != m:
        order = f"B A is undefined here: B's {p} columns do not meet A's {m} rows."
    else:
        order = f"B A is a ({k}, {k}) matrix, " + (
            "another shape than C." if k != m else "in general with other numbers."
        )

    with ideas.idea(2):
        st.subheader("What to notice")
        st.markdown(
            f"Here A is ({m}, {k}) and B is ({k}, {p}), so C is ({m}, {p}): as many rows as A and as many "
            f"columns as B, while the inner size k = {k} disappears, summed over in every cell. Each cell costs "
            f"{k} multiplications, so C costs m·k·p = {m * k * p}: the layers of a neural network are matrix "
            f"products of exactly this kind. Order matters: {order}"
        )

    return f"""
        import numpy as np

        A = {literal(a)}
        B = {literal(b)}
        C = A @ B
        print("result shape =", C.shape)
        step = {step}  # cells of C computed so far, row by row
        print("step =", step)


        def shown(x):  # as the page shows a figure: whole numbers plain, others with 4 decimals
            return str(int(x)) if float(x).is_integer() else f"{{x:.4f}}"


        if step == 0:
            print("current cell = {NONE_YET}")
            print("current value = {NONE_YET}")
        else:
            i, j = divmod(step - 1, C.shape[1])
            print(f"current cell = C[{{i}}, {{j}}]")
            print("current value =", shown(A[i, :] @ B[:, j]))
            print("products:", A[i, :] * B[:, j])
        # The same C as a sum of outer products of A's columns and B's rows:
        print(np.allclose(C, sum(np.outer(A[:, t], B[t, :]) for t in range(A.shape[1]))))
    """


# ---------------------------------------------------------------- the page

ui.page_header(
    "Matrix multiplication, step by step",
    "Each cell of **C = A B** is the dot product of a **row of A** and a **column of B**: "
    "`C[i, j] = A[i, :] · B[:, j]`. Step through the cells in order, or play them, and watch the "
    "shape rule at work: an (m, k) matrix times a (k, p) matrix is an (m, p) matrix.",
)
ideas = Ideas(["Step by step", OUTER_TITLE, "What to notice", "Predict, then check", "The NumPy code"])

with ideas.idea(0):
    figure_row = st.container()
    controls, picture = st.columns([1, 2.4], gap="large")

with controls:
    step_box = st.container()
    st.markdown("**The matrices**")
    shape_box = st.container()
    a = url_state.text(
        "A (rows separated by ;)",
        "a",
        DEFAULT_A,
        parse_matrix,
        format_array,
        help="Numbers separated by commas, rows by `;`, e.g. `1, 2; 3, 4`; "
        "or a nested list such as `[[1, 2, 3]]` for one row.",
    )
    b = url_state.text("B (rows separated by ;)", "b", DEFAULT_B, parse_matrix, format_array)

# The shape sliders show the shapes of a and b (the URL's truth); moving one draws new integers.
m, k, p = a.shape[0], a.shape[1], b.shape[1]
for name, value in zip("mkp", (m, k, p)):
    st.session_state[SHAPE_KEYS[name]] = value
with shape_box:
    cols = st.columns(3)
    for col, name, words in zip(cols, "mkp", ("rows of A", "columns of A = rows of B", "columns of B")):
        col.slider(
            name,
            1,
            max(SLIDER_MAX, st.session_state[SHAPE_KEYS[name]]),
            key=SHAPE_KEYS[name],
            on_change=_regenerate,
            help=f"{name}: {words}. Moving it draws new random integers.",
        )
    url_state.number("Seed for new random integers", "seed", 0, 9999, DEFAULT_SEED, step=1, on_change=_regenerate)

try:
    shape_c = result_shape(a.shape, b.shape)
except ShapeMismatch as mismatch:
    shape_c = None
    problem = mismatch

code = show_mismatch(a, b, problem) if shape_c is None else show_product(a, b, shape_c)

with ideas.idea(3):
    predict_then_check("matmul")

with ideas.idea(4):
    show_numpy_code(code, expanded=ideas.presenting)
