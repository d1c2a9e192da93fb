"""The bank commands: import, export and generate; errors are one line with a non-zero exit."""

from pathlib import Path

import pytest
import yaml
from sqlalchemy import func, select

from quizapp.core.banks.formats import load_any
from quizapp.extensions import db
from quizapp.models import Bank, Question
from tests.conftest import make_user
from tests.factories import make_bank

TESTS = Path(__file__).resolve().parent.parent
IMPORTS = TESTS / "data" / "import"
BANKS = TESTS / "data" / "banks"


def run(app, *args):
    return app.test_cli_runner().invoke(args=[str(a) for a in args])


def counts() -> tuple[int, int]:
    db.session.expire_all()
    return (
        db.session.execute(select(func.count(Bank.id))).scalar_one(),
        db.session.execute(select(func.count(Question.id))).scalar_one(),
    )


def test_import_a_gift_file_for_an_instructor(app):
    prof = make_user("prof", "instructor")
    result = run(app, "import", IMPORTS / "good.gift", "--owner", "prof", "--bank", "Floods")
    assert result.exit_code == 0, result.output
    assert "Imported 3 questions and 0 articles into bank" in result.output
    bank = db.session.execute(select(Bank)).scalar_one()
    assert (bank.title, bank.owner_id) == ("Floods", prof.id)
    again = run(app, "import", BANKS / "small.json", "--owner", "prof", "--bank", "Floods")
    assert again.exit_code == 0
    assert counts() == (1, 5)


def test_import_without_owner_or_title(app):
    result = run(app, "import", BANKS / "small.yaml")
    assert result.exit_code == 0, result.output
    bank = db.session.execute(select(Bank)).scalar_one()
    assert (bank.title, bank.owner_id) == ("Harbour fire coverage", None)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["import", IMPORTS / "broken.gift"], "broken.gift: line 4: '{' is never closed by '}'"),
        (["import", IMPORTS / "good.gift", "--owner", "nobody"], "no instructor called 'nobody'"),
        (["import", IMPORTS / "good.gift", "--format", "aiken"], "good.gift:"),
        (["import", IMPORTS / "missing.gift"], "does not exist"),
        (["export", "Nope", "--format", "json", "-o", "x.json"], "no bank with the id or title"),
        (["export", "1", "--format", "aiken", "-o", "x.txt"], "Invalid value for '--format'"),
    ],
)
def test_errors_are_one_line_and_write_nothing(app, args, message):
    make_user("stu")
    result = run(app, *args)
    assert result.exit_code != 0
    assert message in result.output
    assert "Traceback" not in result.output
    errors = [line for line in result.output.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1  # click adds a usage hint above argument errors only
    assert counts() == (0, 0)


@pytest.mark.parametrize("fmt", ["json", "yaml", "gift", "moodle-xml"])
def test_export_by_title_or_id(app, tmp_path, fmt):
    bank = make_bank()
    out = tmp_path / f"bank.{fmt}"
    for ref in (str(bank.id), "Floods"):
        result = run(app, "export", ref, "--format", fmt, "-o", out)
        assert result.exit_code == 0, result.output
        assert f"Wrote 5 questions of 'Floods' to {out} ({fmt})." in result.output
        assert len(load_any(out.read_bytes(), out.name, fmt).questions) == 5


def test_export_refuses_ambiguous_titles_and_deleted_banks(app, tmp_path):
    make_bank()
    make_bank()
    result = run(app, "export", "Floods", "--format", "json", "-o", tmp_path / "x.json")
    assert result.exit_code != 0 and "several banks are called 'Floods'" in result.output
    for bank in db.session.execute(select(Bank)).scalars():
        bank.deleted_at = bank.created_at
    db.session.commit()
    result = run(app, "export", "1", "--format", "json", "-o", tmp_path / "x.json")
    assert result.exit_code != 0 and "no bank" in result.output


def test_generate_writes_a_bank_and_a_summary(app, tmp_path):
    out = tmp_path / "floods.yaml"
    result = run(app, "generate", IMPORTS / "floods.txt", IMPORTS / "floods.html", "-o", out,
                 "--title", "Flood coverage")  # fmt: skip
    assert result.exit_code == 0, result.output
    line = result.output.strip()
    assert len(line.splitlines()) == 1
    assert line.startswith("2 articles, ") and " attributions (" in line
    assert " figures, " in line and " questions (" in line and "figure " in line
    data = yaml.safe_load(out.read_text())
    assert data["title"] == "Flood coverage"
    bank = load_any(out.read_bytes(), out.name)
    assert len(bank.sources) == 2 and len(bank.questions) > 10
    assert f"{len(bank.questions)} questions" in line


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["generate", IMPORTS / "floods.txt", "-o", "bank.txt"], "must end in .json or .yaml"),
        (["generate", IMPORTS / "nope.txt", "-o", "bank.json"], "nope.txt: cannot read"),
        (["generate", "-o", "bank.json"], "Missing argument"),
    ],
)
def test_generate_errors(app, tmp_path, args, message):
    args = [tmp_path / a if str(a).startswith("bank.") else a for a in args]
    result = run(app, *args)
    assert result.exit_code != 0
    assert message in result.output and "Traceback" not in result.output


def test_import_moodles_gift_examples_dry_run_then_strict_then_for_real(app):
    dry = run(app, "import", BANKS / "moodle_examples.gift.txt", "--format", "gift", "--dry-run")
    assert dry.exit_code == 0, dry.output
    assert "40 questions to import, 3 left out (matching 3)" in dry.output
    assert "line 55  [matching]  matching question is not supported" in dry.output
    assert "[multiple response]" in dry.output and "Dry run: nothing was written." in dry.output
    assert counts() == (0, 0)
    strict = run(app, "import", BANKS / "moodle_examples.gift.txt", "--format", "gift",
                 "--strict")  # fmt: skip
    assert strict.exit_code != 0 and "line 55" in strict.output
    assert counts() == (0, 0)
    result = run(app, "import", BANKS / "moodle_examples.gift.txt", "--format", "gift")
    assert result.exit_code == 0, result.output
    assert "Imported 40 questions" in result.output
    assert result.output.count("left out:") == 3


def test_export_as_qti(app, tmp_path):
    make_bank()
    out = tmp_path / "bank.qti.xml"
    result = run(app, "export", "Floods", "--format", "qti", "-o", out)
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").count("<item ident=") == 5
