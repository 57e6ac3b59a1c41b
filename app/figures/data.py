"""Data as a model sees it: one datapoint drawn as what it is, its feature vector x, and the table X with y.

The live element holds two figures: the datapoint (a picture, a sentence, a flower, a floor plan
or a sound) with its label, and the bridge to the arrays pages, x = X[row] above a window of X
with that row highlighted and the labels y beside it. For the sweep of the ``row`` slider each
position sends only what changes: the datapoint's traces, x and its label, and the window.
"""

from __future__ import annotations

import math
from functools import cache

import numpy as np
import orjson
import plotly.graph_objects as go

from app import patch
from app.figure_base import SCREEN, Style, new_figure, shared_layout
from app.palette import PALETTE
from app.sweeps import NUMPY_JSON, Sweep, figure_json
from core.datasets import DECIMALS, SOUND_RATE, Dataset, band_edges, spectra, window
from core.text import format_number, format_shape

LIVE_ROWS = 150  # the live slider's positions at most: what it sends stays under ~300 KB (1797 digits do not)
TEXT = "#1F2430"
GREYS = [[0.0, "#FFFFFF"], [1.0, TEXT]]  # grey levels 0 (white) to 16 (black), as the digits were scanned
DATA_SCALE = [[0.0, "#FFFFFF"], [1.0, PALETTE["a"]]]
SIGNAL_SHOWN = 200  # samples of a sound drawn: its first 50 ms, where the waves can still be seen
LINE_CHARS = 20  # characters per line of a sentence drawn in large type
NO_LEGEND = {"showlegend": False}
CONSTANT_TABLE_TRACES = 3  # X, the frame of x and the labels' axis holder come first in the table; x follows


def window_rows(style: Style) -> int:
    """How many rows of X the table shows: fewer on a projector, where the type is larger."""
    return 7 if style.projector else 12


def height(style: Style) -> int:
    """Both figures' height before the projector's scaling: on a 1280 × 720 wall they fit under the controls."""
    return 248 if style.projector else 330


# ---------------------------------------------------------------- the two figures and their sweep
def live_figures(data: Dataset, rows: range, row: int, style: Style = SCREEN) -> list[dict]:
    """The live element's figures at ``row`` (one of ``rows``, the rows the slider covers), as JSON data."""
    return [figure_json(datapoint_figure(data, row, style)), figure_json(table_figure(data, rows, row, style))]


def row_sweep(data: Dataset, rows: range, readouts: list[str], style: Style = SCREEN) -> Sweep:
    """Both figures at every row of ``rows``: the datapoint's traces and title, x, its label and the window."""
    patches = []
    for row in rows:
        traces, title = datapoint_parts(data, row, style)
        layout = {"title": shared_layout(style, title=title)["title"]}
        table_traces, table_layout = table_parts(data, rows, row, style)
        patches.append(
            [
                {"traces": {str(k): t for k, t in enumerate(traces)}, "layout": layout},
                {
                    "traces": {str(k + CONSTANT_TABLE_TRACES): t for k, t in enumerate(table_traces)},
                    "layout": table_layout,
                },
            ]
        )
    return Sweep(orjson.loads(orjson.dumps(patches, option=NUMPY_JSON)), list(readouts))


def at_position(base: list[dict], sweep: Sweep, index: int) -> list[dict]:
    """The figures at position ``index`` of ``sweep``: ``base`` with that position's patches, as the
    browser applies them (``app/components/live.js``). ``base`` is left as it is: it may be shared."""
    return [figure | patch.apply(figure, p) for figure, p in zip(base, sweep.patches[index])]


# ---------------------------------------------------------------- the datapoint as what it is
def datapoint_figure(data: Dataset, row: int, style: Style = SCREEN) -> go.Figure:
    """Datapoint ``row`` drawn as what it is, titled with its label."""
    traces, title = datapoint_parts(data, row, style)
    return new_figure(*traces, style=style, height=height(style), title=title, **_datapoint_frame(data, style))


def datapoint_parts(data: Dataset, row: int, style: Style = SCREEN) -> tuple[list[dict], str]:
    """The traces of datapoint ``row`` (a fixed number per example) and its title: what a move changes."""
    draw = {"image": _image, "text": _sentence, "iris": _flower, "house": _floor_plan, "sound": _sound}[data.name]
    return draw(data, row, style), f"row {row} · y = {data.label_text(row)}"


