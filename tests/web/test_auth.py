"""Accounts: register, log in, log out, roles, CSRF and throttling."""

import pytest
from flask import Blueprint
from sqlalchemy import select

from quizapp.access import instructor_required
from quizapp.extensions import db, dispose_engines
from quizapp.models import User
from tests.conftest import login, make_test_app, make_user


def register(client, username="reader", password="long enough pw", confirm=None):
    return client.post(
        "/auth/register",
        data={"username": username, "password": password, "confirm": confirm or password},
    )


def test_student_registers_and_is_logged_in(client):
    response = register(client)
    assert response.status_code == 302
    user = db.session.execute(select(User).where(User.username == "reader")).scalar_one()
    assert user.role == "student"
    assert user.password_hash and "long enough pw" not in user.password_hash
    assert "Log out" in client.get("/").get_data(as_text=True)


def test_registration_with_bad_fields_rerenders_with_errors_and_saves_nothing(client):
    response = register(client, username="a b", password="short", confirm="other")
    body = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "no spaces" in body and "The two passwords are not the same" in body
    assert "Use between" in body and "Field must be" not in body  # not WTForms' wording
    assert 'aria-invalid="true"' in body
    assert db.session.execute(select(User)).first() is None


def test_register_page_states_the_username_rule_before_any_error(client):
    body = client.get("/auth/register").get_data(as_text=True)
    assert "3 to 40 characters: letters (A to Z), digits, dots, dashes or underscores" in body
    assert 'aria-describedby="username-help"' in body


def test_username_is_unique_ignoring_case(client):
    make_user("Reader")
    response = register(client, username="reader")
    assert response.status_code == 400
    assert "is taken" in response.get_data(as_text=True)


def test_login_and_logout(client):
    make_user("ana", password="correct horse")
    assert login(client, "ana").status_code == 302
    assert "signed in as <strong>ana</strong>" in client.get("/").get_data(as_text=True)
    client.post("/auth/logout")
    assert "Log in" in client.get("/").get_data(as_text=True)


def test_wrong_password_is_refused_with_a_message(client):
    make_user("ana")
    response = login(client, "ana", "wrong password")
    assert response.status_code == 400
    assert "wrong password" in response.get_data(as_text=True)


def test_login_redirects_only_to_local_next(client):
    make_user("ana")
    good = client.post(
        "/auth/login?next=/somewhere", data={"username": "ana", "password": "correct horse"}
    )
    assert good.headers["Location"] == "/somewhere"
    client.post("/auth/logout")
    evil = client.post(
        "/auth/login?next=//evil.example/x", data={"username": "ana", "password": "correct horse"}
    )
    assert evil.headers["Location"] == "/"


@pytest.fixture
def guarded_app(app):
    bp = Blueprint("guarded", __name__)

    @bp.route("/instructor-only")
    @instructor_required
    def only():
        return "secret"

    app.register_blueprint(bp)
    return app


def test_instructor_route_refuses_student_and_sends_guest_to_login(guarded_app):
    client = guarded_app.test_client()
    guest = client.get("/instructor-only")
    assert guest.status_code == 302 and "/auth/login" in guest.headers["Location"]
    with guarded_app.app_context():
        make_user("stu")
        make_user("teach", role="instructor")
    login(client, "stu")
    assert client.get("/instructor-only").status_code == 403
    client.post("/auth/logout")
    login(client, "teach")
    assert client.get("/instructor-only").get_data(as_text=True) == "secret"


def test_post_without_csrf_token_is_rejected(database_url, tmp_path):
    app = make_test_app(database_url, tmp_path, WTF_CSRF_ENABLED=True)
    with app.app_context():
        make_user("ana")
    client = app.test_client()
    response = client.post("/auth/login", data={"username": "ana", "password": "correct horse"})
    assert response.status_code == 400
    assert "form expired" in response.get_data(as_text=True)
    with app.app_context():
        dispose_engines()


def test_login_attempts_are_throttled(database_url, tmp_path):
    app = make_test_app(
        database_url, tmp_path, RATELIMIT_ENABLED=True, LOGIN_RATE_LIMIT="3 per minute"
    )
    client = app.test_client()
    codes = [login(client, "nobody", "x" * 10).status_code for _ in range(5)]
    assert codes[:3] == [400, 400, 400]
    assert codes[3:] == [429, 429]
    assert "Too many attempts" in login(client, "nobody").get_data(as_text=True)
    with app.app_context():
        dispose_engines()
