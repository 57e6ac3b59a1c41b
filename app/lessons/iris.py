"""Iris: the words of the page."""

from __future__ import annotations

import numpy as np

from app.lessons.grammar import agree, count
from core.iris import FEATURES, SPECIES
from core.text import format_number

TITLE = 'Iris: the "hello world" of ML'
INTRO = (
    "150 flowers, 4 measurements, 3 species: the slide's `LogisticRegression` learns to name the species. "
    "Move C and watch the decision regions."
)
IDEAS = [
    "The model and its decision regions",
    "One flower's probabilities",
    "Where the model errs",
    "Softmax, and what to notice",
    "Predict, then check",
    "The code",
]
C_LABEL = "C, the inverse of the penalty's strength"
C_HELP = (
    "C = 1 is scikit-learn's default. Small C: a strong penalty keeps the weights small (a cautious "
    "model); large C: almost no penalty. Arrow keys step C by a quarter of a decade (×1.78), "
    "PageUp and PageDown by a decade (×10), Home and End go to 0.001 and 1000."
)
MAX_ITER_LABEL = "max_iter (lbfgs iterations allowed)"
MAX_ITER_HELP = (
    "lbfgs (limited-memory BFGS), scikit-learn's default optimiser, is a gradient method that also "
    "estimates the loss's curvature from its last steps, so it needs far fewer steps than plain "
    "gradient descent. It stops after max_iter steps, finished or not."
)
FEATURES_LABEL = "Features the model sees"
AXIS_LABELS = ("Horizontal axis", "Vertical axis")
FEATURES_ERROR = "**Features**: choose at least one measurement; until then the model uses all four."
SAME_AXES_ERROR = "Choose two different features for the two axes (a flower needs two coordinates)."
ACCURACY_HELP = (
    "Training accuracy, the slide's clf.score(X, y): the share of the 150 flowers predicted right, "
    "measured on the same flowers the model learned from."
)
ITERATIONS_HELP = "How many lbfgs steps the fit took (at most max_iter)."
MISCLASSIFIED_HELP = "Training flowers whose predicted species is wrong."
FLOWER_TITLE = "One flower: what does the model say?"
ERRORS_TITLE = "Where the model errs on its training flowers"
CONFUSION_CAPTION = (
    "Rows: the true species; columns: the prediction, for the 150 flowers the model learned from. "
    "The diagonal counts the right answers; anything off it is a mistake."
)
PRECISION = r"\text{precision}_k = \frac{M_{kk}}{\sum_i M_{ik}}"
RECALL = r"\text{recall}_k = \frac{M_{kk}}{\sum_j M_{kj}}"
F1 = r"F_1 = \frac{2\,\text{precision}\cdot\text{recall}}{\text{precision} + \text{recall}}"
SOFTMAX_TITLE = "Softmax: three scores, three probabilities"
SOFTMAX = r"z = W x + b, \qquad p_k = \frac{e^{z_k}}{\sum_j e^{z_j}}"
ARGMAX = r"\hat y = \arg\max_k p_k = \arg\max_k z_k"
LOSS = r"L(W, b) = \sum_{i=1}^{m} -\ln p^{(i)}_{y^{(i)}} \;+\; \frac{1}{2C}\,\lVert W \rVert^2"
LOSS_NOTES = (
    "W holds one row of weights per species, and each score z_k = w_k · x + b_k is linear: any real "
    "number, not a probability. The softmax turns the three scores into probabilities that add up to 1; "
    "with two classes it reduces to the sigmoid of the previous page. The fit lowers L: the logistic "
    "loss of the previous page with three classes (−ln of the probability given to the true species), "
    "**summed** over the m flowers where that page took the mean, so the penalty's weight against the "
    "data depends on how many flowers there are. C divides the penalty: it is the inverse of its "
    "strength, so a small C makes the penalty strong."
)
DEFAULTS = (
    "#### What `LogisticRegression()` does by default\n\n"
    "- **An L2 penalty with C = 1**, the ‖W‖² / 2C term above: the slide's fit is not the "
    "unpenalised best fit of the previous page's loss, and a larger C comes closer to it.\n"
    "- **The lbfgs optimiser** (the slide's \"???\" box): limited-memory BFGS, a gradient method that "
    "uses the last few steps to estimate the curvature, for at most `max_iter` steps.\n"
    "- **Softmax over the three classes**: one score per species, turned into three probabilities."
)
CODE_TITLE = "Code: the slide's scikit-learn, with these settings"


