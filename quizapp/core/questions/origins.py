"""Discrepancy questions on two sources of one article that name different places a journey
began from ("the survivors said they set sail from Libya" / "the government said the boat had set
sail from Egypt")."""

from __future__ import annotations

import re

from quizapp.core.banks.model import Evidence, Question
from quizapp.core.questions.asking import plural
from quizapp.core.questions.conflicts import other_event
from quizapp.core.questions.corpus import Article, Candidate, distinct, order_choices, seed_of
from quizapp.core.questions.tolls import background, same_source, source_label
from quizapp.core.questions.verdicts import mid_label

_PLACE = r"[A-ZÀ-ÖØ-ÞĀ-Ž][a-zß-öø-ÿā-ž]+(?:\s[A-ZÀ-ÖØ-ÞĀ-Ž][a-zß-öø-ÿā-ž]+)?"
_FROM = re.compile(rf"\b(?:set sail|sailed|departed|set off|setting sail|had left|left|took "
                   rf"off|embarked)\s+from\s+(?:the\s+)?(?:port of\s+)?(?P<place>{_PLACE})\b")
_PLACES = re.compile(rf"\b(?:from|to|in|for|into)\s+(?P<place>{_PLACE})\b")


def origin_candidates(article: Article) -> list[Candidate]:
    """Return a question for each two sources that give different places of departure: given
    the first, which place the second gives."""
    found: list[tuple] = []
    for claim in article.sentence_claims():
        if claim.attribution.strength not in ("named", "described"):
            continue
        if background(claim.text) or other_event(claim):
            continue
        match = _FROM.search(claim.text)
        who = source_label(article, claim) if match else ""
        if who and match.group("place").split()[0] not in ("The", "A", "An"):
            found.append((claim, match.group("place"), who))
    questions = []
    for i, (ca, pa, wa) in enumerate(found):
        for cb, pb, wb in found[i + 1 :]:
            if pa != pb and not same_source(wa, wb) and ca.start != cb.start:
                questions.append(_question(article, (ca, pa, wa), (cb, pb, wb)))
                break
    return questions[:2]


def _question(article: Article, a: tuple, b: tuple) -> Candidate:
    """Ask for the second source's place of departure, given the first's."""
    (ca, pa, wa), (cb, pb, wb) = a, b
    text = article.source.text
    who_a, who_b = mid_label(wa, text), mid_label(wb, text)
    give = "give" if plural(who_a) else "gives"
    does = "do" if plural(who_b) else "does"
    title = article.source.title.strip() or "The article"
    prompt = (f'"{title}" gives two places the journey began from. {who_a[0].upper()}'
              f"{who_a[1:]} {give} {pa}. Which place {does} {who_b} give?")
    places = [m.group("place") for m in _PLACES.finditer(text)
              if m.group("place").split()[0] not in ("The", "A", "An", "On", "In")]
    choices = distinct(pb, [pa, *places], 3)
    seed = seed_of(article.source.id, ca.start, cb.start, "origin")
    evidence = [Evidence(article.source.id, ca.start, ca.end),
                Evidence(article.source.id, cb.start, cb.end)]
    explanation = f'{who_a}: "{ca.text}" {who_b}: "{cb.text}"'
    question = Question("", "discrepancy", prompt, pb, [], order_choices(pb, choices, seed),
                        evidence, explanation, ["discrepancy", "within-article", "origin"], 0.7)
    return Candidate(question, article.source.id, 1.1,
                     (f"origin:{article.source.id}:{ca.start}:{cb.start}",))
