"""No page shows a key before its question is answered (and, in a test, before submitting).

One table walks every page a student can reach that shows a question, its review, its evidence
or its source, in four states of an attempt, and searches each page's text for the keys,
accepted variants and explanations the attempt must not yet see.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import unescape

import pytest

from quizapp.core.banks import model as core
from quizapp.extensions import db
from quizapp.models import Attempt, Question
from quizapp.services.banks import add_bank
from tests.conftest import login, make_user
from tests.factories import make_quiz

HARBOUR = (
    "The harbour authority reported 4,321 arrivals in March, its busiest month in a decade. "
    "Ferries ran every hour."
)
BRIDGE = (
    "Mayor Quentin Halvorsen said the old bridge would reopen on 9 October after repairs. "
    "The works cost less than planned."
)


def sentence(text: str, needle: str) -> core.Evidence:
    """Return evidence for the first sentence of `text`, which holds `needle`."""
    end = text.index(". ") + 1
    assert needle in text[:end]
    return core.Evidence("a" if text is HARBOUR else "b", 0, end)


def keyed_bank() -> core.Bank:
    """Three questions over two articles, each key, variant and explanation easy to find."""
    return core.Bank(
        title="Keys",
        description="",
        sources=[
            core.Source("a", "Harbour figures", HARBOUR, publisher="Coast News"),
            core.Source("b", "Bridge works", BRIDGE, publisher="Coast News"),
        ],
        questions=[
            core.Question(
                "k1", "source", "Who reported the March arrivals?", "the harbour authority",
                accept=["harbour authority"], evidence=[sentence(HARBOUR, "harbour authority")],
                explanation="Explained: the first sentence names the port body.",
            ),
            core.Question(
                "k2", "source", "Who said when the old bridge would reopen?",
                "Quentin Halvorsen", accept=["Mayor Halvorsen"],
                evidence=[sentence(BRIDGE, "Halvorsen")],
                explanation="Explained: the mayor is named before the date.",
            ),
            core.Question(
                "k3", "date", "When will the old bridge reopen?", "9 October",
                accept=["October 9"], evidence=[sentence(BRIDGE, "9 October")],
                explanation="Explained: repairs end in autumn.",
            ),
        ],
    )  # fmt: skip


def secrets(question: Question) -> list[str]:
    """Return what a page must not show of a question: its key, variants, explanation."""
    return [question.answer, *question.accept, question.explanation]


@dataclass(frozen=True)
class State:
    """An attempt's state: its mode, which positions are answered, whether it is submitted."""

    name: str
    mode: str
    answered: tuple[int, ...]
    finished: bool

    def hidden(self, position: int) -> bool:
        """Return whether the question at a position must keep its key from the pages."""
        if self.mode == "test" and not self.finished:
            return True
        return position not in self.answered


STATES = [
    State("practice in progress", "practice", (1,), False),
    State("practice submitted", "practice", (1,), True),
    State("test in progress", "test", (1, 2), False),
    State("test submitted", "test", (1, 2), True),
]

# Every page that can show a question of an attempt, its review, evidence or source.
PAGES = [
    "/",
    "/quizzes/{quiz}",
    "/quizzes/attempts/{attempt}/resume",
    "/quizzes/attempts/{attempt}/questions/1",
    "/quizzes/attempts/{attempt}/questions/2",
    "/quizzes/attempts/{attempt}/questions/3",
    "/quizzes/attempts/{attempt}/questions/9",  # a 404 page
    "/quizzes/attempts/{attempt}/questions/1/feedback",
    "/quizzes/attempts/{attempt}/questions/2/feedback",
    "/quizzes/attempts/{attempt}/questions/3/feedback",
    "/quizzes/attempts/{attempt}/submit",
    "/quizzes/attempts/{attempt}/result",
    "/me/attempts/{attempt}",
    "/me/history",
    "/quizzes/sources/{harbour}",
    "/quizzes/sources/{harbour}?start=0&end=10",
    "/quizzes/sources/{bridge}",
    "/quizzes/sources/{bridge}?start=0&end=84",
    "/quizzes/sources/{bridge}?start=5&end=1",  # a 400 page
    "/teach/quizzes/{quiz}/responses.csv",  # instructors only
]


def readable_text(html: str) -> str:
    """Return a page's text, an article's whole text (its source page) blanked out.

    An article is reading matter: its source page shows it to a student who answered a question
    citing it. The article is not a key; a highlight, a variant or an explanation would be.
    """
    text = unescape(re.sub(r"<[^>]+>", "", html))
    for article in (HARBOUR, BRIDGE):
        text = text.replace(article, "[article]")
    return text


def set_up(state: State):
    """Store the quiz, take an attempt to the state through the services; return the ids."""
    bank = add_bank(keyed_bank(), None, status="approved")
    db.session.commit()
    quiz = make_quiz([bank], mode=state.mode, shuffle=False)
    student = make_user("kim")
    from quizapp.services import answers, attempts

    attempt = attempts.start_attempt(quiz.id, student.id)
    for position in state.answered:
        # Wrong answers: a page may show what the student typed, never what was wanted.
        answers.answer_question(attempt.id, student.id, position, "somebody else")
    if state.finished:
        attempts.finish_attempt(attempt.id, student.id)
    questions = {
        i: db.session.get(Question, qid) for i, qid in enumerate(attempt.question_ids, start=1)
    }
    sources = {q.key: q.evidence[0].source_id for q in questions.values()}
    ids = {"quiz": quiz.id, "attempt": attempt.id, "harbour": sources["k1"],
           "bridge": sources["k2"]}  # fmt: skip
    return ids, questions


@pytest.mark.parametrize("state", STATES, ids=lambda s: s.name)
def test_no_page_shows_a_key_the_attempt_has_not_earned(client, app, state):
    ids, questions = set_up(state)
    login(client, "kim")
    hidden = {p: secrets(q) for p, q in questions.items() if state.hidden(p)}
    shown = {p: secrets(q) for p, q in questions.items() if not state.hidden(p)}
    assert hidden, "the state must hide something"
    seen_shown = set()
    for template in PAGES:
        url = template.format(**ids)
        response = client.get(url, follow_redirects=True)
        assert response.status_code < 500, url
        page = readable_text(response.get_data(as_text=True))
        for position, texts in hidden.items():
            for text in texts:
                assert text not in page, f"{url} shows {text!r} of question {position}"
        seen_shown |= {p for p, texts in shown.items() if texts[0] in page}
    # The walk is not blind: an answered question's key does appear once it may.
    assert seen_shown == set(shown)
    db.session.expire_all()
    assert db.session.get(Attempt, ids["attempt"]).finished == state.finished
