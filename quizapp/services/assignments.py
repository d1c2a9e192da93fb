"""Assignments: quizzes set for classes, and who may take a quiz.

Who may take a published quiz:
- a quiz open to guests: anyone, anonymous visitors too (they become guests);
- otherwise, a quiz assigned to classes: the students enrolled in one of them (while that
  class's assignment is open), the classes' instructors and the quiz's owner;
- otherwise: anyone with an account (students and instructors, not guests).
Assigning a quiz to a class turns its "open to guests" flag off.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import joinedload

from ..core.classes.timing import TimeZoneError, local_label, to_utc
from ..extensions import db
from ..models import Assignment, Course, Enrolment, Quiz, User, class_instructors, utcnow
from . import Forbidden, NotFound, ServiceError
from .classes import class_for
from .sharing import quiz_for

GUESTS_REFUSED = "This quiz is for signed-in students: log in or register to take it."
CLASS_ONLY = "This quiz is for the students of its class. Join the class with its code first."


@dataclass
class AssignedQuiz:
    """A quiz assigned to one of a student's classes, dated in that class's time zone."""

    assignment: Assignment
    course: Course
    quiz: Quiz
    opens: str
    due: str
    state: str  # "upcoming", "open" or "closed"


def state_of(assignment: Assignment, now: datetime) -> str:
    """Return whether an assignment is upcoming, open or closed (past its due date)."""
    if assignment.opens_at and now < assignment.opens_at:
        return "upcoming"
    if assignment.due_at and now > assignment.due_at:
        return "closed"
    return "open"


def assign_quiz(
    user_id: int,
    class_id: int,
    quiz_id: int,
    opens_local: datetime | None,
    due_local: datetime | None,
) -> Assignment:
    """Assign a quiz to a class (or change its dates); dates are in the class's time zone."""
    course = class_for(user_id, class_id)
    quiz = quiz_for(user_id, quiz_id)
    try:
        opens, due = to_utc(opens_local, course.timezone), to_utc(due_local, course.timezone)
    except TimeZoneError as exc:
        raise ServiceError(str(exc)) from None
    if opens and due and due <= opens:
        raise ServiceError("The due date must come after the opening date.")
    stmt = select(Assignment).where(
        Assignment.class_id == course.id, Assignment.quiz_id == quiz.id
    )
    assignment = db.session.execute(stmt).scalar_one_or_none()
    if assignment is None:
        assignment = Assignment(class_id=course.id, quiz_id=quiz.id)
        db.session.add(assignment)
    assignment.opens_at, assignment.due_at = opens, due
    quiz.open_to_guests = False
    db.session.commit()
    return assignment


def unassign_quiz(user_id: int, class_id: int, assignment_id: int) -> None:
    """Take a quiz off a class (attempts stay)."""
    class_for(user_id, class_id)
    assignment = db.session.get(Assignment, assignment_id)
    if assignment is None or assignment.class_id != class_id:
        raise NotFound("No such assignment.")
    db.session.delete(assignment)
    db.session.commit()


def set_open_to_guests(user_id: int, quiz_id: int, open_to_guests: bool) -> Quiz:
    """Let guests take a quiz (or not)."""
    quiz = quiz_for(user_id, quiz_id)
    quiz.open_to_guests = open_to_guests
    db.session.commit()
    return quiz


def _assignments_of(quiz_id: int) -> list[Assignment]:
    stmt = select(Assignment).where(Assignment.quiz_id == quiz_id)
    return list(db.session.execute(stmt).scalars())


def refusal(quiz: Quiz, user: User | None) -> str | None:
    """Return why this visitor may not take the quiz, or None when they may."""
    if quiz.open_to_guests:
        return None
    if user is None or user.role == "guest":
        return GUESTS_REFUSED
    if quiz.owner_id is not None and quiz.owner_id == user.id:
        return None
    assigned = _assignments_of(quiz.id)
    if not assigned:
        return None
    class_ids = [a.class_id for a in assigned]
    teaching = select(class_instructors.c.class_id).where(
        class_instructors.c.class_id.in_(class_ids), class_instructors.c.user_id == user.id
    )
    if db.session.execute(teaching).first() is not None:
        return None
    mine = set(
        db.session.execute(
            select(Enrolment.class_id).where(
                Enrolment.class_id.in_(class_ids), Enrolment.user_id == user.id
            )
        ).scalars()
    )
    if not mine:
        return CLASS_ONLY
    now = utcnow()
    states = {state_of(a, now) for a in assigned if a.class_id in mine}
    if "open" in states:
        return None
    if "upcoming" in states:
        return "This quiz is not open for your class yet."
    return "This quiz was due for your class: it is closed."


def check_may_take(quiz_id: int, user_id: int | None) -> None:
    """Raise Forbidden (with the reason) unless the user may take the quiz; NotFound if none."""
    quiz = db.session.get(Quiz, quiz_id)
    if quiz is None:
        raise NotFound("There is no such quiz.")
    user = db.session.get(User, user_id) if user_id is not None else None
    reason = refusal(quiz, user)
    if reason is not None:
        raise Forbidden(reason)


def class_only_quiz_ids(quiz_ids: list[int]) -> set[int]:
    """Return which of the quizzes are not open to guests and assigned to a class."""
    if not quiz_ids:
        return set()
    stmt = (
        select(Assignment.quiz_id)
        .join(Quiz, Quiz.id == Assignment.quiz_id)
        .where(Assignment.quiz_id.in_(quiz_ids), Quiz.open_to_guests.is_(False))
    )
    return set(db.session.execute(stmt).scalars())


def assigned_to(student_id: int) -> list[AssignedQuiz]:
    """Return the published quizzes assigned to a student's classes, soonest due first."""
    stmt = (
        select(Assignment)
        .join(Enrolment, Enrolment.class_id == Assignment.class_id)
        .join(Quiz, Quiz.id == Assignment.quiz_id)
        .where(Enrolment.user_id == student_id, Quiz.published.is_(True))
        .options(joinedload(Assignment.course), joinedload(Assignment.quiz))
    )
    now = utcnow()
    rows = [
        AssignedQuiz(
            a,
            a.course,
            a.quiz,
            local_label(a.opens_at, a.course.timezone),
            local_label(a.due_at, a.course.timezone),
            state_of(a, now),
        )
        for a in db.session.execute(stmt).scalars()
    ]
    order = {"open": 0, "upcoming": 1, "closed": 2}
    rows.sort(key=lambda r: (order[r.state], r.assignment.due_at or datetime.max, r.quiz.title))
    return rows


def class_assignments(course: Course) -> list[tuple[Assignment, str, str, str]]:
    """Return a class's assignments with their dates in its time zone and their state."""
    now = utcnow()
    return [
        (a, local_label(a.opens_at, course.timezone), local_label(a.due_at, course.timezone),
         state_of(a, now))
        for a in course.assignments
    ]  # fmt: skip

