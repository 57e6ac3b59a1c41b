"""app.figures.data: the datapoint and table figures draw core's numbers, and the row sweep rebuilds them."""

import json
import math

import numpy as np
import orjson
import pytest

from app.figure_base import Style
from app.figures import data as figures
from app.lessons import data as text
from core import datasets

STYLES = [Style(), Style(projector=True)]


def sweep_of(example: str, start: int = 0, style: Style = Style()):
    data = datasets.load(example)
    rows = datasets.row_block(data.m, start, figures.LIVE_ROWS)
    return data, rows, figures.row_sweep(data, rows, [text.readout(data, r) for r in rows], style)


@pytest.mark.parametrize("style", STYLES, ids=["screen", "projector"])
@pytest.mark.parametrize("example", datasets.EXAMPLES)
def test_every_position_of_the_sweep_is_the_figures_built_at_that_row(example, style):
    data, rows, sweep = sweep_of(example, 0, style)
    base_row = rows[len(rows) // 2]
    base = figures.live_figures(data, rows, base_row, style)
    assert len(sweep.patches) == len(rows) == len(sweep.readouts)
    kept = orjson.dumps(base)
    for i in sorted({0, 1, len(rows) // 3, len(rows) - 1}):
        built = figures.live_figures(data, rows, rows[i], style)
        assert figures.at_position(base, sweep, i) == built, (example, rows[i])
        assert sweep.readouts[i] == text.readout(data, rows[i])
    assert orjson.dumps(base) == kept  # the base is shared between sessions: never changed


def test_a_later_block_of_digits_is_swept_from_its_own_rows():
    data, rows, sweep = sweep_of("image", 1300)
    assert rows == range(1200, 1350)
    base = figures.live_figures(data, rows, 1300, Style())
    assert base[1]["data"][0]["y"] == list(rows)
    assert figures.at_position(base, sweep, 5) == figures.live_figures(data, rows, 1205, Style())


@pytest.mark.parametrize("style", STYLES, ids=["screen", "projector"])
@pytest.mark.parametrize("example", datasets.EXAMPLES)
def test_what_is_sent_stays_under_300_kb(example, style):
    data, rows, sweep = sweep_of(example, 0, style)
    sent = orjson.dumps(
        {"figures": figures.live_figures(data, rows, 0, style), "patches": sweep.patches, "readouts": sweep.readouts}
    ).decode()
    message = json.dumps(sent)  # the element's data travels as a JSON string inside Streamlit's message
    assert len(message.encode()) < 300 * 1024, len(message) // 1024


def table(example: str, row: int, style: Style = Style()):
    data = datasets.load(example)
    rows = datasets.row_block(data.m, row, figures.LIVE_ROWS)
    return data, rows, figures.live_figures(data, rows, row, style)[1]


@pytest.mark.parametrize("example, row", [("iris", 77), ("image", 1300), ("text", 5), ("house", 39), ("sound", 0)])
def test_the_table_draws_x_X_and_y_as_core_holds_them(example, row):
    data, rows, fig = table(example, row)
    matrix, _frame, _holder, x = fig["data"]
    layout = fig["layout"]
    decimals = datasets.DECIMALS[example]
    if example == "house":  # colours scaled per column; the numbers are the text
        assert matrix["text"] == [[f"{v:.0f}" for v in r] for r in data.X[rows.start : rows.stop]]
        assert x["text"] == [[f"{v:.0f}" for v in data.X[row]]]
    else:
        np.testing.assert_allclose(matrix["z"], data.X[rows.start : rows.stop], atol=0.5 * 10**-decimals)
        np.testing.assert_allclose(x["z"], [data.X[row]], atol=0.5 * 10**-decimals)
    assert matrix["y"] == list(rows)
    # The labels are the right-hand tick labels of X's rows and of x's row.
    assert layout["yaxis3"]["tickvals"] == list(rows) and layout["yaxis3"]["matches"] == "y"
    assert layout["yaxis3"]["ticktext"] == [data.label_text(i) for i in rows]
    assert layout["yaxis2"]["ticktext"] == [data.label_text(row)] and x["yaxis"] == "y2"
    # The window holds the row, with as many rows as fit, and the outline is on it.
    low, high = sorted(fig["layout"]["yaxis"]["range"])
    assert low < row < high and high - low == min(figures.window_rows(Style()), len(rows))
    outline = fig["layout"]["shapes"][0]
    assert (outline["y0"], outline["y1"]) == (row - 0.5, row + 0.5)
    titles = [a["text"] for a in fig["layout"]["annotations"]]
    assert f"X, shape {data.X.shape}" in titles and f"y, shape {data.y.shape}" in titles
    assert f"x = one row of X, shape ({data.n},)" in titles


def test_the_text_columns_named_are_the_words_of_the_sentence():
    data, _, fig = table("text", 0)
    axis = fig["layout"]["xaxis"]
    assert axis["ticktext"] == sorted({w for w in data.raw(0).split() if len(w) > 1})
    assert all(data.X[0, j] > 0 for j in axis["tickvals"])


def test_a_few_features_are_written_in_their_cells_many_only_coloured():
    assert "texttemplate" in table("iris", 0)[2]["data"][0] and "texttemplate" in table("house", 0)[2]["data"][3]
    assert "texttemplate" not in table("image", 0)[2]["data"][0]
    assert "texttemplate" not in table("sound", 0)[2]["data"][3]


def datapoint(example: str, row: int, style: Style = Style()) -> dict:
    data, rows, _ = table(example, row)
    return figures.live_figures(data, rows, row, style)[0]


@pytest.mark.parametrize("example", datasets.EXAMPLES)
def test_the_datapoint_is_titled_with_its_row_and_label(example):
    data = datasets.load(example)
    for row in (0, data.m - 1):
        assert datapoint(example, row)["layout"]["title"]["text"] == f"row {row} · y = {data.label_text(row)}"


def test_the_picture_is_the_digits_8_by_8_grey_levels():
    data = datasets.load("image")
    (picture,) = datapoint("image", 1300)["data"]
    np.testing.assert_array_equal(picture["z"], data.raw(1300))
    assert (picture["zmin"], picture["zmax"]) == (0, 16)
    np.testing.assert_array_equal(np.ravel(picture["z"]), data.X[1300])  # x is the picture read row by row


def test_the_sentence_is_written_whole_in_quotes():
    data = datasets.load("text")
    for row in range(data.m):
        (sentence,) = datapoint("text", row)["data"]
        assert " ".join(sentence["text"]) == f"“{data.raw(row)}”"
        assert all(len(line) <= figures.LINE_CHARS + 2 for line in sentence["text"])  # with its quotes


def test_sentences_hold_no_markup():
    assert not any(set("<>&") & set(s) for s, _ in datasets.SENTENCES)


@pytest.mark.parametrize("row", [0, 77, 149])
def test_the_flower_is_drawn_to_scale_from_its_four_measurements(row):
    data = datasets.load("iris")
    sepals, petals = datapoint("iris", row)["data"]
    for trace, (length, width) in ((sepals, data.X[row, :2]), (petals, data.X[row, 2:])):
        xs = np.array([v for v in trace["x"] if v is not None])
        ys = np.array([v for v in trace["y"] if v is not None])
        assert np.hypot(xs, ys).max() == pytest.approx(length, abs=0.06)  # each petal reaches its length
        assert len(xs) == 3 * 6
        # Across its middle each petal is as wide as measured: the widest pair of side points.
        first = np.column_stack([xs[:6], ys[:6]])
        assert np.linalg.norm(first[2] - first[4]) == pytest.approx(width, abs=0.1)


@pytest.mark.parametrize("row", [0, 2, 5, 39])
def test_the_floor_plan_has_the_houses_area_and_rooms(row):
    data = datasets.load("house")
    outline, walls, words = datapoint("house", row)["data"]
    width, depth = max(outline["x"]), max(outline["y"])
    area, rooms = data.X[row]
    assert width * depth == pytest.approx(area, rel=0.002)
    wall_count = sum(1 for v in walls["x"] if v is None)
    lines = 1 if rooms <= 3 else 2
    assert wall_count == rooms - lines + (lines - 1)  # rooms - 1 walls between rooms in each line, and one across
    assert words["text"] == [f"{area:.0f} m², {int(rooms)} room{'s' * (int(rooms) != 1)}"]


@pytest.mark.parametrize("row", [0, 1, 39])
def test_the_sound_is_its_signal_its_spectrum_and_its_band_features(row):
    data = datasets.load("sound")
    signal, spectrum, bands = datapoint("sound", row)["data"]
    raw = data.raw(row)
    np.testing.assert_allclose(signal["y"], raw[: figures.SIGNAL_SHOWN], atol=5e-4)
    assert signal["dx"] * figures.SIGNAL_SHOWN == pytest.approx(50.0)  # ms
    f, amplitude = datasets.spectrum(raw)
    np.testing.assert_allclose(spectrum["y"], amplitude, atol=5e-4)
    assert spectrum["dx"] == f[1] and len(spectrum["y"]) == len(f)
    np.testing.assert_allclose(bands["y"][:-1], data.X[row], atol=5e-4)
    assert bands["x"] == datasets.band_edges().tolist()


@pytest.mark.parametrize("example", datasets.EXAMPLES)
def test_every_row_has_as_many_traces(example):
    data = datasets.load(example)
    counts = {len(datapoint(example, row)["data"]) for row in range(0, data.m, max(1, data.m // 20))}
    assert len(counts) == 1


def test_sentence_lines_cut_between_words():
    assert figures.sentence_lines("a b") == ["“a b”"]
    lines = figures.sentence_lines("the sky is grey and it may rain", 12)
    assert lines == ["“the sky is", "grey and it", "may rain”"]


def test_house_colours_scale_each_column_and_others_keep_their_values():
    house, iris = datasets.load("house"), datasets.load("iris")
    scaled = figures.colour_values(house)
    assert np.allclose(scaled.min(axis=0), 0) and np.allclose(scaled.max(axis=0), 1)
    assert figures.colour_values(iris) is iris.X


def test_window_rows_fit_the_wall():
    assert figures.window_rows(Style(projector=True)) < figures.window_rows(Style())
    assert (
        figures.height(Style(projector=True)) * 1.25 >= 300
    )  # at least half the wall's 720 px, as tests/browser check
    assert math.isclose(Style(projector=True).scaled(figures.height(Style(projector=True))), 310)
