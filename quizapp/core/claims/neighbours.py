"""Sentences that take their source from a neighbour: the paragraph after "X puts it this way:",
a poll's margin of error, a further share of the same respondents, the figures before "The
figures came from X", and "she said" after a described one-person source."""

from __future__ import annotations

import re
from dataclasses import replace

from quizapp.core.claims.claim import VAGUE_SPEAKER, Attribution
from quizapp.core.claims.speakers import ORG_WORDS, TITLES
from quizapp.core.text.countries import is_country

_FIGURE = re.compile(r"\d")
_POLL_WORDS = frozenset("poll polls survey surveys".split())


def carry_neighbours(text: str, pending: list, result: list[Attribution]) -> list[Attribution]:
    """Give sentences without a source of their own the source a neighbour hands them."""
    result = _carry_colon(text, pending, _carry_margin(pending, result))
    for i in range(1, len(result)):  # "Deaths rose to 412. The figures came from the FDRC."
        lead = result[i]
        if lead.frame == "by" and lead.speaker and _CAME_BACK.match(pending[i][2]) and result[
                i - 1].strength == "none" and _FIGURE.search(pending[i - 1][2]):
            result[i - 1] = Attribution(lead.speaker, lead.strength, result[i - 1].start,
                                        result[i - 1].end, frame="context",
                                        content_start=result[i - 1].start,
                                        content_end=result[i - 1].end)
    for i in range(1, len(result)):  # "55% of voters say C; 34% say D. 10% aren't sure."
        if result[i].strength == "none" and result[i - 1].frame == "poll" and _SHARE_SAYS.match(
                pending[i][2]) and "\n" not in text[pending[i - 1][1] : pending[i][0]]:
            result[i] = Attribution(result[i - 1].speaker, result[i - 1].strength,
                                    result[i].start, result[i].end, frame="context",
                                    content_start=result[i].start, content_end=result[i].end)
    return result


def _carry_colon(text: str, pending: list, result: list[Attribution]) -> list[Attribution]:
    """Give the paragraph after a line that hands over to a source ("The Courier puts this in
    perspective:", "Analyst Jo Lee wrote in a note:") that source, sentence by sentence, where a
    sentence has no source of its own; the paragraph after that is the writer's again."""
    for i in range(len(result) - 1):
        lead, line = result[i], pending[i][2].rstrip()
        if not line.endswith(":") or lead.strength not in ("named", "described") or \
                lead.speaker is None or lead.frame not in ("preposed", "postposed") or \
                "\n" not in text[pending[i][1] : pending[i + 1][0]]:
            continue
        j = i + 1
        while j < len(result):
            if result[j].strength == "none":
                result[j] = Attribution(lead.speaker, lead.strength, result[j].start,
                                        result[j].end, frame="context",
                                        content_start=result[j].start, content_end=result[j].end)
            if j + 1 < len(result) and "\n" in text[pending[j][1] : pending[j + 1][0]]:
                break
            j += 1
    return result


#: A sentence that names the source of the figures before it.
_CAME_BACK = re.compile(r"\s*(?:The|These|Those|Its|Their)\s+(?:latest\s+|new\s+|official\s+)?"
                        r"(?:figures|numbers|data|toll|tally|estimates?|counts?)\s+(?:came|come|"
                        r"comes|were|are)\s+from\b")
#: A share of the same respondents, answering on: "10% aren't sure.", "Another 12% say ...".
_SHARE_SAYS = re.compile(
    r"\s*(?:(?:Just|Only|Another|Some|A further)\s+)?\d[\d.,]*\s*(?:%|per\s?cent|percent)\s+"
    r"(?:say|said|think|thought|are|were|aren[’']t|weren[’']t|don[’']t|do not|did not|back|backed|"
    r"oppose|opposed|would|will|want|wanted|favou?r|support|supported|approve|disapprove|remain)\b",
    re.IGNORECASE)
#: A sentence about how a poll was taken: "It has a margin of error of 3 points", "1,200 adults
#: were surveyed".
_POLL_METHOD = re.compile(
    r"\b(?:margin of error|sampling error|(?:were|was) (?:polled|surveyed|interviewed|"
    r"questioned))\b",
    re.IGNORECASE)


_OWN_POLL = re.compile(r"\s*(?:The|This|That|Our|Its|Their)\s+(?:\w+\s+)?(?:poll|survey)\b")


def _carry_margin(pending: list, result: list[Attribution]) -> list[Attribution]:
    """Give a poll's method sentence without a source of its own ("It has a margin of error of
    plus or minus 5 points") the latest poll or survey cited before it."""
    for i, here in enumerate(result):
        if here.strength != "none" or not _POLL_METHOD.search(pending[i][2]) or _OWN_POLL.match(
                pending[i][2]):
            continue  # "The poll has a margin of error": the poll is no source of itself
        poll = next((a for a, p in zip(reversed(result[:i]), reversed(pending[:i]), strict=True)
                     if a.strength in ("named", "described") and a.speaker and _POLL_WORDS & set(
                         f"{a.speaker.name} {a.speaker.mention}".lower().split())), None)
        if poll is not None:
            result[i] = Attribution(poll.speaker, poll.strength, here.start, here.end,
                                    frame="context", content_start=here.start,
                                    content_end=here.end)
    return result


