"""Linear and polynomial regression: data, a model, the MSE loss, and training as a loop.

What w and b mean: with degree 1 the model is the line ŷ = w·x + b set by the sliders,
and every figure uses it. With degree 2 to 9 the model is the least-squares polynomial
of that degree (fitted on the training points when the split is on); the w and b sliders
then only steer the loss surface and the training section, which are about the line.
"""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go
import streamlit as st

from app import theme, ui, url_state
from app.code_panel import literal, show_numpy_code
from app.presentation import Ideas
from core import data as pts
from core import regression as reg
from core.optimize import gradient_descent
from core.quiz import fit_by_eye_score
from core.text import InputError, format_number, parse_number

P = theme.PALETTE
GEN_W_RANGE, GEN_B_RANGE = (-2.0, 8.0), (-4.0, 5.0)  # generated data: the optimum is near (3, 0.5)
GEN_DEFAULT = (1.0, 0.0)
GRID = 41  # contours interpolate between grid points; 41 x 41 keeps each rerun small
TEST_FRACTION = 0.3
LR_OPTIONS = [float(f"{m}e{e}") for e in range(-7, 1) for m in (1, 2, 5)]
URL_DATA_LIMIT = 20_000  # characters of points that still go into the link
CODE_DATA_LIMIT = 500  # points written into the code panel
RESIDUAL_LIMIT = 2_000  # points whose residual segments and squares are drawn


# ---------------------------------------------------------------- cached computations
@st.cache_data(max_entries=64, show_spinner=False)
def generated(n: int, noise: float, seed: int):
    return pts.house_prices(n, noise, seed)


@st.cache_data(max_entries=64, show_spinner=False)
def parsed(text: str):
    return pts.parse_points(text)


@st.cache_data(max_entries=64, show_spinner=False)
def line_facts(x: np.ndarray, y: np.ndarray, user: bool):
    w_opt, b_opt = reg.least_squares(x, y)
    ranges = reg.parameter_ranges(x, y) if user else (GEN_W_RANGE, GEN_B_RANGE)
    lam_max, lam_min = reg.curvature(x)
    return {
        "w": w_opt,
        "b": b_opt,
        "mse": reg.mse(y, reg.predict_line(x, w_opt, b_opt)),
        "w_range": ranges[0],
        "b_range": ranges[1],
        "lam_max": lam_max,
        "lam_min": lam_min,
    }


@st.cache_data(max_entries=32, show_spinner=False)
def loss_grid(x: np.ndarray, y: np.ndarray, w_range, b_range):
    """The MSE over a GRID x GRID mesh of (w, b), and its values as hover text (formatted once)."""
    ws = np.linspace(*w_range, GRID)
    bs = np.linspace(*b_range, GRID)
    grid = reg.mse_grid(x, y, ws, bs)
    return ws, bs, grid, np.vectorize(f4)(grid)


@st.cache_data(max_entries=64, show_spinner=False)
def poly(x: np.ndarray, y: np.ndarray, train: np.ndarray, degree: int):
    """Coefficients (in x) of the polynomial fitted on the training points, and of the best one on all points."""
    fitted = reg.fit_polynomial(x[train], y[train], degree)
    best = reg.fit_polynomial(x, y, degree)
    return fitted, best


@st.cache_data(max_entries=32, show_spinner=False)
def degrees(x: np.ndarray, y: np.ndarray, test: np.ndarray):
    return reg.degree_curve(x, y, test)


@st.cache_data(max_entries=64, show_spinner=False)
def descent(x: np.ndarray, y: np.ndarray, w: float, b: float, lr: float, steps: int):
    return gradient_descent(reg.line_loss_and_gradient(x, y), np.array([w, b]), lr, steps)


# ---------------------------------------------------------------- small helpers
def f4(value: float) -> str:
    """A figure as the page shows it and the code prints it: 4 decimals."""
    return f"{value:.4f}"


def exact(value: float) -> str:
    """A number written so that reading it back gives the same float for the data's purposes."""
    return format_number(value) if float(value) == int(value) else f"{value:.10g}"


def points_text(x: np.ndarray, y: np.ndarray) -> str:
    return "; ".join(f"{exact(a)}, {exact(c)}" for a, c in zip(x, y))


def parse_data_param(text: str):
    return None if not text.strip() else parsed(text)


def parse_lr(text: str) -> float:
    value = parse_number(text)
    if value <= 0:
        raise InputError("a learning rate must be positive")
    nearest = min(LR_OPTIONS, key=lambda o: abs(np.log10(o) - np.log10(value)))
    if not np.isclose(nearest, value, rtol=1e-9):
        raise url_state.ClampedValue(f"{format_number(value)} is not one of the offered rates", nearest)
    return nearest


def on_upload() -> None:
    upload = st.session_state.get("upload")
    if upload is None:
        return
    try:
        x, y = pts.parse_csv(upload.getvalue())
    except InputError as err:
        st.session_state["_upload_error"] = f"**{upload.name}** was not read: {err}. The points shown are unchanged."
        return
    st.session_state.pop("_upload_error", None)
    st.session_state["data"] = points_text(x, y)


