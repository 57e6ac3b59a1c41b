"""The logistic-regression page through its URL contract (`w`, `b`, `data`, `threshold`), checked against scikit-learn."""

import numpy as np
import pytest
from scipy.special import expit, log_expit
from sklearn.metrics import accuracy_score, f1_score, log_loss, precision_score, recall_score

from app.lessons import logistic as text
from core import logistic_sweep
from core.logistic import best_fit, bmi_disease, mean_logistic_loss
from scripts.app_driver import live_elements, metrics, open_page, slider

PAGE = "logistic-regression"
POINTS = "1, 0; 2, 0; 3, 1; 4, 0; 5, 1; 6, 1"
X6, Y6 = [1, 2, 3, 4, 5, 6], [0, 0, 1, 0, 1, 1]


def expected(x, y, w, b, threshold=0.5):
    p = expit(w * np.asarray(x) + b)
    return f"{log_loss(y, p, labels=[0, 1]):.4f}", f"{accuracy_score(y, p >= threshold):.4f}"


def expected_scores(x, y, w, b, threshold):
    called = expit(w * np.asarray(x) + b) >= threshold
    return {
        name: f"{score(y, called, zero_division=0):.4f}"
        for name, score in (("precision", precision_score), ("recall", recall_score), ("F1", f1_score))
    }


def shown(at):
    m = metrics(at)
    return m["mean logistic loss"], m["accuracy"]


def live(at) -> dict:
    (element,) = live_elements(at)
    return element


def test_defaults_match_scikit_learn_on_the_generated_set():
    at = open_page(PAGE)
    assert not at.exception and not at.warning and not at.error
    x, y = bmi_disease()
    assert shown(at) == expected(x, y, 0.2, -5.0)
    assert slider(at, "w").value == 0.2 and slider(at, "b").value == -5.0
    assert slider(at, "threshold").value == 0.5
    scores = expected_scores(x, y, 0.2, -5.0, 0.5)
    assert {k: metrics(at)[k] for k in scores} == scores


@pytest.mark.parametrize("w, b", [("1", "-3.5"), ("-0.5", "2"), ("2.5", "-9")])
def test_given_data_and_parameters_match_scikit_learn(w, b):
    at = open_page(PAGE, {"data": POINTS, "w": w, "b": b})
    assert not at.exception and not at.warning
    assert shown(at) == expected(X6, Y6, float(w), float(b))
    assert "best logistic loss" in metrics(at)


@pytest.mark.parametrize("threshold", ["0", "0.3", "0.5", "0.65", "0.9", "1"])
def test_the_threshold_decides_accuracy_precision_recall_and_f1_as_scikit_learn(threshold):
    at = open_page(PAGE, {"data": POINTS, "w": "1", "b": "-3.5", "threshold": threshold})
    assert not at.exception and not at.warning
    t = float(threshold)
    assert shown(at) == expected(X6, Y6, 1.0, -3.5, t)  # the loss does not move with the threshold
    scores = expected_scores(X6, Y6, 1.0, -3.5, t)
    assert {k: metrics(at)[k] for k in scores} == scores


def test_the_threshold_moves_the_decisions_not_the_loss():
    at = open_page(PAGE)
    before = metrics(at)
    slider(at, "threshold").set_value(0.3).run()
    after = metrics(at)
    assert after["mean logistic loss"] == before["mean logistic loss"]
    assert float(after["recall"]) >= float(before["recall"]) and after["accuracy"] != before["accuracy"]
    assert at.query_params["threshold"] == "0.3"
    assert metrics(open_page(PAGE, dict(at.query_params))) == after


def test_best_loss_is_below_any_slider_setting_and_matches_the_ghost_fit():
    at = open_page(PAGE, {"data": POINTS, "w": "1", "b": "-3.5"})
    best = float(metrics(at)["best logistic loss"])
    assert best <= float(shown(at)[0])
    model = live(at)["figures"][0]
    ghost = next(trace for trace in model["data"] if trace.get("name") == "best fit")
    w, b = best_fit(np.array(X6, float), np.array(Y6))
    np.testing.assert_allclose(ghost["y"], np.round(expit(w * np.array(ghost["x"]) + b), 4), atol=1e-12)