def _datapoint_frame(data: Dataset, style: Style) -> dict:
    """What stays while the row moves: axes and margins."""
    hidden = {"visible": False, "fixedrange": True}
    square = {"scaleanchor": "x", "scaleratio": 1}
    common = {"margin": {"l": 10, "r": 10, "t": 50, "b": 10}, "dragmode": False, "showlegend": False}
    common |= {} if data.name == "image" else {"hovermode": False}  # the values are written: hover adds nothing
    if data.name == "image":
        axis = {"dtick": 1, "showgrid": False, "zeroline": False, "fixedrange": True, "ticks": ""}
        return common | {
            "xaxis": axis | {"range": [-0.5, 7.5], "title": {"text": "column"}, "constrain": "domain"},
            "yaxis": axis | square | {"range": [7.5, -0.5], "title": {"text": "row"}},
        }
    if data.name == "text":
        return common | {"xaxis": hidden | {"range": [-1, 1]}, "yaxis": hidden | {"range": [-2.2, 0.8]}}
    if data.name == "iris":
        reach = float(np.ceil(data.X[:, 0].max()))  # the longest sepal fits
        axis = {"dtick": 1, "showticklabels": False, "fixedrange": True, "zeroline": False}
        corner = {"y": reach, "yanchor": "top", "showarrow": False, "font": {"size": style.sizes["font"]}}
        return common | {
            "xaxis": axis | {"range": [-reach, reach], "title": {"text": "grid of 1 cm"}, "constrain": "domain"},
            "yaxis": axis | square | {"range": [-reach, reach]},
            "annotations": [  # the roles written, in the corners the flower leaves free
                corner
                | {"x": -reach, "xanchor": "left", "text": "sepals", "font": corner["font"] | {"color": PALETTE["a"]}},
                corner
                | {
                    "x": reach,
                    "xanchor": "right",
                    "text": "petals",
                    "font": corner["font"] | {"color": PALETTE["result"]},
                },
            ],
        }
    if data.name == "house":
        width, depth = _plan_size(data.X[:, 0].max())
        axis = {"fixedrange": True, "zeroline": False, "dtick": 5}
        return common | {
            "xaxis": axis
            | {"range": [-0.5, math.ceil(width) + 0.5], "title": {"text": "metres"}, "constrain": "domain"},
            "yaxis": axis | square | {"range": [-0.5, math.ceil(depth) + 2.5]},
        }
    top, spectrum_top = _sound_scale(data)
    fixed = {"fixedrange": True, "zeroline": False}
    return common | {
        "xaxis": fixed | {"domain": [0, 1], "anchor": "y", "ticksuffix": " ms", "dtick": 10},
        "yaxis": fixed | {"domain": [0.6, 1], "range": [-top, top], "title": {"text": "signal"}},
        "xaxis2": fixed | {"anchor": "y2", "range": [0, SOUND_RATE / 2], "ticksuffix": " Hz", "dtick": 500},
        "yaxis2": fixed | {"domain": [0, 0.42], "range": [0, spectrum_top], "title": {"text": "spectrum"}},
    }


def _image(data: Dataset, row: int, style: Style) -> list[dict]:
    """The 8 × 8 picture, grey levels 0 (white) to 16 (black)."""
    return [
        {
            "type": "heatmap",
            "z": np.asarray(data.raw(row)).astype(int).tolist(),
            "zmin": 0,
            "zmax": 16,
            "colorscale": GREYS,
            "showscale": False,
            "xgap": 1,
            "ygap": 1,
            "hovertemplate": "pixel_%{y}_%{x} = %{z}<extra></extra>",
        }
    ]


def sentence_lines(sentence: str, width: int = LINE_CHARS) -> list[str]:
    """``sentence`` in quotes, cut into lines of at most ``width`` characters between words.

    >>> sentence_lines("the sun comes out after the rain")
    ['“the sun comes out', 'after the rain”']
    """
    lines: list[str] = []
    for word in sentence.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    lines[0] = "“" + lines[0]
    lines[-1] += "”"
    return lines


def _sentence(data: Dataset, row: int, style: Style) -> list[dict]:
    """The sentence itself, in large type: text on screen as data, never as HTML."""
    lines = sentence_lines(data.raw(row))
    return [
        {
            "type": "scatter",
            "mode": "text",
            "x": [0] * len(lines),
            "y": [-k for k in range(len(lines))],
            "text": lines,
            "textfont": {"size": round(style.sizes["title"] * 1.5), "color": TEXT},
        }
    ]


