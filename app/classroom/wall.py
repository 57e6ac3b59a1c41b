"""What the wall shows of a class question: the question, how many answered, the spread, the reveal."""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from app import ui
from app.classroom import answers as A
from app.classroom.store import Answer, ClassQuestion
from app.figures import classroom as figures
from app.projector import current_style
from core.quiz import QUESTIONS

ANSWERED_LABEL = "answered"


def draw(question: ClassQuestion, answers: Sequence[Answer]) -> None:
    if question.kind in A.FIT_KINDS:
        from app.classroom import fit_wall

        fit_wall.draw(question, answers)
        return
    quiz = QUESTIONS[question.kind](question.seed)
    st.markdown(f"**Class question {question.number}.** {quiz.prompt}")
    counts = A.tally(answers, len(quiz.options))
    ui.figure(ANSWERED_LABEL, counts.total)
    right = quiz.answer if question.revealed else None
    ui.chart(figures.answer_bars(quiz.options, counts.counts, right, current_style()), key="class_bars")
    st.caption(
        "Answers so far: "
        + "; ".join(f"{option}: {count}" for option, count in zip(quiz.options, counts.counts))
        + ("." if counts.total else " (none yet).")
    )
    if question.revealed:
        share = counts.counts[quiz.answer] / counts.total if counts.total else 0.0
        st.success(
            f"The answer: **{quiz.options[quiz.answer]}**, chosen by {counts.counts[quiz.answer]} of "
            f"{counts.total} ({share:.0%}). {quiz.explanation}"
        )
        st.caption(f"NumPy settles it: `{quiz.code}`")
