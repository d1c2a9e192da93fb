"""Answers: save and score what the student submits to a question of an attempt."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, DateTime, bindparam, insert, or_, select, update
from sqlalchemy.exc import IntegrityError

from ..core.classes.timing import GRACE, overdue
from ..core.scoring import score_answer
from ..extensions import autocommit
from ..models import Attempt, Quiz, Response, utcnow
from . import Conflict, NotFound
from .answer_slots import AnswerSlot, SavedAnswer, answer_slot
from .closing import quiz_accepts
from .timing import TIME_UP, TimeUp

MAX_ANSWER = 2000


@dataclass
class AnswerOutcome:
    """The stored response after an answer; `refused` when a practice answer was already final."""

    response: SavedAnswer
    created: bool
    refused: bool = False


def same_answer(a: str, b: str) -> bool:
    """Return whether two submitted answers are the same, ignoring case and outer spaces."""
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def _open_attempt(*columns):
    """Return a SELECT of the attempt being answered, while it and its quiz take answers.

    On PostgreSQL it locks the attempt row FOR SHARE until the answer commits, so a finish
    (which locks it FOR UPDATE, see closing.py) waits for this answer and counts it, or comes
    first and makes this SELECT find no row. SQLite runs the whole statement under its write
    lock, and leaves the clause out.
    """
    a, quiz = Attempt.__table__, Quiz.__table__
    return (
        select(*(columns or (a.c.id,)))
        .select_from(a)
        .join(quiz, quiz.c.id == a.c.quiz_id)
        .where(
            a.c.id == bindparam("open_attempt_id"),
            a.c.finished_at.is_(None),
            # a preview (the owner trying an unpublished quiz) takes answers while unfinished
            or_(a.c.preview.is_(True), quiz_accepts(bindparam("now", type_=DateTime()))),
            # a timed attempt takes answers until its deadline and grace (core.classes.timing)
            or_(a.c.deadline.is_(None), a.c.deadline >= bindparam("graced", type_=DateTime())),
        )
        .with_for_update(read=True, of=a)
    )


def _insert_response():
    """Return the INSERT of a response that stores nothing once its attempt is finished."""
    r, a = Response.__table__, Attempt.__table__
    columns = [c for c in r.c if c.name != "id"]
    values = [
        a.c.id if c.name == "attempt_id" else bindparam(c.name, type_=c.type) for c in columns
    ]
    return insert(r).from_select(columns, _open_attempt(*values)).returning(r.c.id)


# Built once: statements given their values at execution compile once and hit the cache.
INSERT_RESPONSE = _insert_response()
UPDATE_RESPONSE = (
    update(Response.__table__)
    .where(
        Response.__table__.c.id == bindparam("response_id"),
        Response.__table__.c.attempt_id.in_(_open_attempt()),
    )
    .returning(Response.__table__.c.id)
)


def _scored(slot: AnswerSlot, answer: str) -> dict:
    """Score an answer and return the response columns it sets."""
    verdict = score_answer(slot.question, answer, slot.evidence)
    span_start, span_end = verdict.span or (None, None)
    return {
        "answer": answer,
        "correct": bool(verdict.correct),
        "credit": float(verdict.credit),
        "reason": verdict.reason,
        "span_start": span_start,
        "span_end": span_end,
        "answered_at": utcnow(),
        "unsure": verdict.needs_review,  # awaiting review: stored by the same statement
        "hand_marked": False,  # a changed answer is the scorer's again
    }


def _stored(connection: Connection, attempt_id: int, question_id: int) -> SavedAnswer | None:
    """Return the stored response to a question in an attempt."""
    r = Response.__table__
    row = connection.execute(
        select(r.c.id, r.c.answer, r.c.correct, r.c.credit).where(
            r.c.attempt_id == attempt_id, r.c.question_id == question_id
        )
    ).first()
    return SavedAnswer(row.id, row.answer, bool(row.correct), row.credit) if row else None


def answer_question(attempt_id: int, user_id: int, position: int, answer: str) -> AnswerOutcome:
    """Save and score an answer to the question at a position of the user's attempt."""
    return save_answer(answer_slot(attempt_id, user_id, position), answer)


class AnswerRefused(Conflict):
    """An answer that came once its attempt was submitted (or its quiz closed): not saved."""

    def __init__(self, message: str, answer: str):
        super().__init__(message)
        self.answer = answer


def refusal(
    slot: AnswerSlot, answer: str, now: datetime | None = None
) -> AnswerRefused | TimeUp:
    """Return why an answer to an attempt that takes no more answers was not saved."""
    if overdue(slot.deadline, now or utcnow()):
        return TimeUp(TIME_UP)
    shown = answer if len(answer) <= 200 else answer[:200] + "…"
    said = f" Your answer was: “{shown}”." if shown else ""
    return AnswerRefused(
        f"This attempt ended (submitted, out of time, or its quiz closed) before your answer to "
        f"question {slot.position} arrived: that answer was not saved and is not in the "
        f"score.{said}",
        answer,
    )


def save_answer(slot: AnswerSlot, answer: str) -> AnswerOutcome:
    """Save and score an answer; a repeated submission never adds a response or changes a score.

    In practice mode the first answer is final (a different second answer is `refused`); in
    test mode an answer may be changed until the attempt is finished. The response row is
    written with one INSERT (or UPDATE), which is its own transaction: it is committed when
    this returns, and the unique (attempt, question) key refuses a second row. Both statements
    are conditional: they write nothing once the attempt is finished or its quiz closed (see
    closing.py), and then AnswerRefused says so: an answer is in the score or refused.
    """
    if slot.finished:
        raise Conflict("This attempt is finished: its answers can no longer change.")
    if overdue(slot.deadline, utcnow()):
        raise TimeUp(TIME_UP)
    answer = answer.strip()[:MAX_ANSWER]
    existing = slot.existing
    if existing is None:
        values = _scored(slot, answer)
        values["seconds"] = max((values["answered_at"] - slot.since).total_seconds(), 0.0)
        values.update(
            question_id=slot.question_id,
            open_attempt_id=slot.attempt_id,
            now=values["answered_at"],
            graced=values["answered_at"] - GRACE,
        )
        connection = autocommit()
        try:
            row = connection.execute(INSERT_RESPONSE, values).first()
        except IntegrityError:  # the same answer arrived twice at once: keep the first
            existing = _stored(connection, slot.attempt_id, slot.question_id)
            if existing is None:  # the question itself is gone
                raise NotFound("This question has been removed.") from None
        else:
            if row is None:
                raise refusal(slot, answer, values["answered_at"])
            saved = SavedAnswer(row.id, answer, values["correct"], values["credit"])
            return AnswerOutcome(saved, created=True)
    if same_answer(existing.answer, answer):
        return AnswerOutcome(existing, created=False)
    if slot.mode == "practice":
        return AnswerOutcome(existing, created=False, refused=True)
    values = _scored(slot, answer)
    values.update(response_id=existing.id, open_attempt_id=slot.attempt_id)
    values.update(now=values["answered_at"], graced=values["answered_at"] - GRACE)
    if autocommit().execute(UPDATE_RESPONSE, values).first() is None:
        raise refusal(slot, answer, values["answered_at"])
    saved = SavedAnswer(existing.id, answer, values["correct"], values["credit"])
    return AnswerOutcome(saved, created=False)
