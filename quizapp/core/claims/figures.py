"""Figures in news sentences: value, qualifier, unit or counted noun, topic and span; ranges
read whole ("20 to 25 years", "between 3,000 and 5,000")."""

from __future__ import annotations

import re

from quizapp.core.claims.figure_build import Figure, build, counted_noun, is_figure, measure_of
from quizapp.core.claims.figure_lists import elided
from quizapp.core.claims.figure_words import (
    ALL_QUALIFIERS,
    CURRENCY,
    FIGURE_RE,
    HIGH_END,
    QUALS,
    STOP_WORDS,
    WORD,
)
from quizapp.core.text.numbers import parse_number

__all__ = ["Figure", "extract_figures"]


def extract_figures(sentence: str, offset: int = 0) -> list[Figure]:
    """Return the figures of one sentence; `offset` is the sentence's start in the clean text."""
    ratios = [m for m in _RATIO_FIGURE.finditer(sentence) if _ratio_ok(sentence, m)] if (
        " in " in sentence) else []
    found: list[tuple[re.Match[str], str]] = []
    for match in FIGURE_RE.finditer(sentence):
        if ratios and any(r.start() <= match.start("num") < r.end() for r in ratios):
            continue  # "four in 10": one figure, read below, never "10"
        measure = measure_of(match)
        if is_figure(sentence, match, measure):
            found.append((match, measure))
        elif found and not measure and _NAMED_IN_LIST.search(sentence, 0, match.start()) and (
                _LIST_END.match(sentence, match.end())) and match.group("num")[:1].isdigit():
            found.append((match, measure))  # "..., in Avonshire 61 and in Deeside 40": a list
            # that says its noun once, each count after its place
    figures = []
    for i, (match, measure) in enumerate(found):
        lo = max(found[i - 1][0].end() if i else 0, _clause_start(sentence, match.start()))
        hi = min(
            found[i + 1][0].start() if i + 1 < len(found) else len(sentence),
            _clause_end(sentence, match.end()),
        )
        figures.append(build(sentence, match, measure, offset, sentence[lo:hi]))
    figures += [_ratio(sentence, r, offset) for r in ratios]
    figures.sort(key=lambda f: f.start)
    figures = elided(sentence, figures, offset)
    return [f for f in _ranges(sentence, figures, offset)
            if not _score(sentence, f, offset) and not _pointer(sentence, f, offset)]


#: A list's next place or party, just before its count: ", in Cumbria ", ", Tehreek Party ".
_NAMED_IN_LIST = re.compile(r"(?:,\s*(?:and\s+)?|\s+and\s+)(?:in\s+|at\s+|for\s+)?"
                            r"(?:[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'-]*\s+){1,4}$")
_LIST_END = re.compile(r"\s*(?:[,;.]|\band\b|$)")
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
    rf"(?<![\w.,\-/:])(?P<qual>(?:{QUALS})\s+)?(?P<num>\d+|{WORD}|one)"
    rf"(?:\s+(?P<mid>[a-z]+))?\s+in\s+(?P<of>\d+|ten|a hundred|a thousand|{WORD})\b"
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
    noun = counted_noun(sentence[match.end() :])[0] or (match.group("mid") or "")
    start = offset + match.start()
    text = match.group(0)
    return Figure(
        value=parse_number(match.group("num")) or 0.0,
        qualifier=ALL_QUALIFIERS.get(qual_text.lower()) if qual_text else None,
        qualifier_text=qual_text, number_text=number_text, unit=f"in {match.group('of')}",
        noun=noun, topic="share", start=start, end=start + len(text), text=text,
    )


_RANGE_LINK = re.compile(r"\s*(?:to|and|or(?:\s+(?:even|perhaps|possibly))?|-|–)\s*", re.IGNORECASE)
_CONVERTED = re.compile(r"\s*\([^()]{1,30}\)\s*(?:to|-|–)\s*")
_BETWEEN = re.compile(r"\b(between|from)\s+(?:(?:the|its|their|a|an)\s+(?:current|present|existing|"
                      r"previous|old|earlier|initial|original|latest)\s+)?$", re.IGNORECASE)
# ("from the current 62 to 64": a before and an after, no range)
_CHANGE_BEFORE = re.compile(
    r"\b(?:rose|rise|rises|risen|grew|grow|growing|increased|increase|jumped|climbed|gained|"
    r"surged|soared|fell|fall|falls|fallen|dropped|declined|slid|slipped|decreased|plunged|"
    r"tumbled|sank|shrank|lost|cut|up|down|by)\s+$", re.IGNORECASE)


