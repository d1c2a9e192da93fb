"""Paging past the end is never a database error; pages with answer keys are never cached."""

from __future__ import annotations

import pytest

from quizapp.services import answers, attempts
from tests.conftest import login, make_user
from tests.factories import make_bank, make_quiz


@pytest.fixture
def world(app, client):
    prof = make_user("prof", "instructor")
    bank = make_bank(prof)
    quiz = make_quiz([bank], prof)
    stu = make_user("stu")
    attempt = attempts.start_attempt(quiz.id, stu.id)
    answers.answer_question(attempt.id, stu.id, 1, "Red Cross")
    attempts.finish_attempt(attempt.id, stu.id)
    return {"bank": bank.id, "quiz": quiz.id, "attempt": attempt.id}


@pytest.mark.parametrize("page", ["9223372036854775807", "9223372036854775808", "-5", "0",
                                  str(2**80), "abc"])  # fmt: skip
def test_any_page_number_of_a_bank_shows_a_page(world, client, page):
    login(client, "prof")
    response = client.get(f"/teach/banks/{world['bank']}?page={page}")
    assert response.status_code == 200
    assert "Who is cited for the figure" in response.get_data(as_text=True)


STUDENT_PAGES = [
    "/quizzes/attempts/{attempt}/questions/1/feedback",
    "/quizzes/attempts/{attempt}/result",
    "/me/attempts/{attempt}",
    "/me/history",
]
INSTRUCTOR_PAGES = [
    "/teach/banks/{bank}",
    "/teach/banks/{bank}/review",
    "/teach/banks/{bank}/export?format=json",
    "/teach/quizzes/{quiz}/results",
    "/teach/quizzes/{quiz}/responses.csv",
]


@pytest.mark.parametrize("url", STUDENT_PAGES + INSTRUCTOR_PAGES)
def test_pages_that_hold_answer_keys_are_not_stored(world, client, url):
    login(client, "prof" if url.startswith("/teach") else "stu")
    response = client.get(url.format(**world))
    assert response.status_code == 200, url
    assert "no-store" in response.headers.get("Cache-Control", "")


def test_static_files_keep_their_own_caching(client):
    response = client.get("/static/style.css")
    response.close()
    assert "no-store" not in response.headers.get("Cache-Control", "")
