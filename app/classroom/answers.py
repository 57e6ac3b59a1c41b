"""What a student may send, checked before it reaches the store; and the class's picture as numbers.

An answer is a small JSON object: ``{"choice": i}`` for a predict-then-check question (i an
index of its options), ``{"w": w, "b": b}`` for a fit by eye (finite numbers in the page's
slider ranges). Anything else is refused with a sentence naming what was wrong. A nickname is
optional, at most 20 characters, printable, and never put into HTML (it is shown with ``st.text``).
"""

from __future__ import annotations

import json
import math
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from app.classroom.store import MAX_NICKNAME_CHARS, Answer

FIT_KINDS = {"fit_line": "linear-regression", "fit_logistic": "logistic-regression"}


class AnswerError(ValueError):
    """A refused answer or nickname, with the reason for a person."""


def choice_answer(index, n_options: int) -> str:
    """``{"choice": index}`` as JSON, if ``index`` is a whole number from 0 to ``n_options - 1``."""
    if isinstance(index, bool) or not isinstance(index, int):
        raise AnswerError("choose one of the options")
    if not 0 <= index < n_options:
        raise AnswerError(f"choose one of the {n_options} options")
    return json.dumps({"choice": index})


def fit_answer(w, b, w_range: Sequence[float], b_range: Sequence[float]) -> str:
    """``{"w": w, "b": b}`` as JSON, if both are finite numbers within the slider ranges."""
    out = {}
    for name, value, (low, high) in (("w", w, w_range), ("b", b, b_range)):
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise AnswerError(f"{name} must be a number")
        value = float(value)
        if not math.isfinite(value):
            raise AnswerError(f"{name} must be a finite number")
        if not low <= value <= high:
            raise AnswerError(f"{name} must lie between {low:g} and {high:g}")
        out[name] = round(value, 6)
    return json.dumps(out)


def clean_nickname(text) -> str:
    """The nickname as stored: stripped, at most 20 characters, letters, digits, spaces and punctuation."""
    if text is None:
        return ""
    if not isinstance(text, str):
        raise AnswerError("a nickname is text")
    text = text.strip()
    if len(text) > MAX_NICKNAME_CHARS:
        raise AnswerError(f"a nickname is at most {MAX_NICKNAME_CHARS} characters, this one has {len(text)}")
    if any(unicodedata.category(ch).startswith("C") for ch in text):
        raise AnswerError("a nickname has no control characters")
    return text


@dataclass(frozen=True)
class Tally:
    """How many chose each option."""

    counts: tuple[int, ...]

    @property
    def total(self) -> int:
        return sum(self.counts)


def tally(answers: Sequence[Answer], n_options: int) -> Tally:
    """Counts per option; answers that do not read as a choice (none should) are left out."""
    counts = [0] * n_options
    for answer in answers:
        try:
            index = json.loads(answer.value)["choice"]
        except (ValueError, KeyError, TypeError):
            continue
        if isinstance(index, int) and 0 <= index < n_options:
            counts[index] += 1
    return Tally(tuple(counts))


def fits(answers: Sequence[Answer]) -> list[tuple[float, float, str]]:
    """Every student's (w, b) and nickname, in the order they answered."""
    out = []
    for answer in answers:
        try:
            item = json.loads(answer.value)
            w, b = float(item["w"]), float(item["b"])
        except (ValueError, KeyError, TypeError):
            continue
        if math.isfinite(w) and math.isfinite(b):
            out.append((w, b, answer.nickname))
    return out


def choice_of(answers: Sequence[Answer], student: str) -> dict | None:
    """``student``'s answer to the current question, as sent, or None."""
    for answer in answers:
        if answer.student == student:
            try:
                return json.loads(answer.value)
            except ValueError:
                return None
    return None
