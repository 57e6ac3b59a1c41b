"""The teaching parts of the regression and classification pages under AppTest: one idea at a
time in the presentation view, the fit-by-eye challenge, and the predict-then-check questions."""

import re

import numpy as np
import pytest
from sklearn.linear_model import LinearRegression

from core.data import house_prices
from core.quiz import fit_by_eye_score, logistic_loss_question, mse_question, softmax_question
from scripts.app_driver import live_elements, metrics, open_page, slider

POINTS = "0.5, 2; 1, 3.6; 1.5, 5.1; 2, 6.9; 2.5, 8.2"
X = np.array([0.5, 1, 1.5, 2, 2.5])
Y = np.array([2, 3.6, 5.1, 6.9, 8.2])
CONTRACT = {
    "linear-regression": {"MSE", "RMSE", "MAE", "R²", "best MSE"},
    "logistic-regression": {"mean logistic loss", "accuracy", "precision", "recall", "F1"},
    "iris": {"accuracy"},
}


def bar_text(at) -> str:
    return " ".join(m.value for m in at.markdown)


def scored(elements) -> list[str]:
    """The fit-by-eye verdicts among some st.success or st.info boxes."""
    return [e.value for e in elements if e.value.startswith("**Score")]


def trace_names(at, key: str) -> list[str]:
    chart = next(c for c in at.get("plotly_chart") if key in c.proto.id)
    return re.findall(r'"name":\s*"([^"]*)"', chart.proto.spec)


@pytest.mark.parametrize("url_path", list(CONTRACT))
def test_presentation_view_moves_on_and_keeps_the_figures(url_path):
    at = open_page(url_path, {"present": "1"})
    assert not at.exception and not at.warning
    assert re.search(r"Idea 1 of \d+", bar_text(at))
    at.button(key="idea_next").click().run()
    assert not at.exception
    assert at.query_params["idea"] == "2"
    assert re.search(r"Idea 2 of \d+", bar_text(at))
    assert CONTRACT[url_path] <= set(metrics(at)), "the figures stay in idea 1, computed while hidden"


def test_every_idea_of_every_page_can_be_opened_from_the_url():
    for url_path in CONTRACT:
        count = int(re.search(r"Idea 1 of (\d+)", bar_text(open_page(url_path, {"present": "1"}))).group(1))
        last = open_page(url_path, {"present": "1", "idea": str(count)})
        assert not last.exception and not last.warning
        assert f"Idea {count} of {count}" in bar_text(last)


# ---------------------------------------------------------------- linear regression: fit by eye
def typed(value: float) -> float:
    """``value`` as a student could type it into the address bar (``w=2.83``): finer than the slider's steps."""
    return round(float(value), 2)


def nearest(at, key: str, value: float) -> float:
    """The position of live slider ``key`` nearest to ``value``, as a student could reach it by keyboard."""
    values = np.array(slider(at, key).values)
    return float(values[np.argmin(np.abs(values - value))])


def live_names(at) -> list[str]:
    """The names of every trace the live element draws (the points, and the loss surface if shown)."""
    return [t.get("name") for data in live_elements(at) for figure in data["figures"] for t in figure["data"]]


def test_fit_by_eye_hides_the_answer_and_scores_the_optimum_top():
    at = open_page("linear-regression", {"w": "2", "b": "1"})  # the generated houses
    at.toggle(key="fit_by_eye").set_value(True).run()
    assert not at.exception
    assert "best MSE" not in metrics(at)
    assert "least squares" not in live_names(at)
    assert "optimum" not in live_names(at) and "MSE" not in live_names(at), "no loss surface to read the answer from"
    assert "fit_by_eye" not in at.query_params, "the challenge stays out of a shared link"
    # Nor does training below give it away (gradient descent walks straight to the answer).
    assert "loss at step t" not in metrics(at)
    assert [s["key"] for data in live_elements(at) for s in data["sliders"]] == ["w", "b"], "no training element"
    assert any("Training is hidden during the fit-by-eye challenge" in i.value for i in at.info)

    x, y = house_prices(20, 0.5, 0)
    best = LinearRegression().fit(x[:, None], y)
    slider(at, "w").set_value(typed(best.coef_[0]))
    slider(at, "b").set_value(typed(best.intercept_)).run()
    at.button(key="fit_check").click().run()
    assert not at.exception
    [verdict] = scored(at.success)
    assert verdict.startswith("**Score 100 / 100.**") and "as good as least squares" in verdict
    assert f"{best.coef_[0]:.4f}" in verdict and f"{best.intercept_:.4f}" in verdict
    # Checked: the optimum is shown again, training too, and w, b are still in the URL.
    assert "best MSE" in metrics(at) and "loss at step t" in metrics(at)
    assert "least squares" in live_names(at) and "optimum" in live_names(at)
    assert float(at.query_params["w"]) == slider(at, "w").value
    assert float(at.query_params["b"]) == slider(at, "b").value


