"""axe-core on every kind of student page: no serious or critical violations."""

from __future__ import annotations

import re

import pytest

from tests.e2e.conftest import register, seed_quiz

pytestmark = pytest.mark.e2e


def test_every_student_page_passes_axe(page, live_server, axe_check):
    practice = seed_quiz(live_server)
    test = seed_quiz(live_server, mode="test", title="Flood test")
    for path in ("/", "/auth/login", "/auth/register", "/no/such/page"):
        page.goto(path)
        axe_check(page)
    register(page, "axel")
    page.goto(f"/quizzes/{practice}")
    axe_check(page, "quiz overview")
    page.get_by_role("button", name="Start the quiz").click()
    axe_check(page, "typed question")
    page.locator("#answer").fill("Red Cross")
    page.get_by_role("button", name="Submit answer").click()
    axe_check(page, "feedback")
    page.get_by_role("link", name=re.compile("Read the whole article")).first.click()
    axe_check(page, "source page")
    page.goto("/me/history")
    link = page.get_by_role("link", name=re.compile("^Details")).first.get_attribute("href")
    attempt_id = int(link.rsplit("/", 1)[1])
    for position, kind in ((4, "verdict radios"), (6, "sentence picker")):
        page.goto(f"/quizzes/attempts/{attempt_id}/questions/{position}")
        axe_check(page, kind)
    page.get_by_role("button", name="Submit answer").click()  # no choice: the error state
    assert page.locator("#answer-error").is_visible()
    axe_check(page, "question with an error")
    page.goto(f"/quizzes/attempts/{attempt_id}/submit")
    axe_check(page, "submit page")
    page.get_by_role("button", name="Submit and see my result").click()
    axe_check(page, "result")
    page.goto("/me/history")
    axe_check(page, "history")
    page.get_by_role("link", name=re.compile("^Review")).first.click()
    axe_check(page, "attempt detail")
    page.goto(f"/quizzes/{test}")
    page.get_by_role("button", name="Start the quiz").click()
    axe_check(page, "test-mode question with navigation")


def test_axe_check_reports_a_serious_violation(page, live_server, axe_check):
    page.goto("/")
    page.evaluate(
        "() => { const i = document.createElement('input'); i.type = 'text';"
        " document.querySelector('main').append(i); }"
    )
    with pytest.raises(AssertionError, match="label"):
        axe_check(page, "home with an unlabelled field")
