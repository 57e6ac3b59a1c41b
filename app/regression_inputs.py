"""The linear-regression page's controls: the points (generated, typed or uploaded), the model's
settings, the live w and b sliders, and the training controls, each bound to the URL.

The streamlit side of ``pages/linear_regression.py``: widgets, callbacks and session state.
The words are in ``app/lessons/regression.py``, the maths in ``core``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import streamlit as st

from app import live, ui, url_state
from app.lessons import regression as text
from app.registry import PageSpec
from core import data as pts
from core import regression as reg
from core.quiz import fit_by_eye_score
from core.text import InputError, format_number, parse_number

GEN_RANGES = ((-2.0, 8.0), (-4.0, 5.0))  # generated houses: the optimum is near (3, 0.5)
POSITIONS = 100  # about this many slider positions: the optimum is a few key presses away
BIG_STEP = 10  # positions per PageUp / PageDown
SPLIT_N = 100  # houses once the split is on: 30 test points rather than 6
URL_DATA_LIMIT = 20_000  # characters of points that still go into the link
parse_points, descend = live.cached(pts.parse_points), live.cached(reg.descend)


@dataclass(frozen=True)
class Points:
    x: np.ndarray
    y: np.ndarray
    user: bool
    n: int
    noise: float
    seed: int


def points(container, spec: PageSpec, *, split: bool) -> Points:
    """The points: the person's own (URL ``data``, text box or CSV file), else generated houses."""
    if "data" not in st.session_state:
        st.session_state["_points"] = _points_from_url()
        st.session_state["data"] = (
            "" if st.session_state["_points"] is None else pts.format_points(*st.session_state["_points"])
        )
        st.session_state["_points_text"] = st.session_state["data"]
        url_state.own("data", "_points", "_points_text")  # read again from the URL after Back / Forward
    with container:
        st.subheader(text.DATA_TITLE)
        with st.expander(
            text.OWN_POINTS, expanded=bool(st.session_state["data"].strip()), icon=":material/upload_file:"
        ):
            st.file_uploader(text.UPLOAD_LABEL, type=["csv", "txt"], key="upload", on_change=_on_upload)
            if st.session_state.get("_upload_error"):
                st.error(st.session_state["_upload_error"])
            typed = st.text_area(text.PASTE_LABEL, key="data", placeholder=text.PASTE_PLACEHOLDER, height=90)
            if typed != st.session_state["_points_text"]:
                try:
                    st.session_state["_points"] = parse_points(typed) if typed.strip() else None
                    st.session_state["_points_text"] = typed
                except InputError as err:
                    st.error(text.typed_error(err))
            st.button(text.BACK_TO_GENERATED, on_click=_back_to_generated, disabled=st.session_state["_points"] is None)
        own = st.session_state["_points"]
        default_n = SPLIT_N if split and "n" not in st.query_params else int(spec.default("n"))
        n = url_state.slider(text.N_LABEL, "n", 5, 500, default_n, disabled=own is not None, help=text.N_HELP)
        noise = url_state.slider(
            text.NOISE_LABEL,
            "noise",
            0.0,
            2.0,
            float(spec.default("noise")),
            0.05,
            disabled=own is not None,
            help=text.NOISE_HELP,
        )
        seed = url_state.number(
            text.SEED_LABEL, "seed", 0, 9999, int(spec.default("seed")), 1, disabled=own is not None
        )
        if own is None:
            url_state.remove_param("data")
            return Points(*live.cached(pts.house_prices)(n, noise, seed), False, n, noise, seed)
        written = pts.format_points(*own)
        if len(written) <= URL_DATA_LIMIT:
            url_state.write_param("data", written, str)
        else:
            url_state.remove_param("data")
            st.caption(text.too_many_for_link(len(own[0])))
        return Points(*own, True, n, noise, seed)


def _points_from_url():
    raw = st.query_params.get_all("data")
    if not raw or not raw[-1].strip():
        return None
    try:
        return parse_points(raw[-1])
    except InputError as err:  # the warning names what is shown instead: the generated houses
        url_state.warn(text.data_warning(raw[-1], err))
        return None


