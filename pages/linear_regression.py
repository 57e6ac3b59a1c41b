"""Linear regression: data, a line as the model, the MSE as the loss, and training as a loop.

With degree 1 the model is the line ŷ = w·x + b of the live sliders. With degree 2 to 9 it is the
least-squares polynomial of that degree; w and b then steer a straight line drawn beside it and
its point on the loss surface, which training is about. With the split on, everything is fitted
and trained on the training points, and the contract's figures are measured there.
"""

from functools import partial

import numpy as np
import streamlit as st

from app import live, ui
from app import regression_inputs as inputs
from app import regression_sections as sections
from app.classroom import ui as classroom
from app.code_panel import literal, show_numpy_code
from app.downloads import points_csv
from app.figures import regression as figures
from app.lessons import regression as text
from app.presentation import Ideas
from app.projector import current_style
from app.quiz import predict_then_check
from app.registry import page
from core import regression as reg
from core.data import split_mask
from core.text import format_number

SPEC = page("linear-regression")
line_fit, polynomial, surface_traces = sections.CACHED

ui.page_header(text.TITLE, text.INTRO)
ideas = Ideas(text.IDEAS)
style = current_style()
parts = [ideas.idea(i) for i in range(len(text.IDEAS))]
with parts[0]:  # the picture first: on a wall or a phone it must be on the first screen
    live_box, figure_row, note, table_box = st.container(), ui.figure_row(), st.empty(), st.container()
    data_box, model_box = st.columns(2, gap="large")

# The state: the points, the model's settings, the live w and b (URL and session).
model = inputs.model(model_box, SPEC)
data = inputs.points(data_box, SPEC, split=model.split)
x, y, count = data.x, data.y, len(data.x)
split = model.split and count >= 3
if model.split and not split:
    st.error(text.split_refused(count))
test = split_mask(count, 0.3, data.seed) if split else np.zeros(count, dtype=bool)


@live.fragment
def follow_line(model, data, split: bool, test: np.ndarray) -> None:
    """Everything w and b change (the figures, both pictures, training from (w, b), the code): a step
    of either slider, or of the training's step slider, reruns only this."""
    x, y, count = data.x, data.y, len(data.x)
    xt, yt = x[~test], y[~test]
    sliders, values = inputs.line_sliders(SPEC, x, y, data.user, model.degree)
    w, b = values["w"], values["b"]

    # The maths: the best line on the training points, the model, the figures people read.
    best = line_fit(xt, yt)
    line_mse = reg.mse(yt, reg.predict_line(xt, w, b))
    reveal = not model.challenge or inputs.challenge(model_box, w, b, line_mse, best)
    predict = partial(reg.predict_line, w=w, b=b) if model.degree == 1 else polynomial(xt, yt, model.degree)
    y_hat = predict(x)
    shown = reg.scores(yt, y_hat[~test])
    if reveal:
        shown["best MSE"] = best.mse if model.degree == 1 else shown["MSE"]  # a polynomial fit is its degree's best
    if split:
        shown["test MSE"] = reg.mse(y[test], y_hat[test])
        if test.sum() >= 2:  # R² compares with the spread of y: one test point has none
            shown["test R²"] = reg.r2(y[test], y_hat[test])
    for label, value in shown.items():
        ui.figure(label, format_number(value, 4), help=text.metric_help(label, split), container=figure_row)
    note.caption(text.model_note(model.degree, w, b, count, len(xt) if split else None))

    # The live element: the points and the model, and the loss surface, follow w and b as they move.
    ranges = [(s.lowest, s.highest) for s in sliders]
    classroom.publish_fit(xt, yt, ranges if model.degree == 1 else None)  # the points a class's fit by eye is scored on
    surface = surface_traces(xt, yt, *ranges, (best.w, best.b), style) if reveal else None
    readout = partial(text.readout, model_mse=None if model.degree == 1 else shown["MSE"])
    base, sweeps = figures.live_scene(
        x, y, test, predict, (w, b), sliders, degree=model.degree, squares=model.squares, user=data.user,
        best=(best.w, best.b) if reveal else None, surface=surface, readout=readout, style=style,
    )  # fmt: skip
    test_mse = reg.mse(y[test], reg.predict_line(x[test], w, b)) if split else None
    with live_box:
        live.element(
            "line_sliders", sliders, values, base, sweeps, readout=readout(w, b, line_mse, test_mse),
            descriptions=text.descriptions(model.squares, reveal), controls="top", min_figure_width=300,
        )  # fmt: skip
        st.caption(text.picture_caption(model.squares, split, count <= figures.RESIDUAL_LIMIT, data.user, reveal))
    with table_box:
        sections.points_table(x, y, y_hat, test)

    with parts[1]:
        for formula in text.FORMULAS:  # one a line: three abreast were clipped on a projector
            st.latex(formula)
        st.caption(text.FORMULAS_NOTE)
        st.subheader(text.NOTICE_TITLE)
        st.markdown(notice := text.notice(xt, yt, y_hat[~test], shown, model.degree, best if reveal else None))
        st.markdown(text.ASSUMPTION)
        st.page_link(page("models").path.as_posix(), label=text.ASSUMPTION_LINK, icon=":material/open_in_new:")

    with parts[2]:
        lr, t, path = sections.training(SPEC, xt, yt, w, b, best, surface, ranges, style=style)

    with parts[4], st.expander(text.METRICS_TITLE, expanded=True):
        st.markdown(text.metrics_text(shown["MAE"], data.user))

    with parts[6]:
        points = (f"x = {literal(x)}\ny = {literal(y)}" if count <= 500 else text.CSV_CODE) if data.user else None
        code = text.code(
            data=text.data_code(seed=data.seed, n=data.n, noise=data.noise, points=points),
            split=text.split_code(data.seed, int(test.sum())) if split else None,
            degree=model.degree, w=w, b=b, ranges=ranges, grid=figures.GRID, lr=lr, t=t,
            shown=shown | {"loss at step t": path.losses[t]},
        )  # fmt: skip
        csv = {"points.csv": points_csv(x, y)} if data.user and count > 500 else None
        show_numpy_code(
            code, expanded=ideas.presenting, notes=[*(f"$${f}$$" for f in text.FORMULAS), notice], data_files=csv
        )


follow_line(model, data, split, test)
with parts[3]:
    sections.degrees(x, y, test, model.degree, style)

with parts[5]:
    predict_then_check("mse")
