"""Keys that a careful reader's gold does not support: a check for wrong keys on news the rules
were not written on.

Usage: .venv/bin/python benchmarks/key_audit.py [FOLDER ...] [--list]

For every generated question that cites a sentence the gold lists (FOLDER as for
corpus_coverage.py, default ../shared/corpus):
- a `source` question (not one asking which outlet a speaker told) whose scorer accepts none of
  the gold sources (or their aliases) given for that sentence: a wrong source, a garbled span, or
  a source the reader did not list;
- an `attribution` question whose key disagrees with the kinds of source the gold gives for the
  sentence (named or described, vague, or none).
Prints the counts, and with --list each disagreement, for a person to judge.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from corpus_coverage import CORPUS, accepted, answers, load, norm, spans

from quizapp.core.questions import generate_questions

_OUTLET = re.compile(r"^Whom\b|\boutlet\b|\bquoted .* as saying\b")
_SOURCED = {"person", "organisation", "described", "document", "poll", "pronoun"}
_WANT = (("A named or described source", _SOURCED),
         ("Vague reports, no source named or described", {"vague"}), ("No source given", {"none"}))


def audit(folder: Path) -> tuple[list[str], list[str], int, int]:
    """Return the source and attribution disagreements, and how many of each were checked."""
    items = load(folder)
    texts = {s.id: s.text for s, _ in items}
    gold = {s.id: facts for s, facts in items}
    sources, attributions = [], []
    n_source = n_attribution = 0
    for q in generate_questions([s for s, _ in items]):
        if q.type not in ("source", "attribution"):
            continue
        evidence = spans(q, texts)
        cited = norm(evidence[-1]) if evidence else ""
        facts = [f for f in gold[q.evidence[0].source] if norm(f.get("sentence", "")) == cited]
        if not facts:
            continue
        line = f"{q.evidence[0].source}: {q.prompt[:110]!r} key={q.answer!r}"
        if q.type == "source" and (_OUTLET.search(q.prompt) or "chain" in q.tags):
            continue  # who a speaker told or was quoted by: the gold lists speakers, not outlets
        if q.type == "source":
            forms = [a for f in facts if f["source_kind"] in _SOURCED for a in answers(f)]
            if not forms:
                continue
            n_source += 1
            if not any(accepted(q, form, evidence) for form in forms):
                sources.append(f"{line} gold={forms[:3]}")
            continue
        kinds = {f["source_kind"] for f in facts}
        want = next((answer for answer, of in _WANT if kinds & of), None)
        n_attribution += 1
        if want != q.answer:
            attributions.append(f"{line} gold kinds={sorted(kinds)}")
    return sources, attributions, n_source, n_attribution


def main() -> int:
    """Print the disagreements of each folder."""
    parser = argparse.ArgumentParser()
    parser.add_argument("folders", type=Path, nargs="*", default=[CORPUS])
    parser.add_argument("--list", action="store_true", help="print each disagreement")
    args = parser.parse_args()
    for folder in args.folders:
        sources, attributions, n_source, n_attribution = audit(folder)
        print(f"{folder}: source keys the gold does not support: {len(sources)}/{n_source}; "
              f"attribution keys against the gold: {len(attributions)}/{n_attribution}")
        for line in (sources + attributions) if args.list else ():
            print("  ", line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
