"""Dates given as a description: "Christmas Eve", "two days before Christmas", "Boxing Day".

A described date is rewritten as the date it names ("December 23") before the date is judged.
"""

from __future__ import annotations

import datetime
import re

from quizapp.core.text.numbers import parse_number

#: Holidays on a fixed day of the year, as English news names them.
HOLIDAYS = {
    "christmas eve": (12, 24), "christmas day": (12, 25), "christmas": (12, 25), "xmas": (12, 25),
    "boxing day": (12, 26), "new year's eve": (12, 31), "new years eve": (12, 31),
    "hogmanay": (12, 31), "new year's day": (1, 1), "new years day": (1, 1),
    "valentine's day": (2, 14), "valentines day": (2, 14), "st valentine's day": (2, 14),
    "st patrick's day": (3, 17), "saint patrick's day": (3, 17), "may day": (5, 1),
    "independence day": (7, 4), "fourth of july": (7, 4), "the fourth of july": (7, 4),
    "bastille day": (7, 14), "halloween": (10, 31), "all saints' day": (11, 1),
    "guy fawkes night": (11, 5), "bonfire night": (11, 5), "armistice day": (11, 11),
    "remembrance day": (11, 11), "veterans day": (11, 11), "epiphany": (1, 6),
    "international women's day": (3, 8), "april fools' day": (4, 1), "april fool's day": (4, 1),
    "christmas morning": (12, 25),
}
_MONTH_NAMES = (
    "January February March April May June July August September October November December"
).split()
_NAMES = "|".join(re.escape(n) for n in sorted(HOLIDAYS, key=len, reverse=True))
_HOLIDAY = re.compile(r"(?<![\w'])(?:the\s+)?(?P<name>" + _NAMES + r")(?![\w'])", re.IGNORECASE)
_OFFSET = re.compile(
    r"(?:the\s+(?P<one>day|week)|(?P<eve>the\s+eve)|(?P<n>[\w-]+)\s+(?P<unit>days?|weeks?))\s+"
    r"(?P<way>before|after|ahead\s+of|prior\s+to|of)\s+(?P<base>.+)$",
    re.IGNORECASE,
)


def _shift(month: int, day: int, days: int) -> tuple[int, int]:
    """Move a month and day by a number of days (in a leap-free year)."""
    moved = datetime.date(2001, month, day) + datetime.timedelta(days=days)
    return moved.month, moved.day


def _holiday(text: str) -> tuple[int, int] | None:
    m = _HOLIDAY.fullmatch(text.strip(" .,").replace("\u2019", "'"))
    return HOLIDAYS[m.group("name").lower()] if m else None


def described_date(text: str) -> str | None:
    """Return the date a description names ("December 23"), or None when it names none."""
    low = text.strip(" .,").replace("\u2019", "'")
    base = _holiday(low)
    if base is not None:
        return f"{_MONTH_NAMES[base[0] - 1]} {base[1]}"
    m = _OFFSET.search(low)
    if m is None:
        return None
    base = _holiday(m.group("base"))
    if base is None:
        return None
    if m.group("eve"):
        if m.group("way").lower() != "of":
            return None
        days = -1
    else:
        if m.group("way").lower() == "of":
            return None
        word = "one" if m.group("one") or m.group("n").lower() in ("a", "an") else m.group("n")
        count = parse_number(word)
        if count is None or count != int(count) or not 0 < count < 60:
            return None
        size = 7 if (m.group("unit") or m.group("one") or "").lower().startswith("week") else 1
        days = int(count) * size
        if m.group("way").lower() not in ("after",):
            days = -days
    month, day = _shift(*base, days)
    return f"{_MONTH_NAMES[month - 1]} {day}"
