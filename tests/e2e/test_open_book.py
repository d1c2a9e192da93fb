"""Open and closed book in a browser: the article beside the question, evidence picked in it."""

from __future__ import annotations

import re

import pytest

from tests.e2e.conftest import register, seed_quiz

pytestmark = pytest.mark.e2e

WEATHER = (
    "According to the national weather service, about 300 millimetres of rain fell in two days."
)
FIRST = "Flooding displaced more than 12,000 people in the region, the Red Cross said on Monday."


def keys_of(live_server, quiz_id: int) -> list[tuple[str, str, list[str], list[str] | None]]:
    """Return (type, answer, accepted variants, choices) of the quiz's questions, in order."""
    from quizapp.extensions import db
    from quizapp.models import Quiz

    def read():
        quiz = db.session.get(Quiz, quiz_id)
        return [(q.type, q.answer, list(q.accept), q.choices) for q in quiz.banks[0].questions]

    return live_server.run(read)


def assert_no_key_before_the_answer(page, qtype: str, answer: str, accept: list[str]) -> None:
    """The page outside the article holds no key; nothing on it marks a claim or a span."""
    html = page.content()
    assert "<mark" not in html and "highlight" not in html and " data-" not in html
    assert "/quizzes/sources/" not in html
    outside = page.evaluate(
        "() => { const main = document.querySelector('main').cloneNode(true);"
        " main.querySelectorAll('.reading-col').forEach(e => e.remove());"
        " return main.innerHTML; }"
    )
    if qtype in ("source", "figure", "date"):
        assert answer not in outside
        for variant in accept:
            assert f">{variant}<" not in outside and f'"{variant}"' not in outside
    # no sentence of the pane is set apart: every label has the same attributes
    classes = page.eval_on_selector_all(
        ".reading-text label, .reading-text p", "els => [...new Set(els.map(e => e.className))]"
    )
    assert len(classes) <= 2  # "sentence" labels and plain paragraphs, nothing else
    assert page.locator(".reading-col input:checked").count() == 0


def test_open_book_quiz_with_the_article_beside_each_question(page, live_server, axe_check):
    quiz_id = seed_quiz(live_server)
    keys = keys_of(live_server, quiz_id)
    register(page, "openreader")
    page.goto(f"/quizzes/{quiz_id}")
    assert "Open: the article is beside every question" in page.locator(".facts").inner_text()
    articles = page.locator(".article-list")
    article_link = articles.get_by_role("link", name="Floods displace thousands")
    assert article_link.is_visible()
    article_link.click()
    assert FIRST in page.locator(".reading-text").inner_text()
    axe_check(page, "an article of the quiz, before starting")
    page.get_by_role("link", name="Back to the quiz").first.click()
    page.get_by_role("button", name="Start the quiz").click()

    page.set_viewport_size({"width": 1280, "height": 900})
    pane = page.get_by_role("complementary", name="The article")
    assert pane.is_visible()
    assert pane.get_by_role("heading", name="Floods displace thousands").is_visible()
    assert "Daily Planet" in pane.inner_text() and "10 June 2025" in pane.inner_text()
    assert FIRST in pane.inner_text()
    box, question = pane.bounding_box(), page.locator(".question-col").bounding_box()
    assert box["x"] > question["x"] + question["width"] - 1  # beside the question
    # autofocus is applied at the next rendering update, which may follow the load event
    page.wait_for_function("() => document.activeElement.id === 'answer'", timeout=5000)
    assert_no_key_before_the_answer(page, *keys[0][:3])
    axe_check(page, "typed question with the article")

    page.set_viewport_size({"width": 390, "height": 844})
    box, question = pane.bounding_box(), page.locator(".question-col").bounding_box()
    assert box["y"] >= question["y"] + question["height"] - 1  # after the question on a phone
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 390
    page.set_viewport_size({"width": 1280, "height": 900})

    page.locator("#answer").fill("Red Cross")
    page.get_by_role("button", name="Submit answer").click()
    assert page.locator("h1#verdict").inner_text().startswith("Right")
    page.wait_for_function("() => document.activeElement.id === 'next-question'", timeout=5000)
    background = "e => getComputedStyle(e).backgroundColor"
    primary = page.get_by_role("link", name="Next question").evaluate(background)
    secondary = page.get_by_role("button", name="Finish now").evaluate(background)
    assert primary != secondary  # "Finish now" does not look like "Next question"

    questions = page.url.rsplit("/", 2)[0]  # .../attempts/N/questions
    for position in range(2, 6):
        page.goto(f"{questions}/{position}")
        assert_no_key_before_the_answer(page, *keys[position - 1][:3])

    page.goto(f"{questions}/6")
    picker = page.locator("fieldset.sentence-picker")
    assert picker.locator("legend").inner_text() == "Choose the sentence that holds the evidence"
    assert picker.get_by_role("radio").count() == 4  # every sentence, none singled out
    assert_no_key_before_the_answer(page, *keys[5][:3])
    assert page.locator("ul.choices").count() == 0  # not a separate list of sentences
    axe_check(page, "sentence picker in the reading pane")
    picker.get_by_role("radio", name=WEATHER).check()
    assert page.locator("label.sentence:has(input:checked)").inner_text().strip() == WEATHER
    page.get_by_role("button", name="Submit answer").click()
    assert page.locator("h1#verdict").inner_text().startswith("Right")
    assert page.locator("mark").inner_text().strip() == WEATHER
    assert page.locator("main").inner_text().count(WEATHER) == 1  # said once: the highlight
    axe_check(page, "evidence feedback")
    page.get_by_role("link", name=re.compile("Read the whole article")).click()
    page.get_by_role("link", name="Back to question 6").first.click()
    assert re.search(r"/questions/6/feedback$", page.url)


