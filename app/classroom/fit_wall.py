"""The wall of a fit by eye: every student's line over the points, every (w, b) on the loss surface."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import streamlit as st

from app import ui
from app.classroom import answers as A
from app.classroom.store import Answer, ClassQuestion
from app.figures import classroom as figures
from app.projector import current_style
from core import class_fit
from core.text import format_number

CORE_KIND = {"fit_line": "line", "fit_logistic": "logistic"}


def optimum(kind: str, x, y) -> tuple[float, float] | None:
    """The best (w, b): least squares for a line, scikit-learn's unpenalised fit for a sigmoid (None if separable)."""
    if kind == "line":
        from core.regression import least_squares

        return tuple(float(v) for v in least_squares(x, y))
    from core.logistic import best_fit

    return best_fit(x, np.asarray(y, dtype=int))


def draw(question: ClassQuestion, answers: Sequence[Answer]) -> None:
    kind = CORE_KIND[question.kind]
    fit = question.params["fit"]
    x, y = np.asarray(fit["x"], dtype=float), np.asarray(fit["y"], dtype=float)
    guesses = A.fits(answers)
    ws, bs = [g[0] for g in guesses], [g[1] for g in guesses]
    scored = class_fit.score(kind, x, y, ws, bs)
    name = figures.LOSS_NAMES[kind]
    st.markdown(f"**Class question {question.number}.** {A_PROMPT[kind]}")
    with ui.figure_row():
        ui.figure("answered", len(guesses))
        ui.figure(f"class median {name}", format_number(scored.median, 4) if scored.median is not None else "–")
        ui.figure(f"best guess {name}", format_number(scored.losses[scored.best], 4) if guesses else "–")
    best_fit = optimum(kind, x, y) if question.revealed else None
    style = current_style()
    lines, surface = st.columns(2)
    ui.chart(
        figures.fit_lines(kind, x, y, ws, bs, scored.best, best_fit, style), key="class_fit_lines", container=lines
    )
    grid_ws, grid_bs, grid = class_fit.loss_grid(kind, x, y, fit["w_range"], fit["b_range"])
    ui.chart(
        figures.fit_surface(kind, grid_ws, grid_bs, grid, ws, bs, scored.best, best_fit, style),
        key="class_fit_surface",
        container=surface,
    )
    if guesses:
        w, b, nickname = guesses[scored.best]
        st.caption(f"The class's best guess: w = {format_number(w, 4)}, b = {format_number(b, 4)}, by")
        st.text(nickname or "a student without a nickname")  # st.text: a nickname is never Markdown or HTML
    if question.revealed:
        if best_fit is None:
            st.info("These classes are separable: no finite (w, b) reaches the lowest loss, so no optimum is drawn.")
        else:
            best_loss = float(class_fit.losses(kind, x, y, [best_fit[0]], [best_fit[1]])[0])
            st.success(
                f"The best fit: w = {format_number(best_fit[0], 4)}, b = {format_number(best_fit[1], 4)}, "
                f"{name} {format_number(best_loss, 4)} (the star). Each dot is one student's (w, b): the "
                "closer to the star, the lower the loss."
            )


A_PROMPT = {
    "line": "Move w and b until the line fits the points as well as you can, then send your line.",
    "logistic": "Move w and b until the sigmoid separates the two classes as well as you can, then send it.",
}
