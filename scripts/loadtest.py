"""A classroom at once: many Streamlit sessions moving sliders on one server, measured.

    .venv/bin/python scripts/loadtest.py [--clients 30] [--duration 60] [--think 1.0] [--replicas 1]
                                         [--pages dot-product,arrays] [--json out.json]

Starts the app on a free port on 127.0.0.1 (never any other address; ``--replicas N`` starts N
server processes and keeps each client on one of them, as a load balancer with sticky sessions
would), opens ``--clients``
websocket sessions spread over every registered page that has a main slider
(``app.registry.PAGES``, ``slider_key``), and lets each session move its page's main slider
for ``--duration`` seconds, waiting ``--think`` seconds on average between two moves (a student
pressing an arrow key about once a second). Every client stops at the deadline, the server is
stopped by its own process id, and the script prints:

- errors: connection failures, reruns without a finished script within ``--timeout`` seconds,
  scripts that did not finish successfully, and any exception element drawn on a page;
- latency of each move: from sending the widget change to the server's ``script_finished``
  message (median, p95, max), per page and overall;
- the first load of each session (the same measure for the first run of the page);
- the server's resident memory (VmRSS from ``/proc``) after start, before the clients (after a
  warm-up pass that opens each page once, as a teacher would; ``--no-warmup`` skips it), at its
  peak and at the end, and the server's CPU use (cores busy on average).

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
import json
import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ClientState_pb2 import ClientState
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState, WidgetStates
from websockets.asyncio.client import connect

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.registry import PAGES  # noqa: E402

ENTRY = ROOT / "app" / "main.py"
HOST = "127.0.0.1"  # the load goes to this machine only
FINISHED_OK = {ForwardMsg.FINISHED_SUCCESSFULLY, ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY}


@dataclass
class Slider:
    id: str
    value: float
    low: float
    high: float
    step: float


@dataclass
class Result:
    page: str
    load: float | None = None
    moves: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


# --- the server ---------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def start_server(port: int, log_path: Path) -> subprocess.Popen:
    """``python -m streamlit run app/main.py`` on ``HOST:port``; returns once /_stcore/health says ok."""
    log = open(log_path, "w")  # noqa: SIM115 (kept open for the server's life)
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            str(ENTRY),
            "--server.headless",
            "true",
            "--server.port",
            str(port),
            "--server.address",
            HOST,
            "--browser.gatherUsageStats",
            "false",
            "--server.fileWatcherType",
            "none",
        ],
        cwd=ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            with urllib.request.urlopen(f"http://{HOST}:{port}/_stcore/health", timeout=2) as response:
                if response.read().strip() == b"ok":
                    return proc
        except OSError:
            time.sleep(0.2)
    stop_server(proc)
    raise SystemExit(f"the app did not start on port {port}; see {log_path}")


def stop_server(proc: subprocess.Popen) -> None:
    """Stop the server we started, by its own process group id."""
    if proc.poll() is not None:
        return
    os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)


def rss_mb(pid: int) -> float:
    """Resident memory of process ``pid`` in MB (VmRSS from /proc)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of process ``pid`` so far, in seconds."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


# --- one client ---------------------------------------------------------------------------


class Session:
    """One browser tab, as far as the server can tell: a websocket speaking Streamlit's protocol."""

    def __init__(self, ws, page: str):
        self.ws = ws
        self.page = page
        self.query_string = ""
        self.sliders: dict[str, Slider] = {}

    async def run(self, widgets: list[WidgetState] | None, timeout: float) -> list[str]:
        """Ask for a rerun with ``widgets`` changed; wait for script_finished. Returns problems seen."""
        state = ClientState(query_string=self.query_string, page_name=self.page)
        if widgets:
            state.widget_states.CopyFrom(WidgetStates(widgets=widgets))
        await self.ws.send(BackMsg(rerun_script=state).SerializeToString())
        problems: list[str] = []
        async with asyncio.timeout(timeout):
            while True:
                raw = await self.ws.recv()
                msg = ForwardMsg()
                msg.ParseFromString(raw)
                kind = msg.WhichOneof("type")
                if kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
                    self._element(msg.delta.new_element, problems)
                elif kind == "page_info_changed":
                    self.query_string = msg.page_info_changed.query_string
                elif kind == "page_not_found":
                    problems.append(f"page not found: {self.page}")
                elif kind == "session_event" and msg.session_event.WhichOneof("type") == "script_compilation_exception":
                    problems.append("script compilation exception")
                elif kind == "script_finished":
                    if msg.script_finished not in FINISHED_OK:
                        problems.append(f"script finished with status {msg.script_finished}")
                    return problems

    def _element(self, element, problems: list[str]) -> None:
        kind = element.WhichOneof("type")
        if kind == "exception":
            problems.append(f"exception on the page: {element.exception.type}: {element.exception.message}")
        elif kind == "slider":
            s = element.slider
            key = s.id.rsplit("-", 1)[-1]
            value = s.value[0] if s.value else (s.default[0] if s.default else s.min)
            self.sliders[key] = Slider(s.id, value, s.min, s.max, s.step or 1.0)


