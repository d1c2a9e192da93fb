"""Multiple response: the student ticks all that apply, credit is Moodle's sum of the ticks."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select
from werkzeug.datastructures import MultiDict

from quizapp.core.banks import model as core
from quizapp.extensions import db
from quizapp.models import Response
from quizapp.quiz_forms import accepted_picks, answer_form
from tests.conftest import login, make_user
from tests.factories import make_bank, make_quiz

CHOICES = ["The defence ministry", "Unnamed officials", "Kyiv's intelligence service", "Rumours"]


def multi_bank() -> core.Bank:
    question = core.Question(
        id="m1", type="multi", prompt="Which of these does the article name as a source?",
        answer="", choices=list(CHOICES), weights=[50, -100, 50, -100],
        feedback=["Named.", "Not named.", "Named.", "Not a source."],
    )  # fmt: skip
    question.answer = "The defence ministry; Kyiv's intelligence service"
    return core.Bank(title="Sources", questions=[question])


@pytest.fixture
def url(app, client):
    make_user("sam")
    login(client, "sam")
    quiz = make_quiz([make_bank(doc=multi_bank())])
    response = client.post(f"/quizzes/{quiz.id}/start")
    return response.location


def stored() -> list[Response]:
    db.session.expire_all()
    return list(db.session.execute(select(Response)).scalars())


def test_the_question_shows_one_labelled_checkbox_per_choice(client, url):
    page = client.get(url).get_data(as_text=True)
    assert page.count('type="checkbox"') == 4
    assert "Tick all that apply" in page and "<legend" in page
    assert "weights" not in page and "-100" not in page  # no answer key in the page


@pytest.mark.parametrize(
    ("ticked", "credit", "correct"),
    [
        (["The defence ministry", "Kyiv's intelligence service"], 1.0, True),
        (["The defence ministry"], 0.5, False),
        (["The defence ministry", "Unnamed officials"], 0.0, False),  # 50 - 100, floored at 0
        (list(CHOICES), 0.0, False),
    ],
)
def test_credit_is_the_sum_of_the_ticks(client, url, ticked, credit, correct):
    response = client.post(url, data=MultiDict([("answer", t) for t in ticked]))
    assert response.status_code == 302
    (saved,) = stored()
    assert json.loads(saved.answer) == [c for c in CHOICES if c in ticked]
    assert (saved.credit, saved.correct) == (pytest.approx(credit), correct)
    feedback = client.get(response.location).get_data(as_text=True)
    assert "; ".join(c for c in CHOICES if c in ticked).replace("'", "&#39;") in feedback
    assert "Named." in feedback or "Not named." in feedback


def test_nothing_ticked_or_an_unknown_choice_re_renders_with_an_error(client, url):
    empty = client.post(url, data={})
    assert empty.status_code == 400 and "Tick at least one answer." in empty.get_data(as_text=True)
    forged = client.post(url, data=MultiDict([("answer", "Rumours"), ("answer", "Invented")]))
    assert forged.status_code == 400
    assert stored() == []


@settings(max_examples=200, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])  # fmt: skip
@given(raw=st.lists(st.sampled_from([*CHOICES, "", "Other", " Rumours"]), max_size=6))
def test_the_fast_check_agrees_with_the_form(app, raw):
    """The answer POST checks ticks without building a form: it must decide as the form does."""
    with app.test_request_context():
        form = answer_form("multi", CHOICES, formdata=MultiDict([("answer", r) for r in raw]),
                           meta={"csrf": False})  # fmt: skip
        ok = form.validate()
    got = accepted_picks(CHOICES, raw)
    assert (got is not None) == ok
    if ok:
        assert json.loads(got) == [c for c in CHOICES if c in form.answer.data]
