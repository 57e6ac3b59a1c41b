"""The load test's command line: ``python -m scripts.loadtest [options]`` (see the package's docstring).

``--scenario sliders`` (the default) starts or finds the servers, runs ``scenarios.drive`` and prints
``report.report``; ``--scenario class`` hands the remaining options to ``classroom.main``.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import tempfile
from pathlib import Path

import scripts.loadtest as package
from scripts.loadtest.client import Browser, Direct
from scripts.loadtest.report import report
from scripts.loadtest.scenarios import drive
from scripts.loadtest.servers import Serve, Servers, start
from scripts.local_server import HOST, LocalServer

SCENARIOS = ("sliders", "class")


def _class_options() -> str:
    from scripts.loadtest import classroom

    return "--scenario class takes these options instead of the ones above:\n\n" + classroom.parser().format_help()


def parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m scripts.loadtest",
        description=package.__doc__.splitlines()[0],
        epilog=_class_options(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--scenario",
        choices=SCENARIOS,
        default="sliders",
        help="sliders: students moving sliders (default); class: a class question answered at once "
        "(scripts/loadtest/classroom.py, which takes its own options after it, below)",
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
    return parser


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """The options of the sliders scenario, checked.

    >>> args = parse_args(["--balancer", "--replicas", "2", "--kill-replica-at", "30"])
    >>> args.clients, args.duration, args.reconnect, args.warmup
    (30, 60, True, True)
    >>> parse_args(["--kill-replica-at", "30"])
    Traceback (most recent call last):
    SystemExit: 2
    """
    p = parser()
    args = p.parse_args(argv)
    if not (1 <= args.clients <= 500 and 0 < args.duration <= 3600 and 1 <= args.replicas <= 16):
        p.error("use 1..500 clients, 1..16 replicas and a duration of at most 3600 s")
    if args.kill_replica_at is not None and not (args.balancer and args.replicas >= 2):
        p.error("--kill-replica-at needs --balancer and at least 2 replicas")
    if args.url and not args.url.startswith(("http://", "https://")):
        p.error("--url takes an http:// or https:// address")
    # Behind a balancer a dropped websocket is reconnected, as the browser does; alone it is an error.
    args.reconnect = bool(args.balancer or args.url)
    return args


def scenario_of(argv: list[str]) -> tuple[str, list[str]]:
    """The scenario named by ``--scenario`` (anywhere in ``argv``) and the other options.

    >>> scenario_of(["--clients", "5", "--scenario", "class", "--no-kill"])
    ('class', ['--clients', '5', '--no-kill'])
    >>> scenario_of(["--scenario=class", "-h"]), scenario_of(["--clients", "5"])
    (('class', ['-h']), ('sliders', ['--clients', '5']))
    """
    pick = argparse.ArgumentParser(add_help=False, allow_abbrev=False)
    pick.add_argument("--scenario", choices=SCENARIOS, default="sliders")
    known, rest = pick.parse_known_args(argv)
    return known.scenario, rest


def main(argv: list[str] | None = None, serve: Serve | None = None) -> int:
    """Run the load test. ``serve``: with ``--balancer``, a serve.sh already started (the tests')."""
    argv = sys.argv[1:] if argv is None else list(argv)
    scenario, rest = scenario_of(argv)
    if scenario == "class":  # a class question answered at once
        from scripts.loadtest import classroom

        return classroom.main(rest)
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
