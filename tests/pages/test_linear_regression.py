"""The linear-regression page under AppTest, driven through the URL parameters of the contract
and its live w and b sliders (``scripts.app_driver.slider``)."""

import subprocess
import sys

import numpy as np
import pytest
from sklearn.linear_model import LinearRegression
from sklearn.metrics import mean_absolute_error, mean_squared_error, r2_score

from core.data import house_prices, split_mask
from core.optimize import gradient_descent
from core.regression import line_loss_and_gradient
from scripts.app_driver import live_elements, metrics, open_page, slider

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


def said(at) -> str:
    return " ".join(e.value for kind in (at.markdown, at.caption, at.error, at.info, at.success) for e in kind)


def live(at, key: str = "w") -> dict:
    """The data of the live element that holds slider ``key`` (w and b; or the training step)."""
    [element] = [e for e in live_elements(at) if key in [s["key"] for s in e["sliders"]]]
    return element


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
    # A value finer than the sliders' steps, from the link, is kept and shown as it is.
    w_slider = next(s for s in live(at)["sliders"] if s["key"] == "w")
    assert w_slider["texts"][w_slider["index"]] == f"{w:.2f}".rstrip("0")


def test_the_optimum_is_at_most_30_key_presses_from_the_default():
    at = open_page("linear-regression")
    x, y = house_prices(20, 0.5, 0)
    best = LinearRegression().fit(x[:, None], y)
    presses = 0
    for key, target in (("w", best.coef_[0]), ("b", best.intercept_)):
        spec = next(s for s in live(at)["sliders"] if s["key"] == key)
        nearest = int(np.argmin(np.abs(np.array(spec["values"]) - target)))
        distance = abs(nearest - spec["index"])
        presses += distance // spec["big"] + distance % spec["big"]  # PageUp / PageDown, then arrows
        assert "PageUp" in spec["help"] and "Arrow keys step by" in spec["help"]
    assert presses <= 30


def test_degree_above_one_uses_the_fitted_polynomial():
    at = open_page("linear-regression", {"data": POINTS, "degree": "2", "w": "0", "b": "0"})
    p = np.polynomial.Polynomial.fit(X, Y, 2)
    assert contract_figures(at) | {"best MSE": "x"} == expected(X, Y, p(X)) | {"best MSE": "x"}
    assert metrics(at)["MSE"] == metrics(at)["best MSE"]  # no split: the fit is the best of its degree
    # The sliders say what they steer now: the straight line w·x + b drawn beside the model, not the model.
    element = live(at)
    assert all("not the model" in s["label"] for s in element["sliders"])
    names = [t.get("name") for t in element["figures"][0]["data"]]
    assert "line w·x + b" in names and "model ŷ" in names
    assert "the model: MSE" in element["readout"]
    before = contract_figures(at)
    slider(at, "w").set_value(2.0).run()
    assert contract_figures(at) == before, "w does not enter the polynomial"
    assert live(at)["readout"] != element["readout"], "but it moves the line, and its MSE in the readout"


def test_split_fits_on_the_training_points_and_shows_test_figures_apart():
    at = open_page("linear-regression", {"n": "20", "seed": "0", "split": "1", "degree": "9"})
    shown = metrics(at)
    assert {"test MSE", "test R²"} <= set(shown)
    assert float(shown["test MSE"]) > float(shown["MSE"])  # the contract's MSE is on the training points
    assert "overfitting" in said(at)
    low = metrics(
        open_page("linear-regression", {"n": "20", "seed": "0", "split": "1", "degree": "1", "w": "2.82", "b": "0.75"})
    )
    assert float(shown["MSE"]) < float(low["MSE"])
    assert float(shown["test MSE"]) > float(low["test MSE"])


def test_with_the_split_every_figure_is_on_the_training_points_only():
    at = open_page("linear-regression", {"n": "40", "seed": "2", "split": "1", "w": "2", "b": "1"})
    x, y = house_prices(40, 0.5, 2)
    test = split_mask(40, 0.3, 2)
    train = ~test
    assert contract_figures(at) == expected(x[train], y[train], 2 * x[train] + 1)
    shown = metrics(at)
    assert shown["test MSE"] == f"{mean_squared_error(y[test], 2 * x[test] + 1):.4f}"
    assert shown["test R²"] == f"{r2_score(y[test], 2 * x[test] + 1):.4f}"
    path = gradient_descent(line_loss_and_gradient(x[train], y[train]), np.array([2.0, 1.0]), 0.2, 50)
    assert shown["loss at step t"] == f"{path.losses[-1]:.4f}", "training sees the training points only"
    assert "12 held-out points" in said(at) and "28 training points" in said(at)


