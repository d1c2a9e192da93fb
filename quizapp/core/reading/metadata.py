"""Article metadata from text: dates, bylines, header lines and YAML front matter."""

from __future__ import annotations

import datetime as dt
import re

import yaml

MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4,
    "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11,
    "dec": 12, "december": 12,
}  # fmt: skip

#: Header keys (lower case) -> Source field.
FIELDS = {
    "title": "title", "headline": "title", "publisher": "publisher", "source": "publisher",
    "site": "publisher", "site_name": "publisher", "publication": "publisher",
    "outlet": "publisher", "author": "author", "authors": "author", "by": "author",
    "byline": "author", "writer": "author", "date": "date", "published": "date",
    "published_at": "date", "publication date": "date", "pubdate": "date", "url": "url",
    "link": "url", "canonical": "url", "canonical_url": "url", "source_url": "url",
}  # fmt: skip

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_DATE_PATTERNS = [
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]?\d)-(?P<day>[0-3]?\d)(?!\d)"),
    re.compile(rf"\b{_MONTH}\b\.?\s*{_DAY}\b(?:\s*[,\-\u2013\u2014/]\s*|\s+){_YEAR}\b", re.I),
    re.compile(rf"\b{_DAY}\s*(?:of\s+)?{_MONTH}\b\.?,?\s*{_YEAR}\b", re.I),
    re.compile(r"\b(?P<year>(?:19|20)\d\d)/(?P<month>[01]?\d)/(?P<day>[0-3]?\d)\b"),
    re.compile(r"\b(?P<a>[0-3]?\d)(?P<sep>[/.])(?P<b>[0-3]?\d)(?P=sep)(?P<year>(?:19|20)\d\d)\b"),
]
_DATE_NOISE = re.compile(
    r"\b(?:today|published|updated|last|first|posted|modified|on|at|date|time|"
    r"mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|urday|sday)?\b|"
    r"\bT?\d{1,2}(?::\d\d){1,2}(?:\.\d+)?Z?\s*(?:[ap]\.?m\.?)?|\b\d{1,2}\s*[ap]\.?m\.?|"
    r"(?-i:\b(?:[A-ZÀ-ÖØ-ÞĀ-Ž]{1,3}[SD]?T|UTC|GMT|Z)\b)|[+-]\d\d:?\d\d|[^\w\s]",
    re.I,
)
_NAME_WORD = r"[A-ZÀ-ÖØ-ÞĀ-Ž][\w'\u2019.-]*"
_BYLINE = re.compile(
    r"(?i:(?:written|reported|words|story|text|reporting|posted)\s+)?(?i:by)\s*:?\s+"
    rf"(?P<name>{_NAME_WORD}(?:\s+(?:{_NAME_WORD}|de|da|del|van|von|der|al|bin|and|&))*)"
)
#: Lower-case words that may follow the name in a byline ("in Kyiv", "5 min read").
_BYLINE_WORDS = frozenset(
    "in for of the and at min mins read ago hour hours minutes updated published staff "
    "reporter correspondent editor writer".split()
)
_HEADER_LINE = re.compile(r"(?P<key>[A-Za-z][A-Za-z _]{0,20}?)\s*:\s*(?P<value>\S.*)")
_FRONT_MATTER = re.compile(r"---[ \t]*\n(?P<body>.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|$)", re.S)
MAX_FRONT_MATTER = 20_000


def parse_date(value: str) -> str | None:
    """Return the first calendar date in `value` as ISO YYYY-MM-DD, or None."""
    for pattern in _DATE_PATTERNS:
        for match in pattern.finditer(value):
            iso = _iso(match)
            if iso:
                return iso
    return None


def _iso(match: re.Match[str]) -> str | None:
    """Turn a date match into ISO form, or None when it is no real date."""
    parts = match.groupdict()
    year = int(parts["year"])
    if parts.get("a"):
        first, second = int(parts["a"]), int(parts["b"])
        # 05/06/2024 is read month-first, 05.06.2024 day-first; a part over 12 settles it.
        day_first = parts["sep"] == "." or first > 12
        month, day = (second, first) if day_first else (first, second)
    else:
        raw = parts["month"].lower()
        month = MONTHS[raw] if raw in MONTHS else int(raw)
        day = int(parts["day"])
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def is_date_line(line: str) -> bool:
    """Tell whether a line holds a date and nothing but labels, times and zones."""
    if len(line) > 80 or not parse_date(line):
        return False
    rest = line
    for pattern in _DATE_PATTERNS:
        rest = pattern.sub(" ", rest)
    rest = _DATE_NOISE.sub(" ", rest)
    return not rest.split()


def parse_byline(line: str) -> str | None:
    """Return the author named by a byline such as "By Jane Doe | June 5, 2024", or None."""
    if len(line) > 120 or line.rstrip().endswith("."):
        return None
    match = _BYLINE.match(line)
    if not match:
        return None
    name = match.group("name").strip(" ,")
    words = name.split()
    rest = line[match.end() :]
    if not 1 <= len(words) <= 10 or words[-1].lower() in {"and", "&"}:
        return None
    if len(words) == 1 and rest.strip():
        return None
    for piece in re.split(r"[|\u2022\u00b7,\u2013\u2014]|\s-\s", rest):
        if is_date_line(piece.strip()):
            continue
        piece_words = piece.split()
        if len(piece_words) > 4 or any(
            w[0].islower() and w.lower() not in _BYLINE_WORDS for w in piece_words
        ):
            return None
    return name


def header_fields(text: str) -> tuple[dict[str, str], str]:
    """Split YAML front matter or leading `Key: value` lines off `text`: (fields, rest)."""
    match = _FRONT_MATTER.match(text)
    if match and match.end() <= MAX_FRONT_MATTER:
        fields = _front_matter(match.group("body") or "")
        if fields is not None:
            return fields, text[match.end() :]
    fields: dict[str, str] = {}
    lines = text.split("\n")
    taken = 0
    for line in lines:
        head = _HEADER_LINE.fullmatch(line.strip())
        key = head.group("key").strip().lower() if head else ""
        if key not in FIELDS:
            break
        fields.setdefault(FIELDS[key], head.group("value").strip())
        taken += 1
    if not fields:
        return {}, text
    return fields, "\n".join(lines[taken:])


def _front_matter(body: str) -> dict[str, str] | None:
    """Read the known scalar fields of a YAML mapping block; None when it is no mapping."""
    try:
        data = yaml.safe_load(body)
    except yaml.YAMLError:
        return None
    if not isinstance(data, dict):
        return None
    fields: dict[str, str] = {}
    for key, value in data.items():
        name = FIELDS.get(str(key).strip().lower())
        if name and name not in fields:
            text = _scalar(value)
            if text:
                fields[name] = text
    return fields


def _scalar(value: object) -> str | None:
    """Render a YAML value as a string when it is a scalar or a short list of scalars."""
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()[:10]
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        return str(value).strip() or None
    if isinstance(value, list) and 0 < len(value) <= 10:
        items = [_scalar(item) for item in value if not isinstance(item, list | dict)]
        return ", ".join(item for item in items if item) or None
    if isinstance(value, dict):
        return _scalar(value.get("name"))
    return None
