"""The style of the pages written before the figure builders took an explicit ``Style``.

Re-exports the palette (``app/palette.py``), the figure idiom (``app/figure_base.py``) and
projector mode (``app/projector.py``) with the current run's style filled in. New code imports
those modules directly and passes ``projector.current_style()`` to pure figure builders.
"""

from __future__ import annotations

from app import figure_base
from app.figure_base import FONT, PreparedFigure, line_across  # noqa: F401
from app.palette import CLASS_COLORS, DIVERGING_SCALE, PALETTE, RESULT_SCALE, blend  # noqa: F401
from app.projector import PROJECTOR_CSS, PROJECTOR_KEY, apply_projector_css, current_style, projector_on  # noqa: F401


def sizes() -> dict[str, float]:
    return current_style().sizes


def scaled(height: int) -> int:
    return current_style().scaled(height)


def shared_layout(*, height: int | None = None, title: str | None = None) -> dict:
    return figure_base.shared_layout(current_style(), height=height, title=title)


def new_figure(*traces, height: int | None = None, title: str | None = None, **layout_extra):
    return figure_base.new_figure(*traces, style=current_style(), height=height, title=title, **layout_extra)
