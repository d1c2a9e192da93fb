"""Taking a quiz: overview, one question per page, feedback, result, and the cited sources."""

from __future__ import annotations

import json

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_login import current_user, login_user

from .access import claimed_user_id, preload_user
from .errors import render_error
from .extensions import csrf, limiter, login_manager
from .forms import ConfirmForm
from .quiz_forms import (
    accepted_answer,
    accepted_picks,
    answer_form,
    csrf_token_valid,
    form_value,
    posted_answer,
)
from .reading_pane import name_article
from .services import (
    Conflict,
    Forbidden,
    NotFound,
    ServiceError,
    accounts,
    answers,
    assignments,
    attempts,
    history,
    quizzes,
    reading,
)

bp = Blueprint("quiz", __name__, url_prefix="/quizzes")

KEPT = "kept_answers"  # session key: answers that arrived without a valid login or CSRF token
MAX_KEPT = 20
KEPT_BUDGET = 1800  # bytes of JSON for all kept answers: the session cookie stays under 4 KB


def user_id() -> int | None:
    """Return the logged-in user's id, or None."""
    return current_user.id if current_user.is_authenticated else None


def _json_size(text: str) -> int:
    """Return the bytes a text takes in the session cookie's JSON (non-ASCII is escaped)."""
    return len(json.dumps(text))


def _clip(text: str, budget: int) -> str:
    """Return the longest start of text whose JSON fits the budget."""
    if _json_size(text) <= budget:
        return text
    low, high = 0, len(text)
    while low < high:
        middle = (low + high + 1) // 2
        low, high = (middle, high) if _json_size(text[:middle]) <= budget else (low, middle - 1)
    return text[:low]


def keep_answer(attempt_id: int, position: int, answer: str) -> bool:
    """Keep a submitted answer in the session until its owner submits it again.

    The session is a cookie, which browsers drop past 4 KB: the kept answers share a budget
    (the oldest go first), and an answer longer than all of it is kept shortened. Return
    whether the answer was kept whole.
    """
    key = f"{attempt_id}:{position}"
    kept = dict(session.get(KEPT, {}))
    kept.pop(key, None)
    clipped = _clip(answer[: answers.MAX_ANSWER], KEPT_BUDGET)
    while kept and (
        len(kept) >= MAX_KEPT
        or sum(_json_size(k) + _json_size(v) for k, v in kept.items()) + _json_size(clipped)
        > KEPT_BUDGET
    ):
        kept.pop(next(iter(kept)))
    kept[key] = clipped
    session[KEPT] = kept
    return clipped == answer


def kept_answer(attempt_id: int, position: int, pop: bool = False) -> str | None:
    """Return (and with `pop`, forget) the answer kept for a question."""
    kept = dict(session.get(KEPT, {}))
    answer = kept.pop(f"{attempt_id}:{position}", None)
    if pop and answer is not None:
        session[KEPT] = kept
    return answer


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
    position = answers.resume_position(attempt.id, current_user.id)
    if attempt.quiz.book == "closed" and position == 1 and not attempt.responses:
        return redirect(url_for("articles.read_first", attempt_id=attempt.id))
    return redirect(url_for(".question", attempt_id=attempt.id, position=position))


@bp.route("/attempts/<int:attempt_id>/resume")
def resume(attempt_id: int):
    """Go to the first unanswered question of an attempt."""
    if not current_user.is_authenticated:
        return login_manager.unauthorized()
    try:
        position = answers.resume_position(attempt_id, current_user.id)
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
        page = answers.question_page(attempt_id, current_user.id, position)
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


def question_reading(page: answers.QuestionPage) -> tuple[list[reading.Article], int]:
    """Return the articles beside a question (none: closed book) and how many the quiz has."""
    if page.attempt.quiz.book == "closed":
        return [], 0
    return reading.question_articles(page.question.id, page.attempt.quiz_id)


def picks_in_article(page: answers.QuestionPage, articles: list[reading.Article]) -> bool:
    """Return whether the question is answered by picking a sentence in the reading pane."""
    return page.question.type == "evidence" and bool(articles)


