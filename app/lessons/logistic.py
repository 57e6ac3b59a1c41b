"""Logistic regression: the words of the page."""

from __future__ import annotations

import numpy as np

from app.lessons.grammar import agree, count, linear, plural
from core import logistic_sweep
from core.text import format_number

TITLE = "Logistic regression"
INTRO = (
    "Does a person with this **BMI** have the disease (1) or not (0)? The **sigmoid** turns a score "
    "h = w·x + b into a probability p = σ(h), and each point pays a loss: −ln p if it is a 1, −ln(1 − p) if it is a 0."
)
IDEAS = [
    "The model and each point's loss",
    "Why −ln p, and a threshold",
    "The formulas, and what to notice",
    "Training",
    "Predict, then check",
    "The NumPy code",
]

_KEYS = "PageUp and PageDown take 5 steps, Home and End go to the ends; finer values can be typed in a link"
W_LABEL = "w, the slope of the score"
W_HELP = (
    "How fast the probability rises with x; negative w: it falls. Arrow keys step w by 0.05 up to ±1, "
    f"then coarser (0.25, 0.5, 1); {_KEYS} (w=0.37)."
)
B_LABEL = "b, the intercept of the score"
B_HELP = (
    "Slides the curve sideways: the boundary sits at x = −b/w when the threshold is 0.5. Arrow keys step "
    f"b by 0.5 up to ±10, then 1 up to ±20, then 5; {_KEYS} (b=-11.07)."
)
THRESHOLD_LABEL = "threshold: p ≥ threshold is class 1"
THRESHOLD_HELP = (
    "Turns each probability into a decision. It changes accuracy, precision, recall and F1, never the "
    "loss. Arrow keys step it by 0.05, PageUp and PageDown by 0.25, Home and End go to 0 and 1."
)
DATA_LABEL = "Your own points (x, y; ... with y = 0 or 1)"
DATA_PLACEHOLDER = "empty: the generated BMI set, e.g. 18, 0; 24, 0; 27, 1; 33, 1"
DATA_HELP = "Leave empty for the generated BMI -> disease set. Points are separated by ';'."
GENERATED = "the generated BMI set"  # an empty box, as a warning names it
GENERATED_SOURCE = "generated: 30 people, BMI -> disease"

LOSS_HELP = "The mean of −y ln p − (1 − y) ln(1 − p) over the points: 0 is perfect."
ACCURACY_HELP = (
    "The share of points on the correct side of the boundary: p ≥ threshold counts as class 1 "
    "(0.5 unless you move the threshold)."
)
BEST_HELP = (
    "The lowest mean logistic loss any w, b reach on these points: scikit-learn's "
    "LogisticRegression(C=np.inf), with no penalty. Its default, LogisticRegression(), adds a penalty "
    "that keeps w small (the Iris page explains it), so its loss on these points is a little higher."
)
PRECISION_HELP = "Of the points called class 1, the share that are class 1: TP / (TP + FP)."
RECALL_HELP = "Of the points that are class 1, the share called class 1: TP / (TP + FN)."
F1_HELP = "The harmonic mean of precision and recall, 2PR / (P + R): high only when both are."


def no_best_fit(classes: int) -> str:
    """Why there is no best fit: ``classes`` is how many classes the points hold (1 or 2)."""
    if classes < 2:
        return (
            "No best fit: only one class is present. The loss can always be lowered by moving every p "
            "closer to that class (a larger b, or a smaller one), so it approaches 0 but no finite w, b "
            "reaches it. scikit-learn does not even try: `LogisticRegression().fit` raises a ValueError, it "
            "needs at least 2 classes."
        )
    return (
        "No best fit: one threshold on x separates the two classes. The loss can then always be lowered by "
        "making the sigmoid steeper, so it approaches 0 but no finite w, b reaches it; scikit-learn's "
        "unpenalised fit stops at some large w once the loss is too flat to measure."
    )


TABLE_TITLE = "The points as a table"

