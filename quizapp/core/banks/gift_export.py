"""Write a bank as GIFT that Moodle imports (the mapping and comment lines: see `gift`)."""

from __future__ import annotations

from quizapp.core.banks import exchange
from quizapp.core.banks.gift import FORMAT_MARKER
from quizapp.core.banks.model import Bank, BankError, Question
from quizapp.core.banks.schema import source_to_data


def escape(text: str) -> str:
    """Escape GIFT's special characters the way Moodle's exporter does."""
    text = text.replace("\\", "\\\\").replace("\r", "")
    for char in "~=#{}:":
        text = text.replace(char, "\\" + char)
    text = text.replace("\n", "\\n")
    # A leading [html]-like marker or %50%-like weight would be misread; a marker shields both.
    return "[moodle]" + text if FORMAT_MARKER.match(text) or text.startswith("%") else text


def _margin(number: str, tolerance: float) -> str:
    """Write a numerical answer's margin; an exact zero gets ":0", as Moodle refuses "{#0}"."""
    if tolerance:
        return f":{exchange.plain_number(tolerance)}"
    return ":0" if float(number) == 0 else ""


def _weight(w: float) -> str:
    """Write a weight marker, %50%, or nothing for 0."""
    return f"%{exchange.plain_number(w)}%" if w else ""


def _feedback(q: Question, index: int) -> str:
    """Write the #feedback of answer number index, if it has any."""
    text = q.feedback[index] if q.feedback and index < len(q.feedback) else ""
    return f"#{escape(text)}" if text else ""


def _lines(entries: list[str]) -> str:
    """Write answers one a line inside the braces."""
    return "\n" + "\n".join("\t" + e for e in entries) + "\n"


def _answers(q: Question) -> tuple[str, dict]:
    """Write q's answer section; return it with the fields that section carries."""
    kind, carried = exchange.answer_plan(q)
    if kind == "truefalse":
        value = "TRUE" if q.answer == "True" else "FALSE"
        if carried["feedback"]:
            right = q.feedback[0 if q.answer == "True" else 1]
            wrong = q.feedback[1 if q.answer == "True" else 0]
            value += f"#{escape(wrong)}#{escape(right)}"
        return value, carried
    if kind == "multiple":
        several = exchange.multiple_as_single(q)
        marks = ["=" if several and w >= 100 else "~" + _weight(w) for w in q.weights]
        return _lines([m + escape(c) + _feedback(q, i)
                       for i, (m, c) in enumerate(zip(marks, q.choices, strict=True))]), carried
    if kind == "multichoice":
        weights = carried["weights"] or [0.0] * len(carried["choices"])
        marks = ["=" if c == q.answer else "~" + _weight(w)
                 for c, w in zip(carried["choices"], weights, strict=True)]
        return _lines([m + escape(c) + _feedback(q, i) for i, (m, c)
                       in enumerate(zip(marks, carried["choices"], strict=True))]), carried
    if kind == "numerical":
        numbers = [carried["answer"], *carried["accept"]]
        if len(numbers) == 1:
            return f"#{numbers[0]}{_margin(numbers[0], q.tolerance)}", carried
        lines = (f"\t={n}{_margin(n, q.tolerance)}" for n in numbers)
        return "#\n" + "\n".join(lines) + "\n", carried
    if any("->" in a for a in [q.answer, *q.accept]):
        raise BankError(f"question {q.id}: GIFT cannot hold a short answer containing '->' "
                        "(Moodle reads it as a matching question); export as Moodle XML")
    entries = []
    for i, text in enumerate([q.answer, *q.accept]):
        # In a Moodle short answer "*" is a wildcard; "\*" is a literal asterisk.
        text = escape(text) if q.wildcards else escape(text).replace("*", "\\*")
        weight = q.weight_of(i)
        entries.append("=" + (_weight(weight) if weight != 100 else "") + text + _feedback(q, i))
    return _lines(entries), carried


def dump_gift(bank: Bank) -> str:
    """Write a bank as GIFT that Moodle imports, quizapp fields kept in comment lines."""
    header = exchange.bank_header(bank.title, bank.description)
    head = ["// quizapp-bank: " + exchange.json_comment(header)]
    head += ["// quizapp-source: " + exchange.json_comment(source_to_data(s))
             for s in bank.sources]
    out = ["\n".join(head)]
    if bank.title.strip():
        out.append("$CATEGORY: $course$/top/" + " ".join(bank.title.replace("/", "-").split()))
    for q in bank.questions:
        section, carried = _answers(q)
        meta = exchange.question_meta(q, carried)
        feedback = f"####{escape(q.explanation)}" if q.explanation.strip() else ""
        if feedback and section.endswith("\n"):
            feedback = f"\t{feedback}\n"
        out.append(f"// quizapp: {exchange.json_comment(meta)}\n"
                   f"::{escape(q.id)}::{escape(q.prompt)} {{{section}{feedback}}}")
    return "\n\n".join(out) + "\n"
