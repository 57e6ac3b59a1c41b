"""The live element: a page's main sliders and the pictures that follow them while the hand moves.

``st.slider`` sends its value only on release, and a rerun per move is far too slow to follow a
drag, so the motion happens in the browser. One custom component (Streamlit components v2, no
iframe) holds the page's main controls as native, labelled range inputs and the figures that
depend on them. NumPy stays the source of every number drawn: for each slider, Python sends a
**sweep**, the figures' changes at every position of that slider (the other sliders held where
they are), computed by ``core`` and the pure figure builders. On every ``input`` event the browser
applies the sweep's entry for the new position, at most once per animation frame, without a
rerun. On release and on each key step it hands the value to Python, and the normal rerun updates
the metrics, sentences, URL and NumPy code.

A page uses it in three steps::

    values = live.bind(SLIDERS)                       # URL / session -> {key: value}
    ...compute with core, build figures and sweeps...
    live.element("live", SLIDERS, values, figures, sweeps=..., readouts=...)

A slider's value lives in ``st.session_state[slider.key]`` (AppTest sets it there directly), and
in the URL under the same name. User text never goes into the element's html or js: the html
is fixed, and everything the page sends is data (JSON), put on screen with ``textContent``.
"""

from __future__ import annotations

import functools
import hashlib
import shutil
from collections.abc import Callable, Sequence
from pathlib import Path

import orjson
import plotly.graph_objects as go
import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from app import palette, projector, url_state
from app.presentation import presenting
from app.sweeps import NUMPY_JSON, Drag, Slider, Sweep, figure_json, grid, sweeps_by_building  # noqa: F401 (pages use live.*)

# The browser draws with plotly.js: Streamlit's own copy when a st.plotly_chart has loaded it on
# the page, else this one, served from app/static (server.enableStaticServing). Never both.
STATIC_PLOTLY = Path(__file__).resolve().parent / "static" / "plotly.min.js"
if not STATIC_PLOTLY.exists():  # copied once from the installed plotly package, not kept in git
    STATIC_PLOTLY.parent.mkdir(exist_ok=True)
    shutil.copyfile(Path(go.__file__).resolve().parent.parent / "package_data" / "plotly.min.js", STATIC_PLOTLY)


RUN_FIGURES_KEY = "_live_figures"  # this run's live figures; app/main.py empties it before each run
# Sweeps and drags are large (up to a few hundred kB) and mostly unchanged from one rerun to the
# next, so each goes to a browser tab once: Python sends its content id every time and its body
# only when the tab does not hold it yet. Both sides keep the same last HELD_MAX ids, used last at
# the end; a tab that lacks one asks for it ("missing") and the rerun sends it again.
HELD_KEY = "_live_held"
HELD_MAX = 48


def bind(sliders: Sequence[Slider]) -> dict[str, float]:
    """Each slider's value: from the session, else the URL (clamped with a warning), else its default."""
    values = {}
    for slider in sliders:
        if slider.key not in st.session_state:
            parse = url_state.number_parser(slider.lowest, slider.highest, integer=_integer(slider))
            st.session_state[slider.key] = url_state.read_param(slider.key, slider.default, parse)
            url_state.own(slider.key)
        values[slider.key] = st.session_state[slider.key]
    return values


def write_url(sliders: Sequence[Slider], values: dict[str, float]) -> None:
    """The sliders' values into the URL (each under its key)."""
    for slider in sliders:
        url_state.write_param(slider.key, values[slider.key])


def element(
    key: str,
    sliders: Sequence[Slider],
    values: dict[str, float],
    figures: Sequence[dict],
    sweeps: dict[str, Sweep],
    *,
    readout: str = "",
    descriptions: Sequence[str] = (),
    min_figure_width: int = 320,
    controls: str = "side",
    play: dict | None = None,
    drags: Sequence[Drag] = (),
    on_move: Callable[[str, float], None] | None = None,
) -> None:
    """Draw the live element: ``sliders`` at ``values``, ``figures`` (from :func:`figure_json`) and their sweeps.

    ``descriptions`` give each figure's text alternative (``aria-label``); ``readout`` is the live
    readout for the current values. ``controls`` is ``"side"`` (a column beside the figures on a
    wide screen) or ``"top"`` (a strip above them, for wide figures). Moving a slider sets ``st.session_state[slider.key]`` and reruns.
    ``play={"key": k, "interval_ms": ms}`` adds a Play / Pause button under slider ``k`` that steps it
    to its end every ``ms`` milliseconds, each step as if by the arrow key (drawn at once, sent to Python).
    ``drags`` (:class:`app.sweeps.Drag`) let the hand move points of a picture, each setting two sliders.
    ``on_move(key, value)`` takes a released or stepped slider's value into the session (by default
    ``st.session_state[key] = value``; :func:`app.state.moved` for a page's declared state).
    """
    answered = (st.session_state.get(key) or {}).get("moved") or {}
    data = {
        "answered": answered.get("n") if isinstance(answered.get("n"), int) else 0,  # the last value taken
        "sliders": [
            {
                "key": s.key,
                "label": s.label,
                "values": list(s.values),
                "texts": [s.text(v) for v in s.values],
                "index": s.index(values[s.key]),
                "big": s.big_step,
                "help": s.help,
            }
            for s in sliders
        ],
        "figures": list(figures),
        "descriptions": list(descriptions),
        "sweeps": {k: _by_reference(key, {"patches": w.patches, "readouts": w.readouts}) for k, w in sweeps.items()},
        "readout": readout,
        "present": presenting(),
        "minWidth": min_figure_width,
        "controls": controls,
        "play": {"key": play["key"], "intervalMs": int(play["interval_ms"])} if play else None,
        "drags": [_by_reference(key, vars(d)) for d in drags],
    }
    by_key = {s.key: s for s in sliders}
    st.session_state.setdefault(RUN_FIGURES_KEY, []).extend(figures)  # the notebook draws the first
    _component()(
        key=key,
        data=palette.themed(orjson.dumps(data, option=NUMPY_JSON).decode(), projector.dark_theme()),
        default={"moved": None, "missing": None},
        on_moved_change=lambda: _moved(key, by_key, on_move),
        on_missing_change=lambda: _forget(key),
    )


