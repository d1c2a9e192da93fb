"""The rules around attempts when instructors change things under them.

- A quiz that closes or is unpublished submits the attempts in progress with what was saved;
  a later answer is refused with a message that shows it (Moodle's rule).
- Unsharing a bank takes it out of the other instructor's quizzes: no more draws, no keys;
  attempts already started keep their questions and can finish, past responses stay.
- Rejecting a question that attempts hold retires it: no response is ever deleted, and the
  attempts that hold it can still be answered and finished.
"""

from __future__ import annotations

from datetime import timedelta
from html import unescape

import pytest
from sqlalchemy import select

from quizapp.extensions import db
from quizapp.models import Attempt, Question, Quiz, Response, utcnow
from quizapp.services import answers, attempts
from tests.conftest import login, make_user
from tests.factories import make_bank, make_quiz

REFUSED = "was not saved and is not in the score"


def client_for(app, username: str, role: str = "student"):
    """Return a test client logged in as a new user of that name."""
    make_user(username, role)
    client = app.test_client()
    assert login(client, username).status_code == 302
    return client


def attempt_row(attempt_id: int) -> Attempt:
    db.session.expire_all()
    return db.session.get(Attempt, attempt_id)


def responses_of(attempt_id: int) -> list[Response]:
    db.session.expire_all()
    stmt = select(Response).where(Response.attempt_id == attempt_id)
    return list(db.session.execute(stmt).scalars())


def question_url(attempt_id: int, position: int) -> str:
    return f"/quizzes/attempts/{attempt_id}/questions/{position}"


@pytest.fixture
def prof(app):
    return client_for(app, "prof", "instructor")


def started(app, quiz_id: int, username: str = "sam"):
    """Log a student in, start the quiz over HTTP; return the client and the attempt id."""
    client = client_for(app, username)
    location = client.post(f"/quizzes/{quiz_id}/start").location
    return client, int(location.split("/")[3])


# ------------------------------------------------------------------ closed and unpublished


@pytest.mark.parametrize("mode", ["practice", "test"])
def test_unpublishing_submits_attempts_in_progress_and_refuses_later_answers(app, prof, mode):
    quiz = make_quiz([make_bank()], mode=mode)  # a site quiz: every instructor may manage it
    student, attempt_id = started(app, quiz.id)
    student.post(question_url(attempt_id, 1), data={"answer": "Red Cross"})
    assert prof.post(f"/teach/quizzes/{quiz.id}/unpublish").status_code == 302

    attempt = attempt_row(attempt_id)
    assert attempt.finished and attempt.score == 1.0  # submitted with what was saved
    late = student.post(question_url(attempt_id, 2), data={"answer": "300"})
    assert late.status_code == 302
    page = unescape(student.get(late.location, follow_redirects=True).get_data(as_text=True))
    assert REFUSED in page and "“300”" in page
    assert [r.answer for r in responses_of(attempt_id)] == ["Red Cross"]
    assert attempt_row(attempt_id).score == 1.0
    submit = student.post(f"/quizzes/attempts/{attempt_id}/submit")
    assert submit.status_code in (302, 404)
    assert attempt_row(attempt_id).score == 1.0


@pytest.mark.parametrize("mode", ["practice", "test"])
def test_a_quiz_past_its_close_time_submits_with_what_was_saved(app, mode):
    quiz = make_quiz([make_bank()], mode=mode, closes_at=utcnow() + timedelta(hours=1))
    student, attempt_id = started(app, quiz.id)
    student.post(question_url(attempt_id, 1), data={"answer": "Red Cross"})
    closed_at = utcnow()  # after the start and the first answer
    quiz.closes_at = closed_at  # time passes: the quiz is now closed
    db.session.commit()

    # An answer to a new question, and (test mode) a changed answer: both refused.
    for position, answer in [(2, "300"), (1, "the weather service")]:
        late = student.post(question_url(attempt_id, position), data={"answer": answer})
        assert late.status_code == 302 and late.location.endswith("/result")
        page = unescape(student.get(late.location).get_data(as_text=True))
        assert REFUSED in page and f"“{answer}”" in page
    saved = responses_of(attempt_id)
    assert [(r.answer, r.credit) for r in saved] == [("Red Cross", 1.0)]
    attempt = attempt_row(attempt_id)
    assert attempt.finished and attempt.score == 1.0
    assert attempt.finished_at == closed_at  # submitted when the quiz closed
    assert "Resume" not in student.get(f"/quizzes/{quiz.id}").get_data(as_text=True)
    assert student.post(f"/quizzes/{quiz.id}/start").location == f"/quizzes/{quiz.id}"


def test_a_closed_quiz_submits_attempts_no_one_touches_when_results_are_read(app, prof):
    owner = make_user("owner", "instructor")
    quiz = make_quiz([make_bank()], owner, closes_at=utcnow() + timedelta(hours=1))
    attempt = attempts.start_attempt(quiz.id, make_user("idle").id)
    answers.answer_question(attempt.id, attempt.user_id, 1, "Red Cross")
    quiz.closes_at = utcnow() - timedelta(seconds=5)
    db.session.commit()
    teacher = app.test_client()
    login(teacher, "owner")
    page = teacher.get(f"/teach/quizzes/{quiz.id}/results").get_data(as_text=True)
    assert "idle" in page
    assert attempt_row(attempt.id).finished and attempt_row(attempt.id).score == 1.0


# ------------------------------------------------------------------------- unsharing banks


