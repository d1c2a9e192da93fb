"""Speed of question generation: 250, 500 and 1,000 articles of about 5 KB on one core.

Articles are built by varying the labelled articles (numbers and names shifted, paragraphs of two
articles interleaved). Usage: .venv/bin/python benchmarks/bench_generate.py [--max N]

Each size runs in a fresh process pinned to one core, so that its CPU time and peak memory are its
own: no caches warmed by a smaller run (the first articles of every size are the same), and no
questions of an earlier size held in memory while the next one is measured.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import subprocess
import sys
import time
from pathlib import Path

import yaml

from quizapp.core.banks.model import Source
from quizapp.core.questions import generate_questions

DATA = Path(__file__).resolve().parent.parent / "tests" / "data" / "generation"
NAMES = ["Adams", "Baptiste", "Chen", "Dubois", "Eriksen", "Fischer", "Garcia", "Haddad"]


def base_articles() -> list[tuple[str, str]]:
    """Return (title, text) of the labelled articles."""
    found = []
    for path in sorted(DATA.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if isinstance(data, dict) and "text" in data:
            found.append((data["title"], data["text"]))
    return found


def vary(text: str, n: int) -> str:
    """Shift every number and swap surnames so that each built article differs."""
    text = re.sub(r"\d+", lambda m: str(int(m.group()) + n % 7), text)
    for i, name in enumerate(NAMES):
        text = text.replace(f" {name}", f" {NAMES[(i + n) % len(NAMES)]}")
    return text


def build(count: int) -> list[Source]:
    """Build `count` articles of about 5 KB each."""
    bases = base_articles()
    sources = []
    for n in range(count):
        title, a = bases[n % len(bases)]
        _, b = bases[(n * 3 + 1) % len(bases)]
        _, c = bases[(n * 5 + 2) % len(bases)]
        text = vary(a + "\n\n" + b.split("\n\n", 2)[-1] + "\n\n" + c.split("\n\n", 2)[-1], n)
        sources.append(Source(id=f"a{n}", title=f"{title} ({n})", text=text[:5200],
                              date=f"2025-{1 + n % 12:02d}-{1 + n % 28:02d}"))
    return sources


def measure(size: int) -> None:
    """Time generation for `size` articles in this process; print its CPU time and peak memory."""
    sources = build(size)
    kb = sum(len(s.text) for s in sources) / size / 1024
    start, cpu = time.perf_counter(), time.process_time()
    questions = generate_questions(sources)
    elapsed, used = time.perf_counter() - start, time.process_time() - cpu
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{size:5} articles ({kb:.1f} KB avg): wall {elapsed:6.2f} s, cpu {used:6.2f} s, "
          f"{len(questions)} questions, {used / size * 1000:.1f} ms/article (cpu), "
          f"peak memory {peak:.0f} MB", flush=True)


def main() -> int:
    """Time generation at three corpus sizes, each in a fresh process, and print peak memory."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--max", type=int, default=1000)
    parser.add_argument("--size", type=int, help="measure one size in this process")
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core (children inherit)
    if args.size:
        measure(args.size)
        return 0
    sizes = [s for s in (args.max // 4, args.max // 2, args.max) if s]
    for size in sizes:
        subprocess.run([sys.executable, __file__, "--size", str(size)], check=True)
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"peak memory (max RSS of the largest measuring process): {peak:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
