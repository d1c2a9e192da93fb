"""Appeals, reviews and regrades through the client (issue 15), on SQLite and PostgreSQL.

A student appeals a mark once; an instructor who sees the question's bank or quiz accepts it
(optionally for every student, which rescores every response to the question), keeps it with a
reply, or sets it by hand; totals and the gradebook follow, each change is audited, and students
are told. The scorer's unsure marks wait in the same queue and read "Awaiting review".
"""

from __future__ import annotations

import pytest
from sqlalchemy import func, select
from werkzeug.security import generate_password_hash

from quizapp.core.scoring import score_answer
from quizapp.extensions import db, dispose_engines
from quizapp.models import Appeal, Attempt, MarkChange, Question, Response, User
from quizapp.services import answers, attempts, question_pages
from quizapp.services.banks import evidence_text, question_to_core
from tests.conftest import make_test_app, recorded_statements
from tests.factories import make_bank, make_quiz

# Answers to "Who is cited for the figure of over 12,000 people displaced?" (the Red Cross) that
# a fair instructor could accept, and that the scorer marks plainly wrong: the tests pick the
# first the current rules mark wrong, so that better rules (issue 15's other half) keep them true.
APPEALABLE = ["the humanitarian group", "the aid charity", "the relief society", "IFRC"]
PLAINLY_WRONG = ["the mayor", "nobody", "the weather service"]
UNSURE_CANDIDATES = {  # answers the scorer tends to give part credit for
    "figure": ["300 cm", "300 inches", "3000"],
    "date": ["June", "in June", "mid-June"],
    "source": ["Red", "Cross", "the Red"],
}


def quick_user(username: str, role: str = "student") -> User:
    """Store an account with a cheap password hash."""
    user = User(username=username, role=role)
    user.password_hash = generate_password_hash("correct horse", method="pbkdf2:sha256:1000")
    db.session.add(user)
    db.session.commit()
    return user


def become(client, user_id: int) -> None:
    """Log the client in as this user."""
    user = db.session.get(User, user_id)
    with client.session_transaction() as session:
        session["_user_id"] = user.get_id()
        session["_fresh"] = True


def verdict_of(question: Question, answer: str):
    return score_answer(question_to_core(question), answer, evidence_text(question))


def pick(question: Question, candidates: list[str], wanted) -> str:
    """Return the first candidate answer whose verdict the predicate accepts."""
    for answer in candidates:
        if wanted(verdict_of(question, answer)):
            return answer
    pytest.fail(f"no candidate fits for {question.prompt!r}: {candidates}")


def plainly_wrong(verdict) -> bool:
    return not verdict.correct and not verdict.needs_review


def take(quiz_id: int, user_id: int, answer: str, position_type: str = "source",
         finish: bool = True) -> tuple[int, int]:  # fmt: skip
    """Answer the question of the given type with `answer` (the others wrongly); return ids."""
    attempt = attempts.start_attempt(quiz_id, user_id)
    attempt_id, response_id = attempt.id, None
    for position in range(1, len(attempt.question_ids) + 1):
        page = question_pages.question_page(attempt_id, user_id, position)
        given = answer if page.question.type == position_type else "x"
        if page.choices:
            given = page.choices[-1] if page.question.type != position_type else answer
        outcome = answers.answer_question(attempt_id, user_id, position, given)
        if page.question.type == position_type:
            response_id = outcome.response.id
    if finish:
        attempts.finish_attempt(attempt_id, user_id)
    return attempt_id, response_id


@pytest.fixture
def world(app):
    """An instructor's bank and practice quiz; three students; another instructor."""
    prof = quick_user("prof", "instructor")
    quick_user("stranger", "instructor")
    bank = make_bank(prof)
    quiz = make_quiz([bank], prof)
    source_q = next(q for q in bank.questions if q.type == "source")
    students = {name: quick_user(name) for name in ("ann", "ben", "cat")}
    return {"prof": prof.id, "bank": bank.id, "quiz": quiz.id, "question": source_q.id,
            "students": {n: u.id for n, u in students.items()}}  # fmt: skip


def rows(model, *where):
    db.session.expire_all()
    return list(db.session.execute(select(model).where(*where)).scalars())


