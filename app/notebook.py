"""A page's current state as a runnable Jupyter notebook (pure: no streamlit).

The notebook holds, in order: the page's title and a link to this exact state; the slide's
formula and the "what to notice" text (Markdown, LaTeX as ``$$...$$``); the page's own data
files if it passes any; the NumPy code of the page's code panel, which prints every shown
figure as ``label = value``; and the page's main picture drawn with plotly. It imports only
numpy, scikit-learn and plotly (what Colab has), so it runs in Jupyter or Colab as it is.

The picture is either a plotly figure (or its dict), written into the cell as a literal
``go.Figure(data=[...], layout={...})`` with the numbers as given and without the template,
or ``figure_code``: plotting code that the page writes itself.
"""

from __future__ import annotations

import base64
import math
import re
import textwrap
from collections.abc import Iterable, Mapping
from typing import Any

import nbformat
import numpy as np
from nbformat import v4

OPENING = (
    "Run the cells from the top, in Jupyter or in Colab (File, Upload notebook). "
    "Change a number and run again: the figures follow."
)
CODE_INTRO = "The NumPy code behind the page: it prints every figure the page shows, as `label = value`."
FIGURE_INTRO = "The page's picture, drawn with plotly from the same numbers."
DATA_INTRO = "The data of the page, written to a file next to this notebook."
# A file a notebook writes: a plain name in the working folder, never a path.
DATA_FILE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")
# plotly.js reads numeric arrays sent as {"dtype": "f8", "bdata": <base64>}; their NumPy types.
TYPED_ARRAY_DTYPES = {"i1": "<i1", "u1": "<u1", "i2": "<i2", "u2": "<u2", "i4": "<i4", "u4": "<u4"}
TYPED_ARRAY_DTYPES |= {"f4": "<f4", "f8": "<f8"}


def build_notebook(
    *,
    title: str,
    link: str,
    markdown_parts: Iterable[str] = (),
    code: str,
    figure: Any = None,
    figure_code: str | None = None,
    data_files: Mapping[str, str] | None = None,
) -> nbformat.NotebookNode:
    """The notebook of one page's state.

    Parameters
    ----------
    title : the page's title, the notebook's heading.
    link : the address of this state in the app (written as a Markdown link).
    markdown_parts : Markdown cells after the heading: the slide's formula (``$$...$$``),
        what to notice.
    code : the code panel's code (dedented here); it prints the figures.
    figure : the page's main picture, a plotly figure or its dict (``layout.template`` dropped).
    figure_code : plotting code instead of ``figure`` (the two are exclusive).
    data_files : ``{"points.csv": text}``: files the code reads, written by a cell before it.

    >>> nb = build_notebook(title="Arrays", link="http://localhost:8501/arrays", code="print('size =', 6)")
    >>> [cell.cell_type for cell in nb.cells]
    ['markdown', 'markdown', 'code']
    """
    if figure is not None and figure_code is not None:
        raise ValueError("pass a figure or figure_code, not both")
    cells = [v4.new_markdown_cell(f"# {title}\n\nThis state in the app: [{link}]({link})\n\n{OPENING}")]
    cells += [v4.new_markdown_cell(part.strip()) for part in markdown_parts if part.strip()]
    if data_files:
        cells.append(v4.new_markdown_cell(DATA_INTRO))
        cells.append(v4.new_code_cell(data_files_source(data_files)))
    cells.append(v4.new_markdown_cell(CODE_INTRO))
    cells.append(v4.new_code_cell(dedent(code)))
    if figure is not None or figure_code is not None:
        cells.append(v4.new_markdown_cell(FIGURE_INTRO))
        cells.append(v4.new_code_cell(figure_source(figure) if figure is not None else dedent(figure_code or "")))
    return v4.new_notebook(
        cells=cells,
        metadata={
            "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
            "language_info": {"name": "python"},
        },
    )


def notebook_bytes(**arguments: Any) -> bytes:
    """``build_notebook(**arguments)`` as the bytes of an ``.ipynb`` file (UTF-8 JSON)."""
    return nbformat.writes(build_notebook(**arguments)).encode()


