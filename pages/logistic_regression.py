"""Logistic regression with one feature: the sigmoid of a line, and the logistic loss of each point."""

import numpy as np
import plotly.graph_objects as go
import streamlit as st

from app import theme, ui, url_state
from app.code_panel import literal, show_numpy_code
from app.presentation import Ideas
from app.quiz import predict_then_check
from core import logistic
from core.optimize import gradient_descent

DEFAULT_W, DEFAULT_B = 0.2, -5.0
W_RANGE, B_RANGE = (-10.0, 10.0), (-50.0, 50.0)
LEARNING_RATES = ["0.0001", "0.0003", "0.001", "0.003", "0.01", "0.03", "0.1", "0.3", "1"]
H_RANGE = 8.0  # the log-odds axis shows h in [-8, 8]: p = σ(±8) is 0.0003 from 0 or 1
C0, C1 = theme.PALETTE["class0"], theme.PALETTE["class1"]


@st.cache_data(max_entries=64, show_spinner=False)
def best_fit(x: tuple, y: tuple):
    return logistic.best_fit(np.array(x), np.array(y))


@st.cache_data(max_entries=64, show_spinner=False)
def descent(x: tuple, y: tuple, start: tuple, learning_rate: float, steps: int):
    xs, ys = np.array(x), np.array(y)
    path = gradient_descent(
        lambda theta: logistic.loss_and_gradient(theta, xs, ys), np.array(start), learning_rate, steps
    )
    return path.params, path.losses, path.diverged


@st.cache_data(max_entries=64, show_spinner=False)
def loss_surface(x: tuple, y: tuple, w_lim: tuple, b_lim: tuple, n: int = 61):
    ws, bs = np.linspace(*w_lim, n), np.linspace(*b_lim, n)
    h = ws[None, :, None] * np.array(x)[None, None, :] + bs[:, None, None]
    yy = np.array(y, dtype=float)
    losses = (yy * np.logaddexp(0, -h) + (1 - yy) * np.logaddexp(0, h)).mean(axis=2)
    return ws, bs, losses


GENERATED = "the generated BMI set"  # the value of an empty `data`, as a warning names it


def parse_data(text: str):
    """Empty text means the generated BMI set; anything else must be 0/1-labelled points."""
    if not str(text).strip():
        return GENERATED
    x, y = logistic.parse_labelled_points(text)
    return tuple(x.tolist()), tuple(y.tolist())


def data_to_text(value) -> str:
    return "" if value == GENERATED else logistic.format_labelled_points(*value)


def jump_to(w: float, b: float) -> None:
    """Button callback: move the w and b sliders (before they are drawn on the next run)."""
    st.session_state["w"] = float(np.clip(round(w, 2), *W_RANGE))
    st.session_state["b"] = float(np.clip(round(b, 1), *B_RANGE))


ui.page_header(
    "Logistic regression: the sigmoid and the logistic loss",
    "Classification with one feature: does a person with this **BMI** have the disease (1) or "
    "not (0)? The model draws a line, the **log-odds** h(x) = w·x + b, and squeezes it through the "
    "**sigmoid** into a probability p = σ(h) between 0 and 1. Each point pays a loss: "
    "−ln p if it is a 1, −ln(1 − p) if it is a 0. Move w and b and watch every point's loss.",
)

ideas = Ideas(
    [
        "The sigmoid of a line",
        "Each point's loss",
        "The formulas, and what to notice",
        "Training",
        "Predict, then check",
        "The NumPy code",
    ]
)

with ideas.idea(0):
    figure_row = ui.figure_row()  # wraps on a phone or in the large type of the presentation view
    controls, picture = st.columns([1, 2.4], gap="large")
with controls:
    w = url_state.slider(
        "w (slope of the log-odds)",
        "w",
        *W_RANGE,
        DEFAULT_W,
        0.01,
        help="How fast the probability rises with x. Negative w: it falls.",
    )
    b = url_state.slider(
        "b (intercept of the log-odds)",
        "b",
        *B_RANGE,
        DEFAULT_B,
        0.1,
        help="Shifts the curve left and right: the boundary p = 0.5 sits at x = −b/w.",
    )
    data = url_state.text(
        "Your own points (x, y; ... with y = 0 or 1)",
        "data",
        GENERATED,
        parse_data,
        data_to_text,
        placeholder="empty: the generated BMI set, e.g. 18, 0; 24, 0; 27, 1; 33, 1",
        help="Leave empty for the generated BMI -> disease set. Points are separated by ';'.",
    )

