"""Aiken, Moodle's simplest format: multiple choice questions only, import only.

    What is the capital of France?
    A) Paris
    B. Lyon
    ANSWER: A

The question text is one or more lines, then options "A) text" or "A. text", one per line, then
"ANSWER: X". Blank lines between questions are optional. Strict: options must start at A and
follow in order, need at least two, and ANSWER must name one of them; otherwise the whole file is
rejected naming the line. Questions get ids q1, q2...; type "verdict" when the options are the
verdict choices, else "text".
"""

from __future__ import annotations

import re

from quizapp.core.banks import exchange
from quizapp.core.banks.model import MAX_QUESTIONS, Bank, BankError, Question

_OPTION = re.compile(r"([A-ZÀ-ÖØ-ÞĀ-Ž])[.)][ \t]+(\S.*)")
_ANSWER = re.compile(r"ANSWER:\s*(\S*)\s*")


class _Draft:
    """A question being read: its text lines, options, and where it started."""

    def __init__(self, line: int):
        self.line = line
        self.text: list[str] = []
        self.options: list[str] = []


def _finish(draft: _Draft, letter: str, line: int, number: int) -> Question:
    """Turn a draft and its ANSWER letter into a checked Question."""
    if not draft.text:
        raise BankError("ANSWER: line without a question", line=line)
    if len(draft.options) < 2:
        raise BankError(f"question on line {draft.line} needs at least 2 options (A) ... B) ...)",
                        line=line)
    index = ord(letter) - ord("A") if re.fullmatch(r"[A-ZÀ-ÖØ-ÞĀ-Ž]", letter) else -1
    if not 0 <= index < len(draft.options):
        last = chr(ord("A") + len(draft.options) - 1)
        raise BankError(f"ANSWER: '{letter}' is not one of the options A-{last}", line=line)
    if len(set(draft.options)) != len(draft.options):
        raise BankError(f"question on line {draft.line} repeats an option", line=line)
    choices = list(draft.options)
    return Question(id=f"q{number}", type=exchange.default_type(choices),
                    prompt="\n".join(draft.text), answer=choices[index], choices=choices)


def parse_aiken(text: str) -> Bank:
    """Read Aiken text into a Bank; any malformed question rejects the file (BankError)."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    bank = Bank(title="")
    draft: _Draft | None = None
    for number, raw in enumerate(text.split("\n"), 1):
        line = raw.strip()
        if not line:
            continue
        answer = _ANSWER.fullmatch(line)
        option = _OPTION.fullmatch(line)
        if answer:
            if draft is None:
                raise BankError("ANSWER: line without a question", line=number)
            bank.questions.append(_finish(draft, answer[1], number, len(bank.questions) + 1))
            if len(bank.questions) > MAX_QUESTIONS:
                raise BankError(f"more than {MAX_QUESTIONS} questions", line=number)
            draft = None
        elif option and draft is not None and draft.text:
            expected = chr(ord("A") + len(draft.options))
            if option[1] != expected:
                raise BankError(f"option {option[1]} where option {expected} was expected",
                                line=number)
            draft.options.append(option[2].strip())
        elif draft is not None and draft.options:
            raise BankError(f"question on line {draft.line} has no ANSWER: line (expected "
                            "another option or ANSWER: X)", line=number)
        else:
            draft = draft or _Draft(number)
            draft.text.append(line)
    if draft is not None:
        raise BankError(f"question on line {draft.line} has no ANSWER: line", line=draft.line)
    if not bank.questions:
        raise BankError("no questions found (expected a question, options A) B) ..., "
                        "and ANSWER: X)", line=1)
    return bank
