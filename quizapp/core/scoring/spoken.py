"""Figures written as speech: "twice" is 2 times, "two point four" is 2.4."""

from __future__ import annotations

import re

from quizapp.core.text.numbers import parse_number

#: Spoken forms read as figures: "twice" is 2 times, "two point four" is 2.4.
_SPOKEN = (
    (re.compile(r"\btwice\b", re.I), "2 times"),
    (re.compile(r"\bthrice\b", re.I), "3 times"),
)
_DIGIT_WORDS = "zero one two three four five six seven eight nine".split()
_POINT = re.compile(
    r"\b(?P<whole>\w+) point (?P<frac>(?:(?:" + "|".join(_DIGIT_WORDS) + r")\b ?)+)", re.I
)


def spoken(text: str) -> str:
    """Rewrite spoken figures as digits ("twice" -> "2 times", "two point four" -> "2.4")."""
    if "ice" in text:
        for pattern, repl in _SPOKEN:
            text = pattern.sub(repl, text)
    if " point " in text.lower():
        text = _POINT.sub(_decimal, text)
    return text


def _decimal(m: re.Match[str]) -> str:
    """Return a spoken decimal as digits, or the text unchanged when the whole part is no number."""
    whole = parse_number(m.group("whole"))
    if whole is None or whole != int(whole):
        return m.group()
    digits = "".join(str(_DIGIT_WORDS.index(w.lower())) for w in m.group("frac").split())
    return f"{int(whole)}.{digits} "

