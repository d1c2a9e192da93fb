"""Time the gradebook of a quiz with 500 students and 3 attempts each (bulk-inserted rows).

Run: .venv/bin/python benchmarks/bench_gradebook.py [DATABASE_URL]  (default: a temporary SQLite)
Target: the gradebook renders in under 300 ms with a fixed number of queries. Also prints the
question statistics page and the CSV export for reference.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

from sqlalchemy import event, insert

from quizapp import create_app
from quizapp.extensions import db, dispose_engines
from quizapp.models import Attempt, Bank, Question, Quiz, Response, User, utcnow
from quizapp.services.accounts import create_user
from quizapp.services.setup import upgrade_database

STUDENTS, ATTEMPTS, QUESTIONS = 500, 3, 10
PASSWORD = "long enough password"


def build(owner: User) -> Quiz:
    """Insert a bank, a quiz, the students, their attempts and responses in bulk."""
    tag = owner.username
    bank = Bank(owner_id=owner.id, title="Bench bank", tags=[])
    quiz = Quiz(owner_id=owner.id, title="Bench quiz", banks=[bank], published=True)
    db.session.add_all([bank, quiz])
    db.session.flush()
    qrows = [{"bank_id": bank.id, "position": i, "type": "text", "prompt": f"Question {i}?",
              "answer": "yes", "status": "approved"} for i in range(QUESTIONS)]  # fmt: skip
    qids = sorted(db.session.execute(insert(Question).returning(Question.id), qrows).scalars())
    users = [{"username": f"{tag}-s{i:03d}", "role": "student"} for i in range(STUDENTS)]
    uids = sorted(db.session.execute(insert(User).returning(User.id), users).scalars())
    now = utcnow()
    attempts = []
    for n, uid in enumerate(uids):
        for k in range(ATTEMPTS):
            score = float((n + k) % (QUESTIONS + 1))
            started = now - timedelta(days=1) + timedelta(minutes=k * 10)
            attempts.append({"quiz_id": quiz.id, "user_id": uid, "question_ids": qids,
                             "started_at": started, "finished_at": started + timedelta(minutes=5),
                             "score": score, "max_score": float(QUESTIONS),
                             "mode": "practice"})  # fmt: skip
    returned = db.session.execute(insert(Attempt).returning(Attempt.id, Attempt.score), attempts)
    responses = [
        {"attempt_id": aid, "question_id": qid, "answer": "yes" if j < score else "no",
         "correct": j < score, "credit": 1.0 if j < score else 0.0, "reason": ""}
        for aid, score in returned
        for j, qid in enumerate(qids)
    ]  # fmt: skip
    db.session.execute(insert(Response), responses)
    db.session.commit()
    return quiz


def timed(client, url: str, runs: int = 7) -> tuple[float, float, int, int]:
    """Return the median and best milliseconds of GET url, its query count and its size."""
    queries: list[str] = []
    listener = lambda *args: queries.append(args[2])  # noqa: E731
    client.get(url)  # warm caches and templates
    times = []
    for _ in range(runs):
        db.session.expire_all()
        start = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200
    db.session.expire_all()
    event.listen(db.engine, "before_cursor_execute", listener)
    size = len(client.get(url).data)
    event.remove(db.engine, "before_cursor_execute", listener)
    return statistics.median(times), min(times), len(queries), size


def main() -> None:
    """Build the quiz and print the timings."""
    url = sys.argv[1] if len(sys.argv) > 1 else None
    folder = Path(tempfile.mkdtemp())
    app = create_app({"TESTING": True, "SECRET_KEY": "bench", "LOAD_DEMO": False,
                      "RATELIMIT_ENABLED": False, "WTF_CSRF_ENABLED": False,
                      "DATABASE_URL": url or f"sqlite:///{folder / 'bench.sqlite'}"})  # fmt: skip
    with app.app_context():
        upgrade_database()
        owner = create_user(f"bench{time.time_ns()}", PASSWORD, "instructor")
        start = time.perf_counter()
        quiz = build(owner)
        print(f"{db.engine.dialect.name}: built {STUDENTS} students x {ATTEMPTS} attempts x "
              f"{QUESTIONS} responses in {time.perf_counter() - start:.2f} s")  # fmt: skip
        client = app.test_client()
        client.post("/auth/login", data={"username": owner.username, "password": PASSWORD})
        for page, target in [("results", 300), ("statistics", None), ("responses.csv", None)]:
            median, best, queries, size = timed(client, f"/teach/quizzes/{quiz.id}/{page}")
            verdict = f"; target < {target} ms: {'OK' if median < (target or 0) else 'MISSED'}"
            print(f"  {page}: median {median:.0f} ms, best {best:.0f} ms, {queries} queries, "
                  f"{size // 1024} KB"
                  + (verdict if target else ""))  # fmt: skip
        db.session.remove()
        dispose_engines()


if __name__ == "__main__":
    main()
