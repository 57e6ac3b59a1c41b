"""One colour palette for every page: the slides' roles, colour-blind safe, at 4.5:1 contrast.

The slides give each role a colour: A green, B orange, the result purple. The hues
come from the Okabe-Ito palette (safe for the common colour-vision deficiencies),
darkened so that every strong colour reaches 4.5:1 against the figures' white
background (they are used for labels too), and dark text reaches 4.5:1 on every
fill (tests/test_accessibility.py). No role relies on colour alone: every picture
also writes the role's name. Pure data: no streamlit, no plotly.
"""

from __future__ import annotations

import colorsys
import re

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


# The dark theme's counterpart of each colour above (and of the figures' white and ink): strong
# colours lightened, fills darkened, so that figures follow a dark page instead of glaring white
# boxes, at the same 4.5:1 contrast (tests/figures/test_palette.py). Okabe-Ito hues kept.
DARK = {
    "#007E5C": "#3CC79F",  # a
    "#B8E6D6": "#124A3B",  # a_fill
    "#C05500": "#F28C45",  # b, class1
    "#F9D9A8": "#5C3812",  # b_fill
    "#7B3F9E": "#C9A2EA",  # result
    "#E2CCF0": "#46295E",  # result_fill
    "#F0E442": "#6E6400",  # highlight (a fill under light text)
    "#5F6B7A": "#A9B3BF",  # neutral
    "#FFFFFF": "rgba(0,0,0,0)",  # paper, neutral_fill: the page's own dark background shows through
    "#EEF1F4": "#262C38",  # ghost_fill
    "#C0392B": "#FF7A6E",  # error
    "#0072B2": "#5DB8EC",  # class0
    "#1F2430": "#E6E8EB",  # ink
    "#EBF0F8": "#2A3140",  # grid lines
    "#DFE8F3": "#2A3140",
    "#B0B7C3": "#5A6475",  # zero lines
    "#8A94A3": "#6B7585",
}
_HEX = re.compile(r"#[0-9A-Fa-f]{6}\b")
_WHITE_RGBA = re.compile(r"rgba\(\s*255\s*,\s*255\s*,\s*255\s*,")


def dark_counterpart(colour: str) -> str:
    """The dark theme's colour for ``colour``: from :data:`DARK`, else its lightness turned over.

    >>> dark_counterpart("#007e5c"), dark_counterpart("#000000")
    ('#3CC79F', '#FFFFFF')
    """
    key = colour.upper()
    if key in DARK:
        return DARK[key]
    r, g, b = (int(key[i : i + 2], 16) / 255 for i in (1, 3, 5))
    h, lightness, s = colorsys.rgb_to_hls(r, g, b)
    return "#" + "".join(f"{round(v * 255):02X}" for v in colorsys.hls_to_rgb(h, 1 - lightness, s))


def themed(figure_json: str, dark: bool) -> str:
    """A figure's JSON text with its colours for the page's theme (unchanged in the light theme)."""
    if not dark:
        return figure_json
    text = _HEX.sub(lambda match: dark_counterpart(match.group(0)), figure_json)
    return _WHITE_RGBA.sub("rgba(14,17,23,", text)  # translucent white label boxes turn dark
