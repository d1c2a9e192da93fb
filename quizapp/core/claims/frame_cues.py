"""Cues other than a say-verb: "according to X", "a report by X", a forecast raised by X, a
result that beat the estimates, poll respondents, "the toll given by X", "based on X data" and
"Under the plan"."""

from __future__ import annotations

import re

from quizapp.core.claims.cues import CLAUSE_ADVERB_WORDS, RELATIVE, TIME_END, VERB, Cue
from quizapp.core.claims.figure_words import WORD
from quizapp.core.claims.frames import content_to_end, np_after, subject_before
from quizapp.core.claims.speaker_descriptions import named_source_head
from quizapp.core.claims.speakers import known_source_head, read_speaker

BY_DOC = re.compile(
    r"\b(?i:briefing|report|statement|assessment|analysis|study|survey|estimates?|data|figures|"
    r"poll|review|investigation|audit|tally|count|census|requests|research)\s+(?:by|from|"
    r"released by|published by)\s+"
)
#: A result measured against a forecast: "topping the mean forecast of analysts by two cents".
BEAT = re.compile(
    r"\b(?:beat|beats|beating|topped|tops|topping|missed|misses|missing|exceeded|exceeds|"
    r"exceeding|surpassed|surpassing|matched|matching|ahead of|short of|in line with|versus|"
    r"against|compared with)\s+"
    r"(?:both\s+)?(?P<np>(?:the|an?)\s+(?:[\w’'-]+\s+){0,4}?(?:estimates?|forecasts?|"
    r"expectations|projections?|consensus)"
    r"|(?P<owner>(?:[A-ZÀ-ÖØ-ÞĀ-Ž][\w-]*\s+)?(?:[A-ZÀ-ÖØ-ÞĀ-Ž][\w-]*|analysts|economists|experts|traders|investors|"
    r"markets))(?:[’']s?)\s+(?:[\w-]+\s+){0,2}?(?:estimates?|forecasts?|expectations|projections?|"
    r"consensus|bets|predictions?))\b"
)
#: Poll respondents: "26% of 2019 Conservative voters say", "the share of voters who now say",
#: "seven in 10 Republicans back": the respondents are the source, never the party they back.
_POLL_VERBS = (r"say|said|think|thought|believe|believed|expect|expected|agree|agreed|oppose|"
               r"opposed|support|supported|want|wanted|back|backed|favou?r|favou?red|approve|"
               r"approved|disapprove|disapproved")
_RESPONDENTS = (r"(?:voters|respondents|adults|people|Americans|Britons|residents|members|"
                r"supporters|parents|workers|users|customers|those\s+(?:polled|surveyed|asked|"
                r"questioned))")
POLLED = re.compile(
    rf"\b(?:(?:(?:\d[\d.,]*|(?i:{WORD}(?:[\s-]{WORD})?))\s*(?:%|per\s?cent|percent)|"
    r"(?i:proportion|share|percentage|majority|minority|"
    r"half|(?:\w+[\s-])?(?:thirds?|quarters?|fifths?|tenths?))|[Mm]ost|[Mm]any|[Ss]ome)\s+of\s+"
    r"|\w+\s+in\s+(?:10|ten|\d+)\s+(?:of\s+)?)"
    rf"(?P<np>(?:the\s+)?(?:[\w’'-]+\s+){{0,4}}?{_RESPONDENTS})"
    rf"(?:\s+who\s+(?!{_POLL_VERBS})(?:[\w’'-]+\s+){{0,5}}?[\w’'-]+(?=\s+(?:{_POLL_VERBS})\b))?"
    rf"\s+(?:who\s+)?(?:now\s+|still\s+)?(?P<verb>{_POLL_VERBS})\b"
)
#: "Among Labour voters, 64% say ...", "X leads Y 45% to 43% among likely voters": the group.
POLLED_AMONG = re.compile(
    r"\bAmong\s+(?:just\s+|only\s+)?(?P<np>[^,;:]{3,80}?),\s+(?:just\s+|only\s+|some\s+|"
    rf"about\s+|nearly\s+|almost\s+)?\d[\d.,]*\s*(?:%|per\s?cent)\s+(?P<verb>{_POLL_VERBS})\b"
    r"|\b\d[\d.,]*%\s+to\s+\d[\d.,]*%\s+(?P<verb2>among)\s+"
    rf"(?P<np2>(?:[\w’'-]+\s+){{0,3}}?{_RESPONDENTS})\b"
)
#: "a count given on Friday by Governor X", "the count released by the police was 31".
GIVEN_BY = re.compile(
    r"\b(?:estimates?|figures?|toll|count|tally|numbers?|forecasts?|projections?)\s+"
    r"(?P<verb>given|issued|provided|released|offered|compiled|published)\s+(?:\w+\s+){0,3}?by\s+"
)
#: "..., based on GEC data.": a record at the end of a sentence is its source.
BASED_ON = re.compile(
    r",\s+(?P<cue>based on|citing)\s+(?P<np>(?:[\w’'.&-]+\s+){0,4}?(?:data|figures|records|"
    r"statistics|estimates|count|tally|survey|poll|census|report|study))\s*[.!?]?\s*$")
