"""Races against a real server: concurrent HTTP requests from threads, one session each.

The app is served by werkzeug in a thread (threaded: one thread per request) on the test
database, SQLite or PostgreSQL. Each test releases all its requests at once behind a barrier,
then audits the database:
- two Starts at once never give a student more attempts than the quiz allows;
- an answer racing with Submit is in the score, or refused with a message showing it: never
  stored and left out of the score (also a test-mode answer changed at the moment of Submit).
"""

from __future__ import annotations

import http.client
import logging
import threading
from collections.abc import Callable, Iterator
from html import unescape
from urllib.parse import urlencode, urlsplit

import pytest
from sqlalchemy import func, select
from werkzeug.serving import make_server

from quizapp.extensions import db, dispose_engines
from quizapp.models import Attempt, Response
from quizapp.services import accounts, answers, attempts
from tests.conftest import make_test_app
from tests.factories import make_bank, make_quiz

STUDENTS = 16
PASSWORD = "correct horse"
REFUSED = "was not saved and is not in the score"


class Server:
    """The app served over HTTP by werkzeug in a background thread."""

    def __init__(self, app):
        self.app = app
        self._server = make_server("127.0.0.1", 0, app, threaded=True)
        self.port = self._server.server_port
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._server.shutdown()
        self._thread.join(timeout=10)

    def run(self, func: Callable, *args):
        """Call func inside the app context (to seed or inspect the database)."""
        with self.app.app_context():
            try:
                return func(*args)
            finally:
                db.session.remove()


class Browser:
    """One student's cookies, sending requests over a fresh connection each (no redirects)."""

    def __init__(self, port: int):
        self.port = port
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, form: dict | None = None):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        body = None
        if form is not None:
            body = urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            conn.request(method, path, body=body, headers=headers)
            response = conn.getresponse()
            text = response.read().decode()
            for name, value in response.getheaders():
                if name.lower() == "set-cookie":
                    key, _, rest = value.partition("=")
                    self.cookies[key] = rest.split(";", 1)[0]
            location = response.getheader("Location") or ""
            return response.status, urlsplit(location).path, text
        finally:
            conn.close()

    def log_in(self, username: str) -> None:
        status, _, _ = self.request(
            "POST", "/auth/login", {"username": username, "password": PASSWORD}
        )
        assert status == 302


@pytest.fixture
def server(database_url, tmp_path) -> Iterator[Server]:
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    app = make_test_app(database_url, tmp_path, PROPAGATE_EXCEPTIONS=False)
    served = Server(app)
    yield served
    served.stop()
    with app.app_context():
        db.session.remove()
        dispose_engines()


def all_at_once(calls: list[Callable[[], object]]) -> list[object]:
    """Run the calls in threads released together; return their results (or raise)."""
    barrier = threading.Barrier(len(calls))
    results: list[object] = [None] * len(calls)
    errors: list[BaseException] = []

    def worker(i: int) -> None:
        try:
            barrier.wait(timeout=30)
            results[i] = calls[i]()
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(len(calls))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    if errors:
        raise errors[0]
    return results


def students(server: Server, count: int) -> list[tuple[int, Browser]]:
    """Make student accounts (a cheap hash) and log each in; return their ids and browsers."""

    def make() -> list[int]:
        return [accounts.create_user(f"racer{i:02d}", PASSWORD, "student").id for i in range(count)]

    ids = server.run(make)
    browsers = []
    for i, uid in enumerate(ids):
        browser = Browser(server.port)
        browser.log_in(f"racer{i:02d}")
        browsers.append((uid, browser))
    return browsers


@pytest.mark.parametrize("allowed, done_before", [(1, 0), (2, 1)])
def test_two_starts_at_once_never_exceed_the_attempts_allowed(server, allowed, done_before):
    quiz_id = server.run(lambda: make_quiz([make_bank()], attempts_allowed=allowed).id)
    crowd = students(server, STUDENTS)

    def finish_some() -> None:
        for uid, _ in crowd:
            for _ in range(done_before):
                attempt = attempts.start_attempt(quiz_id, uid)
                attempts.finish_attempt(attempt.id, uid)

    server.run(finish_some)
    calls = [
        (lambda b=b: b.request("POST", f"/quizzes/{quiz_id}/start", {}))
        for _, b in crowd
        for _ in range(2)
    ]
    results = all_at_once(calls)
    assert all(status == 302 for status, _, _ in results), results

    def counts() -> dict[int, int]:
        stmt = (
            select(Attempt.user_id, func.count(Attempt.id))
            .where(Attempt.quiz_id == quiz_id)
            .group_by(Attempt.user_id)
        )
        return dict(db.session.execute(stmt).all())

    assert server.run(counts) == {uid: allowed for uid, _ in crowd}
    # Both clicks of a student land in the same attempt.
    for i in range(0, len(results), 2):
        assert results[i][1] == results[i + 1][1]
        assert "/quizzes/attempts/" in results[i][1]


