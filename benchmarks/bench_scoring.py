"""Print how many check() calls per second the scorer makes on one core (CPU time, single thread).

The mix: every labelled case in tests/data/scoring_cases.yaml (all six kinds, real answers and
evidence of a sentence or two), each answer varied (case, filler words, a changed digit) so that
most answers are new strings and the per-answer caches cannot help. Expected and evidence texts
repeat, as they do when a class answers the same questions.

Run: .venv/bin/python benchmarks/bench_scoring.py [calls]
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

import yaml

from quizapp.core.scoring import check

CASES = Path(__file__).resolve().parent.parent / "tests" / "data" / "scoring_cases.yaml"
FILLERS = ["", "I think ", "it was ", "the answer is ", "according to the article, "]
TAILS = ["", ".", " I guess", " (from the article)", "!"]


def vary(answer: str, rng: random.Random) -> str:
    """Return a plausible variant of a student's answer."""
    text = rng.choice(FILLERS) + answer + rng.choice(TAILS)
    if rng.random() < 0.3:
        text = text.upper() if rng.random() < 0.5 else text.lower()
    if rng.random() < 0.3:
        digits = [i for i, ch in enumerate(text) if ch.isdigit()]
        if digits:
            i = rng.choice(digits)
            text = text[:i] + str(rng.randrange(10)) + text[i + 1 :]
    return text + " " * rng.randrange(3)


def main() -> None:
    """Time the calls and print the rate."""
    calls = int(sys.argv[1]) if len(sys.argv) > 1 else 60_000
    cases = yaml.safe_load(CASES.read_text(encoding="utf-8"))
    rng = random.Random(4)
    work = []
    for _ in range(calls):
        case = rng.choice(cases)
        work.append((vary(case["answer"], rng), case["expected"], case["evidence"], case["kind"]))
    unique = len({w[0] for w in work})
    wall, cpu = time.perf_counter(), time.process_time()
    for answer, expected, evidence, kind in work:
        check(answer, expected, evidence, kind)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    print(f"calls: {calls} ({unique} distinct answers, {len(cases)} questions)")
    print(f"check() calls per CPU second (one core): {calls / cpu:,.0f}")
    print(f"check() calls per wall-clock second:     {calls / wall:,.0f} (lower on a busy machine)")
    print(f"mean CPU time per call: {cpu / calls * 1e6:.1f} us")


if __name__ == "__main__":
    main()
