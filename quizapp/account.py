"""The account page: display name, email, and a password change that asks for the current one."""

from __future__ import annotations

from flask import Blueprint, flash, g, redirect, render_template, url_for
from flask_wtf import FlaskForm
from wtforms import EmailField, PasswordField, StringField
from wtforms.validators import DataRequired, EqualTo, Length, Optional

from .access import account_required
from .services import ServiceError, profile
from .services.accounts import MIN_PASSWORD

bp = Blueprint("account", __name__, url_prefix="/account")


class ProfileForm(FlaskForm):
    display_name = StringField("Display name", validators=[Optional(), Length(max=120)],
                               description="How instructors see your name.")  # fmt: skip
    email = EmailField("Email", validators=[Optional(), Length(max=254)],
                       description="Lets an instructor add you to a class by email.")  # fmt: skip


class PasswordForm(FlaskForm):
    current = PasswordField("Current password", validators=[DataRequired(), Length(max=200)])
    password = PasswordField(
        "New password",
        validators=[DataRequired(), Length(min=MIN_PASSWORD, max=200)],
        description=f"At least {MIN_PASSWORD} characters.",
    )
    confirm = PasswordField(
        "Repeat new password",
        validators=[DataRequired(), EqualTo("password", message="The passwords differ.")],
    )


def page(profile_form=None, password_form=None, status: int = 200):
    user = g.user
    return render_template(
        "account.html",
        profile_form=profile_form or ProfileForm(
            data={"display_name": user.display_name, "email": user.email}
        ),
        password_form=password_form or PasswordForm(),
    ), status


@bp.route("", methods=["GET", "POST"])
@account_required
def settings():
    """Show and change the display name and email."""
    form = ProfileForm()
    if form.validate_on_submit():
        try:
            profile.update_profile(g.user.id, form.display_name.data, form.email.data)
        except ServiceError as exc:
            form.email.errors.append(str(exc))
        else:
            flash("Account saved.", "success")
            return redirect(url_for(".settings"))
        return page(profile_form=form, status=400)
    if form.is_submitted():
        return page(profile_form=form, status=400)
    return page()


@bp.route("/password", methods=["POST"])
@account_required
def password():
    """Change the password, given the current one."""
    form = PasswordForm()
    if form.validate_on_submit():
        try:
            profile.change_password(g.user.id, form.current.data, form.password.data)
        except ServiceError as exc:
            form.current.errors.append(str(exc))
        else:
            flash("Password changed.", "success")
            return redirect(url_for(".settings"))
    return page(password_form=form, status=400)
