"""Fuzzing every route: random, huge, unicode and malformed values never give a 500 or a traceback.

For each route of app.url_map and each of its methods, Hypothesis builds requests: ids in the
URL (real ones, unknown ones, huge ones), query strings, and form bodies of known and unknown
fields holding random text, control characters, huge strings, numbers, lists and uploaded files.
The visitor is the role the route is for (an instructor for /teach, else a student with
attempts, or nobody). CSRF is off here (tests/web/test_access_instructor.py proves it is
enforced), so every form really reaches its validation and its service.
"""

from __future__ import annotations

import io
import tempfile
from contextlib import closing
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select
from werkzeug.routing import IntegerConverter
from werkzeug.security import generate_password_hash
from werkzeug.test import EnvironBuilder
from wtforms.fields.core import UnboundField

from quizapp import account, create_app, forms, quiz_forms
from quizapp import classes as class_pages
from quizapp.extensions import db
from quizapp.instructor import class_forms
from quizapp.instructor import forms as instructor_forms
from quizapp.models import Source, User
from quizapp.services import answers, attempts
from tests.class_factories import class_world
from tests.factories import ARTICLE, make_bank, make_quiz

MAX_EXAMPLES = 25


def form_field_names() -> list[str]:
    """Return the name of every field of every form of the app."""
    names = {"csrf_token"}
    for module in (forms, quiz_forms, instructor_forms, class_forms, account, class_pages):
        for value in vars(module).values():
            if isinstance(value, type):
                names |= {
                    a for a in dir(value) if isinstance(getattr(value, a, None), UnboundField)
                }
    return sorted(names)


def all_routes() -> list[tuple[str, str]]:
    """Return (method, rule) for every route, as the app defines them."""
    never_opened = Path(tempfile.gettempdir()) / "quizapp-routes.sqlite"
    app = create_app({"TESTING": True, "SECRET_KEY": "k", "DATABASE_URL": f"sqlite:///{never_opened}",
                      "LOAD_DEMO": False})  # fmt: skip
    return sorted(
        (method, rule.rule)
        for rule in app.url_map.iter_rules()
        for method in rule.methods - {"HEAD", "OPTIONS"}
    )


FIELDS = form_field_names()
NASTY = [
    "", " ", "0", "-1", "1e309", "NaN", "null", "[]", "{}", "true", "on", "\x00", "\x00abc",
    "\u202etxt.exe", "\ud7ff\ufffd", "<script>alert(1)</script>", "'; DROP TABLE users; --",
    "../../etc/passwd", "%00", "2025-13-45", "9999-12-31T23:59", "0000-00-00", "-0",
    "99999999999999999999999", "\r\n\r\nSet-Cookie: x=1", "http://", "javascript:alert(1)",
    "//evil.example", "a" * 300, "\t\n\x0b\x0c\r", "ǅ" * 50, "👩‍👩‍👧‍👦" * 20,
]  # fmt: skip
TEXT = st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=60)
VALUE = st.one_of(
    TEXT,
    st.sampled_from(NASTY),
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.builds(lambda c, n: c * n, st.sampled_from(["x", "é", "\x07", "<", " "]),
              st.integers(10_000, 120_000)),
)  # fmt: skip
UPLOAD = st.builds(
    lambda data, name: (io.BytesIO(data), name),
    st.one_of(st.binary(max_size=300), TEXT.map(lambda t: t.encode("utf-8"))),
    st.one_of(TEXT, st.sampled_from(["a.json", "b.xml", "c.gift", "d.txt", "e.yaml", "f.html",
                                     "g.aiken.txt", "../../x.json", "h.exe", ".json"])),
)  # fmt: skip
FORM = st.dictionaries(
    st.one_of(st.sampled_from(FIELDS), TEXT),
    st.one_of(VALUE, st.lists(VALUE, min_size=2, max_size=3)),
    max_size=8,
)
QUERY = st.dictionaries(
    st.one_of(st.sampled_from(["start", "end", "format", "next", "page", "q"]), TEXT),
    VALUE.filter(lambda v: len(v) < 2000),
    max_size=3,
)


def quick_user(username: str, role: str) -> User:
    user = User(username=username, role=role)
    user.password_hash = generate_password_hash("correct horse", method="pbkdf2:sha256:1000")
    db.session.add(user)
    db.session.commit()
    return user