def response(response_id: int) -> Response:
    db.session.expire_all()
    return db.session.get(Response, response_id)


def user_id_of(name: str) -> int:
    return db.session.execute(select(User.id).where(User.username == name)).scalar_one()


# -- appealing -------------------------------------------------------------------------------


def test_a_student_appeals_a_wrong_mark_once_from_the_feedback_page(client, world):
    question = db.session.get(Question, world["question"])
    wrong = pick(question, APPEALABLE, plainly_wrong)
    ann = world["students"]["ann"]
    attempt_id, rid = take(world["quiz"], ann, wrong, finish=False)
    become(client, ann)
    position = db.session.get(Attempt, attempt_id).question_ids.index(question.id) + 1
    feedback = client.get(f"/quizzes/attempts/{attempt_id}/questions/{position}/feedback")
    page = feedback.get_data(as_text=True)
    assert f'action="/me/responses/{rid}/appeal"' in page
    assert "Appeal this mark" in page and 'for="appeal-reason-' in page

    reason = "  I named the   organisation. "
    sent = client.post(f"/me/responses/{rid}/appeal", data={"reason": reason, "next": "/me/"})
    assert sent.status_code == 302 and sent.location == "/me/"
    again = client.post(f"/me/responses/{rid}/appeal", data={"reason": "again"},
                        follow_redirects=True)  # fmt: skip
    assert "You have already appealed this mark." in again.get_data(as_text=True)
    [appeal] = rows(Appeal)
    assert (appeal.response_id, appeal.status, appeal.reason) == (rid, "open",
                                                                  "I named the organisation.")
    page = client.get(f"/quizzes/attempts/{attempt_id}/questions/{position}/feedback")
    text = page.get_data(as_text=True)
    assert "Appeal sent: your instructor will look at this mark again." in text
    assert f'action="/me/responses/{rid}/appeal"' not in text  # once per response


def test_an_appeal_needs_no_reason_and_a_long_reason_is_refused_with_the_field_error(
    client, world
):
    question = db.session.get(Question, world["question"])
    ann = world["students"]["ann"]
    _, rid = take(world["quiz"], ann, pick(question, APPEALABLE, plainly_wrong))
    become(client, ann)
    too_long = client.post(f"/me/responses/{rid}/appeal", data={"reason": "x" * 301})
    assert too_long.status_code == 400
    body = too_long.get_data(as_text=True)
    assert "Field cannot be longer than 300 characters." in body and 'aria-invalid="true"' in body
    assert rows(Appeal) == []
    assert client.get(f"/me/responses/{rid}/appeal").status_code == 200
    assert client.post(f"/me/responses/{rid}/appeal", data={}).status_code == 302
    assert [a.reason for a in rows(Appeal)] == [""]


def test_only_the_owner_appeals_and_only_a_mark_they_can_see(client, world):
    question = db.session.get(Question, world["question"])
    students = world["students"]
    _, rid = take(world["quiz"], students["ann"], pick(question, APPEALABLE, plainly_wrong))
    for intruder in (students["ben"], world["prof"]):
        become(client, intruder)
        assert client.get(f"/me/responses/{rid}/appeal").status_code == 404
        assert client.post(f"/me/responses/{rid}/appeal", data={}).status_code == 404
    assert rows(Appeal) == []
    # An unfinished test hides its marks: nothing to appeal yet.
    test_quiz = make_quiz([db.session.get(Question, world["question"]).bank], title="Test",
                          mode="test")  # fmt: skip
    _, hidden = take(test_quiz.id, students["cat"], "nobody", finish=False)
    become(client, students["cat"])
    assert client.post(f"/me/responses/{hidden}/appeal", data={}).status_code == 404
    assert rows(Appeal) == []


def test_a_right_answer_cannot_be_appealed(client, world):
    ann = world["students"]["ann"]
    _, rid = take(world["quiz"], ann, "the Red Cross")
    become(client, ann)
    refused = client.post(f"/me/responses/{rid}/appeal", data={}, follow_redirects=True)
    assert "This answer is already marked right." in refused.get_data(as_text=True)
    assert rows(Appeal) == []


