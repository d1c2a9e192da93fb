"""Register, log in, log out, change the password."""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import (
    Blueprint,
    current_app,
    flash,
    g,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_login import current_user, login_user, logout_user

from .access import account_required
from .extensions import limiter
from .forms import ConfirmForm, LoginForm, PasswordForm, RegisterForm
from .kept_answers import KEPT
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


def register_limit() -> str:
    """Return the configured rate limit for registrations."""
    return current_app.config["REGISTER_RATE_LIMIT"]


def renew_session(keep: tuple[str, ...] = ()) -> None:
    """Start a new session: nothing of the old one but `keep`, and a new CSRF secret."""
    kept = {key: session[key] for key in keep if key in session}
    session.clear()
    session.update(kept)
    g.pop("csrf_token", None)  # Flask-WTF's token for this request, made from the old secret


def guest_id() -> int | None:
    """Return the id of the guest using the site, or None."""
    return current_user.id if current_user.is_authenticated and current_user.is_guest else None


@bp.route("/register", methods=["GET", "POST"])
@limiter.limit(register_limit, methods=["POST"])
def register():
    """Create a student account (keeping a guest's attempts)."""
    if current_user.is_authenticated and not current_user.is_guest:
        return redirect(url_for("main.home"))
    form = RegisterForm()
    if form.validate_on_submit():
        try:
            user = accounts.register_student(form.username.data, form.password.data, guest_id())
        except accounts.WeakPassword as exc:
            form.password.errors.append(str(exc))
        except ServiceError as exc:
            form.username.errors.append(str(exc))
        else:
            renew_session(keep=(KEPT,))
            login_user(user)
            flash("Welcome to quizapp! Your account is ready.", "success")
            return redirect(safe_next(request.args.get("next")))
    return render_template("auth/register.html", form=form), 400 if form.errors else 200


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit(login_limit, methods=["POST"])
def login():
    """Log in with username and password (offering a guest to keep their answers)."""
    form = LoginForm()
    guest = guest_id()
    guest_attempts = accounts.guest_attempts(guest)
    if form.validate_on_submit():
        user = accounts.authenticate(form.username.data, form.password.data)
        if user is None:
            form.password.errors.append("Unknown username or wrong password.")
        else:
            moved = accounts.adopt_guest(user.id, guest) if guest and form.keep_guest.data else 0
            renew_session(keep=(KEPT,))
            login_user(user, remember=form.remember.data)
            flash(f"Logged in as {user.username}.", "success")
            if moved:
                flash(f"Your {moved} guest attempt(s) are now in your history.", "info")
            return redirect(safe_next(request.args.get("next")))
    page = render_template("auth/login.html", form=form, guest_attempts=guest_attempts)
    return page, 400 if form.errors else 200


@bp.route("/logout", methods=["POST"])
def logout():
    """Log out everywhere (a POST with a CSRF token, so no page can log you out)."""
    form = ConfirmForm()
    if form.validate_on_submit():
        if current_user.is_authenticated:
            accounts.end_sessions(current_user.id)
        renew_session()
        logout_user()
        flash("You are logged out.", "info")
    return redirect(url_for("main.home"))


@bp.route("/password", methods=["GET", "POST"])
@account_required
def password():
    """Change the password: every other session and remember cookie stops working."""
    form = PasswordForm()
    if form.validate_on_submit():
        try:
            user = accounts.change_password(
                current_user.id, form.current.data, form.password.data
            )
        except accounts.WeakPassword as exc:
            form.password.errors.append(str(exc))
        except ServiceError as exc:
            form.current.errors.append(str(exc))
        else:
            renew_session()
            login_user(user)
            flash("Your password is changed. Other devices are logged out.", "success")
            return redirect(url_for("main.home"))
    return render_template("auth/password.html", form=form), 400 if form.errors else 200
