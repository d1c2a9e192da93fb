"""The race mode of load.py (`load.py --races`): requests that try to beat the attempt rules.

Against `quizapp serve` (gunicorn, CSRF on) on a fresh database, each of N students, in R
rounds, with two keep-alive connections sharing one login, sends at the same instant
(all students released together behind a barrier):

- starts: two Start POSTs to a quiz that allows one attempt (a double click);
- practice: an answer POST and a Submit POST on a practice attempt;
- test: a changed answer (a wrong first answer changed to the right one) and a Submit POST on
  a test-mode attempt.

Then it audits the database and prints:
- extra: attempts beyond the one allowed;
- lost: answers the server acknowledged as saved (a redirect to the next page, not to the
  result) that are not stored as sent;
- uncounted: finished attempts whose score is not the sum of their stored answers' credits
  (an answer stored and left out, or a changed answer that landed after scoring);
- refused: answers refused because Submit came first (told so: a redirect to the result);
- 5xx: server errors.
Every figure but `refused` must be 0.

Run:  .venv/bin/python benchmarks/load.py --races --students 20 --rounds 5
      .venv/bin/python benchmarks/load.py --races --students 20 --rounds 5 \\
          --database-url postgresql://postgres@127.0.0.1:5432/load_h1
"""

from __future__ import annotations

import json
import re
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks import load

RIGHT = "the Red Cross"  # the key of the bank's first question (quizzes here do not shuffle)
WRONG = "the weather service"


@dataclass
class RaceWorld:
    env: dict
    start_quizzes: list[int]  # one per round, one attempt allowed
    practice_quiz: int
    test_quiz: int
    students: list[str]


def prepare(folder: Path, database_url: str | None, students: int, rounds: int) -> RaceWorld:
    """Make a fresh database: the bank through `quizapp import`, the quizzes, the accounts."""
    if database_url:
        load.empty_database(database_url)
    else:
        database_url = f"sqlite:///{folder / 'races.sqlite'}"
    env = load.app_env(folder, database_url, load.redis_answers())
    bank_file = folder / "load-bank.json"
    bank_file.write_text(json.dumps(load.load_bank()), encoding="utf-8")
    teacher = ("create-user", load.TEACHER, "--role", "instructor")
    load.run_cli(env, *teacher, stdin=load.PASSWORD + "\n")
    load.run_cli(env, "import", str(bank_file), "--owner", load.TEACHER)
    with load.app_settings(env):
        return RaceWorld(env, *_quizzes_and_accounts(students, rounds))


def _quizzes_and_accounts(students: int, rounds: int):
    """Publish the quizzes (not shuffled) over the imported bank; add the accounts."""
    from sqlalchemy import insert, select
    from werkzeug.security import generate_password_hash

    from quizapp import create_app
    from quizapp.extensions import db, dispose_engines
    from quizapp.models import Bank, Quiz, User

    app = create_app()
    with app.app_context():
        bank = db.session.execute(select(Bank)).scalar_one()

        def quiz(title: str, mode: str, allowed: int | None) -> Quiz:
            row = Quiz(owner_id=bank.owner_id, title=title, mode=mode, published=True,
                       shuffle=False, banks=[bank], attempts_allowed=allowed)  # fmt: skip
            db.session.add(row)
            return row

        starts = [quiz(f"One attempt {r + 1}", "practice", 1) for r in range(rounds)]
        practice, test = quiz("Practice", "practice", None), quiz("Test", "test", None)
        cheap = generate_password_hash(load.PASSWORD, method="pbkdf2:sha256:1000")
        names = [f"racer{i:04d}" for i in range(students)]
        rows = [{"username": n, "role": "student", "password_hash": cheap} for n in names]
        db.session.execute(insert(User), rows)
        db.session.commit()
        ids = ([q.id for q in starts], practice.id, test.id)
        db.session.remove()
        dispose_engines()
    return (*ids, names)