def test_an_appeal_without_a_csrf_token_is_refused(database_url, tmp_path):
    app = make_test_app(database_url, tmp_path, WTF_CSRF_ENABLED=True)
    with app.app_context():
        prof = quick_user("prof", "instructor")
        ann = quick_user("ann")
        quiz = make_quiz([make_bank(prof)], prof)
        _, rid = take(quiz.id, ann.id, "nobody")
        client = app.test_client()
        become(client, ann.id)
        assert client.post(f"/me/responses/{rid}/appeal", data={}).status_code == 400
        become(client, prof.id)
        for action in ("accept", "reject", "mark"):
            data = {"reply": "r", "credit": "100", "reason": "r"}
            assert client.post(f"/teach/responses/{rid}/{action}", data=data).status_code == 400
        assert rows(Appeal) == [] and rows(MarkChange) == []
        db.session.remove()
        dispose_engines()


# -- the queue -------------------------------------------------------------------------------


def test_the_queue_shows_each_appeal_beside_its_question_key_variants_and_evidence(client, world):
    question = db.session.get(Question, world["question"])
    wrong = pick(question, APPEALABLE, plainly_wrong)
    ann = world["students"]["ann"]
    _, rid = take(world["quiz"], ann, wrong)
    become(client, ann)
    client.post(f"/me/responses/{rid}/appeal", data={"reason": "I wrote the organisation"})
    become(client, world["prof"])
    page = client.get("/teach/reviews").get_data(as_text=True)
    assert "Appeals (1)" in page
    for shown in (wrong, "I wrote the organisation", question.prompt, "the Red Cross",
                  "Red Cross", "Flooding displaced more than 12,000 people", "ann"):  # fmt: skip
        assert shown in page
    assert f'action="/teach/responses/{rid}/accept"' in page
    # Another instructor sees neither the appeal nor the answer.
    become(client, user_id_of("stranger"))
    other = client.get("/teach/reviews").get_data(as_text=True)
    assert "Appeals (0)" in other and wrong not in other
    assert client.get(f"/teach/responses/{rid}").status_code == 404
    assert client.post(f"/teach/responses/{rid}/accept", data={}).status_code == 404
    assert response(rid).correct is False


def test_an_instructor_who_shares_the_quiz_sees_its_appeals(client, world):
    from quizapp.services.sharing import share_quiz

    question = db.session.get(Question, world["question"])
    ann = world["students"]["ann"]
    _, rid = take(world["quiz"], ann, pick(question, APPEALABLE, plainly_wrong))
    become(client, ann)
    client.post(f"/me/responses/{rid}/appeal", data={})
    share_quiz(world["prof"], world["quiz"], "stranger")
    become(client, user_id_of("stranger"))
    assert "Appeals (1)" in client.get("/teach/reviews").get_data(as_text=True)
    # The bank is not shared: the answer cannot become a variant, but it can be accepted.
    refused = client.post(f"/teach/responses/{rid}/accept", data={"add_variant": "y"},
                          follow_redirects=True)  # fmt: skip
    assert "Only instructors who may edit the question" in refused.get_data(as_text=True)
    assert response(rid).correct is False and rows(MarkChange) == []
    assert client.post(f"/teach/responses/{rid}/accept", data={}).status_code == 302
    assert response(rid).correct is True


# -- accepting, with the answer as a variant: the question is regraded ------------------------


