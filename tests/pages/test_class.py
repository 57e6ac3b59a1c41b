"""Class questions under AppTest: a teacher and three students (separate AppTests sharing one store).

The store is a temporary SQLite file (``STORE_URL``); ``tests/test_class_store.py`` runs the
store's own rules on SQLite and Redis alike.
"""

from __future__ import annotations

import json
import time

import pytest

from app.classroom import answers as A
from app.classroom import store as S
from app.classroom import ui as classroom
from core.quiz import QUESTIONS
from scripts.app_driver import open_page


@pytest.fixture(autouse=True)
def class_store(tmp_path, monkeypatch):
    """A store of its own for each test (the app keeps one per STORE_URL)."""
    monkeypatch.setenv("STORE_URL", f"sqlite://{tmp_path / 'classes.sqlite3'}")
    yield classroom.store()


def start(url_path="arrays", kind=None, query=None):
    teacher = open_page(url_path, query)
    assert not teacher.exception, teacher.exception
    if kind:
        teacher.selectbox(key="class_kind").set_value(kind)
    teacher.button(key="class_start").click().run()
    assert not teacher.exception, teacher.exception
    return teacher, teacher.session_state[classroom.TEACHER_KEY]["code"]


def choice_key(at):
    return next(r.key for r in at.radio if r.key.startswith("class_choice_"))


def answer(student, index, nickname=None):
    student.radio(key=choice_key(student)).set_value(index)
    if nickname is not None:
        student.text_input(key="class_nickname").set_value(nickname)
    student.button(key="class_send").click().run()
    assert not student.exception, student.exception
    return student


def figure_of(at, key="class_bars"):
    chart = next(c for c in at.get("plotly_chart") if c.key == key)
    return json.loads(chart.proto.spec)


def answered(at) -> int:
    return int(next(m.value for m in at.metric if m.label == "answered"))


def test_teacher_and_three_students(class_store):
    teacher, code = start("broadcasting")
    question = class_store.get(code)
    quiz = QUESTIONS[question.kind](question.seed)
    assert answered(teacher) == 0
    link = next(c.value for c in teacher.code if f"class={code}" in c.value)
    assert link.endswith(f"/broadcasting?class={code}")
    assert teacher.get("image"), "the QR code is drawn"

    students = [open_page("broadcasting", {"class": code}) for _ in range(3)]
    for s in students:
        assert not s.exception, s.exception
        assert s.markdown[0].value.startswith("**Class question 1.**") or any(
            quiz.prompt in m.value for m in s.markdown
        )
    ids = {s.session_state[classroom.STUDENT_KEY] for s in students}
    assert len(ids) == 3 and all(classroom.STUDENT_ID.fullmatch(i) for i in ids)
    assert [s.query_params["me"] for s in students] == [s.session_state[classroom.STUDENT_KEY] for s in students]

    sent = [0, 1, 1]
    for s, index in zip(students, sent):
        answer(s, index)
        assert [m.value for m in s.success][0].startswith("Sent.")
    teacher.run()
    assert answered(teacher) == 3
    bars = figure_of(teacher)["data"][0]
    assert plotly_numbers(bars["x"]) == [sent.count(i) for i in range(len(quiz.options))]
    assert tally_shown(teacher, quiz, sent)

    time.sleep(1.05)  # one write a second per student
    answer(students[2], 3)  # a changed mind
    sent[2] = 3
    teacher.run()
    assert answered(teacher) == 3
    assert tally_shown(teacher, quiz, sent)

    # A student cannot reveal: no such button, and the store wants the teacher's secret.
    assert not [b for b in students[0].button if b.key in ("class_reveal", "class_next")]
    with pytest.raises(S.NotTeacher):
        class_store.reveal(code, students[0].session_state[classroom.STUDENT_KEY])
    assert not class_store.get(code).revealed

    teacher.button(key="class_reveal").click().run()
    assert class_store.get(code).revealed
    right = quiz.options[quiz.answer]
    assert any(right in m.value and quiz.explanation in m.value for m in teacher.success)
    bars = figure_of(teacher)["data"][0]
    assert any("(right)" in label for label in bars["y"])
    for s, index in zip(students, sent):
        s.run()
        shown = [m.value for m in s.success] + [m.value for m in s.info]
        verdict = "Right:" if index == quiz.answer else "Not quite:"
        assert any(text.startswith(verdict) and right in text for text in shown), shown
        assert s.button(key="class_send").disabled  # no answer after the reveal
    time.sleep(1.05)
    with pytest.raises(S.Revealed):
        class_store.answer(code, students[0].session_state[classroom.STUDENT_KEY], A.choice_answer(0, 4))

    teacher.button(key="class_next").click().run()
    assert class_store.get(code).number == 2 and answered(teacher) == 0


