"""Figure blanks: the key of a figure's blank in its sentence, the shorter parts of a long
sentence to quote, the sentence before to quote with it, and blanks that sums give away."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace

from quizapp.core.claims.extract import Claim
from quizapp.core.claims.figures import Figure
from quizapp.core.questions.asking import whole_hits
from quizapp.core.questions.citations import mentions
from quizapp.core.questions.corpus import Article
from quizapp.core.questions.statements import leans_outside


def summed(claim: Claim, figure: Figure) -> bool:
    """Tell whether a figure can be worked out from the sentence's other figures of its unit:
    their sum, or a total less the others."""
    others = [f.value for f in claim.figures if f is not figure and f.high is None and (
        f.unit == figure.unit or not (f.unit and figure.unit))]  # "17 (people) in A, eight ..."
    if _ONE_MORE.search(claim.text) and _TAKING_TO.search(claim.text) and any(
            abs(abs(f.value - figure.value) - 1) < 1e-6
            for f in claim.figures if f is not figure):
        return True  # "the toll was 18, but one more victim was recovered, bringing the total
        # to 19": either figure is the other one plus or minus one
    if len(others) < 2 or figure.high is not None:
        return False
    total = sum(others)
    return abs(total - figure.value) < 1e-6 or any(
        abs(o - (figure.value + total - o)) < 1e-6 for o in others)


_ONE_MORE = re.compile(r"\b(?:another|one more|a further)\b", re.I)
_TAKING_TO = re.compile(r"\b(?:taking|bringing|raising|pushing|lifting)\s+(?:the\s+)?"
                        r"(?:\w+\s+)?(?:number|toll|total|tally|count)\s+to\s", re.I)


def telling_answer(claim: Claim, figure: Figure) -> tuple[str, int]:
    """Return the key of a blank and where it ends: the figure, or the figure with its counted
    noun when its number stands twice in the sentence ("37 men, ___ and a three-year-old")."""
    text = claim.text
    if len(whole_hits(text.lower(), figure.number_text.lower())) < 2:
        return figure.text, figure.end
    after = text[figure.end - claim.start :]
    if not figure.noun or figure.noun_before or not after.startswith(" " + figure.noun):
        lead = _LEAD_WORDS.search(text, 0, figure.start - claim.start)  # "with Q2 at ___"
        if lead and not figure.qualifier_text:
            return text[lead.start() : figure.end - claim.start], figure.end
        return figure.text, figure.end
    if re.match(r"\s+[A-ZÀ-ÖØ-ÞĀ-Ž]", after[1 + len(figure.noun) :]) and not re.search(
            r"(?:ed|ing)$", figure.noun):
        return figure.text, -1  # "achieved ___ As" for "four grade As": the noun goes on
    return f"{figure.text} {figure.noun}", figure.end + 1 + len(figure.noun)


#: The words before a figure that tell it from the same number elsewhere: "Q2 at", "projected at".
_LEAD_WORDS = re.compile(r"\b[\w’'-]+\s+(?:at|of|to|by|from)\s+$")


_CLAUSE_AFTER = re.compile(r",\s|;\s|\s[–—]\s")


_INNER_END = re.compile(r"[.!?](?=\s+[A-Z“\"‘'])")


def trimmed_forms(claim: Claim, start: int, end: int) -> list[Claim]:
    """Return shorter forms of a claim around the span `start`-`end`: the one sentence of a
    quotation of several that holds it, then that cut at the first clause break after it and
    marked with an ellipsis (what follows may lean on words outside the sentence)."""
    text, rel_start, rel_end = claim.text, start - claim.start, end - claim.start
    lo = max((m.end() for m in _INNER_END.finditer(text, 0, rel_start)), default=0)
    lo += len(text[lo:]) - len(text[lo:].lstrip())
    inner = _INNER_END.search(text, rel_end)
    hi = inner.end() if inner else len(text)
    found = []
    if lo > 0 or hi < len(text):
        found.append(_part(claim, lo, hi, ""))
    clause = _CLAUSE_AFTER.search(text, rel_end, hi)
    if clause is not None and len(text[lo : clause.start()].split()) >= 8:
        found.append(_part(claim, lo, clause.start(), " …"))  # never "Two were killed …"
    return found


def _part(claim: Claim, lo: int, hi: int, mark: str) -> Claim:
    """Return the part `lo`-`hi` of a claim's text as a claim (keeping its speaker's mention
    when the part holds it, so that "he added" is still named)."""
    a = claim.attribution
    inside = claim.start + lo <= a.mention_start and a.mention_end <= claim.start + hi
    attribution = a if inside else replace(a, mention_start=-1, mention_end=-1)
    return replace(claim, start=claim.start + lo, end=claim.start + hi, attribution=attribution,
                   text=claim.text[lo:hi].rstrip(" ,;") + mark)


def context_before(article: Article, claim: Claim, avoid: list[str]) -> Claim | None:
    """Return the sentence before a claim when it reads on its own and can be quoted with it
    (it does not give the answer), or None."""
    at = bisect_right(article.claims, claim.start, key=lambda c: c.end)  # claims in order
    if at == 0:
        return None
    context = article.claims[at - 1]
    gap = article.source.text[context.end : claim.start]
    if gap.count("\n") > 2 or len(context.text) + len(claim.text) > 420 or mentions(
            context.text, avoid) or leans_outside(context.text):
        return None
    return context