def petals(length: float, width: float, angles_deg) -> tuple[list, list]:
    """Outlines of petals ``length`` long and ``width`` wide from the centre, one per angle (None between).

    Six points per petal, to the millimetre, drawn as a smooth closed curve (``line.shape = "spline"``
    and ``fill = "toself"``), keep the sweep small.
    """
    u = np.array([0.0, 0.25, 0.6, 1.0, 0.6, 0.25]) * length
    v = np.array([0.0, 0.8, 1.0, 0.0, -1.0, -0.8]) * width / 2
    xs: list = []
    ys: list = []
    for angle in np.radians(angles_deg):
        c, s = math.cos(angle), math.sin(angle)
        xs += (np.round(u * c - v * s, 1) + 0.0).tolist() + [None]  # + 0.0: no "-0.0" to send
        ys += (np.round(u * s + v * c, 1) + 0.0).tolist() + [None]
    return xs, ys


def _flower(data: Dataset, row: int, style: Style) -> list[dict]:
    """Three sepals and three petals seen from above, to scale: the measurements are x, beside."""
    sepal_length, sepal_width, petal_length, petal_width = data.X[row]
    traces = []
    for (length, width), angles, role in (
        ((sepal_length, sepal_width), (90, 210, 330), "a"),
        ((petal_length, petal_width), (30, 150, 270), "result"),
    ):
        xs, ys = petals(length, width, angles)
        traces.append(
            {
                "type": "scatter",
                "x": xs,
                "y": ys,
                "mode": "lines",
                "fill": "toself",
                "fillcolor": PALETTE[f"{role}_fill"],
                "line": {"color": PALETTE[role], "width": style.sizes["line"], "shape": "spline"},
            }
        )
    return traces


def _plan_size(area: float) -> tuple[float, float]:
    """A floor plan of ``area`` m², half as wide again as it is deep."""
    width = math.sqrt(1.5 * area)
    return width, area / width


def _floor_plan(data: Dataset, row: int, style: Style) -> list[dict]:
    """The house as a floor plan to scale: its area, cut into its rooms (in one or two rows)."""
    area, rooms = float(data.X[row, 0]), int(data.X[row, 1])
    width, depth = (round(v, 2) for v in _plan_size(area))
    lines = 1 if rooms <= 3 else 2
    walls_x: list = []
    walls_y: list = []
    top = math.ceil(rooms / lines)
    for line, count in enumerate([top, rooms - top][:lines]):
        y0, y1 = depth * line / lines, depth * (line + 1) / lines
        for k in range(1, count):
            walls_x += [round(width * k / count, 2)] * 2 + [None]
            walls_y += [round(y0, 2), round(y1, 2), None]
    if lines == 2:
        walls_x += [0, width, None]
        walls_y += [round(depth / 2, 2)] * 2 + [None]
    return [
        {
            "type": "scatter",
            "x": [0, width, width, 0, 0],
            "y": [0, 0, depth, depth, 0],
            "mode": "lines",
            "fill": "toself",
            "fillcolor": PALETTE["a_fill"],
            "line": {"color": PALETTE["a"], "width": style.sizes["line"] * 1.5},
        },
        {
            "type": "scatter",
            "x": walls_x,
            "y": walls_y,
            "mode": "lines",
            "line": {"color": PALETTE["a"], "width": style.sizes["line"]},
        },
        {
            "type": "scatter",
            "x": [round(width / 2, 2)],
            "y": [depth],
            "mode": "text",
            "text": [f"{format_number(area, 0)} m², {rooms} room{'s' * (rooms != 1)}"],
            "textposition": "top center",
            "textfont": {"size": style.sizes["font"], "color": PALETTE["a"]},
        },
    ]


@cache  # per example (its data is loaded once): every sound's spectrum at once, by core
def _spectra(data: Dataset) -> tuple[np.ndarray, np.ndarray]:
    return spectra(np.asarray(data.raws))


def _sound_scale(data: Dataset) -> tuple[float, float]:
    """Axis ranges that hold every sound of the example: the signal's reach and the spectrum's top."""
    top = np.abs(np.asarray(data.raws)).max()
    return float(np.ceil(top * 10) / 10), float(np.ceil(_spectra(data)[1].max() * 10) / 10)


def _sound(data: Dataset, row: int, style: Style) -> list[dict]:
    """The signal's first 50 ms, its spectrum, and the features: the loudest amplitude of each band."""
    signal = np.asarray(data.raw(row))
    f, amplitudes = _spectra(data)
    line = {"width": style.sizes["line"] * 0.6}
    return [
        {
            "type": "scatter",
            "x0": 0,
            "dx": 1000 / SOUND_RATE,
            "y": np.round(signal[:SIGNAL_SHOWN], 3).tolist(),
            "mode": "lines",
            "line": line | {"color": PALETTE["neutral"]},
        },
        {
            "type": "scatter",
            "x0": 0,
            "dx": float(f[1]),
            "y": np.round(amplitudes[row], 3).tolist(),
            "xaxis": "x2",
            "yaxis": "y2",
            "mode": "lines",
            "line": line | {"color": PALETTE["result"]},
        },
        {
            "type": "scatter",
            "x": band_edges().tolist(),
            "y": np.round(np.append(data.X[row], data.X[row, -1]), 3).tolist(),
            "xaxis": "x2",
            "yaxis": "y2",
            "mode": "lines",
            "line": {"color": PALETTE["a"], "width": style.sizes["line"], "shape": "hv"},
        },
    ]


