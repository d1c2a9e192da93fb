"""An instructor's library: their banks, sources and quizzes, and the bank life cycle."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import case, delete, func, or_, select
from sqlalchemy.orm import selectinload

from ..extensions import db
from ..models import (
    RETIRED,
    Attempt,
    Bank,
    Evidence,
    Question,
    Quiz,
    Source,
    quiz_banks,
    utcnow,
)
from . import ServiceError
from .sharing import bank_for, shared_bank_ids, shared_quiz_ids

MAX_TAGS = 30


@dataclass
class BankRow:
    """A bank as the workspace lists it."""

    bank: Bank
    drafts: int
    approved: int
    shared: bool  # shared with the viewer by someone else


@dataclass
class QuizRow:
    """A quiz as the workspace lists it."""

    quiz: Quiz
    attempts: int
    shared: bool


def clean_tags(tags: list[str]) -> list[str]:
    """Return tags trimmed, lower-cased and without duplicates, in order."""
    seen: dict[str, None] = {}
    for tag in tags:
        tag = " ".join(tag.split()).lower()[:50]
        if tag:
            seen.setdefault(tag, None)
    if len(seen) > MAX_TAGS:
        raise ServiceError(f"Use at most {MAX_TAGS} tags.")
    return list(seen)


def bank_rows(user_id: int) -> list[BankRow]:
    """Return the user's live banks and those shared with them, with question counts."""
    shared = set(shared_bank_ids(user_id))
    counts = (
        select(
            Question.bank_id,
            func.sum(case((Question.status == "draft", 1), else_=0)).label("drafts"),
            func.sum(case((Question.status == "approved", 1), else_=0)).label("approved"),
        )
        .group_by(Question.bank_id)
        .subquery()
    )
    stmt = (
        select(Bank, counts.c.drafts, counts.c.approved)
        .outerjoin(counts, counts.c.bank_id == Bank.id)
        .where(
            Bank.deleted_at.is_(None),
            or_(Bank.owner_id == user_id, Bank.owner_id.is_(None), Bank.id.in_(shared)),
        )
        .order_by(Bank.updated_at.desc(), Bank.id.desc())
    )
    return [
        BankRow(bank, int(drafts or 0), int(approved or 0), bank.id in shared)
        for bank, drafts, approved in db.session.execute(stmt)
    ]


def quiz_rows(user_id: int) -> list[QuizRow]:
    """Return the user's quizzes and those shared with them, with their attempt counts."""
    shared = set(shared_quiz_ids(user_id))
    attempts = (
        select(Attempt.quiz_id, func.count(Attempt.id).label("n"))
        .group_by(Attempt.quiz_id)
        .subquery()
    )
    stmt = (
        select(Quiz, attempts.c.n)
        .outerjoin(attempts, attempts.c.quiz_id == Quiz.id)
        .where(or_(Quiz.owner_id == user_id, Quiz.owner_id.is_(None), Quiz.id.in_(shared)))
        .order_by(Quiz.created_at.desc(), Quiz.id.desc())
    )
    return [QuizRow(q, int(n or 0), q.id in shared) for q, n in db.session.execute(stmt)]


def own_sources(user_id: int) -> list[Source]:
    """Return the user's articles, newest first."""
    stmt = (
        select(Source)
        .where(Source.owner_id == user_id)
        .order_by(Source.created_at.desc(), Source.id.desc())
    )
    return list(db.session.execute(stmt).scalars())


def create_bank(owner_id: int, title: str, description: str = "", tags: list[str] = ()) -> Bank:
    """Create an empty bank."""
    title = title.strip()
    if not title:
        raise ServiceError("A bank needs a title.")
    bank = Bank(
        owner_id=owner_id, title=title, description=description.strip(), tags=clean_tags(list(tags))
    )
    db.session.add(bank)
    db.session.commit()
    return bank


def update_bank(user_id: int, bank_id: int, title: str, description: str, tags: list[str]) -> Bank:
    """Rename a bank and set its description and tags."""
    bank = bank_for(user_id, bank_id)
    title = title.strip()
    if not title:
        raise ServiceError("A bank needs a title.")
    bank.title, bank.description, bank.tags = title, description.strip(), clean_tags(tags)
    bank.updated_at = utcnow()
    db.session.commit()
    return bank


def quizzes_using(bank_id: int) -> list[Quiz]:
    """Return the quizzes that draw from a bank."""
    stmt = (
        select(Quiz)
        .join(quiz_banks, quiz_banks.c.quiz_id == Quiz.id)
        .where(quiz_banks.c.bank_id == bank_id)
        .order_by(Quiz.title)
    )
    return list(db.session.execute(stmt).scalars())


def delete_bank(owner_id: int, bank_id: int) -> Bank:
    """Archive a bank and take it out of quizzes; its questions and past attempts stay."""
    bank = bank_for(owner_id, bank_id, owner_only=True)
    bank.deleted_at = utcnow()
    db.session.execute(delete(quiz_banks).where(quiz_banks.c.bank_id == bank_id))
    db.session.commit()
    return bank


def last_page(total: int, per_page: int) -> int:
    """Return the number of the last page of `total` items (1 when there are none)."""
    return max(1, -(-total // per_page))


def bank_page(
    user_id: int, bank_id: int, page: int = 1, per_page: int = 50
) -> tuple[Bank, list[Question], int]:
    """Return a bank, one page of its questions (evidence loaded) and its question count."""
    bank = bank_for(user_id, bank_id)
    shown = (Question.bank_id == bank_id, Question.status != RETIRED)
    total = db.session.execute(select(func.count(Question.id)).where(*shown)).scalar_one()
    page = min(max(page, 1), last_page(total, per_page))  # no offset a database cannot hold
    stmt = (
        select(Question)
        .where(*shown)
        .options(selectinload(Question.evidence).selectinload(Evidence.source))
        .order_by(Question.position, Question.id)
        .offset((page - 1) * per_page)
        .limit(per_page)
    )
    return bank, list(db.session.execute(stmt).scalars()), total
