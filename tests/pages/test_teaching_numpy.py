"""The teaching parts of the broadcasting, dot-product, outer-product and matrix-multiplication pages
under AppTest: one idea at a time in the presentation view, the predict-then-check questions, and
the text alternatives of the pictures."""

import re

import numpy as np
import pytest

from core.quiz import QUESTIONS
from scripts.app_driver import live_elements, metrics, open_page

CONTRACT = {
    "broadcasting": {"shape of a", "shape of b", "result shape"},
    "dot-product": {"Dot product", "Angle", "cos θ", "‖a‖", "‖b‖"},
    "outer-product": {"result shape"},
    "matrix-multiplication": {"result shape", "step", "current cell", "current value"},
}
QUIZZES = [
    ("broadcasting", "broadcast"),
    ("dot-product", "dot_sign"),
    ("dot-product", "angle"),
    ("outer-product", "outer"),
    ("matrix-multiplication", "matmul"),
]


def bar_text(at) -> str:
    return " ".join(m.value for m in at.markdown)


@pytest.mark.parametrize("url_path", list(CONTRACT))
def test_presentation_view_has_the_bar_and_moves_on(url_path):
    at = open_page(url_path, {"present": "1"})
    assert not at.exception and not at.warning
    assert re.search(r"Idea 1 of \d+", bar_text(at))
    assert at.button(key="idea_previous").disabled
    at.button(key="idea_next").click().run()
    assert not at.exception
    assert at.query_params["idea"] == "2"
    assert re.search(r"Idea 2 of \d+", bar_text(at))


@pytest.mark.parametrize("url_path", list(CONTRACT))
def test_presentation_view_keeps_the_contract_figures(url_path):
    presented, plain = open_page(url_path, {"present": "1"}), open_page(url_path)
    assert CONTRACT[url_path] <= set(metrics(presented))
    assert {label: metrics(presented)[label] for label in CONTRACT[url_path]} == {
        label: metrics(plain)[label] for label in CONTRACT[url_path]
    }
    # Still there, computed while hidden, on the last idea.
    count = int(re.search(r"Idea 1 of (\d+)", bar_text(presented)).group(1))
    last = open_page(url_path, {"present": "1", "idea": str(count)})
    assert not last.exception and not last.warning
    assert f"Idea {count} of {count}" in bar_text(last)
    assert CONTRACT[url_path] <= set(metrics(last))


@pytest.mark.parametrize("url_path, kind", QUIZZES)
def test_the_right_prediction_is_confirmed(url_path, kind):
    at = open_page(url_path)
    seed = at.session_state[f"quiz_{kind}_seed"]
    question = QUESTIONS[kind](seed)
    radio = at.radio(key=f"quiz_{kind}_choice_{seed}")
    assert list(radio.options) == list(question.options)
    radio.set_value(question.options[question.answer]).run()
    at.button(key=f"quiz_{kind}_check").click().run()
    assert not at.exception
    assert any(s.value.startswith("Right.") and question.explanation in s.value for s in at.success)
    assert any(question.code in c.value for c in at.caption)


@pytest.mark.parametrize("url_path, kind", QUIZZES)
def test_a_wrong_prediction_is_answered_with_the_right_one(url_path, kind):
    at = open_page(url_path)
    seed = at.session_state[f"quiz_{kind}_seed"]
    question = QUESTIONS[kind](seed)
    wrong = next(o for o in question.options if not question.is_right(o))
    at.radio(key=f"quiz_{kind}_choice_{seed}").set_value(wrong).run()
    at.button(key=f"quiz_{kind}_check").click().run()
    assert not at.exception and not any(s.value.startswith("Right.") for s in at.success)
    assert any("Not quite" in i.value and question.options[question.answer] in i.value for i in at.info)


# ---------------------------------------------------------------- broadcasting
def test_broadcasting_notice_counts_the_reuse_and_the_table_lists_every_cell():
    at = open_page("broadcasting", {"a": "0; 10; 20; 30", "b": "[[1, 2, 3]]", "op": "add"})
    text = bar_text(at)
    assert "the result (4, 3) holds 12 numbers made from a's 4 and b's 3" in text
    assert "Each number of a is used 3 times and each of b 4 times" in text
    [table] = at.dataframe
    expected = np.array([[0], [10], [20], [30]]) + np.array([[1, 2, 3]])
    assert list(table.value["result"]) == [str(v) for v in expected.ravel()]
    assert table.value["reads from b"][4] == "b[0, 1] = 2"  # result[1, 1]


def test_broadcasting_notice_names_the_clash():
    at = open_page("broadcasting", {"a": "1, 2, 3; 4, 5, 6", "b": "1, 2", "op": "add"})
    assert "Here axis -1 clashes: a has length 3 there and b has 2." in bar_text(at)
    assert not at.dataframe, "no result, so no table of its cells"


