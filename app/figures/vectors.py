"""Two vectors as arrows: the angle between them, the projection of b onto a, and a zoom on the heads.

Two pictures: the plane (2-D) and a rotatable scene (3-D). Both are computed for many pairs at once
from :func:`core.vectors.measures`, so that the figure of one pair and the live element's patches for
every position of a slider come from the same numbers: :func:`plane` draws one pair, and
:func:`plane_patches` gives, for each pair of a sweep, only what moves (``merge`` patches: a few
attributes of a few traces, and the axes). The traces keep their order whatever the pair, so a
patch can name them by index.
"""

from __future__ import annotations

import math

import numpy as np
import plotly.graph_objects as go

from app.figure_base import SCREEN, Style, new_figure
from app.palette import PALETTE
from app.sweeps import figure_json
from core.text import format_number
from core.vectors import measures, slider_vectors, vectors_with_parts

ARC_POINTS = 9  # drawn as a spline: smooth enough, and light in a sweep of 73 positions
REACHES = (1.25, 2.5, 3.75, 6.0)  # half-widths of the plane: the picture rescales in a few steps, not on every move
ZOOM_WHEN = 0.12  # the zoom on the heads shows when they are closer than this fraction of the half-width
ZERO_LINE = "#B0B7C3"
# The plane's traces, in order (patches name them by index).
PROJECTION, DROP, ARC, ARROW_A, ARROW_B, THETA, ZOOM_BOX, ZOOM_A, ZOOM_B, ZOOM_ARC, ZOOM_TEXT = range(11)
# The scene's traces, in order.
LINE_A, CONE_A, LINE_B, CONE_B, SCENE_PROJECTION, SCENE_DROP, SCENE_ARC = range(7)
# The zoom's axes draw its frame; hidden, they draw nothing (not even the white behind them).
INSET_AXIS = {"showgrid": False, "zeroline": False, "showticklabels": False, "fixedrange": True, "ticks": ""}
INSET_AXIS |= {"showline": True, "mirror": True, "linecolor": PALETTE["neutral"], "linewidth": 1}
INSET_HIDDEN = {
    "xaxis2": {"visible": False, "anchor": "y2", "domain": [0, 0.001]},  # a hidden subplot still paints its
    "yaxis2": {"visible": False, "anchor": "x2", "domain": [0, 0.001]},  # white background: make it a speck
}
# While a head is dragged the zoom is hidden: it would need its own window for every cell.
DRAG_DURING = {"merge": {str(i): {"visible": False} for i in range(ZOOM_BOX, ZOOM_TEXT + 1)}, "layout": INSET_HIDDEN}
_INSET_DEFAULT = {
    "xaxis2": INSET_AXIS | {"anchor": "y2", "domain": [0.02, 0.4]},
    "yaxis2": INSET_AXIS | {"anchor": "x2", "domain": [0.02, 0.4], "scaleanchor": "x2", "scaleratio": 1},
}
TEXT_POSITIONS = ["middle right", "top right", "top center", "top left", "middle left", "bottom left"]
TEXT_POSITIONS += ["bottom center", "bottom right"]


def reach(max_norm: np.ndarray) -> np.ndarray:
    """The half-width of the picture for vectors up to ``max_norm`` long: a little room beyond the longest.

    >>> reach(np.array([1.0, 2.0, 3.0, 10.0])).tolist()
    [1.25, 2.5, 3.75, 11.5]
    """
    needed = 1.15 * np.maximum(np.asarray(max_norm, dtype=float), 1.0)
    steps = np.array(REACHES)
    index = np.searchsorted(steps, needed)
    return np.where(index < steps.size, steps[np.minimum(index, steps.size - 1)], needed)


