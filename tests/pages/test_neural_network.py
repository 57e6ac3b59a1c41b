"""The neural-network page under AppTest: URL in, core's numbers out; the live steps slider, Reset,
one neuron equal to the logistic page's formula, the sentences on both sides of their thresholds."""

import re
import subprocess
import sys

import numpy as np
import pytest
from sklearn.metrics import log_loss

from app.lessons import network as text
from core import network as nw
from core.quiz import network_params_question
from core.text import format_number
from scripts.app_driver import live_elements, metrics, open_page, slider

URL = "neural-network"


def expected(dataset="moons", noise=0.2, seed=0, hidden=3, activation="tanh", lr=1.0, step=1000):
    """The page's three figures as core computes them."""
    X, y, run = nw.experiment(dataset, noise, seed, hidden, activation, lr)
    taken = min(step, run.steps)
    accuracy = nw.accuracy(run.params_at(taken), X, y, activation)
    return {
        "mean logistic loss": format_number(run.losses[taken], 4),
        "accuracy": format_number(accuracy, 4),
        "hidden units": str(hidden),
    }


def live(at) -> dict:
    [element] = live_elements(at)
    return element


def words(at) -> str:
    return " ".join(m.value for m in at.markdown)


def test_the_default_page_shows_core_numbers_and_a_bent_boundary():
    at = open_page(URL)
    assert not at.exception and not at.warning and not at.error
    assert metrics(at) == expected() == {"mean logistic loss": "0.0840", "accuracy": "0.9800", "hidden units": "3"}
    element = live(at)
    assert element["readout"] == "step 1000 · mean logistic loss 0.0840 · accuracy 0.9800"
    assert "below 0.2994, the lowest logistic regression (a straight boundary) reaches" in words(at)


STATE = {
    "dataset": "circles",
    "noise": "0.1",
    "seed": "3",
    "hidden": "5",
    "activation": "relu",
    "lr": "0.3",
    "steps": "400",
}


def test_every_parameter_comes_from_the_url_and_goes_back_to_it():
    at = open_page(URL, STATE)
    assert not at.exception and not at.warning
    assert metrics(at) == expected("circles", 0.1, 3, 5, "relu", 0.3, 400)
    slider(at, "steps").set_value(600).run()
    assert {k: v for k, v in at.query_params.items() if k in STATE} == STATE | {"steps": "600"}
    assert metrics(at) == expected("circles", 0.1, 3, 5, "relu", 0.3, 600)
    assert metrics(open_page(URL, dict(at.query_params))) == metrics(at)


def test_the_steps_slider_is_live_on_the_sampled_steps_with_a_readout_for_each():
    at = open_page(URL)
    steps = slider(at, "steps")
    assert steps.values == list(nw.STEP_GRID) and steps.value == 1000
    element = live(at)
    [spec] = element["sliders"]
    assert spec["big"] == 5 and "PageUp" in spec["help"] and "Home" in spec["help"]
    assert element["play"] == {"key": "steps", "intervalMs": 400}
    readouts = element["sweeps"]["steps"]["readouts"]
    X, y, run = nw.experiment("moons", 0.2, 0, 3, "tanh", 1.0)
    for i in (0, 9, 25, len(nw.STEP_GRID) - 1):
        s = nw.STEP_GRID[i]
        accuracy = nw.accuracy(run.params_at(s), X, y, "tanh")
        assert readouts[i] == f"step {s} · mean logistic loss {run.losses[s]:.4f} · accuracy {accuracy:.4f}"
    steps.set_value(200).run()
    assert not at.exception
    assert metrics(at) == expected(step=200) and at.query_params["steps"] == "200"
    assert live(at)["readout"] == readouts[nw.STEP_GRID.index(200)]


def test_a_step_between_the_sampled_ones_becomes_a_position_of_its_own():
    at = open_page(URL, {"steps": "37"})
    assert not at.warning
    steps = slider(at, "steps")
    assert steps.value == 37 and 37 in steps.values and len(steps.values) == len(nw.STEP_GRID) + 1
    assert metrics(at) == expected(step=37) and at.query_params.get("steps", "37") == "37"
    assert len(live(at)["sweeps"]["steps"]["patches"]) == len(steps.values)


@pytest.mark.parametrize(
    "query, named",
    [
        ({"steps": "5000"}, "steps"),
        ({"lr": "0.5"}, "lr"),
        ({"hidden": "9"}, "hidden"),
        ({"dataset": "spirals"}, "dataset"),
    ],
)
def test_a_bad_parameter_is_named_and_the_page_keeps_working(query, named):
    at = open_page(URL, query)
    assert not at.exception
    assert any(f"`{named}`" in w.value for w in at.warning)
    assert set(metrics(at)) == {"mean logistic loss", "accuracy", "hidden units"}


