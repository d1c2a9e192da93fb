"""Figures in news sentences: value, qualifier, unit or counted noun, topic and span."""

from __future__ import annotations

import re
from dataclasses import dataclass

from quizapp.core.claims.topics import classify_topic, measure_topic
from quizapp.core.text.numbers import QUALIFIERS, parse_number

_NUMBER_WORDS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety "
    "hundred thousand million billion trillion dozen"
).split()
_WORD = "(?:" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + ")"
_WORDS = (
    rf"(?:half[\s-]+an?[\s-]+(?:dozen|hundred|thousand|million|billion)"
    rf"|(?:a|an)\s+(?:dozen|hundred|thousand|million|billion)"
    rf"|{_WORD}(?:(?:(?<=hundred)|(?<=thousand)|(?<=million)|(?<=billion))\s+and\s+{_WORD}"
    rf"|[\s-]+{_WORD})*)"  # "two hundred and five", never "between two and five"
)
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
#: Qualifiers read here beyond the scorer's table (numbers.QUALIFIERS).
EXTRA_QUALIFIERS = {"as much as": "le", "as high as": "le", "as little as": "ge",
                    "as few as": "ge", "as low as": "ge"}
_ALL_QUALIFIERS = {**QUALIFIERS, **EXTRA_QUALIFIERS}
_QUALS = "|".join(
    re.escape(q)
    for q in sorted(_ALL_QUALIFIERS, key=len, reverse=True)
    if q not in ("some", "estimated")
)
_FRACTION_VALUES = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4,
                    "quarters": 4, "fifth": 5, "fifths": 5, "tenth": 10, "tenths": 10}
_SMALL = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "nine": 9}
#: "two-thirds of", "a quarter of", "half of": a share written in words (before "of"), or
#: closing its clause ("prices rose by about a fifth.").
_FRACTION = (
    rf"(?:(?:{'|'.join(_SMALL)})[\s-](?:{'|'.join(_FRACTION_VALUES)})|half)"
    rf"(?=\s+of\b|\s*[.,;)]|\s*$)"
)
_CURRENCY = {"$": "dollars", "us$": "dollars", "€": "euros", "£": "pounds", "¥": "yen",
             "rs": "rupees", "rs.": "rupees", "₹": "rupees"}
_MULTI_UNITS = (
    r"square (?:kilomet(?:er|re)s?|miles?|met(?:er|re)s?|feet)|sq\.? (?:km|miles)|per ?cent"
    r"|percent(?:age points?)?|metric tons|degrees(?: (?:Celsius|Fahrenheit))?"
    r"|euros|dollars|pounds|yen|yuan|rupees|hectares|acres|miles|kilomet(?:er|re)s|tonnes|tons"
    r"|soles|pesos|rand|roubles|rubles|lira|naira|shillings|ringgit|baht|dirhams|reais|zloty"
    r"|barrels"
)
_ATTACHED = r"mm|cm|km2|km|kg|mph|kph|mw|gw|kwh|ft|lbs?"

_FIGURE = (
    rf"(?P<qual>(?:{_QUALS})\s+)?(?P<cur>US\$|\$|€|£|¥|₹|Rs\.?(?=\s?\d))?\s?"
    rf"(?P<num>{_FRACTION}|{_DIGITS}|{_WORDS})"
    rf"(?P<scale>[\s-]?(?:million|billion|trillion|bn|mn|m|k)\b"
    rf"|\s(?:thousand|hundred|lakhs?|crores?)\b)?"
    rf"(?P<unit>\s?%|(?:{_ATTACHED})\b|\s(?:{_MULTI_UNITS})\b|-(?:percent|point|dollar|pound|euro)\b)?"
    rf"(?![\w%])(?!-[a-z])"
)
FIGURE_RE = re.compile(rf"(?<![\w.,\-/:]){_FIGURE}", re.IGNORECASE)
#: The high end of a range written with a dash ("15-20%"), read from just after the dash.
_HIGH_END = re.compile(_FIGURE, re.IGNORECASE)

