"""Judge a race or clock time: "2:03:05", "2 hours 3 minutes 5 seconds", "2h 3m 5s", "2:03.05".

The parts of a time keep their order: "2:05:03" is not "2:03:05".
"""

from __future__ import annotations

import re
from functools import lru_cache

from quizapp.core.scoring.verdict import Verdict, near_miss, right, wrong
from quizapp.core.text.normalise import clean

#: "2:03:05", "2:03:05.4", "59:40", "10:30"; also "2:03.05", a time typed with a full stop.
_COLON = re.compile(
    r"(?<![\d:.])(\d{1,2}):(\d{2})(?:([:.])(\d{2}))?(?:\.(\d{1,3}))?(?![\d:])"
)
#: "2.03.05": hours, minutes and seconds typed with full stops (read only for a three-part key).
_DOTTED = re.compile(r"(?<![\d:.])(\d{1,2})\.(\d{2})\.(\d{2})(?![\d:]|\.\d)")
_PART = {
    "h": 3600, "hr": 3600, "hrs": 3600, "hour": 3600, "hours": 3600,
    "m": 60, "min": 60, "mins": 60, "minute": 60, "minutes": 60,
    "s": 1, "sec": 1, "secs": 1, "second": 1, "seconds": 1,
}
_WORDED = re.compile(
    r"(?<![\w.])(\d{1,3}(?:\.\d+)?)\s*(" + "|".join(sorted(_PART, key=len, reverse=True))
    + r")\b\s*(?:(?:,|and)\s*)?",
    re.IGNORECASE,
)


def _colon_readings(m: re.Match[str], hours_known: bool) -> set[float]:
    """Return the seconds a colon time can mean: h:mm:ss, or h:mm or m:ss for two parts."""
    a, b, sep, c, frac = m.groups()
    tail = float(f"0.{frac}") if frac else 0.0
    if c is not None and (sep == ":" or hours_known):
        return {int(a) * 3600 + int(b) * 60 + int(c) + tail}
    if c is not None:  # "2:03.05": minutes, seconds and hundredths
        return {int(a) * 60 + int(b) + int(c) / 100}
    return {int(a) * 3600 + int(b) * 60 + tail, int(a) * 60 + int(b) + tail}


def _worded(text: str) -> set[float]:
    """Return the seconds of a time written with unit words ("2 hours 3 minutes 5 seconds")."""
    found, total, last_end, last_size = set(), 0.0, None, None
    for m in _WORDED.finditer(text):
        size = _PART[m.group(2).lower()]
        if last_end is not None and (m.start() != last_end or size >= last_size):
            found.add(total)
            total = 0.0
        total += float(m.group(1)) * size
        last_end, last_size = m.end(), size
    if last_end is not None:
        found.add(total)
    return found


@lru_cache(maxsize=2048)
def expected_time(expected: str) -> tuple[frozenset[float], int] | None:
    """Return the seconds an expected time means and its number of parts, or None."""
    text = clean(expected)
    m = _COLON.search(text)
    if m:
        return frozenset(_colon_readings(m, True)), 3 if m.group(4) else 2
    worded = [m for m in _WORDED.finditer(text)]
    if len(worded) >= 2:
        return frozenset(_worded(text)), len(worded)
    return None


def judge_time(answer: str, expected: str) -> Verdict | None:
    """Judge a typed time against an expected one; None when `expected` is no time."""
    want = expected_time(expected)
    if want is None:
        return None
    values, parts = want
    text = clean(answer)
    given: set[float] = set()
    for m in _COLON.finditer(text):
        given |= _colon_readings(m, parts == 3)
    if parts == 3:
        given |= {int(h) * 3600 + int(m) * 60 + int(sec) for h, m, sec in _DOTTED.findall(text)}
    given |= _worded(text)
    shown = expected.strip()
    if not given:
        return wrong(f"Give the time: the article says {shown}.")
    if any(abs(g - v) < 1e-6 for g in given for v in values):
        return right()
    if parts == 3 and any(abs(g - v) < 60 and g % 60 == 0 for g in given for v in values):
        return near_miss(f"Not precise enough: the article says {shown}.", 0.5)
    return wrong(f"The article says {shown}.")
