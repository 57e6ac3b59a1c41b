"""One colour palette for every page: the slides' roles, colour-blind safe, at 4.5:1 contrast.

The slides give each role a colour: A green, B orange, the result purple. The hues
come from the Okabe-Ito palette (safe for the common colour-vision deficiencies),
darkened so that every strong colour reaches 4.5:1 against the figures' white
background (they are used for labels too), and dark text reaches 4.5:1 on every
fill (tests/test_accessibility.py). No role relies on colour alone: every picture
also writes the role's name. Pure data: no streamlit, no plotly.
"""

from __future__ import annotations

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
    """The colour ``t`` of the way from ``colour`` to ``other`` (hex ``#RRGGBB``).

    >>> blend("#000000", "#FFFFFF", 0.5)
    '#808080'
    """
    a = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
    b = [int(other[i : i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(x + (y - x) * t):02X}" for x, y in zip(a, b))
