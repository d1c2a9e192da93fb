"""Who reaches the workspace: every instructor route for anonymous, guest, student, owner, other.

Anonymous visitors are sent to log in; guests and students get 403; another instructor gets 404
for the owner's objects (and their own empty workspace elsewhere); the owner gets the page.
"""

import pytest
from sqlalchemy import select
from werkzeug.security import generate_password_hash

from quizapp.extensions import db, dispose_engines
from quizapp.models import Source, User
from quizapp.services import answers, attempts
from tests.class_factories import class_world
from tests.conftest import login, make_user
from tests.factories import ARTICLE, make_bank, make_quiz

# (method, url, status for the owner, whether the url names the owner's object). Posts send
# no fields: edit forms then keep the stored values (302), other forms re-render (400).
ROUTES = [
    ("GET", "/teach/", 200, False),
    ("GET", "/teach/sources", 200, False),
    ("GET", "/teach/sources/new", 200, False),
    ("POST", "/teach/sources/new", 400, False),
    ("GET", "/teach/sources/{source}", 200, True),
    ("GET", "/teach/sources/{source}/edit", 200, True),
    ("POST", "/teach/sources/{source}/edit", 302, True),
    ("GET", "/teach/generate", 200, False),
    ("POST", "/teach/generate", 400, False),
    ("GET", "/teach/banks", 200, False),
    ("GET", "/teach/banks/new", 200, False),
    ("POST", "/teach/banks/new", 400, False),
    ("GET", "/teach/banks/import", 200, False),
    ("POST", "/teach/banks/import", 400, False),
    # A preview's token is random; no stored one matches (the owner-only check is in
    # test_instructor_banks.test_a_preview_is_confirmed_once_by_its_owner_only).
    ("GET", "/teach/banks/import/<token>", 404, False),
    ("POST", "/teach/banks/import/<token>", 404, False),
    ("GET", "/teach/banks/{bank}", 200, True),
    ("GET", "/teach/banks/{bank}/edit", 200, True),
    ("POST", "/teach/banks/{bank}/edit", 302, True),
    ("GET", "/teach/banks/{bank}/delete", 200, True),
    ("POST", "/teach/banks/{bank}/delete", 302, True),
    ("GET", "/teach/banks/{bank}/export?format=json", 200, True),
    ("POST", "/teach/banks/{bank}/share", 302, True),
    ("POST", "/teach/banks/{bank}/unshare/{other}", 302, True),
    ("GET", "/teach/banks/{bank}/review", 200, True),
    ("POST", "/teach/banks/{bank}/approve-all", 302, True),
    ("GET", "/teach/banks/{bank}/questions/new", 200, True),
    ("POST", "/teach/banks/{bank}/questions/new", 400, True),
    ("POST", "/teach/questions/{question}/approve", 302, True),
    ("POST", "/teach/questions/{question}/withdraw", 302, True),
    ("POST", "/teach/questions/{question}/reject", 302, True),
    ("GET", "/teach/questions/{question}/reject", 200, True),  # asks to confirm
    ("POST", "/teach/banks/{bank}/review/bulk", 302, True),
    ("GET", "/teach/questions/{question}/edit", 200, True),
    ("POST", "/teach/questions/{question}/edit", 400, True),
    ("GET", "/teach/quizzes", 200, False),
    ("GET", "/teach/quizzes/new", 200, False),
    ("POST", "/teach/quizzes/new", 400, False),
    ("GET", "/teach/quizzes/{quiz}", 200, True),
    ("GET", "/teach/quizzes/{quiz}/edit", 200, True),
    ("POST", "/teach/quizzes/{quiz}/edit", 302, True),
    ("POST", "/teach/quizzes/{quiz}/publish", 302, True),
    ("POST", "/teach/quizzes/{quiz}/unpublish", 302, True),
    ("POST", "/teach/quizzes/{quiz}/share", 302, True),
    ("POST", "/teach/quizzes/{quiz}/unshare/{other}", 302, True),
    ("GET", "/teach/quizzes/{quiz}/results", 200, True),
    ("GET", "/teach/quizzes/{quiz}/statistics", 200, True),
    ("GET", "/teach/quizzes/{quiz}/responses.csv", 200, True),
    ("GET", "/teach/reviews", 200, False),
    ("GET", "/teach/responses/{response}", 200, True),
    ("POST", "/teach/responses/{response}/accept", 302, True),  # no fields: mark right
    ("POST", "/teach/responses/{response}/reject", 400, True),  # a reply is required
    ("POST", "/teach/responses/{response}/mark", 400, True),  # a credit is required
    ("GET", "/teach/quizzes/{quiz}/matrix", 200, True),
    ("POST", "/teach/quizzes/{quiz}/preview", 302, True),
    # Classes (issue 16): the other instructor does not teach the class, so it is a 404.
    ("GET", "/teach/classes", 200, False),
    ("POST", "/teach/classes", 400, False),  # no name
    ("GET", "/teach/classes/{class}", 200, True),
    ("POST", "/teach/classes/{class}/edit", 400, True),
    ("POST", "/teach/classes/{class}/code", 302, True),
    ("POST", "/teach/classes/{class}/roster", 400, True),  # no file
    ("POST", "/teach/classes/{class}/instructors", 400, True),
    ("POST", "/teach/classes/{class}/assign", 400, True),  # no quiz
    ("POST", "/teach/classes/{class}/assignments/{assignment}/remove", 302, True),
    ("GET", "/teach/classes/{class}/gradebook", 200, True),
    ("GET", "/teach/classes/{class}/grades.csv", 200, True),
    ("GET", "/teach/classes/{class}/students/{stu}", 200, True),
    ("POST", "/teach/classes/{class}/students/{stu}/remove", 302, True),
    ("POST", "/teach/classes/{class}/students/{stu}/extra-time", 400, True),
    ("POST", "/teach/classes/{class}/students/{stu}/password", 400, True),
    ("GET", "/teach/classes/{class}/attempts/{class_attempt}", 200, True),
]
WHO = ["anonymous", "guest", "student", "other", "owner"]


