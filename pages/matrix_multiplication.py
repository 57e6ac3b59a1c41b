"""Matrix multiplication step by step: each cell of C is a row of A times a column of B.

URL state (``shared/CONTRACT.md``): ``a`` and ``b`` hold the matrices as text (the one source of
truth: the shape sliders and the seed only rewrite them), ``step`` counts the cells of C
computed so far in row-major order. Step 0 computes nothing yet: the figures `current cell`
and `current value` read ``none yet``. Also ``seed`` (for new random integers), ``speed``
(of the in-figure animation) and ``term`` (outer products summed in the second view).
"""

import numpy as np
import streamlit as st

from app import theme, ui, url_state
from app.code_panel import literal, show_numpy_code
from app.figures import add_grid, grid_figure
from app.registry import PAGES
from core.matmul import (ShapeMismatch, cell_of_step, dot_expression, matmul_steps, outer_terms,
                         parse_matrix, random_small_matrices, result_shape)
from core.text import format_array, format_figure, format_number, format_shape

DEFAULT_SEED = 1
DEFAULT_A, DEFAULT_B = random_small_matrices(2, 5, 3, DEFAULT_SEED)
SHAPE_KEYS = {"m": "shape_m", "k": "shape_k", "p": "shape_p"}
SLIDER_MAX = 6          # shape sliders run 1..6; a typed matrix may be larger (up to 8 per axis)
SPEEDS = {"slow": 1200, "medium": 600, "fast": 250}  # milliseconds per frame of the animation
NONE_YET = "none yet"
P = theme.PALETTE
GAP = 1.4                # empty cells between two matrices in a picture
OFF = -1000.0            # where hidden highlight polygons wait, far outside the visible range


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
    xs = [x0, x0 + cols, x0 + cols, x0, x0, None]
    ys = [y0, y0, y0 - rows, y0 - rows, y0, None]
    return [xs, ys]


def _hidden() -> list[list]:
    return [[OFF] * 5 + [None], [OFF] * 5 + [None]]


def _cells(x0: float, shape: tuple[int, int], mask: np.ndarray | None = None) -> list[list]:
    """Outlines of every cell (or of the masked ones; the others hidden), one polygon each."""
    xs, ys = [], []
    for i in range(shape[0]):
        for j in range(shape[1]):
            x, y = _rect(x0 + j, -i) if mask is None or mask[i, j] else _hidden()
            xs += x
            ys += y
    return [xs, ys]


def _centres(x0: float, shape: tuple[int, int]) -> tuple[np.ndarray, np.ndarray]:
    rows, cols = shape
    return x0 + np.tile(np.arange(cols), rows) + 0.5, -np.repeat(np.arange(rows), cols) - 0.5


def _poly(xy, fill: str, line: str, width: float) -> dict:
    return {"type": "scatter", "x": xy[0], "y": xy[1], "fill": "toself", "fillcolor": fill,
            "mode": "lines", "line": {"color": line, "width": width}, "hoverinfo": "skip",
            "showlegend": False}


def _texts(x0, shape, values, hover, colour="#1F2430") -> dict:
    cx, cy = _centres(x0, shape)
    return {"type": "scatter", "x": cx, "y": cy, "mode": "text", "text": values,
            "textfont": {"size": theme.sizes()["cell_text"], "color": colour}, "showlegend": False,
            "hovertext": hover, "hoverinfo": "text"}


def _frame_data(a, b, c, steps, step: int, x_b: float, x_c: float, expr_y: float) -> list[dict]:
    """The traces that change with the step: highlights, C's values and the written-out sum."""
    m, k = a.shape
    p = b.shape[1]
    s = theme.sizes()
    cell = cell_of_step(step, p)
    done = (np.arange(m * p) < step).reshape(m, p)
    row = _rect(0, -cell[0], 1, k) if cell else _hidden()
    col = _rect(x_b + cell[1], 0, k, 1) if cell else _hidden()
    cur = _rect(x_c + cell[1], -cell[0]) if cell else _hidden()
    before = done.copy()
    if cell:
        before[cell] = False
    # Text that changes is drawn unreliably by an animation without redraw; points that move are
    # not. So every text is always there, and the ones not shown yet wait outside the picture.
    cx, cy = _centres(x_c, (m, p))
    c_x, c_y = np.where(done.ravel(), cx, OFF), np.where(done.ravel(), cy, OFF)
    expressions = ["Step 0: no cell of C computed yet. Press Next or ▶ Play."] + [
        dot_expression(st_, a[st_.i, :], b[:, st_.j], times="·") for st_ in steps]
    e_x = np.full(len(expressions), OFF)
    e_x[step] = 0.0
    return [
        _poly(row, P["a_fill"], P["a"], s["line"] * 1.6),
        _poly(col, P["b_fill"], P["b"], s["line"] * 1.6),
        _poly(_cells(x_c, (m, p), before), P["result_fill"], P["result"], s["line"]),
        _poly(cur, P["result_fill"], P["result"], s["line"] * 2.4),
        {"type": "scatter", "x": c_x, "y": c_y, "text": [format_number(v) for v in c.ravel()],
         "mode": "text", "showlegend": False, "hoverinfo": "skip",
         "textfont": {"size": s["cell_text"], "color": "#1F2430"}},
        {"type": "scatter", "x": e_x, "y": np.full(len(expressions), expr_y), "mode": "text",
         "text": expressions,
         "textposition": "middle right", "showlegend": False, "hoverinfo": "skip",
         "textfont": {"size": s["font"], "color": P["result"]}},
    ]


