"""CPU per request of the question page (GET), the article included, and its requests/s.

quizapp runs under gunicorn (1 worker, gthread, 4 threads, 127.0.0.1, no control socket) on a
real SQLite file holding the demo bank (questions/demo.json: five articles, 162 questions, every
type), many users and past attempts. Logged-in clients (keep-alive http.client, one session
each) GET the question pages of their open practice attempts (not answered yet), cycling
through every position, so every question type and every article is shown. The figure is the
server's CPU time (user + system of the gunicorn master and worker, read from /proc) divided by
the pages served; requests/s is printed too. Each page is checked to be a 200 holding the form.

With --against DIR (another checkout of quizapp, such as the commit before a change), each round
also serves that checkout's app on the same database, one side after the other, and the figure
to read is the median of the rounds' CPU ratios: this shared machine's speed drifts over minutes.

Run: .venv/bin/python benchmarks/bench_question_page.py [--seconds 6] [--rounds 5] [--clients 4]
     [--against /path/to/other/checkout]
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_answer import (  # noqa: E402
    GUNICORN,
    PASSWORD,
    Client,
    add_history,
    app_env,
    free_port,
    run_clients,
    token,
)

USERS = 40
HISTORY = 3  # finished past attempts per user


def quizapp_app():
    """Return quizapp as served."""
    from quizapp import create_app

    return create_app()


def prepare(folder: Path) -> tuple[int, list[tuple[str, int, int]]]:
    """Fill the database with the demo bank, users, past attempts and one open attempt each."""
    os.environ.update(app_env(folder))
    from werkzeug.security import generate_password_hash

    from quizapp import create_app
    from quizapp.core.banks.native import load_bank
    from quizapp.extensions import db, dispose_engines
    from quizapp.models import Attempt, User
    from quizapp.services.banks import add_bank
    from quizapp.services.setup import upgrade_database
    from tests.factories import make_quiz

    doc = load_bank((ROOT / "questions" / "demo.json").read_bytes(), "json")
    app = create_app()
    with app.app_context():
        upgrade_database()
        bank = add_bank(doc, None, status="approved")
        db.session.commit()
        quiz = make_quiz([bank], shuffle=False)
        ids = [q.id for q in bank.questions]
        cheap = generate_password_hash(PASSWORD, method="pbkdf2:sha256:1000")
        work = []
        for u in range(USERS):
            user = User(username=f"bench{u}", role="student", password_hash=cheap)
            db.session.add(user)
            db.session.flush()
            add_history(quiz.id, user.id, ids, HISTORY, mode="test")
            # practice, as the demo quiz: no answer yet, so every position shows its page
            open_attempt = Attempt(
                quiz_id=quiz.id,
                user_id=user.id,
                mode="practice",
                question_ids=ids,
                choice_orders={},
                max_score=len(ids),
            )
            db.session.add(open_attempt)
            db.session.flush()
            work.append((user.username, open_attempt.id, len(ids)))
        db.session.commit()
        quiz_id = quiz.id
        dispose_engines()
    return quiz_id, work


def serve(root: Path, env: dict[str, str]) -> tuple[subprocess.Popen, int]:
    """Start gunicorn on the app of a checkout at `root`; wait until it answers."""
    port = free_port()
    cmd = [sys.executable, "-m", "gunicorn", *GUNICORN, "-b", f"127.0.0.1:{port}",
           "--chdir", str(root / "benchmarks"), "--pythonpath", str(root),
           "bench_question_page:quizapp_app()"]  # fmt: skip
    proc = subprocess.Popen(cmd, env={**env, "PYTHONPATH": str(root)})
    for _ in range(200):
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return proc, port
        except OSError:
            time.sleep(0.05)
    proc.kill()
    raise SystemExit(f"gunicorn did not start for {root}")


def measure(root: Path, env, work, clients: int, seconds: float, start: int):
    """Serve one checkout afresh; return (ms CPU per page, pages/s, largest page bytes)."""
    proc, port = serve(root, env)
    try:
        sessions = log_in(port, work, clients)
        bench_pages(port, sessions, 1.0, 0)  # warm up: imports, caches, templates
        pids = process_tree(proc.pid)
        before = cpu_seconds(pids)
        done, size, elapsed = bench_pages(port, sessions, seconds, start)
        used = cpu_seconds(pids) - before
    finally:
        proc.terminate()
        proc.wait()
    return used / done * 1000, done / elapsed, size


def process_tree(pid: int) -> list[int]:
    """Return a process and its descendants (Linux /proc)."""
    pids, todo = [], [pid]
    while todo:
        p = todo.pop()
        pids.append(p)
        for task in Path(f"/proc/{p}/task").iterdir():
            children = (task / "children").read_text().split()
            todo.extend(int(c) for c in children)
    return pids


def cpu_seconds(pids: list[int]) -> float:
    """Return the user + system CPU seconds used so far by the processes."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0
    for p in pids:
        fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
        total += int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15)
    return total / tick


