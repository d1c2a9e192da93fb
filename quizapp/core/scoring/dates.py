"""Judge a typed date: "June 17", "17 June", "17/6", "Jun. 17", "2025-06-17", "March 2025"."""

from __future__ import annotations

import datetime
import re
from functools import lru_cache
from typing import NamedTuple

from quizapp.core.scoring.holidays import described_date
from quizapp.core.scoring.verdict import Verdict, near_miss, right, wrong
from quizapp.core.text.normalise import clean

_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12, "jan": 1,
    "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10,
    "nov": 11, "dec": 12,
}
_WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6, "mon": 0, "tue": 1, "tues": 1, "wed": 2, "weds": 2, "thu": 3, "thur": 3,
    "thurs": 3, "fri": 4, "sat": 5, "sun": 6,
}
_WEEKDAY_NAMES = "|".join(sorted(_WEEKDAYS, key=len, reverse=True))
_MAYBE_DATE = re.compile(
    r"\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun", re.I
)
_DENIAL = re.compile(r"\b(?:not|never)\b|n't\b", re.IGNORECASE)
#: "last Tuesday" and "next Tuesday" are different days.
_RELATIVE = re.compile(
    r"\b(?P<rel>last|past|previous|next|coming|following)\s+"
    r"(?=(?:mon|tue|wed|thu|fri|sat|sun|week|month|year|spring|summer|autumn|fall|winter))",
    re.IGNORECASE,
)
_BACKWARD = {"last", "past", "previous"}
_MON = r"(?P<mon>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\b\.?"
_WD = r"(?:(?P<wd>" + _WEEKDAY_NAMES + r")\b\.?,?\s+(?:the\s+)?)?"
_DAY = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\b"
_YEAR = r"(?:,?\s+(?P<y>(?:1[5-9]|20)\d\d)\b)?"
_DATE = re.compile(
    r"\b(?:"
    r"(?P<iso>(?P<iy>\d{4})-(?P<im>\d{1,2})-(?P<id>\d{1,2}))\b"
    r"|(?P<mnum>(?P<mm>\d{1,2})/(?P<mmy>\d{4}))\b"
    r"|(?P<num>(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?:(?P=sep)(?P<c>\d{4}|\d{2}))?)"
    r"(?![\d.]*\d)"
    r"|(?P<dmy>" + _WD + _DAY + r"\s+(?:of\s+)?" + _MON + _YEAR + r")"
    r"|(?P<mdy>" + _WD.replace("wd", "wd2") + _MON.replace("mon", "mon2") + r"\s+(?:the\s+)?"
    + _DAY.replace("<d>", "<d2>") + _YEAR.replace("<y>", "<y2>") + r")"
    r"|(?P<my>" + _MON.replace("mon", "mon3") + r",?\s+(?:of\s+)?(?P<y3>(?:1[5-9]|20)\d\d)\b)"
    r"|(?P<m>" + _MON.replace("mon", "mon4") + r")"
    r"|(?P<y4>(?:1[5-9]|20)\d\d)\b(?!s|')"
    r"|(?P<wd4>" + _WEEKDAY_NAMES + r")\b\.?"
    r")",
    re.IGNORECASE,
)


_DAY_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30,
}
#: "the sixth of February", "February the twenty-first": a day written as an ordinal word.
_DAY_WORD = re.compile(
    r"\b(?:(?P<tens>twenty|thirty)[- ])?(?P<unit>" + "|".join(_DAY_WORDS) + r")\b"
    r"(?=\s+(?:of\s+)?" + _MON.replace("(?P<mon>", "(?:") + r")"
    r"|(?<=[a-z] the )(?:(?P<tens2>twenty|thirty)[- ])?(?P<unit2>" + "|".join(_DAY_WORDS) + r")\b",
    re.IGNORECASE,
)


def _day_digits(m: re.Match[str]) -> str:
    """Return an ordinal day word as digits ("twenty-first" -> "21")."""
    tens, unit = m.group("tens") or m.group("tens2"), m.group("unit") or m.group("unit2")
    value = _DAY_WORDS[unit.lower()] + (20 if (tens or "").lower() == "twenty" else 0)
    value += 30 if (tens or "").lower() == "thirty" else 0
    return str(value) if value <= 31 else m.group()


def day_words(text: str) -> str:
    """Rewrite days written as ordinal words as digits ("the sixth of June" -> "the 6 of June")."""
    return _DAY_WORD.sub(_day_digits, text)


class DateReading(NamedTuple):
    """One reading of a date mention; unknown fields are None."""

    year: int | None
    month: int | None
    day: int | None
    weekday: int | None


class DateMention(NamedTuple):
    """A date in text: its possible readings ("5/6" has two) and its span."""

    readings: tuple[DateReading, ...]
    start: int
    end: int


def _reading(y: str | None, m: int | None, d: str | None, wd: str | None) -> DateReading | None:
    """Build a reading, or None when the day or month is impossible."""
    day = int(d) if d else None
    year = int(y) if y else None
    if year is not None and year < 100:
        year += 2000
    if (m is not None and not 1 <= m <= 12) or (day is not None and not 1 <= day <= 31):
        return None
    return DateReading(year, m, day, _WEEKDAYS[wd.lower()] if wd else None)


