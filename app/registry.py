"""Every page of the app, in the order of the lesson (the slides' order), declared once.

Each page is one :class:`PageSpec`: its file, URL path, title, its URL parameters with their
defaults, the figures it shows (``st.metric`` labels), its main slider, its one-line summary for
Home's lesson path and its predict-then-check question kinds, as ``shared/CONTRACT.md`` fixes
them. The entry script builds the navigation from this table, pages read their defaults from
it, and the generic tests iterate it, so a page added here is covered without anyone
remembering.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from core.text import format_number

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Codec:
    """How a parameter is written in the URL: ``parse`` (text -> value, raising ``InputError`` or
    ``ValueError`` with a sentence for a person; ``url_state.ClampedValue`` for a value it clamped)
    and ``write`` (value -> text, the inverse of ``parse`` on every value the page can take)."""

    parse: Callable[[str], Any]
    write: Callable[[Any], str]


@dataclass(frozen=True)
class Param:
    """One URL parameter: its name, its default, and (once typed) how it is read, written and slid.

    ``default`` is the value (a number, a tuple, a word); parameters that are not typed yet keep
    their default as the URL text and have no ``codec``. ``grid`` lists the positions of the
    parameter's slider. A **combined** parameter (arrays' ``shape``) is shown by several sliders:
    ``sliders`` declares them (each a typed ``Param`` with its own grid and default), ``split``
    turns the value into their values, ``join`` their values into the value, and ``step(value,
    key, slider_value)`` is the value once slider ``key`` is moved to ``slider_value``.
    ``optional`` parameters stay out of the URL while unused (user data, for example).
    ``positions(value)`` is the grid of a combined parameter's one slider when the page opens at
    ``value``, where that grid depends on it (iris: C's positions plus a linked C between two).
    """

    name: str
    default: Any
    optional: bool = False
    codec: Codec | None = None
    grid: tuple[float, ...] | None = None
    sliders: tuple[Param, ...] = ()
    split: Callable[[Any], dict[str, Any]] | None = None
    join: Callable[[dict[str, Any]], Any] | None = None
    step: Callable[[Any, str, Any], Any] | None = None
    positions: Callable[[Any], tuple[float, ...]] | None = None

    @property
    def text(self) -> str:
        """The default as the URL writes it."""
        return self.codec.write(self.default) if self.codec else str(self.default)

    @property
    def slider_keys(self) -> tuple[str, ...]:
        """The session keys of the sliders that show this parameter: its parts, or itself."""
        return tuple(s.name for s in self.sliders) or (self.name,)


def number(
    name: str, default: float, low: float, high: float, step: float | None = None, *, grid=None, **kwargs
) -> Param:
    """A number in ``[low, high]`` (clamped with a warning beyond it); its slider's ``grid``, or one by ``step``.

    Whole numbers when ``default``, ``low``, ``high`` (and ``step``) are ints.
    """
    from app import url_state  # the parser's clamp warning is the URL binding's
    from app.sweeps import grid as grid_by

    integer = all(isinstance(v, int) for v in (default, low, high)) and (step is None or isinstance(step, int))
    codec = Codec(url_state.number_parser(low, high, integer=integer), format_number)
    return Param(name, default, codec=codec, grid=grid_by(low, high, step) if step else grid, **kwargs)


def _shape() -> Param:
    """Arrays' ``shape``: one URL parameter over the ``ndim`` slider and one length slider per axis."""
    from app.figures.arrays import DEFAULT_SHAPE, shape_after
    from core.text import parse_shape

    axes = tuple(number(f"axis_{k}", DEFAULT_SHAPE[k], 1, 6, 1) for k in range(3))

    def split(shape: tuple[int, ...]) -> dict[str, int]:
        padded = tuple(shape) + DEFAULT_SHAPE[len(shape) :]  # axes beyond ndim wait at their default lengths
        return {"ndim": len(shape)} | {axis.name: length for axis, length in zip(axes, padded)}

    return Param(
        "shape",
        (4, 3, 2),
        codec=Codec(parse_shape, lambda shape: ", ".join(map(str, shape))),
        sliders=(number("ndim", 3, 1, 3, 1), *axes),
        split=split,
        join=lambda values: tuple(int(values[axis.name]) for axis in axes[: int(values["ndim"])]),
        step=shape_after,
    )


def _iris_c() -> Param:
    """Iris's ``C``, shown as C (in the URL, on the slider) and slid as log10 C, four positions a decade.

    A link's C between two positions (``C=0.5``) is a position of its own for as long as the page
    stays open, so the slider can come back to it; C is kept to 6 significant digits, as the URL
    writes it.
    """
    import numpy as np

    from app import url_state
    from core.iris import C_EXPONENTS, C_LIMITS, c_at, c_positions
    from core.text import parse_number

    def parse(raw: str) -> float:
        if parse_number(raw) <= 0:
            raise url_state.ClampedValue("C must be positive: it is the inverse of the penalty's strength", 0.001)
        return float(format_number(url_state.number_parser(*C_LIMITS, integer=False)(raw)))

    def split(c: float) -> dict[str, float]:
        exponents = c_positions(c)[0]
        return {"C_exponent": exponents[int(np.argmin(np.abs(np.asarray(exponents) - np.log10(c))))]}

    return Param(
        "C",
        1.0,
        codec=Codec(parse, format_number),
        sliders=(number("C_exponent", 0.0, C_EXPONENTS[0], C_EXPONENTS[-1], grid=C_EXPONENTS),),
        split=split,
        join=lambda values: c_at(values["C_exponent"]),
        positions=lambda c: c_positions(c)[0],
    )


def _logistic_sliders() -> tuple[Param, ...]:
    """The logistic page's w, b and threshold, each on the grid of its live slider."""
    from core.logistic_sweep import B_POSITIONS, THRESHOLD_POSITIONS, W_POSITIONS

    return tuple(
        number(name, default, grid[0], grid[-1], grid=grid)
        for name, default, grid in (
            ("w", 0.2, W_POSITIONS),
            ("b", -5.0, B_POSITIONS),
            ("threshold", 0.5, THRESHOLD_POSITIONS),
        )
    )


@dataclass(frozen=True)
class PageSpec:
    """One page: where it lives, how it is reached, what it shows."""

    file: str
    url_path: str
    title: str
    icon: str
    section: str
    slider_key: str | None = None  # the main slider, moved by the browser tests and the benchmark
    params: tuple[Param, ...] = ()
    metrics: tuple[str, ...] = ()  # the st.metric labels the page shows at its defaults, in order
    summary: str = ""  # one line on Home's lesson path
    quizzes: tuple[str, ...] = ()  # kinds of core.quiz.QUESTIONS the page asks
    _by_name: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    @property
    def path(self) -> Path:
        return ROOT / "pages" / self.file

    def param(self, name: str) -> Param:
        """URL parameter ``name`` (a part of a combined parameter, such as ``axis_0``, too)."""
        if not self._by_name:
            for p in self.params:
                self._by_name.update({p.name: p} | {s.name: s for s in p.sliders})
        return self._by_name[name]

    def default(self, name: str) -> str:
        """The default of URL parameter ``name`` as text (what the URL would hold)."""
        return self.param(name).text

    def value(self, name: str) -> Any:
        """The default of parameter ``name`` as a value."""
        return self.param(name).default

    def typed(self) -> tuple[Param, ...]:
        """The parameters with a codec: the ones :func:`app.state.bind` reads and writes."""
        return tuple(p for p in self.params if p.codec)


HOME = PageSpec("home.py", "", "Home: data, model, loss", ":material/home:", "Start")

PAGES: list[PageSpec] = [
    HOME,
    PageSpec(
        "arrays.py",
        "arrays",
        "Arrays and shapes",
        ":material/grid_on:",
        "NumPy",
        "axis_0",
        params=(_shape(),),
        metrics=("ndim", "size", "shape"),
        summary="An array is a grid of numbers: its shape, ndim and size, and how reshape regroups it.",
        quizzes=("reshape",),
    ),
    PageSpec(
        "broadcasting.py",
        "broadcasting",
        "Broadcasting",
        ":material/open_in_full:",
        "NumPy",
        "cell",
        params=(Param("a", "1, 2, 3"), Param("b", "2"), Param("op", "multiply"), number("cell", 0, 0, 10**6)),
        metrics=("shape of a", "shape of b", "result shape"),
        summary="How NumPy combines arrays of different shapes, axis by axis, without copying.",
        quizzes=("broadcast",),
    ),
    PageSpec(
        "data.py",
        "data",
        "Data: features and labels",
        ":material/table_chart:",
        "Data",
        "row",
        params=(Param("example", "iris"), number("row", 0, 0, 10**6)),  # row's last: the data set's m - 1
        metrics=("X shape", "y shape", "features", "label"),
        summary="A datapoint as features x and a label y; a data set as X of shape (m, n) and y of shape (m,).",
        quizzes=("data_shape",),
    ),
    PageSpec(
        "dot_product.py",
        "dot-product",
        "Dot product and angle",
        ":material/north_east:",
        "Vectors and matrices",
        "b_angle",
        params=(Param("a", "1, 0"), Param("b", "0.999848, 0.017452"), Param("sliders", "polar")),
        metrics=("Dot product", "Angle", "cos θ", "‖a‖", "‖b‖"),
        summary="a · b term by term, and what it says about the angle between two vectors.",
        quizzes=("dot_sign", "angle"),
    ),
    PageSpec(
        "outer_product.py",
        "outer-product",
        "Outer product",
        ":material/grid_4x4:",
        "Vectors and matrices",
        "w_len",
        params=(Param("w", "1, 2, 3"), Param("x", "1, 2"), number("row", 0, 0, 10**6)),  # row's last: n - 1
        metrics=("result shape", "rank"),
        summary="w xᵀ: every component of w times every component of x, a rank-one matrix.",
        quizzes=("outer",),
    ),
    PageSpec(
        "matrix_multiplication.py",
        "matrix-multiplication",
        "Matrix multiplication",
        ":material/apps:",
        "Vectors and matrices",
        "step",
        params=(
            Param("a", "2, 3, 4, 5, 0; 0, 4, 5, 1, 1"),
            Param("b", "5, 2, 1; 4, 1, 2; 3, 3, 0; 0, 5, 4; 5, 3, 4"),
            Param("seed", "1"),
            number("step", 1, 0, 10**6),  # to rows * columns of C
            Param("speed", "medium"),
            Param("term", "1"),
        ),
        metrics=("result shape", "step", "current cell", "current value"),
        summary="C = A B one cell at a time: a row of A against a column of B.",
        quizzes=("matmul",),
    ),
    PageSpec(
        "models.py",
        "models",
        "Models: four kinds of function",
        ":material/functions:",
        "Machine learning",
        "degree",
        params=(number("features", 1, 1, 10, 1), number("degree", 3, 1, 6, 1), number("hidden", 3, 1, 8, 1)),
        metrics=("linear parameters", "polynomial parameters", "logistic parameters", "network parameters"),
        summary="A model is a function with parameters: linear, polynomial, logistic and a network, and ŷ = X w + b.",
        quizzes=("model_params",),
    ),
    PageSpec(
        "linear_regression.py",
        "linear-regression",
        "Linear regression: MSE and training",
        ":material/trending_down:",
        "Machine learning",
        "w",
        params=(
            Param("n", "20"),
            Param("noise", "0.5"),
            Param("seed", "0"),
            Param("degree", "1"),
            Param("w", "1"),
            Param("b", "0"),
            Param("squares", "0"),
            Param("split", "0"),
            Param("lr", "0.2"),
            Param("steps", "50"),
            Param("iteration", "50"),
            Param("data", "", optional=True),
        ),
        metrics=("MSE", "RMSE", "MAE", "R²", "best MSE", "loss at step t"),  # the last one beside the training
        summary="Data, a line as the model, the MSE as the loss, and gradient descent that lowers it.",
        quizzes=("mse",),
    ),
    PageSpec(
        "logistic_regression.py",
        "logistic-regression",
        "Logistic regression: sigmoid and loss",
        ":material/show_chart:",
        "Machine learning",
        "w",
        params=(
            *_logistic_sliders(),
            Param("train", "0"),
            Param("lr", "0.003", optional=True),  # the training's, in the URL while training is on
            Param("steps", "1000", optional=True),
            Param("data", "", optional=True),
        ),
        metrics=("mean logistic loss", "accuracy", "best logistic loss", "precision", "recall", "F1"),
        summary="A probability from a score: the sigmoid, the logistic loss, and a threshold for decisions.",
        quizzes=("logistic_loss",),
    ),
    PageSpec(
        "neural_network.py",
        "neural-network",
        "Neural network: a hidden layer",
        ":material/hub:",
        "Machine learning",
        "steps",
        params=(
            Param("dataset", "moons"),
            Param("noise", "0.2"),
            Param("seed", "0"),
            Param("hidden", "3"),
            Param("activation", "tanh"),
            Param("lr", "1"),
            number("steps", 1000, 0, 2000),
        ),
        metrics=("mean logistic loss", "accuracy", "hidden units"),
        summary="One neuron is logistic regression; a hidden layer of two or more units bends the boundary, trained by gradient descent.",
        quizzes=("network_params",),
    ),
    PageSpec(
        "iris.py",
        "iris",
        "Iris: the hello world of ML",
        ":material/local_florist:",
        "Machine learning",
        "C_exponent",
        params=(
            _iris_c(),
            Param("max_iter", "500"),
            Param("features", "sepal_length,sepal_width,petal_length,petal_width"),
            Param("plot_x", "petal_length"),
            Param("plot_y", "petal_width"),
            Param("sepal_length", "6.7"),
            Param("sepal_width", "3"),
            Param("petal_length", "5"),
            Param("petal_width", "1.7"),
        ),
        metrics=("accuracy", "iterations", "misclassified"),
        summary="The slide's LogisticRegression on 150 flowers: softmax, decision regions, a confusion matrix.",
        quizzes=("softmax",),
    ),
]


# Parts of a page that a teacher's link hides (``hide=quiz,code``; app/hide.py draws them), and the
# parameters every page takes besides its own (shared/CONTRACT.md, "Every page also takes").
HIDE_PARTS = {
    "quiz": "the predict-then-check questions",
    "code": "the NumPy code panel and its notebook",
    "settings": "the page's controls other than its main slider (data, seed, options)",
    "sidebar": "the sidebar",
    "links": "the previous / next links at the foot of the page",
}
EVERY_PAGE_PARAMS = ("projector", "present", "idea", "hide", "class", "me")


def page(url_path: str) -> PageSpec:
    """The registered page with this URL path ('' is Home)."""
    return next(spec for spec in PAGES if spec.url_path == url_path)


def lesson_pages() -> list[PageSpec]:
    """The pages after Home, in teaching order."""
    return [p for p in PAGES if p is not HOME]
