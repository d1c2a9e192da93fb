"""Accounts: registration, authentication, sessions, instructors created from the command line."""

from __future__ import annotations

import secrets
from functools import cache
from pathlib import Path

from sqlalchemy import delete, func, select, update
from sqlalchemy.exc import IntegrityError
from werkzeug.security import check_password_hash, generate_password_hash

from ..extensions import db
from ..models import Attempt, User, new_session_token
from . import Conflict, NotFound, ServiceError

MIN_PASSWORD = 8
MAX_PASSWORD = 200
MAX_USERNAME = 80  # the column's length; the registration form allows 40
COMMON_PASSWORDS = Path(__file__).with_name("common_passwords.txt")


class WeakPassword(ServiceError):
    """A new password that is refused: too short or long, the username, or a common one."""


@cache
def common_passwords() -> frozenset[str]:
    """Return the shipped list of the commonest passwords, lower case."""
    lines = COMMON_PASSWORDS.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def password_problem(username: str, password: str) -> str | None:
    """Return why a new password is refused, in plain words, or None when it will do."""
    if len(password) < MIN_PASSWORD:
        return f"The password must be at least {MIN_PASSWORD} characters."
    if len(password) > MAX_PASSWORD:
        return f"The password must be at most {MAX_PASSWORD} characters."
    if password.strip().lower() == username.strip().lower():
        return "The password must not be your username."
    if password.lower() in common_passwords():
        return "This password is one of the most common ones: choose another."
    return None


@cache
def _dummy_hash() -> str:
    """Return a hash of a random password, made the way set_password makes them."""
    return generate_password_hash(secrets.token_hex(16))


def _username_taken(username: str) -> bool:
    """Return whether a username exists, ignoring case."""
    stmt = select(User.id).where(func.lower(User.username) == username.lower())
    return db.session.execute(stmt).first() is not None


def _check_username(username: str) -> str:
    """Return the username stripped, or raise ServiceError for one that cannot be stored."""
    username = username.strip()
    if not username:
        raise ServiceError("username must not be empty")
    if len(username) > MAX_USERNAME or "\x00" in username:
        raise ServiceError(f"username must be at most {MAX_USERNAME} characters, without NUL")
    if _username_taken(username):
        raise Conflict(f"the username {username!r} is taken")
    return username


def _commit_new_name(username: str) -> None:
    """Commit, turning a lost race for the same name (the unique index) into Conflict."""
    try:
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        raise Conflict(f"the username {username!r} is taken") from None


def create_user(username: str, password: str, role: str = "student") -> User:
    """Create an account with a hashed password."""
    if role not in ("student", "instructor"):
        raise ServiceError(f"role must be one of: student, instructor (not {role!r})")
    username = _check_username(username)
    problem = password_problem(username, password)
    if problem:
        raise WeakPassword(problem)
    user = User(username=username, role=role)
    user.set_password(password)
    db.session.add(user)
    _commit_new_name(username)
    return user


def register_student(username: str, password: str, guest_id: int | None = None) -> User:
    """Register a student; a guest who registers keeps their attempts."""
    guest = db.session.get(User, guest_id) if guest_id else None
    if guest is None or not guest.is_guest:
        return create_user(username, password, "student")
    username = _check_username(username)
    problem = password_problem(username, password)
    if problem:
        raise WeakPassword(problem)
    guest.username, guest.role = username, "student"
    guest.set_password(password)
    guest.session_token = new_session_token()
    _commit_new_name(username)
    return guest


def create_guest() -> User:
    """Create a guest account for someone who takes a quiz without registering."""
    user = User(username=f"guest-{secrets.token_hex(8)}", role="guest")
    db.session.add(user)
    db.session.commit()
    return user


def authenticate(username: str, password: str) -> User | None:
    """Return the user with these credentials, or None.

    An unknown name costs one password hash check too, so the time taken does not tell
    whether an account exists.
    """
    stmt = select(User).where(func.lower(User.username) == username.strip().lower())
    user = db.session.execute(stmt).scalar_one_or_none()
    if user is None or user.is_guest or not user.password_hash:
        check_password_hash(_dummy_hash(), password)
        return None
    return user if user.check_password(password) else None


def end_sessions(user_id: int) -> None:
    """Revoke every session and remember cookie of the user (a new session token)."""
    db.session.execute(
        update(User).where(User.id == user_id).values(session_token=new_session_token())
    )
    db.session.commit()


def change_password(user_id: int, current: str, new: str) -> User:
    """Change a user's password, revoking every session and remember cookie made before."""
    user = db.session.get(User, user_id)
    if user is None or user.is_guest:
        raise NotFound("There is no such account.")
    if not user.check_password(current):
        raise ServiceError("The current password is wrong.")
    problem = password_problem(user.username, new)
    if problem:
        raise WeakPassword(problem)
    user.set_password(new)
    user.session_token = new_session_token()
    db.session.commit()
    return user


def guest_attempts(guest_id: int | None) -> int:
    """Return how many attempts a guest has (0 for anyone who is not a guest)."""
    if not guest_id:
        return 0
    guest = db.session.get(User, guest_id)
    if guest is None or not guest.is_guest:
        return 0
    stmt = select(func.count(Attempt.id)).where(Attempt.user_id == guest_id)
    return db.session.execute(stmt).scalar_one()


def adopt_guest(user_id: int, guest_id: int) -> int:
    """Give a guest's attempts to the account they logged in to; return how many moved."""
    guest = db.session.get(User, guest_id)
    if guest is None or not guest.is_guest or guest_id == user_id:
        return 0
    # The guest's attempts come after the account's own at each quiz: numbers stay unique.
    last = dict(db.session.execute(
        select(Attempt.quiz_id, func.max(Attempt.number))
        .where(Attempt.user_id == user_id).group_by(Attempt.quiz_id)
    ).all())  # fmt: skip
    moved = list(db.session.execute(select(Attempt).where(Attempt.user_id == guest_id)).scalars())
    for attempt in moved:
        if attempt.number is not None:
            attempt.number += last.get(attempt.quiz_id) or 0
        attempt.user_id = user_id
    db.session.flush()
    db.session.execute(delete(User).where(User.id == guest_id))
    db.session.commit()
    return len(moved)