WHY_LOG_TITLE = "Why −ln p"
WHY_LOG = (
    "The model should give every point of class 1 a high p. Making p as large as possible is the same as "
    "making **ln p** as large as possible (the logarithm only grows), which is the same as making "
    "**−ln p** as small as possible: a loss, 0 when p = 1 and without limit as p → 0. A point of class 0 "
    "wants a high 1 − p instead, so it pays −ln(1 − p). With y = 0 or 1 one formula covers both, "
    "−y ln p − (1 − y) ln(1 − p), and the logarithm turns the product of all the points' probabilities "
    "into a sum, whose mean is the loss L. The loss-curve figure shows both curves with every point on its "
    "own (the second picture of the first idea): confident mistakes cost the most."
)
THRESHOLD_TITLE = "A threshold for decisions: the confusion matrix"
THRESHOLD_TEXT = (
    "A threshold turns a probability into a decision: class 1 when p ≥ threshold. The model (w, b) and "
    "its loss do not change with the threshold, but the decisions do, and so does every count of the "
    "confusion matrix: **TP** (true positives, class 1 called 1), **FP** (false alarms), **FN** (missed 1s), "
    "**TN**. Lowering the threshold calls more points class 1: recall never falls (every 1 found stays "
    "found), and precision usually falls, as more false alarms come in, but not always: at w = 0.4, "
    "b = −11 on the generated BMI set, raising the threshold from 0.5 to 0.6 lowers precision from "
    "0.8667 to 0.8571. A disease screen wants a high recall, a costly treatment a high precision."
)
METRIC_VS_LOSS = (
    "**A metric is for people; the loss trains the model.** Accuracy, precision, recall and F1 say how good "
    "the decisions are, in the terms a doctor cares about. But they move in steps: nudge w and most points "
    "stay on their side, so the metric does not change at all (its gradient is 0 almost everywhere) and "
    "gradient descent would get no direction. The mean logistic loss changes smoothly with w and b, so the "
    "model is trained on the loss, then judged with the metric that fits the job."
)
FORMULAS_TITLE = "The formulas"
# Formulas on lines of their own: on one line each was wider than a phone.
SIGMOID_FORMULA = (
    r"\begin{gathered} p = \sigma(h) = \frac{1}{1 + e^{-h}} \\ h = w x + b \\ \ln\frac{p}{1-p} = h \end{gathered}"
)
LOSS_FORMULA = (
    r"\begin{aligned} L(w, b) &= \frac{1}{m}\sum_{i=1}^{m} \big[-y^{(i)} \ln p^{(i)} \\ "
    r"&\qquad - (1 - y^{(i)})\ln(1 - p^{(i)})\big] \end{aligned}"
)
FORMULA_NOTES = (
    "The **odds** of class 1 are p / (1 − p): p = 0.8 gives odds of 4, four to one. Their logarithm, the "
    "**log-odds**, is what the score h is: the sigmoid is exactly the function that makes ln(p / (1 − p)) = h, "
    "so a straight line in x becomes a probability. (The slides write the score h(x); other texts and the "
    "Iris page call it z.) The sum runs over the m points x⁽ⁱ⁾ with labels y⁽ⁱ⁾ and probabilities "
    "p⁽ⁱ⁾ = σ(w x⁽ⁱ⁾ + b), counted i = 1 … m as on the slides; NumPy counts from 0.\n\n"
    "Computed as written, `np.log(1 / (1 + np.exp(-h)))` breaks for large |h|: `np.exp(800)` is `inf`, and "
    "`np.log(0)` is `-inf`. The page uses the same numbers rewritten with `np.logaddexp(0, -h)` = "
    "ln(1 + e^(−h)) = −ln p, which never overflows: try w = 10, b = −50."
)
NOTICE_TITLE = "What to notice"
TRAINING_TITLE = "Training: gradient descent on the logistic loss"
TRAIN_LABEL = "Run gradient descent from the current w, b"
TRAIN_HELP = "The same loop as the linear-regression page: θ ← θ − η ∇L(θ)."
LR_LABEL = "Learning rate η"
STEPS_LABEL = "Steps"
MOVE_THERE = "Move the sliders there"
BLEW_UP = (
    "The loss ended higher than it started: the learning rate is too large for these points, each step "
    "overshoots the valley. Choose a smaller η."
)


def surface_caption(x) -> str:
    """The loss surface in words: how far x is from centred decides how the valley is stretched."""
    mean = float(np.mean(x))
    said = (
        "The loss over (w, b), darker is lower (log scale). A change of w moves a point's score h by its x "
        f"times as much as the same change of b; here x averages {format_number(mean, 2)}"
    )
    if abs(mean) >= 2:
        return said + (
            ", so w moves h many times more than b: the valley is long and narrow and one learning rate "
            "cannot suit both. That is why scikit-learn suggests scaling the features."
        )
    return said + ", close to centred, so neither w nor b moves h much more than the other on average."


SOLVER_NOTE = (
    "scikit-learn does not take these plain steps: `LogisticRegression()` uses **lbfgs**, a gradient method "
    "that also estimates how the loss curves from its last steps (far fewer steps); unless told otherwise "
    "it adds a penalty that keeps w small (the Iris page explains it); and with more than two classes it "
    "turns one score per class into probabilities that add up to 1 (the Iris page too)."
)


