"""An instructor in a browser: article, drafts, approve three, quiz, a student, gradebook."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sqlalchemy import select

from quizapp.extensions import db
from quizapp.models import Question
from quizapp.services.accounts import create_user
from tests.e2e.conftest import PASSWORD, log_in, register

pytestmark = pytest.mark.e2e

ARTICLE = Path(__file__).resolve().parents[1] / "data" / "import" / "floods.txt"


def approved_answers() -> dict[str, tuple[str, bool]]:
    """Return each approved question's prompt -> (answer, whether it is multiple choice)."""
    stmt = select(Question).where(Question.status == "approved")
    return {q.prompt: (q.answer, bool(q.choices)) for q in db.session.execute(stmt).scalars()}


def log_out(page) -> None:
    page.get_by_role("button", name=re.compile("^Log out")).click()
    page.wait_for_load_state()


def test_article_to_gradebook(page, live_server, axe_check):
    live_server.run(lambda: create_user("prof", PASSWORD, "instructor").id)
    log_in(page, "prof")
    page.get_by_role("link", name="Workspace").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Your workspace"
    axe_check(page, "dashboard")

    # Add an article by pasting it.
    page.get_by_role("link", name="Add an article").first.click()
    axe_check(page, "add article")
    page.get_by_label("Article text").fill(ARTICLE.read_text())
    page.get_by_role("button", name="Add the article").click()
    assert page.get_by_role("heading", level=1).inner_text() == (
        "Floods displace thousands in the north"
    )
    assert page.locator(".article mark.claim-figure").count() >= 3
    assert page.locator(".article mark.claim-source").first.inner_text().startswith("the Red Cross")
    axe_check(page, "article with claims")

    # Generate drafts into a new bank and review them.
    page.get_by_role("link", name="Generate questions").first.click()
    assert page.get_by_label("Floods displace thousands in the north").is_checked()
    page.get_by_label("Title of the new bank").fill("Flood drafts")
    page.get_by_role("button", name="Generate draft questions").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Review drafts: Flood drafts"
    assert page.locator(".queue-evidence .quote").count() == page.locator(".queue-item").count()
    axe_check(page, "review queue")
    drafts = page.locator(".queue-item").count()
    for _ in range(3):
        page.get_by_role("button", name=re.compile(r"^Approve draft")).first.click()
        assert "Question approved." in page.locator(".flashes").inner_text()
    assert page.locator(".queue-item").count() == drafts - 3

    # Build and publish a quiz from the bank.
    page.get_by_role("navigation", name="Workspace").get_by_role("link", name="Quizzes").click()
    page.get_by_role("link", name="Build a quiz").click()
    axe_check(page, "quiz form")
    page.get_by_label("Title", exact=True).fill("Flood check")
    page.get_by_label("Flood drafts").check()
    page.get_by_role("button", name="Create the quiz").click()
    assert (
        "3 approved questions match; each attempt draws 3."
        in page.locator(".status-line").inner_text()
    )
    page.get_by_role("button", name="Publish").click()
    assert "Quiz published." in page.locator(".flashes").inner_text()
    axe_check(page, "quiz page")
    log_out(page)

    # A student takes it, answering from the article.
    answers = live_server.run(approved_answers)
    register(page, "reader")
    page.goto("/")
    page.get_by_role("link", name="Flood check").click()
    page.get_by_role("button", name="Start the quiz").click()
    for _ in range(3):
        prompt = page.locator(".prompt").first.inner_text().strip()
        answer, multiple_choice = answers[prompt]
        if multiple_choice:
            page.get_by_label(answer, exact=True).check()
        else:
            page.locator("#answer").fill(answer)
        page.get_by_role("button", name="Submit answer").click()
        assert page.locator("h1#verdict").inner_text().startswith("Right")
        next_link = page.get_by_role("link", name="Next question")
        if next_link.count():
            next_link.click()
    page.get_by_role("button", name="Finish and see your result").click()
    assert "3 of 3" in page.locator(".score").inner_text()
    log_out(page)

    # The instructor sees the result in the gradebook.
    log_in(page, "prof")
    page.goto("/teach/quizzes")
    page.get_by_role("link", name="Gradebook of Flood check").click()
    row = page.get_by_role("row", name=re.compile("^reader"))
    assert row.get_by_role("cell").nth(0).inner_text() == "100%"
    axe_check(page, "gradebook")
    page.get_by_role("link", name="Question statistics").click()
    assert "From 1 finished attempt." in page.locator("main").inner_text()
    axe_check(page, "statistics")


def seed_workspace() -> dict[str, int]:
    """Store an instructor with an article, a bank (one question citing it) and a quiz."""
    from tests.factories import ARTICLE as TEXT
    from tests.factories import make_bank, make_quiz

    prof = create_user("prof", PASSWORD, "instructor")
    bank = make_bank(prof)
    quiz = make_quiz([bank], prof)
    source = bank.questions[0].evidence[0].source
    source.owner_id = prof.id
    db.session.commit()
    assert source.text == TEXT
    return {"bank": bank.id, "quiz": quiz.id, "source": source.id, "q": bank.questions[0].id}


@pytest.mark.parametrize(
    "path",
    [
        "/teach/sources",
        "/teach/sources/{source}/edit",
        "/teach/generate",
        "/teach/banks",
        "/teach/banks/new",
        "/teach/banks/import",
        "/teach/banks/{bank}",
        "/teach/banks/{bank}/edit",
        "/teach/banks/{bank}/delete",
        "/teach/banks/{bank}/questions/new?source={source}",
        "/teach/questions/{q}/edit",
        "/teach/quizzes",
        "/teach/quizzes/{quiz}/edit",
    ],
)
def test_workspace_pages_pass_axe(page, live_server, axe_check, path):
    ids = live_server.run(seed_workspace)
    log_in(page, "prof")
    response = page.goto(path.format(**ids))
    assert response.status == 200
    assert page.get_by_role("heading", level=1).count() == 1
    axe_check(page, path)


def test_import_error_is_shown_in_the_browser(page, live_server, axe_check):
    live_server.run(lambda: create_user("prof", PASSWORD, "instructor").id)
    log_in(page, "prof")
    page.goto("/teach/banks/import")
    broken = Path(__file__).resolve().parents[1] / "data" / "import" / "broken.gift"
    page.get_by_label("Bank file").set_input_files(str(broken))
    page.get_by_role("button", name="Import").click()
    alert = page.get_by_role("alert").first.inner_text()
    assert "Nothing was imported." in alert and "Line 4:" in alert
    axe_check(page, "import error")
