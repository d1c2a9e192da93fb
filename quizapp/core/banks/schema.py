"""The rules a quizapp bank follows, checked on plain (parsed JSON/YAML) data.

Every problem raises `Invalid` with the reason and the path of the offending value, so each
format can name the line (JSON, YAML) or element it came from.
"""

from __future__ import annotations

import re
from datetime import date

from quizapp.core.banks.fields import Invalid, check_mapping, get_field, get_strings
from quizapp.core.banks.lines import Path
from quizapp.core.banks.model import (
    BANK_FORMAT,
    BANK_VERSION,
    BOOKS,
    MAX_QUESTIONS,
    MAX_SOURCES,
    Bank,
    BankError,
    Question,
    QuizSettings,
    Source,
)
from quizapp.core.banks.question_rules import checked_question

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_TOP_KEYS = ("format", "version", "title", "description", "tags", "quiz", "sources", "questions")
_QUIZ_KEYS = ("mode", "questions", "book")
_SOURCE_KEYS = ("id", "title", "publisher", "author", "date", "url", "text")


def _source(obj: object, path: Path) -> Source:
    """Build and check one source."""
    obj = check_mapping(obj, _SOURCE_KEYS, "a source", path)
    source = Source(
        id=get_field(obj, "id", path, "str"), title=get_field(obj, "title", path, "str"),
        text=get_field(obj, "text", path, "str"),
        publisher=get_field(obj, "publisher", path, "str?", None),
        author=get_field(obj, "author", path, "str?", None),
        date=get_field(obj, "date", path, "str?", None),
        url=get_field(obj, "url", path, "str?", None),
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


def _in_question(obj: object, index: int) -> str:
    """Name a question for messages: by id when it has one."""
    qid = obj.get("id") if isinstance(obj, dict) else None
    return f"question {qid}" if isinstance(qid, str) and qid.strip() else f"question #{index + 1}"


def _quiz(obj: object, path: Path) -> QuizSettings | None:
    """Build the optional quiz settings of a bank."""
    if obj is None:
        return None
    obj = check_mapping(obj, _QUIZ_KEYS, "'quiz'", path)
    mode = get_field(obj, "mode", path, "str", "practice")
    if mode not in ("practice", "test"):
        raise Invalid("quiz mode must be 'practice' or 'test'", path + ("mode",))
    count = get_field(obj, "questions", path, "int?", None)
    if count is not None and count < 1:
        raise Invalid("quiz questions must be at least 1", path + ("questions",))
    book = get_field(obj, "book", path, "str", "open")
    if book not in BOOKS:
        raise Invalid("quiz book must be 'open' or 'closed'", path + ("book",))
    return QuizSettings(mode=mode, questions=count, book=book)


def bank_from_data(data: object) -> Bank:
    """Build a Bank from parsed JSON/YAML data, checking every rule (raises Invalid)."""
    data = check_mapping(data, _TOP_KEYS, "a bank", ())
    if data.get("format") != BANK_FORMAT:
        raise Invalid(f"format must be '{BANK_FORMAT}'", ("format",))
    if data.get("version") != BANK_VERSION:
        raise Invalid(f"version {data.get('version')} is not supported", ("version",))
    bank = Bank(title=get_field(data, "title", (), "str"),
                description=get_field(data, "description", (), "str", ""),
                tags=get_strings(data, "tags", ()), quiz=_quiz(data.get("quiz"), ("quiz",)))
    raw_sources = get_field(data, "sources", (), "list", [])
    raw_questions = get_field(data, "questions", (), "list", [])
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
            q = checked_question(obj, sources, ("questions", i))
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
        return checked_question(data, sources, ())
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