if data == GENERATED:
    x, y = logistic.bmi_disease()
    x_name, source = "BMI", "generated: 30 people, BMI -> disease"
else:
    x, y = np.array(data[0]), np.array(data[1], dtype=int)
    x_name, source = "x", f"your {len(x)} points"
key = (tuple(x.tolist()), tuple(y.tolist()))

h = logistic.log_odds(x, w, b)
p = logistic.sigmoid(h)
losses = logistic.point_losses(x, y, w, b)
loss = float(losses.mean())
acc = logistic.accuracy(x, y, w, b)
best = best_fit(*key)
best_loss = logistic.mean_logistic_loss(x, y, *best) if best else None

ui.figure(
    "mean logistic loss",
    f"{loss:.4f}",
    container=figure_row,
    help="The mean of −y ln p − (1 − y) ln(1 − p) over the points: 0 is perfect.",
)
ui.figure(
    "accuracy",
    f"{acc:.4f}",
    container=figure_row,
    help="The share of points on the right side of p = 0.5 (p ≥ 0.5 counts as class 1).",
)
if best:
    ui.figure(
        "best logistic loss",
        f"{best_loss:.4f}",
        container=figure_row,
        help="The lowest mean logistic loss any w, b reach on these points (scikit-learn's fit).",
    )
else:
    controls.info(
        "No best fit: one threshold on x separates the two classes (or only one class is present). "
        "The loss can then always be lowered by making the sigmoid steeper, so it approaches 0 "
        "but no finite w, b reaches it, and scikit-learn's unpenalised fit would not converge."
    )

# The x range drawn: the data with a margin.
lo, hi = float(x.min()), float(x.max())
pad = 0.08 * (hi - lo)
grid = np.linspace(lo - pad, hi + pad, 300)
s = theme.sizes()
order = np.argsort(x, kind="stable")

with picture:
    shapes, labels = theme.line_across(
        y=0.5,
        line={"color": theme.PALETTE["neutral"], "dash": "dash", "width": 1.5},
        text="p = 0.5",
        position="top left",
    )
    if w != 0 and lo - pad <= -b / w <= hi + pad:
        boundary, _ = theme.line_across(x=-b / w, line={"color": theme.PALETTE["result"], "dash": "dot", "width": 1.5})
        shapes += boundary
        labels.append(
            {
                "x": -b / w,
                "y": 0.22,
                "text": f"boundary x = {-b / w:.2f}",
                "showarrow": False,
                "xanchor": "left",
                "xshift": 4,
                "font": {"color": theme.PALETTE["result"]},
                "bgcolor": "rgba(255,255,255,0.8)",
            }
        )
    # Each point joined to its predicted probability: the longer the line, the larger its loss.
    gap_x = np.repeat(x, 3)
    gap_y = np.column_stack([y, p, np.full_like(p, np.nan)]).ravel()
    traces = [
        go.Scatter(
            x=gap_x,
            y=gap_y,
            mode="lines",
            hoverinfo="skip",
            showlegend=False,
            line={"color": theme.PALETTE["neutral"], "width": 1, "dash": "dot"},
        )
    ]
    h_grid = logistic.log_odds(grid, w, b)
    traces.append(
        go.Scatter(
            x=grid,
            y=np.clip(h_grid, -H_RANGE * 1.5, H_RANGE * 1.5),
            yaxis="y2",
            mode="lines",
            name="log-odds h (right axis)",
            line={"color": theme.PALETTE["a"], "width": s["line"] * 0.8, "dash": "dash"},
        )
    )
    if best:
        traces.append(
            go.Scatter(
                x=grid,
                y=logistic.sigmoid(logistic.log_odds(grid, *best)),
                mode="lines",
                name="best fit",
                line={"color": theme.PALETTE["neutral"], "width": s["line"], "dash": "dot"},
                opacity=0.7,
            )
        )
    traces.append(
        go.Scatter(
            x=grid,
            y=logistic.sigmoid(h_grid),
            mode="lines",
            name="p = σ(h)",
            line={"color": theme.PALETTE["result"], "width": s["line"] * 1.3},
        )
    )
    for cls, colour, symbol in ((0, C0, "circle"), (1, C1, "diamond")):
        mask = y == cls
        traces.append(
            go.Scatter(
                x=x[mask],
                y=y[mask],
                mode="markers",
                name=f"class {cls}",
                marker={
                    "color": colour,
                    "size": s["marker"] + 2,
                    "symbol": symbol,
                    "line": {"color": "white", "width": 1},
                },
                customdata=np.column_stack([p[mask], losses[mask]]),
                hovertemplate=f"{x_name} = %{{x}}<br>y = {cls}<br>p = %{{customdata[0]:.4f}}"
                "<br>loss = %{customdata[1]:.4f}<extra></extra>",
            )
        )
    fig = theme.new_figure(
        *traces,
        shapes=shapes,
        annotations=labels,
        xaxis={"title": {"text": x_name}},
        yaxis={"title": {"text": "p = P(y = 1)"}, "range": [-0.08, 1.08]},
        # h = 0 sits level with p = 0.5: both axes span the same share around their centres.
        yaxis2={
            "title": {"text": "h = w·x + b"},
            "overlaying": "y",
            "side": "right",
            "showgrid": False,
            "zeroline": False,
            "range": [-H_RANGE * 1.16, H_RANGE * 1.16],
            "tickvals": [-8, -4, 0, 4, 8],
        },
    )
    ui.chart(fig, height=420, key="logistic_sigmoid")
    st.caption(
        f"Data: {source}. Dots sit at y = 0 (blue circles) or y = 1 (vermillion diamonds); "
        "the purple curve is the model's probability, the dashed green line its log-odds "
        "(right axis, where h = 0 is level with p = 0.5). The dotted grey curve is the best fit."
    )
    with st.expander("The points as a table"):
        st.dataframe(
            {
                x_name: x[order],
                "y": y[order],
                "h = w·x + b": np.round(h[order], 4),
                "p = σ(h)": np.round(p[order], 4),
                "predicted": (p[order] >= 0.5).astype(int),
                "loss": np.round(losses[order], 4),
            },
            hide_index=True,
        )

