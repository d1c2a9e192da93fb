"""Judge a score or a vote tally: "3-1", "3–1", "3 to 1", "seven to two", "6:3"."""

from __future__ import annotations

import re
from functools import lru_cache

from quizapp.core.scoring.verdict import Verdict, right, wrong
from quizapp.core.text.normalise import clean
from quizapp.core.text.numbers import TENS, UNITS, parse_number

_ONES = "|".join(sorted(UNITS, key=len, reverse=True))
_SIDE = r"(\d{1,3}|(?:" + "|".join(TENS) + r")(?:[- ](?:" + _ONES + r"))?|" + _ONES + r")"
_TALLY = re.compile(r"\b" + _SIDE + r"\s*(?:-|:|\bto\b)\s*" + _SIDE + r"\b", re.IGNORECASE)
_WHOLE = re.compile(r"^\s*" + _TALLY.pattern + r"\s*$", re.IGNORECASE)


def _value(side: str) -> int:
    """Return the value of one side of a tally, in digits or in words ("sixty-eight")."""
    return int(side) if side.isdigit() else int(parse_number(side) or 0)


@lru_cache(maxsize=1024)
def _expected_tally(expected: str) -> tuple[int, int] | None:
    """Return the tally an expected answer is, or None when it is something else."""
    m = _WHOLE.match(clean(expected))
    return (_value(m.group(1)), _value(m.group(2))) if m else None


def judge_tally(answer: str, expected: str, evidence: str) -> Verdict | None:
    """Judge a typed tally against an expected one; None when `expected` is no tally."""
    want = _expected_tally(expected)
    if want is None:
        return None
    given = {(_value(a), _value(b)) for a, b in _TALLY.findall(clean(answer))}
    if not given:
        return None
    span = next(
        (m.span() for m in _TALLY.finditer(clean(evidence))
         if (_value(m.group(1)), _value(m.group(2))) == want), None
    )
    if given == {want}:
        return right("Correct.", span)
    return wrong(f"The article says {expected.strip()}.", 0.0, span)
