"""Requests per second of answering a question, next to a bare Flask "hello world".

Both apps run under the same gunicorn settings (1 worker, gthread, 127.0.0.1, no control socket)
and are driven by the same bounded client (threads + keep-alive http.client). The quizapp side
runs on a real SQLite file prepared with many users and past attempts; every POST answers a
different (attempt, question), with CSRF ON (one token per session) and rate limits off. The two
sides run in turn, --rounds times (fresh servers each time). Other work on the machine moves
single runs, and its speed drifts over minutes, so each round pairs the two sides measured one
after the other: the figure is the median of the rounds' ratios (the medians of the two rates
are printed too). Also prints the weight of a question page with its CSS, and checks it names no
external URL.

Run: .venv/bin/python benchmarks/bench_answer.py [--seconds 6] [--rounds 5] [--clients 4]
"""

from __future__ import annotations

import argparse
import http.client
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlencode, urlsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

QUESTIONS = 40
HISTORY = 5  # finished past attempts per user, each with a response to every question
PASSWORD = "benchmark password"
GUNICORN = [
    "-w",
    "1",
    "-k",
    "gthread",
    "--threads",
    "4",
    "--no-control-socket",
    "--log-level",
    "warning",
    "--backlog",
    "256",
]


def hello_app():
    """Return the bare Flask app the answer POST is compared with."""
    from flask import Flask

    app = Flask("hello")

    @app.route("/")
    def hello() -> str:
        return "Hello, World!"

    return app


def quizapp_app():
    """Return quizapp as served (SQLite synchronous level: QUIZAPP_SQLITE_SYNCHRONOUS)."""
    from quizapp import create_app

    return create_app()


def app_env(folder: Path) -> dict[str, str]:
    """Return the environment that configures quizapp for the benchmark."""
    return {
        **os.environ,
        "QUIZAPP_DATABASE_URL": f"sqlite:///{folder / 'bench.sqlite'}",
        "QUIZAPP_SECRET_KEY": "benchmark-secret-key-0123456789abcdef",
        "QUIZAPP_INSTANCE_PATH": str(folder),
        "QUIZAPP_LOAD_DEMO": "false",
        "QUIZAPP_RATELIMIT_ENABLED": "false",
        "QUIZAPP_QUESTIONS_DIR": str(folder / "none"),
    }


def bench_bank():
    """Return a bank of QUESTIONS questions cycling through the sample types."""
    from tests.factories import sample_bank

    doc = sample_bank()
    base = list(doc.questions)
    doc.questions = []
    for i in range(QUESTIONS):
        q = base[i % len(base)]
        doc.questions.append(type(q)(**{**q.__dict__, "id": f"q{i}"}))
    return doc


def add_history(quiz_id: int, user_id: int, ids: list[int], count: int, mode: str = "practice"):
    """Add `count` finished attempts of a user, each with a response to every question."""
    from quizapp.extensions import db
    from quizapp.models import Attempt, Response, utcnow

    for _ in range(count):
        past = Attempt(
            quiz_id=quiz_id,
            user_id=user_id,
            mode=mode,
            question_ids=ids,
            choice_orders={},
            max_score=len(ids),
            score=1.0,
            finished_at=utcnow(),
        )
        db.session.add(past)
        db.session.flush()
        db.session.add_all(
            Response(attempt_id=past.id, question_id=qid, answer="x", reason="") for qid in ids
        )


def prepare(folder: Path, users: int) -> tuple[int, list[tuple[str, int]]]:
    """Fill the database: users, past finished attempts with responses, one open attempt each."""
    os.environ.update(app_env(folder))
    from werkzeug.security import generate_password_hash

    from quizapp import create_app
    from quizapp.extensions import db, dispose_engines
    from quizapp.models import Attempt, User
    from quizapp.services.setup import upgrade_database
    from tests.factories import make_bank, make_quiz

    app = create_app()
    with app.app_context():
        upgrade_database()
        quiz = make_quiz([make_bank(doc=bench_bank())], shuffle=False)
        ids = [q.id for q in quiz.banks[0].questions]
        cheap = generate_password_hash(PASSWORD, method="pbkdf2:sha256:1000")  # fast logins
        work = []
        for u in range(users):
            user = User(username=f"bench{u}", role="student", password_hash=cheap)
            db.session.add(user)
            db.session.flush()
            add_history(quiz.id, user.id, ids, HISTORY)
            open_attempt = Attempt(
                quiz_id=quiz.id,
                user_id=user.id,
                question_ids=ids,
                choice_orders={},
                max_score=len(ids),
            )
            db.session.add(open_attempt)
            db.session.flush()
            work.append((user.username, open_attempt.id))
        db.session.commit()
        quiz_id = quiz.id
        dispose_engines()
    return quiz_id, work


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(target: str, env: dict[str, str]) -> tuple[subprocess.Popen, int]:
    """Start gunicorn on a free port and wait until it answers."""
    port = free_port()
    cmd = [
        sys.executable,
        "-m",
        "gunicorn",
        *GUNICORN,
        "-b",
        f"127.0.0.1:{port}",
        "--chdir",
        str(Path(__file__).parent),
        "--pythonpath",
        str(ROOT),
        target,
    ]
    proc = subprocess.Popen(cmd, env=env)
    for _ in range(200):
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return proc, port
        except OSError:
            time.sleep(0.05)
    proc.kill()
    raise SystemExit(f"gunicorn did not start: {target}")


