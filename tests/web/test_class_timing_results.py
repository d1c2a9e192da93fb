
"""Time limits enforced on the server, extra time, results per class and student, accounts."""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from datetime import timedelta

import pytest
from sqlalchemy import func, select, update

from quizapp.extensions import db
from quizapp.models import Attempt, Response, User, utcnow
from quizapp.services import answer_slots, answers, attempts
from tests.class_factories import assign, enrol, make_class
from tests.conftest import login, make_user
from tests.factories import make_bank, make_quiz


def timed_class(minutes: int = 10):
    """A class with ana in it and a timed test assigned; return (prof, ana, course, quiz id)."""
    prof = make_user("prof", "instructor")
    ana = make_user("ana")
    course = make_class(prof)
    enrol(course, ana)
    quiz_id = assign(course, make_bank(prof), prof, mode="test", time_limit_minutes=minutes).quiz_id
    return prof, ana, course, quiz_id


def move_deadline(attempt_id: int, delta: timedelta) -> None:
    """Stand in for the clock: put an attempt's deadline `delta` from now."""
    db.session.execute(
        update(Attempt).where(Attempt.id == attempt_id).values(deadline=utcnow() + delta)
    )
    db.session.commit()
    db.session.expire_all()


def test_starting_a_timed_quiz_stores_its_deadline_and_pages_show_the_time_left(app, client):
    _, ana, _, quiz_id = timed_class(10)
    login(client, "ana")
    start = client.post(f"/quizzes/{quiz_id}/start")
    attempt = db.session.execute(select(Attempt)).scalar_one()
    assert attempt.deadline is not None
    assert timedelta(minutes=9, seconds=50) < attempt.deadline - attempt.started_at <= timedelta(
        minutes=10
    )
    page = client.get(start.headers["Location"]).get_data(as_text=True)
    assert "Time left:" in page and "minutes" in page and 'aria-live="polite"' in page
    assert 'src="/static/timer.js"' in page


def test_an_answer_after_the_deadline_is_refused_and_the_saved_answers_are_submitted(app, client):
    _, ana, _, quiz_id = timed_class(10)
    login(client, "ana")
    client.post(f"/quizzes/{quiz_id}/start")
    attempt_id = db.session.execute(select(Attempt.id)).scalar_one()
    first = f"/quizzes/attempts/{attempt_id}/questions/1"
    saved = client.post(first, data={"answer": "the Red Cross"})
    assert saved.status_code == 302 and saved.headers["Location"].endswith("/questions/2")
    move_deadline(attempt_id, timedelta(seconds=-30))
    late = client.post(
        f"/quizzes/attempts/{attempt_id}/questions/2", data={"answer": "about 300"},
        follow_redirects=True,
    )
    body = late.get_data(as_text=True)
    assert late.status_code == 200
    assert "Time is up: this answer arrived after the time limit and was not saved" in body
    assert "Time ran out: the answers you had saved were submitted" in body
    db.session.expire_all()
    attempt = db.session.get(Attempt, attempt_id)
    assert attempt.finished and attempt.score == 1.0 and attempt.max_score == 5.0
    stored = db.session.execute(select(Response.answer).where(Response.attempt_id == attempt_id))
    assert list(stored.scalars()) == ["the Red Cross"]


def test_a_late_answer_within_the_grace_is_still_saved(app, client):
    _, ana, _, quiz_id = timed_class(10)
    attempt = attempts.start_attempt(quiz_id, ana.id)
    move_deadline(attempt.id, timedelta(seconds=-2))
    outcome = answers.answer_question(attempt.id, ana.id, 1, "the Red Cross")
    assert outcome.created


def test_the_deadline_is_checked_by_the_insert_itself_not_only_before_it(app, client):
    # The page was loaded in time (the slot says time is left), but the deadline passes before
    # the INSERT runs: the statement itself refuses, so the late answer is never stored.
    _, ana, _, quiz_id = timed_class(10)
    attempt = attempts.start_attempt(quiz_id, ana.id)
    answers.answer_question(attempt.id, ana.id, 1, "the Red Cross")
    loaded_in_time = answer_slots.answer_slot(attempt.id, ana.id, 2)
    move_deadline(attempt.id, timedelta(minutes=-1))
    with pytest.raises(answers.AnswerRefused, match="out of time"):
        answers.save_answer(loaded_in_time, "about 300")
    changed_in_time = replace(  # as loaded before the move
        answer_slots.answer_slot(attempt.id, ana.id, 1), deadline=utcnow() + timedelta(minutes=5)
    )
    with pytest.raises(answers.AnswerRefused):
        answers.save_answer(changed_in_time, "the Blue Crescent")
    db.session.expire_all()
    stored = db.session.execute(select(Response.answer).where(Response.attempt_id == attempt.id))
    assert list(stored.scalars()) == ["the Red Cross"]


