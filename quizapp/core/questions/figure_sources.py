"""Figure sources: who gives each figure of a sentence (a sentence may hold two sources), from
its own words, a clause before its source, or the sentence before or after it."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from quizapp.core.claims.extract import Claim
from quizapp.core.claims.figures import Figure
from quizapp.core.questions.corpus import Article

Label = Callable[[Article, Claim], str]

#: "five villagers according to an official count, but ...": a source written after the figure
_ACCORDING_AFTER = re.compile(
    r"\s+(?:[a-z]+\s+){0,2}according to\s+((?:an?|the|official|some)\b[^,;.()]{2,40}?)"
    r"(?=\s*[,;.)]|\s+(?:while|but|whereas|and)\b|$)")
#: "The figures came from the National Council (NC), which ...": the source of the sentence before
_CAME_FROM = re.compile(
    r"^(?:The|These|Those|Both|All)\s+(?:figures?|numbers?|tolls?|data|counts?|tally|tallies|"
    r"statistics)\s+(?:came|come|were|was|are|is)\s+(?:from|provided by|compiled by|released by|"
    r"issued by|given by|supplied by)\s+(?P<source>[^,;.()]{3,80}?)\s*(?=[,;.(]|\s+which\b|$)")
#: A sentence that points back at the one before ("That represents an increase of 56%").
POINTS_BACK = re.compile(r"^(?:That|This)\s+(?:represents|means|would mean|amounts to|equates to|"
                         r"is equivalent to|would be)\b")


def _holder(claim: Claim, figure: Figure):
    """Return the attribution whose reported part holds a figure most narrowly, or None."""
    best = None
    for a in (claim.attribution, *claim.others):
        if a.frame == "medium" or not a.content_start <= figure.start < a.content_end:
            continue
        if best is None or a.content_end - a.content_start < best.content_end - best.content_start:
            best = a
    return best


def own_claim(claim: Claim, figure: Figure) -> Claim:
    """Return the claim as its figure's own source makes it: "The ministry confirmed 23 deaths,
    while a rights group says at least 41 people have died": the 41 is the group's."""
    best = _holder(claim, figure)
    if best is None or best is claim.attribution or best.strength not in ("named", "described"):
        return claim
    return replace(claim, attribution=best, others=())


def figure_label(article: Article, claim: Claim, figure: Figure, label_of: Label) -> str:
    """Return who gives one figure of a sentence: the source whose reported part holds it ("X
    said 24, but Y said 25"), a source written after it ("according to an official toll"), the
    sentence's source, or the source the next sentence names ("The figures came from X")."""
    best = _holder(claim, figure)
    after = _ACCORDING_AFTER.match(claim.text, figure.end - claim.start)
    if after:
        return after.group(1).strip()
    if best is not None and best is not claim.attribution:
        label = label_of(article, replace(claim, attribution=best, others=()))
        if label:
            return label
    earlier = earlier_clause_source(claim, figure) if best is None else ""
    if not earlier and best is None and before_source(claim, figure):
        return ""  # "Five people died, and police said the driver had been drinking"
    return (earlier or label_of(article, claim) or context_label(article, claim, label_of)
            or predicted_label(claim, figure))


_CLAUSE_BREAK = re.compile(r",\s+(?:and|but|while|as|although|though)\s|;\s|\s[–—]\s")


def before_source(claim: Claim, figure: Figure) -> bool:
    """Tell whether a figure stands in a clause of the article's own before the clause that
    names the sentence's source ("At least 40 workers were hurt, and officials fear that
    figure will rise"): the source says nothing of it."""
    a = claim.attribution
    if a.strength not in ("named", "described") or a.frame != "preposed" or a.mention_start < 0:
        return False
    end, mention = figure.end - claim.start, a.mention_start - claim.start
    return 0 <= end <= mention and _CLAUSE_BREAK.search(claim.text, end, mention) is not None


_SAID_BEFORE = re.compile(
    r"^(?:(?:[A-ZÀ-ÖØ-ÞĀ-Ž][a-zß-öø-ÿā-ž]+ly|At first|Earlier|Initially|On \w+day),?\s+)?"
    r"(?P<who>(?:[Tt]he|[Aa]n?)\s+[a-z][\w -]{1,40}?|[A-ZÀ-ÖØ-ÞĀ-Ž][\w-]*(?:\s[A-ZÀ-ÖØ-ÞĀ-Ž][\w-]*)*)"
    r"\s+(?:first\s+|initially\s+|earlier\s+|originally\s+|had\s+)?(?:said|says|put|"
    r"estimated|reported|gave)\b")


def earlier_clause_source(claim: Claim, figure: Figure) -> str:
    """Return the source of a figure in a clause before the sentence's source ("The army first
    said 2,000 troops were sent, but the minister said ..."), "" when there is none."""
    a = claim.attribution
    at, end = figure.start - claim.start, figure.end - claim.start
    if not 0 <= end <= a.content_start - claim.start or not re.search(
            r"\b(?:but|while|whereas)\b", claim.text[end : a.content_start - claim.start]):
        return ""
    found = _SAID_BEFORE.match(claim.text[:at])
    return found.group("who") if found else ""


def context_label(article: Article, claim: Claim, label_of: Label | None = None) -> str:
    """Return the source the next sentence gives for this one's figures ("The figures came
    from X"), or the previous sentence's when this one points back at it ("That represents an
    increase of 56%"), or ""."""
    sentences = article.sentence_claims()
    for i, other in enumerate(sentences):
        if other is not claim:
            continue
        if i + 1 < len(sentences):
            found = _CAME_FROM.match(sentences[i + 1].text)
            if found:
                return found.group("source").strip()
        if i and label_of is not None and POINTS_BACK.match(claim.text):
            return label_of(article, sentences[i - 1])
    return ""


def context_claim(article: Article, claim: Claim, label: str) -> Claim | None:
    """Return the sentence that names a figure's source when its own does not ("The figures
    came from X" after it, or the sentence a "That represents ..." points back at), or None."""
    if not label or label.lower() in claim.text.lower():
        return None
    sentences = article.sentence_claims()
    for i, other in enumerate(sentences):
        if other is claim:
            if i + 1 < len(sentences) and _CAME_FROM.match(sentences[i + 1].text):
                return sentences[i + 1]
            if i and POINTS_BACK.match(claim.text):
                return sentences[i - 1]
    return None


#: "It comes after experts at a consultancy last week predicted ...": a forecaster the cue
#: reader missed
_PREDICTED = re.compile(
    r"(?:^|\bafter\s+|,\s+)(?P<who>(?:experts|analysts|economists|researchers|forecasters|"
    r"[Tt]he\s+\w+|[A-ZÀ-ÖØ-ÞĀ-Ž][\w&-]*)(?:\s+(?!predicted|forecast|estimated|projected)[\w&-]+){0,6}?)"
    r"\s+(?:last\s+\w+\s+|on\s+\w+day\s+|yesterday\s+|earlier\s+)?(?:predicted|forecast|"
    r"estimated|projected|predicts|forecasts|estimates|projects)\b")


def predicted_label(claim: Claim, figure: Figure) -> str:
    """Return who predicts a figure when the sentence's attribution names none ("analysts at
    pricing consultancy Tessel Research last month predicted the cap might rise to £1,300")."""
    found = _PREDICTED.search(claim.text[: figure.start - claim.start])
    return found.group("who") if found else ""
