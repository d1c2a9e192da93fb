"""The outcome of scoring one answer: right or wrong, credit, a reason and the evidence span."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from quizapp.core.banks.model import VERDICT_CHOICES
from quizapp.core.text.normalise import clean
from quizapp.core.text.numbers import find_numbers

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
    """Whether an answer is right, the credit it earns (0..1), why, and the evidence span used.

    `unsure` marks a near miss or partial credit that a person should review.
    """

    correct: bool
    credit: float
    reason: str
    span: Span | None = None
    unsure: bool = False  # the scorer cannot tell: an instructor should review the mark

    @property
    def needs_review(self) -> bool:
        """Return whether a person should review this mark: the scorer is unsure, or gave part."""
        return self.unsure or 0.0 < self.credit < 1.0


def right(reason: str = "Correct.", span: Span | None = None) -> Verdict:
    """Return a full-credit verdict."""
    return Verdict(True, 1.0, reason, span)


def wrong(
    reason: str, credit: float = 0.0, span: Span | None = None, unsure: bool = False
) -> Verdict:
    """Return a verdict for a wrong answer, with partial credit when it is partly right."""
    return Verdict(False, max(0.0, min(credit, 0.9)), reason, span, unsure)


def near_miss(reason: str, credit: float, span: Span | None = None) -> Verdict:
    """Return a wrong verdict that earns partial credit and asks a person to review it."""
    return wrong(reason, credit, span, unsure=True)


def best(verdicts: list[Verdict]) -> Verdict:
    """Return the most favourable verdict: correct first, then highest credit."""
    return max(verdicts, key=lambda v: (v.correct, v.credit))


@lru_cache(maxsize=65536)
def plain(text: str) -> str:
    """Lowercase text, drop punctuation and collapse spaces (cached: choices recur)."""
    return " ".join(_PUNCT.sub(" ", clean(text).casefold()).split())


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


#: Where a verdict ends and the student's reason begins: "false - it confirmed 19 deaths".
_REASON_SPLIT = re.compile(
    r"\s*(?:[,;:(]|\s-+\s|\s*-{2,}\s*|\.\s)\s*"
    r"|\s+(?:because|as|since|but|so|the article says|it says)\s+",
    re.IGNORECASE,
)
_TRUE_FALSE = {"true": "Supported", "false": "Contradicted"}
_REASON_STOP = frozenset(
    "the a an it its is was were are be been he she they them his her their this that these "
    "those said says say stated states told and or but of to in on at for by with from as not "
    "no yes did does do had has have only just about article text".split()
)


def _shown(label: str, expected: str) -> str:
    """Name a verdict the way the question asks for it: true/false, or the three labels."""
    if plain(expected) in _TRUE_FALSE:
        return {"Supported": "true", "Contradicted": "false"}.get(label, label.lower())
    return label


def _split_reason(answer: str) -> tuple[str | None, str]:
    """Split "no, he said Russia hides them" into its verdict label and its reason."""
    m = _REASON_SPLIT.search(clean(answer))
    if m is None or m.start() == 0:
        return None, ""
    return verdict_label(answer[: m.start()]), answer[m.end() :]


def _stem(word: str) -> str:
    return word[:5] if len(word) > 5 else word


@lru_cache(maxsize=1024)
def _evidence_numbers(evidence: str) -> frozenset[float]:
    """Return the values of the numbers in the evidence."""
    return frozenset(m.value for m in find_numbers(evidence))


def _reason_fits(reason: str, evidence: str) -> bool | None:
    """Say whether a short reason agrees with the evidence: True, False (a figure it lacks), None.

    None means the reason shares no word with the evidence, so a person should read it.
    """
    said = _evidence_numbers(evidence)
    numbers = [m.value for m in find_numbers(reason) if not m.word or m.value > 1]
    if any(n not in said for n in numbers):
        return False
    if numbers:
        return True
    known = {_stem(w) for w in plain(evidence).split()}
    words = [w for w in plain(reason).split() if w not in _REASON_STOP and len(w) > 2]
    if not words or any(_stem(w) in known or w[:4] in {k[:4] for k in known} for w in words):
        return True
    return None


def judge_verdict(answer: str, expected: str, evidence: str = "") -> Verdict:
    """Judge a verdict answer (Supported / Contradicted / Not stated, or true / false).

    Synonyms count ("yes", "accurate"), and so does a right verdict with a short reason that
    agrees with the evidence ("false - it confirmed 19 deaths").
    """
    want = verdict_label(expected)
    if want is None:
        return right() if plain(answer) == plain(expected) else wrong(f"The answer is {expected}.")
    given, reason = verdict_label(answer), ""
    if given is None:
        given, reason = _split_reason(answer)
    if given is None:
        if plain(expected) in _TRUE_FALSE:
            return wrong("Answer true or false.")
        return wrong("Answer with Supported, Contradicted or Not stated in the article.")
    if given != want:
        return wrong(f"The answer is {_shown(want, expected)}, not {_shown(given, expected)}.")
    if not reason.strip():
        return right()
    fits = _reason_fits(reason, evidence)
    if fits is False:
        return near_miss("Your verdict is right, but the article does not give that figure.", 0.5)
    if fits is None:
        return near_miss("Your verdict is right; your reason is waiting for review.", 0.5)
    return right()
