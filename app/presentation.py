"""Presentation view: no sidebar, large type, one idea of the page at a time, driven by keys.

A page names its ideas once, ``ideas = Ideas(["The picture", "The values", ...])``, and puts
each part in ``with ideas.idea(0):``. Outside the presentation view every idea shows. Inside it,
only the current one does, with a bar that moves on with PageDown / PageUp (what presenter
clickers send) and leaves with Esc. The current idea is in the URL (``idea=2``), so a teacher
can link straight to it. Hidden ideas are still run and only hidden by CSS, so their widgets
keep their values.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from app import url_state

PRESENT_KEY = "present"
IDEA_KEY = "idea"

HIDE_SIDEBAR_CSS = """
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stExpandSidebarButton"] { display: none; }
.st-key-presentation_bar button p { white-space: nowrap; }  /* "Leave" on one line beside a long title */
</style>
"""


def presenting() -> bool:
    """Whether the presentation view is on (sidebar toggle, or ``present=1`` in the URL)."""
    return bool(st.session_state.get(PRESENT_KEY, False))


def apply_presentation_css() -> None:
    if presenting():
        st.html(HIDE_SIDEBAR_CSS)


class Ideas:
    """The ideas of one page, in order; in the presentation view, one shows at a time."""

    def __init__(self, titles: list[str]):
        self.titles = titles
        self.current = 0
        if presenting():
            if IDEA_KEY not in st.session_state:
                number = url_state.read_param(IDEA_KEY, 1, url_state.number_parser(1, len(titles), integer=True))
                st.session_state[IDEA_KEY] = number - 1
                url_state.own(IDEA_KEY)
            self.current = min(st.session_state[IDEA_KEY], len(titles) - 1)
            url_state.write_param(IDEA_KEY, self.current + 1)
            hidden = ", ".join(f".st-key-idea_{i}" for i in range(len(titles)) if i != self.current)
            st.html(f"<style>{hidden} {{ display: none; }}</style>")
            self._controls()

    @property
    def presenting(self) -> bool:
        return presenting()

    def idea(self, index: int):
        """The container of idea ``index``; use it as ``with ideas.idea(index):``."""
        return st.container(key=f"idea_{index}")

    def _controls(self) -> None:
        def go(step: int) -> None:
            st.session_state[IDEA_KEY] = min(max(self.current + step, 0), len(self.titles) - 1)

        def leave() -> None:
            st.session_state[PRESENT_KEY] = False
            url_state.remove_param(IDEA_KEY)  # outside the view a link has no idea to open

        bar = st.container(horizontal=True, vertical_alignment="center", key="presentation_bar")
        bar.button(
            "Back",
            icon=":material/arrow_back:",
            shortcut="PageUp",
            disabled=self.current == 0,
            on_click=go,
            args=(-1,),
            key="idea_previous",
        )
        bar.markdown(f"**Idea {self.current + 1} of {len(self.titles)}: {self.titles[self.current]}**")
        bar.button(
            "Next",
            icon=":material/arrow_forward:",
            shortcut="PageDown",
            disabled=self.current == len(self.titles) - 1,
            on_click=go,
            args=(1,),
            key="idea_next",
        )
        bar.button("Leave", icon=":material/close:", shortcut="Esc", on_click=leave, key="present_leave")
        _keys()(key="presentation_keys")


def current_idea() -> int:
    """The idea shown in the presentation view (0-based); 0 outside it."""
    if not presenting():
        return 0
    if IDEA_KEY in st.session_state:
        return st.session_state[IDEA_KEY]
    raw = st.query_params.get(IDEA_KEY, "1")
    return int(raw) - 1 if raw.isdigit() and int(raw) > 0 else 0


@st.cache_resource
def _keys():
    js = (Path(__file__).resolve().parent / "components" / "presentation_keys.js").read_text()
    return st.components.v2.component("presentation_keys", js=js)