def plane(a: np.ndarray, b: np.ndarray, style: Style = SCREEN, *, height: int = 400) -> go.Figure:
    """The 2-D picture of one pair: arrows a and b, the arc of θ, the projection, and a zoom when the heads meet."""
    s = style.sizes
    line = s["line"]
    static = [
        {"name": "projection of b onto a", "line": {"color": PALETTE["result"], "width": line * 3}, "opacity": 0.55},
        {"name": "drop from b onto a's line", "line": {"color": PALETTE["neutral"], "dash": "dot", "width": line}},
        {"name": "angle θ", "line": {"color": PALETTE["neutral"], "width": line, "shape": "spline"}},
        _arrow("a", PALETTE["a"], line * 2.2, s) | {"cliponaxis": False},  # wider than b: b over it leaves a green rim
        _arrow("b", PALETTE["b"], line * 1.2, s) | {"cliponaxis": False},
        {"mode": "text", "textfont": {"color": PALETTE["neutral"], "size": s["font"]}, "cliponaxis": False},
        {"line": {"color": PALETTE["neutral"], "width": 1}},  # marks in the plane the square that the zoom shows
        _arrow("a", PALETTE["a"], line * 2.2, s) | {"xaxis": "x2", "yaxis": "y2"},
        _arrow("b", PALETTE["b"], line * 1.2, s) | {"xaxis": "x2", "yaxis": "y2"},
        {"line": {"color": PALETTE["neutral"], "width": line, "shape": "spline"}, "xaxis": "x2", "yaxis": "y2"},
        {"mode": "text", "textfont": {"color": "#1F2430", "size": s["font"] * 0.9}, "xaxis": "x2", "yaxis": "y2"},
    ]
    for index, trace in enumerate(static):
        trace.setdefault("type", "scatter")
        trace.setdefault("mode", "lines")
        trace.setdefault("hoverinfo", "skip")
        trace["showlegend"] = index in (PROJECTION, DROP)  # the arrows and θ carry their names in the picture
    columns, layouts = _plane_columns(np.asarray(a, float)[None], np.asarray(b, float)[None], style)
    traces = [trace | _at(columns.get(i, {}), 0) for i, trace in enumerate(static)]
    layout = {key: values[0] for key, values in layouts.items()}
    return new_figure(
        *traces,
        style=style,
        height=height,
        dragmode=False,
        # Inside the plane's top left, over a faint white: no strip above the picture for it.
        legend={"orientation": "v", "yanchor": "top", "y": 0.99, "x": 0.01, "bgcolor": "rgba(255,255,255,0.8)"}
        | {"font": {"size": s["font"] * 0.85}},
        **(_INSET_DEFAULT | layout),
    )


def plane_patches(a: np.ndarray, b: np.ndarray, pairs_a: np.ndarray, pairs_b: np.ndarray, style: Style = SCREEN):
    """The plane's patch for each pair ``(pairs_a[i], pairs_b[i])`` against the figure of ``(a, b)``.

    Each patch is ``None`` (nothing moves) or ``{"merge": {trace: {attribute: value}}, "layout": {...}}``,
    with only what differs from the figure of ``(a, b)`` where it is shown: found column by column, so
    that a sweep of 73 positions costs little more than one figure.
    """
    base, base_layout = _plane_columns(np.asarray(a, float)[None], np.asarray(b, float)[None], style)
    columns, layouts = _plane_columns(np.asarray(pairs_a, float), np.asarray(pairs_b, float), style)
    count = len(pairs_a)
    merges = [{} for _ in range(count)]
    for index, attributes in columns.items():
        for name, (values, shown) in attributes.items():
            first, in_base = base[index][name][0][0], base[index][name][1][0]
            if not in_base:  # the figure as sent leaves it out: wherever it shows, it must come
                changed = np.ones(count, dtype=bool)
            elif isinstance(values, np.ndarray):
                same = (values == first) | (np.isnan(values) & np.isnan(first))
                changed = ~same.reshape(count, -1).all(axis=1)
            else:
                changed = np.array([v != first for v in values], dtype=bool)
            for i in np.flatnonzero(changed & shown):
                value = values[i].tolist() if isinstance(values, np.ndarray) else values[i]
                merges[i].setdefault(str(index), {})[name] = value
    patches = []
    for i, merge in enumerate(merges):
        layout = {k: v[i] for k, v in layouts.items() if v[i] != base_layout[k][0]}
        patches.append({"merge": merge, "layout": layout} if merge or layout else None)
    return patches


def heads_zoomed(a: np.ndarray, b: np.ndarray) -> bool:
    """Whether the plane adds its zoom on the heads for this pair (2-D, heads too close to tell apart)."""
    a, b = np.asarray(a, dtype=float)[None], np.asarray(b, dtype=float)[None]
    if a.shape[1] != 2 or b.shape[1] != 2:
        return False
    m = measures(a, b)
    return bool(_zoom_shown(a, b, m)[0])


