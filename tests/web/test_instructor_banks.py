"""Banks: create, rename and tag, soft delete, import all-or-nothing, export every format."""

import io
from pathlib import Path

import pytest
from sqlalchemy import func, select

from quizapp.core.banks.formats import load_any
from quizapp.extensions import db
from quizapp.models import Attempt, Bank, Question, Response, User
from tests.conftest import login, make_user
from tests.factories import make_bank, make_quiz

TESTS = Path(__file__).resolve().parent.parent
IMPORTS = TESTS / "data" / "import"
BANKS = TESTS / "data" / "banks"


@pytest.fixture
def prof(app, client):
    user = make_user("prof", "instructor")
    login(client, "prof")
    return user


def count(model) -> int:
    db.session.expire_all()
    return db.session.execute(select(func.count(model.id))).scalar_one()


def upload(client, path: Path, **fields):
    data = {"file": (io.BytesIO(path.read_bytes()), path.name), "bank": "0", "format": ""}
    data.update(fields)
    return client.post("/teach/banks/import", data=data, content_type="multipart/form-data")


def send(client, path: Path, **fields):
    """Upload a file, then confirm its preview (the response to the confirmation)."""
    response = upload(client, path, **fields)
    if response.status_code != 302:
        return response
    preview = response.headers["Location"]
    assert "/teach/banks/import/" in preview
    assert client.get(preview).status_code == 200
    return client.post(preview)


def test_create_rename_and_tag_a_bank(prof, client):
    response = client.post("/teach/banks/new", data={"title": "Floods", "tags": "Weather, floods"})
    assert response.status_code == 302
    bank = db.session.execute(select(Bank)).scalar_one()
    assert (bank.owner_id, bank.tags) == (prof.id, ["weather", "floods"])
    form = client.get(f"/teach/banks/{bank.id}/edit").get_data(as_text=True)
    assert 'value="weather, floods"' in form
    client.post(f"/teach/banks/{bank.id}/edit", data={"title": "Floods 2025", "tags": "news"})
    db.session.expire_all()
    assert (bank.title, bank.tags) == ("Floods 2025", ["news"])
    assert "Floods 2025" in client.get("/teach/banks").get_data(as_text=True)


def test_a_bank_needs_a_title(prof, client):
    response = client.post("/teach/banks/new", data={"title": ""})
    assert response.status_code == 400
    assert "This field is required." in response.get_data(as_text=True)


def test_delete_asks_first_and_keeps_past_attempts(prof, client):
    bank = make_bank(prof)
    quiz = make_quiz([bank], prof)
    student = make_user("stu")
    question = bank.questions[0]
    attempt = Attempt(quiz=quiz, user=student, question_ids=[question.id], score=1, max_score=1)
    attempt.responses.append(Response(question_id=question.id, answer="Red Cross", correct=True,
                                      credit=1.0))  # fmt: skip
    db.session.add(attempt)
    db.session.commit()
    page = client.get(f"/teach/banks/{bank.id}/delete").get_data(as_text=True)
    assert "Delete the bank" in page and "Flood quiz" in page
    assert count(Bank) == 1
    response = client.post(f"/teach/banks/{bank.id}/delete")
    assert response.status_code == 302
    db.session.expire_all()
    bank = db.session.get(Bank, bank.id)
    assert bank.deleted_at is not None
    assert (count(Question), count(Attempt), count(Response)) == (5, 1, 1)
    assert db.session.get(type(quiz), quiz.id).banks == []
    assert client.get(f"/teach/banks/{bank.id}").status_code == 404
    assert "Floods" not in client.get("/teach/banks").get_data(as_text=True)


@pytest.mark.parametrize(
    ("path", "fmt", "questions", "title"),
    [
        (IMPORTS / "good.gift", "", 3, "good"),
        (BANKS / "small.json", "", 2, "Harbour fire coverage"),
        (BANKS / "small.yaml", "yaml", 1, "Harbour fire coverage"),
        (BANKS / "moodle_style.xml", "", 4, "Harbour fire"),
        (BANKS / "small.aiken.txt", "aiken", 2, "small"),
    ],
)
def test_import_each_format(prof, client, path, fmt, questions, title):
    response = send(client, path, format=fmt)
    assert response.status_code == 302, response.get_data(as_text=True)
    bank = db.session.execute(select(Bank)).scalar_one()
    assert (bank.title, bank.owner_id, len(bank.questions)) == (title, prof.id, questions)
    assert [q.position for q in bank.questions] == list(range(questions))


def test_import_keeps_evidence_pointing_at_the_stored_article(prof, client):
    send(client, BANKS / "small.json")
    bank = db.session.execute(select(Bank)).scalar_one()
    cited = [ev for q in bank.questions for ev in q.evidence]
    assert cited and all(ev.source.owner_id == prof.id for ev in cited)
    assert all(ev.text.strip() for ev in cited)


def test_malformed_file_is_rejected_with_its_line_and_nothing_is_written(prof, client):
    response = send(client, IMPORTS / "broken.gift")
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "Nothing was imported." in page
    assert "Line 4:" in page and "never closed" in page
    assert (count(Bank), count(Question)) == (0, 0)


def test_import_into_an_existing_bank(prof, client):
    bank = make_bank(prof)
    response = send(client, IMPORTS / "good.gift", bank=str(bank.id))
    assert response.status_code == 302
    db.session.expire_all()
    assert len(db.session.get(Bank, bank.id).questions) == 8
    assert count(Bank) == 1


def test_import_needs_a_file_of_a_known_kind(prof, client):
    empty = client.post("/teach/banks/import", data={"bank": "0"})
    assert empty.status_code == 400 and "Choose a file." in empty.get_data(as_text=True)
    data = {"file": (io.BytesIO(b"x"), "bank.exe"), "bank": "0"}
    wrong = client.post("/teach/banks/import", data=data, content_type="multipart/form-data")
    assert wrong.status_code == 400 and "Unknown file type." in wrong.get_data(as_text=True)


