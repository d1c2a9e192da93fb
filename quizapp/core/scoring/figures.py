"""Judge a typed figure: value, qualifier, unit, currency, rate and the thing counted."""

from __future__ import annotations

import math
import re
from functools import lru_cache
from typing import NamedTuple

from quizapp.core.scoring.conversions import COMPOUNDS, convert, same_after_rounding, step
from quizapp.core.scoring.counted import added_name, counted_fault, direction_fault, noun_clash
from quizapp.core.scoring.spoken import has_fraction, per_hundred, spoken, typed_digits
from quizapp.core.scoring.units import (
    CURRENCIES,
    CURRENCY_SYMBOLS,
    DURATIONS,
    PERIODS,
    RATE_LEADS,
    RATE_WORDS,
    UNIT_WORDS,
    UNITS,
)
from quizapp.core.scoring.verdict import Verdict, near_miss, right, wrong
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
_DENIAL = re.compile(r"\b(?:not|never|isn't|wasn't|n't)\b(?! (?:more|less|fewer|over|under))", re.I)
_UP, _DOWN = frozenset({"gt", "ge"}), frozenset({"lt", "le", "lt~"})
_SAYS = {"gt": "more than", "ge": "at least", "lt": "less than", "le": "up to", "lt~": "nearly",
         "eq": "exactly", "approx": "about"}


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
def _expected_quantities(expected: str) -> tuple[Quantity, ...]:
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
def _owned(evidence: str, value: float) -> frozenset[str]:
    """Return the words of the evidence clauses that are about one number."""
    owners = evidence_quantities(evidence)[1]
    return frozenset(w for w, values in owners.items() if any(_same(v, value) for v in values))


@lru_cache(maxsize=4096)
def _lead_in(evidence: str, value: float) -> frozenset[str]:
    """Return the words just before each mention of a number in its clause ("shares fell 3%")."""
    words = [m.group().lower() for m in scan(evidence)]
    found = set()
    for q in evidence_quantities(evidence)[0]:
        if _same(q.number.value, value):
            for w in reversed(words[max(0, q.number.first - 3) : q.number.first]):
                if w in _CLAUSE_ENDS or w[0].isdigit():
                    break
                found.add(normalise_word(w))
    return frozenset(found)


_MODALS = frozenset({"could", "may", "might", "can", "would"})


@lru_cache(maxsize=4096)
def _may(evidence: str, value: float) -> bool:
    """Say whether the evidence gives a number as a possibility ("could cost £12m"): a ceiling."""
    words = [m.group().lower() for m in scan(evidence)]
    for q in evidence_quantities(evidence)[0]:
        if _same(q.number.value, value):
            for w in reversed(words[max(0, q.number.first - 9) : q.number.first]):
                if w in _CLAUSE_ENDS:
                    break
                if w in _MODALS:
                    return True
    return False


def _same(a: float, b: float) -> bool:
    """Say whether two values are the same (finite) number."""
    return math.isfinite(a) and math.isfinite(b) and math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def _clash(expected: str | None, given: str | None) -> bool:
    """Say whether the answer's qualifier contradicts the article's ("under" for "over")."""
    if given is None or given == "approx":
        return False
    if expected in _UP:
        return given not in _UP
    if expected in _DOWN:
        return given not in _DOWN
    return given in _UP or given in _DOWN


def _context(given: Quantity, wanted: list[Quantity], evidence: tuple[Quantity, ...]) -> bool:
    """Say whether an extra number only sets the time frame ("9,000 in two days")."""
    if given.unit not in DURATIONS or any(w.unit in DURATIONS for w in wanted):
        return False
    same_unit = [e for e in evidence if e.unit == given.unit]
    return not same_unit or any(_same(e.number.value, given.number.value) for e in same_unit)


_OUT_OF = re.compile(r"(?:\bof|\bout of|/|\bin)\s*(?:the\s+|a\s+|an\s+)?$", re.IGNORECASE)


def _total(given: Quantity, answer: str, evidence: tuple[Quantity, ...]) -> bool:
    """Say whether an extra number is the whole the article gives ("232 of 300")."""
    before = answer[: given.number.start]
    return _OUT_OF.search(before[-12:]) is not None and any(
        _same(e.number.value, given.number.value) for e in evidence
    )


def _reference(want: Quantity, evidence: tuple[Quantity, ...]) -> tuple[Quantity, bool]:
    """Complete the expected quantity with its occurrence in the evidence; say if one was found."""
    for q in evidence:
        if _same(q.number.value, want.number.value):
            return Quantity(
                want.number if want.number.qualifier else q.number,
                want.unit or q.unit, want.currency or q.currency, want.rate or q.rate, q.nouns
            ), True
    return want, False