def scene(a: np.ndarray, b: np.ndarray, style: Style = SCREEN, *, height: int = 440) -> go.Figure:
    """The 3-D picture of one pair: arrows with cone heads, the projection, the arc of θ; drag to rotate."""
    s = style.sizes
    static = [
        {
            "type": "scatter3d",
            "mode": "lines+text",
            "name": "a",
            "line": {"color": PALETTE["a"], "width": s["line"] * 3},
        },
        _cone(PALETTE["a"], "a"),
        {
            "type": "scatter3d",
            "mode": "lines+text",
            "name": "b",
            "line": {"color": PALETTE["b"], "width": s["line"] * 3},
        },
        _cone(PALETTE["b"], "b"),
        {"type": "scatter3d", "mode": "lines", "name": "projection of b onto a", "opacity": 0.6}
        | {"line": {"color": PALETTE["result"], "width": s["line"] * 5}},
        {"type": "scatter3d", "mode": "lines", "name": "drop from b onto a's line"}
        | {"line": {"color": PALETTE["neutral"], "dash": "dot", "width": s["line"] * 1.5}},
        {"type": "scatter3d", "mode": "lines+text", "name": "angle θ", "showlegend": False}
        | {"line": {"color": PALETTE["neutral"], "width": s["line"] * 2}, "textposition": "top center"},
    ]
    for name in (LINE_A, LINE_B):
        static[name] |= {
            "textposition": "top center",
            "textfont": {"color": static[name]["line"]["color"], "size": s["title"]},
            "showlegend": False,
            "hovertemplate": f"{static[name]['name']} = (%{{x}}, %{{y}}, %{{z}})<extra></extra>",
        }
    static[SCENE_ARC]["textfont"] = {"color": PALETTE["neutral"], "size": s["font"]}
    (parts,), (layout,) = _scene_parts(np.asarray(a, float)[None], np.asarray(b, float)[None])
    traces = [trace | parts.get(i, {}) for i, trace in enumerate(static)]
    return new_figure(*traces, style=style, height=height, uirevision="scene", **layout)


def scene_patches(a: np.ndarray, b: np.ndarray, pairs_a: np.ndarray, pairs_b: np.ndarray):
    """The scene's patch for each pair, as :func:`plane_patches` gives the plane's."""
    (base_parts,), (base_layout,) = _scene_parts(np.asarray(a, float)[None], np.asarray(b, float)[None])
    parts, layouts = _scene_parts(np.asarray(pairs_a, float), np.asarray(pairs_b, float))
    return [_patch(base_parts, base_layout, p, lay) for p, lay in zip(parts, layouts, strict=True)]


def sweeps(a: np.ndarray, b: np.ndarray, sliders, style: Style = SCREEN, height: int | None = None):
    """The figure of ``(a, b)`` and, for each slider ``(key, values)``, its patch and numbers at every position.

    A slider's key names the vector it moves and how (``b_angle``, ``a_len``, ``b_1``: see
    :func:`core.vectors.slider_vectors`). Returns ``(figures, {key: (patches, measures)})``, with one
    patch list per position (one patch per figure); vectors of different lengths have no figure and
    no measures (``None``). ``height`` is the figure's, before the projector's scaling.
    """
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    if a.size != b.size:
        return [], {key: ([[] for _ in values], None) for key, values in sliders}
    build = plane if a.size == 2 else scene
    base = [figure_json(build(a, b, style) if height is None else build(a, b, style, height=height))]
    every_a, every_b = [], []
    for key, values in sliders:
        name, part = key.split("_", 1)
        moved = slider_vectors(a if name == "a" else b, part, values)
        fixed = np.broadcast_to(b if name == "a" else a, moved.shape)
        every_a.append(moved if name == "a" else fixed)
        every_b.append(fixed if name == "a" else moved)
    # Every slider's positions in one pass: the work is per column, not per position.
    pairs_a, pairs_b = np.concatenate(every_a), np.concatenate(every_b)
    patches = plane_patches(a, b, pairs_a, pairs_b, style) if a.size == 2 else scene_patches(a, b, pairs_a, pairs_b)
    m = measures(pairs_a, pairs_b)
    found, start = {}, 0
    for (key, _), part in zip(sliders, every_a):
        end = start + len(part)
        found[key] = ([[patch] for patch in patches[start:end]], {k: v[start:end] for k, v in m.items()})
        start = end
    return base, found


