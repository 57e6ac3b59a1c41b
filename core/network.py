"""A neural network with one hidden layer, for points of two features and two classes.

The forward pass, for inputs ``X`` of shape (m, d) (d = 2 features on the page):

- hidden layer: ``Z = X W1 + b1`` and ``A = f(Z)``, with ``W1`` (d, h), ``b1`` (h,) and the
  activation ``f`` = ``tanh`` or ``relu`` (``max(0, z)``), applied to each number;
- output: the log-odds ``z = A w2 + b2`` and ``p = σ(z)``, with ``w2`` (h,) and ``b2`` a number.

With ``h = 0`` there is no hidden layer: ``z = X w2 + b2`` with ``w2`` (d,), which is logistic
regression. The loss is the mean logistic loss of :mod:`core.logistic`, computed from ``z``.
The gradients are written out by hand (backpropagation, the chain rule from the loss back to
each weight) and checked against finite differences in the tests.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from core.logistic import losses_of_log_odds, sigmoid

DATASETS = ("moons", "circles")
ACTIVATIONS = ("tanh", "relu")
MAX_HIDDEN = 8


@dataclass(frozen=True, eq=False)  # arrays inside: compared and hashed by identity
class Params:
    """The weights of the network; ``hidden = 0`` leaves ``W1`` of shape (d, 0) and ``b1`` of shape (0,)."""

    W1: np.ndarray  # (d, h): input j -> hidden unit k
    b1: np.ndarray  # (h,)
    w2: np.ndarray  # (h,), or (d,) when h = 0: into the output
    b2: float

    @property
    def hidden(self) -> int:
        """The number of hidden units ``h``."""
        return self.W1.shape[1]

    @property
    def n_features(self) -> int:
        """The number of input features ``d``."""
        return self.W1.shape[0]


@dataclass(frozen=True, eq=False)  # arrays inside: compared and hashed by identity
class Training:
    """The result of :func:`train`: the weights and the loss before and after each step.

    ``history[k]`` holds the weights after step ``k`` as :func:`to_vector` lays them out
    (``history[0]`` is the start) and ``losses[k]`` their mean logistic loss; ``params`` are the
    last ones. ``diverged`` is true when a step made a weight or the loss non-finite, or the
    loss grew past ``1e12`` times its start (as :func:`core.optimize.gradient_descent` says):
    the learning rate was too large. The path stops before that step, so every number here is
    finite and ``len(losses) - 1`` is the number of steps taken.
    """

    history: np.ndarray  # (steps_done + 1, n_params)
    losses: np.ndarray  # (steps_done + 1,)
    diverged: bool
    hidden: int
    n_features: int = 2

    @property
    def steps(self) -> int:
        """The number of steps taken (fewer than asked when training diverged)."""
        return len(self.losses) - 1

    @property
    def params(self) -> Params:
        """The weights after the last step taken."""
        return self.params_at(self.steps)

    def params_at(self, step: int) -> Params:
        """The weights after ``step`` steps (0 is the start), without training again."""
        return from_vector(self.history[step].copy(), self.hidden, self.n_features)


def moons(n: int = 200, noise: float = 0.2, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Two interleaving half circles: scikit-learn's ``make_moons(n, noise=noise, random_state=seed)``.

    Returns ``X`` of shape (n, 2) and the classes ``y`` of shape (n,), 0 or 1. No straight line
    separates them: a hidden layer is needed.

    >>> X, y = moons(6, 0.0, 0)
    >>> X.shape, y.shape, sorted(set(y.tolist()))
    ((6, 2), (6,), [0, 1])
    """
    from sklearn.datasets import make_moons

    return make_moons(n_samples=n, noise=noise, random_state=seed)


