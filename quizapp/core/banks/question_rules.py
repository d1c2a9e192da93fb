"""Check one question of a bank: its fields, choices, answer details and evidence spans."""

from __future__ import annotations

import math

from quizapp.core.banks.fields import MISSING, Invalid, check_mapping, get_field, get_strings
from quizapp.core.banks.lines import Path
from quizapp.core.banks.model import QUESTION_TYPES, STATUSES, Evidence, Question, Source

_QUESTION_KEYS = ("id", "type", "status", "prompt", "answer", "accept", "choices", "evidence",
                  "explanation", "tags", "difficulty", "tolerance", "weights", "feedback",
                  "wildcards")


def _evidence(obj: object, sources: dict[str, Source], path: Path) -> Evidence:
    """Build one evidence span and check it lies inside its source."""
    obj = check_mapping(obj, ("source", "start", "end"), "evidence", path)
    ev = Evidence(get_field(obj, "source", path, "str"), get_field(obj, "start", path, "int"),
                  get_field(obj, "end", path, "int"))
    if ev.source not in sources:
        raise Invalid(f"evidence points at unknown source {ev.source}", path + ("source",))
    size = len(sources[ev.source].text)
    if ev.start < 0:
        raise Invalid(f"evidence start {ev.start} is negative", path + ("start",))
    if ev.end > size:
        raise Invalid(f"evidence end {ev.end} is past the end of source {ev.source} "
                       f"({size} characters)", path + ("end",))
    if ev.start >= ev.end:
        raise Invalid(f"evidence start {ev.start} is not before its end {ev.end}",
                       path + ("start",))
    return ev


def checked_question(obj: object, sources: dict[str, Source], path: Path) -> Question:
    """Build and check one question."""
    obj = check_mapping(obj, _QUESTION_KEYS, "a question", path)
    qid = get_field(obj, "id", path, "str")
    if not qid.strip():
        raise Invalid("question id is empty", path + ("id",))
    qtype = get_field(obj, "type", path, "str")
    if qtype not in QUESTION_TYPES:
        raise Invalid(f"unknown type '{qtype}'", path + ("type",))
    status = get_field(obj, "status", path, "str", "approved")
    if status not in STATUSES:
        raise Invalid(f"status must be 'draft' or 'approved', not '{status}'", path + ("status",))
    multi = qtype == "multi"
    q = Question(
        id=qid, type=qtype, status=status, prompt=get_field(obj, "prompt", path, "str"),
        answer=get_field(obj, "answer", path, "str", "" if multi else MISSING),
        accept=get_strings(obj, "accept", path),
        explanation=get_field(obj, "explanation", path, "str", ""),
        tags=get_strings(obj, "tags", path),
        difficulty=float(get_field(obj, "difficulty", path, "number", 0.5)),
        tolerance=float(get_field(obj, "tolerance", path, "number", 0.0)),
    )
    for key in ("prompt",) if multi else ("prompt", "answer"):
        if not getattr(q, key).strip():
            raise Invalid(f"'{key}' is empty", path + (key,))
    if not 0 <= q.difficulty <= 1:
        raise Invalid("difficulty must be between 0 and 1", path + ("difficulty",))
    if q.tolerance < 0:
        raise Invalid("tolerance must not be negative", path + ("tolerance",))
    if get_field(obj, "choices", path, "list?", None) is not None:
        q.choices = get_strings(obj, "choices", path)
        if len(q.choices) < 2 or len(set(q.choices)) != len(q.choices):
            raise Invalid("choices must be at least 2 different strings", path + ("choices",))
    elif multi:
        raise Invalid("a multi question needs its choices", path + ("choices",))
    _answer_details(obj, q, path)
    if q.choices is not None and not multi and q.answer not in q.choices:
        raise Invalid("multiple choice answer is not among the choices", path + ("answer",))
    evidence = get_field(obj, "evidence", path, "list", [])
    q.evidence = [_evidence(e, sources, path + ("evidence", i)) for i, e in enumerate(evidence)]
    return q


def _answer_details(obj: dict, q: Question, path: Path) -> None:
    """Read weights, feedback and wildcards, lined up with the choices (or typed answers)."""
    size = len(q.answers)
    weights = get_field(obj, "weights", path, "list?", None)
    if weights is not None:
        for i, w in enumerate(weights):
            if not isinstance(w, int | float) or isinstance(w, bool) or not math.isfinite(w) \
                    or not -100 <= w <= 100:
                raise Invalid("weights must be numbers from -100 to 100", path + ("weights", i))
        if len(weights) != size:
            raise Invalid(f"weights must have one number per answer ({size})", path + ("weights",))
        q.weights = [float(w) for w in weights]
    elif q.type == "multi":
        raise Invalid("a multi question needs weights (percent credit of each choice)",
                      path + ("weights",))
    feedback = get_field(obj, "feedback", path, "list?", None)
    if feedback is not None:
        if len(feedback) != size or not all(isinstance(f, str) for f in feedback):
            raise Invalid(f"feedback must be one string per answer ({size})",
                          path + ("feedback",))
        q.feedback = list(feedback)
    wildcards = obj.get("wildcards", False)
    if not isinstance(wildcards, bool):
        raise Invalid("'wildcards' must be true or false", path + ("wildcards",))
    q.wildcards = wildcards
    if q.type == "multi":
        if not any(w > 0 for w in q.weights):
            raise Invalid("a multi question needs a choice with positive weight",
                          path + ("weights",))
        total, full = sum(w for w in q.weights if w > 0), sum(w >= 100 for w in q.weights)
        if round(total / 100, 2) != 1 and full < 2:  # what Moodle can hold
            raise Invalid(f"the positive weights of a multi question add up to {total:g}%: "
                          "make them 100%, or give several choices 100%", path + ("weights",))
        q.answer = multi_answer(q)


def multi_answer(q: Question) -> str:
    """Return the answer text of a multi question: its credited choices, best first."""
    choices = q.choices or []
    ranked = sorted(range(len(choices)), key=lambda i: -q.weight_of(i))
    return "; ".join(choices[i] for i in ranked if q.weight_of(i) > 0)
