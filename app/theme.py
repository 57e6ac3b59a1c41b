"""One colour palette and one figure style for every page, and the projector mode.

The slides give each role a colour: A green, B orange, the result purple. The hues
come from the Okabe-Ito palette (safe for the common colour-vision deficiencies),
darkened so that every strong colour reaches 4.5:1 against the figures' white
background (they are used for labels too), and dark text reaches 4.5:1 on every
fill (tests/test_accessibility.py). No role relies on colour alone: every picture
also writes the role's name.
"""

from __future__ import annotations

import math
import os

# Plotly finds pandas through sys.modules without waiting for an import in progress, so on a
# fresh server a session could meet a half-imported pandas while another session's page imports
# it (AttributeError: partially initialized module 'pandas'). Importing it fully here, before
# any figure exists, closes that race (tested in tests/test_deployment.py).
import pandas  # noqa: F401
import plotly.graph_objects as go
import plotly.io as pio
import streamlit as st

from app.presentation import presenting

# Role -> colour. Fill colours are light enough for dark text; "strong" ones carry lines and text.
PALETTE = {
    "a": "#007E5C",  # A, the first operand, w, data: Okabe-Ito bluish green #009E73, darkened
    "a_fill": "#B8E6D6",
    "b": "#C05500",  # B, the second operand, x: Okabe-Ito vermillion #D55E00, darkened
    "b_fill": "#F9D9A8",
    "result": "#7B3F9E",  # the result, C, predictions: purple
    "result_fill": "#E2CCF0",
    "highlight": "#F0E442",  # the current cell or point: yellow
    "neutral": "#5F6B7A",  # axes, ghosts, not-yet-computed
    "neutral_fill": "#FFFFFF",
    "ghost_fill": "#EEF1F4",
    "error": "#C0392B",
    "class0": "#0072B2",  # class 0 / negative: blue
    "class1": "#C05500",  # class 1 / positive: vermillion
    "class2": "#007E5C",  # third class (Iris): green
}
CLASS_COLORS = [PALETTE["class0"], PALETTE["class1"], PALETTE["class2"]]
# A sequential scale from white to the result purple, for heatmaps of one sign.
RESULT_SCALE = [[0.0, "#FFFFFF"], [1.0, PALETTE["result"]]]
# A diverging scale (blue - white - vermillion) for heatmaps with both signs.
DIVERGING_SCALE = [[0.0, PALETTE["class0"]], [0.5, "#FFFFFF"], [1.0, PALETTE["class1"]]]


