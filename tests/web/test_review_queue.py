"""The review queue for many drafts: stable numbers, back to the next draft, confirm, bulk."""

from __future__ import annotations

from sqlalchemy import select

from quizapp.core.banks.model import Bank as CoreBank
from quizapp.core.banks.model import Question as CoreQuestion
from quizapp.extensions import db
from quizapp.models import Question
from quizapp.services.banks import add_bank
from tests.conftest import login, make_user
from tests.factories import ARTICLE, span


def draft_bank(owner, count: int = 40) -> list[int]:
    """Store a bank of `count` drafts; return their ids in queue order."""
    questions = [
        CoreQuestion(f"q{i}", "text" if i % 2 else "figure", f"Draft prompt number {i}?",
                     f"answer {i}", evidence=[span(ARTICLE, "12,000")],
                     tags=["none-source"] if i % 2 else ["named-source"])
        for i in range(count)
    ]  # fmt: skip
    from quizapp.core.banks.model import Source

    doc = CoreBank(title="Drafts", description="", questions=questions,
                   sources=[Source("s1", "Floods", ARTICLE)])  # fmt: skip
    bank = add_bank(doc, owner.id, status="draft")
    db.session.commit()
    return [q.id for q in sorted(bank.questions, key=lambda q: q.position)]


def test_queue_shows_teacher_words_and_stable_draft_numbers(app, client):
    prof = make_user("prof", "instructor")
    ids = draft_bank(prof)
    bank_id = db.session.get(Question, ids[0]).bank_id
    login(client, "prof")
    page = client.get(f"/teach/banks/{bank_id}/review").get_data(as_text=True)
    assert "Typed answer" in page and "No source given" in page and "Named source" in page
    assert ">text<" not in page and "none-source" not in page
    approved = client.post(f"/teach/questions/{ids[2]}/approve", data={"anchor": f"q{ids[3]}"})
    assert approved.headers["Location"].endswith(f"/review#q{ids[3]}")
    page = client.get(f"/teach/banks/{bank_id}/review").get_data(as_text=True)
    assert "Draft 3<" not in page and "Draft 4<" in page and "Draft 40<" in page


def test_reject_asks_to_confirm_and_returns_to_the_next_draft(app, client):
    prof = make_user("prof", "instructor")
    ids = draft_bank(prof, 5)
    bank_id = db.session.get(Question, ids[0]).bank_id
    login(client, "prof")
    queue = client.get(f"/teach/banks/{bank_id}/review").get_data(as_text=True)
    assert f"/teach/questions/{ids[1]}/reject?anchor=q{ids[2]}" in queue
    confirm = client.get(f"/teach/questions/{ids[1]}/reject?anchor=q{ids[2]}")
    body = confirm.get_data(as_text=True)
    assert confirm.status_code == 200 and "Reject draft 2?" in body and "Yes, reject" in body
    assert db.session.get(Question, ids[1]) is not None  # asking deleted nothing
    done = client.post(f"/teach/questions/{ids[1]}/reject", data={"anchor": f"q{ids[2]}"})
    assert done.headers["Location"].endswith(f"/review#q{ids[2]}")
    db.session.expire_all()
    assert db.session.get(Question, ids[1]) is None


def test_edit_from_the_queue_returns_to_the_queue(app, client):
    prof = make_user("prof", "instructor")
    ids = draft_bank(prof, 3)
    bank_id = db.session.get(Question, ids[0]).bank_id
    login(client, "prof")
    queue = client.get(f"/teach/banks/{bank_id}/review").get_data(as_text=True)
    assert f"/teach/questions/{ids[0]}/edit?next=review" in queue
    form = client.get(f"/teach/questions/{ids[0]}/edit?next=review").get_data(as_text=True)
    assert "next=review" in form
    saved = client.post(
        f"/teach/questions/{ids[0]}/edit?next=review",
        data={"type": "text", "prompt": "Who counted the displaced?", "answer": "the Red Cross",
              "difficulty": 0.5},
    )  # fmt: skip
    assert saved.status_code == 302, saved.get_data(as_text=True)[-800:]
    assert saved.headers["Location"].endswith(f"/review#q{ids[0]}")


def test_bulk_approve_tag_and_reject(app, client):
    prof = make_user("prof", "instructor")
    ids = draft_bank(prof, 6)
    bank_id = db.session.get(Question, ids[0]).bank_id
    url = f"/teach/banks/{bank_id}/review/bulk"
    login(client, "prof")
    client.post(url, data={"action": "approve", "ids": [ids[0], ids[1]]})
    client.post(url, data={"action": "tag", "tag": "Week 3", "ids": [ids[2], ids[3]]})
    unconfirmed = client.post(url, data={"action": "reject", "ids": [ids[4], ids[5]]},
                              follow_redirects=True)  # fmt: skip
    assert "nothing was deleted" in unconfirmed.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(Question, ids[4]) is not None
    client.post(url, data={"action": "reject", "confirm": "yes", "ids": [ids[4], ids[5]]})
    db.session.expire_all()
    statuses = dict(db.session.execute(select(Question.id, Question.status)).all())
    assert statuses[ids[0]] == statuses[ids[1]] == "approved"
    assert ids[4] not in statuses and ids[5] not in statuses
    assert "week 3" in db.session.get(Question, ids[2]).tags
    nothing = client.post(url, data={"action": "approve"}, follow_redirects=True)
    assert "Select at least one draft" in nothing.get_data(as_text=True)


def test_bulk_ignores_another_instructors_questions(app, client):
    prof, other = make_user("prof", "instructor"), make_user("other", "instructor")
    mine = draft_bank(prof, 2)
    theirs = draft_bank(other, 2)
    bank_id = db.session.get(Question, mine[0]).bank_id
    login(client, "prof")
    client.post(f"/teach/banks/{bank_id}/review/bulk",
                data={"action": "approve", "ids": [mine[0], theirs[0]]})  # fmt: skip
    db.session.expire_all()
    assert db.session.get(Question, theirs[0]).status == "draft"
    assert db.session.get(Question, mine[0]).status == "approved"
