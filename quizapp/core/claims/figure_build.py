"""Building a figure from its match: its measure or counted noun, its value (word numbers,
fractions, "and a half"), its topic; and the tests that a number is a figure at all."""

from __future__ import annotations

import re
from dataclasses import dataclass

from quizapp.core.claims.figure_words import (
    AGE_AFTER,
    AGE_AROUND,
    ALL_QUALIFIERS,
    CAPITAL_BEFORE,
    CURRENCY,
    FRACTION_VALUES,
    ID_BEFORE,
    LEVEL_VERB_END,
    LY_ADJECTIVES,
    MONTH_AFTER,
    MONTH_BEFORE,
    MONTHS,
    NOUN_BEFORE,
    RATIO,
    RATIO_END,
    SMALL,
    STOP_WORDS,
    TIME_AFTER,
    VAGUE_BEFORE,
    WORD_AFTER,
    YEAR_PREP,
)
from quizapp.core.claims.topics import classify_topic, measure_topic
from quizapp.core.text.numbers import parse_number


@dataclass(frozen=True, slots=True)
class Figure:
    """A figure in a sentence: offsets index the clean text and `text == source[start:end]`."""

    value: float
    qualifier: str | None  # normalised relation from numbers.QUALIFIERS
    qualifier_text: str  # the qualifier as written ("more than"), "" when none
    number_text: str  # the number as written, without qualifier or unit ("6,000", "five")
    unit: str  # measure unit ("per cent", "square kilometers") or counted noun ("casualties")
    noun: str  # what is counted, read around the figure ("North Korean soldiers")
    topic: str
    start: int
    end: int
    text: str  # qualifier + number + measure ("over 6,000", "$4.5 billion", "60 per cent")
    high: float | None = None  # the top of a range ("20 to 25 years": value 20, high 25)
    noun_before: bool = False  # the noun was read before the figure ("casualties at 6,000")


def measure_of(match: re.Match[str]) -> str:
    """Return the measure unit of a match: a currency, a percentage or a unit word."""
    if match.group("cur"):
        return CURRENCY.get(match.group("cur").lower(), "dollars")
    unit = (match.group("unit") or "").strip()
    if unit in ("%", "-percent") or unit.lower() == "pc":  # "48pc": British papers' per cent
        return "per cent"
    if unit.lower() == "p":
        return "pence"  # "11.88p a litre"
    if unit.lstrip("°") in ("C", "F"):
        return "degrees"  # "2.9C (5.2F) of warming", "a high of 41°C"
    if unit == "-magnitude":
        return "magnitude"  # "a 7.1-magnitude tremor"
    if unit.startswith("-"):
        return unit[1:] + "s"  # "a 33-point lead": points
    return unit.lower() if unit.lower() in ("mm", "cm", "km", "kg", "km2", "mph") else unit


def is_figure(sentence: str, match: re.Match[str], measure: str) -> bool:
    """Tell whether a number match is a figure, not a year, date, time, age or model number."""
    num = match.group("num")
    before = sentence[: match.start()]
    after = sentence[match.end() :]
    if num.lower() in ("one", "a", "an") and not match.group("scale"):
        return False
    if num.lower() in ("million", "billion", "trillion", "thousand", "hundred") and re.search(
            r"\d\s?$", before):
        return False  # "Br3.2 billion" in a currency we do not read: not a billion
    if _fraction(num) and re.search(r"\b(?:the|first|second|latter|former|other)\s+$", before,
                                    re.IGNORECASE):
        return False  # "the second half of the year"
    if VAGUE_BEFORE.search(before) or RATIO.match(after) or RATIO_END.search(before):
        return False  # "several hundred", "1 in 10"
    month = MONTH_BEFORE.search(before) or MONTH_AFTER.match(after)
    if month and not re.search(r"\b(?:may|march)\b", month.group()):  # "100 may be inside",
        return False  # "10,000 march": a verb; "May 5", "5 March": a date
    if TIME_AFTER.match(after):
        return False
    if match.group("qual") or match.group("cur") or measure or match.group("scale"):
        return True
    if re.fullmatch(r"(?:1[89]|20)\d\d", num) and not _year_counts(after):
        return False
    if re.fullmatch(r"(?:1[89]|20)\d\d", num) and YEAR_PREP.search(before):
        return False
    if AGE_AROUND.search(before) and AGE_AFTER.match(after):
        return False
    if re.match(r"\s*-year-old|\s*years? old", after) or re.search(r"\baged\s+$", before):
        return False
    if ID_BEFORE.search(before):
        return False
    capital = CAPITAL_BEFORE.search(before)
    counted = counted_noun(after)[0]
    head = counted.split(" ", 1)[0]
    if capital and num[0].isdigit() and (not head.endswith("s") or head[:1].isupper()):
        # "Section 8 housing", "Channel 4 News": a name with its number
        word = capital.group(1).rstrip("’'")
        return word.lower() in STOP_WORDS or word.lower() in ALL_QUALIFIERS
    return True


