"""The rules a quizapp bank follows, checked on plain (parsed JSON/YAML) data.

Every problem raises `Invalid` with the reason and the path of the offending value, so each
format can name the line (JSON, YAML) or element it came from.
"""

from __future__ import annotations

import math
import re
from datetime import date

from quizapp.core.banks.lines import Path
from quizapp.core.banks.model import (
    BANK_FORMAT,
    BANK_VERSION,
    BOOKS,
    MAX_QUESTIONS,
    MAX_SOURCES,
    QUESTION_TYPES,
    STATUSES,
    Bank,
    BankError,
    Evidence,
    Question,
    QuizSettings,
    Source,
)


class Invalid(Exception):
    """A rule broken at a path inside the parsed data (the caller turns it into a line)."""

    def __init__(self, reason: str, path: Path = ()):
        super().__init__(reason)
        self.reason = reason
        self.path = path


_MISSING = object()
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_TOP_KEYS = ("format", "version", "title", "description", "tags", "quiz", "sources", "questions")
_QUIZ_KEYS = ("mode", "questions", "book")
_SOURCE_KEYS = ("id", "title", "publisher", "author", "date", "url", "text")
_QUESTION_KEYS = ("id", "type", "status", "prompt", "answer", "accept", "choices", "evidence",
                  "explanation", "tags", "difficulty", "tolerance", "weights", "feedback",
                  "wildcards")


def _get(obj: dict, key: str, path: Path, kind: str, default: object = _MISSING) -> object:
    """Return obj[key] checked against kind ("str", "str?", "number", "int", "list")."""
    if key not in obj:
        if default is _MISSING:
            raise Invalid(f"missing field '{key}'", path)
        return default
    value = obj[key]
    if kind.endswith("?") and value is None:
        return None
    ok = {
        "str": isinstance(value, str),
        "int": isinstance(value, int) and not isinstance(value, bool),
        "number": isinstance(value, int | float) and not isinstance(value, bool)
        and math.isfinite(value),
        "list": isinstance(value, list),
    }[kind.rstrip("?")]
    if not ok:
        noun = {"str": "a string", "int": "a whole number", "number": "a number",
                "list": "a list"}[kind.rstrip("?")]
        raise Invalid(f"'{key}' must be {noun}" + (" or null" if kind.endswith("?") else ""),
                       path + (key,))
    return value


def _mapping(obj: object, keys: tuple[str, ...], what: str, path: Path) -> dict:
    """Check obj is a mapping with only known keys."""
    if not isinstance(obj, dict):
        raise Invalid(f"{what} must be an object", path)
    for key in obj:
        if key not in keys:
            raise Invalid(f"unknown field '{key}'", path + (key,))
    return obj


def _strings(obj: dict, key: str, path: Path) -> list[str]:
    """Return an optional list of strings."""
    values = _get(obj, key, path, "list", [])
    for i, value in enumerate(values):
        if not isinstance(value, str) or not value.strip():
            raise Invalid(f"'{key}' must be a list of non-empty strings", path + (key, i))
    return list(values)


def _source(obj: object, path: Path) -> Source:
    """Build and check one source."""
    obj = _mapping(obj, _SOURCE_KEYS, "a source", path)
    source = Source(
        id=_get(obj, "id", path, "str"), title=_get(obj, "title", path, "str"),
        text=_get(obj, "text", path, "str"), publisher=_get(obj, "publisher", path, "str?", None),
        author=_get(obj, "author", path, "str?", None), date=_get(obj, "date", path, "str?", None),
        url=_get(obj, "url", path, "str?", None),
    )
    if not source.id.strip():
        raise Invalid("source id is empty", path + ("id",))
    if source.date is not None:
        try:
            ok = bool(_ISO_DATE.fullmatch(source.date)) and date.fromisoformat(source.date)
        except ValueError:
            ok = False
        if not ok:
            raise Invalid(f"source {source.id}: date '{source.date}' is not an ISO date "
                           "(YYYY-MM-DD)", path + ("date",))
    return source


