"""A class in a real browser: create it, a student joins with the code, the class quiz is hers
only, a timed quiz submits her saved answers when time runs out, the gradebook opens her attempt.
"""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from sqlalchemy import select, update

from quizapp.extensions import db
from quizapp.models import Attempt, utcnow
from quizapp.services.accounts import create_user
from tests.e2e.conftest import PASSWORD, log_in
from tests.factories import evidence_bank, make_bank, make_quiz

pytestmark = pytest.mark.e2e


def log_out(page) -> None:
    page.get_by_role("button", name=re.compile("^Log out")).click()
    page.wait_for_load_state()


def seed(live_server) -> int:
    """An instructor owning a timed test (1 minute), and two students; return the quiz id."""

    def make() -> int:
        prof = create_user("prof", PASSWORD, "instructor")
        create_user("ana", PASSWORD, "student")
        create_user("bo", PASSWORD, "student")
        bank = make_bank(prof, doc=evidence_bank())
        quiz = make_quiz([bank], prof, title="Timed flood check", mode="test",
                         time_limit_minutes=1)  # fmt: skip
        return quiz.id

    return live_server.run(make)


def end_soon(live_server, seconds: int) -> None:
    """Stand in for the clock: the running attempt's time runs out in `seconds`."""

    def move() -> None:
        db.session.execute(
            update(Attempt)
            .where(Attempt.finished_at.is_(None))
            .values(deadline=utcnow() + timedelta(seconds=seconds))
        )
        db.session.commit()

    live_server.run(move)


def test_class_code_assignment_time_limit_and_gradebook(page, live_server, axe_check):
    quiz_id = seed(live_server)

    # The instructor creates a class and assigns the quiz to it.
    log_in(page, "prof")
    page.get_by_role("link", name="Workspace").click()
    page.get_by_role("navigation", name="Workspace").get_by_role("link", name="Classes").click()
    axe_check(page, "classes")
    page.get_by_label("Class name").fill("Media 10B")
    page.get_by_label("Time zone").select_option("Europe/London")
    page.get_by_role("button", name="Create the class").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Media 10B"
    code = page.locator(".join-code").inner_text().strip()
    assert re.fullmatch(r"[A-Z2-9]{8}", code)
    page.get_by_label("Quiz").select_option(label="Timed flood check")
    page.get_by_role("button", name="Assign").click()
    assert "Quiz assigned" in page.locator(".flashes").inner_text()
    assert "Timed flood check" in page.locator("table").inner_text()
    axe_check(page, "class page")
    log_out(page)

    # A student joins with the code; the quiz is listed for her.
    log_in(page, "ana")
    page.get_by_role("link", name="My classes").click()
    page.get_by_role("link", name="Join a class with a code").click()
    page.get_by_label("Class code").fill(code.lower())
    page.get_by_role("button", name="Join the class").click()
    assert "You joined Media 10B." in page.locator(".flashes").inner_text()
    page.goto("/")
    assigned = page.get_by_role("region", name="Set for your classes")
    assert "Timed flood check" in assigned.inner_text() and "Media 10B" in assigned.inner_text()
    axe_check(page, "home with class quizzes")
    log_out(page)

    # A student outside the class and an anonymous guest are refused, with a reason.
    log_in(page, "bo")
    refused = page.goto(f"/quizzes/{quiz_id}")
    assert refused.status == 403
    assert "for the students of its class" in page.locator("main").inner_text()
    page.goto("/")
    assert "Timed flood check" not in page.locator("main").inner_text()
    log_out(page)
    guest = page.goto(f"/quizzes/{quiz_id}")
    assert guest.status == 403 and "log in or register" in page.locator("main").inner_text()

    # She takes the timed quiz: the time left shows; she saves one answer; time runs out.
    log_in(page, "ana")
    page.goto("/")
    page.get_by_role("region", name="Set for your classes").get_by_role(
        "link", name="Timed flood check"
    ).click()
    page.get_by_role("button", name="Start the quiz").click()
    assert page.get_by_role("heading", name="Question 1 of 6").is_visible()
    assert "Time left:" in page.locator(".timer").inner_text()
    axe_check(page, "timed question")
    page.locator("#answer").fill("the Red Cross")
    page.get_by_role("button", name="Save answer").click()
    assert page.get_by_role("heading", name="Question 2 of 6").is_visible()
    end_soon(live_server, 3)
    page.reload()
    page.locator("#answer").fill("about 300")  # typed, never saved: time runs out first
    page.wait_for_url(re.compile(r"/result$"), timeout=25_000)
    assert "Time ran out: the answers you had saved were submitted." in page.locator(
        "main"
    ).inner_text()
    assert "1 of 6" in page.locator(".score").inner_text()
    axe_check(page, "result after time ran out")
    log_out(page)

    # The instructor opens her attempt from the class gradebook.
    log_in(page, "prof")
    page.get_by_role("link", name="Workspace").click()
    page.get_by_role("navigation", name="Workspace").get_by_role("link", name="Classes").click()
    page.get_by_role("link", name="Media 10B").click()
    page.get_by_role("link", name="Gradebook").click()
    assert "17%" in page.locator("table.gradebook").inner_text()
    axe_check(page, "class gradebook")
    page.get_by_role("link", name="ana").click()
    page.get_by_role("link", name=re.compile("^Timed flood check")).click()
    main = page.locator("main").inner_text()
    assert "ana: Timed flood check" in main and "the Red Cross" in main
    assert "Not answered" in main
    axe_check(page, "student attempt")
    attempt = live_server.run(
        lambda: db.session.execute(select(Attempt.score, Attempt.finished_at)).one()
    )
    assert attempt.score == 1.0 and attempt.finished_at is not None
