"""Print how many check() calls per second the scorer makes on one core (CPU time, single thread).

The mix: every labelled case in tests/data/scoring_cases.yaml (all six kinds, real answers and
evidence of a sentence or two), each answer varied (case, filler words, a changed digit) so that
most answers are new strings. Expected and evidence texts repeat, as they do when a class answers
the same questions.

Three figures:
- first pass: a fresh process, every cache empty; includes building pint's unit registry (once
  per process, lazily) if an answer in the mix needs a unit conversion;
- cold: every scorer cache (each functools.lru_cache in quizapp.core) cleared before the pass,
  the registry already built; the median of `--rounds` passes;
- warm: the same work again with the caches full (a class answering the same way).

Run: .venv/bin/python benchmarks/bench_scoring.py [calls] [--rounds N]
"""

from __future__ import annotations

import argparse
import random
import statistics
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


def clear_caches() -> int:
    """Empty every functools cache of the scorer's core modules; return how many."""
    cleared = 0
    for name, module in list(sys.modules.items()):
        if not name.startswith("quizapp.core") or module is None:
            continue
        for value in vars(module).values():
            if callable(getattr(value, "cache_clear", None)) and hasattr(value, "cache_info"):
                value.cache_clear()
                cleared += 1
    return cleared


def timed(work: list[tuple[str, str, str, str]]) -> float:
    """Return the CPU seconds one pass over the work takes."""
    cpu = time.process_time()
    for answer, expected, evidence, kind in work:
        check(answer, expected, evidence, kind)
    return time.process_time() - cpu


def main() -> None:
    """Time the passes and print the rates."""
    parser = argparse.ArgumentParser()
    parser.add_argument("calls", nargs="?", type=int, default=60_000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    cases = yaml.safe_load(CASES.read_text(encoding="utf-8"))
    rng = random.Random(4)
    work = []
    for _ in range(args.calls):
        case = rng.choice(cases)
        work.append((vary(case["answer"], rng), case["expected"], case["evidence"], case["kind"]))
    unique = len({w[0] for w in work})
    print(f"calls: {args.calls} ({unique} distinct answers, {len(cases)} questions)")
    first = timed(work)
    print(f"first pass, fresh process (with any lazy set-up): {args.calls / first:>9,.0f} checks/s")
    colds = []
    for _ in range(args.rounds):
        clear_caches()
        colds.append(timed(work))
    cold = statistics.median(colds)
    warm = timed(work)
    print(f"cold caches (median of {args.rounds}, one core):          "
          f"{args.calls / cold:>9,.0f} checks/s  ({cold / args.calls * 1e6:.1f} us each)")
    print(f"warm caches (one core):                            {args.calls / warm:>9,.0f} checks/s")
    print("(CPU time of this process; on a busy machine figures drop and vary)")


if __name__ == "__main__":
    main()
