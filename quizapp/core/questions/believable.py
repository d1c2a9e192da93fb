"""Attributions a quiz should not trust: a cue that names no source of a claim.

The claim extractor reads some sentences as attributed that a fact-checker would not: a manner
"according to" ("measured according to BMI": by BMI, not BMI's claim), a noun compound read as
subject and verb ("road rules regularly flouted", "revenue forecasts that beat ..."), and a long
run of words read as one description ("Shares in X rose 45 cents after the group reported ...").
A quiz that asks who is cited for such a sentence has a wrong key: the questions treat these
sentences as unsourced instead.
"""

from __future__ import annotations

import re
from dataclasses import replace

from quizapp.core.claims.claim import Attribution, Claim
from quizapp.core.claims.speakers import Speaker, known_source_head

#: Verbs of measuring and ordering: "ranked according to size" means "by size".
_MANNER = re.compile(
    r"\b(?:measured|ranked|graded|sorted|classified|grouped|adjusted|calculated|weighted|"
    r"divided|categori[sz]ed|arranged|ordered|priced|rated|scored|assessed|allocated|"
    r"distributed|vary|varies|varied|differ|differs|differed|go|goes|went|gone|going|"
    r"proceed|proceeds|proceeded|act|acts|acted)\s*$", re.I)
_DETERMINERS = frozenset(
    "the a an one some its his her their our this that these those each every".split())
#: A comparison: "beating the average analyst estimate" - the sentence's figures are not the
#: estimate's own.
_COMPARISON = frozenset(
    "beating beat beats topping topped tops exceeding exceeded exceeds surpassing surpassed "
    "missing missed misses outpacing outpaced trailing trailed".split())
#: A role and what it heads, which may run long: "The head of an independent inquiry into the
#: collapse of the north stand at the city stadium".
_ROLE_OF = re.compile(r"(?:the|a|an)\s+(?:[\w-]+\s+)?(?:head|chief|leader|director|chairman|"
                      r"chairwoman|chair|spokesman|spokeswoman|spokesperson|secretary|commander|"
                      r"president)\s+(?:of|for|at)\s", re.I)
_LONGEST_DESCRIPTION = 12  # words: "the biggest survey of this type covering 3 million children"


def unfounded(claim: Claim, text: str) -> bool:
    """Tell whether a claim's attribution names no source of the claim (see the module)."""
    a = claim.attribution
    if a.strength not in ("named", "described") or a.cue_start < 0:
        return False
    cue = text[a.cue_start : a.cue_end].strip().lower()
    words = cue.split()
    if cue == "according to" and _MANNER.search(text[claim.start : a.cue_start]):
        return True
    if a.mention_start < 0 or a.speaker is None:
        return False
    mention = text[a.mention_start : a.mention_end].strip()
    if _other_gender(mention, a.speaker.mention or a.speaker.name):
        return True  # '"...," she said' read as Mr Qudra's: the pronoun is someone else
    if len(mention.split()) > _LONGEST_DESCRIPTION and (
            a.strength == "described" or re.search(r"\d", mention)) and not (
            _ROLE_OF.match(mention) and not re.search(r"\d", mention)):
        return True  # a name runs long ("the Bank's committee in its October meeting"), a
        # description with a figure in it has swallowed a clause
    if a.strength != "described":
        return False
    first = mention.split()[0] if mention else ""
    return (a.frame == "preposed" and len(words) == 1 and cue.endswith("s")
            and first.islower() and first not in _DETERMINERS
            and not known_source_head(a.speaker.name))


#: A sentence opening with a document noun and a preposition ("Figures from the exam boards in
#: X, Y and Z suggest ..."): a name inside the phrase is no subject of the cue.
_DOCUMENT_SUBJECT = re.compile(
    r"(?:The\s+)?(?:latest\s+|new\s+|official\s+)?(?:Figures|Data|Statistics|Results|Records|"
    r"Estimates|Numbers|Reports|Surveys|Studies|Findings)\s+(?:from|of|by|for)\s+[^,;:]*?(?:,[^,;:]*?)*$")


def document_subject(claim: Claim, text: str) -> Claim | None:
    """Return the claim attributed to the document phrase its sentence opens with, when the
    extractor took a name inside that phrase for the speaker ("Data from the largest water
    companies in Ruritania, Borduria and New Sarn show ...": not "New Sarn"), or None."""
    a = claim.attribution
    if a.strength != "named" or a.frame != "preposed" or a.mention_start <= claim.start:
        return None
    before = text[claim.start : a.mention_start]
    if not _DOCUMENT_SUBJECT.match(before) or re.search(
            r"\b(?:said|says|is|are|was|were|has|have|had|[a-z]+ed)\b", before):
        return None
    mention = text[claim.start : a.mention_end]
    speaker = Speaker(mention[0].lower() + mention[1:], "", mention, (), "vague", claim.start)
    attribution = replace(a, speaker=speaker, strength="described", mention_start=claim.start)
    return replace(claim, attribution=attribution, others=())


def _other_gender(pronoun: str, name: str) -> bool:
    """Tell whether a pronoun cannot stand for a speaker whose title gives a gender ("she" for
    "Mr Qudra", "he" for "Ms Berg")."""
    pronoun = pronoun.lower()
    male = re.match(r"(?:Mr|Sir|Lord)\.?\s", name) is not None
    female = re.match(r"(?:Mrs|Ms|Miss|Dame|Lady)\.?\s", name) is not None
    return (pronoun in ("she", "her") and male) or (pronoun in ("he", "him", "his") and female)


def compares(claim: Claim, text: str) -> bool:
    """Tell whether a claim's source is only what its figures are compared with ("52 cents a
    share, topping the consensus forecast of analysts"): the figures are not that source's."""
    a = claim.attribution
    if a.cue_start < 0:
        return False
    words = text[a.cue_start : a.cue_end].strip().lower().split()
    return bool(words) and words[0] in _COMPARISON


def believable(claim: Claim, text: str) -> Claim:
    """Return the claim, or the claim without attribution when that names no source; without
    a figure read from a number split by a space ("30" of "more than 30 000 stations")."""
    whole = tuple(f for f in claim.figures if not re.match(r"\s\d{3}\b", text[f.end :])
                  and not re.search(r"\d\s$", text[max(0, f.start - 2) : f.start]))
    if whole != claim.figures:
        claim = replace(claim, figures=whole)
    if not unfounded(claim, text):
        return document_subject(claim, text) or claim
    a = claim.attribution
    said = text[a.mention_start : a.mention_end].strip() if a.mention_start >= 0 else ""
    frame = "pronoun" if said.lower() in ("he", "she", "him", "her", "his") else "none"
    # "she said" of nobody known: sourced by a pronoun, so no "No source given" either
    return replace(claim, attribution=Attribution(None, "none", a.start, a.end, frame=frame),
                   others=())
