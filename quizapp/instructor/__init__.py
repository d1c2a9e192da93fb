"""The instructor's workspace: sources, banks, questions, quizzes, results. (Issue 6.)

Only instructors get in (students and guests: 403; nobody logged in: the login page). Inside,
an instructor sees their own objects and those shared with them; others' are 404.
"""

from flask import Blueprint, g, render_template

from ..access import instructor_required
from ..errors import render_error
from ..services import Forbidden, NotFound
from ..services.library import bank_rows, own_sources, quiz_rows

bp = Blueprint("instructor", __name__, url_prefix="/teach")


@bp.before_request
@instructor_required
def require_instructor() -> None:
    """Keep everyone but instructors out of every workspace page."""


@bp.errorhandler(NotFound)
def not_found(exc: NotFound):
    """Show another instructor's (or a missing) object as a 404 page."""
    return render_error(404)


@bp.errorhandler(Forbidden)
def forbidden(exc: Forbidden):
    """Refuse an owner-only action on a shared object with a 403 page."""
    return render_error(403, str(exc))


@bp.route("/")
def dashboard():
    """Show the instructor's sources, banks and quizzes at a glance."""
    return render_template(
        "instructor/dashboard.html",
        sources=own_sources(g.user.id),
        banks=bank_rows(g.user.id),
        quizzes=quiz_rows(g.user.id),
    )


from . import (  # noqa: E402, F401
    banks,
    classes,
    questions,
    quizzes,
    results,
    review_queue,
    reviews,
    sources,
    words,
)
