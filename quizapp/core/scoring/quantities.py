"""Read the quantities of a text: each number with its unit, currency, rate and counted words."""

from __future__ import annotations

import math
from functools import lru_cache
from typing import NamedTuple

from quizapp.core.scoring.conversions import COMPOUNDS, convert
from quizapp.core.scoring.spoken import spoken
from quizapp.core.scoring.units import (
    CURRENCIES,
    CURRENCY_SYMBOLS,
    PERIODS,
    RATE_LEADS,
    RATE_WORDS,
    UNITS,
)
from quizapp.core.text.normalise import normalise_word
from quizapp.core.text.numbers import NumberMention, find_numbers_in, scan

_NOT_NOUNS = frozenset(
    "of the a an in on at to and or were was are is have has had been be by from with for that "
    "which who it its their his her new more than about some over under there as so will "
    "would could this these those said says say according all told".split()
)
#: Words after which the thing counted has ended ("6,000 [troops] in March").
_PREPOSITIONS = frozenset(
    "in on at since by during from to for of into across near after before until around "
    "between among within".split()
)
_CLAUSE_ENDS = frozenset(",;.!?():\n\"")


class Quantity(NamedTuple):
    """A number with what the words around it say it measures."""

    number: NumberMention
    unit: str | None
    currency: str | None
    rate: str | None
    nouns: tuple[str, ...]  # words after the number, in its clause (the thing counted)


def _unit_at(words: list[str], j: int) -> tuple[str | None, int]:
    """Return the unit phrase starting at token j and the index after it."""
    for size in (4, 3, 2, 1):
        unit = UNITS.get(tuple(words[j : j + size]))
        if unit is not None:
            return unit, j + size
    return None, j


def _quantity(words: list[str], mention: NumberMention) -> Quantity:
    """Read the currency, unit, rate and counted words around one number."""
    currency = CURRENCY_SYMBOLS.get(words[mention.first - 1]) if mention.first else None
    unit, j = _unit_at(words, mention.last)
    if unit in CURRENCIES:
        currency, unit = unit, None
    elif currency is None and j < len(words) and UNITS.get((words[j],)) in CURRENCIES:
        currency, j = UNITS[(words[j],)], j + 1
    rate, nouns, stopped = None, [], False
    k = j
    while k < len(words) and k < j + 8 and words[k] not in _CLAUSE_ENDS:
        w = words[k]
        if w[0].isdigit():
            break
        if w in RATE_LEADS and k + 1 < len(words) and words[k + 1] in PERIODS:
            rate, k = rate or PERIODS[words[k + 1]], k + 2
            continue
        if w == "in" and words[k + 1 : k + 2] in (["total"], ["all"]):
            rate, k = rate or "total", k + 2
            continue
        if w in RATE_WORDS:
            rate = rate or RATE_WORDS[w]
        elif w in _PREPOSITIONS:
            stopped = True
        elif w.isalpha() and w not in _NOT_NOUNS and not stopped and len(nouns) < 3:
            nouns.append(normalise_word(w))
        k += 1
    return Quantity(mention, unit, currency, rate or _rate_before(words, mention), tuple(nouns))


def _rate_before(words: list[str], mention: NumberMention) -> str | None:
    """Return the rate the clause gives before a number ("the total ... to 9", "annual $5m")."""
    for k in range(mention.first - 1, max(-1, mention.first - 8), -1):
        w = words[k]
        if w in _CLAUSE_ENDS or w[0].isdigit():
            break
        if w in RATE_WORDS:
            return RATE_WORDS[w]
    return None


def find_quantities(text: str) -> list[Quantity]:
    """Find every number in text with its unit, currency, rate and counted words."""
    toks = scan(text)
    words = [m.group().lower() for m in toks]
    return _compounds([_quantity(words, m) for m in find_numbers_in(toks, words)], words)


def _compounds(found: list[Quantity], words: list[str]) -> list[Quantity]:
    """Merge "8 years 4 months" or "5 feet 11 inches" into one quantity in the larger unit."""
    k = 0
    while k < len(found) - 1:
        big, small = found[k], found[k + 1]
        end = _unit_at(words, big.number.last)[1]
        joined = set(words[end : small.number.first]) <= {"and", ","}
        if big.unit in COMPOUNDS and small.unit in COMPOUNDS[big.unit] and joined:
            extra = convert(small.number.value, small.unit, big.unit) or 0.0
            number = big.number._replace(
                value=big.number.value + extra, end=small.number.end, last=small.number.last
            )
            found[k : k + 2] = [big._replace(number=number, nouns=small.nouns)]
        k += 1
    return found


@lru_cache(maxsize=4096)
def expected_quantities(expected: str) -> tuple[Quantity, ...]:
    """Return the quantities of an expected answer (cached: one question, many answers)."""
    return tuple(find_quantities(spoken(expected)))


@lru_cache(maxsize=2048)
def evidence_quantities(evidence: str) -> tuple[tuple[Quantity, ...], dict[str, set[float]]]:
    """Return the quantities of the evidence and which numbers own each word of each clause."""
    toks = scan(evidence)
    words = [m.group().lower() for m in toks]
    quantities = tuple(_quantity(words, m) for m in find_numbers_in(toks, words))
    owners: dict[str, set[float]] = {}
    by_start = {q.number.first: q for q in quantities}
    clause: list[str] = []
    current: float | None = None
    for i, w in enumerate(words + ["."]):
        if w in _CLAUSE_ENDS:
            if current is not None:
                for word in clause:
                    owners.setdefault(word, set()).add(current)
            clause, current = [], None
            continue
        if i in by_start:
            if current is None:  # words before the first number of a clause are about it
                for word in clause:
                    owners.setdefault(word, set()).add(by_start[i].number.value)
                clause = []
            elif clause:
                for word in clause:
                    owners.setdefault(word, set()).add(current)
                clause = []
            current = by_start[i].number.value
        elif w.isalpha() and w not in _NOT_NOUNS:
            clause.append(normalise_word(w))
    return quantities, owners


@lru_cache(maxsize=4096)
def owned_words(evidence: str, value: float) -> frozenset[str]:
    """Return the words of the evidence clauses that are about one number."""
    owners = evidence_quantities(evidence)[1]
    return frozenset(
        w for w, values in owners.items() if any(same_number(v, value) for v in values)
    )


@lru_cache(maxsize=4096)
def lead_in_words(evidence: str, value: float) -> frozenset[str]:
    """Return the words just before each mention of a number in its clause ("shares fell 3%")."""
    words = [m.group().lower() for m in scan(evidence)]
    found = set()
    for q in evidence_quantities(evidence)[0]:
        if same_number(q.number.value, value):
            for w in reversed(words[max(0, q.number.first - 3) : q.number.first]):
                if w in _CLAUSE_ENDS or w[0].isdigit():
                    break
                found.add(normalise_word(w))
    return frozenset(found)


_MODALS = frozenset({"could", "may", "might", "can", "would"})


@lru_cache(maxsize=4096)
def given_as_possible(evidence: str, value: float) -> bool:
    """Say whether the evidence gives a number as a possibility ("could cost £12m"): a ceiling."""
    words = [m.group().lower() for m in scan(evidence)]
    for q in evidence_quantities(evidence)[0]:
        if same_number(q.number.value, value):
            for w in reversed(words[max(0, q.number.first - 9) : q.number.first]):
                if w in _CLAUSE_ENDS:
                    break
                if w in _MODALS:
                    return True
    return False


def same_number(a: float, b: float) -> bool:
    """Say whether two values are the same (finite) number."""
    return math.isfinite(a) and math.isfinite(b) and math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)
