"""Notices: the changes to a student's marks that the student has not dismissed yet."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select, update

from ..extensions import db
from ..models import Attempt, MarkChange, Question, Quiz, Response, utcnow
from .marks import describe

MAX_NOTICES = 20


@dataclass(frozen=True)
class Notice:
    """A change to one of the student's marks, not yet dismissed."""

    change: MarkChange
    quiz_title: str
    attempt_id: int
    position: int
    prompt: str

    @property
    def old(self) -> str:
        return describe(self.change.old_correct, self.change.old_credit)

    @property
    def new(self) -> str:
        return describe(self.change.new_correct, self.change.new_credit)


def _unseen(user_id: int):
    """Return a select of the ids of the user's mark changes not yet dismissed."""
    return (
        select(MarkChange.id)
        .join(Response, Response.id == MarkChange.response_id)
        .join(Attempt, Attempt.id == Response.attempt_id)
        .where(Attempt.user_id == user_id, MarkChange.seen_at.is_(None))
    )


def notices(user_id: int) -> list[Notice]:
    """Return the user's latest undismissed mark changes, newest first (one query)."""
    stmt = (
        select(MarkChange, Attempt, Quiz.title, Question.prompt, Response.question_id)
        .join(Response, Response.id == MarkChange.response_id)
        .join(Attempt, Attempt.id == Response.attempt_id)
        .join(Quiz, Quiz.id == Attempt.quiz_id)
        .join(Question, Question.id == Response.question_id)
        .where(Attempt.user_id == user_id, MarkChange.seen_at.is_(None))
        .order_by(MarkChange.changed_at.desc(), MarkChange.id.desc())
        .limit(MAX_NOTICES)
    )
    found = []
    for change, attempt, title, prompt, qid in db.session.execute(stmt):
        ids = attempt.question_ids or []
        position = ids.index(qid) + 1 if qid in ids else 0
        found.append(Notice(change, title, attempt.id, position, prompt))
    return found


def dismiss_notices(user_id: int) -> int:
    """Mark every notice of the user as read; return how many."""
    stmt = (
        update(MarkChange)
        .where(MarkChange.id.in_(_unseen(user_id)))
        .values(seen_at=utcnow())
        .execution_options(synchronize_session=False)
    )
    count = db.session.execute(stmt).rowcount
    db.session.commit()
    return count
