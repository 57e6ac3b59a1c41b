"""One student's browser tab as the server sees it: Streamlit's websocket protocol and the cookies.

The protocol is the one the browser speaks (Streamlit 1.67, Starlette server): a websocket to
``/_stcore/stream`` with subprotocol ``streamlit``; ``BackMsg.rerun_script`` carries a
``ClientState`` with the page's URL path and the changed widget's state; the server answers with
``ForwardMsg`` deltas (each slider carries its ``id``, which ends with ``-<key>``) and
``script_finished``.

A client reaches the app by a route: ``Direct`` (one server process, the stickiness done by the
client) or ``Browser`` (through a balancer: one address, the cookies it was given kept in an
``http.cookiejar.CookieJar`` and sent with every request and the websocket handshake).
"""

from __future__ import annotations

import asyncio
import copy
import http.client
import http.cookiejar
import json
import random
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from types import SimpleNamespace

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ClientState_pb2 import ClientState
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState, WidgetStates
from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed
from websockets.protocol import State

__all__ = ["Browser", "ConnectionClosed", "Direct", "Result", "Session", "Slider", "change", "connect"]

FINISHED_OK = {ForwardMsg.FINISHED_SUCCESSFULLY, ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY}


@dataclass
class Slider:
    id: str
    value: float
    low: float
    high: float
    step: float
    live_key: str = ""  # a slider of the page's live element (app/live.py): value is its index
    fragment_id: str = ""  # the st.fragment the element is drawn in: its moves rerun only that


def change(slider: Slider, value: float, sent: int = 0) -> WidgetState:
    """The widget state the browser sends when ``slider`` is moved to ``value``.

    >>> change(Slider("s-w", 1.0, 0.0, 2.0, 0.5), 1.5).double_array_value.data
    [1.5]
    >>> change(Slider("live-1", 3, 0, 9, 1, live_key="w"), 4, sent=2).json_value
    '{"moved": {"key": "w", "index": 4, "n": 2}}'
    """
    state = WidgetState(id=slider.id)
    if slider.live_key:  # the live element hands Python {"moved": {key, index, n}} on release
        state.json_value = json.dumps({"moved": {"key": slider.live_key, "index": int(value), "n": sent}})
    else:
        state.double_array_value.data.append(value)
    return state


def next_value(slider: Slider, rng: random.Random) -> float:
    """One to three steps left or right, turning back at the ends, as arrow keys would.

    >>> s, rng = Slider("s", 0.0, 0.0, 1.0, 0.1), random.Random(0)
    >>> values = [next_value(s, rng) for _ in range(200)]
    >>> min(values) >= 0 and max(values) <= 1 and {round(abs(v) / 0.1) for v in values} == {1, 2, 3}
    True
    """
    steps = rng.randint(1, 3) * rng.choice((-1, 1))
    value = slider.value + steps * slider.step
    if value > slider.high or value < slider.low:
        value = slider.value - steps * slider.step
    value = min(max(value, slider.low), slider.high)
    return round(value, 10)


@dataclass
class Result:
    page: str
    load: float | None = None
    moves: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    replicas: list[str] = field(default_factory=list)  # the replica that answered each request, in order
    reconnects: list[float] = field(default_factory=list)  # seconds from a dropped websocket to the page again
    handshakes: list[float] = field(default_factory=list)  # ... to the new websocket open (the balancer's part)


# --- how a client reaches a replica -------------------------------------------------------


class Direct:
    """A client bound to one server process (the stickiness is the client's)."""

    def __init__(self, base: str, name: str):
        self.ws_url, self.name = base.replace("http", "ws", 1) + "/_stcore/stream", name

    async def request(self, path: str) -> str:
        return self.name

    async def connect(self, timeout: float):
        ws = await connect(self.ws_url, subprotocols=["streamlit"], max_size=None, open_timeout=timeout, proxy=None)
        return ws, self.name


