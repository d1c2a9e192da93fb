"""Many students answering a 10-question quiz at once against `quizapp serve`; then audit the DB.

The script makes a fresh database (a SQLite file in a temporary folder, or the PostgreSQL database
of --database-url, whose `public` schema it EMPTIES), creates an instructor with
`quizapp create-user`, imports a bank of 10 questions of mixed types with `quizapp import`,
publishes a test-mode quiz over it (shuffled questions and choices), and starts
`quizapp serve` (gunicorn) on a free port. Then N students, one thread and one keep-alive
connection each, all start together: half register (scrypt, as in production), half log in to
accounts made beforehand (with a cheap hash, to keep preparation short), then each opens the
quiz, starts it, answers the 10 questions (reading the CSRF token and choices from each page, CSRF
ON), submits and reads the result. Login throttling stays on, counted in Redis when it answers
(else in memory), with the login limit raised to 100000 per minute for the run.

Afterwards it audits the database: one response per (attempt, question) answered, every answer a
client got a 2xx/3xx for (and every one it sent at least once) is stored as sent, stored
correct/credit equal a rescoring with quizapp.core.scoring.score_answer, Attempt.score equals the
sum of the credits, and no 5xx was served.

--faults: clients retry on connection errors and 502/503 (the same request, same data); when a
quarter of the answers are in, one gunicorn worker is SIGKILLed; at 60 % the whole server (master
and workers) is SIGKILLed and started again on the same port and database.

Run:  .venv/bin/python benchmarks/load.py --students 50 200
      .venv/bin/python benchmarks/load.py --students 50 200 \\
          --database-url postgresql://postgres@127.0.0.1:5432/load_h7
      .venv/bin/python benchmarks/load.py --students 20 --faults
      .venv/bin/python benchmarks/load.py --races --students 20 --rounds 5   (see races.py)
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import re
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from html import unescape
from pathlib import Path
from urllib.parse import urlencode, urlsplit

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

PASSWORD = "load test password"
TEACHER = "load-teacher"
QUESTIONS = 10
REQUEST_TIMEOUT = 60.0  # seconds one HTTP exchange may take
RETRY_FOR = 60.0  # seconds a client keeps retrying one request in --faults mode
LOGIN_LIMIT = "100000 per minute"
TYPED = [
    "the Red Cross",
    "Red Cross",
    "about 300",
    "300",
    "June 17",
    "17 June",
    "the governor",
    "12,000",
    "about 900",
    "40",
    "Maria Lopez",
    "no idea",
    "",
    "   ",
]
QUIZAPP = [sys.executable, "-m", "quizapp"]


# ---------------------------------------------------------------------------- preparation


def load_bank() -> dict:
    """Return a quizapp bank (JSON-ready) of 10 questions of six types over one article."""
    from quizapp.core.banks.formats import dump_any
    from quizapp.core.banks.model import Bank, Question
    from tests.factories import ARTICLE, sample_bank, span

    doc = sample_bank("Load test bank")
    sentences = [
        ARTICLE[e.start : e.end]
        for e in (span(ARTICLE, "12,000"), span(ARTICLE, "300"), span(ARTICLE, "$2 billion"))
    ]
    doc.questions += [
        Question(
            "q6",
            "figure",
            "How many schools will stay closed?",
            "40",
            evidence=[span(ARTICLE, "40 schools")],
            tags=["figure"],
        ),
        Question(
            "q7",
            "source",
            "Who said the schools would stay closed?",
            "Governor Maria Lopez",
            accept=["Maria Lopez", "the governor"],
            evidence=[span(ARTICLE, "40 schools")],
            tags=["source"],
        ),
        Question(
            "q8",
            "verdict",
            "About 300 millimetres of rain fell in two days.",
            "Supported",
            choices=["Supported", "Contradicted", "Not stated in the article"],
            evidence=[span(ARTICLE, "300")],
            tags=["verdict"],
        ),
        Question(
            "q9",
            "evidence",
            "Which sentence says how many people were displaced?",
            sentences[0],
            choices=sentences,
            evidence=[span(ARTICLE, "12,000")],
            tags=["evidence"],
        ),
        Question(
            "q10",
            "text",
            "The article gives the damage as a firm figure.",
            "False",
            choices=["True", "False"],
            evidence=[span(ARTICLE, "$2 billion")],
            tags=["attribution"],
        ),
    ]
    assert len(doc.questions) == QUESTIONS and isinstance(doc, Bank)
    return json.loads(dump_any(doc, "json"))


def app_env(folder: Path, database_url: str, redis: bool) -> dict[str, str]:
    """Return the environment that configures every quizapp process of the run."""
    return {
        **os.environ,
        "QUIZAPP_DATABASE_URL": database_url,
        "QUIZAPP_SECRET_KEY": "load-test-secret-key-0123456789abcdef",
        "QUIZAPP_INSTANCE_PATH": str(folder),
        "QUIZAPP_LOAD_DEMO": "false",
        "QUIZAPP_QUESTIONS_DIR": str(folder / "none"),
        "QUIZAPP_LOGIN_RATE_LIMIT": json.dumps(LOGIN_LIMIT),
        "QUIZAPP_REGISTER_RATE_LIMIT": json.dumps(LOGIN_LIMIT),  # all students share one address
        "QUIZAPP_RATELIMIT_STORAGE_URI": json.dumps(
            "redis://127.0.0.1:6379" if redis else "memory://"
        ),
        "QUIZAPP_RATELIMIT_KEY_PREFIX": json.dumps(f"quizapp-load-{os.getpid()}-{time.time()}"),
    }


def redis_answers() -> bool:
    """Return whether Redis answers PING on 127.0.0.1:6379."""
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=0.5) as s:
            s.sendall(b"PING\r\n")
            return s.recv(16).startswith(b"+PONG")
    except OSError:
        return False


def empty_database(database_url: str) -> None:
    """Drop every table of a PostgreSQL database (its public schema)."""
    from sqlalchemy import create_engine, text

    from quizapp.config import normalise_database_url

    engine = create_engine(normalise_database_url(database_url))
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()


def run_cli(env: dict, *args: str, stdin: str | None = None) -> str:
    """Run a `quizapp` command, failing loudly."""
    done = subprocess.run(
        [*QUIZAPP, *args],
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
    )
    if done.returncode:
        raise SystemExit(f"quizapp {' '.join(args)} failed:\n{done.stdout}{done.stderr}")
    return done.stdout


@dataclass
class World:
    """What the run needs to know about the prepared database."""

    env: dict
    database_url: str
    quiz_id: int
    accounts: list[str]  # usernames that log in (the others register)


def prepare(folder: Path, database_url: str | None, students: int, redis: bool) -> World:
    """Make a fresh database with the bank (through `quizapp import`), the quiz and accounts."""
    if database_url:
        empty_database(database_url)
    else:
        database_url = f"sqlite:///{folder / 'load.sqlite'}"
    env = app_env(folder, database_url, redis)
    bank_file = folder / "load-bank.json"
    bank_file.write_text(json.dumps(load_bank()), encoding="utf-8")
    run_cli(env, "create-user", TEACHER, "--role", "instructor", stdin=PASSWORD + "\n")
    run_cli(env, "import", str(bank_file), "--owner", TEACHER)

    saved = {k: os.environ.get(k) for k in env if k.startswith("QUIZAPP_")}
    os.environ.update({k: v for k, v in env.items() if k.startswith("QUIZAPP_")})
    try:
        quiz_id, accounts = _add_quiz_and_accounts(students)
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    return World(env, database_url, quiz_id, accounts)


def _add_quiz_and_accounts(students: int) -> tuple[int, list[str]]:
    """Publish a shuffled test-mode quiz over the imported bank; add the log-in accounts."""
    from sqlalchemy import insert, select
    from werkzeug.security import generate_password_hash

    from quizapp import create_app
    from quizapp.extensions import db, dispose_engines
    from quizapp.models import Bank, Quiz, User

    app = create_app()
    with app.app_context():
        bank = db.session.execute(select(Bank)).scalar_one()
        assert len(bank.questions) == QUESTIONS, len(bank.questions)
        quiz = Quiz(
            owner_id=bank.owner_id,
            title="Load test quiz",
            mode="test",
            published=True,
            shuffle=True,
            banks=[bank],
        )
        db.session.add(quiz)
        cheap = generate_password_hash(PASSWORD, method="pbkdf2:sha256:1000")
        names = [f"login{i:04d}" for i in range(students) if i % 2]
        if names:
            db.session.execute(
                insert(User),
                [{"username": n, "role": "student", "password_hash": cheap} for n in names],
            )
        db.session.commit()
        quiz_id = quiz.id
        db.session.remove()
        dispose_engines()
    return quiz_id, names


# ---------------------------------------------------------------------------- the server


def free_port() -> int:
    """Return a TCP port that is free on 127.0.0.1 now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """`quizapp serve` as a subprocess (its own process group), restartable on the same port."""

    def __init__(self, env: dict, log: Path, workers: int, threads: int, port: int | None = None):
        self.env, self.log, self.workers, self.threads = env, log, workers, threads
        self.port = port or free_port()
        self.proc: subprocess.Popen | None = None

    def start(self, wait: float = 60.0) -> None:
        """Start the server and wait until a worker answers."""
        cmd = [
            *QUIZAPP,
            "serve",
            "--host",
            "127.0.0.1",
            "--port",
            str(self.port),
            "--workers",
            str(self.workers),
            "--threads",
            str(self.threads),
        ]
        with open(self.log, "ab") as out:
            self.proc = subprocess.Popen(
                cmd,
                env=self.env,
                stdout=out,
                stderr=subprocess.STDOUT,
                cwd=ROOT,
                start_new_session=True,
            )
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise SystemExit(f"quizapp serve exited: see {self.log}")
            conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=2)
            try:
                conn.request("GET", "/auth/login")
                if conn.getresponse().status == 200:
                    return
            except OSError:
                time.sleep(0.1)
            finally:  # also after a timeout: an unclosed socket is a ResourceWarning
                conn.close()
        self.stop()
        raise SystemExit(f"quizapp serve did not answer within {wait:g} s: see {self.log}")

    def workers_pids(self) -> list[int]:
        """Return the pids of the gunicorn workers (the master's children)."""
        assert self.proc is not None
        path = Path(f"/proc/{self.proc.pid}/task/{self.proc.pid}/children")
        return [int(p) for p in path.read_text().split()] if path.exists() else []

    def kill_worker(self) -> int:
        """SIGKILL one worker (the master starts another); return its pid."""
        pid = self.workers_pids()[0]
        os.kill(pid, signal.SIGKILL)
        return pid

    def crash(self) -> None:
        """SIGKILL the master and its workers at once."""
        assert self.proc is not None
        os.killpg(self.proc.pid, signal.SIGKILL)
        self.proc.wait(timeout=30)

    def stop(self) -> None:
        """Stop the server gracefully (SIGTERM), or kill it after 20 s."""
        if self.proc is None or self.proc.poll() is not None:
            return
        self.proc.terminate()
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(timeout=10)


