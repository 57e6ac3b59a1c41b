"""The class question in Streamlit: the teacher's sidebar and wall, the students' panel.

- The teacher starts a class question in the sidebar, for the page's predict-then-check question
  (or a fit by eye on the regression pages). The tab keeps the secret that Reveal, Next question
  and End need in its session (never in the URL). The wall shows the join link, its QR code, the
  code, the question, how many answered, and live (a fragment every second) the spread of answers.
- A student opens the join link, ``?class=<code>``: the same page with the question on top. The
  student is a random id kept in the URL as ``me=<id>``, so a reload of the tab keeps the same
  answer (and a shared link shares it: the link to share is the join link, without ``me``).
- Nicknames are shown with ``st.text`` only; nothing a student sends goes into HTML or Markdown.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import urllib.parse

import streamlit as st

from app import url_state
from app.classroom import answers as A
from app.classroom import store as S
from app.classroom.qr import qr_png
from app.registry import PAGES, PageSpec, page
from core.quiz import QUESTIONS

CLASS_PARAM, STUDENT_PARAM = "class", "me"
TEACHER_KEY = "_class_teacher"  # {"code", "secret", "page"}: this tab drives that class
STUDENT_KEY = "_class_me"
FEEDBACK_KEY = "_class_feedback"
FIT_KEY = "_class_fit"  # set by the regression pages on every run: their points and slider ranges
WALL_REFRESH, STUDENT_REFRESH = 1.0, 2.0  # seconds between two looks at the store
STUDENT_ID = re.compile(r"[A-Za-z0-9_-]{16,43}")
# The page parameters a join link leaves out: how the teacher's tab looks, and the class itself.
NOT_IN_JOIN_LINK = {"projector", "present", "idea", CLASS_PARAM, STUDENT_PARAM}
LOCAL_BASE = "http://localhost:8501"
FIT_TITLES = {"fit_line": "Fit by eye: the class's lines", "fit_logistic": "Fit by eye: the class's sigmoids"}
FIT_PROMPTS = {
    "fit_line": "Move w and b until the line fits the points as well as you can, then send your line.",
    "fit_logistic": "Move w and b until the sigmoid separates the two classes as well as you can, then send it.",
}


@st.cache_resource(show_spinner=False)
def _store(url: str) -> S.Store:
    return S.open_store(url)


def store() -> S.Store:
    """The store of ``$STORE_URL`` (SQLite under ``data/`` by default), one per process."""
    return _store(os.environ.get("STORE_URL", ""))


def class_kinds(spec: PageSpec) -> list[str]:
    """What a class can be asked on this page: its question kinds, and a fit by eye where the page has one."""
    kinds = list(spec.quizzes)
    kinds += [kind for kind, url_path in A.FIT_KINDS.items() if url_path == spec.url_path]
    return kinds


QUESTION_TITLES = {
    "broadcast": "the shape of a + b",
    "reshape": "the shape after reshape",
    "data_shape": "the shapes of X, y and x",
    "matmul": "the shape of A @ B",
    "dot_sign": "the sign of a · b",
    "angle": "the angle between a and b",
    "outer": "np.outer(w, x)",
    "logistic_loss": "the point with the largest logistic loss",
    "softmax": "softmax: the species and its probability",
    "mse": "the MSE of a line",
    "network_params": "a network's number of parameters",
}


def kind_title(kind: str) -> str:
    """The sidebar's name of a kind of class question."""
    if kind in FIT_TITLES:
        return FIT_TITLES[kind]
    return "Predict, then check: " + QUESTION_TITLES.get(kind, kind.replace("_", " "))


def join_link(question: S.ClassQuestion) -> str:
    """The address students open: the class's page with the teacher's state, and ``class=<code>``."""
    base = app_base(st.context.url or LOCAL_BASE)
    query = {k: v for k, v in question.params.get("query", {}).items() if k not in NOT_IN_JOIN_LINK}
    query[CLASS_PARAM] = question.code
    path = f"/{question.page}" if question.page else "/"
    return base + path + "?" + urllib.parse.urlencode(query, safe=",;")


def app_base(url: str) -> str:
    """The app's address without a page's path (``st.context.url`` may or may not hold it).

    >>> app_base("http://10.0.0.5:8501/dot-product/")
    'http://10.0.0.5:8501'
    >>> app_base("https://school.example/explainer/arrays")
    'https://school.example/explainer'
    """
    parts = urllib.parse.urlsplit(url)
    path = parts.path.rstrip("/")
    for spec in PAGES:
        if spec.url_path and path.endswith("/" + spec.url_path):
            path = path[: -len(spec.url_path) - 1]
            break
    return f"{parts.scheme}://{parts.netloc}{path}"


def publish_fit(x, y, ranges) -> None:
    """A regression page's points and (w, b) slider ranges, for a fit by eye started on it (None: no fit here)."""
    if ranges is None:
        st.session_state.pop(FIT_KEY, None)
        return
    (w_low, w_high), (b_low, b_high) = ranges
    st.session_state[FIT_KEY] = {
        "x": [float(v) for v in x],
        "y": [float(v) for v in y],
        "w_range": [float(w_low), float(w_high)],
        "b_range": [float(b_low), float(b_high)],
    }


