"""Against a real server: `quizapp serve` with two gunicorn workers, on the test database.

Registration races and rate limits are only real with concurrent requests reaching separate
processes: here each request is its own connection from its own thread, all released at once.
"""

from __future__ import annotations

import http.client
import os
import secrets
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlencode

import pytest
from sqlalchemy import func, select

from quizapp.extensions import db
from quizapp.models import User
from tests.conftest import make_user

LOGIN_LIMIT = 5


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Served:
    """A `quizapp serve` process and a way to send it many requests at once."""

    def __init__(self, port: int, process: subprocess.Popen):
        self.port, self.process = port, process

    def request(self, method: str, path: str, form: dict | None = None, cookie: str = ""):
        """Send one request on a new connection; return (status, headers, body)."""
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        headers = {"Content-Type": "application/x-www-form-urlencoded"}
        if cookie:
            headers["Cookie"] = cookie
        try:
            conn.request(method, path, urlencode(form or {}), headers)
            response = conn.getresponse()
            return response.status, response.headers, response.read().decode()
        finally:
            conn.close()

    def post(self, path: str, form: dict) -> tuple[int, str]:
        status, _, body = self.request("POST", path, form)
        return status, body

    def at_once(self, requests: list[tuple[str, dict]]) -> list[tuple[int, str]]:
        """Send every (path, form) from its own thread, released together; return the results."""
        barrier = threading.Barrier(len(requests))
        results: list = [None] * len(requests)

        def send(i: int, path: str, form: dict) -> None:
            barrier.wait()
            results[i] = self.post(path, form)

        threads = [threading.Thread(target=send, args=(i, *r)) for i, r in enumerate(requests)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)
        return results


@contextmanager
def serving(database_url: str, tmp_path: Path, **settings: str) -> Iterator[Served]:
    """Run `quizapp serve` (2 workers) on the test database until the block ends."""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("QUIZAPP_")}
    env.update({
        "QUIZAPP_DATABASE_URL": database_url,
        "QUIZAPP_INSTANCE_PATH": str(tmp_path / "instance"),
        "QUIZAPP_LOAD_DEMO": "false",
        "QUIZAPP_WTF_CSRF_ENABLED": "false",
        "QUIZAPP_LOGIN_RATE_LIMIT": f"{LOGIN_LIMIT} per minute",
        "QUIZAPP_REGISTER_RATE_LIMIT": "1000 per minute",
        **settings,
    })  # fmt: skip
    log = open(tmp_path / "serve.log", "wb")  # closed at teardown
    process = subprocess.Popen(
        [sys.executable, "-m", "quizapp", "serve", "--port", str(port), "--workers", "2",
         "--threads", "4"], env=env, stdout=log, stderr=subprocess.STDOUT)  # fmt: skip
    try:
        for _ in range(240):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert process.poll() is None, (tmp_path / "serve.log").read_text()
                time.sleep(0.25)
        yield Served(port, process)
    finally:
        process.terminate()
        process.wait(timeout=30)
        log.close()


@pytest.fixture
def served(app, database_url, tmp_path) -> Iterator[Served]:
    """Serve the (empty, migrated) test database with 2 workers, CSRF off, login limit 5/min."""
    with serving(database_url, tmp_path, QUIZAPP_SECRET_KEY=secrets.token_hex(32)) as server:
        yield server


def test_serve_without_a_key_makes_one_and_keeps_it_across_restarts(app, database_url, tmp_path):
    make_user("ana")
    key_file = tmp_path / "instance" / "secret_key"
    with serving(database_url, tmp_path) as server:
        status, headers, _ = server.request("POST", "/auth/login",
                                            {"username": "ana", "password": "correct horse"})
        assert status == 302
        cookie = headers["Set-Cookie"].split(";")[0]
        assert server.request("GET", "/me/history", cookie=cookie)[0] == 200
    key = key_file.read_text()
    assert len(key.strip()) == 64 and (key_file.stat().st_mode & 0o777) == 0o600
    with serving(database_url, tmp_path) as server:  # a restart: the same key, still logged in
        assert server.request("GET", "/me/history", cookie=cookie)[0] == 200
    assert key_file.read_text() == key


def test_concurrent_registrations_of_one_name_make_one_account(served):
    names = ["racer", "Racer", "RACER", "rAcEr"] * 4  # the same name, and its case variants
    results = served.at_once([
        ("/auth/register", {"username": n, "password": "long enough pw",
                            "confirm": "long enough pw"}) for n in names])  # fmt: skip
    codes = sorted(code for code, _ in results)
    assert codes == [302] + [400] * (len(names) - 1), codes
    assert all("is taken" in body for code, body in results if code == 400)
    db.session.expire_all()
    stmt = select(func.count(User.id)).where(func.lower(User.username) == "racer")
    assert db.session.execute(stmt).scalar_one() == 1


def test_the_login_limit_holds_across_workers(served):
    form = {"username": "nobody", "password": "not a password"}
    results = served.at_once([("/auth/login", form)] * (3 * LOGIN_LIMIT))
    codes = [code for code, _ in results]
    assert codes.count(400) == LOGIN_LIMIT, codes  # refused logins, counted once for all workers
    assert codes.count(429) == 2 * LOGIN_LIMIT, codes
