"""Who reaches what: every route of the app for five visitors, from one table.

The cast: an anonymous visitor, the student who owns the attempt, another student, the
instructor who owns the source, bank, question and quiz, and another instructor. A route missing
from the table fails the first test, so a new route needs a deliberate answer here.
"""

from __future__ import annotations

import pytest
from sqlalchemy import select
from werkzeug.security import generate_password_hash

from quizapp.extensions import db
from quizapp.models import Source, User
from quizapp.services import answers, attempts
from tests.class_factories import class_world
from tests.factories import ARTICLE, make_bank, make_quiz
from tests.web.test_access_instructor import ROUTES as INSTRUCTOR_ROUTES

WHO = ("anonymous", "student", "other_student", "instructor", "other_instructor")
LOGIN = "login"  # a 302 to the login page


def everyone(status) -> dict[str, object]:
    return dict.fromkeys(WHO, status)


def own_attempt(owner_status) -> dict[str, object]:
    """The student's attempt: theirs to see; nobody else's, not even the quiz's instructor."""
    return {
        "anonymous": LOGIN,
        "student": owner_status,
        "other_student": 404,
        "instructor": 404,
        "other_instructor": 404,
    }


def signed_in(status, anonymous) -> dict[str, object]:
    return {**everyone(status), "anonymous": anonymous}


# (method, url, expected status per visitor). Posts send no fields (CSRF is off in tests).
ROUTES: list[tuple[str, str, dict[str, object]]] = [
    ("GET", "/", everyone(200)),
    ("GET", "/static/style.css", everyone(200)),
    ("GET", "/auth/login", everyone(200)),
    ("POST", "/auth/login", everyone(400)),  # no username or password
    ("GET", "/auth/register", signed_in(302, 200)),  # signed in: back home
    ("POST", "/auth/register", signed_in(302, 400)),
    ("POST", "/auth/logout", everyone(302)),
    ("GET", "/auth/password", signed_in(200, LOGIN)),
    ("POST", "/auth/password", signed_in(400, LOGIN)),  # no fields
    ("GET", "/me/history", signed_in(200, LOGIN)),
    ("GET", "/me/attempts/{attempt}", own_attempt(200)),
    ("GET", "/quizzes/{quiz}", everyone(200)),
    ("POST", "/quizzes/{quiz}/start", everyone(302)),  # anonymous: becomes a guest
    ("GET", "/quizzes/attempts/{attempt}/questions/1", own_attempt(302)),  # finished: result
    ("POST", "/quizzes/attempts/{attempt}/questions/1", own_attempt(302)),
    ("GET", "/quizzes/attempts/{attempt}/questions/1/feedback", own_attempt(200)),
    ("GET", "/quizzes/attempts/{attempt}/result", own_attempt(200)),
    ("GET", "/quizzes/attempts/{attempt}/resume", own_attempt(302)),
    ("POST", "/quizzes/attempts/{attempt}/retry", own_attempt(302)),
    ("GET", "/me/responses/{response}/appeal", own_attempt(200)),
    ("POST", "/me/responses/{response}/appeal", own_attempt(302)),  # appealed: back to it
    ("POST", "/me/notices/dismiss", signed_in(302, LOGIN)),
    ("GET", "/quizzes/attempts/{attempt}/submit", own_attempt(302)),  # finished: result
    # Read first: only for a closed-book attempt (this quiz is open book: nobody's page)
    ("GET", "/quizzes/attempts/{attempt}/read", own_attempt(404)),
    # An article of an open-book published quiz: anyone who may see the quiz may read it first
    ("GET", "/quizzes/{quiz}/articles/{source}", everyone(200)),
    ("POST", "/quizzes/attempts/{attempt}/submit", own_attempt(302)),
    # A cited article: for students who answered a question citing it, and for instructors who
    # own it or see a bank citing it (their own, shared with them, or the site's).
    (
        "GET",
        "/quizzes/sources/{source}",
        {
            "anonymous": LOGIN,
            "student": 200,
            "other_student": 404,
            "instructor": 200,
            "other_instructor": 404,
        },
    ),
    (
        "GET",
        "/quizzes/sources/{source}?start=0&end=20",
        {
            "anonymous": LOGIN,
            "student": 200,
            "other_student": 404,
            "instructor": 200,
            "other_instructor": 404,
        },
    ),
]
# Classes (issue 16): students join and see their classes; instructors do not join (403).
ROUTES += [
    ("GET", "/join", {**everyone(200), "anonymous": LOGIN, "instructor": 403,
                      "other_instructor": 403}),
    ("POST", "/join", {**everyone(400), "anonymous": LOGIN, "instructor": 403,
                       "other_instructor": 403}),  # no code
    ("GET", "/join/{code}", {**everyone(200), "anonymous": LOGIN, "instructor": 403,
                             "other_instructor": 403}),
    ("POST", "/join/{code}", {**everyone(302), "anonymous": LOGIN, "instructor": 403,
                              "other_instructor": 403}),
    ("GET", "/classes", {**everyone(200), "anonymous": LOGIN, "instructor": 403,
                         "other_instructor": 403}),
    ("GET", "/account", signed_in(200, LOGIN)),
    ("POST", "/account", signed_in(302, LOGIN)),  # every field optional: saved (emptied)
    ("POST", "/account/password", signed_in(400, LOGIN)),  # no current password
    # A class's quiz: its enrolled student, its instructor (the owner); nobody else.
    ("GET", "/quizzes/{class_quiz}", {"anonymous": 403, "student": 200, "other_student": 403,
                                      "instructor": 200, "other_instructor": 403}),
    ("POST", "/quizzes/{class_quiz}/start", {"anonymous": 403, "student": 302,
                                             "other_student": 403, "instructor": 302,
                                             "other_instructor": 403}),
]  # fmt: skip
# The workspace: anonymous visitors log in, students get 403, the other instructor 404 for the
# owner's objects (their own empty workspace elsewhere). See test_access_instructor.py.
for _method, _url, _owner_status, _owned in INSTRUCTOR_ROUTES:
    ROUTES.append(
        (
            _method,
            _url,
            {
                "anonymous": LOGIN,
                "student": 403,
                "other_student": 403,
                "instructor": _owner_status,
                "other_instructor": 404 if _owned else _owner_status,
            },
        )
    )
