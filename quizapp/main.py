"""The public pages: home with the published quizzes."""

from flask import Blueprint, current_app, g, render_template, request, url_for
from flask_login import current_user

from .services import assignments, quizzes

bp = Blueprint("main", __name__)


@bp.route("/")
def home():
    """List the published quizzes with their question count and mode (not classes' own)."""
    listings = quizzes.published_quizzes()
    class_only = assignments.class_only_quiz_ids([item.quiz.id for item in listings])
    listings = [item for item in listings if item.quiz.id not in class_only]
    return render_template("home.html", listings=listings)


NAV = (
    # (roles that see it, label, endpoint)
    (("guest", "student", "instructor"), "My history", "student.history"),
    (("student",), "My classes", "classes.mine"),
    (("student", "instructor"), "Account", "account.settings"),
    (("instructor",), "Workspace", "instructor.dashboard"),
)


@bp.before_app_request
def fresh_user() -> None:
    """Reload the logged-in user for every request (tests share one `g` across requests)."""
    g.pop("_login_user", None)
    g.pop("preloaded_user", None)


@bp.app_context_processor
def navigation() -> dict:
    """Offer templates the navigation items and quiz links of the blueprints that exist."""

    def nav_items() -> list[dict]:
        role = current_user.role if current_user.is_authenticated else None
        return [
            {"label": label, "url": url_for(endpoint), "current": request.endpoint == endpoint}
            for roles, label, endpoint in NAV
            if role in roles and endpoint in current_app.view_functions
        ]

    def quiz_url(quiz) -> str:
        if "quiz.overview" in current_app.view_functions:
            return url_for("quiz.overview", quiz_id=quiz.id)
        return url_for("main.home")

    return {"nav_items": nav_items, "quiz_url": quiz_url}
