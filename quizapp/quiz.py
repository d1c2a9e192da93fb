"""Taking a quiz: overview, one question per page, feedback, result, and the cited sources."""

from __future__ import annotations

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_login import current_user, login_user

from .errors import render_error
from .extensions import csrf, limiter, login_manager
from .forms import ConfirmForm
from .kept_answers import keep_answer, kept_answer
from .quiz_answers import (
    answer_slot,
    articles_context,
    finished,
    picks_in_article,
    post_answer,
    question_reading,
)
from .quiz_forms import answer_form, form_value, posted_answer
from .services import (
    Conflict,
    Forbidden,
    NotFound,
    ServiceError,
    accounts,
    assignments,
    attempt_reviews,
    attempts,
    question_pages,
    quizzes,
    reading,
    source_pages,
)

bp = Blueprint("quiz", __name__, url_prefix="/quizzes")


def user_id() -> int | None:
    """Return the logged-in user's id, or None."""
    return current_user.id if current_user.is_authenticated else None


@bp.route("/<int:quiz_id>")
def overview(quiz_id: int):
    """Show a quiz: what it holds, the attempts left, and Start or Resume."""
    try:
        view = quizzes.quiz_overview(quiz_id, user_id())
        assignments.check_may_take(quiz_id, user_id())
    except NotFound:
        abort(404)
    except Forbidden as exc:  # a class's quiz, or one for signed-in students
        return render_error(403, str(exc))
    articles = reading.quiz_articles(quiz_id)
    return render_template("quiz/overview.html", view=view, articles=articles, form=ConfirmForm())


def guest_limit() -> str:
    """Return how many quizzes one address may start as a new guest (each makes an account)."""
    return current_app.config["GUEST_RATE_LIMIT"]


def signed_in() -> bool:
    """Return whether the visitor is logged in (and so makes no guest account)."""
    return current_user.is_authenticated


@bp.route("/<int:quiz_id>/start", methods=["POST"])
@limiter.limit(guest_limit, exempt_when=signed_in)
def start(quiz_id: int):
    """Start (or resume) an attempt; an anonymous visitor becomes a guest first."""
    if not ConfirmForm().validate_on_submit():
        abort(400)
    try:
        assignments.check_may_take(quiz_id, user_id())
    except NotFound:
        abort(404)
    except Forbidden as exc:
        return render_error(403, str(exc))
    if not current_user.is_authenticated:
        try:  # make a guest only for a quiz that can be started
            view = quizzes.quiz_overview(quiz_id, None)
        except NotFound:
            abort(404)
        if not view.is_open or not view.question_count:
            return redirect(url_for(".overview", quiz_id=quiz_id))
        login_user(accounts.create_guest(), remember=True)
    try:
        attempt = attempts.start_attempt(quiz_id, current_user.id)
    except NotFound:
        abort(404)
    except ServiceError as exc:
        flash(str(exc), "error")
        return redirect(url_for(".overview", quiz_id=quiz_id))
    position = question_pages.resume_position(attempt.id, current_user.id)
    if attempt.quiz.book == "closed" and position == 1 and not attempt.responses:
        return redirect(url_for("articles.read_first", attempt_id=attempt.id))
    return redirect(url_for(".question", attempt_id=attempt.id, position=position))


@bp.route("/attempts/<int:attempt_id>/resume")
def resume(attempt_id: int):
    """Go to the first unanswered question of an attempt."""
    if not current_user.is_authenticated:
        return login_manager.unauthorized()
    try:
        position = question_pages.resume_position(attempt_id, current_user.id)
    except NotFound:
        abort(404)
    return redirect(url_for(".question", attempt_id=attempt_id, position=position))