@dataclass
class Tally:
    """What the clients were told."""

    saved: dict[tuple[int, int], str] = field(default_factory=dict)  # acknowledged answers
    refused: int = 0
    start_locations: list[tuple[str, str]] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)


def attempt_of(location: str) -> int:
    """Return the attempt id a redirect points into."""
    found = re.match(r"/quizzes/attempts/(\d+)/", location)
    if not found:
        raise load.StudentError(f"no attempt in {location!r}")
    return int(found.group(1))


def racer(i: int, port: int, world: RaceWorld, ledger: load.Ledger, tally: Tally,
          gate: threading.Barrier, rounds: int, deadline: float) -> None:  # fmt: skip
    """Log in, then race in every round; record what the server said."""
    one = load.Browser(port, ledger, False, deadline)
    two = load.Browser(port, ledger, False, deadline)
    pair: list = [None, None]

    def both(first, second) -> tuple:
        """Send two requests at once over the two connections (the same cookies)."""
        two.cookies = one.cookies
        thread = threading.Thread(target=lambda: pair.__setitem__(1, second()))
        thread.start()
        pair[0] = first()
        thread.join(timeout=load.REQUEST_TIMEOUT)
        return pair[0], pair[1]

    try:
        status, page, _ = one.request("page", "GET", "/auth/login")
        form = {"username": world.students[i], "password": load.PASSWORD}
        status, _, _ = one.request("login", "POST", "/auth/login",
                                   {**form, "csrf_token": load.token(page)})  # fmt: skip
        load.expect(status, (302,), "login")
        status, page, _ = one.request("page", "GET", f"/quizzes/{world.practice_quiz}")
        csrf = {"csrf_token": load.token(page)}
        for r in range(rounds):
            # A double click on Start.
            start = f"/quizzes/{world.start_quizzes[r]}/start"
            gate.wait(timeout=120)
            a, b = both(lambda s=start: one.request("start", "POST", s, csrf),
                        lambda s=start: two.request("start", "POST", s, csrf))  # fmt: skip
            with tally.lock:
                tally.start_locations.append((a[2], b[2]))
            # An answer against Submit (practice), then a changed answer against Submit (test).
            for quiz, mode in ((world.practice_quiz, "practice"), (world.test_quiz, "test")):
                status, _, location = one.request("start", "POST", f"/quizzes/{quiz}/start", csrf)
                load.expect(status, (302,), f"{mode} start")
                attempt = attempt_of(location)
                question = f"/quizzes/attempts/{attempt}/questions/1"
                if mode == "test":
                    status, _, _ = one.request("answer", "POST", question,
                                               {"answer": WRONG, **csrf})  # fmt: skip
                    load.expect(status, (302,), "first answer")
                submit = f"/quizzes/attempts/{attempt}/submit"
                gate.wait(timeout=120)
                answered, submitted = both(
                    lambda q=question: one.request("answer", "POST", q, {"answer": RIGHT, **csrf}),
                    lambda s=submit: two.request("submit", "POST", s, csrf),
                )
                load.expect(answered[0], (302,), f"{mode} answer")
                load.expect(submitted[0], (302,), f"{mode} submit")
                with tally.lock:
                    if answered[2].endswith("/result"):
                        tally.refused += 1
                    else:
                        tally.saved[(attempt, 1)] = RIGHT
    except (load.StudentError, threading.BrokenBarrierError) as exc:
        with tally.lock:
            tally.failures.append(f"student {i}: {type(exc).__name__} {exc}")
        gate.abort()
    finally:
        one.conn.close()
        two.conn.close()


@dataclass
class RaceAudit:
    extra: int
    lost: int
    uncounted: int
    unfinished: int
    split_starts: int  # double clicks whose two Starts went to different places


def audit(world: RaceWorld, tally: Tally) -> RaceAudit:
    """Count extra attempts, lost answers and uncounted scores in the database."""
    with load.app_settings(world.env):
        return _audit(world, tally)


