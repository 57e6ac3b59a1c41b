"""The class store's rules, the same tests on SQLite and on a real Redis (``tests/redis_server.py``)."""

from __future__ import annotations

import json
import threading
import time

import pytest

from app.classroom import store as S
from tests.redis_server import RedisServer


class Clock:
    """A clock the tests move by hand (SQLite reads it; Redis also keeps its own time for expiry)."""

    def __init__(self):
        self.now = 1_000_000.0

    def __call__(self):
        return self.now


@pytest.fixture(scope="module")
def redis_server():
    server = RedisServer()
    try:
        server.start()
    except RuntimeError as err:
        pytest.fail(str(err))
    yield server
    server.stop()


@pytest.fixture(params=["sqlite", "redis"])
def make_store(request, tmp_path):
    """``make_store(**kwargs)``: a fresh store of each kind (Redis flushed first)."""

    def make(**kwargs):
        if request.param == "sqlite":
            return S.open_store(f"sqlite://{tmp_path / 'classes.sqlite3'}", **kwargs)
        server = request.getfixturevalue("redis_server")
        store = S.open_store(server.url, **kwargs)
        return store

    if request.param == "redis":
        S.open_store(request.getfixturevalue("redis_server").url).redis.flushdb()
    return make


def choice(index: int) -> str:
    return json.dumps({"choice": index})


def test_start_gives_a_code_and_a_secret(make_store):
    store = make_store()
    question, secret = store.start("arrays", "reshape", 42, {"shape": "4, 3, 2"})
    assert S.is_code(question.code)
    assert (question.page, question.kind, question.seed, question.number, question.revealed) == (
        "arrays",
        "reshape",
        42,
        1,
        False,
    )
    assert question.params == {"shape": "4, 3, 2"}
    assert len(secret) >= 32
    assert store.get(question.code) == question
    assert store.get(question.code.lower()) == question  # typed in lower case on a phone
    other, other_secret = store.start("arrays", "reshape", 42)
    assert other.code != question.code and other_secret != secret


def test_answers_one_per_student_changed_until_reveal(make_store):
    clock = Clock()
    store = make_store(clock=clock)
    question, secret = store.start("broadcasting", "broadcast", 1)
    code = question.code
    store.answer(code, "s1", choice(0), "Ada")
    store.answer(code, "s2", choice(1))
    clock.now += 1.5
    time.sleep(1.05)  # Redis counts the second itself
    store.answer(code, "s1", choice(2), "Ada")  # changed
    got = store.answers(code)
    assert [(a.student, json.loads(a.value)["choice"], a.nickname) for a in got] == [
        ("s2", 1, ""),
        ("s1", 2, "Ada"),
    ]
    with pytest.raises(S.NotTeacher):
        store.reveal(code, "not the secret")
    store.reveal(code, secret)
    assert store.get(code).revealed
    with pytest.raises(S.Revealed):
        store.answer(code, "s3", choice(0))
    assert len(store.answers(code)) == 2


def test_one_write_a_second(make_store):
    store = make_store()
    code = store.start("arrays", "reshape", 1)[0].code
    store.answer(code, "s1", choice(0))
    with pytest.raises(S.TooFast):
        store.answer(code, "s1", choice(1))
    store.answer(code, "s2", choice(1))  # another student is not held up
    assert {a.student: json.loads(a.value)["choice"] for a in store.answers(code)} == {"s1": 0, "s2": 1}


def test_next_question_starts_afresh_and_needs_the_secret(make_store):
    store = make_store()
    question, secret = store.start("arrays", "reshape", 1)
    store.answer(question.code, "s1", choice(0))
    with pytest.raises(S.NotTeacher):
        store.next_question(question.code, "", "reshape", 2)
    store.next_question(question.code, secret, "reshape", 2)
    now = store.get(question.code)
    assert (now.number, now.seed, now.revealed) == (2, 2, False)
    assert store.answers(question.code) == []


def test_close_ends_the_code(make_store):
    store = make_store()
    question, secret = store.start("arrays", "reshape", 1)
    with pytest.raises(S.NotTeacher):
        store.close(question.code, secret + "x")
    store.close(question.code, secret)
    assert store.get(question.code) is None
    with pytest.raises(S.UnknownClass):
        store.answer(question.code, "s1", choice(0))


def test_unknown_codes_are_refused(make_store):
    store = make_store()
    for code in ("ABCDEF", "", "x" * 10_000, "<script>", "ABC'; DROP TABLE classes; --"):
        assert store.get(code) is None
        with pytest.raises(S.UnknownClass, match="class"):
            store.answer(code, "s1", choice(0))
        with pytest.raises(S.UnknownClass):
            store.reveal(code, "x")
        assert store.answers(code) == []


def test_a_class_expires_after_its_last_answer(make_store):
    clock = Clock()
    store = make_store(ttl=1.0, clock=clock)  # 1 s instead of 3 hours
    code = store.start("arrays", "reshape", 1)[0].code
    time.sleep(0.6)
    clock.now += 0.6
    store.answer(code, "s1", choice(0))  # an answer keeps it alive
    time.sleep(0.6)
    clock.now += 0.6
    assert store.get(code) is not None
    time.sleep(1.2)
    clock.now += 1.2
    assert store.get(code) is None
    assert store.seconds_left(code) is None
    with pytest.raises(S.UnknownClass):
        store.answer(code, "s2", choice(0))


def test_default_expiry_is_three_hours(make_store):
    store = make_store()
    code = store.start("arrays", "reshape", 1)[0].code
    assert 3 * 3600 - 60 < store.seconds_left(code) <= 3 * 3600


def test_at_most_max_students(make_store, monkeypatch):
    monkeypatch.setattr(S, "MAX_STUDENTS", 3)
    store = make_store()
    code = store.start("arrays", "reshape", 1)[0].code
    for student in ("a", "b", "c"):
        store.answer(code, student, choice(0))
    with pytest.raises(S.ClassFull, match="3"):
        store.answer(code, "d", choice(0))
    time.sleep(1.05)
    store.answer(code, "a", choice(1))  # one already in may still change
    assert len(store.answers(code)) == 3


def test_sizes_are_capped(make_store):
    store = make_store()
    code = store.start("arrays", "reshape", 1)[0].code
    with pytest.raises(S.ClassError, match="nickname"):
        store.answer(code, "s1", choice(0), "n" * 10_000)
    with pytest.raises(S.ClassError, match="answer"):
        store.answer(code, "s1", "1" * 10_000)
    assert store.answers(code) == []


def test_concurrent_answers_are_each_counted_once(make_store):
    store = make_store()
    code = store.start("arrays", "reshape", 1)[0].code
    errors = []

    def student(i):
        try:
            store.answer(code, f"s{i}", choice(i % 4))
        except Exception as err:
            errors.append(err)

    threads = [threading.Thread(target=student, args=(i,)) for i in range(40)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    got = store.answers(code)
    assert sorted(a.student for a in got) == sorted(f"s{i}" for i in range(40))


def test_store_url(tmp_path):
    assert isinstance(S.open_store(f"sqlite://{tmp_path}/a/b.sqlite3"), S.SQLiteStore)
    assert (tmp_path / "a" / "b.sqlite3").exists()
    with pytest.raises(ValueError, match="STORE_URL"):
        S.open_store("postgres://x")
    db = S.open_store(f"sqlite://{tmp_path}/w.sqlite3")
    assert db._connection().execute("PRAGMA journal_mode").fetchone()[0] == "wal"
