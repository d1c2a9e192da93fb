"""The attribution cue of a sentence and the lexicon of its verbs, shared by the readers of
each frame (`verb_cues`, `frame_cues`) and by `attribution.find_cues`."""

from __future__ import annotations

import re
from dataclasses import dataclass

from quizapp.core.claims.speakers import SpeakerPhrase

SAY_VERBS = """said says say told tells tell stated states announced announces indicated indicates
indicate reported reports estimated estimates estimate warned warns claimed claims declared
declares confirmed confirms added adds noted notes suggested suggests suggest explained explains
argued argues wrote writes insisted insists acknowledged acknowledges admitted admits revealed
reveals predicted predicts cautioned cautions stressed stresses emphasised emphasized urged urges
asserted asserts alleged alleges denied denies refuted refutes disclosed discloses testified
projected projects forecast forecasts concluded concludes found finds showed shows show
speculate speculates speculated believe believes believed fear fears feared expect expects
think thinks
expected place places placed put puts recalled documented documents tweeted posted saying
announcing claiming warning adding
noting stating insisting estimating confirming suggesting arguing telling ruled rules stipulated
stipulates conceded concedes vowed vows pledged pledges promised promises recounted recounts claim
confirm verify asked attributed attributes identified identifies informed informs
disputed disputes dispute rejected rejects calculated calculates calculate accused accuses
apologised apologized predicting forecasting
projecting revealing explaining disclosing reporting stressing acknowledging admitting denying
blamed blames outlined outlines encouraged encourages advised advises commented comments
remarked remarks replied replies maintained maintains
predict warn argue insist admit acknowledge reveal stress urge caution allege deny explain
concede testify disclose declare conclude contend assert reckon report note
released published issued recommended recommends shown described describes
worry worries worried highlighted highlights retorted retorts countered counters""".split() + [
    r"made\s+clear", r"made\s+it\s+clear", r"makes\s+clear", r"pointed\s+out", r"points\s+out",
    r"ruled\s+out", r"rules\s+out",
    r"(?:raised|raises|lowered|lowers|revised|revises|upped|ups|reduced|reduces)\s+(?:(?:(?:the|"
    r"its|their|that|this)\s+)?(?:figure|number|toll|count|estimate|tally|total)|it|them)(?:\s+"
    r"(?:up|down|upward|downward))?(?=\s+(?:to|at)\s)",  # "X raised the figure to two
    # million", "the police reduced them to 57,000": X's count
    r"(?:countered|counters|responded|responds|hit\s+back)\s+(?:(?:the|this|that|their|its|"
    r"those)\s+(?:claims?|figures?|estimates?|numbers?)\s+)?with\s+(?:its\s+own\s+|their\s+own\s+)?"
    r"(?:figures|data|numbers|statistics)\s+(?:suggesting|showing|indicating)",
    r"(?:released|issued|put\s+out)\s+a\s+statement(?:\s+on\s+[A-ZÀ-ÖØ-ÞĀ-Ž][a-zß-öø-ÿā-ž]+day)?\s+to\s+"
    r"(?:clarify|say|confirm|stress|explain|deny|insist|reiterate|announce)",
]  # patterns of two or more words ("released a statement to clarify that C")
#: Say-verbs that only attribute when they release data: "released final results", "published
#: figures showing", never "released 30 prisoners" nor "a report released on Monday".
RELEASE_VERBS = frozenset(("released", "published", "issued"))
#: Say-verbs in the plain present, which need a plural subject ("experts warn that C", "critics
#: argue"): otherwise the word is a noun or an order ("a report", "Note that").
PLURAL_ONLY = frozenset("""predict warn argue insist admit acknowledge reveal stress urge caution
allege deny explain concede testify disclose declare conclude contend assert reckon report
note worry""".split())
AUX = r"(?:(?:has|have|had|was|were|is|are|will|would|also|later|previously|earlier|repeatedly|" \
    r"again|publicly|recently|then|already|had\s+been|not|yet|so\s+far|could|did|does|do|" \
    r"refused\s+to|declined\s+to|unable\s+to|appears?\s+to|appeared\s+to|seems?\s+to|seemed\s+to)\s+)"
#: An adverb before a verb ("publicly said"): lower case, and not a noun in -ly ("the tally").
ADVERB = r"(?:(?!(?:tally|family|rally|assembly|ally|supply|monopoly|anomaly|belly|jelly)\s)" \
    r"[a-z]+ly\s+)"
