"""Attribution cues in one sentence: who says it ("according to X", "X said", "..., said X"),
the cue, and the span of what is reported."""

from __future__ import annotations

import re
from dataclasses import replace

from quizapp.core.claims.cues import CUE, RELEASE_VERBS, VERB, Cue
from quizapp.core.claims.frame_cues import (
    ACCORDING_BEFORE,
    BASED_ON,
    BEAT,
    BY_DOC,
    CITING,
    FORECAST,
    GIVEN_BY,
    POLLED,
    POLLED_AMONG,
    UNDER,
    USING,
    VARIED,
    according,
    by_document,
    colon_cue,
    forecast,
)
from quizapp.core.claims.frames import (
    content_to_end,
    inside,
    np_after,
    quote_spans,
    subject_before,
)
from quizapp.core.claims.speaker_descriptions import named_source_head
from quizapp.core.claims.speakers import SpeakerPhrase, known_source_head, read_speaker
from quizapp.core.claims.verb_cues import aux_start, verb_cue

__all__ = ["Cue", "find_cues"]

_ACCORDING = re.compile(r"\b[Aa]ccording to\s+")
_AS_PUT = re.compile(
    r"\b[Aa]s\s+(?P<np>[A-ZÀ-ÖØ-ÞĀ-Ž][^,;:]{1,80}?)\s+"
    r"(?P<verb>put it|puts it|said|says|noted|wrote|explained)\b"
)
_QUOTED = re.compile(
    r"\b(?P<medium>[^,;:“”\"]{2,60}?)\s+(?:quoted|cited)\s+(?P<np>[^,;:]{2,80}?)(?:,[^,]{2,120},)?"
    r"\s+as\s+(?:saying|telling|stating|adding)"
)
_PASSIVE = re.compile(
    r"\b(?:was|were|is|are|has been|have been|had been)\s+(?:\w+ly\s+)?(?:reported|announced|"
    r"confirmed|stated|estimated|disclosed|revealed|said|called for|demanded|proposed|recommended|"
    r"predicted|forecast|projected|urged|measured|recorded|registered|calculated|counted|tallied|"
    r"(?P<told>advised|told|informed|warned|assured))\s+by\s+"
)
_VAGUE = re.compile(
    r"\b(?:reportedly|allegedly|reputedly|purportedly|supposedly|rumou?red|unconfirmed)\b"
    r"|\b(?:it|this) (?:is|was|has been|had been) (?:estimated|believed|reported|thought|"
    r"understood|said|claimed|rumou?red|alleged|suggested)\b"
    r"|\b(?:is|are|was|were) (?:believed|thought|said|reported|rumou?red|alleged|estimated|"
    r"understood) to\b|\bthere (?:are|were|have been) reports\b|\baccording to (?:media )?"
    r"(?:reports|sources)\b"
    r"|\b(?:deaths|casualties|cases|injuries|fatalities|people|bodies) (?:were|have been|had been|"
    r"was) reported\b(?!\s+by\b)",
    re.IGNORECASE,
)
#: "The figures came from the regional health board": the figures' source.
_CAME_FROM = re.compile(
    r"\b(?:figures|numbers|data|toll|tally|estimates?|count)\s+(?P<verb>came|come|comes|"
    r"were|are|is|was)\s+from\s+"
)
#: A document right before "states": "..., the budget revision states, because C".
_DOC_BEFORE = re.compile(r"\b(?:report|revision|document|statement|law|plan|bill|letter|filing|"
                         r"notice|guidance|policy|contract|agreement|memo|study|survey|budget|"
                         r"proposal|ruling|judgment|judgement|complaint|lawsuit|indictment|review|"
                         r"analysis|assessment|release|accounts|minutes|summary|data|records)\s+$",
                         re.I)
_NOUN_THEN_VERB = re.compile(r"\s+(?:on|about|from|of|to|by)\s+(?:the\s+|a\s+|this\s+)?"
                             r"[a-z]+(?:\s+[a-z]+)?\s+(?:are|were|is|was|will|have|had)\b")
_RELEASED_DATA = re.compile(r"\s+(?:(?:its|their|the|new|latest|final|official|provisional|"
                            r"preliminary|updated|first|annual|monthly|quarterly|a|an)\s+){0,3}"
                            r"(?:figures|results|data|statistics|estimates|numbers|tally|tallies|"
                            r"count|toll|forecasts?|projections|list)\b")
