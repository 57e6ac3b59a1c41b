"""The live element's patch format and its reference: what a figure becomes when a patch is applied.

A sweep (``app/sweeps.py``) says, for every position of a slider and every figure, what that figure
becomes; a drag cell says it for a pair of positions. The browser applies them
(``applyPatch`` in ``app/components/live.js``); this module is the same function in Python, used
wherever Python needs the figure at a position (the data page, the figure builders, every test),
and checked against the JavaScript on the same cases (``tests/test_live_js.py``).

A :data:`Patch` is one of:

- ``None``: the figure as sent, unchanged;
- a whole figure ``{"data": [...], "layout": {...}}``: drawn as it is;
- ``{"traces": {index: trace}, "merge": {index: {attribute: value}}, "layout": {key: value}}``, each
  part optional: trace ``index`` replaced by ``trace``, then only those attributes of trace ``index``
  set, then those top-level layout keys set (the others kept). Indexes are strings (JSON keys).

>>> base = {"data": [{"x": [0], "y": [1]}, {"y": [2]}], "layout": {"height": 300, "title": "t"}}
>>> apply(base, None) is base
True
>>> apply(base, {"traces": {"1": {"y": [3]}}, "merge": {"0": {"y": [5]}}, "layout": {"title": "u"}})
{'data': [{'x': [0], 'y': [5]}, {'y': [3]}], 'layout': {'height': 300, 'title': 'u'}}
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, TypedDict

Figure = dict[str, Any]  # {"data": [trace, ...], "layout": {...}}, as plotly.js reads it


class PartPatch(TypedDict, total=False):
    """Replaced traces, merged trace attributes and replaced top-level layout keys."""

    traces: dict[str, dict]
    merge: dict[str, dict]
    layout: dict


Patch = PartPatch | Figure | None


def apply(base: Figure, patch: Patch) -> Figure:
    """``base`` with ``patch`` applied, as the browser draws it; ``base`` itself is left as it is."""
    if not patch:
        return base
    if "data" in patch:
        return patch
    data = list(base["data"])
    for index, trace in patch.get("traces", {}).items():
        data[int(index)] = trace
    for index, part in patch.get("merge", {}).items():
        data[int(index)] = {**data[int(index)], **part}
    return {"data": data, "layout": {**base["layout"], **patch.get("layout", {})}}


def apply_all(bases: Sequence[Figure], patches: Sequence[Patch]) -> list[Figure]:
    """Each figure with its patch (one position of a sweep: ``sweep.patches[i]``)."""
    return [apply(base, patch) for base, patch in zip(bases, patches, strict=True)]


def drag_patch(drag: Mapping[str, Any], cell: int) -> PartPatch:
    """The patch that cell ``cell`` of a drag (``app.sweeps.Drag`` as sent: its fields) draws on its figure.

    Each column gives its trace attribute's value at that cell, and the drag's ``during`` patch is
    added over them (its merged attributes win, its layout keys are set).

    >>> drag = {"columns": {"0": {"x": [[0, 1], [0, 2]]}}, "during": {"merge": {"1": {"visible": False}}}}
    >>> drag_patch(drag, 1)
    {'merge': {'0': {'x': [0, 2]}, '1': {'visible': False}}, 'layout': {}}
    """
    merge = {
        trace: {name: column[cell] for name, column in attributes.items()}
        for trace, attributes in drag["columns"].items()
    }
    during = drag.get("during") or {}
    for trace, part in (during.get("merge") or {}).items():
        merge[trace] = {**merge.get(trace, {}), **part}
    return {"merge": merge, "layout": during.get("layout") or {}}
