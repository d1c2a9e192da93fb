"""Attribution cues in one sentence: who says it ("according to X", "X said", "..., said X"),
the cue, and the span of what is reported."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from quizapp.core.claims.frames import (
    appositive,
    content_to_end,
    inside,
    np_after,
    quote_spans,
    subject_before,
)
from quizapp.core.claims.speakers import SpeakerPhrase, known_source_head, read_speaker

SAY_VERBS = """said says say told tells tell stated states announced announces indicated indicates
indicate reported reports estimated estimates estimate warned warns claimed claims declared
declares confirmed confirms added adds noted notes suggested suggests suggest explained explains
argued argues wrote writes insisted insists acknowledged acknowledges admitted admits revealed
reveals predicted predicts cautioned cautions stressed stresses emphasised emphasized urged urges
asserted asserts alleged alleges denied denies refuted refutes disclosed discloses testified
projected projects forecast forecasts concluded concludes found finds showed shows show
speculate speculates speculated believe believes believed fear fears feared expect expects
expected place places put puts recalled tweeted posted saying announcing claiming warning adding
noting stating insisting estimating confirming suggesting arguing telling ruled rules stipulated
stipulates conceded concedes vowed vows pledged pledges promised promises recounted recounts claim
confirm verify asked attributed attributes identified identifies
disputed disputes dispute rejected rejects calculated calculates calculate accused accuses
apologised apologized predicting forecasting
projecting""".split()
_AUX = r"(?:(?:has|have|had|was|were|is|are|will|would|also|later|previously|earlier|repeatedly|" \
    r"again|publicly|recently|then|had\s+been|not|yet|so\s+far|could|did|does|do|refused\s+to|" \
    r"declined\s+to|unable\s+to)\s+)"
#: An adverb before a verb ("publicly said"): lower case, and not a noun in -ly ("the tally").
_ADVERB = r"(?:(?!(?:tally|family|rally|assembly|ally|supply|monopoly|anomaly|belly|jelly)\s)" \
    r"[a-z]+ly\s+)"
_CUE = re.compile(rf"\b(?P<aux>{_AUX}{{0,3}}{_ADVERB}?)(?P<verb>{'|'.join(SAY_VERBS)})\b")
_VERB = re.compile(rf"\b(?:{'|'.join(SAY_VERBS)})\b")
_TELL_VERBS = frozenset(("told", "tells", "tell", "asked"))
#: Verbs that often take a noun object ("denied the report"): content only after "that" or ":".
_OBJECT_VERBS = frozenset(
    """denied denies refuted refutes confirmed confirms revealed reveals disclosed discloses
    announced announces reported reports acknowledged acknowledges admitted admits predicted
    predicts urged urges projected projects forecast forecasts showed shows show found finds warned
    warns stressed stresses emphasised emphasized recalled tweeted posted disputed disputes dispute
    rejected rejects confirm verify attributed attributes conceded concedes identified
    identifies asked""".split()
)
_NOUN_USE = re.compile(rf"\s+(?:{_AUX}{{0,2}}{_ADVERB}?)?(?:{'|'.join(SAY_VERBS)})\b")
_FINDING_VERBS = frozenset(
    "found finds showed shows revealed reveals suggested suggests identified identifies".split())
_PLACE_VERBS = frozenset("place places put puts show shows".split())
#: Say-verbs that are also nouns ("an estimate of", "the forecast by").
_NOUN_VERBS = frozenset(
    "estimate estimates forecast forecasts report reports claims claim projects show".split())
_BELIEF_VERBS = frozenset(
    "speculate speculates speculated believe believes believed fear fears feared expect expects "
    "expected".split()
)
_ACCORDING = re.compile(r"\b[Aa]ccording to\s+")
_AS_PUT = re.compile(
    r"\b[Aa]s\s+(?P<np>[A-Z][^,;:]{1,80}?)\s+"
    r"(?P<verb>put it|puts it|said|says|noted|wrote|explained)\b"
)
_QUOTED = re.compile(
    r"\b(?P<medium>[^,;:“”\"]{2,60}?)\s+(?:quoted|cited)\s+(?P<np>[^,;:]{2,80}?)(?:,[^,]{2,120},)?"
    r"\s+as\s+(?:saying|telling|stating|adding)"
)
_PASSIVE = re.compile(
    r"\b(?:was|were|is|are|has been|have been|had been)\s+(?:\w+ly\s+)?(?:reported|announced|"
    r"confirmed|stated|estimated|disclosed|revealed|said)\s+by\s+"
)
_BY_DOC = re.compile(
    r"\b(?:briefing|report|statement|assessment|analysis|study|survey|estimates?|data|figures|poll|"
    r"review|investigation|audit|tally|count|census)\s+(?:by|from|released by|published by)\s+"
)
_VAGUE = re.compile(
    r"\b(?:reportedly|allegedly|reputedly|purportedly|supposedly|rumou?red|unconfirmed)\b"
    r"|\b(?:it|this) (?:is|was|has been|had been) (?:estimated|believed|reported|thought|"
    r"understood|said|claimed|rumou?red|alleged|suggested)\b"
    r"|\b(?:is|are|was|were) (?:believed|thought|said|reported|rumou?red|alleged|estimated|"
    r"understood) to\b|\bthere (?:are|were|have been) reports\b|\baccording to (?:media )?"
    r"(?:reports|sources)\b",
    re.IGNORECASE,
)
#: "The figures came from the National Disaster Council": the figures' source.
_CAME_FROM = re.compile(
    r"\b(?:figures|numbers|data|toll|tally|estimates?|count)\s+(?P<verb>came|come|comes|"
    r"were|are|is|was)\s+from\s+"
)
#: "..., with some legal experts predicting 20 to 25 years": an absolute clause names a source.
_WITH_ING = re.compile(
    r"\bwith\s+(?P<np>(?:[\w’'-]+\s+){0,4}?[\w’'-]+)\s+"
    r"(?P<verb>saying|predicting|estimating|forecasting|warning|claiming|putting|confirming|"
    r"adding|noting|stating|insisting|arguing|denying|reporting)\b"
)
_TOLD_PLAIN = re.compile(
    r"\s+(?P<medium>(?:the\s+)?(?:police|reporters|journalists|media|press|court|jury|"
    r"committee|council|parliament|lawmakers|[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,3}))"
    r"(?=\s+(?:there|it|he|she|they|we|the|a|an|\d))")
_TOLD_OBJECT = re.compile(r"\s*(?P<medium>[^,;:]{1,60}?)(?=\s+that\b|\s*[,:]|\s+[‘“\"'])")


@dataclass(frozen=True)
class Cue:
    """An attribution found in a sentence: offsets are relative to the sentence."""

    phrase: SpeakerPhrase | None  # None for a vague marker without a speaker
    frame: str  # "preposed", "postposed", "according", "by", "passive", "as", "quoted", "vague"
    cue_start: int
    cue_end: int
    mention_start: int  # where the speaker phrase is written, -1 when not
    mention_end: int
    content_start: int  # the reported content
    content_end: int
    medium: str = ""  # the outlet a speaker told or quoted ("The New York Times")


def find_cues(sentence: str, opened: bool = False) -> list[Cue]:
    """Return every attribution cue of a sentence, in order of position; none inside quoted
    speech (`opened`: the sentence starts inside a quotation the sentence before left open)."""
    quotes = quote_spans(sentence, opened)
    cues: list[Cue] = []
    for match in _ACCORDING.finditer(sentence):
        if not inside(quotes, match.start()) and not _VARIED.search(sentence, 0, match.start()):
            cues.extend(_according(sentence, match))
    for match in _AS_PUT.finditer(sentence):
        phrase = read_speaker(match.group("np"))
        if phrase and not inside(quotes, match.start()):
            content = content_to_end(sentence, match.end())
            if match.start() > 3:
                content = (0, len(sentence[: match.start()].rstrip(" ,")))
            cues.append(Cue(phrase, "as", match.start(), match.end(), match.start("np"),
                            match.end("np"), *content))
    for match in _QUOTED.finditer(sentence) if " as " in sentence else ():
        phrase = read_speaker(match.group("np"))
        if phrase and not inside(quotes, match.start()):
            content_end = sentence.rfind(",", 0, match.start("medium"))
            cues.append(Cue(phrase, "quoted", match.start("np") - 1, match.end(),
                            match.start("np"), match.end("np"), 0, max(content_end, 0),
                            medium=match.group("medium").strip()))
    for match in _BY_DOC.finditer(sentence):
        if not inside(quotes, match.start()) and not _ACCORDING_BEFORE.search(
                sentence, 0, match.start()) and not _USING.search(sentence, 0, match.start()):
            cues.extend(_by_document(sentence, match))
    for match in _PASSIVE.finditer(sentence):
        start, end = np_after(sentence, match.end())
        phrase = read_speaker(sentence[start:end])
        if phrase and not inside(quotes, match.start()):
            cues.append(Cue(phrase, "passive", match.start(), match.end(), start, end, 0,
                            match.start()))
    for hit in _VERB.finditer(sentence):
        if hit.start() and sentence[hit.start() - 1] == "-":
            continue  # "better-than-expected": an adjective
        match = _CUE.match(sentence, _aux_start(sentence, hit.start()))
        if match and not inside(quotes, match.start("verb")):
            cue = _verb_cue(sentence, match)
            if cue:
                cues.append(cue)
    for match in _CAME_FROM.finditer(sentence):
        start, end = np_after(sentence, match.end())
        phrase = read_speaker(sentence[start:end])
        if phrase and phrase.kind in ("person", "org", "unknown") and not inside(
                quotes, match.start()):
            cues.append(Cue(phrase, "by", match.start("verb"), match.end(), start, end, 0,
                            len(sentence.rstrip(" .!?"))))
    for match in _WITH_ING.finditer(sentence):
        phrase = read_speaker(match.group("np"))
        if phrase and phrase.kind not in ("pronoun",) and not inside(quotes, match.start()):
            cues.append(Cue(phrase, "preposed", match.start("verb"), match.end("verb"),
                            match.start("np"), match.end("np"),
                            *content_to_end(sentence, match.end())))
    for match in _BEAT.finditer(sentence):
        if not inside(quotes, match.start()):
            np = match.group("np")
            name = re.sub(r"^(?:the|an?)\s+", "", np)
            cues.append(Cue(SpeakerPhrase(name, "", name, "vague"), "by", match.start(),
                            match.start("np"), match.start("np"), match.end("np"), 0,
                            len(sentence.rstrip(" .!?"))))
    for match in _POLLED.finditer(sentence) if " of " in sentence else ():
        if not inside(quotes, match.start()):
            np = match.group("np")
            cues.append(Cue(SpeakerPhrase(np, "", np, "vague"), "poll", match.start("verb"),
                            match.end("verb"), match.start("np"), match.end("np"),
                            *content_to_end(sentence, match.end("verb"))))
    for match in _GIVEN_BY.finditer(sentence):
        start, end = np_after(sentence, match.end())
        verb = re.compile(r"\s(?:was|were|is|are|had|has|have|would|will|could)\b").search(
            sentence, start, end)
        end = verb.start() if verb else end  # "the toll given by the police was 24"
        phrase = read_speaker(sentence[start:end])
        if phrase and phrase.kind != "pronoun" and not inside(quotes, match.start()):
            joint = re.compile(r",\s*(?:but|while|and|whereas)\s").search(sentence, end)
            stop = joint.start() if joint else len(sentence.rstrip(" .!?"))
            cues.append(Cue(phrase, "by", match.start("verb"), match.end(), start, end, 0, stop))
    for match in _BASED_ON.finditer(sentence):
        phrase = read_speaker(match.group("np"))
        if phrase and phrase.kind != "pronoun" and not inside(quotes, match.start()):
            cues.append(Cue(phrase, "according", match.start("cue"), match.start("np"),
                            match.start("np"), match.end("np"), 0, match.start()))
    under = _UNDER.match(sentence)
    if under and not inside(quotes, under.start()):
        np = under.group("np")
        cues.append(Cue(SpeakerPhrase(np, "", np, "vague"), "according", under.start(),
                        under.start("np"), under.start("np"), under.end("np"),
                        *content_to_end(sentence, under.end())))
    for match in _FORECAST.finditer(sentence):
        if not inside(quotes, match.start()):
            cues.extend(_forecast(sentence, match))
    for match in _VAGUE.finditer(sentence):
        if not inside(quotes, match.start()):
            start, end = content_to_end(sentence, 0)
            cues.append(Cue(None, "vague", match.start(), match.end(), -1, -1, start, end))
    cues.sort(key=lambda c: c.cue_start)
    return [_trimmed(sentence, c) for c in cues]


_MENTION_LEAD = re.compile(r"(?:(?:While|But|And|However|Meanwhile|Although|Though|So|Yet|Also)"
                           r",?\s+)+")
_MENTION_TAIL = re.compile(r"(?:\s+(?:also|later|again|now|then|recently|previously|too))+$")


def _trimmed(sentence: str, cue: Cue) -> Cue:
    """Drop sentence adverbs and conjunctions from the edges of a cue's speaker mention
    ("While Villaraigosa", "Mr Chambers also")."""
    if cue.mention_start < 0:
        return cue
    start, end = cue.mention_start, cue.mention_end
    lead = _MENTION_LEAD.match(sentence, start, end)
    if lead and lead.end() < end:
        start = lead.end()
    tail = _MENTION_TAIL.search(sentence, start, end)
    if tail and tail.start() > start:
        end = tail.start()
    if (start, end) == (cue.mention_start, cue.mention_end):
        return cue
    return replace(cue, mention_start=start, mention_end=end)


#: A result measured against a forecast: "beating the average analyst estimate by a penny".
_BEAT = re.compile(
    r"\b(?:beat|beats|beating|topped|tops|topping|missed|misses|missing|exceeded|exceeds|"
    r"exceeding|surpassed|surpassing|matched|matching|ahead of|short of|in line with)\s+"
    r"(?:both\s+)?(?P<np>(?:the|an?)\s+(?:[\w’'-]+\s+){0,4}?(?:estimates?|forecasts?|"
    r"expectations|projections?|consensus))\b"
)
#: Poll respondents: "26% of 2019 Conservative voters say", "the share of voters who now say",
#: "seven in 10 Republicans back": the respondents are the source, never the party they back.
_POLLED = re.compile(
    r"\b(?:\d[\d.,]*\s*(?:%|per\s?cent)|\w+\s+in\s+(?:10|ten|\d+)|(?:proportion|share|"
    r"percentage|majority|minority|half|third|quarter)|most|many|some)\s+of\s+"
    r"(?P<np>(?:the\s+)?(?:[\w’'-]+\s+){0,4}?(?:voters|respondents|adults|people|Americans|Britons|"
    r"residents|members|supporters|parents|workers|users|customers|those\s+(?:polled|surveyed|"
    r"asked|questioned)))\s+(?:who\s+)?(?:now\s+|still\s+)?(?P<verb>say|said|think|thought|"
    r"believe|believed|expect|expected|agree|agreed|oppose|opposed|support|supported|want|wanted)\b"
)
#: "an estimate given this week by President X", "the toll given by the police was 24".
_GIVEN_BY = re.compile(
    r"\b(?:estimates?|figures?|toll|count|tally|numbers?|forecasts?|projections?)\s+"
    r"(?P<verb>given|issued|provided|released|offered|compiled|published)\s+(?:\w+\s+){0,3}?by\s+"
)
#: "..., based on GEC data.": a record at the end of a sentence is its source.
_BASED_ON = re.compile(
    r",\s+(?P<cue>based on|citing)\s+(?P<np>(?:[\w’'.&-]+\s+){0,4}?(?:data|figures|records|"
    r"statistics|estimates|count|tally|survey|poll|census|report|study))\s*[.!?]?\s*$")
#: "Under the budget plan, 800 workers would be laid off": the document is the source.
_UNDER = re.compile(
    r"(?:Under|Under the terms of)\s+(?P<np>(?:the|a|an|this|its|their|[A-Z][\w’'-]*[’']s)\s+"
    r"(?:[\w’'-]+\s+){0,4}?(?:plan|budget|deal|agreement|proposal|law|rules|guidelines|scheme|"
    r"contract|settlement|terms|bill|accord|treaty|policy|programme|program))\s*,\s*"
)
#: An organisation's own forecast or count: "Cisco raised its revenue target to 15%", "the
#: central bank retained its growth forecast at 6.5%", "the palace maintained the official count".
_FORECAST = re.compile(
    r"\b(?P<verb>raised|lowered|cut|retained|maintained|kept|revised|trimmed|lifted|upgraded|"
    r"downgraded|reiterated|reaffirmed)\s+(?:(?:its|their|his|her|the|a|an|[\w.-]+[’']s?)\s+)?"
    r"(?:[\w’'-]+\s+){0,4}?(?:forecasts?|targets?|estimates?|outlook|guidance|projections?|"
    r"predictions?|count|toll|tally)\b"
    r"|\b(?:unanimously\s+|also\s+)?(?P<decision>decided|voted|agreed)\s+to\s+(?:keep|raise|cut|"
    r"lower|hold|leave|increase|reduce)\b"
    r"|\b(?P<held>maintained|retained|kept|held)\s+(?:[\w’'-]+\s+){1,4}?(?:at|unchanged)\b"
)


def _forecast(sentence: str, match: re.Match[str]) -> list[Cue]:
    """Read the subject of a forecast verb as the source of the whole sentence."""
    verb_at = match.start()
    adverb = re.search(r"(?:also|later|then|again)\s+$", sentence[:verb_at])
    relative = _RELATIVE.search(sentence[: adverb.start() if adverb else verb_at])
    if relative:  # "Cisco, which makes routers, switches and more, also raised its target"
        verb_at = relative.start()
    start, text = subject_before(sentence, verb_at)
    lead = len(text) - len(text.lstrip())
    start, end = start + lead, verb_at - (len(text) - len(text.rstrip()))
    timed = _TIME_END.search(sentence, start, end)
    if timed and timed.start() > start:
        end = timed.start()
    phrase = read_speaker(_CLAUSE_ADVERBS_WORDS.sub("", sentence[start:end])) if end > start \
        else None
    if phrase is None or phrase.kind in ("unknown",) and not phrase.name[:1].isupper():
        return []
    if (match.group("decision") or match.group("held")) and phrase.kind not in ("org", "anaphor",
                                                                                 "unknown"):
        return []  # "the bank kept rates unchanged": an institution's decision, not anyone's
    verb_end = match.end("verb") if match.group("verb") else match.end()
    return [Cue(phrase, "preposed", match.start(), verb_end, start, end, 0,
                len(sentence.rstrip(" .!?")))]


_CLAUSE_ADVERBS_WORDS = re.compile(r"\s+(?:also|later|again|now|then|recently|previously)\s*$")


_PARENTHETICAL = re.compile(r"(?:\s+(?:on|in|last|late|early|this)\s+\w+(?:\s+\w+)?)?\s*,")
_AUX_BEFORE = re.compile(rf"(?:{_AUX}{{0,3}}{_ADVERB}?)$")


def _aux_start(sentence: str, verb_start: int) -> int:
    """Return where the auxiliaries and adverb before a verb start ("has repeatedly said")."""
    lo = max(0, verb_start - 40)
    found = _AUX_BEFORE.search(sentence, lo, verb_start)
    start = found.start() if found else verb_start
    while start > lo and sentence[start - 1].isalnum():
        start += 1  # never start inside a word
    return start


#: "Risk varied according to BMI": "according to" as "depending on", no source.
_VARIED = re.compile(r"\b(?:var(?:y|ies|ied)|differ(?:s|ed)?|rank(?:s|ed)?|sorted|adjusted|"
                     r"classified|graded|grouped|broken down)\s+(?:\w+\s+)?$")
#: "Using data from GP records, the researchers found": the data is their material, not the source.
_USING = re.compile(r"\b(?:[Uu]sing|[Bb]ased on|[Dd]rawing on|[Ww]ith)\s+(?:\w+\s+){0,2}$")
_ACCORDING_BEFORE = re.compile(r"\b[Aa]ccording to\s+(?:\w+\s+){0,3}$")


def _by_document(sentence: str, match: re.Match[str]) -> list[Cue]:
    """Read "a closed-door briefing by X" or "a report by X": X is the source of the sentence."""
    start, end = np_after(sentence, match.end())
    phrase = read_speaker(sentence[start:end])
    if phrase is None or phrase.kind not in ("person", "org", "unknown"):
        return []
    opening = sentence.find(",", end)
    content = (0, len(sentence.rstrip(" .!?")))
    if "," not in sentence[: match.start()] and 0 <= opening - end < 40:
        content = content_to_end(sentence, opening + 1)  # "At a briefing by X last month, C"
    later = re.search(r",\s+according to\b", sentence[content[0] :])
    if later:
        content = (content[0], content[0] + later.start())
    return [Cue(phrase, "by", match.start(), match.end(), start, end, *content)]


def _according(sentence: str, match: re.Match[str]) -> list[Cue]:
    """Read "according to X" before or after its content."""
    start, end = np_after(sentence, match.end())
    np_text = sentence[start:end]
    by = _BY_DOC.search(np_text)
    if by:
        start += by.end()
        np_text = sentence[start:end]
    phrase = read_speaker(np_text)
    if phrase is None:
        return []
    if sentence[: match.start()].strip(" ,") and match.start() > 3:
        content = (0, len(sentence[: match.start()].rstrip(" ,")))
    else:
        content = content_to_end(sentence, end)
    return [Cue(phrase, "according", match.start(), match.end(), start, end, *content)]


def _verb_cue(sentence: str, match: re.Match[str]) -> Cue | None:
    """Read a say-verb cue: "X said (that) C", "C, X said", "C, said X", "X told Y that C"."""
    verb = match.group("verb")
    cue_start, cue_end = match.start(), match.end()
    if re.search(r"\b(?:is|are|was|were|been)\b", match.group("aux")):
        return None  # passive: "it is estimated" is a vague marker, "was reported by" a frame
    if verb.endswith("s") and (_NOUN_USE.match(sentence, cue_end) or re.match(
            r"\s+[a-z]+(?:ed|wn|en)\s+(?:from|by|in)\b", sentence[cue_end:])):
        return None  # "reports said", "estimates drawn from": the word is a noun here
    if verb.endswith("ing"):
        return _participle_cue(sentence, match)
    if re.match(r"\s+(?:of|by|for)\b", sentence[cue_end:]) and verb in _NOUN_VERBS:
        return None  # "the average Wall Street forecast of $9.3 billion": a noun here
    if verb in _NOUN_VERBS and re.search(r"(?:[’']s?|\bown|\bits|\btheir)\s+$",
                                         sentence[: match.start("verb")]):
        return None  # "Chambers' own estimate in May": a noun after a possessive
    before = sentence[:cue_start].rstrip()
    age = _AGE.search(before)  # "Gloria Betts, 71, said": the age is no clause boundary
    relative = None if age else _RELATIVE.search(before)  # "X, who boarded in Y, told Z"
    if relative and not subject_before(sentence, relative.start())[1].strip():
        relative = None
    subject_end = age.start() if age else relative.start() if relative else cue_start
    apposed = appositive(sentence, subject_end)
    lead_in = None if apposed else _lead_in(sentence[:subject_end])
    inverted = not age and not relative and not lead_in and (
        not before or before[-1] in ",’”\"'—")
    if not apposed and not lead_in and re.search(r"\band\s*$", before):
        joined = _coordinated(sentence, cue_start)  # "X maintained the count and said C"
        if joined is not None:
            start, end, phrase = joined
            content = content_to_end(sentence, cue_end)
            if verb in _OBJECT_VERBS and not re.match(r"\s*(?:that\b|:|[‘“\"])",
                                                      sentence[cue_end:]):
                content = (cue_end, cue_end)  # "He saw X and forecast growth of 13%"
            return Cue(phrase, "preposed", cue_start, cue_end, start, end, *content)
    if inverted and not apposed and verb not in _PLACE_VERBS | _TELL_VERBS:
        start, end = np_after(sentence, cue_end + 1)
        phrase = read_speaker(sentence[start:end]) if end > start else None
        if phrase and phrase.kind != "pronoun":
            boundary = len(before.rstrip(",’”\"'— ")) if before else 0
            content = (0, boundary) if before else content_to_end(sentence, end)
            return Cue(phrase, "postposed", cue_start, cue_end, start, end, *content)
    if apposed:
        start, end, _description = apposed
        phrase = read_speaker(sentence[start:end])
    elif lead_in:  # "Its director, Neil Parkes, said", "One of them, the operator OrbLink, said"
        start, end, phrase = lead_in
    else:
        start, text = subject_before(sentence, subject_end)
        lead = len(text) - len(text.lstrip())
        start, end = start + lead, subject_end - (len(text) - len(text.rstrip()))
        timed = _TIME_END.search(sentence, start, end)  # "rival EDF last week said"
        if timed and timed.start() > start:
            end = timed.start()
        phrase = read_speaker(sentence[start:end]) if end > start else None
    if re.match(r"(?:with|without|amid)\s", sentence[start:end]):
        return None  # "with temperatures predicted to hit 30C": a reduced passive, no speaker
    if phrase is None and sentence[start:end] in ("who", "which"):
        return _who_said(sentence, match, start)
    if phrase is None or re.match(r"[a-z]+ing\b", sentence[start:end]):
        return None  # "topping the average Wall Street forecast": no speaker
    if re.search(r"\b(?:who|that|which)(?:\s+(?:now|still|also|\w+ly))?\s*$", sentence[start:end]):
        return None  # "the share of voters who now say": the subject of a relative clause
    if verb in _PLACE_VERBS and phrase.kind not in ("vague", "org", "person"):
        return None
    if verb in _FINDING_VERBS and phrase.kind == "vague" and not known_source_head(phrase.name):
        return None  # "A skull found in China": a finding, not its finder
    if verb in _BELIEF_VERBS and phrase.kind != "vague":
        return None
    medium = ""
    after = cue_end
    if verb in _TELL_VERBS:
        told = _TOLD_OBJECT.match(sentence, cue_end)
        plain = _TOLD_PLAIN.match(sentence, cue_end)
        if plain and not (told and told.end() <= plain.end()):
            told = plain  # "survivors told the police there were 50 on board"
        if told:
            medium = told.group("medium").strip()
            after = told.end()
        elif re.fullmatch(r"\s+[^,;:“\"]{2,60}?[.!?]?\s*", sentence[cue_end:]):
            after = len(sentence)  # '"C," X told reporters in Lima.': nothing reported after
            medium = sentence[cue_end:].strip().rstrip(".!?")  # "C, an analyst told CNBC."
    after_comma = sentence[:start].rstrip().endswith(",")
    parenthetical = after_comma and _PARENTHETICAL.match(sentence, after) is not None
    if start > 0 and sentence[:start].rstrip().endswith(("’", "”", '"', ",")) and (
        content_to_end(sentence, after)[1] - after < 3 or parenthetical
        or _TIME_TAIL.fullmatch(sentence, after)
        or (re.search(r"[,!?][\"”’']\s*$", sentence[:start])  # '"C," X said in a webcast'
            and not re.match(r"\s*,\s*\w+ing\b", sentence[after:]))  # not ', adding that C2'
    ):
        boundary = len(sentence[:start].rstrip(",’”\"'— "))
        return Cue(phrase, "postposed", cue_start, cue_end, start, end, 0, boundary, medium)
    content = content_to_end(sentence, after)
    if verb in _OBJECT_VERBS and not re.match(
            r"\s*(?:(?:on|last|this|in)\s+\w+\s+)?(?:that\b|:|[‘“\"])", sentence[after:]):
        content = (after, after)
    return Cue(phrase, "preposed", cue_start, cue_end, start, end, *content, medium=medium)


#: "Coach Ann Lee, who said C, praised ...": the speaker before the relative pronoun.
_WHO_BEFORE = re.compile(r"(?:^|[,;:]\s)(?P<np>[^,;:“”\"]{2,80}),\s+$")
_MAIN_AFTER = re.compile(r",\s+(?:(?:also|then|later|again)\s+)?[a-z]+ed\b")


def _who_said(sentence: str, match: re.Match[str], who: int) -> Cue | None:
    """Read "X, who said C, VERBED ...": X says C, the clause up to the main verb."""
    before = _WHO_BEFORE.search(sentence, 0, who)
    phrase = read_speaker(before.group("np")) if before else None
    if before is None or phrase is None or phrase.kind not in ("person", "org"):
        return None
    start, end = content_to_end(sentence, match.end())
    main = _MAIN_AFTER.search(sentence, start, end)
    if main:
        end = main.start()
    return Cue(phrase, "preposed", match.start(), match.end(), before.start("np"),
               before.end("np"), start, end)


_AGE = re.compile(r",\s*\d{1,3},\s*$")
_TIME_END = re.compile(
    r"\s+(?:as\s+of\s+[\w.]+(?:\s+\d{1,2})?|"
    r"(?:last|this|earlier this|on|over the)\s+(?:week|weekend|month|year|night|morning|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|yesterday|today|earlier|"
    r"previously)$")
#: A relative clause between a speaker and the verb ("Mourinho, who will be hoping ..., told").
_RELATIVE = re.compile(
    r"(?:,\s+(?:who|which|whose)\s|,\s+and\s+(?:was|is|has|had|were)\s|,\s+(?:published|released|"
    r"carried out|conducted|commissioned|funded|led|issued|compiled)\s)[^,;:“”\"]{2,160}?"
    r"(?:,\s+[^,;:“”\"]{2,80}?){0,2},\s*$"
)
_CLAUSE_ADVERBS = re.compile(r",\s*(?:however|meanwhile|though|too|also|in turn|for (?:its|their|"
                             r"his|her) part)\s*,", re.I)


def _coordinated(sentence: str, verb_start: int) -> tuple[int, int, SpeakerPhrase] | None:
    """Read the subject of "X [adverb] VERBED ... and said C": the sentence's own subject."""
    head = _CLAUSE_ADVERBS.sub(lambda m: " " * len(m.group()), sentence[:verb_start])
    cut = max((m.end() for m in re.finditer(r"[,;:]\s|\s(?:but|while|whereas|that)\s", head)),
              default=0)  # "C, OCHA said, but other officials disputed it and put it lower"
    head = " " * cut + head[cut:]
    verb = _MAIN_VERB.search(head, cut)
    if verb and re.match(r"\s(?:is|are|was|were)\s+(?:\w+ly\s+)?\w+ed\b", head[verb.start() :]):
        return None  # "Victims were emailed and told": they were told, they did not tell
    if verb is None or verb.start() <= cut or re.search(r"[;:“”\"]", head[cut : verb.start()]):
        return None
    text = head[: verb.start()]
    phrase = read_speaker(text)
    if phrase is None:
        return None
    end = len(text.rstrip(" ,"))
    return len(text) - len(text.lstrip()), end, phrase
