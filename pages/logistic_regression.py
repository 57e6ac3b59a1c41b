"""Logistic regression with one feature: the sigmoid of a line, each point's loss, a threshold's decisions."""

import dataclasses

import numpy as np
import streamlit as st

from app import live, ui, url_state
from app.code_panel import literal, show_numpy_code
from app.figures import logistic as figures
from app.lessons import logistic as text
from app.presentation import Ideas
from app.projector import current_style
from app.quiz import predict_then_check
from app.registry import page
from core import logistic, logistic_sweep
from core.text import format_number

SPEC = page("logistic-regression")
SLIDERS = [
    live.Slider(key, label, grid, float(SPEC.default(key)), big_step=5, help=help_text)
    for key, label, grid, help_text in (
        ("w", text.W_LABEL, logistic_sweep.W_POSITIONS, text.W_HELP),
        ("b", text.B_LABEL, logistic_sweep.B_POSITIONS, text.B_HELP),
        ("threshold", text.THRESHOLD_LABEL, logistic_sweep.THRESHOLD_POSITIONS, text.THRESHOLD_HELP),
    )
]
LEARNING_RATES = ["0.0001", "0.0003", "0.001", "0.003", "0.01", "0.03", "0.1", "0.3", "1"]
best_fit, descend, loss_grid = (
    live.cached(f) for f in (logistic.best_fit, logistic_sweep.descend, logistic_sweep.loss_grid)
)


# Shared, not copied: a sweep is ~300 kB of patches, only read (st.cache_data would copy it per run).
@st.cache_resource(max_entries=48, show_spinner=False)
def sweep(points, key, positions, others, style):
    return figures.slider_sweep(points, key, positions, dict(others), style, text.readout)


def read_points(raw: str):
    """An empty box is the generated BMI set; anything else must be points with labels 0 or 1."""
    if not str(raw).strip():
        return text.GENERATED
    x, y = logistic.parse_labelled_points(raw)
    return tuple(x.tolist()), tuple(y.tolist())


def with_value(slider: live.Slider, value: float) -> live.Slider:
    """The slider with ``value`` among its positions (from a link or training), kept for the session
    so that its positions do not change under a key held down."""
    extra = st.session_state.setdefault(f"_{slider.key}_positions", set())
    extra.add(float(value))
    return dataclasses.replace(slider, values=logistic_sweep.positions_with(slider.values, *extra))


ui.page_header(text.TITLE, text.INTRO)
ideas = Ideas(text.IDEAS)

style = current_style()
with ideas.idea(0):
    above, picture, below = st.container(), st.container(), st.container()
    data = url_state.text(
        text.DATA_LABEL, "data", text.GENERATED, read_points,
        lambda v: "" if v == text.GENERATED else logistic.format_labelled_points(*v),
        placeholder=text.DATA_PLACEHOLDER, help=text.DATA_HELP,
    )  # fmt: skip
generated = data == text.GENERATED
x, y = logistic.bmi_disease() if generated else (np.array(data[0]), np.array(data[1], dtype=int))
best = best_fit(x, y)
points = figures.Points(tuple(x.tolist()), tuple(y.tolist()), "BMI" if generated else "x", best)
values = live.bind(SLIDERS)
live.write_url(SLIDERS, values)
w, b, t = (float(values[s.key]) for s in SLIDERS)
now = logistic_sweep.at_positions(x, y, [w, w], [b, b], [t, 0.5])  # and at the usual threshold 0.5
loss, acc, p, losses = float(now.mean_loss[0]), float(now.accuracy[0]), now.p[0], now.losses[0]

# On the wall the picture leads and the figures follow it (its readout shows the loss and accuracy live).
with below if style.projector else above, ui.figure_row():
    ui.figure("mean logistic loss", format_number(loss, 4), help=text.LOSS_HELP)
    ui.figure("accuracy", format_number(acc, 4), help=text.ACCURACY_HELP)
    if best:
        best_loss = logistic.mean_logistic_loss(x, y, *best)
        ui.figure("best logistic loss", format_number(best_loss, 4), help=text.BEST_HELP)