def test_reset_goes_back_to_step_zero():
    at = open_page(URL)
    at.button(key="reset_steps").click().run()
    assert metrics(at) == expected(step=0) and at.query_params["steps"] == "0"
    assert live(at)["sliders"][0]["index"] == 0
    assert "At step 0 the weights are random" in words(at)


def test_one_neuron_is_the_logistic_page_formula_on_the_same_points():
    """hidden=0: the page's loss and accuracy are p = 1 / (1 + e^-(w·x + b)) and the mean of
    -y ln p - (1 - y) ln(1 - p), with the weights the page shows."""
    at = open_page(URL, {"hidden": "0", "steps": "300"})
    shown = metrics(at)
    assert shown["hidden units"] == "0"
    table = at.table[0].value
    weights = dict(zip(table["in the code (counts from 0)"], table["value"].astype(float)))
    assert set(weights) == {"w[0]", "w[1]", "b"}
    X, y, run = nw.experiment("moons", 0.2, 0, 0, "tanh", 1.0)
    params = run.params_at(300)
    np.testing.assert_allclose([weights["w[0]"], weights["w[1]"], weights["b"]], [*params.w2, params.b2], atol=5e-5)
    p = 1 / (1 + np.exp(-(X @ params.w2 + params.b2)))
    assert shown["mean logistic loss"] == f"{np.mean(-y * np.log(p) - (1 - y) * np.log(1 - p)):.4f}"
    assert shown["mean logistic loss"] == f"{log_loss(y, p):.4f}"
    assert shown["accuracy"] == f"{np.mean((p >= 0.5) == y):.4f}"
    assert "this is **one neuron**, logistic regression" in words(at)


def test_a_learning_rate_that_blows_up_stops_training_and_says_so():
    at = open_page(URL, {"noise": "0.5", "hidden": "8", "activation": "relu", "lr": "100"})
    assert not at.exception and not at.warning
    X, y, run = nw.experiment("moons", 0.5, 0, 8, "relu", 100.0)
    assert run.diverged
    assert any(f"after step {run.steps} the weights grew without bound" in e.value for e in at.error)
    assert metrics(at) == expected("moons", 0.5, 0, 8, "relu", 100.0, 1000)
    assert f"training stopped at step {run.steps}: it diverged" in live(at)["readout"]
    assert "the weights blew up" in words(at)


@pytest.mark.parametrize(
    "query",
    [{}, {"hidden": "0", "steps": "50"}, STATE, {"noise": "0.5", "hidden": "8", "activation": "relu", "lr": "100"}],
    ids=["default", "one neuron", "relu circles", "diverged"],
)
def test_the_numpy_code_prints_the_figures_shown(query):
    at = open_page(URL, query)
    [code] = [c.value for c in at.code if c.language == "python" and "import numpy as np" in c.value]
    printed = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert printed.returncode == 0, printed.stderr
    lines = printed.stdout.splitlines()
    for label, value in metrics(at).items():
        assert f"{label} = {value}" in lines, (label, value, printed.stdout)


def test_the_ideas_of_the_presentation_view_each_open_from_the_url():
    for idea in range(1, len(text.IDEAS) + 1):
        at = open_page(URL, {"present": "1", "idea": str(idea)})
        assert not at.exception and not at.warning
        assert f"Idea {idea} of {len(text.IDEAS)}: {text.IDEAS[idea - 1]}" in words(at)
        assert metrics(at) == expected()


def test_the_network_is_counted_and_drawn_in_words():
    at = open_page(URL, {"hidden": "4"})
    assert "2·4 + 4 + 4 + 1 = **17** numbers to learn" in words(at)
    assert len(at.table[0].value) == nw.n_params(4)
    assert live(at)["descriptions"][1].startswith("The network: 2 inputs, 4 tanh hidden units and one output")


def test_the_prediction_is_checked_by_numpy():
    at = open_page(URL)
    seed = at.session_state["quiz_network_params_seed"]
    question = network_params_question(seed)
    radio = at.radio(key=f"quiz_network_params_choice_{seed}")
    assert list(radio.options) == list(question.options)
    wrong = next(o for o in question.options if not question.is_right(o))
    radio.set_value(wrong).run()
    at.button(key="quiz_network_params_check").click().run()
    assert any("Not quite" in i.value and question.options[question.answer] in i.value for i in at.info)
    at.radio(key=f"quiz_network_params_choice_{seed}").set_value(question.options[question.answer]).run()
    at.button(key="quiz_network_params_check").click().run()
    assert any(s.value.startswith("Right.") and question.explanation in s.value for s in at.success)


