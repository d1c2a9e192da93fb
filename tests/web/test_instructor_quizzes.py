"""Quizzes: build from banks with filters and dates, publish and unpublish, share."""

import pytest
from sqlalchemy import select

from quizapp.extensions import db
from quizapp.models import Bank, Question, Quiz
from quizapp.services.quizzes import eligible_question_ids
from tests.conftest import login, make_user
from tests.factories import make_bank


@pytest.fixture
def prof(app, client):
    user = make_user("prof", "instructor")
    login(client, "prof")
    return user


def quiz_form(bank_ids, **fields):
    data = {"title": "Flood check", "banks": bank_ids, "mode": "test", "shuffle": "y",
            "question_count": "", "attempts_allowed": "", "tag_filter": "",
            "opens_at": "", "closes_at": ""}  # fmt: skip
    data.update(fields)
    return data


def only_quiz() -> Quiz:
    db.session.expire_all()
    return db.session.execute(select(Quiz)).scalar_one()


def test_build_a_quiz_with_filters(prof, client):
    bank = make_bank(prof)
    data = quiz_form([bank.id], question_count="2", attempts_allowed="3", tag_filter="Figure, date",
                     type_filter=["figure", "date"], opens_at="2030-01-01T09:00",
                     closes_at="2030-01-08T17:30")  # fmt: skip
    response = client.post("/teach/quizzes/new", data=data)
    assert response.status_code == 302
    quiz = only_quiz()
    assert (quiz.owner_id, quiz.mode, quiz.question_count, quiz.attempts_allowed) == (
        prof.id, "test", 2, 3,
    )  # fmt: skip
    assert (quiz.tag_filter, quiz.type_filter) == (["figure", "date"], ["figure", "date"])
    assert quiz.opens_at.isoformat() == "2030-01-01T09:00:00"
    assert not quiz.published and quiz.banks == [bank]
    assert len(eligible_question_ids([quiz.id])[quiz.id]) == 2
    page = client.get(f"/teach/quizzes/{quiz.id}").get_data(as_text=True)
    assert "2 approved questions match; each attempt draws 2." in page


def test_quiz_form_errors_re_render(prof, client):
    bank = make_bank(prof)
    for data, message in [
        (quiz_form([]), "choose at least one bank."),
        (quiz_form([bank.id], question_count="0"), "number must be between 1 and 1000."),
        (quiz_form([bank.id], opens_at="2030-01-02T00:00", closes_at="2030-01-01T00:00"),
         "the quiz must close after it opens."),
        (quiz_form([bank.id], mode="exam"), "not a valid choice"),
        (quiz_form([9999]), "not a valid choice"),
    ]:  # fmt: skip
        response = client.post("/teach/quizzes/new", data=data)
        assert response.status_code == 400
        assert message in response.get_data(as_text=True).lower()
    assert db.session.execute(select(Quiz)).first() is None


def test_publish_needs_approved_questions(prof, client):
    bank = Bank(owner_id=prof.id, title="Empty", tags=[])
    db.session.add(bank)
    db.session.commit()
    client.post("/teach/quizzes/new", data=quiz_form([bank.id]))
    quiz = only_quiz()
    page = client.post(f"/teach/quizzes/{quiz.id}/publish", follow_redirects=True)
    assert "No approved question matches this quiz yet" in page.get_data(as_text=True)
    assert not only_quiz().published


def test_publish_and_unpublish(prof, client):
    bank = make_bank(prof)
    client.post("/teach/quizzes/new", data=quiz_form([bank.id], title="Flood check"))
    quiz = only_quiz()
    assert "Flood check" not in client.get("/").get_data(as_text=True)
    client.post(f"/teach/quizzes/{quiz.id}/publish")
    assert only_quiz().published
    assert "Flood check" in client.get("/").get_data(as_text=True)
    client.post(f"/teach/quizzes/{quiz.id}/unpublish")
    assert not only_quiz().published
    assert client.get(f"/teach/quizzes/{quiz.id}/publish").status_code == 405


def test_edit_keeps_and_changes_settings(prof, client):
    bank = make_bank(prof)
    other = make_bank(prof)
    client.post("/teach/quizzes/new", data=quiz_form([bank.id], attempts_allowed="2"))
    quiz = only_quiz()
    page = client.get(f"/teach/quizzes/{quiz.id}/edit").get_data(as_text=True)
    assert 'value="2"' in page and 'value="Flood check"' in page
    data = quiz_form([bank.id, other.id], title="Renamed", mode="practice", shuffle="")
    assert client.post(f"/teach/quizzes/{quiz.id}/edit", data=data).status_code == 302
    quiz = only_quiz()
    assert (quiz.title, quiz.mode, quiz.shuffle, quiz.attempts_allowed) == (
        "Renamed", "practice", False, None,
    )  # fmt: skip
    assert {b.id for b in quiz.banks} == {bank.id, other.id}


def test_drafts_are_not_drawn(prof, client):
    bank = make_bank(prof)
    db.session.add(Question(bank_id=bank.id, type="text", prompt="Draft?", answer="x"))
    db.session.commit()
    client.post("/teach/quizzes/new", data=quiz_form([bank.id]))
    page = client.get(f"/teach/quizzes/{only_quiz().id}").get_data(as_text=True)
    assert "5 approved questions match" in page


def test_share_a_quiz(prof, client):
    bank = make_bank(prof)
    client.post("/teach/quizzes/new", data=quiz_form([bank.id]))
    quiz = only_quiz()
    make_user("colleague", "instructor")
    client.post(f"/teach/quizzes/{quiz.id}/share", data={"username": "colleague"})
    client.post("/auth/logout")
    login(client, "colleague")
    assert "Flood check" in client.get("/teach/quizzes").get_data(as_text=True)
    assert client.get(f"/teach/quizzes/{quiz.id}/results").status_code == 200
    assert client.post(f"/teach/quizzes/{quiz.id}/share", data={"username": "x"}).status_code == 403