def back_to_generated() -> None:
    st.session_state["data"] = ""
    st.session_state.pop("_upload_error", None)


def one_step() -> None:
    st.session_state["iteration"] = min(st.session_state.get("iteration", 0) + 1, st.session_state["steps"])


def use_trained(w: float, b: float) -> None:
    st.session_state["w"] = w
    st.session_state["b"] = b


def forget_check() -> None:
    st.session_state.pop("_fit_checked", None)


def snap(value: float, lo: float, hi: float, step: float) -> float:
    return float(f"{min(max(round(value / step) * step, lo), hi):.10g}")


# ---------------------------------------------------------------- the page
ui.page_header(
    "Linear regression: data, model, loss, training",
    "The three components of machine learning working together. **Data**: house areas x "
    "(the feature) and their prices y (the label). **Model**: a line ŷ = w·x + b. **Loss**: the mean "
    "squared error says in one number how wrong the line is. An **optimiser** repeats "
    "*predict, compute the loss, adjust w and b* until the loss stops falling.",
)

ideas = Ideas(
    [
        "Data, model and loss",
        "The formulas, and what to notice",
        "The loss surface and training",
        "Polynomial model and overfitting",
        "Loss and metrics",
        "The NumPy code",
    ]
)

# The points: `data` from the URL or the text box, else generated ones.
if "data" not in st.session_state:
    from_url = url_state.read_param("data", None, parse_data_param)
    st.session_state["data"] = "" if from_url is None else points_text(*from_url)
    st.session_state["_points"] = from_url
    st.session_state["_points_text"] = st.session_state["data"]

with ideas.idea(0):
    figure_row = ui.figure_row()  # wraps on a phone or in the large type of the presentation view
    model_note = st.empty()
    controls, picture = st.columns([1, 2.2], gap="large")

with controls:
    st.subheader("Data")
    with st.expander(
        "Use your own points", expanded=bool(st.session_state["data"].strip()), icon=":material/upload_file:"
    ):
        st.file_uploader(
            "A CSV file of two numeric columns, x then y (header optional, at most 10,000 rows and 1 MB)",
            type=["csv", "txt"],
            key="upload",
            on_change=on_upload,
        )
        if st.session_state.get("_upload_error"):
            st.error(st.session_state["_upload_error"])
        text = st.text_area(
            "Or paste points: x, y pairs separated by ';' or new lines",
            key="data",
            placeholder="1.2, 4.1; 0.8, 3.0; 1.6, 5.2",
            height=90,
        )
        if text != st.session_state["_points_text"]:
            try:
                st.session_state["_points"] = parse_data_param(text)
                st.session_state["_points_text"] = text
            except InputError as err:
                st.error(f"**Your points** could not be read: {err}. Still showing the points read before.")
        st.button("Back to generated points", on_click=back_to_generated, disabled=st.session_state["_points"] is None)
    user_points = st.session_state["_points"]
    user = user_points is not None
    n = url_state.slider("Number of houses n", "n", 5, 500, 20, disabled=user)
    noise = url_state.slider("Noise (std of the price, 100 000 €)", "noise", 0.0, 2.0, 0.5, 0.05, disabled=user)
    seed = url_state.number("Random seed", "seed", 0, 9999, 0, 1, disabled=user)

    if user:
        x, y = user_points
        text_now = points_text(x, y)
        if len(text_now) <= URL_DATA_LIMIT:
            url_state.write_param("data", text_now, str)
        else:
            st.query_params.pop("data", None)
            st.caption(
                f"These {len(x):,} points are too many for a link: the address bar keeps the other settings only."
            )
    else:
        x, y = generated(n, noise, seed)
        st.query_params.pop("data", None)

    facts = line_facts(x, y, user)
    (w_lo, w_hi), (b_lo, b_hi) = facts["w_range"], facts["b_range"]
    w_step, b_step = reg.nice_step(w_hi - w_lo), reg.nice_step(b_hi - b_lo)
    w_default = GEN_DEFAULT[0] if not user else 0.0
    b_default = GEN_DEFAULT[1] if not user else 0.0

    st.subheader("Model")
    degree = url_state.slider(
        "Polynomial degree",
        "degree",
        1,
        9,
        1,
        help="1 is the line ŷ = w·x + b. Higher degrees add x², x³, … "
        "(the slide's polynomial model), fitted by least squares.",
    )
    w = url_state.slider("Slope w", "w", w_lo, w_hi, w_default, w_step, disabled=degree > 1)
    b = url_state.slider("Intercept b", "b", b_lo, b_hi, b_default, b_step, disabled=degree > 1)
    # The challenge stays out of the URL: a shared link must not carry the answer.
    challenge = (
        st.toggle(
            "Fit by eye: a challenge",
            key="fit_by_eye",
            on_change=forget_check,
            disabled=degree > 1,
            help="Hides the least-squares line and the best MSE. Set w and b by eye, "
            "then check how close you came. Needs degree 1.",
        )
        and degree == 1
    )
    if challenge:
        if st.button("Check my fit", key="fit_check", icon=":material/check:"):
            st.session_state["_fit_checked"] = (w, b)
        checked = st.session_state.get("_fit_checked") == (w, b)  # moving a slider starts a new try
        if checked:
            my_mse = reg.mse(y, reg.predict_line(x, w, b))
            score = fit_by_eye_score(my_mse, facts["mse"])
            optimum = f"w = {facts['w']:.4f}, b = {facts['b']:.4f}"
            if score >= 95:
                st.success(
                    f"**Score {score:.0f} / 100.** Your MSE {my_mse:.4f} against the optimum's "
                    f"{facts['mse']:.4f}: "
                    + (
                        "as good as least squares"
                        if score >= 99.5
                        else f"only {my_mse / facts['mse'] - 1:.1%} above it"
                    )
                    + f" ({optimum}, now drawn dashed)."
                )
            else:
                times = (
                    f"is {my_mse / facts['mse']:.2f} times the optimum's {facts['mse']:.4f}"
                    if facts["mse"] > 1e-12
                    else "is above the optimum's 0: the points lie on one line"
                )
                st.info(
                    f"**Score {score:.0f} / 100.** Your MSE {my_mse:.4f} {times}. The best line, now drawn "
                    f"dashed, is {optimum}: your w is {round(w - facts['w'], 2) + 0.0:+.2f} off and your b "
                    f"{round(b - facts['b'], 2) + 0.0:+.2f}. Move w or b to try again."
                )  # + 0.0: no -0.00
        else:
            st.caption(
                "Least-squares line and best MSE hidden: move w and b until the MSE is as "
                "low as you can get it, then check."
            )
    else:
        checked = False
    reveal = not challenge or checked
    squares = url_state.toggle(
        "Draw the squared residuals",
        "squares",
        False,
        help="Each residual as a square: the MSE is the mean area of these squares.",
    )
    split = url_state.toggle(
        "Train / test split (70 / 30)",
        "split",
        False,
        help="Fit on the training points only and measure on points the model never saw.",
    )

