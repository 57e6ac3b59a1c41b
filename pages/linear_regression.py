"""Linear regression: data, a line as the model, the MSE as the loss, and training as a loop.

With degree 1 the model is the line ŷ = w·x + b of the live sliders. With degree 2 to 9 it is the
least-squares polynomial of that degree; w and b then steer a straight line drawn beside it and
its point on the loss surface, which training is about. With the split on, everything is fitted
and trained on the training points, and the contract's figures are measured there.
"""

import numpy as np
import streamlit as st

from app import live, ui
from app import regression_inputs as inputs
from app.code_panel import literal, show_numpy_code
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
line_fit, polynomial, degree_curve = (
    live.cached(reg.line_fit),
    live.cached(reg.fit_polynomial),
    live.cached(reg.degree_curve),
)
loss_grid = live.cached(figures.loss_grid)

ui.page_header(text.TITLE, text.INTRO)
ideas = Ideas(text.IDEAS)
style = current_style()
with ideas.idea(0):
    figure_row, note, live_box = ui.figure_row(), st.empty(), st.container()
    data_box, model_box = st.columns(2, gap="large")

# The state: the points, the model's settings, the live w and b (URL and session).
model = inputs.model(model_box, SPEC)
data = inputs.points(data_box, SPEC, split=model.split)
x, y, count = data.x, data.y, len(data.x)
split = model.split and count >= 3
if model.split and not split:
    st.error(text.split_refused(count))
test = split_mask(count, 0.3, data.seed) if split else np.zeros(count, dtype=bool)
xt, yt = x[~test], y[~test]
sliders, values = inputs.line_sliders(SPEC, x, y, data.user, model.degree)
w, b = values["w"], values["b"]

# The maths: the best line on the training points, the model, the figures people read.
best = line_fit(xt, yt)
line_mse = reg.mse(yt, reg.predict_line(xt, w, b))
reveal = not model.challenge or inputs.challenge(model_box, w, b, line_mse, best)
ends = np.array(figures.x_range(x))
if model.degree == 1:
    y_hat, curve, best_mse = reg.predict_line(x, w, b), (ends, reg.predict_line(ends, w, b)), best.mse
else:
    fitted, grid_x = polynomial(xt, yt, model.degree), np.linspace(*ends, 200)
    y_hat, curve = fitted(x), (grid_x, fitted(grid_x))
    best_mse = reg.mse(yt, fitted(xt))
shown = reg.scores(yt, y_hat[~test]) | ({"best MSE": best_mse} if reveal else {})
if split:
    shown |= {"test MSE": reg.mse(y[test], y_hat[test]), "test R²": reg.r2(y[test], y_hat[test])}
for label, value in shown.items():
    ui.figure(label, format_number(value, 4), help=text.metric_help(label, split), container=figure_row)
note.caption(text.model_note(model.degree, w, b, count, len(xt) if split else None))

# The live element: the points and the model, and the loss surface, follow w and b as they move.
ranges = [(s.lowest, s.highest) for s in sliders]
ws, bs, grid, grid_text = loss_grid(xt, yt, *ranges)
model_mse = None if model.degree == 1 else shown["MSE"]
readout = lambda w_, b_, mse, test_mse: text.readout(w_, b_, mse, test_mse, model_mse)
base, sweeps = figures.live_scene(
    x,
    y,
    test,
    y_hat,
    curve,
    w,
    b,
    [s.values for s in sliders],
    degree=model.degree,
    best=(best.w, best.b) if reveal else None,
    surface=(ws, bs, grid, grid_text) if reveal else None,
    squares=model.squares,
    user=data.user,
    readout=readout,
    style=style,
)
test_mse = reg.mse(y[test], reg.predict_line(x[test], w, b)) if split else None
with live_box:
    live.element(
        "line_sliders",
        sliders,
        values,
        base,
        sweeps,
        readout=readout(w, b, line_mse, test_mse),
        descriptions=text.descriptions(model.squares, reveal),
        controls="top",
        min_figure_width=300,
    )
    st.caption(text.picture_caption(model.squares, split, count <= figures.RESIDUAL_LIMIT, data.user, reveal))
    with st.expander(text.TABLE_TITLE):
        table = {"x": x, "y": y, "ŷ": y_hat, "residual y − ŷ": y - y_hat}
        st.dataframe(
            {k: v[:1000] for k, v in table.items()}
            | ({"set": np.where(test, "test", "train")[:1000]} if split else {}),
            hide_index=True,
            height=240,
        )
        if count > 1000:
            st.caption(text.table_note(count))

