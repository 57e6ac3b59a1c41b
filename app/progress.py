"""A student's progress through the lesson in this browser tab: the pages opened, the questions answered right.

Kept in the session while the tab is open: no account, nothing stored beyond the running
session. ``app/main.py`` records every page opened, ``app/quiz.py`` every right answer, and
Home shows the lesson path with both.
"""

from __future__ import annotations

import streamlit as st

OPENED_KEY = "_progress_opened"  # url paths, the most recently opened last
RIGHT_KEY = "_progress_right"  # url paths whose predict-then-check question was answered right
CURRENT_PAGE_KEY = "_page_url_path"  # set by app/main.py on every run


def record_opened(url_path: str) -> None:
    """``url_path`` was opened (or rerun): it becomes the most recent page."""
    opened = [p for p in st.session_state.get(OPENED_KEY, []) if p != url_path]
    st.session_state[OPENED_KEY] = [*opened, url_path]


def record_right() -> None:
    """The current page's question was answered right."""
    right = set(st.session_state.get(RIGHT_KEY, set()))
    st.session_state[RIGHT_KEY] = right | {st.session_state.get(CURRENT_PAGE_KEY, "")}


def opened() -> list[str]:
    """The pages opened in this tab, the most recent last."""
    return list(st.session_state.get(OPENED_KEY, []))


def answered_right() -> set[str]:
    """The pages whose question was answered right in this tab."""
    return set(st.session_state.get(RIGHT_KEY, set()))
