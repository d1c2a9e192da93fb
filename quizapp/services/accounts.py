"""Accounts: registration, authentication, instructors created from the command line."""

from __future__ import annotations

import secrets

from sqlalchemy import func, select

from ..extensions import db
from ..models import User
from . import Conflict, ServiceError

MIN_PASSWORD = 8


def _username_taken(username: str) -> bool:
    """Return whether a username exists, ignoring case."""
    stmt = select(User.id).where(func.lower(User.username) == username.lower())
    return db.session.execute(stmt).first() is not None


def create_user(username: str, password: str, role: str = "student") -> User:
    """Create an account with a hashed password."""
    username = username.strip()
    if role not in ("student", "instructor"):
        raise ServiceError(f"role must be one of: student, instructor (not {role!r})")
    if not username:
        raise ServiceError("username must not be empty")
    if len(password) < MIN_PASSWORD:
        raise ServiceError(f"password must be at least {MIN_PASSWORD} characters")
    if _username_taken(username):
        raise Conflict(f"the username {username!r} is taken")
    user = User(username=username, role=role)
    user.set_password(password)
    db.session.add(user)
    db.session.commit()
    return user


def register_student(username: str, password: str, guest_id: int | None = None) -> User:
    """Register a student; a guest who registers keeps their attempts."""
    guest = db.session.get(User, guest_id) if guest_id else None
    if guest is None or not guest.is_guest:
        return create_user(username, password, "student")
    username = username.strip()
    if _username_taken(username):
        raise Conflict(f"the username {username!r} is taken")
    guest.username, guest.role = username, "student"
    guest.set_password(password)
    db.session.commit()
    return guest


def create_guest() -> User:
    """Create a guest account for someone who takes a quiz without registering."""
    user = User(username=f"guest-{secrets.token_hex(8)}", role="guest")
    db.session.add(user)
    db.session.commit()
    return user


def authenticate(username: str, password: str) -> User | None:
    """Return the user with these credentials, or None."""
    stmt = select(User).where(func.lower(User.username) == username.strip().lower())
    user = db.session.execute(stmt).scalar_one_or_none()
    if user is None or user.is_guest or not user.check_password(password):
        return None
    return user