@bp.route("/attempts/<int:attempt_id>/questions/<int:position>", methods=["GET", "POST"])
@csrf.exempt  # checked in post_answer, so that an expired token keeps the answer
def question(attempt_id: int, position: int):
    """Show one question; save and score the submitted answer."""
    slot = answer_slot(attempt_id, position) if request.method == "POST" else None
    if not current_user.is_authenticated:
        if request.method == "POST" and "answer" in request.form:
            whole = keep_answer(attempt_id, position, posted_answer(request.form))
            flash("Your session ended. Your answer was kept" + ("" if whole else ", shortened")
                  + ": log in and submit it to save it.")
        here = url_for(".question", attempt_id=attempt_id, position=position)
        return redirect(url_for("auth.login", next=here))
    if request.method == "POST":
        return post_answer(slot, attempt_id, position)
    try:
        page = question_pages.question_page(attempt_id, current_user.id, position)
    except NotFound:
        abort(404)
    if page.attempt.finished:
        return finished(attempt_id)
    if page.attempt.mode == "practice" and page.response:
        return redirect(url_for(".feedback", attempt_id=attempt_id, position=position))
    found = question_reading(page)
    form = answer_form(page.question.type, page.choices, picker=picks_in_article(page, found[0]))
    kept = kept_answer(attempt_id, position)
    if kept is not None:
        form.answer.data = form_value(page.question.type, kept)
    elif page.response is not None:
        form.answer.data = form_value(page.question.type, page.response.answer)
    return render_template(
        "quiz/question.html", page=page, form=form, kept=kept, **articles_context(page, found)
    )


@bp.route("/attempts/<int:attempt_id>/questions/<int:position>/feedback")
def feedback(attempt_id: int, position: int):
    """Show right or wrong, the accepted answer, the reason and the cited sentence."""
    if not current_user.is_authenticated:
        return login_manager.unauthorized()
    try:
        review = attempt_reviews.review(attempt_id, current_user.id, position)
    except NotFound:
        abort(404)
    except Conflict as exc:
        flash(str(exc), "info")
        return redirect(url_for(".question", attempt_id=attempt_id, position=position))
    item = review.items[0] if review.items else None
    if item is None or item.response is None:
        return redirect(url_for(".question", attempt_id=attempt_id, position=position))
    return render_template(
        "quiz/feedback.html",
        review=review,
        item=item,
        total=len(review.attempt.question_ids),
        form=ConfirmForm(),
    )


@bp.route("/attempts/<int:attempt_id>/submit", methods=["GET", "POST"])
def submit(attempt_id: int):
    """Confirm and finish an attempt (after the last question, or from the test's overview)."""
    if not current_user.is_authenticated:
        return login_manager.unauthorized()
    form = ConfirmForm()
    try:
        if form.validate_on_submit():
            attempts.finish_attempt(attempt_id, current_user.id)
            return redirect(url_for(".result", attempt_id=attempt_id))
        page = question_pages.question_page(attempt_id, current_user.id, 1)
    except NotFound:
        abort(404)
    if page.attempt.finished:
        return redirect(url_for(".result", attempt_id=attempt_id))
    return render_template("quiz/submit.html", page=page, form=form)


@bp.route("/attempts/<int:attempt_id>/result")
def result(attempt_id: int):
    """Show the score and a review of every question with its evidence."""
    if not current_user.is_authenticated:
        return login_manager.unauthorized()
    try:
        review = attempt_reviews.review(attempt_id, current_user.id)
    except NotFound:
        abort(404)
    if not review.attempt.finished:
        return redirect(url_for(".submit", attempt_id=attempt_id))
    return render_template("quiz/result.html", review=review, form=ConfirmForm())


@bp.route("/attempts/<int:attempt_id>/retry", methods=["POST"])
def retry(attempt_id: int):
    """Start a practice attempt over the questions missed in a finished attempt."""
    if not current_user.is_authenticated:
        return login_manager.unauthorized()
    if not ConfirmForm().validate_on_submit():
        abort(400)
    try:
        new = attempts.retry_missed(attempt_id, current_user.id)
    except NotFound:
        abort(404)
    except ServiceError as exc:
        flash(str(exc), "info")
        return redirect(url_for(".result", attempt_id=attempt_id))
    return redirect(url_for(".question", attempt_id=new.id, position=1))


@bp.route("/sources/<int:source_id>")
def source(source_id: int):
    """Show a cited article, with the span start..end highlighted."""
    if not current_user.is_authenticated:
        return login_manager.unauthorized()
    start = request.args.get("start", type=int)
    end = request.args.get("end", type=int)
    try:
        src, marked = source_pages.source_page(
            source_id, current_user.id, current_user.is_instructor, start, end
        )
    except NotFound:
        abort(404)
    except ServiceError as exc:
        return render_error(400, str(exc))
    back = None  # the question the student came from (its route checks who may see it)
    attempt, at = request.args.get("attempt", type=int), request.args.get("position", type=int)
    if attempt is not None and at is not None and attempt > 0 and at > 0:
        back = (url_for(".feedback", attempt_id=attempt, position=at), at)
    return render_template("quiz/source.html", source=src, marked=marked, back=back)