_MONTHS = (
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
).split()
_MONTH_BEFORE = re.compile(rf"\b(?:{'|'.join(_MONTHS)})\.?\s*$", re.IGNORECASE)
_MONTH_AFTER = re.compile(rf"^\s*(?:st|nd|rd|th)?\s*(?:of\s+)?(?:{'|'.join(_MONTHS)})\b", re.I)
_TIME_AFTER = re.compile(r"^(?::\d|\s*(?:a\.m\.|p\.m\.|am\b|pm\b|GMT|UTC|CET|ET\b))", re.I)
_AGE_AROUND = re.compile(r"[A-Z][\w’'-]*[’']?,\s*$")
_AGE_AFTER = re.compile(r"^\s*(?:[,)]|-year-old|years? old)")
_ID_BEFORE = re.compile(
    r"(?:\b(?:No|Nos|Article|Section|Route|Highway|Flight|Game|Room|Page)\.?\s*|#)$"
)
_CAPITAL_BEFORE = re.compile(r"([A-Z][\w’'.-]*)\s+$")
_VAGUE_BEFORE = re.compile(r"\b(?:several|a few|few|many|hundreds of|thousands of)\s+$", re.I)
_RATIO = re.compile(r"\s+in\s+(?!(?:1[89]|20)\d\d\b)(?:\d|ten\b|\w+ty\b|a hundred)")
_RATIO_END = re.compile(r"\b(?:\d+|one|two|three)\s+in\s+$")
_YEAR_PREP = re.compile(r"\b(?:in|since|by|until|from|during|of|to|through|before|after)\s+$", re.I)

#: Words that end a counted-noun phrase after a figure.
STOP_WORDS = frozenset(
    """a an the of in on at to for from with by and or but nor as that which who whom whose is are
    was were be been being have has had will would could should may might must can did do does not
    since during after before over under into than per each this these those their its his her
    it they he she we our also already now more most reportedly allegedly while when if so across
    between against among until about around up down out off last next ago alive only just still
    further nearly almost roughly some all both there here where why how what then because who
    within without through toward towards including via near outside inside like amid despite
    been yet very too even less fewer many much such other another same new made took came went
    got gave said told held left fought won lost ran saw paid met set put began led fell rose spent
    says say later earlier apart yesterday today tomorrow tonight""".split()
)
_LY_ADJECTIVES = frozenset(
    "daily weekly monthly yearly quarterly hourly elderly family friendly costly deadly "
    "likely lonely".split()
)
_WORD_AFTER = re.compile(r"\s+([A-Za-z][\w’'-]*)")
_NOUN_BEFORE = re.compile(
    r"([\w’'-]+(?:\s+[\w’'-]+){0,3})\s+(?:at|of|to|is|was|were|are|stood at|reached|hit|"
    r"exceeded|exceed|exceeds|topped|totalled|totaled|numbered|measured|measuring|measures|"
    r"registered|registering)\s+$"
)


@dataclass(frozen=True)
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


def extract_figures(sentence: str, offset: int = 0) -> list[Figure]:
    """Return the figures of one sentence; `offset` is the sentence's start in the clean text."""
    ratios = [m for m in _RATIO_FIGURE.finditer(sentence) if _ratio_ok(sentence, m)] if (
        " in " in sentence) else []
    found: list[tuple[re.Match[str], str]] = []
    for match in FIGURE_RE.finditer(sentence):
        if any(r.start() <= match.start("num") < r.end() for r in ratios):
            continue  # "four in 10": one figure, read below, never "10"
        measure = _measure(match)
        if _is_figure(sentence, match, measure):
            found.append((match, measure))
    figures = []
    for i, (match, measure) in enumerate(found):
        lo = max(found[i - 1][0].end() if i else 0, _clause_start(sentence, match.start()))
        hi = min(
            found[i + 1][0].start() if i + 1 < len(found) else len(sentence),
            _clause_end(sentence, match.end()),
        )
        figures.append(_build(sentence, match, measure, offset, sentence[lo:hi]))
    figures += [_ratio(sentence, r, offset) for r in ratios]
    figures.sort(key=lambda f: f.start)
    return [f for f in _ranges(sentence, figures, offset)
            if not _score(sentence, f, offset) and not _pointer(sentence, f, offset)]


_POINTING = re.compile(r"\b(?:the|these|those|both|its|their|his|her|our)\s+$", re.I)