class Client:
    """Cookies of one browser session, sent over a shared keep-alive connection."""

    def __init__(self, port: int, conn: http.client.HTTPConnection | None = None):
        self.port = port
        self.conn = conn or http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        self.cookies: dict[str, str] = {}
        self.location = ""  # the path of the last redirect

    def request(self, method: str, path: str, form: dict | None = None) -> tuple[int, str]:
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        body = None
        if form is not None:
            body = urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            self.conn.request(method, path, body=body, headers=headers)
            response = self.conn.getresponse()
        except (BrokenPipeError, ConnectionResetError, http.client.RemoteDisconnected):
            self.conn.close()  # the server closed an idle keep-alive connection: reconnect
            self.conn.request(method, path, body=body, headers=headers)
            response = self.conn.getresponse()
        data = response.read().decode("utf-8", "replace")
        self.location = urlsplit(response.headers.get("Location") or "").path
        for header in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = header.partition("=")
            self.cookies[name] = rest.split(";", 1)[0]
        return response.status, data


def token(page: str) -> str:
    return re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page).group(1)


def run_clients(clients: int, seconds: float, job) -> tuple[int, int, float]:
    """Run job(client_index, deadline) in threads; return (done, errors, elapsed)."""
    results: list[tuple[int, int]] = [(0, 0)] * clients
    start = time.perf_counter()
    deadline = start + seconds

    def worker(i: int) -> None:
        results[i] = job(i, deadline)

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - start
    return sum(d for d, _ in results), sum(e for _, e in results), elapsed


def bench_hello(port: int, clients: int, seconds: float) -> float:
    """Return the requests/second of GET / on the hello app."""

    def job(i: int, deadline: float) -> tuple[int, int]:
        client, done, errors = Client(port), 0, 0
        while time.perf_counter() < deadline:
            status, _ = client.request("GET", "/")
            done, errors = done + (status == 200), errors + (status != 200)
        return done, errors

    done, errors, elapsed = run_clients(clients, seconds, job)
    assert errors == 0, f"{errors} hello errors"
    return done / elapsed


def answer(position: int) -> str:
    """Return an answer for the question at a position (right and wrong in turn)."""
    right = ["Red Cross", "about 300", "June 17", "Contradicted",
             "Vague reports, no source named or described"]
    wrong = ["the governor", "about 900", "June 18", "Supported", "A named source"]
    return (right if position % 3 else wrong)[(position - 1) % 5]


def answer_work(work, clients: int) -> list:
    """Return, per client, an iterator over (user, attempt, position) never posted before."""

    def share(i: int):
        mine = work[i::clients]
        for position in range(1, QUESTIONS + 1):
            for username, attempt_id in mine:
                yield username, attempt_id, position

    return [share(i) for i in range(clients)]


def bench_answers(port: int, quiz_id: int, work, queues, seconds: float) -> tuple[float, int]:
    """Log every user in, then time answer POSTs, each to a new (attempt, question)."""
    clients = len(queues)
    shares = [work[i::clients] for i in range(clients)]
    sessions: list[dict[int, tuple[Client, str]]] = [{} for _ in range(clients)]

    def log_in(i: int, deadline: float) -> tuple[int, int]:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        for username, attempt_id in shares[i]:
            client = Client(port, conn)
            _, page = client.request("GET", "/auth/login")
            form = {"username": username, "password": PASSWORD, "csrf_token": token(page)}
            status, _ = client.request("POST", "/auth/login", form)
            assert status == 302, f"login failed: {status}"
            _, page = client.request("GET", f"/quizzes/{quiz_id}")  # the page with Resume
            sessions[i][attempt_id] = (client, token(page))
        return len(shares[i]), 0

    run_clients(clients, 3600, log_in)

    def job(i: int, deadline: float) -> tuple[int, int]:
        done = errors = 0
        while time.perf_counter() < deadline:
            item = next(queues[i], None)
            assert item is not None, "ran out of work: add --users"
            _, attempt_id, position = item
            client, csrf = sessions[i][attempt_id]
            path = f"/quizzes/attempts/{attempt_id}/questions/{position}"
            status, _ = client.request(
                "POST", path, {"answer": answer(position), "csrf_token": csrf}
            )
            ok = status == 302
            done, errors = done + ok, errors + (not ok)
        return done, errors

    done, errors, elapsed = run_clients(clients, seconds, job)
    assert errors == 0, f"{errors} answer errors"
    return done / elapsed, done


