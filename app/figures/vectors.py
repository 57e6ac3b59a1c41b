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

    >>> reach(np.array([1.0, 2.0, 4.0, 10.0])).tolist()
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
    (parts,), (layout,) = _plane_parts(np.asarray(a, float)[None], np.asarray(b, float)[None], style)
    traces = [trace | parts.get(i, {}) for i, trace in enumerate(static)]
    axis = {"zeroline": True, "zerolinecolor": ZERO_LINE, "fixedrange": True}
    return new_figure(
        *traces,
        style=style,
        height=height,
        dragmode=False,
        # Inside the plane's top left, over a faint white: no strip above the picture for it.
        legend={"orientation": "v", "yanchor": "top", "y": 0.99, "x": 0.01, "bgcolor": "rgba(255,255,255,0.8)"}
        | {"font": {"size": s["font"] * 0.85}},
        **_merge_axes(_INSET_DEFAULT | layout, axis),
    )


def plane_patches(a: np.ndarray, b: np.ndarray, pairs_a: np.ndarray, pairs_b: np.ndarray, style: Style = SCREEN):
    """The plane's patch for each pair ``(pairs_a[i], pairs_b[i])`` against the figure of ``(a, b)``.

    Each patch is ``None`` (nothing moves) or ``{"merge": {trace: {attribute: value}}, "layout": {...}}``.
    """
    (base_parts,), (base_layout,) = _plane_parts(np.asarray(a, float)[None], np.asarray(b, float)[None], style)
    axis = {"zeroline": True, "zerolinecolor": ZERO_LINE, "fixedrange": True}
    base_layout = _merge_axes(base_layout, axis)
    parts, layouts = _plane_parts(np.asarray(pairs_a, float), np.asarray(pairs_b, float), style)
    return [_patch(base_parts, base_layout, p, _merge_axes(lay, axis)) for p, lay in zip(parts, layouts, strict=True)]


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
    found = {}
    for key, values in sliders:
        name, part = key.split("_", 1)
        moved = slider_vectors(a if name == "a" else b, part, values)
        fixed = np.broadcast_to(b if name == "a" else a, moved.shape)
        pairs_a, pairs_b = (moved, fixed) if name == "a" else (fixed, moved)
        patches = plane_patches(a, b, pairs_a, pairs_b, style) if a.size == 2 else scene_patches(a, b, pairs_a, pairs_b)
        found[key] = ([[patch] for patch in patches], measures(pairs_a, pairs_b))
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
    drags = []
    for name, trace in (("b", ARROW_B), ("a", ARROW_A)):
        first, second = [values[0][i] for i in rows], [values[1][j] for j in cols]
        columns, m = drag_cells(a, b, name, parts, first, second)
        keys = (f"{name}_{parts[0]}", f"{name}_{parts[1]}")
        fields = {"figure": 0, "trace": trace, "point": 1, "keys": keys, "rows": rows, "cols": cols}
        drags.append(fields | {"columns": columns, "polar": polar, "during": DRAG_DURING, "measures": m})
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
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    first, second = np.asarray(first, dtype=float), np.asarray(second, dtype=float)
    values = {parts[0]: np.repeat(first, second.size), parts[1]: np.tile(second, first.size)}
    moved = vectors_with_parts(a if name == "a" else b, values)
    fixed = np.broadcast_to(b if name == "a" else a, moved.shape)
    pairs_a, pairs_b = (moved, fixed) if name == "a" else (fixed, moved)
    plane = reach(max(np.hypot.reduce(a), np.hypot.reduce(b)))  # the axes of the figure the drag started on
    g = _geometry(pairs_a, pairs_b, np.full(len(moved), plane))
    p, zero = g["m"]["projection"], np.zeros(len(moved))
    # A tenth of a pixel at most (3 decimals), and every other point of the arc (its spline stays
    # round): a few hundred cells per head stay light. NumPy arrays, which the element's JSON writer
    # takes as they are (a list of Python floats would cost more than the geometry).
    column = lambda *parts: np.round(np.stack(parts, axis=-1), 3) + 0.0
    columns = {
        str(ARROW_A if name == "a" else ARROW_B): {"x": column(zero, moved[:, 0]), "y": column(zero, moved[:, 1])},
        str(PROJECTION): {"x": column(zero, p[:, 0]), "y": column(zero, p[:, 1])},
        str(DROP): {"x": column(pairs_b[:, 0], p[:, 0]), "y": column(pairs_b[:, 1], p[:, 1])},
        str(ARC): {"x": column(*g["arc_x"][:, ::2].T), "y": column(*g["arc_y"][:, ::2].T)},
        str(THETA): {
            "x": column(g["label_x"]),
            "y": column(g["label_y"]),
            "text": [[t] for t in g["theta"]],
            "textposition": np.array(TEXT_POSITIONS)[_octants(g["label_at"])].tolist(),
        },
    }
    if not g["defined"].all():  # a zero vector somewhere: no angle, no projection there
        for index in (PROJECTION, DROP, ARC, THETA):
            columns[str(index)]["visible"] = g["defined"].tolist()
    return columns, g["m"]


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
    label_radius = radius + 0.16 * half
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