def _pointer(sentence: str, figure: Figure, offset: int) -> bool:
    """Tell whether a small word number points back rather than counts: "the two countries",
    "their three children" name things already known; "two men were killed" counts."""
    return (not figure.number_text[:1].isdigit() and figure.value < 10 and figure.high is None
            and not figure.qualifier_text
            and _POINTING.search(sentence[: figure.start - offset]) is not None)


def _score(sentence: str, figure: Figure, offset: int) -> bool:
    """Tell whether a bare number is one side of a score or tally ("won 3-2", "a 2-0 lead")."""
    if figure.unit or figure.qualifier or figure.high is not None:
        return False
    end = figure.end - offset
    return re.match(r"[-–]\d", sentence[end : end + 2]) is not None


#: "four in 10 voters", "almost seven in 10", "fewer than one entry in 20": a share as N in M.
_RATIO_FIGURE = re.compile(
    rf"(?<![\w.,\-/:])(?P<qual>(?:{_QUALS})\s+)?(?P<num>\d+|{_WORD}|one)"
    rf"(?:\s+(?P<mid>[a-z]+))?\s+in\s+(?P<of>\d+|ten|a hundred|a thousand|{_WORD})\b"
    rf"(?![.,]\d)",
    re.IGNORECASE,
)
_TIME_WORDS = re.compile(
    r"\s+(?:days?|weeks?|months?|years?|hours?|minutes?|seconds?|games?|matches|races?|"
    r"decades?|seasons?|attempts?)\b", re.IGNORECASE)


def _ratio_ok(sentence: str, match: re.Match[str]) -> bool:
    """Tell whether "N in M" is a share ("four in 10 voters") rather than "5 goals in 10 games"
    or "2 in 2023": M is no year nor a time, and a noun between is singular after "one"."""
    mid, of = match.group("mid"), match.group("of")
    if re.fullmatch(r"(?:1[5-9]|20)\d\d", of) or _TIME_WORDS.match(sentence, match.end()):
        return False
    if mid and (match.group("num").lower() not in ("one", "1") or mid.lower() in STOP_WORDS
                or mid.lower().endswith("s")):
        return False
    return not mid or mid.isalpha()


def _ratio(sentence: str, match: re.Match[str], offset: int) -> Figure:
    """Build the figure of "N in M": value N, unit "in M", the counted noun after it."""
    qual_text = (match.group("qual") or "").strip()
    number_text = sentence[match.start("num") : match.end()]
    noun = _counted_noun(sentence[match.end() :])[0] or (match.group("mid") or "")
    start = offset + match.start()
    text = match.group(0)
    return Figure(
        value=parse_number(match.group("num")) or 0.0,
        qualifier=_ALL_QUALIFIERS.get(qual_text.lower()) if qual_text else None,
        qualifier_text=qual_text, number_text=number_text, unit=f"in {match.group('of')}",
        noun=noun, topic="share", start=start, end=start + len(text), text=text,
    )


_RANGE_LINK = re.compile(r"\s*(?:to|and|or|-|–)\s*", re.IGNORECASE)
_BETWEEN = re.compile(r"\b(between|from)\s+$", re.IGNORECASE)
_CHANGE_BEFORE = re.compile(
    r"\b(?:rose|rise|rises|risen|grew|grow|growing|increased|increase|jumped|climbed|gained|"
    r"surged|soared|fell|fall|falls|fallen|dropped|declined|slid|slipped|decreased|plunged|"
    r"tumbled|sank|shrank|lost|cut|up|down|by)\s+$", re.IGNORECASE)


def _ranges(sentence: str, figures: list[Figure], offset: int) -> list[Figure]:
    """Join the two ends of a range into one figure: "20 to 25 years", "between 3,000 and
    5,000", "$4 to $4.10", "30 or 40 migrants", "15-20%"; never a change and its level ("rose
    18 per cent to $9.4 billion") nor a before/after pair ("from 4.8% to 4.3%")."""
    joined: list[Figure] = []
    i = 0
    while i < len(figures):
        low = figures[i]
        if i + 1 < len(figures):
            merged = _range(sentence, low, figures[i + 1], offset)
            if merged is not None:
                joined.append(merged)
                i += 2
                continue
        dash = _dash_high(sentence, low, offset)
        merged = _range(sentence, low, dash, offset) if dash is not None else None
        joined.append(merged or low)
        i += 1
    return joined


