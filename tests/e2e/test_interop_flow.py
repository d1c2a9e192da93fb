"""In a browser: preview a Moodle file and confirm it; a student ticks all that apply."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from quizapp.extensions import db
from quizapp.models import Bank, Response
from quizapp.services.accounts import create_user
from tests.e2e.conftest import PASSWORD, log_in, register

pytestmark = pytest.mark.e2e

BANKS = Path(__file__).resolve().parents[1] / "data" / "banks"
MOODLE_EXAMPLES = BANKS / "moodle_examples.gift.txt"


def banks() -> int:
    return db.session.execute(select(func.count(Bank.id))).scalar_one()


def test_preview_then_confirm_an_import(page, live_server, axe_check):
    live_server.run(lambda: create_user("prof", PASSWORD, "instructor").id)
    log_in(page, "prof")
    page.goto("/teach/banks/import")
    page.get_by_label("Bank file").set_input_files(str(MOODLE_EXAMPLES))
    page.get_by_role("button", name="Preview the import").click()
    page.wait_for_load_state()
    assert "40 questions will be imported" in page.content()
    assert page.get_by_role("cell", name="matching question is not supported").count() == 3
    axe_check(page, "import preview")
    assert live_server.run(banks) == 0
    page.get_by_role("button", name="Import 40 questions").click()
    page.wait_for_load_state()
    assert "Imported 40 questions" in page.content()
    assert live_server.run(banks) == 1


def seed_multi(live_server) -> int:
    from tests.factories import make_bank, make_quiz
    from tests.web.test_multi_answers import multi_bank

    return live_server.run(lambda: make_quiz([make_bank(doc=multi_bank())]).id)


def test_tick_all_that_apply_with_the_keyboard(page, live_server, axe_check):
    quiz = seed_multi(live_server)
    register(page, "kim")
    page.goto(f"/quizzes/{quiz}")
    page.get_by_role("button", name="Start the quiz").click()
    page.wait_for_load_state()
    boxes = page.get_by_role("checkbox")
    assert boxes.count() == 4
    axe_check(page, "multiple-response question")
    page.set_viewport_size({"width": 390, "height": 844})
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.get_by_label("The defence ministry").focus()
    page.keyboard.press("Space")
    page.get_by_role("button", name="Submit answer").click()
    page.wait_for_load_state()
    assert "(50% credit)" in page.content()  # the heading: "Awaiting review"; no Verdict row
    axe_check(page, "multiple-response feedback")
    stored = live_server.run(lambda: [(r.answer, r.credit) for r in
                                      db.session.execute(select(Response)).scalars()])
    assert stored == [('["The defence ministry"]', 0.5)]
