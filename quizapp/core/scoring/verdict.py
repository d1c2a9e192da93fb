"""The outcome of scoring one answer: right or wrong, credit, a reason and the evidence span."""

from __future__ import annotations

import re
from dataclasses import dataclass

from quizapp.core.banks.model import VERDICT_CHOICES
from quizapp.core.text.normalise import clean

Span = tuple[int, int]

_VERDICT_WORDS = {
    "Supported": (
        "supported", "support", "supports", "true", "yes", "correct", "right", "accurate",
        "confirmed", "agree", "agrees", "consistent", "backed", "backed up", "s", "t", "y",
    ),
    "Contradicted": (
        "contradicted", "contradict", "contradicts", "false", "no", "incorrect", "wrong",
        "untrue", "inaccurate", "refuted", "not true", "not correct", "disproved", "denied",
        "c", "f", "n",
    ),
    "Not stated in the article": (
        "not stated", "not stated in the article", "not mentioned", "unknown", "not in the article",
        "not in article", "not said", "not given", "unclear", "cannot tell", "can not tell",
        "cant tell", "can't tell", "not enough information", "no information", "not known",
        "n/a", "na", "unstated", "not reported", "not specified", "doesn't say", "does not say",
        "not addressed", "not stated in article", "not mentioned in the article", "ns",
        "the article does not say", "the article doesn't say", "not enough info",
        "does not mention", "doesn't mention", "not mention", "no mention", "is not mentioned",
        "isn't mentioned", "does not state", "doesn't state", "not say", "not in the text",
    ),
}
_VERDICT_LOOKUP = {w: label for label, words in _VERDICT_WORDS.items() for w in words}
_VERDICT_FILLER = re.compile(
    r"^(?:(?:it is|it's|its|this is|the claim is|claim is|answer is|answer|i think|i would say)"
    r"\s+)+"
    r"|\s+(?:by|in|according to) the (?:article|text|evidence)$"
)
_PHRASES = sorted((w for w in _VERDICT_LOOKUP if len(w) > 2), key=len, reverse=True)
_VERDICT_FILL_WORDS = frozenset(
    "it is its it's the this that article text claim statement evidence answer i think so says "
    "say by in according to was be would definitely clearly totally completely".split()
)
_PUNCT = re.compile(r"[^\w\s/']+")


@dataclass(frozen=True)
class Verdict:
    """Whether an answer is right, the credit it earns (0..1), why, and the evidence span used."""

    correct: bool
    credit: float
    reason: str
    span: Span | None = None


def right(reason: str = "Correct.", span: Span | None = None) -> Verdict:
    """Return a full-credit verdict."""
    return Verdict(True, 1.0, reason, span)


def wrong(reason: str, credit: float = 0.0, span: Span | None = None) -> Verdict:
    """Return a verdict for a wrong answer, with partial credit when it is partly right."""
    return Verdict(False, max(0.0, min(credit, 0.9)), reason, span)


def best(verdicts: list[Verdict]) -> Verdict:
    """Return the most favourable verdict: correct first, then highest credit."""
    return max(verdicts, key=lambda v: (v.correct, v.credit))


def plain(text: str) -> str:
    """Lowercase text, drop punctuation and collapse spaces."""
    return " ".join(_PUNCT.sub(" ", clean(text).lower()).split())


def verdict_label(text: str) -> str | None:
    """Return the verdict choice a typed answer names ("false" -> "Contradicted"), or None."""
    s = plain(text)
    if s in _VERDICT_LOOKUP:
        return _VERDICT_LOOKUP[s]
    s = _VERDICT_FILLER.sub("", s).strip()
    for label in VERDICT_CHOICES:
        if s == label.lower():
            return label
    if s in _VERDICT_LOOKUP:
        return _VERDICT_LOOKUP[s]
    return _label_in_sentence(s)


def _label_in_sentence(s: str) -> str | None:
    """Find the one verdict a short sentence names ("yes, supported", "it contradicts it")."""
    labels = set()
    rest = f" {s} "
    for phrase in _PHRASES:
        if f" {phrase} " in rest:
            labels.add(_VERDICT_LOOKUP[phrase])
            rest = rest.replace(f" {phrase} ", " ")
    if len(labels) != 1 or any(w not in _VERDICT_FILL_WORDS for w in rest.split()):
        return None
    return labels.pop()


def judge_verdict(answer: str, expected: str) -> Verdict:
    """Judge a Supported / Contradicted / Not stated answer, accepting synonyms."""
    want = verdict_label(expected)
    if want is None:
        return right() if plain(answer) == plain(expected) else wrong(f"The answer is {expected}.")
    given = verdict_label(answer)
    if given is None:
        return wrong("Answer with Supported, Contradicted or Not stated in the article.")
    if given == want:
        return right()
    return wrong(f"The article's verdict is {want}, not {given}.")
