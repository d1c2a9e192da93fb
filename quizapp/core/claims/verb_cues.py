"""Say-verb cues: "X said (that) C", "C, X said", "C, said X", "X told Y that C", "X, who said
C, ...", "X did Y and said C" and "X did Y, saying C"."""

from __future__ import annotations

import re

from quizapp.core.claims.cues import (
    ADVERB,
    AUX,
    EACH,
    INTERVIEW,
    LIST_BEFORE,
    PLURAL_ONLY,
    RELATIVE,
    RELAYED,
    SAY_VERBS,
    TIME_END,
    Cue,
)
from quizapp.core.claims.frames import (
    appositive,
    author_between,
    content_to_end,
    np_after,
    subject_before,
)
from quizapp.core.claims.speakers import SpeakerPhrase, known_source_head, read_speaker
from quizapp.core.claims.verb_subjects import (
    coordinated_subject,
    lead_in_speaker,
    participle_cue,
    who_said_cue,
)

_TELL_VERBS = frozenset(("told", "tells", "tell", "asked", "informed", "informs"))
#: Verbs that often take a noun object ("denied the report"): content only after "that" or ":".
_OBJECT_VERBS = frozenset(
    """denied denies refuted refutes confirmed confirms revealed reveals disclosed discloses
    announced announces reported reports acknowledged acknowledges admitted admits predicted
    predicts urged urges projected projects forecast forecasts showed shows shown show found finds
    warned
    warns stressed stresses emphasised emphasized recalled tweeted posted disputed disputes dispute
    rejected rejects confirm verify attributed attributes conceded concedes identified
    identifies asked blamed blames outlined outlines encouraged encourages advised
    advises commented comments remarked remarks replied replies maintained maintains
    recommended recommends described describes highlighted highlights""".split()
) | {"ruled out", "rules out", "pointed out", "points out"}
_NOUN_USE = re.compile(rf"\s+(?:{AUX}{{0,2}}{ADVERB}?)?(?:{'|'.join(SAY_VERBS)})\b")
_FINDING_VERBS = frozenset(
    "found finds showed shows shown revealed reveals suggested suggests identified identifies"
    .split())
#: Those who find things by searching, not by research: "rescuers found 12 bodies".
_SEARCHERS = frozenset("""officers officer police policemen rescuers rescuer firefighters divers
    searchers soldiers troops workers residents villagers volunteers crews guards agents deputies
    paramedics hikers fishermen passers-by""".split())
#: Things found in a search, whoever finds them: "found the bodies", "found two more bodies".
_FOUND_THING = re.compile(r"\s+(?:the\s+|a\s+|an\s+|their\s+|his\s+|her\s+)?(?:[\w,-]+\s+){0,3}?"
                          r"(?:bodies|body|remains|wreckage|debris|corpses?|weapons?|survivors?|"
                          r"victims?|explosives|drugs|cash)\b")
_PLACE_VERBS = frozenset("place places placed put puts show shows".split())
#: Say-verbs that are also nouns ("an estimate of", "the forecast by").
_NOUN_VERBS = frozenset(
    "estimate estimates forecast forecasts report reports claims claim projects show".split())
_BELIEF_VERBS = frozenset(
    "speculate speculates speculated believe believes believed fear fears feared expect expects "
    "expected think thinks".split()
)
def _plural_subject(phrase: SpeakerPhrase | None) -> bool:
    """Tell whether a speaker phrase is plural ("experts", "the unions", "they", "we")."""
    if phrase is None:
        return False
    if phrase.kind == "pronoun":
        return phrase.name.lower() in ("they", "we", "i", "you")
    head = (phrase.name.split() or [""])[-1]
    if head.lower() in ("its", "his", "hers", "theirs", "ours", "yours", "this", "thus", "has",
                        "was", "is", "as", "us"):
        return False  # "Its report said": a noun after a possessive
    return head.lower() in ("police", "people", "media") or (
        head.endswith("s") and not head.endswith("ss") and head[1:].islower())


#: A count put at a figure: "put the turnout at", "placed the death toll for the week at".
_COUNT_PUT_AT = re.compile(r"\s+(?:the|its|their)\s+(?:[a-z-]+\s+)?(?:toll|figure|number|turnout|"
                           r"count|total|tally|estimate|crowd|attendance|cost|damage)\s+(?:[\w’'-]+"
                           r"\s+){0,4}?at\s")
