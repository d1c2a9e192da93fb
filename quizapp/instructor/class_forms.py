"""Class forms: they check shape; the class services decide meaning."""

from __future__ import annotations

from zoneinfo import available_timezones

from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired, FileSize
from wtforms import DateTimeLocalField, IntegerField, PasswordField, SelectField, StringField
from wtforms.validators import DataRequired, EqualTo, InputRequired, Length, NumberRange, Optional

from ..services.accounts import MIN_PASSWORD

MAX_ROSTER = 256 * 1024


def zone_choices() -> list[tuple[str, str]]:
    """Return the IANA time zones, UTC first, then by name."""
    names = sorted(n for n in available_timezones() if "/" in n and not n.startswith("Etc/"))
    return [("UTC", "UTC")] + [(n, n.replace("_", " ")) for n in names]


class ClassForm(FlaskForm):
    name = StringField("Class name", validators=[DataRequired(), Length(max=200)])
    timezone = SelectField(
        "Time zone",
        default="UTC",
        validators=[DataRequired()],
        description="Open and due dates are shown, and typed, in this time zone.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.timezone.choices = zone_choices()


class RosterForm(FlaskForm):
    roster = FileField(
        "Roster file (CSV)",
        validators=[
            FileRequired("Choose a CSV file."),
            FileSize(MAX_ROSTER, message=f"The file must be under {MAX_ROSTER // 1024} KB."),
        ],
        description="One username or email per row; a header row naming a username or "
        "email column is fine. Students must have registered first.",
    )


class InstructorForm(FlaskForm):
    username = StringField("Instructor's username", validators=[DataRequired(), Length(max=80)])


class AssignForm(FlaskForm):
    quiz_id = SelectField("Quiz", coerce=int, validators=[DataRequired()])
    opens_at = DateTimeLocalField("Opens", validators=[Optional()], format="%Y-%m-%dT%H:%M")
    due_at = DateTimeLocalField("Due", validators=[Optional()], format="%Y-%m-%dT%H:%M")


class ExtraTimeForm(FlaskForm):
    quiz_id = SelectField("Timed quiz", coerce=int, validators=[DataRequired()])
    minutes = IntegerField(
        "Extra minutes",
        validators=[
            InputRequired(message="Give a number of minutes."),
            NumberRange(0, 24 * 60),
        ],
        description="Added to the quiz's time limit for this student; 0 removes it.",
    )


class ResetPasswordForm(FlaskForm):
    password = PasswordField(
        "New password",
        validators=[DataRequired(), Length(min=MIN_PASSWORD, max=200)],
        description=f"At least {MIN_PASSWORD} characters. Tell the student; they can change it.",
    )
    confirm = PasswordField(
        "Repeat new password",
        validators=[DataRequired(), EqualTo("password", message="The passwords differ.")],
    )
