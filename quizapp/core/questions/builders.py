"""Question builders for one article: source, figure, date, attribution and evidence questions."""

from __future__ import annotations

import re

from rapidfuzz import fuzz, process

from quizapp.core.banks.model import Question
from quizapp.core.claims.extract import Claim
from quizapp.core.claims.figures import Figure
from quizapp.core.questions.asking import date_prompt, plural, whole_hits
from quizapp.core.questions.believable import compares
from quizapp.core.questions.citations import evidence_for, mentions, source_questions
from quizapp.core.questions.corpus import (
    Article,
    Candidate,
    Corpus,
    distinct,
    order_choices,
    quizzable,
    seed_of,
)
from quizapp.core.questions.evidence_names import figure_name, gives_away, topic
from quizapp.core.questions.figure_builders import conversion, figure_questions
from quizapp.core.questions.labels import quoted, reads_as_question, written_label
from quizapp.core.questions.source_choices import cut_name
from quizapp.core.questions.sourcing import surely_unsourced
from quizapp.core.questions.statements import (
    claim_phrase,
    clause,
    cloze,
    dangling,
    denial,
    speaker_label,
    strip_lead,
)
from quizapp.core.questions.verdicts import mid_label

__all__ = ["ATTRIBUTION_CHOICES", "article_candidates", "figure_name", "reads_as_question"]

ATTRIBUTION_CHOICES = ["A named or described source", "Unnamed or vague reports",
                       "No source given"]
_STRENGTH_ANSWER = {"named": ATTRIBUTION_CHOICES[0], "described": ATTRIBUTION_CHOICES[0],
                    "vague": ATTRIBUTION_CHOICES[1], "none": ATTRIBUTION_CHOICES[2]}


def article_candidates(corpus: Corpus, article: Article) -> list[Candidate]:
    """Return every candidate question of one article."""
    found: list[Candidate] = []
    claims = article.sentence_claims()
    pool = [c.text for c in claims if 40 <= len(c.text) <= 320]
    for claim in claims:
        found.extend(source_questions(corpus, article, claim))
        for figure in claim.figures:
            if quizzable(figure) and not conversion(claim, figure):
                found.extend(figure_questions(article, claim, figure))
        found.extend(date_questions(article, claim))
        found.extend(attribution_questions(article, claim))
        found.extend(evidence_questions(article, claim, pool))
    return found




def date_questions(article: Article, claim: Claim) -> list[Candidate]:
    """Ask when something happened, by the claim: "When does the article say X happened?"."""
    found = []
    a = claim.attribution
    label = "the article"
    if a.strength == "named" and a.speaker:
        label = speaker_label(a.speaker) or label
    elif a.strength == "described" and a.speaker:
        label = written_label(article, claim, a.speaker)
    content = clause(claim, article.source.text) or claim.content.strip().rstrip(".")
    for date in claim.dates:
        if date.relative and not re.search(r"\d|[A-Z]", date.text):
            continue
        if claim.text.count(date.text) != 1 or _in_dateline(claim, date.start):
            continue  # "LONDON Nov 19 - ...": the wire's date, no fact of the claim
        if _PAIRED_DATE.match(claim.text, date.end - claim.start) or re.search(
                r"\b(?:and|or)\s+$", claim.text[: date.start - claim.start]):
            continue  # "on Oct. 8 and Oct. 9": one of two dates is half the answer
        prompt = date_prompt(content, date, label, plural(label))
        prompt = reads_as_question(prompt, article.source.text) if prompt else None
        tags = ["date"]
        if prompt is None or dangling(prompt):
            filled = cloze(claim, date.start, date.end, a.speaker)
            if filled is None:
                continue
            prompt = f"Which date completes this statement from the article: {quoted(filled)}?"
            tags.append("closed-book")  # a blank in the sentence: recall only
        if mentions(prompt, [date.text]):
            continue
        bare = re.sub(r"^(?:on|in|at|since|by)\s+", "", date.text, flags=re.I)  # "Sunday"
        accept = [v for v in dict.fromkeys((date.iso, date.text.replace(",", ""), bare))
                  if v and v != date.text]
        explanation = f'The article says: "{claim.text}"'
        question = Question("", "date", prompt, date.text, accept, None,
                            evidence_for(article, claim), explanation, tags, 0.5)
        covers = (f"date:{article.source.id}:{date.start}",)
        score = 0.75 if "closed-book" in tags else 0.9
        found.append(Candidate(question, article.source.id, score, covers))
    return found


_PAIRED_DATE = re.compile(r"\s*(?:,\s*)?(?:and|or|to|through|until|[-–])\s*(?:(?:on|in)\s+)?"
                          r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|"
                          r"Fri|Sat|Sun|\d)")


