"""The SQLite counter file behind the login and registration limits, under real concurrency."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

from quizapp.rate_limits import SQLiteStorage, storage_uri

WORKERS = 32


def _hit(uri: str, barrier, errors) -> None:
    """Open the counters at the same moment as every other process, and count one hit."""
    barrier.wait()
    try:
        SQLiteStorage(uri).incr("register/127.0.0.1", 60)
    except Exception as exc:  # reported to the test, which fails on any
        errors.put(repr(exc))


def test_workers_opening_a_new_counter_file_at_once_all_count(tmp_path: Path):
    # gunicorn workers start together and their first requests all create the file: switching a
    # new file to WAL used to answer "database is locked" at once, a 500 for the request.
    for round_ in range(10):
        uri = storage_uri(str(tmp_path / f"limits-{round_}.sqlite"))
        ctx = multiprocessing.get_context("fork")
        barrier, errors = ctx.Barrier(WORKERS), ctx.Queue()
        procs = [ctx.Process(target=_hit, args=(uri, barrier, errors)) for _ in range(WORKERS)]
        for p in procs:
            p.start()
        for p in procs:
            p.join(timeout=60)
        found = []
        while not errors.empty():
            found.append(errors.get())
        assert not found, found
        assert SQLiteStorage(uri).get("register/127.0.0.1") == WORKERS
