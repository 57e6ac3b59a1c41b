"""Broadcasting: the words of the page."""

from __future__ import annotations

import numpy as np
import pandas as pd

from app.lessons.grammar import count, ordinal, times
from core.broadcasting import AxisCheck, source_cells
from core.text import format_number, format_shape
from core.text import numpy_literal as literal

TITLE = "Broadcasting"
INTRO = (
    "NumPy lines two shapes up **from the right** and **stretches** axes of length 1, in one array "
    "or in both. Follow one result cell back to the numbers it reads."
)
IDEAS = ["Stretch, then combine", "The rule, axis by axis", "What to notice", "Predict, then check", "The NumPy code"]
EXAMPLES = "**Examples** (the first is the slides'):"
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
SHOWN = {"add": "+", "subtract": "−", "multiply": "×", "divide": "÷"}  # as the picture writes them
OPERATION = "Operation"
ARRAY_HELP = (
    "Numbers separated by commas or spaces, rows by `;`, e.g. `1 2 3; 4 5 6`, "
    "or nested lists `[[1, 2, 3]]`. One number is a scalar, shape ()."
)
CELL_LABEL = "Follow one result cell (its position in reading order)"
NO_RESULT = "The shapes do not broadcast: there is no result."
TABLE_TITLE = "The picture as a table"
FIX_INTRO = "**A fix to try** (one click writes the reshaped array into its box):"
NO_FIX = "No single reshape fixes this pair: change one of the lengths."
RULE_TITLE = "The rule, axis by axis"
RULE = (
    "Write the shapes **right-aligned**, one above the other, and compare each axis from the "
    "right: the lengths must be **equal**, or one of them must be **1** (it is stretched). "
    "A missing axis counts as 1: NumPy adds it on the left. Either array can be stretched, or both: "
    "(4, 1) + (1, 3) stretches a along axis −1 and b along axis −2."
)
RULE_CAPTION = (
    "· = the array has no such axis: NumPy puts a 1 in front of its shape. The axes are numbered "
    "from the right, as the shapes are lined up: **axis −1** is the last axis, **axis −2** the one "
    "before it. NumPy takes these negative numbers everywhere (`a.sum(axis=-1)`): for a 2-D array, "
    "axis −1 is axis 1 and axis −2 is axis 0."
)
SCALARS = "Both are scalars, shape `()`: there is no axis to check; the result is a scalar."
NOTICE_TITLE = "What to notice"
NOTICE_FORMULA = (
    r"\begin{gathered} n_{\text{result}} = \max(n_a, n_b) \quad\text{on each axis,} \\ "
    r"\text{allowed iff}\quad n_a = n_b \;\lor\; n_a = 1 \;\lor\; n_b = 1 \end{gathered}"
)
BIAS = (
    " The same rule saves a loop on every data set: X has shape (m, n), one row per datapoint, and "
    "adding a vector of shape (n,), one number per feature, adds the same n numbers to every row "
    "(X − X.mean(axis=0) centres every feature at once)."
)


def cell_keys(shape: tuple[int, ...]) -> tuple[int, str]:
    """The cell slider's big step (a row of the result, or a grid of a 3-D one) and its help on the keys.

    >>> cell_keys((4, 3))[0], cell_keys((4, 3, 2))[0], cell_keys(())[0]
    (3, 6, 1)
    """
    big = int(np.prod(shape[-2:])) if len(shape) == 3 else (shape[-1] if shape else 1)
    what = "one grid" if len(shape) == 3 else "one row"
    return (
        big,
        f"Arrow keys: the next cell; PageUp / PageDown: {count(big, 'cell')} ({what}); Home / End: the first / last cell.",
    )


def axis_place(axis: int) -> str:
    """Where a negative axis number points: ``-1`` is the last axis.

    >>> axis_place(-1), axis_place(-2), axis_place(-3)
    ('the last axis', 'the axis before the last', 'the 3rd axis from the right')
    """
    return {-1: "the last axis", -2: "the axis before the last"}.get(axis, f"the {ordinal(-axis)} axis from the right")


def index_text(name: str, idx: tuple[int, ...]) -> str:
    return f"{name}[{', '.join(map(str, idx))}]" if idx else name


def follow_sentence(words: str) -> str:
    """The followed cell in code form: ``words`` from the picture's builder, Python's symbol."""
    return f"**Following one cell** (yellow in the picture): `{words}`"


def caption(shape_a: tuple, shape_b: tuple, shape: tuple | None) -> str:
    """The picture in one paragraph."""
    if shape is None:
        return (
            f"a {format_shape(shape_a)} and b {format_shape(shape_b)} as typed, with ✗ between "
            "them: the shapes do not broadcast, so nothing is stretched and there is no result."
        )
    return (
        f"Top: a {format_shape(shape_a)} and b {format_shape(shape_b)} as typed. Below: both "
        f"stretched to {format_shape(shape)}, then combined cell by cell into the result. Dotted, faded "
        "cells show numbers already drawn, read again where a length-1 (or missing) axis is stretched "
        "(NumPy makes no copies of them); solid cells hold the numbers you typed. Hover a cell to see "
        "where it comes from."
    )


def picture_table(a: np.ndarray, b: np.ndarray, result: np.ndarray) -> pd.DataFrame:
    """The picture in words: one row per result cell, with the cells of a and b it reads."""
    sources_a, sources_b = source_cells(a.shape, result.shape), source_cells(b.shape, result.shape)
    rows = []
    for i, fa, fb in zip(np.ndindex(*result.shape), sources_a, sources_b):
        ia, ib = np.unravel_index(fa, a.shape), np.unravel_index(fb, b.shape)
        ia, ib = tuple(int(n) for n in ia), tuple(int(n) for n in ib)
        rows.append(
            {
                "result cell": index_text("result", i),
                "reads from a": f"{index_text('a', ia)} = {format_number(a[ia])}",
                "reads from b": f"{index_text('b', ib)} = {format_number(b[ib])}",
                "result": format_number(result[i]),
            }
        )
    return pd.DataFrame(rows)