# ---------------------------------------------------------------------------- the clients


@dataclass
class Ledger:
    """What the clients saw: latencies, statuses, and every answer sent and acknowledged."""

    samples: list[tuple[str, float, int]] = field(default_factory=list)  # (kind, seconds, status)
    sent: dict[tuple[int, int], str] = field(default_factory=dict)  # (attempt, position) -> answer
    acked: dict[tuple[int, int], str] = field(default_factory=dict)
    finished: set[int] = field(default_factory=set)  # attempts whose submit was acknowledged
    connection_errors: int = 0
    retries: int = 0
    failures: list[str] = field(default_factory=list)
    answers_acked: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def fail(self, message: str) -> None:
        with self.lock:
            self.failures.append(message)


class StudentError(Exception):
    """A student could not go on (an unexpected status or page)."""


class Browser:
    """One student's cookies over one keep-alive connection; retries when asked to."""

    def __init__(self, port: int, ledger: Ledger, retry: bool, deadline: float):
        self.port, self.ledger, self.retry, self.deadline = port, ledger, retry, deadline
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=REQUEST_TIMEOUT)
        self.cookies: dict[str, str] = {}

    def _once(self, method: str, path: str, body: str | None) -> tuple[int, str, str]:
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        self.conn.request(method, path, body=body, headers=headers)
        response = self.conn.getresponse()
        page = response.read().decode("utf-8", "replace")
        for header in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = header.partition("=")
            value = rest.split(";", 1)[0]
            if "Max-Age=0" in header or "expires=Thu, 01 Jan 1970" in header:
                self.cookies.pop(name, None)
            else:
                self.cookies[name] = value
        location = urlsplit(response.headers.get("Location", ""))
        return (
            response.status,
            page,
            location.path + (f"?{location.query}" if location.query else ""),
        )

    def request(self, kind: str, method: str, path: str, form: dict | None = None):
        """Send a request (the same data on every retry); return (status, page, location)."""
        body = urlencode(form) if form is not None else None
        give_up = min(time.monotonic() + RETRY_FOR, self.deadline)
        tries = 0
        while True:
            tries += 1
            start = time.perf_counter()
            try:
                status, page, location = self._once(method, path, body)
            except (OSError, http.client.HTTPException) as exc:
                self.conn.close()
                with self.ledger.lock:
                    self.ledger.connection_errors += 1
                # A keep-alive connection the server closed while idle is retried once anyway.
                if (self.retry or tries == 1) and time.monotonic() < give_up:
                    self._pause(tries)
                    continue
                raise StudentError(f"{method} {path}: {type(exc).__name__}: {exc}") from None
            elapsed = time.perf_counter() - start
            self.ledger.samples.append((kind, elapsed, status))
            if self.retry and status in (502, 503) and time.monotonic() < give_up:
                self._pause(tries)
                continue
            return status, page, location

    def _pause(self, tries: int) -> None:
        with self.ledger.lock:
            self.ledger.retries += 1
        time.sleep(min(0.05 * tries, 1.0) * (0.5 + random.random()))


