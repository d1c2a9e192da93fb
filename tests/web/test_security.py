"""Cookies, password hashing and headers."""

from sqlalchemy import select

from quizapp.extensions import db
from quizapp.models import User
from tests.conftest import login, make_test_app, make_user


def session_cookie_header(response) -> str:
    return next(h for h in response.headers.getlist("Set-Cookie") if h.startswith("session="))


def test_session_cookie_is_httponly_and_samesite(client):
    make_user("ana")
    header = session_cookie_header(login(client, "ana"))
    assert "HttpOnly" in header
    assert "SameSite=Lax" in header
    assert "Secure" not in header


def test_cookies_are_secure_behind_https(database_url, tmp_path):
    app = make_test_app(database_url, tmp_path, SESSION_COOKIE_SECURE=True, BEHIND_PROXY=True)
    with app.app_context():
        make_user("ana")
    client = app.test_client()
    response = client.post(
        "/auth/login",
        data={"username": "ana", "password": "correct horse", "remember": "y"},
        headers={"X-Forwarded-Proto": "https"},
    )
    cookies = response.headers.getlist("Set-Cookie")
    assert cookies and all("Secure" in c and "HttpOnly" in c for c in cookies)
    assert "max-age" in response.headers["Strict-Transport-Security"]
    with app.app_context():
        db.engine.dispose()


def test_passwords_use_a_modern_key_derivation_function(app):
    make_user("ana", password="correct horse")
    user = db.session.execute(select(User).where(User.username == "ana")).scalar_one()
    assert user.password_hash.startswith(("scrypt:", "pbkdf2:sha256:600000"))
    assert user.check_password("correct horse") and not user.check_password("Correct horse")