#: "C, a local media report said, citing the state health minister.": whom a report relays.
CITING = re.compile(r"\b(?:said|says|reported|reports|added)\s*,\s+(?P<cue>citing)\s+"
                    r"(?P<np>[^,;:.“”\"]{3,80}?)\s*[.!?]?\s*$")
#: "Under the budget plan, 800 workers would be laid off": the document is the source.
UNDER = re.compile(
    r"(?:Under|Under the terms of)\s+(?P<np>(?:the|a|an|this|its|their|[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'-]*[’']s)\s+"
    r"(?:[\w’'-]+\s+){0,4}?(?:plan|budget|deal|agreement|proposal|law|rules|guidelines|scheme|"
    r"contract|settlement|terms|bill|accord|treaty|policy|programme|program))\s*,\s*"
)
#: An organisation's own forecast or count: "Cisco raised its revenue target to 15%", "the
#: central bank retained its growth forecast at 6.5%", "the palace maintained the official count".
FORECAST = re.compile(
    r"\b(?P<verb>raised|lowered|cut|retained|maintained|kept|revised|trimmed|lifted|upgraded|"
    r"downgraded|reiterated|reaffirmed)\s+(?:(?:its|their|his|her|the|a|an|[\w.-]+[’']s?)\s+)?"
    r"(?:[\w’'-]+\s+){0,4}?(?:forecasts?|targets?|estimates?|outlook|guidance|projections?|"
    r"predictions?|count|toll|tally)\b"
    r"|\b(?P<number>raised|lowered|revised|increased|updated)\s+(?:the|its|their)\s+(?:[\w’'-]+\s+)?"
    r"number\s+of\s+[^,;]{1,90}?\s+(?:to|at)\s+(?:\w+\s+)?\d"
    r"|\b(?P<record>recorded|registered|counted|logged|documented|tallied)\s+(?:about\s|around\s|"
    r"some\s|nearly\s|almost\s|more\s+than\s|at\s+least\s|exactly\s|over\s|up\s+to\s|\d)"
    r"|\b(?:unanimously\s+|also\s+)?(?P<decision>decided|voted|agreed)\s+to\s+(?:keep|raise|cut|"
    r"lower|hold|leave|increase|reduce)\b"
    r"|\b(?P<held>maintained|retained|kept|held)\s+(?:[\w’'-]+\s+){1,4}?(?:at|unchanged)\b"
    r"|\b(?:sees|saw|see|expects|expected)\s+(?:(?:its|their|the)\s+)?(?:[\w-]+\s+){0,2}?(?:revenue|"
    r"revenues|sales|profit|profits|earnings|growth|demand|margins|output)\s+(?:growing|rising|"
    r"falling|at|of|up|down|between|in the range)\b"
)




def forecast(sentence: str, match: re.Match[str]) -> list[Cue]:
    """Read the subject of a forecast verb as the source of the whole sentence."""
    verb_at = match.start()
    adverb = re.search(r"(?:(?:also|later|then|again|has|have|had)\s+)+$", sentence[:verb_at])
    relative = RELATIVE.search(sentence[: adverb.start() if adverb else verb_at])
    if relative:  # "Cisco, which makes routers, switches and more, also raised its target"
        verb_at = relative.start()
    subject_end = adverb.start() if adverb and not relative else verb_at
    start, text = subject_before(sentence, subject_end)
    lead = len(text) - len(text.lstrip())
    start, end = start + lead, subject_end - (len(text) - len(text.rstrip()))
    timed = TIME_END.search(sentence, start, end)
    if timed and timed.start() > start:
        end = timed.start()
    phrase = read_speaker(CLAUSE_ADVERB_WORDS.sub("", sentence[start:end])) if end > start \
        else None
    if phrase is None or phrase.kind in ("unknown",) and not phrase.name[:1].isupper():
        return []
    if (match.group("decision") or match.group("held")) and phrase.kind not in ("org", "anaphor",
                                                                                 "unknown"):
        return []  # "the bank kept rates unchanged": an institution's decision, not anyone's
    if match.group("record") and not (phrase.kind in ("org", "anaphor", "person") or (
            phrase.kind == "vague" and known_source_head(phrase.name))):
        return []  # "The UN registered 2.8 million refugees", not "The runner recorded 2:01"
    verb_end = next((match.end(g) for g in ("verb", "record", "number") if match.group(g)),
                    match.end())
    return [Cue(phrase, "preposed", match.start(), verb_end, start, end, 0,
                len(sentence.rstrip(" .!?")))]


#: "Risk varied according to BMI": "according to" as "depending on", no source.
VARIED = re.compile(r"\b(?:var(?:y|ies|ied)|differ(?:s|ed)?|rank(?:s|ed)?|sorted|adjusted|"
                     r"classified|graded|grouped|broken down|measured|calculated|assessed|"
                     r"categori[sz]ed|weighted|stratified|split)\s+(?:\w+\s+)?$")
