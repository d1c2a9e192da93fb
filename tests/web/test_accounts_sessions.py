"""Accounts and sessions: revocation, renewal, throttled registration, password rules, guests.

Sessions and remember cookies name the user's session token, which logout and a password
change replace; the session is cleared (and gets a new CSRF secret) on login and logout.
"""

from __future__ import annotations

import statistics
import time

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from quizapp.extensions import db, dispose_engines
from quizapp.models import Attempt, User
from quizapp.services import accounts, attempts
from tests.conftest import login, make_test_app, make_user
from tests.factories import make_bank, make_quiz

REMEMBER = "remember_token"
SESSION = "session"


def logged_in_as(client) -> bool:
    """Tell whether the client reaches a page for accounts (no redirect to the login page)."""
    return client.get("/me/history").status_code == 200


def copy_cookie(source, target, name: str) -> None:
    cookie = source.get_cookie(name)
    assert cookie is not None, f"no {name} cookie"
    target.set_cookie(name, cookie.value)


def test_case_variants_of_a_username_cannot_both_be_stored(app):
    # The database itself refuses them (a unique index on lower(username)), whatever the service
    # checked before: concurrent registrations cannot both win.
    db.session.add(User(username="Alice", role="student"))
    db.session.commit()
    db.session.add(User(username="aLICE", role="student"))
    with pytest.raises(IntegrityError):
        db.session.commit()
    db.session.rollback()
    assert db.session.execute(select(func.count(User.id))).scalar_one() == 1


def test_logout_revokes_the_remember_cookie(app):
    make_user("ana")
    laptop, thief = app.test_client(), app.test_client()
    laptop.post("/auth/login", data={"username": "ana", "password": "correct horse",
                                     "remember": "y"})  # fmt: skip
    copy_cookie(laptop, thief, REMEMBER)
    assert logged_in_as(thief)  # the remember cookie alone logs in...
    thief.delete_cookie(SESSION)
    laptop.post("/auth/logout")
    assert not logged_in_as(thief)  # ...until its user logs out
    assert laptop.get_cookie(REMEMBER) is None


def test_logout_revokes_copies_of_the_session_cookie(app):
    make_user("ana")
    laptop, copy = app.test_client(), app.test_client()
    login(laptop, "ana")
    copy_cookie(laptop, copy, SESSION)
    assert logged_in_as(copy)
    laptop.post("/auth/logout")
    assert not logged_in_as(copy)
    assert not logged_in_as(laptop)


def test_the_remember_cookie_differs_at_every_login(app):
    make_user("ana")
    client = app.test_client()
    values = []
    for _ in range(2):
        client.post("/auth/login", data={"username": "ana", "password": "correct horse",
                                         "remember": "y"})  # fmt: skip
        values.append(client.get_cookie(REMEMBER).value)
        client.post("/auth/logout")
    assert values[0] != values[1]


def test_a_password_change_logs_out_every_other_device(app):
    make_user("ana")
    phone, laptop = app.test_client(), app.test_client()
    phone.post("/auth/login", data={"username": "ana", "password": "correct horse",
                                    "remember": "y"})  # fmt: skip
    login(laptop, "ana")
    response = laptop.post("/auth/password", data={
        "current": "correct horse", "password": "a new long phrase",
        "confirm": "a new long phrase"})  # fmt: skip
    assert response.status_code == 302
    assert logged_in_as(laptop)
    assert not logged_in_as(phone)
    phone.delete_cookie(SESSION)
    assert not logged_in_as(phone)  # the remember cookie is revoked too
    assert login(phone, "ana", "a new long phrase").status_code == 302


def test_a_password_change_needs_the_current_password_and_a_good_new_one(app, client):
    make_user("ana")
    login(client, "ana")
    wrong = client.post("/auth/password", data={
        "current": "not it at all", "password": "a new long phrase",
        "confirm": "a new long phrase"})  # fmt: skip
    assert wrong.status_code == 400 and "current password is wrong" in wrong.get_data(as_text=True)
    common = client.post("/auth/password", data={
        "current": "correct horse", "password": "password123", "confirm": "password123"})
    assert common.status_code == 400 and "most common" in common.get_data(as_text=True)
    assert accounts.authenticate("ana", "correct horse") is not None


@pytest.mark.parametrize("action", ["login", "logout"])
def test_login_and_logout_renew_the_session(app, action):
    make_user("ana")
    client = app.test_client()
    if action == "logout":
        login(client, "ana")
    with client.session_transaction() as session:
        session["csrf_token"] = "old secret"
        session["left_over"] = "from before"
    if action == "login":
        login(client, "ana")
    else:
        client.post("/auth/logout")
    with client.session_transaction() as session:
        assert session.get("csrf_token") != "old secret"
        assert "left_over" not in session


def test_login_issues_a_new_csrf_token(database_url, tmp_path):
    app = make_test_app(database_url, tmp_path, WTF_CSRF_ENABLED=True)
    with app.app_context():
        make_user("ana")
    client = app.test_client()
    client.get("/auth/login")
    with client.session_transaction() as session:
        before = session["csrf_token"]
    page = client.get("/auth/login").get_data(as_text=True)
    token = page.split('name="csrf_token" type="hidden" value="')[1].split('"')[0]
    client.post("/auth/login", data={"username": "ana", "password": "correct horse",
                                     "csrf_token": token})  # fmt: skip
    assert logged_in_as(client)
    with client.session_transaction() as session:
        assert session.get("csrf_token") != before
    with app.app_context():
        dispose_engines()