def test_unsharing_a_bank_takes_it_out_of_the_other_instructors_quizzes(app):
    alice = client_for(app, "alice", "instructor")
    bob = client_for(app, "bob", "instructor")
    from quizapp.models import User

    alice_id = db.session.execute(select(User.id).where(User.username == "alice")).scalar_one()
    bob_id = db.session.execute(select(User.id).where(User.username == "bob")).scalar_one()
    bank = make_bank(db.session.get(User, alice_id))
    alice.post(f"/teach/banks/{bank.id}/share", data={"username": "bob"})
    quiz = make_quiz([bank], db.session.get(User, bob_id), title="Bob's quiz")
    prompts = " ".join(q.prompt for q in bank.questions)  # prompts are no keys
    keys = [
        text
        for q in bank.questions
        for text in [q.answer, *q.accept, q.explanation]
        if text and len(text) > 3 and text not in prompts
    ]
    assert len(keys) >= 4
    alice_quiz = make_quiz([bank], db.session.get(User, alice_id), title="Alice's quiz")
    student, attempt_id = started(app, quiz.id)
    student.post(question_url(attempt_id, 1), data={"answer": "the mayor"})  # wrong
    assert bob.get(f"/teach/banks/{bank.id}").status_code == 200

    assert alice.post(f"/teach/banks/{bank.id}/unshare/{bob_id}").status_code == 302

    # Bob reads none of its keys any more, on any page of his quiz.
    assert bob.get(f"/teach/banks/{bank.id}").status_code == 404
    assert bob.get(f"/teach/banks/{bank.id}/review").status_code == 404
    for url in (f"/teach/quizzes/{quiz.id}", f"/teach/quizzes/{quiz.id}/results",
                f"/teach/quizzes/{quiz.id}/statistics", f"/teach/quizzes/{quiz.id}/responses.csv",
                f"/teach/quizzes/{quiz.id}/edit"):  # fmt: skip
        response = bob.get(url)
        assert response.status_code == 200, url
        page = unescape(response.get_data(as_text=True))
        assert [k for k in keys if k in page] == [], url
    # The questions drop out of future draws; the attempt in progress keeps them and finishes.
    db.session.expire_all()
    assert db.session.get(Quiz, quiz.id).banks == []
    other = client_for(app, "newcomer")
    assert other.post(f"/quizzes/{quiz.id}/start").location == f"/quizzes/{quiz.id}"
    assert student.post(question_url(attempt_id, 2), data={"answer": "300"}).status_code == 302
    assert student.post(f"/quizzes/attempts/{attempt_id}/submit").status_code == 302
    assert [r.answer for r in responses_of(attempt_id)] == ["the mayor", "300"]
    assert attempt_row(attempt_id).finished and attempt_row(attempt_id).score == 1.0
    # Alice's own quizzes over the bank are untouched.
    assert [b.id for b in db.session.get(Quiz, alice_quiz.id).banks] == [bank.id]


# ------------------------------------------------------------------ rejecting questions in use


@pytest.mark.parametrize("mode", ["practice", "test"])
def test_rejecting_a_question_in_use_keeps_every_response_and_lets_attempts_finish(
    app, prof, mode
):
    from quizapp.models import User

    owner = db.session.execute(select(User).where(User.username == "prof")).scalar_one()
    bank = make_bank(owner)
    quiz = make_quiz([bank], owner, mode=mode)
    answered, a1 = started(app, quiz.id, "answered")
    holding, a2 = started(app, quiz.id, "holding")
    answered.post(question_url(a1, 1), data={"answer": "Red Cross"})
    first = db.session.get(Attempt, a1).question_ids[0]
    assert prof.post(f"/teach/questions/{first}/withdraw").status_code == 302
    response = prof.post(f"/teach/questions/{first}/reject", follow_redirects=True)
    assert response.status_code == 200
    assert "kept for those" in response.get_data(as_text=True)

    db.session.expire_all()
    question = db.session.get(Question, first)
    assert question is not None and question.status == "retired"
    assert [(r.question_id, r.credit) for r in responses_of(a1)] == [(first, 1.0)]
    # Out of the review queue, the bank's pages and future draws...
    assert "Who is cited for the figure" not in prof.get(
        f"/teach/banks/{bank.id}/review"
    ).get_data(as_text=True)
    assert "Who is cited for the figure" not in prof.get(f"/teach/banks/{bank.id}").get_data(
        as_text=True
    )
    assert first not in attempts.start_attempt(quiz.id, make_user("late").id).question_ids
    # ...but the attempts that hold it answer it and finish, without a 500.
    reply = holding.post(question_url(a2, 1), data={"answer": "Red Cross"})
    assert reply.status_code == 302
    for client, aid in ((answered, a1), (holding, a2)):
        assert client.post(f"/quizzes/attempts/{aid}/submit").status_code == 302
        page = client.get(f"/quizzes/attempts/{aid}/result")
        assert page.status_code == 200
        assert attempt_row(aid).score == 1.0
    assert [r.question_id for r in responses_of(a2)] == [first]


def test_rejecting_an_unused_draft_still_deletes_it(app, prof):
    from quizapp.models import User

    owner = db.session.execute(select(User).where(User.username == "prof")).scalar_one()
    bank = make_bank(owner)
    qid = bank.questions[0].id
    prof.post(f"/teach/questions/{qid}/withdraw")
    response = prof.post(f"/teach/questions/{qid}/reject", follow_redirects=True)
    assert "Draft rejected and deleted" in response.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(Question, qid) is None