def _by_reference(key: str, part: dict) -> dict:
    """``part`` as ``{"id": ...}``, with ``"body"`` (its JSON, as is) if this tab does not hold it yet.

    The id is of the content, the theme (colours are rewritten per theme) and the element, so that
    no element depends on another one having been drawn first."""
    body = orjson.dumps(part, option=NUMPY_JSON)
    theme = "dark" if projector.dark_theme() else "light"
    content_id = hashlib.blake2b(f"{key}|{theme}|".encode() + body, digest_size=12).hexdigest()
    held = st.session_state.setdefault(HELD_KEY, {})
    sent = held.pop(content_id, False)
    held[content_id] = True  # used last
    while len(held) > HELD_MAX:
        del held[next(iter(held))]
    return {"id": content_id} if sent else {"id": content_id, "body": orjson.Fragment(body)}


def _forget(key: str) -> None:
    """The tab lacks some bodies (a reload of the element, a lost message): send them again."""
    missing = (st.session_state.get(key) or {}).get("missing")
    ids = missing.get("ids") if isinstance(missing, dict) else None
    held = st.session_state.get(HELD_KEY, {})
    for content_id in ids if isinstance(ids, list) else []:
        if isinstance(content_id, str):
            held.pop(content_id, None)


def _moved(key: str, sliders: dict[str, Slider], on_move: Callable[[str, float], None] | None = None) -> None:
    """A slider was released or stepped in the browser: take its value (checked, on the grid)."""
    moved = (st.session_state.get(key) or {}).get("moved")
    if not isinstance(moved, dict):
        return
    also = moved.get("also") if isinstance(moved.get("also"), list) else []  # a dragged point sets two
    for each in [moved, *also]:
        if not isinstance(each, dict) or each.get("key") not in sliders:
            continue
        slider, index = sliders[each["key"]], each.get("index")
        if isinstance(index, int) and 0 <= index < len(slider.values):
            value = int(slider.values[index]) if _integer(slider) else slider.values[index]
            if on_move:
                on_move(slider.key, value)
            else:
                st.session_state[slider.key] = value


def fragment(function: Callable) -> Callable:
    """``function`` as an ``st.fragment``: what follows a page's main sliders, rerun alone on a step.

    A release or key step of a live slider drawn inside it reruns only the fragment, and
    Streamlit re-sends only what the fragment draws (also into containers made outside it, such
    as the idea that holds the code panel). On such a run the entry script does not run, so the
    fragment writes the URL itself (:func:`app.url_state.flush`) and starts the run's list of
    live figures anew. Everything the fragment reads from outside it (settings widgets above it)
    is passed as arguments: Streamlit calls it again with those of the last full run.
    """

    @functools.wraps(function)
    def run(*args, **kwargs):
        alone = rerun_alone()
        if alone:
            st.session_state[RUN_FIGURES_KEY] = []
        result = function(*args, **kwargs)
        if alone:
            url_state.flush(st.session_state.get(PAGE_PATH_KEY, ""))
        return result

    return st.fragment(run)


PAGE_PATH_KEY = "_page_url_path"  # the current page's URL path, set by app/main.py


def rerun_alone() -> bool:
    """Whether this run is a fragment's alone (a step), not the whole page's."""
    ctx = get_script_run_ctx()
    return bool(ctx and ctx.fragment_ids_this_run)


def sweeps(build: Callable, state, states: dict, style, readout: Callable | None = None):
    """:func:`app.sweeps.sweeps_by_building`, cached across reruns and sessions (by the functions' names)."""
    return _sweeps_cached(_name(build), _name(readout), state, states, style, _build=build, _readout=readout)


@st.cache_data(max_entries=256, show_spinner=False)
def _sweeps_cached(build_name, readout_name, state, states, style, *, _build, _readout):
    return sweeps_by_building(_build, state, states, style, _readout)


def _name(function: Callable | None) -> str:
    return "" if function is None else f"{function.__module__}.{function.__qualname__}"


def cached(function: Callable) -> Callable:
    """``function`` (pure: figures or sweeps from arrays) cached across reruns and sessions."""
    return st.cache_data(max_entries=256, show_spinner=False)(function)


def _integer(slider: Slider) -> bool:
    return all(float(v).is_integer() for v in slider.values) and float(slider.default).is_integer()


@st.cache_resource
def _component():
    folder = Path(__file__).resolve().parent / "components"
    return st.components.v2.component(
        "explainer_live",
        html=(folder / "live.html").read_text(),
        css=(folder / "live.css").read_text(),
        js=(folder / "live.js").read_text(),
        isolate_styles=False,
    )
