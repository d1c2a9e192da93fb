"""Aiken: multiple choice only, strict, errors name the line."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quizapp.core.banks.aiken import parse_aiken
from quizapp.core.banks.model import VERDICT_CHOICES, BankError

BANKS = Path(__file__).parents[2] / "data" / "banks"


def test_aiken_fixture_imports() -> None:
    bank = parse_aiken((BANKS / "small.aiken.txt").read_text(encoding="utf-8"))
    first, second = bank.questions
    assert (first.id, first.prompt, first.answer) == ("q1", "Where did the fire break out?",
                                                      "At the harbour")
    assert first.choices == ["At the harbour", "At the airport", "In the old town"]
    assert (second.type, second.choices) == ("verdict", list(VERDICT_CHOICES))


def test_questions_need_no_blank_line_between_them_and_may_span_lines() -> None:
    bank = parse_aiken("Line one\nline two?\nA) x\nB) y\nANSWER: B\nNext?\nA. p\nB. q\nANSWER: A")
    assert [q.prompt for q in bank.questions] == ["Line one\nline two?", "Next?"]
    assert [q.answer for q in bank.questions] == ["y", "p"]


@pytest.mark.parametrize(
    ("text", "line", "reason"),
    [
        ("Q?\nA) x\nB) y\nANSWER: C", 4, "ANSWER: 'C' is not one of the options A-B"),
        ("Q?\nA) x\nANSWER: A", 3, "needs at least 2 options"),
        ("Q?\nA) x\nC) y\nANSWER: A", 3, "option C where option B was expected"),
        ("Q?\nA) x\nB) y\nmore text\nANSWER: A", 4, "has no ANSWER: line"),
        ("Q?\nA) x\nB) y", 1, "question on line 1 has no ANSWER: line"),
        ("ANSWER: A", 1, "ANSWER: line without a question"),
        ("Q?\nA) x\nB) x\nANSWER: A", 4, "repeats an option"),
        ("", 1, "no questions found"),
    ],
)
def test_malformed_files_are_rejected_naming_the_line(text: str, line: int, reason: str) -> None:
    with pytest.raises(BankError) as caught:
        parse_aiken(text)
    assert reason in caught.value.reason and caught.value.line == line


@settings(deadline=None, max_examples=300)
@given(st.text(alphabet=list("AB).: \nANSWERQ?x")) | st.text())
def test_arbitrary_text_only_ever_raises_bank_error(text: str) -> None:
    try:
        parse_aiken(text)
    except BankError:
        pass
