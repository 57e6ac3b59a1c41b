"""A neural network: the words of the page.

Notation as on the slides and the other pages: m data points, n = 2 features x₁ and x₂, the score
h(x) and p = σ(h(x)); the hidden units' activations are a₁ … a_k. Code counts from 0.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from app.lessons.grammar import count
from core import network as nw
from core.text import format_number

TITLE = "A network of neurons"
INTRO = (
    "One **neuron** (inputs times weights, plus a bias, through the sigmoid) is logistic regression, with a "
    "straight boundary. A **hidden layer** of two or more neurons can bend it (with one hidden unit it is "
    "still straight)."
)
IDEAS = ["Training the network", "What the network computes", "What to notice", "Predict, then check", "The NumPy code"]

STEPS_LABEL = "Gradient-descent steps"
STEPS_HELP = (
    "Arrow keys: the next sampled step (1, 2, 3 … 1000, 1200 …, denser at the start, where training "
    "moves fastest); PageUp / PageDown: 5 of them; Home / End: 0 and 2000. ▶ Play replays the training."
)
RESET = "Reset to step 0"
RESET_HELP = "Back to the random starting weights, before any step; ▶ Play then replays the training."
SETUP_TITLE = "The network and the data"
HIDDEN_LABEL = "Hidden units"
HIDDEN_HELP = (
    "0 leaves one neuron: logistic regression, a straight boundary. 1 unit still draws a straight boundary "
    "(p ≥ 0.5 is one threshold on its sum z); 2 to 8 units can bend it."
)
ACTIVATION_LABEL = "Activation of the hidden units"
ACTIVATION_HELP = "tanh: a smooth S from -1 to 1. relu: max(0, z), a kink at 0."
LR_LABEL = "Learning rate η"
LR_HELP = "The size of each step, θ ← θ − η ∂L/∂θ. Too small: slow. Too large: the loss jumps up or blows up."
DATASET_LABEL = "Data"
DATASET_HELP = "Two half moons, or a small circle inside a large one: scikit-learn's make_moons, make_circles."
NOISE_LABEL = "Noise"
NOISE_HELP = "How far the points scatter from the moons or circles (the standard deviation of the noise)."
SEED_LABEL = "Seed"
SEED_HELP = "Draws the points and the network's starting weights."
LOSS_HELP = "The mean of −y ln p − (1 − y) ln(1 − p) over the 200 points, as on the logistic page: 0 is perfect."
ACCURACY_HELP = "The share of points on the correct side of the boundary (p ≥ 0.5 counts as class 1)."
COMPUTES_TITLE = "What the network computes"
NOTICE_TITLE = "What to notice"
TABLE_TITLE = "Every weight and bias at this step (the network as a table)"
BACKPROP = (
    "**Training** is gradient descent on the mean logistic loss L of the logistic page, "
    "θ ← θ − η ∂L/∂θ for every weight and bias θ at once, here on all m = 200 points at every step. "
    "**Backpropagation** finds every ∂L/∂θ with the chain rule, from the loss back: each point's "
    "(p − y)/m is how L changes with its score h(x); the output weights get it times the hidden "
    "activations, and each hidden unit gets its share, times its output weight and its activation's slope."
)


def readout(step: int, loss: float, accuracy: float, taken: int) -> str:
    """The live readout beside the steps slider."""
    stopped = f" (training stopped at step {taken}: it diverged)" if step > taken else ""
    return f"step {step}{stopped} · mean logistic loss {format_number(loss, 4)} · accuracy {format_number(accuracy, 4)}"


def diverged(lr: float, taken: int) -> str:
    """The error that teaches when training blew up."""
    return (
        f"At learning rate η = {format_number(lr)} training diverged: after step {taken} the weights grew "
        "without bound, so it stopped there. Choose a smaller learning rate."
    )


def descriptions(hidden: int, activation: str, step: int, loss: float, accuracy: float) -> list[str]:
    """The three pictures in words (their text alternatives)."""
    layers = (
        f"2 inputs, {count(hidden, activation + ' hidden unit')} and one output"
        if hidden
        else "2 inputs and one output"
    )
    return [
        f"Decision regions after {count(step, 'step')}: the 200 points of the two classes, and where the network "
        f"says class 1 (p ≥ 0.5); accuracy {format_number(accuracy, 4)}.",
        f"The network: {layers}; each edge is a weight, wide when large, solid for positive, dashed for negative.",
        f"The mean logistic loss over 2000 steps, now {format_number(loss, 4)} at step {step}.",
    ]


def parameter_count(hidden: int) -> str:
    """How many numbers training adjusts, counted from the shapes."""
    if hidden == 0:
        return f"One neuron has **{nw.n_params(0)}** numbers to learn: the weights w (2,) and the bias b."
    return (
        f"This network has 2·{hidden} + {hidden} + {hidden} + 1 = **{nw.n_params(hidden)}** numbers to learn: "
        f"W₁ of shape (2, {hidden}), b₁ ({hidden},), w₂ ({hidden},) and the output's bias b₂."
    )


def formula(hidden: int, activation: str) -> str:
    """The forward pass in LaTeX, for one point x = (x₁, x₂)."""
    if hidden == 0:
        return (
            r"\begin{gathered} h(\mathbf{x}) = \mathbf{x} \cdot \mathbf{w} + b \\ "
            r"p = \sigma(h(\mathbf{x})) = \frac{1}{1 + e^{-h(\mathbf{x})}} \end{gathered}"
        )
    f = r"\tanh" if activation == "tanh" else r"\operatorname{relu}"
    return (  # one line each: a phone's width holds them
        rf"\begin{{gathered}} \mathbf{{a}} = {f}(\mathbf{{x}} W_1 + \mathbf{{b}}_1) \\ "
        r"h(\mathbf{x}) = \mathbf{a} \cdot \mathbf{w}_2 + b_2 \\ p = \sigma(h(\mathbf{x})) \end{gathered}"
    )


# On two lines: on one it was as wide as a phone.
LOSS_FORMULA = (
    r"\begin{aligned} L &= \frac{1}{m} \sum_{i=1}^{m} \Big[ -y^{(i)} \ln p^{(i)} \\ "
    r"&\qquad - (1 - y^{(i)}) \ln(1 - p^{(i)}) \Big] \end{aligned}"
)


def shapes_sentence(hidden: int, activation: str) -> str:
    """What each part of the formula is, with its shape."""
    if hidden == 0:
        return (
            "x = (x₁, x₂) is one point, n = 2 features; w holds one weight per feature. The boundary "
            "p = 0.5 is where h(x) = 0: the straight line w₁x₁ + w₂x₂ + b = 0."
        )
    kind = "tanh(z), from −1 to 1" if activation == "tanh" else "relu(z) = max(0, z)"
    sums = "the hidden unit's sum z" if hidden == 1 else f"the {hidden} hidden units' sums z"
    return (
        f"x = (x₁, x₂) is one point, n = 2 features; x W₁ + b₁ gives {sums}, "
        f"{'zero along a line' if hidden == 1 else 'each zero along a line of its own'}, and {kind} bends "
        f"{'it' if hidden == 1 else 'each'}. The output is one neuron again, on the "
        f"{count(hidden, 'activation')} a instead of on x. For all m points at once X has shape "
        f"(200, 2) and A = f(X W₁ + b₁) shape (200, {hidden})."
    )


def weights_table(params: nw.Params) -> pd.DataFrame:
    """Every weight and bias of ``params`` with the nodes it joins and its name in the code."""
    names = [f"x{i}" for i in "₁₂"]
    units = [f"a{'₁₂₃₄₅₆₇₈'[k]}" for k in range(params.hidden)]
    rows = []
    if params.hidden == 0:
        rows += [(names[j], "p", params.w2[j], f"w[{j}]") for j in range(2)]
        rows.append(("bias", "p", params.b2, "b"))
    else:
        rows += [(names[j], units[k], params.W1[j, k], f"W1[{j}, {k}]") for j, k in np.ndindex(*params.W1.shape)]
        rows += [("bias", units[k], params.b1[k], f"b1[{k}]") for k in range(params.hidden)]
        rows += [(units[k], "p", params.w2[k], f"w2[{k}]") for k in range(params.hidden)]
        rows.append(("bias", "p", params.b2, "b2"))
    return pd.DataFrame(
        [(a, b, format_number(v, 4), code) for a, b, v, code in rows],
        columns=["from", "to", "value", "in the code (counts from 0)"],
    )


def structure_notice(hidden: int, activation: str, dataset: str, best_line: float) -> str:
    """What the network can draw: a line with one neuron or one hidden unit, a bent boundary with more."""
    best = format_number(best_line, 4)
    if hidden == 0:
        return (
            "With no hidden layer this is **one neuron**, logistic regression on two features: its boundary "
            f"is a straight line, and no line separates the {dataset}. The lowest loss logistic regression "
            f"reaches here is {best}."
        )
    if hidden == 1:
        return (
            "With **one hidden unit** the boundary is still a straight line: the unit computes one sum "
            f"z = w₁x₁ + w₂x₂ + b of x₁ and x₂, {activation} never reverses the order of z, and "
            "the output turns it into p, so p ≥ 0.5 is one threshold on z: a line (or no boundary at all). The unit can only shape how "
            "fast p changes across that line; a second unit gives a second line to bend the boundary with."
        )
    unit = f"Each of the {hidden} hidden units computes its own sum z of x₁ and x₂, zero along a line of its own, "
    if activation == "tanh":
        return unit + (
            f"and bends it smoothly with tanh; the output neuron adds the {hidden} bent pieces with its weights, "
            "so the boundary p = 0.5 can curve."
        )
    return unit + (
        f"and cuts it off below zero with relu, a kink along that line; the output neuron adds the {hidden} "
        "pieces with its weights, so the boundary p = 0.5 bends in straight pieces joined at corners."
    )


LN2 = float(np.log(2))


def training_notice(
    step: int, taken: int, lr: float, loss: float, start_loss: float, best_line: float, hidden: int
) -> str:
    """Where training stands at ``step``: not started, diverged, overshooting, past logistic regression, or not."""
    shown, best = format_number(loss, 4), format_number(best_line, 4)
    if step == 0:
        coin = "what p = 0.5 for every point would give"
        if abs(loss - LN2) < 0.01:
            start = f"the loss {shown} is close to ln 2 = 0.6931, {coin}"
        elif loss > LN2:
            start = f"the loss {shown} is above ln 2 = 0.6931, {coin}: on average they lean the points the wrong way"
        else:
            start = (
                f"the loss {shown} is already below ln 2 = 0.6931, {coin}: by chance they lean the points the right way"
            )
        return f"At step 0 the weights are random and {start}. Press ▶ Play or move the steps slider."
    if step > taken:
        return (
            f"At η = {format_number(lr)} the steps are far too large: after step {taken} the weights blew up "
            "and training stopped (it diverged). The pictures stay at that step: try a smaller learning rate."
        )
    if loss > start_loss:
        return (
            f"The loss {shown} is higher than at the start ({format_number(start_loss, 4)}): at "
            f"η = {format_number(lr)} each step overshoots the valley it aims for. A smaller learning rate descends."
        )
    if loss < best_line - 0.005:
        if hidden == 1:
            return (
                f"The loss {shown} is below {best}, the lowest logistic regression reaches on these points, "
                "yet the boundary is still a straight line: one hidden unit changes how p rises across the line, "
                "not the line's shape. Two or more units can bend it."
            )
        return (
            f"The loss {shown} is below {best}, the lowest logistic regression (a straight boundary) reaches on "
            "these points: the hidden layer's bend pays off."
        )
    if hidden == 0:
        return (
            f"The loss {shown} is at best {best}, the lowest logistic regression reaches: one neuron can go no lower."
        )
    return (
        f"The loss {shown} is no better than logistic regression's {best}: so far the hidden units "
        "draw what one neuron would. More steps, a larger learning rate or another seed can find the bend."
    )


ACCURACY_NOTICE = (
    "Accuracy counts the points on the correct side of the boundary; the loss also asks how sure the "
    "network is of each point, so it keeps falling after the accuracy stops changing. Gradient descent "
    "follows the loss: the accuracy is flat almost everywhere, with no slope to follow."
)


def code(dataset: str, noise: float, seed: int, hidden: int, activation: str, lr: float, steps: int) -> str:
    """The NumPy code that trains the same network and prints the page's figures."""
    maker = (
        f"make_moons(n_samples={nw.N_POINTS}, noise={format_number(noise)}, random_state={seed})"
        if dataset == "moons"
        else f"make_circles(n_samples={nw.N_POINTS}, noise={format_number(noise)}, factor=0.5, random_state={seed})"
    )
    head = f"""
        import numpy as np
        from scipy.special import expit  # σ(h) = 1 / (1 + e^-h), without overflow
        from sklearn.datasets import make_{dataset}

        X, y = {maker}
        m, n = X.shape  # {nw.N_POINTS} points, 2 features
        lr, steps = {format_number(lr)}, {steps}
        rng = np.random.default_rng({seed})  # the same seed draws the starting weights
    """
    if hidden == 0:
        body = """
        w = rng.normal(0, 1 / np.sqrt(n), size=n)  # one neuron: logistic regression
        b = 0.0
        for step in range(steps):
            p = expit(X @ w + b)
            delta = (p - y) / m  # ∂L/∂h(x) for each point
            w, b = w - lr * (X.T @ delta), b - lr * delta.sum()

        h = X @ w + b  # the score h(x) of each point
        units = 0
    """
    else:
        act, slope = (
            ("np.tanh(X @ W1 + b1)", "(1 - A**2)")
            if activation == "tanh"
            else ("np.maximum(X @ W1 + b1, 0)", "(A > 0)")
        )
        body = f"""
        units = {hidden}
        W1 = rng.normal(0, 1 / np.sqrt(n), size=(n, units))  # inputs -> hidden units
        b1 = np.zeros(units)
        w2 = rng.normal(0, 1 / np.sqrt(units), size=units)  # hidden units -> output
        b2 = 0.0


        def forward(X):
            A = {act}  # the hidden units' activations, (m, units)
            return A, A @ w2 + b2  # and the score h(x) of each point, (m,)


        for step in range(steps):
            A, h = forward(X)
            delta = (expit(h) - y) / m  # ∂L/∂h(x) for each point
            dZ = np.outer(delta, w2) * {slope}  # back through the activation: ∂L/∂z
            W1, b1 = W1 - lr * (X.T @ dZ), b1 - lr * dZ.sum(axis=0)
            w2, b2 = w2 - lr * (A.T @ delta), b2 - lr * delta.sum()

        A, h = forward(X)
    """
    tail = """
        p = expit(h)
        # -ln p = ln(1 + e^-h) and -ln(1 - p) = ln(1 + e^h): log-sum-exp, never log(0)
        loss = np.mean(y * np.logaddexp(0, -h) + (1 - y) * np.logaddexp(0, h))
        accuracy = np.mean((p >= 0.5) == y)
        print(f"mean logistic loss = {loss:.4e}" if loss >= 1e9 else f"mean logistic loss = {loss:.4f}")
        print(f"accuracy = {accuracy:.4f}")
        print("hidden units =", units)
    """
    return head + body + tail
