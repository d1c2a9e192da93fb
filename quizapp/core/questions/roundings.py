"""A figure said as a round bound, so that a verdict asks for the figure to be read, not found by
matching words: "at least 14 rifles were seized" is Supported as "more than 10 rifles were
seized" and Contradicted as "more than 20 rifles were seized" (when 14 is exact or about 14).

Only a count, share or sum written in digits is said so, and only where "more than" reads in its
place: not after "the", "a", "only" or "No.", not inside a quotation, not in "14-year-old"."""

from __future__ import annotations

import math
import re
from collections.abc import Callable

from quizapp.core.claims.figures import Figure
from quizapp.core.questions.pointers import quote_free
from quizapp.core.questions.verdict_figures import is_share

#: Qualifiers a lower bound follows from: the figure itself, "at least", "more than".
_AT_LEAST = (None, "eq", "ge")  # not "more than 30,000" as "more than 20,000": the same words
# with a smaller number read as a distortion, though they follow
#: Qualifiers of a figure that a far higher bound contradicts.
_AT_MOST = (None, "eq", "le", "lt", "lt~", "approx")
_NUMERIC = re.compile(r"\d[\d,]*(?:\.\d+)?")
#: Words after which "more than" does not read: "the 14 rifles", "only 14", "No. 14".
#: Where a bound reads oddly: a deadline ("within 15 days") or a closing level ("closed the
#: session down 25 cents at $139"), and a direction verb that a flipped bound would garble.
_EXACT_BEFORE = re.compile(r"(?:\bwithin|\b(?:closed|ended|finished|settled|traded|opened|kept|"
                           r"keeps|held|holds|left|leaves|maintained|unchanged|steady|fixed|set)\b"
                           r"[^,;]{0,50}\bat)\s*$", re.I)  # "kept its rate unchanged at 5.25%"
_BEFORE = re.compile(r"(?:\b(?i:the|a|an|its|their|his|her|our|only|just|mere|some|nearly|"
                     r"almost|about|around|roughly|no|number|top|first|last|next|than|from|all|"
                     r"both|each|every|those|these|another|other|further|extra|additional|total|"
                     r"record|previous|latest|remaining|final|opening|closing|but|per)\.?"
                     r"|(?:(?<=\b[Aa]\s)|(?<=\b[Aa]n\s))[a-z]+|[-–/’'(]"
                     r"|[’']s|(?<=\S\s)[A-ZÀ-ÖØ-ÞĀ-Ž][\w.]*)\s*$")  # nor "Flight 14", "March 14",
# "a further 15", "all but 12", "a record 36 billion", "last year's 2.1%", "(£444 million)",
# "an initial 80 million", "a whopping 40%"
#: A figure moved to from another ("fell to 4.3% from 4.8%", "from 94.3% to 94.9%").
_TO_FROM = re.compile(r"\bto\s*$")
#: What may follow a figure that "more than" is put before: its counted noun (checked apart),
#: a preposition or verb, or the clause's end; not a noun it qualifies ("a $20 bill", "a 2%
#: increase") nor a conversion in brackets ("€800 million (£444 million)").
_FOLLOWS = re.compile(r"\s*(?:[.,;:!?)”\"’]|$)|\s+(?:in|of|to|from|for|on|at|by|with|a|an|per|"
                      r"and|or|than|was|were|is|are|has|have|had|will|would|could|may|might|"
                      r"since|after|before|over|under|more|less|each|this|last|so|as|year|"
                      r"years|ago|behind|ahead|up|down|higher|lower)\b")
_AFTER = re.compile(r"[-–/]\w|\s*(?:st|nd|rd|th)\b|\s+(?:to|and|or|-)\s+\d")


def lower_bound(statement: str, figure: Figure) -> str | None:
    """Return the statement with the figure said as a round number it exceeds ("more than 10"
    for "at least 14"), or None where that would not read or not follow."""
    if figure.qualifier not in _AT_LEAST:
        return None
    return _said_as(statement, figure, _round_below)


