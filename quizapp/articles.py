"""Reading the articles of a quiz: before starting it (open book), or first (closed book)."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_login import current_user

from .extensions import login_manager
from .services import Conflict, NotFound, reading

bp = Blueprint("articles", __name__, url_prefix="/quizzes")


@bp.route("/attempts/<int:attempt_id>/read")
def read_first(attempt_id: int):
    """Show a closed-book attempt's articles, to read before question 1."""
    if not current_user.is_authenticated:
        return login_manager.unauthorized()
    try:
        view = reading.read_first(attempt_id, current_user.id)
    except NotFound:
        abort(404)
    except Conflict as exc:
        flash(str(exc), "info")
        return redirect(url_for("quiz.resume", attempt_id=attempt_id))
    return render_template("quiz/read_first.html", view=view)


@bp.route("/<int:quiz_id>/articles/<int:source_id>")
def quiz_article(quiz_id: int, source_id: int):
    """Show one article of an open-book quiz, linked from its overview."""
    try:
        quiz, article = reading.quiz_article(quiz_id, source_id)
    except NotFound:
        abort(404)
    return render_template("quiz/article.html", quiz=quiz, article=article)