def test_accepting_as_a_variant_regrades_every_students_response(client, world):
    question = db.session.get(Question, world["question"])
    wrong = pick(question, APPEALABLE, plainly_wrong)
    other = pick(question, PLAINLY_WRONG, plainly_wrong)
    s = world["students"]
    ann_attempt, ann_r = take(world["quiz"], s["ann"], wrong)
    ben_attempt, ben_r = take(world["quiz"], s["ben"], f"  {wrong.upper()} ")  # same, typed so
    ben_open, ben_open_r = take(world["quiz"], s["ben"], wrong, finish=False)  # in progress
    cat_attempt, cat_r = take(world["quiz"], s["cat"], other)
    before = {a: db.session.get(Attempt, a).score for a in (ann_attempt, ben_attempt, cat_attempt)}
    become(client, s["ben"])
    client.post(f"/me/responses/{ben_r}/appeal", data={})
    become(client, s["ann"])
    client.post(f"/me/responses/{ann_r}/appeal", data={"reason": "It is the organisation"})

    become(client, world["prof"])
    gradebook_before = client.get(f"/teach/quizzes/{world['quiz']}/results").get_data(as_text=True)
    done = client.post(f"/teach/responses/{ann_r}/accept",
                       data={"add_variant": "y", "reply": "Fair: that is the Red Cross.",
                             "next": "queue"}, follow_redirects=True)  # fmt: skip
    assert done.status_code == 200
    assert "It is now an accepted answer; 2 other marks changed." in done.get_data(as_text=True)

    db.session.expire_all()
    assert db.session.get(Question, world["question"]).accept[-1] == wrong
    for rid in (ann_r, ben_r, ben_open_r):
        assert (response(rid).correct, response(rid).credit) == (True, 1.0)
    assert (response(cat_r).correct, response(cat_r).credit) == (False, 0.0)
    assert response(ann_r).hand_marked and not response(ben_r).hand_marked
    scores = {a: db.session.get(Attempt, a).score for a in (ann_attempt, ben_attempt, cat_attempt)}
    assert scores[ann_attempt] == before[ann_attempt] + 1
    assert scores[ben_attempt] == before[ben_attempt] + 1
    assert scores[cat_attempt] == before[cat_attempt]
    assert db.session.get(Attempt, ben_open).score is None  # scored when it is finished
    gradebook = client.get(f"/teach/quizzes/{world['quiz']}/results").get_data(as_text=True)
    most = db.session.get(Attempt, ann_attempt).max_score
    was, now = (f"{round(100 * x[ann_attempt] / most)}%" for x in (before, scores))
    assert was in gradebook_before and now in gradebook and was != now

    changes = {c.response_id: c for c in rows(MarkChange)}
    assert set(changes) == {ann_r, ben_r, ben_open_r}
    assert changes[ann_r].kind == "accepted" and changes[ben_r].kind == "regrade"
    for change in changes.values():
        assert change.changed_by_id == world["prof"] and change.changed_at is not None
        assert (change.old_correct, change.old_credit) == (False, 0.0)
        assert (change.new_correct, change.new_credit) == (True, 1.0)
    assert wrong in changes[ben_r].reason
    appeals = {a.response_id: a for a in rows(Appeal)}
    assert appeals[ann_r].status == appeals[ben_r].status == "accepted"
    assert appeals[ann_r].reply == "Fair: that is the Red Cross."
    assert appeals[ann_r].decided_by_id == world["prof"]

    # Ben is told, on his history and on the attempt, and can dismiss the notice; Cat is not.
    become(client, s["ben"])
    history = client.get("/me/history").get_data(as_text=True)
    assert "Your marks changed" in history and "from Wrong to Right" in history
    assert "was added to the accepted answers" in history
    attempt_page = client.get(f"/me/attempts/{ben_attempt}").get_data(as_text=True)
    assert "Your mark changed from Wrong to Right" in attempt_page
    assert "Your appeal was accepted." in attempt_page
    assert client.post("/me/notices/dismiss", data={}).status_code == 302
    assert "Your marks changed" not in client.get("/me/history").get_data(as_text=True)
    assert "Your mark changed" in client.get(f"/me/attempts/{ben_attempt}").get_data(as_text=True)
    become(client, s["cat"])
    assert "Your marks changed" not in client.get("/me/history").get_data(as_text=True)
    # The queue is empty again.
    become(client, world["prof"])
    assert "Appeals (0)" in client.get("/teach/reviews").get_data(as_text=True)


def test_a_regrade_leaves_marks_set_by_hand_alone(client, world):
    question = db.session.get(Question, world["question"])
    wrong = pick(question, APPEALABLE, plainly_wrong)
    s = world["students"]
    _, ann_r = take(world["quiz"], s["ann"], wrong)
    _, ben_r = take(world["quiz"], s["ben"], wrong)
    become(client, world["prof"])
    kept = client.post(f"/teach/responses/{ben_r}/mark",
                       data={"credit": "0", "reason": "Name the organisation itself."})  # fmt: skip
    assert kept.status_code == 302
    client.post(f"/teach/responses/{ann_r}/accept", data={"add_variant": "y"})
    assert response(ann_r).correct is True
    assert (response(ben_r).correct, response(ben_r).credit) == (False, 0.0)