def _fault(
    want: Quantity, given: Quantity, owners: dict[str, set[float]], owned: frozenset[str],
    known: bool,
) -> str | None:
    """Return why a right number is still the wrong figure, or None.

    `known` says the evidence showed the number in context, so a unit it lacks is really absent.
    """
    if known and given.unit and not want.unit and given.unit not in DURATIONS:
        return "The number is right, but the article does not measure it in that unit."
    if known and given.currency and not want.currency:
        return "The number is right, but the article gives no currency for it."
    if _clash(want.number.qualifier, given.number.qualifier):
        says = _SAYS.get(want.number.qualifier or "", "exactly")
        typed = _SAYS[given.number.qualifier or "eq"]
        return f"The number is right, but the article says {says} that, not {typed}."
    if given.unit and want.unit and given.unit != want.unit:
        return "The number is right, but the unit is not the one the article uses."
    if given.currency and want.currency and given.currency != want.currency:
        return "The number is right, but the currency is wrong."
    if given.rate and want.rate and given.rate != want.rate:
        return "The number is right, but it counts something else (a total or a different period)."
    if known and given.rate and given.rate != "total" and not want.rate:
        return "The number is right, but the article gives no rate per period."
    if noun_clash(given.nouns, want.nouns, owners, owned):
        return "The number is right, but the article uses it to count something else."
    return None


def _same_share(fraction: float, percent: float) -> bool:
    """Say whether a fraction is a percentage as the key rounds it ("a third" for 33%)."""
    half = min(step(percent), 1.0) / 2
    return abs(fraction * 100 - percent) <= half * (1 + 1e-9)


def _converted(
    want: Quantity, given: list[Quantity], evidence: tuple[Quantity, ...], fraction: bool
) -> Quantity | None:
    """Find a given quantity that is the wanted one in another unit, and restate it in the key's.

    A fraction is a share in per cent ("7/10", "three-quarters" for 70% and 75%).

    The restated quantity replaces the typed one in `given`, so it is not read as an extra figure.
    """
    unit = want.unit or _reference(want, evidence)[0].unit
    if unit is None:
        return None
    for i, g in enumerate(given):
        share = fraction and unit == "%" and g.unit is None and 0 < g.number.value <= 1
        share = share and want.number.value > 1
        if share and _same_share(g.number.value, want.number.value) or (
            g.unit and g.unit != unit
            and same_after_rounding(g.number.value, g.unit, want.number.value, unit)
        ):
            given[i] = g._replace(number=g.number._replace(value=want.number.value), unit=unit)
            return given[i]
    return None


def judge_figure(answer: str, expected: str, evidence: str) -> Verdict | None:
    """Judge a typed figure against the expected one; None when `expected` has no number."""
    wanted = list(_expected_quantities(expected))
    if not wanted:
        return None
    in_evidence, owners = evidence_quantities(evidence)
    shown = expected.strip()
    required = [q for q in wanted if not q.number.is_year] or wanted
    typed, answer = answer, spoken(typed_digits(answer))
    if any(q.unit == "%" for q in required):
        answer = per_hundred(answer)
    given = find_quantities(answer)
    if not given:
        return wrong(f"Give a figure: the article says {expected.strip()}.")
    if _DENIAL.search(answer):
        return wrong(f"Your answer denies the figure; the article says {expected.strip()}.")
    pairs = []
    for want in required:
        match = next((g for g in given if _same(g.number.value, want.number.value)), None)
        if match is None:
            match = _converted(want, given, in_evidence, has_fraction(typed))
        if match is not None:
            pairs.append((*_reference(want, in_evidence), match))
    if not pairs:
        if any(_same(g.number.value, e.number.value) for g in given for e in in_evidence):
            return wrong(f"That figure is about something else; the article says {shown}.")
        return wrong(f"The article says {expected.strip()}.")
    span = next(
        ((e.number.start, e.number.end) for e in in_evidence
         if _same(e.number.value, pairs[0][0].number.value)), None
    )
    years = [e.number.value for e in in_evidence if e.number.is_year]
    for g in given:
        if any(_same(g.number.value, w.number.value) for w in wanted) or g.number.ordinal:
            continue
        if g.number.is_year and any(_same(g.number.value, v) for v in years):
            continue
        if g.number.word and g.number.value == 1:
            continue
        if _context(g, wanted, in_evidence) or _total(g, answer, in_evidence):
            continue
        return wrong("Your answer adds another figure, which is not the one asked for.", 0.0, span)
    for want, known, match in pairs:
        owned = _owned(evidence, want.number.value)
        if match.number.qualifier == "le" and want.number.qualifier is None and _may(
            evidence, want.number.value
        ):
            match = match._replace(number=match.number._replace(qualifier=None))
        fault = (
            _fault(want, match, owners, owned, known)
            or counted_fault(match.nouns, want.nouns, owned)
            or direction_fault(answer, owned | _lead_in(evidence, want.number.value))
        )
        if fault:
            return wrong(fault, 0.5, span)
    added = added_name(answer, evidence, UNIT_WORDS)
    if added:
        return wrong(added, 0.5, span)
    if len(pairs) < len(required):
        return near_miss(
            f"Partly right: the article says {shown}.", len(pairs) / len(required), span
        )
    return right("Correct.", span)
