"""Coverage of generated questions against gold facts listed by a careful reader.

Usage: .venv/bin/python benchmarks/corpus_coverage.py [FOLDER] [--missing] [--sample N --seed S]

FOLDER (default ../shared/corpus beside the checkout) holds articles/NAME.txt and gold/NAME.json;
each gold fact has `sentence` (or a `key` that its sentence contains), `source_kind`, `source`,
`source_aliases`, `figure` and `conflicts_with`, as ../shared/corpus/README.md describes.

A fact counts as covered only by a question of the right type that cites its sentence and whose
scorer accepts the reader's answer: a `source` question accepting the source or one of its aliases,
a `figure` or `date` question accepting the figure as written. Prints:
- named or described sources (person, organisation, described) with a source question;
- every sourced fact (also document, poll, pronoun) with a source question;
- attributed figures (source_kind not none) with a figure or date question, and how many of
  those are asked about the claim rather than as a blank in the sentence (tag "closed-book");
  then all figures;
- conflicting pairs of the gold with a discrepancy question citing both sentences, and those of
  pairs.json (when the folder has one: {"a", "b", "a_sentence", "b_sentence"}, two articles'
  stems and conflicting sentences) across two articles;
- integrity failures (quizapp.core.questions.check_integrity) and typed+multiple-choice twins.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import Counter
from pathlib import Path

from quizapp.core.banks.model import Question, Source
from quizapp.core.questions import check_integrity, generate_questions
from quizapp.core.reading.sources import read_source_file
from quizapp.core.scoring import score_answer

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
NAMED = ("person", "organisation", "described")
SOURCED = (*NAMED, "document", "poll", "pronoun")


def load(folder: Path) -> list[tuple[Source, list[dict]]]:
    """Return (source, gold facts) for every article of the folder, ids = file stems."""
    items = []
    for path in sorted((folder / "articles").glob("*.txt")):
        gold = folder / "gold" / f"{path.stem}.json"
        if not gold.exists():
            continue
        source = read_source_file(path)
        source.id = path.stem
        items.append((source, json.loads(gold.read_text(encoding="utf-8"))))
    return items


def norm(text: str) -> str:
    """Normalise quotes and whitespace for sentence matching."""
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    text = text.replace("\\'", "'").replace('\\"', '"')  # a page's escaped quotes, which
    # the reader copied into the gold and the reader of articles drops
    return re.sub(r"\s+", " ", text).strip()


def spans(question: Question, texts: dict[str, str]) -> list[str]:
    """Return the normalised evidence texts of a question."""
    return [norm(texts[e.source][e.start : e.end]) for e in question.evidence if e.source in texts]


def cites(fact: dict, evidence: list[str]) -> bool:
    """Tell whether some evidence span is the fact's sentence (or holds its key)."""
    if "key" in fact:
        key = norm(fact["key"])
        return any(key in e for e in evidence)
    sentence = norm(fact["sentence"])
    return any(sentence in e or (e in sentence and len(e) >= 0.6 * len(sentence))
               for e in evidence)


def sentence_of(fact: dict) -> str:
    """Return what identifies a fact's sentence."""
    return norm(fact.get("sentence") or fact["key"])


def answers(fact: dict) -> list[str]:
    """Return the source forms a student may fairly give for a fact."""
    source = re.sub(r"\s*\((?:context|continued quote|[^)]*\"[^)]*)\)\s*$", "",
                    fact.get("source") or "")
    forms = [*fact.get("source_aliases", []), source]
    return [f for f in dict.fromkeys(forms) if f.strip()]


def accepted(question: Question, answer: str, evidence: list[str]) -> bool:
    """Tell whether the scorer accepts `answer` to the question."""
    return score_answer(question, answer, " ".join(evidence)).correct


def measure(items: list[tuple[Source, list[dict]]], questions: list[Question]) -> dict:
    """Return the coverage counts, with the facts missed."""
    texts = {s.id: s.text for s, _ in items}
    by_source: dict[str, list[tuple[Question, list[str]]]] = {}
    for q in questions:
        by_source.setdefault(q.evidence[0].source, []).append((q, spans(q, texts)))
    counts: Counter[str] = Counter()
    missed: list[str] = []
    per_article = []
    for source, facts in items:
        own = by_source.get(source.id, [])
        got = want = 0
        for fact in facts:
            kind = fact["source_kind"]
            if kind in SOURCED:
                ok = any(q.type == "source" and cites(fact, ev)
                         and any(accepted(q, a, ev) for a in answers(fact)) for q, ev in own)
                counts["sourced"] += 1
                counts["sourced_ok"] += ok
                if kind in NAMED:
                    counts["named"] += 1
                    counts["named_ok"] += ok
                    want, got = want + 1, got + ok
                if not ok:
                    missed.append(f"{source.id}: source [{kind}] {fact.get('source')!r} in "
                                  f"{sentence_of(fact)[:90]!r}")
            figure = fact.get("figure")
            numeric = figure and (fact.get("value") is not None or "key" in fact)
            if numeric:
                hits = [q for q, ev in own if q.type in ("figure", "date") and cites(fact, ev)
                        and accepted(q, figure, ev)]
                ok = bool(hits)
                open_ok = any("closed-book" not in q.tags for q in hits)
                if kind != "none":
                    counts["attributed_open_ok"] += open_ok
                counts["figures"] += 1
                counts["figures_ok"] += ok
                if kind != "none":
                    counts["attributed"] += 1
                    counts["attributed_ok"] += ok
                    want, got = want + 1, got + ok
                if not ok:
                    missed.append(f"{source.id}: figure [{kind}] {figure!r} in "
                                  f"{sentence_of(fact)[:90]!r}")
        pairs = set()
        for fact in facts:
            for other in fact.get("conflicts_with", []):
                pairs.add(tuple(sorted((sentence_of(fact), norm(other)))))
        for a, b in sorted(pairs):
            ok = any(q.type == "discrepancy" and any(a in e or e in a for e in ev)
                     and any(b in e or e in b for e in ev) for q, ev in own)
            counts["pairs"] += 1
            counts["pairs_ok"] += ok
            if not ok:
                missed.append(f"{source.id}: conflict {a[:60]!r} vs {b[:60]!r}")
        counts["discrepancy_questions"] += sum(q.type == "discrepancy" for q, _ in own)
        per_article.append((source.id, got, want, len(own)))
    sources = [s for s, _ in items]
    broken = {q.id for q in questions if check_integrity(q, sources)}
    counts["integrity_failures"] = len(broken)
    prompts = Counter((q.type, q.prompt) for q in questions)
    counts["twins"] = sum(n - 1 for n in prompts.values() if n > 1)
    return {"counts": counts, "missed": missed, "per_article": per_article, "broken": broken}