#: A name and its description opening a sentence, before a verb and a colon.
_NAME_DESC = re.compile(r"(?P<name>(?:[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'.-]*\s?){1,5}),\s+[^,;:“”\"‘]{2,80},\s*$")
#: A subordinator after a main clause, right before a subject ("..., largely before the").
_SUBORDINATE = re.compile(r"\S.*\b(?:before|after|until|since|once|when|while|as)\s+(?:the\s+)?$")
#: A result set against a benchmark named before a say-noun ("topped Wall Street estimates").
_BEATEN = re.compile(r"\b(?:topped|tops|top|beat|beats|beating|missed|misses|exceeded|exceeds|"
                     r"surpassed|met|meets|matched|matches|above|below|than|with|ahead\s+of|"
                     r"short\s+of)\s+(?:[A-ZÀ-ÖØ-ÞĀ-Ž][\w.’'&-]*\s+){1,4}$")
#: Where a body is based, between it and its verb: "The Command based in Tampa, Florida, said".
_BASED_END = re.compile(r"\s+(?:based|headquartered)\s+in\s+[A-ZÀ-ÖØ-ÞĀ-Ž][\w.’'-]*(?:\s+[A-ZÀ-ÖØ-ÞĀ-Ž][\w.’'-]*)*"
                        r"(?:,\s+[A-ZÀ-ÖØ-ÞĀ-Ž][\w.’'-]*(?:\s+[A-ZÀ-ÖØ-ÞĀ-Ž][\w.’'-]*)*)?,?\s*$")
#: An aside between a subject and its verb: "Analysts, on average, have forecast", "AAA
#: (search) said", "The union, in turn, said".
_ASIDE_END = re.compile(r"(?<=\w),\s+(?:on average|however|in turn|meanwhile|though|too|also|for "
                        r"(?:its|their|his|her) part|in a statement|in response|in contrast)\s*,"
                        r"\s*$|(?<=[A-Za-z.])\s+\([^()]{1,30}\)\s*$")
_ISSUED_END = re.compile(r"\s+(?:released|published|issued|compiled|unveiled|leaked|out)\s*$")
#: Information given out by someone, as a subject: "Further details shared by the DHO".
_SHARED_BY = re.compile(r"\b(?i:details|figures|data|information|statistics|numbers|records|"
                        r"documents?|reports?|estimates?|results|findings|footage|video|videos|"
                        r"images|photos|photographs|pictures)\s+"
                        r"(?:shared|released|published|provided|issued|compiled|given|gathered|"
                        r"collected|posted)\s+by\s+(?P<who>[^,;]{2,80}?)\s*$")
#: A clause that gives a figure after a belief verb ("thinks the fare cap will be set at £2,150").
_FORECAST_AFTER = re.compile(r"\s+(?:that\s+)?[^.;:“\"]{0,80}?(?:[$£€¥₹]\s?\d|\d[\d,.]*\s*(?:%|"
                             r"per\s?cent|million|billion|bn|m\b))")
_MOVE_FORECAST = re.compile(r"\s+(?:[\w’'-]+\s+){1,4}?to\s+(?:rise|fall|return|reach|grow|slow|"
                            r"increase|decrease|drop|climb|ease|remain|stay|hit|top|exceed|peak)\b"
                            r"[^.;:“\"]{0,60}?\d")
_TOLD_PLAIN = re.compile(
    r"\s+(?P<medium>(?:a|the)\s+(?:news|press)\s+(?:conference|briefing)|(?:the\s+)?(?:police|"
    r"reporters|journalists|media|press|court|jury|committee|council|parliament|lawmakers|"
    r"authorities|officials|investigators|officers|rescuers|doctors|"
    r"[A-ZÀ-ÖØ-ÞĀ-Ž][\w.&-]*(?:\s+(?:[A-ZÀ-ÖØ-ÞĀ-Ž][\w.&-]*|\d{1,2}(?=\s+[A-ZÀ-ÖØ-ÞĀ-Ž])|\d{1,2}(?=\s+(?:there|it|he|she|"
    r"they|we|the|a|an)\b))){0,3}))"
    r"(?=\s+(?:(?:there|it|he|she|they|we|the|a|an)\b|\d|(?:one|two|three|four|five|six|seven|"
    r"eight|nine|ten|dozens|hundreds|thousands|some|about|more|at\s+least)\b))")  # (whole words:
