"""The answer POST: a fixed, small number of statements, and nothing it skips is a check."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, func, insert, select, text
from werkzeug.datastructures import MultiDict

from quizapp import create_app
from quizapp.config import ConfigError
from quizapp.extensions import autocommit, db, dispose_engines
from quizapp.models import Evidence, Question, Response, User
from quizapp.quiz_forms import accepted_answer, answer_form
from quizapp.services import answer_slots, attempts, banks
from tests.conftest import login, make_test_app, make_user, recorded_statements
from tests.factories import make_bank, make_quiz


def kinds(recorded) -> list[str]:
    """Return the first two words of each recorded statement ("SELECT ATTEMPTS.MODE,")."""
    return [" ".join(statement.split()[:2]).upper() for statement, _, _ in recorded]


def start(client, quiz_id: int) -> str:
    response = client.post(f"/quizzes/{quiz_id}/start")
    assert response.status_code == 302
    return response.location


def stored() -> list[Response]:
    db.session.expire_all()
    return list(db.session.execute(select(Response)).scalars())


@pytest.fixture
def student(app, client):
    user = make_user("sam")
    login(client, "sam")
    return user


@pytest.mark.parametrize("mode", ["practice", "test"])
def test_an_answer_is_one_select_and_one_insert(client, student, mode):
    quiz = make_quiz([make_bank()], mode=mode)
    url = start(client, quiz.id)
    with recorded_statements() as seen:
        response = client.post(url, data={"answer": "Red Cross"})
    assert response.status_code == 302
    assert kinds(seen) == ["SELECT ATTEMPTS.MODE,", "INSERT INTO"]
    assert [r.answer for r in stored()] == ["Red Cross"]


def test_a_repeated_answer_is_one_select(client, student):
    url = start(client, make_quiz([make_bank()]).id)
    client.post(url, data={"answer": "Red Cross"})
    with recorded_statements() as seen:
        client.post(url, data={"answer": "red cross"})
    assert kinds(seen) == ["SELECT ATTEMPTS.MODE,"]
    assert len(stored()) == 1


def test_a_changed_test_answer_is_one_select_and_one_update(client, student):
    url = start(client, make_quiz([make_bank()], mode="test").id)
    client.post(url, data={"answer": "the governor"})
    with recorded_statements() as seen:
        client.post(url, data={"answer": "Red Cross"})
    assert kinds(seen) == ["SELECT ATTEMPTS.MODE,", "UPDATE RESPONSES"]
    (saved,) = stored()
    assert saved.answer == "Red Cross" and saved.credit == 1.0


def test_a_deleted_users_session_logs_in_again_and_keeps_the_answer(client, student):
    url = start(client, make_quiz([make_bank()]).id)
    db.session.execute(delete(User).where(User.id == student.id))  # attempts go with it
    db.session.commit()
    db.session.remove()
    response = client.post(url, data={"answer": "Red Cross"})
    assert response.status_code == 302 and "/auth/login" in response.location
    assert stored() == []
    with client.session_transaction() as session:
        assert list(session["kept_answers"].values()) == ["Red Cross"]


def test_someone_elses_session_cannot_answer(app, client, student):
    url = start(client, make_quiz([make_bank()]).id)
    other = app.test_client()
    make_user("eve")
    login(other, "eve")
    assert other.post(url, data={"answer": "Red Cross"}).status_code == 404
    assert stored() == []


def test_the_slot_reads_what_the_orm_reads(app, student):
    """Spans cut in SQL equal Python slices, also for several spans and an empty one."""
    quiz = make_quiz([make_bank()])
    first = db.session.get(Question, quiz.banks[0].questions[0].id)
    source_id = first.evidence[0].source_id
    db.session.add_all(
        [
            Evidence(question_id=first.id, source_id=source_id, start=0, end=40, position=5),
            Evidence(question_id=first.id, source_id=source_id, start=30, end=10, position=6),
        ]
    )
    db.session.commit()
    attempt = attempts.start_attempt(quiz.id, student.id)
    db.session.expire_all()
    for position, question_id in enumerate(attempt.question_ids, start=1):
        question = db.session.get(Question, question_id)
        slot = answer_slots.answer_slot(attempt.id, student.id, position)
        assert slot.evidence == banks.evidence_text(question)
        assert slot.question == banks.question_to_core(question)
        assert slot.choices == attempts.ordered_choices(question, attempt)
        assert slot.owner.id == student.id and slot.existing is None


def test_an_instructors_edit_is_seen_by_the_next_answer(client, student):
    quiz = make_quiz([make_bank()])
    url = start(client, quiz.id)
    question = db.session.get(Question, quiz.banks[0].questions[0].id)
    question.answer, question.accept = "the Governor", []
    db.session.commit()
    client.post(url, data={"answer": "Governor"})
    (saved,) = stored()
    assert saved.correct


def sqlite_only(database_url: str) -> None:
    if not database_url.startswith("sqlite"):
        pytest.skip("SQLite only")


@pytest.mark.parametrize(("setting", "level"), [(None, 1), ("full", 2), ("NORMAL", 1)])
def test_sqlite_synchronous_is_configurable(database_url, tmp_path, setting, level):
    sqlite_only(database_url)
    overrides = {"SQLITE_SYNCHRONOUS": setting} if setting else {}
    app = make_test_app(database_url, tmp_path, **overrides)
    with app.app_context():
        assert db.session.execute(text("PRAGMA synchronous")).scalar_one() == level
        assert db.session.execute(text("PRAGMA journal_mode")).scalar_one() == "wal"
        assert db.session.execute(select(func.count(Response.id))).scalar_one() == 0
        db.session.remove()
        dispose_engines()


def test_an_unknown_sqlite_synchronous_level_stops_start_up(database_url, tmp_path):
    with pytest.raises(ConfigError, match="QUIZAPP_SQLITE_SYNCHRONOUS"):
        make_test_app(database_url, tmp_path, SQLITE_SYNCHRONOUS="sometimes")


@pytest.mark.parametrize(
    "url", ["sqlite://", "sqlite:///:memory:", "sqlite:///file:x?mode=memory&uri=true"]
)
def test_an_in_memory_sqlite_database_is_refused(url):
    with pytest.raises(ConfigError, match="in-memory SQLite"):
        create_app({"TESTING": True, "SECRET_KEY": "k", "DATABASE_URL": url})


def test_an_autocommit_statement_is_committed_and_seen_by_the_orm(app, student):
    autocommit().execute(insert(User.__table__), {"username": "ada", "role": "student"})
    db.session.remove()  # a fresh ORM session, on another pooled connection
    assert db.session.execute(select(User.role).where(User.username == "ada")).scalar() == (
        "student"
    )


CHOICES = ["Supported", "Contradicted", "Not stated", " spaced ", "Ünïcode"]
RAW = st.none() | st.sampled_from(["", " ", "Supported", "supported", "Not stated ", " spaced "])
RAW |= st.text(max_size=40) | st.text(min_size=1995, max_size=2005)


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)  # the app is only read
@given(raw=RAW, choices=st.sampled_from([None, [], CHOICES]))
def test_the_answer_check_agrees_with_the_answer_form(app, raw, choices):
    """The answer POST skips building a form: its check must accept what the form accepts."""
    formdata = MultiDict() if raw is None else MultiDict({"answer": raw})
    with app.test_request_context():
        form = answer_form("source", choices, formdata=formdata, meta={"csrf": False})
        expected = form.answer.data if form.validate() else None
    assert accepted_answer(choices, raw) == expected
