"""Where class questions and their answers live: one interface, two databases.

A class question is started by a teacher's tab, which gets a secret (``secrets.token_urlsafe``)
that Reveal, Next question and Close need; only its SHA-256 is stored. Students join with the
short code and answer; an answer is a short JSON text (checked by ``app.classroom.answers``
before it gets here) and an optional nickname. Nothing else about a student is stored: the
student is a random id per browser tab.

- :class:`SQLiteStore`: the standard library's sqlite3 in WAL mode, one file. Several processes
  on one machine share it (``serve.sh --replicas N``).
- :class:`RedisStore`: ``STORE_URL=redis://host:6379/0``, for replicas on several machines.

Both keep the same rules: a class expires ``ttl`` seconds (3 hours) after its last answer or
teacher action; at most one write per second per student (:class:`TooFast`); at most
``MAX_STUDENTS`` students per question (:class:`ClassFull`); no answer once revealed.
``tests/test_class_store.py`` runs the same tests against both.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
import sqlite3
import threading
import time
from abc import ABC, abstractmethod
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

# No 0/O, 1/I/L: a code read off a wall is typed without doubt. 31⁶ ≈ 8.9e8 codes.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 6
TTL_SECONDS = 3 * 60 * 60
MAX_STUDENTS = 300
MIN_SECONDS_BETWEEN_WRITES = 1.0
MAX_VALUE_CHARS = 200
MAX_NICKNAME_CHARS = 20
DEFAULT_SQLITE_PATH = Path(__file__).resolve().parents[2] / "data" / "classes.sqlite3"


class ClassError(Exception):
    """A refusal, with a sentence for a person."""


class UnknownClass(ClassError):
    pass


class NotTeacher(ClassError):
    pass


class TooFast(ClassError):
    pass


class ClassFull(ClassError):
    pass


class Revealed(ClassError):
    pass


@dataclass(frozen=True)
class ClassQuestion:
    """The class's current question: ``kind`` (a ``core.quiz`` kind or a fit by eye) from ``seed``."""

    code: str
    page: str  # the page's url_path
    kind: str
    seed: int
    number: int  # 1 for the first question, +1 with each Next question
    revealed: bool
    params: dict[str, str] = field(default_factory=dict)  # the page's URL when started (its data)


@dataclass(frozen=True)
class Answer:
    student: str
    value: str  # JSON text
    nickname: str
    at: float


def normalise_code(text: str) -> str:
    """What a student typed, as a code: upper case, spaces and dashes dropped."""
    return "".join(ch for ch in str(text).upper() if ch not in " -\t")[:32]


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def is_code(text: str) -> bool:
    return len(text) == CODE_LENGTH and all(ch in CODE_ALPHABET for ch in text)


def secret_hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def _check_sizes(value: str, nickname: str) -> None:
    if len(value) > MAX_VALUE_CHARS:
        raise ClassError(f"an answer is at most {MAX_VALUE_CHARS} characters")
    if len(nickname) > MAX_NICKNAME_CHARS:
        raise ClassError(f"a nickname is at most {MAX_NICKNAME_CHARS} characters")


UNKNOWN = "This class code is unknown or has expired (a class ends 3 hours after its last answer)."
NOT_TEACHER = "Only the tab that started this class question can do that."


class Store(ABC):
    """The one interface the app uses; ``clock`` and ``ttl`` are there for the tests."""

    def __init__(self, *, ttl: float = TTL_SECONDS, clock: Callable[[], float] = time.time):
        self.ttl, self.clock = ttl, clock

    @abstractmethod
    def start(self, page: str, kind: str, seed: int, params: dict[str, str] | None = None) -> tuple[ClassQuestion, str]:
        """A new class with its first question; returns it and the teacher's secret."""

    @abstractmethod
    def get(self, code: str) -> ClassQuestion | None:
        """The class with this code, or None if unknown or expired."""

    @abstractmethod
    def answer(self, code: str, student: str, value: str, nickname: str = "") -> None:
        """Record (or replace) ``student``'s answer to the current question."""

    @abstractmethod
    def answers(self, code: str) -> list[Answer]:
        """The current question's answers, one per student, oldest first."""

    @abstractmethod
    def reveal(self, code: str, secret: str) -> None: ...

    @abstractmethod
    def next_question(self, code: str, secret: str, kind: str, seed: int, params: dict[str, str] | None = None) -> None:
        """A new question for the same class (answers start again)."""

    @abstractmethod
    def close(self, code: str, secret: str) -> None:
        """End the class now: its code stops working."""

    @abstractmethod
    def seconds_left(self, code: str) -> float | None:
        """Seconds until the class expires, None if it has."""