# ---------------------------------------------------------------- x, X and y
def colour_values(data: Dataset) -> np.ndarray:
    """What X's colours show: the values themselves when every feature has one unit, else each
    column scaled from its smallest (0) to its largest (1) value (a house's m² and rooms)."""
    if data.name != "house":
        return data.X
    low, high = data.X.min(axis=0), data.X.max(axis=0)
    return (data.X - low) / np.where(high > low, high - low, 1.0)


def _numbers(data: Dataset, values: np.ndarray) -> list:
    """Feature values as sent: whole numbers as integers, others at the example's precision."""
    decimals = DECIMALS[data.name]
    return np.asarray(values).astype(int).tolist() if decimals == 0 else np.round(values, decimals).tolist()


def _texts(data: Dataset, values: np.ndarray) -> list:
    return [[format_number(v, DECIMALS[data.name]) for v in row] for row in np.atleast_2d(values)]


def shows_values(data: Dataset) -> bool:
    """Whether cells carry their numbers (a few wide cells) or only colours and hover (many narrow ones)."""
    return data.n <= 4


def table_figure(data: Dataset, rows: range, row: int, style: Style = SCREEN) -> go.Figure:
    """x = X[row] above a window of X (rows of ``rows``) with that row outlined, and y beside X.

    The labels y are tick labels of a right-hand axis that follows X's: plotly writes ticks only
    inside the window, where a text per row would cost the browser every row at every redraw.
    """
    s = style.sizes
    values = colour_values(data)
    written = shows_values(data)
    scaled = data.name == "house"  # colours differ from the numbers: hover reads the text
    block = data.X[rows.start : rows.stop]
    matrix = {
        "type": "heatmap",
        "z": (np.round(values[rows.start : rows.stop], 4).tolist() if scaled else _numbers(data, block)),
        "y": list(rows),
        "coloraxis": "coloraxis",
        "xgap": 1 if data.n <= 16 else 0,
        "ygap": 1,
        "hovertemplate": "X[%{y}, %{x}] = " + ("%{text}" if scaled or written else "%{z}") + "<extra></extra>",
    }
    if scaled or written:
        matrix["text"] = _texts(data, block)
    if written:
        matrix |= {"texttemplate": "%{text}", "textfont": {"size": s["cell_text"] * 0.8}}
    frame = {
        "type": "scatter",
        "x": [-0.5, data.n - 0.5, data.n - 0.5, -0.5, -0.5],
        "y": [-0.5, -0.5, 0.5, 0.5, -0.5],
        "yaxis": "y2",
        "mode": "lines",
        "line": {"color": PALETTE["b"], "width": s["line"]},
        "hoverinfo": "skip",
    } | NO_LEGEND
    # Plotly draws an axis only for a trace on it: an empty one for the labels' axis.
    holder = {"type": "scatter", "x": [], "y": [], "yaxis": "y3"} | NO_LEGEND
    changing, layout = table_parts(data, rows, row, style)
    low, high = float(values.min()), float(values.max())
    labels = _label_axis(style) | {
        "overlaying": "y",
        "matches": "y",
        "tickvals": list(rows),
        "ticktext": [data.label_text(i) for i in rows],
    }
    return new_figure(
        matrix,
        frame,
        holder,
        *changing,
        style=style,
        height=height(style),
        dragmode=False,
        coloraxis={"colorscale": DATA_SCALE, "cmin": low, "cmax": high, "showscale": False},
        annotations=_table_titles(data, style),
        yaxis3=labels,
        margin={"l": 10, "r": 10, "t": 10, "b": 10},
        **({"xaxis": _feature_axis(data, row, style)} | layout),
    )


def _label_axis(style: Style) -> dict:
    """A right-hand axis whose tick labels are the labels y."""
    return {
        "anchor": "x",
        "side": "right",
        "tickmode": "array",
        "tickfont": {"size": round(style.sizes["font"] * 0.85), "color": PALETTE["b"]},
        "showgrid": False,
        "zeroline": False,
        "fixedrange": True,
    }


