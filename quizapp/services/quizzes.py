"""Quizzes: what is published and which questions a quiz draws from."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from ..core.questions.drawing import Candidate
from ..extensions import db
from ..models import Attempt, Question, Quiz, quiz_banks, utcnow
from . import NotFound
from .closing import is_closed, settle


@dataclass
class QuizListing:
    """A quiz as the home page shows it."""

    quiz: Quiz
    question_count: int


def is_open(quiz: Quiz) -> bool:
    """Return whether a published quiz is within its open and close dates."""
    now = utcnow()
    if quiz.opens_at and now < quiz.opens_at:
        return False
    return not (quiz.closes_at and now > quiz.closes_at)


#: The generator's tag for questions that only make sense with the article hidden.
CLOSED_BOOK_TAG = "closed-book"


def matches_filters(quiz: Quiz, qtype: str, tags: list[str]) -> bool:
    """Return whether a question of this type and these tags may be drawn into the quiz.

    A question tagged `closed-book` (a blank the student fills by finding the same words in the
    article) is for recall: an open-book quiz, which shows the article, never draws it.
    """
    if quiz.book != "closed" and CLOSED_BOOK_TAG in (tags or []):
        return False
    if quiz.type_filter and qtype not in quiz.type_filter:
        return False
    return not quiz.tag_filter or bool(set(quiz.tag_filter) & set(tags or []))


def eligible_candidates(quiz_ids: list[int]) -> dict[int, list[Candidate]]:
    """Return, per quiz, the approved questions it may draw, in bank order (two queries)."""
    quizzes = {
        q.id: q for q in db.session.execute(select(Quiz).where(Quiz.id.in_(quiz_ids))).scalars()
    }
    stmt = (
        select(quiz_banks.c.quiz_id, Question.id, Question.type, Question.tags, Question.prompt)
        .join(Question, Question.bank_id == quiz_banks.c.bank_id)
        .where(quiz_banks.c.quiz_id.in_(quiz_ids), Question.status == "approved")
        .order_by(Question.bank_id, Question.position, Question.id)
    )
    result: dict[int, list[Candidate]] = {qid: [] for qid in quiz_ids}
    for quiz_id, question_id, qtype, tags, prompt in db.session.execute(stmt):
        if matches_filters(quizzes[quiz_id], qtype, tags):
            result[quiz_id].append(Candidate(question_id, qtype, prompt))
    return result


def eligible_question_ids(quiz_ids: list[int]) -> dict[int, list[int]]:
    """Return, per quiz, the ids of the approved questions it may draw."""
    return {qid: [c.id for c in found] for qid, found in eligible_candidates(quiz_ids).items()}


def drawn_count(quiz: Quiz, available: int) -> int:
    """Return how many questions an attempt at the quiz will have."""
    return available if quiz.question_count is None else min(quiz.question_count, available)


def published_quizzes() -> list[QuizListing]:
    """Return the open published quizzes, newest first, with their question counts."""
    stmt = (
        select(Quiz)
        .where(Quiz.published.is_(True))
        .options(selectinload(Quiz.banks))
        .order_by(Quiz.created_at.desc(), Quiz.id.desc())
    )
    quizzes = [q for q in db.session.execute(stmt).scalars() if is_open(q)]
    eligible = eligible_question_ids([q.id for q in quizzes]) if quizzes else {}
    return [QuizListing(q, drawn_count(q, len(eligible[q.id]))) for q in quizzes]


@dataclass
class Overview:
    """A quiz as its overview page shows it to one visitor."""

    quiz: Quiz
    question_count: int
    is_open: bool
    attempts_used: int
    attempts_left: int | None  # None: unlimited
    unfinished_id: int | None


def quiz_overview(quiz_id: int, user_id: int | None) -> Overview:
    """Return a published quiz with the visitor's attempts so far, or raise NotFound."""
    quiz = db.session.get(Quiz, quiz_id)
    if quiz is None or not quiz.published:
        raise NotFound("There is no such quiz.")
    count = drawn_count(quiz, len(eligible_question_ids([quiz.id])[quiz.id]))
    used, unfinished_id = 0, None
    if user_id is not None:
        stmt = (
            select(Attempt.id, Attempt.finished_at)
            .where(
                Attempt.quiz_id == quiz.id,
                Attempt.user_id == user_id,
                Attempt.retry_of_id.is_(None),
            )
            .order_by(Attempt.started_at, Attempt.id)
        )
        rows = db.session.execute(stmt).all()
        used = len(rows)
        unfinished_id = next((aid for aid, done in reversed(rows) if done is None), None)
        if unfinished_id is not None and is_closed(quiz):
            settle({quiz.id})  # closed since: the attempt was submitted with its answers
            unfinished_id = None
    left = None if quiz.attempts_allowed is None else max(quiz.attempts_allowed - used, 0)
    return Overview(quiz, count, is_open(quiz), used, left, unfinished_id)