#: "Using data from GP records, the researchers found": the data is their material, not the source.
USING = re.compile(r"\b(?:[Uu]sing|[Bb]ased on|[Dd]rawing on|[Ww]ith)\s+(?:\w+\s+){0,2}$")
ACCORDING_BEFORE = re.compile(r"\b[Aa]ccording to\s+(?:\w+\s+){0,3}$")


def by_document(sentence: str, match: re.Match[str]) -> list[Cue]:
    """Read "a closed-door briefing by X" or "a report by X": X is the source of the sentence."""
    start, end = np_after(sentence, match.end())
    verb = VERB.search(sentence, start, min(len(sentence), end + 30))
    if verb is not None and verb.start() > end and (re.search(r"[,;:]", sentence[
            end : verb.start()]) or len(sentence[end : verb.start()].split()) > 4):
        verb = None  # "Figures released by X on Friday put": a time between is no clause
    if verb is not None and verb.start() < end:  # "Data from the statistics office showed"
        end = start + len(re.sub(r"(?:\s+(?:has|have|had|also|now))*\s*$", "",
                                 sentence[start : verb.start()]))
    phrase = read_speaker(sentence[start:end])
    if phrase is None or phrase.kind not in ("person", "org", "unknown") and not (
            verb is not None and _OPENS.fullmatch(sentence, 0, match.start()) is not None
            and phrase.kind in ("anaphor", "vague")
            and named_source_head(phrase.name) and not _unnamed(phrase.name)):
        return []  # but "Data from the statistics office showed": a body, right before the verb
    opening = sentence.find(",", end)
    content = (0, len(sentence.rstrip(" .!?")))
    if "," not in sentence[: match.start()] and 0 <= opening - end < 40:
        content = content_to_end(sentence, opening + 1)  # "At a briefing by X last month, C"
    later = re.search(r",\s+according to\b", sentence[content[0] :])
    if later:
        content = (content[0], content[0] + later.start())
    return [Cue(phrase, "by", match.start(), match.end(), start, end, *content)]


#: What may stand before a document that opens a sentence: "New", "The latest".
_OPENS = re.compile(r"\s*(?:(?:The|A|An|New|Latest|Official|Provisional|Preliminary|the|new|"
                    r"latest|official|provisional|preliminary)\s+){0,3}")


def _unnamed(name: str) -> bool:
    """Tell whether a described body names no one ("sources", "reports", "media")."""
    return name.lower().split()[-1] in ("sources", "source", "reports", "report", "media")


_IN_OUTLET = re.compile(r"\s+(?:in|on|by|from|published by|carried by)\s+(?=(?:the\s+)?[A-ZÀ-ÖØ-ÞĀ-Ž])",
                        re.IGNORECASE)
_PIECE = re.compile(r"\b(?:report|reports|article|story|interview|survey|study|analysis)$")


def according(sentence: str, match: re.Match[str]) -> list[Cue]:
    """Read "according to X" before or after its content."""
    start, end = np_after(sentence, match.end())
    outlet = _IN_OUTLET.match(sentence, end) if _PIECE.search(sentence, start, end) else None
    if outlet:  # "according to a report in The Times": the paper
        start, end = np_after(sentence, outlet.end())
    np_text = sentence[start:end]
    by = BY_DOC.search(np_text)
    if by:
        start += by.end()
        np_text = sentence[start:end]
    phrase = read_speaker(np_text)
    if phrase is None:
        return []
    released = _RELEASED.search(sentence, start, end)  # "a Reuters/Ipsos poll released on
    if released:  # Wednesday": the poll, without when it came out
        end = released.start()
    if sentence[: match.start()].strip(" ,") and match.start() > 3:
        content = (0, len(sentence[: match.start()].rstrip(" ,")))
    else:
        content = content_to_end(sentence, end)
    return [Cue(phrase, "according", match.start(), match.end(), start, end, *content)]


_RELEASED = re.compile(r"\s+(?:released|published|issued|compiled|conducted)\b.*$", re.S)


#: A speaker's name and a colon before a quotation, as reaction pieces and transcripts write it:
#: 'Coach Ana Ruiz: "The girls looked tired ..."', 'Club chairman Jo Lee: “We are ...”'.
_COLON_QUOTE = re.compile(r"(?P<np>(?:[A-Za-z][\w’'.-]*\s+){0,5}[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'.-]*)\s*:\s+[“\"‘]")


def colon_cue(sentence: str) -> list[Cue]:
    """Return the cue of a quotation led by its speaker's name and a colon, or none: only a
    person or a named body (not a dateline in capitals, "KOLKATA:", nor "Update:")."""
    found = _COLON_QUOTE.match(sentence)
    if not found or found.group("np").isupper():
        return []
    phrase = read_speaker(found.group("np"))
    if phrase is None or phrase.kind not in ("person", "org"):
        return []
    return [Cue(phrase, "preposed", found.start("np"), found.end() - 1, found.start("np"),
                found.end("np"), found.end() - 1, len(sentence.rstrip()))]
