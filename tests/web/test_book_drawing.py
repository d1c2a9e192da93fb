"""Open-book quizzes never draw a blank meant for recall (tagged `closed-book` by the generator)."""

from __future__ import annotations

import dataclasses

from quizapp.services.quizzes import eligible_candidates
from tests.factories import make_bank, make_quiz, sample_bank


def bank_with_a_recall_blank():
    doc = sample_bank()
    blank = dataclasses.replace(doc.questions[1], id="q-blank", prompt="Which figure completes "
                                "this statement: 'about ___ millimetres of rain fell'?",
                                tags=["figure", "closed-book"])
    doc.questions.append(blank)
    return doc


def drawn_prompts(quiz) -> set[str]:
    ids = {c.id for c in eligible_candidates([quiz.id])[quiz.id]}
    return {q.prompt for q in quiz.banks[0].questions if q.id in ids}


def test_an_open_book_quiz_leaves_out_recall_blanks(app):
    with app.app_context():
        quiz = make_quiz([make_bank(doc=bank_with_a_recall_blank())], book="open")
        prompts = drawn_prompts(quiz)
        assert prompts and not any("___" in p for p in prompts)


def test_a_closed_book_quiz_may_draw_recall_blanks(app):
    with app.app_context():
        quiz = make_quiz([make_bank(doc=bank_with_a_recall_blank())], book="closed")
        assert any("___" in p for p in drawn_prompts(quiz))
