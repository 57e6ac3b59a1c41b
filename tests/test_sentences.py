"""Every sentence true at every number: each public function of ``app/lessons/*.py`` that returns
words is called over edge values (0, 1, 2, negative, tiny, huge, equal values, one class, one point,
constant y, zero vectors, the last row) and its words are checked for the marks of a broken sentence.

The functions are found here, not listed: a new lesson function is covered without being named, and
the test fails until its parameters have a strategy (from :data:`PARAMS` by name, or a builder in
:data:`BUILDERS` where parameters depend on each other, built with ``core`` as the page builds them).
:data:`SKIP` lists, with reasons, the few that return something other than our own sentences.

Runs: the default profile is a few derandomised examples per function (seconds, for CI); the long
run, 1,000 examples per function:

    FUZZ_PROFILE=long .venv/bin/python -m pytest -q tests/test_sentences.py     # -k <module> for one
"""

from __future__ import annotations

import importlib
import inspect
import math
import os
import pathlib
import re

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core import broadcasting as bc
from core import bytecode, datasets, iris, logistic_sweep, models, vectors
from core import regression as reg
from core.quiz import fit_by_eye_score
from core.text import format_number

settings.register_profile(
    "sentences-quick",
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", 25)),
    derandomize=True,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    print_blob=True,
)
settings.register_profile(
    "sentences-long",
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", 1000)),
    deadline=None,
    suppress_health_check=list(HealthCheck),
    print_blob=True,
)
PROFILE = settings.get_profile("sentences-long" if os.environ.get("FUZZ_PROFILE") == "long" else "sentences-quick")

ROOT = pathlib.Path(__file__).resolve().parents[1]
MODULES = [
    importlib.import_module(f"app.lessons.{p.stem}")
    for p in sorted((ROOT / "app" / "lessons").glob("*.py"))
    if not p.stem.startswith("_")
]

# ---------------------------------------------------------------- what is not checked, and why
SKIP = {
    # Python source for the code panel: braces and full precision belong there (tests/test_code_panel.py runs it).
    **{f"{m}.code": "Python source" for m in ("arrays", "broadcasting", "data", "dot_product", "iris")},
    **{
        f"{m}.code": "Python source" for m in ("logistic", "matmul", "models", "network", "outer_product", "regression")
    },
    "matmul.mismatch_code": "Python source",
    "regression.data_code": "Python source",
    "regression.split_code": "Python source",
    # Tables of cell values (DataFrames and dict columns), checked cell by cell by their page tests.
    "broadcasting.picture_table": "a table of values",
    "matmul.cell_table": "a table of sums written by app.figures.matmul",
    "matmul.outer_table": "a table of values",
    "network.weights_table": "a table of values",
    "iris.scores_table": "a table of values",
    "models.house_table": "a table of values (one row per house)",
    "python.types_table": "a table of lines run and type names",
    # Booleans: no words at all.
    "iris.is_slide_state": "a boolean: whether the page is in the slide's state",
    "data.rows_printed": "NumPy's own printout of X and y",
    # Words that quote someone else's text verbatim: NumPy's error, the parser's message, a reshape expression.
    "broadcasting.mismatch_error": "quotes NumPy's ValueError",
    "broadcasting.numpy_warns": "quotes NumPy's RuntimeWarnings",
    "broadcasting.fix_label": "quotes a reshape expression built by core.broadcasting",
    "broadcasting.follow_sentence": "quotes the picture builder's words",
    "dot_product.mismatch_error": "quotes NumPy's ValueError",
    "dot_product.pad_fix": "quotes a vector literal written by the page",
    "dot_product.cut_fix": "quotes a vector literal written by the page",
    "matmul.mismatch_error": "quotes core.matmul's message",
    "matmul.numpy_says": "quotes NumPy's ValueError",
    "regression.upload_error": "quotes the CSV parser's message",
    "regression.typed_error": "quotes the parser's message",
    "regression.data_warning": "quotes the URL parameter as typed",
}
LATEX = {  # formulas: braces are LaTeX's
    "arrays.size_formula",
    "matmul.shape_formula",
    "dot_product.terms_latex",
    "dot_product.cosine_latex",
    "network.formula",
    "models.house_formula",
    "models.house_shapes",
    "models.notes",  # its first note is the linear model's formula
}
MAY_BE_EMPTY = {  # documented: empty when there is nothing to say
    "data.block_note",
    "dot_product.zoom_words",
    "dot_product.unit_vectors",
    "logistic.descent_verdict",
}


def discovered() -> list[str]:
    names = []
    for module in MODULES:
        short = module.__name__.rsplit(".", 1)[1]
        for name, function in inspect.getmembers(module, inspect.isfunction):
            if function.__module__ == module.__name__ and not name.startswith("_"):
                names.append(f"{short}.{name}")
    return names


def function(name: str):
    short, attr = name.split(".")
    return getattr(importlib.import_module(f"app.lessons.{short}"), attr)


# ---------------------------------------------------------------- values at the edges
def rounded(strategy, decimals=4):
    """A value as a slider, a link or a text box holds it: at most ``decimals`` decimals."""
    return strategy.map(lambda v: round(v, decimals) + 0.0)