def circles(n: int = 200, noise: float = 0.2, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """A small circle inside a large one: ``make_circles(n, noise=noise, factor=0.5, random_state=seed)``.

    Class 1 is the inner circle (radius 0.5), class 0 the outer one (radius 1).
    """
    from sklearn.datasets import make_circles

    return make_circles(n_samples=n, noise=noise, factor=0.5, random_state=seed)


def make_data(dataset: str, n: int = 200, noise: float = 0.2, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """The points of ``dataset``, ``"moons"`` or ``"circles"``."""
    if dataset not in DATASETS:
        raise ValueError(f"dataset is one of {', '.join(DATASETS)}, not {dataset!r}")
    return (moons if dataset == "moons" else circles)(n, noise, seed)


def init_params(hidden: int, seed: int = 0, n_features: int = 2) -> Params:
    """Small random weights to start from, drawn from ``np.random.default_rng(seed)``.

    ``W1 ~ Normal(0, 1/d)`` and ``w2 ~ Normal(0, 1/h)`` (``1/d`` when ``h = 0``), the biases 0:
    each unit's input starts with a variance near 1, so ``tanh`` is neither flat nor linear.

    >>> p = init_params(3, seed=0)
    >>> p.W1.shape, p.b1.shape, p.w2.shape, p.b2
    ((2, 3), (3,), (3,), 0.0)
    >>> init_params(0).w2.shape
    (2,)
    """
    if not 0 <= hidden <= MAX_HIDDEN:
        raise ValueError(f"hidden is 0 to {MAX_HIDDEN} units, not {hidden}")
    rng = np.random.default_rng(seed)
    W1 = rng.normal(0.0, 1.0 / np.sqrt(n_features), size=(n_features, hidden))
    fan_in = hidden if hidden else n_features
    w2 = rng.normal(0.0, 1.0 / np.sqrt(fan_in), size=fan_in)
    return Params(W1, np.zeros(hidden), w2, 0.0)


def activate(Z, activation: str) -> np.ndarray:
    """The activation of each number: ``tanh(z)``, or ``relu(z) = max(0, z)``.

    >>> activate(np.array([-1.0, 0.0, 2.0]), "relu")
    array([0., 0., 2.])
    """
    if activation == "tanh":
        return np.tanh(Z)
    if activation == "relu":
        return np.maximum(Z, 0.0)
    raise ValueError(f"activation is one of {', '.join(ACTIVATIONS)}, not {activation!r}")


def activation_slope(A, activation: str) -> np.ndarray:
    """The derivative ``f'(z)``, written with the output ``a = f(z)``: ``1 - a²`` for tanh,
    ``1 if a > 0 else 0`` for relu (the slope at ``z = 0`` is taken as 0).

    >>> activation_slope(np.array([0.0, 0.5]), "tanh")
    array([1.  , 0.75])
    """
    if activation == "tanh":
        return 1.0 - A * A
    if activation == "relu":
        return (A > 0).astype(float)
    raise ValueError(f"activation is one of {', '.join(ACTIVATIONS)}, not {activation!r}")


def log_odds(params: Params, X, activation: str = "tanh") -> tuple[np.ndarray, np.ndarray]:
    """The hidden activations ``A = f(X W1 + b1)`` (m, h) and the log-odds ``z = A w2 + b2`` (m,).

    With no hidden layer, ``A`` has shape (m, 0) and ``z = X w2 + b2``.
    """
    X = np.asarray(X, dtype=float)
    if params.hidden == 0:
        return np.empty((len(X), 0)), X @ params.w2 + params.b2
    A = activate(X @ params.W1 + params.b1, activation)
    return A, A @ params.w2 + params.b2


def forward(params: Params, X, activation: str = "tanh") -> tuple[np.ndarray, np.ndarray]:
    """The forward pass: the hidden activations ``A`` (m, h) and the probabilities ``p = σ(z)`` (m,).

    >>> params = Params(np.array([[1.0], [0.0]]), np.array([0.0]), np.array([2.0]), 0.0)
    >>> A, p = forward(params, np.array([[0.0, 5.0]]))
    >>> A.tolist(), p.tolist()
    ([[0.0]], [0.5])
    """
    A, z = log_odds(params, X, activation)
    return A, sigmoid(z)


def loss(params: Params, X, y, activation: str = "tanh") -> float:
    """The mean logistic loss, ``L = (1/m) Σ [-y ln p - (1 - y) ln(1 - p)]``, from the log-odds
    by :func:`core.logistic.losses_of_log_odds` (finite for every finite weight).

    All weights 0 give ``p = 0.5`` everywhere, so ``L = ln 2``:

    >>> round(loss(from_vector(np.zeros(3), hidden=0), np.ones((3, 2)), [0, 1, 1]), 6)
    0.693147
    """
    return float(np.mean(losses_of_log_odds(log_odds(params, X, activation)[1], y)))


def gradients(params: Params, X, y, activation: str = "tanh") -> Params:
    """``∂L/∂`` each weight, by backpropagation; returned in a :class:`Params` of the same shapes.

    From the loss back, with ``δ = (p - y) / m`` (m,), the gradient of ``L`` with respect to ``z``:

    - ``∂L/∂w2 = Aᵀ δ`` and ``∂L/∂b2 = Σ δ`` (``Xᵀ δ`` in place of ``Aᵀ δ`` with no hidden layer);
    - ``∂L/∂Z = (δ w2ᵀ) ⊙ f'(Z)``, each hidden unit's share of the blame (m, h);
    - ``∂L/∂W1 = Xᵀ ∂L/∂Z`` and ``∂L/∂b1 = Σ_rows ∂L/∂Z``.
    """
    X = np.asarray(X, dtype=float)
    A, z = log_odds(params, X, activation)
    delta = (sigmoid(z) - np.asarray(y, dtype=float)) / len(X)
    if params.hidden == 0:
        return Params(params.W1 * 0.0, params.b1 * 0.0, X.T @ delta, float(delta.sum()))
    dZ = np.outer(delta, params.w2) * activation_slope(A, activation)
    return Params(X.T @ dZ, dZ.sum(axis=0), A.T @ delta, float(delta.sum()))


def predict(params: Params, X, activation: str = "tanh", threshold: float = 0.5) -> np.ndarray:
    """The predicted class, ``1 if p >= threshold else 0``."""
    return (forward(params, X, activation)[1] >= threshold).astype(int)


def accuracy(params: Params, X, y, activation: str = "tanh", threshold: float = 0.5) -> float:
    """The share of points whose predicted class equals their class, ``(1/m) Σ [ŷ = y]``."""
    return float(np.mean(predict(params, X, activation, threshold) == np.asarray(y)))


def train(params: Params, X, y, lr: float, steps: int, activation: str = "tanh") -> Training:
    """Full-batch gradient descent, ``θ ← θ - lr · ∂L/∂θ`` for every weight, ``steps`` times.

    The arithmetic of :func:`forward` and :func:`gradients`, written for speed (2000 steps on
    200 points in a few tens of milliseconds): ``b1`` rides along with ``W1`` as a column of
    ones (``Z = [X 1] [W1; b1]``), the mean's ``1/m`` is folded into the step, each step's
    weights are a row of ``history``, and the losses are computed at the end from every step's
    log-odds by :func:`core.logistic.losses_of_log_odds`. Divergence never raises: see
    :class:`Training`. The starting weights must be finite.

    >>> X, y = moons(40, 0.1, 0)
    >>> run = train(init_params(3, 0), X, y, lr=1.0, steps=200)
    >>> run.losses.shape, bool(run.losses[-1] < run.losses[0]), run.diverged
    ((201,), True, False)
    """
    if activation not in ACTIVATIONS:
        raise ValueError(f"activation is one of {', '.join(ACTIVATIONS)}, not {activation!r}")
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    m, d, h = X.shape[0], X.shape[1], params.hidden
    X1 = np.column_stack([X, np.ones(m)])  # (m, d + 1): the bias b1 rides along as a column of ones
    X1T = np.ascontiguousarray(X1.T)
    history = np.empty((steps + 1, n_params(h, d)))
    history[0] = to_vector(params)
    if not np.all(np.isfinite(history[0])):
        raise ValueError("the starting weights must be finite numbers")
    log_odds_seen = np.empty((steps + 1, m))
    gradient = np.empty(history.shape[1])
    k = (d + 1) * h  # the vector holds [W1; b1] row by row, then w2, then b2
    step_size = lr / m  # θ ← θ - (lr/m)·Σ(...): the mean's 1/m folded into the step
    with np.errstate(over="ignore", invalid="ignore"):
        for step in range(steps + 1):
            theta = history[step]
            if h:
                A = np.dot(X1, theta[:k].reshape(d + 1, h))  # Z = X W1 + b1, then A = f(Z) in place
                np.tanh(A, out=A) if activation == "tanh" else np.maximum(A, 0.0, out=A)
                z = np.dot(A, theta[k:-1], out=log_odds_seen[step])
            else:
                A = X
                z = np.dot(X, theta[:-1], out=log_odds_seen[step])
            z += theta[-1]
            if step == steps:
                break
            error = sigmoid(z)
            error -= y  # p - y, which is m·∂L/∂z
            np.dot(error, A, out=gradient[k:-1])
            gradient[-1] = error.sum()
            if h:
                if activation == "tanh":
                    dZ = np.multiply(A, A)
                    np.subtract(1.0, dZ, out=dZ)  # f'(Z) = 1 - A²
                else:
                    dZ = np.greater(A, 0.0).astype(float)  # f'(Z) = [A > 0]
                dZ *= error[:, None]
                dZ *= theta[k:-1]  # m·∂L/∂Z = (p - y) w2ᵀ ⊙ f'(Z)
                np.dot(X1T, dZ, out=gradient[:k].reshape(d + 1, h))
            gradient *= step_size
            np.subtract(theta, gradient, out=history[step + 1])
        losses = np.mean(losses_of_log_odds(log_odds_seen, y), axis=1)
        limit = max(abs(losses[0]), 1.0) * 1e12
        good = np.isfinite(history).all(axis=1) & np.isfinite(losses) & (losses <= limit)
    bad = np.flatnonzero(~good)
    done = max(int(bad[0]) - 1, 0) if bad.size else steps
    return Training(history[: done + 1].copy(), losses[: done + 1].copy(), bool(bad.size), h, d)


def decision_grid(
    params: Params,
    activation: str,
    x_range: tuple[float, float],
    y_range: tuple[float, float],
    size: int = 100,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The probability ``p`` of class 1 at every point of a ``size × size`` grid (decision regions).

    Returns ``xs`` (size,), ``ys`` (size,) and ``P`` of shape (size, size), row ``i`` at
    ``ys[i]`` and column ``j`` at ``xs[j]``, as a heatmap draws it. The boundary is ``P = 0.5``.

    >>> xs, ys, P = decision_grid(init_params(2, 0), "tanh", (-1.0, 1.0), (0.0, 2.0), size=5)
    >>> xs.tolist(), P.shape
    ([-1.0, -0.5, 0.0, 0.5, 1.0], (5, 5))
    """
    xs, ys = np.linspace(*x_range, size), np.linspace(*y_range, size)
    gx, gy = np.meshgrid(xs, ys)
    _, p = forward(params, np.column_stack([gx.ravel(), gy.ravel()]), activation)
    return xs, ys, p.reshape(size, size)


def to_vector(params: Params) -> np.ndarray:
    """All weights in one vector, ``(W1 row by row, b1, w2, b2)``, for a generic optimiser or check."""
    return np.concatenate([params.W1.ravel(), params.b1, params.w2, [params.b2]])


def from_vector(theta, hidden: int, n_features: int = 2) -> Params:
    """The :class:`Params` that :func:`to_vector` flattened."""
    theta = np.asarray(theta, dtype=float)
    k = n_features * hidden
    fan_in = hidden if hidden else n_features
    W1 = theta[:k].reshape(n_features, hidden)
    b1 = theta[k : k + hidden]
    w2 = theta[k + hidden : k + hidden + fan_in]
    return Params(W1, b1, w2, float(theta[k + hidden + fan_in]))


def n_params(hidden: int, n_features: int = 2) -> int:
    """How many numbers training adjusts: ``d·h + h + h + 1``, or ``d + 1`` with no hidden layer.

    >>> n_params(3), n_params(0)
    (13, 3)
    """
    return n_features * hidden + 2 * hidden + 1 if hidden else n_features + 1


# ---------------------------------------------------------------- a training sampled along the way
MAX_STEPS = 2000
N_POINTS = 200
# Training changes fastest at first, so the sampled steps thin out as they grow (1-2-3-4-5-6-8 per
# decade): 36 of them from 0 to 2000.
STEP_GRID = (0, 1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 20, 25, 30, 40, 50, 60, 80, 100, 120, 150, 200)
STEP_GRID += (250, 300, 400, 500, 600, 700, 800, 900, 1000, 1200, 1400, 1600, 1800, 2000)


def experiment(
    dataset: str, noise: float, seed: int, hidden: int, activation: str, lr: float, steps: int = MAX_STEPS
) -> tuple[np.ndarray, np.ndarray, Training]:
    """The page's whole run: :data:`N_POINTS` points of ``dataset``, weights from ``init_params(hidden, seed)``
    (the same seed draws the points and the weights), trained ``steps`` times at learning rate ``lr``.

    >>> X, y, run = experiment("moons", 0.2, 0, 3, "tanh", 1.0, steps=10)
    >>> X.shape, run.steps, round(float(run.losses[0]), 4)
    ((200, 2), 10, 0.6873)
    """
    X, y = make_data(dataset, N_POINTS, noise, seed)
    return X, y, train(init_params(hidden, seed), X, y, lr, steps, activation)


def step_positions(step: int | None = None) -> tuple[int, ...]:
    """The steps at which training is sampled (:data:`STEP_GRID`), with ``step`` among them.

    >>> step_positions()[:8], step_positions(37)[13:16]
    ((0, 1, 2, 3, 4, 5, 6, 8), (30, 37, 40))
    """
    if step is None or step in STEP_GRID:
        return STEP_GRID
    return tuple(sorted({*STEP_GRID, int(step)}))


def _params_at_many(training: Training, steps) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """``W1`` (k, d, h), ``b1`` (k, h), ``w2`` (k, fan_in) and ``b2`` (k,) after each of ``steps``,
    each capped at the steps taken."""
    theta = training.history[np.minimum(np.asarray(steps, dtype=int), training.steps)]
    d, h = training.n_features, training.hidden
    k = d * h
    fan_in = h if h else d
    W1 = theta[:, :k].reshape(len(theta), d, h)
    return W1, theta[:, k : k + h], theta[:, k + h : k + h + fan_in], theta[:, -1]


def probabilities_at(training: Training, X, activation: str, steps) -> np.ndarray:
    """``p = σ(z)`` of every row of ``X`` with the weights after each of ``steps``: shape (len(steps), m).

    All steps at once (one ``einsum`` per layer); a step past the last one taken gives the last
    weights. Equal to :func:`forward` with ``training.params_at(step)``, row by row.
    """
    X = np.asarray(X, dtype=float)
    W1, b1, w2, b2 = _params_at_many(training, steps)
    if training.hidden == 0:
        z = np.einsum("md,kd->km", X, w2)
    else:
        A = activate(np.einsum("md,kdh->kmh", X, W1) + b1[:, None, :], activation)
        z = np.einsum("kmh,kh->km", A, w2)
    return sigmoid(z + b2[:, None])


def accuracies_at(training: Training, X, y, activation: str, steps) -> np.ndarray:
    """The accuracy after each of ``steps`` (p ≥ 0.5 counts as class 1), shape (len(steps),)."""
    predicted = probabilities_at(training, X, activation, steps) >= 0.5
    return np.mean(predicted == np.asarray(y)[None, :], axis=1)


def decision_grids(
    training: Training,
    activation: str,
    x_range: tuple[float, float],
    y_range: tuple[float, float],
    steps,
    size: int = 40,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """:func:`decision_grid` after each of ``steps`` at once: ``xs``, ``ys`` and ``P`` of shape (len(steps), size, size)."""
    xs, ys = np.linspace(*x_range, size), np.linspace(*y_range, size)
    gx, gy = np.meshgrid(xs, ys)
    P = probabilities_at(training, np.column_stack([gx.ravel(), gy.ravel()]), activation, steps)
    return xs, ys, P.reshape(-1, size, size)


def plot_range(X, margin: float = 0.25) -> tuple[tuple[float, float], tuple[float, float]]:
    """The ranges of the two features with a margin around the points, for the decision regions.

    >>> plot_range(np.array([[0.0, 0.0], [1.0, 2.0]]))
    ((-0.25, 1.25), (-0.25, 2.25))
    """
    X = np.asarray(X, dtype=float)
    low, high = X.min(axis=0) - margin, X.max(axis=0) + margin
    return (float(low[0]), float(high[0])), (float(low[1]), float(high[1]))


def best_line_loss(X, y) -> float:
    """The lowest mean logistic loss of any straight boundary: scikit-learn's unpenalised
    ``LogisticRegression`` (``C = inf``), what a network with no hidden layer reaches at best.

    >>> X, y = moons(200, 0.2, 0)
    >>> round(best_line_loss(X, y), 4)
    0.2994
    """
    import warnings

    from sklearn.exceptions import ConvergenceWarning
    from sklearn.linear_model import LogisticRegression

    X = np.asarray(X, dtype=float)
    with warnings.catch_warnings():  # should the points be separable, the weights grow without end
        warnings.simplefilter("ignore", ConvergenceWarning)
        model = LogisticRegression(C=np.inf, solver="newton-cg", tol=1e-10, max_iter=1000).fit(X, y)
    return float(np.mean(losses_of_log_odds(model.decision_function(X), y)))
