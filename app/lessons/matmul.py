"""Matrix multiplication: the words of the page."""

from __future__ import annotations

import numpy as np
import pandas as pd

from app.lessons.grammar import count
from core.text import format_array
from core.text import numpy_literal as literal

TITLE = "Matrix multiplication, step by step"
INTRO = (
    "Each cell of **C = A B** is a **row of A** times a **column of B**, so an (m, k) matrix "
    "times a (k, p) matrix is (m, p). Step through the cells, or play them."
)
OUTER_TITLE = "The same product as a sum of outer products"
IDEAS = ["Step by step", OUTER_TITLE, "What to notice", "Predict, then check", "The NumPy code"]
NONE_YET = "none yet"
STEP_LABEL = "Step: cells of C computed"
PLAY_SPEED = "Speed of ▶ Play"
MATRICES = "The matrices"
A_LABEL, B_LABEL = "A (rows separated by ;)", "B (rows separated by ;)"
MATRIX_HELP = (
    "Numbers separated by commas, rows by `;`, e.g. `1, 2; 3, 4`; "
    "or a nested list such as `[[1, 2, 3]]` for one row. Numbers up to 1e6 in size."
)
SEED_LABEL = "Seed for new random integers"
SHAPE_WORDS = {"m": "rows of A", "k": "columns of A = rows of B", "p": "columns of B"}
TERM_LABEL = "Outer-product terms added"
TERM_HELP = "Term t is column t of A times row t of B, a whole (m, p) matrix."
CELL_HELP = "0-based, as NumPy indexes; step 0 has no current cell"
NOTICE_TITLE = "What to notice"
TABLE_TITLE = "C as a table, cell by cell (text alternative to the picture)"
STEP_ZERO = "Step 0: no cell of C is computed yet (white cells). Press **▶ Play** or move the step slider."
NO_TERMS = "There is no product to split into terms yet: make the inner sizes match first."


def shown_figures(shape_c, step: int, last: int, cell, value) -> list[tuple[str, object, str | None]]:
    """The page's figures at ``step``: (``st.metric`` label, value, help)."""
    return [
        ("result shape", shape_c, None),
        ("step", step, f"cells of C computed so far, out of {last}"),
        ("current cell", f"C[{cell[0]}, {cell[1]}]" if cell else NONE_YET, CELL_HELP),
        ("current value", value if cell else NONE_YET, None),
    ]


def step_help(p: int) -> str:
    """The step slider's help: what a step is, and its keys."""
    return (
        "0 computes nothing yet; each step fills the next cell of C, row by row. Arrow keys: one cell; "
        f"PageUp / PageDown: one row of C ({count(p, 'cell')}); Home / End: none / all. ▶ Play steps through them."
    )


def readout(step: int, last: int, expression: str) -> str:
    """The live readout beside the step slider: the current cell's sum, written out."""
    return f"Step {step} of {last}: " + (expression if step else "no cell of C computed yet.")


def step_sentence(step: int, last: int, cell: tuple[int, int]) -> str:
    """What the picture shows at ``step``, roles named as well as coloured (Streamlit's colour names)."""
    i, j = cell
    return (
        f"Step {step} of {last}: row **{i}** of A :green[(green)] times column **{j}** of B "
        f":orange[(orange)] gives cell **C[{i}, {j}]** :violet[(purple)]:"
    )


def rule_sentence(m: int, k: int, p: int) -> str:
    """The shape rule with the current sizes, short enough for a phone."""
    return f"Inner sizes match ({k} = {k}), so C is ({m}, {p}): the shapes under the picture."


def shape_formula(m: int, k: int, p: int) -> str:
    """C_ij as a sum over the shape rule with the current sizes, in LaTeX (two lines, to fit a phone)."""
    return (
        r"\begin{gathered} C_{ij} = \sum_{t=0}^{k-1} A_{it}\,B_{tj} \\ "
        rf"\underbrace{{({m}, {k})}}_{{A}} \cdot \underbrace{{({k}, {p})}}_{{B}} "
        rf"\to \underbrace{{({m}, {p})}}_{{C}} \end{{gathered}}"
    )


def cell_table(expressions: list[str], step: int) -> dict[str, list[str]]:
    """Every cell of C with its sum, and its value once computed (``expressions`` from step 1 on)."""
    cells, sums, values = zip(*(e.split(" = ") for e in expressions))
    return {
        "cell": list(cells),
        "row of A · column of B": list(sums),
        "value": [v if n < step else "not yet" for n, v in enumerate(values)],
    }


