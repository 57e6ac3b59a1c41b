"""The presentation view and the predict-then-check box, under AppTest."""

from core.quiz import reshape_question
from scripts.app_driver import metrics, open_page


def test_presentation_view_shows_one_idea_and_moves_on():
    at = open_page("arrays", {"present": "1", "idea": "2"})
    assert not at.exception
    bar = " ".join(m.value for m in at.markdown)
    assert "Idea 2 of 5: The values" in bar
    assert at.query_params["idea"] == "2"
    at.button(key="idea_next").click().run()
    assert "Idea 3 of 5: What to notice" in " ".join(m.value for m in at.markdown)
    assert at.query_params["idea"] == "3"
    # The figures are still computed while hidden, and the picture is only hidden by CSS.
    assert metrics(at)["shape"] == "(4, 3, 2)"
    at.button(key="present_leave").click().run()
    assert at.toggle(key="present").value is False
    assert not any("Idea 3 of 5" in m.value for m in at.markdown)


def test_idea_out_of_range_is_clamped_with_a_warning():
    at = open_page("arrays", {"present": "1", "idea": "99"})
    assert not at.exception
    assert any("`idea`" in w.value for w in at.warning)
    assert "Idea 5 of 5" in " ".join(m.value for m in at.markdown)


def test_quiz_checks_the_prediction_against_numpy():
    at = open_page("arrays")
    seed = at.session_state["quiz_reshape_seed"]
    question = reshape_question(seed)
    radio = at.radio(key=f"quiz_reshape_choice_{seed}")
    assert list(radio.options) == list(question.options)
    wrong = next(o for o in question.options if not question.is_right(o))
    radio.set_value(wrong).run()
    at.button(key="quiz_reshape_check").click().run()
    assert any("Not quite" in i.value and question.options[question.answer] in i.value for i in at.info)
    at.radio(key=f"quiz_reshape_choice_{seed}").set_value(question.options[question.answer]).run()
    assert not at.success, "changing the prediction hides the old verdict until checked again"
    at.button(key="quiz_reshape_check").click().run()
    assert any(s.value.startswith("Right.") for s in at.success)
    at.button(key="quiz_reshape_new").click().run()
    assert not at.success and not at.exception
