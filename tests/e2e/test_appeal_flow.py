"""In a browser: a student appeals a mark, the instructor accepts the answer for every student,
and another student who gave the same answer sees their mark change and why (issue 15)."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from quizapp.extensions import db
from quizapp.models import Question, Response
from quizapp.services import answers, attempts
from quizapp.services.accounts import create_user
from tests.e2e.conftest import PASSWORD, log_in
from tests.factories import make_bank, make_quiz

pytestmark = pytest.mark.e2e

# Who is cited for the 12,000 displaced? The Red Cross; the scorer refuses this description.
ANSWER = "the humanitarian group"


def seed() -> dict:
    """Store the instructor's quiz, two students, and Ben's finished attempt with ANSWER."""
    prof = create_user("prof", PASSWORD, "instructor")
    create_user("ann", PASSWORD, "student")
    ben = create_user("ben", PASSWORD, "student")
    quiz = make_quiz([make_bank(prof)], prof, title="Flood quiz")
    attempt = attempts.start_attempt(quiz.id, ben.id)
    first = db.session.get(Question, attempt.question_ids[0])
    outcome = answers.answer_question(attempt.id, ben.id, 1, ANSWER)
    attempts.finish_attempt(attempt.id, ben.id)
    return {"quiz": quiz.id, "ben_response": outcome.response.id, "prompt": first.prompt,
            "type": first.type}  # fmt: skip


def mark_of(response_id: int) -> tuple[bool, float]:
    db.session.expire_all()
    row = db.session.execute(select(Response).where(Response.id == response_id)).scalar_one()
    return row.correct, row.credit


def log_out(page) -> None:
    page.get_by_role("button", name=re.compile("^Log out")).click()
    page.wait_for_load_state()


def test_an_appeal_accepted_for_everyone_changes_another_students_mark(
    page, live_server, axe_check
):
    ids = live_server.run(seed)
    assert ids["type"] == "source"
    assert live_server.run(mark_of, ids["ben_response"]) == (False, 0.0)

    # Ann answers as Ben did, is marked wrong, and appeals from the feedback page.
    log_in(page, "ann")
    page.goto(f"/quizzes/{ids['quiz']}")
    page.get_by_role("button", name=re.compile("^Start")).click()
    assert ids["prompt"] in page.content()
    page.get_by_label(ids["prompt"]).fill(ANSWER)
    page.get_by_role("button", name="Submit answer").click()
    assert page.get_by_role("heading", level=1).inner_text().startswith("Wrong")
    axe_check(page, "feedback with the appeal form")
    page.get_by_label(re.compile("^Think your answer is right")).fill("It is the Red Cross.")
    page.get_by_role("button", name=re.compile("^Appeal this mark")).click()
    assert "Appeal sent" in page.locator(".flashes").inner_text()
    assert "your instructor will look at this mark again" in page.content()
    assert page.get_by_role("button", name=re.compile("^Appeal this mark")).count() == 0
    log_out(page)

    # The instructor finds it in the queue, beside the key and evidence, and accepts it.
    log_in(page, "prof")
    page.get_by_role("link", name="Workspace").click()
    page.get_by_role("navigation", name="Workspace").get_by_role("link", name="Reviews").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Reviews"
    item = page.locator(".queue-item").first
    assert ANSWER in item.inner_text() and "It is the Red Cross." in item.inner_text()
    assert "Flooding displaced more than 12,000 people" in item.inner_text()
    axe_check(page, "review queue")
    variant = item.get_by_role("checkbox", name=re.compile("Also accept"))
    assert variant.is_checked()
    item.get_by_role("button", name=re.compile("^Accept: mark right")).click()
    flash = page.locator(".flashes").inner_text()
    assert "It is now an accepted answer; 1 other mark changed." in flash
    assert "No open appeals." in page.content()
    log_out(page)
    assert live_server.run(mark_of, ids["ben_response"]) == (True, 1.0)

    # Ben sees the change and why on his history, and on the attempt.
    log_in(page, "ben")
    page.goto("/me/history")
    notices = page.get_by_role("region", name="Your marks changed")
    assert "from Wrong to Right" in notices.inner_text()
    assert "was added to the accepted answers" in notices.inner_text()
    axe_check(page, "history with a notice")
    notices.get_by_role("link", name=re.compile("Flood quiz, question 1")).click()
    assert "Your mark changed from Wrong to Right" in page.content()
    axe_check(page, "attempt with a changed mark")
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto("/me/history")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"the history is {width} px wide on a 390 px phone"