# ------------------------------------------------------------------------------------ SQLite
SCHEMA = """
CREATE TABLE IF NOT EXISTS classes (
    code TEXT PRIMARY KEY, page TEXT NOT NULL, kind TEXT NOT NULL, seed INTEGER NOT NULL,
    number INTEGER NOT NULL, revealed INTEGER NOT NULL, params TEXT NOT NULL,
    secret_hash TEXT NOT NULL, expires_at REAL NOT NULL);
CREATE TABLE IF NOT EXISTS answers (
    code TEXT NOT NULL, number INTEGER NOT NULL, student TEXT NOT NULL, value TEXT NOT NULL,
    nickname TEXT NOT NULL, at REAL NOT NULL, PRIMARY KEY (code, number, student));
CREATE TABLE IF NOT EXISTS writes (code TEXT NOT NULL, student TEXT NOT NULL, at REAL NOT NULL,
    PRIMARY KEY (code, student));
"""


class SQLiteStore(Store):
    """One SQLite file in WAL mode; a connection per thread (Streamlit runs each session in threads)."""

    def __init__(self, path: str | os.PathLike, **kwargs):
        super().__init__(**kwargs)
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._local = threading.local()
        self._connection().executescript(SCHEMA)

    def _db(self) -> _Transaction:
        return _Transaction(self._connection())

    def _connection(self) -> sqlite3.Connection:
        db = getattr(self._local, "db", None)
        if db is None:
            db = sqlite3.connect(self.path, timeout=10, isolation_level=None)
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            db.execute("PRAGMA busy_timeout=10000")
            self._local.db = db
        return db

    def start(self, page, kind, seed, params=None):
        secret = secrets.token_urlsafe(24)
        now = self.clock()
        with self._db() as db:
            old = [row[0] for row in db.execute("SELECT code FROM classes WHERE expires_at <= ?", (now,))]
            for stale in old:
                self._delete(db, stale)
            while True:
                code = new_code()
                try:
                    db.execute(
                        "INSERT INTO classes VALUES (?, ?, ?, ?, 1, 0, ?, ?, ?)",
                        (code, page, kind, int(seed), json.dumps(params or {}), secret_hash(secret), now + self.ttl),
                    )
                    break
                except sqlite3.IntegrityError:  # that code is taken: draw again
                    continue
        return self.get(code), secret

    @staticmethod
    def _delete(db, code):
        for table in ("classes", "answers", "writes"):
            db.execute(f"DELETE FROM {table} WHERE code = ?", (code,))

    def _row(self, db, code):
        row = db.execute(
            "SELECT code, page, kind, seed, number, revealed, params, secret_hash FROM classes "
            "WHERE code = ? AND expires_at > ?",
            (normalise_code(code), self.clock()),
        ).fetchone()
        return row

    def get(self, code):
        with self._db() as db:
            row = self._row(db, code)
        if row is None:
            return None
        return ClassQuestion(row[0], row[1], row[2], row[3], row[4], bool(row[5]), json.loads(row[6]))

    def answer(self, code, student, value, nickname=""):
        _check_sizes(value, nickname)
        now = self.clock()
        with self._db() as db:
            row = self._row(db, code)
            if row is None:
                raise UnknownClass(UNKNOWN)
            code, number, revealed = row[0], row[4], row[5]
            if revealed:
                raise Revealed("The answer has been revealed: answers are closed for this question.")
            last = db.execute("SELECT at FROM writes WHERE code = ? AND student = ?", (code, student)).fetchone()
            if last and now - last[0] < MIN_SECONDS_BETWEEN_WRITES:
                raise TooFast("One answer a second: wait a moment, then send it again.")
            known = db.execute(
                "SELECT 1 FROM answers WHERE code = ? AND number = ? AND student = ?", (code, number, student)
            ).fetchone()
            if not known:
                (count,) = db.execute(
                    "SELECT count(*) FROM answers WHERE code = ? AND number = ?", (code, number)
                ).fetchone()
                if count >= MAX_STUDENTS:
                    raise ClassFull(f"This class is full: at most {MAX_STUDENTS} students answer one question.")
            db.execute(
                "INSERT OR REPLACE INTO answers VALUES (?, ?, ?, ?, ?, ?)",
                (code, number, student, value, nickname, now),
            )
            db.execute("INSERT OR REPLACE INTO writes VALUES (?, ?, ?)", (code, student, now))
            db.execute("UPDATE classes SET expires_at = ? WHERE code = ?", (now + self.ttl, code))

    def answers(self, code):
        with self._db() as db:
            row = self._row(db, code)
            if row is None:
                return []
            rows = db.execute(
                "SELECT student, value, nickname, at FROM answers WHERE code = ? AND number = ? ORDER BY at, student",
                (row[0], row[4]),
            ).fetchall()
        return [Answer(*r) for r in rows]

    def _teacher(self, db, code, secret):
        row = self._row(db, code)
        if row is None:
            raise UnknownClass(UNKNOWN)
        if not hmac.compare_digest(row[7], secret_hash(str(secret))):
            raise NotTeacher(NOT_TEACHER)
        return row[0]

    def reveal(self, code, secret):
        with self._db() as db:
            code = self._teacher(db, code, secret)
            db.execute(
                "UPDATE classes SET revealed = 1, expires_at = ? WHERE code = ?", (self.clock() + self.ttl, code)
            )

    def next_question(self, code, secret, kind, seed, params=None):
        with self._db() as db:
            code = self._teacher(db, code, secret)
            db.execute(
                "UPDATE classes SET number = number + 1, revealed = 0, kind = ?, seed = ?, params = ?, expires_at = ? "
                "WHERE code = ?",
                (kind, int(seed), json.dumps(params or {}), self.clock() + self.ttl, code),
            )

    def close(self, code, secret):
        with self._db() as db:
            self._delete(db, self._teacher(db, code, secret))

    def seconds_left(self, code):
        with self._db() as db:
            row = db.execute(
                "SELECT expires_at FROM classes WHERE code = ? AND expires_at > ?", (normalise_code(code), self.clock())
            ).fetchone()
        return None if row is None else row[0] - self.clock()