EDGES = [0.0, 1.0, 2.0, -1.0, -0.5, 0.5, 1e-9, -1e-9, 1e6, -1e6, 1e12, 0.6931]
TYPED = st.sampled_from([0.0, 1.0, 2.0, -1.0, -0.5, 0.5, 3.0, -11.0, 1e6]) | rounded(st.floats(-1e6, 1e6))
COMPUTED = st.sampled_from(EDGES) | st.floats(-1e13, 1e13, allow_nan=False)
NONNEGATIVE = st.sampled_from([0.0, 1e-9, 0.5, 1.0, 0.6931, 1e12]) | st.floats(0, 1e13)
POSITIVE = st.sampled_from([1e-9, 0.5, 1.0, 2.0, 1e12]) | st.floats(1e-12, 1e13)
SHARE = st.sampled_from([0.0, 1.0, 0.5, 1e-9, 1 - 1e-9]) | st.floats(0, 1)
COUNT = st.sampled_from([0, 1, 2, 3, 149, 150]) | st.integers(0, 10**6)
AT_LEAST_1 = st.sampled_from([1, 2, 3, 150]) | st.integers(1, 10**5)
SIZE = st.integers(1, 8)
THRESHOLD = st.sampled_from([0.0, 0.5, 1.0, 0.25, 0.6]) | rounded(st.floats(0, 1), 2)
BOOL = st.booleans()
NOUNS = st.sampled_from(["point", "step", "hidden unit", "cell", "axis", "matrix", "datapoint", "class", "entry"])

PARAMS = {  # by parameter name; a function whose parameter is missing here and in BUILDERS fails
    "accuracy": SHARE,
    "activation": st.sampled_from(["tanh", "relu"]),
    "best": NONNEGATIVE,
    "best_line": NONNEGATIVE,
    "best_mse": NONNEGATIVE,
    "big": st.sampled_from([0.5, 1.0, 5.0]),
    "big_step": AT_LEAST_1,
    "b": TYPED,
    "b_end": COMPUTED,
    "b_opt": COMPUTED,
    "b_t": COMPUTED,
    "classes": st.sampled_from([1, 2]),
    "converged": BOOL,
    "count": COUNT,
    "dataset": st.sampled_from(["moons", "circles"]),
    "decimals": st.sampled_from([None, 0, 2, 4]),
    "degree": st.integers(1, 9),
    "dot": st.none(),  # inner_side: a builder gives it a value
    "drawn": BOOL,
    "first": NONNEGATIVE,
    "generated": BOOL,
    "grid": st.integers(2, 200),
    "has_best": BOOL,
    "has_question": BOOL,
    "hidden": st.integers(0, 8),
    "inside": BOOL,
    "k": SIZE,
    "ka": SIZE,
    "kb": SIZE,
    "lam_max": POSITIVE,
    "last": NONNEGATIVE,
    "limit": POSITIVE,
    "loss": NONNEGATIVE,
    "lr": st.sampled_from([0.001, 0.003, 0.01, 0.1, 0.3, 1.0, 3.0, 10.0]),
    "m": SIZE,
    "mae": NONNEGATIVE,
    "max_iter": st.integers(1, 5000),
    "mean_loss": NONNEGATIVE,
    "mse": NONNEGATIVE,
    "n": SIZE,
    "n_a": SIZE,
    "n_b": SIZE,
    "n_test": COUNT,
    "name": st.sampled_from(["x", "BMI"]),
    "needed": st.integers(1, 10**5),
    "noun": NOUNS,
    "opened": BOOL,
    "optimum": st.tuples(COMPUTED, COMPUTED),
    "p": SIZE,
    "plural_form": st.none(),
    "right": BOOL,
    "rises": COUNT,
    "rows": st.integers(0, 2000).flatmap(lambda a: st.integers(a + 1, a + 300).map(lambda b: range(a, b))),
    "score": st.floats(0, 100),
    "shown": BOOL,
    "singular": st.just("has"),
    "split": BOOL,
    "squares": BOOL,
    "started": BOOL,
    "step": COUNT,
    "steps": COUNT,
    "steps_done": COUNT,
    "stopped": BOOL,
    "summary": st.just("A summary."),
    "surface": BOOL,
    "t": COUNT,
    "taken": COUNT,
    "test_mse": st.none() | NONNEGATIVE,
    "model_mse": st.none() | NONNEGATIVE,
    "threshold": THRESHOLD,
    "title": st.just("Arrays and shapes"),
    "user": BOOL,
    "value": COMPUTED,
    "variable": st.sampled_from(["x", "BMI"]),
    "w": TYPED,
    "w_end": COMPUTED,
    "w_opt": COMPUTED,
    "w_t": COMPUTED,
    "names": st.sampled_from(["a", "b", "a and b"]),
    "n_train": st.none(),
    "flower_index": st.integers(0, 149),
    "species": st.integers(0, 2),
    "label": st.sampled_from(["MSE", "RMSE", "MAE", "R²", "best MSE", "test MSE", "test R²"]),
    "source_text": st.sampled_from(["generated: 30 people, BMI -> disease", "your 1 point", "your 2 points"]),
    "start_loss": NONNEGATIVE,
    "axis": st.integers(-8, -1),
    "zero": st.sampled_from(["a", "b", "a and b"]),
    "part": st.sampled_from(["angle", "len", "x", "y", "z"]),
    "lam_min": POSITIVE,
    "gap": COMPUTED,
    "interpreter": st.sampled_from([bytecode.interpreter(), "CPython 3.11.7", "CPython 3.13.0", "PyPy 3.10.14"]),
    "message": st.sampled_from([bytecode.type_error_message(), 'can only concatenate str (not "int") to str']),
}


