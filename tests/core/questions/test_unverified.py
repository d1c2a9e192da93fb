"""Questions on what an article says about its own sourcing ("could not be independently
verified", "without citing a source"), on short articles of our own."""

from __future__ import annotations

from quizapp.core.banks.model import Source
from quizapp.core.questions import check_integrity, generate_questions
from quizapp.core.questions.unverified import SOURCE_CHOICES, VERIFY_CHOICES
from quizapp.core.scoring import score_answer


def _asked(text: str) -> list:
    sources = [Source(id="s", title="Clashes near Kessa", text=text, date="2025-01-01")]
    found = [q for q in generate_questions(sources) if "verification" in q.tags]
    for q in found:
        assert check_integrity(q, sources) == [], q
        assert score_answer(q, q.answer).correct
        assert not any(score_answer(q, c).correct for c in q.choices if c != q.answer)
    return found


def test_a_claim_the_next_sentence_calls_unverified_is_asked_about_with_both_cited():
    found = _asked("Talks failed on Friday.\n\nThe Valdorian army said its forces had killed 120 "
                   "rebel fighters near Kessa. The claim could not be independently verified.")
    assert [q.prompt for q in found] == [
        "What does the article say about checking the Valdorian army’s claim that its forces "
        "had killed 120 rebel fighters near Kessa?"]
    assert found[0].answer == VERIFY_CHOICES[0] and len(found[0].evidence) == 2


def test_an_outlet_that_could_not_verify_the_figures_points_back_but_not_at_its_own_object():
    found = _asked("Talks failed on Friday.\n\nLocal officials said 18 homes burned. Reuters "
                   "could not independently verify the figures.\n\nReuters could not "
                   "independently verify reports that 300 people had fled.")
    assert [q.prompt for q in found] == [
        "What does the article say about checking the local officials’ claim that 18 homes "
        "burned?"]


def test_a_figure_given_without_a_source_is_asked_about_its_origin():
    found = _asked("Talks failed on Friday.\n\nThe rebels said 40 soldiers had died in the "
                   "clashes, without citing any source for the figure.")
    assert [q.answer for q in found] == [SOURCE_CHOICES[0]]
    assert "the rebels’ claim that 40 soldiers had died in the clashes" in found[0].prompt


def test_an_article_that_says_nothing_of_checking_gets_no_such_question():
    assert _asked("Talks failed on Friday.\n\nThe army said 120 rebels were killed near Kessa. "
                  "It said the road was open again.") == []