def articles_context(page: answers.QuestionPage, reading_: tuple) -> dict:
    """Return the template values of the reading pane: articles and the prompt to show.

    A quiz about several articles names the question's article where its prompt says "the
    article".
    """
    articles, in_quiz = reading_
    prompt = page.question.prompt
    if len(articles) == 1 and in_quiz > 1:
        prompt = name_article(prompt, articles[0].title)
    return {"articles": articles, "prompt": prompt, "picker": picks_in_article(page, articles)}


def answer_slot(attempt_id: int, position: int) -> answers.AnswerSlot | None:
    """Read the question to answer for the session's user, who is then logged in from that row.

    One query reads the attempt, the question and its owner; Flask-Login, which still decides
    who is logged in, takes the owner's row instead of reading it again.
    """
    user_id = claimed_user_id()
    if user_id is None:
        return None
    try:
        slot = answers.answer_slot(attempt_id, user_id, position)
    except NotFound:
        return None  # decided below, once Flask-Login has said who is logged in
    preload_user(slot.owner)
    return slot


def finished(attempt_id: int):
    """Send an answer to a finished attempt to its result."""
    flash("This attempt is finished: its answers can no longer change.", "info")
    return redirect(url_for(".result", attempt_id=attempt_id))


def post_answer(slot: answers.AnswerSlot | None, attempt_id: int, position: int):
    """Check the submitted form against the question, then save the answer and go on."""
    if slot is None or slot.owner.id != current_user.id:
        try:
            slot = answers.answer_slot(attempt_id, current_user.id, position)
        except NotFound:
            abort(404)
    if slot.finished:
        if request.form.get("answer"):
            flash(str(answers.refusal(slot, request.form["answer"].strip())), "error")
            return redirect(url_for(".result", attempt_id=attempt_id))
        return finished(attempt_id)
    if not csrf_token_valid():
        whole = keep_answer(attempt_id, position, posted_answer(request.form))
        flash("Your form expired. Your answer was kept" + ("" if whole else ", shortened")
              + ": submit it to save it.", "info")
        return redirect(url_for(".question", attempt_id=attempt_id, position=position))
    if slot.question.type == "multi":
        answer = accepted_picks(slot.choices, request.form.getlist("answer"))
    else:
        # an evidence question is answered with any sentence of its article (the scorer judges)
        choices = None if slot.question.type == "evidence" else slot.choices
        answer = accepted_answer(choices, request.form.get("answer"))
    if answer is not None:
        return save_answer(slot, answer)
    try:  # the full page, with a fresh CSRF token, to show the form's errors
        page = answers.question_page(attempt_id, current_user.id, position, progress=False)
    except NotFound:
        abort(404)
    found = question_reading(page)
    picker = picks_in_article(page, found[0])
    form = answer_form(page.question.type, page.choices, picker, formdata=request.form)
    form.validate()
    context = articles_context(page, found)
    return render_template("quiz/question.html", page=page, form=form, kept=None, **context), 400


def save_answer(slot: answers.AnswerSlot, answer: str):
    """Save an answer and go on: to the feedback (practice) or the next question (test)."""
    attempt_id, position = slot.attempt_id, slot.position
    try:
        outcome = answers.save_answer(slot, answer)
    except Conflict as exc:  # AnswerRefused: the attempt was submitted first; not saved
        flash(str(exc), "error" if isinstance(exc, answers.AnswerRefused) else "info")
        return redirect(url_for(".result", attempt_id=attempt_id))
    kept_answer(attempt_id, position, pop=True)
    if slot.mode == "practice":
        if outcome.refused:
            flash("You had already answered this question; your first answer stands.", "info")
        return redirect(url_for(".feedback", attempt_id=attempt_id, position=position))
    flash(f"Answer to question {position} saved.", "success")
    if position < slot.total:
        return redirect(url_for(".question", attempt_id=attempt_id, position=position + 1))
    return redirect(url_for(".submit", attempt_id=attempt_id))


@bp.route("/attempts/<int:attempt_id>/questions/<int:position>/feedback")
def feedback(attempt_id: int, position: int):
    """Show right or wrong, the accepted answer, the reason and the cited sentence."""
    if not current_user.is_authenticated:
        return login_manager.unauthorized()
    try:
        review = history.review(attempt_id, current_user.id, position)
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
        page = answers.question_page(attempt_id, current_user.id, 1)
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
        review = history.review(attempt_id, current_user.id)
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
        src, marked = history.source_page(
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
