"""The application factory: a table of contents of the app."""

from __future__ import annotations

import os
from pathlib import Path

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix
from werkzeug.routing import IntegerConverter

from .config import load_config
from .extensions import close_autocommit, csrf, db, init_sqlite, limiter, login_manager, migrate

PACKAGE_DIR = Path(__file__).resolve().parent


def bundled_dir(name: str) -> Path:
    """Return the installed copy of a top-level folder, or the repository's own in a checkout."""
    installed = PACKAGE_DIR / name
    return installed if installed.is_dir() else PACKAGE_DIR.parent / name


class IdConverter(IntegerConverter):
    """`<int:...>` in URLs: a number no id column can hold is no page (404), not a DB error."""

    def __init__(self, map, fixed_digits=0, min=None, max=2**31 - 1, signed=False) -> None:
        super().__init__(map, fixed_digits, min, max, signed)


def create_app(config: dict | None = None) -> Flask:
    """Create and configure the quizapp application."""
    app = Flask(
        "quizapp",
        template_folder=str(bundled_dir("templates")),
        static_folder=str(bundled_dir("static")),
        instance_path=os.environ.get("QUIZAPP_INSTANCE_PATH") or None,
        instance_relative_config=True,
    )
    load_config(app, config)
    if not app.config.get("QUESTIONS_DIR"):
        app.config["QUESTIONS_DIR"] = str(bundled_dir("questions"))
    app.url_map.converters["int"] = IdConverter
    if app.config["BEHIND_PROXY"]:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=1, x_proto=1, x_host=1)

    db.init_app(app)
    app.teardown_appcontext(close_autocommit)
    init_sqlite(app)
    migrate.init_app(app, db, directory=str(PACKAGE_DIR / "migrations"), render_as_batch=True)
    login_manager.init_app(app)
    csrf.init_app(app)
    limiter.init_app(app)

    from . import (  # noqa: F401
        access,
        account,
        appeals,
        articles,
        auth,
        classes,
        cli,
        errors,
        instructor,
        main,
        quiz,
        security,
        student,
    )

    app.register_blueprint(main.bp)
    app.register_blueprint(auth.bp)
    app.register_blueprint(quiz.bp)
    app.register_blueprint(articles.bp)
    app.register_blueprint(student.bp)
    app.register_blueprint(appeals.bp)
    app.register_blueprint(instructor.bp)
    app.register_blueprint(classes.bp)
    app.register_blueprint(account.bp)
    errors.register(app)
    security.register(app)
    cli.register(app)
    return app