def test_a_wrong_sentence_picked_on_a_phone_is_scored_wrong(page, live_server):
    quiz_id = seed_quiz(live_server)
    register(page, "phonereader")
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"/quizzes/{quiz_id}")
    page.get_by_role("button", name="Start the quiz").click()
    page.goto(page.url.rsplit("/", 1)[0] + "/6")
    page.get_by_role("radio", name=FIRST).check()
    page.get_by_role("button", name="Submit the sentence I chose").click()
    assert page.locator("h1#verdict").inner_text().startswith("Wrong")
    details = page.locator(".answer-details").inner_text()
    assert FIRST in details and "Highlighted below" in details
    assert page.locator("mark").inner_text().strip() == WEATHER


def test_closed_book_quiz_reads_first_then_hides_the_article(page, live_server, axe_check):
    quiz_id = seed_quiz(live_server, book="closed")
    register(page, "closedreader")
    page.goto(f"/quizzes/{quiz_id}")
    assert "Closed" in page.locator(".facts").inner_text()
    assert page.locator(".article-list a").count() == 0  # titles only: read once started
    page.get_by_role("button", name="Start the quiz").click()

    assert page.get_by_role("heading", name="Read first").is_visible()
    assert FIRST in page.locator(".reading-text").inner_text()
    axe_check(page, "read first")
    page.get_by_role("link", name="I have read it: start question 1").click()

    assert page.get_by_role("heading", name="Question 1 of 6").is_visible()
    assert page.locator(".reading-col").count() == 0
    assert "in the region, the Red Cross said" not in page.locator("main").inner_text()
    assert "Closed book" in page.locator("main").inner_text()
    axe_check(page, "closed-book question")
    page.locator("#answer").fill("Red Cross")
    page.get_by_role("button", name="Submit answer").click()
    assert "12,000 people" in page.locator("mark").inner_text()  # back with the feedback
    assert page.get_by_role("link", name=re.compile("Read the whole article")).count() == 0

    attempt_url = page.url.rsplit("/questions/", 1)[0]
    page.goto(attempt_url + "/read")  # started answering: the article stays hidden
    assert re.search(r"/questions/2$", page.url)
    assert "in the region, the Red Cross said" not in page.locator("main").inner_text()
    page.goto(attempt_url + "/questions/6")  # an evidence question: recall from a list
    assert page.locator(".reading-col").count() == 0
    assert page.locator("ul.choices input[type=radio]").count() == 3
