"""Iris: decision regions, accuracy against C, one flower's probabilities and the confusion matrix.

The two figures of the live element follow the C slider from what ``core.iris`` computed for
every position (:func:`c_sweep`): the regions' polygons and a marker on the accuracy curves.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import plotly.graph_objects as go

from app.figure_base import SCREEN, Style, new_figure
from app.palette import CLASS_COLORS, PALETTE, RESULT_SCALE, blend
from app.sweeps import Slider, Sweep, figure_json
from core.iris import C_LIMITS, FEATURES, SPECIES, FitPath, c_at, path_accuracy, predict, region_polygons
from core.text import format_number

SYMBOLS = ("circle", "diamond", "square")
LIGHT = [blend(colour, "#FFFFFF", 0.72) for colour in CLASS_COLORS]  # region fills, dark text readable on them
DECADES = [10.0**e for e in range(int(np.log10(C_LIMITS[0])), int(np.log10(C_LIMITS[1])) + 1)]
STAR_LINE = {"color": "#1F2430", "width": 1.5}
FIXED_AXIS = {"automargin": False, "fixedrange": True}


def axis_title(feature: int) -> str:
    return f"{FEATURES[feature]} (cm)"


def live_layout(style: Style, *, top: float = 0) -> dict:
    """Height and fixed margins of a live figure, labels inside it instead of a legend.

    Fixed: margins that plotly grows by itself are measured after a first draw, which a drag
    redraws every frame, and the titles flickered outside the picture. Lower on a projector, so
    that the picture fits under the title, the figures and the slider of a 1280x720 wall.
    """
    font = style.sizes["font"]
    return {
        "height": 275 if style.projector else 340,
        "margin": {"l": round(4.4 * font), "r": round(1.5 * font), "t": round(top * font) + 10, "b": round(3.5 * font)},
        "showlegend": False,
    }


def region_traces(polygons: list[np.ndarray]) -> list[dict]:
    """One filled polygon per species: where the two-feature model predicts it (its traces 0, 1, 2)."""
    return [
        {
            "type": "scatter",
            "x": np.round(polygon[:, 0], 4).tolist(),
            "y": np.round(polygon[:, 1], 4).tolist(),
            "mode": "lines",
            "fill": "toself",
            "fillcolor": LIGHT[k],
            "line": {"color": "#FFFFFF", "width": 1.5},
            "name": f"predicted {species}",
            "showlegend": False,
            "hoverinfo": "skip",
        }
        for k, (polygon, species) in enumerate(zip(polygons, SPECIES))
    ]


def region_labels(polygons: list[np.ndarray], spots: np.ndarray, style: Style = SCREEN) -> list[dict]:
    """Each species' name inside its region, at ``spots[k]`` (:func:`label_spots`)."""
    return [
        {
            "x": float(spots[k, 0]),
            "y": float(spots[k, 1]),
            "text": f"<b>{species}</b>",
            "showarrow": False,
            "font": {"color": CLASS_COLORS[k], "size": style.sizes["font"]},
            "bgcolor": "rgba(255, 255, 255, 0.8)",
        }
        for k, species in enumerate(SPECIES)
        if np.isfinite(spots[k]).all()
    ]


def label_spots(polygons: list[np.ndarray], X2: np.ndarray, box, style: Style = SCREEN, n: int = 14) -> np.ndarray:
    """Where to write each species' name: in its region, clear of the other names, far from the flowers.

    Candidates are an ``n × n`` grid of the box; a name takes about its length in half font sizes
    of a plot some 280 px square, kept inside the box and off the names already placed. Distances
    are in fractions of the box's sides. Shape (3, 2); NaN where a species' name has no room.
    """
    (x0, x1), (y0, y1) = box
    scale, origin = np.array([x1 - x0, y1 - y0]), np.array([x0, y0])
    unit = np.stack(np.meshgrid(np.linspace(0, 1, n), np.linspace(0, 1, n)), axis=-1).reshape(-1, 2)
    sizes = np.array([(0.6 * len(name), 1.5) for name in SPECIES]) * style.sizes["font"] / 280
    spots = np.full((len(polygons), 2), np.nan)
    for k, polygon in enumerate(polygons):
        if len(polygon) < 3:
            continue
        points = origin + unit * scale
        edges = np.roll(polygon, -1, axis=0) - polygon  # counter-clockwise: inside is left of every edge
        offsets = points[:, None, :] - polygon[None, :, :]
        fits = np.all(edges[None, :, 0] * offsets[..., 1] - edges[None, :, 1] * offsets[..., 0] >= 0, axis=1)
        fits &= np.all((unit >= sizes[k] / 2) & (unit <= 1 - sizes[k] / 2), axis=1)
        for j in np.flatnonzero(np.isfinite(spots[:, 0])):
            apart = np.abs(unit - (spots[j] - origin) / scale) >= (sizes[k] + sizes[j]) / 2
            fits &= apart.any(axis=1)
        if fits.any():
            gaps = np.linalg.norm((points[fits, None, :] - X2[None]) / scale, axis=-1).min(axis=1)
            spots[k] = points[fits][np.argmax(gaps)]
    return spots