class _Transaction:
    """``with`` a connection: BEGIN IMMEDIATE ... COMMIT (or ROLLBACK), so a check and its write are one step."""

    def __init__(self, db: sqlite3.Connection):
        self.db = db

    def __enter__(self) -> sqlite3.Connection:
        self.db.execute("BEGIN IMMEDIATE")
        return self.db

    def __exit__(self, kind, *_):
        self.db.execute("ROLLBACK" if kind else "COMMIT")
        return False


# ------------------------------------------------------------------------------------- Redis
# One answer in one step on the server: checks, rate limit, cap, write and the new expiry.
ANSWER_LUA = """
local class, answers_prefix, last = KEYS[1], KEYS[2], KEYS[3]
local student, value, nickname, now, ttl_ms, min_ms, max_students =
    ARGV[1], ARGV[2], ARGV[3], ARGV[4], tonumber(ARGV[5]), tonumber(ARGV[6]), tonumber(ARGV[7])
if redis.call('EXISTS', class) == 0 then return 'unknown' end
local state = redis.call('HMGET', class, 'number', 'revealed')
if state[2] == '1' then return 'revealed' end
if redis.call('EXISTS', last) == 1 then return 'toofast' end
local answers = answers_prefix .. state[1]
if redis.call('HEXISTS', answers, student) == 0 and redis.call('HLEN', answers) >= max_students then
    return 'full'
end
redis.call('HSET', answers, student, cjson.encode({v = value, n = nickname, t = now}))
redis.call('SET', last, '1', 'PX', min_ms)
redis.call('PEXPIRE', answers, ttl_ms)
redis.call('PEXPIRE', class, ttl_ms)
return 'ok'
"""
CREATE_LUA = """
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
redis.call('HSET', KEYS[1], unpack(ARGV, 2))
redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[1]))
return 1
"""


