"""Iris, the "hello world" of ML: scikit-learn's LogisticRegression on 150 flowers, as on the slide."""

import math

import numpy as np
import plotly.graph_objects as go
import streamlit as st

from app import theme, ui, url_state
from app.code_panel import show_numpy_code
from app.presentation import Ideas
from app.quiz import predict_then_check
from core import iris
from core.text import format_number, parse_number

ALL = (0, 1, 2, 3)
C_RANGE = (1e-3, 1e3)
FLOWER = 77  # a versicolor the default model calls virginica: its probabilities are close
MEASURE_KEYS = tuple(name.replace(" ", "_") for name in iris.FEATURES)
SYMBOLS = ("circle", "diamond", "square")
LIGHT = [theme.blend(c, "#FFFFFF", 0.72) for c in theme.CLASS_COLORS]


@st.cache_resource(show_spinner=False)
def data():
    return iris.load()


@st.cache_resource(max_entries=64, show_spinner="Fitting LogisticRegression…")
def fitted(C: float, features: tuple, max_iter: int) -> iris.Fit:
    X, y = data()
    return iris.fit(X[:, list(features)], y, C, max_iter)


@st.cache_data(max_entries=64, show_spinner=False)
def scores(C: float, features: tuple, max_iter: int):
    X, y = data()
    predicted = fitted(C, features, max_iter).model.predict(X[:, list(features)])
    matrix = iris.confusion_matrix(y, predicted)
    return iris.accuracy(y, predicted), predicted, matrix, iris.precision_recall_f1(matrix)


@st.cache_data(max_entries=64, show_spinner=False)
def regions(C: float, pair: tuple, max_iter: int):
    X, _ = data()
    lo, hi = X[:, list(pair)].min(axis=0) - 0.4, X[:, list(pair)].max(axis=0) + 0.4
    return iris.decision_grid(fitted(C, pair, max_iter).model, (lo[0], hi[0]), (lo[1], hi[1]), n=160)


def parse_c(text: str) -> float:
    value = float(parse_number(text))
    if value <= 0:
        raise url_state.ClampedValue("C must be positive (it is 1/strength of the penalty)", C_RANGE[0])
    if not C_RANGE[0] <= value <= C_RANGE[1]:
        raise url_state.ClampedValue(
            f"{format_number(value)} is outside 0.001 to 1000", float(min(max(value, C_RANGE[0]), C_RANGE[1]))
        )
    return value


def c_from_exponent(exponent: float) -> float:
    """The C a slider position means: 10^exponent, rounded to 3 significant digits."""
    return float(f"{10**exponent:.3g}")


ui.page_header(
    "Iris: the \"hello world\" of machine learning",
    "150 iris flowers, 4 measurements each, 3 species. Five lines of scikit-learn fit a "
    "**logistic regression** that names the species from the measurements: one sigmoid-like score "
    "per species, turned into three probabilities that add up to 1 (the softmax). "
    "Change the penalty C, the features and the iterations, and see what the model gets right.",
)

ideas = Ideas(
    [
        "The model and its decision regions",
        "One flower's probabilities",
        "Where the model errs",
        "Softmax, and what to notice",
        "Predict, then check",
        "The code",
    ]
)

# --- C: the URL holds C itself; the slider moves its exponent (log scale). -------------------
if "C_exponent" not in st.session_state:
    c_url = url_state.read_param("C", 1.0, parse_c)
    st.session_state["C_exponent"] = round(math.log10(c_url), 1)
    st.session_state["_C_exact"] = (st.session_state["C_exponent"], c_url)

with ideas.idea(0):
    figure_row = ui.figure_row()  # wraps on a phone or in the large type of the presentation view
    convergence = st.container()
    controls, picture = st.columns([1, 2.2], gap="large")
