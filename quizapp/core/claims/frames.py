"""Spans around an attribution cue: quotations, the noun phrase after a cue, the subject before
it, an appositive, and the reported content."""

from __future__ import annotations

import re

from quizapp.core.claims.speakers import ORG_WORDS

_NP_END = re.compile(r"[,;:.!?\"“”]|\s[–—]\s|"
                     r"\s(?:that|on|in|who|which|as|after|before|and|via|to)\s|"
                     r"\s(?:conducted|commissioned|carried out)\s(?=for\s)|$")
_THAT = re.compile(r"\s*(?:in (?:a|an|its|his|her|their|the)\s+(?:[\w-]+\s+){0,2}?[\w-]+\s+"
                   r"(?=that\b)|on \w+\s+|in \w+\s+|last \w+\s+)?(?:that\b|:|,)?\s*")
#: A time phrase that ends a speaker's noun phrase ("the agency CNES last month").
_NP_TIME = re.compile(
    r"\s(?=(?:last|this|next|earlier this|later this)\s+(?:week|month|year|night|weekend|"
    r"spring|summer|autumn|fall|winter|\w+day)\b)"
)


def quote_spans(sentence: str, opened: bool = False) -> list[tuple[int, int]]:
    """Return the spans of quotations in a sentence: curly or straight double marks (a straight
    mark may close a curly one, as pasted text often mixes them), and single marks. `opened`
    says the sentence starts inside a quotation left open by the sentence before it."""
    sentence = double_apostrophes(sentence)
    spans: list[tuple[int, int]] = []
    double: int | None = -1 if opened else None  # -1: before the sentence's first character
    single: int | None = None
    for found in _MARK.finditer(sentence):
        i, mark = found.start(), found.group()
        before = sentence[i - 1] if i else " "
        after = sentence[i + 1] if i + 1 < len(sentence) else " "
        opens = not before.isalnum() and not after.isspace()
        closes = not before.isspace() and not after.isalnum()
        if mark in "“”\"":
            if double is not None and (mark == "”" or (mark == '"' and (closes or not opens))):
                spans.append((double, i + 1))
                double = None
            elif double is None and mark != "”" and (mark == "“" or opens):
                double = i
        elif single is None and mark in "‘'" and opens and after.isalpha():
            single = i
        elif single is not None and mark in "’'" and closes:
            spans.append((single, i + 1))
            single = None
    for start in (double, single):
        if start is not None:
            spans.append((start, len(sentence)))
    return spans


_MARK = re.compile(r"[“”\"‘’']")


def double_apostrophes(sentence: str) -> str:
    """Read wire copy's quote marks made of two characters as double marks, keeping offsets:
    `` opens and '' closes a quotation ("``Sales are up,'' he said")."""
    if "''" not in sentence and "``" not in sentence:
        return sentence
    return sentence.replace("``", ' "').replace("''", '" ')


def inside(spans: list[tuple[int, int]], pos: int) -> bool:
    """Tell whether `pos` falls inside one of `spans`."""
    return any(s < pos < e for s, e in spans)


_ABBREV = re.compile(r"(?:\b[A-Z]|\b(?:Dr|Mr|Mrs|Ms|St|Sgt|Gen|Col|Lt|Capt|Prof|Rep|Sen|Gov|Jr|Sr|"
                     r"Inc|Corp|Co|Ltd|No|Mt|Ft|Gen))$")
_NAME_AND = re.compile(r"\s+and\s+[A-Z]")
#: Two groups joined by "and" ("residents and officials"): plural common nouns on both sides.
_GROUP_AND = re.compile(r"(?:^|\s)[a-z]{3,}s$")
_PLURAL_AFTER = re.compile(r"(?:the\s+|other\s+|local\s+)?[a-z]{3,}s\b(?!\s+(?:is|are|was|were|"
                           r"had|have|has|will|would)\b)")


_CAPITALS = re.compile(r"(?:the\s+)?(?:[A-Z][\w’'.-]*\s+){0,5}[A-Z][\w’'.-]*")
_NAME_ENDS = re.compile(
    r"(?:[A-Z][\w’'.-]*\s+){0,3}(?:" + "|".join(
        w.capitalize() for w in sorted(ORG_WORDS, key=len, reverse=True) if w.isalpha())
    + r")\b(?:\s+\([A-Z]{2,9}\))?")


