"""Attempts: start a quiz, finish it, retry what was missed (answers: see answers.py)."""

from __future__ import annotations

import random

from sqlalchemy import func, select

from ..core.banks.model import VERDICT_CHOICES
from ..core.questions.drawing import Candidate, draw_balanced
from ..extensions import db
from ..models import Attempt, Question, Quiz, utcnow
from . import Conflict, NotFound
from .quizzes import drawn_count, eligible_candidates, is_open


def own_attempt(attempt_id: int, user_id: int | None) -> Attempt:
    """Return the user's attempt, or raise NotFound (someone else's attempt does not exist)."""
    attempt = db.session.get(Attempt, attempt_id)
    if attempt is None or user_id is None or attempt.user_id != user_id:
        raise NotFound("There is no such attempt.")
    return attempt


def ordered_choices(question: Question, attempt: Attempt) -> list[str] | None:
    """Return the question's choices in the order this attempt shows them."""
    return choices_in_order(
        question.choices, question.type, attempt.choice_orders.get(str(question.id))
    )


def choices_in_order(
    choices: list[str] | None, qtype: str, order: list[int] | None
) -> list[str] | None:
    """Return a question's choices (verdicts by default) in an attempt's stored order."""
    choices = list(choices) if choices else None
    if choices is None and qtype == "verdict":
        choices = list(VERDICT_CHOICES)
    if choices is None:
        return None
    kept = [i for i in order or [] if 0 <= i < len(choices)]
    kept += [i for i in range(len(choices)) if i not in kept]
    return [choices[i] for i in kept]


def _draw(quiz: Quiz, candidates: list[Candidate], rng: random.Random) -> list[int]:
    """Draw the quiz's questions: a sample balanced across types when it has a count."""
    ids = [c.id for c in candidates]
    count = drawn_count(quiz, len(ids))
    drawn = (
        ids if count == len(ids) else sorted(draw_balanced(candidates, count, rng), key=ids.index)
    )
    if quiz.shuffle:
        drawn = list(drawn)
        rng.shuffle(drawn)
    return list(drawn)


def _choice_orders(question_ids: list[int], shuffle: bool, rng: random.Random) -> dict:
    """Return a shuffled order of choice indices for each multiple-choice question."""
    if not shuffle or not question_ids:
        return {}
    rows = db.session.execute(
        select(Question.id, Question.choices, Question.type).where(Question.id.in_(question_ids))
    )
    orders = {}
    for qid, choices, qtype in rows:
        n = len(choices) if choices else (len(VERDICT_CHOICES) if qtype == "verdict" else 0)
        if n > 1 and qtype != "verdict":  # verdict options keep their natural order
            order = list(range(n))
            rng.shuffle(order)
            orders[str(qid)] = order
    return orders


def unfinished_attempt(quiz_id: int, user_id: int) -> Attempt | None:
    """Return the user's unfinished (not retry) attempt at a quiz, if any."""
    stmt = (
        select(Attempt)
        .where(
            Attempt.quiz_id == quiz_id,
            Attempt.user_id == user_id,
            Attempt.finished_at.is_(None),
            Attempt.retry_of_id.is_(None),
        )
        .order_by(Attempt.started_at.desc(), Attempt.id.desc())
    )
    return db.session.execute(stmt).scalars().first()


def attempts_used(quiz_id: int, user_id: int) -> int:
    """Return how many (not retry) attempts the user has started at a quiz."""
    stmt = select(func.count(Attempt.id)).where(
        Attempt.quiz_id == quiz_id, Attempt.user_id == user_id, Attempt.retry_of_id.is_(None)
    )
    return db.session.execute(stmt).scalar_one()


def start_attempt(quiz_id: int, user_id: int, rng: random.Random | None = None) -> Attempt:
    """Start an attempt, or return the unfinished one (so a double click starts only one)."""
    quiz = db.session.get(Quiz, quiz_id)
    if quiz is None or not quiz.published:
        raise NotFound("There is no such quiz.")
    existing = unfinished_attempt(quiz_id, user_id)
    if existing is not None:
        return existing
    if not is_open(quiz):
        raise Conflict("This quiz is not open.")
    if quiz.attempts_allowed is not None and attempts_used(quiz_id, user_id) >= (
        quiz.attempts_allowed
    ):
        raise Conflict("You have used all your attempts at this quiz.")
    rng = rng or random.Random()
    ids = _draw(quiz, eligible_candidates([quiz_id])[quiz_id], rng)
    if not ids:
        raise Conflict("This quiz has no questions yet.")
    attempt = Attempt(
        quiz_id=quiz_id,
        user_id=user_id,
        mode=quiz.mode,
        question_ids=ids,
        choice_orders=_choice_orders(ids, quiz.shuffle, rng),
        max_score=float(len(ids)),
    )
    db.session.add(attempt)
    db.session.commit()
    return attempt


def retry_missed(attempt_id: int, user_id: int, rng: random.Random | None = None) -> Attempt:
    """Start a practice attempt over the questions a finished attempt got wrong or left out."""
    attempt = own_attempt(attempt_id, user_id)
    if not attempt.finished:
        raise Conflict("Finish this attempt before practising what you missed.")
    stmt = select(Attempt).where(
        Attempt.retry_of_id == attempt.id,
        Attempt.user_id == user_id,
        Attempt.finished_at.is_(None),
    )
    existing = db.session.execute(stmt).scalars().first()
    if existing is not None:
        return existing
    right = {r.question_id for r in attempt.responses if r.correct}
    missed = [qid for qid in attempt.question_ids if qid not in right]
    if not missed:
        raise Conflict("You missed no question in this attempt.")
    rng = rng or random.Random()
    if attempt.quiz.shuffle:
        rng.shuffle(missed)
    retry = Attempt(
        quiz_id=attempt.quiz_id,
        user_id=user_id,
        mode="practice",
        question_ids=missed,
        choice_orders={k: v for k, v in attempt.choice_orders.items() if int(k) in missed},
        retry_of_id=attempt.id,
        max_score=float(len(missed)),
    )
    db.session.add(retry)
    db.session.commit()
    return retry


def finish_attempt(attempt_id: int, user_id: int) -> Attempt:
    """Finish an attempt and store its score (finishing twice changes nothing)."""
    attempt = own_attempt(attempt_id, user_id)
    if attempt.finished:
        return attempt
    drawn = set(attempt.question_ids)
    attempt.score = float(sum(r.credit for r in attempt.responses if r.question_id in drawn))
    attempt.max_score = float(len(attempt.question_ids))
    attempt.finished_at = utcnow()
    db.session.commit()
    return attempt