with controls:
    exponent = st.slider(
        "C, the inverse penalty (log scale: 10^x)",
        -3.0,
        3.0,
        step=0.1,
        key="C_exponent",
        format="10^%.1f",
        help="Small C: a strong penalty keeps the weights small (a cautious model). "
        "Large C: almost no penalty, the model fits the flowers as well as it can.",
    )
    exact_exponent, exact_c = st.session_state["_C_exact"]
    C = exact_c if exponent == exact_exponent else c_from_exponent(exponent)
    url_state.write_param("C", C)
    st.caption(f"C = **{format_number(C)}**")
    max_iter = url_state.slider(
        "max_iter (lbfgs iterations allowed)",
        "max_iter",
        1,
        1000,
        500,
        1,
        help="The solver stops after this many steps even if not finished.",
    )

    # --- features: a multiselect of names; the URL holds their names with underscores. -------
    if "features" not in st.session_state:
        st.session_state["features"] = [
            iris.FEATURES[i] for i in url_state.read_param("features", ALL, iris.parse_features)
        ]
    chosen = st.multiselect("Features the model sees", list(iris.FEATURES), key="features")
    if chosen:
        features = tuple(sorted(iris.FEATURES.index(name) for name in chosen))
        url_state.write_param("features", iris.format_features(features))
    else:
        features = ALL
        st.error("**Features**: choose at least one measurement; until then the model uses all four.")

X, y = data()
fit = fitted(C, features, max_iter)
acc, predicted, matrix, (precision, recall, f1) = scores(C, features, max_iter)

ui.figure(
    "accuracy",
    f"{acc:.4f}",
    container=figure_row,
    help="clf.score(X, y): the share of the 150 flowers whose species is predicted right.",
)
ui.figure("iterations", fit.n_iter, container=figure_row, help="How many lbfgs steps the fit took (at most max_iter).")
ui.figure(
    "misclassified", int(np.sum(predicted != y)), container=figure_row, help="Flowers whose predicted species is wrong."
)

if not fit.converged:
    convergence.info(
        f"**The fit stopped before it converged.** lbfgs reached max_iter = {max_iter} while the "
        "loss could still go down, so scikit-learn raises a `ConvergenceWarning` (caught here). "
        "The weights are whatever the solver had at that moment; the accuracy above belongs to "
        f"that unfinished model. With these settings it needs about {fitted(C, features, 10_000).n_iter} "
        "iterations: raise max_iter, or scale the features (`StandardScaler`) so lbfgs needs fewer.",
        icon=":material/hourglass_bottom:",
    )

# --- Decision regions in two features -----------------------------------------------------------
with picture:
    names = [name.replace(" ", "_") for name in iris.FEATURES]
    pick_x, pick_y = st.columns(2)
    with pick_x:
        px = url_state.choice(
            "Horizontal axis",
            "plot_x",
            names,
            "petal_length",
            widget="select",
            format_func=lambda n: n.replace("_", " ") + " (cm)",
        )
    with pick_y:
        py = url_state.choice(
            "Vertical axis",
            "plot_y",
            names,
            "petal_width",
            widget="select",
            format_func=lambda n: n.replace("_", " ") + " (cm)",
        )
    pair = (names.index(px), names.index(py))
    if pair[0] == pair[1]:
        st.error("Choose two different features for the two axes (a flower needs two coordinates).")
    else:
        xs, ys, classes = regions(C, pair, max_iter)
        two_acc = iris.accuracy(y, fitted(C, pair, max_iter).model.predict(X[:, list(pair)]))
        scale = [
            [0, LIGHT[0]],
            [1 / 3, LIGHT[0]],
            [1 / 3, LIGHT[1]],
            [2 / 3, LIGHT[1]],
            [2 / 3, LIGHT[2]],
            [1, LIGHT[2]],
        ]
        s = theme.sizes()
        # Drawn once the flower of the sliders below is known (its star joins these traces).
        region_traces = [
            go.Heatmap(x=xs, y=ys, z=classes, zmin=-0.5, zmax=2.5, colorscale=scale, showscale=False, hoverinfo="skip")
        ]
        region_traces += [
            go.Scatter(
                x=X[y == k, pair[0]],
                y=X[y == k, pair[1]],
                mode="markers",
                name=species,
                marker={
                    "color": theme.CLASS_COLORS[k],
                    "symbol": SYMBOLS[k],
                    "size": s["marker"],
                    "line": {"color": "white", "width": 1},
                },
                hovertemplate=f"{species}<br>%{{x}} cm, %{{y}} cm<extra></extra>",
            )
            for k, species in enumerate(iris.SPECIES)
        ]
        region_axes = {
            "xaxis": {"title": {"text": iris.FEATURES[pair[0]] + " (cm)"}, "range": [xs[0], xs[-1]]},
            "yaxis": {"title": {"text": iris.FEATURES[pair[1]] + " (cm)"}, "range": [ys[0], ys[-1]]},
        }
    region_chart = st.empty()
    region_caption = st.empty()

