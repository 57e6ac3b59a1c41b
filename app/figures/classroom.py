"""The class's answers as pictures: bars for a question's options, lines and (w, b) dots for a fit by eye.

Pure builders: the counts or the guesses in, plotly figures out; ``app/classroom/wall.py`` draws them.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import plotly.graph_objects as go

from app.figure_base import SCREEN, Style, new_figure
from app.palette import PALETTE

BARS_HEIGHT = 260


def answer_bars(
    options: Sequence[str], counts: Sequence[int], right: int | None = None, style: Style = SCREEN
) -> go.Figure:
    """One horizontal bar per option, its length the number of students who chose it.

    After the reveal (``right`` given) the right option's bar is green and labelled "right";
    the others stay grey. Options read top to bottom in the order the students saw them.
    """
    counts = np.asarray(counts, dtype=int)
    colours = [PALETTE["a"] if i == right else PALETTE["neutral"] for i in range(len(options))]
    labels = [f"{o}  (right)" if i == right else str(o) for i, o in enumerate(options)]
    top = int(counts.max()) if counts.size and counts.max() > 0 else 1
    bars = go.Bar(
        x=counts.tolist(),  # a plain list: a dozen numbers, readable as sent
        y=labels,
        orientation="h",
        marker={"color": colours},
        text=[str(c) for c in counts],
        textposition="outside",
        cliponaxis=False,
        hovertemplate="%{y}: %{x}<extra></extra>",
        name="answers",
    )
    return new_figure(
        bars,
        style=style,
        height=max(BARS_HEIGHT, 60 * len(options)),
        xaxis={"title": {"text": "students"}, "range": [0, top * 1.2 + 0.5], "dtick": max(1, int(np.ceil(top / 6)))},
        yaxis={"autorange": "reversed", "automargin": True},
        showlegend=False,
    )
