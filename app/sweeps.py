"""The live element's data, without streamlit: sliders, their positions, and sweeps of figures.

A **sweep** says what the figures become at every position of one slider (the other sliders
held where they are). It is computed in Python from ``core`` and the pure figure builders, and
applied by the browser while the slider is dragged (``app/live.py``, ``app/components/live.js``).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import orjson
import plotly.graph_objects as go

from core.text import format_number

NUMPY_JSON = orjson.OPT_SERIALIZE_NUMPY


@dataclass(frozen=True)
class Slider:
    """One live slider: its state key (also its URL parameter and ``st-key-<key>`` class) and positions.

    ``values`` are every position the slider can take, in order (a grid from ``core``); the
    keyboard moves one position per arrow key and ``big_step`` positions per PageUp / PageDown.
    """

    key: str
    label: str
    values: tuple[float, ...]
    default: float
    unit: str = ""
    decimals: int | None = None  # None: as few as needed (format_number)
    big_step: int = 10
    help: str = ""

    def text(self, value: float) -> str:
        """The value as the slider shows it (and as screen readers read it: ``aria-valuetext``)."""
        shown = (
            format_number(value) if self.decimals is None else f"{round(value, self.decimals) + 0.0:.{self.decimals}f}"
        )
        return shown + self.unit

    def index(self, value: float) -> int:
        """The position nearest to ``value``."""
        return int(np.argmin(np.abs(np.asarray(self.values) - value)))

    @property
    def lowest(self) -> float:
        return self.values[0]

    @property
    def highest(self) -> float:
        return self.values[-1]


def grid(lowest: float, highest: float, step: float) -> tuple[float, ...]:
    """Slider positions from ``lowest`` to ``highest`` by ``step``, rounded as a person would type them.

    >>> grid(-1, 1, 0.5), grid(1, 3, 1)
    ((-1.0, -0.5, 0.0, 0.5, 1.0), (1, 2, 3))
    """
    count = int(round((highest - lowest) / step)) + 1
    if all(isinstance(v, int) for v in (lowest, highest, step)):
        return tuple(range(lowest, highest + 1, step))
    decimals = max(0, -math.floor(math.log10(step)) + 2)
    return tuple(float(v) + 0.0 for v in np.round(lowest + step * np.arange(count), decimals))


@dataclass
class Sweep:
    """What the figures become at every position of one slider.

    ``patches[i][f]`` is figure ``f`` at position ``i``: ``None`` (unchanged from the figure as
    sent), ``{"traces": {index: trace}, "layout": {key: value}}`` (those traces and top-level
    layout keys replaced), or a whole figure ``{"data": [...], "layout": {...}}``. A patch may
    also hold ``"merge": {index: {attribute: value}}``: only those attributes of a trace change.
    ``readouts[i]`` is the live readout's text at position ``i``.
    """

    patches: list[list[dict | None]]
    readouts: list[str] = field(default_factory=list)


@dataclass
class Drag:
    """A point of a picture that the hand can drag (opt-in): its moves set two sliders at once.

    The hand grabs point ``point`` of trace ``trace`` of figure ``figure`` (a vector's head, say).
    Where it is, in that trace's data coordinates, sets the sliders ``keys``: x and y, or with
    ``polar`` the length ``hypot(x, y)`` and the angle ``atan2(y, x)`` in degrees, each at its
    nearest position among ``rows`` (the first slider's reachable positions, as indices into its
    values) and ``cols`` (the second's). For the pair ``(rows[r], cols[c])``, cell ``r * len(cols) + c``:
    ``columns[trace][attribute][cell]`` is what that attribute of that trace of the figure becomes
    (a merge, as in a sweep), ``readouts[cell]`` the readout. ``during`` is a patch added to every
    cell (e.g. hiding what a drag does not keep up to date). On release both values go to Python.
    """

    figure: int
    trace: int
    point: int
    keys: tuple[str, str]
    rows: list[int]
    cols: list[int]
    columns: dict[str, dict[str, list]]
    readouts: list[str]
    polar: bool = False
    during: dict = field(default_factory=dict)


def figure_json(fig: go.Figure | dict) -> dict:
    """A figure as plain JSON data (numpy arrays become lists), as plotly.js reads it."""
    return orjson.loads(orjson.dumps(fig.to_dict() if isinstance(fig, go.Figure) else fig, option=NUMPY_JSON))


def diff(base: dict, other: dict) -> dict | None:
    """``other`` as a patch on ``base`` (both from :func:`figure_json`): only what differs.

    >>> diff({"data": [{"y": [1]}], "layout": {"h": 1}}, {"data": [{"y": [2]}], "layout": {"h": 1}})
    {'traces': {'0': {'y': [2]}}, 'layout': {}}
    """
    if len(base["data"]) != len(other["data"]) or set(base["layout"]) - set(other["layout"]):
        return other
    traces = {str(i): t for i, (t, b) in enumerate(zip(other["data"], base["data"])) if t != b}
    layout = {k: v for k, v in other["layout"].items() if base["layout"].get(k) != v}
    return {"traces": traces, "layout": layout} if traces or layout else None


def sweeps_by_building(
    build: Callable[[Any, Any], Sequence[go.Figure | dict]],
    state: Hashable,
    states: dict[str, Sequence[Hashable]],
    style: Any,
    readout: Callable[[Any], str] | None = None,
) -> tuple[list[dict], dict[str, Sweep]]:
    """The figures at ``state``, and a sweep per slider made by building them at each of its states.

    ``states[key]`` lists the page's state at every position of slider ``key``; ``build(state, style)``
    returns the figures of a state and ``readout(state)`` the live readout. The simple way, for
    figures that are cheap to build; a page whose figures are costly builds its patches from
    vectorised ``core`` results instead.
    """
    base = [figure_json(f) for f in build(state, style)]
    sweeps = {}
    for key, key_states in states.items():
        patches = [[diff(b, figure_json(f)) for b, f in zip(base, build(s, style))] for s in key_states]
        sweeps[key] = Sweep(patches, [readout(s) for s in key_states] if readout else [])
    return base, sweeps
