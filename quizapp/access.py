"""Who may see what: login loading and role decorators for views."""

from __future__ import annotations

import hmac
from collections.abc import Callable
from functools import wraps
from typing import TypeVar

from flask import abort, g, session
from flask_login import current_user

from .extensions import db, login_manager
from .models import User, UserSnapshot

F = TypeVar("F", bound=Callable)

login_manager.login_view = "auth.login"
login_manager.login_message = "Please log in to continue."
login_manager.login_message_category = "info"


PRELOADED = "preloaded_user"  # g key: a user row this request already read


def parse_session_id(value: object) -> tuple[int, str] | None:
    """Split a session's or remember cookie's "<id>:<session token>" (see SessionKey)."""
    if not isinstance(value, str):
        return None
    uid, _, token = value.partition(":")
    if not uid.isdigit() or not token or len(uid) > 10:
        return None
    return int(uid), token


@login_manager.user_loader
def load_user(session_id: str) -> User | UserSnapshot | None:
    """Load the logged-in user from the session (or take the row this request already read).

    The session names the user's current session token too: one from before a logout or a
    password change names an old token and logs nobody in.
    """
    parsed = parse_session_id(session_id)
    if parsed is None:
        return None
    uid, token = parsed
    preloaded = g.pop(PRELOADED, None)
    user = preloaded if preloaded is not None and preloaded.id == uid else db.session.get(User, uid)
    if user is None or not hmac.compare_digest(user.session_token, token):
        return None
    return user


def claimed_user_id() -> int | None:
    """Return the user id the signed session names, before Flask-Login has checked it."""
    parsed = parse_session_id(session.get("_user_id"))
    return parsed[0] if parsed else None


def preload_user(user: User | UserSnapshot) -> None:
    """Offer Flask-Login a user row read by this request, so that it need not read it again.

    Flask-Login still decides who is logged in (session protection, remember cookie): the row
    is used only if it asks for that very id, in this request. A snapshot serves views and
    templates (id, username, role) but is not an ORM row: only views that need no more take one.
    """
    setattr(g, PRELOADED, user)


def role_required(*roles: str) -> Callable[[F], F]:
    """Send guests to log in and refuse users without one of the roles (403)."""

    def decorator(view: F) -> F:
        @wraps(view)
        def wrapped(*args, **kwargs):
            if not current_user.is_authenticated:
                return login_manager.unauthorized()
            if current_user.role not in roles:
                abort(403)
            g.user = current_user
            return view(*args, **kwargs)

        return wrapped  # type: ignore[return-value]

    return decorator


instructor_required = role_required("instructor")
account_required = role_required("student", "instructor")
