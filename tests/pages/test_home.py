"""Home under AppTest: the slides' pictures, every registered page linked, and the lesson path's progress."""

import json

from app.lessons import home as text
from app.registry import PAGES, lesson_pages
from core.quiz import QUESTIONS
from scripts.app_driver import open_page


def links(at) -> list[tuple[str, str]]:
    """Every page link on the page: (url path, label)."""
    return [(link.proto.page, link.proto.label) for link in at.get("page_link")]


def path_line(at, title: str) -> str:
    """The lesson path's status line of the page called ``title``."""
    spec = next(s for s in PAGES if s.title == title)
    return next(c.value for c in at.caption if c.value.startswith(spec.summary))


def answer_right(at, kind: str) -> None:
    seed = at.session_state[f"quiz_{kind}_seed"]
    question = QUESTIONS[kind](seed)
    at.radio(key=f"quiz_{kind}_choice_{seed}").set_value(question.options[question.answer]).run()
    at.button(key=f"quiz_{kind}_check").click().run()
    assert any(s.value.startswith("Right.") for s in at.success)


def test_home_runs_and_links_every_registered_page_from_the_registry():
    at = open_page("")
    assert not at.exception and not at.warning
    linked = {path for path, _ in links(at)}
    assert {spec.url_path for spec in lesson_pages()} <= linked
    # The path lists them in the registry's order, numbered, each with its summary.
    path = [label for _, label in links(at) if label[:1].isdigit()]
    assert path == [f"{n}. {spec.title}" for n, spec in enumerate(lesson_pages(), 1)]
    for spec in lesson_pages():
        assert path_line(at, spec.title)


def part_block(at, name: str):
    """The container of one part of the loop (keyed ``home_part_<name>``)."""
    return next(b for b in at.main.children.values() if str(getattr(b.proto, "id", "")).endswith(f"home_part_{name}"))


def test_each_part_of_the_loop_links_to_its_pages():
    at = open_page("")
    registered = {s.url_path for s in PAGES}
    for name, about, paths in text.PARTS:
        block = part_block(at, name.lower())
        assert block.children[0].value == f"**{name}**: {about}"
        linked = [link.proto.page for link in block.children[1].get("page_link")]
        assert linked == [p for p in paths if p in registered]
    assert [p.proto.page for p in part_block(at, "data").children[1].get("page_link")][:2] == ["arrays", "broadcasting"]
    assert "linear-regression" in [p.proto.page for p in part_block(at, "optimiser").children[1].get("page_link")]


def test_the_slides_pictures_are_drawn_as_figures():
    at = open_page("")
    specs = {chart.proto.id.split("-")[-1]: json.loads(chart.proto.spec) for chart in at.get("plotly_chart")}
    loop = next(spec for key, spec in specs.items() if "home_loop" in key)
    words = " ".join(a["text"] for a in loop["layout"]["annotations"])
    for part in ("Data", "features x", "labels y", "Model", "Prediction", "Loss", "ŷ against y", "Optimiser"):
        assert part in words
    assert "many times" in words
    nested = next(spec for key, spec in specs.items() if "home_nested" in key)
    assert [a["text"] for a in nested["layout"]["annotations"]] == [
        "<b>Artificial intelligence</b>",
        "<b>Machine learning</b>",
        "<b>Deep learning</b>",
    ]
    said = " ".join(m.value for m in at.markdown)
    assert "**Artificial intelligence**" in said and "**Deep learning**" in said


def test_progress_changes_after_a_question_is_answered_and_home_is_opened_again():
    at = open_page("")
    assert links(at)[0] == ("arrays", "Start the lesson: Arrays and shapes")
    assert path_line(at, "Iris: the hello world of ML").endswith("*(not opened yet, question not answered right yet)*")
    before = next(m.value for m in at.markdown if m.value.startswith("In this tab"))
    assert "opened 0 of the" in before and "answered 0 of" in before

    at.switch_page("../pages/iris.py")
    at.run()
    answer_right(at, "softmax")
    at.switch_page("../pages/broadcasting.py")
    at.run()
    at.switch_page("../pages/home.py")
    at.run()
    assert not at.exception
    assert path_line(at, "Iris: the hello world of ML").endswith("*(opened, question answered right)*")
    assert path_line(at, "Broadcasting").endswith("*(opened, question not answered right yet)*")
    after = next(m.value for m in at.markdown if m.value.startswith("In this tab"))
    assert "opened 2 of the" in after and "answered 1 of" in after
    assert links(at)[0] == ("broadcasting", "Continue where you left off: Broadcasting")


def test_where_code_runs_names_jupyter_colab_and_a_terminal():
    at = open_page("")
    assert [t.label for t in at.tabs] == ["Jupyter", "Colab", "Terminal"]
    said = " ".join(m.value for m in at.markdown)
    assert "Download notebook" in said and "Upload notebook" in said and "python example.py" in said
