"""QTI 1.2 export, the item format Canvas, Blackboard and D2L import (export only).

The tree follows the IMS QTI ASI 1.2 structure: questestinterop > assessment > section > item,
each item with optional itemmetadata, a presentation (material and one response) and a
resprocessing (SCORE outcome 0..100, one respcondition per credited answer), then
itemfeedback. Kinds:
- single choice (verdicts, true/false...): response_lid rcardinality="Single", the credit of
  each weighted choice set on it;
- multiple response: response_lid rcardinality="Multiple", each ticked choice adds its weight
  (continue="Yes"), as Moodle sums them; SCORE is bounded 0..100 by its decvar;
- short answer: response_str with render_fib, each listed answer sets its credit;
- numerical: render_fib fibtype="Decimal", right within the tolerance (vargte/varlte).
Question text is plain text (texttype="text/plain"); quizapp keeps no markup.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from quizapp.core.banks import exchange
from quizapp.core.banks.model import Bank, Question

NAMESPACE = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"
#: Canvas's names for the item kinds (its importer reads them from itemmetadata).
CANVAS_TYPES = {"single": "multiple_choice_question", "truefalse": "true_false_question",
                "multiple": "multiple_answers_question", "short": "short_answer_question",
                "numerical": "numerical_question"}


def _material(parent: ET.Element, text: str) -> ET.Element:
    """Add <material><mattext texttype="text/plain">text</mattext></material>."""
    material = ET.SubElement(parent, "material")
    ET.SubElement(material, "mattext", {"texttype": "text/plain"}).text = text
    return material


def _metadata(item: ET.Element, kind: str) -> None:
    """Add the item's metadata: its kind and points."""
    fields = ET.SubElement(ET.SubElement(item, "itemmetadata"), "qtimetadata")
    for label, entry in (("question_type", CANVAS_TYPES[kind]), ("points_possible", "1")):
        field = ET.SubElement(fields, "qtimetadatafield")
        ET.SubElement(field, "fieldlabel").text = label
        ET.SubElement(field, "fieldentry").text = entry


def _condition(processing: ET.Element, score: float, *, add: bool = False,
               feedback: str | None = None) -> ET.Element:
    """Add a respcondition; return its conditionvar to fill."""
    condition = ET.SubElement(processing, "respcondition", {"continue": "Yes" if add else "No"})
    test = ET.SubElement(condition, "conditionvar")
    ET.SubElement(condition, "setvar", {"action": "Add" if add else "Set",
                                        "varname": "SCORE"}).text = exchange.plain_number(score)
    if feedback:
        ET.SubElement(condition, "displayfeedback",
                      {"feedbacktype": "Response", "linkrefid": feedback})
    return test


def _kind(q: Question) -> tuple[str, list[str] | None]:
    """Return the item kind of q and its choices."""
    plan, carried = exchange.answer_plan(q)
    if plan == "multiple":
        return "multiple", list(q.choices or [])
    if plan == "truefalse":
        return "truefalse", list(carried["choices"])
    if plan == "multichoice":
        return "single", list(carried["choices"])
    return ("numerical" if plan == "numerical" else "short"), None


def _item(section: ET.Element, number: int, q: Question) -> None:
    """Add one question as an <item>."""
    kind, choices = _kind(q)
    item = ET.SubElement(section, "item", {"ident": f"item_{number}", "title": q.id[:200]})
    _metadata(item, kind)
    presentation = ET.SubElement(item, "presentation")
    _material(presentation, q.prompt)
    processing = ET.Element("resprocessing")
    outcomes = ET.SubElement(processing, "outcomes")
    ET.SubElement(outcomes, "decvar", {"varname": "SCORE", "vartype": "Decimal",
                                       "minvalue": "0", "maxvalue": "100"})
    feedback: dict[str, str] = {}
    if q.explanation.strip():
        feedback["general_fb"] = q.explanation
        other = _condition(processing, 0, add=True, feedback="general_fb")
        ET.SubElement(other, "other")
    response = "response1"
    if choices is not None:
        lid = ET.SubElement(presentation, "response_lid", {
            "ident": response, "rcardinality": "Multiple" if kind == "multiple" else "Single"})
        render = ET.SubElement(lid, "render_choice", {"shuffle": "No"})
        for i, choice in enumerate(choices):
            label = ET.SubElement(render, "response_label", {"ident": f"choice_{i + 1}"})
            _material(label, choice)
        for i, choice in enumerate(choices):
            weight = q.weight_of(i) if q.choices else (100 if choice == q.answer else 0)
            said = q.feedback[i] if q.feedback and i < len(q.feedback) else ""
            if said:
                feedback[f"choice_{i + 1}_fb"] = said
            if weight or said:
                test = _condition(processing, weight, add=kind == "multiple" or not weight,
                                  feedback=f"choice_{i + 1}_fb" if said else None)
                ET.SubElement(test, "varequal", {"respident": response}).text = f"choice_{i + 1}"
    else:
        fib = ET.SubElement(presentation, "response_str",
                            {"ident": response, "rcardinality": "Single"})
        render = ET.SubElement(fib, "render_fib", {"fibtype": "Decimal" if kind == "numerical"
                                                   else "String"})
        ET.SubElement(render, "response_label", {"ident": "answer1", "rshuffle": "No"})
        _, carried = exchange.answer_plan(q)
        listed = [carried["answer"], *carried["accept"]]
        for i, value in enumerate(listed):
            test = _condition(processing, 100 if kind == "numerical" else q.weight_of(i))
            if kind == "numerical" and q.tolerance:
                both = ET.SubElement(test, "and")
                low, high = float(value) - q.tolerance, float(value) + q.tolerance
                ET.SubElement(both, "vargte", {"respident": response}).text = \
                    exchange.plain_number(low)
                ET.SubElement(both, "varlte", {"respident": response}).text = \
                    exchange.plain_number(high)
            else:
                text = value if kind == "numerical" else exchange_literal(q, value)
                ET.SubElement(test, "varequal", {"respident": response, "case": "No"}).text = text
    item.append(processing)
    for ident, text in feedback.items():
        flow = ET.SubElement(ET.SubElement(item, "itemfeedback", {"ident": ident}), "flow_mat")
        _material(flow, text)


def exchange_literal(q: Question, value: str) -> str:
    """Return a short answer as QTI compares it: exact text (a Moodle "\\*" is a "*")."""
    return value.replace("\\*", "*") if q.wildcards else value


def dump_qti(bank: Bank) -> str:
    """Write a bank as one QTI 1.2 assessment with one section of items."""
    root = ET.Element("questestinterop", {"xmlns": NAMESPACE})
    assessment = ET.SubElement(root, "assessment", {"ident": "assessment_1",
                                                    "title": bank.title or "quizapp bank"})
    section = ET.SubElement(assessment, "section", {"ident": "root_section"})
    for number, q in enumerate(bank.questions, 1):
        _item(section, number, q)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, "unicode") + "\n"