# ---------------------------------------------------------------- builders: parameters that depend on each other
def kwargs(**strategies):
    return st.fixed_dictionaries(strategies)


SHAPES = st.lists(st.integers(1, 4), min_size=0, max_size=3).map(tuple)
ARRAY_SHAPES = st.lists(st.integers(1, 6), min_size=1, max_size=3).map(tuple)
COMPONENT = st.sampled_from([0.0, 1.0, -1.0, 2.0, 1e-9, -1e-9, 0.9998, 1e6]) | rounded(st.floats(-1e3, 1e3))
PAIR = st.integers(2, 3).flatmap(lambda n: st.tuples(*[st.lists(COMPONENT, min_size=n, max_size=n)] * 2))


def vectors_pair(pair):
    a, b = (np.array(v, dtype=float) for v in pair)
    return a, b


@st.composite
def two_vectors(draw):
    a, b = vectors_pair(draw(PAIR))
    if draw(st.booleans()):  # equal, opposite, scaled or tiny copies: the slides' cases
        b = draw(st.sampled_from([1.0, -1.0, 2.0, 1e-9])) * a
    return a, b


@st.composite
def dot_case(draw):
    a, b = draw(two_vectors())
    d, cos, angle = vectors.dot(a, b), vectors.cos_angle(a, b), vectors.angle_degrees(a, b)
    return a, b, d, cos, angle


@st.composite
def broadcast_case(draw):
    shape_a, shape_b = draw(SHAPES), draw(SHAPES)
    checks = bc.check_axes(shape_a, shape_b)
    try:
        shape = bc.broadcast_shape(shape_a, shape_b)
    except ValueError:
        shape = None
    return {"shape_a": shape_a, "shape_b": shape_b, "shape": shape, "checks": checks}


@st.composite
def outer_case(draw):
    w = np.array(draw(st.lists(COMPONENT, min_size=1, max_size=8)))
    x = np.array(draw(st.lists(COMPONENT, min_size=1, max_size=8)))
    if draw(st.booleans()):
        w = w * 0
    return w, x, draw(st.integers(0, w.size - 1)), vectors.rank_of_outer(w, x)


@st.composite
def points(draw, min_size=1):
    """Typed points x, y: one point, constant y, equal x, the usual scatter."""
    n = draw(st.integers(min_size, 12))
    x = np.array(draw(st.lists(rounded(st.floats(-100, 100), 2), min_size=n, max_size=n)))
    kind = draw(st.sampled_from(["scatter", "constant y", "on a line", "equal x"]))
    if kind == "constant y":
        y = np.full(n, draw(rounded(st.floats(-100, 100), 2)))
    elif kind == "on a line":
        y = 3 * x - 0.5
    else:
        y = np.array(draw(st.lists(rounded(st.floats(-100, 100), 2), min_size=n, max_size=n)))
    if kind == "equal x":
        x = np.full(n, x[0])
    return x, y


@st.composite
def regression_notice(draw):
    x, y = draw(points())
    degree = draw(st.integers(1, 9))
    best = reg.line_fit(x, y) if np.ptp(x) > 0 else None
    if best is not None and draw(st.booleans()):
        y_hat = reg.predict_line(x, best.w, best.b)
    else:
        y_hat = reg.predict_line(x, draw(TYPED), draw(TYPED))
    return {"x": x, "y": y, "y_hat": y_hat, "scores": reg.scores(y, y_hat), "degree": degree, "best": best}


@st.composite
def logistic_points(draw):
    n = draw(st.integers(1, 12))
    x = np.array(draw(st.lists(rounded(st.floats(-50, 50), 1), min_size=n, max_size=n)))
    y = np.array(draw(st.lists(st.sampled_from([0, 1]), min_size=n, max_size=n)))
    if draw(st.booleans()):
        y = np.full(n, y[0])  # one class
    return x, y


@st.composite
def what_to_notice(draw):
    x, y = draw(logistic_points())
    w, b, t = draw(rounded(st.floats(-10, 10), 2)), draw(rounded(st.floats(-50, 50), 1)), draw(THRESHOLD)
    at = logistic_sweep.at_positions(x, y, [w], [b], [t])
    return {
        "name": "x", "x": x, "y": y, "p": at.p[0], "losses": at.losses[0], "w": w, "b": b, "threshold": t,
        "accuracy": float(at.accuracy[0]),
    }  # fmt: skip


@st.composite
def threshold_notes(draw):
    x, y = draw(logistic_points())
    w, b, t = draw(rounded(st.floats(-10, 10), 2)), draw(rounded(st.floats(-50, 50), 1)), draw(THRESHOLD)
    at = logistic_sweep.at_positions(x, y, [w, w], [b, b], [t, 0.5])
    now, usual = ((float(at.precision[i]), float(at.recall[i]), int(at.called[i])) for i in (0, 1))
    return {"threshold": t, "now": now, "usual": usual}


