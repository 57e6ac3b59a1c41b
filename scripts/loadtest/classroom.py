"""The class scenario: a class question answered by every student at once, through the balancer.

    .venv/bin/python -m scripts.loadtest --scenario class [--clients 30] [--replicas 2] [--page arrays]
                                                          [--no-kill] [--timeout 120] [--json out.json]

The app runs as a school runs it, ``bash scripts/serve.sh --replicas N`` behind HAProxy on a free
port of 127.0.0.1, with a store of its own (a temporary SQLite file shared by the replicas, through
``STORE_URL``). A class question is started on ``--page`` through the store, as the teacher's
Start button does. Each student is a browser as the balancer sees it (``client.Browser``: its
cookies, its replica): it loads ``/<page>?class=<code>&me=<id>``, opens the websocket, and sends
an answer (the radio's index and a click on *Send my answer*) in one rerun.

Half the students answer; then the replica serving most of them is killed (SIGKILL; serve.sh
starts it again). Its students reconnect through the balancer, their new session reads the class
and their id from the URL, and every student then answers (again). Checked: each student's answer
is in the store exactly once, with the value sent last; the tally the wall draws
(``app.classroom.answers.tally``) counts every student once; no exception, no error message.
Exit status 0 when all holds, 1 otherwise.
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import json
import os
import random
import secrets
import signal
import sys
import tempfile
import time
from pathlib import Path

from streamlit.proto.WidgetStates_pb2 import WidgetState

from app.classroom import answers as A
from app.classroom import store as S
from app.registry import page as page_spec
from core.quiz import QUESTIONS
from scripts.loadtest.client import Browser, ConnectionClosed, Result, Session, reconnect
from scripts.loadtest.servers import Serve
from scripts.stats import percentile


class StudentSession(Session):
    """A Session that also records the class panel's widgets (ids end with ``-<key>``) and its alerts."""

    def __init__(self, ws, page: str):
        super().__init__(ws, page)
        self.widget_ids: dict[str, str] = {}
        self.radio_options: dict[str, list[str]] = {}
        self.alerts: list[str] = []

    def _element(self, element, problems, figures, fragment_id: str = "") -> None:
        super()._element(element, problems, figures, fragment_id)
        kind = element.WhichOneof("type")
        if kind in ("radio", "button"):
            widget = getattr(element, kind)
            self.widget_ids[widget.id.rsplit("-", 1)[-1]] = widget.id
            if kind == "radio":
                self.radio_options[widget.id.rsplit("-", 1)[-1]] = list(widget.options)
        elif kind == "alert":
            self.alerts.append(element.alert.body)
        elif kind == "exception" and os.environ.get("LOADTEST_TRACE"):
            print("\n".join(element.exception.stack_trace), file=sys.stderr)


def answer_states(session: StudentSession, code: str, number: int, index: int) -> list[WidgetState]:
    choice_id = session.widget_ids.get(f"class_choice_{code}_{number}")
    send_id = session.widget_ids.get("class_send")
    if not choice_id or not send_id:
        raise RuntimeError(f"no class question on the page (widgets seen: {sorted(session.widget_ids)})")
    # A radio sends the label of its option (Streamlit 1.67), not the option's index.
    label = session.radio_options[f"class_choice_{code}_{number}"][index]
    return [WidgetState(id=choice_id, string_value=label), WidgetState(id=send_id, trigger_value=True)]


class Student:
    def __init__(self, number: int, base: str, page: str, code: str):
        self.number, self.page, self.code = number, page, code
        self.me = secrets.token_urlsafe(12)
        self.route = Browser(base)
        self.result = Result(page)
        self.session: StudentSession | None = None
        self.sent: int | None = None  # the index last confirmed as sent

    @property
    def query(self) -> str:
        return f"class={self.code}&me={self.me}"

    async def join(self, timeout: float) -> None:
        self.result.replicas.append(await self.route.request(f"/{self.page}?{self.query}"))
        ws, replica = await self.route.connect(timeout)
        self.result.replicas.append(replica)
        self.session = StudentSession(ws, self.page)
        self.session.query_string = self.query
        started = time.perf_counter()
        self.result.errors += await self.session.run(None, timeout)
        self.result.load = time.perf_counter() - started

    async def answer(self, index: int, number: int, timeout: float) -> None:
        """Send ``index``; after a dropped websocket, reconnect as the browser does and send it again."""
        for _attempt in range(3):
            self.session.alerts = []
            started = time.perf_counter()
            try:
                problems = await self.session.run(answer_states(self.session, self.code, number, index), timeout)
            except ConnectionClosed:
                await reconnect(self.session, self.route, self.result, self.number, timeout)
                continue
            self.result.moves.append(time.perf_counter() - started)
            self.result.errors += [f"student {self.number}: {p}" for p in problems]
            if any(a.startswith("Sent.") for a in self.session.alerts):
                self.sent = index
                return
            if any(a.startswith("One answer a second") for a in self.session.alerts):
                await asyncio.sleep(1.1)
                continue
            self.result.errors.append(f"student {self.number}: no confirmation, alerts {self.session.alerts}")
            return
        self.result.errors.append(f"student {self.number}: not sent after 3 attempts")


