"""History: a student's attempts, their answer counts, and how well each skill was answered.

Every function here runs a fixed number of queries, however many attempts or questions.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import case, func, select
from sqlalchemy.orm import selectinload

from ..extensions import db
from ..models import Attempt, Question, Quiz, Response
from .closing import is_closed, settle

#: The skills the history breaks down, one per question type.
SKILLS = ("source", "figure", "date", "verdict", "evidence", "attribution", "discrepancy")
SKILL_LABELS = {
    "source": "Finding the source",
    "figure": "Reading figures",
    "date": "Reading dates",
    "verdict": "Judging statements",
    "evidence": "Finding the evidence",
    "attribution": "Weighing attribution",
    "discrepancy": "Spotting discrepancies",
    "text": "Other questions",
}
WEAK_SHARE = 0.6


@dataclass
class SkillStat:
    """How often the student got one type of question right."""

    skill: str
    right: int
    total: int

    @property
    def label(self) -> str:
        return SKILL_LABELS.get(self.skill, self.skill.capitalize())

    @property
    def share(self) -> float:
        return self.right / self.total if self.total else 0.0


@dataclass
class History:
    """Every attempt of a student (newest first) and a breakdown by skill."""

    attempts: list[Attempt]
    answered: dict[int, int]
    skills: list[SkillStat]

    @property
    def finished(self) -> list[Attempt]:
        """Return the finished whole-quiz attempts, oldest first (the chart's order)."""
        done = (a for a in self.attempts if a.finished and a.retry_of_id is None)
        return sorted(done, key=lambda a: a.finished_at)

    @property
    def practice(self) -> list[Attempt]:
        """Return the finished practice of missed questions, oldest first (plotted apart)."""
        done = (a for a in self.attempts if a.finished and a.retry_of_id is not None)
        return sorted(done, key=lambda a: a.finished_at)

    @property
    def weak(self) -> list[SkillStat]:
        """Return the skills answered right less often than WEAK_SHARE, weakest first."""
        return sorted((s for s in self.skills if s.share < WEAK_SHARE), key=lambda s: s.share)


def history(user_id: int) -> History:
    """Return the user's attempts with their quizzes, answer counts and skills (3 queries)."""
    stmt = (
        select(Attempt)
        .where(Attempt.user_id == user_id)
        .options(
            selectinload(Attempt.quiz).load_only(
                Quiz.id, Quiz.title, Quiz.published, Quiz.closes_at
            )
        )
        .order_by(Attempt.started_at.desc(), Attempt.id.desc())
    )
    attempts = list(db.session.execute(stmt).scalars())
    closed = {a.quiz_id for a in attempts if not a.finished and is_closed(a.quiz)}
    if closed and settle(closed):  # attempts at quizzes closed since: submitted
        attempts = list(db.session.execute(stmt).scalars())
    stmt = (
        select(Response.attempt_id, func.count(Response.id))
        .join(Attempt, Attempt.id == Response.attempt_id)
        .where(Attempt.user_id == user_id)
        .group_by(Response.attempt_id)
    )
    answered = {aid: n for aid, n in db.session.execute(stmt)}
    stmt = (
        select(
            Question.type, func.count(Response.id), func.sum(case((Response.correct, 1), else_=0))
        )
        .join(Response, Response.question_id == Question.id)
        .join(Attempt, Attempt.id == Response.attempt_id)
        .where(
            Attempt.user_id == user_id,
            (Attempt.finished_at.is_not(None)) | (Attempt.mode == "practice"),
        )
        .group_by(Question.type)
    )
    counts = {
        qtype: (int(right or 0), int(total)) for qtype, total, right in db.session.execute(stmt)
    }
    order = list(SKILLS) + sorted(set(counts) - set(SKILLS))
    skills = [SkillStat(s, *counts[s]) for s in order if s in counts]
    return History(attempts, answered, skills)
