"""Start-up: bring the database to the newest schema and load the demo content."""

from __future__ import annotations

from pathlib import Path

from flask import current_app
from flask_migrate import upgrade
from sqlalchemy import text
from sqlalchemy.engine import make_url

from ..extensions import db
from . import ServiceError
from .banks import load_bank_files

BANK_SUFFIXES = (".json", ".yaml", ".yml")


class DatabaseUnavailable(ServiceError):
    """The configured database cannot be reached."""


def database_label() -> str:
    """Return the database URL with any password hidden."""
    url = make_url(current_app.config["SQLALCHEMY_DATABASE_URI"])
    return url.render_as_string(hide_password=True)


def check_database() -> None:
    """Connect once, raising DatabaseUnavailable with a one-line reason."""
    try:
        with db.engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except Exception as exc:  # any driver error means the same thing to the operator
        reason = str(getattr(exc, "orig", exc)).strip().splitlines()[0] if str(exc) else repr(exc)
        raise DatabaseUnavailable(
            f"cannot reach the database {database_label()}: {reason}"
        ) from None


def upgrade_database() -> None:
    """Apply every Alembic migration the database lacks."""
    check_database()
    upgrade(directory=current_app.extensions["migrate"].directory)


def questions_dir() -> Path:
    """Return the folder of bank files loaded at start-up (the factory fills in the default)."""
    return Path(current_app.config["QUESTIONS_DIR"])


def load_demo_content() -> list[str]:
    """Load the bank files in the questions folder that are not loaded yet."""
    folder = questions_dir()
    if not folder.is_dir():
        return []
    files = sorted(p for p in folder.iterdir() if p.suffix.lower() in BANK_SUFFIXES)
    return load_bank_files((p.name, p.read_bytes()) for p in files)


def prepare() -> list[str]:
    """Upgrade the schema, then load the demo content when configured to."""
    upgrade_database()
    return load_demo_content() if current_app.config["LOAD_DEMO"] else []