def _year_counts(after: str) -> bool:
    """Tell whether a year-like number counts a noun ("2023 homes", not "2023 destroyed")."""
    noun = counted_noun(after)[0]
    return bool(noun) and not (" " not in noun and noun.lower().endswith("ed"))


_OF_THEM = re.compile(r"\s+(of them)\b")


def counted_noun(after: str) -> tuple[str, int]:
    """Return the noun phrase counted by a figure from the text after it, and its length."""
    words: list[str] = []
    pos = 0
    them = _OF_THEM.match(after)
    if them:
        return them.group(1), them.end()  # "two of them overturned": a part of a group named
    of = re.match(r"\s+of\s+(?:the|our|their|its|his|her|those|these)?\s*(?:\d[\d,.]*\s+)?", after)
    if of and not re.match(r"\s+of\s+(?:them|us|those|these)\b", after):
        pos = of.end() - 1
    while len(words) < 4:
        match = WORD_AFTER.match(after, pos)
        if not match:
            break
        word = match.group(1)
        low = word.lower()
        adverb = low.endswith("ly") and len(low) > 4 and low not in LY_ADJECTIVES
        opener = low in ("new", "other", "more") and not words and pos == 0
        if (low in STOP_WORDS and not opener) or adverb or low in MONTHS:
            break  # "two new cases", "five other countries": the word opens the noun
        if word.endswith(("’s", "'s")):
            break
        if low.endswith("ed") and words and "-" not in word:
            break  # a verb after the noun: "troops arrived"
        words.append(word)
        pos = match.end()
        if low.endswith("ed") and len(words) == 1 and "-" not in word:
            break  # a participle alone: "2,700 injured"
    if len(words) == 1 and words[0].lower() in ("new", "other", "more"):
        return "", 0  # "five more": no noun
    return " ".join(words), pos


def _noun_before(before: str) -> str:
    """Return the noun phrase a figure measures when it comes first ("casualties at 6,000")."""
    level = LEVEL_VERB_END.search(before)
    author = _GIVEN_BY.search(before, 0, level.start()) if level else None
    if level and author and author.end() == level.start():
        before = before[: author.start()] + before[level.start() :]  # "the toll given
        # by the fire service was 31": the toll, not the fire service
    match = NOUN_BEFORE.search(before) if level else None
    if not match:
        return ""
    words = [w for w in match.group(1).split() if w.lower() not in ("itself", "themselves")]
    if words and _MOVED.fullmatch(words[-1].lower()):
        return ""  # "The toll from the collapse has risen to 15": no noun next to the figure
    while len(words) > 1 and _STANDS.fullmatch(words[-1].lower()):
        words.pop()  # "The toll now stands at 12": the toll
    kept: list[str] = []
    for word in reversed(words):
        capital = word[0].isupper()
        if word.lower() in STOP_WORDS or (not capital and any(w[0].isupper() for w in kept)):
            break
        if not capital and len(kept) >= 2:
            break
        kept.insert(0, word)
    return " ".join(kept)


#: Who gave a figure, between its noun and its verb: "the toll released by the ministry was".
_GIVEN_BY = re.compile(r"\s+(?:given|released|reported|issued|provided|compiled|published|"
                       r"announced|cited|recorded|confirmed|put\s+out)\s+by\s+[^,;:()]{1,60}$")
_MOVED = re.compile(r"risen|rose|rises|climbed|jumped|increased|grown|grew|fallen|fell|"
                    r"dropped|declined|soared|surged|gone|went|edged|crept")
_STANDS = re.compile(r"stands|stood|sits|sat|remains|remained|now|still|currently|already")


#: Verbs whose "up" comes before "to": "picked up to", "shot up to" (not "is up to", which may
#: set a maximum).
_UP_VERB = re.compile(r"\b(?:picked|picks|ticked|ticks|shot|shoots|went|goes|moved|moves|crept|"
                      r"creeps|edged|edges|inched|inches|jumped|jumps|climbed|climbs)\s+$")


