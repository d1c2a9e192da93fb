"""Account forms: they check shape; services decide meaning."""

from flask_wtf import FlaskForm
from wtforms import BooleanField, PasswordField, StringField, SubmitField
from wtforms.validators import DataRequired, EqualTo, Length, Regexp

from .services.accounts import MIN_PASSWORD


class LoginForm(FlaskForm):
    username = StringField("Username", validators=[DataRequired(), Length(max=80)])
    password = PasswordField("Password", validators=[DataRequired(), Length(max=200)])
    remember = BooleanField("Keep me logged in on this device")
    keep_guest = BooleanField("Keep the answers I gave as a guest", default=True)
    submit = SubmitField("Log in")


USERNAME_RULE = (
    "3 to 40 characters: letters (A to Z), digits, dots, dashes or underscores; no spaces."
)


class RegisterForm(FlaskForm):
    username = StringField(
        "Username",
        validators=[
            DataRequired(message="Choose a username."),
            Length(min=3, max=40, message=USERNAME_RULE),
            Regexp(r"^[A-Za-z0-9_.-]+$", message=USERNAME_RULE),
        ],
        description=USERNAME_RULE,
    )
    password = PasswordField(
        "Password",
        validators=[
            DataRequired(message="Choose a password."),
            Length(
                min=MIN_PASSWORD,
                max=200,
                message=f"Use between {MIN_PASSWORD} and 200 characters.",
            ),
        ],
        description=f"At least {MIN_PASSWORD} characters.",
    )
    confirm = PasswordField(
        "Repeat password",
        validators=[
            DataRequired(message="Type the password again."),
            EqualTo("password", message="The two passwords are not the same."),
        ],
    )
    submit = SubmitField("Create account")


class PasswordForm(FlaskForm):
    current = PasswordField("Current password", validators=[DataRequired(), Length(max=200)])
    password = PasswordField(
        "New password",
        validators=[DataRequired(), Length(min=MIN_PASSWORD, max=200)],
        description=f"At least {MIN_PASSWORD} characters. Every other device is logged out.",
    )
    confirm = PasswordField(
        "Repeat the new password",
        validators=[DataRequired(), EqualTo("password", message="The passwords differ.")],
    )
    submit = SubmitField("Change password")


class ConfirmForm(FlaskForm):
    """An empty form: a CSRF-protected button (log out, delete, publish...)."""

    submit = SubmitField("Confirm")