with ideas.idea(1):
    st.subheader("Each point's loss")
    bars, curves = st.columns(2, gap="large")
    with bars:
        shapes, labels = theme.line_across(
            y=loss,
            line={"color": theme.PALETTE["result"], "width": 2, "dash": "dash"},
            text=f"mean = {loss:.4f}",
            bgcolor="rgba(255,255,255,0.8)",
        )
        fig = theme.new_figure(
            go.Bar(
                x=np.arange(1, len(x) + 1),
                y=losses[order],
                marker={
                    "color": np.where(y[order] == 1, C1, C0),
                    "pattern": {"shape": np.where(y[order] == 1, "/", ""), "fgcolor": "white"},
                },
                customdata=np.column_stack([x[order], y[order], p[order]]),
                hovertemplate=f"{x_name} = %{{customdata[0]}}, y = %{{customdata[1]}}<br>p = %{{customdata[2]:.4f}}"
                "<br>loss = %{y:.4f}<extra></extra>",
            ),
            shapes=shapes,
            annotations=labels,
            xaxis={"title": {"text": f"point (sorted by {x_name})"}},
            yaxis={"title": {"text": "loss"}},
            bargap=0.15,
            showlegend=False,
        )
        ui.chart(fig, height=320, key="logistic_bars")
        worst = int(np.argmax(losses))
        st.caption(
            f"Bars in the class colours, class 1 hatched. The worst point is {x_name} = {x[worst]:g} "
            f"with y = {y[worst]}: the model gives it p = {p[worst]:.4f}, so it pays {losses[worst]:.4f}."
        )
    with curves:
        ps = np.linspace(0.002, 0.998, 400)
        fig = theme.new_figure(
            go.Scatter(x=ps, y=-np.log(ps), mode="lines", name="y = 1: −ln p", line={"color": C1, "width": s["line"]}),
            go.Scatter(
                x=ps,
                y=-np.log1p(-ps),
                mode="lines",
                name="y = 0: −ln(1 − p)",
                line={"color": C0, "width": s["line"], "dash": "dash"},
            ),
            *(
                go.Scatter(
                    x=p[y == cls],
                    y=losses[y == cls],
                    mode="markers",
                    showlegend=False,
                    marker={
                        "color": colour,
                        "size": s["marker"],
                        "symbol": symbol,
                        "line": {"color": "white", "width": 1},
                    },
                    hovertemplate="p = %{x:.4f}<br>loss = %{y:.4f}<extra></extra>",
                )
                for cls, colour, symbol in ((0, C0, "circle"), (1, C1, "diamond"))
            ),
            xaxis={"title": {"text": "p, the predicted probability of class 1"}, "range": [0, 1]},
            yaxis={"title": {"text": "loss"}, "range": [0, max(6.5, float(losses.max()) * 1.05)]},
        )
        ui.chart(fig, height=320, key="logistic_loss_curves")
        st.caption(
            "A point of class 1 (solid curve, diamonds) pays −ln p: nothing when p = 1, without limit "
            "as p → 0. A point of class 0 (dashed curve, circles) pays the mirror image. Confident "
            "mistakes cost the most."
        )