async def scenario(args, serve) -> dict:
    store = S.open_store(args.store_url)
    spec = page_spec(args.page)
    kind = spec.quizzes[0]
    question, secret = store.start(args.page, kind, 7, {"query": {}})
    options = len(QUESTIONS[kind](7).options)
    rng = random.Random(0)
    students = [Student(i, serve.url, args.page, question.code) for i in range(args.clients)]
    await asyncio.gather(*(s.join(args.timeout) for s in students))
    first, second = students[: len(students) // 2], students[len(students) // 2 :]
    await asyncio.gather(*(s.answer(rng.randrange(options), 1, args.timeout) for s in first))
    killed = None
    if args.kill:
        per_replica = collections.Counter(s.result.replicas[-1] for s in students)
        name = per_replica.most_common(1)[0][0]
        replica = serve.replicas()[name]
        os.kill(replica.pid, signal.SIGKILL)
        killed = {"replica": name, "students": per_replica[name]}
        await asyncio.sleep(0.5)
    await asyncio.sleep(1.1)  # one answer a second per student
    await asyncio.gather(*(s.answer(rng.randrange(options), 1, args.timeout) for s in first + second))
    for s in students:
        if s.session is not None:
            await s.session.ws.close()

    stored = store.answers(question.code)
    by_student = collections.Counter(a.student for a in stored)
    errors = [e for s in students for e in s.result.errors]
    if sorted(by_student) != sorted(s.me for s in students) or any(n != 1 for n in by_student.values()):
        errors.append(f"{len(stored)} answers stored for {len(students)} students: {dict(by_student)}")
    want = {s.me: s.sent for s in students}
    got = {a.student: json.loads(a.value)["choice"] for a in stored}
    if got != want:
        errors.append(f"stored answers differ from those sent: {len(set(got.items()) ^ set(want.items()))} differ")
    counts = A.tally(stored, options)
    if counts.total != len(students):
        errors.append(f"the wall would count {counts.total} answers for {len(students)} students")
    store.close(question.code, secret)
    moves = [m for s in students for m in s.result.moves]
    reconnects = [r for s in students for r in s.result.reconnects]
    return {
        "students": len(students),
        "answers stored": len(stored),
        "tally": list(counts.counts),
        "killed": killed,
        "reconnected students": sum(1 for s in students if s.result.reconnects),
        "answer seconds (median, max)": [
            round(percentile(moves, 0.5), 3) if moves else None,
            round(max(moves), 3) if moves else None,
        ],
        "reconnect seconds (max)": round(max(reconnects), 3) if reconnects else None,
        "errors": errors,
    }


def parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m scripts.loadtest --scenario class", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--clients", type=int, default=30, help="students (default 30)")
    parser.add_argument("--replicas", type=int, default=2, help="app processes behind serve.sh's HAProxy (default 2)")
    parser.add_argument("--page", default="arrays", help="the page whose class question they answer (default arrays)")
    parser.add_argument("--no-kill", dest="kill", action="store_false", help="keep every replica running")
    parser.add_argument("--timeout", type=float, default=120, help="seconds a rerun may take (default 120)")
    parser.add_argument("--json", type=Path, help="also write the report to this file")
    return parser


def parse_args(argv):
    return parser().parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="explainer-class-") as folder:
        args.store_url = f"sqlite://{folder}/classes.sqlite3"
        with Serve(args.replicas, env={"STORE_URL": args.store_url}) as serve:
            report = asyncio.run(scenario(args, serve))
    for name, value in report.items():
        print(f"{name}: {value}")
    if args.json:
        args.json.write_text(json.dumps(report, indent=2))
    return 1 if report["errors"] else 0
