"""Attempts: start a quiz, finish it, retry what was missed (answers: see answers.py)."""

from __future__ import annotations

import random

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from ..core.banks.model import VERDICT_CHOICES
from ..core.questions.drawing import Candidate, draw_balanced
from ..extensions import db
from ..models import Attempt, Question, Quiz, utcnow
from . import Conflict, NotFound
from .assignments import check_may_take
from .closing import finish_where, is_closed, settle_attempt
from .quizzes import drawn_count, eligible_candidates, is_open
from .timing import close_if_overdue, deadline_for


def own_attempt(attempt_id: int, user_id: int | None) -> Attempt:
    """Return the user's attempt, or raise NotFound (someone else's attempt does not exist)."""
    attempt = db.session.get(Attempt, attempt_id)
    if attempt is None or user_id is None or attempt.user_id != user_id:
        raise NotFound("There is no such attempt.")
    settle_attempt(attempt)  # its quiz closed: it is submitted with the answers saved
    close_if_overdue(attempt)  # time is up: submit what was saved
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
            Attempt.preview.is_(False),
        )
        .order_by(Attempt.started_at.desc(), Attempt.id.desc())
    )
    return db.session.execute(stmt).scalars().first()


def start_attempt(quiz_id: int, user_id: int, rng: random.Random | None = None) -> Attempt:
    """Start an attempt, or return the unfinished one (so a double click starts only one).

    Atomic on both engines: the new attempt takes the next number of the user's attempts at the
    quiz, and the unique (quiz, user, number) key refuses a second attempt with that number. Of
    two Starts at once, one inserts; the other gets an IntegrityError and returns the winner's
    attempt (or refuses, when that used the last attempt allowed).
    """
    quiz = db.session.get(Quiz, quiz_id)
    if quiz is None or not quiz.published:
        raise NotFound("There is no such quiz.")
    check_may_take(quiz_id, user_id)
    for _ in range(3):  # a lost race is decided on the next pass by the winner's row
        # The number first: an attempt started after this read is then found just below.
        number = last_number(quiz_id, user_id) + 1
        existing = unfinished_attempt(quiz_id, user_id)
        if existing is not None and not settle_attempt(existing) and not close_if_overdue(existing):
            return existing
        if not is_open(quiz):
            raise Conflict("This quiz is not open.")
        if quiz.attempts_allowed is not None and number > quiz.attempts_allowed:
            raise Conflict("You have used all your attempts at this quiz.")
        rng = rng or random.Random()
        ids = _draw(quiz, eligible_candidates([quiz_id])[quiz_id], rng)
        if not ids:
            raise Conflict("This quiz has no questions yet.")
        started = utcnow()
        attempt = Attempt(
            quiz_id=quiz_id,
            user_id=user_id,
            number=number,
            started_at=started,
            deadline=deadline_for(quiz, user_id, started),
            mode=quiz.mode,
            question_ids=ids,
            choice_orders=_choice_orders(ids, quiz.shuffle, rng),
            max_score=float(len(ids)),
        )
        db.session.add(attempt)
        try:
            db.session.commit()
        except IntegrityError:  # another Start took this number first
            db.session.rollback()
            continue
        return attempt
    raise Conflict("This quiz is being started elsewhere: try again.")


def last_number(quiz_id: int, user_id: int) -> int:
    """Return the number of the user's latest (not retry) attempt at a quiz, 0 for none."""
    stmt = select(func.coalesce(func.max(Attempt.number), 0)).where(
        Attempt.quiz_id == quiz_id, Attempt.user_id == user_id, Attempt.retry_of_id.is_(None)
    )
    return int(db.session.execute(stmt).scalar_one())


def retry_missed(attempt_id: int, user_id: int, rng: random.Random | None = None) -> Attempt:
    """Start a practice attempt over the questions a finished attempt got wrong or left out."""
    attempt = own_attempt(attempt_id, user_id)
    if not attempt.finished:
        raise Conflict("Finish this attempt before practising what you missed.")
    if is_closed(attempt.quiz):
        raise Conflict("This quiz is closed: it takes no new attempts.")
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
    """Finish an attempt and store its score (finishing twice changes nothing).

    One conditional UPDATE sums the score from the saved responses (see closing.py), so an
    answer saved at the same moment is either in the score or refused, never left out.
    """
    attempt = own_attempt(attempt_id, user_id)
    if attempt.finished:
        return attempt
    finish_where(Attempt.__table__.c.id == attempt.id, finished_at=utcnow())
    db.session.commit()
    return attempt
