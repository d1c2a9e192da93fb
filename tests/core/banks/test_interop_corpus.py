"""Every real question file in ../shared/interop/ (written by other people) imports like Moodle.

Each file imports, leaving out only kinds quizapp cannot ask, each with its line and reason; the
deliberately broken ones (Moodle's own error fixtures) and files that are not banks are refused
whole, naming the right line. Every imported bank round-trips through GIFT and Moodle XML.
The files are read at run time and never copied into the repository.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from quizapp.core.banks.formats import dump_any, load_any
from quizapp.core.banks.model import BankError
from quizapp.core.banks.schema import bank_to_data

CORPUS = Path(__file__).resolve().parents[3] / ".." / "shared" / "interop"
FILES = sorted(p for p in CORPUS.glob("*/*") if p.is_file()) if CORPUS.is_dir() else []

#: Files refused whole: (line, words of the reason). The rest must import.
REFUSED = {
    # Moodle's fixture of broken Aiken questions: the first one has a single option.
    "aiken/moodle-aiken_errors.txt": (3, "needs at least 2 options"),
    # Moodle's fixture of a grade its importer refuses (33, not 33.33333).
    "xml/moodle-error_invalid_grades.xml": (38, "answer fraction 33 is not a grade Moodle accepts"),
    # A lone <question> element, not a <quiz> file.
    "xml/ewoner-multichoiceset.xml": (1, "the root element must be <quiz>"),
    # A converter's own extended syntax ("Answer: C, D", "gfeed."), not Aiken.
    "aiken/sonsoleslp-aiken.txt": (36, "has no ANSWER: line"),
}
#: Kinds of question quizapp does not ask; any other skip is a failure.
UNSUPPORTED = {"matching", "essay", "cloze", "description", "calculated", "drag and drop",
               "gap select", "random", "all-or-nothing multiple choice", "program code",
               "ordering", "regular expression", "no type"}

pytestmark = pytest.mark.skipif(not FILES, reason=f"the interop corpus is absent ({CORPUS})")


def _name(path: Path) -> str:
    return f"{path.parent.name}/{path.name}"


@pytest.mark.parametrize("path", FILES, ids=_name)
def test_each_file_imports_or_is_refused_with_its_line(path: Path) -> None:
    data = path.read_bytes()
    if _name(path) in REFUSED:
        line, reason = REFUSED[_name(path)]
        with pytest.raises(BankError) as caught:
            load_any(data, path.name, skip_unsupported=True)
        assert (caught.value.line, reason in caught.value.reason) == (line, True), caught.value
        return
    bank = load_any(data, path.name, skip_unsupported=True)
    assert bank.questions or bank.skips
    for skip in bank.skips:
        assert skip.kind in UNSUPPORTED and skip.line and skip.reason
    assert len(bank.skipped) == len(bank.skips)


@pytest.mark.parametrize("fmt", ["gift", "moodle-xml", "json"])
@pytest.mark.parametrize("path", [p for p in FILES if _name(p) not in REFUSED], ids=_name)
def test_each_imported_bank_round_trips(path: Path, fmt: str) -> None:
    bank = load_any(path.read_bytes(), path.name, skip_unsupported=True)
    if not bank.questions:
        pytest.skip("nothing imported to round-trip")
    text = dump_any(bank, fmt)
    again = load_any(text.encode(), "bank." + {"gift": "gift", "moodle-xml": "xml",
                                               "json": "json"}[fmt])
    assert bank_to_data(again) == bank_to_data(bank)
