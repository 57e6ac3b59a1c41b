"""One helper that shows the NumPy code behind a page's picture, and gives it as a notebook.

Each page passes the few lines of plain NumPy (and scikit-learn where used) that
reproduce its current numbers with the current values; the code prints every
figure the page shows, one line each as ``label = value`` (the ``st.metric`` label and
its text without unit), so a student can paste it into Jupyter or Colab and compare.
``tests/test_code_panel.py`` runs the code of every page and checks those lines.

Beside the code, **Download notebook** gives the same state as a Jupyter notebook
(``app/notebook.py``): the page's title and a link to this state, the page's ``notes``
(the slide's formula, what to notice), the code, and the page's main ``figure`` drawn
with plotly. The notebook is built only when the button is clicked.
``tests/test_notebooks.py`` runs the notebook of every page.
"""

from __future__ import annotations

import functools
import textwrap
import urllib.parse
from collections.abc import Mapping, Sequence
from typing import Any

import streamlit as st

from app import live, url_state
from app.downloads import download_button
from app.registry import PAGES
from core.text import numpy_literal as literal  # noqa: F401 (pages import it from here)

CODE_KEY_PREFIX = "numpy_code"
NOTEBOOK_BUTTON_KEY = f"{CODE_KEY_PREFIX}_notebook"
# The current page's url_path, set by app/main.py on every run.
CURRENT_PAGE_KEY = "_page_url_path"
# How a page is shown, not what it shows: left out of the notebook's link.
DISPLAY_PARAMETERS = {"projector", "present", "idea"}
NOTEBOOK_MIME = "application/x-ipynb+json"


def show_numpy_code(
    code: str,
    *,
    title: str = "NumPy code: reproduce these numbers",
    expanded: bool = False,
    notes: Sequence[str] | None = None,
    figure: Any = None,
    figure_code: str | None = None,
    data_files: Mapping[str, str] | None = None,
) -> None:
    """An expander with ``code`` (dedented) ready to copy, and a **Download notebook** button; one per page.

    Parameters
    ----------
    code : the NumPy code that prints each shown figure as ``label = value``.
    title, expanded : the expander's title, and whether it starts open.
    notes : Markdown for the notebook, one cell each: the slide's formula (``$$...$$``),
        what to notice with the current numbers.
    figure : the page's main picture for the notebook (a plotly figure or its dict), or
    figure_code : plotting code that draws it instead.
    data_files : ``{"points.csv": text}``, files the code reads, written by the notebook first.
        Data the person typed is best inlined in ``code`` as a literal instead.
    """
    source = textwrap.dedent(code).strip() + "\n"
    if figure is None and figure_code is None:  # by default, the live element's first figure
        figure = next(iter(st.session_state.get(live.RUN_FIGURES_KEY, ())), None)
    with st.expander(title, expanded=expanded, icon=":material/code:"):
        st.code(source, language="python")
        st.caption("Paste into Jupyter or Colab: it prints the figures shown on this page.")
        url_path = st.session_state.get(CURRENT_PAGE_KEY)
        spec = next((p for p in PAGES if p.url_path == url_path), None)
        build = functools.partial(
            _notebook_bytes,
            title=spec.title if spec else "NumPy code",
            link=state_link(url_path or "", url_state.current_query(), st.context.url),
            markdown_parts=tuple(notes or ()),
            code=source,
            figure=figure,
            figure_code=figure_code,
            data_files=dict(data_files) if data_files else None,
        )
        download_button(
            "Download notebook",
            build,
            file_name=f"{url_path or 'numpy-code'}.ipynb",
            mime=NOTEBOOK_MIME,
            key=NOTEBOOK_BUTTON_KEY,
            help="This state as a Jupyter notebook, for Jupyter or Colab: a link back here, this code"
            + (", the formula and what to notice" if notes else "")
            + (", the picture" if figure is not None or figure_code else "")
            + ".",
        )


def _notebook_bytes(**arguments: Any) -> bytes:
    """The notebook's bytes (``app.notebook``); nbformat (~70 ms to import) loads on the first click."""
    from app.notebook import notebook_bytes

    return notebook_bytes(**arguments)


def state_link(url_path: str, query: Mapping[str, str], app_url: str | None = None) -> str:
    """The address of this page's state, without the display parameters (projector, presentation).

    ``app_url`` is the page's address in the browser (``st.context.url``); without it, a path.

    >>> state_link("arrays", {"shape": "2,5", "projector": "1"}, "http://localhost:8501/arrays")
    'http://localhost:8501/arrays?shape=2,5'
    >>> state_link("broadcasting", {"a": "1;2;3", "b": "1 2"})
    '/broadcasting?a=1;2;3&b=1+2'
    """
    base = urllib.parse.quote(app_url, safe=":/%@-._~!$&*+,;=") if app_url else f"/{url_path}"
    kept = {name: value for name, value in query.items() if name not in DISPLAY_PARAMETERS}
    return base + ("?" + urllib.parse.urlencode(kept, safe=",;") if kept else "")