_STATES_THAT = re.compile(r"\s+(?:that\b|clearly\b|:)|\s+(?:\w+\s+){0,3}?(?:\d|that\b)")
#: A second clause with its own subject ("..., and profits fell", "; sales dropped").
_NEXT_CLAUSE = re.compile(r",\s+(?:and|while|but|whereas)\s|;\s")
#: "..., with several economists predicting 3 to 4 per cent": an absolute clause names a source.
_WITH_ING = re.compile(
    r"\bwith\s+(?P<np>(?:[\w’'-]+\s+){0,4}?[\w’'-]+)\s+"
    r"(?P<verb>saying|predicting|estimating|forecasting|warning|claiming|putting|confirming|"
    r"adding|noting|stating|insisting|arguing|denying|reporting|conceding|admitting|"
    r"acknowledging|revealing|showing|suggesting)\b"
)

#: The words BEAT ends on ("estimate", "forecasts", ...): a sentence without one cannot match.
#: "X are of the opinion that C": X holds C, as if X said it.
_OF_OPINION = re.compile(r"\s+(?:is|are|was|were)\s+of\s+the\s+(?:opinion|view|belief)\s+that\b")
_BEAT_HEADS = ("estimate", "forecast", "expectations", "projection", "consensus")


#: A body named by a list of its fields ("the Bureau of Alcohol, Tobacco, Firearms and
#: Explosives", "the Ministry of Agriculture, Fisheries and Food"): its commas are no breaks.
_LISTED_NAME = re.compile(
    r"\b(?:Bureau|Department|Ministry|Office|Commission|Agency|Institute|Council|Committee|"
    r"Secretary|Minister|Board|Centre|Center|Society|Federation|Association|Union|Authority|"
    r"Service|School|College|Faculty)\s+(?:of|for)\s+(?:the\s+)?[A-ZÀ-ÖØ-ÞĀ-Ž][a-zß-öø-ÿā-ž]+"
    r"(?:,\s+[A-ZÀ-ÖØ-ÞĀ-Ž][a-zß-öø-ÿā-ž]+)+,?\s+and\s+[A-ZÀ-ÖØ-ÞĀ-Ž][a-zß-öø-ÿā-ž]+")


#: An auxiliary right after a word in -s: the word is a plural noun ("estimates have been").
_AUX_AFTER = re.compile(r"\s+(?:have|has|had|are|were|was|is|will|would|could|can|may|might|"
                        r"should)\b")
#: What "added" takes when it says nothing: a count, a quantity or a thing ("added 200 jobs").
_ADDED_OBJECT = re.compile(r"\s+(?:\d|more\b|some\b|another\b|about\b|nearly\b|almost\b|"
                           r"over\b|pressure\b|weight\b|fuel\b|value\b|insult\b|momentum\b|"
                           r"to\b|up\b)")
#: An auxiliary and an aside just before a verb: "has, meanwhile, announced".
_ASIDE_AFTER_AUX = re.compile(r"\b(?:has|have|had|will|would)\s*,\s*[^,]{1,30},\s*$")


#: "what city leaders say [is]": a cue whose words are only a noun phrase of the sentence.
_FREE_RELATIVE = re.compile(r"\b[Ww]hat\s+(?:[\w’'.-]+\s+){1,5}$")
_COPULA_AFTER = re.compile(r"\s+(?:is|was|are|were|has been|had been|would be|will be)\b")


def find_cues(sentence: str, opened: bool = False) -> list[Cue]:
    """Return every attribution cue of a sentence, in order of position; none inside quoted
    speech (`opened`: the sentence starts inside a quotation the sentence before left open).
    A name listing its fields is read whole, its commas read as spaces (same offsets)."""
    named = [m.group() for m in _LISTED_NAME.finditer(sentence)] if ", " in sentence else []
    if not named:
        return _find_cues(sentence, opened)
    masked = sentence
    for name in named:
        masked = masked.replace(name, name.replace(",", " "))
    return [_unmasked(cue, named) for cue in _find_cues(masked, opened)]


def _unmasked(cue: Cue, names: list[str]) -> Cue:
    """Return a cue found in a masked sentence with the commas of its names put back."""
    phrase = cue.phrase
    if phrase is None:
        return cue
    fields = {}
    for field in ("name", "description", "mention"):
        value = getattr(phrase, field)
        for name in names:
            value = value.replace(" ".join(name.replace(",", " ").split()), name)
        fields[field] = value
    return replace(cue, phrase=replace(phrase, **fields))