@pytest.mark.parametrize(
    ("fmt", "name", "mime"),
    [
        ("json", "floods.json", "application/json"),
        ("yaml", "floods.yaml", "application/yaml"),
        ("gift", "floods.gift", "text/plain"),
        ("moodle-xml", "floods.xml", "application/xml"),
    ],
)
def test_export_downloads_a_file_that_imports_again(prof, client, fmt, name, mime):
    bank = make_bank(prof)
    response = client.get(f"/teach/banks/{bank.id}/export?format={fmt}")
    assert response.status_code == 200
    assert response.mimetype == mime
    assert response.headers["Content-Disposition"] == f'attachment; filename="{name}"'
    again = load_any(response.data, name)
    assert len(again.questions) == 5
    assert again.questions[0].answer == "the Red Cross"


def test_export_refuses_aiken_and_unknown_formats(prof, client):
    bank = make_bank(prof)
    for fmt in ("aiken", "pdf"):
        response = client.get(f"/teach/banks/{bank.id}/export?format={fmt}")
        assert response.status_code == 302


def test_share_a_bank_with_another_instructor(prof, client):
    bank = make_bank(prof)
    make_user("colleague", "instructor")
    make_user("stu")
    for name, message in [("nobody", "There is no instructor"), ("stu", "There is no instructor"),
                          ("prof", "You own it already")]:  # fmt: skip
        page = client.post(f"/teach/banks/{bank.id}/share", data={"username": name},
                           follow_redirects=True).get_data(as_text=True)  # fmt: skip
        assert message in page
    page = client.post(f"/teach/banks/{bank.id}/share", data={"username": "Colleague"},
                       follow_redirects=True).get_data(as_text=True)  # fmt: skip
    assert "Shared with colleague." in page
    db.session.expire_all()
    colleague = db.session.execute(select(User).where(User.username == "colleague")).scalar_one()
    assert [u.username for u in db.session.get(Bank, bank.id).shared_with] == ["colleague"]
    client.post("/auth/logout")
    login(client, "colleague")
    assert client.get(f"/teach/banks/{bank.id}").status_code == 200
    assert "shared with you" in client.get("/teach/banks").get_data(as_text=True)
    assert client.post(f"/teach/banks/{bank.id}/delete").status_code == 403
    assert client.post(f"/teach/banks/{bank.id}/share", data={"username": "x"}).status_code == 403
    client.post("/auth/logout")
    login(client, "prof")
    client.post(f"/teach/banks/{bank.id}/unshare/{colleague.id}")
    db.session.expire_all()
    assert db.session.get(Bank, bank.id).shared_with == []


def test_bank_page_pages_through_many_questions(prof, client):
    bank = make_bank(prof)
    for i in range(60):
        db.session.add(Question(bank_id=bank.id, position=5 + i, type="text",
                                prompt=f"Extra question {i}?", answer="x"))  # fmt: skip
    db.session.commit()
    first = client.get(f"/teach/banks/{bank.id}").get_data(as_text=True)
    assert "65 questions" in first and "Page 1 of 2" in first and "Extra question 50?" not in first
    second = client.get(f"/teach/banks/{bank.id}?page=2").get_data(as_text=True)
    assert "Extra question 50?" in second


def test_moodles_own_gift_examples_import_leaving_out_what_quizapp_cannot_ask(prof, client):
    response = upload(client, BANKS / "moodle_examples.gift.txt", format="gift")
    assert response.status_code == 302
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "40 questions will be imported" in page and "3 left out (matching 3)" in page
    assert "matching question is not supported" in page and "<td>55</td>" in page
    assert "multiple response" in page
    assert count(Bank) == 0  # a preview writes nothing
    response = client.post(response.headers["Location"])
    assert response.status_code == 302, response.get_data(as_text=True)
    bank = db.session.execute(select(Bank)).scalar_one()
    assert len(bank.questions) == 40
    assert [q.type for q in bank.questions].count("multi") == 2
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Left out 3" in page


def test_a_preview_is_confirmed_once_by_its_owner_only(prof, client):
    response = upload(client, IMPORTS / "good.gift")
    preview = response.headers["Location"]
    make_user("other", "instructor")
    login(client, "other")
    assert client.get(preview).status_code == 404
    assert client.post(preview).status_code == 404
    login(client, "prof")
    assert client.post(preview).status_code == 302
    assert client.post(preview).status_code == 404  # already imported
    assert count(Bank) == 1
    assert client.get("/teach/banks/import/not-a-token").status_code == 404
    assert client.get("/teach/banks/import/" + "A" * 32).status_code == 404


def test_a_file_of_descriptions_only_says_what_it_left_out(prof, client, tmp_path):
    path = tmp_path / "intro.gift"
    path.write_text("Read the text first.\n\nThen the next unit.\n", encoding="utf-8")
    response = upload(client, path)
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "no question quizapp can ask" in page and "2 description" in page
    assert "line 1:" in page and "line 3:" in page


def test_export_as_qti_for_canvas_blackboard_and_d2l(prof, client):
    bank = make_bank(prof)
    response = client.get(f"/teach/banks/{bank.id}/export?format=qti")
    assert response.status_code == 200 and response.mimetype == "application/xml"
    assert response.headers["Content-Disposition"] == 'attachment; filename="floods.qti.xml"'
    assert response.data.count(b"<item ident=") == 5 and b"<questestinterop" in response.data
    page = client.get(f"/teach/banks/{bank.id}").get_data(as_text=True)
    assert "QTI 1.2" in page
