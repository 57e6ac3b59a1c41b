"""Models: four kinds of function. The words of the page."""

from __future__ import annotations

import numpy as np

from app.lessons import logistic, regression
from app.lessons.grammar import count, plural, signed
from core import models
from core.text import format_figure, format_number, format_shape

TITLE = "Models: four kinds of function"
INTRO = (
    "A model is a function h with **parameters**: from a datapoint's features x it makes a prediction ŷ, "
    "and training chooses the parameters. The same data under four kinds of model:"
)
IDEAS = [
    "Four kinds of model",
    "h(x) = wᵀx, and X w for all the data",
    "ŷ ≈ y: loss and metric",
    "The assumptions",
    "Predict, then check",
    "The NumPy code",
]
FEATURES_LABEL = "Features n"
DEGREE_LABEL = "Polynomial degree d"
HIDDEN_LABEL = "Hidden units h"
SLIDER_HELP = "Arrow keys step by 1, Home and End go to the ends."
FEATURES_HELP = "The number of features n of each datapoint: the counts above are for n features."
CARDS_TITLE = "The four kinds side by side"

# One card per kind: its name, its formula (LaTeX, in short lines that fit a quarter of the page),
# its domain and its range.
CARDS = {
    "linear": (
        "Linear model",
        (r"h(\mathbf{x}) = \mathbf{w}^\top\mathbf{x} + b",),
        "Domain: all of ℝⁿ.",
        "Range: any real number, **not bounded**: the line leaves the frame.",
    ),
    "polynomial": (
        "Polynomial model",
        (r"\hat y = \textstyle\sum_k c_k\, m_k(\mathbf{x})",),
        "mₖ: every product of features of degree at most d (1, x₁, x₁², x₁x₂, …). Domain: all of ℝⁿ.",
        "Range: **not bounded**: far from the data the highest power wins.",
    ),
    "logistic": (
        "Logistic model",
        (r"h(\mathbf{x}) = \mathbf{w}^\top\mathbf{x} + b", r"\hat y = \frac{1}{1 + e^{-h(\mathbf{x})}}"),
        "Domain: all of ℝⁿ.",
        "Range: **bounded**: ŷ stays between the lines 0 and 1, a probability.",
    ),
    "network": (
        "Neural network",
        (
            r"\mathbf{z} = W_1^\top \mathbf{x} + \mathbf{b}_1",
            r"\mathbf{a} = \operatorname{relu}(\mathbf{z})",
            r"\hat y = \mathbf{w}_2^\top \mathbf{a} + b_2",
        ),
        "a: the h hidden units. Domain: all of ℝⁿ.",
        "Range: not bounded with a linear output (as drawn); between 0 and 1 with a sigmoid output.",
    ),
}
CARD_COUNTS = {
    "linear": "n + 1",
    "polynomial": "C(n + d, d)",
    "logistic": "n + 1",
    "network": "n·h + h + h + 1",
}
LABELS = {kind: f"{kind} parameters" for kind in models.KINDS}

HOUSE_TITLE = "h(x) = wᵀx, and X w for all the data"
HOUSE_INTRO = (
    "With n features, the linear model multiplies each feature by its weight and adds the bias: "
    "h(x) = w₁x₁ + … + wₙxₙ + b, which is the dot product wᵀx plus b. Here each house has n = 2 features, "
    "area and rooms, and the weights are made up (the price in thousands)."
)
HOUSE_LINK = "See X @ w cell by cell on the matrix-multiplication page"

GOAL_TITLE = "ŷ ≈ y: how to choose the best model"
GOAL = (
    "- **ŷ ≈ y**: the best parameters are the ones whose predictions ŷ come closest to the labels y of the data.\n"
    "- **Unlabeled data**: without labels there is no y to compare ŷ with, so what makes a model good is less "
    "straightforward."
)
LOSS_TITLE = "Loss"
LOSS = (
    "- what training minimises\n"
    "- differentiable: its gradient says how to change each parameter\n"
    "- e.g. the MSE, the logistic loss"
)
METRIC_TITLE = "Score / metric"
METRIC = (
    "- easy to interpret\n"
    "- often cannot be used for training\n"
    "- e.g. accuracy: it changes in jumps as w moves, so its gradient is 0 wherever it exists and tells "
    "training nothing"
)