_LEAD_WORDS = frozenset("the its his her their our one a an".split())
_LEAD_IN = re.compile(r"(?:^|,\s)(?P<name>(?:[\w’'.-]+\s){0,7}[A-Z][\w’'.-]*"
                      r"(?:\s\([A-Z](?:[A-Z&.]{1,9}|[a-z]{2,9})\))?),\s*$")
_TIME_TAIL = re.compile(
    r"\s*(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|"
    r"tonight|(?:this|last|earlier this)\s+(?:morning|afternoon|evening|week|month|night))"
    r"\s*[.!?]?\s*"
)


def _lead_in(before: str) -> tuple[int, int, SpeakerPhrase] | None:
    """Read a speaker set off by commas after an opening clause, right before its verb."""
    found = _LEAD_IN.search(before.rstrip() + " ")
    if not found or found.start() == 0:
        return None
    first = found.group("name").split()[0]
    if first.islower() and first not in _LEAD_WORDS:
        return None  # ", in Avdiivka and Toretsk, says X": a place phrase, not a speaker
    phrase = read_speaker(found.group("name"))
    if phrase is None or phrase.kind not in ("person", "org", "unknown"):
        return None
    return found.start("name"), found.end("name"), phrase


_LEAD_NAME = re.compile(
    r"(?:The\s+)?(?:[A-Z][\w’'.&-]*\s+(?:(?:of|for|and|the)\s+)*)*[A-Z][\w’'.&-]*(?=\s+[a-z])"
)
_MAIN_VERB = re.compile(
    r"\s(?:[a-z]+ed|is|are|was|were|has|have|had|will|would|can|could|may|might|met|went|made|"
    r"took|gave|told|said|says|spoke|held|led|left|came|kept|put|set|cut|saw|found|won|lost|sent|"
    r"got|ran|began|rose|fell)\b"
)