# Unknown ids: nothing to see, whoever asks.
ROUTES_MISSING = [
    ("GET", "/quizzes/999999", everyone(404)),
    ("POST", "/quizzes/999999/start", everyone(404)),
    ("GET", "/me/attempts/999999", signed_in(404, LOGIN)),
    ("GET", "/quizzes/attempts/999999/questions/1", signed_in(404, LOGIN)),
    ("GET", "/quizzes/attempts/999999/result", signed_in(404, LOGIN)),
    ("GET", "/quizzes/sources/999999", signed_in(404, LOGIN)),
    ("GET", "/quizzes/attempts/999999/read", signed_in(404, LOGIN)),
    ("GET", "/quizzes/{quiz}/articles/999999", everyone(404)),
    ("GET", "/quizzes/999999/articles/{source}", everyone(404)),
    ("GET", "/me/responses/999999/appeal", signed_in(404, LOGIN)),
    ("POST", "/me/responses/999999/appeal", signed_in(404, LOGIN)),
    (
        "GET",
        "/teach/responses/999999",
        {**everyone(404), "anonymous": LOGIN, "student": 403, "other_student": 403},
    ),
    (
        "GET",
        "/teach/quizzes/999999",
        {**everyone(404), "anonymous": LOGIN, "student": 403, "other_student": 403},
    ),
    ("GET", "/static/../quizapp/config.py", everyone(404)),
    ("GET", "/no/such/page", everyone(404)),
    ("PUT", "/", everyone(405)),
    ("DELETE", "/quizzes/{quiz}", everyone(405)),
    ("GET", "/auth/logout", everyone(405)),
    ("GET", "/quizzes/{quiz}/start", everyone(405)),
]
PLACEHOLDERS = {
    "source": "int:source_id",
    "bank": "int:bank_id",
    "question": "int:question_id",
    "quiz": "int:quiz_id",
    "other": "int:user_id",
    "attempt": "int:attempt_id",
    "response": "int:response_id",
    "class": "int:class_id",
    "stu": "int:user_id",
    "assignment": "int:assignment_id",
    "class_attempt": "int:attempt_id",
    "class_quiz": "int:quiz_id",
    "code": "code",
}