class Browser:
    """What a balancer sees of a browser: requests to one address, with the cookies it was given.

    Each answer's ``X-Replica`` header names the replica that served it ("?" when there is none).
    The cookies live in ``jar`` (``http.cookiejar``): those set on a page, on any other request and
    on the websocket handshake are sent with every later request and handshake, as a browser does.

    >>> browser = Browser("http://127.0.0.1:8501/")
    >>> browser.keep_from("/_stcore/stream", ["SERVERID=r1; path=/; HttpOnly", "_streamlit_xsrf=abc; Path=/"])
    >>> browser.cookies, browser.cookie_headers()
    ({'SERVERID': 'r1', '_streamlit_xsrf': 'abc'}, {'Cookie': 'SERVERID=r1; _streamlit_xsrf=abc'})
    >>> browser.with_cookie("SERVERID", "r2").cookies, browser.cookies["SERVERID"]
    ({'SERVERID': 'r2', '_streamlit_xsrf': 'abc'}, 'r1')
    """

    def __init__(self, base: str):
        self.base = base.rstrip("/")
        self.ws_path = "/_stcore/stream"
        self.ws_url = self.base.replace("http", "ws", 1) + self.ws_path
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.ProxyHandler({}), urllib.request.HTTPCookieProcessor(self.jar)
        )

    @property
    def cookies(self) -> dict[str, str]:
        """The cookies kept, by name (a copy: change them with ``with_cookie``)."""
        return {cookie.name: cookie.value for cookie in self.jar}

    def with_cookie(self, name: str, value: str) -> Browser:
        """Another browser at the same address with the same cookies, cookie ``name`` set to ``value``
        (e.g. the balancer's sticky cookie naming another replica)."""
        other = Browser(self.base)
        found = False
        for cookie in self.jar:
            cookie = copy.copy(cookie)
            if cookie.name == name:
                cookie.value, found = value, True
            other.jar.set_cookie(cookie)
        if not found:
            raise KeyError(f"no cookie {name!r} was set (cookies: {sorted(self.cookies)})")
        return other

    def cookie_headers(self, path: str | None = None) -> dict[str, str]:
        """The ``Cookie`` header the jar sends with a request to ``path`` (default: the websocket)."""
        request = urllib.request.Request(self.base + (self.ws_path if path is None else path))
        self.jar.add_cookie_header(request)
        header = request.get_header("Cookie")
        return {"Cookie": header} if header else {}

    def keep_from(self, path: str, set_cookies: list[str]) -> None:
        """Keep the cookies of ``Set-Cookie`` headers answered to a request to ``path``."""
        message = http.client.HTTPMessage()
        for header in set_cookies:
            message["Set-Cookie"] = header  # each assignment adds one more header
        self.jar.extract_cookies(SimpleNamespace(info=lambda: message), urllib.request.Request(self.base + path))

    def fetch(self, path: str, method: str = "GET", body: bytes | None = None, headers=None):
        """One HTTP request with the cookies (blocking); returns (status, X-Replica, body)."""
        request = urllib.request.Request(self.base + path, data=body, method=method, headers=headers or {})
        try:
            with self.opener.open(request, timeout=10) as response:
                status, answer, content = response.status, response.headers, response.read()
        except urllib.error.HTTPError as err:  # its cookies were kept by the jar before it was raised
            status, answer, content = err.code, err.headers, err.read()
        return status, answer.get("X-Replica", "?"), content

    async def request(self, path: str) -> str:
        status, replica, _ = await asyncio.to_thread(self.fetch, path)
        if status != 200:
            raise RuntimeError(f"GET {path} answered {status} (replica {replica})")
        return replica

    async def connect(self, timeout: float):
        ws = await connect(
            self.ws_url,
            subprotocols=["streamlit"],
            max_size=None,
            open_timeout=timeout,
            additional_headers=self.cookie_headers(),
            proxy=None,
        )
        self.keep_from(self.ws_path, ws.response.headers.get_all("Set-Cookie"))
        return ws, ws.response.headers.get("X-Replica", "?")


# --- one client ---------------------------------------------------------------------------


