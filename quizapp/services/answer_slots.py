"""Answer slots: what saving an answer needs, read in one query (the answer key included)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import JSON, bindparam, case, func, select

from ..core.banks import model as core
from ..extensions import autocommit
from ..models import Attempt, Evidence, Question, Response, Source, User, UserSnapshot
from . import NotFound
from .attempts import choices_in_order
from .banks import core_question


@dataclass(frozen=True)
class SavedAnswer:
    """A stored response, as the answer path needs it."""

    id: int
    answer: str
    correct: bool
    credit: float


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


# Built once: statements given their values at execution compile once and hit the cache.
SLOT_QUERY = _slot_query()


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
    question = core_question(
        top, [core.Evidence(str(row.source_id), row.start, row.end) for row in spans])
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
