"""Preview: the owner takes an unpublished quiz as a student would; it is never counted."""

from __future__ import annotations

import random

from sqlalchemy import select

from ..extensions import db
from ..models import Attempt
from . import Conflict
from .attempts import _choice_orders, _draw
from .quizzes import eligible_candidates
from .sharing import quiz_for


def start_preview(user_id: int, quiz_id: int, rng: random.Random | None = None) -> Attempt:
    """Start (or resume) a preview attempt at a quiz the user owns or shares, published or not.

    It has the quiz's draw, order and mode but no time limit, and no results count it.
    """
    quiz = quiz_for(user_id, quiz_id)
    stmt = select(Attempt).where(
        Attempt.quiz_id == quiz.id,
        Attempt.user_id == user_id,
        Attempt.preview.is_(True),
        Attempt.finished_at.is_(None),
    )
    existing = db.session.execute(stmt).scalars().first()
    if existing is not None:
        return existing
    rng = rng or random.Random()
    ids = _draw(quiz, eligible_candidates([quiz.id])[quiz.id], rng)
    if not ids:
        raise Conflict("No approved question matches this quiz yet: there is nothing to preview.")
    attempt = Attempt(
        quiz_id=quiz.id,
        user_id=user_id,
        mode=quiz.mode,
        question_ids=ids,
        choice_orders=_choice_orders(ids, quiz.shuffle, rng),
        max_score=float(len(ids)),
        preview=True,
    )
    db.session.add(attempt)
    db.session.commit()
    return attempt
