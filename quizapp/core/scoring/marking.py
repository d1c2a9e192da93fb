"""Score typed answers the way a fair instructor would, against the cited evidence."""

from __future__ import annotations

import re
from functools import lru_cache

from quizapp.core.banks.model import Question, is_pattern, literal
from quizapp.core.scoring import credit
from quizapp.core.scoring.capitals import capital_of
from quizapp.core.scoring.dates import judge_date
from quizapp.core.scoring.figures import judge_figure
from quizapp.core.scoring.keys import description_fault, foreign_country, key_forms
from quizapp.core.scoring.names import judge_name
from quizapp.core.scoring.ranks import judge_rank
from quizapp.core.scoring.roles import described
from quizapp.core.scoring.tally import judge_tally
from quizapp.core.scoring.times import judge_time
from quizapp.core.scoring.verdict import (
    Verdict,
    best,
    judge_verdict,
    plain,
    right,
    verdict_label,
    wrong,
)
from quizapp.core.text.normalise import clean

__all__ = ["KINDS", "Verdict", "check", "score_answer"]

KINDS = ("source", "figure", "date", "place", "verdict", "text")

#: Longest inputs worth reading; anything beyond is cut so that no input can stall the scorer.
MAX_ANSWER = 400
MAX_EXPECTED = 400
MAX_EVIDENCE = 4000

_CHOICE_INDEX = re.compile(r"^\(?([a-z]|\d{1,2})[).:]?$")
#: Markup or code typed as an answer: HTML tags, template braces, SQL statements.
_CODE = re.compile(
    r"<\s*/?\s*[a-z][a-z0-9]*(?:\s[^<>]*)?/?\s*>|\{\{|\}\}|\{%|javascript:"
    r"|\b(?:drop|create|alter|truncate)\s+table\b|\binsert\s+into\b|\bdelete\s+from\b"
    r"|\bselect\s+\*|\bunion\s+(?:all\s+)?select\b|;\s*--",
    re.IGNORECASE,
)
@lru_cache(maxsize=4096)
def _folded(expected: str) -> str:
    """Return a key casefolded, for the exact-match fast path."""
    return clean(expected.strip()).strip().casefold()


def check(answer: str, expected: str, evidence: str, kind: str) -> Verdict:
    """Decide whether a typed answer matches the expected one, given the evidence it cites."""
    answer, expected, evidence = str(answer or ""), str(expected or ""), str(evidence or "")
    answer = answer.strip()
    if not answer:
        return wrong("No answer given.")
    return _check(answer[:MAX_ANSWER], expected[:MAX_EXPECTED], evidence[:MAX_EVIDENCE], kind)


@lru_cache(maxsize=65536)
def _check(answer: str, expected: str, evidence: str, kind: str) -> Verdict:
    """Judge a stripped answer (cached: a class types the same answers to one question)."""
    if clean(answer).strip().casefold() == _folded(expected):
        return right()
    if _CODE.search(answer):
        return wrong("Your answer contains markup or code; type the answer only.")
    forms = key_forms(expected, kind, evidence)
    verdict = _judge(answer, expected, evidence, kind)
    if not verdict.correct and len(forms) > 1:
        verdict = best([verdict, *(_judge(answer, f, evidence, kind) for f in forms[1:])])
    if not verdict.correct and kind in ("source", "text", "place") and described(
        answer, forms, evidence, kind
    ):
        return right("Correct.", verdict.span)
    if not verdict.correct and kind == "place" and capital_of(answer, expected, evidence):
        return right("Correct.", verdict.span)
    if verdict.correct and kind in ("source", "text"):
        fault = foreign_country(answer, expected, evidence) or description_fault(
            answer, expected, evidence
        )
        if fault:
            return wrong(fault, 0.5, verdict.span)
    return verdict


def _judge(answer: str, expected: str, evidence: str, kind: str) -> Verdict:
    """Judge an answer against one form of the key."""
    if kind == "verdict":
        return judge_verdict(answer, expected, evidence)
    if kind in ("figure", "text"):
        verdict = judge_time(answer, expected) or judge_rank(answer, expected)
        if verdict is not None:
            return verdict
    if kind == "figure":
        verdict = judge_figure(answer, expected, evidence)
        if verdict is not None:
            return verdict
    if kind == "date":
        verdict = judge_date(answer, expected, evidence)
        if verdict is not None:
            return verdict
    if kind == "text":
        verdict = judge_tally(answer, expected, evidence)
        if verdict is not None:
            return verdict
    name_kind = kind if kind in ("source", "place") else "text"
    return judge_name(answer, expected, evidence, name_kind)