def _participle_cue(sentence: str, match: re.Match[str]) -> Cue | None:
    """Read "X traveled to Y, ... announcing that C": the speaker is the sentence's subject."""
    if not re.search(r"(?:,|\band|,\s*while)\s*$", sentence[: match.start()]):
        return None
    verb = _MAIN_VERB.search(sentence, 0, match.start())
    subject = _LEAD_NAME.match(sentence)
    if subject and subject.group() in ("The", "A", "An"):
        subject = None  # "The army could not confirm it, while saying": no name, a description
    whole = read_speaker(sentence[: verb.start()]) if verb and verb.start() > 0 else None
    if whole is not None and whole.kind in ("person", "org"):
        end = verb.start()  # "The Chicago judge, Amy St Eve, rejected ..., saying"
    elif subject and (not verb or subject.end() < verb.start()):
        end = subject.end()
    elif verb and verb.start() > 0:
        end = verb.start()
    else:
        return None
    phrase = read_speaker(sentence[:end])
    if phrase is None or phrase.kind == "pronoun" or (
            phrase.kind == "vague" and not known_source_head(phrase.name)):
        return None  # "An experimental vaccine ..., suggesting": a finding, not a source
    content = content_to_end(sentence, match.end())
    return Cue(phrase, "participle", match.start(), match.end(), 0, end, *content)
