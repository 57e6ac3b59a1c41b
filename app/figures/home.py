"""Home: the slides' opening pictures, the training loop and AI ⊃ machine learning ⊃ deep learning.

Drawn with plotly shapes and annotations on fixed axes, so the type keeps its size and the
boxes stretch with the screen (a phone, a projector).
"""

from __future__ import annotations

import plotly.graph_objects as go

from app.figure_base import SCREEN, Style, new_figure
from app.palette import PALETTE, blend

INK = "#1F2430"
HIDDEN = {"visible": False, "fixedrange": True}
# The loop's parts: (x0, x1, y0, y1) on a 9 × 6 canvas, name, what it holds, colour role.
BOXES = {
    "features": ((0.0, 2.7, 4.3, 6.0), "Data", "features x", PALETTE["a"]),
    "model": ((3.3, 5.7, 4.3, 6.0), "Model", "ŷ = w·x + b", PALETTE["b"]),
    "prediction": ((6.3, 9.0, 4.3, 6.0), "Prediction", "ŷ", PALETTE["result"]),
    "optimiser": ((3.3, 5.7, 2.15, 3.85), "Optimiser", "adjusts w", PALETTE["neutral"]),
    "labels": ((0.0, 2.7, 0.0, 1.7), "Data", "labels y", PALETTE["a"]),
    "loss": ((3.3, 5.7, 0.0, 1.7), "Loss", "ŷ against y", PALETTE["error"]),
}
# Arrows (from, to) in canvas units; the prediction's goes down the right side, then left into the loss.
ARROWS = [
    ((2.7, 5.15), (3.3, 5.15)),
    ((5.7, 5.15), (6.3, 5.15)),
    ((7.65, 0.85), (5.7, 0.85)),
    ((2.7, 0.85), (3.3, 0.85)),
    ((4.5, 1.7), (4.5, 2.15)),
    ((4.5, 3.85), (4.5, 4.3)),
]


def _box(x0: float, x1: float, y0: float, y1: float, colour: str, width: float) -> dict:
    return {
        "type": "rect",
        "x0": x0,
        "x1": x1,
        "y0": y0,
        "y1": y1,
        "line": {"color": colour, "width": width},
        "fillcolor": blend(colour, "#FFFFFF", 0.82),
        "layer": "below",
    }


def _arrow(start: tuple[float, float], end: tuple[float, float], width: float) -> dict:
    return {
        "x": end[0],
        "y": end[1],
        "ax": start[0],
        "ay": start[1],
        "axref": "x",
        "ayref": "y",
        "text": "",
        "showarrow": True,
        "arrowhead": 3,
        "arrowsize": 1.2,
        "arrowwidth": width,
        "arrowcolor": INK,
    }


def loop_figure(style: Style = SCREEN) -> go.Figure:
    """The training loop as the slides draw it: data → model → prediction → loss against the label → optimiser → model."""
    s = style.sizes
    line = max(1.5, s["line"] * 0.6)
    shapes = [_box(*box, colour, line) for box, _, _, colour in BOXES.values()]
    # The prediction's way down to the loss: a line, then the arrow of ARROWS[2] into the loss.
    shapes.append(
        {"type": "line", "x0": 7.65, "y0": 4.3, "x1": 7.65, "y1": 0.85, "line": {"color": INK, "width": line}}
    )
    labels = [
        {
            "x": (x0 + x1) / 2,
            "y": (y0 + y1) / 2,
            "text": f"<b>{name}</b><br>{held}",
            "showarrow": False,
            "font": {"size": s["font"], "color": INK},
        }
        for (x0, x1, y0, y1), name, held, _ in BOXES.values()
    ]
    repeat = {
        "x": 7.85,
        "y": 3.0,
        "xanchor": "left",
        "text": "repeats<br>the block<br>many times",
        "showarrow": False,
        "align": "left",
        "font": {"size": round(0.85 * s["font"]), "color": INK},
    }
    return new_figure(
        style=style,
        height=330,
        shapes=shapes,
        annotations=[*labels, repeat, *(_arrow(a, b, line) for a, b in ARROWS)],
        xaxis={"range": [-0.05, 9.75]} | HIDDEN,
        yaxis={"range": [-0.05, 6.05]} | HIDDEN,
        margin={"l": 2, "r": 2, "t": 2, "b": 2},
        showlegend=False,
    )


def nested_figure(style: Style = SCREEN) -> go.Figure:
    """Deep learning inside machine learning, inside artificial intelligence, as the slides nest them."""
    s = style.sizes
    areas = [
        ((0.0, 10.0, 0.0, 6.0), "Artificial intelligence", 5.2, PALETTE["neutral"]),
        ((1.4, 8.6, 0.2, 4.5), "Machine learning", 3.8, PALETTE["b"]),
        ((2.8, 7.2, 0.4, 3.1), "Deep learning", 1.75, PALETTE["result"]),
    ]
    shapes = [
        {
            "type": "circle",
            "x0": x0,
            "x1": x1,
            "y0": y0,
            "y1": y1,
            "line": {"color": colour, "width": max(1.5, s["line"] * 0.6)},
            "fillcolor": blend(colour, "#FFFFFF", 0.85),
        }
        for (x0, x1, y0, y1), _, _, colour in areas
    ]
    labels = [
        {"x": 5, "y": y, "text": f"<b>{name}</b>", "showarrow": False, "font": {"size": s["font"], "color": INK}}
        for _, name, y, _ in areas
    ]
    return new_figure(
        style=style,
        height=230,
        shapes=shapes,
        annotations=labels,
        xaxis={"range": [-0.05, 10.05]} | HIDDEN,
        yaxis={"range": [-0.05, 6.05]} | HIDDEN,
        margin={"l": 2, "r": 2, "t": 2, "b": 2},
        showlegend=False,
    )
