"""Time accepting an appeal "for every student": one question with 10,000 responses regraded.

Run: .venv/bin/python benchmarks/bench_regrade.py [POSTGRESQL_URL]
Always runs on a temporary SQLite file; also on PostgreSQL when a URL is given (its schema is
upgraded; the benchmark's rows are added, tagged, beside whatever is there, analysed as
autovacuum would after a bulk insert, and deleted at the end).
Target (issue 15): regrading a question with 10,000 responses takes under 10 s on each engine.
The figure is wall time; the CPU time of this process (the scorer, SQLAlchemy, and SQLite's
own work; not the PostgreSQL server's) is printed beside it, since a shared machine's wall time
can be several times its CPU time.

The timed call is the whole use-case, `mark_reviews.accept(..., add_variant=True)`: load the
case, add the answer to the question's accepted answers, rescore every response to the question,
write the changed marks and their audit rows in batches, store again the total of every attempt
concerned, close the appeals it answers, and commit. Each response sits in an attempt of 5
questions, so the totals sum real rows. Every response starts marked wrong. Three cases:

- typical: the appealed answer in 20 spellings (half the responses), the rest from 500 distinct
  wrong answers; 5,000 marks change.
- scoring: 10,000 distinct wrong answers, none of which the new variant makes right: the scorer
  runs 10,000 times and nothing changes (the most scoring).
- writing: 10,000 distinct spellings of the appealed answer: every mark changes, so 10,000
  rows are updated and audited and 10,000 totals stored again (the most writing).
"""

from __future__ import annotations

import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

from sqlalchemy import delete, func, insert, select, text

from quizapp import create_app
from quizapp.extensions import db, dispose_engines
from quizapp.models import Attempt, MarkChange, Question, Quiz, Response, User, utcnow
from quizapp.services import mark_reviews
from quizapp.services.banks import add_bank
from tests.factories import sample_bank

RESPONSES, PER_ATTEMPT, ATTEMPTS_EACH = 10_000, 5, 5
CASES = ("typical", "scoring", "writing")
APPEALED = "the humanitarian group"


def spellings(text: str, count: int) -> list[str]:
    """Return `count` distinct spellings of a text that differ only in letter case."""
    letters = [i for i, c in enumerate(text) if c.isalpha()]
    out = []
    for n in range(count):
        chars = list(text)
        for bit, i in enumerate(letters):
            if n >> bit & 1:
                chars[i] = chars[i].upper()
        out.append("".join(chars))
    return out


def answers_for(case: str) -> list[str]:
    """Return the answer of each response to the regraded question (all stored as wrong)."""
    bodies = ("city", "county", "town", "parish", "ward")
    wrong = [f"the {w} council of district {i}" for i in range(RESPONSES) for w in bodies]
    if case == "typical":
        same = spellings(APPEALED, 20)
        return [same[i % 20] if i % 2 else wrong[i % 500] for i in range(RESPONSES)]
    if case == "scoring":
        return wrong[:RESPONSES]
    return spellings(APPEALED, RESPONSES)


def given_answers(case: str) -> list[str]:
    """Return the stored answers: the first response (the appeal) gives the appealed answer."""
    return [APPEALED, *answers_for(case)[1:]]


def build(case: str, tag: str) -> tuple[int, int, int]:
    """Insert a bank, a quiz, students, attempts and responses; return (user, response, q)."""
    owner = User(username=f"{tag}-prof", role="instructor")
    db.session.add(owner)
    db.session.flush()
    bank = add_bank(sample_bank(f"Bench {tag}"), owner.id, status="approved")
    quiz = Quiz(owner_id=owner.id, title=f"Bench {tag}", banks=[bank], published=True)
    db.session.add(quiz)
    db.session.flush()
    questions: list[Question] = bank.questions[:PER_ATTEMPT]
    target = next(q for q in questions if q.type == "source")
    students = RESPONSES // ATTEMPTS_EACH
    users = [{"username": f"{tag}-s{i:05d}", "role": "student"} for i in range(students)]
    uids = list(db.session.execute(insert(User).returning(User.id), users).scalars())
    qids = [q.id for q in questions]
    start = utcnow() - timedelta(days=1)
    rows = [{"quiz_id": quiz.id, "user_id": uid, "question_ids": qids, "started_at": start,
             "finished_at": start + timedelta(minutes=5), "score": 0.0,
             "max_score": float(len(qids)), "mode": "practice"}
            for uid in uids for _ in range(ATTEMPTS_EACH)]  # fmt: skip
    aids = list(db.session.execute(insert(Attempt).returning(Attempt.id), rows).scalars())
    given = given_answers(case)
    responses = []
    for n, aid in enumerate(aids):
        for q in questions:
            answer = given[n] if q.id == target.id else "x"
            responses.append({"attempt_id": aid, "question_id": q.id, "answer": answer,
                              "correct": False, "credit": 0.0,
                              "reason": "", "unsure": False, "hand_marked": False})  # fmt: skip
    for i in range(0, len(responses), 5000):
        db.session.execute(insert(Response), responses[i : i + 5000])
    appealed = db.session.execute(
        select(Response.id).where(Response.question_id == target.id).order_by(Response.id)
    ).scalars().first()
    db.session.commit()
    return owner.id, appealed, target.id


def run(url: str, case: str) -> None:
    """Build one case on one database, time the accept, and print the figures."""
    app = create_app({"TESTING": True, "SECRET_KEY": "bench", "LOAD_DEMO": False,
                      "RATELIMIT_ENABLED": False, "DATABASE_URL": url})  # fmt: skip
    with app.app_context():
        from quizapp.services.setup import upgrade_database

        upgrade_database()
        tag = f"rg{time.time_ns()}"
        owner, appealed, qid = build(case, tag)
        with db.engine.begin() as conn:  # the statistics autovacuum keeps after bulk inserts
            conn.execute(text("ANALYZE"))
        db.session.remove()
        start, cpu = time.perf_counter(), time.process_time()
        decision = mark_reviews.accept(appealed, owner, add_variant=True, reply="Fair answer.")
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
        regrade = decision.regrade
        distinct = len(set(given_answers(case)))
        audited = db.session.execute(
            select(func.count()).select_from(MarkChange)
            .join(Response, Response.id == MarkChange.response_id)
            .where(Response.question_id == qid)
        ).scalar_one()  # fmt: skip
        verdict = "OK" if seconds < 10 else "MISSED"
        print(f"{db.engine.dialect.name:10} {case:8} {regrade.scanned:6} responses, "
              f"{distinct:6} distinct answers, {regrade.changed:6} other marks changed, "
              f"{audited:6} audit rows, {regrade.attempts:6} totals: {seconds:6.2f} s "
              f"(this process's CPU {cpu:5.2f} s)  "
              f"(target < 10 s: {verdict})")  # fmt: skip
        db.session.execute(delete(Quiz).where(Quiz.title == f"Bench {tag}"))  # and its rows
        db.session.execute(delete(User).where(User.username.startswith(f"{tag}-")))
        db.session.commit()
        db.session.remove()
        dispose_engines()


def main() -> None:
    """Run both cases on SQLite, then on PostgreSQL when a URL is given."""
    urls = [f"sqlite:///{Path(tempfile.mkdtemp()) / 'bench.sqlite'}"] + sys.argv[1:2]
    for url in urls:
        for case in CASES:
            run(url, case)


if __name__ == "__main__":
    main()