def _evidence(obj: object, sources: dict[str, Source], path: Path) -> Evidence:
    """Build one evidence span and check it lies inside its source."""
    obj = _mapping(obj, ("source", "start", "end"), "evidence", path)
    ev = Evidence(_get(obj, "source", path, "str"), _get(obj, "start", path, "int"),
                  _get(obj, "end", path, "int"))
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


def _question(obj: object, sources: dict[str, Source], path: Path) -> Question:
    """Build and check one question."""
    obj = _mapping(obj, _QUESTION_KEYS, "a question", path)
    qid = _get(obj, "id", path, "str")
    if not qid.strip():
        raise Invalid("question id is empty", path + ("id",))
    qtype = _get(obj, "type", path, "str")
    if qtype not in QUESTION_TYPES:
        raise Invalid(f"unknown type '{qtype}'", path + ("type",))
    status = _get(obj, "status", path, "str", "approved")
    if status not in STATUSES:
        raise Invalid(f"status must be 'draft' or 'approved', not '{status}'", path + ("status",))
    multi = qtype == "multi"
    q = Question(
        id=qid, type=qtype, status=status, prompt=_get(obj, "prompt", path, "str"),
        answer=_get(obj, "answer", path, "str", "" if multi else _MISSING),
        accept=_strings(obj, "accept", path),
        explanation=_get(obj, "explanation", path, "str", ""), tags=_strings(obj, "tags", path),
        difficulty=float(_get(obj, "difficulty", path, "number", 0.5)),
        tolerance=float(_get(obj, "tolerance", path, "number", 0.0)),
    )
    for key in ("prompt",) if multi else ("prompt", "answer"):
        if not getattr(q, key).strip():
            raise Invalid(f"'{key}' is empty", path + (key,))
    if not 0 <= q.difficulty <= 1:
        raise Invalid("difficulty must be between 0 and 1", path + ("difficulty",))
    if q.tolerance < 0:
        raise Invalid("tolerance must not be negative", path + ("tolerance",))
    if _get(obj, "choices", path, "list?", None) is not None:
        q.choices = _strings(obj, "choices", path)
        if len(q.choices) < 2 or len(set(q.choices)) != len(q.choices):
            raise Invalid("choices must be at least 2 different strings", path + ("choices",))
    elif multi:
        raise Invalid("a multi question needs its choices", path + ("choices",))
    _answer_details(obj, q, path)
    if q.choices is not None and not multi and q.answer not in q.choices:
        raise Invalid("multiple choice answer is not among the choices", path + ("answer",))
    evidence = _get(obj, "evidence", path, "list", [])
    q.evidence = [_evidence(e, sources, path + ("evidence", i)) for i, e in enumerate(evidence)]
    return q


def _answer_details(obj: dict, q: Question, path: Path) -> None:
    """Read weights, feedback and wildcards, lined up with the choices (or typed answers)."""
    size = len(q.answers)
    weights = _get(obj, "weights", path, "list?", None)
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
    feedback = _get(obj, "feedback", path, "list?", None)
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


def _in_question(obj: object, index: int) -> str:
    """Name a question for messages: by id when it has one."""
    qid = obj.get("id") if isinstance(obj, dict) else None
    return f"question {qid}" if isinstance(qid, str) and qid.strip() else f"question #{index + 1}"


def _quiz(obj: object, path: Path) -> QuizSettings | None:
    """Build the optional quiz settings of a bank."""
    if obj is None:
        return None
    obj = _mapping(obj, _QUIZ_KEYS, "'quiz'", path)
    mode = _get(obj, "mode", path, "str", "practice")
    if mode not in ("practice", "test"):
        raise Invalid("quiz mode must be 'practice' or 'test'", path + ("mode",))
    count = _get(obj, "questions", path, "int?", None)
    if count is not None and count < 1:
        raise Invalid("quiz questions must be at least 1", path + ("questions",))
    book = _get(obj, "book", path, "str", "open")
    if book not in BOOKS:
        raise Invalid("quiz book must be 'open' or 'closed'", path + ("book",))
    return QuizSettings(mode=mode, questions=count, book=book)