# ---------------------------------------------------------------- dot product
@pytest.mark.parametrize(
    "a, b, side",
    [
        ("2, 1", "3, 1.5", "positive, so the angle is under 90°"),
        ("2, 1", "-1, 2", "zero, so the angle is exactly 90°"),
        ("1, 2, 2", "-2, 0, -1", "negative, so the angle is over 90°"),
    ],
)
def test_dot_product_notice_reads_the_sign_and_the_numbers(a, b, side):
    at = open_page("dot-product", {"a": a, "b": b})
    x, y = np.array(a.split(", "), float), np.array(b.split(", "), float)
    text = bar_text(at)
    assert f"Here a · b = {x @ y:.4f} is {side}" in text
    assert f"Doubling a would double a · b to {2 * x @ y:.4f}" in text
    assert f"‖b‖ = {np.linalg.norm(y):.4f}" in text
    # The picture in words: both vectors and the angle between them.
    angle = np.degrees(np.arccos(np.clip(x @ y / (np.linalg.norm(x) * np.linalg.norm(y)), -1, 1)))
    assert any(f"a = ({a})" in c.value and f"θ = {angle:.4f}°" in c.value for c in at.caption)


def test_dot_product_notice_without_an_angle_or_with_lengths_that_differ():
    zero = open_page("dot-product", {"a": "0, 0", "b": "1, 2"})
    assert "Here a has length 0, so a · b = 0 although there is no angle" in bar_text(zero)
    assert any("only a point at the origin" in c.value for c in zero.caption)
    apart = open_page("dot-product", {"a": "1, 2", "b": "1, 2, 3"})
    assert not apart.exception
    assert "Here a has 2 numbers and b has 3" in bar_text(apart)
    assert "No terms to add" in bar_text(apart)


# ---------------------------------------------------------------- outer product
def test_outer_product_notice_compares_two_rows_and_the_picture_labels_the_row():
    at = open_page("outer-product", {"w": "2, -1, 6", "x": "1, 2, 3, 4", "row": "2"})
    m = np.outer([2, -1, 6], [1, 2, 3, 4])
    text = bar_text(at)
    assert "w xᵀ holds 12 products, made from only 7 numbers" in text
    assert np.allclose(m[2], 3 * m[0]) and "so row 2 = 3 × row 0" in text
    [live] = live_elements(at)
    labels = [note["text"] for note in live["figures"][0]["layout"]["annotations"]]
    assert "◀ row 2" in labels, "the highlighted row carries a label, not only a colour"
    [table] = at.dataframe
    assert table.value.to_numpy().tolist() == m.tolist()


def test_outer_product_notice_with_one_row_or_a_zero_vector():
    one = open_page("outer-product", {"w": "5", "x": "1, 2"})
    assert "With one row, the matrix is just x scaled by w_0 = 5." in bar_text(one)
    zero = open_page("outer-product", {"w": "0, 0", "x": "1, 2"})
    assert "the matrix has rank 0" in bar_text(zero)


# ---------------------------------------------------------------- matrix multiplication
def test_matmul_notice_counts_the_cost_and_the_order():
    at = open_page("matrix-multiplication")  # A (2, 5), B (5, 3)
    text = bar_text(at)
    assert "Here A is (2, 5) and B is (5, 3), so C is (2, 3)" in text
    assert "C costs m·k·p = 30" in text
    assert "B A is undefined here: B's 3 columns do not meet A's 2 rows." in text
    square = open_page("matrix-multiplication", {"a": "1, 2; 3, 4; 5, 6", "b": "1, 2, 3; 4, 5, 6"})
    assert "B A is a (2, 2) matrix, another shape than C." in bar_text(square)


def test_matmul_picture_labels_the_current_row_and_column_in_every_frame():
    at = open_page("matrix-multiplication", {"a": "1, 2, 0; 3, -1, 2", "b": "2, 1; 0, 1; 4, -2", "step": "3"})
    live = next(data for data in live_elements(at) if data["sliders"][0]["key"] == "step")
    [figure] = live["figures"]
    labels = next(trace for trace in figure["data"] if "row 1" in trace.get("text", []))
    assert labels["text"] == ["row 1", "col 0"]  # step 3 computes C[1, 0]
    index = str(figure["data"].index(labels))
    for step, [patch] in enumerate(live["sweeps"]["step"]["patches"]):
        visible = patch["traces"][index]["text"]
        assert visible == ([] if step == 0 else [f"row {(step - 1) // 2}", f"col {(step - 1) % 2}"])


def test_matmul_outer_terms_as_a_table_and_in_words():
    a, b = np.array([[1, 2, 0], [3, -1, 2]]), np.array([[2, 1], [0, 1], [4, -2]])
    at = open_page("matrix-multiplication", {"a": "1, 2, 0; 3, -1, 2", "b": "2, 1; 0, 1; 4, -2", "term": "2"})
    partial = np.outer(a[:, 0], b[0]) + np.outer(a[:, 1], b[1])
    table = next(t for t in at.table if "col 0" in t.value.columns)
    assert table.value.to_numpy().tolist() == partial.tolist()
    assert any("Term 1 is column 1 of A, (2, -1), times row 1 of B, (0, 1)" in c.value for c in at.caption)


def test_matmul_mismatch_keeps_every_idea_and_explains_the_sizes():
    at = open_page("matrix-multiplication", {"b": "1, 2, 3; 4, 5, 6; 1, 1, 1; 2, 2, 2", "present": "1", "idea": "3"})
    assert not at.exception and not at.warning
    assert "Idea 3 of 5: What to notice" in bar_text(at)
    assert "Here A has 5 columns but B has 4 rows" in bar_text(at)
    assert any("inner sizes 5 and 4" in c.value for c in at.caption)
    assert metrics(at)["result shape"] == "undefined"
