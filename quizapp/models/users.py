"""Accounts: the User row, its read-only snapshot, roles and session tokens."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from flask_login import UserMixin
from sqlalchemy import DateTime, Index, String, func
from sqlalchemy.orm import Mapped, mapped_column, relationship
from werkzeug.security import check_password_hash, generate_password_hash

from ..extensions import db
from .clock import utcnow

if TYPE_CHECKING:
    from .quizzes import Attempt

ROLES = ("guest", "student", "instructor")


class Roles:
    """What an account's role lets it be; shared by the User row and its read-only snapshots."""

    role: str

    @property
    def is_instructor(self) -> bool:
        return self.role == "instructor"

    @property
    def is_guest(self) -> bool:
        return self.role == "guest"


def new_session_token() -> str:
    """Return a fresh random session token (see SessionKey)."""
    return secrets.token_urlsafe(24)


class SessionKey:
    """What sessions and remember cookies name a user by: the id and the user's session token.

    Logging out and changing the password give the user a new token, so every session and
    remember cookie made before names a token that no longer matches, and logs nobody in.
    """

    id: int
    session_token: str

    def get_id(self) -> str:
        return f"{self.id}:{self.session_token}"


class User(Roles, SessionKey, UserMixin, db.Model):
    """An account: a guest, a student or an instructor."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(80), unique=True)
    password_hash: Mapped[str | None] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(20), default="student")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    session_token: Mapped[str] = mapped_column(String(64), default=new_session_token)
    display_name: Mapped[str | None] = mapped_column(String(120))
    email: Mapped[str | None] = mapped_column(String(254))

    attempts: Mapped[list[Attempt]] = relationship(back_populates="user")

    def set_password(self, password: str) -> None:
        """Store a scrypt hash of the password."""
        self.password_hash = generate_password_hash(password)

    def check_password(self, password: str) -> bool:
        """Return whether the password matches the stored hash."""
        return bool(self.password_hash) and check_password_hash(self.password_hash, password)


@dataclass(frozen=True, eq=False)  # eq=False: UserMixin compares users by id
class UserSnapshot(Roles, SessionKey, UserMixin):
    """A user's row as a query of this request read it: read-only, with no ORM state to track."""

    id: int
    username: str
    role: str
    session_token: str


# Log-in, registration and sharing look usernames up case-insensitively: lower(username) = :name.
# The index is unique, so "Alice" and "alice" cannot both exist, whatever races the check.
Index("ix_users_username_lower", func.lower(User.username), unique=True)
# One account per email address, whatever its case (class rosters add students by email).
Index("ix_users_email_lower", func.lower(User.email), unique=True)
