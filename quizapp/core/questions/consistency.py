"""The consistency gate between the generator and the scorer: every key and accepted variant is
scored right, every distractor wrong; no two choices name one entity; a figure or date answer is
a whole run of tokens of its evidence; prompts neither give the answer away nor double their
attribution; accepted variants are no noise."""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from quizapp.core.banks.model import Question
from quizapp.core.claims.entities import same_name
from quizapp.core.questions.asking import whole_hits
from quizapp.core.scoring import score_answer

#: Types whose keys, variants and distractors the scorer judges by meaning, not as written.
SCORED = frozenset(("source", "figure", "date", "discrepancy"))
#: How much of its answer sentence an evidence question's prompt may repeat (rapidfuzz ratio).
MAX_ECHO = 75
_NUMBER_WORD = re.compile(
    r"(?:half|quarter|third|one|two|three|four|five|six|seven|eight|nine|ten|dozen|hundred|"
    r"thousand|million|billion|\d[\d,.]*)$", re.I)
_DIGITS = re.compile(r"\d[\d,]*(?:\.\d+)?")
_ACCORDING = re.compile(r"^According to (?P<who>[^,]{2,80}), (?P<rest>.+)$")


def gate_problems(question: Question, evidence: str) -> list[str]:
    """Return the ways a question and the scorer disagree, or a prompt or variant is unfit."""
    problems: list[str] = []
    if question.type not in SCORED:
        pass  # fixed labels (verdicts, attribution) or whole sentences: matched as written
    elif question.choices:
        if not score_answer(question, question.answer, evidence).correct:
            problems.append("the scorer refuses the key")
        for choice in question.choices:
            if choice != question.answer and score_answer(question, choice, evidence).correct:
                problems.append(f"the scorer accepts the distractor {choice!r}")
        if question.type == "source":
            for i, a in enumerate(question.choices):
                for b in question.choices[i + 1 :]:
                    if same_name(a, b):
                        problems.append(f"choices {a!r} and {b!r} name one entity")
    else:
        for form in (question.answer, *question.accept):
            if question.type == "figure" and form != question.answer and _DIGITS.fullmatch(form):
                continue  # digits of the key's own value ("6000", "6,000"): read by one rule
            if form and not score_answer(question, form, evidence).correct:
                problems.append(f"the scorer refuses the accepted form {form!r}")
    if question.type in ("figure", "date") and evidence and not whole_run(question.answer,
                                                                        evidence):
        problems.append("the answer is not a whole run of tokens of its evidence")
    if question.type == "figure":
        for form in question.accept:
            if len(re.findall(r"\d+(?:[.,]\d+)*", form)) > 1 and " to " not in form \
                    and "-" not in form:
                problems.append(f"noise variant {form!r}")
    if question.type == "source":
        words = question.answer.split()
        for form in question.accept:
            if len(words) >= 2 and words[0][:1].isupper() and form == words[0] and \
                    words[0].lower() not in ("the", "a", "an"):
                problems.append(f"a given name alone is accepted: {form!r}")
    if question.type == "evidence" and fuzz.partial_ratio(
            question.answer.lower(), question.prompt.lower()) > MAX_ECHO:
        problems.append("the prompt repeats its answer sentence")
    found = _ACCORDING.match(question.prompt)
    if found and whole_hits(found.group("rest").lower(), found.group("who").lower()):
        problems.append("the prompt doubles its attribution")
    if question.type == "verdict" and question.answer == "Contradicted":
        swap = re.search(r"attributes this to (?P<a>.+?), not (?P<b>.+?)(?::|$)",
                         question.explanation)
        if swap and same_name(swap.group("a"), swap.group("b")):
            problems.append("the contradiction swaps one name of an entity for another")
    return problems


def whole_run(answer: str, evidence: str) -> bool:
    """Tell whether `answer` is written in `evidence` as whole tokens: not cut at an
    abbreviation ("Feb" of "Feb. 9") nor taken from a longer number ("a million" of "half a
    million")."""
    norm = _quotes(evidence)
    low, wanted = norm.lower(), _quotes(answer).lower()
    at = low.find(wanted) if wanted else -1
    while at >= 0:
        before, after = norm[:at], norm[at + len(wanted) :]
        at = low.find(wanted, at + 1)
        last, first = before[-1:], after[:1]
        if last.isalnum() or (last and last in "$€£.,-") or first.isalnum() or \
                re.match(r"[.,]\s?\d|%|-\w", after):
            continue
        words = before.split()
        if words and _NUMBER_WORD.match(words[-1].strip("(")) and not before.endswith(
                (",", ", ", "(")):
            continue
        return True
    return False


def _quotes(text: str) -> str:
    """Normalise curly quotes and spaces."""
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return re.sub(r"\s+", " ", text)