def token(page: str) -> str:
    """Return the CSRF token of the first form of a page."""
    found = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page)
    if not found:
        raise StudentError("no CSRF token in the page")
    return found.group(1)


def radio_values(page: str) -> list[str]:
    """Return the values of the answer radios of a question page."""
    inputs = re.findall(r"<input[^>]*>", page)
    return [
        unescape(re.search(r'value="([^"]*)"', tag).group(1))
        for tag in inputs
        if 'type="radio"' in tag and 'name="answer"' in tag and 'value="' in tag
    ]


def expect(status: int, wanted: tuple[int, ...], what: str) -> None:
    if status not in wanted:
        raise StudentError(f"{what}: HTTP {status}")


def student(
    i: int,
    port: int,
    world: World,
    ledger: Ledger,
    retry: bool,
    deadline: float,
    start_gate: threading.Barrier,
    think: float,
) -> None:
    """Sign in, take the quiz, submit, read the result; record everything in the ledger."""
    rng = random.Random(i)
    browser = Browser(port, ledger, retry, deadline)
    start_gate.wait(timeout=120)
    try:
        sign_in(i, browser)
        quiz = f"/quizzes/{world.quiz_id}"
        status, page, _ = browser.request("page", "GET", quiz)
        expect(status, (200,), "quiz overview")
        status, _, location = browser.request(
            "start", "POST", quiz + "/start", {"csrf_token": token(page)}
        )
        expect(status, (302,), "start")
        match = re.fullmatch(r"/quizzes/attempts/(\d+)/questions/(\d+)", location)
        if not match:
            raise StudentError(f"start went to {location}")
        attempt_id = int(match.group(1))
        for position in range(1, QUESTIONS + 1):
            path = f"/quizzes/attempts/{attempt_id}/questions/{position}"
            status, page, _ = browser.request("question", "GET", path)
            expect(status, (200,), f"question {position}")
            choices = radio_values(page)
            answer = rng.choice(choices) if choices else rng.choice(TYPED) + " " * rng.randrange(2)
            if not answer.strip():
                answer = "I do not know"
            with ledger.lock:
                ledger.sent[(attempt_id, position)] = answer
            time.sleep(think * rng.random())
            status, _, location = browser.request(
                "answer", "POST", path, {"answer": answer, "csrf_token": token(page)}
            )
            expect(status, (302,), f"answer {position}")
            if "/auth/login" in location:
                raise StudentError(f"answer {position} sent to log in")
            with ledger.lock:
                ledger.acked[(attempt_id, position)] = answer
                ledger.answers_acked += 1
        submit = f"/quizzes/attempts/{attempt_id}/submit"
        status, page, _ = browser.request("page", "GET", submit)
        expect(status, (200,), "submit page")
        status, _, _ = browser.request("submit", "POST", submit, {"csrf_token": token(page)})
        expect(status, (302,), "submit")
        with ledger.lock:
            ledger.finished.add(attempt_id)
        status, page, _ = browser.request("page", "GET", f"/quizzes/attempts/{attempt_id}/result")
        expect(status, (200,), "result")
    except StudentError as exc:
        ledger.fail(f"student {i}: {exc}")
    finally:
        browser.conn.close()


