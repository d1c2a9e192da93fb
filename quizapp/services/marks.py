"""Marks after the fact: rescore every response to a question, set one by hand, audit each change.

These functions change rows and leave the commit to the use-case that calls them
(mark_reviews.py), so that accepting an appeal, regrading the question and refreshing the totals
commit once.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TypeVar

from sqlalchemy import func, insert, select, update
from sqlalchemy.orm import selectinload

from ..core.scoring import Verdict, check, score_answer
from ..extensions import db
from ..models import Attempt, Evidence, MarkChange, Question, Response, utcnow
from .banks import evidence_text, question_to_core

#: Rows per statement when a regrade writes: small enough for any driver, large enough to be fast.
BATCH = 1000
T = TypeVar("T")

_r = Response.__table__
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
    """Store again the score of each finished attempt among these: the gradebook reads it.

    The sums are read grouped, a batch of attempts at a time, and written one statement per
    batch of attempts with the same total (a quiz's totals take few values), so that neither
    engine runs a correlated subquery per attempt.
    """
    a = Attempt.__table__
    for chunk in batches(sorted(set(attempt_ids))):
        sums = db.session.execute(
            select(_r.c.attempt_id, func.coalesce(func.sum(_r.c.credit), 0.0))
            .join(a, a.c.id == _r.c.attempt_id)
            .where(_r.c.attempt_id.in_(chunk), a.c.finished_at.is_not(None))
            .group_by(_r.c.attempt_id)
        ).all()
        by_total: dict[float, list[int]] = {}
        for attempt_id, total in sums:
            by_total.setdefault(float(total), []).append(attempt_id)
        for total, ids in by_total.items():
            db.session.execute(update(a).where(a.c.id.in_(ids)).values(score=total))


def regrade_question(
    question: Question,
    actor_id: int | None,
    why: str,
    skip: Iterable[int] = (),
    added: str | None = None,
) -> Regrade:
    """Rescore the question's responses, but hand-marked ones (and `skip`), in batches.

    With `added` (an answer just added to the accepted ones), each response not yet right is
    checked against that answer only and keeps the better of its mark and that verdict: the
    scorer takes the best verdict over the key and each accepted answer, so this is the full
    rescore for marks given by the same rules, and a new accepted answer never lowers a mark.
    Without it, every response gets the scorer's verdict afresh. Each distinct answer is scored
    once; changed rows given the same mark are written up to BATCH a statement, each changed
    mark gets an audit row saying `why`, and the attempts' totals are stored again. No commit.
    """
    db.session.flush()  # the question's new key or variants, for the reads below
    target, evidence = question_to_core(question), evidence_text(question)
    skipped = set(skip)
    stmt = select(
        _r.c.id, _r.c.attempt_id, _r.c.answer, _r.c.correct, _r.c.credit, _r.c.reason,
        _r.c.span_start, _r.c.span_end, _r.c.unsure,
    ).where(_r.c.question_id == question.id, _r.c.hand_marked.is_(False))  # fmt: skip
    if added is not None:
        stmt = stmt.where(_r.c.correct.is_(False))
    rows = db.session.execute(stmt).all()
    verdicts: dict[str, Verdict] = {}
    updates: dict[tuple, list[int]] = {}
    changes, attempts = [], set()
    now = utcnow()
    for row in rows:
        if row.id in skipped:
            continue
        verdict = verdicts.get(row.answer)
        if verdict is None:
            if added is None:
                verdict = score_answer(target, row.answer, evidence)
            else:
                verdict = check(row.answer, added, evidence, target.scoring_kind)
            verdicts[row.answer] = verdict
        if added is not None and (verdict.correct, verdict.credit) <= (False, row.credit):
            continue  # no better than the mark it has
        start, end = verdict.span or (None, None)
        correct, credit, unsure = bool(verdict.correct), float(verdict.credit), verdict.needs_review
        new = (correct, credit, verdict.reason, start, end, unsure)
        if new == (bool(row.correct), row.credit, row.reason, row.span_start, row.span_end,
                   bool(row.unsure)):  # fmt: skip
            continue
        updates.setdefault(new, []).append(row.id)
        if (correct, credit) != (bool(row.correct), row.credit):
            changes.append(
                {"response_id": row.id, "changed_by_id": actor_id, "changed_at": now,
                 "kind": "regrade", "old_correct": bool(row.correct), "old_credit": row.credit,
                 "new_correct": correct, "new_credit": credit, "reason": why}
            )  # fmt: skip
            attempts.add(row.attempt_id)
    for (correct, credit, reason, start, end, unsure), ids in updates.items():
        for chunk in batches(ids):  # one statement for each batch of rows given the same mark
            db.session.execute(
                update(_r).where(_r.c.id.in_(chunk)).values(
                    correct=correct, credit=credit, reason=reason, span_start=start,
                    span_end=end, unsure=unsure,
                )
            )  # fmt: skip
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
