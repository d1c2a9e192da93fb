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
    r"\b(?P<whole>\w+(?:-\w+)?) point (?P<frac>(?:(?:" + "|".join(_DIGIT_WORDS) + r")\b ?)+)", re.I
)


_VULGAR = {"\u00bc": 1 / 4, "\u00bd": 1 / 2, "\u00be": 3 / 4, "\u2153": 1 / 3, "\u2154": 2 / 3,
           "\u2155": 1 / 5, "\u215b": 1 / 8, "\u2159": 1 / 6, "\u2150": 1 / 7, "\u2151": 1 / 9,
           "\u2152": 1 / 10}
_VULGAR_RE = re.compile(r"(\d*)\s?([" + "".join(_VULGAR) + "])")
#: "8-1/3", "8 1/3", "7/10": a whole number and a fraction, or a fraction alone.
_SLASHED = re.compile(r"(?<![\d/.,])(?:(\d{1,4})[- ])?(\d{1,2})/(\d{1,3})(?![\d/])")
_PARTS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
          "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "eighth": 8, "eighths": 8,
          "tenth": 10, "tenths": 10}
_COUNTS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
           "eight": 8, "nine": 9}
_PART_WORDS = re.compile(
    r"\b(" + "|".join(_COUNTS) + r")[- ](" + "|".join(_PARTS) + r")\b", re.IGNORECASE
)


#: "a third", "one fifth": one part; "one in four", "1 in 5": a share.
_ONE_PART = re.compile(r"\b(?:a|one)[- ](third|fifth|sixth|eighth|tenth)\b", re.IGNORECASE)
_ONE_IN = re.compile(
    r"\b(?:one|1) in (two|three|four|five|six|seven|eight|nine|ten|\d{1,3})\b", re.IGNORECASE
)
_TEN_WORDS = {"ten": 10, **_COUNTS}
#: "an hour and a half", "half an hour": durations people say rather than write as digits.
_UNIT_AND_HALF = re.compile(
    r"\b(?:an?|one) (hour|day|week|month|year|mile|minute)s? and a half\b", re.IGNORECASE
)
_HALF_AN = re.compile(r"\bhalf an? (hour|day|week|month|year|mile|minute)\b", re.IGNORECASE)


def _digits(value: float) -> str:
    """Write a value as digits precise enough to compare ("8.333333333333")."""
    return f"{value:.12f}".rstrip("0").rstrip(".")


def _vulgar(m: re.Match[str]) -> str:
    return _digits(int(m.group(1) or 0) + _VULGAR[m.group(2)])


def _slashed(m: re.Match[str]) -> str:
    whole, top, bottom = m.group(1), int(m.group(2)), int(m.group(3))
    if bottom == 0 or top >= bottom:
        return m.group()  # "24/7", "9/11": not a fraction
    return _digits(int(whole or 0) + top / bottom)


def _parts(m: re.Match[str]) -> str:
    count, part = _COUNTS[m.group(1).lower()], _PARTS[m.group(2).lower()]
    if count >= part:
        return m.group()
    return _digits(count / part)


def _one_in(m: re.Match[str]) -> str:
    count = m.group(1).lower()
    whole = int(count) if count.isdigit() else _TEN_WORDS[count]
    return _digits(1 / whole) if whole > 1 else m.group()


def has_fraction(text: str) -> bool:
    """Say whether text writes a fraction ("7/10", "three-quarters", "½", "half", "a third")."""
    low = text.lower()
    return bool(
        _SLASHED.search(text) or _VULGAR_RE.search(text) or _PART_WORDS.search(text)
        or "half" in low or "quarter" in low or _ONE_PART.search(text) or _ONE_IN.search(text)
    )


def fractions(text: str) -> str:
    """Rewrite fractions as decimals ("1¼" -> "1.25", "8-1/3" -> "8.33..", "three-quarters")."""
    if "/" in text:
        text = _SLASHED.sub(_slashed, text)
    if not text.isascii():
        text = _VULGAR_RE.sub(_vulgar, text)
    if "th" in text or "al" in text or "ua" in text:
        text = _PART_WORDS.sub(_parts, text)
    if "half" in text:
        text = _UNIT_AND_HALF.sub(r"1.5 \1s", text)
        text = _HALF_AN.sub(r"0.5 \1s", text)
    if " in " in text:
        text = _ONE_IN.sub(_one_in, text)
    if "th" in text or "fifth" in text:
        text = _ONE_PART.sub(lambda m: _digits(1 / _PARTS[m.group(1).lower()]), text)
    return text


#: Digits grouped by spaces ("6 000", "6\u00a0000") and a decimal comma ("2,5%").
_SPACED = re.compile(
    r"(?<![\d.,])\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d.]|,\d{3}|\s?\d)"  # "1 234,5" too
)
_DECIMAL_COMMA = re.compile(r"(?<![\d,.])(\d+),(\d{1,2})(?![\d,])")


def typed_digits(text: str) -> str:
    """Rewrite numbers grouped by spaces or with a decimal comma the way the scanner reads them."""
    if " " in text or "\u00a0" in text or "\u202f" in text:
        text = _SPACED.sub(lambda m: re.sub(r"\D", "", m.group()), text)
    if "," in text:
        text = _DECIMAL_COMMA.sub(r"\1.\2", text)
    return text


_PER_HUNDRED = re.compile(r"\b(\d+(?:\.\d+)?) (?:out of|in|of every|per) (?:100|a hundred)\b", re.I)


def per_hundred(text: str) -> str:
    """Rewrite a count per hundred as a percentage ("80 out of 100" -> "80%")."""
    return _PER_HUNDRED.sub(r"\1%", text) if "100" in text or "hundred" in text else text


def spoken(text: str) -> str:
    """Rewrite spoken figures as digits ("twice" -> "2 times", "two point four" -> "2.4")."""
    text = fractions(text)
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

