"""One figure idiom for every picture: plotly figures in the shared style, built without streamlit.

Figure builders (``app/figures/<topic>.py``) take their arrays and a :class:`Style` (projector
on or off) and return plotly figures made with :func:`new_figure`, so they are plain functions:
tested with plain pytest, cached without dummy arguments, and run by the live element's sweeps.
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass

# Plotly finds pandas through sys.modules without waiting for an import in progress, so on a
# fresh server a session could meet a half-imported pandas while another session's page imports
# it (AttributeError: partially initialized module 'pandas'). Importing it fully here, before
# any figure exists, closes that race (tested in tests/test_deployment.py).
import pandas  # noqa: F401
import plotly.graph_objects as go
import plotly.io as pio

from app.palette import PALETTE

FONT = "Source Sans Pro, Segoe UI, Helvetica, Arial, sans-serif"


@dataclass(frozen=True)
class Style:
    """How a figure is drawn: for a screen, or larger for a classroom wall (``projector``)."""

    projector: bool = False

    @property
    def sizes(self) -> dict[str, float]:
        """Type and line sizes; larger on a classroom wall."""
        if self.projector:
            return {"font": 22, "title": 26, "line": 5, "marker": 16, "cell_text": 24}
        return {"font": 14, "title": 16, "line": 2.5, "marker": 9, "cell_text": 15}

    def scaled(self, height: int) -> int:
        """A figure's height in pixels: a quarter taller on a projector, where type is larger.

        >>> Style(projector=True).scaled(400)
        500
        """
        return int(height * (1.25 if self.projector else 1))


SCREEN = Style()


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
TEMPLATE = "explainer"
pio.templates[TEMPLATE] = go.layout.Template(
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
pio.templates.default = TEMPLATE  # also what a figure made with go.Figure() starts from


def new_figure(
    *traces, style: Style = SCREEN, height: int | None = None, title: str | None = None, **layout_extra
) -> go.Figure:
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
        data=list(traces), layout=shared_layout(style, height=height, title=title) | layout_extra, _validate=_checked()
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

    def __init__(self, *traces, layout=None, style: Style = SCREEN):
        super().__init__(
            data=list(traces), layout=layout if layout is not None else shared_layout(style), _validate=_checked()
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


def shared_layout(style: Style = SCREEN, *, height: int | None = None, title: str | None = None) -> dict:
    """The shared look as a plotly layout dict: type, margins, legend on top, larger on a projector."""
    s = style.sizes
    shared = {
        "font": {"family": FONT, "size": s["font"], "color": "#1F2430"},
        "margin": {"l": 10, "r": 10, "t": 50 if title else 10, "b": 10},
        "legend": {"orientation": "h", "yanchor": "bottom", "y": 1.02, "x": 0},
        "hoverlabel": {"font": {"size": s["font"]}},
    }
    if title:
        shared["title"] = {"text": title, "font": {"size": s["title"]}}
    if height:
        shared["height"] = style.scaled(height)
    return shared