def blend(colour: str, other: str, t: float) -> str:
    """The colour ``t`` of the way from ``colour`` to ``other`` (hex ``#RRGGBB``)."""
    a = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
    b = [int(other[i : i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(x + (y - x) * t):02X}" for x, y in zip(a, b))


# The layout of plotly's "plotly_white" that these figures use, without its defaults for every
# trace type: each figure copies and ships its template (7 KB for plotly_white) on every rerun.
_AXIS = {
    "gridcolor": "#EBF0F8",
    "linecolor": "#EBF0F8",
    "zerolinecolor": "#EBF0F8",
    "zerolinewidth": 2,
    "ticks": "",
    "automargin": True,
    "title": {"standoff": 15},
}
_SCENE_AXIS = {
    "backgroundcolor": "#FFFFFF",
    "gridcolor": "#DFE8F3",
    "linecolor": "#EBF0F8",
    "showbackground": True,
    "ticks": "",
    "zerolinecolor": "#EBF0F8",
    "gridwidth": 2,
}
pio.templates["explainer"] = go.layout.Template(
    layout={
        "paper_bgcolor": "#FFFFFF",
        "plot_bgcolor": "#FFFFFF",
        "hovermode": "closest",
        "hoverlabel": {"align": "left"},
        "colorway": [PALETTE[role] for role in ("a", "b", "result", "class0", "neutral")],
        "xaxis": _AXIS,
        "yaxis": _AXIS,
        "coloraxis": {"colorbar": {"outlinewidth": 0, "ticks": ""}},
        "scene": {"xaxis": _SCENE_AXIS, "yaxis": _SCENE_AXIS, "zaxis": _SCENE_AXIS},
        "annotationdefaults": {"arrowcolor": "#1F2430", "arrowhead": 0, "arrowwidth": 1},
    }
)
pio.templates.default = "explainer"  # also what a figure made with go.Figure() starts from

PROJECTOR_KEY = "projector"
FONT = "Source Sans Pro, Segoe UI, Helvetica, Arial, sans-serif"


def projector_on() -> bool:
    """Whether the page is in projector mode (the sidebar toggle, or ``projector=1`` in the URL).

    The presentation view (``present=1``) is for a wall too, so it implies projector mode.
    """
    return bool(st.session_state.get(PROJECTOR_KEY, False) or presenting())


def sizes() -> dict[str, float]:
    """Type and line sizes for figures; larger on a classroom wall."""
    if projector_on():
        return {"font": 22, "title": 26, "line": 5, "marker": 16, "cell_text": 24}
    return {"font": 14, "title": 16, "line": 2.5, "marker": 9, "cell_text": 15}


def new_figure(*traces, height: int | None = None, title: str | None = None, **layout_extra) -> go.Figure:
    """A figure of ``traces`` (plotly trace objects or plain dicts) in the shared style.

    ``layout_extra`` (e.g. ``xaxis={...}``) joins the layout at construction, the cheap way in.

    Plotly checks every property it is given, and each ``update_layout`` walks its property
    tree: an empty checked figure in the shared style took ~10 ms, one built from a layout dict
    without checks takes ~0.2 ms. The app skips the checks; the tests switch them on with
    ``EXPLAINER_VALIDATE_FIGURES=1`` (``tests/conftest.py``), so a typo still fails. Unchecked
    means unnormalised too: write what plotly.js reads, e.g. ``"title": {"text": "x"}`` (a bare
    string title is not drawn); tests/test_pages.py compares every figure sent with its checked form.
    """
    return go.Figure(
        data=list(traces), layout=shared_layout(height=height, title=title) | layout_extra, _validate=_checked()
    )


def line_across(
    *,
    x: float | None = None,
    y: float | None = None,
    line: dict,
    text: str | None = None,
    position: str = "top right",
    log_y: bool = False,
    **text_style,
) -> tuple[list[dict], list[dict]]:
    """A vertical line at ``x`` or a horizontal one at ``y`` across the whole plot, and its label.

    Returns ``(shapes, annotations)``: the line, and its label (none without ``text``), as the
    dicts ``fig.add_vline`` / ``fig.add_hline`` add, for ``new_figure(shapes=..., annotations=...)``
    without the ~5 ms those methods take. ``position`` is e.g. ``"top left"``.
    On a log y axis a shape takes the value but an annotation its log10, hence ``log_y``.
    """
    vertical, horizontal = position.split()
    if y is not None:
        shape = {"type": "line", "xref": "x domain", "x0": 0, "x1": 1, "yref": "y", "y0": y, "y1": y}
        label = {
            "xref": "x domain",
            "x": 0 if horizontal == "left" else 1,
            "xanchor": horizontal,
            "yref": "y",
            "y": math.log10(max(y, 1e-300)) if log_y else y,
            "yanchor": "bottom" if vertical == "top" else "top",
        }
    else:
        shape = {"type": "line", "xref": "x", "x0": x, "x1": x, "yref": "y domain", "y0": 0, "y1": 1}
        label = {
            "xref": "x",
            "x": x,
            "xanchor": "left" if horizontal == "right" else "right",
            "yref": "y domain",
            "y": 1 if vertical == "top" else 0,
            "yanchor": vertical,
        }
    return [shape | {"line": line}], ([label | {"text": text, "showarrow": False} | text_style] if text else [])


class PreparedFigure(go.Figure):
    """A figure whose bulky parts (animation frames, many annotations) are plain dicts.

    Plotly builds and checks an object for every frame, trace and annotation, and copies them
    all again when the figure is sent: ~0.5 s for 65 frames. Here those parts are added as they
    are to what is sent; with ``EXPLAINER_VALIDATE_FIGURES=1`` (the tests) plotly checks the
    whole figure anyway, so a misspelt property still fails.
    """

    def __init__(self, *traces, layout=None):
        super().__init__(
            data=list(traces), layout=layout if layout is not None else shared_layout(), _validate=_checked()
        )
        self._layout_dicts: dict = {}
        self._frames_dicts: list[dict] = []

    def prepared(self, *, layout_dicts: dict | None = None, frames_dicts: list[dict] | None = None):
        """Add ``layout_dicts`` to the layout and ``frames_dicts`` as the frames, unchecked."""
        self._layout_dicts, self._frames_dicts = layout_dicts or {}, frames_dicts or []
        return self

    def to_dict(self):
        out = super().to_dict()
        out["layout"] = {**out["layout"], **self._layout_dicts}
        out["frames"] = self._frames_dicts
        if _checked():
            go.Figure(out)
        return out


def _checked() -> bool:
    """Whether plotly checks figures: in the tests (``EXPLAINER_VALIDATE_FIGURES=1``), not in the app."""
    return os.environ.get("EXPLAINER_VALIDATE_FIGURES") == "1"


def shared_layout(*, height: int | None = None, title: str | None = None) -> dict:
    """The shared look as a plotly layout dict: type, margins, legend on top, larger on a projector."""
    s = sizes()
    shared = {
        "font": {"family": FONT, "size": s["font"], "color": "#1F2430"},
        "margin": {"l": 10, "r": 10, "t": 50 if title else 10, "b": 10},
        "legend": {"orientation": "h", "yanchor": "bottom", "y": 1.02, "x": 0},
        "hoverlabel": {"font": {"size": s["font"]}},
    }
    if title:
        shared["title"] = {"text": title, "font": {"size": s["title"]}}
    if height:
        shared["height"] = scaled(height)
    return shared


def scaled(height: int) -> int:
    """A figure's height in pixels: a quarter taller on a projector, where type is larger."""
    return int(height * (1.25 if projector_on() else 1))


PROJECTOR_CSS = """
<style>
html, body, [data-testid="stAppViewContainer"] { font-size: 22px; }
[data-testid="stMarkdownContainer"] p, [data-testid="stMarkdownContainer"] li { font-size: 1.25rem; line-height: 1.5; }
[data-testid="stMetricValue"] [data-testid="stMarkdownContainer"] p { font-size: 2.8rem; font-weight: 700; line-height: 1.15; }
[data-testid="stMetricLabel"] p { font-size: 1.3rem; }
/* A row of figures that wraps keeps its wide gap between figures, not between the lines. */
[data-testid="stHorizontalBlock"]:has(> [data-testid="stElementContainer"] [data-testid="stMetric"]) { row-gap: 0.5rem; }
/* Headings shrink with the window so that a long word ("multiplication") fits a phone unbroken. */
h1 { font-size: clamp(1.5rem, 7vw, 3rem) !important; } h2 { font-size: clamp(1.3rem, 5.5vw, 2.3rem) !important; }
[data-testid="stHeader"] { display: none; }
.block-container { padding-top: 1rem; max-width: 100%; }
</style>
"""


def apply_projector_css() -> None:
    """Large type and high contrast for the whole page (static CSS, no user text)."""
    if projector_on():
        st.html(PROJECTOR_CSS)
