"""A classroom at once: many Streamlit sessions moving sliders, measured.

    .venv/bin/python scripts/loadtest.py --scenario class [...]     # scripts/loadtest_class.py
    .venv/bin/python scripts/loadtest.py [--clients 30] [--duration 60] [--think 1.0] [--replicas 1]
                                         [--balancer | --url URL] [--kill-replica-at SECONDS]
                                         [--pages dot-product,arrays] [--json out.json]

Where the load goes (never to another machine unless ``--url`` says so):

- by default, ``--replicas`` app processes started on free ports of 127.0.0.1 through
  ``scripts/local_server.py``, each client kept on one of them (the stickiness of a balancer,
  done by the client);
- ``--balancer``: the app started as a school runs it, ``bash scripts/serve.sh --replicas N``
  (N processes behind HAProxy with sticky cookies) on a free port of 127.0.0.1, every client
  through the balancer;
- ``--url URL``: an app or a balancer already running at URL; nothing is started, and memory
  and CPU are not measured.

``--clients`` websocket sessions are spread over every registered page that has a main slider
(``app.registry.PAGES``, ``slider_key``); each moves its page's main slider for ``--duration``
seconds, waiting ``--think`` seconds on average between two moves (a student pressing an arrow
key about once a second). Every client stops at the deadline; servers this script started are
stopped by their own process ids.

Through a balancer (``--balancer``, ``--url``) each client does what a browser does: it loads its
page's address, keeps the cookies it is given, opens the websocket with them, and records the
replica named by the balancer's ``X-Replica`` header on the page, on the websocket handshake and
on one more request at the end. A client served by more than one replica is an error. When a
client's websocket drops it reconnects as Streamlit's frontend does: a new websocket through the
balancer with its cookies, a new session that reruns the page from its URL (the query string),
and the page's figures (``st.metric`` values) compared with those it showed before.

``--kill-replica-at S`` (with ``--balancer``): S seconds into the moves, the replica serving the
most clients is killed (SIGKILL to its pid; serve.sh starts it again). Its clients must reconnect
to another replica and show the same figures; any other client that loses its connection is an
error. The reconnect times are printed: from the dropped websocket to the page shown again.

Printed: errors (connection failures, reruns without a finished script within ``--timeout``
seconds, scripts that did not finish successfully, exception elements on a page); the latency of
each move, from sending the widget change to the server's ``script_finished`` (median, p95, max),
per page and overall; moves served per second; the first load of each session; the clients per
replica; the servers' resident memory (VmRSS from ``/proc``) after start, before the clients (after
a warm-up that opens each page once per replica, as a teacher would; ``--no-warmup`` skips it), at
the peak and at the end, per replica and for the balancer; and the servers' CPU use.

Exit status: 0 when there were no errors and the overall p95 is within ``--target-p95`` ms,
1 on errors, 2 when only the latency target was missed.

The protocol is the one the browser speaks (Streamlit 1.67, Starlette server): a websocket to
``/_stcore/stream`` with subprotocol ``streamlit``; ``BackMsg.rerun_script`` carries a
``ClientState`` with the page's URL path and the changed widget's state; the server answers with
``ForwardMsg`` deltas (each slider carries its ``id``, which ends with ``-<key>``) and
``script_finished``.
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import json
import os
import random
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ClientState_pb2 import ClientState
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState, WidgetStates
from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed
from websockets.protocol import State

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.registry import PAGES  # noqa: E402
from scripts.local_server import HOST, LocalServer, free_port, wait_healthy  # noqa: E402
from scripts.stats import percentile  # noqa: E402

FINISHED_OK = {ForwardMsg.FINISHED_SUCCESSFULLY, ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY}
NO_PROXY = urllib.request.build_opener(urllib.request.ProxyHandler({}))


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
    """The widget state the browser sends when ``slider`` is moved to ``value``."""
    state = WidgetState(id=slider.id)
    if slider.live_key:  # the live element hands Python {"moved": {key, index, n}} on release
        state.json_value = json.dumps({"moved": {"key": slider.live_key, "index": int(value), "n": sent}})
    else:
        state.double_array_value.data.append(value)
    return state


@dataclass
class Result:
    page: str
    load: float | None = None
    moves: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    replicas: list[str] = field(default_factory=list)  # the replica that answered each request, in order
    reconnects: list[float] = field(default_factory=list)  # seconds from a dropped websocket to the page again
    handshakes: list[float] = field(default_factory=list)  # ... to the new websocket open (the balancer's part)


# --- the servers --------------------------------------------------------------------------


@dataclass
class Replica:
    name: str
    pid: int
    port: int


class Serve:
    """``bash scripts/serve.sh --replicas N`` on a free port of 127.0.0.1, in its own process group:
    the app behind its balancer exactly as a school starts it. Stopped by its process group id.

    >>> Serve(2, port=8599).url
    'http://127.0.0.1:8599'
    """

    REPLICA = re.compile(r"^serve: replica (\S+) \(pid (\d+)\) on 127\.0\.0\.1:(\d+)$", re.M)
    BALANCER = re.compile(r"^serve: balancer \(haproxy, pid (\d+)\)", re.M)

    def __init__(self, replicas: int, *, port: int | None = None, log_path: Path | None = None, env=None):
        self.count, self.port = replicas, port or free_port()
        self.log_path = log_path or Path(tempfile.gettempdir()) / f"loadtest-serve-{self.port}.log"
        self.env = env or {}
        self.proc: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}"

    def log(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

    def replicas(self) -> dict[str, Replica]:
        """Each replica's latest process, as serve.sh announced it (a restarted one has a new pid)."""
        found = {}
        for name, pid, port in self.REPLICA.findall(self.log()):
            found[name] = Replica(name, int(pid), int(port))
        return found

    def balancer_pid(self) -> int | None:
        match = self.BALANCER.search(self.log())
        return int(match.group(1)) if match else None

    def start(self, timeout: float = 240) -> Serve:
        """Start serve.sh; return once the balancer and every replica answer (serve.sh says so)."""
        with open(self.log_path, "w") as log:
            self.proc = subprocess.Popen(
                ["bash", "scripts/serve.sh", "--replicas", str(self.count), "--server.address", HOST],
                cwd=ROOT,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
                env={**os.environ, **self.env, "PORT": str(self.port)},
            )
        deadline = time.monotonic() + timeout
        while self.balancer_pid() is None:
            if self.proc.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"serve.sh --replicas {self.count} did not start; its output:\n{self.log()[-3000:]}")
            time.sleep(0.2)
        return self

    def wait_restarted(self, name: str, old_pid: int, timeout: float = 90) -> Replica:
        """Wait until serve.sh has started replica ``name`` again and it answers its health check."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            replica = self.replicas().get(name)
            healthy = lambda r: wait_healthy(f"http://{HOST}:{r.port}", timeout=max(1.0, deadline - time.monotonic()))
            if replica and replica.pid != old_pid and healthy(replica):
                return replica
            time.sleep(0.2)
        raise RuntimeError(f"replica {name} was not started again within {timeout:.0f} s:\n{self.log()[-3000:]}")

    def stop(self) -> None:
        """SIGTERM to serve.sh's process group (it stops its children itself), SIGKILL after 20 s."""
        if self.proc is None or self.proc.poll() is not None:
            return
        os.killpg(self.proc.pid, signal.SIGTERM)
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(timeout=10)

    def __enter__(self) -> Serve:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


