"""A student's history: attempts, charts, skills, attempt details; fixed query counts."""

from __future__ import annotations

import re

import pytest

from quizapp import charts
from quizapp.extensions import db
from quizapp.services import answers, attempts, question_pages
from tests.conftest import login, make_user, recorded_statements
from tests.factories import make_bank, make_quiz

RIGHT = {
    "source": "Red Cross",
    "figure": "300",
    "date": "June 17",
    "verdict": "Contradicted",
    "attribution": "Unnamed or vague reports",
}


def take(quiz_id: int, user_id: int, right: set[str], finish: bool = True) -> int:
    """Take the sample quiz through the services, right on the given question types."""
    attempt = attempts.start_attempt(quiz_id, user_id)
    attempt_id = attempt.id
    for position in range(1, len(attempt.question_ids) + 1):
        page = question_pages.question_page(attempt_id, user_id, position)
        qtype = page.question.type
        answer = RIGHT[qtype] if qtype in right else "A named source" if page.choices else "x"
        answers.answer_question(attempt_id, user_id, position, answer)
    if finish:
        attempts.finish_attempt(attempt_id, user_id)
    return attempt_id


@pytest.fixture
def quiz(app):
    return make_quiz([make_bank()])


@pytest.fixture
def student(app, client):
    user = make_user("sam")
    login(client, "sam")
    return user


def test_history_needs_a_login(client):
    assert "/auth/login" in client.get("/me/history").location


def test_empty_history_invites_to_take_a_quiz(client, student):
    page = client.get("/me/history").get_data(as_text=True)
    assert "You have not taken a quiz yet" in page


def test_history_lists_attempts_with_chart_table_and_weak_skills(client, quiz, student):
    take(quiz.id, student.id, {"source", "figure", "date"})
    take(quiz.id, student.id, {"source", "figure", "date", "verdict"})
    take(quiz.id, student.id, set(), finish=False)
    page = client.get("/me/history").get_data(as_text=True)
    assert page.count("<td>Flood quiz") == 3
    assert "3 / 5 (60%)" in page and "4 / 5 (80%)" in page and "In progress" in page
    svg = re.search(r'<svg class="chart chart-scores".*?</svg>', page, re.S).group(0)
    assert 'role="img"' in svg and '<title id="score-chart-title">' in svg
    assert 'aria-labelledby="score-chart-title score-chart-desc"' in svg
    assert svg.count("<circle") == 2
    assert '<svg class="chart chart-skills"' in page
    assert '<th scope="row">Finding the source</th>' in page
    weak = re.search(r'<p class="weak-skills">(.*?)</p>', page, re.S).group(1)
    assert "Weighing attribution" in weak and "Judging statements" in weak
    assert "Finding the source" not in weak
    assert "style=" not in page


def test_history_shows_only_ones_own_attempts(client, quiz, student):
    other = make_user("eve")
    take(quiz.id, other.id, {"source"})
    page = client.get("/me/history").get_data(as_text=True)
    assert "You have not taken a quiz yet" in page


def test_attempt_detail_reviews_every_question(client, quiz, student):
    attempt_id = take(quiz.id, student.id, {"source"})
    page = client.get(f"/me/attempts/{attempt_id}").get_data(as_text=True)
    assert "1 of 5 (20%)" in page
    assert page.count("<mark>") == 5
    assert "Practise the 4 questions I missed" in page
    assert client.get("/me/attempts/9999").status_code == 404


def test_unfinished_test_detail_hides_answers(client, app, student):
    quiz = make_quiz([make_bank()], mode="test")
    attempt_id = take(quiz.id, student.id, {"source"}, finish=False)
    page = client.get(f"/me/attempts/{attempt_id}").get_data(as_text=True)
    assert "not submitted yet" in page and "<mark>" not in page and "Resume this attempt" in page


def queries_for(client, path: str) -> int:
    db.session.expire_all()
    with recorded_statements() as statements:
        response = client.get(path)
    assert response.status_code == 200
    return len(statements)


def test_history_and_review_run_a_fixed_number_of_queries(client, quiz, student):
    first = take(quiz.id, student.id, {"source"})
    one_history = queries_for(client, "/me/history")
    one_review = queries_for(client, f"/me/attempts/{first}")
    one_result = queries_for(client, f"/quizzes/attempts/{first}/result")
    for i in range(19):
        take(quiz.id, student.id, {"source", "figure"} if i % 2 else {"date"})
    assert queries_for(client, "/me/history") == one_history
    assert queries_for(client, f"/me/attempts/{first}") == one_review
    assert queries_for(client, f"/quizzes/attempts/{first}/result") == one_result
    assert one_history <= 6 and one_review <= 8


def test_score_chart_escapes_labels_and_handles_one_point():
    svg = charts.score_chart("c", "Scores <b>", [("<script>", 50.0)])
    assert "<script>" not in svg and "&lt;script&gt;" in svg
    assert svg.count("<circle") == 1 and "<polyline" not in svg
    assert "No finished attempt yet." in charts.score_chart("c", "t", [])


def test_bar_chart_marks_weak_rows():
    svg = charts.bar_chart("s", "Skills", [("Figures", 0.25, True), ("Dates", 1.0, False)])
    assert svg.count('class="bar bar-weak"') == 1 and "25%" in svg and "100%" in svg


def test_practice_of_missed_questions_is_plotted_apart(client, student, quiz):
    from datetime import timedelta

    from quizapp.models import Attempt, utcnow

    ids = [q.id for q in quiz.banks[0].questions]
    done = utcnow() - timedelta(minutes=30)
    full = Attempt(quiz_id=quiz.id, user_id=student.id, question_ids=ids, max_score=5.0,
                   score=3.0, finished_at=done)  # fmt: skip
    db.session.add(full)
    db.session.flush()
    db.session.add(Attempt(quiz_id=quiz.id, user_id=student.id, question_ids=ids[:2],
                           max_score=2.0, score=2.0, retry_of_id=full.id,
                           finished_at=done + timedelta(minutes=5)))  # fmt: skip
    db.session.commit()
    page = client.get("/me/history").get_data(as_text=True)
    scores = page[page.index('id="score-chart"') : page.index("</svg>")]
    assert scores.count("<circle") == 1 and ">60%<" in scores
    practice = page[page.index('id="practice-chart"') :]
    assert practice[: practice.index("</svg>")].count("<circle") == 1
    assert "practice of missed questions" in page and "Started (UTC)" in page