def test_a_multiple_choice_answer_cannot_become_a_variant(client, world):
    bank_questions = rows(Question, Question.bank_id == world["bank"])
    choice = next(q for q in bank_questions if q.type == "attribution")
    ann = world["students"]["ann"]
    _, rid = take(world["quiz"], ann, "A named source", position_type="attribution")
    become(client, world["prof"])
    refused = client.post(f"/teach/responses/{rid}/accept", data={"add_variant": "y"},
                          follow_redirects=True)  # fmt: skip
    assert "accept it alone" in refused.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(Question, choice.id).accept == choice.accept
    assert response(rid).correct is False


# -- keeping a mark, and setting one by hand ---------------------------------------------------


def test_keeping_a_mark_records_the_reply_the_student_sees(client, world):
    question = db.session.get(Question, world["question"])
    ann = world["students"]["ann"]
    attempt_id, rid = take(world["quiz"], ann, pick(question, PLAINLY_WRONG, plainly_wrong))
    become(client, ann)
    client.post(f"/me/responses/{rid}/appeal", data={"reason": "Close enough"})
    become(client, world["prof"])
    empty = client.post(f"/teach/responses/{rid}/reject", data={"reply": "   "})
    assert empty.status_code == 400
    assert "Tell the student why the mark stands." in empty.get_data(as_text=True)
    assert rows(Appeal)[0].status == "open" and rows(MarkChange) == []
    kept = client.post(f"/teach/responses/{rid}/reject",
                       data={"reply": "The article names the Red Cross."})  # fmt: skip
    assert kept.status_code == 302
    [appeal] = rows(Appeal)
    assert (appeal.status, appeal.reply) == ("rejected", "The article names the Red Cross.")
    [change] = rows(MarkChange)
    assert (change.kind, change.old_credit, change.new_credit) == ("confirmed", 0.0, 0.0)
    assert response(rid).correct is False
    become(client, ann)
    page = client.get(f"/me/attempts/{attempt_id}").get_data(as_text=True)
    assert "Your appeal was declined." in page and "The article names the Red Cross." in page
    assert "kept your mark" in client.get("/me/history").get_data(as_text=True)


def test_an_instructor_sets_one_mark_by_hand_and_the_total_follows(client, world):
    ann = world["students"]["ann"]
    attempt_id, rid = take(world["quiz"], ann, "nobody")
    before = db.session.get(Attempt, attempt_id).score
    become(client, world["prof"])
    for bad in ({"credit": "150", "reason": "x"}, {"credit": "half", "reason": "x"},
                {"credit": "50", "reason": ""}):  # fmt: skip
        refused = client.post(f"/teach/responses/{rid}/mark", data=bad)
        assert refused.status_code == 400
        assert 'class="errors"' in refused.get_data(as_text=True)
    assert rows(MarkChange) == []
    assert client.post(f"/teach/responses/{rid}/mark",
                       data={"credit": "50", "reason": "Half: the right kind of body."}
                       ).status_code == 302  # fmt: skip
    r = response(rid)
    assert (r.correct, r.credit, r.hand_marked) == (False, 0.5, True)
    assert "Half: the right kind of body." in r.reason
    assert db.session.get(Attempt, attempt_id).score == before + 0.5
    page = client.get(f"/teach/responses/{rid}").get_data(as_text=True)
    assert "Half: the right kind of body." in page and "prof" in page and "50%" in page
    become(client, ann)
    shown = client.get(f"/me/attempts/{attempt_id}").get_data(as_text=True)
    assert "Your mark changed from Wrong to Partly right (50%)" in shown


def test_a_missing_response_is_a_404_for_every_review_action(client, world):
    become(client, world["prof"])
    for method, url in (("GET", "/teach/responses/999999"),
                        ("POST", "/teach/responses/999999/accept"),
                        ("POST", "/teach/responses/999999/reject"),
                        ("POST", "/teach/responses/999999/mark")):  # fmt: skip
        assert client.open(url, method=method, data={"reply": "r", "credit": "1",
                                                     "reason": "r"}).status_code == 404


