"""Linear regression: the words of the page.

Notation as on the slides: m data points x⁽ⁱ⁾ with labels y⁽ⁱ⁾ (i = 1 … m), n features, ŷ the
prediction, the loss L = 1/m Σ (ŷ⁽ⁱ⁾ − y⁽ⁱ⁾)². Code counts from 0, the formulas from 1.
"""

from __future__ import annotations

import numpy as np

from app.lessons import grammar
from app.lessons.grammar import agree, linear, offset
from core.regression import OVERFIT_RISE, LineFit, distance_factor
from core.text import format_number

TITLE = "Linear regression"
INTRO = (
    "**Data**: house areas x (the feature) and prices y (the label). **Model**: a line ŷ = w·x + b. **Loss**: the "
    "mean squared error, one number for how wrong the line is. Training repeats *predict, compute the loss, "
    "adjust w and b*."
)
IDEAS = [
    "Data, model and loss",
    "The formulas, and what to notice",
    "The loss surface and training",
    "Polynomial model and overfitting",
    "Loss and metrics",
    "Predict, then check",
    "The NumPy code",
]

# ---------------------------------------------------------------- controls
W_LABEL, B_LABEL = "Slope w", "Intercept b"
W_LABEL_POLY, B_LABEL_POLY = "w of the line (not the model)", "b of the line (not the model)"
N_LABEL = "Number of houses m"
N_HELP = "m, the number of data points (the URL calls it n)."
NOISE_LABEL = "Noise (standard deviation of the price, 100 000 €)"
NOISE_HELP = "How far prices scatter around 3·x + 0.5: the standard deviation of the random part."
SEED_LABEL = "Random seed"
DATA_TITLE, MODEL_TITLE = "Data", "Model"
OWN_POINTS = "Use your own points"
UPLOAD_LABEL = "A CSV file of two numeric columns, x then y (header optional, at most 10,000 rows and 1 MB)"
PASTE_LABEL = "Or paste points: x, y pairs separated by ';' or new lines"
PASTE_PLACEHOLDER = "1.2, 4.1; 0.8, 3.0; 1.6, 5.2"
BACK_TO_GENERATED = "Back to generated points"
DEGREE_LABEL = "Polynomial degree"
DEGREE_HELP = (
    "1 is the line ŷ = w·x + b, 2 parameters. Degree d adds x², …, x^d (the slide's polynomial model): "
    "d + 1 parameters, fitted by least squares."
)
CHALLENGE_LABEL = "Fit by eye: a challenge"
CHALLENGE_HELP = (
    "Hides the least-squares line, the best MSE, the loss surface and training. Set w and b by eye, then "
    "check how close you came. Needs degree 1."
)
CHALLENGE_CAPTION = (
    "Least-squares line and best MSE hidden: move w and b until the MSE is as low as you can get it, then check."
)
SQUARES_LABEL = "Draw the squared residuals"
SQUARES_HELP = "Each residual as a square: the MSE is the mean area of these squares."
SPLIT_LABEL = "Train / test split (70 / 30)"
SPLIT_HELP = (
    "Fit and train on the training points only, and measure on points the model never saw. "
    "Turning it on raises the default 20 houses to 100, so that the test set is not a handful."
)
LR_LABEL = "Learning rate η"
STEPS_LABEL, ITERATION_LABEL = "Number of steps", "Show step t"
STEP_BUTTON, STEP_HELP = "Step ▸", "One more pass of the loop: predict, compute the loss, adjust."
APPLY_BUTTON = "Apply to w, b"
APPLY_HELP = "Move the w and b sliders to where training got (rounded to 2 decimals)."
LOSS_AT_T_HELP = "The MSE of the line after t steps of gradient descent from the sliders' (w, b)."


def slider_help(step: float, big: float) -> str:
    return (
        f"Arrow keys step by {format_number(step)}, PageUp / PageDown by {format_number(big)}, Home / End go "
        "to the ends. Finer values go in the address bar (e.g. w=2.83)."
    )


def lr_help(limit: float) -> str:
    return (
        f"Gradient descent converges on these points only for η below {format_number(limit, 4)}; at or above "
        "it the steps jump further past the bottom each time."
    )


