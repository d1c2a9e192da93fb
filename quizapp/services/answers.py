"""Answers: show a question of an attempt, save and score what the student submits."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import (
    JSON,
    Connection,
    DateTime,
    bindparam,
    case,
    func,
    insert,
    or_,
    select,
    update,
)
from sqlalchemy.exc import IntegrityError

from ..core.banks import model as core
from ..core.classes.timing import GRACE, overdue
from ..core.scoring import score_answer
from ..extensions import autocommit, db
from ..models import (
    Attempt,
    Evidence,
    Question,
    Quiz,
    Response,
    Source,
    User,
    UserSnapshot,
    utcnow,
)
from . import Conflict, NotFound
from .attempts import choices_in_order, ordered_choices, own_attempt
from .closing import quiz_accepts
from .timing import TIME_UP, TimeUp

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


@dataclass(frozen=True)
class SavedAnswer:
    """A stored response, as the answer path needs it."""

    id: int
    answer: str
    correct: bool
    credit: float


@dataclass
class AnswerOutcome:
    """The stored response after an answer; `refused` when a practice answer was already final."""

    response: SavedAnswer
    created: bool
    refused: bool = False


@dataclass(frozen=True)
class AnswerSlot:
    """One question of a user's attempt, loaded to save an answer to it: never shown on a page."""

    attempt_id: int
    mode: str
    finished: bool
    position: int  # 1-based
    total: int
    question_id: int
    question: core.Question  # holds the answer key: for the scorer only
    choices: list[str] | None  # in this attempt's order
    evidence: str
    since: datetime  # the attempt's start or its latest answer, for the time spent
    existing: SavedAnswer | None
    owner: UserSnapshot  # read in the same query (see access.preload_user)
    deadline: datetime | None = None  # a timed attempt's end (UTC)


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


def same_answer(a: str, b: str) -> bool:
    """Return whether two submitted answers are the same, ignoring case and outer spaces."""
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def _slot_query():
    """Return the one SELECT behind answer_slot: owner, attempt, question, spans, stored answer.

    One row per evidence span (or one row without). The question is found through the attempt's
    JSON list of ids, spans are cut from their sources in SQL (Python slice semantics for the
    valid offsets the bank schema allows), and the latest answer time comes as a subquery.
    """
    a, q, e, s, r, u = (m.__table__ for m in (Attempt, Question, Evidence, Source, Response, User))
    latest = select(func.max(r.c.answered_at)).where(r.c.attempt_id == a.c.id).scalar_subquery()
    span = case(
        (e.c.end > e.c.start, func.substr(s.c.text, e.c.start + 1, e.c.end - e.c.start)),
        else_="",
    )
    mine = r.alias("mine")
    question_id = a.c.question_ids[bindparam("index", type_=JSON.JSONIndexType())].as_integer()
    return (
        select(
            a.c.mode,
            func.json_array_length(a.c.question_ids).label("total"),  # SQLite and PostgreSQL
            a.c.choice_orders,
            a.c.started_at,
            a.c.finished_at,
            a.c.deadline,
            latest.label("latest"),
            q.c.id,
            q.c.key,
            q.c.type,
            q.c.prompt,
            q.c.answer,
            q.c.accept,
            q.c.choices,
            q.c.explanation,
            q.c.tags,
            q.c.difficulty,
            q.c.tolerance,
            q.c.weights,
            q.c.feedback,
            q.c.wildcards,
            q.c.status,
            e.c.source_id,
            e.c.start,
            e.c.end,
            span.label("span"),
            mine.c.id.label("response_id"),
            mine.c.answer.label("response_answer"),
            mine.c.correct.label("response_correct"),
            mine.c.credit.label("response_credit"),
            u.c.username,
            u.c.role,
            u.c.session_token,
        )
        .select_from(a)
        .join(u, u.c.id == a.c.user_id)
        .outerjoin(q, q.c.id == question_id)
        .outerjoin(e, e.c.question_id == q.c.id)
        .outerjoin(s, s.c.id == e.c.source_id)
        .outerjoin(mine, (mine.c.attempt_id == a.c.id) & (mine.c.question_id == q.c.id))
        .where(a.c.id == bindparam("attempt_id"), a.c.user_id == bindparam("user_id"))
        .order_by(e.c.position, e.c.id)
    )


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


SLOT_QUERY = _slot_query()
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


def answer_slot(attempt_id: int, user_id: int, position: int) -> AnswerSlot:
    """Load what saving an answer needs in one query, or raise NotFound for others' attempts."""
    if position < 1:
        raise NotFound("There is no such question in this attempt.")
    params = {"attempt_id": attempt_id, "user_id": user_id, "index": position - 1}
    rows = autocommit().execute(SLOT_QUERY, params).all()  # no ORM session: none is needed
    if not rows:
        raise NotFound("There is no such attempt.")
    top = rows[0]
    if position > top.total:
        raise NotFound("There is no such question in this attempt.")
    if top.id is None:
        raise NotFound("This question has been removed.")
    spans = [row for row in rows if row.source_id is not None]
    question = core.Question(
        id=top.key or f"q{top.id}",
        type=top.type,
        prompt=top.prompt,
        answer=top.answer,
        accept=list(top.accept or []),
        choices=list(top.choices) if top.choices else None,
        evidence=[core.Evidence(str(row.source_id), row.start, row.end) for row in spans],
        explanation=top.explanation,
        tags=list(top.tags or []),
        difficulty=top.difficulty,
        tolerance=top.tolerance or 0.0,
        status=top.status,
        weights=list(top.weights) if top.weights is not None else None,
        feedback=list(top.feedback) if top.feedback is not None else None,
        wildcards=bool(top.wildcards),
    )
    existing = None
    if top.response_id is not None:
        existing = SavedAnswer(
            top.response_id, top.response_answer, bool(top.response_correct), top.response_credit
        )
    return AnswerSlot(
        attempt_id=attempt_id,
        mode=top.mode,
        finished=top.finished_at is not None,
        position=position,
        total=top.total,
        question_id=top.id,
        question=question,
        choices=choices_in_order(top.choices, top.type, top.choice_orders.get(str(top.id))),
        evidence="\n\n".join(row.span for row in spans),
        since=max(top.started_at, top.latest or top.started_at),
        existing=existing,
        owner=UserSnapshot(user_id, top.username, top.role, top.session_token),
        deadline=top.deadline,
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