def table_parts(data: Dataset, rows: range, row: int, style: Style = SCREEN) -> tuple[list[dict], dict]:
    """What a move of the row changes in the table: x (the last trace), its label, the window, the outline."""
    s = style.sizes
    written, scaled = shows_values(data), data.name == "house"
    values = colour_values(data)
    x = {
        "type": "heatmap",
        "z": [np.round(values[row], 4).tolist() if scaled else _numbers(data, data.X[row])],
        "y": [0],
        "yaxis": "y2",
        "coloraxis": "coloraxis",
        "xgap": 1 if data.n <= 16 else 0,
        "hovertemplate": f"x[%{{x}}] = X[{row}, %{{x}}] = "
        + ("%{text}" if scaled or written else "%{z}")
        + "<extra></extra>",
    }
    if scaled or written:
        x["text"] = _texts(data, data.X[row])
    if written:
        x |= {"texttemplate": "%{text}", "textfont": {"size": s["cell_text"] * 0.8}}
    shown = window(rows, row, window_rows(style))
    outline = {"type": "rect", "xref": "paper", "x0": 0, "x1": 1, "fillcolor": "rgba(0,0,0,0)"}
    line = {"color": PALETTE["b"], "width": s["line"]}
    changes = {"xaxis": _feature_axis(data, row, style)} if data.name == "text" else {}
    return [x], changes | {
        "yaxis": {
            "domain": [0, 0.72],
            "range": [shown.stop - 0.5, shown.start - 0.5],  # row 0 on top, as NumPy prints
            "tickmode": "linear",
            "tick0": 0,
            "dtick": 1,
            "tickfont": {"size": round(s["font"] * 0.85)},
            "showgrid": False,
            "zeroline": False,
            "fixedrange": True,
        },
        "yaxis2": _label_axis(style)  # x's row, its label written on the right as y's are
        | {"domain": [0.84, 0.94], "range": [-0.5, 0.5], "tickvals": [0], "ticktext": [data.label_text(row)]},
        "shapes": [outline | {"yref": "y", "y0": row - 0.5, "y1": row + 0.5, "line": line}],
    }


def _feature_axis(data: Dataset, row: int, style: Style) -> dict:
    """The columns: named under X when the names fit, numbered otherwise (hover names each cell).

    A text's 41 words do not fit side by side: only the words of the current sentence are written.
    """
    axis = {"domain": [0, 0.7], "range": [-0.5, data.n - 0.5], "showgrid": False, "zeroline": False}
    axis |= {"fixedrange": True, "ticks": ""}
    if data.n <= 4:
        names = [name.split(" (")[0].replace(" ", "<br>") for name in data.feature_names]  # a word a line
        return axis | {
            "tickmode": "array",
            "tickvals": list(range(data.n)),
            "ticktext": names,
            "tickangle": 0,
            "tickfont": {"size": round(style.sizes["font"] * 0.85)},
        }
    if data.n <= 48:
        shown = np.flatnonzero(data.X[row]) if data.name == "text" else np.arange(data.n)
        named = axis | {
            "tickmode": "array",
            "tickvals": shown.tolist(),
            "ticktext": [short_names(data)[j] for j in shown],
            "tickangle": -90,
            "tickfont": {"size": round(style.sizes["font"] * 0.75)},
        }
        return named | ({"title": {"text": "band from (Hz)"}} if data.name == "sound" else {})
    return axis | {"title": {"text": "feature (column)"}, "dtick": 16}


def short_names(data: Dataset) -> list[str]:
    """The features as the columns are labelled: the words of a text, the sound bands' lower edges."""
    if data.name == "sound":
        return [name.split("–")[0] for name in data.feature_names]
    return list(data.feature_names)


def _table_titles(data: Dataset, style: Style) -> list[dict]:
    """The arrays' names and shapes: x above its row, X above the table, y above the labels."""
    font = {"size": round(style.sizes["font"] * 0.8)}  # X's and y's side by side on a projector's half-width
    title = {"xref": "paper", "yref": "paper", "showarrow": False, "yanchor": "bottom", "font": font}
    return [
        title | {"x": 0, "xanchor": "left", "y": 0.945, "text": f"x = one row of X, shape {format_shape((data.n,))}"},
        title | {"x": 0, "xanchor": "left", "y": 0.73, "text": f"X, shape {format_shape(data.X.shape)}"},
        title
        | {
            "x": 1,
            "xanchor": "right",
            "y": 0.73,
            "text": f"y, shape {format_shape(data.y.shape)}",
            "font": font | {"color": PALETTE["b"]},
        },
    ]
