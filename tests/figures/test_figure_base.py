"""The shared figure helpers of app/figure_base.py, checked against what plotly's own methods make."""

import math

import plotly.graph_objects as go
import pytest

from app import figure_base

LINE = {"color": "#000000", "width": 2}


def plotly_made(method: str, position: str, **value) -> tuple[dict, dict]:
    fig = go.Figure(go.Scatter(x=[0, 1], y=[1, 2]))
    getattr(fig, method)(**value, line=LINE, annotation_text="label", annotation_position=position)
    return fig.layout.shapes[0].to_plotly_json(), fig.layout.annotations[0].to_plotly_json()


@pytest.mark.parametrize("position", ["top right", "top left", "bottom right", "bottom left"])
@pytest.mark.parametrize("method, value", [("add_hline", {"y": 1.5}), ("add_vline", {"x": 0.25})])
def test_line_across_matches_plotlys_add_hline_and_add_vline(method, value, position):
    shapes, labels = figure_base.line_across(**value, line=LINE, text="label", position=position)
    shape, label = plotly_made(method, position, **value)
    assert shapes == [shape]
    assert labels == [label]


def test_line_across_without_text_has_no_label():
    shapes, labels = figure_base.line_across(y=2, line=LINE)
    assert len(shapes) == 1 and labels == []


def test_a_label_on_a_log_axis_sits_at_the_log_of_the_value():
    # Plotly places annotations on a log axis by log10(value), shapes by the value itself.
    shapes, labels = figure_base.line_across(y=0.01, line=LINE, text="best", log_y=True)
    assert shapes[0]["y0"] == 0.01
    assert labels[0]["y"] == pytest.approx(math.log10(0.01))