def in_cm(name: str) -> str:
    """A feature as the URL writes it (``petal_length``), as a label: ``petal length (cm)``."""
    return name.replace("_", " ") + " (cm)"


def readout(C: float, accuracy: float, wrong: int, pair_accuracy: float | None, converged: bool) -> str:
    """The live readout at one position of the C slider (``pair_accuracy``: the regions' model, if drawn)."""
    regions = "" if pair_accuracy is None else f" · regions' model {format_number(pair_accuracy, 4)}"
    stopped = "" if converged else " · stopped at max_iter"
    return f"C = {format_number(C)} · training accuracy {format_number(accuracy, 4)} ({wrong} of 150 wrong){regions}{stopped}"


def data_shape(features: tuple[int, ...]) -> str:
    """The data in the slides' terms: X (m, n) and y, with the chosen features."""
    names = ", ".join(FEATURES[i] for i in features)
    return (
        f"In the slides' terms: `X` has shape (150, {len(features)}), a row per flower (m = 150 data "
        f"points) and a column per feature (n = {len(features)}: {names}); `y` holds the 150 labels, "
        "0 = setosa, 1 = versicolor, 2 = virginica."
    )


def regions_caption(pair: tuple[int, int], pair_accuracy: float, star_species: int) -> str:
    """What the regions picture shows, with its model's training accuracy."""
    return (
        f"The regions: the species a model fitted on {FEATURES[pair[0]]} and {FEATURES[pair[1]]} alone (same C "
        f"and max_iter) predicts at each point; its training accuracy is {format_number(pair_accuracy, 4)}. "
        "Its boundaries are straight lines, where two species' scores are equal. Dots: the 150 flowers "
        "in their true species' colour and shape (setosa circles, versicolor diamonds, virginica squares). "
        f"The star: the flower of the sliders below, in the region of {SPECIES[star_species]}. "
        "The curves: the training accuracy at every C, the star at this one."
    )


CURVES = "The training accuracy at every C, the star at this one."


def not_converged(max_iter: int, needed: int) -> str:
    """Why a fit that stopped at max_iter is shown with a note."""
    return (
        f"**The fit stopped before it converged.** lbfgs reached max_iter = {max_iter} while the "
        "loss could still go down, so scikit-learn raises a `ConvergenceWarning` (caught here). "
        "The weights are whatever the solver had at that moment; the accuracy above belongs to "
        f"that unfinished model. With these settings it needs about {count(needed, 'iteration')}: raise max_iter, or scale the features (`StandardScaler`) so lbfgs needs fewer."
    )


def flower_caption(flower_index: int, species: int) -> str:
    return (
        f"The sliders start at flower {flower_index} of the data set, a {SPECIES[species]}. "
        "Only the features the model sees matter."
    )


def flower_verdict(proba: np.ndarray, z: np.ndarray) -> str:
    """The predicted species of the sliders' flower, and its scores."""
    best = int(np.argmax(proba))
    scores = "[" + ", ".join(format_number(v, 4) for v in z) + "]"
    return (
        f"Predicted species: **{SPECIES[best]}** (p = {format_number(proba[best], 4)}). "
        f"The model computes one linear score per species, z = {scores}, and "
        "`clf.predict_proba` turns them into three probabilities that add up to 1 (the "
        "softmax); the largest score wins."
    )


def notice(
    matrix: np.ndarray, C: float, largest_weight: float, accuracy: float, petal_accuracy: float, sepal_accuracy: float
) -> str:
    """What to notice, with the current numbers."""
    wrong = int(matrix.sum() - np.trace(matrix))
    with_setosa = int(matrix[0, 1:].sum() + matrix[1:, 0].sum())
    if wrong == 0:
        mistakes = "Every training flower is classified right with these settings. "
    elif with_setosa == 0:
        mistakes = (
            f"Every mistake ({count(wrong, 'flower')}) is between versicolor and virginica, whose measurements overlap; "
            "setosa, with much smaller petals, is separated by one straight boundary. "
        )
    else:
        mistakes = (
            f"{count(wrong, 'flower')} {agree(wrong, 'is', 'are')} misclassified; {count(with_setosa, 'mistake')} "
            f"{agree(with_setosa, 'involves', 'involve')} setosa: with these "
            "features even setosa is not cleanly separated. "
        )
    return (
        "#### What to notice\n\n"
        + mistakes
        + "The petals carry most of the information: petal length and width alone score "
        f"{format_number(petal_accuracy, 4)}, the two sepal measurements alone {format_number(sepal_accuracy, 4)}. "
        f"With C = {format_number(C)} the largest weight is {format_number(largest_weight, 4)}: a smaller C "
        "makes the penalty stronger and shrinks the weights, the scores move closer together and the "
        f"probabilities get less sure. The accuracy {format_number(accuracy, 4)} is training accuracy, "
        "measured on the same flowers the model learned from, as on the slide; a fair test would hold "
        "some flowers out."
    )


