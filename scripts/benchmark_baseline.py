"""The least a page can be: a title, one slider and one small Plotly chart that follows it.

scripts/benchmark.py measures it exactly as it measures the app's pages, so the table shows how
much of a page's time is Streamlit, Plotly and the browser before any lesson content is added.
"""

import numpy as np
import plotly.graph_objects as go
import streamlit as st

st.title("Baseline")
slope = st.slider("Slope", 0.0, 2.0, 1.0, 0.05, key="slope")
x = np.arange(10)
fig = go.Figure(
    go.Scatter(x=x, y=slope * x), layout={"height": 300, "xaxis": {"range": [0, 9]}, "yaxis": {"range": [0, 18]}}
)
st.plotly_chart(fig, key="line", width="stretch", theme=None)
