"""Small building blocks every page uses: header, figures (metrics) and charts."""

from __future__ import annotations

import json

import plotly.graph_objects as go
import streamlit as st

from app import palette, presentation, projector
from app.projector import current_style
from app.registry import PAGES
from core.text import format_figure, format_shape

# Plotly's mode bar only gets in the way of a projected lesson; keep zoom reset and PNG export.
CHART_CONFIG = {
    "displaylogo": False,
    "responsive": True,
    "modeBarButtonsToRemove": ["lasso2d", "select2d", "autoScale2d"],
}


def page_header(title: str, intro: str) -> None:
    """The page's title and one or two sentences on what it shows.

    In the presentation view, after the first idea the title is one short line and the intro
    is left out, so that the idea's picture leads.
    """
    if presentation.current_idea() > 0:  # still the page's h1, one short line over the idea
        st.html("<style>h1 { font-size: 1.15rem !important; padding: 0.45rem 0 0 !important; }</style>")
        st.title(title)
        return
    st.title(title)
    st.markdown(intro)


def figure_row():
    """A row for figures that wraps on a narrow screen instead of stacking one per line."""
    return st.container(horizontal=True, gap="large")


def figure(label: str, value, *, unit: str = "", help: str | None = None, container=None) -> None:
    """A shown figure with the contract's label and format (``0.9733``, ``90.0000°``, ``(4, 3)``)."""
    if isinstance(value, tuple):
        text = format_shape(value)
    elif isinstance(value, str):
        text = value
    else:
        text = format_figure(value) + unit
    (container or st).metric(label, text, help=help)


def chart(fig: go.Figure, key: str, *, height: int | None = None, container=None) -> None:
    """A plotly chart, full width, ``height`` px tall (more on a projector), slide colours kept."""
    if height:
        fig.layout.height = current_style().scaled(height)
    if projector.dark_theme():  # the figure follows the page's dark theme, colours at 4.5:1 kept
        fig = json.loads(palette.themed(fig.to_json(), dark=True))
    (container or st).plotly_chart(fig, key=key, width="stretch", theme=None, config=CHART_CONFIG)


def lesson_links(current_url_path: str) -> None:
    """Previous / next links at the foot of a page, in the lesson order of the registry.

    Left out of the presentation view, whose ideas each fit one screen.
    """
    paths = [spec.url_path for spec in PAGES]
    if current_url_path not in paths or presentation.presenting():
        return
    here = paths.index(current_url_path)
    st.divider()
    row = st.container(horizontal=True, horizontal_alignment="distribute", gap="medium")
    if here > 0:
        spec = PAGES[here - 1]
        row.page_link(spec.path.as_posix(), label=f"Previous: {spec.title}", icon=":material/arrow_back:")
    if here + 1 < len(PAGES):
        spec = PAGES[here + 1]
        row.page_link(spec.path.as_posix(), label=f"Next: {spec.title}", icon=":material/arrow_forward:")


PAGE_LIST_KEY = "page_list"


def page_list() -> None:
    """Every page in the sidebar, under its section's name, in the registry's order.

    Streamlit's own list (``st.navigation`` in the sidebar) nests its sections as ``div``s inside a
    ``ul`` with the ``li``s inside them, which screen readers (and axe-core's list rules) read as a
    broken list; so ``app/main.py`` hides it and the pages are links here. The current page's link
    is marked by Streamlit.
    """
    with st.sidebar.container(key=PAGE_LIST_KEY, gap=None):
        section = None
        for spec in PAGES:
            if spec.section != section:
                section = spec.section
                st.markdown(f"**{section}**")
            st.page_link(spec.path.as_posix(), label=spec.title, icon=spec.icon)