def next_value(slider: Slider, rng: random.Random) -> float:
    """One to three steps left or right, turning back at the ends, as arrow keys would."""
    steps = rng.randint(1, 3) * rng.choice((-1, 1))
    value = slider.value + steps * slider.step
    if value > slider.high or value < slider.low:
        value = slider.value - steps * slider.step
    value = min(max(value, slider.low), slider.high)
    return round(value, 10)


async def client(
    number: int, url: str, page: str, key: str, start_at: float, deadline: float, args, rng: random.Random
) -> Result:
    result = Result(page)
    await asyncio.sleep(max(0.0, start_at - time.monotonic()))
    try:
        async with connect(url, subprotocols=["streamlit"], max_size=None, open_timeout=args.timeout) as ws:
            session = Session(ws, page)
            started = time.perf_counter()
            result.errors += await session.run(None, args.timeout)
            result.load = time.perf_counter() - started
            slider = session.sliders.get(key)
            if slider is None:
                result.errors.append(f"client {number}: no slider with key {key!r} on {page}")
                return result
            while time.monotonic() < deadline:
                await asyncio.sleep(min(rng.uniform(0.5, 1.5) * args.think, max(0.0, deadline - time.monotonic())))
                if time.monotonic() >= deadline:
                    break
                slider.value = next_value(slider, rng)
                change = WidgetState(id=slider.id)
                change.double_array_value.data.append(slider.value)
                started = time.perf_counter()
                problems = await session.run([change], args.timeout)
                result.moves.append(time.perf_counter() - started)
                result.errors += [f"client {number} ({page}, {key}={slider.value}): {p}" for p in problems]
    except TimeoutError:
        result.errors.append(f"client {number} ({page}): no script_finished within {args.timeout} s")
    except Exception as err:  # a dropped connection or a refused handshake is an error to report
        result.errors.append(f"client {number} ({page}): {type(err).__name__}: {err}")
    return result


# --- the run ------------------------------------------------------------------------------


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def total(measure, pids: list[int]) -> float:
    return sum(measure(pid) for pid in pids)