def test_fit_by_eye_on_the_sliders_coarse_grid_is_scored_as_it_is():
    at = open_page("linear-regression", {"data": POINTS, "w": "2", "b": "1"})
    at.toggle(key="fit_by_eye").set_value(True).run()
    best = LinearRegression().fit(X[:, None], Y)
    w, b = nearest(at, "w", best.coef_[0]), nearest(at, "b", best.intercept_)
    slider(at, "w").set_value(w)
    slider(at, "b").set_value(b).run()
    at.button(key="fit_check").click().run()
    best_mse = np.mean((Y - best.predict(X[:, None])) ** 2)
    score = fit_by_eye_score(np.mean((Y - (w * X + b)) ** 2), best_mse)
    assert 0 < score < 95, "these points lie so close to a line that a step of the sliders costs a lot"
    [verdict] = scored(at.info)
    assert verdict.startswith(f"**Score {score:.0f} / 100.**") and f"w = {best.coef_[0]:.4f}" in verdict


def test_fit_by_eye_far_away_scores_low_and_names_the_optimum():
    at = open_page("linear-regression", {"data": POINTS, "w": "2", "b": "1"})
    at.toggle(key="fit_by_eye").set_value(True).run()
    slider(at, "w").set_value(slider(at, "w").min)
    slider(at, "b").set_value(slider(at, "b").min).run()
    at.button(key="fit_check").click().run()
    assert not scored(at.success)
    [verdict] = scored(at.info)
    score = int(re.search(r"Score (\d+) / 100", verdict).group(1))
    assert score < 5
    best = LinearRegression().fit(X[:, None], Y)
    assert f"w = {best.coef_[0]:.4f}" in verdict
    # Moving a slider starts a new try: the verdict and the optimum hide again.
    slider(at, "w").set_value(slider(at, "w").values[1]).run()
    assert not scored(at.info) and "best MSE" not in metrics(at)
    # Leaving the challenge shows the contract's figures again.
    at.toggle(key="fit_by_eye").set_value(False).run()
    assert CONTRACT["linear-regression"] <= set(metrics(at))


def test_fit_by_eye_on_points_of_one_line():
    at = open_page("linear-regression", {"data": "1, 3; 2, 5; 3, 7", "w": "1", "b": "1"})
    at.toggle(key="fit_by_eye").set_value(True).run()
    at.button(key="fit_check").click().run()
    assert not at.exception
    [verdict] = scored(at.info)
    assert verdict.startswith("**Score 0 / 100.**") and "lie on one line" in verdict
    assert "your w is -1.00 off and your b 0.00." in verdict and "+0.00" not in verdict  # no sign on a zero offset
    slider(at, "w").set_value(2.0)
    slider(at, "b").set_value(1.0).run()
    at.button(key="fit_check").click().run()
    assert scored(at.success)[0].startswith("**Score 100 / 100.**")


def test_fit_by_eye_needs_the_line():
    at = open_page("linear-regression", {"data": POINTS, "degree": "3"})
    assert at.toggle(key="fit_by_eye").disabled
    assert not at.exception


# ---------------------------------------------------------------- predict, then check
def check_quiz(at, kind: str, question) -> None:
    """A wrong prediction is answered with the right one; the right one with "Right."."""
    seed = at.session_state[f"quiz_{kind}_seed"]
    radio = at.radio(key=f"quiz_{kind}_choice_{seed}")
    assert list(radio.options) == list(question.options)
    right = question.options[question.answer]
    radio.set_value(next(o for o in question.options if o != right)).run()
    at.button(key=f"quiz_{kind}_check").click().run()
    assert not at.exception
    assert any(i.value.startswith("Not quite") and right in i.value for i in at.info)
    at.radio(key=f"quiz_{kind}_choice_{seed}").set_value(right).run()
    at.button(key=f"quiz_{kind}_check").click().run()
    assert any(s.value.startswith("Right.") and question.explanation in s.value for s in at.success)
    assert any(question.code in c.value for c in at.caption), "the NumPy line that settles it"
    assert not any(name.startswith("quiz") for name in at.query_params), "no answer in a shared link"


def test_linear_regression_quiz_checks_the_prediction():
    at = open_page("linear-regression")
    check_quiz(at, "mse", mse_question(at.session_state["quiz_mse_seed"]))
    at.button(key="quiz_mse_new").click().run()
    assert not at.exception and not any(s.value.startswith("Right.") for s in at.success)


def test_logistic_quiz_checks_the_prediction():
    at = open_page("logistic-regression")
    check_quiz(at, "logistic_loss", logistic_loss_question(at.session_state["quiz_logistic_loss_seed"]))
    at.button(key="quiz_logistic_loss_new").click().run()
    assert not at.exception and not any(s.value.startswith("Right.") for s in at.success)


def test_iris_quiz_checks_the_prediction():
    at = open_page("iris")
    check_quiz(at, "softmax", softmax_question(at.session_state["quiz_softmax_seed"]))


def test_iris_shows_the_flowers_scores_and_their_softmax():
    at = open_page("iris")
    assert any("p_k = \\frac{e^{z_k}}" in f.value for f in at.latex)
    said = " ".join(m.value for m in at.markdown)
    z = np.array([float(v) for v in re.search(r"z = \[([^\]]*)\]", said).group(1).split(",")])
    p = np.exp(z - z.max()) / np.exp(z - z.max()).sum()
    assert f"p = {p.max():.4f}" in said
