""" "Predict, then check" questions: each is generated from a seed, answered, and explained.

A question is plain data (:class:`Question`): the prompt, the answer options, the index
of the right one, and an explanation built from the same numbers. The page asks; NumPy
answers; nothing here knows about widgets.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from core.broadcasting import BroadcastError, broadcast_shape
from core.iris import softmax
from core.logistic import losses_of_log_odds, sigmoid
from core.text import format_number, format_shape

BROADCAST_ERROR = "error: the shapes do not broadcast"
MATMUL_ERROR = "error: the inner sizes differ"
RESHAPE_ERROR = "error: the sizes do not match"


@dataclass(frozen=True)
class Question:
    """One question: ``options[answer]`` is right; ``explanation`` says why, with the numbers."""

    prompt: str
    options: tuple[str, ...]
    answer: int
    explanation: str
    code: str  # the NumPy line that settles it

    def is_right(self, choice: str) -> bool:
        return choice == self.options[self.answer]


def broadcast_question(seed: int) -> Question:
    """Which shape does ``a + b`` have? Shapes of 1 to 3 axes; about one in three fails."""
    rng = np.random.default_rng(seed)
    shape_a = tuple(int(n) for n in rng.integers(1, 5, size=rng.integers(1, 4)))
    shape_b = list(shape_a[-rng.integers(1, len(shape_a) + 1) :])
    for axis in range(len(shape_b)):  # stretchable axes, and sometimes a clash
        roll = rng.random()
        if roll < 0.35:
            shape_b[axis] = 1
        elif roll < 0.5:
            shape_b[axis] = int(shape_b[axis] % 4 + 2)
    shape_b = tuple(shape_b)
    try:
        right = format_shape(broadcast_shape(shape_a, shape_b))
    except BroadcastError:
        right = BROADCAST_ERROR
    distractors = {
        format_shape(shape_a),
        format_shape(shape_b),
        BROADCAST_ERROR,
        format_shape(tuple(max(x, y) for x, y in zip(shape_a[::-1], shape_b[::-1]))[::-1]),
        format_shape(shape_a + shape_b),  # the common slip: stacking the shapes
        format_shape((2,) + shape_a),
    }
    options = _options(right, distractors, rng)
    pairs = _aligned(shape_a, shape_b)[::-1]  # from the last axis, as the rule compares them
    steps = "; ".join(
        f"axis {-n}: {x} and {y}, " + ("equal" if x == y else "1 stretches" if 1 in (x, y) else "clash")
        for n, (x, y) in enumerate(pairs, start=1)
    )
    explanation = f"Align the shapes from the right and compare from the last axis: {steps}. " + (
        f"So a + b has shape {right}."
        if right != BROADCAST_ERROR
        else "A clash means NumPy raises: operands could not be broadcast together."
    )
    return Question(
        f"a has shape {format_shape(shape_a)} and b has shape {format_shape(shape_b)}. What is the shape of a + b?",
        options,
        options.index(right),
        explanation,
        f"np.broadcast_shapes({format_shape(shape_a)}, {format_shape(shape_b)})",
    )


def reshape_question(seed: int) -> Question:
    """Which shape does ``a.reshape(n, -1)`` (or ``(-1, n)``) have? About one in four cannot work."""
    rng = np.random.default_rng(seed)
    shape = tuple(int(n) for n in rng.integers(2, 5, size=rng.integers(2, 4)))
    size = int(np.prod(shape))
    fits = rng.random() > 0.25
    known = int(rng.choice([d for d in range(2, 9) if (size % d == 0) == fits and d != size]))
    first = bool(rng.integers(2))  # the known length first, as in reshape(3, -1), or last
    asked = f"{known}, -1" if first else f"-1, {known}"
    pair = (known, size // known) if first else (size // known, known)
    right = format_shape(pair) if fits else RESHAPE_ERROR
    distractors = {
        format_shape(shape),
        format_shape((size,)),
        RESHAPE_ERROR,
        format_shape(pair[::-1]),
        format_shape((known, size) if first else (size, known)),
    }  # the slip: -1 read as "all"
    options = _options(right, distractors, rng)
    numbers = f"a holds {' × '.join(map(str, shape))} = {size} numbers, and reshape keeps them all."
    explanation = (
        f"{numbers} The -1 is worked out by NumPy: {size} / {known} = {size // known}, so the shape is {right}."
        if fits
        else f"{numbers} {size} is not a multiple of {known}, so no whole length can fill the -1, and "
        f"NumPy raises a ValueError: cannot reshape array of size {size} into that shape."
    )
    return Question(
        f"a = np.arange({size}).reshape{format_shape(shape)}. What is the shape of a.reshape({asked})?",
        options,
        options.index(right),
        explanation,
        f"np.arange({size}).reshape{format_shape(shape)}.reshape({asked}).shape",
    )


def data_shape_question(seed: int) -> Question:
    """What shape do X, y or one row x have, for m datapoints described by n features each?

    The slides' kinds of data with made-up sizes; the distractors are the usual slips: X turned
    (n, m), the picture's own shape kept (m, h, w), one number per datapoint, the whole table flattened.
    """
    rng = np.random.default_rng(seed)
    m = int(rng.choice([20, 40, 100, 150, 500, 1000]))
    kind = int(rng.integers(5))
    h, w = (int(v) for v in rng.choice([4, 8, 16, 28], size=2))
    n = h * w if kind == 0 else int(rng.integers(2, 40))
    setting, features = [
        (
            f"{m} pictures of {h} × {w} pixels, each read row by row into one row of X, labelled with the object shown",
            f"its {h} × {w} = {n} pixels",
        ),
        (
            f"{m} sentences, each turned into word counts over a vocabulary of {n} words, labelled with a topic",
            f"the counts of the {n} words",
        ),
        (f"{m} houses, each described by {n} numbers (area, rooms, ...), labelled with its price", f"its {n} numbers"),
        (
            f"{m} sounds, each described by its loudness in {n} frequency bands, labelled with an emotion",
            f"its {n} loudnesses",
        ),
        (
            f"{m} cells, each described by the frequencies of {n} motifs in its genome, labelled with its type",
            f"its {n} frequencies",
        ),
    ][kind]
    asked = ("X", "y", "x = X[0]")[int(rng.integers(3))]
    shapes = {"X": (m, n), "y": (m,), "x = X[0]": (n,)}
    right = format_shape(shapes[asked])
    slips = {format_shape(s) for s in [(n, m), (m,), (n,), (m, n), (m * n,), (1, n), (m, 1)]}
    if kind == 0:
        slips |= {format_shape((m, h, w)), format_shape((h, w))}
    options = _options(right, slips, rng)
    explanation = (
        f"Each datapoint is one row of X, described by {features}: n = {n} features. With m = {m} "
        f"datapoints, X has shape (m, n) = {format_shape((m, n))}; one label per datapoint makes y of shape "
        f"(m,) = {format_shape((m,))}; and one row x = X[0] has shape (n,) = {format_shape((n,))}."
    )
    return Question(
        f"A data set holds {setting}. What is the shape of {asked}?",
        options,
        options.index(right),
        explanation,
        f"X, y = np.zeros({format_shape((m, n))}), np.zeros({format_shape((m,))}); "
        + {"X": "X.shape", "y": "y.shape", "x = X[0]": "X[0].shape"}[asked],
    )


def matmul_question(seed: int) -> Question:
    """Which shape does ``A @ B`` have? About one in four has inner sizes that differ."""
    rng = np.random.default_rng(seed)
    m, k, p = (int(n) for n in rng.integers(1, 7, size=3))
    k_b = k if rng.random() > 0.25 else int(k % 6 + 1)
    right = format_shape((m, p)) if k == k_b else MATMUL_ERROR
    distractors = {
        format_shape((m, k)),
        format_shape((k_b, p)),
        format_shape((p, m)),
        MATMUL_ERROR,
        format_shape((m, k, p)),
    }
    options = _options(right, distractors, rng)
    explanation = f"(m, k) @ (k, p) gives (m, p): the inner sizes {k} and {k_b} " + (
        f"match, so the result is {right}: one dot product per row of A and column of B."
        if k == k_b
        else "differ, so a row of A and a column of B have different lengths."
    )
    return Question(
        f"A has shape {format_shape((m, k))} and B has shape {format_shape((k_b, p))}. What is the shape of A @ B?",
        options,
        options.index(right),
        explanation,
        f"(np.ones({format_shape((m, k))}) @ np.ones({format_shape((k_b, p))})).shape",
    )


def dot_sign_question(seed: int) -> Question:
    """Is ``a · b`` positive, zero or negative? Small integer vectors in 2-D."""
    rng = np.random.default_rng(seed)
    a = rng.integers(-3, 4, size=2)
    while not a.any():
        a = rng.integers(-3, 4, size=2)
    kind = rng.integers(3)
    b = np.array([-a[1], a[0]]) * int(rng.integers(1, 3)) if kind == 0 else rng.integers(-3, 4, size=2)
    while kind != 0 and (not b.any()):
        b = rng.integers(-3, 4, size=2)
    dot = int(a @ b)
    right = "positive" if dot > 0 else "zero" if dot == 0 else "negative"
    terms = " + ".join(f"({x})·({y})" for x, y in zip(a, b))
    meaning = {
        "positive": "less than 90° (acute): they point roughly the same way",
        "zero": "exactly 90°: they are perpendicular",
        "negative": "more than 90°: they point apart",
    }[right]
    return Question(
        f"a = {_vec(a)} and b = {_vec(b)}. Is a · b positive, zero or negative?",
        ("positive", "zero", "negative"),
        ("positive", "zero", "negative").index(right),
        f"a · b = {terms} = {dot}, so the angle between them is {meaning}.",
        f"np.dot({_vec(a)}, {_vec(b)})",
    )


def angle_question(seed: int) -> Question:
    """Which angle lies between two 2-D vectors? One of 0, 45, 90, 135, 180 degrees."""
    rng = np.random.default_rng(seed)
    choices = (0, 45, 90, 135, 180)
    angle = int(rng.choice(choices))
    start = int(rng.integers(0, 8)) * 45
    a = _unit_grid_vector(start) * int(rng.integers(1, 3))
    b = _unit_grid_vector(start + angle) * int(rng.integers(1, 3))
    cos = float(a @ b) / float(np.linalg.norm(a) * np.linalg.norm(b))
    options = tuple(f"{c}°" for c in choices)
    return Question(
        f"a = {_vec(a)} and b = {_vec(b)}. What is the angle between them?",
        options,
        choices.index(angle),
        f"cos θ = a·b / (‖a‖‖b‖) = {format_number(a @ b)} / "
        f"({format_number(np.linalg.norm(a))} · {format_number(np.linalg.norm(b))}) = "
        f"{cos:.4f}, and arccos({cos:.4f}) = {angle}°.",
        "np.degrees(np.arccos(np.dot(a, b) / (np.linalg.norm(a) * np.linalg.norm(b))))",
    )


def outer_question(seed: int) -> Question:
    """What does ``np.outer(w, x)`` give: its shape, one of its rows, or how two rows compare?

    Small nonzero integers; w and x have different lengths, so (n, p) and (p, n) differ.
    """
    rng = np.random.default_rng(seed)
    n, p = (int(v) for v in rng.choice(np.arange(2, 6), size=2, replace=False))
    w = rng.choice(OUTER_VALUES, size=n, replace=False)  # distinct: a row and its neighbour differ
    x = rng.choice(OUTER_VALUES, size=p)
    asks = ("shape", "row", "multiple")[int(rng.integers(3))]
    if asks == "multiple":  # row r is k times row s
        s, r = (int(v) for v in rng.choice(n, size=2, replace=False))
        k = int(rng.choice([-3, -2, 2, 3]))
        w[s] = rng.choice([-2, -1, 1, 2])
        w[r] = k * w[s]
    given = f"w = {_vec(w)} and x = {_vec(x)}."
    call = f"np.outer({_vec(w)}, {_vec(x)})"
    if asks == "shape":
        right = format_shape((n, p))
        options = _options(right, {format_shape((p, n)), format_shape((n * p,)), format_shape(())}, rng)
        return Question(
            f"{given} What is the shape of np.outer(w, x)?",
            options,
            options.index(right),
            f"np.outer pairs each of the {n} numbers of w with each of the {p} numbers of x: one "
            f"row per w_i and one column per x_j, so the shape is {right}, {n * p} products. The "
            "lengths need not match, unlike np.dot.",
            f"{call}.shape",
        )
    if asks == "row":
        i = int(rng.integers(n))
        right = _vec(w[i] * x)
        slips = {
            _vec(w[i] + x),  # adding instead of multiplying
            _vec(w[i - 1 if i else 1] * x),  # the row next to it, as when counting from 1
            _vec(x),
        }  # x itself, not scaled
        if i < p:
            slips.add(_vec(w * x[i]))  # column i instead of row i
        options = _options(right, slips, rng)
        return Question(
            f"{given} What is row {i} of np.outer(w, x)? (Rows count from 0.)",
            options,
            options.index(right),
            f"Row {i} pairs w_{i} = {w[i]} with every x_j: {w[i]} × {_vec(x)} = {right}. Every row "
            "is a multiple of x (column j would be w times x_j), so the matrix has rank 1.",
            f"{call}[{i}]",
        )
    right = str(k)
    options = _options(right, {f"{'-' if k < 0 else ''}1/{abs(k)}", str(-k), str(w[r])}, rng)
    return Question(
        f"{given} Row {r} of np.outer(w, x) is how many times row {s}?",
        options,
        options.index(right),
        f"Row {r} is w_{r} × x = {w[r]} × x and row {s} is w_{s} × x = {w[s]} × x, so row {r} = "
        f"({w[r]} / {w[s]}) × row {s} = {k} × row {s}: {_vec(w[r] * x)} = {k} × {_vec(w[s] * x)}. "
        "Every row is a multiple of x, which is why w xᵀ has rank 1.",
        f"M = {call}; M[{r}] / M[{s}]",
    )


def fit_by_eye_score(mse: float, best_mse: float) -> float:
    """How close a hand-picked line is to the best one, from 0 to 100: ``100 · best MSE / MSE``.

    100 is the least-squares line itself; 50 means twice its mean squared error.
    """
    if mse <= 0:
        return 100.0
    return float(100.0 * min(1.0, best_mse / mse))


# ---------------------------------------------------------------- classification: loss and softmax
def logistic_loss_question(seed: int) -> Question:
    """Which of four labelled points pays the largest logistic loss under ``p = σ(w·x + b)``?

    Integer w, b and x keep ``h = w·x + b`` an integer a student can work out; the point
    whose h lies furthest on the wrong side of 0 for its class is unique, and at most 2 on
    the right side, so its loss stands out.
    """
    rng = np.random.default_rng(seed)
    w = int(rng.choice([-2, -1, 1, 2]))
    b = -w * int(rng.integers(2, 7))  # the boundary h = 0 sits at x = 2 .. 6
    all_right = rng.random() < 0.35  # then no point is misclassified: the answer is the least sure one
    while True:
        x = np.sort(rng.choice(9, size=4, replace=False))
        h = w * x + b
        y = (h > 0).astype(int) if all_right else rng.integers(0, 2, size=4)
        wrong_side = np.where(y == 1, -h, h)  # the loss ln(1 + e^wrong_side) grows with it
        ordered = np.sort(wrong_side)
        if ordered[-1] > ordered[-2] and ordered[-1] >= -2 and 0 < y.sum() < 4:
            break
    losses = losses_of_log_odds(h, y)
    worst = int(np.argmax(losses))
    options = tuple(f"x = {a}, y = {c}" for a, c in zip(x, y))
    p = sigmoid(h[worst])
    why = (
        "the model is sure of the wrong class: a confident mistake"
        if wrong_side[worst] >= 2
        else "it lies on the wrong side of the boundary"
        if wrong_side[worst] > 0
        else "the model cannot tell the classes apart there"
        if wrong_side[worst] == 0
        else "every point is on its own side of the boundary, and this one is the closest to it"
    )
    explanation = (
        f"h = w·x + b gives h = {_vec(h)}. A point of class 1 pays ln(1 + e^(−h)) and one of "
        "class 0 pays ln(1 + e^h): the further h lies on the wrong side of 0 for its class, the "
        f"more it pays. The losses are {', '.join(f'{v:.4f}' for v in losses)}. "
        f"{options[worst]} has p = σ({h[worst]}) = {p:.4f}; {why}."
    )
    sign = "+" if b >= 0 else "-"
    return Question(
        f"The model p = σ(w·x + b) has w = {w} and b = {b}. Which of these points pays the largest logistic loss?",
        options,
        worst,
        explanation,
        f"x, y = np.array({_vec(x)}), np.array({_vec(y)}); h = {w} * x {sign} {abs(b)}; "
        "np.argmax(y * np.logaddexp(0, -h) + (1 - y) * np.logaddexp(0, h))",
    )


def softmax_question(seed: int) -> Question:
    """Which Iris species do three class scores predict, and with what softmax probability?"""
    from core.iris import SPECIES

    rng = np.random.default_rng(seed)
    z = rng.integers(0, 4, size=3)
    while np.sum(z == z.max()) > 1:
        z = rng.integers(0, 4, size=3)
    e = np.exp(z - z.max())  # shown in the explanation
    p = softmax(z)
    top, second = (int(k) for k in np.argsort(z)[::-1][:2])
    slips = [
        (top, 1.0),  # the largest score taken as certainty
        (top, sigmoid(z[top])),  # σ of one score alone, as if there were two classes
        (top, z[top] / z.sum()),  # the scores shared out without e
        (second, p[second]),
    ]
    # A slip that lands within 0.05 of the answer would make two options right to the eye.
    distractors = {f"{SPECIES[k]}, p = {q:.2f}" for k, q in slips if k != top or abs(q - p[top]) >= 0.05}
    right = f"{SPECIES[top]}, p = {p[top]:.2f}"
    options = _options(right, distractors, rng)
    explanation = (
        f"Softmax turns scores into probabilities, p_k = e^(z_k) / Σ_j e^(z_j). Only the "
        f"differences count, so subtract the largest score: e^(z − {z.max()}) = "
        f"{_vec(np.round(e, 4))}, which sum to {e.sum():.4f}, so p = {_vec(np.round(p, 4))}. "
        f"The largest score wins (argmax: {SPECIES[top]}), and how sure the model is "
        "depends on the gaps between the scores."
    )
    return Question(
        f"A logistic regression gives one flower the scores z = {_vec(z)} for setosa, "
        "versicolor and virginica. Which species does it predict, and with what "
        "probability? (e ≈ 2.72, e² ≈ 7.39, e³ ≈ 20.1)",
        options,
        options.index(right),
        explanation,
        f"z = np.array({_vec(z)}); np.exp(z) / np.exp(z).sum()",
    )


def mse_question(seed: int) -> Question:
    """What is the MSE of a line on four points, or which of two lines has the lower MSE?

    Small integers throughout: w, b, x and the residuals, so the MSE is a quarter of a whole number.
    The distractors are the usual slips: not squaring, not dividing by m, the square root. The
    comparison sets a line through three points and far from the fourth against one near all four.
    """
    rng = np.random.default_rng(seed)
    x = np.sort(rng.choice(6, size=4, replace=False))
    w, b = int(rng.choice([-2, -1, 1, 2, 3])), int(rng.integers(-2, 4))
    if rng.random() < 0.5:  # the MSE of one line
        while True:
            r = rng.integers(-3, 4, size=4)
            right = float(np.mean(r * r))
            slips = {float(np.mean(r)), float(np.mean(np.abs(r))), float(np.sum(r * r)), float(np.sqrt(right))}
            if right > 0 and len(slips - {right}) >= 3:
                break
        y = w * x + b + r
        options = _options(format_number(right), {format_number(v) for v in slips}, rng)
        return Question(
            f"Four points: x = {_vec(x)} and y = {_vec(y)}. What is the MSE of the line {_line(w, b)}?",
            options,
            options.index(format_number(right)),
            f"The line predicts ŷ = {_vec(w * x + b)}, so the residuals y − ŷ are {_vec(r)}. Square them "
            f"({_vec(r * r)}), then take the mean over the m = 4 points: {int(np.sum(r * r))} / 4 = "
            f"{format_number(right)}. Without squaring the misses would cancel; without dividing by m "
            "the loss would grow with the number of points.",
            f"x, y = np.array({_vec(x)}), np.array({_vec(y)}); "
            f"np.mean((y - ({w} * x {'-' if b < 0 else '+'} {abs(b)})) ** 2)",
        )
    far, d = int(rng.integers(4)), int(rng.choice([-1, 1]))
    y = w * x + b + np.where(np.arange(4) == far, int(rng.choice([-4, -3, 3, 4])), 0)
    near, through = y - (w * x + b + d), y - (w * x + b)
    lines, residuals = [(w, b + d), (w, b)], [near, through]
    if rng.random() < 0.5:  # either line may come first
        lines, residuals = lines[::-1], residuals[::-1]
    names = tuple(_line(*line) for line in lines)
    sse = [int(np.sum(r * r)) for r in residuals]
    right = "the same MSE" if sse[0] == sse[1] else names[int(np.argmin(sse))]
    options = (*names, "the same MSE")
    lesson = (
        "The line through three points loses: squaring makes its one big miss cost more than the other "
        "line's small ones together."
        if np.sum(through * through) > np.sum(near * near)
        else "Here the line through three points wins: its one miss, squared, still costs less than the other "
        "line's misses together."
    )
    return Question(
        f"Four points: x = {_vec(x)} and y = {_vec(y)}. Which line has the lower MSE: {names[0]} or {names[1]}?",
        options,
        options.index(right),
        f"The residuals are {_vec(residuals[0])} for {names[0]} and {_vec(residuals[1])} for {names[1]}: "
        f"MSE {format_number(sse[0] / 4)} against {format_number(sse[1] / 4)}. "
        + (lesson if sse[0] != sse[1] else "Their squared misses add up to the same total."),
        f"x, y = np.array({_vec(x)}), np.array({_vec(y)}); "
        f"[np.mean((y - (w * x + b)) ** 2) for w, b in {[tuple(map(int, line)) for line in lines]}]",
    )


def _line(w: int, b: int) -> str:
    """``ŷ = 2x + 1``, ``ŷ = -x - 2``, ``ŷ = 3x``."""
    slope = {1: "x", -1: "-x"}.get(w, f"{w}x")
    return f"ŷ = {slope}" + (f" + {b}" if b > 0 else f" - {-b}" if b < 0 else "")


def network_params_question(seed: int) -> Question:
    """How many numbers does training adjust in a network of n inputs, k hidden units and one output?

    ``n·k + k + k + 1`` (W₁, b₁, w₂, b₂), or ``n + 1`` with no hidden layer; the distractors are
    the usual slips: the biases left out, one layer only, the output's bias forgotten.
    """
    from core.network import n_params

    rng = np.random.default_rng(seed)
    n = int(rng.integers(2, 5))
    k = 0 if rng.random() < 0.2 else int(rng.integers(1, 9))
    right = n_params(k, n)
    if k == 0:
        slips = {n, 2 * n, n + 2, 1}
        prompt = (
            f"A network takes n = {n} features and has no hidden layer: one neuron, p = σ(x · w + b). "
            "How many numbers (weights and biases) does training adjust?"
        )
        explanation = f"One weight per feature, w of shape ({n},), and one bias b: {n} + 1 = {right}. That is logistic regression."
        code = f"w, b = np.zeros({n}), np.zeros(1); w.size + b.size"
    else:
        slips = {n * k + k, (n + 1) * k, n * k + k + 1, n * k + 2 * k, n + k + 1, n * k}
        prompt = (
            f"A network takes n = {n} features, has a hidden layer of {k} unit{'s' if k > 1 else ''} and one "
            "output p = σ(h(x)). "
            "How many numbers (weights and biases) does training adjust?"
        )
        explanation = (
            f"W₁ has shape ({n}, {k}): {n * k} weights; b₁ one bias per hidden unit: {k}; w₂ one weight "
            f"from each hidden unit to the output: {k}; b₂ the output's bias: 1. In all "
            f"{n * k} + {k} + {k} + 1 = {right}."
        )
        code = f"W1, b1, w2, b2 = np.zeros(({n}, {k})), np.zeros({k}), np.zeros({k}), np.zeros(1); W1.size + b1.size + w2.size + b2.size"
    slips = {v for v in slips if v > 0 and v != right}
    slips |= {right + 1, right + 2, right - 1} if len(slips) < 3 else set()  # tiny networks: near misses
    options = _options(str(right), {str(v) for v in slips}, rng)
    return Question(prompt, options, options.index(str(right)), explanation, code)


def model_params_question(seed: int) -> Question:
    """How many parameters does a linear, polynomial, logistic or network model have for n features?

    The counts of ``core.models``; the distractors are the usual slips: the bias forgotten, the
    polynomial's cross terms forgotten (``n·d + 1``), or the network's biases left out.
    """
    from core.models import linear_params, logistic_params, network_params, polynomial_params

    rng = np.random.default_rng(seed)
    kind = str(rng.choice(["linear", "polynomial", "logistic", "network"]))
    n = int(rng.integers(1, 6))
    features = f"n = {n} feature{'s' if n > 1 else ''}"
    if kind in ("linear", "logistic"):
        right = linear_params(n) if kind == "linear" else logistic_params(n)
        model = "a linear model ŷ = wᵀx + b" if kind == "linear" else "a logistic model ŷ = σ(wᵀx + b)"
        slips = {n, 2 * n, n + 2, 2 * n + 1}
        explanation = f"One weight per feature, w of shape ({n},), and one bias b: {n} + 1 = {right}."
        if kind == "logistic":
            explanation += " The sigmoid adds no parameter: it only squeezes h(x) between 0 and 1."
        code = f"w, b = np.zeros({n}), np.zeros(1); w.size + b.size"
    elif kind == "polynomial":
        d = int(rng.integers(2, 4))
        right = polynomial_params(n, d)
        model = f"a polynomial model of degree d = {d} (every product of features of degree at most {d})"
        slips = {n * d + 1, n * d, right - 1, (n + 1) ** d, math.comb(n + d, d - 1)}
        explanation = (
            f"One coefficient per monomial of degree at most {d} in {n} feature{'s' if n > 1 else ''}, the "
            f"constant included: C(n + d, d) = C({n + d}, {d}) = {right}."
        )
        code = f"math.comb({n} + {d}, {d})"
    else:
        h = int(rng.integers(1, 7))
        right = network_params(n, h)
        model = f"a network with one hidden layer of h = {h} unit{'s' if h > 1 else ''} and one output"
        slips = {n * h + h, (n + 1) * h, n * h + h + 1, n * h + 2 * h, n + h + 1, n * h}
        explanation = (
            f"W₁ has shape ({n}, {h}): {n * h} weights; b₁: {h}; w₂: {h}; b₂: 1. "
            f"In all {n * h} + {h} + {h} + 1 = {right}."
        )
        code = f"W1, b1, w2, b2 = np.zeros(({n}, {h})), np.zeros({h}), np.zeros({h}), np.zeros(1); W1.size + b1.size + w2.size + b2.size"
    slips = {v for v in slips if v > 0 and v != right}
    slips |= {right + 1, right + 2, right - 1} - {0} if len(slips) < 3 else set()
    options = _options(str(right), {str(v) for v in slips}, rng)
    prompt = f"Data with {features}, and {model}. How many parameters does training adjust?"
    return Question(prompt, options, options.index(str(right)), explanation, code)


QUESTIONS = {
    "broadcast": broadcast_question,
    "reshape": reshape_question,
    "data_shape": data_shape_question,
    "matmul": matmul_question,
    "dot_sign": dot_sign_question,
    "angle": angle_question,
    "outer": outer_question,
    "logistic_loss": logistic_loss_question,
    "softmax": softmax_question,
    "mse": mse_question,
    "network_params": network_params_question,
    "model_params": model_params_question,
}


# The entries of w and x in outer-product questions: small, nonzero, so no row or column vanishes.
OUTER_VALUES = np.array([-3, -2, -1, 1, 2, 3, 4])

# The eight integer directions 45° apart, counter-clockwise from (1, 0).
DIRECTIONS_45 = np.array([(1, 0), (1, 1), (0, 1), (-1, 1), (-1, 0), (-1, -1), (0, -1), (1, -1)])


def _unit_grid_vector(degrees: int) -> np.ndarray:
    """The integer vector pointing at ``degrees`` (a multiple of 45): (1, 0), (1, 1), (0, 1), ..."""
    return DIRECTIONS_45[(degrees // 45) % 8]


def _vec(v) -> str:
    return "[" + ", ".join(format_number(x) for x in v) + "]"


def _aligned(shape_a, shape_b):
    ndim = max(len(shape_a), len(shape_b))
    a = (1,) * (ndim - len(shape_a)) + tuple(shape_a)
    b = (1,) * (ndim - len(shape_b)) + tuple(shape_b)
    return list(zip(a, b))


def _options(right: str, distractors: set[str], rng: np.random.Generator, count: int = 4) -> tuple[str, ...]:
    others = sorted(distractors - {right})
    rng.shuffle(others)
    options = [right] + others[: count - 1]
    rng.shuffle(options)
    return tuple(options)
