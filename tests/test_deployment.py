"""Deployment: the Dockerfile's promises, and the image's files serving every page on their own.

Docker cannot run in the test environment, so the image is checked from the outside: the
Dockerfile's instructions are read, and the files it copies are served from a bare folder
and answered through the Dockerfile's own health check.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import importlib.util
import re
import shlex
import shutil
import subprocess
import sys
import time

from app.registry import PAGES, ROOT
from scripts.local_server import free_port

DOCKERFILE = (ROOT / "Dockerfile").read_text()
spec = importlib.util.spec_from_file_location("loadtest", ROOT / "scripts" / "loadtest.py")
loadtest = importlib.util.module_from_spec(spec)
sys.modules["loadtest"] = loadtest  # its dataclasses look their module up there
spec.loader.exec_module(loadtest)


def in_own_thread(function, *args):
    """Run ``function`` in a thread of its own: Playwright's browser tests leave an event loop
    running in the main thread, where ``asyncio.run`` refuses to start another."""
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(function, *args).result()


def instructions(name: str) -> list[str]:
    """The arguments of every ``name`` instruction, continuation lines joined."""
    text = re.sub(r"\\\n\s*", " ", DOCKERFILE)
    return [line.split(None, 1)[1] for line in text.splitlines() if line.split(None, 1)[:1] == [name]]


def test_dockerfile_is_slim_python_311_non_root_with_a_health_check():
    assert instructions("FROM") == ["python:3.11-slim"]
    users = instructions("USER")
    assert users and users[-1] not in ("root", "0")
    (health,) = instructions("HEALTHCHECK")
    assert "/_stcore/health" in health
    assert "requirements.txt" in " ".join(instructions("COPY")) and "requirements-test" not in DOCKERFILE


def copied_folders() -> list[str]:
    return [shlex.split(args)[-2].rstrip("/") for args in instructions("COPY") if args.endswith("/")]


def test_the_images_files_alone_serve_every_page(tmp_path):
    """Only what the Dockerfile copies, started as its CMD starts it, answers its health check."""
    for folder in copied_folders():
        shutil.copytree(ROOT / folder, tmp_path / folder)
    assert {"app", "core", "pages", ".streamlit"} <= set(copied_folders())
    port = free_port()
    cmd = shlex.split(instructions("CMD")[0].replace("[", "").replace("]", "").replace(",", " "))
    cmd = [sys.executable if part == "python" else part for part in cmd]
    cmd = [
        f"--server.port={port}"
        if part.startswith("--server.port")
        else "--server.address=127.0.0.1"
        if part.startswith("--server.address")
        else part
        for part in cmd
    ]
    proc = subprocess.Popen(
        cmd + ["--server.headless=true"],
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        health = instructions("HEALTHCHECK")[0].split(" CMD ", 1)[1].replace("8501", str(port))
        health_cmd = [sys.executable if part == "python" else part for part in shlex.split(health)]
        for _ in range(150):
            if subprocess.run(health_cmd, capture_output=True).returncode == 0:
                break
            assert proc.poll() is None, "the server stopped"
            time.sleep(0.2)
        else:
            raise AssertionError("the health check never passed")

        async def open_every_page() -> dict[str, list[str]]:
            problems = {}
            for page in PAGES:
                async with loadtest.connect(
                    f"ws://127.0.0.1:{port}/_stcore/stream", subprotocols=["streamlit"], max_size=None
                ) as ws:
                    problems[page.url_path or "home"] = await loadtest.Session(ws, page.url_path).run(None, 60)
            return problems

        problems = in_own_thread(asyncio.run, open_every_page())
        assert all(not found for found in problems.values()), problems
    finally:
        loadtest.stop_server(proc)


def test_a_fresh_server_takes_a_classrooms_first_loads_at_once(capsys):
    """Eight sessions arrive together on a cold server (no warm-up), move sliders, and meet no error.

    The full measurement, 30 sessions for a minute, is ``scripts/loadtest.py`` (see the README).
    """
    status = in_own_thread(
        loadtest.main,
        ["--clients", "8", "--duration", "4", "--ramp", "0", "--no-warmup", "--target-p95", "1e9", "--timeout", "60"],
    )
    assert status == 0, capsys.readouterr().out