def _find_cues(sentence: str, opened: bool) -> list[Cue]:
    """Return the cues of `find_cues`."""
    quotes = quote_spans(sentence, opened)
    cues: list[Cue] = []
    # a pattern needing a word the sentence lacks is not run ("by", "from", "with")
    for match in _ACCORDING.finditer(sentence) if "ccording" in sentence else ():
        if not inside(quotes, match.start()) and not VARIED.search(sentence, 0, match.start()):
            cues.extend(according(sentence, match))
    for match in _OF_OPINION.finditer(sentence) if " of the " in sentence else ():
        start, text = subject_before(sentence, match.start())
        phrase = read_speaker(text) if text.strip() else None
        if phrase and phrase.kind != "pronoun" and not inside(quotes, match.start()):
            lead = len(text) - len(text.lstrip())  # "Observers are of the opinion that C"
            cues.append(Cue(phrase, "preposed", match.start(), match.end(), start + lead,
                            match.start(), *content_to_end(sentence, match.end())))
    for match in _AS_PUT.finditer(sentence):
        phrase = read_speaker(match.group("np"))
        if phrase and not inside(quotes, match.start()):
            content = content_to_end(sentence, match.end())
            if match.start() > 3:
                content = (0, len(sentence[: match.start()].rstrip(" ,")))
            cues.append(Cue(phrase, "as", match.start(), match.end(), match.start("np"),
                            match.end("np"), *content))
    quoted = " as " in sentence and ("quoted" in sentence or "cited" in sentence)
    for match in _QUOTED.finditer(sentence) if quoted else ():
        phrase = read_speaker(match.group("np"))
        if phrase and not inside(quotes, match.start()):
            content_end = sentence.rfind(",", 0, match.start("medium"))
            cues.append(Cue(phrase, "quoted", match.start("np") - 1, match.end(),
                            match.start("np"), match.end("np"), 0, max(content_end, 0),
                            medium=match.group("medium").strip()))
    by = "by" in sentence
    for match in BY_DOC.finditer(sentence) if by or "from" in sentence else ():
        if not inside(quotes, match.start()) and not ACCORDING_BEFORE.search(
                sentence, 0, match.start()) and not USING.search(sentence, 0, match.start()):
            cues.extend(by_document(sentence, match))
    for match in _PASSIVE.finditer(sentence) if by else ():
        start, end = np_after(sentence, match.end())
        if match.group("told") and not re.match(r"\s*,?\s+that\b", sentence[end:]):
            continue  # "was advised by lawyers to stay silent": advice, no claim; but "was
            # told by officers that C" reports C
        phrase = read_speaker(sentence[start:end])
        content = (0, match.start()) if not match.group("told") else content_to_end(
            sentence, re.match(r"\s*,?\s+that\s+", sentence[end:]).end() + end)
        if phrase and not inside(quotes, match.start()):
            cues.append(Cue(phrase, "passive", match.start(), match.end(), start, end,
                            *content))
    for hit in VERB.finditer(sentence):
        if hit.start() and sentence[hit.start() - 1] == "-":
            continue  # "better-than-expected": an adjective
        if hit.group().endswith("s") and _AUX_AFTER.match(sentence, hit.end()):
            continue  # "the wheat estimates have been lowered": a noun before its verb
        if hit.group() in ("added", "adds") and _ADDED_OBJECT.match(sentence, hit.end()):
            continue  # "The economy added 200,000 jobs", "added pressure on": no words said
        if _ASIDE_AFTER_AUX.search(sentence, 0, hit.start()):
            continue  # "Nokia has, meanwhile, announced plans to": no inverted "announced X"
        if hit.group().endswith("s") and _NOUN_THEN_VERB.match(sentence, hit.end()):
            continue  # "Signed letters to the board are due": a noun, then its verb
        if hit.group() in RELEASE_VERBS and not _RELEASED_DATA.match(sentence, hit.end()):
            continue  # "released 30 prisoners", "a study published in": no figures given out
        if hit.group() == "ruled" and not _STATES_THAT.match(sentence, hit.end()):
            continue  # "the party, which ruled the city for decades": no ruling
        if hit.group() in ("states", "rules") and not _STATES_THAT.match(sentence, hit.end()) \
                and not (hit.group() == "states" and _DOC_BEFORE.search(sentence, 0, hit.start())):
            continue  # "seven states,", "road rules": nouns; "the law states that C" says C
        if _FREE_RELATIVE.search(sentence, max(0, hit.start() - 60), hit.start()) and \
                _COPULA_AFTER.match(sentence, hit.end()):
            continue  # "Facing what city leaders say is a crisis, the council debated for
            # 13 hours": they say only what the crisis is
        match = CUE.match(sentence, aux_start(sentence, hit.start()))
        if match and not inside(quotes, match.start("verb")):
            cue = verb_cue(sentence, match)
            if cue and hit.group() in RELEASE_VERBS:  # what is released is a thing, no
                cue = replace(cue, content_start=cue.content_end)  # clause to quote as a claim
            if cue:
                cues.append(cue)
    for match in _CAME_FROM.finditer(sentence) if "from" in sentence else ():
        start, end = np_after(sentence, match.end())
        phrase = read_speaker(sentence[start:end])
        if phrase and phrase.kind in ("person", "org", "unknown") and not inside(
                quotes, match.start()):
            cues.append(Cue(phrase, "by", match.start("verb"), match.end(), start, end, 0,
                            len(sentence.rstrip(" .!?"))))
    for match in _CALLED.finditer(sentence) if "all" in sentence or "scrib" in sentence else ():
        cue = _called(sentence, match, quotes)
        if cue:
            cues.append(cue)
    for match in _RATED.finditer(sentence) if " as " in sentence or " at " in sentence else ():
        cue = _called(sentence, match, quotes)  # "The survey recorded it as a 6.8-magnitude tremor"
        if cue:
            stop = re.compile(r",\s|;\s").search(sentence, match.end())
            cues.append(replace(cue, content_start=match.start("what"),
                                content_end=stop.start() if stop else cue.content_end))
    for match in _OWN_COUNT.finditer(sentence) if "’" in sentence or "'" in sentence else ():
        phrase = read_speaker(match.group("np"))
        if phrase and (phrase.kind in ("org", "person") or (
                phrase.kind == "unknown" and phrase.name[:1].isupper())) and not inside(
                quotes, match.start()):
            stop = re.compile(r",\s|;\s").search(sentence, match.end())
            cues.append(Cue(phrase, "according", match.start("count"), match.end("count"),
                            match.start("np"), match.end("np"), match.start(),
                            stop.start() if stop else len(sentence.rstrip(" .!?"))))
    for match in _HEARD.finditer(sentence) if " told" in sentence or " heard" in sentence else ():
        if not inside(quotes, match.start()):
            cues.append(_heard(sentence, match))
    for match in _CONCERN.finditer(sentence) if "concern" in sentence or "fear" in sentence else ():
        cue = _called(sentence, match, quotes)  # "The party raised concerns about the waits"
        if cue:
            cues.append(replace(cue, content_start=match.end(), content_end=match.end()))
    for match in _WITH_ING.finditer(sentence) if "with" in sentence else ():
        phrase = read_speaker(match.group("np"))
        if phrase and phrase.kind not in ("pronoun",) and not inside(quotes, match.start()):
            cues.append(Cue(phrase, "preposed", match.start("verb"), match.end("verb"),
                            match.start("np"), match.end("np"),
                            *content_to_end(sentence, match.end())))
    beat = any(head in sentence for head in _BEAT_HEADS)
    for match in BEAT.finditer(sentence) if beat else ():
        if not inside(quotes, match.start()):
            np = match.group("np")
            name = match.group("owner") or re.sub(r"^(?:the|an?)\s+", "", np)
            if match.group("owner") and match.group("owner")[0].isupper() and \
                    match.group("owner") not in ("Wall Street", "City"):
                continue  # "topped Acme's forecast": its own guidance, asked elsewhere
            group = "owner" if match.group("owner") else "np"
            joint = _NEXT_CLAUSE.search(sentence, match.end())  # "..., and profits fell": not
            cues.append(Cue(SpeakerPhrase(name, "", name, "vague"), "by", match.start(),
                            match.start("np"), match.start(group), match.end(group), 0,
                            joint.start() if joint else len(sentence.rstrip(" .!?"))))
    for match in POLLED.finditer(sentence) if " of " in sentence or " in " in sentence else ():
        if not inside(quotes, match.start()):
            np = match.group("np")
            cues.append(Cue(SpeakerPhrase(np, "", np, "vague"), "poll", match.start("verb"),
                            match.end("verb"), match.start("np"), match.end("np"),
                            *content_to_end(sentence, match.end("verb"))))
    for match in POLLED_AMONG.finditer(sentence) if "mong " in sentence else ():
        group = "np" if match.group("np") else "np2"
        verb = "verb" if group == "np" else "verb2"
        if not inside(quotes, match.start()):
            np = match.group(group)
            content = content_to_end(sentence, match.end(verb)) if group == "np" else (
                0, len(sentence.rstrip(" .!?")))
            cues.append(Cue(SpeakerPhrase(np, "", np, "vague"), "poll", match.start(verb),
                            match.end(verb), match.start(group), match.end(group), *content))
    for match in GIVEN_BY.finditer(sentence) if by else ():
        start, end = np_after(sentence, match.end())
        verb = re.compile(r"\s(?:was|were|is|are|had|has|have|would|will|could)\b").search(
            sentence, start, end)
        end = verb.start() if verb else end  # "the count released by the police was 31"
        phrase = read_speaker(sentence[start:end])
        if phrase and phrase.kind != "pronoun" and not inside(quotes, match.start()):
            joint = re.compile(r",\s*(?:but|while|and|whereas)\s").search(sentence, end)
            stop = joint.start() if joint else len(sentence.rstrip(" .!?"))
            cues.append(Cue(phrase, "by", match.start("verb"), match.end(), start, end, 0, stop))
    for match in BASED_ON.finditer(sentence):
        phrase = read_speaker(match.group("np"))
        if phrase and phrase.kind != "pronoun" and not inside(quotes, match.start()):
            cues.append(Cue(phrase, "according", match.start("cue"), match.start("np"),
                            match.start("np"), match.end("np"), 0, match.start()))
    for match in CITING.finditer(sentence) if "citing" in sentence else ():
        phrase = read_speaker(match.group("np"))
        if phrase and (phrase.kind in ("person", "org") or (phrase.kind == "vague" and (
                named_source_head(phrase.name)))) and not inside(quotes, match.start()):
            cues.append(Cue(phrase, "citing", match.start("cue"), match.start("np"),
                            match.start("np"), match.end("np"), 0, match.start()))
    under = UNDER.match(sentence)
    if under and not inside(quotes, under.start()):
        np = under.group("np")
        cues.append(Cue(SpeakerPhrase(np, "", np, "vague"), "according", under.start(),
                        under.start("np"), under.start("np"), under.end("np"),
                        *content_to_end(sentence, under.end())))
    for match in FORECAST.finditer(sentence):
        if not inside(quotes, match.start()):
            cues.extend(forecast(sentence, match))
    for match in _VAGUE.finditer(sentence):
        if not inside(quotes, match.start()):
            start, end = content_to_end(sentence, 0)
            cues.append(Cue(None, "vague", match.start(), match.end(), -1, -1, start, end))
    cues.sort(key=lambda c: c.cue_start)
    return [_trimmed(sentence, c) for c in cues or colon_cue(sentence)]