# not the "a" of "after the hearing")
_TOLD_OBJECT = re.compile(r"\s*(?P<medium>[^,;:]{1,60}?)(?=\s+that\b|\s*[,:]|\s+[‘“\"'])")
#: A determiner or superlative right before a participle: the participle is an adjective.
_ATTRIBUTIVE_BEFORE = re.compile(
    r"\b(?:the|a|an|its|their|his|her|our|best|worst|most|least|latest)\s+$", re.I)
#: A determiner or a number right before a word in -s: the word is a plural noun.
_DETERMINER_BEFORE = re.compile(
    r"\b(?:the|these|those|many|several|all|both|other|some|such|its|their|our|two|three|four|"
    r"five|six|seven|eight|nine|ten|eleven|twelve|dozens|hundreds|\d[\d,.]*)\s+$", re.I)
_AGE = re.compile(r",\s*\d{1,3},\s*$")
#: A view held, after "maintained", "rejected" ...: "(its stance) that C".
_HELD_THAT = re.compile(r"\s+(?:(?:its|their|his|her|the)\s+(?:stance|position|view|claim|"
                        r"assertion|line|argument)\s+)?that\b")
#: A sentence's opening adverbial of time or place, before an interposed tag ("On Monday, X
#: said, C"): no claim of its own.
_ADVERBIAL_OPENER = re.compile(
    r"(?:(?:Shortly|Soon|Just|Moments|Hours|Minutes|Days|Weeks|Late|Early|Earlier|Later)\s+)?"
    r"(?:after|before|on|in|at|by|around|about|since|during|until|within|last|this|early|late|"
    r"later|earlier|yesterday|today|overnight|meanwhile|then|now)\b(?:\s+[\w.:’'-]+){0,5}",
    re.IGNORECASE)
_PARENTHETICAL = re.compile(r"(?:\s+(?:on|in|last|late|early|this)\s+\w+(?:\s+\w+)?)?\s*,")
_TIME_TAIL = re.compile(
    r"\s*(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|"
    r"tonight|(?:this|last|earlier this)\s+(?:morning|afternoon|evening|week|month|night))"
    r"(?:,\s+(?:\w+\s+)?[a-z]+ing\b[^.!?]*)?"  # ", almost tripling initial estimates"
    r"\s*[.!?]?\s*"
)
#: Where a source said it, ending the sentence: "C, the bank said in a statement on Friday."
_MEDIUM_TAIL = re.compile(
    r"\s+(?:in|at|on|during|via|through)\s+(?:a|an|the|its|his|her|their)\s+(?:[\w’'-]+\s+){0,5}?"
    r"(?:statement|report|interview|note|briefing|conference|tweet|post|release|update|e-?mail|"
    r"letter|filing|speech|address|bulletin|video|message|broadcast|webcast|blog|memo|session|"
    r"hearing|meeting|appearance|podcast)s?"
    r"(?:\s+(?:on|to|with|from)\s+(?!that\b)[^,.;:!?]{1,40}?)?"
    r"(?:\s*,?\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|"
    r"today|tonight|(?:this|last|earlier this)\s+\w+))?"
    r"(?:,\s+(?:well\s+|far\s+|much\s+|slightly\s+)?(?:more|less|fewer|higher|lower|above|below)"
    r"\s+than\b[^.!?;]*|,\s+(?:\w+\s+)?[a-z]+ing\b[^.!?;]*)?"  # ", well more than previously
    r"\s*[.!?]?\s*")  # expected": an aside on the figure, not what was said
_AUX_BEFORE = re.compile(rf"(?:{AUX}{{0,3}}{ADVERB}?)$")
#: A preposition or verb before a noun phrase: the phrase is no sentence's subject.
_OBJECT_BEFORE = re.compile(r"\b(?:on|of|by|to|from|with|for|against|at|in|into|over|about|"
                            r"than|is|was|are|were|[a-z]{3,}ed)\s+$")
#: A relative pronoun as the subject of the say-verb: "the army, which has maintained".
_WHICH_SAID = re.compile(r",\s+(?:who|which)\s+$")


