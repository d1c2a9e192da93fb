"""The banks and quizzes loaded at start-up belong to the site: every instructor sees them."""

from quizapp.extensions import db
from quizapp.models import Bank
from tests.conftest import login, make_user
from tests.factories import make_bank, make_quiz


def test_every_instructor_sees_the_site_quiz_and_its_results_but_cannot_delete_it(client):
    bank = make_bank(owner=None)
    quiz = make_quiz([bank], owner=None, title="Demo quiz")
    make_user("prof", role="instructor")
    login(client, "prof")
    assert "Demo quiz" in client.get("/teach/quizzes").get_data(as_text=True)
    assert client.get(f"/teach/quizzes/{quiz.id}/results").status_code == 200
    assert bank.title in client.get("/teach/banks").get_data(as_text=True)
    assert client.post(f"/teach/banks/{bank.id}/delete").status_code == 403
    db.session.expire_all()
    assert db.session.get(Bank, bank.id).deleted_at is None


def test_students_still_cannot_reach_site_content_in_the_workspace(client):
    quiz = make_quiz([make_bank(owner=None)], owner=None)
    make_user("stu")
    login(client, "stu")
    assert client.get(f"/teach/quizzes/{quiz.id}/results").status_code == 403


def test_an_instructor_reads_articles_of_banks_they_see_and_no_others(client):
    from sqlalchemy import select

    from quizapp.models import Evidence

    site = make_bank(owner=None)
    owner = make_user("owner", role="instructor")
    private = make_bank(owner=owner)
    site_source = db.session.execute(
        select(Evidence.source_id).where(Evidence.question_id == site.questions[0].id)
    ).scalar_one()
    private_source = db.session.execute(
        select(Evidence.source_id).where(Evidence.question_id == private.questions[0].id)
    ).scalar_one()
    make_user("prof", role="instructor")
    login(client, "prof")
    assert client.get(f"/quizzes/sources/{site_source}").status_code == 200
    assert client.get(f"/quizzes/sources/{private_source}").status_code == 404