class RedisStore(Store):
    """Keys ``class:<code>`` (a hash) and ``class:<code>:answers:<number>`` (student -> JSON), both expiring."""

    def __init__(self, url: str, **kwargs):
        super().__init__(**kwargs)
        import redis

        self.redis = redis.Redis.from_url(url, decode_responses=True, socket_timeout=5)
        self._answer = self.redis.register_script(ANSWER_LUA)
        self._create = self.redis.register_script(CREATE_LUA)

    @property
    def _ttl_ms(self) -> int:
        return max(1, int(self.ttl * 1000))

    def start(self, page, kind, seed, params=None):
        secret = secrets.token_urlsafe(24)
        fields = {
            "page": page,
            "kind": kind,
            "seed": int(seed),
            "number": 1,
            "revealed": 0,
            "params": json.dumps(params or {}),
            "secret_hash": secret_hash(secret),
        }
        flat = [x for pair in fields.items() for x in pair]
        while True:
            code = new_code()
            if self._create(keys=[f"class:{code}"], args=[self._ttl_ms, *flat]):
                break
        return self.get(code), secret

    def _fields(self, code):
        code = normalise_code(code)
        if not is_code(code):
            return code, None
        fields = self.redis.hgetall(f"class:{code}")
        return code, fields or None

    def get(self, code):
        code, f = self._fields(code)
        if f is None:
            return None
        return ClassQuestion(
            code, f["page"], f["kind"], int(f["seed"]), int(f["number"]), f["revealed"] == "1", json.loads(f["params"])
        )

    def answer(self, code, student, value, nickname=""):
        _check_sizes(value, nickname)
        code = normalise_code(code)
        result = self._answer(
            keys=[f"class:{code}", f"class:{code}:answers:", f"class:{code}:last:{student}"],
            args=[
                student,
                value,
                nickname,
                repr(self.clock()),
                self._ttl_ms,
                int(MIN_SECONDS_BETWEEN_WRITES * 1000),
                MAX_STUDENTS,
            ],
        )
        if result == "unknown" or not is_code(code):
            raise UnknownClass(UNKNOWN)
        if result == "revealed":
            raise Revealed("The answer has been revealed: answers are closed for this question.")
        if result == "toofast":
            raise TooFast("One answer a second: wait a moment, then send it again.")
        if result == "full":
            raise ClassFull(f"This class is full: at most {MAX_STUDENTS} students answer one question.")

    def answers(self, code):
        question = self.get(code)
        if question is None:
            return []
        raw = self.redis.hgetall(f"class:{question.code}:answers:{question.number}")
        out = []
        for student, text in raw.items():
            item = json.loads(text)
            out.append(Answer(student, item["v"], item["n"], float(item["t"])))
        return sorted(out, key=lambda a: (a.at, a.student))

    def _teacher(self, code, secret):
        code, f = self._fields(code)
        if f is None:
            raise UnknownClass(UNKNOWN)
        if not hmac.compare_digest(f["secret_hash"], secret_hash(str(secret))):
            raise NotTeacher(NOT_TEACHER)
        return code, f

    def reveal(self, code, secret):
        code, _ = self._teacher(code, secret)
        self.redis.hset(f"class:{code}", "revealed", 1)
        self.redis.pexpire(f"class:{code}", self._ttl_ms)

    def next_question(self, code, secret, kind, seed, params=None):
        code, f = self._teacher(code, secret)
        pipe = self.redis.pipeline()
        pipe.hset(
            f"class:{code}",
            mapping={
                "number": int(f["number"]) + 1,
                "revealed": 0,
                "kind": kind,
                "seed": int(seed),
                "params": json.dumps(params or {}),
            },
        )
        pipe.pexpire(f"class:{code}", self._ttl_ms)
        pipe.execute()

    def close(self, code, secret):
        code, f = self._teacher(code, secret)
        self.redis.delete(f"class:{code}", *(f"class:{code}:answers:{n}" for n in range(1, int(f["number"]) + 1)))

    def seconds_left(self, code):
        code = normalise_code(code)
        if not is_code(code):
            return None
        ms = self.redis.pttl(f"class:{code}")
        return None if ms is None or ms < 0 else ms / 1000


def open_store(url: str | None = None, **kwargs) -> Store:
    """The store named by ``url`` (default: ``$STORE_URL``, else SQLite in the repository's ``data/``).

    ``sqlite://PATH`` (``sqlite:///abs/path.sqlite3`` for an absolute path), ``redis://host:port/db``
    (and ``rediss://``).
    """
    url = url if url is not None else os.environ.get("STORE_URL", "")
    if not url:
        return SQLiteStore(DEFAULT_SQLITE_PATH, **kwargs)
    if url.startswith("sqlite://"):
        path = url.removeprefix("sqlite://")
        if not path:
            raise ValueError("STORE_URL sqlite:// needs a file path, e.g. sqlite:///srv/explainer/classes.sqlite3")
        return SQLiteStore(path, **kwargs)
    if url.startswith(("redis://", "rediss://", "unix://")):
        return RedisStore(url, **kwargs)
    raise ValueError(f"STORE_URL must start with sqlite:// or redis://, not {url.split(':', 1)[0]!r}")