# ---------------------------------------------------------------- the model and its figures
count = len(x)
if split and count < 3:
    st.error(f"A train / test split needs at least 3 points; there are {count}. All points train the model.")
    split = False
test = pts.split_mask(count, TEST_FRACTION, seed) if split else np.zeros(count, dtype=bool)
train = ~test
if degree == 1:
    y_hat = reg.predict_line(x, w, b)
    best_mse = facts["mse"]
    model_text = f"ŷ = {format_number(w)}·x + {format_number(b)}"
else:
    fitted, best_poly = poly(x, y, train, degree)
    y_hat = fitted(x)
    best_mse = reg.mse(y, best_poly(x))
    model_text = f"least-squares polynomial of degree {degree}" + (" (fitted on the training points)" if split else "")

shown = {"MSE": reg.mse(y, y_hat), "RMSE": reg.rmse(y, y_hat), "MAE": reg.mae(y, y_hat), "R²": reg.r2(y, y_hat)}
if reveal:
    shown["best MSE"] = best_mse
if split:
    shown["train MSE"] = reg.mse(y[train], y_hat[train])
    shown["test MSE"] = reg.mse(y[test], y_hat[test])
helps = {
    "MSE": "Mean squared error of the model on the points shown: the loss that training lowers.",
    "RMSE": "√MSE, back in the units of y (100 000 € for the houses).",
    "MAE": "Mean absolute error: the typical miss, in the units of y.",
    "R²": "1 − SSE/SST: the share of the spread of y the model explains (1 perfect, 0 = predicting the mean).",
    "best MSE": "The lowest MSE any model of this degree reaches on these points (least squares, scikit-learn).",
    "train MSE": "MSE on the training points only.",
    "test MSE": "MSE on the held-out test points.",
}
for label, value in shown.items():
    ui.figure(label, f4(value), help=helps[label], container=figure_row)
model_note.caption(
    f"Model: {model_text}. Figures on all {count:,} points shown"
    + (f" ({int(train.sum())} training, {int(test.sum())} test)." if split else ".")
    + (
        " With degree > 1 the w and b sliders do not enter the figures; they steer the loss surface "
        "and training below, which are about the line."
        if degree > 1
        else ""
    )
)