@st.cache_data(max_entries=64, show_spinner=False)
def step_figure(a: np.ndarray, b: np.ndarray, step: int, speed_ms: int, projector: bool) -> dict:
    """A, B and C side by side at ``step``, with one animation frame per step (played in the browser)."""
    del projector  # part of the cache key: sizes depend on it
    m, k = a.shape
    p = b.shape[1]
    c = a @ b
    steps = matmul_steps(a, b)
    s = theme.sizes()
    x_b, x_c = k + GAP, k + GAP + p + GAP
    rows = max(m, k)
    shape_y, rule_y, expr_y = -rows - 0.55, -rows - 1.35, -rows - 2.2
    fig = grid_figure(height=int(60 + 48 * (rows + 3)))
    ink = "#1F2430"
    static = [
        _poly(_cells(0, (m, k)), "#FFFFFF", P["a"], s["line"]),
        _poly(_cells(x_b, (k, p)), "#FFFFFF", P["b"], s["line"]),
        _poly(_cells(x_c, (m, p)), P["neutral_fill"], P["result"], s["line"]),
    ]
    idx = np.indices
    a_hover = [f"A[{i}, {t}] = {format_number(a[i, t])}" for i, t in zip(*[x.ravel() for x in idx((m, k))])]
    b_hover = [f"B[{t}, {j}] = {format_number(b[t, j])}" for t, j in zip(*[x.ravel() for x in idx((k, p))])]
    texts = [_texts(0, (m, k), [format_number(v) for v in a.ravel()], a_hover),
             _texts(x_b, (k, p), [format_number(v) for v in b.ravel()], b_hover)]
    moving = _frame_data(a, b, c, steps, step, x_b, x_c, expr_y)
    for trace in static + moving[:4] + texts + moving[4:]:
        fig.add_trace(trace)
    # Every frame also re-sends A's and B's values: an animated polygon is redrawn on top of
    # the traces that did not move, so the numbers must be redrawn after it.
    moving_ids = list(range(len(static), len(fig.data)))
    # The operators, names and the shape rule (m, k) · (k, p) -> (m, p) written on the shapes.
    for x, text in ((k + GAP / 2, "·"), (x_b + p + GAP / 2, "=")):
        fig.add_annotation(x=x, y=-min(m, k) / 2, text=text, showarrow=False,
                           font={"size": s["title"] * 1.6, "color": ink})
    names = (("A", 0, k, a.shape, P["a"]), ("B", x_b, p, b.shape, P["b"]), ("C", x_c, p, c.shape, P["result"]))
    for name, x0, cols, shape, colour in names:
        fig.add_annotation(x=x0 + cols / 2, y=0.1, text=f"<b>{name}</b>", showarrow=False, yanchor="bottom",
                           font={"size": s["title"], "color": colour})
    inner = f"<b><span style='color:{P['result']}'>{k}</span></b>"
    fig.add_annotation(x=k / 2, y=shape_y, showarrow=False, font={"color": P["a"]},
                       text=f"({m}, {inner})")
    fig.add_annotation(x=x_b + p / 2, y=shape_y, showarrow=False, font={"color": P["b"]},
                       text=f"({inner}, {p})")
    fig.add_annotation(x=x_c + p / 2, y=shape_y, showarrow=False, font={"color": P["result"]},
                       text=f"({m}, {p})")
    fig.add_annotation(x=(k + x_b + p) / 2, y=rule_y, showarrow=False, font={"color": ink},
                       text=f"inner sizes match: {k} = {k};  the outer sizes give C's shape ({m}, {p})")
    width = x_c + p
    fig.update_xaxes(range=[-0.3, width + 0.5])
    fig.update_yaxes(range=[expr_y - 0.6, 1.0])
    fig.update_layout(margin={"l": 10, "r": 10, "t": 10, "b": 10})
    # One frame per step; the in-figure slider and play button move through them without a rerun.
    frames = []
    for t in range(m * p + 1):
        data = _frame_data(a, b, c, steps, t, x_b, x_c, expr_y)
        data = data[:4] + texts + data[4:]
        # A frame only moves points: texts stay as drawn, so send their positions alone.
        lean = [{"type": "scatter", "x": d["x"], "y": d["y"]} if d["mode"] == "text" else d for d in data]
        frames.append({"name": str(t), "traces": moving_ids, "data": lean})
    frame_args = {"mode": "immediate", "transition": {"duration": 0},
                  "frame": {"duration": speed_ms, "redraw": False}, "fromcurrent": True}
    fig.update_layout(
        updatemenus=[{
            "type": "buttons", "direction": "left", "x": 0, "y": 0, "xanchor": "left", "yanchor": "top",
            "pad": {"t": 8, "r": 8}, "showactive": False,
            "buttons": [
                {"label": "▶ Play", "method": "animate", "args": [None, frame_args]},
                {"label": "❚❚ Pause", "method": "animate",
                 "args": [[None], {"mode": "immediate", "frame": {"duration": 0, "redraw": False}}]},
            ],
        }],
        sliders=[{
            "active": step, "x": 0.3, "len": 0.7, "y": 0, "yanchor": "top", "pad": {"t": 8},
            "currentvalue": {"prefix": "step ", "xanchor": "right", "font": {"size": s["font"]}},
            "steps": [{"label": str(t), "method": "animate",
                       "args": [[str(t)], {"mode": "immediate", "transition": {"duration": 0},
                                           "frame": {"duration": 0, "redraw": False}}]}
                      for t in range(m * p + 1)],
        }],
    )
    fig.update_layout(height=fig.layout.height + 90, margin={"b": 90})
    out = fig.to_dict()
    out["frames"] = frames
    return out


