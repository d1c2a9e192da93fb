"""Mark reviews: instructors' queue of appealed and unsure marks, and their decisions.

A response is *pending* while it has an open appeal, or while the scorer was unsure of it and no
instructor has marked it by hand. Instructors review the pending responses to questions of the
banks or quizzes they see (their own, shared with them, or the site's). Every decision is
audited in mark_changes, which is also what a student's notices read.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import or_, select, text
from sqlalchemy.orm import selectinload

from ..core.reading.sentences import Sentence
from ..extensions import db
from ..models import (
    Appeal,
    Attempt,
    Bank,
    Evidence,
    Question,
    Quiz,
    Response,
    User,
    bank_shares,
    quiz_shares,
    utcnow,
)
from . import Conflict, Forbidden, NotFound
from .appeals import Case
from .attempt_reviews import _cited
from .marks import Regrade, describe, mark_changes, regrade_question, set_mark
from .sharing import question_for

QUEUE_PAGE = 50
MAX_REPLY = 1000
AWAITING = text("responses.unsure AND NOT responses.hand_marked")  # ix_responses_awaiting_review


@dataclass(frozen=True)
class Decision:
    """The outcome of a review: the response's new mark and how many others a regrade moved."""

    mark: str
    regrade: Regrade | None = None


def _visible(user_id: int):
    """Return the condition: the response's bank or quiz is the user's, shared, or the site's."""
    banks = select(bank_shares.c.bank_id).where(bank_shares.c.user_id == user_id)
    quizzes = select(quiz_shares.c.quiz_id).where(quiz_shares.c.user_id == user_id)
    return or_(
        Bank.owner_id == user_id,
        Bank.owner_id.is_(None),
        Bank.id.in_(banks),
        Quiz.owner_id == user_id,
        Quiz.owner_id.is_(None),
        Quiz.id.in_(quizzes),
    )


def _cases(user_id: int, *conditions, limit: int | None = None, order=()) -> list[Case]:
    """Return the responses meeting the conditions that the user may review, as cases."""
    stmt = (
        select(Response, Attempt, User.username, Quiz.title, Appeal)
        .join(Attempt, Attempt.id == Response.attempt_id)
        .join(Quiz, Quiz.id == Attempt.quiz_id)
        .join(User, User.id == Attempt.user_id)
        .join(Question, Question.id == Response.question_id)
        .join(Bank, Bank.id == Question.bank_id)
        .outerjoin(Appeal, Appeal.response_id == Response.id)
        .where(_visible(user_id), *conditions)
        .order_by(*order, Response.id)
        .limit(limit)
    )
    rows = db.session.execute(stmt).all()
    ids = {row[0].question_id for row in rows}
    questions = {}
    if ids:
        stmt = (
            select(Question)
            .where(Question.id.in_(ids))
            .options(selectinload(Question.evidence).selectinload(Evidence.source))
        )
        questions = {q.id: q for q in db.session.execute(stmt).scalars()}
    cache: dict[int, list[Sentence]] = {}
    cases = []
    for response, attempt, student, title, appealed in rows:
        question = questions[response.question_id]
        cases.append(
            Case(response, question, attempt, student, title, appealed, _cited(question, cache))
        )
    return cases


def queue(user_id: int) -> tuple[list[Case], list[Case]]:
    """Return the open appeals (oldest first) and the unsure marks awaiting review."""
    appeals = _cases(
        user_id, Appeal.status == "open", limit=QUEUE_PAGE, order=(Appeal.created_at,)
    )
    appealed = {c.response.id for c in appeals}
    unsure = [
        c
        for c in _cases(user_id, AWAITING, limit=QUEUE_PAGE, order=(Response.answered_at,))
        if c.response.id not in appealed
    ]
    return appeals, unsure


def case(response_id: int, user_id: int) -> Case:
    """Return one response the instructor may review, with its audit trail, else NotFound."""
    found = _cases(user_id, Response.id == response_id)
    if not found:
        raise NotFound("There is no such answer.")
    item = found[0]
    item.changes = mark_changes([response_id]).get(response_id, [])
    return item


def _close(appeal: Appeal | None, status: str, reply: str, user_id: int) -> None:
    """Decide an open appeal: accepted or rejected, with the reply its student reads."""
    if appeal is None or appeal.status != "open":
        return
    appeal.status, appeal.reply = status, reply
    appeal.decided_at, appeal.decided_by_id = utcnow(), user_id


def _add_variant(user_id: int, item: Case) -> str:
    """Add the case's answer to its question's accepted answers; return the answer."""
    if item.question.choices:
        raise Conflict("A multiple-choice answer is matched to its choices: accept it alone.")
    if not item.can_add_variant:
        raise Conflict("This answer is already an accepted answer of the question.")
    try:
        question = question_for(user_id, item.question.id)
    except NotFound:
        raise Forbidden(
            "Only instructors who may edit the question's bank can add an accepted answer."
        ) from None
    answer = " ".join(item.response.answer.split())
    question.accept = [*question.accept, answer]  # a new list: the JSON column sees the change
    return answer


def _close_now_right(question_id: int, user_id: int, answer: str) -> None:
    """Accept the open appeals on a question whose responses a regrade marked right."""
    stmt = (
        select(Appeal)
        .join(Response, Response.id == Appeal.response_id)
        .where(Response.question_id == question_id, Appeal.status == "open", Response.correct)
        .execution_options(populate_existing=True)
    )
    for other in db.session.execute(stmt).scalars():
        _close(other, "accepted", f"Accepted: {answer!r} is now an accepted answer.", user_id)


def accept(response_id: int, user_id: int, add_variant: bool, reply: str = "") -> Decision:
    """Mark a response right; with `add_variant`, accept its answer for every student.

    Adding the variant rescores every response to the question, in every attempt; the open
    appeals that this makes right are accepted too. All of it commits once.
    """
    item = case(response_id, user_id)
    reply = " ".join((reply or "").split())[:MAX_REPLY]
    regrade = None
    if add_variant:
        answer = _add_variant(user_id, item)
        why = f"{answer!r} was added to the accepted answers of this question."
        regrade = regrade_question(item.question, user_id, why, [response_id], added=answer)
    why = reply or "Your instructor accepted this answer."
    set_mark(item.response, user_id, 1.0, why, "accepted")
    _close(item.appeal, "accepted", reply or "Accepted: your mark is now Right.", user_id)
    if add_variant:
        _close_now_right(item.question.id, user_id, answer)
    db.session.commit()
    return Decision("Right", regrade)


def reject(response_id: int, user_id: int, reply: str) -> Decision:
    """Keep a response's mark, with a reply its student reads; it leaves the queue."""
    item = case(response_id, user_id)
    reply = " ".join((reply or "").split())[:MAX_REPLY]
    set_mark(item.response, user_id, item.response.credit, reply, "confirmed")
    _close(item.appeal, "rejected", reply, user_id)
    db.session.commit()
    return Decision(item.mark)


def override(response_id: int, user_id: int, percent: int, reason: str) -> Decision:
    """Set one response's mark by hand (0-100% credit), with the reason its student reads."""
    if not 0 <= percent <= 100:
        raise Conflict("Give a credit from 0 to 100%.")
    item = case(response_id, user_id)
    reason = " ".join((reason or "").split())[:MAX_REPLY]
    old = item.response.credit
    kind = "override" if percent / 100 != old else "confirmed"
    set_mark(item.response, user_id, percent / 100, reason, kind)
    _close(item.appeal, "accepted" if percent / 100 > old else "rejected", reason, user_id)
    db.session.commit()
    return Decision(describe(percent >= 100, percent / 100))