def log_in(port: int, work, clients: int) -> list[list[tuple[Client, int, int]]]:
    """Log every user in; return each client thread's sessions."""
    shares = [work[i::clients] for i in range(clients)]
    sessions: list[list[tuple[Client, int, int]]] = [[] for _ in range(clients)]

    def job(i: int, deadline: float) -> tuple[int, int]:
        for username, attempt_id, total in shares[i]:
            client = Client(port)
            _, page = client.request("GET", "/auth/login")
            form = {"username": username, "password": PASSWORD, "csrf_token": token(page)}
            status, _ = client.request("POST", "/auth/login", form)
            assert status == 302, f"login failed: {status}"
            sessions[i].append((client, attempt_id, total))
        return len(shares[i]), 0

    run_clients(clients, 3600, job)
    return sessions


def bench_pages(port: int, sessions, seconds: float, start: int) -> tuple[int, int, float]:
    """GET question pages for `seconds`; return (pages, bytes of the last page, elapsed)."""
    sizes = [0] * len(sessions)

    def job(i: int, deadline: float) -> tuple[int, int]:
        done = errors = 0
        mine = sessions[i]
        n = start + i
        while time.perf_counter() < deadline:
            client, attempt_id, total = mine[n % len(mine)]
            position = n % total + 1
            n += 1
            status, html = client.request(
                "GET", f"/quizzes/attempts/{attempt_id}/questions/{position}"
            )
            ok = status == 200 and 'name="answer"' in html
            done, errors = done + ok, errors + (not ok)
            sizes[i] = len(html.encode())
        return done, errors

    done, errors, elapsed = run_clients(len(sessions), seconds, job)
    assert errors == 0, f"{errors} question pages failed"
    return done, max(sizes), elapsed


def main() -> None:
    """Prepare, then serve and measure --rounds times (fresh servers each round)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=6.0)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--against", type=Path, help="another checkout to compare with")
    args = parser.parse_args()
    sides = [("this checkout", ROOT)]
    if args.against:
        sides.append((f"against {args.against}", args.against.resolve()))
    cpu: dict[str, list[float]] = {label: [] for label, _ in sides}
    rate: dict[str, list[float]] = {label: [] for label, _ in sides}
    size: dict[str, int] = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        _, work = prepare(folder)
        env = app_env(folder)
        for round_ in range(1, args.rounds + 1):
            line = []
            order = sides if round_ % 2 else sides[::-1]  # alternate which side goes first
            for label, root in order:
                ms, per_s, size[label] = measure(
                    root, env, work, args.clients, args.seconds, 7 * round_
                )
                cpu[label].append(ms)
                rate[label].append(per_s)
                line.append(f"{label}: {ms:.2f} ms CPU/request, {per_s:.1f} requests/s")
            print(f"round {round_}: " + "; ".join(line), flush=True)
    print(
        f"gunicorn {' '.join(GUNICORN)}; {args.clients} keep-alive clients, "
        f"{args.seconds:g} s each, {args.rounds} rounds; demo bank, {USERS} users, practice"
    )
    for label, _ in sides:
        c = cpu[label]
        print(
            f"question GET ({label}): {statistics.median(c):.2f} ms CPU/request (median; "
            f"{min(c):.2f} to {max(c):.2f}), {statistics.median(rate[label]):.1f} requests/s "
            f"(median); largest page {size[label]} B"
        )
    if args.against:
        ratios = sorted(a / b for a, b in zip(*cpu.values(), strict=True))
        print(
            f"CPU per request, this checkout / the other: {statistics.median(ratios):.2f} "
            f"(median of the rounds' ratios, {ratios[0]:.2f} to {ratios[-1]:.2f})"
        )


if __name__ == "__main__":
    main()