def _readings(m: re.Match[str], text: str) -> list[DateReading | None]:
    """Return the readings of one regex match."""
    g = m.groupdict()
    if g["iso"]:
        return [_reading(g["iy"], int(g["im"]), g["id"], None)]
    if g["mnum"]:
        return [_reading(g["mmy"], int(g["mm"]), None, None)]
    if g["num"]:
        if g["sep"] == "." and not g["c"]:
            return []  # "3.2" is a decimal, not a date
        a, b = int(g["a"]), int(g["b"])
        return [_reading(g["c"], b, g["a"], None), _reading(g["c"], a, g["b"], None)]
    if g["dmy"]:
        return [_reading(g["y"], _MONTHS[g["mon"].lower()], g["d"], g["wd"])]
    if g["mdy"]:
        return [_reading(g["y2"], _MONTHS[g["mon2"].lower()], g["d2"], g["wd2"])]
    if g["my"]:
        return [_reading(g["y3"], _MONTHS[g["mon3"].lower()], None, None)]
    if g["m"]:
        word = g["m"]
        # A bare month name must look like one: "May", not the verb "may"
        if not word[0].isupper() and text.strip(" .,") != word.strip("."):
            return []
        return [_reading(None, _MONTHS[word.lower().rstrip(".")], None, None)]
    if g["y4"]:
        return [_reading(g["y4"], None, None, None)]
    day = g["wd4"]
    # A short weekday must look like one: "Sat." or "Tues", not the verb "sat" or "The Sun"
    dotted = m.group().endswith(".") or len(day) == 4 and day[0].isupper()
    if len(day) < 6 and not dotted and text.strip(" .,").lower() != day.lower():
        return []
    return [_reading(None, None, None, day)]


def find_dates(text: str) -> list[DateMention]:
    """Find the dates in text, each with every reading it allows."""
    found: list[DateMention] = []
    if not _MAYBE_DATE.search(text):
        return found
    cleaned = clean(text)
    for m in _DATE.finditer(cleaned):
        readings = tuple(dict.fromkeys(r for r in _readings(m, cleaned) if r is not None))
        if readings:
            found.append(DateMention(readings, m.start(), m.end()))
    return found


@lru_cache(maxsize=2048)
def evidence_dates(evidence: str) -> tuple[DateMention, ...]:
    """Return the dates of an evidence text (cached)."""
    return tuple(find_dates(evidence))


def _weekday(r: DateReading) -> int | None:
    """Return the weekday a full date falls on, or None."""
    if r.year is None or r.month is None or r.day is None:
        return None
    try:
        return datetime.date(r.year, r.month, r.day).weekday()
    except ValueError:
        return None


def _compare(want: DateReading, given: DateReading) -> float:
    """Score a given reading against the wanted one: 1 right, 0 conflict, between: incomplete."""
    for a, b in ((want.year, given.year), (want.month, given.month), (want.day, given.day)):
        if a is not None and b is not None and a != b:
            return 0.0
    if given.weekday is not None:
        known = want.weekday if want.weekday is not None else _weekday(want)
        if known is None and want.month is not None and given.year is not None:
            known = _weekday(DateReading(given.year, want.month, want.day, None))
        if known is not None and known != given.weekday:
            return 0.0
    missing = sum(
        1
        for a, b in ((want.month, given.month), (want.day, given.day))
        if a is not None and b is None
    )
    if want.month is None and want.day is None and want.year is not None and given.year is None:
        missing += 1
    if want.weekday is not None and want.month is None and given.weekday is None:
        missing += 1
    return 1.0 if missing == 0 else 0.5 / missing


def judge_date(answer: str, expected: str, evidence: str) -> Verdict | None:
    """Judge a typed date against the expected one; None when `expected` holds no date."""
    wanted = find_dates(expected)
    if not wanted:
        return None
    span = None
    for mention in evidence_dates(evidence):
        if any(_compare(w, r) == 1.0 for w in wanted[0].readings for r in mention.readings):
            span = (mention.start, mention.end)
            break
    given = find_dates(day_words(answer))
    if not given:
        described = described_date(answer)
        given = find_dates(described) if described else []
    if _DENIAL.search(answer):
        return wrong(f"Your answer denies the date; the article says {expected.strip()}.")
    if not given:
        return wrong(f"Give a date: the article says {expected.strip()}.")
    want_way = _way(expected) or (_way(evidence[max(0, span[0] - 12) : span[1]]) if span else None)
    given_way = _way(answer)
    if want_way and given_way and want_way != given_way:
        return wrong(f"Wrong date: the article says {expected.strip()}.", 0.0, span)
    scores = [
        max(_compare(w, r) for want in wanted for w in want.readings for r in g.readings)
        for g in given
    ]
    if min(scores) == 0.0:
        if max(scores) == 1.0:
            return wrong("Your answer adds another date, which is not the one asked for.", 0, span)
        return wrong(f"Wrong date: the article says {expected.strip()}.", 0.0, span)
    if max(scores) < 1.0:
        return near_miss(
            f"Not precise enough: the article says {expected.strip()}.", max(scores), span
        )
    return right("Correct.", span)


def _way(text: str) -> str | None:
    """Return "back" for "last Tuesday", "ahead" for "next Tuesday", or None."""
    m = _RELATIVE.search(clean(text))
    if m is None:
        return None
    return "back" if m.group("rel").lower() in _BACKWARD else "ahead"