def test_turning_the_split_on_raises_the_default_houses_to_100():
    at = open_page("linear-regression")
    at.toggle(key="split").set_value(True).run()
    assert at.slider(key="n").value == 100 and "30 held-out points" in said(at)
    assert open_page("linear-regression", {"split": "1"}).slider(key="n").value == 100
    assert open_page("linear-regression", {"split": "1", "n": "20"}).slider(key="n").value == 20


@pytest.mark.parametrize(
    "query, verdict",
    [
        ({"n": "20", "seed": "0"}, "That is **overfitting**"),
        ({"n": "100", "seed": "3"}, "no overfitting shows up to degree 9"),
        ({"n": "100", "seed": "12"}, "no clear overfitting"),
    ],
)
def test_the_overfitting_verdict_follows_the_test_curve(query, verdict):
    at = open_page("linear-regression", query | {"split": "1"})
    assert verdict in said(at)
    assert ("noisy itself" in said(at)) == (query["n"] == "20"), "6 test points make a noisy test MSE"


def test_moving_w_changes_the_figures_and_the_url():
    at = open_page("linear-regression", {"data": POINTS})
    before = contract_figures(at)
    slider(at, "w").set_value(3.0).run()
    assert contract_figures(at) != before
    assert at.query_params["w"] == "3"
    assert contract_figures(at)["MSE"] == expected(X, Y, 3 * X + slider(at, "b").value)["MSE"]


def test_the_live_readout_and_sweeps_hold_the_numbers_the_page_shows():
    at = open_page("linear-regression", {"data": POINTS, "w": "2", "b": "1"})
    element = live(at)
    assert element["readout"].endswith(f"MSE {metrics(at)['MSE']}")
    w_spec = next(s for s in element["sliders"] if s["key"] == "w")
    for index in (0, w_spec["index"] + 3, len(w_spec["values"]) - 1):
        w = w_spec["values"][index]
        readout = element["sweeps"]["w"]["readouts"][index]
        assert readout.endswith(f"MSE {mean_squared_error(Y, w * X + 1):.4f}")
        slider(at, "w").set_value(w).run()
        assert metrics(at)["MSE"] == f"{mean_squared_error(Y, w * X + 1):.4f}"
        assert live(at)["readout"] == readout, "the readout on release is the one shown during the drag"
        slider(at, "w").set_value(2.0).run()


@pytest.mark.parametrize(
    "bad, words",
    [
        ("1, 2; 3", "point 2"),
        ("1, two; 3, 4", "not a number"),
        ("5", "1 value"),
        ("1, 2; 1, 3", "same x"),
        ("1, nan; 2, 3", "finite"),
        ("1e300, 1; 2, 3", "too large"),
    ],
)
def test_bad_data_in_the_url_warns_and_keeps_the_generated_points(bad, words):
    at = open_page("linear-regression", {"data": bad})
    assert not at.exception
    warned = " ".join(w.value for w in at.warning)
    assert "`data`" in warned and words in warned
    assert "None" not in warned and "generated houses" in warned
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
    # 300 points: their residuals are not sent for every slider position, only the line follows a drag.
    picture = live(at)["figures"][0]
    residuals = str([t["name"] for t in picture["data"]].index("residuals y − ŷ"))
    assert live(at)["sweeps"]["w"]["patches"][0][0]["merge"][residuals] == {"visible": False}


def test_the_slider_ranges_hold_the_optimum_of_large_numbers():
    x = np.array([50, 80, 120, 160, 200.0])
    y = 3000 * x + 20000 + np.array([5e3, -8e3, 2e3, 6e3, -4e3])
    text = "; ".join(f"{a:g}, {c:g}" for a, c in zip(x, y))
    at = open_page("linear-regression", {"data": text})
    best = LinearRegression().fit(x[:, None], y)
    w_slider, b_slider = slider(at, "w"), slider(at, "b")
    assert w_slider.min <= best.coef_[0] <= w_slider.max
    assert b_slider.min <= best.intercept_ <= b_slider.max
    # Figures of a billion and more are written in scientific notation, by the page and by its code.
    assert metrics(at)["MSE"].count("e+") == 1
    printed = run_code(page_code(at))
    assert f"MSE = {metrics(at)['MSE']}" in printed.splitlines()


