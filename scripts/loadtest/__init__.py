"""A classroom at once: many Streamlit sessions moving sliders, measured.

    .venv/bin/python -m scripts.loadtest [--clients 30] [--duration 60] [--think 1.0] [--replicas 1]
                                         [--balancer | --url URL] [--kill-replica-at SECONDS]
                                         [--pages dot-product,arrays] [--json out.json]
    .venv/bin/python -m scripts.loadtest --scenario class [...]     # a class question: classroom.py

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

The package: ``client.py`` (the Streamlit protocol session, the routes to a replica, the cookies
through ``http.cookiejar``), ``servers.py`` (serve.sh's balancer and replicas, ``/proc`` readings),
``scenarios.py`` (the sliders scenario, warm-up, failover), ``classroom.py`` (the class scenario),
``report.py`` (the figures printed and the JSON), ``cli.py`` (the options; ``__main__.py`` runs it).
"""

from __future__ import annotations

from scripts.loadtest.cli import main, parse_args
from scripts.loadtest.client import (
    Browser,
    ConnectionClosed,
    Direct,
    Result,
    Session,
    Slider,
    change,
    connect,
    reconnect,
)
from scripts.loadtest.report import report
from scripts.loadtest.scenarios import drive, runs_of
from scripts.loadtest.servers import Replica, Serve, Servers, cpu_seconds, rss_mb

__all__ = [
    "Browser",
    "ConnectionClosed",
    "Direct",
    "Replica",
    "Result",
    "Serve",
    "Servers",
    "Session",
    "Slider",
    "change",
    "connect",
    "cpu_seconds",
    "drive",
    "main",
    "parse_args",
    "reconnect",
    "report",
    "rss_mb",
    "runs_of",
]
