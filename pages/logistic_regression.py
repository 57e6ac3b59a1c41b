"""Logistic regression with one feature: the sigmoid of a line, each point's loss, a threshold's decisions."""

import dataclasses

import numpy as np
import streamlit as st

from app import live, state, ui, url_state
from app.cached import logistic_best_fit as best_fit
from app.cached import logistic_descend as descend
from app.cached import logistic_loss_grid as loss_grid
from app.classroom import ui as classroom
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
    state.slider(SPEC, key, label, big_step=5, help=help_text)
    for key, label, help_text in (
        ("w", text.W_LABEL, text.W_HELP),
        ("b", text.B_LABEL, text.B_HELP),
        ("threshold", text.THRESHOLD_LABEL, text.THRESHOLD_HELP),
    )
]
LEARNING_RATES = ["0.0001", "0.0003", "0.001", "0.003", "0.01", "0.03", "0.1", "0.3", "1"]


def read_points(raw: str):
    """An empty box is the generated BMI set; anything else must be points with labels 0 or 1."""
    if not str(raw).strip():
        return text.GENERATED
    return tuple(tuple(a.tolist()) for a in logistic.parse_labelled_points(raw))


def with_value(slider: live.Slider, value: float) -> live.Slider:
    """The slider with ``value`` (from a link or training) among its positions, kept for the session:
    positions that changed under a held key would rebuild the slider and drop its focus."""
    kept = state.seen_values(slider.key, float(value))
    return dataclasses.replace(slider, values=logistic_sweep.positions_with(slider.values, *kept))


ui.page_header(text.TITLE, text.INTRO)
ideas = Ideas(text.IDEAS)
style = current_style()

parts = [ideas.idea(i) for i in range(len(text.IDEAS))]
with parts[0]:
    above, picture, below = st.container(), st.container(), st.container()
    data = url_state.text(
        text.DATA_LABEL, "data", read_points(SPEC.default("data")), read_points,
        lambda v: "" if v == text.GENERATED else logistic.format_labelled_points(*v),
        placeholder=text.DATA_PLACEHOLDER, help=text.DATA_HELP,
    )  # fmt: skip
generated = data == text.GENERATED
if generated and "data" not in st.query_params:
    url_state.remove_param("data")  # stays out of a link until there are points of one's own
x, y = logistic.bmi_disease() if generated else (np.array(data[0]), np.array(data[1], dtype=int))
best = best_fit(x, y)
best_loss = logistic.mean_logistic_loss(x, y, *best) if best else None
points = figures.Points(tuple(x.tolist()), tuple(y.tolist()), "BMI" if generated else "x", best)
classroom.publish_fit(x, y, [(s.lowest, s.highest) for s in SLIDERS[:2]])  # a class's fit by eye is scored on these