with ideas.idea(1):
    for column, formula in zip(st.columns(3), text.FORMULAS):
        column.latex(formula)
    st.subheader(text.NOTICE_TITLE)
    at_optimum = model.degree > 1 or bool(np.isclose(line_mse, best.mse))
    st.markdown(
        text.notice(
            xt,
            yt,
            y_hat[~test],
            scores=shown,
            degree=model.degree,
            best_mse=best_mse,
            line_mse=best.mse,
            optimum=(best.w, best.b) if reveal else None,
            at_optimum=at_optimum,
        )
    )

with ideas.idea(2):
    st.header(text.TRAINING_TITLE)
    controls, picture = st.columns([1, 2.2], gap="large")
    lr, t, path = inputs.training(controls, SPEC, xt, yt, w, b, best.lam_max, reveal)
    if not reveal:
        picture.info(text.TRAINING_HIDDEN)
    else:
        (w_t, b_t), optimum = path.params[t], (best.w, best.b)
        controls.markdown(text.training_summary(w, b, t, w_t, b_t, optimum))
        surface = figures.training_surface(ws, bs, grid, grid_text, w, b, path.params, t, optimum=optimum, style=style)
        ui.chart(surface, key="regression_surface", container=picture)
        inside = bool(np.all((path.params >= [r[0] for r in ranges]) & (path.params <= [r[1] for r in ranges])))
        picture.caption(text.surface_caption(optimum, w, b, t, w_t, b_t, inside))
        with st.expander(text.BROADCAST_TITLE):
            st.markdown(text.broadcast_note(figures.GRID, len(xt)))
            st.code(text.BROADCAST_CODE, language="python")
        curve_col, why_col = st.columns([1.3, 1], gap="large")
        ui.chart(figures.loss_curve(path.losses, t, best.mse, style), key="regression_loss_curve", container=curve_col)
        curve_col.caption(text.loss_caption(path.losses, t, best.mse))
        verdict = reg.convergence(lr, best.lam_max)
        words = text.convergence(
            verdict,
            lr,
            best.lam_max,
            steps_done=len(path.losses) - 1,
            stopped=path.diverged,
            gap=path.losses[t] - best.mse,
        )
        {"diverges": why_col.error, "zigzags": why_col.info, "falls": why_col.success}[verdict](words)
        why_col.markdown(text.scaling(best.lam_max, best.lam_min))
        for column, formula in zip(st.columns(3), text.GRADIENT_FORMULAS):
            column.latex(formula)

with ideas.idea(3):
    st.header(text.DEGREE_TITLE)
    chart_col, words_col = st.columns([1.3, 1], gap="large")
    train_curve, test_curve = degree_curve(x, y, test)
    kept = test_curve if split else None
    best_degree, overfit = reg.overfitting(test_curve) if split else (None, None)
    ui.chart(
        figures.degree_curve(train_curve, kept, model.degree, style), key="regression_degrees", container=chart_col
    )
    chart_col.caption(text.degree_caption(train_curve, kept, model.degree))
    words_col.latex(text.POLYNOMIAL)
    words_col.markdown(text.overfitting(overfit, best_degree, kept, int(test.sum())))
    words_col.caption(text.DEGREE_FIT_NOTE)

with ideas.idea(4), st.expander(text.METRICS_TITLE, expanded=True):
    st.markdown(text.metrics_text(shown["MAE"], data.user))

with ideas.idea(5):
    predict_then_check("mse")

with ideas.idea(6):
    points = (f"x = {literal(x)}\ny = {literal(y)}" if count <= 500 else text.CSV_CODE) if data.user else None
    code = text.code(
        data=text.data_code(seed=data.seed, n=data.n, noise=data.noise, points=points),
        split=text.split_code(data.seed, int(test.sum())) if split else None,
        degree=model.degree,
        w=w,
        b=b,
        ranges=ranges,
        grid=figures.GRID,
        lr=lr,
        t=t,
        shown=shown | {"loss at step t": path.losses[t]},
    )
    show_numpy_code(code, expanded=ideas.presenting, notes=[f"$${f}$$" for f in text.FORMULAS], figure=base[0])