ASSUMPTIONS_TITLE = "The assumptions"
# The two assumptions as the slides state them, also on the linear and logistic pages.
LINEAR_ASSUMPTION = regression.ASSUMPTION
LOGISTIC_ASSUMPTION = logistic.ASSUMPTION


def card_count(kind: str, n: int, d: int, h: int) -> str:
    """The card's count: the rule and its value for the current n (and d or h)."""
    value = models.parameter_counts(n, d, h)[LABELS[kind]]
    rule = CARD_COUNTS[kind]
    filled = {
        "linear": f"{n} + 1",
        "polynomial": f"C({n} + {d}, {d})",
        "logistic": f"{n} + 1",
        "network": f"{n}·{h} + {h} + {h} + 1",
    }[kind]
    return f"Parameters: {rule} = {filled} = **{value}**"


def readout(state: tuple[int, int, int]) -> str:
    """The live readout: the four counts for the sliders' n, d and h."""
    n, d, h = state
    counts = models.parameter_counts(n, d, h)
    return (
        f"n = {n}, d = {d}, h = {h} · parameters: linear {counts['linear parameters']}, "
        f"polynomial {counts['polynomial parameters']}, logistic {counts['logistic parameters']}, "
        f"network {counts['network parameters']}"
    )


def descriptions(d: int, h: int) -> list[str]:
    """Each panel's text alternative."""
    return [
        "The best straight line through the data; it leaves the frame on both sides.",
        f"The best polynomial of degree {d} through the data; beyond the data it leaves the frame.",
        "The best logistic curve through the class labels 0 and 1; it stays between the dashed lines 0 and 1.",
        f"A network of {count(h, 'hidden unit')}: straight pieces with {count(h, 'kink')}; "
        "beyond the data it goes on along straight lines.",
    ]


def caption(d: int, h: int, fitted: dict[str, float]) -> str:
    """Under the picture: what is drawn, and how each model was fitted."""
    return (
        f"The same {models.M} datapoints in every panel, ŷ drawn up against one feature x across, so that each ŷ "
        "is a curve (the counts above are for n features). Line, polynomial and network are fitted by least squares to y; the "
        "logistic model by the lowest mean logistic loss to the class labels 0 and 1. The network's hidden weights "
        "are set by hand (its kinks spread over the data) and only its output layer is fitted here; training "
        f"would adjust all its parameters. MSE on the data: line {format_number(fitted['linear'], 4)}, "
        f"polynomial {format_number(fitted['polynomial'], 4)}, network {format_number(fitted['network'], 4)}."
    )


def _latex_signed(value: float) -> str:
    """A term after another in LaTeX: ``+ 10`` or ``- 10`` (never ``+ -10``)."""
    return signed(value).replace("−", "-")


def house_formula(w: np.ndarray, b: float) -> str:
    """h(x) for one house, in LaTeX, with the weights."""
    return (
        r"h(\mathbf{x}) = \mathbf{w}^\top\mathbf{x} + b = "
        rf"{format_number(w[0])}\,x_{{\text{{area}}}} {_latex_signed(w[1])}\,x_{{\text{{rooms}}}} {_latex_signed(b)}"
    )


def house_shapes(X: np.ndarray, w: np.ndarray, y_hat: np.ndarray) -> str:
    """ŷ = X @ w + b with its shapes, as the matrix-multiplication page writes them (LaTeX, two lines to fit a phone)."""
    return (
        rf"\begin{{gathered}} \underbrace{{\hat{{\mathbf{{y}}}}}}_{{{format_shape(y_hat.shape)}}} = "
        rf"\underbrace{{X}}_{{{format_shape(X.shape)}}} \mathbin{{@}} \underbrace{{\mathbf{{w}}}}_{{{format_shape(w.shape)}}} + b"
        rf" \\ {format_shape(X.shape)} \mathbin{{@}} {format_shape(w.shape)} \to {format_shape(y_hat.shape)} \end{{gathered}}"
    )


