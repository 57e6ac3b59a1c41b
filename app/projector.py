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
/* The lesson's page names whole in the sidebar (app/ui.page_list): smaller than the wall's body type. */
.st-key-page_list { font-size: 0.72rem; } .st-key-page_list * { font-size: inherit !important; }
/* A name longer than the sidebar wraps onto a second line instead of ending in an ellipsis. */
.st-key-page_list a > span:last-child { min-width: 0; }
.st-key-page_list a [data-testid="stMarkdownContainer"], .st-key-page_list a [data-testid="stMarkdownContainer"] p {
  white-space: normal !important; text-overflow: clip !important; }
.block-container { padding-top: 0.5rem; padding-bottom: 2rem; max-width: 100%; }
</style>
"""


# Every page, in both themes: Streamlit 1.67 draws st.caption in the body text at 60 % opacity, a
# fixed value of its frontend with no theme option: #828180 on white, 3.88:1, under WCAG's 4.5:1 for
# text of that size. At 80 % it is #595755 on white (7.2:1; 6.6:1 on the sidebar's #F1F0EE) and
# #C2C0BE on the dark theme's #171614 (10.0:1), still set apart from the body text
# (tests/browser/test_accessibility.py, test_axe.py).
CAPTION_OPACITY = 0.8
# Streamlit colours code tokens from its palette, some at 2.6:1 (numbers #29b09d on #fcfcfb): each token
# role gets a shade of the same hue at 5:1 or more on the code block's background, light or dark.
CODE_TOKENS = {
    "gray": ".token.comment, .token.prolog, .token.doctype, .token.cdata, .token.punctuation, .token.unchanged.line",
    "sky": ".token.attr-name, .token.property, .token.variable",
    "green": ".token.boolean, .token.constant, .token.symbol, .token.string, .token.char, .token.attr-value, "
    ".token.inserted.line, .token.inserted.prefix",
    "teal": ".token.number, .token.regex",
    "orange": ".token.operator, .token.entity, .token.atrule",
    "purple": ".token.url",
    "blue": ".token.keyword, .token.tag, .token.function, .token.class-name, .token.selector",
    "red": ".token.important, .token.deleted.line, .token.deleted.prefix",
}
CODE_LIGHT = {"gray": "#555867", "sky": "#005F99", "green": "#177233", "teal": "#246E69", "orange": "#A84400",
              "purple": "#6D3FC0", "blue": "#0054A3", "red": "#B3262A"}  # fmt: skip
CODE_DARK = {"gray": "#A3A8B8", "sky": "#73EFFF", "green": "#3DD56D", "teal": "#45F4D5", "orange": "#FFA35C",
             "purple": "#B69CF0", "blue": "#6CB6FF", "red": "#FF8C8C"}  # fmt: skip


def code_token_css(dark: bool) -> str:
    """The code tokens' colours for the light or the dark theme (static CSS)."""
    colours = CODE_DARK if dark else CODE_LIGHT
    return "\n".join(f"{CODE_TOKENS[role]} {{ color: {colours[role]} !important; }}" for role in CODE_TOKENS)


READABLE_CSS = f"""
<style>
[data-testid="stCaptionContainer"] {{ opacity: {CAPTION_OPACITY}; }}
</style>
"""


def apply_projector_css() -> None:
    """Readable captions on every page; large type and high contrast in projector mode (static CSS, no user text)."""
    readable = READABLE_CSS + f"<style>{code_token_css(dark_theme())}</style>"
    st.html(readable + PROJECTOR_CSS if projector_on() else readable)
