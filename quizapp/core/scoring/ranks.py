"""Judge a rank or position: "third", "3rd place", "No. 2", "number two", "#2", "second"."""

from __future__ import annotations

import re
from functools import lru_cache

from quizapp.core.scoring.verdict import Verdict, right, wrong
from quizapp.core.text.normalise import clean
from quizapp.core.text.numbers import ORDINALS, TENS, UNITS

_ORDINAL_WORDS = "|".join(sorted(ORDINALS, key=len, reverse=True))
_TENS_WORDS = "|".join(TENS)
_COUNT_WORDS = "|".join(sorted({**UNITS, **TENS}, key=len, reverse=True))
_RANK = re.compile(
    r"(?:\b(?P<tens>" + _TENS_WORDS + r")[- ])?\b(?P<word>" + _ORDINAL_WORDS + r")\b"
    r"|\b(?P<digits>\d{1,3})(?:st|nd|rd|th)\b"
    r"|(?:\bno\.?|\bnumber|#)\s*(?P<num>\d{1,3}|" + _COUNT_WORDS + r")\b",
    re.IGNORECASE,
)
#: Words a rank key may carry that add nothing ("the third place", "second position").
_FILLER = re.compile(
    r"\b(?:the|place|position|spot|rank|ranked|finish|finished|in|at|all|time|overall)\b|[().,]",
    re.IGNORECASE,
)


def _value(m: re.Match[str]) -> int:
    """Return the rank one match names."""
    if m.group("word"):
        tens = TENS[m.group("tens").lower()] if m.group("tens") else 0
        return tens + ORDINALS[m.group("word").lower()]
    if m.group("digits"):
        return int(m.group("digits"))
    num = m.group("num").lower()
    return int(num) if num.isdigit() else {**UNITS, **TENS}[num]


@lru_cache(maxsize=2048)
def expected_rank(expected: str) -> int | None:
    """Return the rank a key names when the key is only a rank ("third (number three)")."""
    text = clean(expected)
    ranks = {_value(m) for m in _RANK.finditer(text)}
    rest = _FILLER.sub(" ", _RANK.sub(" ", text)).strip()
    return ranks.pop() if len(ranks) == 1 and not rest else None


def judge_rank(answer: str, expected: str) -> Verdict | None:
    """Judge a typed rank against a rank key; None when the key is no rank or the answer none."""
    want = expected_rank(expected)
    if want is None:
        return None
    text = clean(answer)
    given = {_value(m) for m in _RANK.finditer(text)}
    if not given and text.strip(" .").isdigit():
        given = {int(text.strip(" ."))}
    if not given:
        return None
    if given == {want}:
        return right()
    return wrong(f"The article says {expected.strip()}.")
