"""Attempts survive what browsers do: expired sessions and tokens, double posts, races, snooping."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import event, func, insert, select

from quizapp.extensions import AUTOCOMMIT, db, dispose_engines
from quizapp.models import Attempt, Response
from quizapp.services import answers, attempts
from tests.conftest import login, make_test_app, make_user
from tests.factories import make_bank, make_quiz


def start(client, quiz_id: int) -> str:
    response = client.post(f"/quizzes/{quiz_id}/start")
    assert response.status_code == 302
    return response.location


def response_count() -> int:
    db.session.expire_all()
    return db.session.execute(select(func.count(Response.id))).scalar_one()


@pytest.fixture
def quiz(app):
    return make_quiz([make_bank()])


@pytest.fixture
def student(app, client):
    user = make_user("sam")
    login(client, "sam")
    return user


def test_answer_posted_after_logout_is_kept_until_login(client, quiz, student):
    url = start(client, quiz.id)
    client.post("/auth/logout")
    response = client.post(url, data={"answer": "Red Cross"})
    assert response.status_code == 302
    assert response.location == f"/auth/login?next={url}"
    assert response_count() == 0
    response = client.post(response.location, data={"username": "sam", "password": "correct horse"})
    assert response.location == url
    page = client.get(url).get_data(as_text=True)
    assert "Your answer was kept; submit it to save it" in page
    assert 'value="Red Cross"' in page
    client.post(url, data={"answer": "Red Cross"})
    assert response_count() == 1
    assert "was kept" not in client.get(url + "/feedback").get_data(as_text=True)


def test_anonymous_get_of_a_question_asks_to_log_in(client, quiz, student):
    url = start(client, quiz.id)
    client.post("/auth/logout")
    assert "/auth/login" in client.get(url).location
    assert "/auth/login" in client.get(url + "/feedback").location


def csrf_app(database_url, tmp_path):
    return make_test_app(database_url, tmp_path, WTF_CSRF_ENABLED=True)


def token(page: str) -> str:
    return re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)


def test_expired_csrf_token_keeps_the_answer(database_url, tmp_path):
    app = csrf_app(database_url, tmp_path)
    with app.app_context():
        quiz_id = make_quiz([make_bank()]).id
    client = app.test_client()
    overview = client.get(f"/quizzes/{quiz_id}").get_data(as_text=True)
    url = client.post(f"/quizzes/{quiz_id}/start", data={"csrf_token": token(overview)}).location
    response = client.post(url, data={"answer": "Red Cross", "csrf_token": "expired"})
    assert response.status_code == 302 and response.location == url
    page = client.get(url).get_data(as_text=True)
    assert "Your answer was kept; submit it to save it" in page
    assert 'value="Red Cross"' in page
    with app.app_context():
        assert db.session.execute(select(func.count(Response.id))).scalar_one() == 0
    response = client.post(url, data={"answer": "Red Cross", "csrf_token": token(page)})
    assert response.location.endswith("/feedback")
    with app.app_context():
        assert db.session.execute(select(func.count(Response.id))).scalar_one() == 1
        db.session.remove()
        dispose_engines()


def test_csrf_is_enforced_on_start_and_finish(database_url, tmp_path):
    app = csrf_app(database_url, tmp_path)
    with app.app_context():
        quiz_id = make_quiz([make_bank()]).id
    client = app.test_client()
    response = client.post(f"/quizzes/{quiz_id}/start")
    assert response.status_code == 400
    assert "form expired" in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.execute(select(func.count(Attempt.id))).scalar_one() == 0
        db.session.remove()
        dispose_engines()


def test_same_answer_submitted_twice_keeps_one_response_and_score(client, quiz, student):
    url = start(client, quiz.id)
    first = client.post(url, data={"answer": "Red Cross"})
    second = client.post(url, data={"answer": "red cross "})
    assert first.location == second.location
    assert response_count() == 1
    assert db.session.execute(select(Response)).scalar_one().credit == 1.0


@pytest.mark.parametrize("mode", ["practice", "test"])
def test_a_concurrent_duplicate_insert_is_absorbed(app, quiz, student, mode):
    """Another request stores the response between our check and our insert (a real race)."""
    quiz.mode = mode
    db.session.commit()
    attempt = attempts.start_attempt(quiz.id, student.id)
    question_id = attempt.question_ids[0]
    attempt_id = attempt.id
    fired = []

    def other_request_wins(conn, cursor, statement, parameters, context, executemany):
        if statement.lstrip().upper().startswith("INSERT INTO RESPONSES") and not fired:
            fired.append(True)
            with db.engine.connect() as other:
                other.execute(
                    insert(Response).values(
                        attempt_id=attempt_id,
                        question_id=question_id,
                        answer="Red Cross",
                        correct=True,
                        credit=1.0,
                        reason="Correct.",
                    )
                )
                other.commit()

    answering = db.engines[AUTOCOMMIT]  # the engine that saves answers
    event.listen(answering, "before_cursor_execute", other_request_wins)
    try:
        outcome = answers.answer_question(attempt_id, student.id, 1, "Red Cross")
    finally:
        event.remove(answering, "before_cursor_execute", other_request_wins)
    assert fired
    assert not outcome.created and outcome.response.answer == "Red Cross"
    assert response_count() == 1


def test_another_users_attempt_is_404_everywhere(client, quiz, student):
    url = start(client, quiz.id)
    client.post(url, data={"answer": "Red Cross"})
    attempt_id = db.session.execute(select(Attempt.id)).scalar_one()
    client.post(f"/quizzes/attempts/{attempt_id}/submit")
    client.post("/auth/logout")
    make_user("eve")
    login(client, "eve")
    base = f"/quizzes/attempts/{attempt_id}"
    for path in (
        f"{base}/questions/1",
        f"{base}/questions/1/feedback",
        f"{base}/result",
        f"{base}/submit",
        f"{base}/resume",
        f"/me/attempts/{attempt_id}",
    ):
        assert client.get(path).status_code == 404, path
    for path in (f"{base}/questions/2", f"{base}/submit", f"{base}/retry"):
        assert client.post(path, data={"answer": "x"}).status_code == 404, path
    assert response_count() == 1


def test_attempt_resumes_after_logging_in_again(client, quiz, student):
    url = start(client, quiz.id)
    client.post(url, data={"answer": "Red Cross"})
    client.post("/auth/logout")
    login(client, "sam")
    page = client.get(f"/quizzes/{quiz.id}").get_data(as_text=True)
    resume = re.search(r'href="(/quizzes/attempts/\d+/resume)"', page).group(1)
    assert client.get(resume).location.endswith("/questions/2")
    assert client.post(f"/quizzes/{quiz.id}/start").location.endswith("/questions/2")


def source_link(page: str) -> str:
    return re.search(r'href="(/quizzes/sources/[^"]+)"', page).group(1).replace("&amp;", "&")


def test_source_page_highlights_the_span_for_those_who_answered(client, quiz, student):
    url = start(client, quiz.id)
    client.post(url, data={"answer": "Red Cross"})
    link = source_link(client.get(url + "/feedback").get_data(as_text=True))
    page = client.get(link).get_data(as_text=True)
    assert '<mark id="highlight">Flooding displaced more than 12,000' in page
    assert "Officials speculate" in page  # the whole article
    source_id = link.split("/")[3].split("?")[0]
    assert client.get(f"/quizzes/sources/{source_id}").status_code == 200
    for bad in ("start=5&end=2", "start=0&end=99999", "start=-1&end=3", "start=x&end=3", "start=3"):
        response = client.get(f"/quizzes/sources/{source_id}?{bad}")
        assert response.status_code == 400, bad
        assert "outside the article" in response.get_data(as_text=True)
    client.post("/auth/logout")
    make_user("eve")
    login(client, "eve")
    assert client.get(link).status_code == 404
    client.post("/auth/logout")
    make_user("teacher", role="instructor")
    login(client, "teacher")
    assert client.get(link).status_code == 200
    assert client.get("/quizzes/sources/9999").status_code == 404


def test_source_stays_hidden_during_an_unsubmitted_test(client, app, student):
    quiz = make_quiz([make_bank()], mode="test")
    url = start(client, quiz.id)
    client.post(url, data={"answer": "Red Cross"})
    source_id = quiz.banks[0].questions[0].evidence[0].source_id
    assert client.get(f"/quizzes/sources/{source_id}").status_code == 404
    attempt_id = db.session.execute(select(Attempt.id)).scalar_one()
    client.post(f"/quizzes/attempts/{attempt_id}/submit")
    assert client.get(f"/quizzes/sources/{source_id}").status_code == 200


def test_guest_registers_and_keeps_the_attempt(client, quiz):
    url = start(client, quiz.id)
    client.post(url, data={"answer": "Red Cross"})
    attempt_id = db.session.execute(select(Attempt.id)).scalar_one()
    response = client.post(
        "/auth/register",
        data={"username": "newbie", "password": "long enough pw", "confirm": "long enough pw"},
    )
    assert response.status_code == 302
    page = client.get("/me/history").get_data(as_text=True)
    assert "Flood quiz" in page and f"/me/attempts/{attempt_id}" in page
    assert client.get(url + "/feedback").status_code == 200
