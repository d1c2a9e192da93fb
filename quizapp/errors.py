"""Error pages in the site's style: never a stack trace."""

from __future__ import annotations

from flask import Flask, g, render_template, request
from flask_login import AnonymousUserMixin
from flask_wtf.csrf import CSRFError
from sqlalchemy.exc import InterfaceError, OperationalError
from werkzeug.exceptions import HTTPException

from .extensions import close_autocommit, db

MESSAGES = {
    400: ("Bad request", "The request could not be understood. Please go back and try again."),
    403: ("Not allowed", "You do not have permission to see this page."),
    404: ("Page not found", "There is nothing at this address. It may have been moved or deleted."),
    405: ("Method not allowed", "This page cannot be used that way."),
    413: ("Upload too large", "The file or form you sent is larger than the limit."),
    429: ("Too many attempts", "Too many requests in a short time. Please wait a minute."),
    500: ("Something went wrong", "An unexpected error happened on our side. It has been logged."),
    503: ("Temporarily unavailable", "The service is briefly unavailable. Please retry shortly."),
}


def render_error(code: int, detail: str | None = None):
    """Render the error page for an HTTP status."""
    title, message = MESSAGES.get(code, (f"Error {code}", "The request failed."))
    return render_template("error.html", code=code, title=title, message=detail or message), code


def register(app: Flask) -> None:
    """Install the error handlers."""

    @app.errorhandler(CSRFError)
    def csrf_error(exc: CSRFError):
        return render_error(
            400,
            "Your form expired or was sent from elsewhere. Go back, reload the page and send it "
            "again; nothing you saved before is lost.",
        )

    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException):
        if exc.code is None or exc.code < 400:
            return exc
        if exc.code == 413:
            limit = app.config.get("MAX_CONTENT_LENGTH") or 0
            return render_error(
                413, f"The limit is {limit // 1024} KB. Please send something smaller."
            )
        return render_error(exc.code)

    @app.errorhandler(OperationalError)
    @app.errorhandler(InterfaceError)
    def database_down(exc: Exception):
        app.logger.warning("database unavailable on %s %s: %s", request.method, request.path, exc)
        try:
            db.session.rollback()
        except Exception:  # the connection is gone; the pool will replace it
            db.session.remove()
        close_autocommit()
        g._login_user = AnonymousUserMixin()  # render the page without asking the database
        response, code = render_error(503)
        return response, code, {"Retry-After": "5"}

    @app.errorhandler(Exception)
    def unexpected(exc: Exception):
        app.logger.exception("unhandled error on %s %s", request.method, request.path)
        db.session.rollback()
        return render_error(500)
