"""Classes for students: join with a code or a link, and see the quizzes set for them."""

from __future__ import annotations

from flask import Blueprint, flash, g, redirect, render_template, url_for
from flask_login import current_user
from flask_wtf import FlaskForm
from wtforms import StringField
from wtforms.validators import DataRequired, Length

from .access import role_required
from .core.classes.timing import THRESHOLDS, seconds_left, time_words
from .errors import render_error
from .models import utcnow
from .services import Forbidden, NotFound, assignments, classes

bp = Blueprint("classes", __name__)
student_required = role_required("student")


class JoinForm(FlaskForm):
    code = StringField(
        "Class code",
        validators=[DataRequired(), Length(max=40)],
        description="The code your instructor gave you, such as K7RM2XQD.",
    )


def _join(code: str):
    """Enrol the student with a code; a bad code re-renders the form with its error."""
    form = JoinForm(data={"code": code})
    try:
        course, new = classes.join_class(current_user.id, code)
    except NotFound as exc:
        form.code.errors = [str(exc)]
        return render_template("classes/join.html", form=form, course=None), 400
    except Forbidden as exc:
        return render_error(403, str(exc))
    flash(f"You joined {course.name}." if new else f"You are already in {course.name}.",
          "success")  # fmt: skip
    return redirect(url_for("classes.mine"))


@bp.route("/join", methods=["GET", "POST"])
@student_required
def join():
    """Join a class by typing its code."""
    form = JoinForm()
    if form.validate_on_submit():
        return _join(form.code.data)
    return render_template("classes/join.html", form=form, course=None), 400 if form.errors else 200


@bp.route("/join/<code>", methods=["GET", "POST"])
@student_required
def join_link(code: str):
    """Join a class from its link: the page names the class and asks to confirm."""
    form = JoinForm(data={"code": code})
    if form.validate_on_submit():
        return _join(form.code.data)
    try:
        course = classes.class_by_code(code)
    except NotFound as exc:
        form.code.errors = [str(exc)]
        return render_template("classes/join.html", form=form, course=None), 404
    return render_template("classes/join.html", form=form, course=course)


@bp.route("/classes")
@student_required
def mine():
    """List the student's classes and the quizzes assigned to them."""
    return render_template(
        "classes/mine.html",
        classes=classes.classes_joined(g.user.id),
        assigned=assignments.assigned_to(g.user.id),
    )


@bp.app_context_processor
def timing_helpers() -> dict:
    """Offer templates the time left on a timed attempt, as the timer shows it."""

    def time_left(attempt) -> dict | None:
        left = seconds_left(getattr(attempt, "deadline", None), utcnow())
        if left is None or attempt.finished_at is not None:
            return None
        urgent = next((t for t in reversed(THRESHOLDS) if left <= t), None)
        return {
            "seconds": left,
            "words": time_words(left),
            "urgent": urgent is not None,
            "deadline": attempt.deadline.isoformat() + "Z",
        }

    def assigned_quizzes() -> list:
        if current_user.is_authenticated and current_user.role == "student":
            return assignments.assigned_to(current_user.id)
        return []

    return {"time_left": time_left, "assigned_quizzes": assigned_quizzes}