#: "X called it "the worst ..."", "X is calling the deal "historic"": X's words in quotes.
_CALLED = re.compile(r"\b(?P<verb>called|calls|calling|described|describes|describing|dubbed|"
                     r"labelled|labeled|branded)\s+(?:it|this|that|them|the\s+[\w-]+(?:\s+[\w-]+)?)"
                     r"(?:\s+(?:on|last|this)\s+[A-ZÀ-ÖØ-ÞĀ-Ž]?[a-z]+)?(?:\s+as)?\s*,?\s*[“\"‘]")


#: "X described it as a 7.1-magnitude tremor", "Y recorded it at 6.8", "Z put the toll at 40":
#: X, Y and Z each measure or name the thing themselves.
_RATED = re.compile(
    r"\b(?P<verb>described|describes|recorded|records|measured|measures|rated|rates|classified|"
    r"classifies|put|puts|placed|places|registered|registers|cited|cites|gave|gives)\s+(?:it|"
    r"them|the\s+(?:[\w-]+\s+)?"
    r"(?:quake|earthquake|tremor|storm|toll|figure|number|count|total|tally|losses|damage))"
    r"\s+(?:as|at)\s+(?P<what>\S)")  # ("put the death toll at 56")


#: "the agency's latest tally of the dead stood at 60", "Valpost's own count was 81": the
#: owner of a count gives it.
_OWN_COUNT = re.compile(
    r"(?P<np>\b(?:[Tt]he\s+)?(?:[A-ZÀ-ÖØ-ÞĀ-Ž][\w.&-]*\s+){0,3}[A-ZÀ-ÖØ-ÞĀ-Ž][\w.&-]*|\b[Tt]he\s+(?:[a-z]+\s+)?"
    r"(?:ministry|agency|police|government|authorities|army|military|council|company))"
    r"(?:’s?|'s?)\s+(?P<count>(?:(?:latest|own|official|last|new|updated|revised|provisional|"
    r"preliminary|final|separate)\s+)*(?:death\s+)?(?:count|tally|toll|estimate|figures?|"
    r"numbers?))(?:\s+of\s+(?:the\s+)?[a-z]+(?:\s+[a-z]+)?)?\s+(?:stood|stands|was|is|were|are|"
    r"reached|rose|climbed|had\s+risen|has\s+risen|put|puts)\b")


