"""Classes: courses, their instructors and students, assigned quizzes, and extra time."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Column, DateTime, ForeignKey, Integer, String, Table, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from .clock import utcnow
from .quizzes import Quiz
from .users import User


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
