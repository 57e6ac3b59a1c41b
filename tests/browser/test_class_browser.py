"""A class question in Chromium: a teacher's tab and two students' tabs on one server.

The server has a store of its own (a temporary SQLite file through ``STORE_URL``). The wall's bars
must show a student's answer within two seconds of the student's "Sent" (the wall looks at the
store every second), and the QR code on the wall must decode (zxing-cpp) to the join link shown.
"""

from __future__ import annotations

import io
import json
import time

import pytest
import zxingcpp
from PIL import Image

from scripts.app_driver import goto, wait_idle
from scripts.local_server import LocalServer

pytestmark = pytest.mark.browser
WALL = {"width": 1280, "height": 720}
PHONE = {"width": 390, "height": 844}
BARS_JS = """() => { const plot = document.querySelector('.st-key-class_bars .js-plotly-plot');
  if (!plot || !plot.data) return null;
  const x = plot.data[0].x; return Array.from(x.length !== undefined ? x : []); }"""


@pytest.fixture(scope="module")
def class_server(tmp_path_factory):
    store = tmp_path_factory.mktemp("class-store") / "classes.sqlite3"
    server = LocalServer(env={"STORE_URL": f"sqlite://{store}"})
    try:
        server.start()
    except RuntimeError as err:
        pytest.fail(str(err))
    yield server.url
    server.stop()


def start_wall(tab, url: str) -> str:
    goto(tab, f"{url}/dot-product?projector=1")
    tab.get_by_role("button", name="Start a class question").click()
    tab.wait_for_selector(".st-key-class_wall img", timeout=90_000)
    tab.wait_for_function(f"() => ({BARS_JS})() !== null", timeout=90_000)
    return tab.locator(".st-key-class_wall [data-testid='stCode'] code").inner_text().strip()


def send(tab, option: int) -> tuple[float, float]:
    """Choose ``option`` and send it: the time the student saw "Sent", and how long the send took."""
    tab.locator(".st-key-class_student [role='radiogroup'] label").nth(option).click()
    wait_idle(tab)
    clicked = time.monotonic()
    tab.locator(".st-key-class_send").get_by_role("button", name="Send my answer").click()
    tab.wait_for_function(
        "() => [...document.querySelectorAll('.st-key-class_student [data-testid=\"stAlert\"]')]"
        ".some(a => a.innerText.startsWith('Sent.'))",
        timeout=90_000,
    )
    return time.monotonic(), time.monotonic() - clicked


def bars(tab) -> list[int]:
    return tab.evaluate(BARS_JS)


def wait_bars(tab, expected: list[int], sent: tuple[float, float]) -> float:
    """Wait for the wall's bars to read ``expected``; assert it took at most 2 s after "Sent".

    On a loaded machine (several test runs on two cores) one rerun may take seconds: then the bound
    is one wall refresh (1 s) plus two reruns, each as long as the student's own send took.
    """
    seen_at, rerun = sent
    within = max(2.0, 1.0 + 2 * rerun)
    tab.wait_for_function(
        f"(expected) => JSON.stringify(({BARS_JS})()) === expected",
        arg=json.dumps(expected, separators=(",", ":")),
        timeout=60_000,
    )
    took = time.monotonic() - seen_at
    assert took <= within, f"the wall showed {expected} {took:.2f} s after the answer (a rerun took {rerun:.2f} s)"
    return took


def test_teacher_and_two_students(browser, class_server):
    contexts = [
        browser.new_context(viewport=WALL),
        browser.new_context(viewport=PHONE),
        browser.new_context(viewport=PHONE),
    ]
    teacher, *students = [c.new_page() for c in contexts]
    try:
        link = start_wall(teacher, class_server)
        assert link.startswith(f"{class_server}/dot-product?") and "class=" in link, link

        shot = teacher.locator(".st-key-class_wall img").screenshot()
        decoded = zxingcpp.read_barcodes(Image.open(io.BytesIO(shot)))
        assert [r.text for r in decoded] == [link]

        for student in students:
            goto(student, link)
            student.wait_for_selector(".st-key-class_student [role='radiogroup']", timeout=90_000)
            assert "me=" in student.url
        n = len(bars(teacher))
        counts = [0] * n
        took = []
        for student, option in zip(students, (0, 1)):
            sent = send(student, option)
            counts[option] += 1
            took.append(wait_bars(teacher, counts, sent))

        time.sleep(1.1)  # one answer a second per student
        sent = send(students[1], 0)  # a changed mind
        counts = [2] + [0] * (n - 1)
        took.append(wait_bars(teacher, counts, sent))
        print(f"wall updated {', '.join(f'{t:.2f}' for t in took)} s after each answer")

        teacher.locator(".st-key-class_reveal").get_by_role("button", name="Reveal").click()
        teacher.wait_for_function(
            "() => document.querySelector('.st-key-class_wall').innerText.includes('The answer:')", timeout=60_000
        )
        for student in students:  # the phones notice the reveal by themselves (every 2 s)
            student.wait_for_function(
                "() => /Right:|Not quite:/.test(document.querySelector('.st-key-class_student').innerText)",
                timeout=60_000,
            )
    finally:
        for c in contexts:
            c.close()
