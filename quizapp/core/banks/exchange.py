"""What the interchange formats (GIFT, Moodle XML, Aiken) share.

Plain numbers Moodle can read, HTML to plain text and back, ids for imported questions, and the
quizapp metadata that rides along in comments Moodle ignores, so quizapp -> GIFT/XML -> quizapp
gives back the same questions.
"""

from __future__ import annotations

import html
import json
import re

import nh3

from quizapp.core.banks.model import (
    BANK_FORMAT,
    BANK_VERSION,
    VERDICT_CHOICES,
    BankError,
    Question,
    Source,
)
from quizapp.core.banks.schema import question_from_data, source_from_data
from quizapp.core.text.numbers import parse_number

#: A number as Moodle's is_numeric() reads it: no thousands separators, no words, no units.
PLAIN_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")
TRUE_FALSE = ["True", "False"]
META_KEYS = ("id", "type", "status", "tags", "difficulty", "evidence", "answer", "accept",
             "choices", "tolerance", "weights", "feedback", "wildcards")
#: The grades Moodle's importer accepts (question_bank::fraction_options_full), in percent.
MOODLE_GRADES = (100, 90, 83.33333, 80, 75, 70, 66.66667, 60, 50, 40, 33.33333, 30, 25, 20,
                 16.66667, 14.28571, 12.5, 11.11111, 10, 5, 0)
#: Elements whose content a sanitiser drops, not only their tags.
_UNSAFE = re.compile(r"<\s*(script|style|iframe|object|embed|form|svg|math)\b"
                     r"|\son\w+\s*=|javascript:", re.IGNORECASE)
_BREAK = re.compile(r"<br\s*/?>\n?", re.IGNORECASE)


class Unsupported(Exception):
    """A well-formed question of a kind quizapp does not hold (essay, matching...)."""

    def __init__(self, reason: str, line: int | None = None, kind: str = "other"):
        super().__init__(reason)
        self.reason = reason
        self.line = line
        self.kind = kind


def moodle_grade(percent: float) -> bool:
    """Tell whether Moodle's importer accepts this grade (within 0.001 percent, as it does)."""
    return any(abs(abs(percent) - g) < 0.001 for g in MOODLE_GRADES)


def grade_list() -> str:
    """Name Moodle's grades for a message."""
    return ", ".join(plain_number(g) for g in MOODLE_GRADES)


def is_plain_number(text: str) -> bool:
    """Tell whether text is a number Moodle reads as that number (so not "6,000")."""
    return bool(PLAIN_NUMBER.fullmatch(text.strip()))


def plain_number(value: float) -> str:
    """Write a number plainly: 6000, 7.5, 0.0005."""
    if value == int(value) and abs(value) < 1e15:
        return str(int(value))
    return repr(value)


def number_value(answer: str) -> float | None:
    """Return the value of an answer that is a bare number ("6,000", "six thousand"), or None."""
    value = parse_number(answer)
    return value if value is not None and abs(value) < 1e300 else None


def html_to_text(markup: str) -> str:
    """Turn HTML into plain text with nh3 (Ammonia): line breaks kept, tags and scripts dropped.

    quizapp shows question text as escaped plain text, so nothing of the markup reaches a page.
    """
    if "<" not in markup and "&" not in markup:
        return markup
    markup = _BREAK.sub("\n", markup)
    return html.unescape(nh3.clean(markup, tags=set(), attributes={}, link_rel=None))


def html_changes(markup: str) -> list[str]:
    """Say what turning this HTML into text drops: markup, and any unsafe content."""
    if "<" not in markup or text_to_html(html_to_text(markup)) == markup:
        return []
    unsafe = sorted({m.group().strip("< ").split("=")[0].lower() for m in _UNSAFE.finditer(markup)})
    if unsafe:
        return ["unsafe HTML removed (" + ", ".join(unsafe) + ")"]
    return ["HTML cleaned to plain text"] if re.search(r"<[a-zA-Z/!]", markup) else []


def text_to_html(text: str) -> str:
    """Turn plain text into HTML that html_to_text reads back unchanged."""
    return html.escape(text, quote=False).replace("\n", "<br>\n")


def category_tag(category: str | None) -> str | None:
    """Return the tag a Moodle category gives its questions: its last name ("Unit 1")."""
    if not category:
        return None
    names = [n.strip() for n in category.split("/") if n.strip()]
    names = [n for n in names if n not in ("$course$", "$system$", "$module$", "$cat1$", "top")]
    return names[-1][:100] if names else None


def default_type(choices: list[str] | None) -> str:
    """Guess a quizapp type for an imported question that carries no quizapp metadata."""
    if choices and sorted(choices) == sorted(VERDICT_CHOICES):
        return "verdict"
    return "text"


def unique_id(candidate: str, used: set[str], numbers: dict[str, int] | None = None) -> str:
    """Return candidate, or candidate (2), (3)... if it is taken; remember it as used.

    `numbers` remembers, per candidate, the last number given, so that k questions of one name
    cost k steps, not k squared (a file of thousands of "Question 1" took minutes).
    """
    base = candidate.strip()
    numbers = {} if numbers is None else numbers
    qid, n = base, numbers.get(base, 1)
    if n > 1:
        qid = f"{base} ({n})"
    while qid in used:
        n += 1
        qid = f"{base} ({n})"
    numbers[base] = n
    used.add(qid)
    return qid