_LONGEST_FIRST = "|".join(sorted(SAY_VERBS, key=len, reverse=True))  # "ruled out" before "ruled"
CUE = re.compile(rf"\b(?P<aux>{AUX}{{0,3}}{ADVERB}?)(?P<verb>{_LONGEST_FIRST})\b")
VERB = re.compile(rf"\b(?:{_LONGEST_FIRST})\b")
CLAUSE_ADVERB_WORDS = re.compile(r"\s+(?:also|later|again|now|then|recently|previously)\s*$")
TIME_END = re.compile(
    r"\s+(?:as\s+of\s+[\w.]+(?:\s+\d{1,2})?|"
    r"(?:last|this|earlier this|on|over the|late|early|late on|early on)\s+(?:week|weekend|"
    r"month|year|night|morning|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|"
    r"yesterday|today|earlier|previously|"
    r"(?<=[a-z]\s)(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))$")  # "The
# government Wednesday said": AP style puts the day between the subject and its verb
#: A relative clause between a speaker and the verb ("Mourinho, who will be hoping ..., told").
RELATIVE = re.compile(
    r"(?:,\s+(?:who|which|whose)\s|,\s+and\s+(?:was|is|has|had|were)\s|,\s+(?:published|released|"
    r"carried out|conducted|commissioned|funded|led|issued|compiled|quoted|cited|seen|obtained|"
    r"provided|given|shared|leaked|shown|sent|founded|formed|created|established|set up|owned|"
    r"run|backed|based|"
    r"reviewed|interviewed)\s|,\s+(?:representing|speaking|writing|leading|heading|"
    r"running|chairing|citing|quoting|visiting|addressing)\s)(?:[^,;:“”\"]|(?<=\d),(?=\d{3})){2,160}?"
    r"(?:,\s+[^,;:“”\"]{2,80}?){0,2},\s*$"  # ("which has 140,000 staff,": a number's comma)
)


@dataclass(frozen=True, slots=True)
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
    #: Where in the text a group a "they" means was written ("The researchers ..."), or -1.
    introduced: int = -1


#: Patterns of the say-verb frames (verb_cues): pairs, outlets, lists, relative clauses.
EACH = re.compile(r"(?:^|[,;:]\s+|\b(?:and|but|while)\s+)"
                  r"(?P<pair>[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'.-]*(?:\s+[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'.-]*)?"
                  r"\s+and\s+[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'.-]*(?:\s+[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'.-]*)?)\s+(?:each|both)$")
#: An outlet between a speaker and the verb ("X, quoted by the Tribune, said") or after it ("said
#: in an interview with CNN"): the outlet that reports the words.
RELAYED = re.compile(r",\s+(?:quoted|cited|seen|obtained|reviewed|interviewed)\s+by\s+"
                     r"(?P<medium>(?:the\s+)?[A-ZÀ-ÖØ-ÞĀ-Ž][\w.&’'-]*(?:\s+[A-ZÀ-ÖØ-ÞĀ-Ž][\w.&’'-]*){0,3})\s*,\s*$")
INTERVIEW = re.compile(r"\s+in\s+an\s+interview\s+with\s+(?P<medium>(?:the\s+)?[A-ZÀ-ÖØ-ÞĀ-Ž][\w.&’'-]*"
                       r"(?:\s+[A-ZÀ-ÖØ-ÞĀ-Ž][\w.&’'-]*){0,3})")
#: A subject chunk that ends a list ("Kent, Surrey and East Sussex suggest").
LIST_BEFORE = re.compile(r"[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'.-]*(?:\s+[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'.-]*)*,\s+(?:[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'.-]*\s+)+and\s+$")
SAID_BEFORE = re.compile(r"\b(?:said|says|told\s+[\w\s.-]{1,40}?|added|adds|stated|claimed)"
                         r"(?:\s+(?:on|last|this)\s+\w+)?\s*,\s*$")
GROUP_BEFORE = re.compile(r"\b(?:for|by|to|from|among|with|[a-z]+ed)\s+(?!(?:for|by|to|from|among|"
                          r"with|of|in|on|at)\s)(?P<np>(?:the\s+|many\s+|most\s+|"
                          r"some\s+)?(?:[a-z][\w’'-]*\s+){0,2}?[a-z][\w’'-]*s),\s+$")
FIRM_BEFORE = re.compile(r"\b(?:maker|company|firm|owner|operator|retailer|carrier|airline|"
                         r"manufacturer|developer|publisher|broadcaster|lender|insurer|supplier|"
                         r"producer|parent)[’']?,\s*$")
