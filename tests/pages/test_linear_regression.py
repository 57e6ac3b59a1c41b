"""The linear-regression page under AppTest, driven through the URL parameters of the contract."""

import numpy as np
import pytest
from sklearn.linear_model import LinearRegression
from sklearn.metrics import mean_absolute_error, mean_squared_error, r2_score

from core.data import house_prices
from tests.conftest import metrics, open_page

POINTS = "0.5, 2; 1, 3.6; 1.5, 5.1; 2, 6.9; 2.5, 8.2"
X = np.array([0.5, 1, 1.5, 2, 2.5])
Y = np.array([2, 3.6, 5.1, 6.9, 8.2])


def expected(x, y, y_hat):
    best = LinearRegression().fit(x[:, None], y)
    return {
        "MSE": f"{mean_squared_error(y, y_hat):.4f}",
        "RMSE": f"{np.sqrt(mean_squared_error(y, y_hat)):.4f}",
        "MAE": f"{mean_absolute_error(y, y_hat):.4f}",
        "R²": f"{r2_score(y, y_hat):.4f}",
        "best MSE": f"{mean_squared_error(y, best.predict(x[:, None])):.4f}",
    }


def contract_figures(at):
    shown = metrics(at)
    return {label: shown[label] for label in ("MSE", "RMSE", "MAE", "R²", "best MSE")}


def test_given_points_give_the_scikit_learn_figures():
    at = open_page("linear-regression", {"data": POINTS, "w": "2", "b": "1"})
    assert not at.exception and not at.warning and not at.error
    assert contract_figures(at) == expected(X, Y, 2 * X + 1)
    assert at.query_params["data"] == POINTS  # the points stay in the link


def test_generated_points_follow_n_noise_and_seed():
    at = open_page("linear-regression", {"n": "37", "noise": "0.8", "seed": "5", "w": "2.5", "b": "0.3"})
    x, y = house_prices(37, 0.8, 5)
    assert contract_figures(at) == expected(x, y, 2.5 * x + 0.3)
    assert "37 points" in " ".join(c.value for c in at.caption)


def test_at_the_optimum_mse_equals_best_mse():
    w, b = LinearRegression().fit(X[:, None], Y).coef_[0], LinearRegression().fit(X[:, None], Y).intercept_
    at = open_page("linear-regression", {"data": POINTS, "w": f"{w:.2f}", "b": f"{b:.2f}"})
    shown = metrics(at)
    assert float(shown["MSE"]) == pytest.approx(float(shown["best MSE"]), abs=2e-3)
    assert float(shown["MSE"]) >= float(shown["best MSE"])


def test_degree_above_one_uses_the_fitted_polynomial():
    at = open_page("linear-regression", {"data": POINTS, "degree": "2", "w": "0", "b": "0"})
    p = np.polynomial.Polynomial.fit(X, Y, 2)
    assert contract_figures(at) | {"best MSE": "x"} == expected(X, Y, p(X)) | {"best MSE": "x"}
    assert metrics(at)["MSE"] == metrics(at)["best MSE"]  # no split: the fit is the best of its degree
    assert at.slider(key="w").disabled and at.slider(key="b").disabled


def test_split_shows_train_and_test_mse_and_overfitting():
    at = open_page("linear-regression", {"n": "20", "seed": "0", "split": "1", "degree": "9"})
    shown = metrics(at)
    assert {"train MSE", "test MSE"} <= set(shown)
    assert float(shown["test MSE"]) > float(shown["train MSE"])
    assert "overfitting" in " ".join(m.value for m in at.markdown)
    low = metrics(
        open_page("linear-regression", {"n": "20", "seed": "0", "split": "1", "degree": "1", "w": "2.82", "b": "0.75"})
    )
    assert float(shown["train MSE"]) < float(low["train MSE"])
    assert float(shown["test MSE"]) > float(low["test MSE"])


def test_moving_w_changes_the_figures_and_the_url():
    at = open_page("linear-regression", {"data": POINTS})
    before = contract_figures(at)
    at.slider(key="w").set_value(3.0).run()
    assert contract_figures(at) != before
    assert at.query_params["w"] == "3"
    assert contract_figures(at)["MSE"] == expected(X, Y, 3 * X + at.slider(key="b").value)["MSE"]


