"""The servers a load test drives: serve.sh's balancer and replicas, and what ``/proc`` says of them.

``Serve`` starts ``bash scripts/serve.sh --replicas N`` (HAProxy in front of N app processes) as a
school starts it; ``Servers`` names the processes measured (replicas and balancer) by their pids;
``rss_mb`` and ``cpu_seconds`` read a process's memory and CPU time from ``/proc``. Single app
processes are ``scripts/local_server.py``'s ``LocalServer``.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from scripts.local_server import HOST, free_port, wait_healthy

ROOT = Path(__file__).resolve().parents[2]


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


def start(server):
    """Start a LocalServer or a Serve; a server that does not start ends the run with its message."""
    try:
        return server.start()
    except RuntimeError as err:
        raise SystemExit(str(err)) from None


class Servers:
    """The processes measured: {name: pid} now (a restarted replica has a new pid) and the balancer.

    >>> Servers(pids={"p1": 10}).replicas(), Servers(pids={"p1": 10}).balancer(), Servers().measured()
    ({'p1': 10}, None, False)
    """

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

    def memory(self) -> dict[str, float]:
        """Resident MB of each replica by name, and of the balancer as ``balancer``."""
        now = {name: rss_mb(pid) for name, pid in self.replicas().items()}
        if self.balancer():
            now["balancer"] = rss_mb(self.balancer())
        return now

    def cpu(self) -> dict[int, float]:
        """CPU seconds used so far by each process measured, by pid."""
        pids = list(self.replicas().values()) + ([self.balancer()] if self.balancer() else [])
        return {pid: cpu_seconds(pid) for pid in pids}


def rss_mb(pid: int) -> float:
    """Resident memory of process ``pid`` in MB (VmRSS from /proc); 0 for a process that is gone.

    >>> rss_mb(os.getpid()) > 1, rss_mb(2**22 + 1)
    (True, 0.0)
    """
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of process ``pid`` so far, in seconds (0 for a process that is gone).

    >>> sum(range(10**6)) > 0 and cpu_seconds(os.getpid()) > 0, cpu_seconds(2**22 + 1)
    (True, 0.0)
    """
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