def higher_bound(statement: str, figure: Figure) -> str | None:
    """Return the statement with the figure said as more than a round number well above it
    ("more than 20" for 14, or for about 14), or None."""
    if figure.qualifier not in _AT_MOST:
        return None
    margin = 1.3 if figure.qualifier in (None, "eq", "le", "lt") else 1.5
    said = _said_as(statement, figure, lambda v, decimal: _round_above(v * margin, decimal))
    if said and is_share(figure) and (
            re.search(r"(?i:more than) (?:[1-9]\d{2,}|100)\b", said[statement.find(figure.text):]
                      if figure.text in statement else said)):
        return None  # "more than 200 per cent of the cancers": no share of a whole above all
    return said


def _said_as(statement: str, figure: Figure,
             bound_of: Callable[[float, bool], float | None]) -> str | None:
    """Return the statement with the figure's words replaced by "more than" a bound of the
    number as written (6.3 of "$6.3 billion", 63 of "£63m")."""
    if figure.high is not None or figure.topic in ("calibre", "age") or not (
            figure.noun or figure.unit) or not figure.number_text[0].isdigit():
        return None
    text = figure.text
    if statement.find(text) < 0:
        text = text[0].lower() + text[1:]  # "More than 1,200" mid-statement
    if statement.find(text) < 0:
        text = text[0].upper() + text[1:]  # "at least 21 people" opening the statement
    at = statement.find(text)
    if at < 0 or statement.count(text) != 1 or _BEFORE.search(statement[:at]) or (
            _AFTER.match(statement, at + len(text))) or _EXACT_BEFORE.search(statement[:at]):
        return None
    if not quote_free(statement)[at : at + len(text)].strip():
        return None  # a quotation stays the speaker's own words
    if _TO_FROM.search(statement[:at]) and " from " in statement:
        return None
    after = statement[at + len(text):]
    noun = (figure.noun or "").split()[:1]
    if not _FOLLOWS.match(after) and not (noun and re.findall(r"[\w’'-]+", after)[:1] == noun):
        return None
    core = text
    if figure.qualifier_text and core.lower().startswith(figure.qualifier_text.lower()):
        core = core[len(figure.qualifier_text):].lstrip()
    number = _NUMERIC.search(core)
    if number is None:
        return None
    decimal = "." in number.group()
    if decimal and float(number.group().replace(",", "")) < 100 and figure.topic not in (
            "money", "share") and "%" not in core and "cent" not in core:
        return None  # "a run of 9.58 seconds", "2.8C": a time or reading, not a count to bound
    bound = bound_of(float(number.group().replace(",", "")), decimal)
    if bound is None:
        return None
    written = _written(bound, number.group())
    new = f"more than {core[: number.start()]}{written}{core[number.end():]}"
    if at == 0:
        new = new[0].upper() + new[1:]
    return statement[:at] + new + statement[at + len(text):]


def _round_below(value: float, decimal: bool) -> float | None:
    """Return the roundest number below `value` and at least 70% of it ("more than 250,000"
    for 300,000: "more than 200,000" reads as a trick), or None."""
    return _roundest(value, decimal, below=True)


def _round_above(value: float, decimal: bool) -> float | None:
    """Return the roundest number at or above `value` (no more than twice it), or None."""
    return _roundest(value, decimal, below=False)


def _roundest(value: float, decimal: bool, below: bool) -> float | None:
    """Try steps of the value's magnitude, half of it and a tenth of it, roundest first."""
    if value <= 0 or (value < 10 and not decimal):
        return None
    magnitude = 10 ** math.floor(math.log10(value))
    for step in (magnitude, magnitude / 2, magnitude / 10):
        if below:
            bound = math.floor(value / step) * step
            bound -= step if bound >= value else 0
            if 0 < bound and bound >= 0.7 * value:
                return bound
        elif (bound := math.ceil(value / step) * step) <= 2 * value:
            return bound
    return None


def _written(bound: float, like: str) -> str:
    """Write a bound as the figure's digits are written (commas, decimals)."""
    if bound == int(bound):
        plain = re.fullmatch(r"\d{4,}", like) is not None  # the article writes "2000"
        return f"{int(bound):,}" if "," in like or (bound >= 1000 and not plain) else str(
            int(bound))
    return f"{bound:.{len(like.split('.')[-1]) if '.' in like else 1}f}".rstrip("0").rstrip(".")
