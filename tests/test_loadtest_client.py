"""The load test's browser keeps cookies as a browser does (``scripts/loadtest/client.py``'s ``Browser``).

Against a small HTTP server and a small websocket server on loopback (no app, no balancer): the
cookies set on a page, on an error answer and on the websocket handshake are all kept by the
``http.cookiejar`` jar and sent back with later requests and handshakes; ``X-Replica`` is read from
both; ``with_cookie`` pins another replica without touching the first browser. The same browser
through serve.sh's HAProxy is tests/test_balancer.py.
"""

from __future__ import annotations

import asyncio
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from websockets.asyncio.server import serve

from scripts.app_driver import in_own_thread
from scripts.loadtest import Browser


class Answers(BaseHTTPRequestHandler):
    """``/page`` sets SERVERID, ``/missing`` answers 404 with a cookie; every answer echoes the
    Cookie header it received in its body and names replica r1."""

    seen: list[str] = []

    def do_GET(self):
        cookie = self.headers.get("Cookie", "")
        Answers.seen.append(cookie)
        status = 404 if self.path == "/missing" else 200
        self.send_response(status)
        self.send_header("X-Replica", "r1")
        if self.path == "/page":
            self.send_header("Set-Cookie", "SERVERID=r1; path=/; HttpOnly")
        if self.path == "/missing":
            self.send_header("Set-Cookie", "_streamlit_xsrf=t0k3n; Path=/")
        body = cookie.encode()
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):  # quiet
        pass


@pytest.fixture
def http_server():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Answers)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    Answers.seen = []
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()
    thread.join(timeout=10)


def test_cookies_of_pages_and_error_answers_are_sent_back(http_server):
    browser = Browser(http_server + "/")
    assert browser.fetch("/page") == (200, "r1", b"")
    status, replica, body = browser.fetch("/missing")
    assert (status, replica, body) == (404, "r1", b"SERVERID=r1")  # an error answer, its cookie kept too
    assert browser.fetch("/again")[2] == b"SERVERID=r1; _streamlit_xsrf=t0k3n"
    assert browser.cookies == {"SERVERID": "r1", "_streamlit_xsrf": "t0k3n"}

    pinned = browser.with_cookie("SERVERID", "r2")
    assert pinned.fetch("/again")[2] == b"SERVERID=r2; _streamlit_xsrf=t0k3n"
    assert browser.fetch("/again")[2] == b"SERVERID=r1; _streamlit_xsrf=t0k3n"  # the first one unchanged
    with pytest.raises(KeyError, match="no cookie 'NOPE'"):
        browser.with_cookie("NOPE", "x")
    assert Browser(http_server).fetch("/again")[2] == b""  # another browser has none of them


def test_cookies_of_the_websocket_handshake_are_kept_and_sent_with_the_next_one():
    received: list[str] = []

    def answer(connection, request, response):
        received.append(request.headers.get("Cookie", ""))
        response.headers["X-Replica"] = f"r{len(received)}"
        if len(received) == 1:
            response.headers["Set-Cookie"] = "SERVERID=r1; path=/"
        return response

    async def echo(ws):
        async for message in ws:
            await ws.send(message)

    async def scenario():
        async with serve(echo, "127.0.0.1", 0, process_response=answer) as server:
            port = server.sockets[0].getsockname()[1]
            browser = Browser(f"http://127.0.0.1:{port}")
            replicas = []
            for _ in range(2):
                ws, replica = await browser.connect(10)
                async with ws:
                    await ws.send(b"ping")
                    assert await ws.recv() == b"ping"
                replicas.append(replica)
            return replicas, browser.cookies

    replicas, cookies = in_own_thread(asyncio.run, scenario())
    assert replicas == ["r1", "r2"]
    assert received == ["", "SERVERID=r1"]
    assert cookies == {"SERVERID": "r1"}