_ONE_PERSON = frozenset("""source official officer spokesman spokeswoman spokesperson witness
    resident analyst expert diplomat commander leader minister doctor survivor eyewitness
    passenger driver worker teacher lawyer head boss founder owner rescuer victim mother
    father""".split())  # ("police": a force, never "he")


def nearer_described(earlier: list[Attribution], here: Attribution) -> Attribution | None:
    """Return the one person described after the named person "he" or "she" was resolved to
    ("Bakri said ... the army source said ... she said"), or None."""
    for attribution in reversed(earlier):
        if attribution.strength in ("none", "vague") or attribution.speaker is None:
            continue
        if attribution.strength == "named":
            return None  # the cast's person is the latest speaker
        head = _one_person(attribution.speaker.name)
        named = here.speaker.mention.lower() if here.speaker else ""
        return attribution if head and not re.search(rf"\b{re.escape(head)}\b", named) else None
    return None  # ("Port commissioner Omar Brook ... the commissioner stated ... he": Brook)


def _one_person(description: str) -> str:
    """Return the head noun of a description that names one person, a person's role or title
    ("source" of "the army source", "head" of "the head of the rescue team"), or ""."""
    words = re.split(r"\s+(?:of|at|for|from|in|with)\s+", description.lower())[0].split()
    return words[-1] if words and (words[-1] in _ONE_PERSON or words[-1] in TITLES) else ""




#: A sentence opened by a group of people: "Residents were angry.", "Many villagers fled."
_GROUP_SUBJECT = re.compile(r"\s*(?:(?:The|Many|Some|Local|Other|Angry|Worried)\s+)?(?:[a-z]+\s+)?"
                            r"(?P<group>[A-Za-z][a-z]{2,}s)\s+(?:were|are|have|had|say|said|fear|feared|"
                            r"complained|gathered|protested|fled|waited|remain|remained)\b")


def group_before(sentence: str, before: Attribution, pronoun: str = "they",
                 known: frozenset[str] = frozenset()) -> Attribution | None:
    """Return the group a bare "They say" refers to, or the body a bare "It said" does, when the
    sentence before opens with it and cites no one ("Residents were angry. They say ...", "The
    central bank cut rates. It said ..."), or None."""
    if before.strength != "none":
        return None
    if pronoun == "it":
        found = _BODY_SUBJECT.match(sentence)
        aside = found and found.group("aside")
        if found is None or found.group("body").split()[-1].lower() in _NOT_BODY or (
                found.group("body")[0].isupper() and not re.search(r"\bits\b", sentence)
                and not ORG_WORDS & set(found.group("body").lower().split())
                and not is_country(found.group("body")) and not found.group("acronym")
                and found.group("body") not in known
                and not (aside and ORG_WORDS & set(aside.lower().split()))):
            return None  # "John Smith visited": no "it"; "Volcor Energy slashed its dividend",
            # "Mali has started recording cases", "Sea Relief (SRL), a charity, put the toll
            # higher" are an "it", and so is a body the article cites before (`known`)
        at = before.start + found.start("body")
        speaker = replace(VAGUE_SPEAKER, name=found.group("body"), mention=found.group("body"),
                          mention_start=at)
        return Attribution(speaker, "described", before.start, before.end)
    found = _GROUP_SUBJECT.match(sentence)
    if found is None or found.group("group").lower() not in _PEOPLE:
        return None
    at = before.start + found.start("group")
    speaker = replace(VAGUE_SPEAKER, name=found.group("group"), mention=found.group("group"),
                      mention_start=at)
    return Attribution(speaker, "described", before.start, before.end)


#: A sentence opened by an organisation: "The central bank cut rates.", "Volcor Energy has cut".
_BODY_SUBJECT = re.compile(
    r"\s*(?:The\s+)?(?P<body>(?:[A-ZÀ-ÖØ-ÞĀ-Ž][\w&’'.-]*\s+){0,3}[A-ZÀ-ÖØ-ÞĀ-Ž][\w&’'.-]*|(?:[a-z]+\s+)?(?:bank|"
    r"company|firm|government|ministry|council|agency|regulator|airline|retailer|group|"
    r"commission|board|court|authority|department|army|police|union|club|charity|study|report|"
    r"survey|poll|review|analysis|trial|inquiry|audit))(?P<acronym>\s+\([A-ZÀ-ÖØ-ÞĀ-Ž][A-Za-z]{1,7}\))?"
    r"(?:,\s+which\s+(?:[^,]|,(?=\d)){3,120},|,\s+(?P<aside>an?\s+[^,]{3,120}),)?"
    r"\s+(?:has\s+|had\s+|have\s+|also\s+|was\s+|were\s+|is\s+|are\s+)?(?:[a-z]+ed|cut|set|"
    r"put|kept|held|made|lost|won|raised|sold|bought|closed|opened|gave|gives|given)\b")
_NOT_BODY = frozenset("""i he she we they it this that these those there here monday tuesday
    wednesday thursday friday saturday sunday""".split())
_PEOPLE = frozenset("""residents villagers witnesses survivors officials experts analysts parents
    critics activists workers farmers passengers doctors nurses teachers students protesters
    campaigners shoppers investors economists scientists researchers locals neighbours neighbors
    families relatives fans voters drivers traders officers lawyers""".split())