def _plane_parts(pairs_a: np.ndarray, pairs_b: np.ndarray, style: Style) -> tuple[list[dict], list[dict]]:
    """For each pair: the moving attributes of every trace (``{index: {...}}``) and the layout's axes.

    What a hidden trace would show is left out (it keeps the base's), which keeps a sweep small.
    """
    g = _geometry(pairs_a, pairs_b)
    m, defined, half = g["m"], g["defined"], g["half"]
    na, nb = m["norm_a"], m["norm_b"]
    zoom = _zoom(pairs_a, pairs_b, na, nb, g["phi_a"], g["turn"], defined, half)
    c = _columns(
        a=pairs_a,
        b=pairs_b,
        p=m["projection"],
        arc_x=g["arc_x"],
        arc_y=g["arc_y"],
        label_x=g["label_x"],
        label_y=g["label_y"],
        label_at=g["label_at"],
        box=zoom["box"],
        zoom_arc=zoom["arc"],
        zoom_text=zoom["text"],
        half=half,
    )
    size = style.sizes["marker"] * 2
    title = {"title": {"text": "zoom on the heads", "font": {"size": style.sizes["font"] * 0.9}}, "side": "top"}
    parts, layouts = [], []
    for i in range(len(pairs_a)):
        a, b = c["a"][i], c["b"][i]
        shown, known, theta = bool(zoom["shown"][i]), bool(defined[i]), g["theta"][i]
        heads_a = {
            "x": [0.0, a[0]],
            "y": [0.0, a[1]],
            "marker": _marker(PALETTE["a"], size, na[i] == 0),
            "textposition": ["middle center", _label_position(pairs_a[i], pairs_b[i])],
        }
        heads_b = {
            "x": [0.0, b[0]],
            "y": [0.0, b[1]],
            "marker": _marker(PALETTE["b"], size, nb[i] == 0),
            "textposition": ["middle center", _label_position(pairs_b[i], pairs_a[i])],
        }
        row = {ARROW_A: heads_a, ARROW_B: heads_b}
        for index in (PROJECTION, DROP, ARC, THETA):
            row[index] = {"visible": known}
        if known:
            p = c["p"][i]
            row[PROJECTION] |= {"x": [0.0, p[0]], "y": [0.0, p[1]]}
            row[DROP] |= {"x": [b[0], p[0]], "y": [b[1], p[1]]}
            row[ARC] |= {"x": c["arc_x"][i], "y": c["arc_y"][i]}
            row[THETA] |= {"x": [c["label_x"][i]], "y": [c["label_y"][i]], "text": [theta]}
            row[THETA]["textposition"] = TEXT_POSITIONS[_octant(c["label_at"][i])]
        for index in (ZOOM_BOX, ZOOM_A, ZOOM_B, ZOOM_ARC, ZOOM_TEXT):
            row[index] = {"visible": shown}
        layout = {} if shown else dict(INSET_HIDDEN)
        if shown:
            box, arc, text = c["box"][i], c["zoom_arc"][i], c["zoom_text"][i]
            row[ZOOM_BOX] |= {"x": [q[0] for q in box], "y": [q[1] for q in box]}
            row[ZOOM_A] |= heads_a
            row[ZOOM_B] |= heads_b
            row[ZOOM_ARC] |= {"x": [q[0] for q in arc], "y": [q[1] for q in arc]}
            row[ZOOM_TEXT] |= {"x": [text[0]], "y": [text[1]], "text": [theta]}
            row[ZOOM_TEXT]["textposition"] = zoom["label_position"][i]
            layout["xaxis2"] = INSET_AXIS | {"domain": zoom["domain_x"][i], "range": zoom["range_x"][i]} | title
            layout["yaxis2"] = INSET_AXIS | {"domain": zoom["domain_y"][i], "range": zoom["range_y"][i]}
            layout["xaxis2"]["anchor"], layout["yaxis2"]["anchor"] = "y2", "x2"
            layout["yaxis2"] |= {"scaleanchor": "x2", "scaleratio": 1}
        parts.append(row)
        h = c["half"][i]
        layout["xaxis"] = {"range": [-h, h]}
        layout["yaxis"] = {"range": [-h, h], "scaleanchor": "x", "scaleratio": 1}
        layouts.append(layout)
    return parts, layouts


def _columns(exact=("a", "b"), **arrays: np.ndarray) -> dict[str, list]:
    """Arrays as nested lists of plain floats, in one pass each: the vectors as they are, what is drawn
    from them rounded to 4 decimals (a tenth of a pixel in the zoomed window, where it is largest)."""
    return {
        name: (np.asarray(v, dtype=float) if name in exact else np.round(np.asarray(v, dtype=float), 4) + 0.0).tolist()
        for name, v in arrays.items()
    }


def _label_position(v: np.ndarray, other: np.ndarray) -> str:
    """Where a vector's name goes around its head: beyond the tip, and away from the other vector."""
    length = math.hypot(*v)
    if length == 0:
        return "bottom right"
    tip = v / length
    side = np.array([-tip[1], tip[0]])
    if side @ other > 0:
        side = -side
    return TEXT_POSITIONS[_octant(tip + side)]


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
        "label_position": [TEXT_POSITIONS[_octant(o)] for o in outward],
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
