"""Questions on what an article says about its own sourcing: a claim the outlet "could not
independently verify", a source that "did not cite" where its figure came from. A reader
checking a claim needs to know that, and the article says it in so many words."""

from __future__ import annotations

import re

from quizapp.core.banks.model import Question
from quizapp.core.claims.extract import Claim
from quizapp.core.questions.capitals import claim_phrase
from quizapp.core.questions.citations import evidence_for
from quizapp.core.questions.corpus import Article, Candidate
from quizapp.core.questions.statements import clause, speaker_label
from quizapp.core.questions.verdicts import mid_label

#: The choices of a question on whether a claim was checked, the key first.
VERIFY_CHOICES = ("It could not be independently verified", "It was independently confirmed",
                  "The article does not say")
#: The choices of a question on whether a source said where its claim came from.
SOURCE_CHOICES = ("It did not say where the figure came from",
                  "It named where the figure came from", "The article does not say")

_UNVERIFIED = re.compile(
    r"\b(?:could\s+not|cannot|can\s*not|can't|couldn't|was\s+unable\s+to|were\s+unable\s+to|"
    r"(?:has|have|had)\s+not\s+been\s+able\s+to)\s+(?:be\s+)?independently\s+(?:verif\w*|"
    r"confirm\w*|corroborat\w*)|\b(?:has|have|had|was|were|is|are)\s+not\s+(?:yet\s+)?(?:been\s+)?"
    r"independently\s+(?:verified|confirmed|corroborated)\b", re.I)
_NO_SOURCE = re.compile(
    r"\b(?:did|does|do)\s+not\s+(?:cite|give|name|provide|offer|say|disclose|reveal)\s+"
    r"(?:a\s+|any\s+|its\s+|their\s+|his\s+|her\s+)?(?:source|sources|evidence|basis)\b"
    r"|\bwithout\s+(?:citing|giving|naming|providing|offering)\s+(?:a\s+|any\s+)?(?:source|"
    r"sources|evidence)\b"
    r"|\b(?:did|does|do)\s+not\s+say\s+how\s+(?:it|they|he|she)\s+(?:arrived\s+at|reached|"
    r"calculated|came\s+up\s+with)\b", re.I)


def unverified_candidates(article: Article) -> list[Candidate]:
    """Return questions on claims the article says could not be verified or came without a
    source: the claim is the sentence's own words before the remark, or the sentence before
    when the remark points back to it ("The claim could not be independently verified")."""
    found: list[Candidate] = []
    claims = article.sentence_claims()
    for i, claim in enumerate(claims):
        for pattern, choices, kind in ((_UNVERIFIED, VERIFY_CHOICES, "unverified"),
                                       (_NO_SOURCE, SOURCE_CHOICES, "no-source")):
            remark = pattern.search(claim.text)
            if remark is None:
                continue
            target, content = _claim_of(article, claim, remark, claims[i - 1] if i else None)
            if target is None or not content or pattern.search(content) or not (
                    3 <= len(content.split()) and len(content) <= 220):
                continue
            if kind == "no-source" and not target.figures:
                continue  # where "the figure" came from: only of a claim with one
            a = target.attribution
            label = speaker_label(a.speaker) if a.strength in ("named", "described") else ""
            owner = mid_label(label, article.source.text) if label else ""
            owner += "’" if owner.endswith("s") else "’s" if owner else ""
            if owner[:1].islower() and owner.split()[0] not in ("the", "a", "an", "some"):
                owner = f"the {owner}"  # "the rebels’ claim"
            subject = (f"{owner} claim that {content}" if owner
                       else claim_phrase(content, article.source.text))
            prompt = (f"What does the article say about checking {subject}?" if kind ==
                      "unverified" else f"What does the article say about where the figure in "
                      f"{subject} came from?")
            cited = [*evidence_for(article, target)]
            if target is not claim:
                cited += evidence_for(article, claim)
            explanation = f'The article says: "{claim.text}"'
            question = Question("", "attribution", prompt, choices[0], [], list(choices), cited,
                                explanation, ["attribution", "verification", kind], 0.5)
            found.append(Candidate(question, article.source.id, 1.0,
                                   (f"verified:{article.source.id}:{target.start}",)))
            break
    return found


#: What a remark points back with: its subject ("The claim could not be verified", "It did
#: not cite a source") or its object ("Reuters could not independently verify the figures").
_POINTER = (r"(?:the\s+(?:claims?|figures?|tolls?|death\s+toll|reports?|numbers?|accounts?|"
            r"details|allegations?|casualty\s+figures?)|it|this|these|those|that|they|them|such"
            r"\s+\w+)")
_POINTER_SUBJECT = re.compile(rf"\s*{_POINTER}\b", re.I)
_POINTER_OBJECT = re.compile(rf"\s*{_POINTER}\b(?!\s+(?:of|that|about|on|from)\b)", re.I)


def _claim_of(article: Article, claim: Claim, remark: re.Match[str],
              before: Claim | None) -> tuple[Claim | None, str]:
    """Return the claim a remark about sourcing is made of and its words: the sentence itself
    when its own sourced claim comes first ("X said 40 died, without citing a source"), else
    the sentence before, when the remark points back to it."""
    a = claim.attribution
    head = claim.text[: remark.start()]
    if a.strength in ("named", "described", "vague") and len(head.split()) >= 8 and (
            a.content_start < claim.start + remark.start()):
        words = clause(claim, article.source.text) or claim.content
        cut = words.find(claim.text[remark.start() : remark.end()])
        words = words[:cut] if cut > 0 else words
        words = re.split(r",\s+(?:a|the|which|but|though|although|without|a\s+claim)\b|,\s*$",
                         words.strip())[0].strip(" ,")
        return claim, words
    if before is None or len(head.split()) > 8:
        return None, ""
    passive = remark.group().lower().endswith("ed")  # "could not be independently verified"
    if passive or remark.group().lower().startswith(("did", "does", "do")):
        pointed = _POINTER_SUBJECT.match(head)
    else:
        pointed = _POINTER_OBJECT.match(claim.text, remark.end())
    if not pointed or not (before.attribution.strength != "none" or before.figures):
        return None, ""
    words = clause(before, article.source.text) or before.content.strip().rstrip(".")
    return before, words
