"""Configuration: defaults, then the instance folder, then QUIZAPP_* environment variables."""

from __future__ import annotations

import os
import secrets
from datetime import timedelta

from flask import Flask
from sqlalchemy.engine import make_url

from . import rate_limits
from .extensions import AUTOCOMMIT


class ConfigError(RuntimeError):
    """Configuration that cannot work; the message is one line for the operator."""


DEFAULTS = {
    "SECRET_KEY": None,
    "REQUIRE_SECRET_KEY": True,  # the command line turns it off except for `serve`
    "DATABASE_URL": None,  # None: a SQLite file in the instance folder
    "QUESTIONS_DIR": None,  # None: the repository's questions/ (or the installed copy)
    "LOAD_DEMO": True,
    "MAX_CONTENT_LENGTH": 2 * 1024 * 1024,
    "PERMANENT_SESSION_LIFETIME": timedelta(days=14),
    "SESSION_COOKIE_HTTPONLY": True,
    "SESSION_COOKIE_SAMESITE": "Lax",
    "SESSION_COOKIE_SECURE": False,
    "REMEMBER_COOKIE_HTTPONLY": True,
    "REMEMBER_COOKIE_SAMESITE": "Lax",
    "REMEMBER_COOKIE_DURATION": timedelta(days=14),
    # A quiz can take longer than Flask-WTF's default hour: the token lives as long as the session.
    "WTF_CSRF_TIME_LIMIT": None,
    "RATELIMIT_STORAGE_URI": None,  # None: a SQLite file in the instance folder (rate_limits.py)
    "RATELIMIT_HEADERS_ENABLED": True,
    "LOGIN_RATE_LIMIT": "10 per minute;50 per hour",
    "REGISTER_RATE_LIMIT": "5 per minute;20 per hour",  # new accounts, per address
    "GUEST_RATE_LIMIT": "30 per hour",  # quizzes started by new guests, per address
    "BEHIND_PROXY": False,
    "SQLALCHEMY_ENGINE_OPTIONS": {},  # pool_pre_ping is added for server databases
    # WAL with NORMAL: no fsync per commit; commits survive a killed process (see extensions.py).
    "SQLITE_SYNCHRONOUS": "NORMAL",
}

SQLITE_SYNCHRONOUS_LEVELS = ("OFF", "NORMAL", "FULL", "EXTRA")
SECRET_KEY_FILE = "secret_key"  # in the instance folder: made once by `quizapp serve`
MIN_SECRET_KEY = 32  # characters
MIN_SECRET_KEY_SYMBOLS = 8  # different characters: "aaaa...", "abab..." are no secret


def load_config(app: Flask, overrides: dict | None) -> None:
    """Fill app.config from defaults, instance/config.py, QUIZAPP_* variables and overrides."""
    app.config.from_mapping(DEFAULTS)
    app.config.from_pyfile("config.py", silent=True)
    app.config.from_prefixed_env("QUIZAPP")
    if overrides:
        app.config.from_mapping(overrides)
    read_secret_key_file(app)
    if not app.config.get("SQLALCHEMY_DATABASE_URI"):
        url = app.config["DATABASE_URL"] or default_database_url(app.instance_path)
        app.config["SQLALCHEMY_DATABASE_URI"] = normalise_database_url(url)
    if not app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite"):
        # A server database may drop connections (restart, failover): test each before use, so
        # service resumes by itself. A SQLite file has no connection to lose.
        app.config["SQLALCHEMY_ENGINE_OPTIONS"] = {
            "pool_pre_ping": True,
            **app.config["SQLALCHEMY_ENGINE_OPTIONS"],
        }
    add_autocommit_bind(app)
    if not app.config["RATELIMIT_STORAGE_URI"]:
        os.makedirs(app.instance_path, exist_ok=True)
        path = os.path.join(app.instance_path, "rate-limits.sqlite")
        app.config["RATELIMIT_STORAGE_URI"] = rate_limits.storage_uri(path)
    if app.config["SESSION_COOKIE_SECURE"]:
        app.config["REMEMBER_COOKIE_SECURE"] = True
    check_sqlite_synchronous(app)
    if app.config["REQUIRE_SECRET_KEY"]:
        check_secret_key(app)