def _teaching() -> dict | None:
    return st.session_state.get(TEACHER_KEY)


# ----------------------------------------------------------------------------------- teacher
def sidebar(spec: PageSpec) -> None:
    """In the sidebar: start a class question for this page, or see and end the running one."""
    kinds = class_kinds(spec)
    teaching = _teaching()
    if not kinds and not teaching:
        return
    st.markdown("**Ask the class**")
    if teaching:
        st.caption(f"Class code {teaching['code']} is running on this tab.")
        if teaching["page"] != spec.url_path:
            target = page(teaching["page"])
            st.page_link(target.path.as_posix(), label=f"Back to the class question: {target.title}")
        st.button("End the class", key="class_end", on_click=_end, icon=":material/stop_circle:")
        return
    refused = st.session_state.pop("_class_start_refused", None)
    if refused:
        st.warning(refused)
    st.selectbox("Question", kinds, format_func=kind_title, key="class_kind")
    st.button(
        "Start a class question",
        key="class_start",
        on_click=_start,
        args=(spec.url_path,),
        icon=":material/groups:",
        help="Students join with a link or a QR code on the wall and answer on their phones.",
    )


def _params(kind: str) -> dict:
    params = {"query": {k: v for k, v in url_state.current_query().items() if k not in NOT_IN_JOIN_LINK}}
    if kind in A.FIT_KINDS:
        params["fit"] = st.session_state[FIT_KEY]
    return params


def _start(url_path: str) -> None:
    kind = st.session_state.get("class_kind")
    if kind is None:
        return
    if kind in A.FIT_KINDS and FIT_KEY not in st.session_state:
        st.session_state["_class_start_refused"] = "A fit by eye needs a straight line: set the degree to 1 first."
        return
    question, secret = store().start(url_path, kind, secrets.randbelow(2**32), _params(kind))
    st.session_state[TEACHER_KEY] = {"code": question.code, "secret": secret, "page": url_path}


def _end() -> None:
    teaching = st.session_state.pop(TEACHER_KEY, None)
    if teaching:
        with contextlib.suppress(S.ClassError):  # already expired
            store().close(teaching["code"], teaching["secret"])


def top(spec: PageSpec) -> None:
    """Above the page: the wall on the teacher's tab, the question on a student's."""
    teaching = _teaching()
    if teaching and teaching["page"] == spec.url_path:
        _wall(spec, teaching)
    elif st.query_params.get_all(CLASS_PARAM):
        _student(spec)


def _wall(spec: PageSpec, teaching: dict) -> None:
    question = store().get(teaching["code"])
    if question is None:
        st.session_state.pop(TEACHER_KEY, None)
        st.warning("The class question has ended: its class code expired. Start a new one in the sidebar.")
        return
    link = join_link(question)
    with st.container(border=True, key="class_wall"):
        join, live = st.columns([1, 2], gap="large")
        with join:
            st.image(qr_png(link), caption="Scan to join the class question", width=240)
            st.markdown(f"Class code: **{question.code}**")
            st.code(link, language=None, wrap_lines=True)
            if base_is_local():
                st.caption(
                    "This address works on this machine only: open the app by its network address "
                    "(`hostname -I`) so that the link and the QR code work on phones."
                )
        with live:
            _wall_live(teaching["code"], teaching["secret"])


def base_is_local() -> bool:
    host = urllib.parse.urlsplit(st.context.url or LOCAL_BASE).hostname or ""
    return host in {"localhost", "127.0.0.1", "::1"}


@st.fragment(run_every=WALL_REFRESH)
def _wall_live(code: str, secret: str) -> None:
    from app.classroom import wall

    question = store().get(code)
    if question is None:
        st.warning("The class question has ended: its class code expired.")
        return
    wall.draw(question, store().answers(code))
    buttons = st.container(horizontal=True)
    buttons.button(
        "Reveal",
        key="class_reveal",
        disabled=question.revealed,
        on_click=_teacher_action,
        args=("reveal", code, secret),
        icon=":material/visibility:",
        type="primary",
    )
    buttons.button(
        "Next question",
        key="class_next",
        on_click=_teacher_action,
        args=("next", code, secret),
        icon=":material/skip_next:",
    )


def _teacher_action(action: str, code: str, secret: str) -> None:
    try:
        if action == "reveal":
            store().reveal(code, secret)
        else:
            question = store().get(code)
            if question is not None:
                params = _params(question.kind) if question.kind in A.FIT_KINDS else question.params
                store().next_question(code, secret, question.kind, secrets.randbelow(2**32), params)
    except S.ClassError as err:
        st.session_state[FEEDBACK_KEY] = ("error", str(err))


