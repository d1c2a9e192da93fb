"""Taking a quiz through the browser's requests: overview, questions, feedback, result."""

from __future__ import annotations

import io
import re
from datetime import datetime

import pytest
from sqlalchemy import func, select

from quizapp.extensions import db
from quizapp.models import Attempt, Response, User
from tests.conftest import login, make_user
from tests.factories import evidence_bank, make_bank, make_quiz


def start(client, quiz_id: int) -> str:
    """Start a quiz and return the URL of its first question."""
    response = client.post(f"/quizzes/{quiz_id}/start")
    assert response.status_code == 302, response.get_data(as_text=True)
    return response.location


def at(url: str, position: int) -> str:
    """Return the URL of another position of the same attempt."""
    return url.rsplit("/", 1)[0] + f"/{position}"


def only_attempt() -> Attempt:
    db.session.expire_all()
    return db.session.execute(select(Attempt)).scalar_one()


def response_count() -> int:
    return db.session.execute(select(func.count(Response.id))).scalar_one()




@pytest.fixture
def quiz(app):
    return make_quiz([make_bank(doc=evidence_bank())])


@pytest.fixture
def student(app, client):
    user = make_user("sam")
    login(client, "sam")
    return user


def test_home_lists_quiz_with_count_and_mode_and_links_to_overview(client, quiz):
    page = client.get("/").get_data(as_text=True)
    assert "Flood quiz" in page and "6 questions" in page and "Practice" in page
    assert f'href="/quizzes/{quiz.id}"' in page


def test_overview_shows_count_mode_attempts_and_start(client, quiz):
    quiz.attempts_allowed = 2
    db.session.commit()
    page = client.get(f"/quizzes/{quiz.id}").get_data(as_text=True)
    assert "<h1>Flood quiz</h1>" in page
    assert "<dd>6</dd>" in page and "Practice" in page and "2 of 2" in page
    assert "Start the quiz" in page


@pytest.mark.parametrize("published", [False, None])
def test_overview_of_unpublished_or_missing_quiz_is_404(client, app, published):
    quiz_id = 999
    if published is False:
        quiz_id = make_quiz([make_bank()], published=False).id
    assert client.get(f"/quizzes/{quiz_id}").status_code == 404
    assert client.post(f"/quizzes/{quiz_id}/start").status_code == 404
    assert db.session.execute(select(User).where(User.role == "guest")).first() is None


def test_closed_quiz_shows_no_start_and_makes_no_guest(client, app):
    quiz = make_quiz([make_bank()], closes_at=datetime(2000, 1, 1))
    page = client.get(f"/quizzes/{quiz.id}").get_data(as_text=True)
    assert "not open" in page and "Start the quiz" not in page
    assert client.post(f"/quizzes/{quiz.id}/start").status_code == 302
    assert db.session.execute(select(func.count(User.id))).scalar_one() == 0


def test_anonymous_visitor_starts_as_a_logged_in_guest(client, quiz):
    url = start(client, quiz.id)
    assert url.endswith("/questions/1")
    guest = db.session.execute(select(User)).scalar_one()
    assert guest.role == "guest"
    assert only_attempt().user_id == guest.id
    assert client.get(url).status_code == 200
    assert "My history" in client.get("/").get_data(as_text=True)


def test_double_start_makes_one_attempt_and_overview_offers_resume(client, quiz, student):
    start(client, quiz.id)
    start(client, quiz.id)
    assert db.session.execute(select(func.count(Attempt.id))).scalar_one() == 1
    page = client.get(f"/quizzes/{quiz.id}").get_data(as_text=True)
    assert "Resume your attempt" in page and "Start the quiz" not in page


def test_no_attempts_left_refuses_a_new_start(client, quiz, student):
    quiz.attempts_allowed = 1
    db.session.commit()
    attempt_id = int(start(client, quiz.id).split("/")[-3])
    client.post(f"/quizzes/attempts/{attempt_id}/submit")
    page = client.get(f"/quizzes/{quiz.id}").get_data(as_text=True)
    assert "used all your attempts" in page and "Start the quiz" not in page
    response = client.post(f"/quizzes/{quiz.id}/start", follow_redirects=True)
    assert "used all your attempts" in response.get_data(as_text=True)
    assert db.session.execute(select(func.count(Attempt.id))).scalar_one() == 1


def test_question_count_draws_that_many_eligible_questions(client, app, student):
    bank = make_bank()
    quiz = make_quiz([bank], question_count=3, shuffle=True)
    start(client, quiz.id)
    attempt = only_attempt()
    assert len(attempt.question_ids) == 3
    assert set(attempt.question_ids) <= {q.id for q in bank.questions}
    assert attempt.max_score == 3


