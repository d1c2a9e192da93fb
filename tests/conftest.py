"""Shared fixtures: a real database (SQLite, or PostgreSQL from QUIZAPP_TEST_DATABASE_URL)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from flask.testing import FlaskClient
from sqlalchemy import event, text

from quizapp import create_app, rate_limits
from quizapp.extensions import db, dispose_engines
from quizapp.models import User
from quizapp.services import accounts
from quizapp.services.setup import upgrade_database

TEST_DB_ENV = "QUIZAPP_TEST_DATABASE_URL"


@contextmanager
def recorded_statements() -> Iterator[list[tuple[str, object, bool]]]:
    """Record (statement, parameters, executemany) for every statement the app's engines run.

    Every engine: the ORM's and the AUTOCOMMIT bind's, which saves answers.
    """
    seen: list[tuple[str, object, bool]] = []

    def record(conn, cursor, statement, parameters, context, executemany):
        seen.append((statement, parameters, executemany))

    engines = list(db.engines.values())
    for engine in engines:
        event.listen(engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        for engine in engines:
            event.remove(engine, "before_cursor_execute", record)
_prepared: set[str] = set()


@pytest.fixture(scope="session")
def database_url(tmp_path_factory) -> str:
    """Return the test database URL: PostgreSQL when configured, else a fresh SQLite file."""
    return os.environ.get(TEST_DB_ENV) or "sqlite:///" + str(
        tmp_path_factory.mktemp("db") / "test.sqlite"
    )


def reset_schema() -> None:
    """Drop everything in the test database so migrations start from empty."""
    if db.engine.dialect.name == "postgresql":
        with db.engine.begin() as conn:
            conn.execute(text("DROP SCHEMA public CASCADE"))
            conn.execute(text("CREATE SCHEMA public"))


def empty_tables() -> None:
    """Delete every row, keeping the schema."""
    tables = db.metadata.sorted_tables
    with db.engine.begin() as conn:
        if db.engine.dialect.name == "postgresql":
            names = ", ".join(t.name for t in tables)
            conn.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
        else:
            for table in reversed(tables):
                conn.execute(table.delete())


class ClosingClient(FlaskClient):
    """A test client that closes each request's body once the app has answered.

    Werkzeug spools a multipart body over 500 KB to a temporary file and closes it only when it
    follows redirects; left open, the file is a ResourceWarning at whatever later test the
    garbage collector happens to run in (an error under filterwarnings)."""

    def open(self, *args, **kwargs):
        response = super().open(*args, **kwargs)
        request = getattr(response, "request", None)
        body = request.environ.get("wsgi.input") if request is not None else None
        if body is not None:
            body.close()  # the app read its form when it handled the request
        return response


def make_test_app(database_url: str, tmp_path: Path, **overrides):
    """Create an app on the test database, its schema migrated and its tables empty."""
    config = {
        "TESTING": True,
        "SECRET_KEY": "test-secret",
        "DATABASE_URL": database_url,
        "WTF_CSRF_ENABLED": False,
        "RATELIMIT_ENABLED": False,
        "RATELIMIT_STORAGE_URI": rate_limits.storage_uri(str(tmp_path / "rate-limits.sqlite")),
        "LOAD_DEMO": False,
        "QUESTIONS_DIR": str(tmp_path / "no-questions"),
    }
    config.update(overrides)
    app = create_app(config)
    app.test_client_class = ClosingClient
    with app.app_context():
        if database_url not in _prepared:
            reset_schema()
            upgrade_database()
            _prepared.add(database_url)
        empty_tables()
    return app


@pytest.fixture
def app(database_url, tmp_path):
    """The application on a migrated, empty test database."""
    app = make_test_app(database_url, tmp_path)
    yield app
    with app.app_context():
        db.session.remove()
        dispose_engines()


def make_user(
    username: str = "student1", role: str = "student", password: str = "correct horse"
) -> User:
    """Create an account directly through the service."""
    return accounts.create_user(username, password, role)


def login(client, username: str, password: str = "correct horse"):
    """Log in through the form and return the response."""
    return client.post("/auth/login", data={"username": username, "password": password})
