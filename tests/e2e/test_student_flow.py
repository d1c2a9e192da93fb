"""A student in a real browser: register, take a quiz, read the evidence, follow progress."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from quizapp.extensions import db
from quizapp.models import Attempt, User
from tests.e2e.conftest import register, seed_quiz, tab_to

pytestmark = pytest.mark.e2e

WEATHER = "According to the national weather service, about 300 millimetres of rain fell"


def answer_typed(page, text: str) -> None:
    page.locator("#answer").fill(text)
    page.get_by_role("button", name="Submit answer").click()


def answer_choice(page, label: str) -> None:
    page.get_by_label(label).check()
    page.get_by_role("button", name="Submit answer").click()


def test_register_take_quiz_see_evidence_finish_and_history(page, live_server):
    seed_quiz(live_server)
    register(page, "reader")
    page.goto("/")
    page.get_by_role("link", name="Flood quiz").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Flood quiz"
    page.get_by_role("button", name="Start the quiz").click()

    assert page.get_by_role("heading", name="Question 1 of 6").is_visible()
    answer_typed(page, "Red Cross")
    assert page.locator("h1#verdict").inner_text().startswith("Right")
    assert "the Red Cross said on Monday" in page.locator("mark").first.inner_text()
    assert "Daily Planet" in page.locator(".evidence figcaption").first.inner_text()
    page.get_by_role("link", name=re.compile("Read the whole article")).first.click()
    assert "12,000 people" in page.locator("mark#highlight").inner_text()
    assert "Officials speculate" in page.locator(".article").inner_text()
    page.go_back()

    page.get_by_role("link", name="Next question").click()
    answer_typed(page, "900")
    assert not page.locator("h1#verdict").inner_text().startswith("Right")
    assert "about 300" in page.locator(".answer-details").inner_text()
    assert WEATHER in page.locator("mark").first.inner_text()

    page.get_by_role("link", name="Next question").click()
    answer_typed(page, "June 17")
    page.get_by_role("link", name="Next question").click()
    answer_choice(page, "Contradicted")
    assert page.locator("h1#verdict").inner_text().startswith("Right")
    page.get_by_role("link", name="Next question").click()
    answer_choice(page, "A named source")
    assert page.locator("h1#verdict").inner_text().startswith("Wrong")
    page.get_by_role("link", name="Next question").click()
    assert page.locator("fieldset.sentence-picker legend").is_visible()
    answer_choice(page, WEATHER + " in two days.")
    assert page.locator("h1#verdict").inner_text().startswith("Right")

    page.get_by_role("button", name="Finish and see your result").click()
    assert "4 of 6" in page.locator(".score").inner_text()
    assert page.locator("ol.review mark").count() == 6
    assert page.get_by_role("button", name="Practise the 2 questions I missed").is_visible()

    page.get_by_role("link", name="See my history").click()
    chart = page.get_by_role("img", name="Your scores over time")
    assert chart.is_visible()
    assert page.locator("svg.chart-scores circle").count() == 1
    assert "Weighing attribution" in page.locator(".weak-skills").inner_text()
    assert page.locator("table").first.is_visible()
    page.set_viewport_size({"width": 390, "height": 844})  # fits a phone: nothing sticks out
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 390
    label_px = page.evaluate(
        "() => Math.min(...[...document.querySelectorAll('svg.chart text')]"
        ".map(t => t.getBoundingClientRect().height))"
    )
    assert label_px >= 10  # chart labels stay readable on a phone
    page.set_viewport_size({"width": 1280, "height": 900})
    page.get_by_role("link", name=re.compile("^Review")).click()
    assert page.locator("ol.review > li").count() == 6


def test_guest_takes_quiz_then_registers_and_keeps_attempt(page, live_server):
    quiz_id = seed_quiz(live_server)
    page.goto(f"/quizzes/{quiz_id}")
    page.get_by_role("button", name="Start the quiz").click()
    answer_typed(page, "the Red Cross")
    assert page.locator("h1#verdict").inner_text().startswith("Right")
    page.get_by_role("link", name="My history").click()
    assert "guest" in page.locator(".alert-info").inner_text()
    page.get_by_role("link", name="Register").first.click()
    page.get_by_label("Username").fill("kept")
    page.get_by_label("Password", exact=True).fill("correct horse battery")
    page.get_by_label("Repeat password").fill("correct horse battery")
    page.get_by_role("button", name="Create account").click()
    page.goto("/me/history")
    rows = page.locator("section[aria-labelledby=attempts-heading] tbody tr")
    assert rows.count() == 1
    assert "Flood quiz" in rows.inner_text()

    def owner():
        user = db.session.execute(select(User).where(User.username == "kept")).scalar_one()
        attempt = db.session.execute(select(Attempt)).scalar_one()
        return user.role, attempt.user_id == user.id

    assert live_server.run(owner) == ("student", True)


def test_quiz_completed_with_the_keyboard_alone(page, live_server):
    quiz_id = seed_quiz(live_server, question_count=None)
    page.goto(f"/quizzes/{quiz_id}")
    tab_to(page, "main form button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/questions/1$"))
    # Tab reaches a radio group once (its first option); Space checks it. Other options need
    # the arrow keys, so the choice questions are answered with their first option here.
    answers = [
        "Red Cross",
        "300",
        "June 17",
        "Supported",
        "A named source",
        WEATHER + " in two days.",
    ]
    for position, answer in enumerate(answers, start=1):
        # each question page puts the focus on its answer field: no Tab needed
        if position <= 3:
            # autofocus is applied at the next rendering update, which may come after "load"
            page.wait_for_function("() => document.activeElement.id === 'answer'", timeout=5000)
            page.keyboard.type(answer)
            page.keyboard.press("Enter")
        else:
            page.wait_for_function("() => document.activeElement.type === 'radio'", timeout=5000)
            if position == 6:  # the article's sentences: the second one is the evidence
                first = page.evaluate("() => document.activeElement.closest('label').innerText")
                assert first.strip().startswith("Flooding displaced")
                page.keyboard.press("ArrowDown")
            label = page.evaluate("() => document.activeElement.closest('label').innerText")
            assert label.strip() == answer
            page.keyboard.press("Space")
            assert page.evaluate("() => document.activeElement.checked")
            tab_to(page, "button[type=submit]")
            page.keyboard.press("Enter")
        page.wait_for_url(re.compile(rf"/questions/{position}/feedback$"))
        assert page.locator("h1#verdict").is_visible()
        if position < len(answers):
            page.wait_for_function("() => document.activeElement.id === 'next-question'",
                                   timeout=5000)
            page.keyboard.press("Enter")
            page.wait_for_url(re.compile(rf"/questions/{position + 1}$"))
    focused = page.evaluate("() => document.activeElement.innerText")
    assert focused == "Finish and see your result"
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/result$"))
    assert "4 of 6" in page.locator(".score").inner_text()
