"""The answers of one Moodle XML <question>, read into quizapp answer fields.

See quizapp.core.banks.moodle_xml for how each Moodle type maps to a quizapp question.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from quizapp.core.banks import exchange
from quizapp.core.banks.exchange import Unsupported
from quizapp.core.banks.model import BankError


def _text_of(element: ET.Element | None, default_format: str = "html") -> str:
    """Return the plain text of an element holding <text> (HTML turned into text)."""
    if element is None:
        return ""
    text = element.findtext("text") or ""
    if element.get("format", default_format) == "html":
        text = exchange.html_to_text(text)
    return text.strip()


def _fraction(answer: ET.Element) -> float:
    """Return an answer's fraction (percent credit)."""
    raw = answer.get("fraction", "0")
    try:
        value = float(raw)
    except ValueError:
        raise BankError(f"answer fraction '{raw}' is not a number") from None
    if not -100 <= value <= 100:
        raise BankError(f"answer fraction {raw} is not between -100 and 100")
    return value


def _answers(element: ET.Element, html: bool) -> list[tuple[float, str, str]]:
    """Return the (fraction, text, feedback) of each <answer>."""
    found = []
    for answer in element.findall("answer"):
        text = _text_of(answer, "html") if html else (answer.findtext("text") or "").strip()
        found.append((_fraction(answer), text, _text_of(answer.find("feedback"))))
    return found


def _choice(element: ET.Element, explanation: str) -> dict:
    """Read a multichoice question with a single right answer."""
    answers = _answers(element, html=True)
    choices = [text for _, text, _ in answers]
    if any(not text for text in choices):
        raise BankError("empty choice")
    if len(set(choices)) != len(choices):
        raise BankError("a choice appears twice")
    if len(choices) < 2:
        raise BankError("multiple choice needs at least 2 choices")
    right = [(text, feedback) for fraction, text, feedback in answers if fraction == 100]
    if not right and any(fraction > 0 for fraction, _, _ in answers):
        raise Unsupported("multiple response (partly right choices) is not supported")
    if len(right) != 1:
        raise BankError(f"multiple choice needs one right answer (fraction 100), has {len(right)}")
    return {"type": exchange.default_type(choices), "answer": right[0][0], "choices": choices,
            "explanation": explanation or right[0][1]}


def _true_false(element: ET.Element, explanation: str) -> dict:
    """Read a truefalse question."""
    right = [(text.lower(), feedback) for fraction, text, feedback in _answers(element, False)
             if fraction == 100]
    if len(right) != 1 or right[0][0] not in ("true", "false"):
        raise BankError("true/false needs exactly one right answer, 'true' or 'false'")
    return {"type": "text", "answer": right[0][0].capitalize(), "choices": exchange.TRUE_FALSE,
            "explanation": explanation or right[0][1]}


def _short(element: ET.Element, explanation: str) -> dict:
    """Read a shortanswer question (partial-credit answers dropped)."""
    full = [(text, feedback) for fraction, text, feedback in _answers(element, False)
            if fraction == 100]
    if not full or any(not text or text == "*" for text, _ in full):
        raise BankError("short answer needs a right answer (fraction 100) that is not '*' "
                        "or empty")
    return {"type": "text", "answer": full[0][0], "accept": [text for text, _ in full[1:]],
            "explanation": explanation or full[0][1]}


def _plain(text: str, what: str) -> float:
    """Read a plain number Moodle reads as that number."""
    if not exchange.is_plain_number(text) or abs(float(text)) > 1e300:
        raise BankError(f"numerical {what} '{text}' is not a plain number (Moodle reads it as "
                        "any answer); write 6000, not 6,000")
    return float(text)


def _numerical(element: ET.Element, explanation: str) -> dict:
    """Read a numerical question: plain numbers with a tolerance."""
    full: list[tuple[float, float, str]] = []
    for answer in element.findall("answer"):
        text = (answer.findtext("text") or "").strip()
        fraction = _fraction(answer)
        if text == "*" and fraction < 100:
            continue  # Moodle's "any other answer" feedback
        value = _plain(text, "answer")
        tolerance = _plain((answer.findtext("tolerance") or "0").strip(), "tolerance")
        if tolerance < 0:
            raise BankError(f"numerical tolerance {tolerance} is negative")
        if fraction == 100:
            full.append((value, tolerance, _text_of(answer.find("feedback"))))
    if not full:
        raise BankError("numerical question has no fully right answer (fraction 100)")
    return {"type": "figure", "answer": exchange.plain_number(full[0][0]),
            "accept": [exchange.plain_number(v) for v, _, _ in full[1:]],
            "tolerance": full[0][1], "explanation": explanation or full[0][2]}


def read_answers(element: ET.Element, qtype: str) -> dict:
    """Read a supported <question> into bank-format fields (no id yet)."""
    single = (element.findtext("single") or "true").strip().lower()
    if qtype == "multichoice" and single in ("false", "0"):
        raise Unsupported("multiple response (<single>false</single>) is not supported")
    explanation = _text_of(element.find("generalfeedback"))
    reader = {"multichoice": _choice, "truefalse": _true_false, "shortanswer": _short,
              "numerical": _numerical}[qtype]
    fields = reader(element, explanation)
    prompt = _text_of(element.find("questiontext"))
    if not prompt:
        raise BankError("question text is empty")
    tags = [(tag.findtext("text") or "").strip() for tag in element.findall("tags/tag")]
    fields.update(prompt=prompt, tags=[tag for tag in tags if tag])
    return fields
