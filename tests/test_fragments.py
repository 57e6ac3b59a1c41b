"""A step of a page's main slider reruns only the page's fragment (``app.live.fragment``).

Each test speaks Streamlit's protocol to the served app, as the browser does: it opens the page,
finds the live element that holds the main slider and the fragment it was drawn in, then sends
what the element sends on a key step (the new position, with that fragment's id). The answer must
be a fragment run: every element re-sent belongs to the fragment, the parts outside it (the
title, the quiz, the sidebar) are not re-sent, and the URL written after the step holds the new
value, as ``shared/CONTRACT.md`` asks.
"""

from __future__ import annotations

import asyncio
import json
from urllib.parse import parse_qs

import pytest
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ClientState_pb2 import ClientState
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState, WidgetStates
from websockets.asyncio.client import connect

from app.registry import PAGES
from scripts.app_driver import in_own_thread

# Every registered page with a main slider is checked. Here: the URL parameter a step of it writes,
# where that is not the slider's own key with the value the slider shows.
URL_AFTER_STEP = {
    "arrays": ("shape", "5, 3, 2"),
    "iris": ("C", None),  # the slider moves log10 C; the URL holds C, away from its default after a step
    "outer-product": ("w", "1, 2, 3, 4"),  # w_len 3 -> 4 extends w (core.vectors.resized)
    "dot-product": ("b", None),  # b's angle slider rewrites b
}
# Pages whose st.metric figures do not follow the main slider: they stay outside the fragment.
STILL_METRICS = {"broadcasting"}  # the shapes of a, b and the result, whatever cell is followed


class Run:
    """What the server sent for one run: every delta, with its fragment id, and how it ended."""

    def __init__(self):
        self.deltas: list[tuple[str, object]] = []  # (fragment id, delta)
        self.query_string: str | None = None
        self.finished = None
        self.live: list[tuple[str, str, dict]] = []  # (widget id, fragment id, data) of each live element

    def kinds(self) -> list[str]:
        return [delta.new_element.WhichOneof("type") for _, delta in self.deltas if delta.HasField("new_element")]


async def _run(ws, page: str, query_string: str, widgets=None, fragment_id: str = "") -> Run:
    state = ClientState(query_string=query_string, page_name=page, fragment_id=fragment_id)
    if widgets:
        state.widget_states.CopyFrom(WidgetStates(widgets=widgets))
    await ws.send(BackMsg(rerun_script=state).SerializeToString())
    run = Run()
    async with asyncio.timeout(60):
        while True:
            msg = ForwardMsg()
            msg.ParseFromString(await ws.recv())
            kind = msg.WhichOneof("type")
            if kind == "delta":
                run.deltas.append((msg.delta.fragment_id, msg.delta))
                element = msg.delta.new_element
                if msg.delta.HasField("new_element") and element.WhichOneof("type") == "bidi_component":
                    data = json.loads(element.bidi_component.json)
                    data = json.loads(data) if isinstance(data, str) else data
                    run.live.append((element.bidi_component.id, msg.delta.fragment_id, data))
            elif kind == "page_info_changed":
                run.query_string = msg.page_info_changed.query_string
            elif kind == "script_finished":
                run.finished = msg.script_finished
                return run


def _step(app_url: str, url_path: str) -> tuple[Run, Run, dict]:
    spec = next(s for s in PAGES if s.url_path == url_path)

    async def go():
        ws_url = app_url.replace("http", "ws", 1) + "/_stcore/stream"
        async with connect(ws_url, subprotocols=["streamlit"], max_size=None, proxy=None) as ws:
            first = await _run(ws, url_path, "")
            widget, fragment, data = next(
                (w, f, d) for w, f, d in first.live if any(s["key"] == spec.slider_key for s in d["sliders"])
            )
            slider = next(s for s in data["sliders"] if s["key"] == spec.slider_key)
            index = slider["index"] + 1 if slider["index"] + 1 < len(slider["values"]) else slider["index"] - 1
            moved = WidgetState(id=widget, json_value=json.dumps({"moved": {"key": slider["key"], "index": index}}))
            step = await _run(ws, url_path, first.query_string or "", [moved], fragment)
            return first, step, {"fragment": fragment, "value": slider["texts"][index]}

    return in_own_thread(asyncio.run, go())


@pytest.mark.parametrize("url_path", [s.url_path for s in PAGES if s.slider_key])
def test_a_main_slider_step_reruns_only_the_fragment(app_url, url_path):
    first, step, moved = _step(app_url, url_path)
    assert first.finished == ForwardMsg.FINISHED_SUCCESSFULLY
    assert moved["fragment"], "the live element is not drawn inside a fragment"
    assert step.finished == ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY
    outside = {f for f, _ in step.deltas} - {moved["fragment"]}
    assert not outside, f"the step re-sent elements outside the fragment: {outside}"
    # What the first run drew outside the fragment (the page's title, the sidebar) is not sent again.
    assert any(f != moved["fragment"] for f, _ in first.deltas)
    assert len(step.deltas) < len(first.deltas)
    assert step.live and step.live[0][2]["sliders"][0]["key"]  # the element itself is drawn again
    # The figures that follow the slider are re-sent; those that do not, are not.
    assert ("metric" in step.kinds()) is (url_path not in STILL_METRICS)
    assert step.query_string is not None, "the step did not write the URL"
    spec = next(s for s in PAGES if s.url_path == url_path)
    name, text = URL_AFTER_STEP.get(url_path) or (spec.slider_key, moved["value"])
    written = parse_qs(step.query_string)[name]
    assert written == [text] if text is not None else written != [spec.default(name)], (name, written)
