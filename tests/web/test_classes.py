"""Classes: create, join with a code or link, rosters from CSV files, assignments and access."""

from __future__ import annotations

import io
from datetime import datetime

from sqlalchemy import func, select

from quizapp.extensions import db
from quizapp.models import Assignment, Course, Enrolment, User
from tests.class_factories import assign, enrol, make_class
from tests.conftest import login, make_user
from tests.factories import make_bank, make_quiz


def enrolled(course_id: int) -> set[str]:
    db.session.expire_all()
    stmt = (
        select(User.username)
        .join(Enrolment, Enrolment.user_id == User.id)
        .where(Enrolment.class_id == course_id)
    )
    return set(db.session.execute(stmt).scalars())


def test_instructor_creates_a_class_with_a_join_code(app, client):
    make_user("prof", "instructor")
    login(client, "prof")
    data = {"name": "  Media  10B ", "timezone": "Europe/Paris"}
    response = client.post("/teach/classes", data=data)
    assert response.status_code == 302
    course = db.session.execute(select(Course)).scalar_one()
    assert course.name == "Media 10B" and course.timezone == "Europe/Paris"
    assert len(course.join_code) == 8 and course.join_code.isalnum()
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert course.join_code in page and f"/join/{course.join_code}" in page


def test_a_bad_class_form_rerenders_and_creates_nothing(app, client):
    make_user("prof", "instructor")
    login(client, "prof")
    bad_zone = client.post("/teach/classes", data={"name": "Media", "timezone": "Mars/Olympus"})
    assert bad_zone.status_code == 400 and "Not a valid choice" in bad_zone.get_data(as_text=True)
    no_name = client.post("/teach/classes", data={"name": "", "timezone": "UTC"})
    assert no_name.status_code == 400
    assert db.session.execute(select(func.count(Course.id))).scalar_one() == 0


def test_student_joins_with_the_code_typed_loosely(app, client):
    prof = make_user("prof", "instructor")
    course = make_class(prof, code="K7RM2XQD")
    make_user("ana")
    login(client, "ana")
    response = client.post("/join", data={"code": " k7rm-2xqd "})
    assert response.status_code == 302 and response.headers["Location"] == "/classes"
    assert enrolled(course.id) == {"ana"}
    again = client.post("/join", data={"code": "K7RM2XQD"}, follow_redirects=True)
    assert "already in" in again.get_data(as_text=True)
    assert enrolled(course.id) == {"ana"}


def test_a_wrong_code_is_a_clear_error_and_changes_nothing(app, client):
    prof = make_user("prof", "instructor")
    course = make_class(prof, code="K7RM2XQD")
    make_user("ana")
    login(client, "ana")
    response = client.post("/join", data={"code": "NOPE1234"})
    assert response.status_code == 400
    assert "No class has this code" in response.get_data(as_text=True)
    assert client.get("/join/NOPE1234").status_code == 404
    assert enrolled(course.id) == set()


def test_join_link_names_the_class_and_joins_on_confirm(app, client):
    prof = make_user("prof", "instructor")
    course = make_class(prof, name="Year 9 news", code="LINK2345")
    make_user("ana")
    login(client, "ana")
    page = client.get("/join/LINK2345").get_data(as_text=True)
    assert "Year 9 news" in page
    assert enrolled(course.id) == set()  # a GET joins nobody
    assert client.post("/join/LINK2345", data={"code": "LINK2345"}).status_code == 302
    assert enrolled(course.id) == {"ana"}


def test_a_student_can_be_in_several_classes_and_a_class_have_several_instructors(app, client):
    prof, colleague = make_user("prof", "instructor"), make_user("colleague", "instructor")
    first, second = make_class(prof, "A", code="AAAA2222"), make_class(prof, "B", code="BBBB3333")
    make_user("ana")
    login(client, "ana")
    client.post("/join", data={"code": "AAAA2222"})
    client.post("/join", data={"code": "BBBB3333"})
    assert "ana" in enrolled(first.id) and "ana" in enrolled(second.id)
    client.post("/auth/logout")
    login(client, "prof")
    added = client.post(f"/teach/classes/{first.id}/instructors", data={"username": "COLLEAGUE"})
    assert added.status_code == 302
    client.post("/auth/logout")
    login(client, "colleague")
    assert client.get(f"/teach/classes/{first.id}").status_code == 200
    assert client.get(f"/teach/classes/{second.id}").status_code == 404
    assert colleague.id


