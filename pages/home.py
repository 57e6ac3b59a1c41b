"""Home: the training loop and where deep learning sits, as the slides open; the lesson path with progress."""

import streamlit as st

from app import progress, ui
from app.figures import home as figures
from app.lessons import home as text
from app.lessons import python as python_text
from app.projector import current_style
from app.registry import lesson_pages
from core import bytecode

LESSONS = {spec.url_path: spec for spec in lesson_pages()}
STATIC = {"staticPlot": True, "responsive": True}  # diagrams: nothing to zoom or hover


def link(spec, label: str | None = None, container=st) -> None:
    container.page_link(spec.path.as_posix(), label=label or spec.title, icon=spec.icon)


ui.page_header(text.TITLE, text.INTRO)
style = current_style()
opened, right = progress.opened(), progress.answered_right()
last = next((LESSONS[p] for p in reversed(opened) if p in LESSONS), None)
link(
    last or next(iter(LESSONS.values())), text.resume((last or next(iter(LESSONS.values()))).title, started=bool(last))
)

st.subheader(text.LOOP_TITLE)
loop = figures.loop_figure(style)
st.plotly_chart(loop, key="home_loop", config=STATIC, theme=None, width="stretch")
st.caption(text.LOOP_CAPTION)
for name, about, paths in text.PARTS:
    with st.container(key=f"home_part_{name.lower()}", gap="small"):
        st.markdown(f"**{name}**: {about}")
        row = st.container(horizontal=True, gap="small")
        for path in paths:
            if path in LESSONS:
                link(LESSONS[path], container=row)

st.subheader(text.NESTED_TITLE)
picture, words = st.columns([1.2, 1], vertical_alignment="center")
picture.plotly_chart(figures.nested_figure(style), key="home_nested", config=STATIC, theme=None, width="stretch")
words.markdown(text.NESTED)

st.subheader(text.PATH_TITLE)
questions = [spec for spec in LESSONS.values() if spec.quizzes]
st.markdown(
    text.progress_line(
        len(LESSONS.keys() & set(opened)), len(LESSONS), len(right & {q.url_path for q in questions}), len(questions)
    )
)
for number, spec in enumerate(LESSONS.values(), 1):
    with st.container(key=f"home_path_{spec.url_path}", gap=None):
        link(spec, f"{number}. {spec.title}")
        status = text.status(
            spec.summary, opened=spec.url_path in opened, right=spec.url_path in right, has_question=bool(spec.quizzes)
        )
        st.caption(status)

st.subheader(python_text.TITLE)
interpreter = bytecode.interpreter()
st.markdown(python_text.LAYERS)
st.markdown(python_text.running_on(interpreter))
st.markdown(f"#### {python_text.HELLO_TITLE}\n\n{python_text.hello(interpreter)}")
st.code(python_text.DIS_CODE, language="python")
with st.container(key="home_bytecode"):
    st.code(bytecode.dis_text(), language="text")
    raw = bytecode.code_bytes()
    st.code(bytecode.as_hex(raw), language="text", wrap_lines=True)
    st.code(bytecode.as_binary(raw), language="text", wrap_lines=True)
    st.caption(python_text.bytes_caption(interpreter, len(raw), bytecode.cache_units(raw)))
st.markdown(f"#### {python_text.TYPES_TITLE}\n\n{python_text.types(bytecode.type_error_message())}")
st.table(python_text.types_table(bytecode.retyped_types()), hide_index=True, width="content")
st.markdown(python_text.MEMORY)
st.markdown(python_text.tools())

st.subheader(text.CODE_TITLE)
for tab, words in zip(st.tabs(list(text.WHERE_CODE_RUNS)), text.WHERE_CODE_RUNS.values()):
    tab.markdown(words)
st.markdown(text.HOW_TO_USE)