def head_drags(a: np.ndarray, b: np.ndarray, polar: bool, grids: dict[str, tuple[float, ...]]) -> list[dict]:
    """How the heads of a and b are dragged in the plane (2-D only): for each, the fields of an
    :class:`app.sweeps.Drag` but its readouts, and the measures of its cells (``"measures"``).

    ``grids`` gives the sliders' positions by part (``len``, ``angle``, and ``xyz`` for a component).
    A drag reaches the positions that the plane shows, a little beyond its half-width, and at most
    about 10 lengths or 21 components a side, so that the cells stay a few hundred.
    """
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    if a.size != 2 or b.size != 2:
        return []
    half = float(reach(max(np.hypot.reduce(a), np.hypot.reduce(b))))
    if polar:
        parts, rows = ("len", "angle"), _reachable(grids["len"], 1e-9, 1.4 * half, 10)
        cols = list(range(len(grids["angle"])))
        values = (grids["len"], grids["angle"])
    else:
        parts = ("0", "1")
        rows, cols = _reachable(grids["xyz"], -1.6 * half, 1.6 * half, 21), _reachable(grids["xyz"], -half, half, 21)
        values = (grids["xyz"], grids["xyz"])
    first, second = [values[0][i] for i in rows], [values[1][j] for j in cols]
    cells = _drag_columns(a, b, [(name, parts, first, second) for name in "ba"])
    drags = []
    for name, (columns, m) in zip("ba", cells):
        keys = (f"{name}_{parts[0]}", f"{name}_{parts[1]}")
        fields = {"figure": 0, "trace": ARROW_A if name == "a" else ARROW_B, "point": 1, "keys": keys}
        fields |= {"rows": rows, "cols": cols, "columns": columns, "polar": polar, "during": DRAG_DURING}
        drags.append(fields | {"measures": m})
    return drags


