"""The one way to start the app (or any Streamlit script) on loopback and stop it again.

Used by the tests (``tests/conftest.py``), ``scripts/benchmark.py`` and the load test (``scripts/loadtest/``).
The server runs in its own process group, so stopping it stops everything it started.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ENTRY = ROOT / "app" / "main.py"
HOST = "127.0.0.1"


def free_port() -> int:
    """A TCP port on loopback that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def wait_healthy(url: str, proc: subprocess.Popen | None = None, timeout: float = 60) -> bool:
    """Poll ``url/_stcore/health`` until it answers ``ok``; False if ``proc`` died or time ran out."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and (proc is None or proc.poll() is None):
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.read().strip() == b"ok":
                    return True
        except OSError:
            pass
        time.sleep(0.2)
    return False


class LocalServer:
    """``python -m streamlit run <script>`` on ``HOST:port``, from the repository root.

    >>> server = LocalServer(port=8599)
    >>> server.url
    'http://127.0.0.1:8599'
    """

    def __init__(
        self,
        script: Path = ENTRY,
        *,
        port: int | None = None,
        log_path: Path | None = None,
        extra_args: tuple[str, ...] = (),
        env: dict[str, str] | None = None,
    ):
        self.script, self.port = Path(script), port or free_port()
        self.log_path, self.extra_args, self.env = log_path, extra_args, env
        self.proc: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}"

    @property
    def pid(self) -> int:
        assert self.proc is not None, "the server is not started"
        return self.proc.pid

    def start(self, timeout: float = 60) -> LocalServer:
        """Start the server and return once it is healthy; raise RuntimeError if it is not."""
        with open(self.log_path, "w") if self.log_path else open(os.devnull, "w") as log:
            self.proc = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "streamlit",
                    "run",
                    str(self.script),
                    "--server.headless",
                    "true",
                    "--server.port",
                    str(self.port),
                    "--server.address",
                    HOST,
                    "--browser.gatherUsageStats",
                    "false",
                    "--server.fileWatcherType",
                    "none",
                    *self.extra_args,
                ],
                cwd=ROOT,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
                env={**os.environ, **(self.env or {})},
            )
        if not wait_healthy(self.url, self.proc, timeout):
            self.stop()
            raise RuntimeError(
                f"{self.script.name} did not start on port {self.port}"
                + (f"; see {self.log_path}" if self.log_path else "")
            )
        return self

    def stop(self) -> None:
        """Stop the server by its own process group id (SIGTERM, then SIGKILL after 10 s)."""
        if self.proc is None or self.proc.poll() is not None:
            return
        os.killpg(self.proc.pid, signal.SIGTERM)
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(timeout=10)

    def __enter__(self) -> LocalServer:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()
