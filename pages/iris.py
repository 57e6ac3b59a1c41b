"""Iris, the "hello world" of ML: scikit-learn's LogisticRegression on 150 flowers, as on the slide."""

from dataclasses import dataclass

import numpy as np
import streamlit as st

from app import live, ui, url_state
from app.code_panel import show_numpy_code
from app.figures import iris as figures
from app.lessons import iris as text
from app.presentation import Ideas
from app.projector import current_style
from app.quiz import predict_then_check
from app.registry import page
from app.sweeps import figure_json
from core import iris
from core.text import format_number, parse_number

SPEC = page("iris")
NAMES = [name.replace(" ", "_") for name in iris.FEATURES]  # the features as the URL writes them
FLOWER = 77  # the sliders' first flower (the registry's defaults): a versicolor the model calls virginica
load, fit_path = live.cached(iris.load), live.cached(iris.fit_path)


@dataclass(frozen=True)
class CSlider(live.Slider):
    """The C slider: its positions are exponents of 10 (a log scale); it shows C itself."""

    cs: tuple[float, ...] = ()

    def text(self, value: float) -> str:
        return format_number(self.cs[self.index(value)])


def parse_c(raw: str) -> float:
    if parse_number(raw) <= 0:
        raise url_state.ClampedValue("C must be positive: it is the inverse of the penalty's strength", 0.001)
    return url_state.number_parser(*iris.C_LIMITS, integer=False)(raw)


ui.page_header(text.TITLE, text.INTRO)
ideas = Ideas(text.IDEAS)
X, y = load()

# --- State: C (the URL holds C, the slider its exponent), then the settings under the picture.
if "_iris_url_C" not in st.session_state:
    st.session_state["_iris_url_C"] = url_state.read_param("C", float(SPEC.default("C")), parse_c)
exponents, cs = iris.c_positions(st.session_state["_iris_url_C"])
C_SLIDER = CSlider("C_exponent", text.C_LABEL, exponents, 0.0, big_step=4, help=text.C_HELP, cs=cs)
st.session_state.setdefault("C_exponent", exponents[cs.index(st.session_state["_iris_url_C"])])
i = C_SLIDER.index(st.session_state["C_exponent"])
C = cs[i]
url_state.write_param("C", C)

with ideas.idea(0):
    metric_row, picture, settings = ui.figure_row(), st.container(), st.container()
with settings:
    if "features" not in st.session_state:
        chosen = url_state.read_param("features", iris.parse_features(SPEC.default("features")), iris.parse_features)
        st.session_state["features"] = [iris.FEATURES[k] for k in chosen]
    chosen = st.pills(text.FEATURES_LABEL, list(iris.FEATURES), selection_mode="multi", key="features")
    features = tuple(sorted(iris.FEATURES.index(name) for name in chosen)) or (0, 1, 2, 3)
    if chosen:
        url_state.write_param("features", iris.format_features(features))
    else:
        st.error(text.FEATURES_ERROR)
    iterations, horizontal, vertical = st.columns(3)
    max_iter = url_state.slider(
        text.MAX_ITER_LABEL,
        "max_iter",
        1,
        1000,
        int(SPEC.default("max_iter")),
        1,
        help=text.MAX_ITER_HELP,
        container=iterations,
    )
    axes = [
        url_state.choice(
            label,
            key,
            NAMES,
            SPEC.default(key),
            widget="select",
            container=column,
            format_func=lambda n: n.replace("_", " ") + " (cm)",
        )
        for label, key, column in (("Horizontal axis", "plot_x", horizontal), ("Vertical axis", "plot_y", vertical))
    ]
    pair = tuple(NAMES.index(name) for name in axes)
    convergence = st.container()

with ideas.idea(1):
    st.subheader(text.FLOWER_TITLE)
    sliders, bars = st.columns([1, 2.2], gap="large")
    with sliders:
        flower = np.array(
            [
                url_state.slider(
                    f"{name} (cm)", key, float(X[:, k].min()), float(X[:, k].max()), float(SPEC.default(key)), 0.1
                )
                for k, (name, key) in enumerate(zip(iris.FEATURES, NAMES))
            ]
        )
        st.caption(text.flower_caption(FLOWER, y[FLOWER]))

