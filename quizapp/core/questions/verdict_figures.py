"""Checks that a figure changed in a verdict statement still reads and truly differs: a year for
a year, a whole count for a whole count, one shape for another ("20 to 25" only for a range), no
"65 of the 27", no share above 100 per cent, a difference of more than a quarter."""

from __future__ import annotations

import re

from quizapp.core.claims.figures import Figure

__all__ = ["differs", "fits", "reads", "same_shape", "share_fits", "year"]


def year(number_text: str) -> bool:
    """Tell whether a number is written like a year ("2008", not "2,008")."""
    return bool(re.fullmatch(r"(?:1[89]|20)\d\d", number_text))


def fits(figure: Figure, other: Figure) -> bool:
    """Tell whether another figure can stand in a figure's place and still read: a year for a
    year, a whole count for a whole count, digits for digits, never 1 for a plural."""
    if year(figure.number_text) != year(other.number_text):
        return False
    if (figure.value == int(figure.value)) != (other.value == int(other.value)):
        return False
    if not figure.number_text[0].isdigit() and other.value != int(other.value):
        return False
    return not (other.value == 1 and figure.value != 1)


_PAIR = re.compile(r"\bbetween\s+(?P<a>\d[\d,.]*)\D{0,12}?\s+and\s+(?P<b>\d[\d,.]*)"
                   r"|(?<![\d,.])(?P<c>\d[\d,.]*)\s+of\s+(?:the\s+|its\s+|their\s+)?"
                   r"(?P<d>\d[\d,.]*)", re.I)


def reads(changed: str, content: str, figure: Figure) -> bool:
    """Tell whether a changed statement still makes sense: no "65 of the 27", no "between 30
    and 22", no number cut from a fraction word ("half a million")."""
    at = content.find(figure.number_text)
    if re.search(r"\b(?:half|quarter|third|fifth|tenth)s?\s+$", content[:at], re.I):
        return False
    if any(int(m.group(1)) > 31 or int(m.group(1)) == 0 for m in _DAY.finditer(changed)):
        return False  # no "January 38": a day of a month changed to a count
    for m in _PAIR.finditer(changed):
        low, high = (m.group("a"), m.group("b")) if m.group("a") else (m.group("c"), m.group("d"))
        try:
            a, b = (float(x.replace(",", "").rstrip(".")) for x in (low, high))
        except ValueError:
            continue
        if a > b or (a == b and m.group("a")):
            return False
    return True


_DAY = re.compile(r"\b(?:January|February|March|April|May|June|July|August|September|October|"
                  r"November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?\s+(\d{1,2})"
                  r"\b(?![,.]?\d)")
#: A fraction in a number, as share prices are written: "35 1/4", "5-5/16", "2¾".
_FRACTION = re.compile(r"\d/\d|[½¼¾]")


def same_shape(figure: Figure, other: Figure) -> bool:
    """Tell whether two figures are both single numbers, or both ranges written alike: no
    "more than 20 to 25 seconds", no "between 100 to 200 people"."""
    if (figure.high is None) != (other.high is None):
        return False
    joint = re.compile(r"\s(and|to|or)\s|[-–]")
    mine, theirs = joint.search(figure.number_text), joint.search(other.number_text)
    if bool(_FRACTION.search(figure.number_text)) != bool(_FRACTION.search(other.number_text)):
        return False  # never "unleaded at 35 1/4p": two ways of writing prices
    return (mine and mine.group()) == (theirs and theirs.group())


def share_fits(figure: Figure, other: Figure) -> bool:
    """Tell whether a replacing share stays a share: no "more than 100 per cent received"."""
    return not (is_share(figure) and figure.value <= 100 and other.value > 100)


def is_share(figure: Figure) -> bool:
    """Tell whether a figure is a share of a whole ("61%", "94% of voters", "12 per cent")."""
    return figure.unit in ("per cent", "%", "percent") or figure.topic == "share" or bool(
        re.search(r"%|\bper\s?cent\b|\bpercent\b", figure.text))


def differs(a: float, b: float) -> bool:
    """Tell whether two values differ by more than a quarter of the larger one."""
    return abs(a - b) > 0.25 * max(abs(a), abs(b)) and min(a, b) > 0 and max(a, b) < 4 * min(a, b)


