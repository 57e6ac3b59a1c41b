"""Deployment: the Dockerfile's promises, the image's files serving every page on their own, and
the promises of the compose file and the Kubernetes manifests.

Docker and Kubernetes cannot run in the test environment, so the image is checked from the
outside: the Dockerfile's instructions are read, and the files it copies are served from a bare
folder and answered through the Dockerfile's own health check. The compose file and the
manifests are read as YAML. The balancer itself runs in tests/test_balancer.py.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
import time

import yaml

from app.registry import PAGES, ROOT
from scripts import loadtest
from scripts.app_driver import in_own_thread
from scripts.local_server import free_port

DOCKERFILE = (ROOT / "Dockerfile").read_text()


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
        os.killpg(proc.pid, signal.SIGTERM)  # the server's own process group, started above
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=10)


def test_a_fresh_server_takes_a_classrooms_first_loads_at_once(capsys, tmp_path):
    """Eight sessions arrive together on a cold server (no warm-up), load their pages, move sliders
    until the deadline, and meet no error. On a busy machine the first loads may take the whole
    run, so moves are not required; an error, or a page that never loads, fails.

    The full measurement, 30 sessions for a minute, is ``python -m scripts.loadtest`` (see the README).
    """
    out = tmp_path / "loadtest.json"
    status = in_own_thread(
        loadtest.main,
        ["--clients", "8", "--duration", "4", "--ramp", "0", "--no-warmup", "--target-p95", "1e9", "--timeout", "60"]
        + ["--json", str(out)],
    )
    summary = json.loads(out.read_text())
    assert summary["errors"] == [], capsys.readouterr().out
    assert all(row["load_median_ms"] is not None for row in summary["rows"]), capsys.readouterr().out
    assert status in (0, 2)  # 2: no move finished in time (p95 undefined), never an error


# --- compose and Kubernetes ----------------------------------------------------------------

DEPLOY = ROOT / "deploy"


def k8s(kind: str) -> dict:
    """The app's one manifest of this kind in deploy/k8s (redis.yaml, the class store, aside)."""
    found = [
        doc
        for path in sorted((DEPLOY / "k8s").glob("*.yaml"))
        if path.name != "redis.yaml"
        for doc in yaml.safe_load_all(path.read_text())
    ]
    (manifest,) = [doc for doc in found if doc and doc.get("kind") == kind]
    return manifest


def test_compose_runs_replicas_of_the_image_behind_serve_shs_balancer_config():
    compose = yaml.safe_load((DEPLOY / "compose.yaml").read_text())
    app, balancer = compose["services"]["app"], compose["services"]["balancer"]
    assert app["build"]["context"] == ".." and (DEPLOY / ".." / "Dockerfile").exists()
    assert app["deploy"]["replicas"] >= 2
    assert "STREAMLIT_SERVER_COOKIE_SECRET" in app["environment"]
    assert "${STREAMLIT_SERVER_COOKIE_SECRET:?" in app["environment"]["STREAMLIT_SERVER_COOKIE_SECRET"]
    assert app["restart"] == "unless-stopped"
    assert balancer["image"].startswith("haproxy:2.6")
    assert balancer["depends_on"]["app"]["condition"] == "service_healthy"
    # The same template serve.sh renders, with the server line for the compose service.
    source, target = balancer["volumes"][0].split(":")[:2]
    assert (DEPLOY / source).resolve() == DEPLOY / "haproxy.cfg.template"
    command = balancer["command"][0]
    assert target in command and "@@SERVERS@@" in command and "app:8501" in command
    assert balancer["ports"] == ["8501:8501"] and balancer["environment"]["BALANCER_BIND"] == ":8501"


def test_the_balancer_template_keeps_its_promises():
    template = (DEPLOY / "haproxy.cfg.template").read_text()
    lines = {line.strip() for line in template.splitlines()}
    assert "cookie SERVERID insert indirect nocache httponly dynamic" in lines
    assert "option redispatch" in lines
    assert "option httpchk GET /_stcore/health" in lines and "http-check expect string ok" in lines
    assert "timeout check 5s" in lines  # a busy replica answers late: not a reason to take it out
    assert "timeout tunnel 2h" in lines  # a websocket may idle for a lesson
    assert "http-response set-header X-Replica %s" in lines
    assert "@@SERVERS@@" in lines
    assert not any(line.startswith(("chroot", "user ", "group ", "daemon", "pidfile")) for line in lines)
    # docs/deployment.md shows the file as it is
    assert f"```haproxy\n{template}```" in (ROOT / "docs" / "deployment.md").read_text()


def test_kubernetes_probes_secret_and_sticky_websocket_ingress():
    deployment, service, ingress = k8s("Deployment"), k8s("Service"), k8s("Ingress")
    assert deployment["spec"]["replicas"] >= 2
    (container,) = deployment["spec"]["template"]["spec"]["containers"]
    assert container["ports"] == [{"name": "http", "containerPort": 8501}]
    for probe in ("readinessProbe", "livenessProbe"):
        assert container[probe]["httpGet"] == {"path": "/_stcore/health", "port": 8501}, probe
        assert container[probe]["timeoutSeconds"] >= 5, probe  # a busy replica answers late
    (secret,) = [e for e in container["env"] if e["name"] == "STREAMLIT_SERVER_COOKIE_SECRET"]
    assert set(secret["valueFrom"]) == {"secretKeyRef"}  # from a Secret, never written here
    assert deployment["spec"]["template"]["spec"]["securityContext"]["runAsNonRoot"] is True
    labels = deployment["spec"]["template"]["metadata"]["labels"]
    assert service["spec"]["selector"] == labels and service["spec"]["ports"][0]["targetPort"] == "http"
    notes = ingress["metadata"]["annotations"]
    assert notes["nginx.ingress.kubernetes.io/affinity"] == "cookie"
    assert notes["nginx.ingress.kubernetes.io/session-cookie-change-on-failure"] == "true"
    assert int(notes["nginx.ingress.kubernetes.io/proxy-read-timeout"]) >= 3600
    assert int(notes["nginx.ingress.kubernetes.io/proxy-send-timeout"]) >= 3600
    (path,) = ingress["spec"]["rules"][0]["http"]["paths"]
    assert path["backend"]["service"]["name"] == service["metadata"]["name"]
    kustomization = k8s("Kustomization")
    assert sorted(kustomization["resources"]) == ["deployment.yaml", "ingress.yaml", "redis.yaml", "service.yaml"]