def too_many_for_link(count: int) -> str:
    return f"These {grammar.count(count, 'point', thousands=True)} are too many for a link: the address bar keeps the other settings only."


def upload_error(name: str, err: Exception) -> str:
    return f"**{name}** was not read: {err}. The points shown are unchanged."


def typed_error(err: Exception) -> str:
    return f"**Your points** could not be read: {err}. Still showing the points read before."


def data_warning(raw: str, err: Exception) -> str:
    shown = raw if len(raw) <= 40 else raw[:40] + "…"
    return f"URL parameter `data` = `{shown}` could not be used: {err}. Showing the generated houses instead."


def split_refused(count: int) -> str:
    return (
        f"A train / test split needs at least 3 points; there {agree(count, 'is', 'are')} {grammar.count(count, 'point')}. "
        "All points train the model."
    )


# ---------------------------------------------------------------- figures and the live element
def metric_help(label: str, split: bool) -> str:
    where = "the training points" if split else "the points shown"
    return {
        "MSE": f"Mean squared error of the model on {where}: the loss that training lowers.",
        "RMSE": "√MSE, back in the units of y (100 000 € for the houses).",
        "MAE": f"Mean absolute error on {where}: the typical miss, in the units of y.",
        "R²": f"1 − SSE/SST on {where}: SSE sums the squared misses, SST the squared distances of y from its "
        "mean. 1 is perfect, 0 no better than predicting the mean, below 0 worse.",
        "best MSE": f"The lowest MSE any model of this degree reaches on {where} (least squares).",
        "test MSE": "MSE on the held-out test points, which the fit never saw.",
        "test R²": "R² on the held-out test points.",
    }[label]


def model_note(degree: int, w: float, b: float, count: int, n_train: int | None) -> str:
    """The line under the figures: what the model is and which points the figures are on."""
    if degree == 1:
        model = f"ŷ = {linear(w, 'x', b)}, 2 parameters (n + 1 for n = 1 feature)"
    else:
        model = f"the least-squares polynomial of degree {degree}, {degree + 1} parameters"
    points = grammar.count
    where = (
        f"Figures on the {points(n_train, 'training point')}; test figures on the "
        f"{points(count - n_train, 'held-out point')}."
        if n_train is not None
        else f"Figures on the {points(count, 'point', thousands=True)} shown."
    )
    steer = (
        " The sliders w and b now steer only the dash-dotted straight line w·x + b and its point on the loss "
        "surface: the line that the loss surface and training are about."
        if degree > 1
        else ""
    )
    return f"Model: {model}. {where}{steer}"


def readout(w: float, b: float, mse: float, test_mse: float | None = None, model_mse: float | None = None) -> str:
    """The live readout: the line and its MSE (and the test MSE, or the polynomial model's MSE)."""
    line = f"ŷ = {linear(w, 'x', b)} · MSE {format_number(mse, 4)}"
    if model_mse is not None:
        line = f"line {line} (the model: MSE {format_number(model_mse, 4)})"
    if test_mse is not None:
        line += f" · test MSE {format_number(test_mse, 4)}"
    return line


def descriptions(squares: bool, surface: bool) -> list[str]:
    """The live figures' text alternatives."""
    picture = "The points, the model and the residuals" + (" with their squares" if squares else "") + "."
    return [picture] + (
        ["The loss surface: the MSE of every (w, b), the optimum and the sliders' (w, b)."] if surface else []
    )


def picture_caption(squares: bool, split: bool, drawn: bool, user: bool, surface: bool) -> str:
    return (
        "Orange segments: the residuals y − ŷ, what the model misses at each point. "
        + ("Their squares (each drawn square on screen) have a mean area equal to the MSE. " if squares else "")
        + ("Hollow diamonds: test points, not used to fit. " if split else "")
        + ("" if drawn else "Residuals are not drawn for more than 2,000 points. ")
        + (
            "Right: the loss surface, the MSE of every line (w, b), paler where it is lower (point at it to read "
            "it); the yellow dot is your (w, b), the star the optimum. "
            if surface
            else ""
        )
        + (
            "Units: area in 100 m² and price in 100 000 €, so that w (price per 100 m²) and b stay small numbers."
            if not user
            else "The slider ranges were chosen from your points so that they hold 0 and the optimum."
        )
    )


