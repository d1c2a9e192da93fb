"""The answer section of a GIFT question, {...}, read into quizapp answer fields.

See quizapp.core.banks.gift for how each GIFT kind maps to a quizapp question.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Protocol

from quizapp.core.banks import exchange
from quizapp.core.banks.exchange import Unsupported
from quizapp.core.banks.model import BankError, is_pattern, literal

_WEIGHT = re.compile(r"%(-?\d+(?:\.\d+)?)%")
_TRUE_FALSE = {"T": "True", "TRUE": "True", "F": "False", "FALSE": "False"}


class QuestionText(Protocol):
    """What the answer parser needs from the question being read (see gift.Text)."""

    def line(self, offset: int) -> int: ...

    def plain(self, raw: str) -> str: ...

    @property
    def notes(self) -> list[str]: ...


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


def _check_weight(t: QuestionText, offset: int, weight: float) -> None:
    """Refuse a weight Moodle's importer refuses (it accepts only its own list of grades)."""
    if not exchange.moodle_grade(weight):
        raise BankError(f"answer weight {exchange.plain_number(weight)}% is not a grade Moodle "
                        f"accepts ({exchange.grade_list()}, or minus one of them)",
                        line=t.line(offset))


def _choice(t: QuestionText, base: int, section: str, explanation: str) -> dict:
    """Read a multiple choice section {=right ~wrong ~%50%partial} or {~%50%A ~%50%B ~%-100%C}.

    As in Moodle, a section with "=" is single choice and one without is multiple response.
    Empty choices ("~=right") are ignored and a repeated choice is merged, both with a note.
    Several fully right choices make a multiple-response question.
    """
    single = "=" in section
    entries: list[list] = []  # [weight, text, feedback]
    for offset, token in _tokens(t, base, section, "~="):
        weight, text, feedback = _answer(t, offset, token, 100.0 if token[0] == "=" else 0.0)
        _check_weight(t, offset, weight)
        if not text:
            if token[1:].strip():
                t.notes.append(f"line {t.line(offset)}: empty choice left out")
            continue
        same = next((e for e in entries if e[1] == text), None)
        if same is not None:
            t.notes.append(f"line {t.line(offset)}: choice '{text}' appears twice; kept once")
            same[0], same[2] = max(same[0], weight), same[2] or feedback
            continue
        entries.append([weight, text, feedback])
    return choice_fields(entries, single, explanation, t.notes, t.line(base))


def choice_fields(entries: list[list], single: bool, explanation: str, notes: list[str],
                  line: int) -> dict:
    """Decide single choice or multiple response from [weight, text, feedback] entries.

    Shared with Moodle XML, so both formats read the same answers the same way.
    """
    choices = [text for _, text, _ in entries]
    weights = [float(w) for w, _, _ in entries]
    feedback = [f for _, _, f in entries]
    if len(choices) < 2:
        raise BankError("multiple choice needs at least 2 choices", line=line)
    full = [i for i, w in enumerate(weights) if w >= 100]
    fields: dict = {"choices": choices, "explanation": explanation}
    if any(feedback):
        fields["feedback"] = feedback
    if single and len(full) == 1:
        fields.update(type=exchange.default_type(choices), answer=choices[full[0]])
        if any(w not in (0, 100) for w in weights):
            fields["weights"] = weights
        fields["explanation"] = explanation or feedback[full[0]]
        return fields
    if single and not full:
        raise BankError("multiple choice has no fully right answer (= or %100%)", line=line)
    if single:
        notes.append(f"{len(full)} fully right choices: imported as multiple response "
                     "(tick all that apply); any one of them earns full credit")
    else:
        total = sum(w for w in weights if w > 0)
        if total <= 0:
            raise BankError("multiple choice has no right answer (= or a positive %weight%)",
                            line=line)
        if round(total / 100, 2) != 1:
            raise BankError(f"the positive weights of a multiple-response question add up to "
                            f"{exchange.plain_number(total)}%, not 100%", line=line)
    fields.update(type="multi", weights=weights)
    return fields


def _short(t: QuestionText, base: int, section: str, explanation: str) -> dict:
    """Read a short answer section {=a =b =%50%partial}; "*" is a wildcard, "\\*" a star."""
    found: list[tuple[float, str, str]] = []
    for offset, token in _tokens(t, base, section, "="):
        weight, text, feedback = _answer(t, offset, token, 100.0)
        _check_weight(t, offset, weight)
        if not text:
            raise BankError("empty answer", line=t.line(offset))
        if weight == 100 and text == "*":
            raise BankError("answer '*' would accept anything", line=t.line(offset))
        if weight <= 0:
            t.notes.append(f"line {t.line(offset)}: answer '{text}' with "
                           f"{exchange.plain_number(weight)}% credit left out")
            continue
        found.append((weight, text, feedback))
    return short_fields(found, explanation, t.line(base))


def short_fields(found: list[tuple[float, str, str]], explanation: str, line: int) -> dict:
    """Order short answers full credit first; keep weights, feedback and wildcards if any."""
    full = [a for a in found if a[0] >= 100]
    if not full:
        raise BankError("short answer has no fully right answer (=)", line=line)
    found = full + [a for a in found if a[0] < 100]
    wildcards = any(is_pattern(text) for _, text, _ in found)
    texts = [text if wildcards else literal(text) for _, text, _ in found]
    fields: dict = {"type": "text", "answer": texts[0], "accept": texts[1:],
                    "explanation": explanation or full[0][2]}
    if any(w != 100 for w, _, _ in found):
        fields["weights"] = [w for w, _, _ in found]
    if any(f for _, _, f in found):
        fields["feedback"] = [f for _, _, f in found]
    if wildcards:
        fields["wildcards"] = True
    return fields


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
        else:
            t.notes.append(f"line {t.line(offset)}: numerical answer '{text}' with "
                           f"{exchange.plain_number(weight)}% credit left out")
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
        raise Unsupported("essay question (empty answer section) is not supported",
                          t.line(base), "essay")
    if stripped.startswith("#"):
        return _numerical(t, base, section, explanation)
    if "~" in stripped:
        return _choice(t, base, section, explanation)
    if "=" in stripped and "->" in stripped:
        raise Unsupported("matching question is not supported", t.line(base), "matching")
    value, _, feedbacks = stripped.partition("#")
    if value.strip() in _TRUE_FALSE:
        wrong_feedback, _, right_feedback = feedbacks.partition("#")
        wrong_feedback, right_feedback = t.plain(wrong_feedback), t.plain(right_feedback)
        answer = _TRUE_FALSE[value.strip()]
        fields = {"type": "text", "answer": answer, "choices": list(exchange.TRUE_FALSE),
                  "explanation": explanation or right_feedback}
        if wrong_feedback or right_feedback:
            pair = [right_feedback, wrong_feedback]
            fields["feedback"] = pair if answer == "True" else pair[::-1]
        return fields
    return _short(t, base, section, explanation)