def picture_words(m: int, k: int, p: int, cell: tuple[int, int] | None) -> str:
    """The step picture in words (its text alternative)."""
    where = (
        f"row {cell[0]} of A and column {cell[1]} of B highlighted, C filled up to cell C[{cell[0]}, {cell[1]}]"
        if cell
        else "no cell of C computed yet"
    )
    return f"A ({m}, {k}), B ({k}, {p}) and C ({m}, {p}) side by side; {where}."


def outer_link(t: int) -> str:
    return f"Term {t} on the outer-product page"


def outer_table_title(shown: int, k: int) -> str:
    return f"The sum of {shown} of {count(k, 'term')} as a table"


def outer_table(matrix: np.ndarray) -> pd.DataFrame:
    """The sum of the terms so far, rows and columns named."""
    rows, cols = matrix.shape
    return pd.DataFrame(matrix, index=[f"row {r}" for r in range(rows)], columns=[f"col {c}" for c in range(cols)])


def outer_words(m: int, k: int, p: int) -> str:
    return (
        f"Instead of one cell at a time, take **column t of A** (length {m}) and **row t of B** "
        f"(length {p}): their outer product is a whole ({m}, {p}) matrix. Adding "
        f"the {count(k, 'term')} gives C again."
    )


OUTER_FORMULA = r"C = \sum_{t=0}^{k-1} A_{:,t}\, B_{t,:}"


def outer_caption(a: np.ndarray, b: np.ndarray, shown: int, sums_to_c: bool) -> str:
    """The outer-product picture in words: the term drawn, and whether the sum is C."""
    (m, k), p = a.shape, b.shape[1]
    t = max(shown - 1, 0)
    first = (
        f"Term {t} is column {t} of A, ({format_array(a[:, t])}), times row {t} of B, "
        f"({format_array(b[t, :])}): a whole ({m}, {p}) matrix. "
        if shown
        else "No term added yet: the sum is all zeros, and term 0 is shown faded. "
    )
    return (
        first + f"With every term added ({count(k, 'term')}), the sum equals A @ B ({'yes' if sums_to_c else 'no'}). "
        "Each cell C[i, j] collects one product A[i, t] · B[t, j] from each term."
    )


def notice(m: int, k: int, p: int) -> str:
    """The shape rule, the cost and the order, with the current sizes."""
    if p != m:
        order = f"B A is undefined here: B's {count(p, 'column')} do not meet A's {count(m, 'row')}."
    else:
        order = f"B A is a ({k}, {k}) matrix, " + (
            "another shape than C." if k != m else "in general with other numbers."
        )
    return (
        f"Here A is ({m}, {k}) and B is ({k}, {p}), so C is ({m}, {p}): as many rows as A and as many "
        f"columns as B, while the inner size k = {k} disappears, summed over in every cell. Each cell costs "
        f"{count(k, 'multiplication')}, so C costs m·k·p = {m * k * p}: a neural network computes products of "
        f"exactly this kind, its inputs times a matrix of weights. Order matters: {order}"
    )


def mismatch_error(problem: str) -> str:
    return (
        f"**A B is undefined.** {problem}. Move the k slider to draw matching matrices, "
        "or type a B with as many rows as A has columns."
    )


def mismatch_caption(m: int, ka: int, kb: int, p: int) -> str:
    return (
        f"A ({m}, {ka}) and B ({kb}, {p}) side by side; their inner sizes {ka} and {kb}, marked "
        "in red, differ, so there is no C."
    )


def mismatch_notice(m: int, ka: int, kb: int, p: int) -> str:
    return (
        f"Here A has {count(ka, 'column')} but B has {count(kb, 'row')}: a row of A ({count(ka, 'number')}) and a "
        f"column of B ({count(kb, 'number')}) cannot be paired into a dot product. B needs {count(ka, 'row')}, or "
        f"A needs {count(kb, 'column')}; the outer sizes {m} and {p} may be anything."
    )


def numpy_says(words: str) -> str:
    return f"NumPy itself says: `{words}`"


def code(a: np.ndarray, b: np.ndarray, step: int) -> str:
    """The NumPy code that prints the page's figures for matching A and B."""
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


def mismatch_code(a: np.ndarray, b: np.ndarray) -> str:
    """The NumPy code for inner sizes that differ: NumPy's own error, and the figures as shown."""
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
