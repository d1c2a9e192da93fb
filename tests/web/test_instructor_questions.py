"""Authoring: generate drafts, review them (approve, edit, reject = delete), write by hand."""

import re
from pathlib import Path

import pytest
from sqlalchemy import select

from quizapp.core.reading.sentences import split_sentences
from quizapp.extensions import db
from quizapp.models import Bank, Question, Source
from quizapp.services.quizzes import eligible_question_ids
from tests.conftest import login, make_user
from tests.factories import make_quiz

DATA = Path(__file__).resolve().parent.parent / "data" / "import"


@pytest.fixture
def prof(app, client):
    user = make_user("prof", "instructor")
    login(client, "prof")
    return user


@pytest.fixture
def article(prof, client) -> Source:
    client.post("/teach/sources/new", data={"text": (DATA / "floods.txt").read_text()})
    return db.session.execute(select(Source)).scalar_one()


def questions(bank_id: int, status: str | None = None) -> list[Question]:
    db.session.expire_all()
    stmt = select(Question).where(Question.bank_id == bank_id).order_by(Question.position)
    if status:
        stmt = stmt.where(Question.status == status)
    return list(db.session.execute(stmt).scalars())


def generate(client, source_ids, title="Flood drafts", bank=0):
    return client.post(
        "/teach/generate", data={"sources": source_ids, "bank": bank, "title": title}
    )


def test_generate_makes_drafts_in_a_new_bank_and_opens_the_queue(prof, client, article):
    page = client.get(f"/teach/generate?source={article.id}").get_data(as_text=True)
    assert re.search(rf'<input checked[^>]*value="{article.id}"', page)
    response = generate(client, [article.id])
    assert response.status_code == 302
    bank = db.session.execute(select(Bank)).scalar_one()
    assert (bank.title, bank.owner_id) == ("Flood drafts", prof.id)
    assert response.headers["Location"].endswith(f"/teach/banks/{bank.id}/review")
    drafts = questions(bank.id)
    assert len(drafts) >= 10
    assert {q.status for q in drafts} == {"draft"}
    assert all(q.evidence and q.evidence[0].source_id == article.id for q in drafts)
    queue = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Red Cross" in queue
    assert 'class="quote"' in queue  # the evidence beside each draft


def test_generate_into_an_existing_bank_appends(prof, client, article):
    generate(client, [article.id])
    bank = db.session.execute(select(Bank)).scalar_one()
    before = len(questions(bank.id))
    generate(client, [article.id], title="", bank=bank.id)
    after = questions(bank.id)
    assert len(after) == 2 * before
    assert [q.position for q in after] == list(range(len(after)))


def test_generate_needs_articles_and_a_title(prof, client, article):
    assert generate(client, []).status_code == 400
    response = generate(client, [article.id], title="")
    assert response.status_code == 400
    assert "Give the new bank a title" in response.get_data(as_text=True)
    assert db.session.execute(select(Bank)).first() is None


def test_only_approved_questions_can_be_drawn(prof, client, article):
    generate(client, [article.id])
    bank = db.session.execute(select(Bank)).scalar_one()
    quiz = make_quiz([bank], prof)
    assert eligible_question_ids([quiz.id])[quiz.id] == []
    first, second, third = questions(bank.id)[:3]
    for q in (first, second, third):
        assert client.post(f"/teach/questions/{q.id}/approve").status_code == 302
    assert sorted(eligible_question_ids([quiz.id])[quiz.id]) == sorted(
        [first.id, second.id, third.id]
    )
    client.post(f"/teach/questions/{first.id}/withdraw")
    assert first.id not in eligible_question_ids([quiz.id])[quiz.id]


def test_reject_deletes_a_draft_but_not_an_approved_question(prof, client, article):
    generate(client, [article.id])
    bank = db.session.execute(select(Bank)).scalar_one()
    draft, approved = questions(bank.id)[:2]
    client.post(f"/teach/questions/{approved.id}/approve")
    client.post(f"/teach/questions/{draft.id}/reject")
    refused = client.post(f"/teach/questions/{approved.id}/reject", follow_redirects=True)
    assert "Only drafts can be rejected" in refused.get_data(as_text=True)
    ids = [q.id for q in questions(bank.id)]
    assert draft.id not in ids and approved.id in ids


def test_approve_all(prof, client, article):
    generate(client, [article.id])
    bank = db.session.execute(select(Bank)).scalar_one()
    client.post(f"/teach/banks/{bank.id}/approve-all")
    assert questions(bank.id, "draft") == []


def sentence_value(source: Source, needle: str) -> str:
    s = next(s for s in split_sentences(source.text) if needle in s.text)
    return f"{s.start}-{s.end}"


def write(client, bank_id, source, **fields):
    data = {"type": "figure", "prompt": "How many soldiers did the army deploy?",
            "answer": "2,500", "difficulty": "0.4", **fields}  # fmt: skip
    return client.post(f"/teach/banks/{bank_id}/questions/new?source={source.id}", data=data)


@pytest.fixture
def bank(prof) -> Bank:
    bank = Bank(owner_id=prof.id, title="Hand-made", tags=[])
    db.session.add(bank)
    db.session.commit()
    return bank


def test_hand_written_question_cites_the_chosen_sentences(client, bank, article):
    page = client.get(f"/teach/banks/{bank.id}/questions/new?source={article.id}")
    assert "The army deployed 2,500 soldiers" in page.get_data(as_text=True)
    assert "<legend>Evidence: sentences of" in page.get_data(as_text=True)
    response = write(client, bank.id, article, sentences=[sentence_value(article, "2,500")])
    assert response.status_code == 302, response.get_data(as_text=True)
    [q] = questions(bank.id)
    assert (q.type, q.answer, q.status) == ("figure", "2,500", "approved")
    assert q.evidence[0].text.startswith("The army deployed 2,500 soldiers")