TABLE_TITLE = "The points as a table"


def table_note(count: int) -> str:
    return f"The first 1,000 of {grammar.count(count, 'point', thousands=True)}."


# ---------------------------------------------------------------- fit by eye
def fit_verdict(
    score: float, mse: float, best: float, w: float, b: float, w_opt: float, b_opt: float
) -> tuple[bool, str]:
    """The challenge's verdict: (close enough for a success box, the words)."""
    optimum = f"w = {format_number(w_opt, 4)}, b = {format_number(b_opt, 4)}"
    if score >= 95:
        how = "as good as least squares" if score >= 99.5 else f"only {mse / best - 1:.1%} above it"
        return True, (
            f"**Score {score:.0f} / 100.** Your MSE {format_number(mse, 4)} against the optimum's "
            f"{format_number(best, 4)}: {how} ({optimum}, now drawn dashed)."
        )
    times = (
        f"is {format_number(mse / best, 2)} times the optimum's {format_number(best, 4)}"
        if best > 1e-12
        else "is above the optimum's 0: the points lie on one line"
    )
    return False, (
        f"**Score {score:.0f} / 100.** Your MSE {format_number(mse, 4)} {times}. The best line, now drawn dashed, "
        f"is {optimum}: your w is {_signed(w - w_opt)} off and your b {_signed(b - b_opt)}. Move w or b to try again."
    )


def _signed(value: float) -> str:
    return offset(value, 2)


# ---------------------------------------------------------------- the formulas and what to notice
# The longer two on two lines each, to fit a phone in projector mode.
FORMULAS = [
    r"\hat y^{(i)} = w\,x^{(i)} + b",
    r"\begin{aligned} L(w, b) &= \text{MSE} \\ &= \frac{1}{m}\sum_{i=1}^{m} (\hat y^{(i)} - y^{(i)})^2 \end{aligned}",
    r"\begin{aligned} R^2 &= 1 - \frac{\text{SSE}}{\text{SST}} \\ &= 1 - \frac{\sum_{i=1}^{m} (y^{(i)} - \hat y^{(i)})^2}"
    r"{\sum_{i=1}^{m} (y^{(i)} - \bar y)^2} \end{aligned}",
]
FORMULAS_NOTE = (
    "As on the slides: m data points x⁽ⁱ⁾ with labels y⁽ⁱ⁾, counted i = 1 … m in the formulas (NumPy counts "
    "them from 0 to m − 1), "
    "and n features, here n = 1 (the area x), so the line has n + 1 = 2 parameters: the weight w and the bias b."
)
NOTICE_TITLE = "What to notice"


def notice(
    x: np.ndarray, y: np.ndarray, y_hat: np.ndarray, scores: dict[str, float], degree: int, best: LineFit | None
) -> str:
    """What to notice with the current numbers (``x, y, y_hat`` on the points the figures use).

    ``best`` is the least-squares line of these points, None during the fit-by-eye challenge.
    """
    mse, r2 = scores["MSE"], scores["R²"]
    residual = y - y_hat
    worst = int(np.argmax(np.abs(residual)))
    sse = float(np.sum(residual**2))
    misses = (
        f"The largest miss is {format_number(residual[worst], 4)} at x = {format_number(x[worst])}: its square alone "
        f"makes {residual[worst] ** 2 / sse:.0%} of the MSE {format_number(mse, 4)}, because squaring lets big "
        "misses dominate. "
        if sse > 0
        else "The model passes through every point: the MSE is 0. "
    )
    if best is None:
        against = "The best line stays hidden until you check your fit. "
    elif degree == 1:
        against = (
            f"The least-squares line (w = {format_number(best.w, 4)}, b = {format_number(best.b, 4)}) "
            f"reaches MSE {format_number(best.mse, 4)}"
            + (f"; yours is {format_number(mse / best.mse, 2)} times that. " if best.mse > 1e-12 else ". ")
        )
    else:
        against = (
            f"This polynomial of degree {degree} ({degree + 1} parameters), the least-squares one, reaches MSE "
            f"{format_number(mse, 4)} on these points, against {format_number(best.mse, 4)} for the best line "
            "(2 parameters): more parameters never raise the training loss. "
        )
    at_optimum = best is not None and (degree > 1 or bool(np.isclose(mse, best.mse)))
    mean = format_number(float(np.mean(y)))
    if np.all(y == y[0]):
        spread = (
            f"Every y is {mean}, so SST = 0: R² = 1 − SSE/SST divides by 0 and is undefined. The page writes "
            f"R² = {format_number(r2, 4)}, as scikit-learn's r2_score does (1 for a perfect fit, else 0). "
        )
    elif float(format_number(r2, 4)) < 0:  # as shown: -0.00001 is written 0.0000, not called negative
        spread = f"R² = {format_number(r2, 4)} is negative: always predicting the mean {mean} would do better. "
    elif at_optimum:
        spread = (
            f"R² = {format_number(r2, 4)}: the least-squares fit explains {r2:.0%} of the spread of y around its "
            f"mean {mean}. "
        )
    else:
        spread = (
            f"R² = 1 − SSE/SST = {format_number(r2, 4)}: this model's squared misses add up to {1 - r2:.0%} of the "
            f"squared spread of y around its mean {mean} (for a line set by hand that is all R² says). "
        )
    pivot = ", outside the points" if x.min() > 0 or x.max() < 0 else ""
    return (
        misses
        + against
        + spread
        + f"Changing w turns the line around x = 0{pivot}, so a better w usually needs a new b too: the long "
        "diagonal valley of the loss surface."
    )