def sign_in(i: int, browser: Browser) -> None:
    """Register (even students) or log in (odd ones, accounts made beforehand)."""
    if i % 2 == 0:
        username = f"reg{i:04d}"
        status, page, _ = browser.request("page", "GET", "/auth/register")
        expect(status, (200,), "register page")
        form = {
            "username": username,
            "password": PASSWORD,
            "confirm": PASSWORD,
            "csrf_token": token(page),
        }
        status, page, _ = browser.request("register", "POST", "/auth/register", form)
        if status == 302:
            return
        if not (browser.retry and "taken" in page):  # a retried registration that had worked
            raise StudentError(f"register: HTTP {status}")
    else:
        username = f"login{i:04d}"
    status, page, _ = browser.request("page", "GET", "/auth/login")
    expect(status, (200,), "login page")
    form = {"username": username, "password": PASSWORD, "csrf_token": token(page)}
    status, _, _ = browser.request("login", "POST", "/auth/login", form)
    expect(status, (302,), "login")


# ---------------------------------------------------------------------------- faults


def inject_faults(
    server: Server, ledger: Ledger, total: int, stop: threading.Event, events: list[str]
) -> None:
    """Kill a worker at 25 % of the answers, crash and restart the server at 60 %."""
    t0 = time.monotonic()
    plan = [(0.25, "kill-worker"), (0.60, "restart")]
    for share, action in plan:
        while ledger.answers_acked < share * total:
            if stop.wait(0.02):
                return
        if action == "kill-worker":
            pid = server.kill_worker()
            events.append(
                f"{time.monotonic() - t0:5.1f} s: SIGKILL worker {pid} "
                f"({ledger.answers_acked}/{total} answers in)"
            )
        else:
            server.crash()
            events.append(
                f"{time.monotonic() - t0:5.1f} s: SIGKILL master and workers "
                f"({ledger.answers_acked}/{total} answers in)"
            )
            down = time.monotonic()
            server.start()
            events.append(
                f"{time.monotonic() - t0:5.1f} s: server back after {time.monotonic() - down:.1f} s"
            )


