"""Quiz settings: build a quiz from banks, change it, publish and unpublish it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from ..core.banks.model import QUESTION_TYPES
from ..extensions import db
from ..models import BOOKS, MODES, Quiz
from . import Conflict, ServiceError
from .closing import close_quiz
from .library import clean_tags
from .quizzes import drawn_count, eligible_question_ids
from .sharing import bank_for, quiz_for


@dataclass
class QuizSettings:
    """A quiz's settings as plain values from the form."""

    title: str
    bank_ids: list[int]
    description: str = ""
    mode: str = "practice"
    book: str = "open"  # or "closed"
    question_count: int | None = None  # None: every eligible question
    tag_filter: list[str] = field(default_factory=list)
    type_filter: list[str] = field(default_factory=list)
    attempts_allowed: int | None = None  # None: unlimited
    shuffle: bool = True
    opens_at: datetime | None = None
    closes_at: datetime | None = None
    time_limit_minutes: int | None = None  # None: untimed
    open_to_guests: bool = True


def _check(settings: QuizSettings) -> None:
    """Refuse settings that cannot work."""
    if not settings.title.strip():
        raise ServiceError("A quiz needs a title.")
    if not settings.bank_ids:
        raise ServiceError("Choose at least one bank.")
    if settings.mode not in MODES:
        raise ServiceError(f"Mode must be one of: {', '.join(MODES)}.")
    if settings.book not in BOOKS:
        raise ServiceError(f"Book must be one of: {', '.join(BOOKS)}.")
    if unknown := set(settings.type_filter) - set(QUESTION_TYPES):
        raise ServiceError(f"Unknown question types: {', '.join(sorted(unknown))}.")
    if settings.question_count is not None and settings.question_count < 1:
        raise ServiceError("Draw at least one question, or leave the number empty for all.")
    if settings.attempts_allowed is not None and settings.attempts_allowed < 1:
        raise ServiceError("Allow at least one attempt, or leave it empty for unlimited.")
    if settings.time_limit_minutes is not None and not 1 <= settings.time_limit_minutes <= 600:
        raise ServiceError("A time limit is between 1 and 600 minutes, or empty for none.")
    if settings.opens_at and settings.closes_at and settings.closes_at <= settings.opens_at:
        raise ServiceError("The quiz must close after it opens.")


def _apply(user_id: int, quiz: Quiz, settings: QuizSettings) -> None:
    """Copy checked settings onto a quiz row."""
    _check(settings)
    quiz.banks = [bank_for(user_id, bid) for bid in dict.fromkeys(settings.bank_ids)]
    quiz.title, quiz.description = settings.title.strip()[:200], settings.description.strip()
    quiz.mode, quiz.question_count = settings.mode, settings.question_count
    quiz.book = settings.book
    quiz.tag_filter = clean_tags(settings.tag_filter)
    quiz.type_filter = list(dict.fromkeys(settings.type_filter))
    quiz.attempts_allowed, quiz.shuffle = settings.attempts_allowed, settings.shuffle
    quiz.opens_at, quiz.closes_at = settings.opens_at, settings.closes_at
    quiz.time_limit_minutes, quiz.open_to_guests = settings.time_limit_minutes, bool(
        settings.open_to_guests
    )


def create_quiz(owner_id: int, settings: QuizSettings) -> Quiz:
    """Create an unpublished quiz."""
    quiz = Quiz(owner_id=owner_id, published=False)
    _apply(owner_id, quiz, settings)
    db.session.add(quiz)
    db.session.commit()
    return quiz


def update_quiz(user_id: int, quiz_id: int, settings: QuizSettings) -> Quiz:
    """Change a quiz's settings; attempts already started keep their questions."""
    quiz = quiz_for(user_id, quiz_id)
    _apply(user_id, quiz, settings)
    close_quiz(quiz)  # closed by the new close time: its attempts in progress are submitted
    db.session.commit()
    return quiz


def available_questions(quiz: Quiz) -> tuple[int, int]:
    """Return how many approved questions match the quiz, and how many an attempt draws."""
    available = len(eligible_question_ids([quiz.id])[quiz.id])
    return available, drawn_count(quiz, available)


def set_published(user_id: int, quiz_id: int, published: bool) -> Quiz:
    """Publish a quiz that has questions to draw, or unpublish it."""
    quiz = quiz_for(user_id, quiz_id)
    if published and available_questions(quiz)[0] == 0:
        raise Conflict(
            "No approved question matches this quiz yet: approve some drafts or widen the filters."
        )
    quiz.published = published
    close_quiz(quiz)  # unpublished: its attempts in progress are submitted with their answers
    db.session.commit()
    return quiz