# ---------------------------------------------------------------- the loss surface and training
TRAINING_TITLE = "The loss surface, and training as a loop"
TRAINING_HIDDEN = (
    "Training is hidden during the fit-by-eye challenge: gradient descent would walk straight to the answer. "
    "Check your fit first."
)
BROADCAST_TITLE = "The whole loss surface in one line of NumPy"
BROADCAST_CODE = "L = ((ws[None, :, None] * x + bs[:, None, None] - y) ** 2).mean(axis=-1)"
GRADIENT_FORMULAS = [
    r"\frac{\partial L}{\partial w} = \frac{2}{m}\sum_{i=1}^{m} (\hat y^{(i)} - y^{(i)})\,x^{(i)}",
    r"\frac{\partial L}{\partial b} = \frac{2}{m}\sum_{i=1}^{m} (\hat y^{(i)} - y^{(i)})",
    r"(w, b) \leftarrow (w, b) - \eta\,\nabla L",
]


def broadcast_note(grid: int, count: int) -> str:
    return (
        "Broadcasting computes the MSE of every (w, b) of the grid at once: `ws[None, :, None]` has shape "
        f"(1, {grid}, 1), `bs[:, None, None]` has shape ({grid}, 1, 1) and x has shape ({count},), so the "
        f"predictions have shape ({grid}, {grid}, {count}); `.mean(axis=-1)` averages over the points and leaves "
        f"a ({grid}, {grid}) grid."
    )


STEP_SLIDER_HELP = "Arrow keys step by 1, PageUp / PageDown by 10, Home / End go to the ends; ▶ Play steps through."
TRAINING_DESCRIPTIONS = [
    "Gradient descent on the loss surface: the path from the sliders' (w, b), the point of step t and the optimum.",
    "The MSE after each step of gradient descent, on a log scale, with step t marked and the best MSE dashed.",
]


def training_readout(t: int, w: float, b: float, loss: float) -> str:
    """The training element's live readout at step t."""
    return f"step t = {t} · w = {format_number(w, 4)}, b = {format_number(b, 4)} · MSE {format_number(loss, 4)}"


def surface_caption(
    optimum: tuple[float, float], w: float, b: float, t: int, w_t: float, b_t: float, inside: bool
) -> str:
    return (
        "Each contour joins the (w, b) of equal MSE; the bowl's bottom is the least-squares optimum (star, at "
        f"w = {format_number(optimum[0], 4)}, b = {format_number(optimum[1], 4)}). Large yellow dot: the sliders' "
        f"(w, b) = ({format_number(w)}, {format_number(b)}). Orange line and dot: gradient descent from there, at "
        f"w = {format_number(w_t, 4)}, b = {format_number(b_t, 4)} after step {t}"
        + ("" if inside else "; it leaves the picture")
        + ". ▶ Play walks t along the path."
    )


