"""Numbers as news prose writes them: digits, separators, words, scales and qualifiers."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from quizapp.core.text.normalise import clean

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
    "hundredth": 100, "thousandth": 1000,
}
SCALES = {
    "hundred": 100, "thousand": 1_000, "k": 1_000, "million": 1_000_000, "m": 1_000_000,
    "mn": 1_000_000, "mln": 1_000_000, "billion": 1_000_000_000, "bn": 1_000_000_000,
    "b": 1_000_000_000, "trillion": 1_000_000_000_000, "tn": 1_000_000_000_000,
    "trn": 1_000_000_000_000, "dozen": 12, "lakh": 100_000, "lakhs": 100_000,
    "crore": 10_000_000, "crores": 10_000_000,
}
_FRACTIONS = {"half": 0.5, "quarter": 0.25}

#: Qualifier phrase -> normalised relation. "over", "more than" ... all mean "gt".
QUALIFIERS = {
    "over": "gt", "more than": "gt", "above": "gt", "in excess of": "gt", "exceeding": "gt",
    "upwards of": "gt", "greater than": "gt", "just over": "gt", "well over": "gt",
    "at least": "ge", "no fewer than": "ge", "no less than": "ge", "a minimum of": "ge",
    "approximately": "approx", "around": "approx", "about": "approx", "roughly": "approx",
    "some": "approx", "an estimated": "approx", "estimated": "approx", "circa": "approx",
    "nearly": "lt~", "almost": "lt~", "close to": "lt~", "just under": "lt~",
    "just shy of": "lt~", "up to": "le", "as many as": "le", "at most": "le",
    "no more than": "le", "a maximum of": "le",
    "under": "lt", "fewer than": "lt", "less than": "lt", "below": "lt",
    "exactly": "eq", "precisely": "eq",
}

_DIGITS = re.compile(r"^[+-]?(?:\d{1,3}(?:[,\u202f\u00a0 ]\d{3})+|\d+)(?:\.\d+)?$")
_SEPARATORS = re.compile(r"[,\u202f\u00a0 ]")
_YEAR = re.compile(r"1[5-9]\d\d|20\d\d")
_GLUED_SCALE = re.compile(r"(\d)(k|m|mn|mln|bn|b|tn|trn)\b")
_WORD_BREAKS = re.compile(r"[\s-]+")
#: Number-scanning tokens: currency, digits with separators, words (km2, and labels such as
#: "Q4", "S6" or "G7", which are no numbers), any other mark.
_SCAN = re.compile(
    r"us\$|[$£€¥]|\d+(?:[,\u202f\u00a0]\d{3})*(?:\.\d+)?|[a-z]+\d*|\S", re.IGNORECASE
)
_WORDS = set(UNITS) | set(TENS) | set(ORDINALS) | set(SCALES) | set(_FRACTIONS)
_ADJACENT_SUFFIXES = {"k", "m", "mn", "mln", "b", "bn", "tn", "trn"}
_ORDINAL_SUFFIXES = {"st", "nd", "rd", "th"}
#: Scale abbreviations that may stand apart from their digits ("125 bn"), unlike "m" or "k".
_SPACED_SUFFIXES = {"bn", "mn", "mln", "tn", "trn"}
#: "a hundred", "a million": an article that starts a number.
_A_STARTS = frozenset({"dozen", "half", "quarter", "hundred", "thousand", "million", "billion"})


@dataclass(frozen=True)
class Number:
    """A parsed number phrase."""

    value: float
    qualifier: str | None = None  # normalised relation from QUALIFIERS, or None


class NumberMention(NamedTuple):
    """A number found in text: its value, qualifier, span and the scan tokens around it."""

    value: float
    qualifier: str | None
    start: int
    end: int
    first: int  # index of the first scan token of the number
    last: int  # index of the scan token after the number
    ordinal: bool = False
    is_year: bool = False
    word: bool = False  # written only in words ("twelve")


def _parse_words(tokens: list[str]) -> float | None:
    """Parse number words ("two thousand five hundred", "1.5 million", "a dozen") into a value."""
    total, current, seen = 0.0, 0.0, False
    for i, tok in enumerate(tokens):
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        if tok in ("and", "-"):
            continue
        if tok in ("a", "an"):
            if current == 0 and (nxt in SCALES or nxt in _FRACTIONS):
                current = 1.0 if nxt in SCALES else 0.0
            continue
        if _DIGITS.match(tok):
            current += float(_SEPARATORS.sub("", tok))
        elif tok in UNITS:
            current += UNITS[tok]
        elif tok in TENS:
            current += TENS[tok]
        elif tok in ORDINALS:
            current += ORDINALS[tok]
        elif tok in _FRACTIONS:
            current += _FRACTIONS[tok]
        elif tok in SCALES:
            scale = SCALES[tok]
            current = (current or 1) * scale
            if scale >= 1000:
                total, current = total + current, 0.0
        else:
            return None
        seen = True
    return total + current if seen else None


def parse_number(text: str) -> float | None:
    """Return the value of a number phrase ("6,000", "six thousand", "6k", "10m"), or None."""
    s = text.strip().lower().replace("\u2212", "-")
    if not s:
        return None
    if _DIGITS.match(s):
        return float(_SEPARATORS.sub("", s))
    s = _GLUED_SCALE.sub(r"\1 \2", s)
    tokens = [t for t in _WORD_BREAKS.split(s) if t]
    return _parse_words(tokens)


def split_qualifier(text: str) -> tuple[str | None, str]:
    """Split a leading qualifier ("more than 6,000") into (relation, rest)."""
    s = text.strip()
    low = s.lower()
    for phrase in sorted(QUALIFIERS, key=len, reverse=True):
        if low.startswith(phrase + " "):
            return QUALIFIERS[phrase], s[len(phrase) + 1 :].strip()
    return None, s


def scan(text: str) -> list[re.Match[str]]:
    """Split text into the tokens number finding works on (offsets index `text`)."""
    return list(_SCAN.finditer(clean(text)))


def _qualifier_before(words: list[str], i: int) -> str | None:
    """Return the relation of a qualifier phrase ending just before token i."""
    for size in (4, 3, 2, 1):
        if i - size >= 0:
            phrase = " ".join(words[i - size : i])
            if phrase in QUALIFIERS:
                return QUALIFIERS[phrase]
    return None


def _run_end(words: list[str], toks: list[re.Match[str]], i: int) -> int:
    """Return the index after the number run starting at token i."""
    j = i
    while j < len(words):
        w = words[j]
        if _DIGITS.match(w):
            if j > i and not words[j - 1].isalpha():
                break
        elif w in _ADJACENT_SUFFIXES or w in _ORDINAL_SUFFIXES:
            # "6k", "2.5m", "86th": a suffix only counts when glued to digits
            glued = toks[j].start() == toks[j - 1].end() or w in _SPACED_SUFFIXES
            if j == i or not glued or not words[j - 1][0].isdigit():
                break
            if w == "m" and not _m_means_million(words, toks, j):
                break
        elif w in ("and", "-", "a", "an"):
            if j == i and w in ("and", "-") or not _continues(words, j + 1):
                break
        elif w not in _WORDS:
            break
        j += 1
    return j


def _continues(words: list[str], k: int) -> bool:
    """Say whether a number run goes on at token k ("and a half", "-five")."""
    if k < len(words) and words[k] in ("a", "an"):
        k += 1
    return k < len(words) and words[k] in _WORDS and words[k] not in _ADJACENT_SUFFIXES


def _m_means_million(words: list[str], toks: list[re.Match[str]], j: int) -> bool:
    """Say whether "m" glued to digits means million ("£2.5m") rather than metres ("1,500m")."""
    digits = words[j - 1]
    money = j >= 2 and words[j - 2] in ("$", "£", "€", "¥", "us$")
    return money or "." in digits or float(_SEPARATORS.sub("", digits)) < 100


def _negative(toks: list[re.Match[str]], words: list[str], i: int) -> bool:
    """Say whether the number at token i carries a minus sign ("-5C", "minus 5"), not a range."""
    if i == 0:
        return False
    if words[i - 1] == "minus":
        return True
    glued = words[i - 1] == "-" and toks[i - 1].end() == toks[i].start()
    return glued and (i < 2 or toks[i - 2].end() < toks[i - 1].start())


def find_numbers(text: str) -> list[NumberMention]:
    """Find every number in text ("over 6,000", "2.5m", "a dozen", "tenth") with its span."""
    toks = scan(text)
    return find_numbers_in(toks, [t.group().lower() for t in toks])


def find_numbers_in(toks: list[re.Match[str]], words: list[str]) -> list[NumberMention]:
    """Find the numbers in already scanned tokens (`words` are their lowercase texts)."""
    found: list[NumberMention] = []
    i = 0
    while i < len(words):
        w = words[i]
        starts = w[0].isdigit() or (w in _WORDS and w not in SCALES and w not in _ADJACENT_SUFFIXES)
        if w in ("a", "an") and i + 1 < len(words) and words[i + 1] in _A_STARTS:
            starts = True
        if not starts or w in ("a", "an") and i + 1 >= len(words):
            i += 1
            continue
        j = _run_end(words, toks, i)
        while j > i + 1 and words[j - 1] in ("and", "-", "a", "an"):
            j -= 1
        run = [x for x in words[i:j] if x not in _ORDINAL_SUFFIXES]
        value = _parse_words(run)
        if value is None or j == i:
            i = max(j, i + 1)
            continue
        ordinal = any(x in ORDINALS or x in _ORDINAL_SUFFIXES for x in words[i:j])
        money = i > 0 and words[i - 1] in ("$", "£", "€", "¥", "us$")
        qualifier = _qualifier_before(words, i - 1 if money else i)
        if j < len(words) and words[j] == "+":
            qualifier, j = "gt", j + 1
        elif words[j : j + 2] == ["or", "more"]:
            qualifier = "ge"
        is_year = (
            len(run) == 1 and len(run[0]) == 4 and _YEAR.fullmatch(run[0]) is not None
        )
        word = not any(x[0].isdigit() for x in run)
        start = toks[i].start()
        if _negative(toks, words, i):
            value, start = -value, toks[i - 1].start()
        found.append(
            NumberMention(
                value, qualifier, start, toks[j - 1].end(), i, j, ordinal, is_year, word
            )
        )
        i = j
    return _shared_scales(found, words)


#: What may stand between the two ends of a range ("90-160 billion", "90 to $160 billion").
_RANGE_LINKS = ({"-"}, {"to"}, {"and"}, {"-", "$"}, {"to", "$"}, {"and", "$"}, {"-", "£"},
                {"to", "£"}, {"-", "€"}, {"to", "€"})


def _shared_scales(found: list[NumberMention], words: list[str]) -> list[NumberMention]:
    """Give the low end of a range the scale its high end carries ("90-160 billion" -> 90bn)."""
    for k in range(len(found) - 1):
        low, high = found[k], found[k + 1]
        between = set(words[low.last : high.first])
        if between not in _RANGE_LINKS or low.word or high.word and not high.value >= 1000:
            continue
        scales = [SCALES[w] for w in words[high.first : high.last] if w in SCALES]
        if not scales or any(w in SCALES for w in words[low.first : low.last]):
            continue
        scale = scales[-1]
        if scale >= 1000 and 0 < low.value < high.value / scale * 10:
            found[k] = low._replace(value=low.value * scale)
    return found
