"""The answer section of a GIFT question, {...}, read into quizapp answer fields.

See quizapp.core.banks.gift for how each GIFT kind maps to a quizapp question.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Protocol

from quizapp.core.banks import exchange
from quizapp.core.banks.exchange import Unsupported
from quizapp.core.banks.model import BankError

_WEIGHT = re.compile(r"%(-?\d+(?:\.\d+)?)%")
_TRUE_FALSE = {"T": "True", "TRUE": "True", "F": "False", "FALSE": "False"}


class QuestionText(Protocol):
    """What the answer parser needs from the question being read (see gift.Text)."""

    def line(self, offset: int) -> int: ...

    def plain(self, raw: str) -> str: ...


def _tokens(t: QuestionText, base: int, section: str, markers: str) -> list[tuple[int, str]]:
    """Split a section at each marker character: (offset of the marker, marker + text)."""
    starts = [m.start() for m in re.finditer(f"[{re.escape(markers)}]", section)]
    lead = section[: starts[0]] if starts else section
    if lead.strip():
        offset = base + len(lead) - len(lead.lstrip())
        raise BankError(f"answer text before the first {' or '.join(markers)}",
                        line=t.line(offset))
    ends = starts[1:] + [len(section)]
    return [(base + s, section[s:e]) for s, e in zip(starts, ends, strict=True)]


def _answer(t: QuestionText, offset: int, token: str, weight: float) -> tuple[float, str, str]:
    """Read one answer token: (weight in percent, plain text, plain feedback)."""
    rest = token[1:].lstrip()
    found = _WEIGHT.match(rest)
    if found:
        weight, rest = float(found[1]), rest[found.end():]
        if not -100 <= weight <= 100:
            raise BankError(f"answer weight {found[0]} is not between -100% and 100%",
                            line=t.line(offset))
    text, _, feedback = rest.partition("#")
    return weight, t.plain(text), t.plain(feedback)


def _choice(t: QuestionText, base: int, section: str, explanation: str) -> dict:
    """Read a multiple choice section {=right ~wrong ~%50%partial}."""
    choices: list[str] = []
    right: list[tuple[str, str]] = []
    partial = False
    for offset, token in _tokens(t, base, section, "~="):
        weight, text, feedback = _answer(t, offset, token, 100.0 if token[0] == "=" else 0.0)
        if not text:
            raise BankError("empty choice", line=t.line(offset))
        if text in choices:
            raise BankError(f"choice '{text}' appears twice", line=t.line(offset))
        choices.append(text)
        if weight == 100:
            right.append((text, feedback))
        partial = partial or 0 < weight < 100
    line = t.line(base)
    if len(choices) < 2:
        raise BankError("multiple choice needs at least 2 choices", line=line)
    if not right and partial:
        raise Unsupported("multiple response (partly right choices, no single right answer) "
                          "is not supported", line)
    if not right:
        raise BankError("multiple choice has no right answer (=)", line=line)
    if len(right) > 1:
        raise Unsupported(f"multiple choice with {len(right)} right answers is not supported",
                          line)
    return {"type": exchange.default_type(choices), "answer": right[0][0], "choices": choices,
            "explanation": explanation or right[0][1]}


def _short(t: QuestionText, base: int, section: str, explanation: str) -> dict:
    """Read a short answer section {=a =b =%50%partial}."""
    full: list[tuple[str, str]] = []
    for offset, token in _tokens(t, base, section, "="):
        weight, text, feedback = _answer(t, offset, token, 100.0)
        if not text:
            raise BankError("empty answer", line=t.line(offset))
        if weight == 100 and text == "*":
            raise BankError("answer '*' would accept anything", line=t.line(offset))
        text = text.replace("\\*", "*")  # Moodle's escaped, literal asterisk
        if weight == 100:
            full.append((text, feedback))
    if not full:
        raise BankError("short answer has no fully right answer (=)", line=t.line(base))
    return {"type": "text", "answer": full[0][0], "accept": [a for a, _ in full[1:]],
            "explanation": explanation or full[0][1]}


def _number(t: QuestionText, offset: int, text: str) -> Decimal:
    """Read a plain number, refusing what Moodle would misread."""
    if not exchange.is_plain_number(text):
        raise BankError(f"numerical answer '{text}' is not a plain number (Moodle reads it as "
                        "any answer); write 6000, not 6,000", line=t.line(offset))
    value = Decimal(text)
    if abs(value) > Decimal("1e300"):
        raise BankError(f"numerical answer '{text}' is too large", line=t.line(offset))
    return value


def _numerical(t: QuestionText, base: int, section: str, explanation: str) -> dict:
    """Read a numerical section {#6000} {#6000:500} {#5..10} {#=6000:0 =%50%6100:100}."""
    hash_at = section.index("#")
    content = section[hash_at + 1:].split("~", 1)[0]  # "~#..." is wrong-answer feedback only
    start = base + hash_at + 1
    cuts = [i for i, c in enumerate(content) if c == "="]
    pieces = [(start, "=" + content[: cuts[0] if cuts else len(content)])]
    ends = cuts[1:] + [len(content)] if cuts else []
    pieces += [(start + c, content[c:e]) for c, e in zip(cuts, ends, strict=True)]
    full: list[tuple[Decimal, Decimal, str]] = []
    for offset, token in pieces:
        if offset == start and not token[1:].strip():
            continue
        weight, text, feedback = _answer(t, offset, token, 100.0)
        low, dots, high = text.partition("..")
        value, colon, margin = text.partition(":")
        if dots and low.strip():
            lo, hi = _number(t, offset, low.strip()), _number(t, offset, high.strip())
            if lo > hi:
                raise BankError(f"numerical range {text} runs backwards", line=t.line(offset))
            value_f, margin_f = (lo + hi) / 2, (hi - lo) / 2
        else:
            value_f = _number(t, offset, value.strip())
            margin_f = _number(t, offset, margin.strip()) if colon else Decimal(0)
            if margin_f < 0:
                raise BankError(f"numerical margin {margin} is negative", line=t.line(offset))
        if weight == 100:
            full.append((value_f, margin_f, feedback))
    if not full:
        raise BankError("numerical question has no fully right answer", line=t.line(base))
    return {"type": "figure", "answer": exchange.plain_number(float(full[0][0])),
            "accept": [exchange.plain_number(float(v)) for v, _, _ in full[1:]],
            "tolerance": float(full[0][1]), "explanation": explanation or full[0][2]}


def parse_answers(t: QuestionText, base: int, section: str) -> dict:
    """Read an answer section (text between the braces, starting at offset base)."""
    explanation = ""
    cut = section.rfind("####")
    if cut >= 0:
        explanation, section = t.plain(section[cut + 4:]), section[:cut]
    stripped = section.strip()
    if not stripped:
        raise Unsupported("essay question (empty answer section) is not supported", t.line(base))
    if stripped.startswith("#"):
        return _numerical(t, base, section, explanation)
    if "~" in stripped:
        return _choice(t, base, section, explanation)
    if "=" in stripped and "->" in stripped:
        raise Unsupported("matching question is not supported", t.line(base))
    value, _, feedbacks = stripped.partition("#")
    if value.strip() in _TRUE_FALSE:
        right_feedback = t.plain(feedbacks.partition("#")[2])
        return {"type": "text", "answer": _TRUE_FALSE[value.strip()],
                "choices": list(exchange.TRUE_FALSE), "explanation": explanation or right_feedback}
    return _short(t, base, section, explanation)
