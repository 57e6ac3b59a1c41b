"""A page's state, declared once in ``app/registry.py`` and bound here: session, URL and sliders.

A page reads its typed parameters with one call, ``values = state.bind(SPEC)``: each value comes
from the session (where the page's sliders keep it, and where AppTest sets it), else from the URL
(a value that cannot be read gives one ``st.warning`` naming the parameter, and the default), else
from the registry's default; and each is written back into the URL (``app/url_state.py`` writes
the run's parameters at once). A combined parameter (arrays' ``shape``) is kept as its sliders'
values and joined into one value. The live element's sliders are built from the same table
(:func:`slider`), and a move of one of them reaches the page through the element's callback
(:func:`moved`), which updates the other sliders of a combined parameter.

This module is the one place that names a parameter's session keys; pages name none.
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