def test_extreme_parameters_show_finite_figures():
    at = open_page(PAGE, {"w": "10", "b": "-50"})
    assert not at.exception and not at.warning
    loss, acc = shown(at)
    assert np.isfinite(float(loss)) and float(loss) > 50  # confident mistakes cost about |h|
    x, y = bmi_disease()
    h = 10.0 * x - 50.0
    exact = -np.mean(y * log_expit(h) + (1 - y) * log_expit(-h))  # scikit-learn's log_loss clips p here
    assert (loss, acc) == (f"{exact:.4f}", expected(x, y, 10.0, -50.0)[1])


def test_bad_data_in_the_url_warns_and_uses_the_generated_set():
    at = open_page(PAGE, {"data": "1, 0; 2, 3"})
    assert not at.exception
    warning = " ".join(w.value for w in at.warning)
    assert "`data`" in warning and "0 or 1" in warning
    x, y = bmi_disease()
    assert shown(at) == expected(x, y, 0.2, -5.0)


def test_typed_bad_data_gives_an_error_and_keeps_the_last_points():
    at = open_page(PAGE, {"data": POINTS, "w": "1", "b": "-3.5"})
    before = shown(at)
    at.text_input(key="data").input("1, 0; 2, 1; 3, yes").run()
    assert not at.exception
    assert any("point 3" in e.value for e in at.error)
    assert shown(at) == before
    at.text_input(key="data").input("1, 0; 2, 1; 3, 1").run()
    assert not at.error and at.query_params["data"] == "1, 0; 2, 1; 3, 1"
    assert shown(at) == expected([1, 2, 3], [0, 1, 1], 1.0, -3.5)


def test_typed_bad_data_over_the_generated_set_names_it_instead_of_an_empty_quote():
    at = open_page(PAGE)
    at.text_input(key="data").input("1, 0; 2, 7").run()
    (error,) = at.error
    assert "0 or 1" in error.value and "``" not in error.value
    assert text.GENERATED in error.value


def test_separable_points_explain_why_there_is_no_best_fit():
    at = open_page(PAGE, {"data": "1, 0; 2, 0; 3, 1; 4, 1"})
    assert not at.exception
    assert "best logistic loss" not in metrics(at)
    assert any("separates the two classes" in i.value for i in at.info)


def test_one_class_says_scikit_learn_refuses_to_fit():
    """LogisticRegression().fit raises ValueError on one class: it does not try and fail to converge."""
    from sklearn.linear_model import LogisticRegression

    with pytest.raises(ValueError, match="at least 2 classes"):
        LogisticRegression().fit(np.array([[1.0], [2.0], [3.0]]), np.array([1, 1, 1]))
    at = open_page(PAGE, {"data": "1, 1; 2, 1; 3, 1"})
    assert not at.exception and "best logistic loss" not in metrics(at)
    [info] = [i.value for i in at.info if "No best fit" in i.value]
    assert "only one class" in info and "ValueError" in info and "would not converge" not in info
    assert "would not converge" not in text.no_best_fit(2)


def test_the_threshold_text_says_precision_can_fall_as_the_threshold_rises():
    """On the generated set at w = 0.4, b = −11: recall never rises with the threshold, precision can fall."""
    x, y = bmi_disease()
    thresholds = np.round(np.linspace(0, 1, 21), 2)
    p = expit(0.4 * x - 11)
    precision = [precision_score(y, p >= t, zero_division=0) for t in thresholds]
    recall = [recall_score(y, p >= t) for t in thresholds]
    assert np.all(np.diff(recall) <= 0)  # recall never falls as the threshold is lowered
    at_05, at_06 = precision[10], precision[12]
    assert (f"{at_05:.4f}", f"{at_06:.4f}") == ("0.8667", "0.8571")  # raising it lowered precision
    assert "recall never falls" in text.THRESHOLD_TEXT and "0.8667 to 0.8571" in text.THRESHOLD_TEXT
    assert "(precision down)" not in text.THRESHOLD_TEXT