with picture:
    if not best:
        st.info(text.NO_BEST_FIT)
    sliders = [with_value(s, values[s.key]) for s in SLIDERS]
    base = figures.live_figures(points, w, b, t, style)
    sweeps = {
        s.key: sweep(points, s.key, s.values, tuple((k, v) for k, v in values.items() if k != s.key), style)
        for s in sliders
    }
    live.element(
        "logistic_live", sliders, values, base, sweeps, readout=text.readout(loss, acc, t),
        descriptions=text.descriptions(points.name, w, b, t, loss, now.confusion[0].tolist()), min_figure_width=560, controls="top",
    )  # fmt: skip
    st.caption(text.caption(text.source(generated, len(x)), bool(best)))
    with st.expander(text.TABLE_TITLE):
        order = np.argsort(x, kind="stable")
        st.dataframe(
            {points.name: x[order], "y": y[order], "h = w·x + b": np.round(now.h[0][order], 4),
             "p = σ(h)": np.round(p[order], 4), "predicted": (p[order] >= t).astype(int),
             "loss": np.round(losses[order], 4)},
            hide_index=True,
        )  # fmt: skip

with ideas.idea(1):
    st.subheader(text.WHY_LOG_TITLE)
    st.markdown(text.WHY_LOG)
    st.subheader(text.THRESHOLD_TITLE)
    with ui.figure_row():
        ui.figure("precision", format_number(now.precision[0], 4), help=text.PRECISION_HELP)
        ui.figure("recall", format_number(now.recall[0], 4), help=text.RECALL_HELP)
        ui.figure("F1", format_number(now.f1[0], 4), help=text.F1_HELP)
    called = now.confusion[:, :, 1].sum(axis=1)
    usual = (float(now.precision[1]), float(now.recall[1]), int(called[1]))
    st.markdown(text.threshold_notes(t, (float(now.precision[0]), float(now.recall[0]), int(called[0])), usual))
    st.markdown(text.THRESHOLD_TEXT)
    st.markdown(text.METRIC_VS_LOSS)

with ideas.idea(2):
    st.subheader(text.FORMULAS_TITLE)
    st.latex(text.SIGMOID_FORMULA)
    st.latex(text.LOSS_FORMULA)
    st.markdown(text.FORMULA_NOTES)
    st.subheader(text.NOTICE_TITLE)
    worst = int(np.argmax(losses))
    right = int(round(acc * len(x)))
    st.markdown(
        text.notice(points.name, w, b, t, acc, right, len(x), loss)
        + " "
        + text.worst_point(
            points.name, x[worst], int(y[worst]), p[worst], losses[worst], (p[worst] >= t) != y[worst],
            losses[worst] / max(float(losses.sum()), 1e-300),
        )
    )  # fmt: skip

with ideas.idea(3):
    st.subheader(text.TRAINING_TITLE)
    if url_state.toggle(text.TRAIN_LABEL, "train", False, help=text.TRAIN_HELP):
        left, right_side = st.columns([1, 2.4], gap="large")
        with left:
            rate = float(url_state.choice(text.LR_LABEL, "lr", LEARNING_RATES, "0.003", widget="select"))
            steps = url_state.slider(text.STEPS_LABEL, "steps", 1, 5000, 1000, 1)
        path = descend(x, y, (w, b), rate, steps)
        (w_end, b_end), first, last = path.params[-1], path.losses[0], path.losses[-1]
        with left:
            st.markdown(text.descent_summary(len(path.losses) - 1, w_end, b_end, first, last))
            blew_up = path.diverged or last > first
            moved = {"w": float(np.clip(round(w_end, 2), -10, 10)), "b": float(np.clip(round(b_end, 1), -50, 50))}
            st.button(text.MOVE_THERE, on_click=st.session_state.update, args=(moved,), disabled=bool(blew_up))
            rises = int(np.sum(np.diff(path.losses) > 1e-12))
            if blew_up:
                st.error(text.BLEW_UP)
            elif rises:
                st.info(text.zigzag(rises))
            st.markdown(text.SOLVER_NOTE)
        with right_side:
            ws, bs = figures.descent_window(best or (w, b), (w, b), path.params)
            surface = loss_grid(x, y, ws, bs)
            ui.chart(figures.descent_surface(ws, bs, surface, path.params, (w, b), best, style), key="logistic_descent")
            st.caption(text.SURFACE_CAPTION)
        ui.chart(figures.descent_losses(path.losses, best_loss if best else None, style), key="logistic_descent_loss")

with ideas.idea(4):
    predict_then_check("logistic_loss")

with ideas.idea(5):
    show_numpy_code(
        text.code(literal(x), literal(y), w, b, t, bool(best)), expanded=ideas.presenting,
        notes=[f"$${text.SIGMOID_FORMULA}$$", f"$${text.LOSS_FORMULA}$$"],
    )  # fmt: skip