# ---------------------------------------------------------------- the data picture
with picture:
    s = theme.sizes()
    traces = []
    if count <= RESIDUAL_LIMIT:
        if squares:
            side = y - y_hat
            direction = np.where(x > np.median(x), -1.0, 1.0)  # squares point inward
            sx = np.stack(
                [x, x + direction * np.abs(side), x + direction * np.abs(side), x, x, np.full(count, np.nan)], axis=1
            ).ravel()
            sy = np.stack([y, y, y_hat, y_hat, y, np.full(count, np.nan)], axis=1).ravel()
            traces.append(
                go.Scatter(
                    x=sx,
                    y=sy,
                    fill="toself",
                    fillcolor=P["b_fill"],
                    mode="lines",
                    line={"color": P["b"], "width": 1},
                    opacity=0.6,
                    name="squared residuals",
                    hoverinfo="skip",
                )
            )
        rx = np.stack([x, x, np.full(count, np.nan)], axis=1).ravel()
        ry = np.stack([y, y_hat, np.full(count, np.nan)], axis=1).ravel()
        traces.append(
            go.Scatter(
                x=rx,
                y=ry,
                mode="lines",
                name="residuals y − ŷ",
                line={"color": P["b"], "width": s["line"] * 0.8},
                hoverinfo="skip",
            )
        )
    grid_x = np.linspace(x.min(), x.max(), 200)
    if reveal:
        traces.append(
            go.Scatter(
                x=grid_x,
                y=reg.predict_line(grid_x, facts["w"], facts["b"]),
                mode="lines",
                name="least squares (scikit-learn)",
                line={"color": P["neutral"], "width": s["line"], "dash": "dash"},
                opacity=0.7,
            )
        )
    curve = reg.predict_line(grid_x, w, b) if degree == 1 else fitted(grid_x)
    traces.append(
        go.Scatter(
            x=grid_x, y=curve, mode="lines", name="model ŷ", line={"color": P["result"], "width": s["line"] * 1.4}
        )
    )
    marker = {"color": P["a"], "size": s["marker"] if count <= 500 else 4, "line": {"color": "#FFFFFF", "width": 1}}
    traces.append(
        go.Scatter(
            x=x[train],
            y=y[train],
            mode="markers",
            marker=marker,
            name="training points" if split else "points (x, y)",
            hovertemplate="x = %{x:.4g}<br>y = %{y:.4g}<extra></extra>",
        )
    )
    if split:
        traces.append(
            go.Scatter(
                x=x[test],
                y=y[test],
                mode="markers",
                name="test points",
                marker={
                    "color": "#FFFFFF",
                    "size": s["marker"] + 2,
                    "symbol": "diamond",
                    "line": {"color": P["class0"], "width": 2},
                },
                hovertemplate="test: x = %{x:.4g}<br>y = %{y:.4g}<extra></extra>",
            )
        )
    spread = float(np.ptp(y)) or 1.0
    seen = np.clip(np.concatenate([y, curve]), y.min() - spread, y.max() + spread)
    pad = 0.08 * float(np.ptp(seen))
    xaxis = {"title": {"text": "area x (100 m²)" if not user else "x"}}
    yaxis = {
        "title": {"text": "price y (100 000 €)" if not user else "y"},
        "range": [float(seen.min()) - pad, float(seen.max()) + pad],
    }
    if squares:  # equal scales, so that the squares are square
        xaxis["constrain"] = "domain"
        yaxis |= {"scaleanchor": "x", "scaleratio": 1}
    fig = theme.new_figure(*traces, xaxis=xaxis, yaxis=yaxis)
    ui.chart(fig, height=430, key="regression_points")
    st.caption(
        "Orange segments: the residuals y − ŷ, what the model misses at each point. "
        + (
            "Their squares, drawn with equal scales on both axes, have a mean area equal to the MSE. "
            if squares
            else ""
        )
        + ("Hollow diamonds: test points, not used to fit. " if split else "")
        + ("" if count <= RESIDUAL_LIMIT else f"Residuals are not drawn for more than {RESIDUAL_LIMIT:,} points. ")
        + (
            "Units: area in 100 m² and price in 100 000 €, so that w (price per 100 m²) and b "
            "stay small numbers and the sliders hold the optimum."
            if not user
            else "The slider ranges were chosen from your points so that they hold 0 and the optimum."
        )
    )
    with st.expander("The points as a table"):
        table = {"x": x[:1000], "y": y[:1000], "ŷ": y_hat[:1000], "residual y − ŷ": (y - y_hat)[:1000]}
        if split:
            table["set"] = np.where(test, "test", "train")[:1000]
        st.dataframe(table, hide_index=True, height=240)
        if count > 1000:
            st.caption(f"The first 1,000 of {count:,} points.")

