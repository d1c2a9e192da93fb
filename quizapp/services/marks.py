"""Marks after the fact: rescore every response to a question, set one by hand, audit each change.

These functions change rows and leave the commit to the use-case that calls them (appeals.py),
so that accepting an appeal, regrading the question and refreshing the totals commit once.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TypeVar

from sqlalchemy import bindparam, func, insert, select, update
from sqlalchemy.orm import selectinload

from ..core.scoring import score_answer
from ..core.verdict import Verdict
from ..extensions import db
from ..models import Attempt, Evidence, MarkChange, Question, Response, utcnow
from .banks import evidence_text, question_to_core

#: Rows per statement when a regrade writes: small enough for any driver, large enough to be fast.
BATCH = 1000
T = TypeVar("T")

_r = Response.__table__
_UPDATE_SCORED = (
    update(_r)
    .where(_r.c.id == bindparam("b_id"))
    .values(
        correct=bindparam("b_correct"),
        credit=bindparam("b_credit"),
        reason=bindparam("b_reason"),
        span_start=bindparam("b_span_start"),
        span_end=bindparam("b_span_end"),
        unsure=bindparam("b_unsure"),
    )
)
_INSERT_CHANGE = insert(MarkChange.__table__)


@dataclass(frozen=True)
class Regrade:
    """What a regrade did: responses read, marks changed, and the attempts whose totals moved."""

    scanned: int
    changed: int
    attempts: int


def batches(items: Sequence[T], size: int = BATCH) -> Iterator[Sequence[T]]:
    """Yield the items in slices of at most `size`."""
    for i in range(0, len(items), size):
        yield items[i : i + size]


def describe(correct: bool, credit: float) -> str:
    """Return a mark in words, as students see it: Right, Wrong, or Partly right (60%)."""
    if correct:
        return "Right"
    if credit > 0:
        return f"Partly right ({round(credit * 100)}%)"
    return "Wrong"


def scoring_question(question_id: int) -> Question | None:
    """Return a question with its evidence and sources loaded, to score answers against."""
    return db.session.get(
        Question,
        question_id,
        options=[selectinload(Question.evidence).selectinload(Evidence.source)],
    )


def refresh_totals(attempt_ids: Iterable[int]) -> None:
    """Store again the score of each finished attempt among these: the gradebook reads it."""
    a = Attempt.__table__
    total = (
        select(func.coalesce(func.sum(_r.c.credit), 0.0))
        .where(_r.c.attempt_id == a.c.id)
        .scalar_subquery()
    )
    for chunk in batches(sorted(set(attempt_ids))):
        db.session.execute(
            update(a).where(a.c.id.in_(chunk), a.c.finished_at.is_not(None)).values(score=total)
        )


def regrade_question(
    question: Question, actor_id: int | None, why: str, skip: Iterable[int] = ()
) -> Regrade:
    """Rescore every response to the question, but hand-marked ones (and `skip`), in batches.

    Each distinct answer is scored once. Responses whose mark, reason, span or unsure flag
    changed are written back, many to a statement; every changed mark gets an audit row saying
    `why`, and the totals of the attempts concerned are stored again. Nothing is committed.
    """
    db.session.flush()  # the question's new key or variants, for the reads below
    target, evidence = question_to_core(question), evidence_text(question)
    skipped = set(skip)
    rows = db.session.execute(
        select(
            _r.c.id, _r.c.attempt_id, _r.c.answer, _r.c.correct, _r.c.credit, _r.c.reason,
            _r.c.span_start, _r.c.span_end, _r.c.unsure,
        ).where(_r.c.question_id == question.id, _r.c.hand_marked.is_(False))
    ).all()  # fmt: skip
    verdicts: dict[str, Verdict] = {}
    updates, changes, attempts = [], [], set()
    now = utcnow()
    for row in rows:
        if row.id in skipped:
            continue
        verdict = verdicts.get(row.answer)
        if verdict is None:
            verdict = verdicts[row.answer] = score_answer(target, row.answer, evidence)
        start, end = verdict.span or (None, None)
        correct, credit, unsure = bool(verdict.correct), float(verdict.credit), verdict.needs_review
        new = (correct, credit, verdict.reason, start, end, unsure)
        if new == (bool(row.correct), row.credit, row.reason, row.span_start, row.span_end,
                   bool(row.unsure)):  # fmt: skip
            continue
        updates.append(
            {"b_id": row.id, "b_correct": correct, "b_credit": credit, "b_reason": verdict.reason,
             "b_span_start": start, "b_span_end": end, "b_unsure": unsure}
        )  # fmt: skip
        if (correct, credit) != (bool(row.correct), row.credit):
            changes.append(
                {"response_id": row.id, "changed_by_id": actor_id, "changed_at": now,
                 "kind": "regrade", "old_correct": bool(row.correct), "old_credit": row.credit,
                 "new_correct": correct, "new_credit": credit, "reason": why}
            )  # fmt: skip
            attempts.add(row.attempt_id)
    for chunk in batches(updates):
        db.session.execute(_UPDATE_SCORED, list(chunk))
    for chunk in batches(changes):
        db.session.execute(_INSERT_CHANGE, list(chunk))
    refresh_totals(attempts)
    return Regrade(len(rows), len(changes), len(attempts))


def set_mark(
    response: Response, actor_id: int | None, credit: float, why: str, kind: str
) -> MarkChange:
    """Mark one response by hand (regrades leave it alone after this) and audit the change."""
    credit = max(0.0, min(float(credit), 1.0))
    correct = credit >= 1.0
    change = MarkChange(
        response_id=response.id,
        changed_by_id=actor_id,
        kind=kind,
        old_correct=bool(response.correct),
        old_credit=response.credit,
        new_correct=correct,
        new_credit=credit,
        reason=why,
    )
    db.session.add(change)
    if (correct, credit) != (bool(response.correct), response.credit):
        response.correct, response.credit = correct, credit
        response.reason = f"Marked by your instructor: {why}" if why else "Marked by hand."
    response.hand_marked = True
    db.session.flush()
    refresh_totals([response.attempt_id])
    return change


def mark_changes(response_ids: list[int]) -> dict[int, list[MarkChange]]:
    """Return the changes to these responses' marks, oldest first, by response (one query)."""
    if not response_ids:
        return {}
    stmt = (
        select(MarkChange)
        .where(MarkChange.response_id.in_(response_ids))
        .order_by(MarkChange.changed_at, MarkChange.id)
    )
    changes: dict[int, list[MarkChange]] = {}
    for change in db.session.execute(stmt).scalars():
        changes.setdefault(change.response_id, []).append(change)
    return changes
