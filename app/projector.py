"""Projector mode: large type, thick lines and high contrast for a classroom wall.

On with the sidebar toggle or ``projector=1`` in the URL; the presentation view implies it.
This is the streamlit side of the figure style: :func:`current_style` is what pages pass to the
pure figure builders.
"""

from __future__ import annotations

import streamlit as st

from app.figure_base import Style
from app.presentation import presenting

PROJECTOR_KEY = "projector"


def projector_on() -> bool:
    """Whether the page is in projector mode (the sidebar toggle, or ``projector=1`` in the URL).

    The presentation view (``present=1``) is for a wall too, so it implies projector mode.
    """
    return bool(st.session_state.get(PROJECTOR_KEY, False) or presenting())


def dark_theme() -> bool:
    """Whether the page shows Streamlit's dark theme (the browser's setting or the app menu)."""
    try:
        return st.context.theme.type == "dark"
    except (AttributeError, KeyError):  # no browser behind the session (AppTest)
        return False


def current_style() -> Style:
    """The figure style of this run: what pages hand to the figure builders."""
    return Style(projector=projector_on())


PROJECTOR_CSS = """
<style>
html, body, [data-testid="stAppViewContainer"] { font-size: 22px; }
[data-testid="stMarkdownContainer"] p, [data-testid="stMarkdownContainer"] li { font-size: 1.05rem; line-height: 1.45; }
[data-testid="stMetricValue"], [data-testid="stMetricValue"] [data-testid="stMarkdownContainer"] p { font-size: 1.9rem; font-weight: 700; line-height: 1.1; }
[data-testid="stMetricLabel"] p { font-size: 1rem; }
/* A row of figures that wraps keeps its wide gap between figures, not between the lines. */
[data-testid="stHorizontalBlock"]:has(> [data-testid="stElementContainer"] [data-testid="stMetric"]) { row-gap: 0.5rem; }
/* The picture belongs on the first screen of a 1280x720 wall: tight headings and gaps. Headings
   shrink with the window so that a long word ("multiplication") fits a phone unbroken. */
h1 { font-size: clamp(1.4rem, 5vw, 2.1rem) !important; padding: 0.1rem 0 0.2rem !important; }
h2 { font-size: clamp(1.3rem, 4.5vw, 1.7rem) !important; } h3 { font-size: clamp(1.15rem, 4vw, 1.4rem) !important; }
h4 { font-size: 1.1rem !important; padding: 0 !important; }
[data-testid="stVerticalBlock"] { gap: 0.6rem; }
[data-testid="stMetricLabel"] { min-height: 0; margin-bottom: 0; }
.st-key-presentation_bar button { min-height: 0; padding: 0.15rem 0.7rem; }
[data-testid="stHeader"] { display: none; }
/* The lesson's page names whole in the sidebar: smaller than the wall's body type. */
[data-testid="stSidebarNav"] { font-size: 0.72rem; } [data-testid="stSidebarNav"] * { font-size: inherit !important; }
/* A name longer than the sidebar wraps onto a second line instead of ending in an ellipsis. */
[data-testid="stSidebarNavLink"] > span:last-child { min-width: 0; }
[data-testid="stSidebarNavLink"] [data-testid="stMarkdownContainer"],
[data-testid="stSidebarNavLink"] [data-testid="stMarkdownContainer"] p {
  white-space: normal !important; text-overflow: clip !important; }
.block-container { padding-top: 0.5rem; padding-bottom: 2rem; max-width: 100%; }
</style>
"""


def apply_projector_css() -> None:
    """Large type and high contrast for the whole page (static CSS, no user text)."""
    if projector_on():
        st.html(PROJECTOR_CSS)