def rss_mb(pid: int) -> float:
    """Resident memory of process ``pid`` in MB (VmRSS from /proc); 0 for a process that is gone."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of process ``pid`` so far, in seconds (0 for a process that is gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


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
    """

    def __init__(self, base: str):
        self.base = base.rstrip("/")
        self.ws_url = self.base.replace("http", "ws", 1) + "/_stcore/stream"
        self.cookies: dict[str, str] = {}

    def headers(self) -> dict[str, str]:
        return {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())} if self.cookies else {}

    def keep(self, set_cookies: list[str]) -> None:
        for header in set_cookies:
            name, _, rest = header.partition("=")
            self.cookies[name.strip()] = rest.split(";", 1)[0].strip()

    def fetch(self, path: str, method: str = "GET", body: bytes | None = None, headers=None):
        """One HTTP request with the cookies (blocking); returns (status, X-Replica, body)."""
        request = urllib.request.Request(
            self.base + path, data=body, method=method, headers={**self.headers(), **(headers or {})}
        )
        try:
            with NO_PROXY.open(request, timeout=10) as response:
                status, answer, content = response.status, response.headers, response.read()
        except urllib.error.HTTPError as err:
            status, answer, content = err.code, err.headers, err.read()
        self.keep(answer.get_all("Set-Cookie") or [])
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
            additional_headers=self.headers(),
            proxy=None,
        )
        self.keep(ws.response.headers.get_all("Set-Cookie"))
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


