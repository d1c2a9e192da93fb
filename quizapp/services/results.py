"""Results of a quiz: the gradebook, item statistics, the most missed questions, a CSV export."""

from __future__ import annotations

import csv
import io
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from ..core.statistics import ItemStats, item_statistics, most_missed
from ..extensions import db
from ..models import Attempt, Bank, Question, Quiz, Response, User
from .closing import is_closed, settle
from .sharing import quiz_for, readable_banks
from .timing import close_overdue

CSV_HEADER = (
    "student", "role", "attempt", "attempt_id", "mode", "started_at", "finished_at",
    "question_id", "question_type", "prompt", "answer", "correct", "credit", "reason",
    "answered_at", "seconds",
)  # fmt: skip
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclass
class GradeRow:
    """One student's standing in a quiz: scores are fractions 0..1."""

    username: str
    role: str
    finished: int
    in_progress: int
    best: float | None
    last: float | None
    last_finished_at: datetime | None
    practice: int = 0  # finished practice of missed questions: never a best or last score


@dataclass
class ItemRow:
    """A question's statistics with what students most often answered wrongly."""

    question_id: int
    prompt: str
    type: str
    stats: ItemStats
    common_wrong: str | None
    common_wrong_count: int


def fraction(score: float | None, max_score: float) -> float | None:
    """Return a score as a fraction of the maximum."""
    if score is None:
        return None
    return score / max_score if max_score else 0.0


def gradebook(user_id: int, quiz_id: int) -> tuple[Quiz, list[GradeRow]]:
    """Return a quiz and its students, best score first (a fixed number of queries)."""
    quiz = quiz_for(user_id, quiz_id)
    if is_closed(quiz):
        settle({quiz.id})  # attempts still in progress at a closed quiz are submitted
    close_overdue([quiz_id])
    stmt = (
        select(User.id, User.username, User.role, Attempt.score, Attempt.max_score,
               Attempt.finished_at, Attempt.retry_of_id)
        .join(User, User.id == Attempt.user_id)
        .where(Attempt.quiz_id == quiz_id, Attempt.preview.is_(False))
        .order_by(Attempt.user_id, Attempt.started_at, Attempt.id)
    )  # fmt: skip
    rows: dict[int, GradeRow] = {}
    for uid, username, role, score, max_score, finished_at, retry_of in db.session.execute(stmt):
        row = rows.setdefault(uid, GradeRow(username, role, 0, 0, None, None, None))
        if retry_of is not None:  # practice over the questions an attempt missed
            row.practice += finished_at is not None
            continue
        if finished_at is None:
            row.in_progress += 1
            continue
        mark = fraction(score, max_score) or 0.0
        row.finished += 1
        row.best = mark if row.best is None else max(row.best, mark)
        row.last, row.last_finished_at = mark, finished_at
    ranked = sorted(rows.values(), key=lambda r: (-(r.best or -1), r.username.lower()))
    return quiz, ranked


def _marks(quiz_id: int) -> tuple[list[dict[int, float]], dict[int, Counter]]:
    """Return each finished attempt's marks by question, and the wrong answers by question."""
    attempts = select(Attempt.id, Attempt.question_ids).where(
        Attempt.quiz_id == quiz_id, Attempt.finished_at.is_not(None), Attempt.preview.is_(False)
    )
    marks = {aid: dict.fromkeys(qids or [], 0.0) for aid, qids in db.session.execute(attempts)}
    responses = (
        select(Response.attempt_id, Response.question_id, Response.credit, Response.correct,
               Response.answer)
        .join(Attempt, Attempt.id == Response.attempt_id)
        .where(Attempt.quiz_id == quiz_id, Attempt.finished_at.is_not(None),
               Attempt.preview.is_(False))
    )  # fmt: skip
    wrong: dict[int, Counter] = defaultdict(Counter)
    for aid, qid, credit, correct, answer in db.session.execute(responses):
        marks[aid][qid] = credit or 0.0
        if not correct and answer and answer.strip():
            wrong[qid][" ".join(answer.split())[:200]] += 1
    return list(marks.values()), wrong


def item_report(user_id: int, quiz_id: int) -> tuple[Quiz, list[ItemRow], list[ItemRow], int]:
    """Return a quiz, its per-question statistics, the most missed, and the attempts counted."""
    quiz = quiz_for(user_id, quiz_id)
    attempts, wrong = _marks(quiz_id)
    stats = item_statistics(attempts)
    ids = [int(k) for k in stats]  # type: ignore[call-overload]
    questions = {
        q.id: q
        for q in db.session.execute(
            select(Question.id, Question.prompt, Question.type).where(Question.id.in_(ids))
        )
    }
    items = []
    for qid in ids:
        if qid not in questions:
            continue
        common = wrong[qid].most_common(1)
        items.append(
            ItemRow(
                qid,
                questions[qid].prompt,
                questions[qid].type,
                stats[qid],
                common[0][0] if common else None,
                common[0][1] if common else 0,
            )
        )
    items.sort(key=lambda row: row.question_id)
    missed_keys = [s.key for s in most_missed(row.stats for row in items)]
    by_id = {row.question_id: row for row in items}
    return quiz, items, [by_id[k] for k in missed_keys], len(attempts)  # type: ignore[index]


def safe_cell(value: object) -> object:
    """Defuse a text cell a spreadsheet would run as a formula, by prefixing a quote."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _stamp(value: datetime | None) -> str:
    """Return a timestamp as ISO text, or empty."""
    return value.isoformat(timespec="seconds") if value else ""


def responses_csv(user_id: int, quiz_id: int) -> tuple[Quiz, str]:
    """Return a quiz and every response to it as CSV, one row per answer."""
    quiz = quiz_for(user_id, quiz_id)
    stmt = (
        select(User.username, User.role, Attempt.id, Attempt.user_id, Attempt.mode,
               Attempt.started_at, Attempt.finished_at, Question.id, Question.type,
               Question.prompt, Response.answer, Response.correct, Response.credit,
               Response.reason, Response.answered_at, Response.seconds,
               readable_banks(user_id).label("readable"))
        .join(Attempt, Attempt.id == Response.attempt_id)
        .join(User, User.id == Attempt.user_id)
        .join(Question, Question.id == Response.question_id)
        .join(Bank, Bank.id == Question.bank_id)
        .where(Attempt.quiz_id == quiz_id, Attempt.preview.is_(False))
        .order_by(User.username, Attempt.started_at, Attempt.id, Response.answered_at, Response.id)
    )  # fmt: skip
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_HEADER)
    numbers: dict[int, dict[int, int]] = defaultdict(dict)
    for row in db.session.execute(stmt):
        (username, role, attempt_id, uid, mode, started, finished, qid, qtype, prompt,
         answer, correct, credit, reason, answered_at, seconds, readable) = row  # fmt: skip
        if not readable:  # a bank no longer shared with this instructor: its reasons tell keys
            reason = ""
        number = numbers[uid].setdefault(attempt_id, len(numbers[uid]) + 1)
        cells = [username, role, number, attempt_id, mode, _stamp(started), _stamp(finished),
                 qid, qtype, prompt, answer, "yes" if correct else "no", f"{credit:g}", reason,
                 _stamp(answered_at), "" if seconds is None else f"{seconds:g}"]  # fmt: skip
        writer.writerow([safe_cell(c) for c in cells])
    return quiz, out.getvalue()