def bank_from_data(data: object) -> Bank:
    """Build a Bank from parsed JSON/YAML data, checking every rule (raises Invalid)."""
    data = _mapping(data, _TOP_KEYS, "a bank", ())
    if data.get("format") != BANK_FORMAT:
        raise Invalid(f"format must be '{BANK_FORMAT}'", ("format",))
    if data.get("version") != BANK_VERSION:
        raise Invalid(f"version {data.get('version')} is not supported", ("version",))
    bank = Bank(title=_get(data, "title", (), "str"),
                description=_get(data, "description", (), "str", ""),
                tags=_strings(data, "tags", ()), quiz=_quiz(data.get("quiz"), ("quiz",)))
    raw_sources = _get(data, "sources", (), "list", [])
    raw_questions = _get(data, "questions", (), "list", [])
    if len(raw_sources) > MAX_SOURCES:
        raise Invalid(f"more than {MAX_SOURCES} sources", ("sources",))
    if len(raw_questions) > MAX_QUESTIONS:
        raise Invalid(f"more than {MAX_QUESTIONS} questions", ("questions",))
    sources: dict[str, Source] = {}
    for i, obj in enumerate(raw_sources):
        source = _source(obj, ("sources", i))
        if source.id in sources:
            raise Invalid(f"duplicate source id {source.id}", ("sources", i, "id"))
        sources[source.id] = source
    seen: set[str] = set()
    for i, obj in enumerate(raw_questions):
        try:
            q = _question(obj, sources, ("questions", i))
        except Invalid as exc:
            raise Invalid(f"{_in_question(obj, i)}: {exc.reason}", exc.path) from None
        if q.id in seen:
            raise Invalid(f"duplicate question id {q.id}", ("questions", i, "id"))
        seen.add(q.id)
        bank.questions.append(q)
    bank.sources = list(sources.values())
    return bank


def question_from_data(data: object, sources: dict[str, Source]) -> Question:
    """Build and check one question from a dict in the bank format (raises BankError)."""
    try:
        return _question(data, sources, ())
    except Invalid as exc:
        raise BankError(exc.reason, where=".".join(map(str, exc.path)) or None) from None


def source_from_data(data: object) -> Source:
    """Build and check one source from a dict in the bank format (raises BankError)."""
    try:
        return _source(data, ())
    except Invalid as exc:
        raise BankError(exc.reason, where=".".join(map(str, exc.path)) or None) from None


def source_to_data(s: Source) -> dict:
    """Return a source as a dict in the bank format's key order."""
    return {"id": s.id, "title": s.title, "publisher": s.publisher, "author": s.author,
            "date": s.date, "url": s.url, "text": s.text}


def question_to_data(q: Question) -> dict:
    """Return a question as a dict in the bank format's key order."""
    return {
        "id": q.id, "type": q.type, "status": q.status, "prompt": q.prompt, "answer": q.answer,
        "accept": list(q.accept), "choices": None if q.choices is None else list(q.choices),
        "evidence": [{"source": e.source, "start": e.start, "end": e.end} for e in q.evidence],
        "explanation": q.explanation, "tags": list(q.tags), "difficulty": q.difficulty,
        "tolerance": q.tolerance,
    } | answer_details(q)


def answer_details(q: Question) -> dict:
    """Return weights, feedback and wildcards when set (absent keys mean the defaults)."""
    data: dict = {}
    if q.weights is not None:
        data["weights"] = list(q.weights)
    if q.feedback is not None:
        data["feedback"] = list(q.feedback)
    if q.wildcards:
        data["wildcards"] = True
    return data


def bank_to_data(bank: Bank) -> dict:
    """Return a bank as plain data in the bank format's key order."""
    data: dict = {"format": BANK_FORMAT, "version": BANK_VERSION, "title": bank.title,
                  "description": bank.description}
    if bank.tags:
        data["tags"] = list(bank.tags)
    if bank.quiz is not None:
        data["quiz"] = {"mode": bank.quiz.mode, "questions": bank.quiz.questions,
                        "book": bank.quiz.book}
    data["sources"] = [source_to_data(s) for s in bank.sources]
    data["questions"] = [question_to_data(q) for q in bank.questions]
    return data