@st.composite
def logistic_notice(draw):
    m = draw(st.integers(1, 200))
    right = draw(st.integers(0, m))
    return {
        "name": "x", "w": draw(TYPED), "b": draw(TYPED), "threshold": draw(THRESHOLD), "accuracy": right / m,
        "right": right, "m": m, "loss": draw(NONNEGATIVE),
    }  # fmt: skip


@st.composite
def confusion(draw):
    rows = []
    for k in range(3):
        wrong = draw(st.lists(st.integers(0, 50), min_size=2, max_size=2).filter(lambda v: sum(v) <= 50))
        row = [0, 0, 0]
        others = [j for j in range(3) if j != k]
        row[others[0]], row[others[1]] = wrong
        row[k] = 50 - sum(wrong)
        rows.append(row)
    return np.array(rows)


@st.composite
def iris_notice(draw):
    matrix = draw(confusion())
    return {
        "matrix": matrix, "C": draw(st.sampled_from([0.01, 1.0, 1000.0])), "largest_weight": draw(COMPUTED),
        "accuracy": float(np.trace(matrix) / 150), "petal_accuracy": draw(SHARE), "sepal_accuracy": draw(SHARE),
    }  # fmt: skip


@st.composite
def iris_readout(draw):
    wrong = draw(st.integers(0, 150))
    return {
        "C": draw(st.sampled_from([0.01, 1.0, 1.78, 1000.0])), "accuracy": (150 - wrong) / 150, "wrong": wrong,
        "pair_accuracy": draw(st.none() | SHARE), "converged": draw(BOOL),
    }  # fmt: skip


@st.composite
def flower_verdict(draw):
    z = np.array(draw(st.lists(st.floats(-50, 50), min_size=3, max_size=3)))
    return {"proba": iris.softmax(z), "z": z}


@st.composite
def data_row(draw):
    data = datasets.load(draw(st.sampled_from(["house", "text", "image", "iris", "sound"])))
    return {"data": data, "row": draw(st.sampled_from([0, data.m - 1]) | st.integers(0, data.m - 1))}


@st.composite
def data_rows(draw):
    data = datasets.load(draw(st.sampled_from(["house", "text", "image", "iris", "sound"])))
    start = draw(st.integers(0, data.m - 1))
    return {"data": data, "rows": range(start, draw(st.integers(start + 1, data.m)))}


@st.composite
def matmul_step(draw):
    m, p = draw(SIZE), draw(SIZE)
    last = m * p
    step = draw(st.integers(1, last))
    return {"step": step, "last": last, "cell": divmod(step - 1, p)}


@st.composite
def matmul_figures(draw):
    m, p = draw(SIZE), draw(SIZE)
    step = draw(st.integers(0, m * p))
    cell = divmod(step - 1, p) if step else None
    return {"shape_c": (m, p), "step": step, "last": m * p, "cell": cell, "value": draw(COMPUTED)}


@st.composite
def outer_caption(draw):
    m, k, p = draw(SIZE), draw(SIZE), draw(SIZE)
    a = np.array(draw(st.lists(COMPONENT, min_size=m * k, max_size=m * k))).reshape(m, k)
    b = np.array(draw(st.lists(COMPONENT, min_size=k * p, max_size=k * p))).reshape(k, p)
    return {"a": a, "b": b, "shown": draw(st.integers(0, k)), "sums_to_c": draw(BOOL)}


@st.composite
def convergence(draw):
    lr, lam_max = draw(PARAMS["lr"]), draw(POSITIVE)
    return {
        "verdict": reg.convergence(lr, lam_max), "lr": lr, "lam_max": lam_max, "steps_done": draw(COUNT),
        "stopped": draw(BOOL), "gap": draw(COMPUTED),
    }  # fmt: skip


@st.composite
def fit_verdict(draw):
    best, mse = draw(NONNEGATIVE), draw(NONNEGATIVE)
    mse = max(mse, best)
    return {
        "score": fit_by_eye_score(mse, best), "mse": mse, "best": best, "w": draw(TYPED), "b": draw(TYPED),
        "w_opt": draw(COMPUTED), "b_opt": draw(COMPUTED),
    }  # fmt: skip


@st.composite
def degree_curves(draw):
    train = np.sort(np.array(draw(st.lists(NONNEGATIVE, min_size=9, max_size=9))))[::-1]
    test = draw(st.none() | st.lists(NONNEGATIVE, min_size=9, max_size=9).map(np.array))
    return {"train_mse": train, "test_mse": test, "degree": draw(st.integers(1, 9))}


@st.composite
def overfitting(draw):
    test = draw(st.none() | st.lists(POSITIVE, min_size=9, max_size=9).map(np.array))
    if test is None:
        return {"verdict": None, "best_degree": 1, "test_mse": None, "n_test": draw(COUNT)}
    best, verdict = reg.overfitting(test)
    return {"verdict": verdict, "best_degree": best, "test_mse": test, "n_test": draw(COUNT)}


@st.composite
def loss_caption(draw):
    losses = np.array(draw(st.lists(NONNEGATIVE, min_size=1, max_size=30)))
    return {"losses": losses, "t": draw(st.integers(0, len(losses) - 1)), "best_mse": draw(NONNEGATIVE)}