def _reachable(values, low: float, high: float, most: int) -> list[int]:
    """The indices of the positions in ``[low, high]``, every k-th so that at most ``most`` remain.

    >>> _reachable([0, 0.25, 0.5, 0.75, 1.0], 0.1, 1.0, 2)
    [1, 3]
    """
    inside = [i for i, v in enumerate(values) if low <= v <= high]
    step = -(-len(inside) // most)
    return inside[::step]


def drag_cells(a: np.ndarray, b: np.ndarray, name: str, parts: tuple[str, str], first, second):
    """What the plane draws while the head of vector ``name`` is dragged, for every pair of two sliders' values.

    ``parts`` are the two parts the head sets (``("len", "angle")`` or ``("0", "1")``), ``first`` and
    ``second`` their values; cell ``r * len(second) + c`` is the pair ``(first[r], second[c])``. Returns
    ``(columns, measures)``: for each trace that moves, each attribute's value in every cell (see
    :class:`app.sweeps.Drag`), and :func:`core.vectors.measures` of every cell. The plane keeps its
    axes during a drag, and its zoom is hidden (see :data:`DRAG_DURING`).
    """
    [(columns, m)] = _drag_columns(
        np.asarray(a, dtype=float), np.asarray(b, dtype=float), [(name, parts, first, second)]
    )
    return columns, m


def _drag_columns(a: np.ndarray, b: np.ndarray, jobs: list) -> list[tuple[dict, dict]]:
    """:func:`drag_cells` for several heads, in one pass over all their cells."""
    every_a, every_b = [], []
    for name, parts, first, second in jobs:
        first, second = np.asarray(first, dtype=float), np.asarray(second, dtype=float)
        values = {parts[0]: np.repeat(first, second.size), parts[1]: np.tile(second, first.size)}
        moved = vectors_with_parts(a if name == "a" else b, values)
        fixed = np.broadcast_to(b if name == "a" else a, moved.shape)
        every_a.append(moved if name == "a" else fixed)
        every_b.append(fixed if name == "a" else moved)
    pairs_a, pairs_b = np.concatenate(every_a), np.concatenate(every_b)
    plane = reach(max(np.hypot.reduce(a), np.hypot.reduce(b)))  # the axes of the figure the drag started on
    traces, _ = _plane_columns(pairs_a, pairs_b, SCREEN, np.full(len(pairs_a), plane), with_zoom=False)
    m = measures(pairs_a, pairs_b)
    found, start = [], 0
    for (name, *_), part in zip(jobs, every_a):
        cells = slice(start, start + len(part))
        start = cells.stop
        arrow = ARROW_A if name == "a" else ARROW_B
        wanted = {arrow: ("x", "y"), PROJECTION: ("x", "y"), DROP: ("x", "y"), ARC: ("x", "y")}
        wanted[THETA] = ("x", "y", "text", "textposition")
        columns = {}
        for index, names in wanted.items():
            columns[str(index)] = {}
            for attribute in names:
                column = traces[index][attribute][0][cells]
                if isinstance(column, np.ndarray):
                    # A tenth of a pixel at most (3 decimals), and every other point of the arc (its
                    # spline stays round): a few hundred cells per head stay light. NumPy arrays,
                    # which the element's JSON writer takes as they are.
                    column = np.round(column[:, ::2] if index == ARC else column, 3) + 0.0
                columns[str(index)][attribute] = column
        known = traces[PROJECTION]["visible"][0][cells]
        if not all(known):  # a zero vector somewhere: no angle, no projection there
            for index in (PROJECTION, DROP, ARC, THETA):
                columns[str(index)]["visible"] = known
        found.append((columns, {k: v[cells] for k, v in m.items()}))
    return found


def _patch(base_parts: dict, base_layout: dict, parts: dict, layout: dict) -> dict | None:
    """What differs from the base: the changed attributes of each trace, the changed layout keys."""
    merge = {}
    for index, attributes in parts.items():
        changed = {k: v for k, v in attributes.items() if base_parts.get(index, {}).get(k) != v}
        if changed:
            merge[str(index)] = changed
    layout = {k: v for k, v in layout.items() if base_layout.get(k) != v}
    return {"merge": merge, "layout": layout} if merge or layout else None


def _merge_axes(layout: dict, axis: dict) -> dict:
    return {k: (axis | v if k in ("xaxis", "yaxis") else v) for k, v in layout.items()}


def _arrow(name: str, colour: str, width: float, s: dict) -> dict:
    """An arrow from the origin as one trace: a line, an arrowhead marker turned along it, its name at the head."""
    return {
        "type": "scatter",
        "mode": "lines+markers+text",
        "name": name,
        "line": {"color": colour, "width": width},
        "text": ["", f"<b>{name}</b>"],
        "textfont": {"color": colour, "size": s["title"]},
        "hovertemplate": f"{name} = (%{{x}}, %{{y}})<extra></extra>",
    }


def _marker(colour: str, size: float, zero: bool) -> dict:
    """The head: an arrow along the line, or a dot at the origin for the zero vector (it has no direction)."""
    if zero:
        return {"color": colour, "size": [size * 0.6, size * 0.6], "symbol": "circle"}
    return {"color": colour, "size": [0, size], "symbol": "arrow", "angleref": "previous", "opacity": 1}


def _cone(colour: str, name: str) -> dict:
    return {
        "type": "cone",
        "anchor": "tip",
        "sizemode": "absolute",
        "showscale": False,
        "colorscale": [[0, colour], [1, colour]],
        "hoverinfo": "skip",
        "name": name,
    }


def _geometry(pairs_a: np.ndarray, pairs_b: np.ndarray, half: np.ndarray | None = None) -> dict:
    """What the plane draws for each pair, as arrays: the measures, the arc of θ and the place of its label.

    ``half`` is the plane's half-width for each pair (by default what the pair needs; a dragged head
    keeps the plane of the figure it started from).
    """
    m = measures(pairs_a, pairs_b)
    na, nb = m["norm_a"], m["norm_b"]
    half = reach(np.maximum(na, nb)) if half is None else half
    phi_a = np.arctan2(pairs_a[:, 1], pairs_a[:, 0])
    cross = pairs_a[:, 0] * pairs_b[:, 1] - pairs_a[:, 1] * pairs_b[:, 0]
    turn = np.arctan2(cross, m["dot"])  # signed angle from a to b, radians
    t = np.linspace(0.0, 1.0, ARC_POINTS)
    arc_angles = phi_a[:, None] + turn[:, None] * t
    radius = np.maximum(0.3 * np.minimum(na, nb), 0.1 * half)
    # θ's label beyond the arc, on the bisector, turned out of a narrow wedge so that no arrow covers it.
    side = np.where(turn >= 0, 1.0, -1.0)
    label_angle = phi_a + turn / 2 + side * np.maximum(0.0, math.radians(40) - np.abs(turn) / 2)
    label_radius = radius + 0.22 * half
    return {
        "m": m,
        "defined": ~np.isnan(m["angle"]),
        "half": half,
        "phi_a": phi_a,
        "turn": turn,
        "arc_x": radius[:, None] * np.cos(arc_angles),
        "arc_y": radius[:, None] * np.sin(arc_angles),
        "label_x": label_radius * np.cos(label_angle),
        "label_y": label_radius * np.sin(label_angle),
        "label_at": np.stack([np.cos(label_angle), np.sin(label_angle)], axis=-1),
        "theta": [f"θ = {format_number(v, 2)}°" if not np.isnan(v) else "" for v in m["angle"]],
    }


def _plane_columns(
    pairs_a: np.ndarray, pairs_b: np.ndarray, style: Style, half: np.ndarray | None = None, with_zoom: bool = True
):
    """Everything in the plane that moves, for each pair at once, as columns.

    Returns ``(traces, layout)``: ``traces[index][attribute] = (values, shown)``, where ``values[i]`` is
    the attribute at pair ``i`` (a row of a NumPy array, or any value in a list) and ``shown[i]`` says
    whether it matters there (a hidden trace keeps what it had); ``layout[key][i]`` is a layout key.
    The vectors are kept as they are; what is drawn from them is rounded to 4 decimals (a tenth of a
    pixel in the zoomed window, where it is largest). Without ``with_zoom``, neither the zoom nor the
    layout (a dragged head keeps both as they were).
    """
    g = _geometry(pairs_a, pairs_b, half)
    m, known, half = g["m"], g["defined"], g["half"]
    count, everywhere = len(pairs_a), np.ones(len(pairs_a), dtype=bool)
    if with_zoom:
        zoom = _zoom(pairs_a, pairs_b, m["norm_a"], m["norm_b"], g["phi_a"], g["turn"], known, half)
    else:
        zoom = {"shown": np.zeros(count, dtype=bool), "box": np.zeros((count, 5, 2)), "arc": np.zeros((count, 1, 2))}
        zoom |= {"text": np.zeros((count, 2)), "label_position": [""] * count}
    shown = zoom["shown"]
    r = lambda array: np.round(array, 4) + 0.0
    pair = lambda first, second: np.stack([first, second], axis=-1)
    size = style.sizes["marker"] * 2
    heads = {}
    for name, v, other, norm in (("a", pairs_a, pairs_b, m["norm_a"]), ("b", pairs_b, pairs_a, m["norm_b"])):
        markers = (_marker(PALETTE[name], size, False), _marker(PALETTE[name], size, True))
        heads[name] = {"x": pair(np.zeros(count), v[:, 0]), "y": pair(np.zeros(count), v[:, 1])}
        if with_zoom:  # a dragged head keeps its marker and the place of its name
            heads[name]["marker"] = [markers[z] for z in (norm == 0).tolist()]
            positions = _label_positions(v, other, norm)
            heads[name]["textposition"] = [["middle center", position] for position in positions]
    p = m["projection"]
    visible = lambda mask: mask.tolist()
    traces = {
        ARROW_A: {k: (v, everywhere) for k, v in heads["a"].items()},
        ARROW_B: {k: (v, everywhere) for k, v in heads["b"].items()},
        PROJECTION: {"x": r(pair(np.zeros(count), p[:, 0])), "y": r(pair(np.zeros(count), p[:, 1]))},
        DROP: {"x": r(pair(pairs_b[:, 0], p[:, 0])), "y": r(pair(pairs_b[:, 1], p[:, 1]))},
        ARC: {"x": r(g["arc_x"]), "y": r(g["arc_y"])},
        THETA: {
            "x": r(g["label_x"][:, None]),
            "y": r(g["label_y"][:, None]),
            "text": [[t] for t in g["theta"]],
            "textposition": np.array(TEXT_POSITIONS)[_octants(g["label_at"])].tolist(),
        },
        ZOOM_BOX: {"x": r(zoom["box"][:, :, 0]), "y": r(zoom["box"][:, :, 1])},
        ZOOM_A: heads["a"],
        ZOOM_B: heads["b"],
        ZOOM_ARC: {"x": r(zoom["arc"][:, :, 0]), "y": r(zoom["arc"][:, :, 1])},
        ZOOM_TEXT: {
            "x": r(zoom["text"][:, 0:1]),
            "y": r(zoom["text"][:, 1:2]),
            "text": [[t] for t in g["theta"]],
            "textposition": zoom["label_position"],
        },
    }
    for index, mask in ((PROJECTION, known), (DROP, known), (ARC, known), (THETA, known)):
        traces[index] = {k: (v, mask) for k, v in traces[index].items()} | {"visible": (visible(mask), everywhere)}
    for index in range(ZOOM_BOX, ZOOM_TEXT + 1):
        traces[index] = {k: (v, shown) for k, v in traces[index].items()} | {"visible": (visible(shown), everywhere)}
    title = {"title": {"text": "zoom on the heads", "font": {"size": style.sizes["font"] * 0.9}}, "side": "top"}
    axis = {"zeroline": True, "zerolinecolor": ZERO_LINE, "fixedrange": True}
    layout = {"xaxis": [], "yaxis": [], "xaxis2": [], "yaxis2": []}
    for i, h in enumerate(r(half).tolist() if with_zoom else []):
        layout["xaxis"].append(axis | {"range": [-h, h]})
        layout["yaxis"].append(axis | {"range": [-h, h], "scaleanchor": "x", "scaleratio": 1})
        if shown[i]:
            layout["xaxis2"].append(INSET_AXIS | title | {"anchor": "y2", "domain": zoom["domain_x"][i]})
            layout["xaxis2"][-1]["range"] = zoom["range_x"][i]
            layout["yaxis2"].append(INSET_AXIS | {"anchor": "x2", "domain": zoom["domain_y"][i]})
            layout["yaxis2"][-1] |= {"range": zoom["range_y"][i], "scaleanchor": "x2", "scaleratio": 1}
        else:
            layout["xaxis2"].append(INSET_HIDDEN["xaxis2"])
            layout["yaxis2"].append(INSET_HIDDEN["yaxis2"])
    return traces, layout


def _at(attributes: dict, i: int) -> dict:
    """The attributes of one trace at pair ``i``, where they are shown, as JSON has them."""
    return {
        name: values[i].tolist() if isinstance(values, np.ndarray) else values[i]
        for name, (values, shown) in attributes.items()
        if shown[i]
    }


def _label_positions(v: np.ndarray, other: np.ndarray, norm: np.ndarray) -> list[str]:
    """Where each vector's name goes around its head: beyond the tip, and away from the other vector."""
    with np.errstate(divide="ignore", invalid="ignore"):
        tip = v / norm[:, None]
    side = np.stack([-tip[:, 1], tip[:, 0]], axis=-1)
    side = np.where((np.einsum("ij,ij->i", side, other) > 0)[:, None], -side, side)
    positions = np.array(TEXT_POSITIONS)[_octants(np.nan_to_num(tip + side))]
    return np.where(norm == 0, "bottom right", positions).tolist()


def _columns(exact=("a", "b"), **arrays: np.ndarray) -> dict[str, list]:
    """Arrays as nested lists of plain floats, in one pass each: the vectors as they are, what is drawn
    from them rounded to 4 decimals."""
    return {
        name: (np.asarray(v, dtype=float) if name in exact else np.round(np.asarray(v, dtype=float), 4) + 0.0).tolist()
        for name, v in arrays.items()
    }


def _octants(directions: np.ndarray) -> np.ndarray:
    """:func:`_octant` of each row."""
    return np.round(np.degrees(np.arctan2(directions[:, 1], directions[:, 0])) / 45).astype(int) % 8


def _octant(direction: np.ndarray) -> int:
    """Which of the eight compass directions (0 = right, 2 = up) ``direction`` is nearest."""
    return int(round(math.degrees(math.atan2(direction[1], direction[0])) / 45)) % 8


def _zoom(pairs_a, pairs_b, na, nb, phi_a, turn, defined, half) -> dict:
    """The zoom on the heads, for pairs whose heads nearly meet (the slide's unit vectors 1° apart)."""
    gap = np.hypot(*(pairs_a - pairs_b).T)
    shown = _zoom_shown(pairs_a, pairs_b, {"norm_a": na, "norm_b": nb, "angle": np.where(defined, 0.0, np.nan)})
    centre = (pairs_a + pairs_b) / 2
    w = np.maximum(gap * 1.4, 0.01 * half)  # half-width of the zoomed window, in data units
    box = np.array([[-1, -1], [1, -1], [1, 1], [-1, 1], [-1, -1]], dtype=float)
    box = centre[:, None, :] + 1.6 * w[:, None, None] * box[None]
    radius = np.minimum(na, nb)
    t = np.linspace(0.0, 1.0, ARC_POINTS)
    arc_angles = phi_a[:, None] + turn[:, None] * t
    arc = radius[:, None, None] * np.stack([np.cos(arc_angles), np.sin(arc_angles)], axis=-1)
    middle = phi_a + turn / 2
    outward = np.stack([np.cos(middle), np.sin(middle)], axis=-1)
    theta_at = radius[:, None] * outward + 0.15 * w[:, None] * outward  # beyond the heads, where the window is empty
    # The window goes in the corner of the plane away from the heads.
    right = centre[:, 0] < 0
    top = centre[:, 1] < 0
    span = lambda upper: [0.6, 0.98] if upper else [0.02, 0.4]
    return {
        "shown": shown,
        "box": box,
        "arc": arc,
        "text": theta_at,
        "label_position": np.array(TEXT_POSITIONS)[_octants(outward)].tolist(),
        "factor": half / w,
        "range_x": (np.round(centre[:, 0:1] + np.array([-1.6, 1.6]) * w[:, None], 4) + 0.0).tolist(),
        "range_y": (np.round(centre[:, 1:2] + np.array([-1.6, 1.6]) * w[:, None], 4) + 0.0).tolist(),
        "domain_x": [span(r) for r in right],
        "domain_y": [span(u) for u in top],
    }


def _zoom_shown(pairs_a: np.ndarray, pairs_b: np.ndarray, m: dict) -> np.ndarray:
    """The heads are closer than a small part of the picture, and neither arrow is tiny in it."""
    half = reach(np.maximum(m["norm_a"], m["norm_b"]))
    gap = np.hypot(*(pairs_a - pairs_b).T)
    close = (gap < ZOOM_WHEN * half) & (np.minimum(m["norm_a"], m["norm_b"]) > 0.25 * half)
    return ~np.isnan(m["angle"]) & close


def _scene_parts(pairs_a: np.ndarray, pairs_b: np.ndarray) -> tuple[list[dict], list[dict]]:
    """For each pair in 3-D: the moving attributes of every trace and the scene's axes."""
    m = measures(pairs_a, pairs_b)
    na, nb, angle = m["norm_a"], m["norm_b"], m["angle"]
    defined = ~np.isnan(angle)
    half = reach(np.maximum(na, nb))
    arc = _arc_3d(pairs_a, pairs_b, na, nb, defined, 0.3 * np.minimum(na, nb))
    c = _columns(a=pairs_a, b=pairs_b, p=m["projection"], arc=arc, half=half)
    parts, layouts = [], []
    for i in range(len(pairs_a)):
        a, b = c["a"][i], c["b"][i]
        row = {
            LINE_A: {"x": [0.0, a[0]], "y": [0.0, a[1]], "z": [0.0, a[2]], "text": ["", "<b>a</b>"]},
            LINE_B: {"x": [0.0, b[0]], "y": [0.0, b[1]], "z": [0.0, b[2]], "text": ["", "<b>b</b>"]},
        }
        for index, v, length in ((CONE_A, a, na[i]), (CONE_B, b, nb[i])):
            row[index] = {"visible": bool(length > 0), "sizeref": round(0.15 * c["half"][i], 6)}
            row[index] |= {"x": [v[0]], "y": [v[1]], "z": [v[2]], "u": [v[0]], "v": [v[1]], "w": [v[2]]}
        for index in (SCENE_PROJECTION, SCENE_DROP, SCENE_ARC):
            row[index] = {"visible": bool(defined[i])}
        if defined[i]:
            p, points = c["p"][i], c["arc"][i]
            theta = [""] * ARC_POINTS
            theta[ARC_POINTS // 2] = f"θ = {format_number(angle[i], 2)}°"
            row[SCENE_PROJECTION] |= {"x": [0.0, p[0]], "y": [0.0, p[1]], "z": [0.0, p[2]]}
            row[SCENE_DROP] |= {"x": [b[0], p[0]], "y": [b[1], p[1]], "z": [b[2], p[2]]}
            row[SCENE_ARC] |= {"x": [q[0] for q in points], "y": [q[1] for q in points], "z": [q[2] for q in points]}
            row[SCENE_ARC]["text"] = theta
        parts.append(row)
        axis = {"range": [-c["half"][i], c["half"][i]], "zerolinecolor": "#8A94A3"}
        camera = {"eye": {"x": 1.4, "y": 1.2, "z": 0.9}}
        layouts.append({"scene": {"xaxis": axis, "yaxis": axis, "zaxis": axis, "aspectmode": "cube", "camera": camera}})
    return parts, layouts


def _arc_3d(pairs_a, pairs_b, na, nb, defined, radius) -> np.ndarray:
    """Points on the arc from a's direction to b's, the shorter way round, for each pair (NaN where undefined)."""
    with np.errstate(divide="ignore", invalid="ignore"):
        u = pairs_a / na[:, None]
        v = pairs_b / nb[:, None]
    u, v = np.where(defined[:, None], u, [1.0, 0.0, 0.0]), np.where(defined[:, None], v, [0.0, 1.0, 0.0])
    cos = np.clip(np.einsum("ij,ij->i", u, v), -1.0, 1.0)
    w = v - cos[:, None] * u
    # Same or opposite directions: any perpendicular to u in the picture will do.
    fallback = np.where(np.abs(u[:, 2:3]) < 0.9, np.stack([-u[:, 1], u[:, 0], 0 * u[:, 0]], -1), [1.0, 0.0, 0.0])
    fallback = fallback - np.einsum("ij,ij->i", fallback, u)[:, None] * u
    w = np.where(np.hypot.reduce(w, axis=1)[:, None] < 1e-12, fallback, w)
    w = w / np.hypot.reduce(w, axis=1)[:, None]
    t = np.linspace(0.0, 1.0, ARC_POINTS)[None, :, None] * np.arccos(cos)[:, None, None]
    return radius[:, None, None] * (np.cos(t) * u[:, None, :] + np.sin(t) * w[:, None, :])