def _dash_high(sentence: str, low: Figure, offset: int) -> Figure | None:
    """Read the high end of "15-20%" or "90-160 billion" (a unit or scale is required, so a
    score such as "3-2" stays out)."""
    end = low.end - offset
    if low.unit or end >= len(sentence) or sentence[end] not in "-–":
        return None
    found = _HIGH_END.match(sentence, end + 1)
    if not found or not found.group("num")[0].isdigit() or not (
            found.group("unit") or found.group("scale")):
        return None
    return _build(sentence, found, _measure(found), offset, sentence[end + 1 : end + 60])


def _range(sentence: str, low: Figure, high: Figure, offset: int) -> Figure | None:
    """Return the range figure `low` to `high` form, or None when they are two figures."""
    between = sentence[low.end - offset : high.start - offset]
    link = _RANGE_LINK.fullmatch(between)
    if not link or high.qualifier or not low.value < high.value or low.high is not None:
        return None
    before = sentence[: low.start - offset]
    opener = _BETWEEN.search(before)
    word = link.group().strip().lower()
    if opener and opener.group(1).lower() == "from" or _CHANGE_BEFORE.search(before):
        return None  # "from 94.3 to 95.4 per cent", "rose 18 per cent to $9.4 billion"
    if word == "and" and not opener:
        return None
    low_measure = low.unit if low.unit != low.noun else ""
    high_measure = high.unit if high.unit != high.noun else ""
    if low_measure and high_measure and low_measure != high_measure:
        return None  # "18 per cent to $9.4 billion"
    start = low.start - (len(before) - opener.start() if opener else 0)
    text = sentence[start - offset : high.end - offset]
    after = [f.noun for f in (high, low) if f.noun and not f.noun_before]
    noun = after[0] if after else low.noun or high.noun
    before_noun = not after and bool(noun)  # "a previous range of 10 to 15 per cent"
    return Figure(
        value=low.value, qualifier=low.qualifier, qualifier_text=low.qualifier_text,
        number_text=f"{low.number_text}{between}{high.number_text}",
        unit=high_measure or low_measure or high.unit, topic=high.topic,
        noun=noun, noun_before=before_noun,
        start=start, end=high.end, text=text, high=high.value,
    )


_CLAUSE_BREAK = re.compile(r",\s|;|:\s|\(|\)|\s(?:but|while|whereas)\s|\s[–—-]\s")


def _clause_start(sentence: str, pos: int) -> int:
    """Return where the clause holding `pos` starts (after a comma, semicolon or dash)."""
    start = max(0, pos - 80)
    for match in _CLAUSE_BREAK.finditer(sentence, start, pos):
        start = match.end()
    return start


def _clause_end(sentence: str, pos: int) -> int:
    """Return where the clause holding `pos` ends."""
    match = _CLAUSE_BREAK.search(sentence, pos, pos + 100)
    return match.start() if match else min(len(sentence), pos + 100)


def _measure(match: re.Match[str]) -> str:
    """Return the measure unit of a match: a currency, a percentage or a unit word."""
    if match.group("cur"):
        return _CURRENCY.get(match.group("cur").lower(), "dollars")
    unit = (match.group("unit") or "").strip()
    if unit in ("%", "-percent"):
        return "per cent"
    if unit.startswith("-"):
        return unit[1:] + "s"  # "a 33-point lead": points
    return unit.lower() if unit.lower() in ("mm", "cm", "km", "kg", "km2", "mph") else unit


