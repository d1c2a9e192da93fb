"""Register, log in, log out."""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import Blueprint, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_user, logout_user

from .extensions import limiter
from .forms import ConfirmForm, LoginForm, RegisterForm
from .services import ServiceError, accounts

bp = Blueprint("auth", __name__, url_prefix="/auth")


def safe_next(target: str | None) -> str:
    """Return `target` if it is a local path, else the home page."""
    if target and target.startswith("/") and not target.startswith("//"):
        parts = urlsplit(target)
        if not parts.scheme and not parts.netloc:
            return target
    return url_for("main.home")


def login_limit() -> str:
    """Return the configured rate limit for login attempts."""
    return current_app.config["LOGIN_RATE_LIMIT"]


@bp.route("/register", methods=["GET", "POST"])
def register():
    """Create a student account (keeping a guest's attempts)."""
    if current_user.is_authenticated and not current_user.is_guest:
        return redirect(url_for("main.home"))
    form = RegisterForm()
    if form.validate_on_submit():
        guest_id = current_user.id if current_user.is_authenticated else None
        try:
            user = accounts.register_student(form.username.data, form.password.data, guest_id)
        except ServiceError as exc:
            form.username.errors.append(str(exc))
        else:
            login_user(user)
            flash("Welcome to quizapp! Your account is ready.", "success")
            return redirect(safe_next(request.args.get("next")))
    return render_template("auth/register.html", form=form), 400 if form.errors else 200


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit(login_limit, methods=["POST"])
def login():
    """Log in with username and password."""
    form = LoginForm()
    if form.validate_on_submit():
        user = accounts.authenticate(form.username.data, form.password.data)
        if user is None:
            form.password.errors.append("Unknown username or wrong password.")
        else:
            login_user(user, remember=form.remember.data)
            flash(f"Logged in as {user.username}.", "success")
            return redirect(safe_next(request.args.get("next")))
    return render_template("auth/login.html", form=form), 400 if form.errors else 200


@bp.route("/logout", methods=["POST"])
def logout():
    """Log out (a POST with a CSRF token, so no page can log you out)."""
    form = ConfirmForm()
    if form.validate_on_submit():
        logout_user()
        flash("You are logged out.", "info")
    return redirect(url_for("main.home"))