# --- Core: the model at every C of the slider (cached fits), the rest NumPy on its weights.
seen = X[:, list(features)]
path = fit_path(seen, y, cs, max_iter)
accuracy = iris.path_accuracy(seen, y, path)
wrong = np.sum(iris.predict(seen, path.coef, path.intercept) != y, axis=-1)
matrix = iris.confusion_matrix(y, iris.predict(seen, path.coef[i], path.intercept[i]))
z = iris.class_scores(flower[list(features)], path.coef[i], path.intercept[i])
regions = None
if pair[0] != pair[1]:
    X2, pair_path = X[:, list(pair)], fit_path(X[:, list(pair)], y, cs, max_iter)
    box = tuple((lo - 0.4, hi + 0.4) for lo, hi in zip(X2.min(axis=0), X2.max(axis=0)))
    polygons = [iris.region_polygons(pair_path.coef[j], pair_path.intercept[j], *box) for j in range(len(cs))]
    regions = figures.Regions(pair, X2, box, polygons, iris.path_accuracy(X2, y, pair_path))
    star = int(iris.predict(flower[list(pair)], pair_path.coef[i], pair_path.intercept[i]))
pair_accuracy = regions.accuracy if regions else [None] * len(cs)
readouts = [text.readout(*row) for row in zip(cs, accuracy, wrong, pair_accuracy, path.converged)]

# --- Figures and layout.
style = current_style()
ui.figure("accuracy", format_number(accuracy[i], 4), container=metric_row, help=text.ACCURACY_HELP)
ui.figure("iterations", int(path.n_iter[i]), container=metric_row, help=text.ITERATIONS_HELP)
ui.figure("misclassified", int(wrong[i]), container=metric_row, help=text.MISCLASSIFIED_HELP)
live_figures = [figures.accuracy_path_figure(cs, accuracy, len(features), regions, i, style)]
with picture:
    if regions:
        live_figures.insert(0, figures.regions_figure(regions, y, flower[list(pair)], i, style))
        caption = text.regions_caption(pair, regions.accuracy[i], star)
    else:
        st.error(text.SAME_AXES_ERROR)
        caption = text.PATH_CAPTION
    sweep = figures.c_sweep(cs, accuracy, regions, readouts, style)
    live.element(
        "iris_live",
        [C_SLIDER],
        {"C_exponent": exponents[i]},
        [figure_json(f) for f in live_figures],
        {"C_exponent": sweep},
        readout=readouts[i],
        descriptions=[caption] * len(live_figures),
        controls="top",
    )
    st.caption(caption)
with settings:
    st.markdown(text.data_shape(features))
if not path.converged[i]:
    needed = int(fit_path(seen, y, (C,), 10_000).n_iter[0])
    convergence.info(text.not_converged(max_iter, needed), icon=":material/hourglass_bottom:")

with bars:
    ui.chart(figures.probability_bars(iris.softmax(z), style), key="iris_proba")
    st.markdown(text.flower_verdict(iris.softmax(z), z))

with ideas.idea(2):
    st.subheader(text.ERRORS_TITLE)
    heat, table = st.columns([1.2, 1], gap="large")
    with heat:
        ui.chart(figures.confusion_figure(matrix, style), key="iris_confusion")
        st.caption(text.CONFUSION_CAPTION)
    with table:
        precision, recall, f1 = iris.precision_recall_f1(matrix)
        scores = {"precision": precision, "recall": recall, "F1": f1}
        st.table(
            {"species": list(iris.SPECIES)}
            | {k: [format_number(v, 4) for v in s] for k, s in scores.items()}
            | {"flowers": matrix.sum(axis=1)},
            hide_index=True,
            width="content",
        )
        st.latex(text.PRECISION_RECALL)
        st.latex(text.F1)

with ideas.idea(3):
    st.subheader(text.SOFTMAX_TITLE)
    formulas = st.columns(2)  # side by side on a wide screen, stacked on a phone
    formulas[0].latex(text.SOFTMAX)
    formulas[1].latex(text.ARGMAX)
    st.latex(text.LOSS)
    st.caption(text.LOSS_NOTES)
    st.subheader(text.DEFAULTS_TITLE)
    st.markdown(text.DEFAULTS)
    st.subheader(text.NOTICE_TITLE)
    petal, sepal = (iris.path_accuracy(X[:, f], y, fit_path(X[:, f], y, cs, max_iter))[i] for f in ([2, 3], [0, 1]))
    st.markdown(text.notice(matrix, C, np.abs(path.coef[i]).max(), accuracy[i], petal, sepal))

with ideas.idea(4):
    predict_then_check("softmax")

with ideas.idea(5):
    show_numpy_code(
        text.code(C, features, max_iter, flower),
        title=text.CODE_TITLE,
        expanded=ideas.presenting,
        notes=[f"$${text.SOFTMAX}$$", f"$${text.LOSS}$$", text.LOSS_NOTES],
        figure=live_figures[0],
    )
