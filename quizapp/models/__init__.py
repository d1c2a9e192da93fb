"""Typed SQLAlchemy 2 models: rows and their small invariants, no use-cases."""

# Importing the package imports every module, so every table is on db.metadata (which the app,
# tests and Alembic's env.py read); `from quizapp.models import X` names any of them.
from .banks import RETIRED, STATUSES, Bank, Evidence, Question, Source, bank_shares
from .classes import Assignment, Course, Enrolment, ExtraTime, class_instructors
from .clock import utcnow
from .marks import APPEAL_STATUSES, CHANGE_KINDS, Appeal, MarkChange
from .quizzes import (
    AWAITING_REVIEW,
    BOOKS,
    MODES,
    Attempt,
    Quiz,
    Response,
    quiz_banks,
    quiz_shares,
)
from .users import ROLES, Roles, SessionKey, User, UserSnapshot, new_session_token

__all__ = [
    "APPEAL_STATUSES",
    "AWAITING_REVIEW",
    "BOOKS",
    "CHANGE_KINDS",
    "MODES",
    "RETIRED",
    "ROLES",
    "STATUSES",
    "Appeal",
    "Assignment",
    "Attempt",
    "Bank",
    "Course",
    "Enrolment",
    "Evidence",
    "ExtraTime",
    "MarkChange",
    "Question",
    "Quiz",
    "Response",
    "Roles",
    "SessionKey",
    "Source",
    "User",
    "UserSnapshot",
    "bank_shares",
    "class_instructors",
    "new_session_token",
    "quiz_banks",
    "quiz_shares",
    "utcnow",
]