def _ranges(sentence: str, figures: list[Figure], offset: int) -> list[Figure]:
    """Join the two ends of a range into one figure: "20 to 25 years", "between 3,000 and
    5,000", "$4 to $4.10", "30 or 40 migrants", "15-20%"; never a change and its level ("rose
    12 per cent to $3.1 billion") nor a before/after pair ("from 4.8% to 4.3%")."""
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
        if i + 2 < len(figures) and _CONVERTED.fullmatch(
                sentence, low.end - offset, figures[i + 2].start - offset):
            # "$2.1 billion (€1.9 billion) to $2.3 billion": the range around a conversion
            merged = _range(sentence, low, figures[i + 2], offset, figures[i + 1])
            if merged is not None:
                joined.extend((merged, figures[i + 1]))
                i += 3
                continue
        dash = _dash_high(sentence, low, offset)
        merged = _range(sentence, low, dash, offset) if dash is not None else None
        joined.append(merged or low)
        i += 1
        while merged and i < len(figures) and figures[i].start < merged.end:
            i += 1  # "£40-£60": the "60" read on its own is the range's high end
    return joined


#: What a range of counts is of, right after it: "100-300 people", "20-30 killed".
_COUNTED_RANGE = re.compile(r"\s+(?:people|persons|dead|killed|deaths|died|civilians|soldiers|troops|"
                            r"fighters|militants|workers|jobs|homes|houses|buildings|migrants|"
                            r"refugees|children|patients|cases|protesters|victims|passengers|"
                            r"injured|wounded|members|employees|staff|stores|shops|flights|"
                            r"vehicles|cars|boats|villages)\b")


def _plain(number: str) -> float:
    """Return the value of digits written with commas ("1,200"), or 0 when it is no number."""
    try:
        return float(number.replace(",", ""))
    except ValueError:
        return 0.0


def _dash_high(sentence: str, low: Figure, offset: int) -> Figure | None:
    """Read the high end of "15-20%" or "90-160 billion" (a unit or scale is required, so a
    score such as "3-2" stays out)."""
    end = low.end - offset
    money = low.unit in CURRENCY.values()  # "$16.1-24.1m", "£40-£60"
    if (low.unit and not money and not low.noun_before) or end >= len(sentence) or \
            sentence[end] not in "-–":
        return None
    found = HIGH_END.match(sentence, end + 1)
    if not found or not found.group("num")[0].isdigit() or not (
            found.group("unit") or found.group("scale") or found.group("cur")
            or (money and not low.noun_before) or re.fullmatch(r"\d{1,3}(?:,\d{3})+", found.group(
                "num")) or _COUNTED_RANGE.match(sentence, found.end())
            and 10 <= low.value < _plain(found.group("num"))):  # "400,000-500,000 units": no
        return None  # score is that large, nor "100-300 people were killed"
    return build(sentence, found, measure_of(found), offset, sentence[end + 1 : end + 60])


def _range(sentence: str, low: Figure, high: Figure, offset: int,
           converted: Figure | None = None) -> Figure | None:
    """Return the range figure `low` to `high` form, or None when they are two figures."""
    between = sentence[low.end - offset : high.start - offset]
    if converted is not None:
        if converted.unit == low.unit or low.unit != high.unit:
            return None  # a conversion is in another currency or unit
        between = between[between.index(")") + 1 :]
    link = _RANGE_LINK.fullmatch(between)
    if not link or high.qualifier or not low.value < high.value or low.high is not None:
        return None
    before = sentence[: low.start - offset]
    opener = _BETWEEN.search(before)
    word = link.group().strip().lower()
    if opener and opener.group(1).lower() == "from" and word not in ("-", "–") or (
            _CHANGE_BEFORE.search(before)):  # (but "anywhere from 100-300" is a range)
        return None  # "from 61.2 to 64.8 per cent", "rose 12 per cent to $3.1 billion"
    if word == "and" and not opener:
        return None
    low_measure = low.unit if low.unit != low.noun else ""
    high_measure = high.unit if high.unit != high.noun else ""
    if low_measure and high_measure and low_measure != high_measure:
        return None  # "12 per cent to $3.1 billion"
    if opener and opener.group(1).lower() == "from":
        opener = None  # "anywhere from 100-300": the range alone
    start = low.start - (len(before) - opener.start() if opener else 0)
    text = sentence[start - offset : high.end - offset]
    low_value = low.value
    scale = re.match(r"[\d.,]+", high.number_text)
    if scale and not re.search(r"[a-z]", low.number_text, re.I) and scale.end() < len(
            high.number_text):  # "10-15m", "$16.1-24.1m": the scale of the high end is both's
        factor = high.value / (float(scale.group().replace(",", "")) or 1)
        if factor > 1 and low.value * factor < high.value:
            low_value = low.value * factor
    after = [f.noun for f in (high, low) if f.noun and not f.noun_before]
    noun = after[0] if after else low.noun or high.noun
    before_noun = not after and bool(noun)  # "a previous range of 10 to 15 per cent"
    return Figure(
        value=low_value, qualifier=low.qualifier, qualifier_text=low.qualifier_text,
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
