"""Fingerprint of every question the generator writes, to show a refactor changes no output.

Usage: .venv/bin/python benchmarks/fingerprint.py [FOLDER ...] [--dump FILE]

Generates a bank from each FOLDER's articles/*.txt (default: ../shared/corpus and
../shared/seeds beside the checkout) and prints one SHA-256 per folder and one over all of
them. --dump writes every question as a JSON line, for a diff of two trees' outputs. Run it from
the checkout being measured: it refuses to run on a quizapp package imported from elsewhere.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import sys
from pathlib import Path

import quizapp
from quizapp.core.questions import generate_questions
from quizapp.core.reading.sources import read_source_file

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def folder_sources(folder: Path) -> list:
    """Read a folder's articles (articles/*.txt, else *.txt), ids = file stems."""
    paths = sorted((folder / "articles").glob("*.txt")) or sorted(folder.glob("*.txt"))
    sources = []
    for path in paths:
        source = read_source_file(path)
        source.id = path.stem
        sources.append(source)
    return sources


def main() -> int:
    """Print the fingerprints."""
    parser = argparse.ArgumentParser()
    parser.add_argument("folders", type=Path, nargs="*")
    parser.add_argument("--dump", type=Path)
    args = parser.parse_args()
    if Path(quizapp.__file__).resolve().parents[1] != Path.cwd().resolve():
        print(f"quizapp is imported from {quizapp.__file__}, not from here", file=sys.stderr)
        return 2
    folders = args.folders or [SHARED / "corpus", SHARED / "seeds"]
    whole = hashlib.sha256()
    lines = []
    for folder in folders:
        digest = hashlib.sha256()
        questions = generate_questions(folder_sources(folder))
        for question in questions:
            line = json.dumps(dataclasses.asdict(question), sort_keys=True, ensure_ascii=False)
            digest.update(line.encode())
            lines.append(f"{folder.name}\t{line}")
        whole.update(digest.digest())
        print(f"{folder}: {len(questions)} questions {digest.hexdigest()[:16]}")
    print(f"all: {whole.hexdigest()[:16]}")
    if args.dump:
        args.dump.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