def np_after(sentence: str, pos: int) -> tuple[int, int]:
    """Return the span of the noun phrase starting at `pos` (to a comma, clause word or end).

    A period after an initial or a title ("U.S. Geological Survey", "Dr. Ortiz") and "and"
    inside an institution's name ("Office of Management and Budget") do not end it."""
    stop = len(sentence)
    timed = _NP_TIME.search(sentence, pos)
    for end in _NP_END.finditer(sentence, pos):
        if timed and timed.start() < end.start():
            stop = timed.start()
            break
        text = sentence[pos : end.start()]
        if end.group() == "." and _ABBREV.search(text) and re.match(r"[^\s]| [A-Z]",
                                                                    sentence[end.end() :]):
            continue
        if end.group().strip() == "and" and re.search(r"\bof\s+[A-Z]", text) \
                and _NAME_AND.match(sentence, end.start()):
            continue
        if end.group().strip() == "and" and _CAPITALS.fullmatch(text.strip()) and _NAME_ENDS.match(
                sentence, end.end()):
            continue  # "the Flood Defence and Recovery Council (FDRC)"
        if end.group().strip() == "and" and _GROUP_AND.search(text) \
                and _PLURAL_AFTER.match(sentence, end.end()):
            continue  # "according to neighbours and relatives": one described source
        stop = end.start()
        break
    paren = re.match(r"\s*\([A-Z](?:[A-Z&.]{1,9}|[a-z]{2,9})\)", sentence[stop:])
    if paren:
        stop += paren.end()
    return pos, stop


def content_to_end(sentence: str, pos: int) -> tuple[int, int]:
    """Return the content span from `pos` to the sentence end, skipping a leading "that"."""
    skip = _THAT.match(sentence, pos)
    start = skip.end() if skip else pos
    end = len(sentence.rstrip(" .!?"))
    return start, max(start, end)


_SUBJECT_CUT = re.compile(
    r"(?<!\d),|,(?!\d)|[;:”\"—]|’(?!\w)|\s–\s|\s(?:that|and|but|while|what|because|as(?!\sof\b)|so|if|when|"
    r"where|said|says|after|before|since|until|unless|although|though|whereas|once|"
    r"told|added)\s"
)


def subject_before(sentence: str, end: int) -> tuple[int, str]:
    """Return the start and text of the subject chunk that ends at `end`."""
    start = max(0, end - 160)
    for match in _SUBJECT_CUT.finditer(sentence, start, end):
        if match.group().strip() == "and" and _name_and(sentence, match.start(), end):
            continue  # "the Food and Drug Administration said"
        start = match.end()
    return start, sentence[start:end]


def _name_and(sentence: str, pos: int, end: int) -> bool:
    """Tell whether the "and" at `pos` joins the words of one institution's name."""
    left = re.search(r"(?:[A-Z][\w’'.-]*\s+(?:(?:of|for|on)\s+(?:the\s+)?)?)*[A-Z][\w’'.-]*$",
                     sentence[:pos])
    right = re.match(r"\s+and\s+((?:[A-Z][\w’'.-]*\s*)+)", sentence[pos:end])
    if not left or not right:
        return False
    words = f"{left.group()} {right.group(1)}".lower().split()
    return any(w.strip(".,") in ORG_WORDS for w in words)


def appositive(sentence: str, end: int) -> tuple[int, int, str] | None:
    """Read "Name, a description," right before a verb; return the name span and description."""
    match = re.search(
        r"(?:^|[,;:!?][”\"’']?\s|\bthat\s)(?P<name>(?:(?:[A-Z]|(?:al|el|bin|ibn|abu|de|del|da|di|van|von|"
        r"der|le|la)[-\s])[\w’'.-]*\s?){1,4}),\s+(?P<desc>(?:a|an|the|who|"
        r"[a-z])[^,]{2,140}),\s*$",
        sentence[:end],
    )
    if not match:
        return None
    return match.start("name"), match.end("name"), match.group("desc").strip()