# ---------------------------------------------------------------------------- the audit


@dataclass
class Audit:
    attempts: int = 0
    responses: int = 0
    duplicates: int = 0
    lost_acked: int = 0
    lost_sent: int = 0
    wrong_answer: int = 0
    rescore_mismatch: int = 0
    score_mismatch: int = 0
    unfinished: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not (
            self.duplicates
            or self.lost_acked
            or self.lost_sent
            or self.wrong_answer
            or self.rescore_mismatch
            or self.score_mismatch
            or self.unfinished
        )


@contextmanager
def app_settings(env: dict[str, str]):
    """Set the QUIZAPP_ settings of the served app in this process, for a while."""
    saved = {k: os.environ.get(k) for k in env if k.startswith("QUIZAPP_")}
    os.environ.update({k: v for k, v in env.items() if k.startswith("QUIZAPP_")})
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def audit(world: World, ledger: Ledger) -> Audit:
    """Check the stored responses and scores against the ledger and a fresh rescoring."""
    with app_settings(world.env):
        return _audit(world, ledger)


def _audit(world: World, ledger: Ledger) -> Audit:
    from sqlalchemy import func, select
    from sqlalchemy.orm import selectinload

    from quizapp import create_app
    from quizapp.core.scoring import score_answer
    from quizapp.extensions import db, dispose_engines
    from quizapp.models import Attempt, Evidence, Question, Response
    from quizapp.services.banks import evidence_text, question_to_core

    result = Audit()
    app = create_app()
    with app.app_context():
        attempts = {
            a.id: a
            for a in db.session.execute(
                select(Attempt).where(Attempt.quiz_id == world.quiz_id)
            ).scalars()
        }
        result.attempts = len(attempts)
        questions = {
            q.id: q
            for q in db.session.execute(
                select(Question).options(
                    selectinload(Question.evidence).selectinload(Evidence.source)
                )
            ).scalars()
        }
        dupes = db.session.execute(
            select(Response.attempt_id, Response.question_id, func.count())
            .group_by(Response.attempt_id, Response.question_id)
            .having(func.count() > 1)
        ).all()
        result.duplicates = len(dupes)
        responses = list(db.session.execute(select(Response)).scalars())
        result.responses = len(responses)
        stored = {(r.attempt_id, r.question_id): r for r in responses}
        for label, book in (("acked", ledger.acked), ("sent", ledger.sent)):
            for (attempt_id, position), answer in book.items():
                attempt = attempts.get(attempt_id)
                row = None
                if attempt is not None:
                    row = stored.get((attempt_id, attempt.question_ids[position - 1]))
                if row is None:
                    setattr(result, f"lost_{label}", getattr(result, f"lost_{label}") + 1)
                    result.problems.append(f"{label} answer lost: attempt {attempt_id} #{position}")
                elif label == "acked" and row.answer != answer.strip():
                    result.wrong_answer += 1
                    result.problems.append(
                        f"attempt {attempt_id} #{position}: stored {row.answer!r}, sent {answer!r}"
                    )
        for r in responses:
            q = questions[r.question_id]
            verdict = score_answer(question_to_core(q), r.answer, evidence_text(q))
            if bool(verdict.correct) != r.correct or abs(float(verdict.credit) - r.credit) > 1e-9:
                result.rescore_mismatch += 1
                result.problems.append(
                    f"response {r.id}: stored {r.correct}/{r.credit}, "
                    f"rescored {verdict.correct}/{verdict.credit}"
                )
        credits: dict[int, float] = {}
        for r in responses:
            if r.question_id in attempts[r.attempt_id].question_ids:
                credits[r.attempt_id] = credits.get(r.attempt_id, 0.0) + r.credit
        for attempt_id in ledger.finished:
            attempt = attempts[attempt_id]
            if attempt.finished_at is None:
                result.unfinished += 1
            elif abs((attempt.score or 0.0) - credits.get(attempt_id, 0.0)) > 1e-9:
                result.score_mismatch += 1
                result.problems.append(
                    f"attempt {attempt_id}: score {attempt.score}, "
                    f"credits {credits.get(attempt_id)}"
                )
        db.session.remove()
        dispose_engines()
    return result


