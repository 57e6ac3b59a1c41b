"""The data page under AppTest, and its words: the contract's figures, the row slider of the live
element, the example bound to the URL, the digits by blocks, the code panel building core's X and y."""

import re
import subprocess
import sys

import numpy as np
import pytest

from app.figure_base import Style
from app.figures import data as figures
from app.lessons import data as text
from core import datasets
from core.quiz import QUESTIONS
from scripts.app_driver import live_elements, metrics, open_page, slider
from tests.test_code_panel import missing_figures, page_code, run_code


def element(at) -> dict:
    (data,) = live_elements(at)
    return data


def test_opens_on_the_first_iris_flower():
    at = open_page("data")
    assert not at.exception and not at.warning
    assert metrics(at) == {"X shape": "(150, 4)", "y shape": "(150,)", "features": "4", "label": "setosa"}
    row = slider(at, "row")
    assert (row.value, row.min, row.max) == (0, 0, 149)
    assert element(at)["readout"] == "X[0], the first row · y[0] = setosa · x = [5.1, 3.5, 1.4, 0.2]"
    assert at.segmented_control(key="example").value == "iris"


@pytest.mark.parametrize("example", datasets.EXAMPLES)
def test_a_link_opens_any_example_at_any_row(example):
    data = datasets.load(example)
    row = data.m - 1
    at = open_page("data", {"example": example, "row": str(row)})
    assert not at.exception and not at.warning
    assert metrics(at) == datasets.figures(example, row)
    assert slider(at, "row").value == row
    live = element(at)
    assert live["readout"] == text.readout(data, row)
    assert live["figures"][0]["layout"]["title"]["text"] == f"row {row} · y = {data.label_text(row)}"


def test_the_row_slider_moves_the_label_and_writes_the_url():
    at = open_page("data")
    slider(at, "row").set_value(77).run()
    assert not at.exception
    assert metrics(at)["label"] == "versicolor"
    assert at.query_params["row"] == "77" and at.query_params["example"] == "iris"
    assert element(at)["readout"].startswith("X[77] · y[77] = versicolor")
    assert metrics(open_page("data", dict(at.query_params))) == metrics(at)


def test_the_sweep_reads_out_every_row():
    at = open_page("data", {"example": "house"})
    live = element(at)
    data = datasets.load("house")
    readouts = live["sweeps"]["row"]["readouts"]
    assert readouts == [text.readout(data, r) for r in range(data.m)]
    assert len(live["sweeps"]["row"]["patches"]) == data.m


def test_another_example_starts_at_its_first_datapoint():
    at = open_page("data", {"row": "120"})
    at.segmented_control(key="example").set_value("text").run()
    assert not at.exception
    assert metrics(at) == datasets.figures("text", 0)
    assert (at.query_params["example"], at.query_params["row"]) == ("text", "0")
    assert slider(at, "row").max == 11


def test_the_digits_go_by_blocks_of_rows_on_the_slider():
    at = open_page("data", {"example": "image", "row": "1300"})
    assert not at.exception and not at.warning
    row = slider(at, "row")
    assert (row.value, row.min, row.max) == (1300, 1200, 1349)
    assert element(at)["sliders"][0]["label"] == "Datapoint (row of X): rows 1200 to 1349"
    block = at.selectbox(key="row_block")
    assert block.value == 1200 and len(block.options) == 12
    assert any("rows 1200 to 1349 of the 1797" in c.value for c in at.caption)
    block.set_value(1650).run()
    assert not at.exception
    assert at.query_params["row"] == "1650" and metrics(at)["label"] == datasets.figures("image", 1650)["label"]
    assert (slider(at, "row").min, slider(at, "row").max) == (1650, 1796)


@pytest.mark.parametrize("example", ["iris", "text", "house", "sound"])
def test_small_examples_fit_on_the_slider_whole(example):
    at = open_page("data", {"example": example})
    assert not at.main.selectbox and slider(at, "row").max == datasets.size(example) - 1


@pytest.mark.parametrize(
    "query, named",
    [
        ({"row": "150"}, "`row`: 150 is outside 0 to 149; using 149"),
        ({"example": "text", "row": "-3"}, "`row`: -3 is outside 0 to 11; using 0"),
        ({"row": "two"}, "`row` = `two` could not be used"),
        (
            {"example": "genome"},
            "`example` = `genome` could not be used: choose one of house, text, image, iris, sound",
        ),
    ],
)
def test_a_bad_link_is_named_and_the_page_keeps_working(query, named):
    at = open_page("data", query)
    assert not at.exception
    assert any(named in w.value for w in at.warning), [w.value for w in at.warning]
    assert metrics(at)["X shape"] in {"(150, 4)", "(12, 41)"}


def test_the_presentation_view_has_five_ideas_and_keeps_the_figures():
    at = open_page("data", {"present": "1", "example": "sound", "row": "3"})
    assert not at.exception and not at.warning
    bar = " ".join(m.value for m in at.markdown)
    assert re.search(r"Idea 1 of 5: One datapoint", bar)
    assert metrics(at) == datasets.figures("sound", 3)
    last = open_page("data", {"present": "1", "idea": "5"})
    assert "Idea 5 of 5" in " ".join(m.value for m in last.markdown) and metrics(last)


def test_the_right_shape_is_confirmed():
    at = open_page("data")
    seed = at.session_state["quiz_data_shape_seed"]
    question = QUESTIONS["data_shape"](seed)
    at.radio(key=f"quiz_data_shape_choice_{seed}").set_value(question.options[question.answer]).run()
    at.button(key="quiz_data_shape_check").click().run()
    assert any(s.value.startswith("Right.") and question.explanation in s.value for s in at.success)