class Session:
    """One browser tab, as far as the server can tell: a websocket speaking Streamlit's protocol."""

    def __init__(self, ws, page: str):
        self.ws = ws
        self.page = page
        self.query_string = ""  # the page's URL after the last finished run, as the address bar shows it
        self.session_id = ""
        self.sliders: dict[str, Slider] = {}
        self.uploaders: dict[str, str] = {}  # key -> element id of each st.file_uploader
        self.figures: list[tuple[str, str]] = []  # (label, value) of each st.metric of the last finished run

    async def run(self, widgets: list[WidgetState] | None, timeout: float, fragment_id: str = "") -> list[str]:
        """Ask for a rerun with ``widgets`` changed (of fragment ``fragment_id`` alone, as the browser
        asks when they are drawn in one); wait for script_finished. Returns problems seen."""
        state = ClientState(query_string=self.query_string, page_name=self.page, fragment_id=fragment_id)
        if widgets:
            state.widget_states.CopyFrom(WidgetStates(widgets=widgets))
        await self.ws.send(BackMsg(rerun_script=state).SerializeToString())
        problems: list[str] = []
        figures: list[tuple[str, str]] = []
        query_string = self.query_string
        async with asyncio.timeout(timeout):
            while True:
                msg = ForwardMsg()
                msg.ParseFromString(await self.ws.recv())
                kind = msg.WhichOneof("type")
                if kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
                    self._element(msg.delta.new_element, problems, figures, msg.delta.fragment_id)
                elif kind == "new_session":
                    self.session_id = msg.new_session.initialize.session_id
                elif kind == "page_info_changed":
                    query_string = msg.page_info_changed.query_string
                elif kind == "page_not_found":
                    problems.append(f"page not found: {self.page}")
                elif kind == "session_event" and msg.session_event.WhichOneof("type") == "script_compilation_exception":
                    problems.append("script compilation exception")
                elif kind == "script_finished":
                    if msg.script_finished not in FINISHED_OK:
                        problems.append(f"script finished with status {msg.script_finished}")
                    if fragment_id:  # a fragment's run re-sends its own figures; the others stay as shown
                        figures = list((dict(self.figures) | dict(figures)).items())
                    self.query_string, self.figures = query_string, figures
                    return problems

    def _element(self, element, problems: list[str], figures: list[tuple[str, str]], fragment_id: str = "") -> None:
        kind = element.WhichOneof("type")
        if kind == "exception":
            problems.append(f"exception on the page: {element.exception.type}: {element.exception.message}")
        elif kind == "metric":
            figures.append((element.metric.label, element.metric.body))
        elif kind == "slider":
            s = element.slider
            key = s.id.rsplit("-", 1)[-1]
            value = s.value[0] if s.value else (s.default[0] if s.default else s.min)
            self.sliders[key] = Slider(s.id, value, s.min, s.max, s.step or 1.0)
        elif kind == "file_uploader":
            self.uploaders[element.file_uploader.id.rsplit("-", 1)[-1]] = element.file_uploader.id
        elif kind == "bidi_component" and element.bidi_component.json:
            data = json.loads(element.bidi_component.json)
            data = json.loads(data) if isinstance(data, str) else data
            for spec in data.get("sliders", []) if isinstance(data, dict) else []:
                last = len(spec["values"]) - 1
                self.sliders[spec["key"]] = Slider(
                    element.bidi_component.id, spec["index"], 0, last, 1, spec["key"], fragment_id
                )


async def reconnect(session: Session, route, result: Result, number: int, timeout: float) -> None:
    """What Streamlit's frontend does when its websocket drops: connect again (through the balancer,
    with the same cookies) and start a new session that reruns the page from its URL."""
    dropped = time.perf_counter()
    before = session.figures
    while True:
        try:
            ws, replica = await route.connect(timeout)
            break
        except Exception as err:  # refused, reset, or answered with an error: try again, as the browser does
            if time.perf_counter() - dropped > timeout:
                raise RuntimeError(f"no new connection within {timeout} s: {type(err).__name__}: {err}") from err
            await asyncio.sleep(0.2)
    result.handshakes.append(time.perf_counter() - dropped)
    result.replicas.append(replica)
    session.ws = ws
    problems = await session.run(None, timeout)
    result.reconnects.append(time.perf_counter() - dropped)
    result.errors += [f"client {number} ({session.page}) after reconnecting: {p}" for p in problems]
    if session.figures != before:
        result.errors.append(
            f"client {number} ({session.page}?{session.query_string}) shows other figures after reconnecting: "
            f"{before} before, {session.figures} after"
        )


async def think(ws, seconds: float) -> bool:
    """Wait ``seconds`` as a student thinks; True if the websocket closed meanwhile (noticed at once,
    as the browser notices it)."""
    closed = asyncio.ensure_future(ws.wait_closed())
    try:
        await asyncio.wait([closed], timeout=seconds)
    finally:
        closed.cancel()
    return ws.state is not State.OPEN
