"""Generation on the development corpus in ../shared/corpus (read at run time, never copied):
sources and figures the gold lists get questions, and every question passes the gate."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from quizapp.core.questions import check_integrity, generate_questions

ROOT = Path(__file__).resolve().parents[3]
CORPUS = ROOT.parent / "shared" / "corpus"
pytestmark = pytest.mark.skipif(not (CORPUS / "gold").is_dir(),
                                reason="the development corpus ../shared/corpus is absent")


@pytest.fixture(scope="module")
def measured():
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from corpus_coverage import load, measure
    finally:
        sys.path.pop(0)
    items = load(CORPUS)
    questions = generate_questions([s for s, _ in items])
    return items, questions, measure(items, questions)["counts"]


def test_named_and_described_sources_mostly_get_a_source_question(measured):
    _, _, counts = measured
    assert counts["named_ok"] / counts["named"] >= 0.85


def test_attributed_figures_mostly_get_a_figure_or_date_question(measured):
    _, _, counts = measured
    assert counts["attributed_ok"] / counts["attributed"] >= 0.45


def test_conflicting_tolls_within_one_article_get_discrepancy_questions(measured):
    _, questions, counts = measured
    assert counts["pairs_ok"] >= 8
    within = [q for q in questions if "within-article" in q.tags]
    assert within and all(q.choices is None or q.answer in q.choices for q in within)


def test_every_question_passes_integrity_and_the_consistency_gate(measured):
    items, questions, _ = measured
    sources = [s for s, _ in items]
    assert [(q.id, p) for q in questions for p in check_integrity(q, sources)] == []


def test_one_question_per_claim_and_type_no_typed_and_choice_twins(measured):
    _, questions, _ = measured
    sources = [(q.evidence[0].source, q.evidence[0].start, q.prompt) for q in questions
               if q.type == "source"]
    assert len(sources) == len(set(sources))


def test_sentence_blanks_are_kept_for_closed_book_only(measured):
    _, questions, _ = measured
    for q in questions:
        if "completes this statement" in q.prompt:
            assert "closed-book" in q.tags, q.prompt


def test_described_sources_are_never_keyed_as_no_source_given(measured):
    items, questions, _ = measured
    texts = {s.id: s.text for s, _ in items}
    described = {(s.id, f["sentence"]) for s, facts in items for f in facts
                 if f["source_kind"] == "described" and not f.get("attributed_by_context")}
    wrong = []
    for q in questions:
        if q.type == "attribution" and q.answer == "No source given":
            e = q.evidence[0]
            sentence = texts[e.source][e.start : e.end]
            if any(sid == e.source and text in sentence for sid, text in described):
                wrong.append(sentence)
    assert len(wrong) <= 2, wrong


def test_no_two_questions_of_one_type_share_a_prompt(measured):
    _, questions, counts = measured
    assert counts["twins"] == 0  # never typed and multiple-choice twins, nor two verdicts on
    # one statement with two answers
