"""Moodle-style credit: multiple response, partial-credit choices and short-answer patterns.

- A multiple-response ("multi") answer is the list of ticked choices; its credit is the sum of
  their weights, floored at 0 and capped at 1, as Moodle's "multiple answers" computes it.
- A choice with a weight between 0 and 100 earns that share of the credit; a negative one 0.
- A typed answer earns the weight of the best listed answer it matches; with `wildcards`, a
  listed answer is a Moodle short-answer pattern ("*" matches anything, "\\*" is a "*").
"""

from __future__ import annotations

import json
import re

from quizapp.core.banks.model import PATTERN_STAR, Question
from quizapp.core.scoring.verdict import Verdict
from quizapp.core.text.normalise import clean

#: Credit at or above this is full credit (Moodle's 33.33333 x 3 is 99.99999).
FULL = 0.999999


def encode_picks(picks: list[str]) -> str:
    """Write the ticked choices of a multiple-response answer as one stored string."""
    return json.dumps(list(picks), ensure_ascii=False)


def decode_picks(answer: str) -> list[str] | None:
    """Read the ticked choices back from a stored answer, or None if it is not a list of them."""
    try:
        value = json.loads(answer)
    except (TypeError, ValueError):
        return None
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        return None
    return value


def picks_text(answer: str) -> str:
    """Show a stored multiple-response answer to a person: the ticked choices, "; " between."""
    picks = decode_picks(answer)
    return answer if picks is None else "; ".join(picks)


def right_choices(question: Question) -> list[str]:
    """Return the choices that earn credit, best first (the answer key of a multi question)."""
    choices = question.choices or []
    ranked = sorted(range(len(choices)), key=lambda i: -question.weight_of(i))
    return [choices[i] for i in ranked if question.weight_of(i) > 0]


def _verdict(credit: float, right_text: str) -> Verdict:
    """Turn a credit into a verdict with a reason."""
    credit = min(max(credit, 0.0), 1.0)
    if credit >= FULL:
        return Verdict(True, 1.0, "Correct.")
    if credit > 0:
        return Verdict(False, credit, f"Partly right ({credit:.0%} credit). {right_text}")
    return Verdict(False, 0.0, right_text)


def score_multi(question: Question, answer: str) -> Verdict:
    """Score the ticked choices of a multiple-response question."""
    picks = decode_picks(answer)
    key = "The right choices are: " + "; ".join(right_choices(question)) + "."
    if not picks:
        return Verdict(False, 0.0, "No choice ticked. " + key)
    index = {c: i for i, c in enumerate(question.choices or [])}
    if any(p not in index for p in picks):
        return Verdict(False, 0.0, "Tick only the listed choices.")
    total = sum(question.weight_of(index[p]) for p in set(picks)) / 100
    return _verdict(total, key)


def choice_credit(question: Question, index: int) -> Verdict:
    """Score the pick of one choice of a question whose choices carry weights."""
    return _verdict(question.weight_of(index) / 100, f"The right choice is {question.answer}.")


def pattern_matches(pattern: str, answer: str) -> bool:
    """Match an answer against a Moodle short-answer pattern, ignoring case and outer spaces."""
    parts = [".*" if m == "*" else re.escape("*") for m in PATTERN_STAR.findall(pattern)]
    pieces = PATTERN_STAR.split(pattern)
    regex = "".join(re.escape(clean(p)) + (parts[i] if i < len(parts) else "")
                    for i, p in enumerate(pieces))
    return re.fullmatch(regex, clean(answer).strip(), re.IGNORECASE | re.DOTALL) is not None
