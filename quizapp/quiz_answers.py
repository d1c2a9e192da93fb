"""Answering a quiz question: the reading beside it, the posted answer checked and saved."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from .access import claimed_user_id, preload_user
from .kept_answers import keep_answer, kept_answer
from .quiz_forms import (
    accepted_answer,
    accepted_picks,
    answer_form,
    csrf_token_valid,
    posted_answer,
)
from .reading_pane import name_article
from .services import Conflict, NotFound, answer_slots, answers, question_pages, reading


def question_reading(page: question_pages.QuestionPage) -> tuple[list[reading.Article], int]:
    """Return the articles beside a question (none: closed book) and how many the quiz has."""
    if page.attempt.quiz.book == "closed":
        return [], 0
    return reading.question_articles(page.question.id, page.attempt.quiz_id)


def picks_in_article(page: question_pages.QuestionPage, articles: list[reading.Article]) -> bool:
    """Return whether the question is answered by picking a sentence in the reading pane."""
    return page.question.type == "evidence" and bool(articles)


def articles_context(page: question_pages.QuestionPage, reading_: tuple) -> dict:
    """Return the template values of the reading pane: articles and the prompt to show.

    A quiz about several articles names the question's article where its prompt says "the
    article".
    """
    articles, in_quiz = reading_
    prompt = page.question.prompt
    if len(articles) == 1 and in_quiz > 1:
        prompt = name_article(prompt, articles[0].title)
    return {"articles": articles, "prompt": prompt, "picker": picks_in_article(page, articles)}


def answer_slot(attempt_id: int, position: int) -> answer_slots.AnswerSlot | None:
    """Read the question to answer for the session's user, who is then logged in from that row.

    One query reads the attempt, the question and its owner; Flask-Login, which still decides
    who is logged in, takes the owner's row instead of reading it again.
    """
    user_id = claimed_user_id()
    if user_id is None:
        return None
    try:
        slot = answer_slots.answer_slot(attempt_id, user_id, position)
    except NotFound:
        return None  # decided below, once Flask-Login has said who is logged in
    preload_user(slot.owner)
    return slot


def finished(attempt_id: int):
    """Send an answer to a finished attempt to its result."""
    flash("This attempt is finished: its answers can no longer change.", "info")
    return redirect(url_for(".result", attempt_id=attempt_id))


def post_answer(slot: answer_slots.AnswerSlot | None, attempt_id: int, position: int):
    """Check the submitted form against the question, then save the answer and go on."""
    if slot is None or slot.owner.id != current_user.id:
        try:
            slot = answer_slots.answer_slot(attempt_id, current_user.id, position)
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
        page = question_pages.question_page(attempt_id, current_user.id, position, progress=False)
    except NotFound:
        abort(404)
    found = question_reading(page)
    picker = picks_in_article(page, found[0])
    form = answer_form(page.question.type, page.choices, picker, formdata=request.form)
    form.validate()
    context = articles_context(page, found)
    return render_template("quiz/question.html", page=page, form=form, kept=None, **context), 400


def save_answer(slot: answer_slots.AnswerSlot, answer: str):
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