def test_the_threshold_sentence_at_an_unchanged_count_and_at_one_point():
    said = text.threshold_notes(0.55, (0.8, 0.7, 15), (0.8, 0.7, 15))
    assert "still calls 15 points class 1, as 0.5 does" in said and "instead of 15" not in said
    assert "1 point is called class 1" in text.threshold_notes(0.5, (1.0, 0.1, 1), (1.0, 0.1, 1))


def test_the_surface_caption_gives_the_points_own_mean_x():
    x, _ = bmi_disease()
    assert "x averages 28.81" in text.surface_caption(x) and "long and narrow" in text.surface_caption(x)
    centred = text.surface_caption(np.array([-1.0, 0.0, 1.0, 0.6]))
    assert "x averages 0.15" in centred and "long and narrow" not in centred and "≈ 30" not in centred


def test_the_descriptions_write_a_negative_intercept_with_a_minus():
    said = text.descriptions("BMI", 0.4, -11.0, 0.5, 0.3, [[1, 2], [3, 4]])[0]
    assert "h = 0.4·BMI − 11" in said and "+ -" not in said


def test_sliders_write_the_url_and_the_url_reproduces_the_figures():
    at = open_page(PAGE)
    slider(at, "w").set_value(0.4).run()
    slider(at, "b").set_value(-11.1).run()  # between two positions: an exact value, as from a link
    assert at.query_params["w"] == "0.4" and at.query_params["b"] == "-11.1"
    reopened = open_page(PAGE, dict(at.query_params))
    assert metrics(reopened) == metrics(at)
    assert slider(reopened, "b").value == -11.1


def test_an_exact_value_from_a_link_is_a_slider_position_of_its_own():
    at = open_page(PAGE, {"w": "0.37", "b": "-10.3"})
    assert not at.warning
    assert slider(at, "w").value == 0.37 and slider(at, "b").value == -10.3
    x, y = bmi_disease()
    assert shown(at) == expected(x, y, 0.37, -10.3)
    # Stepping on keeps it among the positions, so a held key never finds the slider rebuilt.
    slider(at, "w").set_value(0.4).run()
    assert 0.37 in live(at)["sliders"][0]["values"]


def test_the_keyboard_reaches_the_best_fit_from_the_default_in_at_most_30_presses():
    at = open_page(PAGE)
    sliders = {s["key"]: s for s in live(at)["sliders"]}
    x, y = bmi_disease()
    w_best, b_best = best_fit(x, y)
    presses, target = 0, {}
    for key, best in (("w", w_best), ("b", b_best)):
        values = np.array(sliders[key]["values"])
        nearest = int(np.argmin(np.abs(values - best)))
        presses += abs(nearest - sliders[key]["index"])
        target[key] = values[nearest]
    assert presses <= 30
    assert mean_logistic_loss(x, y, target["w"], target["b"]) <= mean_logistic_loss(x, y, w_best, b_best) + 1e-4


def test_the_live_element_holds_the_three_sliders_and_a_readout_per_position():
    at = open_page(PAGE, {"data": POINTS, "w": "1", "b": "-3.5", "threshold": "0.3"})
    element = live(at)
    assert [s["key"] for s in element["sliders"]] == ["w", "b", "threshold"]
    assert all("PageUp" in s["help"] for s in element["sliders"])
    loss, acc = shown(at)
    assert element["readout"] == text.readout(float(loss), float(acc), 0.3)
    for s in element["sliders"]:
        sweep = element["sweeps"][s["key"]]
        assert len(sweep["patches"]) == len(sweep["readouts"]) == len(s["values"])
        # The readout at the current position is the one the page shows.
        assert sweep["readouts"][s["index"]] == element["readout"]
    at_w2 = element["sweeps"]["w"]["readouts"][element["sliders"][0]["values"].index(2.0)]
    assert at_w2 == text.readout(*(float(v) for v in expected(X6, Y6, 2.0, -3.5, 0.3)), 0.3)


