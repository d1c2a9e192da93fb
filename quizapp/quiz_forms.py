"""Quiz forms: one answer form per question kind. They check shape; the scorer decides meaning."""

from __future__ import annotations

from flask import current_app, request
from flask_wtf import FlaskForm
from flask_wtf.csrf import validate_csrf
from wtforms import RadioField, StringField, SubmitField, ValidationError
from wtforms.validators import DataRequired, InputRequired, Length

from .services.answers import MAX_ANSWER

TYPED_HINTS = {
    "source": "Name the person or organisation the article cites.",
    "figure": "Type the figure as the article gives it, in digits or words.",
    "date": "Type the date as the article gives it, for example 17 June.",
}


class TypedAnswerForm(FlaskForm):
    """A typed answer: a source, a figure, a date or free text."""

    answer = StringField(
        "Your answer",
        filters=[lambda value: value.strip() if isinstance(value, str) else value],
        validators=[DataRequired(message="Type an answer."), Length(max=MAX_ANSWER)],
    )
    submit = SubmitField("Submit answer")


class ChoiceAnswerForm(FlaskForm):
    """One choice among the question's options (verdicts, sentences, sources...)."""

    answer = RadioField(
        "Your answer",
        choices=[],
        validate_choice=True,
        validators=[InputRequired(message="Choose one answer.")],
    )
    submit = SubmitField("Submit answer")


def answer_form(qtype: str, choices: list[str] | None, **kwargs) -> FlaskForm:
    """Return the answer form for a question: radios when it has choices, else a text field."""
    if choices:
        form = ChoiceAnswerForm(**kwargs)
        form.answer.choices = [(c, c) for c in choices]
        return form
    form = TypedAnswerForm(**kwargs)
    form.answer.description = TYPED_HINTS.get(qtype, "Type your answer.")
    return form


def accepted_answer(choices: list[str] | None, raw: str | None) -> str | None:
    """Return the answer as its answer form would accept it, or None where the form refuses it.

    The answer POST, the app's busiest request, checks this instead of building a form; only a
    refused answer builds the form, for its messages, from the same request.form (a file upload
    named "answer" is no answer). tests/web/test_answer_path.py holds the two to the same
    decisions.
    """
    if choices:
        return raw if raw and raw in choices else None
    answer = (raw or "").strip()
    return answer if answer and len(answer) <= MAX_ANSWER else None


def csrf_token_valid() -> bool:
    """Return whether the posted CSRF token is valid, as FlaskForm checks it (True when off).

    The answer POST checks the token once, up front, and then builds its form without a CSRF
    field: that skips signing a fresh token that a redirect would never show.
    """
    config = current_app.config
    if not config.get("WTF_CSRF_ENABLED", True):
        return True
    try:
        validate_csrf(request.form.get(config.get("WTF_CSRF_FIELD_NAME", "csrf_token")))
    except ValidationError:
        return False
    return True