def plotly_numbers(values) -> list:
    """A plotly array as numbers: plain, or as plotly 6 sends NumPy arrays (``dtype`` and base64 ``bdata``)."""
    if isinstance(values, dict):
        import base64

        import numpy as np

        return np.frombuffer(base64.b64decode(values["bdata"]), dtype=values["dtype"]).tolist()
    return list(values)


def tally_shown(teacher, quiz, sent) -> bool:
    caption = next(c.value for c in teacher.caption if c.value.startswith("Answers so far"))
    return all(f"{option}: {sent.count(i)}" in caption for i, option in enumerate(quiz.options))


def test_a_reload_keeps_the_student(class_store):
    teacher, code = start("arrays")
    first = answer(open_page("arrays", {"class": code}), 0)
    me = first.query_params["me"]
    again = open_page("arrays", {"class": code, "me": me})  # the same tab, reloaded
    assert again.session_state[classroom.STUDENT_KEY] == me
    assert again.radio(key=choice_key(again)).value == 0
    time.sleep(1.05)
    answer(again, 2)
    assert [json.loads(a.value)["choice"] for a in class_store.answers(code)] == [2]


@pytest.mark.parametrize("code", ["ZZZZZZ", "nope", "<b>x</b>", "A" * 5000, ""])
def test_unknown_or_expired_code_is_refused(code):
    at = open_page("arrays", {"class": code})
    assert not at.exception, at.exception
    warnings = [w.value for w in at.warning]
    assert any("class" in w for w in warnings), warnings
    assert "<b>" not in " ".join(warnings) and len(" ".join(warnings)) < 400
    assert [m.label for m in at.metric] == ["ndim", "size", "shape"]  # the page works


def test_expired_class(class_store, monkeypatch):
    teacher, code = start("arrays")
    class_store.ttl = 0.0  # the next look finds it expired... as after 3 hours
    with class_store._db() as db:
        db.execute("UPDATE classes SET expires_at = 0 WHERE code = ?", (code,))
    student = open_page("arrays", {"class": code})
    assert any("class" in w.value and "ended" in w.value for w in student.warning)
    teacher.run()
    assert not teacher.exception
    assert any("expired" in w.value for w in teacher.warning)


def test_hostile_answers(class_store):
    teacher, code = start("arrays")
    student = open_page("arrays", {"class": code})
    for nickname in ("a\x00b", "\u202e" * 3, "tab\there"):  # control characters: refused
        student.session_state["class_nickname"] = nickname
        student.radio(key=choice_key(student)).set_value(0)
        student.button(key="class_send").click().run()
        assert not student.exception
        assert any(e.value.startswith("Not sent: a nickname") for e in student.error), [e.value for e in student.error]
    assert class_store.answers(code) == []
    student.session_state["class_nickname"] = "n" * 10_000  # 10 kB past the box: cut to 20 characters
    student.button(key="class_send").click().run()
    assert [len(a.nickname) for a in class_store.answers(code)] == [20]
    with pytest.raises(A.AnswerError, match="20"):
        A.clean_nickname("n" * 10_000)  # and refused had it come through
    time.sleep(1.05)
    html = "<img src=x onerror=alert(1)>"[:20]
    answer(student, 1, html)
    assert [a.nickname for a in class_store.answers(code)] == [html]
    teacher.run()
    shown = " ".join(m.value for m in teacher.markdown) + " ".join(m.value for m in teacher.caption)
    assert "<img" not in shown


@pytest.mark.parametrize(
    "value",
    [1e308 * 10, -1, 4, 99999999999999999999, "1", "one", None, True, 1.5, [0], {"choice": 0}],
)
def test_hostile_choices_refused(value):
    with pytest.raises(A.AnswerError):
        A.choice_answer(value, 4)


