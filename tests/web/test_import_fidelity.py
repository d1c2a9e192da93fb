"""Import keeps what the file says: numeric tolerance survives the CLI and the web upload alike,
and an exported bank imports back into Moodle (an exact zero is written {#0:0})."""

from __future__ import annotations

import io

import pytest
from sqlalchemy import select

from quizapp.core.banks.gift import parse_gift
from quizapp.core.banks.gift_export import dump_gift
from quizapp.extensions import db
from quizapp.models import Question
from tests.conftest import login, make_user

NUMERIC_GIFT = """::pi:: What is pi, to two decimals? {#3.14:0.005}

::range:: Name a number from 5 to 10. {#5..10}

::zero:: How many troops were withdrawn? {#0}
"""
EXPECTED = {"pi": ("3.14", 0.005), "range": ("7.5", 2.5), "zero": ("0", 0.0)}


def stored() -> dict[str, tuple[str, float]]:
    db.session.expire_all()
    rows = db.session.execute(select(Question.key, Question.answer, Question.tolerance))
    return {key: (answer, tolerance) for key, answer, tolerance in rows}


def test_the_command_line_import_keeps_numeric_tolerance(app, tmp_path):
    make_user("prof", "instructor")
    path = tmp_path / "numbers.gift"
    path.write_text(NUMERIC_GIFT)
    result = app.test_cli_runner().invoke(args=["import", str(path), "--owner", "prof"])
    assert result.exit_code == 0, result.output
    assert stored() == EXPECTED


def test_the_web_upload_keeps_numeric_tolerance(app, client):
    make_user("prof", "instructor")
    login(client, "prof")
    form = {"file": (io.BytesIO(NUMERIC_GIFT.encode()), "numbers.gift"), "bank": "0", "format": ""}
    response = client.post("/teach/banks/import", data=form, content_type="multipart/form-data")
    assert response.status_code == 302, response.get_data(as_text=True)[-800:]
    response = client.post(response.headers["Location"])  # confirm the preview
    assert response.status_code == 302, response.get_data(as_text=True)[-800:]
    assert stored() == EXPECTED


@pytest.mark.parametrize("number", ["0", "0.0", "-0"])
def test_gift_export_writes_an_exact_zero_with_its_margin(number):
    bank = parse_gift(f"::z:: How many? {{#{number}}}\n")
    text = dump_gift(bank)
    assert "{#0:0}" in text and "{#0}" not in text
    assert parse_gift(text).questions[0].answer == bank.questions[0].answer


def test_gift_export_writes_a_zero_among_several_answers_with_its_margin():
    bank = parse_gift("::z:: How many? {#\n=0\n=1\n}\n")
    text = dump_gift(bank)
    assert "=0:0" in text and "=1\n" in text
    assert parse_gift(text).questions == bank.questions