def next_value(slider: Slider, rng: random.Random) -> float:
    """One to three steps left or right, turning back at the ends, as arrow keys would."""
    steps = rng.randint(1, 3) * rng.choice((-1, 1))
    value = slider.value + steps * slider.step
    if value > slider.high or value < slider.low:
        value = slider.value - steps * slider.step
    value = min(max(value, slider.low), slider.high)
    return round(value, 10)


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


async def client(
    number: int, route, page: str, key: str, start_at: float, deadline: float, args, rng, result: Result
) -> Result:
    await asyncio.sleep(max(0.0, start_at - time.monotonic()))
    ws = None
    try:
        result.replicas.append(await route.request(f"/{page}"))
        ws, replica = await route.connect(args.timeout)
        result.replicas.append(replica)
        session = Session(ws, page)
        started = time.perf_counter()
        result.errors += await session.run(None, args.timeout)
        result.load = time.perf_counter() - started
        slider = session.sliders.get(key)
        if slider is None:
            result.errors.append(f"client {number}: no slider with key {key!r} on {page}")
            return result
        while time.monotonic() < deadline:
            pause = min(rng.uniform(0.5, 1.5) * args.think, max(0.0, deadline - time.monotonic()))
            dropped = await think(session.ws, pause)
            if not dropped:
                if time.monotonic() >= deadline:
                    break
                value = next_value(slider, rng)
                started = time.perf_counter()
                try:
                    move = [change(slider, value, len(result.moves) + 1)]
                    problems = await session.run(move, args.timeout, slider.fragment_id)
                except ConnectionClosed:
                    dropped = True
                else:
                    slider.value = value
                    result.moves.append(time.perf_counter() - started)
                    result.errors += [f"client {number} ({page}, {key}={value}): {p}" for p in problems]
            if dropped:
                if not args.reconnect:
                    raise ConnectionError("the websocket closed")
                await reconnect(session, route, result, number, args.timeout)
                ws = session.ws
                slider = session.sliders.get(key, slider)
        result.replicas.append(await route.request("/_stcore/health"))
    except TimeoutError:
        result.errors.append(f"client {number} ({page}): no script_finished within {args.timeout} s")
    except Exception as err:  # a dropped connection or a refused handshake is an error to report
        result.errors.append(f"client {number} ({page}): {type(err).__name__}: {err}")
    finally:
        if ws is not None:
            await ws.close()
    return result


# --- the run ------------------------------------------------------------------------------


def runs_of(replicas: list[str]) -> list[str]:
    """The replicas a client went through, in order, each once per stay: [r1, r1, r2] -> [r1, r2]."""
    return [name for i, name in enumerate(replicas) if i == 0 or replicas[i - 1] != name]


class Servers:
    """The processes measured: {name: pid} now (a restarted replica has a new pid) and the balancer."""

    def __init__(self, pids=None, serve: Serve | None = None):
        self.fixed, self.serve = pids, serve

    def replicas(self) -> dict[str, int]:
        if self.serve is not None:
            return {r.name: r.pid for r in self.serve.replicas().values()}
        return dict(self.fixed or {})

    def balancer(self) -> int | None:
        return self.serve.balancer_pid() if self.serve is not None else None

    def measured(self) -> bool:
        return self.serve is not None or bool(self.fixed)


async def warm_up(urls: list[str], specs, rng) -> None:
    """As a teacher would before class: open each page once (per replica) and move its slider, so
    imports, st.cache_data and plotly's first use are paid before the measured sessions arrive."""
    for url in urls:
        for spec in specs:
            route = Browser(url)
            await asyncio.to_thread(route.fetch, f"/{spec.url_path}")
            ws, _ = await route.connect(60)
            async with ws:
                warm = Session(ws, spec.url_path)
                await warm.run(None, 60)
                slider = warm.sliders.get(spec.slider_key)
                if slider:
                    await warm.run([change(slider, next_value(slider, rng), 1)], 60)