@pytest.mark.parametrize(
    "bad, words",
    [
        ("1, 2; 3", "point 2"),
        ("1, two; 3, 4", "not a number"),
        ("5", "1 value"),
        ("1, 2; 1, 3", "same x"),
        ("1, nan; 2, 3", "finite"),
    ],
)
def test_bad_data_in_the_url_warns_and_keeps_the_generated_points(bad, words):
    at = open_page("linear-regression", {"data": bad})
    assert not at.exception
    warned = " ".join(w.value for w in at.warning)
    assert "`data`" in warned and words in warned
    assert contract_figures(at) == contract_figures(open_page("linear-regression"))


def test_typed_bad_points_show_an_error_and_keep_the_old_points():
    at = open_page("linear-regression", {"data": POINTS, "w": "2", "b": "1"})
    good = contract_figures(at)
    for bad in ["1, 2; three, 4", "1; 2; 3", "1, 2"]:
        at.text_area(key="data").set_value(bad).run()
        assert not at.exception
        assert at.error and "could not be read" in at.error[0].value
        assert contract_figures(at) == good
        assert at.query_params["data"] == POINTS
    at.text_area(key="data").set_value("0, 1; 1, 3; 2, 5").run()
    assert not at.error
    assert contract_figures(at)["best MSE"] == "0.0000"
    at.text_area(key="data").set_value("").run()  # an empty box: back to the generated houses
    assert "data" not in at.query_params
    assert contract_figures(at)["best MSE"] == contract_figures(open_page("linear-regression"))["best MSE"]


def test_too_many_points_are_refused_with_the_limit():
    many = "; ".join(f"{i}, {i}" for i in range(10_001))
    at = open_page("linear-regression", {"data": many})
    assert "10,000" in " ".join(w.value for w in at.warning)
    assert not at.exception


def test_more_than_64_points_are_fine():
    x = np.linspace(0, 3, 300)
    y = 2 * x - 1 + np.sin(7 * x)
    text = "; ".join(f"{a:.6g}, {c:.6g}" for a, c in zip(x, y))
    at = open_page("linear-regression", {"data": text, "w": "0", "b": "0"})
    assert not at.warning and not at.error
    xs, ys = np.array([[float(v) for v in p.split(",")] for p in text.split(";")]).T
    assert contract_figures(at) == expected(xs, ys, 0 * xs)


def test_the_slider_ranges_hold_the_optimum_of_large_numbers():
    x = np.array([50, 80, 120, 160, 200.0])
    y = 3000 * x + 20000 + np.array([5e3, -8e3, 2e3, 6e3, -4e3])
    text = "; ".join(f"{a:g}, {c:g}" for a, c in zip(x, y))
    at = open_page("linear-regression", {"data": text})
    best = LinearRegression().fit(x[:, None], y)
    w_slider, b_slider = at.slider(key="w"), at.slider(key="b")
    assert w_slider.min <= best.coef_[0] <= w_slider.max
    assert b_slider.min <= best.intercept_ <= b_slider.max


def test_too_large_a_learning_rate_diverges_and_says_why():
    at = open_page("linear-regression", {"lr": "1", "steps": "100"})
    errors = " ".join(e.value for e in at.error)
    assert "diverged" in errors and "2 / λ_max" in errors
    calm = open_page("linear-regression", {"lr": "0.1", "steps": "100"})
    assert not calm.error
    assert float(metrics(calm)["loss at step t"]) < float(metrics(calm)["MSE"])


def test_step_button_advances_training_by_one_step():
    at = open_page("linear-regression", {"steps": "10", "iteration": "0", "lr": "0.1"})
    assert metrics(at)["loss at step t"] == metrics(at)["MSE"]
    step = next(b for b in at.button if b.label.startswith("Step"))
    step.click().run()
    assert at.slider(key="iteration").value == 1
    x, y = house_prices(20, 0.5, 0)
    theta = np.array([1.0, 0.0])
    err = theta[0] * x + theta[1] - y
    theta = theta - 0.1 * np.array([2 * np.mean(err * x), 2 * np.mean(err)])
    assert metrics(at)["loss at step t"] == f"{np.mean((theta[0] * x + theta[1] - y) ** 2):.4f}"
    apply = next(b for b in at.button if b.label.startswith("Apply"))
    apply.click().run()
    assert at.slider(key="w").value == pytest.approx(round(theta[0], 2))
    assert at.slider(key="b").value == pytest.approx(round(theta[1], 2))


def test_bad_learning_rate_warns():
    at = open_page("linear-regression", {"lr": "0.3"})
    warned = " ".join(w.value for w in at.warning)
    assert "`lr`" in warned and not at.exception
    assert at.select_slider(key="lr").value in (0.2, 0.5)