def attribution_questions(article: Article, claim: Claim) -> list[Candidate]:
    """Ask how a claim with a figure is sourced: named, vague or no source."""
    a = claim.attribution
    if not any(quizzable(f) for f in claim.figures) and a.strength not in ("vague", "described"):
        return []
    if a.frame == "pronoun" or compares(claim, article.source.text) or denial(claim):
        return []  # "He forecast 16%" with no referent: neither unsourced nor vague; "36 cents,
        # beating the estimate": the estimate is compared with, not cited for the claim
    if a.strength == "none" and not surely_unsourced(article, claim):
        return []  # "No source given" would be a doubtful key
    content = clause(claim, article.source.text)
    if content is None or (a.strength == "named" and a.speaker and mentions(
            content, [a.speaker.name, *a.speaker.short_forms])):
        return []
    answer = _STRENGTH_ANSWER[a.strength]
    prompt = f"How does the article source {claim_phrase(content, article.source.text)}?"
    if a.strength == "named" and a.speaker:
        why = f"It names its source, {a.speaker.mention}"
    elif a.strength == "described" and a.speaker:
        why = f"It describes its source: {a.speaker.mention}"
    elif a.strength == "vague":
        cue = claim.text[a.cue_start - claim.start : a.cue_end - claim.start]
        why = f'It relies on vague attribution ("{cue}")'
    else:
        why = "The sentence gives no source"
    explanation = f'{why}: "{claim.text}"'
    question = Question("", "attribution", prompt, answer, [], list(ATTRIBUTION_CHOICES),
                        evidence_for(article, claim), explanation,
                        ["attribution", a.strength + "-source"], 0.45)
    return [Candidate(question, article.source.id, 0.9, ())]


def evidence_questions(article: Article, claim: Claim, pool: list[str]) -> list[Candidate]:
    """Ask which sentence is the evidence for a claim named in a few words ("the figure of
    5,655 measles cases", "the claim about the repo rate"), among similar sentences (`pool`)."""
    a = claim.attribution
    if a.strength == "none" and not claim.figures:
        return []
    content = clause(claim, article.source.text)
    if content is None:
        return []
    figure = next((f for f in claim.figures if quizzable(f)
                   and claim.text.count(f.number_text) == 1), None)
    speaker = a.speaker if a.strength in ("named", "described") else None
    text = article.source.text
    label = ""
    if speaker is not None:
        label = (written_label(article, claim, speaker) if a.strength == "described"
                 else speaker_label(speaker))
        label = mid_label(label, text, a.strength == "described")
    named_claim = figure and figure_name(claim, figure)
    if named_claim and figure is not None:
        if gives_away(named_claim, claim.text, label):
            return []  # "the figure of three key factors": "There are three key factors ..."
        if label and _owned(claim, figure, text) and not cut_name(label, text):
            named_claim += f" given by {label}"
        avoid = [figure.number_text]
    else:
        subject = topic(content, text, label, pool) if label else None
        if subject is None:
            return []
        named_claim = (f"the claim of {label} about {subject}" if plural(label)
                       else f"{label}'s claim about {subject}")
        avoid = [w for w in subject.split() if len(w) > 3]
        if gives_away(subject, claim.text, label):
            return []
    similar = process.extract(content, pool, scorer=fuzz.token_set_ratio, limit=10)
    ranked = [t for t, _, _ in similar if t != claim.text and not any(
        whole_hits(t.lower(), n.lower()) for n in avoid)]
    distractors = distinct(claim.text, ranked, 3)
    if len(distractors) < 3:
        return []
    seed = seed_of(article.source.id, claim.start, "evidence")
    prompt = f"Which sentence of the article is the evidence for {named_claim}?"
    question = Question("", "evidence", prompt, claim.text, [],
                        order_choices(claim.text, distractors, seed), evidence_for(article, claim),
                        f'The supporting sentence is: "{claim.text}"', ["evidence"], 0.5)
    return [Candidate(question, article.source.id, 0.8, ())]


def _owned(claim: Claim, figure: Figure, text: str) -> bool:
    """Tell whether a figure is the cited source's own: within the words it is cited for, and
    not what a figure is compared with ("36 cents, beating the average estimate")."""
    a = claim.attribution
    inside = a.content_end <= a.content_start or (
        a.content_start <= figure.start and figure.end <= a.content_end)
    hedged = re.search(r"\b(?:is|are|was|were)\s+(?:believed|thought|understood|estimated|"
                       r"said|reported)\b", text[claim.start : figure.start])
    return inside and not hedged and not compares(claim, text)  # not "... has not confirmed
    # the number, which is thought to be near 520": the figure is nobody's


def _in_dateline(claim: Claim, at: int) -> bool:
    """Tell whether offset `at` falls in the dateline that leads a claim's sentence."""
    lead = strip_lead(claim.text)
    return lead != claim.text and at - claim.start < len(claim.text) - len(lead)
