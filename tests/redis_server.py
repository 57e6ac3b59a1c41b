"""A real ``redis-server`` (Debian's package) on a free loopback port with its own temporary folder.

Used by the store tests and the class tests; a missing ``redis-server`` is a failure, never a skip:
``bash scripts/setup.sh --test`` installs it.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import tempfile
import time

from scripts.local_server import free_port

REDIS_SERVER = shutil.which("redis-server") or "/usr/sbin/redis-server"


class RedisServer:
    def __init__(self):
        self.port = free_port()
        self.dir = tempfile.TemporaryDirectory(prefix="explainer-redis-")
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self, timeout: float = 20) -> RedisServer:
        if not shutil.which(REDIS_SERVER):
            raise RuntimeError(
                "redis-server is missing: run `bash scripts/setup.sh --test`, which installs Debian's redis-server"
            )
        self.process = subprocess.Popen(
            [
                REDIS_SERVER,
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--dir",
                self.dir.name,
                "--save",
                "",
                "--appendonly",
                "no",
                "--daemonize",
                "no",
                "--protected-mode",
                "yes",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"redis-server exited with status {self.process.returncode}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1) as s:
                    s.sendall(b"PING\r\n")
                    if s.recv(16).startswith(b"+PONG"):
                        return self
            except OSError:
                time.sleep(0.05)
        self.stop()
        raise RuntimeError(f"redis-server did not answer on port {self.port} within {timeout} s")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.dir.cleanup()
