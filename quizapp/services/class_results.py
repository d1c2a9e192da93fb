"""Results per class and per student: the class gradebook, one student's attempts, the grades
CSV an LMS imports, and a quiz's response matrix (students by questions).

Preview attempts (the owner trying a quiz) are never counted.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field

from sqlalchemy import select

from ..extensions import db
from ..models import Attempt, Course, Enrolment, Question, Quiz, Response, User
from . import NotFound
from .attempt_reviews import Review, review
from .classes import class_for, class_student
from .results import fraction, safe_cell
from .sharing import quiz_for
from .timing import close_overdue


@dataclass
class StudentGrades:
    """One student's best mark (0..1) per assigned quiz, and attempt counts."""

    user: User
    best: dict[int, float | None] = field(default_factory=dict)
    attempts: dict[int, int] = field(default_factory=dict)


def _quizzes(course: Course) -> list[Quiz]:
    return [a.quiz for a in course.assignments]


def _students(course: Course) -> list[User]:
    stmt = (
        select(User)
        .join(Enrolment, Enrolment.user_id == User.id)
        .where(Enrolment.class_id == course.id)
        .order_by(User.username)
    )
    return list(db.session.execute(stmt).scalars())


def class_gradebook(user_id: int, class_id: int) -> tuple[Course, list[Quiz], list[StudentGrades]]:
    """Return a class, its assigned quizzes and each enrolled student's best marks."""
    course = class_for(user_id, class_id)
    quizzes = _quizzes(course)
    students = _students(course)
    quiz_ids = [q.id for q in quizzes]
    close_overdue(quiz_ids)
    rows = {s.id: StudentGrades(s, dict.fromkeys(quiz_ids), dict.fromkeys(quiz_ids, 0))
            for s in students}  # fmt: skip
    if quiz_ids and rows:
        stmt = select(Attempt.user_id, Attempt.quiz_id, Attempt.score, Attempt.max_score).where(
            Attempt.quiz_id.in_(quiz_ids),
            Attempt.user_id.in_(list(rows)),
            Attempt.finished_at.is_not(None),
            Attempt.preview.is_(False),
            Attempt.retry_of_id.is_(None),
        )
        for uid, qid, score, max_score in db.session.execute(stmt):
            mark = fraction(score, max_score) or 0.0
            row = rows[uid]
            row.attempts[qid] += 1
            row.best[qid] = mark if row.best[qid] is None else max(row.best[qid], mark)
    return course, quizzes, list(rows.values())


def grades_csv(user_id: int, class_id: int) -> tuple[Course, str]:
    """Return a class's grades as CSV: username, email, id, then a percentage per quiz."""
    course, quizzes, rows = class_gradebook(user_id, class_id)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["Username", "Email", "ID", "Name"] + [f"{q.title} (%)" for q in quizzes])
    for row in rows:
        marks = ["" if row.best[q.id] is None else f"{row.best[q.id] * 100:.1f}" for q in quizzes]
        cells = [row.user.username, row.user.email or "", row.user.id,
                 row.user.display_name or ""] + marks  # fmt: skip
        writer.writerow([safe_cell(c) for c in cells])
    return course, out.getvalue()


def student_attempts(
    user_id: int, class_id: int, student_id: int
) -> tuple[Course, User, list[Attempt]]:
    """Return a class, one of its students and her attempts at the class's quizzes."""
    course, student = class_student(user_id, class_id, student_id)
    quiz_ids = [a.quiz_id for a in course.assignments]
    close_overdue(quiz_ids, student.id)
    stmt = (
        select(Attempt)
        .where(
            Attempt.user_id == student.id,
            Attempt.quiz_id.in_(quiz_ids),
            Attempt.preview.is_(False),
        )
        .order_by(Attempt.started_at.desc(), Attempt.id.desc())
    )
    return course, student, list(db.session.execute(stmt).scalars())


def student_attempt(
    user_id: int, class_id: int, attempt_id: int
) -> tuple[Course, User, Review]:
    """Return a class, the student and the review of her attempt, with every response."""
    attempt = db.session.get(Attempt, attempt_id)
    if attempt is None or attempt.preview:
        raise NotFound("No such attempt.")
    course, student = class_student(user_id, class_id, attempt.user_id)
    if attempt.quiz_id not in {a.quiz_id for a in course.assignments}:
        raise NotFound("No such attempt.")
    return course, student, review(attempt.id, student.id)


@dataclass
class Matrix:
    """Students by questions: each cell the latest finished attempt's verdict on a question."""

    quiz: Quiz
    questions: list[tuple[int, str]]  # (id, prompt)
    rows: list[tuple[str, int, dict[int, str]]]  # (username, attempt id, cell by question id)


def response_matrix(user_id: int, quiz_id: int) -> Matrix:
    """Return the quiz's response matrix over each student's latest finished attempt.

    A cell is "right", "partly", "wrong", "blank" (drawn, not answered) or "" (not drawn).
    """
    quiz = quiz_for(user_id, quiz_id)
    close_overdue([quiz.id])
    stmt = (
        select(Attempt.id, Attempt.user_id, Attempt.question_ids, User.username)
        .join(User, User.id == Attempt.user_id)
        .where(Attempt.quiz_id == quiz.id, Attempt.finished_at.is_not(None),
               Attempt.preview.is_(False), Attempt.retry_of_id.is_(None))
        .order_by(Attempt.finished_at, Attempt.id)
    )  # fmt: skip
    latest: dict[int, tuple[int, list[int], str]] = {}
    for aid, uid, qids, username in db.session.execute(stmt):
        latest[uid] = (aid, list(qids or []), username)
    attempt_ids = [aid for aid, _, _ in latest.values()]
    cells: dict[int, dict[int, str]] = {aid: {} for aid in attempt_ids}
    if attempt_ids:
        responses = select(
            Response.attempt_id, Response.question_id, Response.correct, Response.credit
        ).where(Response.attempt_id.in_(attempt_ids))
        for aid, qid, correct, credit in db.session.execute(responses):
            cells[aid][qid] = "right" if correct else ("partly" if credit > 0 else "wrong")
    seen: list[int] = []
    for aid, qids, _ in latest.values():
        for qid in qids:
            if qid not in seen:
                seen.append(qid)
            cells[aid].setdefault(qid, "blank")
    prompts = dict(
        db.session.execute(select(Question.id, Question.prompt).where(Question.id.in_(seen))).all()
    )
    questions = [(qid, prompts[qid]) for qid in sorted(seen) if qid in prompts]
    rows = sorted(
        ((username, aid, cells[aid]) for aid, _, username in latest.values()),
        key=lambda r: r[0].lower(),
    )
    return Matrix(quiz, questions, rows)
