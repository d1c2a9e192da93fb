"""Quiz forms: one answer form per question kind. They check shape; the scorer decides meaning."""

from __future__ import annotations

from flask import current_app, request
from flask_wtf import FlaskForm
from flask_wtf.csrf import validate_csrf
from wtforms import RadioField, SelectMultipleField, StringField, SubmitField, ValidationError
from wtforms.validators import DataRequired, InputRequired, Length
from wtforms.widgets import CheckboxInput, ListWidget

from .core.scoring.credit import decode_picks, encode_picks
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


class MultiAnswerForm(FlaskForm):
    """Tick all that apply (a multiple-response question): one checkbox per choice."""

    answer = SelectMultipleField(
        "Your answer",
        choices=[],
        validate_choice=True,
        widget=ListWidget(prefix_label=False),
        option_widget=CheckboxInput(),
        validators=[InputRequired(message="Tick at least one answer.")],
    )
    submit = SubmitField("Submit answer")


class SentenceAnswerForm(FlaskForm):
    """A sentence picked in the article's reading pane (the pane renders the radios)."""

    answer = StringField(
        "Your answer",
        validators=[
            DataRequired(message="Choose the sentence of the article that holds the evidence."),
            Length(max=MAX_ANSWER),
        ],
    )
    submit = SubmitField("Submit answer")


def answer_form(
    qtype: str, choices: list[str] | None, picker: bool = False, **kwargs
) -> FlaskForm:
    """Return the answer form for a question: radios when it has choices, else a text field.

    With `picker`, an evidence question is answered in the article itself: any sentence of it.
    """
    if picker:
        return SentenceAnswerForm(**kwargs)
    if qtype == "multi" and choices:
        form = MultiAnswerForm(**kwargs)
        form.answer.choices = [(c, c) for c in choices]
        return form
    if choices:
        form = ChoiceAnswerForm(**kwargs)
        form.answer.choices = [(c, c) for c in choices]
        return form
    form = TypedAnswerForm(**kwargs)
    form.answer.description = TYPED_HINTS.get(qtype, "Type your answer.")
    return form


def form_value(qtype: str, stored: str) -> str | list[str]:
    """Return a stored answer as its form field holds it (ticked choices for "multi")."""
    if qtype != "multi":
        return stored
    picks = decode_picks(stored)
    return picks if picks is not None else ([stored] if stored else [])


def posted_answer(form: dict) -> str:
    """Return the posted answer as one string to keep: several ticked choices as their list."""
    values = form.getlist("answer")
    return values[0] if len(values) == 1 else (encode_picks(values) if values else "")


def accepted_picks(choices: list[str] | None, raw: list[str]) -> str | None:
    """Return ticked choices (in the question's order) as the stored answer, or None if refused.

    The fast answer path's check for multiple response, held to MultiAnswerForm's decisions.
    """
    if not choices or not raw or any(r not in choices for r in raw):
        return None
    answer = encode_picks([c for c in choices if c in raw])
    return answer if len(answer) <= MAX_ANSWER else None


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