def _tail_np(sentence: str, end: int) -> int:
    """Return where the noun phrase ending at `end` starts: its last "the", "a" or "an", or
    the run of capitalised words it ends with ("Acme Corp"); -1 when there is none."""
    text = sentence[:end]
    det = max((m.start() for m in re.finditer(r"\b(?:the|The|a|an)\s", text)), default=-1)
    if det >= 0 and (re.search(r"[,;:]", text[det:]) or len(text[det:].split()) > 8):
        det = -1
    head_of = _HEAD_OF.search(text, 0, det) if det > 0 else None
    if head_of is not None:  # "the head of the union, who said": the head, not the union
        det = head_of.start()
    run = re.search(r"(?:[A-ZÀ-ÖØ-ÞĀ-Ž][\w.’'&-]*\s+){0,4}[A-ZÀ-ÖØ-ÞĀ-Ž][\w.’'&-]*(?:\s+\([A-ZÀ-ÖØ-ÞĀ-Ž][\w.]*\))?$", text)
    start = run.start() if run else -1
    if det >= 0 and start > det and re.fullmatch(r"(?:the|The|a|an)\s+(?:(?:[A-ZÀ-ÖØ-ÞĀ-Ž][\w.’'&-]*|of|"
                                                r"and|for|on)\s+)*", text[det:start]):
        return det  # "the US Department of Agriculture (USDA)": the name is whole
    found = max(det, start)
    if found >= 0 and start < det:
        cut = list(_NP_PREPOSITION.finditer(text, found))
        if cut:  # "a win for defense attorneys, who had asked": the attorneys asked
            return cut[-1].end()
    return found


#: A person or part "of" the noun phrase after it: "the head of ", "a spokesman for ".
_HEAD_OF = re.compile(r"\b(?:the|The|a|an)\s+(?:[\w-]+\s+){0,2}?(?:of|for)\s+$")
#: A preposition inside a common noun phrase, before lower-case words: "a win for defense
#: attorneys" (the attorneys), not "the Ministry for Foreign Affairs".
_NP_PREPOSITION = re.compile(r"\s(?:for|to|against|than|with|from|by)\s+(?=[a-z])"
                             r"(?!(?:the|a|an|its|their)\s)")


def aux_start(sentence: str, verb_start: int) -> int:
    """Return where the auxiliaries and adverb before a verb start ("has repeatedly said")."""
    lo = max(0, verb_start - 40)
    found = _AUX_BEFORE.search(sentence, lo, verb_start)
    start = found.start() if found else verb_start
    while start > lo and sentence[start - 1].isalnum():
        start += 1  # never start inside a word
    return start


#: A role between the reported words and the name of who says them: ", its chief, ".
_ROLE_BEFORE = re.compile(r",\s+(?:its|the|a|an|his|her|their|[A-ZÀ-ÖØ-ÞĀ-Ž][\w-]*[’']s)\s+"
                          r"[^,;:“”\"]{2,60},\s*$")
#: A quoted question right before its tag: '"Why can't they be paid?" asked a spokesman'.
_QUESTION_BEFORE = re.compile(r"\?[”\"’']\s*$")
#: "described the scene as harrowing": a view of something.
_DESCRIBED_AS = re.compile(r"\s+(?:[\w’'-]+\s+){1,6}?as\s+|\s+(?:how|what|seeing|hearing)\s+")
# ("One survivor described how the building collapsed": an account given)
#: "told the markets to expect": what the speaker tells them to expect is its forecast.
_TOLD_TO_EXPECT = re.compile(r"\s+(?:[\w’'-]+\s+){1,4}?to\s+(?:expect|anticipate|brace\s+for|"
                             r"prepare\s+for|plan\s+for)\s+")
#: An infinitive right after a noun phrase: "expected X to earn", "told X to expect".
_INFINITIVE_AFTER = re.compile(r"\s+to\s+(?!(?:the|a|an|his|her|its|their|our)\b)[a-z]{2,}\b")
#: Verbs whose object may do what an infinitive after it says ("expected X to earn").
_CONTROL_VERBS = frozenset("""expected expect expects forecast forecasts predicted predicts
    estimated estimates told tells urged urges asked advised advises warned warns""".split())