def house_table(X: np.ndarray, w: np.ndarray, b: float, y_hat: np.ndarray) -> dict[str, list[str]]:
    """One row per house: its features, h(x⁽ⁱ⁾) written as the sum, and ŷ⁽ⁱ⁾."""
    return {
        "house i": [str(i) for i in range(len(X))],
        models.HOUSE_FEATURES[0]: [format_number(v) for v in X[:, 0]],
        models.HOUSE_FEATURES[1]: [format_number(v) for v in X[:, 1]],
        "wᵀx⁽ⁱ⁾ + b": [
            f"{format_number(w[0])}·{format_number(x[0])} {signed(w[1])}·{format_number(x[1])} {signed(b)}" for x in X
        ],
        "ŷ⁽ⁱ⁾": [format_number(v) for v in y_hat],
    }


def house_words(X: np.ndarray, y_hat: np.ndarray) -> str:
    """What one matrix product does for all m houses."""
    m, n = X.shape
    return (
        f"Row i of X is house i's feature vector x⁽ⁱ⁾, so one product X @ w computes wᵀx⁽ⁱ⁾ for all m = {m} {plural('house', m)} "
        f"at once, and + b adds the bias to each (broadcasting). The inner sizes match (n = {n}), and the result "
        f"has one prediction per house: shape {format_shape(y_hat.shape)}."
    )


def curved_words(fit: models.CurvedFit) -> str:
    """What the picture of curved data under the best line shows, with its numbers."""
    side = {1: "above", -1: "below", 0: "on"}
    left, middle, right = (side[s] for s in fit.signs)
    return (
        f"Curved data (y = 0.8 x² plus noise) under their best straight line: the points lie mostly {left} the line "
        f"on the left, {middle} it in the middle and {right} it on the right. The line's MSE is "
        f"{format_number(fit.line_mse, 4)}; a parabola (degree 2) on the same points reaches "
        f"{format_number(fit.parabola_mse, 4)}."
    )


def middle_class_words(accuracy: float, majority: float) -> str:
    """What the best logistic fit achieves when class 1 sits in the middle of x."""
    shown, larger = format_number(accuracy, 4), format_number(majority, 4)
    than = "no better than" if float(shown) <= float(larger) else "better than"
    return (
        "With class 1 in the middle of x and class 0 on both sides, the best logistic fit reaches an accuracy of "
        f"{shown}, {than} always answering the larger class ({larger})."
    )


def notes(n: int, d: int, h: int) -> list[str]:
    """The notebook's notes: the formulas and the counts."""
    counts = models.parameter_counts(n, d, h)
    return [
        "$$" + CARDS["linear"][1][0] + "$$",
        "\n".join(
            f"- {CARDS[kind][0]}: {CARD_COUNTS[kind]} = {format_figure(counts[LABELS[kind]])} parameters"
            for kind in models.KINDS
        ),
        LINEAR_ASSUMPTION,
        LOGISTIC_ASSUMPTION,
    ]


def code(n: int, d: int, h: int) -> str:
    """The NumPy code that prints the page's figures, and ŷ = X @ w + b for the houses."""
    X, w, b = models.HOUSES_X, models.HOUSE_W, models.HOUSE_B
    rows = ", ".join("[" + ", ".join(format_number(v) for v in row) + "]" for row in X)
    return f"""
        import math

        import numpy as np

        n, d, h = {n}, {d}, {h}  # features, polynomial degree, hidden units
        print("linear parameters =", n + 1)  # w (n,) and b
        print("polynomial parameters =", math.comb(n + d, d))  # every monomial of degree <= d
        print("logistic parameters =", n + 1)  # the same h(x) = w @ x + b inside the sigmoid
        print("network parameters =", n * h + h + h + 1)  # W1 (n, h), b1 (h,), w2 (h,), b2

        # h(x) = w @ x + b for all m houses at once: X (m, n) @ w (n,) -> (m,)
        X = np.array([{rows}])  # area (m²), rooms
        w = np.array([{", ".join(format_number(v) for v in w)}])
        b = {format_number(b)}
        y_hat = X @ w + b
        print(X.shape, "@", w.shape, "->", y_hat.shape)
        print("y_hat =", y_hat)
    """