with ideas.idea(2):
    st.subheader("The formulas")
    st.latex(
        r"p = \sigma(w x + b) = \frac{1}{1 + e^{-(w x + b)}}, \qquad "
        r"\ln\frac{p}{1-p} = w x + b"
    )
    st.latex(r"L(w, b) = \frac{1}{n}\sum_{i=1}^{n} \big[-y_i \ln p_i - (1 - y_i)\ln(1 - p_i)\big]")
    st.markdown(
        "Computed as written, `np.log(1 / (1 + np.exp(-h)))` breaks for large |h|: `np.exp(800)` "
        "is `inf`, and `np.log(0)` is `-inf`. The page uses the same numbers rewritten with "
        "`np.logaddexp(0, -h)` = ln(1 + e^(−h)) = −ln p, which never overflows: try w = 10, b = −50."
    )
    st.subheader("What to notice")
    right = int(np.sum((p >= 0.5) == y))
    boundary = (
        f"The boundary p = 0.5 is where the log-odds cross 0, at x = −b/w = {-b / w:.4g}: raising |w| "
        "makes the curve steeper there, and b slides it sideways. "
        if w != 0
        else "With w = 0 the probability is the same for every x: the model ignores the feature. "
    )
    st.markdown(
        boundary + f"Accuracy {acc:.4f} only counts the {right} of {len(x)} points on their own side, so it moves in "
        f"steps; the mean loss {loss:.4f} also weighs how sure the model is, so it changes smoothly, "
        "which is what gradient descent needs. "
        + f"The worst point ({x_name} = {x[worst]:g}, y = {y[worst]}) alone pays {losses[worst]:.4f}, "
        f"{losses[worst] / max(float(losses.sum()), 1e-300):.0%} of the total"
        + (
            ": on the wrong side with p = "
            f"{p[worst]:.4f}, one confident mistake can cost more than many points that are almost right."
            if (p[worst] >= 0.5) != y[worst]
            else ", though it is on its own side."
        )
    )

