"""Two replicas behind the balancer, started as a school starts them: ``bash scripts/serve.sh
--replicas 2`` (HAProxy from deploy/haproxy.cfg.template) on a free port of 127.0.0.1, through
``scripts/loadtest``'s ``Serve``; the clients are the load test's, which speak the browser's
protocol and keep the balancer's cookies.

- 30 websocket clients for 20 s through the balancer (``LOADTEST_LONG=1``: 60 s): no error, each
  client served by one replica from its first request to its last, both replicas used;
- an upload through the balancer reaches the replica that holds the session (the same upload
  sent to the other replica is refused);
- failover: a replica killed by its pid mid-run; its clients reconnect through the balancer to
  the other one, rerun their page from its URL and show the same figures; the other clients see
  nothing; the replica serve.sh starts again takes new sessions;
- SIGTERM to serve.sh alone stops every process it started.

    .venv/bin/python -m pytest -m balancer       # about 70 s on 2 cores; LOADTEST_LONG=1: 110 s
"""

from __future__ import annotations

import asyncio
import json
import os
import secrets
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest
import yaml
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.Common_pb2 import FileURLsRequest, UploadedFileInfo
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState

from app.registry import ROOT
from scripts import loadtest
from scripts.app_driver import in_own_thread

pytestmark = pytest.mark.balancer
LONG = os.environ.get("LOADTEST_LONG") == "1"
# The lesson pages whose first load is quick: these tests are about the balancer, not about a page
# (iris and neural-network train models on their first load: seconds on a cold replica).
PAGES = "arrays,broadcasting,dot-product,outer-product,matrix-multiplication,linear-regression,logistic-regression"


def alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    serve = loadtest.Serve(2, log_path=tmp_path_factory.mktemp("serve") / "serve.log")
    try:
        serve.start()
    except RuntimeError as err:
        pytest.fail(str(err))
    yield serve
    serve.stop()


def run_loadtest(served, tmp_path, capsys, *argv: str) -> dict:
    out = tmp_path / "loadtest.json"
    status = in_own_thread(
        loadtest.main,
        [
            "--balancer",
            "--replicas",
            "2",
            "--pages",
            PAGES,
            "--timeout",
            "60",
            "--target-p95",
            "1e9",
            "--json",
            str(out),
        ]
        + list(argv),
        serve=served,
    )
    printed = capsys.readouterr().out
    assert status == 0, printed + "\n" + served.log()[-3000:]
    return json.loads(out.read_text())


def test_thirty_clients_each_stay_on_one_replica(served, tmp_path, capsys):
    duration = 60 if LONG else 20
    summary = run_loadtest(served, tmp_path, capsys, "--clients", "30", "--duration", str(duration), "--no-warmup")
    assert summary["errors"] == []
    assert sorted(summary["clients_per_replica"]) == ["r1", "r2"]
    assert min(summary["clients_per_replica"].values()) >= 10  # leastconn spreads the new browsers
    for client in summary["clients"]:
        # the page, the websocket handshake and a request at the end: one replica, named by X-Replica
        assert len(client["replicas"]) == 3 and len(set(client["replicas"])) == 1, client
        assert client["reconnects_s"] == []
    assert summary["rows"][-1]["moves"] >= 30  # the load ran (how fast depends on the machine)


def multipart(name: str, content: bytes) -> tuple[bytes, str]:
    boundary = f"explainer{secrets.token_hex(8)}"
    head = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{name}"\r\n'
        "Content-Type: text/csv\r\n\r\n"
    ).encode()
    return head + content + f"\r\n--{boundary}--\r\n".encode(), f"multipart/form-data; boundary={boundary}"


def test_an_upload_reaches_the_replica_that_holds_the_session(served):
    csv = b"x,y\n1,3\n2,5\n3,7\n4,9\n5,11\n"  # on the line y = 2x + 1: the best MSE is 0

    async def scenario():
        browser = loadtest.Browser(served.url)
        page_replica = await browser.request("/linear-regression")
        await browser.request("/_stcore/health")  # as the frontend does: it sets the XSRF cookie
        ws, ws_replica = await browser.connect(60)
        async with ws:
            session = loadtest.Session(ws, "linear-regression")
            assert await session.run(None, 60) == []
            before = dict(session.figures)
            request = FileURLsRequest(request_id="1", file_names=["points.csv"], session_id=session.session_id)
            await ws.send(BackMsg(file_urls_request=request).SerializeToString())
            while True:
                msg = ForwardMsg()
                msg.ParseFromString(await ws.recv())
                if msg.WhichOneof("type") == "file_urls_response":
                    (urls,) = msg.file_urls_response.file_urls
                    break
            body, content_type = multipart("points.csv", csv)
            headers = {"Content-Type": content_type, "X-Xsrftoken": browser.cookies["_streamlit_xsrf"]}
            # The same upload pinned to the other replica (its cookie value): refused there.
            other = next(name for name in served.replicas() if name != ws_replica)
            elsewhere = browser.with_cookie("SERVERID", other)
            refused = await asyncio.to_thread(elsewhere.fetch, urls.upload_url, "PUT", body, headers)
            accepted = await asyncio.to_thread(browser.fetch, urls.upload_url, "PUT", body, headers)
            state = WidgetState(id=session.uploaders["upload"])
            state.file_uploader_state_value.uploaded_file_info.append(
                UploadedFileInfo(file_id=urls.file_id, name="points.csv", size=len(csv), file_urls=urls)
            )
            problems = await session.run([state], 60)
            return page_replica, ws_replica, other, refused, accepted, problems, before, session

    page_replica, ws_replica, other, refused, accepted, problems, before, session = in_own_thread(
        asyncio.run, scenario()
    )
    assert page_replica == ws_replica
    assert refused[:2] == (400, other) and b"sticky sessions" in refused[2]
    assert accepted[:2] == (204, ws_replica)
    assert problems == []
    after = dict(session.figures)
    assert float(before["best MSE"]) > 0 and float(after["best MSE"]) == 0, (before, after)
    assert "data=" in session.query_string  # the uploaded points are in the page's URL


