"""One helper that shows the NumPy code behind a page's picture.

Each page passes the few lines of plain NumPy (and scikit-learn where used) that
reproduce its current numbers with the current values; the code prints every
figure the page shows, one line each as ``label = value`` (the ``st.metric`` label and
its text without unit), so a student can paste it into Jupyter or Colab and compare.
``tests/test_code_panel.py`` runs the code of every page and checks those lines.
"""

from __future__ import annotations

import textwrap

import numpy as np
import streamlit as st

from core.text import format_nested, format_number

CODE_KEY_PREFIX = "numpy_code"


def show_numpy_code(code: str, *, title: str = "NumPy code: reproduce these numbers", expanded: bool = False) -> None:
    """An expander with ``code`` (dedented) ready to copy; one per page."""
    with st.expander(title, expanded=expanded, icon=":material/code:"):
        st.code(textwrap.dedent(code).strip() + "\n", language="python")
        st.caption("Paste into Jupyter or Colab: it prints the figures shown on this page.")


def literal(array) -> str:
    """NumPy source for ``array``: ``np.array([[1, 2], [3, 4]])``, numbers as shown on the page."""
    array = np.asarray(array)
    if array.ndim == 0:
        return format_number(array.item())
    return f"np.array({format_nested(array)})"