@dataclass(frozen=True)
class CSlider(Slider):
    """The C slider: its positions are exponents of 10 (a log scale), and it shows C itself."""

    @property
    def cs(self) -> tuple[float, ...]:
        """The C of each position."""
        return tuple(map(c_at, self.values))

    def text(self, value: float) -> str:
        return format_number(c_at(self.values[self.index(value)]))


@dataclass(frozen=True)
class Regions:
    """The regions' model: a model of two features (``pair``), fitted at every position of the C slider."""

    pair: tuple[int, int]
    X2: np.ndarray  # (m, 2): the flowers in those two features
    box: tuple[tuple[float, float], tuple[float, float]]  # the plotted ranges
    polygons: list[list[np.ndarray]]  # at each position, one polygon per species (core.iris.region_polygons)
    spots: list[np.ndarray]  # at each position, where each species' name is written (label_spots)
    accuracy: np.ndarray  # (P,) its training accuracy at each position
    path: FitPath

    @classmethod
    def of(cls, pair: tuple[int, int], X: np.ndarray, y: np.ndarray, path: FitPath, style: Style = SCREEN) -> Regions:
        """The regions of ``path``, a model of features ``pair`` of ``X``, with a margin of 0.4 cm around the flowers."""
        X2 = X[:, list(pair)]
        box = tuple((lo - 0.4, hi + 0.4) for lo, hi in zip(X2.min(axis=0), X2.max(axis=0)))
        polygons = [region_polygons(w, b, *box) for w, b in zip(path.coef, path.intercept)]
        spots = [label_spots(p, X2, box, style) for p in polygons]
        return cls(pair, X2, box, polygons, spots, path_accuracy(X2, y, path), path)

    def species_at(self, flower: np.ndarray, index: int) -> int:
        """The species whose region holds ``flower`` (all four measurements) at position ``index``."""
        return int(predict(flower[list(self.pair)], self.path.coef[index], self.path.intercept[index]))


def regions_figure(regions: Regions, y: np.ndarray, flower: np.ndarray, index: int, style: Style = SCREEN) -> go.Figure:
    """The flowers in two features over the regions where the regions' model predicts each species.

    Traces: the three regions (:func:`region_traces`), the flowers of each species, the star
    flower (``flower``: its two plotted measurements).
    """
    s = style.sizes
    flowers = [
        {
            "type": "scatter",
            "x": regions.X2[y == k, 0],
            "y": regions.X2[y == k, 1],
            "mode": "markers",
            "name": species,
            "marker": {
                "color": CLASS_COLORS[k],
                "symbol": SYMBOLS[k],
                "size": s["marker"],
                "line": {"color": "#FFFFFF", "width": 1},
            },
            "hovertemplate": f"{species}<br>%{{x}} cm, %{{y}} cm<extra></extra>",
        }
        for k, species in enumerate(SPECIES)
    ]
    star = {
        "type": "scatter",
        "x": [float(flower[0])],
        "y": [float(flower[1])],
        "mode": "markers",
        "name": "your flower",
        "marker": {"symbol": "star", "size": s["marker"] + 10, "color": PALETTE["highlight"], "line": STAR_LINE},
        "hovertemplate": "your flower<br>%{x} cm, %{y} cm<extra></extra>",
    }
    return new_figure(
        *region_traces(regions.polygons[index]),
        *flowers,
        star,
        style=style,
        **live_layout(style),
        xaxis={"title": {"text": axis_title(regions.pair[0])}, "range": list(regions.box[0])} | FIXED_AXIS,
        yaxis={"title": {"text": axis_title(regions.pair[1])}, "range": list(regions.box[1])} | FIXED_AXIS,
        annotations=region_labels(regions.polygons[index], regions.spots[index], style),
    )


def path_marker(Cs, curves: list[np.ndarray], index: int, style: Style = SCREEN) -> dict:
    """The current C on each accuracy curve: the last trace of :func:`accuracy_path_figure`."""
    return {
        "type": "scatter",
        "x": [float(Cs[index])] * len(curves),
        "y": [float(curve[index]) for curve in curves],
        "mode": "markers",
        "name": "this C",
        "marker": {
            "symbol": "star",
            "size": style.sizes["marker"] + 8,
            "color": PALETTE["highlight"],
            "line": STAR_LINE,
        },
        "hovertemplate": "C = %{x}<br>training accuracy %{y:.4f}<extra></extra>",
    }


