"""Moodle XML: safe parsing (no entities), round trips, errors naming the element and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizapp.core.banks.model import BankError
from quizapp.core.banks.moodle_xml import dump_moodle_xml, parse_moodle_xml
from quizapp.core.banks.native import load_bank

BANKS = Path(__file__).parents[2] / "data" / "banks"


def read(name: str) -> str:
    return (BANKS / name).read_text(encoding="utf-8")


def error(data: str | bytes) -> BankError:
    with pytest.raises(BankError) as caught:
        parse_moodle_xml(data)
    return caught.value


def wrap(question: str) -> str:
    return f'<?xml version="1.0" encoding="UTF-8"?>\n<quiz>\n{question}\n</quiz>\n'


def test_every_question_type_round_trips_exactly() -> None:
    bank = load_bank(read("all_types.json"))
    text = dump_moodle_xml(bank)
    assert parse_moodle_xml(text) == bank
    assert parse_moodle_xml(text.encode("utf-8")) == bank


def test_export_is_moodle_shaped() -> None:
    text = dump_moodle_xml(load_bank(read("all_types.json")))
    assert '<question type="numerical">' in text and "<tolerance>100</tolerance>" in text
    assert "<text>6000</text>" in text and "6,000</text>" not in text
    assert '<question type="truefalse">' in text and '<question type="shortanswer">' in text
    assert '<questiontext format="html">' in text and "<idnumber>q8</idnumber>" in text
    assert "<tags>" in text and "<!-- quizapp: " in text


def test_comment_payload_never_contains_a_double_hyphen() -> None:
    bank = load_bank(read("all_types.json"))
    bank.questions[0].tags = ["a--b", "---"]
    bank.sources[0].title = "x--y"
    assert parse_moodle_xml(dump_moodle_xml(bank)) == bank


def test_moodle_style_file_imports() -> None:
    bank = parse_moodle_xml(read("moodle_style.xml"))
    assert bank.title == "Harbour fire"
    where, casualties, who, sunday = bank.questions
    assert (where.prompt, where.answer, where.tags) == (
        "Where did the fire break out?", "At the harbour", ["places"])
    assert where.explanation == "See the first sentence."
    assert (casualties.type, casualties.answer, casualties.tolerance) == ("figure", "6000", 500.0)
    assert (who.answer, who.accept) == ("police", ["the police", "officers"])
    assert who.weights == [100, 100, 50]  # partial credit kept
    assert (sunday.answer, sunday.choices) == ("True", ["True", "False"])
    assert [q.id for q in bank.questions] == ["Where", "Casualties", "Who", "Sunday"]


def test_moodle_fixture_with_an_essay_is_rejected_naming_the_element() -> None:
    exc = error(read("moodle_nested_categories.xml"))
    assert exc.reason.startswith("question #4 'Kappa Essay Question' (essay): type not supported")
    assert exc.line == 55 and exc.where == "question #4 'Kappa Essay Question'"


def test_moodle_fixture_imports_when_unsupported_types_are_skipped() -> None:
    bank = parse_moodle_xml(read("moodle_nested_categories.xml"), skip_unsupported=True)
    assert bank.title == "Iota"
    assert [q.prompt for q in bank.questions] == [
        "Testing Iota Question", "Testing Kappa Question", "Testing Lambda Question",
        "Testing Mu Question"]
    assert len(bank.skipped) == 1


def test_billion_laughs_is_refused() -> None:
    bomb = ('<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n'
            ' <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">\n'
            ' <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">\n'
            ']>\n<quiz>&lol3;</quiz>\n')
    exc = error(bomb)
    assert exc.reason == "XML entities are not allowed" and exc.line == 3


def test_external_entity_is_refused() -> None:
    xxe = ('<?xml version="1.0"?>\n<!DOCTYPE quiz [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
           "<quiz><question type=\"shortanswer\"><questiontext><text>&xxe;</text></questiontext>"
           "</question></quiz>")
    assert error(xxe.encode()).reason == "XML entities are not allowed"


@pytest.mark.parametrize(
    ("question", "reason"),
    [
        ('<question type="numerical"><name><text>Casualties</text></name><questiontext>'
         '<text>How many?</text></questiontext><answer fraction="100"><text>6,000</text>'
         "</answer></question>", "question #1 'Casualties': numerical answer '6,000' is not a "
         "plain number"),
        ('<question type="multichoice"><name><text>M</text></name><questiontext><text>Q?</text>'
         '</questiontext><answer fraction="0"><text>a</text></answer><answer fraction="0">'
         "<text>b</text></answer></question>",
         "question #1 'M': multiple choice has no fully right answer"),
        ('<question type="matching"><name><text>Pairs</text></name></question>',
         "question #1 'Pairs' (matching): type not supported"),
        ('<question type="description"><name><text>D</text></name></question>',
         "question #1 'D' (description): type not supported"),
        ('<question type="multichoice"><single>false</single><questiontext><text>Q?</text>'
         '</questiontext><answer fraction="50"><text>a</text></answer><answer fraction="40">'
         "<text>b</text></answer></question>",
         "question #1: the positive weights of a multiple-response question add up to 90%"),
        ('<question type="shortanswer"><questiontext><text>Q?</text></questiontext>'
         '<answer fraction="abc"><text>a</text></answer></question>',
         "question #1: answer fraction 'abc' is not a number"),
        ('<question type="shortanswer"><questiontext><text> </text></questiontext>'
         '<answer fraction="100"><text>a</text></answer></question>',
         "question #1: question text is empty"),
        ('<question type="truefalse"><questiontext><text>Q?</text></questiontext>'
         '<answer fraction="100"><text>maybe</text></answer></question>',
         "question #1: true/false needs exactly one right answer"),
        ("<category/>", "unexpected element <category> in <quiz>"),
    ],
)
def test_malformed_questions_name_element_and_line(question: str, reason: str) -> None:
    exc = error(wrap(question))
    assert exc.reason.startswith(reason)
    assert exc.line == 3


def test_not_xml_and_wrong_root_are_refused() -> None:
    assert error("<quiz><question>").reason.startswith("invalid XML")
    assert error("<html/>").reason == "the root element must be <quiz>, not <html>"
    assert error("not xml at all").line == 1
