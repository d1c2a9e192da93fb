"""Account settings: display name, email, password change and resets."""

from __future__ import annotations

from sqlalchemy import func, select

from ..extensions import db
from ..models import User
from . import Conflict, NotFound, ServiceError
from .accounts import MIN_PASSWORD
from .classes import class_student


def _check_password(password: str) -> None:
    if len(password or "") < MIN_PASSWORD:
        raise ServiceError(f"The password must be at least {MIN_PASSWORD} characters.")


def _account(user_id: int) -> User:
    user = db.session.get(User, user_id)
    if user is None or user.is_guest:
        raise NotFound("There is no such account.")
    return user


def update_profile(user_id: int, display_name: str, email: str) -> User:
    """Change an account's display name and email (empty: none); an email is one account's."""
    user = _account(user_id)
    display_name = " ".join((display_name or "").split())[:120]
    email = (email or "").strip()
    if email:
        local, at, domain = email.rpartition("@")
        if not (at and local and "." in domain) or " " in email:
            raise ServiceError("This is not an email address.")
        taken = db.session.execute(
            select(User.id).where(func.lower(User.email) == email.lower(), User.id != user.id)
        ).first()
        if taken is not None:
            raise Conflict("Another account uses this email address.")
    user.display_name, user.email = display_name or None, email or None
    db.session.commit()
    return user


def change_password(user_id: int, current: str, new: str) -> User:
    """Change one's own password, given the current one."""
    user = _account(user_id)
    if not user.check_password(current or ""):
        raise ServiceError("The current password is wrong.")
    _check_password(new)
    user.set_password(new)
    db.session.commit()
    return user


def reset_student_password(user_id: int, class_id: int, student_id: int, new: str) -> User:
    """Set a new password for a student of a class the user teaches."""
    _, student = class_student(user_id, class_id, student_id)
    if student.role != "student":
        raise NotFound("This student is not in the class.")
    _check_password(new)
    student.set_password(new)
    db.session.commit()
    return student


def reset_password(username: str, new: str) -> User:
    """Set a new password for any account, by username (administrators, on the command line)."""
    stmt = select(User).where(func.lower(User.username) == (username or "").strip().lower())
    user = db.session.execute(stmt).scalar_one_or_none()
    if user is None or user.is_guest:
        raise NotFound(f"no account is called {username.strip()!r}")
    _check_password(new)
    user.set_password(new)
    db.session.commit()
    return user