with ideas.idea(1):
    formula_cols = st.columns(3)  # side by side on a wide screen, stacked on a phone
    formula_cols[0].latex(r"\hat y_i = w\,x_i + b")
    formula_cols[1].latex(r"\text{MSE}(w, b) = \frac{1}{n}\sum_{i=1}^{n} (y_i - \hat y_i)^2")
    formula_cols[2].latex(r"R^2 = 1 - \frac{\sum_i (y_i - \hat y_i)^2}{\sum_i (y_i - \bar y)^2}")
    st.subheader("What to notice")
    residual = y - y_hat
    worst = int(np.argmax(np.abs(residual)))
    sse = float(np.sum(residual**2))
    if not reveal:
        against_best = "The best line stays hidden until you check your fit. "
    elif degree == 1:
        against_best = (
            f"The least-squares line (w = {facts['w']:.4f}, b = {facts['b']:.4f}) reaches "
            f"MSE {facts['mse']:.4f}"
            + (f"; yours is {shown['MSE'] / facts['mse']:.2f} times that. " if facts["mse"] > 1e-12 else ". ")
        )
    else:
        against_best = (
            f"A polynomial of degree {degree} reaches MSE {best_mse:.4f} on these points, against "
            f"{facts['mse']:.4f} for the best line: more parameters, a lower training loss. "
        )
    st.markdown(
        (
            f"The largest miss is {residual[worst]:+.4g} at x = {x[worst]:.4g}: its square alone makes "
            f"{residual[worst] ** 2 / sse:.0%} of the MSE {shown['MSE']:.4f}, because squaring lets big "
            "misses dominate. "
            if sse > 0
            else "The model passes through every point: the MSE is 0. "
        )
        + against_best
        + (
            f"R² = {shown['R²']:.4f}: the model explains {shown['R²']:.0%} of the spread of y around its "
            f"mean {y.mean():.4g}. "
            if shown["R²"] >= 0
            else f"R² = {shown['R²']:.4f} is negative: always predicting the mean {y.mean():.4g} would do better. "
        )
        + "Changing w turns the line around x = 0"
        + (", outside the points" if x.min() > 0 or x.max() < 0 else "")
        + ", so a better w usually needs a new b too: the long diagonal valley of the loss surface."
    )