def loss_caption(losses: np.ndarray, t: int, best_mse: float) -> str:
    return (
        f"The MSE after each step (log scale): {format_number(losses[0], 4)} at the start, "
        f"{format_number(losses[t], 4)} at step t = {t}, {format_number(losses[-1], 4)} after "
        f"{grammar.count(len(losses) - 1, 'step')}; "
        f"the dashed line is the best MSE, {format_number(best_mse, 4)}."
    )


def convergence(verdict: str, lr: float, lam_max: float, *, steps_done: int, stopped: bool, gap: float) -> str:
    """The verdict on the learning rate (``core.regression.convergence``): η against 2 / λ_max first."""
    eta, limit, factor = format_number(lr), format_number(2 / lam_max, 4), distance_factor(lr, lam_max)
    if verdict == "diverges":
        stop = (
            f" Training stopped after {grammar.count(steps_done, 'step')}, once the loss had grown past "
            "10¹² times its start."
            if stopped
            else ""
        )
        return (
            f"**Training diverges.** η = {eta} is at or above 2 / λ_max = {limit}, where λ_max measures how sharply "
            "the bowl of the loss curves along its steepest direction. Along that direction each step jumps past the bottom and lands further away on the other side: the distance to "
            f"the minimum is multiplied by |1 − η·λ_max| = {format_number(factor, 4)} ≥ 1 at every step, and the "
            f"loss by its square, {format_number(factor**2, 4)}, so it grows without end.{stop} Lower η."
        )
    if verdict == "zigzags":
        return (
            f"η = {eta} is above 1 / λ_max = {format_number(1 / lam_max, 4)}: each step overshoots the valley's "
            f"floor and the path zigzags, but it is below 2 / λ_max = {limit}, so the overshoot shrinks by "
            f"|1 − η·λ_max| = {format_number(factor, 4)} each time and training converges."
        )
    return (
        f"η = {eta} is at or below 1 / λ_max = {format_number(1 / lam_max, 4)}: no step overshoots, the loss falls "
        "at every step and training converges."
    ) + (f" After these steps it is {format_number(gap)} above the best MSE." if gap >= 0 else "")


def scaling(lam_max: float, lam_min: float) -> str:
    return (
        "**Why one direction is slow: feature scaling.** The MSE of a line is a bowl. Its curvature differs by "
        f"direction: λ_max = {format_number(lam_max, 4)} along the steepest, λ_min = {format_number(lam_min, 4)} "
        "along the flattest (how fast the slope changes along each: the eigenvalues of the matrix of second "
        "derivatives of the MSE, here 2·[[mean x², mean x], [mean x, 1]]). One learning rate must stay below 2 / λ_max for the steep direction, "
        f"so along the flat one the steps are {format_number(lam_max / lam_min, 4)} times too small: the long thin "
        "valley of the contours. Standardising x (subtract its mean, divide by its standard deviation) makes mean "
        "x = 0 and mean x² = 1: the bowl turns round (λ_max = λ_min = 2) and gradient descent walks straight to "
        "the bottom."
    )


# ---------------------------------------------------------------- polynomial model and overfitting
DEGREE_TITLE = "Polynomial model: more parameters, and overfitting"
# Two lines: on one it was wider than its half of a wall.
POLYNOMIAL = r"\begin{aligned} \hat y = w_0 &+ w_1 x + w_2 x^2 \\ &+ \dots + w_d x^d \end{aligned}"
DEGREE_FIT_NOTE = (
    "Fits by least squares with numpy.polynomial, which first maps the range of x onto [−1, 1] (its own "
    "rescaling, not the standardisation above); that keeps degree 9 well conditioned."
)


def degree_caption(train_mse: np.ndarray, test_mse: np.ndarray | None, degree: int) -> str:
    text = (
        f"Training MSE (green circles) by degree: {format_number(train_mse[0], 4)} at degree 1, "
        f"{format_number(train_mse[-1], 4)} at degree 9"
    )
    if test_mse is not None:
        best = int(np.argmin(test_mse)) + 1
        text += (
            f"; test MSE (dashed, diamonds): {format_number(test_mse[0], 4)} at degree 1, lowest "
            f"{format_number(test_mse.min(), 4)} at degree {best}, {format_number(test_mse[-1], 4)} at degree 9"
        )
    return text + f". The vertical line marks degree {degree}."


