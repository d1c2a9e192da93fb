"""Check that no news text went into the project: 7-word runs shared with article folders.

Usage: .venv/bin/python benchmarks/leak_check.py [FOLDER ...] [--words 7]

Every run of N words (lower case, words of letters and digits) of the project's tests/,
quizapp/, benchmarks/ and README.md is looked up in the text files under each FOLDER (default:
../shared/corpus and ../shared/scoring beside the checkout). Prints each shared run with the
project file it is in; the exit status is 1 when any is found. Names of organisations are often
7 words long and are fine; sentences of an article are not.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
PROJECT = ("tests", "quizapp", "benchmarks", "README.md")
SUFFIXES = {".py", ".md", ".txt", ".json", ".yaml", ".yml", ".html", ".gift", ".xml", ".csv"}


def words(text: str) -> list[str]:
    """Return the text's words, lower case."""
    return re.findall(r"[a-z0-9]+", text.lower())


def runs(text: str, n: int) -> set[tuple[str, ...]]:
    """Return the text's runs of n words."""
    w = words(text)
    return {tuple(w[i : i + n]) for i in range(len(w) - n + 1)}


def files(root: Path) -> list[Path]:
    """Return the text files at or under root."""
    if root.is_file():
        return [root]
    return [p for p in sorted(root.rglob("*")) if p.is_file() and p.suffix in SUFFIXES
            and ".venv" not in p.parts and "node_modules" not in p.parts]


def main() -> int:
    """Print the shared runs."""
    parser = argparse.ArgumentParser()
    parser.add_argument("folders", type=Path, nargs="*")
    parser.add_argument("--words", type=int, default=7)
    args = parser.parse_args()
    news: set[tuple[str, ...]] = set()
    for folder in args.folders or [SHARED / "corpus", SHARED / "scoring"]:
        for path in files(folder):
            news |= runs(path.read_text(encoding="utf-8", errors="replace"), args.words)
    found = 0
    for part in PROJECT:
        for path in files(ROOT / part):
            if path.resolve() == Path(__file__).resolve():
                continue
            shared = runs(path.read_text(encoding="utf-8", errors="replace"), args.words) & news
            for run in sorted(shared):
                found += 1
                print(f"{path.relative_to(ROOT)}: {' '.join(run)}")
    print(f"{found} shared runs of {args.words} words", file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