def audit(quiz_id: int) -> list[str]:
    """Return every finished attempt of the quiz whose score is not the sum of its answers."""
    stmt = (
        select(Attempt.id, Attempt.score, func.coalesce(func.sum(Response.credit), 0.0))
        .outerjoin(Response, Response.attempt_id == Attempt.id)
        .where(Attempt.quiz_id == quiz_id)
        .group_by(Attempt.id, Attempt.score)
    )
    return [
        f"attempt {aid}: score {score}, answers {total}"
        for aid, score, total in db.session.execute(stmt)
        if score is None or abs(score - total) > 1e-9
    ]


@pytest.mark.parametrize("mode", ["practice", "test"])
def test_an_answer_racing_with_submit_is_counted_or_refused_with_a_message(server, mode):
    quiz_id = server.run(lambda: make_quiz([make_bank()], mode=mode).id)
    crowd = students(server, STUDENTS)

    def begin() -> list[int]:
        ids = []
        for uid, _ in crowd:
            attempt = attempts.start_attempt(quiz_id, uid)
            if mode == "test":  # a first answer to change at the moment of Submit
                answers.answer_question(attempt.id, uid, 1, "nobody")
            ids.append(attempt.id)
        return ids

    attempt_ids = server.run(begin)
    calls = []
    for (_, browser), aid in zip(crowd, attempt_ids, strict=True):
        question = f"/quizzes/attempts/{aid}/questions/1"
        calls.append(lambda b=browser, q=question: b.request("POST", q, {"answer": "Red Cross"}))
        calls.append(
            lambda b=browser, a=aid: b.request("POST", f"/quizzes/attempts/{a}/submit", {})
        )
    results = all_at_once(calls)
    assert all(status == 302 for status, _, _ in results), results
    assert server.run(audit, quiz_id) == []

    def stored() -> dict[int, str]:
        stmt = select(Response.attempt_id, Response.answer).where(
            Response.attempt_id.in_(attempt_ids)
        )
        return dict(db.session.execute(stmt).all())

    answers_now = server.run(stored)
    for (_, browser), aid, (_, location, _) in zip(
        crowd, attempt_ids, results[::2], strict=True
    ):
        if answers_now.get(aid) == "Red Cross":
            continue  # saved before Submit: in the score (audited above)
        # Refused: the student is told, and sees what they sent.
        assert location.endswith(f"/attempts/{aid}/result"), location
        _, _, page = browser.request("GET", location)
        page = unescape(page)
        assert REFUSED in page and "Red Cross" in page

    def finished() -> int:
        stmt = select(func.count(Attempt.id)).where(
            Attempt.id.in_(attempt_ids), Attempt.finished_at.is_not(None)
        )
        return db.session.execute(stmt).scalar_one()

    assert server.run(finished) == len(attempt_ids)


def test_rejecting_a_question_while_students_answer_it_loses_nothing(server):
    from quizapp.models import Question

    def seed() -> tuple[int, int]:
        teacher = accounts.create_user("teacher", PASSWORD, "instructor")
        bank = make_bank(teacher)
        return make_quiz([bank], teacher).id, bank.questions[0].id

    quiz_id, first = server.run(seed)
    crowd = students(server, STUDENTS)
    teacher = Browser(server.port)
    teacher.log_in("teacher")
    attempt_ids = server.run(
        lambda: [attempts.start_attempt(quiz_id, uid).id for uid, _ in crowd]
    )
    assert teacher.request("POST", f"/teach/questions/{first}/withdraw", {})[0] == 302
    calls = [
        (lambda b=b, a=a: b.request("POST", f"/quizzes/attempts/{a}/questions/1",
                                    {"answer": "Red Cross"}))
        for (_, b), a in zip(crowd, attempt_ids, strict=True)
    ]  # fmt: skip
    calls.append(lambda: teacher.request("POST", f"/teach/questions/{first}/reject", {}))
    results = all_at_once(calls)
    assert all(status == 302 for status, _, _ in results), results

    def kept() -> tuple[str | None, int]:
        question = db.session.get(Question, first)
        count = select(func.count(Response.id)).where(Response.question_id == first)
        return (question.status if question else None), db.session.execute(count).scalar_one()

    assert server.run(kept) == ("retired", STUDENTS)  # every answer stored, the question kept
    for (_, browser), aid in zip(crowd, attempt_ids, strict=True):
        status, _, _ = browser.request("POST", f"/quizzes/attempts/{aid}/submit", {})
        assert status == 302
    assert server.run(audit, quiz_id) == []
    assert server.run(lambda: db.session.execute(
        select(func.min(Attempt.score)).where(Attempt.id.in_(attempt_ids))
    ).scalar_one()) == 1.0  # fmt: skip