def read_json_comment(text: str, what: str) -> dict:
    """Parse the JSON object of a quizapp comment."""
    try:
        value = json.loads(text)
    except ValueError as exc:
        raise BankError(f"{what} comment is not valid JSON: {exc}") from None
    if not isinstance(value, dict):
        raise BankError(f"{what} comment must hold a JSON object")
    return value


def bank_header(title: str, description: str) -> dict:
    """Return the bank comment's content: format, version, title, description."""
    return {"format": BANK_FORMAT, "version": BANK_VERSION, "title": title,
            "description": description}


def read_bank_header(data: dict) -> tuple[str, str]:
    """Check a bank comment and return (title, description)."""
    if data.get("format") != BANK_FORMAT:
        raise BankError(f"format must be '{BANK_FORMAT}'")
    if data.get("version") != BANK_VERSION:
        raise BankError(f"version {data.get('version')} is not supported")
    title, description = data.get("title", ""), data.get("description", "")
    if not isinstance(title, str) or not isinstance(description, str):
        raise BankError("bank title and description must be strings")
    return title, description


def read_source(data: dict) -> Source:
    """Check a source comment and return the Source."""
    return source_from_data(data)


def question_meta(q: Question, body: dict) -> dict:
    """Return what of q its GIFT/XML body cannot carry: the quizapp comment's content."""
    meta: dict = {"id": q.id, "type": q.type}
    if q.status != "approved":
        meta["status"] = q.status
    if q.tags:
        meta["tags"] = list(q.tags)
    if q.difficulty != 0.5:
        meta["difficulty"] = q.difficulty
    if q.evidence:
        meta["evidence"] = [{"source": e.source, "start": e.start, "end": e.end}
                            for e in q.evidence]
    for key, default in (("answer", None), ("accept", []), ("choices", None), ("tolerance", 0.0),
                         ("weights", None), ("feedback", None), ("wildcards", False)):
        if body.get(key, default) != getattr(q, key):
            meta[key] = getattr(q, key)
    return meta


def json_comment(data: dict) -> str:
    """Write a comment's JSON on one line."""
    return json.dumps(data, ensure_ascii=False)


def _same_answer(body: object, meta: object) -> bool:
    """Tell whether the metadata's answer is the body's answer written differently."""
    if body == meta:
        return True
    if isinstance(body, str) and isinstance(meta, str):
        value = number_value(meta)
        return value is not None and value == number_value(body)
    if isinstance(body, list) and isinstance(meta, list) and len(body) == len(meta):
        return all(_same_answer(b, m) for b, m in zip(body, meta, strict=True))
    return False


def build_question(body: dict, meta: dict | None, sources: dict[str, Source]) -> Question:
    """Merge a parsed body with its quizapp metadata and check it by the bank rules."""
    data = dict(body)
    for key, value in (meta or {}).items():
        if key not in META_KEYS:
            raise BankError(f"quizapp metadata has unknown field '{key}'")
        # A stale comment (the body was edited since export) must not override the body.
        if key in ("answer", "accept") and body.get(key) and not _same_answer(body[key], value):
            continue
        data[key] = value
    return question_from_data(data, sources)


def answer_plan(q: Question) -> tuple[str, dict]:
    """Decide how to write q's answers (Moodle kind) and which fields that kind carries."""
    choices = q.choices
    if choices is None and q.type == "verdict" and q.answer in VERDICT_CHOICES:
        choices = list(VERDICT_CHOICES)
    carried: dict = {"answer": q.answer, "accept": [], "choices": choices}
    if q.type == "multi":
        carried.update(weights=q.weights, feedback=_some(q.feedback))
        return "multiple", carried
    if choices == TRUE_FALSE:
        carried["feedback"] = _some(q.feedback)
        return "truefalse", carried
    if choices is not None:
        weights = [q.weight_of(i) for i in range(len(choices))] if q.choices else None
        implied = None if weights is None else [
            100.0 if c == q.answer else (0.0 if w >= 100 else w)
            for c, w in zip(choices, weights, strict=True)]
        partial = implied is not None and any(w not in (0, 100) for w in implied)
        carried.update(weights=implied if partial else None, feedback=_some(q.feedback))
        return "multichoice", carried
    values = [number_value(a) for a in [q.answer, *q.accept]]
    if q.type == "figure" and None not in values and q.weights is None and not q.wildcards:
        numbers = [plain_number(v) for v in values]
        carried.update(answer=numbers[0], accept=numbers[1:], tolerance=q.tolerance)
        return "numerical", carried
    carried["accept"] = list(q.accept)
    carried.update(weights=q.weights, feedback=_some(q.feedback), wildcards=q.wildcards)
    return "shortanswer", carried


def _some(feedback: list[str] | None) -> list[str] | None:
    """Return feedback as a reader gets it back: None when every entry is empty."""
    return list(feedback) if feedback and any(feedback) else None


def multiple_as_single(q: Question) -> bool:
    """Tell whether a multi question is Moodle single choice with several right answers.

    Moodle's multiple response needs positive weights adding up to 100%; several fully right
    choices (each enough on its own) are written as single choice, which reads back the same.
    """
    total = sum(w for w in q.weights or [] if w > 0)
    return round(total / 100, 2) != 1