async def drive(args, route_for, servers: Servers, warm_urls: list[str]) -> tuple[list[Result], dict]:
    """Run the clients; ``route_for(number)`` says how client ``number`` reaches the app."""
    chosen = set(filter(None, args.pages.split(",")))
    specs = [s for s in PAGES if s.slider_key and (not chosen or s.url_path in chosen)]
    if not specs:
        raise SystemExit("no registered page with a slider_key matches --pages")
    rng = random.Random(args.seed)

    def memory_now() -> dict[str, float]:
        now = {name: rss_mb(pid) for name, pid in servers.replicas().items()}
        if servers.balancer():
            now["balancer"] = rss_mb(servers.balancer())
        return now

    def cpu_now() -> dict[int, float]:
        pids = list(servers.replicas().values()) + ([servers.balancer()] if servers.balancer() else [])
        return {pid: cpu_seconds(pid) for pid in pids}

    memory: dict = {"started": memory_now()}
    if args.warmup:
        await warm_up(warm_urls, specs, rng)
        await asyncio.sleep(1)
    memory["before"] = memory_now()
    samples: list[dict[str, float]] = []
    cpu_start, wall_start = cpu_now(), time.monotonic()
    begin = time.monotonic() + 0.5
    deadline = begin + args.ramp + args.duration
    results = [Result(specs[n % len(specs)].url_path) for n in range(args.clients)]
    tasks = []
    for number, result in enumerate(results):
        spec = specs[number % len(specs)]
        start_at = begin + args.ramp * number / max(1, args.clients)
        tasks.append(
            asyncio.create_task(
                client(
                    number,
                    route_for(number),
                    spec.url_path,
                    spec.slider_key,
                    start_at,
                    deadline,
                    args,
                    random.Random(rng.random()),
                    result,
                )
            )
        )

    failover: dict = {}

    async def kill_busiest_replica():
        await asyncio.sleep(max(0.0, begin + args.ramp + args.kill_replica_at - time.monotonic()))
        serving = collections.Counter(r.replicas[-1] for r in results if r.replicas)
        name = serving.most_common(1)[0][0]
        pid = servers.replicas()[name]
        os.kill(pid, signal.SIGKILL)
        failover.update(replica=name, pid=pid, clients=serving[name], at=time.monotonic() - begin - args.ramp)

    async def sample_memory():
        while not all(t.done() for t in tasks):
            samples.append(memory_now())
            await asyncio.sleep(0.5)

    killer = asyncio.create_task(kill_busiest_replica()) if args.kill_replica_at is not None else None
    sampler = asyncio.create_task(sample_memory()) if servers.measured() else None
    # Bounded in time: every client stops at the deadline; a stuck one is cancelled after a grace.
    done, pending = await asyncio.wait(tasks, timeout=args.ramp + args.duration + 2 * args.timeout + 15)
    for task in pending:
        task.cancel()
    for number, task in enumerate(tasks):
        if task in pending:
            results[number].errors.append(f"client {number} cancelled at the hard deadline")
    if killer:
        await killer
    if sampler:
        await sampler
    if servers.measured():
        names = sorted({name for sample in samples for name in sample})
        memory["peak"] = {name: max((s.get(name, 0.0) for s in samples), default=0.0) for name in names}
        memory["peak_total"] = max((sum(s.values()) for s in samples), default=0.0)
        memory["end"] = memory_now()
        cpu_end = cpu_now()
        busy = sum(cpu_end[pid] - cpu_start[pid] for pid in cpu_end if pid in cpu_start)
        memory["cpu_cores"] = busy / (time.monotonic() - wall_start)
        memory["cpu_seconds"] = busy
    memory["failover"] = failover
    return results, memory


def check_replicas(results: list[Result], failover: dict, through_balancer: bool) -> None:
    """Every client on one replica; after a failover, the killed replica's clients on one other."""
    for number, r in enumerate(results):
        if not r.replicas or r.errors:
            continue
        runs = runs_of(r.replicas)
        if failover and runs[0] == failover["replica"]:
            if len(runs) != 2 or not r.reconnects:
                r.errors.append(f"client {number} ({r.page}) on the killed replica went through {r.replicas}")
        elif r.reconnects:
            r.errors.append(f"client {number} ({r.page}) on {runs[0]}, not killed, lost its connection")
        elif len(runs) != 1:
            r.errors.append(f"client {number} ({r.page}) was served by several replicas: {r.replicas}")
    if through_balancer and "?" in {name for r in results for name in r.replicas}:
        results[0].errors.append("the balancer's answers carry no X-Replica header")


