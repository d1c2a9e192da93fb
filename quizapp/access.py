"""Who may see what: login loading and role decorators for views."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import TypeVar

from flask import abort, g
from flask_login import current_user

from .extensions import db, login_manager
from .models import User

F = TypeVar("F", bound=Callable)

login_manager.login_view = "auth.login"
login_manager.login_message = "Please log in to continue."
login_manager.login_message_category = "info"


@login_manager.user_loader
def load_user(user_id: str) -> User | None:
    """Load the logged-in user from the session."""
    try:
        return db.session.get(User, int(user_id))
    except ValueError:
        return None


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
