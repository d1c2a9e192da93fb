"""Judge a typed figure: value, qualifier, unit, currency, rate and the thing counted."""

from __future__ import annotations

import re

from quizapp.core.scoring.conversions import same_after_rounding, step
from quizapp.core.scoring.counted import added_name, counted_fault, direction_fault, noun_clash
from quizapp.core.scoring.quantities import (
    Quantity,
    evidence_quantities,
    expected_quantities,
    find_quantities,
    given_as_possible,
    lead_in_words,
    owned_words,
    same_number,
)
from quizapp.core.scoring.spoken import has_fraction, per_hundred, spoken, typed_digits
from quizapp.core.scoring.units import DURATIONS, UNIT_WORDS
from quizapp.core.scoring.verdict import Verdict, near_miss, right, wrong

_DENIAL = re.compile(r"\b(?:not|never|isn't|wasn't|n't)\b(?! (?:more|less|fewer|over|under))", re.I)
_UP, _DOWN = frozenset({"gt", "ge"}), frozenset({"lt", "le", "lt~"})
_SAYS = {"gt": "more than", "ge": "at least", "lt": "less than", "le": "up to", "lt~": "nearly",
         "eq": "exactly", "approx": "about"}


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
    return not same_unit or any(same_number(e.number.value, given.number.value) for e in same_unit)


_OUT_OF = re.compile(r"(?:\bof|\bout of|/|\bin)\s*(?:the\s+|a\s+|an\s+)?$", re.IGNORECASE)


def _total(given: Quantity, answer: str, evidence: tuple[Quantity, ...]) -> bool:
    """Say whether an extra number is the whole the article gives ("232 of 300")."""
    before = answer[: given.number.start]
    return _OUT_OF.search(before[-12:]) is not None and any(
        same_number(e.number.value, given.number.value) for e in evidence
    )


def _reference(want: Quantity, evidence: tuple[Quantity, ...]) -> tuple[Quantity, bool]:
    """Complete the expected quantity with its occurrence in the evidence; say if one was found."""
    for q in evidence:
        if same_number(q.number.value, want.number.value):
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
    wanted = list(expected_quantities(expected))
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
        match = next((g for g in given if same_number(g.number.value, want.number.value)), None)
        if match is None:
            match = _converted(want, given, in_evidence, has_fraction(typed))
        if match is not None:
            pairs.append((*_reference(want, in_evidence), match))
    if not pairs:
        if any(same_number(g.number.value, e.number.value) for g in given for e in in_evidence):
            return wrong(f"That figure is about something else; the article says {shown}.")
        return wrong(f"The article says {expected.strip()}.")
    span = next(
        ((e.number.start, e.number.end) for e in in_evidence
         if same_number(e.number.value, pairs[0][0].number.value)), None
    )
    years = [e.number.value for e in in_evidence if e.number.is_year]
    for g in given:
        if any(same_number(g.number.value, w.number.value) for w in wanted) or g.number.ordinal:
            continue
        if g.number.is_year and any(same_number(g.number.value, v) for v in years):
            continue
        if g.number.word and g.number.value == 1:
            continue
        if _context(g, wanted, in_evidence) or _total(g, answer, in_evidence):
            continue
        return wrong("Your answer adds another figure, which is not the one asked for.", 0.0, span)
    for want, known, match in pairs:
        owned = owned_words(evidence, want.number.value)
        if match.number.qualifier == "le" and want.number.qualifier is None and given_as_possible(
            evidence, want.number.value
        ):
            match = match._replace(number=match.number._replace(qualifier=None))
        fault = (
            _fault(want, match, owners, owned, known)
            or counted_fault(match.nouns, want.nouns, owned)
            or direction_fault(answer, owned | lead_in_words(evidence, want.number.value))
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