# --- One flower, by sliders ------------------------------------------------------------------------
with ideas.idea(1):
    st.subheader("One flower: what does the model say?")
    sliders, bars = st.columns([1, 2.2], gap="large")
    with sliders:
        flower = np.array(
            [
                url_state.slider(
                    f"{name} (cm)", key, float(X[:, i].min()), float(X[:, i].max()), float(X[FLOWER, i]), 0.1
                )
                for i, (name, key) in enumerate(zip(iris.FEATURES, MEASURE_KEYS))
            ]
        )
        st.caption(
            f"The sliders start at flower {FLOWER} of the data set, a {iris.SPECIES[y[FLOWER]]}. "
            "Only the features the model sees matter."
        )
    seen = flower[list(features)].reshape(1, -1)
    proba = fit.model.predict_proba(seen)[0]
    z = fit.model.decision_function(seen)[0]
    with bars:
        fig_p = theme.new_figure(
            go.Bar(
                x=proba,
                y=list(iris.SPECIES),
                orientation="h",
                marker={"color": theme.CLASS_COLORS},
                text=[f"{v:.4f}" for v in proba],
                textposition="auto",
                hovertemplate="%{y}: %{x:.4f}<extra></extra>",
            ),
            xaxis={"title": {"text": "predicted probability"}, "range": [0, 1]},
            yaxis={"autorange": "reversed"},
            showlegend=False,
        )
        ui.chart(fig_p, height=240, key="iris_proba")
        best = int(np.argmax(proba))
        st.markdown(
            f"Predicted species: **{iris.SPECIES[best]}** (p = {proba[best]:.4f}). "
            f"The model computes one linear score per species, z = {np.round(z, 4).tolist()}, and "
            "`clf.predict_proba` turns them into three probabilities that add up to 1 (the "
            "softmax); the largest score wins."
        )

if pair[0] != pair[1]:
    fig = theme.new_figure(
        *region_traces,
        go.Scatter(
            x=[flower[pair[0]]],
            y=[flower[pair[1]]],
            mode="markers",
            name="your flower",
            marker={
                "symbol": "star",
                "size": s["marker"] + 10,
                "color": theme.PALETTE["highlight"],
                "line": {"color": "#1F2430", "width": 1.5},
            },
        ),
        **region_axes,
    )
    ui.chart(fig, height=430, key="iris_regions", container=region_chart)
    region_caption.caption(
        f"Background: the species a model fitted on these two features alone (same C and max_iter) "
        f"predicts at each point; it scores {two_acc:.4f}. Dots: the 150 flowers in their true "
        "species' colour and shape (setosa circles, versicolor diamonds, virginica squares). The star: "
        "the flower of the sliders below, in the region of "
        f"{iris.SPECIES[int(fitted(C, pair, max_iter).model.predict(flower[list(pair)].reshape(1, -1))[0])]}."
    )

# --- Confusion matrix and per-class scores ----------------------------------------------------------
with ideas.idea(2):
    st.subheader("Where the model errs")
    heat, table = st.columns([1.2, 1], gap="large")
    with heat:
        fig_c = theme.new_figure(
            go.Heatmap(
                z=matrix,
                x=[f"predicted<br>{s_}" for s_ in iris.SPECIES],
                y=[f"true<br>{s_}" for s_ in iris.SPECIES],
                colorscale=theme.RESULT_SCALE,
                showscale=False,
                text=matrix,
                texttemplate="%{text}",
                textfont={"size": theme.sizes()["cell_text"] + 4},
                hovertemplate="%{y}, %{x}: %{z} flowers<extra></extra>",
            ),
            yaxis={"autorange": "reversed"},
            xaxis={"side": "top"},
        )
        ui.chart(fig_c, height=320, key="iris_confusion")
        st.caption(
            "Rows: the true species; columns: the prediction. The diagonal counts the right "
            "answers; anything off it is a mistake."
        )
    with table:
        # Three rows: a plain table, read by a screen reader as one (a data grid is for long data).
        st.table(
            {
                "species": list(iris.SPECIES),
                "precision": [f"{v:.4f}" for v in precision],
                "recall": [f"{v:.4f}" for v in recall],
                "F1": [f"{v:.4f}" for v in f1],
                "flowers": matrix.sum(axis=1),
            },
            hide_index=True,
            width="content",
        )
        st.latex(
            r"\text{precision}_k = \frac{M_{kk}}{\sum_i M_{ik}} \quad "
            r"\text{recall}_k = \frac{M_{kk}}{\sum_j M_{kj}}"
        )
        st.latex(r"F_1 = \frac{2\,\text{precision}\cdot\text{recall}}{\text{precision} + \text{recall}}")

