"""Date mentions in news sentences, absolute ("June 17, 2024") and relative ("last year")."""

from __future__ import annotations

import re
from dataclasses import dataclass

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|" \
    r"December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)(?![a-z])"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_SEASON = r"(?:spring|summer|autumn|fall|winter)"
_PREP = r"(?:in|since|by|until|till|from|through|during|before|after|as early as|as late as|" \
    r"early|late|mid-|last|next|this|of)"

_ABSOLUTE = [
    # Wednesday, June 19, 2024 / June 19, 2024 / June 19
    rf"(?:{_WEEKDAY},?\s+)?(?P<m1>{_MONTH})\s*(?P<d1>{_DAY})(?:,?\s+(?P<y1>{_YEAR}))?(?![\w])",
    # 19 June 2024 / 19 June
    rf"(?:{_WEEKDAY},?\s+)?(?P<d2>{_DAY})\s+(?:of\s+)?(?P<m2>{_MONTH})(?:,?\s+(?P<y2>{_YEAR}))?(?![\w])",
    # March 2025
    rf"(?P<m3>{_MONTH})\s+(?P<y3>{_YEAR})(?![\w])",
    # 2024-06-17
    r"(?P<iso>(?:19|20)\d\d-[01]\d-[0-3]\d)(?![\w])",
]
_RELATIVE = [
    rf"(?:last|next|this|earlier this|later this|early this|late last|earlier last)\s+"
    rf"(?:year|month|week|weekend|{_SEASON}|{_WEEKDAY}|decade|century)",
    r"(?:yesterday|today|tomorrow)",
    rf"(?:on|last|next|this|since|by|until)\s+{_WEEKDAY}(?!s\b)",
    rf"(?:in|since|by|until|from|through|during|early|late|mid-|as early as)\s*"
    rf"(?:{_MONTH}|{_SEASON})"
    rf"(?![\s,]*\d)(?:\s+or\s+{_MONTH}(?![\s,]*\d))?",
    r"(?:\d+|a|one|two|three|four|five|six|seven|eight|nine|ten|several|a few)\s+"
    r"(?:days|weeks|months|years|decades)\s+ago",
    rf"(?:in|since|by|until|from|during|before|after|of)\s+(?:the\s+)?(?:{_YEAR}s?)",
    r"(?:the\s+)?(?:19|20)\d0s",
]
#: The letters a date can open with (above: a digit, a month or weekday, a relative word), tested
#: first so that the alternatives are tried at those places only.
_DATE_START = r"(?=[\dADFJMNOSTWabdefilmnostuy])"
DATE_RE = re.compile(
    _DATE_START + "(?:"
    + "|".join(f"(?:{p})" for p in _ABSOLUTE)
    + "|(?P<rel>" + "|".join(f"(?:{p})" for p in _RELATIVE) + "))",
)
_MAYBE_DATE = re.compile(
    r"\d|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun|"
    r"yesterday|today|tomorrow|last|next|this|since|early|late|mid|spring|summer|autumn|fall|"
    r"winter|earlier|later|in|by|until|from|through|during|as|on)",
    re.IGNORECASE,
)
#: A second quick test, of what every date pattern needs: a year's digits ("2024", "2024-06-17",
#: "the 1990s"), a month (each form starts with its three-letter abbreviation), a season,
#: "tomorrow", or a word containing "day" (weekdays, "today", "yesterday", "5 days ago") or
#: another period ("last year", "two weeks ago").
_DATE_WORD = re.compile(
    r"(?:1[89]|20)\d\d|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|day|tomorrow|spring|"
    r"summer|autumn|fall|winter|year|month|week|decade|century"
)
_LEADING_PREP = re.compile(rf"^(?:{_PREP})\s*", re.IGNORECASE)
_MAY_MODAL = re.compile(r"^May\s+(?:[12]\d|3[01]|[1-9])\b")


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date in a sentence: `text == source[start:end]`; `iso` when the date is absolute."""

    text: str
    start: int
    end: int
    iso: str | None
    relative: bool = False


def extract_dates(sentence: str, offset: int = 0, year: int | None = None,
                  month: int | None = None) -> list[DateMention]:
    """Return the dates of one sentence; `year` (and `month`, of the article's date) completes
    dates written without one: "December 1" in an article of April 2011 is December 2010 unless
    the sentence looks ahead ("will", "is due"), and "January 5" in a December article that looks
    ahead is next year's."""
    mentions: list[DateMention] = []
    if not _DATE_WORD.search(sentence) or not _MAYBE_DATE.search(sentence):
        return mentions
    for match in DATE_RE.finditer(sentence):
        text = match.group(0)
        if text.startswith("May") and not _MAY_MODAL.match(text) and not match.group("y3"):
            continue
        start = match.start()
        if match.group("rel"):
            lead = _LEADING_PREP.match(text)
            if lead and re.search(rf"{_MONTH}|\d{{4}}", text[lead.end() :]):
                start += lead.end()  # "since January": the date is "January"
            text = sentence[start : match.end()]
            iso = _year_iso(text)
            mentions.append(
                DateMention(text, offset + start, offset + match.end(), iso, iso is None)
            )
            continue
        mentions.append(DateMention(text, offset + start, offset + match.end(),
                                    _iso(match, _year_of(match, year, month, sentence)), False))
    return mentions


#: Words of a sentence that looks ahead, where a month after the article's is this year's.
_AHEAD = re.compile(r"\b(?:will|shall|would|is due|are due|due to|scheduled|planned|plans?|"
                    r"expected|set to|next|upcoming|coming|to be held|deadline)\b",
                    re.IGNORECASE)


def _year_of(match: re.Match[str], year: int | None, month: int | None,
             sentence: str) -> int | None:
    """Return the year a date without one most likely has, from the article's year and month."""
    if year is None or month is None or match.group("iso") or any(
            match.group(g) for g in ("y1", "y2", "y3")):
        return year
    month_text = match.group("m1") or match.group("m2") or match.group("m3")
    said = MONTHS[month_text.lower().rstrip(".")]
    ahead = _AHEAD.search(sentence) is not None
    if said - month > 2 and not ahead:
        return year - 1  # "was recaptured on December 1" in an April article: last December
    if month - said > 9 and ahead:
        return year + 1  # "the vote will be held on January 5" in a December article
    return year


def _year_iso(text: str) -> str | None:
    """Return the ISO year of a relative mention that names one ("in 2019"), or None."""
    found = re.search(r"\b((?:1[89]|20)\d\d)\b(?!s)", text)
    return found.group(1) if found else None


def _iso(match: re.Match[str], year: int | None) -> str | None:
    """Return the ISO form of an absolute date match, completing a missing year with `year`."""
    if match.group("iso"):
        return match.group("iso")
    month_text = match.group("m1") or match.group("m2") or match.group("m3")
    month = MONTHS[month_text.lower().rstrip(".")]
    day_text = match.group("d1") or match.group("d2")
    year_text = match.group("y1") or match.group("y2") or match.group("y3")
    y = int(year_text) if year_text else year
    if y is None:
        return None
    if not day_text:
        return f"{y:04d}-{month:02d}"
    day = int(re.sub(r"\D", "", day_text))
    return f"{y:04d}-{month:02d}-{day:02d}"