def mismatch_figure(a: np.ndarray, b: np.ndarray) -> dict:
    """A and B side by side with their shapes; the inner sizes that differ marked in red."""
    s = theme.sizes()
    (m, ka), (kb, p) = a.shape, b.shape
    x_b = ka + GAP
    fig = grid_figure(height=int(60 + 48 * (max(m, kb) + 2)))
    add_grid(fig, a, fill="#FFFFFF", line=P["a"], label="<b>A</b>")
    add_grid(fig, b, x0=x_b, fill="#FFFFFF", line=P["b"], label="<b>B</b>")
    shape_y = -max(m, kb) - 0.55
    bad = lambda n: f"<b><span style='color:{P['error']}'>{n}</span></b>"  # noqa: E731
    fig.add_annotation(x=ka + GAP / 2, y=-min(m, kb) / 2, text="·", showarrow=False,
                       font={"size": s["title"] * 1.6})
    fig.add_annotation(x=ka / 2, y=shape_y, text=f"({m}, {bad(ka)})", showarrow=False, font={"color": P["a"]})
    fig.add_annotation(x=x_b + p / 2, y=shape_y, text=f"({bad(kb)}, {p})", showarrow=False,
                       font={"color": P["b"]})
    fig.add_annotation(x=(ka + x_b + p) / 2, y=shape_y - 0.8, showarrow=False,
                       font={"color": P["error"]}, text=f"inner sizes differ: {ka} ≠ {kb}; no C")
    fig.update_yaxes(range=[shape_y - 1.3, 1.0])
    return fig