def readout(mean_loss: float, accuracy: float, threshold: float) -> str:
    """The live readout at one position: the loss and the accuracy at the threshold."""
    return f"mean logistic loss {format_number(mean_loss, 4)} · accuracy {format_number(accuracy, 4)} (p ≥ {format_number(threshold)} is 1)"


def source(generated: bool, m: int) -> str:
    return GENERATED_SOURCE if generated else f"your {count(m, 'point')}"


def caption(source_text: str, has_best: bool) -> str:
    """What the live figures show, in words (the colours are also written)."""
    best = " The dotted grey curve is the best fit." if has_best else ""
    return (
        f"Data: {source_text}. Top: dots at y = 0 (blue circles) or y = 1 (vermillion diamonds); the purple "
        "curve is the model's probability p, the dashed green line its score h (right axis, where h = 0 is "
        f"level with p = 0.5); the pale band is the side called class 1.{best} Under it, each point's loss as "
        "a bar below the point (class 1 vermillion, class 0 blue) and their mean. Then the two loss curves "
        "with every point on its curve, and the confusion matrix at the threshold (green: right, red: wrong)."
    )


def descriptions(name: str, w: float, b: float, threshold: float, mean_loss: float, counts) -> list[str]:
    """Text alternatives of the three live figures."""
    (tn, fp), (fn, tp) = counts
    return [
        f"The sigmoid of h = {linear(w, name, b)} over the points, with each "
        f"point's loss as a bar under it; mean loss {format_number(mean_loss, 4)}.",
        "The loss curves −ln p (class 1) and −ln(1 − p) (class 0), each point on its own curve.",
        f"Confusion matrix at threshold {format_number(threshold)}: TN {tn}, FP {fp}, FN {fn}, TP {tp}.",
    ]


def worst_point(name: str, x: float, y: int, p: float, loss: float, wrong: bool, share: float) -> str:
    """The point that pays most, and whether it is a confident mistake."""
    said = f"The worst point ({name} = {format_number(x)}, y = {y}) alone pays {format_number(loss, 4)}, {share:.0%} of the total"
    if wrong:
        return said + (
            f": on the wrong side of the boundary with p = {format_number(p, 4)}, one confident mistake can cost more than "
            "many points that are almost right."
        )
    return said + ", though it is on the correct side of the boundary."


def notice(name: str, w: float, b: float, threshold: float, accuracy: float, right: int, m: int, loss: float) -> str:
    """What to notice, with the current numbers."""
    t = format_number(threshold)
    if w == 0:
        boundary = "With w = 0 the probability is the same for every x: the model ignores the feature. "
    elif threshold in (0, 1):
        called = (
            "every point is called class 1 (every p ≥ 0)" if threshold == 0 else "almost no point is called class 1"
        )
        boundary = f"At a threshold of {t} there is no boundary: {called}. "
    else:
        where = "−b/w" if threshold == 0.5 else f"(ln({t} / (1 − {t})) − b)/w"
        boundary = (
            f"The boundary is where p reaches the threshold {t}, that is where the score h reaches "
            f"ln(t / (1 − t)) (0 when t = 0.5): here at {name} = {where} = "
            f"{format_number(float(logistic_sweep.boundary(w, b, threshold)), 2)}. Raising |w| makes the curve "
            "steeper there, and b slides it sideways. "
        )
    return boundary + (
        f"Accuracy {format_number(accuracy, 4)} only counts the {right} of {count(m, 'point')} on the correct side of the boundary, "
        f"so it moves in steps; the mean loss {format_number(loss, 4)} also weighs how sure the model is, so it changes "
        "smoothly, which is what gradient descent needs."
    )


def what_to_notice(name: str, x, y, p, losses, w: float, b: float, threshold: float, accuracy: float) -> str:
    """:func:`notice` and :func:`worst_point` for the points ``x, y`` with probabilities ``p`` and ``losses``."""
    worst, m = int(np.argmax(losses)), len(x)
    share = float(losses[worst]) / max(float(np.sum(losses)), 1e-300)
    wrong = bool((p[worst] >= threshold) != y[worst])
    said = notice(name, w, b, threshold, accuracy, int(round(accuracy * m)), m, float(np.mean(losses)))
    return (
        said
        + " "
        + worst_point(name, float(x[worst]), int(y[worst]), float(p[worst]), float(losses[worst]), wrong, share)
    )