# ---------------------------------------------------------------------------- one run


@dataclass
class RunResult:
    database: str
    students: int
    seconds: float
    ledger: Ledger
    audit: Audit
    events: list[str]

    def latencies(self, kind: str | None = None) -> list[float]:
        return sorted(t for k, t, _ in self.ledger.samples if kind is None or k == kind)

    @property
    def requests(self) -> int:
        return len(self.ledger.samples)

    @property
    def server_errors(self) -> dict[int, int]:
        counts: dict[int, int] = {}
        for _, _, status in self.ledger.samples:
            if status >= 500:
                counts[status] = counts.get(status, 0) + 1
        return counts

    @property
    def ok(self) -> bool:
        unexpected = {s: n for s, n in self.server_errors.items() if s != 503 or not self.events}
        return self.audit.ok and not unexpected and not self.ledger.failures


def percentile(values: list[float], share: float) -> float:
    """Return the nearest-rank percentile of sorted values (0 for none)."""
    if not values:
        return 0.0
    return values[min(len(values) - 1, max(0, round(share * len(values)) - 1))]


def run(
    students: int,
    database_url: str | None,
    workers: int,
    threads: int,
    faults: bool,
    think: float,
    timeout: float,
    redis: bool,
    quiet: bool = False,
) -> RunResult:
    """Prepare a fresh database, serve it, run the students, audit; return the figures."""
    with tempfile.TemporaryDirectory(prefix="quizapp-load-") as tmp:
        folder = Path(tmp)
        world = prepare(folder, database_url, students, redis)
        server = Server(world.env, folder / "server.log", workers, threads)
        server.start()
        ledger = Ledger()
        events: list[str] = []
        stop = threading.Event()
        deadline = time.monotonic() + timeout
        gate = threading.Barrier(students + 1)
        threads_ = [
            threading.Thread(
                target=student,
                args=(i, server.port, world, ledger, faults, deadline, gate, think),
                daemon=True,
            )
            for i in range(students)
        ]
        faulter = None
        try:
            for t in threads_:
                t.start()
            gate.wait(timeout=120)
            started = time.perf_counter()
            if faults:
                faulter = threading.Thread(
                    target=inject_faults,
                    daemon=True,
                    args=(server, ledger, students * QUESTIONS, stop, events),
                )
                faulter.start()
            for t in threads_:
                t.join(timeout=max(deadline - time.monotonic(), 0.1))
            elapsed = time.perf_counter() - started
            stop.set()
            if faulter is not None:
                faulter.join(timeout=90)
            stuck = sum(t.is_alive() for t in threads_)
            if stuck:
                ledger.fail(f"{stuck} students still running after {timeout:g} s")
        finally:
            stop.set()
            server.stop()
        result = audit(world, ledger)
        log = (folder / "server.log").read_text(errors="replace")
        if "Traceback" in log and not quiet:
            print(log[log.index("Traceback") :][:3000], file=sys.stderr)
    label = "PostgreSQL" if database_url else "SQLite"
    return RunResult(label, students, elapsed, ledger, result, events)