@st.composite
def model_note(draw):
    count = draw(st.integers(1, 10_000))
    n_train = draw(st.none() | st.integers(0, count))
    return {"degree": draw(st.integers(1, 9)), "w": draw(TYPED), "b": draw(TYPED), "count": count, "n_train": n_train}


@st.composite
def progress(draw):
    pages, questions = draw(st.integers(1, 12)), draw(st.integers(0, 30))
    return {
        "opened": draw(st.integers(0, pages)), "pages": pages, "right": draw(st.integers(0, questions)),
        "questions": questions,
    }  # fmt: skip


@st.composite
def index_of(draw):
    total = draw(AT_LEAST_1)
    return {"index": draw(st.sampled_from([0, total - 1]) | st.integers(0, total - 1)), "total": total}


MODEL_SIZES = kwargs(  # n, d and h over the page's slider ranges (core.models)
    n=st.integers(*models.FEATURES), d=st.integers(*models.DEGREES), h=st.integers(*models.HIDDEN)
)


@st.composite
def models_caption(draw):
    d, h = draw(st.integers(*models.DEGREES)), draw(st.integers(*models.HIDDEN))
    data = models.shared_data()
    return {"d": d, "h": h, "fitted": models.fitted_mse(data, models.fit_all(data, d, h))}


@st.composite
def houses(draw, n=None):
    """X (m, n) and w (n,) from one house to many, with the page's houses among them, and ŷ = X @ w + b."""
    if draw(st.booleans()):
        X, w, b = models.HOUSES_X, models.HOUSE_W, models.HOUSE_B
    else:
        m, n = draw(SIZE), n or draw(st.integers(1, 4))
        X = np.array(draw(st.lists(st.lists(TYPED, min_size=n, max_size=n), min_size=m, max_size=m)))
        w, b = np.array(draw(st.lists(TYPED, min_size=n, max_size=n))), draw(TYPED)
    return {"X": X, "w": w, "b": b, "y_hat": models.predict_all(X, w, b)}


@st.composite
def curved(draw):
    """The best line on the page's curved data, or on drawn points with a spread in x."""
    if draw(st.booleans()):
        return {"fit": models.curved_fit(*models.curved_data())}
    x, y = draw(points(min_size=2).filter(lambda xy: np.ptp(xy[0]) > 0))
    return {"fit": models.curved_fit(x, y)}


@st.composite
def middle_class(draw):
    """The best logistic fit's accuracy and the larger class's share, on the page's data or on drawn labels."""
    if draw(st.booleans()):
        accuracy, majority = models.logistic_accuracy(*models.middle_class_data())
    else:
        accuracy, majority = models.logistic_accuracy(*draw(logistic_points()))
    return {"accuracy": accuracy, "majority": majority}


