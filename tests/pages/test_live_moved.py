"""``app.live._moved``, the element's callback, run under AppTest: what a value from the browser becomes.

The browser sends ``{"key", "index", "n"}`` (a dragged point also ``"also"``) as the element's
``moved`` state; the callback takes each index that is on its slider's grid and ignores the rest.
Here a small script puts that state where Streamlit puts it and runs the callback, in a real
session, with the app's own sliders.
"""

from __future__ import annotations

import json

import pytest
from streamlit.testing.v1 import AppTest


def script(moved):
    import json

    import streamlit as st

    from app import live

    sliders = {
        "w": live.Slider("w", "w", live.grid(-1.0, 1.0, 0.5), 0.0),
        "n": live.Slider("n", "n", live.grid(1, 4, 1), 2),
    }
    for slider in sliders.values():
        st.session_state.setdefault(slider.key, slider.default)
    st.session_state["live"] = {"moved": moved}
    live._moved("live", sliders)
    st.text(json.dumps([st.session_state["w"], st.session_state["n"]]))


def run(moved) -> tuple:
    at = AppTest.from_function(script, args=(moved,), default_timeout=60).run()
    assert not at.exception, at.exception
    return tuple(json.loads(at.text[0].value))


@pytest.mark.parametrize(
    "moved, expected",
    [
        ({"key": "w", "index": 4, "n": 1}, (1.0, 2)),
        ({"key": "n", "index": 0, "n": 1}, (0.0, 1)),
        ({"key": "w", "index": 0, "n": 2, "also": [{"key": "n", "index": 3}]}, (-1.0, 4)),
        ({"key": "w", "index": 5, "n": 1}, (0.0, 2)),  # past the end: ignored
        ({"key": "w", "index": -1, "n": 1}, (0.0, 2)),
        ({"key": "w", "index": "2", "n": 1}, (0.0, 2)),  # not an integer
        ({"key": "nope", "index": 1, "n": 1}, (0.0, 2)),  # no such slider
        (None, (0.0, 2)),
        ({"key": "w", "index": 1, "also": "n"}, (-0.5, 2)),  # a malformed "also" is left
    ],
)
def test_moved_takes_only_indexes_on_the_grid(moved, expected):
    assert run(moved) == expected


def test_an_integer_slider_gets_an_int():
    assert type(run({"key": "n", "index": 2, "n": 1})[1]) is int