def _on_upload() -> None:
    upload = st.session_state.get("upload")
    if upload is None:
        return
    try:
        x, y = pts.parse_csv(upload.getvalue())
    except InputError as err:
        st.session_state["_upload_error"] = text.upload_error(upload.name, err)
        return
    st.session_state.pop("_upload_error", None)
    st.session_state["data"] = pts.format_points(x, y)


def _back_to_generated() -> None:
    st.session_state["data"] = ""
    st.session_state.pop("_upload_error", None)


@dataclass(frozen=True)
class Model:
    degree: int
    challenge: bool
    squares: bool
    split: bool


def model(container, spec: PageSpec) -> Model:
    """The model's settings: degree, the fit-by-eye challenge, the squares, the train / test split."""
    with container:
        st.subheader(text.MODEL_TITLE)
        degree = url_state.slider(text.DEGREE_LABEL, "degree", 1, 9, int(spec.default("degree")), help=text.DEGREE_HELP)
        # The challenge stays out of the URL: a shared link must not carry the answer.
        challenge = st.toggle(
            text.CHALLENGE_LABEL,
            key="fit_by_eye",
            on_change=_forget_check,
            disabled=degree > 1,
            help=text.CHALLENGE_HELP,
        )
        squares = url_state.toggle(
            text.SQUARES_LABEL, "squares", spec.default("squares") == "1", help=text.SQUARES_HELP
        )
        split = url_state.toggle(
            text.SPLIT_LABEL,
            "split",
            spec.default("split") == "1",
            help=text.SPLIT_HELP,
            on_change=_more_houses,
            args=(spec,),
        )
    return Model(degree, challenge and degree == 1, squares, split)


def _forget_check() -> None:
    st.session_state.pop("_fit_checked", None)


def _more_houses(spec: PageSpec) -> None:
    """Turning the split on with the default 20 houses: 100, so that the test set is not a handful."""
    if st.session_state.get("split") and st.session_state.get("n") == int(spec.default("n")):
        st.session_state["n"] = SPLIT_N


def line_sliders(spec: PageSpec, x: np.ndarray, y: np.ndarray, user: bool, degree: int) -> tuple[list, dict]:
    """The live w and b sliders on a coarse grid (about 100 positions), and their values.

    A finer value from the URL (or from *Apply to w, b*) joins the grid as one more position, kept
    for the session so that the slider keeps its element (and the keyboard focus) as it moves on.
    """
    ranges = reg.parameter_ranges(x, y) if user else GEN_RANGES
    defaults = (0.0, 0.0) if user else (float(spec.default("w")), float(spec.default("b")))
    labels = (text.W_LABEL, text.B_LABEL) if degree == 1 else (text.W_LABEL_POLY, text.B_LABEL_POLY)
    sliders, values = [], {}
    for key, (lo, hi), default, label in zip(("w", "b"), ranges, defaults, labels):
        step = reg.nice_step(hi - lo, POSITIONS)
        grid = live.grid(lo, hi, step)
        if key not in st.session_state:
            st.session_state[key] = url_state.read_param(key, default, url_state.number_parser(lo, hi, integer=False))
            url_state.own(key)
        value = min(max(float(st.session_state[key]), lo), hi)  # the range moves with the points
        st.session_state[key] = value
        extra = st.session_state.get(f"_{key}_extra")
        if not np.isclose(grid, value, rtol=0, atol=step * 1e-6).any():
            extra = st.session_state[f"_{key}_extra"] = value
        positions = tuple(sorted(set(grid) | ({extra} if extra is not None and lo <= extra <= hi else set())))
        help = text.slider_help(step, step * BIG_STEP)
        sliders.append(live.Slider(key, label, positions, default, big_step=BIG_STEP, help=help))
        values[key] = value
        url_state.write_param(key, value)
    return sliders, values