# ---------------------------------------------------------------- the loss surface and training
with ideas.idea(2):
    st.header("The loss surface, and training as a loop")
    ws, bs, grid, grid_text = loss_grid(x, y, facts["w_range"], facts["b_range"])
    lam_max, lam_min = facts["lam_max"], facts["lam_min"]
    lr_limit = 2.0 / lam_max
    if "lr" not in st.session_state and not st.query_params.get_all("lr"):
        st.session_state["lr"] = max([o for o in LR_OPTIONS if o <= 0.6 * lr_limit] or LR_OPTIONS[:1])
    t_controls, t_picture = st.columns([1, 2.2], gap="large")
    with t_controls:
        lr = url_state.bound(
            st.select_slider,
            "lr",
            0.1,
            parse_lr,
            label="Learning rate η",
            options=LR_OPTIONS,
            format_func=format_number,
            help=f"Steps converge only below 2 / λ_max = {lr_limit:.4g} for these points.",
        )
        steps = url_state.slider("Number of steps", "steps", 1, 300, 50)
        iteration = url_state.slider("Show step t", "iteration", 0, steps, steps)
        b1, b2 = st.columns(2)
        b1.button(
            "Step ▸",
            on_click=one_step,
            disabled=iteration >= steps,
            width="stretch",
            help="One more pass of the loop: predict, compute the loss, adjust.",
        )
        path = descent(x, y, w, b, lr, steps)
        done = len(path.losses) - 1
        t = min(iteration, done)
        w_t, b_t = path.params[t]
        b2.button(
            "Apply to w, b",
            width="stretch",
            on_click=use_trained,
            args=(snap(w_t, w_lo, w_hi, w_step), snap(b_t, b_lo, b_hi, b_step)),
            help="Move the w and b sliders to where training got (rounded to the sliders' step).",
        )
        ui.figure(
            "loss at step t",
            f4(path.losses[t]),
            help="The MSE of the line after t steps of gradient descent from the sliders' (w, b).",
        )
        st.markdown(
            f"Start: the sliders' (w, b) = ({format_number(w)}, {format_number(b)}). "
            f"After {t} step{'s' if t != 1 else ''}: w = {w_t:.4f}, b = {b_t:.4f}. "
            + (
                f"Optimum: w = {facts['w']:.4f}, b = {facts['b']:.4f}."
                if reveal
                else "Training walks towards the answer of the fit-by-eye challenge: check your fit first."
            )
        )

    with t_picture:
        inside = (
            (path.params[:, 0] >= w_lo)
            & (path.params[:, 0] <= w_hi)
            & (path.params[:, 1] >= b_lo)
            & (path.params[:, 1] <= b_hi)
        )
        traces = [
            go.Contour(
                x=ws,
                y=bs,
                z=np.log10(np.maximum(grid, 1e-12)),
                colorscale=[[0, "#FFFFFF"], [1, P["result"]]],
                ncontours=24,
                contours={"coloring": "heatmap", "showlines": True},
                line={"color": "rgba(60,60,60,0.25)", "width": 0.6},
                text=grid_text,
                hovertemplate="w = %{x:.3f}<br>b = %{y:.3f}<br>MSE = %{text}<extra></extra>",
                colorbar={"title": {"text": "log₁₀ MSE", "side": "right"}, "thickness": 12},
                name="MSE",
            ),
            go.Scatter(
                x=path.params[:, 0],
                y=path.params[:, 1],
                mode="lines",
                line={"color": P["neutral"], "width": 1, "dash": "dot"},
                name="all steps",
                hoverinfo="skip",
            ),
            go.Scatter(
                x=path.params[: t + 1, 0],
                y=path.params[: t + 1, 1],
                mode="lines+markers",
                line={"color": P["b"], "width": s["line"]},
                marker={"size": 4},
                name="gradient descent path",
                hoverinfo="skip",
            ),
            go.Scatter(
                x=[w_t],
                y=[b_t],
                mode="markers",
                name="step t",
                marker={
                    "color": P["b"],
                    "size": s["marker"] + 3,
                    "symbol": "circle",
                    "line": {"color": "#1F2430", "width": 1.5},
                },
                hovertemplate="step t: w = %{x:.4f}, b = %{y:.4f}<extra></extra>",
            ),
            go.Scatter(
                x=[w],
                y=[b],
                mode="markers",
                name="current (w, b)",
                marker={"color": P["highlight"], "size": s["marker"] + 5, "line": {"color": "#1F2430", "width": 2}},
                hovertemplate="sliders: w = %{x:.3f}, b = %{y:.3f}<extra></extra>",
            ),
        ]
        if reveal:
            traces.append(
                go.Scatter(
                    x=[facts["w"]],
                    y=[facts["b"]],
                    mode="markers",
                    name="optimum",
                    marker={
                        "color": P["a"],
                        "size": s["marker"] + 6,
                        "symbol": "star",
                        "line": {"color": "#1F2430", "width": 1},
                    },
                    hovertemplate="least squares: w = %{x:.4f}, b = %{y:.4f}<extra></extra>",
                )
            )
        surface = theme.PreparedFigure(
            *traces,
            layout=theme.shared_layout()
            | {
                "xaxis": {"title": {"text": "w (slope)"}, "range": [w_lo, w_hi]},
                "yaxis": {"title": {"text": "b (intercept)"}, "range": [b_lo, b_hi]},
                "updatemenus": [
                    {
                        "type": "buttons",
                        "showactive": False,
                        "x": 0,
                        "y": 0,
                        "xanchor": "left",
                        "yanchor": "bottom",
                        "pad": {"l": 6, "b": 6},
                        "buttons": [
                            {
                                "label": "▶ Play",
                                "method": "animate",
                                "args": [
                                    None,
                                    {
                                        "frame": {"duration": 100, "redraw": False},
                                        "fromcurrent": False,
                                        "transition": {"duration": 0},
                                        "mode": "immediate",
                                    },
                                ],
                            }
                        ],
                    }
                ],
            },
        )
        # Play: the path drawn step by step in the browser (Plotly frames, no rerun per step).
        # At most 40 frames, as plain dicts sent as they are: building them cost more than the rest.
        shown_steps = np.unique(np.linspace(0, done, min(done + 1, 40)).round().astype(int))
        surface.prepared(
            frames_dicts=[
                {
                    "data": [
                        {"type": "scatter", "x": path.params[: k + 1, 0], "y": path.params[: k + 1, 1]},
                        {"type": "scatter", "x": path.params[k : k + 1, 0], "y": path.params[k : k + 1, 1]},
                    ],
                    "traces": [2, 3],
                    "name": str(k),
                }
                for k in shown_steps
            ]
        )
        ui.chart(surface, height=440, key="regression_surface")
        st.caption(
            "Each contour joins the (w, b) of equal MSE; the bowl's bottom is the least-squares optimum"
            + (
                f" (star, at w = {facts['w']:.4f}, b = {facts['b']:.4f})"
                if reveal
                else ", not marked during the fit-by-eye challenge"
            )
            + f". Large yellow dot: the sliders' (w, b) = ({format_number(w)}, {format_number(b)}). "
            f"Orange line and dot: gradient descent from there, at w = {w_t:.4f}, b = {b_t:.4f} after "
            f"step {t}" + ("" if inside.all() else "; it leaves the picture") + ". ▶ Play replays the path."
        )

    with st.expander("The whole loss surface in one line of NumPy", expanded=False):
        st.markdown(
            "Broadcasting computes the MSE of every (w, b) of the grid at once: `ws[None, :, None]` "
            f"has shape (1, {GRID}, 1), `bs[:, None, None]` has shape ({GRID}, 1, 1) and x has shape "
            f"({count},), so the predictions have shape ({GRID}, {GRID}, {count}); `.mean(axis=-1)` "
            f"averages over the points and leaves a ({GRID}, {GRID}) grid."
        )
        st.code("L = ((ws[None, :, None] * x + bs[:, None, None] - y) ** 2).mean(axis=-1)", language="python")

    curve_col, why_col = st.columns([1.3, 1], gap="large")
    with curve_col:
        shapes, labels = (
            theme.line_across(
                y=facts["mse"], line={"color": P["a"], "dash": "dash", "width": 1.5}, text="best MSE", log_y=True
            )
            if reveal
            else ([], [])
        )
        loss_fig = theme.new_figure(
            go.Scatter(
                x=np.arange(done + 1),
                y=path.losses,
                mode="lines",
                line={"color": P["b"], "width": s["line"]},
                name="MSE at each step",
                hovertemplate="step %{x}: MSE = %{y:.4f}<extra></extra>",
            ),
            go.Scatter(
                x=[t],
                y=[path.losses[t]],
                mode="markers",
                name="step t",
                marker={"color": P["b"], "size": s["marker"] + 3, "line": {"color": "#1F2430", "width": 1.5}},
            ),
            xaxis={"title": {"text": "step"}},
            yaxis={"title": {"text": "MSE (log scale)"}, "type": "log"},
            shapes=shapes,
            annotations=labels,
        )
        ui.chart(loss_fig, height=280, key="regression_loss_curve")
        st.caption(
            f"The MSE after each step (log scale): {path.losses[0]:.4f} at the start, "
            f"{path.losses[t]:.4f} at step t = {t}, {path.losses[-1]:.4f} after all {done}"
            + (f"; the dashed line is the best MSE, {facts['mse']:.4f}." if reveal else ".")
        )
    with why_col:
        if path.diverged:
            st.error(
                f"**Training diverged after {done} steps.** The learning rate η = {format_number(lr)} is "
                f"above 2 / λ_max = {lr_limit:.4g}. Along the steepest direction of the bowl each step "
                f"jumps past the bottom and lands higher on the other side, by a factor |1 − η·λ_max| = "
                f"{abs(1 - lr * lam_max):.3g} > 1 each time, so the loss grows without end. Lower η."
            )
        elif lr > lr_limit / 2:
            st.info(
                f"η = {format_number(lr)} is above 1 / λ_max = {1 / lam_max:.4g}: each step overshoots the "
                f"valley's floor and the path zigzags, but below 2 / λ_max = {lr_limit:.4g} it still converges."
            )
        else:
            st.success(
                f"η = {format_number(lr)} is below 2 / λ_max = {lr_limit:.4g}: the loss falls at every step."
                + (f" After {t} steps it is {path.losses[t] - facts['mse']:.4g} above the best MSE." if reveal else "")
            )
        st.markdown(
            f"**Why one direction is slow: feature scaling.** The MSE of a line is a bowl with curvatures "
            f"λ_max = {lam_max:.4g} and λ_min = {lam_min:.4g} (the eigenvalues of its Hessian "
            f"2·[[mean x², mean x], [mean x, 1]]). One learning rate must stay below 2 / λ_max for the steep "
            f"direction, so along the flat one the steps are {lam_max / lam_min:.3g} times too small: the "
            "long thin valley of the contours. Standardising x (subtract its mean, divide by its standard "
            "deviation) makes mean x = 0 and mean x² = 1: the bowl turns round (λ_max = λ_min = 2) and "
            "gradient descent walks straight to the bottom."
        )
    formula_cols = st.columns(3)
    formula_cols[0].latex(r"\frac{\partial L}{\partial w} = \frac{2}{n}\sum_i (\hat y_i - y_i)\,x_i")
    formula_cols[1].latex(r"\frac{\partial L}{\partial b} = \frac{2}{n}\sum_i (\hat y_i - y_i)")
    formula_cols[2].latex(r"(w, b) \leftarrow (w, b) - \eta\,\nabla L")