async def drive(args, urls: list[str], pids: list[int]) -> tuple[list[Result], dict]:
    chosen = set(filter(None, args.pages.split(",")))
    specs = [s for s in PAGES if s.slider_key and (not chosen or s.url_path in chosen)]
    if not specs:
        raise SystemExit("no registered page with a slider_key matches --pages")
    rng = random.Random(args.seed)
    memory = {"started": total(rss_mb, pids)}
    if args.warmup:
        # As a teacher would before class: open each page once and move its slider, so imports,
        # st.cache_data and plotly's first use are paid before the measured sessions arrive.
        for spec, url in ((spec, url) for url in urls for spec in specs):
            async with connect(url, subprotocols=["streamlit"], max_size=None, open_timeout=args.timeout) as ws:
                warm = Session(ws, spec.url_path)
                await warm.run(None, 60)
                slider = warm.sliders.get(spec.slider_key)
                if slider:
                    change = WidgetState(id=slider.id)
                    change.double_array_value.data.append(next_value(slider, rng))
                    await warm.run([change], 60)
        await asyncio.sleep(1)
    memory["before"] = total(rss_mb, pids)
    samples: list[float] = []
    cpu_start, wall_start = total(cpu_seconds, pids), time.monotonic()
    begin = time.monotonic() + 0.5
    deadline = begin + args.ramp + args.duration
    tasks = []
    for number in range(args.clients):
        spec = specs[number % len(specs)]
        start_at = begin + args.ramp * number / max(1, args.clients)
        url = urls[number % len(urls)]  # a load balancer with sticky sessions: one replica per client
        tasks.append(
            asyncio.create_task(
                client(
                    number, url, spec.url_path, spec.slider_key, start_at, deadline, args, random.Random(rng.random())
                )
            )
        )

    async def sample_memory():
        while not all(t.done() for t in tasks):
            samples.append(total(rss_mb, pids))
            await asyncio.sleep(0.5)

    sampler = asyncio.create_task(sample_memory())
    # Bounded in time: every client stops at the deadline; a stuck one is cancelled after a grace.
    done, pending = await asyncio.wait(tasks, timeout=args.ramp + args.duration + args.timeout + 15)
    for task in pending:
        task.cancel()
    await sampler
    results = [t.result() for t in done]
    results += [Result("?", errors=["client cancelled at the hard deadline"]) for _ in pending]
    memory["peak"] = max(samples, default=float("nan"))
    memory["end"] = total(rss_mb, pids)
    memory["cpu_cores"] = (total(cpu_seconds, pids) - cpu_start) / (time.monotonic() - wall_start)
    return results, memory


def report(results: list[Result], memory: dict, args) -> dict:
    pages: dict[str, list[Result]] = {}
    for r in results:
        pages.setdefault(r.page, []).append(r)
    rows = []
    print(
        f"{args.clients} clients on {args.replicas} server process{'es' if args.replicas > 1 else ''}, "
        f"{args.duration:.0f} s of slider moves (think time ~{args.think} s, "
        f"ramp-up {args.ramp:.0f} s), {os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f}\n"
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
    per_session = (memory["peak"] - memory["before"]) / max(1, args.clients)
    print(
        f"\nserver memory (VmRSS): {memory['started']:.0f} MB after start, "
        f"{memory['before']:.0f} MB before the clients, {memory['peak']:.0f} MB "
        f"at the peak, {memory['end']:.0f} MB at the end; {per_session:.1f} MB per session"
    )
    print(
        f"server CPU: {memory['cpu_cores']:.2f} cores busy on average; "
        f"{len(everything.moves) / max(1e-9, args.duration):.1f} moves per second served"
    )
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
        "memory": memory,
        "per_session_mb": per_session,
        "errors": everything.errors[:100],
        "settings": {
            k: getattr(args, k) for k in ("clients", "replicas", "duration", "think", "ramp", "pages", "seed", "warmup")
        },
        "cores": os.cpu_count(),
        "verdict": verdict,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
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
        help="measure a cold server (by default each page is opened once before the clients)",
    )
    parser.add_argument("--target-p95", type=float, default=300.0, help="ms (default 300)")
    parser.add_argument(
        "--replicas",
        type=int,
        default=1,
        help="server processes, each client kept on one of them as sticky sessions would (default 1)",
    )
    parser.add_argument("--json", type=Path, help="also write the numbers to this file")
    args = parser.parse_args(argv)
    if not (1 <= args.clients <= 500 and 0 < args.duration <= 3600 and 1 <= args.replicas <= 16):
        parser.error("use 1..500 clients, 1..16 replicas and a duration of at most 3600 s")

    ports = [free_port() for _ in range(args.replicas)]
    log_path = Path(tempfile.gettempdir()) / f"loadtest-streamlit-{ports[0]}.log"
    procs = []
    try:
        for port in ports:
            procs.append(start_server(port, log_path.with_name(f"loadtest-streamlit-{port}.log")))
        urls = [f"ws://{HOST}:{port}/_stcore/stream" for port in ports]
        results, memory = asyncio.run(drive(args, urls, [proc.pid for proc in procs]))
    finally:
        for proc in procs:
            stop_server(proc)
    summary = report(results, memory, args)
    if args.json:
        args.json.write_text(json.dumps(summary, indent=2))
    if summary["errors"]:
        print(f"(server log: {log_path})")
        return 1
    return 0 if summary["verdict"] == "PASS" else 2


if __name__ == "__main__":
    sys.exit(main())
