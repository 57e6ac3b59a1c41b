"""Every registered page under AppTest: it runs, keeps its URL, and its main slider changes the picture.

Pages are taken from ``app.registry.PAGES``, so a new page is covered as soon as it is registered.
"""

import json

import pytest

from app.registry import PAGES
from scripts.app_driver import live_elements, metrics, open_page, sent_elements, slider

IDS = [spec.url_path or "home" for spec in PAGES]


def chart_specs(at):
    """Every figure sent: Streamlit's plotly charts, and the live element's figures."""
    return [chart.proto.spec for chart in at.get("plotly_chart")] + [
        json.dumps(data["figures"]) for data in live_elements(at)
    ]


@pytest.mark.parametrize("spec", PAGES, ids=IDS)
def test_page_runs_without_exception(spec):
    at = open_page(spec.url_path)
    assert not at.exception, at.exception
    assert at.title, "every page has a title"
    assert not at.warning, [w.value for w in at.warning]


@pytest.mark.parametrize("spec", [s for s in PAGES if s.slider_key], ids=[s.url_path for s in PAGES if s.slider_key])
def test_main_slider_changes_what_is_shown(spec):
    at = open_page(spec.url_path)
    main = slider(at, spec.slider_key)
    before = (metrics(at), chart_specs(at))
    target = main.max if main.value != main.max else main.min
    main.set_value(target).run()
    assert not at.exception, at.exception
    assert (metrics(at), chart_specs(at)) != before
    # The new state is in the URL, and opening that URL reproduces the figures.
    reopened = open_page(spec.url_path, dict(at.query_params))
    assert metrics(reopened) == metrics(at)
    assert not reopened.warning


MOVABLE = [s for s in PAGES if s.slider_key]


@pytest.mark.parametrize("spec", MOVABLE, ids=[s.url_path for s in MOVABLE])
def test_a_rerun_sends_each_unchanged_sweep_as_its_id_only(spec):
    at = open_page(spec.url_path)
    first = sent_elements(at)
    refs = [[*data["sweeps"].values(), *data["drags"]] for data in first]
    assert all("body" in ref for each in refs for ref in each), "the first run sends every body"
    at.run()  # nothing changed: the tab holds them all
    again = sent_elements(at)
    assert [[*data["sweeps"].values(), *data["drags"]] for data in again] == [
        [{"id": ref["id"]} for ref in each] for each in refs
    ]
    assert sum(map(len, map(json.dumps, again))) < sum(map(len, map(json.dumps, first)))
    # A tab that lacks them (what the element's "missing" asks) gets the same ones again.
    assert [data["sweeps"] for data in live_elements(at)] == [
        {key: ref["body"] for key, ref in data["sweeps"].items()} for data in first
    ]


@pytest.mark.parametrize("spec", MOVABLE, ids=[s.url_path for s in MOVABLE])
def test_a_move_writes_the_whole_state_to_the_url_and_opening_writes_nothing(spec):
    at = open_page(spec.url_path)
    # Opening a page adds no history entry of its own: its link already reproduces it.
    assert dict(at.query_params) == {}
    main = slider(at, spec.slider_key)
    main.set_value(main.max if main.value != main.max else main.min).run()
    declared = {p.name for p in spec.params if not p.optional}
    assert declared <= set(at.query_params), declared - set(at.query_params)
    assert set(at.query_params) - {"projector", "present"} <= {p.name for p in spec.params}


def test_projector_mode_from_url_turns_on_the_toggle():
    at = open_page("arrays", {"projector": "1"})
    assert at.toggle(key="projector").value is True
    assert not at.warning


# Each page as it opens, and the states that add figures or parts of figures.
FIGURE_STATES = [(s.url_path, {}) for s in PAGES if s.url_path] + [
    ("linear-regression", {"squares": "1", "split": "1", "degree": "3"}),
    ("logistic-regression", {"train": "1"}),
    ("arrays", {"projector": "1"}),
]


@pytest.mark.parametrize("url_path, query", FIGURE_STATES, ids=[f"{p} {q}" if q else p for p, q in FIGURE_STATES])
def test_figures_sent_unchecked_equal_the_checked_ones(url_path, query, monkeypatch):
    # The app builds figures without plotly's checks, which also normalise what they are given
    # ("title": "x" becomes {"text": "x"}, a form plotly.js 3 needs to draw it at all). What is
    # sent unchecked must be exactly what the checks would have made.
    checked = [json.loads(raw) for raw in chart_specs(open_page(url_path, query))]
    monkeypatch.delenv("EXPLAINER_VALIDATE_FIGURES")
    unchecked = [json.loads(raw) for raw in chart_specs(open_page(url_path, query))]
    assert checked
    assert unchecked == checked
