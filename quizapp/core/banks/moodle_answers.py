"""The answers of one Moodle XML <question>, read into quizapp answer fields.

See quizapp.core.banks.moodle_xml for how each Moodle type maps to a quizapp question.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from quizapp.core.banks import exchange
from quizapp.core.banks.gift_answers import choice_fields, short_fields
from quizapp.core.banks.model import BankError


class _Reader:
    """One <question> being read: element lines for messages, and notes of what changed."""

    def __init__(self, lines: dict[ET.Element, int] | None):
        self.lines = lines or {}
        self.notes: list[str] = []

    def line(self, element: ET.Element) -> int | None:
        """Return the file line of an element, when known."""
        return self.lines.get(element)

    def text_of(self, element: ET.Element | None, default_format: str = "html") -> str:
        """Return the plain text of an element holding <text> (HTML cleaned into text)."""
        if element is None:
            return ""
        text = element.findtext("text") or ""
        if element.get("format", default_format) == "html":
            for note in exchange.html_changes(text):
                if note not in self.notes:
                    self.notes.append(note)
            text = exchange.html_to_text(text)
        return text.strip()

    def fraction(self, answer: ET.Element) -> float:
        """Return an answer's fraction (percent credit), one of the grades Moodle accepts."""
        raw = answer.get("fraction", "0")
        try:
            value = float(raw)
        except ValueError:
            raise BankError(f"answer fraction '{raw}' is not a number",
                            line=self.line(answer)) from None
        if not -100 <= value <= 100:
            raise BankError(f"answer fraction {raw} is not between -100 and 100",
                            line=self.line(answer))
        if not exchange.moodle_grade(value):
            raise BankError(f"answer fraction {raw} is not a grade Moodle accepts "
                            f"({exchange.grade_list()}, or minus one of them)",
                            line=self.line(answer))
        return value

    def answers(self, element: ET.Element, html: bool) -> list[tuple[float, str, str, int | None]]:
        """Return the (fraction, text, feedback, line) of each <answer>."""
        found = []
        for answer in element.findall("answer"):
            text = self.text_of(answer, "html") if html else (answer.findtext("text") or "").strip()
            found.append((self.fraction(answer), text, self.text_of(answer.find("feedback")),
                          self.line(answer)))
        return found


def _choice(r: _Reader, element: ET.Element, explanation: str, line: int | None) -> dict:
    """Read a multichoice question: single choice, or multiple response with <single>false."""
    single = (element.findtext("single") or "true").strip().lower() not in ("false", "0")
    entries: list[list] = []
    for fraction, text, feedback, at in r.answers(element, html=True):
        if not text:
            r.notes.append(f"line {at}: empty choice left out")
            continue
        same = next((e for e in entries if e[1] == text), None)
        if same is not None:
            r.notes.append(f"line {at}: choice '{text}' appears twice; kept once")
            same[0], same[2] = max(same[0], fraction), same[2] or feedback
            continue
        entries.append([fraction, text, feedback])
    return choice_fields(entries, single, explanation, r.notes, line)


def _true_false(r: _Reader, element: ET.Element, explanation: str, line: int | None) -> dict:
    """Read a truefalse question."""
    answers = r.answers(element, False)
    right = [(text.lower(), feedback) for fraction, text, feedback, _ in answers
             if fraction == 100]
    if len(right) != 1 or right[0][0] not in ("true", "false"):
        raise BankError("true/false needs exactly one right answer, 'true' or 'false'")
    fields = {"type": "text", "answer": right[0][0].capitalize(), "choices": exchange.TRUE_FALSE,
              "explanation": explanation or right[0][1]}
    said = {text.lower(): feedback for _, text, feedback, _ in answers}
    feedback = [said.get("true", ""), said.get("false", "")]
    if any(feedback):
        fields["feedback"] = feedback
    return fields


def _short(r: _Reader, element: ET.Element, explanation: str, line: int | None) -> dict:
    """Read a shortanswer question; "*" is a wildcard, "\\*" a star, as in Moodle."""
    found = []
    for fraction, text, feedback, at in r.answers(element, False):
        if not text or (text == "*" and fraction >= 100):
            raise BankError("short answer needs a right answer (fraction 100) that is not '*' "
                            "or empty", line=at)
        if fraction <= 0:
            r.notes.append(f"line {at}: answer '{text}' with "
                           f"{exchange.plain_number(fraction)}% credit left out")
            continue
        found.append((fraction, text, feedback))
    return short_fields(found, explanation, line)


def _plain(text: str, what: str) -> float:
    """Read a plain number Moodle reads as that number."""
    if not exchange.is_plain_number(text) or abs(float(text)) > 1e300:
        raise BankError(f"numerical {what} '{text}' is not a plain number (Moodle reads it as "
                        "any answer); write 6000, not 6,000")
    return float(text)


def _numerical(r: _Reader, element: ET.Element, explanation: str, line: int | None) -> dict:
    """Read a numerical question: plain numbers with a tolerance."""
    full: list[tuple[float, float, str]] = []
    for answer in element.findall("answer"):
        text = (answer.findtext("text") or "").strip()
        fraction = r.fraction(answer)
        if text == "*" and fraction < 100:
            continue  # Moodle's "any other answer" feedback
        value = _plain(text, "answer")
        tolerance = _plain((answer.findtext("tolerance") or "0").strip(), "tolerance")
        if tolerance < 0:
            raise BankError(f"numerical tolerance {tolerance} is negative")
        if fraction == 100:
            full.append((value, tolerance, r.text_of(answer.find("feedback"))))
        else:
            r.notes.append(f"line {r.line(answer)}: numerical answer '{text}' with "
                           f"{exchange.plain_number(fraction)}% credit left out")
    if not full:
        raise BankError("numerical question has no fully right answer (fraction 100)")
    return {"type": "figure", "answer": exchange.plain_number(full[0][0]),
            "accept": [exchange.plain_number(v) for v, _, _ in full[1:]],
            "tolerance": full[0][1], "explanation": explanation or full[0][2]}


def read_answers(element: ET.Element, qtype: str,
                 lines: dict[ET.Element, int] | None = None) -> dict:
    """Read a supported <question> into bank-format fields (no id yet), with "notes"."""
    r = _Reader(lines)
    explanation = r.text_of(element.find("generalfeedback"))
    reader = {"multichoice": _choice, "truefalse": _true_false, "shortanswer": _short,
              "numerical": _numerical}[qtype]
    fields = reader(r, element, explanation, r.line(element))
    prompt = r.text_of(element.find("questiontext"))
    if not prompt:
        raise BankError("question text is empty")
    tags = [(tag.findtext("text") or "").strip() for tag in element.findall("tags/tag")]
    fields.update(prompt=prompt, tags=[tag for tag in tags if tag], notes=r.notes)
    return fields