def test_shuffled_order_is_stored_and_stable_on_reload(client, app, student):
    quiz = make_quiz([make_bank(doc=evidence_bank())], shuffle=True)
    start(client, quiz.id)
    attempt = only_attempt()
    assert len(attempt.choice_orders) >= 2  # attribution and evidence questions
    # (the evidence question is answered in the article, in the article's order)
    position = (
        attempt.question_ids.index(
            next(q for q in quiz.banks[0].questions if q.type == "attribution").id
        )
        + 1
    )
    url = f"/quizzes/attempts/{attempt.id}/questions/{position}"
    first = re.findall(r'value="([^"]+)"', client.get(url).get_data(as_text=True))
    again = re.findall(r'value="([^"]+)"', client.get(url).get_data(as_text=True))
    assert first == again
    question = db.session.get(type(quiz.banks[0].questions[0]), attempt.question_ids[position - 1])
    order = attempt.choice_orders[str(question.id)]
    assert [c for c in first if c in question.choices] == [question.choices[i] for i in order]


def test_each_kind_of_question_gets_its_form(client, quiz, student):
    url = start(client, quiz.id)
    base = url.rsplit("/", 1)[0]
    pages = [client.get(f"{base}/{n}").get_data(as_text=True) for n in range(1, 7)]
    typed, verdict, attribution, evidence = pages[0], pages[3], pages[4], pages[5]
    for page in pages[:3]:
        assert 'type="text"' in page and 'name="answer"' in page and "<fieldset" not in page
    for page in (verdict, attribution, evidence):
        assert "<fieldset" in page and "<legend" in page and 'type="radio"' in page
    assert "Contradicted" in verdict and "Not stated in the article" in verdict
    assert "sentence-picker" in evidence
    assert "Officials speculate that the damage could reach $2 billion." in evidence
    assert "Question 1 of 6" in typed and "Question 6 of 6" in evidence


def reading_pane(page: str) -> str:
    """Return the reading column of a question page (the article)."""
    found = re.search(r'<aside class="reading-col".*?</aside>', page, re.S)
    assert found, "no reading pane"
    return found.group(0)


def test_question_pages_hold_no_answer_key(client, quiz, student):
    url = start(client, quiz.id)
    base = url.rsplit("/", 1)[0]
    plain_panes, pickers = set(), set()
    for position, q in enumerate(quiz.banks[0].questions, start=1):
        page = client.get(f"{base}/{position}").get_data(as_text=True)
        pane = reading_pane(page)
        rest = page.replace(pane, "")
        assert "Flooding displaced more than" in pane  # open book: the article is there
        assert q.explanation == "" or q.explanation not in page
        if not q.choices:
            assert q.answer not in rest
            for accepted in q.accept:
                assert f">{accepted}<" not in rest and f'"{accepted}"' not in rest
        assert "<mark" not in page and "highlight" not in page and " data-" not in page
        assert "/quizzes/sources/" not in page
        # the form's own focus aside, the pane is the same whatever the question asks
        pane = re.sub(r" autofocus(?=>)", "", pane)
        (pickers if 'type="radio"' in pane else plain_panes).add(pane)
    assert len(plain_panes) == 1 and len(pickers) == 1


def test_evidence_is_picked_in_the_article_and_scored(client, quiz, student):
    url = start(client, quiz.id)
    base = url.rsplit("/", 1)[0]
    page = client.get(f"{base}/6").get_data(as_text=True)
    pane = reading_pane(page)
    radio = r'<input type="radio" name="answer" id="[^"]+" form="answer-form" value="([^"]+)"'
    values = re.findall(radio, pane)
    assert len(values) == 4  # every sentence of the article, in its order
    assert values[0].startswith("Flooding displaced") and values[3].startswith("Governor")
    assert '<fieldset class="sentence-picker" form="answer-form"' in pane and "<legend>" in pane
    response = client.post(f"{base}/6", data={"answer": values[0]})
    assert response.status_code == 302
    db.session.expire_all()
    saved = db.session.execute(db.select(Response)).scalars().all()
    assert [(r.answer, r.correct) for r in saved] == [(values[0], False)]


def test_the_right_sentence_picked_in_the_article_is_right(client, quiz, student):
    url = start(client, quiz.id)
    base = url.rsplit("/", 1)[0]
    page = client.get(f"{base}/6").get_data(as_text=True)
    values = re.findall(r'value="([^"]+)"', reading_pane(page))
    rain = next(v for v in values if "300 millimetres" in v)
    client.post(f"{base}/6", data={"answer": rain})
    db.session.expire_all()
    assert db.session.execute(db.select(Response.correct)).scalar_one() is True


