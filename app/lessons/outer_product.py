"""Outer product: the words of the page."""

from __future__ import annotations

import numpy as np

from app.lessons.grammar import count
from core.text import format_number, format_shape
from core.vectors import rank_of_outer

TITLE = "Outer product"
INTRO = (
    "The outer product **w xᵀ** multiplies **every** w_i with **every** x_j: n numbers and p numbers give "
    "an **n × p matrix** whose row i is x scaled by w_i. The ᵀ (*transpose*) lays the column x down as a row (1, p)."
)
# Under "Outer product or dot product?", not in the intro: on a wall the intro must leave the picture room.
NUMPY_VECTORS = (
    "On paper w is a column (n, 1) and xᵀ a row (1, p). A NumPy vector of shape (n,) is neither a row nor a column (`x.T` has the same shape (n,) as `x`, and "
    "`w @ x.T` is the dot product), so NumPy writes the outer product `np.outer(w, x)`, or "
    "`w[:, None] * x[None, :]`: `[:, None]` makes a column, `[None, :]` a row."
)
IDEAS = ["The matrix w xᵀ", "The same matrix as a table", "Outer product or dot product?", "What to notice"]
IDEAS += ["Predict, then check", "The NumPy code"]
W_LABEL, X_LABEL = "w (n numbers, down the left)", "x (p numbers, across the top)"
VECTOR_HELP = "1 to 8 numbers separated by commas or spaces, e.g. `1, 2, 3`. Any value can be typed here."
LENGTH_HELP = (
    "Arrow keys add or remove one number, PageUp and PageDown three, Home and End go to 1 and 8. A longer "
    "vector goes on with the next whole numbers; any other values can be typed in the boxes w and x below."
)
ROW_HELP = "Arrow keys move the frame one row, PageUp and PageDown three, Home and End to the first and last row."
W_LEN_LABEL, X_LEN_LABEL, ROW_LABEL = "n = length of w (rows)", "p = length of x (columns)", "Highlight row i"
ONE_ROW = "With one row, row 0 is highlighted."
COUNT_FROM_0 = "Rows and columns count from 0, as NumPy does (the slides would write w₁ for w_0)."
RANK_HELP = (
    "The rank counts the independent rows: how many directions they span. Every row is a multiple of x, "
    "so all rows lie on one line through the origin: rank 1 (0 if w or x is all zeros)."
)
TABLE_TITLE = "The same matrix as a table"
VERSUS_TITLE = "Outer product or dot product?"
# Each formula over its shapes on a second line: side by side in half a wall, one line was clipped.
OUTER_FORMULA = r"\begin{gathered} (w\,x^{\mathsf T})_{ij} = w_i\,x_j \\ (n, 1)(1, p) = (n, p) \end{gathered}"
INNER_FORMULA = (
    r"\begin{gathered} w^{\mathsf T} x = w \cdot x = \sum_{i=1}^{n} w_i\,x_i \\ (1, n)(n, 1) = (1, 1) \end{gathered}"
)
NOTICE_TITLE = "What to notice"
NOTICE_TAIL = (
    " `np.outer(w, x)` is broadcasting in disguise, `w[:, np.newaxis] * x[np.newaxis, :]`: a "
    "column (n, 1) times a row (1, p). Outer products come back when a neural network learns: for one "
    "example, the change that training makes to a whole matrix of weights is the outer product of the "
    "input x with one number per output, how much the loss responds to that output."
)


def vector(v: np.ndarray) -> str:
    return "[" + ", ".join(format_number(x) for x in v) + "]"


def readout(w: np.ndarray, x: np.ndarray, row: int, rank: int) -> str:
    """The live readout: the shape, the rank and the highlighted row."""
    n, p = w.size, x.size
    return (
        f"w xᵀ has shape {format_shape((n, p))} · rank {rank} · "
        f"row {row} = {format_number(w[row])} × x = {vector(w[row] * x)}"
    )


def readout_of(state: tuple) -> str:
    """The readout of one state ``(w, x, row)`` of a sweep."""
    w, x, row = np.array(state[0]), np.array(state[1]), state[2]
    return readout(w, x, row, rank_of_outer(w, x))


def row_words(w: np.ndarray, x: np.ndarray, m: np.ndarray, row: int) -> str:
    """What the framed row is, with its numbers."""
    return (
        f"**Row {row}** (yellow frame, marked ◀ row {row}) is w_{row} × x = "
        f"{format_number(w[row])} × {vector(x)} = {vector(m[row])}. Hover a cell for its product; the "
        "next part lists every cell as a table. " + COUNT_FROM_0
    )


def picture_words(w: np.ndarray, x: np.ndarray, row: int) -> str:
    """The picture's text alternative."""
    return (
        f"A grid of {count(w.size, 'row')} and {count(x.size, 'column')}: w = {vector(w)} down the left, x = {vector(x)} "
        f"across the top, and in each cell the product w_i × x_j. Row {row} is framed."
    )


def outer_side(n: int, p: int, rank: int) -> str:
    lengths = f"- **Any lengths**: here n = {n} and p = {p}. A column times a row.\n"
    if rank == 0:
        return (
            lengths + "- w or x is all zeros, so every product is 0: no row has a direction, the matrix has **rank 0**."
        )
    return lengths + (
        "- Every row is a multiple of x (and every column a multiple of w): the rows span one line, so "
        f"the matrix has **rank {rank}**, however large it is."
    )


def inner_side(n: int, p: int, dot: float | None) -> str:
    if dot is None:
        return (
            f"- **Same length needed**: n = {n} and p = {p} differ, so `np.dot(w, x)` would fail "
            "here, while the outer product works. A row times a column."
        )
    return (
        f"- **Same length needed**: n = p = {n}, so here w · x = {format_number(dot)}: "
        "the sum of the **diagonal** of w xᵀ. A row times a column: one number."
    )


def notice(w: np.ndarray, x: np.ndarray, row: int, rank: int) -> str:
    """What the current w and x show: how many numbers make the matrix, and how its rows compare."""
    n, p = w.size, x.size
    if n * p > n + p:
        made = f"made from only {count(n + p, 'number')}"
    elif n * p == n + p:
        made = f"as many as the {n + p} numbers they are made from"
    else:
        made = f"fewer than the {n + p} numbers they are made from, since one vector has length 1"
    products = count(n * p, "product")
    count_words = f"Here w has n = {n} and x has p = {p}: w xᵀ holds {products}, {made}."
    if rank == 0:
        return count_words + " A vector of zeros makes every product 0: the matrix has rank 0." + NOTICE_TAIL
    base = int(np.flatnonzero(w)[0])
    other = row if row != base else next((i for i in range(n) if i != base), None)
    if other is None:
        return count_words + f" With one row, the matrix is just x scaled by w_0 = {format_number(w[0])}." + NOTICE_TAIL
    return (
        count_words + f" Row {other} is {format_number(w[other])} × x and row {base} is "
        f"{format_number(w[base])} × x, so row {other} = {format_number(w[other] / w[base])} × "
        f"row {base}: every row is a multiple of x, which is why the rank is {rank}." + NOTICE_TAIL
    )


def code(w_literal: str, x_literal: str) -> str:
    """The NumPy code that prints the page's figures."""
    return f"""
        import numpy as np

        w = {w_literal}
        x = {x_literal}
        M = np.outer(w, x)  # the same as w[:, np.newaxis] * x[np.newaxis, :]
        print("result shape =", M.shape)
        print("rank =", np.linalg.matrix_rank(M))
        print(M)
    """