@pytest.fixture
def world(app):
    """The owner's source, bank (with questions), question and quiz; the other instructor."""
    owner, other = quick_user("owner", "instructor"), quick_user("other", "instructor")
    student = quick_user("stu", "student")
    quick_user("guest-1", "guest")
    db.session.add(Source(owner_id=owner.id, title="Floods", text=ARTICLE, text_hash="h"))
    db.session.commit()
    bank = make_bank(owner)
    quiz = make_quiz([bank], owner)
    source = db.session.execute(select(Source).where(Source.title == "Floods")).scalar_one()
    attempt = attempts.start_attempt(quiz.id, student.id)
    response = answers.answer_question(attempt.id, student.id, 1, "wrong").response
    ids = {"source": source.id, "bank": bank.id, "question": bank.questions[0].id,
           "quiz": quiz.id, "other": other.id, "response": response.id}  # fmt: skip
    ids.update(class_world(owner, student, bank))
    return ids


def quick_user(username: str, role: str) -> User:
    """Store an account with a cheap password hash (scrypt would dominate this table's time)."""
    user = User(username=username, role=role)
    user.password_hash = generate_password_hash("correct horse", method="pbkdf2:sha256:1000")
    db.session.add(user)
    db.session.commit()
    return user


def become(client, who: str) -> None:
    """Log the client in as one of the cast (anonymous: nobody)."""
    if who == "guest":
        guest = db.session.execute(select(User).where(User.role == "guest")).scalar_one()
        with client.session_transaction() as session:
            session["_user_id"] = guest.get_id()
            session["_fresh"] = True
    elif who != "anonymous":
        login(client, {"student": "stu"}.get(who, who))


def test_every_instructor_route_is_in_the_table(app):
    rules = {
        (method, rule.rule)
        for rule in app.url_map.iter_rules()
        if rule.endpoint.startswith("instructor.")
        for method in rule.methods - {"HEAD", "OPTIONS"}
    }
    table = {(m, url.split("?")[0].replace("{", "<").replace("}", ">")) for m, url, *_ in ROUTES}
    names = {"source": "int:source_id", "bank": "int:bank_id", "question": "int:question_id",
             "quiz": "int:quiz_id", "other": "int:user_id",
             "response": "int:response_id", "stu": "int:user_id",
             "class": "int:class_id", "assignment": "int:assignment_id",
             "class_attempt": "int:attempt_id"}  # fmt: skip
    for short, full in names.items():
        table = {(m, u.replace(f"<{short}>", f"<{full}>")) for m, u in table}
    assert table == rules


@pytest.mark.parametrize("who", WHO)
@pytest.mark.parametrize(("method", "url", "owner_status", "owned"), ROUTES)
def test_access(client, world, who, method, url, owner_status, owned):
    become(client, who)
    response = client.open(url.format(**world), method=method, data={})
    expected = {
        "anonymous": 302,
        "guest": 403,
        "student": 403,
        "other": 404 if owned else owner_status,
        "owner": owner_status,
    }[who]
    assert response.status_code == expected, response.get_data(as_text=True)[-600:]
    if who == "anonymous":
        assert "/auth/login" in response.headers["Location"]
    if who == "other" and owned:
        assert "Page not found" in response.get_data(as_text=True)


def test_csrf_is_enforced_on_workspace_forms(database_url, tmp_path):
    from tests.conftest import make_test_app

    app = make_test_app(database_url, tmp_path, WTF_CSRF_ENABLED=True)
    with app.app_context():
        make_user("owner", "instructor")
        client = app.test_client()
        page = client.get("/auth/login").get_data(as_text=True)
        token = page.split('name="csrf_token" type="hidden" value="')[1].split('"')[0]
        client.post("/auth/login", data={"username": "owner", "password": "correct horse",
                                         "csrf_token": token})  # fmt: skip
        refused = client.post("/teach/banks/new", data={"title": "No token"})
        assert refused.status_code == 400
        assert "form expired" in refused.get_data(as_text=True)
        form = client.get("/teach/banks/new").get_data(as_text=True)
        token = form.split('id="csrf_token" name="csrf_token" type="hidden" value="')[1].split('"')[
            0
        ]
        accepted = client.post("/teach/banks/new", data={"title": "Token", "csrf_token": token})
        assert accepted.status_code == 302
        db.session.remove()
        dispose_engines()