def test_picking_no_sentence_re_renders_the_pane_with_an_error(client, quiz, student):
    url = start(client, quiz.id)
    base = url.rsplit("/", 1)[0]
    response = client.post(f"{base}/6", data={})
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert 'id="answer-error"' in page and "Choose the sentence" in page
    assert "sentence-picker" in page
    assert db.session.execute(db.select(Response)).first() is None


def test_practice_answer_shows_feedback_with_highlighted_sentence(client, quiz, student):
    url = start(client, quiz.id)
    response = client.post(url, data={"answer": "Red Cross"})
    assert response.location.endswith("/questions/1/feedback")
    page = client.get(response.location).get_data(as_text=True)
    assert "Right" in page and "the Red Cross" in page
    assert (
        "<mark>Flooding displaced more than 12,000 people in the region, the Red Cross said on "
        "Monday.</mark>" in page
    )
    assert "Floods displace thousands" in page and "Daily Planet" in page
    assert "10 June 2025" in page
    link = r'href="/quizzes/sources/\d+\?start=0&amp;end=\d+&amp;attempt=\d+&amp;position=1"'
    assert re.search(link, page)
    assert 'aria-live="polite"' in page


def test_wrong_answer_feedback_gives_accepted_answer_and_reason(client, quiz, student):
    url = at(start(client, quiz.id), 2)
    client.post(url, data={"answer": "about 900"})
    page = client.get(url + "/feedback").get_data(as_text=True)
    assert "Wrong" in page or "Partly right" in page
    assert "<dd class=\"answer-text\">about 300" in page  # the accepted answer
    row = db.session.execute(select(Response)).scalar_one()
    # "The article says about 300." repeats the accepted answer: it is not shown again
    assert not row.correct and "about 300" in row.reason and row.reason not in page
    assert page.count("300 millimetres of rain fell") == 1  # the highlight, once
    assert "<mark>According to the national weather service" in page
    assert "Verdict" not in page and "Correct." not in page


def test_feedback_on_an_evidence_question_shows_the_sentence_once(client, quiz, student):
    url = at(start(client, quiz.id), 6)
    rain = "According to the national weather service, about 300 millimetres of rain fell in two"
    client.post(url, data={"answer": rain + " days."})
    page = client.get(url + "/feedback").get_data(as_text=True)
    assert "Right" in page and page.count(rain) == 1 and f"<mark>{rain}" in page
    assert "Verdict" not in page and "Why" not in page and "Correct." not in page
    assert "autofocus>Finish and see your result" in page  # the last question: finishing


def test_second_answer_in_practice_is_refused_and_first_stands(client, quiz, student):
    url = start(client, quiz.id)
    client.post(url, data={"answer": "Red Cross"})
    client.post(url, data={"answer": "Red Cross"})
    response = client.post(url, data={"answer": "the governor"}, follow_redirects=True)
    page = response.get_data(as_text=True)
    assert "your first answer stands" in page
    assert "Right" in page
    assert response_count() == 1
    db.session.expire_all()
    assert db.session.execute(select(Response)).scalar_one().answer == "Red Cross"
    assert client.get(url).location.endswith("/feedback")  # an answered question is final


def test_empty_or_unknown_answer_rerenders_with_errors(client, quiz, student):
    url = start(client, quiz.id)
    response = client.post(url, data={"answer": "  "})
    assert response.status_code == 400
    assert "Type an answer." in response.get_data(as_text=True)
    response = client.post(at(url, 4), data={"answer": "Maybe"})
    assert response.status_code == 400
    assert 'aria-invalid="true"' in response.get_data(as_text=True)
    assert response_count() == 0


def test_a_file_sent_as_the_answer_is_no_answer(client, quiz, student):
    url = start(client, quiz.id)
    response = client.post(url, data={"answer": (io.BytesIO(b"Red Cross"), "answer.txt")})
    assert response.status_code == 400
    assert "Type an answer." in response.get_data(as_text=True)
    assert response_count() == 0


def test_missing_position_is_404(client, quiz, student):
    url = start(client, quiz.id)
    assert client.get(at(url, 7)).status_code == 404
    assert client.get(at(url, 0)).status_code == 404
    assert client.post(at(url, 99), data={"answer": "x"}).status_code == 404