def test_the_whole_data_set_idea_says_m_and_n():
    at = open_page("data", {"example": "iris", "row": "77"})
    words = " ".join(m.value for m in at.markdown)
    assert "**m = 150** datapoints and **n = 4** features" in words
    assert "y[77] = versicolor" in words and "classification** with 3 classes" in words
    printed = next(c.value for c in at.code if c.value.startswith("X[71:83]"))
    assert "[6.7, 3. , 5. , 1.7]" in printed  # row 77 of X, as NumPy prints it


@pytest.mark.parametrize("example", datasets.EXAMPLES)
def test_the_numpy_code_builds_cores_X_and_y_and_prints_the_figures(example, tmp_path):
    row = datasets.size(example) // 2
    at = open_page("data", {"example": example, "row": str(row)})
    code = page_code(at)
    printed = run_code(code + f"\nnp.save({str(tmp_path / 'X.npy')!r}, X)\nnp.save({str(tmp_path / 'y.npy')!r}, y)\n")
    assert not missing_figures(metrics(at), printed), printed
    data = datasets.load(example)
    np.testing.assert_allclose(np.load(tmp_path / "X.npy"), data.X, rtol=0, atol=1e-12)
    np.testing.assert_array_equal(np.load(tmp_path / "y.npy"), data.y)


def test_the_code_runs_with_only_what_colab_has():
    code = text.code("sound", 0)
    imports = set(re.findall(r"^\s*(?:from|import) (\w+)", code, re.M))
    assert imports <= {"numpy", "sklearn"}
    done = subprocess.run(
        [sys.executable, "-c", "import sys, textwrap; exec(textwrap.dedent(sys.stdin.read()))"],
        input=code,
        text=True,
        capture_output=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "label = low" in done.stdout


# ---------------------------------------------------------------- the words, on both sides of their thresholds
def test_the_block_note_speaks_only_when_the_slider_cannot_carry_every_row():
    image, iris = datasets.load("image"), datasets.load("iris")
    assert text.block_note(iris, range(0, 150)) == ""
    assert text.row_label(iris, range(0, 150)) == "Datapoint (row of X)"
    note = text.block_note(image, range(150, 300))
    assert note.startswith("The slider covers rows 150 to 299 of the 1797")
    assert text.row_label(image, range(150, 300)) == "Datapoint (row of X): rows 150 to 299"


def test_the_label_says_regression_for_a_number_and_classification_for_classes():
    assert "**regression**" in text.label_kind(datasets.load("house"))
    two = text.label_kind(datasets.load("sound"))
    assert "one of 2 classes (low, high)" in two and "0 or 1" in two and "logistic-regression" in two
    ten = text.label_kind(datasets.load("image"))
    assert "one of 10 classes" in ten and "0 to 9" in ten
    assert "softmax" not in ten  # not taught before the Iris page


def test_the_readout_writes_x_only_when_it_is_short():
    assert text.readout(datasets.load("house"), 0).endswith("· x = [142, 5]")
    assert "x =" not in text.readout(datasets.load("sound"), 0)


def test_a_house_of_one_room_is_said_so():
    data = datasets.load("house")
    one = int(np.flatnonzero(data.X[:, 1] == 1)[0])
    assert f"with 1 room, price {data.label_text(one)}" in text.datapoint_description(data, one)
    assert "with 5 rooms" in text.datapoint_description(data, 0)


def test_the_shapes_sentence_gives_m_n_and_how_many_numbers_X_holds():
    sentence = text.shapes_sentence(datasets.load("text"), 3)
    assert "**m = 12** datapoints and **n = 41** features" in sentence and "holds 492 numbers" in sentence


def test_the_keyboard_help_gives_the_big_step():
    assert "PageUp and PageDown 10 at a time" in text.row_help(10)
    at = open_page("data", {"example": "text"})
    spec = element(at)["sliders"][0]
    assert spec["big"] == 2 and "2 at a time" in spec["help"]
    spec = element(open_page("data"))["sliders"][0]
    assert spec["big"] == 10 and len(spec["values"]) / spec["big"] <= 30  # any row within 30 presses


@pytest.mark.parametrize("example", datasets.EXAMPLES)
def test_every_description_names_the_row_and_its_label(example):
    data = datasets.load(example)
    assert text.datapoint_description(data, 1).startswith("Row 1: ") and data.label_text(1) in (
        text.datapoint_description(data, 1)
    )
    assert f"y[1] = {data.label_text(1)}" in text.table_description(data, 1)
    assert text.caption(data).endswith(text.POINT_AT)


def test_the_figures_sent_are_the_builders_figures():
    at = open_page("data", {"example": "iris", "row": "5"})
    data = datasets.load("iris")
    assert element(at)["figures"] == figures.live_figures(data, range(0, 150), 5, Style())


def test_the_readout_says_an_index_as_what_it_is():
    data = datasets.load("iris")
    assert text.readout(data, 149).startswith("X[149], the last row · y[149]")
    assert "row 149 of 150" not in text.readout(data, 149)


def test_the_vocabulary_sentence_says_what_countvectorizer_keeps():
    """CountVectorizer keeps tokens of two or more letters: "a" is in the sentences, not in the vocabulary."""
    from sklearn.feature_extraction.text import CountVectorizer

    sentences = [s for s, _ in datasets.SENTENCES]
    vocabulary = set(CountVectorizer().fit(sentences).get_feature_names_out())
    words = {w for s in sentences for w in s.split()}
    assert "a" in words and "a" not in vocabulary
    assert vocabulary == {w for w in words if len(w) >= 2}
    assert vocabulary == set(datasets.load("text").feature_names)
    caption = text.caption(datasets.load("text"))
    assert "every word of two or more letters" in caption and "every word of the 12 sentences" not in caption