# ---------------------------------------------------------------- the sentences, both sides of their thresholds
def training(step=500, taken=2000, lr=1.0, loss=0.1, start=0.69, best=0.3, hidden=3):
    return text.training_notice(step, taken, lr, loss, start, best, hidden)


def test_step_zero_and_step_one():
    assert training(step=0).startswith("At step 0 the weights are random")
    assert not training(step=1).startswith("At step 0")


def test_diverged_only_past_the_last_step_taken():
    assert "blew up" in training(step=31, taken=30) and "after step 30" in training(step=31, taken=30)
    assert "blew up" not in training(step=30, taken=30)


def test_overshoot_only_when_the_loss_is_above_its_start():
    assert "overshoots" in training(loss=0.7001, start=0.7, best=0.3)
    assert "overshoots" not in training(loss=0.7, start=0.7, best=0.3)


def test_the_bend_pays_off_only_clearly_below_the_best_line():
    assert "bend pays off" in training(loss=0.2949, best=0.3)
    assert "bend pays off" not in training(loss=0.2951, best=0.3)
    assert "no better than logistic regression's 0.3000" in training(loss=0.2951, best=0.3)
    assert "one neuron can go no lower" in training(loss=0.3001, best=0.3, hidden=0)


def test_one_neuron_draws_a_line_and_a_hidden_layer_bends_it():
    assert "straight line" in text.structure_notice(0, "tanh", "moons", 0.2994)
    assert "0.2994" in text.structure_notice(0, "tanh", "moons", 0.2994)
    assert "bends it smoothly with tanh" in text.structure_notice(2, "tanh", "moons", 0.2994)
    assert "straight pieces" in text.structure_notice(2, "relu", "circles", 0.69)


@pytest.mark.parametrize("activation", ["tanh", "relu"])
def test_one_hidden_unit_still_draws_a_straight_boundary_and_the_page_says_so(activation):
    """p = σ(w₂·f(z) + b₂) with f never decreasing: p ≥ 0.5 is one threshold on z = x·w + b, a half-plane.
    On circles (seed 2, η = 1) one tanh unit beats logistic regression's loss with that straight boundary."""
    X, y, run = nw.experiment("circles", 0.2, 2, 1, activation, 1.0)
    grid = np.random.default_rng(0).uniform(-2, 2, size=(4000, 2))
    called = nw.predict(run.params, grid, activation).astype(bool)
    z = grid @ run.params.W1[:, 0] + run.params.b1[0]
    order = np.argsort(z)  # sorted by z, the calls form one block of Trues at one end (or none at all)
    flips = np.count_nonzero(np.diff(called[order].astype(int)))
    assert flips <= 1
    structure = text.structure_notice(1, activation, "circles", nw.best_line_loss(X, y))
    assert "still a straight line" in structure and "bend" not in structure.split(";")[0]
    if activation == "tanh":
        loss, best = float(run.losses[-1]), nw.best_line_loss(X, y)
        assert (format_number(loss, 4), format_number(best, 4)) == ("0.6082", "0.6929")
        said = text.training_notice(2000, 2000, 1.0, loss, float(run.losses[0]), best, 1)
        assert "bend pays off" not in said and "still a straight line" in said
        assert "best any straight boundary" not in said  # a lower loss than logistic regression's, with a line
    assert "1 unit still draws a straight boundary" in text.HIDDEN_HELP


def test_step_zero_says_ln_2_only_when_the_loss_is_close_to_it():
    assert "close to ln 2" in training(step=0, loss=0.6939)
    for loss in (0.7670, 0.3625):  # step 0 of moons, seeds 1 and 3, no hidden layer
        said = training(step=0, loss=loss)
        assert "close to ln 2" not in said and ("above" if loss > 0.6931 else "below") in said
    assert nw.experiment("moons", 0.2, 1, 0, "tanh", 1.0, steps=1)[2].losses[0] > 0.76


def test_the_parameter_count_follows_the_shapes():
    assert "**3** numbers" in text.parameter_count(0)
    for hidden in range(1, 9):
        count = int(re.search(r"\*\*(\d+)\*\*", text.parameter_count(hidden)).group(1))
        assert count == 2 * hidden + hidden + hidden + 1 == nw.n_params(hidden)
