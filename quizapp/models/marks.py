"""Marks looked at again: students' appeals and the audit trail of every mark change."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, DateTime, Float, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from .clock import utcnow
from .quizzes import Response
from .users import User

APPEAL_STATUSES = ("open", "accepted", "rejected")
CHANGE_KINDS = ("regrade", "override", "accepted", "confirmed")


class Appeal(db.Model):
    """A student's request to look at a mark again: at most one per response."""

    __tablename__ = "appeals"

    id: Mapped[int] = mapped_column(primary_key=True)
    response_id: Mapped[int] = mapped_column(
        ForeignKey("responses.id", ondelete="CASCADE"), unique=True
    )
    reason: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(20), default="open", index=True)
    reply: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    decided_at: Mapped[datetime | None] = mapped_column(DateTime)
    decided_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )

    response: Mapped[Response] = relationship()
    decided_by: Mapped[User | None] = relationship()


class MarkChange(db.Model):
    """The audit trail of marks: who changed (or confirmed) one, when, from what, to what, why."""

    __tablename__ = "mark_changes"

    id: Mapped[int] = mapped_column(primary_key=True)
    response_id: Mapped[int] = mapped_column(
        ForeignKey("responses.id", ondelete="CASCADE"), index=True
    )
    changed_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    changed_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    kind: Mapped[str] = mapped_column(String(20))
    old_correct: Mapped[bool] = mapped_column(Boolean)
    old_credit: Mapped[float] = mapped_column(Float)
    new_correct: Mapped[bool] = mapped_column(Boolean)
    new_credit: Mapped[float] = mapped_column(Float)
    reason: Mapped[str] = mapped_column(Text, default="")
    seen_at: Mapped[datetime | None] = mapped_column(DateTime)  # the student dismissed it

    response: Mapped[Response] = relationship()
    changed_by: Mapped[User | None] = relationship()