@live.fragment
def follow_line(x: np.ndarray, y: np.ndarray, points: figures.Points, best, best_loss) -> None:
    """Everything w, b and the threshold change: a step of one reruns only this."""
    values = state.bind(SPEC, tuple(s.key for s in SLIDERS))
    w, b, t = (float(values[s.key]) for s in SLIDERS)
    now = logistic_sweep.at_positions(x, y, [w, w], [b, b], [t, 0.5])  # and at the usual threshold 0.5
    loss, acc, p, losses = float(now.mean_loss[0]), float(now.accuracy[0]), now.p[0], now.losses[0]

    # On the wall the picture leads and the figures follow it (its readout shows the loss and accuracy live).
    with below if style.projector else above, ui.figure_row():
        ui.figure("mean logistic loss", format_number(loss, 4), help=text.LOSS_HELP)
        ui.figure("accuracy", format_number(acc, 4), help=text.ACCURACY_HELP)
        if best:
            ui.figure("best logistic loss", format_number(best_loss, 4), help=text.BEST_HELP)
    with picture:
        if not best:
            st.info(text.no_best_fit(len(np.unique(y))))
        sliders = [with_value(s, values[s.key]) for s in SLIDERS]
        others = {s.key: tuple((k, v) for k, v in values.items() if k != s.key) for s in sliders}
        live.element(
            "logistic_live", sliders, values, figures.live_figures(points, w, b, t, style),
            {s.key: figures.cached_sweep(points, s.key, s.values, others[s.key], style, text.readout) for s in sliders},
            readout=text.readout(loss, acc, t), min_figure_width=560, controls="top",
            descriptions=text.descriptions(points.name, w, b, t, loss, now.confusion[0].tolist()),
        )  # fmt: skip
        st.caption(text.caption(text.source(generated, len(x)), bool(best)))
        with st.expander(text.TABLE_TITLE):
            st.dataframe(figures.points_table(points, now.h[0], p, losses, t), hide_index=True)

    with parts[1]:
        st.subheader(text.WHY_LOG_TITLE)
        st.markdown(text.WHY_LOG)
        st.subheader(text.THRESHOLD_TITLE)
        with ui.figure_row():
            ui.figure("precision", format_number(now.precision[0], 4), help=text.PRECISION_HELP)
            ui.figure("recall", format_number(now.recall[0], 4), help=text.RECALL_HELP)
            ui.figure("F1", format_number(now.f1[0], 4), help=text.F1_HELP)
        st.markdown(text.threshold_notes(t, *[(now.precision[i], now.recall[i], int(now.called[i])) for i in (0, 1)]))
        st.markdown(text.THRESHOLD_TEXT)
        st.markdown(text.METRIC_VS_LOSS)

    with parts[2]:
        st.subheader(text.FORMULAS_TITLE)
        st.latex(text.SIGMOID_FORMULA)
        st.latex(text.LOSS_FORMULA)
        st.markdown(text.FORMULA_NOTES)
        st.subheader(text.NOTICE_TITLE)
        st.markdown(notice := text.what_to_notice(points.name, x, y, p, losses, w, b, t, acc))
        st.markdown(text.ASSUMPTION)
        st.page_link(page("models").path.as_posix(), label=text.ASSUMPTION_LINK, icon=":material/open_in_new:")

    with parts[3]:
        st.subheader(text.TRAINING_TITLE)
        if url_state.toggle(text.TRAIN_LABEL, "train", SPEC.default("train") == "1", help=text.TRAIN_HELP):
            left, right = st.columns([1, 2.4], gap="large")
            lr = url_state.choice(
                text.LR_LABEL, "lr", LEARNING_RATES, SPEC.default("lr"), widget="select", container=left
            )
            steps = url_state.slider(text.STEPS_LABEL, "steps", 1, 5000, int(SPEC.default("steps")), 1, container=left)
            path = descend(x, y, (w, b), float(lr), steps)
            (w_end, b_end), verdict = path.params[-1], text.descent_verdict(path.losses, path.diverged)
            left.markdown(text.descent_summary(len(path.losses) - 1, w_end, b_end, path.losses[0], path.losses[-1]))
            moved = {"w": float(np.clip(round(w_end, 2), -10, 10)), "b": float(np.clip(round(b_end, 1), -50, 50))}
            left.button(text.MOVE_THERE, on_click=state.put_all, args=(SPEC, moved), disabled=verdict[0] == "error")
            if verdict[1]:
                getattr(left, verdict[0])(verdict[1])
            left.markdown(text.SOLVER_NOTE)
            ws, bs = figures.descent_window(best or (w, b), (w, b), path.params)
            grid = loss_grid(x, y, ws, bs)
            surface = figures.descent_surface(ws, bs, grid, path.params, (w, b), best, style)
            ui.chart(surface, key="logistic_descent", container=right)
            right.caption(text.surface_caption(x))
            ui.chart(figures.descent_losses(path.losses, best_loss, style), key="logistic_descent_loss")

    with parts[5]:
        show_numpy_code(
            text.code(literal(x), literal(y), w, b, t, bool(best)), expanded=ideas.presenting,
            notes=[f"$${text.SIGMOID_FORMULA}$$", f"$${text.LOSS_FORMULA}$$", text.FORMULA_NOTES, notice],
        )  # fmt: skip


follow_line(x, y, points, best, best_loss)
with parts[4]:
    predict_then_check("logistic_loss")