def dedent(code: str) -> str:
    """Code as the code panel shows it: dedented, without blank lines around it."""
    return textwrap.dedent(code).strip()


def data_files_source(files: Mapping[str, str]) -> str:
    """A cell that writes each file; the text is a literal, line by line, so it round-trips exactly.

    >>> print(data_files_source({"points.csv": "x,y\\n1,2\\n"}))
    with open('points.csv', 'w', encoding='utf-8', newline='') as file:
        file.write(
            'x,y\\n'
            '1,2\\n'
        )
    """
    blocks = []
    for name, text in files.items():
        if not DATA_FILE_NAME.fullmatch(name) or ".." in name:
            raise ValueError(f"a data file is a plain file name such as points.csv, not {name!r}")
        lines = text.splitlines(keepends=True) or [""]
        body = "\n".join(f"        {line!r}" for line in lines)
        blocks.append(
            f"with open({name!r}, 'w', encoding='utf-8', newline='') as file:\n    file.write(\n{body}\n    )"
        )
    return "\n".join(blocks)


def figure_source(figure: Any) -> str:
    """A cell that draws ``figure``: ``fig = go.Figure(data=[...], layout={...})``, then ``fig.show()``.

    >>> print(figure_source({"data": [{"type": "bar", "y": [1, 2.5]}], "layout": {"template": {}}}))
    import plotly.graph_objects as go
    <BLANKLINE>
    fig = go.Figure(
        data=[
            {'type': 'bar', 'y': [1, 2.5]},
        ],
        layout={},
    )
    fig.show()
    """
    spec = figure_dict(figure)
    lines = ["import plotly.graph_objects as go", "", "fig = go.Figure(", "    data=["]
    lines += [f"        {trace!r}," for trace in spec.get("data", [])]
    lines += ["    ],", f"    layout={spec.get('layout', {})!r},"]
    if spec.get("frames"):
        lines += ["    frames=["] + [f"        {frame!r}," for frame in spec["frames"]] + ["    ],"]
    lines += [")", "fig.show()"]
    return "\n".join(lines)


def figure_dict(figure: Any) -> dict:
    """``figure`` (a plotly figure or its dict) as plain Python values, without ``layout.template``.

    Arrays become lists of the same numbers (plotly's base64 arrays are decoded back); NaN and
    infinities become ``None``, which plotly draws as a gap, as it does with NaN.
    """
    raw = figure if isinstance(figure, Mapping) else figure.to_dict()
    spec = plain(raw)
    if not isinstance(spec, dict):
        raise TypeError(f"a figure is a plotly figure or a dict, not {type(figure).__name__}")
    layout = dict(spec.get("layout") or {})
    layout.pop("template", None)
    spec["layout"] = layout
    return spec


def plain(value: Any) -> Any:
    """``value`` made of dicts, lists, str, int, float, bool and None only (a Python literal)."""
    if isinstance(value, Mapping):
        if "bdata" in value and value.get("dtype") in TYPED_ARRAY_DTYPES:
            return plain(typed_array(value))
        return {str(key): plain(item) for key, item in value.items()}
    if isinstance(value, np.ndarray):
        return plain(value.tolist())
    if isinstance(value, (list, tuple)):
        return [plain(item) for item in value]
    if isinstance(value, np.generic):
        return plain(value.item())
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if value is None or isinstance(value, (str, bool, int)):
        return value
    raise TypeError(f"cannot write a {type(value).__name__} into a notebook cell")


def typed_array(spec: Mapping[str, Any]) -> np.ndarray:
    """Decode plotly's ``{"dtype": "f8", "bdata": ..., "shape": "2, 3"}`` into the array it holds."""
    array = np.frombuffer(base64.b64decode(spec["bdata"]), dtype=TYPED_ARRAY_DTYPES[spec["dtype"]])
    if spec.get("shape"):
        array = array.reshape([int(n) for n in str(spec["shape"]).split(",")])
    return array
