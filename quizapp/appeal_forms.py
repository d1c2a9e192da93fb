"""Appeal and review forms: they check shape; the services decide what a mark becomes."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import BooleanField, HiddenField, IntegerField, StringField, SubmitField
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional

from .services.appeals import MAX_REASON
from .services.mark_reviews import MAX_REPLY


def _stripped(value):
    return value.strip() if isinstance(value, str) else value


class AppealForm(FlaskForm):
    """A student's appeal: one optional sentence."""

    reason = StringField(
        "Why is your answer right? (optional, one sentence)",
        filters=[_stripped],
        validators=[Optional(), Length(max=MAX_REASON)],
    )
    next = HiddenField()
    submit = SubmitField("Appeal this mark")


class AcceptForm(FlaskForm):
    """Accept an answer; optionally for every student who gave it."""

    add_variant = BooleanField("Also accept this answer from every student (rescore them all)")
    reply = StringField(
        "Note to the student (optional)",
        filters=[_stripped],
        validators=[Optional(), Length(max=MAX_REPLY)],
    )
    next = HiddenField()
    submit = SubmitField("Accept: mark right")


class RejectForm(FlaskForm):
    """Keep a mark, and tell the student why."""

    reply = StringField(
        "Reply to the student",
        filters=[_stripped],
        validators=[DataRequired(message="Tell the student why the mark stands."),
                    Length(max=MAX_REPLY)],
    )
    next = HiddenField()
    submit = SubmitField("Keep the mark")


class MarkForm(FlaskForm):
    """Set one response's mark by hand."""

    credit = IntegerField(
        "Credit (%)",
        validators=[InputRequired(message="Give a credit from 0 to 100."),
                    NumberRange(min=0, max=100, message="Give a credit from 0 to 100.")],
    )
    reason = StringField(
        "Reason the student reads",
        filters=[_stripped],
        validators=[DataRequired(message="Give the reason for the new mark."),
                    Length(max=MAX_REPLY)],
    )
    next = HiddenField()
    submit = SubmitField("Set the mark")
