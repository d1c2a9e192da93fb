"""Typed SQLAlchemy 2 models: rows and their small invariants, no use-cases."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from flask_login import UserMixin
from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
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
    func,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship
from werkzeug.security import check_password_hash, generate_password_hash

from .extensions import db

ROLES = ("guest", "student", "instructor")
MODES = ("practice", "test")
RETIRED = "retired"  # a rejected question that attempts hold: kept for them, shown nowhere else
BOOKS = ("open", "closed")  # open: the article beside each question; closed: read it first
STATUSES = ("draft", "approved", RETIRED)


def utcnow() -> datetime:
    """Return the current time in UTC, as a naive datetime (stored as UTC)."""
    return datetime.now(UTC).replace(tzinfo=None)


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


class Source(db.Model):
    """An article: metadata and the clean text that evidence offsets index."""

    __tablename__ = "sources"

    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    title: Mapped[str] = mapped_column(String(500))
    publisher: Mapped[str | None] = mapped_column(String(200))
    author: Mapped[str | None] = mapped_column(String(200))
    published: Mapped[date | None] = mapped_column(Date)
    url: Mapped[str | None] = mapped_column(String(2000))
    text: Mapped[str] = mapped_column(Text)
    text_hash: Mapped[str] = mapped_column(String(64), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    owner: Mapped[User | None] = relationship()


bank_shares = Table(
    "bank_shares",
    db.metadata,
    Column("bank_id", ForeignKey("banks.id", ondelete="CASCADE"), primary_key=True),
    Column("user_id", ForeignKey("users.id", ondelete="CASCADE"), primary_key=True, index=True),
)

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


class Bank(db.Model):
    """A question bank. Deleting one archives it, so past attempts keep their questions."""

    __tablename__ = "banks"

    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    tags: Mapped[list[str]] = mapped_column(JSON, default=list)
    origin: Mapped[str | None] = mapped_column(String(300), unique=True)
    deleted_at: Mapped[datetime | None] = mapped_column(DateTime)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)

    owner: Mapped[User | None] = relationship()
    questions: Mapped[list[Question]] = relationship(
        back_populates="bank", order_by="Question.position"
    )
    shared_with: Mapped[list[User]] = relationship(secondary=bank_shares)


class Question(db.Model):
    """A question; for multiple choice, `answer` is the text of the right choice."""

    __tablename__ = "questions"
    __table_args__ = (Index("ix_questions_bank_status", "bank_id", "status"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    bank_id: Mapped[int] = mapped_column(ForeignKey("banks.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(String(100), default="")
    position: Mapped[int] = mapped_column(Integer, default=0)
    type: Mapped[str] = mapped_column(String(30))
    prompt: Mapped[str] = mapped_column(Text)
    answer: Mapped[str] = mapped_column(Text)
    accept: Mapped[list[str]] = mapped_column(JSON, default=list)
    choices: Mapped[list[str] | None] = mapped_column(JSON)
    explanation: Mapped[str] = mapped_column(Text, default="")
    tags: Mapped[list[str]] = mapped_column(JSON, default=list)
    difficulty: Mapped[float] = mapped_column(Float, default=0.5)
    tolerance: Mapped[float] = mapped_column(Float, default=0.0)  # numeric margin (Moodle)
    # Per-answer percent credit and feedback (see core.bank.Question), Moodle-style patterns.
    weights: Mapped[list[float] | None] = mapped_column(JSON)
    feedback: Mapped[list[str] | None] = mapped_column(JSON)
    wildcards: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    status: Mapped[str] = mapped_column(String(20), default="draft")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)

    bank: Mapped[Bank] = relationship(back_populates="questions")
    evidence: Mapped[list[Evidence]] = relationship(
        back_populates="question",
        order_by="Evidence.position",
        cascade="all, delete-orphan",
    )


class Evidence(db.Model):
    """A span of a source's text that a question cites: offsets, end exclusive."""

    __tablename__ = "evidence"

    id: Mapped[int] = mapped_column(primary_key=True)
    question_id: Mapped[int] = mapped_column(
        ForeignKey("questions.id", ondelete="CASCADE"), index=True
    )
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id", ondelete="CASCADE"), index=True)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    position: Mapped[int] = mapped_column(Integer, default=0)

    question: Mapped[Question] = relationship(back_populates="evidence")
    source: Mapped[Source] = relationship()

    @property
    def text(self) -> str:
        return self.source.text[self.start : self.end]


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


class Course(db.Model):
    """A class (a course section): its students, its instructors, the quizzes assigned to it.

    Called Course in code (`class` is a keyword); pages say "class".
    """

    __tablename__ = "classes"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    timezone: Mapped[str] = mapped_column(String(64), default="UTC")
    join_code: Mapped[str] = mapped_column(String(16), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    instructors: Mapped[list[User]] = relationship(secondary="class_instructors")
    students: Mapped[list[User]] = relationship(
        secondary="enrolments", order_by="User.username", viewonly=True
    )
    assignments: Mapped[list[Assignment]] = relationship(
        back_populates="course", cascade="all, delete-orphan", order_by="Assignment.id"
    )


class_instructors = Table(
    "class_instructors",
    db.metadata,
    Column("class_id", ForeignKey("classes.id", ondelete="CASCADE"), primary_key=True),
    Column("user_id", ForeignKey("users.id", ondelete="CASCADE"), primary_key=True, index=True),
)


class Enrolment(db.Model):
    """A student in a class."""

    __tablename__ = "enrolments"

    class_id: Mapped[int] = mapped_column(
        ForeignKey("classes.id", ondelete="CASCADE"), primary_key=True
    )
    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    joined_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class Assignment(db.Model):
    """A quiz set for a class, open from `opens_at` and due at `due_at` (UTC)."""

    __tablename__ = "assignments"
    __table_args__ = (UniqueConstraint("class_id", "quiz_id", name="uq_assignments_class_quiz"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    class_id: Mapped[int] = mapped_column(ForeignKey("classes.id", ondelete="CASCADE"))
    quiz_id: Mapped[int] = mapped_column(ForeignKey("quizzes.id", ondelete="CASCADE"), index=True)
    opens_at: Mapped[datetime | None] = mapped_column(DateTime)
    due_at: Mapped[datetime | None] = mapped_column(DateTime)

    course: Mapped[Course] = relationship(back_populates="assignments")
    quiz: Mapped[Quiz] = relationship()


class ExtraTime(db.Model):
    """Minutes added to one student's time limit on one quiz."""

    __tablename__ = "extra_time"

    quiz_id: Mapped[int] = mapped_column(
        ForeignKey("quizzes.id", ondelete="CASCADE"), primary_key=True
    )
    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    minutes: Mapped[int] = mapped_column(Integer)
