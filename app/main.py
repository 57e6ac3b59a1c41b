"""Entry script: ``python -m streamlit run app/main.py`` from the repository root.

Registers every page with ``st.navigation``, then draws what all pages share: the
projector-mode toggle and the slot where URL warnings appear.
"""

import time

import streamlit as st

from app import hide, live, presentation, progress, projector, ui, url_state
from app.classroom import ui as classroom
from app.registry import PAGES
from app.registry import page as page_spec
from app.scientific_imports import import_scikit_learn

run_started = time.perf_counter()
import_scikit_learn()  # before any page: concurrent first imports can deadlock
st.set_page_config(page_title="Arrays, models and losses: a visual explainer", page_icon="🧮", layout="wide")

sections: dict[str, list] = {}
for spec in PAGES:
    sections.setdefault(spec.section, []).append(
        st.Page(spec.path, title=spec.title, icon=spec.icon, url_path=spec.url_path or None, default=not spec.url_path)
    )
url_state.follow_browser()  # Back / Forward: the state comes from the URL again
st.session_state[live.RUN_FIGURES_KEY] = []
page = st.navigation(sections, position="hidden")  # the pages are listed by ui.page_list
st.session_state[live.PAGE_PATH_KEY] = page.url_path  # the current page, for app/code_panel.py
progress.record_opened(page.url_path)  # Home's lesson path shows what was opened

ui.page_list()
with st.sidebar:
    url_state.toggle(
        "Projector mode",
        projector.PROJECTOR_KEY,
        help="Large type, thick lines and high contrast for a classroom wall. Also `projector=1` in the URL.",
    )
    url_state.toggle(
        "Presentation view",
        presentation.PRESENT_KEY,
        help="Hides this sidebar and shows one idea of the page at a time: PageDown / "
        "PageUp (a presenter's clicker) move on and back, Esc leaves. Also `present=1`.",
    )
    classroom.sidebar(page_spec(page.url_path))  # a class question: the wall asks, the phones answer
projector.apply_projector_css()
presentation.apply_presentation_css()
st.session_state[url_state.NOTICES_KEY] = st.container()
hide.apply(page_spec(page.url_path))  # hide=quiz,code,...: parts a teacher's link leaves out
classroom.top(page_spec(page.url_path))  # the wall on the teacher's tab, the question on a student's
page.run()
ui.lesson_links(page.url_path)
url_state.flush(page.url_path)  # the run's URL writes at once: one history entry per user action
# The script's own run time, read by scripts/benchmark.py (AppTest's wall time includes its polling).
st.session_state["_script_seconds"] = time.perf_counter() - run_started
