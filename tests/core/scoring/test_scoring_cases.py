"""The scorer agrees with a fair instructor on the labelled cases in tests/data."""

from __future__ import annotations

from pathlib import Path

import yaml

from quizapp.core.scoring import check

CASES = Path(__file__).resolve().parents[2] / "data" / "scoring_cases.yaml"


def test_labelled_cases_cover_every_kind_and_both_labels():
    cases = yaml.safe_load(CASES.read_text(encoding="utf-8"))
    assert len(cases) >= 150
    assert {c["kind"] for c in cases} == {"source", "figure", "date", "place", "verdict", "text"}
    assert {c["correct"] for c in cases} == {True, False}


def test_scorer_agrees_with_the_labels_at_least_95_percent():
    cases = yaml.safe_load(CASES.read_text(encoding="utf-8"))
    agree = [
        check(c["answer"], c["expected"], c["evidence"], c["kind"]).correct == c["correct"]
        for c in cases
    ]
    misses = [c for c, ok in zip(cases, agree, strict=True) if not ok]
    assert sum(agree) / len(agree) >= 0.95, misses[:10]