def test_time_up_is_submitted_on_the_next_page_or_when_the_gradebook_is_listed(app, client):
    prof, ana, course, quiz_id = timed_class(10)
    attempt = attempts.start_attempt(quiz_id, ana.id)
    answers.answer_question(attempt.id, ana.id, 1, "the Red Cross")
    move_deadline(attempt.id, timedelta(minutes=-1))
    login(client, "prof")
    page = client.get(f"/teach/classes/{course.id}/gradebook").get_data(as_text=True)
    assert "20%" in page
    db.session.expire_all()
    closed = db.session.get(Attempt, attempt.id)
    assert closed.finished and closed.finished_at == closed.deadline and closed.score == 1.0


def test_extra_time_for_one_student_moves_her_running_deadline(app, client):
    prof, ana, course, quiz_id = timed_class(10)
    bo = make_user("bo")
    enrol(course, bo)
    attempt = attempts.start_attempt(quiz_id, ana.id)
    before = attempt.deadline
    login(client, "prof")
    response = client.post(
        f"/teach/classes/{course.id}/students/{ana.id}/extra-time",
        data={"quiz_id": quiz_id, "minutes": 15},
    )
    assert response.status_code == 302
    db.session.expire_all()
    assert db.session.get(Attempt, attempt.id).deadline == before + timedelta(minutes=15)
    other = attempts.start_attempt(quiz_id, bo.id)
    assert other.deadline - other.started_at == timedelta(minutes=10)
    bad = client.post(
        f"/teach/classes/{course.id}/students/{ana.id}/extra-time",
        data={"quiz_id": quiz_id, "minutes": -5},
    )
    assert bad.status_code == 400
    db.session.expire_all()
    assert db.session.get(Attempt, attempt.id).deadline == before + timedelta(minutes=15)


def test_gradebook_name_opens_the_students_attempts_with_every_response(app, client):
    prof, ana, course, quiz_id = timed_class(10)
    attempt = attempts.start_attempt(quiz_id, ana.id)
    answers.answer_question(attempt.id, ana.id, 1, "the Red Cross")
    answers.answer_question(attempt.id, ana.id, 2, "about 12")
    attempts.finish_attempt(attempt.id, ana.id)
    login(client, "prof")
    book = client.get(f"/teach/classes/{course.id}/gradebook").get_data(as_text=True)
    student_url = f"/teach/classes/{course.id}/students/{ana.id}"
    assert student_url in book and "20%" in book
    listing = client.get(student_url).get_data(as_text=True)
    attempt_url = f"/teach/classes/{course.id}/attempts/{attempt.id}"
    assert attempt_url in listing
    review = client.get(attempt_url).get_data(as_text=True)
    assert "the Red Cross" in review and "about 12" in review and "Not answered" in review


def test_an_instructor_sees_no_attempt_of_a_student_outside_their_class(app, client):
    prof, ana, course, quiz_id = timed_class(10)
    other = make_user("other", "instructor")
    make_class(other, "Other class", code="OTHER234")
    attempt = attempts.start_attempt(quiz_id, ana.id)
    login(client, "other")
    assert client.get(f"/teach/classes/{course.id}/attempts/{attempt.id}").status_code == 404
    assert other.id


def test_grades_csv_has_username_email_id_and_a_score_per_quiz(app, client):
    prof, ana, course, quiz_id = timed_class(10)
    ana.email = "ana@school.example"
    bo = make_user("=cmd")  # a name a spreadsheet would run: defused
    enrol(course, bo)
    db.session.commit()
    attempt = attempts.start_attempt(quiz_id, ana.id)
    answers.answer_question(attempt.id, ana.id, 1, "the Red Cross")
    attempts.finish_attempt(attempt.id, ana.id)
    login(client, "prof")
    response = client.get(f"/teach/classes/{course.id}/grades.csv")
    assert response.status_code == 200 and response.mimetype == "text/csv"
    rows = list(csv.reader(io.StringIO(response.get_data(as_text=True))))
    assert rows[0] == ["Username", "Email", "ID", "Name", "Class quiz (%)"]
    assert rows[1] == ["'=cmd", "", str(bo.id), "", ""]
    assert rows[2] == ["ana", "ana@school.example", str(ana.id), "", "20.0"]