# ----------------------------------------------------------------------------------- student
def student_id() -> str:
    """This tab's random id: from ``me=`` in the URL if it is one, else new (and put in the URL)."""
    if STUDENT_KEY in st.session_state:
        return st.session_state[STUDENT_KEY]
    raw = st.query_params.get(STUDENT_PARAM, "")
    me = raw if STUDENT_ID.fullmatch(raw) else secrets.token_urlsafe(12)
    st.session_state[STUDENT_KEY] = me
    if raw != me:
        st.query_params[STUDENT_PARAM] = me  # a reload of the tab keeps it
    return me


def _student(spec: PageSpec) -> None:
    code = S.normalise_code(st.query_params.get_all(CLASS_PARAM)[-1])
    question = store().get(code) if S.is_code(code) else None
    if question is None:
        shown = f" {code}" if S.is_code(code) else ""
        url_state.warn(
            f"URL parameter `class`: no class question has the code{shown}, or it has ended (a class "
            "expires 3 hours after its last answer). Ask for the code on the wall; this page works as usual."
        )
        return
    me = student_id()
    if question.page != spec.url_path:
        target = page(question.page)
        st.info(f"The class question is on another page: {target.title}.")
        st.page_link(
            target.path.as_posix(),
            label=f"Go to the class question ({target.title})",
            query_params={CLASS_PARAM: question.code, STUDENT_PARAM: me},
            icon=":material/groups:",
        )
        return
    _student_panel(question.code, me)


@st.fragment(run_every=STUDENT_REFRESH)
def _student_panel(code: str, me: str) -> None:
    question = store().get(code)
    with st.container(border=True, key="class_student"):
        if question is None:
            st.warning("This class question has ended: the class code expired or the teacher ended it.")
            return
        answers = store().answers(code)
        mine = A.choice_of(answers, me)
        st.markdown(f"**Class question {question.number}.** " + _prompt(question))
        options = None
        if question.kind in A.FIT_KINDS:
            if mine:
                st.caption(f"Your line as sent: w = {mine['w']:.4g}, b = {mine['b']:.4g}.")
        else:
            quiz = QUESTIONS[question.kind](question.seed)
            options = quiz.options
            st.radio(
                "Your answer",
                range(len(options)),
                format_func=lambda i: options[i],
                index=mine["choice"] if mine else None,
                key=f"class_choice_{code}_{question.number}",
                disabled=question.revealed,
            )
        st.text_input("Nickname (optional, at most 20 characters)", key="class_nickname", max_chars=20)
        st.button(
            "Send my line" if options is None else "Send my answer",
            key="class_send",
            disabled=question.revealed,
            on_click=_send,
            args=(question, me),
            type="primary",
            icon=":material/send:",
        )
        feedback = st.session_state.get(FEEDBACK_KEY)  # kept across the panel's refreshes until the next send
        if feedback:
            getattr(st, feedback[0])(feedback[1])
        if options is not None and mine:
            st.caption("Counted: " + "your answer is in. You may change it until the teacher reveals the answer.")
            st.text(f"Your answer: {options[mine['choice']]}")
        if question.revealed:
            _student_reveal(question, mine)


def _prompt(question: S.ClassQuestion) -> str:
    if question.kind in A.FIT_KINDS:
        return FIT_PROMPTS[question.kind]
    return QUESTIONS[question.kind](question.seed).prompt


def _send(question: S.ClassQuestion, me: str) -> None:
    st.session_state.pop(FEEDBACK_KEY, None)
    try:
        nickname = A.clean_nickname(st.session_state.get("class_nickname", ""))
        if question.kind in A.FIT_KINDS:
            fit = question.params.get("fit", {})
            value = A.fit_answer(st.session_state.get("w"), st.session_state.get("b"), fit["w_range"], fit["b_range"])
        else:
            options = QUESTIONS[question.kind](question.seed).options
            value = A.choice_answer(
                st.session_state.get(f"class_choice_{question.code}_{question.number}"), len(options)
            )
        store().answer(question.code, me, value, nickname)
    except S.TooFast as err:
        st.session_state[FEEDBACK_KEY] = ("warning", str(err))
    except (A.AnswerError, S.ClassError) as err:
        st.session_state[FEEDBACK_KEY] = ("error", f"Not sent: {err}.".replace("..", "."))
    else:
        st.session_state[FEEDBACK_KEY] = ("success", "Sent. You may change it until the teacher reveals the answer.")


def _student_reveal(question: S.ClassQuestion, mine: dict | None) -> None:
    if question.kind in A.FIT_KINDS:
        st.info("The teacher revealed the best line: look at the wall.")
        return
    quiz = QUESTIONS[question.kind](question.seed)
    right = quiz.options[quiz.answer]
    if mine is None:
        verdict = f"The answer is **{right}**."
    elif mine["choice"] == quiz.answer:
        verdict = f"Right: the answer is **{right}**."
    else:
        verdict = f"Not quite: the answer is **{right}**."
    (st.success if mine and mine["choice"] == quiz.answer else st.info)(f"{verdict} {quiz.explanation}")