def add_autocommit_bind(app: Flask) -> None:
    """Add the AUTOCOMMIT bind: the same database and engine options, in autocommit mode.

    A second engine needs a database that a second connection can open, so an in-memory SQLite
    database (which would be a different, empty one) is refused.
    """
    uri = app.config["SQLALCHEMY_DATABASE_URI"]
    url = make_url(uri)
    in_memory = url.database in (None, "", ":memory:") or url.query.get("mode") == "memory"
    if url.get_backend_name() == "sqlite" and in_memory:
        raise ConfigError(
            "An in-memory SQLite database cannot be shared by the app's connections: set "
            "QUIZAPP_DATABASE_URL to a SQLite file (sqlite:////path/to/quizapp.sqlite)."
        )
    binds = dict(app.config.get("SQLALCHEMY_BINDS") or {})
    binds[AUTOCOMMIT] = {
        "url": uri,
        **app.config["SQLALCHEMY_ENGINE_OPTIONS"],
        "isolation_level": "AUTOCOMMIT",
    }
    app.config["SQLALCHEMY_BINDS"] = binds


def secret_key_path(app: Flask) -> str:
    """Return the file of the instance folder that keeps a generated secret key."""
    return os.path.join(app.instance_path, SECRET_KEY_FILE)


def read_secret_key_file(app: Flask) -> None:
    """Use the instance folder's generated secret key when none is configured."""
    if app.config.get("SECRET_KEY"):
        return
    try:
        with open(secret_key_path(app), encoding="utf-8") as file:
            app.config["SECRET_KEY"] = file.read().strip() or None
    except FileNotFoundError:
        pass


def ensure_secret_key(app: Flask) -> str | None:
    """Without a configured key, generate one into the instance folder, once; return its path.

    A key that changes at every start would log everyone out and strand guests' attempts.
    """
    if app.config.get("SECRET_KEY"):
        return None
    os.makedirs(app.instance_path, exist_ok=True)
    path = secret_key_path(app)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # another process made it first
        read_secret_key_file(app)
        return path
    with os.fdopen(fd, "w", encoding="utf-8") as file:
        file.write(secrets.token_hex(32) + "\n")
    read_secret_key_file(app)
    return path


def secret_key_problem(key: object) -> str | None:
    """Return why a secret key is too weak to sign sessions with, or None."""
    text = key.decode("latin-1") if isinstance(key, bytes) else str(key)
    if len(text) < MIN_SECRET_KEY:
        return f"is {len(text)} characters long; use at least {MIN_SECRET_KEY} random characters"
    if len(set(text)) < MIN_SECRET_KEY_SYMBOLS:
        return f"repeats too few characters ({len(set(text))} different); use a random string"
    return None


def check_secret_key(app: Flask) -> None:
    """Refuse to serve without a secret key, or with a weak one, outside debug and testing."""
    if app.debug or app.testing:
        return
    key = app.config.get("SECRET_KEY")
    if not key:
        raise ConfigError(
            "QUIZAPP_SECRET_KEY is not set. Set it to a long random string, e.g. "
            "export QUIZAPP_SECRET_KEY=$(python3 -c 'import secrets; print(secrets.token_hex(32))')"
        )
    problem = secret_key_problem(key)
    if problem:
        raise ConfigError(
            f"QUIZAPP_SECRET_KEY is too weak: it {problem}, e.g. "
            "export QUIZAPP_SECRET_KEY=$(python3 -c 'import secrets; print(secrets.token_hex(32))')"
        )


def check_sqlite_synchronous(app: Flask) -> None:
    """Accept SQLITE_SYNCHRONOUS in any case, and only SQLite's own levels."""
    level = str(app.config["SQLITE_SYNCHRONOUS"]).upper()
    if level not in SQLITE_SYNCHRONOUS_LEVELS:
        raise ConfigError(
            f"QUIZAPP_SQLITE_SYNCHRONOUS must be one of {', '.join(SQLITE_SYNCHRONOUS_LEVELS)}, "
            f"not {app.config['SQLITE_SYNCHRONOUS']!r}."
        )
    app.config["SQLITE_SYNCHRONOUS"] = level


def default_database_url(instance_path: str) -> str:
    """Return the URL of the SQLite file in the instance folder."""
    os.makedirs(instance_path, exist_ok=True)
    return "sqlite:///" + os.path.join(instance_path, "quizapp.sqlite")


def normalise_database_url(url: str) -> str:
    """Use psycopg 3 for postgres:// and postgresql:// URLs."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url