def outer_figure(a: np.ndarray, b: np.ndarray, terms: np.ndarray, shown: int) -> dict:
    """Column ``t`` of A times row ``t`` of B, the outer product, and the sum of the first ``shown`` terms."""
    m, k = a.shape
    p = b.shape[1]
    t = max(shown - 1, 0)
    x_row, x_term, x_sum = 1 + GAP, 1 + GAP + p + GAP, 1 + GAP + p + GAP + p + GAP
    fig = grid_figure(height=int(70 + 48 * (m + 1)))
    faded = shown == 0
    add_grid(fig, a[:, [t]], fill=P["a_fill"], line=P["a"], label=f"A[:, {t}]", ghost=np.full((m, 1), faded))
    add_grid(fig, b[[t], :], x0=x_row, fill=P["b_fill"], line=P["b"], label=f"B[{t}, :]",
             ghost=np.full((1, p), faded))
    add_grid(fig, terms[t], x0=x_term, fill=P["result_fill"], line=P["result"],
             label=f"term {t}: outer product", ghost=np.full((m, p), faded))
    add_grid(fig, terms[:shown].sum(axis=0), x0=x_sum, fill=P["result_fill"], line=P["result"],
             label=f"sum of {shown} of {k} terms")
    s = theme.sizes()
    for x, text in ((1 + GAP / 2, "·"), (x_row + p + GAP / 2, "="), (x_term + p + GAP / 2, "→")):
        fig.add_annotation(x=x, y=-min(m, 1) / 2 if text == "·" else -m / 2, text=text, showarrow=False,
                           font={"size": s["title"] * 1.4})
    fig.update_yaxes(range=[-m - 0.3, 1.0])
    return fig


def show_mismatch(a, b, problem) -> None:
    """Inner sizes differ: the error that teaches, A and B with their shapes, NumPy's own words."""
    with picture:
        st.error(f"**A B is undefined.** {problem}. Move the k slider to draw matching matrices, "
                 "or type a B with as many rows as A has columns.", icon="🚫")
        ui.chart(mismatch_figure(a, b), key="matmul_mismatch")
    for col, (label, value) in zip(figure_row.columns(4), (("result shape", "undefined"), ("step", "none"),
                                                          ("current cell", "none"),
                                                          ("current value", "none"))):
        ui.figure(label, value, container=col)
    try:
        np.asarray(a) @ np.asarray(b)
    except ValueError as err:
        numpy_words = str(err)
    st.markdown(f"NumPy itself says: `{numpy_words}`")
    show_numpy_code(f"""
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
    """)



def show_product(a, b, shape_c) -> None:
    """The step-by-step view, the outer-product view and the code, for matching shapes."""
    m, k, p = a.shape[0], a.shape[1], b.shape[1]
    last = shape_c[0] * shape_c[1]
    with step_box:
        step = int(url_state.slider("Step: cells of C computed", "step", 0, last, 1,
                                    help="0 computes nothing yet; each step fills the next cell of C, "
                                         "row by row. Keyboard: focus the slider, then ← →."))
        with st.container(horizontal=True, gap="small"):
            st.button("◀ Previous", key="step_prev", on_click=_move_step, args=(-1, last),
                      disabled=step == 0)
            st.button("Next ▶", key="step_next", on_click=_move_step, args=(1, last), disabled=step == last)
            st.button("Show all", key="step_all", on_click=_move_step, args=(None, last),
                      disabled=step == last)
        speed = url_state.choice("Play speed (▶ Play under the picture)", "speed", list(SPEEDS), "medium",
                                 widget="segmented")

    steps = matmul_steps(a, b)
    c = a @ b
    cell = cell_of_step(step, shape_c[1])
    current = steps[step - 1] if cell else None
    c1, c2, c3, c4 = figure_row.columns(4)
    ui.figure("result shape", shape_c, container=c1)
    ui.figure("step", step, container=c2, help=f"cells of C computed so far, out of {last}")
    ui.figure("current cell", f"C[{cell[0]}, {cell[1]}]" if cell else NONE_YET, container=c3,
              help="0-based, as NumPy indexes; step 0 has no current cell")
    ui.figure("current value", current.value if cell else NONE_YET, container=c4)

    with picture:
        ui.chart(step_figure(a, b, step, SPEEDS[speed or "medium"], theme.projector_on()), key="matmul_steps")
        if cell:
            i, j = cell
            st.markdown(
                f"Step {step} of {last}: row **{i}** of A "
                f"<span style='color:{P['a']}'>(green)</span> times column **{j}** of B "
                f"<span style='color:{P['b']}'>(orange)</span> gives cell **C[{i}, {j}]** "
                f"<span style='color:{P['result']}'>(purple)</span>:", unsafe_allow_html=True)
            st.code(dot_expression(current, a[i, :], b[:, j]), language=None)
        else:
            st.markdown("Step 0: no cell of C is computed yet (white cells). Press **Next** or move the slider.")
        st.latex(r"C_{ij} = \sum_{t=0}^{k-1} A_{it}\,B_{tj}, \qquad "
                 rf"\underbrace{{({m}, {k})}}_{{A}} \cdot \underbrace{{({k}, {p})}}_{{B}} "
                 rf"\to \underbrace{{({m}, {p})}}_{{C}}")

    with st.expander("C as a table, cell by cell (text alternative to the picture)"):
        st.table({
            "cell": [f"C[{s.i}, {s.j}]" for s in steps],
            "row of A · column of B": [dot_expression(s, a[s.i, :], b[:, s.j]).split(" = ")[1] for s in steps],
            "value": [format_number(s.value) if n < step else "not yet" for n, s in enumerate(steps)],
        })

    st.subheader("The same product as a sum of outer products")
    terms = outer_terms(a, b)
    left, right = st.columns([1, 2.4], gap="large")
    with left:
        shown = int(url_state.slider("Outer-product terms added", "term", 0, k, 1,
                                     help="Term t is column t of A times row t of B, a whole (m, p) matrix."))
        st.markdown(
            f"Instead of one cell at a time, take **column t of A** (length {m}) and **row t of B** "
            f"(length {p}): their outer product is a whole ({m}, {p}) matrix. Adding the {k} terms "
            "gives C again.")
        st.latex(r"C = \sum_{t=0}^{k-1} A_{:,t}\, B_{t,:}")
        outer_spec = next((spec for spec in PAGES if spec.url_path == "outer-product"), None)
        if outer_spec is not None:
            t = max(shown - 1, 0)
            st.page_link(outer_spec.path.as_posix(), label=f"Term {t} on the outer-product page",
                         icon=":material/open_in_new:",
                         query_params={"w": format_array(a[:, t]), "x": format_array(b[t, :])})
    with right:
        ui.chart(outer_figure(a, b, terms, shown), key="matmul_outer")
        done = np.allclose(terms.sum(axis=0), c)
        st.caption(f"All {k} terms added: the sum equals A @ B ({'yes' if done else 'no'}). "
                   "Each cell C[i, j] collects one product A[i, t] · B[t, j] from each term.")

    with st.expander("What to notice"):
        st.markdown(
            f"- C has as many rows as A ({m}) and as many columns as B ({p}); the inner size k = {k} "
            "disappears: it is summed over.\n"
            f"- Each cell costs k = {k} multiplications, so C costs m·k·p = {m * k * p}. Layers of a neural "
            "network are matrix products of exactly this kind.\n"
            "- Order matters: B A is usually undefined or a different matrix. Try typing B with a "
            "different number of rows and read the error.")

    show_numpy_code(f"""
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
    """)


