"""Say-verb cues: "X said (that) C", "C, X said", "C, said X", "X told Y that C", "X, who said
C, ...", "X did Y and said C" and "X did Y, saying C"."""

from __future__ import annotations

import re

from quizapp.core.claims.cues import (
    ADVERB,
    AUX,
    EACH,
    FIRM_BEFORE,
    GROUP_BEFORE,
    INTERVIEW,
    LIST_BEFORE,
    RELATIVE,
    RELAYED,
    SAID_BEFORE,
    SAY_VERBS,
    TIME_END,
    Cue,
)
from quizapp.core.claims.frames import appositive, content_to_end, np_after, subject_before
from quizapp.core.claims.speakers import SpeakerPhrase, known_source_head, read_speaker

_TELL_VERBS = frozenset(("told", "tells", "tell", "asked"))
#: Verbs that often take a noun object ("denied the report"): content only after "that" or ":".
_OBJECT_VERBS = frozenset(
    """denied denies refuted refutes confirmed confirms revealed reveals disclosed discloses
    announced announces reported reports acknowledged acknowledges admitted admits predicted
    predicts urged urges projected projects forecast forecasts showed shows show found finds warned
    warns stressed stresses emphasised emphasized recalled tweeted posted disputed disputes dispute
    rejected rejects confirm verify attributed attributes conceded concedes identified
    identifies asked blamed blames outlined outlines encouraged encourages advised
    advises commented comments remarked remarks replied replies""".split()
)
_NOUN_USE = re.compile(rf"\s+(?:{AUX}{{0,2}}{ADVERB}?)?(?:{'|'.join(SAY_VERBS)})\b")
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
_TOLD_PLAIN = re.compile(
    r"\s+(?P<medium>(?:the\s+)?(?:police|reporters|journalists|media|press|court|jury|"
    r"committee|council|parliament|lawmakers|[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,3}))"
    r"(?=\s+(?:there|it|he|she|they|we|the|a|an|\d))")
_TOLD_OBJECT = re.compile(r"\s*(?P<medium>[^,;:]{1,60}?)(?=\s+that\b|\s*[,:]|\s+[‘“\"'])")
#: A determiner or superlative right before a participle: the participle is an adjective.
_ATTRIBUTIVE_BEFORE = re.compile(
    r"\b(?:the|a|an|its|their|his|her|our|best|worst|most|least|latest)\s+$", re.I)
#: A determiner or a number right before a word in -s: the word is a plural noun.
_DETERMINER_BEFORE = re.compile(
    r"\b(?:the|these|those|many|several|all|both|other|some|such|its|their|our|two|three|four|"
    r"five|six|seven|eight|nine|ten|eleven|twelve|dozens|hundreds|\d[\d,.]*)\s+$", re.I)
_AGE = re.compile(r",\s*\d{1,3},\s*$")
_CLAUSE_ADVERBS = re.compile(r",\s*(?:however|meanwhile|though|too|also|in turn|for (?:its|their|"
                             r"his|her) part)\s*,", re.I)
_PARENTHETICAL = re.compile(r"(?:\s+(?:on|in|last|late|early|this)\s+\w+(?:\s+\w+)?)?\s*,")
_AUX_BEFORE = re.compile(rf"(?:{AUX}{{0,3}}{ADVERB}?)$")


def aux_start(sentence: str, verb_start: int) -> int:
    """Return where the auxiliaries and adverb before a verb start ("has repeatedly said")."""
    lo = max(0, verb_start - 40)
    found = _AUX_BEFORE.search(sentence, lo, verb_start)
    start = found.start() if found else verb_start
    while start > lo and sentence[start - 1].isalnum():
        start += 1  # never start inside a word
    return start


