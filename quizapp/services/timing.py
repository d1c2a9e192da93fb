"""Time limits: the deadline set when an attempt starts, extra time, and closing attempts whose
time is up with the answers they saved (answers are saved as they are given, so none is lost).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select

from ..core.classes.timing import deadline, overdue
from ..extensions import db
from ..models import Attempt, ExtraTime, Quiz, Response, utcnow
from . import Conflict, ServiceError
from .classes import class_student
from .sharing import quiz_for

MAX_EXTRA = 24 * 60


class TimeUp(Conflict):
    """An answer arrived after its attempt's time limit."""


TIME_UP = (
    "Time is up: this answer arrived after the time limit and was not saved. "
    "The answers you saved before were submitted."
)


def extra_minutes(quiz_id: int, user_id: int) -> int:
    """Return the extra minutes a student has on a quiz."""
    row = db.session.get(ExtraTime, (quiz_id, user_id))
    return row.minutes if row else 0


def deadline_for(quiz: Quiz, user_id: int, started: datetime) -> datetime | None:
    """Return the deadline of an attempt the user starts now at the quiz (None: untimed)."""
    if quiz.time_limit_minutes is None:
        return None
    return deadline(started, quiz.time_limit_minutes, extra_minutes(quiz.id, user_id))


def close(attempt: Attempt) -> None:
    """Finish an attempt whose time is up, scoring the answers it saved (no commit)."""
    drawn = set(attempt.question_ids)
    credits = db.session.execute(
        select(Response.question_id, Response.credit).where(Response.attempt_id == attempt.id)
    ).all()
    attempt.score = float(sum(credit for qid, credit in credits if qid in drawn))
    attempt.max_score = float(len(attempt.question_ids))
    attempt.finished_at = attempt.deadline or utcnow()


def close_if_overdue(attempt: Attempt) -> bool:
    """Finish the attempt if its time is up; return whether it was closed now."""
    if attempt.finished_at is not None or not overdue(attempt.deadline, utcnow()):
        return False
    close(attempt)
    db.session.commit()
    return True


def close_overdue(quiz_ids: list[int] | None = None, user_id: int | None = None) -> int:
    """Finish every overdue attempt of these quizzes (or this user); return how many."""
    limit = utcnow() - timedelta(seconds=5)
    stmt = select(Attempt).where(
        Attempt.finished_at.is_(None), Attempt.deadline.is_not(None), Attempt.deadline < limit
    )
    if quiz_ids is not None:
        stmt = stmt.where(Attempt.quiz_id.in_(quiz_ids))
    if user_id is not None:
        stmt = stmt.where(Attempt.user_id == user_id)
    closed = 0
    for attempt in db.session.execute(stmt).scalars():
        if overdue(attempt.deadline, utcnow()):
            close(attempt)
            closed += 1
    if closed:
        db.session.commit()
    return closed


def give_extra_time(
    user_id: int, class_id: int, student_id: int, quiz_id: int, minutes: int
) -> ExtraTime | None:
    """Give one student of a class extra minutes on a timed quiz (0 removes them).

    The student's attempt in progress, if any, gets the new deadline at once.
    """
    _, student = class_student(user_id, class_id, student_id)
    quiz = quiz_for(user_id, quiz_id)
    if quiz.time_limit_minutes is None:
        raise ServiceError("This quiz has no time limit.")
    if not 0 <= minutes <= MAX_EXTRA:
        raise ServiceError(f"Give between 0 and {MAX_EXTRA} extra minutes.")
    row = db.session.get(ExtraTime, (quiz.id, student.id))
    if minutes == 0:
        if row is not None:
            db.session.delete(row)
        row = None
    elif row is None:
        row = ExtraTime(quiz_id=quiz.id, user_id=student.id, minutes=minutes)
        db.session.add(row)
    else:
        row.minutes = minutes
    running = db.session.execute(
        select(Attempt).where(
            Attempt.quiz_id == quiz.id,
            Attempt.user_id == student.id,
            Attempt.finished_at.is_(None),
            Attempt.deadline.is_not(None),
        )
    ).scalars()
    for attempt in running:
        attempt.deadline = deadline(attempt.started_at, quiz.time_limit_minutes, minutes)
    db.session.commit()
    return row
