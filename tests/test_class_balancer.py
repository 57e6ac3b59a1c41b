"""A class question through the balancer: the load test's class scenario (``scripts/loadtest/classroom.py``)
with 30 students and two replicas.

Students join through HAProxy (``bash scripts/serve.sh --replicas 2``), half answer, the replica
serving most of them is killed, they reconnect and everyone answers again: every answer is in the
store once, with the value sent last, and the wall's tally counts each student once.
"""

from __future__ import annotations

import pytest

from scripts import loadtest
from scripts.app_driver import in_own_thread

pytestmark = pytest.mark.balancer


def test_thirty_students_through_two_replicas_lose_no_answer_when_one_is_killed(tmp_path, capsys):
    out = tmp_path / "class.json"
    status = in_own_thread(
        loadtest.main, ["--scenario", "class", "--clients", "30", "--replicas", "2", "--json", str(out)]
    )
    printed = capsys.readouterr().out
    report = __import__("json").loads(out.read_text())
    assert report["errors"] == [], printed
    assert status == 0
    assert report["answers stored"] == 30 and sum(report["tally"]) == 30
    assert report["killed"]["students"] > 0 and report["reconnected students"] == report["killed"]["students"]
