"""Answers: show a question of an attempt, save and score what the student submits."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import joinedload

from ..core.scoring import score_answer
from ..extensions import db
from ..models import Attempt, Evidence, Question, Response, utcnow
from . import Conflict, NotFound
from .attempts import ordered_choices, own_attempt
from .banks import evidence_text, question_to_core

MAX_ANSWER = 2000


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


@dataclass
class AnswerOutcome:
    """The stored response after an answer; `refused` when a practice answer was already final."""

    response: Response
    created: bool
    refused: bool = False


def _question_at(attempt: Attempt, position: int) -> Question:
    """Return the question at a 1-based position of the attempt, or raise NotFound."""
    if not 1 <= position <= len(attempt.question_ids):
        raise NotFound("There is no such question in this attempt.")
    question = db.session.get(
        Question,
        attempt.question_ids[position - 1],
        options=[joinedload(Question.evidence).joinedload(Evidence.source)],
    )
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


def same_answer(a: str, b: str) -> bool:
    """Return whether two submitted answers are the same, ignoring case and outer spaces."""
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def _score(response: Response, question: Question, answer: str) -> None:
    """Score an answer into a response row."""
    verdict = score_answer(question_to_core(question), answer, evidence_text(question))
    response.answer = answer
    response.correct = bool(verdict.correct)
    response.credit = float(verdict.credit)
    response.reason = verdict.reason
    response.span_start, response.span_end = verdict.span or (None, None)
    response.answered_at = utcnow()


def answer_question(attempt_id: int, user_id: int, position: int, answer: str) -> AnswerOutcome:
    """Save and score an answer; a repeated submission never adds a response or changes a score.

    In practice mode the first answer is final (a different second answer is `refused`); in
    test mode an answer may be changed until the attempt is finished.
    """
    attempt = own_attempt(attempt_id, user_id)
    if attempt.finished:
        raise Conflict("This attempt is finished: its answers can no longer change.")
    question = _question_at(attempt, position)
    answer = answer.strip()[:MAX_ANSWER]
    answered = db.session.execute(
        select(Response.id, Response.question_id, Response.answered_at).where(
            Response.attempt_id == attempt.id
        )
    ).all()
    existing_id = next((rid for rid, qid, _ in answered if qid == question.id), None)
    existing = db.session.get(Response, existing_id) if existing_id else None
    if existing is None:
        response = Response(attempt_id=attempt.id, question_id=question.id)
        _score(response, question, answer)
        since = max([attempt.started_at] + [at for _, _, at in answered])
        response.seconds = max((response.answered_at - since).total_seconds(), 0.0)
        db.session.add(response)
        try:
            db.session.commit()
            return AnswerOutcome(response, created=True)
        except IntegrityError:  # the same answer arrived twice at once: keep the first
            db.session.rollback()
            existing = _response(attempt_id, question.id)
            if existing is None:
                raise
            attempt = own_attempt(attempt_id, user_id)
    if same_answer(existing.answer, answer):
        return AnswerOutcome(existing, created=False)
    if attempt.mode == "practice":
        return AnswerOutcome(existing, created=False, refused=True)
    _score(existing, question, answer)
    db.session.commit()
    return AnswerOutcome(existing, created=False)


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