# ---------------------------------------------------------------------------- report


def ms(values: list[float], share: float) -> str:
    """Return a percentile in whole milliseconds."""
    return f"{percentile(values, share) * 1e3:.0f}"


def table(results: list[RunResult]) -> str:
    """Return the figures of the runs as a Markdown table."""
    head = (
        "| database | students | requests | req/s | p50 ms | p95 ms | p99 ms "
        "| answer p95 ms | 5xx | responses | lost | dupes | rescored ok | scores ok |"
    )
    lines = [head, "|" + "---|" * (head.count("|") - 1)]
    for r in results:
        lat, ans = r.latencies(), r.latencies("answer")
        a = r.audit
        lines.append(
            f"| {r.database} | {r.students} | {r.requests} | {r.requests / r.seconds:.0f} "
            f"| {percentile(lat, 0.5) * 1e3:.0f} | {percentile(lat, 0.95) * 1e3:.0f} "
            f"| {percentile(lat, 0.99) * 1e3:.0f} | {percentile(ans, 0.95) * 1e3:.0f} "
            f"| {sum(r.server_errors.values())} | {a.responses} "
            f"| {a.lost_acked + a.lost_sent} | {a.duplicates} "
            f"| {'yes' if not a.rescore_mismatch else f'NO ({a.rescore_mismatch})'} "
            f"| {'yes' if not a.score_mismatch and not a.unfinished else 'NO'} |"
        )
    return "\n".join(lines)