def mismatch_error(error, failing: AxisCheck, shape_a: tuple, shape_b: tuple) -> str:
    """NumPy's own words, and the failing axis in ours."""
    return (
        f"**NumPy says:** `ValueError: {error}`\n\n"
        f"a has shape {format_shape(shape_a)} and b has shape {format_shape(shape_b)}. Compared from the right, "
        f"**axis {error.axis}** ({axis_place(error.axis)}) fails: a has length {failing.len_a} there and b has {failing.len_b}. "
        "They are not equal and neither is 1, so NumPy cannot tell which numbers go together."
    )


def fix_label(expression: str, name: str, new: tuple, result: tuple) -> str:
    return f"`{expression}` makes {name} {format_shape(new)}; result {format_shape(result)}"


def numpy_warns(said: list[str], b: np.ndarray) -> str:
    """What NumPy prints when b holds a 0 under ``/``, and why the cells read inf or nan."""
    lines = "\n".join(f"`{w}`" for w in said)
    zero_over_zero = any("invalid value" in w for w in said)
    return (
        f"**Division by zero: NumPy warns, and goes on.**\n\n{lines}\n\n"
        f"b holds {count(int(np.sum(np.asarray(b) == 0)), 'zero')}. A number divided by 0 is **inf** (−inf for a "
        "negative number): it grows without bound. "
        + ("0 / 0 has no sensible value at all, so it is **nan**, *not a number*. " if zero_over_zero else "")
        + "NumPy writes these special floating-point values in the result and only warns, so one "
        "zero does not stop a computation over millions of numbers; a `nan` then spreads through "
        "every sum it enters, which is how a training loss turns into `nan`."
    )


def rule_table(checks: list[AxisCheck], shape_a: tuple, shape_b: tuple) -> str:
    """The rule checked axis by axis, as a Markdown table."""

    def length(n):
        return "·" if n is None else str(n)

    def verdict(check):
        if check.status == "equal":
            return ":green[✓ equal]" if check.len_a is not None and check.len_b is not None else ":green[✓ fits]"
        if check.status == "mismatch":
            return f":red[**✗ {check.len_a} ≠ {check.len_b}**]"
        who = check.status[-1]
        was = check.len_a if who == "a" else check.len_b
        return f":orange[stretch {who}: {1 if was is None else was} → {check.result}]"

    return "\n".join(
        [
            "| | " + " | ".join(f"axis {c.axis}" for c in checks) + " |",
            "|---|" + "---:|" * len(checks),
            f"| a {format_shape(shape_a)} | " + " | ".join(length(c.len_a) for c in checks) + " |",
            f"| b {format_shape(shape_b)} | " + " | ".join(length(c.len_b) for c in checks) + " |",
            "| check | " + " | ".join(verdict(c) for c in checks) + " |",
            "| result | " + " | ".join(":red[✗]" if c.result is None else str(c.result) for c in checks) + " |",
        ]
    )


def notice(shape_a: tuple, shape_b: tuple, shape: tuple | None, checks: list[AxisCheck]) -> str:
    """What the current pair shows, in two sentences with its own numbers."""
    if shape is None:
        bad = next(c for c in reversed(checks) if c.status == "mismatch")
        return (
            f"Here axis {bad.axis} clashes: a has length {bad.len_a} there and b has {bad.len_b}. "
            f"(Axis {bad.axis} is {axis_place(bad.axis)}: axes are counted from the right, as the shapes are lined up.) "
            "Neither is 1, so NumPy refuses rather than guess which numbers pair up; shapes are "
            "lined up from the **right**, so a reshape that moves the matching length there, or a "
            "new axis of length 1 (`np.newaxis`), makes them fit."
        )
    stretched = [c for c in checks if c.status.startswith("stretch")]
    stretches = [
        f"{c.status[-1]} is stretched along axis {c.axis} from 1 to {c.result}"
        if (c.len_a if c.status == "stretch a" else c.len_b) is not None
        else f"{c.status[-1]} has no axis {c.axis}, so it counts as 1 and is stretched to {c.result}"
        for c in stretched
    ]
    if not stretches:
        return (
            f"Here a and b both have shape {format_shape(shape)}: nothing is stretched, and each "
            "number meets the one in the same place."
        )
    both = len({c.status for c in stretched}) == 2
    size, size_a, size_b = int(np.prod(shape)), int(np.prod(shape_a)), int(np.prod(shape_b))
    return (
        f"Here {' and '.join(stretches)}, so the result {format_shape(shape)} holds {size} numbers "
        f"made from a's {size_a} and b's {size_b}. Each number of a is used {times(size // size_a)} and "
        f"each of b {times(size // size_b)}: NumPy copies nothing, it reads the same numbers again."
        + (" Both arrays are stretched here, not only the smaller one." if both else "")
    )


def code(a: np.ndarray, b: np.ndarray, symbol: str, broadcasts: bool) -> str:
    """The NumPy code that prints the page's figures (``symbol`` as Python writes it)."""
    tail = (
        f"""
        c = a {symbol} b
        print("result shape =", np.shape(c))
        print(c)
        """
        if broadcasts
        else f"""
        try:
            c = a {symbol} b
        except ValueError as err:
            print("result shape = —")
            print(err)
        """
    )
    return (
        f"""
        import numpy as np

        a = {literal(a)}
        b = {literal(b)}
        print("shape of a =", np.shape(a))
        print("shape of b =", np.shape(b))
    """
        + tail
    )