@pytest.fixture
def world(app):
    """An instructor's source, bank and quiz; a student's finished and unfinished attempts."""
    prof, stu = quick_user("prof", "instructor"), quick_user("stu", "student")
    quick_user("other", "instructor")
    db.session.add(Source(owner_id=prof.id, title="Floods", text=ARTICLE, text_hash="h"))
    db.session.commit()
    bank = make_bank(prof)
    quiz = make_quiz([bank], prof)
    test = make_quiz([bank], prof, title="Test", mode="test")
    done = attempts.start_attempt(quiz.id, stu.id)
    right = answers.answer_question(done.id, stu.id, 1, "Red Cross").response.id
    wrong = answers.answer_question(done.id, stu.id, 2, "nobody").response.id
    attempts.finish_attempt(done.id, stu.id)
    open_ = attempts.start_attempt(test.id, stu.id)
    hidden = answers.answer_question(open_.id, stu.id, 1, "nobody").response.id
    source = db.session.execute(select(Source.id).where(Source.title == "Floods")).scalar_one()
    classes = class_world(prof, stu, bank)
    return {
        "quiz_id": [quiz.id, test.id, classes["class_quiz"]],
        "attempt_id": [done.id, open_.id, classes["class_attempt"]],
        "class_id": [classes["class"]],
        "assignment_id": [classes["assignment"]],
        "bank_id": [bank.id],
        "question_id": [q.id for q in bank.questions],
        "source_id": [source, bank.questions[0].evidence[0].source_id],
        "user_id": [stu.id, prof.id],
        "position": [1, 2, 5],
        "response_id": [right, wrong, hidden],
        "prof": prof.id,
        "stu": stu.id,
        "session_ids": {"prof": prof.get_id(), "stu": stu.get_id()},
    }


def path_values(rule, world: dict):
    """Return a strategy for the values of the rule's URL variables."""
    values = {}
    for name, converter in rule._converters.items():
        if isinstance(converter, IntegerConverter):
            values[name] = st.one_of(
                st.sampled_from(world[name]),
                st.integers(min_value=0, max_value=10**6),
                st.integers(min_value=2**31 - 2, max_value=2**80),
            )
        else:
            values[name] = st.one_of(st.sampled_from(["style.css", "missing.js"]), TEXT)
    return st.fixed_dictionaries(values)


@pytest.mark.parametrize(("method", "rule_text"), all_routes())
def test_no_route_fails_on_hostile_input(app, world, method, rule_text):
    rule = next(
        r for r in app.url_map.iter_rules() if r.rule == rule_text and method in r.methods
    )
    adapter = app.url_map.bind("localhost")
    who = "prof" if rule.endpoint.startswith("instructor.") else "stu"

    @settings(
        max_examples=MAX_EXAMPLES,
        deadline=None,
        database=None,
        suppress_health_check=[
            HealthCheck.function_scoped_fixture,
            HealthCheck.too_slow,
            HealthCheck.data_too_large,
        ],
    )
    @given(values=path_values(rule, world), query=QUERY, form=FORM,
           upload=st.one_of(st.none(), UPLOAD), signed_in=st.booleans())  # fmt: skip
    def check(values, query, form, upload, signed_in):
        url = adapter.build(rule.endpoint, values, method=method, force_external=False)
        client = app.test_client()
        if signed_in:
            with client.session_transaction() as session:
                session["_user_id"] = world["session_ids"][who]
                session["_fresh"] = True
        data = dict(form)
        if upload is not None and method == "POST":
            data["file"] = upload
        # Werkzeug spools a large multipart body to a temporary file, which its client closes
        # only when following redirects: build the request here and close its body whatever
        # happens (an unclosed file is a ResourceWarning, an error under filterwarnings).
        builder = EnvironBuilder(url, method=method, query_string=query,
                                 data=data if method == "POST" else None)  # fmt: skip
        try:
            request = builder.get_request()
            with closing(request.environ["wsgi.input"]):
                response = client.open(request)
                body = response.get_data(as_text=True)
                response.close()
        finally:
            builder.close()
        assert response.status_code < 500, (url, query, form, body[-500:])
        assert "Traceback" not in body

    check()


NUL_CASES = [
    ("POST", "/auth/login", {"username": "stu\x00", "password": "correct horse"}),
    ("POST", "/auth/register", {"username": "new\x00", "password": "x" * 12, "confirm": "x" * 12}),
    ("POST", "/quizzes/attempts/{attempt}/questions/1", {"answer": "Red\x00Cross"}),
    ("POST", "/teach/banks/new", {"title": "Bank\x00"}),
    ("POST", "/teach/quizzes/new", {"title": "Quiz\x00", "mode": "practice"}),
    ("POST", "/teach/sources/new", {"text": "An article.\x00", "title": "T"}),
    ("GET", "/quizzes/sources/{source}?start=0\x00", None),
]


@pytest.mark.parametrize(("method", "url", "form"), NUL_CASES)
def test_nul_characters_are_refused_with_400(app, world, method, url, form):
    # PostgreSQL refuses NUL in text: without the check these were 500s there.
    client = app.test_client()
    who = "prof" if url.startswith("/teach") else "stu"
    if "login" not in url and "register" not in url:
        with client.session_transaction() as session:
            session["_user_id"] = world["session_ids"][who]
    url = url.format(attempt=world["attempt_id"][1], source=world["source_id"][1])
    response = client.open(url, method=method, data=form)
    assert response.status_code == 400
    assert "Bad request" in response.get_data(as_text=True)