def test_response_matrix_and_statistics_caution_and_edit_links(app, client):
    prof, ana, course, quiz_id = timed_class(10)
    attempt = attempts.start_attempt(quiz_id, ana.id)
    answers.answer_question(attempt.id, ana.id, 1, "the Red Cross")
    answers.answer_question(attempt.id, ana.id, 2, "12")
    attempts.finish_attempt(attempt.id, ana.id)
    login(client, "prof")
    matrix = client.get(f"/teach/quizzes/{quiz_id}/matrix").get_data(as_text=True)
    assert "ana" in matrix and matrix.count("cell-right") == 1 and matrix.count("cell-wrong") == 1
    assert matrix.count("cell-blank") == 3
    stats = client.get(f"/teach/quizzes/{quiz_id}/statistics").get_data(as_text=True)
    assert "Caution:" in stats and "Below 20 attempts" in stats
    assert "/teach/questions/" in stats and "/edit" in stats


def test_owner_previews_an_unpublished_quiz_and_it_is_not_counted(app, client):
    prof = make_user("prof", "instructor")
    quiz = make_quiz([make_bank(prof)], prof, published=False, title="Draft quiz")
    login(client, "prof")
    start = client.post(f"/teach/quizzes/{quiz.id}/preview")
    assert start.status_code == 302 and "/questions/1" in start.headers["Location"]
    page = client.get(start.headers["Location"]).get_data(as_text=True)
    # The article is open beside the question (open book), so the source's name is on the page;
    # what must not be there is the key itself, which tests/web/test_answer_keys.py checks.
    assert "Question 1 of 5" in page and 'name="answer"' in page
    attempt_id = db.session.execute(select(Attempt.id)).scalar_one()
    client.post(f"/quizzes/attempts/{attempt_id}/questions/1", data={"answer": "the Red Cross"})
    client.post(f"/quizzes/attempts/{attempt_id}/submit")
    assert db.session.execute(select(func.count(Attempt.id))).scalar_one() == 1
    book = client.get(f"/teach/quizzes/{quiz.id}/results").get_data(as_text=True)
    assert "No one has attempted this quiz yet" in book
    stats = client.get(f"/teach/quizzes/{quiz.id}/statistics").get_data(as_text=True)
    assert "From 0 finished attempts" in stats
    assert "prof" not in client.get(f"/teach/quizzes/{quiz.id}/responses.csv").get_data(
        as_text=True
    )


def test_account_page_changes_name_email_and_password(app, client):
    make_user("ana")
    make_user("bo").email = "bo@school.example"
    db.session.commit()
    login(client, "ana")
    saved = client.post("/account", data={"display_name": " Ana  Lima ", "email": "ana@x.example"})
    assert saved.status_code == 302
    taken = client.post("/account", data={"display_name": "", "email": "BO@school.example"})
    assert taken.status_code == 400 and "Another account uses" in taken.get_data(as_text=True)
    db.session.expire_all()
    ana = db.session.execute(select(User).where(User.username == "ana")).scalar_one()
    assert (ana.display_name, ana.email) == ("Ana Lima", "ana@x.example")
    wrong = client.post("/account/password", data={"current": "nope nope", "password":
                        "new password 1", "confirm": "new password 1"})  # fmt: skip
    assert wrong.status_code == 400 and "current password is wrong" in wrong.get_data(as_text=True)
    right = client.post("/account/password", data={"current": "correct horse", "password":
                        "new password 1", "confirm": "new password 1"})  # fmt: skip
    assert right.status_code == 302
    client.post("/auth/logout")
    assert login(client, "ana", "correct horse").status_code == 400
    assert login(client, "ana", "new password 1").status_code == 302


def test_instructor_resets_the_password_of_a_student_in_their_class_only(app, client):
    prof, ana, course, _ = timed_class(10)
    outsider = make_user("bo")
    login(client, "prof")
    data = {"password": "fresh start 1", "confirm": "fresh start 1"}
    ok = client.post(f"/teach/classes/{course.id}/students/{ana.id}/password", data=data)
    assert ok.status_code == 302
    refused = client.post(f"/teach/classes/{course.id}/students/{outsider.id}/password", data=data)
    assert refused.status_code == 404
    client.post("/auth/logout")
    assert login(client, "ana", "fresh start 1").status_code == 302
    assert login(client, "bo", "fresh start 1").status_code == 400


def test_cli_reset_password_reads_stdin(app, client):
    make_user("ana")
    runner = app.test_cli_runner()
    result = runner.invoke(args=["reset-password", "ANA"], input="brand new pass\n")
    assert result.exit_code == 0, result.output
    assert "brand new pass" not in result.output
    assert login(client, "ana", "brand new pass").status_code == 302
    short = runner.invoke(args=["reset-password", "ana"], input="short\n")
    assert short.exit_code != 0 and "at least 8" in short.output
    missing = runner.invoke(args=["reset-password", "nobody"], input="long enough 1\n")
    assert missing.exit_code != 0 and "no account is called 'nobody'" in missing.output
