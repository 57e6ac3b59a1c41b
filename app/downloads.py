"""Download buttons whose file is made only when clicked: a page's points as CSV, and the helper beneath.

``points_csv`` writes each number in its shortest exact form, so the file read back by
``core.data.parse_csv`` (the regression pages' upload) gives the very same points.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence

import numpy as np
import streamlit as st


def download_button(
    label: str, data: Callable[[], bytes | str], *, file_name: str, mime: str, key: str, help: str | None = None
) -> None:
    """A download button whose file is ``data()``, called only on a click; the click does not rerun the page."""
    st.download_button(
        label, data, file_name=file_name, mime=mime, key=key, help=help, on_click="ignore", icon=":material/download:"
    )


def points_csv(x, y, *, header: Sequence[str] = ("x", "y")) -> str:
    """Points as CSV text: a header line, then ``x,y`` per point, each number exact and shortest.

    >>> print(points_csv([1, 2, 3], [2, 3.5, 7.25]), end="")
    x,y
    1,2
    2,3.5
    3,7.25
    """
    x, y = np.asarray(x, dtype=float).ravel(), np.asarray(y, dtype=float).ravel()
    if x.shape != y.shape:
        raise ValueError(f"x has {x.size} numbers and y {y.size}; a point needs one of each")
    if len(header) != 2 or any(not name or any(c in name for c in ",;\t\r\n\"") for name in header):
        raise ValueError(f"the header is two plain column names, not {header!r}")
    rows = [",".join(header)] + [f"{_number(a)},{_number(b)}" for a, b in zip(x, y)]
    return "\n".join(rows) + "\n"


def points_csv_button(
    x, y, *, header: Sequence[str] = ("x", "y"), key: str, file_name: str, label: str = "Download points (CSV)"
) -> None:
    """A button that downloads the points ``(x, y)`` as CSV, the format the page's upload reads."""
    x, y = np.array(x, dtype=float), np.array(y, dtype=float)  # copies: the page may change its arrays
    download_button(
        label,
        functools.partial(points_csv, x, y, header=tuple(header)),
        file_name=file_name,
        mime="text/csv",
        key=key,
        help="These points as a CSV file of two columns, ready for a spreadsheet, NumPy or the upload here.",
    )


def _number(value: float) -> str:
    """The shortest text that reads back as exactly ``value``: ``2``, ``3.5``, ``1e-07``."""
    if not np.isfinite(value):
        raise ValueError(f"{value} is not a number a CSV file of points can hold")
    text = repr(float(value))
    return text[:-2] if text.endswith(".0") else text
