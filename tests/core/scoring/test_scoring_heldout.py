"""The scorer agrees with a fair instructor on held-out cases (tests/data/scoring_heldout.yaml)."""

from __future__ import annotations

from pathlib import Path

import yaml

from quizapp.core.scoring import check

CASES = Path(__file__).resolve().parents[2] / "data" / "scoring_heldout.yaml"


def _cases() -> list[dict]:
    return yaml.safe_load(CASES.read_text(encoding="utf-8"))


def test_heldout_cases_cover_every_kind_and_both_labels():
    cases = _cases()
    assert len(cases) >= 200
    assert {c["kind"] for c in cases} == {"source", "figure", "date", "place", "verdict", "text"}
    share = sum(c["correct"] for c in cases) / len(cases)
    assert 0.45 <= share <= 0.65


def test_scorer_agrees_with_the_heldout_labels():
    cases = _cases()
    agree = [
        check(c["answer"], c["expected"], c["evidence"], c["kind"]).correct == c["correct"]
        for c in cases
    ]
    misses = [c for c, ok in zip(cases, agree, strict=True) if not ok]
    # Achieved 0.989 (9 of 832 disagree); the margin leaves room for fair trade-offs.
    assert sum(agree) / len(agree) >= 0.975, misses[:10]