#: Court reporting: "C, a court has heard", "Bristol Crown Court was told C", "the jury heard that
#: C": what was said in court is the court's to report.
_HEARD = re.compile(
    r"(?P<np>\b(?:[Aa]|[Tt]he)\s+(?:[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'-]*\s+){0,3}?(?:court|jury|inquest|tribunal|"
    r"hearing|trial|Court)|\b[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'-]*(?:\s+[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'-]*){0,3}\s+(?:Court|Tribunal|Inquest))"
    r"\s+(?:has\s+|had\s+)?(?P<verb>heard|was\s+told|were\s+told|(?:has|had)\s+been\s+told)\b")


def _heard(sentence: str, match: re.Match[str]) -> Cue:
    """Read "C, a court has heard" (C before) or "X Court was told C" (C after) as the court's."""
    np = match.group("np")
    name = re.sub(r"^(?:[Aa]|[Tt]he)\s+", "", np)
    kind = "org" if name[:1].isupper() else "vague"
    before = sentence[: match.start()].rstrip()
    if before.endswith(",") and len(before) > 12:
        content = (0, len(before.rstrip(",")))
    else:
        content = content_to_end(sentence, match.end())
    return Cue(SpeakerPhrase(name, "", name, kind), "preposed" if content[0] else "postposed",
               match.start("verb"), match.end("verb"), match.start("np"), match.end("np"),
               *content)