@pytest.mark.parametrize(
    "lr, verdict",
    [("0.5", "diverges"), ("1", "diverges"), ("0.2", "zigzags"), ("0.1", "falls at every step")],
)
def test_the_convergence_verdict_puts_eta_against_2_over_lambda_max_first(lr, verdict):
    # λ_max = 5.30 for the default houses: 2 / λ_max = 0.377, 1 / λ_max = 0.189.
    at = open_page("linear-regression", {"lr": lr, "steps": "20"})
    words = said(at)
    assert verdict in words
    if verdict == "diverges":
        assert at.error and "2 / λ_max = 0.3770" in at.error[0].value and "converges" not in words
    else:
        assert not at.error
        assert float(metrics(at)["loss at step t"]) < float(metrics(at)["MSE"])


def test_a_huge_loss_is_written_in_scientific_notation_by_the_page_and_its_code():
    at = open_page("linear-regression", {"lr": "0.5", "steps": "20"})
    loss = metrics(at)["loss at step t"]
    assert "e+" in loss and len(loss) < 12
    assert f"loss at step t = {loss}" in run_code(page_code(at)).splitlines()


def test_too_large_a_learning_rate_diverges_and_says_why():
    at = open_page("linear-regression", {"lr": "1", "steps": "100"})
    errors = " ".join(e.value for e in at.error)
    assert "diverges" in errors and "2 / λ_max" in errors and "stopped after" in errors
    calm = open_page("linear-regression", {"lr": "0.1", "steps": "100"})
    assert not calm.error
    assert float(metrics(calm)["loss at step t"]) < float(metrics(calm)["MSE"])


def test_step_button_advances_training_by_one_step():
    at = open_page("linear-regression", {"steps": "10", "iteration": "0", "lr": "0.1"})
    assert metrics(at)["loss at step t"] == metrics(at)["MSE"]
    step = next(b for b in at.button if b.label.startswith("Step"))
    step.click().run()
    assert slider(at, "iteration").value == 1 and at.query_params["iteration"] == "1"
    x, y = house_prices(20, 0.5, 0)
    theta = np.array([1.0, 0.0])
    err = theta[0] * x + theta[1] - y
    theta = theta - 0.1 * np.array([2 * np.mean(err * x), 2 * np.mean(err)])
    assert metrics(at)["loss at step t"] == f"{np.mean((theta[0] * x + theta[1] - y) ** 2):.4f}"
    apply = next(b for b in at.button if b.label.startswith("Apply"))
    apply.click().run()
    assert slider(at, "w").value == pytest.approx(round(theta[0], 2))
    assert slider(at, "b").value == pytest.approx(round(theta[1], 2))


def test_bad_learning_rate_warns():
    at = open_page("linear-regression", {"lr": "0.3"})
    warned = " ".join(w.value for w in at.warning)
    assert "`lr`" in warned and not at.exception
    assert at.select_slider(key="lr").value in (0.2, 0.5)


def test_points_of_huge_size_get_learning_rates_around_their_own_limit():
    at = open_page("linear-regression", {"data": "1e50, 1; 2e50, 3; 3e50, 2"})
    assert not at.exception and not at.warning
    rates = at.select_slider(key="lr").options
    assert float(rates[0]) < 1e-100 and "diverged after 0" not in said(at) and "nan" not in said(at)


def test_the_squared_residuals_keep_the_picture_its_size():
    at = open_page("linear-regression", {"squares": "1"})
    picture = live(at)["figures"][0]
    assert "squared residuals" in [t.get("name") for t in picture["data"]]
    assert "scaleanchor" not in picture["layout"]["yaxis"], "equal scales squeezed the plot"


def page_code(at) -> str:
    [code] = [c.value for c in at.code if c.language == "python" and "import numpy as np" in c.value]
    return code


def run_code(code: str) -> str:
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.mark.parametrize(
    "query",
    [
        {"split": "1", "degree": "3"},
        {"degree": "5", "w": "2", "b": "1"},
        {"data": "1,2;2,3.5;3,7.25", "split": "1"},  # one test point: no test R², which needs a spread
        {"lr": "0.5", "steps": "20", "iteration": "13"},
    ],
)
def test_the_code_prints_what_the_page_shows_in_other_states(query):
    at = open_page("linear-regression", query)
    printed = run_code(page_code(at)).splitlines()
    assert [f"{label} = {value}" for label, value in metrics(at).items() if f"{label} = {value}" not in printed] == []
