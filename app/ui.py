"""Small building blocks every page uses: header, figures (metrics) and charts."""

from __future__ import annotations

import plotly.graph_objects as go
import streamlit as st

from core.text import format_figure, format_shape

# Plotly's mode bar only gets in the way of a projected lesson; keep zoom reset and PNG export.
CHART_CONFIG = {"displaylogo": False, "responsive": True,
                "modeBarButtonsToRemove": ["lasso2d", "select2d", "autoScale2d"]}


def page_header(title: str, intro: str) -> None:
    """The page's title and one or two sentences on what it shows."""
    st.title(title)
    st.markdown(intro)


def figure(label: str, value, *, unit: str = "", help: str | None = None,
           container=None) -> None:
    """A shown figure with the contract's label and format (``0.9733``, ``90.0000°``, ``(4, 3)``)."""
    if isinstance(value, tuple):
        text = format_shape(value)
    elif isinstance(value, str):
        text = value
    else:
        text = format_figure(value) + unit
    (container or st).metric(label, text, help=help)


def chart(fig: go.Figure, key: str, *, container=None) -> None:
    """A plotly chart, full width, with the shared toolbar settings and the slide colours kept."""
    (container or st).plotly_chart(fig, key=key, width="stretch", theme=None, config=CHART_CONFIG)