def verb_cue(sentence: str, match: re.Match[str]) -> Cue | None:
    """Read a say-verb cue: "X said (that) C", "C, X said", "C, said X", "X told Y that C"."""
    verb = " ".join(match.group("verb").split())  # "ruled  out": one space
    cue_start, cue_end = match.start(), match.end()
    progressive = verb.endswith("ing") and re.fullmatch(r"(?:is|are|was|were)\s+",
                                                        match.group("aux")) is not None
    # "Brown is projecting his plan would raise $9 billion": active, as "Brown projects"
    passive = not progressive and re.search(r"\b(?:is|are|was|were|been|be)\b",
                                            match.group("aux"))
    if passive or re.search(r"\b(?:be|being)\s+$", sentence[: match.start("verb")]):
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
    if verb in _NOUN_VERBS and re.match(r"\s*[.!?]?\s*$", sentence[cue_end:]) and (not re.search(
            r",\s*(?:\S+\s+){0,4}$", sentence[:cue_start]) or re.search(
            r"\b(?:initial|earlier|previous|early|first|latest|preliminary|original|official|"
            r"its|their|the|higher|lower|bigger|smaller|larger|greater|new|fresh|own|separate|"
            r"similar|different|conflicting|rival|independent|conservative|rough)\s+$",
            sentence[:cue_start])):
        return None  # "ahead of market forecasts.", ", almost tripling initial estimates.", ",
        # gave even higher estimates.": a noun that ends the sentence
    if verb in ("added", "adds") and re.match(
            r"\s+(?:about\s+|some\s+|another\s+|a\s+further\s+|more\s+than\s+|nearly\s+)?"
            r"[\d$£€]", sentence[cue_end:]):
        return None  # "RIM added 2.3 million subscribers": a count added, nothing said
    if verb in ("added", "adds") and re.match(
            r"\s+(?:a|an|another|his|her|their|its|the)\s+(?:\w+\s+)?(?:second|third|fourth|"
            r"fifth|sixth|goal|goals|penalty|try|tries|run|runs|point|points|winner|equali[sz]er|"
            r"header|brace|wicket|wickets|touchdown|basket|layer|floor|stop|branch|route|"
            r"flights?|jobs|stores|shops|customers|subscribers)\b", sentence[cue_end:]):
        return None  # "substitute Leo Hart added a third in stoppage time": scored, not said
    if verb in ("posted", "posts") and not re.match(
            r"\s+(?:on|to|in|online|that|an?\s+(?:message|statement|video|note|photo|tweet))\b"
            r"|\s*[:“\"‘]", sentence[cue_end:]):
        return None  # "prices posted the biggest gains": a result, nothing written online
    if verb in ("admitted", "admits", "admit") and re.match(r"\s+(?:to\s+)?[a-z]+ing\b",
                                                             sentence[cue_end:]):
        return None  # "X admitted helping Y pocket millions": a plea to a deed, no report
    if verb in ("informed", "informs") and not re.search(r"\bthat\b", sentence[cue_end:]):
        return None  # "Police informed the families": news given, no claim reported
    if verb in ("declared", "declares", "declare") and not re.match(
            r"\s+(?:\w+\s+){0,3}?(?:that\b|:|[“\"‘])", sentence[cue_end:]):
        return None  # "declared three days of mourning", "declared a state of emergency": an
        # act, nothing said
    if verb in ("described", "describes") and not _DESCRIBED_AS.match(sentence, cue_end):
        return None  # "the man described the route": no view given, unless "described X as Y"
    if verb in ("accused", "accuses", "accuse") and re.match(
            r"\s+[^,;:“”\"]{1,60}?\s+of\s+(?:\w+ing|\w+\s+\w+ing)\b[^,;]*,\s+(?:insisting|saying|"
            r"claiming|arguing|adding|noting|stating)\b", sentence[cue_end:]):
        return None  # "accused the board of rigging the count, insisting that C": C is what
        # the participle reports, not the accusation
    if verb in ("countered", "counters") and not re.match(r"\s+(?:that\b|:|[“\"‘])|\s*[:“\"‘]",
                                                         sentence[cue_end:]):
        return None  # "the army countered the attack": an act, unless "countered that C"
    if verb in ("maintained", "maintains") and not _HELD_THAT.match(sentence, cue_end):
        return None  # "maintained the roads": said only of a view held ("maintained that C")
    if verb.endswith("ing") and not progressive and " with " not in verb:
        return participle_cue(sentence, match)  # (not "countered ... with figures showing")
    if re.match(r"\s+(?:of|by|for)\b", sentence[cue_end:]) and verb in _NOUN_VERBS:
        return None  # "the consensus forecast of $4.1 billion": a noun here
    if verb in _NOUN_VERBS and _BEATEN.search(sentence, 0, match.start("verb")):
        return None  # "Earnings topped Wall Street estimates": a benchmark beaten, a noun
    if verb in _NOUN_VERBS and re.search(r"(?:[’']s?|\bown|\bits|\btheir)\s+$",
                                         sentence[: match.start("verb")]):
        return None  # "Chambers' own estimate in May": a noun after a possessive
    before = sentence[:cue_start].rstrip()
    which = _WHICH_SAID.search(sentence, 0, cue_start)
    np_start = _tail_np(sentence, which.start()) if which else -1
    if which and np_start > 0 and _OBJECT_BEFORE.search(sentence, 0, np_start):
        # "... on the army, which has maintained that C": the army
        # holds C (a sentence's own subject, "X, who said C, praised Y", is read below)
        phrase = read_speaker(sentence[np_start : which.start()])
        that = re.search(r"\bthat\s", sentence[cue_end:])
        if phrase is not None and phrase.kind in ("org", "person", "unknown", "vague", "anaphor"):
            return Cue(phrase, "preposed", cue_start, cue_end, np_start, which.start(),
                       *content_to_end(sentence, cue_end + (that.start() if that else 0)))
        return None
    age = _AGE.search(before)  # "Gloria Betts, 71, said": the age is no clause boundary
    relative = None if age else RELATIVE.search(before)  # "X, who boarded in Y, told Z"
    if relative and not subject_before(sentence, relative.start())[1].strip():
        relative = None
    subject_end = age.start() if age else relative.start() if relative else cue_start
    based = _BASED_END.search(sentence, 0, subject_end) or _ASIDE_END.search(
        sentence, 0, subject_end)
    if based and not age and not relative:
        subject_end = based.start()
    apposed = appositive(sentence, subject_end)
    lead_in = None if apposed else lead_in_speaker(sentence[:subject_end])
    handover = re.match(r"\s*:", sentence[cue_end:]) is not None
    if handover and not apposed and not lead_in:
        named = _NAME_DESC.match(sentence, 0, cue_start)  # "X, NUS vice-president, said: '...'"
        phrase = read_speaker(named.group("name")) if named else None
        if phrase is not None and phrase.kind in ("person", "org", "unknown"):
            return Cue(phrase, "preposed", cue_start, cue_end, named.start("name"),
                       named.end("name"), *content_to_end(sentence, cue_end))
    inverted = not age and not relative and not lead_in and not handover and (
        not before or before[-1] in ",’”\"'—") and verb.lower() not in _NOUN_VERBS
    # (a colon hands over to the subject's words; "The report's "worst case" forecasts rising
    # use", "X, provided by Y, estimates the toll at": a say-noun verb is never inverted)
    if not apposed and not lead_in and re.search(r"\band\s*$", before):
        joined = coordinated_subject(sentence, cue_start)  # "X maintained the count and said C"
        if joined is not None:
            start, end, phrase = joined
            content = content_to_end(sentence, cue_end)
            if verb in _OBJECT_VERBS and not re.match(r"\s*(?:that\b|:|[‘“\"])",
                                                      sentence[cue_end:]):
                content = (cue_end, cue_end)  # "He saw X and forecast growth of 13%"
            return Cue(phrase, "preposed", cue_start, cue_end, start, end, *content)
    if inverted and not apposed and (verb not in _PLACE_VERBS | _TELL_VERBS or (
            verb == "asked" and _QUESTION_BEFORE.search(before))):  # '"Why?" asked X
        start, end = np_after(sentence, cue_end + 1)
        phrase = read_speaker(sentence[start:end]) if end > start else None
        if phrase and verb in _CONTROL_VERBS and _INFINITIVE_AFTER.match(sentence, end):
            phrase = None  # "Analysts, on average, expected X to earn 72 cents": X is the
            # object whose earnings were expected, never the speaker of an inverted "said X"
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
        issued = _ISSUED_END.search(sentence, start, end)  # "A report released [on Tuesday]
        if issued and issued.start() > start:  # has revealed": the report, not its release
            end = issued.start()
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
        shared = _SHARED_BY.search(sentence, start, end)
        if shared is not None and shared.end() == end:  # "Details shared by the DHO revealed":
            by = read_speaker(shared.group("who"))  # the DHO, who shared them
            if by is not None and by.kind in ("org", "person", "vague", "unknown", "anaphor"):
                start, phrase = shared.start("who"), by
        author = author_between(sentence, relative, phrase.name) if phrase else None
        if author is not None and (read_speaker(sentence[slice(*author)]) or phrase).kind in (
                "org", "person"):  # "The data, published by the OHS, showed": the OHS
            (start, end), phrase = author, read_speaker(sentence[slice(*author)])
        if phrase is not None and LIST_BEFORE.search(sentence, 0, start):
            # "Figures from councils in Kent, Surrey and East Sussex suggest": not the last
            # item of a list, the whole subject (or no speaker)
            lo = max((m.end() for m in re.finditer(r"[;:“”\"—]", sentence[:start])), default=0)
            lo += len(sentence[lo:start]) - len(sentence[lo:start].lstrip())
            phrase = read_speaker(sentence[lo:end])
            if phrase is None or phrase.kind == "pronoun":
                return None
            start = lo
    if verb in _OBJECT_VERBS and _SUBORDINATE.search(sentence, 0, start) and not re.match(
            r"\s*(?:that\b|:|[‘“\"])|[^.;]*\d", sentence[cue_end:]):
        return None  # "TNS surveyed 1,011 Scots, before the campaigns announced rival
        # claims": a time clause whose object reports no claim of the sentence
    if re.match(r"(?:with|without|amid)\s", sentence[start:end]):
        return None  # "with temperatures predicted to hit 30C": a reduced passive, no speaker
    if verb in PLURAL_ONLY and not match.group("aux") and (not _plural_subject(phrase) or (
            _NOUN_USE.match(sentence, cue_end))):
        return None  # "the report said", "Note that ...": "experts warn", "they argue" only
    if verb in ("showed", "shows", "show") and phrase is not None and phrase.kind in (
            "person", "unknown") and not re.search(r"[’']s?\s+\w+$", sentence[start:end]):
        return None  # "Ana showed us what can be done": a deed, no report (but "the
        # survey showed", "the ONS's figures show")
    if phrase is None and sentence[start:end] in ("who", "which"):
        return who_said_cue(sentence, match, start)
    if phrase is None or re.match(r"[a-z]+ing\b", sentence[start:end]) and not (
            phrase.kind == "vague" and known_source_head(phrase.name)):
        return None  # "topping the average Wall Street forecast": no speaker (but "mining
        # officials" are)
    if re.search(r"\b(?:who|that|which)(?:\s+(?:now|still|also|\w+ly))?\s*$", sentence[start:end]):
        return None  # "the share of voters who now say": the subject of a relative clause
    if verb in _PLACE_VERBS and phrase.kind not in ("vague", "org", "person") and not (
            phrase.kind == "unknown" and sentence.rstrip().endswith(":")) and not (
            phrase.kind == "anaphor" and _COUNT_PUT_AT.match(sentence, cue_end)):
        return None  # but "The Courier puts it this way:" hands over to the Courier, and
        # "the union put the turnout at 300,000" gives the union's count
    if verb in ("put", "puts", "place", "places", "placed") and not re.match(
            r"\s+(?:[^,;.]+?\s)?(?:at|as|between|near|around|closer|higher|lower|ahead|behind|"
            r"level|in\s+the\s+lead)\b|\s*(?:it|this|"
            r"that)\b|\s*:", sentence[cue_end:]) and not sentence.rstrip().endswith(":"):
        return None  # "a firm pound put more pressure on shares": no figure put at
    if verb in ("put", "puts", "place", "places", "placed") and re.match(
            r"\s+(?:[^,;.]+?\s)?at\s+(?:a|an|the|risk|odds|ease|rest|bay|stake|the\s+heart|"
            r"the\s+centre|the\s+center|the\s+forefront|a\s+disadvantage)\b(?!\s+(?:of\s+)?"
            r"(?:about|around|some|least|nearly|almost|more|over|up|\d))",
            sentence[cue_end:]) and not re.search(r"\d", sentence[cue_end:]):
        return None  # "a retreat could put Zelenskyy at a disadvantage": a state, no figure
    if verb in _FINDING_VERBS and phrase.kind == "vague" and not known_source_head(phrase.name):
        return None  # "A skull found in China": a finding, not its finder
    if verb in ("found", "finds") and (phrase.name.split() or [""])[-1].lower() in _SEARCHERS \
            and not re.match(r"\s+(?:that\b|evidence\b|no\s+evidence\b)|\s*:", sentence[cue_end:]):
        return None  # "officers found two men injured": a search, not a finding reported
    if verb in ("found", "finds") and _FOUND_THING.match(sentence, cue_end):
        return None  # "Soldiers ... found the bodies in Goalpara": a thing found, nothing said
    if verb in ("showed", "shows", "show") and phrase.kind in ("person", "org", "unknown") and \
            re.match(r"\s+(?:they|he|she|it|we|why|how|what|its|their|his|her)\b",
                     sentence[cue_end:]):
        return None  # "Riverside showed they can still win away": no one reports
    if verb in _BELIEF_VERBS and phrase.kind != "vague" and not (
            verb.startswith("expect") and (phrase.kind in ("org", "anaphor") or phrase.name == "it"
                                           or (phrase.kind == "unknown" and re.match(
                                               r"[^.;]{0,60}?\d", sentence[cue_end:])))
            and (re.match(r"(?:,[^,;]{1,30},)?\s+(?:[\w-]+\s+){0,4}?(?:of|at|between|around)\s",
                          sentence[cue_end:])
                 or _MOVE_FORECAST.match(sentence, cue_end))  # "expects inflation to
            # return to 4 percent": a body's forecast of a figure's move
    ) and not (verb.startswith(("think", "believe")) and (phrase.kind != "pronoun" or (
        phrase.name == "it")) and _FORECAST_AFTER.match(sentence, cue_end)):
        return None  # but "The company expects profit of £5m", "The consultancy thinks the
        # fare cap will be set at £2,150", "It believes bills will reach £4,100": its forecast
    relayed = RELAYED.match(relative.group()) if relative else None
    interview = INTERVIEW.match(sentence, cue_end)
    medium = relayed.group("medium") if relayed else interview.group("medium") if interview else ""
    after, expect = cue_end, None
    if verb in _TELL_VERBS:
        told = _TOLD_OBJECT.match(sentence, cue_end)
        plain = _TOLD_PLAIN.match(sentence, cue_end)
        if plain and not (told and told.end() <= plain.end()):
            told = plain  # "survivors told the police there were 50 on board"
        expect = _TOLD_TO_EXPECT.match(sentence, cue_end) if not told else None
        if told:
            medium = re.sub(r"\s+(?:after|before|during|following|outside)\s.*$", "",
                            told.group("medium").strip())  # "reporters (after the hearing)"
            after = told.end()
        elif expect:  # "X told investors to expect revenue of $9 billion": X's forecast,
            after = expect.end()  # whose object is no clause to ask "the claim that" of
        elif re.fullmatch(r"\s+[^,;:“\"]{2,60}?[.!?]?\s*", sentence[cue_end:]):
            after = len(sentence)  # '"C," X told reporters in Lima.': nothing reported after
            medium = re.sub(r"\s+(?:after|before|during|following|outside)\s.*$", "",
                            sentence[cue_end:].strip().rstrip(".!?"))  # "C, an analyst told CNBC."
    after_comma = sentence[:start].rstrip().endswith(",")
    parenthetical = after_comma and _PARENTHETICAL.match(sentence, after) is not None
    if start > 0 and sentence[:start].rstrip().endswith(("’", "”", '"', ",")) and (
        content_to_end(sentence, after)[1] - after < 3 or parenthetical
        or _TIME_TAIL.fullmatch(sentence, after) or _MEDIUM_TAIL.fullmatch(sentence, after)
        or (re.search(r"[,!?][\"”’']\s*(?:(?:a|an|the|The)\s+)?$", sentence[:start])
            and not re.match(r"\s*,\s*(?!summari[sz]ing|citing|quoting|relaying)\w+ing\b",
                             sentence[after:]))  # '"C," X said in a webcast', '"C," a diplomat
        # told Reuters, citing Y'; not ', adding that C2'
    ):
        boundary = len(sentence[:start].rstrip(",’”\"'— "))
        lead = _ADVERBIAL_OPENER.fullmatch(sentence, 0, boundary)
        if lead is not None and parenthetical:  # "Shortly after 7 p.m., X said, officers
            comma = _PARENTHETICAL.match(sentence, after)  # found ...": the words after the tag
            return Cue(phrase, "postposed", cue_start, cue_end, start, end,
                       *content_to_end(sentence, comma.end()), medium)
        role = _ROLE_BEFORE.search(sentence, 0, start)
        if role is not None and phrase.kind == "person":  # "C, its Africa director, Mara Lenz,
            boundary = role.start()  # told Reuters": the role is no part of C
        return Cue(phrase, "postposed", cue_start, cue_end, start, end, 0, boundary, medium)
    content = content_to_end(sentence, after)
    if verb in _OBJECT_VERBS and not re.match(
            r"\s*(?:(?:on|last|this|in)\s+\w+\s+)?(?:that\b|:|[‘“\"])", sentence[after:]) and \
            not _HELD_THAT.match(sentence, after):
        content = (after, after)
    if expect:
        content = (after, after)
    return Cue(phrase, "preposed", cue_start, cue_end, start, end, *content, medium=medium)