with ideas.idea(3):
    st.subheader("Training: gradient descent on the logistic loss")
    train = url_state.toggle(
        "Run gradient descent from the current w, b",
        "train",
        False,
        help="The same loop as the linear-regression page: θ ← θ − η ∇L(θ).",
    )
    if train:
        left, right = st.columns([1, 2.4], gap="large")
        with left:
            lr_text = url_state.choice("Learning rate η", "lr", LEARNING_RATES, "0.003", widget="select")
            steps = url_state.slider("Steps", "steps", 1, 5000, 1000, 1)
        learning_rate = float(lr_text)
        params, path_losses, diverged = descent(*key, (w, b), learning_rate, steps)
        w_end, b_end = params[-1]
        with left:
            st.markdown(
                f"After **{len(path_losses) - 1}** steps: w = {w_end:.4f}, b = {b_end:.4f}, "
                f"loss {path_losses[0]:.4f} → **{path_losses[-1]:.4f}**."
            )
            rises = int(np.sum(np.diff(path_losses) > 1e-12))
            blew_up = diverged or path_losses[-1] > path_losses[0]
            st.button(
                "Move the sliders there", on_click=jump_to, args=(float(w_end), float(b_end)), disabled=bool(blew_up)
            )
            if blew_up:
                st.error(
                    "The loss ended higher than it started: the learning rate is too large for "
                    "these points, each step overshoots the valley. Choose a smaller η."
                )
            elif rises:
                st.info(
                    f"The loss rose on {rises} of the steps: η is close to too large, the steps "
                    "zig-zag across the valley."
                )
        with right:
            centre = best if best else (w, b)
            w_span = max(0.5, 1.5 * abs(centre[0]), abs(w - centre[0]) * 1.2, float(np.ptp(params[:, 0])) * 1.2)
            b_span = max(5.0, 1.5 * abs(centre[1]), abs(b - centre[1]) * 1.2, float(np.ptp(params[:, 1])) * 1.2)
            ws, bs, surface = loss_surface(
                *key, (centre[0] - w_span, centre[0] + w_span), (centre[1] - b_span, centre[1] + b_span)
            )
            traces = [
                go.Contour(
                    x=ws,
                    y=bs,
                    z=np.log10(surface),
                    colorscale=theme.RESULT_SCALE,
                    reversescale=True,
                    ncontours=25,
                    showscale=False,
                    contours={"coloring": "heatmap"},
                    line={"width": 0.5},
                    hovertemplate="w = %{x:.3f}<br>b = %{y:.2f}<extra></extra>",
                ),
                go.Scatter(
                    x=params[:, 0],
                    y=params[:, 1],
                    mode="lines",
                    name="descent path",
                    line={"color": theme.PALETTE["b"], "width": s["line"]},
                ),
                go.Scatter(
                    x=[w],
                    y=[b],
                    mode="markers",
                    name="start (the sliders)",
                    marker={
                        "color": theme.PALETTE["highlight"],
                        "size": s["marker"] + 4,
                        "line": {"color": "#1F2430", "width": 1.5},
                    },
                ),
                go.Scatter(
                    x=[w_end],
                    y=[b_end],
                    mode="markers",
                    name="after the last step",
                    marker={"color": theme.PALETTE["b"], "size": s["marker"] + 2, "symbol": "x"},
                ),
            ]
            if best:
                traces.append(
                    go.Scatter(
                        x=[best[0]],
                        y=[best[1]],
                        mode="markers",
                        name="best fit",
                        marker={
                            "color": "white",
                            "size": s["marker"] + 4,
                            "symbol": "star",
                            "line": {"color": "#1F2430", "width": 1.5},
                        },
                    )
                )
            fig = theme.new_figure(
                *traces,
                xaxis={"title": {"text": "w"}, "range": [ws[0], ws[-1]]},
                yaxis={"title": {"text": "b"}, "range": [bs[0], bs[-1]]},
            )
            ui.chart(fig, height=380, key="logistic_descent")
            st.caption(
                "The loss over (w, b), darker is lower (log scale). The valley is long and narrow "
                "because x is not centred: a change of w moves h by x ≈ 30 times as much as the "
                "same change of b, so one learning rate cannot suit both. That is why "
                "scikit-learn suggests scaling the features."
            )
        shapes, labels = (
            theme.line_across(
                y=best_loss, line={"color": theme.PALETTE["neutral"], "dash": "dot"}, text=f"best {best_loss:.4f}"
            )
            if best
            else ([], [])
        )
        fig = theme.new_figure(
            go.Scatter(
                x=np.arange(len(path_losses)),
                y=path_losses,
                mode="lines",
                line={"color": theme.PALETTE["b"], "width": s["line"]},
                name="loss",
            ),
            shapes=shapes,
            annotations=labels,
            xaxis={"title": {"text": "step"}},
            yaxis={"title": {"text": "mean logistic loss"}},
        )
        ui.chart(fig, height=240, key="logistic_descent_loss")

# Asked after training: tests/test_page_logistic_regression.py finds the training button and the
# loss-per-step chart by position (the first button, the last chart).
with ideas.idea(4):
    predict_then_check("logistic_loss")

points_code = f"x = {literal(x)}\n    y = {literal(y)}"
best_code = ""
if best:
    best_code = """
    # The best fit: scikit-learn without a penalty (C = inf)
    best = LogisticRegression(C=np.inf, max_iter=1000).fit(x.reshape(-1, 1), y)
    w_best, b_best = best.coef_[0, 0], best.intercept_[0]
    h_best = w_best * x + b_best
    best_loss = np.mean(y * np.logaddexp(0, -h_best) + (1 - y) * np.logaddexp(0, h_best))
    print(f"best logistic loss = {best_loss:.4f}")
"""

with ideas.idea(5):
    show_numpy_code(
        f"""
    import numpy as np
    from scipy.special import expit
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import accuracy_score, log_loss

    {points_code}
    w, b = {w!r}, {b!r}

    h = w * x + b                        # the log-odds
    p = expit(h)                         # σ(h) = 1 / (1 + e^-h), computed without overflow
    # -ln p = ln(1 + e^-h) and -ln(1 - p) = ln(1 + e^h): log-sum-exp, never log(0)
    losses = y * np.logaddexp(0, -h) + (1 - y) * np.logaddexp(0, h)
    loss = losses.mean()
    accuracy = np.mean((p >= 0.5) == y)
    print(f"mean logistic loss = {{loss:.4f}}")
    print(f"accuracy = {{accuracy:.4f}}")
    # scikit-learn agrees (its log_loss clips p to [eps, 1 - eps], so it reports less
    # than the true loss when some p is within 1e-16 of 0 or 1)
    print("scikit-learn:", round(log_loss(y, p, labels=[0, 1]), 4), round(accuracy_score(y, p >= 0.5), 4))
{best_code}""",
        expanded=ideas.presenting,
    )