def overfitting(verdict: str | None, best_degree: int, test_mse: np.ndarray | None, n_test: int) -> str:
    """What the degree curve says (``core.regression.overfitting``), with the size of the test set."""
    start = (
        "A degree-d polynomial has d + 1 parameters, $w_0, \\dots, w_d$ ($w_0$ plays b's part), and is still "
        "*linear in its parameters*: its features are $x, x^2, \\dots, x^d$. More parameters never raise the "
        "**training** MSE (degree d + 1 can always set its last weight to 0), as the green curve shows, and it "
        "is 0 once there are no more points than parameters. "
    )
    if verdict is None:
        return start + "Turn on the *train / test split* to see what happens on points the model never saw."
    low = format_number(float(np.min(test_mse)), 4)
    words = {
        "overfits": f"The **test** MSE, on points the fit never saw, is lowest ({low}) at degree {best_degree} and "
        f"rises beyond it, by more than {OVERFIT_RISE - 1:.0%}: the curve bends to follow the noise of the training "
        "points. That is **overfitting**.",
        "flat": f"The **test** MSE is lowest ({low}) at degree {best_degree} and stays within {OVERFIT_RISE - 1:.0%} "
        "of that beyond it: the extra parameters buy nothing here, but no clear overfitting shows.",
        "still falling": f"The **test** MSE is lowest ({low}) at degree {best_degree}, the largest offered: no "
        "overfitting shows up to degree 9 on these points.",
    }[verdict]
    noisy = (
        f" The test MSE is a mean over only {grammar.count(n_test, 'point')}, so it is noisy itself: another seed may move the best "
        "degree. More houses make it steadier."
        if n_test < 30
        else f" (The test MSE is a mean over {grammar.count(n_test, 'point')}.)"
    )
    return start + words + noisy


# ---------------------------------------------------------------- loss and metrics
METRICS_TITLE = "The loss guides training; metrics are for people"


def metrics_text(mae: float, user: bool) -> str:
    typical = (
        f"*the price is typically off by {mae * 100_000:,.0f} €* "
        if not user
        else f"*y is typically off by {format_number(mae)}* "
    )
    return (
        "- **MSE** is the loss: smooth, with a simple gradient, so the optimiser can follow it downhill. "
        "Squaring punishes one big miss more than several small ones.\n"
        f"- **RMSE** (√MSE) and **MAE** are in the units of y: {typical}is a sentence a person understands.\n"
        "- **R²** compares the model with always predicting the mean: 1 is perfect, 0 is no better than the mean, "
        "and it can be negative.\n"
        "- The optimiser never looks at R², MAE or RMSE here; they are computed afterwards to judge the model. "
        "Some metrics can serve as a loss too (the MAE trains models: scikit-learn's gradient boosting takes "
        '`loss="absolute_error"`, PyTorch has `L1Loss`), but often a metric cannot: accuracy, for classes, is '
        "flat almost everywhere (a small change of w changes no decision), so its gradient is 0 and says "
        "nothing at all."
    )