# ---------------------------------------------------------------- the page

ui.page_header(
    "Matrix multiplication, step by step",
    "Each cell of **C = A B** is the dot product of a **row of A** and a **column of B**: "
    "`C[i, j] = A[i, :] · B[:, j]`. Step through the cells in order, or play them, and watch the "
    "shape rule at work: an (m, k) matrix times a (k, p) matrix is an (m, p) matrix.",
)
figure_row = st.container()
controls, picture = st.columns([1, 2.4], gap="large")

with controls:
    step_box = st.container()
    st.markdown("**The matrices**")
    shape_box = st.container()
    a = url_state.text("A (rows separated by ;)", "a", DEFAULT_A, parse_matrix, format_array,
                       help="Numbers separated by commas, rows by `;`, e.g. `1, 2; 3, 4`; "
                            "or a nested list such as `[[1, 2, 3]]` for one row.")
    b = url_state.text("B (rows separated by ;)", "b", DEFAULT_B, parse_matrix, format_array)

# The shape sliders show the shapes of a and b (the URL's truth); moving one draws new integers.
m, k, p = a.shape[0], a.shape[1], b.shape[1]
for name, value in zip("mkp", (m, k, p)):
    st.session_state[SHAPE_KEYS[name]] = value
with shape_box:
    cols = st.columns(3)
    for col, name, words in zip(cols, "mkp", ("rows of A", "columns of A = rows of B", "columns of B")):
        col.slider(name, 1, max(SLIDER_MAX, st.session_state[SHAPE_KEYS[name]]), key=SHAPE_KEYS[name],
                   on_change=_regenerate, help=f"{name}: {words}. Moving it draws new random integers.")
    url_state.number("Seed for new random integers", "seed", 0, 9999, DEFAULT_SEED, step=1,
                     on_change=_regenerate)

try:
    shape_c = result_shape(a.shape, b.shape)
except ShapeMismatch as mismatch:
    shape_c = None
    problem = mismatch

if shape_c is None:
    show_mismatch(a, b, problem)
else:
    show_product(a, b, shape_c)
