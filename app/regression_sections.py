"""The linear-regression page's later ideas, laid out: training on the loss surface, and the degree curve.

Called by ``pages/linear_regression.py`` inside their ideas; the figures come from
``app/figures/regression.py``, the words from ``app/lessons/regression.py``, the maths from ``core``.
"""

from __future__ import annotations

import numpy as np
import streamlit as st

from app import live, ui
from app import regression_inputs as inputs
from app.figure_base import Style
from app.figures import regression as figures
from app.lessons import regression as text
from app.registry import PageSpec
from core import regression as reg
from core.optimize import DescentPath

degree_curve = live.cached(reg.degree_curve)
PLAY_MS = 250  # a step of Play: slow enough to follow, and for the rerun that each step sends
# The page's results that do not change with w and b, cached across reruns and sessions. Made here,
# once: a wrapper made on every run of the page hashes the function's source every time.
CACHED = tuple(map(live.cached, (reg.line_fit, reg.fit_polynomial, figures.surface_traces)))


def points_table(x: np.ndarray, y: np.ndarray, y_hat: np.ndarray, test: np.ndarray) -> None:
    """The points, predictions and residuals as a table (the first 1,000)."""
    with st.expander(text.TABLE_TITLE):
        table = {"x": x, "y": y, "ŷ": y_hat, "residual y − ŷ": y - y_hat}
        if test.any():
            table["set"] = np.where(test, "test", "train")
        st.dataframe({k: v[:1000] for k, v in table.items()}, hide_index=True, height=240)
        if len(x) > 1000:
            st.caption(text.table_note(len(x)))


def training(
    spec: PageSpec,
    x: np.ndarray,
    y: np.ndarray,
    w: float,
    b: float,
    best: reg.LineFit,
    surface: list[dict] | None,
    ranges,
    *,
    style: Style,
) -> tuple[float, int, DescentPath]:
    """Gradient descent from the sliders' (w, b) on the points ``(x, y)``: its controls, its path on the
    loss surface (``surface``: :func:`app.figures.regression.surface_traces`) and its loss curve in a
    live element whose step slider moves (and plays) step t along both, and the verdict on η.

    ``surface`` is None during the fit-by-eye challenge: training would give the answer away, so only
    its controls show. Returns the learning rate, the step t shown and the path.
    """
    st.subheader(text.TRAINING_TITLE)  # a smaller heading: more of the picture on one screen
    lr, step, t, path = inputs.training(st.container(), spec, x, y, w, b, best.lam_max, surface is not None)
    if surface is None:
        st.info(text.TRAINING_HIDDEN)
        return lr, t, path
    readout = text.training_readout
    base, sweeps = figures.training_scene(
        surface, (w, b), path.params, path.losses, ranges, step, best.mse, readout, style
    )
    live.element(
        "training_slider",
        [step],
        {"iteration": t},
        figures.at_step(base, path.params, path.losses, t),
        sweeps,
        readout=readout(t, *path.params[t], path.losses[t]),
        descriptions=text.TRAINING_DESCRIPTIONS,
        controls="top",
        min_figure_width=300,
        play={"key": "iteration", "interval_ms": PLAY_MS},
    )
    low, high = np.array([r[0] for r in ranges]), np.array([r[1] for r in ranges])
    inside = bool(np.all((path.params >= low) & (path.params <= high)))
    st.caption(text.surface_caption((best.w, best.b), w, b, t, *path.params[t], inside))
    st.caption(text.loss_caption(path.losses, t, best.mse))
    with st.expander(text.BROADCAST_TITLE):
        st.markdown(text.broadcast_note(figures.GRID, len(x)))
        st.code(text.BROADCAST_CODE, language="python")
    verdict = reg.convergence(lr, best.lam_max)
    done, gap = len(path.losses) - 1, path.losses[t] - best.mse
    words = text.convergence(verdict, lr, best.lam_max, steps_done=done, stopped=path.diverged, gap=gap)
    why, scaling = st.columns(2, gap="large")
    {"diverges": why.error, "zigzags": why.info, "falls": why.success}[verdict](words)
    scaling.markdown(text.scaling(best.lam_max, best.lam_min))
    left, right = st.columns(2)  # the two partial derivatives side by side, the update under them
    left.latex(text.GRADIENT_FORMULAS[0])
    right.latex(text.GRADIENT_FORMULAS[1])
    st.latex(text.GRADIENT_FORMULAS[2])
    return lr, t, path


def degrees(x: np.ndarray, y: np.ndarray, test: np.ndarray, degree: int, style: Style) -> None:
    """Training (and, with the split, test) MSE by polynomial degree, and what the curve says."""
    st.subheader(text.DEGREE_TITLE)
    chart, words = st.columns([1.3, 1], gap="large")
    train_curve, test_curve = degree_curve(x, y, test)
    kept = test_curve if test.any() else None
    best_degree, verdict = reg.overfitting(test_curve) if test.any() else (None, None)
    ui.chart(figures.degree_curve(train_curve, kept, degree, style), key="regression_degrees", container=chart)
    chart.caption(text.degree_caption(train_curve, kept, degree))
    words.latex(text.POLYNOMIAL)
    words.markdown(text.overfitting(verdict, best_degree, kept, int(test.sum())))
    words.caption(text.DEGREE_FIT_NOTE)