def _apply(w: float, b: float) -> None:
    st.session_state["w"], st.session_state["b"] = round(float(w), 2), round(float(b), 2)


def challenge(container, w: float, b: float, mse: float, best: reg.LineFit) -> bool:
    """The fit-by-eye check: its button, then the verdict. Whether the answer may show (this (w, b) was
    checked; moving a slider starts a new try)."""
    with container:
        if st.button("Check my fit", key="fit_check", icon=":material/check:"):
            st.session_state["_fit_checked"] = (w, b)
        if st.session_state.get("_fit_checked") != (w, b):
            st.caption(text.CHALLENGE_CAPTION)
            return False
        good, verdict = text.fit_verdict(fit_by_eye_score(mse, best.mse), mse, best.mse, w, b, best.w, best.b)
        (st.success if good else st.info)(verdict)
    return True


def training(container, spec: PageSpec, x: np.ndarray, y: np.ndarray, w: float, b: float, lam_max: float, reveal: bool):
    """The training controls (learning rate, steps, Step and Apply), the live step slider and the path they set.

    Gradient descent on the MSE of ``(x, y)`` from the sliders' (w, b); the rates offered lie
    around 2 / λ_max, where it starts to diverge. Returns the rate, the step slider, the step t
    shown and the path.
    """
    rates = reg.learning_rates(lam_max)
    limit = 2.0 / lam_max
    if "lr" not in st.session_state and not st.query_params.get_all("lr"):
        st.session_state["lr"] = max([r for r in rates if r <= 0.6 * limit] or rates[:1])
        url_state.own("lr")
    elif "lr" in st.session_state and st.session_state["lr"] not in rates:  # other points, other rates
        st.session_state["lr"] = min(rates, key=lambda r: abs(np.log10(r / st.session_state["lr"])))
    left, middle, right = container.columns([1, 1, 1.2], gap="medium")
    lr = url_state.bound(
        left.select_slider,
        "lr",
        rates[0],
        lambda raw: _parse_rate(raw, rates),
        label=text.LR_LABEL,
        options=rates,
        format_func=format_number,
        help=text.lr_help(limit),
    )
    steps = url_state.slider(text.STEPS_LABEL, "steps", 1, 300, int(spec.default("steps")), container=middle)
    if st.session_state.get("iteration", 0) > steps:  # fewer steps: the step shown follows
        st.session_state["iteration"] = steps
    step = live.Slider(
        "iteration", text.ITERATION_LABEL, live.grid(0, steps, 1), steps, big_step=10, help=text.STEP_SLIDER_HELP
    )
    iteration = int(live.bind([step])["iteration"])
    live.write_url([step], {"iteration": iteration})
    path = descend(x, y, w, b, lr, steps)
    t = min(iteration, len(path.losses) - 1)
    if reveal:  # during the fit-by-eye challenge training would give the answer away
        buttons = right.container(horizontal=True)  # wraps rather than clips "Apply to w, b"
        buttons.button(
            text.STEP_BUTTON, on_click=_one_step, disabled=iteration >= steps, width="stretch", help=text.STEP_HELP
        )
        buttons.button(
            text.APPLY_BUTTON, on_click=_apply, args=tuple(path.params[t]), width="stretch", help=text.APPLY_HELP
        )
        ui.figure("loss at step t", format_number(path.losses[t], 4), help=text.LOSS_AT_T_HELP, container=right)
    return lr, step, t, path


def _parse_rate(raw: str, rates: tuple[float, ...]) -> float:
    value = parse_number(raw)
    if value <= 0:
        raise InputError("a learning rate must be positive")
    nearest = min(rates, key=lambda r: abs(np.log10(r) - np.log10(value)))
    if not np.isclose(nearest, value, rtol=1e-9):
        raise url_state.ClampedValue(f"{format_number(value)} is not one of the offered rates", nearest)
    return nearest


def _one_step() -> None:
    st.session_state["iteration"] = min(st.session_state.get("iteration", 0) + 1, st.session_state["steps"])