def _choice(question: Question, answer: str, evidence: str) -> Verdict:
    """Judge a multiple choice answer: the choice text (or a fair variant), a letter or a number."""
    choices = question.choices or []
    right_index = next(
        (i for i, c in enumerate(choices) if plain(c) == plain(question.answer)), None
    )
    typed = plain(answer)
    picked = [i for i, c in enumerate(choices) if plain(c) == typed]
    if not picked and question.type == "verdict":
        label = verdict_label(answer)
        picked = [i for i, c in enumerate(choices) if label and verdict_label(c) == label]
    if not picked and question.type == "evidence" and evidence.strip():
        return _sentence(answer, evidence)
    if not picked:
        index = _CHOICE_INDEX.match(typed)
        if index:
            token = index.group(1)
            n = ord(token) - ord("a") if token.isalpha() else int(token) - 1
            picked = [n] if 0 <= n < len(choices) else []
    if not picked:
        kind = question.scoring_kind
        picked = [i for i, c in enumerate(choices) if check(answer, c, evidence, kind).correct]
    if len(picked) > 1:
        return wrong("Your answer fits more than one choice; pick one.")
    if not picked:
        return wrong("Pick one of the choices.")
    if question.weights is not None:
        return credit.choice_credit(question, picked[0])
    if picked[0] == right_index:
        return right()
    return wrong(f"The right choice is {question.answer}.")


def _weighted(question: Question, answer: str, evidence: str) -> Verdict:
    """Score a typed answer against listed answers that carry weights or wildcards."""
    kind = question.scoring_kind
    verdicts = []
    for i, listed in enumerate(question.answers):
        weight = question.weight_of(i) / 100
        if weight <= 0 or not listed:
            continue
        if question.wildcards and is_pattern(listed):
            matched = credit.pattern_matches(listed, answer)
        else:
            text = literal(listed) if question.wildcards else listed
            matched = check(answer, text, evidence, kind).correct
        if matched:
            verdicts.append(right() if weight >= credit.FULL else
                            Verdict(False, weight, f"Partly right ({weight:.0%} credit)."))
    if verdicts:
        return best(verdicts)
    return wrong(f"The expected answer is {literal(question.answer)}.")


_SENTENCE_END = re.compile(r"[.!?\u2026][\"'\u201d\u2019)\]]*$")


def _whole_sentence_of(answer: str, evidence: str) -> bool:
    """Return whether the answer is one whole sentence (or more) of the cited evidence."""
    answer, evidence = " ".join(answer.split()), " ".join(evidence.split())
    at = evidence.find(answer)
    if not answer or at < 0:
        return False
    before, after = evidence[:at].rstrip(), evidence[at + len(answer) :]
    starts = not before or bool(_SENTENCE_END.search(before))
    ends = not after.strip() or (after[:1].isspace() and bool(_SENTENCE_END.search(answer)))
    return starts and ends


def _sentence(answer: str, evidence: str) -> Verdict:
    """Judge a sentence picked in the article: right when it is, or holds, the cited evidence."""
    cited = plain(evidence)
    if _whole_sentence_of(answer, evidence) or (cited and cited in plain(answer)):
        return right()
    return wrong("That sentence does not hold the evidence for the claim.")


def score_answer(question: Question, answer: str, evidence_text: str = "") -> Verdict:
    """Score an answer to a question, accepting its listed variants and its choices."""
    if not str(answer or "").strip():
        return wrong("No answer given.")
    if question.type == "multi":
        return credit.score_multi(question, answer)
    if question.choices:
        return _choice(question, answer, evidence_text)
    if question.weights is not None or question.wildcards:
        return _weighted(question, answer, evidence_text)
    kind = question.scoring_kind
    verdicts = [check(answer, question.answer, evidence_text, kind)]
    if not verdicts[0].correct:
        verdicts += [check(answer, alt, evidence_text, kind) for alt in question.accept if alt]
    return best(verdicts)
