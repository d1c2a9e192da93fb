"""Appeals: a student asks for a second look at one of their marks, once."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from ..extensions import db
from ..models import Appeal, Attempt, MarkChange, Question, Response
from . import Conflict, NotFound
from .attempt_reviews import Cited
from .marks import describe

MAX_REASON = 300


@dataclass
class Case:
    """One response under review, beside its question, key, variants and evidence."""

    response: Response
    question: Question
    attempt: Attempt
    student: str
    quiz_title: str
    appeal: Appeal | None
    cited: list[Cited] = field(default_factory=list)
    changes: list[MarkChange] = field(default_factory=list)

    @property
    def position(self) -> int:
        ids = self.attempt.question_ids or []
        return ids.index(self.question.id) + 1 if self.question.id in ids else 0

    @property
    def mark(self) -> str:
        return describe(bool(self.response.correct), self.response.credit)

    @property
    def can_add_variant(self) -> bool:
        """Return whether the answer could become an accepted variant (typed, not yet listed)."""
        answer = self.response.answer.strip().casefold()
        known = [self.question.answer.casefold(), *(a.casefold() for a in self.question.accept)]
        return not self.question.choices and bool(answer) and answer not in known


def _own_response(response_id: int, user_id: int) -> Response:
    """Return the user's response whose feedback they may see, else raise NotFound."""
    response = db.session.get(Response, response_id)
    if response is None or response.attempt.user_id != user_id:
        raise NotFound("There is no such answer.")
    attempt = response.attempt
    if attempt.mode == "test" and not attempt.finished:
        raise NotFound("There is no such answer.")  # its mark is not shown yet
    return response


def appeal_case(response_id: int, user_id: int) -> Case:
    """Return one of the user's responses with its question and any appeal, to appeal it."""
    response = _own_response(response_id, user_id)
    attempt = response.attempt
    return Case(response, response.question, attempt, "", attempt.quiz.title, _appeal(response.id))


def appeal(response_id: int, user_id: int, reason: str) -> Appeal:
    """Appeal the mark of one of the user's responses, once, with an optional reason."""
    response = _own_response(response_id, user_id)
    if response.correct:
        raise Conflict("This answer is already marked right.")
    if _appeal(response.id) is not None:
        raise Conflict("You have already appealed this mark.")
    row = Appeal(response_id=response.id, reason=" ".join(reason.split())[:MAX_REASON])
    db.session.add(row)
    try:
        db.session.commit()
    except IntegrityError:  # the same appeal arrived twice at once: the first one stands
        db.session.rollback()
        raise Conflict("You have already appealed this mark.") from None
    return row


def _appeal(response_id: int) -> Appeal | None:
    """Return the appeal of a response, if any."""
    stmt = select(Appeal).where(Appeal.response_id == response_id)
    return db.session.execute(stmt).scalar_one_or_none()