with ideas.idea(3):
    st.subheader("Softmax: three scores, three probabilities")
    formula_cols = st.columns(2)  # side by side on a wide screen, stacked on a phone
    formula_cols[0].latex(r"z = W x + b, \qquad p_k = \frac{e^{z_k}}{\sum_j e^{z_j}}")
    formula_cols[1].latex(r"\hat y = \arg\max_k p_k = \arg\max_k z_k")
    st.latex(r"L(W, b) = \sum_{i=1}^{n} -\ln p_{i,\,y_i} \;+\; \frac{1}{2C}\,\lVert W \rVert^2")
    st.caption(
        "W holds one row of weights per species. The fit lowers L: the logistic loss of the "
        "previous page with three classes (−ln of the probability given to the true species), "
        "plus a penalty on the weights that a small C makes strong."
    )
    st.subheader("What to notice")
    wrong = int(np.sum(predicted != y))
    with_setosa = int(matrix[0, 1:].sum() + matrix[1:, 0].sum())
    petal_acc = scores(C, (2, 3), max_iter)[0]
    sepal_acc = scores(C, (0, 1), max_iter)[0]
    st.markdown(
        (
            "Every flower is classified right with these settings. "
            if wrong == 0
            else f"All {wrong} mistakes are between versicolor and virginica, whose measurements overlap; setosa, "
            "with much smaller petals, is separated by one straight boundary. "
            if with_setosa == 0
            else f"{wrong} flowers are misclassified, {with_setosa} of them with setosa on one side: with these "
            "features even setosa is not cleanly separated. "
        )
        + f"The petals carry most of the information: petal length and width alone score {petal_acc:.4f}, "
        f"the two sepal measurements alone {sepal_acc:.4f}. "
        f"With C = {format_number(C)} the largest weight is {np.abs(fit.model.coef_).max():.4f}: a smaller C "
        "shrinks the weights, the scores move closer together and the probabilities get less sure. "
        f"The accuracy {acc:.4f} is measured on the same flowers the model learned from, as on the slide; "
        "a fair test would hold some flowers out."
    )

with ideas.idea(4):
    predict_then_check("softmax")

columns = (
    "" if features == ALL else f"\n    X = X[:, {list(features)}]  # {', '.join(iris.FEATURES[i] for i in features)}"
)
c_arg = "" if C == 1.0 else f", C={C!r}"
flower_code = "[" + ", ".join(format_number(v) for v in flower[list(features)]) + "]"
with ideas.idea(5):
    show_numpy_code(
        f"""
    import numpy as np
    from sklearn.datasets import load_iris
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import classification_report, confusion_matrix

    X, y = load_iris(return_X_y=True){columns}
    clf = LogisticRegression(random_state=0{c_arg}, max_iter={max_iter}).fit(X, y)
    print(f"accuracy = {{clf.score(X, y):.4f}}")
    print("iterations =", clf.n_iter_.max())
    print("misclassified =", np.sum(clf.predict(X) != y))

    flower = np.array([{flower_code}])  # the sliders' flower
    print("probabilities:", clf.predict_proba(flower).round(4))
    print(confusion_matrix(y, clf.predict(X)))
    print(classification_report(y, clf.predict(X), digits=4,
                                target_names=["setosa", "versicolor", "virginica"]))
""",
        title="Code: the slide's scikit-learn, with these settings",
        expanded=ideas.presenting,
    )