def roster_upload(client, course_id: int, content: bytes, name: str = "roster.csv"):
    return client.post(
        f"/teach/classes/{course_id}/roster",
        data={"roster": (io.BytesIO(content), name)},
        content_type="multipart/form-data",
    )


def test_roster_csv_adds_students_by_username_or_email_and_reports_the_rest(app, client):
    prof = make_user("prof", "instructor")
    course = make_class(prof)
    make_user("ana")
    bo = make_user("bo")
    bo.email = "Bo@School.example"
    make_user("cy")
    make_user("teacher2", "instructor")
    db.session.commit()
    enrol(course, db.session.execute(select(User).where(User.username == "cy")).scalar_one())
    login(client, "prof")
    csv_text = (
        "\ufeffEmail;Username\n"
        ";ANA\n"
        "bo@school.example;\n"
        ";cy\n"
        ";nobody\n"
        "ghost@school.example;\n"
        ";teacher2\n"
        ";ana\n"
        ";\n"
    )
    response = roster_upload(client, course.id, csv_text.encode("utf-8"))
    page = response.get_data(as_text=True)
    assert response.status_code == 200, page[-500:]
    assert enrolled(course.id) == {"ana", "bo", "cy"}
    added = page.split("<h2>Added (2)</h2>")[1].split("<h2>")[0]
    assert "ana" in added and "bo" in added
    assert "Not found (2)" in page and "nobody" in page and "ghost@school.example" in page
    assert "Already in the class (1)" in page
    assert "Not student accounts (1)" in page and "teacher2" in page


def test_roster_of_plain_lines_without_header(app, client):
    prof = make_user("prof", "instructor")
    course = make_class(prof)
    make_user("ana")
    make_user("bo")
    login(client, "prof")
    assert roster_upload(client, course.id, b"ana\r\nbo\r\n").status_code == 200
    assert enrolled(course.id) == {"ana", "bo"}


def test_a_bad_roster_file_is_refused_and_nothing_changes(app, client):
    prof = make_user("prof", "instructor")
    course = make_class(prof)
    make_user("ana")
    login(client, "prof")
    binary = roster_upload(client, course.id, b"ana\x00\x01\x02", "roster.csv")
    assert binary.status_code == 400 and "not a text file" in binary.get_data(as_text=True)
    empty = roster_upload(client, course.id, b"\n\n;\n")
    assert empty.status_code == 400 and "names nobody" in empty.get_data(as_text=True)
    big = roster_upload(client, course.id, b"ana\n" * 70_000)
    assert big.status_code == 400 and "under 256 KB" in big.get_data(as_text=True)
    missing = client.post(f"/teach/classes/{course.id}/roster", data={})
    assert missing.status_code == 400 and "Choose a CSV file" in missing.get_data(as_text=True)
    assert enrolled(course.id) == set()


def test_assigning_a_quiz_stores_local_dates_as_utc_and_shows_them_locally(app, client):
    prof = make_user("prof", "instructor")
    course = make_class(prof, timezone="America/New_York")
    quiz = make_quiz([make_bank(prof)], prof, title="Election claims")
    assert quiz.open_to_guests
    login(client, "prof")
    response = client.post(
        f"/teach/classes/{course.id}/assign",
        data={"quiz_id": quiz.id, "opens_at": "2026-03-02T09:00", "due_at": "2030-07-01T17:30"},
    )
    assert response.status_code == 302
    db.session.expire_all()
    assignment = db.session.execute(select(Assignment)).scalar_one()
    assert assignment.opens_at == datetime(2026, 3, 2, 14, 0)  # EST: UTC-5
    assert assignment.due_at == datetime(2030, 7, 1, 21, 30)  # EDT: UTC-4
    assert assignment.quiz.open_to_guests is False
    page = client.get(f"/teach/classes/{course.id}").get_data(as_text=True)
    assert "Mon 2 Mar 2026, 09:00 EST" in page and "1 Jul 2030, 17:30 EDT" in page


