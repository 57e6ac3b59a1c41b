"""What a load test prints and writes: the checks of each client's replicas, the table of latencies
per page (median, p95, max, first load), replicas, failover, memory, CPU, the verdict, and the JSON.

Medians are ``statistics.median``; every other percentile is ``scripts.stats.percentile``
(``numpy.percentile``, nearest rank), the one percentile of the measuring scripts.
"""

from __future__ import annotations

import collections
import os
import statistics

from scripts.loadtest.client import Result
from scripts.loadtest.scenarios import runs_of
from scripts.stats import percentile

SETTINGS = ("clients", "replicas", "balancer", "url", "duration", "think", "ramp", "pages", "seed", "warmup")


def check_replicas(results: list[Result], failover: dict, through_balancer: bool) -> None:
    """Every client on one replica; after a failover, the killed replica's clients on one other.

    >>> ok, moved, lost = Result("a", replicas=["r1"] * 3), Result("a", replicas=["r2", "r1"]), Result("b")
    >>> moved.reconnects, lost.replicas, lost.reconnects = [1.0], ["r1", "r1"], [0.5]
    >>> check_replicas([ok, moved, lost], {"replica": "r2"}, True)
    >>> ok.errors, moved.errors, lost.errors
    ([], [], ['client 2 (b) on r1, not killed, lost its connection'])
    >>> wandered = Result("a", replicas=["r1", "r2"])
    >>> check_replicas([wandered], {}, True); wandered.errors
    ["client 0 (a) was served by several replicas: ['r1', 'r2']"]
    """
    for number, r in enumerate(results):
        if not r.replicas or r.errors:
            continue
        runs = runs_of(r.replicas)
        if failover and runs[0] == failover["replica"]:
            if len(runs) != 2 or not r.reconnects:
                r.errors.append(f"client {number} ({r.page}) on the killed replica went through {r.replicas}")
        elif r.reconnects:
            r.errors.append(f"client {number} ({r.page}) on {runs[0]}, not killed, lost its connection")
        elif len(runs) != 1:
            r.errors.append(f"client {number} ({r.page}) was served by several replicas: {r.replicas}")
    if through_balancer and "?" in {name for r in results for name in r.replicas}:
        results[0].errors.append("the balancer's answers carry no X-Replica header")


def row(page: str, group: list[Result]) -> dict:
    """One line of the table: ``page``'s clients, moves, errors and latencies in ms (None if none).

    >>> row("a", [Result("a", load=0.2, moves=[0.1, 0.3, 0.2]), Result("a", moves=[0.4], errors=["x"])])
    {'page': 'a', 'clients': 2, 'moves': 4, 'errors': 1, 'median_ms': 250.0, 'p95_ms': 400.0, 'max_ms': 400.0, 'load_median_ms': 200.0}
    """
    moves = [m for r in group for m in r.moves]
    loads = [r.load for r in group if r.load is not None]
    return {
        "page": page,
        "clients": len(group),
        "moves": len(moves),
        "errors": sum(len(r.errors) for r in group),
        "median_ms": 1000 * statistics.median(moves) if moves else None,
        "p95_ms": 1000 * percentile(moves, 0.95) if moves else None,
        "max_ms": 1000 * max(moves) if moves else None,
        "load_median_ms": 1000 * statistics.median(loads) if loads else None,
    }


def report(results: list[Result], memory: dict, args) -> dict:
    """Print the figures of a sliders run (``args``: its options) and return them for the JSON."""
    failover = memory.get("failover") or {}
    check_replicas(results, failover, args.balancer or bool(args.url))
    pages: dict[str, list[Result]] = {}
    for r in results:
        pages.setdefault(r.page, []).append(r)
    rows = []
    where = args.url or (
        f"{args.replicas} server process{'es' if args.replicas > 1 else ''}"
        + (" behind serve.sh's HAProxy" if args.balancer else "")
    )
    print(
        f"{args.clients} clients on {where}, {args.duration:.0f} s of slider moves "
        f"(think time ~{args.think} s, ramp-up {args.ramp:.0f} s), {os.cpu_count()} cores, "
        f"load average {os.getloadavg()[0]:.2f}\n"
    )
    print("| page | clients | moves | errors | median | p95 | max | first load median |")
    print("|---|---|---|---|---|---|---|---|")
    fmt = lambda v: "-" if v is None else f"{v:.0f} ms"
    for page, group in list(pages.items()) + [("all", results)]:
        rows.append(row(page, group))
        line, name = rows[-1], f"**{page}**" if page == "all" else page
        print(
            f"| {name} | {line['clients']} | {line['moves']} | {line['errors']} | {fmt(line['median_ms'])} "
            f"| {fmt(line['p95_ms'])} | {fmt(line['max_ms'])} | {fmt(line['load_median_ms'])} |"
        )
    moves = [m for r in results for m in r.moves]
    errors = [e for r in results for e in r.errors]
    served = collections.Counter(r.replicas[1] for r in results if len(r.replicas) > 1)
    print(f"\nclients per replica (websocket handshake): {dict(sorted(served.items()))}")
    reconnects = [t for r in results for t in r.reconnects]
    handshakes = [t for r in results for t in r.handshakes]
    if failover:
        ms = lambda values: f"median {1000 * statistics.median(values):.0f} ms, max {1000 * max(values):.0f} ms"
        print(
            f"failover: replica {failover['replica']} (pid {failover['pid']}, {failover['clients']} clients) "
            f"killed {failover['at']:.1f} s into the moves; {len(reconnects)} reconnects: "
            + (
                f"new websocket on another replica after {ms(handshakes)}; page shown again after {ms(reconnects)}"
                if reconnects
                else "none"
            )
        )
    per_session = None
    if "peak" in memory:
        per_session = (memory["peak_total"] - sum(memory["before"].values())) / max(1, args.clients)
        show = lambda d: ", ".join(f"{k} {v:.0f}" for k, v in sorted(d.items()))
        print(
            f"server memory (VmRSS, MB): after start {show(memory['started'])}; before the clients "
            f"{show(memory['before'])}; peak {show(memory['peak'])} (all together {memory['peak_total']:.0f}); "
            f"end {show(memory['end'])}; {per_session:.1f} MB per session"
        )
        per_move = 1000 * memory["cpu_seconds"] / max(1, len(moves))
        print(
            f"server CPU: {memory['cpu_cores']:.2f} cores busy on average, {per_move:.0f} ms per move served "
            "(first loads included)"
        )
    else:
        print("server memory and CPU: not measured (the servers at --url are not this script's)")
    print(f"{len(moves) / max(1e-9, args.duration):.1f} moves per second served")
    if errors:
        print(f"\n{len(errors)} errors (first 20):")
        for line in errors[:20]:
            print("  -", line)
    overall_p95 = 1000 * percentile(moves, 0.95) if moves else float("inf")
    verdict = "PASS" if not errors and overall_p95 <= args.target_p95 else "FAIL"
    print(
        f"\n{verdict}: {len(errors)} errors (target 0), p95 {overall_p95:.0f} ms (target <= {args.target_p95:.0f} ms)"
    )
    return {
        "rows": rows,
        "moves_per_second": len(moves) / max(1e-9, args.duration),
        "memory": memory,
        "per_session_mb": per_session,
        "clients_per_replica": dict(served),
        "reconnects_s": reconnects,
        "handshakes_s": handshakes,
        "clients": [{"page": r.page, "replicas": r.replicas, "reconnects_s": r.reconnects} for r in results],
        "errors": errors[:100],
        "settings": {k: getattr(args, k) for k in SETTINGS},
        "cores": os.cpu_count(),
        "verdict": verdict,
    }
