"""Print the scorer's agreement with labelled answers, against a SQuAD-style exact-match baseline.

Run: .venv/bin/python benchmarks/scoring_agreement.py [path/to/cases.yaml]
"""

from __future__ import annotations

import re
import string
import sys
from collections import Counter
from pathlib import Path

import yaml

from quizapp.core.scoring import check

CASES = Path(__file__).resolve().parent.parent / "tests" / "data" / "scoring_cases.yaml"


def squad_normalise(text: str) -> str:
    """Lowercase, strip punctuation and articles, collapse whitespace (SQuAD's normaliser)."""
    text = text.lower()
    text = "".join(ch for ch in text if ch not in set(string.punctuation))
    text = re.sub(r"\b(a|an|the)\b", " ", text)
    return " ".join(text.split())


def load_cases(path: Path = CASES) -> list[dict]:
    """Load the labelled cases."""
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def agreement(cases: list[dict]) -> tuple[float, float, list[tuple[dict, bool]]]:
    """Return (scorer agreement, baseline agreement, scorer disagreements)."""
    ours = base = 0
    misses = []
    for case in cases:
        got = check(case["answer"], case["expected"], case["evidence"], case["kind"]).correct
        ours += got == case["correct"]
        if got != case["correct"]:
            misses.append((case, got))
        exact = squad_normalise(case["answer"]) == squad_normalise(case["expected"])
        base += exact == case["correct"]
    return ours / len(cases), base / len(cases), misses


def main() -> None:
    """Print the figures and the disagreements."""
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else CASES
    cases = load_cases(path)
    ours, base, misses = agreement(cases)
    kinds = Counter(c["kind"] for c in cases)
    print(f"cases: {len(cases)} ({', '.join(f'{k} {n}' for k, n in sorted(kinds.items()))})")
    print(f"scorer agreement:              {ours:.3f}")
    print(f"baseline (SQuAD exact match):  {base:.3f}")
    wrong_kinds = Counter(c["kind"] for c, _ in misses)
    print(f"disagreements: {len(misses)} {dict(wrong_kinds)}")
    for case, got in misses:
        verdict = check(case["answer"], case["expected"], case["evidence"], case["kind"])
        print(
            f"  [{case['kind']}] expected={case['expected']!r} answer={case['answer']!r} "
            f"label={case['correct']} scorer={got}: {verdict.reason}"
        )


if __name__ == "__main__":
    main()
