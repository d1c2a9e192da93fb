"""Coverage of generated questions on the labelled articles: attributed figures and named sources.

Usage: .venv/bin/python benchmarks/generation_coverage.py [FOLDER] [--sample N] [--seeds DIR]

FOLDER holds labelled *.yaml articles (default tests/data/generation); its seeds.yaml, if any,
labels the texts found in --seeds.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path

import yaml

from quizapp.core.banks.model import Question, Source
from quizapp.core.questions import check_integrity, generate_questions

DATA = Path(__file__).resolve().parent.parent / "tests" / "data" / "generation"
SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"  # beside the checkout


def load_labelled(seeds: Path = SEEDS, folder: Path = DATA) -> list[tuple[Source, dict]]:
    """Return (source, labels) for every labelled article, and for the seeds when present."""
    items = []
    for path in sorted(folder.glob("*.yaml")):
        if path.name == "seeds.yaml":
            continue
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        source = Source(id=path.stem, title=data["title"], text=data["text"],
                        publisher=data.get("publisher"), author=data.get("author"),
                        date=str(data["date"]) if data.get("date") else None)
        items.append((source, data["labels"]))
    seeds_file = folder / "seeds.yaml"
    if not seeds_file.exists():
        return items
    seed_labels = yaml.safe_load(seeds_file.read_text(encoding="utf-8"))
    for name, labels in seed_labels.items():
        path = seeds / name
        if path.exists():
            text = path.read_text(encoding="utf-8")
            title = next(line for line in text.splitlines() if line.strip()).strip("* ")
            items.append((Source(id=path.stem, title=title, text=text), labels))
    return items


def norm(text: str) -> str:
    """Normalise an answer for label matching."""
    return re.sub(r"\s+", " ", text.lower().replace("’", "'")).strip(" .")


def answers(question: Question) -> set[str]:
    """Return the normalised answer and accepted variants of a question."""
    return {norm(question.answer), *(norm(a) for a in question.accept)}


def covered(label: str, questions: list[Question], types: tuple[str, ...]) -> bool:
    """Tell whether some question of `types` has the label as its answer or accepted variant."""
    want = norm(label)
    return any(want in answers(q) for q in questions if q.type in types)


def main() -> int:
    """Print coverage per article, overall, integrity failures and a sample of questions."""
    parser = argparse.ArgumentParser()
    parser.add_argument("folder", type=Path, nargs="?", default=DATA)
    parser.add_argument("--sample", type=int, default=20)
    parser.add_argument("--seeds", type=Path, default=SEEDS)
    args = parser.parse_args()
    items = load_labelled(args.seeds, args.folder)
    sources = [s for s, _ in items]
    questions = generate_questions(sources)
    by_source: dict[str, list[Question]] = {}
    for q in questions:
        by_source.setdefault(q.evidence[0].source, []).append(q)
    total = hits = 0
    missing = []
    for source, labels in items:
        own = by_source.get(source.id, [])
        got = 0
        for label in labels.get("figures", []):
            ok = covered(label, own, ("figure",))
            got += ok
            if not ok:
                missing.append(f"{source.id}: figure {label!r}")
        for label in labels.get("sources", []):
            ok = covered(label, own, ("source",))
            got += ok
            if not ok:
                missing.append(f"{source.id}: source {label!r}")
        n = len(labels.get("figures", [])) + len(labels.get("sources", []))
        total, hits = total + n, hits + got
        print(f"{source.id:32} {got:3}/{n:<3} questions={len(own)}")
    print(f"coverage: {hits}/{total} = {hits / max(total, 1):.1%}")
    for line in missing:
        print("  missing", line)
    broken = [(q.id, p) for q in questions for p in check_integrity(q, sources)]
    print(f"integrity: {len(questions) - len({i for i, _ in broken})}/{len(questions)} clean")
    for qid, problem in broken[:10]:
        print("  ", qid, problem)
    rng = random.Random(7)
    print(f"\nsample of {args.sample} questions:")
    for q in rng.sample(questions, min(args.sample, len(questions))):
        print(f"- [{q.type}] {q.prompt}\n    answer: {q.answer}"
              + (f"  choices: {q.choices}" if q.choices and q.type != "verdict" else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