# ---------------------------------------------------------------- polynomial model and overfitting
with ideas.idea(3):
    st.header("Polynomial model: more parameters, and overfitting")
    deg_col, deg_text = st.columns([1.3, 1], gap="large")
    train_curve, test_curve = degrees(x, y, test)
    best_degree = int(np.argmin(test_curve)) + 1
    with deg_col:
        deg_range = np.arange(1, 10)
        traces = [
            go.Scatter(
                x=deg_range,
                y=train_curve,
                mode="lines+markers",
                name="training MSE",
                line={"color": P["a"], "width": s["line"]},
                marker={"size": s["marker"]},
            )
        ]
        if split:
            traces.append(
                go.Scatter(
                    x=deg_range,
                    y=test_curve,
                    mode="lines+markers",
                    name="test MSE",
                    line={"color": P["class0"], "width": s["line"], "dash": "dash"},
                    marker={"size": s["marker"], "symbol": "diamond"},
                )
            )
        shapes, labels = theme.line_across(x=degree, line={"color": P["result"], "width": 2}, text=f"degree {degree}")
        deg_fig = theme.new_figure(
            *traces,
            xaxis={"title": {"text": "polynomial degree"}, "dtick": 1},
            yaxis={"title": {"text": "MSE (log scale)"}, "type": "log"},
            shapes=shapes,
            annotations=labels,
        )
        ui.chart(deg_fig, height=300, key="regression_degrees")
        st.caption(
            f"Training MSE (green circles) by degree: {train_curve[0]:.4f} at degree 1, "
            f"{train_curve[-1]:.4f} at degree 9"
            + (
                f"; test MSE (dashed, diamonds): {test_curve[0]:.4f} at degree 1, lowest "
                f"{test_curve.min():.4f} at degree {best_degree}, "
                f"{test_curve[-1]:.4f} at degree 9."
                if split
                else "."
            )
            + f" The vertical line marks degree {degree}."
        )
    with deg_text:
        st.latex(r"\hat y = c_0 + c_1 x + c_2 x^2 + \dots + c_d x^d")
        st.markdown(
            "A degree-d polynomial is still *linear in its parameters*: the features are x, x², …, x^d. "
            "More parameters always lower the **training** MSE, as the green curve shows. "
            + (
                f"The **test** MSE, on points the fit never saw, is lowest at degree {best_degree} and "
                f"{'rises' if test_curve[-1] > test_curve.min() else 'does not fall much'} beyond: the curve "
                "bends to follow the noise of the training points. That is **overfitting**."
                if split
                else "Turn on the *train / test split* to see what happens on points the model never saw."
            )
        )
        st.caption(
            "Fits by least squares with numpy.polynomial (x mapped to [−1, 1] first, the same "
            "feature scaling, which keeps degree 9 well conditioned)."
        )