def test_registration_is_throttled(database_url, tmp_path):
    app = make_test_app(database_url, tmp_path, RATELIMIT_ENABLED=True,
                        REGISTER_RATE_LIMIT="2 per minute")  # fmt: skip
    codes = []
    for i in range(4):
        client = app.test_client()
        codes.append(client.post("/auth/register", data={
            "username": f"reader{i}", "password": "long enough pw",
            "confirm": "long enough pw"}).status_code)  # fmt: skip
    assert codes == [302, 302, 429, 429]
    with app.app_context():
        assert db.session.execute(select(func.count(User.id))).scalar_one() == 2
        db.session.remove()  # its connection back to the pool, which dispose then closes
        dispose_engines()


@pytest.mark.parametrize(
    ("username", "password", "message"),
    [
        ("reader", "reader", "between 8 and 200 characters"),
        ("longreader", "LongReader", "must not be your username"),
        ("reader", "password123", "one of the most common"),
        ("reader", "QWERTYUIOP", "one of the most common"),
    ],
)
def test_weak_passwords_are_refused_with_a_plain_message(client, username, password, message):
    response = client.post("/auth/register", data={
        "username": username, "password": password, "confirm": password})  # fmt: skip
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)
    assert db.session.execute(select(User)).first() is None


def test_the_command_line_refuses_a_common_password(app):
    result = app.test_cli_runner().invoke(args=["create-user", "alice"], input="iloveyou1\n")
    assert result.exit_code != 0 and "most common" in result.output
    assert db.session.execute(select(User)).first() is None


def test_a_login_costs_the_same_whether_or_not_the_account_exists(app):
    make_user("ana")

    def median_seconds(username: str) -> float:
        times = []
        for _ in range(7):
            start = time.perf_counter()
            assert accounts.authenticate(username, "not the password") is None
            times.append(time.perf_counter() - start)
        return statistics.median(times)

    known, unknown = median_seconds("ana"), median_seconds("nobody-here")
    # Both check one password hash: before, the unknown name cost a query only (~1/15).
    assert unknown > 0.5 * known, (known, unknown)


def guest_with_an_attempt(client) -> int:
    quiz = make_quiz([make_bank(make_user("prof", "instructor"))], None)
    assert client.post(f"/quizzes/{quiz.id}/start").status_code == 302
    client.post("/quizzes/attempts/1/questions/1", data={"answer": "Red Cross"})
    db.session.expire_all()
    return db.session.execute(select(User.id).where(User.role == "guest")).scalar_one()


def test_a_guest_who_logs_in_is_offered_to_keep_their_answers(app, client):
    ana = make_user("ana")
    guest = guest_with_an_attempt(client)
    page = client.get("/auth/login").get_data(as_text=True)
    assert "Keep the answers I gave as a guest" in page
    response = client.post("/auth/login", data={"username": "ana", "password": "correct horse",
                                                "keep_guest": "y"})  # fmt: skip
    assert response.status_code == 302
    db.session.expire_all()
    owners = db.session.execute(select(Attempt.user_id)).scalars().all()
    assert owners == [ana.id]
    assert db.session.get(User, guest) is None
    assert "1 guest attempt" in client.get("/").get_data(as_text=True)


def test_a_guest_who_logs_in_may_leave_their_answers_behind(app, client):
    make_user("ana")
    guest = guest_with_an_attempt(client)
    client.post("/auth/login", data={"username": "ana", "password": "correct horse"})
    db.session.expire_all()
    assert db.session.execute(select(Attempt.user_id)).scalars().all() == [guest]


def test_kept_answers_never_push_the_session_cookie_past_4_kb(app):
    client = app.test_client()
    for position in range(1, 30):
        answer = "".join(chr(0x4E00 + (position * 7919 + i * 104729) % 20000) for i in range(2000))
        response = client.post(f"/quizzes/attempts/1/questions/{position}",
                               data={"answer": answer})  # fmt: skip
        assert response.status_code == 302
        cookie = client.get_cookie(SESSION)
        assert cookie is not None and len(cookie.value) < 3800, (position, len(cookie.value))
    with client.session_transaction() as session:
        kept = session["kept_answers"]
    assert "1:29" in kept and kept["1:29"]  # the newest is kept, shortened to fit


def test_a_guests_attempts_follow_the_accounts_own_at_the_same_quiz(app, client):
    ana = make_user("ana")
    guest_with_an_attempt(client)
    quiz_id = db.session.execute(select(Attempt.quiz_id)).scalar_one()
    attempts.start_attempt(quiz_id, ana.id)  # ana's own first attempt at the quiz
    response = client.post("/auth/login", data={"username": "ana", "password": "correct horse",
                                                "keep_guest": "y"})  # fmt: skip
    assert response.status_code == 302
    db.session.expire_all()
    rows = db.session.execute(select(Attempt.user_id, Attempt.number)).all()
    assert sorted(rows) == [(ana.id, 1), (ana.id, 2)]
