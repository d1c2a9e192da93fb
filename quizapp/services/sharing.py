"""Who may open which bank, quiz, question and source, and sharing them with other instructors.

An instructor sees their own objects, those shared with them, and the site's own (no owner: the
banks and quizzes loaded from questions/ at start-up, shared with every instructor); anything else
is reported as missing (NotFound, a 404), so ids of other people's work reveal nothing. Owner-only
actions on a shared or site object (delete, share) are refused with Forbidden (a 403).
"""

from __future__ import annotations

from sqlalchemy import delete, exists, func, insert, or_, select

from ..extensions import db
from ..models import (
    Bank,
    Evidence,
    Question,
    Quiz,
    Source,
    User,
    bank_shares,
    quiz_banks,
    quiz_shares,
)
from . import Conflict, Forbidden, NotFound, ServiceError


def _shared(table, column, object_id: int, user_id: int) -> bool:
    """Return whether the share table links the object to the user."""
    stmt = select(table.c.user_id).where(column == object_id, table.c.user_id == user_id)
    return db.session.execute(stmt).first() is not None


def bank_for(user_id: int, bank_id: int, *, owner_only: bool = False) -> Bank:
    """Return a live bank the user owns or shares, else raise NotFound (or Forbidden)."""
    bank = db.session.get(Bank, bank_id)
    if bank is None or bank.deleted_at is not None:
        raise NotFound("No such bank.")
    if bank.owner_id == user_id:
        return bank
    if bank.owner_id is not None and not _shared(
        bank_shares, bank_shares.c.bank_id, bank_id, user_id
    ):
        raise NotFound("No such bank.")
    if owner_only:
        raise Forbidden("Only the bank's owner may do this.")
    return bank


def quiz_for(user_id: int, quiz_id: int, *, owner_only: bool = False) -> Quiz:
    """Return a quiz the user owns or shares, else raise NotFound (or Forbidden)."""
    quiz = db.session.get(Quiz, quiz_id)
    if quiz is None:
        raise NotFound("No such quiz.")
    if quiz.owner_id == user_id:
        return quiz
    if quiz.owner_id is not None and not _shared(
        quiz_shares, quiz_shares.c.quiz_id, quiz_id, user_id
    ):
        raise NotFound("No such quiz.")
    if owner_only:
        raise Forbidden("Only the quiz's owner may do this.")
    return quiz


def question_for(user_id: int, question_id: int) -> Question:
    """Return a question of a bank the user may change, else raise NotFound."""
    question = db.session.get(Question, question_id)
    if question is None:
        raise NotFound("No such question.")
    bank_for(user_id, question.bank_id)
    return question


def source_for(user_id: int, source_id: int) -> Source:
    """Return one of the user's own sources, else raise NotFound."""
    source = db.session.get(Source, source_id)
    if source is None or source.owner_id != user_id:
        raise NotFound("No such article.")
    return source


def instructor_may_read_source(user_id: int, source_id: int) -> bool:
    """Return whether an instructor owns the source or sees a bank with a question citing it."""
    shared = select(bank_shares.c.bank_id).where(bank_shares.c.user_id == user_id)
    cited = (
        select(Evidence.id)
        .join(Question, Question.id == Evidence.question_id)
        .join(Bank, Bank.id == Question.bank_id)
        .where(
            Evidence.source_id == source_id,
            or_(Bank.owner_id == user_id, Bank.owner_id.is_(None), Bank.id.in_(shared)),
        )
    )
    owned = select(Source.id).where(Source.id == source_id, Source.owner_id == user_id)
    return bool(db.session.execute(select(exists(owned) | exists(cited))).scalar())


def _instructor(username: str, owner_id: int) -> User:
    """Return the instructor with this username, other than the owner."""
    stmt = select(User).where(func.lower(User.username) == username.strip().lower())
    user = db.session.execute(stmt).scalar_one_or_none()
    if user is None or not user.is_instructor:
        raise ServiceError(f"There is no instructor called {username.strip()!r}.")
    if user.id == owner_id:
        raise Conflict("You own it already.")
    return user


def _share(table, column, object_id: int, owner_id: int, username: str) -> User:
    """Link an object to another instructor (no duplicates) and commit."""
    user = _instructor(username, owner_id)
    if _shared(table, column, object_id, user.id):
        raise Conflict(f"It is already shared with {user.username}.")
    db.session.execute(insert(table).values({column.key: object_id, "user_id": user.id}))
    db.session.commit()
    return user


def share_bank(owner_id: int, bank_id: int, username: str) -> User:
    """Share a bank with another instructor, who may then see and change it."""
    bank_for(owner_id, bank_id, owner_only=True)
    return _share(bank_shares, bank_shares.c.bank_id, bank_id, owner_id, username)


def share_quiz(owner_id: int, quiz_id: int, username: str) -> User:
    """Share a quiz with another instructor, who may then see and change it."""
    quiz_for(owner_id, quiz_id, owner_only=True)
    return _share(quiz_shares, quiz_shares.c.quiz_id, quiz_id, owner_id, username)


def unshare_bank(owner_id: int, bank_id: int, user_id: int) -> None:
    """Stop sharing a bank with one instructor, and take it out of that instructor's quizzes.

    Its questions are no longer drawn by their quizzes and their keys no longer readable to
    them; attempts already started keep their questions (and can finish), and past attempts
    keep their responses and scores.
    """
    bank_for(owner_id, bank_id, owner_only=True)
    db.session.execute(
        delete(bank_shares).where(
            bank_shares.c.bank_id == bank_id, bank_shares.c.user_id == user_id
        )
    )
    theirs = select(Quiz.id).where(Quiz.owner_id == user_id)
    db.session.execute(
        delete(quiz_banks).where(quiz_banks.c.bank_id == bank_id, quiz_banks.c.quiz_id.in_(theirs))
    )
    db.session.commit()


def readable_banks(user_id: int):
    """Return the SQL condition that the instructor may read a bank (own, site or shared)."""
    shared = select(bank_shares.c.bank_id).where(bank_shares.c.user_id == user_id)
    return or_(Bank.owner_id == user_id, Bank.owner_id.is_(None), Bank.id.in_(shared))


def unshare_quiz(owner_id: int, quiz_id: int, user_id: int) -> None:
    """Stop sharing a quiz with one instructor."""
    quiz_for(owner_id, quiz_id, owner_only=True)
    db.session.execute(
        delete(quiz_shares).where(
            quiz_shares.c.quiz_id == quiz_id, quiz_shares.c.user_id == user_id
        )
    )
    db.session.commit()


def shared_bank_ids(user_id: int) -> list[int]:
    """Return the ids of the banks shared with the user."""
    stmt = select(bank_shares.c.bank_id).where(bank_shares.c.user_id == user_id)
    return list(db.session.execute(stmt).scalars())


def shared_quiz_ids(user_id: int) -> list[int]:
    """Return the ids of the quizzes shared with the user."""
    stmt = select(quiz_shares.c.quiz_id).where(quiz_shares.c.user_id == user_id)
    return list(db.session.execute(stmt).scalars())
