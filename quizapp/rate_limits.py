"""A rate-limit storage in a SQLite file, shared by every worker of one machine.

Flask-Limiter's `memory://` counts in each worker, so N workers allow N times each limit. The
default set-up serves several gunicorn workers on one machine with a SQLite database, so the
counters live in a SQLite file of the instance folder (`quizapp-sqlite:///<path>`): one small
write transaction per throttled request (logins, registrations, new guests), never on the
answer path. Several machines share counters through Redis (`redis://...`) instead.
"""

from __future__ import annotations

import os
import sqlite3
import threading
import time

from limits.storage import Storage

SCHEME = "quizapp-sqlite"


def storage_uri(path: str) -> str:
    """Return the storage URI of a SQLite counter file."""
    return f"{SCHEME}:///{os.path.abspath(path).lstrip('/')}"


def open_counters(path: str, tries: int = 40) -> sqlite3.Connection:
    """Open the counter file, making it (WAL, its table) when it is new.

    Workers starting together all open a new file at once, and switching a file to WAL takes a
    lock that SQLite does not wait for (it answers "database is locked" at once): the mode is
    switched only when it is not WAL yet, and a locked set-up is tried again a moment later.
    """
    for attempt in range(tries):
        conn = sqlite3.connect(path, timeout=10, isolation_level=None)
        try:
            if conn.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
                conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute(
                "CREATE TABLE IF NOT EXISTS counters "
                "(key TEXT PRIMARY KEY, value INTEGER NOT NULL, expires REAL NOT NULL)"
            )
            return conn
        except sqlite3.OperationalError as exc:
            conn.close()
            if "locked" not in str(exc) and "busy" not in str(exc) or attempt == tries - 1:
                raise
            time.sleep(0.01 * (attempt + 1))
    raise AssertionError("unreachable")


class SQLiteStorage(Storage):
    """Fixed-window counters in a SQLite file (WAL, one IMMEDIATE transaction per hit)."""

    STORAGE_SCHEME = [SCHEME]

    def __init__(self, uri: str | None = None, wrap_exceptions: bool = False, **options) -> None:
        super().__init__(uri, wrap_exceptions, **options)
        path = (uri or "").split("://", 1)[-1]
        if not path or path == ":memory:":
            raise ValueError(f"{SCHEME} needs a file: {SCHEME}:////path/to/rate-limits.sqlite")
        self.path = path
        self._local = threading.local()

    @property
    def base_exceptions(self) -> type[Exception]:
        return sqlite3.Error

    def _connection(self) -> sqlite3.Connection:
        """Return this thread's connection (a new one after a fork: workers share no handle)."""
        held = getattr(self._local, "held", None)
        if held is not None and held[0] == os.getpid():
            return held[1]
        os.makedirs(os.path.dirname(self.path) or ".", exist_ok=True)
        conn = open_counters(self.path)
        self._local.held = (os.getpid(), conn)
        return conn

    def incr(self, key: str, expiry: int, amount: int = 1) -> int:
        conn, now = self._connection(), time.time()
        conn.execute("BEGIN IMMEDIATE")
        try:
            conn.execute("DELETE FROM counters WHERE expires <= ?", (now,))
            conn.execute(
                "INSERT INTO counters (key, value, expires) VALUES (?, ?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = value + excluded.value",
                (key, amount, now + expiry),
            )
            (value,) = conn.execute("SELECT value FROM counters WHERE key = ?", (key,)).fetchone()
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        return value

    def get(self, key: str) -> int:
        row = self._connection().execute(
            "SELECT value FROM counters WHERE key = ? AND expires > ?", (key, time.time())
        ).fetchone()
        return row[0] if row else 0

    def get_expiry(self, key: str) -> float:
        row = self._connection().execute(
            "SELECT expires FROM counters WHERE key = ? AND expires > ?", (key, time.time())
        ).fetchone()
        return row[0] if row else time.time()

    def check(self) -> bool:
        try:
            self._connection().execute("SELECT 1").fetchone()
        except sqlite3.Error:
            return False
        return True

    def reset(self) -> int | None:
        return self._connection().execute("DELETE FROM counters").rowcount

    def clear(self, key: str) -> None:
        self._connection().execute("DELETE FROM counters WHERE key = ?", (key,))