def _is_figure(sentence: str, match: re.Match[str], measure: str) -> bool:
    """Tell whether a number match is a figure, not a year, date, time, age or model number."""
    num = match.group("num")
    before = sentence[: match.start()]
    after = sentence[match.end() :]
    if num.lower() in ("one", "a", "an") and not match.group("scale"):
        return False
    if _fraction(num) and re.search(r"\b(?:the|first|second|latter|former|other)\s+$", before,
                                    re.IGNORECASE):
        return False  # "the second half of the year"
    if _VAGUE_BEFORE.search(before) or _RATIO.match(after) or _RATIO_END.search(before):
        return False  # "several hundred", "1 in 10"
    if _MONTH_BEFORE.search(before) or _MONTH_AFTER.match(after) or _TIME_AFTER.match(after):
        return False
    if match.group("qual") or match.group("cur") or measure or match.group("scale"):
        return True
    if re.fullmatch(r"(?:1[89]|20)\d\d", num) and not _year_counts(after):
        return False
    if re.fullmatch(r"(?:1[89]|20)\d\d", num) and _YEAR_PREP.search(before):
        return False
    if _AGE_AROUND.search(before) and _AGE_AFTER.match(after):
        return False
    if re.match(r"\s*-year-old|\s*years? old", after) or re.search(r"\baged\s+$", before):
        return False
    if _ID_BEFORE.search(before):
        return False
    capital = _CAPITAL_BEFORE.search(before)
    counted = _counted_noun(after)[0]
    if capital and num[0].isdigit() and not counted.split(" ", 1)[0].endswith("s"):
        word = capital.group(1).rstrip("’'")
        return word.lower() in STOP_WORDS or word.lower() in _ALL_QUALIFIERS
    return True


def _year_counts(after: str) -> bool:
    """Tell whether a year-like number counts a noun ("2023 homes", not "2023 destroyed")."""
    noun = _counted_noun(after)[0]
    return bool(noun) and not (" " not in noun and noun.lower().endswith("ed"))


_OF_THEM = re.compile(r"\s+(of them)\b")


def _counted_noun(after: str) -> tuple[str, int]:
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
        match = _WORD_AFTER.match(after, pos)
        if not match:
            break
        word = match.group(1)
        low = word.lower()
        adverb = low.endswith("ly") and len(low) > 4 and low not in _LY_ADJECTIVES
        opener = low in ("new", "other", "more") and not words and pos == 0
        if (low in STOP_WORDS and not opener) or adverb or low in _MONTHS:
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
    match = _NOUN_BEFORE.search(before)
    if not match:
        return ""
    words = [w for w in match.group(1).split() if w.lower() not in ("itself", "themselves")]
    kept: list[str] = []
    for word in reversed(words):
        capital = word[0].isupper()
        if word.lower() in STOP_WORDS or (not capital and any(w[0].isupper() for w in kept)):
            break
        if not capital and len(kept) >= 2:
            break
        kept.insert(0, word)
    return " ".join(kept)


def _build(sentence: str, match: re.Match[str], measure: str, offset: int, window: str) -> Figure:
    """Build a Figure from a match, reading its counted noun and topic around it."""
    qual_text = (match.group("qual") or "").strip()
    number_text = sentence[match.start("num") : match.end("scale") if match.group("scale") else
                           match.end("num")].strip()
    value = _fraction(number_text) or parse_number(
        re.sub(r"^an?\s+", "", number_text, flags=re.I)) or 0.0
    after = sentence[match.end() :]
    if not measure or measure in ("mm", "cm"):
        noun, _ = _counted_noun(after)
    else:
        of = re.match(r"\s+(?:of|in)\s", after)
        noun = _counted_noun(after)[0] if of else ""
    before = not noun
    if not noun:
        noun = _noun_before(sentence[: match.start()])
    unit = measure or noun
    text = sentence[match.start() : match.end()].strip()
    start = offset + match.start() + (len(match.group(0)) - len(match.group(0).lstrip()))
    topic = classify_topic(unit, window)
    if match.group("cur"):
        topic = "money"  # "£11.3m": the sign decides, whatever "pounds" may weigh elsewhere
    elif measure and measure_topic(measure) is None:
        topic = classify_topic(noun, window)
    return Figure(
        value=value,
        qualifier=_ALL_QUALIFIERS.get(qual_text.lower()) if qual_text else None,
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


def _fraction(text: str) -> float | None:
    """Return the value of a share written in words ("two-thirds" -> 0.667), or None."""
    words = re.split(r"[\s-]+", text.lower())
    if words[-1] not in _FRACTION_VALUES:
        return None
    top = _SMALL.get(words[0], 1) if len(words) > 1 else 1
    return round(top / _FRACTION_VALUES[words[-1]], 3)