def report(r: RunResult) -> None:
    """Print the details of one run: faults, retries, problems."""
    led = r.ledger
    print(
        f"[{r.database}, {r.students} students] {r.requests} requests in {r.seconds:.1f} s; "
        f"{len(led.acked)}/{len(led.sent)} answers acknowledged/sent, "
        f"{len(led.finished)} attempts submitted; connection errors {led.connection_errors}, "
        f"retries {led.retries}; 5xx {r.server_errors or 'none'}"
    )
    kinds = sorted({k for k, _, _ in led.samples})
    print(
        "    p50/p95 ms by request: "
        + ", ".join(f"{k} {ms(r.latencies(k), 0.5)}/{ms(r.latencies(k), 0.95)}" for k in kinds)
    )
    for event in r.events:
        print("   ", event)
    for problem in (led.failures + r.audit.problems)[:15]:
        print("    PROBLEM:", problem)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, nargs="+", default=[50, 200])
    parser.add_argument("--database-url", help="PostgreSQL URL (its public schema is emptied)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (serve's default)")
    parser.add_argument("--threads", type=int, default=4, help="threads per worker")
    parser.add_argument("--faults", action="store_true", help="kill a worker, restart the server")
    parser.add_argument(
        "--think",
        type=float,
        default=0.0,
        help="up to this many seconds of thinking before each answer",
    )
    parser.add_argument("--timeout", type=float, default=600.0, help="bound on one run (s)")
    parser.add_argument(
        "--races",
        action="store_true",
        help="race mode (benchmarks/races.py): duplicate Starts, answers against Submit",
    )
    parser.add_argument("--rounds", type=int, default=5, help="races per student (--races)")
    args = parser.parse_args(argv)
    if args.races:
        from benchmarks.races import run as run_races

        students = [20] if argv is None and "--students" not in sys.argv else args.students
        results = [
            run_races(n, args.rounds, args.database_url, args.workers, args.threads, args.timeout)
            for n in students
        ]
        return 0 if all(results) else 1
    if args.faults and args.think == 0.0:
        args.think = 0.2  # spread the answers so the faults land mid-run
    redis = redis_answers()
    print(
        f"login throttling: {'redis://127.0.0.1:6379' if redis else 'memory://'}, "
        f"limit raised to {LOGIN_LIMIT}; quizapp serve --workers {args.workers} "
        f"--threads {args.threads}; CSRF on; {os.cpu_count()} CPUs (client on the same machine)"
    )
    results = []
    for n in args.students:
        r = run(
            n,
            args.database_url,
            args.workers,
            args.threads,
            args.faults,
            args.think,
            args.timeout,
            redis,
        )
        report(r)
        results.append(r)
    print(table(results))
    bad = [r for r in results if not r.ok]
    print("ALL CHECKS PASSED" if not bad else f"CHECKS FAILED in {len(bad)} run(s)")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
