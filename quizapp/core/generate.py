"""Question builders for one article: source, figure, date, attribution and evidence questions."""

from __future__ import annotations

import re

from rapidfuzz import fuzz, process

from quizapp.core.bank import Evidence, Question
from quizapp.core.claims import Claim
from quizapp.core.corpus import (
    Article,
    Candidate,
    Corpus,
    distinct,
    order_choices,
    quizzable,
    seed_of,
    window,
)
from quizapp.core.figures import Figure
from quizapp.core.phrasing import figure_variants, speaker_variants, subject_phrase
from quizapp.core.speakers import Speaker
from quizapp.core.statements import clause, cloze, speaker_label

ATTRIBUTION_CHOICES = ["A named source", "Unnamed or vague reports", "No source given"]
_STRENGTH_ANSWER = dict(zip(("named", "vague", "none"), ATTRIBUTION_CHOICES, strict=True))


def article_candidates(corpus: Corpus, article: Article) -> list[Candidate]:
    """Return every candidate question of one article."""
    found: list[Candidate] = []
    claims = article.sentence_claims()
    pool = [c.text for c in claims if 40 <= len(c.text) <= 320]
    for claim in claims:
        found.extend(source_questions(corpus, article, claim))
        for figure in claim.figures:
            if quizzable(figure):
                found.extend(figure_questions(article, claim, figure))
        found.extend(date_questions(article, claim))
        found.extend(attribution_questions(article, claim))
        found.extend(evidence_questions(article, claim, pool))
    return found


def _evidence(article: Article, claim: Claim) -> list[Evidence]:
    """Return the evidence list that cites one claim sentence."""
    return [Evidence(article.source.id, claim.start, claim.end)]


def _named(claim: Claim) -> Speaker | None:
    """Return the claim's named speaker, or None."""
    a = claim.attribution
    return a.speaker if a.strength == "named" else None


def _mentions(text: str, forms: list[str]) -> bool:
    """Tell whether `text` names any of `forms` as whole words."""
    low = text.lower()
    for form in forms:
        form = form.lower()
        start = low.find(form) if form else -1
        while start >= 0:
            end = start + len(form)
            if (start == 0 or not low[start - 1].isalnum()) and (
                end == len(low) or not low[end].isalnum()
            ):
                return True
            start = low.find(form, start + 1)
    return False


def source_questions(corpus: Corpus, article: Article, claim: Claim) -> list[Candidate]:
    """Ask who is cited for a claim: typed, and multiple choice among the corpus's speakers."""
    speaker = _named(claim)
    content = clause(claim)
    if speaker is None:
        return []
    answer = speaker.mention
    accept = speaker_variants(speaker, claim, article.source.text)
    forms = [answer, speaker.name, *speaker.short_forms]
    score = 1.3
    if content is None or _mentions(content, forms):
        prompt = _source_cloze(claim, forms)
        score = 1.0
        if prompt is None:
            return []
    elif content[0] in "“‘\"":
        prompt = f"Who is quoted as saying {content}?"
    else:
        prompt = f"Who is cited as the source for the claim that {content}?"
    evidence = _evidence(article, claim)
    if answer.lower() not in claim.text.lower() and speaker.mention_start >= 0:
        intro = next((c for c in article.claims
                      if c.start <= speaker.mention_start < c.end), None)
        if intro is not None and intro.start != claim.start:
            evidence.append(Evidence(article.source.id, intro.start, intro.end))
    explanation = f'The article attributes this to {answer}: "{claim.text}"'
    tags = ["source", "attribution", *(f.topic for f in claim.figures[:1])]
    covers = (f"speaker:{article.source.id}:{speaker.name}",)
    typed = Question("", "source", prompt, answer, accept, None, evidence, explanation,
                     tags, 0.55)
    found = [Candidate(typed, article.source.id, score, covers)]
    seed = seed_of(article.source.id, claim.start, "source")
    others = [s.mention for sid, s in window(corpus.speakers, seed, 60)
              if s.name != speaker.name and speaker.name not in s.mention]
    distractors = distinct(answer, others, 3)
    if len(distractors) == 3:
        choices = order_choices(answer, distractors, seed)
        mc = Question("", "source", prompt, answer, accept, choices, list(evidence),
                      explanation, [*tags, "multiple-choice"], 0.35)
        found.append(Candidate(mc, article.source.id, score - 0.2, covers))
    return found


def _source_cloze(claim: Claim, forms: list[str]) -> str | None:
    """Ask for the speaker blanked out of the claim sentence, or None."""
    a = claim.attribution
    if a.mention_start < 0:
        return None
    lo, hi = a.mention_start - claim.start, a.mention_end - claim.start
    text = claim.text[:lo] + "___" + claim.text[hi:]
    if _mentions(text, forms) or len(text) > 320:
        return None
    return f'Who is the source left out of this sentence from the article: "{text}"?'



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
    if _mentions(prompt, [figure.text]):
        return []
    accept = figure_variants(figure)
    explanation = f'The article says: "{claim.text}"'
    tags = ["figure", figure.topic, claim.attribution.strength + "-source"]
    difficulty = 0.5 if claim.attribution.strength == "named" else 0.6
    question = Question("", "figure", prompt, figure.text, accept, None,
                        _evidence(article, claim), explanation, tags, difficulty)
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
                            _evidence(article, claim), explanation, ["date"], 0.5)
        covers = (f"date:{article.source.id}:{date.start}",)
        found.append(Candidate(question, article.source.id, 0.8, covers))
    return found


def attribution_questions(article: Article, claim: Claim) -> list[Candidate]:
    """Ask how a claim with a figure is sourced: named, vague or no source."""
    a = claim.attribution
    if not any(quizzable(f) for f in claim.figures) and a.strength != "vague":
        return []
    content = clause(claim)
    if content is None or (a.strength == "named" and a.speaker and _mentions(
            content, [a.speaker.name, *a.speaker.short_forms])):
        return []
    answer = _STRENGTH_ANSWER[a.strength]
    prompt = f"How does the article source the claim that {content}?"
    if a.strength == "named" and a.speaker:
        why = f"It names its source, {a.speaker.mention}"
    elif a.strength == "vague":
        cue = claim.text[a.cue_start - claim.start : a.cue_end - claim.start]
        why = f'It relies on vague attribution ("{cue}")'
    else:
        why = "The sentence gives no source"
    explanation = f'{why}: "{claim.text}"'
    question = Question("", "attribution", prompt, answer, [], list(ATTRIBUTION_CHOICES),
                        _evidence(article, claim), explanation,
                        ["attribution", a.strength + "-source"], 0.45)
    return [Candidate(question, article.source.id, 0.9, ())]


def evidence_questions(article: Article, claim: Claim, pool: list[str]) -> list[Candidate]:
    """Ask which sentence supports a claim, among similar sentences (`pool`) of its article."""
    if claim.attribution.strength == "none" and not claim.figures:
        return []
    content = clause(claim)
    if content is None:
        return []
    speaker = _named(claim)
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
    if _mentions(prompt, [claim.text]):
        return []
    question = Question("", "evidence", prompt, claim.text, [],
                        order_choices(claim.text, distractors, seed), _evidence(article, claim),
                        f'The supporting sentence is: "{claim.text}"', ["evidence"], 0.5)
    return [Candidate(question, article.source.id, 0.8, ())]
