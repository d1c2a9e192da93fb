"""The hot paths use indexes: no full table scan in the SQL of the pages students and
instructors hit most (log in, home, question, answer POST, feedback, result, history, gradebook).

SQLite's EXPLAIN QUERY PLAN says SCAN for a full table scan and SEARCH for an index lookup,
whatever the table's size, so the test runs on SQLite; PostgreSQL's planner rightly scans tables
this small. Query counts per page are checked in test_history.py and test_instructor_results.py
(1 vs 20 attempts, 5 vs 50 students) and below for the pages they do not cover.
"""

from __future__ import annotations

import re

import pytest

from quizapp.extensions import db
from quizapp.services import answers, attempts
from tests.conftest import login, make_user, recorded_statements
from tests.factories import make_bank, make_quiz

# Tables whose rows grow with use; a scan of one of them is a missing index.
GROWING = {"users", "attempts", "responses", "questions", "evidence", "sources", "banks",
           "quizzes", "quiz_banks", "bank_shares", "quiz_shares"}  # fmt: skip


def plannable(recorded) -> list[tuple[str, object]]:
    """Return the recorded SELECT, UPDATE and DELETE statements with their parameters."""
    return [
        (statement, parameters)
        for statement, parameters, executemany in recorded
        if not executemany and statement.lstrip().upper().startswith(("SELECT", "UPDATE", "DELETE"))
    ]


def scans(statements) -> list[str]:
    """Return the full scans of growing tables in the plans of the statements."""
    found = []
    with db.engine.connect() as conn:
        for statement, parameters in statements:
            plan = conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters).all()
            for row in plan:
                detail = row[-1]
                match = re.match(r"SCAN (\w+)", detail)
                if match and match.group(1) in GROWING and "USING" not in detail:
                    found.append(f"{detail}  <-  {' '.join(statement.split())[:2000]}")
    return found


@pytest.fixture
def busy(app):
    """Two instructors, three quizzes, 30 students with finished attempts."""
    if db.engine.dialect.name != "sqlite":
        pytest.skip("query plans are checked on SQLite (see the module docstring)")
    prof = make_user("prof", "instructor")
    make_user("other", "instructor")
    quizzes = [make_quiz([make_bank(prof)], prof, title=f"Quiz {i}") for i in range(3)]
    for i in range(30):
        user = make_user(f"s{i:02d}", password="correct horse")
        for quiz in quizzes[: 1 + i % 3]:
            attempt = attempts.start_attempt(quiz.id, user.id)
            for position in range(1, 4):
                answers.answer_question(attempt.id, user.id, position, "Red Cross")
            attempts.finish_attempt(attempt.id, user.id)
    return prof, quizzes


def test_hot_paths_use_indexes(app, client, busy):
    prof, quizzes = busy
    with recorded_statements() as recorded:
        make_user("sam")
        assert login(client, "SAM").status_code == 302  # lower(username) lookup
        assert client.get("/").status_code == 200
        assert client.get(f"/quizzes/{quizzes[0].id}").status_code == 200
        question = client.post(f"/quizzes/{quizzes[0].id}/start").location
        assert client.get(question).status_code == 200
        assert client.post(question, data={"answer": "Red Cross"}).status_code == 302
        assert client.get(question + "/feedback").status_code == 200
        attempt_id = question.split("/")[3]
        assert client.post(f"/quizzes/attempts/{attempt_id}/submit").status_code == 302
        assert client.get(f"/quizzes/attempts/{attempt_id}/result").status_code == 200
        assert client.get(f"/me/attempts/{attempt_id}").status_code == 200
        assert client.get("/me/history").status_code == 200
        client.post("/auth/logout")
        login(client, "prof")
        for url in ("/teach/", "/teach/banks", "/teach/quizzes", "/teach/sources",
                    f"/teach/quizzes/{quizzes[0].id}/results",
                    f"/teach/quizzes/{quizzes[0].id}/statistics"):  # fmt: skip
            assert client.get(url).status_code == 200, url
    statements = plannable(recorded)
    assert len(statements) > 30
    found = scans(statements)
    assert found == [], "\n".join(found)