@st.composite
def bytes_caption(draw):
    units = draw(st.sampled_from([1, 2, len(bytecode.code_bytes()) // 2]) | st.integers(1, 200))
    caches = draw(st.sampled_from([0, 1, units]) | st.integers(0, units))
    return {"interpreter": draw(PARAMS["interpreter"]), "size": 2 * units, "caches": caches}


def dot_kwargs(make):
    return dot_case().map(make)


def outer_kwargs(make):
    return outer_case().map(make)


BUILDERS = {
    "arrays.caption": kwargs(shape=ARRAY_SHAPES),
    "arrays.readout": kwargs(shape=ARRAY_SHAPES),
    "arrays.size_formula": kwargs(shape=ARRAY_SHAPES),
    "arrays.values_notes": ARRAY_SHAPES.map(lambda s: {"array": np.arange(int(np.prod(s))).reshape(s)}),
    "broadcasting.caption": broadcast_case().map(lambda c: {k: c[k] for k in ("shape_a", "shape_b", "shape")}),
    "broadcasting.notice": broadcast_case(),
    "broadcasting.rule_table": broadcast_case()  # two scalars get SCALARS instead of a table
    .filter(lambda c: c["checks"])
    .map(lambda c: {k: c[k] for k in ("checks", "shape_a", "shape_b")}),
    "regression.broadcast_note": kwargs(grid=PARAMS["grid"], count=AT_LEAST_1),
    "broadcasting.cell_keys": kwargs(shape=SHAPES),
    "broadcasting.index_text": kwargs(name=st.sampled_from(["a", "b", "result"]), idx=SHAPES),
    "data.block_name": data_rows().map(lambda c: {"rows": c["rows"]}),
    "data.block_note": data_rows(),
    "data.row_label": data_rows(),
    "data.caption": data_row().map(lambda c: {"data": c["data"]}),
    "data.label_kind": data_row().map(lambda c: {"data": c["data"]}),
    "data.datapoint_description": data_row(),
    "data.readout": data_row(),
    "data.shapes_sentence": data_row(),
    "data.table_description": data_row(),
    "data.example_name": kwargs(example=st.sampled_from(["house", "text", "image", "iris", "sound"])),
    "dot_product.notice": dot_kwargs(
        lambda c: {
            "dot": c[2],
            "angle": c[4],
            "cos": c[3],
            "norm_a": vectors.norm(c[0]),
            "norm_b": vectors.norm(c[1]),
            "zero": " and ".join(n for n, v in (("a", c[0]), ("b", c[1])) if vectors.norm(v) == 0),
        }
    ),  # fmt: skip
    "dot_product.readout": dot_kwargs(
        lambda c: {"dot": c[2], "angle": math.nan if c[4] is None else c[4], "cos": math.nan if c[3] is None else c[3]}
    ),
    "dot_product.readouts": two_vectors().map(lambda ab: {"measures": vectors.measures(ab[0][None], ab[1][None])}),
    "dot_product.side": dot_kwargs(lambda c: {"dot": c[2], "cos": c[3]}),
    "dot_product.unit_vectors": dot_kwargs(
        lambda c: {"norm_a": vectors.norm(c[0]), "norm_b": vectors.norm(c[1]), "dot": c[2]}
    ),
    "dot_product.projection_words": dot_kwargs(
        lambda c: {
            "projection": vectors.projection(c[1], c[0]),
            "dot": c[2],
            "norm_a": vectors.norm(c[0]),
            "norm_b": vectors.norm(c[1]),
        }
    ).filter(lambda k: k["projection"] is not None),  # fmt: skip
    "dot_product.picture_words": dot_kwargs(
        lambda c: {"a": c[0], "b": c[1], "angle": c[4], "projection": vectors.projection(c[1], c[0])}
    ),
    "dot_product.cosine_latex": dot_kwargs(
        lambda c: {
            "dot": c[2],
            "norm_a": vectors.norm(c[0]),
            "norm_b": vectors.norm(c[1]),
            "cos": c[3],
            "angle": c[4],
        }
    ).filter(lambda k: k["cos"] is not None),  # fmt: skip
    "dot_product.terms_latex": dot_kwargs(
        lambda c: {"a": c[0], "b": c[1], "terms": vectors.dot_terms(c[0], c[1]), "dot": c[2]}
    ),
    "dot_product.vector_text": two_vectors().map(lambda ab: {"v": ab[0]}),
    "dot_product.mismatch_notice": kwargs(n_a=SIZE, n_b=SIZE).filter(lambda k: k["n_a"] != k["n_b"]),
    "grammar.agree": kwargs(n=COUNT, singular=st.just("has"), plural_form=st.just("have")),
    "grammar.count": kwargs(n=COUNT, noun=NOUNS, thousands=BOOL),
    "grammar.plural": kwargs(noun=NOUNS, n=COUNT),
    "grammar.index_of": index_of(),
    "grammar.linear": kwargs(w=TYPED, variable=PARAMS["variable"], b=TYPED),
    "grammar.offset": kwargs(value=COMPUTED, decimals=st.sampled_from([None, 2, 4])),
    "grammar.signed": kwargs(value=COMPUTED, decimals=st.sampled_from([None, 2, 4])),
    "grammar.ordinal": kwargs(n=AT_LEAST_1),
    "grammar.times": kwargs(n=AT_LEAST_1),
    "home.progress_line": progress(),
    "home.status": kwargs(summary=st.just("A summary."), opened=BOOL, right=BOOL, has_question=BOOL),
    "iris.notice": iris_notice(),
    "iris.readout": iris_readout(),
    "iris.flower_verdict": flower_verdict(),
    "iris.data_shape": st.sets(st.integers(0, 3), min_size=1).map(lambda s: {"features": tuple(sorted(s))}),
    "iris.regions_caption": kwargs(
        pair=st.permutations(range(4)).map(lambda p: (p[0], p[1])), pair_accuracy=SHARE, star_species=st.integers(0, 2)
    ),
    "iris.in_cm": kwargs(name=st.sampled_from(["sepal_length", "petal_width"])),
    "logistic.what_to_notice": what_to_notice(),
    "logistic.threshold_notes": threshold_notes(),
    "logistic.notice": logistic_notice(),
    "logistic.source": kwargs(generated=BOOL, m=AT_LEAST_1),
    "logistic.surface_caption": logistic_points().map(lambda xy: {"x": xy[0]}),
    "logistic.descriptions": kwargs(
        name=PARAMS["name"],
        w=TYPED,
        b=TYPED,
        threshold=THRESHOLD,
        mean_loss=NONNEGATIVE,
        counts=st.lists(st.integers(0, 30), min_size=4, max_size=4).map(lambda c: [c[:2], c[2:]]),
    ),  # fmt: skip
    "logistic.descent_verdict": kwargs(
        losses=st.lists(NONNEGATIVE, min_size=1, max_size=20).map(np.array), diverged=BOOL
    ),
    "logistic.worst_point": kwargs(
        name=PARAMS["name"],
        x=rounded(st.floats(-50, 50), 1),
        y=st.sampled_from([0, 1]),
        p=SHARE,
        loss=NONNEGATIVE,
        wrong=BOOL,
        share=SHARE,
    ),  # fmt: skip
    "matmul.step_sentence": matmul_step(),
    "matmul.shown_figures": matmul_figures(),
    "matmul.readout": matmul_step().map(
        lambda c: {"step": c["step"], "last": c["last"], "expression": f"C[{c['cell'][0]}, {c['cell'][1]}] = 2"}
    ),
    "matmul.picture_words": kwargs(m=SIZE, k=SIZE, p=SIZE, cell=st.none() | st.tuples(SIZE, SIZE)),
    "matmul.outer_caption": outer_caption(),
    "matmul.outer_table_title": SIZE.flatmap(lambda k: kwargs(shown=st.integers(0, k), k=st.just(k))),
    "matmul.outer_link": kwargs(t=st.integers(0, 7)),
    "matmul.mismatch_caption": kwargs(m=SIZE, ka=SIZE, kb=SIZE, p=SIZE).filter(lambda k: k["ka"] != k["kb"]),
    "matmul.mismatch_notice": kwargs(m=SIZE, ka=SIZE, kb=SIZE, p=SIZE).filter(lambda k: k["ka"] != k["kb"]),
    "outer_product.readout": outer_kwargs(lambda c: {"w": c[0], "x": c[1], "row": c[2], "rank": c[3]}),
    "outer_product.readout_of": outer_kwargs(lambda c: {"state": (tuple(c[0]), tuple(c[1]), c[2])}),
    "outer_product.notice": outer_kwargs(lambda c: {"w": c[0], "x": c[1], "row": c[2], "rank": c[3]}),
    "outer_product.row_words": outer_kwargs(
        lambda c: {"w": c[0], "x": c[1], "m": vectors.outer(c[0], c[1]), "row": c[2]}
    ),
    "outer_product.picture_words": outer_kwargs(lambda c: {"w": c[0], "x": c[1], "row": c[2]}),
    "outer_product.outer_side": outer_kwargs(lambda c: {"n": c[0].size, "p": c[1].size, "rank": c[3]}),
    "outer_product.inner_side": outer_kwargs(
        lambda c: {"n": c[0].size, "p": c[1].size, "dot": float(c[0] @ c[1]) if c[0].size == c[1].size else None}
    ),
    "outer_product.vector": outer_kwargs(lambda c: {"v": c[1]}),
    "regression.notice": regression_notice(),
    "regression.convergence": convergence(),
    "regression.fit_verdict": fit_verdict(),
    "regression.degree_caption": degree_curves(),
    "regression.overfitting": overfitting(),
    "regression.loss_caption": loss_caption(),
    "regression.model_note": model_note(),
    "regression.scaling": kwargs(lam_max=POSITIVE, lam_min=POSITIVE).map(
        lambda k: {"lam_max": max(k.values()), "lam_min": min(k.values())}
    ),
    "regression.slider_help": kwargs(step=st.sampled_from([0.01, 0.05, 0.1, 0.5]), big=PARAMS["big"]),
    "regression.split_refused": kwargs(count=st.integers(0, 2)),
    "regression.table_note": kwargs(count=st.integers(1001, 10_000)),
    "regression.metric_help": kwargs(label=PARAMS["label"], split=BOOL),
    "regression.surface_caption": kwargs(
        optimum=PARAMS["optimum"], w=TYPED, b=TYPED, t=COUNT, w_t=COMPUTED, b_t=COMPUTED, inside=BOOL
    ),
    "logistic.no_best_fit": kwargs(classes=st.sampled_from([1, 2])),
    "models.card_count": MODEL_SIZES.flatmap(
        lambda k: kwargs(kind=st.sampled_from(models.KINDS), **{p: st.just(v) for p, v in k.items()})
    ),
    "models.readout": MODEL_SIZES.map(lambda k: {"state": (k["n"], k["d"], k["h"])}),
    "models.notes": MODEL_SIZES,
    "models.descriptions": MODEL_SIZES.map(lambda k: {"d": k["d"], "h": k["h"]}),
    "models.caption": models_caption(),
    "models.house_formula": houses(n=len(models.HOUSE_FEATURES)).map(lambda k: {"w": k["w"], "b": k["b"]}),
    "models.house_shapes": houses().map(lambda k: {"X": k["X"], "w": k["w"], "y_hat": k["y_hat"]}),
    "models.house_words": houses().map(lambda k: {"X": k["X"], "y_hat": k["y_hat"]}),
    "models.curved_words": curved(),
    "models.middle_class_words": middle_class(),
    "python.bytes_caption": bytes_caption(),
}


def strategy(name: str):
    if name in BUILDERS:
        return BUILDERS[name]
    parameters = inspect.signature(function(name)).parameters
    missing = [p for p in parameters if p not in PARAMS]
    assert not missing, f"{name}: no strategy for {missing}: add them to PARAMS, or a builder to BUILDERS"
    return kwargs(**{p: PARAMS[p] for p in parameters})


# ---------------------------------------------------------------- the marks of a broken sentence
NOT_PLURAL = {  # words ending in s that follow a 1 without being a counted plural
    "is", "was", "has", "does", "as", "its", "this", "thus", "plus", "minus", "less", "unless", "across",
    "always", "yes", "us", "counts", "means", "pays", "gives", "stays", "makes", "holds", "takes", "wants",
    "works", "calls", "bends", "disappears", "axis", "class", "sits",
}  # fmt: skip
BROKEN = [
    (re.compile(r"\+ [-−]|[-−] -|− −"), "a sign after a sign"),
    (re.compile(r"\bnan\b|\binf\b", re.IGNORECASE), "nan or inf"),
    (re.compile(r"\bNone\b"), "None"),
    (re.compile(r"(?<![\d.])-0(\.0+)?(?![\d.e])"), "a negative zero"),
    (re.compile(r"[.;:,]\s*[.;,](?!\.)"), "an empty sentence"),
    (re.compile(r"(?<=\S)  +(?=[^\s|])"), "a doubled space"),
]
BRACES = re.compile(r"[{}]")
COUNTED_PLURAL = re.compile(r"(?<![\d.,−-])(?<!\+ )(?<!− )(?<!- )\b1 ([a-z]+s)\b")
CODE = re.compile(r"`[^`]*`")  # code spans: Python's own brackets, braces and None
NUMBER = re.compile(r"(?<![\w.])-?\d+(?:\.\d+)?(?:e[+-]?\d+)?")


def significant(number: str) -> int:
    mantissa = number.lstrip("-").split("e")[0].replace(".", "").lstrip("0")
    return len(mantissa)


def words_in(result) -> list[str]:
    if isinstance(result, str):
        return [result]
    if isinstance(result, (list, tuple)):
        return [w for item in result for w in words_in(item)]
    return []


def problems(name: str, text: str) -> list[str]:
    text = CODE.sub("`code`", text)
    found = [why for pattern, why in BROKEN if pattern.search(text)]
    plurals = [w for w in COUNTED_PLURAL.findall(text) if w not in NOT_PLURAL]
    if plurals:
        found.append(f"a counted plural after 1: {plurals}")
    if name not in LATEX and BRACES.search(text):
        found.append("a brace, a formatting placeholder left in")
    long = [n for n in NUMBER.findall(text) if significant(n) > 6 and len(n.split("e")[0].partition(".")[2]) > 4]
    if long:  # format_number writes 4 decimals or 6 significant digits, never more
        found.append(f"more digits than format_number writes: {long}")
    for number, verdict in re.findall(
        r"(?<![\w.+-])(-?\d+(?:\.\d+)?(?:e[+-]?\d+)?) (?:is|are) (positive|negative|zero)\b", text
    ):
        value = float(number)
        if (verdict == "positive" and value <= 0) or (verdict == "negative" and value >= 0):
            found.append(f"{number} said to be {verdict}")
        if verdict == "zero" and value != 0:
            found.append(f"{number} said to be zero")
    return found


def verdicts(name: str, args: dict, text: str) -> list[str]:
    """Verdicts that the words and the numbers they were given must agree on."""
    found = []
    if name == "dot_product.notice" and "exactly 90°" in text and args["dot"] != 0:
        found.append("exactly 90° for a dot product that is not 0")
    if name == "dot_product.notice" and "perpendicular" in text and args["cos"] and abs(args["cos"]) > 1e-9:
        found.append("perpendicular at a cosine that is not 0")
    if name == "network.training_notice" and "close to ln 2" in text and abs(args["loss"] - math.log(2)) >= 0.01:
        found.append("close to ln 2 when it is not")
    if name == "regression.notice" and "is negative" in text and float(format_number(args["scores"]["R²"], 4)) >= 0:
        found.append("R² said negative beside a printed R² that is not")
    if name == "regression.notice" and np.all(args["y"] == args["y"][0]) and "spread of y" in text:
        found.append("a share of the spread of a constant y (SST = 0)")
    if name == "logistic.threshold_notes" and text.startswith("Lowering") and args["threshold"] >= 0.5:
        found.append("lowering to a threshold above 0.5")
    if name == "dot_product.unit_vectors" and "a · b = cos θ" in text:
        cos = args["dot"] / (args["norm_a"] * args["norm_b"])
        if format_number(args["dot"], 4) != format_number(min(max(cos, -1), 1), 4):
            found.append("a · b = cos θ written where they differ at 4 decimals")
    if name == "iris.slide_result" and "so that lbfgs can finish" in text and args["max_iter"] <= 100:
        found.append("more iterations allowed than the default at a max_iter not above it")
    if (
        name == "models.middle_class_words"
        and "no better than" in text
        and float(format_number(args["accuracy"], 4)) > float(format_number(args["majority"], 4))
    ):
        found.append("no better than the larger class at a higher accuracy")
    return found


# ---------------------------------------------------------------- the guard
FUNCTIONS = [name for name in discovered() if name not in SKIP]


def test_the_skip_list_names_only_real_functions():
    assert set(SKIP) <= set(discovered()), set(SKIP) - set(discovered())
    assert set(BUILDERS) <= set(discovered()), set(BUILDERS) - set(discovered())


def test_every_lesson_module_is_searched():
    assert {m.__name__.rsplit(".", 1)[1] for m in MODULES} >= {"arrays", "regression", "network", "grammar"}
    assert len(FUNCTIONS) > 100


@pytest.mark.parametrize("name", FUNCTIONS)
def test_every_sentence_holds_at_the_edges(name):
    f = function(name)

    @PROFILE
    @given(args=strategy(name))
    def check(args):
        result = f(**args)
        texts = words_in(result)
        assert texts or name in MAY_BE_EMPTY, f"{name} returned no words: {result!r}"
        for text in texts:
            if name not in MAY_BE_EMPTY:
                assert text.strip(), f"{name}{args} wrote an empty text"
            found = problems(name, text) + verdicts(name, args, text)
            assert not found, f"{name}: {found} in {text!r}"

    check()