def threshold_notes(threshold: float, now: tuple[float, float, int], usual: tuple[float, float, int]) -> str:
    """What moving the threshold from 0.5 did: ``now`` and ``usual`` are (precision, recall, points called 1)."""
    precision, recall, called = now
    said = (
        f"At threshold {format_number(threshold)}, {count(called, 'point')} {agree(called, 'is', 'are')} called class 1"
    )
    if threshold == 0.5:
        said += f" (the usual threshold): precision {format_number(precision, 4)}, recall {format_number(recall, 4)}."
    else:
        verb = "Lowering" if threshold < 0.5 else "Raising"
        calls = (
            f"still calls {count(called, 'point')} class 1, as 0.5 does"
            if called == usual[2]
            else f"calls {count(called, 'point')} class 1 instead of {usual[2]}"
        )
        said = f"{verb} the threshold from 0.5 to {format_number(threshold)} {calls}: recall {format_number(usual[1], 4)} → {format_number(recall, 4)}, precision {format_number(usual[0], 4)} → {format_number(precision, 4)}."
    if called == 0:
        said += (
            " No point is called class 1, so precision is 0 / 0, written 0 as scikit-learn does "
            "(`zero_division=0`), and F1 is 0 too."
        )
    return said


def descent_summary(steps: int, w_end: float, b_end: float, first: float, last: float) -> str:
    return f"After **{steps}** {plural('step', steps)}: w = {format_number(w_end, 4)}, b = {format_number(b_end, 4)}, loss {format_number(first, 4)} → **{format_number(last, 4)}**."


def zigzag(rises: int) -> str:
    return f"The loss rose on {rises} of the steps: η is close to too large, the steps zig-zag across the valley."


def descent_verdict(losses, diverged: bool) -> tuple[str, str]:
    """``("error", why)`` when the loss ended above its start, ``("info", why)`` when it rose on some
    steps, ``("info", "")`` when it fell at every step."""
    if diverged or losses[-1] > losses[0]:
        return "error", BLEW_UP
    rises = int(np.sum(np.diff(losses) > 1e-12))
    return "info", zigzag(rises) if rises else ""


def code(x_literal: str, y_literal: str, w: float, b: float, threshold: float, has_best: bool) -> str:
    """The NumPy code that prints the page's figures (``label = value``)."""
    best = """
    # The best fit: scikit-learn without a penalty (C = inf); LogisticRegression() alone has C = 1
    best = LogisticRegression(C=np.inf, max_iter=1000).fit(x.reshape(-1, 1), y)
    w_best, b_best = best.coef_[0, 0], best.intercept_[0]
    h_best = w_best * x + b_best
    best_loss = np.mean(y * np.logaddexp(0, -h_best) + (1 - y) * np.logaddexp(0, h_best))
    print(f"best logistic loss = {best_loss:.4f}")
"""
    return f"""
    import numpy as np
    from scipy.special import expit
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import accuracy_score, f1_score, log_loss, precision_score, recall_score

    x = {x_literal}
    y = {y_literal}
    w, b = {w!r}, {b!r}
    threshold = {threshold!r}

    h = w * x + b                        # the score (log-odds)
    p = expit(h)                         # σ(h) = 1 / (1 + e^-h), computed without overflow
    # -ln p = ln(1 + e^-h) and -ln(1 - p) = ln(1 + e^h): log-sum-exp, never log(0)
    losses = y * np.logaddexp(0, -h) + (1 - y) * np.logaddexp(0, h)
    predicted = (p >= threshold).astype(int)   # the decision: class 1 where p >= threshold
    print(f"mean logistic loss = {{losses.mean():.4f}}")
    print(f"accuracy = {{accuracy_score(y, predicted):.4f}}")
    print(f"precision = {{precision_score(y, predicted, zero_division=0):.4f}}")
    print(f"recall = {{recall_score(y, predicted, zero_division=0):.4f}}")
    print(f"F1 = {{f1_score(y, predicted, zero_division=0):.4f}}")
    # scikit-learn's log_loss agrees (it clips p to [eps, 1 - eps], so it reports less
    # than the true loss when some p is within 1e-16 of 0 or 1)
    print("scikit-learn log_loss:", round(log_loss(y, p, labels=[0, 1]), 4))
{best if has_best else ""}"""


# The assumption, as the slides state it (the models page shows what breaks).
ASSUMPTION = (
    "**The assumption of logistic regression: features and log odds are linearly related**, "
    "ln(p / (1 − p)) = wᵀx + b. When they are not, for example when class 1 sits in the middle of x and class 0 "
    "on both sides, no σ(w x + b) can follow the classes: it only rises or only falls."
)
ASSUMPTION_LINK = "When the log odds are not linear: the models page"
