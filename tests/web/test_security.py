"""Cookies, password hashing and headers."""

import re

from sqlalchemy import select

from quizapp.extensions import db, dispose_engines
from quizapp.models import User
from tests.conftest import login, make_test_app, make_user
from tests.factories import make_bank, make_quiz


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
        dispose_engines()


def test_passwords_use_a_modern_key_derivation_function(app):
    make_user("ana", password="correct horse")
    user = db.session.execute(select(User).where(User.username == "ana")).scalar_one()
    assert user.password_hash.startswith(("scrypt:", "pbkdf2:sha256:600000"))
    assert user.check_password("correct horse") and not user.check_password("Correct horse")


INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE)
INLINE_HANDLER = re.compile(r"<[^>]+\son[a-z]+\s*=", re.IGNORECASE)


def check_headers(response, where: str) -> None:
    csp = response.headers.get("Content-Security-Policy", "")
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp, where
    assert "frame-ancestors 'none'" in csp and response.headers["X-Frame-Options"] == "DENY", where
    assert response.headers["X-Content-Type-Options"] == "nosniff", where
    if response.mimetype == "text/html":
        body = response.get_data(as_text=True)
        assert not INLINE_SCRIPT.search(body), f"{where}: inline script"
        assert not INLINE_HANDLER.search(body), f"{where}: inline event handler"


def test_every_page_type_carries_the_security_headers(app, client):
    prof = make_user("prof", "instructor")
    make_user("ana")
    bank = make_bank(prof)
    quiz = make_quiz([bank], prof)
    pages = {
        "home (anonymous)": ("GET", "/"),
        "login page": ("GET", "/auth/login"),
        "redirect to log in": ("GET", "/me/history"),
        "not found": ("GET", "/nowhere"),
        "method not allowed": ("PUT", "/"),
        "bad form": ("POST", "/auth/login"),
        "stylesheet": ("GET", "/static/style.css"),
    }
    for where, (method, url) in pages.items():
        response = client.open(url, method=method)
        check_headers(response, where)
        response.close()
    login(client, "ana")
    question = client.post(f"/quizzes/{quiz.id}/start").location
    client.post(question, data={"answer": "Red Cross"})
    for where, url in {
        "question": question,
        "feedback": question + "/feedback",
        "history": "/me/history",
        "forbidden": "/teach/",
    }.items():
        check_headers(client.get(url), where)
    client.post("/auth/logout")
    login(client, "prof")
    for where, url in {
        "workspace": "/teach/",
        "results": f"/teach/quizzes/{quiz.id}/results",
        "csv": f"/teach/quizzes/{quiz.id}/responses.csv",
        "json export": f"/teach/banks/{bank.id}/export?format=json",
    }.items():
        response = client.get(url)
        assert response.status_code == 200, where
        check_headers(response, where)
    app.config["MAX_CONTENT_LENGTH"] = 1000
    check_headers(client.post("/teach/banks/new", data={"title": "x" * 5000}), "413")


def test_login_is_throttled(database_url, tmp_path):
    app = make_test_app(
        database_url, tmp_path, RATELIMIT_ENABLED=True, LOGIN_RATE_LIMIT="3 per minute"
    )
    with app.app_context():
        client = app.test_client()
        codes = [
            client.post("/auth/login", data={"username": "x", "password": "y"}).status_code
            for _ in range(5)
        ]
        assert codes[:3] == [400, 400, 400] and codes[3:] == [429, 429]
        page = client.post("/auth/login", data={"username": "x", "password": "y"})
        assert "Too many attempts" in page.get_data(as_text=True)
        check_headers(page, "429")
        db.session.remove()
        dispose_engines()
