"""A page's state, declared once in ``app/registry.py`` and bound here: session, URL and sliders.

A page reads its typed parameters with one call, ``values = state.bind(SPEC)``: each value comes
from the session (where the page's sliders keep it, and where AppTest sets it), else from the URL
(a value that cannot be read gives one ``st.warning`` naming the parameter, and the default), else
from the registry's default; and each is written back into the URL (``app/url_state.py`` writes
the run's parameters at once). A combined parameter (arrays' ``shape``) is kept as its sliders'
values and joined into one value. The live element's sliders are built from the same table
(:func:`slider`), and a move of one of them reaches the page through the element's callback
(:func:`moved`), which updates the other sliders of a combined parameter.

Sliders that stand for part of a typed value (the vectors of the dot and outer products, typed
in text boxes) are drawn and read back here too (:func:`draw_sliders`, :func:`sliders_moved`),
and so is every keyed widget a page sets or reads outside its own drawing (:func:`set_widget`,
:func:`widget_value`). This module is the one place that touches the session's keys; pages name none.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from app import url_state
from app.registry import PageSpec, Param
from app.sweeps import Slider


def bind(
    spec: PageSpec, names: tuple[str, ...] | None = None, *, limits: dict[str, tuple[float, float]] | None = None
) -> dict[str, Any]:
    """The typed values of ``spec``'s parameters (``names``, or every typed one), read and written back.

    ``limits`` narrows a number's range where it depends on the page's other state (a row of the
    chosen data set): the URL's value and the one kept in the session are clamped into it.
    """
    params = [spec.param(name) for name in names] if names else list(spec.typed())
    values = {}
    for param in params:
        values[param.name] = value = _read(param, (limits or {}).get(param.name))
        url_state.write_param(param.name, value, param.codec.write)
    return values


def put(spec: PageSpec, name: str, value: Any) -> None:
    """Set parameter ``name`` for the next run (a button or a choice that starts a slider over)."""
    st.session_state[spec.param(name).name] = value


def _read(param: Param, limits: tuple[float, float] | None = None) -> Any:
    keys = param.slider_keys
    parse = param.codec.parse
    if limits is not None:
        integer = isinstance(param.default, int)
        parse = url_state.number_parser(*limits, integer=integer)
        if param.name in st.session_state:
            kept = min(max(st.session_state[param.name], limits[0]), limits[1])
            st.session_state[param.name] = int(kept) if integer else kept
    if any(key not in st.session_state for key in keys):
        value = url_state.read_param(param.name, param.default, parse)
        parts = param.split(value) if param.split else {param.name: value}
        for key in keys:
            st.session_state.setdefault(key, parts[key])
        url_state.own(*keys)  # read again after Back / Forward
        if param.positions:
            st.session_state[_positions_key(param)] = param.positions(value)
            url_state.own(_positions_key(param))
    if param.join:
        return param.join({key: st.session_state[key] for key in keys})
    return st.session_state[param.name]


def slider(spec: PageSpec, name: str, label: str, *, kind: type[Slider] = Slider, **options: Any) -> Slider:
    """The live slider of parameter ``name`` (or of a part of a combined one): its grid and default.

    ``kind`` is the slider's class (one that shows its value its own way, as iris's C slider does).
    """
    param = spec.param(name)
    return kind(param.name, label, positions(spec, name), param.default, **options)


def positions(spec: PageSpec, name: str) -> tuple[float, ...]:
    """The positions of slider ``name`` in this session: its grid, or, where the grid depends on the
    value the page was opened at (``Param.positions``), the grid for that value, kept until Back /
    Forward opens the page at another one."""
    owner = next((p for p in spec.typed() if name in p.slider_keys), None)
    if owner is None or owner.positions is None:
        return spec.param(name).grid
    if _positions_key(owner) not in st.session_state:
        value = _read(owner)
        st.session_state.setdefault(_positions_key(owner), owner.positions(value))
    return st.session_state[_positions_key(owner)]


def _positions_key(param: Param) -> str:
    return f"_positions_{param.name}"


def moved(spec: PageSpec, key: str, value: Any) -> None:
    """The live element's slider ``key`` was moved to ``value``: take it into the session, and with
    it the other sliders of its combined parameter, at the value the move gives (arrays: an axis
    that ``ndim`` adds starts at its default length, as the picture showed it during the drag)."""
    for param in spec.typed():
        if param.step and key in param.slider_keys and all(k in st.session_state for k in param.slider_keys):
            current = param.join({k: st.session_state[k] for k in param.slider_keys})
            st.session_state.update(param.split(param.step(current, key, value)))
            return
    st.session_state[key] = value


# --- Sliders that stand for part of a typed value (a vector's length, its angle, one component).
# On the dot-product and outer-product pages the URL and the text boxes hold the vectors; the live
# sliders only show a part of them and set it when moved. So a page draws its sliders at the values
# its vectors give (:func:`draw_sliders`), and on the next run asks which sliders the hand moved
# since (:func:`sliders_moved`), to write the new vectors into their text boxes (:func:`set_widget`)
# before the boxes are drawn.


def sliders_moved(element_key: str) -> dict[str, Any]:
    """The sliders of live element ``element_key`` moved since the last run (key -> new value).

    A slider moved when its value differs from the one the page drew (a drag, a key step, or
    AppTest setting ``st.session_state[key]``), or when the element reports a new move of it,
    which catches a slider released where it started (back onto the drawn position).
    """
    drawn = st.session_state.get(f"_drawn_{element_key}", {})
    event = (st.session_state.get(element_key) or {}).get("moved") or {}
    fresh = event.get("key") if event.get("n") != st.session_state.get(f"_event_{element_key}") else None
    st.session_state[f"_event_{element_key}"] = event.get("n")
    return {
        key: st.session_state[key]
        for key, value in drawn.items()
        if key in st.session_state and (st.session_state[key] != value or key == fresh)
    }


def draw_sliders(element_key: str, values: dict[str, Any]) -> None:
    """Put the sliders of live element ``element_key`` at ``values`` for this run, and remember them
    to tell a move on the next run (:func:`sliders_moved`)."""
    st.session_state.update(values)
    st.session_state[f"_drawn_{element_key}"] = dict(values)


# --- Keyed widgets a page sets or reads outside their own drawing.


def set_widget(key: str, value: Any) -> None:
    """Put keyed widget ``key`` (a text box, a choice, a selectbox, a slider) at ``value`` for this run:
    before the widget is drawn, or in a callback (an example written into the text boxes)."""
    st.session_state[key] = value


def widget_value(key: str, default: Any = None) -> Any:
    """What keyed widget ``key`` holds now, ``default`` before it is first drawn. In a widget's
    callback this is the one way to read it (and the widgets beside it): Streamlit passes none."""
    return st.session_state.get(key, default)


def put_all(spec: PageSpec, values: dict[str, Any]) -> None:
    """Set several of ``spec``'s parameters for the next run (a button that moves the sliders)."""
    for name, value in values.items():
        put(spec, name, value)


def seen_values(key: str, value: Any) -> set:
    """Every value slider ``key`` has been at in this session, ``value`` included: positions kept
    among the slider's own, since positions that changed under a held key would rebuild the slider
    and drop its focus."""
    seen = st.session_state.setdefault(f"_seen_{key}", set())
    seen.add(value)
    return seen


def last_read(key: str) -> Any:
    """The last value of text box ``key`` that could be read (what the page showed), None before its first run."""
    return url_state.last_good(key)