def test_gradient_descent_lowers_the_loss_and_the_button_moves_the_sliders():
    at = open_page(PAGE, {"train": "1", "lr": "0.003", "steps": "2000"})
    assert not at.exception and not at.warning
    start = float(shown(at)[0])
    losses = _chart(at, -1)["data"][0]["y"]
    at.button[0].click().run()
    assert not at.exception
    assert slider(at, "w").value != 0.2
    moved = float(shown(at)[0])
    assert moved < start
    assert at.query_params["w"] == str(slider(at, "w").value).rstrip("0").rstrip(".")
    assert losses  # the loss-per-step chart has data


def test_too_large_a_learning_rate_is_explained():
    at = open_page(PAGE, {"train": "1", "lr": "1", "steps": "500"})
    assert not at.exception
    assert any("learning rate is too large" in e.value for e in at.error)


# ---------------------------------------------------------------- sentences on both sides of their thresholds
def test_the_worst_point_is_a_confident_mistake_only_on_the_wrong_side():
    wrong = text.worst_point("BMI", 23.4, 1, 0.05, 3.0, True, 0.2)
    right = text.worst_point("BMI", 23.4, 1, 0.55, 0.6, False, 0.2)
    assert "wrong side of the boundary" in wrong and "confident mistake" in wrong
    assert "correct side of the boundary" in right and "mistake" not in right


def test_the_notice_speaks_of_the_boundary_only_when_there_is_one():
    assert "ignores the feature" in text.notice("x", 0.0, 1.0, 0.5, 0.5, 3, 6, 0.7)
    usual = text.notice("x", 0.5, -2.0, 0.5, 0.5, 3, 6, 0.7)
    assert "x = −b/w = 4.00" in usual and "correct side of the boundary" in usual
    lower = text.notice("x", 0.5, -2.0, 0.25, 0.5, 3, 6, 0.7)  # ln(1/3) = -1.0986: x = (−1.0986 + 2)/0.5
    assert "x = (ln(0.25 / (1 − 0.25)) − b)/w = 1.80" in lower
    assert "no boundary: every point is called class 1" in text.notice("x", 0.5, -2.0, 0.0, 0.5, 3, 6, 0.7)
    assert "no boundary: almost no point" in text.notice("x", 0.5, -2.0, 1.0, 0.5, 3, 6, 0.7)


@pytest.mark.parametrize(
    "threshold, words",
    [(0.3, "Lowering the threshold from 0.5 to 0.3"), (0.5, "the usual threshold"), (0.8, "Raising")],
)
def test_the_threshold_sentence_follows_the_threshold(threshold, words):
    said = text.threshold_notes(threshold, (0.75, 0.9, 12), (0.8, 0.7, 10))
    assert words in said and "zero_division" not in said


def test_no_point_called_class_one_explains_the_zero_precision():
    at = open_page(PAGE, {"threshold": "1"})
    said = " ".join(m.value for m in at.markdown)
    assert "0 / 0" in said and "zero_division=0" in said
    assert metrics(at)["precision"] == "0.0000"


def test_the_page_says_maximising_p_is_minimising_minus_ln_p_and_defines_odds_first():
    said = " ".join(m.value for m in open_page(PAGE).markdown)
    assert "**−ln p** as small as possible" in said
    assert said.index("**odds**") < said.index("**log-odds**")
    assert "correct side of the boundary" in text.ACCURACY_HELP
    assert "penalty that keeps w small (the Iris page explains it)" in text.BEST_HELP
    assert "L2" not in text.BEST_HELP + text.SOLVER_NOTE  # the penalty is taught on the Iris page, not named here


def _chart(at, index):
    import json

    return json.loads(at.get("plotly_chart")[index].proto.spec)


def test_slider_positions_hold_every_value_the_tests_and_the_notebook_use():
    for value in (0.2, 0.4, 1, 2, 2.5, -0.5, 10, -10):
        assert value in logistic_sweep.W_POSITIONS
    for value in (-5, -3.5, 2, -9, -11, -2, -50, 50):
        assert value in logistic_sweep.B_POSITIONS