def quick_user(username: str, role: str) -> User:
    """Store an account with a cheap password hash (scrypt would dominate this table's time)."""
    user = User(username=username, role=role)
    user.password_hash = generate_password_hash("correct horse", method="pbkdf2:sha256:1000")
    db.session.add(user)
    db.session.commit()
    return user


@pytest.fixture
def world(app):
    """The instructor's source, bank, question and quiz; the student's finished attempt."""
    owner = quick_user("prof", "instructor")
    other = quick_user("other-prof", "instructor")
    student = quick_user("stu", "student")
    quick_user("other-stu", "student")
    db.session.add(Source(owner_id=owner.id, title="Floods", text=ARTICLE, text_hash="h"))
    db.session.commit()
    bank = make_bank(owner)
    quiz = make_quiz([bank], owner)
    attempt = attempts.start_attempt(quiz.id, student.id)
    for position in range(1, len(attempt.question_ids) + 1):
        answers.answer_question(attempt.id, student.id, position, "wrong")
    attempts.finish_attempt(attempt.id, student.id)
    cited = bank.questions[0].evidence[0].source_id
    source = db.session.execute(select(Source).where(Source.title == "Floods")).scalar_one()
    classes = class_world(owner, student, bank)
    return classes | {
        "source": cited,
        "owned_source": source.id,
        "bank": bank.id,
        "question": bank.questions[0].id,
        "quiz": quiz.id,
        "other": other.id,
        "attempt": attempt.id,
        "response": attempt.responses[0].id,
    }


def become(client, who: str) -> None:
    """Log the client in as one of the cast (anonymous: nobody)."""
    if who == "anonymous":
        return
    name = {
        "student": "stu",
        "other_student": "other-stu",
        "instructor": "prof",
        "other_instructor": "other-prof",
    }[who]
    user = db.session.execute(select(User).where(User.username == name)).scalar_one()
    with client.session_transaction() as session:
        session["_user_id"] = user.get_id()
        session["_fresh"] = True


def url_for_case(url: str, world: dict) -> str:
    """Fill the placeholders; instructor routes name the instructor's own article."""
    ids = dict(world)
    if url.startswith("/teach/"):
        ids["source"] = world["owned_source"]
    return url.format(**ids)


def test_every_route_is_in_the_table(app):
    rules = {
        (method, rule.rule)
        for rule in app.url_map.iter_rules()
        for method in rule.methods - {"HEAD", "OPTIONS"}
    }
    table = set()
    for method, url, _ in ROUTES:
        path = url.split("?")[0]
        for short, full in PLACEHOLDERS.items():
            path = path.replace("{" + short + "}", f"<{full}>")
        if path.startswith("/static/"):
            path = "/static/<path:filename>"
        path = path.replace("/questions/1", "/questions/<int:position>")
        table.add((method, path))
    assert rules - table == set(), "routes missing from the access table"
    assert table - rules == set(), "the table names routes that do not exist"


@pytest.mark.parametrize("who", WHO)
@pytest.mark.parametrize(
    ("method", "url", "expected"),
    ROUTES + ROUTES_MISSING,
    ids=lambda v: v if isinstance(v, str) else "",
)
def test_access(client, world, who, method, url, expected):
    become(client, who)
    response = client.open(url_for_case(url, world), method=method, data={})
    want = expected[who]
    body = response.get_data(as_text=True)
    response.close()  # a static file stays open until closed
    if want == LOGIN:
        assert response.status_code == 302, body[-600:]
        assert response.headers["Location"].startswith("/auth/login")
    else:
        assert response.status_code == want, body[-600:]
    if want == 404 and not url.startswith("/static/"):
        assert "Page not found" in body
    if want == 403:
        assert "Not allowed" in body
    assert "Traceback" not in body


def test_another_students_attempt_reveals_nothing(client, world):
    become(client, "other_student")
    for path in (
        "/me/attempts/{attempt}",
        "/quizzes/attempts/{attempt}/result",
        "/quizzes/attempts/{attempt}/questions/1/feedback",
    ):
        body = client.get(path.format(**world)).get_data(as_text=True)
        assert "Red Cross" not in body and "wrong" not in body
    history = client.get("/me/history").get_data(as_text=True)
    assert "Flood quiz" not in history