def scores_table(matrix: np.ndarray, precision, recall, f1) -> dict:
    """Precision, recall and F1 per species, as a table's columns."""
    scores = {"precision": precision, "recall": recall, "F1": f1}
    return (
        {"species": list(SPECIES)}
        | {name: [format_number(v, 4) for v in values] for name, values in scores.items()}
        | {"flowers": matrix.sum(axis=1)}
    )


SLIDE_RESULT = "0.9733"  # the slide's clf.score(X, y): 146 of the 150 flowers


def is_slide_state(C: float, features: tuple[int, ...], accuracy: float) -> bool:
    """Whether the page shows the slide's model: C = 1, all four features, and its score 0.9733."""
    return C == 1.0 and features == tuple(range(len(FEATURES))) and format_number(accuracy, 4) == SLIDE_RESULT


def slide_result(max_iter: int) -> str:
    """Said only in the slide's state: the 0.9733 on the page is the slide's number."""
    if max_iter > 100:
        steps = (
            f"The page allows max_iter = {max_iter} so that lbfgs can finish; with scikit-learn's default of "
            "100 the slide's fit stops early with a `ConvergenceWarning`, and scores the same 0.9733."
        )
    elif max_iter == 100:
        steps = (
            "max_iter = 100 is scikit-learn's default, as on the slide: lbfgs stops there with a "
            "`ConvergenceWarning`, and the score is 0.9733 all the same."
        )
    else:
        steps = (
            f"With max_iter = {max_iter}, lbfgs stops even before scikit-learn's default of 100 (with a "
            "`ConvergenceWarning`, as at 100), and this unfinished fit happens to score the same 0.9733."
        )
    return (
        f"**{SLIDE_RESULT} is the slide's result**: `LogisticRegression(random_state=0).fit(X, y)` on all "
        f"four features with C = 1, scored on the 150 flowers it learned from (146 right). {steps}"
    )


def code(C: float, features: tuple[int, ...], max_iter: int, flower: np.ndarray) -> str:
    """The slide's scikit-learn, line for line, with what the page adds; it prints the page's figures."""
    columns = (
        ""
        if features == tuple(range(len(FEATURES)))
        else f"\n    X = X[:, {list(features)}]  # the page's feature choice: {', '.join(FEATURES[i] for i in features)}"
    )
    c_arg = "" if C == 1.0 else f", C={C!r}"
    flower_code = "[" + ", ".join(format_number(v) for v in flower[list(features)]) + "]"
    return f"""
    import numpy as np
    from sklearn.datasets import load_iris
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import classification_report, confusion_matrix

    iris = load_iris()
    X, y = iris['data'], iris['target']
    print(iris['feature_names'])
    print(iris['target_names']){columns}
    # The page adds{' C and' if c_arg else ''} max_iter (scikit-learn's default, 100, stops lbfgs early).
    clf = LogisticRegression(random_state=0{c_arg}, max_iter={max_iter}).fit(X, y)
    # As on the slide: X[2:, :] is every flower from row 2 on (148 rows); the first 5 are printed.
    print(clf.predict(X[2:, :])[:5])
    print(clf.predict_proba(X[2:, :])[:5].round(4))
    print(f"accuracy = {{clf.score(X, y):.4f}}")  # the slide's clf.score(X, y): training accuracy
    print("iterations =", clf.n_iter_.max())
    print("misclassified =", np.sum(clf.predict(X) != y))

    flower = np.array([{flower_code}])  # the sliders' flower
    print("probabilities:", clf.predict_proba(flower).round(4))
    print(confusion_matrix(y, clf.predict(X)))
    print(classification_report(y, clf.predict(X), digits=4, target_names=iris['target_names']))
"""
