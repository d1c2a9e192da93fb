"""Faults under load: a worker killed, the whole server killed and restarted; nothing is lost.

Runs benchmarks/load.py's --faults mode, shortened: `quizapp serve --workers 2` on a fresh
database (a SQLite file, or the PostgreSQL test database), 10 students answering 10 questions
each, retrying on connection errors and 502/503 with the same data. When a quarter of the answers
are in, one worker is SIGKILLed; at 60 % the master and workers are SIGKILLed and the server is
started again. Then the database must hold every answer sent, once, scored as the scorer scores it.
"""

from __future__ import annotations

import pytest

from benchmarks import load
from tests import conftest

pytestmark = pytest.mark.slow


def test_killed_worker_and_restarted_server_lose_and_duplicate_nothing(database_url):
    postgres = database_url.startswith("postgres")
    try:
        result = load.run(students=10, database_url=database_url if postgres else None,
                          workers=2, threads=4, faults=True, think=0.2, timeout=120,
                          redis=False, quiet=True)  # fmt: skip
    finally:
        conftest._prepared.discard(database_url)  # the run rebuilt the schema: migrate again
    ledger, audit = result.ledger, result.audit
    assert [e.split(": ", 1)[1].split(" ")[1] for e in result.events] == [
        "worker",
        "master",
        "back",
    ]
    assert not ledger.failures, ledger.failures
    assert len(ledger.sent) == len(ledger.acked) == 100
    assert len(ledger.finished) == 10
    assert audit.responses == 100 and audit.attempts == 10
    assert audit.duplicates == 0 and audit.lost_acked == 0 and audit.lost_sent == 0
    assert audit.wrong_answer == 0 and audit.rescore_mismatch == 0
    assert audit.score_mismatch == 0 and audit.unfinished == 0
    assert set(result.server_errors) <= {503}, result.server_errors
    assert ledger.connection_errors > 0, "the faults should have cut some connections"
