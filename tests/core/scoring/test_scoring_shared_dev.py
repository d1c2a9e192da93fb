"""The scorer agrees with the instructor on the dev part of the shared labelled answers.

The shared file is read from ../shared at run time (never copied here); the test skips without
it. Only the dev part (the lines the stable hash puts there) is used: the blind part is kept for
measuring, not for tests.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
SPEC = importlib.util.spec_from_file_location(
    "scoring_agreement", ROOT / "benchmarks" / "scoring_agreement.py"
)
agreement = importlib.util.module_from_spec(SPEC)
SPEC.loader.exec_module(agreement)

pytestmark = pytest.mark.skipif(
    not agreement.SHARED.exists(), reason=f"shared answers not found at {agreement.SHARED}"
)


def test_dev_part_split_is_stable_and_about_seventy_percent():
    lines = [x for x in agreement.SHARED.read_text(encoding="utf-8").splitlines() if x.strip()]
    parts = [agreement.part_of(line) for line in lines]
    assert parts == [agreement.part_of(line) for line in lines]
    assert 0.6 <= parts.count("dev") / len(parts) <= 0.8


def test_scorer_agrees_on_the_dev_part_at_least_95_percent_accepting_few_wrong_answers():
    counts = agreement.tally(agreement.load_shared(part="dev"))["all"]
    assert counts["agree"] / counts["n"] >= 0.95
    assert counts["wrong_accepted"] <= 0.01 * counts["wrong"]