def report(results: list[Result], memory: dict, args) -> dict:
    failover = memory.get("failover") or {}
    check_replicas(results, failover, args.balancer or bool(args.url))
    pages: dict[str, list[Result]] = {}
    for r in results:
        pages.setdefault(r.page, []).append(r)
    rows = []
    where = args.url or (
        f"{args.replicas} server process{'es' if args.replicas > 1 else ''}"
        + (" behind serve.sh's HAProxy" if args.balancer else "")
    )
    print(
        f"{args.clients} clients on {where}, {args.duration:.0f} s of slider moves "
        f"(think time ~{args.think} s, ramp-up {args.ramp:.0f} s), {os.cpu_count()} cores, "
        f"load average {os.getloadavg()[0]:.2f}\n"
    )
    print("| page | clients | moves | errors | median | p95 | max | first load median |")
    print("|---|---|---|---|---|---|---|---|")
    everything = Result("all")
    for page, group in list(pages.items()) + [("all", results)]:
        moves = [m for r in group for m in r.moves]
        loads = [r.load for r in group if r.load is not None]
        errors = [e for r in group for e in r.errors]
        if page == "all":
            everything.moves, everything.errors = moves, errors
        row = {
            "page": page,
            "clients": len(group),
            "moves": len(moves),
            "errors": len(errors),
            "median_ms": 1000 * statistics.median(moves) if moves else None,
            "p95_ms": 1000 * percentile(moves, 0.95) if moves else None,
            "max_ms": 1000 * max(moves) if moves else None,
            "load_median_ms": 1000 * statistics.median(loads) if loads else None,
        }
        rows.append(row)
        fmt = lambda v: "-" if v is None else f"{v:.0f} ms"
        name = f"**{page}**" if page == "all" else page
        print(
            f"| {name} | {row['clients']} | {row['moves']} | {row['errors']} | {fmt(row['median_ms'])} "
            f"| {fmt(row['p95_ms'])} | {fmt(row['max_ms'])} | {fmt(row['load_median_ms'])} |"
        )
    served = collections.Counter(r.replicas[1] for r in results if len(r.replicas) > 1)
    print(f"\nclients per replica (websocket handshake): {dict(sorted(served.items()))}")
    reconnects = [t for r in results for t in r.reconnects]
    handshakes = [t for r in results for t in r.handshakes]
    if failover:
        ms = lambda values: f"median {1000 * statistics.median(values):.0f} ms, max {1000 * max(values):.0f} ms"
        print(
            f"failover: replica {failover['replica']} (pid {failover['pid']}, {failover['clients']} clients) "
            f"killed {failover['at']:.1f} s into the moves; {len(reconnects)} reconnects: "
            + (
                f"new websocket on another replica after {ms(handshakes)}; page shown again after {ms(reconnects)}"
                if reconnects
                else "none"
            )
        )
    per_session = None
    if "peak" in memory:
        per_session = (memory["peak_total"] - sum(memory["before"].values())) / max(1, args.clients)
        show = lambda d: ", ".join(f"{k} {v:.0f}" for k, v in sorted(d.items()))
        print(
            f"server memory (VmRSS, MB): after start {show(memory['started'])}; before the clients "
            f"{show(memory['before'])}; peak {show(memory['peak'])} (all together {memory['peak_total']:.0f}); "
            f"end {show(memory['end'])}; {per_session:.1f} MB per session"
        )
        per_move = 1000 * memory["cpu_seconds"] / max(1, len(everything.moves))
        print(
            f"server CPU: {memory['cpu_cores']:.2f} cores busy on average, {per_move:.0f} ms per move served "
            "(first loads included)"
        )
    else:
        print("server memory and CPU: not measured (the servers at --url are not this script's)")
    print(f"{len(everything.moves) / max(1e-9, args.duration):.1f} moves per second served")
    if everything.errors:
        print(f"\n{len(everything.errors)} errors (first 20):")
        for line in everything.errors[:20]:
            print("  -", line)
    overall_p95 = 1000 * percentile(everything.moves, 0.95) if everything.moves else float("inf")
    verdict = "PASS" if not everything.errors and overall_p95 <= args.target_p95 else "FAIL"
    print(
        f"\n{verdict}: {len(everything.errors)} errors (target 0), p95 {overall_p95:.0f} ms "
        f"(target <= {args.target_p95:.0f} ms)"
    )
    return {
        "rows": rows,
        "moves_per_second": len(everything.moves) / max(1e-9, args.duration),
        "memory": memory,
        "per_session_mb": per_session,
        "clients_per_replica": dict(served),
        "reconnects_s": reconnects,
        "handshakes_s": handshakes,
        "clients": [{"page": r.page, "replicas": r.replicas, "reconnects_s": r.reconnects} for r in results],
        "errors": everything.errors[:100],
        "settings": {
            k: getattr(args, k)
            for k in ("clients", "replicas", "balancer", "url", "duration", "think", "ramp", "pages", "seed", "warmup")
        },
        "cores": os.cpu_count(),
        "verdict": verdict,
    }


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--scenario",
        choices=("sliders", "class"),
        default="sliders",
        help="sliders: students moving sliders (default); class: a class question answered at once "
        "(scripts/loadtest_class.py, which takes its own options after it)",
    )
    parser.add_argument("--clients", type=int, default=30, help="concurrent sessions (default 30)")
    parser.add_argument("--duration", type=float, default=60, help="seconds of slider moves (default 60)")
    parser.add_argument(
        "--think", type=float, default=1.0, help="mean seconds between two moves of one client (default 1.0)"
    )
    parser.add_argument("--ramp", type=float, default=5.0, help="seconds over which clients connect (default 5)")
    parser.add_argument("--timeout", type=float, default=15.0, help="seconds a rerun may take (default 15)")
    parser.add_argument("--pages", default="", help="comma-separated URL paths (default: all with a slider)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--no-warmup",
        dest="warmup",
        action="store_false",
        help="measure a cold server (by default each page is opened once per replica before the clients)",
    )
    parser.add_argument("--target-p95", type=float, default=300.0, help="ms (default 300)")
    parser.add_argument("--replicas", type=int, default=1, help="app processes to start (default 1); see --balancer")
    where = parser.add_mutually_exclusive_group()
    where.add_argument(
        "--balancer",
        action="store_true",
        help="start them with `bash scripts/serve.sh --replicas N` and send every client through its HAProxy",
    )
    where.add_argument("--url", help="drive the app or balancer already running at this http(s) address")
    parser.add_argument(
        "--kill-replica-at",
        type=float,
        metavar="SECONDS",
        help="with --balancer: kill the busiest replica this many seconds into the moves (failover)",
    )
    parser.add_argument("--json", type=Path, help="also write the numbers to this file")
    args = parser.parse_args(argv)
    if not (1 <= args.clients <= 500 and 0 < args.duration <= 3600 and 1 <= args.replicas <= 16):
        parser.error("use 1..500 clients, 1..16 replicas and a duration of at most 3600 s")
    if args.kill_replica_at is not None and not (args.balancer and args.replicas >= 2):
        parser.error("--kill-replica-at needs --balancer and at least 2 replicas")
    if args.url and not args.url.startswith(("http://", "https://")):
        parser.error("--url takes an http:// or https:// address")
    # Behind a balancer a dropped websocket is reconnected, as the browser does; alone it is an error.
    args.reconnect = bool(args.balancer or args.url)
    return args