# ---------------------------------------------------------------- loss versus metrics
with ideas.idea(4), st.expander("The loss guides training; metrics are for people", expanded=True):
    st.markdown(
        "- **MSE** is the loss: smooth, with a simple gradient, so the optimiser can follow it downhill. "
        "Squaring punishes one big miss more than several small ones.\n"
        "- **RMSE** (√MSE) and **MAE** are in the units of y: "
        + (
            f"*the price is typically off by {shown['MAE'] * 100_000:,.0f} €* "
            if not user
            else f"*y is typically off by {shown['MAE']:.4g}* "
        )
        + "is a sentence a person understands.\n"
        "- **R²** compares the model with always predicting the mean price: 1 is perfect, 0 is no better "
        "than the mean, and it can be negative.\n"
        "- The optimiser never looks at R², MAE or RMSE; they are computed afterwards to judge the model."
    )

# ---------------------------------------------------------------- the code
if user:
    if count <= CODE_DATA_LIMIT:
        data_code = f"x = {literal(x)}\ny = {literal(y)}"
    else:
        data_code = (
            "# your points: a CSV file with two columns x, y\n"
            "x, y = np.loadtxt('points.csv', delimiter=',', unpack=True)"
        )
else:
    data_code = (
        f"rng = np.random.default_rng({seed})\n"
        f"x = rng.uniform(0.4, 2.0, size={n})                  # area, in 100 m²\n"
        f"y = 3.0 * x + 0.5 + rng.normal(0.0, {format_number(noise)}, size={n})   # price, in 100 000 €"
    )
if split:
    n_test = int(test.sum())
    split_code = (
        f"test = np.zeros(len(x), dtype=bool)\n"
        f"test[np.random.default_rng({seed}).permutation(len(x))[:{n_test}]] = True\n"
        f"train = ~test\n"
    )
else:
    split_code = "train = np.ones(len(x), dtype=bool)\n"
if degree == 1:
    model_code = f"w, b = {format_number(w)}, {format_number(b)}\ny_hat = w * x + b                      # predict"
    best_code = (
        "best = LinearRegression().fit(x.reshape(-1, 1), y)   # least squares\n"
        "best_mse = np.mean((y - best.predict(x.reshape(-1, 1))) ** 2)"
    )
else:
    model_code = (
        f"p = Polynomial.fit(x[train], y[train], {degree})   # least squares, degree {degree}\n"
        "y_hat = p(x)                           # predict"
    )
    best_code = f"best_mse = np.mean((y - Polynomial.fit(x, y, {degree})(x)) ** 2)"
split_print = (
    (
        'print(f"train MSE = {np.mean((y[train] - y_hat[train]) ** 2):.4f}")\n'
        'print(f"test MSE = {np.mean((y[test] - y_hat[test]) ** 2):.4f}")\n'
    )
    if split
    else ""
)
code = f"""import numpy as np
from numpy.polynomial import Polynomial
from sklearn.linear_model import LinearRegression

{data_code}
{split_code}
{model_code}
mse = np.mean((y - y_hat) ** 2)         # the loss
print(f"MSE = {{mse:.4f}}")
print(f"RMSE = {{np.sqrt(mse):.4f}}")
print(f"MAE = {{np.mean(np.abs(y - y_hat)):.4f}}")
print(f"R² = {{1 - np.sum((y - y_hat) ** 2) / np.sum((y - y.mean()) ** 2):.4f}}")
{best_code}
print(f"best MSE = {{best_mse:.4f}}")
{split_print}
# The loss surface: the MSE of every (w, b) of a grid, in one broadcast expression
ws = np.linspace({format_number(w_lo)}, {format_number(w_hi)}, {GRID})
bs = np.linspace({format_number(b_lo)}, {format_number(b_hi)}, {GRID})
L = ((ws[None, :, None] * x + bs[:, None, None] - y) ** 2).mean(axis=-1)   # shape ({GRID}, {GRID})

# Training as a loop: predict, compute the loss, adjust
theta = np.array([{format_number(w)}, {format_number(b)}])   # start at the sliders' (w, b)
lr = {format_number(lr)}
for step in range({t}):
    error = theta[0] * x + theta[1] - y                              # predict, compare
    grad = np.array([2 * np.mean(error * x), 2 * np.mean(error)])   # gradient of the MSE
    theta = theta - lr * grad                                        # adjust
error = theta[0] * x + theta[1] - y
print(f"loss at step t = {{np.mean(error * error):.4f}}")
"""
with ideas.idea(5):
    show_numpy_code(code, expanded=ideas.presenting)
