"""Question builders for one article: source, figure, date, attribution and evidence questions."""

from __future__ import annotations

import re

from rapidfuzz import fuzz, process

from quizapp.core.banks.model import Question
from quizapp.core.claims.extract import Claim
from quizapp.core.claims.figures import Figure
from quizapp.core.questions.citations import evidence_for, mentions, named, source_questions
from quizapp.core.questions.corpus import (
    Article,
    Candidate,
    Corpus,
    distinct,
    order_choices,
    quizzable,
    seed_of,
)
from quizapp.core.questions.phrasing import figure_variants, subject_phrase
from quizapp.core.questions.statements import clause, cloze, speaker_label

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
            if quizzable(figure) and not _conversion(claim, figure):
                found.extend(figure_questions(article, claim, figure))
        found.extend(date_questions(article, claim))
        found.extend(attribution_questions(article, claim))
        found.extend(evidence_questions(article, claim, pool))
    return found


def _conversion(claim: Claim, figure: Figure) -> bool:
    """Tell whether a figure only converts the one before it ("35 kilometers (22 miles)")."""
    before = claim.text[: figure.start - claim.start]
    after = claim.text[figure.end - claim.start :]
    return bool(re.search(r"\d[^()]{0,25}\(\s*(?:about|roughly|around|some)?\s*$", before)
                and re.match(r"[^()]{0,20}\)", after) is not None)




def figure_questions(article: Article, claim: Claim, figure: Figure) -> list[Candidate]:
    """Ask for a figure: "According to X, how many ...?" or a cloze of the sentence."""
    speaker = claim.attribution.speaker
    label = speaker_label(speaker) if claim.attribution.strength != "none" else ""
    label = label or "the article"
    prompt = _how_many(claim, figure, label) or _estimate_at(claim, figure)
    score = 1.3
    if prompt is None and claim.attribution.strength != "none":
        prompt = _clause_cloze(claim, figure, label)
        score = 1.15
    if prompt is None:
        filled = cloze(claim, figure.start, figure.end, speaker)
        if filled is None:
            return []
        prompt = f'Which figure completes this statement from the article: "{filled}"?'
        score = 1.0
    if mentions(prompt, [figure.text]):
        return []
    accept = figure_variants(figure)
    explanation = f'The article says: "{claim.text}"'
    tags = ["figure", figure.topic, claim.attribution.strength + "-source"]
    difficulty = 0.5 if claim.attribution.strength == "named" else 0.6
    question = Question("", "figure", prompt, figure.text, accept, None,
                        evidence_for(article, claim), explanation, tags, difficulty)
    covers = (f"figure:{article.source.id}:{figure.start}",)
    score += 0.2 if figure.number_text[0].isdigit() else 0.0
    return [Candidate(question, article.source.id, score, covers)]


def _how_many(claim: Claim, figure: Figure, label: str) -> str | None:
    """Turn "[qualifier] N things VERB ..." into "According to X, how many things VERB ...?"."""
    content = clause(claim)
    if content is None or not figure.noun or figure.unit != figure.noun:
        return None
    if not content.lower().startswith(figure.text.lower() + " " + figure.noun.lower()):
        return None
    rest = content[len(figure.text) :].strip()
    if len(rest.split()) < 3:
        return None
    return f"According to {label}, how many {rest}?"


def _clause_cloze(claim: Claim, figure: Figure, label: str) -> str | None:
    """Blank the figure in "According to X, {clause}" built from the claim's content."""
    content = clause(claim)
    if content is None or content[0] in "“‘\"" or content.count(figure.text) != 1:
        return None
    blanked = content.replace(figure.text, "___")
    return f'Which figure completes this statement: "According to {label}, {blanked}."?'


def _estimate_at(claim: Claim, figure: Figure) -> str | None:
    """Turn "X estimates place N at F" into "What figure do X estimates place N at?"."""
    a = claim.attribution
    if a.cue_start < 0 or a.mention_start < 0:
        return None
    cue = claim.text[a.cue_start - claim.start : a.cue_end - claim.start].split()
    if not cue or cue[-1].lower() not in ("place", "places", "put", "puts"):
        return None
    tail = claim.text[a.cue_end - claim.start : figure.start - claim.start]
    found = re.fullmatch(r"\s+(?P<np>[^,;]{3,80}?)\s+at\s+", tail)
    if not found or figure.end > a.content_end:
        return None
    subject = subject_phrase(claim.text[a.mention_start - claim.start : a.cue_start - claim.start])
    verb = cue[-1].lower()
    if len(cue) > 1:
        aux = " ".join(cue[:-1])
    else:
        aux = "does" if verb.endswith("s") else "do"
        verb = verb.rstrip("s") if verb.endswith("s") and verb != "puts" else verb
        verb = "put" if verb == "puts" else verb
    return f"What figure {aux} {subject} {verb} {found.group('np')} at?"


def date_questions(article: Article, claim: Claim) -> list[Candidate]:
    """Ask for a date written in a claim sentence, as a cloze."""
    found = []
    for date in claim.dates:
        if date.relative and not re.search(r"\d|[A-Z]", date.text):
            continue
        if claim.text.count(date.text) != 1:
            continue
        filled = cloze(claim, date.start, date.end, claim.attribution.speaker)
        if filled is None:
            continue
        prompt = f'Which date completes this statement from the article: "{filled}"?'
        accept = [v for v in (date.iso, date.text.replace(",", "")) if v and v != date.text]
        explanation = f'The article says: "{claim.text}"'
        question = Question("", "date", prompt, date.text, accept, None,
                            evidence_for(article, claim), explanation, ["date"], 0.5)
        covers = (f"date:{article.source.id}:{date.start}",)
        found.append(Candidate(question, article.source.id, 0.8, covers))
    return found


def attribution_questions(article: Article, claim: Claim) -> list[Candidate]:
    """Ask how a claim with a figure is sourced: named, vague or no source."""
    a = claim.attribution
    if not any(quizzable(f) for f in claim.figures) and a.strength not in ("vague", "described"):
        return []
    content = clause(claim)
    if content is None or (a.strength == "named" and a.speaker and mentions(
            content, [a.speaker.name, *a.speaker.short_forms])):
        return []
    answer = _STRENGTH_ANSWER[a.strength]
    prompt = f"How does the article source the claim that {content}?"
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
    """Ask which sentence supports a claim, among similar sentences (`pool`) of its article."""
    if claim.attribution.strength == "none" and not claim.figures:
        return []
    content = clause(claim)
    if content is None:
        return []
    speaker = named(claim)
    label = speaker_label(speaker)
    statement = f"{label} says that {content}" if label else content
    if content[0] in "“‘\"":
        statement = f"{label} said {content}" if label else content
    texts = {f.number_text for f in claim.figures}
    similar = process.extract(content, pool, scorer=fuzz.token_set_ratio, limit=10)
    ranked = [t for t, _, _ in similar if t != claim.text and not any(n in t for n in texts)]
    distractors = distinct(claim.text, ranked, 3)
    if len(distractors) < 3:
        return []
    seed = seed_of(article.source.id, claim.start, "evidence")
    prompt = f"Which sentence from the article supports the claim that {statement}?"
    if mentions(prompt, [claim.text]):
        return []
    question = Question("", "evidence", prompt, claim.text, [],
                        order_choices(claim.text, distractors, seed), evidence_for(article, claim),
                        f'The supporting sentence is: "{claim.text}"', ["evidence"], 0.5)
    return [Candidate(question, article.source.id, 0.8, ())]
