"""Quizzes: build one from banks, change its settings, publish, unpublish and share it."""

from flask import flash, g, redirect, render_template, url_for

from ..forms import ConfirmForm
from ..models import Quiz
from ..services import ServiceError
from ..services.library import bank_rows, quiz_rows
from ..services.quiz_settings import (
    QuizSettings,
    available_questions,
    create_quiz,
    set_published,
    update_quiz,
)
from ..services.sharing import quiz_for, share_quiz, unshare_quiz
from . import bp
from .forms import QuizForm, ShareForm, options, words
from .sharing import share_from_form, unshare_from_form


def settings_from(form: QuizForm) -> QuizSettings:
    """Return the plain values of a quiz form."""
    return QuizSettings(
        title=form.title.data, bank_ids=list(form.banks.data or []),
        description=form.description.data or "", mode=form.mode.data, book=form.book.data,
        question_count=form.question_count.data, tag_filter=words(form.tag_filter.data),
        type_filter=list(form.type_filter.data or []),
        attempts_allowed=form.attempts_allowed.data, shuffle=bool(form.shuffle.data),
        opens_at=form.opens_at.data, closes_at=form.closes_at.data,
        time_limit_minutes=form.time_limit_minutes.data,
        open_to_guests=bool(form.open_to_guests.data),
    )  # fmt: skip


def form_data(quiz: Quiz) -> dict:
    """Return a quiz's settings as form data."""
    return {
        "title": quiz.title, "description": quiz.description,
        "banks": [b.id for b in quiz.banks], "mode": quiz.mode, "book": quiz.book,
        "question_count": quiz.question_count, "tag_filter": ", ".join(quiz.tag_filter or []),
        "type_filter": list(quiz.type_filter or []), "attempts_allowed": quiz.attempts_allowed,
        "shuffle": quiz.shuffle, "opens_at": quiz.opens_at, "closes_at": quiz.closes_at,
        "time_limit_minutes": quiz.time_limit_minutes, "open_to_guests": quiz.open_to_guests,
    }  # fmt: skip


def quiz_page(form: QuizForm, quiz: Quiz | None, save):
    """Run the quiz form; `save` stores the settings and returns the quiz."""
    choices = {row.bank.id: row.bank.title for row in bank_rows(g.user.id)}
    for b in quiz.banks if quiz else []:
        choices.setdefault(b.id, b.title)
    form.banks.choices = options(choices.items())
    if form.validate_on_submit():
        try:
            saved = save(settings_from(form))
        except ServiceError as exc:
            form.form_errors.append(str(exc))
        else:
            flash("Quiz saved.", "success")
            return redirect(url_for("instructor.quiz", quiz_id=saved.id))
    code = 400 if form.errors else 200
    return render_template("instructor/quiz_form.html", form=form, quiz=quiz), code


@bp.route("/quizzes")
def quizzes():
    """List the instructor's quizzes and those shared with them."""
    return render_template("instructor/quizzes.html", quizzes=quiz_rows(g.user.id))


@bp.route("/quizzes/new", methods=["GET", "POST"])
def new_quiz():
    """Build a quiz from banks (unpublished until published)."""
    return quiz_page(QuizForm(), None, lambda settings: create_quiz(g.user.id, settings))


@bp.route("/quizzes/<int:quiz_id>")
def quiz(quiz_id: int):
    """Show a quiz's settings, how many questions it can draw, and publishing."""
    item = quiz_for(g.user.id, quiz_id)
    available, drawn = available_questions(item)
    return render_template(
        "instructor/quiz.html", quiz=item, available=available, drawn=drawn,
        confirm=ConfirmForm(), share_form=ShareForm(),
    )  # fmt: skip


@bp.route("/quizzes/<int:quiz_id>/edit", methods=["GET", "POST"])
def edit_quiz(quiz_id: int):
    """Change a quiz's settings."""
    item = quiz_for(g.user.id, quiz_id)
    form = QuizForm(data=form_data(item))
    return quiz_page(form, item, lambda settings: update_quiz(g.user.id, quiz_id, settings))


def _publish(quiz_id: int, published: bool):
    """Publish or unpublish a quiz, then show it."""
    quiz_for(g.user.id, quiz_id)
    if ConfirmForm().validate_on_submit():
        try:
            set_published(g.user.id, quiz_id, published)
        except ServiceError as exc:
            flash(str(exc), "error")
        else:
            flash("Quiz published." if published else "Quiz unpublished.", "success")
    return redirect(url_for("instructor.quiz", quiz_id=quiz_id))


@bp.route("/quizzes/<int:quiz_id>/publish", methods=["POST"])
def publish(quiz_id: int):
    """Publish a quiz: students can take it while it is open."""
    return _publish(quiz_id, True)


@bp.route("/quizzes/<int:quiz_id>/unpublish", methods=["POST"])
def unpublish(quiz_id: int):
    """Unpublish a quiz: it leaves the home page; results stay."""
    return _publish(quiz_id, False)


@bp.route("/quizzes/<int:quiz_id>/share", methods=["POST"])
def share_quiz_page(quiz_id: int):
    """Share a quiz with another instructor."""
    quiz_for(g.user.id, quiz_id, owner_only=True)
    back = url_for("instructor.quiz", quiz_id=quiz_id)
    return share_from_form(g.user.id, quiz_id, share_quiz, back)


@bp.route("/quizzes/<int:quiz_id>/unshare/<int:user_id>", methods=["POST"])
def unshare_quiz_page(quiz_id: int, user_id: int):
    """Stop sharing a quiz with one instructor."""
    quiz_for(g.user.id, quiz_id, owner_only=True)
    back = url_for("instructor.quiz", quiz_id=quiz_id)
    return unshare_from_form(g.user.id, quiz_id, user_id, unshare_quiz, back)
