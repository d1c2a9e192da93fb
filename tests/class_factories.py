"""Factories for classes: a class taught by an instructor, a student in it, a quiz assigned."""

from __future__ import annotations

from quizapp.extensions import db
from quizapp.models import Assignment, Bank, Course, Enrolment, User, class_instructors
from quizapp.services import answers, attempts
from tests.factories import make_quiz


def make_class(owner: User, name: str = "Year 10 media", timezone: str = "Europe/London",
               code: str = "JOINME42") -> Course:  # fmt: skip
    """Store a class taught by `owner` and return it."""
    course = Course(name=name, timezone=timezone, join_code=code)
    db.session.add(course)
    db.session.flush()
    db.session.execute(class_instructors.insert().values(class_id=course.id, user_id=owner.id))
    db.session.commit()
    return course


def enrol(course: Course, *students: User) -> None:
    """Put students in a class."""
    for student in students:
        db.session.add(Enrolment(class_id=course.id, user_id=student.id))
    db.session.commit()


def assign(course: Course, bank: Bank, owner: User, opens_at=None, due_at=None,
           **fields) -> Assignment:  # fmt: skip
    """Store a published class-only quiz over the bank, assigned to the class (UTC dates)."""
    values = {"title": "Class quiz", "open_to_guests": False}
    values.update(fields)
    quiz = make_quiz([bank], owner, **values)
    assignment = Assignment(class_id=course.id, quiz_id=quiz.id, opens_at=opens_at, due_at=due_at)
    db.session.add(assignment)
    db.session.commit()
    return assignment


def class_world(owner: User, student: User, bank: Bank) -> dict:
    """A class of `owner` with `student` in it, a timed quiz assigned, a finished attempt."""
    course = make_class(owner)
    enrol(course, student)
    assignment = assign(course, bank, owner, time_limit_minutes=30)
    attempt = attempts.start_attempt(assignment.quiz_id, student.id)
    answers.answer_question(attempt.id, student.id, 1, "the Red Cross")
    attempts.finish_attempt(attempt.id, student.id)
    return {
        "class": course.id,
        "code": course.join_code,
        "class_quiz": assignment.quiz_id,
        "assignment": assignment.id,
        "class_attempt": attempt.id,
        "stu": student.id,
    }
