"""QTI 1.2 export: the demo bank's export follows the QTI 1.2 ASI structure item by item."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from quizapp.core.banks.formats import dump_any
from quizapp.core.banks.model import Bank, Question
from quizapp.core.banks.native import load_bank
from quizapp.core.banks.qti import NAMESPACE

DEMO = Path(__file__).resolve().parents[3] / "questions" / "demo.json"
NS = {"q": NAMESPACE}
#: What the QTI 1.2 ASI DTD allows inside an item, in order (the parts quizapp writes).
ITEM_ORDER = ["itemmetadata", "presentation", "resprocessing", "itemfeedback"]


def tag(element: ET.Element) -> str:
    return element.tag.split("}")[-1]


def export(bank: Bank) -> ET.Element:
    return ET.fromstring(dump_any(bank, "qti").encode())


def check_item(item: ET.Element) -> tuple[str, list[str]]:
    """Check one item's structure; return its response kind and its choice idents."""
    kids = [tag(k) for k in item]
    assert kids == sorted(kids, key=ITEM_ORDER.index) and kids.count("presentation") == 1
    assert item.get("ident") and item.get("title")
    presentation = item.find("q:presentation", NS)
    assert tag(presentation[0]) == "material"
    assert presentation[0].find("q:mattext", NS).text.strip()
    responses = [k for k in presentation if tag(k) in ("response_lid", "response_str")]
    assert len(responses) == 1
    response = responses[0]
    assert response.get("rcardinality") in ("Single", "Multiple")
    labels = [label.get("ident") for label in response.iter(f"{{{NAMESPACE}}}response_label")]
    assert labels and len(set(labels)) == len(labels)
    processing = item.find("q:resprocessing", NS)
    decvar = processing.find("q:outcomes/q:decvar", NS)
    assert (decvar.get("varname"), decvar.get("minvalue"), decvar.get("maxvalue")) == (
        "SCORE", "0", "100")
    conditions = processing.findall("q:respcondition", NS)
    assert conditions
    feedback_ids = {f.get("ident") for f in item.findall("q:itemfeedback", NS)}
    for condition in conditions:
        assert [tag(k) for k in condition][:2] == ["conditionvar", "setvar"]
        assert condition.find("q:setvar", NS).get("varname") == "SCORE"
        float(condition.find("q:setvar", NS).text)
        for shown in condition.findall("q:displayfeedback", NS):
            assert shown.get("linkrefid") in feedback_ids
        for test in condition.iter(f"{{{NAMESPACE}}}varequal"):
            assert test.get("respident") == response.get("ident")
            if tag(response) == "response_lid":
                assert test.text in labels
    return f"{tag(response)}/{response.get('rcardinality')}", labels


def test_the_demo_banks_export_is_qti_1_2_structured() -> None:
    bank = load_bank(DEMO.read_text(encoding="utf-8"))
    root = export(bank)
    assert tag(root) == "questestinterop" and root.tag == f"{{{NAMESPACE}}}questestinterop"
    (assessment,) = list(root)
    assert tag(assessment) == "assessment" and assessment.get("title") == bank.title
    (section,) = list(assessment)
    assert tag(section) == "section"
    items = list(section)
    assert [tag(i) for i in items] == ["item"] * len(bank.questions)
    assert len({i.get("ident") for i in items}) == len(items)
    kinds = set()
    for item, q in zip(items, bank.questions, strict=True):
        kind, labels = check_item(item)
        kinds.add(kind)
        if q.choices:
            assert len(labels) == len(q.choices)
            texts = [m.text for m in item.iterfind(".//q:response_label/q:material/q:mattext", NS)]
            assert texts == q.choices
    assert "response_lid/Single" in kinds and "response_str/Single" in kinds


def test_multiple_response_adds_each_ticked_weight() -> None:
    q = Question(id="m", type="multi", prompt="Which?", answer="A; B", choices=["A", "B", "C"],
                 weights=[50, 50, -100], feedback=["yes", "", "no"])
    item = export(Bank(title="t", questions=[q])).find(".//q:item", NS)
    kind, _ = check_item(item)
    assert kind == "response_lid/Multiple"
    added = [(c.find("q:conditionvar/q:varequal", NS).text, c.find("q:setvar", NS).text,
              c.get("continue")) for c in item.findall("q:resprocessing/q:respcondition", NS)]
    assert added == [("choice_1", "50", "Yes"), ("choice_2", "50", "Yes"),
                     ("choice_3", "-100", "Yes")]


@pytest.mark.parametrize("tolerance", [0.0, 500.0])
def test_a_numerical_answer_is_a_decimal_blank(tolerance: float) -> None:
    q = Question(id="n", type="figure", prompt="How many?", answer="6000", tolerance=tolerance)
    item = export(Bank(title="t", questions=[q])).find(".//q:item", NS)
    check_item(item)
    assert item.find(".//q:render_fib", NS).get("fibtype") == "Decimal"
    if tolerance:
        assert item.find(".//q:vargte", NS).text == "5500"
        assert item.find(".//q:varlte", NS).text == "6500"
    else:
        assert item.find(".//q:varequal", NS).text == "6000"