def test_figure_answer_may_be_written_differently_from_the_article(client, bank, article):
    response = write(client, bank.id, article, answer="2500",
                     sentences=[sentence_value(article, "2,500")])  # fmt: skip
    assert response.status_code == 302


@pytest.mark.parametrize(
    ("fields", "needle", "message"),
    [
        ({"answer": "3,000"}, "2,500", "answer does not occur in the cited evidence"),
        ({}, "Red Cross", "answer does not occur in the cited evidence"),
        ({}, None, "choose the sentences that contain the answer"),
        (
            {"type": "attribution", "answer": "Someone", "choices": "A named source\nNo source"},
            "2,500",
            "answer is not one of the choices",
        ),
        ({"type": "date", "answer": "June 18"}, "June 17", "answer does not occur"),
    ],
)
def test_unbacked_questions_are_refused_with_the_reason(
    client, bank, article, fields, needle, message
):
    sentences = [sentence_value(article, needle)] if needle else []
    response = write(client, bank.id, article, sentences=sentences, **fields)
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)
    assert questions(bank.id) == []


def test_sentences_must_belong_to_the_article(client, bank, article):
    response = write(client, bank.id, article, sentences=["0-5"])
    assert response.status_code == 400
    assert questions(bank.id) == []


def test_verdict_gets_the_standard_choices(client, bank, article):
    response = write(client, bank.id, article, type="verdict", answer="Supported",
                     prompt="The army sent 2,500 soldiers.",
                     sentences=[sentence_value(article, "2,500")])  # fmt: skip
    assert response.status_code == 302
    [q] = questions(bank.id)
    assert q.choices == ["Supported", "Contradicted", "Not stated in the article"]


def test_free_text_question_needs_no_evidence(client, bank):
    response = client.post(
        f"/teach/banks/{bank.id}/questions/new",
        data={"type": "text", "prompt": "Why check sources?", "answer": "To verify claims",
              "difficulty": "0.5"},
    )  # fmt: skip
    assert response.status_code == 302


def test_edit_prefills_the_cited_sentences_and_saves(prof, client, article):
    generate(client, [article.id])
    bank = db.session.execute(select(Bank)).scalar_one()
    q = next(q for q in questions(bank.id) if q.type == "figure" and q.answer == "2,500")
    page = client.get(f"/teach/questions/{q.id}/edit").get_data(as_text=True)
    value = sentence_value(article, "2,500")
    assert re.search(rf'<input checked[^>]*value="{value}"', page)
    response = client.post(
        f"/teach/questions/{q.id}/edit?source={article.id}",
        data={"type": "figure", "prompt": "How many soldiers were deployed?",
              "answer": "2,500", "accept": "2500\n2.5 thousand", "difficulty": "0.3",
              "tags": "army, Figure", "sentences": [value]},
    )  # fmt: skip
    assert response.status_code == 302
    db.session.expire_all()
    q = db.session.get(Question, q.id)
    assert q.prompt == "How many soldiers were deployed?"
    assert q.accept == ["2500", "2.5 thousand"] and q.tags == ["army", "figure"]
    assert q.status == "draft"


def test_review_queue_of_a_missing_bank_is_404(prof, client):
    assert client.get("/teach/banks/999/review").status_code == 404
    assert client.post("/teach/questions/999/approve").status_code == 404


MULTI = {"type": "multi", "prompt": "Which of these does the article attribute to a named source?",
         "answer": "", "choices": "2,500 soldiers\nRumoured casualties\nThe flood warning",
         "weights": "50\n-100\n50", "difficulty": "0.5"}


def test_a_tick_all_that_apply_question_is_written_and_edited(client, bank):
    response = client.post(f"/teach/banks/{bank.id}/questions/new", data=MULTI)
    assert response.status_code == 302, response.get_data(as_text=True)[-800:]
    [q] = questions(bank.id)
    assert (q.type, q.weights) == ("multi", [50, -100, 50])
    assert q.answer == "2,500 soldiers; The flood warning"
    page = client.get(f"/teach/questions/{q.id}/edit").get_data(as_text=True)
    assert "50\n-100\n50" in page
    client.post(f"/teach/questions/{q.id}/edit", data=MULTI | {"weights": "100\n0\n0"})
    assert questions(bank.id)[0].answer == "2,500 soldiers"


@pytest.mark.parametrize(
    ("weights", "problem"),
    [
        ("", "a multi question needs weights"),
        ("50\n50", "weights must have one number per answer (3)"),
        ("50\nlots\n50", "Write one number per line"),
        ("-50\n-50\n0", "a multi question needs a choice with positive weight"),
        ("150\n0\n0", "weights must be numbers from -100 to 100"),
    ],
)
def test_a_tick_all_that_apply_question_needs_sound_weights(client, bank, weights, problem):
    response = client.post(f"/teach/banks/{bank.id}/questions/new",
                           data=MULTI | {"weights": weights})
    assert response.status_code == 400
    assert problem in response.get_data(as_text=True)
    assert questions(bank.id) == []


def test_a_tick_all_that_apply_question_credits_add_up_as_moodles_do(client, bank):
    response = client.post(f"/teach/banks/{bank.id}/questions/new",
                           data=MULTI | {"weights": "50\n0\n0"})
    assert response.status_code == 400
    assert "add up to 50%" in response.get_data(as_text=True)
