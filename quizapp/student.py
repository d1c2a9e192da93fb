"""A student's own history and attempts: nobody else's."""

from __future__ import annotations

from flask import Blueprint, abort, render_template
from flask_login import current_user, login_required

from . import charts
from .forms import ConfirmForm
from .services import NotFound, attempt_reviews, history, notices

bp = Blueprint("student", __name__, url_prefix="/me")


def chart_points(attempts) -> list[tuple[str, float]]:
    """Return (date in UTC, percent) points of finished attempts."""
    return [
        (a.finished_at.strftime("%-d %b %Y %H:%M UTC"), 100 * (a.score or 0) / a.max_score)
        for a in attempts
        if a.max_score
    ]


@bp.route("/history", endpoint="history")
@login_required
def history_page():
    """List every attempt with its score, a chart of scores over time and skills."""
    view = history.history(current_user.id)
    weak = {s.skill for s in view.weak}
    practice = chart_points(view.practice)
    return render_template(
        "student/history.html",
        view=view,
        notices=notices.notices(current_user.id),
        form=ConfirmForm(),
        score_svg=charts.score_chart(
            "score-chart", "Your scores over time (whole quizzes)", chart_points(view.finished)
        ),
        practice_svg=charts.score_chart(
            "practice-chart", "Your practice of missed questions", practice
        )
        if practice
        else None,
        skill_svg=charts.bar_chart(
            "skill-chart",
            "Share of answers right, by skill",
            [(s.label, s.share, s.skill in weak) for s in view.skills],
        ),
    )


@bp.route("/attempts/<int:attempt_id>")
@login_required
def attempt(attempt_id: int):
    """Show one of the student's attempts: its score and a review of every question."""
    try:
        review = attempt_reviews.review(attempt_id, current_user.id)
    except NotFound:
        abort(404)
    return render_template("student/attempt.html", review=review, form=ConfirmForm())
