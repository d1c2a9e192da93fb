"""The command line: create-user, init, and one-line configuration errors."""

import os
import subprocess
import sys

import pytest
from sqlalchemy import func, select

from quizapp.extensions import db
from quizapp.models import Bank, Question, Quiz, User
from tests.conftest import login


def test_create_instructor_reads_password_from_stdin_and_can_log_in(app, client):
    result = app.test_cli_runner().invoke(
        args=["create-user", "prof", "--role", "instructor"], input="a strong password\n"
    )
    assert result.exit_code == 0, result.output
    assert "Created instructor 'prof'" in result.output
    assert "a strong password" not in result.output
    user = db.session.execute(select(User).where(User.username == "prof")).scalar_one()
    assert user.role == "instructor"
    assert login(client, "prof", "a strong password").status_code == 302


def test_create_user_refuses_short_password_and_duplicates(app):
    runner = app.test_cli_runner()
    short = runner.invoke(args=["create-user", "prof"], input="short\n")
    assert short.exit_code != 0 and "at least 8 characters" in short.output
    runner.invoke(args=["create-user", "prof"], input="long enough\n")
    again = runner.invoke(args=["create-user", "prof"], input="long enough\n")
    assert again.exit_code != 0 and "is taken" in again.output


def test_create_user_takes_no_password_argument(app):
    result = app.test_cli_runner().invoke(args=["create-user", "prof", "--password", "x"])
    assert result.exit_code != 0
    assert "No such option" in result.output


BANK = """{"format": "quizapp-bank", "version": 1, "title": "Tiny demo", "description": "d",
 "sources": [{"id": "s1", "title": "T", "publisher": "P", "author": null, "date": "2025-02-02",
   "url": null, "text": "The agency said 40 ships sank."}],
 "questions": [{"id": "q1", "type": "figure", "prompt": "How many ships sank?",
   "answer": "40", "accept": ["forty"], "choices": null,
   "evidence": [{"source": "s1", "start": 0, "end": 30}], "explanation": "e", "tags": ["figure"],
   "difficulty": 0.3}]}"""


def test_init_loads_bank_files_once_and_publishes_a_quiz(app, tmp_path):
    folder = tmp_path / "questions"
    folder.mkdir()
    (folder / "tiny.json").write_text(BANK, encoding="utf-8")
    app.config.update(QUESTIONS_DIR=str(folder), LOAD_DEMO=True)
    runner = app.test_cli_runner()
    first = runner.invoke(args=["init"])
    assert first.exit_code == 0, first.output
    assert "loaded 1 new bank file" in first.output
    second = runner.invoke(args=["init"])
    assert "loaded 0 new bank file" in second.output
    db.session.expire_all()
    assert db.session.scalar(select(func.count(Bank.id))) == 1
    assert db.session.scalar(select(func.count(Question.id))) == 1
    quiz = db.session.execute(select(Quiz)).scalar_one()
    assert quiz.published and quiz.title == "Tiny demo"
    assert "Tiny demo" in app.test_client().get("/").get_data(as_text=True)


def run_cli(*args, env=None):
    environment = {k: v for k, v in os.environ.items() if not k.startswith("QUIZAPP_")}
    environment.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "quizapp", *args],
        capture_output=True,
        text=True,
        env=environment,
        timeout=60,
    )


@pytest.mark.parametrize("key", ["x", "a" * 64, "abcabcabc" * 8, "0123456789abcdef"])
def test_serve_refuses_a_weak_secret_key_with_one_clear_line(tmp_path, key):
    result = run_cli("serve", env={"QUIZAPP_INSTANCE_PATH": str(tmp_path),
                                   "QUIZAPP_SECRET_KEY": key})  # fmt: skip
    assert result.returncode == 2
    assert "QUIZAPP_SECRET_KEY is too weak" in result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_a_wsgi_server_without_any_secret_key_fails_with_one_clear_line(tmp_path):
    code = "import quizapp.wsgi"
    environment = {k: v for k, v in os.environ.items() if not k.startswith("QUIZAPP_")}
    environment["QUIZAPP_INSTANCE_PATH"] = str(tmp_path)
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            env=environment, timeout=60)  # fmt: skip
    assert result.returncode != 0
    assert "QUIZAPP_SECRET_KEY is not set" in result.stderr


def test_unreachable_database_fails_with_one_clear_line(tmp_path):
    env = {
        "QUIZAPP_SECRET_KEY": "a long and random enough secret key for tests",
        "QUIZAPP_INSTANCE_PATH": str(tmp_path),
        "QUIZAPP_DATABASE_URL": "postgresql://nobody:secretpw@127.0.0.1:1/nowhere",
    }
    result = run_cli("serve", env=env)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "cannot reach the database" in lines[0]
    assert "secretpw" not in lines[0]


def test_serve_runs_gunicorn_outside_the_commands_app_context(app, monkeypatch):
    """gunicorn's sync worker serves in the command's thread; requests need their own context."""
    from flask import has_app_context
    from gunicorn.app.base import BaseApplication

    seen = []
    monkeypatch.setattr(BaseApplication, "run", lambda self: seen.append(has_app_context()))
    result = app.test_cli_runner().invoke(args=["serve", "--workers", "1", "--threads", "1"])
    assert result.exit_code == 0, result.output
    assert seen == [False]