def page_weight(port: int, work) -> tuple[int, int]:
    """Return the bytes of a question page and of its stylesheet; check for external URLs."""
    client = Client(port)
    username, attempt_id = work[-1]
    _, page = client.request("GET", "/auth/login")
    client.request(
        "POST",
        "/auth/login",
        {"username": username, "password": PASSWORD, "csrf_token": token(page)},
    )
    # The bench has answered this question by now: its page is the feedback, a redirect away.
    status, html = client.request("GET", f"/quizzes/attempts/{attempt_id}/questions/{QUESTIONS}")
    if status in (302, 303):
        status, html = client.request("GET", client.location)
    assert status == 200, status
    css_paths = re.findall(r'<link rel="stylesheet" href="([^"]+)"', html)
    css = "".join(client.request("GET", p)[1] for p in css_paths)
    external = re.findall(r'(?:src|href|action)="((?:https?:)?//[^"]*)"', html)
    external += re.findall(r"url\(\s*['\"]?((?:https?:)?//[^)'\"]*)", css)
    assert not external, f"external URLs in the quiz page: {external}"
    return len(html.encode()), len(css.encode())


def count_responses(folder: Path) -> int:
    import sqlite3

    with sqlite3.connect(folder / "bench.sqlite") as conn:
        return conn.execute("SELECT count(*) FROM responses").fetchone()[0]


def main() -> None:
    """Prepare, serve both apps in turn --rounds times, measure and print the medians."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=6.0)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--users", type=int, default=None, help="default: enough for the run")
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--worker", choices=["gthread", "sync"], default="gthread")
    parser.add_argument(
        "--synchronous",
        choices=["full", "normal"],
        default="normal",
        help="SQLite synchronous level for quizapp (quizapp's default: normal)",
    )
    args = parser.parse_args()
    # room for 1,500 answers/s over every round, each answer a new row
    users = args.users or max(200, int(1500 * args.seconds * args.rounds / QUESTIONS) + 1)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        started = time.perf_counter()
        quiz_id, work = prepare(folder, users)
        before = count_responses(folder)
        print(
            f"prepared {users} users, {users * (HISTORY + 1)} attempts, "
            f"{before} responses in {time.perf_counter() - started:.1f} s"
        )
        env = {**app_env(folder), "QUIZAPP_SQLITE_SYNCHRONOUS": args.synchronous.upper()}
        GUNICORN[GUNICORN.index("-k") + 1] = args.worker
        queues = answer_work(work, args.clients)
        hellos, answers, posted = [], [], 0
        for round_ in range(1, args.rounds + 1):
            proc, port = serve("bench_answer:hello_app()", env)
            try:
                hellos.append(bench_hello(port, args.clients, args.seconds))
            finally:
                proc.terminate()
                proc.wait()
            proc, port = serve("bench_answer:quizapp_app()", env)
            try:
                rate, done = bench_answers(port, quiz_id, work, queues, args.seconds)
                answers.append(rate)
                posted += done
                if round_ == args.rounds:
                    html, css = page_weight(port, work)
            finally:
                proc.terminate()
                proc.wait()
            print(
                f"round {round_}: hello {hellos[-1]:7.1f}/s, answer {rate:6.1f}/s "
                f"({rate / hellos[-1]:.1%})",
                flush=True,
            )
        saved = count_responses(folder) - before
        assert saved == posted, f"{posted} answers posted but {saved} responses saved"
    settings = " ".join(GUNICORN)
    print(
        f"gunicorn {settings}; {args.clients} keep-alive clients, {args.seconds:g} s each, "
        f"{args.rounds} alternating rounds; SQLite synchronous={args.synchronous.upper()}"
    )
    hello, rate = statistics.median(hellos), statistics.median(answers)
    print(f"(a) hello world:     {hello:8.1f} requests/s (median)")
    print(f"(b) answer question: {rate:8.1f} requests/s (median; {posted} answers, all saved)")
    ratios = sorted(a / h for a, h in zip(answers, hellos, strict=True))
    ratio = statistics.median(ratios)
    print(
        f"ratio: {ratio:.1%} (median of the rounds' ratios, {ratios[0]:.1%} to {ratios[-1]:.1%}; "
        f"ratio of the medians {rate / hello:.1%}; "
        f"target >= 25%: {'met' if ratio >= 0.25 else 'NOT met'})"
    )
    total = html + css
    print(
        f"question page: {html} B HTML + {css} B CSS = {total / 1024:.1f} KB "
        f"(target < 50 KB: {'met' if total < 50 * 1024 else 'NOT met'}); no external URLs"
    )


if __name__ == "__main__":
    main()