def test_practice_finish_shows_result_with_review_and_retry(client, quiz, student):
    url = start(client, quiz.id)
    base = url.rsplit("/", 1)[0]
    client.post(f"{base}/1", data={"answer": "Red Cross"})
    client.post(f"{base}/2", data={"answer": "12"})
    attempt = only_attempt()
    response = client.post(f"/quizzes/attempts/{attempt.id}/submit")
    assert response.location.endswith(f"/attempts/{attempt.id}/result")
    page = client.get(response.location).get_data(as_text=True)
    assert "1 of 6" in page and "17%" in page
    assert page.count("<mark>") == 2  # the evidence of the two answered questions only
    assert "Not answered" in page
    assert "Practise the 5 questions I missed" in page
    attempt = only_attempt()
    assert attempt.finished and attempt.score == 1.0 and attempt.max_score == 6


def test_finished_attempt_cannot_be_answered_again(client, quiz, student):
    url = start(client, quiz.id)
    attempt_id = only_attempt().id
    client.post(f"/quizzes/attempts/{attempt_id}/submit")
    response = client.post(url, data={"answer": "Red Cross"}, follow_redirects=True)
    body = response.get_data(as_text=True)
    assert "This attempt ended (submitted, out of time, or its quiz closed)" in body
    assert response_count() == 0
    assert client.get(url).location.endswith("/result")
    client.post(f"/quizzes/attempts/{attempt_id}/submit")  # finishing twice changes nothing
    assert only_attempt().score == 0.0


def test_test_mode_hides_feedback_until_submitted_and_allows_changes(client, app, student):
    quiz = make_quiz([make_bank()], mode="test")
    url = start(client, quiz.id)
    response = client.post(url, data={"answer": "the governor"})
    assert response.location.endswith("/questions/2")
    feedback = client.get(url + "/feedback")
    assert feedback.status_code == 302 and not feedback.location.endswith("/feedback")
    page = client.get(url).get_data(as_text=True)
    assert 'value="the governor"' in page and "Previous question" not in page
    assert "Wrong" not in page and "<mark>" not in page
    client.post(url, data={"answer": "Red Cross"})
    assert response_count() == 1
    attempt = only_attempt()
    assert client.get(f"/quizzes/attempts/{attempt.id}/result").status_code == 302
    summary = client.get(f"/quizzes/attempts/{attempt.id}/submit").get_data(as_text=True)
    assert "You answered 1 of 5" in summary
    client.post(f"/quizzes/attempts/{attempt.id}/submit")
    page = client.get(f"/quizzes/attempts/{attempt.id}/result").get_data(as_text=True)
    assert "1 of 5" in page and "<mark>" in page
    assert client.get(url + "/feedback").status_code == 200


def test_last_test_question_leads_to_submit_page(client, app, student):
    quiz = make_quiz([make_bank()], mode="test")
    url = start(client, quiz.id)
    response = client.post(at(url, 5), data={"answer": "A named source"})
    assert response.location.endswith("/submit")


def test_retry_missed_starts_practice_over_missed_questions(client, quiz, student):
    url = start(client, quiz.id)
    client.post(url, data={"answer": "Red Cross"})
    first = only_attempt()
    client.post(f"/quizzes/attempts/{first.id}/submit")
    response = client.post(f"/quizzes/attempts/{first.id}/retry")
    again = client.post(f"/quizzes/attempts/{first.id}/retry")
    assert response.location == again.location
    db.session.expire_all()
    retry = db.session.execute(select(Attempt).where(Attempt.retry_of_id == first.id)).scalar_one()
    assert retry.mode == "practice"
    assert retry.question_ids == first.question_ids[1:]
    assert response.location.endswith(f"/attempts/{retry.id}/questions/1")


def test_retry_of_unfinished_or_perfect_attempt_is_refused(client, quiz, student):
    start(client, quiz.id)
    attempt = only_attempt()
    response = client.post(f"/quizzes/attempts/{attempt.id}/retry", follow_redirects=True)
    assert "Finish this attempt" in response.get_data(as_text=True)
    assert db.session.execute(select(func.count(Attempt.id))).scalar_one() == 1


def test_new_guests_are_throttled_per_address(database_url, tmp_path):
    from quizapp.extensions import dispose_engines
    from tests.conftest import make_test_app
    from tests.factories import make_bank, make_quiz

    app = make_test_app(
        database_url, tmp_path, RATELIMIT_ENABLED=True, GUEST_RATE_LIMIT="2 per minute"
    )
    with app.app_context():
        quiz_id = make_quiz([make_bank()]).id
    codes = [app.test_client().post(f"/quizzes/{quiz_id}/start").status_code for _ in range(3)]
    assert codes == [302, 302, 429]
    with app.app_context():
        dispose_engines()