#: "X raised concerns about C", "X voiced fears that C": X's claim.
_CONCERN = re.compile(r"\b(?P<verb>raised|raises|voiced|voices|expressed|expresses)\s+"
                      r"(?:serious\s+|grave\s+|fresh\s+|new\s+)?(?:concerns?|fears|doubts)\s+"
                      r"(?:about|over|that)\s+")


def _called(sentence: str, match: re.Match[str], quotes: list[tuple[int, int]]) -> Cue | None:
    """Read the subject of "X called it "C"" as the speaker of the quoted words."""
    if inside(quotes, match.start()):
        return None
    end = aux_start(sentence, match.start())
    start, text = subject_before(sentence, end)
    start, end = start + len(text) - len(text.lstrip()), len(sentence[:end].rstrip())
    phrase = read_speaker(sentence[start:end]) if end > start else None
    if phrase is None or (phrase.kind == "pronoun" and phrase.name not in ("he", "she")) or (
            phrase.kind == "vague" and not known_source_head(phrase.name)):
        return None
    return Cue(phrase, "preposed", match.start(), match.end("verb"), start, end,
               match.end() - 1, len(sentence.rstrip(" .!?")))


_MENTION_LEAD = re.compile(r"(?:(?:While|But|And|However|Meanwhile|Although|Though|So|Yet|Also)"
                           r",?\s+)+")
_MENTION_TAIL = re.compile(
    r"(?:\s+(?:also|later|again|now|then|recently|previously|too|each|both|all|alone|together|"
    r"first|initially|originally|still))+$"
    r"|(?<=oll|vey|udy|ort|sus|unt|dit|iew)\s+(?:conducted|carried\s+out|taken|done|released|"
    r"published|issued|held|commissioned)$")  # "a poll (survey, study ...) conducted (from ...)"


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
    phrase = read_speaker(sentence[start:end]) if cue.phrase is not None else None
    if phrase is None or phrase.kind != cue.phrase.kind:
        phrase = cue.phrase  # the trimmed words read otherwise: keep the reading of the whole
    return replace(cue, phrase=phrase, mention_start=start, mention_end=end)