def accuracy_path_figure(
    Cs, accuracy: np.ndarray, n_features: int, regions: Regions | None, index: int, style: Style = SCREEN
) -> go.Figure:
    """Training accuracy against C (log axis, a tick per decade): the page's model, and the regions' model."""
    s = style.sizes

    def curve(values, name: str, colour: str, dash: str) -> dict:
        return {
            "type": "scatter",
            "x": list(map(float, Cs)),
            "y": list(map(float, values)),
            "mode": "lines",
            "name": name,
            "line": {"color": colour, "width": s["line"], "dash": dash, "shape": "hv"},
            "hovertemplate": f"{name}<br>C = %{{x}}<br>training accuracy %{{y:.4f}}<extra></extra>",
        }

    curves = _curves(accuracy, regions)
    features = f"{n_features} feature{'s' * (n_features != 1)}"
    traces = [curve(accuracy, f"the model, {features}", PALETTE["result"], "solid")]
    key = f"<span style='color:{PALETTE['result']}'>━ the model ({features})</span>"
    if regions is not None:
        traces.append(curve(regions.accuracy, "regions' model, 2 features", PALETTE["neutral"], "dot"))
        key += f"<br><span style='color:{PALETTE['neutral']}'>┅ the regions' model</span>"
    low = float(min(np.min(c) for c in curves))
    return new_figure(
        *traces,
        path_marker(Cs, curves, index, style),
        style=style,
        **live_layout(style, top=1.3 * len(curves)),
        annotations=[
            {"text": key, "showarrow": False, "align": "left", "xref": "paper", "yref": "paper", "x": 0, "y": 1}
            | {"xanchor": "left", "yanchor": "bottom", "yshift": 6, "font": {"size": s["font"]}}
        ],
        xaxis={
            "type": "log",
            "title": {"text": "C (log scale)"},
            "tickmode": "array",
            "tickvals": DECADES,
            # Every other decade on a projector, where seven labels would not fit side by side.
            "ticktext": [format_number(c) if not style.projector or k % 2 == 0 else "" for k, c in enumerate(DECADES)],
            "range": [np.log10(C_LIMITS[0]) - 0.1, np.log10(C_LIMITS[1]) + 0.1],
        }
        | FIXED_AXIS,
        yaxis={"title": {"text": "training accuracy"}, "range": [max(0.0, low - 0.03), 1.01], "tickformat": ".2f"}
        | FIXED_AXIS,
    )


def live_figures(
    Cs, accuracy: np.ndarray, n_features: int, regions: Regions | None, y, flower, index: int, style: Style = SCREEN
) -> list[dict]:
    """The live element's figures at position ``index``: the regions (when two features are plotted), the curves."""
    shown = [] if regions is None else [regions_figure(regions, y, flower[list(regions.pair)], index, style)]
    return [figure_json(f) for f in [*shown, accuracy_path_figure(Cs, accuracy, n_features, regions, index, style)]]


def c_sweep(Cs, accuracy: np.ndarray, regions: Regions | None, readouts: list[str], style: Style = SCREEN) -> Sweep:
    """The live figures at every C: the regions' three polygons (if drawn), and the marker on the curves."""
    curves = _curves(accuracy, regions)
    marker = str(len(curves))  # the marker's trace index in the accuracy figure
    patches = [
        (
            [{"traces": dict(zip("012", region_traces(p))), "layout": {"annotations": region_labels(p, spot, style)}}]
            if regions
            else []
        )
        + [{"traces": {marker: path_marker(Cs, curves, i, style)}, "layout": {}}]
        for i, (p, spot) in enumerate(zip(regions.polygons, regions.spots) if regions else [(None, None)] * len(Cs))
    ]
    return Sweep(patches, readouts)


def _curves(accuracy: np.ndarray, regions: Regions | None) -> list[np.ndarray]:
    return [accuracy] if regions is None else [accuracy, regions.accuracy]


def probability_bars(proba: np.ndarray, style: Style = SCREEN) -> go.Figure:
    """One flower's three predicted probabilities, as ``clf.predict_proba`` gives them."""
    return new_figure(
        go.Bar(
            x=proba,
            y=list(SPECIES),
            orientation="h",
            marker={"color": CLASS_COLORS},
            text=[format_number(v, 4) for v in proba],
            textposition="auto",
            hovertemplate="%{y}: %{x:.4f}<extra></extra>",
        ),
        style=style,
        height=240,
        xaxis={"title": {"text": "predicted probability"}, "range": [0, 1]},
        yaxis={"autorange": "reversed"},
        showlegend=False,
    )


def confusion_figure(matrix: np.ndarray, style: Style = SCREEN) -> go.Figure:
    """The confusion matrix as a heatmap: rows the true species, columns the predicted one."""
    small = {"size": round(0.8 * style.sizes["font"])}  # "versicolor" fits a column on a projector
    return new_figure(
        go.Heatmap(
            z=matrix,
            x=list(SPECIES),
            y=list(SPECIES),
            colorscale=RESULT_SCALE,
            showscale=False,
            text=matrix,
            texttemplate="%{text}",
            textfont={"size": style.sizes["cell_text"] + 4},
            hovertemplate="true %{y}, predicted %{x}: %{z} flowers<extra></extra>",
        ),
        style=style,
        height=320,
        yaxis={"autorange": "reversed", "title": {"text": "true species"}, "tickfont": small},
        xaxis={"side": "top", "title": {"text": "predicted species"}, "tickfont": small},
    )
