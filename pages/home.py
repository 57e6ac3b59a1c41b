"""Home: the three components of machine learning, and where each is shown."""

import streamlit as st

from app import ui
from app.registry import PAGES

ui.page_header(
    "Arrays, models and losses",
    "A visual companion to the first support session of the deep-learning course. "
    "Every picture moves with its sliders, every state has its own link (copy the address bar), "
    "and every page shows the NumPy code behind its numbers.",
)

PAGE_BY_PATH = {spec.url_path: spec for spec in PAGES}
COMPONENTS = [
    (
        "Data",
        ":material/table_chart:",
        "Examples as arrays: features x and, for supervised learning, a label y.",
        ["arrays", "broadcasting"],
    ),
    (
        "Model",
        ":material/functions:",
        "A function with parameters, such as ŷ = w·x + b, built from dot products and matrix products.",
        ["dot-product", "outer-product", "matrix-multiplication"],
    ),
    (
        "Loss",
        ":material/trending_down:",
        "One number that says how wrong the model is on the data: the MSE for regression, "
        "the logistic loss for classification.",
        ["linear-regression", "logistic-regression"],
    ),
    (
        "Optimiser",
        ":material/autorenew:",
        "Repeats the loop: predict, compute the loss, adjust the parameters to lower it.",
        ["linear-regression", "iris"],
    ),
]

columns = st.columns(len(COMPONENTS))
for column, (name, _icon, sentence, paths) in zip(columns, COMPONENTS):
    with column.container(border=True):
        st.subheader(name)
        st.markdown(sentence)
        shown = [PAGE_BY_PATH[p] for p in paths if p in PAGE_BY_PATH]
        for spec in shown:
            st.page_link(spec.path.as_posix(), label=spec.title, icon=spec.icon)
        if not shown:
            st.caption("Its pages are on the way.")

st.markdown(
    "**How to use it.** Alone: follow the pages in order and predict each picture before you move "
    "a slider. In class: switch on *Projector mode* in the sidebar (or add `projector=1` to a link) "
    "and prepare one link per slide."
)
