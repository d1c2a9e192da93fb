"""Question banks: articles (sources), banks, their questions and the evidence they cite."""

from __future__ import annotations

from datetime import date, datetime

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
    false,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from .clock import utcnow
from .users import User

RETIRED = "retired"  # a rejected question that attempts hold: kept for them, shown nowhere else
STATUSES = ("draft", "approved", RETIRED)


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
