"""Quizzes and their runs: quizzes drawn from banks, attempts, and the responses they hold."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
    false,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from .banks import Bank, Question
from .clock import utcnow
from .users import User

MODES = ("practice", "test")
BOOKS = ("open", "closed")  # open: the article beside each question; closed: read it first


quiz_shares = Table(
    "quiz_shares",
    db.metadata,
    Column("quiz_id", ForeignKey("quizzes.id", ondelete="CASCADE"), primary_key=True),
    Column("user_id", ForeignKey("users.id", ondelete="CASCADE"), primary_key=True, index=True),
)

quiz_banks = Table(
    "quiz_banks",
    db.metadata,
    Column("quiz_id", ForeignKey("quizzes.id", ondelete="CASCADE"), primary_key=True),
    Column("bank_id", ForeignKey("banks.id", ondelete="CASCADE"), primary_key=True, index=True),
)


class Quiz(db.Model):
    """A quiz drawn from banks: how many questions, which mode, how many attempts."""

    __tablename__ = "quizzes"

    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    origin: Mapped[str | None] = mapped_column(String(300), unique=True)
    mode: Mapped[str] = mapped_column(String(20), default="practice")
    book: Mapped[str] = mapped_column(String(10), default="open", server_default="open")
    question_count: Mapped[int | None] = mapped_column(Integer)  # None: every question
    tag_filter: Mapped[list[str]] = mapped_column(JSON, default=list)
    type_filter: Mapped[list[str]] = mapped_column(JSON, default=list)
    attempts_allowed: Mapped[int | None] = mapped_column(Integer)  # None: unlimited
    shuffle: Mapped[bool] = mapped_column(Boolean, default=True)
    published: Mapped[bool] = mapped_column(Boolean, default=False, index=True)
    opens_at: Mapped[datetime | None] = mapped_column(DateTime)
    closes_at: Mapped[datetime | None] = mapped_column(DateTime)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    open_to_guests: Mapped[bool] = mapped_column(Boolean, default=True)  # see services/enrolment
    time_limit_minutes: Mapped[int | None] = mapped_column(Integer)  # None: untimed

    owner: Mapped[User | None] = relationship()
    banks: Mapped[list[Bank]] = relationship(secondary=quiz_banks)
    shared_with: Mapped[list[User]] = relationship(secondary=quiz_shares)
    attempts: Mapped[list[Attempt]] = relationship(back_populates="quiz")


class Attempt(db.Model):
    """One run through a quiz: its drawn questions in order, and its score once finished."""

    __tablename__ = "attempts"
    __table_args__ = (
        Index("ix_attempts_user_started", "user_id", "started_at"),
        Index("ix_attempts_quiz_user", "quiz_id", "user_id"),
        # One attempt per number: two Starts at once cannot both take the next one.
        UniqueConstraint("quiz_id", "user_id", "number", name="uq_attempts_quiz_user_number"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    quiz_id: Mapped[int] = mapped_column(ForeignKey("quizzes.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    mode: Mapped[str] = mapped_column(String(20), default="practice")
    question_ids: Mapped[list[int]] = mapped_column(JSON, default=list)
    choice_orders: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    retry_of_id: Mapped[int | None] = mapped_column(
        ForeignKey("attempts.id", ondelete="SET NULL"), index=True
    )
    number: Mapped[int | None] = mapped_column(Integer)  # 1, 2, ... per quiz and user; retries None
    started_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime)
    score: Mapped[float | None] = mapped_column(Float)
    max_score: Mapped[float] = mapped_column(Float, default=0.0)
    deadline: Mapped[datetime | None] = mapped_column(DateTime)  # UTC; None: untimed
    preview: Mapped[bool] = mapped_column(Boolean, default=False)  # the owner's; not counted

    quiz: Mapped[Quiz] = relationship(back_populates="attempts")
    user: Mapped[User] = relationship(back_populates="attempts")
    responses: Mapped[list[Response]] = relationship(
        back_populates="attempt", cascade="all, delete-orphan"
    )

    @property
    def finished(self) -> bool:
        return self.finished_at is not None


class Response(db.Model):
    """A submitted answer as typed, with the scorer's verdict. One per attempt and question."""

    __tablename__ = "responses"
    __table_args__ = (
        UniqueConstraint("attempt_id", "question_id", name="uq_responses_attempt_question"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    attempt_id: Mapped[int] = mapped_column(ForeignKey("attempts.id", ondelete="CASCADE"))
    question_id: Mapped[int] = mapped_column(  # RESTRICT: an answered question is never deleted
        ForeignKey("questions.id", ondelete="RESTRICT"), index=True
    )
    answer: Mapped[str] = mapped_column(Text)
    correct: Mapped[bool] = mapped_column(Boolean, default=False)
    credit: Mapped[float] = mapped_column(Float, default=0.0)
    reason: Mapped[str] = mapped_column(Text, default="")
    span_start: Mapped[int | None] = mapped_column(Integer)
    span_end: Mapped[int | None] = mapped_column(Integer)
    answered_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    seconds: Mapped[float | None] = mapped_column(Float)
    # The scorer was unsure (or gave part credit): awaiting an instructor, unless hand-marked.
    unsure: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # An instructor set or confirmed this mark: regrading the question leaves it alone.
    hand_marked: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())

    attempt: Mapped[Attempt] = relationship(back_populates="responses")
    question: Mapped[Question] = relationship()

    @property
    def awaiting_review(self) -> bool:
        return self.unsure and not self.hand_marked


# The review queue reads the few responses awaiting review out of all of them.
AWAITING_REVIEW = text("unsure AND NOT hand_marked")
Index(
    "ix_responses_awaiting_review",
    Response.question_id,
    postgresql_where=AWAITING_REVIEW,
    sqlite_where=AWAITING_REVIEW,
)
