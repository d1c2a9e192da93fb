"""Restating a claim for a verdict so that the statement is not its sentence with one figure
changed: an opening adverbial of time or place goes to the end ("On Sunday, 158 people were
rescued at sea" -> "158 people were rescued at sea on Sunday"), and a count that is the subject
of its clause becomes the number it is ("more than 100 people were rescued at sea" -> "the
number of people rescued at sea was more than 100"). Each change keeps the claim's meaning;
where a sentence does not have the shape, it is left as it is."""

from __future__ import annotations

import re

from quizapp.core.questions.pointers import quote_free

#: Words that make a short opening phrase one of time ("Last year", "During the night").
_TIME_WORDS = (
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|"
    r"may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|"
    r"sep|sept|oct|nov|dec|week|weeks|weekend|month|months|year|years|decade|quarter|morning|"
    r"afternoon|evening|night|overnight|today|yesterday|period|season|summer|winter|spring|"
    r"autumn|fall|days|hours"
)
#: An opening phrase of time or place before its clause: a preposition or "last"/"this"/
#: "earlier", then up to five words, then a comma; its words are checked apart.
_FRONT = re.compile(
    r"(?P<adverbial>(?i:on|in|at|during|by|since|over|last|this|earlier|later)"
    r"(?:\s+[\w’'.&-]+){1,5}?)"
    r"(?P<aside>,\s+where\s+[^,;:“”\"]+)?,\s+(?P<rest>.+)$", re.S)
_TIME = re.compile(rf"\b(?:{_TIME_WORDS})\b|\d", re.I)
#: Opening phrases that are connectives or hedges, never a time or place to move.
_NOT_SETTING = re.compile(r"(?i)^(?:at\s+least|at\s+most|in\s+(?:all|total|addition|contrast|"
                          r"fact|turn|short|particular|response|general|comparison|the\s+"
                          r"meantime)|on\s+(?:average|the\s+other\s+hand)|by\s+contrast|since\s+"
                          r"then|this\s+is)\b")
#: Words of a clause this long or longer read badly with a phrase put at their end.
_LONGEST_REST = 20


def setting_last(content: str, kept: list[str]) -> str:
    """Return a claim's clause with an opening phrase of time or place ("On Sunday", "In
    Britain, where ...,") moved to its end, the aside after a place dropped; the clause itself
    when it has no such opening, when a kept figure (`kept`: number texts) stands in what
    would be dropped, or when the rest is too short or too long to read well."""
    if content[:1] in "“‘\"'":
        return content
    found = _FRONT.match(content)
    if found is None:
        return content
    adverbial, aside, rest = found["adverbial"], found["aside"] or "", found["rest"]
    words = adverbial.split()
    if _NOT_SETTING.match(adverbial) or not (
            _TIME.search(adverbial) or any(w[:1].isupper() for w in words[1:])):
        return content  # "In addition, ...", "At least 14 ...": no setting to move
    if aside and (_TIME.search(adverbial) or any(k in aside for k in kept)):
        return content  # only a place takes a "where" aside, and a figure is never dropped
    if not 6 <= len(rest.split()) <= _LONGEST_REST or re.search(r"[\"”’]$", rest) or any(
            mark in rest for mark in "“”\";:"):
        return content
    if rest[:1].islower() and rest.split()[0] in ("and", "but", "or", "so", "which", "who"):
        return content
    return f"{rest} {adverbial[0].lower()}{adverbial[1:]}"


#: A clause boundary after a claim's figure where what follows only adds to it: ", with a 17%
#: rise in lending", ", having gained 0.9%", ", while sales rose 18%", " and will be ...".
_BOUNDARY = re.compile(
    r",\s+(?:with|while|whereas|having|after|before|but|and|up|down|compared|which|as|amid|"
    r"following|despite|making|bringing|taking|leaving|including|ahead|against|its|the\s+(?:"
    r"highest|lowest|biggest|largest|smallest|first|most|worst|best))\b|;\s|\s+and\s+(?:will|"
    r"would|has|have|had|is|was|are|were|could|may|might|also)\b|\s+but\s")
#: Words a statement keeps at least when its clause is cut after the figure.
_SHORTEST = 5


def restated(content: str, at: int) -> str:
    """Return a claim's clause whose figure at `at` has been said as a bound ("more than 30"),
    cut after the figure at the first boundary of what only adds to it, and a count opening the
    clause said as the number it is; the clause itself where neither applies."""
    plain = quote_free(content)
    figure_end = at + len(" ".join(content[at:].split()[:3]))
    for found in _BOUNDARY.finditer(content, figure_end):
        cut = found.start()
        if not plain[cut : found.end()].strip() or _open_bracket(content[:cut]):
            continue  # never inside a quotation or a bracket
        if len(content[:cut].split()) >= _SHORTEST and plain[at:cut].strip():
            content = content[:cut].rstrip(" –—-")  # "under 14 categories – but ...": no dash
        break
    return count_restated(content)


def _open_bracket(text: str) -> bool:
    """Tell whether `text` leaves a bracket open."""
    return text.count("(") > text.count(")")


#: A count opening its clause, its plural noun and a passive verb: "more than 100 people were
#: rescued", "fewer than 60 foreign passengers have been hurt", "68 boats were sunk".
_COUNTED = re.compile(
    r"(?P<bound>(?:(?i:more|fewer|less)\s+than\s+|(?i:at\s+least|at\s+most)\s+)?\d[\d,.]*"
    r"(?:\s+(?:million|billion|thousand))?)\s+(?P<noun>(?:[a-z]"
    r"[a-z-]+\s+){0,2}?(?:people|men|women|children|police|staff|personnel|[a-z]{3,}s))\s+(?:"
    r"(?P<passive>were|was|are|is|have\s+been|has\s+been|had\s+been)\s+(?P<participle>(?:[a-z]+"
    r"(?:ed|en|wn|t)|sunk|struck|hung|sold|told|held|hit|found|paid|won|run|spun|dug))"
    r"|(?P<perfect>have|had)?\s*(?P<verb>died|drowned|perished|fled|escaped|"
    r"survived|arrived|attended|voted|marched|protested|crossed|returned))\b"
    r"(?P<tail>[^,;:“”\"()]*?)$", re.S)
#: Words ending like a participle that are none ("were present", "was about", "were not").
_NO_PARTICIPLE = frozenset("present absent about that not out most least best part".split())
#: Words of a tail this long or longer make "the number of ... was" hard to read.
_LONGEST_TAIL = 10


def count_restated(content: str) -> str:
    """Return a clause that opens with a count of people or things and a passive or
    intransitive verb said as the number it is ("more than 60 passengers were injured" -> "the
    number of passengers injured was more than 60"); the clause itself when it has not that
    shape."""
    found = _COUNTED.match(content)
    if found is None:
        return content
    participle = found["participle"]
    if participle and participle in _NO_PARTICIPLE:
        return content
    tail = found["tail"].rstrip()
    if len(tail.split()) > _LONGEST_TAIL or tail.split()[:1] in (["and"], ["or"], ["but"]):
        return content
    if participle:
        tense = "is" if found["passive"] in ("are", "is") or found["passive"].startswith(
            ("have", "has")) else "was"
        what = f"{found['noun']} {participle}"
    else:
        perfect = found["perfect"]
        tense = "is" if perfect == "have" else "was"
        what = f"{found['noun']} who {perfect + ' ' if perfect else ''}{found['verb']}"
    bound = found["bound"][0].lower() + found["bound"][1:]
    return f"the number of {what}{tail} {tense} {bound}"
