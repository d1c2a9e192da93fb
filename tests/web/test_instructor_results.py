"""Results: gradebook (fixed query count), question statistics, CSV export without formulas."""

import csv
import io
from datetime import timedelta

import pytest

from quizapp.extensions import db
from quizapp.models import Attempt, Response, User, utcnow
from quizapp.services.results import safe_cell
from tests.conftest import login, make_user, recorded_statements
from tests.factories import make_bank, make_quiz


@pytest.fixture
def prof(app, client):
    user = make_user("prof", "instructor")
    login(client, "prof")
    return user


@pytest.fixture
def quiz(prof):
    return make_quiz([make_bank(prof)], prof)


def take(quiz, user, credits: list[float], answers: list[str] | None = None, minutes=0,
         finished=True) -> Attempt:  # fmt: skip
    """Store an attempt at the quiz's questions earning the given credits, in order."""
    qids = [q.id for b in quiz.banks for q in b.questions][: len(credits)]
    started = utcnow() - timedelta(hours=1) + timedelta(minutes=minutes)
    attempt = Attempt(quiz_id=quiz.id, user_id=user.id, question_ids=qids, started_at=started,
                      finished_at=started + timedelta(minutes=5) if finished else None,
                      score=sum(credits) if finished else None, max_score=len(qids))  # fmt: skip
    answers = answers or ["answer"] * len(credits)
    for qid, credit, answer in zip(qids, credits, answers, strict=True):
        attempt.responses.append(
            Response(
                question_id=qid,
                answer=answer,
                credit=credit,
                correct=credit == 1.0,
                reason="r",
                seconds=12.5,
            )
        )
    db.session.add(attempt)
    db.session.commit()
    return attempt


def add_students(quiz, n: int, first: int = 0) -> None:
    for i in range(first, first + n):
        user = User(username=f"s{i:03d}", role="student")
        db.session.add(user)
        db.session.flush()
        take(quiz, user, [1, 0, 1, 0.5, 0], minutes=1)
        take(quiz, user, [1, 1, 1, 1, i % 2], minutes=2)


def test_gradebook_ranks_students_by_best_score_with_last_attempt(prof, client, quiz):
    ann, bob, cat = make_user("ann"), make_user("bob"), make_user("cat")
    take(quiz, ann, [1, 1, 1, 1, 0], minutes=1)
    take(quiz, ann, [1, 0, 0, 0, 0], minutes=2)
    take(quiz, bob, [1, 1, 1, 1, 1], minutes=1)
    take(quiz, cat, [0, 0, 0, 0, 0], minutes=1, finished=False)
    page = client.get(f"/teach/quizzes/{quiz.id}/results").get_data(as_text=True)
    assert page.index("bob") < page.index("ann") < page.index("cat")
    assert "<caption>Students by best score (3 students)</caption>" in page
    ann_row = page[page.index(">ann<") :].split("</tr>")[0]
    assert ">80%<" in ann_row and ">20%<" in ann_row  # best, then last
    cat_row = page[page.index(">cat<") :].split("</tr>")[0]
    assert "—" in cat_row


def count_queries(app, url, client) -> int:
    with recorded_statements() as seen:
        assert client.get(url).status_code == 200
    return len(seen)


@pytest.mark.parametrize("page", ["results", "statistics"])
def test_result_pages_use_a_fixed_number_of_queries(app, prof, client, quiz, page):
    url = f"/teach/quizzes/{quiz.id}/{page}"
    add_students(quiz, 5)
    db.session.expire_all()
    few = count_queries(app, url, client)
    add_students(quiz, 45, first=5)
    db.session.expire_all()
    many = count_queries(app, url, client)
    assert few == many
    assert "s049" in client.get(f"/teach/quizzes/{quiz.id}/results").get_data(as_text=True)


def test_statistics_show_facility_discrimination_and_most_missed(prof, client, quiz):
    marks = [[1, 1, 1, 0, 0], [1, 1, 0, 0, 0], [1, 0, 0, 0, 1], [1, 0, 0, 0, 0]]
    for i, credits in enumerate(marks):
        take(quiz, make_user(f"s{i}"), credits, answers=["x", "y", "z", "wrong one", "w"])
    page = client.get(f"/teach/quizzes/{quiz.id}/statistics").get_data(as_text=True)
    assert "From 4 finished attempts." in page
    assert "Facility and discrimination per question" in page
    missed = page[page.index("Most missed") : page.index("Every question")]
    first = bank_prompt(quiz, 3)
    assert missed.index(first) < missed.index(bank_prompt(quiz, 4))
    assert "“wrong one” (4×)" in missed
    assert bank_prompt(quiz, 0) not in missed  # everyone got it right
    assert ">0.33<" in page  # question 3: marks 1,0,0,0 against the rest 2,2,2,1
    assert ">-0.52<" in page  # question 5: the weakest student got it right


def bank_prompt(quiz, i: int) -> str:
    from markupsafe import escape

    return str(escape(quiz.banks[0].questions[i].prompt))


def test_csv_export_has_every_response_and_no_formulas(prof, client, quiz):
    stu = make_user("=cmd|' /C calc'!A0")
    take(quiz, stu, [1, 0], answers=["the Red Cross", "+SUM(A1:A9)"], minutes=1)
    take(quiz, stu, [1], answers=["@danger"], minutes=2)
    response = client.get(f"/teach/quizzes/{quiz.id}/responses.csv")
    assert response.status_code == 200 and response.mimetype == "text/csv"
    assert response.headers["Content-Disposition"] == (
        'attachment; filename="flood-quiz-responses.csv"'
    )
    rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))
    assert len(rows) == 3
    assert {r["student"] for r in rows} == {"'=cmd|' /C calc'!A0"}
    assert [r["answer"] for r in rows] == ["the Red Cross", "'+SUM(A1:A9)", "'@danger"]
    assert [r["attempt"] for r in rows] == ["1", "1", "2"]
    assert rows[0]["correct"] == "yes" and rows[1]["credit"] == "0"


@pytest.mark.parametrize(
    ("value", "safe"),
    [("=1+1", "'=1+1"), ("-2", "'-2"), ("+x", "'+x"), ("@x", "'@x"), ("\tx", "'\tx"),
     ("plain", "plain"), (1.5, 1.5), ("", "")],
)  # fmt: skip
def test_safe_cell(value, safe):
    assert safe_cell(value) == safe


def test_empty_results(prof, client, quiz):
    assert "No one has attempted" in client.get(f"/teach/quizzes/{quiz.id}/results").get_data(
        as_text=True
    )
    assert "No finished attempts yet" in client.get(
        f"/teach/quizzes/{quiz.id}/statistics"
    ).get_data(as_text=True)
    lines = client.get(f"/teach/quizzes/{quiz.id}/responses.csv").get_data(as_text=True)
    assert lines.splitlines()[0].startswith("student,role,attempt")


def test_practice_of_missed_questions_is_never_a_best_or_last_score(prof, client, quiz):
    ann = make_user("ann")
    first = take(quiz, ann, [1, 1, 0], minutes=1)  # 67%
    practice = take(quiz, ann, [1], minutes=3)  # the missed question, right: 100%
    practice.retry_of_id = first.id
    db.session.commit()
    page = client.get(f"/teach/quizzes/{quiz.id}/results").get_data(as_text=True)
    row = page[page.index(">ann<") :].split("</tr>")[0]
    cells = [c.split("<")[0] for c in row.split('<td class="num">')[1:]]
    assert cells == ["67%", "67%", "1", "0", "1"]  # best, last, finished, in progress, practice
    assert "100%" not in row
