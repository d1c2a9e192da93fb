"""Question pages: one question of an attempt as its page shows it, and where to resume."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select

from ..extensions import db
from ..models import Attempt, Question, Response
from . import NotFound
from .attempts import ordered_choices, own_attempt


@dataclass
class QuestionPage:
    """What the page of one question needs: never the answer key."""

    attempt: Attempt
    question: Question
    position: int  # 1-based
    total: int
    choices: list[str] | None
    response: Response | None
    answered_ids: set[int] = field(default_factory=set)

    @property
    def answered_positions(self) -> list[bool]:
        """Return, for each position, whether it has an answer."""
        return [qid in self.answered_ids for qid in self.attempt.question_ids]


def _question_at(attempt: Attempt, position: int) -> Question:
    """Return the question at a 1-based position of the attempt, or raise NotFound."""
    if not 1 <= position <= len(attempt.question_ids):
        raise NotFound("There is no such question in this attempt.")
    question = db.session.get(Question, attempt.question_ids[position - 1])
    if question is None:
        raise NotFound("This question has been removed.")
    return question


def _response(attempt_id: int, question_id: int) -> Response | None:
    """Return the stored response to a question in an attempt."""
    stmt = select(Response).where(
        Response.attempt_id == attempt_id, Response.question_id == question_id
    )
    return db.session.execute(stmt).scalar_one_or_none()


def question_page(
    attempt_id: int, user_id: int, position: int, progress: bool = True
) -> QuestionPage:
    """Return the question at a position of the user's attempt, with any stored answer.

    Without `progress`, skip what only the page shows (which questions have answers).
    """
    attempt = own_attempt(attempt_id, user_id)
    question = _question_at(attempt, position)
    page = QuestionPage(
        attempt=attempt,
        question=question,
        position=position,
        total=len(attempt.question_ids),
        choices=ordered_choices(question, attempt),
        response=None,
    )
    if progress:
        answered = db.session.execute(
            select(Response.question_id).where(Response.attempt_id == attempt.id)
        ).scalars()
        page.answered_ids = set(answered)
        if question.id in page.answered_ids:
            page.response = _response(attempt.id, question.id)
    return page


def resume_position(attempt_id: int, user_id: int) -> int:
    """Return the 1-based position of the first unanswered question (or the last one)."""
    attempt = own_attempt(attempt_id, user_id)
    answered = set(
        db.session.execute(
            select(Response.question_id).where(Response.attempt_id == attempt.id)
        ).scalars()
    )
    for i, qid in enumerate(attempt.question_ids, start=1):
        if qid not in answered:
            return i
    return max(len(attempt.question_ids), 1)
