"""The sliders scenario: students moving their page's main slider, a warm-up before them, and the
failover (the busiest replica killed mid-run). The class scenario is ``classroom.py``.
"""

from __future__ import annotations

import asyncio
import collections
import os
import random
import signal
import time

from app.registry import PAGES
from scripts.loadtest.client import Browser, ConnectionClosed, Result, Session, change, next_value, reconnect, think
from scripts.loadtest.servers import Servers


async def client(
    number: int, route, page: str, key: str, start_at: float, deadline: float, args, rng, result: Result
) -> Result:
    """One student: load ``page`` through ``route``, then move slider ``key`` until ``deadline``."""
    await asyncio.sleep(max(0.0, start_at - time.monotonic()))
    ws = None
    try:
        result.replicas.append(await route.request(f"/{page}"))
        ws, replica = await route.connect(args.timeout)
        result.replicas.append(replica)
        session = Session(ws, page)
        started = time.perf_counter()
        result.errors += await session.run(None, args.timeout)
        result.load = time.perf_counter() - started
        slider = session.sliders.get(key)
        if slider is None:
            result.errors.append(f"client {number}: no slider with key {key!r} on {page}")
            return result
        while time.monotonic() < deadline:
            pause = min(rng.uniform(0.5, 1.5) * args.think, max(0.0, deadline - time.monotonic()))
            dropped = await think(session.ws, pause)
            if not dropped:
                if time.monotonic() >= deadline:
                    break
                value = next_value(slider, rng)
                started = time.perf_counter()
                try:
                    move = [change(slider, value, len(result.moves) + 1)]
                    problems = await session.run(move, args.timeout, slider.fragment_id)
                except ConnectionClosed:
                    dropped = True
                else:
                    slider.value = value
                    result.moves.append(time.perf_counter() - started)
                    result.errors += [f"client {number} ({page}, {key}={value}): {p}" for p in problems]
            if dropped:
                if not args.reconnect:
                    raise ConnectionError("the websocket closed")
                await reconnect(session, route, result, number, args.timeout)
                ws = session.ws
                slider = session.sliders.get(key, slider)
        result.replicas.append(await route.request("/_stcore/health"))
    except TimeoutError:
        result.errors.append(f"client {number} ({page}): no script_finished within {args.timeout} s")
    except Exception as err:  # a dropped connection or a refused handshake is an error to report
        result.errors.append(f"client {number} ({page}): {type(err).__name__}: {err}")
    finally:
        if ws is not None:
            await ws.close()
    return result


def runs_of(replicas: list[str]) -> list[str]:
    """The replicas a client went through, in order, each once per stay.

    >>> runs_of(["r1", "r1", "r2", "r2"]), runs_of([])
    (['r1', 'r2'], [])
    """
    return [name for i, name in enumerate(replicas) if i == 0 or replicas[i - 1] != name]


async def warm_up(urls: list[str], specs, rng) -> None:
    """As a teacher would before class: open each page once (per replica) and move its slider, so
    imports, st.cache_data and plotly's first use are paid before the measured sessions arrive."""
    for url in urls:
        for spec in specs:
            route = Browser(url)
            await asyncio.to_thread(route.fetch, f"/{spec.url_path}")
            ws, _ = await route.connect(60)
            async with ws:
                warm = Session(ws, spec.url_path)
                await warm.run(None, 60)
                slider = warm.sliders.get(spec.slider_key)
                if slider:
                    await warm.run([change(slider, next_value(slider, rng), 1)], 60)


def pages(chosen: str):
    """The registered pages with a main slider, those of ``--pages`` (comma-separated) if given."""
    names = set(filter(None, chosen.split(",")))
    specs = [s for s in PAGES if s.slider_key and (not names or s.url_path in names)]
    if not specs:
        raise SystemExit("no registered page with a slider_key matches --pages")
    return specs


async def drive(args, route_for, servers: Servers, warm_urls: list[str]) -> tuple[list[Result], dict]:
    """Run the clients; ``route_for(number)`` says how client ``number`` reaches the app. Returns each
    client's result and the servers' readings: memory (``started``, ``before``, ``peak``, ``end``),
    CPU, and the ``failover`` done (empty without ``--kill-replica-at``)."""
    specs = pages(args.pages)
    rng = random.Random(args.seed)
    memory: dict = {"started": servers.memory()}
    if args.warmup:
        await warm_up(warm_urls, specs, rng)
        await asyncio.sleep(1)
    memory["before"] = servers.memory()
    samples: list[dict[str, float]] = []
    cpu_start, wall_start = servers.cpu(), time.monotonic()
    begin = time.monotonic() + 0.5
    deadline = begin + args.ramp + args.duration
    results = [Result(specs[n % len(specs)].url_path) for n in range(args.clients)]
    tasks = []
    for number, result in enumerate(results):
        spec = specs[number % len(specs)]
        start_at = begin + args.ramp * number / max(1, args.clients)
        route, student_rng = route_for(number), random.Random(rng.random())
        student = client(number, route, spec.url_path, spec.slider_key, start_at, deadline, args, student_rng, result)
        tasks.append(asyncio.create_task(student))

    failover: dict = {}

    async def kill_busiest_replica():
        await asyncio.sleep(max(0.0, begin + args.ramp + args.kill_replica_at - time.monotonic()))
        serving = collections.Counter(r.replicas[-1] for r in results if r.replicas)
        name = serving.most_common(1)[0][0]
        pid = servers.replicas()[name]
        os.kill(pid, signal.SIGKILL)
        failover.update(replica=name, pid=pid, clients=serving[name], at=time.monotonic() - begin - args.ramp)

    async def sample_memory():
        while not all(t.done() for t in tasks):
            samples.append(servers.memory())
            await asyncio.sleep(0.5)

    killer = asyncio.create_task(kill_busiest_replica()) if args.kill_replica_at is not None else None
    sampler = asyncio.create_task(sample_memory()) if servers.measured() else None
    # Bounded in time: every client stops at the deadline; a stuck one is cancelled after a grace.
    done, pending = await asyncio.wait(tasks, timeout=args.ramp + args.duration + 2 * args.timeout + 15)
    for task in pending:
        task.cancel()
    for number, task in enumerate(tasks):
        if task in pending:
            results[number].errors.append(f"client {number} cancelled at the hard deadline")
    if killer:
        await killer
    if sampler:
        await sampler
    if servers.measured():
        names = sorted({name for sample in samples for name in sample})
        memory["peak"] = {name: max((s.get(name, 0.0) for s in samples), default=0.0) for name in names}
        memory["peak_total"] = max((sum(s.values()) for s in samples), default=0.0)
        memory["end"] = servers.memory()
        cpu_end = servers.cpu()
        busy = sum(cpu_end[pid] - cpu_start[pid] for pid in cpu_end if pid in cpu_start)
        memory["cpu_cores"] = busy / (time.monotonic() - wall_start)
        memory["cpu_seconds"] = busy
    memory["failover"] = failover
    return results, memory
