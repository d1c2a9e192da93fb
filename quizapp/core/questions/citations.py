"""Source questions: who an article cites for a claim, typed or among plausible speakers."""

from __future__ import annotations

import re

from quizapp.core.banks.model import Evidence, Question
from quizapp.core.claims.extract import Claim
from quizapp.core.claims.speakers import Speaker
from quizapp.core.questions.corpus import (
    Article,
    Candidate,
    Corpus,
    distinct,
    order_choices,
    seed_of,
    window,
)
from quizapp.core.questions.phrasing import speaker_variants
from quizapp.core.questions.statements import clause, dangling


def evidence_for(article: Article, claim: Claim) -> list[Evidence]:
    """Return the evidence list that cites one claim sentence."""
    return [Evidence(article.source.id, claim.start, claim.end)]


def named(claim: Claim) -> Speaker | None:
    """Return the claim's named speaker, or None."""
    a = claim.attribution
    return a.speaker if a.strength == "named" else None


def mentions(text: str, forms: list[str]) -> bool:
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
    speaker = named(claim)
    content = clause(claim)
    if speaker is None:
        return []
    self_ref = _self_reference(claim) if content is None else None
    cited: list[Claim] = []
    answer = speaker.mention
    if speaker.definite and answer[0].islower():
        answer = f"the {answer}"  # "the city's Office of Management and Budget"
    accept = speaker_variants(speaker, claim, article.source.text)
    forms = [answer, speaker.name, *speaker.short_forms]
    score = 1.3
    if self_ref and not mentions(self_ref, forms):
        prompt = f"Who said that {self_ref}?"
    elif content is None or mentions(content, forms):
        context = _previous(article, claim)
        prompt = _source_cloze(claim, forms, context)
        score = 1.0
        if prompt is None:
            return []
        if context is not None and context.text in prompt:
            cited.append(context)
    elif content[0] in "“‘\"":
        prompt = f"Who is quoted as saying {content}?"
    else:
        prompt = f"Who is cited as the source for the claim that {content}?"
    evidence = [*(e for c in cited for e in evidence_for(article, c)),
                *evidence_for(article, claim)]
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
    distractors = distinct(answer, _other_speakers(corpus, article, speaker, seed), 3)
    if len(distractors) == 3:
        choices = order_choices(answer, distractors, seed)
        mc = Question("", "source", prompt, answer, accept, choices, list(evidence),
                      explanation, [*tags, "multiple-choice"], 0.35)
        found.append(Candidate(mc, article.source.id, score - 0.2, covers))
    return found


def _other_speakers(corpus: Corpus, article: Article, speaker: Speaker, seed: int) -> list[str]:
    """Return distractor speakers: the article's own first, then the corpus's; people for a
    person and organisations for an organisation before the rest."""

    def fits(other: Speaker) -> bool:
        return (other.name != speaker.name and speaker.name not in other.mention
                and other.kind in ("person", "org"))

    local = sorted((s for s in article.speakers if fits(s)), key=lambda s: s.kind != speaker.kind)
    if len(local) >= 3:
        return [s.mention for s in local]
    names = {s.name for s in article.speakers}
    rest = sorted((s for _, s in window(corpus.speakers, seed, 60)
                   if s.name not in names and fits(s)), key=lambda s: s.kind != speaker.kind)
    return [s.mention for s in local + rest]


_SELF = re.compile(r"^(?:he|she|it|they)\b")


def _self_reference(claim: Claim) -> str | None:
    """Return reported speech whose subject pronoun is the speaker ("she had waited an hour"),
    which reads on its own after "Who said that ...?", or None."""
    a = claim.attribution
    if a.frame not in ("preposed", "postposed") or a.content_end <= a.content_start:
        return None
    text = claim.content.strip().rstrip(".")
    if not _SELF.match(text) or len(text.split()) < 4 or len(text) > 240:
        return None
    rest = _SELF.sub("X", text, count=1)
    return None if dangling(rest) else text


def _previous(article: Article, claim: Claim) -> Claim | None:
    """Return the sentence right before a claim in its article, or None."""
    before = [c for c in article.claims if c.end <= claim.start]
    return before[-1] if before else None


def _source_cloze(claim: Claim, forms: list[str], context: Claim | None = None) -> str | None:
    """Ask for the speaker blanked out of the claim sentence, or None. When the words before the
    blank lean on an earlier sentence ("This development was reported by ___"), quote that
    sentence too, provided it reads on its own and does not name the speaker."""
    a = claim.attribution
    if a.mention_start < 0:
        return None
    lo, hi = a.mention_start - claim.start, a.mention_end - claim.start
    text = claim.text[:lo] + "___" + claim.text[hi:]
    if mentions(text, forms) or len(text) > 320:
        return None
    if not dangling(text[: text.index("___")]):
        return f'Who is the source left out of this sentence from the article: "{text}"?'
    if context is None or dangling(context.text) or mentions(context.text, forms) or len(
            context.text) + len(text) > 420 or '"' in context.text:
        return None  # "One of them, ___, said": who are "them"?
    return f'Who is the source left out of this passage from the article: "{context.text} {text}"?'