def cross_pairs(folder: Path, items: list[tuple[Source, list[dict]]],
                questions: list[Question]) -> tuple[int, int, list[str]]:
    """Count the folder's pairs.json conflicts across two articles ({"a", "b", "a_sentence",
    "b_sentence"}: article stems and sentences) with a discrepancy question citing both."""
    path = folder / "pairs.json"
    if not path.exists():
        return 0, 0, []
    texts = {s.id: s.text for s, _ in items}
    cited = [[(e.source, norm(texts[e.source][e.start : e.end])) for e in q.evidence
              if e.source in texts] for q in questions if q.type == "discrepancy"]
    found = missed = 0
    lines = []
    for pair in json.loads(path.read_text(encoding="utf-8")):
        wanted = [(pair["a"], norm(pair["a_sentence"])), (pair["b"], norm(pair["b_sentence"]))]
        ok = any(all(any(src == s and (sent in e or e in sent) for s, e in evidence)
                     for src, sent in wanted) for evidence in cited)
        found, missed = found + ok, missed + (not ok)
        if not ok:
            lines.append(f"{pair['a']} vs {pair['b']}: conflict {wanted[0][1][:60]!r} vs "
                         f"{wanted[1][1][:60]!r}")
    return found, found + missed, lines


def pct(a: int, b: int) -> str:
    """Format a share."""
    return f"{a}/{b} = {a / b:.1%}" if b else "0/0"


def main() -> int:
    """Generate a bank from the folder's articles and print its coverage of the gold."""
    parser = argparse.ArgumentParser()
    parser.add_argument("folder", type=Path, nargs="?", default=CORPUS)
    parser.add_argument("--missing", action="store_true", help="list the facts not covered")
    parser.add_argument("--per-article", action="store_true")
    parser.add_argument("--sample", type=int, default=0, help="print a random sample of questions")
    parser.add_argument("--seed", type=int, default=14)
    args = parser.parse_args()
    if not (args.folder / "articles").is_dir():
        print(f"no articles folder in {args.folder}", file=sys.stderr)
        return 2
    items = load(args.folder)
    questions = generate_questions([s for s, _ in items])
    result = measure(items, questions)
    c = result["counts"]
    if args.per_article:
        for sid, got, want, n in result["per_article"]:
            print(f"{sid:34} {got:3}/{want:<3} questions={n}")
    print(f"articles: {len(items)}  questions: {len(questions)}  by type: "
          + ", ".join(f"{t}={n}" for t, n in sorted(Counter(q.type for q in questions).items())))
    print(f"named+described sources with a source question: {pct(c['named_ok'], c['named'])}")
    print(f"all sourced facts with a source question:        {pct(c['sourced_ok'], c['sourced'])}")
    print(f"attributed figures with a figure/date question:  "
          f"{pct(c['attributed_ok'], c['attributed'])}")
    print(f"  of which asked about the claim (open book):    "
          f"{pct(c['attributed_open_ok'], c['attributed'])}")
    print(f"all figures with a figure/date question:         {pct(c['figures_ok'], c['figures'])}")
    print(f"gold conflicting pairs with a discrepancy question: {pct(c['pairs_ok'], c['pairs'])}"
          f"  (discrepancy questions: {c['discrepancy_questions']})")
    across, across_all, across_missed = cross_pairs(args.folder, items, questions)
    if across_all:
        print(f"conflicts across two articles with a discrepancy question: "
              f"{pct(across, across_all)}")
        result["missed"].extend(across_missed)
    print(f"integrity failures: {c['integrity_failures']}   typed/MC twins of one prompt: "
          f"{c['twins']}")
    if args.missing:
        for line in result["missed"]:
            print("  missed", line)
    if args.sample:
        texts = {s.id: s.text for s, _ in items}
        rng = random.Random(args.seed)
        for q in rng.sample(questions, min(args.sample, len(questions))):
            ev = " | ".join(spans(q, texts))
            print(f"\n[{q.id} {q.type} {q.evidence[0].source}] {q.prompt}\n  answer: {q.answer}"
                  f"\n  accept: {q.accept}"
                  + (f"\n  choices: {q.choices}" if q.choices else "") + f"\n  evidence: {ev}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