def test_failover_moves_a_dead_replicas_clients_and_the_restarted_one_takes_new_sessions(served, tmp_path, capsys):
    summary = run_loadtest(
        served, tmp_path, capsys, "--clients", "12", "--duration", "12", "--ramp", "2", "--kill-replica-at", "4"
    )
    failover = summary["memory"]["failover"]
    killed, pid = failover["replica"], failover["pid"]
    (survivor,) = [name for name in served.replicas() if name != killed]
    moved = [c for c in summary["clients"] if c["replicas"][0] == killed]
    stayed = [c for c in summary["clients"] if c["replicas"][0] == survivor]
    assert moved and stayed and len(moved) + len(stayed) == 12
    for client in moved:  # reconnected once, through the balancer, to the survivor, same figures
        assert loadtest.runs_of(client["replicas"]) == [killed, survivor], client
        assert len(client["reconnects_s"]) == 1 and client["reconnects_s"][0] < 10, client
    for client in stayed:
        assert set(client["replicas"]) == {survivor} and client["reconnects_s"] == [], client
    assert not alive(pid)

    restarted = served.wait_restarted(killed, pid)
    assert restarted.pid != pid and alive(restarted.pid)

    async def new_sessions_until_one_lands_on(name: str, tries: int = 40):
        seen = []
        for _ in range(tries):
            browser = loadtest.Browser(served.url)
            await browser.request("/dot-product")
            ws, replica = await browser.connect(60)
            async with ws:
                session = loadtest.Session(ws, "dot-product")
                problems = await session.run(None, 60)
            seen.append(replica)
            if replica == name:
                return seen, problems, session.figures
            await asyncio.sleep(0.5)  # HAProxy takes the replica back after two good health checks
        return seen, None, None

    seen, problems, figures = in_own_thread(asyncio.run, new_sessions_until_one_lands_on(killed))
    assert seen[-1] == killed, seen
    assert problems == [] and figures


def test_the_compose_file_renders_the_same_template_into_a_valid_haproxy_config(served, tmp_path):
    """compose's balancer command, run here on the repository's template (serve.sh installed haproxy)."""
    haproxy = shutil.which("haproxy") or "/usr/sbin/haproxy"
    balancer = yaml.safe_load((ROOT / "deploy" / "compose.yaml").read_text())["services"]["balancer"]
    mounted = balancer["volumes"][0].split(":")[1]
    command = (
        balancer["command"][0]
        .replace("$$", "$")  # compose's escape for a literal $
        .replace(mounted, str(ROOT / "deploy" / "haproxy.cfg.template"))
        .replace("/tmp/haproxy.cfg", str(tmp_path / "haproxy.cfg"))
        .replace("exec haproxy -db", f"{haproxy} -c")
    )
    checked = subprocess.run(
        ["/bin/sh", "-c", command], env={**os.environ, **balancer["environment"]}, capture_output=True, text=True
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
    rendered = (tmp_path / "haproxy.cfg").read_text()
    assert "server-template app 1-8 app:8501" in rendered
    assert "@@SERVERS@@" not in [line.strip() for line in rendered.splitlines()]


def test_sigterm_to_serve_sh_stops_every_process_it_started(served):
    deadline = time.monotonic() + 60  # a replica killed above may still be starting again
    while not all(alive(r.pid) for r in served.replicas().values()) and time.monotonic() < deadline:
        time.sleep(0.2)
    started = [replica.pid for replica in served.replicas().values()] + [served.balancer_pid()]
    assert all(alive(pid) for pid in started), served.log()[-3000:]
    os.kill(served.proc.pid, signal.SIGTERM)  # serve.sh alone, not its process group: its trap stops the rest
    served.proc.wait(timeout=30)
    deadline = time.monotonic() + 15
    while any(alive(pid) for pid in started) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert [pid for pid in started if alive(pid)] == []
