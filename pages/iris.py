"""Iris, the "hello world" of ML: scikit-learn's LogisticRegression on 150 flowers, as on the slide."""

import numpy as np
import streamlit as st

from app import live, state, ui, url_state
from app.cached import iris_fit_path as fit_path
from app.cached import iris_load as load
from app.cached import iris_regions as regions_of
from app.code_panel import show_numpy_code
from app.figures import iris as figures
from app.lessons import iris as text
from app.presentation import Ideas
from app.projector import current_style
from app.quiz import predict_then_check
from app.registry import page
from core import iris
from core.text import format_number

SPEC = page("iris")
NAMES = [name.replace(" ", "_") for name in iris.FEATURES]  # the features as the URL writes them
ALL, MAX_ITER = (0, 1, 2, 3), int(SPEC.default("max_iter"))
FLOWER = 77  # the sliders' first flower (the registry's defaults): a versicolor the model calls virginica

ui.page_header(text.TITLE, text.INTRO)
ideas = Ideas(text.IDEAS)
X, y = load()

# --- State: C (declared in the registry: the URL holds C, the slider log10 C), then the settings under the picture.
C_SLIDER = state.slider(SPEC, "C_exponent", text.C_LABEL, kind=figures.CSlider, big_step=4, help=text.C_HELP)
exponents, cs = C_SLIDER.values, C_SLIDER.cs

parts = [ideas.idea(i) for i in range(len(text.IDEAS))]
with parts[0]:
    metric_row, picture, slide_note, settings = ui.figure_row(), st.container(), st.container(), st.container()
with settings:
    write = lambda chosen: iris.format_features(sorted(chosen) or ALL)  # none chosen: the model uses all four
    pills = {"label": text.FEATURES_LABEL, "options": ALL, "format_func": iris.FEATURES.__getitem__}
    default = iris.parse_features(SPEC.default("features"))
    chosen = url_state.bound(st.pills, "features", default, iris.parse_features, write, **pills, selection_mode="multi")
    features = tuple(sorted(chosen)) or ALL
    if not chosen:
        st.error(text.FEATURES_ERROR)
    iterations, *axes = st.columns(3)
    with iterations:
        max_iter = url_state.slider(text.MAX_ITER_LABEL, "max_iter", 1, 1000, MAX_ITER, 1, help=text.MAX_ITER_HELP)
    axis = {"options": NAMES, "widget": "select", "format_func": text.in_cm}
    pair = tuple(
        NAMES.index(url_state.choice(label, key, default=SPEC.default(key), container=column, **axis))
        for label, key, column in zip(text.AXIS_LABELS, ("plot_x", "plot_y"), axes)
    )
    convergence = st.container()

with parts[1]:
    st.subheader(text.FLOWER_TITLE)
    sliders, bars = st.columns([1, 2.2], gap="large")
    with sliders:
        limits = zip(NAMES, X.min(axis=0).tolist(), X.max(axis=0).tolist())
        flower = np.array(
            [url_state.slider(text.in_cm(k), k, lo, hi, float(SPEC.default(k)), 0.1) for k, lo, hi in limits]
        )
        st.caption(text.flower_caption(FLOWER, y[FLOWER]))

# --- Core: the model at every C of the slider (cached fits), the rest NumPy on its weights.
seen = X[:, list(features)]
path = fit_path(seen, y, cs, max_iter)
accuracy = iris.path_accuracy(seen, y, path)
wrong = np.sum(iris.predict(seen, path.coef, path.intercept) != y, axis=-1)
style = current_style()
regions = regions_of(pair, X, y, fit_path(X[:, list(pair)], y, cs, max_iter), style) if pair[0] != pair[1] else None
pair_accuracy = regions.accuracy if regions else [None] * len(cs)
readouts = [text.readout(*row) for row in zip(cs, accuracy, wrong, pair_accuracy, path.converged)]


# --- Figures, words and layout: everything C changes, rerun alone on a step of its slider.
@live.fragment
def follow_c(features, max_iter, pair, flower, seen, path, accuracy, wrong, regions, readouts) -> None:
    i = C_SLIDER.index(np.log10(state.bind(SPEC, ("C",))["C"]))  # the C slider's position
    C = cs[i]
    matrix = iris.confusion_matrix(y, iris.predict(seen, path.coef[i], path.intercept[i]))
    z = iris.class_scores(flower[list(features)], path.coef[i], path.intercept[i])
    ui.figure("accuracy", format_number(accuracy[i], 4), container=metric_row, help=text.ACCURACY_HELP)
    ui.figure("iterations", int(path.n_iter[i]), container=metric_row, help=text.ITERATIONS_HELP)
    ui.figure("misclassified", int(wrong[i]), container=metric_row, help=text.MISCLASSIFIED_HELP)
    if text.is_slide_state(C, features, accuracy[i]):
        slide_note.markdown(text.slide_result(max_iter))
    shown = figures.live_figures(cs, accuracy, len(features), regions, y, flower, i, style)
    caption = text.regions_caption(pair, regions.accuracy[i], regions.species_at(flower, i)) if regions else text.CURVES
    with picture:
        if not regions:
            st.error(text.SAME_AXES_ERROR)
        sweep = {"C_exponent": figures.c_sweep(cs, accuracy, regions, readouts, style)}
        options = {
            "readout": readouts[i],
            "descriptions": [caption] * len(shown),
            "controls": "side" if ideas.presenting else "top",
        }
        live.element("iris_live", [C_SLIDER], {"C_exponent": exponents[i]}, shown, sweep, **options)
        st.caption(caption)
    with settings:
        st.markdown(text.data_shape(features))
    if not path.converged[i]:
        needed = int(fit_path(seen, y, (C,), 10_000).n_iter[0])
        convergence.info(text.not_converged(max_iter, needed), icon=":material/hourglass_bottom:")

    with bars:
        ui.chart(figures.probability_bars(iris.softmax(z), style), key="iris_proba")
        st.markdown(text.flower_verdict(iris.softmax(z), z))

    with parts[2]:
        st.subheader(text.ERRORS_TITLE)
        heat, words = st.columns([1.3, 1], gap="large")
        ui.chart(figures.confusion_figure(matrix, style), key="iris_confusion", container=heat)
        words.caption(text.CONFUSION_CAPTION)
        for formula in (text.PRECISION, text.RECALL, text.F1):
            words.latex(formula)
        st.table(text.scores_table(matrix, *iris.precision_recall_f1(matrix)), hide_index=True, width="content")

    with parts[3]:
        st.subheader(text.SOFTMAX_TITLE)
        formulas = st.columns(2)  # side by side on a wide screen, stacked on a phone
        formulas[0].latex(text.SOFTMAX)
        formulas[1].latex(text.ARGMAX)
        st.latex(text.LOSS)
        st.caption(text.LOSS_NOTES)
        st.markdown(text.DEFAULTS)
        petal, sepal = (iris.path_accuracy(X[:, f], y, fit_path(X[:, f], y, cs, max_iter))[i] for f in ([2, 3], [0, 1]))
        st.markdown(text.notice(matrix, C, np.abs(path.coef[i]).max(), accuracy[i], petal, sepal))

    with parts[5]:
        notes = [f"$${text.SOFTMAX}$$", f"$${text.LOSS}$$", text.LOSS_NOTES]
        code = text.code(C, features, max_iter, flower)
        show_numpy_code(code, title=text.CODE_TITLE, expanded=ideas.presenting, notes=notes, figure=shown[0])


follow_c(features, max_iter, pair, flower, seen, path, accuracy, wrong, regions, readouts)
with parts[4]:
    predict_then_check("softmax")