def test_due_before_opening_is_refused(app, client):
    prof = make_user("prof", "instructor")
    course = make_class(prof)
    quiz = make_quiz([make_bank(prof)], prof)
    login(client, "prof")
    response = client.post(
        f"/teach/classes/{course.id}/assign",
        data={"quiz_id": quiz.id, "opens_at": "2030-03-02T09:00", "due_at": "2030-03-01T09:00"},
    )
    assert response.status_code == 400
    assert "must come after" in response.get_data(as_text=True)
    assert db.session.execute(select(func.count(Assignment.id))).scalar_one() == 0


def test_class_quiz_is_listed_for_its_students_and_refused_to_others(app, client):
    prof = make_user("prof", "instructor")
    course = make_class(prof, timezone="Asia/Tokyo")
    make_user("bo")
    ana = make_user("ana")
    enrol(course, ana)
    bank = make_bank(prof)
    due = datetime(2031, 1, 1, 0, 0)
    quiz_id = assign(course, bank, prof, title="Tokyo quiz", due_at=due).quiz_id
    public = make_quiz([bank], prof, title="Open demo")
    login(client, "ana")
    home = client.get("/").get_data(as_text=True)
    assert "Set for your classes" in home and "Tokyo quiz" in home
    assert "Due Wed 1 Jan 2031, 09:00 JST" in home
    assert client.get(f"/quizzes/{quiz_id}").status_code == 200
    assert client.post(f"/quizzes/{quiz_id}/start").status_code == 302
    client.post("/auth/logout")
    login(client, "bo")
    refused = client.get(f"/quizzes/{quiz_id}")
    assert refused.status_code == 403
    assert "for the students of its class" in refused.get_data(as_text=True)
    assert client.post(f"/quizzes/{quiz_id}/start").status_code == 403
    assert "Tokyo quiz" not in client.get("/").get_data(as_text=True)
    assert "Open demo" in client.get("/").get_data(as_text=True)
    assert client.get(f"/quizzes/{public.id}").status_code == 200


def test_guests_and_anonymous_visitors_are_refused_a_class_quiz_and_no_guest_is_made(app, client):
    prof = make_user("prof", "instructor")
    course = make_class(prof)
    quiz_id = assign(course, make_bank(prof), prof).quiz_id
    users_before = db.session.execute(select(func.count(User.id))).scalar_one()
    page = client.get(f"/quizzes/{quiz_id}")
    assert page.status_code == 403 and "log in or register" in page.get_data(as_text=True)
    assert client.post(f"/quizzes/{quiz_id}/start").status_code == 403
    assert db.session.execute(select(func.count(User.id))).scalar_one() == users_before


def test_the_demo_quiz_stays_open_to_guests(app, client):
    quiz = make_quiz([make_bank()], None, title="Demo")
    start = client.post(f"/quizzes/{quiz.id}/start")
    assert start.status_code == 302 and "/questions/1" in start.headers["Location"]


def test_a_quiz_for_signed_in_students_refuses_guests_only(app, client):
    prof = make_user("prof", "instructor")
    quiz = make_quiz([make_bank(prof)], prof, open_to_guests=False)
    assert client.get(f"/quizzes/{quiz.id}").status_code == 403
    make_user("ana")
    login(client, "ana")
    assert client.get(f"/quizzes/{quiz.id}").status_code == 200


def test_an_upcoming_or_closed_assignment_cannot_be_started(app, client):
    prof = make_user("prof", "instructor")
    course = make_class(prof)
    ana = make_user("ana")
    enrol(course, ana)
    bank = make_bank(prof)
    later = assign(course, bank, prof, title="Later").quiz_id
    db.session.execute(
        Assignment.__table__.update()
        .where(Assignment.quiz_id == later)
        .values(opens_at=datetime(2099, 1, 1))
    )
    db.session.commit()
    login(client, "ana")
    response = client.post(f"/quizzes/{later}/start")
    assert response.status_code == 403 and "not open for your class yet" in response.get_data(
        as_text=True
    )
