"""One "Predict, then check" box for any question of ``core.quiz``."""

from __future__ import annotations

import secrets

import streamlit as st

from app import progress
from core.quiz import QUESTIONS


def predict_then_check(kind: str, *, title: str = "Predict, then check") -> None:
    """Ask a question of ``kind`` (a key of ``core.quiz.QUESTIONS``); check and explain on demand.

    Quiz state stays out of the URL on purpose: a shared link shows the lesson, not an answer.
    """
    seed_key, checked_key = f"quiz_{kind}_seed", f"quiz_{kind}_checked"
    if seed_key not in st.session_state:
        st.session_state[seed_key] = secrets.randbelow(2**32)
    question = QUESTIONS[kind](st.session_state[seed_key])

    def new_question() -> None:
        st.session_state[seed_key] = secrets.randbelow(2**32)
        st.session_state[checked_key] = False

    def changed_mind() -> None:
        st.session_state[checked_key] = False

    with st.container(border=True, key=f"quiz_{kind}"):
        st.markdown(f"**{title}.** {question.prompt}")
        choice = st.radio(
            "Your prediction",
            question.options,
            index=None,
            horizontal=True,
            key=f"quiz_{kind}_choice_{st.session_state[seed_key]}",
            on_change=changed_mind,
        )
        check, again = st.columns(2)
        if check.button("Check", key=f"quiz_{kind}_check", disabled=choice is None, icon=":material/check:"):
            st.session_state[checked_key] = True
        again.button("New question", key=f"quiz_{kind}_new", on_click=new_question, icon=":material/refresh:")
        if st.session_state.get(checked_key) and choice is not None:
            verdict = (
                "Right."
                if question.is_right(choice)
                else f"Not quite: the answer is **{question.options[question.answer]}**."
            )
            (st.success if question.is_right(choice) else st.info)(f"{verdict} {question.explanation}")
            if question.is_right(choice):
                progress.record_right()  # shown on Home's lesson path
            st.caption(f"NumPy settles it: `{question.code}`")