def _audit(world: RaceWorld, tally: Tally) -> RaceAudit:
    from sqlalchemy import func, select

    from quizapp import create_app
    from quizapp.extensions import db, dispose_engines
    from quizapp.models import Attempt, Response

    app = create_app()
    with app.app_context():
        per_user = select(Attempt.quiz_id, Attempt.user_id, func.count(Attempt.id)).where(
            Attempt.quiz_id.in_(world.start_quizzes)
        ).group_by(Attempt.quiz_id, Attempt.user_id)
        extra = sum(max(n - 1, 0) for _, _, n in db.session.execute(per_user))
        stored = {
            (aid, 1): answer
            for aid, answer, qid, first in db.session.execute(
                select(Response.attempt_id, Response.answer, Response.question_id,
                       Attempt.question_ids[0].as_integer())
                .join(Attempt, Attempt.id == Response.attempt_id)
            )  # fmt: skip
            if qid == first
        }
        lost = sum(1 for key, answer in tally.saved.items() if stored.get(key) != answer)
        sums = (
            select(Attempt.id, Attempt.score, Attempt.finished_at,
                   func.coalesce(func.sum(Response.credit), 0.0))
            .outerjoin(Response, Response.attempt_id == Attempt.id)
            .where(Attempt.quiz_id.in_([world.practice_quiz, world.test_quiz]))
            .group_by(Attempt.id, Attempt.score, Attempt.finished_at)
        )  # fmt: skip
        uncounted = unfinished = 0
        for _, score, finished_at, total in db.session.execute(sums):
            if finished_at is None:
                unfinished += 1
            elif score is None or abs(score - total) > 1e-9:
                uncounted += 1
        db.session.remove()
        dispose_engines()
    split = sum(1 for a, b in tally.start_locations if a != b)
    return RaceAudit(extra, lost, uncounted, unfinished, split)


def run(students: int, rounds: int, database_url: str | None, workers: int, threads: int,
        timeout: float) -> bool:  # fmt: skip
    """Prepare, serve, race, audit and print one line of figures; return whether all is 0."""
    with tempfile.TemporaryDirectory(prefix="quizapp-races-") as tmp:
        folder = Path(tmp)
        world = prepare(folder, database_url, students, rounds)
        server = load.Server(world.env, folder / "server.log", workers, threads)
        server.start()
        ledger, tally = load.Ledger(), Tally()
        gate = threading.Barrier(students)
        deadline = time.monotonic() + timeout
        racers = [
            threading.Thread(target=racer, daemon=True,
                             args=(i, server.port, world, ledger, tally, gate, rounds, deadline))
            for i in range(students)
        ]  # fmt: skip
        try:
            for t in racers:
                t.start()
            for t in racers:
                t.join(timeout=max(deadline - time.monotonic(), 0.1))
        finally:
            server.stop()
        result = audit(world, tally)
        log = (folder / "server.log").read_text(errors="replace")
    errors = sum(1 for _, _, status in ledger.samples if status >= 500)
    label = "PostgreSQL" if database_url else "SQLite"
    races = students * rounds
    print(
        f"[{label}, {students} students x {rounds} rounds, --workers {workers} --threads "
        f"{threads}] duplicate Starts {races}: extra attempts {result.extra} "
        f"(split double clicks {result.split_starts}); answer vs Submit {2 * races} "
        f"({races} practice, {races} test-mode changed answers): lost {result.lost}, "
        f"uncounted {result.uncounted}, refused {tally.refused} (told), "
        f"saved {len(tally.saved)}; unfinished {result.unfinished}; 5xx {errors}; "
        f"requests {len(ledger.samples)}"
    )
    for problem in tally.failures[:10]:
        print("    PROBLEM:", problem)
    if "Traceback" in log:
        print(log[log.index("Traceback") :][:3000])
    ok = not (result.extra or result.lost or result.uncounted or result.unfinished or errors
              or tally.failures)  # fmt: skip
    print("ALL RACE CHECKS PASSED" if ok else "RACE CHECKS FAILED")
    return ok