#: "rose 12% over five years", "over the past three months": "over" spans a period, and is no
#: bound, unless a word that takes a length comes before it ("for over five years", "jailed for
#: over two years", "lasted over six hours", "a term of over ten years").
_SPAN_AFTER = re.compile(r"\s*(?:years?|months?|weeks?|days?|decades?|centuries|quarters?)\b",
                         re.I)
_SPAN_BEFORE = re.compile(r"\b(?:for|of|to|than|after|in|at|by|just|well|is|are|was|were|be|"
                          r"been|being|lasted|lasting|lasts|spent|spend|spends|served|serve|"
                          r"took|take|takes|taking|spanning|spans|aged|age)\s+$", re.I)


_MAGNITUDE = re.compile(r"\b(?i:magnitude)[\s-]+$")


def build(sentence: str, match: re.Match[str], measure: str, offset: int, window: str) -> Figure:
    """Build a Figure from a match, reading its counted noun and topic around it."""
    qual_text = (match.group("qual") or "").strip()
    number_text = sentence[match.start("num") : match.end("scale") if match.group("scale") else
                           match.end("num")].strip()
    halved = re.sub(r"\s1/2\b|½", " and a half", number_text)
    value = _mixed_number(number_text) or (
        None if halved.lower().find("and a half") > 0 else _fraction(number_text)) or \
        parse_number(re.sub(r"^an?\s+", "", halved, flags=re.I)) or 0.0
    after = sentence[match.end() :]
    if not measure and _MAGNITUDE.search(sentence, 0, match.start()):
        measure = "magnitude"  # "a magnitude 6.8 earthquake": a size, not 6.8 earthquakes
    if not measure or measure in ("mm", "cm"):
        noun, _ = counted_noun(after)
    else:
        of = re.match(r"\s+(?:of|in)\s", after)
        noun = counted_noun(after)[0] if of else ""
    before = not noun
    if not noun:
        noun = _noun_before(sentence[: match.start()])
    unit = measure or noun
    begin = match.start()
    if qual_text.lower() == "up to" and _UP_VERB.search(sentence, 0, match.start("qual")):
        qual_text = ""  # "growth picked up to 4.2 per cent": a verb's "up", no upper bound
        begin = match.start("cur") if match.group("cur") and match.start("cur") < match.start(
            "num") else match.start("num")
    elif qual_text.lower() == "over" and _SPAN_AFTER.match(after) and not _SPAN_BEFORE.search(
            sentence, 0, match.start("qual")):
        qual_text = ""  # "rose 12% over five years": a period, not a bound
        begin = match.start("num")
    text = sentence[begin : match.end()].strip()
    start = offset + begin + (len(sentence[begin : match.end()]) -
                              len(sentence[begin : match.end()].lstrip()))
    topic = classify_topic(unit, window)
    if match.group("cur"):
        topic = "money"  # "£11.3m": the sign decides, whatever "pounds" may weigh elsewhere
    elif measure and measure_topic(measure) is None:
        topic = classify_topic(noun, window)
    return Figure(
        value=value,
        qualifier=ALL_QUALIFIERS.get(qual_text.lower()) if qual_text else None,
        qualifier_text=qual_text,
        number_text=number_text,
        unit=unit,
        noun=noun,
        topic=topic,
        start=start,
        end=start + len(text),
        text=text,
        noun_before=before and bool(noun),
    )


def _mixed_number(text: str) -> float | None:
    """Return the value of a whole number and a fraction ("35 1/4", "5-5/16", "2¾"), or None."""
    found = re.fullmatch(r"(\d+)(?:[\s-](\d{1,2})/(\d{1,2})|([¼¾]))", text)
    if found is None:
        return None
    part = int(found.group(2)) / int(found.group(3)) if found.group(2) else \
        {"¼": 0.25, "¾": 0.75}[found.group(4)]
    return int(found.group(1)) + part


def _fraction(text: str) -> float | None:
    """Return the value of a share written in words ("two-thirds" -> 0.667), or None."""
    words = re.split(r"[\s-]+", text.lower())
    if words[-1] not in FRACTION_VALUES or "and" in words:  # "three and a half": 3.5
        return None
    top = SMALL.get(words[0], 1) if len(words) > 1 else 1
    return round(top / FRACTION_VALUES[words[-1]], 3)