def start(server):
    """Start a LocalServer or a Serve; a server that does not start ends the run with its message."""
    try:
        return server.start()
    except RuntimeError as err:
        raise SystemExit(str(err)) from None


def main(argv: list[str] | None = None, serve: Serve | None = None) -> int:
    """Run the load test. ``serve``: with ``--balancer``, a serve.sh already started (the tests')."""
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv[:2] == ["--scenario", "class"]:  # a class question answered at once: scripts/loadtest_class.py
        from scripts import loadtest_class

        return loadtest_class.main(argv[2:])
    args = parse_args(argv)
    started: list = []
    try:
        if args.url:
            route_for, servers, warm = (lambda n: Browser(args.url)), Servers(), [args.url] * 2
        elif args.balancer:
            if serve is None:
                serve = Serve(args.replicas)
                started.append(start(serve))
            route_for, servers = (lambda n: Browser(serve.url)), Servers(serve=serve)
            warm = [f"http://{HOST}:{r.port}" for r in serve.replicas().values()]
        else:
            for number in range(args.replicas):
                log = Path(tempfile.gettempdir()) / f"loadtest-streamlit-{number + 1}.log"
                started.append(start(LocalServer(log_path=log)))
            routes = [Direct(s.url, f"p{n + 1}") for n, s in enumerate(started)]
            route_for = lambda n: routes[n % len(routes)]  # one server per client, as sticky sessions would
            servers = Servers(pids={f"p{n + 1}": s.pid for n, s in enumerate(started)})
            warm = [s.url for s in started]
        results, memory = asyncio.run(drive(args, route_for, servers, warm))
    finally:
        for server in started:
            server.stop()
    summary = report(results, memory, args)
    if args.json:
        args.json.write_text(json.dumps(summary, indent=2))
    if summary["errors"]:
        logs = [s.log_path for s in started] or ([serve.log_path] if serve else [])
        if logs:
            print(f"(server logs: {', '.join(map(str, logs))})")
        return 1
    return 0 if summary["verdict"] == "PASS" else 2


if __name__ == "__main__":
    sys.exit(main())
