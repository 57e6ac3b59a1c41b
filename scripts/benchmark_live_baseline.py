"""The least a live page can be: one range input and one 100-point line, drawn by the app's live element.

scripts/benchmark.py measures it as it measures the app's pages: its pointer -> picture and key ->
picture times are the floor of what the live element itself costs in the browser, and every page's
are printed as multiples of them.
"""

import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402
import streamlit as st  # noqa: E402

from app import live  # noqa: E402

# The live element loads plotly.js from <folder of the served script>/static, as the app serves it.
SERVED_PLOTLY = Path(__file__).resolve().parent / "static" / "plotly.min.js"
if not SERVED_PLOTLY.exists():
    SERVED_PLOTLY.parent.mkdir(exist_ok=True)
    shutil.copyfile(live.STATIC_PLOTLY, SERVED_PLOTLY)

SLOPE = live.Slider("slope", "Slope", live.grid(0.0, 2.0, 0.05), 1.0)
X = np.linspace(0, 9, 100)


def line(slope: float, style=None) -> list[dict]:
    layout = {"height": 300, "xaxis": {"range": [0, 9]}, "yaxis": {"range": [0, 18]}, "showlegend": False}
    return [{"data": [{"type": "scatter", "mode": "lines", "x": X, "y": slope * X}], "layout": layout}]


st.title("Live baseline")
if SLOPE.key not in st.session_state:
    st.session_state[SLOPE.key] = SLOPE.default
slope = float(st.session_state[SLOPE.key])
base, sweeps = live.sweeps(line, slope, {SLOPE.key: list(SLOPE.values)}, None)
live.element("live", [SLOPE], {SLOPE.key: slope}, base, sweeps, descriptions=["a line"])
