"""Finishing attempts so that no saved answer is left out of a score, and closing quizzes.

The rule (Moodle's): when a quiz closes (its close time passes) or is unpublished, the attempts
in progress at it are submitted with the answers saved so far, and later answers are refused.
Unpublishing submits them at once; a close time submits them the next time anyone touches the
attempt, the student's history or the quiz's results, dated at the close time.

A finish is one conditional UPDATE whose score is summed from the responses in that same
statement (`WHERE finished_at IS NULL`). Saving an answer is conditional too (see answers.py:
the INSERT reads the attempt `WHERE finished_at IS NULL` and the quiz open). On SQLite both
statements run under the database's single write lock, so one wholly precedes the other. On
PostgreSQL the answer locks its attempt row (FOR SHARE) and the finish locks it first (FOR
UPDATE) and sums in a later statement, whose snapshot holds every answer that got in first;
an answer that comes after the lock then sees the attempt finished and is refused.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ColumnElement, and_, case, func, or_, select, update

from ..extensions import db
from ..models import Attempt, Quiz, Response, utcnow

ATTEMPTS = Attempt.__table__
QUIZZES = Quiz.__table__
RESPONSES = Response.__table__


def score_sum():
    """Return the SQL sum of the credits of an attempt's responses (0 with none)."""
    return (
        select(func.coalesce(func.sum(RESPONSES.c.credit), 0.0))
        .where(RESPONSES.c.attempt_id == ATTEMPTS.c.id)
        .scalar_subquery()
    )


def quiz_accepts(now: datetime | ColumnElement) -> ColumnElement[bool]:
    """Return the SQL condition that a quiz row still takes answers: published, not closed."""
    return and_(
        QUIZZES.c.published.is_(True),
        or_(QUIZZES.c.closes_at.is_(None), QUIZZES.c.closes_at > now),
    )


def is_closed(quiz: Quiz, now: datetime | None = None) -> bool:
    """Return whether a quiz takes no more answers: unpublished, or past its close time."""
    now = now or utcnow()
    return not quiz.published or (quiz.closes_at is not None and quiz.closes_at <= now)


def finish_where(*where: ColumnElement[bool], finished_at: datetime) -> int:
    """Finish the unfinished attempts matching `where`, each scored from its saved responses.

    An attempt started after `finished_at` (a close time set in the past) ends when it started.
    Returns how many were finished; the caller commits. Finishing twice changes nothing.
    """
    unfinished = (*where, ATTEMPTS.c.finished_at.is_(None))
    started = ATTEMPTS.c.started_at
    ended = case((started > finished_at, started), else_=finished_at)
    if db.session.get_bind().dialect.name == "postgresql":
        # Wait for the answers being saved to these attempts, so that the sum below sees them.
        db.session.execute(select(ATTEMPTS.c.id).where(*unfinished).with_for_update())
    result = db.session.execute(
        update(ATTEMPTS)
        .where(*unfinished)
        .values(finished_at=ended, score=score_sum()),
        execution_options={"synchronize_session": False},
    )
    return result.rowcount


def close_quiz(quiz: Quiz, now: datetime | None = None) -> int:
    """Submit the attempts in progress at a closed quiz; return how many (the caller commits)."""
    now = now or utcnow()
    if not is_closed(quiz, now):
        return 0
    when = now if not quiz.published or quiz.closes_at is None else min(now, quiz.closes_at)
    # The owner's previews (of an unpublished quiz, often) are not students' attempts.
    count = finish_where(
        ATTEMPTS.c.quiz_id == quiz.id, ATTEMPTS.c.preview.is_(False), finished_at=when
    )
    if count:
        db.session.expire_all()  # the ORM's attempts now have a score and an end
    return count


def settle(quiz_ids: set[int]) -> int:
    """Submit, and commit, the attempts in progress at those of the quizzes that are closed."""
    if not quiz_ids:
        return 0
    now = utcnow()
    stmt = select(Quiz).where(Quiz.id.in_(quiz_ids), ~quiz_accepts(now))
    count = sum(close_quiz(quiz, now) for quiz in db.session.execute(stmt).scalars())
    if count:
        db.session.commit()
    return count


def settle_attempt(attempt: Attempt) -> bool:
    """Submit an attempt in progress at a closed quiz; return whether it was (and commit)."""
    if attempt.finished_at is not None or attempt.preview or not is_closed(attempt.quiz):
        return False
    return settle({attempt.quiz_id}) > 0