def verb_cue(sentence: str, match: re.Match[str]) -> Cue | None:
    """Read a say-verb cue: "X said (that) C", "C, X said", "C, said X", "X told Y that C"."""
    verb = match.group("verb")
    cue_start, cue_end = match.start(), match.end()
    if re.search(r"\b(?:is|are|was|were|been)\b", match.group("aux")):
        return None  # passive: "it is estimated" is a vague marker, "was reported by" a frame
    if verb.endswith("s") and (_NOUN_USE.match(sentence, cue_end) or re.match(
            r"\s+[a-z]+(?:ed|wn|en)\s+(?:from|by|in)\b", sentence[cue_end:])):
        return None  # "reports said", "estimates drawn from": the word is a noun here
    if verb.endswith(("ed", "cast")) and not match.group("aux") and _ATTRIBUTIVE_BEFORE.search(
            sentence, 0, cue_start):
        return None  # "the best expected arrival time", "its reported profit": an adjective
    if verb.endswith("s") and not match.group("aux") and _DETERMINER_BEFORE.search(
            sentence, 0, cue_start):
        return None  # "much of seven states", "the reports came": a plural noun
    if verb in _NOUN_VERBS and re.match(r"\s*[.!?]?\s*$", sentence[cue_end:]) and not re.search(
            r",\s*(?:\S+\s+){0,4}$", sentence[:cue_start]):
        return None  # "ahead of market forecasts.": a noun that ends the sentence
    if verb in ("added", "adds") and re.match(
            r"\s+(?:about\s+|some\s+|another\s+|a\s+further\s+|more\s+than\s+|nearly\s+)?"
            r"[\d$£€]", sentence[cue_end:]):
        return None  # "RIM added 2.3 million subscribers": a count added, nothing said
    if verb.endswith("ing"):
        return _participle_cue(sentence, match)
    if re.match(r"\s+(?:of|by|for)\b", sentence[cue_end:]) and verb in _NOUN_VERBS:
        return None  # "the consensus forecast of $4.1 billion": a noun here
    if verb in _NOUN_VERBS and re.search(r"(?:[’']s?|\bown|\bits|\btheir)\s+$",
                                         sentence[: match.start("verb")]):
        return None  # "Chambers' own estimate in May": a noun after a possessive
    before = sentence[:cue_start].rstrip()
    age = _AGE.search(before)  # "Gloria Betts, 71, said": the age is no clause boundary
    relative = None if age else RELATIVE.search(before)  # "X, who boarded in Y, told Z"
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
        timed = TIME_END.search(sentence, start, end)  # "rival EDF last week said"
        if timed and timed.start() > start:
            end = timed.start()
        pair = EACH.search(sentence, 0, end)  # "Ohio and Texas each reported": both of them
        if pair and pair.end() == end:
            start, end = pair.start("pair"), pair.end("pair")
            phrase = SpeakerPhrase(pair.group("pair"), "", pair.group("pair"), "org")
        else:
            phrase = read_speaker(sentence[start:end]) if end > start else None
            which = re.match(r"which\s+(?=\S)", sentence[start:end])
            if phrase is None and which and re.search(r",\s*$", sentence[:start]):
                phrase = read_speaker(sentence[start + which.end() : end])  # "N offences,
                if phrase is not None and phrase.kind in ("org", "person", "unknown"):
                    # which the agency said was driven by ...": the agency, of the sentence
                    return Cue(phrase, "preposed", cue_start, cue_end, start + which.end(), end,
                               0, len(sentence.rstrip(" .!?")))
                phrase = None
        if phrase is not None and LIST_BEFORE.search(sentence, 0, start):
            # "Figures from councils in Kent, Surrey and East Sussex suggest": not the last
            # item of a list, the whole subject (or no speaker)
            lo = max((m.end() for m in re.finditer(r"[;:“”\"—]", sentence[:start])), default=0)
            lo += len(sentence[lo:start]) - len(sentence[lo:start].lstrip())
            phrase = read_speaker(sentence[lo:end])
            if phrase is None or phrase.kind == "pronoun":
                return None
            start = lo
    if re.match(r"(?:with|without|amid)\s", sentence[start:end]):
        return None  # "with temperatures predicted to hit 30C": a reduced passive, no speaker
    if phrase is None and sentence[start:end] in ("who", "which"):
        return _who_said(sentence, match, start)
    if phrase is None or re.match(r"[a-z]+ing\b", sentence[start:end]):
        return None  # "topping the average Wall Street forecast": no speaker
    if re.search(r"\b(?:who|that|which)(?:\s+(?:now|still|also|\w+ly))?\s*$", sentence[start:end]):
        return None  # "the share of voters who now say": the subject of a relative clause
    if verb in _PLACE_VERBS and phrase.kind not in ("vague", "org", "person") and not (
            phrase.kind == "unknown" and sentence.rstrip().endswith(":")):
        return None  # but "The Courier puts it this way:" hands over to the Courier
    if verb in _FINDING_VERBS and phrase.kind == "vague" and not known_source_head(phrase.name):
        return None  # "A skull found in China": a finding, not its finder
    if verb in ("showed", "shows", "show") and phrase.kind in ("person", "org", "unknown") and \
            re.match(r"\s+(?:they|he|she|it|we|why|how|what|its|their|his|her)\b",
                     sentence[cue_end:]):
        return None  # "Riverside showed they can still win away": no one reports
    if verb in _BELIEF_VERBS and phrase.kind != "vague" and not (
            verb.startswith("expect") and phrase.kind in ("org", "anaphor")
            and re.match(r"\s+(?:[\w-]+\s+){0,4}?(?:of|at|between|around)\s", sentence[cue_end:])):
        return None  # but "The company expects profit of £5m": its forecast
    relayed = RELAYED.match(relative.group()) if relative else None
    interview = INTERVIEW.match(sentence, cue_end)
    medium = relayed.group("medium") if relayed else interview.group("medium") if interview else ""
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
    group = GROUP_BEFORE.search(sentence, 0, who)  # "The fall surprised markets, which had
    if phrase is None or phrase.kind not in ("person", "org"):  # predicted C"
        np = group.group("np") if group else ""
        phrase = (read_speaker(np) or SpeakerPhrase(np, "", np, "vague")) if np else None
        before = group if phrase and phrase.kind == "vague" and known_source_head(
            phrase.name) and phrase.name.endswith("s") else None
    if before is None or phrase is None or phrase.kind not in ("person", "org", "vague"):
        return None
    start, end = content_to_end(sentence, match.end())
    main = _MAIN_AFTER.search(sentence, start, end)
    if main:
        end = main.start()
    return Cue(phrase, "preposed", match.start(), match.end(), before.start("np"),
               before.end("np"), start, end)


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
    if phrase.kind != "org" and FIRM_BEFORE.search(before, 0, found.start("name")):
        phrase = SpeakerPhrase(phrase.name, phrase.description, phrase.mention, "org",
                               phrase.acronym)  # "The drug's maker, Halvex Pharma, said"
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
    if SAID_BEFORE.search(sentence[: match.start()]):
        return None  # "C, he said, adding ...": the one who said it adds, not the subject of C
    verb = _MAIN_VERB.search(sentence, 0, match.start())
    subject = _LEAD_NAME.match(sentence)
    if subject and subject.group() in ("The", "A", "An"):
        subject = None  # "The army could not confirm it, while saying": no name, a description
    whole = read_speaker(sentence[: verb.start()]) if verb and verb.start() > 0 else None
    if whole is not None and whole.kind in ("person", "org"):
        end = verb.start()  # "The county judge, Maria Olsen, dismissed ..., saying"
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