# ---------------------------------------------------------------- the code
def code(
    *,
    data: str,
    split: str | None,
    degree: int,
    w: float,
    b: float,
    ranges: tuple[tuple[float, float], tuple[float, float]],
    grid: int,
    lr: float,
    t: int,
    shown: dict[str, float],
) -> str:
    """The NumPy code that prints the page's figures (``shown``, label -> value), as the page writes them.

    ``split`` is the code that makes the test mask, or None; ``ranges`` those of w and b on the loss
    surface's grid of ``grid`` x ``grid`` lines. A figure of a billion or more is
    printed in scientific notation, as ``core.text.format_number`` writes it on the page.
    """

    def f(label: str) -> str:
        return ".4e" if abs(shown.get(label, 0.0)) >= 1e9 else ".4f"

    fit = "x[train], y[train]" if split else "x, y"
    on = "[train]" if split else ""
    if degree == 1:
        model = f"w, b = {format_number(w)}, {format_number(b)}\ny_hat = w * x + b                      # predict"
        best = (
            f"best = LinearRegression().fit(x{on}.reshape(-1, 1), y{on})   # least squares\n"
            f"best_mse = np.mean((y{on} - best.predict(x{on}.reshape(-1, 1))) ** 2)"
        )
    else:
        model = f"p = Polynomial.fit({fit}, {degree})   # least squares, degree {degree}\ny_hat = p(x)                           # predict"
        best = "best_mse = np.mean((y[train] - p(x[train])) ** 2)" if split else "best_mse = np.mean((y - y_hat) ** 2)"
    tests = (f'print(f"test MSE = {{np.mean((y[test] - y_hat[test]) ** 2):{f("test MSE")}}}")\n' if split else "") + (
        f'print(f"test R² = {{1 - np.sum((y[test] - y_hat[test]) ** 2) / np.sum((y[test] - y[test].mean()) ** 2):{f("test R²")}}}")\n'
        if "test R²" in shown
        else ""
    )
    (w_lo, w_hi), (b_lo, b_hi) = ranges
    return f"""import numpy as np
from numpy.polynomial import Polynomial
from sklearn.linear_model import LinearRegression

{data}
{split or "train = np.ones(len(x), dtype=bool)   # every point trains"}
{model}
yt, ht = y[train], y_hat[train]          # the loss is measured on the training points
mse = np.mean((yt - ht) ** 2)
print(f"MSE = {{mse:{f("MSE")}}}")
print(f"RMSE = {{np.sqrt(mse):{f("RMSE")}}}")
print(f"MAE = {{np.mean(np.abs(yt - ht)):{f("MAE")}}}")
print(f"R² = {{1 - np.sum((yt - ht) ** 2) / np.sum((yt - yt.mean()) ** 2):{f("R²")}}}")
{best}
print(f"best MSE = {{best_mse:{f("best MSE")}}}")
{tests}
# The loss surface: the MSE of every line (w, b) of a grid, in one broadcast expression
xt = x[train]
ws = np.linspace({format_number(w_lo)}, {format_number(w_hi)}, {grid})
bs = np.linspace({format_number(b_lo)}, {format_number(b_hi)}, {grid})
L = ((ws[None, :, None] * xt + bs[:, None, None] - yt) ** 2).mean(axis=-1)   # shape ({grid}, {grid})

# Training as a loop: predict, compute the loss, adjust
params = np.array([{format_number(w)}, {format_number(b)}])   # start at the sliders' (w, b)
lr = {format_number(lr)}
for step in range({t}):
    error = params[0] * xt + params[1] - yt                            # predict, compare
    grad = np.array([2 * np.mean(error * xt), 2 * np.mean(error)])   # gradient of the MSE
    params = params - lr * grad                                        # adjust
error = params[0] * xt + params[1] - yt
print(f"loss at step t = {{np.mean(error * error):{f("loss at step t")}}}")
"""


CSV_CODE = "x, y = np.loadtxt('points.csv', delimiter=',', skiprows=1, unpack=True)   # your points"


def data_code(*, seed: int, n: int, noise: float, points: str | None) -> str:
    """The code's first lines: the generated houses, or the person's points (a literal or a CSV file)."""
    if points is not None:
        return points
    return (
        f"rng = np.random.default_rng({seed})\n"
        f"x = rng.uniform(0.4, 2.0, size={n})                  # area, in 100 m²\n"
        f"y = 3.0 * x + 0.5 + rng.normal(0.0, {format_number(noise)}, size={n})   # price, in 100 000 €"
    )


def split_code(seed: int, n_test: int) -> str:
    return (
        "test = np.zeros(len(x), dtype=bool)\n"
        f"test[np.random.default_rng({seed}).permutation(len(x))[:{n_test}]] = True\n"
        "train = ~test"
    )


# The assumption, as the slides state it (the models page draws what breaks).
ASSUMPTION = (
    "**The assumption of linear regression: features and label are linearly related**, y ≈ wᵀx + b plus noise. "
    "When they are not, the best line still exists, but it misses in a pattern: its residuals y − ŷ have the "
    "same sign along whole stretches of x instead of scattering around 0."
)
ASSUMPTION_LINK = "Curved data under a straight line: the models page"