# -- unsure is not wrong ----------------------------------------------------------------------


@pytest.mark.parametrize("qtype", ["figure", "date"])
def test_an_unsure_mark_awaits_review_and_is_stored_by_the_one_insert(client, world, qtype):
    question = next(q for q in rows(Question, Question.bank_id == world["bank"])
                    if q.type == qtype)  # fmt: skip
    unsure = pick(question, UNSURE_CANDIDATES[qtype], lambda v: v.needs_review)
    ann = world["students"]["ann"]
    attempt = attempts.start_attempt(world["quiz"], ann)
    position = attempt.question_ids.index(question.id) + 1
    become(client, ann)
    url = f"/quizzes/attempts/{attempt.id}/questions/{position}"
    with recorded_statements() as seen:
        assert client.post(url, data={"answer": unsure}).status_code == 302
    writes = [s for s, _, _ in seen if not s.lstrip().upper().startswith("SELECT")]
    assert len(seen) == 2 and len(writes) == 1 and "unsure" in writes[0]
    [stored] = rows(Response, Response.attempt_id == attempt.id)
    assert stored.unsure and stored.awaiting_review
    page = client.get(url + "/feedback").get_data(as_text=True)
    assert "Awaiting review" in page and "verdict-pending" in page
    assert "your instructor will review it" in page

    become(client, world["prof"])
    queue = client.get("/teach/reviews").get_data(as_text=True)
    assert "Awaiting review: the scorer was unsure (1)" in queue and unsure in queue
    assert client.post(f"/teach/responses/{stored.id}/reject",
                       data={"reply": "Not precise enough."}).status_code == 302  # fmt: skip
    assert "the scorer was unsure (0)" in client.get("/teach/reviews").get_data(as_text=True)
    become(client, ann)
    page = client.get(url + "/feedback").get_data(as_text=True)
    assert "Awaiting review" not in page and "kept the mark" in page


def test_a_confident_wrong_answer_does_not_await_review(client, world):
    question = db.session.get(Question, world["question"])
    ann = world["students"]["ann"]
    _, rid = take(world["quiz"], ann, pick(question, PLAINLY_WRONG, plainly_wrong))
    assert not response(rid).unsure
    become(client, world["prof"])
    assert "the scorer was unsure (0)" in client.get("/teach/reviews").get_data(as_text=True)


def test_a_regrade_that_makes_an_unsure_mark_certain_takes_it_out_of_the_queue(client, world):
    question = next(q for q in rows(Question, Question.bank_id == world["bank"])
                    if q.type == "date")  # fmt: skip
    unsure = pick(question, UNSURE_CANDIDATES["date"], lambda v: v.needs_review)
    s = world["students"]
    _, ann_r = take(world["quiz"], s["ann"], unsure, position_type="date")
    _, ben_r = take(world["quiz"], s["ben"], unsure, position_type="date")
    assert response(ben_r).awaiting_review
    become(client, world["prof"])
    client.post(f"/teach/responses/{ann_r}/accept", data={"add_variant": "y"})
    r = response(ben_r)
    assert (r.correct, r.unsure, r.awaiting_review) == (True, False, False)
    assert db.session.execute(
        select(func.count()).select_from(MarkChange).where(MarkChange.response_id == ben_r)
    ).scalar_one() == 1


def test_a_new_accepted_answer_never_lowers_a_mark(client, world):
    question = db.session.get(Question, world["question"])
    wrong = pick(question, APPEALABLE, plainly_wrong)
    s = world["students"]
    _, ann_r = take(world["quiz"], s["ann"], wrong)
    cat_attempt, cat_r = take(world["quiz"], s["cat"], "nobody")
    lenient = response(cat_r)  # as if an older, more lenient rule had marked it
    lenient.correct, lenient.credit = True, 1.0
    db.session.commit()
    become(client, world["prof"])
    client.post(f"/teach/responses/{ann_r}/accept", data={"add_variant": "y"})
    assert (response(cat_r).correct, response(cat_r).credit) == (True, 1.0)
    assert rows(MarkChange, MarkChange.response_id == cat_r) == []
