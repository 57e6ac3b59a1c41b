"""One place that binds widgets to the URL, as ``shared/CONTRACT.md`` asks.

On the first render of a widget, its value comes from the query parameter of the
same name if that parses, else from the default with one ``st.warning`` naming the
parameter and the reason. After every render the current value is written back,
so the address bar always reproduces the picture.

Values in the URL are text; each binding owns a ``parse`` (text -> value, raising
``ValueError`` with a sentence for a person) and a ``to_text`` (value -> text).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import streamlit as st

from core.text import InputError, format_number, parse_number

NOTICES_KEY = "_url_notices"


def warn(message: str) -> None:
    """Show a warning at the top of the page (the slot that ``app/main.py`` reserves)."""
    slot = st.session_state.get(NOTICES_KEY)
    (slot if slot is not None else st).warning(message, icon="⚠️")


def read_param(name: str, default: Any, parse: Callable[[str], Any]) -> Any:
    """The value of query parameter ``name``, or ``default`` (with a warning) if it cannot be read.

    A parameter given twice (``?w=1&w=2``) uses its last value, as browsers do.
    """
    raw = st.query_params.get_all(name)
    if not raw:
        return default
    try:
        return parse(raw[-1])
    except ClampedValue as clamp:
        warn(f"URL parameter `{name}`: {clamp}; using {clamp.shown}.")
        return clamp.value
    except (InputError, ValueError) as err:
        warn(
            f"URL parameter `{name}` = {_quote(raw[-1])} could not be used: {err}. "
            f"Using the default, {_quote(_to_text(default))}."
        )
        return default


def write_param(name: str, value: Any, to_text: Callable[[Any], str] | None = None) -> None:
    """Set ``name`` to ``value`` in the URL at the end of this run (see :func:`flush`)."""
    _pending()[name] = (to_text or _to_text)(value)


def remove_param(name: str) -> None:
    """Take ``name`` out of the URL at the end of this run (e.g. ``data`` once the user's points are cleared)."""
    _pending()[name] = None


def current_query() -> dict[str, str]:
    """The page's whole state as query parameters: the URL as it will be once this run is flushed."""
    return current_query_of(st.query_params.to_dict(), _pending())


def flush(url_path: str) -> None:
    """Write this run's parameters into the URL at once: one browser history entry per user action.

    Each write to ``st.query_params`` pushes a history entry, so writing parameter by parameter
    made Back seem broken (a page open added 14 entries). Here a run writes at most once, with
    ``from_dict``. The first run of a page writes nothing: the link that opened it already
    reproduces it (missing parameters take their defaults), and opening a page adds one entry.
    """
    pending = st.session_state.pop(_PENDING_KEY, {})
    first_run = st.session_state.get(_PAGE_KEY) != url_path
    st.session_state[_PAGE_KEY] = url_path
    query = current_query_of(st.query_params.to_dict(), pending)
    if not first_run and query != st.query_params.to_dict():
        st.query_params.from_dict(query)
    st.session_state[_SEEN_KEY] = st.query_params.to_dict()


def current_query_of(query: dict[str, str], pending: dict[str, str | None]) -> dict[str, str]:
    """``query`` with ``pending`` writes applied (``None`` removes a parameter).

    >>> current_query_of({"a": "1", "b": "2"}, {"b": None, "c": "3"})
    {'a': '1', 'c': '3'}
    """
    merged = query | pending
    return {name: text for name, text in merged.items() if text is not None}


def _pending() -> dict[str, str | None]:
    return st.session_state.setdefault(_PENDING_KEY, {})


def own(*keys: str) -> None:
    """Mark session keys whose values were read from the URL, to be read again after Back / Forward."""
    st.session_state.setdefault(_OWNED_KEY, set()).update(keys)


def follow_browser() -> None:
    """Read the state from the URL again when the browser changed it (Back, Forward, an edited address).

    A rerun normally comes with the URL this app wrote last; any other URL means the person moved
    through the history, so the values taken from the URL are dropped and read anew from it.
    Call it before any widget renders.
    """
    seen = st.session_state.get(_SEEN_KEY)
    if seen is not None and st.query_params.to_dict() != seen:
        for key in st.session_state.pop(_OWNED_KEY, set()):
            st.session_state.pop(key, None)


_PENDING_KEY, _PAGE_KEY, _OWNED_KEY, _SEEN_KEY = "_url_pending", "_url_page", "_url_owned", "_url_seen"


def bound(
    widget: Callable[..., Any],
    key: str,
    default: Any,
    parse: Callable[[str], Any],
    to_text: Callable[[Any], str] | None = None,
    **widget_args: Any,
) -> Any:
    """Render ``widget(key=key, **widget_args)`` with its value bound to query parameter ``key``."""
    if key not in st.session_state:
        st.session_state[key] = read_param(key, default, parse)
        own(key)
    value = widget(key=key, **widget_args)
    write_param(key, value, to_text)
    return value


def slider(
    label: str,
    key: str,
    min_value: float,
    max_value: float,
    default: float,
    step: float | None = None,
    *,
    container: Any = None,
    **widget_args: Any,
) -> float:
    """A slider bound to query parameter ``key``; out-of-range values are clamped with a warning."""
    integer = all(isinstance(v, int) for v in (min_value, max_value, default)) and (
        step is None or isinstance(step, int)
    )
    parse = number_parser(min_value, max_value, integer=integer)
    if key in st.session_state:  # the range can move under a kept value (e.g. a step count)
        st.session_state[key] = min(max(st.session_state[key], min_value), max_value)
    return bound(
        (container or st).slider,
        key,
        default,
        parse,
        label=label,
        min_value=min_value,
        max_value=max_value,
        step=step,
        **widget_args,
    )


def number(
    label: str,
    key: str,
    min_value: float,
    max_value: float,
    default: float,
    step: float | None = None,
    *,
    container: Any = None,
    **widget_args: Any,
) -> float:
    """A number box bound to query parameter ``key`` (for seeds and other free numbers)."""
    integer = isinstance(default, int) and (step is None or isinstance(step, int))
    parse = number_parser(min_value, max_value, integer=integer)
    return bound(
        (container or st).number_input,
        key,
        default,
        parse,
        label=label,
        min_value=min_value,
        max_value=max_value,
        step=step,
        **widget_args,
    )


def choice(
    label: str,
    key: str,
    options: Sequence[str],
    default: str,
    *,
    widget: str = "radio",
    container: Any = None,
    **widget_args: Any,
) -> str:
    """A radio, selectbox or segmented control bound to query parameter ``key``.

    ``options`` are the URL values themselves; pass ``format_func`` to show other words.
    """

    def parse(text: str) -> str:
        if text in options:
            return text
        raise InputError(f"choose one of {', '.join(options)}")

    render = getattr(
        container or st, {"radio": "radio", "select": "selectbox", "segmented": "segmented_control"}[widget]
    )
    return bound(render, key, default, parse, label=label, options=list(options), **widget_args)


def toggle(label: str, key: str, default: bool = False, *, container: Any = None, **widget_args: Any) -> bool:
    """A toggle bound to query parameter ``key`` (``1``/``0`` in the URL)."""
    return bound(
        (container or st).toggle,
        key,
        default,
        parse_flag,
        to_text=lambda v: "1" if v else "0",
        label=label,
        **widget_args,
    )


def text(
    label: str,
    key: str,
    default: Any,
    parse: Callable[[str], Any],
    to_text: Callable[[Any], str],
    *,
    container: Any = None,
    **widget_args: Any,
) -> Any:
    """A text box whose content must parse; returns the parsed value.

    Bad typed text is answered with ``st.error`` (the reason, for a person) and the
    last value that did parse is kept, so the picture never breaks. The URL holds
    only text that parses.
    """
    good_key = f"_last_good_{key}"
    if key not in st.session_state:
        value = read_param(key, default, parse)
        st.session_state[key] = to_text(value)
        st.session_state[good_key] = value
        own(key, good_key)
    where = container or st
    raw = where.text_input(label, key=key, **widget_args)
    try:
        value = parse(raw)
    except (InputError, ValueError) as err:
        value = st.session_state.get(good_key, default)
        kept = to_text(value)
        where.error(
            f"**{label}**: could not read {_quote(raw)}: {err}. "
            # An empty box stands for a named default (e.g. generated data): name it, never quote ``.
            + (
                f"Still showing the last array that could be read, {_quote(kept)}."
                if kept.strip()
                else f"Still showing {_to_text(value)}."
            )
        )
        return value
    st.session_state[good_key] = value
    write_param(key, value, to_text)
    return value


def last_good(key: str) -> Any:
    """The last value of text box ``key`` (:func:`text`) that could be read, None before the box's first run."""
    return st.session_state.get(f"_last_good_{key}")


class ClampedValue(InputError):
    """Raised by a parser whose input was readable but out of range; carries the clamped value."""

    def __init__(self, message: str, value: Any):
        super().__init__(message)
        self.value = value
        self.shown = _to_text(value)


def number_parser(min_value: float, max_value: float, *, integer: bool) -> Callable[[str], float]:
    """Parser for a number in ``[min_value, max_value]``; beyond it, clamp and say so."""

    def parse(text: str) -> float:
        value = parse_number(text, integer=integer)
        if not integer:
            value = float(value)
        if value < min_value or value > max_value:
            clamped = type(value)(min(max(value, min_value), max_value))
            raise ClampedValue(f"{_to_text(value)} is outside {_to_text(min_value)} to {_to_text(max_value)}", clamped)
        return value

    return parse


def parse_flag(text: str) -> bool:
    """``1``, ``true``, ``on``, ``yes`` are on; ``0``, ``false``, ``off``, ``no`` and empty are off."""
    low = text.strip().lower()
    if low in {"1", "true", "on", "yes"}:
        return True
    if low in {"0", "false", "off", "no", ""}:
        return False
    raise InputError("use 1 (on) or 0 (off)")


def _to_text(value: Any) -> str:
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, (int, float)):
        return format_number(value)
    if isinstance(value, tuple):
        return ", ".join(_to_text(v) for v in value)
    return str(value)


def _quote(text: str, limit: int = 40) -> str:
    text = str(text)
    shown = text if len(text) <= limit else text[:limit] + "…"
    return "`" + shown.replace("`", "'") + "`"
