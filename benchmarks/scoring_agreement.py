"""Print the scorer's agreement with labelled answers, against a SQuAD-style exact-match baseline.

Two sources of labelled answers:

- the shared development set `../shared/scoring/answers_dev.jsonl` (the default, when present),
  split by a stable hash of each line into a dev part (~70%, the part rules are tuned on) and a
  blind part (~30%, measured once before and once after the work, never read while tuning);
- a YAML case file such as tests/data/scoring_cases.yaml (the project's older sets).

For each source it prints, overall and by kind: agreement with the instructor, correct answers
accepted, and wrong answers accepted (count and % of the incorrect ones).

Run:
    .venv/bin/python benchmarks/scoring_agreement.py                      # shared set, dev part
    .venv/bin/python benchmarks/scoring_agreement.py --part blind         # shared set, blind part
    .venv/bin/python benchmarks/scoring_agreement.py --part all           # the whole shared file
    .venv/bin/python benchmarks/scoring_agreement.py tests/data/scoring_cases.yaml
Add --misses to list the disagreements (never do so with --part blind while tuning).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import string
from collections import defaultdict
from pathlib import Path

import yaml

from quizapp.core.scoring import check

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "scoring" / "answers_dev.jsonl"
CASES = ROOT / "tests" / "data" / "scoring_cases.yaml"
#: Share of the shared lines that go to the blind part (by the line's SHA-256, so stable).
BLIND_PERCENT = 30


def squad_normalise(text: str) -> str:
    """Lowercase, strip punctuation and articles, collapse whitespace (SQuAD's normaliser)."""
    text = text.lower()
    text = "".join(ch for ch in text if ch not in set(string.punctuation))
    text = re.sub(r"\b(a|an|the)\b", " ", text)
    return " ".join(text.split())


def part_of(line: str) -> str:
    """Return "blind" or "dev" for one raw JSONL line, by a stable hash of its text."""
    digest = hashlib.sha256(line.strip().encode("utf-8")).digest()
    return "blind" if int.from_bytes(digest[:4], "big") % 100 < BLIND_PERCENT else "dev"


def load_shared(path: Path = SHARED, part: str = "dev") -> list[dict]:
    """Load the shared labelled answers of one part ("dev", "blind" or "all") as cases."""
    cases = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or (part != "all" and part_of(line) != part):
            continue
        row = json.loads(line)
        cases.append(
            {
                "answer": row["answer"],
                "expected": row["gold"],
                "evidence": row["evidence"],
                "kind": row["kind"],
                "correct": bool(row["correct"]),
                "why": row.get("why", ""),
            }
        )
    return cases


def load_cases(path: Path = CASES) -> list[dict]:
    """Load the labelled cases of a YAML case file."""
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


def tally(cases: list[dict]) -> dict[str, dict[str, int]]:
    """Count, per kind and in all, agreement and accepted answers among right and wrong ones."""
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for case in cases:
        got = check(case["answer"], case["expected"], case["evidence"], case["kind"]).correct
        exact = squad_normalise(case["answer"]) == squad_normalise(case["expected"])
        for key in (case["kind"], "all"):
            row = counts[key]
            row["n"] += 1
            row["agree"] += got == case["correct"]
            row["exact_agree"] += exact == case["correct"]
            if case["correct"]:
                row["right"] += 1
                row["right_accepted"] += got
            else:
                row["wrong"] += 1
                row["wrong_accepted"] += got
                row["exact_wrong_accepted"] += exact
    return counts


def _pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:5.1f}%" if whole else "    -"


def print_table(counts: dict[str, dict[str, int]]) -> None:
    """Print one line per kind and one for all."""
    print(
        f"{'kind':<8} {'n':>4} {'agreement':>10} {'correct accepted':>19} "
        f"{'wrong accepted':>19} {'exact-match agr.':>17}"
    )
    for kind in sorted(k for k in counts if k != "all") + ["all"]:
        row = counts[kind]
        print(
            f"{kind:<8} {row['n']:>4} {_pct(row['agree'], row['n']):>10} "
            f"{row['right_accepted']:>4}/{row['right']:<4} "
            f"{_pct(row['right_accepted'], row['right'])}"
            f"   {row['wrong_accepted']:>4}/{row['wrong']:<4} "
            f"{_pct(row['wrong_accepted'], row['wrong'])}"
            f"  {_pct(row['exact_agree'], row['n']):>15}"
        )


def main() -> None:
    """Print the figures (and, when asked, the disagreements)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("path", nargs="?", help="a YAML case file, or the shared JSONL set")
    parser.add_argument("--part", choices=("dev", "blind", "all"), default="dev")
    parser.add_argument("--misses", action="store_true", help="list the disagreements")
    args = parser.parse_args()
    path = Path(args.path) if args.path else (SHARED if SHARED.exists() else CASES)
    if path.suffix == ".jsonl":
        cases = load_shared(path, args.part)
        print(f"{path.name}, part {args.part}: {len(cases)} answers")
    else:
        cases = load_cases(path)
        print(f"{path.name}: {len(cases)} cases")
    print_table(tally(cases))
    if not args.misses:
        return
    _, _, misses = agreement(cases)
    print(f"disagreements: {len(misses)}")
    for case, got in misses:
        verdict = check(case["answer"], case["expected"], case["evidence"], case["kind"])
        print(
            f"  [{case['kind']}] expected={case['expected']!r} answer={case['answer']!r} "
            f"label={case['correct']} scorer={got}: {verdict.reason}"
            + (f"  (why: {case['why']})" if case.get("why") else "")
        )


if __name__ == "__main__":
    main()