@pytest.mark.parametrize(
    ("w", "b"),
    [(1e308, 0), (float("inf"), 0), (float("nan"), 0), ("1", 0), ("abc", 0), (None, 0), (0, 1e9), (True, 0)],
)
def test_hostile_fits_refused(w, b):
    with pytest.raises(A.AnswerError):
        A.fit_answer(w, b, (-5, 5), (-5, 5))


def test_valid_answers():
    assert json.loads(A.choice_answer(3, 4)) == {"choice": 3}
    assert json.loads(A.fit_answer(1.25, -0.5, (-5, 5), (-5, 5))) == {"w": 1.25, "b": -0.5}
    assert A.clean_nickname("  Ada  ") == "Ada"


def test_hide_parts():
    at = open_page("linear-regression", {"hide": "quiz,code,settings,sidebar,links"})
    assert not at.exception
    css = " ".join(h.proto.body for h in at.get("html") if "display: none !important" in h.proto.body)
    for selector in ('[class*="st-key-quiz_"]', ".st-key-numpy_code_notebook", ".st-key-noise", "stSidebar"):
        assert selector in css
    assert ".st-key-w," not in css  # the main slider stays
    assert not at.warning


def test_hide_unknown_part_is_named():
    at = open_page("arrays", {"hide": "quiz,everything"})
    assert not at.exception
    (warning,) = [w.value for w in at.warning]
    assert "`hide`" in warning and "`everything`" in warning and "quiz" in warning


def test_hide_is_kept_in_class_links(class_store):
    teacher, code = start("arrays", query={"hide": "code", "shape": "2, 3"})
    link = next(c.value for c in teacher.code if f"class={code}" in c.value)
    assert "hide=code" in link and "shape=2%2C+3" in link or "shape=2,+3" in link


@pytest.mark.parametrize(
    ("url_path", "kind", "core_kind"),
    [("linear-regression", "fit_line", "line"), ("logistic-regression", "fit_logistic", "logistic")],
)
def test_fit_by_eye(class_store, url_path, kind, core_kind):
    import numpy as np

    from core import class_fit

    teacher, code = start(url_path, kind)
    fit = class_store.get(code).params["fit"]
    guesses = [(0.5, 0.1), (1.2, -0.3), (0.9, 0.2)] if core_kind == "line" else [(0.2, -5.0), (0.3, -8.0), (0.1, -2.0)]
    for (w, b), nickname in zip(guesses, ["Ada", "<b>Bo</b>", ""]):
        student = open_page(url_path, {"class": code, "w": str(w), "b": str(b)})
        assert not student.exception, student.exception
        student.text_input(key="class_nickname").set_value(nickname)
        student.button(key="class_send").click().run()
        assert any(m.value.startswith("Sent.") for m in student.success), [e.value for e in student.error]
    teacher.run()
    assert not teacher.exception, teacher.exception
    figures = {m.label: m.value for m in teacher.metric}
    assert figures["answered"] == "3"
    losses = class_fit.losses(core_kind, fit["x"], fit["y"], *zip(*guesses))
    name = "MSE" if core_kind == "line" else "mean logistic loss"
    assert figures[f"class median {name}"] == f"{np.median(losses):.4f}"
    assert figures[f"best guess {name}"] == f"{losses.min():.4f}"
    dots = figure_of(teacher, "class_fit_surface")["data"][1]
    assert list(zip(plotly_numbers(dots["x"]), plotly_numbers(dots["y"]))) == guesses
    lines = figure_of(teacher, "class_fit_lines")["data"]
    assert len(lines) == 1 + 3  # the points and one model per student
    best = int(np.argmin(losses))
    assert [t.value for t in teacher.text][-1] == (["Ada", "<b>Bo</b>", ""][best] or "a student without a nickname")
    teacher.button(key="class_reveal").click().run()
    assert any("The best fit" in m.value or "separable" in m.value for m in [*teacher.success, *teacher.info])


def test_the_qr_code_decodes_to_the_join_link():
    import io

    import zxingcpp
    from PIL import Image

    from app.classroom.qr import qr_png

    for link in ("http://10.0.0.5:8501/arrays?class=ABC234", "https://school.example/x/iris?hide=code&class=ZZZ999"):
        (decoded,) = zxingcpp.read_barcodes(Image.open(io.BytesIO(qr_png(link))))
        assert decoded.text == link
