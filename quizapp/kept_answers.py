"""Kept answers: answers that came without a valid login or CSRF token, held in the session."""

from __future__ import annotations

import json

from flask import session

from .services import answers

KEPT = "kept_answers"  # session key: answers that arrived without a valid login or CSRF token
MAX_KEPT = 20
KEPT_BUDGET = 1800  # bytes of JSON for all kept answers: the session cookie stays under 4 KB


def _json_size(text: str) -> int:
    """Return the bytes a text takes in the session cookie's JSON (non-ASCII is escaped)."""
    return len(json.dumps(text))


def _clip(text: str, budget: int) -> str:
    """Return the longest start of text whose JSON fits the budget."""
    if _json_size(text) <= budget:
        return text
    low, high = 0, len(text)
    while low < high:
        middle = (low + high + 1) // 2
        low, high = (middle, high) if _json_size(text[:middle]) <= budget else (low, middle - 1)
    return text[:low]


def keep_answer(attempt_id: int, position: int, answer: str) -> bool:
    """Keep a submitted answer in the session until its owner submits it again.

    The session is a cookie, which browsers drop past 4 KB: the kept answers share a budget
    (the oldest go first), and an answer longer than all of it is kept shortened. Return
    whether the answer was kept whole.
    """
    key = f"{attempt_id}:{position}"
    kept = dict(session.get(KEPT, {}))
    kept.pop(key, None)
    clipped = _clip(answer[: answers.MAX_ANSWER], KEPT_BUDGET)
    while kept and (
        len(kept) >= MAX_KEPT
        or sum(_json_size(k) + _json_size(v) for k, v in kept.items()) + _json_size(clipped)
        > KEPT_BUDGET
    ):
        kept.pop(next(iter(kept)))
    kept[key] = clipped
    session[KEPT] = kept
    return clipped == answer


def kept_answer(attempt_id: int, position: int, pop: bool = False) -> str | None:
    """Return (and with `pop`, forget) the answer kept for a question."""
    kept = dict(session.get(KEPT, {}))
    answer = kept.pop(f"{attempt_id}:{position}", None)
    if pop and answer is not None:
        session[KEPT] = kept
    return answer
